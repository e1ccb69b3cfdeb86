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
from pathlib import Path
from typing import Any

import numpy as np

from carepath.audio import RATE
from carepath.models.asr import Transcript, ctc_tokens, keep_tokens, transcribe_windows, windowed_transcript
from carepath.models.device import pick_device
from carepath.models.weights import resolve_pretrained
from carepath.settings import ASRSettings


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
        import torch  # heavy: torch/transformers load only when MedASR runs
        from transformers import AutoModelForCTC, AutoProcessor

        if self.cfg.threads:
            torch.set_num_threads(self.cfg.threads)
        self.device = pick_device(self.cfg.device)
        self._processor = AutoProcessor.from_pretrained(self.path)
        self._model = AutoModelForCTC.from_pretrained(self.path).to(self.device).eval()

    def _frame_ids(self, samples: np.ndarray) -> tuple[list[int], float]:
        """Greedy CTC ids per output frame, and seconds per frame."""
        import torch  # heavy: as in load()

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
            kept_all: list[int] = []

            def decode(samples: np.ndarray, start: float, span: tuple[float, float]) -> str:
                ids, frame_s = self._frame_ids(samples)
                kept = keep_tokens(ctc_tokens(ids, blank), frame_s, start, span)
                kept_all.extend(kept)
                return self._decode(kept)

            segments, duration, elapsed = transcribe_windows(path, chunk, overlap, decode)
            # decode once over all windows so word pieces split by a cut rejoin
            text = self._decode(kept_all)
        return windowed_transcript(text, self.backend, self.cfg.model, segments, duration, elapsed)
