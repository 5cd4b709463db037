"""Highlighting escapes every text and splits overlapping evidence."""

import pandas as pd

from conflictlab.extract import highlight_html


def test_every_text_is_escaped():
    text = 'The <script>alert("x")</script> post & “its” soldiers'
    c = pd.DataFrame({"candidate_id": ["c1"], "field": ["killed"], "party": ['<img src=x onerror="y">'],
                      "value": ['4" onmouseover="z'], "start": [4], "end": [12]})
    out = highlight_html(text, c)
    assert "<script>" not in out and "<img" not in out and 'onmouseover="z' not in out
    assert "&lt;script&gt;" in out and "&amp;" in out
    assert 'title="c1: killed &lt;img src=x onerror=&quot;y&quot;&gt; = 4&quot; onmouseover=&quot;z"' in out


def test_overlapping_candidates_are_split_into_segments_and_coloured_by_decision():
    text = "fire by Azerbaijani forces"
    c = pd.DataFrame({"candidate_id": ["c1", "c2"], "field": ["occurred", "perpetrator"], "party": [None, None],
                      "value": ["true", "azerbaijan"], "start": [0, 0], "end": [4, 26]})
    out = highlight_html(text, c, status={"c1": "accept", "c2": "reject"})
    assert '<mark data-candidates="c1 c2"' in out and ">fire</mark>" in out
    assert '<mark data-candidates="c2"' in out and "line-through" in out and "#b7e4c7" in out
    assert out.count("<mark") == 2
