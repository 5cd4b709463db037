"""Counts of people killed, injured, captured or missing, with the party they belong to.

Three shapes are read: a quantity before its verb ("four of its soldiers were killed", "several others
injured", "3 civilians dead"), a verb before its quantity ("that injured an Azerbaijani soldier", "killing two
servicemen") and a noun before its quantity ("the injury of an Azerbaijani serviceman", "the deaths of four
soldiers"); in the last two the noun phrase must name people. "The number of dead is 135" ("death toll",
"rose to", "reached") is read too. Quantities are digits, number words up to
ninety-nine, bounds ("at least 250", "more than 20", "about 100"), ranges ("3-5") and the vague words of
:data:`conflictlab.model.quantities.VAGUE_QUANTITIES` ("several", "dozens", "a few"). Every value is checked
with :func:`conflictlab.model.quantities.read_count`, so it can be written in a casebook as it is.

The party is the party named in the noun phrase ("Armenian servicemen"), else the speaker's party for "its",
"their", "our" ("four of its soldiers", said by Armenia's ministry), else, for "others" and "more", the party of
the previous count in the sentence; :func:`~conflictlab.extract.propose_claims` then gives a count still without
a party the party of the sentence's target, when the sentence names exactly one ("Four were killed ... in fire
on Armenian positions").

Examples
--------
>>> from conflictlab.extract.parties import PartyMatcher
>>> m = PartyMatcher({"armenia": ["Armenia", "Armenian"], "azerbaijan": ["Azerbaijani"]})
>>> t = "Four of its soldiers were killed and several others injured by fire that wounded an Azerbaijani soldier."
>>> [(c.field, c.party, c.value, t[c.start:c.end]) for c in find_counts(t, 0, len(t), m, "armenia")]
... # doctest: +NORMALIZE_WHITESPACE
[('killed', 'armenia', '4', 'Four of its soldiers were killed'),
 ('injured', 'armenia', 'several', 'several others injured'),
 ('injured', 'azerbaijan', '1', 'wounded an Azerbaijani soldier')]
"""

from __future__ import annotations

import re

from ..model.quantities import read_count
from .candidate import Candidate
from .parties import PartyMatcher

__all__ = ["find_counts", "quantity_value", "NUMBER_WORDS", "PERSON_NOUNS"]

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
#: number words read as numbers (with hyphenated compounds such as "twenty-three")
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
NUMBER_WORDS.update({f"{t}-{u}": 20 + 10 * i + j for i, t in enumerate(_TENS) for j, u in enumerate(_UNITS[1:10], 1)})
NUMBER_WORDS.update({"a": 1, "an": 1, "no": 0})

#: nouns naming people, one of which ends the noun phrase of a count
PERSON_NOUNS = frozenset("""soldier soldiers serviceman servicemen servicemember servicemembers troops trooper troopers
civilian civilians people persons person others other fighters fighter militants militant officer officers guard
guards policeman policemen police personnel residents resident villagers villager children child women woman men man
members member staff workers worker crew sailors pilots pilot conscripts conscript volunteers volunteer combatants
combatant servicewomen servicewoman paramedics medics journalists journalist reservists reservist commanders
commander marines marine rebels rebel separatists separatist insurgents insurgent gunmen gunman citizens citizen
nationals national individuals individual victims children hostages prisoners detainees more""".split())

_VAGUE = (r"a couple(?: of)?|a few|few|several|a dozen|dozens(?: of)?|scores(?: of)?|hundreds(?: of)?|"
          r"thousands(?: of)?|many")
_BOUND = (r"at least|no fewer than|no less than|not less than|a minimum of|more than|over|upwards of|in excess of|"
          r"up to|at most|no more than|as many as|fewer than|less than|under|about|around|approximately|roughly|"
          r"some|an estimated|nearly|almost")
_WORDNUM = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_BASE = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORDNUM})"
QUANTITY = rf"(?:(?:{_BOUND})\s+{_BASE}|{_BASE}\s*(?:-|–|to)\s*{_BASE}|{_VAGUE}|{_BASE})"

_PASSIVE_VERBS = {
    "killed": "killed", "dead": "killed", "died": "killed", "lost their lives": "killed", "perished": "killed",
    "murdered": "killed", "shot dead": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured",
    "captured": "captured", "taken prisoner": "captured", "taken captive": "captured", "taken hostage": "captured",
    "missing": "missing", "went missing": "missing", "unaccounted for": "missing",
}
_ACTIVE_VERBS = {
    "killed": "killed", "killing": "killed", "kills": "killed", "murdered": "killed", "murdering": "killed",
    "injured": "injured", "injuring": "injured", "injures": "injured", "wounded": "injured",
    "wounding": "injured", "wounds": "injured",
    "captured": "captured", "capturing": "captured", "captures": "captured",
}
_AUX = r"(?:(?:were|was|have been|has been|had been|are|is|being|got|reportedly|also|later|all|been)\s+)*"
_PASSIVE = re.compile(
    rf"(?<![\w-])(?P<q>{QUANTITY})(?P<np>(?:\s+[\w’'-]+){{0,5}}?)\s+{_AUX}"
    rf"(?P<v>{'|'.join(sorted(_PASSIVE_VERBS, key=len, reverse=True))})(?![\w-])", re.IGNORECASE)
_ACTIVE = re.compile(
    rf"(?<![\w-])(?P<v>{'|'.join(_ACTIVE_VERBS)})\s+(?:the\s+)?(?P<q>{QUANTITY})(?P<np>(?:\s+[\w’'-]+){{1,4}})",
    re.IGNORECASE)
_ACTIVE_VERB = re.compile(rf"(?<![\w-])(?:{'|'.join(_ACTIVE_VERBS)})(?![\w-])", re.IGNORECASE)
_NOUNS = {"death": "killed", "deaths": "killed", "killing": "killed", "murder": "killed", "injury": "injured",
          "injuries": "injured", "wounding": "injured", "capture": "captured", "disappearance": "missing"}
_NOUN = re.compile(rf"(?<![\w-])(?P<v>{'|'.join(_NOUNS)})\s+of\s+(?:the\s+)?(?P<q>{QUANTITY})"
                   rf"(?P<np>(?:\s+[\w’'-]+){{1,4}})", re.IGNORECASE)
_NUMBER_OF = re.compile(
    rf"(?<![\w-])(?:the\s+)?(?:number|toll|death toll|tally)\s+of\s+(?P<v>dead|deaths|killed|wounded|injured|"
    rf"captured|missing|prisoners|casualties)\s+(?:(?!and\b|or\b)\w+\s+){{0,3}}?(?:is|was|has|had|reached|reaches|"
    rf"rose to|"
    rf"stands at|stood at|climbed to|increased to|now)\s+(?:risen\s+to\s+|reached\s+|now\s+)?(?P<q>{QUANTITY})"
    rf"(?![\w-])", re.IGNORECASE)
_DEATH_TOLL = re.compile(
    rf"(?<![\w-])death toll\s+(?:\w+\s+){{0,3}}?(?:is|was|reached|reaches|rose to|stands at|stood at|climbed to|"
    rf"increased to|has risen to|had risen to|now)\s+(?:at\s+)?(?P<q>{QUANTITY})(?![\w-])", re.IGNORECASE)
_NUMBER_OF_FIELDS = {"dead": "killed", "deaths": "killed", "killed": "killed", "wounded": "injured",
                     "injured": "injured", "captured": "captured", "prisoners": "captured", "missing": "missing"}
_NOUN_WORD = re.compile(rf"(?<![\w-])(?:{'|'.join(_NOUNS)})(?![\w-])", re.IGNORECASE)
_NOBODY = re.compile(
    rf"(?<![\w-])(?:no one|no-one|nobody)\s+{_AUX}(?P<v>{'|'.join(sorted(_PASSIVE_VERBS, key=len, reverse=True))})"
    r"(?![\w-])", re.IGNORECASE)
_STOP = {"and", "or", "but", "in", "on", "at", "by", "with", "while", "after", "before", "during", "when", "as",
         "from", "to", "were", "was", "had", "have", "has"}
_POSSESSIVE = re.compile(r"(?<![\w-])(its|their|our)(?![\w-])", re.IGNORECASE)


def _num(word: str) -> int:
    w = word.lower().replace(",", "")
    return int(w) if w.isdigit() else NUMBER_WORDS[w]


def quantity_value(text: str) -> str | None:
    """The quantity in casebook syntax ("four" -> "4", "dozens of" -> "dozens"), or None if not readable.

    Examples
    --------
    >>> quantity_value("twenty-three"), quantity_value("At least 1,200"), quantity_value("a couple of")
    ('23', 'at least 1200', 'a couple')
    """
    t = " ".join(text.lower().split())
    t = re.sub(r"\s+of$", "", t)
    base = _BASE.replace("(?:", "(?:", 1)
    m = re.fullmatch(rf"(?:(?P<bound>{_BOUND})\s+)?(?P<a>{base})(?:\s*(?:-|–|to)\s*(?P<b>{base}))?", t)
    if m:
        a = _num(m.group("a"))
        if m.group("b"):
            value = f"{a}-{_num(m.group('b'))}"
        elif m.group("bound"):
            value = f"{m.group('bound')} {a}"
        else:
            value = str(a)
    else:
        value = t
    try:
        read_count(value)
    except ValueError:
        return None
    return value


def _party(text: str, a: int, b: int, parties: PartyMatcher, speaker_party: str | None,
           previous: str | None) -> str | None:
    named = parties.first(text, a, b)
    if named:
        return named
    if speaker_party and _POSSESSIVE.search(text, a, b):
        return speaker_party
    words = text[a:b].lower().split()
    if words and words[-1] in {"others", "more"}:
        return previous
    return None


def _noun_phrase_ok(np: str) -> bool:
    words = [w.strip("’'").lower() for w in np.split()]
    return not words or words[-1] in PERSON_NOUNS


def _noun_phrase_end(text: str, a: int, b: int) -> int | None:
    """End of the first word naming people in ``text[a:b]`` (the noun phrase after an active verb)."""
    for m in re.finditer(r"[\w’'-]+", text[a:b]):
        word = m.group(0).strip("’'").lower()
        if word in PERSON_NOUNS:
            return a + m.end()
        if word in _STOP or word in _ACTIVE_VERBS or word in _PASSIVE_VERBS:
            return None
    return None


def find_counts(text: str, start: int, end: int, parties: PartyMatcher, speaker_party: str | None) -> list[Candidate]:
    """Return the counts of people killed, injured, captured or missing in the sentence ``text[start:end]``."""
    found: list[tuple[int, int, str, str, int, int, str]] = []  # span, field, value, noun phrase span, rule
    for m in _PASSIVE.finditer(text, start, end):
        if not _noun_phrase_ok(m.group("np")):
            continue
        value = quantity_value(m.group("q"))
        if value is None or (m.group("q").lower() in {"a", "an", "no"} and not m.group("np").strip()):
            continue
        found.append((m.start(), m.end(), _PASSIVE_VERBS[m.group("v").lower()], value, m.start("np"), m.end("np"),
                      "count-quantity-verb"))
    for m in _NUMBER_OF.finditer(text, start, end):
        value = quantity_value(m.group("q"))
        field = _NUMBER_OF_FIELDS.get(m.group("v").lower())
        if value is not None and field is not None:
            found.append((m.start(), m.end(), field, value, m.start(), m.start(), "count-number-of"))
    for m in _DEATH_TOLL.finditer(text, start, end):
        value = quantity_value(m.group("q"))
        if value is not None and not any(a <= m.start() < b for a, b, *_ in found):
            found.append((m.start(), m.end(), "killed", value, m.start(), m.start(), "count-number-of"))
    for m in _NOBODY.finditer(text, start, end):
        found.append((m.start(), m.end(), _PASSIVE_VERBS[m.group("v").lower()], "0", m.start(), m.start(),
                      "count-nobody"))
    for trigger, pattern, fields, rule in ((_ACTIVE_VERB, _ACTIVE, _ACTIVE_VERBS, "count-verb-quantity"),
                                           (_NOUN_WORD, _NOUN, _NOUNS, "count-noun-of-quantity")):
        for verb in trigger.finditer(text, start, end):
            m = pattern.match(text, verb.start(), end)
            if m is None or any(a <= m.start() < b for a, b, *_ in found):
                continue
            np_end = _noun_phrase_end(text, m.start("np"), m.end("np"))
            value = quantity_value(m.group("q"))
            if value is None or np_end is None:
                continue
            found.append((m.start(), np_end, fields[m.group("v").lower()], value, m.start("np"), np_end, rule))
    out = []
    previous = None
    for a, b, field, value, npa, npb, rule in sorted(found):
        party = _party(text, npa, npb, parties, speaker_party, previous)
        previous = party
        out.append(Candidate(field, value, a, b, rule, party=party))
    return out
