"""Fixtures for the loader tests: the shared data folder, and small files in ACLED's and GED's layouts.

ACLED data may not be redistributed: the ACLED files here are written by the tests, with invented rows in the
column layout of an ACLED export.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conflictlab.io.acled import ACLED_COLUMNS


@pytest.fixture(scope="session")
def data_dir(shared_dir) -> Path:
    """``<shared>/data``, the offline mirror of the registered datasets."""
    d = Path(shared_dir) / "data"
    if not d.is_dir():
        pytest.skip(f"no data folder in {shared_dir}")
    return d


@pytest.fixture
def mirror(monkeypatch, data_dir) -> Path:
    """Point CONFLICTLAB_MIRROR at the shared data and the cache at an empty temporary folder."""
    monkeypatch.setenv("CONFLICTLAB_MIRROR", str(data_dir))
    return data_dir


@pytest.fixture(autouse=True)
def _private_cache(monkeypatch, tmp_path_factory):
    """Never touch the user's cache; never go online."""
    monkeypatch.setenv("CONFLICTLAB_CACHE", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("CONFLICTLAB_MIRROR", raising=False)
    monkeypatch.delenv("CONFLICTLAB_OFFLINE", raising=False)


ACLED_ROWS = [
    # invented events in ACLED's layout (not ACLED data)
    {"event_id_cnty": "XAR1", "event_date": "2024-02-13", "year": "2024", "time_precision": "1",
     "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
     "actor1": "Military Forces of Azerbaijan (2003-)", "actor2": "Military Forces of Armenia (2018-)",
     "inter1": "1", "inter2": "1", "interaction": "11", "civilian_targeting": "", "iso": "51", "region": "Caucasus",
     "country": "Armenia", "admin1": "Syunik", "admin2": "Kapan", "location": "Nerkin Hand", "latitude": "39.1",
     "longitude": "46.4", "geo_precision": "2", "source": "Invented Wire", "source_scale": "National",
     "notes": "On 13 February 2024, forces clashed near Nerkin Hand.", "fatalities": "4", "tags": "",
     "timestamp": "1708000000"},
    {"event_id_cnty": "XAR2", "event_date": "14 February 2024", "year": "2024", "time_precision": "2",
     "disorder_type": "Political violence", "event_type": "Violence against civilians", "sub_event_type": "Attack",
     "actor1": "Unidentified Armed Group (Armenia)", "actor2": "Civilians (Armenia)", "inter1": "3", "inter2": "7",
     "interaction": "37", "civilian_targeting": "Civilian targeting", "iso": "51", "region": "Caucasus",
     "country": "Armenia", "admin1": "Syunik", "admin2": "Kapan", "location": "Kapan", "latitude": "39.2",
     "longitude": "46.41", "geo_precision": "1", "source": "Invented Daily", "source_scale": "Local",
     "notes": "Invented note.", "fatalities": "1", "tags": "", "timestamp": "1708000001"},
]


def write_acled(path: Path, rows=ACLED_ROWS, columns=ACLED_COLUMNS, encoding: str = "utf-8") -> Path:
    with open(path, "w", newline="", encoding=encoding) as f:
        w = csv.DictWriter(f, fieldnames=list(columns), extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    return path


@pytest.fixture
def acled():
    """The helpers to write ACLED-layout files: ``acled.write(path, rows=..., columns=..., encoding=...)``."""

    class Helpers:
        rows = ACLED_ROWS
        write = staticmethod(write_acled)

    return Helpers


@pytest.fixture
def acled_file(tmp_path) -> Path:
    """A two-row file in ACLED's export layout (invented rows)."""
    return write_acled(tmp_path / "acled_export.csv")
