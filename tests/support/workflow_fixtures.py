"""A data directory for tests that drive carepath as separate processes.

It starts from the session's cached guideline index (see knowledge_fixtures)
and goes through the real ``carepath index`` command once, which must find
nothing to re-embed: that exercises the CLI and the incremental path without
paying minutes of embedding per session.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def guideline_data_dir(knowledge_index_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("carepath-data")
    shutil.copytree(knowledge_index_dir, data / "index" / "default")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env.update({"CAREPATH_DATA_DIR": str(data), "HF_HUB_OFFLINE": "1"})
    r = subprocess.run([sys.executable, "-m", "carepath", "index", "--json"], env=env, text=True,
                       capture_output=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    report = json.loads(r.stdout)
    assert report["embedded_chunks"] == 0 and report["reused_chunks"] == report["chunks"] > 0, report
    return data


@pytest.fixture
def batch_env(guideline_data_dir: Path, tmp_path: Path) -> dict[str, str]:
    """Environment for `carepath batch` subprocesses: offline, no imaging model,
    the session's guideline index, a state dir of the test's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env.update({"CAREPATH_DATA_DIR": str(guideline_data_dir), "CAREPATH_STATE_DIR": str(tmp_path / "state"),
                "CAREPATH_IMAGING__BACKEND": "none", "HF_HUB_OFFLINE": "1"})
    return env


def offline_cli_env(data_dir: Path, state_dir: Path) -> dict[str, str]:
    """The environment of a `carepath` process in these tests: no CAREPATH_*
    leaking in from the shell, the shared guideline data, its own state, no model."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env.update({"CAREPATH_DATA_DIR": str(data_dir), "CAREPATH_STATE_DIR": str(state_dir),
                "CAREPATH_IMAGING__BACKEND": "none", "HF_HUB_OFFLINE": "1"})
    return env


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`carepath ARGS...` as a separate process, as a user would type it."""
    return subprocess.run([sys.executable, "-m", "carepath", *args], env=env, text=True,
                          capture_output=True, timeout=600)
