"""NeMo ASR backend (``[nemo]`` extra): any ``.nemo`` CTC checkpoint restored
with ``nemo.collections.asr``'s ``ASRModel.restore_from``, decoded in the same
overlapping chunks as MedASR so long dictations stay in bounded memory."""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from carepath.audio import RATE, blocks, duration_s
from carepath.errors import ConfigError, ModelUnavailableError
from carepath.models.asr import Segment, Transcript, silence_warning
from carepath.settings import ASRSettings


class NemoTranscriber:
    def __init__(self, cfg: ASRSettings) -> None:
        self.cfg = cfg
        self.path = Path(cfg.model).expanduser()
        if self.path.suffix != ".nemo" or not self.path.is_file():
            raise ModelUnavailableError("no .nemo checkpoint", subject="CAREPATH_ASR__MODEL",
                                        why=f"{cfg.model} is not an existing .nemo file",
                                        fix="set CAREPATH_ASR__MODEL=/path/to/model.nemo")
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        if self._model is None:
            try:
                from nemo.collections.asr.models import ASRModel
            except ImportError as exc:
                raise ConfigError("NeMo is not installed", subject="CAREPATH_ASR__BACKEND=nemo",
                                  fix="pip install 'carepath[nemo]'") from exc
            self._model = ASRModel.restore_from(str(self.path), map_location="cpu").eval()
        return self._model

    def _transcribe_chunk(self, samples: Any, tmp: Path, n: int) -> str:
        import soundfile as sf

        wav = tmp / f"chunk{n}.wav"
        sf.write(str(wav), samples, RATE)
        out = self._load().transcribe([str(wav)], batch_size=1, verbose=False)
        first = out[0] if isinstance(out, list) else out
        if isinstance(first, list):  # some versions return [[hyp]]
            first = first[0]
        return str(getattr(first, "text", first)).strip()

    def transcribe(self, path: str | Path) -> Transcript:
        total = duration_s(path)
        chunk, overlap = self.cfg.chunk_s, min(self.cfg.overlap_s, self.cfg.chunk_s / 2)
        t0 = time.perf_counter()
        segments: list[Segment] = []
        with self._lock, tempfile.TemporaryDirectory(prefix="carepath-nemo-") as tmp:
            for n, (start, samples) in enumerate(blocks(path, chunk, overlap)):
                if samples.size < RATE // 10:
                    continue
                end = start + samples.size / RATE
                text = self._transcribe_chunk(samples, Path(tmp), n)
                segments.append(Segment(start=round(start, 2), end=round(end, 2), text=text))
        elapsed = time.perf_counter() - t0
        text = " ".join(s.text for s in segments if s.text).strip()
        return Transcript(text=text, asr_backend="nemo", model=str(self.path),
                          duration_s=round(total, 3), rtf=round(elapsed / max(total, 1e-6), 4),
                          segments=segments, warnings=silence_warning(text, total))
