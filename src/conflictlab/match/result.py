"""The result of :func:`conflictlab.match.match`: tidy tables of clusters, events, overlap and review items.

Tables (all sorted, with a fresh ``RangeIndex``; ``str`` is pandas' string dtype):

``matches`` — one row per input entry

    ===================== ========= ==============================================================
    ``cluster_id``        int64     the cluster (de-duplicated event) the entry belongs to, from 1
    ``dataset``           str       the entry's dataset
    ``event_id``          str       the entry's id in its dataset
    ``kind``              str       ``event`` (one day), ``episode`` (several days) or ``uncertain``
    ``representative``    bool      the entry that stands for the cluster in ``events``
    ``cluster_size``      int64     entries in the cluster (one per dataset at most)
    ``score``             float64   mean taxonomy score of the entry's links in the cluster (NaN alone)
    ``distance_km``       float64   largest distance of those links
    ``days_apart``        float64   largest start-day difference of those links
    ``in_episode``        bool      an event inside another dataset's episode, or an episode holding one
    ``imprecise_date``    bool      date precision coarser than a day
    ``imprecise_location`` bool     location precision coarser than a settlement
    ``unmatchable``       bool      no coordinates, or located too vaguely to match
    ``chained``           bool      the cluster holds two entries that are not candidates of each other
    ``conflict``          bool      an assigned link was dropped to keep one entry per dataset
    ``ambiguous``         bool      a runner-up fits at least as well by type as the chosen link(s)
    ``review``            bool      any of the six flags above
    ===================== ========= ==============================================================

``events`` — one row per cluster: ``cluster_id``, the representative's ``dataset``, ``event_id``, ``date``,
``end_date`` (datetime64[s]), ``latitude``, ``longitude``; ``kind`` (``event``, ``episode`` or ``mixed``),
``n_entries`` (int64), ``datasets`` (str, the datasets joined by ``" & "``), ``score`` (float64, the weakest
link; NaN for a lone entry), ``review`` (bool, any member flagged).

``overlap`` — one row per combination of datasets: one bool column per dataset, ``n_datasets``,
``clusters`` and ``entries`` (int64).

``runner_ups`` — candidates that were not matched: ``dataset``, ``event_id``, ``cluster_id``, ``rank`` (1 =
best alternative), ``other_dataset``, ``other_event_id``, ``other_cluster_id``, ``score``, ``distance_km``,
``days_apart`` (other start minus this start), ``status`` (``outscored``: lost in the optimal assignment;
``dropped``: assigned, then dropped to keep one entry per dataset). Each pair appears once from each side.

``episodes`` — events inside another dataset's episode (flagged, never merged): ``event_dataset``,
``event_id``, ``event_cluster_id``, ``episode_dataset``, ``episode_id``, ``episode_cluster_id``,
``distance_km``, ``score``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .inputs import KIND_EPISODE, KIND_EVENT, KINDS
from .sql import REL_EPISODE_HOLDS_EVENT, REL_EVENT_IN_EPISODE, REL_MATCH

__all__ = ["MatchResult", "build_result"]

FLAGS = ("in_episode", "imprecise_date", "imprecise_location", "unmatchable", "chained", "conflict", "ambiguous")


@dataclass
class MatchResult:
    """What :func:`conflictlab.match.match` found (tables described in :mod:`conflictlab.match.result`).

    Attributes
    ----------
    matches, events, overlap, runner_ups, episodes : DataFrame
    candidates : DataFrame
        Every candidate pair (``dataset_a``, ``event_id_a``, ``dataset_b``, ``event_id_b``, ``relation``,
        ``distance_km``, ``days_apart``, ``score``, ``level_<taxonomy>``, ``chosen``).
    parameters : dict
        The arguments of the run.
    """

    matches: pd.DataFrame
    events: pd.DataFrame
    overlap: pd.DataFrame
    runner_ups: pd.DataFrame
    episodes: pd.DataFrame
    candidates: pd.DataFrame
    parameters: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> pd.Series:
        """Counts in the terms of meltt's summary.

        ``entries`` in, ``unique`` events out, ``duplicates`` removed, ``match_groups`` (clusters of two or
        more), of which ``event_groups`` (all one-day events), ``episode_groups`` (all episodes) and
        ``mixed_groups``; ``episodes_flagged`` (episodes holding an event of another dataset),
        ``events_in_episodes`` and ``review`` (entries flagged for review).
        """
        ev = self.events
        groups = ev[ev["n_entries"] > 1]
        return pd.Series({
            "entries": len(self.matches),
            "unique": len(ev),
            "duplicates": len(self.matches) - len(ev),
            "match_groups": len(groups),
            "event_groups": int((groups["kind"] == "event").sum()),
            "episode_groups": int((groups["kind"] == "episode").sum()),
            "mixed_groups": int((groups["kind"] == "mixed").sum()),
            "episodes_flagged": self.episodes[["episode_dataset", "episode_id"]].drop_duplicates().shape[0],
            "events_in_episodes": self.episodes[["event_dataset", "event_id"]].drop_duplicates().shape[0],
            "review": int(self.matches["review"].sum()),
        }, dtype="int64")

    def __repr__(self) -> str:
        s = self.summary()
        return (f"MatchResult({s['entries']} entries -> {s['unique']} events, {s['match_groups']} match groups, "
                f"{s['duplicates']} duplicates, {s['review']} entries to review)")


def _str(values: Any) -> pd.Series:
    return pd.Series(values, dtype="str")


def build_result(entries: pd.DataFrame, datasets: tuple[str, ...], priority: np.ndarray, cand: pd.DataFrame,
                 weights: np.ndarray, chosen: np.ndarray, dropped_of_chosen: np.ndarray, labels: np.ndarray,
                 taxonomy_names: tuple[str, ...], n_runner_ups: int | None, parameters: dict[str, Any]
                 ) -> MatchResult:
    """Assemble the tables from the steps' outputs (arrays indexed by ``eid`` or by candidate row).

    ``priority[ds]`` ranks datasets for the choice of representative (0 first); ``chosen`` marks candidates
    of the pairwise assignments and ``dropped_of_chosen`` those of them dropped by the clustering.
    """
    n = len(entries)
    ds = entries["ds"].to_numpy()
    kind = entries["kind"].to_numpy()
    names = np.array(datasets, dtype=object)
    id_text = entries["event_id"].reset_index(drop=True)

    def ids(ix: np.ndarray) -> pd.Series:  # arrow take: no Python objects
        return id_text.take(np.asarray(ix)).reset_index(drop=True)
    a_all = cand["eid_a"].to_numpy()
    b_all = cand["eid_b"].to_numpy()
    rel = cand["relation"].to_numpy()
    is_match = rel == REL_MATCH
    chosen_idx = np.flatnonzero(chosen)
    kept = np.zeros(len(cand), dtype=bool)
    kept[chosen_idx[~dropped_of_chosen]] = True
    dropped = np.zeros(len(cand), dtype=bool)
    dropped[chosen_idx[dropped_of_chosen]] = True

    # --- clusters: representative, order, ids -------------------------------------------------------------
    prio = priority[ds]
    rep_order = np.lexsort((np.arange(n), prio, labels))
    first = np.r_[True, labels[rep_order][1:] != labels[rep_order][:-1]]
    reps = rep_order[first]                                   # one representative eid per cluster
    rep_of_label = pd.Series(reps, index=labels[reps])
    day = entries["date"].to_numpy()
    corder = np.lexsort((reps, prio[reps], day[reps]))
    cluster_id_of_label = pd.Series(np.arange(1, len(reps) + 1, dtype="int64"), index=labels[reps][corder])
    cid = cluster_id_of_label.reindex(labels).to_numpy()
    size = np.bincount(cid)[cid].astype("int64")

    # --- per-entry link statistics over kept edges --------------------------------------------------------
    ka, kb = a_all[kept], b_all[kept]
    kscore = cand["score"].to_numpy()[kept]
    kdist = cand["distance_km"].to_numpy()[kept]
    kdays = np.abs(cand["d_lo"].to_numpy()[kept]).astype("float64")
    ends = pd.DataFrame({"eid": np.r_[ka, kb], "score": np.r_[kscore, kscore], "dist": np.r_[kdist, kdist],
                         "days": np.r_[kdays, kdays]})
    g = ends.groupby("eid")
    mean_score = g["score"].mean().reindex(np.arange(n)).to_numpy()
    best_score = g["score"].max().reindex(np.arange(n)).to_numpy()
    max_dist = g["dist"].max().reindex(np.arange(n)).to_numpy()
    max_days = g["days"].max().reindex(np.arange(n)).to_numpy()

    # --- flags -------------------------------------------------------------------------------------------
    epi = (rel == REL_EVENT_IN_EPISODE) | (rel == REL_EPISODE_HOLDS_EVENT)
    in_episode = np.zeros(n, dtype=bool)
    in_episode[a_all[epi]] = True
    in_episode[b_all[epi]] = True
    unmatchable = entries["unlocated"].to_numpy() | ~np.isfinite(entries["radius_km"].to_numpy())
    conflict_c = np.zeros(len(reps) + 1, dtype=bool)
    conflict_c[cid[a_all[dropped]]] = True
    conflict_c[cid[b_all[dropped]]] = True
    conflict = conflict_c[cid]
    chained = _chained(cid, a_all[is_match], b_all[is_match], n)
    # runner-ups: match candidates whose ends are in different clusters
    alt = is_match & (cid[a_all] != cid[b_all])
    ra, rb = a_all[alt], b_all[alt]
    rscore = cand["score"].to_numpy()[alt]
    best_alt = pd.Series(np.r_[rscore, rscore]).groupby(np.r_[ra, rb]).max().reindex(np.arange(n)).to_numpy()
    ambiguous = np.isfinite(best_alt) & (~np.isfinite(best_score) | (best_alt >= best_score))
    flags = {"in_episode": in_episode, "imprecise_date": entries["imprecise_date"].to_numpy(),
             "imprecise_location": entries["imprecise_location"].to_numpy(), "unmatchable": unmatchable,
             "chained": chained, "conflict": conflict, "ambiguous": ambiguous}
    review = np.logical_or.reduce(list(flags.values()))

    is_rep = np.zeros(n, dtype=bool)
    is_rep[reps] = True
    matches = pd.DataFrame({
        "cluster_id": cid, "dataset": _str(names[ds]), "event_id": ids(np.arange(n)),
        "kind": _str(np.array(KINDS, dtype=object)[kind]), "representative": is_rep, "cluster_size": size,
        "score": mean_score, "distance_km": max_dist, "days_apart": max_days, **flags, "review": review,
    })
    morder = np.lexsort((prio, cid))
    matches = matches.take(morder).reset_index(drop=True)

    # --- events ------------------------------------------------------------------------------------------
    rc = reps[corder]
    ckind = pd.Series(kind).groupby(cid).agg(["min", "max"])
    ckind_txt = np.where(ckind["min"] == ckind["max"],
                         np.array(KINDS, dtype=object)[ckind["max"].to_numpy()], "mixed")
    ckind_txt = np.where((ckind["min"] == KIND_EVENT) & (ckind["max"] == KIND_EVENT), "event", ckind_txt)
    ckind_txt = np.where((ckind["min"] == KIND_EPISODE) & (ckind["max"] == KIND_EPISODE), "episode", ckind_txt)
    # the datasets of each cluster, in priority order, as a bit mask -> text once per distinct combination
    by_prio = np.argsort(priority, kind="stable")              # ds in priority order
    bit = np.zeros(len(datasets), dtype="int64")
    bit[by_prio] = 1 << np.arange(len(datasets), dtype="int64")
    mask = np.bincount(cid, weights=bit[ds], minlength=len(reps) + 1)[1:].astype("int64")
    uniq, inv = np.unique(mask, return_inverse=True)
    text = np.array([" & ".join(str(names[by_prio[k]]) for k in range(len(datasets)) if u >> k & 1) for u in uniq],
                    dtype=object)
    combo = text[inv]
    weakest = pd.Series(np.r_[kscore]).groupby(cid[ka]).min().reindex(np.arange(1, len(reps) + 1)).to_numpy()
    events = pd.DataFrame({
        "cluster_id": np.arange(1, len(reps) + 1, dtype="int64"),
        "dataset": _str(names[ds[rc]]), "event_id": ids(rc),
        "date": entries["date"].to_numpy()[rc], "end_date": entries["end_date"].to_numpy()[rc],
        "latitude": entries["latitude"].to_numpy()[rc], "longitude": entries["longitude"].to_numpy()[rc],
        "kind": _str(ckind_txt), "n_entries": np.bincount(cid)[1:].astype("int64"),
        "datasets": _str(combo), "score": weakest,
        "review": pd.Series(review).groupby(cid).any().to_numpy(),
    })

    # --- overlap -----------------------------------------------------------------------------------------
    member = np.zeros((len(reps) + 1, len(datasets)), dtype=bool)
    member[cid, ds] = True
    member = member[1:]
    mframe = pd.DataFrame(member, columns=list(datasets))
    overlap = (mframe.value_counts(sort=False).rename("clusters").reset_index())
    overlap.insert(len(datasets), "n_datasets", overlap[list(datasets)].sum(axis=1).astype("int64"))
    overlap["clusters"] = overlap["clusters"].astype("int64")
    overlap["entries"] = overlap["clusters"] * overlap["n_datasets"]
    ocols = [overlap[d].to_numpy() for d in reversed(datasets)]
    overlap = overlap.take(np.lexsort((*[~c for c in ocols], overlap["n_datasets"].to_numpy()))
                           ).reset_index(drop=True)

    # --- runner-ups --------------------------------------------------------------------------------------
    status = np.where(dropped[alt], "dropped", "outscored")
    w_alt = weights[alt]
    rdist = cand["distance_km"].to_numpy()[alt]
    both = pd.DataFrame({
        "me": np.r_[ra, rb], "other": np.r_[rb, ra], "score": np.r_[rscore, rscore],
        "distance_km": np.r_[rdist, rdist],
        "days_apart": np.r_[cand["d_lo"].to_numpy()[alt], -cand["d_lo"].to_numpy()[alt]],
        "status": np.r_[status, status], "w": np.r_[w_alt, w_alt],
    })
    both = both.take(np.lexsort((both["other"].to_numpy(), -both["w"].to_numpy(), both["me"].to_numpy())))
    both["rank"] = both.groupby("me").cumcount().astype("int64") + 1
    if n_runner_ups is not None:
        both = both[both["rank"] <= n_runner_ups]
    me, other = both["me"].to_numpy(), both["other"].to_numpy()
    runner_ups = pd.DataFrame({
        "dataset": _str(names[ds[me]]), "event_id": ids(me), "cluster_id": cid[me],
        "rank": both["rank"].to_numpy(), "other_dataset": _str(names[ds[other]]),
        "other_event_id": ids(other), "other_cluster_id": cid[other], "score": both["score"].to_numpy(),
        "distance_km": both["distance_km"].to_numpy(), "days_apart": both["days_apart"].to_numpy(),
        "status": _str(both["status"].to_numpy()),
    })
    runner_ups = runner_ups.take(np.lexsort((runner_ups["rank"].to_numpy(), prio[ds[me]], cid[me]))
                                 ).reset_index(drop=True)

    # --- episodes ----------------------------------------------------------------------------------------
    ev_e = np.r_[a_all[rel == REL_EVENT_IN_EPISODE], b_all[rel == REL_EPISODE_HOLDS_EVENT]]
    ep_e = np.r_[b_all[rel == REL_EVENT_IN_EPISODE], a_all[rel == REL_EPISODE_HOLDS_EVENT]]
    sel = np.r_[np.flatnonzero(rel == REL_EVENT_IN_EPISODE), np.flatnonzero(rel == REL_EPISODE_HOLDS_EVENT)]
    episodes = pd.DataFrame({
        "event_dataset": _str(names[ds[ev_e]]), "event_id": ids(ev_e), "event_cluster_id": cid[ev_e],
        "episode_dataset": _str(names[ds[ep_e]]), "episode_id": ids(ep_e), "episode_cluster_id": cid[ep_e],
        "distance_km": cand["distance_km"].to_numpy()[sel], "score": cand["score"].to_numpy()[sel],
    })
    episodes = episodes.take(np.lexsort((ep_e, ev_e))).reset_index(drop=True)

    # --- candidates, readable ----------------------------------------------------------------------------
    rel_txt = np.array(["", "match", "event-in-episode", "episode-holds-event"], dtype=object)
    candidates = pd.DataFrame({
        "dataset_a": _str(names[ds[a_all]]), "event_id_a": ids(a_all),
        "dataset_b": _str(names[ds[b_all]]), "event_id_b": ids(b_all),
        "relation": _str(rel_txt[rel]), "distance_km": cand["distance_km"].to_numpy(),
        "days_apart": cand["d_lo"].to_numpy(), "end_days_apart": cand["d_hi"].to_numpy(),
        "score": cand["score"].to_numpy(),
        **{f"level_{t}": cand[f"lvl_{k}"].to_numpy() for k, t in enumerate(taxonomy_names)},
        "chosen": kept,
    })
    return MatchResult(matches, events, overlap, runner_ups, episodes, candidates, parameters)


def _chained(cid: np.ndarray, a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """Mask of entries in clusters of 3+ where some pair of members is not a match candidate."""
    size = np.bincount(cid)
    big = np.flatnonzero(size >= 3)
    out = np.zeros(n, dtype=bool)
    if len(big) == 0:
        return out
    members = np.flatnonzero(np.isin(cid, big))
    order = members[np.argsort(cid[members], kind="stable")]
    cand_keys = set((np.minimum(a, b) * n + np.maximum(a, b)).tolist())
    bad_clusters = []
    starts = np.flatnonzero(np.r_[True, cid[order][1:] != cid[order][:-1]])
    for s, e in zip(starts, np.r_[starts[1:], len(order)], strict=True):
        m = np.sort(order[s:e])
        ok = all(int(m[i]) * n + int(m[j]) in cand_keys for i in range(len(m)) for j in range(i + 1, len(m)))
        if not ok:
            bad_clusters.append(cid[m[0]])
    out[np.isin(cid, bad_clusters)] = True
    return out
