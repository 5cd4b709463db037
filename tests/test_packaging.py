"""Packaging: the wheel ships the bundled casebooks, the core import needs no optional package, and
environment.yml names the same packages as pyproject.toml."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name_and_bound(spec: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*(.*)$", spec)
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


#: conda-forge names of packages whose PyPI name differs
CONDA_NAMES = {"kaleido": "python-kaleido"}


def _expand(extras: dict, names: list[str]) -> list[str]:
    """The requirements of the extras ``names``, following self-references (conflictlab[viz])."""
    out = []
    for name in names:
        for spec in extras[name]:
            m = re.match(r"^conflictlab\[([a-z,]+)\]$", spec)
            out += _expand(extras, m.group(1).split(",")) if m else [spec]
    return out


def test_environment_yml_mirrors_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    wanted = {}
    for spec in project["dependencies"] + _expand(extras, ["dev"]):
        name, bound = _name_and_bound(spec)
        wanted[CONDA_NAMES.get(name, name)] = bound
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = dict(_name_and_bound(d) for d in env["dependencies"] if isinstance(d, str))
    assert conda.pop("python") == ">=" + project["requires-python"].lstrip(">=")
    conda.pop("pip")
    # packages that conda-forge does not carry come from PyPI in the pip section, with the same bounds
    (pip_section,) = [d["pip"] for d in env["dependencies"] if isinstance(d, dict)]
    assert pip_section[-1] == "-e ."
    from_pypi = dict(_name_and_bound(d) for d in pip_section[:-1])
    assert not set(from_pypi) & set(conda)
    assert {**conda, **from_pypi} == wanted


def test_min_versions_file_pins_the_declared_lower_bounds():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = dict(_name_and_bound(spec) for spec in project["dependencies"])
    lines = [ln for ln in (ROOT / "ci" / "min-versions.txt").read_text().splitlines() if ln and ln[0] != "#"]
    pinned = dict(_name_and_bound(ln) for ln in lines)
    assert {k: v.replace(">=", "==") for k, v in declared.items()} == pinned


def test_core_import_loads_no_optional_package():
    code = ("import sys, conflictlab as cl; cl.summarize(cl.compare(cl.datasets.load('nerkin-hand-2024')));"
            "print(sorted(m for m in ('plotly', 'ipywidgets', 'jupyterlab', 'duckdb', 'pyspark') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling")
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(dist)], cwd=ROOT,
                   check=True, capture_output=True)
    return next(dist.glob("conflictlab-*.whl"))


def test_wheel_contains_the_bundled_casebooks(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    bundled = sorted(p.name for p in (ROOT / "datasets" / "casebooks").glob("*.yaml"))
    assert bundled, "no casebooks in datasets/casebooks"
    for name in bundled:
        assert f"conflictlab/datasets/casebooks/{name}" in names
    assert "conflictlab/viz/data/countries-110m.json" in names  # the map's offline outlines
    assert "conflictlab/viz/data/NOTICE.md" in names


def test_installed_wheel_loads_a_casebook_from_inside_the_package(wheel, tmp_path):
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = ("import conflictlab as cl; p = cl.datasets.path('nerkin-hand-2024'); "
            f"assert str(p).startswith({str(target)!r}), p; print(len(cl.datasets.load('nerkin-hand-2024').claims))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                         env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) > 30
