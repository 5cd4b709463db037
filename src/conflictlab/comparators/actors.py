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

from .base import EqualityComparator

__all__ = ["ActorComparator"]


class ActorComparator(EqualityComparator):
    """Compare perpetrator or target claims by party id."""

    kind = "actor"
    columns = ("actor",)
