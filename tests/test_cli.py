"""The ``conflictlab`` command: exit codes, help with examples, validate / compare / match / report."""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import conflictlab as cl
from conflictlab.cli import DATA_READERS, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, main

NERKIN = str(cl.datasets.path("nerkin-hand-2024"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_console_script_is_installed():
    script = Path(sys.executable).with_name("conflictlab")
    assert script.exists(), "pip install -e . installs the console script next to python"
    done = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "examples:" in done.stdout


@pytest.mark.parametrize("command", ["report", "validate", "compare", "match"])
def test_every_command_has_help_with_examples_and_exit_codes(capsys, command):
    code, out, _ = run(capsys, command, "--help")
    assert code == EXIT_OK
    assert "examples:" in out and f"conflictlab {command} " in out
    assert "exit codes:" in out and "2  usage error" in out


def test_usage_errors_exit_2(capsys):
    assert run(capsys, "frobnicate")[0] == EXIT_USAGE
    assert run(capsys)[0] == EXIT_USAGE
    code, _, err = run(capsys, "compare", NERKIN, "--format", "parquet")
    assert code == EXIT_USAGE and "needs -o" in err


# ---------------------------------------------------------------------------------------------------- validate


def test_validate_a_valid_casebook(capsys):
    code, out, _ = run(capsys, "validate", NERKIN)
    assert code == EXIT_OK and out.strip() == f"ok: {NERKIN}"


def test_validate_prints_every_problem_with_file_line_and_field(capsys, small_yaml, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(small_yaml.replace("source: az-sbs\n    document: doc1\n    stated: 2024-02-13\n    quote: The",
                                      "source: az-nobody\n    document: doc1\n    stated: 2024-02-13\n    quote: The")
                   .replace("injured: {am: several}", "injured: {am: lots}"), encoding="utf-8")
    code, out, _ = run(capsys, "validate", NERKIN, str(bad))
    assert code == EXIT_PROBLEMS
    lines = out.splitlines()
    assert lines[0] == f"ok: {NERKIN}"
    assert lines[1] == f"{bad}: 2 problems"
    problems = [ln.strip() for ln in lines[2:]]
    line_of = {t: i + 1 for i, t in enumerate(bad.read_text().splitlines())}
    source_line = next(n for t, n in line_of.items() if "az-nobody" in t)
    assert any(p.startswith(f"{bad}:{source_line}:") and "az-nobody" in p for p in problems), problems
    assert any("'injured" in p and "lots" in p for p in problems), problems


def test_validate_an_unreadable_path(capsys, tmp_path):
    code, out, _ = run(capsys, "validate", str(tmp_path / "missing.yaml"))
    assert code == EXIT_PROBLEMS and "missing.yaml" in out


def _ged_rows(shared_dir: Path, n: int = 40) -> pd.DataFrame:
    return pd.read_csv(shared_dir / "data/ucdp_ged_uncertainUCDP_sample/ucdpged_sample_1000.csv", dtype="str",
                       keep_default_na=False, nrows=n)


def test_validate_an_event_data_file(capsys, shared_dir, tmp_path):
    raw = _ged_rows(shared_dir)
    good = tmp_path / "ged.csv"
    raw.to_csv(good, index=False)
    code, out, _ = run(capsys, "validate", f"ucdp-ged:{good}")
    assert code == EXIT_OK and f"ok: {good} ({len(raw)} ucdp-ged events)" in out
    broken = raw.copy()
    broken.loc[4, "date_start"] = "13 Feb"
    bad = tmp_path / "ged-bad.csv"
    broken.to_csv(bad, index=False)
    code, out, _ = run(capsys, "validate", f"ucdp-ged:{bad}")
    assert code == EXIT_PROBLEMS
    # row 5 of the table is line 6 of the file (line 1 is the header)
    assert f"{bad}:6:" in out and "date_start" in out and "'13 Feb'" in out


def test_kinds_are_named_in_help(capsys):
    _, out, _ = run(capsys, "validate", "--help")
    assert all(kind in out for kind in DATA_READERS)


# ----------------------------------------------------------------------------------------------------- compare


def test_compare_csv_to_stdout_is_the_verdict_table(capsys):
    code, out, _ = run(capsys, "compare", NERKIN)
    assert code == EXIT_OK
    got = pd.read_csv(io.StringIO(out), dtype="str", keep_default_na=False)
    want = cl.compare(cl.datasets.load("nerkin-hand-2024"), quotes=True)
    assert list(got.columns) == list(want.columns)
    assert len(got) == len(want)
    assert got["verdict"].tolist() == want["verdict"].astype(str).tolist()


@pytest.mark.parametrize("fmt", ["json", "parquet"])
def test_compare_to_a_file(capsys, tmp_path, fmt):
    target = tmp_path / "sub" / f"verdicts.{fmt}"
    code, out, _ = run(capsys, "compare", NERKIN, "--format", fmt, "-o", str(target))
    assert code == EXIT_OK and out == ""
    got = pd.read_parquet(target) if fmt == "parquet" else pd.DataFrame(json.loads(target.read_text("utf-8")))
    want = cl.compare(cl.datasets.load("nerkin-hand-2024"), quotes=True)
    assert len(got) == len(want) and set(want.columns) <= set(got.columns)


def test_compare_csv_neutralises_spreadsheet_formulas(capsys, tmp_path):
    """A quote that starts with =, +, - or @ is written with a leading apostrophe."""
    from report.hostile import FORMULAS, write_hostile  # tests/ is on sys.path (tests/conftest.py)

    code, out, _ = run(capsys, "compare", str(write_hostile(tmp_path)), "--format", "csv")
    assert code == EXIT_OK
    cells = [c for row in pd.read_csv(io.StringIO(out), dtype="str", keep_default_na=False).itertuples()
             for c in row[1:]]
    for formula in FORMULAS:
        assert "'" + formula in cells, formula
        assert formula not in cells, formula
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells if c)


def test_compare_an_invalid_casebook_exits_1(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("conflictlab: 1\ntitle: [unclosed\n", encoding="utf-8")
    code, out, err = run(capsys, "compare", str(bad))
    assert code == EXIT_PROBLEMS and out == "" and "bad.yaml:" in err


# ------------------------------------------------------------------------------------------------------- match


def _events(shared_dir: Path, tmp_path: Path) -> tuple[Path, Path, pd.DataFrame]:
    with warnings.catch_warnings():  # the sample's known GED quirks (low <= best <= high) are not under test
        warnings.simplefilter("ignore", cl.model.events.EventDataWarning)
        ev = cl.io.read_ucdp_ged(shared_dir / "data/ucdp_ged_uncertainUCDP_sample/ucdpged_sample_1000.csv")
    cols = ["event_id", "date", "end_date", "latitude", "longitude", "date_precision", "location_precision"]
    a, b = tmp_path / "a.csv", tmp_path / "b.parquet"
    ev[cols].iloc[:120].to_csv(a, index=False)
    ev[cols].iloc[80:200].to_parquet(b, index=False)
    return a, b, ev


def test_match_two_event_tables(capsys, shared_dir, tmp_path):
    pytest.importorskip("duckdb", reason="conflictlab match needs the [match] extra")
    a, b, ev = _events(shared_dir, tmp_path)
    out_file = tmp_path / "matches.csv"
    code, out, err = run(capsys, "match", f"a=events:{a}", f"b=events:{b}", "--km", "1", "--days", "0",
                         "-o", str(out_file), "--no-progress")
    assert code == EXIT_OK and out == ""
    assert "entries: 240" in err
    got = pd.read_csv(out_file, dtype="str")
    assert len(got) == 240 and set(got["dataset"]) == {"a", "b"}
    # the 40 events in both tables (rows 80-119) are each matched with their own copy
    overlap = set(ev["event_id"].iloc[80:120])
    sizes = got[got["event_id"].isin(overlap)].groupby("cluster_id")["event_id"].agg(["size", "nunique"])
    assert (sizes["size"] == 2).sum() >= 38 and (sizes["nunique"] == 1).all()


def test_match_usage_and_data_errors(capsys, shared_dir, tmp_path):
    pytest.importorskip("duckdb", reason="conflictlab match needs the [match] extra")
    a, b, _ = _events(shared_dir, tmp_path)
    assert run(capsys, "match", f"events:{a}", "--km", "1", "--days", "0")[0] == EXIT_USAGE  # one dataset
    assert run(capsys, "match", f"events:{a}", f"events:{b}", "--km", "1", "--days", "0")[0] == EXIT_USAGE
    assert run(capsys, "match", f"a=nosuch:{a}", f"b=events:{b}", "--km", "1", "--days", "0")[0] == EXIT_USAGE
    code, _, err = run(capsys, "match", f"a=events:{tmp_path / 'nope.csv'}", f"b=events:{b}", "--km", "1",
                       "--days", "0")
    assert code == EXIT_PROBLEMS and "nope.csv" in err


# ------------------------------------------------------------------------------------------------------ report


needs_viz = pytest.mark.skipif(any(importlib.util.find_spec(m) is None for m in ("plotly", "jinja2")),
                               reason="reports need the [viz] extra")


@needs_viz
def test_report_writes_the_page_and_says_where(capsys, tmp_path):
    code, out, _ = run(capsys, "report", NERKIN, "-o", str(tmp_path / "out"), "--no-images")
    assert code == EXIT_OK
    page = tmp_path / "out" / "index.html"
    assert f"wrote {page}" in out
    html = page.read_text(encoding="utf-8")
    assert "What they contest" in html and "Nerkin Hand" in html


def test_report_on_an_invalid_casebook_exits_1_and_writes_nothing(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("conflictlab: 1\nsources: {x: {name: X, side: nowhere, kind: media}}\n", encoding="utf-8")
    code, _, err = run(capsys, "report", str(bad), "-o", str(tmp_path / "out"))
    assert code == EXIT_PROBLEMS and "bad.yaml" in err
    assert not (tmp_path / "out" / "index.html").exists()
