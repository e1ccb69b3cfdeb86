"""Print the workflow diagram of docs/architecture.md, drawn from the compiled
graph itself (LangGraph's Mermaid export), so the picture cannot drift from
the wiring: tests/test_architecture_doc.py compares the two.

    .venv/bin/python scripts/architecture_diagram.py
"""

from __future__ import annotations


def diagram() -> str:
    """The graph's Mermaid text without LangGraph's styling lines."""
    from carepath.workflows.graph import build_graph  # heavy: langgraph + every skill module

    lines = build_graph().get_graph().draw_mermaid().splitlines()
    keep = [ln.rstrip() for ln in lines if ln.strip() and not ln.strip().startswith(("classDef", "%%", "---", "config:", "flowchart:", "curve:"))]
    return "\n".join(keep)


if __name__ == "__main__":
    print(diagram())
