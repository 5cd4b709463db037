"""When did it happen? Dates are intervals (a day, a month, a stated window); they are compared as intervals.

Identical intervals agree; overlapping ones (one more precise than the other) are compatible; disjoint ones
are compatible when the gap is within ``tolerance_days`` and contradict beyond it.

Examples
--------
>>> import pandas as pd
>>> d = lambda *s: pd.Series(pd.to_datetime(list(s)))
>>> pairs = pd.DataFrame({"date_from_l": d("2024-02-12", "2024-02-12", "2024-02-01"),
...                       "date_to_l": d("2024-02-12", "2024-02-12", "2024-02-29"),
...                       "date_from_r": d("2024-02-12", "2024-02-15", "2024-02-13"),
...                       "date_to_r": d("2024-02-12", "2024-02-15", "2024-02-13")})
>>> codes, reasons = DateComparator(tolerance_days=1).compare(pairs)
>>> codes.tolist()
[0, 2, 1]
>>> reasons.tolist()
['same date', '3 days apart (tolerance 1)', 'overlapping dates (one is more precise)']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .base import AGREE, COMPATIBLE, CONTRADICT, Comparator

__all__ = ["DateComparator"]


def _days(values: pd.Series) -> np.ndarray:
    return values.to_numpy(dtype="datetime64[D]").astype("int64")


class DateComparator(Comparator):
    """Compare date intervals.

    Parameters
    ----------
    tolerance_days : int, default 1
        Largest gap in days between two disjoint intervals that still counts as compatible (reports often
        differ by a day through time zones and overnight events).
    """

    kind = "date"
    columns = ("date_from", "date_to")

    def __init__(self, tolerance_days: int = 1):
        if tolerance_days < 0:
            raise ValueError("tolerance_days must be >= 0")
        self.tolerance_days = int(tolerance_days)

    def compare(self, pairs: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
        a_l, b_l = _days(pairs["date_from_l"]), _days(pairs["date_to_l"])
        a_r, b_r = _days(pairs["date_from_r"]), _days(pairs["date_to_r"])
        same = (a_l == a_r) & (b_l == b_r)
        gap = np.maximum(a_l, a_r) - np.minimum(b_l, b_r)  # > 0: days between two disjoint intervals
        overlap = gap <= 0
        near = ~overlap & (gap <= self.tolerance_days)
        codes = np.select([same, overlap | near], [AGREE, COMPATIBLE], CONTRADICT).astype("int8")
        gap_text = pd.Series(gap, index=pairs.index).astype("str")
        plural = np.where(gap == 1, " day apart", " days apart")
        apart = gap_text + plural + f" (tolerance {self.tolerance_days})"
        reasons = np.select([same, overlap], ["same date", "overlapping dates (one is more precise)"], "")
        reasons = pd.Series(reasons, index=pairs.index, dtype="str")
        reasons = reasons.where(same | overlap, apart)
        return codes, reasons
