"""Reading and writing: casebooks (YAML, or a folder of CSV/Parquet tables), and conflict event data (UCDP GED,
ACLED, GDELT, Oryx, Ukrainian General Staff claims) into the event model, and from there into claims.

Examples
--------
>>> import conflictlab as cl
>>> from conflictlab.datasets import path
>>> book = cl.read_casebook(path("nerkin-hand-2024"))
>>> len(book.incidents)
3
"""

from __future__ import annotations

from pathlib import Path

from ..model.casebook import Casebook
from .casebook_tables import read_casebook_tables, write_casebook_tables
from .acled import read_acled
from .casebook_yaml import CasebookWarning, casebook_from_yaml, casebook_to_yaml, read_casebook_yaml, write_casebook_yaml
from .events_to_claims import events_to_claims
from .gdelt import read_gdelt_events, read_gdelt_mentions
from .losses import claimed_vs_documented, read_genstaff_claims
from .losses_to_claims import losses_to_claims
from .oryx import read_oryx_by_model, read_oryx_daily, read_oryx_events
from .ucdp import read_ucdp_ged, ucdp_sources

__all__ = [
    "read_casebook",
    "write_casebook",
    "casebook_from_yaml",
    "casebook_to_yaml",
    "CasebookWarning",
    "read_ucdp_ged",
    "ucdp_sources",
    "read_acled",
    "read_gdelt_events",
    "read_gdelt_mentions",
    "read_oryx_events",
    "read_oryx_daily",
    "read_oryx_by_model",
    "read_genstaff_claims",
    "claimed_vs_documented",
    "events_to_claims",
    "losses_to_claims",
]


def read_casebook(path: str | Path, errors: str = "raise") -> Casebook:
    """Read a casebook from a YAML file or from a folder of tables.

    Parameters
    ----------
    path : str or Path
        A ``.yaml``/``.yml`` file, or a folder written by :func:`write_casebook` with ``format="csv"`` or
        ``"parquet"``.
    errors : {"raise", "warn"}
        For YAML: ``"raise"`` raises :class:`~conflictlab.CasebookError` listing every problem with its file,
        line and field; ``"warn"`` leaves the invalid records out, keeps the rest, and warns.

    Returns
    -------
    Casebook

    Examples
    --------
    >>> import conflictlab as cl
    >>> book = cl.read_casebook(cl.datasets.path("nerkin-hand-2024"))
    >>> book.sources.loc[0, "name"]
    'Ministry of Defence of Armenia'
    """
    p = Path(path)
    if p.is_dir():
        return read_casebook_tables(p)
    if not p.exists():
        raise FileNotFoundError(f"no casebook at {p}")
    return read_casebook_yaml(p, errors=errors)


def write_casebook(book: Casebook, path: str | Path, format: str | None = None) -> Path:
    """Write ``book`` as YAML (``format="yaml"`` or a ``.yaml`` path) or as a folder of CSV/Parquet tables.

    The round trip ``read_casebook(write_casebook(book, p))`` gives back the same tables.

    Examples
    --------
    >>> import tempfile, os, conflictlab as cl
    >>> book = cl.datasets.load("nerkin-hand-2024")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     again = cl.read_casebook(write_casebook(book, os.path.join(d, "copy.yaml")))
    >>> again.claims.equals(book.claims)
    True
    """
    p = Path(path)
    if format is None:
        format = "yaml" if p.suffix.lower() in (".yaml", ".yml") else "csv"
    if format == "yaml":
        return write_casebook_yaml(book, p)
    return write_casebook_tables(book, p, format=format)
