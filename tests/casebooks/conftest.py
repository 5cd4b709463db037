"""Fixtures shared by the casebook tests: each test module names its casebook (``NAME``) and its source pack
(``PACK``, a file of ``../shared/casepacks``); the fixtures load them once per module."""

from __future__ import annotations

import pytest
import yaml

import conflictlab as cl


@pytest.fixture(scope="module")
def book(request) -> cl.Casebook:
    """The bundled casebook ``NAME`` of the test module."""
    return cl.datasets.load(request.module.NAME)


@pytest.fixture(scope="module")
def summary(book):
    """Its summary, indexed by (incident_id, field, party)."""
    return cl.summarize(cl.compare(book)).set_index(["incident_id", "field", "party"])


@pytest.fixture(scope="module")
def pack_text(shared_dir, request) -> str:
    """The text of the module's source pack (skips without ../shared)."""
    return (shared_dir / "casepacks" / request.module.PACK).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pack(pack_text) -> dict:
    """The source pack, parsed."""
    return yaml.safe_load(pack_text)
