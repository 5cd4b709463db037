"""Saving figures: PNG, SVG or PDF through kaleido 1.x and the system Chromium; HTML self-contained and offline.

Kaleido renders in a headless Chromium with the plotly.js shipped inside the ``plotly`` package; MathJax,
which kaleido would otherwise load from a CDN, is switched off, so saving needs no network. HTML files embed
plotly.js (``include_plotlyjs=True``): they open offline and load no external script.

Examples
--------
>>> import tempfile, pathlib
>>> import conflictlab as cl
>>> from conflictlab import viz
>>> fig = viz.claim_network(cl.datasets.load("nerkin-hand-2024"))
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = viz.save(fig, pathlib.Path(tmp) / "network.html")
...     "<script src=\\"http" in path.read_text(encoding="utf-8")
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .._optional import require

__all__ = ["save", "save_many", "image_export_available", "EXTERNAL_SCRIPT"]

IMAGE_FORMATS = ("png", "svg", "pdf", "jpeg", "webp")
#: A ``<script src=...>`` that points outside the file (http, https or protocol-relative).
EXTERNAL_SCRIPT = re.compile(r"<script[^>]*\ssrc\s*=\s*[\"']?\s*(?:https?:)?//", re.IGNORECASE)
_CONFIG = {"displaylogo": False, "responsive": True,
           "toImageButtonOptions": {"format": "svg", "filename": "conflictlab-figure"}}


def image_export_available() -> tuple[bool, str]:
    """Whether PNG/SVG export can run here: ``(True, "")`` or ``(False, reason)``."""
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return False, 'kaleido is not installed: pip install "conflictlab[export]"'
    try:
        from choreographer.utils import get_browser_path
        from kaleido._kaleido_tab import _utils  # noqa: F401  (kaleido 1.x layout)
    except ImportError:
        get_browser_path = None
    if get_browser_path is not None and not get_browser_path():
        return False, "no Chromium or Chrome found (apt-get install chromium, or set BROWSER_PATH)"
    return True, ""


def _format(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    fmt = {"jpg": "jpeg", "htm": "html"}.get(suffix, suffix)
    if fmt not in (*IMAGE_FORMATS, "html"):
        raise ValueError(f"cannot save {path.name!r}: use .png, .svg, .pdf, .jpeg, .webp or .html")
    return fmt


def _write_html(fig: Any, path: Path) -> Path:
    fig.write_html(path, include_plotlyjs=True, full_html=True, include_mathjax=False, config=_CONFIG,
                   validate=True)
    text = path.read_text(encoding="utf-8")
    if EXTERNAL_SCRIPT.search(text):  # never ship a file that needs the network
        raise RuntimeError(f"{path} would load an external script; refusing to write it")
    return path


def _image_bytes(fig: Any, fmt: str, scale: float) -> bytes:
    kaleido = require("kaleido", "export")
    layout = fig.layout
    opts = {"format": fmt, "width": layout.width or 1000, "height": layout.height or 600, "scale": scale}
    spec = fig.to_dict()
    from kaleido import _sync_server

    if _sync_server.GlobalKaleidoServer().is_running():
        return kaleido.calc_fig_sync(spec, opts=opts)
    return kaleido.calc_fig_sync(spec, opts=opts, kopts={"mathjax": False})


def save(fig: Any, path: str | Path, *, scale: float = 2.0) -> Path:
    """Save ``fig`` by the file's extension: ``.png``, ``.svg``, ``.pdf`` (kaleido) or ``.html`` (offline).

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
    path : str or Path
        Where to write; parent folders are created.
    scale : float
        Pixel density of raster images (2: sharp on print and high-DPI screens).

    Returns
    -------
    Path
        The file written.
    """
    path = Path(path)
    fmt = _format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        return _write_html(fig, path)
    ok, why = image_export_available()
    if not ok:
        raise RuntimeError(f"cannot write {path.name}: {why}")
    path.write_bytes(_image_bytes(fig, fmt, scale))
    return path


def save_many(figs: Mapping[str, Any] | Iterable[tuple[str, Any]], folder: str | Path,
              formats: Iterable[str] = ("png",), *, scale: float = 2.0) -> list[Path]:
    """Save several figures into ``folder`` as ``<name>.<format>``, starting Chromium once for all of them.

    Starts kaleido's sync server (``kaleido.start_sync_server``) when image formats are asked for and it is
    not already running, and stops it afterwards only if it was started here.
    """
    folder = Path(folder)
    items = list(figs.items() if isinstance(figs, Mapping) else figs)
    formats = [f.lower().lstrip(".") for f in formats]
    for f in formats:
        _format(Path(f"x.{f}"))
    started = False
    if any(f != "html" for f in formats):
        ok, why = image_export_available()
        if not ok:
            raise RuntimeError(f"cannot write images: {why}")
        kaleido = require("kaleido", "export")
        from kaleido import _sync_server

        if not _sync_server.GlobalKaleidoServer().is_running():
            kaleido.start_sync_server(mathjax=False, silence_warnings=True)
            started = True
    try:
        return [save(fig, folder / f"{name}.{f}", scale=scale) for name, fig in items for f in formats]
    finally:
        if started:
            kaleido.stop_sync_server(silence_warnings=True)
