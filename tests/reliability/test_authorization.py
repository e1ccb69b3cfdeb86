"""Authorization without HTTP: a signed report is never re-signed or edited
in place (only a new request makes a new version), not through the service
and not by resuming the graph directly; and an audit log with any one byte
edited fails ``carepath audit verify``."""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from langgraph.types import Command
from pydicom.data import get_testdata_file

from carepath.draft import ReviewDecision
from carepath.errors import InputError
from carepath.workflows.audit import verify
from carepath.workflows.request import DraftRequest
from carepath.workflows.service import open_service
from reliability.conftest import LONG

RG1 = Path(get_testdata_file("RG1_UNCR.dcm"))
REQUEST = "Chest X-ray for cough and fever, please draft the report."


@pytest.fixture
def env(guideline_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from carepath.models import registry
    from carepath.settings import get_settings

    monkeypatch.setenv("CAREPATH_DATA_DIR", str(guideline_data_dir))
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    get_settings.cache_clear()
    registry.reset()
    return get_settings().state_dir


def _digests(outputs: dict[str, str]) -> dict[str, str]:
    return {k: hashlib.sha256(Path(p).read_bytes()).hexdigest() for k, p in outputs.items()
            if Path(p).is_file()}


ATTEMPTS = [
    ReviewDecision(reviewer="Dr Second", action="approve"),
    ReviewDecision(reviewer="Dr Second", action="reject", reason="changed my mind"),
    ReviewDecision(reviewer="Dr Second", action="edit", edits={"Impression": "Normal study."}),
]


@pytest.mark.parametrize("first", ["approve", "reject"])
def test_signed_report_is_never_resigned_or_edited(env: Path, first: str) -> None:
    with open_service() as svc:
        out = svc.draft(DraftRequest(text=f"{REQUEST} ({first})", studies=[RG1]))
        assert out.status == "awaiting_signoff"
        decision = (ReviewDecision(reviewer="Dr First", action="edit", edits={"Impression": "Normal study."})
                    if first == "approve" else
                    ReviewDecision(reviewer="Dr First", action="reject", reason="wrong patient"))
        signed = svc.sign(out.thread_id, decision)
        assert signed.status == ("final" if first == "approve" else "rejected")
        config = {"configurable": {"thread_id": out.thread_id}}
        before_state = svc.graph.get_state(config).values
        before_files = _digests(signed.outputs)
        assert before_files, "sign-off wrote outputs"
        for attempt in ATTEMPTS:
            with pytest.raises(InputError, match="already signed off"):
                svc.sign(out.thread_id, attempt)
            # Resuming the graph directly (bypassing the service) must not reopen it either.
            svc.graph.invoke(Command(resume=attempt.model_dump(mode="json")), config)
        after = svc.graph.get_state(config).values
        assert after["signoff"] == before_state["signoff"]
        assert after["status"] == before_state["status"] and after["draft"] == before_state["draft"]
        assert _digests(svc.outcome(out.thread_id).outputs) == before_files
        # The same request again is the same (signed) thread, not a fresh draft to sign.
        again = svc.draft(DraftRequest(text=f"{REQUEST} ({first})", studies=[RG1]))
        assert again.thread_id == out.thread_id and again.reused and again.status == signed.status
        # A new version is a new request and a new thread; the signed one stays as it was.
        v2 = svc.draft(DraftRequest(text=f"{REQUEST} ({first}) Addendum: compare with prior.",
                                    studies=[RG1]))
        assert v2.thread_id != out.thread_id and v2.status == "awaiting_signoff"
        assert svc.outcome(out.thread_id).status == signed.status


@pytest.fixture
def audit_log(env: Path) -> Path:
    with open_service() as svc:
        out = svc.draft(DraftRequest(text=REQUEST, studies=[RG1]))
        svc.sign(out.thread_id, ReviewDecision(reviewer="Dr Ä Reviewer", action="edit",
                                               edits={"Impression": "Normal study."}))
    log = env / "audit" / "audit.jsonl"
    assert verify(log).ok and verify(log).records >= 5
    return log


def test_every_single_byte_edit_breaks_the_chain(audit_log: Path, tmp_path: Path) -> None:
    data = audit_log.read_bytes()
    positions = range(len(data)) if LONG else sorted(random.Random(7).sample(range(len(data)), 300))
    edited = tmp_path / "edited.jsonl"
    survivors = []
    for pos in positions:
        for new in {data[pos] ^ 0x01, (data[pos] + 1) % 256}:
            edited.write_bytes(data[:pos] + bytes([new]) + data[pos + 1:])
            if verify(edited).ok:
                survivors.append((pos, new))
    assert not survivors, survivors[:5]


def test_audit_verify_cli_names_the_edited_line(audit_log: Path, tmp_path: Path) -> None:
    data = audit_log.read_bytes()
    lines = data.split(b"\n")
    third = len(lines[0]) + len(lines[1]) + 2 + 40   # a byte inside line 3
    edited = tmp_path / "audit.jsonl"
    edited.write_bytes(data[:third] + bytes([data[third] ^ 0x20]) + data[third + 1:])
    env = {k: v for k, v in os.environ.items()}
    ok = subprocess.run([sys.executable, "-m", "carepath", "audit", "verify", str(audit_log)],
                        env=env, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and "intact" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "carepath", "audit", "verify", str(edited)],
                         env=env, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "broken at line 3" in bad.stderr and "Traceback" not in bad.stderr
