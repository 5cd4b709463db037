"""Dates of the incident: absolute ("Feb. 13", "13 February 2024", "2024-02-12", "September 2023") and relative
to the document's publication date ("yesterday", "on Monday", "last night", "two days ago", "this week").

Conventions (the publication date is ``P``):

* a date without a year takes ``P``'s year, or the year before when that would put it more than six months
  after ``P``;
* "today" is ``P``; "yesterday" is ``P`` - 1; "the day before yesterday" ``P`` - 2; "N days ago" ``P`` - N;
* a weekday ("on Monday", "Monday's attack") is the latest such day on or before ``P``; "last Monday" the
  latest one before ``P``;
* "last night" is the interval ``P`` - 1 / ``P``; "this week" is Monday of ``P``'s week to ``P``; "last week"
  the Monday-to-Sunday week before.

Without a publication date, relative dates and dates without a year are not proposed (there is nothing to
resolve them against). A date that dates the *statement* rather than the incident ("Peskov said on Feb. 13",
"On Feb. 13, the ministry said ...") is not proposed. A relative date followed by the report's own gloss
("yesterday [Feb. 12]") is one candidate.

Examples
--------
>>> import datetime as dt
>>> t = "Our soldiers were fired upon yesterday [Feb. 12] and on Saturday."
>>> [(c.value, t[c.start:c.end]) for c in find_dates(t, 0, len(t), dt.date(2024, 2, 13), [])]
[('2024-02-12', 'yesterday [Feb. 12]'), ('2024-02-10', 'on Saturday')]
"""

from __future__ import annotations

import datetime as dt
import re

from .attribution import Attribution
from .candidate import Candidate

__all__ = ["find_dates", "MONTHS", "WEEKDAYS"]

MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "August": 8,
    "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10,
    "Nov": 11, "Dec": 12,
}
WEEKDAYS = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1}

_FULL = [m for m, n in MONTHS.items() if len(m) > 4 or m in ("May", "June", "July")]
_ABBR = [m for m in MONTHS if m not in _FULL]
_MONTH = (r"(?:(?P<month>" + "|".join(sorted(_FULL, key=len, reverse=True)) + r")|(?P<abbr>"
          + "|".join(sorted(_ABBR, key=len, reverse=True)) + r")\.?)")
_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("date-iso", re.compile(r"(?<![\w-])(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})(?![\w-])")),
    ("date-month-year", re.compile(rf"(?<![\w-]){_MONTH}\s+(?P<year>\d{{4}})(?![\w-])")),
    ("date-month-day", re.compile(
        rf"(?<![\w-]){_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\w-])(?:,?\s+(?P<year>\d{{4}})(?![\w-]))?")),
    ("date-day-month", re.compile(
        rf"(?<![\w-])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![\w-])"
        rf"(?:,?\s+(?P<year>\d{{4}})(?![\w-]))?")),
)
_RELATIVE = re.compile(
    r"(?<![\w-])(?:(?P<dby>the day before yesterday)|(?P<yesterday>yesterday)|(?P<today>today)|"
    r"(?P<lastnight>last night)|(?P<thisweek>this week)|(?P<lastweek>last week)|"
    r"(?P<ago>(?P<n>\d+|one|two|three|four|five|six|seven|a) days? ago)|"
    r"(?:(?P<last>last)\s+|(?:on\s+))?(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:['’]s)?)(?![\w-])",
    re.IGNORECASE)
_STATED_BEFORE = re.compile(
    r"(?:said|says|stated|told\s+[\w ]{1,20}?|announced|reported|added|declared|statement(?:\s+\w+)?)\s+(?:on\s+)?$")


def _as_date(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "date") and callable(value.date):  # pandas Timestamp
        return value.date()
    return dt.date.fromisoformat(str(value).strip()[:10])


def _year_for(month: int, day: int, published: dt.date) -> int:
    try:
        guess = dt.date(published.year, month, day)
    except ValueError:
        return published.year
    return published.year - 1 if (guess - published).days > 183 else published.year


def _absolute(m: re.Match, rule: str, published: dt.date | None) -> str | None:
    month = int(m.group("m")) if rule == "date-iso" else MONTHS[m.group("month") or m.group("abbr")]
    year = m.group("year")
    if rule == "date-month-year":
        return f"{int(year):04d}-{month:02d}"
    day = int(m.group("day"))
    if year is None:
        if published is None:
            return None
        year = _year_for(month, day, published)
    try:
        return dt.date(int(year), month, day).isoformat()
    except ValueError:
        return None


def _relative(m: re.Match, published: dt.date) -> str:
    p = published
    if m.group("dby"):
        return (p - dt.timedelta(days=2)).isoformat()
    if m.group("yesterday"):
        return (p - dt.timedelta(days=1)).isoformat()
    if m.group("today"):
        return p.isoformat()
    if m.group("lastnight"):
        return f"{p - dt.timedelta(days=1)}/{p}"
    if m.group("thisweek"):
        monday = p - dt.timedelta(days=p.weekday())
        return p.isoformat() if monday == p else f"{monday}/{p}"
    if m.group("lastweek"):
        monday = p - dt.timedelta(days=p.weekday() + 7)
        return f"{monday}/{monday + dt.timedelta(days=6)}"
    if m.group("ago"):
        n = m.group("n").lower()
        return (p - dt.timedelta(days=int(n) if n.isdigit() else _SMALL[n])).isoformat()
    target = WEEKDAYS[m.group("weekday").capitalize()]
    back = (p.weekday() - target) % 7
    if m.group("last") and back == 0:
        back = 7
    return (p - dt.timedelta(days=back)).isoformat()


def _dates_statement(text: str, start: int, a: int, b: int, speaker: Attribution | None) -> bool:
    """Whether the date at ``text[a:b]`` dates a statement ("said on Feb. 13", "On Feb. 13, X said")."""
    if _STATED_BEFORE.search(text[max(start, a - 40):a]):
        return True
    if speaker is not None and speaker.verb != "according to":
        lead = text[start:a].strip().lower()
        between = text[b:speaker.start]
        if lead in ("on", "") and re.fullmatch(r"\s*,?\s*", between):
            return True
    return False


def find_dates(text: str, start: int, end: int, published: dt.date | str | None,
               speakers: list[Attribution]) -> list[Candidate]:
    """Return the incident dates in the sentence ``text[start:end]``, resolved against ``published``."""
    published = _as_date(published)
    spans: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for rule, pattern in _PATTERNS:
        for m in pattern.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value = _absolute(m, rule, published)
            taken.append((m.start(), m.end()))
            if value is not None:
                spans.append((m.start(), m.end(), value, rule))
    if published is not None:
        for m in _RELATIVE.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if m.group("weekday") and not m.group("weekday")[0].isupper():
                continue
            taken.append((m.start(), m.end()))
            spans.append((m.start(), m.end(), _relative(m, published), "date-relative"))
    spans.sort()
    out: list[Candidate] = []
    for a, b, value, rule in spans:
        if any(_dates_statement(text, start, a, b, s) for s in speakers) or _dates_statement(text, start, a, b, None):
            continue
        if out and out[-1].value == value and re.fullmatch(r"[\s\[\](),]*", text[out[-1].end:a]):
            close = b + 1 if text[b:b + 1] in ")]" else b
            out[-1].end = close  # "yesterday [Feb. 12]": the report's gloss joins the candidate
            continue
        out.append(Candidate("date", value, a, b, rule))
    return out
