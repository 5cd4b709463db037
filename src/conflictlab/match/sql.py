"""The candidate query: one SQL text, rendered for DuckDB or Spark SQL by a two-line dialect.

Candidate pairs are found with a **grid join**, never a cross join. Each entry of the lower-ranked dataset
(the *probe*) is copied into every (day bucket, latitude cell, longitude cell) its windows reach; each entry of
the other dataset (the *build* side) sits in its own cell and in the day buckets of its own span. An equi-join
on ``(bucket, y, x)`` then meets only entries that may be within the windows; the exact tests (haversine
distance, day differences by entry kind, taxonomy agreement) run on those pairs only. A pair that shares
several day buckets is kept in one: the bucket holding the first day the two spans can share.

* day buckets are ``temporal_window + 1`` days wide; the probe covers ``[day_lo - t, day_hi + t]``;
* latitude cells are the window's angular size in degrees (times ``cell_factor``); longitude cells are
  widened by ``1 / cos(reference latitude)`` and wrap at the antimeridian; the probe's longitude reach is
  the exact ``asin(sin(r) / cos(lat))`` (all longitudes when the window holds a pole).

The only differences between the engines are how a row is repeated over an integer range
(:class:`Dialect`); the text is otherwise identical, with every number written as a literal.

Examples
--------
>>> q = CandidateQuery(temporal_window_days=2, spatial_window_km=4.0, probe_class=0, build_class=0,
...                    levels=(3, 2, 1), weights=(1.0, 1.0, 1.0), partial=0, ref_lat=39.0)
>>> sql = q.render(DUCKDB)
>>> "unnest(generate_series(b_lo, b_hi))" in sql, "explode(sequence(b_lo, b_hi))" in q.render(SPARK)
(True, True)
>>> sql.replace("unnest(generate_series(", "explode(sequence(") == q.render(SPARK)
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Dialect", "DUCKDB", "SPARK", "CandidateQuery", "EARTH_RADIUS_KM", "REL_MATCH", "REL_EVENT_IN_EPISODE",
           "REL_EPISODE_HOLDS_EVENT", "candidate_columns"]

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG). meltt's great-circle distance uses 111.111 km per degree, i.e. 6366.2 km."""

REL_MATCH, REL_EVENT_IN_EPISODE, REL_EPISODE_HOLDS_EVENT = 1, 2, 3
"""``relation`` codes: a candidate match; the probe (``a``) is an event inside the build (``b``) episode; the
probe is an episode holding the build event."""

_EPS_DEG = 1e-9


@dataclass(frozen=True)
class Dialect:
    """How one engine repeats a row once per integer in ``[lo, hi]`` inside a SELECT list."""

    name: str
    series_open: str
    series_close: str

    def series(self, lo: str, hi: str) -> str:
        """SQL that yields each integer from ``lo`` to ``hi`` (inclusive) as its own row."""
        return f"{self.series_open}{lo}, {hi}{self.series_close}"


DUCKDB = Dialect("duckdb", "unnest(generate_series(", "))")
SPARK = Dialect("spark", "explode(sequence(", "))")


def _f(x: float) -> str:
    """A double literal that both engines read as DOUBLE (Spark reads ``1.5`` as DECIMAL)."""
    return f"CAST({float(x)!r} AS DOUBLE)"


def candidate_columns(n_taxonomies: int) -> list[str]:
    """Columns of the candidate query's result, in order.

    Examples
    --------
    >>> candidate_columns(1)
    ['eid_a', 'eid_b', 'relation', 'distance_km', 'd_lo', 'd_hi', 'lvl_0', 'score']
    """
    return (["eid_a", "eid_b", "relation", "distance_km", "d_lo", "d_hi"]
            + [f"lvl_{k}" for k in range(n_taxonomies)] + ["score"])


@dataclass(frozen=True)
class CandidateQuery:
    """The candidate query between entries of radius class ``probe_class`` (lower dataset) and ``build_class``.

    Parameters
    ----------
    temporal_window_days : int
        ``t``: start days (and end days) of two entries of the same kind may differ by at most ``t``.
    spatial_window_km : float
        Window for this pair of classes (the user's window plus both classes' radii).
    probe_class, build_class : int
        Values of the ``rcls`` column selecting each side.
    levels, weights : sequence
        Number of levels and weight of each taxonomy (``t{k}_{j}`` columns).
    partial : int
        How many taxonomies may fail to agree at any level.
    ref_lat : float
        Latitude (degrees) used to size longitude cells (the data's typical absolute latitude).
    cell_factor : float
        Cell size as a multiple of the window (bigger: fewer copies of each probe, more pairs per cell).
    earth_radius_km : float
        Radius of the spherical Earth for the haversine distance.
    """

    temporal_window_days: int
    spatial_window_km: float
    probe_class: int
    build_class: int
    levels: Sequence[int]
    weights: Sequence[float]
    partial: int = 0
    ref_lat: float = 0.0
    cell_factor: float = 1.0
    earth_radius_km: float = EARTH_RADIUS_KM

    def render(self, dialect: Dialect) -> str:
        """Return the query text for ``dialect``; it reads a table (or view) named ``entries``."""
        t = int(self.temporal_window_days)
        s = t + 1
        r = min(self.spatial_window_km / self.earth_radius_km, math.pi / 2 - 1e-6)  # angular radius
        dlat = math.degrees(r) + _EPS_DEG
        clat = max(dlat * self.cell_factor, 1e-6)
        clon = min(clat / math.cos(math.radians(min(abs(self.ref_lat), 60.0))), 360.0)
        nx = max(1, math.floor(360.0 / clon))
        clon = 360.0 / nx  # a whole number of cells around the globe, so that longitude cells wrap
        sinr = math.sin(r)
        tax = [f"t{k}_{j}" for k, n in enumerate(self.levels) for j in range(n)]
        tax_sel = "".join(f", {c}" for c in tax)
        series = dialect.series

        lvl = []
        for k, n in enumerate(self.levels):
            whens = " ".join(f"WHEN p.t{k}_{j} >= 0 AND p.t{k}_{j} = q.t{k}_{j} THEN {j}" for j in range(n))
            lvl.append(f"CASE {whens} END AS lvl_{k}")
        lvl_sel = "".join(f",\n         {x}" for x in lvl)
        k_tax = len(self.levels)
        if k_tax:
            agree = " + ".join(f"CASE WHEN lvl_{k} IS NULL THEN 0 ELSE 1 END" for k in range(k_tax))
            wsum = float(sum(self.weights))
            parts = " + ".join(
                f"{_f(w)} * CASE WHEN lvl_{k} IS NULL THEN {_f(0.0)} "
                f"ELSE {_f(1.0)} - CAST(lvl_{k} AS DOUBLE) / {_f(max(1, n - 1))} END"
                for k, (n, w) in enumerate(zip(self.levels, self.weights, strict=True)))
            score = f"({parts}) / {_f(wsum)}"
            agree_test = f"\n  AND ({agree}) >= {k_tax - int(self.partial)}"
        else:
            score, agree_test = _f(1.0), ""
        lvl_out = "".join(f", lvl_{k}" for k in range(k_tax))
        R = _f(self.earth_radius_km)
        return f"""WITH
p0 AS (
  SELECT eid, ds, kind, lo, hi, lat, lon{tax_sel},
         CAST(floor(CAST(lo - {t} AS DOUBLE) / {_f(s)}) AS BIGINT) AS b_lo,
         CAST(floor(CAST(hi + {t} AS DOUBLE) / {_f(s)}) AS BIGINT) AS b_hi,
         CAST(floor((lat - {_f(dlat)} + {_f(90.0)}) / {_f(clat)}) AS BIGINT) AS y_lo,
         CAST(floor((lat + {_f(dlat)} + {_f(90.0)}) / {_f(clat)}) AS BIGINT) AS y_hi,
         CASE WHEN cos(radians(lat)) <= {_f(sinr)} THEN {_f(180.0)}
              ELSE degrees(asin({_f(sinr)} / cos(radians(lat)))) + {_f(_EPS_DEG)} END AS dlon
  FROM entries WHERE rcls = {int(self.probe_class)}
),
p1 AS (
  SELECT *, CAST(floor((lon - dlon + {_f(180.0)}) / {_f(clon)}) AS BIGINT) AS x_lo,
            CAST(floor((lon + dlon + {_f(180.0)}) / {_f(clon)}) AS BIGINT) AS x_hi
  FROM p0
),
p2 AS (SELECT *, {series("b_lo", "b_hi")} AS b FROM p1),
p3 AS (SELECT *, {series("y_lo", "y_hi")} AS y FROM p2),
p4 AS (SELECT *, {series("x_lo", f"least(x_hi, x_lo + {nx - 1})")} AS x_raw FROM p3),
p5 AS (SELECT *, (x_raw % {nx} + {nx}) % {nx} AS x FROM p4),
q0 AS (
  SELECT eid, ds, kind, lo, hi, lat, lon{tax_sel},
         CAST(floor(CAST(lo AS DOUBLE) / {_f(s)}) AS BIGINT) AS b_lo,
         CAST(floor(CAST(hi AS DOUBLE) / {_f(s)}) AS BIGINT) AS b_hi,
         CAST(floor((lat + {_f(90.0)}) / {_f(clat)}) AS BIGINT) AS y,
         (CAST(floor((lon + {_f(180.0)}) / {_f(clon)}) AS BIGINT) % {nx} + {nx}) % {nx} AS x
  FROM entries WHERE rcls = {int(self.build_class)}
),
q1 AS (SELECT *, {series("b_lo", "b_hi")} AS b FROM q0),
j AS (
  SELECT p.eid AS eid_a, q.eid AS eid_b, q.lo - p.lo AS d_lo, q.hi - p.hi AS d_hi,
         CASE WHEN p.kind = 2 OR q.kind = 2 THEN
                   CASE WHEN q.lo <= p.hi + {t} AND p.lo - {t} <= q.hi THEN {REL_MATCH} END
              WHEN p.kind = q.kind THEN
                   CASE WHEN abs(q.lo - p.lo) <= {t} AND abs(q.hi - p.hi) <= {t} THEN {REL_MATCH} END
              WHEN p.kind = 0 THEN
                   CASE WHEN p.lo >= q.lo - {t} AND p.lo <= q.hi + {t} THEN {REL_EVENT_IN_EPISODE} END
              ELSE CASE WHEN q.lo >= p.lo - {t} AND q.lo <= p.hi + {t} THEN {REL_EPISODE_HOLDS_EVENT} END
         END AS relation,
         {_f(2.0)} * {R} * asin(least({_f(1.0)}, sqrt(
             power(sin(radians(q.lat - p.lat) / {_f(2.0)}), 2)
             + cos(radians(p.lat)) * cos(radians(q.lat)) * power(sin(radians(q.lon - p.lon) / {_f(2.0)}), 2)
         ))) AS distance_km{lvl_sel}
  FROM p5 p JOIN q1 q ON p.b = q.b AND p.y = q.y AND p.x = q.x
  WHERE p.ds < q.ds
    AND p.b = CAST(floor(CAST(greatest(q.lo, p.lo - {t}) AS DOUBLE) / {_f(s)}) AS BIGINT)
)
SELECT eid_a, eid_b, relation, distance_km, d_lo, d_hi{lvl_out}, {score} AS score
FROM j
WHERE relation IS NOT NULL AND distance_km <= {_f(self.spatial_window_km)}{agree_test}
"""
