"""Agent tools reach only allowed files and FHIR servers (issue 14 item 7):
the real MCP server over stdio refuses /etc/hostname naming the allowed roots
and the setting; a symlink out of a root is refused; a URL off the FHIR
allow-list is refused without a connection."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from carepath.errors import Forbidden
from carepath.integrations.agent_tools import TOOLS

EHR = next(t for t in TOOLS if t.name == "ehr_question")


def test_mcp_ehr_question_refuses_etc_hostname(tmp_path: Path, knowledge_data_dir: Path) -> None:
    pytest.importorskip("mcp", reason="the [mcp] extra is installed by make test")
    from mcp import Client
    from mcp.client.stdio import StdioServerParameters

    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env.update({"CAREPATH_DATA_DIR": str(knowledge_data_dir), "CAREPATH_STATE_DIR": str(tmp_path / "state"),
                "CAREPATH_IMAGING__BACKEND": "none", "HF_HUB_OFFLINE": "1"})
    params = StdioServerParameters(command=sys.executable, args=["-m", "carepath", "mcp"], env=env,
                                   cwd=str(tmp_path))

    async def call() -> object:
        async with Client(params, read_timeout_seconds=120) as client:
            return await client.call_tool("ehr_question", {"source": "/etc/hostname", "question": "who?"})

    out = asyncio.run(asyncio.wait_for(call(), timeout=200))
    text = out.content[0].text
    assert out.is_error and "allowed roots" in text and str(tmp_path.resolve()) in text
    assert "CAREPATH_AGENT__ALLOWED_ROOTS" in text and "Traceback" not in text


def test_paths_resolve_through_symlinks_and_urls_need_the_allow_list(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from carepath.settings import get_settings

    root = tmp_path / "root"
    root.mkdir()
    (root / "escape").symlink_to("/etc")
    monkeypatch.setenv("CAREPATH_AGENT__ALLOWED_ROOTS", f'["{root}"]')
    get_settings.cache_clear()
    try:
        with pytest.raises(Forbidden, match="allowed roots"):
            EHR.invoke({"source": str(root / "escape" / "hostname"), "question": "q"})
        with pytest.raises(Forbidden, match="allowed roots"):
            EHR.invoke({"source": str(root / ".." / "other.json"), "question": "q"})
        with pytest.raises(Forbidden, match="CAREPATH_AGENT__FHIR_ALLOWED"):
            EHR.invoke({"source": "http://127.0.0.1:1/fhir", "question": "q"})
        # Inside the root the tool runs and its own error (no such bundle) comes back.
        with pytest.raises(Exception) as exc:
            EHR.invoke({"source": str(root / "missing.json"), "question": "q"})
        assert not isinstance(exc.value, Forbidden)
        monkeypatch.setenv("CAREPATH_AGENT__FHIR_ALLOWED", '["http://127.0.0.1:1/fhir"]')
        get_settings.cache_clear()
        with pytest.raises(Forbidden):
            EHR.invoke({"source": "http://127.0.0.1:1/fhir-other", "question": "q"})
        with pytest.raises(Exception) as exc:   # allowed: it tries the server (nothing listens on :1)
            EHR.invoke({"source": "http://127.0.0.1:1/fhir/Patient/x", "question": "q"})
        assert not isinstance(exc.value, Forbidden)
    finally:
        get_settings.cache_clear()
