"""One typed view of a thread: the service builds it from the checkpointed
state (real SQLite checkpointer, real graph, instant fake skills), every
reader gets typed objects back, and the service's refusals carry their HTTP
status by type."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from carepath.agents import intent
from carepath.draft import Draft, ReviewDecision, SignOff
from carepath.errors import AlreadySigned, InputError, NotAwaitingSignoff, UnknownDraft
from carepath.evidence import SkillResult
from carepath.workflows.checkpoint import open_checkpointer
from carepath.workflows.request import DraftRequest, InputRef
from carepath.workflows.service import Carepath, DraftOutcome
from carepath.workflows.thread_view import Submitter, thread_view
from support.fake_skills import FAKE_SKILLS, toy_classifier

QUESTION = "which antibiotic for pneumonia per guideline"


@pytest.fixture
def svc(monkeypatch: pytest.MonkeyPatch) -> Iterator[Carepath]:
    monkeypatch.setattr(intent, "default_classifier", toy_classifier)
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    with open_checkpointer() as saver:
        yield Carepath(saver, skills=FAKE_SKILLS)


def test_the_view_is_typed_and_the_public_json_keeps_its_shape(svc: Carepath) -> None:
    out = svc.draft(DraftRequest(text=QUESTION))
    assert isinstance(out, DraftOutcome) and out.status == "awaiting_signoff" and not out.reused
    view = svc.view(out.thread_id)
    assert isinstance(view.draft, Draft) and view.signoff is None
    assert isinstance(view.results["guidelines"], SkillResult)
    assert view.route is not None and view.route.intent == "guideline_qa" == view.intent
    assert [c.evidence_id for c in view.citations] == ["G1"]
    data = out.public_json()
    assert set(data) == {"thread_id", "status", "intent", "transcript", "draft", "citations", "warnings",
                         "route", "context", "reused", "report_status", "version", "amended", "amendments"}
    assert data["citations"][0]["guideline_id"] == "ats_idsa_cap_2019"
    assert data["route"]["intent"] == "guideline_qa" and "_model_written" not in data["draft"]
    assert svc.draft(DraftRequest(text=QUESTION)).reused   # same request, same thread

    signed = svc.sign(out.thread_id, ReviewDecision(reviewer="Dr R", action="approve"))
    assert signed.status == "final" and isinstance(signed.signoff, SignOff)
    assert signed.signed and {"fhir", "md", "html"} <= set(signed.outputs)


def test_refusals_carry_their_http_status_by_type(svc: Carepath) -> None:
    with pytest.raises(UnknownDraft) as unknown:
        svc.view("no-such-thread")
    assert unknown.value.http_status == 404 and unknown.value.what == "unknown draft"
    assert unknown.value.exit_code == 4          # still an input error for the CLI
    tid = svc.draft(DraftRequest(text=QUESTION)).thread_id
    with pytest.raises(InputError, match="only a signed report"):
        svc.push(tid, to="dicomweb:http://127.0.0.1:9/dicom-web")
    svc.sign(tid, ReviewDecision(reviewer="Dr R", action="reject", reason="wrong patient"))
    with pytest.raises(AlreadySigned) as again:
        svc.sign(tid, ReviewDecision(reviewer="Dr R", action="approve"))
    assert again.value.http_status == 409 and "already signed" in again.value.what
    assert NotAwaitingSignoff.http_status == 409


def test_delivery_without_a_pacs_sends_nothing_and_says_so(svc: Carepath) -> None:
    tid = svc.draft(DraftRequest(text=QUESTION)).thread_id
    out = svc.sign(tid, ReviewDecision(reviewer="Dr R", action="approve"))
    assert out.origin is None
    delivery = svc.deliver(out)
    assert delivery.pushed_to is None and delivery.error is None
    assert delivery.to_json() == {"pushed_to": None}
    with pytest.raises(InputError, match="no DICOM SR"):     # a text-only report has no SR to send
        svc.push(tid, to="dicomweb:http://127.0.0.1:9/dicom-web")


def test_view_of_a_raw_state_reads_origin_images_and_submitter() -> None:
    img = {"sha256": "a" * 64, "path": "/x/a.png", "media_type": "image/png", "size": 3}
    ref = InputRef(kind="study", path="/s", sha256="b" * 64, size=1, origin="dicomweb:http://pacs/dw")
    state = {
        "thread_id": "t", "status": "awaiting_signoff", "inputs": [ref.model_dump(mode="json")],
        "route": {"intent": "cxr_report", "skills": ["cxr"], "confidence": 1.0, "reasons": []},
        "results": {"cxr": {"skill": "cxr", "generated": False, "artifacts": [img],
                            "findings": [{"id": "cxr-1", "text": "x", "evidence": [
                                {"kind": "image", "ref": "image:0",
                                 "artifact": img | {"sha256": "c" * 64, "path": "/x/c.png"}}]}]}},
        "draft": {"draft_id": "d", "thread_id": "t", "intent": "cxr_report", "request_text": "r",
                  "sections": [], "_model_written": True},
        "warnings": ["w", "w"], "submitter": {"id": "u1", "name": "Rita", "groups": ["radiology"]},
    }
    view = thread_view(state)
    assert view.origin == "dicomweb:http://pacs/dw" and view.intent == "cxr_report"
    assert list(view.images()) == ["a" * 64, "c" * 64]
    assert view.warnings == ["w"] and view.submitter == Submitter(id="u1", name="Rita", groups=["radiology"])
    assert view.draft is not None and not view.signed
    assert thread_view({"thread_id": "t"}, interrupted=True).status == "awaiting_signoff"
    assert thread_view({"thread_id": "t"}).status == "running"
