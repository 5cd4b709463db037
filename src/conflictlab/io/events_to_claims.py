"""From event records to claims: each dataset becomes a source, each group of records an incident.

:func:`events_to_claims` takes an event table (any mix of datasets, :mod:`conflictlab.model.events`) and a key
column that says which records are about the same incident (the cross-dataset matcher will produce such a key;
until then give one: a shared id, or e.g. ``["date", "admin1"]``). For each (incident, dataset) it writes one
statement with claims on ``occurred``, ``date``, ``place``, ``perpetrator``/``target`` where the dataset codes
them, and ``killed`` per party:

* ``killed`` of party ``all``: all dead, as the interval ``fatalities_low``-``fatalities_high`` (UCDP's low and
  high estimates; ACLED's single figure as an exact count);
* ``killed`` of each side, of ``civilians`` and of ``unattributed`` where the dataset attributes deaths (UCDP
  ``deaths_a``/``deaths_b``/``deaths_civilians``/``deaths_unknown``: best estimates, so exact counts).
  ACLED does not attribute deaths to sides: a warning says so and only ``all`` is claimed.

Several records of one dataset in one incident are summed (killed), spanned (date: first start to last end)
and, for the place, represented by the most precisely located record. Places are gazetteer rows built from the
records' coordinates, with ``coord_source`` naming the dataset record they come from.

Examples
--------
>>> import pandas as pd
>>> from conflictlab.model.events import conform_events
>>> ev = conform_events(pd.DataFrame({
...     "event_id": ["1", "A1"], "dataset": ["ucdp-ged", "acled"], "date": ["2024-02-13"] * 2,
...     "end_date": ["2024-02-13"] * 2, "country": ["Armenia"] * 2, "latitude": [39.1, 39.12],
...     "longitude": [46.4, 46.41], "location_precision": ["settlement"] * 2, "location": ["Nerkin Hand"] * 2,
...     "actor1": ["Azerbaijan", "Azerbaijan"], "actor2": ["Armenia", "Armenia"],
...     "fatalities_low": [4, 4], "fatalities_best": [4, 4], "fatalities_high": [5, 4],
...     "deaths_b": [4, None], "key": ["k", "k"]}))
>>> import warnings, conflictlab as cl
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     book = events_to_claims(ev, incident_key="key")
>>> s = cl.summarize(cl.compare(book))
>>> s.loc[s["field"] == "killed", ["party", "status"]].astype(str).values.tolist()
[['all', 'one-sided'], ['armenia', 'one-sided']]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ..model.casebook import Casebook
from ..model.events import warn_problems
from ..model.problems import Problem
from ..model.vocab import DATE_PRECISIONS, PLACE_LEVELS, THIRD_PARTY

__all__ = ["events_to_claims", "DATASET_SOURCES", "ALL", "CIVILIANS", "UNATTRIBUTED", "slug"]

ALL, CIVILIANS, UNATTRIBUTED = "all", "civilians", "unattributed"
"""Pseudo-parties used as keys of ``killed``: all dead; civilians; dead whose side the dataset does not know."""

DATASET_SOURCES: dict[str, dict[str, str]] = {
    "ucdp-ged": {"name": "UCDP Georeferenced Event Dataset", "kind": "other", "affiliation": "Uppsala University"},
    "acled": {"name": "ACLED", "kind": "ngo", "affiliation": "Armed Conflict Location & Event Data"},
    "gdelt": {"name": "GDELT Project", "kind": "media", "affiliation": "machine-coded from news reports"},
    "oryx": {"name": "Oryx", "kind": "other", "affiliation": "oryxspioenkop.com (visually confirmed losses)"},
}
"""Display name, source kind and affiliation of each dataset as a source (others: the dataset's name, ``other``)."""

_PSEUDO = {ALL: "all sides together (pseudo-party: the total)", CIVILIANS: "civilians (not a party: a count key)",
           UNATTRIBUTED: "dead whose side the dataset does not give (pseudo-party)"}


def slug(text: object) -> str:
    """Return a short lowercase id for ``text`` (``'Government of Syria'`` -> ``'government-of-syria'``)."""
    return re.sub(r"[^0-9a-z]+", "-", str(text).lower()).strip("-")[:60] or "unknown"


def events_to_claims(events: pd.DataFrame, incident_key: str | Sequence[str], *,
                     sides: Mapping[str, str] | None = None, party_map: Mapping[str, str] | None = None,
                     released: object = None, title: str | None = None) -> Casebook:
    """Turn event records into a :class:`~conflictlab.Casebook` that :func:`conflictlab.compare` accepts.

    Parameters
    ----------
    events : DataFrame
        An event table (``read_ucdp_ged``, ``read_acled``, ... or several concatenated).
    incident_key : str or list of str
        Column(s) whose values group records into incidents; records with an empty key are left out (warned).
    sides : mapping, optional
        Dataset -> side (a party id) for a dataset that speaks for a party; default ``third-party``.
    party_map : mapping, optional
        Actor name as the dataset writes it -> party id (``{"Government of Azerbaijan": "azerbaijan"}``); other
        actors get an id made from their name (:func:`slug`).
    released : date-like, optional
        When the datasets were published: the latest date their records can have been made (``stated_to``).
        Default: today (a safe upper bound).
    title : str, optional
        Casebook title.

    Returns
    -------
    Casebook
        With parties (actors and the pseudo-parties ``all``, ``civilians``, ``unattributed``), one source and one
        document per dataset, the places, incidents and claims.
    """
    keys = [incident_key] if isinstance(incident_key, str) else list(incident_key)
    missing = [k for k in keys if k not in events.columns]
    if missing:
        raise KeyError(f"incident_key column(s) {missing} not in the events table")
    parts = [events[k].dt.strftime("%Y-%m-%d") if events[k].dtype.kind == "M" else events[k].astype("str")
             for k in keys]
    key_text = parts[0].str.cat(parts[1:], sep=" ", na_rep="") if len(parts) > 1 else parts[0]
    no_key = events[keys].isna().any(axis=1).to_numpy()
    if no_key.any():
        warn_problems([Problem(None, None, f"{d} event {i!r}", ", ".join(keys), "no incident key: left out")
                       for d, i in zip(events.loc[no_key, "dataset"], events.loc[no_key, "event_id"], strict=True)],
                      "record(s) without an incident key")
    ev = events.loc[~no_key].assign(incident_id=key_text[~no_key].map(slug).to_numpy()).reset_index(drop=True)
    party_map = dict(party_map or {})
    sides = dict(sides or {})
    released = pd.Timestamp(released).normalize() if released is not None else pd.Timestamp.today().normalize()

    def party(names: pd.Series) -> pd.Series:
        return names.astype("object").map(lambda n: party_map.get(n, slug(n)) if isinstance(n, str) else None)

    ev["statement_id"] = ev["dataset"].astype("str") + "/" + ev["incident_id"]
    groups = ev.groupby("statement_id", sort=False)
    first = groups.first()
    stmt = pd.DataFrame({
        "incident_id": first["incident_id"], "source_id": first["dataset"].map(slug),
        "document_id": first["dataset"].map(slug), "date_from": groups["date"].min(),
        "date_to": groups["end_date"].max(), "n": groups.size(),
        "ids": first["event_id"].astype("str"),
    })
    multi = stmt.index[(stmt["n"] > 1).to_numpy()]
    if len(multi):
        several = ev[ev["statement_id"].isin(multi)].groupby("statement_id", sort=False)["event_id"]
        stmt.loc[multi, "ids"] = several.agg(lambda s: ", ".join(s.astype(str).iloc[:5]) + (" ..." if len(s) > 5
                                                                                             else ""))
    stmt["stated_from"] = stmt["date_to"]
    stmt["stated_to"] = np.maximum(stmt["date_to"].to_numpy(), np.datetime64(released, "s"))
    stmt["quote"] = ("record" + np.where(stmt["n"] > 1, "s ", " ") + stmt["ids"] + " of " + first["dataset"])
    base = stmt.reset_index()

    claims = [
        _claims(base, "occurred", value="occurred", occurred=True),
        _claims(base, "date", value=_date_words(base), date_from=base["date_from"], date_to=base["date_to"],
                date_precision=_coarsest(ev).reindex(base["statement_id"]).to_numpy()),
    ]
    places, place_of = _places(ev)
    if len(place_of):
        b = base.merge(place_of, on="statement_id")
        claims.append(_claims(b, "place", value=b["place_name"], place_id=b["place_id"]))
    for field in ("perpetrator", "target"):
        who = ev[["statement_id", field]].dropna()
        by = who.groupby("statement_id")[field]
        single = by.first()[(by.nunique() == 1).to_numpy()]
        if len(single):
            b = base.merge(single.rename("who").reset_index(), on="statement_id")
            claims.append(_claims(b, field, value=b["who"], actor=party(b["who"])))
    killed, quirks = _killed(ev, party)
    if len(killed):
        b = base.merge(killed, on="statement_id")
        claims.append(_claims(b, "killed", value=b["value"], party=b["party"], count_low=b["low"],
                              count_high=b["high"], count_reading=b["reading"]))
    warn_problems(quirks, "dataset(s) whose fatalities are not attributed to a side (claimed as killed of 'all' "
                  "only)")
    table = pd.concat(claims, ignore_index=True)

    used = {p for c in ("actor", "party") if c in table for p in table[c].dropna()}
    used |= set(sides.values()) - {THIRD_PARTY}
    names = {**{party(pd.Series([n])).iloc[0]: n for n in pd.concat([ev["actor1"], ev["actor2"],
                                                                      ev["perpetrator"], ev["target"]]).dropna()
                                                    .unique()}, **{v: k for k, v in party_map.items()}}
    parties = pd.DataFrame([{"party_id": p, "name": names.get(p, p), "note": _PSEUDO.get(p)} for p in sorted(used)],
                           columns=["party_id", "name", "note"])
    datasets = list(dict.fromkeys(ev["dataset"].astype(str)))
    sources = pd.DataFrame([{"source_id": slug(d), "name": DATASET_SOURCES.get(d, {}).get("name", d),
                             "side": sides.get(d, THIRD_PARTY), "kind": DATASET_SOURCES.get(d, {}).get("kind", "other"),
                             "affiliation": DATASET_SOURCES.get(d, {}).get("affiliation")} for d in datasets])
    documents = pd.DataFrame([{"document_id": slug(d), "publisher": DATASET_SOURCES.get(d, {}).get("name", d),
                               "title": f"{d} event records", "language": "en",
                               "note": "a dataset: each statement is one or more of its records"} for d in datasets])
    inc = ev.groupby("incident_id", sort=False).agg(date_from=("date", "min"), date_to=("end_date", "max"))
    incidents = inc.reset_index().assign(title=lambda d: "incident " + d["incident_id"] + " (" +
                                         ", ".join(keys) + ")")
    meta = {"title": title or f"{', '.join(datasets)} records as claims", "generated_by": "events_to_claims",
            "incident_key": keys}
    return Casebook.from_tables({"parties": parties, "sources": sources, "documents": documents, "places": places,
                                 "incidents": incidents, "claims": table}, meta=meta)


def _claims(b: pd.DataFrame, field: str, **values: object) -> pd.DataFrame:
    party = values.pop("party", None)
    claim_id = b["statement_id"] + "/" + field
    if party is not None:
        claim_id = claim_id + "/" + pd.Series(party, index=b.index).astype("str")
    out = pd.DataFrame({
        "claim_id": claim_id, "statement_id": b["statement_id"], "incident_id": b["incident_id"],
        "source_id": b["source_id"], "document_id": b["document_id"], "field": field,
        "stated_from": b["stated_from"], "stated_to": b["stated_to"], "quote": b["quote"], "quote_kind": "reported",
        "stated_basis": "a dataset record: coded after the event, published by the release date",
    }, index=b.index)
    if party is not None:
        out["party"] = pd.Series(party, index=b.index)
    for k, v in values.items():
        out[k] = v.to_numpy() if isinstance(v, pd.Series) else v
    return out


def _date_words(b: pd.DataFrame) -> pd.Series:
    a, z = b["date_from"].dt.strftime("%Y-%m-%d"), b["date_to"].dt.strftime("%Y-%m-%d")
    return a.where(a == z, a + "/" + z)


def _coarsest(ev: pd.DataFrame) -> pd.Series:
    rank = ev["date_precision"].astype("object").map({p: i for i, p in enumerate(DATE_PRECISIONS)})
    top = rank.astype("float64").groupby(ev["statement_id"].to_numpy(), sort=False).max()
    return top.map(dict(enumerate(DATE_PRECISIONS)))


def _places(ev: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One gazetteer row per statement: its most precisely located record (then the deadliest, then the first)."""
    has = ev["latitude"].notna() | ev["location"].notna()
    if not has.any():
        return pd.DataFrame(columns=["place_id", "name", "level", "country"]), pd.DataFrame()
    rank = ev["location_precision"].astype("object").map({p: i for i, p in enumerate(PLACE_LEVELS)})
    d = ev[has].assign(_rank=rank[has].fillna(len(PLACE_LEVELS)).to_numpy(),
                       _dead=ev.loc[has, "fatalities_best"].fillna(-1).to_numpy())
    best = d.sort_values(["_rank", "_dead"], ascending=[True, False], kind="stable").drop_duplicates("statement_id")
    pid = (best["dataset"].astype(str) + "-" + best["event_id"].astype(str)).map(slug)
    coords = best["latitude"].notna()
    lat = best["latitude"].round(4).astype("str")
    lon = best["longitude"].round(4).astype("str")
    places = pd.DataFrame({
        "place_id": pid.to_numpy(),
        "name": best["location"].fillna(lat + ", " + lon).fillna(best["country"]).fillna("unknown").to_numpy(),
        "level": best["location_precision"].astype("object").fillna("country").to_numpy(),
        "admin2": best["admin2"].to_numpy(), "admin1": best["admin1"].to_numpy(),
        "country": best["country"].fillna("unknown").to_numpy(),
        "lat": best["latitude"].to_numpy(), "lon": best["longitude"].to_numpy(),
        "coord_source": ("record " + best["event_id"].astype(str) + " of " + best["dataset"].astype(str) +
                         " (its latitude/longitude)").where(coords).to_numpy(),
    }).drop_duplicates("place_id")
    return places, pd.DataFrame({"statement_id": best["statement_id"].to_numpy(), "place_id": pid.to_numpy(),
                                 "place_name": places.set_index("place_id").loc[pid, "name"].to_numpy()})


def _killed(ev: pd.DataFrame, party) -> tuple[pd.DataFrame, list[Problem]]:
    sid = ev["statement_id"]
    lo = ev[["fatalities_low", "fatalities_best", "fatalities_high"]].min(axis=1).astype("Int64")
    hi = ev[["fatalities_low", "fatalities_best", "fatalities_high"]].max(axis=1).astype("Int64")
    total = pd.DataFrame({"statement_id": sid, "party": ALL, "low": lo, "high": hi})
    parts = [total]
    for col, who in (("deaths_a", party(ev["actor1"])), ("deaths_b", party(ev["actor2"])),
                     ("deaths_civilians", pd.Series(CIVILIANS, index=ev.index)),
                     ("deaths_unknown", pd.Series(UNATTRIBUTED, index=ev.index))):
        n = ev[col].astype("Int64")
        parts.append(pd.DataFrame({"statement_id": sid, "party": who, "low": n, "high": n}))
    long = pd.concat(parts, ignore_index=True).dropna(subset=["party", "low"])
    summed = long.groupby(["statement_id", "party"], sort=False).agg(low=("low", "sum"), high=("high", "sum"),
                                                                      n=("low", "size")).reset_index()
    exact = summed["low"] == summed["high"]
    summed["value"] = summed["low"].astype("str").where(exact, summed["low"].astype("str") + "-" +
                                                        summed["high"].astype("str"))
    summed["reading"] = np.where(exact, "", "dataset's low-high estimates")
    summed["reading"] = summed["reading"].where(summed["n"] == 1, summed["reading"] + " (sum of " +
                                                summed["n"].astype("str") + " records)")
    quirks = []
    no_sides = ev.groupby("dataset")[["deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"]].count().sum(
        axis=1)
    dead = ev.groupby("dataset")["fatalities_best"].sum()
    for d in no_sides.index[(no_sides == 0).to_numpy() & (dead.reindex(no_sides.index) > 0).to_numpy()]:
        quirks.append(Problem(None, None, f"dataset {d!r}", "fatalities", f"{int(dead[d])} fatalities in "
                              f"{int(ev['dataset'].eq(d).sum())} records are not attributed to a side"))
    return summed.drop(columns="n"), quirks
