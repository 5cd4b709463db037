"""Round trips of casebooks built from tables (not YAML), and the reversible spreadsheet guard.

The bundled and multilingual casebooks, and generated YAML casebooks, are in ``test_casebook_io.py``."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import conflictlab as cl
from conflictlab.io._csvsafe import guard_text, unguard_text


def _same(a: cl.Casebook, b: cl.Casebook) -> None:
    for name, frame in a.tables().items():
        pd.testing.assert_frame_equal(frame, getattr(b, name), check_exact=True, obj=name)


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
