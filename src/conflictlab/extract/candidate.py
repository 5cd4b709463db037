"""The candidate record that every rule returns, before the candidates are put in a table."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Candidate"]


@dataclass
class Candidate:
    """One proposed claim: a field, a party (per-party fields), a value in casebook syntax, and its evidence span.

    ``blame`` is set for characterizations; ``level``, ``admin1``, ``admin2``, ``country``, ``geonames_id``, ``lat`` and
    ``lon`` for places.
    """

    field: str
    value: str
    start: int
    end: int
    rule: str
    party: str | None = None
    blame: str | None = None
    level: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
