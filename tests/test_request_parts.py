"""Mixed requests: a study plus a guideline question. The question part alone
goes to retrieval, and its cited answer reaches the draft even when no
imaging findings were generated (issue 15 item 4)."""

from __future__ import annotations

import pytest

from carepath.agents.composer import GuidelineEvidence, compose_template
from carepath.agents.evidence_check import check
from carepath.request_parts import split_request
from carepath.draft import Citation, Sentence
from carepath.evidence import SkillResult


@pytest.mark.parametrize("text,order,question", [
    ("CXR for cough; which antibiotic for CAP?", "CXR for cough", "which antibiotic for CAP?"),
    ("Chest x-ray, 55 yo with productive cough and fever. Which antibiotic for community "
     "acquired pneumonia", "Chest x-ray, 55 yo with productive cough and fever.",
     "Which antibiotic for community acquired pneumonia"),
    ("CT head after a fall on apixaban. Should anticoagulation be restarted after a small "
     "subdural", "CT head after a fall on apixaban.",
     "Should anticoagulation be restarted after a small subdural"),
    ("labs attached - is a potassium of 6.1 an emergency", "labs attached",
     "is a potassium of 6.1 an emergency"),
    # questions about the given images belong to the order
    ("What does this CXR show?", "What does this CXR show?", None),
    ("please report the attached film, any consolidation seen?",
     "please report the attached film, any consolidation seen?", None),
    # radiology shorthand for the indication is not a question
    ("?pneumonia - pls report", "?pneumonia pls report", None),
    ("pneumonia?", "pneumonia?", None),
])
def test_split_request_with_inputs(text: str, order: str, question: str | None) -> None:
    parts = split_request(text, has_inputs=True)
    assert parts.order == order
    assert parts.question == question


def test_without_inputs_the_whole_text_is_the_question() -> None:
    assert split_request("CAP outpt abx?", has_inputs=False).question == "CAP outpt abx?"
    assert split_request("  ", has_inputs=False).question is None


def _cit(n: int) -> Citation:
    return Citation(n=n, guideline_id="ats_idsa_cap_2019", title="CAP", organization="ATS/IDSA",
                    year=2019, section="outpatient", heading="Outpatient treatment",
                    quote="amoxicillin 1 g three times daily", start=0, end=34)


def _not_generated_cxr() -> SkillResult:
    return SkillResult(skill="cxr", generated=False, not_generated_reason="no MedGemma model is configured")


def test_asked_question_is_answered_without_imaging_findings() -> None:
    g = GuidelineEvidence(citations=[_cit(1)], question="which antibiotic for CAP?",
                          sentences=[Sentence(text="Amoxicillin 1 g three times daily [1].",
                                              evidence=["G1"])])
    d = compose_template(thread_id="t", intent="cxr_report", request_text="CXR for cough; which "
                         "antibiotic for CAP?", results={"cxr": _not_generated_cxr()}, guideline=g,
                         warnings=[])
    recs = next(s for s in d.sections if s.name == "Recommendations")
    assert [s.evidence for s in recs.sentences] == [["G1"]]
    assert "Amoxicillin" in recs.sentences[0].text
    checked, report = check(d, model_written=False)
    assert report.flagged == 0 and not report.removed


def test_asked_question_without_support_says_so() -> None:
    g = GuidelineEvidence(citations=[], question="which antibiotic for CAP?", abstained=True)
    d = compose_template(thread_id="t", intent="cxr_report", request_text="x",
                         results={"cxr": _not_generated_cxr()}, guideline=g, warnings=[])
    recs = next(s for s in d.sections if s.name == "Recommendations")
    assert "No supporting guideline passage" in recs.sentences[0].text


def test_no_question_no_findings_attaches_no_guidance() -> None:
    g = GuidelineEvidence(citations=[_cit(1)], sentences=[])
    d = compose_template(thread_id="t", intent="cxr_report", request_text="CXR for cough",
                         results={"cxr": _not_generated_cxr()}, guideline=g, warnings=[])
    assert "Recommendations" not in [s.name for s in d.sections]
