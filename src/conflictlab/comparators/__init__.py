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
    "comparators_from_settings",
]

DEFAULT_COMPARATORS: dict[str, Comparator] = {
    c.kind: c
    for c in (OccurredComparator(), DateComparator(), PlaceComparator(), ActorComparator(), CountComparator(),
              LabelsComparator(), FramingComparator(), CauseComparator())
}


def comparators_from_settings(settings: object) -> dict[str, Comparator]:
    """Build comparators from a casebook's ``comparison`` settings: ``{field or kind: {parameter: value}}``.

    Each entry makes the default comparator of that field's kind with the given parameters, e.g.
    ``{"means": {"disjoint": "contradict"}}`` for a case where different weapons named by two sides exclude each
    other. Raises ``ValueError`` naming the entry when a field or a parameter is unknown.

    Examples
    --------
    >>> comparators_from_settings({"means": {"disjoint": "contradict"}})["means"].disjoint
    'contradict'
    """
    from ..model.vocab import FIELDS

    if settings is None:
        return {}
    if not isinstance(settings, dict):
        raise ValueError("comparison settings must be a mapping of field (or field kind) to parameters")
    out: dict[str, Comparator] = {}
    for name, params in settings.items():
        kind = FIELDS[name].kind if name in FIELDS else name
        if kind not in DEFAULT_COMPARATORS:
            raise ValueError(f"comparison.{name}: no field or field kind {name!r}")
        if not isinstance(params, dict):
            raise ValueError(f"comparison.{name}: expected a mapping of parameters, got {params!r}")
        try:
            out[str(name)] = type(DEFAULT_COMPARATORS[kind])(**params)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"comparison.{name}: {exc}") from None
    return out
