"""The report as a DICOM Comprehensive SR, so a PACS can show it next to the
images it describes.

Structure (TID 2000 "Basic Diagnostic Imaging Report" style, free text): a
root CONTAINER "Diagnostic Imaging Report" with a device observer context
(the model that drafted it), one CONTAINER per report section holding one TEXT
item per sentence. Each sentence keeps its evidence: a TEXT "Evidence
reference" child per evidence id, a TEXT "Guideline citation" child per
``G<n>`` (title, organisation, year, DOI, heading, verbatim quote), and image
evidence as INFERRED FROM → SCOORD POLYLINE (closed rectangle, image pixel
coordinates) SELECTED FROM → IMAGE, or INFERRED FROM → IMAGE for a whole
image/slice. The two non-DICOM concepts use the private coding scheme
``99CAREPATH``, declared in the Coding Scheme Identification Sequence.

Lifecycle: the draft is ``PARTIAL``/``UNVERIFIED``/``PRELIMINARY``. Signing
never edits it: it creates a *new* instance, ``COMPLETE``/``VERIFIED``/
``FINAL`` with a Verifying Observer (reviewer name + organisation), whose
Predecessor Documents Sequence references the draft. In the SR Document
General Module (PS3.3 C.17.2) that sequence is for earlier SR instances (prior
or provisional reports) whose content this document includes, with or without
modification — exactly a signed report's relation to its draft; the Identical
Documents Sequence is for copies of the *same* content filed in other
series/studies, which a signed (possibly edited, now verified) report is not.
A rejected draft gets no signed SR at all: DICOM has no "cancelled" flag, and
an unverified partial document is exactly what a rejected draft is.

UIDs derive from the draft id (and the sign-off time), so re-running finalize
writes identical instances instead of piling up new ones in the PACS.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import highdicom as hd
import numpy as np
from highdicom.coding_schemes import CodingSchemeIdentificationItem
from pydantic import BaseModel, Field, PrivateAttr
from pydicom.dataset import Dataset
from pydicom.sr.codedict import codes
from pydicom.uid import ComprehensiveSRStorage, generate_uid
from pydicom.valuerep import DT

from carepath.atomic import write_bytes
from carepath.draft import Citation, Draft, Section, SignOff
from carepath.errors import CarepathError, InputError
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.tools.dicom.gate import quiet_values, read_full
from carepath.tools.dicom.study import StudyHeaders, read_study_headers

MANUFACTURER = "carepath"
SR_SERIES_NUMBER = 9101
PRIVATE_SCHEME = "99CAREPATH"

DIAGNOSTIC_IMAGING_REPORT = hd.sr.CodedConcept("18748-4", "LN", "Diagnostic Imaging Report")
EVIDENCE_REFERENCE = hd.sr.CodedConcept("EVID", PRIVATE_SCHEME, "Evidence reference")
GUIDELINE_CITATION = hd.sr.CodedConcept("GCIT", PRIVATE_SCHEME, "Guideline citation")
IMAGE_REGION = hd.sr.CodedConcept("111030", "DCM", "Image Region")
SOURCE_IMAGE = hd.sr.CodedConcept("121080", "DCM", "Best illustration of finding")

# section -> (container concept, sentence concept)
SECTION_CODES: dict[str, tuple[Any, Any]] = {
    "Findings": (codes.DCM.Findings, codes.DCM.Finding),
    "Impression": (codes.DCM.Impressions, codes.DCM.Impression),
    "Recommendations": (codes.DCM.Recommendations, codes.DCM.Recommendation),
    "Answer": (codes.DCM.Conclusions, codes.DCM.Conclusion),
    "Limitations": (codes.DCM.Comment, codes.DCM.Comment),
}

_UID_PREFIX_ROOT = "carepath-sr"
_TEXT_MAX = 10_000  # UT would allow more; keep items readable in viewers


class SRError(CarepathError):
    """An SR cannot be built for this draft/study (no image, wrong state)."""

    exit_code = 1


# --- the imaging context ------------------------------------------------------


class SliceRef(BaseModel):
    """Which stored instance (and frame, for multi-frame objects) a sampled
    slice index of a prepared volume came from."""

    sop_instance_uid: str
    frame: int | None = Field(None, ge=1)


class SourceImage(BaseModel):
    study_instance_uid: str
    series_instance_uid: str
    sop_instance_uid: str
    sop_class_uid: str
    rows: int | None = None
    columns: int | None = None
    number_of_frames: int = 1


class ImagingContext(BaseModel):
    """The source DICOM instances a draft is about, by reference, with the
    headers the SR copies patient/study attributes from.

    Built from the study reader's headers (``tools.dicom.study``), never by
    opening input paths here: a zip's files exist only while the reader holds
    them, and every DICOM read goes through the gate's error cleaning.

    ``slice_map`` maps the volume skill's sampled slice index (``slice:12`` /
    ``detail['slice']``) to the instance and frame it came from. Evidence may
    also name ``detail['sop_instance_uid']`` (+ ``detail['frame']``)
    directly; with a single source image, that image is implied.
    """

    images: list[SourceImage] = Field(min_length=1)
    slice_map: dict[int, SliceRef] = Field(default_factory=dict)
    _headers: list[Dataset] = PrivateAttr(default_factory=list)

    @property
    def study_instance_uid(self) -> str:
        return self.images[0].study_instance_uid

    @property
    def headers(self) -> list[Dataset]:
        """Source headers, in ``images`` order (no pixel data)."""
        return list(self._headers)

    @classmethod
    def from_headers(cls, headers: StudyHeaders,
                     slice_map: dict[int, SliceRef] | None = None) -> ImagingContext:
        """The instances the study reader found (SOP Class UID is already
        checked by the gate, the other UIDs by the reader)."""
        if not headers.datasets:
            why = "; ".join(headers.problems[:3]) or \
                "none of the files is a DICOM instance with study/series/SOP UIDs"
            raise InputError("no DICOM image found for the SR", subject=headers.source,
                             why=f"unreadable DICOM source: {why}" if headers.problems else why,
                             fix="pass the study's DICOM files, folder or zip")
        with quiet_values():
            images = [SourceImage(
                study_instance_uid=str(ds.StudyInstanceUID),
                series_instance_uid=str(ds.SeriesInstanceUID),
                sop_instance_uid=str(ds.SOPInstanceUID), sop_class_uid=str(ds.SOPClassUID),
                rows=ds.get("Rows"), columns=ds.get("Columns"),
                number_of_frames=int(ds.get("NumberOfFrames") or 1)) for ds in headers.datasets]
        ctx = cls(images=images, slice_map=slice_map or {})
        ctx._headers = list(headers.datasets)
        return ctx

    @classmethod
    def from_study(cls, source: str | Path | Sequence[str | Path],
                   slice_map: dict[int, SliceRef] | None = None) -> ImagingContext:
        """Files, folders, zips or DICOMDIRs of a study, read by the study reader."""
        return cls.from_headers(read_study_headers(source), slice_map)

    def image(self, sop_instance_uid: str) -> SourceImage | None:
        return next((i for i in self.images if i.sop_instance_uid == sop_instance_uid), None)

    def locate(self, ev: Evidence) -> tuple[SourceImage, int | None] | None:
        """The instance (and frame) an image/slice/box evidence points at."""
        d = ev.detail
        frame = d.get("frame")
        if d.get("sop_instance_uid"):
            img = self.image(str(d["sop_instance_uid"]))
            return (img, int(frame) if frame else None) if img else None
        idx = d.get("slice")
        if idx is None and ev.ref.startswith("slice:"):
            tail = ev.ref.split(":", 1)[1].split("-")[0]
            idx = int(tail) if tail.isdigit() else None
        if idx is not None and int(idx) in self.slice_map:
            ref = self.slice_map[int(idx)]
            img = self.image(ref.sop_instance_uid)
            return (img, ref.frame) if img else None
        if len(self.images) == 1 and idx is None:
            return self.images[0], int(frame) if frame else None
        return None


# --- content tree -------------------------------------------------------------


def box_xyxy(ev: Evidence) -> tuple[float, float, float, float] | None:
    """A box in original-image pixel coordinates (column x, row y):
    ``detail['xyxy'] = [x0, y0, x1, y1]`` (``detail['box']`` is accepted as the
    same order), or separate ``x0``/``y0``/``x1``/``y1`` keys."""
    d = ev.detail
    raw = d.get("xyxy") or d.get("box")
    if raw is None and all(k in d for k in ("x0", "y0", "x1", "y1")):
        raw = [d["x0"], d["y0"], d["x1"], d["y1"]]
    if raw is None or len(raw) != 4:
        return None
    x0, y0, x1, y1 = (float(v) for v in raw)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _findings_by_id(results: dict[str, SkillResult] | None) -> dict[str, Finding]:
    return {f.id: f for r in (results or {}).values() for f in r.findings}


def _citation_text(c: Citation) -> str:
    org = ", ".join(str(x) for x in (c.organization, c.year) if x)
    doi = f", doi:{c.doi}" if c.doi else ""
    return f"{c.evidence_id}: {c.title} ({org}{doi}), {c.section} / {c.heading}: \"{c.quote}\""


def _clip(text: str) -> str:
    return text if len(text) <= _TEXT_MAX else text[: _TEXT_MAX - 1] + "…"


def _image_items(ev: Evidence, ctx: ImagingContext) -> list[hd.sr.ContentItem]:
    """INFERRED FROM items for one image/slice/box evidence (none if it cannot
    be placed on a source instance: then only its id is kept)."""
    if ev.kind not in ("image", "slice", "box"):
        return []
    where = ctx.locate(ev)
    if where is None:
        return []
    img, frame = where
    frames = [frame] if frame else None
    image = hd.sr.ImageContentItem(
        name=SOURCE_IMAGE, referenced_sop_class_uid=img.sop_class_uid,
        referenced_sop_instance_uid=img.sop_instance_uid, referenced_frame_numbers=frames,
        relationship_type=hd.sr.RelationshipTypeValues.SELECTED_FROM)
    box = box_xyxy(ev) if ev.kind == "box" else None
    if box is None:
        image.RelationshipType = hd.sr.RelationshipTypeValues.INFERRED_FROM.value
        return [image]
    x0, y0, x1, y1 = box
    if img.columns and img.rows:
        x0, x1 = (min(max(v, 0.0), float(img.columns)) for v in (x0, x1))
        y0, y1 = (min(max(v, 0.0), float(img.rows)) for v in (y0, y1))
    polyline = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]], dtype=float)
    scoord = hd.sr.ScoordContentItem(
        name=IMAGE_REGION, graphic_type=hd.sr.GraphicTypeValues.POLYLINE, graphic_data=polyline,
        relationship_type=hd.sr.RelationshipTypeValues.INFERRED_FROM)
    scoord.ContentSequence = hd.sr.ContentSequence([image])
    return [scoord]


def _sentence_items(section: Section, draft: Draft, ctx: ImagingContext,
                    findings: dict[str, Finding]) -> list[hd.sr.ContentItem]:
    _, concept = SECTION_CODES[section.name]
    citations = {c.evidence_id: c for c in draft.citations}
    items: list[hd.sr.ContentItem] = []
    for s in section.sentences:
        text = s.text + (f" [{', '.join(s.evidence)}]" if s.evidence else "")
        if s.flagged:
            text += f" (flagged: {s.flag_reason or 'unsupported'})"
        item = hd.sr.TextContentItem(name=concept, value=_clip(text),
                                     relationship_type=hd.sr.RelationshipTypeValues.CONTAINS)
        children: list[hd.sr.ContentItem] = []
        for eid in s.evidence:
            rel = hd.sr.RelationshipTypeValues.INFERRED_FROM
            if eid in citations:
                children.append(hd.sr.TextContentItem(
                    name=GUIDELINE_CITATION, value=_clip(_citation_text(citations[eid])),
                    relationship_type=rel))
                continue
            children.append(hd.sr.TextContentItem(name=EVIDENCE_REFERENCE, value=eid[:1024],
                                                  relationship_type=rel))
            for ev in findings[eid].evidence if eid in findings else []:
                children += _image_items(ev, ctx)
        if children:
            item.ContentSequence = hd.sr.ContentSequence(children)
        items.append(item)
    return items


def _observer(draft: Draft) -> list[hd.sr.ContentItem]:
    """The drafting device (first model used) as the observer: an AI draft
    must say a machine wrote it, not a person."""
    model = next((m for m in draft.models), None)
    name = (model.model if model else "carepath template composer")[:64]
    attrs = hd.sr.DeviceObserverIdentifyingAttributes(
        uid=generate_uid(entropy_srcs=[_UID_PREFIX_ROOT, "device", name]),
        name=name[:64], manufacturer_name=MANUFACTURER,
        model_name=(model.backend if model else "template")[:64])
    return list(hd.sr.ObserverContext(observer_type=codes.cid270.Device,
                                      observer_identifying_attributes=attrs))


def build_content(draft: Draft, ctx: ImagingContext, sections: Sequence[Section],
                  results: dict[str, SkillResult] | None = None) -> hd.sr.ContainerContentItem:
    root = hd.sr.ContainerContentItem(name=DIAGNOSTIC_IMAGING_REPORT, is_content_continuous=False)
    findings = _findings_by_id(results)
    children: list[hd.sr.ContentItem] = _observer(draft)
    for section in sections:
        if not section.sentences or section.name not in SECTION_CODES:
            continue
        container_code, _ = SECTION_CODES[section.name]
        box = hd.sr.ContainerContentItem(name=container_code, is_content_continuous=False,
                                         relationship_type=hd.sr.RelationshipTypeValues.CONTAINS)
        box.ContentSequence = hd.sr.ContentSequence(_sentence_items(section, draft, ctx, findings))
        children.append(box)
    root.ContentSequence = hd.sr.ContentSequence(children)
    return root


# --- documents ----------------------------------------------------------------


def _evidence_datasets(ctx: ImagingContext) -> list[Dataset]:
    """Headers of the source images; the first one of the reported study
    supplies patient/study attributes (highdicom copies them)."""
    study = ctx.study_instance_uid
    out = sorted(ctx.headers, key=lambda d: d.StudyInstanceUID != study)
    first = out[0] = Dataset(out[0])  # a copy: the context's headers stay as read
    for kw in _TYPE2_COPIED:  # secondary captures often lack these; highdicom reads them all
        if kw not in first:
            setattr(first, kw, "")
    return out


# Patient/study attributes highdicom copies from the first evidence dataset
# (Type 2 in the SR: present, possibly empty).
_TYPE2_COPIED = ("PatientID", "PatientName", "PatientBirthDate", "PatientSex", "AccessionNumber",
                 "StudyID", "StudyDate", "StudyTime")


def _coding_schemes() -> list[CodingSchemeIdentificationItem]:
    return [CodingSchemeIdentificationItem(
        designator=PRIVATE_SCHEME, name="carepath evidence concepts",
        responsible_organization="carepath project")]


def person_name(identity: str) -> str:
    """A reviewer identity as a DICOM PN (``Family^Given``): "Jane Smith" and
    "Smith, Jane" both become ``Smith^Jane``; one word becomes ``Word^``."""
    text = re.sub(r"[\\^=\r\n\t]", " ", identity).strip()
    if "," in text:
        family, given = (p.strip() for p in text.split(",", 1))
    else:
        parts = text.split()
        family, given = (parts[-1], " ".join(parts[:-1])) if parts else ("UNKNOWN", "")
    return f"{family[:64]}^{given[:64]}"


def _sr(draft: Draft, ctx: ImagingContext, sections: Sequence[Section],
        results: dict[str, SkillResult] | None, *, instance: str, instance_number: int,
        signed: bool, reviewer: str | None = None, organization: str | None = None,
        predecessor: Dataset | None = None) -> hd.sr.ComprehensiveSR:
    evidence = _evidence_datasets(ctx)
    content = build_content(draft, ctx, sections, results)
    kwargs: dict[str, Any] = {}
    if signed:
        kwargs = {"is_complete": True, "is_verified": True, "is_final": True,
                  "verifying_observer_name": person_name(reviewer or ""),
                  "verifying_organization": (organization or "")[:64],
                  "previous_versions": [predecessor] if predecessor is not None else None}
    sr = hd.sr.ComprehensiveSR(
        evidence=evidence, content=content,
        series_instance_uid=generate_uid(entropy_srcs=[_UID_PREFIX_ROOT, "series", draft.thread_id]),
        series_number=SR_SERIES_NUMBER,
        sop_instance_uid=generate_uid(entropy_srcs=[_UID_PREFIX_ROOT, draft.draft_id, instance]),
        instance_number=instance_number, manufacturer=MANUFACTURER,
        series_description="carepath signed report" if signed else "carepath AI draft report",
        coding_schemes=_coding_schemes(), specific_character_set="ISO_IR 192", **kwargs)
    # Report text (guideline quotes, reviewer edits, names copied from the
    # images) can hold any script; UTF-8 encodes all of it, so the SR never
    # depends on the source images' character set.
    sr.SpecificCharacterSet = "ISO_IR 192"
    stamp = draft.created_at
    sr.ContentDate = stamp.strftime("%Y%m%d")
    sr.ContentTime = stamp.strftime("%H%M%S")
    return sr


def build_draft_sr(draft: Draft, ctx: ImagingContext,
                   results: dict[str, SkillResult] | None = None) -> hd.sr.ComprehensiveSR:
    """The unsigned AI draft: PARTIAL, UNVERIFIED, PRELIMINARY."""
    return _sr(draft, ctx, draft.sections, results, instance="draft", instance_number=1,
               signed=False)


def build_signed_sr(draft: Draft, signoff: SignOff, ctx: ImagingContext, draft_sr: Dataset,
                    results: dict[str, SkillResult] | None = None, *,
                    organization: str | None = None) -> hd.sr.ComprehensiveSR:
    """A new COMPLETE/VERIFIED/FINAL instance with the signed sections, the
    reviewer as Verifying Observer and the draft as predecessor document.

    ``organization`` is the reviewer's organisation (Verifying Organization);
    it defaults to the source image's Institution Name (empty if none)."""
    if signoff.status != "final":
        raise SRError("a rejected draft has no signed SR", subject=draft.thread_id,
                      why="the reviewer rejected it; the draft SR stays UNVERIFIED/PARTIAL",
                      fix="export the draft SR, or re-draft and sign again")
    if str(draft_sr.get("SOPClassUID", "")) != ComprehensiveSRStorage:
        raise SRError("the predecessor is not a Comprehensive SR", subject=draft.thread_id,
                      fix="pass the draft SR written for this thread")
    if draft_sr.get("StudyInstanceUID") != ctx.study_instance_uid:
        raise SRError("the draft SR belongs to another study", subject=draft.thread_id,
                      fix="pass the draft SR written for this thread")
    if organization is None:
        organization = str(ctx.headers[0].get("InstitutionName") or "")
    sections = signoff.final_sections or draft.sections
    sr = _sr(draft, ctx, sections, results,
             instance=f"signed:{signoff.signed_at.isoformat()}", instance_number=2, signed=True,
             reviewer=signoff.decision.reviewer, organization=organization, predecessor=draft_sr)
    sr.VerifyingObserverSequence[0].VerificationDateTime = DT(signoff.signed_at)
    return sr


def sr_bytes(sr: Dataset) -> bytes:
    buf = io.BytesIO()
    sr.save_as(buf, enforce_file_format=True)
    return buf.getvalue()


def write_sr(sr: Dataset, path: str | Path) -> Path:
    return write_bytes(path, sr_bytes(sr))


def read_sr(path: str | Path) -> Dataset:
    """An SR carepath wrote (the draft, as the signed SR's predecessor), read
    through the gate like every other DICOM file."""
    return read_full(path)
