"""MedASR (``google/medasr``, transformers model type ``lasr_ctc``) with
chunked CTC decoding.

Loading is exactly the model card's: ``AutoProcessor`` and ``AutoModelForCTC``
on the model id or a local directory (resolved offline by
``resolve_pretrained``). The audio is streamed from disk in overlapping
windows (``asr.chunk_s``, ``asr.overlap_s``); each window is featurised and
decoded on its own, and tokens are merged by onset time at the overlap
midpoints (``carepath.models.asr.keep_tokens``), so a 30-minute dictation
runs in the memory of one window.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from carepath.audio import RATE, is_silent, windows
from carepath.models.asr import Segment, Transcript, ctc_tokens, keep_tokens, kept_span, silence_warning
from carepath.models.weights import resolve_pretrained
from carepath.settings import ASRSettings


def pick_device(setting: str) -> str:
    import torch

    if setting != "auto":
        return setting
    if torch.cuda.is_available():
        return "cuda"
    return "cpu"


class MedASRTranscriber:
    backend = "medasr"

    def __init__(self, cfg: ASRSettings) -> None:
        self.cfg = cfg
        self.path = resolve_pretrained(cfg.model, "asr", cfg.revision)  # fail early, clearly
        self._lock = threading.Lock()
        self._model: Any = None
        self._processor: Any = None
        self.device = "cpu"

    def load(self) -> None:
        """Load weights once (thread-safe callers hold ``_lock``)."""
        if self._model is not None:
            return
        import torch
        from transformers import AutoModelForCTC, AutoProcessor

        if self.cfg.threads:
            torch.set_num_threads(self.cfg.threads)
        self.device = pick_device(self.cfg.device)
        self._processor = AutoProcessor.from_pretrained(self.path)
        self._model = AutoModelForCTC.from_pretrained(self.path).to(self.device).eval()

    def _frame_ids(self, samples: np.ndarray) -> tuple[list[int], float]:
        """Greedy CTC ids per output frame, and seconds per frame."""
        import torch

        inputs = self._processor(samples, sampling_rate=RATE, return_tensors="pt").to(self.device)
        with torch.inference_mode():
            logits = self._model(**inputs).logits[0]
        ids = logits.argmax(-1).tolist()
        return ids, (samples.size / RATE) / max(len(ids), 1)

    def _decode(self, ids: list[int]) -> str:
        return self._processor.tokenizer.decode(ids, skip_special_tokens=True).strip()

    def transcribe(self, path: str | Path) -> Transcript:
        chunk = self.cfg.chunk_s
        overlap = min(self.cfg.overlap_s, chunk / 2)
        with self._lock:
            self.load()
            blank = self._processor.tokenizer.pad_token_id  # <pad> is MedASR's CTC blank
            t0 = time.perf_counter()
            segments: list[Segment] = []
            kept_all: list[int] = []
            duration = 0.0
            for w in windows(path, chunk, overlap):
                duration = w.end
                span = kept_span(w.start, w.end, overlap, w.first, w.last)
                if is_silent(w.samples) or w.samples.size < RATE // 10:
                    kept: list[int] = []
                else:
                    ids, frame_s = self._frame_ids(w.samples)
                    kept = keep_tokens(ctc_tokens(ids, blank), frame_s, w.start, span)
                kept_all += kept
                segments.append(Segment(start=round(span[0], 3), end=round(span[1], 3),
                                        text=self._decode(kept)))
            elapsed = time.perf_counter() - t0
            # decode once over all windows so word pieces split by a cut rejoin
            text = self._decode(kept_all)
        return Transcript(text=text, asr_backend=self.backend, model=self.cfg.model,
                          duration_s=round(duration, 3), rtf=round(elapsed / max(duration, 1e-6), 4),
                          segments=segments, warnings=silence_warning(text, duration))
