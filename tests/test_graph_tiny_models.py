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
