"""Chest X-ray preparation on the real RG1_UNCR radiograph, study probing,
and the DICOM gate on pydicom's malformed files."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pydicom.data import get_testdata_file

from carepath.errors import InputError
from carepath.tools.cxr import CXRInput, prepare, run
from carepath.tools.dicom.study import discover, probe_modalities

RG1 = Path(get_testdata_file("RG1_UNCR.dcm"))


def test_cxr_prepared_as_medgemma_expects() -> None:
    prep = prepare(CXRInput(path=RG1))
    img = Image.open(prep.image.path)
    assert img.size == (896, 896) and img.mode == "RGB"
    p = prep.placement
    assert (p.original_width, p.original_height) == (1841, 1955)
    # Taller than wide: padded left/right only, aspect preserved.
    assert p.pad_top == 0 and p.pad_left > 0
    assert abs(p.original_width * p.scale - (896 - 2 * p.pad_left)) <= 1
    arr = np.asarray(img)[:, :, 0]
    assert arr[:, : p.pad_left - 1].max() == 0          # padding is black
    # MONOCHROME1 inverted: the lungs (upper-mid fields) are darker than the spine.
    assert prep.window["inverted"] is True
    lung = arr[250:350, 250:330].mean()
    spine = arr[250:350, 430:470].mean()
    assert lung < spine


def test_cxr_without_model_says_not_generated_and_keeps_preprocessing(monkeypatch) -> None:
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    r = run(CXRInput(path=RG1))
    assert r.generated is False and r.findings == []
    assert "CAREPATH_IMAGING__MODEL" in (r.not_generated_reason or "")
    assert r.preprocessing["placement"]["size"] == 896 and len(r.artifacts) == 1


def test_cxr_refuses_ct() -> None:
    with pytest.raises(InputError, match="not a projection radiograph"):
        prepare(CXRInput(path=Path(get_testdata_file("CT_small.dcm"))))


def test_probe_series_and_modalities() -> None:
    ct5 = Path(os.path.dirname(get_testdata_file("CT_small.dcm"))) / "dicomdirtests/98892001/CT5N"
    study = discover(ct5)
    assert study.modalities == ["CT"] and len(study.series[0].instances) == 5
    assert probe_modalities(RG1) == (["CR"], [])


@pytest.mark.parametrize("name", ["no_meta.dcm", "meta_missing_tsyntax.dcm", "badVR.dcm"])
def test_malformed_dicom_is_a_problem_not_a_crash(name: str) -> None:
    mods, problems = probe_modalities(Path(get_testdata_file(name)))
    assert problems and name in problems[0]


def test_not_dicom_and_truncated_pixels(tmp_path: Path) -> None:
    junk = tmp_path / "junk.dcm"
    junk.write_bytes(b"\x00" * 200 + b"not dicom")
    with pytest.raises(InputError, match="not a DICOM file"):
        prepare(CXRInput(path=junk))
    empty = tmp_path / "empty.dcm"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        prepare(CXRInput(path=empty))


def test_zip_with_path_traversal_is_refused(tmp_path: Path) -> None:
    import zipfile

    z = tmp_path / "evil.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("../../escape.dcm", RG1.read_bytes())
    mods, problems = probe_modalities(z)
    assert mods == [] and "unsafe zip entry" in problems[0]
    assert not (tmp_path.parent / "escape.dcm").exists()
