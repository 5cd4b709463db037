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
    unknown = set(t["field"].dropna().astype(str)) - set(FIELDS)
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
    t = t.assign(party_key=t["party"].fillna("").astype("str"), _order=np.arange(len(t)))
    keys = ["incident_id", "field", "party_key", "source_id"]
    latest = t.groupby(keys, observed=True, sort=False)["stated_to"].transform("max")
    t = t[(t["stated_to"] == latest).to_numpy()]
    dup = t.duplicated(keys, keep=False).to_numpy()
    if dup.any():
        t = pd.concat([t[~dup], _merge_simultaneous(t[dup], keys)]).sort_values("_order")
    return t.drop(columns="_order").reset_index(drop=True)


def _merge_simultaneous(d: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    kinds = d["field"].astype("object").map({f: s.kind for f, s in FIELDS.items()})
    rows = []
    for _, g in d.groupby(keys, observed=True, sort=False):
        last = g.iloc[-1].copy()
        if kinds.loc[g.index[0]] in MERGED_KINDS:
            labels = list(dict.fromkeys(p.strip() for v in g["labels"].dropna() for p in v.split(";")))
            last["labels"] = "; ".join(labels)
            last["claim_id"] = "; ".join(g["claim_id"])
            last["quote"] = " / ".join(dict.fromkeys(g["quote"]))
            last["value"] = "; ".join(dict.fromkeys(g["value"]))
        rows.append(last)
    return pd.DataFrame(rows).astype(d.dtypes.to_dict())
