"""The report as IHE AI Results (AIR) expect it when an AI localized
findings: a TID 1500 "Measurement Report" for a Comprehensive 3D SR.

- One TID 1410 "Planar ROI Measurements and Qualitative Evaluations" group
  per localization box: the box as a closed POLYLINE SCOORD (column, row
  pixel coordinates) on the source instance (and frame), a Tracking
  Identifier (a readable id plus a UID derived from the draft, the finding
  and the box, so re-writing gives the same UID), the finding type (SNOMED
  CT, generic "Finding" when the label has no code), the model's label as a
  TEXT "Finding", and TID 4019 Algorithm Identification (model name, version,
  prompt versions).
- The report text in the TID 1500 "Qualitative Evaluations" container, one
  TEXT item per sentence with its CID 7002 concept (TID 1500 is extensible).
- TID 1001 observers (device always, the reviewer when they edited) and the
  procedure reported (the images' Procedure Code, else a CID 100 default).
"""

from __future__ import annotations

from collections.abc import Sequence

import highdicom as hd
import numpy as np
from pydantic import BaseModel
from pydicom.sr.codedict import codes
from pydicom.uid import generate_uid

from carepath.draft import Draft, Section, SignOff
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.tools.dicom.gate import quiet_values
from carepath.workflows.outputs.sr_codes import (
    IMAGING_MEASUREMENT_REPORT,
    IMAGING_PROCEDURE,
    LANGUAGE,
    PROCEDURE_BY_MODALITY,
    QUALITATIVE_EVALUATIONS,
    finding_type,
)
from carepath.workflows.outputs.sr_context import ImagingContext, SourceImage, box_xyxy
from carepath.workflows.outputs.sr_narrative import clip, narrative_items
from carepath.workflows.outputs.sr_observers import UID_ROOT, algorithm, observation_context


class BoxRef(BaseModel):
    """One localization box placed on a source instance."""

    finding: Finding
    evidence: Evidence
    skill: str
    image: SourceImage
    frame: int | None = None
    xyxy: tuple[float, float, float, float]


def located_boxes(ctx: ImagingContext, results: dict[str, SkillResult] | None) -> list[BoxRef]:
    """Every box evidence of every skill result that lands on a source
    instance, clamped to the image (a box that cannot be placed is left out:
    its finding still appears in the text)."""
    out: list[BoxRef] = []
    for key, result in (results or {}).items():
        for f in result.findings:
            for ev in f.evidence:
                box = box_xyxy(ev) if ev.kind == "box" else None
                where = ctx.locate(ev) if box else None
                if box is None or where is None:
                    continue
                img, frame = where
                x0, y0, x1, y1 = box
                if img.columns and img.rows:
                    x0, x1 = (min(max(v, 0.0), float(img.columns)) for v in (x0, x1))
                    y0, y1 = (min(max(v, 0.0), float(img.rows)) for v in (y0, y1))
                if x1 <= x0 or y1 <= y0:
                    continue
                out.append(BoxRef(finding=f, evidence=ev, skill=key, image=img, frame=frame,
                                  xyxy=(x0, y0, x1, y1)))
    return out


def _group(draft: Draft, box: BoxRef, result: SkillResult
           ) -> hd.sr.PlanarROIMeasurementsAndQualitativeEvaluations:
    x0, y0, x1, y1 = box.xyxy
    region = hd.sr.ImageRegion(
        graphic_type=hd.sr.GraphicTypeValues.POLYLINE,
        graphic_data=np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]], dtype=float),
        source_image=hd.sr.SourceImageForRegion(
            referenced_sop_class_uid=box.image.sop_class_uid,
            referenced_sop_instance_uid=box.image.sop_instance_uid,
            referenced_frame_numbers=[box.frame] if box.frame else None))
    tracking = hd.sr.TrackingIdentifier(
        uid=generate_uid(entropy_srcs=[UID_ROOT, "track", draft.draft_id, box.finding.id,
                                       box.evidence.ref]),
        identifier=f"{box.finding.id} {box.evidence.ref}"[:64])
    group = hd.sr.PlanarROIMeasurementsAndQualitativeEvaluations(
        tracking_identifier=tracking, referenced_region=region,
        finding_type=finding_type(box.finding.label), algorithm_id=algorithm(draft, result))
    group[0].ContentSequence.append(hd.sr.TextContentItem(
        name=codes.DCM.Finding, value=clip(box.finding.text),
        relationship_type=hd.sr.RelationshipTypeValues.CONTAINS))
    return group


def procedure_reported(ctx: ImagingContext) -> hd.sr.CodedConcept:
    header = ctx.study_header()
    with quiet_values():
        code = header.get("ProcedureCodeSequence")
        if code and code[0].get("CodeValue") and code[0].get("CodeMeaning"):
            return hd.sr.CodedConcept.from_dataset(code[0])
        modality = str(header.get("Modality") or "")
    return hd.sr.CodedConcept.from_code(PROCEDURE_BY_MODALITY.get(modality, IMAGING_PROCEDURE))


def measurement_report(draft: Draft, ctx: ImagingContext, sections: Sequence[Section],
                       results: dict[str, SkillResult], boxes: Sequence[BoxRef], *,
                       signoff: SignOff | None = None,
                       organization: str | None = None) -> hd.sr.MeasurementReport:
    """The TID 1500 content tree (root container with template id 1500)."""
    report = hd.sr.MeasurementReport(
        observation_context=observation_context(draft, signoff, organization),
        procedure_reported=procedure_reported(ctx),
        imaging_measurements=[_group(draft, b, results[b.skill]) for b in boxes],
        title=IMAGING_MEASUREMENT_REPORT,
        language_of_content_item_and_descendants=hd.sr.LanguageOfContentItemAndDescendants(LANGUAGE))
    text = narrative_items(draft, ctx, sections, results)
    if text:
        evaluations = hd.sr.ContainerContentItem(
            name=QUALITATIVE_EVALUATIONS, relationship_type=hd.sr.RelationshipTypeValues.CONTAINS)
        evaluations.ContentSequence = hd.sr.ContentSequence(text)
        report[0].ContentSequence.append(evaluations)
    return report

