"""The explorer: choose a casebook, an incident, sides, sources and fields; the heatmap, table and map follow.

The widget holds no comparison logic: it calls :func:`conflictlab.select`, :func:`conflictlab.summarize`,
:func:`conflictlab.align`, :func:`conflictlab.summary_line`, :func:`conflictlab.explain` and the figure
functions of :mod:`conflictlab.viz`, and puts their results in place (figures update in place as
``FigureWidget``).

Examples
--------
>>> import conflictlab as cl
>>> from conflictlab.widgets import Explorer
>>> ex = Explorer(cl.datasets.load("nerkin-hand-2024"))
>>> ex.summary.value
'<b>5 fields agreed, 4 contested, 17 one-sided</b>'
>>> ex.incident.value = "fire-2024-02-12"
>>> ex.summary.value
'<b>0 fields agreed, 1 contested, 7 one-sided</b>'
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import numpy as np
import pandas as pd

from .._optional import require
from ..engine import align, compare, explain, select, summarize, summary_line
from ..model.casebook import Casebook
from ..model.vocab import FIELD_NAMES

widgets = require("ipywidgets", "widgets")
go = require("plotly.graph_objects", "widgets")

__all__ = ["Explorer", "ClaimInspector"]

ALL = "(all)"


def _json_safe(value):
    """NaN -> None in float arrays: widget messages are strict JSON (plotly's own to_json converts, comms do not)."""
    if isinstance(value, np.ndarray) and value.dtype.kind == "f" and np.isnan(value).any():
        return np.where(np.isnan(value), None, value.astype(object))
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    return value


def _replace_figure(target: go.FigureWidget, figure: go.Figure) -> None:
    """Put ``figure``'s traces and layout into ``target`` in one update."""
    traces = [_json_safe(trace.to_plotly_json()) for trace in figure.data]
    with target.batch_update():
        target.data = []
        target.add_traces(traces)
        target.layout = figure.layout


class ClaimInspector(widgets.VBox):
    """Shows the two claims behind one verdict: values, verbatim quotes, documents and dates."""

    def __init__(self, book: Casebook):
        self.book = book
        self.body = widgets.HTML("<i>Click a cell of the heatmap to see both claims.</i>")
        super().__init__([widgets.HTML("<b>Claim inspector</b>"), self.body])

    def show(self, verdict: pd.Series | Mapping) -> None:
        """Show the claims behind ``verdict`` (a row of :func:`conflictlab.compare`)."""
        table = explain(self.book, verdict)
        head = html.escape(f"{verdict['field']} {verdict.get('party') or ''} — {verdict['verdict']}: "
                           f"{verdict['reason']}")
        cols = ["source_name", "side", "value", "quote", "stated_from", "stated_to", "publisher", "title", "url"]
        shown = table.reindex(columns=cols).rename(columns={"source_name": "source"})
        self.body.value = f"<p><b>{head}</b></p>" + shown.to_html(index=False, escape=True, na_rep="",
                                                                   render_links=False)


class Explorer(widgets.VBox):
    """Explore one or more casebooks: agreement and contradiction, field by field.

    Parameters
    ----------
    books : Casebook, or mapping of name -> Casebook, optional
        What to explore; by default the bundled casebooks.
    incident : str, optional
        The incident shown first (default: the casebook's first).
    """

    def __init__(self, books: Casebook | Mapping[str, Casebook] | None = None, incident: str | None = None):
        from .. import datasets, viz

        self._viz = viz
        if books is None:
            books = {name: datasets.load(name) for name in datasets.names()
                     if datasets.REGISTRY[name].kind == "casebook"}
        elif isinstance(books, Casebook):
            books = {books.meta.get("title", "casebook"): books}
        self.books = dict(books)
        self._cache: dict[str, tuple[pd.DataFrame, pd.DataFrame]] = {}

        self.casebook = widgets.Dropdown(options=list(self.books), description="Casebook")
        self.incident = widgets.Dropdown(description="Incident")
        self.sides = widgets.SelectMultiple(description="Sides", rows=4)
        self.sources = widgets.SelectMultiple(description="Sources", rows=6)
        self.fields = widgets.SelectMultiple(description="Fields", rows=6)
        self.summary = widgets.HTML()
        self.heatmap = go.FigureWidget()
        self.table = widgets.HTML()
        self.map = go.FigureWidget()
        self.inspector = ClaimInspector(next(iter(self.books.values())))
        self._shown = pd.DataFrame()

        controls = widgets.HBox([widgets.VBox([self.casebook, self.incident]), self.sides, self.sources,
                                 self.fields])
        self.tabs = widgets.Tab([widgets.VBox([self.heatmap, self.inspector]), self.table, self.map])
        for i, title in enumerate(["Verdicts", "Side by side", "Map"]):
            self.tabs.set_title(i, title)
        super().__init__([controls, self.summary, self.tabs])
        # the map is drawn when its tab is shown: a hidden view costs no update time
        self.tabs.observe(lambda _: self._draw_map(), names="selected_index")

        self._map_incident: object = ()  # the incident the map was last drawn for (the map depends on no other choice)
        self._load_book(incident)  # also connects the controls to refresh()
        self.casebook.observe(lambda _: self._load_book(None), names="value")

    # -- state ----------------------------------------------------------------------------------------------
    @property
    def book(self) -> Casebook:
        """The casebook shown."""
        return self.books[self.casebook.value]

    def _tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Claim table and verdicts (with quotes) of the current casebook, computed once per casebook."""
        name = self.casebook.value
        if name not in self._cache:
            self._cache[name] = (self.book.claim_table(), compare(self.book, quotes=True))
        return self._cache[name]

    def _load_book(self, incident: str | None) -> None:
        claims, _ = self._tables()
        incidents = list(self.book.incidents["incident_id"])
        titles = self.book.incidents.set_index("incident_id")["title"]
        options = [(ALL, ALL)] * (len(incidents) <= 50) + [(f"{titles[i]} ({i})", i) for i in incidents]
        sides = list(pd.unique(claims["side"]))
        sources = list(self.book.sources["source_id"])
        fields = [f for f in FIELD_NAMES if f in set(claims["field"].astype(str))]
        self.inspector.book = self.book
        self._map_incident = ()
        with self.hold_trait_notifications():
            for control in (self.incident, self.sides, self.sources, self.fields):
                control.unobserve_all("value")
            self.incident.options = options
            self.incident.value = incident if incident is not None else (ALL if len(incidents) <= 50 else incidents[0])
            self.sides.options, self.sides.value = sides, tuple(sides)
            self.sources.options, self.sources.value = sources, tuple(sources)
            self.fields.options, self.fields.value = fields, tuple(fields)
        for control in (self.incident, self.sides, self.sources, self.fields):
            control.observe(lambda _: self.refresh(), names="value")
        self.refresh()

    # -- the update ------------------------------------------------------------------------------------------
    def selection(self) -> dict:
        """The current choices, as keyword arguments of :func:`conflictlab.select`."""
        return {"incident": None if self.incident.value == ALL else self.incident.value,
                "sides": list(self.sides.value), "sources": list(self.sources.value),
                "fields": list(self.fields.value)}

    def refresh(self) -> None:
        """Recompute the shown tables and figures from the current choices."""
        claims, verdicts = self._tables()
        chosen = self.selection()
        shown = select(verdicts, **chosen)
        self._shown = shown.reset_index(drop=True)
        summary = summarize(self._shown) if len(self._shown) else summarize(verdicts.iloc[0:0])
        self.summary.value = f"<b>{html.escape(summary_line(summary))}</b>"
        heat = self._viz.verdict_heatmap(self._shown, incident=chosen["incident"])
        _replace_figure(self.heatmap, heat)
        for trace in self.heatmap.data:
            trace.on_click(self._clicked)
        picked = select(claims, **chosen)
        self.table.value = (self._viz.style_align(align(picked)).to_html() if len(picked)
                            else "<i>No claims match the selection.</i>")
        self._draw_map()

    MAP_TAB = 2

    def _draw_map(self) -> None:
        """Redraw the map for the chosen incident if its tab is shown and it shows another incident."""
        incident = self.selection()["incident"]
        if self.tabs.selected_index != self.MAP_TAB or incident == self._map_incident:
            return
        claims, _ = self._tables()
        _replace_figure(self.map, self._viz.place_map(self.book, incident=incident, claims=claims))
        self._map_incident = incident

    def _clicked(self, trace, points, _state) -> None:
        if not points.point_inds:
            return
        row = self._viz.verdict_at(trace, points.point_inds[0])
        if row is not None and row < len(self._shown):
            self.inspector.show(self._shown.iloc[row])
