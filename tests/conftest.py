"""Fixtures shared by the test suite: the ``shared`` folder, and a small valid casebook to break on purpose."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI (which sets CI=true) runs the property tests on a fixed sequence of examples, so that a run is repeatable;
# local runs keep exploring new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent

# The suite runs with --import-mode=importlib, which does not put tests/ on sys.path; the hypothesis strategies
# live in tests/strategies.py and are imported as ``strategies``.
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ``shared`` folder beside the checkout (real data and the seed article); skip when it is absent."""
    path = ROOT.parent / "shared"
    if not path.is_dir() or not (path / "data").is_dir():
        pytest.skip(f"needs the shared folder beside the checkout ({path}, with data/), as CI has it")
    return path


#: A small valid casebook: 2 parties, 3 sources, 1 document, 2 places, 2 incidents, 4 statements.
#: Tests break it by replacing one line and assert the line numbers of the resulting problems.
SMALL_CASEBOOK = """\
conflictlab: 1
title: Small test casebook
parties:
  am: {name: Armenia}
  az: {name: Azerbaijan}
sources:
  am-mod: {name: Ministry of Defence of Armenia, side: am, kind: ministry}
  az-sbs: {name: State Border Service of Azerbaijan, side: az, kind: border-service}
  wire: {name: A wire service, side: third-party, kind: media}
documents:
  doc1:
    publisher: Wire
    title: Clashes on the border
    published: 2024-02-13
places:
  nerkin-hand: {name: Nerkin Hand, level: settlement, admin1: Syunik Province, country: Armenia}
  tovuz:
    name: Tovuz
    level: settlement
    country: Azerbaijan
    lat: 40.99249
    lon: 45.62838
    coord_source: GeoNames 584821
incidents:
  fire-13: {title: Fire on a border post, date: 2024-02-13, place: nerkin-hand}
  fire-12:
    title: Alleged fire of 12 February
    date: 2024-02-12
    links:
      - {link: claimed-cause-of, incident: fire-13}
statements:
  - id: am-1
    incident: fire-13
    source: am-mod
    document: doc1
    stated: 2024-02-13
    quote: Four soldiers were killed and several injured.
    quote_kind: reported
    says:
      occurred: true
      perpetrator: az
      killed:
        am: 4
      injured: {am: several}
      place: nerkin-hand
  - id: az-1
    incident: fire-13
    source: az-sbs
    document: doc1
    stated: 2024-02-13
    quote: The combat post was destroyed in a retaliatory operation.
    quote_kind: direct
    says:
      characterization: {label: retaliatory operation, blame: am}
      cause: fire-12
  - id: az-2
    incident: fire-12
    source: az-sbs
    document: doc1
    stated: 2024-02-13/2024-02-14
    quote: Our soldiers were fired upon yesterday.
    quote_kind: direct
    says:
      occurred: true
      date: 2024-02-12
      place: tovuz
  - id: wire-1
    incident: fire-12
    source: wire
    document: doc1
    stated: 2024-02-13
    quote: Claims could not be independently verified.
    quote_kind: direct
    says:
      verification: not independently verified
relations:
  - {claim: az-1, relation: responds-to, other: am-1}
"""

#: number of claims in SMALL_CASEBOOK
SMALL_CLAIMS = 11


@pytest.fixture
def small_yaml() -> str:
    """The text of :data:`SMALL_CASEBOOK`."""
    return SMALL_CASEBOOK


@pytest.fixture
def small_path(tmp_path) -> Path:
    """:data:`SMALL_CASEBOOK` written to a file."""
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_CASEBOOK, encoding="utf-8")
    return path
