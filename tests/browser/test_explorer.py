"""The explorer in a real browser: JupyterLab runs 04-explorer, a widget is changed, the figure follows; and
Voila serves the notebook with its widgets rendered."""

import pytest

pytestmark = pytest.mark.browser

HEATMAP = ".jp-OutputArea-output .js-plotly-plot"


def _incident_select(page):
    label = page.locator(".widget-dropdown", has=page.locator("label", has_text="Incident"))
    return label.locator("select").first


def test_changing_the_incident_redraws_the_heatmap(jupyterlab, lab, page, screenshot):
    lab.run_all(jupyterlab.replace("/lab?", "/lab/tree/04-explorer.ipynb?"))
    # wait for the last cell (the inspector) so that no cell changes the explorer any more; it shows Armenia's
    # defence ministry's preliminary denial of the 12 Feb fire (source pack NH24-C03)
    lab.wait_for_output("According to preliminary information", selector=".widget-html-content")
    select = _incident_select(page)
    select.wait_for(timeout=60_000)
    page.wait_for_selector(HEATMAP + " .hm", timeout=60_000)  # the heatmap trace has been drawn
    summary = page.locator(".widget-html-content", has_text="fields agreed").first
    before_summary = summary.inner_text()
    before_plot = page.locator(HEATMAP).first.inner_html()
    screenshot(page, "explorer-before")

    select.select_option(value=select.locator("option", has_text="fire-2024-02-13").first.get_attribute("value"))
    page.wait_for_function("(s) => ![...document.querySelectorAll('.widget-html-content')]"
                           ".some(e => e.textContent === s)", arg=before_summary, timeout=30_000)
    page.wait_for_function("([sel, html]) => document.querySelector(sel).innerHTML !== html",
                           arg=[HEATMAP, before_plot], timeout=30_000)
    after_summary = summary.inner_text()
    assert after_summary != before_summary
    screenshot(page, "explorer-after")


def test_voila_renders_the_explorer_widgets(voila, page, screenshot):
    """Voila serves the notebook as an app: the controls, the summary line, the figure frames and the claim
    inspector render. (Known limit: with voila 0.5.13, whose bundled JupyterLab core is 4.2, the plotly
    FigureWidget's traces are not drawn; the same widgets draw them in JupyterLab, tested above.)"""
    page.goto(voila + "/voila/render/04-explorer.ipynb", timeout=120_000)
    page.wait_for_selector(".widget-dropdown select", timeout=120_000)
    page.wait_for_selector(".js-plotly-plot", timeout=120_000)
    page.wait_for_function("() => [...document.querySelectorAll('.widget-html-content')]"
                           ".some(e => e.textContent.includes('According to preliminary information'))",
                           timeout=120_000)
    assert page.locator(".widget-html-content", has_text="fields agreed").count() >= 1
    assert page.locator(".widget-select-multiple select").count() == 3  # sides, sources, fields
    screenshot(page, "voila-explorer")
