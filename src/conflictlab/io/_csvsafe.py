"""Spreadsheet formula-injection guard for CSV exports, reversible so that round trips stay lossless.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula by Excel,
LibreOffice and Google Sheets. :func:`guard` prefixes such text cells with an apostrophe (which spreadsheets
show as text); a cell that already starts with an apostrophe gets one more, so :func:`unguard` can remove
exactly one and give back the original.

Examples
--------
>>> guard_text("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> unguard_text(guard_text("'quoted"))
"'quoted"
>>> guard_text("-3 killed"), guard_text("plain")
("'-3 killed", 'plain')
"""

from __future__ import annotations

import pandas as pd

__all__ = ["guard", "unguard", "guard_text", "unguard_text", "to_safe_csv", "TRIGGERS"]

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")


def guard_text(text: str) -> str:
    """Return ``text`` made safe for a spreadsheet cell."""
    return "'" + text if text.startswith(TRIGGERS) else text


def unguard_text(text: str) -> str:
    """Invert :func:`guard_text`."""
    return text[1:] if text.startswith("'") and text[1:].startswith(TRIGGERS) else text


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if frame[c].dtype == "str" or frame[c].dtype == object
            or isinstance(frame[c].dtype, pd.CategoricalDtype)]


def guard(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` whose text cells are guarded (vectorised)."""
    out = frame.copy()
    for c in _text_columns(out):
        s = out[c].astype("object")
        text = s.where(s.isna(), s.astype(str))
        risky = text.notna() & text.astype("str").str.startswith(TRIGGERS)
        out[c] = text.where(~risky, "'" + text.astype("str"))
    return out


def unguard(frame: pd.DataFrame) -> pd.DataFrame:
    """Invert :func:`guard` on text columns (vectorised)."""
    out = frame.copy()
    for c in _text_columns(out):
        s = out[c]
        text = s.astype("str")
        guarded = s.notna() & text.str.startswith("'") & text.str[1:].str.startswith(TRIGGERS)
        if guarded.any():
            out[c] = s.where(~guarded, text.str[1:])
    return out


def to_safe_csv(frame: pd.DataFrame, path=None) -> str | None:
    """Write ``frame`` as guarded CSV (UTF-8, no index) to ``path``, or return the text when ``path`` is None.

    Rows end with CRLF as RFC 4180 has it: with that line terminator a text cell holding a lone carriage
    return is quoted, so it reads back as one cell (with ``\\n`` as terminator it would split the row).

    Examples
    --------
    >>> to_safe_csv(pd.DataFrame({"name": ["=1+1", "a\\rb"], "n": [1, 2]}))
    'name,n\\r\\n\\'=1+1,1\\r\\n"a\\rb",2\\r\\n'
    """
    return guard(frame).to_csv(path, index=False, encoding="utf-8", lineterminator="\r\n")
