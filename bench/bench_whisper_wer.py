"""WER and real-time factor of the offline Whisper fallback (tiny.en and base)
on a TUNE split (what the vocabulary, decoding and normaliser were fit on) and a
FROZEN TEST split (never fit on), in one run.

    .venv/bin/python bench/bench_whisper_wer.py                 # both models, both splits
    .venv/bin/python bench/bench_whisper_wer.py --split tune --models tiny.en
    .venv/bin/python bench/bench_whisper_wer.py --write-manifest  # only after adding TUNE rows

Data (bench/data/dictation/, split recorded in manifest.json, test ids and
content pinned by tests/test_asr_whisper_bench.py):
  tune_espeak.tsv  the 40 original radiology/bedside dictations, espeak-ng voice
                   ``en`` at 150 wpm and ``en-us`` at 170 wpm (80 clips)
  test_espeak.tsv  50 new radiology dictations in voices and speeds never tuned on
                   (en-gb-scotland 130, en-us+f3 190, en-029 130, en-gb-x-gbclan+m3 190)
  test_real.tsv    10 real read-speech clips from Debian pocketsphinx-testdata
                   (5 LibriVox sentences, 5 spoken card names), transcripts verbatim
Audio is regenerated at bench time (espeak-ng output is deterministic for a
given version, voice, speed and text), so no wav files are stored.

Rows per model and split:
  plain            the checkpoint as is: beam 5, no hotwords, raw text
  plain+norm       the same decode through carepath's number/unit normaliser
                   and lexicon spelling correction (no hotwords)
  biased+norm      carepath's fallback: report-style prompt of the cited radiology
                   vocabulary in the decoder (whisper_fallback.decoder_prompt), then
                   normaliser and correction (what ``carepath transcribe`` gives)
Scoring normalisation (``SCORING``, jiwer transforms, identical for reference
and hypothesis, fixed before tuning): lower case, hyphens → spaces,
punctuation removed except decimal points. References are in report notation
("3.2 cm", "35%", "L4-L5", "10 of clubs"), so spoken-number output counts as an
error; WER is over the pooled words of a split (jiwer). Every row also gives the
NORMALISED WER (``wer_normalised``: Whisper's EnglishTextNormalizer after one
spelling per unit, on both sides), the standard way ASR systems are compared,
where "five milligrams" and "5 mg" are the same words; both are reported.
RTF = transcribe wall seconds / audio seconds, model load excluded, ``threads``
CPU threads (default 2); printed with process CPU seconds per audio second and
the 1-minute load average, because a shared machine inflates wall time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import jiwer

HERE = Path(__file__).parent
DATA = HERE / "data" / "dictation"
MANIFEST = DATA / "manifest.json"
POCKETSPHINX = Path("/usr/share/pocketsphinx/test/data")
MODELS = ("tiny.en", "base")


@dataclass(frozen=True)
class Clip:
    id: str
    split: str            # "tune" | "test"
    source: str           # "espeak-ng" | "pocketsphinx-testdata"
    voice: str            # espeak-ng voice, or "" for real speech
    wpm: int              # espeak-ng speed, or 0
    spoken: str           # text espeak-ng says, or the wav path for real speech
    written: str          # the reference


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text("utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


def clips(split: str) -> list[Clip]:
    """The clips of one split, in file order."""
    out = [Clip(i, split, "espeak-ng", v, int(s), sp, w) for i, v, s, sp, w in _rows(f"{split}_espeak.tsv")]
    if split == "test":
        out += [Clip(i, split, "pocketsphinx-testdata", "", 0, p, w) for i, p, w, _pkg in _rows("test_real.tsv")]
    return out


def clip_digest(c: Clip) -> str:
    return hashlib.sha256(json.dumps(asdict(c), sort_keys=True).encode()).hexdigest()


def split_digest(split: str) -> str:
    """One hash over the ids and content of every clip in the split: any edit,
    addition, removal or move between splits changes it."""
    h = hashlib.sha256()
    for c in sorted(clips(split), key=lambda c: c.id):
        h.update(f"{c.id}:{clip_digest(c)}\n".encode())
    return h.hexdigest()


def manifest() -> dict:
    return {
        "recipe": "espeak-ng 1.51 (Debian 1.51+dfsg-10): espeak-ng -v VOICE -s WPM -w OUT.wav TEXT; "
                  "real speech: /usr/share/pocketsphinx/test/data/PATH (Debian pocketsphinx-testdata)",
        "scoring": "lower case, hyphen->space, punctuation removed except decimal points (jiwer), on "
                   "reference and hypothesis alike; references in report notation; WER over pooled words",
        "scoring_normalised": "units folded to one spelling, then Whisper's EnglishTextNormalizer "
                              "(transformers copy, no spelling map), on reference and hypothesis alike",
        "splits": {s: {"sha256": split_digest(s),
                       "clips": {c.id: {"source": c.source, "voice": c.voice, "wpm": c.wpm}
                                 for c in clips(s)}} for s in ("tune", "test")},
    }


def audio_for(c: Clip, tmp: Path) -> Path:
    if c.source == "pocketsphinx-testdata":
        wav = POCKETSPHINX / c.spoken
        if not wav.is_file():
            sys.exit(f"{wav} missing: install Debian pocketsphinx-testdata (scripts/apt-deps.sh)")
        return wav
    wav = tmp / f"{c.id}.wav"
    if not wav.is_file():
        subprocess.run(["espeak-ng", "-v", c.voice, "-s", str(c.wpm), "-w", str(wav), c.spoken], check=True)
    return wav


# The scoring normalisation, identical for reference and hypothesis and fixed
# before tuning (it must not learn anything): case, hyphens and punctuation
# only. Numbers and units are NOT normalised here: references are written in
# report notation ("3.2 cm", "35%", "L4-L5"), so a hypothesis must be too.
SCORING = jiwer.Compose([
    jiwer.ToLowerCase(),
    jiwer.SubstituteRegexes({r"-": " ", r"(?<!\d)\.|\.(?!\d)|[,;:!?\"()]": " "}),
    jiwer.RemoveMultipleSpaces(),
    jiwer.Strip(),
])


def score_text(s: str) -> str:
    return SCORING(s)


def wer(refs: list[str], hyps: list[str]) -> float:
    """Raw WER: report notation must match ("5 mm" vs "five millimeters" is 2 errors)."""
    return jiwer.wer([score_text(r) for r in refs], [score_text(h) or "<empty>" for h in hyps])


# The normalised scoring, the standard for comparing ASR systems (Whisper paper,
# Open ASR Leaderboard, the MedWER protocol): Whisper's EnglishTextNormalizer
# (the copy in transformers; lower case, punctuation, "seventh" → "7th", "three
# point two" → "3.2", "thirty five percent" → "35%"; no GB→US spelling map) on
# reference and hypothesis alike, after folding unit symbols and unit words to
# one spelling ("mm" = "millimeters", "mg/dL" = "milligrams per deciliter"),
# because the normaliser drops a bare "mm" as a filler word. Fixed before
# tuning; it knows nothing about the dictations.
UNIT_FOLD = (
    (r"\bmg\s*/\s*dl\b|\bmilligrams? per decilit(?:er|re)s?\b", "milligram per deciliter"),
    (r"\bg\s*/\s*dl\b|\bgrams? per decilit(?:er|re)s?\b", "gram per deciliter"),
    (r"\bmmhg\b|\bmillimet(?:er|re)s? of mercury\b", "millimeter of mercury"),
    (r"\bmm\b|\bmillimet(?:er|re)s?\b", "millimeter"), (r"\bcm\b|\bcentimet(?:er|re)s?\b", "centimeter"),
    (r"\bmcg\b|\bmicrograms?\b", "microgram"), (r"\bmg\b|\bmilligrams?\b", "milligram"),
    (r"\bkg\b|\bkilograms?\b", "kilogram"), (r"\bml\b|\bmillilit(?:er|re)s?\b", "milliliter"),
    (r"\bhu\b|\bhounsfield units?\b", "hounsfield unit"),
)


def normalised_text(s: str) -> str:
    from transformers.models.whisper.english_normalizer import EnglishTextNormalizer  # heavy: transformers

    s = re.sub(r"(\d)(mm|cm|mg|ml|kg)\b", r"\1 \2", s.lower())
    for pattern, word in UNIT_FOLD:
        s = re.sub(pattern, word, s)
    return EnglishTextNormalizer({})(s)


def wer_normalised(refs: list[str], hyps: list[str]) -> float:
    return jiwer.wer([normalised_text(r) for r in refs], [normalised_text(h) or "<empty>" for h in hyps])


def run_model(name: str, split_clips: dict[str, list[Clip]], tmp: Path, threads: int,
              decodes: tuple[bool, ...] = (False, True)) -> list[dict]:
    """Rows for one checkpoint; ``decodes``: unbiased and/or biased passes."""
    from carepath.models.lexicon import correct, normalise
    from carepath.models.whisper_fallback import WhisperTranscriber
    from carepath.settings import ASRSettings

    t = WhisperTranscriber(ASRSettings(threads=threads, whisper_model=name))
    t.load()
    rows = []
    for split, cs in split_clips.items():
        for biased in decodes:
            hyps, audio_s, proc_s, cpu_s = [], 0.0, 0.0, 0.0
            for c in cs:
                wav = audio_for(c, tmp)
                t0, c0 = time.perf_counter(), time.process_time()
                tr = t.transcribe(wav, biased=biased)
                proc_s += time.perf_counter() - t0
                cpu_s += time.process_time() - c0
                audio_s += tr.duration_s
                hyps.append(tr.text)
            timing = {"rtf": round(proc_s / audio_s, 4), "cpu_per_audio_s": round(cpu_s / audio_s, 4),
                      "audio_s": round(audio_s, 1), "loadavg_1min": round(os.getloadavg()[0], 2)}
            modes = {"biased+norm": hyps} if biased else {
                "plain": hyps, "plain+norm": [correct(normalise(h)) for h in hyps]}
            for mode, hs in modes.items():
                row = _row(name, split, mode, cs, hs) | timing
                rows.append(row)
                print(_line(row), flush=True)
    return rows


def long_rtf(name: str, cs: list[Clip], tmp: Path, threads: int) -> dict:
    """RTF of the biased fallback on one long recording: the clips joined with
    1 s pauses. Whisper pads every input to a 30 s window, so per-clip RTF on
    5 s clips charges six windows of encoder work per window of speech; a real
    dictation runs for minutes and pays that once per 30 s."""
    import numpy as np
    import soundfile as sf

    from carepath.audio import RATE, load
    from carepath.models.whisper_fallback import WhisperTranscriber
    from carepath.settings import ASRSettings

    gap = np.zeros(RATE, dtype=np.float32)
    audio = np.concatenate([x for c in cs for x in (load(audio_for(c, tmp)), gap)])
    wav = tmp / "long.wav"
    sf.write(str(wav), audio, RATE)
    t = WhisperTranscriber(ASRSettings(threads=threads, whisper_model=name))
    t.load()
    t0, c0 = time.perf_counter(), time.process_time()
    tr = t.transcribe(wav)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"model": name, "audio_s": round(tr.duration_s, 1), "rtf": round(wall / tr.duration_s, 4),
            "cpu_per_audio_s": round(cpu / tr.duration_s, 4), "loadavg_1min": round(os.getloadavg()[0], 2)}


def _row(name: str, split: str, mode: str, cs: list[Clip], hyps: list[str]) -> dict:
    row: dict = {"model": name, "split": split, "mode": mode, "clips": len(cs),
                 "wer": round(wer([c.written for c in cs], hyps), 4),
                 "wer_norm": round(wer_normalised([c.written for c in cs], hyps), 4)}
    if split == "test":
        for src in ("espeak-ng", "pocketsphinx-testdata"):
            idx = [i for i, c in enumerate(cs) if c.source == src]
            row[f"wer_{src}"] = round(wer([cs[i].written for i in idx], [hyps[i] for i in idx]), 4)
            row[f"norm_wer_{src}"] = round(
                wer_normalised([cs[i].written for i in idx], [hyps[i] for i in idx]), 4)
    row["hyps"] = {c.id: h for c, h in zip(cs, hyps)}
    return row


def _line(r: dict) -> str:
    extra = "".join(f"  {k[4:]} {v:.3f}" for k, v in r.items() if k.startswith("wer_") and k != "wer_norm")
    extra += "".join(f"  {k[9:]} norm {v:.3f}" for k, v in r.items() if k.startswith("norm_wer_"))
    return (f"{r['model']:8s} {r['split']:5s} {r['mode']:12s} n={r['clips']:3d}  WER {r['wer']:.3f}  "
            f"normalised WER {r['wer_norm']:.3f}  "
            f"RTF {r['rtf']:.3f} (cpu-s/audio-s {r['cpu_per_audio_s']:.3f}, load {r['loadavg_1min']:.1f})"
            f"{extra}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("tune", "test", "both"), default="both")
    ap.add_argument("--models", nargs="+", choices=MODELS, default=list(MODELS))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--json", type=Path, help="write rows (with hypotheses) here")
    ap.add_argument("--write-manifest", action="store_true")
    ap.add_argument("--biased-only", action="store_true",
                    help="skip the plain (unbiased) decode: only carepath's fallback as it runs")
    ap.add_argument("--long", action="store_true",
                    help="also time each model on the split's clips joined into one long recording")
    a = ap.parse_args()
    if a.write_manifest:
        MANIFEST.write_text(json.dumps(manifest(), indent=1) + "\n", "utf-8")
        print(f"wrote {MANIFEST}")
        return
    from carepath.models.registry import WHISPER_FALLBACK

    splits = ("tune", "test") if a.split == "both" else (a.split,)
    split_clips = {s: clips(s) for s in splits}
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in a.models:
            rows += run_model(name, split_clips, Path(tmp), a.threads,
                              decodes=(True,) if a.biased_only else (False, True))
        longs = [long_rtf(name, split_clips[splits[-1]], Path(tmp), a.threads) for name in a.models] \
            if a.long else []
    print(f"\nchosen fallback (carepath.models.registry.WHISPER_FALLBACK): {WHISPER_FALLBACK}; "
          f"{a.threads} CPU threads, int8")
    for r in rows:
        print(("* " if r["model"] == WHISPER_FALLBACK else "  ") + _line(r))
    for r in longs:
        print(("* " if r["model"] == WHISPER_FALLBACK else "  ") + f"{r['model']:8s} {splits[-1]} clips joined "
              f"({r['audio_s']:.0f} s), biased+norm: RTF {r['rtf']:.3f} (cpu-s/audio-s "
              f"{r['cpu_per_audio_s']:.3f}, load {r['loadavg_1min']:.1f})")
    if a.json:
        a.json.write_text(json.dumps({"chosen": WHISPER_FALLBACK, "threads": a.threads, "rows": rows,
                                      "long": longs}, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
