"""Chest X-ray skill: DICOM (CR/DX) or PNG/JPEG in, a MedGemma-ready 896×896
image and a report-style draft out.

Windowing comes from the DICOM (its VOI LUT / window), MONOCHROME1 is
inverted, and the image is padded (not stretched) to a square so that
anatomy keeps its aspect ratio and boxes map back exactly (``Placement``).
Without a model the preprocessing still runs and the result says findings
were not generated.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError
from pydantic import BaseModel, Field

from carepath.artifacts import ArtifactRef, ArtifactStore, default_store, sha256_file
from carepath.errors import InputError
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.models.registry import get_generator
from carepath.prompting import get_template
from carepath.tools.dicom.gate import pixels, quiet_values, read_full
from carepath.tools.dicom.study import Series, StudySet, open_studies
from carepath.tools.dicom.windowing import Placement, display_uint8, pad_to_square, png_bytes
from carepath.tools.findings_text import split_report
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

SKILL = "cxr"
PROJECTION_MODALITIES = frozenset({"CR", "DX", "RG", "PX", "DR"})
RASTER_SUFFIXES = frozenset({".png", ".jpg", ".jpeg"})


class CXRInput(BaseModel):
    path: Path
    clinical_question: str | None = Field(None, max_length=4000)


class PreparedCXR(BaseModel):
    source: str
    sop_instance_uid: str | None = None
    sop_class_uid: str | None = None
    series_instance_uid: str | None = None
    study_instance_uid: str | None = None
    study_date: str | None = None
    image: ArtifactRef
    placement: Placement
    window: dict[str, Any]
    warnings: list[str] = Field(default_factory=list)
    burned_in_annotation: bool = Field(False, description="the DICOM header says text is burned into "
                                       "the pixels (BurnedInAnnotation = YES)")

    def record(self) -> dict[str, Any]:
        return {"source": Path(self.source).name, "sop_instance_uid": self.sop_instance_uid,
                "series_instance_uid": self.series_instance_uid,
                "placement": self.placement.model_dump(), "window": self.window,
                "model_image_size": self.placement.size,
                "source_size": [self.placement.original_width, self.placement.original_height]}


def _single_file(path: Path) -> bool:
    return path.is_file() and path.name.upper() != "DICOMDIR" and not zipfile.is_zipfile(path)


def _prepare_file(src: Path, store: ArtifactStore, warnings: list[str]) -> PreparedCXR:
    meta: dict[str, str | None] = {}
    burned_in = False
    if src.suffix.lower() in RASTER_SUFFIXES:
        try:
            with Image.open(src) as raw:
                raw.load()
                img = raw.convert("L")
        except Image.DecompressionBombError:
            raise InputError("image too large", subject=str(src),
                             why="its header declares more pixels than any radiograph "
                                 f"({Image.MAX_IMAGE_PIXELS:,} max): a decompression bomb or a corrupt file",
                             fix="pass the radiograph's DICOM file or a normal-size PNG/JPEG") from None
        except (UnidentifiedImageError, OSError) as exc:
            raise InputError("unreadable image", subject=str(src), why=str(exc)[:200],
                             fix="pass a PNG/JPEG radiograph or its DICOM file") from None
        except Exception as exc:  # noqa: BLE001 - Pillow's plugins raise ValueError, SyntaxError…
            raise InputError("unreadable image", subject=str(src),
                             why=f"{type(exc).__name__}: {str(exc)[:160]}",
                             fix="pass a PNG/JPEG radiograph or its DICOM file") from None
        window: dict[str, Any] = {"window": "as stored (8-bit image file)", "inverted": False}
    else:
        ds = read_full(src)
        with quiet_values():
            modality = str(ds.get("Modality", ""))
            for key, kw in (("sop_instance_uid", "SOPInstanceUID"), ("sop_class_uid", "SOPClassUID"),
                            ("series_instance_uid", "SeriesInstanceUID"),
                            ("study_instance_uid", "StudyInstanceUID"), ("study_date", "StudyDate")):
                meta[key] = str(ds.get(kw, "") or "") or None
            if not meta["study_date"]:
                meta["study_date"] = str(ds.get("AcquisitionDate", "") or ds.get("ContentDate", "")
                                         or "") or None
            burned_in = str(ds.get("BurnedInAnnotation", "") or "").strip().upper() == "YES"
        if modality not in PROJECTION_MODALITIES:
            raise InputError("not a projection radiograph", subject=str(src),
                             why=f"modality {modality or 'missing'}",
                             fix="the chest X-ray skill takes CR/DX images; use the CT/MRI skill "
                                 "for cross-sectional series")
        arr = pixels(ds, src)
        if arr.ndim == 3 and arr.shape[0] == 1:
            arr = arr[0]
        if arr.ndim != 2:
            raise InputError("unexpected image shape", subject=str(src),
                             why=f"shape {arr.shape}: colour or multi-frame radiograph",
                             fix="pass a single grey-level radiograph")
        grey8, window = display_uint8(ds, arr)
        img = Image.fromarray(grey8, mode="L")
    square, placement = pad_to_square(img)
    ref = store.put_bytes(png_bytes(square), "image/png")
    return PreparedCXR(source=str(src), image=ref, placement=placement, window=window,
                       warnings=warnings, burned_in_annotation=burned_in, **meta)


def prepare(inp: CXRInput, store: ArtifactStore | None = None) -> PreparedCXR:
    """The model image in the artifact store, and where the original sits in it."""
    store = store or default_store()
    if _single_file(inp.path):
        return _prepare_file(inp.path, store, [])
    with open_studies(inp.path) as ss:
        for s in ss.series:
            if s.modality in PROJECTION_MODALITIES and s.instances:
                others = [f"{o.short()} not used: the chest X-ray skill reads one radiograph"
                          for o in ss.series if o is not s]
                return _prepare_file(Path(s.instances[0].path), store, others + ss.problems)
        raise InputError("no chest radiograph in the study", subject=str(inp.path),
                         why="no CR/DX instance found" + (f" ({ss.problems[0]})" if ss.problems else ""),
                         fix="pass the radiograph's DICOM file")


def prompt_plan(inp: CXRInput) -> PromptPlan:
    return PromptPlan.images_then_text(1, get_template("cxr_report").render(
        clinical_question=inp.clinical_question))


def image_evidence(prep: PreparedCXR) -> Evidence:
    detail: dict[str, Any] = {}
    if prep.sop_instance_uid:
        detail["sop_instance_uid"] = prep.sop_instance_uid
    return Evidence(kind="image", ref=f"image:{prep.image.sha256[:16]}", artifact=prep.image,
                    detail=detail)


def run(inp: CXRInput, store: ArtifactStore | None = None) -> SkillResult:
    store = store or default_store()
    prep = prepare(inp, store)
    plan = prompt_plan(inp)
    hashes = {"source": sha256_file(prep.source), "model_image": prep.image.sha256}
    base = dict(skill=SKILL, preprocessing=prep.record(), input_hashes=hashes,
                warnings=prep.warnings, template_id=plan.template_id)
    gen = get_generator("imaging")
    if gen is None:
        return SkillResult(generated=False, not_generated_reason=NO_MODEL, artifacts=[prep.image],
                           **base)
    with Image.open(prep.image.path) as im:
        image = im.convert("RGB")
    out = gen.generate(plan.request([image], burned_in_annotation=prep.burned_in_annotation))
    raw_ev, raw_ref = raw_output_evidence(SKILL, out.text, store)
    sentences, impression = split_report(out.text)
    ev = image_evidence(prep)
    findings = [Finding(id=f"cxr-{i}", text=t, evidence=[ev, raw_ev])
                for i, t in enumerate(sentences, 1)]
    return SkillResult(generated=True, model=out.model, backend=out.backend, raw_text=out.text,
                       findings=findings, impression=impression, artifacts=[prep.image, raw_ref],
                       **base)


# --- the skill in the graph, in prepare and as an agent tool ----------------------------

def run_in_graph(ctx: SkillContext) -> SkillResult:
    studies = ctx.paths("study")
    if not studies:
        return SkillResult(skill=SKILL, generated=False, not_generated_reason="no study was given")
    return run(CXRInput(path=studies[0], clinical_question=ctx.text or None))


def why_not_prepared(series: Series, req: PrepareRequest) -> str | None:
    if series.modality not in PROJECTION_MODALITIES:
        return f"modality {series.modality or 'missing'} is not a projection radiograph"
    return None if series.instances else "no readable instance"


def prepare_step(req: PrepareRequest, store: ArtifactStore | None,
                 study_set: StudySet | None) -> Prepared:
    """One radiograph: the file given, or the first projection series of an
    opened study (the others are listed as not used)."""
    if study_set is None:
        inp = CXRInput(path=req.path, clinical_question=req.clinical_question)
        prep = prepare(inp, store)
        warnings = prep.warnings
    else:
        first = next((s for s in study_set.series if why_not_prepared(s, req) is None), None)
        if first is None:
            raise InputError("no chest radiograph in the study", subject=study_set.source,
                             why="no CR/DX instance found", fix="pass the radiograph's DICOM file")
        inp = CXRInput(path=Path(first.instances[0].path), clinical_question=req.clinical_question)
        prep = prepare(inp, store)
        warnings = [f"{o.short()} not used: one radiograph per prepare" for o in study_set.series
                    if o is not first] + study_set.problems
    return Prepared(skill=SKILL, images=[prep.image], image_names=["image.png"],
                    plan=prompt_plan(inp), record=prep.record(), warnings=warnings)


class ImageArgs(ToolArgs):
    path: str = Field(min_length=1, description="path to a file or folder on the carepath host: "
                                                "a DICOM file/folder/zip or a PNG/JPEG")
    question: str | None = Field(None, max_length=2000, description="clinical question or indication")


def tool_call(a: ImageArgs) -> dict[str, Any]:
    return run(CXRInput(path=Path(a.path), clinical_question=a.question)).model_dump(
        mode="json", exclude_none=True)


SPEC = SkillSpec(
    name=SKILL, precedence=20, intent="cxr_report", inputs=frozenset({"study"}), modalities=PROJECTION_MODALITIES,
    imaging=True, route_reason="projection radiograph", needs="a chest X-ray study (--study)",
    run=run_in_graph,
    prepare=PrepareStep(run=prepare_step, why_not=why_not_prepared, rank=1, rasters=RASTER_SUFFIXES),
    tool=ToolSpec(name="chest_xray_report", args=ImageArgs, call=tool_call,
                  description="MedGemma chest X-ray reading: findings with evidence ids, or a plain "
                              "statement that findings were not generated when no model is configured."),
)
