"""Chest X-ray skill: DICOM (CR/DX) or PNG/JPEG in, a MedGemma-ready 896×896
image and a report-style draft out.

Windowing comes from the DICOM (its VOI LUT / window), MONOCHROME1 is
inverted, and the image is padded (not stretched) to a square so that
anatomy keeps its aspect ratio and boxes map back exactly (``Placement``).
Without a model the preprocessing still runs and the result says findings
were not generated.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError
from pydantic import BaseModel, Field

from carepath.artifacts import ArtifactRef, ArtifactStore, default_store, sha256_file
from carepath.errors import InputError
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.tools.skill_io import NO_MODEL, PromptPlan, raw_output_evidence
from carepath.tools.dicom.windowing import Placement, display_uint8, pad_to_square, png_bytes

SKILL = "cxr"
PROJECTION_MODALITIES = {"CR", "DX", "RG", "PX", "DR"}
RASTER_SUFFIXES = {".png", ".jpg", ".jpeg"}


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
    import zipfile

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
        from carepath.tools.dicom.gate import pixels, quiet_values, read_full

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
    from carepath.tools.dicom.study import open_studies

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
    from carepath.prompting import get_template

    return PromptPlan.images_then_text(1, get_template("cxr_report").render(
        clinical_question=inp.clinical_question))


def image_evidence(prep: PreparedCXR) -> Evidence:
    detail: dict[str, Any] = {}
    if prep.sop_instance_uid:
        detail["sop_instance_uid"] = prep.sop_instance_uid
    return Evidence(kind="image", ref=f"image:{prep.image.sha256[:16]}", artifact=prep.image,
                    detail=detail)


def run(inp: CXRInput, store: ArtifactStore | None = None) -> SkillResult:
    from carepath.models.vlm import get_generator
    from carepath.tools.findings_text import split_report

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
