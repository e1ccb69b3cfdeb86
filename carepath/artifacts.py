"""Content-addressed storage for images and other large payloads.

Graph state and checkpoints hold only ``ArtifactRef`` (hash + path), never
pixel arrays or audio, so a checkpoint per study stays small and the same
image prepared twice is stored once.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel

from carepath.settings import get_settings


class ArtifactRef(BaseModel):
    sha256: str
    path: str
    media_type: str
    size: int


def sha256_file(path: str | os.PathLike[str], chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_SUFFIX = {"image/png": ".png", "application/json": ".json", "audio/wav": ".wav",
           "application/dicom": ".dcm", "text/plain": ".txt", "image/jpeg": ".jpg"}


class ArtifactStore:
    """Files under ``root/ab/abcdef….ext``; writes are atomic (temp + rename)."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def put_bytes(self, data: bytes, media_type: str) -> ArtifactRef:
        digest = sha256_bytes(data)
        target = self.root / digest[:2] / (digest + _SUFFIX.get(media_type, ".bin"))
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return ArtifactRef(sha256=digest, path=str(target), media_type=media_type, size=len(data))

    def get_bytes(self, ref: ArtifactRef) -> bytes:
        data = Path(ref.path).read_bytes()
        if sha256_bytes(data) != ref.sha256:
            raise ValueError(f"artifact {ref.sha256[:12]} changed on disk ({ref.path})")
        return data


def default_store() -> ArtifactStore:
    return ArtifactStore(get_settings().state_dir / "artifacts")
