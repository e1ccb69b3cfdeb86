"""A study and a guideline question in one request, through the real CLI and
graph with the real guideline index: the question part alone is searched and
its cited answer reaches Recommendations although no imaging findings were
generated (issue 15 item 4)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydicom.data import get_testdata_file

RG1 = get_testdata_file("RG1_UNCR.dcm")
CAP_GUIDELINES = {"ats_idsa_cap_2019", "bts_cap_2009"}


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory, guideline_data_dir: Path) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    out.update({"CAREPATH_DATA_DIR": str(guideline_data_dir),
                "CAREPATH_STATE_DIR": str(tmp_path_factory.mktemp("mixed-state")),
                "CAREPATH_IMAGING__BACKEND": "none", "HF_HUB_OFFLINE": "1"})
    return out


def _draft(env: dict[str, str], text: str) -> dict:
    r = subprocess.run([sys.executable, "-m", "carepath", "draft", "--json", "--text", text,
                        "--study", RG1], env=env, text=True, capture_output=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout)


def test_question_with_a_study_is_answered_in_recommendations(env: dict[str, str]) -> None:
    d = _draft(env, "CXR for cough; which antibiotic for an otherwise healthy outpatient with CAP?")
    assert d["intent"] == "cxr_report"
    sections = {s["name"]: s["sentences"] for s in d["draft"]["sections"]}
    assert "Findings" not in sections  # no model here: nothing invented
    recs = sections["Recommendations"]
    cited = {f"G{c['n']}": c for c in d["citations"]}
    used = [cited[e] for s in recs for e in s["evidence"] if e in cited]
    assert used, recs
    # The first citation is a pneumonia guideline, not a chest-imaging passage.
    assert used[0]["guideline_id"] in CAP_GUIDELINES, [c["guideline_id"] for c in used]
    text = " ".join(s["text"] for s in recs).lower() + " ".join(c["quote"] for c in used).lower()
    assert "amoxicillin" in text or "doxycycline" in text or "macrolide" in text


def test_order_without_a_question_attaches_no_answer(env: dict[str, str]) -> None:
    d = _draft(env, "Chest X-ray for cough and fever, please draft the report.")
    names = [s["name"] for s in d["draft"]["sections"]]
    assert "Recommendations" not in names
