"""A small index of drafts (thread id, request key, intent, status) so
reviewers can list what is pending and a batch can recognise a request it has
already drafted without scanning checkpoints. Opaque ids only: no patient
identifiers are stored here."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from carepath.settings import get_settings


class ThreadInfo(BaseModel):
    thread_id: str
    request_key: str
    intent: str
    status: str
    created_at: str
    updated_at: str


_SCHEMA = """
CREATE TABLE IF NOT EXISTS threads (
  thread_id TEXT PRIMARY KEY,
  request_key TEXT NOT NULL UNIQUE,
  intent TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
)"""


class ThreadIndex:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or get_settings().state_dir / "threads.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._conn() as c:
            c.execute(_SCHEMA)

    @contextmanager
    def _conn(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(str(self.path), timeout=30)
        conn.row_factory = sqlite3.Row
        try:
            with conn:
                yield conn
        finally:
            conn.close()

    INSERT_IGNORE = "INSERT OR IGNORE INTO threads VALUES (?,?,?,?,?,?)"

    def claim(self, thread_id: str, request_key: str, intent: str = "pending") -> ThreadInfo:
        """Register a new thread for ``request_key`` or return the existing one
        (the UNIQUE key makes this safe across processes)."""
        now = datetime.now(UTC).isoformat()
        with self._conn() as c:
            c.execute(self.INSERT_IGNORE, (thread_id, request_key, intent, "running", now, now))
            row = c.execute("SELECT * FROM threads WHERE request_key=?", (request_key,)).fetchone()
        return ThreadInfo(**dict(row))

    def update(self, thread_id: str, *, status: str, intent: str | None = None) -> None:
        now = datetime.now(UTC).isoformat()
        with self._conn() as c:
            if intent:
                c.execute("UPDATE threads SET status=?, intent=?, updated_at=? WHERE thread_id=?",
                          (status, intent, now, thread_id))
            else:
                c.execute("UPDATE threads SET status=?, updated_at=? WHERE thread_id=?",
                          (status, now, thread_id))

    def get(self, thread_id: str) -> ThreadInfo | None:
        with self._conn() as c:
            row = c.execute("SELECT * FROM threads WHERE thread_id=?", (thread_id,)).fetchone()
        return ThreadInfo(**dict(row)) if row else None

    def list(self, status: str | None = None) -> list[ThreadInfo]:
        with self._conn() as c:
            rows = (c.execute("SELECT * FROM threads WHERE status=? ORDER BY created_at", (status,))
                    if status else c.execute("SELECT * FROM threads ORDER BY created_at")).fetchall()
        return [ThreadInfo(**dict(r)) for r in rows]


class PostgresThreadIndex(ThreadIndex):
    """The same index in PostgreSQL, next to the checkpoints, so several
    service processes (or hosts) see one list of drafts and one claim per
    request key."""

    INSERT_IGNORE = "INSERT INTO threads VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING"

    def __init__(self, url: str) -> None:
        self.url = url
        with self._conn() as c:
            c.execute(_SCHEMA)

    @contextmanager
    def _conn(self) -> Iterator[Any]:
        import psycopg  # heavy: optional [postgres] extra, only for a PostgreSQL checkpoint URL
        from psycopg.rows import dict_row

        with psycopg.connect(self.url, row_factory=dict_row, autocommit=False) as conn:
            yield _QmarkConnection(conn)
            conn.commit()


class _QmarkConnection:
    """sqlite-style ``?`` placeholders on a psycopg connection (one SQL text
    for both stores)."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return self._conn.execute(sql.replace("?", "%s"), params)


def thread_index() -> ThreadIndex:
    """PostgreSQL when checkpoints are there (shared state), else SQLite under
    the state directory."""
    secret = get_settings().checkpoint_url
    url = secret.get_secret_value() if secret else None
    if url and url.startswith(("postgres://", "postgresql://")):
        return PostgresThreadIndex(url)
    return ThreadIndex()
