"""The PostgreSQL thread index migrates a table written before the
``submitter`` column existed (issue 14 item 1), on a real PostgreSQL
(``support.postgres_fixtures``): opening the index adds the column, keeps
the old rows (read as submitter not yet known, then fillable), and opening
it again changes nothing."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from carepath.workflows.thread_view import Submitter
from carepath.workflows.threads import PostgresThreadIndex

psycopg = pytest.importorskip("psycopg")

OLD_LAYOUT = """
CREATE TABLE threads (
  thread_id TEXT PRIMARY KEY,
  request_key TEXT NOT NULL UNIQUE,
  intent TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
)"""


@pytest.fixture
def fresh_db(postgres_url: str) -> Iterator[str]:
    """A database of this test's own on the shared server (other tests keep
    their ``threads`` table in the default one)."""
    name = f"migrate_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield postgres_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _columns(url: str) -> list[str]:
    with psycopg.connect(url) as c:
        rows = c.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'threads' "
                         "ORDER BY ordinal_position").fetchall()
    return [r[0] for r in rows]


def test_old_threads_table_gains_the_submitter_column_and_keeps_its_rows(fresh_db: str) -> None:
    with psycopg.connect(fresh_db) as c:
        c.execute(OLD_LAYOUT)
        for i, status in enumerate(("awaiting_signoff", "final")):
            c.execute("INSERT INTO threads VALUES (%s, %s, %s, %s, %s, %s)",
                      (f"old-{i}", f"key-{i}", "guideline_qa", status,
                       f"2026-01-0{i + 1}T00:00:00+00:00", f"2026-01-0{i + 1}T00:00:00+00:00"))
    assert "submitter" not in _columns(fresh_db)

    index = PostgresThreadIndex(fresh_db)
    assert _columns(fresh_db)[-1] == "submitter"
    rows = index.list()
    assert [(r.thread_id, r.status) for r in rows] == [("old-0", "awaiting_signoff"), ("old-1", "final")]
    assert all(not r.submitter_known and r.submitter is None for r in rows)   # filled lazily, not guessed
    assert [r.thread_id for r in index.list("awaiting_signoff")] == ["old-0"]

    who = Submitter(id="u-alice", name="Alice", groups=["cardiology"])
    index.set_submitter("old-0", who)
    new = index.claim("new-0", "key-new", "guideline_qa", who)
    assert new.submitter == who and new.submitter_known

    again = PostgresThreadIndex(fresh_db)   # idempotent: IF NOT EXISTS, rows untouched
    assert _columns(fresh_db).count("submitter") == 1
    got = again.get("old-0")
    assert got is not None and got.submitter == who and got.submitter_known
    assert again.get("old-1").submitter_known is False  # type: ignore[union-attr]
    assert len(again.list()) == 3
