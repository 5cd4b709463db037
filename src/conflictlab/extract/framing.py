"""Characterizations: how a speaker frames the act ("retaliatory operation", "provocation", "unprovoked
aggression", "act of terrorism"), and which party the framing blames.

Two rules:

* ``characterization-lexicon``: a phrase of :data:`FRAMINGS` (the label is its canonical, singular form).
* ``characterization-quoted``: a short quoted label after a framing verb ("described as a “...”", "called
  ... a “...”", "accused Azerbaijan of “...”"), when no lexicon phrase lies inside the quotation.

The party blamed is, in this order: the party accused ("accused Azerbaijan of"), the party called on to refrain
("calls on the Armenian side to refrain"), the party named after "by" later in the sentence ("provocations by
Armenia", "in response to fire by Armenian forces"), the other party of a two-party conflict after "against"
("aggression against the Republic of Armenia"), and else the other party than the speaker's own (a side's
framing blames the other side). When none applies, the blame is left empty for the annotator.

Examples
--------
>>> from conflictlab.extract.parties import PartyMatcher
>>> m = PartyMatcher({"armenia": ["Armenia", "Armenian"], "azerbaijan": ["Azerbaijan", "Azerbaijani"]})
>>> t = "It described it as a “retaliatory operation” in response to fire by Armenian forces."
>>> [(c.value, c.blame, t[c.start:c.end]) for c in find_framings(t, 0, len(t), m, None)]
[('retaliatory operation', 'armenia', 'retaliatory operation')]
"""

from __future__ import annotations

import re

from ..model.values import normalise_label
from .candidate import Candidate
from .parties import PartyMatcher

__all__ = ["find_framings", "FRAMINGS"]

#: (regular expression, canonical label or None to use the matched words) — matched case-insensitively
FRAMINGS: tuple[tuple[str, str | None], ...] = (
    (r"retaliatory (?:operation|strike|action|measure|attack)s?", None),
    (r"retaliation", "retaliation"),
    (r"counter-?(?:terrorism|terrorist) operations?|anti-?terrorist operations?", "counter-terrorism operation"),
    (r"acts? of (?:military )?aggression", "act of aggression"),
    (r"(?:(?:unprovoked|illegal|military|armed|open|continued|ongoing|brutal|full-scale)\s+){1,3}aggression", None),
    (r"aggression", "aggression"),
    (r"unprovoked(?:\s+[\w-]+)?\s+(?:attack|fire|shelling|shooting|provocation)s?", None),
    (r"(?:(?:planned|deliberate|premeditated|armed|military|blatant|gross|open|serious|large-scale)\s+){1,2}"
     r"provocations?", None),
    (r"provocations?", "provocation"),
    (r"provocative (?:acts?|actions?|attacks?)", "provocative action"),
    (r"acts? of terror(?:ism)?", "act of terrorism"),
    (r"terror(?:ist)? (?:attacks?|acts?)", "terrorist attack"),
    (r"war crimes?", "war crime"),
    (r"crimes? against humanity", "crime against humanity"),
    (r"ethnic cleansing", "ethnic cleansing"),
    (r"genocide", "genocide"),
    (r"(?:violation|breach)(?:es|s)? of the (?:ceasefire|cease-fire|truce)", "ceasefire violation"),
    (r"(?:ceasefire|cease-fire|truce) violations?", "ceasefire violation"),
    (r"violated the (?:ceasefire|cease-fire|truce)", "ceasefire violation"),
    (r"self-defen[cs]e", "self-defence"),
    (r"military escalations?", "military escalation"),
)
_LEXICON = [(re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.IGNORECASE), label) for p, label in FRAMINGS]
_QUOTE = r"[“\"](?P<label>[^”\"]{3,90}?)[,.]?[”\"]"
_QUOTED = (
    re.compile(rf"(?<![\w-])(?:described|describes|describing|termed|terms|labell?ed|branded|brands|characteri[sz]ed)"
               rf"\s+(?:[^“\".]{{0,60}}?\s)?as\s+(?:an?\s+|the\s+)?{_QUOTE}"),
    re.compile(rf"(?<![\w-])(?:called|calls|calling)\s+(?:[^“\".]{{0,80}}?\s)?(?:an?|the)\s+{_QUOTE}"),
    re.compile(rf"(?<![\w-])(?:accused|accuses|accusing)\s+(?:[^“\".]{{0,40}}?\s)?of\s+{_QUOTE}"),
)


def _blame(text: str, start: int, end: int, a: int, b: int, parties: PartyMatcher,
           speaker_party: str | None) -> str | None:
    party_re = parties.regex()
    before = text[start:a]
    m = list(re.finditer(rf"accus\w+\s+(?:the\s+)?{party_re}", before))
    if m:
        return parties.party_of(m[-1].group(1))
    m = re.search(rf"call\w*\s+on\s+(?:the\s+)?{party_re}(?:\s+side)?\s+to\s+(?:refrain|stop|cease|end|avoid)",
                  text[start:end])
    if m:
        return parties.party_of(m.group(1))
    after = text[b:end]
    m = re.search(rf"(?<![\w-])by\s+(?:the\s+)?{party_re}", after)
    if m:
        return parties.party_of(m.group(1))
    m = re.search(rf"(?<![\w-])against\s+(?:the\s+)?(?:Republic of\s+)?{party_re}", after)
    if m:
        other = parties.other(parties.party_of(m.group(1)))
        if other:
            return other
    return parties.other(speaker_party)


def find_framings(text: str, start: int, end: int, parties: PartyMatcher,
                  speaker_party: str | None) -> list[Candidate]:
    """Return the characterizations in the sentence ``text[start:end]``, with the party each blames."""
    found: list[tuple[int, int, str, str]] = []
    for pattern, label in _LEXICON:
        for m in pattern.finditer(text, start, end):
            if any(x < m.end() and m.start() < y for x, y, *_ in found):
                continue
            found.append((m.start(), m.end(), label or normalise_label(m.group(0)), "characterization-lexicon"))
    for pattern in _QUOTED:
        for m in pattern.finditer(text, start, end):
            a, b = m.start("label"), m.end("label")
            if any(x < b and a < y for x, y, *_ in found) or len(m.group("label").split()) > 10:
                continue
            found.append((a, b, normalise_label(m.group("label")), "characterization-quoted"))
    out = []
    for a, b, label, rule in sorted(found):
        if label.endswith("s") and rule == "characterization-lexicon" and label.split()[-1] not in ("aggression",):
            label = re.sub(r"(operation|strike|action|measure|attack|escalation|provocation|shelling)s$", r"\1",
                           label)
        if any(c.value == label for c in out):
            continue
        out.append(Candidate("characterization", label, a, b, rule,
                             blame=_blame(text, start, end, a, b, parties, speaker_party)))
    return out
