"""Lossless round trips of casebooks through YAML, CSV and Parquet, with Armenian, Azerbaijani and Cyrillic text."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import conflictlab as cl
from conflictlab.io._csvsafe import guard_text, unguard_text


def _same(a: cl.Casebook, b: cl.Casebook) -> None:
    for name, frame in a.tables().items():
        pd.testing.assert_frame_equal(frame, getattr(b, name), check_exact=True, obj=name)


@pytest.mark.parametrize("fmt", ["yaml", "csv", "parquet"])
def test_bundled_casebook_round_trips(tmp_path, fmt):
    book = cl.datasets.load("nerkin-hand-2024")
    target = tmp_path / ("copy.yaml" if fmt == "yaml" else "tables")
    _same(book, cl.read_casebook(cl.write_casebook(book, target, format=fmt)))


MULTILINGUAL = """\
conflictlab: 1
title: "Ներքին Հանդ / Nerkin Hand / Неркин Ханд"
parties:
  armenia: {name: Հայաստան}
  azerbaijan: {name: Azərbaycan}
sources:
  am: {name: ՀՀ պաշտպանության նախարարություն, side: armenia, kind: ministry}
  az: {name: Azərbaycan Dövlət Sərhəd Xidməti, side: azerbaijan, kind: border-service}
  ru: {name: "Дмитрий Песков", side: third-party, kind: spokesperson, note: "=SUM(A1) — «кавычки»"}
documents:
  d: {publisher: Арменпресс, title: "«Ներքին Հանդ» — Qazax, Şəki, Tovuz", published: 2024-02-13, language: hy}
places:
  nh: {name: Ներքին Հանդ, level: settlement, aliases: [Nerkin Hand, Неркин Ханд], admin1: Սյունիք, country: Armenia}
  tv: {name: Tovuz rayonu, level: admin1, country: Azərbaycan}
incidents:
  i: {title: "Атака / Հարձակում", date: 2024-02-13, place: nh}
statements:
  - {id: s1, incident: i, source: am, document: d, stated: 2024-02-13, quote: "Չորս զինծառայող զոհվեց։",
     quote_kind: translation, says: {killed: {armenia: 4}, place: nh}}
  - {id: s2, incident: i, source: az, document: d, stated: 2024-02-13/2024-02-14, stated_basis: "sonra",
     quote: "Əməliyyat nəticəsində post məhv edildi.", quote_kind: translation,
     says: {place: {place: tv, detail: "Şəki-Qazax"}, characterization: {label: "Qisas əməliyyatı", blame: armenia}}}
  - {id: s3, incident: i, source: ru, document: d, stated: 2024-02-13, quote: "-Призываем к сдержанности",
     quote_kind: direct, says: {characterization: {label: "'призыв к сдержанности", blame: none}}}
"""


@pytest.mark.parametrize("fmt", ["yaml", "csv", "parquet"])
def test_armenian_azerbaijani_and_cyrillic_text_round_trips(tmp_path, fmt):
    path = tmp_path / "multi.yaml"
    path.write_text(MULTILINGUAL, encoding="utf-8")
    book = cl.read_casebook(path)
    assert book.places.set_index("place_id").loc["nh", "name"] == "Ներքին Հանդ"
    target = tmp_path / ("copy.yaml" if fmt == "yaml" else "tables")
    again = cl.read_casebook(cl.write_casebook(book, target, format=fmt))
    _same(book, again)
    if fmt == "csv":  # the formula-looking cells are guarded in the file, and restored on reading
        text = (target / "sources.csv").read_text(encoding="utf-8")
        assert "'=SUM(A1)" in text


text_values = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s.strip() == s and s.strip())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(text_values, min_size=2, max_size=4, unique=True), quote=text_values,
       count=st.integers(0, 500), high=st.none() | st.integers(500, 900))
def test_generated_casebooks_round_trip(tmp_path, names, quote, count, high):
    claims = pd.DataFrame({
        "claim_id": [f"s{i}/killed/a" for i in range(len(names))], "statement_id": [f"s{i}" for i in range(len(names))],
        "incident_id": "i", "source_id": [f"src{i}" for i in range(len(names))], "document_id": "d",
        "field": "killed", "party": "a", "value": "v", "count_low": count, "count_high": high,
        "stated_from": pd.Timestamp("2024-01-01"), "stated_to": pd.Timestamp("2024-01-02"),
        "stated_basis": "b", "quote": quote, "quote_kind": "direct", "note": names,
    })
    claims["value"] = [cl.model.values.count_text(count, high, None)] * len(names)
    book = cl.Casebook.from_tables({
        "parties": pd.DataFrame({"party_id": ["a"], "name": [names[0]]}),
        "sources": pd.DataFrame({"source_id": [f"src{i}" for i in range(len(names))], "name": names,
                                 "side": "a", "kind": "media"}),
        "documents": pd.DataFrame({"document_id": ["d"], "publisher": [names[-1]], "title": [quote]}),
        "incidents": pd.DataFrame({"incident_id": ["i"], "title": [names[0]]}),
        "claims": claims,
    })
    assert cl.validate(book) == []
    for fmt in ("yaml", "csv"):
        target = tmp_path / f"gen-{fmt}" / ("b.yaml" if fmt == "yaml" else "t")
        target.parent.mkdir(exist_ok=True)
        _same(book, cl.read_casebook(cl.write_casebook(book, target, format=fmt)))


@given(st.text())
def test_spreadsheet_guard_is_reversible(text):
    assert unguard_text(guard_text(text)) == text
    assert not guard_text(text).startswith(("=", "+", "-", "@", "\t", "\r"))
