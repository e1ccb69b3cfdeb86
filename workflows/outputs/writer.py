"""Every output of one report state, written in one call: the FHIR R4B
transaction, the Markdown, HTML and PDF renderings (each with the patient
banner), the HL7 v2 ORU^R01 of a signed report, and for imaging drafts the
draft DICOM SR (and the signed SR once a reviewer approved it).

The patient/order/study context is read from the view's ``context`` when it
has one (a ``CareContext`` or its dump); without it the outputs say that no
patient was recorded, never guess one.

Files are written atomically (temporary name, then rename), so a crash never
leaves a half-written report, and ids derive from the draft id, so writing
the same state again rewrites identical files. The SR takes its source
headers from the study reader (``tools.dicom.study``), which handles files,
folders, zips and DICOMDIRs alike: a zipped study signs like a file.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from carepath.atomic import write_bytes, write_text
from carepath.context import CareContext, Clinician, Identifier
from carepath.draft import Draft, SignOff
from carepath.evidence import SkillResult
from carepath.settings import get_settings
from carepath.workflows.outputs.encapsulated_pdf import build_encapsulated_pdf, write_encapsulated_pdf
from carepath.workflows.outputs.fhir import IMAGING_SKILLS, Revision, build_bundle, write_bundle
from carepath.workflows.outputs.hl7v2 import ReportForDelivery, ReportSectionText, build_oru_r01
from carepath.workflows.outputs.pdf import render_pdf
from carepath.workflows.outputs.render import render, report_view
from carepath.workflows.outputs.report_state import report_sections
from carepath.workflows.outputs.sr import (
    ImagingContext,
    SliceRef,
    build_draft_sr,
    build_signed_sr,
    read_sr,
    write_sr,
)

# Output kinds, as callers and the CLI name them.
KINDS = ("fhir", "sr", "sr_draft", "pdf", "pdf_dicom", "hl7v2", "md", "html")


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


def report_context(view: Any) -> CareContext | None:
    """The view's patient/order/study context, whichever form it holds
    (``ThreadView.context`` is the dump; a typed view may hold the model)."""
    raw = getattr(view, "context", None)
    if raw is None or isinstance(raw, CareContext):
        return raw
    return CareContext.model_validate(raw)


def write_all(view: ReportSource, out_dir: Path, *, revision: Revision | None = None,
              predecessor: Path | None = None) -> dict[str, str]:
    """Write every output of the thread's report into ``out_dir``: the signed
    (or rejected) versions when it has a sign-off, else the unsigned draft.
    An imaging draft with study inputs (files, folders, zips, DICOMDIRs) also
    gets ``sr_draft`` and, once signed ``final``, ``sr``. A ``revision``
    (amendment of a signed report) writes files of its own version, keeping
    the earlier ones; ``predecessor`` is then the signed SR it amends (the
    new SR names it in Predecessor Documents). Returns kind → path."""
    draft, signoff, results = view.draft, view.signoff, dict(view.results)
    if draft is None:
        raise ValueError("outputs need a draft: the thread has not been composed yet")
    studies = [i.path for i in view.inputs_of("study")]
    context = report_context(view)
    out_dir.mkdir(parents=True, exist_ok=True)
    tag = "draft" if signoff is None else signoff.status
    tag += f"-v{revision.version}" if revision else ""
    paths: dict[str, str] = {}
    study_uid, ctx = None, None
    if studies and any(k in results for k in IMAGING_SKILLS):
        ctx = ImagingContext.from_study(studies, slice_map=_slice_map(results))
        paths.update(_write_sr(draft, signoff, results, ctx, out_dir, predecessor))
        study_uid = ctx.study_instance_uid
    rv = report_view(draft, signoff, results, context, revision)
    html, pdf = render(rv, "html"), render_pdf(rv)
    paths["pdf"] = str(write_bytes(out_dir / f"report-{tag}.pdf", pdf))
    if ctx is not None and signoff is not None and "sr" in paths:
        paths["pdf_dicom"] = _write_pdf_dicom(pdf, draft, signoff, ctx, Path(paths["sr"]),
                                              out_dir / f"report-{tag}.pdf.dcm")
    bundle = build_bundle(draft, results, signoff, context=context, study_instance_uid=study_uid,
                          html=html, pdf=pdf, revision=revision)
    paths["fhir"] = str(write_bundle(bundle, out_dir / f"report-{tag}.fhir.json"))
    paths["md"] = str(write_text(out_dir / f"report-{tag}.md", render(rv, "md")))
    paths["html"] = str(write_text(out_dir / f"report-{tag}.html", html))
    er7 = _oru(draft, signoff, context, pdf, revision)
    if er7 is not None:
        paths["hl7v2"] = str(write_text(out_dir / f"report-{tag}.hl7", er7))
    return paths


def _oru(draft: Draft, signoff: SignOff | None, context: CareContext | None, pdf: bytes,
         revision: Revision | None) -> str | None:
    """The ORU^R01 of a signed (final or amended) report, for the RIS. None
    when there is nothing a RIS could file: unsigned or rejected, or no
    patient identifier (PID-3 is required; the other outputs say it is
    missing). Control id and message time derive from the report version,
    so re-writing the same state gives the same message."""
    if signoff is None or signoff.status != "final" or context is None or context.patient.id is None:
        return None
    sections = [ReportSectionText(name=s.name, text="\n".join(x.text for x in s.sentences))
                for s in report_sections(draft, signoff) if s.sentences]
    if not sections:
        return None
    reviewer = signoff.decision.reviewer
    signer = Clinician(id=Identifier(value=reviewer[:64], universal_id=get_settings().fhir.reviewer_id_system,
                                     universal_id_type="URI"))
    version = revision.version if revision else 1
    report = ReportForDelivery(report_id=draft.thread_id[:64], version=version,
                               status="corrected" if revision else "final", sections=sections,
                               signer=signer, signed_at=signoff.signed_at, context=context, pdf=pdf)
    control = uuid.uuid5(uuid.NAMESPACE_URL, f"carepath:{draft.thread_id}:v{version}").hex[:20]
    return build_oru_r01(report, control_id=control, now=signoff.signed_at).er7


def _write_sr(draft: Draft, signoff: SignOff | None, results: dict[str, SkillResult],
              ctx: ImagingContext, out_dir: Path, predecessor: Path | None = None) -> dict[str, str]:
    """The draft SR always (a working file, never sent); the signed SR once
    final, without a predecessor reference to that unsent draft (see ``sr``)."""
    draft_sr = build_draft_sr(draft, ctx, results)
    written = {"sr_draft": str(write_sr(draft_sr, out_dir / "sr-draft.dcm"))}
    if signoff is not None and signoff.status == "final":
        signed = build_signed_sr(draft, signoff, ctx, results,
                                 predecessor=read_sr(predecessor) if predecessor else None)
        written["sr"] = str(write_sr(signed, out_dir / "sr-signed.dcm"))
    return written


def _write_pdf_dicom(pdf: bytes, draft: Draft, signoff: SignOff, ctx: ImagingContext,
                     signed_sr: Path, path: Path) -> str:
    """The signed report as a DICOM Encapsulated PDF in the source study (its
    own DOC series), for PACS viewers that render no SR; it names the signed
    SR it renders."""
    doc = build_encapsulated_pdf(pdf, draft, signoff, ctx, signed_sr=read_sr(signed_sr))
    return str(write_encapsulated_pdf(doc, path))


def _slice_map(results: Mapping[str, SkillResult]) -> dict[int, SliceRef]:
    """The volume skill records which instance each sampled slice came from."""
    r = results.get("ct_mri")
    raw = (r.preprocessing.get("slice_map") if r else None) or {}
    return {int(k): SliceRef.model_validate(v) for k, v in raw.items()}
