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

# NeMo (the [nemo] extra, ~2.2 GB) lives in its own venv with its own pins
# (constraints-nemo.txt: nemo_toolkit needs older fsspec/packaging than the
# main set). The heavy install is stamped by those pins, so it is rebuilt only
# when they change; `make test` then runs tests/nemo from there.
NEMO_VENV ?= $(HOME)/.cache/carepath/venv-nemo
NEMO_KEY := $(shell cat constraints-nemo.txt | sha256sum | cut -c1-12)
NEMO_STAMP := $(NEMO_VENV)/.installed-$(NEMO_KEY)

.PHONY: install demo test test-fast nemo-venv lock lock-nemo clean apt bench fuzz reliability

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) install -q $(TORCH)
	$(PIP) install -q -c constraints.txt -e '.[dev,postgres,server,ui,mcp,pacs,ray]'
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
	$(NEMO_VENV)/bin/python -m pip install -q -c constraints-nemo.txt -e '.[nemo,dev]'
	touch $(NEMO_STAMP)

# Re-run every time (a no-op when satisfied): picks up dependencies added to
# pyproject.toml since the venv was built, and re-points the editable install
# at this checkout.
nemo-venv: $(NEMO_STAMP)
	$(NEMO_VENV)/bin/python -m pip install -q -c constraints-nemo.txt -e '.[nemo,dev]'

# `make test` runs the main suite on two pytest-xdist workers (--dist loadfile
# keeps each test file on one worker, so a module fixture starts once; shared
# caches are built under a file lock: tests/support/locks.py,
# knowledge_fixtures.py). PYTEST_WORKERS=0 runs it in one process. Two earlier
# two-worker failures were process-wide state one file left for the next in its
# worker, and real bugs: weasyprint's import turned on Pillow's
# LOAD_TRUNCATED_IMAGES (the layout builder puts it back), and lab OCR set
# OMP_THREAD_LIMIT=1 for the whole process, under which Whisper (CTranslate2,
# two threads) wrote "))))" for every clip (now tesseract's alone).
PYTEST_WORKERS ?= 2
test: install nemo-venv
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(NEMO_VENV)/bin/python -m pytest -p no:cacheprovider -q tests/nemo

test-fast: install
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

# Reliability and security (tests/reliability): `make test` runs the quick
# CI-size profile; `make reliability` runs the long profile (every pydicom test
# file, 2000 fuzz examples per target, every byte of the audit log edited), then
# every bench/reliability_*.py, and prints their FIGURE lines together.
RELIABILITY_DIR ?= build/reliability
FUZZ_EXAMPLES ?= 10000
OFFLINE_ENV := HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1

reliability: install
	@rm -rf $(RELIABILITY_DIR) && mkdir -p $(RELIABILITY_DIR); status=0; \
	$(OFFLINE_ENV) CAREPATH_RELIABILITY=long CAREPATH_FIGURES_DIR=$(RELIABILITY_DIR) \
	  $(BIN)/python -m pytest tests/reliability -q -p no:cacheprovider $(PYTEST_ARGS) || status=1; \
	$(OFFLINE_ENV) $(BIN)/python -m carepath index >/dev/null || status=1; \
	for f in bench/reliability_*.py; do \
	  echo "== $$f"; \
	  $(OFFLINE_ENV) CAREPATH_FIGURES_DIR=$(RELIABILITY_DIR) $(BIN)/python $$f \
	    | tee -a $(RELIABILITY_DIR)/figures.txt; [ $${PIPESTATUS[0]} -eq 0 ] || status=1; \
	done; \
	echo "== reliability figures ($(RELIABILITY_DIR)/figures.txt)"; \
	grep -h '^FIGURE' $(RELIABILITY_DIR)/figures.txt; exit $$status

# Longer fuzzing with fresh randomness: FUZZ_EXAMPLES per target (default 10000).
fuzz: install
	@mkdir -p $(RELIABILITY_DIR); status=0; \
	$(OFFLINE_ENV) CAREPATH_RELIABILITY=long CAREPATH_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) \
	  CAREPATH_FIGURES_DIR=$(RELIABILITY_DIR) $(BIN)/python -m pytest tests/reliability/test_fuzz.py \
	  -q -p no:cacheprovider $(PYTEST_ARGS) || status=1; \
	CAREPATH_FIGURES_DIR=$(RELIABILITY_DIR) $(BIN)/python bench/reliability_figures.py --only fuzz \
	  || status=1; exit $$status

lock-nemo: $(NEMO_STAMP)
	$(NEMO_VENV)/bin/python -m pip freeze --exclude-editable | sed 's/^torch==\(.*\)+cpu/torch==\1/' > constraints-nemo.txt.new
	mv constraints-nemo.txt.new constraints-nemo.txt

lock: $(BIN)/python
	printf '%s\n' '# Tested pins for carepath with the dev, postgres, server, ui, mcp, pacs and ray extras' \
	  '# (pip freeze of a working .venv). Regenerate: make lock' > constraints.txt.new
	$(PIP) freeze --exclude-editable | sed 's/^torch==\(.*\)+cpu/torch==\1/' >> constraints.txt.new
	mv constraints.txt.new constraints.txt

clean:
	rm -rf $(VENV) build dist *.egg-info
