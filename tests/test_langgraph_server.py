"""`langgraph dev` (langgraph-cli[inmem]) serves carepath's graph offline from
langgraph.json; a LangGraph SDK client drives a draft to the sign-off
interrupt and resumes it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, guideline_data_dir: Path):
    exe = Path(sys.executable).parent / "langgraph"
    if not exe.exists():
        pytest.fail("langgraph-cli[inmem] missing: make test installs the [server] extra")
    port = _free_port()
    work = tmp_path_factory.mktemp("lgdev")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env.update({"CAREPATH_DATA_DIR": str(guideline_data_dir),
                "CAREPATH_STATE_DIR": str(work / "state"), "CAREPATH_IMAGING__BACKEND": "none",
                "HF_HUB_OFFLINE": "1", "LANGSMITH_TRACING": "false"})
    proc = subprocess.Popen([str(exe), "dev", "--host", "127.0.0.1", "--port", str(port),
                             "--no-browser", "--no-reload"], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    import httpx

    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            if httpx.get(f"{url}/ok", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("langgraph dev did not start: " + (proc.stdout.read() if proc.stdout else ""))
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def test_draft_interrupt_and_resume_over_langgraph_server(server: str) -> None:
    from langgraph_sdk import get_sync_client

    client = get_sync_client(url=server)
    thread = client.threads.create()
    tid = thread["thread_id"]
    question = "Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?"
    client.runs.wait(tid, "carepath", input={"thread_id": tid, "request_text": question,
                                             "inputs": [], "results": {}, "warnings": []})
    state = client.threads.get_state(tid)
    assert state["next"] == ["signoff"]
    interrupts = [i for t in state["tasks"] for i in t.get("interrupts", [])]
    draft = interrupts[0]["value"]["draft"]
    assert draft["intent"] == "guideline_qa"
    assert any(c["guideline_id"] == "ats_idsa_cap_2019" for c in draft["citations"])
    client.runs.wait(tid, "carepath", command={"resume": {"reviewer": "Dr Server", "action": "approve"}})
    final = client.threads.get_state(tid)["values"]
    assert final["status"] == "final"
    assert final["signoff"]["decision"]["reviewer"] == "Dr Server"
