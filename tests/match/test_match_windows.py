"""Candidate pairs: the spatial and temporal windows, entry kinds, the grid join's edge cases."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from conflictlab.match import match

KM_PER_DEG = 6371.0088 * math.pi / 180  # 111.195 km per degree of latitude

# (case, a entry, b entry, expected relation or None); an entry is (date, end_date, latitude, longitude);
# windows: 5 km, 2 days
CASES = [
    ("same place and day", ("2024-01-10", None, 0.0, 0.0), ("2024-01-10", None, 0.0, 0.0), "match"),
    ("4.9 km north", ("2024-01-10", None, 0.0, 0.0), ("2024-01-10", None, 4.9 / KM_PER_DEG, 0.0), "match"),
    ("5.1 km north", ("2024-01-10", None, 0.0, 0.0), ("2024-01-10", None, 5.1 / KM_PER_DEG, 0.0), None),
    ("2 days later", ("2024-01-10", None, 0.0, 0.0), ("2024-01-12", None, 0.0, 0.0), "match"),
    ("2 days earlier", ("2024-01-10", None, 0.0, 0.0), ("2024-01-08", None, 0.0, 0.0), "match"),
    ("3 days later", ("2024-01-10", None, 0.0, 0.0), ("2024-01-13", None, 0.0, 0.0), None),
    ("event in episode", ("2024-01-10", None, 0.0, 0.0), ("2024-01-09", "2024-01-12", 0.0, 0.0),
     "event-in-episode"),
    ("event 2 days before episode", ("2024-01-10", None, 0.0, 0.0), ("2024-01-12", "2024-01-20", 0.0, 0.0),
     "event-in-episode"),
    ("event 3 days before episode", ("2024-01-10", None, 0.0, 0.0), ("2024-01-13", "2024-01-20", 0.0, 0.0), None),
    ("episode holds event", ("2024-01-01", "2024-01-31", 0.0, 0.0), ("2024-02-02", None, 0.0, 0.0),
     "episode-holds-event"),
    ("episodes within 2 days", ("2024-01-10", "2024-01-15", 0.0, 0.0), ("2024-01-12", "2024-01-17", 0.0, 0.0),
     "match"),
    ("episodes, starts 3 days apart", ("2024-01-10", "2024-01-15", 0.0, 0.0),
     ("2024-01-13", "2024-01-15", 0.0, 0.0), None),
    ("episodes, ends 3 days apart", ("2024-01-10", "2024-01-15", 0.0, 0.0),
     ("2024-01-10", "2024-01-18", 0.0, 0.0), None),
    ("across the antimeridian", ("2024-01-10", None, 0.0, 179.99), ("2024-01-10", None, 0.0, -179.99), "match"),
    ("at 70N, 4.6 km east", ("2024-01-10", None, 70.0, 0.0), ("2024-01-10", None, 70.0, 0.12), "match"),
    ("at 70N, 5.3 km east", ("2024-01-10", None, 70.0, 0.0), ("2024-01-10", None, 70.0, 0.14), None),
    ("near the pole, opposite meridians", ("2024-01-10", None, 89.99, 0.0), ("2024-01-10", None, 89.99, 180.0),
     "match"),
    ("year boundary", ("2023-12-31", None, 10.0, 10.0), ("2024-01-02", None, 10.0, 10.0), "match"),
    ("negative coordinates, cell boundary", ("2024-01-10", None, -0.00001, -0.00001),
     ("2024-01-10", None, 0.00001, 0.00001), "match"),
]


def _table(entry, event_id="1"):
    date, end, lat, lon = entry
    return pd.DataFrame({"event_id": [event_id], "date": [date], "end_date": [end], "latitude": [lat],
                         "longitude": [lon]})


@pytest.mark.parametrize("case,a,b,expected", CASES, ids=[c[0] for c in CASES])
def test_window_case(case, a, b, expected):
    res = match({"a": _table(a), "b": _table(b)}, spatial_window_km=5, temporal_window_days=2)
    rel = res.candidates["relation"].tolist()
    assert rel == ([] if expected is None else [expected]), case
    merged = expected == "match"
    assert res.summary()["match_groups"] == int(merged)
    if expected and expected != "match":  # an event and an episode are flagged, never merged
        assert res.matches["in_episode"].all() and res.matches["review"].all()
        assert len(res.episodes) == 1


@pytest.mark.parametrize("cell_factor", [0.3, 1.0, 2.5])
def test_cell_size_never_changes_the_answer(cell_factor):
    a = pd.DataFrame({"event_id": range(60), "date": pd.date_range("2024-01-01", periods=60, freq="12h"),
                      "latitude": [50 + 0.013 * i for i in range(60)],
                      "longitude": [30 + 0.017 * i for i in range(60)]})
    b = a.assign(latitude=a["latitude"] + 0.02, date=a["date"] + pd.Timedelta(days=1))
    ref = match({"a": a, "b": b}, spatial_window_km=4, temporal_window_days=1)
    got = match({"a": a, "b": b}, spatial_window_km=4, temporal_window_days=1, cell_factor=cell_factor)
    assert len(ref.candidates) > 50
    pd.testing.assert_frame_equal(ref.candidates, got.candidates)


def test_zero_windows_match_only_identical_day_and_place():
    a = _table(("2024-01-10", None, 1.0, 1.0))
    b = pd.concat([_table(("2024-01-10", None, 1.0, 1.0), "same"), _table(("2024-01-11", None, 1.0, 1.0), "next")])
    res = match({"a": a, "b": b}, spatial_window_km=0, temporal_window_days=0)
    assert res.candidates["event_id_b"].tolist() == ["same"]


@pytest.mark.parametrize("bad,message", [
    ({"temporal_window_days": 1.5}, "whole number"),
    ({"temporal_window_days": -1}, "whole number"),
    ({"spatial_window_km": -2}, ">= 0"),
])
def test_bad_windows(bad, message):
    args = {"spatial_window_km": 5, "temporal_window_days": 1, **bad}
    with pytest.raises(ValueError, match=message):
        match({"a": _table(("2024-01-10", None, 0, 0)), "b": _table(("2024-01-10", None, 0, 0))}, **args)
