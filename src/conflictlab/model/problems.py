"""Problems found in input, and the error that carries them.

Every reader and validator reports a :class:`Problem` naming the file, the line (or record), and the field,
and collects all of them before raising one :class:`CasebookError`, so a user fixes a file in one pass.

Examples
--------
>>> p = Problem("book.yaml", 12, "statement 'c1'", "killed.armenia", "low 5 > high 3")
>>> str(p)
"book.yaml:12: statement 'c1': field 'killed.armenia': low 5 > high 3"
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem", "CasebookError"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and what is wrong."""

    file: str | None
    line: int | None
    record: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file or "<casebook>"
        if self.line is not None:
            where += f":{self.line}"
        parts = [where]
        if self.record:
            parts.append(self.record)
        if self.field:
            parts.append(f"field {self.field!r}")
        parts.append(self.message)
        return ": ".join(parts)


class CasebookError(ValueError):
    """A casebook (or a data file) is not valid; ``problems`` lists every problem found.

    Examples
    --------
    >>> err = CasebookError([Problem("b.yaml", 3, None, "side", "unknown party 'x'")])
    >>> print(err)
    1 problem in b.yaml:
      b.yaml:3: field 'side': unknown party 'x'
    """

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        files = sorted({p.file for p in self.problems if p.file}) or ["the casebook"]
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in {', '.join(files)}:"
        super().__init__("\n".join([head, *("  " + str(p) for p in self.problems)]))
