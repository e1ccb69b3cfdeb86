"""Longitudinal skill: a current radiograph against its prior.

The pair is either given explicitly (``current``/``prior``) or found in the
inputs by date: StudyDate, else AcquisitionDate, else ContentDate; the
latest is current and the one before it the prior. Both images go into one
prompt in time order (prior first), and each finding of the answer carries a
structured change: new, improved, stable, worsened or resolved. A line whose
change cannot be read is kept without one and flagged, never guessed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from PIL import Image
from pydantic import BaseModel, Field, model_validator

from carepath.artifacts import ArtifactStore, default_store
from carepath.errors import InputError
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.models.registry import get_generator
from carepath.prompting import get_template
from carepath.tools.cxr import PROJECTION_MODALITIES, CXRInput, PreparedCXR, image_evidence, prepare
from carepath.tools.dicom.study import StudySet, open_studies
from carepath.tools.findings_text import split_report
from carepath.tools.skill_io import NO_MODEL, PromptPlan, raw_output_evidence
from carepath.tools.spec import SkillContext, SkillSpec, ToolArgs, ToolSpec

SKILL = "longitudinal"
Change = Literal["new", "improved", "stable", "worsened", "resolved"]
CHANGES: tuple[str, ...] = ("new", "improved", "stable", "worsened", "resolved")
_SYNONYMS = {"unchanged": "stable", "increased": "worsened", "decreased": "improved",
             "progressed": "worsened", "progression": "worsened", "interval increase": "worsened",
             "interval decrease": "improved", "no longer seen": "resolved", "cleared": "resolved"}


class LongitudinalInput(BaseModel):
    current: Path | None = None
    prior: Path | None = None
    studies: list[Path] = Field(default_factory=list, description="inputs to pair by date")
    clinical_question: str | None = Field(None, max_length=4000)

    @model_validator(mode="after")
    def _enough(self) -> LongitudinalInput:
        if not ((self.current and self.prior) or self.studies):
            raise ValueError("give current and prior, or studies to pair by date")
        return self


class Pair(BaseModel):
    prior: Path
    current: Path
    prior_date: str | None = None
    current_date: str | None = None
    how: str


def _date(inst: Any) -> str:
    return inst.study_date or inst.acquisition_date or inst.content_date


def pair_by_date(ss: StudySet) -> tuple[Pair, list[str]]:
    """Latest radiograph = current, the latest one on an earlier date = prior
    (paths point into ``ss``'s files: use them while its scratch dir lives)."""
    found: list[tuple[str, str]] = []   # (date, path)
    problems = list(ss.problems)
    for s in ss.series:
        if s.modality not in PROJECTION_MODALITIES:
            continue
        for inst in s.instances:
            d = _date(inst)
            if not d:
                problems.append(f"{inst.name}: no StudyDate/AcquisitionDate/ContentDate; not paired")
                continue
            found.append((d, inst.path))
    dated = sorted(found)
    if not dated or len({d for d, _ in dated}) < 2:
        raise InputError("cannot pair a current and a prior radiograph", subject=ss.source,
                         why=f"{len(found)} dated radiograph(s) on {len({d for d, _ in found})} "
                             "date(s); two different dates are needed"
                             + (f" ({'; '.join(problems[:3])})" if problems else ""),
                         fix="pass --current and --prior explicitly")
    cur_date, cur = dated[-1]
    prior_date, prior = next((d, p) for d, p in reversed(dated) if d < cur_date)
    return (Pair(prior=Path(prior), current=Path(cur), prior_date=prior_date,
                 current_date=cur_date, how="by StudyDate/AcquisitionDate"), problems)


def parse_changes(text: str) -> tuple[list[tuple[str, Change | None]], str | None, list[str]]:
    """(finding, change) per Findings line, the impression, and warnings."""
    lines, impression = split_report(text)
    out: list[tuple[str, Change | None]] = []
    warnings: list[str] = []
    for line in lines:
        m = re.match(r"^\W*(new|improved|stable|worsened|resolved)\s*[:\-–—]\s*(.+)$", line, re.I)
        if m:
            out.append((m.group(2).strip(), m.group(1).lower()))  # type: ignore[arg-type]
            continue
        low = line.lower()
        hit = next((c for c in CHANGES if re.search(rf"\b{c}\b", low)), None) or next(
            (v for k, v in _SYNONYMS.items() if k in low), None)
        if hit is None:
            warnings.append(f"no change category in finding: {line[:80]!r}")
        out.append((line, hit))  # type: ignore[arg-type]
    return out, impression, warnings


def run(inp: LongitudinalInput, store: ArtifactStore | None = None) -> SkillResult:
    store = store or default_store()
    warnings: list[str] = []
    if inp.current and inp.prior:
        cur = prepare(CXRInput(path=inp.current), store)
        pri = prepare(CXRInput(path=inp.prior), store)
        how = "explicit current/prior"
        if cur.study_date and pri.study_date and pri.study_date > cur.study_date:
            warnings.append(f"the prior ({pri.study_date}) is dated after the current "
                            f"({cur.study_date}); kept as given")
    else:
        with open_studies(inp.studies) as ss:  # zips: the scratch copy must outlive the reads
            pair, problems = pair_by_date(ss)
            cur = prepare(CXRInput(path=pair.current), store)
            pri = prepare(CXRInput(path=pair.prior), store)
        warnings += problems
        how = pair.how
    prompt = get_template("longitudinal").render(
        modality_name="chest X-ray", prior_date=_iso(pri.study_date), current_date=_iso(cur.study_date),
        clinical_question=inp.clinical_question)
    plan = PromptPlan.images_then_text(2, prompt, labels=[
        f"PRIOR ({_iso(pri.study_date) or 'date unknown'})",
        f"CURRENT ({_iso(cur.study_date) or 'date unknown'})"])
    record = {"pairing": how, "prior": pri.record() | {"date": pri.study_date},
              "current": cur.record() | {"date": cur.study_date}, "order": ["prior", "current"]}
    base = dict(skill=SKILL, preprocessing=record, template_id=plan.template_id,
                input_hashes={"prior_image": pri.image.sha256, "current_image": cur.image.sha256})
    gen = get_generator("imaging")
    if gen is None:
        return SkillResult(generated=False, not_generated_reason=NO_MODEL,
                           artifacts=[pri.image, cur.image], warnings=warnings, **base)
    images = []
    for prep in (pri, cur):
        with Image.open(prep.image.path) as im:
            images.append(im.convert("RGB"))
    out = gen.generate(plan.request(
        images, burned_in_annotation=pri.burned_in_annotation or cur.burned_in_annotation))
    raw_ev, raw_ref = raw_output_evidence(SKILL, out.text, store)
    parsed, impression, parse_warnings = parse_changes(out.text)
    findings = [Finding(id=f"chg-{i}", text=text, change=change,
                        evidence=[_role(image_evidence(pri), "prior", pri),
                                  _role(image_evidence(cur), "current", cur), raw_ev])
                for i, (text, change) in enumerate(parsed, 1)]
    return SkillResult(generated=True, model=out.model, backend=out.backend, raw_text=out.text,
                       findings=findings, impression=impression,
                       artifacts=[pri.image, cur.image, raw_ref],
                       warnings=warnings + parse_warnings, **base)


def _role(ev: Evidence, role: str, prep: PreparedCXR) -> Evidence:
    ev.detail = ev.detail | {"role": role, "date": prep.study_date}
    ev.ref = f"{role}:{ev.ref}"
    return ev


def _iso(d: str | None) -> str | None:
    return f"{d[:4]}-{d[4:6]}-{d[6:8]}" if d and len(d) >= 8 and d[:8].isdigit() else d


# --- the skill in the graph and as an agent tool -------------------------------------------

def run_in_graph(ctx: SkillContext) -> SkillResult:
    current, prior = ctx.paths("study"), ctx.paths("prior")
    if not (current and prior):
        return SkillResult(skill=SKILL, generated=False,
                           not_generated_reason="a current and a prior study are needed")
    return run(LongitudinalInput(current=current[0], prior=prior[0], clinical_question=ctx.text or None))


class CompareArgs(ToolArgs):
    current: str = Field(min_length=1, description="path to a file or folder on the carepath host: "
                                                   "the current chest X-ray")
    prior: str = Field(min_length=1, description="path to a file or folder on the carepath host: "
                                                 "the prior chest X-ray")
    question: str | None = Field(None, max_length=2000, description="clinical question")


def tool_call(a: CompareArgs) -> dict[str, Any]:
    return run(LongitudinalInput(current=Path(a.current), prior=Path(a.prior),
                                 clinical_question=a.question)).model_dump(mode="json", exclude_none=True)


SPEC = SkillSpec(
    name=SKILL, precedence=50, intent="longitudinal", inputs=frozenset({"study"}), requires=frozenset({"prior"}),
    modalities=PROJECTION_MODALITIES, imaging=True, exclusive=True,
    route_reason="a current and a prior radiograph", needs="a current and a prior study",
    run=run_in_graph,
    tool=ToolSpec(name="compare_with_prior", args=CompareArgs, call=tool_call,
                  description="Current vs prior chest X-ray: per-finding change "
                              "(new/improved/stable/worsened/resolved)."),
)
