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

# NeMo (the [nemo] extra, ~2.2 GB) lives in its own venv, cached outside the
# checkout so CI re-creates it only when the pins change; `make test` runs
# the NeMo tests from there.
NEMO_VENV ?= $(HOME)/.cache/carepath/venv-nemo
NEMO_KEY := $(shell cat constraints.txt pyproject.toml Makefile | sha256sum | cut -c1-12)
NEMO_STAMP := $(NEMO_VENV)/.installed-$(NEMO_KEY)

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

$(NEMO_STAMP):
	rm -rf $(NEMO_VENV)
	$(PYTHON) -m venv $(NEMO_VENV)
	$(NEMO_VENV)/bin/python -m pip install -q --upgrade pip
	$(NEMO_VENV)/bin/python -m pip install -q $(TORCH)
	$(NEMO_VENV)/bin/python -m pip install -q -c constraints.txt -e '.[dev]'
	$(NEMO_VENV)/bin/python -m pip install -q 'nemo_toolkit[asr]==3.0.0' 'fsspec[http]<2026' 'packaging<25'
	touch $(NEMO_STAMP)

nemo-venv: $(NEMO_STAMP)
	$(NEMO_VENV)/bin/python -m pip install -q --no-deps -e .

test: install nemo-venv
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/python -m pytest $(PYTEST_ARGS)
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(NEMO_VENV)/bin/python -m pytest -p no:cacheprovider -q tests/nemo

test-fast: install
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

lock: $(BIN)/python
	$(PIP) freeze --exclude-editable | sed 's/^torch==\(.*\)+cpu/torch==\1/' > constraints.txt.new
	mv constraints.txt.new constraints.txt

clean:
	rm -rf $(VENV) build dist *.egg-info
