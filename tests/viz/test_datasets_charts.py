"""Figures of event datasets: built from tidy tables, captioned with the dataset's citation, text escaped."""

import pandas as pd
import pytest

from conflictlab import viz


@pytest.fixture()
def events():
    return pd.DataFrame({
        "event_id": ["a", "b", "c"], "date": pd.to_datetime(["2020-01-01", "2020-02-01", "2020-03-01"]),
        "location": ["<script>alert(1)</script>", "Y", "Z"], "country": ["C", "C", "D"],
        "latitude": [10.0, 11.0, None], "longitude": [20.0, 21.0, None],
        "location_precision": pd.Categorical(["settlement", "admin1", None]),
        "fatalities_low": pd.array([1, 30, 2], dtype="Int64"), "fatalities_best": pd.array([2, 12, 3], dtype="Int64"),
        "fatalities_high": pd.array([3, 40, 4], dtype="Int64")})


def test_estimates_mark_a_best_outside_its_range_and_escape_text(events):
    fig = viz.event_estimates(events, source="Data: <b>UCDP</b>")
    labels = list(fig.data[0].y)
    assert any(label.startswith("! 2020-02-01") for label in labels)  # best 12 outside 30-40
    assert not any("<script>" in label for label in labels)
    assert "&lt;b&gt;UCDP" in " ".join(a.text for a in fig.layout.annotations)


def test_event_map_groups_by_precision_and_needs_no_network(events):
    fig = viz.event_map(events, source="Data: test")
    names = [t.name for t in fig.data if t.name]
    assert names == ["settlement: 1", "province (stands for an area): 1"]
    html = fig.to_html(include_plotlyjs=False)
    assert "topojson" not in html and "mapbox" not in html


def test_ratio_chart_has_one_line_per_category_and_the_parity_line():
    table = pd.DataFrame({"category": ["tanks", "tanks", "aircraft"], "date": pd.to_datetime(["2023-01-01",
                          "2023-02-01", "2023-01-01"]), "claimed": [10, 12, 5], "documented": [5, 6, 5],
                          "ratio": [2.0, 2.0, 1.0]})
    fig = viz.claimed_vs_documented_chart(table, source="Data: test")
    assert sorted(t.name.split(":")[0] for t in fig.data) == ["aircraft", "tanks"]
    assert any(shape.y0 == 1 for shape in fig.layout.shapes)
