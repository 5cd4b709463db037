"""UCDP GED reader: both layouts on the real slices, quirks as warnings, bad input located by file/line/field."""

from __future__ import annotations

import csv
import io
import warnings

import pytest

from conflictlab import CasebookError
from conflictlab.io.ucdp import GED_LAYOUT_49, read_ucdp_ged
from conflictlab.model.events import EVENT_SCHEMAS, EventDataWarning, original_columns

SAMPLE = "ucdp_ged_uncertainUCDP_sample/ucdpged_sample_1000.csv"


def _read(path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EventDataWarning)
        return read_ucdp_ged(path, **kw)


@pytest.mark.parametrize("file, rows, n_orig", [
    (SAMPLE, 1000, 49),
    ("ucdp_ged_netify/mexico.csv", 18957, 49),
    ("ucdp_ged_syria_data4ds4da/ucdp_syria_df.csv", 16566, 41),
])
def test_reads_both_layouts(data_dir, file, rows, n_orig):
    ev = _read(data_dir / file)
    assert len(ev) == rows
    model = [c.name for c in EVENT_SCHEMAS["events"]]
    assert ev.columns[: len(model)].tolist() == model
    assert original_columns(ev).shape[1] == n_orig
    assert ev["event_id"].is_unique and ev["date"].dtype == "datetime64[s]"
    assert (ev["end_date"] >= ev["date"]).all()
    assert ev["location_precision"].notna().all() and ev["date_precision"].notna().all()
    assert (ev["dataset"] == "ucdp-ged").all()


def test_sample_values_and_mappings(data_dir):
    ev = _read(data_dir / SAMPLE).set_index("event_id")
    row = ev.loc["300380"]  # first row of the file: Syria, where_prec 1, date_prec 1
    assert (row["country"], row["location_precision"], row["date_precision"]) == ("Syria", "settlement", "day")
    assert (row["deaths_b"], row["fatalities_best"], row["orig_relid"]) == (2, 2, "SYR-2013-1-11973-99")
    one_sided = ev[ev["event_type"] == "one-sided"]
    assert len(one_sided) == 160
    assert (one_sided["perpetrator"] == one_sided["actor1"]).all()
    assert ev.loc[ev["event_type"] != "one-sided", "perpetrator"].isna().all()
    assert set(GED_LAYOUT_49) <= set(original_columns(ev).columns)


def test_low_best_high_quirk_is_a_warning_with_lines(data_dir):
    with pytest.warns(EventDataWarning, match="low <= best <= high") as rec:
        ev = read_ucdp_ged(data_dir / SAMPLE)
    assert len(ev) == 1000  # kept as published
    problems = rec[0].message.problems
    assert len(problems) == 13
    first = problems[0]
    assert first.file.endswith("ucdpged_sample_1000.csv") and first.line == 8 and first.field == "best"
    assert "event '236880'" in str(first) and "low 3, best 2, high 3" in str(first)


def _edit_cells(data_dir, tmp_path, n, change):
    """Copy the first n records of the sample, letting ``change(rows)`` edit the parsed rows (header first)."""
    rows = list(csv.reader(io.StringIO((data_dir / SAMPLE).read_text(encoding="utf-8"))))[: n + 1]
    rows = change(rows) or rows
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    p = tmp_path / "ged_copy.csv"
    p.write_text(out.getvalue(), encoding="utf-8")
    return p


def _set(rows, record, column, value):
    rows[record + 1][rows[0].index(column)] = value


def test_missing_column_names_file_line_and_field(data_dir, tmp_path):
    def drop_date_start(rows):
        i = rows[0].index("date_start")
        return [r[:i] + r[i + 1:] for r in rows]

    p = _edit_cells(data_dir, tmp_path, 20, drop_date_start)
    with pytest.raises(CasebookError) as err:
        read_ucdp_ged(p)
    text = str(err.value)
    assert f"{p}:1:" in text and "field 'date_start'" in text and "missing" in text


def test_bad_date_raises_then_warn_keeps_valid_rows(data_dir, tmp_path):
    p = _edit_cells(data_dir, tmp_path, 10, lambda rows: _set(rows, 2, "date_start", "2013-13-45"))
    bad_id = p.read_text().splitlines()[3].split(",")[0]
    with pytest.raises(CasebookError) as err, warnings.catch_warnings():
        warnings.simplefilter("ignore", EventDataWarning)
        read_ucdp_ged(p)
    (problem,) = err.value.problems
    assert (problem.line, problem.field) == (4, "date_start")
    assert f"event {bad_id!r}" in str(problem) and "not a date" in str(problem)
    with pytest.warns(EventDataWarning) as rec:
        ev = read_ucdp_ged(p, errors="warn")
    assert any("left out" in str(w.message) and "2013-13-45" in str(w.message) for w in rec)
    assert len(ev) == 9 and bad_id not in set(ev["event_id"])


def test_bad_number_leaves_the_cell_empty_under_warn(data_dir, tmp_path):
    p = _edit_cells(data_dir, tmp_path, 5, lambda rows: _set(rows, 1, "best", "many"))
    with pytest.raises(CasebookError, match=r":3: event '\d+': field 'best': not a whole number: 'many'"):
        read_ucdp_ged(p)
    with pytest.warns(EventDataWarning):
        ev = read_ucdp_ged(p, errors="warn")
    assert len(ev) == 5 and ev["fatalities_best"].isna().sum() == 1


def test_wrong_encoding_names_line_and_field(data_dir, tmp_path):
    lines = (data_dir / SAMPLE).read_text(encoding="utf-8").splitlines(keepends=True)[:6]
    lines[5] = lines[5].replace("Syria", "Syrïa", 1)
    p = tmp_path / "latin1.csv"
    p.write_bytes("".join(lines).encode("latin-1"))
    with pytest.raises(CasebookError) as err:
        read_ucdp_ged(p)
    (problem,) = err.value.problems
    assert problem.file == str(p) and problem.line == 6 and problem.field is not None
    assert "not valid utf-8" in str(problem) and "encoding=" in str(problem)
    assert len(_read(p, encoding="latin-1")) == 5


@pytest.mark.parametrize("engine", ["pandas", "duckdb"])
def test_engines_agree(data_dir, engine):
    if engine == "duckdb":
        pytest.importorskip("duckdb")
    a, b = _read(data_dir / SAMPLE), _read(data_dir / SAMPLE, engine=engine)
    assert a.drop(columns=[c for c in a if c.startswith("orig_")]).equals(
        b.drop(columns=[c for c in b if c.startswith("orig_")]))


def test_source_articles_split_into_one_row_per_source(shared_dir):
    from conflictlab.io import read_ucdp_ged, ucdp_sources

    with pytest.warns(EventDataWarning):
        events = read_ucdp_ged(shared_dir / "data/ucdp_ged_uncertainUCDP_sample/ucdpged_sample_1000.csv")
    sources = ucdp_sources(events)
    per_event = sources.groupby("event_id").size()
    assert per_event.max() > 1 and per_event.size > 900
    # the outlets agree with GED's own list of offices where both are given
    first = sources[sources["position"] == 0].set_index("event_id")["outlet"]
    offices = events.set_index("event_id")["source_name"].str.split(";").str[0].str.strip()
    both = first.index.intersection(offices.dropna().index)
    assert (first[both] == offices[both]).mean() > 0.8
    # every item that carries an ISO date gets it; free-text dates ("6 May 2012") are left in the text
    iso = sources["raw"].str.contains(r"\d{4}-\d{2}-\d{2}", regex=True)
    assert sources.loc[iso, "published"].notna().all()
    assert not sources["raw"].str.fullmatch(r"\W*").any()
