"""Approximate (the IVF index carepath chooses above EXACT_MAX) vs exact
FAISS search on synthetic 384-dim unit vectors, in one process.

The vectors are clustered (2,000 overlapping Gaussian clusters on the sphere;
a vector's cosine to its cluster centre is only ≈0.7), because sentence
embeddings of a guideline corpus are: on structureless uniform noise no
inverted-file or graph index can beat a scan. nprobe is picked by
carepath's own calibration (smallest power of two reaching recall@10 ≥ 0.95
on corpus-like queries), then measured on separate queries.

    .venv/bin/python bench/bench_faiss.py [--n 1000000] [--queries 500]
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np


def synthetic(n: int, dim: int, clusters: int, seed: int, noise: float = 1.0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centers = rng.normal(size=(clusters, dim)).astype(np.float32)
    out = np.empty((n, dim), dtype=np.float32)
    for b in range(0, n, 100_000):  # generated in slices: no float64 temporaries of the full set
        m = min(100_000, n - b)
        x = centers[rng.integers(0, clusters, m)] + rng.normal(0, noise, (m, dim)).astype(np.float32)
        out[b:b + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def main() -> None:
    import faiss

    from carepath.knowledge.index import calibrate_nprobe, choose_index, train_and_fill

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--dim", type=int, default=384)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--noise", type=float, default=1.0, help="per-dimension spread around cluster centres")
    a = ap.parse_args()
    faiss.omp_set_num_threads(2)
    t = time.perf_counter()
    xb = synthetic(a.n, a.dim, clusters=2000, seed=0, noise=a.noise)
    rng = np.random.default_rng(7)
    xq = xb[rng.choice(a.n, a.queries, replace=False)] + rng.normal(0, 0.05, (a.queries, a.dim)).astype(np.float32)
    xq = (xq / np.linalg.norm(xq, axis=1, keepdims=True)).astype(np.float32)
    print(f"data: {a.n} x {a.dim} float32 ({xb.nbytes / 2**30:.2f} GiB) in {time.perf_counter() - t:.1f} s")

    t = time.perf_counter()  # exact: a brute-force scan over the same array (no copy)
    _, truth = faiss.knn(xq, xb, a.k, metric=faiss.METRIC_INNER_PRODUCT)
    t_exact = time.perf_counter() - t

    idx, kind = choose_index(a.n, a.dim)
    t = time.perf_counter()
    train_and_fill(idx, xb)
    t_build = time.perf_counter() - t
    nprobe = calibrate_nprobe(idx, xb, k=a.k) if kind != "flat_ip" else None
    t = time.perf_counter()
    _, got = idx.search(xq, a.k)
    t_approx = time.perf_counter() - t
    recall = float(np.mean([len(set(g) & set(tr)) / a.k for g, tr in zip(got, truth)]))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    print(f"exact  flat_ip           : {t_exact:7.3f} s for {a.queries} queries "
          f"({1000 * t_exact / a.queries:.2f} ms/query)")
    print(f"approx {kind:17s} : {t_approx:7.3f} s (nprobe {nprobe}; build {t_build:.1f} s)")
    print(f"speed-up {t_exact / t_approx:.1f}x at recall@{a.k} {recall:.3f} vs exact; peak RSS {peak:.2f} GiB")
    ok = t_exact / t_approx >= 20 and recall >= 0.95
    print("target (>= 20x at recall@10 >= 0.95):", "met" if ok else "MISSED")


if __name__ == "__main__":
    main()
