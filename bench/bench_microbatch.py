"""Micro-batching: 8 threads each ask the local (transformers) backend for one
chest X-ray style answer at the same moment. Batched (max_batch_size 8, the
worker gathers concurrent calls into one ``generate``) vs one-by-one
(max_batch_size 1, same worker, same model) in the same process, on the tiny
random MedGemma built from config. Wall time of the whole wave, median of
``--runs``; target ratio >= 2x.

    .venv/bin/python bench/bench_microbatch.py [--runs 5] [--tokens 32] [--threads 8]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from carepath.logs import configure_logging  # noqa: E402

configure_logging()  # before transformers is imported: no progress bars in the figures

from PIL import Image  # noqa: E402

from carepath.models.transformers_vlm import TransformersGenerator  # noqa: E402
from carepath.models.vlm import Generation, GenerationRequest  # noqa: E402
from carepath.settings import GeneratorSettings  # noqa: E402
from support.model_requests import skill_request  # noqa: E402
from support.tiny_gemma import build_tiny_medgemma  # noqa: E402


def wave(gen: TransformersGenerator, reqs: list[GenerationRequest]) -> tuple[float, list[Generation]]:
    out: list[Generation | None] = [None] * len(reqs)
    barrier = threading.Barrier(len(reqs) + 1)

    def call(i: int) -> None:
        barrier.wait()
        out[i] = gen.generate(reqs[i])

    threads = [threading.Thread(target=call, args=(i,)) for i in range(len(reqs))]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    assert all(o is not None for o in out)
    return elapsed, out  # type: ignore[return-value]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--tokens", type=int, default=32)
    ap.add_argument("--threads", type=int, default=8)
    args = ap.parse_args()

    model_dir = build_tiny_medgemma(Path(tempfile.mkdtemp()) / "tiny-medgemma")
    reqs = [skill_request(
        [Image.new("RGB", (896, 896), (i * 30 % 256, 120, 200 - i * 20))],
        f"Describe this chest X-ray, study {i}.", system="You are an expert radiologist.",
        max_new_tokens=args.tokens) for i in range(args.threads)]

    def make(batch: int) -> TransformersGenerator:
        g = TransformersGenerator(GeneratorSettings(model=str(model_dir), max_batch_size=batch,
                                                    batch_wait_ms=20), role="imaging")
        g.load()
        wave(g, reqs)  # warm-up
        return g

    one, many = make(1), make(args.threads)
    t_one, t_many = [], []
    try:
        for _ in range(args.runs):  # interleaved so machine load hits both alike
            t, out_one = wave(one, reqs)
            t_one.append(t)
            t, out_many = wave(many, reqs)
            t_many.append(t)
    finally:
        one.close()
        many.close()
    same = sum(a.text == b.text for a, b in zip(out_one, out_many, strict=True))
    m1, mb = statistics.median(t_one), statistics.median(t_many)
    print(f"requests per wave: {args.threads}, new tokens each: {args.tokens}, runs: {args.runs}")
    print(f"one-by-one: median {m1 * 1000:.1f} ms per wave (batch sizes {sorted({o.batch_size for o in out_one})})")
    print(f"batched:    median {mb * 1000:.1f} ms per wave (batch sizes {sorted({o.batch_size for o in out_many})})")
    print(f"identical answers batched vs one-by-one: {same}/{len(reqs)}")
    print(f"speed-up (one-by-one / batched): {m1 / mb:.2f}x  (target >= 2x)")


if __name__ == "__main__":
    main()
