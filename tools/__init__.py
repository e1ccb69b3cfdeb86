"""carepath.tools: MedGemma skills, DICOM reading and document extraction.

``as_langchain_tools()`` exposes the skills to LangChain/LangGraph agents
(the same specs are served over MCP by ``carepath mcp``)."""

from typing import Any


def as_langchain_tools(names: list[str] | None = None) -> list[Any]:
    from carepath.tools.agent_tools import as_langchain_tools as _make

    return _make(names)


__all__ = ["as_langchain_tools"]
