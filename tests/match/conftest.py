"""Fixtures for the matcher's tests: meltt's crashMD example (from ../shared/data) and a small event builder."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
CRASH_DIR = ROOT.parent / "shared" / "data" / "meltt_crashMD"


@pytest.fixture(scope="session")
def crash() -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """meltt's simulated Maryland car-crash data: ``(datasets, taxonomies)``, read from ../shared/data."""
    if not (CRASH_DIR / "crash_data1.csv").is_file():
        pytest.skip(f"meltt's crashMD example is not in {CRASH_DIR} (the shared folder beside the checkout)")
    data = {f"crash_data{i}": pd.read_csv(CRASH_DIR / f"crash_data{i}.csv", dtype="str")
            .rename(columns={"event": "event_id", "enddate": "end_date"}) for i in (1, 2, 3)}
    tax = {t: pd.read_csv(CRASH_DIR / f"crash_taxonomies_{t}.csv", dtype="str")
           for t in ("model_tax", "color_tax", "damage_tax")}
    return data, tax


def _events(*rows: tuple) -> pd.DataFrame:
    cols = ["event_id", "date", "end_date", "latitude", "longitude", "type"]
    width = max(len(r) for r in rows) if rows else 5
    return pd.DataFrame([list(r) for r in rows], columns=cols[:width])


@pytest.fixture(scope="session")
def events():
    """Build a small event table from ``(event_id, date, end_date, latitude, longitude[, type])`` tuples."""
    return _events


@pytest.fixture(scope="session")
def spark_engine():
    """A SparkEngine on a local session (skipped when pyspark or Java is missing)."""
    pytest.importorskip("pyspark")
    from conflictlab.match import SparkEngine

    engine = SparkEngine()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            engine.session().sparkContext.setLogLevel("ERROR")
    except Exception as exc:  # noqa: BLE001 - no Java runtime, no local Spark
        pytest.skip(f"cannot start Spark in local mode: {exc}")
    return engine
