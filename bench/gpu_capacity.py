"""Per-study GPU time for MedGemma 1.5 4B, measured on a model of the same
shape (Gemma 3 4B text decoder + SigLIP-400M at 896², 256 tokens per image)
with random weights, loaded and driven through carepath's own
``TransformersGenerator`` (bf16, micro-batching). The real weights are gated
and cannot be fetched here; compute per token does not depend on the weight
values, so timings carry over, answers do not.

Feeds docs/scaling.md. Needs a CUDA GPU (run by hand; CI has none):

    python bench/gpu_capacity.py --new-tokens 256
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

# The public shape of google/medgemma-1.5-4b-it (Gemma 3 4B).
TEXT = dict(hidden_size=2560, intermediate_size=10240, num_hidden_layers=34, num_attention_heads=8,
            num_key_value_heads=4, head_dim=256, sliding_window=1024, query_pre_attn_scalar=256,
            max_position_embeddings=131072, vocab_size=262208)
VISION = dict(hidden_size=1152, intermediate_size=4304, num_hidden_layers=27, num_attention_heads=16,
              image_size=896, patch_size=14, vision_use_head=False)
TOKENS_PER_IMAGE = 256


def build(path: Path) -> Path:
    import torch
    from transformers import (AutoProcessor, Gemma3Config, Gemma3ForConditionalGeneration,
                              Gemma3Processor, Gemma3TextConfig, SiglipVisionConfig)
    from transformers.models.gemma3.image_processing_pil_gemma3 import Gemma3ImageProcessorPil

    from support.tiny_gemma import CHAT_TEMPLATE, build_tiny_medgemma

    tiny = build_tiny_medgemma(path.parent / "tiny")
    tok = AutoProcessor.from_pretrained(tiny).tokenizer   # tiny vocabulary; ids past it decode to ""
    ids = tok.convert_tokens_to_ids
    processor = Gemma3Processor(
        image_processor=Gemma3ImageProcessorPil(size={"height": 896, "width": 896}, do_pan_and_scan=False,
                                                resample=2, image_mean=[0.5] * 3, image_std=[0.5] * 3),
        tokenizer=tok, chat_template=CHAT_TEMPLATE, image_seq_length=TOKENS_PER_IMAGE)
    layer_types = ["full_attention" if (i + 1) % 6 == 0 else "sliding_attention"
                   for i in range(TEXT["num_hidden_layers"])]
    config = Gemma3Config(
        text_config=Gemma3TextConfig(**TEXT, layer_types=layer_types, pad_token_id=ids("<pad>"),
                                     bos_token_id=ids("<bos>"), eos_token_id=ids("<eos>")),
        vision_config=SiglipVisionConfig(**VISION), mm_tokens_per_image=TOKENS_PER_IMAGE,
        boi_token_index=ids("<start_of_image>"), eoi_token_index=ids("<end_of_image>"),
        image_token_index=ids("<image_soft_token>"))
    torch.manual_seed(0)
    with torch.device("cuda"):
        model = Gemma3ForConditionalGeneration(config).to(torch.bfloat16).eval()
    # Random logits almost never pick EOS, so every request decodes its full budget.
    model.generation_config.eos_token_id = [ids("<eos>"), ids("<end_of_turn>")]
    model.generation_config.pad_token_id = ids("<pad>")
    model.generation_config.do_sample = False
    params = sum(p.numel() for p in model.parameters())
    model.save_pretrained(path)
    processor.save_pretrained(path)
    del model
    torch.cuda.empty_cache()
    (path / "params.txt").write_text(str(params))
    return path


def _img(i: int):
    from PIL import Image

    rng = np.random.default_rng(i)
    return Image.fromarray(rng.integers(0, 255, (896, 896, 3), dtype=np.uint8))


def run(path: Path, new_tokens: int, wait_ms: float) -> dict:
    import torch

    from carepath.models.transformers_vlm import TransformersGenerator
    from support.model_requests import skill_request
    from carepath.settings import GeneratorSettings

    question = ("You are an expert radiologist. Describe the findings of this study and give an "
                "impression. Cite the slice numbers you rely on. ") * 3
    gen = TransformersGenerator(GeneratorSettings(backend="transformers", model=str(path),
                                                  max_new_tokens=new_tokens, max_batch_size=16,
                                                  batch_wait_ms=wait_ms))
    t = time.perf_counter()
    gen.load()
    out: dict = {"load_s": round(time.perf_counter() - t, 1), "dtype": str(gen._model.dtype),
                 "device": gen._device, "gpu": torch.cuda.get_device_name(0),
                 "params": int((path / "params.txt").read_text()), "new_tokens": new_tokens,
                 "batch_wait_ms": wait_ms}

    def one(images: int, seed: int = 0) -> dict:
        req = skill_request([_img(seed + k) for k in range(images)], question)
        torch.cuda.synchronize()
        t0 = time.perf_counter()
        g = gen.generate(req)
        torch.cuda.synchronize()
        return {"images": images, "prompt_tokens": g.prompt_tokens, "completion_tokens": g.completion_tokens,
                "seconds": round(time.perf_counter() - t0, 2)}

    def concurrent(n: int, images: int) -> dict:
        reqs = [skill_request([_img(100 * i + k) for k in range(images)], question)
                for i in range(n)]
        res: list = [None] * n
        threads = [threading.Thread(target=lambda i=i: res.__setitem__(i, gen.generate(reqs[i])))
                   for i in range(n)]
        t0 = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        dt = time.perf_counter() - t0
        toks = sum(r.completion_tokens for r in res)
        return {"requests": n, "images_each": images, "seconds": round(dt, 2),
                "batch_sizes": sorted({r.batch_size for r in res}),
                "studies_per_hour": round(n / dt * 3600), "decode_tokens_per_s": round(toks / dt)}

    one(1)  # warm-up
    out["cxr_single"] = one(1, 7)
    out["cxr_batch8"] = concurrent(8, 1)
    out["cxr_batch16"] = concurrent(16, 1)
    out["ct85_single"] = one(85, 3)
    out["ct85_batch4"] = concurrent(4, 85)
    out["peak_gpu_mem_gib"] = round(torch.cuda.max_memory_allocated() / 2**30, 1)
    gen.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--new-tokens", type=int, default=256)
    ap.add_argument("--wait-ms", type=float, default=250.0,
                    help="micro-batching window; must exceed per-request preprocessing time")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        path = build(Path(d) / "medgemma-4b-shape")
        print(json.dumps(run(path, args.new_tokens, args.wait_ms), indent=2))


if __name__ == "__main__":
    main()
