"""Signed anchors: the audit head is vouched for outside the chain, so a
truncated log, a log recomputed after removing one thread's records, and an
anchor signed with a key nobody trusts all fail ``audit verify`` (issue 14
item 5). The chain-only checks live in test_audit.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carepath.cli import main
from carepath.security import anchors as anchoring
from carepath.settings import get_settings
from carepath.workflows.audit import (
    GENESIS,
    AuditLog,
    anchor_head,
    canonical,
    record_hash,
    sha256_hex,
    verify,
)


@pytest.fixture
def key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> anchoring.KeyInfo:
    monkeypatch.setenv("CAREPATH_SECURITY__AUDIT_KEY_FILE", str(tmp_path / "keys" / "audit.pem"))
    get_settings.cache_clear()
    return anchoring.generate_key()


def _step(thread: str, n: int) -> dict:
    return {"thread_id": thread, "actor": "node:check", "action": f"step_{n}",
            "input_hashes": {"study": sha256_hex(f"{thread}-{n}")}}


def _eight_lines(log: AuditLog) -> None:
    """A and B interleaved; A is signed at record 5, B at record 8."""
    for thread, n in [("thread-a", 1), ("thread-b", 1), ("thread-a", 2), ("thread-b", 2)]:
        log.append(**_step(thread, n))
    log.append(thread_id="thread-a", actor="reviewer:Dr A", action="signoff.signed", decision="approve")
    for n in (3, 4):
        log.append(**_step("thread-b", n))
    log.append(thread_id="thread-b", actor="reviewer:Dr B", action="signoff.signed", decision="approve")


@pytest.fixture
def log(key: anchoring.KeyInfo, tmp_path: Path) -> AuditLog:
    log = AuditLog(tmp_path / "audit" / "audit.jsonl")
    _eight_lines(log)
    return log


def _rechain(records: list[dict]) -> bytes:
    """What a forger with write access to the log does: renumber and rehash."""
    out, prev = [], GENESIS
    for seq, rec in enumerate(records, 1):
        body = {k: v for k, v in rec.items() if k != "hash"} | {"seq": seq, "prev_hash": prev}
        prev = record_hash(body)
        out.append(canonical(body | {"hash": prev}) + b"\n")
    return b"".join(out)


def test_intact_log_passes_with_anchors_at_creation_and_each_signoff(log: AuditLog) -> None:
    result = log.verify()
    assert result.ok, result.reason
    assert result.records == 8 and result.anchors == 3
    assert result.anchored_seq == 8 and result.unanchored == 0 and result.warning is None
    anchors = [json.loads(x) for x in log.anchors.read_text().splitlines()]
    assert [(a["seq"], a["reason"]) for a in anchors] == [(1, "created"), (5, "signoff"), (8, "signoff")]
    assert oct(log.anchors.stat().st_mode & 0o777) == "0o600"


def test_truncating_the_last_four_of_eight_lines_fails(log: AuditLog) -> None:
    lines = log.path.read_bytes().splitlines(keepends=True)
    log.path.write_bytes(b"".join(lines[:4]))
    assert verify(log.path, anchors=log.path.parent / "elsewhere").ok is False  # key set up, no anchors
    result = log.verify()
    assert not result.ok and result.records == 4
    assert "log ends at record 4" in result.reason and "vouches for record 5" in result.reason


def test_rewrite_without_one_threads_records_fails(log: AuditLog) -> None:
    kept = [json.loads(x) for x in log.path.read_bytes().splitlines() if b'"thread-b"' not in x]
    log.path.write_bytes(_rechain(kept))
    assert [r.thread_id for r in log.records()] == ["thread-a"] * 3
    result = log.verify()
    assert not result.ok and result.records == 3   # the chain itself is a valid chain...
    assert "anchor" in result.reason                # ...but not the one that was signed


def test_rewrite_that_keeps_the_length_fails_at_the_changed_record(log: AuditLog) -> None:
    recs = [json.loads(x) for x in log.path.read_bytes().splitlines()]
    recs[1]["action"] = "step_9"                     # forged content, same number of records
    log.path.write_bytes(_rechain(recs))
    result = log.verify()
    assert not result.ok and result.first_bad_seq == 5
    assert "not the one signed anchor 2 vouches for" in result.reason


def test_anchor_forged_with_another_key_fails(log: AuditLog, tmp_path: Path) -> None:
    kept = [json.loads(x) for x in log.path.read_bytes().splitlines() if b'"thread-b"' not in x]
    log.path.write_bytes(_rechain(kept))
    log.anchors.unlink()
    forger = anchoring.generate_key(tmp_path / "forger" / "k.pem")
    forged_key = anchoring.load_signing_key(forger.private_key)
    for seq in (1, 3):
        head = [r.hash for r in log.records()][seq - 1]
        anchoring.append_anchor(log.anchors, seq=seq, head_hash=head, reason="signoff",
                                key=forged_key, ts="2026-01-01T00:00:00.000000Z")
    result = log.verify()
    assert not result.ok and "unknown key" in result.reason
    # The forger claims the trusted key's id: the signature gives it away.
    trusted_id = anchoring.key_id(anchoring.load_signing_key().public_key())
    lines = log.anchors.read_text().splitlines()
    first = json.loads(lines[0]) | {"key_id": trusted_id}
    log.anchors.write_text(json.dumps(first) + "\n")
    result = log.verify()
    assert not result.ok and "signature does not verify" in result.reason


def test_removed_middle_anchor_is_detected(log: AuditLog) -> None:
    lines = log.anchors.read_text().splitlines(keepends=True)
    log.anchors.write_text(lines[0] + lines[2])
    result = log.verify()
    assert not result.ok and "removed, inserted or reordered" in result.reason


def test_periodic_and_shutdown_anchors(key: anchoring.KeyInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREPATH_SECURITY__AUDIT_ANCHOR_EVERY", "3")
    get_settings.cache_clear()
    log = AuditLog()
    for n in range(1, 8):
        log.append(**_step("thread-p", n))
    result = log.verify()
    assert result.ok and [json.loads(x)["reason"] for x in log.anchors.read_text().splitlines()] == [
        "created", "periodic", "periodic"]
    assert result.anchored_seq == 6 and result.unanchored == 1
    anchor = anchor_head()   # what `serve` calls on clean shutdown
    assert anchor is not None and anchor.seq == 7 and anchor.reason == "shutdown"
    assert log.verify().unanchored == 0
    lines = log.path.read_bytes().splitlines(keepends=True)
    log.path.write_bytes(b"".join(lines[:-1]))
    assert not log.verify().ok


def test_without_a_key_nothing_is_anchored_and_verify_warns(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "a.jsonl")
    _eight_lines(log)
    assert not log.anchors.exists()
    result = log.verify()
    assert result.ok and result.anchors == 0 and "no signed anchors" in result.warning


def test_cli_keygen_verify_and_rotation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = get_settings().state_dir
    AuditLog().append(**_step("thread-c", 1))         # a log from before the key existed
    assert main(["audit", "keygen"]) == 0
    out = capsys.readouterr().out
    key_file = state / "keys" / anchoring.KEY_NAME
    assert str(key_file) in out and oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert oct(key_file.parent.stat().st_mode & 0o777) == "0o700"
    assert main(["audit", "keygen"]) == 4               # never overwritten silently (input error)
    assert "already exists" in capsys.readouterr().err
    AuditLog().append(thread_id="thread-c", actor="reviewer:Dr C", action="signoff.signed",
                      decision="approve")
    assert main(["audit", "verify"]) == 0
    assert "2 signed anchors match, the last at record 2" in capsys.readouterr().out
    old_pub = tmp_path / "old.pub"
    old_pub.write_bytes((state / "keys" / "audit-ed25519.pub").read_bytes())
    assert main(["audit", "keygen", "--rotate"]) == 0
    assert "retired public key kept" in capsys.readouterr().out
    AuditLog().append(thread_id="thread-d", actor="reviewer:Dr C", action="signoff.signed",
                      decision="approve")
    assert main(["audit", "verify"]) == 0               # old anchors verify with the retired key
    capsys.readouterr()
    # An external verifier holding only the old public key rejects the new anchors.
    assert main(["audit", "verify", "--public-key", str(old_pub)]) == 1
    assert "unknown key" in capsys.readouterr().err
    log_file = state / "audit" / "audit.jsonl"
    log_file.write_bytes(b"".join(log_file.read_bytes().splitlines(keepends=True)[:2]))
    assert main(["audit", "verify"]) == 1
    assert "records were removed" in capsys.readouterr().err
