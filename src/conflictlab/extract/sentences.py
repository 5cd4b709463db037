"""Sentence and quotation spans: where each sentence of a text starts and ends, and which parts are quoted.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotation marks or brackets) followed by white space
and a capital letter, an opening quotation mark or bracket, or the end of the text; a line break always ends
one. A full stop after a known abbreviation (``Feb.``, ``Gen.``, ``U.S.``) or an initial does not.

Examples
--------
>>> text = "On Feb. 13, the ministry said four were killed. “It was a provocation,” it said."
>>> [text[a:b] for a, b in split_sentences(text)]
['On Feb. 13, the ministry said four were killed.', '“It was a provocation,” it said.']
>>> [text[a:b] for a, b in quoted_spans(text)]
['“It was a provocation,”']
"""

from __future__ import annotations

import re

__all__ = ["split_sentences", "quoted_spans", "ABBREVIATIONS"]

#: Words whose full stop does not end a sentence (lower case, without the final stop).
ABBREVIATIONS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "pvt", "adm", "brig", "cmdr",
    "gov", "sen", "rep", "pres", "amb", "st", "mt", "no", "nos", "vs", "etc", "approx", "est", "jr", "sr",
    "u.s", "u.k", "u.n", "e.u", "e.g", "i.e", "a.m", "p.m",
})

_END = re.compile(r"[.!?]+[\"”’')\]]*")
_NEXT = re.compile(r"\s+(?=[\"“‘'(\[]?[^\W\d_])|\s*$")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _is_boundary(text: str, match: re.Match) -> bool:
    after = _NEXT.match(text, match.end())
    if after is None:
        return False
    if after.end() < len(text):
        nxt = text[after.end():after.end() + 2].lstrip("\"“‘'([")
        if not nxt or not nxt[0].isupper():
            return False
    if match.group(0).startswith(".") and not match.group(0).startswith(".."):
        word = _WORD_BEFORE.search(text, 0, match.start())
        if word:
            w = word.group(1).lower().strip(".")
            if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                return False
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` character span of each sentence of ``text``, without surrounding space.

    Examples
    --------
    >>> split_sentences("Gen. Smith said so. Nothing else.\\nA heading")
    [(0, 19), (20, 33), (34, 43)]
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in _END.finditer(text, line.start(), line.end()):
            if _is_boundary(text[: line.end()], m):
                spans.append((start, m.end()))
                start = m.end()
        spans.append((start, line.end()))
    out = []
    for a, b in spans:
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if b - trail > a + lead:
            out.append((a + lead, b - trail))
    return out


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of quoted passages: “curly” quotation marks, and pairs of straight double quotes.

    A quotation left open at the end of a paragraph ends there (news copy often leaves a multi-paragraph
    quotation open).

    Examples
    --------
    >>> quoted_spans('He called it "a provocation" twice.')
    [(13, 28)]
    """
    spans = []
    for para in re.finditer(r"[^\n]+", text):
        open_at = None
        straight_open = None
        for i in range(para.start(), para.end()):
            ch = text[i]
            if ch == "“" and open_at is None:
                open_at = i
            elif ch == "”" and open_at is not None:
                spans.append((open_at, i + 1))
                open_at = None
            elif ch == '"':
                if straight_open is None:
                    straight_open = i
                else:
                    spans.append((straight_open, i + 1))
                    straight_open = None
        for left in (open_at, straight_open):
            if left is not None:
                spans.append((left, para.end()))
    return sorted(spans)
