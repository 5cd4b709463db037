"""Text from a casebook never becomes markup: one helper escapes it, and every figure uses it."""

from __future__ import annotations

import pytest

from conflictlab import viz
from conflictlab.viz._style import esc, esc_wrap


@pytest.mark.parametrize(("raw", "shown"), [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ('<img src=x onerror="alert(1)">', "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;"),
    ("<b>bold</b> & <br>", "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;br&gt;"),
    ("it's", "it&#39;s"),
    ("&lt; already", "&amp;lt; already"),
    ("%{x} template", "%{x} template"),
    (None, ""),
    (float("nan"), ""),
    (4, "4"),
])
def test_esc(raw, shown):
    assert esc(raw) == shown


def test_esc_wrap_never_cuts_an_entity():
    wrapped = esc_wrap("<<<<<<<<<<", width=3)
    assert wrapped == "&lt;&lt;&lt;<br>&lt;&lt;&lt;<br>&lt;&lt;&lt;<br>&lt;"
    assert esc_wrap("one two three four", width=5, max_lines=2) == "one<br>two …"


def test_esc_is_exported():
    assert viz.esc is esc


@pytest.mark.parametrize("name", ["heatmap", "heatmap-sides", "table", "timeline", "map", "ranges", "network"])
def test_no_figure_carries_raw_markup_from_the_casebook(synthetic, name, figures, text_of):
    text = text_of(figures(synthetic)[name])
    for raw in ("<script", "<img", "<i>test</i>", "<b>bold</b>"):
        assert raw not in text, raw
    assert "&lt;script&gt;" in text  # the hostile source name or citation is there, as text


def test_hover_shows_the_hostile_quote_as_text(synthetic, text_of):
    import conflictlab as cl

    fig = viz.verdict_heatmap(cl.compare(synthetic, quotes=True), book=synthetic)
    hovers = "\n".join(h for t in fig.data if t.type == "heatmap" for row in t.hovertext for h in row)
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; and &lt;b&gt;bold&lt;/b&gt; claims &amp; more." in hovers
    assert "Ministry &lt;script&gt;alert(&#39;src&#39;)&lt;/script&gt; of B" in text_of(viz.claim_network(synthetic))
