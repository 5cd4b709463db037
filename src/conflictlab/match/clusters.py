"""From pairwise assignments to clusters with at most one entry per dataset.

With three or more datasets the pairwise assignments can disagree: ``a1-b1`` and ``b1-c1`` chosen, but also
``a1-c2``. Assigned edges are therefore joined heaviest first (ties in ``(eid_a, eid_b)`` order), and an edge
that would put two entries of one dataset in a cluster is *dropped* (kept as a runner-up, and the cluster
flagged ``conflict``). Components without such a clash, nearly all of them, are taken whole without looping.

Examples
--------
>>> import numpy as np
>>> ds = np.array([0, 1, 2, 2])          # entries 0 (dataset 0), 1 (dataset 1), 2 and 3 (dataset 2)
>>> a, b = np.array([0, 1, 0]), np.array([1, 2, 3]); w = np.array([2.0, 1.5, 1.8])
>>> labels, dropped = build_clusters(4, ds, a, b, w)
>>> labels.tolist(), dropped.tolist()    # 0-1 and 0-3 are heavier than 1-2, which would add a 2nd dataset-2 entry
([0, 0, 2, 0], [False, True, False])
"""

from __future__ import annotations

import numpy as np

from .._optional import require

__all__ = ["build_clusters"]


def _find(parent: dict[int, int], x: int) -> int:
    root = x
    while parent[root] != root:
        root = parent[root]
    while parent[x] != root:
        parent[x], x = root, parent[x]
    return root


def build_clusters(n: int, ds: np.ndarray, a: np.ndarray, b: np.ndarray, w: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(labels, dropped)``: a cluster label per entry (the smallest ``eid`` in it) and a mask of the
    assigned edges ``(a, b)`` left out to keep one entry per dataset."""
    dropped = np.zeros(len(a), dtype=bool)
    if len(a) == 0:
        return np.arange(n, dtype="int64"), dropped
    coo_matrix = require("scipy.sparse", "match").coo_matrix
    connected_components = require("scipy.sparse.csgraph", "match").connected_components
    graph = coo_matrix((np.ones(len(a), dtype="int8"), (a, b)), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    comp = comp.astype("int64")
    size = np.bincount(comp)
    # distinct datasets per component
    key = np.unique(comp * (int(ds.max()) + 1) + ds)
    n_ds = np.bincount(key // (int(ds.max()) + 1), minlength=len(size))
    clash = np.flatnonzero(size != n_ds)
    if len(clash):
        bad = np.isin(comp[a], clash)
        idx = np.flatnonzero(bad)
        idx = idx[np.lexsort((b[idx], a[idx], -w[idx]))]
        parent: dict[int, int] = {}
        members: dict[int, set[int]] = {}
        for e in np.unique(np.r_[a[idx], b[idx]]).tolist():
            parent[e] = e
            members[e] = {int(ds[e])}
        for i in idx.tolist():
            ra, rb = _find(parent, int(a[i])), _find(parent, int(b[i]))
            if ra == rb:
                continue
            if members[ra] & members[rb]:
                dropped[i] = True
                continue
            parent[rb] = ra
            members[ra] |= members.pop(rb)
        # re-label the clashing components from the union-find result
        nodes = np.array(sorted(parent), dtype="int64")
        roots = np.array([_find(parent, int(x)) for x in nodes], dtype="int64")
        comp[nodes] = n + roots  # fresh labels, distinct from component numbers
    # label = smallest eid in each cluster
    order = np.argsort(comp, kind="stable")
    first = np.r_[True, comp[order][1:] != comp[order][:-1]]
    group = np.cumsum(first) - 1
    smallest = order[first]
    labels = np.empty(n, dtype="int64")
    labels[order] = smallest[group]
    return labels, dropped
