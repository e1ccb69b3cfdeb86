"""One typed view of a thread, built by one function from the graph state.

The graph state is plain JSON (``state.WorkflowState``) so checkpoints stay
portable; everything that reads a thread back (the nodes, finalize, the
service, the CLI, the HTTP API, the reviewer page, the agent tools) reads it
through ``thread_view``, so there is one place that turns dumps back into
``Draft``, ``SignOff``, ``SkillResult`` and ``InputRef`` and one place to add
what a thread carries next (patient/study context, who submitted it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, Field

from carepath.agents.router import Route
from carepath.artifacts import ArtifactRef
from carepath.context import CareContext
from carepath.draft import Citation, Draft, ReviewDecision, Section, SignOff
from carepath.evidence import SkillResult
from carepath.workflows.outputs.report_state import PatientBanner, banner_for
from carepath.workflows.request import InputRef
from carepath.workflows.signoff import edit_template, review_sections

STATUS_RUNNING = "running"
STATUS_AWAITING = "awaiting_signoff"
SIGNED = ("final", "rejected")
# The report's status in FHIR DiagnosticReport words (what the bundle files,
# ``workflows.outputs.fhir.REPORT_STATUS``), by thread status; an amended
# report takes its latest amendment's ``amended``/``corrected``.
REPORT_STATUS = {STATUS_AWAITING: "partial", "final": "final", "rejected": "cancelled"}


class Submitter(BaseModel):
    """Who asked for the draft (an opaque identity id, its display name and
    groups), for access policy and read audits. Absent on threads drafted
    before submitters were recorded and on local CLI runs without identity."""

    id: str
    name: str | None = None
    groups: list[str] = Field(default_factory=list)


class Amendment(BaseModel):
    """A later version of a signed report (``carepath amend``): its number
    (the first signed report is 1), ``amended`` or ``corrected``, why, the
    sign-off that produced its text and the files written for it (their own
    folder, so earlier versions are never overwritten)."""

    version: int = Field(ge=2)
    status: Literal["amended", "corrected"]
    reason: str = Field(min_length=1)
    signoff: SignOff
    outputs: dict[str, str] = Field(default_factory=dict)


class ThreadView(BaseModel):
    """Everything a thread holds, typed. ``status`` is ``running``,
    ``awaiting_signoff``, ``final`` or ``rejected``."""

    thread_id: str
    status: str
    intent: str = "unknown"
    request_text: str | None = None
    text: str = ""
    transcript: dict[str, Any] | None = None
    inputs: list[InputRef] = Field(default_factory=list)
    study_modalities: dict[str, list[str]] = Field(default_factory=dict)
    route: Route | None = None
    results: dict[str, SkillResult] = Field(default_factory=dict)
    draft: Draft | None = None
    decision: ReviewDecision | None = None
    signoff: SignOff | None = None
    outputs: dict[str, str] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    # The patient/order/study context, read once when the request came in
    # (clinical data: outputs and reviewer page only, never logs).
    context: CareContext | None = None
    submitter: Submitter | None = None
    amendments: list[Amendment] = Field(default_factory=list)

    @property
    def citations(self) -> list[Citation]:
        return list(self.draft.citations) if self.draft else []

    @property
    def origin(self) -> str | None:
        """The PACS the thread's study was pulled from, if any: a signed
        report goes back there."""
        return next((i.origin for i in self.inputs if i.kind == "study" and i.origin), None)

    @property
    def version(self) -> int:
        """The report's current version: 1 once signed, +1 per amendment."""
        return 1 + len(self.amendments)

    @property
    def latest_signoff(self) -> SignOff | None:
        return self.amendments[-1].signoff if self.amendments else self.signoff

    @property
    def latest_outputs(self) -> dict[str, str]:
        """The files of the latest version (what ``carepath push`` sends)."""
        return dict(self.amendments[-1].outputs) if self.amendments else dict(self.outputs)

    @property
    def signed(self) -> bool:
        return self.status in SIGNED

    @property
    def report_status(self) -> str | None:
        """Where the report stands for a RIS or EHR: ``partial`` (unsigned
        draft), ``final``, ``amended``/``corrected`` (the latest version),
        ``cancelled`` (rejected); None while the draft is being made.
        ``status`` stays the workflow's (``final`` after an amendment too),
        so clients that check for ``final`` keep working."""
        if self.status == "final" and self.amendments:
            return self.amendments[-1].status
        return REPORT_STATUS.get(self.status)

    def report_json(self) -> dict[str, Any]:
        """The signed report's version for interfaces (``public_json``):
        its number (1 once signed, None before), whether it was amended,
        and each later version with who signed it, when and why."""
        return {
            "report_status": self.report_status,
            "version": self.version if self.status == "final" else None,
            "amended": bool(self.amendments),
            "amendments": [{"version": a.version, "status": a.status, "reason": a.reason,
                            "reviewer": a.signoff.decision.reviewer,
                            "signed_at": a.signoff.signed_at.isoformat()} for a in self.amendments],
        }

    def patient_banner(self) -> PatientBanner | None:
        """Whom the draft is about, in the words every rendering uses (None
        before a draft exists, and for a guideline question with no patient)."""
        return banner_for(self.draft, self.context) if self.draft is not None else None

    def review_sections(self) -> list[Section]:
        """The sections a reviewer is offered (``signoff.review_sections``:
        an imaging draft always offers Findings and Impression)."""
        return review_sections(self.draft) if self.draft is not None else []

    def edit_template(self) -> str:
        """An edit file for ``carepath sign --edit`` with every section to review."""
        return edit_template(self.draft) if self.draft is not None else ""

    def inputs_of(self, kind: str) -> list[InputRef]:
        return [i for i in self.inputs if i.kind == kind]

    def images(self) -> dict[str, ArtifactRef]:
        """Images the thread's skills used (prepared images, overlays with
        boxes, evidence images), by content hash, in result order."""
        out: dict[str, ArtifactRef] = {}
        for r in self.results.values():
            for a in r.artifacts:
                if a.media_type.startswith("image/"):
                    out[a.sha256] = a
            for f in r.findings:
                for ev in f.evidence:
                    if ev.artifact is not None and ev.artifact.media_type.startswith("image/"):
                        out[ev.artifact.sha256] = ev.artifact
        return out


def thread_view(values: Mapping[str, Any], *, thread_id: str | None = None,
                interrupted: bool = False) -> ThreadView:
    """The typed view of a graph state (a node's ``state`` or a checkpoint
    snapshot's ``values``). ``interrupted`` is true when the snapshot is
    paused at the sign-off gate, which the state alone does not say."""
    draft = dict(values["draft"]) if values.get("draft") else None
    if draft is not None:
        draft.pop("_model_written", None)   # compose → check hand-over flag, not part of a Draft
    route = values.get("route")
    status = STATUS_AWAITING if interrupted else (values.get("status") or STATUS_RUNNING)
    return ThreadView(
        thread_id=thread_id or values.get("thread_id") or "",
        status=status,
        intent=(route or {}).get("intent", "unknown"),
        request_text=values.get("request_text"),
        text=values.get("text") or "",
        transcript=values.get("transcript"),
        inputs=[InputRef.model_validate(i) for i in values.get("inputs") or []],
        study_modalities=values.get("study_modalities") or {},
        route=Route.model_validate(route) if route else None,
        results={k: SkillResult.model_validate(v) for k, v in (values.get("results") or {}).items()},
        draft=Draft.model_validate(draft) if draft is not None else None,
        decision=ReviewDecision.model_validate(values["decision"]) if values.get("decision") else None,
        signoff=SignOff.model_validate(values["signoff"]) if values.get("signoff") else None,
        outputs=dict(values.get("outputs") or {}),
        warnings=list(dict.fromkeys(values.get("warnings") or [])),
        context=CareContext.model_validate(values["context"]) if values.get("context") else None,
        submitter=Submitter.model_validate(values["submitter"]) if values.get("submitter") else None,
        amendments=[Amendment.model_validate(a) for a in values.get("amendments") or []],
    )
