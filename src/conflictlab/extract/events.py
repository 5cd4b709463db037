"""Whether it happened, who did it to whom, and what was not verified.

* ``occurred``: ``false`` for a denial ("Armenia has denied Azerbaijan's assertions", "rejected the claims",
  "did not occur", "does not correspond to reality", "is groundless"), else ``true`` for a confirmation
  ("confirmed the incident") or an attack asserted in the sentence ("came under fire", "opened fire", "were
  fired upon", "shelled", "gunfire", "sniper attack"), unless negated ("did not open fire"). At most one per
  sentence.
* ``perpetrator``: the party named as the one firing ("fire by Azerbaijani forces", "Armenian forces opened
  fire", "gunfire from the Armenian side", "committed by the Armenian armed forces", "the Armenian
  shooting").
* ``target``: the party fired on ("opened fire on Azerbaijani positions", "opening fire on our border guard";
  "their border post came under fire", "our soldiers were fired upon": the speaker's party; "the combat post
  of the Armenian military ... was destroyed").
* ``verification``: "was unable to independently verify", "could not be verified" -> ``not independently
  verified``.

Examples
--------
>>> from conflictlab.extract.parties import PartyMatcher
>>> m = PartyMatcher({"armenia": ["Armenia", "Armenian"], "azerbaijan": ["Azerbaijan", "Azerbaijani"]})
>>> t = "Armenian forces opened fire on Azerbaijani positions."
>>> [(c.field, c.value, t[c.start:c.end]) for c in find_events(t, 0, len(t), m, None, None)]
... # doctest: +NORMALIZE_WHITESPACE
[('occurred', 'true', 'opened fire'), ('perpetrator', 'armenia', 'Armenian forces opened fire'),
 ('target', 'azerbaijan', 'opened fire on Azerbaijani')]
"""

from __future__ import annotations

import re

from .attribution import Attribution
from .candidate import Candidate
from .parties import PartyMatcher

__all__ = ["find_events"]

_ATTACK = (r"came under (?:heavy |intense |artillery |mortar |drone |sniper )?(?:fire|attack|shelling)|"
           r"opened fire|opening fire|fired (?:up)?on|fired at|fired against|shelled|shelling|attacked|"
           r"came under attack|launched an attack|struck|drone strikes?|artillery strikes?|air ?strikes?|gunfire|"
           r"shooting|sniper (?:fire|attack|shot)s?|small arms fire|fire erupted|"
           r"(?:began|started|continued) to (?:fire|shell|attack)")
_ATTACK_RE = re.compile(rf"(?<![\w-])(?:{_ATTACK})(?![\w-])", re.IGNORECASE)
_NEGATED = re.compile(r"(?:not|never|no|n’t|n't|deny|denied|denies)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_CONFIRM = re.compile(r"(?<![\w-])(?:confirmed|confirms|confirm)\s+(?:the\s+|that\s+)?"
                      r"(?:incident|attack|strike|clash(?:es)?|shelling|report|reports|operation|fire)(?![\w-])",
                      re.IGNORECASE)
_DENY = re.compile(
    r"(?<![\w-])(?:denied|denies|deny|rejected|rejects|dismissed|dismisses)(?:\s+(?:the\s+)?[\w’'-]+){0,3}?"
    r"(?:\s+(?:claims?|accusations?|allegations?|assertions?|reports?|charges?)|(?=\s+that)|(?=[.,;]|$))|"
    r"(?<![\w-])(?:did|does|do)\s+not\s+(?:occur|happen|take place)|never\s+(?:occurred|happened|took place)|"
    r"(?:does|do|did)\s+not\s+(?:correspond|align|match)\s+(?:to|with)\s+(?:the\s+)?reality|"
    r"(?:is|are|was|were)\s+(?:completely\s+|absolutely\s+|totally\s+)?(?:false|untrue|groundless|baseless)|"
    r"no\s+such\s+(?:incident|fire|shooting|attack|shelling)|disinformation",
    re.IGNORECASE)
_HARMED = re.compile(r"(?<![\w-])(?:destroyed|hit|struck|shelled|attacked|targeted|subjected)(?![\w-])",
                     re.IGNORECASE)
_FORCES = r"(?i:(?:armed\s+)?(?:forces|troops|military|army|side|soldiers|units|servicemen|snipers|drones?|artillery))"
_VERIFY = re.compile(
    r"(?:unable|not able|could not|couldn’t|couldn't|cannot|can’t|can't|has not been able|have not been able)\s+"
    r"to\s+(?:independently\s+)?(?:verify|confirm)|(?:could|can)\s*not\s+be\s+(?:independently\s+)?verified|"
    r"not\s+(?:been\s+)?independently\s+verified", re.IGNORECASE)


def _party(parties: PartyMatcher, word: str, speaker_party: str | None) -> str | None:
    if word.lower() in ("its", "their", "our"):
        return speaker_party
    return parties.party_of(word)


def find_events(text: str, start: int, end: int, parties: PartyMatcher, speaker: Attribution | None,
                speaker_party: str | None) -> list[Candidate]:
    """Return occurred / perpetrator / target / verification candidates of the sentence ``text[start:end]``."""
    out: list[Candidate] = []
    denial = None
    if speaker is not None and speaker.verb in ("denied", "denies", "rejected", "rejects"):
        denial = Candidate("occurred", "false", speaker.start, speaker.end, "occurred-denial")
    else:
        m = _DENY.search(text, start, end)
        if m:
            denial = Candidate("occurred", "false", m.start(), m.end(), "occurred-denial")
    if denial is not None:
        out.append(denial)
    else:
        m = _CONFIRM.search(text, start, end)
        if m:
            out.append(Candidate("occurred", "true", m.start(), m.end(), "occurred-confirmation"))
        else:
            for m in _ATTACK_RE.finditer(text, start, end):
                if not _NEGATED.search(text[max(start, m.start() - 30):m.start()]):
                    out.append(Candidate("occurred", "true", m.start(), m.end(), "occurred-attack"))
                    break

    party_re = parties.regex()
    if parties.ids:
        perpetrators = [
            re.compile(rf"(?:fire|attacks?|shelling|strikes?|assault|fired(?: up)?on|shot|attacked|shelled|struck|"
                       rf"committed|carried out|perpetrated|launched)"
                       rf"\s+(?:[\w-]+\s+)?by\s+(?:the\s+)?{party_re}(?:\s+{_FORCES})?"),
            re.compile(rf"{party_re}\s+{_FORCES}\s+(?:\w+\s+){{0,2}}?(?:opened fire|fired|attacked|shelled|launched|"
                       rf"struck|targeted|committed|(?:began|started|continued) to (?:fire|shell|attack))(?![\w-])"),
            re.compile(rf"(?:gunfire|fire|shooting|shelling|shots?|attacks?)\s+(?:[\w’'-]+\s+){{0,6}}?from\s+"
                       rf"(?:the\s+)?(?:positions\s+(?:held\s+by|of)\s+(?:the\s+)?)?{party_re}"),
            re.compile(rf"{party_re}\s+(?:shooting|shelling|sniper|snipers|gunfire|attack|drone strike)"),
        ]
        own = rf"(?P<own>its|their|our|{parties.alternation()})"
        targets = [
            re.compile(rf"(?:{_ATTACK}|fire|fired|attacks?|strikes?)\s+(?:\w+ly\s+)?(?:on|at|against|upon)\s+"
                       rf"(?:the\s+)?{own}"),
            re.compile(rf"(?:shooting|shelling|attack|killing|murder|wounding)\s+of\s+(?:the\s+|an?\s+)?{own}"),
            re.compile(rf"(?<![\w-]){own}\s+"
                       rf"(?:[\w-]+\s+){{0,2}}?(?:posts?|positions?|soldiers|troops|servicemen|villages?|bases?|"
                       rf"units?)\s+(?:came under\s+(?:\w+\s+)?(?:fire|attack|shelling)|"
                       rf"(?:was|were|had been|have been)\s+(?:\w+\s+)?"
                       rf"(?:fired upon|fired on|attacked|shelled|targeted|destroyed|hit|struck))"),
        ]
        if _ATTACK_RE.search(text, start, end) or _HARMED.search(text, start, end):
            targets.append(re.compile(rf"(?<!from the )(?<!from )(?:posts?|positions?|bases?|border guards?)\s+of\s+"
                                      rf"the\s+{party_re}\s+{_FORCES}"))
        for field, patterns in (("perpetrator", perpetrators), ("target", targets)):
            for pattern in patterns:
                for m in pattern.finditer(text, start, end):
                    word = m.group("own") if "own" in pattern.groupindex else m.group(1)
                    party = _party(parties, word, speaker_party)
                    if party and not any(c.field == field and c.value == party for c in out):
                        out.append(Candidate(field, party, m.start(), m.end(), f"{field}-pattern"))
    m = _VERIFY.search(text, start, end)
    if m:
        out.append(Candidate("verification", "not independently verified", m.start(), m.end(), "verification"))
    return out
