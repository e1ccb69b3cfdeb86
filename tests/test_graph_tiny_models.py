"""The whole graph in-process with the tiny random MedGemma loaded through the
real transformers path: findings come from the model (random words, but real
plumbing), the composer's model output is parsed strictly (and falls back to
the evidence template when it is not valid JSON), and sign-off writes SR +
FHIR that validate."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pydicom.data import get_testdata_file

from carepath.draft import ReviewDecision
from carepath.workflows.request import DraftRequest
from carepath.workflows.service import open_service

RG1 = Path(get_testdata_file("RG1_UNCR.dcm"))


@pytest.fixture
def env(tiny_medgemma: Path, guideline_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from carepath.settings import get_settings

    monkeypatch.setenv("CAREPATH_DATA_DIR", str(guideline_data_dir))
    get_settings.cache_clear()
    return tiny_medgemma


def test_cxr_draft_with_tiny_medgemma_end_to_end(env: Path) -> None:
    with open_service() as svc:
        out = svc.draft(DraftRequest(text="Chest X-ray for fever, please report.", studies=[RG1]))
        assert out.status == "awaiting_signoff" and out.intent == "cxr_report"
        draft = out.draft
        assert draft is not None
        cxr_ids = [i for i in draft.evidence_ids if i.startswith("cxr-")]
        assert cxr_ids, "the model's findings must become evidence-bearing findings"
        assert any(m.backend == "transformers" for m in draft.models)
        assert "cxr_report@v1" in draft.prompt_templates
        for s in draft.sections:
            for sent in s.sentences:
                assert sent.evidence and not sent.flagged
        signed = svc.sign(out.thread_id, ReviewDecision(reviewer="Dr Tiny", action="approve"))
    assert signed.status == "final"
    for key in ("sr", "sr_draft"):
        v = subprocess.run(["dciodvfy", signed.outputs[key]], capture_output=True, text=True)
        assert v.returncode == 0 and "Error" not in v.stdout + v.stderr


CT5N = Path(get_testdata_file("CT_small.dcm")).parent / "dicomdirtests/98892001/CT5N"


@pytest.mark.parametrize("text,studies,prior,intent", [
    ("Please report this CT.", [CT5N], None, "ct_mri_report"),
    ("Draw a box around the abnormality on this chest film.", [RG1], None, "localization"),
    ("Compare with the prior film.", [RG1], Path(get_testdata_file("RG1_J2KR.dcm")),
     "longitudinal"),
])
def test_imaging_intents_with_tiny_medgemma(env: Path, text: str, studies: list[Path],
                                            prior: Path | None, intent: str) -> None:
    with open_service() as svc:
        out = svc.draft(DraftRequest(text=text, studies=studies, prior=prior))
    assert out.intent == intent and out.status == "awaiting_signoff"
    assert out.draft is not None
    results_run = [i for i in out.draft.evidence_ids if i.startswith("run:")]
    assert results_run, out.draft.evidence_ids
    for s in out.draft.sections:
        for sent in s.sentences:
            assert sent.evidence


@pytest.fixture
def doc_inputs(labs_devset, fhir_bundles: dict[str, Path], wsi_fixtures: Path) -> dict[str, Path]:
    src, _ = labs_devset
    return {"pdf": src / "afhir_table_0.pdf", "fhir": fhir_bundles["cfhir"],
            "slide": wsi_fixtures / "small.svs"}


@pytest.mark.parametrize("text,kind,intent,prefix", [
    ("What is the first-line treatment for community-acquired pneumonia?", None, "guideline_qa", "G"),
    ("Summarise this lab report.", "pdf", "lab_report", "lab-"),
    ("What is the latest hemoglobin A1c?", "fhir", "ehr_qa", None),
    ("Describe this slide.", "slide", "pathology", "run:"),
])
def test_document_and_question_intents_with_tiny_medgemma(
        env: Path, doc_inputs: dict[str, Path], text: str, kind: str | None, intent: str,
        prefix: str | None) -> None:
    """The intents that are not chest imaging also run end to end with the
    tiny model configured; every sentence still carries evidence ids that exist."""
    req = DraftRequest(text=text, documents=[doc_inputs["pdf"]] if kind == "pdf" else [],
                       fhir=str(doc_inputs["fhir"]) if kind == "fhir" else None,
                       slides=[doc_inputs["slide"]] if kind == "slide" else [])
    with open_service() as svc:
        out = svc.draft(req)
    assert out.intent == intent and out.status == "awaiting_signoff", (out.intent, out.warnings)
    assert out.draft is not None and out.draft.sections
    ids = set(out.draft.evidence_ids)
    sentences = [s for sec in out.draft.sections for s in sec.sentences]
    assert sentences
    for s in sentences:
        assert s.evidence and (s.flagged or set(s.evidence) <= ids | {f"G{c.n}" for c in out.draft.citations})
    if prefix:
        assert any(e.startswith(prefix) for s in sentences for e in s.evidence), ids
