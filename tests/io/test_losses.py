"""Claimed (Ukrainian General Staff) vs documented (Oryx) losses: readers, ratio table, claims and verdicts."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import conflictlab as cl
from conflictlab import CasebookError
from conflictlab.io.losses import claimed_vs_documented, read_genstaff_claims
from conflictlab.io.losses_to_claims import losses_to_claims
from conflictlab.io.oryx import read_oryx_by_model, read_oryx_daily, read_oryx_events
from conflictlab.model.validate import validate

UA = "ukraine_losses_mod_vs_oryx/"


def _on(frame, category, day):
    return int(frame[(frame["category"] == category) & (frame["date"] == day)]["count"].iloc[0])


def test_genstaff_claims_csv_and_json_agree(data_dir):
    csv = read_genstaff_claims(data_dir / UA / "russia_losses_equipment.csv")
    js = read_genstaff_claims(data_dir / UA / "russia_losses_equipment.json")
    assert _on(csv, "tanks", "2023-02-05") == _on(js, "tanks", "2023-02-05") == 3220
    assert _on(csv, "armoured-vehicles", "2023-02-05") == 6405
    assert csv[["date", "category", "count"]].equals(js[["date", "category", "count"]])
    # vehicles were reported as 'military auto' + 'fuel tank' until 30 Apr 2022
    assert _on(csv, "vehicles", "2022-02-25") == 160


def test_two_transcriptions_mostly_agree(data_dir):
    ivaniuk = read_genstaff_claims([data_dir / UA / "russia_losses_equipment.json",
                                    data_dir / UA / "russia_losses_personnel.json"])
    moskali = read_genstaff_claims(data_dir / "pypi_moskali_ua_genstaff_claims/moskali.json")
    assert moskali["orig_category"].str.contains("Танки").any()
    both = ivaniuk.merge(moskali, on=["date", "category"], suffixes=("_i", "_m"))
    assert len(both) > 15000
    assert (both["count_i"] == both["count_m"]).mean() > 0.9
    assert ivaniuk.loc[ivaniuk["category"] == "personnel", "qualifier"].eq("about").any()


def test_oryx_snapshot_and_ratio(data_dir):
    claimed = read_genstaff_claims(data_dir / UA / "russia_losses_equipment.csv")
    oryx = read_oryx_by_model(data_dir / UA / "russia_losses_equipment_oryx.csv")
    assert _on(oryx, "tanks", "2023-02-05") == 1673 and _on(oryx, "armoured-vehicles", "2023-02-05") == 3787
    ratio = claimed_vs_documented(claimed, oryx).set_index("category")
    assert (ratio.loc["tanks", "claimed"], ratio.loc["tanks", "documented"]) == (3220, 1673)
    assert ratio.loc["tanks", "ratio"] == pytest.approx(3220 / 1673)
    assert ratio.loc["aircraft", "excess"] == 294 - 69


def test_oryx_daily_is_cumulative_by_category(data_dir):
    d = read_oryx_daily(data_dir / "oryx_events_scarnecchia/daily_count.csv")
    assert set(d["basis"]) == {"documented"} and set(d["side_lost"]) == {"russia"}
    for _, g in d.groupby("category", observed=True):
        assert g["date"].is_monotonic_increasing


def test_oryx_events(data_dir):
    ev = read_oryx_events(data_dir / "oryx_events_scarnecchia")
    assert len(ev) == 37505 and ev["event_id"].is_unique
    assert ev["event_type"].value_counts().to_dict() == {"destroyed": 26251, "captured": 5392, "damaged": 3389,
                                                         "abandoned": 2473}
    assert (ev["date"] <= ev["end_date"]).all() and ev["latitude"].isna().all()


def test_claims_give_verdicts_and_oryx_is_a_lower_bound(data_dir):
    claimed = read_genstaff_claims(data_dir / UA / "russia_losses_equipment.csv")
    oryx = read_oryx_by_model(data_dir / UA / "russia_losses_equipment_oryx.csv")
    book = losses_to_claims(claimed, oryx)
    assert validate(book) == []
    assert set(book.sources.set_index("source_id")["side"]) == {"ukraine", "third-party"}
    tank = book.claims[book.claims["incident_id"] == "russia-tanks-2023-02-05"].set_index("source_id")
    assert (tank.loc["oryx", "count_low"], tank.loc["oryx", "count_high"]) == (1673, pd.NA) or \
        pd.isna(tank.loc["oryx", "count_high"])
    assert "at least 1673" in tank.loc["oryx", "value"]
    verdicts = cl.compare(book)
    assert set(verdicts["verdict"].astype(str)) == {"compatible"}  # every claim is above the documented floor
    low = claimed.assign(count=claimed["count"] // 10)  # a claim below what is documented contradicts it
    tanks = cl.compare(losses_to_claims(low, oryx, categories=["tanks"]))
    assert tanks["verdict"].astype(str).tolist() == ["contradict"] and "322" in tanks["reason"].iloc[0]


def test_bad_json_and_bad_date(tmp_path):
    p = tmp_path / "claims.json"
    p.write_text('[{"date": "2023-02-05", "tank": "3220"}, {"date": "05/02/2023x", "tank": "3221"}]',
                 encoding="utf-8")
    with pytest.raises(CasebookError, match=r"claims\.json: day '05/02/2023x' \(row 1\): field 'date': not a date"):
        read_genstaff_claims(p)
    p.write_text('[{"date": "2023-02-05", ', encoding="utf-8")
    with pytest.raises(CasebookError, match=r"claims\.json:1: not JSON"):
        read_genstaff_claims(p)
    p.write_text(json.dumps([{"day": 1}]), encoding="utf-8")
    with pytest.raises(CasebookError, match="field 'date'"):
        read_genstaff_claims(p)
