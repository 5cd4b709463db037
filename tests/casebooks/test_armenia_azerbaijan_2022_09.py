"""The bundled casebook of the Armenia–Azerbaijan border clashes of 12–14 September 2022.

Curated from the source pack ``shared/casepacks/armenia-azerbaijan-border-clashes-2022-09.yaml``; comments cite
the pack's claims as ARAZ22-Cnn. Integrity (quotes verbatim in the pack, addresses of the pack's pages only), the
statuses a careful reader would give field by field, and the casualty series revised day by day on both sides
(each figure a statement of its own, the newer superseding the older) read "as known on" a date.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

import conflictlab as cl
from casebooks.packs import (  # tests/ is on sys.path (tests/conftest.py)
    assert_one_document_per_pack_page,
    cited_urls,
    pack_urls,
    QUOTE_KINDS,
    squash as _squash,
    summary_as_of,
)

NAME = "armenia-azerbaijan-2022-09"
PACK = "armenia-azerbaijan-border-clashes-2022-09.yaml"

CLASH = "border-clashes-2022-09-13"  # the fighting; 'perpetrator' = who started it (the pack's 'initiator')
PROV = "alleged-provocation-2022-09-12"  # the Armenian provocation Azerbaijan alleges (ARAZ22-C03)
POW = "pow-execution-2022-09"  # the apparent execution of Armenian POWs (ARAZ22-C27..C29)
TRUCE = "ceasefire-2022-09"  # the ceasefire(s) of 13-14 September (ARAZ22-C13, C14, C22..C24)


def _claim(book, claim_id):
    return book.claim_table().set_index("claim_id").loc[claim_id]


def _status(book, as_of=None):
    return summary_as_of(book, as_of)["status"]


# Loading and integrity -----------------------------------------------------------------------------------------
def test_loads_and_validates(book):
    assert cl.validate(book) == []
    assert set(book.incidents["incident_id"]) == {CLASH, PROV, POW, TRUCE}
    assert (len(book.sources), len(book.documents), len(book.places)) == (18, 27, 3)
    assert book.claims["statement_id"].nunique() == 39  # 31 pack claims; 7 quotes back two incidents; C16 is two sentences
    assert len(book.claims) == 102
    links = set(book.incident_links[["incident_id", "link", "other_incident_id"]].itertuples(index=False, name=None))
    assert links == {(PROV, "claimed-cause-of", CLASH), (POW, "part-of", CLASH), (TRUCE, "related-to", CLASH)}


@pytest.mark.shared
def test_every_quote_is_verbatim_in_the_pack(book, pack_text):
    text = _squash(pack_text)
    statements = book.claims.drop_duplicates("statement_id")
    for sid, quote in statements[["statement_id", "quote"]].itertuples(index=False):
        assert _squash(quote) in text, f"{sid}: quote not verbatim in the pack"


@pytest.mark.shared
def test_every_document_address_is_a_page_of_the_pack(book, pack):
    assert_one_document_per_pack_page(book.documents, pack)


@pytest.mark.shared
def test_every_pack_claim_is_on_its_page_with_its_quote_kind(book, pack):
    statements = book.claims.drop_duplicates("statement_id").merge(
        book.documents[["document_id", "url", "published", "publisher"]], on="document_id")
    pages = pd.Series([c["url"] for c in pack["claims"]]).value_counts()
    for claim in pack["claims"]:
        quote = _squash(claim["quote"])
        hits = statements[(statements["url"] == claim["url"])
                          & statements["quote"].map(lambda q, quote=quote: _squash(q) in quote)]
        assert len(hits), f"{claim['id']}: no statement quotes it on {claim['url']}"
        assert set(hits["quote_kind"].astype(str)) == {QUOTE_KINDS[claim["quote_kind"]]}, claim["id"]
        if pages[claim["url"]] == 1:  # a page read for one claim: the pack's publisher (else it varies by claim)
            assert set(hits["publisher"]) == {claim["publisher"]}, claim["id"]
        day = str(claim.get("page_date") or "")[:10]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):  # the page's date is the document's publication date
            assert (hits["published"] == pd.Timestamp(day)).all(), claim["id"]
        assert hits["note"].str.contains(claim["id"], regex=False).all(), f"{claim['id']}: note does not cite it"


@pytest.mark.shared
def test_notes_cite_only_addresses_of_the_pack(book, pack_text):
    known = pack_urls(pack_text)
    for url in cited_urls(book):
        assert url in known, url


@pytest.mark.shared
def test_open_questions_are_in_the_casebook_note(book, pack):
    note = _squash(book.meta["note"])
    for phrase in ("Who fired first", "not independently verified", "79 (QNA) / 80", "'dead and missing' (207)",
                   "139 km2", "2 civilians injured", "brokered", "POW execution video"):
        assert phrase in note, phrase
    assert len(pack["open_questions"]) == 8


def test_quotes_are_at_most_one_sentence(book):
    for quote in book.claims["quote"].unique():
        assert len(quote) <= 400
        assert not re.search(r"[.!?…][”\"]?\s+[A-Z0-9“]", quote.rstrip(".!?”\" ,…")), quote


def test_every_claim_is_sourced_dated_and_documented(book):
    c = book.claims
    assert c[["source_id", "document_id", "stated_from", "stated_to", "quote", "quote_kind"]].notna().all().all()
    intervals = c[c["stated_from"] != c["stated_to"]]
    assert intervals["stated_basis"].notna().all(), "an interval statement date must say how it was established"
    # ARAZ22-C01: the ministry's fire from 00:05 on 13 Sept, on a page whose address is dated 12 Sept
    first = c[c["statement_id"] == "am-mod-fire-0005"].iloc[0]
    assert (first["stated_from"], first["stated_to"]) == (pd.Timestamp("2022-09-12"), pd.Timestamp("2022-09-13"))


def test_no_coordinates(book):
    # the pack has none; Goris/Kapan/Vardenis provinces in the pack are [mem], so no admin1 is recorded for them
    assert book.places[["lat", "lon", "coord_source"]].isna().all().all()
    places = book.places.set_index("place_id")
    assert places.loc["jermuk", "admin1"] == "Vayots Dzor Province"  # read on panorama.am (pack)
    assert places.loc["armenia", "level"] == "country"


def test_sides_of_the_sources(book):
    side = book.sources.set_index("source_id")["side"]
    assert side[["am-mod", "am-pashinyan", "am-security-council", "am-simonyan", "am-asryan",
                 "am-ombudsperson"]].eq("armenia").all()
    assert side[["az-mod", "az-mfa", "az-state-commission", "az-prosecutor", "az-unnamed"]].eq("azerbaijan").all()
    # states that are not parties, the NGO, and the Armenian outlet speaking for itself (EVN Report)
    assert side[["us-blinken", "us-pelosi", "ru-mfa", "ru-unnamed-official", "tr-erdogan", "hrw",
                 "evn-report"]].eq("third-party").all()
    # ARAZ22-C31: 'Azerbaijan acknowledged 80 fatalities' (Wikipedia): Azerbaijan speaks, the encyclopedia is
    # the document (as the Nerkin Hand casebook does with DW's early report)
    c = _claim(book, "az-unnamed-80-acknowledged/killed/azerbaijan")
    assert (c["source_id"], c["document_id"], c["quote_kind"]) == ("az-unnamed", "wikipedia-kiwix-2024-01", "reported")
    assert "S20" in c["note"] and "Tertiary source" in c["note"]


# What a careful reader says, field by field -------------------------------------------------------------------
EXPECTED = {
    # both say there was fighting: Armenia's MoD (C01, C02), Azerbaijan's MoD 'countermeasures' (C05) and
    # 'retaliatory actions' (C25); Pelosi (C20)
    (CLASH, "occurred", ""): "consensus",
    # Armenia: 13 Sept, 00:05 (C01, C02); Azerbaijan's State Commission: 12/13 Sept (C11): compatible
    (CLASH, "date", ""): "consensus",
    # only Armenia places the fighting (directions inside Armenia, C01, C02; near Jermuk, C30); Azerbaijan places
    # only the provocation it alleges (Dashkasan, Kalbajar, Lachin directions: the PROV incident)
    (CLASH, "place", ""): "one-sided",
    # who started it: Azerbaijan (Armenia C01, C02, C07, C29; Pelosi C20) vs Armenia (Azerbaijan C03, C04, C06,
    # C11, C21; Erdogan C26) -- the pack's relations C01 x C03, C21 denies C20
    (CLASH, "perpetrator", ""): "contested",
    (CLASH, "target", ""): "one-sided",  # 'the Armenian positions' (C01, C02)
    # Armenia's 207 dead or missing incl. 3 civilians killed (C16; EVN Report C24) vs Azerbaijan's offer of 100
    # Armenian bodies (C11): compatible -- the pack's 'partially_confirms' C11 -> C09
    (CLASH, "killed", "armenia"): "consensus",
    # Azerbaijan's own series (C08, C12, C17, C31; 'casualties' C06); nobody else gives a figure, and no organ
    # contradicts another once the revisions are known
    (CLASH, "killed", "azerbaijan"): "one-sided",
    (CLASH, "injured", "armenia"): "one-sided",  # 293 servicemen + 3 civilians (C16); 293 (EVN Report, C24)
    (CLASH, "injured", "azerbaijan"): "one-sided",  # 2 civilians (C10), 281 (C31)
    (CLASH, "captured", "armenia"): "one-sided",  # 20 servicemen (C16, C24)
    (CLASH, "missing", "armenia"): "one-sided",  # two civilians missing among the 207 (C16)
    (CLASH, "means", ""): "one-sided",  # artillery, mortars, drones, large-calibre firearms (C01, C02, C30)
    (CLASH, "damage", ""): "one-sided",  # 'Civilian infrastructures are also attacked' (C02); denied by C06
    # 'large-scale provocation of the Azerbaijani side', 'aggression' (C02, C16; Pelosi C20) vs 'large-scale
    # provocation', 'local countermeasures', 'retaliatory actions' (C03-C06, C08, C11, C21, C25; Erdogan C26)
    (CLASH, "characterization", ""): "contested",
    # unprovoked (C02 'absolutely false', C07 'completely fake') vs a response to the provocation (C03, C05, C11,
    # C21, C25)
    (CLASH, "cause", ""): "contested",
    # the provocation: asserted by Azerbaijan's MoD (C03, C25), denied by Armenia (C02, C07)
    (PROV, "occurred", ""): "contested",
    (PROV, "date", ""): "one-sided",
    (PROV, "place", ""): "one-sided",
    (PROV, "perpetrator", ""): "one-sided",
    (PROV, "target", ""): "one-sided",
    (PROV, "means", ""): "one-sided",
    (PROV, "characterization", ""): "one-sided",
    # the POW video: HRW (C27) and Armenia's ombudsperson (C29); Azerbaijan's prosecutor neither confirms nor
    # denies (C28), so only one party speaks
    (POW, "occurred", ""): "one-sided",
    (POW, "date", ""): "one-sided",  # 'September 2022' (HRW) and 13 Sept (ombudsperson): compatible
    (POW, "perpetrator", ""): "one-sided",
    (POW, "target", ""): "one-sided",
    (POW, "killed", "armenia"): "one-sided",  # 'at least 7' (HRW, a third party only)
    (POW, "characterization", ""): "one-sided",  # 'a war crime' (HRW)
    # HRW verified the video; Azerbaijan opened an investigation (C28): 'tension', not a contradiction
    (POW, "verification", ""): "one-sided",
    # the ceasefire: Armenia (C13, C14, C22), EVN Report (C24), a Russian official (C23); Azerbaijan silent
    (TRUCE, "occurred", ""): "one-sided",
    (TRUCE, "date", ""): "one-sided",  # 8 p.m. on 14 Sept (C13); late evening of 14 Sept (C24)
}


def test_summary_statuses_are_what_a_careful_reader_says(summary):
    assert summary["status"].to_dict() == EXPECTED


def test_nobody_contradicts_their_own_side(summary):
    assert summary["inconsistent_within_side"].sum() == 0
    assert cl.summary_line(summary) == "3 fields agreed, 4 contested, 24 one-sided"


def test_third_parties_split_on_who_started_it(book, summary):
    assert summary.loc[(CLASH, "perpetrator", ""), "sides"] == "armenia; azerbaijan; third-party"
    v = cl.compare(book)
    perp = v[(v.incident_id == CLASH) & (v.field == "perpetrator") & (v.verdict != "silent")]
    pairs = {frozenset((str(a), str(b))): str(x) for a, b, x in perp[["source_l", "source_r", "verdict"]].values}
    # Pelosi (C20) agrees with Armenia's MoD (C01, the pack's 'confirms'); Erdogan (C26) with Azerbaijan's MoD
    assert pairs[frozenset(("am-mod", "us-pelosi"))] == "agree"
    assert pairs[frozenset(("az-mfa", "us-pelosi"))] == "contradict"  # C21 denies C20
    assert pairs[frozenset(("az-mod", "tr-erdogan"))] == "agree"
    assert pairs[frozenset(("us-pelosi", "tr-erdogan"))] == "contradict"


def test_contested_framing_pairs_the_blames(book):
    v = cl.compare(book, quotes=True)
    framing = v[(v.incident_id == CLASH) & (v.field == "characterization") & (v.verdict == "contradict")]
    pairs = {frozenset((str(a), str(b))) for a, b in framing[["source_l", "source_r"]].values}
    blames_az = {"am-mod", "am-security-council", "us-pelosi"}  # C02, C16, C20
    blames_am = {"az-mod", "az-mfa", "az-state-commission", "tr-erdogan"}  # C03-C06, C08, C11, C21, C25, C26
    assert pairs == {frozenset((a, z)) for a in blames_az for z in blames_am}
    assert framing["quote_l"].notna().all() and framing["quote_r"].notna().all()
    # the US Secretary of State (C18) and Russia's foreign ministry (C19) blame nobody: never contradicting
    neutral = v[(v.field == "characterization") & (v.source_l.isin(["us-blinken", "ru-mfa"])
                                                   | v.source_r.isin(["us-blinken", "ru-mfa"]))
                & (v.verdict != "silent")]
    assert len(neutral) and set(neutral["verdict"].astype(str)) == {"compatible"}


def test_the_provocation_is_asserted_and_denied(book):
    table = cl.align(book, incident=PROV)
    row = table.loc[(PROV, "occurred", "")]
    assert row[("azerbaijan", "az-mod")] == "happened"
    assert row[("armenia", "am-mod")] == "denied" and row[("armenia", "am-pashinyan")] == "denied"
    place = _claim(book, "az-mod-large-scale-provocation/place")
    assert (place["place_country"], place["detail"]) == ("Azerbaijan", "Dashkasan, Kalbajar and Lachin directions")
    causes = book.claim_table()
    causes = causes[(causes["field"] == "cause") & (causes["incident_id"] == CLASH)]
    # Armenia: unprovoked (C02, C07); Azerbaijan: the provocation (C03, C05, C11, C21, C25)
    assert causes.loc[causes["side"] == "armenia", "cause_incident_id"].isna().all()
    assert set(causes.loc[causes["side"] == "azerbaijan", "cause_incident_id"]) == {PROV}
    assert set(causes["side"]) == {"armenia", "azerbaijan"}


# The casualty series, revised over days on both sides -----------------------------------------------------------
def _killed(book, party, as_of=None):
    table = cl.align(book, incident=CLASH, as_of=as_of)
    return table.loc[(CLASH, "killed", party)].dropna().droplevel("side").to_dict()


def test_armenian_toll_as_known_day_by_day(book):
    # 13 Sept: 49, not final (C07); 14 Sept: 105 (C09), and Azerbaijan's 100 bodies (C11)
    assert _killed(book, "armenia", "2022-09-13") == {"am-pashinyan": "49"}
    day14 = _killed(book, "armenia", "2022-09-14")
    assert day14["am-pashinyan"] == "105" and day14["az-state-commission"].startswith("100 or more")
    # 16 Sept: 135 (C15) supersedes the 105 of both the PM (C09) and the Security Council (C14)
    day16 = _killed(book, "armenia", "2022-09-16")
    assert day16["am-pashinyan"] == "135" and "am-security-council" not in day16
    # 19 Sept: 207 dead or missing (C16) supersedes 135 (C15): 3-207 killed; the PM's 135 is gone
    day19 = _killed(book, "armenia", "2022-09-19")
    assert "am-pashinyan" not in day19 and day19["am-security-council"].startswith("3-207")
    # by default the latest figure counts: the Security Council's, Azerbaijan's offer, EVN Report's (C24)
    latest = _killed(book, "armenia")
    assert set(latest) == {"am-security-council", "az-state-commission", "evn-report"}
    assert latest["am-security-council"] == day19["am-security-council"]
    c = _claim(book, "am-security-council-207-dead-or-missing/killed/armenia")
    assert (c["count_low"], c["count_high"]) == (3, 207) and "207" in c["count_reading"]


def test_azerbaijani_toll_as_known_day_by_day(book):
    # 13 Sept: 50 (C08) and 'casualties' (C06); 14 Sept: 50 also from DW (C10); 15 Sept: 71 (C12) supersedes both
    assert _killed(book, "azerbaijan", "2022-09-13") == {"az-mod": "50", "az-mfa": "1 or more ('casualties')"}
    assert _killed(book, "azerbaijan", "2022-09-14")["az-unnamed"] == "50"
    day15 = _killed(book, "azerbaijan", "2022-09-15")
    assert day15["az-mod"] == "71" and "az-unnamed" not in day15
    # 19 Sept: 79 (C17) supersedes 71 (C12); the MoD's earlier 50s do not come back
    day19 = _killed(book, "azerbaijan", "2022-09-19")
    assert day19 == {"az-mfa": "1 or more ('casualties')", "az-unnamed": "79"}
    assert _killed(book, "azerbaijan", "2023-12-31")["az-unnamed"] == "79"
    # the later acknowledgement of 80 (tertiary C31, undated: certain only by the end of January 2024)
    assert _killed(book, "azerbaijan")["az-unnamed"] == "80"
    assert _killed(book, "azerbaijan", "2024-01-31")["az-unnamed"] == "80"


def test_superseded_figures_carry_the_date_of_their_revision(book):
    t = book.claim_table().set_index("claim_id")
    revised = {
        "am-pashinyan-49-killed/killed/armenia": "2022-09-14",  # C09 -> C07
        "am-pashinyan-105-killed/killed/armenia": "2022-09-16",  # C15 -> C09
        "am-security-council-105-killed/killed/armenia": "2022-09-16",  # C15 -> C14 (this casebook)
        "am-pashinyan-135-killed/killed/armenia": "2022-09-19",  # C16 -> C15
        "az-mod-50-killed/killed/azerbaijan": "2022-09-15",  # C12 -> C08
        "az-mod-retaliatory-actions/killed/azerbaijan": "2022-09-15",  # C12 -> C25 (this casebook)
        "az-unnamed-50-first-day/killed/azerbaijan": "2022-09-15",  # C12 -> C10 (this casebook)
        "az-mod-71-killed/killed/azerbaijan": "2022-09-19",  # C17 -> C12
    }
    for claim_id, day in revised.items():
        assert t.loc[claim_id, "superseded_on"] == pd.Timestamp(day), claim_id
    assert t.loc[list(revised), "superseded_on"].notna().all()
    assert t["superseded_on"].notna().sum() == len(revised)


def test_statuses_as_known_day_by_day(book):
    # 13 Sept: only Armenia speaks of its dead (49); from 14 Sept Azerbaijan's 100 bodies are compatible
    assert _status(book, "2022-09-13")[(CLASH, "killed", "armenia")] == "one-sided"
    assert _status(book, "2022-09-14")[(CLASH, "killed", "armenia")] == "consensus"
    # the provocation is denied the day it is alleged (C02, C07 vs C03)
    assert _status(book, "2022-09-13")[(PROV, "occurred", "")] == "contested"
    # no day shows an Azerbaijani organ contradicting another: each revision supersedes the figures before it
    for day in ("2022-09-13", "2022-09-14", "2022-09-15", "2022-09-16", "2022-09-19", "2022-09-20"):
        s = cl.summarize(cl.compare(book, as_of=day))
        assert not s["inconsistent_within_side"].any(), day
    # the POW video is known only from October 2022 (HRW, C27)
    assert POW not in set(cl.compare(book, as_of="2022-09-30")["incident_id"].astype(str))
    assert _status(book, "2022-10-14")[(POW, "occurred", "")] == "one-sided"


def test_vague_wording_stays_vague(book):
    casualties = _claim(book, "az-mfa-extensive-provocations/killed/azerbaijan")  # C06, no number
    assert (casualties["count_low"], pd.isna(casualties["count_high"])) == (1, True)
    pows = _claim(book, "hrw-pow-execution-war-crime/killed/armenia")  # 'at least 7' (C27)
    assert (pows["count_low"], pd.isna(pows["count_high"])) == (7, True)
    bodies = _claim(book, "az-state-commission-100-bodies/killed/armenia")  # 100 bodies offered (C11)
    assert (bodies["count_low"], pd.isna(bodies["count_high"])) == (100, True)


def test_pack_relations_are_recorded(book):
    rel = set(book.relations[["claim_id", "relation", "other_claim_id"]].itertuples(index=False, name=None))
    expected = {
        ("am-mod-fire-0005/perpetrator", "contradicts", "az-mod-large-scale-provocation-response/perpetrator"),
        ("am-mod-provocation-false", "denies", "az-mod-large-scale-provocation"),  # C02 -> C03
        ("am-pashinyan-provocation-fake", "denies", "az-mod-responsibility-armenia/characterization"),  # C07 -> C04
        ("az-mfa-extensive-provocations", "denies", "am-mod-claims-false/damage"),  # C06 -> C02
        ("az-mod-local-countermeasures", "contradicts", "us-blinken-deeply-concerned"),  # C05 x C18
        ("us-pelosi-initiated-by-azerbaijan/perpetrator", "confirms", "am-mod-fire-0005/perpetrator"),  # C20 -> C01
        ("az-mfa-pelosi-baseless", "denies", "us-pelosi-initiated-by-azerbaijan"),  # C21 -> C20
        ("am-simonyan-us-mediation", "contradicts", "ru-official-russian-mediation"),  # C22 x C23
        ("evn-report-us-brokered", "partially-confirms", "am-simonyan-us-mediation"),  # C24 ~ C22
        ("am-ombudsperson-13-september", "confirms", "hrw-pow-execution-war-crime"),  # C29 -> C27
        ("az-prosecutor-investigation", "tension", "hrw-pow-execution-war-crime/verification"),  # C28 x C27
        ("am-mod-fire-stopped", "tension", "am-pashinyan-105-killed"),  # C13 x C09
        ("am-asryan-139-km2", "tension", "am-pashinyan-105-killed"),  # C30 'expands' C09
        ("az-state-commission-100-bodies/killed/armenia", "partially-confirms",
         "am-pashinyan-105-killed/killed/armenia"),  # C11 -> C09
    }
    assert expected <= rel
    supersedes = {(a, b) for a, r, b in rel if r == "supersedes"}
    assert len(supersedes) == 8  # the pack's five, and three recorded by this casebook (C10, C14, C25)
