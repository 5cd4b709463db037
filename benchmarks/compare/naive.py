"""The named baseline of the compare benchmark: "naive pandas".

A straightforward implementation of the pairing that :func:`conflictlab.compare` does, as one would first write
it with pandas: pick each source's latest claim per (incident, field, party), self-merge the current claims on
(incident, field, party), keep each unordered pair of sources once, and decide every pair's verdict with a
row-wise Python function via ``DataFrame.apply``. It applies the same rules as the default comparators (so
that the verdict counts can be checked against conflictlab's), but it does less work: it builds no silent pairs
and no reasons in words. Its timings are therefore a lower bound for a naive implementation of the whole job.

Examples
--------
>>> import conflictlab as cl
>>> v = naive_compare(cl.datasets.load("nerkin-hand-2024").claim_table())
>>> v["verdict"].value_counts().to_dict()
{'agree': 18, 'contradict': 9, 'compatible': 6}
"""

from __future__ import annotations

import math
import re
import unicodedata

import pandas as pd

from conflictlab.model.vocab import FIELDS

__all__ = ["naive_compare", "naive_current_claims"]

_KEYS = ["incident_id", "field", "party_key"]
_GENERIC = re.compile(r"\b(province|district|region|rayon|raion|marz|oblast|municipality|governorate|county|"
                      r"village|settlement|city|town)\b")
_RADIUS_KM = {"point": 0.5, "settlement": 5.0, "admin2": 30.0, "admin1": 75.0, "country": math.inf}


def naive_current_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Keep each source's latest claim per key; simultaneous labels/framings are merged (labels joined)."""
    t = claims.assign(party_key=claims["party"].fillna("").astype("object"))
    keys = [*_KEYS, "source_id"]
    t = t[t["stated_to"] == t.groupby(keys, observed=True)["stated_to"].transform("max")]
    dup = t.duplicated(keys, keep=False)
    merged = t[dup].groupby(keys, observed=True, sort=False).agg(
        lambda s: "; ".join(dict.fromkeys(p.strip() for v in s.dropna() for p in v.split(";")))
        if s.name == "labels" else s.iloc[-1])
    return pd.concat([t[~dup], merged.reset_index()], ignore_index=True)


def naive_compare(claims: pd.DataFrame) -> pd.DataFrame:
    """Return one row per pair of sources that both speak on an (incident, field, party), with its verdict."""
    cur = naive_current_claims(claims)
    pairs = cur.merge(cur, on=_KEYS, suffixes=("_l", "_r"))
    pairs = pairs[pairs["source_id_l"] < pairs["source_id_r"]].reset_index(drop=True)
    pairs["verdict"] = pairs.apply(_verdict, axis=1) if len(pairs) else pd.Series(dtype="object")
    return pairs[[*_KEYS, "source_id_l", "source_id_r", "verdict"]]


def _verdict(row: pd.Series) -> str:
    """The verdict of one pair of claims, by the field's kind."""
    return _RULES[FIELDS[row["field"]].kind](row)


def _missing(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT


def _same_or_contradict(column: str):
    def rule(row: pd.Series) -> str:
        a, b = row[f"{column}_l"], row[f"{column}_r"]
        same = (_missing(a) and _missing(b)) or (not _missing(a) and not _missing(b) and a == b)
        return "agree" if same else "contradict"
    return rule


def _date(row: pd.Series) -> str:
    a_l, b_l = row["date_from_l"].normalize(), row["date_to_l"].normalize()
    a_r, b_r = row["date_from_r"].normalize(), row["date_to_r"].normalize()
    if a_l == a_r and b_l == b_r:
        return "agree"
    gap = (max(a_l, a_r) - min(b_l, b_r)).days
    return "compatible" if gap <= 1 else "contradict"


def _count(row: pd.Series) -> str:
    lo_l, lo_r = row["count_low_l"], row["count_low_r"]
    hi_l = math.inf if _missing(row["count_high_l"]) else row["count_high_l"]
    hi_r = math.inf if _missing(row["count_high_r"]) else row["count_high_r"]
    if lo_l == lo_r and hi_l == hi_r:
        return "agree"
    return "compatible" if lo_l <= hi_r and lo_r <= hi_l else "contradict"


def _label_set(v: object) -> frozenset[str]:
    return frozenset() if _missing(v) else frozenset(p.strip() for p in str(v).split(";") if p.strip())


def _labels(row: pd.Series) -> str:
    a, b = _label_set(row["labels_l"]), _label_set(row["labels_r"])
    return "agree" if a == b else "compatible"  # disjoint sets: compatible by default


def _framing(row: pd.Series) -> str:
    same_blame = row["blame_l"] == row["blame_r"]
    if same_blame and row["labels_l"] == row["labels_r"]:
        return "agree"
    neutral = {"none", "both"}
    return "compatible" if same_blame or row["blame_l"] in neutral or row["blame_r"] in neutral else "contradict"


def _norm(v: object) -> str | None:
    if _missing(v):
        return None
    v = unicodedata.normalize("NFKD", str(v)).encode("ascii", "ignore").decode().casefold()
    return " ".join(_GENERIC.sub(" ", v.replace("-", " ")).split())


def _place(row: pd.Series) -> str:
    if row["place_id_l"] == row["place_id_r"]:
        return "agree"
    if not _missing(row["place_lat_l"]) and not _missing(row["place_lat_r"]):
        d = _haversine_km(row["place_lat_l"], row["place_lon_l"], row["place_lat_r"], row["place_lon_r"])
        slack = _RADIUS_KM.get(row["place_level_l"], math.inf) + _RADIUS_KM.get(row["place_level_r"], math.inf)
        return "agree" if d <= 10 else "compatible" if d <= slack + 25 else "contradict"
    for level in ("country", "admin1", "admin2"):
        a, b = _norm(row[f"place_{level}_l"]), _norm(row[f"place_{level}_r"])
        if a is not None and b is not None and a != b:
            return "contradict"

    def names(s: str) -> set[str]:
        aliases = row[f"place_aliases_{s}"]
        extra = [] if _missing(aliases) else str(aliases).split(";")
        return {n for n in (_norm(x) for x in [row[f"place_name_{s}"], *extra]) if n is not None}

    if names("l") & names("r"):
        return "agree"
    return "compatible"  # one inside the other, or two places of the same area (compatible by default)


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(max(a, 0.0), 1.0)))


_RULES = {
    "occurred": _same_or_contradict("occurred"),
    "actor": _same_or_contradict("actor"),
    "cause": _same_or_contradict("cause_incident_id"),
    "date": _date,
    "count": _count,
    "labels": _labels,
    "framing": _framing,
    "place": _place,
}
