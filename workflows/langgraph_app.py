"""The graph as LangGraph Server sees it (``langgraph.json``): compiled
without a checkpointer, because the server (``langgraph dev`` or a LangGraph
Platform deployment) supplies its own persistence and thread ids."""

from __future__ import annotations

from carepath.workflows.graph import build_graph

graph = build_graph(checkpointer=None)
