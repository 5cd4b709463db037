"""Run conflictlab's benchmarks with one command.

Usage
-----
``python benchmarks/run.py``
    Every benchmark known: ``compare`` (``benchmarks/compare/``), and ``loaders`` and ``match`` (their
    ``benchmarks/<name>/run.py``, run as subprocesses).
``python benchmarks/run.py --quick``
    The same at small sizes (``--quick`` is passed through).
``python benchmarks/run.py compare --sizes 10000,100000``
    One benchmark, with its own options (see ``python benchmarks/run.py compare --help``).

Benchmarks print their figures, targets and ratios against a named baseline measured in the same run, and
write JSON under ``benchmarks/results/`` (git-ignored). The exit status is 0 even when a target is missed:
benchmarks report, they do not gate CI; a missed target is printed as ``MISSED``. A benchmark that crashes
makes the exit status 1.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: benchmarks that run as their own script (``benchmarks/<name>/run.py``), besides ``compare``
SCRIPTS = ("loaders", "match", "widgets")
BENCHMARKS = ("compare", *SCRIPTS)


def run_compare(args: list[str]) -> int:
    """Run the compare benchmark in this process (each measurement still runs in its own subprocess)."""
    sys.path.insert(0, str(HERE / "compare"))
    import bench_compare

    return bench_compare.main(args)


def run_script(name: str, args: list[str]) -> int:
    """Run ``benchmarks/<name>/run.py`` as a subprocess, passing options through; 0 when it is absent."""
    script = HERE / name / "run.py"
    if not script.exists():
        print(f"{name}: {script.relative_to(HERE.parent)} not found, skipped")
        return 0
    return subprocess.run([sys.executable, str(script), *args], check=False).returncode


def main(argv: list[str]) -> int:
    """Dispatch: ``[benchmark] [options]``; without a benchmark name, all of them with ``--quick`` only."""
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    if argv and argv[0] in BENCHMARKS:
        name, rest = argv[0], argv[1:]
        return run_compare(rest) if name == "compare" else run_script(name, rest)
    unknown = [a for a in argv if a != "--quick"]
    if unknown:
        print(f"unknown argument(s) {unknown}; expected a benchmark ({', '.join(BENCHMARKS)}) or --quick",
              file=sys.stderr)
        return 2
    quick = ["--quick"] if "--quick" in argv else []
    failed = []
    runners = [("compare", run_compare)] + [(n, lambda a, n=n: run_script(n, a)) for n in SCRIPTS]
    for name, runner in runners:
        print(f"\n=== benchmark: {name} ===", flush=True)
        try:
            code = runner(list(quick))
        except Exception as exc:  # noqa: BLE001 - report and go on with the other benchmarks
            print(f"{name}: crashed: {type(exc).__name__}: {exc}", file=sys.stderr)
            code = 1
        if code:
            failed.append(name)
    if failed:
        print(f"\nbenchmark(s) that did not complete: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
