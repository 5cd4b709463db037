"""Fixtures for the figure tests: the bundled casebook and a small synthetic one with hostile text."""

from __future__ import annotations

import numpy as np
import pytest

import conflictlab as cl

pytest.importorskip("plotly", reason='the figures need plotly: pip install "conflictlab[viz]"')

EVIL_SOURCE = "Ministry <script>alert('src')</script> of B"
EVIL_QUOTE = 'We saw <img src=x onerror="alert(1)"> and <b>bold</b> claims & more.'

SYNTHETIC = """
conflictlab: 1
title: Synthetic <i>test</i> book
citation: Test citation <script>alert('cite')</script>, 2026.
parties: {a: {name: Aland}, b: {name: Bland}}
sources:
  a-mod: {name: A defence ministry, side: a, kind: ministry}
  b-mod: {name: "EVIL_SOURCE", side: b, kind: ministry}
  un: {name: UN mission, side: third-party, kind: international-organisation}
documents:
  d1: {publisher: Wire, title: Day one, published: 2024-01-02}
places:
  x: {name: Xville, level: settlement, country: Aland, lat: 40.0, lon: 45.0, coord_source: test gazetteer 1}
  y: {name: Ytown, level: settlement, country: Bland, lat: 41.0, lon: 46.5, coord_source: test gazetteer 2}
  z: {name: Zed, level: settlement, country: Aland}
incidents:
  i1: {title: Shelling of Xville, date: 2024-01-01, place: x}
statements:
  - id: s1
    incident: i1
    source: a-mod
    document: d1
    stated: 2024-01-02
    quote: 'EVIL_QUOTE'
    quote_kind: direct
    says: {occurred: true, date: 2024-01-01, place: x, killed: {a: 2}}
  - id: s2
    incident: i1
    source: b-mod
    document: d1
    stated: 2024-01-02/2024-01-03
    stated_basis: undated
    quote: Nothing happened at Ytown on the second.
    quote_kind: reported
    says: {occurred: false, date: 2024-01-02, place: y, killed: {a: {low: 10, high: 12}}}
  - id: s3
    incident: i1
    source: un
    document: d1
    stated: 2024-01-03
    quote: At least four died near Zed.
    quote_kind: reported
    says: {place: z, killed: {a: at least 4}}
relations:
  - {claim: s2, relation: denies, other: s1}
  - {claim: s3, relation: confirms, other: s1}
""".replace("EVIL_SOURCE", EVIL_SOURCE).replace("EVIL_QUOTE", EVIL_QUOTE.replace("'", "''"))


@pytest.fixture(scope="session")
def nerkin():
    return cl.datasets.load("nerkin-hand-2024")


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory):
    path = tmp_path_factory.mktemp("book") / "synthetic.yaml"
    path.write_text(SYNTHETIC, encoding="utf-8")
    return cl.read_casebook(path)


def strings(obj):
    """Every string inside a figure's dict (data and layout)."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from strings(v)
    elif isinstance(obj, (list, tuple, np.ndarray)):
        for v in obj:
            yield from strings(v)


def _text_of(fig) -> str:
    d = fig.to_dict()
    d["layout"].pop("template", None)
    return "\n".join(strings(d))


def _all_figures(book):
    from conflictlab import viz

    v = cl.compare(book, quotes=True)
    return {
        "heatmap": viz.verdict_heatmap(v, book=book),
        "heatmap-sides": viz.verdict_heatmap(v, by="side", book=book),
        "table": viz.claim_table(book),
        "timeline": viz.timeline(book),
        "map": viz.place_map(book),
        "ranges": viz.casualty_ranges(book),
        "network": viz.claim_network(book),
    }


@pytest.fixture(scope="session")
def figures():
    """A function: casebook -> every figure by name."""
    from conflictlab import viz  # noqa: F401  (after the plotly check above)

    return _all_figures


@pytest.fixture(scope="session")
def text_of():
    """A function: figure -> every string of its data and layout (not the template), joined."""
    return _text_of


@pytest.fixture(scope="session")
def evil_quote():
    return EVIL_QUOTE
