"""Agreement statistics: who agrees with whom, and how concordant sources are per field.

Krippendorff's alpha is reported as **concordance**: the sources of a conflict are not independent coders
of one truth, so a high value says they tell the same story, not that the story is reliable.

Examples
--------
>>> import conflictlab as cl
>>> book = cl.datasets.load("nerkin-hand-2024")
>>> m = agreement_matrix(cl.compare(book), by="side")
>>> round(float(m.loc["armenia", "azerbaijan"]), 3)  # 13 of 30 cross-side pairs agree or are compatible
0.433
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .model.casebook import Casebook
from .model.vocab import FIELDS

__all__ = ["agreement_matrix", "concordance", "LEVELS"]


def agreement_matrix(verdicts: pd.DataFrame, by: str = "source", value: str = "rate") -> pd.DataFrame:
    """Square matrix of agreement between sources (or sides) over the pairs where both speak.

    Parameters
    ----------
    verdicts : DataFrame
        Output of :func:`conflictlab.compare`.
    by : {"source", "side"}
        Rows and columns are sources, or sides (pairs of sources of one side fill the diagonal).
    value : {"rate", "n"}
        ``"rate"``: share of compared pairs that agree or are compatible (NaN where never compared);
        ``"n"``: number of compared pairs.

    Examples
    --------
    >>> import conflictlab as cl
    >>> m = agreement_matrix(cl.compare(cl.datasets.load("nerkin-hand-2024")), value="n")
    >>> int(m.loc["am-mod", "az-sbs"])
    6
    """
    if by not in ("source", "side") or value not in ("rate", "n"):
        raise ValueError("by must be 'source' or 'side'; value must be 'rate' or 'n'")
    l_col, r_col = ("source_l", "source_r") if by == "source" else ("side_l", "side_r")
    labels = pd.Index(pd.unique(pd.concat([verdicts[l_col].astype("object"), verdicts[r_col].astype("object")])
                                .dropna()))
    if isinstance(verdicts[l_col].dtype, pd.CategoricalDtype):
        cats = verdicts[l_col].cat.categories
        labels = pd.Index([c for c in cats if c in set(labels)])
    v = verdicts[verdicts["verdict"] != "silent"]
    ok = v["verdict"].isin(["agree", "compatible"]).to_numpy()
    a, b = v[l_col].astype("object").to_numpy(), v[r_col].astype("object").to_numpy()
    mirror = a != b  # each pair counts in both cells (a, b) and (b, a); a same-side pair once, on the diagonal
    long = pd.DataFrame({"a": np.concatenate([a, b[mirror]]), "b": np.concatenate([b, a[mirror]]),
                         "ok": np.concatenate([ok, ok[mirror]])})
    n = long.pivot_table(index="a", columns="b", values="ok", aggfunc="size", fill_value=0)
    n = n.reindex(index=labels, columns=labels, fill_value=0)
    if value == "n":
        out = n.astype("int64")
    else:
        agree = long.pivot_table(index="a", columns="b", values="ok", aggfunc="sum", fill_value=0)
        agree = agree.reindex(index=labels, columns=labels, fill_value=0)
        out = (agree / n.where(n > 0)).astype("float64")
    out.index.name, out.columns.name = f"{by}_l", f"{by}_r"
    return out


#: level of measurement of each field kind for Krippendorff's alpha, and the column coded
LEVELS = {
    "occurred": ("nominal", "occurred"),
    "actor": ("nominal", "actor"),
    "place": ("nominal", "place_id"),
    "labels": ("nominal", "labels"),
    "framing": ("nominal", "blame"),
    "cause": ("nominal", "cause_incident_id"),
    "count": ("interval", "count_mid"),
    "date": ("interval", "date_mid"),
}


def concordance(data: Casebook | pd.DataFrame, as_of: object = None) -> pd.DataFrame:
    """Krippendorff's alpha per field: how concordant the sources' accounts are across incidents.

    Units are (incident, party) per field; coders are sources; the coded value is the field's comparable value
    (nominal: party, place, blame, cause, labels, occurred; interval: the midpoint of a count interval, or the
    low bound when unbounded; the midpoint day of a date interval).

    Returns
    -------
    DataFrame
        ``field``, ``alpha`` (NaN when fewer than two pairable values), ``level``, ``n_units`` (units with two
        or more values), ``n_sources``, ``n_values``.

    Examples
    --------
    >>> import conflictlab as cl
    >>> c = concordance(cl.datasets.load("nerkin-hand-2024"))
    >>> c.set_index("field").loc["occurred", "n_units"]
    np.int64(3)
    """
    import krippendorff

    from .engine.claims import claim_frame, current_claims

    cur = current_claims(claim_frame(data), as_of=as_of)
    rows = []
    for field, spec in FIELDS.items():
        level, column = LEVELS[spec.kind]
        sub = cur[cur["field"] == field]
        if not len(sub):
            continue
        if column == "count_mid":
            low = sub["count_low"].astype("float64")
            high = sub["count_high"].astype("float64")
            values = ((low + high) / 2).where(high.notna(), low)
        elif column == "date_mid":
            a = sub["date_from"].to_numpy(dtype="datetime64[D]").astype("int64")
            b = sub["date_to"].to_numpy(dtype="datetime64[D]").astype("int64")
            values = pd.Series((a + b) / 2, index=sub.index)
        else:
            values = pd.Series(pd.factorize(sub[column].astype("object"))[0], index=sub.index).astype("float64")
            values = values.where(sub[column].notna())
        table = (sub.assign(_v=values.to_numpy(), _unit=sub["incident_id"].astype(str) + "|" + sub["party_key"])
                 .pivot_table(index="source_id", columns="_unit", values="_v", aggfunc="first"))
        data_ = table.to_numpy(dtype="float64")
        pairable = (~np.isnan(data_)).sum(axis=0) >= 2
        alpha = np.nan
        if pairable.any():
            try:  # no expected disagreement (every value the same) makes alpha 0/0: NaN, said without a warning
                with np.errstate(invalid="ignore", divide="ignore"):
                    alpha = float(krippendorff.alpha(reliability_data=data_, level_of_measurement=level))
            except (ValueError, ZeroDivisionError):
                alpha = np.nan
        rows.append({"field": field, "alpha": alpha, "level": level, "n_units": int(pairable.sum()),
                     "n_sources": int(table.shape[0]), "n_values": int((~np.isnan(data_)).sum())})
    out = pd.DataFrame(rows, columns=["field", "alpha", "level", "n_units", "n_sources", "n_values"])
    return out.astype({"n_units": "int64", "n_sources": "int64", "n_values": "int64"})
