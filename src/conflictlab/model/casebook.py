"""The :class:`Casebook`: the tidy tables of one or more incidents and the claims made about them.

Examples
--------
>>> import conflictlab as cl
>>> book = cl.datasets.load("nerkin-hand-2024")
>>> sorted(book.parties["party_id"])
['armenia', 'azerbaijan']
>>> book.claim_table().columns[:4].tolist()
['claim_id', 'statement_id', 'incident_id', 'source_id']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .tables import TABLES, conform, empty

__all__ = ["Casebook", "Location"]

#: Place columns copied onto place claims by :meth:`Casebook.claim_table`, as ``place_<column>``.
PLACE_COLUMNS = ("name", "level", "aliases", "admin2", "admin1", "country", "lat", "lon")


@dataclass(frozen=True)
class Location:
    """Where a table row came from (for error messages).

    ``fields`` maps a column to the name and line it was written under in the source file (a claim's
    ``source_id`` was written as ``source:`` on the statement's own line), when they differ from the row's.
    """

    file: str | None
    line: int | None
    record: str | None
    fields: dict[str, tuple[str, int | None]] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Casebook:
    """A set of tidy tables describing incidents, sources, documents, places, claims and their relations.

    Build one with :func:`conflictlab.read_casebook`, :func:`conflictlab.datasets.load`, or
    :meth:`Casebook.from_tables`. Each table is a pandas DataFrame whose columns are documented in
    :data:`conflictlab.model.tables.SCHEMAS` (``conflictlab.describe_table("claims")``).

    Attributes
    ----------
    meta : dict
        Title, description, license, citation and any other top-level keys of the casebook file.
    parties, sources, documents, places, incidents, incident_links, claims, relations : pandas.DataFrame
        The tables.
    """

    meta: dict[str, Any] = field(default_factory=dict)
    parties: pd.DataFrame = field(default_factory=lambda: empty("parties"))
    sources: pd.DataFrame = field(default_factory=lambda: empty("sources"))
    documents: pd.DataFrame = field(default_factory=lambda: empty("documents"))
    places: pd.DataFrame = field(default_factory=lambda: empty("places"))
    incidents: pd.DataFrame = field(default_factory=lambda: empty("incidents"))
    incident_links: pd.DataFrame = field(default_factory=lambda: empty("incident_links"))
    claims: pd.DataFrame = field(default_factory=lambda: empty("claims"))
    relations: pd.DataFrame = field(default_factory=lambda: empty("relations"))
    locations: dict[tuple[str, int], Location] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_tables(cls, tables: Mapping[str, pd.DataFrame], meta: Mapping[str, Any] | None = None) -> Casebook:
        """Build a casebook from DataFrames named after the tables; each is conformed to its schema.

        Examples
        --------
        >>> book = Casebook.from_tables({"parties": pd.DataFrame({"party_id": ["a"], "name": ["A"]})})
        >>> len(book.parties), len(book.claims)
        (1, 0)
        """
        unknown = set(tables) - set(TABLES)
        if unknown:
            raise KeyError(f"unknown table(s) {sorted(unknown)}; expected {list(TABLES)}")
        frames = {name: conform(name, tables[name]) if name in tables else empty(name) for name in TABLES}
        return cls(meta=dict(meta or {}), **frames)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Return the tables by name, in schema order."""
        return {name: getattr(self, name) for name in TABLES}

    def locate(self, table: str, row: int) -> Location:
        """Return where row ``row`` of ``table`` came from, if known."""
        return self.locations.get((table, row), Location(self.meta.get("_file"), None, None))

    def claim_table(self) -> pd.DataFrame:
        """Return the claims with each source's side and each place claim's gazetteer entry joined on.

        This denormalised table is what :func:`conflictlab.compare` and the ``.claims`` accessor work on: the
        claims columns, then ``side``, ``source_name``, ``source_kind``, and ``place_name``, ``place_level``,
        ``place_aliases``, ``place_admin2``, ``place_admin1``, ``place_country``, ``place_lat``, ``place_lon``.

        Examples
        --------
        >>> import conflictlab as cl
        >>> t = cl.datasets.load("nerkin-hand-2024").claim_table()
        >>> t.loc[t["field"] == "place", "place_country"].unique().tolist()
        ['Armenia', 'Azerbaijan']
        """
        src = self.sources.rename(columns={"name": "source_name", "kind": "source_kind"})
        out = self.claims.merge(src[["source_id", "side", "source_name", "source_kind"]], on="source_id",
                                how="left", validate="many_to_one")
        places = self.places[["place_id", *PLACE_COLUMNS]].rename(columns={c: f"place_{c}" for c in PLACE_COLUMNS})
        out = out.merge(places, on="place_id", how="left", validate="many_to_one")
        out["superseded_on"] = self._superseded_on(out)
        return out

    def _superseded_on(self, claims: pd.DataFrame) -> pd.Series:
        """For each claim, the statement date of the claim that supersedes it (NaT if none).

        A ``supersedes`` relation between two statements supersedes the older statement's claims on the keys
        (field, party) that the newer statement also states; between two claims, the one claim.
        """
        rel = self.relations[self.relations["relation"] == "supersedes"]
        out = pd.Series(pd.NaT, index=claims.index, dtype="datetime64[s]")
        if not len(rel):
            return out
        key = claims["field"].astype("str") + "/" + claims["party"].fillna("").astype("str")
        by_claim = claims.assign(_key=key.to_numpy())
        for new, old in zip(rel["claim_id"], rel["other_claim_id"], strict=True):
            newer = by_claim[(by_claim["claim_id"] == new) | (by_claim["statement_id"] == new)]
            older = by_claim[(by_claim["claim_id"] == old) | (by_claim["statement_id"] == old)]
            hit = older.index[older["_key"].isin(set(newer["_key"]))] if (older["claim_id"] != old).all() else \
                older.index
            if len(newer) and len(hit):
                when = newer["stated_to"].max()
                out.loc[hit] = out.loc[hit].where(out.loc[hit] <= when, when)
        return out

    def __repr__(self) -> str:
        title = self.meta.get("title", "untitled")
        return (f"<Casebook {title!r}: {len(self.incidents)} incidents, {len(self.sources)} sources, "
                f"{len(self.documents)} documents, {len(self.claims)} claims>")
