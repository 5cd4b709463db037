"""The ``.claims`` pandas accessor: the engine's functions as methods of a claims DataFrame.

Examples
--------
>>> import conflictlab as cl
>>> claims = cl.datasets.load("nerkin-hand-2024").claim_table()
>>> claims.claims.summarize().query("contested")["field"].astype(str).tolist()
['characterization', 'cause', 'occurred', 'occurred']
"""

from __future__ import annotations

import pandas as pd

from .engine import align, compare, summarize
from .engine.claims import REQUIRED_COLUMNS
from .stats import concordance

__all__ = ["ClaimsAccessor"]


@pd.api.extensions.register_dataframe_accessor("claims")
class ClaimsAccessor:
    """``df.claims``: compare, align, summarise a claims table (see :meth:`Casebook.claim_table`).

    Each method forwards to the function of the same name in :mod:`conflictlab`, with the DataFrame as data.
    """

    def __init__(self, frame: pd.DataFrame):
        missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
        if missing:
            raise AttributeError(f"the .claims accessor needs a claims table; missing column(s) {missing}")
        self._frame = frame

    def compare(self, **kwargs) -> pd.DataFrame:
        """:func:`conflictlab.compare` on this table."""
        return compare(self._frame, **kwargs)

    def align(self, **kwargs) -> pd.DataFrame:
        """:func:`conflictlab.align` on this table."""
        return align(self._frame, **kwargs)

    def summarize(self, **kwargs) -> pd.DataFrame:
        """:func:`conflictlab.summarize` of :func:`conflictlab.compare` on this table."""
        return summarize(compare(self._frame, **kwargs))

    def concordance(self, **kwargs) -> pd.DataFrame:
        """:func:`conflictlab.concordance` on this table."""
        return concordance(self._frame, **kwargs)
