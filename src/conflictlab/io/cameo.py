"""CAMEO event codes: names for GDELT's ``EventRootCode`` / ``EventCode``.

conflictlab ships the 20 root categories and the violent sub-codes (18x assault, 19x fight, 20x mass violence)
of the CAMEO codebook (Schrodt 2012, CAMEO 1.1b3), written out here. For the full list pass a lookup file to
:func:`read_cameo_codes`: GDELT's ``CAMEO.eventcodes.txt`` (tab-separated ``CAMEOEVENTCODE``,
``EVENTDESCRIPTION``) or a JSON mapping ``{"Description": {code: name}}`` as shipped by the gdelt (gdeltPyR)
package.

Examples
--------
>>> cameo_names(pd.Series(["19", "193", "0211", None], dtype="str")).tolist()
['fight', 'fight with small arms and light weapons', nan, nan]
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

__all__ = ["CAMEO_ROOT", "CAMEO_VIOLENT", "read_cameo_codes", "cameo_names"]

CAMEO_ROOT: dict[str, str] = {
    "01": "make public statement", "02": "appeal", "03": "express intent to cooperate", "04": "consult",
    "05": "engage in diplomatic cooperation", "06": "engage in material cooperation", "07": "provide aid",
    "08": "yield", "09": "investigate", "10": "demand", "11": "disapprove", "12": "reject", "13": "threaten",
    "14": "protest", "15": "exhibit military posture", "16": "reduce relations", "17": "coerce", "18": "assault",
    "19": "fight", "20": "use unconventional mass violence",
}
"""The 20 CAMEO root categories (QuadClass 1-2 cooperation: 01-08; 3 verbal conflict: 09-13; 4 material
conflict: 14-20)."""

CAMEO_VIOLENT: dict[str, str] = {
    "180": "use unconventional violence", "181": "abduct, hijack, or take hostage", "182": "physically assault",
    "1821": "sexually assault", "1822": "torture", "1823": "kill by physical assault",
    "183": "conduct suicide, car, or other non-military bombing", "1831": "carry out suicide bombing",
    "1832": "carry out vehicular bombing", "1833": "carry out roadside bombing", "1834": "carry out location bombing",
    "184": "use as human shield", "185": "attempt to assassinate", "186": "assassinate",
    "190": "use conventional military force", "191": "impose blockade, restrict movement",
    "192": "occupy territory", "193": "fight with small arms and light weapons",
    "194": "fight with artillery and tanks", "195": "employ aerial weapons",
    "1951": "employ precision-guided aerial munitions", "1952": "employ remotely piloted aerial munitions",
    "196": "violate ceasefire", "200": "use unconventional mass violence", "201": "engage in mass expulsion",
    "202": "engage in mass killings", "203": "engage in ethnic cleansing",
    "204": "use weapons of mass destruction", "2041": "use chemical, biological, or radiological weapons",
    "2042": "detonate nuclear weapons",
}
"""CAMEO codes of violent events (18x, 19x, 20x)."""


def read_cameo_codes(path: str | Path) -> dict[str, str]:
    """Read a CAMEO code lookup (GDELT's tab-separated ``CAMEO.eventcodes.txt``, or JSON) as {code: name}."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json":
        data = json.loads(text)
        table = data.get("Description", data) if isinstance(data, dict) else {}
        return {str(k): str(v).strip().lower() for k, v in table.items()}
    out = {}
    for line in text.splitlines()[1:]:
        code, _, name = line.partition("\t")
        if code.strip():
            out[code.strip()] = name.strip().lower()
    return out


def cameo_names(codes: pd.Series, lookup: Mapping[str, str] | None = None) -> pd.Series:
    """Return the CAMEO name of each code (missing when unknown)."""
    table = {**CAMEO_ROOT, **CAMEO_VIOLENT, **(lookup or {})}
    return codes.astype("object").map(table).astype("str")
