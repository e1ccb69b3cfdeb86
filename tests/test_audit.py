"""The hash-chained audit log: tamper detection, concurrency, schema, CLI."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from carepath.cli import main
from carepath.errors import InputError
from carepath.workflows.audit import (
    GENESIS,
    AuditEntry,
    AuditError,
    AuditLog,
    record_hash,
    sha256_hex,
    verify,
)


def step(n: int, thread: str = "thread-0001") -> dict:
    return {"thread_id": thread, "actor": "node:router" if n % 2 else "skill:cxr",
            "action": f"step_{n}", "input_hashes": {"study": sha256_hex(f"study-{n}")},
            "model_versions": {"imaging": "google/medgemma-1.5-4b-it@rev-1"},
            "prompt_versions": ["cxr_report@v1"]}


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    log = AuditLog(tmp_path / "audit" / "audit.jsonl")
    for n in range(1, 4):
        log.append(**step(n))
    # A staff identity with non-ASCII letters: multi-byte UTF-8 in the file.
    log.append(thread_id="thread-0001", actor="reviewer:Zoë Ångström", action="sign",
               decision="approve")
    return log


def test_records_form_a_hash_chain(log: AuditLog) -> None:
    recs = list(log.records())
    assert [r.seq for r in recs] == [1, 2, 3, 4]
    assert recs[0].prev_hash == GENESIS
    for a, b in zip(recs, recs[1:], strict=False):
        assert b.prev_hash == a.hash
    for r in recs:
        assert r.hash == record_hash(r.body())
    result = log.verify()
    assert result.ok and result.records == 4 and result.head_hash == recs[-1].hash
    assert recs[-1].decision == "approve" and recs[-1].actor == "reviewer:Zoë Ångström"
    assert log.for_thread("thread-0001") == recs


def test_every_tampered_byte_is_detected_at_its_line(log: AuditLog) -> None:
    data = log.path.read_bytes()
    starts = [0] + [i + 1 for i, b in enumerate(data) if b == 0x0A][:-1]
    for pos in range(len(data)):
        line = max(n for n, s in enumerate(starts, 1) if s <= pos)
        for flip in (0x01, 0x20):
            tampered = bytearray(data)
            tampered[pos] ^= flip
            log.path.write_bytes(bytes(tampered))
            result = verify(log.path)
            assert not result.ok, (pos, flip)
            assert result.first_bad_line == line, (pos, flip, result.reason)
            assert result.first_bad_seq == line and result.records == line - 1
    log.path.write_bytes(data)
    assert verify(log.path).ok


def test_deleted_line_is_detected(log: AuditLog) -> None:
    lines = log.path.read_bytes().splitlines(keepends=True)
    log.path.write_bytes(b"".join(lines[:1] + lines[2:]))
    result = verify(log.path)
    assert not result.ok and result.first_bad_line == 2 and "sequence 3" in result.reason


def test_reordered_lines_are_detected(log: AuditLog) -> None:
    lines = log.path.read_bytes().splitlines(keepends=True)
    lines[1], lines[2] = lines[2], lines[1]
    log.path.write_bytes(b"".join(lines))
    result = verify(log.path)
    assert not result.ok and result.first_bad_line == 2


def test_rehashed_forgery_still_breaks_the_chain(log: AuditLog) -> None:
    """Editing a record and recomputing its own hash breaks the next link."""
    lines = log.path.read_bytes().splitlines(keepends=True)
    rec = json.loads(lines[1])
    rec["action"] = "forged"
    body = {k: v for k, v in rec.items() if k != "hash"}
    rec["hash"] = record_hash(body)
    lines[1] = json.dumps(rec, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"
    log.path.write_bytes(b"".join(lines))
    result = verify(log.path)
    assert not result.ok and result.first_bad_line == 3 and "prev_hash" in result.reason


def test_truncated_tail_needs_the_expected_head(log: AuditLog) -> None:
    head = log.verify().head_hash
    lines = log.path.read_bytes().splitlines(keepends=True)
    log.path.write_bytes(b"".join(lines[:-1]))
    assert verify(log.path).ok  # a shorter chain is still a chain...
    result = verify(log.path, expected_head=head)  # ...but not the one we exported
    assert not result.ok and "expected head" in result.reason


def test_torn_tail_blocks_appends_and_is_reported(log: AuditLog) -> None:
    with open(log.path, "ab") as f:
        f.write(b'{"seq":5,"thre')
    result = verify(log.path)
    assert not result.ok and result.first_bad_line == 5 and "incomplete" in result.reason
    with pytest.raises(AuditError, match="incomplete last line"):
        log.append(**step(9))


def _appender(path: str, worker: int, count: int) -> None:
    log = AuditLog(path)
    for n in range(count):
        log.append(**step(n, thread=f"thread-w{worker}"))


def test_concurrent_appends_from_two_processes_keep_the_chain(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_appender, args=(str(path), w, 200)) for w in (1, 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    result = verify(path)
    assert result.ok, result.reason
    assert result.records == 400
    threads = [r.thread_id for r in AuditLog(path).records()]
    assert threads.count("thread-w1") == threads.count("thread-w2") == 200


@pytest.mark.parametrize("bad", [
    {"note": "Patient John Smith, DOB 1950-01-01"},          # no free-text fields at all
    {"actor": "John Smith"},                                  # names only as reviewer:<staff id>
    {"actor": "reviewer:   "},
    {"actor": "reviewer:Jane\nSmith"},
    {"action": "opened chart of John Smith"},                 # tokens, not sentences
    {"thread_id": "Smith, John"},
    {"input_hashes": {"study": "not-a-hash"}},
    {"model_versions": {"imaging": "MedGemma for John Smith"}},
    {"prompt_versions": ["compose report v1"]},
    {"decision": "maybe"},
])
def test_schema_admits_no_free_text(tmp_path: Path, bad: dict) -> None:
    log = AuditLog(tmp_path / "a.jsonl")
    with pytest.raises(InputError, match="invalid audit entry"):
        log.append(**{**step(1), **bad})
    assert not log.path.exists()


def test_entry_object_is_accepted(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "a.jsonl")
    rec = log.append(AuditEntry(thread_id="t-1", actor="system", action="draft.created",
                                model_versions={"imaging": "/models/medgemma-1.5-4b-it"}))
    assert rec.seq == 1 and log.verify().ok


def test_default_log_lives_in_the_state_dir(tmp_path: Path) -> None:
    from carepath.settings import get_settings

    rec = AuditLog().append(**step(1))
    path = get_settings().state_dir / "audit" / "audit.jsonl"
    assert path.is_file() and verify(path).head_hash == rec.hash


def test_cli_verify(log: AuditLog, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify", str(log.path)]) == 0
    assert "ok: 4 records intact" in capsys.readouterr().out
    assert main(["audit", "verify", str(log.path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    data = bytearray(log.path.read_bytes())
    second = data.index(b"\n") + 1
    data[second + 30] ^= 0x01
    log.path.write_bytes(bytes(data))
    assert main(["audit", "verify", str(log.path)]) == 1
    err = capsys.readouterr().err
    assert "broken at line 2 (seq 2)" in err
    assert main(["audit", "verify", str(log.path), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False and out["first_bad_line"] == 2
    assert main(["audit", "verify", str(log.path.parent / "missing.jsonl")]) == 4
    assert "cannot read audit log" in capsys.readouterr().err
