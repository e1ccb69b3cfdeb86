"""`carepath mcp` as a real subprocess on stdio, driven by the MCP SDK's own
client: the tools are listed with their schemas, a guideline search returns
cited passages, and bad arguments come back as a validation error while the
server keeps serving."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

import pytest

mcp = pytest.importorskip("mcp", reason="the [mcp] extra is installed by make test")


def _env(data_dir: Path, state: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env.update({"CAREPATH_DATA_DIR": str(data_dir), "CAREPATH_STATE_DIR": str(state),
                "CAREPATH_IMAGING__BACKEND": "none", "HF_HUB_OFFLINE": "1",
                # tool path arguments must resolve under an allowed root (issue 14 item 7)
                "CAREPATH_AGENT__ALLOWED_ROOTS": json.dumps([str(state.parent)])})
    return env


def test_mcp_stdio_server_lists_calls_and_validates(knowledge_data_dir: Path, tmp_path: Path) -> None:
    from mcp import Client
    from mcp.client.stdio import StdioServerParameters

    params = StdioServerParameters(command=sys.executable, args=["-m", "carepath", "mcp"],
                                   env=_env(knowledge_data_dir, tmp_path / "state"))

    async def session() -> dict:
        async with Client(params, read_timeout_seconds=300) as client:
            listed = await client.list_tools()
            search = await client.call_tool("guideline_search", {
                "query": "outpatient antibiotic for community-acquired pneumonia", "k": 3,
                "guideline_id": "ats_idsa_cap_2019"})
            bad = await client.call_tool("guideline_search", {"query": "pneumonia", "k": 500})
            missing = await client.call_tool("lab_report_extract", {"path": str(tmp_path / "none.pdf")})
            again = await client.call_tool("guideline_search", {"query": "sepsis fluids", "k": 1})
            return {"tools": listed.tools, "search": search, "bad": bad, "missing": missing, "again": again}

    out = asyncio.run(asyncio.wait_for(session(), timeout=400))
    tools = {t.name: t for t in out["tools"]}
    assert {"guideline_search", "guideline_answer", "chest_xray_report", "create_draft"} <= set(tools)
    assert not any("sign" in n for n in tools)
    schema = tools["guideline_search"].input_schema
    assert schema["required"] == ["query"] and schema["properties"]["k"]["maximum"] == 20

    assert not out["search"].is_error
    hits = [json.loads(c.text) for c in out["search"].content]  # one content block per passage
    assert 1 <= len(hits) <= 3 and {h["guideline_id"] for h in hits} == {"ats_idsa_cap_2019"}
    assert all(h["end"] > h["start"] and h["text"] for h in hits)

    assert out["bad"].is_error and "k" in out["bad"].content[0].text
    assert "less than or equal to 20" in out["bad"].content[0].text
    assert out["missing"].is_error and "lab report not found" in out["missing"].content[0].text
    assert "Traceback" not in out["missing"].content[0].text
    assert not out["again"].is_error  # still serving after errors
