"""Selecting part of a claims or verdict table, and explaining one verdict: what widgets and reports call.

Examples
--------
>>> import conflictlab as cl
>>> book = cl.datasets.load("nerkin-hand-2024")
>>> v = select(cl.compare(book), incident="fire-2024-02-12", sides=["azerbaijan"])
>>> sorted(set(v.side_l.astype(str)) | set(v.side_r.dropna().astype(str)))
['azerbaijan']
>>> summary_line(cl.summarize(cl.compare(book)))
'5 fields agreed, 4 contested, 17 one-sided'
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..model.casebook import Casebook
from .claims import claim_frame

__all__ = ["select", "summary_line", "explain"]


def _as_set(values: str | Iterable[str] | None) -> set[str] | None:
    if values is None:
        return None
    return {values} if isinstance(values, str) else set(values)


def select(
    frame: pd.DataFrame,
    incident: str | Iterable[str] | None = None,
    sources: Iterable[str] | None = None,
    sides: Iterable[str] | None = None,
    fields: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Keep the rows of a claims table or a verdict table that match every filter given.

    On a verdict table a pair is kept when both its sources (and sides) are selected; a source's row with no
    other source (empty ``source_r``) is kept when that source is selected.

    Parameters
    ----------
    frame : DataFrame
        A claims table (:meth:`Casebook.claim_table`) or a verdict table (:func:`conflictlab.compare`).
    incident, sources, sides, fields : str or iterable of str, optional
        Values to keep; ``None`` keeps all.

    Examples
    --------
    >>> import conflictlab as cl
    >>> t = cl.datasets.load("nerkin-hand-2024").claim_table()
    >>> len(select(t, fields=["killed", "injured"]))
    15
    """
    keep = pd.Series(True, index=frame.index)
    if (wanted := _as_set(incident)) is not None:
        keep &= frame["incident_id"].isin(wanted)
    if (wanted := _as_set(fields)) is not None:
        keep &= frame["field"].isin(wanted)
    pairs = "source_l" in frame.columns
    for values, column in ((_as_set(sources), "source"), (_as_set(sides), "side")):
        if values is None:
            continue
        if pairs:
            right = frame[f"{column}_r"]
            keep &= frame[f"{column}_l"].isin(values) & (right.isin(values) | frame["source_r"].isna())
        else:
            col = "source_id" if column == "source" else "side"
            keep &= frame[col].isin(values)
    return frame[keep.to_numpy()]


def summary_line(summary: pd.DataFrame) -> str:
    """One line for a summary table: how many fields are agreed, contested, one-sided, inconsistent.

    Examples
    --------
    >>> import pandas as pd
    >>> summary_line(pd.DataFrame({"consensus": [True], "contested": [False], "one_sided": [False],
    ...                            "inconsistent_within_side": [False]}))
    '1 field agreed, 0 contested, 0 one-sided'
    """
    n = {c: int(summary[c].sum()) for c in ("consensus", "contested", "one_sided", "inconsistent_within_side")}
    text = (f"{n['consensus']} field{'s' if n['consensus'] != 1 else ''} agreed, {n['contested']} contested, "
            f"{n['one_sided']} one-sided")
    if n["inconsistent_within_side"]:
        text += f", {n['inconsistent_within_side']} inconsistent within a side"
    return text


def explain(book: Casebook, verdict: pd.Series | dict) -> pd.DataFrame:
    """The two claims behind one verdict, with their quotes, documents and dates.

    Parameters
    ----------
    book : Casebook
        The casebook the verdict table was computed from.
    verdict : Series or dict
        One row of :func:`conflictlab.compare` (needs ``claim_l``/``claim_r`` or ``source_l``/``source_r``).

    Returns
    -------
    DataFrame
        One row per side of the pair (``l``, ``r``): source, side, value, quote, quote kind, statement dates,
        document publisher, title, published date and URL; a silent source has only its name.

    Examples
    --------
    >>> import conflictlab as cl
    >>> book = cl.datasets.load("nerkin-hand-2024")
    >>> v = cl.compare(book)
    >>> row = v[(v.field == "occurred") & (v.verdict == "contradict")].iloc[0]
    >>> explain(book, row)[["source_id", "value"]].values.tolist()
    [['am-mod', 'denied'], ['az-sbs', 'happened']]
    """
    t = claim_frame(book)
    docs = book.documents.set_index("document_id")
    sources = book.sources.set_index("source_id")
    rows = []
    for s in ("l", "r"):
        source, claim = verdict.get(f"source_{s}"), verdict.get(f"claim_{s}")
        if source is None or pd.isna(source):
            continue
        row = {"pair_side": s, "source_id": source, "source_name": sources["name"].get(source, source),
               "side": sources["side"].get(source)}
        if claim is not None and not pd.isna(claim):
            ids = str(claim).split("; ")  # merged simultaneous claims
            c = t[t["claim_id"].isin(ids)]
            first = c.iloc[-1]
            doc = docs.loc[first["document_id"]] if first["document_id"] in docs.index else None
            row.update({
                "claim_id": claim, "value": verdict.get(f"value_{s}", first["value"]),
                "quote": " / ".join(dict.fromkeys(c["quote"])), "quote_kind": first["quote_kind"],
                "stated_from": first["stated_from"], "stated_to": first["stated_to"],
                "document_id": first["document_id"],
                "publisher": None if doc is None else doc["publisher"],
                "title": None if doc is None else doc["title"],
                "published": None if doc is None else doc["published"],
                "url": None if doc is None else doc["url"],
            })
        else:
            row["value"] = None
        rows.append(row)
    columns = ["pair_side", "source_id", "source_name", "side", "claim_id", "value", "quote", "quote_kind",
               "stated_from", "stated_to", "document_id", "publisher", "title", "published", "url"]
    return pd.DataFrame(rows).reindex(columns=columns)
