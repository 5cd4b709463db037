"""Side-by-side tables: a plotly ``go.Table`` figure for export, and a pandas Styler for notebooks.

Examples
--------
>>> import conflictlab as cl
>>> from conflictlab import viz
>>> book = cl.datasets.load("nerkin-hand-2024")
>>> fig = viz.claim_table(book, incident="fire-2024-02-12")
>>> fig.data[0].type
'table'
>>> html = viz.style_align(cl.align(book)).to_html()
>>> "Tovuz District" in html
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from .._optional import require
from ..engine import align, claim_frame, compare, summarize
from ..model.casebook import Casebook
from ._style import PALETTE, book_caption, esc, esc_wrap, finish

__all__ = ["claim_table", "style_align"]

_STATUS_TINT = {"contested": "#F6D5BF", "inconsistent-within-side": "#F6D5BF", "consensus": "#CCE3F0",
                "one-sided": "#F4F4F4"}


def _status_fill(status: str) -> str:
    for name in ("contested", "inconsistent-within-side", "consensus", "one-sided"):
        if name in status:
            return _STATUS_TINT[name]
    return "#FFFFFF"


def claim_table(
    book_or_claims: Casebook | pd.DataFrame,
    incident: str | Iterable[str] | None = None,
    *,
    title: str | None = None,
    source: str | None = None,
    width: int | None = None,
) -> Any:
    """Side-by-side table figure: one row per (incident, field, party), one column per source, with the status.

    Parameters
    ----------
    book_or_claims : Casebook or DataFrame
        A casebook or a claims table.
    incident : str or list of str, optional
        Only these incidents.
    title, source : str, optional
        Title and caption (default: the casebook's citation); raw text, escaped here.
    width : int, optional
        Width in pixels (default: from the number of sources).

    Returns
    -------
    plotly.graph_objects.Figure
        A ``go.Table``: the ``status`` column (from :func:`conflictlab.summarize`, in words, tinted:
        vermillion tint = contested, blue tint = consensus) then each source's value, headed by side and source.
    """
    go = require("plotly.graph_objects", "viz")
    book = book_or_claims if isinstance(book_or_claims, Casebook) else None
    if not len(claim_frame(book_or_claims)):  # nothing to line up: an empty table, said so in the caption
        wide = pd.DataFrame(index=pd.MultiIndex.from_tuples([], names=["incident_id", "field", "party"]),
                            columns=pd.MultiIndex.from_tuples([], names=["side", "source_id"]))
        status = pd.Series(dtype="object")
    else:
        wide = align(book_or_claims, incident=incident)
        wide = wide.loc[:, wide.notna().any(axis=0)]  # sources that say something here
        summary = summarize(compare(book_or_claims)).astype({"party": "object"}).fillna({"party": ""})
        status = pd.Series(summary["status"].to_numpy(), index=pd.MultiIndex.from_frame(
            summary[["incident_id", "field", "party"]].astype("object")))
    keys = [tuple(str(x) for x in k) for k in wide.index]
    statuses = [str(status.get(k, "")) for k in keys]
    many = len({k[0] for k in keys}) > 1

    headers = (["<b>incident</b>"] if many else []) + ["<b>field</b>", "<b>status</b>"] + [
        f"{esc(side)}<br><b>{esc(src)}</b>" for side, src in wide.columns]
    cols: list[list[str]] = []
    if many:
        cols.append([esc(k[0]) for k in keys])
    cols.append([esc(f"{k[1]} ({k[2]})" if k[2] else k[1]) for k in keys])
    cols.append([",<br>".join(esc(part) for part in s.split(", ")) for s in statuses])
    for column in wide.columns:
        cols.append([esc_wrap(x, 27) for x in wide[column]])
    fills = [["#FFFFFF"] * len(keys)] * (1 + many) + [[_status_fill(s) for s in statuses]] + [
        ["#FFFFFF"] * len(keys)] * len(wide.columns)
    widths = ([115] if many else []) + [135, 140] + [185] * len(wide.columns)
    n_lines = [max([1] + [c[i].count("<br>") + 1 for c in cols]) for i in range(len(keys))]
    body_h = sum(max(28, 12 + 17 * n) for n in n_lines) + 56
    width = width or max(800, sum(widths) + 60)
    fig = go.Figure(go.Table(
        columnwidth=widths,
        header={"values": headers, "fill": {"color": "#EDEDED"}, "align": "left",
                "line": {"color": PALETTE["border"], "width": 0.5}, "font": {"size": 12, "color": PALETTE["ink"]},
                "height": 40},
        cells={"values": cols, "fill": {"color": fills}, "align": "left", "height": 26,
               "line": {"color": PALETTE["grid"], "width": 0.5}, "font": {"size": 11.5, "color": PALETTE["ink"]}},
    ))
    heading = title if title is not None else "Who says what, side by side"
    notes = ["Status per row (conflictlab.summarize): consensus, contested, one-sided, inconsistent-within-side; "
             "blank cell: the source says nothing on that row."]
    finish(fig, title=heading, caption=book_caption(book, source), notes=notes, width=width,
           height=body_h + 70 + 10, margin_l=20, margin_r=20, margin_t=60, axis_b=6, legend=False)
    return fig


def style_align(aligned: pd.DataFrame, *, wrap: int = 0) -> Any:
    """Return a pandas Styler of :func:`conflictlab.align`'s table for notebooks: escaped, blanks for silence.

    Every cell and every header label is HTML-escaped (a quote holding ``<script>`` shows as text).
    ``wrap`` > 0 sets a maximum column width in characters.
    """
    require("jinja2", "viz")
    styler = aligned.style.format(escape="html", na_rep="")
    for axis in (0, 1):
        styler = styler.format_index(escape="html", axis=axis, na_rep="")
    styles = [
        {"selector": "th", "props": [("text-align", "left"), ("vertical-align", "top"),
                                     ("font-family", "inherit"), ("padding", "3px 8px")]},
        {"selector": "td", "props": [("text-align", "left"), ("vertical-align", "top"), ("padding", "3px 8px"),
                                     ("border-bottom", f"1px solid {PALETTE['grid']}")]},
    ]
    if wrap:
        styles.append({"selector": "td", "props": [("max-width", f"{wrap}ch"), ("white-space", "normal")]})
    return styler.set_table_styles(styles)
