"""Pathology skill: a whole-slide image in, tissue patches and a draft
histology description out.

Tissue detection and patch sampling (``slide``) always run and need no
model; each patch is stored as a PNG artifact and cited by level, level-0
x/y and size. MedGemma, when configured, sees the patches (each labelled
``PATCH k``) before the question; a finding that names patches cites those,
otherwise all of them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PIL import Image
from pydantic import BaseModel, Field

from carepath.artifacts import ArtifactRef, ArtifactStore, default_store, sha256_file
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.models.registry import get_generator
from carepath.prompting import get_template
from carepath.tools.dicom.windowing import png_bytes
from carepath.tools.findings_text import split_report
from carepath.tools.skill_io import PromptPlan, raw_output_evidence
from carepath.tools.sources import slide as wsi
from carepath.tools.spec import SkillContext, SkillSpec, ToolArgs, ToolSpec

SKILL = "pathology"
NO_MODEL = ("no MedGemma model is configured or found (set CAREPATH_IMAGING__MODEL to the weights, "
            "or CAREPATH_IMAGING__BACKEND=openai with a server); tissue patches were sampled, "
            "findings were not generated")
_PATCH_REF = re.compile(r"\bpatch(?:es)?\s*((?:\d+\s*(?:,|and|&)?\s*)+)", re.I)


class PathologyInput(BaseModel):
    path: Path
    max_patches: int = Field(8, ge=1, le=64)
    magnification: float | None = Field(20.0, gt=0, le=100, description="None = full resolution")
    patch_size: int = Field(448, ge=16, le=2048, description="model-ready patch side in pixels")
    min_tissue: float = Field(0.5, ge=0, le=1)
    clinical_question: str | None = Field(None, max_length=4000)


class Patch(wsi.PatchSpec):
    image: ArtifactRef


class PreparedSlide(BaseModel):
    slide: wsi.SlideInfo
    tissue_threshold: float
    tissue_fraction: float
    mask: ArtifactRef
    patches: list[Patch]
    warnings: list[str] = Field(default_factory=list)

    def record(self) -> dict[str, Any]:
        return {"slide": self.slide.model_dump(), "tissue": {
                    "method": "Otsu on HSV saturation, lowest-resolution level",
                    "threshold": self.tissue_threshold, "fraction": round(self.tissue_fraction, 4),
                    "mask_sha256": self.mask.sha256},
                "patches": [p.model_dump(exclude={"image"}) | {"sha256": p.image.sha256} for p in self.patches]}


def prepare(inp: PathologyInput, store: ArtifactStore | None = None) -> PreparedSlide:
    store = store or default_store()
    warnings: list[str] = []
    with wsi.open_slide(inp.path) as sl:
        si = wsi.info(sl, inp.path)
        tm = wsi.tissue_mask(sl, inp.path)
        mask_ref = store.put_bytes(png_bytes(Image.fromarray((tm.mask * 255).astype("uint8"))), "image/png")
        specs = wsi.plan_patches(si, sl, tm, n=inp.max_patches, out_size=inp.patch_size,
                                 magnification=inp.magnification, min_tissue=inp.min_tissue,
                                 warnings=warnings)
        patches = [Patch(**s.model_dump(), image=store.put_bytes(png_bytes(wsi.read_patch(sl, inp.path, s)),
                                                                 "image/png"))
                   for s in specs]
    return PreparedSlide(slide=si, tissue_threshold=tm.threshold, tissue_fraction=tm.fraction,
                         mask=mask_ref, patches=patches, warnings=warnings)


def patch_evidence(p: Patch) -> Evidence:
    return Evidence(kind="patch", ref=f"patch:{p.index}:L{p.level}:{p.x},{p.y}:{p.size}", artifact=p.image,
                    detail={"level": p.level, "x": p.x, "y": p.y, "size": p.size,
                            "read_size": p.read_size, "tissue_fraction": p.tissue_fraction,
                            "magnification": p.magnification})


def prompt_plan(inp: PathologyInput, n: int, magnification: float | None) -> PromptPlan:
    prompt = get_template("pathology").render(n_patches=n, magnification=(
        f"{magnification:g}" if magnification else None), clinical_question=inp.clinical_question)
    return PromptPlan.images_then_text(n, prompt, labels=[f"PATCH {i}" for i in range(1, n + 1)])


def cited_patches(sentence: str, n: int) -> list[int]:
    nums: list[int] = []
    for m in _PATCH_REF.finditer(sentence):
        nums += [int(x) for x in re.findall(r"\d+", m.group(1)) if 1 <= int(x) <= n]
    return list(dict.fromkeys(nums))


def run(inp: PathologyInput, store: ArtifactStore | None = None) -> SkillResult:
    store = store or default_store()
    prep = prepare(inp, store)
    src = inp.path if inp.path.is_file() else None
    hashes = {"source": sha256_file(src)} if src else {}
    hashes |= {f"patch_{p.index}": p.image.sha256 for p in prep.patches}
    mag = prep.patches[0].magnification if prep.patches else None
    plan = prompt_plan(inp, len(prep.patches), mag)
    base: dict[str, Any] = dict(skill=SKILL, preprocessing=prep.record(), input_hashes=hashes,
                                warnings=prep.warnings, template_id=plan.template_id)
    artifacts = [prep.mask, *(p.image for p in prep.patches)]
    if not prep.patches:
        return SkillResult(generated=False, not_generated_reason="no tissue patches could be sampled",
                           artifacts=artifacts, **base)
    gen = get_generator("imaging")
    if gen is None:
        return SkillResult(generated=False, not_generated_reason=NO_MODEL, artifacts=artifacts, **base)
    images = []
    for p in prep.patches:
        with Image.open(p.image.path) as im:
            images.append(im.convert("RGB"))
    out = gen.generate(plan.request(images))
    raw_ev, raw_ref = raw_output_evidence(SKILL, out.text, store)
    sentences, impression = split_report(out.text)
    evs = [patch_evidence(p) for p in prep.patches]
    findings = []
    for i, text in enumerate(sentences, 1):
        nums = cited_patches(text, len(evs))
        findings.append(Finding(id=f"path-{i}", text=text,
                                evidence=[*(evs[k - 1] for k in nums or range(1, len(evs) + 1)), raw_ev]))
    return SkillResult(generated=True, model=out.model, backend=out.backend, raw_text=out.text,
                       findings=findings, impression=impression, artifacts=[*artifacts, raw_ref], **base)


# --- the skill in the graph and as an agent tool -------------------------------------------

def run_in_graph(ctx: SkillContext) -> SkillResult:
    slides = ctx.paths("slide")
    if not slides:
        return SkillResult(skill=SKILL, generated=False, not_generated_reason="no slide was given")
    return run(PathologyInput(path=slides[0], clinical_question=ctx.text or None))


class SlideArgs(ToolArgs):
    path: str = Field(min_length=1, description="path to a file or folder on the carepath host: "
                                                "a whole-slide image (SVS/TIFF/DICOM WSI)")
    question: str | None = Field(None, max_length=2000, description="clinical question")
    max_patches: int = Field(8, ge=1, le=64, description="patches sampled from tissue")


def tool_call(a: SlideArgs) -> dict[str, Any]:
    return run(PathologyInput(path=Path(a.path), clinical_question=a.question,
                              max_patches=a.max_patches)).model_dump(mode="json", exclude_none=True)


SPEC = SkillSpec(
    name=SKILL, precedence=60, intent="pathology", inputs=frozenset({"slide", "study"}), modalities=frozenset({"SM"}),
    alongside=True, route_reason="whole-slide image", needs="a slide (--slide)", run=run_in_graph,
    tool=ToolSpec(name="pathology_slide", args=SlideArgs, call=tool_call,
                  description="Whole-slide pathology: tissue patches sampled and described; patch "
                              "coordinates as evidence."),
)
