"""The workflow's nodes. Each is small, reads references from the state and
returns a partial update; everything before the sign-off interrupt is safe to
re-run (same inputs → same outputs, no side effects beyond the
content-addressed artifact store)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from langgraph.types import interrupt

from carepath.agents.composer import (
    GuidelineEvidence,
    compose_template,
    compose_with_model,
    evidence_texts,
)
from carepath.agents.evidence_check import check
from carepath.agents import intent
from carepath.agents.router import RouteInputs, route
from carepath.draft import ReviewDecision, Section, Sentence
from carepath.errors import CarepathError, NoClinicalContent
from carepath.evidence import SkillResult
from carepath.models.registry import get_transcriber
from carepath.workflows.finalize import finalize_thread
from carepath.workflows.care_context import probe_inputs
from carepath.workflows.signoff import check_signable
from carepath.workflows.skills import SkillContext
from carepath.workflows.state import WorkflowState
from carepath.workflows.thread_view import thread_view
from carepath.workflows.trail import entry, flush, input_hashes

log = logging.getLogger("carepath.workflow")


def intake(state: WorkflowState) -> dict[str, Any]:
    """Typed text as is; audio through the configured ASR backend."""
    text = (state.get("request_text") or "").strip()
    update: dict[str, Any] = {}
    audio = next(iter(thread_view(state).inputs_of("audio")), None)
    if audio is not None and not state.get("transcript"):
        try:
            transcript = get_transcriber().transcribe(audio.path)
        except CarepathError as exc:
            return {"text": text, "transcript": None,
                    "warnings": [f"Dictation could not be transcribed: {exc.one_line()}"]}
        except Exception as exc:  # an ASR bug must not lose the request
            log.error("ASR failed with %s", type(exc).__name__)
            return {"text": text, "transcript": None,
                    "warnings": [f"Dictation could not be transcribed ({type(exc).__name__})."]}
        update["transcript"] = transcript.model_dump(mode="json")
        spoken = transcript.text.strip()
        if not spoken:
            update["warnings"] = ["The dictation contained no recognisable speech."]
        text = " ".join(t for t in (text, spoken) if t)
    update["text"] = text
    update["audit"] = [entry(state, actor="node:intake", action="intake",
                             input_hashes=input_hashes(state),
                             models={"asr": update["transcript"]["asr_backend"]}
                             if update.get("transcript") else None)]
    return update


def route_request(state: WorkflowState) -> dict[str, Any]:
    """Pick the skills. The service read the study headers (modalities and
    patient/order context) when the request came in; a state started by
    another host (the LangGraph server) is probed here, once."""
    refs = thread_view(state).inputs
    update: dict[str, Any] = {}
    warnings: list[str] = []
    modalities = state.get("study_modalities")
    if modalities is None:
        probe = probe_inputs(refs)
        modalities, warnings = probe.modalities, probe.warnings
        update = probe.state()
    inp = RouteInputs(
        kinds=[r.kind for r in refs],
        study_modalities=sorted({m for r in refs if r.kind == "study" for m in modalities[r.path]}),
        prior_modalities=sorted({m for r in refs if r.kind == "prior" for m in modalities[r.path]}),
    )
    text = state.get("text", "")
    classifier = intent.default_classifier() if text.strip() else None
    r = route(text, inp, classifier)
    if not text.strip() and not any(r.kind in ("study", "prior", "document", "fhir", "slide")
                                    for r in refs):
        r = r.model_copy(update={"skills": [], "intent": "unknown"})
    return {**update, "route": r.model_dump(mode="json"),
            "audit": [entry(state, actor="node:route", action=f"route:{r.intent}")],
            "warnings": warnings + r.warnings}


def make_skill_node(name: str, fn: Callable[[SkillContext], SkillResult]) -> Callable[..., Any]:
    def node(state: WorkflowState) -> dict[str, Any]:
        view = thread_view(state)
        ctx = SkillContext(thread_id=view.thread_id, text=view.text, intent=view.intent,
                           inputs=view.inputs, study_modalities=view.study_modalities)
        try:
            result = fn(ctx)
        except CarepathError as exc:
            result = SkillResult(skill=name, generated=False, not_generated_reason=exc.what,
                                 warnings=[exc.one_line()])
        except Exception as exc:  # a skill bug must not take the other skills down
            # Type only: a traceback or message could carry patient data.
            log.error("skill %s failed with %s", name, type(exc).__name__)
            result = SkillResult(skill=name, generated=False,
                                 not_generated_reason=f"internal error in the {name} skill",
                                 warnings=[f"The {name} skill failed ({type(exc).__name__}); "
                                           "its part of the draft is missing."])
        audit = entry(state, actor=f"skill:{name}", action="skill.generated" if result.generated
                      else "skill.not_generated", input_hashes=result.input_hashes,
                      models={"model": result.model} if result.model else None,
                      prompts=[result.template_id] if result.template_id else None)
        return {"results": {name: result.model_dump(mode="json")}, "audit": [audit]}

    node.__name__ = f"skill_{name}"
    return node


def compose(state: WorkflowState) -> dict[str, Any]:
    view = thread_view(state)
    results = view.results
    guideline = _guideline(results)
    draft = compose_template(thread_id=view.thread_id, intent=view.intent,
                             request_text=view.text, results=results,
                             guideline=guideline, warnings=list(state.get("warnings", [])))
    model_written = False
    if results:
        composed, notes = compose_with_model(draft, results, guideline)
        model_written = composed is not draft
        draft = composed.model_copy(update={"warnings": [*composed.warnings, *notes]})
    if not draft.sections:
        draft.evidence_ids.append("request")
        reason = ("the request had no text and no input carepath can read"
                  if not state.get("text") else "no skill produced anything for this request")
        draft.sections.append(_limitations(f"Nothing could be drafted: {reason}."))
    return {"draft": {**draft.model_dump(mode="json"), "_model_written": model_written}}


def _guideline(results: dict[str, SkillResult]) -> GuidelineEvidence | None:
    g = results.get("guidelines")
    return (GuidelineEvidence.model_validate(g.preprocessing["guideline"])
            if g is not None and "guideline" in g.preprocessing else None)


def _limitations(text: str) -> Section:
    return Section(name="Limitations", sentences=[Sentence(text=text, evidence=["request"])])


def check_evidence(state: WorkflowState) -> dict[str, Any]:
    model_written = bool((state.get("draft") or {}).get("_model_written", False))
    view = thread_view(state)
    unchecked = view.draft
    if unchecked is None:
        raise ValueError("check runs after compose: the state has no draft")
    # Each sentence is held to the text of what it cites (issue 14 item 9).
    texts = evidence_texts(view.results, _guideline(view.results), with_impressions=True)
    draft, report = check(unchecked, model_written=model_written, evidence_text=texts)
    done = entry(state, actor="node:check", action="draft.awaiting_signoff",
                 models={m.role: m.model for m in draft.models}, prompts=draft.prompt_templates)
    flushed = flush(dict(state), [done])
    return {"draft": draft.model_dump(mode="json"), "status": "awaiting_signoff",
            "audit": [done], "audit_flushed": flushed,
            "warnings": [f"Evidence check removed {len(report.removed)} unsupported sentence(s)."]
            if report.removed else []}


def signoff(state: WorkflowState) -> dict[str, Any]:
    """Pause for the human. Nothing before ``interrupt`` has side effects, so
    re-running this node on resume is harmless.

    The service checks a decision before resuming; a resume that bypasses it
    (LangGraph Server, an embedding host) meets the same rule here: a decision
    that would sign nothing clinical is answered with a new pause naming the
    refusal (LangGraph replays earlier resume values in order, so asking
    again, rather than raising, keeps the thread answerable)."""
    payload = {"thread_id": state.get("thread_id"), "status": "awaiting_signoff", "draft": state["draft"]}
    draft = thread_view(state).draft
    if draft is None:   # the graph reaches sign-off only through compose
        raise RuntimeError("sign-off reached without a draft")
    checked = ReviewDecision.model_validate(interrupt(payload))
    while True:
        try:
            check_signable(draft, checked, state.get("thread_id", ""))
            return {"decision": checked.model_dump(mode="json")}
        except NoClinicalContent as exc:
            checked = ReviewDecision.model_validate(interrupt({**payload, "refused": exc.one_line()}))


def make_finalize(with_outputs: bool) -> Callable[[WorkflowState], dict[str, Any]]:
    def finalize(state: WorkflowState) -> dict[str, Any]:
        return finalize_thread(state, write_outputs=with_outputs)

    return finalize
