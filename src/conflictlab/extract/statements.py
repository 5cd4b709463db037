"""From accepted candidates to casebook statements (dicts in the YAML ``statements`` shape).

One statement per sentence: the sentence is the verbatim quote, and each accepted candidate of it becomes one
entry of ``says``. The quote is ``direct`` when every accepted candidate lies inside quotation marks, else
``reported``. Values are checked with the casebook's own parsers, so an error names the candidate.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..model.values import parse_value
from ..model.vocab import FIELDS

__all__ = ["candidates_to_statements", "says_value", "slug"]


def slug(name: str) -> str:
    """An id made from a name: lower case, words joined by hyphens.

    Examples
    --------
    >>> slug("Nerkin Hand"), slug("Tovuz District")
    ('nerkin-hand', 'tovuz-district')
    """
    text = re.sub(r"[^\w]+", "-", str(name).casefold()).strip("-")
    return text or "place"


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def says_value(field: str, value: str, *, blame: str | None = None, place_id: str | None = None) -> Any:
    """The YAML value of a candidate of ``field`` (``"4"`` -> ``4``, ``"true"`` -> ``True``, a label -> a framing).

    Raises
    ------
    ValueError
        When the value cannot be read as the field's kind (checked with :func:`conflictlab.model.values.parse_value`).

    Examples
    --------
    >>> says_value("injured", "several"), says_value("occurred", "false")
    ('several', False)
    >>> says_value("characterization", "provocation", blame="armenia")
    {'label': 'provocation', 'blame': 'armenia'}
    """
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r}")
    kind = FIELDS[field].kind
    text = "" if _missing(value) else str(value).strip()
    if kind == "count":
        out: Any = int(text) if text.isdigit() else text
    elif kind == "occurred":
        words = {"true": True, "false": False, "yes": True, "no": False}
        if text.lower() not in words:
            raise ValueError(f"occurred is true or false, not {text!r}")
        out = words[text.lower()]
    elif kind == "place":
        out = place_id or slug(text)
    elif kind == "framing":
        if _missing(blame) or not str(blame).strip():
            raise ValueError(f"characterization {text!r} needs the party it blames (a party id, 'none' or 'both')")
        out = {"label": text, "blame": str(blame).strip()}
    else:
        out = text
    parse_value(field, out)  # raises ValueError with the casebook parser's message
    return out


def _stated_text(stated: str | dt.date) -> str:
    if isinstance(stated, dt.datetime):
        return stated.date().isoformat()
    if isinstance(stated, dt.date):
        return stated.isoformat()
    return str(stated).strip()


def candidates_to_statements(
    accepted: pd.DataFrame,
    *,
    incident: str,
    source: str,
    document: str,
    stated: str | dt.date,
    stated_basis: str | None = None,
    places: Mapping[str, str] | None = None,
    taken: Iterable[str] = (),
    id_prefix: str | None = None,
) -> list[dict[str, Any]]:
    """Turn accepted candidates into casebook statements, one per sentence.

    Parameters
    ----------
    accepted : DataFrame
        Rows of :func:`~conflictlab.extract.propose_claims` that the annotator accepted (values may have been
        edited). Needs ``field``, ``party``, ``value``, ``sentence``; uses ``blame``, ``sentence_start``,
        ``in_quotes`` and ``candidate_id`` when present.
    incident, source, document : str
        Ids of the incident, the speaker and the document (existing or new; see
        :func:`~conflictlab.extract.build_casebook`).
    stated : str or datetime.date
        When the statements were made: ``2024-02-13`` or an interval ``2024-02-13/2024-02-14``.
    stated_basis : str, optional
        How ``stated`` was established (recorded with each statement).
    places : mapping of place name -> place id, optional
        Place ids for the place candidates' names; by default :func:`slug` of the name.
    taken : iterable of str
        Statement ids already used (new ids skip them).
    id_prefix : str, optional
        Prefix of the statement ids (default: ``source``), numbered ``<prefix>-1``, ``<prefix>-2``, ...

    Returns
    -------
    list of dict
        Statements in the casebook's YAML shape (``id``, ``incident``, ``source``, ``document``, ``stated``,
        ``quote``, ``quote_kind``, ``says``), ready for :func:`~conflictlab.extract.build_casebook` or a YAML file.

    Raises
    ------
    ValueError
        When a value does not parse, a per-party count has no party, a characterization has no blame, or one
        sentence gives two different values for the same field (and party); the message names the candidate.

    Examples
    --------
    >>> import pandas as pd
    >>> accepted = pd.DataFrame({
    ...     "candidate_id": ["c1", "c2"], "field": ["killed", "place"], "party": ["armenia", None],
    ...     "value": ["4", "Nerkin Hand"], "sentence": ["Four soldiers were killed near Nerkin Hand."] * 2,
    ...     "sentence_start": [0, 0], "in_quotes": [False, False]})
    >>> st = candidates_to_statements(accepted, incident="fire-13", source="am-mod", document="doc1",
    ...                               stated="2024-02-13")
    >>> st  # doctest: +NORMALIZE_WHITESPACE
    [{'id': 'am-mod-1', 'incident': 'fire-13', 'source': 'am-mod', 'document': 'doc1', 'stated': '2024-02-13',
      'quote': 'Four soldiers were killed near Nerkin Hand.', 'quote_kind': 'reported',
      'says': {'killed': {'armenia': 4}, 'place': 'nerkin-hand'}}]
    """
    if accepted is None or len(accepted) == 0:
        return []
    for column in ("field", "party", "value", "sentence"):
        if column not in accepted.columns:
            raise ValueError(f"accepted candidates need a {column!r} column")
    frame = accepted.reset_index(drop=True)
    if "sentence_start" not in frame.columns:
        frame = frame.assign(sentence_start=range(len(frame)))
    places = dict(places or {})
    used = set(taken)
    prefix = id_prefix or source
    number = 0
    statements = []
    for _, group in frame.groupby(["sentence_start", "sentence"], sort=True):
        says: dict[str, Any] = {}
        for _, row in group.iterrows():
            cid = row.get("candidate_id", "?")
            field = str(row["field"])
            try:
                value = says_value(field, row["value"], blame=row.get("blame"),
                                   place_id=places.get(str(row["value"]).strip()) if field == "place" else None)
            except ValueError as exc:
                raise ValueError(f"candidate {cid} ({field}): {exc}") from None
            if FIELDS[field].per_party:
                party = row["party"]
                if _missing(party) or not str(party).strip():
                    raise ValueError(f"candidate {cid} ({field} {row['value']!r}): choose the party it is about")
                per = says.setdefault(field, {})
                if str(party) in per and per[str(party)] != value:
                    raise ValueError(f"candidate {cid}: two values for {field} of {party} in one sentence "
                                     f"({per[str(party)]!r} and {value!r}); accept one")
                per[str(party)] = value
            elif field in says and says[field] != value:
                kind = FIELDS[field].kind
                if kind == "labels":
                    previous = says[field] if isinstance(says[field], list) else [says[field]]
                    says[field] = previous + [value]
                elif kind == "framing":
                    previous = says[field] if isinstance(says[field], list) else [says[field]]
                    if value["blame"] != previous[0]["blame"]:
                        raise ValueError(f"candidate {cid}: the characterizations of one sentence must blame the "
                                         f"same party ({previous[0]['blame']!r} and {value['blame']!r})")
                    says[field] = previous + [value]
                else:
                    raise ValueError(f"candidate {cid}: two values for {field} in one sentence ({says[field]!r} "
                                     f"and {value!r}); accept one")
            else:
                says[field] = value
        while True:
            number += 1
            sid = f"{prefix}-{number}"
            if sid not in used:
                break
        used.add(sid)
        quoted = group["in_quotes"].fillna(False).astype(bool).all() if "in_quotes" in group.columns else False
        statement: dict[str, Any] = {"id": sid, "incident": incident, "source": source, "document": document,
                                     "stated": _stated_text(stated)}
        if stated_basis:
            statement["stated_basis"] = stated_basis
        statement.update({"quote": str(group["sentence"].iloc[0]), "quote_kind": "direct" if quoted else "reported",
                          "says": says})
        statements.append(statement)
    return statements
