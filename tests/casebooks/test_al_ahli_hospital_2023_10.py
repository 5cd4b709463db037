"""The bundled al-Ahli Arab Hospital casebook (explosion in Gaza City, 17 Oct 2023; the mid-air explosion seen in
the Al Jazeera livestream).

Curated from the source pack ``shared/casepacks/al-ahli-hospital-explosion-2023-10.yaml``; comments cite the
pack's claims as AHLI23-Cnn. Integrity: every quote is verbatim from the pack claim of the same page, every
document address is a page of the pack, every pack claim is in the casebook with its quote kind. Statuses: what
a careful reader of the pack says, field by field (the means dispute through the casebook's own comparison
setting), and where the claim model cannot say it (disagreements between third parties), what it says instead.
"""

from __future__ import annotations

import re

import pandas as pd

import conflictlab as cl
from casebooks.packs import (  # tests/ is on sys.path (tests/conftest.py)
    assert_one_document_per_pack_page,
    cited_urls,
    pack_urls,
    QUOTE_KINDS,
    squash as _squash,
    statements as _statements,
    summary_as_of,
)
from conflictlab.comparators import LabelsComparator
from conflictlab.model.vocab import RELATIONS

NAME = "al-ahli-hospital-2023-10"
PACK = "al-ahli-hospital-explosion-2023-10.yaml"
BLAST, CLIP = "ahli-hospital-explosion-2023-10-17", "aljazeera-livestream-midair-2023-10-17"
PAL = "palestinian-side"


def _status(book, as_of=None):
    return summary_as_of(book, as_of)["status"]


# Loading and shape ----------------------------------------------------------------------------------------------
def test_loads_and_validates(book):
    assert cl.validate(book) == []
    assert (len(book.incidents), len(book.sources), len(book.documents)) == (2, 21, 23)
    # 30 pack claims; three sentences (C21, C24, C26) back a statement on each incident
    assert book.claims["statement_id"].nunique() == 33 and len(book.claims) == 80
    assert set(book.parties["party_id"]) == {"israel", PAL}


def test_the_livestream_explosion_is_a_linked_incident(book):
    links = set(book.incident_links[["incident_id", "link", "other_incident_id"]].astype(str)
                .itertuples(index=False, name=None))
    assert links == {(CLIP, "related-to", BLAST)}
    places = book.incidents.set_index("incident_id")["place_id"]
    assert places[BLAST] == "al-ahli-hospital" and pd.isna(places[CLIP])  # the pages give only distances


# Integrity against the pack -------------------------------------------------------------------------------------
def test_every_quote_is_verbatim_from_the_pack_claim_of_its_page(book, pack):
    quotes_by_url: dict[str, list[str]] = {}
    for c in pack["claims"]:
        quotes_by_url.setdefault(c["url"], []).append(_squash(c["quote"]))
    for sid, url, quote in _statements(book)[["statement_id", "url", "quote"]].itertuples(index=False):
        assert any(_squash(quote) in q for q in quotes_by_url.get(url, [])), f"{sid}: quote not verbatim in the pack"


def test_every_quote_is_in_the_pack_file(book, pack_text):
    # the file's own text, whitespace normalised (one quote has an escaped '"' in the file: compare it unescaped)
    text = _squash(pack_text.replace('\\"', '"'))
    for quote in book.claims["quote"].unique():
        assert _squash(quote) in text, quote


def test_every_document_address_is_a_page_of_the_pack(book, pack):
    assert_one_document_per_pack_page(book.documents, pack)


def test_every_pack_claim_is_on_its_page_with_its_quote_kind_and_date(book, pack):
    statements = _statements(book)
    for claim in pack["claims"]:
        quote = _squash(claim["quote"])
        hits = statements[(statements["url"] == claim["url"])
                          & statements["quote"].map(lambda q, quote=quote: _squash(q) in quote)]
        assert len(hits), f"{claim['id']}: no statement quotes it on its page"
        assert set(hits["quote_kind"].astype(str)) == {QUOTE_KINDS[claim["quote_kind"]]}, claim["id"]
        assert hits["note"].str.contains(claim["id"]).all(), claim["id"]  # each statement names its pack claim
        page_date = str(claim.get("page_date") or "")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", page_date):
            assert (hits["published"] == pd.Timestamp(page_date)).all(), claim["id"]
        elif page_date.endswith("(updated)"):  # '2023-10-19 (updated)': an update date, no publication date
            assert hits["published"].isna().all() and (hits["updated"] == pd.Timestamp(page_date[:10])).all()
        else:  # none, or a month only ('2023-10')
            assert hits["published"].isna().all(), claim["id"]
        if claim.get("reliability_notes"):
            assert hits["note"].map(lambda n, r=_squash(claim["reliability_notes"]): r in _squash(n)).all()


def test_notes_cite_only_addresses_of_the_pack(book, pack_text):
    # an address at the end of a sentence may carry its full stop, in the pack as in a note
    known = {u.rstrip(".),") for u in pack_urls(pack_text)}
    for url in cited_urls(book):
        assert url.rstrip(".),") in known, url


def test_open_questions_and_summary_are_in_the_casebook(book, pack):
    note = _squash(book.meta["note"])
    for question in pack["open_questions"]:
        assert _squash(question).rstrip(".") in note, question[:60]
    assert _squash(pack["incident"]["summary"]) in _squash(book.meta["description"])


def test_no_coordinates(book):
    assert book.places[["lat", "lon"]].isna().all().all()  # the pack has none
    place = book.places.set_index("place_id").loc["al-ahli-hospital"]
    assert (place["level"], place["admin1"]) == ("point", "Gaza City")
    assert "Baptist Hospital" in place["aliases"]


def test_sources_keep_the_packs_sides_and_affiliations(book, pack):
    src = book.sources.set_index("source_id")
    by_pack_id = {re.search(r"Source pack (S\d+)", n).group(1): sid for sid, n in src["note"].items()}
    assert len(by_pack_id) == len(pack["sources"]) == 21
    side_map = {"party_A": "israel", "party_B": PAL, "party_B_aligned": PAL}
    for s in pack["sources"]:
        sid = by_pack_id[s["id"]]
        assert src.loc[sid, "affiliation"] == s["affiliation"], sid
        assert src.loc[sid, "side"] == side_map.get(s["side"], "third-party"), sid
    # the Palestinian Authority's foreign ministry is 'party_B_aligned': on the Palestinian side, and says why
    assert "party_B_aligned" in src.loc["pa-mfa", "note"]
    # unnamed US official: a third state's official, so a third party; the eyewitness surgeon speaks for himself
    assert src.loc[["us-official-unnamed", "abu-sittah", "toi", "nyt", "ap"], "side"].eq("third-party").all()


def test_quotes_are_at_most_one_sentence(book):
    for quote in book.claims["quote"].unique():
        assert not re.search(r"[.!?][”\"]?\s+[A-Z“]", quote.rstrip(".!?”\" ")), quote
        assert len(quote) <= 400


def test_statement_dates_that_are_intervals_say_why(book):
    c = book.claims.drop_duplicates("statement_id").set_index("statement_id")
    intervals = c[c["stated_from"] != c["stated_to"]]
    assert intervals["stated_basis"].notna().all()
    # the ODNI assessment: '2023-10-18/19' (AHLI23-C17); the NYT analysis: 'approx. 24 Oct', rewrites of 25 Oct
    assert (c.loc["us-odni-assessment", "stated_from"], c.loc["us-odni-assessment", "stated_to"]) == (
        pd.Timestamp("2023-10-18"), pd.Timestamp("2023-10-19"))
    assert c.loc["nyt-video-not-the-cause", "stated_to"] == pd.Timestamp("2023-10-25")
    # the undated Forensic Architecture thread (AHLI23-C26): counted from 15 Feb 2024 at the latest
    assert c.loc["fa-no-conclusive-evidence", "stated_to"] == pd.Timestamp("2024-02-15")


# Vague figures stay vague; reported figures stay with their speaker -------------------------------------------
def test_casualty_figures_are_intervals_with_their_readings(book):
    t = book.claims.set_index("claim_id")

    def bounds(claim_id):
        c = t.loc[claim_id]
        return int(c["count_low"]), (None if pd.isna(c["count_high"]) else int(c["count_high"]))

    assert bounds(f"gaza-moh-at-least-500/killed/{PAL}") == (500, None)  # 'at least 500' (AHLI23-C01)
    assert bounds(f"gaza-civil-defence-more-than-300/killed/{PAL}") == (301, None)  # 'more than 300' (C02)
    assert bounds(f"pa-mfa-warplanes/killed/{PAL}") == (200, 999)  # 'hundreds' (C04)
    assert "'hundreds'" in t.loc[f"pa-mfa-warplanes/killed/{PAL}", "count_reading"]
    assert bounds(f"gaza-moh-471/killed/{PAL}") == (471, 471)  # C11
    assert bounds(f"gaza-moh-471/injured/{PAL}") == (314, None)  # '314 ... + 28 critical': not summed
    # US: 'the low end of the 100-to-300 spectrum' (C17): the whole range, no guessed 'low end' figure
    assert bounds(f"us-odni-assessment/killed/{PAL}") == (100, 300)
    assert "low end" in t.loc[f"us-odni-assessment/killed/{PAL}", "count_reading"]
    # France: 'likely lower than 471', no number (C18)
    assert bounds(f"fr-drm-palestinian-rocket/killed/{PAL}") == (0, 470)


def test_figures_reported_of_others_are_not_claims(book):
    killed = book.claims[book.claims["field"] == "killed"]
    # the Times of Israel's '200 and 300', attributed to the ministry and flagged as a possible error (C30), and
    # the NYT's 'Western intelligence' estimate (C21) are in notes, not counts
    assert not killed["source_id"].isin(["toi", "nyt"]).any()
    assert not ((killed["count_low"] == 200) & (killed["count_high"] == 300)).any()
    assert "200-300" in book.claims.set_index("statement_id").loc["toi-moh-200-300", "note"]


# What a careful reader of the pack says, field by field ----------------------------------------------------------
EXPECTED = {
    # every account says the blast happened at the hospital on 17 Oct: the ministry (C01, C11), the PA (C04), the
    # IDF (C06, C13) and third parties (C10, C17, C19, C20, C27, C30)
    (BLAST, "occurred", ""): "consensus",
    # 'Tuesday's hospital strike' (Hamas, C03), the IDF timeline (C13), 'yesterday [17 October]' (ODNI, C17),
    # 18:59 (HRW, C27)
    (BLAST, "date", ""): "consensus",
    # the hospital: ministry (C01, C11), PA (C04), IDF ('the Al Ahli hospital', C06; parking lot, C13), ODNI, HRW
    (BLAST, "place", ""): "consensus",
    # Israel (ministry C01, C11; PA C04; PIJ C12; Hamas C03, C28) vs a Palestinian rocket (IDF C06, C13;
    # Netanyahu C07), with Biden's 'the other team' (C15) and the DRM's 'a Palestinian rocket' (C18)
    (BLAST, "perpetrator", ""): "contested",
    # only the ministry (C01) and the PA (C04) describe an attack on the hospital
    (BLAST, "target", ""): "one-sided",
    # 471 (C11) and 'more than 300' (C02) vs 'the low end of 100-300' (ODNI, C17) and 'likely lower than 471'
    # (DRM, C18); the IDF's 'inflated' (C13) gives no number
    (BLAST, "killed", PAL): "contested",
    # only the ministry gives an injured figure (C11)
    (BLAST, "injured", PAL): "one-sided",
    # airstrike (C01, C04, C12) vs rocket (C06, C13), exclusive in this case (the casebook's comparison setting)
    (BLAST, "means", ""): "contested",
    # damage is described by third parties only: ODNI (C17), DRM (C18), FA (C25), the surgeon (C10)
    (BLAST, "damage", ""): "one-sided",
    # 'a horrific massacre' (C03), 'massacre committed by the criminal Israeli occupation' (C11), 'outrageous
    # lies' (C14) vs 'a global media campaign to hide what really happened' (C13)
    (BLAST, "characterization", ""): "contested",
    # the IDF (Dinar, C22) and third parties (C16, C17, C20, C21, C26, C27): one party only
    (BLAST, "verification", ""): "one-sided",
    # the livestream explosion: third parties only (NYT C21, AP C24, FA C26, ODNI C23). US intelligence's
    # 'Palestinian rocket' vs AP's 'fired from Israel' and FA's 'Israeli interceptor' contradict, but no party
    # speaks, so no status flag shows it (see test_third_party_disagreements_are_listed_but_not_flagged)
    (CLIP, "occurred", ""): "one-sided",
    (CLIP, "perpetrator", ""): "one-sided",
    (CLIP, "means", ""): "one-sided",
}


def test_summary_statuses_are_what_a_careful_reader_says(summary):
    assert summary["status"].to_dict() == EXPECTED


def test_summary_line(summary):
    assert cl.summary_line(summary.reset_index()) == "3 fields agreed, 4 contested, 7 one-sided"


def test_the_contradictions_are_across_the_right_sides(summary):
    # killed: the ministry's 471 (C11) and the civil defence's 'more than 300' (C02) against the US (C17); 471
    # against France (C18); never the Palestinian figures against each other ('hundreds' fits them all)
    row = summary.loc[(BLAST, "killed", PAL)]
    assert (row["n_agree"], row["n_compatible"], row["n_contradict"]) == (0, 7, 3)
    assert row["contradictions"].count("×") == 3
    for pair in ("gaza-moh × us-odni", "gaza-moh × fr-drm", "gaza-civil-defence × us-odni"):
        assert pair in row["contradictions"]
    assert not row["inconsistent_within_side"]
    # perpetrator: Israel's sources and the Palestinian sources contradict; the third parties that name a
    # perpetrator (Biden, DRM) side with the IDF's account
    row = summary.loc[(BLAST, "perpetrator", "")]
    assert "idf × gaza-moh" in row["contradictions"] and "gaza-moh × us-biden" in row["contradictions"]
    assert "idf × us-biden" not in row["contradictions"]


def test_the_means_dispute_is_contested_under_the_casebooks_own_comparison_setting(book, summary):
    # the casebook says (comparison: means: disjoint: contradict) that different means exclude each other here:
    # 'rocket' (IDF) vs 'airstrike' (ministry, PA, PIJ) is contested, and the Palestinian side, which says
    # 'airstrike' throughout, is consistent
    assert book.meta["comparison"] == {"means": {"disjoint": "contradict"}}
    row = summary.loc[(BLAST, "means", "")]
    assert row["status"] == "contested"
    assert "idf × gaza-moh: means: rocket vs airstrike" in row["contradictions"]
    # without the setting (the library's default: different weapons can both be true) it would read as agreed
    default = cl.summarize(cl.compare(book, comparators={"means": LabelsComparator()}))
    assert default.set_index(["incident_id", "field", "party"]).loc[(BLAST, "means", ""), "status"] == "consensus"


def test_third_party_disagreements_are_listed_but_not_flagged(summary):
    # the livestream: US intelligence (C23) vs AP (C24) and Forensic Architecture (C26); AP and FA agree
    row = summary.loc[(CLIP, "perpetrator", "")]
    assert (row["n_agree"], row["n_contradict"]) == (1, 2)
    assert "us-odni × forensic-architecture" in row["contradictions"] and "us-odni × ap" in row["contradictions"]
    assert not row["contested"] and row["sides"] == "third-party"


# Revised figures and 'as known on' --------------------------------------------------------------------------------
def test_the_ministry_toll_is_revised_from_at_least_500_to_471(book):
    # 'at least 500' (AHLI23-C01, 17 Oct) -> 471 (C11, 18 Oct): a supersedes relation from the newer
    t = book.claim_table().set_index("claim_id")
    assert t.loc[f"gaza-moh-at-least-500/killed/{PAL}", "superseded_on"] == pd.Timestamp("2023-10-18")
    assert pd.isna(t.loc[f"gaza-moh-471/killed/{PAL}", "superseded_on"])
    # by default the latest figure is compared: 471 against the US estimate
    v = cl.compare(book)
    pair = v[(v.field == "killed") & (v.source_l == "gaza-moh") & (v.source_r == "us-odni")].iloc[0]
    assert (pair["claim_l"], pair["verdict"]) == (f"gaza-moh-471/killed/{PAL}", "contradict")
    # as known on 17 Oct: at least 500
    early = cl.align(book, incident=BLAST, as_of="2023-10-17")
    assert early.loc[(BLAST, "killed", PAL), (PAL, "gaza-moh")] == "500 or more ('at least 500')"
    later = cl.align(book, incident=BLAST, as_of="2023-10-18")
    assert later.loc[(BLAST, "killed", PAL), (PAL, "gaza-moh")] == "471"
    early_v = cl.compare(book, as_of="2023-10-17")
    mine = early_v[(early_v.field == "killed") & (early_v.source_l == "gaza-moh") & early_v.claim_l.notna()]
    assert set(mine["claim_l"].astype(str)) == {f"gaza-moh-at-least-500/killed/{PAL}"}


def test_initial_dont_knows_are_superseded_the_same_side(book):
    t = book.claim_table().set_index("claim_id")
    # the IDF's 'I don't know' (C05) gives way the same day to the failed-launch attribution (C06)
    assert t.loc["idf-hagari-dont-know/verification", "superseded_on"] == pd.Timestamp("2023-10-17")
    # the unnamed US official's 'just don't know' (C08, 17 Oct) gives way to the NSC's assessment (C16, 18 Oct)
    assert t.loc["us-official-dont-know/verification", "superseded_on"] == pd.Timestamp("2023-10-18")
    on_17 = cl.align(book, incident=BLAST, as_of="2023-10-17")
    assert "idf-hagari" not in " ".join(on_17.loc[(BLAST, "verification", "")].dropna())
    assert on_17.loc[(BLAST, "perpetrator", ""), ("israel", "idf")].startswith(PAL)
    assert on_17.loc[(BLAST, "verification", ""), ("third-party", "us-official-unnamed")] == (
        "origin of the rocket not known")
    on_18 = cl.align(book, incident=BLAST, as_of="2023-10-18")
    assert "us-official-unnamed" not in on_18.columns.get_level_values("source_id")


def test_statuses_as_known_day_by_day(book):
    # 17 Oct: only the Palestinian side gives a toll (C01, C02, C04); the attribution is already contested (the
    # ministry's airstrike, C01, against the IDF's rocket barrage, C06)
    assert _status(book, "2023-10-17")[(BLAST, "killed", PAL)] == "one-sided"
    assert _status(book, "2023-10-17")[(BLAST, "perpetrator", "")] == "contested"
    # 18 Oct: still no estimate from anyone else; the ODNI's 100-300 (C17, dated 18-19 Oct) counts from 19 Oct
    assert _status(book, "2023-10-18")[(BLAST, "killed", PAL)] == "one-sided"
    assert _status(book, "2023-10-19")[(BLAST, "killed", PAL)] == "contested"
    # the livestream explosion: nobody speaks of it before the NYT analysis (dated up to 25 Oct)
    assert CLIP not in set(cl.compare(book, as_of="2023-10-24")["incident_id"].astype(str))
    assert CLIP in set(cl.compare(book, as_of="2023-10-25")["incident_id"].astype(str))
    # Forensic Architecture's interceptor reading (C26) counts from 15 Feb 2024
    early = cl.align(book, incident=CLIP, as_of="2024-02-14")
    assert "forensic-architecture" not in early.columns.get_level_values("source_id")
    late = cl.align(book, incident=CLIP, as_of="2024-02-15")
    assert late.loc[(CLIP, "perpetrator", ""), ("third-party", "forensic-architecture")].startswith("israel")


def test_pack_relations_are_recorded(book):
    rel = set(book.relations[["claim_id", "relation", "other_claim_id"]].astype(str)
              .itertuples(index=False, name=None))
    assert ("idf-barrage-near-hospital/perpetrator", "denies", "gaza-moh-at-least-500/perpetrator") in rel  # C06>C01
    assert ("pij-accusations-false/perpetrator", "denies", "idf-barrage-near-hospital/perpetrator") in rel  # C12>C06
    assert ("hamas-outrageous-lies", "denies", "idf-intercepted-call") in rel  # C14 -> C13
    assert (f"gaza-moh-471/killed/{PAL}", "supersedes", f"gaza-moh-at-least-500/killed/{PAL}") in rel  # C11 -> C01
    assert (f"us-odni-assessment/killed/{PAL}", "contradicts", f"gaza-moh-471/killed/{PAL}") in rel  # C17 -> C11
    assert ("hrw-findings/verification", "tension", f"gaza-moh-471/killed/{PAL}") in rel  # C27 'questions' C11
    assert ("toi-moh-200-300", "contradicts", f"gaza-moh-471/killed/{PAL}") in rel  # C30 -> C11
    assert ("hrw-findings/means", "partially-confirms", "idf-intercepted-call/means") in rel  # C27 -> C13
    assert ("us-odni-video-interpretation", "contradicts", "nyt-video-midair") in rel  # C23 -> C21
    assert ("fa-crater-analysis", "tension", "fr-drm-palestinian-rocket") in rel  # C25 -> C18
    assert ("hamas-naim-hrw", "denies", "hrw-findings") in rel  # C28 -> C27
    assert ("il-mfa-hrw", "confirms", "hrw-findings") in rel  # C29 -> C27
    assert len(book.relations) == 35  # the pack's 25 relations and 10 more recorded inside its claims
    assert set(book.relations["relation"].astype(str)) <= set(RELATIONS)
