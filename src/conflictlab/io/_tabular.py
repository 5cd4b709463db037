"""Reading delimited data files as text, with problems located by file, line and field.

All dataset readers read every column as text first (so the ``orig_*`` columns keep the file's exact values),
then convert the columns the event model needs. Three engines read the same way: ``"pyarrow"`` (default,
multi-threaded), ``"pandas"`` (the C parser) and ``"duckdb"`` (optional, ``pip install "conflictlab[duckdb]"``).
Parquet files are read as they are typed.

Problems are collected, never raised one at a time: :class:`RowChecks` records each bad cell vectorised, and
line numbers are found only for the rows that have a problem (a second pass with :mod:`csv`, so that quoted
newlines inside a cell are counted right).

Examples
--------
>>> import tempfile, os
>>> with tempfile.TemporaryDirectory() as d:
...     p = os.path.join(d, "x.csv")
...     _ = open(p, "w", encoding="utf-8").write('id,text\\n1,"two\\nlines"\\n2,b\\n')
...     t = read_text(p)
...     lines = record_lines(p, [1])
>>> t["text"].tolist(), lines
(['two\\nlines', 'b'], {1: 4})
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .._optional import require
from ..model.problems import CasebookError, Problem

__all__ = ["read_text", "read_records", "header_of", "record_lines", "require_columns", "RowChecks", "ENGINES", "MAX_LISTED"]

ENGINES = ("pyarrow", "pandas", "duckdb")

MAX_LISTED = 200
"""At most this many problems are listed in one error (the count of the rest is given)."""


def header_of(path: Path, sep: str = ",", encoding: str = "utf-8") -> list[str]:
    """Return the column names in the first line of ``path``."""
    with open(path, encoding=encoding, newline="", errors="replace") as f:
        first = f.readline()
    return next(csv.reader([first.lstrip("\ufeff")], delimiter=sep), [])


def read_text(path: str | Path, *, sep: str = ",", names: Sequence[str] | None = None, encoding: str = "utf-8",
              engine: str = "pyarrow") -> pd.DataFrame:
    """Read a delimited file (or a Parquet file) with every column as text; empty cells are missing.

    Parameters
    ----------
    path : str or Path
    sep : str
        Field delimiter (``","``; GDELT raw files use ``"\\t"``).
    names : sequence of str, optional
        Column names for a file without a header row.
    encoding : str
        Text encoding; a byte that is not valid in it raises :class:`CasebookError` naming line and field.
    engine : {"pyarrow", "pandas", "duckdb"}

    Raises
    ------
    FileNotFoundError, CasebookError
    """
    path = Path(path)
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    if not path.exists():
        raise FileNotFoundError(f"no data file at {path}")
    if path.suffix.lower() == ".parquet":
        return _read_parquet(path, engine)
    cols = list(names) if names is not None else header_of(path, sep, encoding)
    try:
        if engine == "pyarrow":
            return _read_pyarrow(path, sep, names, cols, encoding)
        if engine == "duckdb":
            return _read_duckdb(path, sep, names, encoding)
        return pd.read_csv(path, sep=sep, dtype="str", keep_default_na=False, na_values=[""], encoding=encoding,
                           header=None if names is not None else 0, names=list(names) if names else None,
                           encoding_errors="strict")
    except UnicodeDecodeError:
        raise CasebookError([_encoding_problem(path, sep, encoding, cols)]) from None
    except CasebookError:
        raise
    except Exception as exc:  # parser errors differ by engine; the invalid-UTF-8 case gets located, others named
        text = str(exc)
        if "UTF8" in text or "utf-8" in text.lower() or "unicode" in text.lower():
            raise CasebookError([_encoding_problem(path, sep, encoding, cols)]) from None
        raise CasebookError([Problem(str(path), _line_in(text), None, None, f"cannot parse: {text.strip()}")]) \
            from None


def read_records(path: str | Path) -> pd.DataFrame:
    """Read a JSON list of records (as text columns) or, for any other suffix, a CSV file (:func:`read_text`)."""
    import json

    path = Path(path)
    if path.suffix.lower() != ".json":
        return read_text(path)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise CasebookError([Problem(str(path), None, None, None, f"not UTF-8 text: {exc.reason}")]) from None
    except json.JSONDecodeError as exc:
        raise CasebookError([Problem(str(path), exc.lineno, None, None, f"not JSON: {exc.msg}")]) from None
    if not isinstance(records, list):
        raise CasebookError([Problem(str(path), 1, None, None, "expected a JSON list of records")])
    frame = pd.DataFrame.from_records(records)
    return frame.astype({c: "str" for c in frame.columns}).where(frame.notna())


def _line_in(text: str) -> int | None:
    import re

    m = re.search(r"line (\d+)", text)
    return int(m.group(1)) if m else None


def _read_pyarrow(path: Path, sep: str, names: Sequence[str] | None, cols: list[str], encoding: str) -> pd.DataFrame:
    import pyarrow as pa
    from pyarrow import csv as pacsv

    bad: list[Problem] = []

    def on_invalid(row) -> str:
        bad.append(Problem(str(path), None, None, None,
                           f"expected {row.expected_columns} fields, found {row.actual_columns}: "
                           f"{row.text[:80]!r}"))
        return "skip"

    read = pacsv.ReadOptions(encoding=encoding, column_names=list(names) if names is not None else None,
                             block_size=1 << 24)
    parse = pacsv.ParseOptions(delimiter=sep, newlines_in_values=True, invalid_row_handler=on_invalid)
    convert = pacsv.ConvertOptions(column_types={c: pa.string() for c in cols}, strings_can_be_null=True,
                                   null_values=[""], quoted_strings_can_be_null=True)
    table = pacsv.read_csv(path, read_options=read, parse_options=parse, convert_options=convert)
    if bad:
        raise CasebookError(bad[:MAX_LISTED])
    frame = table.to_pandas()
    if cols and frame.columns[0] != cols[0] and frame.columns[0].lstrip("\ufeff") == cols[0]:
        frame = frame.rename(columns={frame.columns[0]: cols[0]})
    return frame


def _read_duckdb(path: Path, sep: str, names: Sequence[str] | None, encoding: str) -> pd.DataFrame:
    duckdb = require("duckdb", "duckdb")
    con = duckdb.connect()
    try:
        rel = con.read_csv(str(path), sep=sep, header=names is None, all_varchar=True,
                           names=list(names) if names is not None else None,
                           encoding=encoding.lower().replace("_", "-"), quotechar='"', escapechar='"',
                           strict_mode=True, parallel=True)
        arrow = rel.arrow()  # a Table (duckdb < 1.4) or a RecordBatchReader
        return (arrow.read_all() if hasattr(arrow, "read_all") else arrow).to_pandas()
    finally:
        con.close()


def _read_parquet(path: Path, engine: str) -> pd.DataFrame:
    if engine == "duckdb":
        duckdb = require("duckdb", "duckdb")
        con = duckdb.connect()
        try:
            arrow = con.read_parquet(str(path)).arrow()
            return (arrow.read_all() if hasattr(arrow, "read_all") else arrow).to_pandas()
        finally:
            con.close()
    return pd.read_parquet(path)


def _encoding_problem(path: Path, sep: str, encoding: str, cols: list[str]) -> Problem:
    data = path.read_bytes()
    try:
        data.decode(encoding)
        return Problem(str(path), None, None, None, f"cannot be read as {encoding}")
    except UnicodeDecodeError as exc:
        start = exc.start
    line = data.count(b"\n", 0, start) + 1
    begin = data.rfind(b"\n", 0, start) + 1
    text = data[begin:start].decode("latin-1")
    in_quote, index = False, 0
    for ch in text:
        if ch == '"':
            in_quote = not in_quote
        elif ch == sep and not in_quote:
            index += 1
    field = cols[index] if index < len(cols) else None
    return Problem(str(path), line, None, field,
                   f"not valid {encoding} text (byte 0x{data[start]:02x} at offset {start}); "
                   f"pass encoding= the file's encoding (e.g. 'latin-1' or 'cp1252') or re-save it as UTF-8")


def record_lines(path: str | Path, records: Iterable[int], sep: str = ",", encoding: str = "utf-8",
                 header: bool = True) -> dict[int, int]:
    """Map 0-based record numbers to the physical line (1-based) where each record starts.

    Only called for records that have a problem; quoted newlines inside a cell are counted.
    """
    wanted = set(int(r) for r in records)
    if not wanted or Path(path).suffix.lower() in (".parquet", ".json"):
        return {}
    out: dict[int, int] = {}
    last = max(wanted)
    with open(path, encoding=encoding, newline="", errors="replace") as f:
        reader = csv.reader(f, delimiter=sep)
        start = 1
        if header:
            next(reader, None)
            start = reader.line_num + 1
        for i, _row in enumerate(reader):
            if i in wanted:
                out[i] = start
            if i >= last:
                break
            start = reader.line_num + 1
    return out


def require_columns(path: str | Path, columns: Iterable[str], required: Iterable[str], what: str) -> None:
    """Raise :class:`CasebookError` listing every required column missing from a file's header (line 1)."""
    have = set(columns)
    missing = [c for c in required if c not in have]
    if missing:
        shown = ", ".join(sorted(have))
        raise CasebookError([Problem(str(path), 1, None, c, f"required {what} column is missing (the file has: "
                                     f"{shown[:300]})") for c in missing])


class RowChecks:
    """Collect problems on rows of a table read from ``path``, vectorised, and locate them by line at the end.

    ``bad(mask, field, message)`` records a problem for each row where ``mask`` holds; ``message`` is a string
    or a callable taking the row's value. Rows with problems on ``fatal`` fields are dropped by :meth:`finish`
    under ``errors="warn"``; under ``errors="raise"`` :meth:`finish` raises :class:`CasebookError` with all of
    them. A problem on another field (``drop=False``) leaves the cell empty and keeps the row. Quirks
    (``quirk=True``) never drop a row and never raise: they are returned for a warning.
    """

    def __init__(self, path: str | Path, frame: pd.DataFrame, id_column: str | None, sep: str = ",",
                 encoding: str = "utf-8", header: bool = True, what: str = "record"):
        self.path, self.frame, self.id_column = Path(path), frame, id_column
        self.sep, self.encoding, self.header, self.what = sep, encoding, header, what
        self._errors: list[tuple[np.ndarray, str, Callable[[object], str] | str, pd.Series | None]] = []
        self._quirks: list[tuple[np.ndarray, str, Callable[[object], str] | str, pd.Series | None]] = []
        self.dropped = np.zeros(len(frame), dtype=bool)

    def bad(self, mask: pd.Series | np.ndarray, field: str, message: Callable[[object], str] | str,
            values: pd.Series | None = None, quirk: bool = False, drop: bool = True) -> None:
        """Record a problem on ``field`` for each row where ``mask`` holds.

        ``drop``: the row cannot be kept (its id or date is unreadable); otherwise only the cell is left empty.
        ``quirk``: a known peculiarity of the data, reported as a warning and never an error.
        """
        m = np.asarray(pd.Series(mask).fillna(False), dtype=bool)
        if m.any():
            (self._quirks if quirk else self._errors).append((np.flatnonzero(m), field, message, values))
            if drop and not quirk:
                self.dropped[m] = True

    def _problems(self, entries) -> list[Problem]:
        rows = sorted({int(i) for idx, *_ in entries for i in idx[:MAX_LISTED]})
        lines = record_lines(self.path, rows, self.sep, self.encoding, self.header)
        ids = self.frame[self.id_column] if self.id_column and self.id_column in self.frame else None
        out = []
        for idx, field, message, values in entries:
            for i in idx[:MAX_LISTED]:
                v = values.iloc[i] if values is not None else (self.frame[field].iloc[i] if field in self.frame
                                                               else None)
                text = message(v) if callable(message) else message
                rec = f"{self.what} {ids.iloc[i]!r}" if ids is not None and pd.notna(ids.iloc[i]) else \
                    f"{self.what} #{i + 1}"
                line = lines.get(int(i)) if lines else None
                if line is None and self.path.suffix.lower() in (".parquet", ".json"):
                    rec += f" (row {i})"
                out.append(Problem(str(self.path), line, rec, field, text))
        out.sort(key=lambda p: (p.line or 0))
        n = sum(len(idx) for idx, *_ in entries)
        if n > len(out):
            out.append(Problem(str(self.path), None, None, None, f"... and {n - len(out)} more of the same kinds"))
        return out

    def finish(self, errors: str) -> tuple[np.ndarray, list[Problem], list[Problem]]:
        """Return (rows to keep, problems, quirks); raise :class:`CasebookError` on problems if ``errors="raise"``."""
        if errors not in ("raise", "warn"):
            raise ValueError("errors must be 'raise' or 'warn'")
        problems = self._problems(self._errors) if self._errors else []
        if problems and errors == "raise":
            raise CasebookError(problems)
        quirks = self._problems(self._quirks) if self._quirks else []
        return ~self.dropped, problems, quirks

