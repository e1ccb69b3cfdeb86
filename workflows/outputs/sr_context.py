"""The source DICOM instances a report is about, by reference, and what the
SR and the Encapsulated PDF copy from their headers (patient, study, order).

Built from the study reader's headers (``tools.dicom.study``), never by
opening input paths here: a zip's files exist only while the reader holds
them, and every DICOM read goes through the gate's error cleaning.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, Field, PrivateAttr
from pydicom.dataset import Dataset

from carepath.context import Order
from carepath.errors import InputError
from carepath.evidence import Evidence
from carepath.tools.dicom.gate import quiet_values
from carepath.tools.dicom.study import StudyHeaders, read_study_headers


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
    """The source DICOM instances a draft is about, with the headers the SR
    copies patient/study attributes from.

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

    def study_header(self) -> Dataset:
        """A copy of the first header of the reported study, with the Type 2
        patient/study attributes present (secondary captures often lack
        them; the SR and the PDF must carry them, possibly empty)."""
        first = next(h for h in self.headers if h.StudyInstanceUID == self.study_instance_uid)
        out = Dataset(first)  # shallow copy: the context's headers stay as read
        for kw in TYPE2_COPIED:
            if kw not in out:
                setattr(out, kw, "")
        return out


# Patient/study attributes copied from the source (Type 2 in the SR and in
# the Encapsulated PDF: present, possibly empty).
TYPE2_COPIED = ("PatientID", "PatientName", "PatientBirthDate", "PatientSex", "AccessionNumber",
                "StudyID", "StudyDate", "StudyTime", "ReferringPhysicianName")


def box_xyxy(ev: Evidence) -> tuple[float, float, float, float] | None:
    """A box in original-image pixel coordinates (column x, row y):
    ``detail['xyxy'] = [x0, y0, x1, y1]`` (``detail['box']`` is accepted as the
    same order), or separate ``x0``/``y0``/``x1``/``y1`` keys. The
    localization skill writes ``xyxy`` after undoing its model's
    ``[y0, x0, y1, x1]`` on 0–1000 (``tools.localization.to_original``)."""
    d = ev.detail
    raw = d.get("xyxy") or d.get("box")
    if raw is None and all(k in d for k in ("x0", "y0", "x1", "y1")):
        raw = [d["x0"], d["y0"], d["x1"], d["y1"]]
    if raw is None or len(raw) != 4:
        return None
    x0, y0, x1, y1 = (float(v) for v in raw)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _issuer_item(order: Order | None, header: Dataset) -> list[Dataset]:
    acc = order.accession if order else None
    if acc is not None and (acc.namespace or acc.universal_id):
        item = Dataset()
        if acc.namespace:
            item.LocalNamespaceEntityID = acc.namespace[:64]
        if acc.universal_id and acc.universal_id_type:
            item.UniversalEntityID = acc.universal_id[:64]
            item.UniversalEntityIDType = acc.universal_id_type
        return [item]
    return list(header.get("IssuerOfAccessionNumberSequence") or [])


def referenced_request(ctx: ImagingContext, order: Order | None = None) -> list[Dataset] | None:
    """The Referenced Request Sequence item (PS3.3 C.17.2, SR Document
    General Module) naming the order the report answers, when an accession is
    known (from ``order``, e.g. a RIS/FHIR request, else the image header).
    None when no accession is known: the sequence is required only for a
    document made in response to a request, and an order is never invented."""
    header = ctx.study_header()
    with quiet_values():
        accession = (order.accession.value if order and order.accession else None) or \
            str(header.get("AccessionNumber") or "").strip()
        if not accession:
            return None
        attrs = header.get("RequestAttributesSequence") or [Dataset()]
        item = Dataset()
        item.StudyInstanceUID = ctx.study_instance_uid
        item.ReferencedStudySequence = []
        item.AccessionNumber = accession[:16]
        issuer = _issuer_item(order, header)
        if issuer:  # Type 3 here: absent, never empty
            item.IssuerOfAccessionNumberSequence = issuer
        item.PlacerOrderNumberImagingServiceRequest = \
            (order.placer_number.value if order and order.placer_number else "")[:16]
        item.FillerOrderNumberImagingServiceRequest = ""
        item.RequestedProcedureID = str(attrs[0].get("RequestedProcedureID") or "")[:16]
        item.RequestedProcedureDescription = str(
            header.get("RequestedProcedureDescription") or header.get("StudyDescription") or "")[:64]
        code = header.get("ProcedureCodeSequence") or header.get("RequestedProcedureCodeSequence")
        item.RequestedProcedureCodeSequence = [Dataset(code[0])] if code else []
    return [item]
