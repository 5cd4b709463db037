"""The Nerkin Hand casebook's enrichment from the source pack ``shared/casepacks/nerkin-hand-2024-02.yaml``.

Integrity checks: every quote is verbatim in the pack (or, for the Epoch Times document, in the seed article),
every document address is one of the pack's pages, every pack claim is in the casebook on its own page with its
quote kind, and every address mentioned in a note comes from the pack. The statuses are tested in
``tests/test_nerkin_hand.py``.
"""

from __future__ import annotations


import pandas as pd
import pytest

import conflictlab as cl
from casebooks.packs import (  # tests/ is on sys.path (tests/conftest.py)
    assert_one_document_per_pack_page,
    cited_urls,
    pack_urls,
    QUOTE_KINDS,
    squash as _squash,
)

NAME = "nerkin-hand-2024"
PACK = "nerkin-hand-2024-02.yaml"
SEED_DOCUMENT = "epoch-2024-02-13"  # the seed article: the project's copy records no address


@pytest.fixture(scope="module")
def seed_text(shared_dir):
    return _squash("\n".join(p.read_text(encoding="utf-8") for p in (shared_dir / "seed").glob("*.txt")))


def test_loads_and_validates(book):
    assert cl.validate(book) == []
    assert len(book.incidents) == 3 and len(book.documents) == 20 and len(book.sources) == 20
    assert book.claims["statement_id"].nunique() == 42


def test_every_quote_is_verbatim_in_the_pack_or_the_seed(book, pack_text, seed_text):
    pack = _squash(pack_text)
    statements = book.claims.drop_duplicates("statement_id")
    for sid, doc, quote in statements[["statement_id", "document_id", "quote"]].itertuples(index=False):
        where = seed_text if doc == SEED_DOCUMENT else pack
        assert _squash(quote) in where, f"{sid}: quote not verbatim in the {'seed' if doc == SEED_DOCUMENT else 'pack'}"


def test_every_document_address_is_a_page_of_the_pack(book, pack):
    docs = book.documents.set_index("document_id")
    assert pd.isna(docs.loc[SEED_DOCUMENT, "url"])  # not recorded: left empty rather than guessed
    assert_one_document_per_pack_page(docs.drop(index=SEED_DOCUMENT), pack)


def test_every_pack_claim_is_on_its_page_with_its_quote_kind(book, pack):
    statements = book.claims.drop_duplicates("statement_id").merge(
        book.documents[["document_id", "url", "published"]], on="document_id")
    for claim in pack["claims"]:
        quote = _squash(claim["quote"])
        hits = statements[(statements["url"] == claim["url"])
                          & statements["quote"].map(lambda q, quote=quote: _squash(q) in quote)]
        assert len(hits), f"{claim['id']}: no statement quotes it on {claim['url']}"
        assert set(hits["quote_kind"].astype(str)) == {QUOTE_KINDS[claim["quote_kind"]]}, claim["id"]
        if claim.get("page_date"):  # the page's date is the document's publication date
            day = pd.Timestamp(str(claim["page_date"])[:10])
            assert (hits["published"] == day).all(), claim["id"]


def test_notes_cite_only_addresses_of_the_pack(book, pack_text):
    known = pack_urls(pack_text)
    for url in cited_urls(book):
        assert url in known, url


def test_no_coordinates_without_a_cited_gazetteer_entry(book):
    places = book.places.set_index("place_id")
    # the pack has no coordinates: the two places it adds have none
    assert places.loc[["kollugishlag", "kokhanabi"], ["lat", "lon"]].isna().all().all()
    assert places[places["lat"].notna()].index.tolist() == ["tovuz-district"]  # the seed casebook's GeoNames entry


def test_new_sources_and_sides(book):
    sources = book.sources.set_index("source_id")
    # party organs on their side; the aligned veterans' colonel on Azerbaijan's; outlets and outsiders third party
    assert sources.loc[["am-pashinyan", "am-ic", "am-grigoryan"], "side"].eq("armenia").all()
    assert sources.loc[["az-qubadli-prosecutor", "az-khalilov"], "side"].eq("azerbaijan").all()
    assert sources.loc[["azernews", "eu-borrell", "eu-ritter", "ru-zakharova", "us-kvien"], "side"].eq(
        "third-party").all()
    # the early DW report names Armenia's defence ministry as the speaker: the ministry, with DW as document
    first = book.claims[book.claims["statement_id"] == "am-mod-first-report"].iloc[0]
    assert (first["source_id"], first["document_id"], first["quote_kind"]) == (
        "am-mod", "dw-2024-02-13-first-version", "reported")


def test_description_says_where_the_claims_come_from(book):
    description = _squash(book.meta["description"])
    assert "nothing is added from elsewhere" not in description
    assert "source pack nerkin-hand-2024-02" in description and "The Epoch Times" in description
    assert "source pack nerkin-hand-2024-02" in _squash(book.meta["citation"])


def test_statement_dates_inferred_by_the_pack_say_so(book):
    c = book.claims.drop_duplicates("statement_id").set_index("statement_id")
    # 'Thursday' (Pashinyan) and 'Wednesday' (EUMA) are the pack's inferences; Grigoryan's is 'date not given'
    assert c.loc["am-pashinyan-four-losses", "stated_to"] == pd.Timestamp("2024-02-15")
    assert "Thursday" in c.loc["am-pashinyan-four-losses", "stated_basis"]
    assert "Wednesday" in c.loc["eu-ritter-access-blocked", "stated_basis"]
    assert (c.loc["am-grigoryan-no-access", "stated_from"], c.loc["am-grigoryan-no-access", "stated_to"]) == (
        pd.Timestamp("2024-02-13"), pd.Timestamp("2024-02-29"))
