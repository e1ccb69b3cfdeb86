"""After sign-off: record the decision and write the outputs.

Outputs (FHIR R4B bundle, Markdown, HTML, and for imaging the draft and
signed DICOM SR) are written by ``workflows.outputs.write_all`` to temporary
names and renamed, so a crash mid-write never leaves a half-written report;
re-running finalize for the same thread rewrites the same files (ids derive
from the draft id).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from carepath.settings import get_settings
from carepath.workflows.outputs import write_all
from carepath.workflows.signoff import build_signoff
from carepath.workflows.state import WorkflowState
from carepath.workflows.thread_view import thread_view
from carepath.workflows.trail import entry, flush


def outputs_dir(thread_id: str) -> Path:
    return get_settings().state_dir / "outputs" / thread_id


def finalize_thread(state: WorkflowState, *, write_outputs: bool = True) -> dict[str, Any]:
    view = thread_view(state)
    if view.draft is None or view.decision is None:
        raise ValueError("finalize runs after check and sign-off: the state has no draft or decision")
    decision = view.decision
    signoff = build_signoff(view.draft, decision)
    outputs: dict[str, str] = {}
    if write_outputs:
        outputs = write_all(view.model_copy(update={"signoff": signoff}), outputs_dir(view.thread_id))
    signed = entry(dict(state), actor=f"reviewer:{decision.reviewer}",
                   action=f"signoff.{signoff.status}", decision=decision.action)
    flushed = flush(dict(state), [signed])
    return {"signoff": signoff.model_dump(mode="json"), "status": signoff.status,
            "outputs": outputs, "audit": [signed], "audit_flushed": flushed}
