"""MedASR (``google/medasr``, transformers model type ``lasr_ctc``) with
chunked CTC decoding.

The audio is streamed from disk in overlapping windows (``asr.chunk_s``,
``asr.overlap_s``); each window is decoded on its own and the overlaps are
cut at their midpoint, so a 30-minute dictation runs in the memory of one
window. Loading is exactly the model card's: ``AutoProcessor`` and
``AutoModelForCTC`` on the model id or a local directory.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from carepath.audio import RATE, blocks, duration_s
from carepath.models.asr import Segment, Transcript, silence_warning
from carepath.models.weights import resolve_pretrained
from carepath.settings import ASRSettings


class MedASRTranscriber:
    def __init__(self, cfg: ASRSettings) -> None:
        self.cfg = cfg
        self.path = resolve_pretrained(cfg.model, "asr", cfg.revision)  # fail early, clearly
        self._lock = threading.Lock()
        self._model: Any = None
        self._processor: Any = None

    def _load(self) -> tuple[Any, Any]:
        if self._model is None:
            import torch
            from transformers import AutoModelForCTC, AutoProcessor

            if self.cfg.threads:
                torch.set_num_threads(self.cfg.threads)
            self._processor = AutoProcessor.from_pretrained(self.path)
            self._model = AutoModelForCTC.from_pretrained(self.path).eval()
        return self._processor, self._model

    def _decode(self, samples: np.ndarray) -> tuple[list[int], float]:
        """Greedy CTC token ids per output frame, and seconds per frame."""
        import torch

        processor, model = self._load()
        inputs = processor(samples, sampling_rate=RATE, return_tensors="pt")
        with torch.inference_mode():
            logits = model(**inputs).logits[0]
        ids = logits.argmax(-1).tolist()
        return ids, (samples.size / RATE) / max(len(ids), 1)

    def _text(self, ids: list[int]) -> str:
        processor, _ = self._load()
        tok = processor.tokenizer
        blank = tok.pad_token_id
        collapsed = [i for j, i in enumerate(ids) if i != blank and (j == 0 or ids[j - 1] != i)]
        return tok.decode(collapsed, skip_special_tokens=True).strip()

    def transcribe(self, path: str | Path) -> Transcript:
        total = duration_s(path)
        chunk, overlap = self.cfg.chunk_s, min(self.cfg.overlap_s, self.cfg.chunk_s / 2)
        t0 = time.perf_counter()
        segments: list[Segment] = []
        with self._lock:
            for start, samples in blocks(path, chunk, overlap):
                if samples.size < RATE // 10:
                    continue
                ids, frame_s = self._decode(samples)
                end = start + samples.size / RATE
                # keep frames between the overlap midpoints with the neighbours
                keep_from = start + (overlap / 2 if start > 0 else 0.0)
                keep_to = end - (overlap / 2 if end < total - 1e-3 else 0.0)
                lo = int(round((keep_from - start) / frame_s))
                hi = int(round((keep_to - start) / frame_s))
                text = self._text(ids[lo:hi])
                segments.append(Segment(start=round(keep_from, 2), end=round(keep_to, 2), text=text))
        elapsed = time.perf_counter() - t0
        text = " ".join(s.text for s in segments if s.text).strip()
        return Transcript(text=text, asr_backend="medasr", model=self.cfg.model,
                          duration_s=round(total, 3), rtf=round(elapsed / max(total, 1e-6), 4),
                          segments=segments, warnings=silence_warning(text, total))
