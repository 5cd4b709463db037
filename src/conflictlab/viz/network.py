"""The claim network: sources and incidents as nodes, claims as source → incident edges, relations as arcs.

A deterministic two-column layout (no graph library): sources on the left, grouped by side in the casebook's
order; incidents on the right. Relations between claims (``denies``, ``confirms``, ``responds-to``,
``supersedes``) are arcs between the sources that made them, styled and labelled per relation; links between
incidents (``claimed-cause-of``, ...) are arcs between incidents.

Examples
--------
>>> import conflictlab as cl
>>> from conflictlab import viz
>>> fig = viz.claim_network(cl.datasets.load("nerkin-hand-2024"))
>>> sorted({t.name for t in fig.data if t.showlegend and t.name.startswith(("denies", "confirms"))})
['confirms', 'denies']
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._optional import require
from ..engine.claims import source_order
from ..model.casebook import Casebook
from ._style import PALETTE, RELATION_STYLES, book_caption, esc, esc_wrap, finish, side_colors

__all__ = ["claim_network"]


def _arc(p: tuple[float, float], q: tuple[float, float], bulge: float, n: int = 30) -> tuple[np.ndarray, np.ndarray]:
    """Quadratic Bézier from p to q whose control point lies ``bulge`` to the side (in x) of the midpoint."""
    t = np.linspace(0, 1, n)
    cx, cy = (p[0] + q[0]) / 2 + bulge, (p[1] + q[1]) / 2
    x = (1 - t) ** 2 * p[0] + 2 * (1 - t) * t * cx + t**2 * q[0]
    y = (1 - t) ** 2 * p[1] + 2 * (1 - t) * t * cy + t**2 * q[1]
    return x, y


def _short(text: Any, n: int) -> str:
    text = "" if pd.isna(text) else " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def claim_network(book: Casebook, *, title: str | None = None, source: str | None = None, width: int = 1000) -> Any:
    """Network of who claims what about which incident, and which claims deny, confirm or answer others.

    Parameters
    ----------
    book : Casebook
    title, source : str, optional
        Title and caption (default: the casebook's citation); raw text, escaped here.
    width : int
        Width in pixels.

    Returns
    -------
    plotly.graph_objects.Figure
        Grey edges source → incident (width grows with the number of claims; hover lists the fields);
        relation arcs from the claiming source to the source it is about, arrow at the latter, with the
        relation written on the arc and in the legend.
    """
    go = require("plotly.graph_objects", "viz")
    claims = book.claim_table()
    order = [s for s in source_order(claims, book) if s in set(claims["source_id"])]
    src = book.sources.set_index("source_id")
    sides = [*book.parties["party_id"], "third-party"]
    colors = side_colors(sides)
    incidents = [i for i in book.incidents["incident_id"] if i in set(claims["incident_id"])]
    inc_titles = book.incidents.set_index("incident_id")["title"].to_dict()

    # positions: sources top to bottom with a gap between sides; incidents spread over the same height
    y_src: dict[str, float] = {}
    y = 0.0
    prev_side = None
    for s in order:
        side = src.at[s, "side"] if s in src.index else None
        if prev_side is not None and side != prev_side:
            y -= 0.6
        y_src[s] = y
        y -= 1.0
        prev_side = side
    bottom = min(y_src.values(), default=0.0)
    if len(incidents) == 1:
        y_inc = {incidents[0]: bottom / 2}
    else:
        y_inc = {i: bottom * k / max(1, len(incidents) - 1) * 0.8 + bottom * 0.1 for k, i in enumerate(incidents)}
    x_src, x_inc = 0.0, 1.0

    fig = go.Figure()
    # claims: one edge per (source, incident)
    counts = claims.groupby(["source_id", "incident_id"], sort=False)
    first = True
    for (s, inc), part in counts:
        if s not in y_src or inc not in y_inc:
            continue
        fields = ", ".join(dict.fromkeys(part["field"].astype(str)))
        n = len(part)
        fig.add_trace(go.Scatter(
            x=[x_src, x_inc], y=[y_src[s], y_inc[inc]], mode="lines",
            line={"color": "rgba(120,120,120,0.45)", "width": 1 + 1.2 * np.log2(n)},
            name="claims (source → incident)", legendgroup="claims", showlegend=first, hoverinfo="text",
            hovertext=f"<b>{esc(s)}</b> → {esc(inc)}: {n} claim{'s' * (n != 1)}<br>{esc_wrap(fields, 70)}"))
        first = False

    # relations between claims or statements: arcs between the sources that made them
    owner = pd.concat([
        claims[["claim_id", "source_id", "quote"]].rename(columns={"claim_id": "id"}),
        claims.drop_duplicates("statement_id")[["statement_id", "source_id", "quote"]].rename(
            columns={"statement_id": "id"}),
    ]).drop_duplicates("id").set_index("id")
    shown: set[str] = set()
    notes: list[str] = []
    rel = book.relations
    for k, r in enumerate(rel.itertuples(index=False)):
        a, b, kind = r.claim_id, r.other_claim_id, str(r.relation)
        if a not in owner.index or b not in owner.index:
            notes.append(f"relation {a} {kind} {b}: an end is not a claim or statement of this casebook")
            continue
        sa, sb = owner.at[a, "source_id"], owner.at[b, "source_id"]
        if sa == sb or sa not in y_src or sb not in y_src:
            notes.append(f"{sa} {kind} its own claim ({a} → {b}): not drawn as an arc")
            continue
        style = RELATION_STYLES.get(kind, RELATION_STYLES["responds-to"])
        p, q = (x_src, y_src[sa]), (x_src, y_src[sb])
        bulge = 0.12 + 0.07 * abs(p[1] - q[1])
        xs, ys = _arc(p, q, bulge)
        hover = (f"<b>{esc(sa)}</b> {esc(kind)} <b>{esc(sb)}</b><br>{esc(a)} → {esc(b)}"
                 + (f"<br>{esc_wrap(r.note, 70)}" if isinstance(r.note, str) else "")
                 + f"<br><i>“{esc_wrap(owner.at[a, 'quote'], 70)}”</i>")
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", line={"color": style["color"], "dash": style["dash"], "width": style["width"]},
            name=esc(kind), legendgroup=f"rel-{kind}", showlegend=kind not in shown, hoverinfo="text",
            hovertext=hover))
        shown.add(kind)
        fig.add_annotation(x=xs[-1], y=ys[-1], ax=xs[-4], ay=ys[-4], xref="x", yref="y", axref="x", ayref="y",
                           showarrow=True, arrowhead=2, arrowsize=1.3, arrowwidth=style["width"],
                           arrowcolor=style["color"], text="")
        mid = len(xs) // 2
        fig.add_annotation(x=xs[mid], y=ys[mid], text=f"<b>{esc(kind)}</b>", showarrow=False, xanchor="left",
                           xshift=4, font={"size": 11, "color": style["color"]}, bgcolor="rgba(255,255,255,0.85)")

    # links between incidents
    for r in book.incident_links.itertuples(index=False):
        a, b, kind = r.incident_id, r.other_incident_id, str(r.link)
        if a not in y_inc or b not in y_inc or a == b:
            continue
        style = RELATION_STYLES.get(kind, RELATION_STYLES["responds-to"])
        p, q = (x_inc, y_inc[a]), (x_inc, y_inc[b])
        xs, ys = _arc(p, q, -0.12 - 0.07 * abs(p[1] - q[1]))
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", line={"color": style["color"], "dash": style["dash"], "width": style["width"]},
            name=esc(kind), legendgroup=f"link-{kind}", showlegend=kind not in shown, hoverinfo="text",
            hovertext=f"{esc(a)} {esc(kind)} {esc(b)}" + (f"<br>{esc_wrap(r.note, 70)}" if isinstance(r.note, str)
                                                          else "")))
        shown.add(kind)
        fig.add_annotation(x=xs[-1], y=ys[-1], ax=xs[-4], ay=ys[-4], xref="x", yref="y", axref="x", ayref="y",
                           showarrow=True, arrowhead=2, arrowsize=1.3, arrowwidth=style["width"],
                           arrowcolor=style["color"], text="")
        mid = len(xs) // 2
        fig.add_annotation(x=xs[mid], y=ys[mid], text=f"<b>{esc(kind)}</b>", showarrow=False, xanchor="right",
                           xshift=-4, font={"size": 11, "color": style["color"]}, bgcolor="rgba(255,255,255,0.85)")

    # nodes
    for side in sides + sorted({src.at[s, "side"] for s in order if s in src.index} - set(sides)):
        members = [s for s in order if s in src.index and src.at[s, "side"] == side]
        if not members:
            continue
        fig.add_trace(go.Scatter(
            x=[x_src] * len(members), y=[y_src[s] for s in members], mode="markers+text",
            marker={"size": 14, "color": colors.get(side, PALETTE["ink"]), "line": {"color": "#FFFFFF", "width": 1.5}},
            text=[esc(_short(src.at[s, "name"], 44)) for s in members], textposition="middle left",
            textfont={"size": 11.5}, name=esc(f"source: {side}"), legendgroup=f"side-{side}", hoverinfo="text",
            hovertext=[f"<b>{esc(src.at[s, 'name'])}</b> ({esc(s)})<br>side: {esc(side)}; kind: "
                       f"{esc(src.at[s, 'kind'])}" for s in members]))
    fig.add_trace(go.Scatter(
        x=[x_inc] * len(incidents), y=[y_inc[i] for i in incidents], mode="markers+text",
        marker={"size": 18, "symbol": "square", "color": "#FFFFFF", "line": {"color": PALETTE["ink"], "width": 2}},
        text=[f"<b>{esc(i)}</b><br>{esc_wrap(inc_titles.get(i, ''), 30)}" for i in incidents],
        textposition="middle right", textfont={"size": 11.5}, name="incident", hoverinfo="text",
        hovertext=[f"<b>{esc(i)}</b><br>{esc_wrap(inc_titles.get(i, ''), 70)}" for i in incidents]))

    fig.update_xaxes(visible=False, range=[-1.05, 1.95], fixedrange=True)
    fig.update_yaxes(visible=False, range=[bottom - 0.8, 0.8], fixedrange=True)
    height = int(240 + 34 * (abs(bottom) + 1.6))
    heading = title if title is not None else "Who claims what, and who answers whom"
    notes.insert(0, "Left: sources (colour and legend: side). Right: incidents. Grey: claims of a source about an "
                    "incident (thicker: more claims). Arcs: relations from a claim to another source's claim, "
                    "arrow at the claim answered, relation written on the arc.")
    finish(fig, title=heading, caption=book_caption(book, source), notes=notes, width=width, height=height,
           margin_l=20, margin_r=20, margin_t=90, axis_b=10)
    return fig
