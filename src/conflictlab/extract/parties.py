"""Party mentions: which party a name, an adjective or a possessive in the text refers to.

``parties`` maps a party id to the words that name it (``{"armenia": ["Armenia", "Armenian"]}``). Matching is
case-sensitive and on whole words; a possessive (``Armenia’s``) counts as a mention of its party.

Examples
--------
>>> m = PartyMatcher({"armenia": ["Armenia", "Armenian"], "azerbaijan": ["Azerbaijan", "Azerbaijani"]})
>>> [(p, s) for p, s, e in m.find("fire by Azerbaijani forces on Armenia’s post")]
[('azerbaijan', 8), ('armenia', 30)]
>>> party_variants({"ukraine": "Ukraine"})["ukraine"][:2]
['Ukraine', 'Ukrainian']
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pandas as pd

__all__ = ["PartyMatcher", "party_variants", "normalise_parties"]


def _demonyms(name: str) -> list[str]:
    """Guesses at the adjective of a country-like name (Armenia -> Armenian, Azerbaijan -> Azerbaijani)."""
    n = name.strip()
    if " " in n or not n.isalpha():
        return []
    if n.endswith("ia"):
        return [n + "n"]
    if n.endswith("a"):
        return [n + "n", n[:-1] + "ese"]
    if n.endswith("e"):
        return [n[:-1] + "ian", n[:-1] + "ese"]
    if n.endswith(("an", "al")):
        return [n + "i", n + "ese"]
    if n.endswith("el"):
        return [n + "i"]
    if n.endswith("y"):
        return [n[:-1] + "ian", n[:-1] + "ish"]
    return [n + "ian", n + "i", n + "ese"]


def party_variants(parties: pd.DataFrame | Mapping[str, str]) -> dict[str, list[str]]:
    """Return the words that name each party: its name and guesses at its adjective.

    The adjectives are guessed from the name's ending (Armenia -> Armenian, Azerbaijan -> Azerbaijani,
    Ukraine -> Ukrainian, Israel -> Israeli); a guess that is not a word does no harm, since it never occurs in a
    text. Pass your own mapping to :func:`~conflictlab.extract.propose_claims` for anything else (Russian ->
    ``russia``, the Kremlin, Kyiv).

    Parameters
    ----------
    parties : DataFrame or mapping
        A casebook's ``parties`` table (``party_id``, ``name``), or a mapping party id -> name.

    Examples
    --------
    >>> party_variants({"armenia": "Armenia", "azerbaijan": "Azerbaijan"})
    {'armenia': ['Armenia', 'Armenian'], 'azerbaijan': ['Azerbaijan', 'Azerbaijani', 'Azerbaijanese']}
    """
    if isinstance(parties, pd.DataFrame):
        pairs = list(zip(parties["party_id"], parties["name"], strict=True))
    else:
        pairs = list(parties.items())
    out = {}
    for pid, name in pairs:
        names = [str(name)]
        if str(pid) != str(name) and str(pid)[:1].isupper():
            names.append(str(pid))
        out[str(pid)] = list(dict.fromkeys(names + _demonyms(str(name))))
    return out


def normalise_parties(parties: Mapping[str, Sequence[str] | str] | None) -> dict[str, list[str]]:
    """Return ``parties`` as party id -> list of variants (a single string becomes a one-item list)."""
    if not parties:
        return {}
    return {str(k): ([v] if isinstance(v, str) else [str(x) for x in v]) for k, v in parties.items()}


class PartyMatcher:
    """Find mentions of parties in a text.

    Parameters
    ----------
    parties : mapping of party id -> sequence of names
        The words that name each party, e.g. ``{"armenia": ["Armenia", "Armenian"]}``.
    """

    def __init__(self, parties: Mapping[str, Sequence[str] | str] | None):
        self.parties = normalise_parties(parties)
        self.by_word: dict[str, str] = {}
        for pid, names in self.parties.items():
            for name in names:
                self.by_word.setdefault(name, pid)
        words = sorted(self.by_word, key=len, reverse=True)
        self.pattern = (re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?:['’]s)?(?![\w])")
                        if words else None)

    @property
    def ids(self) -> list[str]:
        """The party ids."""
        return list(self.parties)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
        """Return ``(party id, start, end)`` of each mention in ``text[start:end]`` (positions in ``text``)."""
        if self.pattern is None:
            return []
        end = len(text) if end is None else end
        return [(self.by_word[m.group(1)], m.start(), m.end()) for m in self.pattern.finditer(text, start, end)]

    def first(self, text: str, start: int = 0, end: int | None = None) -> str | None:
        """The party first mentioned in ``text[start:end]``, or None."""
        found = self.find(text, start, end)
        return found[0][0] if found else None

    def alternation(self) -> str:
        """A regular expression (no group) matching any party word, possessive included; never matches if none."""
        if not self.by_word:
            return r"(?!x)x"
        words = sorted(self.by_word, key=len, reverse=True)
        return r"(?:" + "|".join(re.escape(w) for w in words) + r")(?:['’]s)?(?![\w])"

    def regex(self) -> str:
        """:meth:`alternation` as one capturing group."""
        return "(" + self.alternation() + ")"

    def party_of(self, word: str) -> str | None:
        """The party a matched word (possibly possessive) names."""
        return self.by_word.get(re.sub(r"['’]s$", "", word))

    def other(self, party: str | None) -> str | None:
        """The other party when there are exactly two, else None."""
        if party is None or len(self.parties) != 2 or party not in self.parties:
            return None
        return next(p for p in self.parties if p != party)
