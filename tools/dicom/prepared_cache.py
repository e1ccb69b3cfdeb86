"""Prepared model inputs remembered by what they were made from.

Preparing a CT (decode 85 slices, three windows, resize) is the CPU-heavy
part of drafting. The result — PNGs in the content-addressed artifact store
plus a small JSON record — is kept under a key of the input files (path,
size, modification time) and the preparation parameters, so a later run on
the same study (a re-draft, or the Ray engine's separate prepare stage
followed by the graph) reuses it instead of decoding again. An entry is used
only if every artifact it names is still on disk.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from carepath.artifacts import ArtifactStore
from carepath.atomic import write_text

M = TypeVar("M", bound=BaseModel)
VERSION = 2  # 2: PreparedVolume carries burned_in_annotation


def _files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file())
        else:
            out.append(p)
    return out


def cache_key(kind: str, source: Path | list[Path], params: dict[str, Any]) -> str | None:
    """None when the inputs cannot be listed (then nothing is cached)."""
    paths = source if isinstance(source, list) else [source]
    h = hashlib.sha256(json.dumps([VERSION, kind, params], sort_keys=True, default=str).encode())
    try:
        for f in _files([Path(p) for p in paths]):
            st = f.stat()
            h.update(f"{f.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    except OSError:
        return None
    return h.hexdigest()


def _entry(store: ArtifactStore, key: str) -> Path:
    return store.root / "prepared" / key[:2] / f"{key}.json"


def _artifact_paths(obj: Any) -> list[str]:
    if isinstance(obj, dict):
        found = [obj["path"]] if {"sha256", "path", "media_type"} <= obj.keys() else []
        return found + [p for v in obj.values() for p in _artifact_paths(v)]
    if isinstance(obj, list):
        return [p for v in obj for p in _artifact_paths(v)]
    return []


def get(store: ArtifactStore, key: str | None, model: type[M]) -> M | None:
    if key is None:
        return None
    path = _entry(store, key)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not all(os.path.exists(p) for p in _artifact_paths(data)):
            return None
        return model.model_validate(data)
    except (OSError, ValueError, ValidationError):
        return None


def put(store: ArtifactStore, key: str | None, value: BaseModel) -> None:
    if key is None:
        return
    write_text(_entry(store, key), value.model_dump_json())
