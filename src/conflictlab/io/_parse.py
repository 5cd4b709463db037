"""Vectorised parsing of text columns into the event model's dtypes, returning what could not be read.

Each function returns the parsed values and a boolean mask of cells that hold text but could not be parsed
(empty cells are missing, not bad), so a reader can report each bad cell by line and field.

Examples
--------
>>> s = pd.Series(["3", "", "x", "4.0"], dtype="str")
>>> values, bad = to_int(s)
>>> values.tolist(), bad.tolist()
([3, <NA>, <NA>, 4], [False, False, True, False])
>>> d, bad = to_date(pd.Series(["2024-02-13 00:00:00.000", "13 February 2024", "2024-13-01"], dtype="str"))
>>> d.dt.strftime("%Y-%m-%d").tolist(), bad.tolist()
(['2024-02-13', '2024-02-13', nan], [False, False, True])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["to_int", "to_float", "to_date", "to_text", "TRUE_WORDS"]

TRUE_WORDS = {"true": True, "false": False, "1": True, "0": False}


def _filled(values: pd.Series) -> pd.Series:
    return values.notna() & (values.astype("str").str.strip() != "")


def to_float(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse numbers as float64; return (values, bad mask)."""
    if values.dtype.kind in "iuf":
        return values.astype("float64"), pd.Series(False, index=values.index)
    try:  # fast path: pyarrow's cast of clean text (empty cells are already missing)
        out = values.astype("float64")
        return out, pd.Series(False, index=values.index)
    except Exception:  # noqa: BLE001 - pyarrow raises ArrowInvalid (a ValueError subclass) on bad text
        pass
    out = pd.to_numeric(values.astype("str").str.strip(), errors="coerce").astype("float64")
    return out, _filled(values) & out.isna()


def to_int(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse whole numbers (``"4"``, ``"4.0"``) as Int64; a fraction or text is bad."""
    if values.dtype.kind in "iu":
        return values.astype("Int64"), pd.Series(False, index=values.index)
    f, bad = to_float(values)
    frac = f.notna() & (np.floor(f) != f)
    f = f.where(~frac)
    return f.round().astype("Int64"), bad | frac


def to_date(values: pd.Series, formats: tuple[str, ...] = ("ISO8601", "%d %B %Y", "%Y%m%d")) -> tuple[pd.Series,
                                                                                                       pd.Series]:
    """Parse dates, trying each format in turn on what is still unparsed; return datetime64[s] and bad mask."""
    if values.dtype.kind == "M":
        return values.astype("datetime64[s]"), pd.Series(False, index=values.index)
    text = values.astype("str").str.strip()
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[s]")
    todo = _filled(values)
    for fmt in formats:
        if not todo.any():
            break
        parsed = pd.to_datetime(text[todo], format=fmt, errors="coerce")
        ok = parsed.notna()
        out.loc[ok[ok].index] = parsed[ok].astype("datetime64[s]")
        todo = todo & out.isna()
    return out, todo


def to_text(values: pd.Series) -> pd.Series:
    """Return ``values`` as the str dtype, stripped, with empty text missing."""
    s = values.astype("str").str.strip()
    return s.where(s != "")
