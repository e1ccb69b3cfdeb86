"""EHR question answering over one patient's FHIR R4 record.

The answer is built deterministically from the whole record by
``carepath.tools.records`` (labs, vitals, social history, conditions,
medications, immunizations, procedures, visits, allergies, reports, care
plans, devices, imaging, demographics; latest, first, highest/lowest, count,
trend, "ever", dates) and every fact cites the ``ResourceType/id`` it came
from; "not in this record" is an answer. The question is only matched
against vocabulary; it is data, never instructions. With a text model configured the EHR
Navigator runs (records.navigator: manifest → select → fetch → answer citing
``[Type/id]``); its answer is kept only sentence by sentence, each citing
fetched ids that support it, and the deterministic answer always stands.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from carepath.artifacts import ArtifactStore, default_store
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.models.registry import get_generator
from carepath.tools.skill_io import raw_output_evidence
from carepath.tools.records import answer as records_answer
from carepath.tools.records import manifest, navigator
from carepath.tools.sources.fhir_bundle import FhirRecord, load
from carepath.tools.spec import SkillContext, SkillSpec, ToolArgs, ToolSpec

SKILL = "ehr"
Intent = str  # lab_<shape>, medications, conditions, encounters, immunizations, procedures, ... (records.answer)



class EHRInput(BaseModel):
    source: str = Field(description="FHIR R4 Bundle JSON path, or a FHIR server URL ([base] or [base]/Patient/<id>)")
    question: str = Field(min_length=1, max_length=2000)
    use_model: bool = True
    max_facts: int = Field(20, ge=1, le=200)


class EHRFact(BaseModel):
    ref: str = Field(description="ResourceType/id")
    kind: str = Field(description="lab, vital, social-history, medication, condition, encounter, immunization, ...")
    text: str
    date: str | None = None
    value: float | None = None
    unit: str | None = None
    code: str | None = None


class EHRAnswer(BaseModel):
    question: str
    source: str
    intents: list[Intent]
    answer: str
    facts: list[EHRFact]
    resource_ids: list[str]
    summary: str | None = None
    summary_resource_ids: list[str] = Field(default_factory=list)
    dropped_sentences: list[str] = Field(default_factory=list, description="model sentences dropped, with why")
    generated: bool = False
    not_generated_reason: str | None = None
    model: str | None = None
    backend: str | None = None
    template_id: str | None = None
    warnings: list[str] = Field(default_factory=list)


# --- answering: the whole-record engine in carepath.tools.records ----------------------------

def answer_record(record: FhirRecord, inp: EHRInput) -> EHRAnswer:
    """The deterministic answer (no model): manifest of the record → shape and
    targets of the question → facts citing ``Type/id``; "not in this record"
    when the question names something the record does not hold."""
    rec = records_answer.answer(record, manifest.build(record), inp.question, limit=inp.max_facts)
    facts = [EHRFact(**f.model_dump()) for f in rec.facts]
    return EHRAnswer(question=inp.question, source=record.source, intents=rec.intents, answer=rec.text,
                     facts=facts, resource_ids=rec.resource_ids, warnings=list(record.warnings))


_CITED = re.compile(r"\[([A-Za-z]+/[A-Za-z0-9\-.]{1,64})\]")


def _summarise(ans: EHRAnswer, record: FhirRecord) -> None:
    """With a text model: the EHR Navigator (manifest → select → fetch → cited
    answer, every sentence checked; carepath.tools.records.navigator). Its
    answer becomes the summary only when a sentence survives; the
    deterministic answer always stands as ``answer``."""
    gen = get_generator("text")
    if gen is None:
        ans.not_generated_reason = ("no MedGemma model is configured; the answer was built from the "
                                    "record without a model summary")
        return
    nav = navigator.navigate(record, manifest.build(record), ans.question, gen)
    ans.generated, ans.model, ans.backend = bool(nav.template_ids), nav.model, nav.backend
    ans.template_id = nav.template_ids[-1] if nav.template_ids else None
    ans.summary = nav.raw_texts[-1] if nav.raw_texts else None
    ans.summary = nav.answer if nav.answer is not None else ans.summary
    ans.summary_resource_ids, ans.dropped_sentences = nav.cited, nav.dropped_sentences
    ans.warnings += nav.warnings


def answer(inp: EHRInput, store: ArtifactStore | None = None) -> EHRAnswer:
    record = load(inp.source)
    ans = answer_record(record, inp)
    if inp.use_model:
        _summarise(ans, record)
    elif ans.facts:
        ans.not_generated_reason = "model use was turned off"
    return ans


def run(inp: EHRInput, store: ArtifactStore | None = None) -> SkillResult:
    """One finding per retrieved fact (each citing its FHIR resource), plus
    the model summary when it cited retrieved resources."""
    store = store or default_store()
    ans = answer(inp, store)
    findings = [Finding(id=f"ehr-{i}", text=f.text, label=f.kind,
                        evidence=[Evidence(kind="fhir_resource", ref=f.ref,
                                           detail=f.model_dump(exclude_none=True, exclude={"text"}))])
                for i, f in enumerate(ans.facts, 1)]
    artifacts = []
    if ans.summary is not None:
        raw_ev, raw_ref = raw_output_evidence(SKILL, ans.summary, store)
        artifacts.append(raw_ref)
        if ans.summary_resource_ids:
            findings.append(Finding(id="ehr-summary", text=_CITED.sub("", ans.summary).strip(), label="summary",
                                    evidence=[*(Evidence(kind="fhir_resource", ref=r)
                                                for r in ans.summary_resource_ids), raw_ev]))
    source = ans.source if not Path(inp.source).exists() else Path(inp.source).name
    return SkillResult(
        skill=SKILL, generated=ans.generated, not_generated_reason=ans.not_generated_reason,
        model=ans.model, backend=ans.backend, template_id=ans.template_id, raw_text=ans.summary,
        findings=findings, impression=ans.answer, artifacts=artifacts,
        preprocessing={"source": source, "intents": ans.intents, "resource_ids": ans.resource_ids},
        warnings=ans.warnings)


# --- the skill in the graph and as an agent tool -------------------------------------------

def run_in_graph(ctx: SkillContext) -> SkillResult:
    src = next((i.path for i in ctx.inputs if i.kind == "fhir"), None)
    if src is None or not ctx.text.strip():
        return SkillResult(skill=SKILL, generated=False,
                           not_generated_reason="a FHIR record and a question are needed")
    return run(EHRInput(source=src, question=ctx.text[:2000]))


class EHRArgs(ToolArgs):
    source: str = Field(min_length=1, description="FHIR R4 bundle path, or a FHIR server base URL")
    question: str = Field(min_length=1, max_length=2000, description="question about the record")


def tool_call(a: EHRArgs) -> dict[str, Any]:
    return answer(EHRInput(source=a.source, question=a.question)).model_dump(mode="json", exclude_none=True)


SPEC = SkillSpec(
    name=SKILL, precedence=80, intent="ehr_qa", inputs=frozenset({"fhir"}), alongside=True,
    route_reason="a FHIR record was given", needs="a FHIR bundle or server (--fhir)", run=run_in_graph,
    tool=ToolSpec(name="ehr_question", args=EHRArgs, call=tool_call,
                  description="Answer a question over a FHIR R4 record; the answer cites the FHIR "
                              "resource ids."),
)
