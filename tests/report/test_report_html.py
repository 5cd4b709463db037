"""The report page as text: escaped, self-contained, faithful to the summary; and the chart images."""

from __future__ import annotations

import re

import pytest
from report.hostile import JS_URL, hostile_book  # tests/ is on sys.path (tests/conftest.py)

import conflictlab as cl

pytest.importorskip("plotly")
pytest.importorskip("jinja2")

from conflictlab import viz  # noqa: E402
from conflictlab.report import STATUS_SECTIONS, build_report, render_html, safe_url  # noqa: E402

AVAILABLE, WHY = viz.image_export_available()


@pytest.fixture(scope="module")
def nerkin() -> cl.Casebook:
    return cl.datasets.load("nerkin-hand-2024")


@pytest.fixture(scope="module")
def nerkin_html(nerkin) -> str:
    return render_html(nerkin)


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render_html(hostile_book())


def test_nothing_is_loaded_from_elsewhere(nerkin_html):
    assert not re.search(r"<script[^>]*\bsrc\s*=", nerkin_html, re.I)
    assert not re.search(r"<link\b", nerkin_html, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", nerkin_html, re.I)
    assert "default-src 'none'" in nerkin_html and "connect-src 'none'" in nerkin_html
    assert nerkin_html.count("<script>") == 1 + 5  # plotly.js once, then one per chart
    assert len(nerkin_html) > 3_000_000  # plotly.js is inside


def test_payloads_are_text_everywhere(hostile_html):
    assert "window.__pwned" in hostile_html  # the text is there ...
    assert "<script>window.__pwned" not in hostile_html  # ... never as markup
    assert '<img src="http://198.51.100.1' not in hostile_html
    assert "&lt;script&gt;window.__pwned=1" in hostile_html
    # in the charts the payload sits in JSON, escaped for HTML first
    assert "\\u003cscript\\u003e" in hostile_html or "&lt;script&gt;" in hostile_html


def test_only_http_addresses_become_links(hostile_html):
    page = re.sub(r"<script>.*?</script>", "", hostile_html, flags=re.S)  # plotly.js has its own strings
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and not [h for h in hrefs if h.lower().startswith(("javascript", "data", "vbscript"))]
    assert "Address given, not linked" in hostile_html
    assert "javascript:window.__pwned=3" in hostile_html.replace("&#39;", "'")  # shown as text


@pytest.mark.parametrize("url", [JS_URL, " javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>",
                                 "//evil.example/x", "/relative", "http://", "http://a b", "https://x\n.org",
                                 "vbscript:msgbox", None, float("nan")])
def test_safe_url_refuses(url):
    assert safe_url(url) is None


def test_safe_url_keeps_web_addresses():
    assert safe_url("https://www.theepochtimes.com/world/x-5586463") == "https://www.theepochtimes.com/world/x-5586463"


def test_the_summary_sections_follow_summarize(nerkin, nerkin_html):
    summary = cl.summarize(cl.compare(nerkin))
    for flag, heading, _ in STATUS_SECTIONS:
        n = int(summary[flag].sum())
        assert f"{heading} <span class=\"count\">({n})</span>" in nerkin_html, heading
    assert "In short: " + cl.summary_line(summary) in nerkin_html


def test_every_quote_is_in_the_page(nerkin, nerkin_html):
    import html as _html

    text = _html.unescape(nerkin_html)
    shown = {q for cell in cl.align(nerkin, show="quote").stack().dropna() for q in str(cell).split(" / ")}
    assert shown and [q for q in shown if q not in text] == []  # every quote of a claim compared is there
    # the page shows each source's current claims; two statements of the source-pack enrichment are in the
    # casebook but not current: the defence ministry's first figures (superseded the same day) and the
    # Azerbaijani foreign ministry's 12-13 Feb statement (followed by its own of 13-14 Feb)
    missing = [q for q in nerkin.claims["quote"].dropna().unique() if q not in text]
    not_shown = set(nerkin.claims.loc[nerkin.claims["quote"].isin(missing), "statement_id"])
    assert not_shown == {"am-mod-first-report", "az-mfa-serious-blow-provocation"}


def test_quotes_are_shown_verbatim_without_added_marks(nerkin_html):
    assert "““" not in nerkin_html and "””" not in nerkin_html
    assert "<blockquote>On Feb. 13, Armenia’s defense ministry said" in nerkin_html


@pytest.mark.skipif(not AVAILABLE, reason=f"PNG/SVG export unavailable: {WHY}")
def test_build_report_writes_png_and_svg_of_each_chart(nerkin, tmp_path):
    result = build_report(nerkin, tmp_path / "out")
    names = sorted(p.name for p in result.images)
    assert names == sorted(f"{c}.{ext}" for c in ("heatmap", "map", "network", "ranges", "timeline")
                           for ext in ("png", "svg"))
    for path in result.images:
        data = path.read_bytes()
        if path.suffix == ".png":
            assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
        else:
            assert b"<svg" in data[:2000] and b"http://" not in data.replace(b"http://www.w3.org", b"")
    html = result.html.read_text(encoding="utf-8")
    assert 'href="charts/heatmap.png" download' in html and 'href="charts/heatmap.svg" download' in html


def test_images_skipped_are_explained(nerkin, tmp_path, monkeypatch):
    monkeypatch.setattr(viz, "image_export_available", lambda: (False, "no Chromium here"))
    notes: list[str] = []
    result = build_report(nerkin, tmp_path / "out", log=notes.append)
    assert result.images == [] and notes == ["PNG/SVG skipped: no Chromium here"] == result.notes
    assert result.html.exists() and "charts/" not in result.html.read_text(encoding="utf-8").split("<body>")[1]
