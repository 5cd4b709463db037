"""Synthetic GED-like event datasets with known true matches, written as Parquet.

``generate(n, overlap, seed)`` draws ``(2 - overlap) * n`` true events and lets two datasets, ``ged`` and
``acled``, each report ``n`` of them; ``overlap * n`` events are reported by both (the true matches).

* **places**: clustered: hotspots (one per 200 events) spread over a conflict belt (35S-55N, 20W-130E), each
  event at a hotspot plus an exponential-radius offset (median about 14 km);
* **dates**: uniform over ten years (2015-2024); **10% multi-day** episodes (2-15 days, geometric);
* **fatalities**: heavy-tailed (Zipf, exponent 1.8, capped at 5,000);
* **categories**: 12 fine categories in 3 broad classes. ``ged`` writes them in its own vocabulary
  (``ged:<fine>``), ``acled`` in another (ACLED-like names), and the taxonomy maps both onto the shared fine and
  broad levels. ``acled`` miscodes 10% of events to another fine category of the same class, 2% to another
  class (those true matches cannot be found: they disagree on type at every level);
* **coding noise**: each dataset moves each event by a normal offset of 1.5 km per axis, and shifts its date
  by one day (either way) with probability 0.3 (episodes: start and end independently).

Examples
--------
>>> a, b, truth, tax = generate(1000, overlap=0.5, seed=1)
>>> len(a), len(b), len(truth), sorted(tax.columns)
(1000, 1000, 500, ['broad', 'code', 'dataset', 'fine'])
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

FINE = {  # fine category -> (broad class, acled-like name)
    "armed-clash": ("battles", "Armed clash"), "ambush": ("battles", "Ambush"),
    "territory-gain": ("battles", "Government regains territory"), "raid": ("battles", "Raid"),
    "shelling": ("remote", "Shelling/artillery/missile attack"), "airstrike": ("remote", "Air/drone strike"),
    "ied": ("remote", "Remote explosive/landmine/IED"), "suicide-bomb": ("remote", "Suicide bomb"),
    "attack-civilians": ("civilians", "Attack"), "abduction": ("civilians", "Abduction/forced disappearance"),
    "sexual-violence": ("civilians", "Sexual violence"), "massacre": ("civilians", "Mass killing"),
}
NAMES = np.array(list(FINE))
BROAD = np.array([FINE[f][0] for f in NAMES])
KM_PER_DEG = 111.195


def taxonomy() -> pd.DataFrame:
    """The taxonomy mapping both vocabularies onto (fine, broad)."""
    rows = [("ged", f"ged:{f}", f, b) for f, (b, _) in FINE.items()]
    rows += [("acled", name, f, b) for f, (b, name) in FINE.items()]
    return pd.DataFrame(rows, columns=["dataset", "code", "fine", "broad"])


def _truth(m: int, rng: np.random.Generator) -> pd.DataFrame:
    n_hot = max(5, m // 200)
    hot_lat = rng.uniform(-35, 55, n_hot)
    hot_lon = rng.uniform(-20, 130, n_hot)
    hot = rng.integers(0, n_hot, m)
    r_km = rng.exponential(20.0, m)
    theta = rng.uniform(0, 2 * np.pi, m)
    lat = np.clip(hot_lat[hot] + r_km * np.sin(theta) / KM_PER_DEG, -89.9, 89.9)
    lon = hot_lon[hot] + r_km * np.cos(theta) / (KM_PER_DEG * np.cos(np.radians(lat)))
    lon = (lon + 180) % 360 - 180
    day = rng.integers(0, 3653, m)
    length = np.where(rng.random(m) < 0.10, 1 + rng.geometric(0.2, m).clip(1, 14), 0)
    return pd.DataFrame({"lat": lat, "lon": lon, "day": day, "length": length,
                         "fine": rng.integers(0, len(NAMES), m),
                         "deaths": np.minimum(rng.zipf(1.8, m), 5000)})


def _report(truth: pd.DataFrame, idx: np.ndarray, name: str, rng: np.random.Generator) -> pd.DataFrame:
    t = truth.iloc[idx]
    n = len(idx)
    lat = t["lat"].to_numpy() + rng.normal(0, 1.5, n) / KM_PER_DEG
    lon = t["lon"].to_numpy() + rng.normal(0, 1.5, n) / (KM_PER_DEG * np.cos(np.radians(t["lat"].to_numpy())))
    shift = lambda: np.where(rng.random(n) < 0.3, rng.choice([-1, 1], n), 0)  # noqa: E731
    start = t["day"].to_numpy() + shift()
    end = np.maximum(start, t["day"].to_numpy() + t["length"].to_numpy() + np.where(t["length"] > 0, shift(), 0))
    end = np.where(t["length"].to_numpy() == 0, start, end)
    fine = t["fine"].to_numpy().copy()
    if name == "acled":
        u = rng.random(n)
        same_class = u < 0.10
        other_class = (u >= 0.10) & (u < 0.12)
        for mask, want_same in ((same_class, True), (other_class, False)):
            for i in np.flatnonzero(mask):
                pool = np.flatnonzero((BROAD == BROAD[fine[i]]) == want_same)
                pool = pool[pool != fine[i]]
                fine[i] = rng.choice(pool)
        codes = np.array([FINE[f][1] for f in NAMES])[fine]
    else:
        codes = np.char.add("ged:", NAMES[fine].astype(str))
    base = np.datetime64("2015-01-01")
    ids = rng.permutation(n)
    return pd.DataFrame({
        "event_id": [f"{name}-{i}" for i in ids],
        "date": (base + start.astype("timedelta64[D]")).astype("datetime64[s]"),
        "end_date": (base + end.astype("timedelta64[D]")).astype("datetime64[s]"),
        "latitude": np.clip(lat, -90, 90), "longitude": (lon + 180) % 360 - 180,
        "event_type": pd.Series(codes, dtype="str"),
        "fatalities_best": t["deaths"].to_numpy(),
        "truth": idx,
    })


def generate(n: int, overlap: float = 0.5, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame,
                                                                  pd.DataFrame]:
    """Return ``(ged, acled, truth_pairs, taxonomy)`` with ``n`` entries per dataset.

    ``truth_pairs`` has columns ``ged`` and ``acled`` (event ids reporting the same true event).
    """
    if not 0.2 <= overlap <= 0.8:
        raise ValueError("overlap must be between 0.2 and 0.8")
    rng = np.random.default_rng(seed)
    shared = int(round(overlap * n))
    m = 2 * n - shared
    truth = _truth(m, rng)
    a_idx = np.arange(0, n)                             # ged: events 0..n-1
    b_idx = np.r_[np.arange(n - shared, n), np.arange(n, m)]  # acled: the last `shared` of ged's, then its own
    a = _report(truth, a_idx, "ged", rng)
    b = _report(truth, b_idx, "acled", rng)
    pairs = a[["event_id", "truth"]].merge(b[["event_id", "truth"]], on="truth", suffixes=("_ged", "_acled"))
    pairs = pairs.rename(columns={"event_id_ged": "ged", "event_id_acled": "acled"})[["ged", "acled"]]
    return a.drop(columns="truth"), b.drop(columns="truth"), pairs, taxonomy()


def write(n: int, folder: Path, overlap: float = 0.5, seed: int = 0) -> dict[str, Path]:
    """Generate and write ``ged.parquet``, ``acled.parquet``, ``truth.parquet``, ``taxonomy.parquet``; return paths.

    Files already there for the same (n, overlap, seed) are reused.
    """
    folder = Path(folder) / f"n{n}-o{overlap}-s{seed}"
    paths = {k: folder / f"{k}.parquet" for k in ("ged", "acled", "truth", "taxonomy")}
    if all(p.exists() for p in paths.values()):
        return paths
    folder.mkdir(parents=True, exist_ok=True)
    for key, frame in zip(paths, generate(n, overlap, seed), strict=True):
        frame.to_parquet(paths[key], index=False)
    return paths
