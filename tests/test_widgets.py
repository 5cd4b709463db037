"""The explorer widget: it follows its controls, and what it sends to the browser is valid JSON."""

import json

import pytest

import conflictlab as cl

pytest.importorskip("ipywidgets")
pytest.importorskip("anywidget")
from conflictlab.widgets import Explorer  # noqa: E402


@pytest.fixture()
def explorer():
    return Explorer(cl.datasets.load("nerkin-hand-2024"))


def _strict_json(figure_widget):
    def default(o):
        return o.tolist() if hasattr(o, "tolist") else str(o)

    json.dumps({"data": list(figure_widget._data), "layout": figure_widget._layout}, allow_nan=False,
               default=default)


def test_figures_sent_to_the_browser_are_strict_json(explorer):
    # the heatmap's empty cells and the map's line breaks are NaN in plotly; comm messages reject NaN
    _strict_json(explorer.heatmap)
    explorer.tabs.selected_index = explorer.MAP_TAB
    _strict_json(explorer.map)
    assert explorer.map.data, "the map is drawn once its tab is shown"


def test_controls_drive_the_views(explorer):
    assert explorer.summary.value == "<b>4 fields agreed, 3 contested, 11 one-sided, 1 inconsistent within a side</b>"
    explorer.incident.value = "fire-2024-02-12"
    explorer.fields.value = ("place", "occurred")
    assert explorer.summary.value == "<b>0 fields agreed, 1 contested, 1 one-sided, 1 inconsistent within a side</b>"
    assert "Tovuz District" in explorer.table.value and "Kremlin" not in explorer.table.value


def test_clicking_a_cell_shows_both_claims(explorer):
    explorer.incident.value = "fire-2024-02-12"
    trace = next(t for t in explorer.heatmap.data if t.type == "heatmap")
    rows = [(i, j) for i, line in enumerate(trace.customdata) for j, r in enumerate(line)
            if r is not None and r >= 0 and explorer._shown.iloc[int(r)]["verdict"] == "contradict"
            and explorer._shown.iloc[int(r)]["field"] == "place"]
    assert rows, "the place contradiction has a cell"

    class Points:
        point_inds = [rows[0]]

    explorer._clicked(trace, Points(), None)
    assert "Tovuz District" in explorer.inspector.body.value
    assert "different countries" in explorer.inspector.body.value
