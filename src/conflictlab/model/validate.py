"""Validation of a :class:`~conflictlab.model.casebook.Casebook`: ids, references and value ranges.

Checks are vectorised over each table; a :class:`~conflictlab.model.problems.Problem` is made only for the
rows that fail, located with the casebook's record of where each row came from.

Examples
--------
>>> import conflictlab as cl
>>> validate(cl.datasets.load("nerkin-hand-2024"))
[]
"""

from __future__ import annotations

import pandas as pd

from .casebook import Casebook
from .problems import Problem
from .vocab import FIELDS, NO_ACTOR, THIRD_PARTY

__all__ = ["validate", "invalid_rows", "MAX_QUOTE_CHARS"]

MAX_QUOTE_CHARS = 400
"""A quote is a sentence at most; longer text is a problem (quote less, or split the statement)."""

_KIND_COLUMNS = {
    "occurred": ("occurred",),
    "date": ("date_from", "date_to"),
    "place": ("place_id",),
    "actor": ("actor",),
    "count": ("count_low",),
    "labels": ("labels",),
    "framing": ("labels", "blame"),
    "cause": (),
}


class _Collector:
    def __init__(self, book: Casebook):
        self.book = book
        self.problems: list[Problem] = []
        self.rows: list[tuple[str, int]] = []
        self.seen: set[Problem] = set()

    def add(self, table: str, mask: pd.Series, column: str, message) -> None:
        """Add a problem for each row of ``table`` where ``mask`` is true; ``message`` may be a callable(row)."""
        frame = getattr(self.book, table)
        mask = mask.fillna(False).astype(bool)
        for idx in frame.index[mask.to_numpy()]:
            row = frame.loc[idx]
            loc = self.book.locate(table, int(idx))
            record = loc.record or _record(table, row)
            text = message(row) if callable(message) else message
            name, line = loc.fields.get(column, (column, loc.line))
            problem = Problem(loc.file, line, record, name, text)
            self.rows.append((table, int(idx)))
            if problem not in self.seen:  # the claims of one statement share its source, document, ...
                self.seen.add(problem)
                self.problems.append(problem)


def _record(table: str, row: pd.Series) -> str:
    key = {"parties": "party_id", "sources": "source_id", "documents": "document_id", "places": "place_id",
           "incidents": "incident_id", "claims": "claim_id"}.get(table)
    if key:
        return f"{table[:-1] if table != 'parties' else 'party'} {row[key]!r}"
    return f"{table} row {row.name}"


def _unique(c: _Collector, table: str, key: str) -> None:
    frame = getattr(c.book, table)
    dup = frame[key].duplicated(keep="first")
    c.add(table, dup, key, lambda r: f"duplicate id {r[key]!r}")


def _known(c: _Collector, table: str, column: str, allowed: set[str], what: str, required: bool = True) -> None:
    frame = getattr(c.book, table)
    values = frame[column]
    bad = values.notna() & ~values.isin(allowed)
    c.add(table, bad, column, lambda r: f"unknown {what} {r[column]!r}")
    if required:
        c.add(table, values.isna(), column, f"missing {what}")


def validate(book: Casebook) -> list[Problem]:
    """Return every problem in ``book`` (an empty list when it is valid).

    Parameters
    ----------
    book : Casebook
        The casebook to check.

    Returns
    -------
    list of Problem
        Each names the file, line, record and field where the casebook records them.

    Examples
    --------
    >>> import conflictlab as cl
    >>> book = cl.datasets.load("nerkin-hand-2024")
    >>> book.places.loc[0, "lat"] = 123.0
    >>> book.places.loc[0, "coord_source"] = "test"
    >>> book.places.loc[0, "lon"] = 45.0
    >>> [p.message for p in validate(book)]
    ['latitude 123.0 is outside -90..90']
    """
    return _check(book).problems


def invalid_rows(book: Casebook) -> dict[str, set[int]]:
    """Return, per table, the positions of the rows that have a problem.

    Examples
    --------
    >>> import conflictlab as cl
    >>> invalid_rows(cl.datasets.load("nerkin-hand-2024"))
    {}
    """
    out: dict[str, set[int]] = {}
    for table, idx in _check(book).rows:
        out.setdefault(table, set()).add(idx)
    return out


def _check(book: Casebook) -> _Collector:
    c = _Collector(book)
    for table, key in (("parties", "party_id"), ("sources", "source_id"), ("documents", "document_id"),
                       ("places", "place_id"), ("incidents", "incident_id"), ("claims", "claim_id")):
        _unique(c, table, key)

    parties = set(book.parties["party_id"].dropna())
    _known(c, "sources", "side", parties | {THIRD_PARTY}, "side (a party id or 'third-party')")

    p = book.places
    c.add("places", p["lat"].notna() & ~p["lat"].between(-90, 90), "lat",
          lambda r: f"latitude {r['lat']} is outside -90..90")
    c.add("places", p["lon"].notna() & ~p["lon"].between(-180, 180), "lon",
          lambda r: f"longitude {r['lon']} is outside -180..180")
    c.add("places", p["lat"].isna() != p["lon"].isna(), "lat", "give both latitude and longitude, or neither")
    c.add("places", p["lat"].notna() & p["coord_source"].isna(), "coord_source",
          "coordinates need the gazetteer entry they come from (coord_source)")

    incidents = set(book.incidents["incident_id"].dropna())
    places = set(p["place_id"].dropna())
    i = book.incidents
    c.add("incidents", i["date_from"] > i["date_to"], "date_from",
          lambda r: f"window starts {r['date_from']:%Y-%m-%d} after it ends {r['date_to']:%Y-%m-%d}")
    _known(c, "incidents", "place_id", places, "place", required=False)
    _known(c, "incident_links", "incident_id", incidents, "incident")
    _known(c, "incident_links", "other_incident_id", incidents, "incident")

    d = book.documents
    c.add("documents", d["published"].notna() & d["updated"].notna() & (d["updated"] < d["published"]),
          "updated", "updated before it was published")

    cl = book.claims
    _known(c, "claims", "incident_id", incidents, "incident")
    _known(c, "claims", "source_id", set(book.sources["source_id"].dropna()), "source")
    _known(c, "claims", "document_id", set(d["document_id"].dropna()), "document")
    _known(c, "claims", "place_id", places, "place", required=False)
    _known(c, "claims", "actor", parties | {NO_ACTOR}, "party", required=False)
    _known(c, "claims", "blame", parties | {NO_ACTOR, "both"}, "party blamed", required=False)
    _known(c, "claims", "cause_incident_id", incidents, "incident", required=False)
    c.add("claims", cl["cause_incident_id"].notna() & (cl["cause_incident_id"] == cl["incident_id"]),
          "cause", "an incident cannot be its own cause")

    per_party = cl["field"].map({f: s.per_party for f, s in FIELDS.items()}).astype("boolean")
    c.add("claims", per_party & cl["party"].isna(), "party", lambda r: f"{r['field']} needs the party it is about")
    c.add("claims", ~per_party & cl["party"].notna(), "party",
          lambda r: f"{r['field']} is not stated per party")
    _known(c, "claims", "party", parties, "party", required=False)
    kinds = cl["field"].map({f: s.kind for f, s in FIELDS.items()})
    for kind, columns in _KIND_COLUMNS.items():
        for column in columns:
            c.add("claims", (kinds == kind) & cl[column].isna(), column,
                  lambda r, column=column: f"{r['field']} claim without a value in {column!r}")
    c.add("claims", cl["count_high"].notna() & (cl["count_low"] > cl["count_high"]), "count",
          lambda r: f"low {r['count_low']} > high {r['count_high']}")
    c.add("claims", cl["count_low"] < 0, "count", lambda r: f"negative count {r['count_low']}")
    c.add("claims", cl["date_from"] > cl["date_to"], "date", "date interval ends before it starts")
    c.add("claims", cl["stated_from"] > cl["stated_to"], "stated", "statement date interval ends before it starts")
    c.add("claims", cl["quote"].isna() | (cl["quote"].str.strip() == ""), "quote", "every claim needs a quote")
    c.add("claims", cl["quote"].str.len() > MAX_QUOTE_CHARS, "quote",
          lambda r: f"quote of {len(r['quote'])} characters; quote one sentence at most ({MAX_QUOTE_CHARS})")

    ids = set(cl["claim_id"].dropna()) | set(cl["statement_id"].dropna())
    _known(c, "relations", "claim_id", ids, "claim or statement")
    _known(c, "relations", "other_claim_id", ids, "claim or statement")
    return c
