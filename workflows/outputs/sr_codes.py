"""The coded vocabulary of carepath's DICOM SR, in one place, each concept
with the DICOM PS3.16 context group or template that defines it.

The codes come from pydicom's generated copy of PS3.16 (``codes.cidNNNN``)
wherever it has them, so a number is never typed by hand; the few that are
written here say where in PS3.16 they are defined.

Why LOINC headings: CID 7001 "Diagnostic Imaging Report Heading" lists the
LOINC section codes (Findings 59776-5, Impressions 19005-8, Recommendations
18783-1, Conclusions 55110-1). The older DCM heading codes (121070
"Findings", 121072 "Impressions", 121074 "Recommendations") are no longer in
CID 7001, so a template-aware reader would not recognise them as headings.
"""

from __future__ import annotations

import re
from typing import Any

import highdicom as hd
from highdicom.coding_schemes import CodingSchemeIdentificationItem
from pydicom.sr.codedict import codes

PRIVATE_SCHEME = "99CAREPATH"

# CID 7000 "Diagnostic Imaging Report Document Title" (root of TID 2000).
DIAGNOSTIC_IMAGING_REPORT = codes.cid7000.DiagnosticImagingReport  # (18748-4, LN)
# CID 7021 "Measurement Report Document Title" (root of TID 1500), as IHE AIR uses it.
IMAGING_MEASUREMENT_REPORT = codes.cid7021.ImagingMeasurementReport  # (126000, DCM)

# TID 1500 "Measurement Report": CONTAINER EV (C0034375, UMLS, "Qualitative Evaluations").
QUALITATIVE_EVALUATIONS = hd.sr.CodedConcept("C0034375", "UMLS", "Qualitative Evaluations")
# CID 7003 "Diagnostic Imaging Report Purpose of Reference" (TID 2001 row 1 IMAGE).
BEST_ILLUSTRATION = codes.cid7003.BestIllustrationOfFinding  # (121080, DCM)

# Concepts no DICOM context group has: declared in the Coding Scheme
# Identification Sequence. Both CID 7001 (headings) and CID 7002 (report
# elements) are Baseline groups in TID 2000/2002, so other codes are allowed.
GUIDELINE_CITATION = hd.sr.CodedConcept("GCIT", PRIVATE_SCHEME, "Guideline citation")
LIMITATIONS = hd.sr.CodedConcept("LIMIT", PRIVATE_SCHEME, "Limitations")

# section -> (heading from CID 7001, sentence concept from CID 7002)
SECTION_CODES: dict[str, tuple[Any, Any]] = {
    "Findings": (codes.cid7001.Findings, codes.cid7002.Finding),              # 59776-5 LN / 121071 DCM
    "Impression": (codes.cid7001.Impressions, codes.cid7002.Impression),      # 19005-8 LN / 121073 DCM
    "Recommendations": (codes.cid7001.Recommendations,                        # 18783-1 LN
                        codes.cid7002.Recommendation),                        # 121075 DCM
    "Answer": (codes.cid7001.Conclusions, codes.cid7002.Conclusion),          # 55110-1 LN / 121077 DCM
    # No CID 7001 heading means "limitations"; the sentences are comments
    # (121106, DCM, "Comment"), a DCM concept TID 2002 may use (Baseline CID 7002).
    "Limitations": (LIMITATIONS, codes.DCM.Comment),
}

# CID 100 "Quantitative Diagnostic Imaging Procedure" defaults by modality,
# for TID 1500 row 4 (Procedure reported) when the images carry no
# Procedure Code Sequence.
PROCEDURE_BY_MODALITY = {
    "CR": codes.cid100.XRUnspecifiedBodyRegion, "DX": codes.cid100.XRUnspecifiedBodyRegion,
    "RG": codes.cid100.XRUnspecifiedBodyRegion, "PX": codes.cid100.XRUnspecifiedBodyRegion,
    "CT": codes.cid100.CTUnspecifiedBodyRegion, "MR": codes.cid100.MRIUnspecifiedBodyRegion,
    "PT": codes.cid100.PETUnspecifiedBodyRegion, "NM": codes.cid100.NMUnspecifiedBodyRegion,
}
IMAGING_PROCEDURE = codes.cid100.ImagingProcedure  # (363679005, SCT)

# Finding types (TID 1410 row "Finding") for localization labels, by
# SNOMED CT name in pydicom's dictionary; anything else is the generic
# (404684003, SCT, "Finding"), with the model's label kept as text.
GENERIC_FINDING = codes.SCT.Finding

LANGUAGE = hd.sr.CodedConcept("en-US", "RFC5646", "English (United States)")


def finding_type(label: str | None) -> Any:
    """The SNOMED CT concept pydicom knows under the label's name
    ("pleural effusion" → PleuralEffusion 60046008), else generic Finding."""
    if not label:
        return GENERIC_FINDING
    keyword = "".join(w.capitalize() for w in re.findall(r"[A-Za-z]+", label))
    try:
        return getattr(codes.SCT, keyword)
    except AttributeError:
        return GENERIC_FINDING


def coding_schemes() -> list[CodingSchemeIdentificationItem]:
    return [CodingSchemeIdentificationItem(
        designator=PRIVATE_SCHEME, name="carepath report concepts",
        responsible_organization="carepath project")]
