"""carepath inside someone else's LangGraph app: its tools in a host agent
driven by a scripted chat model (langchain-core's fake model, no network),
and the compiled workflow as a subgraph whose sign-off interrupt surfaces in
the host graph and resumes from a real SQLite checkpoint."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage
from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition
from langgraph.types import Command

from carepath.integrations import as_langchain_tools


@pytest.fixture
def carepath_env(knowledge_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from carepath.settings import get_settings

    monkeypatch.setenv("CAREPATH_DATA_DIR", str(knowledge_data_dir))
    monkeypatch.setenv("CAREPATH_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    # Tool path arguments must resolve under an allowed root (issue 14 item 7): this
    # session's temp folders (the lab devset is a sibling of tmp_path).
    monkeypatch.setenv("CAREPATH_AGENT__ALLOWED_ROOTS", f'["{tmp_path.parent}"]')
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_tools_have_pydantic_schemas_and_no_signing_tool() -> None:
    tools = as_langchain_tools()
    names = {t.name for t in tools}
    assert {"guideline_search", "guideline_answer", "chest_xray_report", "ct_mri_report",
            "localize_findings", "compare_with_prior", "pathology_slide", "lab_report_extract",
            "ehr_question", "create_draft", "draft_status"} == names
    assert not any("sign" in n for n in names)  # only a human signs
    search = next(t for t in tools if t.name == "guideline_search")
    schema = search.args_schema.model_json_schema()
    assert schema["required"] == ["query"] and schema["properties"]["k"]["maximum"] == 20
    assert all(p.get("description") for p in schema["properties"].values())
    with pytest.raises(Exception):
        as_langchain_tools(["no_such_tool"])


def test_host_agent_uses_carepath_tools_with_a_scripted_model(carepath_env: Path, labs_devset) -> None:
    pdfs, truths = labs_devset
    pdf = pdfs / "afhir_table_0.pdf"
    script = iter([
        AIMessage(content="", tool_calls=[{"name": "guideline_answer", "id": "c1", "args": {
            "question": "Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?"}}]),
        AIMessage(content="", tool_calls=[
            {"name": "lab_report_extract", "id": "c2", "args": {"path": str(pdf)}},
            {"name": "lab_report_extract", "id": "c3", "args": {"path": str(carepath_env / "missing.pdf")}},
            {"name": "guideline_search", "id": "c4", "args": {"query": "", "k": 99}}]),
        AIMessage(content="Done."),
    ])
    model = GenericFakeChatModel(messages=script)
    tools = as_langchain_tools()

    def agent(state: MessagesState) -> dict[str, Any]:
        return {"messages": [model.invoke(state["messages"])]}

    g = StateGraph(MessagesState)
    g.add_node("agent", agent)
    g.add_node("tools", ToolNode(tools))
    g.add_edge(START, "agent")
    g.add_conditional_edges("agent", tools_condition)
    g.add_edge("tools", "agent")
    out = g.compile().invoke({"messages": [HumanMessage("CAP antibiotics, and read this lab report")]})

    results = {m.tool_call_id: m for m in out["messages"] if isinstance(m, ToolMessage)}
    assert set(results) == {"c1", "c2", "c3", "c4"}
    answer = json.loads(results["c1"].content)
    assert answer["abstained"] is False
    assert any(c["guideline_id"] == "ats_idsa_cap_2019" for c in answer["citations"])
    labs = json.loads(results["c2"].content)
    want = {(t.test, t.value) for t in truths if t.doc in (pdf.name, pdf.stem)}
    got = {(r["test"], r["value"]) for r in labs["results"]}
    assert want and want <= got
    # Errors reach the agent as text it can act on, not as exceptions.
    assert results["c3"].status == "error" and "lab report not found" in results["c3"].content
    assert results["c4"].status == "error" and "query" in results["c4"].content
    assert out["messages"][-1].content == "Done."


def test_workflow_as_a_subgraph_pauses_and_resumes_in_the_host(carepath_env: Path) -> None:
    from carepath.workflows.graph import build_graph
    from carepath.workflows.request import DraftRequest, references, request_key
    from carepath.workflows.state import WorkflowState

    class HostState(WorkflowState, total=False):
        ticket: str
        filed: bool

    question = "What is the first-line treatment for community-acquired pneumonia?"

    def triage(state: HostState) -> dict[str, Any]:
        refs = references(DraftRequest(text=state["ticket"]))
        return {"thread_id": "host-1", "request_key": request_key(state["ticket"], refs),
                "request_text": state["ticket"], "inputs": [r.model_dump(mode="json") for r in refs],
                "results": {}, "warnings": []}

    def file_report(state: HostState) -> dict[str, Any]:
        return {"filed": state.get("status") == "final"}

    g = StateGraph(HostState)
    g.add_node("triage", triage)
    g.add_node("carepath", build_graph(checkpointer=None))
    g.add_node("file", file_report)
    g.add_edge(START, "triage")
    g.add_edge("triage", "carepath")
    g.add_edge("carepath", "file")
    g.add_edge("file", END)
    conn = sqlite3.connect(carepath_env / "host.sqlite", check_same_thread=False)
    host = g.compile(checkpointer=SqliteSaver(conn))
    cfg = {"configurable": {"thread_id": "host-1"}}

    first = host.invoke({"ticket": question}, cfg)
    assert "__interrupt__" in first and not first.get("filed")
    payload = first["__interrupt__"][0].value
    assert payload["status"] == "awaiting_signoff" and payload["draft"]["sections"]

    # A fresh compile over the same checkpoint file resumes it (as a new process would).
    host2 = g.compile(checkpointer=SqliteSaver(sqlite3.connect(carepath_env / "host.sqlite",
                                                               check_same_thread=False)))
    done = host2.invoke(Command(resume={"reviewer": "Dr Host", "action": "approve"}), cfg)
    assert done["status"] == "final" and done["filed"] is True
    assert Path(done["outputs"]["fhir"]).is_file()
