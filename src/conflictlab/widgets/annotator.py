"""The annotator: paste or load a text, let the rules propose claims, accept or reject them, save a casebook.

The widget holds no extraction or casebook logic: it calls :func:`conflictlab.extract.propose_claims`,
:func:`conflictlab.extract.highlight_html`, :func:`conflictlab.extract.build_casebook` and
:func:`conflictlab.write_casebook`, and shows their results.

Examples
--------
>>> import conflictlab as cl
>>> from conflictlab.widgets import Annotator
>>> book = cl.datasets.load("nerkin-hand-2024")
>>> ann = Annotator(book, text="Armenia has denied Azerbaijan’s assertions.", published="2024-02-13")
>>> ann.propose.click()
>>> ann.candidates[["field", "value"]].values.tolist()
[['occurred', 'false']]
>>> "am-mod" in ann.source.options
True
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from .._optional import require
from ..extract import build_casebook, empty_candidates, highlight_html, party_variants, propose_claims
from ..io import write_casebook
from ..model.casebook import Casebook
from ..model.problems import CasebookError
from ..model.vocab import FIELDS, SOURCE_KINDS, THIRD_PARTY

widgets = require("ipywidgets", "widgets")

__all__ = ["Annotator", "CandidateRow"]

_NOT_SET = ""


class CandidateRow(widgets.HBox):
    """One candidate: accept / reject, its editable value and, by field, its party, blame or country."""

    def __init__(self, candidate: Mapping, parties: Sequence[str]):
        self.candidate_id = str(candidate["candidate_id"])
        self.field = str(candidate["field"])
        self.decision = widgets.ToggleButtons(options=["accept", "reject"], value=None,
                                              style={"button_width": "5.5em"},
                                              layout=widgets.Layout(flex="0 0 auto", width="auto"))
        self.value = widgets.Text(value=str(candidate["value"]), layout=widgets.Layout(width="16em"))
        self.qualifier: widgets.Widget | None = None
        spec = FIELDS.get(self.field)
        if spec is not None and spec.per_party:
            self.qualifier = widgets.Dropdown(options=[("(party?)", _NOT_SET), *[(p, p) for p in parties]],
                                              value=_text(candidate.get("party")) or _NOT_SET,
                                              layout=widgets.Layout(width="10em"))
        elif self.field == "characterization":
            options = [("(blames?)", _NOT_SET), *[(f"blames {p}", p) for p in (*parties, "none", "both")]]
            blame = _text(candidate.get("blame"))
            self.qualifier = widgets.Dropdown(options=options, value=blame if blame in (*parties, "none", "both")
                                              else _NOT_SET, layout=widgets.Layout(width="12em"))
        elif self.field == "place":
            self.qualifier = widgets.Text(value=_text(candidate.get("country")) or "", placeholder="country",
                                          layout=widgets.Layout(width="10em"))
        party = _text(candidate.get("party"))
        speaker = _text(candidate.get("speaker"))
        label = (f"<b>{html.escape(self.candidate_id)}</b> {html.escape(self.field)}"
                 f"{' ' + html.escape(party) if party else ''}: “{html.escape(str(candidate['evidence']))}”"
                 f"{' — ' + html.escape(speaker) if speaker else ''}")
        self.label = widgets.HTML(label, layout=widgets.Layout(flex="1 1 auto"))
        parts = [self.decision, self.value] + ([self.qualifier] if self.qualifier is not None else []) + [self.label]
        super().__init__(parts)
        self.add_class("conflictlab-candidate")

    def disable(self) -> None:
        """Freeze the row (its candidate has been saved)."""
        for control in (self.decision, self.value, self.qualifier):
            if control is not None:
                control.disabled = True

    def edits(self) -> dict:
        """The annotator's version of the candidate's value and party / blame / country."""
        out = {"value": self.value.value.strip()}
        if self.qualifier is not None:
            key = {"place": "country", "characterization": "blame"}.get(self.field, "party")
            out[key] = self.qualifier.value.strip() or None
        return out


def _text(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return str(value)


class Annotator(widgets.VBox):
    """Annotate a text: proposed claims, highlighted and listed, accepted or rejected, saved as a casebook.

    Parameters
    ----------
    book : Casebook, optional
        The casebook to add to; its sources, documents and incidents are offered, and new ids can be typed.
        Without it, the first save creates a new casebook.
    text : str
        The text to annotate (it can also be pasted into the widget).
    published : str, optional
        The document's publication date (``2024-02-13``), for relative dates; by default the publication date
        of the casebook's only document, if it has one.
    parties : mapping of party id -> sequence of names, optional
        The words naming each party; by default :func:`conflictlab.extract.party_variants` of the casebook's
        parties.
    path : str or Path
        Where "Save" writes the casebook (YAML).
    """

    def __init__(self, book: Casebook | None = None, *, text: str = "", published: str | None = None,
                 parties: Mapping[str, Sequence[str]] | None = None, path: str | Path = "annotated.yaml"):
        self.book = book
        if parties is None:
            parties = party_variants(book.parties) if book is not None else {}
        self.parties = {str(k): ([v] if isinstance(v, str) else list(v)) for k, v in parties.items()}
        if published is None and book is not None and len(book.documents) == 1 \
                and pd.notna(book.documents["published"].iloc[0]):
            published = f"{book.documents['published'].iloc[0]:%Y-%m-%d}"
        self.candidates = empty_candidates()
        self.rows: dict[str, CandidateRow] = {}
        self.saved: set[str] = set()

        wide = widgets.Layout(width="98%")
        self.text = widgets.Textarea(value=text, placeholder="Paste the text of an article", layout=widgets.Layout(
            width="98%", height="9em"))
        self.published = widgets.Text(value=published or "", description="Published", placeholder="2024-02-13")
        self.propose = widgets.Button(description="Propose", button_style="primary", icon="search")
        self.highlighted = widgets.HTML(layout=wide)
        self.list = widgets.VBox(layout=wide)
        self.source = widgets.Combobox(description="Source", placeholder="id, e.g. am-mod", ensure_option=False)
        self.source_name = widgets.Text(description="name", placeholder="a new source's name")
        self.source_side = widgets.Dropdown(description="side")
        self.source_kind = widgets.Dropdown(description="kind", options=list(SOURCE_KINDS), value="other")
        self.document = widgets.Combobox(description="Document", placeholder="id", ensure_option=False)
        self.document_publisher = widgets.Text(description="publisher", placeholder="a new document's publisher")
        self.document_title = widgets.Text(description="title", placeholder="a new document's title")
        self.incident = widgets.Combobox(description="Incident", placeholder="id", ensure_option=False)
        self.incident_title = widgets.Text(description="title", placeholder="a new incident's title")
        self.incident_date = widgets.Text(description="date", placeholder="2024-02-13")
        self.stated = widgets.Text(description="Stated", placeholder="default: the publication date")
        self.path = widgets.Text(value=str(path), description="Save to", layout=widgets.Layout(width="40em"))
        self.save = widgets.Button(description="Save", button_style="success", icon="save")
        self.status = widgets.HTML()
        self._refresh_choices()

        self.propose.on_click(lambda _: self.run_propose())
        self.save.on_click(lambda _: self.run_save())
        new = widgets.HTML("<i>name, side, kind, publisher, title, date: only for an id that is not in the "
                           "casebook</i>")
        targets = widgets.VBox([
            widgets.HBox([self.source, self.source_name, self.source_side, self.source_kind]),
            widgets.HBox([self.document, self.document_publisher, self.document_title]),
            widgets.HBox([self.incident, self.incident_title, self.incident_date]),
            new, widgets.HBox([self.stated, self.path, self.save]),
        ])
        super().__init__([self.text, widgets.HBox([self.published, self.propose]), self.highlighted, self.list,
                          targets, self.status])

    # -- state --------------------------------------------------------------------------------------------
    def _party_ids(self) -> list[str]:
        ids = list(self.book.parties["party_id"]) if self.book is not None else []
        return ids + [p for p in self.parties if p not in ids]

    def _refresh_choices(self) -> None:
        book = self.book
        self.source.options = list(book.sources["source_id"]) if book is not None else []
        self.document.options = list(book.documents["document_id"]) if book is not None else []
        self.incident.options = list(book.incidents["incident_id"]) if book is not None else []
        side = self.source_side.value
        self.source_side.options = [*self._party_ids(), THIRD_PARTY]
        self.source_side.value = side if side in self.source_side.options else THIRD_PARTY

    def decisions(self) -> dict[str, str | None]:
        """Candidate id -> "accept", "reject" or None (undecided)."""
        return {cid: row.decision.value for cid, row in self.rows.items()}

    def accepted(self) -> pd.DataFrame:
        """The accepted candidates not yet saved, with the annotator's edits."""
        keep = [cid for cid, d in self.decisions().items() if d == "accept" and cid not in self.saved]
        out = self.candidates[self.candidates["candidate_id"].isin(keep)].copy()
        for i, cid in zip(out.index, out["candidate_id"], strict=True):
            for column, value in self.rows[cid].edits().items():
                out[column] = out[column].astype("object")
                out.at[i, column] = value
        return out

    def _show(self) -> None:
        self.highlighted.value = highlight_html(self.text.value, self.candidates, status=self.decisions())

    def _report(self, message: str, error: bool = False) -> None:
        colour = "#b02a37" if error else "#146c43"
        self.status.value = f'<span style="color:{colour}">{html.escape(message)}</span>'

    # -- actions ------------------------------------------------------------------------------------------
    def run_propose(self) -> None:
        """Propose candidates for the text (the "Propose" button)."""
        try:
            self.candidates = propose_claims(self.text.value, published=self.published.value.strip() or None,
                                             parties=self.parties)
        except (ValueError, ImportError) as exc:
            self._report(str(exc), error=True)
            return
        parties = self._party_ids()
        self.rows = {row["candidate_id"]: CandidateRow(row, parties) for row in self.candidates.to_dict("records")}
        self.saved = set()
        for row in self.rows.values():
            row.decision.observe(lambda _: self._show(), names="value")
        self.list.children = list(self.rows.values())
        self._show()
        self._report(f"{len(self.candidates)} candidates proposed: accept or reject them, then save.")

    def run_save(self) -> None:
        """Add the accepted candidates to the casebook and write it (the "Save" button)."""
        accepted = self.accepted()
        if not len(accepted):
            self._report("Nothing to save: accept some candidates first.", error=True)
            return
        published = self.published.value.strip() or None
        try:
            book = build_casebook(
                accepted, incident=self.incident.value.strip(), source=self.source.value.strip(),
                document=self.document.value.strip(), stated=self.stated.value.strip() or published or "",
                base=self.book, parties={p: names[0] for p, names in self.parties.items() if names},
                source_record={"name": self.source_name.value, "side": self.source_side.value,
                               "kind": self.source_kind.value},
                document_record={"publisher": self.document_publisher.value, "title": self.document_title.value,
                                 "published": published},
                incident_record={"title": self.incident_title.value, "date": self.incident_date.value or None},
            )
            path = write_casebook(book, Path(self.path.value.strip()))
        except (ValueError, CasebookError, OSError) as exc:
            self._report(str(exc), error=True)
            return
        before = 0 if self.book is None else self.book.claims["statement_id"].nunique()
        self.book = book
        self.saved |= set(accepted["candidate_id"])
        for cid in accepted["candidate_id"]:
            self.rows[cid].disable()
        self._refresh_choices()
        added = book.claims["statement_id"].nunique() - before
        self._report(f"Saved {added} statement(s) with {len(accepted)} claim(s) to {path}")
