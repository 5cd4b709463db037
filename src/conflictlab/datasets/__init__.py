"""Bundled datasets: casebooks that ship inside the package and load with no network.

Examples
--------
>>> import conflictlab as cl
>>> "nerkin-hand-2024" in cl.datasets.names()
True
>>> cl.datasets.load("nerkin-hand-2024")
<Casebook 'Nerkin Hand border fire, 12-13 February 2024': 2 incidents, ...>
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from ..model.casebook import Casebook

__all__ = ["load", "path", "names", "info", "Dataset", "REGISTRY"]


@dataclass(frozen=True)
class Dataset:
    """A registry entry: what a dataset is, under which license, and how to cite it."""

    name: str
    kind: str
    description: str
    license: str
    citation: str
    filename: str


REGISTRY: dict[str, Dataset] = {
    "nerkin-hand-2024": Dataset(
        name="nerkin-hand-2024",
        kind="casebook",
        description="Armenia-Azerbaijan border fire near Nerkin Hand on 13 Feb 2024 and the alleged 12 Feb fire "
        "it was called a retaliation for, as reported by The Epoch Times (13-14 Feb 2024).",
        license="CC BY 4.0 (the casebook); quotes are short excerpts of the cited document",
        citation="conflictlab contributors (2026). Nerkin Hand casebook, from A. Morrow, 'Clashes Erupt on "
        "Armenia-Azerbaijan Border, Putting Fraught Peace Talks at Risk', The Epoch Times, 13 Feb 2024.",
        filename="nerkin-hand-2024.yaml",
    ),
}


def _casebook_dir() -> Path:
    bundled = resources.files(__name__) / "casebooks"
    if bundled.is_dir():  # installed wheel: datasets/casebooks is packaged here
        return Path(str(bundled))
    # editable install / source checkout: the repository's top-level datasets/ folder
    return Path(__file__).resolve().parents[3] / "datasets" / "casebooks"


def names() -> list[str]:
    """Return the names of the bundled datasets."""
    return list(REGISTRY)


def info() -> pd.DataFrame:
    """Return the registry as a table (name, kind, description, license, citation)."""
    return pd.DataFrame([{k: getattr(d, k) for k in ("name", "kind", "description", "license", "citation")}
                         for d in REGISTRY.values()])


def path(name: str) -> Path:
    """Return the file of bundled dataset ``name``.

    Examples
    --------
    >>> path("nerkin-hand-2024").name
    'nerkin-hand-2024.yaml'
    """
    if name not in REGISTRY:
        raise KeyError(f"unknown dataset {name!r}; available: {', '.join(REGISTRY)}")
    file = _casebook_dir() / REGISTRY[name].filename
    if not file.exists():
        raise FileNotFoundError(f"dataset {name!r} should be at {file} but is not; reinstall conflictlab")
    return file


def load(name: str) -> Casebook:
    """Load bundled dataset ``name`` (no network).

    Examples
    --------
    >>> book = load("nerkin-hand-2024")
    >>> book.meta["license"][:9]
    'CC BY 4.0'
    """
    from ..io import read_casebook

    book = read_casebook(path(name))
    book.meta.setdefault("citation", REGISTRY[name].citation)
    return book
