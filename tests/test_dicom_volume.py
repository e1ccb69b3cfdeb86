"""Volume geometry (order by position along the normal, gaps, duplicates,
mixed planes, enhanced multi-frame), uniform sampling, decoding only the
chosen slices, HU rescale and the CT/MRI image recipes."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pydicom
import pytest
from pydicom.uid import generate_uid

from carepath.errors import InputError
from carepath.tools.dicom.study import discover
from carepath.tools.dicom.volume import plan_volume, render_volume, sample_indices
from carepath.tools.dicom.windowing import CT_WINDOWS, ct_rgb
from support.dicom_fixtures import asset_path, ct5n_dir, write_ct_series


def test_sampling_is_uniform_and_bounded() -> None:
    assert sample_indices(5) == [0, 1, 2, 3, 4]
    idx = sample_indices(300)
    assert len(idx) == 85 and idx[0] == 0 and idx[-1] == 299
    steps = np.diff(idx)
    assert steps.min() >= 3 and steps.max() <= 4


def test_order_is_geometric_not_instance_number(ct_series_dir: Path) -> None:
    series = discover(ct_series_dir).series[0]
    numbers = [i.instance_number for i in series.instances]
    assert numbers != sorted(numbers)  # scrambled on purpose
    plan = plan_volume(series)
    locs = [s.location_mm for s in plan.slices]
    assert plan.order == "position along slice normal" and locs == sorted(locs)
    assert plan.spacing_mm == pytest.approx(1.25) and plan.warnings == []
    assert len(plan.chosen) == 85 and plan.chosen[0] == 0 and plan.chosen[-1] == 119


def test_only_chosen_slices_are_decoded(ct_series_dir: Path, tmp_path: Path) -> None:
    """Corrupt every slice that sampling skips: nothing is reported, so none
    of them was decoded; corrupt a chosen one: it is reported by file name
    and replaced by a neighbour."""
    d = tmp_path / "s"
    shutil.copytree(ct_series_dir, d)
    plan = plan_volume(discover(d).series[0], max_slices=10)
    skipped = [i for i in range(len(plan.slices)) if i not in plan.chosen]
    for i in skipped:
        Path(plan.slices[i].path).write_bytes(Path(plan.slices[i].path).read_bytes()[:-500])
    plan = plan_volume(discover(d).series[0], max_slices=10)
    vol = render_volume(plan, "ct", workers=1)
    assert vol.problems == [] and vol.used == plan.chosen
    shutil.rmtree(d)
    shutil.copytree(ct_series_dir, d)  # neighbours intact again
    bad = plan.slices[plan.chosen[3]].path
    Path(bad).write_bytes(Path(bad).read_bytes()[:-500])
    vol = render_volume(plan, "ct", workers=2)
    assert len(vol.used) == 10 and plan.chosen[3] not in vol.used
    assert len(vol.problems) >= 1 and Path(bad).name in vol.problems[0]


def test_hu_rescale_and_three_windows(ct_series_dir: Path) -> None:
    hu = np.array([[-1024.0, 0.0, 40.0, 80.0, 215.0, 1024.0]], np.float32)
    rgb = ct_rgb(hu)
    assert rgb[0, :, 0].tolist() == [0, 127, 132, 137, 154, 255]          # R -1024..1024
    assert rgb[0, :, 1].tolist() == [0, 98, 127, 156, 255, 255]           # G -135..215
    assert rgb[0, :, 2].tolist() == [0, 0, 127, 255, 255, 255]            # B 0..80
    assert [w.low for w in CT_WINDOWS] == [-1024, -135, 0]
    # Stored values + intercept -1024 = HU: the phantom's air is black in
    # every channel and its soft tissue (~40 HU) mid-grey in the brain window.
    plan = plan_volume(discover(ct_series_dir).series[0], max_slices=3)
    img = render_volume(plan, "ct", workers=1).images[1]
    assert img.shape == (896, 896, 3) and img.dtype == np.uint8
    assert img[5, 5, 0] < 10 and img[5, 5, 1:].tolist() == [0, 0]
    centre = img[430:470, 300:340].reshape(-1, 3).mean(axis=0)
    assert 120 < centre[0] < 145 and 110 < centre[1] < 145 and 80 < centre[2] < 180


def test_gaps_duplicates_and_mixed_orientation(tmp_path: Path) -> None:
    d = tmp_path / "s"
    files = write_ct_series(d, 12, 16, seed=5, skip={5, 6, 7})
    dup = pydicom.dcmread(files[0])
    dup.SOPInstanceUID = generate_uid()
    dup.save_as(d / "dup.dcm")
    scout = pydicom.dcmread(files[1])
    scout.SOPInstanceUID = generate_uid()
    scout.ImageOrientationPatient = [1, 0, 0, 0, 0, -1]  # coronal localizer in the axial series
    scout.save_as(d / "scout.dcm")
    plan = plan_volume(discover(d).series[0])
    text = " | ".join(plan.warnings)
    assert "mixed orientations" in text and "left out 1" in text
    assert "1 duplicate slice position" in text
    assert "gap of 5.0 mm" in text
    assert len(plan.slices) == 9


def test_one_slice_series_is_a_clear_error() -> None:
    series = discover(asset_path("693_UNCR.dcm")).series[0]
    with pytest.raises(InputError) as err:
        plan_volume(series)
    assert "693_UNCR.dcm" in err.value.one_line() and "--min-slices 1" in err.value.one_line()
    plan = plan_volume(series, min_slices=1)
    assert len(render_volume(plan, "ct").images) == 1


def test_ct5n_real_headers() -> None:
    plan = plan_volume(discover(ct5n_dir()).series[0])
    assert [s.instance_number for s in plan.slices] == [10, 9, 8, 7, 6]  # inferior to superior
    vol = render_volume(plan, "ct")
    assert len(vol.images) == 5 and vol.record()["slice_map"]["0"]["sop_instance_uid"]


def test_j2k_series_in_worker_processes_matches_uncompressed(tmp_path: Path, ct_series_j2k_dir: Path) -> None:
    plan = plan_volume(discover(ct_series_j2k_dir).series[0])
    assert plan.compressed
    procs = render_volume(plan, "ct", use_processes=True, workers=2)
    threads = render_volume(plan, "ct", use_processes=False, workers=1)
    assert len(procs.images) == 12
    assert all((a == b).all() for a, b in zip(procs.images, threads.images))


def test_enhanced_mr_multiframe_and_compressed_equal() -> None:
    a = render_volume(plan_volume(discover(asset_path("emri_small.dcm")).series[0]), "mri")
    b = render_volume(plan_volume(discover(asset_path("emri_small_jpeg_2k_lossless.dcm")).series[0]), "mri")
    assert len(a.images) == 10 and [s.frame for s in a.plan.slices] == list(range(1, 11))
    assert all((x == y).all() for x, y in zip(a.images, b.images))
    w = a.windows[0]
    assert "percentile" in w.name and w.high > w.low
    # Grey in RGB, brightness from one per-volume window.
    img = a.images[4]
    assert (img[..., 0] == img[..., 1]).all() and img.max() == 255


def test_mri_monochrome1_is_inverted(tmp_path: Path) -> None:
    src = discover(asset_path("MR_small.dcm")).series[0]
    d = tmp_path / "mr"
    d.mkdir()
    for photometric in ("MONOCHROME2", "MONOCHROME1"):
        sub = d / photometric
        sub.mkdir()
        for k in range(2):
            ds = pydicom.dcmread(src.instances[0].path)
            ds.PhotometricInterpretation = photometric
            ds.SOPInstanceUID = generate_uid()
            ds.ImagePositionPatient = [0, 0, float(k)]
            ds.save_as(sub / f"{k}.dcm")
    m2 = render_volume(plan_volume(discover(d / "MONOCHROME2").series[0]), "mri").images[0]
    m1 = render_volume(plan_volume(discover(d / "MONOCHROME1").series[0]), "mri").images[0]
    assert (np.abs(m1.astype(int) + m2.astype(int) - 255) <= 1).mean() > 0.99


def test_enhanced_ct_frames_ordered_by_functional_group_positions(tmp_path: Path) -> None:
    """An Enhanced CT whose frames are stored out of order, with per-frame
    positions and a shared rescale: frames follow geometry, each frame is
    decoded alone, and HU use the functional group's intercept."""
    from pydicom.dataset import Dataset

    src = [pydicom.dcmread(f) for f in sorted(ct5n_dir().iterdir())]
    order = [3, 0, 4, 1, 2]
    ds = pydicom.dcmread(ct5n_dir() / sorted(p.name for p in ct5n_dir().iterdir())[0])
    ds.SOPClassUID = pydicom.uid.EnhancedCTImageStorage
    ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID
    ds.NumberOfFrames = 5
    ds.PixelData = b"".join(src[i].PixelData for i in order)
    for kw in ("ImagePositionPatient", "ImageOrientationPatient", "RescaleIntercept", "RescaleSlope"):
        delattr(ds, kw)
    shared = Dataset()
    ori, pvt = Dataset(), Dataset()
    ori.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    pvt.RescaleIntercept, pvt.RescaleSlope, pvt.RescaleType = -1024, 1, "HU"
    shared.PlaneOrientationSequence, shared.PixelValueTransformationSequence = [ori], [pvt]
    ds.SharedFunctionalGroupsSequence = [shared]
    frames = []
    for i in order:
        item, pos = Dataset(), Dataset()
        pos.ImagePositionPatient = src[i].ImagePositionPatient
        item.PlanePositionSequence = [pos]
        frames.append(item)
    ds.PerFrameFunctionalGroupsSequence = frames
    p = tmp_path / "enhanced_ct.dcm"
    ds.save_as(p)
    series = discover(p).series[0]
    assert series.slice_count == 5 and series.orientation == "axial"
    plan = plan_volume(series)
    locs = [s.location_mm for s in plan.slices]
    assert locs == sorted(locs) and plan.order == "position along slice normal"
    # Stored frame k holds source slice order[k]; sorted by z ascending = source reversed.
    assert [s.frame for s in plan.slices] == [order.index(i) + 1 for i in (4, 3, 2, 1, 0)]
    assert all(s.intercept == -1024 for s in plan.slices)
    from carepath.tools.dicom.volume import decode_values

    first = plan.slices[0]
    expected = src[4].pixel_array.astype(np.float32) - 1024
    assert np.array_equal(decode_values(first), expected)
