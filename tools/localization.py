"""Localization skill: MedGemma's boxes back onto the original image.

The model answers on the 896×896 padded image with boxes ``[y0, x0, y1,
x1]`` on a 0–1000 scale (Gemma/PaliGemma convention: **y first**; swapping
x and y is a known third-party bug). A box becomes original-image pixels in
two steps: 0–1000 → model pixels (× size / 1000), then undo the padding and
scaling recorded in ``Placement``. Pixel boxes are ``xyxy`` = (x0 column,
y0 row, x1, y1), the order the DICOM SR writer's SCOORD expects. Malformed
boxes (wrong arity, not numbers, outside 0–1000, inverted corners, entirely
in the padding) are dropped with a warning, never guessed at.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw
from pydantic import BaseModel, Field

from carepath.artifacts import ArtifactRef, ArtifactStore, default_store
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.models.registry import get_generator
from carepath.prompting import get_template
from carepath.tools.cxr import PROJECTION_MODALITIES, CXRInput, PreparedCXR, prepare
from carepath.tools.dicom.windowing import Placement, png_bytes
from carepath.tools.skill_io import NO_MODEL, PromptPlan, raw_output_evidence
from carepath.tools.spec import SkillContext, SkillSpec, ToolArgs, ToolSpec

SKILL = "localization"
SCALE = 1000.0
MAX_CANDIDATES = 100  # a model answer with more box lines than this is runaway generation


class LocalizationInput(BaseModel):
    path: Path
    targets: list[str] = Field(default_factory=list, max_length=20)
    clinical_question: str | None = Field(None, max_length=4000)


class Box(BaseModel):
    label: str
    model_yxyx: tuple[float, float, float, float] = Field(description="[y0, x0, y1, x1] on 0–1000")
    xyxy: tuple[float, float, float, float] = Field(description="original pixels: x0, y0, x1, y1")

    def scoord_polyline(self) -> list[tuple[float, float]]:
        """Closed rectangle as (column, row) points, for an SR SCOORD POLYLINE."""
        x0, y0, x1, y1 = self.xyxy
        return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]


def to_original(yxyx: tuple[float, float, float, float], p: Placement) -> tuple[float, float, float, float]:
    """[y0, x0, y1, x1] on 0–1000 of the model image → original (x0, y0, x1, y1)."""
    y0, x0, y1, x1 = (v * p.size / SCALE for v in yxyx)
    ox0, oy0 = p.to_original(x0, y0)
    ox1, oy1 = p.to_original(x1, y1)
    return ox0, oy0, ox1, oy1


def to_model(xyxy: tuple[float, float, float, float], p: Placement) -> tuple[float, float, float, float]:
    """Original (x0, y0, x1, y1) → [y0, x0, y1, x1] on 0–1000 of the model image."""
    u0, v0 = p.to_model(xyxy[0], xyxy[1])
    u1, v1 = p.to_model(xyxy[2], xyxy[3])
    k = SCALE / p.size
    return v0 * k, u0 * k, v1 * k, u1 * k


_LINE = re.compile(r"^\s*[-*•]?\s*(?P<label>[^:\[\]{}]*?)\s*:?\s*\[(?P<nums>[^\]]*)\]\s*(?P<tail>[^\[\]]*)$")


def _candidates(text: str) -> list[tuple[str, Any]]:
    """(label, raw box) pairs from JSON (``box_2d``/``box``) or
    ``label: [y0, x0, y1, x1]`` lines."""
    out: list[tuple[str, Any]] = []
    stripped = text.strip().removeprefix("```json").removeprefix("```").removesuffix("```").strip()
    if stripped.startswith(("[", "{")):
        try:
            data = json.loads(stripped)
            items = data if isinstance(data, list) else [data]
            for it in items:
                if isinstance(it, dict):
                    out.append((str(it.get("label") or it.get("name") or "finding"),
                                it.get("box_2d", it.get("box"))))
            if out:
                return out
        except (json.JSONDecodeError, RecursionError, ValueError):  # malformed or a nesting bomb
            pass
    for line in text.splitlines():
        if "[" not in line:
            continue
        m = _LINE.match(line)
        if not m:
            out.append(("", line.strip()))
            continue
        label = (m.group("label") or m.group("tail") or "finding").strip(" -:") or "finding"
        out.append((label, m.group("nums")))
    return out


def parse_boxes(text: str, placement: Placement) -> tuple[list[Box], list[str]]:
    boxes: list[Box] = []
    warnings: list[str] = []
    candidates = _candidates(text)
    if len(candidates) > MAX_CANDIDATES:
        warnings.append(f"{len(candidates) - MAX_CANDIDATES} further box lines ignored "
                        f"(more than {MAX_CANDIDATES}: a runaway answer)")
        candidates = candidates[:MAX_CANDIDATES]
    for label, raw in candidates:
        shown = (str(raw) if not isinstance(raw, str) else raw)[:60]
        try:
            vals = [float(v) for v in (raw if isinstance(raw, list) else str(raw).split(","))]
        except (TypeError, ValueError):
            warnings.append(f"box rejected ({label or 'unlabelled'}): not four numbers: {shown!r}")
            continue
        if len(vals) != 4:
            warnings.append(f"box rejected ({label or 'unlabelled'}): {len(vals)} values, expected "
                            "[y0, x0, y1, x1]")
            continue
        if any(not (0.0 <= v <= SCALE) for v in vals):
            warnings.append(f"box rejected ({label}): values outside 0–1000: {vals}")
            continue
        y0, x0, y1, x1 = vals
        if y1 <= y0 or x1 <= x0:
            warnings.append(f"box rejected ({label}): corners inverted or empty: {vals}")
            continue
        xyxy = to_original((y0, x0, y1, x1), placement)
        if xyxy[2] - xyxy[0] < 1 or xyxy[3] - xyxy[1] < 1:
            warnings.append(f"box rejected ({label}): lies in the padding, outside the image")
            continue
        boxes.append(Box(label=label or "finding", model_yxyx=(y0, x0, y1, x1),
                         xyxy=tuple(round(v, 1) for v in xyxy)))  # type: ignore[arg-type]
    return boxes, warnings


def overlay_png(prep: PreparedCXR, boxes: list[Box]) -> bytes:
    """Boxes drawn on the windowed image at its original size and pixel
    grid (the content of the model image, un-padded), so what a reviewer
    sees is exactly what goes into the SR."""
    p = prep.placement
    with Image.open(prep.image.path) as im:
        crop = im.convert("RGB").crop((p.pad_left, p.pad_top,
                                       p.pad_left + round(p.original_width * p.scale_x),
                                       p.pad_top + round(p.original_height * p.scale_y)))
    img = crop.resize((p.original_width, p.original_height), Image.Resampling.BILINEAR)
    draw = ImageDraw.Draw(img)
    width = max(2, p.original_width // 300)
    for b in boxes:
        draw.rectangle(b.xyxy, outline=(255, 64, 0), width=width)
        draw.text((b.xyxy[0] + width + 2, b.xyxy[1] + width + 2), b.label, fill=(255, 64, 0))
    return png_bytes(img)


def prompt_plan(inp: LocalizationInput) -> PromptPlan:
    return PromptPlan.images_then_text(1, get_template("localization").render(
        targets=inp.targets, clinical_question=inp.clinical_question))


def sr_boxes(result: SkillResult) -> list[dict[str, Any]]:
    """Boxes ready for a DICOM SR SCOORD writer (image pixel coordinates)."""
    out = []
    for f in result.findings:
        for ev in f.evidence:
            if ev.kind == "box":
                x0, y0, x1, y1 = ev.detail["xyxy"]
                out.append({"label": f.label, "sop_instance_uid": ev.detail.get("sop_instance_uid"),
                            "graphic_type": "POLYLINE",
                            "graphic_data": [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]})
    return out


def findings_from_boxes(boxes: list[Box], prep: PreparedCXR, overlay: ArtifactRef | None,
                        raw_ev: Evidence) -> list[Finding]:
    findings = []
    for i, b in enumerate(boxes, 1):
        detail: dict[str, Any] = {"xyxy": list(b.xyxy), "model_yxyx_1000": list(b.model_yxyx),
                                  "label": b.label}
        if prep.sop_instance_uid:
            detail["sop_instance_uid"] = prep.sop_instance_uid
        findings.append(Finding(id=f"loc-{i}", text=b.label, label=b.label, evidence=[
            Evidence(kind="box", ref=f"box:{i}", artifact=overlay, detail=detail), raw_ev]))
    return findings


def run(inp: LocalizationInput, store: ArtifactStore | None = None) -> SkillResult:
    store = store or default_store()
    prep = prepare(CXRInput(path=inp.path, clinical_question=inp.clinical_question), store)
    plan = prompt_plan(inp)
    base = dict(skill=SKILL, preprocessing=prep.record(), template_id=plan.template_id,
                input_hashes={"model_image": prep.image.sha256})
    gen = get_generator("imaging")
    if gen is None:
        return SkillResult(generated=False, not_generated_reason=NO_MODEL, artifacts=[prep.image],
                           warnings=prep.warnings, **base)
    with Image.open(prep.image.path) as im:
        image = im.convert("RGB")
    out = gen.generate(plan.request([image], burned_in_annotation=prep.burned_in_annotation))
    raw_ev, raw_ref = raw_output_evidence(SKILL, out.text, store)
    boxes, rejected = parse_boxes(out.text, prep.placement)
    overlay = store.put_bytes(overlay_png(prep, boxes), "image/png") if boxes else None
    findings = findings_from_boxes(boxes, prep, overlay, raw_ev)
    arts = [prep.image, raw_ref] + ([overlay] if overlay else [])
    return SkillResult(generated=True, model=out.model, backend=out.backend, raw_text=out.text,
                       findings=findings, artifacts=arts, warnings=prep.warnings + rejected,
                       **(base | {"preprocessing": prep.record() | {"boxes": [b.model_dump() for b in boxes]}}))


# --- the skill in the graph and as an agent tool -------------------------------------------

def run_in_graph(ctx: SkillContext) -> SkillResult:
    studies = ctx.paths("study")
    if not studies:
        return SkillResult(skill=SKILL, generated=False, not_generated_reason="no study was given")
    return run(LocalizationInput(path=studies[0], clinical_question=ctx.text or None))


class LocalizeArgs(ToolArgs):
    path: str = Field(min_length=1, description="path to a file or folder on the carepath host: "
                                                "the image to localize findings on")
    targets: list[str] = Field(default_factory=list, max_length=20,
                               description="what to box, e.g. ['nodule']; empty: any abnormality")


def tool_call(a: LocalizeArgs) -> dict[str, Any]:
    return run(LocalizationInput(path=Path(a.path), targets=a.targets)).model_dump(
        mode="json", exclude_none=True)


# Localization boxes findings on the chest X-ray skill's image; the report
# itself comes from that skill, which therefore always runs with it.
SPEC = SkillSpec(
    name=SKILL, precedence=30, intent="localization", inputs=frozenset({"study"}), modalities=PROJECTION_MODALITIES,
    imaging=True, companions=("cxr",), route_reason="projection radiograph",
    needs="an image study (--study)", run=run_in_graph,
    tool=ToolSpec(name="localize_findings", args=LocalizeArgs, call=tool_call,
                  description="MedGemma anatomical localization: labelled boxes in original image pixels."),
)
