"""Composes the draft from skill results and guideline citations.

Offline default: a deterministic template — every sentence is a skill
finding, an impression, a guideline answer sentence or a plain limitation,
and carries the ids of the evidence it came from. With a text model
configured, the model rewrites the prose under the same evidence list; its
output is parsed strictly and then goes through the evidence check, and any
failure falls back to the template (with a warning), never to unchecked text.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable

from pydantic import BaseModel, Field, ValidationError

from carepath.draft import Citation, Draft, Intent, ModelUse, Section, SectionName, Sentence
from carepath.errors import CarepathError
from carepath.evidence import SkillResult
from carepath.models.registry import get_generator
from carepath.models.vlm import GenerationRequest, TextPart
from carepath.prompting import get_template

class GuidelineEvidence(BaseModel):
    """The guideline skill's contribution: answer sentences already tied to
    citation ids, the citations themselves, and whether it abstained."""

    sentences: list[Sentence] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    abstained: bool = False
    near_misses: list[str] = Field(default_factory=list)
    # The guideline question asked alongside a study ("CXR for cough; which
    # antibiotic for CAP?"); None when the request asked none.
    question: str | None = None


def run_id(skill: str) -> str:
    """Evidence id of a skill run record (what it processed, why no findings)."""
    return f"run:{skill}"


def evidence_ids(results: dict[str, SkillResult], guideline: GuidelineEvidence | None) -> list[str]:
    ids: list[str] = []
    for name, r in results.items():
        ids.append(run_id(name))
        ids += [f.id for f in r.findings]
    if guideline:
        ids += [c.evidence_id for c in guideline.citations]
    return ids


def compose_template(*, thread_id: str, intent: Intent, request_text: str,
                     results: dict[str, SkillResult], guideline: GuidelineEvidence | None,
                     warnings: list[str]) -> Draft:
    sections: dict[SectionName, list[Sentence]] = {}

    def add(name: SectionName, text: str, evidence: list[str]) -> None:
        sections.setdefault(name, []).append(Sentence(text=text, evidence=evidence))

    for name, r in results.items():
        if name == "guidelines":
            if not r.generated:
                add("Limitations", f"Guidelines were not searched: "
                    f"{(r.not_generated_reason or 'unavailable').rstrip('.')}.", [run_id(name)])
            for w in r.warnings:
                add("Limitations", w, [run_id(name)])
            continue
        target: SectionName = "Answer" if name == "ehr" else "Findings"
        if not r.generated and not r.findings:
            add("Limitations", _not_generated(name, r), [run_id(name)])
        for f in r.findings:
            text = f.text if f.change is None else f"{f.text} ({f.change})"
            add(target, text, [f.id])
        if r.impression and r.findings:
            add("Impression", r.impression, [f.id for f in r.findings])
        for w in r.warnings:
            add("Limitations", w, [run_id(name)])

    if guideline is not None:
        if intent == "guideline_qa":
            if guideline.abstained or not guideline.sentences:
                add("Answer", "No supporting guideline passage was found for this question; "
                    "the closest passages are listed as not a match.", [run_id("guidelines")])
            for s in guideline.sentences:
                sections.setdefault("Answer", []).append(s)
        elif guideline.question:
            _add_asked_answer(add, guideline)
        elif not guideline.abstained and any(r.findings for n, r in results.items()
                                             if n != "guidelines"):
            # Guidance is only attached to a report that has findings to attach it to;
            # matched on the request wording alone it would be noise.
            for c in guideline.citations[:3]:
                source = " ".join(str(x) for x in (c.organization, c.year) if x) or c.guideline_id
                add("Recommendations", f"Relevant guidance: {source}, {c.heading}.", [c.evidence_id])

    order: list[SectionName] = ["Answer", "Findings", "Impression", "Recommendations", "Limitations"]
    built = [Section(name=n, sentences=sections[n]) for n in order if n in sections]
    models = [ModelUse(role=n, backend=r.backend, model=r.model) for n, r in results.items()
              if r.model and r.backend]
    templates = sorted({r.template_id for r in results.values() if r.template_id})
    return Draft(
        draft_id=uuid.uuid4().hex, thread_id=thread_id, intent=intent, request_text=request_text,
        sections=built, citations=guideline.citations if guideline else [],
        evidence_ids=evidence_ids(results, guideline), warnings=list(warnings),
        models=models, prompt_templates=templates,
    )


def _add_asked_answer(add: Callable[[SectionName, str, list[str]], None],
                      guideline: GuidelineEvidence) -> None:
    """A question asked with a study is answered in Recommendations whether or
    not imaging findings were generated: the answer stands on its citations."""
    if guideline.abstained or not guideline.sentences:
        add("Recommendations", f"No supporting guideline passage was found for the question "
            f"asked ({guideline.question.rstrip('?. ')}).", [run_id("guidelines")])
        return
    for s in guideline.sentences:
        add("Recommendations", s.text, list(s.evidence))


def _not_generated(skill: str, r: SkillResult) -> str:
    what = {"guidelines": "Guideline answer", "labs": "Lab extraction", "ehr": "Record summary"}.get(
        skill, "Imaging findings")
    reason = r.not_generated_reason or "no model is configured"
    return f"{what} ({skill}) were not generated by a model: {reason.rstrip('.')}."


class _ModelSection(BaseModel):
    name: SectionName
    sentences: list[Sentence]


class _ModelDraft(BaseModel):
    sections: list[_ModelSection]


_JSON = re.compile(r"\{.*\}", re.S)


def compose_with_model(template_draft: Draft, results: dict[str, SkillResult],
                       guideline: GuidelineEvidence | None) -> tuple[Draft, list[str]]:
    """Let the configured text model rewrite the prose over the same evidence.
    Returns the template draft unchanged (plus a warning) on any failure."""
    gen = get_generator("text")
    if gen is None:
        return template_draft, []
    items = [{"id": i, "text": t} for i, t in evidence_texts(results, guideline).items()]
    prompt = get_template("compose_report").render(
        intent=template_draft.intent, evidence=items,
        template_json=json.dumps({"sections": [s.model_dump(include={"name", "sentences"})
                                               for s in template_draft.sections]}, indent=1))
    try:
        out = gen.generate(GenerationRequest(content=[TextPart(text=prompt.text)],
                                             template_id=prompt.template_id))
        m = _JSON.search(out.text)
        parsed = _ModelDraft.model_validate_json(m.group(0) if m else out.text)
    except CarepathError as exc:
        # e.g. the evidence list is longer than the model's context: the
        # template draft stands, and the reviewer is told why.
        return template_draft, [f"The model could not rewrite the draft ({exc.what}); "
                                "the evidence-only template draft is shown instead."]
    except (ValidationError, ValueError, json.JSONDecodeError) as exc:
        return template_draft, [f"The model's draft could not be parsed ({type(exc).__name__}); "
                                "the evidence-only template draft is shown instead."]
    sections = [Section(name=s.name, sentences=s.sentences) for s in parsed.sections]
    draft = template_draft.model_copy(update={
        "sections": sections,
        "models": [*template_draft.models, ModelUse(role="composer", backend=out.backend, model=out.model)],
        "prompt_templates": sorted({*template_draft.prompt_templates, prompt.template_id}),
    })
    return draft, []


def evidence_texts(results: dict[str, SkillResult], guideline: GuidelineEvidence | None, *,
                   with_impressions: bool = False) -> dict[str, str]:
    """The text of each evidence id: what the text model is shown and what the
    evidence check holds each cited sentence to (one function, so the model is
    judged on exactly what it was given).

    Run records (``run:<skill>``) say what the run did and why nothing came
    out — never a finding. ``with_impressions`` adds a skill's own impression
    to each of its findings' texts: the template's Impression sentence cites
    the findings it summarises, and the summary may name what no single
    finding line does ("3 result(s)", "pneumonia"); the prompt already shows
    it once in the template draft."""
    out: dict[str, str] = {}
    for name, r in results.items():
        out[run_id(name)] = _run_text(name, r, guideline if name == "guidelines" else None)
        extra = f" (impression of this {name} read: {r.impression})" if with_impressions and r.impression else ""
        out.update({f.id: (f.text if f.change is None else f"{f.text} ({f.change})") + extra
                    for f in r.findings})
    if guideline:
        for c in guideline.citations:
            source = " ".join(str(x) for x in (c.organization, c.year) if x) or c.guideline_id
            out[c.evidence_id] = f"{source}: {c.title} — {c.heading}: {c.quote}"
    return out


def _run_text(name: str, r: SkillResult, guideline: GuidelineEvidence | None) -> str:
    """A run record as text: generated or not and why, its warnings, and for the
    guideline run the question asked and whether it abstained."""
    parts = [f"{name} run; generated={r.generated}"]
    if not r.generated:
        parts.append(_not_generated(name, r))
    parts += r.warnings
    if guideline is not None:
        if guideline.question:
            parts.append(f"question asked: {guideline.question}")
        if guideline.abstained or not guideline.sentences:
            parts.append("no supporting guideline passage was found")
    return "; ".join(parts)
