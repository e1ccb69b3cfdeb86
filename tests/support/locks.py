"""Inter-process locks for caches that several test processes share.

``make test`` runs the suite in parallel worker processes (pytest-xdist), and
developers may run two sessions at once. Caches that live outside a worker's
own tmp dir (the PyPI asset cache, the oidc-provider node_modules) are filled
by whichever process comes first; the others must wait for it rather than
download or unpack into the same folder at the same time.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["exclusive"]


@contextmanager
def exclusive(lock_file: Path) -> Iterator[None]:
    """Hold an exclusive flock on ``lock_file`` (created if missing) for the
    block; released when the block ends or the process dies."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
