"""Group commit of read-access audit records (issue 14 performance): many
concurrent reads share one lock and one fsync, yet every record is durable
before its caller returns, none is lost, the chain stays valid, and a failed
write raises in every caller whose record was in that batch."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from carepath.security.group_commit import GroupCommit
from carepath.security.jwt_auth import Identity
from carepath.access.policy import Decision


def test_concurrent_records_all_land_in_a_valid_chain_and_siem_file(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREPATH_STATE_DIR", str(tmp_path / "state"))
    from carepath.settings import get_settings
    get_settings.cache_clear()
    from carepath.access import access_audit
    from carepath.workflows.audit import verify

    who = Identity(subject="u-alice", display_name="Alice", roles=["requester"], groups=["cardio"])
    decision = Decision(allowed=True, action="read", why="own submission")
    start = threading.Barrier(24)

    def read(i: int) -> None:
        start.wait()
        access_audit.record(who, decision, f"thread-{i:02d}")

    threads = [threading.Thread(target=read, args=(i,)) for i in range(24)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    log = tmp_path / "state" / "audit" / "audit.jsonl"
    records = [json.loads(line) for line in log.read_text().splitlines()]
    assert sorted(r["thread_id"] for r in records) == [f"thread-{i:02d}" for i in range(24)]
    assert [r["seq"] for r in records] == list(range(1, 25))
    assert verify(log).ok
    events = (tmp_path / "state" / "audit" / "audit-events.jsonl").read_text().splitlines()
    assert len(events) == 24 and all(json.loads(e)["resourceType"] == "AuditEvent" for e in events)
    get_settings.cache_clear()


def test_writes_are_batched_and_a_failure_reaches_every_waiter_of_its_batch() -> None:
    batches: list[list[int]] = []
    gate, entered = threading.Event(), threading.Event()

    def write(batch: list[int]) -> None:
        batches.append(list(batch))
        if len(batches) == 1:            # hold the first batch so the others queue behind it
            entered.set()
            gate.wait(10)
        elif 99 in batch:
            raise OSError("disk full")

    group: GroupCommit[int] = GroupCommit(write)
    errors: dict[int, str] = {}

    def submit(i: int) -> None:
        try:
            group.submit(i)
        except OSError as exc:
            errors[i] = str(exc)

    first = threading.Thread(target=submit, args=(0,))
    first.start()
    assert entered.wait(10)
    rest = [threading.Thread(target=submit, args=(i,)) for i in (1, 2, 3, 99)]
    for t in rest:
        t.start()
    while len(group._queue) < 4:          # all four queued behind the held write
        threading.Event().wait(0.01)
    gate.set()
    for t in [first, *rest]:
        t.join(10)
    assert batches[0] == [0]
    assert sorted(batches[1]) == [1, 2, 3, 99] and len(batches) == 2   # one write for the four
    assert errors == {i: "disk full" for i in (1, 2, 3, 99)}          # nobody is told it was written
