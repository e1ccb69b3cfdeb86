"""Shared pytest fixtures: DICOM series written with pydicom from real headers.

``write_ct_series`` clones the real 693_UNCR CT header (new UIDs, one
position per slice along z, scrambled InstanceNumbers) with synthetic
pixels: an elliptic "body" of soft tissue around a bright ring, in air,
plus Gaussian CT-like noise (uniform regions would compress unrealistically
well). The benchmark uses the same writer at 300×512×512.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pydicom
import pytest
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset
from pydicom.uid import JPEG2000Lossless, generate_uid

__all__ = [
    "write_ct_series", "phantom_hu", "clone_with", "asset_path", "ct5n_dir",
    "ct_series_dir", "ct_series_j2k_dir", "bad_study_dir", "cr_pair_dir",
    "MALFORMED_ASSETS",
]

# Every malformed file listed in /work/shared/ASSETS.md (zipMR.gz is not DICOM).
MALFORMED_ASSETS = [
    "MR_truncated.dcm", "badVR.dcm", "meta_missing_tsyntax.dcm", "no_meta.dcm",
    "rtplan_truncated.dcm", "JPEG2000-embedded-sequence-delimiter.dcm", "JPEG-lossy.dcm",
    "emri_small_jpeg_2k_lossless_too_short.dcm", "zipMR.gz",
]


def asset_path(name: str) -> Path:
    p = get_testdata_file(name)
    assert p, f"pydicom test file {name} missing (install pydicom-data)"
    return Path(p)


def ct5n_dir() -> Path:
    return asset_path("CT_small.dcm").parent / "dicomdirtests/98892001/CT5N"


def phantom_hu(size: int, z: float, rng: np.random.Generator) -> np.ndarray:
    """An axial slice in HU: air, an ellipse of soft tissue (40 HU) whose
    size changes with z, a bone ring (700 HU), a small lesion, noise σ 20 HU."""
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) / size - 0.5
    rx, ry = 0.42, 0.33 * (0.8 + 0.2 * np.cos(z / 40.0))
    r = (xx / rx) ** 2 + (yy / ry) ** 2
    hu = np.full((size, size), -1000.0, np.float32)
    hu[r < 1.0] = 40.0
    hu[(r > 0.82) & (r < 1.0)] = 700.0
    hu[((xx - 0.1) ** 2 + (yy + 0.05) ** 2) < (0.04 * (1 + np.sin(z / 15.0))) ** 2] = 90.0
    hu += rng.normal(0, 20, hu.shape).astype(np.float32)
    return hu


def clone_with(src: Dataset, **changes: object) -> Dataset:
    ds = pydicom.Dataset(src)
    ds.file_meta = pydicom.dataset.FileMetaDataset(src.file_meta)
    for k, v in changes.items():
        setattr(ds, k, v)
    return ds


def write_ct_series(out: Path, n: int, size: int = 512, *, compressed: bool = False,
                    spacing: float = 1.25, seed: int = 0, scramble: bool = True,
                    skip: set[int] | None = None) -> list[Path]:
    """``n`` slices (positions 0..n-1 along z; ``skip`` leaves gaps) into ``out``;
    files named by a random order so neither names nor InstanceNumbers sort."""
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    base = pydicom.dcmread(asset_path("693_UNCR.dcm"))
    study, series = generate_uid(), generate_uid()
    numbers = rng.permutation(n) + 1 if scramble else np.arange(n) + 1
    paths = []
    for k in range(n):
        if skip and k in skip:
            continue
        ds = clone_with(base)
        ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
        ds.SOPInstanceUID = generate_uid()
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.InstanceNumber = int(numbers[k])
        ds.ImagePositionPatient = [-122.5, -112.4, 47.0 - k * spacing]  # feet-first: z decreasing
        ds.SliceLocation = 47.0 - k * spacing
        ds.SliceThickness = spacing
        hu = phantom_hu(size, float(k), rng)
        stored = np.clip(np.rint(hu + 1024.0), -2000, 3000).astype(np.int16)
        ds.Rows = ds.Columns = size
        ds.PixelSpacing = [0.478516 * 512 / size] * 2
        if compressed:
            ds.compress(JPEG2000Lossless, stored)
        else:
            ds.file_meta.TransferSyntaxUID = pydicom.uid.ExplicitVRLittleEndian
            ds.PixelData = stored.tobytes()
        p = out / f"IM{int(rng.integers(1_000_000)):07d}_{k}"
        ds.save_as(p, enforce_file_format=True)
        paths.append(p)
    return paths


@pytest.fixture(scope="session")
def ct_series_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """120 small (32×32) uncompressed CT slices, scrambled instance numbers."""
    d = tmp_path_factory.mktemp("ct120") / "series"
    write_ct_series(d, 120, 32, seed=1)
    return d


@pytest.fixture(scope="session")
def ct_series_j2k_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("ctj2k") / "series"
    write_ct_series(d, 12, 64, compressed=True, seed=2)
    return d


@pytest.fixture(scope="session")
def bad_study_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One study folder holding a good 10-slice CT series and every kind of
    bad input: each malformed asset, a non-DICOM file, a one-slice series, a
    slice without pixel data (in the good series), an unsupported compression,
    a Basic Text SR and an MR image of another series (mixed series)."""
    d = tmp_path_factory.mktemp("bad") / "study"
    good = write_ct_series(d / "ct", 10, 32, seed=3, scramble=True)
    for name in MALFORMED_ASSETS:
        shutil.copy(asset_path(name), d / name)
    (d / "notes.txt").write_text("not a DICOM file\n")
    one = pydicom.dcmread(good[0])
    one.SeriesInstanceUID, one.SOPInstanceUID = generate_uid(), generate_uid()
    one.file_meta.MediaStorageSOPInstanceUID = one.SOPInstanceUID
    one.save_as(d / "one_slice.dcm")
    # A slice of the good series whose pixel data is gone.
    nopix = pydicom.dcmread(good[4])
    del nopix.PixelData
    nopix.save_as(good[4])
    # A slice of the good series in a transfer syntax no installed plugin
    # decodes (MPEG-2 video).
    mpeg = pydicom.dcmread(good[6])
    mpeg.file_meta.TransferSyntaxUID = pydicom.uid.MPEG2MPML
    mpeg.PixelData = pydicom.encaps.encapsulate([b"\x00\x00\x01\xb3" + bytes(60)])
    mpeg["PixelData"].VR = "OB"
    good[6].unlink()
    mpeg.save_as(d / "ct" / "mpeg2.dcm")
    shutil.copy(asset_path("reportsi.dcm"), d / "report_sr.dcm")
    shutil.copy(asset_path("MR_small.dcm"), d / "mr_small.dcm")
    return d


@pytest.fixture(scope="session")
def cr_pair_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """RG1_UNCR (real pixels, downsampled to 489×461 to keep tests fast) as
    two studies of one patient: a prior (2003-01-15) and a current
    (2004-08-26), written in the opposite order of their names."""
    d = tmp_path_factory.mktemp("crpair")
    src = pydicom.dcmread(asset_path("RG1_UNCR.dcm"))
    small = np.ascontiguousarray(src.pixel_array[::4, ::4])
    for name, date in (("a_current.dcm", "20040826"), ("b_prior.dcm", "20030115")):
        ds = clone_with(src)
        ds.StudyInstanceUID, ds.SeriesInstanceUID = generate_uid(), generate_uid()
        ds.SOPInstanceUID = generate_uid()
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.StudyDate = ds.ContentDate = date
        ds.Rows, ds.Columns = small.shape
        ds.PixelData = small.tobytes()
        ds.save_as(d / name, enforce_file_format=True)
    return d


