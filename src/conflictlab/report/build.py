"""Build the report: gather the tables and figures, render the template, write the page and the images."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from .._optional import require
from ..engine import align, compare, summarize, summary_line
from ..model.casebook import Casebook
from ..model.vocab import THIRD_PARTY
from ._template import TEMPLATE

__all__ = ["build_report", "render_html", "chart_figures", "safe_url", "ReportResult", "STATUS_SECTIONS"]

#: The summary's sections: (summary flag column, heading, one-line explanation for the reader).
STATUS_SECTIONS = (
    ("consensus", "What both sides agree on",
     "Sources of at least two parties to the conflict speak on it, and no two sources of different sides "
     "contradict each other."),
    ("contested", "What they contest",
     "Sources of different sides contradict each other."),
    ("one_sided", "What only one side says",
     "Only one party to the conflict speaks on it (independent third parties may also speak), and nobody "
     "contradicts it from another side."),
    ("inconsistent_within_side", "Where a side contradicts itself",
     "Two sources of the same party contradict each other."),
)

#: The charts of the report: (name, heading, how to read it).
CHARTS = (
    ("heatmap", "Who agrees with whom",
     "Each cell compares two sources on one field: = they agree, ≈ compatible, ≠ they contradict, "
     "· only one of them speaks. Hover a cell to read both quotes."),
    ("timeline", "When each source spoke, and when it says the event happened",
     "Grey bars: when the statement was made. Black bars: when the source says the event happened. "
     "The shaded band is the incident's date window in the casebook."),
    ("map", "Where each source places the events",
     "Places with coordinates are drawn; a dashed line joins two different places claimed for the same "
     "incident. Places known only by name are listed in the legend."),
    ("ranges", "Casualty figures",
     "Each source's count of people killed, per party, as a range (low–high); arrows are open-ended figures."),
    ("network", "How the statements relate",
     "Sources (grouped by side) and the incidents they speak of; lines show what each source claims."),
)

_CONFIG = {"displaylogo": False, "responsive": False,
           "toImageButtonOptions": {"format": "svg", "filename": "conflictlab-figure"}}


@dataclass
class ReportResult:
    """What :func:`build_report` wrote: the page, the image files, and notes (e.g. why images were skipped)."""

    html: Path
    images: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def safe_url(url: Any) -> str | None:
    """Return ``url`` if it is an absolute ``http``/``https`` address with a host, else ``None``.

    Only such addresses become links in a report; anything else (``javascript:``, ``data:``, relative paths,
    text with spaces or control characters) is shown as text.

    Examples
    --------
    >>> safe_url(" HTTPS://example.org/x?a=1 "), safe_url("javascript:alert(1)"), safe_url("//evil.example")
    ('HTTPS://example.org/x?a=1', None, None)
    """
    if url is None or (not isinstance(url, str) and pd.isna(url)):
        return None
    text = str(url).strip()
    if not text or any(ord(ch) < 33 or ord(ch) == 127 for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


def _text(value: Any) -> str:
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _day(value: Any) -> str:
    if value is None or pd.isna(value):
        return ""
    ts = pd.Timestamp(value)
    return f"{ts.day} {ts:%b %Y}"


def chart_figures(book: Casebook, verdicts: pd.DataFrame | None = None) -> dict[str, Any]:
    """The report's figures by name (``heatmap``, ``timeline``, ``map``, ``ranges``, ``network``).

    A chart that has nothing to draw for this casebook (e.g. no casualty figures) is left out.
    """
    viz = require("conflictlab.viz", "viz")
    verdicts = compare(book, quotes=True) if verdicts is None else verdicts
    makers: dict[str, Callable[[], Any]] = {
        "heatmap": lambda: viz.verdict_heatmap(verdicts, book=book),
        "timeline": lambda: viz.timeline(book),
        "map": lambda: viz.place_map(book),
        "ranges": lambda: viz.casualty_ranges(book),
        "network": lambda: viz.claim_network(book),
    }
    figs = {}
    for name, make in makers.items():
        try:
            figs[name] = make()
        except (ValueError, KeyError):  # nothing of that kind in the casebook
            continue
    return figs


def _names(book: Casebook) -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    parties = dict(zip(book.parties["party_id"], book.parties["name"].map(_text), strict=True))
    side_name = {**parties, THIRD_PARTY: "Third parties"}
    sources = dict(zip(book.sources["source_id"], book.sources["name"].map(_text), strict=True))
    side_of = dict(zip(book.sources["source_id"], book.sources["side"].map(_text), strict=True))
    incidents = dict(zip(book.incidents["incident_id"], book.incidents["title"].map(_text), strict=True))
    return side_name, sources, side_of, incidents


def _field_label(field_name: str, party: str, side_name: dict[str, str]) -> str:
    field_name = field_name.replace("_", " ")
    return f"{field_name} ({side_name.get(party, party)})" if party else field_name


def _context(book: Casebook, figures: dict[str, Any], images: dict[str, list[str]], plotlyjs: str) -> dict:
    side_name, source_name, side_of, incident_title = _names(book)
    verdicts = compare(book, quotes=True)
    summary = summarize(verdicts)
    values = align(book, show="value")
    quotes = align(book, show="quote")
    claims = book.claims.set_index("claim_id")
    docs = book.documents.set_index("document_id")
    claim_ids = align(book, show="claim")

    def says(key: tuple[str, str, str]) -> list[dict]:
        """What each source says on one row, grouped by side."""
        if key not in values.index:
            return []
        out: dict[str, dict] = {}
        for (side, src), value in values.loc[key].items():
            if _text(value) == "":
                continue
            entry = out.setdefault(side, {"side": side_name.get(side, side), "sources": []})
            entry["sources"].append({"name": source_name.get(src, src), "value": _text(value),
                                     "quote": _text(quotes.loc[key, (side, src)])})
        return list(out.values())

    sections = []
    for flag, heading, explain in STATUS_SECTIONS:
        items = []
        for row in summary[summary[flag]].itertuples(index=False):
            key = (str(row.incident_id), str(row.field), str(row.party))
            contradictions = [c for c in _text(row.contradictions).split(" | ") if c]
            items.append({"incident": incident_title.get(key[0], key[0]),
                          "field": _field_label(key[1], key[2], side_name),
                          "sides": says(key), "contradictions": contradictions})
        sections.append({"id": flag.replace("_", "-"), "heading": heading, "explain": explain,
                         "items": items})

    tables = []
    for inc in values.index.get_level_values("incident_id").unique():
        block = values.xs(inc, level="incident_id", drop_level=False)
        cols = [(side, src) for side, src in block.columns if block[(side, src)].map(_text).ne("").any()]
        groups: list[dict] = []
        for side, src in cols:
            if not groups or groups[-1]["key"] != side:
                groups.append({"key": side, "name": side_name.get(side, side), "n": 0})
            groups[-1]["n"] += 1
        rows = []
        for key in block.index:
            cells = []
            for col in cols:
                cid = _text(claim_ids.loc[key, col])
                doc_id = _text(claims.loc[cid.split("; ")[0], "document_id"]) if cid else ""
                cells.append({"value": _text(values.loc[key, col]), "quote": _text(quotes.loc[key, col]),
                              "side": col[0],
                              "document": _text(docs.loc[doc_id, "title"]) if doc_id in docs.index else ""})
            rows.append({"field": _field_label(key[1], key[2], side_name), "cells": cells})
        tables.append({"id": inc, "title": incident_title.get(inc, inc), "groups": groups,
                       "sources": [{"name": source_name.get(src, src), "side": side} for side, src in cols],
                       "rows": rows})

    documents = []
    for doc_id, d in docs.iterrows():
        url = _text(d["url"])
        documents.append({"id": doc_id, "title": _text(d["title"]), "publisher": _text(d["publisher"]),
                          "author": _text(d["author"]), "published": _day(d["published"]),
                          "updated": _day(d["updated"]), "url": url, "href": safe_url(url),
                          "note": _text(d["note"])})
    sources = [{"name": _text(s["name"]), "side": side_name.get(_text(s["side"]), _text(s["side"])),
                "kind": _text(s["kind"]), "affiliation": _text(s["affiliation"]), "note": _text(s["note"])}
               for _, s in book.sources.iterrows()]

    charts = []
    for name, heading, explain in CHARTS:
        if name not in figures:
            continue
        div = figures[name].to_html(full_html=False, include_plotlyjs=False, include_mathjax=False,
                                    config=_CONFIG, div_id=f"chart-{name}")
        charts.append({"name": name, "heading": heading, "explain": explain, "div": div,
                       "files": images.get(name, [])})

    from markupsafe import Markup  # a jinja2 dependency

    for c in charts:
        c["div"] = Markup(c["div"])  # plotly's own markup; casebook text in it was escaped by viz.esc
    from .. import __version__

    return {
        "title": _text(book.meta.get("title")) or "Untitled casebook",
        "description": _text(book.meta.get("description")),
        "citation": _text(book.meta.get("citation")),
        "license": _text(book.meta.get("license")),
        "headline": summary_line(summary),
        "sections": sections, "tables": tables, "documents": documents, "sources": sources, "charts": charts,
        "plotlyjs": Markup(plotlyjs.replace("</script", "<\\/script")),
        "version": __version__, "generated": _dt.date.today().isoformat(),
    }


def render_html(book: Casebook, figures: dict[str, Any] | None = None,
                images: dict[str, list[str]] | None = None) -> str:
    """Return the report page for ``book`` as one HTML string (plotly.js embedded once, no external request)."""
    jinja2 = require("jinja2", "viz")
    from plotly.offline import get_plotlyjs

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True)
    figures = chart_figures(book) if figures is None else figures
    return env.from_string(TEMPLATE).render(**_context(book, figures, images or {}, get_plotlyjs()))


def build_report(book: Casebook, out: str | Path, *, images: bool = True,
                 formats: tuple[str, ...] = ("png", "svg"), log: Callable[[str], Any] | None = None) -> ReportResult:
    """Write ``out/index.html`` for ``book`` and, when image export works here, ``out/charts/<chart>.png|svg``.

    Parameters
    ----------
    book : Casebook
    out : str or Path
        The folder to write (created if needed).
    images : bool
        Also export each chart as PNG and SVG (needs kaleido and a Chromium); when export is not available the
        images are skipped and the reason is added to ``notes`` (and passed to ``log``).
    formats : tuple of str
        Image formats to write.
    log : callable, optional
        Called with each note (the command line prints them).

    Returns
    -------
    ReportResult
    """
    viz = require("conflictlab.viz", "viz")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    figures = chart_figures(book)
    result = ReportResult(html=out / "index.html")

    def note(text: str) -> None:
        result.notes.append(text)
        if log is not None:
            log(text)

    files: dict[str, list[str]] = {}
    if images and formats:
        ok, why = viz.image_export_available()
        if not ok:
            note(f"PNG/SVG skipped: {why}")
        else:
            try:
                result.images = viz.save_many(figures, out / "charts", formats=formats)
            except Exception as exc:  # noqa: BLE001 - the page is still useful without images
                note(f"PNG/SVG skipped: image export failed ({type(exc).__name__}: {exc})")
            for path in result.images:
                files.setdefault(path.stem, []).append(f"charts/{path.name}")
    result.html.write_text(render_html(book, figures, files), encoding="utf-8")
    return result
