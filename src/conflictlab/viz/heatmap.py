"""The verdict heatmap: rows (incident, field, party), columns pairs of sources (or of sides), cells the verdict.

Examples
--------
>>> import conflictlab as cl
>>> from conflictlab import viz
>>> book = cl.datasets.load("nerkin-hand-2024")
>>> fig = viz.verdict_heatmap(cl.compare(book, quotes=True), incident="fire-2024-02-12", book=book)
>>> fig.data[0].type, fig.layout.title.text
('heatmap', '<b>Who agrees with whom: pairs of sources</b>')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._optional import require
from ..model.vocab import VERDICTS
from ._style import PALETTE, VERDICT_COLORS, VERDICT_MARKS, book_caption, esc, esc_wrap, finish

__all__ = ["verdict_heatmap", "verdict_at"]

# strongest first: a side-pair cell shows the strongest verdict among its source pairs
_PRIORITY = {"contradict": 3, "compatible": 2, "agree": 1, "silent": 0}
_ALONE = "(alone)"


def _colorscale() -> list[list[Any]]:
    n = len(VERDICTS)
    scale: list[list[Any]] = []
    for i, v in enumerate(VERDICTS):
        scale += [[i / n, VERDICT_COLORS[v]], [(i + 1) / n, VERDICT_COLORS[v]]]
    return scale


def _row_label(field: str, party: str) -> str:
    return f"{field} ({party})" if party else field


def _incidents(values: pd.Series, incident: str | Iterable[str] | None) -> list[str]:
    present = list(pd.unique(values.astype("object")))
    if incident is None:
        return present
    wanted = [incident] if isinstance(incident, str) else list(incident)
    return [i for i in present if i in set(wanted)]


def _side_quote(row: pd.Series, side: str, wrap: int, max_lines: int | None) -> str:
    claim = row.get(f"claim_{side}")
    src = esc(row.get(f"source_{side}"))
    if pd.isna(claim) if not isinstance(claim, str) else False:
        return f"<b>{src}</b>: says nothing on this" if src else ""
    text = f"<b>{src}</b> ({esc(row.get(f'side_{side}'))}): {esc_wrap(row.get(f'value_{side}'), wrap)}"
    quote = row.get(f"quote_{side}")
    if isinstance(quote, str) and quote:
        text += f"<br><i>“{esc_wrap(quote, wrap, max_lines)}”</i>"
    return text


def _hover_pair(row: pd.Series, title: str) -> str:
    head = (f"<b>{title}</b><br>{esc(row['source_l'])} × {esc(row['source_r']) or _ALONE}: "
            f"<b>{esc(VERDICT_MARKS[str(row['verdict'])])} {esc(row['verdict'])}</b><br>{esc_wrap(row['reason'], 90)}")
    parts = [head, _side_quote(row, "l", 90, None)]
    if isinstance(row.get("source_r"), str):
        parts.append(_side_quote(row, "r", 90, None))
    return "<br><br>".join(p for p in parts if p)


def _hover_sides(rows: pd.DataFrame, title: str, verdict: str, cell: str, limit: int = 6) -> str:
    lines = [f"<b>{title}</b><br>{esc(cell)}: strongest verdict <b>{esc(VERDICT_MARKS[verdict])} {esc(verdict)}</b>"]
    for _, row in rows.head(limit).iterrows():
        vl = esc_wrap(row.get("value_l"), 60, 2) or "—"
        vr = esc_wrap(row.get("value_r"), 60, 2) or "—"
        lines.append(f"{esc(row['source_l'])} × {esc(row['source_r']) or _ALONE}: <b>{esc(row['verdict'])}</b>"
                     f"<br>  {esc(row['source_l'])}: {vl}<br>  {esc(row['source_r']) or '—'}: {vr}")
    if len(rows) > limit:
        lines.append(f"… and {len(rows) - limit} more pairs")
    return "<br>".join(lines)


def verdict_heatmap(
    verdicts: pd.DataFrame,
    by: str = "source",
    incident: str | Iterable[str] | None = None,
    *,
    book: Any = None,
    title: str | None = None,
    source: str | None = None,
    width: int | None = None,
) -> Any:
    """Heatmap of pairwise verdicts: who agrees with whom, on what.

    Parameters
    ----------
    verdicts : DataFrame
        The output of :func:`conflictlab.compare`; with ``quotes=True`` the hover also shows both quotes.
    by : {"source", "side"}
        Columns are pairs of sources, or pairs of sides (a side pair shows the strongest verdict among its
        source pairs: contradict, then compatible, then agree, then silent; the hover lists the pairs).
    incident : str or list of str, optional
        Only these incidents (default: all, one panel per incident).
    book : Casebook, optional
        Used for incident titles and the default caption (the casebook's citation).
    title, source : str, optional
        Figure title and caption text (source attribution); raw text, escaped here.
    width : int, optional
        Figure width in pixels (default: from the number of columns).

    Returns
    -------
    plotly.graph_objects.Figure
        One heatmap per incident (shared columns); each cell shows a mark (``=``, ``≈``, ``≠``, ``·``) and a
        colour; the legend names them. ``customdata`` holds the verdict table's row position of each cell
        (``-1`` for none), read back by :func:`verdict_at`.
    """
    go = require("plotly.graph_objects", "viz")
    # a selection keeps the whole casebook's categories; row access on many large categoricals is slow
    verdicts = verdicts.astype({c: "object" for c in verdicts.columns
                                if isinstance(verdicts[c].dtype, pd.CategoricalDtype)})
    make_subplots = require("plotly.subplots", "viz").make_subplots
    if by not in ("source", "side"):
        raise ValueError("by must be 'source' or 'side'")
    missing = {"incident_id", "field", "party", "source_l", "source_r", "side_l", "side_r", "verdict",
               "reason"} - set(verdicts.columns)
    if missing:
        raise KeyError(f"not a verdict table from conflictlab.compare: missing {sorted(missing)}")

    v = verdicts.reset_index(drop=True).assign(_row=np.arange(len(verdicts)))
    incidents = _incidents(v["incident_id"], incident)
    v = v[v["incident_id"].astype("object").isin(incidents)]
    titles = {}
    if book is not None and len(book.incidents):
        titles = book.incidents.set_index("incident_id")["title"].to_dict()

    # columns: pairs in display order (the categories' order of compare)
    if by == "source":
        order = list(v["source_l"].cat.categories) if hasattr(v["source_l"], "cat") else sorted(
            set(v["source_l"].dropna()) | set(v["source_r"].dropna()))
        rank = {s: i for i, s in enumerate(order)}
        left, right = v["source_l"].astype("object"), v["source_r"].astype("object")
    else:
        order = list(v["side_l"].cat.categories) if hasattr(v["side_l"], "cat") else sorted(
            set(v["side_l"].dropna()) | set(v["side_r"].dropna()))
        rank = {s: i for i, s in enumerate(order)}
        a, b = v["side_l"].astype("object"), v["side_r"].astype("object")
        swap = b.notna() & (b.map(rank).fillna(-1) < a.map(rank))
        left, right = a.where(~swap, b), b.where(~swap, a)
    v = v.assign(_left=left.to_numpy(), _right=right.to_numpy())
    v["_col"] = [f"{lf} × {rt}" if isinstance(rt, str) else f"{lf} {_ALONE}"
                 for lf, rt in zip(v["_left"], v["_right"], strict=True)]
    col_rank = {c: (rank.get(lf, 99), rank.get(rt, -1) if isinstance(rt, str) else -1)
                for c, lf, rt in zip(v["_col"], v["_left"], v["_right"], strict=True)}
    columns = sorted(col_rank, key=col_rank.get)
    col_labels = [esc(c) for c in columns]

    n_rows = {i: int(v.loc[v["incident_id"] == i, ["field", "party"]].drop_duplicates().shape[0])
              for i in incidents}
    incidents = [i for i in incidents if n_rows[i]]
    panels = max(1, len(incidents))
    panel_titles = [esc(f"{titles.get(i, i)} ({i})") if titles.get(i) else esc(i) for i in incidents]
    fig = make_subplots(rows=panels, cols=1, shared_xaxes=True, vertical_spacing=0.06 if panels > 1 else 0.0,
                        row_heights=[max(1, n_rows[i]) for i in incidents] or [1],
                        subplot_titles=panel_titles or None)

    code = {verdict: i for i, verdict in enumerate(VERDICTS)}
    for panel, inc in enumerate(incidents, start=1):
        part = v[v["incident_id"] == inc]
        keys = list(dict.fromkeys(zip(part["field"].astype("object"), part["party"].astype("object").fillna(""),
                                      strict=True)))
        row_labels = [esc(_row_label(f, p)) for f, p in keys]
        z = np.full((len(keys), len(columns)), np.nan)
        text = np.full(z.shape, "", dtype=object)
        hover = np.full(z.shape, "", dtype=object)
        rows = np.full(z.shape, -1, dtype="int64")
        key_pos = {k: i for i, k in enumerate(keys)}
        col_pos = {c: j for j, c in enumerate(columns)}
        part = part.assign(_key=list(zip(part["field"].astype("object"),
                                         part["party"].astype("object").fillna(""), strict=True)))
        for (key, col), cell in part.groupby(["_key", "_col"], sort=False):
            i, j = key_pos[key], col_pos[col]
            title_txt = esc(f"{inc} · {_row_label(*key)}")
            if len(cell) == 1:
                row = cell.iloc[0]
                verdict = str(row["verdict"])
                hover[i, j] = _hover_pair(row, title_txt)
            else:
                strength = cell["verdict"].astype("object").map(_PRIORITY)
                row = cell.loc[strength.idxmax()]
                verdict = str(row["verdict"])
                hover[i, j] = _hover_sides(cell.iloc[np.argsort(-strength.to_numpy(), kind="stable")], title_txt,
                                           verdict, col)
            z[i, j] = code[verdict]
            text[i, j] = VERDICT_MARKS[verdict]
            rows[i, j] = int(row["_row"])
        fig.add_trace(go.Heatmap(
            z=z, x=col_labels, y=row_labels, text=text, texttemplate="%{text}", textfont={"size": 14},
            hovertext=hover, hoverinfo="text", hoverongaps=False, customdata=rows,
            colorscale=_colorscale(), zmin=-0.5, zmax=len(VERDICTS) - 0.5, showscale=False, xgap=2, ygap=2,
            name=esc(inc),
        ), row=panel, col=1)
        fig.update_yaxes(autorange="reversed", ticks="", showline=False, row=panel, col=1)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=col_labels, tickangle=-50, ticks="",
                     showline=False, showgrid=False)
    fig.update_yaxes(type="category", showgrid=False)
    for verdict in VERDICTS:  # the legend: mark and colour, named
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=f"{VERDICT_MARKS[verdict]}  {verdict}",
                                 marker={"symbol": "square", "size": 14, "color": VERDICT_COLORS[verdict],
                                         "line": {"color": PALETTE["ink"], "width": 0.5}},
                                 hoverinfo="skip", showlegend=True))

    longest_row = max((len(_row_label(f, p)) for f, p in v[["field", "party"]].astype("object").fillna("")
                       .drop_duplicates().itertuples(index=False)), default=10)
    longest_col = max((len(c) for c in columns), default=10)
    margin_l = int(min(260, 24 + 7.2 * longest_row))
    axis_b = int(min(260, 20 + 6.2 * longest_col * 0.77))
    cell_w = 30 if by == "source" else 70
    width = width or max(760, margin_l + 40 + cell_w * len(columns))
    total_rows = sum(n_rows[i] for i in incidents)
    height = 110 + 26 * total_rows + 40 * panels + axis_b
    what = "sources" if by == "source" else "sides"
    notes = [f"Each column is a pair of {what}, each row an (incident, field, party). The mark and colour give "
             "the verdict: = agree, ≈ compatible, ≠ contradict, · silent (only one of the two speaks); blank: "
             "neither speaks." + (" A side pair shows its strongest verdict (≠ before ≈ before = before ·)."
                                  if by == "side" else "")]
    heading = title if title is not None else f"Who agrees with whom: pairs of {what}"
    finish(fig, title=heading, caption=book_caption(book, source), notes=notes, width=width, height=height,
           margin_l=margin_l, margin_r=30, margin_t=110, axis_b=axis_b)
    for ann in fig.layout.annotations:  # subplot titles: left-aligned, bold
        if ann.name != "caption":
            ann.update(x=0, xanchor="left", font={"size": 13})
    return fig


def verdict_at(trace: Any, point: int | Sequence[int]) -> int | None:
    """Return the verdict table's row position behind a clicked heatmap cell, or None.

    ``point`` is a cell as plotly reports it: ``(row, column)``, or a flat index ``row * n_columns + column``.
    """
    data = getattr(trace, "customdata", None)
    if data is None or getattr(trace, "type", None) != "heatmap":
        return None
    grid = np.asarray(data)
    if grid.ndim != 2:
        return None
    if isinstance(point, (int, np.integer)):
        i, j = divmod(int(point), grid.shape[1])
    else:
        i, j = (int(p) for p in point)
    if not (0 <= i < grid.shape[0] and 0 <= j < grid.shape[1]):
        return None
    row = int(grid[i, j])
    return row if row >= 0 else None
