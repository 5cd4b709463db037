"""The candidate table: documented columns and dtypes, exact spans, ids, values writable in a casebook."""

import pandas as pd
import pytest

from conflictlab.extract import CANDIDATE_COLUMNS, describe_candidates, propose_claims, says_value
from conflictlab.model.values import parse_value
from conflictlab.model.vocab import FIELDS



def _check_table(c: pd.DataFrame, text: str) -> None:
    assert list(c.columns) == [name for name, _, _ in CANDIDATE_COLUMNS]
    assert {k: str(v) for k, v in c.dtypes.items()} == {name: dtype for name, dtype, _ in CANDIDATE_COLUMNS}
    assert c["candidate_id"].tolist() == [f"c{i}" for i in range(1, len(c) + 1)]
    assert c["start"].is_monotonic_increasing
    assert set(c["field"]) <= set(FIELDS)
    for r in c.itertuples():
        assert text[r.start:r.end] == r.evidence
        assert text[r.sentence_start:r.sentence_end] == r.sentence
        assert r.sentence_start <= r.start < r.end <= r.sentence_end
        if not pd.isna(r.party):  # a party only on per-party fields
            assert FIELDS[r.field].per_party, r


def test_schema_spans_and_ids_on_every_casebook_quote(propose, quotes):
    for quote in quotes.values():
        _check_table(propose(quote), quote)


def test_schema_of_the_whole_text_of_the_casebook_quotes(propose, quotes):
    text = "\n\n".join(dict.fromkeys(quotes.values()))
    c = propose(text)
    _check_table(c, text)
    assert len(c) > 20
    assert c["rule"].notna().all() and c["value"].notna().all()


def test_empty_text_gives_the_empty_table_with_its_dtypes(propose):
    c = propose("")
    assert len(c) == 0
    assert {k: str(v) for k, v in c.dtypes.items()} == {name: dtype for name, dtype, _ in CANDIDATE_COLUMNS}
    assert describe_candidates()["column"].tolist() == list(c.columns)


def test_text_must_be_a_string():
    with pytest.raises(TypeError):
        propose_claims(None)


def test_every_proposed_value_parses_as_its_field(propose, quotes):
    """Values are in the casebook's 'says' syntax: the model's own parsers read them (places become ids)."""
    text = "\n\n".join(dict.fromkeys(quotes.values()))
    for r in propose(text).itertuples():
        blame = r.blame if r.blame == r.blame else "none"
        value = says_value(r.field, r.value, blame=blame)
        assert parse_value(r.field, value)


def test_the_seed_article_whole(propose, shared_dir):
    files = sorted((shared_dir / "seed").glob("*.txt"))
    if not files:
        pytest.skip("no seed article")
    text = files[0].read_text(encoding="utf-8")
    c = propose(text)
    _check_table(c, text)
    got = set(zip(c["field"], c["party"].fillna(""), c["value"], strict=True))
    assert {("killed", "armenia", "4"), ("injured", "armenia", "several"), ("injured", "azerbaijan", "1"),
            ("place", "", "Nerkin Hand"), ("place", "", "Tovuz District"), ("date", "", "2024-02-12"),
            ("occurred", "", "false"), ("characterization", "", "retaliatory operation")} <= got
