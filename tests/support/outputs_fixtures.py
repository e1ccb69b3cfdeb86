"""Sample drafts, skill results and sign-offs for the output tests (FHIR, SR,
renderings). Imported explicitly by tests/test_outputs_*.py and
tests/test_render.py; plain builders, no randomness, so every test sees the
same objects."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pydicom.data import get_testdata_file

from carepath.draft import (
    Citation,
    Draft,
    ModelUse,
    ReviewDecision,
    Section,
    Sentence,
    SignOff,
)
from carepath.evidence import Evidence, Finding, SkillResult

HOSTILE_QUOTE = 'Give <script>alert("x")</script> & [click](javascript:alert(1)) now.'
CREATED = datetime(2025, 3, 4, 10, 0, 0, tzinfo=UTC)
SIGNED = datetime(2025, 3, 4, 11, 30, 0, tzinfo=UTC)


def cxr_path() -> str:
    return get_testdata_file("RG1_UNCR.dcm")


def ct_path() -> str:
    return get_testdata_file("CT_small.dcm")


def ct_series_dir() -> Path:
    return Path(get_testdata_file("CT_small.dcm")).parent / "dicomdirtests" / "98892001" / "CT5N"


def citation(n: int = 1, quote: str = HOSTILE_QUOTE) -> Citation:
    return Citation(n=n, guideline_id="ats_idsa_cap_2019", title="Community-Acquired Pneumonia in Adults",
                    organization="ATS/IDSA", year=2019, doi="10.1164/rccm.201908-1581ST",
                    section="treatment", heading="Outpatient empiric therapy", quote=quote,
                    start=10, end=10 + len(quote), score=0.8)


def cxr_results() -> dict[str, SkillResult]:
    return {
        "cxr": SkillResult(
            skill="cxr", generated=True, model="google/medgemma-1.5-4b-it", backend="transformers",
            template_id="cxr_report@v1",
            findings=[
                Finding(id="cxr-1", text="Right lower lobe consolidation.", label="consolidation",
                        evidence=[Evidence(kind="box", ref="box:1",
                                           detail={"xyxy": [1000.0, 1100.0, 1500.0, 1600.0]}),
                                  Evidence(kind="image", ref="image:0")]),
                Finding(id="cxr-2", text="No pleural effusion.", label="effusion",
                        evidence=[Evidence(kind="image", ref="image:0")]),
            ],
            impression="Right lower lobe pneumonia.",
            input_hashes={"study": "a" * 64}),
        "labs": SkillResult(
            skill="labs", generated=True, backend="rules",
            findings=[Finding(id="lab-1", text="Sodium 131 mmol/L (low).", label="sodium",
                              evidence=[Evidence(kind="lab_value", ref="page:1#12-40",
                                                 detail={"name": "Sodium", "loinc": "2951-2",
                                                         "value": "131", "unit": "mmol/L",
                                                         "low": 135, "high": 145, "flag": "L"}),
                                        Evidence(kind="fhir_resource", ref="Observation/na-1")])],
            input_hashes={"document": "b" * 64}),
    }


def cxr_draft() -> Draft:
    return Draft(
        draft_id="draft-cxr-0001", thread_id="thread-cxr-0001", intent="cxr_report",
        request_text="Chest X-ray, cough and fever.",
        sections=[
            Section(name="Findings", sentences=[
                Sentence(text="Right lower lobe consolidation.", evidence=["cxr-1"]),
                Sentence(text="No pleural effusion.", evidence=["cxr-2"]),
                Sentence(text="Sodium is low at 131 mmol/L.", evidence=["lab-1"]),
            ]),
            Section(name="Impression", sentences=[
                Sentence(text="Right lower lobe pneumonia.", evidence=["cxr-1", "cxr-2"])]),
            Section(name="Recommendations", sentences=[
                Sentence(text="See Community-Acquired Pneumonia in Adults (ATS/IDSA 2019).",
                         evidence=["G1"])]),
            Section(name="Limitations", sentences=[
                Sentence(text="Unverified model output.", evidence=[], flagged=True,
                         flag_reason="no evidence id")]),
        ],
        citations=[citation()],
        evidence_ids=["run:cxr", "cxr-1", "cxr-2", "run:labs", "lab-1", "G1"],
        warnings=["Dictation confidence was low."],
        models=[ModelUse(role="cxr", backend="transformers", model="google/medgemma-1.5-4b-it",
                         version="rev-abc123")],
        prompt_templates=["compose_report@v1", "cxr_report@v1"],
        created_at=CREATED)


def ct_results() -> dict[str, SkillResult]:
    return {"ct": SkillResult(
        skill="ct_mri", generated=True, model="google/medgemma-1.5-4b-it", backend="transformers",
        findings=[Finding(id="ct-1", text="Hypodense lesion.", evidence=[
            Evidence(kind="slice", ref="slice:2"),
            Evidence(kind="box", ref="box:ct-1", detail={"slice": 3, "xyxy": [2, 3, 10, 12]})])])}


def ct_draft() -> Draft:
    return Draft(draft_id="draft-ct-0001", thread_id="thread-ct-0001", intent="ct_mri_report",
                 request_text="CT head", created_at=CREATED,
                 sections=[Section(name="Findings", sentences=[
                     Sentence(text="Hypodense lesion.", evidence=["ct-1"])])],
                 models=[ModelUse(role="ct_mri", backend="transformers",
                                  model="google/medgemma-1.5-4b-it")])


def approve(draft: Draft, reviewer: str = "Jane Smith") -> SignOff:
    return SignOff(decision=ReviewDecision(reviewer=reviewer, action="approve"),
                   signed_at=SIGNED, final_sections=list(draft.sections))


def edit(draft: Draft, reviewer: str = "Jane Smith") -> SignOff:
    from carepath.workflows.signoff import build_signoff

    so = build_signoff(draft, ReviewDecision(reviewer=reviewer, action="edit",
                                             edits={"Impression": "Right lower lobe pneumonia, "
                                                                  "likely bacterial."}))
    return so.model_copy(update={"signed_at": SIGNED})


def reject(reviewer: str = "Jane Smith") -> SignOff:
    return SignOff(decision=ReviewDecision(reviewer=reviewer, action="reject",
                                           reason="Wrong side reported."), signed_at=SIGNED)
