"""Claimed vs documented losses as claims: the Ukrainian General Staff (side ``ukraine``) vs Oryx (third party).

For each (category, date) of :func:`conflictlab.io.claimed_vs_documented`, one incident ("Russian tanks lost,
cumulative, by 2023-02-05") with two claims on the same count field, party ``russia``:

* the General Staff's figure N as an exact count (``N``), or for a personnel figure worded "about N" the
  interval the claim model reads "about" as (within 10 %);
* Oryx's count M as **at least M** (``count_low=M``, no upper bound): Oryx lists only losses with visual
  evidence, so its count is a documented lower bound.

:func:`conflictlab.compare` then says ``compatible`` when the claim is at or above the documented count (a
lower bound cannot contradict a larger claim) and ``contradict`` when the claim is below what is documented.
The size of the gap is not a verdict: read it in the ratio table (:func:`claimed_vs_documented`).

Personnel go to ``killed`` (the General Staff's word is "liquidated"), prisoners to ``captured``, and
equipment to ``lost``, with the category named in the incident, the value and the reading (see
docs/datasets.md).

Examples
--------
>>> import pandas as pd, conflictlab as cl
>>> c = pd.DataFrame({"date": pd.to_datetime(["2023-02-05"]), "category": ["tanks"], "count": [3220]})
>>> o = pd.DataFrame({"date": pd.to_datetime(["2023-02-05"]), "category": ["tanks"], "count": [1673]})
>>> book = losses_to_claims(c, o)
>>> v = cl.compare(book)
>>> v[["source_l", "source_r", "verdict"]].astype(str).values.tolist()
[['ua-general-staff', 'oryx', 'compatible']]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..model.casebook import Casebook
from ..model.quantities import read_count
from ..model.vocab import THIRD_PARTY
from .losses import GENSTAFF_SOURCE, claimed_vs_documented
from .oryx import WAR_START

__all__ = ["losses_to_claims", "field_for", "EQUIPMENT_FIELD"]

EQUIPMENT_FIELD = "lost"
"""The count field equipment losses are written under."""


def field_for(category: str) -> str:
    """Return the claim field a loss category is written under.

    Examples
    --------
    >>> field_for("personnel"), field_for("pow")
    ('killed', 'captured')
    """
    return {"personnel": "killed", "pow": "captured"}.get(category, EQUIPMENT_FIELD)


def losses_to_claims(claimed: pd.DataFrame, documented: pd.DataFrame, *, align: str = "documented",
                     categories: list[str] | None = None, side_lost: str = "russia",
                     claimant_side: str = "ukraine") -> Casebook:
    """Build a casebook of claimed vs documented cumulative losses, one incident per (category, date).

    Parameters
    ----------
    claimed, documented : DataFrame
        ``losses`` tables (:func:`conflictlab.io.read_genstaff_claims`, :func:`conflictlab.io.read_oryx_daily`
        or :func:`conflictlab.io.read_oryx_by_model`); bare frames with ``date``, ``category``, ``count`` work.
    align : {"documented", "claimed"}
        Which series gives the dates (see :func:`claimed_vs_documented`).
    categories : list of str, optional
        Keep only these categories.
    side_lost, claimant_side : str
        Party whose losses are counted; party of the claimant (the General Staff).
    """
    table = claimed_vs_documented(claimed, documented, align=align)
    if categories is not None:
        table = table[table["category"].isin(categories)]
    table = table.reset_index(drop=True)
    day = table["date"].dt.strftime("%Y-%m-%d")
    incident = (side_lost + "-" + table["category"] + "-" + day).to_numpy()
    qualifier = _qualifiers(claimed, table)
    cat = table["category"].astype("str")
    fields = cat.map(field_for)

    rows = []
    for i in range(len(table)):
        n, m = int(table.at[i, "claimed"]), int(table.at[i, "documented"])
        words = f"{qualifier[i]} {n}" if qualifier[i] else str(n)
        low, high, reading = read_count(words)
        what = cat.iat[i]
        c_day, d_day = table.at[i, "claimed_date"], table.at[i, "documented_date"]
        for source, lo, hi, text, stated, reading_i, quote in (
            (GENSTAFF_SOURCE, low, high, f"{words} {what} (claimed)", c_day, reading or "as stated",
             f"{what}: {words} (cumulative, statement of {c_day:%Y-%m-%d})"),
            ("oryx", m, None, f"at least {m} {what} (documented)", d_day,
             f"'at least {m}': Oryx lists only visually confirmed losses, a lower bound",
             f"{what}: {m} visually confirmed (recorded by {d_day:%Y-%m-%d})"),
        ):
            stmt = f"{source}/{incident[i]}"
            rows.append({"claim_id": f"{stmt}/{fields.iat[i]}/{side_lost}", "statement_id": stmt,
                         "incident_id": incident[i], "source_id": source, "document_id": source,
                         "field": fields.iat[i], "party": side_lost, "value": text, "count_low": lo,
                         "count_high": hi, "count_reading": f"{what}: {reading_i}", "stated_from": stated,
                         "stated_to": stated, "quote": quote, "quote_kind": "reported"})
    claims = pd.DataFrame(rows)
    incidents = pd.DataFrame({"incident_id": incident, "title": "Russian losses of " + cat + ", cumulative to " + day,
                              "date_from": WAR_START, "date_to": table["date"]})
    parties = pd.DataFrame({"party_id": [side_lost, claimant_side], "name": [side_lost.title(),
                                                                              claimant_side.title()]})
    sources = pd.DataFrame([
        {"source_id": GENSTAFF_SOURCE, "name": "General Staff of the Armed Forces of Ukraine", "side": claimant_side,
         "kind": "military", "note": "daily cumulative claims of enemy losses"},
        {"source_id": "oryx", "name": "Oryx", "side": THIRD_PARTY, "kind": "other",
         "note": "open-source list of visually confirmed losses: counts are lower bounds"},
    ])
    documents = pd.DataFrame([
        {"document_id": GENSTAFF_SOURCE, "publisher": "General Staff of the Armed Forces of Ukraine",
         "title": "Daily statements of enemy losses (as transcribed)", "language": "uk"},
        {"document_id": "oryx", "publisher": "Oryx", "title": "Documenting equipment losses (as scraped)",
         "url": "https://www.oryxspioenkop.com", "language": "en"},
    ])
    meta = {"title": "Claimed vs documented losses", "generated_by": "losses_to_claims"}
    return Casebook.from_tables({"parties": parties, "sources": sources, "documents": documents,
                                 "incidents": incidents, "claims": claims}, meta=meta)


def _qualifiers(claimed: pd.DataFrame, table: pd.DataFrame) -> np.ndarray:
    if "qualifier" not in claimed.columns:
        return np.full(len(table), "", dtype=object)
    q = claimed[["date", "category", "qualifier"]].astype({"category": "str"}).rename(columns={"date": "claimed_date"})
    q = q.drop_duplicates(["claimed_date", "category"])
    merged = table[["claimed_date", "category"]].merge(q, on=["claimed_date", "category"], how="left")
    return merged["qualifier"].astype("object").where(merged["qualifier"].notna(), "").to_numpy()
