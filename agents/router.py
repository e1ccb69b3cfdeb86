"""Which skills a request needs.

Deterministic first: the inputs given and their modality (read from DICOM
headers upstream) fix most of the route — a prior means comparison, a PDF
means lab extraction, a CT/MR series means the volume skill. Wording only
decides what inputs cannot (chest X-ray report vs localization) and is
otherwise used to warn when a request asks for something it gave no input
for. Text inside documents never reaches the router.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, Field

from carepath.agents.intent import IntentClassifier
from carepath.draft import Intent

SkillName = Literal["guidelines", "cxr", "ct_mri", "localization", "longitudinal",
                    "pathology", "labs", "ehr"]

INTENT_SKILL: dict[Intent, SkillName] = {
    "guideline_qa": "guidelines", "cxr_report": "cxr", "ct_mri_report": "ct_mri",
    "localization": "localization", "longitudinal": "longitudinal", "pathology": "pathology",
    "lab_report": "labs", "ehr_qa": "ehr",
}
NEEDS_INPUT: dict[Intent, str] = {
    "cxr_report": "a chest X-ray study (--study)", "ct_mri_report": "a CT or MR series (--study)",
    "localization": "an image study (--study)", "longitudinal": "a current and a prior study",
    "pathology": "a slide (--slide)", "lab_report": "a lab report PDF (--doc)",
    "ehr_qa": "a FHIR bundle or server (--fhir)",
}
PROJECTION = {"CR", "DX", "RG", "MG", "XA", "PX"}
CROSS_SECTIONAL = {"CT", "MR", "PT", "NM"}


class RouteInputs(BaseModel):
    """What the router may look at: input kinds and study modalities, not content."""

    kinds: list[str] = Field(default_factory=list)
    study_modalities: list[str] = Field(default_factory=list)
    prior_modalities: list[str] = Field(default_factory=list)


class Route(BaseModel):
    intent: Intent
    skills: list[SkillName]
    confidence: float
    reasons: list[str]
    warnings: list[str] = Field(default_factory=list)


def allowed_intents(inp: RouteInputs) -> tuple[list[Intent], list[str]]:
    """Intents compatible with the inputs, and why."""
    kinds = set(inp.kinds)
    mods = set(inp.study_modalities)
    if "prior" in kinds and "study" in kinds:
        return ["longitudinal"], ["a current and a prior study were given"]
    allowed: list[Intent] = []
    why: list[str] = []
    if mods & PROJECTION:
        allowed += ["cxr_report", "localization"]
        why.append(f"projection radiograph ({', '.join(sorted(mods & PROJECTION))})")
    if mods & CROSS_SECTIONAL:
        allowed.append("ct_mri_report")
        why.append(f"cross-sectional series ({', '.join(sorted(mods & CROSS_SECTIONAL))})")
    if "SM" in mods or "slide" in kinds:
        allowed.append("pathology")
        why.append("whole-slide image")
    if "document" in kinds:
        allowed.append("lab_report")
        why.append("a document (lab report) was given")
    if "fhir" in kinds:
        allowed.append("ehr_qa")
        why.append("a FHIR record was given")
    if "study" in kinds and not allowed:
        why.append("the study's modality is not one carepath can read "
                   f"({', '.join(sorted(mods)) or 'no readable DICOM'})")
    return allowed, why


def route(text: str, inp: RouteInputs, classifier: IntentClassifier | None) -> Route:
    allowed, reasons = allowed_intents(inp)
    warnings: list[str] = []
    if "study" in inp.kinds and not allowed:
        warnings.append("No skill can read the given study; it was not processed. " + reasons[-1] + ".")
        return Route(intent="unknown", skills=["guidelines"] if text.strip() else [],
                     confidence=0.0, reasons=reasons, warnings=warnings)
    if not allowed:
        # Text only: the guideline assistant. Warn when the wording asks for a
        # skill that needs an input nobody gave.
        ranked = classifier.scores(text) if classifier and text.strip() else []
        needs_input = sum(s.score for s in ranked if s.intent in NEEDS_INPUT)
        if ranked and ranked[0].intent in NEEDS_INPUT and needs_input >= 0.6:
            top = ranked[0].intent
            warnings.append(f"The request reads like '{top}', which needs {NEEDS_INPUT[top]}; "
                            "none was given, so only guidelines were searched.")
        return Route(intent="guideline_qa", skills=["guidelines"], confidence=1.0,
                     reasons=["text only: guideline question"], warnings=warnings)
    if len(allowed) == 1 or classifier is None or not text.strip():
        primary = allowed[0]
        conf = 1.0
        if len(allowed) > 1:
            reasons.append(f"no wording to choose by; defaulted to {primary}")
    else:
        score = classifier.classify(text, allowed)
        primary, conf = score.intent, score.score
        reasons.append(f"wording chose {primary} among {', '.join(allowed)} ({conf:.2f})")
    skills = _skills_for(primary, allowed)
    return Route(intent=primary, skills=skills, confidence=conf, reasons=reasons, warnings=warnings)


def _skills_for(primary: Intent, allowed: Iterable[Intent]) -> list[SkillName]:
    """The primary skill, the other input-driven skills (a PDF given with a
    study is still read), and guidelines for recommendations."""
    out: list[SkillName] = [INTENT_SKILL[primary]]
    for intent in allowed:
        skill = INTENT_SKILL[intent]
        if intent in ("lab_report", "ehr_qa", "pathology", "ct_mri_report") and skill not in out:
            out.append(skill)
    if primary == "localization" and "cxr" not in out:
        out.append("cxr")
    out.append("guidelines")
    return out
