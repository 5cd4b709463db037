# conflictlab — two commands (see README):
#   make lab    set up .venv and open JupyterLab on the tutorials in notebooks/
#   make test   set up .venv and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# JupyterLab refuses to run as root without --allow-root (containers, CI machines)
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
LAB_ARGS ?=

.PHONY: lab test test-min install chromium bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# reinstall whenever pyproject.toml changes
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

lab: install
	$(BIN)/jupyter lab --notebook-dir=notebooks $(ROOT_FLAG) $(LAB_ARGS)

# the browser tests drive the system Chromium; install it when missing and we may (root with apt-get)
chromium:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: no /usr/bin/chromium; browser tests will be skipped (install the chromium package)"; fi; }

test: install chromium
	$(BIN)/python -m pytest

# the core suite against the lowest declared versions of the core dependencies (ci/min-versions.txt)
MIN := .venv-min
test-min:
	test -x $(MIN)/bin/python || $(PYTHON) -m venv $(MIN)
	$(MIN)/bin/python -m pip install --quiet --upgrade pip
	$(MIN)/bin/python -m pip install --quiet -r ci/min-versions.txt pytest hypothesis
	$(MIN)/bin/python -m pip install --quiet --no-deps -e .
	$(MIN)/bin/python -m pytest -o addopts="" --import-mode=importlib -p no:nbval --doctest-modules -m "not browser" \
	  --ignore=src/conflictlab/widgets --ignore=src/conflictlab/viz --ignore=src/conflictlab/match \
	  --ignore=src/conflictlab/report --ignore=tests/report \
	  --ignore=src/conflictlab/extract --ignore=tests/extract --ignore=tests/test_annotator.py \
	  --ignore=tests/browser --ignore=tests/viz --ignore=tests/match --ignore=notebooks src/conflictlab tests

bench: install
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(MIN) build dist .pytest_cache
