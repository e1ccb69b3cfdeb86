"""PHI at rest: who may read the state directory, and what is readable in it.

The state directory holds checkpoints (request text, transcripts, drafts),
uploads, pulled studies, prepared images and outputs: patient data. Two
controls apply to every process that writes it (CLI, ``serve``, ``batch``):

- **File modes.** :func:`secure_process_umask` sets umask 077 at start, so
  every directory is created 0700 and every file 0600 — including files
  third-party code creates (SQLite's ``-wal``/``-shm``, temporary files).
  A umask is the one control that covers those: a chmod after the fact
  leaves a window and misses files made later.
- **Checkpoint encryption** lives in :mod:`carepath.security.encryption`.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_UMASK = 0o077


def secure_process_umask() -> int:
    """Make everything this process creates private to its user (dirs 0700,
    files 0600); returns the previous umask."""
    return os.umask(PRIVATE_UMASK)


def open_to_others(root: Path) -> list[Path]:
    """Paths under ``root`` (itself included) that group or others may read,
    write or enter: what a deployment check or test reports."""
    found = [root] if root.exists() and root.stat().st_mode & 0o077 else []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            if not p.is_symlink() and p.stat().st_mode & 0o077:
                found.append(p)
    return found
