"""The palette, the escaping of data text, and the layout every figure shares (caption below the plot).

Plotly renders a subset of HTML in every text it draws (titles, tick labels, hover, annotations, table
cells): ``<b>``, ``<br>``, ``<a href>``, ``<span style>``. Text that comes from a casebook therefore goes through
:func:`esc` (or :func:`esc_wrap`) before it reaches a figure, so a quote such as ``<script>`` or
``<img onerror=...>`` shows as text. Markup the figures add themselves (``<b>``, ``<br>``) is written around
already-escaped text.

Examples
--------
>>> esc('<img src=x onerror="alert(1)">')
'&lt;img src=x onerror=&#34;alert(1)&#34;&gt;'
>>> esc(None), esc(float("nan")), esc(4)
('', '', '4')
>>> esc_wrap("a <b> c", width=3)
'a<br>&lt;b&gt;<br>c'
"""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd

from ..model.vocab import THIRD_PARTY, VERDICTS

__all__ = [
    "PALETTE",
    "VERDICT_COLORS",
    "VERDICT_TEXT_COLORS",
    "VERDICT_MARKS",
    "RELATION_STYLES",
    "FONT_FAMILY",
    "esc",
    "esc_wrap",
    "side_colors",
]

#: Colour-blind safe colours (Okabe & Ito 2008, "Color Universal Design"), by role. Verdicts use an ordinal
#: blue scale for agreement (dark blue: agree, sky blue: compatible), vermillion for contradiction (the one
#: hue that stands apart for every common colour-vision deficiency) and light grey for silence; sides use
#: the remaining Okabe-Ito hues. Every figure also *labels* verdicts (cell marks, legend entries, text), so
#: no meaning is carried by colour alone.
PALETTE: dict[str, str] = {
    "agree": "#0072B2",  # Okabe-Ito blue
    "compatible": "#56B4E9",  # Okabe-Ito sky blue
    "contradict": "#D55E00",  # Okabe-Ito vermillion
    "silent": "#DDDDDD",  # light grey
    "ink": "#222222",  # text and outlines
    "muted": "#6B6B6B",  # secondary text, captions
    "grid": "#E6E6E6",
    "land": "#F2F2F0",
    "border": "#A8A8A8",
    "stated": "#9A9A9A",  # when a statement was made (timeline)
    "event": "#222222",  # when the event is claimed to have happened (timeline)
    "side-1": "#009E73",  # Okabe-Ito bluish green: first party of the casebook
    "side-2": "#CC79A7",  # Okabe-Ito reddish purple: second party
    "side-3": "#E69F00",  # Okabe-Ito orange
    "side-4": "#F0E442",  # Okabe-Ito yellow
    THIRD_PARTY: "#6B6B6B",  # third parties: dark grey
}

VERDICT_COLORS: dict[str, str] = {v: PALETTE[v] for v in VERDICTS}
"""Fill colour per verdict (``agree``, ``compatible``, ``contradict``, ``silent``)."""

VERDICT_TEXT_COLORS: dict[str, str] = {"agree": "#FFFFFF", "compatible": "#111111", "contradict": "#FFFFFF",
                                       "silent": "#444444"}
"""Text colour that reads on each verdict's fill (contrast ≥ 4.5:1)."""

VERDICT_MARKS: dict[str, str] = {"agree": "=", "compatible": "≈", "contradict": "≠", "silent": "·"}
"""The mark drawn in each heatmap cell and shown in the legend, so verdicts read without colour."""

RELATION_STYLES: dict[str, dict[str, Any]] = {
    "denies": {"color": PALETTE["contradict"], "dash": "dash", "width": 2.2},
    "confirms": {"color": PALETTE["agree"], "dash": "solid", "width": 2.2},
    "responds-to": {"color": PALETTE["muted"], "dash": "dot", "width": 1.8},
    "supersedes": {"color": PALETTE["muted"], "dash": "dashdot", "width": 1.8},
    "claimed-cause-of": {"color": PALETTE["ink"], "dash": "longdash", "width": 1.8},
}
"""Line style per relation (claim network): colour, dash and width, each relation also labelled in words."""

FONT_FAMILY = "Arial, 'Liberation Sans', 'DejaVu Sans', Helvetica, sans-serif"
FONT_SIZE = 12
CAPTION_SIZE = 10.5
_CAPTION_LINE_PX = 14


# plotly.js decodes only a few named entities (&amp; &lt; &gt; ...) but every decimal one: quotes go decimal
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def esc(value: Any) -> str:
    """Return ``value`` as text that plotly (and a browser) shows literally: HTML-escaped, '' for missing.

    The only function through which casebook text reaches a figure.
    """
    if _missing(value):
        return ""
    return str(value).translate(_ENTITIES)


def esc_wrap(value: Any, width: int = 80, max_lines: int | None = None) -> str:
    """Escape ``value`` and wrap it at ``width`` characters with ``<br>`` (wrapping the raw text first, so an
    entity is never cut); with ``max_lines``, cut with an ellipsis."""
    if _missing(value):
        return ""
    lines = textwrap.wrap(str(value), width=width, break_long_words=True, break_on_hyphens=False) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = [*lines[:max_lines], "…"] if max_lines > 0 else ["…"]
        lines[-2:] = [lines[-2] + " …"] if max_lines > 0 else lines[-1:]
    return "<br>".join(line.translate(_ENTITIES) for line in lines)


def side_colors(sides: list[str]) -> dict[str, str]:
    """Colour per side: the parties in the order given, then ``third-party`` in grey."""
    out: dict[str, str] = {}
    n = 0
    for side in sides:
        if side in out:
            continue
        if side == THIRD_PARTY:
            out[side] = PALETTE[THIRD_PARTY]
        else:
            out[side] = PALETTE[f"side-{n % 4 + 1}"]
            n += 1
    return out


def book_caption(book: Any, source: str | None) -> str:
    """The caption text: ``source`` if given, else the casebook's citation (raw text, escaped later)."""
    if source is not None:
        return source
    meta = getattr(book, "meta", None) or {}
    citation = meta.get("citation") or meta.get("title")
    return f"Source: {' '.join(str(citation).split())}" if citation else ""


def finish(fig, *, title: str = "", caption: str = "", notes: list[str] | tuple[str, ...] = (), width: int = 1000,
           height: int = 600, margin_l: int = 80, margin_r: int = 40, margin_t: int | None = None,
           axis_b: int = 60, legend: bool = True) -> None:
    """Apply the shared publication layout: font, white background, the title, and a caption block (notes,
    then the source attribution) in the bottom margin, below any axis labels (``axis_b`` pixels).

    ``title``, ``caption`` and ``notes`` are raw text: they are escaped here. The caption is wrapped to the
    figure's width and the bottom margin grows to fit it, so it is never clipped.
    """
    chars = max(40, int((width - 30) / (CAPTION_SIZE * 0.55)))
    blocks = [esc_wrap(n, chars) for n in notes if n] + ([esc_wrap(caption, chars)] if caption else [])
    text = "<br>".join(blocks)
    n_lines = text.count("<br>") + 1 if text else 0
    caption_px = n_lines * _CAPTION_LINE_PX + 12 if text else 0
    margin_t = margin_t if margin_t is not None else (70 if title else 30)
    margin_b = axis_b + caption_px
    paper_h = height - margin_t - margin_b
    if paper_h < 120:  # keep a usable plot: grow the figure rather than squeeze the plot
        height += 120 - paper_h
        paper_h = 120
    fig.update_layout(
        width=width,
        height=height,
        template="simple_white",
        font={"family": FONT_FAMILY, "size": FONT_SIZE, "color": PALETTE["ink"]},
        paper_bgcolor="#FFFFFF",
        plot_bgcolor="#FFFFFF",
        margin={"l": margin_l, "r": margin_r, "t": margin_t, "b": margin_b, "autoexpand": False},
        showlegend=legend,
        hoverlabel={"align": "left", "font": {"family": FONT_FAMILY, "size": 12}, "bgcolor": "#FFFFFF"},
    )
    if legend:  # a horizontal legend in the top margin, under the title
        fig.update_layout(legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1 - (46 if title else 8) / height,
                                  "yref": "container", "yanchor": "top", "bgcolor": "rgba(0,0,0,0)",
                                  "font": {"size": 11.5}, "itemsizing": "constant"})
    if title:
        fits = esc_wrap(title, max(20, int((width - 40) / (16 * 0.62))), max_lines=1)  # one line, never clipped
        fig.update_layout(title={"text": f"<b>{fits}</b>", "x": 16 / width, "xref": "container", "xanchor": "left",
                                 "y": 1.0, "yref": "container", "yanchor": "top", "pad": {"t": 14},
                                 "font": {"size": 16}})
    if text:
        fig.add_annotation(text=text, xref="paper", yref="paper", x=-margin_l / max(1, width - margin_l - margin_r)
                           + 12 / max(1, width - margin_l - margin_r),
                           y=-(margin_b - 6) / paper_h, xanchor="left", yanchor="bottom", align="left",
                           showarrow=False, font={"size": CAPTION_SIZE, "color": PALETTE["muted"]},
                           name="caption")
