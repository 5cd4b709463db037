"""Browser fixtures: a JupyterLab (or Voila) server on a free loopback port, and a headless Chromium page.

Uses Playwright's Python package with the system Chromium (``/usr/bin/chromium``, installed by ``make test``
when missing); never downloads a browser. Screenshots go to ``artifacts/screenshots/`` (git-ignored).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = os.environ.get("CONFLICTLAB_CHROMIUM", "/usr/bin/chromium")
# Chromium flags for a closed network and a root user (see the project's machine notes)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"server did not answer at {url}")


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (make test installs it; or set CONFLICTLAB_CHROMIUM)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _serve(cmd: list[str], url: str, tmp: Path):
    log = open(tmp / "server.log", "w")  # noqa: SIM115 - closed below
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp / "config"), "JUPYTER_DATA_DIR": str(tmp / "data"),
           "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"), "IPYTHONDIR": str(tmp / "ipython")}
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    settings = tmp / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false", "checkForUpdates": false}')
    notebook_settings = tmp / "settings" / "@jupyterlab" / "notebook-extension"
    notebook_settings.mkdir(parents=True, exist_ok=True)
    (notebook_settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    env["JUPYTERLAB_SETTINGS_DIR"] = str(tmp / "settings")
    proc = subprocess.Popen(cmd, cwd=tmp, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        _wait_for(url, proc)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture()
def notebooks_dir(tmp_path) -> Path:
    """A copy of notebooks/ (the server may write checkpoints; the repository stays clean)."""
    dest = tmp_path / "nb"
    shutil.copytree(ROOT / "notebooks", dest, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return dest


@pytest.fixture()
def jupyterlab(notebooks_dir, tmp_path):
    """A JupyterLab server on a free loopback port; yields its base URL (with token).

    The notebook windowing mode is ``none``, so every cell and output is attached to the page however far below
    the fold it is: what a test looks for is in the DOM, not merely scrolled past.
    """
    pytest.importorskip("jupyterlab")
    port, token = _free_port(), "conflictlab-test"
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={notebooks_dir}",
           "--ServerApp.disable_check_xsrf=True", "--LabApp.news_url=", "--LabApp.check_for_updates_class="
           "jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    base = f"http://127.0.0.1:{port}"
    yield from (f"{base}/lab?token={token}" for _ in _serve(cmd, f"{base}/api/status?token={token}", tmp_path))


@pytest.fixture()
def voila(notebooks_dir, tmp_path):
    """A Voila server on a free loopback port serving notebooks/; yields its base URL."""
    pytest.importorskip("voila")
    port = _free_port()
    cmd = [sys.executable, "-m", "voila", "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
           "--ServerApp.disable_check_xsrf=True", str(notebooks_dir)]
    base = f"http://127.0.0.1:{port}"
    yield from (base for _ in _serve(cmd, base + "/", tmp_path))


@pytest.fixture()
def page(browser, request):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    yield pg
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:  # keep what the browser showed when a test failed
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"FAILED-{request.node.name}.png"))
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture()
def screenshot():
    """``screenshot(page, name)`` saves a PNG under artifacts/screenshots/ and returns its path."""

    def take(page, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=False)
        return path

    return take


# --- driving a notebook in JupyterLab ---------------------------------------------------------------------------

_FIRST_PROMPT_RAN = """() => { const p = document.querySelector('.jp-CodeCell .jp-InputPrompt');
                               return !!p && /\\[(\\*|\\d+)\\]/.test(p.textContent); }"""
_OUTPUT_OR_ERROR = """([sel, text]) => {
    if ([...document.querySelectorAll(sel)].some(e => e.textContent.includes(text))) return 'found';
    const errors = [...document.querySelectorAll(
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")];
    return errors.some(e => /Traceback/.test(e.textContent)) ? 'error' : false;
}"""


def _page_report(page) -> str:
    """What the notebook shows, for a failure message: the cell prompts, the status bar and any error output."""
    try:
        prompts = page.evaluate("() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
                                ".map(e => e.textContent.trim())")
        errors = page.evaluate("() => [...document.querySelectorAll(\".jp-OutputArea-output"
                               "[data-mime-type='application/vnd.jupyter.stderr']\")].map(e => e.textContent)")
        status = page.locator(".jp-StatusBar-Widget").all_inner_texts()
    except Exception as exc:  # noqa: BLE001 - the page itself may be gone
        return f"(page unreadable: {exc})"
    return f"prompts={prompts} status={status} errors={[e[-2000:] for e in errors]}"


class LabDriver:
    """Runs a notebook in JupyterLab the way a user does (Run > Run All Cells) and waits for its outputs."""

    def __init__(self, page):
        self.page = page

    def run_all(self, url: str, attempts: int = 3) -> None:
        """Open ``url``, wait for an idle kernel, and run all cells.

        A click on Run All Cells that lands while the notebook is still connecting its kernel is dropped by
        JupyterLab; the first code cell's prompt (``[*]`` or ``[1]``) tells whether the run started, and the click
        is tried again, up to ``attempts`` times.
        """
        page = self.page
        page.goto(url)
        page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=120_000)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        for _ in range(attempts):
            page.locator(".jp-Notebook .jp-Cell").first.click()  # the notebook becomes the current widget
            page.keyboard.press("Escape")
            page.get_by_role("menuitem", name="Run").click()
            page.get_by_text("Run All Cells", exact=True).click()
            try:
                page.wait_for_function(_FIRST_PROMPT_RAN, timeout=30_000)
                return
            except Exception:  # noqa: BLE001 - playwright's TimeoutError: the click was dropped
                page.keyboard.press("Escape")
        raise AssertionError(f"Run All Cells did not start the notebook: {_page_report(page)}")

    def wait_for_output(self, text: str, selector: str = ".jp-OutputArea-output", timeout: float = 180_000):
        """Wait until an output under ``selector`` contains ``text``.

        Fails at once, with the traceback, when a cell writes an error instead, and on timeout says what the
        notebook showed."""
        try:
            handle = self.page.wait_for_function(_OUTPUT_OR_ERROR, arg=[selector, text], timeout=timeout,
                                                 polling=500)
        except Exception as exc:  # noqa: BLE001 - playwright's TimeoutError
            raise AssertionError(f"no output with {text!r} after {timeout / 1000:.0f} s: "
                                 f"{_page_report(self.page)}") from exc
        if handle.json_value() == "error":
            raise AssertionError(f"a cell failed before {text!r} was shown: {_page_report(self.page)}")


@pytest.fixture()
def lab(page) -> LabDriver:
    """A :class:`LabDriver` on the test's page."""
    return LabDriver(page)
