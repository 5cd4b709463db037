"""Candidate pairs: entries of two datasets within the windows of each other and agreeing on every taxonomy.

:func:`find_candidates` prepares the engine's input table (integer days, coordinates, the radius class of
each entry, the taxonomy level numbers) and one :class:`~conflictlab.match.sql.CandidateQuery` per pair of
radius classes (one query when no entry has an imprecise location), runs them on the engine and returns the
pairs. Entries without coordinates, or too vaguely located to match, are left out.

Examples
--------
>>> import pandas as pd
>>> from conflictlab.match.inputs import read_entries
>>> t = lambda lat: pd.DataFrame({"event_id": [1], "date": ["2024-01-01"], "latitude": [lat], "longitude": [0.0]})
>>> e = read_entries({"a": t(0.0), "b": t(0.01), "c": t(0.5)})
>>> c = find_candidates(e.entries, (), temporal_window_days=1, spatial_window_km=5.0)
>>> c[["eid_a", "eid_b", "relation"]].values.tolist(), round(float(c["distance_km"].iloc[0]), 3)
([[0, 1, 1]], 1.112)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .engines import Engine, get_engine
from .sql import EARTH_RADIUS_KM, CandidateQuery
from .taxonomy import Taxonomy

__all__ = ["find_candidates", "engine_table", "plan_queries"]


def engine_table(entries: pd.DataFrame, taxcodes: pd.DataFrame | None = None) -> tuple[pd.DataFrame, list[float]]:
    """Return the table the engine reads (matchable entries only) and the radius (km) of each ``rcls``."""
    ok = ~entries["unlocated"].to_numpy() & np.isfinite(entries["radius_km"].to_numpy())
    radii = sorted(set(entries.loc[ok, "radius_km"].tolist()))
    rcls = np.searchsorted(np.array(radii, dtype="float64"), entries["radius_km"].to_numpy()[ok]).astype("int32")
    table = pd.DataFrame({
        "eid": entries["eid"].to_numpy()[ok].astype("int64"),
        "ds": entries["ds"].to_numpy()[ok].astype("int32"),
        "kind": entries["kind"].to_numpy()[ok].astype("int32"),
        "lo": entries["day_lo"].to_numpy()[ok].astype("int64"),
        "hi": entries["day_hi"].to_numpy()[ok].astype("int64"),
        "lat": entries["latitude"].to_numpy()[ok].astype("float64"),
        "lon": entries["longitude"].to_numpy()[ok].astype("float64"),
        "rcls": rcls,
    })
    if taxcodes is not None and len(taxcodes.columns):
        for c in taxcodes.columns:
            table[c] = taxcodes[c].to_numpy()[ok].astype("int32")
    return table, radii


def plan_queries(table: pd.DataFrame, radii: list[float], taxonomies: tuple[Taxonomy, ...], *,
                 temporal_window_days: int, spatial_window_km: float, weights: Mapping[str, float] | None = None,
                 partial: int = 0, cell_factor: float = 1.0, earth_radius_km: float = EARTH_RADIUS_KM
                 ) -> list[CandidateQuery]:
    """One query per ordered pair of radius classes, the window widened by both radii."""
    weights = dict(weights or {})
    unknown = sorted(set(weights) - {t.name for t in taxonomies})
    if unknown:
        raise ValueError(f"weights given for unknown taxonomies {unknown}")
    w = tuple(float(weights.get(t.name, 1.0)) for t in taxonomies)
    if any(x <= 0 for x in w):
        raise ValueError("taxonomy weights must be positive")
    ref_lat = float(np.median(np.abs(table["lat"]))) if len(table) else 0.0
    levels = tuple(t.n_levels for t in taxonomies)
    return [CandidateQuery(int(temporal_window_days), float(spatial_window_km) + ra + rb, ca, cb, levels, w,
                           int(partial), ref_lat, float(cell_factor), float(earth_radius_km))
            for ca, ra in enumerate(radii) for cb, rb in enumerate(radii)]


def find_candidates(entries: pd.DataFrame, taxonomies: tuple[Taxonomy, ...] = (),
                    taxcodes: pd.DataFrame | None = None, *, temporal_window_days: int, spatial_window_km: float,
                    weights: Mapping[str, float] | None = None, partial: int = 0, engine: str | Engine = "duckdb",
                    cell_factor: float = 1.0, earth_radius_km: float = EARTH_RADIUS_KM, progress: Any = None
                    ) -> pd.DataFrame:
    """Return the candidate pairs (``eid_a < eid_b`` datasets-wise: ``a`` is in the lower-ranked dataset).

    Columns: ``eid_a``, ``eid_b`` (int64), ``relation`` (int8: 1 match, 2 ``a`` is an event inside episode
    ``b``, 3 ``a`` is an episode holding event ``b``), ``distance_km`` (float64), ``d_lo``/``d_hi`` (int64: day
    differences of starts and ends, ``b - a``), ``lvl_k`` (int8: level at which taxonomy ``k`` agrees, -1 none)
    and ``score`` (float64 in [0, 1], see :mod:`conflictlab.match.taxonomy`).
    """
    if temporal_window_days < 0 or int(temporal_window_days) != temporal_window_days:
        raise ValueError(f"temporal_window_days must be a whole number of days >= 0, not {temporal_window_days!r}")
    if not spatial_window_km >= 0:
        raise ValueError(f"spatial_window_km must be >= 0, not {spatial_window_km!r}")
    if not 0 <= partial <= len(taxonomies):
        raise ValueError(f"partial must be between 0 and the number of taxonomies ({len(taxonomies)})")
    table, radii = engine_table(entries, taxcodes)
    queries = plan_queries(table, radii, taxonomies, temporal_window_days=temporal_window_days,
                           spatial_window_km=spatial_window_km, weights=weights, partial=partial,
                           cell_factor=cell_factor, earth_radius_km=earth_radius_km)
    if progress is not None:
        progress.reset(total=len(queries))
        progress.set_description("candidate pairs")
    return get_engine(engine).candidates(table, queries, len(taxonomies), progress)
