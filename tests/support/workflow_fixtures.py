"""A guideline index built once per test session through the real CLI, for
tests that drive carepath as separate processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def guideline_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("carepath-data")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env.update({"CAREPATH_DATA_DIR": str(data), "HF_HUB_OFFLINE": "1"})
    r = subprocess.run([sys.executable, "-m", "carepath", "index"], env=env, text=True,
                       capture_output=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    return data
