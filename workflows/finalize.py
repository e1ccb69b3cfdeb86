"""After sign-off: record the decision and write the outputs.

Every file is written to a temporary name and renamed, so a crash mid-write
never leaves a half-written report; re-running finalize for the same thread
rewrites the same files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from carepath.draft import Draft, ReviewDecision
from carepath.evidence import SkillResult
from carepath.settings import get_settings
from carepath.workflows.signoff import build_signoff
from carepath.workflows.state import WorkflowState


def outputs_dir(thread_id: str) -> Path:
    return get_settings().state_dir / "outputs" / thread_id


def finalize_thread(state: WorkflowState, *, write_outputs: bool = True) -> dict[str, Any]:
    draft = Draft.model_validate(state["draft"])
    decision = ReviewDecision.model_validate(state["decision"])
    signoff = build_signoff(draft, decision)
    outputs: dict[str, str] = {}
    if write_outputs:
        results = {k: SkillResult.model_validate(v) for k, v in (state.get("results") or {}).items()}
        outputs = write_all(draft, signoff, results, state)
    return {"signoff": signoff.model_dump(mode="json"), "status": signoff.status,
            "outputs": outputs}


def write_all(draft: Draft, signoff: Any, results: dict[str, SkillResult],
              state: WorkflowState) -> dict[str, str]:
    from carepath.workflows.atomic import write_text

    out = outputs_dir(draft.thread_id)
    out.mkdir(parents=True, exist_ok=True)
    record = {"draft": draft.model_dump(mode="json"), "signoff": signoff.model_dump(mode="json")}
    p = out / "report.json"
    write_text(p, json.dumps(record, indent=2))
    return {"json": str(p)}
