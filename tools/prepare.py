"""``carepath prepare``: run the preprocessing of whichever imaging skill
fits the input and write exactly what MedGemma would get — the PNG images,
the prompt (as ordered parts and as readable text) — plus the preprocessing
record, so a study can be inspected without any model.

The skill is picked from headers only: CT/MR series with enough images go
to the volume skill, projection radiographs (or PNG/JPEG files) to the chest
X-ray skill. PNGs are encoded in the decoding workers and land in a
content-addressed store inside ``out``; the readable names are hard links.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from carepath.artifacts import ArtifactRef, ArtifactStore
from carepath.errors import InputError
from carepath.tools.cxr import PROJECTION_MODALITIES, RASTER_SUFFIXES
from carepath.tools.skill_io import PromptPlan

Skill = Literal["ct_mri", "cxr"]


class PrepareReport(BaseModel):
    skill: Skill
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


def prepare_study(path: str | Path, out_dir: str | Path, *, series: str | None = None,
                  min_slices: int = 2, max_slices: int = 85, clinical_question: str | None = None,
                  workers: int | None = None) -> PrepareReport:
    from carepath.tools import ct_volume, cxr
    from carepath.tools.dicom.series import Rule
    from carepath.tools.dicom.study import open_studies

    src = Path(path)
    if not src.exists():
        raise InputError("study not found", subject=str(src), fix="check the path")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    store = ArtifactStore(out / ".artifacts")
    record: dict[str, Any]
    if src.is_file() and src.suffix.lower() in RASTER_SUFFIXES:
        skill: Skill = "cxr"
        prep_c = cxr.prepare(cxr.CXRInput(path=src, clinical_question=clinical_question), store)
        refs, plan, record, warnings = [prep_c.image], cxr.prompt_plan(
            cxr.CXRInput(path=src, clinical_question=clinical_question)), prep_c.record(), prep_c.warnings
    else:
        from carepath.tools.dicom.volume import warm_pool_if_compressed

        warm_pool_if_compressed(src)  # workers start while the headers are read
        with open_studies(src) as ss:
            vol_gate = Rule(modality=list(ct_volume.VOLUME_MODALITIES), min_slices=min_slices)
            has_volume = any(vol_gate.why_not(s) is None for s in ss.series)
            has_projection = any(s.modality in PROJECTION_MODALITIES for s in ss.series)
            any_volume = any(s.modality in ct_volume.VOLUME_MODALITIES for s in ss.series)
            # A series rule, or CT/MR with no radiograph, goes to the volume skill,
            # which then explains any series it cannot use (e.g. one slice).
            if has_volume or series or (any_volume and not has_projection):
                skill = "ct_mri"
                inp = ct_volume.VolumeInput(path=src, clinical_question=clinical_question,
                                            series=series, min_slices=min_slices,
                                            max_slices=max_slices, workers=workers)
                prep_v, _ = ct_volume._prepare(inp, store, png=True, study_set=ss)
                refs, plan, record, warnings = prep_v.images, prep_v.prompt, prep_v.record, prep_v.warnings
            elif has_projection:
                skill = "cxr"
                first = next(s for s in ss.series if s.modality in PROJECTION_MODALITIES)
                cinp = cxr.CXRInput(path=Path(first.instances[0].path),
                                    clinical_question=clinical_question)
                prep_c = cxr.prepare(cinp, store)
                others = [f"{o.short()} not used: one radiograph per prepare" for o in ss.series
                          if o is not first]
                refs, plan, record = [prep_c.image], cxr.prompt_plan(cinp), prep_c.record()
                warnings = others + ss.problems
            else:
                raise InputError("nothing to prepare", subject=str(src),
                                 why="no CT/MR series or radiograph found"
                                     + (f" ({'; '.join(ss.problems[:3])})" if ss.problems else ""),
                                 fix="pass a DICOM study (folder, zip, DICOMDIR) or a PNG/JPEG "
                                     "radiograph")
    names = ([f"slice_{k + 1:03d}.png" for k in range(len(refs))] if skill == "ct_mri"
             else ["image.png"])
    for stale in [*out.glob("slice_*.png"), out / "image.png"]:  # from an earlier run
        stale.unlink(missing_ok=True)
    for ref, name in zip(refs, names):
        _link(ref, out / name)
    prompt_json, prompt_txt, record_json = out / "prompt.json", out / "prompt.txt", out / "record.json"
    prompt_json.write_text(json.dumps(_prompt_doc(plan, names), indent=2), encoding="utf-8")
    prompt_txt.write_text(plan.as_text(names) + "\n", encoding="utf-8")
    full = {"skill": skill, "template_id": plan.template_id, "template_sha256": plan.template_sha256,
            "images": [{"file": n, "sha256": r.sha256} for n, r in zip(names, refs)],
            "preprocessing": record, "warnings": warnings}
    record_json.write_text(json.dumps(full, indent=2, default=str), encoding="utf-8")
    return PrepareReport(skill=skill, source=str(src), out_dir=str(out),
                         images=[str(out / n) for n in names], prompt_json=str(prompt_json),
                         prompt_text=str(prompt_txt), record_json=str(record_json),
                         template_id=plan.template_id, record=record, warnings=warnings)


def _prompt_doc(plan: PromptPlan, names: list[str]) -> dict[str, Any]:
    """The single user turn exactly as the generator receives it, with each
    image named by its file."""
    content = [{"type": "image", "file": names[p.image]} if p.type == "image" and p.image is not None
               else {"type": "text", "text": p.text} for p in plan.parts]
    return {"template_id": plan.template_id, "template_sha256": plan.template_sha256,
            "messages": [{"role": "user", "content": content}]}
