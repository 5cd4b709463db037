"""Figures of event datasets: casualty estimate ranges, an offline event map, claimed vs documented ratios.

Each takes a tidy table from :mod:`conflictlab.io` and a ``source`` caption, which should be the dataset's
attribution (:func:`conflictlab.datasets.citation`).

Examples
--------
>>> import pandas as pd
>>> from conflictlab import viz
>>> ev = pd.DataFrame({"event_id": ["a", "b"], "date": pd.to_datetime(["2020-01-01", "2020-02-01"]),
...                    "location": ["X", "Y"], "country": ["C", "C"], "fatalities_low": [1, 10],
...                    "fatalities_best": [2, 12], "fatalities_high": [3, 20]})
>>> fig = viz.event_estimates(ev, source="Data: test")
>>> [t.name for t in fig.data]
['low–high range', 'best estimate']
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._optional import require
from ..model.vocab import PLACE_LEVELS
from ._style import PALETTE, esc, esc_wrap, finish
from ._world import bbox, outlines

__all__ = ["event_estimates", "event_map", "claimed_vs_documented_chart", "match_overlap"]

_LEVEL_COLORS = {"point": "#0072B2", "settlement": "#0072B2", "admin2": "#56B4E9", "admin1": "#E69F00",
                 "country": "#D55E00"}
_LEVEL_MARKERS = {"point": "circle", "settlement": "circle", "admin2": "square", "admin1": "diamond",
                  "country": "x"}


def _short(text: Any, n: int) -> str:
    text = text if isinstance(text, str) else ""
    return text if len(text) <= n else text[: n - 1] + "…"


def _ring_xy(ring: list[tuple[float, float]]) -> tuple[list[float], list[float]]:
    """A ring's coordinates with a gap where it crosses the antimeridian (no line across the whole map)."""
    xs, ys = [], []
    for k, (x, y) in enumerate(ring):
        if k and abs(x - ring[k - 1][0]) > 180:
            xs.append(np.nan)
            ys.append(np.nan)
        xs.append(x)
        ys.append(y)
    return xs + [np.nan], ys + [np.nan]


def _caption(source: str | None) -> str:
    return f"Source: {source}" if source else "Source: not given"


def event_estimates(events: pd.DataFrame, n: int = 20, *, title: str | None = None, source: str | None = None,
                    width: int = 1000) -> Any:
    """The ``n`` deadliest events by best estimate, each with its low–high range of fatality estimates.

    Events whose best estimate lies outside their own low–high range are marked ``!`` (a known GED quirk).

    Parameters
    ----------
    events : DataFrame
        An event table (``event_id``, ``date``, ``location``, ``country``, ``fatalities_low/best/high``).
    n : int
        How many events.
    title, source : str, optional
        Title, and the caption's source (give the dataset's citation).
    """
    go = require("plotly.graph_objects", "viz")
    ev = events.dropna(subset=["fatalities_best"]).sort_values("fatalities_best", ascending=False).head(n)
    ev = ev.iloc[::-1]  # deadliest at the top
    low = ev["fatalities_low"].astype("float64").fillna(ev["fatalities_best"].astype("float64")).to_numpy()
    high = ev["fatalities_high"].astype("float64").fillna(ev["fatalities_best"].astype("float64")).to_numpy()
    best = ev["fatalities_best"].astype("float64").to_numpy()
    odd = (best < low) | (best > high)
    labels = [esc(f"{'! ' if o else ''}{d:%Y-%m-%d} {_short(loc, 34)}, {_short(c, 22)} ({e})")
              for d, loc, c, e, o in zip(ev["date"], ev["location"], ev["country"], ev["event_id"], odd,
                                         strict=True)]
    fig = go.Figure()
    fig.add_trace(go.Bar(x=high - low, base=low, y=labels, orientation="h", name="low–high range",
                         marker={"color": PALETTE["compatible"]}, hoverinfo="text",
                         hovertext=[f"low {lo:,.0f} – high {hi:,.0f}" for lo, hi in zip(low, high, strict=True)]))
    fig.add_trace(go.Scatter(x=best, y=labels, mode="markers", name="best estimate",
                             marker={"symbol": "line-ns", "size": 16, "line": {"width": 3, "color": PALETTE["ink"]}},
                             hoverinfo="text", hovertext=[f"best {b:,.0f}" for b in best]))
    fig.update_xaxes(title_text="people killed (all sides)", gridcolor=PALETTE["grid"])
    notes = ["'!' marks an event whose best estimate lies outside its own low–high range."] if odd.any() else []
    finish(fig, title=title or f"Fatality estimates of the {len(ev)} deadliest events: low, best, high",
           caption=_caption(source), notes=notes, width=width, height=160 + 26 * len(ev), margin_l=470)
    return fig


def event_map(events: pd.DataFrame, *, title: str | None = None, source: str | None = None, width: int = 1000,
              height: int = 650, max_points: int = 20_000) -> Any:
    """Events on an offline map (packaged country outlines, no tiles), coloured by location precision.

    A coarse precision (admin area, country) means the point stands for an area, not a place: the legend says
    which, so that a reader does not take a province's reference point for the site of an event.
    """
    go = require("plotly.graph_objects", "viz")
    ev = events.dropna(subset=["latitude", "longitude"])
    if len(ev) > max_points:
        ev = ev.sample(max_points, random_state=0)
    lon, lat = ev["longitude"].to_numpy(float), ev["latitude"].to_numpy(float)
    if len(ev):
        x0, x1, y0, y1 = lon.min() - 1, lon.max() + 1, lat.min() - 1, lat.max() + 1
    else:
        x0, x1, y0, y1 = -170.0, 170.0, -60.0, 75.0
    xs: list[float] = []
    ys: list[float] = []
    for name, rings in outlines().items():
        bx0, by0, bx1, by1 = bbox(name)
        if bx1 < x0 or bx0 > x1 or by1 < y0 or by0 > y1:
            continue
        for ring in rings:
            rx, ry = _ring_xy(ring)
            xs += rx
            ys += ry
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=np.array(xs), y=np.array(ys), mode="lines", fill="toself",
                             fillcolor=PALETTE["land"], line={"color": PALETTE["border"], "width": 0.8},
                             hoverinfo="skip", showlegend=False))
    precision = ev["location_precision"].astype("object") if "location_precision" in ev else pd.Series(
        [None] * len(ev), index=ev.index)
    for level in [*PLACE_LEVELS, None]:
        sel = (precision == level) if level is not None else precision.isna()
        part = ev[sel.to_numpy()]
        if not len(part):
            continue
        label = {"point": "exact point", "settlement": "settlement", "admin2": "district (stands for an area)",
                 "admin1": "province (stands for an area)", "country": "country (stands for the country)",
                 None: "precision not given"}[level]
        hover = [esc_wrap(f"{d:%Y-%m-%d} {loc if isinstance(loc, str) else ''} ({e}): best {b}", 60)
                 for d, loc, e, b in zip(part["date"], part.get("location", [""] * len(part)), part["event_id"],
                                         part.get("fatalities_best", [""] * len(part)), strict=True)]
        fig.add_trace(go.Scatter(
            x=part["longitude"].to_numpy(float), y=part["latitude"].to_numpy(float), mode="markers",
            name=esc(f"{label}: {len(part):,}"), hoverinfo="text", hovertext=hover,
            marker={"size": 6, "opacity": 0.7, "color": _LEVEL_COLORS.get(level, PALETTE["muted"]),
                    "symbol": _LEVEL_MARKERS.get(level, "circle-open")}))
    mid = np.cos(np.radians((y0 + y1) / 2))
    fig.update_xaxes(range=[x0, x1], visible=False)
    fig.update_yaxes(range=[y0, y1], visible=False, scaleanchor="x", scaleratio=1 / max(mid, 0.2))
    finish(fig, title=title or f"{len(ev):,} events by location precision", caption=_caption(source),
           notes=["Country outlines: Natural Earth 1:110m (public domain), packaged with conflictlab."],
           width=width, height=height)
    return fig


def claimed_vs_documented_chart(table: pd.DataFrame, categories: list[str] | None = None, *,
                                title: str | None = None, source: str | None = None, width: int = 1000,
                                height: int = 560) -> Any:
    """Ratio of claimed to documented losses over time, one line per category.

    A documented count (e.g. Oryx's photo-confirmed losses) is a lower bound: a ratio above 1 is not by itself a
    contradiction, a ratio below 1 is. The reference line at 1 marks where the two are equal.

    Parameters
    ----------
    table : DataFrame
        From :func:`conflictlab.io.claimed_vs_documented` (``category``, ``date``, ``ratio``, ``claimed``,
        ``documented``).
    categories : list of str, optional
        Which categories (default: all).
    """
    go = require("plotly.graph_objects", "viz")
    t = table.dropna(subset=["ratio"])
    if categories is not None:
        t = t[t["category"].isin(categories)]
    colors = [PALETTE["agree"], PALETTE["contradict"], PALETTE["side-1"], PALETTE["side-2"], PALETTE["side-3"],
              PALETTE["compatible"], PALETTE["ink"], PALETTE["muted"]]
    fig = go.Figure()
    for k, (category, part) in enumerate(t.sort_values("date").groupby("category", sort=True, observed=True)):
        last = part.iloc[-1]
        fig.add_trace(go.Scatter(
            x=part["date"], y=part["ratio"].astype(float), mode="lines", line={"color": colors[k % len(colors)],
                                                                              "width": 2},
            name=esc(f"{category}: ×{last['ratio']:.2f} on {last['date']:%Y-%m-%d}"),
            hoverinfo="text",
            hovertext=[esc(f"{category} {d:%Y-%m-%d}: claimed {c:,} vs documented {o:,} (×{r:.2f})")
                       for d, c, o, r in zip(part["date"], part["claimed"], part["documented"], part["ratio"],
                                             strict=True)]))
    fig.add_hline(y=1, line={"color": PALETTE["ink"], "dash": "dot", "width": 1},
                  annotation_text="claimed = documented", annotation_position="bottom right")
    fig.update_yaxes(title_text="claimed ÷ documented", gridcolor=PALETTE["grid"], rangemode="tozero")
    fig.update_xaxes(gridcolor=PALETTE["grid"])
    finish(fig, title=title or "Claimed losses as a multiple of documented losses", caption=_caption(source),
           notes=["Documented counts are lower bounds (only losses with photographic evidence): a ratio above 1 "
                  "is not by itself a contradiction; below 1, the claim is smaller than what is documented."],
           width=width, height=height)
    return fig


def match_overlap(overlap: pd.DataFrame, *, title: str | None = None, source: str | None = None,
                  width: int = 900) -> Any:
    """How many matched events each combination of datasets reports (``MatchResult.overlap``).

    Examples
    --------
    >>> import pandas as pd
    >>> ov = pd.DataFrame({"ged": [True, False, True], "copy": [False, True, True], "n_datasets": [1, 1, 2],
    ...                    "clusters": [10, 5, 80], "entries": [10, 5, 160]})
    >>> [str(t) for t in match_overlap(ov).data[0].y]
    ['copy only', 'ged only', 'ged + copy']
    """
    go = require("plotly.graph_objects", "viz")
    names = [c for c in overlap.columns if c not in ("n_datasets", "clusters", "entries")]
    rows = overlap.sort_values(["n_datasets", "clusters"])
    labels = []
    for _, row in rows.iterrows():
        present = [n for n in names if bool(row[n])]
        labels.append(esc(" + ".join(present) if len(present) > 1 else f"{present[0]} only"))
    colors = [PALETTE["agree"] if k > 1 else PALETTE["silent"] for k in rows["n_datasets"]]
    fig = go.Figure(go.Bar(x=rows["clusters"].to_numpy(), y=labels, orientation="h", marker={"color": colors},
                           text=[f"{c:,}" for c in rows["clusters"]], textposition="outside", hoverinfo="skip"))
    fig.update_xaxes(title_text="events (clusters)", gridcolor=PALETTE["grid"])
    finish(fig, title=title or "Which datasets report each event", caption=_caption(source), width=width,
           height=200 + 40 * len(rows), margin_l=200, legend=False)
    return fig
