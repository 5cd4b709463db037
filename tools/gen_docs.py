"""Regenerate the generated parts of docs/claim-model.md from the schema module (``python tools/gen_docs.py``).

tests/test_docs.py fails when the document is out of date."""

from __future__ import annotations

import sys
from pathlib import Path

from conflictlab.model.quantities import VAGUE_QUANTITIES
from conflictlab.model.tables import SCHEMAS, describe
from conflictlab.model.vocab import FIELDS

DOC = Path(__file__).resolve().parents[1] / "docs" / "claim-model.md"
BEGIN, END = "<!-- generated: begin -->", "<!-- generated: end -->"


def generated() -> str:
    out = ["## Fields", "", "| field | kind | per party | meaning |", "|---|---|---|---|"]
    out += [f"| `{f.name}` | {f.kind} | {'yes' if f.per_party else ''} | {f.description} |" for f in FIELDS.values()]
    out += ["", "## Vague quantities", "", "| wording | low | high | gloss |", "|---|---|---|---|"]
    out += [f"| {w} | {lo} | {'' if hi is None else hi} | {g} |" for w, (lo, hi, g) in VAGUE_QUANTITIES.items()]
    out += ["", "Bounds and approximations: 'at least N' = N or more; 'more than N' / 'over N' = N+1 or more; "
            "'up to N' = 0-N; 'fewer than N' = 0-(N-1); 'about / around / nearly N' = within 10% of N; 'N-M' = N-M.",
            ""]
    for table in SCHEMAS:
        out += [f"## Table `{table}`", "", "| column | dtype | required | meaning |", "|---|---|---|---|"]
        for row in describe(table).itertuples(index=False):
            out.append(f"| `{row.column}` | {row.dtype} | {'yes' if row.required else ''} | {row.meaning} |")
        out.append("")
    return "\n".join(out)


def render(text: str) -> str:
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{generated()}\n{END}{tail}"


if __name__ == "__main__":
    text = DOC.read_text(encoding="utf-8")
    new = render(text)
    if "--check" in sys.argv:
        sys.exit(0 if new == text else 1)
    DOC.write_text(new, encoding="utf-8")
