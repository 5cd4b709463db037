"""Assembling an event table from a reader's model columns and the file's original columns.

Examples
--------
>>> raw = pd.DataFrame({"id": ["1", "2"]}, dtype="str")
>>> model = {"event_id": raw["id"], "dataset": "x", "date": pd.Series(pd.to_datetime(["2024-02-13"] * 2)),
...          "end_date": pd.Series(pd.to_datetime(["2024-02-13"] * 2))}
>>> assemble(model, raw, np.array([True, False])).columns.tolist()[-1]
'orig_id'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..model.events import ORIG_PREFIX, conform_events, warn_problems
from ..model.problems import Problem

__all__ = ["assemble", "report"]


def assemble(model: dict[str, object], raw: pd.DataFrame, keep: np.ndarray, table: str = "events") -> pd.DataFrame:
    """Return the conformed event table: model columns, then ``orig_<column>`` for every original column."""
    cols = {k: (v if isinstance(v, pd.Series) else pd.Series([v] * len(raw), index=raw.index, dtype="str"))
            for k, v in model.items()}
    frame = pd.DataFrame(cols, index=raw.index)
    orig = raw.add_prefix(ORIG_PREFIX)
    frame = pd.concat([frame, orig], axis=1)
    if not keep.all():
        frame = frame[keep]
    return conform_events(frame, table)


def report(problems: list[Problem], quirks: list[Problem], quirk_text: str) -> None:
    """Warn about rows left out or cells left empty (``errors="warn"``) and about known data quirks."""
    warn_problems(problems, "problem(s) in the data: rows with an unreadable id or date were left out, other "
                  "unreadable cells left empty", stacklevel=4)
    warn_problems(quirks, quirk_text, stacklevel=4)
