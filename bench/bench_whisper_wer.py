"""WER of the offline Whisper tiny.en fallback on espeak-ng radiology and
bedside dictations (bench/data/dictations.tsv: what is said → what the report
should read), unbiased vs medically biased, plus real-time factor.

    .venv/bin/python bench/bench_whisper_wer.py

Rows, all on the same audio in one run:
  plain           tiny.en as is (no hotwords, raw output)
  plain+normalise raw output through carepath's number/unit normaliser
  biased          carepath's fallback: lexicon hotwords + normaliser + lexicon correction
Scoring: lower case, punctuation and hyphens removed, against the written form
("3.2 by 2.1 cm", "35%", "L1"), so spoken-number output counts as an error.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jiwer

HERE = Path(__file__).parent


def words(s: str) -> str:
    s = re.sub(r"(?<!\d)\.|\.(?!\d)|[,;:!?\"()]", " ", s.lower().replace("-", " "))
    return " ".join(s.split())


def dictations() -> list[tuple[str, str]]:
    rows = []
    for ln in (HERE / "data/dictations.tsv").read_text("utf-8").splitlines():
        if ln.strip() and not ln.startswith("#"):
            spoken, written = ln.split("\t")
            rows.append((spoken, written))
    return rows


def main() -> None:
    from carepath.models.lexicon import normalise
    from carepath.models.whisper_fallback import WhisperTranscriber
    from carepath.settings import ASRSettings

    rows = dictations()
    t = WhisperTranscriber(ASRSettings(threads=2))
    t.load()
    refs = [words(w) for _, w in rows]
    hyps: dict[str, list[str]] = {"plain": [], "plain+normalise": [], "biased": []}
    audio_s = {"plain": 0.0, "biased": 0.0}
    proc_s = {"plain": 0.0, "biased": 0.0}
    with tempfile.TemporaryDirectory() as tmp:
        for i, (spoken, _) in enumerate(rows):
            wav = Path(tmp) / f"{i}.wav"
            subprocess.run(["espeak-ng", "-s", "150", "-w", str(wav), spoken], check=True)
            for mode in ("plain", "biased"):
                t0 = time.perf_counter()
                tr = t.transcribe(wav, biased=mode == "biased")
                proc_s[mode] += time.perf_counter() - t0
                audio_s[mode] += tr.duration_s
                hyps[mode].append(words(tr.text))
                if mode == "plain":
                    hyps["plain+normalise"].append(words(normalise(tr.text)))
    n_words = sum(len(r.split()) for r in refs)
    print(f"{len(rows)} espeak-ng dictations, {n_words} reference words, "
          f"{audio_s['biased']:.0f} s of audio; Whisper tiny.en int8, 2 CPU threads")
    for mode, hs in hyps.items():
        print(f"WER {mode:16s}: {jiwer.wer(refs, hs):.3f}")
    for mode in ("plain", "biased"):
        print(f"RTF {mode:16s}: {proc_s[mode] / audio_s[mode]:.3f} (incl. file decode; model load excluded)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
