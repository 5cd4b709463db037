"""Each figure on the bundled casebook and on a small synthetic one: what its traces and labels must show."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import conflictlab as cl
from conflictlab import viz
from conflictlab.model.vocab import VERDICTS


# -- palette ---------------------------------------------------------------------------------------------------
def test_palette_covers_every_verdict_with_distinct_colours_and_marks():
    assert set(viz.VERDICT_COLORS) == set(VERDICTS) == set(viz.VERDICT_MARKS)
    assert len(set(viz.VERDICT_COLORS.values())) == len(VERDICTS)
    assert len(set(viz.VERDICT_MARKS.values())) == len(VERDICTS)
    assert viz.PALETTE["contradict"] == viz.VERDICT_COLORS["contradict"]


@pytest.mark.parametrize("name", ["nerkin", "synthetic"])
def test_every_figure_builds_returns_a_figure_and_prints_nothing(name, request, capsys, figures):
    import plotly.graph_objects as go

    figs = figures(request.getfixturevalue(name))
    assert all(isinstance(f, go.Figure) for f in figs.values())
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("name", ["heatmap", "table", "timeline", "map", "ranges", "network"])
def test_caption_defaults_to_the_casebook_citation(nerkin, name, figures):
    fig = figures(nerkin)[name]
    caption = [a.text for a in fig.layout.annotations if a.name == "caption"]
    assert len(caption) == 1 and "Nerkin Hand casebook" in caption[0] and "Epoch Times" in caption[0]


def test_caption_can_be_replaced(nerkin):
    fig = viz.timeline(nerkin, source="Source: my own <notes>")
    caption = next(a.text for a in fig.layout.annotations if a.name == "caption")
    assert caption.endswith("Source: my own &lt;notes&gt;")


# -- heatmap -----------------------------------------------------------------------------------------------------
def cell(fig, incident, row_label, col_label):
    for trace in fig.data:
        if trace.type != "heatmap" or trace.name != incident:
            continue
        if row_label in trace.y and col_label in trace.x:
            i, j = list(trace.y).index(row_label), list(trace.x).index(col_label)
            if not np.isnan(trace.z[i][j]):
                return trace, i, j
    raise AssertionError(f"no cell {row_label} × {col_label}")


def test_heatmap_has_a_contradict_cell_for_the_tovuz_denial(nerkin):
    # Since the source-pack enrichment the defence ministry's Tovuz claim is an incident of its own, no longer a
    # place contradiction with the border service; its contradiction is Armenia's denial (pack NH24-C06).
    v = cl.compare(nerkin, quotes=True)
    fig = viz.verdict_heatmap(v, book=nerkin)
    trace, i, j = cell(fig, "fire-2024-02-12-tovuz", "occurred", "am-mod × az-mod")
    assert trace.text[i][j] == "≠" and VERDICTS[int(trace.z[i][j])] == "contradict"
    row = viz.verdict_at(trace, (i, j))
    assert v.iloc[row][["field", "source_l", "source_r", "verdict"]].astype(str).tolist() == [
        "occurred", "am-mod", "az-mod", "contradict"]
    assert viz.verdict_at(trace, i * len(trace.x) + j) == row  # flat index, as some click events give
    hover = trace.hovertext[i][j]
    assert "denied" in hover and "happened" in hover  # both values
    assert "roughly 250 miles north of Nerkin Hand" in hover  # az-mod's quote
    assert "does not align with reality" in hover.replace("<br>", " ")  # am-mod's quote (wrapped)
    assert "one says it happened, the other denies it" in hover  # the reason


def test_heatmap_legend_names_every_verdict(nerkin):
    fig = viz.verdict_heatmap(cl.compare(nerkin), book=nerkin)
    names = {t.name for t in fig.data if t.type == "scatter"}
    assert names == {f"{viz.VERDICT_MARKS[v]}  {v}" for v in VERDICTS}


def test_heatmap_by_side_shows_the_strongest_verdict(nerkin):
    fig = viz.verdict_heatmap(cl.compare(nerkin, quotes=True), by="side", book=nerkin)
    # no side contradicts itself since the source-pack enrichment: Armenia's four sources agree on 4 killed
    trace, i, j = cell(fig, "fire-2024-02-13", "killed (armenia)", "armenia × armenia")
    assert trace.text[i][j] == viz.VERDICT_MARKS["agree"]
    trace, i, j = cell(fig, "fire-2024-02-12", "occurred", "armenia × azerbaijan")
    assert trace.text[i][j] == "≠"
    trace, i, j = cell(fig, "fire-2024-02-13", "characterization", "armenia × azerbaijan")
    assert trace.text[i][j] == "≠" and "strongest verdict" in trace.hovertext[i][j]


def test_heatmap_one_incident_and_bad_arguments(nerkin):
    v = cl.compare(nerkin)
    fig = viz.verdict_heatmap(v, incident="fire-2024-02-12")
    assert sum(t.type == "heatmap" for t in fig.data) == 1
    with pytest.raises(ValueError, match="by must be"):
        viz.verdict_heatmap(v, by="party")
    with pytest.raises(KeyError, match="verdict table"):
        viz.verdict_heatmap(pd.DataFrame({"x": [1]}))


def test_verdict_at_ignores_empty_cells_and_legend_traces(nerkin):
    fig = viz.verdict_heatmap(cl.compare(nerkin), book=nerkin)
    heat = fig.data[0]
    empty = np.argwhere(np.asarray(heat.customdata) < 0)[0]
    assert viz.verdict_at(heat, tuple(empty)) is None
    assert viz.verdict_at(fig.data[-1], 0) is None


# -- tables ------------------------------------------------------------------------------------------------------
def test_claim_table_lines_up_sources_with_status(nerkin):
    # the defence ministry's Tovuz allegation, an incident of its own since the source-pack enrichment
    fig = viz.claim_table(nerkin, incident="fire-2024-02-12-tovuz")
    table = fig.data[0]
    headers = list(table.header.values)
    assert any("az-mod" in h for h in headers) and not any("ru-peskov" in h for h in headers)
    columns = {h: c for h, c in zip(headers, table.cells.values, strict=True)}
    fields = list(columns["<b>field</b>"])
    place, occurred = fields.index("place"), fields.index("occurred")
    assert columns["<b>status</b>"][place] == "one-sided"
    assert "contested" in columns["<b>status</b>"][occurred]
    az_mod = next(c for h, c in columns.items() if "az-mod" in h)
    assert az_mod[place].startswith("Tovuz District")


def test_claim_table_takes_a_claims_dataframe(synthetic):
    fig = viz.claim_table(synthetic.claim_table())
    assert fig.data[0].type == "table"


def test_style_align_escapes_cells_and_headers(synthetic, evil_quote):
    aligned = cl.align(synthetic, show="quote")
    aligned.columns = aligned.columns.set_levels(["<b>side</b>", *aligned.columns.levels[0][1:]], level=0)
    html = viz.style_align(aligned).to_html()
    assert "<img" not in html and "<b>bold" not in html and "<b>side" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html or "&lt;img src=x onerror=&#34;" in html
    assert evil_quote not in html


# -- timeline ----------------------------------------------------------------------------------------------------
def test_timeline_shows_stated_13_feb_vs_event_12_feb(nerkin):
    fig = viz.timeline(nerkin, incident="fire-2024-02-12")
    az_sbs = [t for t in fig.data if t.y is not None and "az-sbs" in [str(y) for y in t.y]]
    event = next(t for t in az_sbs if t.name.startswith("event"))
    stated = next(t for t in az_sbs if t.name.startswith("statement"))
    assert [pd.Timestamp(x) for x in event.x] == [pd.Timestamp("2024-02-12"), pd.Timestamp("2024-02-13")]
    assert [pd.Timestamp(x) for x in stated.x] == [pd.Timestamp("2024-02-13"), pd.Timestamp("2024-02-14")]
    labels = [a.text for a in fig.layout.annotations]
    assert "event: 12 Feb 2024" in labels
    assert len(fig.layout.shapes) == 1  # the incident window


def test_timeline_stated_interval_spans_whole_days(synthetic):
    fig = viz.timeline(synthetic)
    stated = next(t for t in fig.data if t.name and t.name.startswith("statement") and "b-mod" in list(t.y))
    assert [pd.Timestamp(x) for x in stated.x] == [pd.Timestamp("2024-01-02"), pd.Timestamp("2024-01-04")]


# -- map ---------------------------------------------------------------------------------------------------------
def test_place_map_names_both_places_and_invents_no_coordinates(nerkin, text_of):
    # the defence ministry's Tovuz allegation (an incident of its own since the source-pack enrichment): the
    # district has a gazetteer point, Kokhanabi (pack NH24-C04) has none
    fig = viz.place_map(nerkin, incident="fire-2024-02-12-tovuz")
    assert all(t.type == "scatter" for t in fig.data)  # no geo traces: nothing to fetch from a CDN
    assert "geo" not in fig.to_plotly_json()["layout"] or not fig.layout.geo.to_plotly_json()
    points = [t for t in fig.data if t.mode == "markers+text"]
    assert len(points) == 1 and points[0].text[0] == "<b>Tovuz District</b>"
    assert (points[0].x[0], points[0].y[0]) == (45.62838, 40.99249)
    text = text_of(fig)
    assert "Kokhanabi" in text and "no coordinates" in text
    caption = next(a.text for a in fig.layout.annotations if a.name == "caption")
    assert "Kokhanabi (settlement; Tovuz District, Azerbaijan), claimed by az-mod" in caption
    assert "Natural Earth" in caption
    # the border service's allegation: Nerkin Hand and Kollugishlag, neither with coordinates, listed not drawn
    fig = viz.place_map(nerkin, incident="fire-2024-02-12")
    assert not [t for t in fig.data if t.mode == "markers+text"]
    caption = next(a.text for a in fig.layout.annotations if a.name == "caption")
    assert "Nerkin Hand" in caption and "Kollugishlag" in caption


def test_place_map_draws_the_distance_between_conflicting_places(synthetic):
    fig = viz.place_map(synthetic)
    names = [t.name for t in fig.data if t.mode == "markers+text"]
    assert any(n.startswith("Xville") for n in names) and any(n.startswith("Ytown") for n in names)
    distance = [a.text for a in fig.layout.annotations if a.name == "distance"]
    assert distance == ["<b>169 km</b>"]
    line = next(t for t in fig.data if t.name and t.name.startswith("≠ contradict: Xville – Ytown"))
    assert line.line.color == viz.PALETTE["contradict"]
    caption = next(a.text for a in fig.layout.annotations if a.name == "caption")
    assert "Zed" in caption  # no coordinates, and no outline for its country: listed, not drawn


# -- casualty ranges ---------------------------------------------------------------------------------------------
def test_casualty_ranges_open_end_and_no_overlap(synthetic):
    fig = viz.casualty_ranges(synthetic, field="killed")
    assert any(t.name == "→ open-ended (no upper bound)" for t in fig.data)
    flags = [a.text for a in fig.layout.annotations if "do not overlap" in (a.text or "")]
    assert len(flags) == 1 and "a-mod 2 vs b-mod 10–12" in flags[0] and "a-mod 2 vs un ≥ 4" in flags[0]
    assert len([s for s in fig.layout.shapes if s.type == "rect"]) == 1


def test_casualty_ranges_on_the_bundled_book(nerkin):
    fig = viz.casualty_ranges(nerkin)
    assert any("4" in (t.text or [""])[0] for t in fig.data if t.mode == "text")
    assert not [a for a in fig.layout.annotations if "do not overlap" in (a.text or "")]
    with pytest.raises(ValueError, match="not a count field"):
        viz.casualty_ranges(nerkin, field="place")


# -- network -----------------------------------------------------------------------------------------------------
def test_claim_network_nodes_and_relations(nerkin):
    fig = viz.claim_network(nerkin)
    nodes = [t for t in fig.data if t.mode == "markers+text"]
    assert sum(len(t.x) for t in nodes) == len(nerkin.sources) + len(nerkin.incidents)
    kinds = [t.name for t in fig.data if t.mode == "lines"]
    # the article's 2 denials and 1 confirmation, and the source pack's relations (NH24-C03, C06, C14 deny;
    # C07, C13 confirm; 3 contradict; 1 'consistent_with' as partially-confirms); 'supersedes' stays within a
    # source and draws no arc
    assert kinds.count("denies") == 5 and kinds.count("confirms") == 3 and "claimed-cause-of" in kinds
    assert kinds.count("contradicts") == 3 and kinds.count("partially-confirms") == 1 and "supersedes" not in kinds
    denies = next(t for t in fig.data if t.name == "denies")
    assert denies.line.dash == "dash" and denies.line.color == viz.PALETTE["contradict"]
    assert "on the arc" in next(a.text for a in fig.layout.annotations if a.name == "caption")


def test_claim_network_is_deterministic(nerkin):
    a, b = viz.claim_network(nerkin).to_json(), viz.claim_network(nerkin).to_json()
    assert a == b


def test_figures_of_an_empty_casebook_build():
    empty = cl.Casebook()
    for make in (viz.claim_table, viz.timeline, viz.place_map, viz.casualty_ranges, viz.claim_network):
        assert make(empty).layout.height > 0
    assert viz.verdict_heatmap(cl.compare(cl.datasets.load("nerkin-hand-2024")).iloc[0:0]).layout.height > 0
