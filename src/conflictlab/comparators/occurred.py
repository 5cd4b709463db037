"""Did it happen? Two claims agree when both affirm or both deny, and contradict otherwise.

Examples
--------
>>> import pandas as pd
>>> pairs = pd.DataFrame({"occurred_l": [True, True], "occurred_r": [True, False]}, dtype="boolean")
>>> codes, reasons = OccurredComparator().compare(pairs)
>>> codes.tolist(), reasons.tolist()
([0, 2], ['both say it happened', 'one says it happened, the other denies it'])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .base import AGREE, CONTRADICT, Comparator

__all__ = ["OccurredComparator"]


class OccurredComparator(Comparator):
    """Compare ``occurred`` claims (true: it happened; false: a denial)."""

    kind = "occurred"
    columns = ("occurred",)

    def compare(self, pairs: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
        left = pairs["occurred_l"].to_numpy(dtype=bool, na_value=False)
        right = pairs["occurred_r"].to_numpy(dtype=bool, na_value=False)
        same = left == right
        codes = np.where(same, AGREE, CONTRADICT).astype("int8")
        reasons = np.select(
            [same & left, same & ~left],
            ["both say it happened", "both deny it"],
            "one says it happened, the other denies it",
        )
        return codes, pd.Series(reasons, index=pairs.index, dtype="str")
