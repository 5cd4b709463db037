"""Dataset registry: mirror, cache, checksums, offline refusal, explicit downloads (from 127.0.0.1 / file://)."""

from __future__ import annotations

import functools
import hashlib
import http.server
import shutil
import sys
import threading

import pytest

import conflictlab as cl
from conflictlab import datasets
from conflictlab.datasets import ChecksumError, DataFile, Dataset, DatasetNotAvailable, OfflineError
from conflictlab.model.events import EventDataWarning


def test_every_entry_is_documented_and_citable():
    for name, d in datasets.REGISTRY.items():
        assert d.description and d.license and d.citation, name
        assert datasets.citation(name).endswith(f"License: {d.license}.")
        for f in d.files:
            assert len(f.sha256) == 64 and "/" in f.path
    assert "ACLED" in datasets.citation("acled") and "CC BY 4.0" in datasets.citation("ucdp-ged-sample")


def test_bundled_casebook_needs_no_mirror():
    assert isinstance(datasets.load("nerkin-hand-2024"), cl.Casebook)
    assert datasets.path("nerkin-hand-2024").name == "nerkin-hand-2024.yaml"
    assert "nerkin-hand-2024" in datasets.names("casebook")
    assert list(datasets.info().columns) == ["name", "kind", "description", "license", "citation"]


def test_registry_checksums_match_the_shared_files(data_dir):
    for d in datasets.REGISTRY.values():
        for f in d.files:
            p = data_dir / f.path
            assert p.stat().st_size == f.size, f.path
            assert datasets.sha256_of(p) == f.sha256, f.path


def test_mirror(mirror):
    with pytest.warns(EventDataWarning, match="low <= best <= high"):
        ev = datasets.load("ucdp-ged-sample", errors="warn")
    assert len(ev) == 1000
    expected = mirror / "oryx_events_scarnecchia" / "daily_count.csv"
    assert datasets.local_path("oryx-daily").resolve() == expected.resolve()  # the mirror may be a link


def test_offline_refusal_without_mirror_or_cache():
    with pytest.raises(DatasetNotAvailable, match=r"download\('oryx-daily'\)"):
        datasets.load("oryx-daily")
    with pytest.raises(DatasetNotAvailable, match="cannot be downloaded.*CONFLICTLAB_MIRROR"):
        datasets.load("ucdp-ged-mexico")
    with pytest.raises(DatasetNotAvailable, match="redistribution"):
        datasets.load("acled")


def test_cache_and_checksum_mismatch(data_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("CONFLICTLAB_CACHE", str(tmp_path / "cache"))
    target = tmp_path / "cache" / "oryx_events_scarnecchia" / "daily_count.csv"
    target.parent.mkdir(parents=True)
    shutil.copy(data_dir / "oryx_events_scarnecchia" / "daily_count.csv", target)
    assert datasets.local_path("oryx-daily") == target
    assert len(datasets.load("oryx-daily")) > 1000
    target.write_bytes(target.read_bytes() + b"\n")
    with pytest.raises(ChecksumError, match="daily_count.csv.*does not match"):
        datasets.load("oryx-daily")


@pytest.fixture
def served(tmp_path, monkeypatch):
    """A tiny dataset served by http.server on 127.0.0.1, registered for the test only."""
    root = tmp_path / "www"
    root.mkdir()
    body = b"id\n1\n"
    (root / "tiny.csv").write_bytes(body)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/tiny.csv"

    def entry(sha: str, address: str = url) -> Dataset:
        d = Dataset("tiny-test", "lookup", "a test file", "CC0", "none",
                    files=(DataFile("tiny/tiny.csv", sha, len(body), address),),
                    loader="conflictlab.io._tabular:read_text")
        monkeypatch.setitem(datasets.REGISTRY, d.name, d)
        return d

    yield entry, hashlib.sha256(body).hexdigest(), root
    server.shutdown()
    server.server_close()


def test_download_from_a_local_http_server(served, tmp_path):
    entry, sha, _ = served
    entry(sha)
    with pytest.raises(DatasetNotAvailable):
        datasets.load("tiny-test")
    (path,) = datasets.download("tiny-test")
    assert path.read_bytes() == b"id\n1\n" and path.is_relative_to(datasets.cache_dir())
    assert datasets.load("tiny-test")["id"].tolist() == ["1"]


def test_download_checksum_mismatch_saves_nothing(served):
    entry, _, _ = served
    entry("0" * 64)
    with pytest.raises(ChecksumError, match="nothing was saved"):
        datasets.download("tiny-test")
    assert not any((datasets.cache_dir() / "tiny").glob("*"))


def test_download_from_file_url_and_offline_switch(served, monkeypatch):
    entry, sha, root = served
    entry(sha, (root / "tiny.csv").as_uri())
    monkeypatch.setenv("CONFLICTLAB_OFFLINE", "1")
    with pytest.raises(OfflineError, match="CONFLICTLAB_OFFLINE"):
        datasets.download("tiny-test")
    monkeypatch.delenv("CONFLICTLAB_OFFLINE")
    assert datasets.download("tiny-test")[0].read_bytes() == b"id\n1\n"
    with pytest.raises(OfflineError, match="cannot be downloaded"):
        datasets.download("ucdp-ged-mexico")


def test_default_cache_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("CONFLICTLAB_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    expected = tmp_path / "conflictlab" if sys.platform.startswith("linux") else datasets.cache_dir()
    assert datasets.cache_dir() == expected


def test_every_bundled_casebook_is_registered_with_its_own_citation():
    import yaml

    folder = datasets.path("nerkin-hand-2024").parent
    files = sorted(p.name for p in folder.glob("*.yaml"))
    registered = sorted(datasets.REGISTRY[n].filename for n in datasets.names("casebook"))
    assert files == registered
    for name in datasets.names("casebook"):
        meta = yaml.safe_load(datasets.path(name).read_text(encoding="utf-8"))
        d = datasets.REGISTRY[name]
        assert (d.citation, d.license) == (meta["citation"], meta["license"]), name
        assert datasets.load(name).meta["title"] == meta["title"]
