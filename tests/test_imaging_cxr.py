"""Chest X-ray skill beyond tests/test_cxr_skill.py: DICOM windowing paths,
PNG input, and the tiny MedGemma end to end."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pydicom
import pytest
from PIL import Image

from carepath.tools.cxr import CXRInput, prepare, run
from carepath.tools.dicom.windowing import display_unit
from support.dicom_fixtures import asset_path

RG1 = asset_path("RG1_UNCR.dcm")


def test_window_from_dicom_center_width_and_voi_lut() -> None:
    ds = pydicom.dcmread(asset_path("CT_small.dcm"))
    arr = ds.pixel_array
    ds.WindowCenter, ds.WindowWidth = 40, 400
    unit, rec = display_unit(ds, arr)
    hu = arr * float(ds.RescaleSlope) + float(ds.RescaleIntercept)
    assert unit[hu <= -160.5].max() == 0 and unit[hu >= 239.5].min() == 1
    assert "center 40, width 400" in rec["window"]
    ds.VOILUTSequence = [pydicom.Dataset()]
    lut = ds.VOILUTSequence[0]
    lut.LUTDescriptor = [4096, -2048 & 0xFFFF, 8]
    lut.LUTData = list(np.linspace(0, 255, 4096).astype(int))
    unit2, rec2 = display_unit(ds, arr)
    assert rec2["window"] == "VOI LUT from the DICOM" and 0 <= unit2.min() and unit2.max() <= 1


def test_png_input(tmp_path: Path) -> None:
    png = tmp_path / "cxr.png"
    Image.fromarray((np.arange(300 * 200) % 256).astype(np.uint8).reshape(300, 200)).save(png)
    prep = prepare(CXRInput(path=png))
    assert prep.placement.original_width == 200 and prep.placement.pad_left > 0
    assert prep.sop_instance_uid is None


def test_cxr_through_tiny_medgemma(tiny_medgemma: Path) -> None:
    r = run(CXRInput(path=RG1, clinical_question="Pneumonia?"))
    assert r.generated and r.model and r.template_id == "cxr_report@v1"
    assert r.raw_text is not None
    for f in r.findings:
        assert f.evidence[0].kind == "image" and f.evidence[0].detail["sop_instance_uid"]
        assert f.evidence[1].kind == "model_output" and f.evidence[1].artifact is not None


@pytest.mark.parametrize("name", ["RG1_J2KR.dcm"])
def test_compressed_radiograph_equals_uncompressed(name: str) -> None:
    a = np.asarray(Image.open(prepare(CXRInput(path=RG1)).image.path))
    b = np.asarray(Image.open(prepare(CXRInput(path=asset_path(name))).image.path))
    assert (a == b).all()
