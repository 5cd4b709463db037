"""Widget update latency: the explorer on a 10k-incident synthetic casebook.

``python benchmarks/widgets/run.py [--incidents 10000] [--updates 30] [--quick]``

Measures the time from changing a control of :class:`conflictlab.widgets.Explorer` (the incident, then the
sides, then the fields) to the end of its refresh (summary line, heatmap, side-by-side table and map rebuilt in
place). The target (issue 3) is < 100 ms per update. The named baseline, measured in the same run on the same
updates: **recompare** — the same refresh, but with ``cl.compare`` recomputed on the selected claims at each
update instead of filtering the verdicts computed once when the casebook is loaded.

The map is drawn when its tab is shown (a hidden view costs no update time); the benchmark measures the
default view (the verdict tab) and, separately, opening the map tab. Rendering in the browser is not included (no front end is attached); the figures' JSON is built, as a kernel
would send it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "compare"))

TARGET_MS = 100.0


def _timed_updates(explorer, changes) -> list[float]:
    out = []
    for control, value in changes:
        start = time.perf_counter()
        control.value = value
        out.append((time.perf_counter() - start) * 1000)
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=10_000)
    ap.add_argument("--updates", type=int, default=30)
    ap.add_argument("--quick", action="store_true", help="1,000 incidents, 10 updates")
    a = ap.parse_args(argv)
    if a.quick:
        a.incidents, a.updates = 1_000, 10

    import numpy as np
    from synthetic import synthetic_casebook

    import conflictlab as cl
    from conflictlab.widgets import Explorer

    book = synthetic_casebook(a.incidents, seed=0)
    start = time.perf_counter()
    ex = Explorer({"synthetic": book})
    load_s = time.perf_counter() - start
    rng = np.random.default_rng(1)
    incidents = list(book.incidents["incident_id"])
    sides = list(ex.sides.options)
    fields = list(ex.fields.options)
    changes = []
    for k in range(a.updates):
        kind = k % 3
        if kind == 0:
            changes.append((ex.incident, incidents[int(rng.integers(len(incidents)))]))
        elif kind == 1:
            changes.append((ex.sides, tuple(sides[: max(1, int(rng.integers(1, len(sides) + 1)))])))
        else:
            changes.append((ex.fields, tuple(f for f in fields if rng.random() < 0.7) or (fields[0],)))
    cached = _timed_updates(ex, changes)

    # baseline: the same explorer, recomparing the selected claims at every update
    original = ex._tables

    def recompare():
        claims, _ = original()
        chosen = ex.selection()
        picked = cl.select(claims, **chosen)
        return claims, cl.compare(picked, quotes=True)

    ex._tables = recompare
    baseline = _timed_updates(ex, changes)

    def line(name, values):
        p95 = float(np.percentile(values, 95))
        return (f"{name:<22} {statistics.median(values):8.1f} {p95:8.1f} {max(values):8.1f}   "
                f"{'PASS' if p95 < TARGET_MS else 'MISSED'} (p95 < {TARGET_MS:.0f} ms)")

    print(f"widget update latency — Explorer on a synthetic casebook of {a.incidents:,} incidents, "
          f"{len(book.claims):,} claims; {a.updates} updates (incident / sides / fields in turn)")
    print(f"first load (claim table + compare of the whole casebook, once): {load_s:.2f} s")
    print(f"{'refresh':<22} {'median':>8} {'p95':>8} {'max':>8}   (ms)")
    print(line("conflictlab (cached)", cached))
    print(f"{'baseline: recompare':<22} {statistics.median(baseline):8.1f} "
          f"{float(np.percentile(baseline, 95)):8.1f} {max(baseline):8.1f}")
    print(f"speed × baseline (median): {statistics.median(baseline) / statistics.median(cached):.2f}")
    ex._tables = original
    opened = []
    for inc in incidents[:10]:
        ex.tabs.selected_index = 0
        ex.incident.value = inc
        start = time.perf_counter()
        ex.tabs.selected_index = ex.MAP_TAB
        opened.append((time.perf_counter() - start) * 1000)
    print(line("opening the map tab", opened))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
