"""The place map: where each source says an incident happened, and how far apart conflicting places are.

Drawn with ordinary scatter traces on longitude/latitude axes over packaged Natural Earth country outlines
(:mod:`conflictlab.viz._world`), so it renders with no network: no topojson CDN, no tile server. Coordinates
come only from the casebook's gazetteer; a place without coordinates is never placed at a guessed point: it is
named in the legend and the caption, and its country (from the casebook's ``country``) is hatched.

Examples
--------
>>> import conflictlab as cl
>>> from conflictlab import viz
>>> fig = viz.place_map(cl.datasets.load("nerkin-hand-2024"), incident="fire-2024-02-12-tovuz")
>>> [t.name for t in fig.data][1:]  # after the country outlines  # doctest: +NORMALIZE_WHITESPACE
['Kokhanabi (settlement; no coordinates in the casebook): az-mod — somewhere in Azerbaijan (hatched)',
 'Tovuz District (admin1 reference point): az-mod']
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from .._optional import require
from ..comparators.places import haversine_km
from ..engine import compare
from ..model.casebook import Casebook
from ._style import PALETTE, VERDICT_COLORS, VERDICT_MARKS, book_caption, esc, esc_wrap, finish
from ._world import WORLD_SOURCE, bbox, outlines

__all__ = ["place_map"]

_MARKERS = ["circle", "diamond", "square", "triangle-up", "pentagon", "star", "hexagon", "cross"]


def _country_key(name: Any) -> str | None:
    if not isinstance(name, str):
        return None
    lookup = {k.lower(): k for k in outlines()}
    return lookup.get(name.strip().lower())


def _describe(place: pd.Series) -> str:
    where = ", ".join(str(place[c]) for c in ("admin2", "admin1", "country") if isinstance(place.get(c), str))
    return f"{place['name']} ({place['level']}; {where})" if where else f"{place['name']} ({place['level']})"


def place_map(
    book: Casebook,
    incident: str | Iterable[str] | None = None,
    *,
    title: str | None = None,
    source: str | None = None,
    width: int = 900,
    height: int = 640,
    claims: pd.DataFrame | None = None,
) -> Any:
    """Map of the places claimed for an incident, with the distance between conflicting places.

    Parameters
    ----------
    book : Casebook
    incident : str or list of str, optional
        Only these incidents (default: all).
    title, source : str, optional
        Title and caption (default: the casebook's citation, then the outlines' source); raw text, escaped.
    width, height : int
        Size in pixels.
    claims : DataFrame, optional
        ``book.claim_table()``, when the caller already has it (the explorer keeps it).

    Returns
    -------
    plotly.graph_objects.Figure
        Places with coordinates as labelled markers (legend: place and the sources claiming it); a dashed line
        with its great-circle distance between two different places claimed for the same incident (vermillion
        and marked ``≠`` when the claims contradict); places without coordinates listed in the legend and the
        caption, their country hatched when the packaged outlines know it.
    """
    go = require("plotly.graph_objects", "viz")
    if claims is None:
        claims = book.claim_table()
    wanted = None if incident is None else ({incident} if isinstance(incident, str) else set(incident))
    pc = claims[(claims["field"].astype("object") == "place") & claims["place_id"].notna()]
    if wanted is not None:
        pc = pc[pc["incident_id"].isin(wanted)]
    places = book.places.set_index("place_id")
    claimed = list(dict.fromkeys(pc["place_id"]))
    by_place = {p: list(dict.fromkeys(pc.loc[pc["place_id"] == p, "source_id"])) for p in claimed}

    # distinct places claimed for the same incident, with the verdict of their claims
    # only the place claims of the incidents shown need comparing (not the whole casebook)
    v = compare(pc) if len(pc) else pd.DataFrame(columns=["field", "claim_l", "claim_r", "incident_id"])
    v = v[(v["field"].astype("object") == "place") & v["claim_l"].notna() & v["claim_r"].notna()]
    if wanted is not None:
        v = v[v["incident_id"].astype("object").isin(wanted)]
    place_of = claims.set_index("claim_id")["place_id"]
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for _, row in v.iterrows():
        a, b = place_of.get(row["claim_l"]), place_of.get(row["claim_r"])
        if not isinstance(a, str) or not isinstance(b, str) or a == b:
            continue
        key = tuple(sorted((a, b)))
        entry = pairs.setdefault(key, {"verdict": "compatible", "who": []})
        if row["verdict"] == "contradict":
            entry["verdict"] = "contradict"
        entry["who"].append(f"{row['source_l']} × {row['source_r']}")

    fig = go.Figure()
    has_xy = {p: pd.notna(places.at[p, "lat"]) and pd.notna(places.at[p, "lon"]) if p in places.index else False
              for p in claimed}
    # extent: places with coordinates, and countries of places without
    lons, lats = [], []
    hatched: dict[str, list[str]] = {}
    for p in claimed:
        if has_xy[p]:
            lons.append(float(places.at[p, "lon"]))
            lats.append(float(places.at[p, "lat"]))
        elif p in places.index and (country := _country_key(places.at[p, "country"])):
            hatched.setdefault(country, []).append(p)
            x0, y0, x1, y1 = bbox(country)
            lons += [x0, x1]
            lats += [y0, y1]
    if not lons:  # nothing to place: an honest empty frame around the world
        lons, lats = [-170.0, 170.0], [-60.0, 75.0]
    span = max(4.0, max(lons) - min(lons), (max(lats) - min(lats)) * 1.3)
    cx, cy = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    xr = [cx - span / 2 - 1.0, cx + span / 2 + 1.0]
    y_span = (xr[1] - xr[0]) * (height - 200) / (width - 120) * math.cos(math.radians(cy))
    yr = [cy - y_span / 2, cy + y_span / 2]

    # land: every country whose bounding box meets the view, one filled trace
    xs: list[float | None] = []
    ys: list[float | None] = []
    labels = []
    for name, rings in outlines().items():
        x0, y0, x1, y1 = bbox(name)
        if x1 < xr[0] or x0 > xr[1] or y1 < yr[0] or y0 > yr[1]:
            continue
        for ring in rings:
            xs += [p[0] for p in ring] + [None]
            ys += [p[1] for p in ring] + [None]
        biggest = max(rings, key=len)
        mx, my = float(np.mean([p[0] for p in biggest])), float(np.mean([p[1] for p in biggest]))
        if xr[0] < mx < xr[1] and yr[0] < my < yr[1]:
            labels.append((name, mx, my))
    fig.add_trace(go.Scatter(x=np.array(xs, dtype=float), y=np.array(ys, dtype=float), mode="lines", fill="toself",
                             fillcolor=PALETTE["land"],
                             line={"color": PALETTE["border"], "width": 0.8}, hoverinfo="skip", showlegend=False,
                             name="country outlines"))
    # annotations are collected and set in one layout update (add_annotation one by one is quadratic in plotly)
    annotations = [
        {"x": mx, "y": my, "text": esc(name.upper()), "showarrow": False, "font": {"size": 10, "color": "#9A9A9A"}}
        for name, mx, my in labels if name not in hatched]

    # places without coordinates: their country hatched, named in the legend
    missing = [p for p in claimed if not has_xy[p]]
    for country, members in hatched.items():
        rings = outlines()[country]
        hx = [c for r in rings for c in ([p[0] for p in r] + [None])]
        hy = [c for r in rings for c in ([p[1] for p in r] + [None])]
        names = "; ".join(f"{places.at[p, 'name']} ({places.at[p, 'level']}; no coordinates in the casebook): "
                          f"{', '.join(by_place[p])}" for p in members)
        fig.add_trace(go.Scatter(
            x=hx, y=hy, mode="lines", fill="toself", fillcolor="rgba(0,0,0,0)",
            fillpattern={"shape": "/", "fgcolor": PALETTE["muted"], "size": 9, "solidity": 0.15},
            line={"color": PALETTE["ink"], "width": 1.2}, name=esc(f"{names} — somewhere in {country} (hatched)"),
            hoverinfo="text", hoveron="fills",
            hovertext=esc_wrap(f"{names}. The casebook gives no coordinates; known only as "
                               + "; ".join(_describe(places.loc[p]) for p in members), 70),
        ))
        ring = max(rings, key=len)  # a label inside the country's main outline
        annotations.append({"x": float(np.mean([p[0] for p in ring])), "y": float(np.mean([p[1] for p in ring])),
                            "showarrow": False,
                            "text": "<i>" + "<br>".join(esc(f"{places.at[p, 'name']}: somewhere in {country}")
                                                        for p in members) + "<br>(no coordinates)</i>",
                            "font": {"size": 11, "color": PALETTE["ink"]}, "bgcolor": "rgba(255,255,255,0.8)"})

    # distances between distinct places with coordinates
    notes: list[str] = []
    for (a, b), entry in pairs.items():
        verdict = entry["verdict"]
        who = ", ".join(dict.fromkeys(entry["who"]))
        if has_xy.get(a) and has_xy.get(b):
            la, oa, lb, ob = (float(places.at[a, "lat"]), float(places.at[a, "lon"]),
                              float(places.at[b, "lat"]), float(places.at[b, "lon"]))
            km = float(haversine_km(np.array([la]), np.array([oa]), np.array([lb]), np.array([ob]))[0])
            color = VERDICT_COLORS[verdict] if verdict == "contradict" else PALETTE["muted"]
            label = f"{km:,.0f} km"
            fig.add_trace(go.Scatter(
                x=[oa, ob], y=[la, lb], mode="lines", line={"color": color, "width": 2.2, "dash": "dash"},
                name=esc(f"{VERDICT_MARKS[verdict]} {verdict}: {places.at[a, 'name']} – {places.at[b, 'name']}, "
                         f"{label}"),
                hoverinfo="text", hovertext=esc(f"{places.at[a, 'name']} – {places.at[b, 'name']}: {label} "
                                                f"(great circle); {verdict} ({who})"),
            ))
            annotations.append({"x": (oa + ob) / 2, "y": (la + lb) / 2, "text": f"<b>{esc(label)}</b>",
                                "showarrow": False, "font": {"size": 12, "color": color},
                                "bgcolor": "rgba(255,255,255,0.85)", "name": "distance"})
        else:
            lacking = [places.at[p, "name"] for p in (a, b) if not has_xy.get(p)]
            notes.append(f"{VERDICT_MARKS[verdict]} {verdict} ({who}): {places.at[a, 'name']} vs "
                         f"{places.at[b, 'name']}; distance not drawn: {' and '.join(lacking)} "
                         f"{'has' if len(lacking) == 1 else 'have'} no coordinates in the casebook.")

    # places with coordinates
    for k, p in enumerate([p for p in claimed if has_xy[p]]):
        row = places.loc[p]
        level = str(row["level"])
        kind = "reference point" if level in ("admin1", "admin2", "country") else "point"
        fig.add_trace(go.Scatter(
            x=[float(row["lon"])], y=[float(row["lat"])], mode="markers+text",
            marker={"symbol": _MARKERS[k % len(_MARKERS)], "size": 13, "color": PALETTE["ink"],
                    "line": {"color": "#FFFFFF", "width": 1.5}},
            text=[f"<b>{esc(row['name'])}</b>"], textposition="top center", textfont={"size": 12},
            name=esc(f"{row['name']} ({level} {kind}): {', '.join(by_place[p])}"),
            hoverinfo="text",
            hovertext=esc_wrap(f"{_describe(row)} — claimed by {', '.join(by_place[p])}. Coordinates: "
                               f"{row['lat']:.4f}, {row['lon']:.4f} ({row['coord_source']})", 70),
        ))

    if missing and not hatched:
        notes.append("No coordinates in the casebook, not drawn: " + "; ".join(
            f"{_describe(places.loc[p])} claimed by {', '.join(by_place[p])}" for p in missing if p in places.index))
    elif missing:
        notes.append("Not drawn as a point (no coordinates in the casebook): " + "; ".join(
            f"{_describe(places.loc[p])}, claimed by {', '.join(by_place[p])}" for p in missing
            if p in places.index) + ". Its country is hatched instead.")
    if not claimed:
        notes.append("No place claims for this selection.")

    mid = math.cos(math.radians(cy))
    fig.update_xaxes(range=xr, showgrid=True, gridcolor=PALETTE["grid"], zeroline=False, ticksuffix="°E",
                     title=None, mirror=True, showline=True, linecolor=PALETTE["border"], constrain="domain")
    fig.update_yaxes(range=yr, showgrid=True, gridcolor=PALETTE["grid"], zeroline=False, ticksuffix="°N",
                     title=None, mirror=True, showline=True, linecolor=PALETTE["border"], scaleanchor="x",
                     scaleratio=1 / mid, constrain="domain")
    caption = book_caption(book, source)
    caption = f"{caption.rstrip('.')}. {WORLD_SOURCE}." if caption else f"{WORLD_SOURCE}."
    n_legend = sum(1 for t in fig.data if t.showlegend is not False and t.name != "country outlines")
    fig.update_layout(annotations=annotations)
    finish(fig, title=title if title is not None else "Where each source says it happened",
           caption=caption, notes=notes, width=width, height=height + 22 * n_legend, margin_l=60, margin_r=30,
           margin_t=64 + 22 * n_legend, axis_b=40)
    fig.update_layout(legend={"orientation": "v"}, dragmode="pan")
    return fig
