"""Datasets: bundled casebooks (no network), and a registry of real conflict data with an offline mirror and cache.

Bundled casebooks load with no network. Real datasets (UCDP GED slices, GDELT samples, Oryx, the Ukrainian
General Staff's claims) load from an offline mirror (``CONFLICTLAB_MIRROR``) or the cache
(``CONFLICTLAB_CACHE``); they are downloaded only by an explicit :func:`download`. Each entry carries its
license and a citation for figure captions (:func:`citation`). See ``docs/datasets.md``.

Examples
--------
>>> import conflictlab as cl
>>> "nerkin-hand-2024" in cl.datasets.names()
True
>>> cl.datasets.load("nerkin-hand-2024")
<Casebook 'Nerkin Hand border fire, 12-13 February 2024': 3 incidents, ...>
>>> cl.datasets.citation("ucdp-ged-mexico")[:27]
'Data: UCDP GED (CC BY 4.0),'
"""

from __future__ import annotations

import importlib
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from ..model.casebook import Casebook
from .registry import REGISTRY, DataFile, Dataset, register
from .store import (
    ChecksumError,
    DatasetNotAvailable,
    OfflineError,
    cache_dir,
    download,
    locate,
    mirror_dir,
    sha256_of,
)

__all__ = ["load", "path", "local_path", "names", "info", "citation", "download", "locate", "register",
           "cache_dir", "mirror_dir", "sha256_of", "Dataset", "DataFile", "REGISTRY", "DatasetNotAvailable",
           "ChecksumError", "OfflineError"]


def _casebook_dir() -> Path:
    bundled = resources.files(__name__) / "casebooks"
    if bundled.is_dir():  # installed wheel: datasets/casebooks is packaged here
        return Path(str(bundled))
    # editable install / source checkout: the repository's top-level datasets/ folder
    return Path(__file__).resolve().parents[3] / "datasets" / "casebooks"


def names(kind: str | None = None) -> list[str]:
    """Return the names of the registered datasets (of one ``kind``, e.g. ``"casebook"``, if given)."""
    return [n for n, d in REGISTRY.items() if kind is None or d.kind == kind]


def info() -> pd.DataFrame:
    """Return the registry as a table (name, kind, description, license, citation)."""
    return pd.DataFrame([{k: getattr(d, k) for k in ("name", "kind", "description", "license", "citation")}
                         for d in REGISTRY.values()])


def citation(name: str) -> str:
    """Return the attribution and citation of dataset ``name``, for a figure caption or a reference list.

    Examples
    --------
    >>> print(citation("acled"))  # doctest: +ELLIPSIS
    Data: Armed Conflict Location & Event Data (ACLED), www.acleddata.com. Raleigh, Clionadh, ...
    """
    if name not in REGISTRY:
        raise KeyError(f"unknown dataset {name!r}; available: {', '.join(REGISTRY)}")
    d = REGISTRY[name]
    return " ".join(p for p in (d.attribution, d.citation, f"License: {d.license}.") if p)


def path(name: str) -> Path:
    """Return the file of dataset ``name``: the bundled casebook, or the (first) local file of a real dataset.

    Examples
    --------
    >>> path("nerkin-hand-2024").name
    'nerkin-hand-2024.yaml'
    """
    if name not in REGISTRY:
        raise KeyError(f"unknown dataset {name!r}; available: {', '.join(REGISTRY)}")
    if REGISTRY[name].kind != "casebook":
        return local_path(name)
    file = _casebook_dir() / REGISTRY[name].filename
    if not file.exists():
        raise FileNotFoundError(f"dataset {name!r} should be at {file} but is not; reinstall conflictlab")
    return file


def local_path(name: str) -> Path:
    """Return the (first) local file of a real dataset from the mirror or cache; never downloads."""
    return locate(name)[0]


def load(name: str, **kwargs: Any) -> Any:
    """Load dataset ``name``: a bundled casebook, or a real dataset through its loader (no network).

    Keyword arguments go to the loader (``errors="warn"``, ``engine="duckdb"``, ...). A real dataset that is
    in neither the mirror nor the cache raises :class:`DatasetNotAvailable` saying how to get it.

    Examples
    --------
    >>> book = load("nerkin-hand-2024")
    >>> book.meta["license"][:9]
    'CC BY 4.0'
    """
    if name not in REGISTRY:
        raise KeyError(f"unknown dataset {name!r}; available: {', '.join(REGISTRY)}")
    entry = REGISTRY[name]
    if entry.kind == "casebook":
        from ..io import read_casebook

        book: Casebook = read_casebook(path(name))
        book.meta.setdefault("citation", entry.citation)
        return book
    files = locate(name)
    module, _, func = (entry.loader or "").partition(":")
    loader = getattr(importlib.import_module(module), func)
    return loader(files[0] if len(files) == 1 else files, **kwargs)
