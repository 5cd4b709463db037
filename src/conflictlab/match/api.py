"""The public entry point :func:`match`: read, find candidates, assign, cluster, tabulate.

Examples
--------
>>> import pandas as pd
>>> ged = pd.DataFrame({"event_id": ["g1", "g2"], "date": ["2024-02-13", "2024-02-20"],
...                     "latitude": [39.10, 40.0], "longitude": [46.40, 45.0], "type": ["battle", "shelling"]})
>>> acled = pd.DataFrame({"event_id": ["A7"], "date": ["2024-02-14"], "latitude": [39.12],
...                       "longitude": [46.41], "type": ["Armed clash"]})
>>> tax = pd.DataFrame({"dataset": ["ged", "ged", "acled"], "code": ["battle", "shelling", "Armed clash"],
...                     "level1": ["clash", "remote", "clash"], "level2": ["violence"] * 3})
>>> res = match({"ged": ged, "acled": acled}, spatial_window_km=5, temporal_window_days=2,
...             taxonomies={"type": tax})
>>> res.matches[["cluster_id", "dataset", "event_id", "score"]].values.tolist()
[[1, 'acled', 'A7', 1.0], [1, 'ged', 'g1', 1.0], [2, 'ged', 'g2', nan]]
>>> res.summary()[["entries", "unique", "duplicates"]].tolist()
[3, 2, 1]
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .assign import assign_all, candidate_weights
from .candidates import find_candidates
from .clusters import build_clusters
from .engines import Engine
from .inputs import read_entries
from .result import MatchResult, build_result
from .sql import EARTH_RADIUS_KM, REL_MATCH
from .taxonomy import Taxonomy, encode_taxonomies, read_taxonomies

__all__ = ["match"]


@contextlib.contextmanager
def _progress(enabled: bool) -> Iterator[Any]:
    """A tqdm bar when ``enabled`` and tqdm is installed, else None."""
    if not enabled:
        yield None
        return
    try:
        from tqdm.auto import tqdm
    except ImportError:
        yield None
        return
    bar = tqdm(total=1, desc="matching", leave=False)
    try:
        yield bar
    finally:
        bar.close()


def match(datasets: Mapping[str, pd.DataFrame] | Sequence[pd.DataFrame] | pd.DataFrame, *,
          spatial_window_km: float, temporal_window_days: int,
          taxonomies: Mapping[str, pd.DataFrame | Taxonomy] | None = None,
          weights: Mapping[str, float] | None = None, partial: int = 0, precision: str = "widen",
          location_radius_km: Mapping[str, float | None] | None = None,
          date_slack_days: Mapping[str, int] | None = None, priority: Sequence[str] | None = None,
          runner_ups: int | None = 2, engine: str | Engine = "duckdb", progress: bool = False,
          cell_factor: float = 1.0, earth_radius_km: float = EARTH_RADIUS_KM) -> MatchResult:
    """Match the entries of several event datasets that report the same incidents.

    Two entries of different datasets are *candidates* when they lie within ``spatial_window_km`` of each
    other (haversine), their start days and their end days each differ by at most ``temporal_window_days``,
    they are of the same kind (one-day events with events, multi-day episodes with episodes) and they agree on
    every taxonomy at some level. Between each pair of datasets an optimal one-to-one assignment picks the
    matches (:mod:`conflictlab.match.assign`); the assignments are joined into clusters holding at most one
    entry per dataset (:mod:`conflictlab.match.clusters`). The result does not depend on the order of the
    datasets or of their rows.

    Parameters
    ----------
    datasets : mapping of name to DataFrame, list of DataFrame, or one DataFrame with a ``dataset`` column
        Event tables; columns are described in :mod:`conflictlab.match.inputs` (``event_id``, ``date``,
        optional ``end_date``, ``latitude``, ``longitude``, optional ``date_precision`` and
        ``location_precision``, and one column per taxonomy).
    spatial_window_km : float
        Greatest distance between two entries of one incident.
    temporal_window_days : int
        Greatest difference, in days, between their start days (and between their end days).
    taxonomies : mapping of column name to DataFrame, optional
        Per taxonomy, its table (``dataset``, ``code``, levels finest to broadest; meltt's ``data.source`` and
        ``base.categories`` are accepted). See :mod:`conflictlab.match.taxonomy`.
    weights : mapping of taxonomy name to float, optional
        Weight of each taxonomy in the combined score (default 1 each).
    partial : int
        How many taxonomies may fail to agree at every level (they then add 0 to the score).
    precision : {"widen", "flag"}
        How imprecise entries are treated (see :func:`conflictlab.match.inputs.read_entries`); they are
        flagged for review either way.
    location_radius_km, date_slack_days : mapping, optional
        Radius per ``location_precision`` and padding per ``date_precision``, overriding the defaults.
    priority : sequence of str, optional
        Dataset names in order of preference for the representative of a cluster (default: by name).
    runner_ups : int or None
        How many runner-up candidates to keep per entry (None: all).
    engine : "duckdb", "spark" or an Engine
        Where candidate pairs are found and scored.
    progress : bool
        Show a progress bar (needs tqdm).
    cell_factor, earth_radius_km : float
        Grid cell size relative to the window (speed only; never changes the answer), and the Earth's radius.

    Returns
    -------
    MatchResult
        Tables ``matches``, ``events``, ``overlap``, ``runner_ups``, ``episodes`` and ``candidates``, and
        ``summary()``.
    """
    params = {k: v for k, v in locals().items() if k not in ("datasets", "taxonomies", "progress")}
    taxes = read_taxonomies(taxonomies)
    read = read_entries(datasets, precision=precision, location_radius_km=location_radius_km,
                        date_slack_days=date_slack_days)
    entries = read.entries
    names = read.datasets
    if priority is None:
        prio = np.arange(len(names))
    else:
        unknown = sorted(set(priority) - set(names))
        if unknown:
            raise ValueError(f"priority names unknown datasets {unknown}; datasets: {list(names)}")
        order = list(priority) + [d for d in names if d not in priority]
        prio = np.array([order.index(d) for d in names])
    codes = encode_taxonomies(entries, read.source, taxes)
    with _progress(progress) as bar:
        cand = find_candidates(entries, taxes, codes, temporal_window_days=temporal_window_days,
                               spatial_window_km=spatial_window_km, weights=weights, partial=partial,
                               engine=engine, cell_factor=cell_factor, earth_radius_km=earth_radius_km,
                               progress=bar)
        weights_ = candidate_weights(cand)
        ds = entries["ds"].to_numpy()
        is_match = cand["relation"].to_numpy() == REL_MATCH
        chosen = np.zeros(len(cand), dtype=bool)
        chosen[is_match] = assign_all(cand[is_match], ds, weights_[is_match], bar)
        idx = np.flatnonzero(chosen)
        labels, dropped = build_clusters(len(entries), ds, cand["eid_a"].to_numpy()[idx],
                                         cand["eid_b"].to_numpy()[idx], weights_[idx])
    params["taxonomies"] = [t.name for t in taxes]
    params["engine"] = engine if isinstance(engine, str) else getattr(engine, "name", repr(engine))
    return build_result(entries, names, prio, cand, weights_, chosen, dropped, labels,
                        tuple(t.name for t in taxes), runner_ups, params)
