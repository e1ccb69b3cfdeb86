"""carepath for agent frameworks: one tool registry (``agent_tools``) served
as LangChain tools and over MCP (``mcp_server``)."""

from carepath.integrations.agent_tools import as_langchain_tools

__all__ = ["as_langchain_tools"]
