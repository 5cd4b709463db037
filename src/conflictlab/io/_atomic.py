"""Atomic writes: a file is either the complete old one or the complete new one, never a half-written one.

Every writer in conflictlab (casebooks, tables, reports, the annotator's Save) goes through :func:`atomic_path`:
it writes to a temporary file in the destination's own folder (so the final rename stays on one file system)
and renames it over the destination only when the write finished. Ctrl-C, a kill or a full disk leave the old
file as it was and no temporary file behind.

Examples
--------
>>> import tempfile, os
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as d:
...     p = Path(d, "out.txt")
...     _ = p.write_text("old")
...     try:
...         with atomic_path(p) as tmp:
...             _ = tmp.write_text("half")
...             raise KeyboardInterrupt
...     except KeyboardInterrupt:
...         pass
...     (p.read_text(), sorted(os.listdir(d)))
('old', ['out.txt'])
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_path", "atomic_write_text", "atomic_write_bytes"]


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success rename it over ``path``, on any error remove it.

    The temporary file exists (empty) when the block starts, so writers that open it by name work; it takes the
    destination's suffix so that writers choosing a format by suffix (pandas, pyarrow) choose the same one.
    The final file gets the usual permissions (``0o666`` less the umask), not the private ones of a temp file.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=f".tmp{path.suffix}", dir=folder)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_text(path: str | Path, text: str, *, encoding: str = "utf-8", newline: str | None = None) -> Path:
    """Write ``text`` to ``path`` atomically; return ``path``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     atomic_write_text(Path(d, "a.txt"), "hello").read_text()
    'hello'
    """
    path = Path(path)
    with atomic_path(path) as tmp, open(tmp, "w", encoding=encoding, newline=newline) as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    return path


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; return ``path``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     atomic_write_bytes(Path(d, "a.bin"), b"\\x00\\x01").read_bytes()
    b'\\x00\\x01'
    """
    path = Path(path)
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return path
