"""Benchmark ``conflictlab.match`` on synthetic GED-like datasets, against splink (DuckDB backend).

Usage
-----
``python benchmarks/match/run.py --sizes 10k,100k,1m``
    Each size N is an N x N match (two datasets of N entries, 50% true overlap); ``--overlap 0.2`` .. ``0.8``.
``python benchmarks/match/run.py --quick``
    10k only (what ``benchmarks/run.py --quick`` runs).
Options: ``--seed``, ``--splink-sizes`` (default: the sizes up to 100k; ``none`` to skip splink),
``--timeout`` (seconds per measurement), ``--spatial-km``, ``--days``, ``--engine`` (duckdb or spark).

Each measurement runs in its own Python process: it reads the Parquet files written by ``synthetic.py``
(generated once per size and kept under ``benchmarks/results/match-data/``, git-ignored), records its resident
memory, resets the kernel's peak-RSS mark (``/proc/self/clear_refs``), runs the matcher once and reports the
wall time, the peak RSS since the reset (``VmHWM``: data loaded + matching) and the whole-process peak
(``ru_maxrss``), and precision / recall of the matched pairs against the known true pairs.

splink is run with the same windows: blocking rules that cover the same grid of cells and day buckets as
conflictlab's query, and fixed (untrained) m/u probabilities on three comparisons (distance within the window,
start days within the window, same broad category) with a threshold that requires all three. It returns every
pair above the threshold (no one-to-one selection), so its precision is a reference only; the ratio printed is
splink's seconds over conflictlab's on the same data. Targets (2 cores): 10k x 10k < 1 s; 1M x 1M < 60 s and
< 8 GB. Exit status 0 even when a target is missed (printed as MISSED); JSON results in ``benchmarks/results/``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RESULTS = ROOT / "benchmarks" / "results"
DATA = RESULTS / "match-data"
TARGETS = {10_000: (1.0, None), 1_000_000: (60.0, 8192.0)}  # size -> (seconds, peak MB)


def _size(text: str) -> int:
    text = text.strip().lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * mult)


def _status_mb(field: str) -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _pairs_pr(pred: set[tuple[str, str]], truth: set[tuple[str, str]]) -> tuple[float, float]:
    tp = len(pred & truth)
    return (tp / len(pred) if pred else float("nan"), tp / len(truth) if truth else float("nan"))


# ---------------------------------------------------------------------------------------------- workers
def _load(n: int, overlap: float, seed: int):
    import pandas as pd

    sys.path.insert(0, str(HERE))
    import synthetic

    paths = synthetic.write(n, DATA, overlap, seed)
    frames = {k: pd.read_parquet(p) for k, p in paths.items()}
    truth = set(zip(frames["truth"]["ged"], frames["truth"]["acled"], strict=True))
    return frames, truth


def worker_conflictlab(args) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from conflictlab.match import match

    frames, truth = _load(args.n, args.overlap, args.seed)
    import duckdb  # noqa: F401  (imported before the baseline, like the data)

    base = _status_mb("VmRSS")
    reset = _reset_peak()
    t0 = time.perf_counter()
    res = match({"ged": frames["ged"], "acled": frames["acled"]}, spatial_window_km=args.spatial_km,
                temporal_window_days=args.days, taxonomies={"event_type": frames["taxonomy"]}, engine=args.engine)
    seconds = time.perf_counter() - t0
    peak = _status_mb("VmHWM") if reset else float("nan")
    m = res.matches[res.matches["cluster_size"] == 2]
    wide = m.pivot(index="cluster_id", columns="dataset", values="event_id")
    pred = set(zip(wide["ged"], wide["acled"], strict=True)) if len(wide) else set()
    p, r = _pairs_pr(pred, truth)
    return {"tool": f"conflictlab[{args.engine}]", "n": args.n, "seconds": seconds, "peak_mb": peak,
            "base_mb": base, "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "pairs": len(pred), "candidates": len(res.candidates), "precision": p, "recall": r}


def worker_splink(args) -> dict:
    import numpy as np
    import pandas as pd
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator

    frames, truth = _load(args.n, args.overlap, args.seed)
    tax = frames["taxonomy"]
    base = _status_mb("VmRSS")
    reset = _reset_peak()
    t0 = time.perf_counter()
    km_deg = 6371.0088 * np.pi / 180
    cell = args.spatial_km / km_deg  # degrees: cells as large as the window (lon cells widened by 1/cos(lat))
    bucket = args.days + 1

    def prep(df: pd.DataFrame, name: str) -> pd.DataFrame:
        broad = df["event_type"].map(tax[tax["dataset"] == name].set_index("code")["broad"])
        day = (df["date"].to_numpy().astype("datetime64[D]").astype("int64"))
        lat, lon = df["latitude"].to_numpy(), df["longitude"].to_numpy()
        return pd.DataFrame({"unique_id": df["event_id"], "latitude": lat, "longitude": lon, "day": day,
                             "broad": broad.astype("str"), "tb": day // bucket,
                             "cy": np.floor(lat / cell).astype("int64"),
                             "cx": np.floor(lon / (cell / np.cos(np.radians(60.0)))).astype("int64")})

    a, b = prep(frames["ged"], "ged"), prep(frames["acled"], "acled")
    rules = [f"l.tb = r.tb + {dt} AND l.cy = r.cy + {dy} AND l.cx = r.cx + {dx}"
             for dt in (-1, 0, 1) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]

    def two(level, m_yes, u_yes):
        return [level.configure(m_probability=m_yes, u_probability=u_yes),
                cll.ElseLevel().configure(m_probability=1 - m_yes, u_probability=1 - u_yes)]

    settings = SettingsCreator(
        link_type="link_only", blocking_rules_to_generate_predictions=rules,
        comparisons=[
            cl.CustomComparison(two(cll.DistanceInKMLevel("latitude", "longitude", args.spatial_km), 0.95, 0.001),
                                output_column_name="distance"),
            cl.CustomComparison(two(cll.AbsoluteDifferenceLevel("day", args.days), 0.95, 0.01),
                                output_column_name="day"),
            cl.CustomComparison(two(cll.ExactMatchLevel("broad"), 0.9, 0.3), output_column_name="broad"),
        ],
        probability_two_random_records_match=1e-4, retain_matching_columns=False)
    db = DuckDBAPI()
    linker = Linker([db.register(a, dataset_display_name="ged"), db.register(b, dataset_display_name="acled")],
                    settings, log_level=40)
    pred_df = linker.inference.predict(threshold_match_weight=2.0, warning_mode="never").as_pandas_dataframe()
    seconds = time.perf_counter() - t0
    peak = _status_mb("VmHWM") if reset else float("nan")
    left_is_ged = pred_df["unique_id_l"].astype("str").str.startswith("ged-")
    g = np.where(left_is_ged, pred_df["unique_id_l"], pred_df["unique_id_r"])
    c = np.where(left_is_ged, pred_df["unique_id_r"], pred_df["unique_id_l"])
    pred = set(zip(g.tolist(), c.tolist(), strict=True))
    p, r = _pairs_pr(pred, truth)
    return {"tool": "splink[duckdb]", "n": args.n, "seconds": seconds, "peak_mb": peak, "base_mb": base,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "pairs": len(pred),
            "candidates": None, "precision": p, "recall": r}


# ---------------------------------------------------------------------------------------------- driver
def measure(tool: str, n: int, opts) -> dict:
    cmd = [sys.executable, __file__, "--worker", tool, "--n", str(n), "--seed", str(opts.seed), "--overlap",
           str(opts.overlap), "--spatial-km", str(opts.spatial_km), "--days", str(opts.days), "--engine",
           opts.engine]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=opts.timeout, env=env, check=False)
    except subprocess.TimeoutExpired:
        return {"tool": tool, "n": n, "error": f"timeout after {opts.timeout} s"}
    if proc.returncode != 0:
        return {"tool": tool, "n": n, "error": proc.stderr.strip().splitlines()[-1] if proc.stderr else "failed"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _fmt(x, spec):
    return "" if x is None or x != x else format(x, spec)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10k,100k,1m")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--splink-sizes", default=None)
    ap.add_argument("--overlap", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--spatial-km", type=float, default=10.0)
    ap.add_argument("--days", type=int, default=2)
    ap.add_argument("--engine", default="duckdb", choices=["duckdb", "spark"])
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, default=None, help=argparse.SUPPRESS)
    opts = ap.parse_args(argv)
    if opts.worker:
        out = worker_conflictlab(opts) if opts.worker == "conflictlab" else worker_splink(opts)
        print(json.dumps(out))
        return 0
    sizes = [10_000] if opts.quick else [_size(s) for s in opts.sizes.split(",")]
    if opts.splink_sizes is None:
        splink_sizes = [s for s in sizes if s <= 100_000]
    elif opts.splink_sizes.lower() == "none":
        splink_sizes = []
    else:
        splink_sizes = [_size(s) for s in opts.splink_sizes.split(",")]
    try:
        import splink  # noqa: F401
    except ImportError:
        if splink_sizes:
            print("splink is not installed: pip install splink (the comparison is skipped)")
        splink_sizes = []
    print(f"match benchmark: {opts.spatial_km:g} km, {opts.days} days, overlap {opts.overlap:.0%}, seed {opts.seed}, "
          f"engine {opts.engine}; {os.cpu_count()} CPUs, Python {platform.python_version()}", flush=True)
    rows = []
    for n in sizes:
        rows.append(measure("conflictlab", n, opts))
        if n in splink_sizes:
            rows.append(measure("splink", n, opts))
        for r in rows[-2:] if n in splink_sizes else rows[-1:]:
            print("  measured:", json.dumps(r), flush=True)
    head = (f"{'tool':<20} {'N x N':>11} {'seconds':>8} {'peak MB':>8} {'maxrss MB':>9} {'pairs':>9} "
            f"{'precision':>9} {'recall':>7}  {'target':<16} {'status':<7} splink s / conflictlab s")
    print("\n" + head + "\n" + "-" * len(head))
    ours = {r["n"]: r for r in rows if r.get("tool", "").startswith("conflictlab") and "error" not in r}
    for r in rows:
        if "error" in r:
            print(f"{r['tool']:<20} {r['n']:>11,} {r['error']}")
            continue
        target, status, ratio = "", "", ""
        if r["tool"] == "conflictlab[duckdb]" and r["n"] in TARGETS:  # the targets are for the default engine
            secs, mb = TARGETS[r["n"]]
            target = f"<{secs:g} s" + (f", <{mb:g} MB" if mb else "")
            ok = r["seconds"] < secs and (mb is None or r["maxrss_mb"] < mb)
            status = "PASS" if ok else "MISSED"
        if r["tool"].startswith("splink") and r["n"] in ours:
            ratio = f"{r['seconds'] / ours[r['n']]['seconds']:.1f}x"
        print(f"{r['tool']:<20} {r['n']:>11,} {r['seconds']:>8.2f} {_fmt(r['peak_mb'], '>8,.0f')} "
              f"{r['maxrss_mb']:>9,.0f} {r['pairs']:>9,} {r['precision']:>9.4f} {r['recall']:>7.4f}  "
              f"{target:<16} {status:<7} {ratio}")
    print("peak MB: peak RSS after the data was loaded (VmHWM since a reset; data included); maxrss MB: "
          "whole-process peak, data generation/loading included (judged against the memory target). "
          "Spark: seconds include starting the local JVM; its memory (a separate process) is not counted.")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"match-{datetime.now():%Y%m%d-%H%M%S}.json"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT,
                                check=False).stdout.strip()
    except OSError:
        commit = ""
    out.write_text(json.dumps({"rows": rows, "options": vars(opts), "commit": commit, "cpus": os.cpu_count(),
                               "python": platform.python_version()}, indent=1))
    print(f"results: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
