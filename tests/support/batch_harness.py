"""Builders for batch tests and the crash/resume benchmark: many small real
radiographs (RG1_UNCR's header and downsampled pixels, new UIDs per study)
and a runner for ``carepath batch`` as a subprocess that can be killed."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pydicom
from pydicom.data import get_testdata_file
from pydicom.uid import generate_uid


def make_cxr_studies(folder: Path, n: int, size: int = 256) -> list[Path]:
    """``n`` single-image CR studies, one file each, distinct Study UIDs."""
    src = pydicom.dcmread(get_testdata_file("RG1_UNCR.dcm"))
    arr = src.pixel_array
    step = max(1, min(arr.shape) // size)
    small = np.ascontiguousarray(arr[::step, ::step][:size, :size]).astype(arr.dtype)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        ds = pydicom.dcmread(get_testdata_file("RG1_UNCR.dcm"))
        ds.Rows, ds.Columns = small.shape
        ds.PixelData = small.tobytes()
        ds.StudyInstanceUID = generate_uid(entropy_srcs=["batch-study", str(i)])
        ds.SeriesInstanceUID = generate_uid(entropy_srcs=["batch-series", str(i)])
        ds.SOPInstanceUID = generate_uid(entropy_srcs=["batch-sop", str(i)])
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        path = folder / f"study{i:03d}.dcm"
        ds.save_as(path, enforce_file_format=True)
        out.append(path)
    return out


def batch_cmd(src: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "carepath", "batch", str(src), "--out", str(out), "--json", *extra]


def run_batch(env: dict[str, str], src: Path, out: Path, *extra: str,
              timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(batch_cmd(src, out, *extra), env=env, text=True, capture_output=True,
                          timeout=timeout)


def kill_batch_after(env: dict[str, str], src: Path, out: Path, delay: float, *extra: str) -> int:
    """Start a batch and SIGKILL its whole process group after ``delay`` s
    (workers included); returns the exit status (negative = killed)."""
    p = subprocess.Popen(batch_cmd(src, out, *extra), env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        p.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
    return p.returncode


def kill_batch_when_writing(env: dict[str, str], src: Path, out: Path, *extra: str,
                            timeout: float = 120) -> bool:
    """Start a batch and SIGKILL it the moment an output write is seen in
    ``out`` (a temp file being filled, or a result just renamed into place);
    returns whether the kill landed while a temp file existed."""
    before = {p.name for p in out.glob("*.json")} if out.exists() else set()
    p = subprocess.Popen(batch_cmd(src, out, *extra), env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + timeout
    mid_write = False
    try:
        while p.poll() is None and time.monotonic() < deadline:
            if out.exists():
                names = {e.name for e in os.scandir(out)}
                if any(n.endswith(".tmp") for n in names):
                    mid_write = True
                    break
                if any(n.endswith(".json") and n not in before for n in names):
                    break
            time.sleep(0.0005)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
        p.wait()
    return mid_write


def check_outcome(state: Path, out: Path, n_studies: int) -> dict[str, int]:
    """Every study has exactly one thread; every output file parses."""
    import sqlite3

    conn = sqlite3.connect(state / "threads.sqlite")
    rows = conn.execute("SELECT request_key, count(*) FROM threads GROUP BY request_key").fetchall()
    conn.close()
    corrupt = 0
    for f in out.glob("*.json"):
        try:
            json.loads(f.read_text())
        except (ValueError, UnicodeDecodeError):
            corrupt += 1
    return {"threads": len(rows), "duplicated": sum(c - 1 for _, c in rows),
            "lost": max(0, n_studies - len(rows)), "corrupt": corrupt}


def trial_delays(n: int, longest: float, seed: int = 0) -> list[float]:
    rng = random.Random(seed)
    return [round(rng.uniform(0.5, longest), 2) for _ in range(n)]


def timed(fn, *a, **kw):  # noqa: ANN001, ANN201
    t = time.perf_counter()
    r = fn(*a, **kw)
    return r, time.perf_counter() - t
