"""Pathology skill on openslide-python's fixture slides (multi-level TIFF,
SVS, DICOM WSI) and its unreadable/unopenable slides."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from carepath.cli import main  # noqa: F401 - CLI import stays cheap
from carepath.errors import InputError
from carepath.tools.sources import slide as wsi
from carepath.tools.pathology import PathologyInput, cited_patches, prepare, run
from support.docs_fixtures import *  # noqa: F401,F403


@pytest.fixture(autouse=True)
def _no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from carepath.models import registry

    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    registry.reset()


def test_otsu_splits_two_populations() -> None:
    values = np.concatenate([np.full(500, 10, np.uint8), np.full(500, 200, np.uint8)])
    t = wsi.otsu(values)
    assert 10 <= t < 200


def test_multilevel_tiff_patches_lie_on_tissue(wsi_fixtures) -> None:
    path = wsi_fixtures / "boxes.tiff"
    prep = prepare(PathologyInput(path=path, max_patches=4, patch_size=64, magnification=None))
    assert len(prep.slide.levels) == 4 and prep.patches
    assert len(prep.patches) == 4 and all(p.tissue_fraction >= 0.5 for p in prep.patches)
    full = Image.open(path).convert("RGB")  # level 0 via Pillow, independent of OpenSlide
    for p in prep.patches:
        assert p.x + p.size <= 300 and p.y + p.size <= 250
        stored = np.asarray(Image.open(p.image.path).convert("RGB"), dtype=np.int16)
        ref = np.asarray(full.crop((p.x, p.y, p.x + p.size, p.y + p.size)), dtype=np.int16)
        assert stored.shape == (64, 64, 3)
        assert np.abs(stored - ref).mean() < 8  # the patch is exactly where its evidence says
    boxes = {(p.x, p.y) for p in prep.patches}
    assert len(boxes) == 4  # no duplicates


def test_magnification_picks_a_lower_level(wsi_fixtures) -> None:
    prep = prepare(PathologyInput(path=wsi_fixtures / "boxes.tiff", max_patches=2, patch_size=32,
                                  magnification=None))
    assert prep.patches[0].level == 0
    # boxes.tiff records no objective power: a magnification request is declined with a warning
    prep = prepare(PathologyInput(path=wsi_fixtures / "boxes.tiff", max_patches=2, patch_size=32,
                                  magnification=5))
    assert any("no objective power" in w for w in prep.warnings)


@pytest.mark.parametrize("name", ["small.svs", "boxes_0.dcm"])
def test_svs_and_dicom_wsi(wsi_fixtures, name) -> None:
    res = run(PathologyInput(path=wsi_fixtures / name, patch_size=16, max_patches=2))
    assert res.skill == "pathology" and res.generated is False and "not generated" in res.not_generated_reason
    pre = res.preprocessing
    assert pre["slide"]["objective_power"] == 20 and pre["slide"]["mpp_x"] == pytest.approx(0.499)
    assert pre["patches"] and all({"level", "x", "y", "size"} <= set(p) for p in pre["patches"])
    assert all(a.media_type == "image/png" for a in res.artifacts)


def test_dicom_wsi_folder_opens(wsi_fixtures, tmp_path) -> None:
    import shutil

    for n in ("boxes_0.dcm", "boxes_1.dcm"):
        shutil.copy(wsi_fixtures / n, tmp_path / n)
    prep = prepare(PathologyInput(path=tmp_path, patch_size=16, max_patches=1))
    assert prep.slide.levels[0].width == 16 and prep.patches


def test_tiny_medgemma_patches_in_prompt_with_evidence(wsi_fixtures, tiny_medgemma) -> None:
    res = run(PathologyInput(path=wsi_fixtures / "boxes.tiff", max_patches=3, patch_size=28, magnification=None))
    assert res.generated is True and res.backend == "transformers" and res.template_id == "pathology@v1"
    assert res.raw_text is not None
    assert res.findings or not res.raw_text.strip()
    for f in res.findings:
        kinds = [e.kind for e in f.evidence]
        assert kinds.count("patch") >= 1 and kinds[-1] == "model_output"
        for e in f.evidence[:-1]:
            assert {"level", "x", "y", "size"} <= set(e.detail) and e.artifact is not None


def test_cited_patches() -> None:
    assert cited_patches("Tumour nests (PATCH 2, PATCH 5).", 6) == [2, 5]
    assert cited_patches("Seen in patches 1, 3 and 9", 4) == [1, 3]
    assert cited_patches("no reference", 4) == []


@pytest.mark.parametrize("name,what", [("unreadable.svs", "unreadable slide"),
                                       ("unopenable.tiff", "unopenable slide"),
                                       ("boxes.png", "unsupported slide"),
                                       ("missing.svs", "slide not found")])
def test_bad_slides_give_clear_errors(wsi_fixtures, name, what) -> None:
    path = wsi_fixtures / name
    with pytest.raises(InputError) as exc:
        run(PathologyInput(path=path))
    assert exc.value.what == what and str(path) in exc.value.one_line()
    assert exc.value.exit_code == 4
