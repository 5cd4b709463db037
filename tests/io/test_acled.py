"""ACLED reader, on files the tests write in ACLED's export layout (ACLED data may not be redistributed)."""

from __future__ import annotations

import warnings

import pytest

from conflictlab import CasebookError
from conflictlab.io.acled import ACLED_COLUMNS, read_acled
from conflictlab.model.events import EventDataWarning, original_columns


def test_reads_the_export_layout(acled_file):
    ev = read_acled(acled_file).set_index("event_id")
    assert list(original_columns(ev.reset_index()).columns) == list(ACLED_COLUMNS)
    battle, attack = ev.loc["XAR1"], ev.loc["XAR2"]
    assert str(battle["date"].date()) == "2024-02-13" and str(attack["date"].date()) == "2024-02-14"
    assert (battle["date_precision"], attack["date_precision"]) == ("day", "month")
    assert (battle["location_precision"], attack["location_precision"]) == ("admin2", "settlement")
    assert battle["fatalities_low"] == battle["fatalities_best"] == battle["fatalities_high"] == 4
    assert ev["deaths_a"].isna().all()  # ACLED does not attribute deaths to sides
    assert battle["perpetrator"] is None or battle["perpetrator"] != battle["perpetrator"]  # not coded for battles
    assert (attack["perpetrator"], attack["target"]) == ("Unidentified Armed Group (Armenia)", "Civilians (Armenia)")
    assert attack["source_text"] == "Invented note."


def test_older_export_without_disorder_type_and_admin3(tmp_path, acled):
    cols = [c for c in ACLED_COLUMNS if c not in ("disorder_type", "admin3", "tags", "timestamp")]
    ev = read_acled(acled.write(tmp_path / "old.csv", columns=cols))
    assert len(ev) == 2


def test_missing_column(tmp_path, acled):
    p = acled.write(tmp_path / "a.csv", columns=[c for c in ACLED_COLUMNS if c != "fatalities"])
    with pytest.raises(CasebookError, match=r"a\.csv:1: field 'fatalities': required ACLED column is missing"):
        read_acled(p)


def test_bad_date_and_bad_count(tmp_path, acled):
    rows = [dict(acled.rows[0]), dict(acled.rows[1], event_date="31 Febtember 2024", fatalities="some")]
    p = acled.write(tmp_path / "a.csv", rows=rows)
    with pytest.raises(CasebookError) as err:
        read_acled(p)
    text = str(err.value)
    assert "a.csv:3: event 'XAR2': field 'event_date': not a date: '31 Febtember 2024'" in text
    assert "a.csv:3: event 'XAR2': field 'fatalities': not a count: 'some'" in text
    with pytest.warns(EventDataWarning, match="2 problem"):
        ev = read_acled(p, errors="warn")
    assert ev["event_id"].tolist() == ["XAR1"]


def test_wrong_encoding(tmp_path, acled):
    rows = [dict(acled.rows[0]), dict(acled.rows[1], location="Kapan – Gyumri", notes="Café")]
    p = acled.write(tmp_path / "a.csv", rows=rows, encoding="cp1252")
    with pytest.raises(CasebookError) as err:
        read_acled(p)
    (problem,) = err.value.problems
    assert (problem.line, problem.field) == (3, "location")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_acled(p, encoding="cp1252").loc[1, "source_text"] == "Café"


def test_utf8_bom_is_accepted(tmp_path, acled):
    p = acled.write(tmp_path / "a.csv", encoding="utf-8-sig")
    assert read_acled(p)["event_id"].tolist() == ["XAR1", "XAR2"]
    assert read_acled(p, engine="pandas")["event_id"].tolist() == ["XAR1", "XAR2"]
