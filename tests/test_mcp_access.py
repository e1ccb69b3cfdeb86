"""Agent tools under the access policy (issue 14 build 1: "and for
MCP/LangChain tools"), over the real `carepath mcp` stdio server: the agent
acts as ``CAREPATH_AGENT__IDENTITY``; a draft it creates is its own and it
may read it back; another requester's draft is refused naming the identity,
what it lacks and the setting; both reads are access-audit records naming
the agent, in the hash chain and as BALP AuditEvents."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from pydicom.data import get_testdata_file
from support.workflow_fixtures import offline_cli_env, run_cli

mcp = pytest.importorskip("mcp", reason="the [mcp] extra is installed by make test")

RG1 = get_testdata_file("RG1_UNCR.dcm")
REQUEST = "Chest X-ray for cough and fever, please draft the report."
QUESTION = "Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?"


def _call_tools(env: dict[str, str], cwd: Path, calls: list[tuple[str, dict[str, Any]]]) -> list[Any]:
    from mcp import Client
    from mcp.client.stdio import StdioServerParameters

    params = StdioServerParameters(command=sys.executable, args=["-m", "carepath", "mcp"], env=env, cwd=str(cwd))

    async def session() -> list[Any]:
        async with Client(params, read_timeout_seconds=300) as client:
            return [await client.call_tool(name, args) for name, args in calls]

    return asyncio.run(asyncio.wait_for(session(), timeout=600))


def test_agent_reads_only_what_its_identity_may(guideline_data_dir: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    state = tmp_path / "state"
    base = offline_cli_env(guideline_data_dir, state)
    alice = {**base, "CAREPATH_ACCESS__CLI_IDENTITY": "alice", "CAREPATH_ACCESS__CLI_ROLES": '["requester"]',
             "CAREPATH_ACCESS__CLI_GROUPS": '["cardiology"]'}
    r = run_cli(alice, "draft", "--json", "--text", REQUEST, "--study", RG1)
    assert r.returncode == 0, r.stderr[-3000:]
    alice_thread = json.loads(r.stdout)["thread_id"]

    agent = {**base, "CAREPATH_AGENT__IDENTITY": "agent-neuro", "CAREPATH_AGENT__GROUPS": '["neurology"]',
             "CAREPATH_AGENT__ALLOWED_ROOTS": json.dumps([str(tmp_path)])}
    created, = _call_tools(agent, tmp_path, [("create_draft", {"text": QUESTION})])
    assert not created.is_error, created.content[0].text
    own = json.loads(created.content[0].text)["thread_id"]
    theirs, mine = _call_tools(agent, tmp_path, [("draft_status", {"thread_id": alice_thread}),
                                                 ("draft_status", {"thread_id": own})])

    text = theirs.content[0].text
    assert theirs.is_error and "Traceback" not in text
    assert "identity 'agent-neuro'" in text and "outside the requester's groups" in text
    assert "groups: neurology" in text and "CAREPATH_AGENT__IDENTITY" in text
    assert "Findings" not in text and "Impression" not in text        # nothing of the draft came back
    mine_json = json.loads(mine.content[0].text)
    assert not mine.is_error and mine_json["thread_id"] == own and mine_json["status"] == "awaiting_signoff"

    records = [json.loads(x) for x in (state / "audit" / "audit.jsonl").read_text().splitlines()]
    agent_records = [(x["thread_id"], x["action"]) for x in records if x["actor"] == "requester:agent-neuro"]
    assert agent_records == [(alice_thread, "access.read.denied"), (own, "access.read.allowed")]
    events = [json.loads(x) for x in (state / "audit" / "audit-events.jsonl").read_text().splitlines()]
    agent_events = [e for e in events if e["agent"][0]["who"]["identifier"]["value"] == "agent-neuro"]
    assert [e["outcome"] for e in agent_events] == ["4", "0"]

    # The agent's draft is its submission: alice (another group) does not see it listed, a reviewer does.
    r = run_cli(alice, "review", "--json")
    assert r.returncode == 0 and own not in {t["thread_id"] for t in json.loads(r.stdout)}
    victor = {**base, "CAREPATH_ACCESS__CLI_IDENTITY": "victor"}      # default role reviewer, every group
    r = run_cli(victor, "review", "--json")
    assert r.returncode == 0 and {own, alice_thread} <= {t["thread_id"] for t in json.loads(r.stdout)}

    # The LangChain front end is the same registry: the same refusal, as the tool's answer.
    from carepath.integrations.agent_tools import as_langchain_tools
    from carepath.settings import get_settings

    for k, v in agent.items():
        if k.startswith("CAREPATH_"):
            monkeypatch.setenv(k, v)
    get_settings.cache_clear()
    try:
        tool, = as_langchain_tools(["draft_status"])
        answer = tool.invoke({"thread_id": alice_thread})
    finally:
        get_settings.cache_clear()
    assert "identity 'agent-neuro'" in answer and "CAREPATH_AGENT__IDENTITY" in answer
