"""The journalist report in headless Chromium with the network blocked: every chart drawn, nothing fetched,
no script from the casebook run."""

from __future__ import annotations

from pathlib import Path

import pytest
from report.hostile import write_hostile  # tests/ is on sys.path (tests/conftest.py)

import conflictlab as cl
from conflictlab.cli import main

pytestmark = pytest.mark.browser

# per plot: the drawn subplots (cartesian axes or geo) and the data marks inside each of them
_CHECK_CHARTS = """
() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(plot => {
  const svg = plot.querySelector('svg.main-svg');
  const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
  const areas = Array.from(plot.querySelectorAll('.cartesianlayer .subplot, .geolayer .geo'));
  const marks = el => Array.from(el.querySelectorAll(
      '.trace path, .trace image, .trace text, .point, .hm image, .textpoint'))
    .filter(m => { const r = m.getBoundingClientRect(); return r.width > 0 || r.height > 0; }).length;
  return {id: plot.id, width: box.width, height: box.height,
          marks: marks(plot), emptyAreas: areas.filter(a => marks(a) === 0).length, areas: areas.length};
})
"""


def _open(page, html: Path) -> list[str]:
    """Open ``html`` with every non-file request aborted; return the requests that tried to leave."""
    left: list[str] = []

    def block(route):
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            left.append(url)
            route.abort()

    page.context.route("**/*", block)
    page.on("request", lambda r: None if r.url.startswith(("file://", "data:", "blob:")) else left.append(r.url))
    page.goto(html.as_uri())
    page.wait_for_load_state("load")
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot svg.main-svg').length >= 5",
                           timeout=30_000)
    page.wait_for_timeout(500)
    return left


@pytest.fixture(scope="module")
def bundled_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    assert main(["report", str(cl.datasets.path("nerkin-hand-2024")), "-o", str(out), "--no-images"]) == 0
    return out / "index.html"


def test_every_chart_is_drawn_offline(bundled_report, page, screenshot):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    left = _open(page, bundled_report)
    charts = page.evaluate(_CHECK_CHARTS)
    screenshot(page, "report-top")
    page.locator("#charts").scroll_into_view_if_needed()
    screenshot(page, "report-charts")
    assert left == [], f"requests left the machine: {left}"
    assert errors == [], errors
    assert [c["id"] for c in charts] == [f"chart-{n}" for n in ("heatmap", "timeline", "map", "ranges", "network")]
    for c in charts:
        assert c["width"] > 300 and c["height"] > 200, c
        assert c["marks"] > 0, f"{c['id']} has no data marks: {c}"
        assert c["emptyAreas"] == 0, f"{c['id']} has blank plot areas: {c}"
    # the reader sees the summary sections and the side-by-side quotes
    for heading in ("What both sides agree on", "What they contest", "What only one side says",
                    "Where a side contradicts itself"):
        assert page.get_by_role("heading", name=heading).count() == 1
    assert page.locator("#side-by-side td .quote").count() > 10


def test_hostile_casebook_runs_no_script(tmp_path, page, screenshot):
    out = tmp_path / "out"
    assert main(["report", str(write_hostile(tmp_path)), "-o", str(out), "--no-images"]) == 0
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    left = _open(page, out / "index.html")
    screenshot(page, "report-hostile")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert left == [], f"requests left the machine: {left}"
    # the payload is shown as text, and the javascript: address is not a link
    assert "<script>window.__pwned=1" in page.locator("h1").inner_text()
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator(".url-text").first.inner_text().startswith("javascript:")
    charts = page.evaluate(_CHECK_CHARTS)
    assert len(charts) == 5 and all(c["marks"] > 0 for c in charts)
