"""Instant in-process skills for graph-wiring tests and the orchestration
overhead benchmark. They return well-formed SkillResults with evidence, so the
composer, evidence check, sign-off and checkpointers run for real."""

from __future__ import annotations

import numpy as np

from carepath.agents.intent import IntentClassifier, LabelledRequest
from carepath.draft import Citation
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.workflows.skills import SkillContext


def fake_guidelines(ctx: SkillContext) -> SkillResult:
    c = Citation(n=1, guideline_id="ats_idsa_cap_2019", title="CAP guideline", organization="ATS/IDSA",
                 year=2019, section="outpatient", heading="Outpatient > Healthy adults",
                 quote="amoxicillin 1 g three times daily", start=10, end=44)
    ge = {"sentences": [{"text": "Amoxicillin is recommended [1].", "evidence": ["G1"]}],
          "citations": [c.model_dump(mode="json")], "abstained": False, "near_misses": []}
    return SkillResult(skill="guidelines", generated=True, backend="extractive",
                       raw_text="Amoxicillin is recommended [1].", preprocessing={"guideline": ge})


def fake_cxr(ctx: SkillContext) -> SkillResult:
    f = Finding(id="cxr-1", text="The lungs are clear.", evidence=[Evidence(kind="image", ref="image:0")])
    return SkillResult(skill="cxr", generated=True, model="fake", backend="fake", findings=[f],
                       impression="No acute cardiopulmonary process.")


FAKE_SKILLS = {"guidelines": fake_guidelines, "cxr": fake_cxr}


def toy_classifier() -> IntentClassifier:
    vocab = ["antibiotic", "pneumonia", "guideline", "report", "film", "box", "where"]

    def embed(texts):
        return np.array([[t.lower().count(w) + 1e-3 for w in vocab] for t in texts], dtype=np.float32)

    return IntentClassifier(embed, [
        LabelledRequest(text="which antibiotic for pneumonia per guideline", intent="guideline_qa"),
        LabelledRequest(text="report this film", intent="cxr_report"),
        LabelledRequest(text="where is it, box", intent="localization"),
    ], m=1)
