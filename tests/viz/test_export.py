"""Saving: offline HTML always; PNG/SVG with kaleido 1.x and a Chromium, skipped with the reason otherwise."""

from __future__ import annotations

import re

import pytest

import conflictlab as cl
from conflictlab import viz
from conflictlab.viz import _world

AVAILABLE, WHY = viz.image_export_available()
needs_images = pytest.mark.skipif(not AVAILABLE, reason=f"PNG/SVG export unavailable: {WHY}")


@pytest.fixture(scope="module")
def evil_map(synthetic):
    return viz.place_map(synthetic)


def test_html_is_self_contained_and_escaped(tmp_path, synthetic):
    fig = viz.verdict_heatmap(cl.compare(synthetic, quotes=True), book=synthetic)
    path = viz.save(fig, tmp_path / "sub" / "heatmap.html")
    html = path.read_text(encoding="utf-8")
    assert not viz.export.EXTERNAL_SCRIPT.search(html)
    assert not re.search(r"<script[^>]+src=", html)  # plotly.js is inline, not linked
    assert len(html) > 1_000_000  # plotly.js embedded
    assert "<img src=x" not in html and "<script>alert" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html


def test_external_script_pattern():
    assert viz.export.EXTERNAL_SCRIPT.search('<script src="https://cdn.plot.ly/plotly.js"></script>')
    assert viz.export.EXTERNAL_SCRIPT.search("<script type='text/javascript' src='//cdn.x/y.js'>")
    assert not viz.export.EXTERNAL_SCRIPT.search('<script type="text/javascript">var a = "http://x";</script>')


def test_unknown_suffix_is_refused(tmp_path, nerkin):
    with pytest.raises(ValueError, match="use .png"):
        viz.save(viz.claim_network(nerkin), tmp_path / "x.gif")


@needs_images
def test_png_and_svg(tmp_path, evil_map):
    png = viz.save(evil_map, tmp_path / "map.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = viz.save(evil_map, tmp_path / "map.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg")
    # rendered text: the citation's <script> shows literally (XML-escaped once), never as markup or double-escaped
    assert re.search(r"Test citation (&lt;|&#60;)script(&gt;|&#62;|>)alert\('cite'\)", svg.replace("&#39;", "'"))
    assert "<script" not in svg
    assert "&amp;lt;" not in svg and "&amp;#" not in svg
    assert "169 km" in svg


@needs_images
def test_save_many_starts_and_stops_one_server(tmp_path, nerkin):
    from kaleido import _sync_server

    figs = {"network": viz.claim_network(nerkin), "ranges": viz.casualty_ranges(nerkin)}
    paths = viz.save_many(figs, tmp_path, formats=("png", "svg", "html"))
    assert sorted(p.name for p in paths) == ["network.html", "network.png", "network.svg", "ranges.html",
                                             "ranges.png", "ranges.svg"]
    assert all(p.stat().st_size > 1000 for p in paths)
    assert not _sync_server.GlobalKaleidoServer().is_running()


def test_world_outlines_are_packaged_small_and_documented():
    from importlib import resources

    data = resources.files("conflictlab.viz").joinpath("data")
    assert data.joinpath(_world.WORLD_FILE).stat().st_size < 150_000 if hasattr(data, "stat") else True
    assert len(data.joinpath(_world.WORLD_FILE).read_bytes()) < 150_000
    notice = data.joinpath("NOTICE.md").read_text(encoding="utf-8")
    assert "public domain" in notice and "ISC" in notice
    assert {"Armenia", "Azerbaijan", "Georgia"} <= set(_world.outlines())
