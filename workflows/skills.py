"""Adapters from the graph to the skills in ``carepath.tools`` and
``carepath.knowledge``: each takes a ``SkillContext`` (references only) and
returns a ``SkillResult``. The graph never imports a skill module directly, so
swapping or faking a skill is one dict entry."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, Field

from carepath.draft import Citation, Sentence
from carepath.evidence import SkillResult
from carepath.workflows.request import InputRef


class SkillContext(BaseModel):
    thread_id: str
    text: str
    intent: str
    inputs: list[InputRef] = Field(default_factory=list)
    study_modalities: dict[str, list[str]] = Field(default_factory=dict)

    def paths(self, kind: str) -> list[Path]:
        return [Path(i.path) for i in self.inputs if i.kind == kind]


def study_modalities(ref: InputRef) -> tuple[list[str], list[str]]:
    """Modalities in a study input, read from headers only (no pixels)."""
    from carepath.tools.dicom.study import probe_modalities

    return probe_modalities(Path(ref.path))


# --- guidelines -------------------------------------------------------------

_MARK = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def answer_sentences(answer: str, n_citations: int) -> list[Sentence]:
    """Split an answer into sentences, each keeping the ``[n]`` markers it
    carries as evidence ``G<n>``; a sentence without a marker inherits the
    marker of the sentence it follows (extractive answers mark each passage
    once), and the evidence check flags anything still unsupported."""
    out: list[Sentence] = []
    last: list[str] = []
    for raw in _SENT.split(answer.strip()):
        if not raw.strip():
            continue
        nums = [int(x) for m in _MARK.findall(raw) for x in m.split(",")]
        ev = [f"G{n}" for n in nums if 1 <= n <= n_citations] or last
        out.append(Sentence(text=raw.strip(), evidence=list(ev)))
        last = ev
    return out


def guidelines(ctx: SkillContext) -> SkillResult:
    from carepath.knowledge.answer import answer

    question = ctx.text.strip()
    if not question:
        return SkillResult(skill="guidelines", generated=False,
                           not_generated_reason="no question text to search guidelines with")
    ans = answer(question)
    citations = [Citation.model_validate(c.model_dump() if hasattr(c, "model_dump") else c)
                 for c in ans.citations]
    sentences = [] if ans.abstained else answer_sentences(ans.answer, len(citations))
    near = [getattr(n, "title", str(n)) for n in getattr(ans, "near_misses", [])]
    ge = {"sentences": [s.model_dump() for s in sentences],
          "citations": [c.model_dump(mode="json") for c in citations],
          "abstained": ans.abstained, "near_misses": near}
    # Citations are the evidence (ids G<n>); no separate findings are made.
    return SkillResult(skill="guidelines", generated=True, model=getattr(ans, "model", None),
                       backend=getattr(ans, "backend", None) or "extractive",
                       template_id=getattr(ans, "template_id", None),
                       raw_text=ans.answer,
                       preprocessing={"guideline": ge})


# --- imaging ----------------------------------------------------------------

def cxr(ctx: SkillContext) -> SkillResult:
    from carepath.tools.cxr import CXRInput, run

    studies = ctx.paths("study")
    if not studies:
        return SkillResult(skill="cxr", generated=False, not_generated_reason="no study was given")
    return run(CXRInput(path=studies[0], clinical_question=ctx.text or None))


def ct_mri(ctx: SkillContext) -> SkillResult:
    from carepath.tools.ct_volume import VolumeInput, run

    studies = ctx.paths("study")
    if not studies:
        return SkillResult(skill="ct_mri", generated=False, not_generated_reason="no study was given")
    return run(VolumeInput(path=studies[0], clinical_question=ctx.text or None))


def localization(ctx: SkillContext) -> SkillResult:
    from carepath.tools.localization import LocalizationInput, run

    studies = ctx.paths("study")
    if not studies:
        return SkillResult(skill="localization", generated=False,
                           not_generated_reason="no study was given")
    return run(LocalizationInput(path=studies[0], clinical_question=ctx.text or None))


def longitudinal(ctx: SkillContext) -> SkillResult:
    from carepath.tools.longitudinal import LongitudinalInput, run

    current, prior = ctx.paths("study"), ctx.paths("prior")
    if not (current and prior):
        return SkillResult(skill="longitudinal", generated=False,
                           not_generated_reason="a current and a prior study are needed")
    return run(LongitudinalInput(current=current[0], prior=prior[0],
                                 clinical_question=ctx.text or None))


# --- documents and slides -------------------------------------------------------

def labs(ctx: SkillContext) -> SkillResult:
    from carepath.tools.labs import LabInput, run

    docs = ctx.paths("document")
    if not docs:
        return SkillResult(skill="labs", generated=False, not_generated_reason="no lab report was given")
    return run(LabInput(path=docs[0]))


def ehr(ctx: SkillContext) -> SkillResult:
    from carepath.tools.ehr import EHRInput, run

    src = next((i.path for i in ctx.inputs if i.kind == "fhir"), None)
    if src is None or not ctx.text.strip():
        return SkillResult(skill="ehr", generated=False,
                           not_generated_reason="a FHIR record and a question are needed")
    return run(EHRInput(source=src, question=ctx.text[:2000]))


def pathology(ctx: SkillContext) -> SkillResult:
    from carepath.tools.pathology import PathologyInput, run

    slides = ctx.paths("slide")
    if not slides:
        return SkillResult(skill="pathology", generated=False, not_generated_reason="no slide was given")
    return run(PathologyInput(path=slides[0], clinical_question=ctx.text or None))


SKILLS: dict[str, Callable[[SkillContext], SkillResult]] = {
    "guidelines": guidelines,
    "cxr": cxr,
    "ct_mri": ct_mri,
    "localization": localization,
    "longitudinal": longitudinal,
    "pathology": pathology,
    "labs": labs,
    "ehr": ehr,
}
