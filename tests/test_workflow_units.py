"""Composer, evidence check, router rules, sign-off diffs and edit files:
the pieces of the workflow that need no model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from carepath.agents.composer import GuidelineEvidence, compose_template
from carepath.agents.evidence_check import check
from carepath.agents.intent import IntentClassifier, LabelledRequest
from carepath.agents.router import RouteInputs, route
from carepath.commands.workflow import read_edit_file
from carepath.draft import Citation, Draft, ReviewDecision, Section, Sentence
from carepath.errors import InputError
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.workflows.signoff import build_signoff
from carepath.tools.guidelines import answer_sentences


def _cit(n: int) -> Citation:
    return Citation(n=n, guideline_id=f"g{n}", title=f"Guideline {n}", organization="ORG", year=2020,
                    section="s", heading="h", quote="quoted text", start=0, end=11)


def _cxr(generated: bool = True) -> SkillResult:
    findings = [Finding(id="cxr-1", text="No focal consolidation.",
                        evidence=[Evidence(kind="image", ref="image:0")])] if generated else []
    return SkillResult(skill="cxr", generated=generated, findings=findings,
                       impression="No acute process." if generated else None,
                       not_generated_reason=None if generated else "no MedGemma model is configured")


def test_template_draft_ties_every_sentence_to_existing_evidence() -> None:
    g = GuidelineEvidence(citations=[_cit(1)], sentences=[])
    d = compose_template(thread_id="t", intent="cxr_report", request_text="read this",
                         results={"cxr": _cxr()}, guideline=g, warnings=[])
    names = [s.name for s in d.sections]
    assert names == ["Findings", "Impression", "Recommendations"]
    checked, report = check(d, model_written=False)
    assert report.flagged == 0 and not report.removed
    for s in checked.sections:
        for sent in s.sentences:
            assert sent.evidence and set(sent.evidence) <= set(checked.evidence_ids) | {"G1"}


def test_no_model_says_findings_not_generated_and_invents_nothing() -> None:
    d = compose_template(thread_id="t", intent="cxr_report", request_text="read this",
                         results={"cxr": _cxr(generated=False)}, guideline=None, warnings=[])
    assert [s.name for s in d.sections] == ["Limitations"]
    text = d.sections[0].text
    assert "not generated" in text and "no MedGemma model" in text
    assert d.sections[0].sentences[0].evidence == ["run:cxr"]


def test_evidence_check_removes_model_sentences_and_flags_template_ones() -> None:
    d = Draft(draft_id="d", thread_id="t", intent="cxr_report", request_text="x",
              evidence_ids=["cxr-1", "run:cxr"], citations=[_cit(1)],
              sections=[Section(name="Findings", sentences=[
                  Sentence(text="Supported.", evidence=["cxr-1"]),
                  Sentence(text="Made up.", evidence=[]),
                  Sentence(text="Fake citation [7].", evidence=["G7"]),
                  Sentence(text="Marker mismatch [1].", evidence=["cxr-1"]),
              ])])
    model_out, rep = check(d, model_written=True)
    assert [s.text for s in model_out.sections[0].sentences] == ["Supported."]
    assert len(rep.removed) == 3 and any("G7" in w for w in model_out.warnings)
    tmpl_out, rep2 = check(d, model_written=False)
    flags = [s.flagged for s in tmpl_out.sections[0].sentences]
    assert flags == [False, True, True, True] and rep2.flagged == 3


def test_answer_sentences_keep_markers_as_evidence() -> None:
    s = answer_sentences("Amoxicillin is first line [1]. Doxycycline is an alternative. "
                         "Macrolides only where resistance is low [2].", 2)
    assert [x.evidence for x in s] == [["G1"], ["G1"], ["G2"]]
    assert answer_sentences("Nothing cited [9].", 2)[0].evidence == []


def _toy_classifier() -> IntentClassifier:
    vocab = ["box", "where", "locate", "report", "read", "draft", "film"]

    def embed(texts):  # bag of words over a fixed vocabulary: deterministic and transparent
        return np.array([[t.lower().count(w) + 1e-3 for w in vocab] for t in texts], dtype=np.float32)

    ex = [LabelledRequest(text="where is it, draw a box", intent="localization"),
          LabelledRequest(text="locate the box", intent="localization"),
          LabelledRequest(text="read and report this film", intent="cxr_report"),
          LabelledRequest(text="draft a report", intent="cxr_report"),
          LabelledRequest(text="draft a ct report", intent="ct_mri_report")]
    return IntentClassifier(embed, ex, m=1)


@pytest.mark.parametrize("inputs,text,intent,skills", [
    (RouteInputs(kinds=["study", "prior"], study_modalities=["CR"], prior_modalities=["CR"]),
     "draw a box", "longitudinal", ["longitudinal", "guidelines"]),
    (RouteInputs(kinds=["study"], study_modalities=["CT"]), "where is it", "ct_mri_report",
     ["ct_mri", "guidelines"]),
    (RouteInputs(kinds=["study"], study_modalities=["CR"]), "where is it? box please",
     "localization", ["localization", "cxr", "guidelines"]),
    (RouteInputs(kinds=["study"], study_modalities=["CR"]), "read and report", "cxr_report",
     ["cxr", "guidelines"]),
    (RouteInputs(kinds=["study", "document"], study_modalities=["CR"]), "report",
     "cxr_report", ["cxr", "labs", "guidelines"]),
    (RouteInputs(kinds=[]), "which antibiotic", "guideline_qa", ["guidelines"]),
])
def test_router_inputs_first(inputs: RouteInputs, text: str, intent: str, skills: list[str]) -> None:
    r = route(text, inputs, _toy_classifier())
    assert r.intent == intent and r.skills == skills


def test_router_unreadable_study_is_unknown_with_warning() -> None:
    r = route("read this", RouteInputs(kinds=["study"], study_modalities=["OT"]), _toy_classifier())
    assert r.intent == "unknown" and r.warnings and "OT" in r.warnings[0]


def test_text_only_imaging_request_warns_about_missing_study() -> None:
    r = route("draft a report", RouteInputs(kinds=[]), _toy_classifier())
    assert r.intent == "guideline_qa"
    assert r.warnings and "needs" in r.warnings[0]


def test_signoff_edit_keeps_a_diff_and_reject_needs_reason() -> None:
    d = compose_template(thread_id="t", intent="cxr_report", request_text="x",
                         results={"cxr": _cxr()}, guideline=None, warnings=[])
    so = build_signoff(d, ReviewDecision(reviewer="Dr A", action="edit",
                                         edits={"Impression": "Mild cardiomegaly."}))
    assert so.status == "final"
    assert "-No acute process." in so.diffs["Impression"] and "+Mild cardiomegaly." in so.diffs["Impression"]
    assert [s.name for s in so.final_sections] == ["Findings", "Impression"]
    with pytest.raises(ValueError):
        ReviewDecision(reviewer="Dr A", action="reject")
    with pytest.raises(ValueError):
        ReviewDecision(reviewer="Dr A", action="edit", edits={"Impression": "  "})


def test_edit_file_formats(tmp_path: Path) -> None:
    md = tmp_path / "e.md"
    md.write_text("## Impression\nMild cardiomegaly.\n\n## Findings\nHeart enlarged.\n")
    assert read_edit_file(md) == {"Impression": "Mild cardiomegaly.", "Findings": "Heart enlarged."}
    js = tmp_path / "e.json"
    js.write_text('{"Impression": "Normal."}')
    assert read_edit_file(js) == {"Impression": "Normal."}
    empty = tmp_path / "empty.md"
    empty.write_text("  \n")
    with pytest.raises(InputError, match="empty"):
        read_edit_file(empty)
    bad = tmp_path / "bad.md"
    bad.write_text("## Conclusion\nx\n")
    with pytest.raises(InputError, match="unknown sections"):
        read_edit_file(bad)
