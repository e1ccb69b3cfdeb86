"""Shared state (issue 8.3): two `carepath serve` processes with separate
state directories share one PostgreSQL (Debian's, started on loopback by the
test run) for checkpoints and the thread index. A draft submitted through
one process is listed, reviewed and signed through the other; a repeated
submission to the second process finds the same thread."""

from __future__ import annotations

from pathlib import Path

import httpx

from support.http_fixtures import TOKENS, free_port, server_env, start_server

QUESTION = "Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?"


def test_two_processes_share_drafts_through_postgres(postgres_url: str, guideline_data_dir: Path,
                                                      tmp_path: Path) -> None:
    procs, urls = [], []
    try:
        for name in ("a", "b"):
            port = free_port()
            env = server_env(guideline_data_dir, tmp_path / name / "state", CAREPATH_CHECKPOINT_URL=postgres_url)
            procs.append(start_server(env, port, tmp_path / f"{name}.log"))
            urls.append(f"http://127.0.0.1:{port}")
        req = {"Authorization": f"Bearer {TOKENS['requester']}"}
        rev = {"Authorization": f"Bearer {TOKENS['reviewer']}"}
        a = httpx.Client(base_url=urls[0], timeout=300)
        b = httpx.Client(base_url=urls[1], timeout=300)

        created = a.post("/v1/questions", json={"text": QUESTION}, headers=req)
        assert created.status_code == 201, created.text
        tid = created.json()["thread_id"]
        assert tid in [t["thread_id"] for t in b.get("/v1/drafts", headers=rev).json()]
        assert b.get(f"/v1/drafts/{tid}", headers=rev).json()["status"] == "awaiting_signoff"
        again = b.post("/v1/questions", json={"text": QUESTION}, headers=req).json()
        assert again["thread_id"] == tid and again["reused"] is True

        signed = b.post(f"/v1/drafts/{tid}/signoff", json={"action": "approve"}, headers=rev)
        assert signed.status_code == 200 and signed.json()["status"] == "final"
        assert a.get(f"/v1/drafts/{tid}", headers=req).json()["status"] == "final"
        assert a.post(f"/v1/drafts/{tid}/signoff", json={"action": "approve"}, headers=rev).status_code == 409
        assert tid not in [t["thread_id"] for t in a.get("/v1/drafts", headers=rev).json()]
        # Each process kept its own state directory: the sharing went through PostgreSQL.
        assert not (tmp_path / "a" / "state" / "threads.sqlite").exists()
        assert not (tmp_path / "b" / "state" / "checkpoints.sqlite").exists()
    finally:
        for p in procs:
            p.terminate()
            p.wait(timeout=30)
