"""UCDP Georeferenced Event Dataset (GED): read a GED CSV (or Parquet) file into the event model.

Both GED layouts are read: the current 49-column one (``relid``, ``code_status``, ``*_dset_id``,
``where_description``, ``gwnoa`` ...) and the older 41-column one of GED 19.1 and earlier. Only the columns both
share are required; every column of the file is kept as ``orig_<column>``.

UCDP GED is CC BY 4.0: cite Sundberg & Melander (2013) and the GED version used
(``conflictlab.datasets.citation("ucdp-ged-mexico")``).

Policy on bad input (``errors=``): ``"raise"`` (default) raises one :class:`~conflictlab.CasebookError` listing
every problem with its file, line, event id and field; ``"warn"`` keeps every row whose id and dates can be read
(other unreadable cells are left empty) and warns with :class:`~conflictlab.model.events.EventDataWarning`.
Known quirks never raise: rows where ``low <= best <= high`` does not hold are kept as published, with a warning.

Examples
--------
>>> import tempfile, os
>>> row = ("id,year,type_of_violence,side_a,side_b,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,"
...        "country,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,low,best,high,"
...        "source_article,source_office\\n"
...        "1,2020,3,Government of X,Civilians,1,Town,Prov,,40.1,45.2,X,1,2020-10-04,2020-10-04,0,0,2,0,2,2,3,a,b\\n")
>>> with tempfile.TemporaryDirectory() as d:
...     p = os.path.join(d, "ged.csv")
...     _ = open(p, "w").write(row)
...     ev = read_ucdp_ged(p)
>>> ev.loc[0, ["event_id", "perpetrator", "location_precision"]].tolist(), int(ev.loc[0, "fatalities_high"])
(['1', 'Government of X', 'settlement'], 3)
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..model.events import PRECISION_MAPS
from ._events import assemble, report
from ._parse import to_date, to_float, to_int, to_text
from ._tabular import RowChecks, read_text, require_columns

__all__ = ["read_ucdp_ged", "ucdp_sources", "GED_REQUIRED", "GED_LAYOUT_49", "TYPES_OF_VIOLENCE"]

GED_REQUIRED = (
    "id", "year", "type_of_violence", "side_a", "side_b", "where_prec", "where_coordinates", "adm_1", "adm_2",
    "latitude", "longitude", "country", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "low", "best", "high", "source_article", "source_office",
)
"""Columns shared by both GED layouts (the ones the event model reads)."""

GED_LAYOUT_49 = ("relid", "code_status", "conflict_dset_id", "dyad_dset_id", "side_a_dset_id", "side_b_dset_id",
                 "where_description", "gwnoa")
"""Columns of the current 49-column layout that the older 41-column layout lacks."""

TYPES_OF_VIOLENCE = {1: "state-based", 2: "non-state", 3: "one-sided"}


def read_ucdp_ged(path: str | Path, *, errors: str = "raise", encoding: str = "utf-8", engine: str = "pyarrow",
                  dataset: str = "ucdp-ged") -> pd.DataFrame:
    """Read a UCDP GED file into the event model (:data:`conflictlab.model.events.EVENT_SCHEMAS`).

    Parameters
    ----------
    path : str or Path
        A GED CSV (UCDP's download, either layout) or a Parquet file with the same columns.
    errors : {"raise", "warn"}
        What to do with unreadable ids, dates and numbers (see the module's policy).
    encoding : str
        The file's text encoding (UCDP publishes UTF-8).
    engine : {"pyarrow", "pandas", "duckdb"}
        CSV parser; ``duckdb`` needs ``pip install "conflictlab[duckdb]"``.
    dataset : str
        Value of the ``dataset`` column (name the GED version if you mix several).

    Returns
    -------
    DataFrame
        One row per GED event: the event model's columns, then ``orig_<column>`` for each column of the file.
        Perpetrator and target are set for one-sided violence (``type_of_violence`` 3: side_a on side_b).

    Examples
    --------
    >>> from conflictlab.datasets import local_path
    >>> ev = read_ucdp_ged(local_path("ucdp-ged-sample"))  # doctest: +SKIP
    >>> len(ev)  # doctest: +SKIP
    1000
    """
    path = Path(path)
    raw = read_text(path, encoding=encoding, engine=engine)
    require_columns(path, raw.columns, GED_REQUIRED, "UCDP GED")
    checks = RowChecks(path, raw, "id", encoding=encoding, what="event")

    event_id = to_text(raw["id"])
    checks.bad(event_id.isna(), "id", "no event id")
    start, bad_start = to_date(raw["date_start"])
    end, bad_end = to_date(raw["date_end"])
    checks.bad(bad_start, "date_start", lambda v: f"not a date: {v!r}")
    checks.bad(start.isna() & ~bad_start, "date_start", "no start date")
    checks.bad(bad_end, "date_end", lambda v: f"not a date: {v!r}")
    end = end.fillna(start)
    checks.bad(end < start, "date_end", lambda v: f"{v!r} is before date_start")

    num: dict[str, pd.Series] = {}
    for col in ("low", "best", "high", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
                "type_of_violence", "where_prec", "date_prec"):
        num[col], bad = to_int(raw[col])
        checks.bad(bad, col, lambda v: f"not a whole number: {v!r}", drop=False)
        checks.bad(num[col] < 0, col, lambda v: f"negative: {v!r}", drop=False)
        num[col] = num[col].where(~(num[col] < 0).fillna(False))
    lat, bad_lat = to_float(raw["latitude"])
    lon, bad_lon = to_float(raw["longitude"])
    checks.bad(bad_lat | (lat.abs() > 90), "latitude", lambda v: f"not a latitude: {v!r}", drop=False)
    checks.bad(bad_lon | (lon.abs() > 180), "longitude", lambda v: f"not a longitude: {v!r}", drop=False)
    lat, lon = lat.where(lat.abs() <= 90), lon.where(lon.abs() <= 180)

    date_precision = num["date_prec"].astype("object").map(PRECISION_MAPS["ucdp_date_prec"])
    checks.bad(num["date_prec"].notna() & date_precision.isna(), "date_prec", lambda v: f"unknown code {v!r} "
               "(expected 1-5)", drop=False)
    location_precision = num["where_prec"].astype("object").map(PRECISION_MAPS["ucdp_where_prec"])
    checks.bad(num["where_prec"].notna() & location_precision.isna(), "where_prec", lambda v: f"unknown code {v!r}"
               " (expected 1-7)", drop=False)
    tov = num["type_of_violence"]
    event_type = tov.astype("object").map(TYPES_OF_VIOLENCE)
    checks.bad(tov.notna() & event_type.isna(), "type_of_violence", lambda v: f"unknown code {v!r} (expected 1-3)",
               drop=False)

    low, best, high = num["low"], num["best"], num["high"]
    order = (low <= best) & (best <= high)
    checks.bad(~order.fillna(True), "best", lambda v: f"low <= best <= high does not hold ({v})", quirk=True,
               values=_triples(low, best, high))

    keep, problems, quirks = checks.finish(errors)
    one_sided = (tov == 3).fillna(False)
    side_a, side_b = to_text(raw["side_a"]), to_text(raw["side_b"])
    model = {
        "event_id": event_id, "dataset": dataset, "date": start, "end_date": end,
        "date_precision": date_precision, "latitude": lat, "longitude": lon,
        "location_precision": location_precision, "location": to_text(raw["where_coordinates"]),
        "country": to_text(raw["country"]), "admin1": to_text(raw["adm_1"]), "admin2": to_text(raw["adm_2"]),
        "actor1": side_a, "actor2": side_b,
        "perpetrator": side_a.where(one_sided), "target": side_b.where(one_sided),
        "event_type": event_type,
        "fatalities_low": low, "fatalities_best": best, "fatalities_high": high,
        "deaths_a": num["deaths_a"], "deaths_b": num["deaths_b"], "deaths_civilians": num["deaths_civilians"],
        "deaths_unknown": num["deaths_unknown"],
        "source_name": to_text(raw["source_office"]), "source_text": to_text(raw["source_article"]),
    }
    events = assemble(model, raw, keep)
    report(problems, quirks, "GED row(s) where low <= best <= high does not hold (kept as published)")
    return events


def _triples(low: pd.Series, best: pd.Series, high: pd.Series) -> pd.Series:
    return "low " + low.astype("str") + ", best " + best.astype("str") + ", high " + high.astype("str")


_ITEM = re.compile(r'"([^"]*)"')
_NEW_STYLE = re.compile(r'^(?P<outlet>.*?),\s*(?P<date>\d{4}-\d{2}-\d{2})\s*,(?P<title>.*)$', re.S)
_OLD_STYLE = re.compile(r'^(?P<outlet>.*?)\s+(?P<date>\d{4}-\d{2}-\d{2})\s*"?(?P<title>.*)$', re.S)


def _split_source(item: str) -> tuple[str, str | None, str]:
    """One source of a ``source_article``: (outlet, date text or None, title); free-text dates stay in the title."""
    item = item.strip().strip('"').strip()
    if m := _NEW_STYLE.match(item):  # "Outlet, with commas,YYYY-MM-DD,Title"
        return m["outlet"].strip(), m["date"], m["title"].strip()
    if m := _OLD_STYLE.match(item):
        return m["outlet"].strip(), m["date"], m["title"].strip().strip('"')
    return item, None, ""


def ucdp_sources(events: pd.DataFrame) -> pd.DataFrame:
    """Split each UCDP GED event's ``source_article`` into its sources: one row per (event, source).

    GED lists the reports behind an event in one text field, either as quoted ``"Outlet,YYYY-MM-DD,Title"``
    items separated by ``;`` or, in older records, as ``Outlet YYYY-MM-DD "TITLE``.

    Parameters
    ----------
    events : DataFrame
        Events from :func:`read_ucdp_ged` (``event_id`` and ``source_text``).

    Returns
    -------
    DataFrame
        ``event_id``, ``position`` (0-based order in the field), ``outlet``, ``published`` (datetime64[s], NaT
        when the item has no date), ``title``, ``raw`` (the item as written).

    Examples
    --------
    >>> ev = pd.DataFrame({"event_id": ["1", "2"], "source_text": [
    ...     '"Support Kurds in Syria,2013-01-03, Thursday 3 January 2013";"VDC,2013-01-03,Abdul Satar"',
    ...     'Reuters 1989-05-17 "ANGOLAN UNITA REBELS BLOW UP POWER LINES']})
    >>> ucdp_sources(ev)[["event_id", "position", "outlet", "title"]].values.tolist()
    [['1', 0, 'Support Kurds in Syria', 'Thursday 3 January 2013'], ['1', 1, 'VDC', 'Abdul Satar'], ['2', 0, 'Reuters', 'ANGOLAN UNITA REBELS BLOW UP POWER LINES']]
    """
    rows = []
    for event_id, text in zip(events["event_id"], events["source_text"], strict=True):
        if not isinstance(text, str) or not text.strip():
            continue
        items = _ITEM.findall(text) if text.lstrip().startswith('"') and text.count('"') >= 2 else [text]
        for position, item in enumerate(i for i in items if re.search(r"\w", i)):  # no bare ';' fragments
            outlet, date, title = _split_source(item)
            rows.append((event_id, position, outlet, date, title, item))
    out = pd.DataFrame(rows, columns=["event_id", "position", "outlet", "published", "title", "raw"])
    out["published"] = pd.to_datetime(out["published"], format="%Y-%m-%d", errors="coerce").astype("datetime64[s]")
    return out.astype({"event_id": "str", "position": "int64", "outlet": "str", "title": "str", "raw": "str"})
