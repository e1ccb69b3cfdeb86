"""CT/MRI volume skill: a DICOM study in, up to 85 model-ready slices and a
draft with slice-level evidence out.

The series is chosen by rules (default: the CT or MR series with the most
images), ordered geometrically, sampled uniformly, and only the sampled
slices are decoded (see ``volume``). CT slices carry three HU windows as
RGB; MR slices a per-volume percentile window (see ``windowing``). Every
image is followed by its ``SLICE k`` label and the question comes last, so
the model can cite slices and each finding's evidence names them. Without a
model the preprocessing still runs and the result says plainly that no
findings were generated. Other series of the study that were not used, and
files that could not be read, are listed with the reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from pydantic import BaseModel, Field

from carepath.artifacts import ArtifactRef, ArtifactStore, default_store
from carepath.errors import InputError
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.models.registry import get_generator
from carepath.prompting import get_template
from carepath.tools.dicom import prepared_cache
from carepath.tools.dicom.series import Rule, Selection, parse_selection
from carepath.tools.dicom.study import Series, StudySet, open_studies
from carepath.tools.dicom.volume import (
    MAX_MODEL_SLICES,
    VolumeImages,
    plan_volume,
    render_volume,
    warm_pool_if_compressed,
)
from carepath.tools.findings_text import slice_refs, split_report
from carepath.tools.skill_io import NO_MODEL, PromptPlan, raw_output_evidence
from carepath.tools.spec import (
    PrepareRequest,
    Prepared,
    PrepareStep,
    SkillContext,
    SkillSpec,
    ToolArgs,
    ToolSpec,
)

SKILL = "ct_mri"
VOLUME_MODALITIES = frozenset({"CT", "MR"})


class VolumeInput(BaseModel):
    path: Path | list[Path] = Field(description="file, folder, DICOMDIR, zip, or a list of files")
    clinical_question: str | None = Field(None, max_length=4000)
    series: str | Selection | None = Field(
        None, description="series rules, e.g. 'modality=CT&orientation=axial' (default: the "
                          "CT/MR series with the most images)")
    max_slices: int = Field(MAX_MODEL_SLICES, ge=1, le=MAX_MODEL_SLICES)
    min_slices: int = Field(2, ge=1, description="fewer usable images than this is not a volume")
    workers: int | None = Field(None, ge=1, le=64)


class PreparedVolume(BaseModel):
    source: str
    study_instance_uid: str
    series_instance_uid: str
    modality: str
    images: list[ArtifactRef]
    prompt: PromptPlan
    record: dict[str, Any]
    warnings: list[str] = Field(default_factory=list)
    burned_in_annotation: bool = False


def choose_series(ss: StudySet, inp: VolumeInput) -> tuple[list[Series], list[str]]:
    """Candidates (best first) and one line per series not used, with why."""
    sel = inp.series if isinstance(inp.series, Selection) else (
        parse_selection(inp.series) if inp.series else Selection(any_of=[Rule()]))
    gate = Rule(modality=sorted(VOLUME_MODALITIES), min_slices=inp.min_slices)
    passed, rejected = sel.evaluate(ss.series)
    ok, notes = [], []
    for s in passed:
        why = gate.why_not(s)
        if why is None:
            ok.append(s)
        else:
            rejected[s.series_instance_uid] = why
    by_uid = {s.series_instance_uid: s for s in ss.series}
    for uid, why in rejected.items():
        s = by_uid[uid]
        first = s.instances[0].name if s.instances else "?"
        notes.append(f"{s.short()} not used (first file {first}): {why}")
    return ok, notes


def _prepare(inp: VolumeInput, store: ArtifactStore | None, *, png: bool,
             study_set: StudySet | None = None) -> tuple[PreparedVolume, VolumeImages]:
    if study_set is not None:
        return _prepare_from(study_set, inp, store or default_store(), png=png)
    warm_pool_if_compressed(inp.path)
    with open_studies(inp.path) as ss:
        return _prepare_from(ss, inp, store or default_store(), png=png)


def _prepare_from(ss: StudySet, inp: VolumeInput, store: ArtifactStore, *, png: bool
                  ) -> tuple[PreparedVolume, VolumeImages]:
    """``ss``'s files must exist for the duration (zip scratch)."""
    candidates, notes = choose_series(ss, inp)
    errors: list[str] = []
    vol: VolumeImages | None = None
    for s in candidates:
        try:
            plan = plan_volume(s, inp.max_slices, inp.min_slices)
            vol = render_volume(plan, "ct" if s.modality == "CT" else "mri", png=png,
                                workers=inp.workers)
            break
        except InputError as exc:
            errors.append(exc.one_line())
    if vol is None:
        detail = (errors + notes + ss.problems)[:6]
        raise InputError("no usable CT or MR series", subject=ss.source,
                         why="; ".join(detail) or "the input holds no CT/MR images",
                         fix="pass the whole series folder, pick a series with --series, or "
                             "accept single images with --min-slices 1")
    series = s
    notes = [f"{o.short()} also matched, not used (first file {o.instances[0].name}): the skill "
             "reads one series, the one with the most images; choose another with --series"
             for o in candidates if o is not series and not any(o.short() in e for e in errors)] + notes
    study = next(st for st in ss.studies if any(x is series for x in st.series))
    problems = ss.problems
    refs = [store.put_bytes(b, "image/png") for b in vol.pngs] if png else []
    n = len(vol.images)
    name = "ct_report" if series.modality == "CT" else "mri_report"
    prompt = get_template(name).render(
        n_slices=n, orientation=series.orientation if series.orientation != "unknown" else "ordered",
        body_part=series.body_part or None, description=series.description or None,
        clinical_question=inp.clinical_question)
    plan = PromptPlan.images_then_text(n, prompt, labels=[f"SLICE {k + 1}" for k in range(n)])
    record = vol.record() | {"study_instance_uid": study.study_instance_uid,
                             "series_description": series.description,
                             "other_series": notes, "unreadable_files": problems,
                             "series_errors": errors, "template_id": prompt.template_id}
    warnings = vol.plan.warnings + vol.problems + errors + notes + problems
    prep = PreparedVolume(source=ss.source, study_instance_uid=study.study_instance_uid,
                          series_instance_uid=series.series_instance_uid, modality=series.modality,
                          images=refs, prompt=plan, record=record, warnings=warnings,
                          burned_in_annotation=series.burned_in_annotation)
    return prep, vol


def prepare(inp: VolumeInput, store: ArtifactStore | None = None) -> PreparedVolume:
    """Preprocessing only: PNGs in the artifact store, the prompt, the record
    (reused from the prepared-input cache when the same files were prepared
    with the same parameters before)."""
    store = store or default_store()
    paths = inp.path if isinstance(inp.path, list) else [inp.path]
    key = prepared_cache.cache_key("ct_volume", paths, inp.model_dump(mode="json", exclude={"path", "workers"}))
    hit = prepared_cache.get(store, key, PreparedVolume)
    if hit is not None:
        return hit
    prep = _prepare(inp, store, png=True)[0]
    prepared_cache.put(store, key, prep)
    return prep


def prepare_in_memory(inp: VolumeInput) -> tuple[PreparedVolume, list[np.ndarray]]:
    """Model-ready uint8 (896, 896, 3) slices in memory, nothing written."""
    prep, vol = _prepare(inp, None, png=False)
    return prep, vol.images


def slice_evidence(prep: PreparedVolume, k: int) -> Evidence:
    m = prep.record["slice_map"][str(k)]
    detail = {"slice": k, "series_index": prep.record["slice_indices"][k],
              "series_instance_uid": prep.series_instance_uid,
              "sop_instance_uid": m["sop_instance_uid"]}
    if m.get("frame"):
        detail["frame"] = m["frame"]
    return Evidence(kind="slice", ref=f"slice:{k}",
                    artifact=prep.images[k] if k < len(prep.images) else None, detail=detail)


def run(inp: VolumeInput, store: ArtifactStore | None = None) -> SkillResult:
    store = store or default_store()
    prep = prepare(inp, store)
    hashes = {"model_image_" + str(k): r.sha256 for k, r in enumerate(prep.images)}
    base = dict(skill=SKILL, artifacts=prep.images, preprocessing=prep.record,
                warnings=prep.warnings, input_hashes=hashes, template_id=prep.prompt.template_id)
    gen = get_generator("imaging")
    if gen is None:
        return SkillResult(generated=False, not_generated_reason=NO_MODEL, **base)
    # The PNGs are lossless copies of the model-ready slices: reading them back
    # gives the model exactly what preparation made, cached or not.
    images = []
    for ref in prep.images:
        with Image.open(ref.path) as im:
            images.append(im.convert("RGB"))
    out = gen.generate(prep.prompt.request(images, burned_in_annotation=prep.burned_in_annotation))
    raw_ev, raw_ref = raw_output_evidence(SKILL, out.text, store)
    sentences, impression = split_report(out.text)
    n = len(prep.images)
    findings = []
    for i, sentence in enumerate(sentences, 1):
        text, cited = slice_refs(sentence, n)
        findings.append(Finding(id=f"ct-{i}" if prep.modality == "CT" else f"mr-{i}", text=text,
                                evidence=[slice_evidence(prep, k) for k in cited] + [raw_ev]))
    return SkillResult(generated=True, model=out.model, backend=out.backend, raw_text=out.text,
                       findings=findings, impression=impression,
                       **(base | {"artifacts": prep.images + [raw_ref]}))


# --- the skill in the graph, in prepare and as an agent tool ----------------------------

def run_in_graph(ctx: SkillContext) -> SkillResult:
    studies = ctx.paths("study")
    if not studies:
        return SkillResult(skill=SKILL, generated=False, not_generated_reason="no study was given")
    return run(VolumeInput(path=studies[0], clinical_question=ctx.text or None))


def why_not_prepared(series: Series, req: PrepareRequest) -> str | None:
    return Rule(modality=sorted(VOLUME_MODALITIES), min_slices=req.min_slices).why_not(series)


def prepare_step(req: PrepareRequest, store: ArtifactStore | None,
                 study_set: StudySet | None) -> Prepared:
    """One series as up to ``max_slices`` slices: from the prepared-input
    cache when no study is open yet (the skill's run then finds it), else
    read from the opened study without a second header pass."""
    inp = VolumeInput(path=req.path, clinical_question=req.clinical_question, series=req.series,
                      min_slices=req.min_slices, max_slices=min(req.max_slices, MAX_MODEL_SLICES),
                      workers=req.workers)
    prep = (prepare(inp, store) if study_set is None
            else _prepare(inp, store, png=True, study_set=study_set)[0])
    return Prepared(skill=SKILL, images=prep.images,
                    image_names=[f"slice_{k + 1:03d}.png" for k in range(len(prep.images))],
                    plan=prep.prompt, record=prep.record, warnings=prep.warnings)


class VolumeArgs(ToolArgs):
    path: str = Field(min_length=1, description="path to a file or folder on the carepath host: "
                                                "a CT/MR series folder, DICOMDIR or zip")
    question: str | None = Field(None, max_length=2000, description="clinical question or indication")
    series: str | None = Field(None, description="series rule, e.g. 'modality=CT&orientation=axial'")


def tool_call(a: VolumeArgs) -> dict[str, Any]:
    return run(VolumeInput(path=Path(a.path), clinical_question=a.question, series=a.series)).model_dump(
        mode="json", exclude_none=True)


SPEC = SkillSpec(
    name=SKILL, precedence=40, intent="ct_mri_report", inputs=frozenset({"study"}), modalities=VOLUME_MODALITIES,
    imaging=True, alongside=True, route_reason="cross-sectional series",
    needs="a CT or MR series (--study)", run=run_in_graph,
    prepare=PrepareStep(run=prepare_step, why_not=why_not_prepared, rank=0, series_rules=True),
    tool=ToolSpec(name="ct_mri_report", args=VolumeArgs, call=tool_call,
                  description="MedGemma 3D CT/MRI reading of one series (up to 85 slices; CT as three HU "
                              "windows); findings cite slice indices."),
)
