"""carepath for agent frameworks: one tool registry (``agent_tools``) served
as LangChain tools and over MCP (``mcp_server``)."""

from typing import Any


def as_langchain_tools(names: list[str] | None = None) -> list[Any]:
    """carepath's agent tools as LangChain ``StructuredTool``s (langchain-core
    is imported only when asked for)."""
    from carepath.integrations.agent_tools import as_langchain_tools as _make

    return _make(names)


__all__ = ["as_langchain_tools"]
