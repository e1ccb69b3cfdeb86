"""The graph pauses at sign-off and resumes from a *different* checkpointer
connection (as a new process would), on real SQLite and real PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.types import Command

from carepath.agents import intent
from carepath.workflows.graph import build_graph
from support.fake_skills import FAKE_SKILLS, toy_classifier


@pytest.fixture(autouse=True)
def _offline_fakes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intent, "default_classifier", toy_classifier)
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")


def _start(graph, thread: str) -> dict:
    return graph.invoke({"thread_id": thread, "request_text": "which antibiotic for pneumonia",
                         "inputs": [], "results": {}, "warnings": []},
                        {"configurable": {"thread_id": thread}})


def _saver(path: Path) -> tuple[SqliteSaver, sqlite3.Connection]:
    conn = sqlite3.connect(str(path), check_same_thread=False)
    saver = SqliteSaver(conn)
    saver.setup()
    return saver, conn


def test_pause_and_resume_across_sqlite_connections(tmp_path: Path) -> None:
    db = tmp_path / "cp.sqlite"
    saver, conn = _saver(db)
    g1 = build_graph(saver, skills=FAKE_SKILLS, with_outputs=False)
    out = _start(g1, "t-1")
    payload = out["__interrupt__"][0].value
    assert payload["status"] == "awaiting_signoff"
    assert payload["draft"]["sections"][0]["sentences"][0]["evidence"] == ["G1"]
    assert "signoff" not in out and out["status"] == "awaiting_signoff"
    conn.close()

    saver2, conn2 = _saver(db)                     # a fresh connection: nothing in memory
    g2 = build_graph(saver2, skills=FAKE_SKILLS, with_outputs=False)
    state = g2.get_state({"configurable": {"thread_id": "t-1"}})
    assert state.next == ("signoff",) and state.interrupts
    done = g2.invoke(Command(resume={"reviewer": "Dr Reviewer", "action": "approve"}),
                     {"configurable": {"thread_id": "t-1"}})
    assert done["status"] == "final"
    assert done["signoff"]["decision"]["reviewer"] == "Dr Reviewer"
    conn2.close()


def test_checkpoint_stays_small_and_free_of_pixels(tmp_path: Path) -> None:
    db = tmp_path / "cp.sqlite"
    saver, conn = _saver(db)
    g = build_graph(saver, skills=FAKE_SKILLS, with_outputs=False)
    _start(g, "t-size")
    size = sum(len(r[0] or b"") + len(r[1] or b"") for r in conn.execute(
        "SELECT checkpoint, metadata FROM checkpoints WHERE thread_id='t-size'"))
    writes = sum(len(r[0] or b"") for r in conn.execute(
        "SELECT value FROM writes WHERE thread_id='t-size'"))
    assert size + writes < 64 * 1024, size + writes
    conn.close()


def test_pause_and_resume_on_postgres(postgres_url: str) -> None:
    from langgraph.checkpoint.postgres import PostgresSaver

    with PostgresSaver.from_conn_string(postgres_url) as saver:
        saver.setup()
        g = build_graph(saver, skills=FAKE_SKILLS, with_outputs=False)
        assert "__interrupt__" in _start(g, "t-pg")
    with PostgresSaver.from_conn_string(postgres_url) as saver:
        g = build_graph(saver, skills=FAKE_SKILLS, with_outputs=False)
        done = g.invoke(Command(resume={"reviewer": "Dr PG", "action": "reject", "reason": "wrong side"}),
                        {"configurable": {"thread_id": "t-pg"}})
        assert done["status"] == "rejected"


def test_resume_that_bypasses_the_service_cannot_sign_an_empty_report(tmp_path: Path) -> None:
    """A host resuming the graph directly (LangGraph Server, an embedding agent)
    meets the same rule as `carepath sign`: nothing clinical, nothing signed;
    the thread stays paused and can still be rejected."""
    saver, conn = _saver(tmp_path / "cp.sqlite")
    g = build_graph(saver, skills=FAKE_SKILLS, with_outputs=False)
    cfg = {"configurable": {"thread_id": "t-empty"}}
    out = g.invoke({"thread_id": "t-empty", "request_text": "", "inputs": [], "results": {},
                    "warnings": []}, cfg)
    assert [s["name"] for s in out["__interrupt__"][0].value["draft"]["sections"]] == ["Limitations"]
    again = g.invoke(Command(resume={"reviewer": "Dr R", "action": "approve"}), cfg)
    assert "nothing clinical to sign" in again["__interrupt__"][0].value["refused"]
    state = g.get_state(cfg)
    assert state.next == ("signoff",) and state.values["status"] == "awaiting_signoff"
    done = g.invoke(Command(resume={"reviewer": "Dr R", "action": "reject", "reason": "nothing to report"}), cfg)
    assert done["status"] == "rejected"
    conn.close()
