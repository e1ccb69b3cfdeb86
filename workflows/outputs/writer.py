"""Every output of one report state, written in one call: the FHIR R4B
bundle, the Markdown and HTML renderings, and for imaging drafts the draft
DICOM SR (and the signed SR once a reviewer approved it).

Files are written atomically (temporary name, then rename), so a crash never
leaves a half-written report, and ids derive from the draft id, so writing
the same state again rewrites identical files. The SR takes its source
headers from the study reader (``tools.dicom.study``), which handles files,
folders, zips and DICOMDIRs alike: a zipped study signs like a file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from carepath.draft import Draft, SignOff
from carepath.evidence import SkillResult
from carepath.workflows.outputs.fhir import IMAGING_SKILLS, build_bundle, write_bundle
from carepath.workflows.outputs.render import render_markdown, write_rendering
from carepath.workflows.outputs.sr import (
    ImagingContext,
    SliceRef,
    build_draft_sr,
    build_signed_sr,
    write_sr,
)

# Output kinds, as callers and the CLI name them.
KINDS = ("fhir", "md", "html", "sr_draft", "sr")


class StudyInput(Protocol):
    path: str


class ReportSource(Protocol):
    """What ``write_all`` reads from a thread; ``workflows.thread_view.ThreadView``
    is one (a Protocol, so outputs never import the thread layer above them)."""

    @property
    def draft(self) -> Draft | None: ...

    @property
    def signoff(self) -> SignOff | None: ...

    @property
    def results(self) -> dict[str, SkillResult]: ...

    def inputs_of(self, kind: str) -> Sequence[StudyInput]: ...


def write_all(view: ReportSource, out_dir: Path) -> dict[str, str]:
    """Write every output of the thread's report into ``out_dir``: the signed
    (or rejected) versions when it has a sign-off, else the unsigned draft.
    An imaging draft with study inputs (files, folders, zips, DICOMDIRs) also
    gets ``sr_draft`` and, once signed ``final``, ``sr``. Returns kind → path."""
    draft, signoff, results = view.draft, view.signoff, dict(view.results)
    if draft is None:
        raise ValueError("outputs need a draft: the thread has not been composed yet")
    studies = [i.path for i in view.inputs_of("study")]
    out_dir.mkdir(parents=True, exist_ok=True)
    tag = "draft" if signoff is None else signoff.status
    paths: dict[str, str] = {}
    study_uid = None
    if studies and any(k in results for k in IMAGING_SKILLS):
        ctx = ImagingContext.from_study(studies, slice_map=_slice_map(results))
        paths.update(_write_sr(draft, signoff, results, ctx, out_dir))
        study_uid = ctx.study_instance_uid
    markdown = render_markdown(draft, signoff, results)
    bundle = build_bundle(draft, results, signoff, study_instance_uid=study_uid, markdown=markdown)
    paths["fhir"] = str(write_bundle(bundle, out_dir / f"report-{tag}.fhir.json"))
    paths["md"] = str(write_rendering(out_dir / f"report-{tag}.md", draft, signoff, results, fmt="md"))
    paths["html"] = str(write_rendering(out_dir / f"report-{tag}.html", draft, signoff, results,
                                        fmt="html"))
    return paths


def _write_sr(draft: Draft, signoff: SignOff | None, results: dict[str, SkillResult],
              ctx: ImagingContext, out_dir: Path) -> dict[str, str]:
    """The draft SR always; the signed SR (predecessor: the draft) once final."""
    draft_sr = build_draft_sr(draft, ctx, results)
    written = {"sr_draft": str(write_sr(draft_sr, out_dir / "sr-draft.dcm"))}
    if signoff is not None and signoff.status == "final":
        signed = build_signed_sr(draft, signoff, ctx, draft_sr, results)
        written["sr"] = str(write_sr(signed, out_dir / "sr-signed.dcm"))
    return written


def _slice_map(results: Mapping[str, SkillResult]) -> dict[int, SliceRef]:
    """The volume skill records which instance each sampled slice came from."""
    r = results.get("ct_mri")
    raw = (r.preprocessing.get("slice_map") if r else None) or {}
    return {int(k): SliceRef.model_validate(v) for k, v in raw.items()}
