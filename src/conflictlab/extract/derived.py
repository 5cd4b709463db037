"""Claims implied by other candidates of the same sentence.

* ``cause-unprovoked``: a characterization that calls the act unprovoked ("unprovoked aggression") says it had
  no cause: ``cause`` = ``none``.
* ``perpetrator-self-framing``: a speaker who frames the act as its own response ("retaliatory operation",
  "counter-terrorism operation", "self-defence") names its own party as the perpetrator.
* ``target-casualties``: the party whose people were killed, injured, captured or missing was a target.

Examples
--------
>>> from conflictlab.extract.candidate import Candidate
>>> framing = Candidate("characterization", "retaliatory operation", 10, 31, "characterization-lexicon")
>>> [(c.field, c.value) for c in derived_candidates([framing], "azerbaijan")]
[('perpetrator', 'azerbaijan')]
"""

from __future__ import annotations

from .candidate import Candidate

__all__ = ["derived_candidates", "SELF_FRAMINGS"]

#: labels (or label prefixes) by which a speaker claims the act as its own response
SELF_FRAMINGS = ("retaliatory", "retaliation", "counter-terrorism operation", "self-defence")


def derived_candidates(candidates: list[Candidate], speaker_party: str | None) -> list[Candidate]:
    """Return the candidates implied by ``candidates`` (those of one sentence)."""
    out: list[Candidate] = []
    for c in candidates:
        if c.field == "characterization" and "unprovoked" in c.value:
            out.append(Candidate("cause", "none", c.start, c.end, "cause-unprovoked"))
        if c.field == "characterization" and speaker_party and c.value.startswith(SELF_FRAMINGS):
            out.append(Candidate("perpetrator", speaker_party, c.start, c.end, "perpetrator-self-framing"))
        if c.field in ("killed", "injured", "captured", "missing") and c.party and c.value != "0":
            out.append(Candidate("target", c.party, c.start, c.end, "target-casualties"))
    return out
