"""One SQL text, two engines: Spark (local mode) gives the same tables as DuckDB."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from conflictlab.match import match

pytestmark = pytest.mark.spark

TABLES = ("matches", "events", "overlap", "runner_ups", "episodes", "candidates")
TYPES = pd.DataFrame([(d, f"{c}{k}", f"{c}{k}", c) for d in ("a", "b", "c") for c in "xyz" for k in range(3)],
                     columns=["dataset", "code", "fine", "broad"])


def _synthetic(seed: int = 3, n: int = 600) -> dict[str, pd.DataFrame]:
    """Three datasets reporting overlapping subsets of n true events, with noise, episodes, imprecision,
    and a few events at the antimeridian and near the pole."""
    rng = np.random.default_rng(seed)
    lat = rng.normal(34, 0.3, n)
    lon = rng.normal(40, 0.3, n)
    lat[:10], lon[:10] = rng.uniform(-1, 1, 10), 179.995 * np.sign(rng.uniform(-1, 1, 10))
    lat[10:15], lon[10:15] = 89.99, rng.uniform(-180, 180, 5)
    day = rng.integers(0, 120, n)
    length = np.where(rng.random(n) < 0.1, rng.integers(1, 6, n), 0)
    kind = rng.choice([f"{c}{k}" for c in "xyz" for k in range(3)], n)
    out = {}
    for name in ("a", "b", "c"):
        keep = np.flatnonzero(rng.random(n) < 0.6)
        m = len(keep)
        shift = rng.integers(-1, 2, m)
        out[name] = pd.DataFrame({
            "event_id": [f"{name}-{i}" for i in rng.permutation(m)],
            "date": pd.Timestamp("2023-01-01") + pd.to_timedelta(day[keep] + shift, unit="D"),
            "end_date": pd.Timestamp("2023-01-01") + pd.to_timedelta(day[keep] + shift + length[keep], unit="D"),
            "latitude": lat[keep] + rng.normal(0, 0.01, m),
            "longitude": ((lon[keep] + rng.normal(0, 0.01, m) + 180) % 360) - 180,
            "date_precision": rng.choice(["day", "day", "day", "month"], m),
            "location_precision": rng.choice(["settlement", "settlement", "admin2", "admin1", "country"], m),
            "type": np.where(rng.random(m) < 0.2, rng.choice(TYPES["code"].unique(), m), kind[keep]),
        })
    return out


def _same(a, b):
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)


def test_crashmd_same_on_spark(crash, spark_engine):
    data, tax = crash
    args = {"spatial_window_km": 4, "temporal_window_days": 2, "taxonomies": tax}
    _same(match(data, **args), match(data, engine=spark_engine, **args))


@pytest.mark.parametrize("precision", ["widen", "flag"])
def test_synthetic_same_on_spark(spark_engine, precision):
    data = _synthetic()
    args = {"spatial_window_km": 3, "temporal_window_days": 1, "taxonomies": {"type": TYPES},
            "precision": precision, "partial": 0}
    duck = match(data, **args)
    assert duck.summary()["match_groups"] > 50 and len(duck.episodes) > 0
    if precision == "widen":
        assert duck.parameters["engine"] == "duckdb"
    _same(duck, match(data, engine=spark_engine, **args))
