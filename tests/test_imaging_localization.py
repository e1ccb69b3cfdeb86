"""Localization boxes on the real, non-square RG1_UNCR radiograph (1841 wide
× 1955 tall): 0–1000 [y0, x0, y1, x1] model boxes ↔ original pixels, both
ways; malformed boxes; overlay; SR-ready output; the tiny model end to end."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from carepath.tools.cxr import CXRInput, prepare
from carepath.tools.localization import (
    Box,
    LocalizationInput,
    findings_from_boxes,
    overlay_png,
    parse_boxes,
    run,
    sr_boxes,
    to_model,
    to_original,
)
from carepath.evidence import Evidence, SkillResult
from support.dicom_fixtures import asset_path

RG1 = asset_path("RG1_UNCR.dcm")


@pytest.fixture(scope="module")
def rg1(tmp_path_factory: pytest.TempPathFactory):
    from carepath.artifacts import ArtifactStore

    return prepare(CXRInput(path=RG1), ArtifactStore(tmp_path_factory.mktemp("loc")))


def test_placement_of_non_square_image(rg1) -> None:
    p = rg1.placement
    assert (p.original_width, p.original_height) == (1841, 1955)
    assert p.pad_top == 0 and p.pad_left == 26 and round(1841 * p.scale_x) == 844


def test_original_to_model_and_back(rg1) -> None:
    p = rg1.placement
    rng = np.random.default_rng(0)
    for _ in range(50):
        x0, x1 = sorted(rng.uniform(0, 1841, 2))
        y0, y1 = sorted(rng.uniform(0, 1955, 2))
        yxyx = to_model((x0, y0, x1, y1), p)
        back = to_original(yxyx, p)
        assert np.allclose(back, (x0, y0, x1, y1), atol=1e-6)
    # Known anchors: the image's corners sit at the padding edges; y comes first.
    assert np.allclose(to_model((0, 0, 1841, 1955), p), (0, 26 / 896 * 1000, 1000, 870 / 896 * 1000))
    assert np.allclose(to_original((0, 500, 1000, 500), p)[::2], (920.5, 920.5), atol=1.2)


def test_model_box_maps_onto_the_right_anatomy(rg1) -> None:
    """Find the bright spine column in the model image, express it as a model
    box, map it back, and check the original image is bright there too
    (MONOCHROME1 inverted: bone bright)."""
    model = np.asarray(Image.open(rg1.image.path).convert("L"), dtype=float)
    cols = model[200:600].mean(axis=0)
    u = int(np.argmax(cols[300:600])) + 300
    yxyx = (200 / 896 * 1000, (u - 5) / 896 * 1000, 600 / 896 * 1000, (u + 5) / 896 * 1000)
    x0, y0, x1, y1 = to_original(yxyx, rg1.placement)
    from carepath.tools.dicom.gate import read_pixels
    from carepath.tools.dicom.windowing import display_uint8

    ds, arr = read_pixels(RG1)
    disp, _ = display_uint8(ds, arr)
    inside = disp[int(y0):int(y1), int(x0):int(x1)].mean()
    assert inside > disp[int(y0):int(y1)].mean() + 20


def test_parse_lines_json_and_rejects_malformed(rg1) -> None:
    text = ("right lower lobe opacity: [600, 550, 800, 800]\n"
            "cardiomegaly: [400, 300, 750, 700, 10]\n"
            "effusion: [900, 100, 800, 200]\n"
            "nodule: [100, 5, 150, 20]\n"
            "mass: [1200, 100, 1300, 200]\n"
            "weird: [a, b, c, d]\n")
    boxes, warnings = parse_boxes(text, rg1.placement)
    assert [b.label for b in boxes] == ["right lower lobe opacity"]
    assert len(warnings) == 5
    assert any("expected [y0, x0, y1, x1]" in w for w in warnings)
    assert any("inverted" in w for w in warnings) and any("padding" in w for w in warnings)
    assert any("outside 0–1000" in w for w in warnings) and any("not four numbers" in w for w in warnings)
    x0, y0, x1, y1 = boxes[0].xyxy
    assert x0 < x1 and y0 < y1 and y1 <= 1955 and x1 <= 1841
    js, w2 = parse_boxes('```json\n[{"box_2d": [600, 550, 800, 800], "label": "opacity"}]\n```', rg1.placement)
    assert w2 == [] and js[0].xyxy == boxes[0].xyxy


def test_overlay_and_sr_boxes(rg1, tmp_path: Path) -> None:
    boxes, _ = parse_boxes("opacity: [600, 550, 800, 800]", rg1.placement)
    png = tmp_path / "overlay.png"
    png.write_bytes(overlay_png(rg1, boxes))
    with Image.open(png) as im:
        assert im.size == (1841, 1955)
        x0, y0, x1, y1 = (int(v) for v in boxes[0].xyxy)
        assert im.getpixel((x0 + 1, (y0 + y1) // 2)) == (255, 64, 0)
    raw = Evidence(kind="model_output", ref="localization:raw")
    findings = findings_from_boxes(boxes, rg1, None, raw)
    result = SkillResult(skill="localization", generated=True, findings=findings)
    sr = sr_boxes(result)
    assert sr[0]["graphic_type"] == "POLYLINE" and sr[0]["sop_instance_uid"] == rg1.sop_instance_uid
    assert sr[0]["graphic_data"][0] == [boxes[0].xyxy[0], boxes[0].xyxy[1]]
    assert len(sr[0]["graphic_data"]) == 5 and sr[0]["graphic_data"][0] == sr[0]["graphic_data"][-1]
    # The SR writer reads detail['xyxy'] as (column x, row y) pixels.
    from carepath.workflows.outputs.sr import box_xyxy

    assert box_xyxy(findings[0].evidence[0]) == tuple(boxes[0].xyxy)
    assert Box.model_validate(boxes[0].model_dump()).scoord_polyline()[2] == (boxes[0].xyxy[2], boxes[0].xyxy[3])


def test_localization_through_tiny_medgemma(tiny_medgemma: Path) -> None:
    r = run(LocalizationInput(path=RG1, targets=["opacity"]))
    assert r.generated and r.template_id == "localization@v1" and r.raw_text is not None
    # Random tokens rarely form a box: then no findings, and nothing invented.
    for f in r.findings:
        assert f.evidence[0].kind == "box" and len(f.evidence[0].detail["xyxy"]) == 4
    assert r.preprocessing["placement"]["original_width"] == 1841


def test_localization_without_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    r = run(LocalizationInput(path=RG1))
    assert not r.generated and r.findings == [] and len(r.artifacts) == 1
