"""Where paused drafts live: SQLite under the state directory by default,
PostgreSQL by setting (``CAREPATH_CHECKPOINT_URL=postgresql://…``, ``[postgres]``
extra). Both survive ``kill -9`` and are resumed from a new process; both are
encrypted at rest when ``security.checkpoint_key`` is set (carepath.security.encryption)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.types import Checkpointer

from carepath.errors import ConfigError
from carepath.security.encryption import checkpoint_serde
from carepath.settings import get_settings


def sqlite_path() -> Path:
    return get_settings().state_dir / "checkpoints.sqlite"


@contextmanager
def open_checkpointer(url: str | None = None) -> Iterator[Checkpointer]:
    if url is None:
        secret = get_settings().checkpoint_url
        url = secret.get_secret_value() if secret else None
    if url and url.startswith(("postgres://", "postgresql://")):
        try:  # heavy: optional [postgres] extra
            from langgraph.checkpoint.postgres import PostgresSaver
        except ImportError as exc:
            raise ConfigError("PostgreSQL checkpointer not installed", subject="CAREPATH_CHECKPOINT_URL",
                              why="the [postgres] extra is missing",
                              fix="pip install 'carepath[postgres]'") from exc
        with PostgresSaver.from_conn_string(url) as saver:
            if (serde := checkpoint_serde()) is not None:   # AES at rest when a key is set
                saver = PostgresSaver(saver.conn, serde=serde)
            saver.setup()
            yield saver
        return
    path = Path(url.removeprefix("sqlite:///")) if url else sqlite_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    try:
        saver = SqliteSaver(conn, serde=checkpoint_serde())   # AES at rest when a key is set
        saver.setup()
        yield saver
    finally:
        conn.close()
