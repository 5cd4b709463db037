"""ACLED (Armed Conflict Location & Event Data): read a user's own ACLED export into the event model.

ACLED data may not be redistributed, so conflictlab ships none: export your data from ACLED (data export tool
or API, CSV) and read it with :func:`read_acled`. The export's columns (``event_id_cnty``, ``event_date``,
``time_precision``, ``event_type``, ``sub_event_type``, ``actor1``, ``assoc_actor_1``, ``actor2``, ...,
``geo_precision``, ``source``, ``notes``, ``fatalities``, ``timestamp``) are all kept as ``orig_<column>``.
ACLED's terms ask users to cite ACLED and acknowledge it in figures: ``conflictlab.datasets.citation("acled")``.

ACLED reports one fatality figure per event and does not attribute it to a side: ``fatalities_low``,
``fatalities_best`` and ``fatalities_high`` all take it, and the per-side ``deaths_*`` columns stay empty
(:func:`conflictlab.io.events_to_claims` warns when asked for killed per side). ACLED gives one date per event
even when it is known only to the week or month; ``date`` = ``end_date`` = ``event_date`` and
``date_precision`` says how coarse it is. Policy on bad input: as for :func:`conflictlab.io.read_ucdp_ged`.

Examples
--------
>>> import tempfile, os
>>> text = ("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,"
...         "admin2,location,latitude,longitude,geo_precision,source,notes,fatalities\\n"
...         "ARM1,2024-02-13,2024,1,Battles,Armed clash,Military Forces of Azerbaijan (2003-),Military Forces of "
...         "Armenia (2018-),Armenia,Syunik,,Nerkin Hand,39.1,46.4,2,Sources,Clash at the border.,4\\n")
>>> with tempfile.TemporaryDirectory() as d:
...     p = os.path.join(d, "acled.csv")
...     _ = open(p, "w").write(text)
...     ev = read_acled(p)
>>> ev.loc[0, ["event_id", "location_precision"]].tolist(), int(ev.loc[0, "fatalities_best"]), ev.loc[0, "deaths_a"]
(['ARM1', 'admin2'], 4, <NA>)
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..model.events import PRECISION_MAPS
from ._events import assemble, report
from ._parse import to_date, to_float, to_int, to_text
from ._tabular import RowChecks, read_text, require_columns

__all__ = ["read_acled", "ACLED_REQUIRED", "ACLED_COLUMNS", "ACLED_DATE_FORMATS"]

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
"""The columns of an ACLED CSV export (2023 onward), in export order."""

ACLED_REQUIRED = (
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country",
    "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)
"""Columns the event model reads (older exports without ``disorder_type`` or ``admin3`` are accepted)."""

ACLED_DATE_FORMATS = ("ISO8601", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y")
"""``event_date`` as written by the export tool (``2024-02-13``) and by older exports (``13 February 2024``)."""

_AGAINST_CIVILIANS = "Violence against civilians"


def read_acled(path: str | Path, *, errors: str = "raise", encoding: str = "utf-8", engine: str = "pyarrow",
               dataset: str = "acled") -> pd.DataFrame:
    """Read an ACLED CSV export (or Parquet with the same columns) into the event model.

    Parameters
    ----------
    path : str or Path
    errors : {"raise", "warn"}
        ``"raise"``: one :class:`~conflictlab.CasebookError` listing every bad cell (file, line, event, field);
        ``"warn"``: keep rows whose id and date can be read, leave other bad cells empty, and warn.
    encoding : str
        ACLED exports are UTF-8 (a byte-order mark is accepted).
    engine : {"pyarrow", "pandas", "duckdb"}
    dataset : str
        Value of the ``dataset`` column.

    Returns
    -------
    DataFrame
        The event model's columns, then ``orig_<column>`` for each export column. For "Violence against
        civilians" events, ``perpetrator`` is ``actor1`` and ``target`` is ``actor2``.

    Examples
    --------
    >>> read_acled("my_acled_export.csv")  # doctest: +SKIP
    """
    path = Path(path)
    raw = read_text(path, encoding=encoding, engine=engine)
    require_columns(path, raw.columns, ACLED_REQUIRED, "ACLED")
    checks = RowChecks(path, raw, "event_id_cnty", encoding=encoding, what="event")

    event_id = to_text(raw["event_id_cnty"])
    checks.bad(event_id.isna(), "event_id_cnty", "no event id")
    date, bad_date = to_date(raw["event_date"], ACLED_DATE_FORMATS)
    checks.bad(bad_date, "event_date", lambda v: f"not a date: {v!r}")
    checks.bad(date.isna() & ~bad_date, "event_date", "no event date")

    fatalities, bad = to_int(raw["fatalities"])
    checks.bad(bad | (fatalities < 0).fillna(False), "fatalities", lambda v: f"not a count: {v!r}", drop=False)
    fatalities = fatalities.where(~(fatalities < 0).fillna(False))
    codes = {}
    for col, key in (("time_precision", "acled_time_precision"), ("geo_precision", "acled_geo_precision")):
        code, bad = to_int(raw[col])
        codes[col] = code.astype("object").map(PRECISION_MAPS[key])
        checks.bad(bad | (code.notna() & codes[col].isna()), col, lambda v: f"unknown code {v!r} (expected 1-3)",
                   drop=False)
    lat, bad_lat = to_float(raw["latitude"])
    lon, bad_lon = to_float(raw["longitude"])
    checks.bad(bad_lat | (lat.abs() > 90), "latitude", lambda v: f"not a latitude: {v!r}", drop=False)
    checks.bad(bad_lon | (lon.abs() > 180), "longitude", lambda v: f"not a longitude: {v!r}", drop=False)

    keep, problems, quirks = checks.finish(errors)
    event_type = to_text(raw["event_type"])
    vac = (event_type == _AGAINST_CIVILIANS).fillna(False)
    actor1, actor2 = to_text(raw["actor1"]), to_text(raw["actor2"])
    model = {
        "event_id": event_id, "dataset": dataset, "date": date, "end_date": date,
        "date_precision": codes["time_precision"], "latitude": lat.where(lat.abs() <= 90),
        "longitude": lon.where(lon.abs() <= 180), "location_precision": codes["geo_precision"],
        "location": to_text(raw["location"]), "country": to_text(raw["country"]), "admin1": to_text(raw["admin1"]),
        "admin2": to_text(raw["admin2"]), "actor1": actor1, "actor2": actor2,
        "perpetrator": actor1.where(vac), "target": actor2.where(vac),
        "event_type": event_type, "sub_event_type": to_text(raw["sub_event_type"]),
        "fatalities_low": fatalities, "fatalities_best": fatalities, "fatalities_high": fatalities,
        "source_name": to_text(raw["source"]), "source_text": to_text(raw["notes"]),
    }
    events = assemble(model, raw, keep)
    report(problems, quirks, "ACLED quirk(s)")
    return events
