"""Event records -> claims -> compare/summarize."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import conflictlab as cl
from conflictlab.io.acled import read_acled
from conflictlab.io.events_to_claims import events_to_claims
from conflictlab.io.ucdp import read_ucdp_ged
from conflictlab.model.events import EventDataWarning
from conflictlab.model.validate import validate


@pytest.fixture(scope="module")
def ged(shared_dir):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EventDataWarning)
        return read_ucdp_ged(shared_dir / "data" / "ucdp_ged_uncertainUCDP_sample" / "ucdpged_sample_1000.csv")


def test_ged_sample_to_a_valid_casebook(ged):
    book = events_to_claims(ged, incident_key="event_id")
    assert validate(book) == []
    assert len(book.incidents) == 1000 and book.sources["side"].tolist() == ["third-party"]
    places = book.places.dropna(subset=["lat"])
    assert places["coord_source"].str.contains("of ucdp-ged").all()
    killed = book.claims[book.claims["field"] == "killed"]
    assert (killed["count_low"] <= killed["count_high"]).all()  # also for rows where low <= best <= high fails
    total = killed[killed["claim_id"] == "ucdp-ged/236880/killed/all"].iloc[0]
    assert (total["count_low"], total["count_high"]) == (2, 3)
    assert set(book.claims.loc[book.claims["field"] == "perpetrator", "actor"]) <= set(book.parties["party_id"])
    summary = cl.summarize(cl.compare(book))
    assert set(summary["field"].astype(str)) >= {"occurred", "date", "place", "killed"}


def test_two_datasets_on_one_incident(ged, acled_file):
    ged_row = ged[ged["event_id"] == "376126"].assign(key="karabakh")  # Azerbaijan: Artsakh, 2020
    with pytest.warns(EventDataWarning, match="not attributed to a side"):
        acled = read_acled(acled_file).assign(key="karabakh")
        book = events_to_claims(pd.concat([ged_row, acled.iloc[:1]], ignore_index=True), "key",
                                sides={"acled": "armenia"}, party_map={"Military Forces of Armenia (2018-)":
                                                                       "armenia"})
    assert validate(book) == []
    assert book.sources.set_index("source_id").loc["acled", "side"] == "armenia"
    verdicts = cl.compare(book)
    pair = verdicts[(verdicts["field"] == "date")]
    assert pair[["source_l", "source_r"]].astype(str).values.tolist() == [["acled", "ucdp-ged"]]
    assert pair["verdict"].astype(str).iloc[0] == "contradict"  # 2020 vs 2024


def test_records_without_key_are_warned_and_left_out(ged):
    ev = ged.head(3).assign(key=["a", None, "a"])
    with pytest.warns(EventDataWarning, match="without an incident key"):
        book = events_to_claims(ev, "key")
    assert len(book.incidents) == 1
    killed = book.claims[(book.claims["field"] == "killed") & (book.claims["party"] == "all")]
    assert len(killed) == 1 and "sum of 2 records" in killed["count_reading"].iloc[0]
