"""Selection: optimal one-to-one assignment (not first-come), clusters with one entry per dataset, runner-ups."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from conflictlab.match import match
from conflictlab.match.assign import assign_pair
from conflictlab.match.clusters import build_clusters

KM = 1 / (6371.0088 * math.pi / 180)  # degrees of latitude per km

TYPES = pd.DataFrame([("a", "x", "X", "all"), ("a", "y", "Y", "all"), ("b", "x", "X", "all"), ("b", "y", "Y", "all"),
                      ("c", "x", "X", "all"), ("c", "y", "Y", "all")],
                     columns=["dataset", "code", "fine", "broad"])


def _t(*rows):
    return pd.DataFrame([{"event_id": i, "date": d, "latitude": lat, "longitude": 0.0, "type": t}
                         for i, d, lat, t in rows])


# (case, edges (a, b, weight), expected chosen mask)
ASSIGN = [
    ("one edge", [(0, 10, 1.5)], [True]),
    ("star: the heaviest", [(0, 10, 1.5), (0, 11, 1.9), (0, 12, 1.2)], [False, True, False]),
    ("star tie: the smaller id", [(0, 11, 1.5), (0, 10, 1.5)], [False, True]),
    ("optimal beats greedy", [(0, 10, 2.0), (0, 11, 1.5), (1, 10, 1.9)], [False, True, True]),
    ("two components", [(0, 10, 2.0), (5, 15, 1.1), (5, 16, 1.2)], [True, False, True]),
    ("square, heavier diagonal", [(0, 10, 1.0), (0, 11, 1.9), (1, 10, 1.9), (1, 11, 1.0)],
     [False, True, True, False]),
]


@pytest.mark.parametrize("case,edges,expected", ASSIGN, ids=[c[0] for c in ASSIGN])
def test_assign_pair(case, edges, expected):
    a, b, w = (np.array(x) for x in zip(*edges, strict=True))
    assert assign_pair(a, b, w).tolist() == expected, case
    # the answer does not depend on the order of the edges
    rev = np.arange(len(a))[::-1]
    assert assign_pair(a[rev], b[rev], w[rev])[np.argsort(rev)].tolist() == expected


def test_optimal_assignment_end_to_end():
    # a1 is nearest to b1, but a2 can only go with b1: first-come (nearest first) would match a1-b1 and leave
    # a2 and b2 alone; the optimal assignment matches both
    a = _t(("a1", "2024-01-01", 0.0, "x"), ("a2", "2024-01-01", 4.5 * KM, "x"))
    b = _t(("b1", "2024-01-01", 1.0 * KM, "x"), ("b2", "2024-01-01", -2.0 * KM, "x"))
    res = match({"a": a, "b": b}, spatial_window_km=4, temporal_window_days=0, taxonomies={"type": TYPES})
    pairs = res.matches.groupby("cluster_id")["event_id"].agg(lambda s: "+".join(sorted(s))).tolist()
    assert sorted(pairs) == ["a1+b2", "a2+b1"]
    assert res.runner_ups[["event_id", "other_event_id", "status"]].values.tolist() == [
        ["a1", "b1", "outscored"], ["b1", "a1", "outscored"]]


def test_one_entry_per_dataset_and_dropped_link():
    # a1 -- b1 -- c1 and a1 -- c2 (3 km): the pairwise choices would put c1 and c2 in one cluster
    a = _t(("a1", "2024-01-01", 0.0, "x"))
    b = _t(("b1", "2024-01-01", 4 * KM, "x"))
    c = _t(("c1", "2024-01-01", 8 * KM, "x"), ("c2", "2024-01-01", -3 * KM, "x"))
    res = match({"a": a, "b": b, "c": c}, spatial_window_km=5, temporal_window_days=0, taxonomies={"type": TYPES})
    m = res.matches.set_index("event_id")
    assert m.loc["a1", "cluster_id"] == m.loc["b1", "cluster_id"] == m.loc["c2", "cluster_id"]
    assert m.loc["c1", "cluster_size"] == 1
    assert m["conflict"].all()  # both clusters touched by the dropped link b1-c1 are flagged
    assert res.matches.groupby("cluster_id")["dataset"].apply(lambda s: s.is_unique).all()
    dropped = res.runner_ups[res.runner_ups["status"] == "dropped"]
    assert sorted(zip(dropped["event_id"], dropped["other_event_id"], strict=True)) == [("b1", "c1"), ("c1", "b1")]


def test_chained_cluster_is_flagged():
    # a-b 4 km, b-c 4 km, a-c 8 km: joined through b (meltt, comparing c with a only, would not)
    a = _t(("a1", "2024-01-01", 0.0, "x"))
    b = _t(("b1", "2024-01-01", 4 * KM, "x"))
    c = _t(("c1", "2024-01-01", 8 * KM, "x"))
    res = match({"a": a, "b": b, "c": c}, spatial_window_km=5, temporal_window_days=0)
    assert res.matches["cluster_size"].tolist() == [3, 3, 3]
    assert res.matches["chained"].all() and res.matches["review"].all()


def test_ambiguous_when_an_alternative_fits_as_well():
    a = _t(("a1", "2024-01-01", 0.0, "x"))
    b = _t(("b1", "2024-01-01", 1 * KM, "x"), ("b2", "2024-01-01", 2 * KM, "x"))
    res = match({"a": a, "b": b}, spatial_window_km=5, temporal_window_days=0, taxonomies={"type": TYPES})
    m = res.matches.set_index("event_id")
    assert m.loc["a1", "cluster_id"] == m.loc["b1", "cluster_id"]  # closer wins the tie on type
    assert m.loc[["a1", "b2"], "ambiguous"].all() and not m.loc["b1", "ambiguous"]
    assert res.runner_ups.query("event_id == 'a1'")["other_event_id"].tolist() == ["b2"]


@pytest.mark.parametrize("n_runner_ups,expected", [(None, 3), (2, 2), (1, 1), (0, 0)])
def test_runner_ups_limit(n_runner_ups, expected):
    a = _t(("a1", "2024-01-01", 0.0, "x"))
    b = _t(*[(f"b{i}", "2024-01-01", i * 0.5 * KM, "x") for i in range(4)])
    res = match({"a": a, "b": b}, spatial_window_km=5, temporal_window_days=0, runner_ups=n_runner_ups)
    got = res.runner_ups.query("event_id == 'a1'")
    assert len(got) == expected
    assert got["rank"].tolist() == list(range(1, expected + 1))
    assert got["other_event_id"].tolist() == ["b1", "b2", "b3"][:expected]


def test_build_clusters_without_edges():
    labels, dropped = build_clusters(3, np.array([0, 1, 1]), np.array([], dtype="int64"),
                                     np.array([], dtype="int64"), np.array([]))
    assert labels.tolist() == [0, 1, 2] and dropped.tolist() == []


def test_priority_chooses_the_representative():
    a = _t(("a1", "2024-01-01", 0.0, "x"))
    b = _t(("b1", "2024-01-01", 0.0, "x"))
    assert match({"a": a, "b": b}, spatial_window_km=1, temporal_window_days=0).events["dataset"].tolist() == ["a"]
    res = match({"a": a, "b": b}, spatial_window_km=1, temporal_window_days=0, priority=["b"])
    assert res.events[["dataset", "event_id", "datasets"]].values.tolist() == [["b", "b1", "b & a"]]
    with pytest.raises(ValueError, match="unknown datasets"):
        match({"a": a, "b": b}, spatial_window_km=1, temporal_window_days=0, priority=["z"])
