"""Reading the input tables, precision handling, and the documented output columns and dtypes."""

from __future__ import annotations

import math
import sys

import numpy as np
import pandas as pd
import pytest

from conflictlab.match import match
from conflictlab.match.inputs import read_entries

KM = 1 / (6371.0088 * math.pi / 180)


def _t(**cols):
    base = {"event_id": ["1"], "date": ["2024-01-10"], "latitude": [0.0], "longitude": [0.0]}
    return pd.DataFrame({**base, **cols})


# (case, table, error type, message)
BAD = [
    ("no latitude", pd.DataFrame({"event_id": [1], "date": ["2024-01-01"], "longitude": [0.0]}), KeyError,
     "latitude"),
    ("duplicate ids", pd.DataFrame({"event_id": [1, 1], "date": ["2024-01-01"] * 2, "latitude": [0.0] * 2,
                                    "longitude": [0.0] * 2}), ValueError, "not unique"),
    ("no date", _t(date=[None]), ValueError, "no date"),
    ("end before start", _t(end_date=["2024-01-09"]), ValueError, "end_date before date"),
    ("unknown date precision", _t(date_precision=["fortnight"]), ValueError, "date_precision"),
    ("unknown location precision", _t(location_precision=["street"]), ValueError, "location_precision"),
]


@pytest.mark.parametrize("case,table,error,message", BAD, ids=[c[0] for c in BAD])
def test_bad_input(case, table, error, message):
    with pytest.raises(error, match=message):
        read_entries({"a": table, "b": _t()})


def test_one_dataset_is_not_enough():
    with pytest.raises(ValueError, match="at least two datasets"):
        match({"a": _t()}, spatial_window_km=1, temporal_window_days=0)


def test_kinds_and_spans():
    t = pd.DataFrame({"event_id": ["ev", "ep", "mo", "mw"], "date": ["2024-01-10"] * 4,
                      "end_date": [None, "2024-01-12", None, "2024-01-14"], "latitude": [0.0] * 4,
                      "longitude": [0.0] * 4, "date_precision": ["day", "day", "month", "month"]})
    e = read_entries({"a": t, "b": _t()}).entries.set_index("event_id").loc[["ev", "ep", "mo", "mw"]]
    assert e["kind"].tolist() == [0, 1, 2, 2]
    lo = pd.Timestamp("2024-01-10").to_datetime64().astype("datetime64[D]").astype("int64")
    assert (e["day_lo"] - lo).tolist() == [0, 0, -15, 0]       # month precision, one day given: +-15 days
    assert (e["day_hi"] - lo).tolist() == [0, 2, 15, 4]         # a given window is kept as it is
    assert e["end_date"].dt.strftime("%m-%d").tolist() == ["01-10", "01-12", "01-10", "01-14"]


@pytest.mark.parametrize("shape", ["mapping", "list", "one table"])
def test_input_shapes(shape):
    a = _t().assign(dataset="ged")
    b = _t(latitude=[0.001]).assign(dataset="acled")
    given = {"mapping": {"ged": a, "acled": b}, "list": [a, b], "one table": pd.concat([a, b])}[shape]
    res = match(given, spatial_window_km=1, temporal_window_days=0)
    assert res.events["datasets"].tolist() == ["acled & ged"]


# (case, b's location precision, b's km from a, precision mode, matched?, b flagged imprecise?)
PRECISION = [
    ("settlement, 3 km", "settlement", 3, "widen", True, False),
    ("admin2, 20 km: window widened by 25 km", "admin2", 20, "widen", True, True),
    ("admin2, 20 km, flag mode", "admin2", 20, "flag", False, True),
    ("admin2, 40 km", "admin2", 40, "widen", False, True),
    ("admin1, 90 km", "admin1", 90, "widen", True, True),
    ("country: never matched", "country", 0, "widen", False, True),
]


@pytest.mark.parametrize("case,prec,km,mode,matched,flagged", PRECISION, ids=[c[0] for c in PRECISION])
def test_location_precision(case, prec, km, mode, matched, flagged):
    a = _t(location_precision=["settlement"])
    b = _t(latitude=[km * KM], location_precision=[prec])
    res = match({"a": a, "b": b}, spatial_window_km=5, temporal_window_days=0, precision=mode)
    assert res.summary()["match_groups"] == int(matched), case
    assert bool(res.matches.set_index("dataset").loc["b", "imprecise_location"]) == flagged
    assert bool(res.matches.set_index("dataset").loc["b", "review"]) == flagged


def test_custom_radius():
    a, b = _t(), _t(latitude=[20 * KM], location_precision=["admin2"])
    res = match({"a": a, "b": b}, spatial_window_km=5, temporal_window_days=0, location_radius_km={"admin2": 10})
    assert res.summary()["match_groups"] == 0


@pytest.mark.parametrize("mode,matched", [("widen", True), ("flag", False)])
def test_month_precision_date(mode, matched):
    a = _t()
    b = _t(date=["2024-01-20"], date_precision=["month"])
    res = match({"a": a, "b": b}, spatial_window_km=1, temporal_window_days=1, precision=mode)
    assert res.summary()["match_groups"] == int(matched)
    assert res.matches.set_index("dataset").loc["b", "imprecise_date"]


def test_unlocated_entry_stays_alone():
    res = match({"a": _t(latitude=[np.nan]), "b": _t()}, spatial_window_km=1, temporal_window_days=0)
    assert res.matches["unmatchable"].tolist() == [True, False]
    assert res.summary()["unique"] == 2


MATCHES_DTYPES = {
    "cluster_id": "int64", "dataset": "str", "event_id": "str", "kind": "str", "representative": "bool",
    "cluster_size": "int64", "score": "float64", "distance_km": "float64", "days_apart": "float64",
    "in_episode": "bool", "imprecise_date": "bool", "imprecise_location": "bool", "unmatchable": "bool",
    "chained": "bool", "conflict": "bool", "ambiguous": "bool", "review": "bool"}
EVENTS_DTYPES = {
    "cluster_id": "int64", "dataset": "str", "event_id": "str", "date": "datetime64[s]",
    "end_date": "datetime64[s]", "latitude": "float64", "longitude": "float64", "kind": "str",
    "n_entries": "int64", "datasets": "str", "score": "float64", "review": "bool"}
RUNNER_DTYPES = {
    "dataset": "str", "event_id": "str", "cluster_id": "int64", "rank": "int64", "other_dataset": "str",
    "other_event_id": "str", "other_cluster_id": "int64", "score": "float64", "distance_km": "float64",
    "days_apart": "int64", "status": "str"}
EPISODE_DTYPES = {
    "event_dataset": "str", "event_id": "str", "event_cluster_id": "int64", "episode_dataset": "str",
    "episode_id": "str", "episode_cluster_id": "int64", "distance_km": "float64", "score": "float64"}


@pytest.mark.parametrize("empty", [False, True])
def test_documented_columns_and_dtypes(empty):
    a = pd.DataFrame({"event_id": [1, 2, 3], "date": ["2024-01-10", "2024-01-10", "2024-01-11"],
                      "end_date": [None, None, "2024-01-15"], "latitude": [0.0, 0.001, 1.0],
                      "longitude": [0.0, 0.0, 1.0]})
    b = a.assign(latitude=a["latitude"] + (5.0 if empty else 0.002))
    res = match({"a": a, "b": b}, spatial_window_km=2, temporal_window_days=1)
    for table, dtypes in [(res.matches, MATCHES_DTYPES), (res.events, EVENTS_DTYPES),
                          (res.runner_ups, RUNNER_DTYPES), (res.episodes, EPISODE_DTYPES)]:
        assert {c: str(t) for c, t in table.dtypes.items()} == dtypes
        assert isinstance(table.index, pd.RangeIndex)
    assert list(res.overlap.columns) == ["a", "b", "n_datasets", "clusters", "entries"]
    assert res.overlap["clusters"].sum() == len(res.events)
    assert res.overlap["entries"].sum() == len(res.matches) == 6


def test_missing_duckdb_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(ImportError, match=r'pip install "conflictlab\[match\]"'):
        match({"a": _t(), "b": _t()}, spatial_window_km=1, temporal_window_days=0)


def test_missing_pyspark_names_the_extra(monkeypatch):
    from conflictlab.match.engines import SparkEngine

    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    monkeypatch.setattr(SparkEngine, "_own_session", None)
    with pytest.raises(ImportError, match=r'pip install "conflictlab\[spark\]"'):
        match({"a": _t(), "b": _t()}, spatial_window_km=1, temporal_window_days=0, engine="spark")


def test_import_loads_no_optional_package():
    import subprocess

    code = ("import sys, conflictlab.match as m; "
            "print(sorted(x for x in ('duckdb', 'pyspark', 'scipy', 'tqdm') if x in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_progress_bar_runs():
    pytest.importorskip("tqdm")
    res = match({"a": _t(), "b": _t()}, spatial_window_km=1, temporal_window_days=0, progress=True)
    assert res.summary()["match_groups"] == 1


def test_clusters_to_casebook_keeps_every_cluster():
    import warnings

    from conflictlab.match import clusters_to_casebook
    from conflictlab.model.events import conform_events

    ev = conform_events(pd.DataFrame({
        "event_id": ["1", "2", "A1"], "dataset": ["ucdp-ged", "ucdp-ged", "acled"],
        "date": ["2024-02-13", "2024-03-01", "2024-02-14"], "end_date": ["2024-02-13", "2024-03-01", "2024-02-14"],
        "latitude": [39.10, 40.0, 39.11], "longitude": [46.40, 45.0, 46.40]}))
    res = match(ev, spatial_window_km=5, temporal_window_days=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = clusters_to_casebook(res, ev, released="2025-01-01")
        matched = clusters_to_casebook(res, ev, released="2025-01-01", matched_only=True)
    assert sorted(book.claims["incident_id"].unique()) == ["match-1", "match-2"]
    assert sorted(matched.claims["incident_id"].unique()) == ["match-1"]
