"""Pairwise verdicts: for every incident, field and party, every pair of sources that speak of the incident.

The pairs are generated with integer codes and numpy (no Python loop over claims): each source's current
claim is paired with every other source that says anything about the same incident; where both speak on the
key the field's comparator gives the verdict, where only one does the verdict is ``silent``.

Examples
--------
>>> import conflictlab as cl
>>> v = cl.compare(cl.datasets.load("nerkin-hand-2024"))
>>> row = v[(v.field == "occurred") & (v.source_l == "am-mod") & (v.source_r == "az-mod")].iloc[0]
>>> row.incident_id, row.verdict, row.reason
('fire-2024-02-12-tovuz', 'contradict', 'occurred: one says it happened, the other denies it')
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..comparators import DEFAULT_COMPARATORS, Comparator, comparators_from_settings
from ..comparators.base import SILENT
from ..model.casebook import Casebook
from ..model.vocab import FIELD_NAMES, FIELDS, VERDICTS, categorical
from .claims import claim_frame, current_claims, source_order

__all__ = ["compare", "VERDICT_COLUMNS"]

VERDICT_COLUMNS = {
    "incident_id": "the incident (category)",
    "field": "the field compared (category)",
    "party": "the party a per-party field is about, '' otherwise (category)",
    "source_l": "first source of the pair, in display order (category)",
    "source_r": "second source (category; empty when no other source speaks of the incident)",
    "side_l": "side of source_l (category)",
    "side_r": "side of source_r (category)",
    "claim_l": "claim id of source_l's current claim, empty when it is silent (category)",
    "claim_r": "claim id of source_r's current claim, empty when it is silent (category)",
    "value_l": "source_l's value in words (category)",
    "value_r": "source_r's value in words (category)",
    "verdict": "agree / compatible / contradict / silent (category)",
    "reason": "why, in words: '<field> (<party>): <reason>' (category)",
    "quote_l": "with quotes=True: source_l's verbatim quote (category)",
    "quote_r": "with quotes=True: source_r's verbatim quote (category)",
}
"""Columns of the verdict table returned by :func:`compare`."""


def _comparators(overrides: Mapping[str, Comparator] | None) -> dict[str, Comparator]:
    """Comparator per field: defaults by kind, overridden by field name (or by kind)."""
    chosen = {f: DEFAULT_COMPARATORS[s.kind] for f, s in FIELDS.items()}
    for name, comp in (overrides or {}).items():
        if not isinstance(comp, Comparator):
            raise TypeError(f"comparator for {name!r} must be a Comparator, got {type(comp).__name__}")
        if name in FIELDS:
            if comp.kind != FIELDS[name].kind:
                raise ValueError(f"{type(comp).__name__} compares {comp.kind!r} values; {name!r} is {FIELDS[name].kind!r}")
            chosen[name] = comp
        elif name in DEFAULT_COMPARATORS:
            chosen.update({f: comp for f, s in FIELDS.items() if s.kind == name})
        else:
            raise KeyError(f"no field or field kind {name!r}")
    return chosen


def _codes(values: pd.Series, categories: list) -> np.ndarray:
    return pd.Categorical(values, categories=categories).codes.astype("int64")


def _cat(codes: np.ndarray, categories, dtype_name: str | None = None) -> pd.Categorical:
    return pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype="object"))


def compare(
    data: Casebook | pd.DataFrame,
    comparators: Mapping[str, Comparator] | None = None,
    as_of: object = None,
    quotes: bool = False,
) -> pd.DataFrame:
    """Compare every pair of sources on every (incident, field, party).

    Parameters
    ----------
    data : Casebook or DataFrame
        A casebook, or a claims table (see :func:`conflictlab.describe_table`); a table without ``side``
        treats each source as its own side.
    comparators : mapping, optional
        Comparators by field name (``"killed"``) or field kind (``"count"``), replacing the defaults of
        :data:`conflictlab.comparators.DEFAULT_COMPARATORS` and the casebook's own ``comparison`` settings
        (``book.meta["comparison"]``, see :func:`conflictlab.comparators.comparators_from_settings`).
    as_of : date-like, optional
        Only statements certainly made by this date; by default each source's latest statement counts.
    quotes : bool, default False
        Add ``quote_l`` and ``quote_r``.

    Returns
    -------
    DataFrame
        One row per pair of sources per (incident, field, party) where at least one of the two speaks; see
        :data:`VERDICT_COLUMNS`. A source that is alone in speaking of an incident gets one row with an empty
        ``source_r`` and verdict ``silent``.

    Examples
    --------
    >>> import conflictlab as cl
    >>> v = cl.compare(cl.datasets.load("nerkin-hand-2024"))
    >>> v.loc[(v.field == "occurred") & (v.verdict == "contradict"), "incident_id"].unique().tolist()
    ['fire-2024-02-12', 'fire-2024-02-12-tovuz']
    """
    book = data if isinstance(data, Casebook) else None
    own = comparators_from_settings(book.meta.get("comparison")) if book is not None else {}
    chosen = _comparators({**own, **(comparators or {})})
    cur = current_claims(claim_frame(data), as_of=as_of)
    present = set(cur["source_id"].unique())
    order = pd.Index([s for s in source_order(cur, book) if s in present])
    incidents = list(pd.unique(cur["incident_id"]))
    if book is not None:
        seen, booked = set(incidents), set(book.incidents["incident_id"])
        incidents = [i for i in book.incidents["incident_id"] if i in seen] + [
            i for i in incidents if i not in booked]
    n_src = len(order)

    inc = _codes(cur["incident_id"], incidents)
    src = _codes(cur["source_id"], list(order))
    field_code = _codes(cur["field"].astype("object"), list(FIELD_NAMES))
    parties = sorted(set(cur["party_key"].unique()))
    party_code = _codes(cur["party_key"], parties)
    # key = (incident, field, party), numbered in display order
    raw_key = (inc * len(FIELD_NAMES) + field_code) * len(parties) + party_code
    uniq_keys, key = np.unique(raw_key, return_inverse=True)
    key = key.ravel()

    # who speaks of each incident: sorted (incident, source) pairs, as CSR offsets
    part = np.unique(inc * n_src + src)
    part_inc, part_src = part // n_src, part % n_src
    n_inc = len(incidents)
    offsets = np.searchsorted(part_inc, np.arange(n_inc + 1))
    n_part = np.diff(offsets)

    # each claim x every other speaker on its incident
    lens = n_part[inc]
    rep = np.repeat(np.arange(len(cur)), lens)
    pos = np.arange(lens.sum()) - np.repeat(np.cumsum(lens) - lens, lens)
    other = part_src[offsets[inc][rep] + pos]
    keep = other != src[rep]
    rep, other = rep[keep], other[keep]

    stated = key * n_src + src
    by_stated = np.argsort(stated, kind="stable")
    sorted_stated = stated[by_stated]
    wanted = key[rep] * n_src + other
    hit = np.searchsorted(sorted_stated, wanted)
    hit_ok = hit < len(sorted_stated)
    found = np.zeros(len(wanted), dtype=bool)
    found[hit_ok] = sorted_stated[hit[hit_ok]] == wanted[hit_ok]
    row_other = np.where(found, by_stated[np.minimum(hit, len(by_stated) - 1)], -1)

    me = src[rep]
    both = found & (me < other)
    silent = ~found
    left_is_me = me < other
    pair_key = np.concatenate([key[rep[both]], key[rep[silent]]])
    row_l = np.concatenate([rep[both], np.where(left_is_me[silent], rep[silent], -1)])
    row_r = np.concatenate([row_other[both], np.where(left_is_me[silent], -1, rep[silent])])
    src_l = np.concatenate([me[both], np.where(left_is_me[silent], me[silent], other[silent])])
    src_r = np.concatenate([other[both], np.where(left_is_me[silent], other[silent], me[silent])])

    solo = np.flatnonzero(n_part[inc] == 1)  # the only source speaking of an incident
    pair_key = np.concatenate([pair_key, key[solo]])
    row_l = np.concatenate([row_l, solo])
    row_r = np.concatenate([row_r, np.full(len(solo), -1)])
    src_l = np.concatenate([src_l, src[solo]])
    src_r = np.concatenate([src_r, np.full(len(solo), -1)])

    sort = np.lexsort((src_r, src_l, pair_key))
    pair_key, row_l, row_r, src_l, src_r = (a[sort] for a in (pair_key, row_l, row_r, src_l, src_r))

    verdict = np.full(len(pair_key), SILENT, dtype="int8")
    reason_text = np.full(len(pair_key), "", dtype=object)
    compared = (row_l >= 0) & (row_r >= 0)
    field_of_row = field_code[np.maximum(row_l, row_r)] if len(pair_key) else np.array([], dtype="int64")
    for f_code, fname in enumerate(FIELD_NAMES):
        sel = np.flatnonzero(compared & (field_of_row == f_code))
        if not len(sel):
            continue
        comp = chosen[fname]
        cols = [c for c in comp.columns if c in cur.columns]
        missing = set(comp.columns) - set(cols)
        if missing:
            raise KeyError(f"comparing {fname!r} needs column(s) {sorted(missing)} in the claims table")
        left = cur[cols].iloc[row_l[sel]].reset_index(drop=True).add_suffix("_l")
        right = cur[cols].iloc[row_r[sel]].reset_index(drop=True).add_suffix("_r")
        codes, reasons = comp.compare(pd.concat([left, right], axis=1))
        verdict[sel] = codes
        reason_text[sel] = reasons.to_numpy(dtype=object)

    # silent reasons are one per source; all reasons then prefixed with the key's label, via unique pairs only
    names = np.asarray(order, dtype=object)
    silent_rows = np.flatnonzero(~compared)
    speaker = np.where(row_l[silent_rows] >= 0, src_l[silent_rows], src_r[silent_rows])
    alone = src_r[silent_rows] < 0
    reason_text[silent_rows] = np.where(alone, "no other source speaks of this incident",
                                        "only " + names[speaker].astype(str) + " says")
    key_field = (uniq_keys // len(parties)) % len(FIELD_NAMES)
    key_party = uniq_keys % len(parties)
    key_inc = uniq_keys // len(parties) // len(FIELD_NAMES)
    party_arr = np.asarray(parties, dtype=object)
    field_arr = np.asarray(FIELD_NAMES, dtype=object)
    # the label depends on (field, party) only: combine reasons with that, not with the incident-specific key
    lab_field, lab_party = np.divmod(np.arange(len(FIELD_NAMES) * len(parties)), len(parties))
    label = np.where(party_arr[lab_party] == "", field_arr[lab_field],
                     field_arr[lab_field] + " (" + party_arr[lab_party] + ")")
    key_label = key_field * len(parties) + key_party
    reason_codes, reason_uniques = pd.factorize(pd.Series(reason_text, dtype="object"))
    combo, combo_codes = np.unique(key_label[pair_key] * len(reason_uniques) + reason_codes, return_inverse=True)
    combo_text = label[combo // len(reason_uniques)].astype(str) + ": " + np.asarray(
        reason_uniques, dtype=object)[combo % len(reason_uniques)].astype(str)
    combo_uniques, combo_map = np.unique(combo_text, return_inverse=True)

    sides = cur.drop_duplicates("source_id").set_index("source_id")["side"].reindex(order)
    side_names = list(pd.unique(sides.astype("object")))
    side_code = _codes(sides.astype("object"), side_names)
    src_r_ok = np.where(src_r >= 0, src_r, 0)

    factorized: dict[str, tuple[np.ndarray, pd.Index]] = {}

    def per_row(column: str, rows: np.ndarray) -> pd.Categorical:
        if column not in factorized:  # once per column: claim_l and claim_r share their categories
            factorized[column] = pd.factorize(cur[column].astype("object"))
        codes, uniques = factorized[column]
        return pd.Categorical.from_codes(np.where(rows >= 0, codes[np.maximum(rows, 0)], -1),
                                         categories=pd.Index(uniques, dtype="object"))

    out = pd.DataFrame({
        "incident_id": pd.Categorical.from_codes(key_inc[pair_key], categories=pd.Index(incidents, dtype="object")),
        "field": pd.Categorical.from_codes(key_field[pair_key], dtype=categorical(FIELD_NAMES)),
        "party": pd.Categorical.from_codes(key_party[pair_key], categories=pd.Index(parties, dtype="object")),
        "source_l": _cat(src_l, order),
        "source_r": _cat(np.where(src_r >= 0, src_r, -1), order),
        "side_l": _cat(side_code[src_l], side_names),
        "side_r": _cat(np.where(src_r >= 0, side_code[src_r_ok], -1), side_names),
        "claim_l": per_row("claim_id", row_l),
        "claim_r": per_row("claim_id", row_r),
        "value_l": per_row("value", row_l),
        "value_r": per_row("value", row_r),
        "verdict": pd.Categorical.from_codes(verdict, dtype=categorical(VERDICTS)),
        "reason": pd.Categorical.from_codes(combo_map[combo_codes.ravel()].ravel(),
                                            categories=pd.Index(combo_uniques, dtype="object")),
    })
    if quotes:
        out["quote_l"] = per_row("quote", row_l)
        out["quote_r"] = per_row("quote", row_r)
    return out
