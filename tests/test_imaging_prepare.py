"""`carepath prepare` on each real asset kind: the exact PNGs and prompt
MedGemma would get, the record, and one-line errors on bad input."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from carepath.cli import main
from support.dicom_fixtures import asset_path, ct5n_dir


def _prepare(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    rc = main(["prepare", *args])
    out, err = capsys.readouterr()
    return rc, out, err


def test_prepare_ct_series_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = _prepare(capsys, str(ct5n_dir()), "--out", str(tmp_path / "o"), "--json")
    assert rc == 0
    report = json.loads(out)
    assert report["skill"] == "ct_mri" and len(report["images"]) == 5
    prompt = json.loads(Path(report["prompt_json"]).read_text())
    content = prompt["messages"][0]["content"]
    assert [c["type"] for c in content[:2]] == ["image", "text"] and content[0]["file"] == "slice_001.png"
    assert content[-1]["type"] == "text" and "CT series" in content[-1]["text"]
    record = json.loads(Path(report["record_json"]).read_text())
    assert record["preprocessing"]["order"] == "position along slice normal"
    from carepath.artifacts import sha256_file

    for img in record["images"]:
        p = tmp_path / "o" / img["file"]
        assert sha256_file(p) == img["sha256"]
        with Image.open(p) as im:
            assert im.size == (896, 896)
    assert "<image: slice_005.png>" in Path(report["prompt_text"]).read_text()


def test_prepare_cxr_dicom_and_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = _prepare(capsys, str(asset_path("RG1_UNCR.dcm")), "--out", str(tmp_path / "c"))
    assert rc == 0 and "skill: cxr" in out and (tmp_path / "c" / "image.png").is_file()
    z = tmp_path / "study.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(asset_path("emri_small.dcm"), "MR/emri_small.dcm")
    rc, out, _ = _prepare(capsys, str(z), "--out", str(tmp_path / "z"), "--json")
    assert rc == 0 and json.loads(out)["record"]["modality"] == "MR"
    assert len(list((tmp_path / "z").glob("slice_*.png"))) == 10


def test_prepare_dicomdir_with_series_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err = _prepare(capsys, str(asset_path("DICOMDIR")), "--out", str(tmp_path / "d"),
                            "--series", "modality=CT&description~Routine", "--json")
    assert rc == 0
    rec = json.loads(out)["record"]
    assert rec["series_description"] == "Routine Brain" and rec["slices_used"] == 4


def test_prepare_single_ct_slice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    # One file named on purpose is prepared as it is (a one-slice "volume")...
    rc, out, _ = _prepare(capsys, str(asset_path("693_J2KR.dcm")), "--out", str(tmp_path / "a"))
    assert rc == 0 and (tmp_path / "a" / "slice_001.png").is_file()
    assert not (tmp_path / "a" / "slice_002.png").exists()
    # ...while in a folder a lone slice is not a volume unless asked for.
    folder = tmp_path / "study"
    folder.mkdir()
    shutil.copy(asset_path("693_J2KR.dcm"), folder / "693.dcm")
    rc, _, err = _prepare(capsys, str(folder), "--out", str(tmp_path / "b"))
    assert rc == 4 and err.count("\n") == 1 and "Traceback" not in err
    assert "1 image, fewer than 2" in err and "--min-slices 1" in err
    rc, out, _ = _prepare(capsys, str(folder), "--out", str(tmp_path / "c"), "--min-slices", "1")
    assert rc == 0 and (tmp_path / "c" / "slice_001.png").is_file()


@pytest.mark.parametrize("name", ["zipMR.gz", "no_meta.dcm", "reportsi.dcm", "rtplan_truncated.dcm"])
def test_prepare_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    rc, _, err = _prepare(capsys, str(asset_path(name)), "--out", str(tmp_path / "x"))
    assert rc == 4 and name in err and "Traceback" not in err and err.count("\n") == 1


def test_prepare_bad_study_folder_still_prepares(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 bad_study_dir: Path) -> None:
    rc, out, err = _prepare(capsys, str(bad_study_dir), "--out", str(tmp_path / "b"))
    assert rc == 0 and "8 of 10 slices" in out
    assert "warning: unsupported compression" in err and "Traceback" not in err
