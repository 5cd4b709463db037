"""Hypothesis strategies for the conflictlab tests: text, counts, dates, and small valid casebooks.

A generated casebook is a YAML document (a dict) built the way a person would write one; tests dump it with
``yaml.safe_dump`` and read it with :func:`conflictlab.io.casebook_from_yaml`.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import strategies as st

from conflictlab.model.quantities import VAGUE_QUANTITIES
from conflictlab.model.vocab import (DATE_PRECISIONS, NO_ACTOR, PLACE_LEVELS, QUOTE_KINDS, SOURCE_KINDS,
                                     THIRD_PARTY)

#: Any text a person could paste: every Unicode character but lone surrogates (which UTF-8 cannot hold) and NUL
#: (pandas 3.0's C parser ends a CSV cell at NUL, so a CSV table cannot carry it; pandas 3.1 can).
any_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=24)

#: Text with something printable in it (a quote or a name must not be blank).
some_text = any_text.filter(lambda s: s.strip() != "")

#: Words from the scripts of the region, mixed with ASCII punctuation and spaces.
regional_text = st.text(
    st.sampled_from("ՆերքինՀանդԱԲԳաբգ Tovuzrayonu Qazax Şəki ğıöüç ТовузКазахё «»—’“”'\";:-=+@#"),
    min_size=1, max_size=24,
).filter(lambda s: s.strip() != "")

#: Short ids (of parties, sources, places, statements) that are not words with a meaning in the model.
ids = st.from_regex(r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4})?", fullmatch=True).filter(
    lambda s: s not in (NO_ACTOR, "both", THIRD_PARTY))

#: Labels as a person writes them (normalisation lower-cases them; they must keep a letter).
labels = st.text(st.sampled_from("abcdefghij ABC"), min_size=1, max_size=12).filter(lambda s: s.strip() != "")

days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))


@st.composite
def date_specs(draw) -> object:
    """A date as written in a casebook: a day (a ``datetime.date``), a month, a year, or an interval."""
    kind = draw(st.sampled_from(["day", "month", "year", "interval"]))
    a = draw(days)
    if kind == "day":
        return a
    if kind == "month":
        return f"{a:%Y-%m}"
    if kind == "year":
        return a.year
    b = a + dt.timedelta(days=draw(st.integers(0, 40)))
    return f"{a:%Y-%m-%d}/{b:%Y-%m-%d}"


@st.composite
def count_specs(draw) -> object:
    """A count as written in a casebook: a number, a vague word, a bound, a range or a ``{low, high}`` mapping."""
    n = draw(st.integers(0, 10**6))
    m = draw(st.integers(0, 10**6))
    low, high = min(n, m), max(n, m)
    return draw(st.sampled_from([
        n,
        str(n),
        f"at least {n}",
        f"more than {n}",
        f"up to {n}",
        f"about {n}",
        f"{low}-{high}",
        {"low": low, "high": high},
        {"low": low},
        {"count": n, "detail": "preliminary"},
        *VAGUE_QUANTITIES,
    ]))


#: count intervals (low, high); high None = no upper bound
count_intervals = st.integers(0, 500).flatmap(
    lambda low: st.tuples(st.just(low), st.one_of(st.none(), st.integers(low, low + 500))))


@st.composite
def date_intervals(draw) -> tuple[pd.Timestamp, pd.Timestamp]:
    """A (first day, last day) interval of at most 60 days."""
    a = draw(days)
    b = a + dt.timedelta(days=draw(st.integers(0, 60)))
    return pd.Timestamp(a), pd.Timestamp(b)


@st.composite
def casebook_docs(draw, text=any_text) -> dict:
    """A small valid casebook as a YAML document (a dict), with ``text`` in every free-text slot."""
    opt = lambda: draw(st.one_of(st.none(), text))  # noqa: E731
    non_blank = text.filter(lambda s: s.strip() != "")

    party_ids = draw(st.lists(ids, min_size=2, max_size=3, unique=True))
    parties = {p: {"name": draw(text)} for p in party_ids}
    for p in party_ids:
        if (note := opt()) is not None:
            parties[p]["note"] = note

    source_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    sources = {}
    for s in source_ids:
        rec = {"name": draw(text), "side": draw(st.sampled_from([*party_ids, THIRD_PARTY])),
               "kind": draw(st.sampled_from(SOURCE_KINDS))}
        for key in ("affiliation", "note"):
            if (value := opt()) is not None:
                rec[key] = value
        sources[s] = rec

    documents = {}
    for d in draw(st.lists(ids, min_size=1, max_size=2, unique=True)):
        rec = {"publisher": draw(text), "title": draw(text)}
        if draw(st.booleans()):
            rec["published"] = draw(days)
        if (note := opt()) is not None:
            rec["note"] = note
        documents[d] = rec

    places = {}
    for p in draw(st.lists(ids, min_size=1, max_size=2, unique=True)):
        rec = {"name": draw(text), "level": draw(st.sampled_from(PLACE_LEVELS)), "country": draw(text)}
        if draw(st.booleans()):
            rec["aliases"] = draw(st.lists(non_blank.filter(lambda s: ";" not in s), min_size=1, max_size=2))
        if draw(st.booleans()):
            rec["lat"] = draw(st.floats(-90, 90, allow_nan=False))
            rec["lon"] = draw(st.floats(-180, 180, allow_nan=False))
            rec["coord_source"] = draw(text)
        places[p] = rec

    incident_ids = draw(st.lists(ids, min_size=1, max_size=2, unique=True))
    incidents = {}
    for i in incident_ids:
        rec = {"title": draw(text)}
        if draw(st.booleans()):
            rec["date"] = draw(date_specs())
        if draw(st.booleans()):
            rec["place"] = draw(st.sampled_from(sorted(places)))
        incidents[i] = rec

    statements = []
    for sid in draw(st.lists(ids, min_size=1, max_size=4, unique=True)):
        incident = draw(st.sampled_from(incident_ids))
        says: dict = {}
        for field in draw(st.sets(st.sampled_from(["occurred", "date", "place", "perpetrator", "killed", "injured",
                                                  "means", "characterization", "cause"]), min_size=1)):
            if field == "occurred":
                says[field] = draw(st.booleans())
            elif field == "date":
                says[field] = draw(st.one_of(date_specs(), st.builds(lambda v, d: {"value": v, "detail": d},
                                                                    date_specs(), non_blank)))
            elif field == "place":
                says[field] = draw(st.sampled_from(sorted(places)))
            elif field == "perpetrator":
                says[field] = draw(st.sampled_from([*party_ids, NO_ACTOR]))
            elif field in ("killed", "injured"):
                who = draw(st.lists(st.sampled_from(party_ids), min_size=1, unique=True))
                says[field] = {p: draw(count_specs()) for p in who}
            elif field == "means":
                says[field] = draw(st.lists(labels, min_size=1, max_size=3))
            elif field == "characterization":
                says[field] = {"label": draw(labels), "blame": draw(st.sampled_from([*party_ids, NO_ACTOR, "both"]))}
            elif field == "cause":
                others = [i for i in incident_ids if i != incident]
                says[field] = draw(st.sampled_from([NO_ACTOR, *others]))
        st_rec = {"id": sid, "incident": incident, "source": draw(st.sampled_from(source_ids)),
                  "document": draw(st.sampled_from(sorted(documents))),
                  "stated": draw(st.one_of(days, date_intervals().map(lambda ab: f"{ab[0]:%Y-%m-%d}/{ab[1]:%Y-%m-%d}"))),
                  "quote": draw(non_blank), "quote_kind": draw(st.sampled_from(QUOTE_KINDS)), "says": says}
        if (note := opt()) is not None:
            st_rec["note"] = note
        statements.append(st_rec)

    return {"conflictlab": 1, "title": draw(text), "parties": parties, "sources": sources, "documents": documents,
            "places": places, "incidents": incidents, "statements": statements}


__all__ = ["any_text", "some_text", "regional_text", "ids", "labels", "days", "date_specs", "count_specs",
           "count_intervals", "date_intervals", "casebook_docs", "DATE_PRECISIONS"]
