"""Taxonomies: reading meltt's format, the level at which two codes agree, the combined score."""

from __future__ import annotations

import pandas as pd
import pytest

from conflictlab.match import Taxonomy, match

# weapon taxonomy: three levels, finest first
WEAPON = pd.DataFrame(
    [("a", "pistol", "handgun", "small arm", "weapon"), ("a", "rifle", "long gun", "small arm", "weapon"),
     ("a", "mortar", "indirect", "heavy", "weapon"), ("b", "handgun", "handgun", "small arm", "weapon"),
     ("b", "carbine", "long gun", "small arm", "weapon"), ("b", "shell", "indirect", "heavy", "weapon"),
     ("b", "knife", "blade", "cold", "melee")],
    columns=["data.source", "base.categories", "level1", "level2", "level3"])
# actor taxonomy: one level
ACTOR = pd.DataFrame([("a", "gov", "state"), ("a", "reb", "rebel"), ("b", "army", "state"), ("b", "ins", "rebel")],
                     columns=["dataset", "code", "side"])

# (case, a's weapon, b's weapon, expected score or None when not a candidate) -- weapon only
SINGLE = [
    ("finest level", "pistol", "handgun", 1.0),
    ("second level", "pistol", "carbine", 0.5),
    ("broadest level", "pistol", "shell", 0.0),
    ("no level", "pistol", "knife", None),
    ("empty code never agrees", None, "handgun", None),
]


def _pair(weapon_a, weapon_b, actor_a="gov", actor_b="army"):
    row = {"event_id": "1", "date": "2024-05-01", "latitude": 0.0, "longitude": 0.0}
    a = pd.DataFrame([{**row, "weapon": weapon_a, "actor": actor_a}])
    b = pd.DataFrame([{**row, "weapon": weapon_b, "actor": actor_b}])
    return {"a": a, "b": b}


@pytest.mark.parametrize("case,wa,wb,expected", SINGLE, ids=[c[0] for c in SINGLE])
def test_weapon_score(case, wa, wb, expected):
    res = match(_pair(wa, wb), spatial_window_km=1, temporal_window_days=0, taxonomies={"weapon": WEAPON})
    scores = res.candidates["score"].tolist()
    assert scores == ([] if expected is None else [expected]), case


# (case, weapons, actors, weights, partial, expected score or None)
COMBINED = [
    ("both finest", ("pistol", "handgun"), ("gov", "army"), None, 0, 1.0),
    ("weapon at level 2, actor finest", ("pistol", "carbine"), ("gov", "army"), None, 0, 0.75),
    ("weighted 3:1 towards weapon", ("pistol", "carbine"), ("gov", "army"), {"weapon": 3, "actor": 1}, 0, 0.625),
    ("actors disagree", ("pistol", "handgun"), ("gov", "ins"), None, 0, None),
    ("actors disagree, partial=1", ("pistol", "handgun"), ("gov", "ins"), None, 1, 0.5),
    ("both disagree, partial=1", ("pistol", "knife"), ("gov", "ins"), None, 1, None),
]


@pytest.mark.parametrize("case,weapons,actors,weights,partial,expected", COMBINED, ids=[c[0] for c in COMBINED])
def test_combined_score(case, weapons, actors, weights, partial, expected):
    res = match(_pair(*weapons, *actors), spatial_window_km=1, temporal_window_days=0,
                taxonomies={"weapon": WEAPON, "actor": ACTOR}, weights=weights, partial=partial)
    assert res.candidates["score"].tolist() == ([] if expected is None else [expected]), case


def test_levels_must_go_finest_to_broadest():
    reversed_levels = WEAPON[["data.source", "base.categories", "level3", "level2", "level1"]]
    with pytest.raises(ValueError, match="finest to broadest"):
        Taxonomy.from_table("weapon", reversed_levels)


def test_unmapped_code_is_named():
    with pytest.raises(ValueError, match=r"does not map 1 code\(s\) of dataset 'a': \['spear'\]"):
        match(_pair("spear", "handgun"), spatial_window_km=1, temporal_window_days=0, taxonomies={"weapon": WEAPON})


def test_missing_taxonomy_column_is_named():
    data = _pair("pistol", "handgun")
    data["b"] = data["b"].drop(columns="weapon")
    with pytest.raises(KeyError, match="dataset 'b' has no column 'weapon'"):
        match(data, spatial_window_km=1, temporal_window_days=0, taxonomies={"weapon": WEAPON})


def test_numeric_codes_read_as_text():
    tax = pd.DataFrame({"dataset": ["a", "a", "b"], "code": [1, 2, 1], "level": ["x", "y", "x"]})
    data = _pair(1.0, 1)
    res = match(data, spatial_window_km=1, temporal_window_days=0, taxonomies={"weapon": tax})
    assert res.candidates["score"].tolist() == [1.0]


def test_conflicting_rows_rejected():
    tax = pd.DataFrame({"dataset": ["a", "a"], "code": ["p", "p"], "level": ["x", "y"]})
    with pytest.raises(ValueError, match="mapped to different levels"):
        Taxonomy.from_table("t", tax)


def test_bad_weights_rejected():
    with pytest.raises(ValueError, match="unknown taxonomies"):
        match(_pair("pistol", "handgun"), spatial_window_km=1, temporal_window_days=0,
              taxonomies={"weapon": WEAPON}, weights={"colour": 2})
