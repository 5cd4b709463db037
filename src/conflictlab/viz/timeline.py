"""Timeline: when each statement was made against when the event is claimed to have happened, per source.

Examples
--------
>>> import conflictlab as cl
>>> from conflictlab import viz
>>> fig = viz.timeline(cl.datasets.load("nerkin-hand-2024"), incident="fire-2024-02-12")
>>> sorted({t.name for t in fig.data if not t.name.startswith("side")})  # doctest: +NORMALIZE_WHITESPACE
['event claimed to have happened (date_from–date_to)', 'incident window in the casebook',
 'statement made (stated_from–stated_to)']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from .._optional import require
from ..engine.claims import source_order
from ..model.casebook import Casebook
from ._style import PALETTE, book_caption, esc, esc_wrap, finish, side_colors

__all__ = ["timeline"]

_DAY = pd.Timedelta(days=1)
_WINDOW_FILL = "rgba(0,114,178,0.12)"
STATED = "statement made (stated_from–stated_to)"
EVENT = "event claimed to have happened (date_from–date_to)"
WINDOW = "incident window in the casebook"


def _day(ts: Any) -> str:
    return "" if pd.isna(ts) else f"{pd.Timestamp(ts):%d %b %Y}"


def _span(a: Any, b: Any) -> str:
    return _day(a) if _day(a) == _day(b) else f"{_day(a)} – {_day(b)}"


def timeline(
    book: Casebook,
    incident: str | Iterable[str] | None = None,
    *,
    title: str | None = None,
    source: str | None = None,
    width: int = 1000,
) -> Any:
    """Per source: when its statements were made (grey bars) and when it says the event happened (black bars).

    Days are drawn as whole days (a claim for 12 Feb covers 12 Feb 00:00 to 13 Feb 00:00), so an interval
    ``stated_from``–``stated_to`` of 12–14 Feb spans three days. The incident's date window in the casebook is
    shaded. One panel per incident; rows are the sources that speak of it, grouped by side.

    Parameters
    ----------
    book : Casebook
    incident : str or list of str, optional
        Only these incidents (default: all).
    title, source : str, optional
        Title and caption (default: the casebook's citation); raw text, escaped here.
    width : int
        Width in pixels.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    go = require("plotly.graph_objects", "viz")
    make_subplots = require("plotly.subplots", "viz").make_subplots
    claims = book.claim_table()
    wanted = None if incident is None else ({incident} if isinstance(incident, str) else set(incident))
    incidents = [i for i in book.incidents["incident_id"] if (wanted is None or i in wanted)
                 and (claims["incident_id"] == i).any()]
    order = list(source_order(claims, book))
    names = book.sources.set_index("source_id")["name"].to_dict()
    sides = book.sources.set_index("source_id")["side"].to_dict()
    colors = side_colors([*book.parties["party_id"], "third-party"])
    inc_table = book.incidents.set_index("incident_id")

    rows_per = {i: [s for s in order if ((claims["incident_id"] == i) & (claims["source_id"] == s)).any()]
                for i in incidents}
    panels = max(1, len(incidents))
    fig = make_subplots(rows=panels, cols=1, shared_xaxes=True, vertical_spacing=0.12 if panels > 1 else 0,
                        row_heights=[max(1, len(rows_per[i])) for i in incidents] or [1],
                        subplot_titles=[esc(f"{inc_table.at[i, 'title']} ({i})") for i in incidents] or None)
    shown = {STATED: False, EVENT: False, WINDOW: False}
    spans: list[pd.Timestamp] = []
    notes: list[str] = []

    def legend_once(name: str) -> bool:
        first = not shown[name]
        shown[name] = True
        return first

    for panel, inc in enumerate(incidents, start=1):
        part = claims[claims["incident_id"] == inc]
        labels = {s: esc(s) for s in rows_per[inc]}
        y_of = {s: labels[s] for s in rows_per[inc]}
        start, end = inc_table.at[inc, "date_from"], inc_table.at[inc, "date_to"]
        if pd.notna(start):
            end = end if pd.notna(end) else start
            fig.add_vrect(x0=start, x1=end + _DAY, fillcolor=_WINDOW_FILL, opacity=1, line_width=0,
                          layer="below", row=panel, col=1, exclude_empty_subplots=False)
            if legend_once(WINDOW):
                fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=WINDOW, hoverinfo="skip",
                                         marker={"symbol": "square", "size": 14, "color": _WINDOW_FILL}))
            spans += [start, end + _DAY]
        # statements: one bar per statement (several claims share one)
        stmts = part.drop_duplicates("statement_id")
        for _, st in stmts.iterrows():
            y = y_of[st["source_id"]]
            hover = (f"<b>{esc(names.get(st['source_id'], st['source_id']))}</b> ({esc(sides.get(st['source_id']))})"
                     f"<br>statement {esc(st['statement_id'])} made {esc(_span(st['stated_from'], st['stated_to']))}")
            if isinstance(st.get("stated_basis"), str):
                hover += f"<br>basis: {esc_wrap(st['stated_basis'], 80)}"
            hover += f"<br><i>“{esc_wrap(st['quote'], 80)}”</i>"
            spans += [st["stated_from"], st["stated_to"] + _DAY]
            fig.add_trace(go.Scatter(
                x=[st["stated_from"], st["stated_to"] + _DAY], y=[y, y], mode="lines",
                line={"color": PALETTE["stated"], "width": 16}, opacity=0.55, name=STATED, legendgroup=STATED,
                showlegend=legend_once(STATED), hoverinfo="text", hovertext=hover,
            ), row=panel, col=1)
        # event dates claimed
        dated = part[(part["field"].astype("object") == "date") & part["date_from"].notna()]
        for _, cl in dated.iterrows():
            y = y_of[cl["source_id"]]
            d_to = cl["date_to"] if pd.notna(cl["date_to"]) else cl["date_from"]
            hover = (f"<b>{esc(names.get(cl['source_id'], cl['source_id']))}</b>: the event happened "
                     f"{esc(_span(cl['date_from'], d_to))}"
                     + (f" ({esc(cl['detail'])})" if isinstance(cl.get("detail"), str) else "")
                     + f"<br><i>“{esc_wrap(cl['quote'], 80)}”</i>")
            spans += [cl["date_from"], d_to + _DAY]
            fig.add_trace(go.Scatter(
                x=[cl["date_from"], d_to + _DAY], y=[y, y], mode="lines+markers",
                line={"color": PALETTE["event"], "width": 5},
                marker={"symbol": ["line-ns", "line-ns"], "size": 14, "line": {"width": 2.5,
                                                                                 "color": PALETTE["event"]}},
                name=EVENT, legendgroup=EVENT, showlegend=legend_once(EVENT), hoverinfo="text", hovertext=hover,
            ), row=panel, col=1)
            fig.add_annotation(x=cl["date_from"] + (d_to + _DAY - cl["date_from"]) / 2, y=y,
                               text=f"event: {esc(_span(cl['date_from'], d_to))}", showarrow=False, yshift=14,
                               font={"size": 10.5, "color": PALETTE["event"]}, row=panel, col=1)
        if not len(dated):
            notes.append(f"{inc}: no source dates the event itself.")
        fig.update_yaxes(type="category", categoryorder="array", categoryarray=[y_of[s] for s in rows_per[inc]],
                         autorange="reversed", tickfont={"size": 11.5},
                         tickvals=[y_of[s] for s in rows_per[inc]],
                         ticktext=[f"<span style='color:{colors.get(sides.get(s), PALETTE['ink'])}'>■</span> "
                                   f"{y_of[s]}" for s in rows_per[inc]], row=panel, col=1)
    fig.update_xaxes(type="date", tickformat="%d %b<br>%Y", dtick=86400000, showgrid=True,
                     gridcolor=PALETTE["grid"], ticklabelmode="period")
    fig.update_xaxes(showticklabels=True)
    for side, color in colors.items():  # the squares before the sources' names
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=esc(f"side: {side}"), hoverinfo="skip",
                                 marker={"symbol": "square", "size": 10, "color": color}))
    if spans:
        lo, hi = min(spans), max(spans)
        fig.update_xaxes(range=[lo - _DAY / 4, hi + _DAY / 4])
    notes.insert(0, "Grey bars: when each statement was made (an interval when the report does not date it); "
                    "black bars: when the source says the event happened; shaded: the incident's date window in "
                    "the casebook. Whole days are drawn from midnight to midnight.")
    n_rows = sum(len(v) for v in rows_per.values())
    height = 190 + 44 * n_rows + 70 * panels
    finish(fig, title=title if title is not None else "When it was said vs when it happened",
           caption=book_caption(book, source), notes=notes, width=width, height=height, margin_l=130,
           margin_r=30, margin_t=130, axis_b=50)
    for ann in fig.layout.annotations:
        if ann.name != "caption" and ann.xref == "paper":
            ann.update(x=0, xanchor="left", font={"size": 13})
    return fig
