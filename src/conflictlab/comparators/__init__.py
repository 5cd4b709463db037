"""Comparators: one small class per field kind, with tolerances as parameters.

:data:`DEFAULT_COMPARATORS` maps each field kind to the comparator used when none is given. Pass your own to
:func:`conflictlab.compare` by field name: ``cl.compare(book, comparators={"killed": CountComparator(rel_tol=.1)})``.

Examples
--------
>>> sorted(DEFAULT_COMPARATORS)
['actor', 'cause', 'count', 'date', 'framing', 'labels', 'occurred', 'place']
"""

from __future__ import annotations

from .actors import ActorComparator
from .base import Comparator
from .causes import CauseComparator
from .counts import CountComparator
from .dates import DateComparator
from .labels import FramingComparator, LabelsComparator
from .occurred import OccurredComparator
from .places import PlaceComparator, haversine_km

__all__ = [
    "Comparator",
    "OccurredComparator",
    "DateComparator",
    "PlaceComparator",
    "ActorComparator",
    "CountComparator",
    "LabelsComparator",
    "FramingComparator",
    "CauseComparator",
    "DEFAULT_COMPARATORS",
    "haversine_km",
]

DEFAULT_COMPARATORS: dict[str, Comparator] = {
    c.kind: c
    for c in (OccurredComparator(), DateComparator(), PlaceComparator(), ActorComparator(), CountComparator(),
              LabelsComparator(), FramingComparator(), CauseComparator())
}
