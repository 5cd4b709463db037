"""Claimed losses (the Ukrainian General Staff's daily figures) and their comparison with documented counts.

The General Staff of the Armed Forces of Ukraine publishes every morning its cumulative count of Russian losses
by category. Two independent transcriptions are read by :func:`read_genstaff_claims`:

* P. Ivaniuk's *2022 Ukraine Russia War* dataset (MIT): ``russia_losses_equipment.{csv,json}`` and
  ``russia_losses_personnel.{csv,json}``, English column names;
* the ``moskali`` package's ``moskali.json`` (MIT), Ukrainian keys (``Танки``, ``ББМ``, ...).

Both become the tidy ``losses`` table (:data:`conflictlab.model.events.EVENT_SCHEMAS`): one row per (date,
category) with the cumulative ``count``, ``basis="claimed"``, ``source="ua-general-staff"``. Categories that
were reported under other names early in the war (vehicles and fuel tanks separately until 30 Apr 2022; "Grad"
launchers; "Buk" systems) are summed into the later category on the days the later one is absent.

:func:`claimed_vs_documented` lines a claimed series up with a documented one (Oryx,
:mod:`conflictlab.io.oryx`): per category and date, the claim, the documented count, their ratio and the excess.

Examples
--------
>>> claimed = pd.DataFrame({"date": pd.to_datetime(["2023-02-05"]), "category": ["tanks"], "count": [3220]})
>>> documented = pd.DataFrame({"date": pd.to_datetime(["2023-02-05"]), "category": ["tanks"], "count": [1673]})
>>> claimed_vs_documented(claimed, documented)[["category", "claimed", "documented", "ratio"]].round(2)
  category  claimed  documented  ratio
0    tanks     3220        1673   1.92
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..model.events import conform_events
from ._events import report
from ._parse import to_date, to_int
from ._tabular import RowChecks, read_records, require_columns

__all__ = ["read_genstaff_claims", "claimed_vs_documented", "GENSTAFF_EN", "GENSTAFF_UA", "GENSTAFF_SOURCE"]

GENSTAFF_SOURCE = "ua-general-staff"

#: English column names (P. Ivaniuk's transcription) -> (category, primary?); non-primary columns are summed
#: into the category only on days its primary column is empty.
GENSTAFF_EN: dict[str, tuple[str, bool]] = {
    "personnel": ("personnel", True), "POW": ("pow", True), "tank": ("tanks", True),
    "APC": ("armoured-vehicles", True), "field artillery": ("artillery", True), "MRL": ("mlrs", True),
    "anti-aircraft warfare": ("air-defence", True), "aircraft": ("aircraft", True),
    "helicopter": ("helicopters", True), "drone": ("uav", True), "cruise missiles": ("cruise-missiles", True),
    "naval ship": ("ships", True), "submarines": ("submarines", True), "vehicles and fuel tanks": ("vehicles", True),
    "military auto": ("vehicles", False), "fuel tank": ("vehicles", False),
    "special equipment": ("special-equipment", True), "mobile SRBM system": ("srbm-launchers", True),
    "ground robotic systems": ("ground-robots", True),
}

#: Ukrainian keys (the ``moskali`` transcription) -> (category, primary?).
GENSTAFF_UA: dict[str, tuple[str, bool]] = {
    "Особовий склад": ("personnel", True), "Танки": ("tanks", True), "ББМ": ("armoured-vehicles", True),
    "Артилерійські системи": ("artillery", True), "РСЗВ": ("mlrs", True), "РСЗВ Град": ("mlrs", False),
    "Засоби ППО": ("air-defence", True), "ЗРК БУК": ("air-defence", False), "Літаки": ("aircraft", True),
    "Гелікоптери": ("helicopters", True), "БПЛА": ("uav", True), "Крилаті ракети": ("cruise-missiles", True),
    "Кораблі (катери)": ("ships", True), "Підводні човни": ("submarines", True),
    "Автомобілі та автоцистерни": ("vehicles", True), "Автомобілі": ("vehicles", False),
    "Цистерни з ППМ": ("vehicles", False), "Спеціальна техніка": ("special-equipment", True),
    "Пускові установки ОТРК": ("srbm-launchers", True),
}


def read_genstaff_claims(paths: str | Path | Iterable[str | Path], *, errors: str = "raise") -> pd.DataFrame:
    """Read the Ukrainian General Staff's daily cumulative claims of Russian losses as the ``losses`` table.

    Parameters
    ----------
    paths : path or paths
        ``russia_losses_equipment.{csv,json}`` and/or ``russia_losses_personnel.{csv,json}`` (English names), or
        ``moskali.json`` (Ukrainian keys). Several files are concatenated.
    errors : {"raise", "warn"}
        Unreadable dates drop the day (``"warn"``) or raise; unreadable figures leave the cell empty or raise.

    Returns
    -------
    DataFrame
        ``losses`` rows (``basis="claimed"``): personnel figures worded "about N" get ``qualifier="about"``.

    Examples
    --------
    >>> from conflictlab.datasets import local_path
    >>> c = read_genstaff_claims(local_path("ukraine-losses-equipment"))  # doctest: +SKIP
    >>> int(c[(c.category == "tanks") & (c.date == "2023-02-05")]["count"].iloc[0])  # doctest: +SKIP
    3220
    """
    files = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    frames, problems, quirks = [], [], []
    for path in files:
        wide = read_records(path)
        require_columns(path, wide.columns, ("date",), "General Staff claims")
        ua = any(c in GENSTAFF_UA for c in wide.columns)
        mapping = GENSTAFF_UA if ua else GENSTAFF_EN
        checks = RowChecks(path, wide, "date", what="day", header=path.suffix.lower() != ".json")
        date, bad = to_date(wide["date"], ("ISO8601",))
        checks.bad(bad | date.isna(), "date", lambda v: f"not a date: {v!r}")
        counts = {}
        for col in [c for c in wide.columns if c in mapping]:
            counts[col], bad = to_int(wide[col])
            checks.bad(bad | (counts[col] < 0).fillna(False), col, lambda v: f"not a count: {v!r}", drop=False)
        keep, p, q = checks.finish(errors)
        problems += p
        quirks += q
        about = wide["personnel*"].astype("str").str.strip().eq("about") if "personnel*" in wide else None
        dataset = ("moskali:" if ua else "ivaniuk:") + path.name
        for cat in dict.fromkeys(c for c, _ in mapping.values()):
            primary = [c for c in counts if mapping[c] == (cat, True)]
            legacy = [c for c in counts if mapping[c] == (cat, False)]
            if not primary and not legacy:
                continue
            value = pd.concat([counts[c] for c in primary], axis=1).sum(axis=1, min_count=1) if primary else \
                pd.Series(pd.NA, index=wide.index, dtype="Int64")
            if legacy:
                old = pd.concat([counts[c] for c in legacy], axis=1).sum(axis=1, min_count=1)
                value = value.fillna(old)
            qualifier = about.map({True: "about", False: None}) if about is not None and cat == "personnel" else None
            frames.append(pd.DataFrame({
                "date": date, "category": cat, "count": value.astype("Int64"), "qualifier": qualifier,
                "orig_category": " + ".join(primary + legacy),
            })[keep & value.notna().to_numpy()].assign(dataset=dataset))
    report(problems, quirks, "quirk(s) in the General Staff claims")
    out = pd.concat(frames, ignore_index=True).assign(basis="claimed", source=GENSTAFF_SOURCE, side_lost="russia")
    return conform_events(out, "losses").sort_values(["category", "date"], ignore_index=True)


def claimed_vs_documented(claimed: pd.DataFrame, documented: pd.DataFrame, align: str = "documented") -> pd.DataFrame:
    """Line up claimed and documented cumulative counts per category and date, with ratio and excess.

    Parameters
    ----------
    claimed, documented : DataFrame
        ``losses`` tables (columns ``date``, ``category``, ``count``), e.g. from :func:`read_genstaff_claims` and
        :func:`conflictlab.io.read_oryx_daily`.
    align : {"documented", "claimed"}
        ``"documented"``: one row per documented (category, date), with the latest claim made on or before that
        date; ``"claimed"``: one row per claim, with the latest documented count recorded on or before it. Both
        counts are cumulative, so an earlier figure is a valid figure for the later day (a lower one).

    Returns
    -------
    DataFrame
        ``category``, ``date``, ``claimed``, ``claimed_date``, ``documented``, ``documented_date``, ``ratio``
        (claimed / documented; a documented count is a lower bound, so a ratio above 1 is not by itself a
        contradiction), ``excess`` (claimed - documented).
    """
    if align not in ("documented", "claimed"):
        raise ValueError("align must be 'documented' or 'claimed'")
    c = claimed[["date", "category", "count"]].rename(columns={"count": "claimed"}).assign(claimed_date=claimed["date"])
    d = documented[["date", "category", "count"]].rename(columns={"count": "documented"})
    d = d.assign(documented_date=documented["date"])
    left, right = (d, c) if align == "documented" else (c, d)
    left = left.assign(category=left["category"].astype("str")).dropna(subset=["date"]).sort_values("date")
    right = right.assign(category=right["category"].astype("str")).dropna(subset=["date"]).sort_values("date")
    out = pd.merge_asof(left, right, on="date", by="category", direction="backward")
    out = out.dropna(subset=["claimed", "documented"])
    claimed_n, documented_n = out["claimed"].astype("Int64"), out["documented"].astype("Int64")
    ratio = claimed_n.astype("float64") / documented_n.astype("float64").where(documented_n > 0)
    out = out.assign(claimed=claimed_n, documented=documented_n, ratio=ratio, excess=claimed_n - documented_n)
    cols = ["category", "date", "claimed", "claimed_date", "documented", "documented_date", "ratio", "excess"]
    return out[cols].sort_values(["category", "date"], ignore_index=True)
