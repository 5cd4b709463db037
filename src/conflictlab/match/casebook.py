"""Clusters -> a casebook: each cluster becomes an incident, each dataset a source making claims about it.

This is a thin bridge to :func:`conflictlab.io.events_to_claims`, which already turns event records into
claims given a column that groups records into incidents; the matcher supplies that column.

Examples
--------
>>> import warnings
>>> import pandas as pd
>>> from conflictlab.model.events import conform_events
>>> from conflictlab.match import match
>>> ev = conform_events(pd.DataFrame({
...     "event_id": ["1", "A1"], "dataset": ["ucdp-ged", "acled"], "date": ["2024-02-13"] * 2,
...     "end_date": ["2024-02-13"] * 2, "latitude": [39.10, 39.12], "longitude": [46.40, 46.41],
...     "fatalities_low": [4, 4], "fatalities_best": [4, 4], "fatalities_high": [5, 4]}))
>>> res = match(ev, spatial_window_km=5, temporal_window_days=1)
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     book = clusters_to_casebook(res, ev, released="2025-01-01")
>>> sorted(book.claims["incident_id"].unique())
['match-1']
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .result import MatchResult

__all__ = ["clusters_to_casebook"]


def clusters_to_casebook(result: MatchResult, events: pd.DataFrame, *, matched_only: bool = False,
                         key: str = "match_incident", **kwargs: Any) -> Any:
    """Return a :class:`~conflictlab.Casebook` with one incident per cluster of ``result``.

    Parameters
    ----------
    result : MatchResult
        The output of :func:`conflictlab.match.match` run on ``events``.
    events : DataFrame
        A conflictlab event table (``dataset`` and ``event_id`` columns, as the readers in
        :mod:`conflictlab.io` return) holding the matched entries.
    matched_only : bool
        Keep only clusters with entries from two or more datasets.
    key : str
        Name of the incident-key column added to the events (``match-<cluster_id>``).
    **kwargs
        Passed to :func:`conflictlab.io.events_to_claims` (``sides``, ``party_map``, ``released``, ``title``).
    """
    from ..io.events_to_claims import events_to_claims

    m = result.matches[["dataset", "event_id", "cluster_id", "cluster_size"]]
    if matched_only:
        m = m[m["cluster_size"] > 1]
    ids = pd.DataFrame({"dataset": events["dataset"].astype("str").to_numpy(),
                        "event_id": events["event_id"].astype("str").to_numpy()})
    joined = ids.merge(m, on=["dataset", "event_id"], how="left", validate="one_to_one")
    keep = joined["cluster_id"].notna().to_numpy()
    incident = ("match-" + joined["cluster_id"].astype("Int64").astype("str")).to_numpy()
    return events_to_claims(events.loc[keep].assign(**{key: incident[keep]}), incident_key=key, **kwargs)
