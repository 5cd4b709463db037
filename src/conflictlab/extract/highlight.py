"""The text as HTML with each candidate's evidence highlighted; every piece of text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

__all__ = ["highlight_html", "STATUS_STYLES"]

#: background of a highlighted span by the annotator's decision
STATUS_STYLES = {
    "accept": "background:#b7e4c7",
    "reject": "background:#e9ecef;text-decoration:line-through",
    None: "background:#fff3bf",
}


def _label(row: Mapping) -> str:
    party = row.get("party")
    party = "" if party is None or (not isinstance(party, str) and pd.isna(party)) else f" {party}"
    return f"{row['candidate_id']}: {row['field']}{party} = {row['value']}"


def highlight_html(text: str, candidates: pd.DataFrame, *, status: Mapping[str, str | None] | None = None) -> str:
    """Return ``text`` as HTML with each candidate's evidence in a ``<mark>``.

    Overlapping evidence is split into segments; a segment covered by several candidates names them all
    (``data-candidates="c7 c8"``) and takes the colour of the shortest (innermost) of them. Text, ids, fields
    and values are escaped with :func:`html.escape`.

    Parameters
    ----------
    text : str
        The text the candidates were proposed from.
    candidates : DataFrame
        Rows of :func:`~conflictlab.extract.propose_claims` (``candidate_id``, ``field``, ``party``, ``value``,
        ``start``, ``end``).
    status : mapping of candidate id -> "accept" / "reject" / None, optional
        The annotator's decisions, shown as the colour of each span.

    Returns
    -------
    str
        A ``<div>`` of escaped text and ``<mark>`` elements.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"candidate_id": ["c1"], "field": ["killed"], "party": ["armenia"], "value": ["4"],
    ...                   "start": [0], "end": [4]})
    >>> html = highlight_html("Four <b>killed</b>", c, status={"c1": "accept"})
    >>> html[html.index("<mark"):]  # doctest: +ELLIPSIS
    '<mark data-candidates="c1" title="c1: killed armenia = 4" style="...">Four</mark> &lt;b&gt;killed&lt;/b&gt;</div>'
    """
    status = dict(status or {})
    rows = candidates.to_dict("records") if len(candidates) else []
    cuts = sorted({0, len(text), *(int(r["start"]) for r in rows), *(int(r["end"]) for r in rows)})
    parts = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        covering = [r for r in rows if int(r["start"]) <= a and b <= int(r["end"])]
        chunk = html.escape(text[a:b])
        if not covering:
            parts.append(chunk)
            continue
        ids = " ".join(str(r["candidate_id"]) for r in covering)
        title = "; ".join(_label(r) for r in covering)
        inner = min(covering, key=lambda r: int(r["end"]) - int(r["start"]))
        style = STATUS_STYLES.get(status.get(str(inner["candidate_id"])), STATUS_STYLES[None])
        parts.append(f'<mark data-candidates="{html.escape(ids)}" title="{html.escape(title)}" '
                     f'style="{style}">{chunk}</mark>')
    return ('<div class="conflictlab-annotated" style="white-space:pre-wrap;line-height:1.6">' + "".join(parts)
            + "</div>")
