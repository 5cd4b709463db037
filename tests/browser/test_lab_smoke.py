"""JupyterLab opens the quick-start notebook and runs it in a real browser."""

import pytest

pytestmark = pytest.mark.browser


def test_quickstart_runs_in_jupyterlab(jupyterlab, page, screenshot):
    page.goto(jupyterlab.replace("/lab?", "/lab/tree/01-quickstart.ipynb?"))
    page.wait_for_selector(".jp-Notebook", timeout=120_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
    page.keyboard.press("Escape")
    page.get_by_role("menuitem", name="Run").click()
    page.get_by_text("Run All Cells", exact=True).click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-OutputArea-output')].some(e => e.textContent.includes('checks passed'))",
        timeout=180_000)
    screenshot(page, "lab-01-quickstart")
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0
