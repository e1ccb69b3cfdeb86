"""Where a report stands after sign-off and amendments (issue 13 item 5),
as every interface reports it (``ThreadView.report_json`` inside
``DraftOutcome.public_json``: CLI ``--json`` and GET /v1/drafts/{id}).
``status`` keeps the workflow's value (``final`` after an amendment too, so
existing clients are unchanged); ``report_status`` is the FHIR
DiagnosticReport status the bundle files, ``version`` the report version.
Real SQLite checkpointer and graph, instant fake skills."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from carepath.agents import intent
from carepath.commands import workflow as cli_workflow
from carepath.draft import ReviewDecision
from carepath.workflows.checkpoint import open_checkpointer
from carepath.workflows.request import DraftRequest
from carepath.workflows.service import AmendRequest, Carepath
from support.fake_skills import FAKE_SKILLS, toy_classifier

QUESTION = "which antibiotic for pneumonia per guideline (report status)"


@pytest.fixture
def svc(monkeypatch: pytest.MonkeyPatch) -> Iterator[Carepath]:
    monkeypatch.setattr(intent, "default_classifier", toy_classifier)
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    with open_checkpointer() as saver:
        yield Carepath(saver, skills=FAKE_SKILLS)


def _filed_status(svc: Carepath, tid: str) -> str:
    """The DiagnosticReport status in the latest FHIR output written."""
    bundle = json.loads(Path(svc.view(tid).latest_outputs["fhir"]).read_text())
    return next(e["resource"]["status"] for e in bundle["entry"]
                if e["resource"]["resourceType"] == "DiagnosticReport")


def test_status_version_and_amendments_as_reported(svc: Carepath, monkeypatch: pytest.MonkeyPatch) -> None:
    tid = svc.draft(DraftRequest(text=QUESTION)).thread_id
    d = svc.outcome(tid).public_json()
    assert (d["status"], d["report_status"], d["version"], d["amended"], d["amendments"]) == \
        ("awaiting_signoff", "partial", None, False, [])

    svc.sign(tid, ReviewDecision(reviewer="Dr R", action="approve"))
    d = svc.outcome(tid).public_json()
    assert (d["status"], d["report_status"], d["version"], d["amended"]) == ("final", "final", 1, False)
    assert _filed_status(svc, tid) == d["report_status"]
    updated = svc.index.get(tid).updated_at   # type: ignore[union-attr]

    svc.amend(tid, AmendRequest(reviewer="Dr A", edits={"Answer": "Amoxicillin 1 g three times daily."},
                                reason="dose added"))
    d = svc.outcome(tid).public_json()
    assert (d["status"], d["report_status"], d["version"], d["amended"]) == ("final", "amended", 2, True)
    assert _filed_status(svc, tid) == "amended"
    assert d["amendments"] == [{"version": 2, "status": "amended", "reason": "dose added", "reviewer": "Dr A",
                                "signed_at": d["amendments"][0]["signed_at"]}]
    info = svc.index.get(tid)
    assert info is not None and info.status == "final" and info.updated_at > updated   # retention clock restarts

    svc.amend(tid, AmendRequest(reviewer="Dr A", edits={"Answer": "Amoxicillin 1 g three times daily, 5 days."},
                                reason="duration", correct=True))
    d = svc.outcome(tid).public_json()
    assert (d["status"], d["report_status"], d["version"]) == ("final", "corrected", 3)
    assert [a["status"] for a in d["amendments"]] == ["amended", "corrected"]
    assert _filed_status(svc, tid) == "corrected"
    monkeypatch.setattr(cli_workflow.console, "width", 240)     # the rule would elide a long title
    with cli_workflow.console.capture() as shown:                # `carepath review THREAD`
        cli_workflow.show_draft(svc.outcome(tid))
    assert "final · version 3 corrected" in shown.get()


def test_a_rejected_report_has_no_version(svc: Carepath) -> None:
    tid = svc.draft(DraftRequest(text=QUESTION + " rejected")).thread_id
    svc.sign(tid, ReviewDecision(reviewer="Dr R", action="reject", reason="wrong question"))
    d = svc.outcome(tid).public_json()
    assert (d["status"], d["report_status"], d["version"], d["amended"]) == ("rejected", "cancelled", None, False)
    assert _filed_status(svc, tid) == "cancelled"
