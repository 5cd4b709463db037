"""Helpers for the casebook tests: reading a casebook against its source pack (``../shared/casepacks``).

Imported as ``casebooks.packs`` (tests/ is on sys.path, see tests/conftest.py).
"""

from __future__ import annotations

import re

import pandas as pd

import conflictlab as cl

#: The packs' quote kinds -> the claim model's.
QUOTE_KINDS = {"direct_speech": "direct", "page_paraphrase": "reported", "translation": "translation"}

#: A web address in free text, without the quote or bracket that may close it.
URL = re.compile(r"https?://[^\s\"'),]+")


def squash(text: object) -> str:
    """``text`` with every run of white space made one space (quotes are compared this way)."""
    return re.sub(r"\s+", " ", str(text)).strip()


def statements(book: cl.Casebook) -> pd.DataFrame:
    """One row per statement, with its document's address and dates."""
    return book.claims.drop_duplicates("statement_id").merge(
        book.documents[["document_id", "url", "published", "updated"]], on="document_id", how="left")


def summary_as_of(book: cl.Casebook, as_of: object = None) -> pd.DataFrame:
    """The summary as known on ``as_of``, indexed by (incident_id, field, party)."""
    return cl.summarize(cl.compare(book, as_of=as_of)).set_index(["incident_id", "field", "party"])


def note_texts(book: cl.Casebook) -> list[str]:
    """Every free text of the casebook that may cite an address: the notes of every table, the casebook's note
    and description."""
    tables = (book.documents, book.claims, book.relations, book.places, book.incidents, book.incident_links,
              book.sources)
    return [*(text for t in tables for text in t["note"].dropna()), str(book.meta.get("note", "")),
            str(book.meta.get("description", ""))]


def cited_urls(book: cl.Casebook) -> list[str]:
    """The web addresses cited in the casebook's free texts."""
    return [url for text in note_texts(book) for url in URL.findall(text)]


def pack_urls(pack_text: str) -> set[str]:
    """Every web address written in a pack."""
    return set(re.findall(r"https?://[^\s\"']+", pack_text))


def assert_one_document_per_pack_page(documents: pd.DataFrame, pack: dict) -> None:
    """Every document has an address, each a different page of the pack, and every page of the pack is one."""
    assert documents["url"].notna().all() and documents["url"].is_unique  # one document per page
    assert set(documents["url"]) == {c["url"] for c in pack["claims"]}  # every page of the pack, nothing else
