"""The ``conflictlab`` command: build a journalist's report, validate casebooks, export the verdict table.

Commands
--------
``conflictlab report CASEBOOK -o OUT``
    Write ``OUT/index.html`` (self-contained, offline) and ``OUT/charts/*.png|svg``.
``conflictlab validate FILE...``
    Check casebooks (YAML files or table folders) and event data files (``KIND:PATH``, e.g.
    ``ucdp-ged:ged.csv``); print every problem with file, line and field.
``conflictlab compare CASEBOOK --format csv|parquet|json [-o FILE]``
    The pairwise verdict table, with quotes, to standard output or a file (CSV cells guarded against
    spreadsheet formulas).
``conflictlab match [NAME=]KIND:PATH ... --km KM --days DAYS [-o FILE]``
    Match the entries of several event datasets that report the same incidents (:func:`conflictlab.match.match`).

Exit codes
----------
0
    Success (for ``validate``: every file is valid).
1
    Problems found: an invalid or unreadable casebook, or a file that could not be written.
2
    Usage error (unknown command or option, missing argument).

Examples
--------
>>> main(["validate", str(__import__("conflictlab").datasets.path("nerkin-hand-2024"))])  # doctest: +ELLIPSIS
ok: .../nerkin-hand-2024.yaml
0
>>> main(["frobnicate"])  # doctest: +SKIP
2
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main", "build_parser", "parse_dataset", "DATA_READERS", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

_EXIT_CODES = """exit codes:
  0  success (validate: every file is valid)
  1  problems found (invalid or unreadable casebook, file not written)
  2  usage error (unknown command or option, missing argument)"""

_MAIN_EPILOG = f"""examples:
  conflictlab report my-case.yaml -o out/       # out/index.html + out/charts/*.png|svg
  conflictlab validate my-case.yaml other-case/ # every problem, with file, line and field
  conflictlab compare my-case.yaml --format csv -o verdicts.csv
  conflictlab match ucdp-ged:ged.csv acled:acled.csv --km 10 --days 1 -o matches.csv

Run "conflictlab COMMAND --help" for the options of a command.

{_EXIT_CODES}"""

_REPORT_EPILOG = f"""examples:
  conflictlab report my-case.yaml -o out/
  conflictlab report my-case.yaml -o out/ --no-images   # only out/index.html

The page out/index.html embeds plotly.js and loads nothing from the network; open it in any browser.
PNG and SVG of each chart go to out/charts/ (needs kaleido and a Chromium; skipped with a note otherwise).

{_EXIT_CODES}"""

_VALIDATE_EPILOG = f"""examples:
  conflictlab validate my-case.yaml
  conflictlab validate cases/*.yaml tables-folder/
  conflictlab validate ucdp-ged:GEDEvent_v25_1.csv acled:acled-export.csv

A FILE is a casebook (YAML file or folder of tables), or an event data file written KIND:PATH with KIND one of
{{kinds}}. Each problem is printed as FILE:LINE: RECORD: field 'FIELD': MESSAGE. Known quirks of a dataset
(e.g. GED rows where low <= best <= high does not hold) are printed as notes and do not fail the check.

{_EXIT_CODES}"""

_COMPARE_EPILOG = f"""examples:
  conflictlab compare my-case.yaml --format csv > verdicts.csv
  conflictlab compare my-case.yaml --format parquet -o verdicts.parquet
  conflictlab compare my-case.yaml --format json -o verdicts.json

One row per incident, field, party and pair of sources: both values, both quotes, the verdict
(agree / compatible / contradict / silent) and the reason. In CSV, a cell starting with =, +, -, @, a tab or
a carriage return is prefixed with an apostrophe so that spreadsheets show it as text.
Parquet needs -o (it is a binary format).

{_EXIT_CODES}"""

_MATCH_EPILOG = f"""examples:
  conflictlab match ucdp-ged:ged.csv acled:acled.csv --km 10 --days 1 -o matches.csv
  conflictlab match ged=ucdp-ged:ged.csv copy=events:perturbed.parquet --km 5 --days 2 --format parquet -o m.parquet
  conflictlab match a=events:a.csv b=events:b.csv --km 5 --days 1 --taxonomy event_type=types.csv

Each DATASET is [NAME=]KIND:PATH: KIND is one of {{kinds}} ("events" = a CSV or Parquet table already in
conflictlab's event model: event_id, date, latitude, longitude, ...); NAME defaults to KIND. Two entries of
different datasets are candidates when they lie within --km of each other, their days differ by at most --days,
and they agree on every taxonomy given; an optimal one-to-one assignment picks the matches (docs/matching.md).
Writes one row per entry (its cluster, the datasets it was matched with, the score); prints the summary
(entries, unique incidents, duplicates) to standard error.

{_EXIT_CODES}"""


def build_parser() -> argparse.ArgumentParser:
    """Return the ``conflictlab`` argument parser."""
    from . import __version__

    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(prog="conflictlab", formatter_class=fmt, epilog=_MAIN_EPILOG,
                     description="Line up each side's account of an armed-conflict incident.")
    parser.add_argument("--version", action="version", version=f"conflictlab {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    rep = sub.add_parser("report", help="write a self-contained HTML report (and chart images)",
                         description="Write a journalist's report of a casebook: what both sides agree on, what "
                                     "they contest, what only one side says, where a side contradicts itself; the "
                                     "side-by-side table with quotes; charts; documents; citation.",
                         epilog=_REPORT_EPILOG, formatter_class=fmt)
    rep.add_argument("casebook", metavar="CASEBOOK", help="a casebook: YAML file or folder of tables")
    rep.add_argument("-o", "--output", metavar="OUT", required=True, help="folder to write (created if needed)")
    rep.add_argument("--no-images", action="store_true", help="do not export PNG/SVG of the charts")

    kinds = ", ".join(DATA_READERS)
    val = sub.add_parser("validate", help="check casebooks and event data files; print every problem",
                         description="Check casebooks (YAML files or folders of tables) and event data files, and "
                                     "print every problem with its file, line and field.",
                         epilog=_VALIDATE_EPILOG.replace("{kinds}", kinds), formatter_class=fmt)
    val.add_argument("files", metavar="FILE", nargs="+", help="casebook YAML files or table folders")

    cmp_ = sub.add_parser("compare", help="export the verdict table (CSV, Parquet or JSON)",
                          description="Compare every pair of sources field by field and export the verdict table "
                                      "with both quotes.",
                          epilog=_COMPARE_EPILOG, formatter_class=fmt)
    cmp_.add_argument("casebook", metavar="CASEBOOK", help="a casebook: YAML file or folder of tables")
    cmp_.add_argument("--format", choices=("csv", "parquet", "json"), default="csv",
                      help="output format (default: csv)")
    cmp_.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output)")

    mat = sub.add_parser("match", help="match event datasets that report the same incidents",
                         description="Match the entries of several event datasets (UCDP GED, ACLED, GDELT, or "
                                     "tables in conflictlab's event model) that report the same incidents.",
                         epilog=_MATCH_EPILOG.replace("{kinds}", kinds), formatter_class=fmt)
    mat.add_argument("datasets", metavar="DATASET", nargs="+", help="[NAME=]KIND:PATH, at least two")
    mat.add_argument("--km", type=float, required=True, help="spatial window in kilometres")
    mat.add_argument("--days", type=int, required=True, help="temporal window in days")
    mat.add_argument("--taxonomy", metavar="COLUMN=FILE", action="append", default=[],
                     help="a taxonomy CSV (dataset, code, level1, ...) for the event column COLUMN; repeatable")
    mat.add_argument("--format", choices=("csv", "parquet", "json"), default="csv",
                     help="output format (default: csv)")
    mat.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output)")
    mat.add_argument("--no-progress", action="store_true", help="do not show a progress bar")
    return parser


def _read_events_table(path: str | Path, *, errors: str = "raise", dataset: str = "events"):
    """Read a CSV or Parquet table that is already in the event model (``dataset`` fills a missing column)."""
    import pandas as pd

    from .model.events import conform_events
    from .model.problems import CasebookError, Problem

    path = Path(path)
    raw = pd.read_parquet(path) if path.suffix.lower() == ".parquet" else pd.read_csv(path, dtype="str")
    if "dataset" not in raw.columns:
        raw = raw.assign(dataset=dataset)
    try:
        return conform_events(raw)
    except KeyError as exc:
        raise CasebookError([Problem(str(path), 1, None, None, str(exc).strip('"'))]) from None


def _reader(kind: str):
    from . import io

    return {"ucdp-ged": io.read_ucdp_ged, "acled": io.read_acled, "gdelt": io.read_gdelt_events,
            "events": _read_events_table}[kind]


#: Event data kinds the command line reads (``KIND:PATH``).
DATA_READERS = ("ucdp-ged", "acled", "gdelt", "events")


def parse_dataset(text: str) -> tuple[str, str, str] | None:
    """Split ``[NAME=]KIND:PATH`` into (name, kind, path); None when ``text`` is not of that form.

    Examples
    --------
    >>> parse_dataset("ged=ucdp-ged:data/ged.csv"), parse_dataset("acled:a.csv"), parse_dataset("case.yaml")
    (('ged', 'ucdp-ged', 'data/ged.csv'), ('acled', 'acled', 'a.csv'), None)
    """
    name, _, rest = text.rpartition("=") if "=" in text.split(":", 1)[0] else ("", "", text)
    kind, sep, path = rest.partition(":")
    if not sep or kind not in DATA_READERS or not path:
        return None
    return name or kind, kind, path


def _read_data(kind: str, path: str, name: str | None = None):
    """Read an event data file; return (table, quirks) or raise CasebookError / OSError."""
    import warnings

    from .model.events import EventDataWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", EventDataWarning)
        table = _reader(kind)(path, errors="raise", dataset=name or kind)
    quirks = [p for w in caught if isinstance(w.message, EventDataWarning) for p in w.message.problems]
    return table, quirks


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _read_checked(path: str):
    """Read and validate a casebook: ``(book, [])``, or ``(None, problems)`` (Problem objects or messages)."""
    import conflictlab as cl

    try:
        book = cl.read_casebook(path)
    except cl.CasebookError as exc:
        return None, list(exc.problems)
    except (OSError, ValueError) as exc:
        return None, [f"{path}: {exc}"]
    problems = cl.validate(book)
    return (None, problems) if problems else (book, [])


def _load(path: str):
    """Read a casebook, or print its problems and return None."""
    book, problems = _read_checked(path)
    for p in problems:
        _err(str(p))
    return book


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import build_report

    book = _load(args.casebook)
    if book is None:
        return EXIT_PROBLEMS
    try:
        result = build_report(book, args.output, images=not args.no_images, log=lambda t: print(f"note: {t}"))
    except OSError as exc:
        _err(f"cannot write the report: {exc}")
        return EXIT_PROBLEMS
    print(f"wrote {result.html}")
    if result.images:
        print(f"wrote {len(result.images)} images in {result.images[0].parent}")
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    import conflictlab as cl

    bad = 0
    for path in args.files:
        data = parse_dataset(path)
        if data is None:
            _, problems = _read_checked(path)
        else:
            path, problems = data[2], []
            try:
                table, quirks = _read_data(data[1], path)
            except cl.CasebookError as exc:
                problems = exc.problems
            except (OSError, ValueError) as exc:
                problems = [f"{path}: {exc}"]
            else:
                for q in quirks:
                    print(f"note: {q}")
                print(f"ok: {path} ({len(table)} {data[1]} events)")
                continue
        if problems:
            bad += 1
            n = len(problems)
            print(f"{path}: {n} problem{'s' if n != 1 else ''}")
            for p in problems:
                print(f"  {p}")
        else:
            print(f"ok: {path}")
    return EXIT_PROBLEMS if bad else EXIT_OK


def _cmd_compare(args: argparse.Namespace) -> int:
    import conflictlab as cl

    if args.format == "parquet" and not args.output:
        _err("conflictlab compare: --format parquet needs -o FILE (it is a binary format)")
        return EXIT_USAGE
    book = _load(args.casebook)
    if book is None:
        return EXIT_PROBLEMS
    return _write_table(cl.compare(book, quotes=True), args.format, args.output)


def _write_table(table, fmt: str, output: str | None) -> int:
    """Write ``table`` as CSV (guarded against spreadsheet formulas), Parquet or JSON to ``output`` or stdout."""
    import pandas as pd

    from .io._csvsafe import to_safe_csv

    try:
        if fmt == "parquet":
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            table.to_parquet(output, index=False)
            return EXIT_OK
        plain = table.astype({c: "object" for c in table.columns
                              if isinstance(table[c].dtype, pd.CategoricalDtype)})
        if fmt == "csv":
            text = to_safe_csv(plain)
        else:
            text = plain.to_json(orient="records", force_ascii=False, indent=1, date_format="iso") + "\n"
        if output:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            Path(output).write_text(text, encoding="utf-8", newline="")
        else:
            sys.stdout.write(text)
    except OSError as exc:
        _err(f"cannot write {output}: {exc}")
        return EXIT_PROBLEMS
    return EXIT_OK


def _cmd_match(args: argparse.Namespace) -> int:
    import pandas as pd

    import conflictlab as cl

    if args.format == "parquet" and not args.output:
        _err("conflictlab match: --format parquet needs -o FILE (it is a binary format)")
        return EXIT_USAGE
    specs = [parse_dataset(d) for d in args.datasets]
    wrong = [d for d, spec in zip(args.datasets, specs, strict=True) if spec is None]
    if wrong:
        _err(f"conflictlab match: not [NAME=]KIND:PATH with KIND one of {', '.join(DATA_READERS)}: "
             f"{', '.join(wrong)}")
        return EXIT_USAGE
    names = [spec[0] for spec in specs]
    if len(specs) < 2 or len(set(names)) != len(names):
        _err("conflictlab match: give at least two datasets with different names (NAME=KIND:PATH)")
        return EXIT_USAGE
    tables, failed = {}, False
    for name, kind, path in specs:
        try:
            tables[name], quirks = _read_data(kind, path, name)
        except cl.CasebookError as exc:
            failed = True
            for p in exc.problems:
                _err(str(p))
            continue
        except (OSError, ValueError) as exc:
            failed = True
            _err(f"{path}: {exc}")
            continue
        if quirks:
            _err(f"note: {path}: {len(quirks)} known quirk(s) of the dataset, kept (see conflictlab validate)")
    taxonomies = {}
    for item in args.taxonomy:
        column, sep, path = item.partition("=")
        if not sep or not column or not path:
            _err(f"conflictlab match: --taxonomy wants COLUMN=FILE, got {item!r}")
            return EXIT_USAGE
        try:
            taxonomies[column] = pd.read_csv(path, dtype="str")
        except OSError as exc:
            failed = True
            _err(f"{path}: {exc}")
    if failed:
        return EXIT_PROBLEMS
    from .match import match

    try:
        result = match(tables, spatial_window_km=args.km, temporal_window_days=args.days,
                       taxonomies=taxonomies or None, progress=not args.no_progress)
    except (KeyError, ValueError) as exc:
        _err(f"conflictlab match: {exc}")
        return EXIT_PROBLEMS
    summary = result.summary()
    _err("  ".join(f"{k}: {v}" for k, v in summary.items()))
    return _write_table(result.matches, args.format, args.output)


_COMMANDS = {"report": _cmd_report, "validate": _cmd_validate, "compare": _cmd_compare, "match": _cmd_match}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``conflictlab`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    return _COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
