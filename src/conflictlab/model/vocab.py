"""Controlled vocabularies of the claim model.

Every categorical column of a conflictlab table takes its categories from here, so that a verdict, a field or a
source kind means the same thing in a casebook, a comparison table and a figure.

Examples
--------
>>> from conflictlab.model.vocab import FIELDS, VERDICTS
>>> FIELDS["killed"].kind, FIELDS["killed"].per_party
('count', True)
>>> VERDICTS
('agree', 'compatible', 'contradict', 'silent')
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = [
    "FieldSpec",
    "FIELDS",
    "FIELD_NAMES",
    "VERDICTS",
    "STATUSES",
    "SOURCE_KINDS",
    "RELATIONS",
    "INCIDENT_LINKS",
    "QUOTE_KINDS",
    "DATE_PRECISIONS",
    "PLACE_LEVELS",
    "THIRD_PARTY",
    "NO_ACTOR",
    "categorical",
]


@dataclass(frozen=True)
class FieldSpec:
    """What a claim field means and how its value is typed.

    Attributes
    ----------
    name : str
        The field's name as written in a casebook (``killed``).
    kind : str
        The value family, which decides the value columns used and the comparator applied
        (``occurred``, ``date``, ``place``, ``actor``, ``count``, ``labels``, ``framing``, ``cause``).
    per_party : bool
        Whether the field is stated per party (``killed`` of Armenia, ``killed`` of Azerbaijan).
    description : str
        One line for documentation and hover texts.
    """

    name: str
    kind: str
    per_party: bool
    description: str


_FIELD_LIST = (
    FieldSpec("occurred", "occurred", False, "whether the incident happened at all (false = a denial)"),
    FieldSpec("date", "date", False, "when the incident happened, as an interval with a precision"),
    FieldSpec("place", "place", False, "where the incident happened (a place of the casebook's gazetteer)"),
    FieldSpec("perpetrator", "actor", False, "which party carried out the act"),
    FieldSpec("target", "actor", False, "which party was attacked or harmed"),
    FieldSpec("killed", "count", True, "people killed, per party, as a count interval"),
    FieldSpec("injured", "count", True, "people injured, per party, as a count interval"),
    FieldSpec("captured", "count", True, "people captured, per party, as a count interval"),
    FieldSpec("missing", "count", True, "people missing (fate unknown), per party, as a count interval"),
    FieldSpec("lost", "count", True, "equipment lost (destroyed, damaged, captured), per party, as a count interval"),
    FieldSpec("means", "labels", False, "weapons or means used (several separated by '; ')"),
    FieldSpec("damage", "labels", False, "material damage described (several separated by '; ')"),
    FieldSpec("characterization", "framing", False, "how the act is framed, and which party the framing blames"),
    FieldSpec("cause", "cause", False, "the incident claimed as its cause, or none (unprovoked)"),
    FieldSpec("verification", "labels", False, "what was (not) independently verified"),
)

FIELDS: dict[str, FieldSpec] = {f.name: f for f in _FIELD_LIST}
"""The claim fields, in display order."""

FIELD_NAMES: tuple[str, ...] = tuple(FIELDS)

VERDICTS: tuple[str, ...] = ("agree", "compatible", "contradict", "silent")
"""Pairwise verdicts: same value / both can be true / cannot both be true / only one of the two speaks."""

STATUSES: tuple[str, ...] = ("consensus", "contested", "one-sided", "inconsistent-within-side")
"""Per (incident, field, party) statuses; several may hold at once."""

SOURCE_KINDS: tuple[str, ...] = (
    "head-of-state",
    "government",
    "ministry",
    "military",
    "border-service",
    "diplomat",
    "spokesperson",
    "investigative-body",
    "international-organisation",
    "ngo",
    "media",
    "commentator",
    "other",
)

RELATIONS: tuple[str, ...] = ("denies", "confirms", "partially-confirms", "contradicts", "tension", "responds-to",
                              "supersedes")
"""Relations from one claim (or statement) to another: ``denies`` (says it did not happen or is false),
``confirms`` / ``partially-confirms``, ``contradicts`` (asserts something incompatible without denying it
outright), ``tension`` (not incompatible, but hard to square: different scopes, counts or timing),
``responds-to``, and ``supersedes`` (a revision by the same side, e.g. a casualty figure updated)."""

INCIDENT_LINKS: tuple[str, ...] = ("claimed-cause-of", "related-to", "part-of")

QUOTE_KINDS: tuple[str, ...] = ("direct", "reported", "translation")
"""``direct``: the speaker's words in quotation marks; ``reported``: the document's paraphrase of the speaker;
``translation``: the speaker's words in a translation made by the document."""

DATE_PRECISIONS: tuple[str, ...] = ("minute", "hour", "day", "month", "year")

PLACE_LEVELS: tuple[str, ...] = ("point", "settlement", "admin2", "admin1", "country")
"""How specific a place is, finest first."""

THIRD_PARTY = "third-party"
"""The side of a source that is not a party to the conflict (states, organisations, media)."""

NO_ACTOR = "none"
"""Actor/blame value meaning 'nobody' (e.g. a framing that blames no party)."""


def categorical(categories: tuple[str, ...]) -> pd.CategoricalDtype:
    """Return the unordered categorical dtype over ``categories``.

    Examples
    --------
    >>> categorical(VERDICTS).categories.tolist()
    ['agree', 'compatible', 'contradict', 'silent']
    """
    return pd.CategoricalDtype(categories=list(categories), ordered=False)
