"""The sentence encoder an index is built and queried with, run by ONNX Runtime.

Why: importing sentence-transformers (torch + transformers) cost 5–12 s of
every cold ``carepath ask``. The same MiniLM weights, exported once to ONNX
when the index is built, embed a question in milliseconds with onnxruntime
and tokenizers (≈0.1 s to import). The export sits in the index directory
(``encoder/``), so index vectors and query vectors come from one graph; it is
made once per model (exported, then int8-quantized per channel) and kept in
a user cache, so rebuilding an index does not export again. A model whose sentence-transformers pipeline is not
Transformer → mean/CLS pooling (→ Normalize) is not exported: such an index
is embedded and queried through sentence-transformers as before.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel

ENCODER_DIR = "encoder"
EXPORT_VERSION = 2   # 2: per-channel int8 weights
_FILES = ("model.onnx", "tokenizer.json", "encoder.json")


class EncoderSpec(BaseModel):
    """How token states become a sentence vector (read from the model's own config)."""

    model: str
    pooling: Literal["mean", "cls"]
    max_tokens: int
    pad_token: str = "[PAD]"
    export_version: int = EXPORT_VERSION


def _pipeline(model_dir: Path) -> tuple[str, int] | None:
    """(pooling, max tokens) when the sentence-transformers pipeline is one we can export."""
    modules_file = model_dir / "modules.json"
    if not modules_file.is_file():
        return None
    kinds = [m["type"].rsplit(".", 1)[-1] for m in json.loads(modules_file.read_text("utf-8"))]
    if kinds not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]):
        return None
    pool_dir = next(m["path"] for m in json.loads(modules_file.read_text("utf-8")) if m["type"].endswith("Pooling"))
    pool = json.loads((model_dir / pool_dir / "config.json").read_text("utf-8"))
    modes = [k for k, v in pool.items() if k.startswith("pooling_mode_") and v]
    mode = {"pooling_mode_mean_tokens": "mean", "pooling_mode_cls_token": "cls"}.get(modes[0]) \
        if len(modes) == 1 else None
    if mode is None:
        return None
    cfg = model_dir / "sentence_bert_config.json"
    max_tokens = json.loads(cfg.read_text("utf-8")).get("max_seq_length", 256) if cfg.is_file() else 256
    return mode, int(max_tokens)


def _cache_root() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "carepath" / "encoders"


def _model_key(model_dir: Path) -> str:
    h = hashlib.sha256(f"export-v{EXPORT_VERSION}".encode())
    for f in sorted(model_dir.rglob("*")):
        if f.is_file() and f.suffix in (".json", ".safetensors", ".bin", ".txt"):
            h.update(f.relative_to(model_dir).as_posix().encode())
            h.update(str(f.stat().st_size).encode())
            with open(f, "rb") as fh:
                h.update(fh.read(1 << 20))
    return h.hexdigest()[:16]


def _export(model_dir: Path, out: Path, spec: EncoderSpec) -> None:
    """torch → ONNX (opset 17, dynamic batch and length) of the bare transformer."""
    import torch  # heavy: torch + transformers are needed only to export, once per model
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()

    class _States(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    ids = torch.ones(2, 8, dtype=torch.long)
    dyn = {n: {0: "batch", 1: "tokens"} for n in ("input_ids", "attention_mask", "token_type_ids", "states")}
    out.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(_States(model), (ids, ids, torch.zeros_like(ids)), str(out / "float.onnx"),
                          input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["states"], dynamic_axes=dyn, opset_version=17, dynamo=False)
    _quantize(out / "float.onnx", out / "model.onnx")
    (out / "float.onnx").unlink()
    shutil.copy2(model_dir / "tokenizer.json", out / "tokenizer.json")
    (out / "encoder.json").write_text(spec.model_dump_json(indent=1), encoding="utf-8")


def _quantize(src: Path, dest: Path) -> None:
    """Dynamic int8 weights, one scale per output channel: 2-4x faster on
    CPU (the index build embeds ~8k texts) and a quarter of the size; vectors
    keep a cosine of ≈0.99 to the float model, and index and queries use the
    same quantized graph. Recall with it is measured by bench/bench_ask.py."""
    from onnxruntime.quantization import QuantType, quantize_dynamic  # heavy: needs onnx, build time only

    logging.getLogger().setLevel(max(logging.getLogger().level, logging.ERROR))  # "consider pre-processing"
    quantize_dynamic(str(src), str(dest), per_channel=True, weight_type=QuantType.QInt8)


def ensure_export(model_id: str, model_dir: Path, index_tmp: Path) -> bool:
    """Place the ONNX export of ``model_dir`` in ``index_tmp/encoder`` (from the
    user cache, exporting once when missing). False when the model cannot be
    exported (the index then uses sentence-transformers)."""
    pipe = _pipeline(model_dir)
    if pipe is None or not (model_dir / "tokenizer.json").is_file():
        return False
    pad = json.loads((model_dir / "tokenizer_config.json").read_text("utf-8")).get("pad_token", "[PAD]") \
        if (model_dir / "tokenizer_config.json").is_file() else "[PAD]"
    spec = EncoderSpec(model=model_id, pooling=pipe[0], max_tokens=pipe[1], pad_token=str(pad))
    cached = _cache_root() / _model_key(model_dir)
    if not all((cached / f).is_file() for f in _FILES):
        tmp = cached.with_name(f".{cached.name}.{os.getpid()}")
        shutil.rmtree(tmp, ignore_errors=True)
        _export(model_dir, tmp, spec)
        shutil.rmtree(cached, ignore_errors=True)
        tmp.rename(cached)
    dest = index_tmp / ENCODER_DIR
    dest.mkdir(parents=True, exist_ok=True)
    for f in _FILES:
        try:
            os.link(cached / f, dest / f)  # same file system: no second 90 MB copy
        except OSError:
            shutil.copy2(cached / f, dest / f)
    return True


class OnnxEncoder:
    """Sentence vectors from an exported encoder directory: tokenise, run,
    pool, L2-normalise."""

    def __init__(self, folder: Path, threads: int | None = None) -> None:
        import onnxruntime as ort  # heavy: native runtime, loaded only when text is embedded
        from tokenizers import Tokenizer

        self.spec = EncoderSpec.model_validate_json((folder / "encoder.json").read_text("utf-8"))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(self.spec.max_tokens)
        pad_id = self.tokenizer.token_to_id(self.spec.pad_token) or 0
        self.tokenizer.enable_padding(pad_id=pad_id, pad_token=self.spec.pad_token)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or min(os.cpu_count() or 1, 4)
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(str(folder / "model.onnx"), opts,
                                            providers=["CPUExecutionProvider"])
        self._lock = threading.Lock()

    def _batch(self, texts: list[str]) -> np.ndarray:
        enc = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        types = np.array([e.type_ids for e in enc], dtype=np.int64)
        with self._lock:
            states = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                             "token_type_ids": types})[0]
        if self.spec.pooling == "cls":
            vecs = states[:, 0]
        else:
            m = mask[..., None].astype(np.float32)
            vecs = (states * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
        return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        """One text per run: int8 dynamic quantization scales activations per
        run, so batching would make a text's vector depend on its neighbours
        (an incremental rebuild would then differ from a fresh one); on CPU
        one-at-a-time is as fast as padded batches (measured 10-27 texts/s either way)."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack([self._batch([t]) for t in texts]).astype(np.float32)


def load(index_dir: Path) -> OnnxEncoder | None:
    """The index's exported encoder, or None when it has none."""
    folder = index_dir / ENCODER_DIR
    if not all((folder / f).is_file() for f in _FILES):
        return None
    return OnnxEncoder(folder)
