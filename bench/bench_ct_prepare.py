"""CT preparation benchmark: folder → 85 model-ready RGB 896×896 slices in memory.

A 300-slice 512×512 CT series is written with pydicom from the real
693_UNCR header (new UIDs, scrambled InstanceNumbers, synthetic anatomy plus
Gaussian CT-like noise σ 20 HU), once uncompressed and once JPEG 2000
lossless. For each, two pipelines run, each in a fresh subprocess so peak
memory is measured cleanly (RSS summed over the subprocess and any workers
it starts, sampled every 5 ms):

* baseline ("the notebook way"): read every file, sort by position, decode
  every slice into a HU volume, then sample 85 slices and window them;
* carepath: headers only, geometric sort, sample, decode only the 85 chosen
  slices in two workers (processes for JPEG 2000, threads otherwise).

Both produce identical images (same windowing code; checked by hash).
Ratios are baseline / carepath time and carepath / baseline peak RSS.
Targets (issue 4): ≥ 2× uncompressed, ≥ 4× JPEG 2000, RSS ≤ 0.4×.

    .venv/bin/python bench/bench_ct_prepare.py [--slices 300] [--size 512] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


# --- child side ---------------------------------------------------------------


def _digest(images: list) -> str:
    h = hashlib.sha256()
    for a in images:
        h.update(a.tobytes())
    return h.hexdigest()[:16]


def run_baseline(folder: Path) -> list:
    """Decode everything, then sample (what the public notebook does)."""
    import numpy as np
    import pydicom

    from carepath.tools.dicom.volume import sample_indices
    from carepath.tools.dicom.windowing import ct_rgb, model_image

    datasets = [pydicom.dcmread(f) for f in sorted(folder.iterdir())]
    datasets.sort(key=lambda d: float(d.ImagePositionPatient[2]))
    volume = np.stack([d.pixel_array.astype(np.float32) * np.float32(d.RescaleSlope)
                       + np.float32(d.RescaleIntercept) for d in datasets])
    return [np.asarray(model_image(ct_rgb(volume[i]))[0]) for i in sample_indices(len(volume))]


def run_carepath(folder: Path) -> list:
    from carepath.tools.ct_volume import VolumeInput, prepare_in_memory

    return prepare_in_memory(VolumeInput(path=folder))[1]


def child(mode: str, folder: Path) -> None:
    import carepath.tools.ct_volume  # noqa: F401 - imports are not what is timed
    import pydicom  # noqa: F401

    fn = run_baseline if mode == "baseline" else run_carepath
    t = time.perf_counter()
    images = fn(folder)
    cold = time.perf_counter() - t
    n, digest = len(images), _digest(images)
    del images
    t = time.perf_counter()
    fn(folder)
    warm = time.perf_counter() - t
    print(json.dumps({"mode": mode, "cold_s": cold, "warm_s": warm, "n": n, "digest": digest}))


# --- parent side --------------------------------------------------------------


def measure(mode: str, folder: Path) -> dict:
    import psutil

    state = tempfile.TemporaryDirectory(prefix="bench-state-")
    env = os.environ | {"CAREPATH_STATE_DIR": state.name}
    proc = subprocess.Popen([sys.executable, __file__, "--child", mode, str(folder)],
                            stdout=subprocess.PIPE, text=True, env=env)
    ps = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            procs = [ps] + ps.children(recursive=True)
            peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.005)
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        raise SystemExit(f"{mode} child failed ({proc.returncode})")
    state.cleanup()
    res = json.loads(out.strip().splitlines()[-1])
    res["peak_rss_mib"] = peak / 2**20
    return res


def write_series(root: Path, n: int, size: int) -> dict[str, Path]:
    sys.path.insert(0, str(REPO / "tests"))
    from support.dicom_fixtures import write_ct_series

    out = {}
    for name, compressed in (("uncompressed", False), ("jpeg2000", True)):
        d = root / name
        if not d.is_dir() or len(list(d.iterdir())) != n:
            t = time.perf_counter()
            write_ct_series(d, n, size, compressed=compressed, seed=42, spacing=1.0)
            print(f"wrote {n} {name} slices in {time.perf_counter() - t:.1f} s "
                  f"({sum(f.stat().st_size for f in d.iterdir()) / 2**20:.0f} MiB)", flush=True)
        out[name] = d
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--slices", type=int, default=300)
    ap.add_argument("--size", type=int, default=512)
    ap.add_argument("--keep", type=Path, help="write/reuse the series here instead of a temp dir")
    ap.add_argument("--child", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-ct-"))
    series = write_series(root, args.slices, args.size)
    print(f"\n{args.slices} slices of {args.size}×{args.size} → 85 RGB 896×896 in memory; "
          f"{os.cpu_count()} CPUs\n")
    print(f"{'series':<13}{'pipeline':<10}{'cold s':>8}{'warm s':>8}{'peak RSS MiB':>14}")
    summary = {}
    for name, folder in series.items():
        b = measure("baseline", folder)
        c = measure("carepath", folder)
        assert b["n"] == c["n"] == min(85, args.slices), (b, c)
        assert b["digest"] == c["digest"], "pipelines produced different images"
        for r in (b, c):
            print(f"{name:<13}{r['mode']:<10}{r['cold_s']:>8.2f}{r['warm_s']:>8.2f}{r['peak_rss_mib']:>14.0f}")
        summary[name] = {"speedup_cold": b["cold_s"] / c["cold_s"], "speedup_warm": b["warm_s"] / c["warm_s"],
                         "rss_ratio": c["peak_rss_mib"] / b["peak_rss_mib"]}
    print()
    targets = {"uncompressed": 2.0, "jpeg2000": 4.0}
    for name, s in summary.items():
        print(f"{name:<13} speed-up {s['speedup_cold']:.2f}× cold, {s['speedup_warm']:.2f}× warm "
              f"(target ≥ {targets[name]:.0f}×); peak RSS {s['rss_ratio']:.2f}× (target ≤ 0.4×)")
    print(json.dumps(summary))
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
