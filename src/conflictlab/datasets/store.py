"""Where dataset files live: an offline mirror, a local cache, and explicit downloads with checksums.

* ``CONFLICTLAB_MIRROR``: a folder laid out as ``<folder>/<file>`` (CI points it at ``../shared/data``).
* ``CONFLICTLAB_CACHE``: the cache folder; default ``~/.cache/conflictlab`` (``$XDG_CACHE_HOME/conflictlab`` when
  set; ``~/Library/Caches/conflictlab`` on macOS; ``%LOCALAPPDATA%\\conflictlab\\Cache`` on Windows).
* ``CONFLICTLAB_OFFLINE=1``: :func:`download` refuses to use the network.

Nothing is ever downloaded implicitly: :func:`locate` only looks in the mirror and the cache, and
:func:`download` is the one function that opens a URL. Every file is checked against its sha256 (once per
process per file version).

Examples
--------
>>> import os
>>> os.environ.get("CONFLICTLAB_CACHE") is None or isinstance(cache_dir(), Path)
True
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
import urllib.request
from pathlib import Path

from .registry import REGISTRY, DataFile, Dataset

__all__ = ["cache_dir", "mirror_dir", "locate", "download", "sha256_of", "verify", "DatasetNotAvailable",
           "ChecksumError", "OfflineError"]


class DatasetNotAvailable(FileNotFoundError):
    """A dataset's file is neither in the mirror nor in the cache."""


class ChecksumError(ValueError):
    """A file's sha256 is not the one the registry records."""


class OfflineError(RuntimeError):
    """A download was asked for while ``CONFLICTLAB_OFFLINE`` is set, or the dataset has no download address."""


def cache_dir() -> Path:
    """Return the cache folder (``CONFLICTLAB_CACHE``, else the platform's user cache folder + ``conflictlab``)."""
    env = os.environ.get("CONFLICTLAB_CACHE")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "conflictlab" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "conflictlab"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "conflictlab"


def mirror_dir() -> Path | None:
    """Return the offline mirror folder set by ``CONFLICTLAB_MIRROR`` (None when unset)."""
    env = os.environ.get("CONFLICTLAB_MIRROR")
    return Path(env).expanduser().resolve() if env else None


def sha256_of(path: str | Path) -> str:
    """Return the hex sha256 of a file."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


_VERIFIED: set[tuple[str, int, int]] = set()


def verify(path: Path, file: DataFile) -> Path:
    """Check ``path`` against ``file.sha256``; raise :class:`ChecksumError` naming both on a mismatch."""
    st = path.stat()
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key in _VERIFIED:
        return path
    found = sha256_of(path)
    if found != file.sha256:
        raise ChecksumError(f"{path}: sha256 {found} does not match the registry's {file.sha256} for "
                            f"{file.path!r}; the file is damaged or a different version (delete it, or re-download "
                            f"with conflictlab.datasets.download(..., force=True))")
    _VERIFIED.add(key)
    return path


def _dataset(name: str) -> Dataset:
    if name not in REGISTRY:
        raise KeyError(f"unknown dataset {name!r}; available: {', '.join(REGISTRY)}")
    return REGISTRY[name]


def locate(name: str) -> list[Path]:
    """Return the local files of dataset ``name`` (mirror first, then cache), each checked; never downloads.

    Raises
    ------
    DatasetNotAvailable
        Naming the places looked in and how to get the file.
    ChecksumError
        When a local file does not match its sha256.
    """
    ds = _dataset(name)
    if not ds.files:
        raise DatasetNotAvailable(f"dataset {name!r} has no files conflictlab can provide: {ds.description}")
    mirror, cache = mirror_dir(), cache_dir()
    out = []
    for f in ds.files:
        candidates = ([mirror / f.path] if mirror else []) + [cache / f.path]
        found = next((p for p in candidates if p.is_file()), None)
        if found is None:
            how = (f"call conflictlab.datasets.download({name!r}) to fetch it from {f.url}" if f.url else
                   f"it cannot be downloaded ({ds.note or 'no address'}); set CONFLICTLAB_MIRROR to a folder "
                   f"holding {f.path}")
            looked = ", ".join(str(p) for p in candidates)
            raise DatasetNotAvailable(f"dataset {name!r}: {f.path} is not available offline (looked in {looked}); "
                                      f"{how}")
        out.append(verify(found, f))
    return out


def download(name: str, *, force: bool = False, timeout: float = 60.0) -> list[Path]:
    """Download dataset ``name`` into the cache (only when called; checks every sha256) and return its files.

    Files already in the cache (and matching) are kept unless ``force``. Nothing is written to the cache unless
    its checksum matches.

    Raises
    ------
    OfflineError
        ``CONFLICTLAB_OFFLINE`` is set, or a file has no download address.
    ChecksumError
        A downloaded file does not match (it is discarded).
    """
    ds = _dataset(name)
    if os.environ.get("CONFLICTLAB_OFFLINE", "").strip() not in ("", "0"):
        raise OfflineError(f"dataset {name!r}: CONFLICTLAB_OFFLINE is set, so nothing is downloaded")
    missing = [f.path for f in ds.files if not f.url]
    if missing or not ds.files:
        raise OfflineError(f"dataset {name!r} cannot be downloaded ({ds.note or 'no download address'}): "
                           f"{', '.join(missing) or 'no files'}")
    cache = cache_dir()
    out = []
    for f in ds.files:
        target = cache / f.path
        if target.is_file() and not force:
            try:
                out.append(verify(target, f))
                continue
            except ChecksumError:
                pass
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".part-", delete=False) as tmp:
            try:
                with urllib.request.urlopen(f.url, timeout=timeout) as response:  # noqa: S310 (explicit call)
                    shutil.copyfileobj(response, tmp)
                tmp.close()
                found = sha256_of(tmp.name)
                if found != f.sha256:
                    raise ChecksumError(f"{f.url}: downloaded sha256 {found} does not match the registry's "
                                        f"{f.sha256} for {f.path!r}; nothing was saved")
                os.replace(tmp.name, target)
            finally:
                if os.path.exists(tmp.name):
                    os.unlink(tmp.name)
        out.append(verify(target, f))
    return out
