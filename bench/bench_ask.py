"""``carepath ask`` latency, cold and warm, and what the ONNX query encoder
changes, in one run:

* cold: ``carepath ask --json`` in a new process (index already built),
  pinned to two cores with ``taskset`` when available, median of ``--runs``;
  once with the index's ONNX encoder and once with the same index told to
  use sentence-transformers (a copy of the manifest with ``encoder: false``),
  so the ratio is measured on the same machine at the same time;
* warm: per-question latency of ``answer()`` in one process over the TUNE
  questions (p50 / p95);
* rankings: top-5 chunk rows with ONNX vs sentence-transformers query
  vectors on the TEST questions (identical lists / identical top-1), and the
  largest absolute difference between the two query vectors.

    CAREPATH_DATA_DIR=... .venv/bin/python bench/bench_ask.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUESTION = "Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?"


def _cold(data_dir: Path, runs: int) -> list[float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env.update({"CAREPATH_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"})
    pin = ["taskset", "-c", "0,1"] if shutil.which("taskset") and (os.cpu_count() or 1) >= 2 else []
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        r = subprocess.run([*pin, sys.executable, "-m", "carepath", "ask", "--json", QUESTION], env=env,
                           capture_output=True, text=True, timeout=300)
        times.append(time.perf_counter() - t)
        if r.returncode != 0:
            raise SystemExit(f"carepath ask failed: {r.stderr[-1500:]}")
    return times


def _without_encoder(index_dir: Path, root: Path) -> Path:
    """A data dir whose index is the same files, its manifest saying no ONNX encoder."""
    dest = root / "index" / "default"
    dest.mkdir(parents=True)
    for f in index_dir.iterdir():
        if f.name not in ("manifest.json", "encoder"):
            (dest / f.name).symlink_to(f.resolve(), target_is_directory=f.is_dir())
    m = json.loads((index_dir / "manifest.json").read_text("utf-8"))
    m["encoder"] = False
    (dest / "manifest.json").write_text(json.dumps(m), encoding="utf-8")
    return root


def _warm(rows: list) -> tuple[float, float]:
    from carepath.knowledge.answer import answer
    from carepath.knowledge.retriever import get_index

    idx = get_index()
    answer(QUESTION, index=idx)  # first call loads the encoder and BM25
    lat = []
    for r in rows:
        t = time.perf_counter()
        answer(r.question, index=idx)
        lat.append(time.perf_counter() - t)
    lat.sort()
    return statistics.median(lat), lat[int(0.95 * (len(lat) - 1))]


def _rankings(rows: list) -> dict[str, float]:
    import numpy as np

    from carepath.knowledge.retriever import expand, get_index, search
    from carepath.models.embeddings import embed_texts

    idx = get_index()
    same = same1 = 0
    worst = 0.0
    for r in rows:
        q = expand(r.question, idx)
        v_onnx = idx.encode([q])[0]
        v_st = embed_texts([q])[0]
        worst = max(worst, float(np.abs(v_onnx - v_st).max()))
        a = [p.row for p in search(r.question, 5, index=idx, qvec=v_onnx)]
        b = [p.row for p in search(r.question, 5, index=idx, qvec=v_st)]
        same += a == b
        same1 += a[:1] == b[:1]
    n = max(len(rows), 1)
    return {"identical_top5": same / n, "identical_top1": same1 / n, "max_abs_vector_diff": worst, "n": len(rows)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from carepath.knowledge.eval import load_questions
    from carepath.knowledge.index import default_index_dir
    from carepath.knowledge.retriever import get_index
    from carepath.settings import get_settings

    get_index()  # built if missing (not timed)
    rows = load_questions()
    onnx = _cold(get_settings().data_dir, args.runs)
    with tempfile.TemporaryDirectory() as d:
        st = _cold(_without_encoder(default_index_dir(), Path(d)), args.runs)
    p50, p95 = _warm([r for r in rows if r.split == "tune"])
    ranks = _rankings([r for r in rows if r.split == "test"])
    cold_onnx, cold_st = statistics.median(onnx), statistics.median(st)
    print(f"cold carepath ask (2 cores): ONNX {cold_onnx:.2f} s, sentence-transformers {cold_st:.2f} s, "
          f"ratio {cold_st / cold_onnx:.1f}x  (runs: {[round(x, 2) for x in onnx]} / {[round(x, 2) for x in st]})")
    print(f"warm answer(): p50 {1000 * p50:.1f} ms, p95 {1000 * p95:.1f} ms over "
          f"{sum(r.split == 'tune' for r in rows)} tune questions")
    print(f"rankings ONNX vs sentence-transformers on {ranks['n']} test questions: identical top-5 "
          f"{ranks['identical_top5']:.3f}, identical top-1 {ranks['identical_top1']:.3f}, "
          f"max |Δ| of query vectors {ranks['max_abs_vector_diff']:.2e}")


if __name__ == "__main__":
    main()
