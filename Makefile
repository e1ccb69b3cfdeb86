# Two commands on a fresh machine: `make demo` and `make test`.
# Both create .venv if missing, install torch==2.13.0 (CPU) first, then the
# project against the pinned constraints.txt, then the Debian packages.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.carepath-installed
PIP := $(BIN)/python -m pip
TORCH := torch==2.13.0
PYTEST_ARGS ?=

.PHONY: install demo test test-fast nemo-venv lock clean apt bench fuzz reliability

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) install -q $(TORCH)
	$(PIP) install -q -c constraints.txt -e '.[dev,postgres,server]'
	touch $(STAMP)

apt:
	bash scripts/apt-deps.sh

install: $(STAMP) apt

demo: install
	$(BIN)/python -m carepath demo

test: install
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: install
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

lock: $(BIN)/python
	$(PIP) freeze --exclude-editable | sed 's/^torch==\(.*\)+cpu/torch==\1/' > constraints.txt.new
	mv constraints.txt.new constraints.txt

clean:
	rm -rf $(VENV) build dist *.egg-info
