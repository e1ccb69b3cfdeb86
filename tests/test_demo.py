"""`make demo`'s main job runs end to end offline (index, question, typed and
dictated drafts, the radiologist writing findings and signing in a second
process, outputs, audit verify) — so a rule change cannot silently break it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_demo_runs_and_signs(guideline_data_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env.update({"CAREPATH_DATA_DIR": str(guideline_data_dir), "HF_HUB_OFFLINE": "1"})
    r = subprocess.run([sys.executable, "-m", "carepath", "demo", "--no-keep"], env=env, text=True,
                       capture_output=True, timeout=900)
    assert r.returncode == 0, (r.stdout[-3000:], r.stderr[-3000:])
    assert "final · thread" in r.stdout
    for kind in ("fhir", "sr", "pdf", "hl7v2"):
        assert f"  {kind} " in r.stdout, kind
