"""GDELT readers: events with a header row and raw headerless tab-separated files, and the Mentions table."""

from __future__ import annotations

import csv
import io

import pytest

from conflictlab import CasebookError
from conflictlab.io.cameo import CAMEO_ROOT, CAMEO_VIOLENT, read_cameo_codes
from conflictlab.io.gdelt import GDELT1_EVENT_COLUMNS, read_gdelt_events, read_gdelt_mentions

EVENTS = "gdelt_samples/dinulsyah_gdelt1_events_uschina2018_with_header.csv"
MENTIONS = "gdelt_samples/gdeltPyR_mentions_sample.csv"


def test_events_with_header(data_dir):
    ev = read_gdelt_events(data_dir / EVENTS)
    assert len(ev) == 3340 and ev["event_id"].is_unique
    assert ev["orig_QuadClass"].value_counts().to_dict() == {"1": 1620, "2": 834, "3": 653, "4": 233}
    row = ev.set_index("event_id").loc["760359406"]
    assert (row["country"], row["admin1"], row["location_precision"]) == ("United States", "District of Columbia",
                                                                            "settlement")
    assert (row["event_type"], row["perpetrator"], row["target"]) == ("reduce relations", "UNITED STATES", "CHINA")
    assert ev.loc[ev["orig_QuadClass"].isin(["1", "2"]), "perpetrator"].isna().all()


def test_headerless_tab_separated_raw_file(data_dir, tmp_path):
    rows = list(csv.reader(io.StringIO((data_dir / EVENTS).read_text(encoding="utf-8"))))[1:6]
    raw = tmp_path / "20180530.export.CSV"
    raw.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    ev = read_gdelt_events(raw)
    assert len(ev) == 5 and list(ev.filter(like="orig_").columns) == [f"orig_{c}" for c in GDELT1_EVENT_COLUMNS]
    assert ev["event_id"].tolist() == [r[0] for r in rows]


def test_bad_sqldate(data_dir, tmp_path):
    lines = (data_dir / EVENTS).read_text(encoding="utf-8").splitlines(keepends=True)[:4]
    lines[2] = lines[2].replace(",2018", ",2018x", 1)
    p = tmp_path / "g.csv"
    p.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(CasebookError, match=r"g\.csv:3: event '\d+': field 'SQLDATE': not a YYYYMMDD date"):
        read_gdelt_events(p)


def test_cameo_lookup_agrees_with_the_full_list(data_dir):
    full = read_cameo_codes(data_dir / "gdelt_samples/gdeltPyR_cameoCodes.json")
    assert len(full) == 320
    for code, name in {**CAMEO_ROOT, **CAMEO_VIOLENT}.items():
        if code in full and code not in ("20", "1832", "181", "15"):
            assert full[code] == name, code


def test_mentions(data_dir):
    m = read_gdelt_mentions(data_dir / MENTIONS)
    assert len(m) == 1635 and m["event_id"].nunique() == 1430 and m["source_name"].nunique() == 205
    assert m["mention_time"].dtype == "datetime64[s]" and m["in_raw_text"].dtype == "boolean"
    assert m.groupby("event_id").size().max() == 15


def test_mentions_missing_column(data_dir, tmp_path):
    text = (data_dir / MENTIONS).read_text(encoding="utf-8").splitlines()[:3]
    p = tmp_path / "m.csv"
    p.write_text("\n".join(line.split(",", 1)[1] for line in text) + "\n", encoding="utf-8")
    with pytest.raises(CasebookError, match=r"m\.csv:1: field 'GLOBALEVENTID'"):
        read_gdelt_mentions(p)
