"""What caused it? Two claims agree when they name the same prior incident (or both say 'unprovoked').

Examples
--------
>>> import pandas as pd
>>> pairs = pd.DataFrame({"cause_incident_id_l": [None, "fire-12"], "cause_incident_id_r": ["fire-12", "fire-12"]},
...                      dtype="str")
>>> codes, reasons = CauseComparator().compare(pairs)
>>> codes.tolist(), reasons.tolist()
([2, 0], ['unprovoked vs caused by fire-12', 'both: caused by fire-12'])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .base import AGREE, CONTRADICT, Comparator

__all__ = ["CauseComparator"]


class CauseComparator(Comparator):
    """Compare ``cause`` claims: the incident claimed as the cause, or none (unprovoked)."""

    kind = "cause"
    columns = ("cause_incident_id",)

    def compare(self, pairs: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
        def words(s: pd.Series) -> pd.Series:
            return ("caused by " + s.astype("str")).where(s.notna(), "unprovoked").astype("str")

        left, right = words(pairs["cause_incident_id_l"]), words(pairs["cause_incident_id_r"])
        same = (left == right).to_numpy()
        codes = np.where(same, AGREE, CONTRADICT).astype("int8")
        return codes, ("both: " + left).where(same, left + " vs " + right)
