"""The engine (compare, align, summarize, current claims) on small hand-made claim tables, and the vectorised
pairing checked against a plain Python reference on random tables."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import conflictlab as cl
from conflictlab.comparators import DEFAULT_COMPARATORS, CountComparator, DateComparator
from conflictlab.model.vocab import FIELDS

BOOK = """
conflictlab: 1
title: revisions
parties: {a: {name: A}, b: {name: B}}
sources:
  a-mod: {name: A defence ministry, side: a, kind: ministry}
  a-mfa: {name: A foreign ministry, side: a, kind: ministry}
  b-mod: {name: B defence ministry, side: b, kind: ministry}
  un: {name: UN, side: third-party, kind: international-organisation}
documents:
  d1: {publisher: Wire, title: Day one, published: 2024-01-01}
  d2: {publisher: Wire, title: Day two, published: 2024-01-02}
places:
  x: {name: X, level: settlement, country: A}
incidents:
  i1: {title: Shelling, date: 2024-01-01, place: x}
  i2: {title: Only B speaks, date: 2024-01-01}
statements:
  - {id: s1, incident: i1, source: a-mod, document: d1, stated: 2024-01-01, quote: q1, quote_kind: direct,
     says: {killed: {a: 2}, characterization: {label: aggression, blame: b}}}
  - {id: s2, incident: i1, source: a-mod, document: d2, stated: 2024-01-02, quote: q2, quote_kind: direct,
     says: {killed: {a: 4}}}
  - {id: s3, incident: i1, source: b-mod, document: d1, stated: 2024-01-01, quote: q3, quote_kind: direct,
     says: {killed: {a: several}, characterization: {label: response, blame: a}}}
  - {id: s3b, incident: i1, source: b-mod, document: d1, stated: 2024-01-01, quote: q3b, quote_kind: direct,
     says: {characterization: {label: provocation, blame: a}}}
  - {id: s4, incident: i1, source: un, document: d2, stated: 2024-01-02, quote: q4, quote_kind: direct,
     says: {characterization: {label: restraint urged, blame: none}}}
  - {id: s5, incident: i1, source: a-mfa, document: d2, stated: 2024-01-02, quote: q5, quote_kind: direct,
     says: {killed: {a: 2}}}
  - {id: s6, incident: i2, source: b-mod, document: d2, stated: 2024-01-02, quote: q6, quote_kind: direct,
     says: {occurred: true}}
"""


@pytest.fixture(scope="module")
def book():
    return cl.io.casebook_from_yaml(BOOK, "revisions.yaml")


def _row(v, field, l, r, party=""):
    sel = v[(v.field == field) & (v.source_l == l) & (v.source_r == r) & (v.party == party)]
    assert len(sel) == 1, sel
    return sel.iloc[0]


def test_latest_statement_counts_by_default(book):
    v = cl.compare(book)
    row = _row(v, "killed", "a-mod", "b-mod", "a")
    assert row.value_l == "4" and row.verdict == "compatible"  # 4 lies within 'several' = 3-9
    assert _row(v, "killed", "a-mod", "a-mfa", "a").verdict == "contradict"  # 4 vs 2 inside side a


def test_as_of_uses_what_was_known_then(book):
    v = cl.compare(book, as_of="2024-01-01")
    row = _row(v, "killed", "a-mod", "b-mod", "a")
    assert row.value_l == "2" and row.verdict == "contradict"  # 2 is outside 3-9
    assert "un" not in set(v.source_l.astype(str)) | set(v.source_r.astype(str))  # spoke only on day two


def test_simultaneous_framings_of_one_source_are_merged(book):
    cur = cl.engine.current_claims(book.claim_table())
    b = cur[(cur.source_id == "b-mod") & (cur.field == "characterization")]
    assert len(b) == 1
    assert b.iloc[0]["labels"] == "response; provocation"
    assert b.iloc[0]["quote"] == "q3 / q3b"


def test_a_source_alone_on_an_incident_gets_a_row(book):
    v = cl.compare(book)
    alone = v[v.incident_id == "i2"]
    assert len(alone) == 1 and pd.isna(alone.iloc[0].source_r) and alone.iloc[0].verdict == "silent"
    s = cl.summarize(v).set_index(["incident_id", "field", "party"])
    assert s.loc[("i2", "occurred", ""), "status"] == "one-sided"


def test_summary_flags(book):
    s = cl.summarize(cl.compare(book)).set_index(["incident_id", "field", "party"])
    killed = s.loc[("i1", "killed", "a")]
    # a-mod (4) vs b-mod (3-9) compatible; a-mfa (2) vs b-mod contradicts across sides; a-mod vs a-mfa within a
    assert killed["status"] == "contested, inconsistent-within-side"
    assert killed["sources"] == "a-mod; a-mfa; b-mod" and killed["sides"] == "a; b"
    assert s.loc[("i1", "characterization", ""), "status"] == "contested"


def test_comparators_can_be_replaced_by_field_or_kind(book):
    v = cl.compare(book, comparators={"killed": CountComparator(abs_tol=2)})
    assert _row(v, "killed", "a-mod", "a-mfa", "a").verdict == "compatible"
    v = cl.compare(book, comparators={"count": CountComparator(abs_tol=2)})
    assert _row(v, "killed", "a-mod", "a-mfa", "a").verdict == "compatible"
    with pytest.raises(ValueError, match="compares 'date' values"):
        cl.compare(book, comparators={"killed": DateComparator()})
    with pytest.raises(KeyError, match="no field or field kind"):
        cl.compare(book, comparators={"kiled": CountComparator()})


def test_compare_takes_a_claims_dataframe_without_sides(book):
    t = book.claim_table().drop(columns=["side"])
    v = cl.compare(t)
    assert set(v.side_l.astype(str)) <= set(t.source_id)
    with pytest.raises(KeyError, match="lacks column"):
        cl.compare(t.drop(columns=["stated_to"]))


def test_accessor_forwards_and_rejects_other_frames(book):
    t = book.claim_table()
    pd.testing.assert_frame_equal(t.claims.compare(), cl.compare(t))
    pd.testing.assert_frame_equal(t.claims.summarize(), cl.summarize(cl.compare(t)))
    assert t.claims.align().shape == cl.align(t).shape
    with pytest.raises(AttributeError, match="needs a claims table"):
        pd.DataFrame({"x": [1]}).claims


def test_align_orders_rows_and_columns(book):
    table = cl.align(book)
    assert list(table.columns.get_level_values("source_id")) == ["a-mod", "a-mfa", "b-mod", "un"]
    assert table.index.get_level_values("field")[0] == "killed"
    assert table.loc[("i1", "killed", "a"), ("a", "a-mod")] == "4"
    assert cl.align(book, show="stated").loc[("i1", "killed", "a"), ("a", "a-mod")] == "2024-01-02"
    with pytest.raises(KeyError, match="no claims about"):
        cl.align(book, incident="nope")


def test_agreement_matrix_and_concordance(book):
    v = cl.compare(book)
    n = cl.agreement_matrix(v, value="n")
    assert (n.values == n.values.T).all()
    rate = cl.agreement_matrix(v, by="side")
    assert rate.loc["a", "a"] == 0.0  # the one within-side pair contradicts
    conc = cl.concordance(book).set_index("field")
    assert conc.loc["killed", "level"] == "interval" and conc.loc["killed", "n_units"] == 1


def test_concordance_is_one_when_all_sources_agree():
    rows = []
    for i, s in itertools.product(range(5), ["s1", "s2", "s3"]):
        rows.append(_claim(f"i{i}", s, "perpetrator", actor=["a", "b"][i % 2]))
    conc = cl.concordance(pd.DataFrame(rows)).set_index("field")
    assert conc.loc["perpetrator", "alpha"] == pytest.approx(1.0)


# --- the vectorised pairing against a plain Python reference ---------------------------------------------

def _claim(incident, source, field, party=None, stated="2024-01-01", **values):
    return {"claim_id": f"{incident}/{source}/{field}/{party}/{stated}", "statement_id": "s", "incident_id": incident,
            "source_id": source, "document_id": "d", "field": field, "party": party,
            "value": str(values), "stated_from": pd.Timestamp(stated), "stated_to": pd.Timestamp(stated),
            "quote": "q", "quote_kind": "direct", **values}


def _reference(claims: pd.DataFrame) -> dict:
    """Plain Python: latest claim per (key, source); every pair of incident speakers; comparator per pair."""
    latest = {}
    for r in claims.sort_values("stated_to", kind="stable").to_dict("records"):
        party = r["party"] if isinstance(r["party"], str) else ""
        latest[(r["incident_id"], r["field"], party, r["source_id"])] = r
    speakers = {}
    for (inc, _, _, src) in latest:
        speakers.setdefault(inc, set()).add(src)
    out = {}
    keys = {(i, f, p) for (i, f, p, _) in latest}
    for inc, field, party in keys:
        for a, b in itertools.combinations(sorted(speakers[inc]), 2):
            ra, rb = latest.get((inc, field, party, a)), latest.get((inc, field, party, b))
            if ra is None and rb is None:
                continue
            if ra is None or rb is None:
                out[(inc, field, party, a, b)] = "silent"
                continue
            comp = DEFAULT_COMPARATORS[FIELDS[field].kind]
            pair = pd.DataFrame([{f"{c}_l": ra[c] for c in comp.columns} | {f"{c}_r": rb[c] for c in comp.columns}])
            if "count_low_l" in pair:
                pair = pair.astype({c: "Int64" for c in pair.columns})
            out[(inc, field, party, a, b)] = cl.comparators.base.VERDICTS[int(comp.compare(pair)[0][0])]
    return out


claim_rows = st.lists(
    st.tuples(st.sampled_from(["i1", "i2", "i3"]), st.sampled_from(["s1", "s2", "s3", "s4"]),
              st.sampled_from(["perpetrator", "killed"]), st.integers(0, 3), st.sampled_from(["a", "b"]),
              st.sampled_from(["2024-01-01", "2024-01-02"])),
    min_size=1, max_size=25)


@settings(max_examples=60, deadline=None)
@given(claim_rows, st.randoms(use_true_random=False))
def test_vectorised_pairs_match_the_reference(rows, rnd):
    claims = []
    for inc, src, field, n, actor, stated in rows:
        if field == "killed":
            claims.append(_claim(inc, src, field, party=actor, stated=stated, count_low=n, count_high=n + (n % 2)))
        else:
            claims.append(_claim(inc, src, field, stated=stated, actor=actor))
    t = pd.DataFrame(claims).drop_duplicates(["incident_id", "source_id", "field", "party", "stated_to"], keep="last")
    t = t.astype({"count_low": "Int64", "count_high": "Int64"}) if "count_low" in t else t.assign(
        count_low=pd.NA, count_high=pd.NA).astype({"count_low": "Int64", "count_high": "Int64"})
    if "actor" not in t:
        t["actor"] = pd.Series(pd.NA, index=t.index, dtype="str")
    shuffled = t.sample(frac=1, random_state=rnd.randint(0, 10**6))
    v = cl.compare(shuffled)
    got = {}
    for r in v.itertuples(index=False):
        if pd.isna(r.source_r):
            continue
        a, b = sorted([r.source_l, r.source_r])
        got[(r.incident_id, r.field, r.party, a, b)] = r.verdict
    assert got == _reference(t)
    # no duplicate pairs, and the same result whatever the row order
    assert not v.duplicated(["incident_id", "field", "party", "source_l", "source_r"]).any()
    again = cl.compare(t)
    cols = ["incident_id", "field", "party", "source_l", "source_r", "verdict", "reason"]
    norm = lambda d: d[cols].astype(str).sort_values(cols).reset_index(drop=True)  # noqa: E731
    pd.testing.assert_frame_equal(norm(v), norm(again))


def test_pairs_count_formula():
    """Per key: C(n, 2) - C(n - k, 2) pairs for n speakers on the incident, k of them on the key."""
    rng = np.random.default_rng(0)
    rows = [_claim(f"i{i}", f"s{s}", "perpetrator", actor="a") for i in range(20) for s in range(6)
            if rng.random() < 0.6]
    t = pd.DataFrame(rows)
    v = cl.compare(t)
    n = t.groupby("incident_id")["source_id"].nunique()
    expected = sum(k * (k - 1) // 2 if k > 1 else 1 for k in n)  # every speaker speaks on the one key
    assert len(v) == expected


def test_select_filters_claims_and_pairs(book):
    t = book.claim_table()
    assert set(cl.select(t, sides=["a"])["source_id"]) == {"a-mod", "a-mfa"}
    v = cl.select(cl.compare(book), sources=["a-mod", "b-mod"], fields=["killed"])
    assert set(zip(v.source_l.astype(str), v.source_r.astype(str), strict=True)) == {("a-mod", "b-mod")}
    alone = cl.select(cl.compare(book), incident="i2", sources=["b-mod"])
    assert len(alone) == 1  # the row with no other source is kept for its source


def test_explain_gives_both_claims_with_documents(book):
    v = cl.compare(book)
    row = v[(v.field == "killed") & (v.source_l == "a-mod") & (v.source_r == "b-mod")].iloc[0]
    e = cl.explain(book, row).set_index("pair_side")
    assert e.loc["l", "quote"] == "q2" and e.loc["l", "title"] == "Day two"
    assert e.loc["r", "value"] == "3-9 ('several')" and e.loc["r", "publisher"] == "Wire"
    silent = v[(v.verdict == "silent") & v.claim_r.isna() & v.source_r.notna()].iloc[0]
    assert pd.isna(cl.explain(book, silent).set_index("pair_side").loc["r", "quote"])


def test_summary_line_counts_statuses(book):
    line = cl.summary_line(cl.summarize(cl.compare(book)))
    assert line == "0 fields agreed, 2 contested, 1 one-sided, 1 inconsistent within a side"


def test_a_superseded_figure_is_not_current():
    text = BOOK.replace("relations: []", "") + """
relations:
  - {claim: s2, relation: supersedes, other: s5, note: "same-day revision, listed before what it revises"}
"""
    text = text.replace("source: a-mfa, document: d2, stated: 2024-01-02", "source: a-mod, document: d2, stated: 2024-01-02")
    book = cl.io.casebook_from_yaml(text, "revised.yaml")
    claims = book.claim_table().set_index("claim_id")
    assert claims.loc["s5/killed/a", "superseded_on"] == pd.Timestamp("2024-01-02")
    assert pd.isna(claims.loc["s1/killed/a", "superseded_on"])  # not named by the relation
    cur = cl.engine.current_claims(book.claim_table())
    mine = cur[(cur.source_id == "a-mod") & (cur.field == "killed")]
    # s2 (4) and s5 (2) are both of 2 Jan and s5 comes later in the file, but s2 supersedes it
    assert mine["claim_id"].tolist() == ["s2/killed/a"]
    assert cl.engine.current_claims(book.claim_table(), as_of="2024-01-01").query(
        "source_id == 'a-mod' and field == 'killed'")["claim_id"].tolist() == ["s1/killed/a"]


def test_summary_handles_more_sources_than_one_mask_word():
    rows = [_claim("i1", f"s{k:03d}", "perpetrator", actor="a" if k < 69 else "b") for k in range(70)]
    t = pd.DataFrame(rows).assign(side=["p1"] * 35 + ["p2"] * 35)
    s = cl.summarize(cl.compare(t)).iloc[0]
    assert s["n_sources"] == 70
    assert s["sources"].split("; ") == [f"s{k:03d}" for k in range(70)]
    assert s["sides"] == "p1; p2"
    assert s["status"] == "contested, inconsistent-within-side"  # s069 ('b') against everyone else


def test_an_empty_selection_compares_to_an_empty_table(book):
    empty = cl.select(book.claim_table(), incident="i1", sources=["nobody"])
    v = cl.compare(empty)
    assert len(v) == 0 and list(v.columns[:5]) == ["incident_id", "field", "party", "source_l", "source_r"]
    assert len(cl.summarize(v)) == 0
    assert cl.engine.current_claims(empty).empty


def test_history_keeps_every_figure_and_marks_the_one_in_use():
    book = cl.datasets.load("armenia-azerbaijan-2022-09")
    h = cl.history(book, field="killed", party="armenia")
    pashinyan = h[h["source_id"] == "am-pashinyan"]
    assert pashinyan["value"].tolist() == ["49", "105", "135"]  # oldest first
    assert not pashinyan["current"].any()  # all three were revised (supersedes relations)
    assert pashinyan["superseded_on"].notna().all()
    # each current claim is the one compare() uses
    used = set(cl.compare(book).query("field == 'killed' and party == 'armenia'")[["claim_l", "claim_r"]]
               .stack().dropna().astype(str))
    assert set(cl.history(book, field="killed", party="armenia", revised_only=False)
               .query("current")["claim_id"]) <= used | {""}
    # as known on 14 September: Pashinyan's 105 was in use, his 135 not yet said
    then = cl.history(book, field="killed", party="armenia", as_of="2022-09-14")
    row = then[(then["source_id"] == "am-pashinyan") & then["current"]]
    assert row["value"].tolist() == ["105"]
    assert "135" not in then["value"].tolist()
