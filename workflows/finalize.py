"""After sign-off: record the decision and write the outputs.

Outputs (FHIR R4B bundle, Markdown, HTML, and for imaging the draft and
signed DICOM SR) are written to temporary names and renamed, so a crash
mid-write never leaves a half-written report; re-running finalize for the
same thread rewrites the same files (ids derive from the draft id).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from carepath.draft import Draft, ReviewDecision, SignOff
from carepath.evidence import SkillResult
from carepath.settings import get_settings
from carepath.workflows.signoff import build_signoff
from carepath.workflows.state import WorkflowState
from carepath.workflows.trail import entry, flush

IMAGING_SKILLS = ("cxr", "ct_mri", "localization", "longitudinal")


def outputs_dir(thread_id: str) -> Path:
    return get_settings().state_dir / "outputs" / thread_id


def finalize_thread(state: WorkflowState, *, write_outputs: bool = True) -> dict[str, Any]:
    draft = Draft.model_validate(state["draft"])
    decision = ReviewDecision.model_validate(state["decision"])
    signoff = build_signoff(draft, decision)
    outputs: dict[str, str] = {}
    if write_outputs:
        outputs = write_all(draft, signoff, _results(state), state)
    signed = entry(dict(state), actor=f"reviewer:{decision.reviewer}",
                   action=f"signoff.{signoff.status}", decision=decision.action)
    flushed = flush(dict(state), [signed])
    return {"signoff": signoff.model_dump(mode="json"), "status": signoff.status,
            "outputs": outputs, "audit": [signed], "audit_flushed": flushed}


def _results(state: WorkflowState) -> dict[str, SkillResult]:
    return {k: SkillResult.model_validate(v) for k, v in (state.get("results") or {}).items()}


def imaging_paths(state: WorkflowState) -> list[str]:
    return [i["path"] for i in state.get("inputs", []) if i["kind"] == "study"]


def write_all(draft: Draft, signoff: SignOff | None, results: dict[str, SkillResult],
              state: WorkflowState, out: Path | None = None) -> dict[str, str]:
    """Write every output for the draft (``signoff`` None = the unsigned draft)."""
    from carepath.workflows.outputs.fhir import build_bundle, write_bundle
    from carepath.workflows.outputs.render import render_markdown, write_rendering

    out = out or outputs_dir(draft.thread_id)
    out.mkdir(parents=True, exist_ok=True)
    tag = "draft" if signoff is None else signoff.status
    paths: dict[str, str] = {}
    markdown = render_markdown(draft, signoff, results)
    sr_study_uid = None
    sr_paths = _write_sr(draft, signoff, results, state, out)
    if sr_paths:
        paths.update(sr_paths)
        sr_study_uid = sr_paths.pop("_study_uid", None)
        paths.pop("_study_uid", None)
    bundle = build_bundle(draft, results, signoff, study_instance_uid=sr_study_uid, markdown=markdown)
    paths["fhir"] = str(write_bundle(bundle, out / f"report-{tag}.fhir.json"))
    paths["md"] = str(write_rendering(out / f"report-{tag}.md", draft, signoff, results, fmt="md"))
    paths["html"] = str(write_rendering(out / f"report-{tag}.html", draft, signoff, results, fmt="html"))
    return paths


def _write_sr(draft: Draft, signoff: SignOff | None, results: dict[str, SkillResult],
              state: WorkflowState, out: Path) -> dict[str, str]:
    if not any(k in results for k in IMAGING_SKILLS):
        return {}
    paths = imaging_paths(state)
    if not paths:
        return {}
    from carepath.workflows.outputs.sr import (
        ImagingContext,
        build_draft_sr,
        build_signed_sr,
        write_sr,
    )

    ctx = ImagingContext.from_paths(paths, slice_map=_slice_map(results))
    draft_sr = build_draft_sr(draft, ctx, results)
    written = {"sr_draft": str(write_sr(draft_sr, out / "sr-draft.dcm")),
               "_study_uid": ctx.study_instance_uid}
    if signoff is not None and signoff.status == "final":
        signed = build_signed_sr(draft, signoff, ctx, draft_sr, results)
        written["sr"] = str(write_sr(signed, out / "sr-signed.dcm"))
    return written


def _slice_map(results: dict[str, SkillResult]) -> dict[int, Any]:
    """The volume skill records which instance each sampled slice came from."""
    from carepath.workflows.outputs.sr import SliceRef

    r = results.get("ct_mri")
    raw = (r.preprocessing.get("slice_map") if r else None) or {}
    return {int(k): SliceRef.model_validate(v) for k, v in raw.items()}
