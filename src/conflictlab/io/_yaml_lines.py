"""A YAML safe loader that remembers the line of every mapping and key, and reports duplicate keys.

Examples
--------
>>> doc = load_with_lines("a:\\n  b: 1\\n", "x.yaml")
>>> doc["a"].line, doc["a"].key_lines["b"]
(2, 2)
"""

from __future__ import annotations

from typing import Any

import yaml

from ..model.problems import CasebookError, Problem

__all__ = ["LineDict", "load_with_lines"]


class LineDict(dict):
    """A dict from YAML that knows its own line (``line``) and the line of each key (``key_lines``)."""

    line: int | None = None
    key_lines: dict[Any, int]


class _LineLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` plus line numbers; constructs only plain data (no Python objects)."""

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[int, Any]] = []


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if isinstance(key, (str, int, float, bool)) and key in seen:
            loader.duplicates.append((line, key))
        seen.setdefault(key, line) if not isinstance(key, (list, dict)) else None
    mapping = LineDict(yaml.SafeLoader.construct_mapping(loader, node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = seen
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_with_lines(text: str, filename: str | None) -> Any:
    """Parse YAML ``text`` safely, raising :class:`CasebookError` for syntax errors and duplicate keys."""
    loader = _LineLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise CasebookError([Problem(filename, line, None, None, f"YAML syntax error: {exc.problem}")]) from None
    except yaml.YAMLError as exc:
        raise CasebookError([Problem(filename, None, None, None, f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()
    if loader.duplicates:
        raise CasebookError(
            [Problem(filename, line, None, str(key), f"duplicate key {key!r}") for line, key in loader.duplicates]
        )
    return data
