"""Property: the result does not depend on the order of the datasets or of their rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictlab.match import match

TYPES = pd.DataFrame([(d, c, c[0], "any") for d in "abc" for c in ("x1", "x2", "y1")],
                     columns=["dataset", "code", "level1", "level2"])

entry = st.tuples(
    st.integers(0, 6),                      # start day
    st.sampled_from([0, 0, 0, 1, 3]),       # extra days (episodes)
    st.integers(0, 12),                     # latitude step (0.01 degree ~ 1.1 km)
    st.integers(0, 12),                     # longitude step
    st.sampled_from(["x1", "x2", "y1"]),    # type
)
dataset = st.lists(entry, min_size=0, max_size=8)


def _table(rows: list[tuple], name: str) -> pd.DataFrame:
    start = pd.Timestamp("2024-01-01")
    return pd.DataFrame({
        "event_id": [f"{name}{i}" for i in range(len(rows))],
        "date": [start + pd.Timedelta(days=r[0]) for r in rows],
        "end_date": [start + pd.Timedelta(days=r[0] + r[1]) for r in rows],
        "latitude": [10 + 0.01 * r[2] for r in rows], "longitude": [20 + 0.01 * r[3] for r in rows],
        "type": [r[4] for r in rows],
    }, columns=["event_id", "date", "end_date", "latitude", "longitude", "type"])


def _run(tables: dict[str, pd.DataFrame]):
    return match(tables, spatial_window_km=2.5, temporal_window_days=1, taxonomies={"type": TYPES})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=dataset, b=dataset, c=dataset, seed=st.integers(0, 2**32 - 1))
def test_shuffling_datasets_and_rows_changes_nothing(a, b, c, seed):
    tables = {"a": _table(a, "a"), "b": _table(b, "b"), "c": _table(c, "c")}
    if sum(len(t) for t in tables.values()) == 0:
        return
    ref = _run(tables)
    rng = np.random.default_rng(seed)
    names = list(tables)
    rng.shuffle(names)
    shuffled = {n: tables[n].sample(frac=1.0, random_state=int(rng.integers(1 << 31))) for n in names}
    got = _run(shuffled)
    for name in ("matches", "events", "overlap", "runner_ups", "episodes", "candidates"):
        pd.testing.assert_frame_equal(getattr(ref, name), getattr(got, name), obj=name)
    # invariants: one entry per dataset per cluster; every entry in exactly one cluster
    assert ref.matches.groupby("cluster_id")["dataset"].agg(lambda s: s.is_unique).all()
    assert len(ref.matches) == sum(len(t) for t in tables.values())
    assert ref.summary()["duplicates"] == len(ref.matches) - len(ref.events)
