"""Benchmark of :func:`conflictlab.compare` and :func:`conflictlab.summarize` on synthetic casebooks.

Every measurement runs in a fresh Python process (``--worker``) so that peak memory is that of one task at one
size: the worker imports conflictlab, generates the synthetic claims table (:mod:`synthetic`), records its
resident memory (the *baseline RSS*), resets the kernel's peak-RSS counter where Linux allows it
(``/proc/self/clear_refs``), runs the task once and reports the wall time and ``ru_maxrss`` (the *peak RSS*).
The named baseline, "naive pandas" (:mod:`naive`), is measured the same way in the same run, and the two must
find the same number of non-silent pairs.

Tasks
-----
compare
    ``cl.compare(claims_table)``, the denormalised table of ``Casebook.claim_table()``.
summarize
    ``cl.summarize(verdicts)``; the verdicts are computed first, outside the timing.
compare-book
    ``cl.compare(casebook)``: the same, from the :class:`~conflictlab.Casebook` (adds the casebook's incident
    order and ``claim_table()``).
naive
    The "naive pandas" baseline: self-merge of current claims plus a row-wise ``.apply``.

Examples
--------
``python benchmarks/compare/bench_compare.py --sizes 10000,100000`` (or ``python benchmarks/run.py compare``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE.parent / "results"

TARGET_INCIDENTS = 100_000
"""The size at which the project's targets are set (100k incidents x 10 sources, about 1M claims)."""
TARGET_SECONDS = 10.0
TARGET_PEAK_MB = 4096.0
"""Targets for ``compare`` at :data:`TARGET_INCIDENTS` on a 2-core machine (peak = whole-process peak RSS)."""

DEFAULT_SIZES = (10_000, 100_000)
DEFAULT_BASELINE_SIZES = (2_000, 10_000)
DEFAULT_BOOK_SIZES = (2_000, 10_000)
QUICK = {"sizes": (10_000,), "baseline_sizes": (2_000,), "book_sizes": (2_000,)}
TASKS = ("compare", "summarize", "compare-book", "naive")


@dataclass
class Result:
    """One measurement: a task at one size, in its own process."""

    task: str
    n_incidents: int
    n_claims: int = 0
    n_pairs: int = 0
    n_nonsilent: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)
    seconds: float = float("nan")
    generate_seconds: float = float("nan")
    baseline_rss_mb: float = float("nan")
    peak_rss_mb: float = float("nan")
    peak_reset: bool = False
    error: str = ""

    @property
    def delta_mb(self) -> float:
        """Peak RSS above the baseline RSS (memory the task itself needed)."""
        return self.peak_rss_mb - self.baseline_rss_mb


# --- measuring, inside the worker process ------------------------------------------------------------------

def _rss_mb() -> float:
    """Current resident set size in MB (Linux ``/proc``; elsewhere the peak so far)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return _peak_mb()


def _peak_mb() -> float:
    """Peak resident set size in MB (``ru_maxrss``: KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024**2 if sys.platform == "darwin" else peak / 1024


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS counter (Linux >= 4.0) so the peak excludes data generation."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _verdict_counts(verdicts) -> dict[str, int]:
    counts = verdicts["verdict"].astype("object").value_counts()
    return {str(k): int(v) for k, v in counts.items()}


def measure(task: str, n_incidents: int, seed: int) -> Result:
    """Generate the data and run ``task`` once in this process; return the measurement."""
    import conflictlab as cl

    sys.path.insert(0, str(HERE))
    from naive import naive_compare
    from synthetic import synthetic_casebook

    t0 = time.perf_counter()
    book = synthetic_casebook(n_incidents, seed=seed)
    claims = book.claim_table()
    if task != "compare-book":
        del book
    res = Result(task, n_incidents, n_claims=len(claims), generate_seconds=time.perf_counter() - t0)
    prepared = cl.compare(claims) if task == "summarize" else None
    gc.collect()
    res.baseline_rss_mb = _rss_mb()
    res.peak_reset = _reset_peak()
    t0 = time.perf_counter()
    if task == "compare":
        out = cl.compare(claims)
    elif task == "compare-book":
        out = cl.compare(book)
    elif task == "summarize":
        out = cl.summarize(prepared)
    elif task == "naive":
        out = naive_compare(claims)
    else:
        raise ValueError(f"unknown task {task!r}; expected one of {TASKS}")
    res.seconds = time.perf_counter() - t0
    res.peak_rss_mb = max(_peak_mb(), res.baseline_rss_mb)
    verdicts = prepared if task == "summarize" else out
    res.verdicts = _verdict_counts(verdicts)
    res.n_pairs = len(out) if task != "summarize" else len(verdicts)
    res.n_nonsilent = sum(v for k, v in res.verdicts.items() if k != "silent")
    return res


# --- orchestrating, in the parent process -------------------------------------------------------------------

def run_worker(task: str, n_incidents: int, seed: int, timeout: float) -> Result:
    """Measure ``task`` at one size in a fresh Python process."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", task, str(n_incidents), "--seed", str(seed)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return Result(task, n_incidents, error=f"timed out after {timeout:.0f} s")
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return Result(task, n_incidents, error=f"exit {proc.returncode}: {tail}")
    return Result(**json.loads(lines[-1]))


def plan(sizes: tuple[int, ...], baseline_sizes: tuple[int, ...], book_sizes: tuple[int, ...]) -> list[tuple[str, int]]:
    """The (task, size) measurements to make: compare also runs at the baseline sizes, for the ratios."""
    compare_sizes = sorted(set(sizes) | set(baseline_sizes))
    return ([("naive", n) for n in sorted(baseline_sizes)] + [("compare", n) for n in compare_sizes]
            + [("summarize", n) for n in sorted(sizes)] + [("compare-book", n) for n in sorted(book_sizes)])


def check_baseline(results: list[Result]) -> list[str]:
    """Assert that the baseline and conflictlab find the same non-silent pairs; return notes on verdicts."""
    by = {(r.task, r.n_incidents): r for r in results if not r.error}
    notes = []
    for (task, n), naive in by.items():
        ours = by.get(("compare", n))
        if task != "naive" or ours is None:
            continue
        assert naive.n_pairs == ours.n_nonsilent, (
            f"baseline unfair at {n} incidents: naive finds {naive.n_pairs} pairs where both speak, "
            f"conflictlab {ours.n_nonsilent}")
        same = {k: v for k, v in ours.verdicts.items() if k != "silent"} == naive.verdicts
        notes.append(f"{n:,} incidents: both find {naive.n_pairs:,} pairs where both sources speak; "
                     f"verdict counts {'identical' if same else 'DIFFER'}")
    return notes


def _status(r: Result) -> tuple[str, str]:
    """Target and PASS/MISSED text for a row (targets apply to compare at the target size)."""
    if r.task not in ("compare", "compare-book") or r.n_incidents != TARGET_INCIDENTS:
        return "", ""
    target = f"<{TARGET_SECONDS:g} s, <{TARGET_PEAK_MB:g} MB"
    if r.error:
        return target, "MISSED"
    ok = r.seconds < TARGET_SECONDS and r.peak_rss_mb < TARGET_PEAK_MB
    misses = [w for w, bad in (("time", r.seconds >= TARGET_SECONDS), ("memory", r.peak_rss_mb >= TARGET_PEAK_MB))
              if bad]
    return target, "PASS" if ok else "MISSED (" + ", ".join(misses) + ")"


def _ratio(r: Result, results: list[Result]) -> str:
    naive = next((b for b in results if b.task == "naive" and b.n_incidents == r.n_incidents and not b.error), None)
    if r.error or naive is None or r.task not in ("compare", "naive"):
        return ""
    if r.task == "naive":
        return "1.00 (baseline)"
    return f"{naive.seconds / r.seconds:.2f}"


def table(results: list[Result]) -> str:
    """The results as a fixed-width text table."""
    head = ("task", "incidents", "claims", "pairs", "seconds", "peak MB", "Δ MB", "target", "status",
            "speed × naive")
    rows = []
    for r in results:
        target, status = _status(r)
        if r.error:
            rows.append((r.task, f"{r.n_incidents:,}", "", "", r.error, "", "", target, status, ""))
            continue
        rows.append((r.task, f"{r.n_incidents:,}", f"{r.n_claims:,}", f"{r.n_pairs:,}", f"{r.seconds:.2f}",
                     f"{r.peak_rss_mb:,.0f}", f"{r.delta_mb:,.0f}", target, status, _ratio(r, results)))
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=True)]
    lines = ["  ".join(str(x).rjust(w) if i in (1, 2, 3, 4, 5, 6) else str(x).ljust(w)
                       for i, (x, w) in enumerate(zip(row, widths, strict=True))).rstrip()
             for row in (head, *rows)]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def machine() -> dict[str, object]:
    """The machine and versions the figures were measured with."""
    import numpy
    import pandas

    import conflictlab

    try:
        mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    except (ValueError, OSError, AttributeError):
        mem_gb = float("nan")
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=HERE, check=False).stdout.strip()
    except OSError:
        commit = ""
    return {"cpus": os.cpu_count(), "memory_gb": round(mem_gb, 1), "platform": platform.platform(),
            "python": platform.python_version(), "pandas": pandas.__version__, "numpy": numpy.__version__,
            "conflictlab": conflictlab.__version__, "commit": commit}


def run(sizes: tuple[int, ...] = DEFAULT_SIZES, baseline_sizes: tuple[int, ...] = DEFAULT_BASELINE_SIZES,
        book_sizes: tuple[int, ...] = DEFAULT_BOOK_SIZES, seed: int = 0, timeout: float = 1800.0,
        write: bool = True) -> list[Result]:
    """Run the compare benchmark, print the table, and write the results as JSON under ``benchmarks/results/``.

    Returns the results; never raises on a missed target (benchmarks report, they do not gate).
    """
    results = []
    for task, n in plan(sizes, baseline_sizes, book_sizes):
        print(f"  measuring {task} at {n:,} incidents ...", file=sys.stderr, flush=True)
        results.append(run_worker(task, n, seed, timeout))
    info = machine()
    print(f"\ncompare benchmark — synthetic casebooks, 10 sources, seed {seed}; each row a fresh process; "
          f"{info['cpus']} CPUs, {info['memory_gb']} GB, Python {info['python']}, pandas {info['pandas']}")
    print(table(results))
    print("peak MB: whole-process peak RSS (ru_maxrss) during the task; Δ MB: peak minus the RSS after imports and "
          "data generation" + ("" if all(r.peak_reset for r in results if not r.error)
                               else " (peak NOT reset after generation on this OS: it may include generation)"))
    print("speed × naive: seconds of the 'naive pandas' baseline / seconds of conflictlab, same data "
          "(the baseline builds no silent pairs and no reasons, so the ratio is conservative)")
    for note in check_baseline(results):
        print("baseline check: " + note)
    for r in results:
        _, status = _status(r)
        if status.startswith("MISSED"):
            print(f"MISSED: {r.task} at {r.n_incidents:,} incidents — {r.error or f'{r.seconds:.1f} s, '}"
                  f"{'' if r.error else f'{r.peak_rss_mb:,.0f} MB peak'} "
                  f"(target < {TARGET_SECONDS:g} s and < {TARGET_PEAK_MB:g} MB)")
    if TARGET_INCIDENTS not in sizes:
        print(f"(the targets are set at {TARGET_INCIDENTS:,} incidents; add it to --sizes to check them)")
    if write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        path = RESULTS / f"compare-{time.strftime('%Y%m%d-%H%M%S')}.json"
        payload = {"benchmark": "compare", "date": time.strftime("%Y-%m-%d %H:%M:%S %z"), "seed": seed,
                   "machine": info, "targets": {"n_incidents": TARGET_INCIDENTS, "seconds": TARGET_SECONDS,
                                                "peak_rss_mb": TARGET_PEAK_MB},
                   "results": [{**asdict(r), "delta_mb": r.delta_mb} for r in results]}
        path.write_text(json.dumps(payload, indent=2))
        print(f"results written to {path}")
    return results


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(x.replace("_", "")) for x in text.split(",") if x.strip())


def parser() -> argparse.ArgumentParser:
    """Command-line options (shared with ``benchmarks/run.py compare``)."""
    p = argparse.ArgumentParser(description="Benchmark cl.compare and cl.summarize on synthetic casebooks.")
    p.add_argument("--sizes", type=_sizes, default=DEFAULT_SIZES,
                   help="incident counts for compare and summarize (default: 10000,100000)")
    p.add_argument("--baseline-sizes", type=_sizes, default=DEFAULT_BASELINE_SIZES,
                   help="incident counts for the naive-pandas baseline (compare also runs there; default 2000,10000)")
    p.add_argument("--book-sizes", type=_sizes, default=DEFAULT_BOOK_SIZES,
                   help="incident counts for compare(Casebook) (default 2000,10000; '' to skip)")
    p.add_argument("--seed", type=int, default=0, help="seed of the synthetic data (default 0)")
    p.add_argument("--timeout", type=float, default=1800.0, help="seconds allowed per measurement")
    p.add_argument("--quick", action="store_true", help="small sizes only (10000; baseline and book at 2000)")
    p.add_argument("--no-write", action="store_true", help="do not write benchmarks/results/*.json")
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point: the orchestrator, or ``--worker TASK N`` for one measurement (prints one JSON line)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        task, n = argv[1], int(argv[2])
        seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 0
        print(json.dumps(asdict(measure(task, n, seed))))
        return 0
    args = parser().parse_args(argv)
    if args.quick:
        args.sizes, args.baseline_sizes, args.book_sizes = QUICK["sizes"], QUICK["baseline_sizes"], QUICK["book_sizes"]
    run(args.sizes, args.baseline_sizes, args.book_sizes, seed=args.seed, timeout=args.timeout,
        write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
