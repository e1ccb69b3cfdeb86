"""Listing drafts by access policy from the thread index alone (issue 14
build 1): the index stores each thread's submitter, so a list filtered for
requester B leaves out A's draft without opening A's checkpoint; rows from
before the submitter column are filled by reading that thread once; an index
file of the old schema gains the column and keeps its rows."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydicom.data import get_testdata_file
from support.workflow_fixtures import offline_cli_env, run_cli

from carepath.access.local_access import visible
from carepath.access.policy import Identity
from carepath.settings import get_settings
from carepath.workflows.thread_view import Submitter
from carepath.workflows.threads import ThreadIndex

RG1 = get_testdata_file("RG1_UNCR.dcm")
REQUEST = "Chest X-ray for cough and fever, please draft the report."
BOB = Identity(subject="bob", display_name="Bob", roles=["requester"], groups=["neurology"])
BOB_SUBMITTER = Submitter(id="bob", name="Bob", groups=["neurology"])


@pytest.fixture(scope="module")
def drafted(guideline_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Two drafts of the same request, by alice (cardiology) and bob
    (neurology), each a real `carepath draft` process with its CLI identity."""
    state = tmp_path_factory.mktemp("index-access-state")
    base = offline_cli_env(guideline_data_dir, state)
    threads = {}
    for who, group in (("alice", "cardiology"), ("bob", "neurology")):
        env = {**base, "CAREPATH_ACCESS__CLI_IDENTITY": who, "CAREPATH_ACCESS__CLI_ROLES": '["requester"]',
               "CAREPATH_ACCESS__CLI_GROUPS": json.dumps([group])}
        r = run_cli(env, "draft", "--json", "--text", REQUEST, "--study", RG1)
        assert r.returncode == 0, r.stderr[-3000:]
        threads[who] = json.loads(r.stdout)["thread_id"]
    assert threads["alice"] != threads["bob"]
    return {"state": state, "env": base, **threads}


@pytest.fixture
def service(drafted: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The service over that state, in this process, with every checkpoint
    read counted (``graph.get_state`` is how the service opens a thread)."""
    for k, v in drafted["env"].items():
        if k.startswith("CAREPATH_"):
            monkeypatch.setenv(k, v)
    get_settings.cache_clear()
    from carepath.workflows.service import open_service

    try:
        with open_service() as svc:
            real, reads = svc.graph.get_state, []

            def counted(config: Any, *args: Any, **kwargs: Any) -> Any:
                reads.append(config["configurable"]["thread_id"])
                return real(config, *args, **kwargs)

            monkeypatch.setattr(svc.graph, "get_state", counted)
            svc.checkpoint_reads = reads
            yield svc
    finally:
        get_settings.cache_clear()


def test_list_as_b_leaves_out_a_without_opening_any_thread(service: Any, drafted: dict[str, Any]) -> None:
    pending = service.pending()
    assert {drafted["alice"], drafted["bob"]} <= {t.thread_id for t in pending}
    mine = visible(BOB, pending)
    assert [t.thread_id for t in mine] == [drafted["bob"]]
    assert {t.submitter.id for t in pending if t.thread_id in (drafted["alice"], drafted["bob"])} == {"alice",
                                                                                                      "bob"}
    assert service.checkpoint_reads == []           # decided from the index rows alone


def test_rows_from_before_the_submitter_column_are_filled_once(service: Any, drafted: dict[str, Any]) -> None:
    path = Path(drafted["state"]) / "threads.sqlite"
    with sqlite3.connect(path) as c:                # what an index written before the column holds
        c.execute("UPDATE threads SET submitter=NULL WHERE thread_id=?", (drafted["alice"],))
    assert ThreadIndex(path).get(drafted["alice"]).submitter_known is False
    first = visible(BOB, service.pending())
    assert drafted["alice"] not in {t.thread_id for t in first}
    assert service.checkpoint_reads == [drafted["alice"]]      # read once, to learn its submitter
    row = ThreadIndex(path).get(drafted["alice"])
    assert row.submitter_known and row.submitter is not None and row.submitter.id == "alice"
    visible(BOB, service.pending())
    assert service.checkpoint_reads == [drafted["alice"]]      # never again


def test_an_old_schema_index_gains_the_column_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "threads.sqlite"
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE threads (thread_id TEXT PRIMARY KEY, request_key TEXT NOT NULL UNIQUE, "
                  "intent TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)")
        c.execute("INSERT INTO threads VALUES ('t-old','k-old','cxr_report','awaiting_signoff','2026-01-01','2026-01-01')")
    index = ThreadIndex(path)
    old = index.get("t-old")
    assert old is not None and old.status == "awaiting_signoff" and old.submitter_known is False
    assert "submitter_known" not in old.model_dump()           # internal, never in a listing's JSON
    index.set_submitter("t-old", None)                          # a thread that records nobody
    assert index.get("t-old").submitter_known and index.get("t-old").submitter is None
    new = index.claim("t-new", "k-new", submitter=BOB_SUBMITTER)
    assert new.submitter == BOB_SUBMITTER and [t.thread_id for t in index.list("running")] == ["t-new"]
