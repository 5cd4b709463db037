"""The event model: one tidy table for event records of any conflict dataset (UCDP GED, ACLED, GDELT, Oryx).

An **event record** is one row of a dataset: what the dataset says happened, when, where, between whom and with
how many dead. The readers in :mod:`conflictlab.io` (``read_ucdp_ged``, ``read_acled``, ``read_gdelt_events``,
``read_oryx_events``) return this table; the cross-dataset matcher (:mod:`conflictlab.match`) takes it as input;
:func:`conflictlab.io.events_to_claims` turns it into claims. Columns, dtypes and meanings are defined here once
(:data:`EVENT_SCHEMAS`), with the same :class:`~conflictlab.model.tables.Column` mechanism as the casebook
tables; ``describe_events("events")`` documents them.

Every column of the original file is kept, after the model's columns, under its own name prefixed ``orig_``
(``orig_where_prec``): the rows stay aligned through filtering, sorting and concatenation, which a separate raw
frame would not, and a user can always check the model's reading against the dataset's own value.

Precision columns use the claim model's vocabularies (:data:`~conflictlab.model.vocab.DATE_PRECISIONS`,
:data:`~conflictlab.model.vocab.PLACE_LEVELS`), mapped **conservatively**: a dataset's code is mapped to the
finest level that is not more precise than what the code promises (UCDP ``date_prec`` 2, "a 2-6 day window",
becomes ``month``; the window itself is in ``date`` .. ``end_date``). The mappings are in :data:`PRECISION_MAPS`.

Examples
--------
>>> from conflictlab.model.events import EVENT_SCHEMAS, empty_events
>>> [c.name for c in EVENT_SCHEMAS["events"]][:6]
['event_id', 'dataset', 'date', 'end_date', 'date_precision', 'latitude']
>>> empty_events().dtypes["date"]
dtype('<M8[s]')
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import pandas as pd

from .problems import Problem
from .tables import DATE, Column, conform_columns
from .vocab import DATE_PRECISIONS, PLACE_LEVELS, categorical

__all__ = [
    "EVENT_SCHEMAS",
    "EVENT_TABLES",
    "ORIG_PREFIX",
    "LOSS_CATEGORIES",
    "LOSS_BASES",
    "PRECISION_MAPS",
    "EventDataWarning",
    "conform_events",
    "empty_events",
    "describe_events",
    "original_columns",
    "warn_problems",
]

ORIG_PREFIX = "orig_"
"""Prefix of the columns that keep a dataset's original values (``orig_where_prec``)."""

LOSS_CATEGORIES: tuple[str, ...] = (
    "personnel", "pow", "tanks", "armoured-vehicles", "artillery", "mlrs", "air-defence", "aircraft", "helicopters",
    "uav", "cruise-missiles", "ships", "submarines", "vehicles", "special-equipment", "srbm-launchers",
    "ground-robots",
)
"""Categories of claimed and documented losses (a common vocabulary for the Ukrainian General Staff's
categories and Oryx's equipment types; crosswalks in :mod:`conflictlab.io.losses` and :mod:`conflictlab.io.oryx`)."""

LOSS_BASES: tuple[str, ...] = ("claimed", "documented")
"""``claimed``: a party's own figure; ``documented``: a count of losses each backed by visual evidence (a lower
bound of the true number)."""


def _c(name: str, dtype: object, doc: str, required: bool = False) -> Column:
    return Column(name, dtype, required, doc)


EVENT_SCHEMAS: dict[str, tuple[Column, ...]] = {
    "events": (
        _c("event_id", "str", "the record's id in its dataset (UCDP ``id``, ACLED ``event_id_cnty``, GDELT "
           "``GLOBALEVENTID``); unique within a dataset", True),
        _c("dataset", "str", "short name of the dataset the record comes from (``ucdp-ged``, ``acled``, ``gdelt``, "
           "``oryx``)", True),
        _c("date", DATE, "first day of the window in which the event falls", True),
        _c("end_date", DATE, "last day of that window (equal to ``date`` for a dated event)", True),
        _c("date_precision", categorical(DATE_PRECISIONS), "how precisely the dataset knows the date, mapped "
           "conservatively onto the claim model's date precisions"),
        _c("latitude", "float64", "latitude in degrees, as geocoded by the dataset"),
        _c("longitude", "float64", "longitude in degrees, as geocoded by the dataset"),
        _c("location_precision", categorical(PLACE_LEVELS), "how precise the coordinates are, mapped "
           "conservatively onto the claim model's place levels"),
        _c("location", "str", "name of the place the coordinates stand for"),
        _c("country", "str", "country where the event took place"),
        _c("admin1", "str", "first-level admin area (province, region)"),
        _c("admin2", "str", "second-level admin area (district)"),
        _c("actor1", "str", "first actor or side (UCDP ``side_a``, ACLED ``actor1``, GDELT ``Actor1Name``, Oryx: "
           "the side whose equipment it was)"),
        _c("actor2", "str", "second actor or side (UCDP ``side_b``, ACLED ``actor2``, GDELT ``Actor2Name``)"),
        _c("perpetrator", "str", "the actor the dataset codes as carrying out the act, where it says so (UCDP "
           "one-sided violence, ACLED violence against civilians, GDELT Actor1); empty otherwise"),
        _c("target", "str", "the actor the dataset codes as attacked or harmed, where it says so"),
        _c("event_type", "str", "the dataset's event type (UCDP type of violence, ACLED ``event_type``, CAMEO root "
           "name for GDELT, Oryx status)"),
        _c("sub_event_type", "str", "finer type (ACLED ``sub_event_type``, CAMEO event name, Oryx system)"),
        _c("fatalities_low", "Int64", "lowest estimate of people killed (all sides)"),
        _c("fatalities_best", "Int64", "best estimate of people killed (all sides)"),
        _c("fatalities_high", "Int64", "highest estimate of people killed (all sides)"),
        _c("deaths_a", "Int64", "killed on the side of actor1 (UCDP ``deaths_a``; empty when not attributed)"),
        _c("deaths_b", "Int64", "killed on the side of actor2 (UCDP ``deaths_b``)"),
        _c("deaths_civilians", "Int64", "civilians killed (UCDP ``deaths_civilians``)"),
        _c("deaths_unknown", "Int64", "killed whose side is unknown (UCDP ``deaths_unknown``)"),
        _c("source_name", "str", "who reported the event, as the dataset names it (UCDP ``source_office``, ACLED "
           "``source``, GDELT outlet domain, ``Oryx``)"),
        _c("source_text", "str", "the dataset's text about the event (UCDP ``source_article``, ACLED ``notes``, "
           "GDELT: none)"),
        _c("source_url", "str", "address of the report or evidence (GDELT ``SOURCEURL``, Oryx image)"),
    ),
    "mentions": (
        _c("event_id", "str", "the mentioned event's ``GLOBALEVENTID``", True),
        _c("dataset", "str", "``gdelt``", True),
        _c("event_time", DATE, "when GDELT first recorded the event (``EventTimeDate``)", True),
        _c("mention_time", DATE, "when this mention was recorded (``MentionTimeDate``)", True),
        _c("mention_type", "Int64", "source collection (1 web, 2 citation-only, 3 core, 4 DTIC, 5 JSTOR, 6 "
           "non-textual)"),
        _c("source_name", "str", "outlet (``MentionSourceName``)"),
        _c("source_url", "str", "the document's address or citation (``MentionIdentifier``)"),
        _c("sentence", "Int64", "sentence of the document that mentions the event (``SentenceID``)"),
        _c("in_raw_text", "boolean", "whether the actors and action appear in the raw text (``InRawText``)"),
        _c("confidence", "Int64", "GDELT's confidence in the extraction, percent (``Confidence``)"),
        _c("doc_tone", "float64", "tone of the document (``MentionDocTone``)"),
    ),
    "losses": (
        _c("date", DATE, "the day the cumulative figure is stated for (a statement's date, or the day a "
           "documented count was recorded)", True),
        _c("category", categorical(LOSS_CATEGORIES), "what was lost, in the common category vocabulary", True),
        _c("count", "Int64", "cumulative number lost by that day", True),
        _c("basis", categorical(LOSS_BASES), "``claimed`` by a party, or ``documented`` with evidence", True),
        _c("source", "str", "who gives the figure (``ua-general-staff``, ``oryx``)", True),
        _c("side_lost", "str", "the side whose losses are counted (``russia``)", True),
        _c("dataset", "str", "the transcription or file the figure was read from", True),
        _c("qualifier", "str", "how the figure was worded when not as an exact number (``about``)"),
        _c("orig_category", "str", "the category as named in the file (``tank``, ``Танки``, ``Tanks``)"),
    ),
}

EVENT_TABLES: tuple[str, ...] = tuple(EVENT_SCHEMAS)

PRECISION_MAPS: dict[str, dict[object, str]] = {
    # UCDP GED codebook: date_prec 1 exact day, 2 a 2-6 day window, 3 a week, 4 a month (8-30 days), 5 > 30 days
    "ucdp_date_prec": {1: "day", 2: "month", 3: "month", 4: "month", 5: "year"},
    # where_prec 1 exact place, 2 within ~25 km of a known point, 3 admin2, 4 admin1, 5 a part of a country or a
    # linear feature, 6 the country only, 7 international waters or airspace
    "ucdp_where_prec": {1: "settlement", 2: "admin2", 3: "admin2", 4: "admin1", 5: "admin1", 6: "country",
                        7: "country"},
    # ACLED codebook: time_precision 1 the day, 2 within a week, 3 within a month
    "acled_time_precision": {1: "day", 2: "month", 3: "month"},
    # geo_precision 1 the town itself, 2 near a town / part of a region, 3 only a larger region
    "acled_geo_precision": {1: "settlement", 2: "admin2", 3: "admin1"},
    # GDELT Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1)
    "gdelt_geo_type": {1: "country", 2: "admin1", 3: "settlement", 4: "settlement", 5: "admin1"},
}
"""Dataset precision codes -> claim-model precisions (conservative: never finer than the code promises)."""


class EventDataWarning(UserWarning):
    """A known quirk of a dataset, or rows left out under ``errors="warn"``; ``problems`` lists where.

    Examples
    --------
    >>> w = EventDataWarning([Problem("ged.csv", 7, "event '1'", "best", "low 3 > best 2")], "1 quirk")
    >>> w.problems[0].line
    7
    """

    def __init__(self, problems: Iterable[Problem], message: str):
        self.problems = list(problems)
        super().__init__(message)


def warn_problems(problems: list[Problem], what: str, limit: int = 5, stacklevel: int = 3) -> None:
    """Warn with :class:`EventDataWarning` about ``problems`` (the first ``limit`` spelt out), if any."""
    if not problems:
        return
    shown = "\n".join("  " + str(p) for p in problems[:limit])
    more = f"\n  ... and {len(problems) - limit} more (see the warning's .problems)" if len(problems) > limit else ""
    warnings.warn(EventDataWarning(problems, f"{len(problems)} {what}:\n{shown}{more}"), stacklevel=stacklevel)


def empty_events(table: str = "events") -> pd.DataFrame:
    """Return an empty DataFrame with the columns and dtypes of event table ``table``.

    Examples
    --------
    >>> list(empty_events("losses").columns)[:3]
    ['date', 'category', 'count']
    """
    return pd.DataFrame({c.name: pd.Series(dtype=c.dtype) for c in EVENT_SCHEMAS[table]})


def conform_events(frame: pd.DataFrame, table: str = "events") -> pd.DataFrame:
    """Return ``frame`` with the columns of event table ``table`` first, in schema order and dtypes.

    The same conversion rules as :func:`conflictlab.model.tables.conform` (one shared converter): missing
    optional columns are added empty, other columns (``orig_*``) are kept after the model's columns; a missing
    required column raises ``KeyError`` and a column that cannot take its dtype ``ValueError``.

    Examples
    --------
    >>> df = conform_events(pd.DataFrame({"event_id": [1], "dataset": ["x"], "date": ["2024-02-13"],
    ...                                   "end_date": ["2024-02-13"], "orig_id": ["1"]}))
    >>> df["event_id"].tolist(), df["date"].dtype, df.columns[-1]
    (['1'], dtype('<M8[s]'), 'orig_id')
    """
    return conform_columns(EVENT_SCHEMAS[table], frame, f"event table {table!r}")


def describe_events(table: str = "events") -> pd.DataFrame:
    """Return the documentation of event table ``table`` (column, dtype, required, meaning).

    Examples
    --------
    >>> describe_events("mentions")["column"].tolist()[:3]
    ['event_id', 'dataset', 'event_time']
    """
    return pd.DataFrame(
        [(c.name, "category" if isinstance(c.dtype, pd.CategoricalDtype) else str(c.dtype), c.required, c.doc)
         for c in EVENT_SCHEMAS[table]],
        columns=["column", "dtype", "required", "meaning"],
    )


def original_columns(events: pd.DataFrame) -> pd.DataFrame:
    """Return the ``orig_*`` columns of ``events`` under their original names (the dataset's own values).

    Examples
    --------
    >>> original_columns(pd.DataFrame({"event_id": ["1"], "orig_id": ["1"]})).columns.tolist()
    ['id']
    """
    cols = [c for c in events.columns if c.startswith(ORIG_PREFIX)]
    return events[cols].rename(columns=lambda c: c[len(ORIG_PREFIX):])
