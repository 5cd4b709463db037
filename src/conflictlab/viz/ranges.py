"""Casualty ranges: each source's count interval per party, open ends as arrows, disjoint intervals flagged.

Examples
--------
>>> import conflictlab as cl
>>> from conflictlab import viz
>>> fig = viz.casualty_ranges(cl.datasets.load("nerkin-hand-2024"), field="injured")
>>> sorted({(t.text or [""])[0].strip() for t in fig.data if t.mode and "text" in t.mode})
['1']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from .._optional import require
from ..engine.claims import claim_frame, current_claims, source_order
from ..model.casebook import Casebook
from ..model.vocab import FIELDS
from ._style import PALETTE, VERDICT_MARKS, book_caption, esc, esc_wrap, finish, side_colors

__all__ = ["casualty_ranges"]

_NO_OVERLAP = f"{VERDICT_MARKS['contradict']} intervals do not overlap"


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


def _interval_text(low: int, high: Any) -> str:
    if pd.isna(high):
        return f"≥ {low}"
    return f"{low}" if low == high else f"{low}–{int(high)}"


def casualty_ranges(
    book: Casebook,
    field: str = "killed",
    incident: str | Iterable[str] | None = None,
    *,
    title: str | None = None,
    source: str | None = None,
    width: int = 900,
) -> Any:
    """Each source's current count interval per party (``low``–``high``), open-ended intervals as arrows.

    Two intervals of the same (incident, party) that do not overlap are flagged: the party's band is tinted
    vermillion and labelled ``≠ intervals do not overlap`` with the pair and their values.

    Parameters
    ----------
    book : Casebook
    field : str
        A count field: ``killed``, ``injured`` or ``captured``.
    incident : str or list of str, optional
        Only these incidents.
    title, source : str, optional
        Title and caption (default: the casebook's citation); raw text, escaped here.
    width : int
        Width in pixels.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    go = require("plotly.graph_objects", "viz")
    if field not in FIELDS or FIELDS[field].kind != "count":
        raise ValueError(f"{field!r} is not a count field; expected one of "
                         f"{[f for f, s in FIELDS.items() if s.kind == 'count']}")
    frame = claim_frame(book)
    cur = current_claims(frame) if len(frame) else frame.assign(party_key=pd.Series(dtype="str"))
    cur = cur[(cur["field"].astype("object") == field) & cur["count_low"].notna()]
    if incident is not None:
        cur = cur[cur["incident_id"].isin({incident} if isinstance(incident, str) else set(incident))]
    order = {s: i for i, s in enumerate(source_order(book.claim_table(), book))}
    incidents = {i: k for k, i in enumerate(book.incidents["incident_id"])}
    cur = cur.assign(_i=cur["incident_id"].map(incidents).fillna(999), _s=cur["source_id"].map(order).fillna(999))
    cur = cur.sort_values(["_i", "party_key", "_s"], kind="stable")
    colors = side_colors([*book.parties["party_id"], "third-party"])
    party_names = book.parties.set_index("party_id")["name"].to_dict()
    titles = book.incidents.set_index("incident_id")["title"].to_dict()
    names = book.sources.set_index("source_id")["name"].to_dict()

    fig = go.Figure()
    finite = pd.concat([cur["count_low"], cur["count_high"]]).dropna()
    top = float(finite.max()) if len(finite) else 1.0
    x_max = max(5.0, top * 1.3 + 1)

    categories: list[str] = []
    tick_text: list[str] = []
    bands: list[tuple[str, str, bool, str]] = []  # first row, last row, flagged, label
    legend_seen: set[str] = set()
    n_groups = 0
    for (inc, party), group in cur.groupby(["incident_id", "party_key"], sort=False):
        n_groups += 1
        header = f"h{len(categories)}"
        categories.append(header)
        tick_text.append(f"<b>{esc(party_names.get(party, party) or 'all')}</b> · {esc(inc)}")
        rows = []
        for _, c in group.iterrows():
            y = f"r{len(categories)}"  # a category per row; the tick text names the source
            categories.append(y)
            tick_text.append(esc(c["source_id"]))
            rows.append((y, c))
        disjoint = []
        for (ya, a), (yb, b) in itertools.combinations(rows, 2):
            ah = float("inf") if pd.isna(a["count_high"]) else float(a["count_high"])
            bh = float("inf") if pd.isna(b["count_high"]) else float(b["count_high"])
            if float(a["count_low"]) > bh or float(b["count_low"]) > ah:
                disjoint.append(f"{a['source_id']} {_interval_text(int(a['count_low']), a['count_high'])} vs "
                                f"{b['source_id']} {_interval_text(int(b['count_low']), b['count_high'])}")
        label = (f"{_NO_OVERLAP}: " + "; ".join(disjoint)) if disjoint else ""
        bands.append((header, rows[-1][0], bool(disjoint), label))
        for y, c in rows:
            side = c.get("side")
            color = colors.get(side, PALETTE["ink"])
            low = float(c["count_low"])
            open_end = pd.isna(c["count_high"])
            high = x_max if open_end else float(c["count_high"])
            hover = (f"<b>{esc(names.get(c['source_id'], c['source_id']))}</b> ({esc(side)})<br>"
                     f"{esc(field)} of {esc(party_names.get(c['party_key'], c['party_key']))}: "
                     f"{esc(_interval_text(int(c['count_low']), c['count_high']))}"
                     + (f"<br>reading: {esc(c['count_reading'])}" if isinstance(c.get("count_reading"), str) else "")
                     + f"<br><i>“{esc_wrap(c['quote'], 80)}”</i>")
            show = side not in legend_seen
            legend_seen.add(side)
            fig.add_trace(go.Scatter(
                x=[low, high], y=[y, y], mode="lines", line={"color": color, "width": 7},
                name=esc(f"side: {side}"), legendgroup=f"side-{side}", showlegend=show, hoverinfo="text",
                hovertext=hover))
            ends = [low] if open_end else ([low] if low == high else [low, high])
            fig.add_trace(go.Scatter(
                x=ends, y=[y] * len(ends), mode="markers",
                marker={"symbol": "diamond" if (low == high and not open_end) else "line-ns", "size": 16,
                        "color": color, "line": {"color": color, "width": 3}},
                showlegend=False, legendgroup=f"side-{side}", hoverinfo="text", hovertext=[hover] * len(ends),
            ))
            if open_end:
                fig.add_trace(go.Scatter(
                    x=[x_max], y=[y], mode="markers", marker={"symbol": "triangle-right", "size": 16, "color": color},
                    name="→ open-ended (no upper bound)", legendgroup="open", hoverinfo="text", hovertext=[hover],
                    showlegend="open" not in legend_seen))
                legend_seen.add("open")
            value = "  " + esc(c["value"])  # clear of the end marker
            fig.add_trace(go.Scatter(
                x=[low if open_end else high], y=[y], mode="text", text=[value],
                textposition="top right" if open_end else "middle right", textfont={"size": 11},
                showlegend=False, hoverinfo="skip"))

    for header, last, flagged, label in bands:
        if flagged:
            fig.add_shape(type="rect", xref="paper", x0=0, x1=1, yref="y", y0=categories.index(header) - 0.45,
                          y1=categories.index(last) + 0.45, fillcolor="rgba(213,94,0,0.14)", opacity=1,
                          line={"width": 0}, layer="below")
            fig.add_annotation(xref="paper", x=1, xanchor="right", y=header, text=f"<b>{esc(label)}</b>",
                               showarrow=False, font={"size": 11, "color": PALETTE["contradict"]})
    if any(b[2] for b in bands):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=_NO_OVERLAP,
                                 marker={"symbol": "square", "size": 14, "color": "rgba(213,94,0,0.35)"},
                                 hoverinfo="skip"))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=categories,
                     range=[len(categories) - 0.5, -0.5],
                     tickvals=categories, ticktext=tick_text, showgrid=False, ticks="")
    fig.update_xaxes(range=[-0.3, x_max * 1.04], title=esc(f"{field} (people)"), showgrid=True,
                     gridcolor=PALETTE["grid"], zeroline=True, zerolinecolor=PALETTE["border"])
    notes = [f"Each bar: one source's current claim on {field} of a party, read as an interval (vague words per "
             "the casebook's readings); ◆ a single number; → no upper bound ('at least')."]
    if not len(cur):
        notes.append(f"No source gives {field} figures for this selection.")
        fig.update_yaxes(showticklabels=False)
    heading = title if title is not None else f"How many {field}? Each source's figure" + (
        f": {titles.get(cur['incident_id'].iloc[0], '')}" if cur["incident_id"].nunique() == 1 else "")
    height = 170 + 34 * len(categories) + 30
    finish(fig, title=heading, caption=book_caption(book, source), notes=notes, width=width, height=height,
           margin_l=int(min(300, 30 + 7.5 * max((len(_plain(t)) for t in tick_text), default=8))), margin_r=40,
           margin_t=90, axis_b=60)
    return fig
