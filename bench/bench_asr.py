"""MedASR-size (~105M parameters) random ``lasr_ctc`` model on 2 CPU threads:
real-time factor with carepath's chunked decoding, and peak memory for a
30-minute vs a 1-minute dictation (each in its own process).

    .venv/bin/python bench/bench_asr.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

CHILD = r"""
import json, os, resource, sys, time
os.environ["CAREPATH_ASR__BACKEND"] = "medasr"
os.environ["CAREPATH_ASR__MODEL"] = sys.argv[1]
os.environ["CAREPATH_ASR__THREADS"] = "2"
from carepath.models.registry import get_transcriber
t = get_transcriber()
t.load()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
out = t.transcribe(sys.argv[2])
print(json.dumps({"rtf": out.rtf, "segments": len(out.segments), "duration": out.duration_s,
                  "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "base_kb": base,
                  "threads": __import__("torch").get_num_threads()}))
"""


def build_full_size(path: Path) -> int:
    import torch
    from transformers import LasrCTCConfig, LasrFeatureExtractor, LasrForCTC, LasrProcessor, LasrTokenizer

    pieces = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0)] + [(f"▁w{i}", -5.0) for i in range(509)]
    tok = LasrTokenizer(vocab=pieces, extra_ids=0)
    cfg = LasrCTCConfig(vocab_size=len(tok))            # default encoder sizes = MedASR's
    torch.manual_seed(0)
    model = LasrForCTC(cfg).eval()
    model.save_pretrained(path)
    LasrProcessor(feature_extractor=LasrFeatureExtractor(), tokenizer=tok).save_pretrained(path)
    return sum(p.numel() for p in model.parameters())


def noise_wav(path: Path, seconds: int) -> None:
    rng = np.random.default_rng(0)
    with sf.SoundFile(str(path), "w", 16_000, 1, subtype="PCM_16") as f:
        for _ in range(seconds // 10):
            f.write((rng.standard_normal(160_000) * 0.05).astype(np.float32))


def run(model: Path, wav: Path) -> dict:
    r = subprocess.run([sys.executable, "-c", CHILD, str(model), str(wav)], capture_output=True,
                       text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    long_min = int(sys.argv[1]) if len(sys.argv) > 1 else 30  # shorter only for a quick look
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "medasr-size"
        n = build_full_size(model)
        print(f"random lasr_ctc with LasrCTCConfig defaults (= google/medasr's config: 17 layers, "
              f"hidden 512, 512-piece vocab): {n / 1e6:.1f} M parameters")
        short, long_ = Path(tmp) / "1min.wav", Path(tmp) / "30min.wav"
        noise_wav(short, 60)
        noise_wav(long_, long_min * 60)
        a = run(model, short)
        b = run(model, long_)
        print(f"model loaded: RSS {a['base_kb'] / 1024:.0f} MB; torch threads {a['threads']}")
        print(f"1-min  : RTF {a['rtf']:.3f}, peak RSS {a['peak_kb'] / 1024:.0f} MB ({a['segments']} chunks)")
        print(f"{long_min}-min : RTF {b['rtf']:.3f}, peak RSS {b['peak_kb'] / 1024:.0f} MB ({b['segments']} chunks)")
        print(f"peak RSS ratio {long_min}-min / 1-min: {b['peak_kb'] / a['peak_kb']:.2f}x (target <= 1.5x); "
              f"RTF target <= 0.15")



if __name__ == "__main__":
    main()
