"""Per (incident, field, party): is it agreed, contested, stated by one side only, or contested inside a side?

Examples
--------
>>> import conflictlab as cl
>>> s = cl.summarize(cl.compare(cl.datasets.load("nerkin-hand-2024")))
>>> s.set_index(["incident_id", "field", "party"]).loc[("fire-2024-02-12", "place", ""), "status"]
'one-sided'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..model.vocab import STATUSES, THIRD_PARTY

__all__ = ["summarize", "SUMMARY_COLUMNS"]

SUMMARY_COLUMNS = {
    "incident_id": "the incident",
    "field": "the field",
    "party": "the party a per-party field is about, '' otherwise",
    "status": "the flags that hold, comma-separated, in the order of STATUSES",
    "consensus": "two or more parties to the conflict speak and no sources of different sides contradict",
    "contested": "sources of different sides contradict each other",
    "one_sided": "fewer than two parties to the conflict speak (third parties may), and nobody contradicts across sides",
    "inconsistent_within_side": "two sources of the same party contradict each other",
    "n_sources": "how many sources speak",
    "sides": "the sides that speak, '; '-separated",
    "sources": "the sources that speak, '; '-separated, in display order",
    "contradictions": "the contradicting pairs with their reasons, ' | '-separated",
    "n_agree": "pairs that agree",
    "n_compatible": "pairs that are compatible",
    "n_contradict": "pairs that contradict",
}
"""Columns of the table returned by :func:`summarize`."""

_KEYS = ["incident_id", "field", "party"]


_BITS = 63  # source ranks per int64 word of a speaker mask


def _speaker_sets(v: pd.DataFrame, speakers: pd.DataFrame, n_groups: int):
    """Per group: how many sources speak, their sides and names as text, and how many parties speak.

    Each group's speakers become a bit mask over source display ranks (as many 63-bit words as needed); the
    texts are built once per distinct mask, not once per group.
    """
    names = np.asarray(v["source_l"].cat.categories, dtype=object)
    pairs = pd.concat([v[["source_l", "side_l"]].set_axis(["s", "d"], axis=1),
                       v[["source_r", "side_r"]].set_axis(["s", "d"], axis=1)]).dropna()
    side_of = pairs.drop_duplicates("s").set_index("s")["d"].astype("object").reindex(names).to_numpy()
    rank = speakers["rank"].to_numpy().astype("int64")
    masks = np.zeros((n_groups, max(1, -(-len(names) // _BITS))), dtype="int64")
    np.bitwise_or.at(masks, (speakers["g"].to_numpy(), rank // _BITS), np.left_shift(1, rank % _BITS))
    unique, inverse = np.unique(masks, axis=0, return_inverse=True)
    inverse = inverse.ravel()
    members = [[w * _BITS + b for w, word in enumerate(row) for b in range(_BITS) if word >> b & 1]
               for row in unique]
    count = np.asarray([len(m) for m in members], dtype="int64")
    sides = np.asarray(["; ".join(dict.fromkeys(side_of[m])) for m in members], dtype=object)
    sources = np.asarray(["; ".join(names[m]) for m in members], dtype=object)
    parties = np.asarray([len({d for d in side_of[m] if d != THIRD_PARTY}) for m in members], dtype="int64")
    return count[inverse], sides[inverse], sources[inverse], parties[inverse]


def summarize(verdicts: pd.DataFrame) -> pd.DataFrame:
    """Summarise a verdict table per (incident, field, party).

    Parameters
    ----------
    verdicts : DataFrame
        The output of :func:`conflictlab.compare`.

    Returns
    -------
    DataFrame
        One row per (incident, field, party) with the statuses as flags and as text, and the sources behind
        them; see :data:`SUMMARY_COLUMNS`. Several statuses may hold at once (a field stated only by one side,
        whose organs contradict each other, is ``one-sided, inconsistent-within-side``).

    Examples
    --------
    >>> import conflictlab as cl
    >>> s = cl.summarize(cl.compare(cl.datasets.load("nerkin-hand-2024")))
    >>> s.loc[s.contested, "field"].astype(str).tolist()
    ['characterization', 'cause', 'occurred', 'occurred']
    """
    missing = {"verdict", "source_l", "source_r", "side_l", "side_r", "claim_l", "claim_r", "reason", *_KEYS} - set(
        verdicts.columns)
    if missing:
        raise KeyError(f"not a verdict table from conflictlab.compare: missing {sorted(missing)}")
    v = verdicts
    keys = v[_KEYS].astype("object")
    group = keys.groupby(_KEYS, sort=False, dropna=False).ngroup().to_numpy()
    first = pd.Series(np.arange(len(v))).groupby(group).first().to_numpy()

    # who speaks: both sources of a compared pair, the speaking one of a silent pair
    l_speaks = v["claim_l"].notna().to_numpy()
    r_speaks = v["claim_r"].notna().to_numpy()
    speakers = pd.DataFrame({
        "g": np.concatenate([group[l_speaks], group[r_speaks]]),
        "rank": np.concatenate([v["source_l"].cat.codes.to_numpy()[l_speaks],
                                v["source_r"].cat.codes.to_numpy()[r_speaks]]),
    }).drop_duplicates()
    n_groups = int(group.max()) + 1 if len(group) else 0
    n_sources, sides_text, sources_text, n_parties = _speaker_sets(v, speakers, n_groups)

    verdict = v["verdict"].astype("object").to_numpy()
    side_l = v["side_l"].astype("object").to_numpy()
    side_r = v["side_r"].astype("object").to_numpy()
    contra = verdict == "contradict"
    cross = contra & (side_l != side_r)
    within = contra & (side_l == side_r) & (side_l != THIRD_PARTY)
    counts = pd.DataFrame({"g": group, "agree": verdict == "agree", "compatible": verdict == "compatible",
                           "contradict": contra, "cross": cross, "within": within}).groupby("g").sum()
    contra_rows = v[contra]
    contra_text = (
        (contra_rows["source_l"].astype("str") + " × " + contra_rows["source_r"].astype("str") + ": "
         + contra_rows["reason"].astype("str"))
        .groupby(group[contra]).agg(" | ".join)
    )

    idx = pd.RangeIndex(n_groups)
    contested = counts["cross"].reindex(idx, fill_value=0).to_numpy() > 0
    within_side = counts["within"].reindex(idx, fill_value=0).to_numpy() > 0
    consensus = (n_parties >= 2) & ~contested
    one_sided = (n_parties < 2) & ~contested
    flags = np.stack([consensus, contested, one_sided, within_side], axis=1)
    flag_code = flags.astype("int64") @ (1 << np.arange(len(STATUSES)))
    status_text = np.asarray([", ".join(s for i, s in enumerate(STATUSES) if code >> i & 1)
                              for code in range(1 << len(STATUSES))], dtype=object)
    status = status_text[flag_code]

    out = v.iloc[first][_KEYS].reset_index(drop=True)
    out["status"] = pd.Series(status, dtype="str")
    out["consensus"], out["contested"] = consensus, contested
    out["one_sided"], out["inconsistent_within_side"] = one_sided, within_side
    out["n_sources"] = n_sources
    out["sides"] = pd.Series(sides_text, dtype="str").to_numpy()
    out["sources"] = pd.Series(sources_text, dtype="str").to_numpy()
    out["contradictions"] = contra_text.reindex(idx).astype("str").to_numpy()
    for c in ("agree", "compatible", "contradict"):
        out[f"n_{c}"] = counts[c].reindex(idx, fill_value=0).to_numpy()
    return out
