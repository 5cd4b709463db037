"""Oryx: visually confirmed equipment losses, as event records and as documented cumulative counts.

Oryx (oryxspioenkop.com) lists each lost piece of equipment for which there is photo or video evidence. Three
files are read:

* the per-item lists scraped by S. Carnecchia (``event_destroyed.csv``, ``event_captured.csv``, ...; CC BY 4.0)
  -> the event model, with :func:`read_oryx_events`;
* the daily cumulative counts by equipment type of the same scrape (``daily_count.csv``) -> the ``losses``
  table, with :func:`read_oryx_daily`;
* the by-model snapshot with a crosswalk to the Ukrainian General Staff's categories
  (``russia_losses_equipment_oryx.csv`` of P. Ivaniuk's dataset, MIT, about 5 Feb 2023) -> ``losses``, with
  :func:`read_oryx_by_model`.

An Oryx count is a **documented lower bound**: only losses with visual evidence are listed, so the true number
is at least the count. ``date_recorded`` is the day the scrape first saw an item, not the day of the loss: an
event's window is therefore the start of the full-scale invasion (24 Feb 2022) to ``date_recorded``.

Examples
--------
>>> ORYX_TYPE_CATEGORIES["Infantry Fighting Vehicles"], ORYX_UA_CATEGORIES["Warships, Boats"]
('armoured-vehicles', 'ships')
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..model.events import conform_events
from ._events import assemble, report
from ._parse import to_date, to_int, to_text
from ._tabular import RowChecks, read_records, read_text, require_columns

__all__ = ["read_oryx_events", "read_oryx_daily", "read_oryx_by_model", "ORYX_TYPE_CATEGORIES",
           "ORYX_UA_CATEGORIES", "WAR_START", "ORYX_EVENT_COLUMNS"]

WAR_START = pd.Timestamp("2022-02-24")
"""Start of the full-scale invasion: the earliest possible date of an Oryx-listed loss in these files."""

ORYX_EVENT_COLUMNS = ("country", "origin", "system", "status", "url", "date_recorded", "sysID", "imageID")

ORYX_TYPE_CATEGORIES: dict[str, str] = {
    "Tanks": "tanks",
    "Armoured Fighting Vehicles": "armoured-vehicles", "Infantry Fighting Vehicles": "armoured-vehicles",
    "Armoured Personnel Carriers": "armoured-vehicles", "Mine-Resistant Ambush Protected": "armoured-vehicles",
    "Infantry Mobility Vehicles": "armoured-vehicles",
    "Self-Propelled Artillery": "artillery", "Towed Artillery": "artillery",
    "Multiple Rocket Launchers": "mlrs", "Rocket and Missile Artillery": "mlrs",
    "Surface-To-Air Missile Systems": "air-defence", "Self-Propelled Anti-Aircraft Guns": "air-defence",
    "Anti-Aircraft Guns": "air-defence",
    "Aircraft": "aircraft", "Helicopters": "helicopters",
    "Reconnaissance Unmanned Aerial Vehicles": "uav", "Unmanned Combat Aerial Vehicles": "uav",
    "Naval Ships": "ships",
    "Trucks, Vehicles, and Jeeps": "vehicles", "Trucks, Vehicles, Jeeps, and Trains": "vehicles",
    "Engineering Vehicles And Equipment": "special-equipment",
    "Unmanned Ground Vehicles": "ground-robots",
}
"""Oryx equipment types -> loss categories. Types with no clear counterpart among the General Staff's categories
(command posts, radars, jammers, artillery support vehicles, self-propelled anti-tank missile systems) are left
out: leaving a type out can only lower a documented count, so it stays a lower bound."""

ORYX_UA_CATEGORIES: dict[str, str] = {
    "Aircrafts": "aircraft", "Anti-aircraft Warfare Systems": "air-defence",
    "Armoured Personnel Carriers": "armoured-vehicles", "Artillery Systems": "artillery",
    "Helicopters": "helicopters", "Multiple Rocket Launchers": "mlrs", "Special Equipment": "special-equipment",
    "Tanks": "tanks", "Unmanned Aerial Vehicles": "uav", "Vehicle and Fuel Tank": "vehicles",
    "Warships, Boats": "ships",
}
"""The crosswalk column ``equipment_ua`` of the by-model snapshot -> loss categories."""


def _files(path: str | Path | Iterable[str | Path]) -> list[Path]:
    if isinstance(path, (str, Path)):
        p = Path(path)
        files = sorted(p.glob("event_*.csv")) if p.is_dir() else [p]
    else:
        files = [Path(p) for p in path]
    if not files:
        raise FileNotFoundError(f"no Oryx event files (event_*.csv) in {path}")
    return files


def read_oryx_events(path: str | Path | Iterable[str | Path], *, errors: str = "raise", encoding: str = "utf-8",
                     engine: str = "pyarrow", dataset: str = "oryx") -> pd.DataFrame:
    """Read Oryx per-item loss lists (a folder of ``event_*.csv``, one file, or several) into the event model.

    ``event_id`` is ``<status>-<sysID>-<imageID>``; ``actor1`` and ``target`` are the side that lost the item
    (``country``), ``event_type`` its status (destroyed, damaged, abandoned, captured), ``sub_event_type`` the
    system, ``source_url`` the evidence image. There is no location and no fatality figure.

    Examples
    --------
    >>> from conflictlab.datasets import local_path
    >>> ev = read_oryx_events(local_path("oryx-events").parent)  # doctest: +SKIP
    >>> len(ev)  # doctest: +SKIP
    37505
    """
    frames = []
    all_problems, all_quirks = [], []
    for file in _files(path):
        raw = read_text(file, encoding=encoding, engine=engine)
        require_columns(file, raw.columns, ORYX_EVENT_COLUMNS, "Oryx")
        checks = RowChecks(file, raw, None, encoding=encoding, what="item")
        status = to_text(raw["status"])
        ids = status + "-" + to_text(raw["sysID"]) + "-" + to_text(raw["imageID"])
        checks.bad(ids.isna(), "sysID", "no status, sysID or imageID to identify the item")
        recorded, bad = to_date(raw["date_recorded"], ("ISO8601",))
        checks.bad(bad, "date_recorded", lambda v: f"not a date: {v!r}")
        checks.bad(recorded.isna() & ~bad, "date_recorded", "no date")
        keep, problems, quirks = checks.finish(errors)
        all_problems += problems
        all_quirks += quirks
        side = to_text(raw["country"])
        start = recorded.where(recorded < WAR_START, WAR_START)
        model = {
            "event_id": ids, "dataset": dataset, "date": start, "end_date": recorded,
            "date_precision": pd.Series("year", index=raw.index, dtype="str"),
            "actor1": side, "target": side, "event_type": status, "sub_event_type": to_text(raw["system"]),
            "source_name": "Oryx", "source_url": to_text(raw["url"]),
        }
        frames.append(assemble(model, raw, keep))
    report(all_problems, all_quirks, "Oryx quirk(s)")
    return conform_events(pd.concat(frames, ignore_index=True)) if len(frames) > 1 else frames[0]


def read_oryx_daily(path: str | Path, *, side: str = "Russia", errors: str = "raise",
                    categories: dict[str, str] | None = None) -> pd.DataFrame:
    """Read Oryx's cumulative counts by equipment type (``daily_count.csv``) as documented losses by category.

    Each type's count is carried forward to every later recorded day (it is cumulative), then the types are
    summed into categories with ``categories`` (default :data:`ORYX_TYPE_CATEGORIES`). Returns the ``losses``
    table (``basis="documented"``, ``source="oryx"``).

    Examples
    --------
    >>> from conflictlab.datasets import local_path
    >>> d = read_oryx_daily(local_path("oryx-daily"))  # doctest: +SKIP
    """
    path = Path(path)
    crosswalk = categories or ORYX_TYPE_CATEGORIES
    raw = read_text(path)
    require_columns(path, raw.columns, ("country", "equipment_type", "type_total", "date_recorded"), "Oryx daily")
    checks = RowChecks(path, raw, "equipment_type", what="count of")
    date, bad = to_date(raw["date_recorded"], ("ISO8601",))
    checks.bad(bad | date.isna(), "date_recorded", lambda v: f"not a date: {v!r}")
    total, bad = to_int(raw["type_total"])
    checks.bad(bad | total.isna(), "type_total", lambda v: f"not a count: {v!r}")
    keep, problems, quirks = checks.finish(errors)
    kind = to_text(raw["equipment_type"]).str.strip()
    d = pd.DataFrame({"date": date, "type": kind, "total": total})[keep & (to_text(raw["country"]) == side).to_numpy()]
    d = d[d["type"].isin(list(crosswalk))]
    wide = d.pivot_table(index="date", columns="type", values="total", aggfunc="max").sort_index().ffill()
    by_cat = wide.T.groupby(wide.columns.map(crosswalk)).sum(min_count=1).T
    out = by_cat.stack().rename("count").reset_index().rename(columns={"level_1": "category", "type": "category"})
    out = out.assign(basis="documented", source="oryx", side_lost=side.lower(), dataset=f"oryx-daily:{path.name}",
                     orig_category=out["category"].map(_inverse(crosswalk)))
    report(problems, quirks, "Oryx quirk(s)")
    return conform_events(out, "losses").sort_values(["category", "date"], ignore_index=True)


def read_oryx_by_model(path: str | Path, *, as_of: str = "2023-02-05", side: str = "Russia",
                       errors: str = "raise") -> pd.DataFrame:
    """Read Oryx losses by model with the ``equipment_ua`` crosswalk (P. Ivaniuk's ``russia_losses_equipment_oryx``)
    as documented losses by category on the snapshot day ``as_of``.

    Examples
    --------
    >>> from conflictlab.datasets import local_path
    >>> d = read_oryx_by_model(local_path("ukraine-losses-oryx"))  # doctest: +SKIP
    >>> int(d.set_index("category").loc["tanks", "count"])  # doctest: +SKIP
    1673
    """
    path = Path(path)
    raw = read_records(path)
    require_columns(path, raw.columns, ("equipment_oryx", "model", "losses_total", "equipment_ua"), "Oryx by model")
    checks = RowChecks(path, raw, "model", what="model", header=path.suffix.lower() != ".json")
    n, bad = to_int(raw["losses_total"])
    checks.bad(bad | n.isna(), "losses_total", lambda v: f"not a count: {v!r}")
    ua = to_text(raw["equipment_ua"])
    cat = ua.map(ORYX_UA_CATEGORIES)
    checks.bad(ua.notna() & cat.isna(), "equipment_ua", lambda v: f"no category for {v!r}", drop=False)
    keep, problems, quirks = checks.finish(errors)
    d = pd.DataFrame({"category": cat, "n": n, "orig": ua})[keep & cat.notna().to_numpy()]
    out = d.groupby("category", as_index=False).agg(count=("n", "sum"), orig_category=("orig", "first"))
    out = out.assign(date=pd.Timestamp(as_of), basis="documented", source="oryx", side_lost=side.lower(),
                     dataset=f"oryx-by-model:{path.name}")
    report(problems, quirks, "Oryx quirk(s)")
    return conform_events(out, "losses")


def _inverse(crosswalk: dict[str, str]) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for k, v in crosswalk.items():
        out.setdefault(v, []).append(k)
    return {k: "; ".join(v) for k, v in out.items()}

