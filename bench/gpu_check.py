"""CUDA check of the model backends, for a machine with an NVIDIA GPU (CI
has none, so this is run by hand and its output quoted in README).

It goes through exactly the code a hospital runs: ``TransformersGenerator``
(AutoProcessor + AutoModelForImageTextToText, device/dtype "auto") on the
tiny random MedGemma built from config, and ``MedASRTranscriber``
(AutoProcessor + AutoModelForCTC) on the tiny random ``lasr_ctc`` model.
It checks that "auto" picks CUDA and bf16 for MedGemma, that 1 and 85
images generate, that concurrent requests are micro-batched on the GPU, and
that dictation transcribes on CUDA. Ratios, not absolute times, are what
to compare (tiny models; the GPU is mostly idle).

    python bench/gpu_check.py            # prints one JSON object
"""

from __future__ import annotations

import json
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]


def _img(i: int, size: int = 64):
    from PIL import Image

    rng = np.random.default_rng(i)
    return Image.fromarray(rng.integers(0, 255, (size, size, 3), dtype=np.uint8))


def check_medgemma(tmp: Path) -> dict:
    import torch

    from carepath.models.transformers_vlm import TransformersGenerator
    from support.model_requests import skill_request
    from carepath.settings import GeneratorSettings
    from support.tiny_gemma import build_tiny_medgemma

    path = build_tiny_medgemma(tmp / "medgemma-tiny")
    cfg = GeneratorSettings(backend="transformers", model=str(path), max_new_tokens=8,
                            max_batch_size=8, batch_wait_ms=10)
    gen = TransformersGenerator(cfg)
    gen.load()
    model = gen._model
    out: dict = {"device": str(next(model.parameters()).device), "dtype": str(model.dtype),
                 "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None}
    one = gen.generate(skill_request([_img(0)], "Describe."))
    many = gen.generate(skill_request([_img(i) for i in range(85)], "Describe."))
    out["one_image"] = {"prompt_tokens": one.prompt_tokens, "completion_tokens": one.completion_tokens}
    out["85_images"] = {"prompt_tokens": many.prompt_tokens, "completion_tokens": many.completion_tokens}
    reqs = [skill_request([_img(10 + i)], f"Case {i}.") for i in range(8)]
    # Baseline: the same weights driven one request at a time, no batching window.
    one_by_one = TransformersGenerator(cfg.model_copy(update={"max_batch_size": 1, "batch_wait_ms": 0}))
    for r in reqs[:2]:
        gen.generate(r)  # warm-up
        one_by_one.generate(r)
    def sequential() -> tuple[float, list[str]]:
        t = time.perf_counter()
        texts = [one_by_one.generate(r).text for r in reqs]
        return time.perf_counter() - t, texts

    def concurrent() -> tuple[float, list[str]]:
        results: list = [None] * 8
        threads = [threading.Thread(target=lambda i=i: results.__setitem__(i, gen.generate(reqs[i])))
                   for i in range(8)]
        t = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        return time.perf_counter() - t, [r.text for r in results]

    rounds = [(sequential(), concurrent()) for _ in range(4)][1:]  # first round warms batch shapes
    t_seq = min(r[0][0] for r in rounds)
    t_conc = min(r[1][0] for r in rounds)
    seq, conc = rounds[-1][0][1], rounds[-1][1][1]
    one_by_one.close()
    out["microbatch_8"] = {"sequential_s": round(t_seq, 3), "concurrent_s": round(t_conc, 3),
                           "speedup": round(t_seq / t_conc, 2),
                           "same_answers": conc == seq}
    gen.close()
    return out


def check_medasr(tmp: Path) -> dict:
    import soundfile as sf

    from carepath.models.medasr import MedASRTranscriber
    from carepath.settings import ASRSettings
    from support.tiny_lasr import build_tiny_medasr

    path = build_tiny_medasr(tmp / "medasr-tiny")
    wav = tmp / "tone.wav"
    t = np.arange(16_000 * 60) / 16_000
    sf.write(str(wav), (0.2 * np.sin(2 * np.pi * 220 * t) * (1 + np.sin(t))).astype(np.float32), 16_000)
    tr = MedASRTranscriber(ASRSettings(backend="medasr", model=str(path)))
    res = tr.transcribe(wav)
    return {"device": tr.device, "duration_s": res.duration_s, "rtf": res.rtf, "segments": len(res.segments)}


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        report = {"medgemma": check_medgemma(tmp)}
        try:
            report["medasr"] = check_medasr(tmp)
        except Exception as exc:  # report, don't hide: this is a diagnostic script
            report["medasr"] = {"error": f"{type(exc).__name__}: {exc}"}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
