"""Journalist reports: one self-contained HTML page per casebook, with the charts as PNG and SVG beside it.

The page holds what both sides agree on, what they contest, what only one side says and where a side
contradicts itself (from :func:`conflictlab.summarize`), the side-by-side table with every quote, the
documents (only ``http``/``https`` addresses become links), the charts of :mod:`conflictlab.viz` and the
citation. plotly.js is embedded once; the page loads nothing from the network (a Content-Security-Policy
forbids it too). Every text from the casebook is HTML-escaped by the template (jinja2 autoescaping).

Examples
--------
>>> import tempfile, pathlib
>>> import conflictlab as cl
>>> from conflictlab.report import build_report
>>> with tempfile.TemporaryDirectory() as tmp:
...     result = build_report(cl.datasets.load("nerkin-hand-2024"), tmp, images=False)
...     html = result.html.read_text(encoding="utf-8")
>>> "What both sides agree on" in html, html.count("<script src=")
(True, 0)
>>> safe_url("javascript:alert(1)") is None, safe_url("https://example.org/a")
(True, 'https://example.org/a')
"""

from __future__ import annotations

from .build import STATUS_SECTIONS, ReportResult, build_report, chart_figures, render_html, safe_url

__all__ = ["build_report", "render_html", "chart_figures", "safe_url", "ReportResult", "STATUS_SECTIONS"]
