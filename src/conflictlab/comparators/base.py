"""The comparator protocol: vectorised pairwise comparison of two claims' values.

A comparator gets a DataFrame of claim pairs whose value columns carry the suffixes ``_l`` and ``_r`` (the two
sources' claims on the same incident, field and party) and returns, for every row, a verdict code and a reason
in words. Comparators hold only their tolerances; they keep no state between calls.

Examples
--------
>>> import pandas as pd
>>> from conflictlab.comparators import CountComparator
>>> pairs = pd.DataFrame({"count_low_l": [4, 4], "count_high_l": [4, 4],
...                       "count_low_r": [4, 2], "count_high_r": [4, 2]}).astype("Int64")
>>> codes, reasons = CountComparator().compare(pairs)
>>> [VERDICTS[c] for c in codes], list(reasons)
(['agree', 'contradict'], ['both 4', '4 vs 2: no overlap'])
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

import numpy as np
import pandas as pd

from ..model.vocab import VERDICTS

__all__ = ["Comparator", "EqualityComparator", "AGREE", "COMPATIBLE", "CONTRADICT", "SILENT", "VERDICTS", "verdict_categorical"]

AGREE, COMPATIBLE, CONTRADICT, SILENT = (np.int8(i) for i in range(4))


class Comparator(ABC):
    """Base class of the comparators: one per field kind, tolerances as constructor arguments.

    Subclasses set :attr:`kind` (the field kind they handle), :attr:`columns` (the claim-table columns they
    read, without suffix) and implement :meth:`compare`.
    """

    kind: ClassVar[str]
    columns: ClassVar[tuple[str, ...]]

    @abstractmethod
    def compare(self, pairs: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
        """Return (verdict codes as int8, reasons as strings) for each row of ``pairs``.

        ``pairs`` has a column ``<c>_l`` and ``<c>_r`` for each ``c`` in :attr:`columns`; both claims are
        present (silent pairs never reach a comparator).
        """

    def __repr__(self) -> str:
        params = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({params})"


class EqualityComparator(Comparator):
    """A comparator for values that are either the same (agree) or not (contradict), over one column.

    Subclasses set :attr:`kind`, :attr:`columns` (one column) and may override :meth:`words`, which turns
    values into the words used in reasons and compared.
    """

    def words(self, values: pd.Series) -> pd.Series:
        """The values in words (missing shown as '?')."""
        return text(values)

    def compare(self, pairs: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
        (column,) = self.columns
        left, right = self.words(pairs[f"{column}_l"]), self.words(pairs[f"{column}_r"])
        same = (left == right).to_numpy()
        codes = np.where(same, AGREE, CONTRADICT).astype("int8")
        return codes, ("both: " + left).where(same, left + " vs " + right)


def side(pairs: pd.DataFrame, column: str, suffix: str) -> pd.Series:
    """Return column ``column`` of one side of ``pairs`` (``suffix`` is ``'l'`` or ``'r'``)."""
    return pairs[f"{column}_{suffix}"]


def text(values: pd.Series) -> pd.Series:
    """Return ``values`` as a string Series (missing shown as '?'), for building reasons."""
    return values.astype("str").where(values.notna(), "?").astype("str")


def verdict_categorical(codes: np.ndarray) -> pd.Categorical:
    """Turn verdict codes into the verdict categorical.

    Examples
    --------
    >>> list(verdict_categorical(np.array([0, 2], dtype="int8")))
    ['agree', 'contradict']
    """
    return pd.Categorical.from_codes(codes, categories=list(VERDICTS))
