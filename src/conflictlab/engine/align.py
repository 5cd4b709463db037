"""The side-by-side table: what each source says, field by field.

Examples
--------
>>> import conflictlab as cl
>>> table = cl.align(cl.datasets.load("nerkin-hand-2024"), incident="fire-2024-02-12-tovuz")
>>> table.loc[("fire-2024-02-12-tovuz", "place", ""), ("azerbaijan", "az-mod")]
'Tovuz District (Azerbaijani positions)'
"""

from __future__ import annotations

import pandas as pd

from ..model.casebook import Casebook
from ..model.vocab import FIELD_NAMES
from .claims import claim_frame, current_claims, source_order

__all__ = ["align"]

_SHOW = {"value": "value", "quote": "quote", "claim": "claim_id", "stated": "stated_to"}


def align(
    data: Casebook | pd.DataFrame,
    incident: str | list[str] | None = None,
    show: str = "value",
    as_of: object = None,
) -> pd.DataFrame:
    """Line up each source's account of the same incidents.

    Parameters
    ----------
    data : Casebook or DataFrame
        A casebook or a claims table.
    incident : str or list of str, optional
        Only these incidents.
    show : {"value", "quote", "claim", "stated"}
        What each cell holds: the value in words, the verbatim quote, the claim id, or the statement date.
    as_of : date-like, optional
        Only statements certainly made by this date.

    Returns
    -------
    DataFrame
        Rows: (``incident_id``, ``field``, ``party``), in casebook and field order. Columns: (``side``,
        ``source_id``), sources grouped by side. Empty cells: the source says nothing on that row.

    Examples
    --------
    >>> import conflictlab as cl
    >>> t = cl.align(cl.datasets.load("nerkin-hand-2024"), incident="fire-2024-02-13")
    >>> t.loc[("fire-2024-02-13", "killed", "armenia"), ("armenia", "am-mod")]
    '4'
    """
    if show not in _SHOW:
        raise ValueError(f"show must be one of {list(_SHOW)}")
    book = data if isinstance(data, Casebook) else None
    t = claim_frame(data)
    if incident is not None:
        wanted = [incident] if isinstance(incident, str) else list(incident)
        unknown = set(wanted) - set(t["incident_id"])
        if unknown:
            raise KeyError(f"no claims about incident(s) {sorted(unknown)}")
        t = t[t["incident_id"].isin(wanted)]
    cur = current_claims(t, as_of=as_of)
    order = [s for s in source_order(t, book) if s in set(cur["source_id"])]
    incidents = list(book.incidents["incident_id"]) if book is not None else list(pd.unique(cur["incident_id"]))
    cell = cur[_SHOW[show]]
    if show == "stated":
        cell = cell.dt.strftime("%Y-%m-%d")
    wide = (
        cur.assign(_cell=cell.astype("str"), field=cur["field"].astype("str"))
        .pivot(index=["incident_id", "field", "party_key"], columns="source_id", values="_cell")
        .reindex(columns=order)
    )
    sides = cur.drop_duplicates("source_id").set_index("source_id")["side"]
    wide.columns = pd.MultiIndex.from_arrays([sides.reindex(order).to_numpy(), order], names=["side", "source_id"])
    rank_i = {i: n for n, i in enumerate(incidents)}
    rank_f = {f: n for n, f in enumerate(FIELD_NAMES)}
    idx = wide.index.to_frame(index=False)
    wide = wide.iloc[
        idx.assign(_i=idx["incident_id"].map(rank_i), _f=idx["field"].map(rank_f))
        .sort_values(["_i", "_f", "party_key"], kind="stable").index
    ]
    wide.index = wide.index.set_names(["incident_id", "field", "party"])
    return wide
