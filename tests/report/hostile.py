"""A casebook whose texts try to run script: in a quote, a source name, a title, the citation and the URL."""

from __future__ import annotations

from pathlib import Path

import conflictlab as cl

#: Sets ``window.__pwned`` if it ever runs; loads an image from the network if it is ever parsed as HTML.
PAYLOAD = '<script>window.__pwned=1;alert(1)</script><img src="http://198.51.100.1/x.png" onerror="window.__pwned=2">'
JS_URL = "javascript:window.__pwned=3;alert(1)"
FORMULAS = ("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)")


def hostile_book() -> cl.Casebook:
    book = cl.datasets.load("nerkin-hand-2024")
    book.meta["title"] = "Hostile " + PAYLOAD
    book.meta["citation"] = "Cite " + PAYLOAD
    book.sources.loc[book.sources["source_id"] == "am-mod", "name"] = "MoD " + PAYLOAD
    stmt = "am-mod-casualties"
    book.claims.loc[book.claims["statement_id"] == stmt, "quote"] = "Four killed " + PAYLOAD
    # spreadsheet formulas at the start of quotes of other statements
    for s, f in zip(["am-mod-place", "am-marukyan-aggression", "az-sbs-post-destroyed", "am-unnamed-denial"],
                    FORMULAS, strict=True):
        book.claims.loc[book.claims["statement_id"] == s, "quote"] = f
    book.documents.loc[0, "url"] = JS_URL
    book.incidents.loc[0, "title"] = "Fire " + PAYLOAD
    return book


def write_hostile(folder: Path) -> Path:
    """Write the hostile casebook as YAML in ``folder`` and return its path."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    return cl.write_casebook(hostile_book(), Path(folder) / "hostile.yaml")
