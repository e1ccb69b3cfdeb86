"""WER of the offline Whisper tiny.en fallback on espeak-ng radiology
dictations (bench/data/dictations.txt), plain vs medically biased, plus RTF.

    .venv/bin/python bench/bench_whisper_wer.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent


def words(s: str) -> list[str]:
    from carepath.models.lexicon import normalise

    s = normalise(s.lower())
    s = re.sub(r"[^a-z0-9.%]+", " ", s.replace("-", " "))
    return [w.strip(".") for w in s.split() if w.strip(".")]


def wer(ref: list[str], hyp: list[str]) -> tuple[int, int]:
    d = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, d[0] = d[0], i
        for j, h in enumerate(hyp, 1):
            cur = min(d[j] + 1, d[j - 1] + 1, prev + (r != h))
            prev, d[j] = d[j], cur
    return d[len(hyp)], len(ref)


def main() -> None:
    from carepath.models.whisper_fallback import WhisperTranscriber
    from carepath.settings import get_settings

    lines = [ln.strip() for ln in (HERE / "data/dictations.txt").read_text().splitlines() if ln.strip()]
    t = WhisperTranscriber(get_settings().asr)
    results: dict[str, list[int]] = {"plain": [0, 0], "biased": [0, 0]}
    audio_s = proc_s = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for i, line in enumerate(lines):
            wav = Path(tmp) / f"{i}.wav"
            subprocess.run(["espeak-ng", "-s", "150", "-w", str(wav), line], check=True)
            for mode in ("plain", "biased"):
                t0 = time.perf_counter()
                tr = t.transcribe(wav, biased=mode == "biased")
                if mode == "biased":
                    proc_s += time.perf_counter() - t0
                    audio_s += tr.duration_s
                e, n = wer(words(line), words(tr.text))
                results[mode][0] += e
                results[mode][1] += n
    for mode, (e, n) in results.items():
        print(f"WER {mode:6s}: {e / n:.3f}  ({len(lines)} dictations, {n} words)")
    print(f"RTF (biased): {proc_s / audio_s:.3f} on {audio_s:.0f} s of audio")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
