"""A malformed casebook gets one clear error each, naming the file, the line and the field; nothing is run."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import conflictlab as cl

VALID = """\
conflictlab: 1
title: small
parties:
  a: {name: A}
  b: {name: B}
sources:
  a-mod: {name: A ministry, side: a, kind: ministry}
  b-mod: {name: B ministry, side: b, kind: ministry}
documents:
  d1: {publisher: Wire, title: Report, published: 2024-01-01}
places:
  x: {name: X, level: settlement, country: A}
incidents:
  i1: {title: Fire, date: 2024-01-01, place: x}
statements:
  - id: s1
    incident: i1
    source: a-mod
    document: d1
    stated: 2024-01-01
    quote: They fired.
    quote_kind: direct
    says:
      killed: {a: 4}
      place: x
  - id: s2
    incident: i1
    source: b-mod
    document: d1
    stated: 2024-01-01
    quote: We did not.
    quote_kind: direct
    says:
      occurred: false
"""


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _problems(tmp_path, text: str, name: str = "case.yaml", raw: bytes | None = None):
    path = tmp_path / name
    path.write_bytes(raw if raw is not None else text.encode("utf-8"))
    with pytest.raises(cl.CasebookError) as err:
        cl.read_casebook(path)
    return path, err.value.problems


def test_the_fixture_is_valid(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(VALID, encoding="utf-8")
    assert len(cl.read_casebook(path).claims) == 3


CASES = [
    # (what, replace this, with this, field named, words in the message, line containing)
    ("missing source", "source: b-mod", "source: b-mdo", "source", "unknown source 'b-mdo'", "source: b-mdo"),
    ("low > high", "killed: {a: 4}", "killed: {a: {low: 5, high: 3}}", "killed.a", "low 5 > high 3", "killed:"),
    ("latitude 123", "x: {name: X, level: settlement, country: A}",
     "x: {name: X, level: settlement, country: A, lat: 123, lon: 40, coord_source: GeoNames 1}", "lat",
     "latitude 123.0 is outside -90..90", "x: {name: X"),
    ("unknown field", "      place: x", "      plaice: x", "plaice", "unknown field", "plaice: x"),
    ("unknown party in side", "side: b, kind", "side: c, kind", "side", "unknown side", "b-mod: {name"),
    ("unknown top-level key", "title: small", "titel: small", "titel", "unknown top-level key", "titel"),
    ("vague count not understood", "killed: {a: 4}", "killed: {a: lots and lots}", "killed.a",
     "cannot read 'lots and lots' as a count", "killed:"),
    ("cause of unknown incident", "      occurred: false", "      cause: i9", "cause_incident_id",
     "unknown incident 'i9'", "cause: i9"),
    ("date reversed", "stated: 2024-01-01\n    quote: They", "stated: 2024-01-03/2024-01-01\n    quote: They",
     "stated", "ends before it starts", "2024-01-03/2024-01-01"),
    ("missing quote", "    quote: They fired.\n", "", "quote", "missing", "- id: s1"),
]


@pytest.mark.parametrize(("what", "old", "new", "field", "message", "line_with"), CASES, ids=[c[0] for c in CASES])
def test_one_clear_error_each(tmp_path, what, old, new, field, message, line_with):
    assert old in VALID, what
    text = VALID.replace(old, new, 1)
    path, problems = _problems(tmp_path, text)
    assert len(problems) == 1, [str(p) for p in problems]
    (p,) = problems
    assert p.file == str(path)
    assert p.field == field
    assert message in p.message
    assert p.line == _line_of(text, line_with), str(p)


def test_bad_yaml_syntax_names_the_line(tmp_path):
    text = VALID.replace("title: small", "title: [unclosed")
    _, problems = _problems(tmp_path, text)
    assert len(problems) == 1 and "YAML syntax error" in problems[0].message
    assert problems[0].line is not None and problems[0].line >= _line_of(text, "[unclosed")


def test_duplicate_ids_are_reported(tmp_path):
    text = VALID.replace("  b-mod: {name: B ministry", "  a-mod: {name: B ministry")
    _, problems = _problems(tmp_path, text)
    assert [p.message for p in problems] == ["duplicate key 'a-mod'"]
    assert problems[0].line == _line_of(text, "a-mod: {name: B ministry")


def test_not_utf8_names_the_line_of_the_bad_byte(tmp_path):
    raw = VALID.replace("They fired.", "They fired \xe9.").encode("latin-1")
    _, problems = _problems(tmp_path, "", raw=raw)
    assert problems[0].line == _line_of(VALID, "They fired.") and "not UTF-8" in problems[0].message


def test_python_objects_are_refused_not_built(tmp_path):
    text = VALID.replace("title: small", "title: !!python/object/apply:os.system ['echo pwned']")
    _, problems = _problems(tmp_path, text)
    assert "YAML" in problems[0].message


def test_all_problems_at_once_and_warn_mode_keeps_the_valid_records(tmp_path):
    text = VALID.replace("source: b-mod", "source: b-mdo").replace("killed: {a: 4}", "killed: {a: {low: 5, high: 3}}")
    path, problems = _problems(tmp_path, text)
    assert len(problems) == 2
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        book = cl.read_casebook(path, errors="warn")
    assert any(issubclass(w.category, cl.CasebookWarning) for w in caught)
    assert book.claims["claim_id"].tolist() == ["s1/place"]  # the valid claim of s1 is kept


def test_a_bad_cell_in_a_csv_table_names_file_line_and_column(tmp_path):
    book = cl.datasets.load("nerkin-hand-2024")
    folder = cl.write_casebook(book, tmp_path / "tables", format="csv")
    table = pd.read_csv(folder / "claims.csv", dtype=str, keep_default_na=False)
    table.loc[2, "stated_from"] = "2024-13-45"  # data row 3 is line 4 of the file
    table.to_csv(folder / "claims.csv", index=False)
    with pytest.raises(cl.CasebookError) as err:
        cl.read_casebook(folder)
    (p,) = err.value.problems
    assert p.file.endswith("claims.csv") and p.line == 4 and p.field == "stated_from"


def test_comparison_settings_are_checked_on_reading(tmp_path):
    text = VALID.replace("title: small", "title: small\ncomparison:\n  means: {disjoint: sometimes}")
    _, problems = _problems(tmp_path, text)
    assert len(problems) == 1
    assert problems[0].line == _line_of(text, "comparison:") and problems[0].field == "comparison"
    assert "comparison.means" in problems[0].message and "disjoint" in problems[0].message
    text = VALID.replace("title: small", "title: small\ncomparison:\n  weather: {disjoint: contradict}")
    _, problems = _problems(tmp_path, text)
    assert "no field or field kind 'weather'" in problems[0].message


def test_comparison_settings_round_trip_and_are_used(tmp_path):
    book = cl.datasets.load("al-ahli-hospital-2023-10")
    for fmt, target in (("yaml", tmp_path / "copy.yaml"), ("csv", tmp_path / "tables")):
        again = cl.read_casebook(cl.write_casebook(book, target, format=fmt))
        assert again.meta["comparison"] == {"means": {"disjoint": "contradict"}}, fmt
        assert cl.compare(again).equals(cl.compare(book)), fmt
