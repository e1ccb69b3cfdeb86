"""The evidence check holds each sentence to what it cites (issue 14 item 9).

Unit tests run the real check on drafts built from real skill results and a
real guideline citation; the end-to-end test drives the real graph with a
scripted OpenAI-compatible server on loopback (real HTTP, carepath's real
OpenAI backend) whose composed draft cites real evidence ids with invented
content: a dose, the other side, a finding no read made, a clinical claim
resting on a run record."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydicom.data import get_testdata_file

from carepath.agents.composer import GuidelineEvidence, compose_template, evidence_texts
from carepath.agents.evidence_check import check
from carepath.draft import Citation, Draft, Section, Sentence
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.models.vlm import Generation, GenerationRequest, TextPart
from carepath.workflows.request import DraftRequest
from carepath.workflows.service import open_service
from support.openai_server import OpenAIServer

RG1 = Path(get_testdata_file("RG1_UNCR.dcm"))
_EV = [Evidence(kind="image", ref="image:abc")]

CXR = SkillResult(skill="cxr", generated=True, model="m", backend="b", findings=[
    Finding(id="cxr-1", text="Right lower lobe consolidation.", evidence=_EV),
    Finding(id="cxr-2", text="No pneumothorax.", evidence=_EV)],
    impression="Right lower lobe pneumonia.")
LABS = SkillResult(skill="labs", generated=True, findings=[
    Finding(id="lab-1", text="Glucose: 250 mg/dL (ref 70-99) H", evidence=[Evidence(kind="lab_value", ref="lab:1")]),
    Finding(id="lab-2", text="Sodium: 140 mmol/L (ref 135-145)", evidence=[Evidence(kind="lab_value", ref="lab:2")])],
    impression="2 result(s); out of range: Glucose H.")
CT = SkillResult(skill="ct", generated=False, not_generated_reason="no imaging model is configured",
                 warnings=["Only 64 of 212 slices were sampled."])
G1 = Citation(n=1, guideline_id="cap", title="Community-acquired pneumonia in adults", organization="ATS/IDSA",
              year=2019, section="s3", heading="Outpatient treatment",
              quote="For healthy outpatients without comorbidities, amoxicillin 1 g three times daily "
                    "is recommended.", start=0, end=90)
GUIDE = GuidelineEvidence(citations=[G1], sentences=[Sentence(
    text="ATS/IDSA 2019, Outpatient treatment: amoxicillin 1 g three times daily for healthy outpatients [1].",
    evidence=["G1"])])
RESULTS = {"cxr": CXR, "labs": LABS, "ct": CT}


def _draft(*sentences: tuple[str, list[str]], section: str = "Findings") -> Draft:
    template = compose_template(thread_id="t", intent="cxr_report", request_text="cxr", results=RESULTS,
                                guideline=GUIDE, warnings=[])
    return template.model_copy(update={"sections": [Section(name=section, sentences=[  # type: ignore[arg-type]
        Sentence(text=t, evidence=e) for t, e in sentences])]})


def _check(draft: Draft, *, model_written: bool = True) -> tuple[Draft, list[str]]:
    texts = evidence_texts(RESULTS, GUIDE, with_impressions=True)
    out, report = check(draft, model_written=model_written, evidence_text=texts)
    return out, report.removed


def _kept(d: Draft) -> list[str]:
    return [s.text for sec in d.sections for s in sec.sentences]


@pytest.mark.parametrize("text,evidence,why", [
    ("Healthy outpatients can take amoxicillin 2 g three times daily [1].", ["G1"], "2 g"),
    ("Left lower lobe consolidation.", ["cxr-1"], "left"),
    ("Right lower lobe consolidation with a large pleural effusion.", ["cxr-1"], "effusion"),
    ("Glucose: 320 mg/dL, markedly raised.", ["lab-1"], "320 mg/dl"),
    ("A 2 cm right apical pneumothorax.", ["cxr-2"], "2 cm"),
    ("There is a right pneumothorax.", ["cxr-2"], "not"),  # the negation of the finding dropped
    ("Right lower lobe consolidation is not seen.", ["cxr-1"], "not"),
])
def test_invented_content_citing_a_real_id_is_removed(text: str, evidence: list[str], why: str) -> None:
    out, removed = _check(_draft((text, evidence)))
    assert text not in _kept(out)
    assert len(removed) == 1 and text[:40] in removed[0] and why in removed[0].lower(), removed
    assert any(text[:40] in w and evidence[0] in w for w in out.warnings), out.warnings


@pytest.mark.parametrize("text,evidence", [
    ("Amoxicillin is the pneumonia drug of choice.", ["run:cxr"]),
    ("Cardiomegaly is present.", ["run:ct"]),
    ("Findings were not generated; a 3 cm right mass is suspected.", ["run:ct"]),
    ("Nothing could be drafted: the left lung is collapsed.", ["request"]),
])
def test_a_run_record_or_the_request_cannot_carry_a_clinical_claim(text: str, evidence: list[str]) -> None:
    d = _draft((text, evidence), section="Limitations")
    d = d.model_copy(update={"evidence_ids": [*d.evidence_ids, "request"]})
    out, removed = _check(d)
    assert text not in _kept(out) and "not clinical evidence" in removed[0], removed


@pytest.mark.parametrize("text,evidence", [
    ("There is consolidation in the right lower lobe.", ["cxr-1"]),
    ("No pneumothorax is seen.", ["cxr-2"]),
    ("Right lower lobe pneumonia, with consolidation and no pneumothorax.", ["cxr-1", "cxr-2"]),
    ("Glucose is high at 250 mg/dL.", ["lab-1"]),
    ("Per ATS/IDSA 2019, healthy outpatients without comorbidities should receive amoxicillin 1 g "
     "three times daily [1].", ["G1"]),
    ("CT findings were not generated because no imaging model is configured.", ["run:ct"]),
    ("Only 64 of the 212 slices were sampled.", ["run:ct"]),
])
def test_a_faithful_paraphrase_is_kept(text: str, evidence: list[str]) -> None:
    out, removed = _check(_draft((text, evidence)))
    assert removed == [] and _kept(out) == [text]


def test_a_template_sentence_that_says_too_much_is_flagged_not_removed() -> None:
    text = "Left lower lobe consolidation."
    out, removed = _check(_draft((text, ["cxr-1"]), ("No pneumothorax.", ["cxr-2"])), model_written=False)
    assert removed == []
    sent = {s.text: s for sec in out.sections for s in sec.sentences}
    assert sent[text].flagged and "left" in (sent[text].flag_reason or "")
    assert not sent["No pneumothorax."].flagged


def test_every_template_sentence_the_composer_writes_passes() -> None:
    """The template (findings, impressions, limitations, the guideline answer)
    is held to the same texts and must pass unflagged."""
    for guideline, intent in ((GUIDE, "cxr_report"), (GUIDE.model_copy(update={"question": "Which antibiotic for "
                              "CAP?"}), "cxr_report"), (GuidelineEvidence(abstained=True, question="What dose?"),
                              "cxr_report"), (GUIDE, "guideline_qa")):
        draft = compose_template(thread_id="t", intent=intent, request_text="r",  # type: ignore[arg-type]
                                 results={**RESULTS, "guidelines": SkillResult(skill="guidelines",
                                                                               generated=True)},
                                 guideline=guideline, warnings=[])
        texts = evidence_texts({**RESULTS, "guidelines": SkillResult(skill="guidelines", generated=True)},
                               guideline, with_impressions=True)
        out, report = check(draft, model_written=False, evidence_text=texts)
        flagged = [(s.text, s.flag_reason) for sec in out.sections for s in sec.sentences if s.flagged]
        assert report.checked >= 6 and flagged == [], flagged


def test_the_prompt_shows_the_same_texts_the_check_uses() -> None:
    """One source for "the text of each evidence id": the prompt's texts are the
    check's, less the impression repeated on each finding."""
    shown = evidence_texts(RESULTS, GUIDE)
    held = evidence_texts(RESULTS, GUIDE, with_impressions=True)
    assert shown.keys() == held.keys() >= {"run:cxr", "cxr-1", "lab-2", "run:ct", "G1"}
    assert held["cxr-1"].startswith(shown["cxr-1"]) and "pneumonia" in held["cxr-1"]
    assert "64 of 212" in shown["run:ct"] and "ATS/IDSA 2019" in shown["G1"]


# --- end to end: a model that cites real ids with invented content ----------------------------------

INVENTED = {
    "Left lower lobe consolidation.": ["cxr-1"],                                 # wrong side
    "A moderate right pleural effusion is present.": ["cxr-1"],                  # invented finding
    "The consolidation measures 7 cm.": ["cxr-1"],                               # invented number
    "Start amoxicillin 2 g twice daily.": ["run:cxr"],                           # dose on a run record
}
FAITHFUL = {"There is consolidation in the right lower lobe.": ["cxr-1"]}


class InventingModel:
    """The imaging read is plain; the composed draft keeps the real ids and
    invents what they say."""

    def __init__(self) -> None:
        self.prompts: list[str] = []

    def generate(self, req: GenerationRequest) -> Generation:
        text = "\n".join(p.text for p in req.content if isinstance(p, TextPart))
        self.prompts.append(text)
        if "Answer with JSON only" in text:
            answer = json.dumps({"sections": [
                {"name": "Findings", "sentences": [{"text": t, "evidence": e}
                                                   for t, e in {**FAITHFUL, **INVENTED}.items()]},
                {"name": "Impression", "sentences": [
                    {"text": "Right lower lobe pneumonia.", "evidence": ["cxr-1", "cxr-2"]}]}]})
        else:
            answer = ("Findings:\n- Right lower lobe consolidation.\n- No pneumothorax.\n"
                      "Impression:\nRight lower lobe pneumonia.")
        return Generation(text=answer, model="inventing-model", backend="http",
                          prompt_tokens=len(text.split()), completion_tokens=len(answer.split()))


@pytest.fixture
def inventing(guideline_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[InventingModel]:
    from carepath.models import registry
    from carepath.settings import get_settings

    model = InventingModel()
    with OpenAIServer(model, model_name="inventing-model") as srv:
        monkeypatch.setenv("CAREPATH_DATA_DIR", str(guideline_data_dir))
        for role in ("IMAGING", "TEXT"):
            monkeypatch.setenv(f"CAREPATH_{role}__BACKEND", "openai")
            monkeypatch.setenv(f"CAREPATH_{role}__BASE_URL", srv.base_url)
            monkeypatch.setenv(f"CAREPATH_{role}__MODEL", "inventing-model")
            monkeypatch.setenv(f"CAREPATH_{role}__RETRIES", "0")
        get_settings.cache_clear()
        registry.reset()
        yield model
        registry.reset()
        get_settings.cache_clear()


def test_model_sentences_with_invented_content_are_removed_end_to_end(inventing: InventingModel) -> None:
    with open_service() as svc:
        out = svc.draft(DraftRequest(text="Chest X-ray for cough.", studies=[RG1]))
    assert any("Answer with JSON only" in p for p in inventing.prompts), "the composer model was called"
    assert out.status == "awaiting_signoff" and out.draft is not None
    d = out.draft
    assert any(m.role == "composer" for m in d.models), "the draft is the model's, not the template"
    kept = _kept(d)
    assert "There is consolidation in the right lower lobe." in kept
    assert "Right lower lobe pneumonia." in kept
    for text in INVENTED:
        assert text not in kept
        assert any(w.startswith("Removed unsupported sentence") and text[:40] in w for w in d.warnings), \
            (text, d.warnings)
    assert any("removed 4 unsupported" in w for w in out.warnings), out.warnings
