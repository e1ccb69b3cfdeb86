"""NeMo ASR backend (``[nemo]`` extra): any ``.nemo`` checkpoint restored with
``nemo.collections.asr``'s ``ASRModel.restore_from``.

CTC models (``EncDecCTCModel`` and its BPE subclass: Conformer-CTC,
FastConformer-CTC, …) are run window by window on the same streamed,
overlapping windows as MedASR and merged by token onset time with the same
rule. Other architectures (RNNT, hybrids) go through the model's own
``transcribe`` on non-overlapping windows, because their output carries no
frame alignment to merge on.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np

from carepath.audio import RATE
from carepath.errors import ConfigError, ModelUnavailableError
from carepath.models.asr import Transcript, ctc_tokens, keep_tokens, transcribe_windows, windowed_transcript
from carepath.models.device import pick_device
from carepath.settings import ASRSettings


class NemoTranscriber:
    backend = "nemo"

    def __init__(self, cfg: ASRSettings) -> None:
        self.cfg = cfg
        self.path = Path(cfg.model).expanduser()
        if self.path.suffix != ".nemo" or not self.path.is_file():
            raise ModelUnavailableError("no .nemo checkpoint", subject="CAREPATH_ASR__MODEL",
                                        why=f"{cfg.model} is not an existing .nemo file",
                                        fix="set CAREPATH_ASR__MODEL=/path/to/model.nemo")
        self._model: Any = None
        self._is_ctc = False
        self._lock = threading.Lock()

    def load(self) -> None:
        if self._model is not None:
            return
        try:  # heavy: optional [nemo] extra (torch + NeMo), in its own venv
            import torch
            from nemo.collections.asr.models import ASRModel, EncDecCTCModel
        except ImportError as exc:
            raise ConfigError("NeMo is not installed", subject="CAREPATH_ASR__BACKEND=nemo",
                              fix="pip install 'carepath[nemo]' (make nemo-venv builds one)") from exc
        if self.cfg.threads:
            torch.set_num_threads(self.cfg.threads)
        device = pick_device(self.cfg.device)
        try:
            model = ASRModel.restore_from(str(self.path), map_location=device)
        except Exception as exc:  # noqa: BLE001 - corrupt archive, wrong class, …
            raise ModelUnavailableError("cannot restore the .nemo checkpoint", subject=str(self.path),
                                        why=str(exc).splitlines()[0][:200],
                                        fix="check CAREPATH_ASR__MODEL names a NeMo ASR .nemo file") from exc
        self._model = model.eval()
        self._is_ctc = isinstance(model, EncDecCTCModel)

    # -- CTC: our own windows and merge
    def _frame_ids(self, samples: np.ndarray) -> tuple[list[int], float]:
        import torch  # heavy: as in load()

        m = self._model
        x = torch.from_numpy(samples).unsqueeze(0).to(m.device)
        n = torch.tensor([samples.size], device=m.device)
        with torch.inference_mode():
            log_probs, enc_len, _ = m.forward(input_signal=x, input_signal_length=n)
        frames = int(enc_len[0])
        ids = log_probs[0, :frames].argmax(-1).tolist()
        return ids, (samples.size / RATE) / max(frames, 1)

    def _text(self, ids: list[int]) -> str:
        m = self._model
        if getattr(m, "tokenizer", None) is not None:  # BPE models
            return m.tokenizer.ids_to_text(ids).strip() if ids else ""
        vocab = m.decoder.vocabulary
        return "".join(vocab[i] for i in ids).strip()

    def _blank(self) -> int:
        return int(self._model.decoder.num_classes_with_blank) - 1  # NeMo puts blank last

    # -- others: the model's own transcribe
    def _transcribe_window(self, samples: np.ndarray) -> str:
        out = self._model.transcribe([samples], batch_size=1, verbose=False)
        first = out[0] if isinstance(out, (list, tuple)) else out
        if isinstance(first, (list, tuple)):  # some versions return ([hyps], [hyps])
            first = first[0]
        return str(getattr(first, "text", first)).strip()

    def transcribe(self, path: str | Path) -> Transcript:
        with self._lock:
            self.load()
            chunk = self.cfg.chunk_s
            overlap = min(self.cfg.overlap_s, chunk / 2) if self._is_ctc else 0.0
            kept_all: list[int] = []

            def decode(samples: np.ndarray, start: float, span: tuple[float, float]) -> str:
                if not self._is_ctc:
                    return self._transcribe_window(samples)
                ids, frame_s = self._frame_ids(samples)
                kept = keep_tokens(ctc_tokens(ids, self._blank()), frame_s, start, span)
                kept_all.extend(kept)
                return self._text(kept)

            segments, duration, elapsed = transcribe_windows(path, chunk, overlap, decode)
            text = (self._text(kept_all) if self._is_ctc
                    else " ".join(s.text for s in segments if s.text).strip())
        return windowed_transcript(text, self.backend, str(self.path), segments, duration, elapsed)
