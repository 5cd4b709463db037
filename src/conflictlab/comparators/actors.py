"""Who did it, or who was hit? Same party agrees; different parties contradict.

Examples
--------
>>> import pandas as pd
>>> pairs = pd.DataFrame({"actor_l": ["azerbaijan", "armenia"], "actor_r": ["azerbaijan", "azerbaijan"]})
>>> codes, reasons = ActorComparator().compare(pairs)
>>> codes.tolist(), reasons.tolist()
([0, 2], ['both: azerbaijan', 'armenia vs azerbaijan'])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .base import AGREE, CONTRADICT, Comparator, text

__all__ = ["ActorComparator"]


class ActorComparator(Comparator):
    """Compare perpetrator or target claims by party id."""

    kind = "actor"
    columns = ("actor",)

    def compare(self, pairs: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
        left, right = text(pairs["actor_l"]), text(pairs["actor_r"])
        same = (left == right).to_numpy()
        codes = np.where(same, AGREE, CONTRADICT).astype("int8")
        reasons = ("both: " + left).where(same, left + " vs " + right)
        return codes, reasons
