"""Precision and recall of ``conflictlab.extract.propose_claims`` against the bundled casebooks.

``python benchmarks/extract/run.py [--names nerkin-hand-2024,...] [--paths more.yaml ...] [--seed ../shared/seed]``

Method
------
For every bundled casebook (``conflictlab.datasets.names("casebook")``, whatever is bundled when it runs) and
every statement in it, ``propose_claims`` is run on the statement's quote alone, with the publication date of
the statement's document and the casebook's parties (``party_variants(book.parties)``: names and guessed
adjectives). Its candidates are compared with the statement's claims (``book.claims``):

* a candidate is **correct** when some claim of the statement has the same field, the same party (both empty
  for fields not stated per party) and a matching value: counts denote the same interval (``read_count`` of
  the candidate = ``count_low``/``count_high``); dates the same days (``date_from``/``date_to``); places the
  same name or an alias of the claim's place (case-insensitive); ``occurred`` the same boolean; perpetrator and
  target the same party id; characterizations and other labels the same normalised label (the party blamed is
  not scored; its agreement is printed separately); causes the same incident;
* **precision** = correct candidates / candidates; **recall** = claims matched by at least one candidate /
  claims. Both are printed per field, per casebook and overall. "all fields" counts every claim, including
  fields no rule proposes (damage, means, lost); "proposed fields" only the fields some rule proposes.

A quote that backs two statements (one per incident) is run once per statement, and a candidate about the
other incident counts as wrong for this one. The line "pooled by quote" scores each distinct quote against the
union of the claims of its statements instead.

The rules of ``conflictlab.extract`` were written while looking at the Nerkin Hand casebook (its first 18
statements, then the ones added later): on it the figures are in-sample. Other casebooks are the
out-of-sample test (``--paths`` scores casebook files that are not registered yet); a few generic rules (tolls,
"began to fire", "committed a provocation") were added after a first look at armenia-azerbaijan-2022-09.

Finally, the seed article (``../shared/seed/*.txt`` beside the checkout, when present; never shipped) is run
whole, with the Nerkin Hand casebook's publication date and parties, and every candidate is printed. Candidates
in a sentence that the casebook quotes are scored against the claims of those statements; the others are
listed as "not quoted in the casebook" (the casebook does not say whether they are right).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

import conflictlab as cl
from conflictlab.extract import party_variants, propose_claims
from conflictlab.extract.sentences import split_sentences
from conflictlab.model.quantities import read_count
from conflictlab.model.values import normalise_label, parse_date_interval
from conflictlab.model.vocab import FIELD_NAMES, FIELDS

ROOT = Path(__file__).resolve().parents[2]
#: fields some rule of conflictlab.extract proposes
PROPOSED = ("occurred", "date", "place", "perpetrator", "target", "killed", "injured", "captured", "missing",
            "characterization", "cause", "verification")


def _na(v) -> bool:
    return v is None or (not isinstance(v, str) and pd.isna(v))


def _aliases(book: cl.Casebook) -> dict[str, set[str]]:
    out = {}
    for row in book.places.to_dict("records"):
        names = {str(row["name"]).casefold()}
        if not _na(row["aliases"]):
            names |= {a.strip().casefold() for a in str(row["aliases"]).split(";")}
        out[row["place_id"]] = names
    return out


def value_matches(cand: dict, claim: dict, places: dict[str, set[str]]) -> bool:
    """Whether a candidate's value matches a claim's value (see the module docstring)."""
    kind = FIELDS[claim["field"]].kind
    value = str(cand["value"])
    try:
        if kind == "count":
            low, high, _ = read_count(int(value) if value.isdigit() else value)
            claim_high = None if _na(claim["count_high"]) else int(claim["count_high"])
            return (low, high) == (int(claim["count_low"]), claim_high)
        if kind == "date":
            a, b, _ = parse_date_interval(value)
            return (a, b) == (claim["date_from"], claim["date_to"])
    except ValueError:
        return False
    if kind == "place":
        return value.strip().casefold() in places.get(claim["place_id"], set())
    if kind == "occurred":
        return value.lower() == str(bool(claim["occurred"])).lower()
    if kind == "actor":
        return value == claim["actor"]
    if kind in ("framing", "labels"):
        return normalise_label(value) in {x.strip() for x in str(claim["labels"]).split(";")}
    if kind == "cause":
        return value == (claim["cause_incident_id"] if not _na(claim["cause_incident_id"]) else "none")
    return False


def _matches(cand: dict, claim: dict, places) -> bool:
    if cand["field"] != str(claim["field"]):
        return False
    cp = None if _na(cand["party"]) else cand["party"]
    gp = None if _na(claim["party"]) else claim["party"]
    return cp == gp and value_matches(cand, claim, places)


def score(cands: list[dict], claims: list[dict], places) -> tuple[list[bool], list[bool], list[bool | None]]:
    """(candidate correct?, claim found?, blame agrees? for correct characterizations)."""
    correct, blame = [], []
    for c in cands:
        hits = [g for g in claims if _matches(c, g, places)]
        correct.append(bool(hits))
        if hits and c["field"] == "characterization":
            blame.append(any(not _na(c["blame"]) and c["blame"] == g["blame"] for g in hits))
    found = [any(_matches(c, g, places) for c in cands) for g in claims]
    return correct, found, blame


class Tally:
    """Candidates, correct candidates, claims and found claims per field."""

    def __init__(self):
        self.rows: list[tuple[str, str, bool]] = []  # (kind, field, ok): kind 'cand' or 'claim'
        self.blame: list[bool] = []

    def add(self, cands, claims, correct, found, blame) -> None:
        self.rows += [("cand", c["field"], ok) for c, ok in zip(cands, correct, strict=True)]
        self.rows += [("claim", str(g["field"]), ok) for g, ok in zip(claims, found, strict=True)]
        self.blame += blame

    def table(self) -> pd.DataFrame:
        df = pd.DataFrame(self.rows, columns=["kind", "field", "ok"])
        out = []
        for field in [f for f in FIELD_NAMES if f in set(df["field"])]:
            c = df[(df.kind == "cand") & (df.field == field)]
            g = df[(df.kind == "claim") & (df.field == field)]
            out.append({"field": field, "candidates": len(c), "correct": int(c.ok.sum()),
                        "precision": c.ok.mean() if len(c) else float("nan"), "claims": len(g),
                        "found": int(g.ok.sum()), "recall": g.ok.mean() if len(g) else float("nan")})
        return pd.DataFrame(out)

    def overall(self, fields=None) -> dict:
        df = pd.DataFrame(self.rows, columns=["kind", "field", "ok"])
        if fields is not None:
            df = df[df.field.isin(fields)]
        c, g = df[df.kind == "cand"], df[df.kind == "claim"]
        return {"candidates": len(c), "correct": int(c.ok.sum()), "precision": c.ok.mean() if len(c) else float("nan"),
                "claims": len(g), "found": int(g.ok.sum()), "recall": g.ok.mean() if len(g) else float("nan")}


def _line(label: str, o: dict) -> str:
    return (f"{label:<34} precision {o['precision']:.2f} ({o['correct']}/{o['candidates']})   "
            f"recall {o['recall']:.2f} ({o['found']}/{o['claims']})")


def _published(book: cl.Casebook) -> dict[str, object]:
    return {d: (None if pd.isna(p) else p.date()) for d, p in zip(book.documents["document_id"],
                                                                   book.documents["published"], strict=True)}


def evaluate(book: cl.Casebook) -> tuple[Tally, Tally]:
    """Score every statement of ``book`` (per statement, and pooled by quote)."""
    parties = party_variants(book.parties)
    places = _aliases(book)
    published = _published(book)
    claims = book.claims
    per_statement, pooled = Tally(), Tally()
    for _, group in claims.groupby("statement_id", sort=False):
        first = group.iloc[0]
        cands = propose_claims(first["quote"], published=published.get(first["document_id"]), parties=parties)
        c_rows, g_rows = cands.to_dict("records"), group.to_dict("records")
        per_statement.add(c_rows, g_rows, *score(c_rows, g_rows, places))
    for (quote, document), group in claims.groupby(["quote", "document_id"], sort=False):
        cands = propose_claims(quote, published=published.get(document), parties=parties)
        c_rows, g_rows = cands.to_dict("records"), group.to_dict("records")
        pooled.add(c_rows, g_rows, *score(c_rows, g_rows, places))
    return per_statement, pooled


def seed_report(seed_dir: Path, name: str = "nerkin-hand-2024") -> None:
    """Run the seed article whole and print its candidates, scored where the casebook quotes the sentence."""
    files = sorted(seed_dir.glob("*.txt")) if seed_dir.is_dir() else []
    if not files:
        print(f"\n(seed article not found under {seed_dir}; skipped)")
        return
    book = cl.datasets.load(name)
    published = _published(book)
    document = book.documents["document_id"].iloc[0]
    places = _aliases(book)
    for file in files:
        text = file.read_text(encoding="utf-8")
        cands = propose_claims(text, published=published[document], parties=party_variants(book.parties))
        print(f"\n== seed article {file.name}: {len(cands)} candidates (casebook {name}, published "
              f"{published[document]}) ==")
        quoted = book.claims.groupby("quote")
        verdicts = []
        for row in cands.to_dict("records"):
            if row["sentence"] in quoted.groups:
                gold = quoted.get_group(row["sentence"]).to_dict("records")
                verdicts.append("correct" if any(_matches(row, g, places) for g in gold) else "wrong")
            else:
                verdicts.append("not quoted in the casebook")
        shown = cands.assign(scored=verdicts)[["candidate_id", "field", "party", "value", "blame", "speaker", "verb",
                                              "evidence", "rule", "geonames_id", "scored"]]
        with pd.option_context("display.width", 250, "display.max_colwidth", 48, "display.max_rows", 500):
            print(shown.to_string(index=False))
        in_book = [v for v in verdicts if v != "not quoted in the casebook"]
        sentences = {text[a:b] for a, b in split_sentences(text)}
        gold = book.claims[book.claims["quote"].isin(sentences)].to_dict("records")
        found = [any(_matches(c, g, places) for c in cands.to_dict("records") if c["sentence"] == g["quote"])
                 for g in gold]
        print(f"in quoted sentences: precision {in_book.count('correct') / max(len(in_book), 1):.2f} "
              f"({in_book.count('correct')}/{len(in_book)}); recall {sum(found) / max(len(found), 1):.2f} "
              f"({sum(found)}/{len(found)} claims, all fields, of the quoted sentences); "
              f"{verdicts.count('not quoted in the casebook')} candidates in sentences the casebook does not quote")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names", help="comma-separated casebook names (default: every bundled casebook)")
    ap.add_argument("--paths", nargs="*", default=[], type=Path,
                    help="casebook files to score as well (e.g. ones not registered yet)")
    ap.add_argument("--seed", type=Path, default=ROOT.parent / "shared" / "seed",
                    help="folder of the seed article(s) (default: ../shared/seed beside the checkout)")
    a = ap.parse_args(argv)
    names = a.names.split(",") if a.names else cl.datasets.names("casebook")
    books = [(name, lambda name=name: cl.datasets.load(name)) for name in names]
    books += [(str(p), lambda p=p: cl.read_casebook(p)) for p in a.paths]
    total, total_pooled = Tally(), Tally()
    for name, load in books:
        book = load()
        tally, pooled = evaluate(book)
        total.rows += tally.rows
        total.blame += tally.blame
        total_pooled.rows += pooled.rows
        print(f"\n== {name}: {book.claims['statement_id'].nunique()} statements, {len(book.claims)} claims ==")
        with pd.option_context("display.width", 200, "display.float_format", "{:.2f}".format):
            print(tally.table().to_string(index=False))
        print(_line("all fields", tally.overall()))
        print(_line("proposed fields", tally.overall(PROPOSED)))
        print(_line("pooled by quote, proposed fields", pooled.overall(PROPOSED)))
    print(f"\n== overall: {len(books)} casebook(s) ==")
    with pd.option_context("display.width", 200, "display.float_format", "{:.2f}".format):
        print(total.table().to_string(index=False))
    print(_line("all fields", total.overall()))
    print(_line("proposed fields", total.overall(PROPOSED)))
    print(_line("pooled by quote, proposed fields", total_pooled.overall(PROPOSED)))
    if total.blame:
        print(f"characterizations with the right label that also blame the right party: "
              f"{sum(total.blame)}/{len(total.blame)}")
    seed_report(a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
