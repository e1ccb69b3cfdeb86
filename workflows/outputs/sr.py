"""The report as a DICOM SR, so a PACS can show it next to the images it
describes.

Two shapes, both with a declared template (Content Template Sequence, DCMR):

- **With localization boxes** (measurement groups): a Comprehensive 3D SR
  rooted in TID 1500 "Measurement Report", as IHE AI Results (AIR) expect:
  one TID 1410 group per box (SCOORD on the source image, tracking id,
  finding type, TID 4019 algorithm identification) and the report text as
  qualitative evaluations (``sr_air``).
- **Without**: a Comprehensive SR rooted in TID 2000 "Basic Diagnostic
  Imaging Report": CID 7001 heading containers holding one CID 7002 TEXT item
  per sentence, image evidence as INFERRED FROM IMAGE (``sr_narrative``).

Both carry TID 1001 observers (the drafting model as a Device, the reviewer
as a Person when they edited the text), the Referenced Request Sequence
when an accession is known, and the patient/study attributes of the source
images (``sr_context``).

Lifecycle: the draft is ``PARTIAL``/``UNVERIFIED``/``PRELIMINARY``. Signing
never edits it: it creates a *new* instance, ``COMPLETE``/``VERIFIED``/
``FINAL`` with a Verifying Observer (reviewer name + organisation).

No dangling references: the draft SR is a working file that is never sent
to a PACS (an unverified AI report must not enter the patient's record,
where viewers would show it beside the signed one), so the signed SR does
**not** name it as a predecessor — a reference to an instance no archive
holds is one a viewer cannot resolve. The Predecessor Documents Sequence
(PS3.3 C.17.2: earlier versions whose content this document includes) is
used for what is sent: an amendment names the previously *signed* SR
(``build_signed_sr(..., predecessor=previous_signed)``), and an unverified
predecessor is refused. A rejected draft gets no signed SR at all.

UIDs derive from the draft id (and the sign-off time), so re-running
finalize writes identical instances instead of piling up new ones in the PACS.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import highdicom as hd
from pydicom.dataset import Dataset
from pydicom.uid import Comprehensive3DSRStorage, ComprehensiveSRStorage, generate_uid
from pydicom.valuerep import DT

from carepath.atomic import write_bytes
from carepath.context import Order
from carepath.draft import Draft, Section, SignOff
from carepath.errors import CarepathError
from carepath.evidence import SkillResult
from carepath.tools.dicom.gate import read_full
from carepath.workflows.outputs.sr_air import located_boxes, measurement_report, procedure_reported
from carepath.workflows.outputs.sr_codes import DIAGNOSTIC_IMAGING_REPORT, LANGUAGE, coding_schemes
from carepath.workflows.outputs.sr_context import (
    ImagingContext,
    SliceRef,
    SourceImage,
    box_xyxy,
    referenced_request,
)
from carepath.workflows.outputs.sr_narrative import heading_containers
from carepath.workflows.outputs.sr_observers import (
    MANUFACTURER,
    UID_ROOT,
    observation_context,
    person_name,
)

SR_SERIES_NUMBER = 9101
SR_CLASSES = (ComprehensiveSRStorage, Comprehensive3DSRStorage)
SRDocument = hd.sr.ComprehensiveSR | hd.sr.Comprehensive3DSR

__all__ = [
    "MANUFACTURER", "SR_SERIES_NUMBER", "ImagingContext", "SRError", "SliceRef", "SourceImage",
    "box_xyxy", "build_draft_sr", "build_signed_sr", "person_name", "read_sr", "sr_bytes", "write_sr",
]


class SRError(CarepathError):
    """An SR cannot be built for this draft/study (no image, wrong state)."""

    exit_code = 1


def basic_report(draft: Draft, ctx: ImagingContext, sections: Sequence[Section],
                 results: dict[str, SkillResult] | None, signoff: SignOff | None,
                 organization: str | None) -> hd.sr.ContainerContentItem:
    """TID 2000 in its row order: title (CID 7000), procedure reported,
    language, observation context, CID 7001 heading containers."""
    root = hd.sr.ContainerContentItem(name=DIAGNOSTIC_IMAGING_REPORT, is_content_continuous=False,
                                      template_id="2000")
    mod = hd.sr.RelationshipTypeValues.HAS_CONCEPT_MOD
    children: list[hd.sr.ContentItem] = [
        hd.sr.CodeContentItem(name=hd.sr.CodedConcept("121058", "DCM", "Procedure reported"),
                              value=procedure_reported(ctx), relationship_type=mod),
        *hd.sr.LanguageOfContentItemAndDescendants(LANGUAGE),
        *observation_context(draft, signoff, organization),
        *heading_containers(draft, ctx, sections, results)]
    root.ContentSequence = hd.sr.ContentSequence(children)
    return root


def _content(draft: Draft, ctx: ImagingContext, sections: Sequence[Section],
             results: dict[str, SkillResult] | None, signoff: SignOff | None,
             organization: str | None) -> tuple[type[SRDocument], Any]:
    """TID 1500 in a Comprehensive 3D SR when boxes land on the images, else TID 2000."""
    boxes = located_boxes(ctx, results)
    if boxes:
        return hd.sr.Comprehensive3DSR, measurement_report(
            draft, ctx, sections, results or {}, boxes, signoff=signoff, organization=organization)
    return hd.sr.ComprehensiveSR, basic_report(draft, ctx, sections, results, signoff, organization)


def _evidence(ctx: ImagingContext) -> list[Dataset]:
    """Source headers, the reported study's first (highdicom copies the
    patient/study attributes from it) with its Type 2 attributes present."""
    rest = [h for h in ctx.headers if h.SOPInstanceUID != ctx.study_header().SOPInstanceUID]
    return [ctx.study_header(), *rest]


def _sr(draft: Draft, ctx: ImagingContext, sections: Sequence[Section],
        results: dict[str, SkillResult] | None, *, instance: str, instance_number: int,
        signoff: SignOff | None = None, organization: str | None = None,
        predecessor: Dataset | None = None, order: Order | None = None) -> SRDocument:
    cls, content = _content(draft, ctx, sections, results, signoff, organization)
    kwargs: dict[str, Any] = {}
    if signoff is not None:
        kwargs = {"is_complete": True, "is_verified": True, "is_final": True,
                  "verifying_observer_name": person_name(signoff.decision.reviewer),
                  "verifying_organization": (organization or "")[:64],
                  "previous_versions": [predecessor] if predecessor is not None else None}
    sr = cls(
        evidence=_evidence(ctx), content=content,
        series_instance_uid=generate_uid(entropy_srcs=[UID_ROOT, "series", draft.thread_id]),
        series_number=SR_SERIES_NUMBER,
        sop_instance_uid=generate_uid(entropy_srcs=[UID_ROOT, draft.draft_id, instance]),
        instance_number=instance_number, manufacturer=MANUFACTURER,
        series_description="carepath signed report" if signoff else "carepath AI draft report",
        requested_procedures=referenced_request(ctx, order),
        coding_schemes=coding_schemes(), specific_character_set="ISO_IR 192", **kwargs)
    # Report text (guideline quotes, reviewer edits, names copied from the
    # images) can hold any script; UTF-8 encodes all of it, so the SR never
    # depends on the source images' character set.
    sr.SpecificCharacterSet = "ISO_IR 192"
    stamp = signoff.signed_at if signoff is not None else draft.created_at
    sr.ContentDate = stamp.strftime("%Y%m%d")
    sr.ContentTime = stamp.strftime("%H%M%S")
    if signoff is not None:
        sr.VerifyingObserverSequence[0].VerificationDateTime = DT(signoff.signed_at)
    return sr


def build_draft_sr(draft: Draft, ctx: ImagingContext, results: dict[str, SkillResult] | None = None,
                   *, order: Order | None = None) -> SRDocument:
    """The unsigned AI draft: PARTIAL, UNVERIFIED, PRELIMINARY. A working
    file for the reviewer and for export; never sent to a PACS."""
    return _sr(draft, ctx, draft.sections, results, instance="draft", instance_number=1, order=order)


def _check_predecessor(draft: Draft, ctx: ImagingContext, predecessor: Dataset) -> None:
    """Only a signed SR of the same study may be a predecessor: it is the
    only kind that was sent, so the only kind a reference to can resolve."""
    if str(predecessor.get("SOPClassUID", "")) not in SR_CLASSES:
        raise SRError("the predecessor is not a Comprehensive SR", subject=draft.thread_id,
                      fix="pass the SR signed earlier for this report")
    if predecessor.get("StudyInstanceUID") != ctx.study_instance_uid:
        raise SRError("the predecessor SR belongs to another study", subject=draft.thread_id,
                      fix="pass the SR signed earlier for this report")
    if predecessor.get("VerificationFlag") != "VERIFIED":
        raise SRError("the predecessor SR is an unverified draft", subject=draft.thread_id,
                      why="draft SRs are never sent to a PACS, so a reference to one would dangle",
                      fix="pass the previously signed SR (for an amendment), or none")


def build_signed_sr(draft: Draft, signoff: SignOff, ctx: ImagingContext,
                    results: dict[str, SkillResult] | None = None, *,
                    predecessor: Dataset | None = None, organization: str | None = None,
                    order: Order | None = None) -> SRDocument:
    """A new COMPLETE/VERIFIED/FINAL instance with the signed sections and
    the reviewer as Verifying Observer.

    ``predecessor`` is the previously *signed* SR this one amends (it was
    sent, so the reference resolves); None for a first sign-off — the draft
    SR is never a predecessor (see the module docstring). ``organization``
    is the reviewer's organisation (Verifying Organization); it defaults to
    the source image's Institution Name (empty if none). ``order`` adds an
    accession known from outside the images (RIS/FHIR request)."""
    if signoff.status != "final":
        raise SRError("a rejected draft has no signed SR", subject=draft.thread_id,
                      why="the reviewer rejected it; the draft SR stays UNVERIFIED/PARTIAL",
                      fix="export the draft SR, or re-draft and sign again")
    if predecessor is not None:
        _check_predecessor(draft, ctx, predecessor)
    if organization is None:
        organization = str(ctx.study_header().get("InstitutionName") or "")
    number = int(predecessor.get("InstanceNumber") or 1) + 1 if predecessor is not None else 2
    return _sr(draft, ctx, signoff.final_sections or draft.sections, results,
               instance=f"signed:{signoff.signed_at.isoformat()}", instance_number=number,
               signoff=signoff, organization=organization, predecessor=predecessor, order=order)


def sr_bytes(sr: Dataset) -> bytes:
    buf = io.BytesIO()
    sr.save_as(buf, enforce_file_format=True)
    return buf.getvalue()


def write_sr(sr: Dataset, path: str | Path) -> Path:
    return write_bytes(path, sr_bytes(sr))


def read_sr(path: str | Path) -> Dataset:
    """An SR carepath wrote (the signed SR an amendment supersedes), read
    through the gate like every other DICOM file."""
    return read_full(path)
