"""PHI at rest (issue 14 item 6): nothing under the state directory is
readable by group or others after a draft and sign-off through the CLI;
checkpoints hold no request text in clear when a key is configured (and do
without one: the check can fail); ``carepath purge`` removes the files of
threads finalised longer ago than the TTL, keeps unfinalised threads and
shared images, and audits what it did."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pydicom.data import get_testdata_file

from carepath.cli import main
from carepath.draft import ReviewDecision
from carepath.security.storage import open_to_others
from carepath.settings import get_settings
from carepath.workflows.audit import AuditLog, verify
from carepath.workflows.request import DraftRequest
from carepath.workflows.service import open_service

RG1 = Path(get_testdata_file("RG1_UNCR.dcm"))
REQUEST = "Chest X-ray for cough and fever, please draft the report."
PLANTED = "MRN 12345678"
# The reviewer's words: a draft with only limitations (no model here) is never approved as it is.
REVIEWED = {"Impression": "No acute cardiopulmonary abnormality."}
KEY = base64.b64encode(bytes(range(32))).decode()


@pytest.fixture
def env(guideline_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from carepath.models import registry

    monkeypatch.setenv("CAREPATH_DATA_DIR", str(guideline_data_dir))
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    get_settings.cache_clear()
    registry.reset()
    return get_settings().state_dir


@contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def _checkpoint_bytes(state: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(state.glob("checkpoints.sqlite*")))


def test_state_is_private_after_a_cli_draft_and_signoff(guideline_data_dir: Path, tmp_path: Path) -> None:
    state = tmp_path / "state"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env.update({"CAREPATH_DATA_DIR": str(guideline_data_dir), "CAREPATH_STATE_DIR": str(state),
                "CAREPATH_IMAGING__BACKEND": "none", "HF_HUB_OFFLINE": "1"})

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        # The usual login umask (022) would leave SQLite files 0644: the CLI must override it.
        return subprocess.run([sys.executable, "-m", "carepath", *args], env=env, text=True,
                              capture_output=True, timeout=600, umask=0o022)

    r = cli("draft", "--json", "--text", f"{REQUEST} {PLANTED}", "--study", str(RG1))
    assert r.returncode == 0, r.stderr[-3000:]
    thread = json.loads(r.stdout)["thread_id"]
    edit_file = tmp_path / "edit.md"   # no model: the reviewer writes the Impression (issue 13)
    edit_file.write_text("## Impression\nNo acute cardiopulmonary abnormality.\n")
    r = cli("sign", thread, "--reviewer", "Dr Signer", "--edit", str(edit_file))
    assert r.returncode == 0, r.stderr[-3000:]
    written = [p for p in state.rglob("*") if p.is_file()]
    assert any(p.name.startswith("checkpoints.sqlite") for p in written)
    assert any(p.name == "threads.sqlite" for p in written) and any(p.name == "audit.jsonl" for p in written)
    assert any("outputs" in p.parts for p in written)
    assert open_to_others(state) == [], [f"{p} {oct(p.stat().st_mode)}" for p in open_to_others(state)]


def test_checkpoints_are_encrypted_when_a_key_is_set(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = f"{REQUEST} Patient {PLANTED}."
    # Without a key (and the usual umask, as a library caller without the CLI):
    # the request text is in the SQLite files in clear, and they are world-readable.
    with umask(0o022), open_service() as svc:
        plain = svc.draft(DraftRequest(text=text, studies=[RG1]))
        assert PLANTED.encode() in _checkpoint_bytes(env)
    assert open_to_others(env)

    monkeypatch.setenv("CAREPATH_STATE_DIR", str(env.parent / "state-encrypted"))
    monkeypatch.setenv("CAREPATH_SECURITY__CHECKPOINT_KEY", KEY)
    get_settings.cache_clear()
    state = get_settings().state_dir
    with open_service() as svc:
        out = svc.draft(DraftRequest(text=text, studies=[RG1]))
        assert PLANTED.encode() not in _checkpoint_bytes(state)          # WAL included
        assert PLANTED in (svc.view(out.thread_id).request_text or "")   # still readable with the key
        signed = svc.sign(out.thread_id, ReviewDecision(reviewer="Dr Signer", action="edit", edits=REVIEWED))
        assert signed.status == "final"
    data = _checkpoint_bytes(state)
    assert PLANTED.encode() not in data and b"cough and fever" not in data
    assert plain.thread_id   # the two drafts are independent stores

    monkeypatch.setenv("CAREPATH_SECURITY__CHECKPOINT_KEY", base64.b64encode(b"short").decode())
    get_settings.cache_clear()
    with pytest.raises(Exception, match="invalid checkpoint key"):
        with open_service():
            pass


def _stored(state: Path, sub: str, name: str) -> Path:
    target = state / sub / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(RG1, target)
    return target


def test_purge_removes_finalised_files_keeps_unfinalised_and_audits(
        env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    upload_a = _stored(env, "uploads", "a.dcm")
    upload_c = _stored(env, "uploads", "c.dcm")
    pulled_b = _stored(env, "pacs/1.2.3.4", "im1.dcm").parent
    user_file = _stored(env.parent, "mine", "study.dcm")    # a CLI user's own file: never deleted
    old_orphan = _stored(env, "uploads", ".upload-abandoned.part")
    os.utime(old_orphan, (time.time() - 3 * 86400,) * 2)
    new_orphan = _stored(env, "uploads", "just-arrived.dcm")
    with open_service() as svc:
        a = svc.draft(DraftRequest(text=f"{REQUEST} (a)", studies=[upload_a]))
        b = svc.draft(DraftRequest(text=f"{REQUEST} (b)", studies=[pulled_b]))
        c = svc.draft(DraftRequest(text=f"{REQUEST} (c)", studies=[upload_c]))
        d = svc.draft(DraftRequest(text=f"{REQUEST} (d)", studies=[user_file]))
        for t in (a, c, d):
            svc.sign(t.thread_id, ReviewDecision(reviewer="Dr Signer", action="edit", edits=REVIEWED))
        images_b = {Path(x.path) for x in svc.view(b.thread_id).images().values()}
        images_a = {Path(x.path) for x in svc.view(a.thread_id).images().values()}
    assert images_a and images_b, "the skill stored prepared images"
    outputs = [env / "outputs" / t.thread_id for t in (a, c, d)]
    assert all(p.is_dir() for p in outputs)

    # Finalised a moment ago: a one-day TTL removes only the 3-day-old abandoned upload.
    assert main(["purge", "--older-than", "1d", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["threads"] == [] and first["orphans"] == 1
    assert not old_orphan.exists() and new_orphan.exists() and upload_a.exists()

    assert main(["purge", "--older-than", "0s", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert sorted(report["threads"]) == sorted([a.thread_id, c.thread_id, d.thread_id])
    assert report["kept_unfinalised"] == 1 and report["inputs"] == 2 and report["outputs"] == 3
    assert not upload_a.exists() and not upload_c.exists() and not any(p.exists() for p in outputs)
    assert pulled_b.is_dir() and user_file.is_file()          # unfinalised thread; user's own file
    assert all(p.exists() for p in images_b)                  # shared with the kept thread
    assert not new_orphan.exists()                            # unreferenced and older than 0s

    records = [r for r in AuditLog().records() if r.action == "retention.purged"]
    assert sorted(r.thread_id for r in records) == sorted(report["threads"])
    assert {r.actor for r in records} == {"cli:purge"}
    assert verify(AuditLog().path).ok

    assert main(["purge", "--older-than", "0s", "--json"]) == 0   # idempotent: nothing left, no new audit
    assert json.loads(capsys.readouterr().out)["threads"] == []
    assert len([r for r in AuditLog().records() if r.action == "retention.purged"]) == 3
    assert main(["purge", "--older-than", "soon"]) == 4
    assert "invalid duration" in capsys.readouterr().err
