"""Test session set-up: offline, isolated state, shared fixtures.

Fixture modules live in tests/support/ (one per area) and are star-imported
here so every test module sees them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Nothing in the test session may reach the Hugging Face hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

# Under pytest-xdist (`make test` runs PYTEST_WORKERS workers) every worker, and
# every `carepath` process it starts, would size its torch/OpenMP pool to all
# cores: N workers on N cores then run N*N spinning threads and each waits on
# the others. Split the cores between workers instead (set before torch loads).
_WORKERS = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT") or 1)
if _WORKERS > 1:
    for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(_var, str(max(1, (os.cpu_count() or 1) // _WORKERS)))

sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402

from support.asr_fixtures import *  # noqa: E402,F401,F403
from support.dicom_fixtures import *  # noqa: E402,F401,F403
from support.docs_fixtures import *  # noqa: E402,F401,F403
from support.gemma_fixtures import *  # noqa: E402,F401,F403
from support.http_fixtures import *  # noqa: E402,F401,F403
from support.knowledge_fixtures import *  # noqa: E402,F401,F403
from support.oidc_fixtures import *  # noqa: E402,F401,F403
from support.orthanc_fixtures import *  # noqa: E402,F401,F403
from support.postgres_fixtures import *  # noqa: E402,F401,F403
from support.workflow_fixtures import *  # noqa: E402,F401,F403

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Each test gets its own carepath data/state dirs and fresh settings."""
    from carepath.settings import get_settings

    base = tmp_path_factory.mktemp("carepath-home")
    monkeypatch.setenv("CAREPATH_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("CAREPATH_STATE_DIR", str(base / "state"))
    monkeypatch.delenv("CAREPATH_CONFIG", raising=False)
    get_settings.cache_clear()
    umask = os.umask(0o022)   # carepath.cli.main sets umask 077 (PHI at rest); in-process
    os.umask(umask)           # calls must not change it for the tests that follow
    yield
    get_settings.cache_clear()
    os.umask(umask)
