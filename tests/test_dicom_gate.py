"""The DICOM input gate on every malformed asset, a non-DICOM file, missing
pixel data and an unsupported compression: one typed error naming the file
and the reason, never another exception, and never a patient identifier."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import pydicom
import pytest
from pydicom.uid import generate_uid

from carepath.errors import InputError
from carepath.tools.dicom.gate import dicomdir_files, read_frame, read_full, read_header, read_pixels
from support.dicom_fixtures import MALFORMED_ASSETS, asset_path

# What each malformed asset does at the gate: fails on the header, or only
# once its pixels are decoded (then the header read must still work).
EXPECTED = {
    "MR_truncated.dcm": ("pixels", "pixel data cannot be decoded"),
    "badVR.dcm": ("pixels", "pixel data cannot be decoded"),
    "meta_missing_tsyntax.dcm": ("header", "incomplete DICOM file"),
    "no_meta.dcm": ("header", "not a DICOM file"),
    "rtplan_truncated.dcm": ("pixels", "no pixel data"),
    "JPEG2000-embedded-sequence-delimiter.dcm": ("pixels", "pixel data cannot be decoded"),
    "JPEG-lossy.dcm": ("pixels", "pixel data cannot be decoded"),
    "emri_small_jpeg_2k_lossless_too_short.dcm": ("pixels", "incomplete DICOM file"),
    "zipMR.gz": ("header", "not a DICOM file"),
}


def test_every_malformed_asset_is_covered() -> None:
    assert set(EXPECTED) == set(MALFORMED_ASSETS)


@pytest.mark.parametrize("name", MALFORMED_ASSETS)
def test_malformed_asset_gives_one_clear_error(name: str) -> None:
    stage, what = EXPECTED[name]
    path = asset_path(name)
    if stage == "header":
        with pytest.raises(InputError) as err:
            read_header(path)
    else:
        read_header(path)  # headers of these files are usable: other files of a study still are
        with pytest.raises(InputError) as err:
            read_pixels(path)
    assert err.value.what == what
    assert name in err.value.one_line() and err.value.why


def test_non_dicom_and_empty_files(tmp_path: Path) -> None:
    junk = tmp_path / "scan.dcm"
    junk.write_bytes(b"\x00" * 128 + b"DICX" + b"garbage")
    with pytest.raises(InputError, match=r"not a DICOM file \(.*scan\.dcm\)"):
        read_header(junk)
    empty = tmp_path / "empty.dcm"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_header(empty)
    with pytest.raises(InputError, match="not found"):
        read_header(tmp_path / "missing.dcm")


def test_truncated_mid_element_is_caught(tmp_path: Path) -> None:
    """Cut a real file inside its header: pydicom raises its own exception
    types (the fuzzer's BytesLengthException class of bug); the gate turns
    any of them into an InputError."""
    raw = asset_path("CT_small.dcm").read_bytes()
    for cut in (140, 333, 700, 1500):
        p = tmp_path / f"cut{cut}.dcm"
        p.write_bytes(raw[:cut])
        try:
            read_full(p)
        except InputError as exc:
            assert p.name in exc.one_line()


def test_missing_pixel_data(tmp_path: Path) -> None:
    ds = pydicom.dcmread(asset_path("CT_small.dcm"))
    del ds.PixelData
    p = tmp_path / "nopixels.dcm"
    ds.save_as(p)
    with pytest.raises(InputError, match=r"no pixel data \(.*nopixels\.dcm\)"):
        read_pixels(p)


def test_unsupported_compression_is_named(tmp_path: Path) -> None:
    ds = pydicom.dcmread(asset_path("CT_small.dcm"))
    ds.file_meta.TransferSyntaxUID = pydicom.uid.MPEG2MPML
    ds.PixelData = pydicom.encaps.encapsulate([b"\x00\x00\x01\xb3" + bytes(60)])
    ds["PixelData"].VR = "OB"
    p = tmp_path / "video.dcm"
    ds.save_as(p)
    with pytest.raises(InputError) as err:
        read_pixels(p)
    assert err.value.what == "unsupported compression"
    assert "MPEG2" in (err.value.why or "") and "video.dcm" in err.value.one_line()


@pytest.mark.parametrize("name", ["MR_small_RLE.dcm", "MR_small_jpeg_ls_lossless.dcm",
                                  "MR_small_bigendian.dcm", "MR2_J2KR.dcm"])
def test_compressed_syntaxes_decode(name: str) -> None:
    ds, arr = read_pixels(asset_path(name))
    assert arr.ndim == 2 and arr.shape == (ds.Rows, ds.Columns)
    if name.startswith("MR_small"):
        _, ref = read_pixels(asset_path("MR_small.dcm"))
        assert (arr == ref).all()


def test_single_frame_of_multiframe_decodes_alone() -> None:
    _, whole = read_pixels(asset_path("emri_small_jpeg_2k_lossless.dcm"))
    frame = read_frame(asset_path("emri_small_jpeg_2k_lossless.dcm"), 7)
    assert (frame == whole[7]).all()


def test_dicomdir_lists_only_referenced_files() -> None:
    files = dicomdir_files(asset_path("DICOMDIR"))
    assert len(files) == 31 and all(f.is_file() for f in files)


def test_no_patient_identifiers_in_errors_or_logs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Broken files whose PHI sits in the very values that fail to parse."""
    from carepath.tools.ct_volume import VolumeInput, prepare

    name, pid = "Yamada^Tarou", "PHI-ID-4711"
    folder = tmp_path / "phi"
    folder.mkdir()
    for i in range(3):
        ds = pydicom.dcmread(asset_path("CT_small.dcm"))
        ds.PatientName, ds.PatientID, ds.AccessionNumber = name, pid, "ACC-99"
        ds.SOPInstanceUID = generate_uid()
        ds.ImagePositionPatient = [0, 0, float(i)]
        if i == 0:
            ds.InstanceNumber = 12345678901  # patched below into an invalid IS holding the ID
        if i == 1:
            ds.PixelData = ds.PixelData[:100]  # truncated pixels
        ds.save_as(folder / f"im{i}.dcm")
    first = folder / "im0.dcm"
    first.write_bytes(first.read_bytes().replace(b"12345678901 ", pid.encode() + b" "))
    raw = (folder / "im2.dcm").read_bytes()
    (folder / "im3.dcm").write_bytes(raw[: raw.find(b"PHI-ID") + 4])  # cut inside the PatientID
    caplog.set_level(logging.DEBUG)
    messages: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            messages += prepare(VolumeInput(path=folder, min_slices=1)).warnings
        except InputError as exc:
            messages.append(exc.one_line())
    messages += [r.getMessage() for r in caplog.records] + [str(w.message) for w in caught]
    text = "\n".join(messages)
    assert all(f"im{i}.dcm" in text for i in (0, 1, 3)), text  # each broken file is reported
    for phi in ("Yamada", "PHI-ID", "ACC-99"):
        assert phi not in text


def test_mutated_files_only_ever_raise_input_error(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """A cheap seeded mutation fuzz over real files (the gate must catch
    whatever pydicom raises: BytesLengthException, struct errors, …)."""
    import numpy as np

    rng = np.random.default_rng(7)
    sources = [asset_path(n).read_bytes() for n in ("CT_small.dcm", "MR_small_RLE.dcm", "emri_small.dcm")]
    p = tmp_path / "fuzz.dcm"
    for k in range(90):
        data = bytearray(sources[k % 3])
        if k % 2:
            data = data[: int(rng.integers(132, len(data)))]
        for pos in rng.integers(128, len(data), size=int(rng.integers(1, 12))):
            data[pos] = int(rng.integers(0, 256))
        p.write_bytes(bytes(data))
        try:
            read_pixels(p)
        except InputError as exc:
            assert "fuzz.dcm" in exc.one_line()
    # Nothing printed behind Python's back (a Rust decoder panic writes a backtrace).
    assert "panicked" not in capfd.readouterr().err
