"""Typed claim values: from what a person writes in a casebook to the columns of the claims table.

One parser per field kind (see :data:`conflictlab.model.vocab.FIELDS`). Each takes the value as written
(a number, a string, a mapping) and returns the claim's value columns plus ``value``, the value in words.
Parsers raise ``ValueError`` with a message that the casebook reader prefixes with the file, line and field.

Examples
--------
>>> parse_value("killed", "several")["count_high"]
9
>>> parse_value("date", "2024-02")["date_to"]
Timestamp('2024-02-29 00:00:00')
>>> parse_value("characterization", {"label": "Retaliatory operation", "blame": "armenia"})["value"]
'retaliatory operation (blames armenia)'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from .quantities import format_count, read_count
from .vocab import FIELDS, NO_ACTOR

__all__ = ["parse_value", "parse_date_interval", "normalise_label", "count_text", "place_text", "PARSERS"]

Row = dict[str, Any]


def normalise_label(text: str) -> str:
    """Return a label in canonical form: lower case, single spaces, no surrounding quotes or full stop.

    Examples
    --------
    >>> normalise_label('  “Retaliatory  Operation”. ')
    'retaliatory operation'
    """
    t = " ".join(str(text).split())
    previous = None
    while t != previous:
        previous = t
        t = t.strip().strip("\"'“”‘’«»").strip().rstrip(".")
    return t.casefold()


def _labels(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise ValueError(f"expected text, got {item!r}")
        out.extend(normalise_label(part) for part in item.split(";") if part.strip())
    return out


def _keys(keys: set) -> str:
    """List unknown keys, explaining YAML 1.1 booleans (an unquoted key ``on``/``yes`` is read as true)."""
    text = str(sorted(keys, key=str))
    if any(isinstance(k, bool) for k in keys):
        text += " (YAML reads unquoted on/off/yes/no as true/false: quote such a key)"
    return text


def _split_detail(value: Any, main: str) -> tuple[Any, str | None]:
    """Accept ``x`` or ``{main: x, detail: ...}``."""
    if isinstance(value, Mapping):
        unknown = set(value) - {main, "detail"}
        if unknown:
            raise ValueError(f"unknown key(s) {_keys(unknown)}; expected {main!r} and optionally 'detail'")
        if main not in value:
            raise ValueError(f"missing key {main!r}")
        detail = value.get("detail")
        return value[main], (None if detail is None else str(detail))
    return value, None


def _occurred(value: Any) -> Row:
    v, detail = _split_detail(value, "value")
    if not isinstance(v, bool):
        raise ValueError(f"expected true (it happened) or false (a denial), got {v!r}")
    return {"occurred": v, "detail": detail, "value": "happened" if v else "denied"}


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$")


def parse_date_interval(value: Any) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    """Read a date as ``(first day, last day, precision)``.

    Accepts ``2024-02-12`` (day), ``2024-02`` (month), ``2024`` (year), ``2024-02-12T20:50`` (minute; the
    interval is that day), an ISO interval ``2024-02-12/2024-02-14`` (day precision), or a ``datetime.date``.

    Examples
    --------
    >>> parse_date_interval("2024-02-12/2024-02-14")
    (Timestamp('2024-02-12 00:00:00'), Timestamp('2024-02-14 00:00:00'), 'day')
    >>> parse_date_interval("2024")[1]
    Timestamp('2024-12-31 00:00:00')
    """
    if isinstance(value, dt.datetime):
        day = pd.Timestamp(value.date())
        return day, day, "minute"
    if isinstance(value, dt.date):
        day = pd.Timestamp(value)
        return day, day, "day"
    if isinstance(value, int) and 1000 <= value <= 9999:
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a date such as 2024-02-12, got {value!r}")
    text = value.strip()
    try:
        if "/" in text:
            left, right = (part.strip() for part in text.split("/", 1))
            a, _, _ = parse_date_interval(left)
            _, b, _ = parse_date_interval(right)
            if a > b:
                raise ValueError(f"interval {text!r} ends before it starts")
            return a, b, "day"
        if _DAY.match(text):
            day = pd.Timestamp(text)
            return day, day, "day"
        if m := _TIME.match(text):
            day = pd.Timestamp(m.group(1))
            return day, day, "minute"
        if _MONTH.match(text):
            start = pd.Timestamp(text + "-01")
            return start, start + pd.offsets.MonthEnd(0), "month"
        if _YEAR.match(text):
            return pd.Timestamp(text + "-01-01"), pd.Timestamp(text + "-12-31"), "year"
    except (ValueError, OverflowError) as exc:
        if "ends before" in str(exc):
            raise
        raise ValueError(f"not a valid date: {text!r}") from exc
    raise ValueError(f"cannot read {text!r} as a date; write 2024-02-12, 2024-02, 2024 or 2024-02-12/2024-02-14")


def _date_text(a: pd.Timestamp, b: pd.Timestamp, precision: str) -> str:
    if precision == "month":
        return a.strftime("%Y-%m")
    if precision == "year":
        return a.strftime("%Y")
    return a.strftime("%Y-%m-%d") if a == b else f"{a:%Y-%m-%d}/{b:%Y-%m-%d}"


def _date(value: Any) -> Row:
    if isinstance(value, Mapping):
        unknown = set(value) - {"value", "from", "to", "precision", "detail"}
        if unknown:
            raise ValueError(f"unknown key(s) {_keys(unknown)}; expected value, or from/to, and optionally detail")
        detail = value.get("detail")
        if "value" in value:
            a, b, precision = parse_date_interval(value["value"])
        elif "from" in value and "to" in value:
            a, _, pa = parse_date_interval(value["from"])
            _, b, pb = parse_date_interval(value["to"])
            precision = pa if pa == pb else "day"
            if a > b:
                raise ValueError(f"'from' {a:%Y-%m-%d} is after 'to' {b:%Y-%m-%d}")
        else:
            raise ValueError("a date mapping needs 'value', or both 'from' and 'to'")
        if "precision" in value:
            precision = str(value["precision"])
    else:
        a, b, precision = parse_date_interval(value)
        detail = None
    text = _date_text(a, b, precision)
    return {
        "date_from": a,
        "date_to": b,
        "date_precision": precision,
        "detail": None if detail is None else str(detail),
        "value": text if detail is None else f"{text} ({detail})",
    }


def _place(value: Any) -> Row:
    v, detail = _split_detail(value, "place")
    if not isinstance(v, str) or not v.strip():
        raise ValueError(f"expected the id of a place in the casebook's 'places', got {v!r}")
    return {"place_id": v.strip(), "detail": detail, "value": v.strip()}


def _actor(value: Any) -> Row:
    v, detail = _split_detail(value, "party")
    if not isinstance(v, str) or not v.strip():
        raise ValueError(f"expected a party id (or {NO_ACTOR!r}), got {v!r}")
    v = v.strip()
    return {"actor": v, "detail": detail, "value": v if detail is None else f"{v} ({detail})"}


def _count(value: Any) -> Row:
    v, detail = value, None
    if isinstance(value, Mapping):
        unknown = set(value) - {"count", "low", "high", "reading", "detail"}
        if unknown:
            raise ValueError(f"unknown key(s) {_keys(unknown)}; expected count, or low/high/reading, and detail")
        detail = value.get("detail")
        if "count" in value:
            v = value["count"]
        elif "low" in value:
            v = [value["low"], value.get("high")]
        else:
            raise ValueError("a count mapping needs 'count', or 'low' (and 'high')")
    low, high, reading = read_count(v)
    if isinstance(value, Mapping) and value.get("reading"):
        reading = str(value["reading"])
    text = count_text(low, high, reading)
    return {
        "count_low": low,
        "count_high": high,
        "count_reading": reading or None,
        "detail": None if detail is None else str(detail),
        "value": text,
    }


def count_text(low: int, high: int | None, reading: str | None) -> str:
    """The count in words: ``4``, or ``3-9 ('several')`` when it was read from words.

    Examples
    --------
    >>> count_text(3, 9, "'several' read as 3-9 (more than two, fewer than a dozen)")
    "3-9 ('several')"
    """
    text = format_count(low, high)
    if reading:
        head = reading.split(" read as ")[0] if " read as " in reading else "see reading"
        text = f"{text} ({head})"
    return text


def place_text(name: str, detail: str | None) -> str:
    """The place in words: its gazetteer name, and the claim's qualifier.

    Examples
    --------
    >>> place_text("Nerkin Hand", "near the border village")
    'Nerkin Hand (near the border village)'
    """
    return name if not detail else f"{name} ({detail})"


def _labels_row(value: Any) -> Row:
    v, detail = _split_detail(value, "label")
    labels = _labels(v)
    text = "; ".join(labels)
    return {"labels": text, "detail": detail, "value": text}


def _framing(value: Any) -> Row:
    items = value if isinstance(value, list) else [value]
    labels: list[str] = []
    blames: set[str] = set()
    details: list[str] = []
    for item in items:
        if not isinstance(item, Mapping):
            raise ValueError("a characterization is {label: ..., blame: <party id, 'none' or 'both'>}")
        unknown = set(item) - {"label", "blame", "detail"}
        if unknown:
            raise ValueError(f"unknown key(s) {_keys(unknown)}; expected label, blame and optionally detail")
        if "label" not in item or "blame" not in item:
            raise ValueError("a characterization needs both 'label' and 'blame'")
        labels.extend(_labels(item["label"]))
        blames.add(str(item["blame"]).strip())
        if item.get("detail"):
            details.append(str(item["detail"]))
    if len(blames) != 1:
        raise ValueError(f"the labels of one characterization must blame the same party, got {sorted(blames)}")
    blame = blames.pop()
    text = "; ".join(labels)
    return {
        "labels": text,
        "blame": blame,
        "detail": "; ".join(details) or None,
        "value": f"{text} (blames {blame})",
    }


def _cause(value: Any) -> Row:
    v, detail = _split_detail(value, "incident")
    if not isinstance(v, str) or not v.strip():
        raise ValueError(f"expected the id of an incident, or {NO_ACTOR!r} (unprovoked), got {v!r}")
    v = v.strip()
    cause = None if v == NO_ACTOR else v
    text = "none (unprovoked)" if cause is None else f"caused by {v}"
    return {"cause_incident_id": cause, "detail": detail, "value": text if detail is None else f"{text} ({detail})"}


PARSERS: dict[str, Callable[[Any], Row]] = {
    "occurred": _occurred,
    "date": _date,
    "place": _place,
    "actor": _actor,
    "count": _count,
    "labels": _labels_row,
    "framing": _framing,
    "cause": _cause,
}
"""field kind -> parser."""


def parse_value(field: str, value: Any) -> Row:
    """Parse the value of ``field`` as written in a casebook into claim columns.

    Examples
    --------
    >>> parse_value("occurred", False)["value"]
    'denied'
    >>> parse_value("cause", "none")["value"]
    'none (unprovoked)'
    """
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r}; expected one of {', '.join(FIELDS)}")
    return PARSERS[FIELDS[field].kind](value)
