"""Counts as intervals: exact numbers, bounds ("at least 4") and vague words ("several").

A source that says "several injured" has not said a number. conflictlab stores what it did say: an interval
of the numbers the wording admits, and the reading used, so that a reader can see and change it. The readings
of vague words are conventions, listed in :data:`VAGUE_QUANTITIES` (and in the docs); they are never a guess
at the true number.

Examples
--------
>>> read_count(4)
(4, 4, '')
>>> read_count("several")
(3, 9, "'several' read as 3-9 (more than two, fewer than a dozen)")
>>> read_count("at least 4")
(4, None, "'at least 4' read as 4 or more")
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["VAGUE_QUANTITIES", "read_count", "format_count", "vague_quantities"]

#: word -> (low, high or None for no upper bound, gloss). Conventions, documented in docs/claim-model.md.
VAGUE_QUANTITIES: dict[str, tuple[int, int | None, str]] = {
    "a couple": (2, 3, "two, perhaps three"),
    "a few": (2, 4, "a small number, more than one"),
    "few": (2, 4, "a small number, more than one"),
    "several": (3, 9, "more than two, fewer than a dozen"),
    "a dozen": (10, 14, "about twelve"),
    "dozens": (24, 99, "at least two dozen, fewer than a hundred"),
    "scores": (40, 99, "at least two score, fewer than a hundred"),
    "hundreds": (200, 999, "at least two hundred, fewer than a thousand"),
    "thousands": (2000, 9999, "at least two thousand, fewer than ten thousand"),
    "many": (3, None, "more than two, no upper bound"),
    "some": (1, None, "at least one, no upper bound"),
    "casualties": (1, None, "at least one, no number given"),
}

_NUMBER_WORDS = {
    "no": 0, "none": 0, "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

_NUM = r"(\d[\d,]*|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_PATTERNS: tuple[tuple[str, str], ...] = (
    (rf"^(?:at least|no fewer than|no less than|not less than|minimum of|a minimum of) {_NUM}$", "atleast"),
    (rf"^(?:more than|over|upwards of|in excess of) {_NUM}$", "morethan"),
    (rf"^(?:up to|at most|no more than|as many as) {_NUM}$", "upto"),
    (rf"^(?:fewer than|less than|under) {_NUM}$", "lessthan"),
    (rf"^(?:about|around|approximately|roughly|some|an estimated|nearly|almost) {_NUM}$", "about"),
    (rf"^{_NUM}\s*(?:-|–|to)\s*{_NUM}$", "range"),
    (rf"^{_NUM}$", "exact"),
)


def _num(text: str) -> int:
    text = text.replace(",", "")
    return int(text) if text.isdigit() else _NUMBER_WORDS[text]


def read_count(value: object) -> tuple[int, int | None, str]:
    """Read a count as ``(low, high, reading)``; ``high`` is ``None`` when there is no upper bound.

    Accepts an integer, a ``[low, high]`` pair, or text: a number ("4", "four"), a bound ("at least 4",
    "more than 250", "up to 10"), an approximation ("about 100": within 10%), a range ("3-5") or a vague word
    of :data:`VAGUE_QUANTITIES`. ``reading`` says how text was read; it is empty for an exact number.

    Raises
    ------
    ValueError
        When the value is negative, has low > high, or is text that is not understood.

    Examples
    --------
    >>> read_count("more than 250")
    (251, None, "'more than 250' read as 251 or more")
    >>> read_count("about 100")
    (90, 110, "'about 100' read as 90-110 (within 10%)")
    >>> read_count([2, 5])
    (2, 5, '')
    """
    if isinstance(value, bool):
        raise ValueError(f"a count must be a number or words, not {value!r}")
    if isinstance(value, int):
        low, high, reading = value, value, ""
    elif isinstance(value, (list, tuple)) and len(value) == 2:
        low = int(value[0])
        high = None if value[1] is None else int(value[1])
        reading = ""
    elif isinstance(value, str):
        low, high, reading = _read_text(value)
    else:
        raise ValueError(f"a count must be a number, [low, high] or words, not {value!r}")
    if low < 0:
        raise ValueError(f"a count cannot be negative ({low})")
    if high is not None and low > high:
        raise ValueError(f"low {low} > high {high}")
    return low, high, reading


def _read_text(text: str) -> tuple[int, int | None, str]:
    t = " ".join(text.strip().lower().split())
    if t in VAGUE_QUANTITIES:
        low, high, gloss = VAGUE_QUANTITIES[t]
        return low, high, f"{t!r} read as {_span(low, high)} ({gloss})"
    for pattern, kind in _PATTERNS:
        m = re.match(pattern, t)
        if not m:
            continue
        if kind == "exact":
            n = _num(m.group(1))
            return n, n, ("" if t.replace(",", "").isdigit() else f"{t!r} read as {n}")
        if kind == "range":
            low, high = _num(m.group(1)), _num(m.group(2))
        else:
            n = _num(m.group(1))
            low, high = {
                "atleast": (n, None),
                "morethan": (n + 1, None),
                "upto": (0, n),
                "lessthan": (0, max(n - 1, 0)),
                "about": ((9 * n) // 10, -((-11 * n) // 10)),
            }[kind]
        suffix = " (within 10%)" if kind == "about" else ""
        return low, high, f"{t!r} read as {_span(low, high)}{suffix}"
    raise ValueError(
        f"cannot read {text!r} as a count; write a number, 'at least N', 'more than N', 'about N', 'N-M', "
        f"[low, high], or one of: {', '.join(VAGUE_QUANTITIES)}"
    )


def _span(low: int, high: int | None) -> str:
    if high is None:
        return f"{low} or more"
    return str(low) if low == high else f"{low}-{high}"


def format_count(low: int, high: int | None) -> str:
    """Return the interval in words for display.

    Examples
    --------
    >>> format_count(4, 4), format_count(3, 9), format_count(251, None)
    ('4', '3-9', '251 or more')
    """
    return _span(low, high)


def vague_quantities() -> pd.DataFrame:
    """Return the readings of vague words as a table (word, low, high, gloss).

    Examples
    --------
    >>> vague_quantities().set_index("word").loc["several", "high"]
    np.int64(9)
    """
    rows = [(w, lo, hi, g) for w, (lo, hi, g) in VAGUE_QUANTITIES.items()]
    df = pd.DataFrame(rows, columns=["word", "low", "high", "gloss"])
    return df.astype({"low": "int64", "high": "Int64"})
