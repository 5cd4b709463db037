"""Casebook input/output: lossless round trips (YAML, CSV, Parquet), multilingual text, warn mode, safe YAML."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from strategies import casebook_docs, regional_text

import conflictlab as cl
from conflictlab.io import casebook_from_yaml, casebook_to_yaml
from conflictlab.model.tables import SCHEMAS

FORMATS = ["yaml", "csv", "parquet"]
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])


def assert_same_tables(a: cl.Casebook, b: cl.Casebook) -> None:
    """Every table equal, dtypes included (``DataFrame.equals``), with a readable diff when not."""
    for name, frame in a.tables().items():
        other = getattr(b, name)
        if not frame.equals(other):
            pd.testing.assert_frame_equal(frame, other, check_exact=True, obj=name)
            raise AssertionError(f"table {name!r} differs (DataFrame.equals) though assert_frame_equal passes")


def round_trip(book: cl.Casebook, tmp_path, fmt: str) -> cl.Casebook:
    target = tmp_path / ("copy.yaml" if fmt == "yaml" else f"tables-{fmt}")
    return cl.read_casebook(cl.write_casebook(book, target, format=fmt))


@pytest.fixture(scope="module")
def nerkin() -> cl.Casebook:
    return cl.datasets.load("nerkin-hand-2024")


@pytest.mark.parametrize("fmt", FORMATS)
def test_bundled_casebook_round_trips(nerkin, tmp_path, fmt):
    again = round_trip(nerkin, tmp_path, fmt)
    assert_same_tables(nerkin, again)
    assert again.meta["title"] == nerkin.meta["title"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_keeps_the_schema_dtypes(nerkin, tmp_path, fmt):
    again = round_trip(nerkin, tmp_path, fmt)
    for name, columns in SCHEMAS.items():
        assert [str(t) for t in getattr(again, name).dtypes] == [str(c.dtype) for c in columns], name


def test_yaml_text_round_trips_to_the_same_text(nerkin):
    text = casebook_to_yaml(nerkin)
    assert casebook_to_yaml(casebook_from_yaml(text, "copy.yaml")) == text


MULTILINGUAL = """\
conflictlab: 1
title: "«Ներքին Հանդ» — Tovuz rayonu, Qazax, Şəki — Товуз"
parties:
  am: {name: Հայաստան, note: "Հայաստանի Հանրապետություն"}
  az: {name: Azərbaycan, note: "Azərbaycan Respublikası — «Şəki»"}
sources:
  am-mod: {name: ՀՀ պաշտպանության նախարարություն, side: am, kind: ministry}
  az-mod: {name: Azərbaycan Respublikasının Müdafiə Nazirliyi, side: az, kind: ministry,
           note: "Tovuz rayonu, Qazax, Şəki"}
  ru: {name: Дмитрий Песков, side: third-party, kind: spokesperson, note: "=SUM(A1) «Товуз»; 'цитата'"}
documents:
  d: {publisher: Арменпресс, title: "«Ներքին Հանդ» — Qazax, Şəki, Товуз", published: 2024-02-13, language: hy}
places:
  nh: {name: Ներքին Հանդ, level: settlement, aliases: [Nerkin Hand, Неркин Ханд, Nerkin-And], admin1: Սյունիք,
       country: Հայաստան, note: "«Ներքին Հանդ» գյուղ"}
  tv: {name: Tovuz rayonu, level: admin1, aliases: [Товуз, Tovuz], country: Azərbaycan, lat: 40.99249,
       lon: 45.62838, coord_source: "GeoNames 584821 (Tovuz)"}
incidents:
  i1: {title: "Կրակոց Ներքին Հանդում", date: 2024-02-13, place: nh, note: "Qazax, Şəki"}
statements:
  - id: am-1
    incident: i1
    source: am-mod
    document: d
    stated: 2024-02-13
    quote: "«Ադրբեջանական զինուժը կրակ է բացել», — հայտնում է նախարարությունը։"
    quote_kind: translation
    says:
      killed: {am: 4}
      injured: {am: several}
      place: {place: nh, detail: "Ներքին Հանդի մոտ"}
      characterization: {label: "«Չհրահրված ագրեսիա»", blame: az}
  - id: az-1
    incident: i1
    source: az-mod
    document: d
    stated: 2024-02-13/2024-02-14
    stated_basis: "dünən — 'yesterday'"
    quote: "Tovuz rayonu istiqamətində mövqelərimiz atəşə tutulub, Şəki və Qazax sakitdir."
    quote_kind: direct
    says:
      place: {place: tv, detail: Tovuz rayonu}
      characterization: {label: cavab əməliyyatı, blame: am}
      means: [artilleriya; dronlar]
    note: "+ Şəki; -Qazax; @Товуз"
  - id: ru-1
    incident: i1
    source: ru
    document: d
    stated: 2024-02-13
    quote: "«Призываем обе стороны к сдержанности», — сказал Песков."
    quote_kind: direct
    says:
      characterization: {label: Призыв к сдержанности, blame: none}
relations:
  - {claim: az-1, relation: responds-to, other: am-1, note: "ответ — պատասխան — cavab"}
"""


@pytest.fixture
def multilingual() -> cl.Casebook:
    return casebook_from_yaml(MULTILINGUAL, "multilingual.yaml")


def test_multilingual_text_is_read_as_written(multilingual):
    assert multilingual.places.set_index("place_id").loc["nh", "name"] == "Ներքին Հանդ"
    assert multilingual.sources.set_index("source_id").loc["az-mod", "note"] == "Tovuz rayonu, Qazax, Şəki"
    labels = multilingual.claims.set_index("claim_id")["labels"]
    assert labels["ru-1/characterization"] == "призыв к сдержанности"  # normalised: lower case
    assert labels["am-1/characterization"] == "չհրահրված ագրեսիա"  # and without its «» quotes


@pytest.mark.parametrize("fmt", FORMATS)
def test_multilingual_casebook_round_trips(multilingual, tmp_path, fmt):
    assert_same_tables(multilingual, round_trip(multilingual, tmp_path, fmt))


def test_csv_is_utf8_text_a_spreadsheet_will_not_run(multilingual, tmp_path):
    folder = cl.write_casebook(multilingual, tmp_path / "tables", format="csv")
    sources = (folder / "sources.csv").read_text(encoding="utf-8")
    assert "Дмитрий Песков" in sources
    assert "'=SUM(A1)" in sources
    claims = (folder / "claims.csv").read_text(encoding="utf-8")
    assert "'+ Şəki" in claims


def _book(doc: dict) -> cl.Casebook:
    return casebook_from_yaml(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "generated.yaml")


@FAST
@given(doc=casebook_docs())
@pytest.mark.parametrize("fmt", ["yaml", "csv"])
def test_generated_casebook_round_trips(tmp_path_factory, fmt, doc):
    book = _book(doc)
    assert len(book.claims) >= len(doc["statements"])
    assert_same_tables(book, round_trip(book, tmp_path_factory.mktemp("rt"), fmt))


@FAST
@given(doc=casebook_docs(text=regional_text))
def test_generated_regional_casebook_round_trips_through_parquet(tmp_path_factory, doc):
    book = _book(doc)
    assert_same_tables(book, round_trip(book, tmp_path_factory.mktemp("rt"), "parquet"))


# ------------------------------------------------------------------------------------------------- warn mode


def test_warn_mode_keeps_every_valid_record(small_yaml):
    broken = (small_yaml
              .replace("    source: az-sbs\n    document: doc1\n    stated: 2024-02-13\n    quote: The combat",
                       "    source: az-nobody\n    document: doc1\n    stated: 2024-02-13\n    quote: The combat")
              .replace("injured: {am: several}", "injured: {am: lots and lots}"))
    assert broken.count("az-nobody") == 1 and "lots and lots" in broken
    with pytest.raises(cl.CasebookError) as err:
        casebook_from_yaml(broken, "broken.yaml")
    assert len(err.value.problems) == 2
    with pytest.warns(cl.CasebookWarning, match="2 problems in broken.yaml"):
        book = casebook_from_yaml(broken, "broken.yaml", errors="warn")
    valid = casebook_from_yaml(small_yaml, "small.yaml")
    dropped = {"az-1/characterization", "az-1/cause", "am-1/injured/am"}
    assert book.claims["claim_id"].tolist() == [c for c in valid.claims["claim_id"] if c not in dropped]
    for name in ("parties", "sources", "documents", "places", "incidents", "incident_links"):
        assert_same_tables(cl.Casebook(**{name: getattr(valid, name)}), cl.Casebook(**{name: getattr(book, name)}))
    assert cl.validate(book) == []


def test_warn_mode_on_a_valid_casebook_does_not_warn(small_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        book = cl.read_casebook(small_path, errors="warn")
    assert_same_tables(book, cl.read_casebook(small_path))


def test_errors_must_be_raise_or_warn(small_path):
    with pytest.raises(ValueError, match="errors must be"):
        cl.read_casebook(small_path, errors="ignore")


# ------------------------------------------------------------------------------------------------- safe YAML


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:subprocess.check_output [['touch', '{marker}']]",
    "!!python/object:argparse.Namespace {{a: 1}}",
    "!!python/name:os.system",
])
def test_python_tags_are_refused_not_run(tmp_path, small_yaml, tag):
    marker = tmp_path / "ran"
    path = tmp_path / "evil.yaml"
    path.write_text(small_yaml.replace("title: Small test casebook", "title: " + tag.format(marker=marker)),
                    encoding="utf-8")
    with pytest.raises(cl.CasebookError) as err:
        cl.read_casebook(path)
    assert not marker.exists()
    (problem,) = err.value.problems
    assert problem.file == str(path) and problem.line == 2
    assert "python/" in problem.message
