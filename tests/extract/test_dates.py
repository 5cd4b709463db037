"""Dates: absolute, relative to the publication date, and dates of the statement left out."""

import datetime as dt

import pytest


def _dates(c):
    d = c[c["field"] == "date"]
    return list(zip(d["value"], d["evidence"], strict=True))


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Fire was opened yesterday.", "2024-02-13", [("2024-02-12", "yesterday")]),
    ("Fire was opened today.", "2024-02-13", [("2024-02-13", "today")]),
    ("Fire was opened the day before yesterday.", "2024-02-13", [("2024-02-11", "the day before yesterday")]),
    ("Fire was opened three days ago.", "2024-02-13", [("2024-02-10", "three days ago")]),
    ("Fire was opened on Monday.", "2024-02-13", [("2024-02-12", "on Monday")]),  # the 13th is a Tuesday
    ("Fire was opened on Tuesday.", "2024-02-13", [("2024-02-13", "on Tuesday")]),  # the same day
    ("Fire was opened last Tuesday.", "2024-02-13", [("2024-02-06", "last Tuesday")]),
    ("Fire was opened last night.", "2024-02-13", [("2024-02-12/2024-02-13", "last night")]),
    ("Fire was opened this week.", "2024-02-14", [("2024-02-12/2024-02-14", "this week")]),
    ("Fire was opened last week.", "2024-02-14", [("2024-02-05/2024-02-11", "last week")]),
    ("Fire was opened on Feb. 12.", "2024-02-13", [("2024-02-12", "Feb. 12")]),
    ("Fire was opened on 12 February.", "2024-02-13", [("2024-02-12", "12 February")]),
    ("Fire was opened on Dec. 30.", "2024-01-02", [("2023-12-30", "Dec. 30")]),  # the year before
    ("Fire was opened on Oct. 23, 2020.", None, [("2020-10-23", "Oct. 23, 2020")]),
    ("Fire was opened on 2024-02-12.", None, [("2024-02-12", "2024-02-12")]),
    ("It began in September 2023.", None, [("2023-09", "September 2023")]),
    ("Posts were fired upon yesterday [Feb. 12].", "2024-02-13", [("2024-02-12", "yesterday [Feb. 12]")]),
])
def test_dates(propose, text, published, expected):
    c = propose(text, published=published)
    assert _dates(c) == expected
    for r in c.itertuples():
        assert text[r.start:r.end] == r.evidence


def test_relative_and_yearless_dates_need_a_publication_date(propose):
    assert _dates(propose("Fire was opened yesterday and on Feb. 12.", published=None)) == []


def test_published_may_be_a_date_and_must_be_one(propose):
    assert _dates(propose("Fire was opened yesterday.", published=dt.date(2024, 2, 13))) == [
        ("2024-02-12", "yesterday")]
    with pytest.raises(ValueError, match="published must be a date"):
        propose("Fire was opened yesterday.", published="last Tuesday")


@pytest.mark.parametrize("text", ["“We call for restraint,” Kremlin spokesman Dmitry Peskov said on Feb. 13.",
                                  "On Feb. 13, Armenia’s defense ministry said four soldiers were killed.",
                                  "The ministry said in a statement on Feb. 13 that the post was hit."])
def test_the_date_of_a_statement_is_not_an_incident_date(propose, text):
    assert _dates(propose(text)) == []


def test_a_date_at_the_start_of_an_event_clause_is_an_incident_date(propose):
    text = "On Feb. 12, Armenian forces opened fire, the ministry said."
    assert _dates(propose(text)) == [("2024-02-12", "Feb. 12")]
