"""Attribution: who speaks in a sentence ("X said", "according to X", "X accused", "X denied", "X told").

The speaker is the noun phrase before a reporting verb (back to the clause boundary: a comma, a colon, a dash,
a quotation mark or the sentence start), with an appositive kept ("Edmon Marukyan, ambassador-at-large for
Armenia's foreign ministry, accused"), or the phrase after "according to". Reporting verbs inside quotation
marks are not attributions (they belong to the quoted speech). The sentence's speaker is its first named
(non-pronoun) speaker, else its first pronoun speaker.

Examples
--------
>>> from conflictlab.extract.parties import PartyMatcher
>>> m = PartyMatcher({"armenia": ["Armenia"]})
>>> t = "On Feb. 13, Armenia’s defense ministry said four soldiers were killed."
>>> a = sentence_attribution(t, 0, len(t), m, [])
>>> a.speaker, a.verb, a.party
('Armenia’s defense ministry', 'said', 'armenia')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .parties import PartyMatcher

__all__ = ["Attribution", "attributions", "sentence_attribution", "SPEECH_VERBS", "PRONOUNS", "inside"]

#: Reporting verbs recognised after a speaker.
SPEECH_VERBS = (
    "said", "says", "say", "stated", "states", "told", "tells", "accused", "accuses", "denied", "denies",
    "confirmed", "confirms", "claimed", "claims", "reported", "reports", "announced", "announces", "alleged",
    "alleges", "added", "adds", "insisted", "insists", "warned", "warns", "declared", "declares", "described",
    "describes", "called", "calls", "wrote", "writes", "tweeted", "posted", "rejected", "rejects", "blamed",
    "blames", "condemned", "condemns",
)
PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})

_VERB = re.compile(r"(?<![\w-])(" + "|".join(SPEECH_VERBS) + r")(?![\w-])")
_ACCORDING = re.compile(r"(?<![\w-])[Aa]ccording to\s+(?P<sp>[^,.;:—–“”\"()\[\]]+)")
_BOUNDARY = ",;:“”\"()[]—–"
_TRAILING = {"has", "have", "had", "also", "since", "previously", "earlier", "reportedly", "later", "then", "again",
             "meanwhile", "however", "repeatedly", "already", "now", "officially", "publicly", "separately",
             "further", "subsequently", "too", "itself", "himself", "herself", "themselves"}
_LEADING = {"which", "that", "who", "and", "but", "as", "while", "when", "where", "whereas", "after", "before",
            "because", "so", "then", "meanwhile", "however", "also"}
_FORBIDDEN = {"was", "were", "is", "are", "be", "been", "being", "to", "would", "will", "could", "should", "can",
              "may", "might", "must", "did", "do", "does", "not", "that", "which", "who", "when", "if", "unable",
              "by", "made"}
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "both", "each"}
_ADVERBS = {"meanwhile", "however", "also", "though", "too", "separately", "later", "then", "earlier", "in turn",
            "for its part", "for his part", "for her part", "in response", "in a statement"}
_WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class Attribution:
    """One attribution: the speaker's words, the reporting verb, their span, and the party the speaker names."""

    speaker: str
    verb: str
    start: int
    end: int
    verb_start: int
    party: str | None
    pronoun: bool


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether position ``pos`` lies inside one of ``spans`` (quoted passages)."""
    return any(a < pos < b for a, b in spans)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _boundary_before(text: str, lo: int, pos: int) -> int:
    """Index of the nearest clause boundary character before ``pos`` (``lo - 1`` when none)."""
    found = max((text.rfind(ch, lo, pos) for ch in _BOUNDARY), default=-1) if pos > lo else -1
    return found if found >= lo else lo - 1


def _clean(text: str, a: int, b: int) -> tuple[int, int]:
    """Trim white space, leading conjunctions and trailing auxiliaries from ``text[a:b]``."""
    changed = True
    while changed and a < b:
        changed = False
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        m = re.match(r"[\w’'-]+", text[a:b])
        if m and m.group(0).lower() in _LEADING and a + m.end() < b:
            a += m.end()
            changed = True
            continue
        m = re.search(r"[\w’'-]+$", text[a:b])
        if m and m.group(0).lower() in _TRAILING:
            b = a + m.start()
            changed = True
    return a, b


def _plausible(segment: str) -> bool:
    words = _words(segment)
    if not words or len(words) > 12 or _FORBIDDEN & set(words):
        return False
    first = segment.lstrip("[(")[0]
    return words[0] in PRONOUNS or words[0] in _DETERMINERS or first.isupper()


def _speaker_before(text: str, lo: int, verb_start: int) -> tuple[int, int] | None:
    pos = verb_start
    for _ in range(3):
        boundary = _boundary_before(text, lo, pos)
        a, b = _clean(text, boundary + 1, pos)
        segment = text[a:b]
        if not segment or segment.lower() in _ADVERBS:
            if boundary < lo or text[boundary] != ",":
                return None
            pos = boundary
            continue
        first = segment[0]
        if first.islower() and _words(segment)[0] not in PRONOUNS | _DETERMINERS and boundary >= lo \
                and text[boundary] == ",":
            # an appositive: "Edmon Marukyan, ambassador-at-large for ..., accused"
            prev = _boundary_before(text, lo, boundary)
            pa, pb = _clean(text, prev + 1, boundary)
            name = text[pa:pb]
            tokens = name.split()
            if tokens and len(tokens) <= 4 and all(t[0].isupper() for t in tokens) and len(segment.split()) <= 8:
                return pa, b
            return None
        return (a, b) if _plausible(segment) else None
    return None


def attributions(text: str, start: int, end: int, parties: PartyMatcher,
                 quotes: list[tuple[int, int]]) -> list[Attribution]:
    """Return every attribution in the sentence ``text[start:end]``, in order of position."""
    out = []
    for m in _ACCORDING.finditer(text, start, end):
        if inside(m.start(), quotes):
            continue
        a, b = _clean(text, m.start("sp"), m.end("sp"))
        segment = text[a:b]
        if segment and len(segment.split()) <= 10:
            out.append(Attribution(segment, "according to", m.start(), b, m.start(),
                                   parties.first(text, a, b), _words(segment)[0] in PRONOUNS))
    for m in _VERB.finditer(text, start, end):
        if inside(m.start(), quotes):
            continue
        before = text[max(start, m.start() - 12):m.start()].split()
        if before and before[-1].lower() in {"was", "were", "been", "being", "is", "are", "so-", "be"}:
            continue
        span = _speaker_before(text, start, m.start())
        if span is None:
            continue
        a, b = span
        segment = text[a:b]
        out.append(Attribution(segment, m.group(1).lower(), a, m.end(), m.start(), parties.first(text, a, b),
                               _words(segment)[0] in PRONOUNS))
    return sorted(out, key=lambda x: x.start)


def sentence_attribution(text: str, start: int, end: int, parties: PartyMatcher,
                         quotes: list[tuple[int, int]]) -> Attribution | None:
    """The speaker of the sentence ``text[start:end]``: its first named speaker, else its first pronoun."""
    found = attributions(text, start, end, parties, quotes)
    named = [a for a in found if not a.pronoun]
    return (named or found or [None])[0]
