"""The human-writable YAML casebook format: reading (with file/line/field errors) and writing (lossless).

The format is documented in ``docs/casebook-format.md``; in short::

    conflictlab: 1
    title: ...
    parties:    {armenia: {name: Armenia}, ...}
    sources:    {am-mod: {name: ..., side: armenia, kind: ministry}, ...}
    documents:  {epoch-2024-02-13: {publisher: ..., title: ..., published: 2024-02-13, url: ...}, ...}
    places:     {nerkin-hand: {name: Nerkin Hand, level: settlement, admin1: Syunik Province, country: Armenia}}
    incidents:  {fire-2024-02-13: {title: ..., date: 2024-02-13, place: nerkin-hand, links: [...]}}
    statements:
      - id: am-mod-1
        incident: fire-2024-02-13
        source: am-mod
        document: epoch-2024-02-13
        stated: 2024-02-13            # or an interval 2024-02-13/2024-02-14, with stated_basis
        quote: "..."                  # verbatim, a sentence at most
        quote_kind: reported          # direct | reported | translation
        says:
          killed: {armenia: 4}
          injured: {armenia: several}
          perpetrator: azerbaijan
    relations:
      - {claim: am-gov-denial, relation: denies, other: az-sbs-1}

Each entry under ``says`` becomes one row of the claims table per (field, party), with the claim id
``statement_id/field`` or ``statement_id/field/party``.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ..comparators import comparators_from_settings
from ..model.casebook import Casebook, Location
from ..model.problems import CasebookError, Problem
from ..model.tables import SCHEMAS, TABLES, conform
from ..model.validate import invalid_rows, validate
from ..model.values import parse_date_interval, parse_value, place_text
from ..model.vocab import FIELDS
from ._yaml_lines import LineDict, load_with_lines

__all__ = ["read_casebook_yaml", "write_casebook_yaml", "casebook_to_yaml", "casebook_from_yaml", "CasebookWarning"]

FORMAT_VERSION = 1
_META_KEYS = ("title", "description", "license", "citation", "authors", "version", "note", "comparison")
_SECTIONS = ("parties", "sources", "documents", "places", "incidents", "statements", "relations")

_RECORD_KEYS = {
    "parties": {"name", "note"},
    "sources": {"name", "side", "kind", "affiliation", "note"},
    "documents": {"publisher", "title", "author", "published", "updated", "url", "language", "note"},
    "places": {"name", "level", "aliases", "admin2", "admin1", "country", "lat", "lon", "coord_source", "note"},
    "incidents": {"title", "date", "place", "links", "note"},
    "statements": {"id", "incident", "source", "document", "stated", "stated_basis", "quote", "quote_kind",
                   "says", "note"},
    "relations": {"claim", "relation", "other", "note"},
}


#: claim columns that come from a statement's own keys (for error locations)
_STATEMENT_KEYS = {"incident_id": "incident", "source_id": "source", "document_id": "document",
                   "stated": "stated", "quote": "quote", "quote_kind": "quote_kind"}


def _plain(value):
    """A YAML value with line tracking as plain dicts and lists."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class CasebookWarning(UserWarning):
    """Problems skipped when a casebook is read with ``errors="warn"``."""


class _Reader:
    def __init__(self, filename: str | None):
        self.file = filename
        self.problems: list[Problem] = []
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self.locs: dict[str, list[Location]] = {t: [] for t in TABLES}

    def problem(self, line: int | None, record: str | None, field: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, line, record, field, message))

    def add(self, table: str, row: dict[str, Any], line: int | None, record: str,
            fields: dict[str, tuple[str, int | None]] | None = None) -> None:
        self.rows[table].append(row)
        self.locs[table].append(Location(self.file, line, record, fields or {}))

    def keyed_section(self, doc: LineDict, section: str, build: Callable[[str, LineDict, str], None]) -> None:
        body = doc.get(section) or {}
        line = doc.key_lines.get(section)
        if not isinstance(body, Mapping):
            self.problem(line, None, section, f"'{section}' must be a mapping of id -> record")
            return
        for key, rec in body.items():
            record = f"{section[:-1] if section != 'parties' else 'party'} {key!r}"
            rec_line = body.key_lines.get(key, line)
            if isinstance(rec, str) and section == "parties":
                rec = LineDict(name=rec)
                rec.line, rec.key_lines = rec_line, {}
            if not isinstance(rec, Mapping):
                self.problem(rec_line, record, None, "expected a mapping of fields")
                continue
            if not self.check_keys(section, rec, record):
                continue
            build(str(key), rec, record)

    def check_keys(self, section: str, rec: LineDict, record: str) -> bool:
        unknown = set(rec) - _RECORD_KEYS[section]
        for key in sorted(unknown, key=str):
            self.problem(rec.key_lines.get(key, rec.line), record, str(key),
                         f"unknown key; expected one of {', '.join(sorted(_RECORD_KEYS[section]))}")
        return not unknown


def _line(rec: LineDict, key: str) -> int | None:
    return rec.key_lines.get(key, rec.line) if isinstance(rec, LineDict) else None


def _date_text(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def casebook_from_yaml(text: str, filename: str | None = None, errors: str = "raise") -> Casebook:
    """Parse casebook YAML ``text``; see :func:`read_casebook_yaml`."""
    doc = load_with_lines(text, filename)
    if not isinstance(doc, LineDict):
        raise CasebookError([Problem(filename, 1, None, None, "a casebook is a YAML mapping with 'statements'")])
    r = _Reader(filename)
    version = doc.get("conflictlab", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        r.problem(_line(doc, "conflictlab"), None, "conflictlab",
                  f"format version {version!r} is not supported (this conflictlab reads {FORMAT_VERSION})")
    for key in doc:
        if key not in (*_META_KEYS, *_SECTIONS, "conflictlab"):
            r.problem(_line(doc, key), None, str(key),
                      f"unknown top-level key; expected {', '.join(('conflictlab', *_META_KEYS, *_SECTIONS))}")
    meta = {k: doc[k] for k in _META_KEYS if k in doc}
    if "comparison" in meta:  # comparator settings of this case: checked now, used by compare()
        meta["comparison"] = _plain(meta["comparison"])
        try:
            comparators_from_settings(meta["comparison"])
        except ValueError as exc:
            r.problem(_line(doc, "comparison"), None, "comparison", str(exc))
            del meta["comparison"]

    def simple(table: str, id_column: str) -> Callable[[str, LineDict, str], None]:
        def build(key: str, rec: LineDict, record: str) -> None:
            row = {id_column: key, **{k: _date_text(v) for k, v in rec.items()}}
            if table == "places" and isinstance(row.get("aliases"), list):
                row["aliases"] = "; ".join(str(a) for a in row["aliases"])
            r.add(table, row, rec.line, record, {k: (k, line) for k, line in rec.key_lines.items()})
        return build

    r.keyed_section(doc, "parties", simple("parties", "party_id"))
    r.keyed_section(doc, "sources", simple("sources", "source_id"))
    r.keyed_section(doc, "documents", simple("documents", "document_id"))
    r.keyed_section(doc, "places", simple("places", "place_id"))
    r.keyed_section(doc, "incidents", lambda k, rec, record: _incident(r, k, rec, record))
    for i, st in enumerate(_listed(r, doc, "statements")):
        _statement(r, i, st)
    for i, rel in enumerate(_listed(r, doc, "relations")):
        record = f"relation {i + 1}"
        if not r.check_keys("relations", rel, record):
            continue
        row = {"claim_id": rel.get("claim"), "relation": rel.get("relation"),
               "other_claim_id": rel.get("other"), "note": rel.get("note")}
        r.add("relations", row, rel.line, record)

    book = _assemble(r, meta, filename)
    problems = r.problems + validate(book)
    if problems and errors == "raise":
        raise CasebookError(problems)
    if problems:
        book = _drop_invalid(book)
        warnings.warn(str(CasebookError(problems)) + "\nThose records were left out; the rest was kept.",
                      CasebookWarning, stacklevel=3)
    return book


def _listed(r: _Reader, doc: LineDict, section: str) -> list[LineDict]:
    items = doc.get(section) or []
    if not isinstance(items, list):
        r.problem(_line(doc, section), None, section, f"'{section}' must be a list")
        return []
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, LineDict):
            r.problem(_line(doc, section), f"{section[:-1]} {i + 1}", None, "expected a mapping")
            continue
        out.append(item)
    return out


def _incident(r: _Reader, key: str, rec: LineDict, record: str) -> None:
    row: dict[str, Any] = {"incident_id": key, "title": rec.get("title"), "place_id": rec.get("place"),
                           "note": rec.get("note")}
    located = {"place_id": ("place", _line(rec, "place")), "date_from": ("date", _line(rec, "date"))}
    if "date" in rec:
        try:
            row["date_from"], row["date_to"], _ = parse_date_interval(rec["date"])
        except ValueError as exc:
            r.problem(_line(rec, "date"), record, "date", str(exc))
            return
    for j, link in enumerate(rec.get("links") or []):
        if not isinstance(link, Mapping) or set(link) - {"link", "incident", "note"}:
            r.problem(_line(rec, "links"), record, "links",
                      f"link {j + 1}: expected {{link: claimed-cause-of, incident: <id>, note: ...}}")
            continue
        r.add("incident_links", {"incident_id": key, "link": link.get("link"),
                                 "other_incident_id": link.get("incident"), "note": link.get("note")},
              _line(rec, "links"), record)
    r.add("incidents", row, rec.line, record, located)


def _statement(r: _Reader, i: int, st: LineDict) -> None:
    sid = st.get("id")
    record = f"statement {sid!r}" if sid else f"statement {i + 1}"
    if not r.check_keys("statements", st, record):
        return
    missing = [k for k in ("id", "incident", "source", "document", "stated", "quote", "quote_kind", "says")
               if st.get(k) in (None, "")]
    for k in missing:
        r.problem(st.line, record, k, "missing")
    if missing:
        return
    try:
        stated_from, stated_to, _ = parse_date_interval(st["stated"])
    except ValueError as exc:
        r.problem(_line(st, "stated"), record, "stated", str(exc))
        return
    fields = {column: (key, _line(st, key)) for column, key in _STATEMENT_KEYS.items()}
    common = {
        "statement_id": str(sid), "incident_id": st["incident"], "source_id": st["source"],
        "document_id": st["document"], "stated_from": stated_from, "stated_to": stated_to,
        "stated_basis": st.get("stated_basis"), "quote": st["quote"], "quote_kind": st["quote_kind"],
        "note": st.get("note"),
    }
    says = st["says"]
    if not isinstance(says, LineDict) or not says:
        r.problem(_line(st, "says"), record, "says", "expected a mapping of field -> value")
        return
    for field, value in says.items():
        line = says.key_lines.get(field, says.line)
        spec = FIELDS.get(field)
        if spec is None:
            r.problem(line, record, str(field), f"unknown field; expected one of {', '.join(FIELDS)}")
            continue
        if spec.per_party:
            if not isinstance(value, Mapping) or not value:
                r.problem(line, record, field, f"{field} is stated per party: write {{<party id>: <count>}}")
                continue
            items = [(str(party), v, f"{field}.{party}") for party, v in value.items()]
        else:
            items = [(None, value, field)]
        for party, v, label in items:
            try:
                parsed = parse_value(field, v)
            except (ValueError, TypeError) as exc:
                r.problem(line, record, label, str(exc))
                continue
            claim_id = f"{sid}/{field}" + (f"/{party}" if party else "")
            r.add("claims", {**common, "claim_id": claim_id, "field": field, "party": party, **parsed}, line,
                  record, fields)


def _assemble(r: _Reader, meta: dict[str, Any], filename: str | None) -> Casebook:
    frames = {}
    locations: dict[tuple[str, int], Location] = {}
    for table in TABLES:
        rows = r.rows[table]
        names = [c.name for c in SCHEMAS[table]]
        frame = pd.DataFrame(rows, columns=names) if rows else pd.DataFrame(columns=names)
        try:
            frames[table] = conform(table, frame)
        except (ValueError, KeyError) as exc:
            frames[table], bad = _conform_rows(table, rows, names)
            for idx, msg in bad:
                loc = r.locs[table][idx]
                r.problem(loc.line, loc.record, msg[0], msg[1])
            keep = [i for i in range(len(rows)) if i not in {b for b, _ in bad}]
            r.locs[table] = [r.locs[table][i] for i in keep]
            if not bad:
                raise exc
        for i, loc in enumerate(r.locs[table]):
            locations[(table, i)] = loc
    meta = {**meta, "_file": filename}
    frames["claims"] = _name_places(frames["claims"], frames["places"])
    book = Casebook(meta=meta, **frames)
    book.locations = locations
    return book


def _name_places(claims: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Show place claims by their gazetteer name rather than their id."""
    names = claims["place_id"].map(places.set_index("place_id")["name"]) if places["place_id"].is_unique else None
    if names is None:
        return claims
    is_place = claims["place_id"].notna() & names.notna()
    if not is_place.any():
        return claims
    text = [place_text(n, d if isinstance(d, str) else None)
            for n, d in zip(names[is_place], claims.loc[is_place, "detail"], strict=True)]
    claims = claims.copy()
    claims.loc[is_place, "value"] = text
    return claims


def _conform_rows(table: str, rows: list[dict[str, Any]], names: list[str]):
    """Conform row by row to find which rows (and which column) cannot take their dtype; keep the rest."""
    good, bad = [], []
    for i, row in enumerate(rows):
        try:
            conform(table, pd.DataFrame([row], columns=names))
            good.append(row)
        except (ValueError, KeyError) as exc:
            text = str(exc)
            column = text.split("column ")[1].split(":")[0].strip("'") if "column " in text else None
            bad.append((i, (column, text.split(": ", 1)[-1])))
    frame = pd.DataFrame(good, columns=names) if good else pd.DataFrame(columns=names)
    return conform(table, frame), bad


def _drop_invalid(book: Casebook) -> Casebook:
    """Leave out rows with problems (and then rows that referred to them) until the casebook validates."""
    for _ in range(5):
        bad_rows = invalid_rows(book)
        if not bad_rows:
            break
        for table, idxs in bad_rows.items():
            frame = getattr(book, table)
            keep = [i for i in range(len(frame)) if i not in idxs]
            setattr(book, table, frame.iloc[keep].reset_index(drop=True))
            old = {i: book.locations.pop((table, i), None) for i in range(len(frame))}
            for new, i in enumerate(keep):
                if old[i] is not None:
                    book.locations[(table, new)] = old[i]
    return book


def read_casebook_yaml(path: str | Path, errors: str = "raise") -> Casebook:
    """Read a YAML casebook file.

    Parameters
    ----------
    path : str or Path
        The ``.yaml`` file (UTF-8).
    errors : {"raise", "warn"}
        ``"raise"``: raise :class:`CasebookError` listing every problem (file, line, record, field).
        ``"warn"``: leave the invalid records out, keep every valid one, and warn with the same list.

    Examples
    --------
    >>> import conflictlab as cl
    >>> from conflictlab.datasets import path
    >>> book = read_casebook_yaml(path("nerkin-hand-2024"))
    >>> book.meta["title"][:10]
    'Nerkin Han'
    """
    if errors not in ("raise", "warn"):
        raise ValueError("errors must be 'raise' or 'warn'")
    path = Path(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CasebookError([Problem(str(path), line, None, None,
                                     f"not UTF-8 text (byte {raw[exc.start]:#x} at offset {exc.start}); "
                                     "save the file as UTF-8")]) from None
    return casebook_from_yaml(text, str(path), errors=errors)


# ----------------------------------------------------------------------------------------------- writing


def _clean(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "item"):
        return value.item()
    return value


def _date_spec(a: pd.Timestamp, b: pd.Timestamp) -> str:
    return a.strftime("%Y-%m-%d") if a == b else f"{a:%Y-%m-%d}/{b:%Y-%m-%d}"


def _with_detail(value: Any, key: str, detail: Any) -> Any:
    return value if detail is None else {key: value, "detail": detail}


def _claim_value(c: dict[str, Any]) -> Any:
    kind = FIELDS[c["field"]].kind
    detail = c.get("detail")
    if kind == "occurred":
        return _with_detail(bool(c["occurred"]), "value", detail)
    if kind == "date":
        spec = {"from": c["date_from"], "to": c["date_to"], "precision": c["date_precision"]}
        if c["date_precision"] == "day" and c["date_from"] == c["date_to"] and detail is None:
            return c["date_from"]
        return {**spec, **({"detail": detail} if detail is not None else {})}
    if kind == "place":
        return _with_detail(c["place_id"], "place", detail)
    if kind == "actor":
        return _with_detail(c["actor"], "party", detail)
    if kind == "count":
        low, high, reading = c["count_low"], c["count_high"], c.get("count_reading")
        if low == high and reading is None and detail is None:
            return low
        spec = {"low": low, "high": high}
        if reading is not None:
            spec["reading"] = reading
        if detail is not None:
            spec["detail"] = detail
        return spec
    if kind == "labels":
        return _with_detail(c["labels"], "label", detail)
    if kind == "framing":
        spec = {"label": c["labels"], "blame": c["blame"]}
        if detail is not None:
            spec["detail"] = detail
        return spec
    if kind == "cause":
        return _with_detail(c["cause_incident_id"] or "none", "incident", detail)
    raise AssertionError(kind)


def _records(frame: pd.DataFrame, key: str) -> dict[str, dict[str, Any]]:
    out = {}
    for row in frame.to_dict("records"):
        rid = row.pop(key)
        out[rid] = {k: _clean(v) for k, v in row.items() if _clean(v) is not None}
    return out


def casebook_to_yaml(book: Casebook) -> str:
    """Return the YAML text of ``book`` (inverse of :func:`casebook_from_yaml`)."""
    doc: dict[str, Any] = {"conflictlab": FORMAT_VERSION}
    doc.update({k: v for k, v in book.meta.items() if k in _META_KEYS})
    doc["parties"] = _records(book.parties, "party_id")
    doc["sources"] = _records(book.sources, "source_id")
    doc["documents"] = _records(book.documents, "document_id")
    places = _records(book.places, "place_id")
    for rec in places.values():
        if "aliases" in rec:
            rec["aliases"] = rec["aliases"].split("; ")
    doc["places"] = places
    incidents = {}
    links = book.incident_links
    for row in book.incidents.to_dict("records"):
        rec: dict[str, Any] = {"title": row["title"]}
        if _clean(row["date_from"]) is not None:
            rec["date"] = _date_spec(row["date_from"], row["date_to"])
        for k, col in (("place", "place_id"), ("note", "note")):
            if _clean(row[col]) is not None:
                rec[k] = row[col]
        own = links[links["incident_id"] == row["incident_id"]]
        if len(own):
            rec["links"] = [{k: v for k, v in (("link", _clean(lk["link"])), ("incident", lk["other_incident_id"]),
                                               ("note", _clean(lk["note"]))) if v is not None}
                            for lk in own.to_dict("records")]
        incidents[row["incident_id"]] = rec
    doc["incidents"] = incidents
    statements = []
    claims = [{k: _clean(v) for k, v in c.items()} for c in book.claims.to_dict("records")]
    by_statement: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        by_statement.setdefault(c["statement_id"], []).append(c)
    for sid, rows in by_statement.items():
        first = rows[0]
        for c in rows:
            expected = f"{sid}/{c['field']}" + (f"/{c['party']}" if c["party"] else "")
            if c["claim_id"] != expected:
                raise ValueError(f"claim id {c['claim_id']!r} cannot be written as YAML (expected {expected!r})")
            for k in ("incident_id", "source_id", "document_id", "stated_from", "stated_to", "stated_basis",
                      "quote", "quote_kind", "note"):
                if c[k] != first[k]:
                    raise ValueError(f"claims of statement {sid!r} differ in {k!r}; YAML keeps one per statement")
        st: dict[str, Any] = {"id": sid, "incident": first["incident_id"], "source": first["source_id"],
                              "document": first["document_id"],
                              "stated": _date_spec(pd.Timestamp(first["stated_from"]), pd.Timestamp(first["stated_to"]))}
        if first["stated_basis"] is not None:
            st["stated_basis"] = first["stated_basis"]
        st["quote"] = first["quote"]
        st["quote_kind"] = first["quote_kind"]
        says: dict[str, Any] = {}
        for c in rows:
            value = _claim_value(c)
            if c["party"]:
                says.setdefault(c["field"], {})[c["party"]] = value
            else:
                says[c["field"]] = value
        st["says"] = says
        if first["note"] is not None:
            st["note"] = first["note"]
        statements.append(st)
    doc["statements"] = statements
    doc["relations"] = [
        {k: v for k, v in (("claim", r["claim_id"]), ("relation", _clean(r["relation"])),
                           ("other", r["other_claim_id"]), ("note", _clean(r["note"]))) if v is not None}
        for r in book.relations.to_dict("records")
    ]
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)


def write_casebook_yaml(book: Casebook, path: str | Path) -> Path:
    """Write ``book`` as a YAML casebook (UTF-8) and return the path."""
    path = Path(path)
    path.write_text(casebook_to_yaml(book), encoding="utf-8")
    return path
