"""Chest X-ray skill: DICOM (CR/DX) or PNG/JPEG in, a MedGemma-ready 896×896
image and a report-style draft out.

Windowing comes from the DICOM (its VOI LUT / window), MONOCHROME1 is
inverted, and the image is padded (not stretched) to a square so that
anatomy keeps its aspect ratio and boxes map back exactly. Without a model
the preprocessing still runs and the result says findings were not generated.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError
from pydantic import BaseModel, Field

from carepath.artifacts import ArtifactRef, ArtifactStore, default_store, sha256_file
from carepath.errors import InputError
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.tools.imaging_prep import Placement, display_uint8, pad_to_square, png_bytes

SKILL = "cxr"
PROJECTION_MODALITIES = {"CR", "DX", "RG", "PX"}
NO_MODEL = ("no MedGemma model is configured or found (set CAREPATH_IMAGING__MODEL to the weights, "
            "or CAREPATH_IMAGING__BACKEND=openai with a server)")


class CXRInput(BaseModel):
    path: Path
    clinical_question: str | None = Field(None, max_length=4000)


class PreparedCXR(BaseModel):
    source: str
    sop_instance_uid: str | None = None
    image: ArtifactRef
    placement: Placement
    window: dict[str, object]


def _pick_dicom(path: Path) -> Path:
    """A file, or the first projection radiograph found in a folder/zip."""
    if path.is_file() and path.suffix.lower() not in (".zip",):
        return path
    import tempfile

    from carepath.tools.study import discover

    with tempfile.TemporaryDirectory() as tmp:
        study = discover(path, Path(tmp))
        for s in study.series:
            if s.modality in PROJECTION_MODALITIES and s.instances:
                chosen = Path(s.instances[0].path)
                if path.is_dir():
                    return chosen
    raise InputError("no chest radiograph in the study", subject=str(path),
                     why="no CR/DX instance found", fix="pass the radiograph's DICOM file")


def prepare(inp: CXRInput, store: ArtifactStore | None = None) -> PreparedCXR:
    store = store or default_store()
    src = _pick_dicom(inp.path)
    sop = None
    if src.suffix.lower() in (".png", ".jpg", ".jpeg"):
        try:
            grey = Image.open(src)
            grey.load()
        except (UnidentifiedImageError, OSError) as exc:
            raise InputError("unreadable image", subject=str(src), why=str(exc)[:200]) from None
        window: dict[str, object] = {"window": "as stored (8-bit image)"}
        img = grey.convert("L")
    else:
        from carepath.tools.dicom_gate import pixels, quiet_values, read_full

        ds = read_full(src)
        with quiet_values():
            modality = str(ds.get("Modality", ""))
            sop = str(ds.get("SOPInstanceUID", "")) or None
        if modality not in PROJECTION_MODALITIES:
            raise InputError("not a projection radiograph", subject=str(src),
                             why=f"modality {modality or 'missing'}",
                             fix="the chest X-ray skill takes CR/DX images; use the CT/MRI skill "
                                 "for cross-sectional series")
        arr = pixels(ds, src)
        if arr.ndim != 2:
            raise InputError("unexpected image shape", subject=str(src), why=f"shape {arr.shape}")
        grey8, window = display_uint8(ds, arr)
        img = Image.fromarray(grey8, mode="L")
    square, placement = pad_to_square(img)
    ref = store.put_bytes(png_bytes(square), "image/png")
    return PreparedCXR(source=str(src), sop_instance_uid=sop, image=ref, placement=placement,
                       window=window)


def run(inp: CXRInput, store: ArtifactStore | None = None) -> SkillResult:
    from carepath.models.vlm import GenerationRequest, get_generator
    from carepath.prompting import get_template
    from carepath.tools.findings_text import split_report

    store = store or default_store()
    prep = prepare(inp, store)
    record = {"source": Path(prep.source).name, "sop_instance_uid": prep.sop_instance_uid,
              "placement": prep.placement.model_dump(), "window": prep.window,
              "model_image_size": prep.placement.size}
    hashes = {"source": sha256_file(prep.source), "model_image": prep.image.sha256}
    gen = get_generator("imaging")
    if gen is None:
        return SkillResult(skill=SKILL, generated=False, not_generated_reason=NO_MODEL,
                           artifacts=[prep.image], preprocessing=record, input_hashes=hashes)
    prompt = get_template("cxr_report").render(clinical_question=inp.clinical_question)
    image = Image.open(prep.image.path)
    out = gen.generate(GenerationRequest.images_then_text([image], prompt.text,
                                                          template_id=prompt.template_id))
    sentences, impression = split_report(out.text)
    ev = Evidence(kind="image", ref=f"image:{prep.image.sha256[:16]}", artifact=prep.image,
                  detail={"sop_instance_uid": prep.sop_instance_uid} if prep.sop_instance_uid else {})
    findings = [Finding(id=f"cxr-{i}", text=t, evidence=[ev,
                        Evidence(kind="model_output", ref=f"{SKILL}:raw")])
                for i, t in enumerate(sentences, 1)]
    return SkillResult(skill=SKILL, generated=True, model=out.model, backend=out.backend,
                       template_id=prompt.template_id, raw_text=out.text, findings=findings,
                       impression=impression, artifacts=[prep.image], preprocessing=record,
                       input_hashes=hashes)
