"""Taxonomies: how each dataset's own category codes map onto shared levels, finest to broadest.

A taxonomy is a table with one row per (dataset, code): the dataset's name, its code, then one column per
shared level, **finest first**. It is the reference package meltt's format (Donnay et al. 2019), whose column
names ``data.source`` and ``base.categories`` are accepted for ``dataset`` and ``code``. The taxonomy's name is
the column of the event tables that holds the codes.

Two entries *agree* on a taxonomy at the finest level ``j`` (0-based) where their labels are equal; the code
itself is not a level (as in meltt, equal codes only agree through a level). The per-taxonomy score is
``1 - j / max(1, L - 1)`` for ``L`` levels: 1 at the finest level, 0 at the broadest (meltt's score is
``j / max(1, L - 1)``, lower better; ours is one minus it). Entries that agree at no level are not candidates
(unless ``partial`` allows it). An empty code never agrees.

Examples
--------
>>> import pandas as pd
>>> tax = pd.DataFrame({"dataset": ["a", "a", "b"], "code": ["pistol", "rifle", "gun"],
...                     "level1": ["handgun", "long gun", "firearm"], "level2": ["firearm"] * 3})
>>> t = Taxonomy.from_table("weapon", tax)
>>> t.levels, t.n_levels
(('level1', 'level2'), 2)
>>> t.encode("a", pd.Series(["rifle", None])).tolist()
[[2, 0], [-1, -1]]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["Taxonomy", "read_taxonomies", "encode_taxonomies", "as_text"]

_DATASET_NAMES = ("dataset", "data.source")
_CODE_NAMES = ("code", "base.categories")


def as_text(values: pd.Series) -> pd.Series:
    """Return ``values`` as trimmed text, integral floats without ``.0`` (``1.0`` -> ``'1'``), empty as NA.

    Examples
    --------
    >>> as_text(pd.Series([1.0, None, 2.0])).tolist(), as_text(pd.Series([" x ", ""])).tolist()
    (['1', nan, '2'], ['x', nan])
    """
    if values.dtype.kind == "f":
        whole = values.dropna()
        if len(whole) == 0 or bool((whole == np.floor(whole)).all()):
            values = values.astype("Int64")
    out = values.astype("str").str.strip()
    return out.where(values.notna() & (out != ""))


@dataclass(frozen=True)
class Taxonomy:
    """One taxonomy: ``name`` (the event-table column), its ``levels`` (finest first) and ``table``.

    ``table`` has columns ``dataset``, ``code`` and one integer column per level (a shared label's number;
    the labels are in ``labels[level]``).
    """

    name: str
    levels: tuple[str, ...]
    table: pd.DataFrame
    labels: dict[str, tuple[str, ...]]

    @property
    def n_levels(self) -> int:
        """Number of shared levels."""
        return len(self.levels)

    @classmethod
    def from_table(cls, name: str, table: pd.DataFrame) -> Taxonomy:
        """Read a taxonomy table (meltt's or this module's column names), checking it is finest first."""
        cols = list(table.columns)
        if len(cols) < 3:
            raise ValueError(f"taxonomy {name!r}: needs a dataset column, a code column and at least one level")
        lower = [str(c).lower() for c in cols]
        if lower[0] not in _DATASET_NAMES or lower[1] not in _CODE_NAMES:
            raise ValueError(f"taxonomy {name!r}: the first two columns must be 'dataset' (or 'data.source') "
                             f"and 'code' (or 'base.categories'), not {cols[:2]}")
        levels = tuple(str(c) for c in cols[2:])
        out = pd.DataFrame({"dataset": as_text(table[cols[0]]), "code": as_text(table[cols[1]])})
        if out.isna().any().any():
            raise ValueError(f"taxonomy {name!r}: empty dataset or code in {int(out.isna().any(axis=1).sum())} rows")
        labels: dict[str, tuple[str, ...]] = {}
        counts = []
        for level in levels:
            text = as_text(table[level])
            codes, uniques = pd.factorize(text, sort=True)
            out[level] = codes.astype("int32")  # -1 for an empty label: never agrees
            labels[level] = tuple(uniques)
            counts.append(len(uniques))
        if any(b > a for a, b in zip(counts, counts[1:], strict=False)):
            raise ValueError(f"taxonomy {name!r}: levels must go from finest to broadest, but the numbers of "
                             f"distinct labels are {dict(zip(levels, counts, strict=True))}")
        dup = out.duplicated(["dataset", "code"], keep=False)
        if dup.any():
            clash = out[dup].drop_duplicates()
            if clash.duplicated(["dataset", "code"]).any():
                first = clash[clash.duplicated(["dataset", "code"], keep=False)].iloc[0]
                raise ValueError(f"taxonomy {name!r}: code {first['code']!r} of {first['dataset']!r} is mapped "
                                 "to different levels")
            out = out.drop_duplicates(["dataset", "code"])
        return cls(name, levels, out.reset_index(drop=True), labels)

    def encode(self, dataset: str, codes: pd.Series) -> np.ndarray:
        """Return the level numbers (rows x levels, int32, -1 = none) of ``dataset``'s ``codes``.

        Raises ValueError naming the codes the taxonomy does not map for that dataset.
        """
        text = as_text(codes).reset_index(drop=True)
        mine = self.table[self.table["dataset"] == dataset]
        if len(mine) == 0:
            raise ValueError(f"taxonomy {self.name!r} has no rows for dataset {dataset!r}")
        pos = pd.Index(mine["code"]).get_indexer(text)
        unmapped = (pos < 0) & text.notna().to_numpy()
        if unmapped.any():
            missing = sorted(set(text[unmapped]))
            raise ValueError(f"taxonomy {self.name!r} does not map {len(missing)} code(s) of dataset {dataset!r}: "
                             f"{missing[:10]}")
        levels = mine[list(self.levels)].to_numpy(dtype="int32")
        out = np.full((len(text), self.n_levels), -1, dtype="int32")
        ok = pos >= 0
        out[ok] = levels[pos[ok]]
        return out


def read_taxonomies(taxonomies: Mapping[str, pd.DataFrame | Taxonomy] | None) -> tuple[Taxonomy, ...]:
    """Return the taxonomies as :class:`Taxonomy` objects, in the mapping's order (names are what count).

    Examples
    --------
    >>> read_taxonomies(None)
    ()
    """
    if not taxonomies:
        return ()
    return tuple(t if isinstance(t, Taxonomy) else Taxonomy.from_table(str(name), t)
                 for name, t in sorted(taxonomies.items(), key=lambda kv: str(kv[0])))


def encode_taxonomies(entries: pd.DataFrame, sources: Mapping[str, pd.DataFrame],
                      taxonomies: tuple[Taxonomy, ...]) -> pd.DataFrame:
    """Return one int32 column ``t{k}_{j}`` per taxonomy ``k`` and level ``j`` for the canonical ``entries``.

    ``entries`` are those of :func:`conflictlab.match.inputs.read_entries` (``dataset`` and ``row`` locate
    each entry in its source table). Empty codes give -1 (agrees with nothing).
    """
    cols: dict[str, np.ndarray] = {}
    n = len(entries)
    for k, tax in enumerate(taxonomies):
        block = np.full((n, tax.n_levels), -1, dtype="int32")
        for name, table in sources.items():
            if tax.name not in table.columns:
                raise KeyError(f"dataset {name!r} has no column {tax.name!r} for the taxonomy of that name")
            where = np.flatnonzero((entries["dataset"] == name).to_numpy())
            codes = tax.encode(name, table[tax.name])
            block[where] = codes[entries["row"].to_numpy()[where]]
        for j in range(tax.n_levels):
            cols[f"t{k}_{j}"] = block[:, j]
    return pd.DataFrame(cols, index=entries.index)
