"""conflictlab: line up each side's account of the same armed-conflict incident, and see where they agree.

Examples
--------
>>> import conflictlab as cl
>>> book = cl.datasets.load("nerkin-hand-2024")
>>> summary = cl.summarize(cl.compare(book))
>>> summary.loc[summary.contested, ["incident_id", "field"]].astype(str).values.tolist()
[['fire-2024-02-13', 'characterization'], ['fire-2024-02-13', 'cause'], ['fire-2024-02-12', 'occurred'], ['fire-2024-02-12-tovuz', 'occurred']]
"""

from __future__ import annotations

from . import accessor as _accessor  # noqa: F401  (registers the .claims accessor)
from . import comparators, datasets, io, match  # match: the subpackage (cl.match.match, cl.match.MatchResult)
from .engine import align, compare, explain, history, select, summarize, summary_line
from .io import CasebookWarning, read_casebook, write_casebook
from .model.casebook import Casebook
from .model.events import EventDataWarning
from .model.problems import CasebookError, Problem
from .model.tables import describe as describe_table
from .model.validate import validate
from .stats import agreement_matrix, concordance

__version__ = "0.1.0"

__all__ = [
    "Casebook",
    "CasebookError",
    "CasebookWarning",
    "EventDataWarning",
    "Problem",
    "read_casebook",
    "write_casebook",
    "validate",
    "describe_table",
    "align",
    "compare",
    "summarize",
    "history",
    "select",
    "explain",
    "summary_line",
    "agreement_matrix",
    "concordance",
    "comparators",
    "io",
    "match",
    "datasets",
    "__version__",
]
