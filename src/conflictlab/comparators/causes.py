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

import pandas as pd

from .base import EqualityComparator

__all__ = ["CauseComparator"]


class CauseComparator(EqualityComparator):
    """Compare ``cause`` claims: the incident claimed as the cause, or none (unprovoked)."""

    kind = "cause"
    columns = ("cause_incident_id",)

    def words(self, values: pd.Series) -> pd.Series:
        return ("caused by " + values.astype("str")).where(values.notna(), "unprovoked").astype("str")
