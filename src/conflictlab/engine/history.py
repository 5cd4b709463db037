"""The history of what each source said over time: every figure a source stated, revised or not.

:func:`conflictlab.compare` uses each source's latest statement (or the statement a ``supersedes`` relation
says replaced the others); :func:`history` keeps all of them, in the order they were made, and says which one is
current, and since when a revised one was replaced.

Examples
--------
>>> import conflictlab as cl
>>> h = history(cl.datasets.load("nerkin-hand-2024"), field="killed", party="armenia")
>>> h[["source_id", "value", "current"]].values.tolist()  # the early report's 2, then 4 (said twice)
[['am-mod', '2', False], ['am-mod', '4', False], ['am-mod', '4', True]]
>>> h["superseded_on"].notna().tolist()
[True, False, False]
"""

from __future__ import annotations

import pandas as pd

from ..model.casebook import Casebook
from .claims import claim_frame, current_claims

__all__ = ["history", "HISTORY_COLUMNS"]

#: The columns of :func:`history`, in order.
HISTORY_COLUMNS = ("incident_id", "field", "party", "side", "source_id", "stated_from", "stated_to", "value",
                   "superseded_on", "current", "claim_id", "statement_id", "document_id", "quote")


def history(data: Casebook | pd.DataFrame, incident: str | None = None, field: str | None = None,
            party: str | None = None, *, revised_only: bool = True, as_of: object = None) -> pd.DataFrame:
    """Return every claim of each (incident, field, party, source), oldest first, with the one in use marked.

    Parameters
    ----------
    data : Casebook or DataFrame
        A casebook or a claims table.
    incident, field, party : str, optional
        Keep only this incident, field or party ('' for fields not stated per party).
    revised_only : bool, default True
        Keep only the keys on which a source made more than one claim (the figures that changed, or were
        repeated); False keeps every claim.
    as_of : date-like, optional
        Mark as ``current`` what was current on this date ("as known on date D"); claims made later are left out.

    Returns
    -------
    DataFrame
        Columns :data:`HISTORY_COLUMNS`. ``current`` is True for the claim :func:`conflictlab.compare` uses
        (with ``as_of``: used on that date); ``superseded_on`` is the date of the statement that revised it.
    """
    t = claim_frame(data)
    if as_of is not None:
        t = t[t["stated_to"] <= pd.Timestamp(as_of)]
    if "superseded_on" not in t.columns:
        t = t.assign(superseded_on=pd.Series(pd.NaT, index=t.index, dtype="datetime64[s]"))
    t = t.assign(party=t["party"].fillna("").astype("str"))
    for column, wanted in (("incident_id", incident), ("field", field), ("party", party)):
        if wanted is not None:
            t = t[t[column].astype("str") == wanted]
    used = current_claims(t, as_of=as_of)["claim_id"].astype("str").str.split("; ").explode()
    t = t.assign(current=t["claim_id"].astype("str").isin(set(used)).to_numpy())
    keys = ["incident_id", "field", "party", "source_id"]
    if revised_only:
        t = t[t.groupby(keys, sort=False, observed=True)["claim_id"].transform("size").to_numpy() > 1]
    t = t.sort_values([*keys, "stated_to", "stated_from"], kind="stable")
    return t.loc[:, [c for c in HISTORY_COLUMNS if c in t.columns]].reset_index(drop=True)
