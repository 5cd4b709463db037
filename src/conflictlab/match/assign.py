"""One-to-one assignment between each pair of datasets, optimal on the candidates' weights.

For each pair of datasets the candidate matches form a bipartite graph. Each connected component is solved
on its own: a component with one entry on a side is solved by taking its best edge, any other by
:func:`scipy.optimize.linear_sum_assignment` on the component's weight matrix (a maximum-weight matching:
non-candidates weigh 0 and are dropped from the answer). Rows and columns are in ``eid`` order, so the same
candidates always give the same answer, whatever the order of the input.

The weight of a candidate is ``1 + score + 0.001 * closeness``: every candidate is worth matching (the
windows say it is plausible), a finer taxonomy agreement is worth more, and between equal scores the closer
pair (``closeness = (1 / (1 + km) + 1 / (1 + days)) / 2``) wins.

Examples
--------
>>> import numpy as np
>>> a = np.array([0, 0, 1]); b = np.array([10, 11, 10]); w = np.array([2.0, 1.5, 1.9])
>>> assign_pair(a, b, w).tolist()   # greedy would take 0-10 (2.0) and leave 1 alone; 1.5 + 1.9 > 2.0
[False, True, True]
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._optional import require

__all__ = ["candidate_weights", "assign_pair", "assign_all"]

TIE_WEIGHT = 1e-3


def candidate_weights(cand: pd.DataFrame) -> np.ndarray:
    """Return ``1 + score + 0.001 * closeness`` for each candidate (see the module docstring)."""
    days = (np.abs(cand["d_lo"].to_numpy()) + np.abs(cand["d_hi"].to_numpy())) / 2.0
    close = (1.0 / (1.0 + cand["distance_km"].to_numpy()) + 1.0 / (1.0 + days)) / 2.0
    return 1.0 + cand["score"].to_numpy() + TIE_WEIGHT * close


def _components(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    coo_matrix = require("scipy.sparse", "match").coo_matrix
    connected_components = require("scipy.sparse.csgraph", "match").connected_components
    ua, ia = np.unique(a, return_inverse=True)
    ub, ib = np.unique(b, return_inverse=True)
    n = len(ua) + len(ub)
    graph = coo_matrix((np.ones(len(a), dtype="int8"), (ia, len(ua) + ib)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels[ia], ia, ib


def assign_pair(a: np.ndarray, b: np.ndarray, w: np.ndarray, progress: Any = None) -> np.ndarray:
    """Return a mask of the edges ``(a[i], b[i])`` (weights ``w > 0``) in a maximum-weight matching.

    ``a`` and ``b`` are entry ids of two different datasets; the answer does not depend on the order of the
    edges. Ties between equally heavy matchings are broken by ``(a, b)`` order.
    """
    m = len(a)
    chosen = np.zeros(m, dtype=bool)
    if m == 0:
        return chosen
    linear_sum_assignment = require("scipy.optimize", "match").linear_sum_assignment
    comp, ia, ib = _components(a, b)
    # canonical edge order: by component, then a, then b
    order = np.lexsort((b, a, comp))
    comp_s = comp[order]
    starts = np.flatnonzero(np.r_[True, comp_s[1:] != comp_s[:-1]])
    ends = np.r_[starts[1:], m]
    # entries per side in each component
    na = pd.Series(ia[order]).groupby(comp_s).nunique().to_numpy()
    nb = pd.Series(ib[order]).groupby(comp_s).nunique().to_numpy()
    star = (na == 1) | (nb == 1)
    # stars: the heaviest edge (first in (a, b) order among equals)
    if star.any():
        in_star = np.repeat(star, ends - starts)
        idx = order[in_star]
        c = comp_s[in_star]
        best = np.lexsort((b[idx], a[idx], -w[idx], c))
        first = np.r_[True, c[best][1:] != c[best][:-1]]
        chosen[idx[best][first]] = True
    hard = np.flatnonzero(~star)
    if progress is not None and len(hard):
        progress.reset(total=len(hard))
        progress.set_description("assignment")
    for k in hard:
        idx = order[starts[k]:ends[k]]
        ra, ia_local = np.unique(a[idx], return_inverse=True)
        rb, ib_local = np.unique(b[idx], return_inverse=True)
        weight = np.zeros((len(ra), len(rb)))
        edge = np.full((len(ra), len(rb)), -1, dtype="int64")
        weight[ia_local, ib_local] = w[idx]
        edge[ia_local, ib_local] = idx
        rows, cols = linear_sum_assignment(weight, maximize=True)
        picked = edge[rows, cols]
        chosen[picked[picked >= 0]] = True
        if progress is not None:
            progress.update(1)
    return chosen


def assign_all(cand: pd.DataFrame, ds: np.ndarray, weights: np.ndarray, progress: Any = None) -> np.ndarray:
    """Return the mask of candidates chosen by the one-to-one assignment of each pair of datasets.

    ``cand`` holds candidate matches (``eid_a``, ``eid_b``); ``ds[eid]`` is each entry's dataset rank.
    """
    a = cand["eid_a"].to_numpy()
    b = cand["eid_b"].to_numpy()
    chosen = np.zeros(len(cand), dtype=bool)
    if len(cand) == 0:
        return chosen
    pair = ds[a].astype("int64") * (int(ds.max()) + 1) + ds[b]
    for p in np.unique(pair):
        sel = np.flatnonzero(pair == p)
        chosen[sel] = assign_pair(a[sel], b[sel], weights[sel], progress)
    return chosen
