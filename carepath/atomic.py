"""Whole-file writes that are all-or-nothing.

A report, SR or rendering that a crash leaves half-written is worse than no
file: a PACS or EHR may import it. Every output goes to a temporary file in
the *same* directory (so the rename never crosses filesystems), is flushed and
fsynced, then ``os.replace``d over the target; the directory is fsynced so the
rename itself survives a power cut. Readers see the old file or the new one,
never a mixture.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["write_bytes", "write_text", "write_json", "fsync_dir"]


def fsync_dir(path: str | os.PathLike[str]) -> None:
    """Persist a directory entry change (create/rename); a no-op where the
    platform cannot open directories."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask_mode() -> int:
    # mkstemp creates 0600; outputs should get the mode a plain open() would.
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _umask_mode())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)
    return target


def write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> Path:
    return write_bytes(path, text.encode(encoding))


def write_json(path: str | os.PathLike[str], obj: Any, *, indent: int | None = 2) -> Path:
    """JSON with non-ASCII kept readable and a trailing newline."""
    return write_text(path, json.dumps(obj, indent=indent, ensure_ascii=False, default=str) + "\n")
