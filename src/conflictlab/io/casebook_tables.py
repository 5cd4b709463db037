"""Casebooks as a folder of tidy tables: one CSV or Parquet file per table plus ``casebook.json`` (metadata).

CSV files are UTF-8 with a header row; text cells that a spreadsheet would run as a formula are guarded with a
leading apostrophe (reversed on reading, see :mod:`conflictlab.io._csvsafe`). Parquet keeps the dtypes as they
are. Both read back to the same tables.

Examples
--------
>>> import tempfile, conflictlab as cl
>>> book = cl.datasets.load("nerkin-hand-2024")
>>> with tempfile.TemporaryDirectory() as d:
...     _ = write_casebook_tables(book, d, format="csv")
...     again = read_casebook_tables(d)
>>> again.claims.equals(book.claims)
True
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from ..model.casebook import Casebook, Location
from ..model.problems import CasebookError, Problem
from ..model.tables import SCHEMAS, TABLES, conform
from ..model.validate import validate
from ._csvsafe import to_safe_csv, unguard

__all__ = ["read_casebook_tables", "write_casebook_tables", "META_FILE"]

META_FILE = "casebook.json"


def write_casebook_tables(book: Casebook, folder: str | Path, format: str = "csv") -> Path:
    """Write each table of ``book`` to ``folder/<table>.csv`` (or ``.parquet``) and the metadata to JSON."""
    if format not in ("csv", "parquet"):
        raise ValueError("format must be 'csv' or 'parquet'")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    meta = {k: v for k, v in book.meta.items() if not k.startswith("_")}
    (folder / META_FILE).write_text(json.dumps({"conflictlab": 1, "format": format, **meta}, ensure_ascii=False,
                                               indent=2, default=str), encoding="utf-8")
    for name, frame in book.tables().items():
        if format == "csv":
            out = frame.copy()
            for c in out.columns:
                if out[c].dtype.kind == "M":
                    out[c] = out[c].dt.strftime("%Y-%m-%d")
            to_safe_csv(out, folder / f"{name}.csv")
        else:
            frame.to_parquet(folder / f"{name}.parquet", index=False)
    return folder


def read_casebook_tables(folder: str | Path) -> Casebook:
    """Read a folder written by :func:`write_casebook_tables`; raise :class:`CasebookError` on any problem."""
    folder = Path(folder)
    meta_path = folder / META_FILE
    meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    meta.pop("conflictlab", None)
    fmt = meta.pop("format", None)
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    locations: dict[tuple[str, int], Location] = {}
    for name in TABLES:
        csv, parquet = folder / f"{name}.csv", folder / f"{name}.parquet"
        path = parquet if parquet.exists() and fmt != "csv" else csv
        if not path.exists():
            continue
        if path.suffix == ".csv":
            try:
                raw = pd.read_csv(path, dtype="str", keep_default_na=False, na_values=[""], encoding="utf-8")
            except UnicodeDecodeError as exc:
                problems.append(Problem(str(path), None, None, None, f"not UTF-8 text: {exc.reason}"))
                continue
            raw = unguard(raw)
            line_of = lambda i: i + 2  # noqa: E731 - header is line 1
        else:
            raw = pd.read_parquet(path)
            line_of = lambda i: None  # noqa: E731
        try:
            frames[name] = conform(name, raw)
        except (KeyError, ValueError) as exc:
            frames[name], bad = _conform_by_row(name, raw)
            for i, column, message in bad:
                problems.append(Problem(str(path), line_of(i), f"row {i + 1}", column, message))
            if not bad:
                problems.append(Problem(str(path), None, None, None, str(exc).strip('"')))
            continue
        for i in range(len(frames[name])):
            locations[(name, i)] = Location(str(path), line_of(i), f"{name} row {i + 1}")
    book = Casebook.from_tables(frames, meta={**meta, "_file": str(folder)})
    book.locations = locations
    problems += validate(book)
    if problems:
        raise CasebookError(problems)
    return book


def _conform_by_row(name: str, raw: pd.DataFrame):
    missing = [c.name for c in SCHEMAS[name] if c.required and c.name not in raw.columns]
    if missing:
        return conform(name, raw.iloc[0:0].assign(**{m: [] for m in missing})), [
            (-1, m, "required column is missing") for m in missing]
    bad, keep = [], []
    for i in range(len(raw)):
        try:
            conform(name, raw.iloc[[i]])
            keep.append(i)
        except ValueError as exc:
            text = str(exc)
            column = text.split("column ")[1].split(":")[0].strip("'") if "column " in text else None
            bad.append((i, column, text.split(": ", 1)[-1]))
    return conform(name, raw.iloc[keep]), bad
