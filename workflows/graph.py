"""Graph wiring: the one place the workflow's shape is defined.

intake → route → (skills, in parallel) → compose → check → signoff ⏸ → finalize

The sign-off node pauses with ``interrupt()``; a checkpointer persists the
thread so a reviewer can resume it from another process, hours later. The
skill nodes are the skills of ``carepath.tools.registry`` (one node each);
their callables are injected so hosts (and the overhead benchmark) can swap
them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from langgraph.graph import END, START, StateGraph
from langgraph.types import Checkpointer

from carepath.workflows import nodes
from carepath.workflows.skills import SKILLS, SkillContext
from carepath.workflows.state import WorkflowState

SkillFn = Callable[[SkillContext], Any]


def skill_node_name(skill: str) -> str:
    return f"skill_{skill}"


def build_graph(checkpointer: Checkpointer | None = None,
                skills: Mapping[str, SkillFn] | None = None,
                with_outputs: bool = True) -> Any:
    """Compile the carepath workflow. ``skills`` defaults to the real skills."""
    table = dict(skills or SKILLS)
    g = StateGraph(WorkflowState)
    g.add_node("intake", nodes.intake)
    g.add_node("route", nodes.route_request)
    for name, fn in table.items():
        g.add_node(skill_node_name(name), nodes.make_skill_node(name, fn))
    g.add_node("compose", nodes.compose)
    g.add_node("check", nodes.check_evidence)
    g.add_node("signoff", nodes.signoff)
    g.add_node("finalize", nodes.make_finalize(with_outputs))

    g.add_edge(START, "intake")
    g.add_edge("intake", "route")

    def fan_out(state: WorkflowState) -> list[str]:
        wanted = [skill_node_name(s) for s in state["route"]["skills"] if s in table]
        return wanted or ["compose"]

    g.add_conditional_edges("route", fan_out,
                            [skill_node_name(n) for n in table] + ["compose"])
    for name in table:
        g.add_edge(skill_node_name(name), "compose")
    g.add_edge("compose", "check")
    g.add_edge("check", "signoff")
    g.add_edge("signoff", "finalize")
    g.add_edge("finalize", END)
    return g.compile(checkpointer=checkpointer, name="carepath")
