"""Where did it happen? Places are compared by distance when both have coordinates, else by admin hierarchy.

With coordinates: each place has an uncertainty radius from its level (a province is larger than a village);
two places agree when within ``agree_km``, are compatible when the distance is within the sum of the radii
plus ``tolerance_km``, and contradict otherwise ("225 km apart"). Without coordinates on both: the same
gazetteer entry or name (aliases included) agrees; different countries, provinces or districts contradict; a
place inside the other (a village in a named province) is compatible; two different settlements of the same
area give ``same_area`` (compatible by default: without coordinates their distance is unknown).

Examples
--------
>>> import pandas as pd
>>> def place(name, level, country, admin1=None, lat=None, lon=None):
...     return {"place_id": name.lower(), "place_name": name, "place_aliases": None, "place_level": level,
...             "place_admin2": None, "place_admin1": admin1, "place_country": country,
...             "place_lat": lat, "place_lon": lon}
>>> l = [place("Nerkin Hand", "settlement", "Armenia", "Syunik Province"), place("Kapan", "settlement", "Armenia",
...      lat=39.20762, lon=46.40678)]
>>> r = [place("Tovuz District", "admin1", "Azerbaijan"), place("Tovuz", "settlement", "Azerbaijan",
...      lat=40.99249, lon=45.62838)]
>>> pairs = pd.concat([pd.DataFrame(l).add_suffix("_l"), pd.DataFrame(r).add_suffix("_r")], axis=1)
>>> codes, reasons = PlaceComparator().compare(pairs)
>>> codes.tolist()
[2, 2]
>>> reasons.tolist()
['different countries: Armenia vs Azerbaijan', 'Kapan vs Tovuz: 209 km apart']
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from ..model.vocab import PLACE_LEVELS
from .base import AGREE, COMPATIBLE, CONTRADICT, Comparator, text

__all__ = ["PlaceComparator", "haversine_km", "DEFAULT_RADIUS_KM"]

EARTH_RADIUS_KM = 6371.0088

#: Uncertainty radius of a place's reference point, by level (km). A country has no useful radius.
DEFAULT_RADIUS_KM = {"point": 0.5, "settlement": 5.0, "admin2": 30.0, "admin1": 75.0, "country": np.inf}

_GENERIC = re.compile(r"\b(province|district|region|rayon|raion|marz|oblast|municipality|governorate|county|"
                      r"village|settlement|city|town)\b")


def haversine_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Great-circle distance in km between arrays of points (degrees).

    Examples
    --------
    >>> round(float(haversine_km(39.20762, 46.40678, 40.99249, 45.62838)), 1)
    209.2
    """
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi, dlmb = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def _norm(values: pd.Series) -> pd.Series:
    """Normalise names for matching: no accents, case or generic words (Syunik Province = syunik)."""
    uniq = values.dropna().unique()

    def one(v: str) -> str:
        v = unicodedata.normalize("NFKD", v).encode("ascii", "ignore").decode().casefold()
        v = _GENERIC.sub(" ", v.replace("-", " "))
        return " ".join(v.split())

    return values.map({u: one(u) for u in uniq}).astype("str")


def _tokens(pairs: pd.DataFrame, s: str, columns: tuple[str, ...], aliases: bool) -> pd.DataFrame:
    """Long table (row, token) of the normalised values of ``columns`` (and the split aliases) of side ``s``."""
    parts = [pd.DataFrame({"row": np.arange(len(pairs)), "tok": _norm(pairs[f"place_{c}_{s}"]).to_numpy(object)})
             for c in columns]
    if aliases:
        a = pairs[f"place_aliases_{s}"].astype("object").reset_index(drop=True).dropna()
        if len(a):
            exploded = a.str.split(";").explode().str.strip()
            parts.append(pd.DataFrame({"row": exploded.index.to_numpy(),
                                       "tok": _norm(exploded.astype("str")).to_numpy(object)}))
    out = pd.concat(parts, ignore_index=True)
    return out[out["tok"].notna()].drop_duplicates()


def _meet(a: pd.DataFrame, b: pd.DataFrame, n: int) -> np.ndarray:
    """Rows where the token sets ``a`` and ``b`` share a token."""
    hit = np.zeros(n, dtype=bool)
    hit[a.merge(b, on=["row", "tok"])["row"].to_numpy()] = True
    return hit


class PlaceComparator(Comparator):
    """Compare place claims.

    Parameters
    ----------
    agree_km : float, default 10
        Two places with coordinates this close agree.
    tolerance_km : float, default 25
        Extra distance, beyond the sum of the two places' radii, within which they are still compatible.
    radius_km : dict, optional
        Uncertainty radius by place level; defaults to :data:`DEFAULT_RADIUS_KM`.
    same_area : {"compatible", "contradict"}, default "compatible"
        Verdict for two different settlements of the same admin area when coordinates are missing.
    """

    kind = "place"
    columns = ("place_id", "place_name", "place_aliases", "place_level", "place_admin2", "place_admin1",
               "place_country", "place_lat", "place_lon")

    def __init__(self, agree_km: float = 10.0, tolerance_km: float = 25.0, radius_km: dict | None = None,
                 same_area: str = "compatible"):
        if same_area not in ("compatible", "contradict"):
            raise ValueError("same_area must be 'compatible' or 'contradict'")
        self.agree_km = agree_km
        self.tolerance_km = tolerance_km
        self.radius_km = {**DEFAULT_RADIUS_KM, **(radius_km or {})}
        self.same_area = same_area

    def compare(self, pairs: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
        n = len(pairs)
        codes = np.full(n, COMPATIBLE, dtype="int8")
        reasons = np.full(n, "", dtype=object)
        done = np.zeros(n, dtype=bool)
        name_l, name_r = text(pairs["place_name_l"]), text(pairs["place_name_r"])

        same_id = (pairs["place_id_l"] == pairs["place_id_r"]).to_numpy(dtype=bool, na_value=False)
        codes[same_id], reasons[same_id] = AGREE, ("same place: " + name_l)[same_id]
        done |= same_id

        lat_l = pairs["place_lat_l"].to_numpy(dtype="float64", na_value=np.nan)
        lat_r = pairs["place_lat_r"].to_numpy(dtype="float64", na_value=np.nan)
        lon_l = pairs["place_lon_l"].to_numpy(dtype="float64", na_value=np.nan)
        lon_r = pairs["place_lon_r"].to_numpy(dtype="float64", na_value=np.nan)
        coords = ~done & ~np.isnan(lat_l) & ~np.isnan(lat_r)
        if coords.any():
            d = haversine_km(lat_l, lon_l, lat_r, lon_r)
            radius = {lvl: self.radius_km[lvl] for lvl in PLACE_LEVELS}
            rl = pairs["place_level_l"].astype("object").map(radius).to_numpy(dtype="float64", na_value=np.inf)
            rr = pairs["place_level_r"].astype("object").map(radius).to_numpy(dtype="float64", na_value=np.inf)
            slack = rl + rr
            km = pd.Series(np.round(np.nan_to_num(d)).astype("int64"), index=pairs.index).astype("str")
            pair_names = name_l + " vs " + name_r + ": " + km + " km apart"
            agree = coords & (d <= self.agree_km)
            compat = coords & ~agree & (d <= slack + self.tolerance_km)
            contra = coords & ~agree & ~compat
            codes[agree], reasons[agree] = AGREE, pair_names[agree]
            codes[compat] = COMPATIBLE
            reasons[compat] = (pair_names + ", within the places' precision")[compat]
            codes[contra], reasons[contra] = CONTRADICT, pair_names[contra]
            done |= coords

        rest = np.flatnonzero(~done)
        if len(rest):
            sub = pairs.iloc[rest]
            c, r = self._by_hierarchy(sub)
            codes[rest], reasons[rest] = c, r
        return codes, pd.Series(reasons, index=pairs.index, dtype="str")

    def _by_hierarchy(self, pairs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        n = len(pairs)
        codes = np.full(n, COMPATIBLE, dtype="int8")
        reasons = np.full(n, "", dtype=object)
        decided = np.zeros(n, dtype=bool)
        for column, what in (("place_country", "countries"), ("place_admin1", "provinces"),
                             ("place_admin2", "districts")):
            raw_l, raw_r = pairs[f"{column}_l"], pairs[f"{column}_r"]
            known = (raw_l.notna() & raw_r.notna()).to_numpy()
            differ = known & (_norm(raw_l) != _norm(raw_r)).to_numpy() & ~decided
            codes[differ] = CONTRADICT
            reasons[differ] = (f"different {what}: " + text(raw_l) + " vs " + text(raw_r)).to_numpy()[differ]
            decided |= differ
        name_l, name_r = text(pairs["place_name_l"]).to_numpy(object), text(pairs["place_name_r"]).to_numpy(object)
        names_l, names_r = _tokens(pairs, "l", ("name",), True), _tokens(pairs, "r", ("name",), True)
        areas = ("admin2", "admin1", "country")
        areas_l, areas_r = _tokens(pairs, "l", areas, False), _tokens(pairs, "r", areas, False)
        same = ~decided & _meet(names_l, names_r, n)
        r_in_l = ~decided & ~same & _meet(names_l, areas_r, n)
        l_in_r = ~decided & ~same & ~r_in_l & _meet(names_r, areas_l, n)
        rest = ~decided & ~same & ~r_in_l & ~l_in_r
        codes[same] = AGREE
        reasons[same] = ("same place: " + name_l + " = " + name_r)[same]
        reasons[r_in_l] = (name_r + " lies in " + name_l)[r_in_l]
        reasons[l_in_r] = (name_l + " lies in " + name_r)[l_in_r]
        codes[rest] = COMPATIBLE if self.same_area == "compatible" else CONTRADICT
        reasons[rest] = (name_l + " vs " + name_r + ": different places in the same area, no coordinates to "
                         "measure")[rest]
        return codes, reasons
