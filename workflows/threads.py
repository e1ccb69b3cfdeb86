"""A small index of drafts (thread id, request key, intent, status, submitter)
so reviewers can list what is pending and a batch can recognise a request it
has already drafted without scanning checkpoints. Opaque ids only: no patient
identifiers are stored here.

The submitter (identity id, display name, groups) is kept here as well as on
the thread, so a list is filtered by the access policy
(``carepath.access.policy``) from this table alone: listing never opens the
checkpoint of a thread the caller may not see. Rows written before the
column existed read as ``submitter_known=False``; the service fills them by
reading that thread once (``Carepath.with_submitter``), then never again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from carepath.settings import get_settings
from carepath.workflows.thread_view import Submitter


class ThreadInfo(BaseModel):
    """One index row. ``submitter`` is None both for a thread that records
    nobody (drafted before submitters existed) and for a row not yet filled;
    ``submitter_known`` tells the two apart."""

    thread_id: str
    request_key: str
    intent: str
    status: str
    created_at: str
    updated_at: str
    submitter: Submitter | None = None
    submitter_known: bool = Field(True, exclude=True)


_SCHEMA = """
CREATE TABLE IF NOT EXISTS threads (
  thread_id TEXT PRIMARY KEY,
  request_key TEXT NOT NULL UNIQUE,
  intent TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitter TEXT
)"""
# ``submitter``: JSON of a Submitter, JSON ``null`` for a thread that records
# none, SQL NULL for a row written before the column existed (not yet filled).
_COLUMNS = "thread_id, request_key, intent, status, created_at, updated_at, submitter"


def _info(row: Any) -> ThreadInfo:
    data = dict(row)
    raw = data.pop("submitter", None)
    if raw is None:
        return ThreadInfo(**data, submitter_known=False)
    return ThreadInfo(**data, submitter=Submitter.model_validate_json(raw) if raw != "null" else None)


def _encode(submitter: Submitter | None) -> str:
    return submitter.model_dump_json() if submitter is not None else "null"


class ThreadIndex:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or get_settings().state_dir / "threads.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._conn() as c:
            c.execute(_SCHEMA)
            self._migrate(c)

    def _migrate(self, c: Any) -> None:
        """Add the submitter column to an index written before it existed
        (its rows stay NULL = not yet known, filled lazily)."""
        names = {r["name"] for r in c.execute("PRAGMA table_info(threads)").fetchall()}
        if "submitter" not in names:
            c.execute("ALTER TABLE threads ADD COLUMN submitter TEXT")

    @contextmanager
    def _conn(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(str(self.path), timeout=30)
        conn.row_factory = sqlite3.Row
        try:
            with conn:
                yield conn
        finally:
            conn.close()

    INSERT_IGNORE = f"INSERT OR IGNORE INTO threads ({_COLUMNS}) VALUES (?,?,?,?,?,?,?)"

    def claim(self, thread_id: str, request_key: str, intent: str = "pending",
              submitter: Submitter | None = None) -> ThreadInfo:
        """Register a new thread for ``request_key`` (with who submitted it) or
        return the existing one (the UNIQUE key makes this safe across processes)."""
        now = datetime.now(UTC).isoformat()
        with self._conn() as c:
            c.execute(self.INSERT_IGNORE, (thread_id, request_key, intent, "running", now, now,
                                           _encode(submitter)))
            row = c.execute(f"SELECT {_COLUMNS} FROM threads WHERE request_key=?", (request_key,)).fetchone()
        return _info(row)

    def set_submitter(self, thread_id: str, submitter: Submitter | None) -> None:
        """Fill the submitter of a row written before the column existed."""
        with self._conn() as c:
            c.execute("UPDATE threads SET submitter=? WHERE thread_id=?", (_encode(submitter), thread_id))

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
            row = c.execute(f"SELECT {_COLUMNS} FROM threads WHERE thread_id=?", (thread_id,)).fetchone()
        return _info(row) if row else None

    def list(self, status: str | None = None) -> list[ThreadInfo]:
        """Rows only (the submitter included): no checkpoint is opened."""
        select = f"SELECT {_COLUMNS} FROM threads"
        with self._conn() as c:
            rows = (c.execute(f"{select} WHERE status=? ORDER BY created_at", (status,))
                    if status else c.execute(f"{select} ORDER BY created_at")).fetchall()
        return [_info(r) for r in rows]


class PostgresThreadIndex(ThreadIndex):
    """The same index in PostgreSQL, next to the checkpoints, so several
    service processes (or hosts) see one list of drafts and one claim per
    request key."""

    INSERT_IGNORE = f"INSERT INTO threads ({_COLUMNS}) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"

    def __init__(self, url: str) -> None:
        self.url = url
        with self._conn() as c:
            c.execute(_SCHEMA)
            self._migrate(c)

    def _migrate(self, c: Any) -> None:
        c.execute("ALTER TABLE threads ADD COLUMN IF NOT EXISTS submitter TEXT")

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
