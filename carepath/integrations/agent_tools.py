"""carepath's skills as agent tools: one registry, two front ends.

Each tool is a pydantic argument model plus a function returning JSON-able
data. The skill tools are the ``tool`` of each skill's declaration in
``carepath.tools.registry``; beside them sit guideline search and the draft
tools, which are not skills. ``as_langchain_tools()`` wraps them as LangChain
``StructuredTool``s; ``carepath.integrations.mcp_server`` serves the very
same specs over MCP. This is carepath's only tool registry, so an argument,
a description or an error message cannot drift between ecosystems.

Deliberately absent: signing. An agent may create and read drafts, but only
a human reviewer signs one off (``carepath sign`` or the reviewer page).
Errors come back as the CarepathError's one-line message (what, subject, why,
fix) so a calling model can act on it; they never carry a traceback.

Who the tools act as: ``agent.identity`` (``CAREPATH_AGENT__IDENTITY``, role
requester by default), else ``access.cli_identity``. A draft the agent
creates is that identity's submission; every tool that reads a thread
passes ``policy.authorize`` and leaves an access-audit record naming it
(``carepath.access.local_access``), so a prompt-injected agent cannot read
another requester's draft by guessing its id. With neither set the tools
are the local user's on their own host, unrestricted, as the CLI.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from carepath.errors import CarepathError, ConfigError
from carepath.knowledge.retriever import search_tool_fn
from carepath.access.local_access import check_thread
from carepath.security.configured_identity import agent_identity
from carepath.workflows.submitter import submitter_of
from carepath.security.tool_guard import check_arguments
from carepath.tools import registry
from carepath.tools.spec import ToolArgs, ToolSpec
from carepath.workflows.request import DraftRequest
from carepath.workflows.service import open_service

__all__ = ["TOOLS", "ToolSpec", "as_langchain_tools", "error_text", "invalid_arguments", "tool_specs"]


class GuidelineSearchArgs(ToolArgs):
    query: str = Field(min_length=1, max_length=2000, description="clinical question or keywords")
    k: int = Field(5, ge=1, le=20, description="number of passages to return")
    organization: str | None = Field(None, description="only guidelines of this body, e.g. 'ATS/IDSA'")
    guideline_id: str | None = Field(None, description="only this guideline, e.g. 'ats_idsa_cap_2019'")


class DraftArgs(ToolArgs):
    text: str = Field(min_length=1, max_length=20_000, description="the request, as a clinician would type it")
    studies: list[str] = Field(default_factory=list, max_length=10, description="DICOM studies (paths)")
    prior: str | None = Field(None, description="prior study for comparison (path)")
    documents: list[str] = Field(default_factory=list, max_length=10, description="lab report PDFs")
    fhir: str | None = Field(None, description="FHIR bundle path or server URL")
    slides: list[str] = Field(default_factory=list, max_length=10, description="whole-slide images")


class DraftStatusArgs(ToolArgs):
    thread_id: str = Field(min_length=1, max_length=200, description="the draft's thread id")


def _search(a: GuidelineSearchArgs) -> list[dict[str, Any]]:
    return search_tool_fn(a.query, a.k, a.organization, a.guideline_id)


def _outcome(out: Any) -> dict[str, Any]:
    d = out.draft
    return {"thread_id": out.thread_id, "status": out.status, "intent": out.intent,
            "sections": [s.model_dump(mode="json") for s in d.sections] if d else [],
            "citations": [c.model_dump(mode="json") for c in out.citations], "warnings": out.warnings,
            "next": "a clinician signs it off with `carepath sign` or the reviewer page; it is not final"}


def _draft(a: DraftArgs) -> dict[str, Any]:
    req = DraftRequest(text=a.text, studies=[Path(p) for p in a.studies],
                       prior=Path(a.prior) if a.prior else None,
                       documents=[Path(p) for p in a.documents], fhir=a.fhir,
                       slides=[Path(p) for p in a.slides])
    who = agent_identity()
    with open_service() as svc:
        return _outcome(svc.draft(req, submitter=submitter_of(who) if who is not None else None))


AGENT_IDENTITY_SETTING = "CAREPATH_AGENT__IDENTITY, __ROLES, __GROUPS (agent.identity)"


def _draft_status(a: DraftStatusArgs) -> dict[str, Any]:
    with open_service() as svc:
        check_thread(agent_identity(), svc, a.thread_id, "read",
                     break_glass="not offered to agent tools: the reviewer page or `carepath review`",
                     identity_setting=AGENT_IDENTITY_SETTING)
        return _outcome(svc.outcome(a.thread_id))


_SEARCH = ToolSpec(name="guideline_search", args=GuidelineSearchArgs, call=_search,
                   description="Search the clinical practice guideline index; returns passages with "
                               "guideline id, title, organization, year, DOI, heading and exact character span.")
_DRAFT_TOOLS = [
    ToolSpec(name="create_draft", args=DraftArgs, call=_draft,
             description="Run carepath's workflow to a cited draft report that waits for a clinician's "
                         "sign-off (never final). Returns the thread id, sections with evidence and warnings."),
    ToolSpec(name="draft_status", args=DraftStatusArgs, call=_draft_status,
             description="Status and content of a draft by thread id."),
]


def guarded(spec: ToolSpec) -> ToolSpec:
    """The tool with its path and URL arguments checked against
    ``agent.allowed_roots`` / ``agent.fhir_allowed`` before it runs
    (``carepath.security.tool_guard``): a model's arguments are untrusted."""
    def call(args: Any) -> Any:
        check_arguments(args)
        return spec.call(args)

    return spec.model_copy(update={"call": call})


TOOLS: list[ToolSpec] = [guarded(s) for s in [_SEARCH, *(s.tool for s in registry.skills()), *_DRAFT_TOOLS]]


def tool_specs() -> list[ToolSpec]:
    return list(TOOLS)


def error_text(exc: CarepathError) -> str:
    return f"error: {exc}"


def invalid_arguments(tool: str, exc: Any) -> str:
    """Which argument, and what is wrong with it, for a calling model to fix."""
    errors = exc.errors() if hasattr(exc, "errors") else []
    detail = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ())) or 'arguments'}: {e.get('msg')}"
                       for e in errors[:5]) or str(exc)
    return f"error: invalid arguments for {tool}: {detail}"


def as_langchain_tools(names: list[str] | None = None) -> list[Any]:
    """LangChain ``StructuredTool``s over the registry (optionally a subset by
    name). carepath errors become the tool's answer text instead of an
    exception, so an agent loop keeps going and can correct itself."""
    from langchain_core.tools import StructuredTool, ToolException  # heavy: ~0.5 s, only for LangChain hosts

    def make(spec: ToolSpec) -> Any:
        def run(**kwargs: Any) -> Any:
            try:
                return spec.invoke(kwargs)
            except CarepathError as exc:
                raise ToolException(error_text(exc)) from exc
            except ValidationError as exc:  # inputs valid alone but not together
                raise ToolException(invalid_arguments(spec.name, exc)) from exc

        return StructuredTool.from_function(func=run, name=spec.name, description=spec.description,
                                            args_schema=spec.args, handle_tool_error=True,
                                            handle_validation_error=lambda exc: invalid_arguments(spec.name, exc))

    specs = [s for s in TOOLS if names is None or s.name in names]
    unknown = set(names or []) - {s.name for s in specs}
    if unknown:
        raise ConfigError("unknown carepath tool", subject=", ".join(sorted(unknown)),
                          fix="choose from: " + ", ".join(s.name for s in TOOLS))
    return [make(s) for s in specs]
