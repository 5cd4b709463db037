"""GDELT: read event files (1.0 and 2.0 layouts) into the event model, and the 2.0 Mentions table.

GDELT's raw files are tab-separated without a header: GDELT 1.0 daily events have 58 columns (57 before
April 2013, without ``SOURCEURL``), GDELT 2.0 events 61 (an ``ADM2Code`` per geography), Mentions 16. Files with
a header row (any letter case, comma- or tab-separated) are read too. GDELT data are open for any use with
citation of the GDELT Project (``conflictlab.datasets.citation("gdelt-mentions-sample")``).

GDELT is machine-coded from news: an event is "Actor1 does EventCode to Actor2" as one article put it, so
``perpetrator`` = ``Actor1Name`` and ``target`` = ``Actor2Name`` are filled for conflict events (QuadClass 3
and 4) only; there are no fatality figures. ``event_type`` is the CAMEO root name, ``sub_event_type`` the
CAMEO event name (:mod:`conflictlab.io.cameo`). Policy on bad input: as for :func:`conflictlab.io.read_ucdp_ged`.

Examples
--------
>>> len(GDELT1_EVENT_COLUMNS), len(GDELT2_EVENT_COLUMNS), len(MENTION_COLUMNS)
(58, 61, 16)
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ..model.events import PRECISION_MAPS
from ._events import assemble, report
from ._parse import to_date, to_float, to_int, to_text
from ._tabular import RowChecks, header_of, read_text, require_columns
from .cameo import cameo_names, read_cameo_codes

__all__ = ["read_gdelt_events", "read_gdelt_mentions", "GDELT1_EVENT_COLUMNS", "GDELT2_EVENT_COLUMNS",
           "MENTION_COLUMNS"]


def _actor(n: str) -> list[str]:
    return [f"Actor{n}{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                                     "Religion2Code", "Type1Code", "Type2Code", "Type3Code")]


def _geo(prefix: str, adm2: bool) -> list[str]:
    cols = ["Type", "FullName", "CountryCode", "ADM1Code", *(["ADM2Code"] if adm2 else []), "Lat", "Long",
            "FeatureID"]
    return [f"{prefix}Geo_{c}" for c in cols]


def _event_columns(adm2: bool) -> tuple[str, ...]:
    return ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", *_actor("1"), *_actor("2"),
            "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
            "NumMentions", "NumSources", "NumArticles", "AvgTone", *_geo("Actor1", adm2), *_geo("Actor2", adm2),
            *_geo("Action", adm2), "DATEADDED", "SOURCEURL")


GDELT1_EVENT_COLUMNS = _event_columns(adm2=False)
"""GDELT 1.0 event columns (58; the first 57 before April 2013)."""
GDELT2_EVENT_COLUMNS = _event_columns(adm2=True)
"""GDELT 2.0 event columns (61)."""
MENTION_COLUMNS = ("GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
                   "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
                   "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo",
                   "Extras")
"""GDELT 2.0 Mentions columns (16)."""

_EVENT_REQUIRED = ("GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor2Name", "EventCode", "EventRootCode",
                   "QuadClass", "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_Lat", "ActionGeo_Long")
_MENTION_REQUIRED = ("GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionSourceName", "MentionIdentifier")


def _layout(path: Path, encoding: str, known: dict[int, tuple[str, ...]], first: str) -> tuple[str, list | None,
                                                                                              list[str]]:
    """Return (separator, names for a headerless file or None, the file's column names)."""
    with open(path, encoding=encoding, errors="replace") as f:
        line = f.readline().lstrip("\ufeff").rstrip("\r\n")
    sep = "\t" if "\t" in line else ","
    head = header_of(path, sep, encoding)
    if head and head[0].strip().upper() == first.upper():
        return sep, None, head
    names = known.get(len(head))
    if names is None:
        return sep, None, head  # reported as missing columns by the caller
    return sep, list(names), list(names)


def _canonical(raw: pd.DataFrame, names: tuple[str, ...]) -> pd.DataFrame:
    """Rename columns to GDELT's documented spelling, matching case-insensitively."""
    by_lower = {n.lower(): n for n in names}
    return raw.rename(columns={c: by_lower.get(c.strip().lower(), c) for c in raw.columns})


def read_gdelt_events(path: str | Path, *, errors: str = "raise", encoding: str = "utf-8", engine: str = "pyarrow",
                      cameo: str | Path | Mapping[str, str] | None = None, dataset: str = "gdelt") -> pd.DataFrame:
    """Read a GDELT 1.0 or 2.0 events file into the event model.

    Parameters
    ----------
    path : str or Path
        A raw GDELT export (``*.export.CSV``, tab-separated, no header) or a file with a header row.
    errors : {"raise", "warn"}
    encoding : str
    engine : {"pyarrow", "pandas", "duckdb"}
    cameo : path or mapping, optional
        A fuller CAMEO lookup (see :func:`conflictlab.io.cameo.read_cameo_codes`); the built-in one names the
        root codes and the violent codes.
    dataset : str

    Returns
    -------
    DataFrame
        The event model's columns, then ``orig_<column>`` with GDELT's column names.

    Examples
    --------
    >>> ev = read_gdelt_events("20240213.export.CSV")  # doctest: +SKIP
    """
    path = Path(path)
    known = {57: GDELT1_EVENT_COLUMNS[:-1], 58: GDELT1_EVENT_COLUMNS, 61: GDELT2_EVENT_COLUMNS}
    sep, names, _ = _layout(path, encoding, known, "GLOBALEVENTID")
    raw = _canonical(read_text(path, sep=sep, names=names, encoding=encoding, engine=engine), GDELT2_EVENT_COLUMNS)
    require_columns(path, raw.columns, _EVENT_REQUIRED, "GDELT events")
    checks = RowChecks(path, raw, "GLOBALEVENTID", sep=sep, encoding=encoding, header=names is None, what="event")

    event_id = to_text(raw["GLOBALEVENTID"])
    checks.bad(event_id.isna(), "GLOBALEVENTID", "no event id")
    date, bad = to_date(raw["SQLDATE"], ("%Y%m%d",))
    checks.bad(bad, "SQLDATE", lambda v: f"not a YYYYMMDD date: {v!r}")
    checks.bad(date.isna() & ~bad, "SQLDATE", "no date")
    lat, bad_lat = to_float(raw["ActionGeo_Lat"])
    lon, bad_lon = to_float(raw["ActionGeo_Long"])
    checks.bad(bad_lat | (lat.abs() > 90), "ActionGeo_Lat", lambda v: f"not a latitude: {v!r}", drop=False)
    checks.bad(bad_lon | (lon.abs() > 180), "ActionGeo_Long", lambda v: f"not a longitude: {v!r}", drop=False)
    geo_type, bad = to_int(raw["ActionGeo_Type"])
    precision = geo_type.astype("object").map(PRECISION_MAPS["gdelt_geo_type"])
    checks.bad(bad | (geo_type.notna() & (geo_type != 0) & precision.isna()), "ActionGeo_Type",
               lambda v: f"unknown geography type {v!r} (expected 1-5)", drop=False)
    quad, bad = to_int(raw["QuadClass"])
    checks.bad(bad, "QuadClass", lambda v: f"not a whole number: {v!r}", drop=False)

    keep, problems, quirks = checks.finish(errors)
    lookup = read_cameo_codes(cameo) if isinstance(cameo, (str, Path)) else cameo
    full = to_text(raw["ActionGeo_FullName"])
    parts = full.str.split(", ")
    n_parts = parts.str.len()
    conflict = quad.isin([3, 4]).fillna(False)
    actor1, actor2 = to_text(raw["Actor1Name"]), to_text(raw["Actor2Name"])
    url = to_text(raw["SOURCEURL"]) if "SOURCEURL" in raw else pd.Series(pd.NA, index=raw.index, dtype="str")
    model = {
        "event_id": event_id, "dataset": dataset, "date": date, "end_date": date,
        "date_precision": pd.Series("day", index=raw.index, dtype="str").where(date.notna()),
        "latitude": lat.where(lat.abs() <= 90), "longitude": lon.where(lon.abs() <= 180),
        "location_precision": precision, "location": full,
        "country": parts.str[-1].where(n_parts >= 1),
        "admin1": parts.str[-2].where((n_parts >= 2) & geo_type.isin([2, 3, 4, 5]).fillna(False)),
        "actor1": actor1, "actor2": actor2,
        "perpetrator": actor1.where(conflict), "target": actor2.where(conflict),
        "event_type": cameo_names(to_text(raw["EventRootCode"]).str.zfill(2), lookup),
        "sub_event_type": cameo_names(to_text(raw["EventCode"]), lookup),
        "source_name": url.str.extract(r"^[a-z]+://(?:www\.)?([^/]+)", expand=False).astype("str"),
        "source_url": url,
    }
    events = assemble(model, raw, keep)
    report(problems, quirks, "GDELT quirk(s)")
    return events


def read_gdelt_mentions(path: str | Path, *, errors: str = "raise", encoding: str = "utf-8",
                        engine: str = "pyarrow") -> pd.DataFrame:
    """Read a GDELT 2.0 Mentions file: one row per (event, document) mention.

    Several outlets mentioning one ``GLOBALEVENTID`` are several reports of one event; the table is documented
    in :data:`conflictlab.model.events.EVENT_SCHEMAS` (``"mentions"``), followed by ``orig_<column>``.

    Examples
    --------
    >>> from conflictlab.datasets import local_path
    >>> m = read_gdelt_mentions(local_path("gdelt-mentions-sample"))  # doctest: +SKIP
    >>> m["event_id"].nunique()  # doctest: +SKIP
    1430
    """
    path = Path(path)
    sep, names, _ = _layout(path, encoding, {16: MENTION_COLUMNS}, "GLOBALEVENTID")
    raw = _canonical(read_text(path, sep=sep, names=names, encoding=encoding, engine=engine), MENTION_COLUMNS)
    require_columns(path, raw.columns, _MENTION_REQUIRED, "GDELT mentions")
    checks = RowChecks(path, raw, "GLOBALEVENTID", sep=sep, encoding=encoding, header=names is None,
                       what="mention of event")
    event_id = to_text(raw["GLOBALEVENTID"])
    checks.bad(event_id.isna(), "GLOBALEVENTID", "no event id")
    times = {}
    for col in ("EventTimeDate", "MentionTimeDate"):
        times[col], bad = to_date(raw[col], ("%Y%m%d%H%M%S",))
        checks.bad(bad, col, lambda v: f"not a YYYYMMDDHHMMSS time: {v!r}")
        checks.bad(times[col].isna() & ~bad, col, "no time")
    num = {}
    for col in ("MentionType", "SentenceID", "Confidence"):
        if col in raw:
            num[col], bad = to_int(raw[col])
            checks.bad(bad, col, lambda v: f"not a whole number: {v!r}", drop=False)
    tone, bad = to_float(raw["MentionDocTone"]) if "MentionDocTone" in raw else (None, None)
    if bad is not None:
        checks.bad(bad, "MentionDocTone", lambda v: f"not a number: {v!r}", drop=False)
    in_text = None
    if "InRawText" in raw:
        in_text = to_text(raw["InRawText"]).astype("object").map({"1": True, "0": False}).astype("boolean")
    keep, problems, quirks = checks.finish(errors)
    model = {
        "event_id": event_id, "dataset": "gdelt", "event_time": times["EventTimeDate"],
        "mention_time": times["MentionTimeDate"], "mention_type": num.get("MentionType"),
        "source_name": to_text(raw["MentionSourceName"]), "source_url": to_text(raw["MentionIdentifier"]),
        "sentence": num.get("SentenceID"), "in_raw_text": in_text, "confidence": num.get("Confidence"),
        "doc_tone": tone,
    }
    model = {k: v for k, v in model.items() if v is not None}
    mentions = assemble(model, raw, keep, table="mentions")
    report(problems, quirks, "GDELT quirk(s)")
    return mentions
