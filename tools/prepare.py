"""``carepath prepare``: run the preprocessing of whichever imaging skill
fits the input and write exactly what MedGemma would get — the PNG images,
the prompt (as ordered parts and as readable text) — plus the preprocessing
record, so a study can be inspected without any model.

The skill is picked from headers only, among the skills of
``carepath.tools.registry`` that declare a prepare step: a series rule goes
to the skill that takes one; otherwise the best-ranked skill that can use a
series of the study (a CT/MR volume before a radiograph), else one that at
least reads its modality (and then says why it cannot). PNG/JPEG files go to
the skill that takes rasters. PNGs are encoded in the decoding workers and
land in a content-addressed store inside ``out``; the readable names are
hard links.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from carepath.artifacts import ArtifactRef, ArtifactStore
from carepath.errors import InputError
from carepath.tools import registry
from carepath.tools.dicom.study import open_studies
from carepath.tools.dicom.volume import warm_pool_if_compressed
from carepath.tools.skill_io import PromptPlan
from carepath.tools.spec import Prepared, PrepareRequest

class PrepareReport(BaseModel):
    skill: str
    source: str
    out_dir: str
    images: list[str] = Field(description="PNG files, in prompt order")
    prompt_json: str
    prompt_text: str
    record_json: str
    template_id: str
    record: dict[str, Any]
    warnings: list[str] = Field(default_factory=list)


def _link(ref: ArtifactRef, target: Path) -> None:
    target.unlink(missing_ok=True)
    try:
        os.link(ref.path, target)
    except OSError:
        shutil.copyfile(ref.path, target)


def prepare_input(req: PrepareRequest, store: ArtifactStore) -> Prepared:
    """The chosen skill's preprocessing of ``req.path`` into ``store``."""
    raster = registry.raster_preparer(req.path) if req.path.is_file() else None
    if raster is not None and raster.prepare is not None:
        return raster.prepare.run(req, store, None)
    warm_pool_if_compressed(req.path)  # workers start while the headers are read
    with open_studies(req.path) as ss:
        spec = registry.preparer_for(ss.series, req)
        if spec is None or spec.prepare is None:
            readers = ", ".join(sorted({m for s in registry.preparable() for m in s.modalities}))
            raise InputError("nothing to prepare", subject=str(req.path),
                             why=f"no {readers} image found"
                                 + (f" ({'; '.join(ss.problems[:3])})" if ss.problems else ""),
                             fix="pass a DICOM study (folder, zip, DICOMDIR) or a PNG/JPEG radiograph")
        return spec.prepare.run(req, store, ss)


def prepare_study(path: str | Path, out_dir: str | Path, *, series: str | None = None,
                  min_slices: int = 2, max_slices: int = 85, clinical_question: str | None = None,
                  workers: int | None = None) -> PrepareReport:
    src = Path(path)
    if not src.exists():
        raise InputError("study not found", subject=str(src), fix="check the path")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    req = PrepareRequest(path=src, clinical_question=clinical_question, series=series,
                         min_slices=min_slices, max_slices=max_slices, workers=workers)
    prep = prepare_input(req, ArtifactStore(out / ".artifacts"))
    names, plan = prep.image_names, prep.plan
    _remove_earlier_images(out)
    for ref, name in zip(prep.images, names):
        _link(ref, out / name)
    prompt_json, prompt_txt, record_json = out / "prompt.json", out / "prompt.txt", out / "record.json"
    prompt_json.write_text(json.dumps(_prompt_doc(plan, names), indent=2), encoding="utf-8")
    prompt_txt.write_text(plan.as_text(names) + "\n", encoding="utf-8")
    full = {"skill": prep.skill, "template_id": plan.template_id, "template_sha256": plan.template_sha256,
            "images": [{"file": n, "sha256": r.sha256} for n, r in zip(names, prep.images)],
            "preprocessing": prep.record, "warnings": prep.warnings}
    record_json.write_text(json.dumps(full, indent=2, default=str), encoding="utf-8")
    return PrepareReport(skill=prep.skill, source=str(src), out_dir=str(out),
                         images=[str(out / n) for n in names], prompt_json=str(prompt_json),
                         prompt_text=str(prompt_txt), record_json=str(record_json),
                         template_id=plan.template_id, record=prep.record, warnings=prep.warnings)


def _remove_earlier_images(out: Path) -> None:
    """Images an earlier run wrote into ``out`` (named in its record.json), so
    the folder shows only this run's; nothing else there is touched."""
    try:
        earlier = json.loads((out / "record.json").read_text(encoding="utf-8")).get("images", [])
    except (OSError, ValueError, AttributeError):
        return
    for img in earlier if isinstance(earlier, list) else []:
        name = img.get("file") if isinstance(img, dict) else None
        if isinstance(name, str) and name == Path(name).name and name.endswith(".png"):
            (out / name).unlink(missing_ok=True)


def _prompt_doc(plan: PromptPlan, names: list[str]) -> dict[str, Any]:
    """The single user turn exactly as the generator receives it, with each
    image named by its file."""
    content = [{"type": "image", "file": names[p.image]} if p.type == "image" and p.image is not None
               else {"type": "text", "text": p.text} for p in plan.parts]
    return {"template_id": plan.template_id, "template_sha256": plan.template_sha256,
            "messages": [{"role": "user", "content": content}]}
