"""How many? Counts are intervals (exact: 4-4; vague: 'several' = 3-9; 'at least 4' = 4 or more).

Identical intervals agree; intervals that overlap (after the tolerance) are compatible; disjoint intervals
contradict.

Examples
--------
>>> import pandas as pd
>>> pairs = pd.DataFrame({"count_low_l": [4, 4, 100], "count_high_l": [4, 4, 100],
...                       "count_low_r": [3, 2, 105], "count_high_r": [9, 2, 105]}).astype("Int64")
>>> codes, reasons = CountComparator(rel_tol=0.1).compare(pairs)
>>> codes.tolist()
[1, 2, 1]
>>> reasons.tolist()
['4 lies within 3-9', '4 vs 2: no overlap', '100 vs 105: within tolerance']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..model.quantities import format_count
from .base import AGREE, COMPATIBLE, CONTRADICT, Comparator

__all__ = ["CountComparator"]


def _bounds(pairs: pd.DataFrame, suffix: str) -> tuple[np.ndarray, np.ndarray]:
    low = pairs[f"count_low_{suffix}"].to_numpy(dtype="float64", na_value=np.nan)
    high = pairs[f"count_high_{suffix}"].to_numpy(dtype="float64", na_value=np.inf)
    return low, high


def _texts(low: np.ndarray, high: np.ndarray) -> list[str]:
    return [format_count(int(lo), None if np.isinf(hi) else int(hi)) for lo, hi in zip(low, high, strict=True)]


class CountComparator(Comparator):
    """Compare count intervals (killed, injured, captured).

    Parameters
    ----------
    abs_tol : float, default 0
        Each interval is widened by this many people on both ends before testing overlap.
    rel_tol : float, default 0
        ... or by this fraction of its bound, whichever is larger (0.1: reports within 10% are compatible).
    """

    kind = "count"
    columns = ("count_low", "count_high")

    def __init__(self, abs_tol: float = 0.0, rel_tol: float = 0.0):
        if abs_tol < 0 or rel_tol < 0:
            raise ValueError("tolerances must be >= 0")
        self.abs_tol = abs_tol
        self.rel_tol = rel_tol

    def compare(self, pairs: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
        lo_l, hi_l = _bounds(pairs, "l")
        lo_r, hi_r = _bounds(pairs, "r")
        same = (lo_l == lo_r) & (hi_l == hi_r)
        overlap = (lo_l <= hi_r) & (lo_r <= hi_l)

        def widen(lo, hi):
            with np.errstate(invalid="ignore"):
                return (lo - np.maximum(self.abs_tol, self.rel_tol * lo),
                        hi + np.maximum(self.abs_tol, self.rel_tol * np.where(np.isinf(hi), 0, hi)))

        wlo_l, whi_l = widen(lo_l, hi_l)
        wlo_r, whi_r = widen(lo_r, hi_r)
        near = ~overlap & (wlo_l <= whi_r) & (wlo_r <= whi_l)
        codes = np.select([same, overlap | near], [AGREE, COMPATIBLE], CONTRADICT).astype("int8")
        # Reasons need the numbers in words; only the distinct (low, high) pairs are formatted.
        text_l = _cached_texts(lo_l, hi_l)
        text_r = _cached_texts(lo_r, hi_r)
        left_in_right = (lo_r <= lo_l) & (hi_l <= hi_r)
        right_in_left = (lo_l <= lo_r) & (hi_r <= hi_l)
        reasons = np.select(
            [same, overlap & left_in_right, overlap & right_in_left, overlap, near],
            ["both " + text_l, text_l + " lies within " + text_r, text_r + " lies within " + text_l,
             text_l + " and " + text_r + " overlap", text_l + " vs " + text_r + ": within tolerance"],
            text_l + " vs " + text_r + ": no overlap",
        )
        return codes, pd.Series(reasons, index=pairs.index, dtype="str")


def _cached_texts(low: np.ndarray, high: np.ndarray) -> np.ndarray:
    both = np.stack([np.nan_to_num(low, nan=-1), high], axis=1)
    uniq, inverse = np.unique(both, axis=0, return_inverse=True)
    words = np.array(_texts(uniq[:, 0], uniq[:, 1]), dtype=object)
    return words[inverse.ravel()].astype(str)
