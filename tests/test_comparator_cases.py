"""Comparators as tables of literal cases (left value, right value, expected verdict), and their symmetry."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictlab.comparators import (ActorComparator, CauseComparator, CountComparator, DateComparator,
                                     FramingComparator, LabelsComparator, OccurredComparator, PlaceComparator,
                                     haversine_km)
from conflictlab.model.vocab import VERDICTS


def verdict(comparator, left: dict, right: dict) -> str:
    row = {f"{k}_l": [v] for k, v in left.items()} | {f"{k}_r": [v] for k, v in right.items()}
    frame = pd.DataFrame(row)
    for c in frame.columns:
        if c.startswith("count_"):
            frame[c] = frame[c].astype("Int64")
        if c.startswith("date_"):
            frame[c] = pd.to_datetime(frame[c])
    codes, _ = comparator.compare(frame)
    return VERDICTS[int(codes[0])]


def n(lo, hi):
    return {"count_low": lo, "count_high": hi}


COUNT_CASES = [
    (CountComparator(), n(4, 4), n(4, 4), "agree"),
    (CountComparator(), n(4, 4), n(3, 9), "compatible"),        # 4 vs 'several'
    (CountComparator(), n(2, 2), n(3, 9), "contradict"),
    (CountComparator(), n(4, None), n(100, 100), "compatible"),  # 'at least 4'
    (CountComparator(), n(4, None), n(4, None), "agree"),
    (CountComparator(), n(251, None), n(250, 250), "contradict"),  # 'more than 250' vs 250
    (CountComparator(rel_tol=0.1), n(100, 100), n(109, 109), "compatible"),
    (CountComparator(abs_tol=1), n(4, 4), n(6, 6), "compatible"),  # each widened by 1: 3-5 and 5-7 meet
    (CountComparator(abs_tol=1), n(4, 4), n(7, 7), "contradict"),
]


def d(a, b=None):
    return {"date_from": a, "date_to": b or a}


DATE_CASES = [
    (DateComparator(), d("2024-02-12"), d("2024-02-12"), "agree"),
    (DateComparator(), d("2024-02-12"), d("2024-02-13"), "compatible"),
    (DateComparator(tolerance_days=0), d("2024-02-12"), d("2024-02-13"), "contradict"),
    (DateComparator(), d("2024-02-01", "2024-02-29"), d("2024-02-13"), "compatible"),
    (DateComparator(), d("2024-02-12"), d("2024-02-20"), "contradict"),
]


def place(pid, name, level, country, admin1=None, lat=None, lon=None, aliases=None):
    return {"place_id": pid, "place_name": name, "place_aliases": aliases, "place_level": level,
            "place_admin2": None, "place_admin1": admin1, "place_country": country, "place_lat": lat, "place_lon": lon}


NH = place("nh", "Nerkin Hand", "settlement", "Armenia", "Syunik Province", aliases="Nerkin-And")
PLACE_CASES = [
    (PlaceComparator(), NH, NH, "agree"),
    (PlaceComparator(), NH, place("x", "Nerkin-And", "settlement", "Armenia", "Syunik"), "agree"),
    (PlaceComparator(), NH, place("tv", "Tovuz District", "admin1", "Azerbaijan"), "contradict"),
    (PlaceComparator(), NH, place("sy", "Syunik Province", "admin1", "Armenia"), "compatible"),
    (PlaceComparator(), NH, place("kp", "Kapan", "settlement", "Armenia", "Syunik Province"), "compatible"),
    (PlaceComparator(same_area="contradict"), NH, place("kp", "Kapan", "settlement", "Armenia", "Syunik"),
     "contradict"),
    (PlaceComparator(), place("k", "Kapan", "settlement", "Armenia", lat=39.20762, lon=46.40678),
     place("t", "Tovuz", "settlement", "Azerbaijan", lat=40.99249, lon=45.62838), "contradict"),
    (PlaceComparator(), place("a", "A", "settlement", "C", lat=40.0, lon=45.0),
     place("b", "B", "settlement", "C", lat=40.05, lon=45.0), "agree"),
    (PlaceComparator(), place("a", "A", "admin1", "C", lat=40.0, lon=45.0),
     place("b", "B", "settlement", "C", lat=40.9, lon=45.0), "compatible"),  # 100 km, within a province's radius
]

OTHER_CASES = [
    (OccurredComparator(), {"occurred": True}, {"occurred": False}, "contradict"),
    (OccurredComparator(), {"occurred": False}, {"occurred": False}, "agree"),
    (ActorComparator(), {"actor": "armenia"}, {"actor": "azerbaijan"}, "contradict"),
    (CauseComparator(), {"cause_incident_id": None}, {"cause_incident_id": "i12"}, "contradict"),
    (LabelsComparator(), {"labels": "small arms"}, {"labels": "artillery"}, "compatible"),
    (LabelsComparator(disjoint="contradict"), {"labels": "small arms"}, {"labels": "artillery"}, "contradict"),
    (FramingComparator(), {"labels": "retaliatory operation", "blame": "armenia"},
     {"labels": "unprovoked aggression", "blame": "azerbaijan"}, "contradict"),
    (FramingComparator(), {"labels": "provocation", "blame": "armenia"},
     {"labels": "retaliatory operation", "blame": "armenia"}, "compatible"),
    (FramingComparator(), {"labels": "aggression", "blame": "azerbaijan"},
     {"labels": "restraint urged", "blame": "none"}, "compatible"),
]

ALL = COUNT_CASES + DATE_CASES + PLACE_CASES + OTHER_CASES


@pytest.mark.parametrize(("comparator", "left", "right", "expected"), ALL)
def test_literal_cases(comparator, left, right, expected):
    assert verdict(comparator, left, right) == expected


@pytest.mark.parametrize(("comparator", "left", "right", "expected"), ALL)
def test_swapping_sides_gives_the_same_verdict(comparator, left, right, expected):
    assert verdict(comparator, right, left) == expected


@given(st.integers(0, 1000), st.integers(0, 50), st.integers(0, 1000), st.integers(0, 50))
def test_nested_count_intervals_never_contradict(lo, width, inner, inner_width):
    hi = lo + width
    a = min(max(inner, lo), hi)
    b = min(a + inner_width, hi)
    assert verdict(CountComparator(), n(lo, hi), n(a, b)) != "contradict"


@given(st.integers(0, 30), st.integers(0, 5), st.integers(0, 5))
def test_a_larger_date_tolerance_never_creates_a_contradiction(gap, tol, extra):
    left, right = d("2024-01-01"), {"date_from": pd.Timestamp("2024-01-01") + pd.Timedelta(days=gap),
                                     "date_to": pd.Timestamp("2024-01-01") + pd.Timedelta(days=gap)}
    if verdict(DateComparator(tol), left, right) != "contradict":
        assert verdict(DateComparator(tol + extra), left, right) != "contradict"


def test_haversine_reference_values():
    assert haversine_km(0, 0, 0, 0) == 0
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.19, abs=0.01)
    assert haversine_km(0, 0, 0, 180) == pytest.approx(20015.1, abs=0.5)
    a = haversine_km(np.array([10.0]), np.array([20.0]), np.array([-5.0]), np.array([100.0]))
    b = haversine_km(np.array([-5.0]), np.array([100.0]), np.array([10.0]), np.array([20.0]))
    assert a == pytest.approx(b)


@pytest.mark.parametrize("make", [lambda: CountComparator(abs_tol=-1), lambda: DateComparator(-1),
                                  lambda: LabelsComparator(disjoint="maybe"), lambda: PlaceComparator(same_area="x")])
def test_bad_tolerances_are_refused(make):
    with pytest.raises(ValueError):
        make()
