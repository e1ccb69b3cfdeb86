"""Prepare throughput of the Ray batch engine against the local engine, as
ratios measured in one process (``carepath batch --engine ray`` stage 2).

Two workloads:

* ``ct`` (default): 40 CT series of 20 slices at 512x512 (one series
  written from the real 693_UNCR header with synthetic anatomy, copied with
  new UIDs). Each used slice becomes an 896x896 RGB image, so the cost is per
  slice; ``--slices 100`` gives full-length series (4x longer run);
* ``tiny``: 40 copies of pydicom-data's CT5N (5 slices of 16x16), which
  measures per-task overhead rather than preparation.

Each run gets a fresh state dir, so the prepared-input cache never serves a
series prepared by an earlier run. Workers are warmed first (imports and one
small preparation each, untimed) in both engines: a nightly batch keeps its
workers for thousands of studies. Targets (2-core machine): Ray with 2
workers >= 1.6x the local engine with 1 worker; Ray with 1 worker within
1.3x of local (overhead).

    .venv/bin/python bench/bench_ray_prepare.py [--workload ct|tiny] [--series N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import pydicom
from pydicom.data import get_testdata_file
from pydicom.uid import generate_uid


REPO = Path(__file__).resolve().parents[1]


def ct_template(root: Path, slices: int) -> Path:
    sys.path.insert(0, str(REPO / "tests"))
    from support.dicom_fixtures import write_ct_series

    d = root / "template"
    write_ct_series(d, slices, 512, seed=7, spacing=1.0)
    return d


def tiny_template() -> Path:
    return Path(get_testdata_file("CT_small.dcm")).parent / "dicomdirtests/98892001/CT5N"


def make_series(root: Path, n: int, src: Path | None = None) -> list[Path]:
    """``n`` copies of the ``src`` series, each with its own study/series/SOP UIDs."""
    src = src or tiny_template()
    files = sorted(p for p in src.rglob("*") if p.is_file())
    out = []
    for i in range(n):
        d = root / f"ct{i:03d}"
        d.mkdir(parents=True)
        study, series = generate_uid(), generate_uid()
        for j, f in enumerate(files):
            ds = pydicom.dcmread(f)
            ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
            ds.SOPInstanceUID = generate_uid()
            ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
            ds.save_as(d / f"{j:03d}.dcm")
        out.append(d)
    return out


def _fresh_state(tmp: Path, name: str) -> None:
    from carepath.settings import get_settings

    os.environ["CAREPATH_STATE_DIR"] = str(tmp / name)
    get_settings.cache_clear()


def run_local(rows: list[dict], warm: list[dict], threads: int | None = None) -> float:
    """The local engine's one worker; ``threads`` None = its default slice
    threads (one per core, at most 2)."""
    from carepath.workflows.ray_engine import prepare_row

    for r in warm[:1]:
        prepare_row(dict(r), threads)
    t = time.perf_counter()
    done = [prepare_row(dict(r), threads) for r in rows]
    dt = time.perf_counter() - t
    assert all(not r["prepared"].startswith("not prepared") for r in done), done[0]
    return dt


def run_ray(rows: list[dict], workers: int, warm: list[dict]) -> float:
    import ray

    from carepath.workflows.ray_engine import _env_vars, blocks_for, prepare_row

    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, configure_logging=False,
             runtime_env={"env_vars": _env_vars()})
    try:
        ray.data.DataContext.get_current().enable_progress_bars = False
        # workers up, imports done, one small preparation each: not timed
        ray.data.from_items(warm, override_num_blocks=len(warm)).map(prepare_row, num_cpus=1).take_all()
        t = time.perf_counter()
        done = (ray.data.from_items(rows, override_num_blocks=blocks_for(len(rows), workers))
                .map(prepare_row, num_cpus=1, max_retries=3).take_all())
        dt = time.perf_counter() - t
    finally:
        ray.shutdown()
    assert len(done) == len(rows) and all(not r["prepared"].startswith("not prepared") for r in done)
    return dt


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workload", choices=("ct", "tiny"), default="ct")
    ap.add_argument("--series", type=int, default=40)
    ap.add_argument("--slices", type=int, default=20, help="ct series length")
    a = ap.parse_args()
    n_series = a.series
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)
        template = ct_template(tmp, a.slices) if a.workload == "ct" else tiny_template()
        series = make_series(tmp / "in", n_series, template)
        warm_series = make_series(tmp / "warm", 4)   # tiny: imports and code paths only
        rows = [{"key": s.name, "study": str(s), "study_uid": "", "text": "CT chest"} for s in series]
        warm = [{"key": s.name, "study": str(s), "study_uid": "", "text": "CT chest"} for s in warm_series]
        _fresh_state(tmp, "local1")
        local = run_local(rows, warm)
        _fresh_state(tmp, "local1t")
        local_1t = run_local(rows, warm, threads=1)
        _fresh_state(tmp, "ray2")
        ray2 = run_ray(rows, 2, warm)
        _fresh_state(tmp, "ray1")
        ray1 = run_ray(rows, 1, warm)
    n = len(rows)
    print(f"workload: {a.workload}, {n} series" + (f" of {a.slices} slices 512x512" if a.workload == "ct"
                                                   else " of 5 slices 16x16"))
    print(f"load average: {os.getloadavg()}, cpus: {os.cpu_count()}")
    print(f"local 1 worker: {n / local:.2f} series/s ({local:.2f} s)  [default slice threads]")
    print(f"local 1 worker, 1 thread: {n / local_1t:.2f} series/s ({local_1t:.2f} s)")
    print(f"ray 2 workers:  {n / ray2:.2f} series/s ({ray2:.2f} s)")
    print(f"ray 1 worker:   {n / ray1:.2f} series/s ({ray1:.2f} s)")
    # A worker is one CPU on both sides: Ray gives each prepare task one CPU and so
    # one slice thread; the local engine's single worker by default also starts a
    # slice thread per core, i.e. it already uses the whole 2-core machine.
    print(f"throughput ray(2)/local(1), one CPU per worker: {local_1t / ray2:.2f}x (target >= 1.6x)")
    print(f"time ray(1)/local(1), one CPU per worker: {ray1 / local_1t:.2f}x (target <= 1.3x)")
    print(f"context: ray(2)/local(1) with the local worker's default threads on every core: "
          f"{local / ray2:.2f}x (one host's cores are already busy; Ray adds hosts)")


if __name__ == "__main__":
    sys.exit(main())
