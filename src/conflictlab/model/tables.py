"""Column schemas of the casebook tables.

A casebook is a set of tidy tables. This module is the single place where their columns, dtypes and meanings
are defined; readers, writers, validation and documentation all read :data:`SCHEMAS`.

Examples
--------
>>> from conflictlab.model.tables import SCHEMAS, empty
>>> [c.name for c in SCHEMAS["sources"]]
['source_id', 'name', 'side', 'kind', 'affiliation', 'note']
>>> empty("sources").dtypes["kind"].name
'category'
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .vocab import (
    DATE_PRECISIONS,
    FIELD_NAMES,
    INCIDENT_LINKS,
    PLACE_LEVELS,
    QUOTE_KINDS,
    RELATIONS,
    SOURCE_KINDS,
    categorical,
)

__all__ = ["Column", "SCHEMAS", "TABLES", "empty", "conform", "conform_columns", "describe"]

DATE = "datetime64[s]"


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, dtype, whether a value is required, and what it means."""

    name: str
    dtype: object
    required: bool
    doc: str


def _c(name: str, dtype: object, doc: str, required: bool = False) -> Column:
    return Column(name, dtype, required, doc)


SCHEMAS: dict[str, tuple[Column, ...]] = {
    "parties": (
        _c("party_id", "str", "short id of a party to the conflict (``armenia``)", True),
        _c("name", "str", "display name", True),
        _c("note", "str", "free text"),
    ),
    "sources": (
        _c("source_id", "str", "short id of the speaker (``am-mod``)", True),
        _c("name", "str", "who speaks (``Ministry of Defence of Armenia``)", True),
        _c("side", "str", "a ``party_id``, or ``third-party``", True),
        _c("kind", categorical(SOURCE_KINDS), "what kind of speaker", True),
        _c("affiliation", "str", "the body the speaker belongs to"),
        _c("note", "str", "reliability or identity notes"),
    ),
    "documents": (
        _c("document_id", "str", "short id of the document a claim appeared in", True),
        _c("publisher", "str", "outlet or body that published it", True),
        _c("title", "str", "title as published", True),
        _c("author", "str", "byline"),
        _c("published", DATE, "first publication date"),
        _c("updated", DATE, "last update date"),
        _c("url", "str", "address (empty when not recorded)"),
        _c("language", "str", "BCP 47 language tag of the text quoted"),
        _c("note", "str", "free text"),
    ),
    "places": (
        _c("place_id", "str", "short id of a place in the casebook's gazetteer", True),
        _c("name", "str", "name in the casebook's language", True),
        _c("level", categorical(PLACE_LEVELS), "how specific the place is", True),
        _c("aliases", "str", "other renderings, separated by '; ' (``Nerkin-And``)"),
        _c("admin2", "str", "second-level admin area (district, municipality)"),
        _c("admin1", "str", "first-level admin area (province, region)"),
        _c("country", "str", "country", True),
        _c("lat", "float64", "latitude in degrees of the place's reference point, if a gazetteer gives one"),
        _c("lon", "float64", "longitude in degrees"),
        _c("coord_source", "str", "the gazetteer entry the coordinates come from (required with lat/lon)"),
        _c("note", "str", "free text"),
    ),
    "incidents": (
        _c("incident_id", "str", "short id of the incident", True),
        _c("title", "str", "neutral title", True),
        _c("date_from", DATE, "first day of the window in which the incident falls"),
        _c("date_to", DATE, "last day of that window"),
        _c("place_id", "str", "where, as a place of the gazetteer (neutral, may be coarse)"),
        _c("note", "str", "free text"),
    ),
    "incident_links": (
        _c("incident_id", "str", "the linking incident", True),
        _c("link", categorical(INCIDENT_LINKS), "kind of link", True),
        _c("other_incident_id", "str", "the linked incident", True),
        _c("note", "str", "who asserts the link, or why it is recorded"),
    ),
    "claims": (
        _c("claim_id", "str", "``statement_id/field[/party]``, unique", True),
        _c("statement_id", "str", "the statement (one quote) the claim was read from", True),
        _c("incident_id", "str", "the incident the claim is about", True),
        _c("source_id", "str", "who makes the claim", True),
        _c("document_id", "str", "where the claim appeared", True),
        _c("field", categorical(FIELD_NAMES), "what the claim is about", True),
        _c("party", "str", "the party a per-party field is about (``killed`` of ``armenia``); empty otherwise"),
        _c("value", "str", "the value in words, for display", True),
        _c("occurred", "boolean", "occurred: true, or false for a denial"),
        _c("date_from", DATE, "date: first possible day"),
        _c("date_to", DATE, "date: last possible day"),
        _c("date_precision", categorical(DATE_PRECISIONS), "date: precision as stated"),
        _c("place_id", "str", "place: a place of the gazetteer"),
        _c("actor", "str", "perpetrator/target: a ``party_id``, or ``none``"),
        _c("count_low", "Int64", "count: smallest number compatible with the wording"),
        _c("count_high", "Int64", "count: largest number (empty: no upper bound, as in 'at least 4')"),
        _c("count_reading", "str", "count: how vague wording was read (``'several' read as 3-9``)"),
        _c("labels", "str", "means/damage/verification/characterization: normalised labels, '; '-separated"),
        _c("blame", "str", "characterization: the party the framing blames (``none``: nobody, ``both``)"),
        _c("cause_incident_id", "str", "cause: the incident claimed as the cause (empty with ``none``)"),
        _c("detail", "str", "qualifier of the value (``evening``, ``combat post``, ``preliminary``)"),
        _c("stated_from", DATE, "earliest date the statement can have been made", True),
        _c("stated_to", DATE, "latest date the statement can have been made", True),
        _c("stated_basis", "str", "how the statement date was established when it is an interval"),
        _c("quote", "str", "short verbatim quote from the document (a sentence at most)", True),
        _c("quote_kind", categorical(QUOTE_KINDS), "direct speech, the document's paraphrase, or translation", True),
        _c("note", "str", "free text"),
    ),
    "relations": (
        _c("claim_id", "str", "a claim id or a statement id", True),
        _c("relation", categorical(RELATIONS), "how it relates to the other", True),
        _c("other_claim_id", "str", "a claim id or a statement id", True),
        _c("note", "str", "free text"),
    ),
}

TABLES: tuple[str, ...] = tuple(SCHEMAS)


def empty(table: str) -> pd.DataFrame:
    """Return an empty DataFrame with the columns and dtypes of ``table``.

    Examples
    --------
    >>> empty("claims").shape[1] > 20
    True
    """
    return pd.DataFrame({c.name: pd.Series(dtype=c.dtype) for c in SCHEMAS[table]})


def conform(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with exactly the columns of ``table`` in schema order and schema dtypes.

    Missing optional columns are added empty; extra columns are kept after the schema's columns.
    Raises ``KeyError`` naming the table and column when a required column is missing, and ``ValueError`` when
    a column cannot take its dtype.

    Examples
    --------
    >>> df = conform("parties", pd.DataFrame({"party_id": ["am"], "name": ["Armenia"]}))
    >>> list(df.columns), df["note"].isna().all()
    (['party_id', 'name', 'note'], np.True_)
    """
    return conform_columns(SCHEMAS[table], frame, f"table {table!r}")


def conform_columns(columns: tuple[Column, ...], frame: pd.DataFrame, label: str) -> pd.DataFrame:
    """Conform ``frame`` to the schema ``columns`` (the work of :func:`conform`, for any schema).

    ``label`` names the table in error messages (``"table 'claims'"``). Extra columns are kept, after the
    schema's columns.
    """
    out = {}
    n = len(frame)
    for col in columns:
        if col.name in frame.columns:
            values = frame[col.name]
        elif col.required:
            raise KeyError(f"{label}: required column {col.name!r} is missing")
        else:
            values = pd.Series([None] * n, index=frame.index, dtype="object")
        try:
            out[col.name] = _as_dtype(values, col.dtype)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{label}, column {col.name!r}: cannot read as {col.dtype}: {exc}") from exc
    result = pd.DataFrame(out, index=frame.index)
    extra = [c for c in frame.columns if c not in out]
    if extra:
        result = pd.concat([result, frame[extra]], axis=1)
    return result.reset_index(drop=True)


def _as_dtype(values: pd.Series, dtype: object) -> pd.Series:
    if isinstance(dtype, pd.CategoricalDtype):
        unknown = set(values.dropna().astype(str)) - set(dtype.categories)
        if unknown:
            raise ValueError(f"unknown value(s) {sorted(unknown)}; expected one of {list(dtype.categories)}")
        return values.astype("object").where(values.notna(), None).astype(dtype)
    if dtype == DATE:
        if values.dtype.kind == "M":
            return values.astype(DATE)
        return pd.to_datetime(values, format="ISO8601").astype(DATE)
    if dtype == "boolean" and values.dtype.kind not in "b":
        if values.dtype == "boolean":
            return values
        words = {"true": True, "false": False, "1": True, "0": False}
        text = values.astype("object").where(values.isna(), values.astype(str).str.strip().str.lower())
        bad = text.notna() & ~text.isin(list(words))
        if bad.any():
            raise ValueError(f"not true/false: {values[bad].iloc[0]!r}")
        return text.map(words).astype("boolean")
    if dtype in ("Int64", "float64") and values.dtype.kind not in "iuf":
        if values.dtype in ("Int64", "Float64"):
            return values.astype(dtype)
        out = pd.to_numeric(values.astype("object"), errors="raise").astype(dtype)
        if dtype == "float64":  # text from CSV: parse it correctly rounded, so that floats round-trip exactly
            text = values.astype("object")  # (pandas 3.0's own parser can be off by one unit in the last place)
            exact = text.map(lambda v: isinstance(v, str) and v.strip() != "").to_numpy(dtype=bool)
            if exact.any():
                out = out.copy()
                out.iloc[exact] = text[exact].str.strip().to_numpy(dtype="float64")
        return out
    if dtype == "str":
        if values.dtype == "str":
            return values
        return values.astype("object").where(values.isna(), values.astype(str)).astype("str")
    return values.astype(dtype)


def describe(table: str) -> pd.DataFrame:
    """Return the documentation of ``table`` as a DataFrame (column, dtype, required, meaning).

    Examples
    --------
    >>> describe("relations")["column"].tolist()
    ['claim_id', 'relation', 'other_claim_id', 'note']
    """
    return pd.DataFrame(
        [(c.name, str(c.dtype) if not isinstance(c.dtype, pd.CategoricalDtype) else "category", c.required, c.doc)
         for c in SCHEMAS[table]],
        columns=["column", "dtype", "required", "meaning"],
    )
