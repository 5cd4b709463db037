"""Optional dependencies, imported when first needed, with an error that says which extra to install.

Examples
--------
>>> require("json", "core").__name__
'json'
>>> require("not_a_module_xyz", "widgets")
Traceback (most recent call last):
...
ImportError: conflictlab needs 'not_a_module_xyz' for this: pip install "conflictlab[widgets]"
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["require"]


def require(module: str, extra: str) -> ModuleType:
    """Import ``module`` or raise an ImportError naming the extra that provides it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f'conflictlab needs {module!r} for this: pip install "conflictlab[{extra}]"') from exc
