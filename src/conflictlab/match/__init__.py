"""Cross-dataset event matching: which entries of UCDP GED, ACLED, GDELT... report the same incident.

The method follows the R package meltt (Donnay, Dunford, McGrath, Backer & Cunningham, "Integrating Conflict
Event Data", *Journal of Conflict Resolution* 63(5), 2019): entries match by location, time and type, type
being compared through per-dataset taxonomies. Where meltt integrates datasets one after another and picks
matches greedily, :func:`match` solves an optimal one-to-one assignment between every pair of datasets and
its result does not depend on the order of the input. See ``docs/matching.md``.

Modules, one job each: :mod:`~conflictlab.match.inputs` (reading the tables),
:mod:`~conflictlab.match.taxonomy`, :mod:`~conflictlab.match.sql` (the candidate query and its two
dialects), :mod:`~conflictlab.match.engines` (DuckDB, Spark), :mod:`~conflictlab.match.candidates`,
:mod:`~conflictlab.match.assign`, :mod:`~conflictlab.match.clusters`, :mod:`~conflictlab.match.result`,
:mod:`~conflictlab.match.casebook` (clusters -> claims).

Examples
--------
>>> import pandas as pd
>>> from conflictlab.match import match
>>> a = pd.DataFrame({"event_id": [1, 2], "date": ["2024-03-01", "2024-03-05"],
...                   "latitude": [48.00, 48.50], "longitude": [37.80, 37.00]})
>>> b = pd.DataFrame({"event_id": ["x"], "date": ["2024-03-02"], "latitude": [48.01], "longitude": [37.81]})
>>> match({"a": a, "b": b}, spatial_window_km=5, temporal_window_days=1).events[["dataset", "event_id",
...                                                                              "datasets"]].values.tolist()
[['a', '1', 'a & b'], ['a', '2', 'a']]
"""

from __future__ import annotations

from .api import match
from .casebook import clusters_to_casebook
from .engines import DuckDBEngine, SparkEngine
from .result import MatchResult
from .taxonomy import Taxonomy

__all__ = ["match", "MatchResult", "Taxonomy", "DuckDBEngine", "SparkEngine", "clusters_to_casebook"]
