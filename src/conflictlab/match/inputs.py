"""Read the event tables given to :func:`conflictlab.match.match` into one canonical table of entries.

Every later step works on integer keys: an entry's ``eid`` is its rank when all entries are sorted by
``(dataset, event_id)``, and a dataset's ``ds`` is its rank among the dataset names. Both depend only on names
and ids, never on the order in which tables or rows were given, which is what makes the matcher's result
independent of input order.

Input columns (per dataset; the columns of :data:`conflictlab.model.events.EVENT_SCHEMAS` ``"events"``):

==================== ========== ========================================================================
column               required   meaning
==================== ========== ========================================================================
``event_id``         yes        the entry's id, unique within its dataset (read as text)
``date``             yes        first day of the entry (date-like)
``end_date``         no         last day; missing or empty means ``date`` (a one-day *event*); later than
                                ``date`` makes the entry an *episode*
``latitude``         yes        degrees; an entry without coordinates is never matched (flag ``unlocated``)
``longitude``        yes        degrees
``date_precision``   no         ``minute``/``hour``/``day`` (precise) or ``month``/``year`` (imprecise)
``location_precision`` no       ``point``/``settlement`` (precise), ``admin2``/``admin1``/``country``
taxonomy columns     no         one column per taxonomy, holding the dataset's own codes
``dataset``          no         the dataset's name when tables are given as a list or as one table
==================== ========== ========================================================================

Examples
--------
>>> import pandas as pd
>>> t = pd.DataFrame({"event_id": [2, 1], "date": ["2024-01-02", "2024-01-01"],
...                   "latitude": [1.0, 2.0], "longitude": [3.0, 4.0]})
>>> e = read_entries({"b": t, "a": t}).entries
>>> e[["eid", "dataset", "event_id", "day_lo"]].values.tolist()
[[0, 'a', '1', 19723], [1, 'a', '2', 19724], [2, 'b', '1', 19723], [3, 'b', '2', 19724]]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["Entries", "read_entries", "split_datasets", "KIND_EVENT", "KIND_EPISODE", "KIND_UNCERTAIN", "KINDS",
           "PRECISE_DATES", "DEFAULT_LOCATION_RADIUS_KM", "DEFAULT_DATE_SLACK_DAYS"]

KIND_EVENT, KIND_EPISODE, KIND_UNCERTAIN = 0, 1, 2
KINDS = ("event", "episode", "uncertain")
"""Entry kinds: a one-day *event*; a multi-day *episode*; an entry whose date is only known to a window
(``date_precision`` coarser than a day, with ``precision="widen"``)."""

PRECISE_DATES = frozenset({"minute", "hour", "day"})
"""Date precisions that pin an entry to its days."""

DEFAULT_LOCATION_RADIUS_KM: dict[str, float | None] = {
    "point": 0.0, "settlement": 0.0, "admin2": 25.0, "admin1": 100.0, "country": None}
"""How far (km) the true place of an entry may lie from its coordinates, per ``location_precision``; ``None``
means too vague to match (the entry is left alone and flagged)."""

DEFAULT_DATE_SLACK_DAYS: dict[str, int] = {"minute": 0, "hour": 0, "day": 0, "month": 15, "year": 183}
"""Days added on each side of an imprecise entry that gives a single day (``date == end_date``)."""

REQUIRED = ("event_id", "date", "latitude", "longitude")


@dataclass(frozen=True)
class Entries:
    """All entries of all datasets, canonically ordered.

    Attributes
    ----------
    entries : DataFrame
        One row per entry, sorted by ``(dataset, event_id)``: ``eid`` (int64, the row number), ``ds`` (int32,
        rank of the dataset name), ``dataset``, ``event_id`` (str), ``date``, ``end_date`` (datetime64[s]),
        ``day_lo``/``day_hi`` (int64 days since 1970-01-01: the span used for matching), ``latitude``,
        ``longitude`` (float64), ``kind`` (int8, see :data:`KINDS`), ``radius_km`` (float64; NaN = too vague),
        ``imprecise_date``, ``imprecise_location``, ``unlocated`` (bool).
    datasets : tuple of str
        Dataset names in ``ds`` order (sorted).
    source : dict
        Dataset name -> the table as given (for joining other columns back).
    """

    entries: pd.DataFrame
    datasets: tuple[str, ...]
    source: dict[str, pd.DataFrame]


def split_datasets(datasets: Mapping[str, pd.DataFrame] | Sequence[pd.DataFrame] | pd.DataFrame
                   ) -> dict[str, pd.DataFrame]:
    """Return ``{name: table}`` from a mapping, a list of tables, or one table with a ``dataset`` column.

    A table in a list is named by its ``dataset`` column (one value) or, without one, ``dataset1``,
    ``dataset2``, ... by position.

    Examples
    --------
    >>> one = pd.DataFrame({"dataset": ["x", "y", "x"], "event_id": [1, 2, 3]})
    >>> {k: len(v) for k, v in split_datasets(one).items()}
    {'x': 2, 'y': 1}
    """
    if isinstance(datasets, pd.DataFrame):
        if "dataset" not in datasets.columns:
            raise ValueError("one table was given: it needs a 'dataset' column saying which dataset each row is from")
        names = datasets["dataset"].astype("str")
        return {str(n): datasets.loc[(names == n).to_numpy()] for n in sorted(names.dropna().unique())}
    if isinstance(datasets, Mapping):
        out = {str(k): v for k, v in datasets.items()}
    else:
        out = {}
        for i, table in enumerate(datasets):
            if "dataset" in table.columns and table["dataset"].nunique() == 1:
                name = str(table["dataset"].iloc[0])
            else:
                name = f"dataset{i + 1}"
            if name in out:
                raise ValueError(f"two tables are both named {name!r}: pass a mapping {{name: table}}")
            out[name] = table
    if len(out) < 2:
        raise ValueError(f"matching needs at least two datasets, got {len(out)}")
    for name, table in out.items():
        if not isinstance(table, pd.DataFrame):
            raise TypeError(f"dataset {name!r} is a {type(table).__name__}, not a DataFrame")
    return out


def _days(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    ts = pd.to_datetime(values, errors="raise")
    if getattr(ts.dt, "tz", None) is not None:
        ts = ts.dt.tz_localize(None)
    days = ts.dt.floor("D").to_numpy(dtype="datetime64[D]")
    return days.astype("int64"), np.isnat(days)


def _one(name: str, table: pd.DataFrame, precision: str, radius: Mapping[str, float | None],
         slack: Mapping[str, int]) -> pd.DataFrame:
    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        raise KeyError(f"dataset {name!r}: required column(s) {missing} missing (see conflictlab.match.inputs)")
    n = len(table)
    ids = table["event_id"].astype("str").reset_index(drop=True)
    if ids.isna().any():
        raise ValueError(f"dataset {name!r}: {int(ids.isna().sum())} entries have no event_id")
    dup = ids.duplicated(keep=False)
    if dup.any():
        raise ValueError(f"dataset {name!r}: event_id not unique: {sorted(ids[dup].unique())[:5]}")
    lo, lo_nat = _days(table["date"].reset_index(drop=True))
    if lo_nat.any():
        raise ValueError(f"dataset {name!r}: {int(lo_nat.sum())} entries have no date, e.g. event_id "
                         f"{ids[lo_nat].iloc[0]!r}")
    if "end_date" in table.columns:
        hi, hi_nat = _days(table["end_date"].reset_index(drop=True))
        hi = np.where(hi_nat, lo, hi)
    else:
        hi = lo.copy()
    bad = hi < lo
    if bad.any():
        raise ValueError(f"dataset {name!r}: end_date before date for {int(bad.sum())} entries, e.g. event_id "
                         f"{ids[bad].iloc[0]!r}")
    lat = pd.to_numeric(table["latitude"], errors="raise").to_numpy(dtype="float64", na_value=np.nan)
    lon = pd.to_numeric(table["longitude"], errors="raise").to_numpy(dtype="float64", na_value=np.nan)
    unlocated = ~(np.isfinite(lat) & np.isfinite(lon) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180))

    if "date_precision" in table.columns:
        dprec = table["date_precision"].astype("str").reset_index(drop=True)
        known = dprec.notna().to_numpy()
        imprecise_date = known & ~dprec.isin(PRECISE_DATES).to_numpy()
        unknown = sorted(set(dprec[known & imprecise_date]) - set(slack))
        if unknown:
            raise ValueError(f"dataset {name!r}: unknown date_precision value(s) {unknown}; known: {sorted(slack)}")
    else:
        dprec, imprecise_date = None, np.zeros(n, dtype=bool)
    if "location_precision" in table.columns:
        lprec = table["location_precision"].astype("str").reset_index(drop=True)
        unknown = sorted(set(lprec.dropna()) - set(radius))
        if unknown:
            raise ValueError(f"dataset {name!r}: unknown location_precision value(s) {unknown}; "
                             f"known: {sorted(radius)}")
        rad = lprec.map(lambda v: np.nan if (v is None or v != v) else radius[v]).to_numpy(dtype="float64",
                                                                                          na_value=np.nan)
        rad = np.where(lprec.isna().to_numpy(), 0.0, rad)
        imprecise_location = rad != 0.0  # NaN (too vague) counts as imprecise
    else:
        rad, imprecise_location = np.zeros(n), np.zeros(n, dtype=bool)

    kind = np.where(hi > lo, KIND_EPISODE, KIND_EVENT).astype("int8")
    given_lo, given_hi = lo, hi
    if precision == "widen":
        if imprecise_date.any():
            one_day = imprecise_date & (hi == lo)
            pad = dprec.map(lambda v: slack.get(v, 0)).to_numpy(dtype="int64", na_value=0)
            lo = np.where(one_day, lo - pad, lo)
            hi = np.where(one_day, hi + pad, hi)
            kind = np.where(imprecise_date, KIND_UNCERTAIN, kind).astype("int8")
    else:
        rad = np.where(np.isnan(rad), np.nan, 0.0)  # 'flag': plain windows; too vague stays unmatched
    return pd.DataFrame({
        "dataset": pd.Series([name] * n, dtype="str"),
        "event_id": ids.astype("str"),
        "date": given_lo.astype("datetime64[D]").astype("datetime64[s]"),
        "end_date": given_hi.astype("datetime64[D]").astype("datetime64[s]"),
        "day_lo": lo, "day_hi": hi,
        "latitude": lat, "longitude": lon,
        "kind": kind, "radius_km": rad,
        "imprecise_date": imprecise_date, "imprecise_location": imprecise_location, "unlocated": unlocated,
        "row": np.arange(n, dtype="int64"),
    })


def read_entries(datasets: Mapping[str, pd.DataFrame] | Sequence[pd.DataFrame] | pd.DataFrame, *,
                 precision: str = "widen", location_radius_km: Mapping[str, float | None] | None = None,
                 date_slack_days: Mapping[str, int] | None = None) -> Entries:
    """Check the tables and return their entries in canonical order (see the module docstring for columns).

    Parameters
    ----------
    datasets : mapping, list of DataFrame, or DataFrame
        See :func:`split_datasets`.
    precision : {"widen", "flag"}
        ``widen``: an imprecise location widens the spatial window by its radius
        (:data:`DEFAULT_LOCATION_RADIUS_KM`) and an imprecise date makes the entry match anything whose span
        comes within the temporal window of its span; ``flag``: the windows stay as given. Either way the
        entries are flagged.
    location_radius_km, date_slack_days : mapping, optional
        Overrides of :data:`DEFAULT_LOCATION_RADIUS_KM` and :data:`DEFAULT_DATE_SLACK_DAYS`.
    """
    if precision not in ("widen", "flag"):
        raise ValueError(f"precision must be 'widen' or 'flag', not {precision!r}")
    radius = {**DEFAULT_LOCATION_RADIUS_KM, **(location_radius_km or {})}
    slack = {**DEFAULT_DATE_SLACK_DAYS, **(date_slack_days or {})}
    tables = split_datasets(datasets)
    names = tuple(sorted(tables))
    parts = []
    for name in names:  # datasets in name order, each sorted by event_id (arrow's sort: fast, code-point order)
        part = _one(name, tables[name], precision, radius, slack)
        parts.append(part.take(part["event_id"].argsort(kind="stable").to_numpy()))
    entries = pd.concat(parts, ignore_index=True)
    entries.insert(0, "ds", np.repeat(np.arange(len(names), dtype="int32"), [len(p) for p in parts]))
    entries.insert(0, "eid", np.arange(len(entries), dtype="int64"))
    return Entries(entries, names, {n: tables[n] for n in names})

