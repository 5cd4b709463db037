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
    # the bundled casebook, enriched from the source pack nerkin-hand-2024-02 (see tests/test_nerkin_hand.py)
    assert explorer.summary.value == "<b>5 fields agreed, 4 contested, 17 one-sided</b>"
    explorer.incident.value = "fire-2024-02-12"
    explorer.fields.value = ("place", "occurred")
    # the border service's allegation alone: its place is no longer contradicted by the defence ministry's
    # Tovuz claim, which the pack shows is another allegation (incident fire-2024-02-12-tovuz)
    assert explorer.summary.value == "<b>0 fields agreed, 1 contested, 1 one-sided</b>"
    assert "Nerkin Hand" in explorer.table.value and "Tovuz District" not in explorer.table.value
    assert "Kremlin" not in explorer.table.value
    explorer.incident.value = "fire-2024-02-12-tovuz"
    assert "Tovuz District" in explorer.table.value


def test_clicking_a_cell_shows_both_claims(explorer):
    explorer.incident.value = "fire-2024-02-12"
    trace = next(t for t in explorer.heatmap.data if t.type == "heatmap")
    rows = [(i, j) for i, line in enumerate(trace.customdata) for j, r in enumerate(line)
            if r is not None and r >= 0 and explorer._shown.iloc[int(r)]["verdict"] == "contradict"
            and explorer._shown.iloc[int(r)]["field"] == "occurred"]
    assert rows, "the contradiction on whether it happened has a cell"

    class Points:
        point_inds = [rows[0]]

    explorer._clicked(trace, Points(), None)
    # Armenia's defence ministry's preliminary denial (source pack NH24-C03) against the border service
    assert "According to preliminary information" in explorer.inspector.body.value
    assert "one says it happened, the other denies it" in explorer.inspector.body.value
