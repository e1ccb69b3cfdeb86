"""Index build throughput (chunks/s) and peak memory, default corpus vs the
same corpus replicated 50×, each case in a fresh process.

The build streams documents and appends vectors to files, so peak memory
should grow only by the FAISS index itself, not with the corpus text. The
50× case (≈85k chunks, ≈320k passage units) cannot be embedded with MiniLM on
two CPU cores in reasonable time, so the memory comparison uses a hashing
embedder (same dimension, ~free) for both sizes; MiniLM throughput (its
int8 ONNX export, as ``carepath index`` uses it) is measured on the 1× corpus.
Pin to two cores with ``taskset -c 0,1`` to reproduce the 2-core figure.

    .venv/bin/python bench/bench_index_build.py            # all cases
    .venv/bin/python bench/bench_index_build.py --case 1 --embedder minilm
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np


def hashing_embed(texts: list[str]) -> np.ndarray:
    """Bag of hashed words projected to 384 dims (deterministic, cheap)."""
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for i, t in enumerate(texts):
        for w in t.lower().split():
            h = hash(w)
            out[i, h % 384] += 1.0 if (h >> 9) & 1 else -1.0
    out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-6)
    return out


def replicated(times: int) -> Iterator:
    from carepath.knowledge.corpus import iter_default

    for r in range(times):
        for doc, warn in iter_default():
            if doc is not None:
                doc = doc.model_copy(update={"doc_id": f"{doc.doc_id}_r{r}" if r else doc.doc_id})
            yield doc, warn


def run_case(copies: int, embedder: str) -> dict:
    os.environ["PYTHONHASHSEED"] = "0"
    from carepath.knowledge.index import build
    from carepath.knowledge.encoder import ensure_export
    from carepath.models.embeddings import embedding_model_id, resolve_embedding_model

    if embedder == "minilm":  # the one-off ONNX export (kept in the user cache) is not build work
        with tempfile.TemporaryDirectory() as warm:
            ensure_export(embedding_model_id(), Path(resolve_embedding_model(embedding_model_id())), Path(warm))
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory() as d:
        t, cpu = time.perf_counter(), time.process_time()
        r = build(Path(d) / "idx", documents=replicated(copies),
                  embed=hashing_embed if embedder == "hash" else None)
        secs, cpu = time.perf_counter() - t, time.process_time() - cpu
        size = sum(f.stat().st_size for f in (Path(d) / "idx").rglob("*") if f.is_file()) / 2**20
        faiss_mb = (Path(d) / "idx" / "vectors.faiss").stat().st_size / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # CPU seconds of all the build's threads: on a machine shared with other work the wall
    # time measures the neighbours too; CPU time / cores bounds what a quiet machine needs.
    return {"copies": copies, "embedder": embedder, "chunks": r.chunks, "seconds": secs,
            "cpu_seconds": cpu, "cores": len(os.sched_getaffinity(0)),
            "chunks_per_s": r.chunks / secs, "index_type": r.index_type, "baseline_mb": base,
            "peak_mb": peak, "growth_mb": peak - base, "faiss_mb": faiss_mb, "on_disk_mb": size}


def encoder_ratio(n: int = 200) -> None:
    """Texts/s of the index's int8 ONNX encoder vs sentence-transformers on the
    same chunk and unit texts, interleaved in one process (a busy machine slows
    both alike, so the ratio holds where absolute seconds do not)."""
    from carepath.knowledge.chunking import chunk_document, units
    from carepath.knowledge.corpus import iter_default
    from carepath.knowledge.encoder import load
    from carepath.knowledge.index import unit_context
    from carepath.models.embeddings import embed_texts

    texts: list[str] = []
    for doc, _ in iter_default():
        for c in chunk_document(doc) if doc else []:
            texts.append(c.embed_text(doc.meta.title))
            texts += [unit_context(c.heading, doc.text, u.start, u.end, u.lead)
                      for u in units(doc.text, c.start, c.end)]
        if len(texts) >= 4 * n:
            break
    step = max(len(texts) // n, 1)
    sample = texts[::step][:n]
    with tempfile.TemporaryDirectory() as warm:
        from carepath.knowledge.encoder import ensure_export
        from carepath.models.embeddings import embedding_model_id, resolve_embedding_model

        ensure_export(embedding_model_id(), Path(resolve_embedding_model(embedding_model_id())), Path(warm))
        onnx = load(Path(warm))
        embed_texts(["warm-up"])
        assert onnx is not None
        t_onnx = t_st = 0.0
        for b in range(0, len(sample), 20):  # interleaved
            t = time.perf_counter()
            onnx(sample[b:b + 20])
            t_onnx += time.perf_counter() - t
            t = time.perf_counter()
            embed_texts(sample[b:b + 20], batch_size=64)
            t_st += time.perf_counter() - t
    print(f"encoder on {len(sample)} index texts: int8 ONNX {len(sample) / t_onnx:.1f} texts/s, "
          f"sentence-transformers {len(sample) / t_st:.1f} texts/s, ratio {t_st / t_onnx:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--case", type=int)
    ap.add_argument("--embedder", choices=["hash", "minilm"], default="hash")
    ap.add_argument("--copies", type=int, default=50)
    ap.add_argument("--no-minilm", action="store_true", help="skip the (slow) real-model 1x case")
    ap.add_argument("--encoder-ratio", action="store_true", help="only the ONNX vs sentence-transformers ratio")
    a = ap.parse_args()
    if a.encoder_ratio:
        encoder_ratio()
        return
    if a.case:
        print(json.dumps(run_case(a.case, a.embedder)))
        return
    results = []
    cases = [(1, "minilm")] if not a.no_minilm else []
    for copies, emb in cases + [(1, "hash"), (a.copies, "hash")]:
        p = subprocess.run([sys.executable, __file__, "--case", str(copies), "--embedder", emb],
                           capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        if p.returncode:
            sys.exit(p.stderr[-2000:])
        results.append(json.loads(p.stdout.strip().splitlines()[-1]))
        r = results[-1]
        print(f"{r['copies']:>3}x corpus, {r['embedder']:6s}: {r['chunks']:6d} chunks in {r['seconds']:7.1f} s "
              f"(CPU {r['cpu_seconds']:.0f} s on {r['cores']} cores) = {r['chunks_per_s']:8.1f} chunks/s, {r['index_type']}, peak RSS {r['peak_mb']:.0f} MiB "
              f"(+{r['growth_mb']:.0f} MiB over start; FAISS file {r['faiss_mb']:.0f} MiB, on disk "
              f"{r['on_disk_mb']:.0f} MiB)", flush=True)
    one, many = results[-2], results[-1]
    extra = many["growth_mb"] - one["growth_mb"]
    print(f"{a.copies}x corpus: {many['chunks'] / one['chunks']:.0f}x chunks; build memory grew by "
          f"{extra:.0f} MiB vs a {many['faiss_mb']:.0f} MiB FAISS index "
          f"(ratio {extra / max(many['faiss_mb'], 1):.2f}; <= ~1.5 means memory follows the index, not the corpus)")


if __name__ == "__main__":
    main()
