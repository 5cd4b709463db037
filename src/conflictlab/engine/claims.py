"""The claim table the engine works on, and the choice of each source's current claim.

Examples
--------
>>> import conflictlab as cl
>>> t = claim_frame(cl.datasets.load("nerkin-hand-2024"))
>>> cur = current_claims(t)
>>> int(cur.duplicated(["incident_id", "field", "party_key", "source_id"]).sum())
0
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..model.casebook import Casebook
from ..model.vocab import FIELDS, THIRD_PARTY

__all__ = ["claim_frame", "current_claims", "source_order", "REQUIRED_COLUMNS", "MERGED_KINDS"]

REQUIRED_COLUMNS = ("claim_id", "incident_id", "source_id", "field", "value", "stated_to")
"""Columns a claims DataFrame needs to be compared (others depend on the fields present)."""

MERGED_KINDS = ("labels", "framing")
"""Field kinds whose simultaneous claims by one source are merged (their labels are joined) rather than the
later one taken."""


def claim_frame(data: Casebook | pd.DataFrame) -> pd.DataFrame:
    """Return the denormalised claim table of a casebook, or check and complete a claims DataFrame.

    A DataFrame without a ``side`` column gets one where every source is its own side.
    """
    if isinstance(data, Casebook):
        t = data.claim_table()
    elif isinstance(data, pd.DataFrame):
        missing = [c for c in REQUIRED_COLUMNS if c not in data.columns]
        if missing:
            raise KeyError(f"claims table lacks column(s) {missing}; see conflictlab.describe_table('claims')")
        t = data
        if "side" not in t.columns:
            t = t.assign(side=t["source_id"])
        if "party" not in t.columns:
            t = t.assign(party=pd.Series(pd.NA, index=t.index, dtype="str"))
    else:
        raise TypeError(f"expected a Casebook or a claims DataFrame, got {type(data).__name__}")
    unknown = set(t["field"].dropna().astype(str).unique()) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown field(s) {sorted(unknown)}; expected {list(FIELDS)}")
    return t


def source_order(t: pd.DataFrame, book: Casebook | None = None) -> pd.Index:
    """Return source ids in display order: grouped by side (parties first, third parties last).

    With a casebook, sources follow the casebook's order within each side; for a bare claims table they are
    sorted by side and id.

    Examples
    --------
    >>> import conflictlab as cl
    >>> book = cl.datasets.load("nerkin-hand-2024")
    >>> list(source_order(book.claim_table(), book))[:2]
    ['am-mod', 'am-mfa']
    """
    if book is not None and len(book.sources):
        sides = [*book.parties["party_id"].tolist(), THIRD_PARTY]
        src = book.sources[["source_id", "side"]]
        rank = src["side"].map({s: i for i, s in enumerate(sides)}).fillna(len(sides))
        ordered = src.assign(_rank=rank.to_numpy(), _pos=np.arange(len(src))).sort_values(["_rank", "_pos"])
        extra = sorted(set(t["source_id"]) - set(ordered["source_id"]))
        return pd.Index(ordered["source_id"].tolist() + extra)
    # a bare table: sorted by side (third parties last), then by id, so the order never depends on row order
    src = t[["source_id", "side"]].drop_duplicates("source_id").astype("str")
    src = src.assign(_third=(src["side"] == THIRD_PARTY).to_numpy())
    return pd.Index(src.sort_values(["_third", "side", "source_id"])["source_id"].tolist())


def current_claims(t: pd.DataFrame, as_of: object = None) -> pd.DataFrame:
    """Return one claim per (incident, field, party, source): the source's latest statement.

    Parameters
    ----------
    t : DataFrame
        A claim table (:func:`claim_frame`).
    as_of : date-like, optional
        Use only statements certainly made by this date (``stated_to <= as_of``): "as known on date D".

    A claim that a ``supersedes`` relation marks as revised (column ``superseded_on`` of
    :meth:`Casebook.claim_table`) is left out once the revising statement is known.

    Returns
    -------
    DataFrame
        The claims kept, with a ``party_key`` column (``party`` with '' for no party). When a source made
        several claims on one key in its latest statement(s), labels and framings are merged (labels joined)
        and for other kinds the later claim in the casebook is kept.
    """
    if as_of is not None:
        t = t[t["stated_to"] <= pd.Timestamp(as_of)]
    if "superseded_on" in t.columns:  # revised by a later statement (a 'supersedes' relation) known by then
        gone = t["superseded_on"].notna()
        if as_of is not None:
            gone &= t["superseded_on"] <= pd.Timestamp(as_of)
        t = t[~gone.to_numpy()]
    t = t.assign(party_key=t["party"].fillna("").astype("str"))
    if not len(t):
        return t.reset_index(drop=True)
    key = np.zeros(len(t), dtype="int64")
    for column in ("incident_id", "field", "party_key", "source_id"):
        codes, uniques = pd.factorize(t[column])
        key = key * (len(uniques) + 1) + codes
    stated = t["stated_to"].to_numpy("datetime64[s]").view("int64")
    order = np.lexsort((stated, key))  # by key, then statement date; equal dates keep table order
    key_s, stated_s = key[order], stated[order]
    starts = np.r_[True, key_s[1:] != key_s[:-1]]
    group = np.cumsum(starts) - 1
    is_latest = stated_s == stated_s[np.r_[starts[1:], True]][group]  # the last of a group has its latest date
    rows, groups = order[is_latest], group[is_latest]
    last = np.r_[groups[1:] != groups[:-1], True]
    winners = rows[last]  # per key: the latest statement; among equal dates, the last in the table
    kept = np.sort(winners)
    out = t.iloc[kept].reset_index(drop=True)
    several = (np.bincount(groups)[groups] > 1) if len(groups) else np.zeros(0, dtype=bool)
    if several.any():
        kinds = t["field"].astype("object").map({f: spec.kind for f, spec in FIELDS.items()}).to_numpy()
        merge = several & np.isin(kinds[rows], MERGED_KINDS)
        if merge.any():
            position = np.searchsorted(kept, winners[np.searchsorted(groups[last], groups[merge])])
            out = _merge_simultaneous(t.iloc[rows[merge]], groups[merge], out, position)
    return out


def _join_unique(separator: str, split: bool = False):
    def join(values: pd.Series) -> str:
        items = (p.strip() for v in values.dropna() for p in v.split(";")) if split else values
        return separator.join(dict.fromkeys(items))

    return join


def _merge_simultaneous(rows: pd.DataFrame, groups: np.ndarray, out: pd.DataFrame,
                        position: np.ndarray) -> pd.DataFrame:
    """Join the labels, claim ids, quotes and values of one source's simultaneous label or framing claims."""
    merged = (rows[["labels", "claim_id", "quote", "value"]].astype("object").assign(_group=groups)
              .groupby("_group", sort=False)
              .agg(labels=("labels", _join_unique("; ", split=True)), claim_id=("claim_id", "; ".join),
                   quote=("quote", _join_unique(" / ")), value=("value", _join_unique("; "))))
    at = pd.Series(position, index=groups).groupby(level=0).first().reindex(merged.index).to_numpy()
    out = out.copy()
    for column in merged.columns:
        values = out[column].copy()
        values.iloc[at] = merged[column].to_numpy()
        out[column] = values
    return out
