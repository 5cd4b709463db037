"""Figures for publication and notebooks (plotly): verdict heatmap, side-by-side table, timeline, place map,
casualty ranges, claim network; :func:`save` / :func:`save_many` write PNG, SVG, PDF or offline HTML.

Every function returns a ``plotly.graph_objects.Figure`` (or a pandas Styler for :func:`style_align`) and never
shows or prints anything. One palette (:data:`PALETTE`, Okabe-Ito colours) is used throughout; verdicts are
colour-blind safe and always labelled (marks ``=``, ``≈``, ``≠``, ``·`` and the legend), so colour is never the
only cue. The caption under each figure names its source, by default the casebook's ``meta["citation"]``.
All text from a casebook is HTML-escaped (:func:`esc`) before it reaches a figure.

Needs the ``viz`` extra (plotly, jinja2); PNG/SVG export needs the ``export`` extra (kaleido ≥ 1) and a
Chromium or Chrome on the machine.

Examples
--------
>>> import conflictlab as cl
>>> from conflictlab import viz
>>> book = cl.datasets.load("nerkin-hand-2024")
>>> fig = viz.verdict_heatmap(cl.compare(book, quotes=True), book=book)
>>> viz.VERDICT_COLORS["contradict"]
'#D55E00'
"""

from __future__ import annotations

from .._optional import require

require("plotly", "viz")

from ._style import PALETTE, RELATION_STYLES, VERDICT_COLORS, VERDICT_MARKS, esc  # noqa: E402
from .datasets import claimed_vs_documented_chart, event_estimates, event_map, match_overlap  # noqa: E402
from .export import image_export_available, save, save_many  # noqa: E402
from .heatmap import verdict_at, verdict_heatmap  # noqa: E402
from .maps import place_map  # noqa: E402
from .network import claim_network  # noqa: E402
from .ranges import casualty_ranges  # noqa: E402
from .tables import claim_table, style_align  # noqa: E402
from .timeline import timeline  # noqa: E402

__all__ = [
    "verdict_heatmap",
    "verdict_at",
    "claim_table",
    "style_align",
    "timeline",
    "place_map",
    "casualty_ranges",
    "claim_network",
    "event_estimates",
    "event_map",
    "claimed_vs_documented_chart",
    "match_overlap",
    "save",
    "save_many",
    "image_export_available",
    "esc",
    "PALETTE",
    "VERDICT_COLORS",
    "VERDICT_MARKS",
    "RELATION_STYLES",
]
