"""Loader benchmark: real slices (UCDP GED Mexico, Oryx events) read and converted to claims, and a synthetic
1M-row GED-layout file read through pyarrow / DuckDB, each against plain ``pandas.read_csv`` of the same file.

Run: ``python benchmarks/loaders/run.py`` (needs the shared data: ``CONFLICTLAB_MIRROR`` or ``../shared/data``).
Every task runs in its own subprocess so that its peak RSS (``ru_maxrss``) is its own. Targets: 1M-row read
< 10 s and < 3 GB. ``--rows`` changes the synthetic size; ``--json`` writes the results to a file.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _data_dir() -> Path:
    env = os.environ.get("CONFLICTLAB_MIRROR")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def task(name: str, arg: str) -> dict:
    """Run one task in this (child) process; return its timings and peak RSS."""
    import pandas as pd

    from conflictlab.io.events_to_claims import events_to_claims
    from conflictlab.io.oryx import read_oryx_events
    from conflictlab.io.ucdp import read_ucdp_ged

    warnings.simplefilter("ignore")
    out: dict = {"task": name}
    t0 = time.perf_counter()
    if name == "pandas.read_csv":
        frame = pd.read_csv(arg, low_memory=False)
        out["rows"] = len(frame)
    elif name.startswith("read_ucdp_ged"):
        engine = name.split(":")[1] if ":" in name else "pyarrow"
        ev = read_ucdp_ged(arg, engine=engine)
        out["rows"] = len(ev)
        if name.endswith("+claims"):
            out["read_s"] = time.perf_counter() - t0
            t1 = time.perf_counter()
            book = events_to_claims(ev, incident_key=["date", "admin1"], released="2024-06-01")
            out["convert_s"] = time.perf_counter() - t1
            out["claims"] = len(book.claims)
    elif name == "read_oryx_events+claims":
        ev = read_oryx_events(arg)
        out["rows"] = len(ev)
        out["read_s"] = time.perf_counter() - t0
        t1 = time.perf_counter()
        book = events_to_claims(ev, incident_key="event_id", released="2025-07-19")
        out["convert_s"] = time.perf_counter() - t1
        out["claims"] = len(book.claims)
    elif name == "pandas.read_csv(oryx)":
        out["rows"] = sum(len(pd.read_csv(p)) for p in sorted(Path(arg).glob("event_*.csv")))
    elif name == "pandas.read_parquet":
        out["rows"] = len(pd.read_parquet(arg))
    else:
        raise ValueError(name)
    out["seconds"] = time.perf_counter() - t0
    out["peak_rss_mb"] = _peak_mb()
    return out


def run_child(name: str, arg: str) -> dict:
    cmd = [sys.executable, __file__, "--task", name, "--arg", arg]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode:
        return {"task": name, "error": res.stderr.strip().splitlines()[-1] if res.stderr else "failed"}
    return json.loads(res.stdout)


def make_synthetic(mexico: Path, rows: int, folder: Path) -> tuple[Path, Path]:
    """Write a GED-layout CSV and Parquet of ``rows`` rows by repeating the Mexico slice with fresh ids."""
    import pyarrow as pa
    import pyarrow.compute as pc
    from pyarrow import csv as pacsv
    from pyarrow import parquet as pq

    names = pacsv.read_csv(mexico).column_names
    base = pacsv.read_csv(mexico, convert_options=pacsv.ConvertOptions(column_types={c: pa.string() for c in names}),
                          parse_options=pacsv.ParseOptions(newlines_in_values=True))
    reps = -(-rows // base.num_rows)
    table = pa.concat_tables([base] * reps).slice(0, rows)
    table = table.set_column(0, "id", pc.cast(pa.array(range(1, rows + 1)), pa.string()))
    csv_path, pq_path = folder / "ged_synthetic.csv", folder / "ged_synthetic.parquet"
    pacsv.write_csv(table, csv_path)
    pq.write_table(table, pq_path)
    return csv_path, pq_path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--task")
    ap.add_argument("--arg")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--quick", action="store_true", help="a 100,000-row synthetic file instead of 1M")
    a = ap.parse_args()
    if a.quick:
        a.rows = min(a.rows, 100_000)
    if a.task:
        json.dump(task(a.task, a.arg), sys.stdout)
        return
    data = _data_dir()
    mexico, oryx = data / "ucdp_ged_netify" / "mexico.csv", data / "oryx_events_scarnecchia"
    if not mexico.exists():
        sys.exit(f"no shared data at {data}: set CONFLICTLAB_MIRROR")
    results = []
    results.append(run_child("pandas.read_csv", str(mexico)))
    results.append(run_child("read_ucdp_ged+claims", str(mexico)))
    results.append(run_child("pandas.read_csv(oryx)", str(oryx)))
    results.append(run_child("read_oryx_events+claims", str(oryx)))
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        csv_path, pq_path = make_synthetic(mexico, a.rows, Path(tmp))
        made = time.perf_counter() - t0
        size_mb = csv_path.stat().st_size / 2**20
        for name, arg in (("pandas.read_csv", csv_path), ("read_ucdp_ged:pyarrow", csv_path),
                          ("read_ucdp_ged:pandas", csv_path), ("read_ucdp_ged:duckdb", csv_path),
                          ("pandas.read_parquet", pq_path), ("read_ucdp_ged:pyarrow", pq_path),
                          ("read_ucdp_ged:duckdb", pq_path)):
            r = run_child(name, str(arg))
            r["input"] = f"synthetic {a.rows:,} rows {Path(arg).suffix[1:]}"
            results.append(r)
    for r in results[:4]:
        r.setdefault("input", "GED Mexico (18,957)" if "oryx" not in r["task"] else "Oryx events (37,505)")
    baselines = {}
    for r in results:
        if r["task"].startswith("pandas."):
            baselines[r["input"]] = r
    print(f"synthetic CSV: {size_mb:,.0f} MB, written in {made:.1f} s; python {sys.version.split()[0]}")
    print(f"{'input':30} {'task':28} {'rows':>9} {'seconds':>8} {'read s':>7} {'conv s':>7} {'peak MB':>8} "
          f"{'x baseline (time)':>18}")
    for r in results:
        if "error" in r:
            print(f"{r['input']:30} {r['task']:28} ERROR {r['error']}")
            continue
        base = baselines.get(r["input"])
        if base is None and "parquet" in r["input"]:
            base = baselines.get(r["input"])
        ratio = f"{r['seconds'] / base['seconds']:.2f}" if base and base is not r else "baseline"
        print(f"{r['input']:30} {r['task']:28} {r['rows']:>9,} {r['seconds']:>8.2f} "
              f"{r.get('read_s', float('nan')):>7.2f} {r.get('convert_s', float('nan')):>7.2f} "
              f"{r['peak_rss_mb']:>8.0f} {ratio:>18}")
    big = [r for r in results if r["task"].startswith("read_ucdp_ged:") and "error" not in r]
    ok = all(r["seconds"] < 10 and r["peak_rss_mb"] < 3072 for r in big if r["task"] != "read_ucdp_ged:pandas")
    print(f"targets (1M-row read < 10 s, < 3 GB; pyarrow/duckdb engines): {'met' if ok else 'NOT met'}")
    if a.json:
        a.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
