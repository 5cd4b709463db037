"""A seeded, vectorised generator of realistic synthetic casebooks for the compare benchmark.

Two parties (``north`` and ``south``) and ten sources: four organs of each party (defence ministry, border
service, foreign ministry, head of state) and two third parties (an observer mission and a wire agency). For
every incident each source speaks with its own probability and then states a random subset of the 16 claim
keys (13 fields, the counts per party), calibrated so that there are about ``claims_per_incident`` claims per
incident in all. Values are drawn around a per-incident "truth" with side-dependent bias, so that a realistic
share of pairs agree, are compatible (vague counts, coarser places or dates) or contradict (denials, blame,
inflated enemy losses, places in the other country). A few statements are superseded by later ones, and a
few labels/framings are stated twice at the same time (they are merged by the engine), as in real casebooks.

Everything is drawn with numpy over whole columns: generating a million claims takes seconds.

Examples
--------
>>> book = synthetic_casebook(50, seed=1)
>>> 300 < len(book.claims) < 700, book.sources["source_id"].nunique()
(True, 10)
>>> t = synthetic_claims(50, seed=1)
>>> t.equals(synthetic_claims(50, seed=1)), "place_lat" in t.columns
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from conflictlab.model.casebook import Casebook
from conflictlab.model.quantities import read_count
from conflictlab.model.values import count_text
from conflictlab.model.vocab import FIELDS, NO_ACTOR, THIRD_PARTY

__all__ = ["PARTIES", "SOURCES", "KEYS", "synthetic_tables", "synthetic_casebook", "synthetic_claims"]

PARTIES: tuple[str, ...] = ("north", "south")
"""The two parties to the synthetic conflict."""

# source_id, name, side (0/1 = a party, 2 = third party), kind, role
SOURCES: tuple[tuple[str, str, int, str, str], ...] = (
    *((f"{p}-mod", f"Ministry of Defence of {p.title()}", i, "ministry", "mod") for i, p in enumerate(PARTIES)),
    *((f"{p}-border", f"Border Service of {p.title()}", i, "border-service", "border") for i, p in enumerate(PARTIES)),
    *((f"{p}-mfa", f"Ministry of Foreign Affairs of {p.title()}", i, "ministry", "mfa") for i, p in enumerate(PARTIES)),
    *((f"{p}-president", f"President of {p.title()}", i, "head-of-state", "head") for i, p in enumerate(PARTIES)),
    ("observers", "Ceasefire observer mission", 2, "international-organisation", "observers"),
    ("wire", "Wire agency", 2, "media", "wire"),
)
"""The ten sources: (source_id, name, side index, kind, role)."""

KEYS: tuple[tuple[str, int], ...] = (
    ("occurred", -1), ("date", -1), ("place", -1), ("perpetrator", -1), ("target", -1),
    ("killed", 0), ("killed", 1), ("injured", 0), ("injured", 1), ("captured", 0), ("captured", 1),
    ("means", -1), ("damage", -1), ("characterization", -1), ("cause", -1), ("verification", -1),
)
"""The claim keys: (field, party index or -1 for a field not stated per party)."""

_SPEAK = {"mod": 0.9, "border": 0.6, "mfa": 0.35, "head": 0.15, "observers": 0.35, "wire": 0.7}
"""Probability that a source of each role speaks of a given incident at all."""

#                 occ  date place perp targ  kN   kS   iN   iS   cN   cS  means dmg  char cause verif
_WEIGHTS = {
    "mod":       (1.0, 0.8, 0.9, 1.0, 0.8, 0.6, 0.6, 0.6, 0.6, 0.1, 0.1, 0.6, 0.4, 0.3, 0.2, 0.0),
    "border":    (1.0, 0.8, 0.9, 0.9, 0.8, 0.4, 0.4, 0.4, 0.4, 0.1, 0.1, 0.5, 0.4, 0.2, 0.2, 0.0),
    "mfa":       (0.3, 0.2, 0.2, 0.5, 0.2, 0.1, 0.1, 0.1, 0.1, 0.0, 0.0, 0.0, 0.0, 1.0, 0.7, 0.0),
    "head":      (0.2, 0.1, 0.1, 0.5, 0.1, 0.1, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.8, 0.0),
    "observers": (0.8, 0.6, 0.8, 0.3, 0.3, 0.4, 0.4, 0.4, 0.4, 0.1, 0.1, 0.3, 0.5, 0.3, 0.1, 0.9),
    "wire":      (0.9, 0.9, 0.9, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.1, 0.1, 0.5, 0.5, 0.2, 0.2, 0.7),
}
"""Relative propensity of a speaking source of each role to state each key (scaled by calibration)."""

MEANS = ("small arms", "artillery", "mortars", "drones", "sniper fire", "grenade launchers", "tanks")
DAMAGE = ("house damaged", "vehicle destroyed", "combat post destroyed", "power line damaged", "school damaged",
          "livestock killed")
VERIFICATION = ("not independently verified", "confirmed by observers", "casualty figures unverified")
PARTY_FRAMES = ("unprovoked aggression", "provocation", "ceasefire violation", "terrorist act",
                "retaliatory operation", "adequate response")
THIRD_FRAMES = ("both sides urged to show restraint", "escalation of tensions", "violation of the ceasefire")
BLAMES = (*PARTIES, NO_ACTOR, "both")
VAGUE = ("several", "a few", "dozens", "some", "many")
"""Vague words used for counts (read with :func:`conflictlab.model.quantities.read_count`)."""

_SYLLABLES = ("ar", "ba", "che", "dan", "el", "gor", "ha", "ir", "ka", "lan", "mer", "nor", "os", "par", "ra",
              "sar", "tal", "ul", "var", "zan", "ken", "dil", "mo", "vo")
_COUNTRY_CENTRE = ((41.2, 45.2), (40.2, 46.4))
_EPOCH = np.datetime64("2020-01-01", "D")


@dataclass(frozen=True)
class Gazetteer:
    """The synthetic places table plus the integer structure the generator draws from."""

    table: pd.DataFrame
    settlements: np.ndarray  # place index of each settlement
    settlement_admin1: np.ndarray  # place index of the admin1 entry each settlement lies in
    settlement_admin2: np.ndarray  # place index of the admin2 entry
    settlement_admin2_pos: np.ndarray  # position of that admin2 among the admin2 entries
    settlement_country: np.ndarray  # 0 or 1
    country_settlements: tuple[np.ndarray, np.ndarray]  # place indices of each country's settlements
    admin2_settlements: np.ndarray  # (n_admin2, per_admin2): place indices of the settlements of each admin2


@dataclass(frozen=True)
class Truth:
    """What 'really' happened in each incident: the centre the sources' accounts are drawn around."""

    perp: np.ndarray
    day: np.ndarray
    settlement: np.ndarray
    killed: np.ndarray  # (n, 2)
    injured: np.ndarray
    captured: np.ndarray
    means: np.ndarray  # bit masks over MEANS
    damage: np.ndarray  # bit masks over DAMAGE
    cause: np.ndarray  # index of the incident claimed as the cause (the previous one of the chain)


def _names(rng: np.random.Generator, n: int) -> np.ndarray:
    """Return ``n`` distinct pronounceable names (three syllables, mixed radix on a shuffled index)."""
    k = len(_SYLLABLES)
    idx = rng.permutation(k**3)[:n]
    syl = np.asarray(_SYLLABLES, dtype=object)
    names = syl[idx // k**2] + syl[(idx // k) % k] + syl[idx % k]
    return np.asarray([s.title() for s in names], dtype=object)


def _gazetteer(rng: np.random.Generator, admin1_per_country: int = 8, admin2_per_admin1: int = 4,
               per_admin2: int = 25, coord_share: float = 0.6) -> Gazetteer:
    """Build two countries of admin1 areas (with coordinates), admin2 areas (without) and settlements."""
    countries = [p.title() + "land" for p in PARTIES]
    n1 = 2 * admin1_per_country
    n2 = n1 * admin2_per_admin1
    ns = n2 * per_admin2
    names = _names(rng, n1 + n2 + ns)
    c1 = np.repeat(np.arange(2), admin1_per_country)
    centre = np.asarray(_COUNTRY_CENTRE)[c1] + rng.uniform(-0.8, 0.8, (n1, 2))
    a1_of_2 = np.repeat(np.arange(n1), admin2_per_admin1)
    a2_of_s = np.repeat(np.arange(n2), per_admin2)
    a1_of_s = a1_of_2[a2_of_s]
    s_xy = centre[a1_of_s] + rng.uniform(-0.3, 0.3, (ns, 2))
    s_has = rng.random(ns) < coord_share
    admin1_names = names[:n1] + " Province"
    admin2_names = names[n1:n1 + n2] + " District"
    s_names = names[n1 + n2:]
    aliased = rng.random(ns) < 0.1
    aliases = np.where(aliased, np.asarray([s[:3] + "-" + s[3:] for s in s_names], dtype=object), None)
    level = np.concatenate([np.full(n1, "admin1"), np.full(n2, "admin2"), np.full(ns, "settlement")])
    lat = np.concatenate([centre[:, 0], np.full(n2, np.nan), np.where(s_has, s_xy[:, 0], np.nan)])
    lon = np.concatenate([centre[:, 1], np.full(n2, np.nan), np.where(s_has, s_xy[:, 1], np.nan)])
    country = np.asarray(countries, dtype=object)[np.concatenate([c1, c1[a1_of_2], c1[a1_of_s]])]
    table = pd.DataFrame({
        "place_id": [f"pl-{i:05d}" for i in range(n1 + n2 + ns)],
        "name": np.concatenate([admin1_names, admin2_names, s_names]),
        "level": level,
        "aliases": np.concatenate([np.full(n1 + n2, None), aliases]),
        "admin2": np.concatenate([np.full(n1 + n2, None), admin2_names[a2_of_s]]),
        "admin1": np.concatenate([np.full(n1, None), admin1_names[a1_of_2], admin1_names[a1_of_s]]),
        "country": country,
        "lat": lat,
        "lon": lon,
        "coord_source": np.where(np.isnan(lat), None, "synthetic"),
    })
    settlements = n1 + n2 + np.arange(ns)
    s_country = c1[a1_of_s]
    return Gazetteer(table=table, settlements=settlements, settlement_admin1=a1_of_s,
                     settlement_admin2=n1 + a2_of_s, settlement_admin2_pos=a2_of_s, settlement_country=s_country,
                     country_settlements=(settlements[s_country == 0], settlements[s_country == 1]),
                     admin2_settlements=settlements.reshape(n2, per_admin2))


def _truth(rng: np.random.Generator, n: int, gaz: Gazetteer) -> Truth:
    """Draw what happened in each incident."""
    perp = rng.integers(0, 2, n)
    target = 1 - perp
    # most incidents happen on the target's side of the border
    country = np.where(rng.random(n) < 0.8, target, perp)
    pool = gaz.country_settlements
    pick = rng.integers(0, min(len(p) for p in pool), n)
    settlement = np.where(country == 0, pool[0][pick], pool[1][pick])

    def per_party(on_target: float, on_perp: float) -> np.ndarray:
        out = np.empty((n, 2), dtype="int64")
        rows = np.arange(n)
        out[rows, target] = rng.poisson(on_target, n)
        out[rows, perp] = rng.poisson(on_perp, n)
        return out

    return Truth(
        perp=perp,
        day=rng.integers(0, 5 * 365, n),
        settlement=settlement,
        killed=per_party(1.5, 0.3),
        injured=per_party(3.0, 0.7),
        captured=per_party(0.1, 0.02),
        means=_random_masks(rng, n, len(MEANS)),
        damage=_random_masks(rng, n, len(DAMAGE)),
        cause=np.maximum(np.arange(n) - rng.integers(1, 6, n), 0),
    )


def _random_masks(rng: np.random.Generator, n: int, k: int) -> np.ndarray:
    """One or two labels out of ``k``, as bit masks."""
    first = 1 << rng.integers(0, k, n)
    second = np.where(rng.random(n) < 0.4, 1 << rng.integers(0, k, n), 0)
    return first | second


def _mask_text(vocab: tuple[str, ...]) -> np.ndarray:
    """Text of every bit mask over ``vocab``: the labels joined by '; '."""
    return np.asarray(["; ".join(v for b, v in enumerate(vocab) if m >> b & 1) for m in range(1 << len(vocab))],
                      dtype=object)


def _calibrated_probabilities(claims_per_incident: float) -> tuple[np.ndarray, np.ndarray]:
    """Return P(source speaks of an incident) and P(a speaking source states a key), the latter scaled so
    that the expected number of claims per incident is ``claims_per_incident``."""
    speak = np.asarray([_SPEAK[s[4]] for s in SOURCES])
    weights = np.asarray([_WEIGHTS[s[4]] for s in SOURCES])
    lo, hi = 0.0, 10.0
    for _ in range(60):  # bisection on the scale
        mid = (lo + hi) / 2
        expected = (speak[:, None] * np.minimum(1, mid * weights)).sum()
        lo, hi = (mid, hi) if expected < claims_per_incident else (lo, mid)
    return speak, np.minimum(1, lo * weights)


def _choice(rng: np.random.Generator, n: int, probs: dict[int, float]) -> np.ndarray:
    """Draw ``n`` outcome codes with the given probabilities."""
    codes = np.asarray(list(probs))
    p = np.asarray(list(probs.values()), dtype=float)
    return codes[rng.choice(len(codes), n, p=p / p.sum())]


def _str(values: np.ndarray | pd.Series) -> pd.Series:
    """Return values as the schema's string dtype (``str``, missing kept missing)."""
    return pd.Series(values, dtype="str")


class _Columns:
    """The value columns of a batch of claims, filled field by field."""

    def __init__(self, n: int):
        self.n = n
        self.value = np.full(n, None, dtype=object)
        self.occurred = np.zeros(n, dtype=bool)
        self.occurred_na = np.ones(n, dtype=bool)
        self.date_from = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
        self.date_to = self.date_from.copy()
        self.precision = np.full(n, None, dtype=object)
        self.place = np.full(n, -1, dtype="int64")
        self.actor = np.full(n, None, dtype=object)
        self.count_low = np.zeros(n, dtype="int64")
        self.count_high = np.zeros(n, dtype="int64")
        self.count_low_na = np.ones(n, dtype=bool)
        self.count_high_na = np.ones(n, dtype=bool)
        self.count_reading = np.full(n, None, dtype=object)
        self.labels = np.full(n, None, dtype=object)
        self.blame = np.full(n, None, dtype=object)
        self.cause = np.full(n, -1, dtype="int64")
        self.detail = np.full(n, None, dtype=object)


def _draw_values(rng: np.random.Generator, inc: np.ndarray, src: np.ndarray, key: np.ndarray, truth: Truth,
                 gaz: Gazetteer, incident_ids: np.ndarray) -> _Columns:
    """Draw each claim's value around its incident's truth, biased by the speaker's side."""
    out = _Columns(len(inc))
    side = np.asarray([s[2] for s in SOURCES])[src]
    perp = truth.perp[inc]
    key_field = np.asarray([k[0] for k in KEYS], dtype=object)[key]
    key_party = np.asarray([k[1] for k in KEYS])[key]
    parties = np.asarray(PARTIES, dtype=object)
    for field in FIELDS:
        rows = np.flatnonzero(key_field == field)
        if len(rows):
            _FIELD_DRAWERS[FIELDS[field].kind](rng, out, rows, field, side[rows], perp[rows], inc[rows],
                                               key_party[rows], truth, gaz, parties, incident_ids)
    return out


def _draw_occurred(rng, out, rows, field, side, perp, inc, party, truth, gaz, parties, ids) -> None:
    denial = np.where(side == perp, 0.15, np.where(side == 2, 0.03, 0.0))
    happened = rng.random(len(rows)) >= denial
    out.occurred[rows], out.occurred_na[rows] = happened, False
    out.value[rows] = np.where(happened, "happened", "denied")


def _draw_actor(rng, out, rows, field, side, perp, inc, party, truth, gaz, parties, ids) -> None:
    n = len(rows)
    if field == "perpetrator":
        # the victim's side names the perpetrator; the perpetrator's side often blames the other; third parties hedge
        p_true = np.where(side == perp, 0.6, np.where(side == 2, 0.85, 0.97))
        said = np.where(rng.random(n) < p_true, perp, 1 - perp)
        nobody = (side == 2) & (rng.random(n) < 0.05)
    else:
        said = np.where(rng.random(n) < 0.92, 1 - perp, perp)
        nobody = np.zeros(n, dtype=bool)
    actor = np.where(nobody, NO_ACTOR, parties[said])
    out.actor[rows] = actor
    out.value[rows] = actor


def _draw_date(rng, out, rows, field, side, perp, inc, party, truth, gaz, parties, ids) -> None:
    n = len(rows)
    offset = _choice(rng, n, {0: 0.8, 1: 0.05, -1: 0.07, 2: 0.03, -3: 0.02, 7: 0.02, -10: 0.01})
    day = _EPOCH + truth.day[inc] + offset
    month = rng.random(n) < 0.15
    first = day.astype("datetime64[M]").astype("datetime64[D]")
    last = (day.astype("datetime64[M]") + 1).astype("datetime64[D]") - 1
    out.date_from[rows] = np.where(month, first, day)
    out.date_to[rows] = np.where(month, last, day)
    out.precision[rows] = np.where(month, "month", "day")
    text = np.where(month, np.datetime_as_string(first, unit="M"), np.datetime_as_string(day, unit="D"))
    out.value[rows] = text.astype(object)


def _draw_place(rng, out, rows, field, side, perp, inc, party, truth, gaz, parties, ids) -> None:
    n = len(rows)
    s = truth.settlement[inc] - gaz.settlements[0]  # settlement position
    # 0 the settlement, 1 its province, 2 its district, 3 another village of the district,
    # 4 a village across the border, 5 a village nearby (usually the same province)
    how = _choice(rng, n, {0: 0.6, 1: 0.12, 2: 0.08, 3: 0.08, 4: 0.07, 5: 0.05})
    per_admin2 = gaz.admin2_settlements.shape[1]
    neighbour = gaz.admin2_settlements[gaz.settlement_admin2_pos[s], rng.integers(0, per_admin2, n)]
    abroad_pool = gaz.country_settlements[::-1]
    country = gaz.settlement_country[s]
    pick = rng.integers(0, min(len(a) for a in abroad_pool), n)
    abroad = np.where(country == 0, abroad_pool[0][pick], abroad_pool[1][pick])
    nearby = gaz.settlements[(s + rng.integers(1, per_admin2, n)) % len(gaz.settlements)]
    place = np.select([how == 0, how == 1, how == 2, how == 3, how == 4],
                      [gaz.settlements[s], gaz.settlement_admin1[s], gaz.settlement_admin2[s], neighbour, abroad],
                      nearby)
    out.place[rows] = place
    detail = np.where(rng.random(n) < 0.1, "near the settlement", None)
    out.detail[rows] = detail
    names = gaz.table["name"].to_numpy(dtype=object)[place]
    out.value[rows] = np.where(detail == None, names, names + " (" + detail.astype(str) + ")")  # noqa: E711


def _draw_count(rng, out, rows, field, side, perp, inc, party, truth, gaz, parties, ids) -> None:
    n = len(rows)
    k = getattr(truth, field)[inc, party]
    own, enemy = side == party, (side != party) & (side != 2)
    # 0 exact truth, 1 understated, 2 inflated, 3 off by one, 4 vague word, 5 'at least', 6 'about'
    how = np.where(own, _choice(rng, n, {0: 0.6, 1: 0.25, 4: 0.1, 5: 0.05}),
                   np.where(enemy, _choice(rng, n, {0: 0.3, 2: 0.5, 4: 0.1, 5: 0.05, 6: 0.05}),
                            _choice(rng, n, {0: 0.5, 3: 0.2, 4: 0.2, 6: 0.1})))
    number = np.select([how == 1, how == 2, how == 3],
                       [np.maximum(k - 1 - rng.poisson(1, n), 0), k * rng.integers(2, 5, n) + rng.integers(1, 4, n),
                        np.maximum(k + rng.choice([-1, 1], n), 0)], k)
    word = rng.integers(0, len(VAGUE), n)
    code = np.where(how == 4, -1 - word, how * 100_000 + number)  # one code per distinct wording
    uniq, inverse = np.unique(code, return_inverse=True)
    readings = [_count_wording(int(c)) for c in uniq]
    low = np.asarray([r[0] for r in readings])[inverse]
    high = np.asarray([-1 if r[1] is None else r[1] for r in readings])[inverse]
    out.count_low[rows], out.count_low_na[rows] = low, False
    out.count_high[rows], out.count_high_na[rows] = np.maximum(high, 0), high < 0
    out.count_reading[rows] = np.asarray([r[2] or None for r in readings], dtype=object)[inverse]
    out.value[rows] = np.asarray([count_text(*r) for r in readings], dtype=object)[inverse]


def _count_wording(code: int) -> tuple[int, int | None, str]:
    """Read the wording with the given code exactly as a casebook reader would."""
    if code < 0:
        return read_count(VAGUE[-1 - code])
    how, number = divmod(code, 100_000)
    if how == 5:
        return read_count(f"at least {max(number, 1)}")
    if how == 6:
        return read_count(f"about {max(number, 10)}")
    return read_count(int(number))


def _draw_labels(rng, out, rows, field, side, perp, inc, party, truth, gaz, parties, ids) -> None:
    n = len(rows)
    if field == "verification":
        text = np.asarray(VERIFICATION, dtype=object)[_choice(rng, n, {0: 0.7, 1: 0.2, 2: 0.1})]
    else:
        vocab = MEANS if field == "means" else DAMAGE
        true = getattr(truth, field)[inc]
        one = true & -true  # lowest label of the truth
        how = rng.random(n)
        mask = np.where(how < 0.5, true, np.where(how < 0.75, one, _random_masks(rng, n, len(vocab))))
        text = _mask_text(vocab)[mask]
    out.labels[rows] = text
    out.value[rows] = text


def _draw_framing(rng, out, rows, field, side, perp, inc, party, truth, gaz, parties, ids) -> None:
    n = len(rows)
    party_frame = np.asarray(PARTY_FRAMES, dtype=object)[rng.integers(0, len(PARTY_FRAMES), n)]
    third_frame = np.asarray(THIRD_FRAMES, dtype=object)[rng.integers(0, len(THIRD_FRAMES), n)]
    third_blame = _choice(rng, n, {2: 0.6, 3: 0.2, 0: 0.1, 1: 0.1})
    party_blame = np.where(rng.random(n) < 0.95, 1 - np.minimum(side, 1), 2)
    blame = np.asarray(BLAMES, dtype=object)[np.where(side == 2, third_blame, party_blame)]
    label = np.where(side == 2, third_frame, party_frame)
    out.labels[rows], out.blame[rows] = label, blame
    out.value[rows] = label + " (blames " + blame + ")"


def _draw_cause(rng, out, rows, field, side, perp, inc, party, truth, gaz, parties, ids) -> None:
    n = len(rows)
    p_caused = np.where(side == perp, 0.7, np.where(side == 2, 0.4, 0.15))
    caused = rng.random(n) < p_caused
    elsewhere = (side == 2) & (rng.random(n) < 0.2)  # a third party names another earlier incident
    cause = np.where(elsewhere, np.maximum(inc - rng.integers(6, 30, n), 0), truth.cause[inc])
    cause = np.where(caused & (inc > 0), cause, -1)
    out.cause[rows] = cause
    named = cause >= 0
    value = np.full(n, "none (unprovoked)", dtype=object)
    value[named] = "caused by " + ids[cause[named]]
    out.value[rows] = value


_FIELD_DRAWERS = {
    "occurred": _draw_occurred, "date": _draw_date, "place": _draw_place, "actor": _draw_actor,
    "count": _draw_count, "labels": _draw_labels, "framing": _draw_framing, "cause": _draw_cause,
}


def _claim_rows(rng: np.random.Generator, n: int, claims_per_incident: float, update_share: float,
                simultaneous_share: float) -> tuple[np.ndarray, ...]:
    """Who states what: (incident, source, key, version) per claim; version 0 current, 1 superseded, 2 twin."""
    speak, p = _calibrated_probabilities(claims_per_incident / (1 + update_share + simultaneous_share))
    speaks = rng.random((n, len(SOURCES)), dtype=np.float32) < speak.astype(np.float32)
    says = rng.random((n, len(SOURCES), len(KEYS)), dtype=np.float32) < p.astype(np.float32)[None]
    inc, src, key = np.nonzero(says & speaks[:, :, None])
    m = len(inc)
    kinds = np.asarray([FIELDS[k[0]].kind for k in KEYS], dtype=object)[key]
    mergeable = np.isin(kinds, ["labels", "framing"])
    early = rng.random(m) < update_share
    twin = mergeable & (rng.random(m) < simultaneous_share / max(mergeable.mean(), 1e-9))
    version = np.concatenate([np.zeros(m, dtype="int8"), np.ones(early.sum(), dtype="int8"),
                              np.full(twin.sum(), 2, dtype="int8")])
    pick = np.concatenate([np.arange(m), np.flatnonzero(early), np.flatnonzero(twin)])
    order = np.lexsort((version, key[pick], src[pick], inc[pick]))
    pick, version = pick[order], version[order]
    return inc[pick], src[pick], key[pick], version


def _ids(prefix: str, numbers: np.ndarray, width: int) -> np.ndarray:
    """Zero-padded ids (``inc-000042``) for integer arrays, built column-wise."""
    return (prefix + pd.Series(numbers).astype("str").str.zfill(width)).to_numpy(dtype=object)


def synthetic_tables(n_incidents: int, seed: int = 0, claims_per_incident: float = 10.0,
                     update_share: float = 0.05, simultaneous_share: float = 0.015) -> dict[str, pd.DataFrame]:
    """Generate the tables of a synthetic casebook.

    Parameters
    ----------
    n_incidents : int
        Number of incidents.
    seed : int, default 0
        Seed of the random generator; the same arguments always give the same tables.
    claims_per_incident : float, default 10
        Expected number of claims per incident (superseded and simultaneous claims included).
    update_share : float, default 0.05
        Share of claims that also exist in an earlier, superseded statement of the same source.
    simultaneous_share : float, default 0.015
        Share of claims (all of labels/framing kind) stated twice by one source at the same time.

    Returns
    -------
    dict of DataFrame
        ``parties``, ``sources``, ``documents``, ``places``, ``incidents`` and ``claims``, ready for
        :meth:`conflictlab.Casebook.from_tables`.
    """
    rng = np.random.default_rng(seed)
    gaz = _gazetteer(rng)
    truth = _truth(rng, n_incidents, gaz)
    incident_ids = _ids("inc-", np.arange(n_incidents), 6)
    inc, src, key, version = _claim_rows(rng, n_incidents, claims_per_incident, update_share, simultaneous_share)
    cols = _draw_values(rng, inc, src, key, truth, gaz, incident_ids)
    claims = _claims_table(rng, inc, src, key, version, cols, truth, gaz, incident_ids)
    sources = pd.DataFrame({
        "source_id": [s[0] for s in SOURCES], "name": [s[1] for s in SOURCES],
        "side": [(*PARTIES, THIRD_PARTY)[s[2]] for s in SOURCES], "kind": [s[3] for s in SOURCES],
    })
    docs = claims.drop_duplicates("document_id")
    documents = pd.DataFrame({
        "document_id": docs["document_id"].to_numpy(),
        "publisher": sources.set_index("source_id")["name"].reindex(docs["source_id"]).to_numpy(),
        "title": "Statements, " + docs["document_id"].str[-7:].to_numpy(dtype=object),
        "published": docs["stated_from"].to_numpy(),
    })
    incidents = pd.DataFrame({
        "incident_id": incident_ids,
        "title": "Synthetic incident " + pd.Series(incident_ids, dtype="str"),
        "date_from": _EPOCH + truth.day,
        "date_to": _EPOCH + truth.day,
        "place_id": gaz.table["place_id"].to_numpy()[truth.settlement],
    })
    parties = pd.DataFrame({"party_id": list(PARTIES), "name": [p.title() for p in PARTIES]})
    return {"parties": parties, "sources": sources, "documents": documents, "places": gaz.table,
            "incidents": incidents, "claims": claims}


def _claims_table(rng: np.random.Generator, inc: np.ndarray, src: np.ndarray, key: np.ndarray,
                  version: np.ndarray, cols: _Columns, truth: Truth, gaz: Gazetteer,
                  incident_ids: np.ndarray) -> pd.DataFrame:
    """Assemble the claims table (schema dtypes) from the drawn rows and values."""
    n = len(inc)
    source_ids = np.asarray([s[0] for s in SOURCES], dtype=object)
    # one statement per (incident, source, version); its date follows the incident by a few days
    stmt_code = (inc * len(SOURCES) + src) * 3 + version
    stmt_uniq, stmt = np.unique(stmt_code, return_inverse=True)
    lag = rng.geometric(0.6, len(stmt_uniq)) - 1
    span = (rng.random(len(stmt_uniq)) < 0.3).astype("int64")
    stated_from = _EPOCH + truth.day[inc] + lag[stmt] - np.where(version == 1, 3, 0)
    stated_to = stated_from + span[stmt]
    # texts shared by the claims of one statement are built once per statement
    first = np.unique(stmt, return_index=True)[1]
    s_inc, s_src, s_version = inc[first], src[first], version[first]
    suffix = np.asarray(["", "-early", "-b"], dtype=object)[s_version]
    statement_id = (incident_ids[s_inc] + "/" + source_ids[s_src] + suffix)[stmt]
    key_suffix = np.asarray([k[0] + ("" if k[1] < 0 else "/" + PARTIES[k[1]]) for k in KEYS], dtype=object)
    months = np.datetime_as_string(stated_from.astype("datetime64[M]"), unit="M").astype(object)
    quote = ("“" + np.asarray([s[1] for s in SOURCES], dtype=object)[s_src]
             + " reports the events of " + np.datetime_as_string(_EPOCH + truth.day[s_inc]).astype(object)
             + " near the border, and holds the other side responsible for them,” said " + source_ids[s_src]
             + " about " + incident_ids[s_inc] + ".")[stmt]
    place_ids = gaz.table["place_id"].to_numpy(dtype=object)
    return pd.DataFrame({
        "claim_id": _str(statement_id + "/" + key_suffix[key]),
        "statement_id": _str(statement_id),
        "incident_id": _str(incident_ids[inc]),
        "source_id": _str(source_ids[src]),
        "document_id": _str(source_ids[src] + "-" + months),
        "field": pd.Categorical(np.asarray([k[0] for k in KEYS], dtype=object)[key],
                                categories=list(FIELDS)),
        "party": _str(np.asarray([None if k[1] < 0 else PARTIES[k[1]] for k in KEYS], dtype=object)[key]),
        "value": _str(cols.value),
        "occurred": pd.arrays.BooleanArray(cols.occurred, cols.occurred_na),
        "date_from": cols.date_from.astype("datetime64[s]"),
        "date_to": cols.date_to.astype("datetime64[s]"),
        "date_precision": cols.precision,
        "place_id": _str(np.where(cols.place >= 0, place_ids[np.maximum(cols.place, 0)], None)),
        "actor": _str(cols.actor),
        "count_low": pd.arrays.IntegerArray(cols.count_low, cols.count_low_na),
        "count_high": pd.arrays.IntegerArray(cols.count_high, cols.count_high_na),
        "count_reading": _str(cols.count_reading),
        "labels": _str(cols.labels),
        "blame": _str(cols.blame),
        "cause_incident_id": _str(np.where(cols.cause >= 0, incident_ids[np.maximum(cols.cause, 0)], None)),
        "detail": _str(cols.detail),
        "stated_from": stated_from.astype("datetime64[s]"),
        "stated_to": stated_to.astype("datetime64[s]"),
        "stated_basis": _str(np.where(span[stmt] > 0, "undated; between the event and the report", None)),
        "quote": _str(quote),
        "quote_kind": np.asarray(["direct", "reported", "translation"], dtype=object)[rng.integers(0, 3, n)],
    })


def synthetic_casebook(n_incidents: int, seed: int = 0, **kwargs: float) -> Casebook:
    """Return a synthetic :class:`~conflictlab.Casebook` (see :func:`synthetic_tables` for the arguments)."""
    tables = synthetic_tables(n_incidents, seed=seed, **kwargs)
    return Casebook.from_tables(tables, meta={"title": f"synthetic casebook, {n_incidents} incidents, seed {seed}"})


def synthetic_claims(n_incidents: int, seed: int = 0, **kwargs: float) -> pd.DataFrame:
    """Return the denormalised claim table of a synthetic casebook, as :meth:`Casebook.claim_table` gives it."""
    return synthetic_casebook(n_incidents, seed=seed, **kwargs).claim_table()
