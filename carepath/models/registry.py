"""Which backend serves each model role, decided once per settings value:
the one place that knows every backend.

The type modules (``vlm``, ``asr``) import no backend; backends import the
types; only this registry imports the backends. Dependencies point one way.

``auto`` never fails for generators: it uses local weights when they can be
found without a network and otherwise returns ``None`` (callers then say
plainly that model output was not generated). An explicit backend that
cannot be served raises an actionable error instead. Speech recognition
``auto`` falls back to the labelled non-medical Whisper model.

Building a backend is cheap (weights load on first use), so importing the
backend modules here costs no torch/transformers/NeMo import.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from carepath.errors import ConfigError
from carepath.models.asr import Transcriber
from carepath.models.medasr import MedASRTranscriber
from carepath.models.nemo_asr import NemoTranscriber
from carepath.models.openai_compat import OpenAICompatGenerator
from carepath.models.transformers_vlm import TransformersGenerator
from carepath.models.vlm import Generator, Role
from carepath.models.weights import weights_available
from carepath.models.whisper_fallback import WhisperTranscriber
from carepath.settings import ASRSettings, GeneratorSettings, get_settings

log = logging.getLogger("carepath.models")
_LOCK = threading.Lock()
# Keyed by the settings value only: the text role defaults to the imaging
# settings, and must then share the one loaded model, not load a second copy.
_GENERATORS: dict[str, Generator | None] = {}
_TRANSCRIBERS: dict[str, Transcriber] = {}
# The Whisper checkpoint the labelled non-medical fallback uses unless
# CAREPATH_ASR__WHISPER_MODEL says otherwise; chosen by measured test WER and
# RTF on 2 cores (bench/bench_whisper_wer.py, README).
WHISPER_FALLBACK = "base"


# ------------------------------------------------------------------ generators

def role_settings(role: Role) -> GeneratorSettings:
    s = get_settings()
    return s.imaging if role == "imaging" else s.text_model


def get_generator(role: Role = "imaging") -> Generator | None:
    """The process-wide generator for ``role``, or ``None`` when no model is
    configured or found in ``auto`` mode (callers then say plainly that
    findings were not generated). Raises ``ModelUnavailableError`` when a
    backend was explicitly requested but cannot be loaded."""
    cfg = role_settings(role)
    key = cfg.model_dump_json()
    with _LOCK:
        if key in _GENERATORS:
            return _GENERATORS[key]
        gen = _build_generator(role, cfg)
        _GENERATORS[key] = gen
        return gen


def _build_generator(role: Role, cfg: GeneratorSettings) -> Generator | None:
    backend = cfg.backend
    if backend == "none":
        return None
    if backend == "auto":
        if cfg.base_url:
            backend = "openai"
        elif weights_available(cfg.model, cfg.revision):
            backend = "transformers"
        else:
            log.info("no %s model weights found for %s; running without a model", role, cfg.model)
            return None
    if backend == "openai":
        if not cfg.base_url:
            raise ConfigError("OpenAI-compatible backend needs a server URL",
                              subject=f"CAREPATH_{role.upper()}__BASE_URL",
                              fix=f"set CAREPATH_{role.upper()}__BASE_URL=http://host:port/v1")
        return OpenAICompatGenerator(cfg, role=role)
    return TransformersGenerator(cfg, role=role)


# ------------------------------------------------------------------ speech recognition

def choose_asr_backend(cfg: ASRSettings) -> str:
    if cfg.backend != "auto":
        return cfg.backend
    if cfg.model.endswith(".nemo"):
        return "nemo"
    return "medasr" if weights_available(cfg.model, cfg.revision) else "whisper"


def get_transcriber() -> Transcriber:
    """Process-wide transcriber for the current settings (built once per
    distinct ASR configuration; models load lazily on first use)."""
    cfg = get_settings().asr
    key = cfg.model_dump_json()
    with _LOCK:
        if key in _TRANSCRIBERS:
            return _TRANSCRIBERS[key]
        backend = choose_asr_backend(cfg)
        if backend == "none":
            raise ConfigError("speech recognition is disabled", subject="CAREPATH_ASR__BACKEND",
                              fix="set CAREPATH_ASR__BACKEND=auto (or medasr/nemo/whisper)")
        t: Transcriber
        if backend == "medasr":
            t = MedASRTranscriber(cfg)
        elif backend == "nemo":
            t = NemoTranscriber(cfg)
        else:
            t = WhisperTranscriber(cfg, checkpoint=WHISPER_FALLBACK)
        _TRANSCRIBERS[key] = t
        return t


def reset() -> None:
    """Forget loaded generators and transcribers (tests, settings reloads)."""
    with _LOCK:
        for gen in _GENERATORS.values():
            close: Any = getattr(gen, "close", None)
            if callable(close):
                close()
        _GENERATORS.clear()
        _TRANSCRIBERS.clear()
