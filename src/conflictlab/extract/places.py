"""Places: named settlements and areas, with their GeoNames entry when the offline GeoNames list has one.

Three rules, in this order:

* ``place-pattern``: a name with a place word: "the village of Nerkin Hand", "the Nerkin Hand settlement",
  "the northwestern Tovuz district", "Syunik province". Settlements (village, town, city, settlement) are looked
  up in GeoNames; areas (district, province, region, ...) are not in the GeoNames list of populated places and
  get no coordinates, even when a town shares their name.
* ``place-geonames``: a capitalised name after a preposition of place ("in", "near", "at", "outside",
  "around", "into", "towards", "across", "from", "between") that the GeoNames list of places of 500+
  inhabitants knows (main or Latin-script alternate name). Country names, party names, months and weekdays are
  never places here.

A place's country is read from the text ("Kornidzor, Armenia"; "Nerkin Hand in Armenia's southern Syunik
province"; "Armenia's southern Syunik province"), else taken from its GeoNames entry. Among namesakes, the
entry in that country wins, then entries in the parties' countries, then the most populous. An area named right
after a settlement ("Nerkin Hand in ... Syunik province", "Nerkin-And residential settlement of the Gafan
district") is recorded as the settlement's ``admin1`` or ``admin2``, not as a place of its own. Coordinates are
never made up: a place without a GeoNames entry has none.

Examples
--------
>>> t = "It occurred near the border village of Nerkin Hand in Armenia’s southern Syunik province."
>>> c = find_places(t, 0, len(t), set())[0]
>>> c.value, c.level, c.admin1, c.country, c.geonames_id, t[c.start:c.end]
('Nerkin Hand', 'settlement', 'Syunik Province', 'Armenia', None, 'village of Nerkin Hand')
>>> t = "Fire was opened near Tovuz."
>>> c = find_places(t, 0, len(t), set())[0]
>>> c.value, c.geonames_id, c.lat, c.lon, c.country
('Tovuz', 584821, 40.99249, 45.62838, 'Azerbaijan')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .candidate import Candidate
from .dates import MONTHS, WEEKDAYS
from .gazetteer import gazetteer

__all__ = ["find_places", "PLACE_WORDS"]

#: place word -> place level of the casebook model
PLACE_WORDS = {
    "residential area": "settlement", "residential settlement": "settlement",
    "village": "settlement", "town": "settlement", "city": "settlement", "settlement": "settlement",
    "hamlet": "settlement",
    "district": "admin2", "rayon": "admin2", "raion": "admin2", "county": "admin2", "municipality": "admin2",
    "province": "admin1", "region": "admin1", "oblast": "admin1", "governorate": "admin1", "marz": "admin1",
}
#: areas whose word is part of the name ("Syunik Province"); for the others ("region") the word is dropped
_NAMED_AREAS = {"district", "rayon", "raion", "county", "municipality", "province", "oblast", "governorate", "marz"}
_UPPER = "A-ZÀ-ÖØ-Þ"
_TOKEN = rf"[{_UPPER}][\w’'-]*"
_NAME = rf"{_TOKEN}(?:\s+{_TOKEN}){{0,3}}"
_WORDS = "|".join(sorted(PLACE_WORDS, key=len, reverse=True))
_WORD_OF = re.compile(rf"(?<![\w-])(?P<type>(?i:{_WORDS}))\s+of\s+(?:the\s+)?(?P<name>{_NAME})")
_NAME_WORD = re.compile(rf"(?<![\w’'-])(?P<name>{_NAME})\s+(?P<type>(?i:{_WORDS}))(?![\w-])")
_FOLLOWED_BY_WORD = re.compile(rf"\s+(?i:{_WORDS})(?![\w-])")
_PREPOSITION = re.compile(
    rf"(?<![\w-])(?:in|near|at|outside|around|into|toward|towards|across|from|between)\s+(?:the\s+)?(?P<name>{_NAME})")
_LEADING = {"The", "A", "An", "This", "That", "Its", "Their", "Our", "Each", "Every", "Both", "Such", "Further", "In",
            "On", "At", "Near"}
_NOT_PLACES = set(MONTHS) | set(WEEKDAYS) | {"Republic", "Union", "Post", "Map", "Border", "Peace", "President",
                                              "Minister", "Ministry", "Army", "Forces", "Government", "Kremlin"}


def _strip_leading(text: str, a: int, b: int) -> int:
    while True:
        m = re.match(r"([\w’'-]+)\s+", text[a:b])
        if m and m.group(1) in _LEADING:
            a += m.end()
            continue
        return a


def _country_before(text: str, lo: int, a: int) -> str | None:
    g = gazetteer()
    m = re.search(rf"(?P<c>{_NAME})['’]s\s+(?:[a-z-]+\s+)?$", text[max(lo, a - 50):a])
    return m.group("c") if m and g.country_code(m.group("c")) else None


def _context_after(text: str, b: int, hi: int) -> tuple[str | None, tuple[int, int, str, str] | None]:
    """Country and containing area named right after a settlement: ", Armenia" / " in Armenia's ... X province"."""
    g = gazetteer()
    rest = text[b:hi]
    m = re.match(rf",\s+(?P<c>{_NAME})(?![\w’'-])", rest)
    if m and g.country_code(m.group("c")):
        return m.group("c"), None
    m = re.match(rf"(?:\s+|['’]s\s+)(?:in|of)\s+(?:the\s+)?(?:(?P<c>{_NAME})['’]s\s+)?(?:[a-z-]+\s+)?"
                 rf"(?:(?P<area>{_NAME})(?:\s+(?P<type>(?i:{_WORDS})))?(?![\w-]))?", rest)
    if not m:
        return None, None
    country = m.group("c") if m.group("c") and g.country_code(m.group("c")) else None
    if country is None and m.group("area") and g.country_code(m.group("area")) and not m.group("type"):
        country = m.group("area")
    area = None
    if m.group("area") and m.group("type"):
        area = (b + m.start("area"), b + m.end("type"), _area_name(m.group("area"), m.group("type")),
                PLACE_WORDS[m.group("type").lower()])
    return country, area


def _area_name(name: str, word: str) -> str:
    return f"{name} {word.capitalize()}" if word.lower() in _NAMED_AREAS else name


def _excluded(name: str, excluded: set[str]) -> bool:
    g = gazetteer()
    base = re.sub(r"['’]s$", "", name)
    return base in excluded or base in _NOT_PLACES or g.country_code(base) is not None


def find_places(text: str, start: int, end: int, excluded: set[str],
                prefer: Iterable[str] = ()) -> list[Candidate]:
    """Return the places named in the sentence ``text[start:end]``.

    Parameters
    ----------
    excluded : set of str
        Words that are never places (the parties' names and adjectives).
    prefer : iterable of str
        ISO country codes whose GeoNames entries win among namesakes (the parties' countries).
    """
    g = gazetteer()
    prefer = list(prefer)
    found: list[Candidate] = []
    contained: list[tuple[int, int]] = []

    def geo(name: str, country: str | None) -> None | object:
        first = [g.country_code(country)] if country and g.country_code(country) else []
        entries = g.lookup(name, first + prefer)
        return entries[0] if entries else None

    def add(a: int, b: int, name: str, level: str, rule: str, name_start: int) -> None:
        if any(x < b and a < y for x, y in contained) or any(c.start < b and a < c.end for c in found):
            return
        if _excluded(name, excluded) or any(c.value == name for c in found):
            return
        country = None
        admins: dict[str, str] = {}
        if level == "settlement":
            country, area = _context_after(text, b, end)
            if area is not None:
                contained.append(area[:2])
                admins[area[3] if area[3] in ("admin1", "admin2") else "admin1"] = area[2]
        else:
            country = _country_before(text, start, name_start)
        entry = geo(name, country) if level == "settlement" else None
        if rule == "place-geonames" and entry is None:
            return
        cand = Candidate("place", name, a, b, rule, level=level, admin1=admins.get("admin1"),
                         admin2=admins.get("admin2"), country=country)
        if entry is not None:
            cand.geonames_id, cand.lat, cand.lon = entry.geonames_id, entry.lat, entry.lon
            cand.country = country or entry.country
        found.append(cand)

    for m in _WORD_OF.finditer(text, start, end):
        if _FOLLOWED_BY_WORD.match(text, m.end("name")):  # "settlement of the Gafan district": an area
            continue
        add(m.start(), m.end(), m.group("name"), PLACE_WORDS[m.group("type").lower()], "place-pattern",
            m.start("name"))
    for m in _NAME_WORD.finditer(text, start, end):
        a = _strip_leading(text, m.start("name"), m.end("name"))
        if a >= m.end("name"):
            continue
        word = m.group("type").lower()
        add(a, m.end(), _area_name(text[a:m.end("name")], word), PLACE_WORDS[word], "place-pattern", a)
    for m in _PREPOSITION.finditer(text, start, end):
        tokens = list(re.finditer(_TOKEN, text[m.start("name"):m.end("name")]))
        for k in range(len(tokens), 0, -1):  # the longest known name first
            a, b = m.start("name"), m.start("name") + tokens[k - 1].end()
            if text[b:b + 2] in ("’s", "'s") or text[b:b + 1] == "-":
                continue
            if g.lookup(text[a:b]) and not _excluded(text[a:b], excluded):
                add(m.start(), b, text[a:b], "settlement", "place-geonames", a)
                break
    found = [c for c in found if not any(x <= c.start and c.end <= y for x, y in contained)]
    return sorted(found, key=lambda c: c.start)
