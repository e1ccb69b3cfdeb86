"""Prepare throughput of the Ray batch engine against the local engine, as
ratios measured in one process (``carepath batch --engine ray`` stage 2).

40 CT series are copies of pydicom-data's CT5N series with new UIDs. Each
run gets a fresh state dir, so the prepared-input cache never serves a
series prepared by an earlier run. Targets (2-core machine): Ray with 2
workers >= 1.6x the local engine with 1 worker; Ray with 1 worker within
1.3x of local (overhead).

    .venv/bin/python bench/bench_ray_prepare.py [--series 40]
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


def make_series(root: Path, n: int) -> list[Path]:
    src = Path(get_testdata_file("CT_small.dcm")).parent / "dicomdirtests/98892001/CT5N"
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


def run_local(rows: list[dict]) -> float:
    from carepath.workflows.ray_engine import prepare_row

    t = time.perf_counter()
    done = [prepare_row(dict(r)) for r in rows]
    dt = time.perf_counter() - t
    assert all(not r["prepared"].startswith("not prepared") for r in done), done[0]
    return dt


def run_ray(rows: list[dict], workers: int) -> float:
    import ray

    from carepath.workflows.ray_engine import _env_vars, prepare_row

    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, configure_logging=False,
             runtime_env={"env_vars": _env_vars()})
    try:
        ray.data.DataContext.get_current().enable_progress_bars = False
        ray.data.from_items([{"warm": 1}]).map(lambda r: r).take_all()   # workers up, not timed
        t = time.perf_counter()
        done = (ray.data.from_items(rows, override_num_blocks=len(rows))
                .map(prepare_row, num_cpus=1, max_retries=3).take_all())
        dt = time.perf_counter() - t
    finally:
        ray.shutdown()
    assert len(done) == len(rows) and all(not r["prepared"].startswith("not prepared") for r in done)
    return dt


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--series", type=int, default=40)
    a = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)
        series = make_series(tmp / "in", a.series)
        rows = [{"key": s.name, "study": str(s), "study_uid": "", "text": "CT chest"} for s in series]
        _fresh_state(tmp, "local1")
        local = run_local(rows)
        _fresh_state(tmp, "ray2")
        ray2 = run_ray(rows, 2)
        _fresh_state(tmp, "ray1")
        ray1 = run_ray(rows, 1)
    n = len(rows)
    print(f"load average: {os.getloadavg()}, cpus: {os.cpu_count()}")
    print(f"local 1 worker: {n / local:.2f} series/s ({local:.2f} s)")
    print(f"ray 2 workers:  {n / ray2:.2f} series/s ({ray2:.2f} s)")
    print(f"ray 1 worker:   {n / ray1:.2f} series/s ({ray1:.2f} s)")
    print(f"throughput ray(2)/local(1): {local / ray2:.2f}x (target >= 1.6x)")
    print(f"time ray(1)/local(1): {ray1 / local:.2f}x (target <= 1.3x)")


if __name__ == "__main__":
    sys.exit(main())
