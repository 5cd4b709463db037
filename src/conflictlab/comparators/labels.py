"""Descriptions compared as sets of normalised labels (means, damage, verification), and framings.

Examples
--------
>>> import pandas as pd
>>> pairs = pd.DataFrame({"labels_l": ["small arms", "artillery; drones"], "labels_r": ["small arms", "drones"]})
>>> codes, reasons = LabelsComparator().compare(pairs)
>>> codes.tolist(), reasons.tolist()
([0, 1], ['both: small arms', 'in common: drones'])
>>> framing = pd.DataFrame({"labels_l": ["retaliatory operation", "provocation"], "blame_l": ["armenia", "armenia"],
...                         "labels_r": ["unprovoked aggression", "restraint urged"], "blame_r": ["azerbaijan", "none"]})
>>> codes, reasons = FramingComparator().compare(framing)
>>> codes.tolist(), reasons.tolist()
([2, 1], ['blames armenia vs blames azerbaijan', 'blames armenia; the other blames no party'])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..model.vocab import NO_ACTOR, VERDICTS
from .base import AGREE, COMPATIBLE, CONTRADICT, Comparator, text

__all__ = ["LabelsComparator", "FramingComparator"]


def _sets(values: pd.Series) -> list[frozenset[str]]:
    return [frozenset(p.strip() for p in v.split(";") if p.strip()) for v in values.tolist()]


class LabelsComparator(Comparator):
    """Compare label sets: the same set agrees, a shared label is compatible, disjoint sets as configured.

    Parameters
    ----------
    disjoint : {"compatible", "contradict"}, default "compatible"
        Verdict for two sets with nothing in common. Different weapons or damage named by two sources can both
        be true, so the default does not call that a contradiction.
    """

    kind = "labels"
    columns = ("labels",)

    def __init__(self, disjoint: str = "compatible"):
        if disjoint not in ("compatible", "contradict"):
            raise ValueError("disjoint must be 'compatible' or 'contradict'")
        self.disjoint = disjoint

    def compare(self, pairs: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
        left, right = text(pairs["labels_l"]), text(pairs["labels_r"])
        same = (left == right).to_numpy()
        codes = np.full(len(pairs), AGREE, dtype="int8")
        reasons = ("both: " + left).to_numpy(dtype=object)
        differ = np.flatnonzero(~same)
        if len(differ):  # set logic only where the strings differ
            ls, rs = _sets(left.iloc[differ]), _sets(right.iloc[differ])
            disjoint_code = np.int8(VERDICTS.index(self.disjoint))
            for j, (a, b) in zip(differ, zip(ls, rs, strict=True), strict=True):
                common = a & b
                if a == b:
                    reasons[j] = "both: " + "; ".join(sorted(a))
                elif common:
                    codes[j], reasons[j] = COMPATIBLE, "in common: " + "; ".join(sorted(common))
                else:
                    codes[j] = disjoint_code
                    reasons[j] = "; ".join(sorted(a)) + " vs " + "; ".join(sorted(b)) + ": nothing in common"
        return codes, pd.Series(reasons, index=pairs.index, dtype="str")


class FramingComparator(Comparator):
    """Compare characterizations by the party each framing blames, then by its words.

    Same blame and same words agree; same blame in other words is compatible; two framings that blame
    different parties contradict. A framing that blames no party (``none``) or ``both`` is compatible with
    any other.
    """

    kind = "framing"
    columns = ("labels", "blame")

    def compare(self, pairs: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
        bl, br = text(pairs["blame_l"]), text(pairs["blame_r"])
        ll, lr = text(pairs["labels_l"]), text(pairs["labels_r"])
        same_blame = (bl == br).to_numpy()
        same_words = (ll == lr).to_numpy()
        neutral_l = bl.isin([NO_ACTOR, "both"]).to_numpy()
        neutral_r = br.isin([NO_ACTOR, "both"]).to_numpy()
        codes = np.select(
            [same_blame & same_words, same_blame | neutral_l | neutral_r], [AGREE, COMPATIBLE], CONTRADICT
        ).astype("int8")

        def who(b: pd.Series) -> pd.Series:
            return b.map({NO_ACTOR: "blames no party", "both": "blames both"}).fillna("blames " + b).astype("str")

        wl, wr = who(bl), who(br)
        reasons = np.select(
            [same_blame & same_words, same_blame, neutral_r & ~neutral_l, neutral_l & ~neutral_r,
             neutral_l & neutral_r],
            ["both: " + ll, "both " + wl.str.replace("blames ", "blame ", n=1) + ", in other words", wl + "; the other " + wr,
             wr + "; the other " + wl, wl + " / " + wr],
            wl + " vs " + wr,
        )
        return codes, pd.Series(reasons, index=pairs.index, dtype="str")
