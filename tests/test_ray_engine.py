"""Ray batch engine on a local Ray instance: same outcome as the local
engine, and exactly one draft per study even when a Ray worker is killed
mid-batch (Ray restarts the actor and retries; the thread index's UNIQUE
request key makes the retry resume the same thread)."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")

from support.batch_harness import make_cxr_studies  # noqa: E402


@pytest.fixture(scope="module")
def ray_env(guideline_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One local Ray for the module; settings reach workers via env vars."""
    state = tmp_path_factory.mktemp("ray_state")
    mp = pytest.MonkeyPatch()
    mp.setenv("CAREPATH_DATA_DIR", str(guideline_data_dir))
    mp.setenv("CAREPATH_STATE_DIR", str(state))
    mp.setenv("CAREPATH_IMAGING__BACKEND", "none")
    mp.setenv("HF_HUB_OFFLINE", "1")
    from carepath.workflows.ray_engine import _env_vars

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False,
             runtime_env={"env_vars": _env_vars()})
    try:
        yield state
    finally:
        ray.shutdown()
        mp.undo()
        from carepath.settings import get_settings

        get_settings.cache_clear()


def _threads(state: Path) -> list[tuple[str, int]]:
    db = state / "threads.sqlite"
    if not db.exists():
        return []
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT request_key, count(*) FROM threads GROUP BY request_key").fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        conn.close()


def _draft_actor_pids() -> list[int]:
    """Our local Ray's worker processes are descendants of this process (no
    dashboard, so no state API); an actor's process title names its class."""
    import psutil

    pids = []
    for p in psutil.Process().children(recursive=True):
        try:
            if "DraftActor" in " ".join(p.cmdline()):
                pids.append(p.pid)
        except psutil.Error:
            continue
    return pids


def test_killed_ray_worker_still_drafts_every_study_once(ray_env: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from carepath.workflows.batch import discover_items
    from carepath.workflows.ray_engine import run_ray

    src = tmp_path / "in"
    make_cxr_studies(src, 8)
    (src / "notes.txt").write_text("not a study")
    items, failed = discover_items(src, "Draft the report for this study.")
    assert len(items) == 8 and len(failed) == 1
    killed: list[int] = []

    def killer() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not killed:
            if _threads(ray_env):              # mid-batch: drafting has started
                pids = _draft_actor_pids()
                if pids:
                    os.kill(pids[0], signal.SIGKILL)
                    killed.append(pids[0])
                    return
            time.sleep(0.05)

    t = threading.Thread(target=killer, daemon=True)
    t.start()
    results = run_ray(items, workers=2)
    t.join(5)
    assert killed, "no Ray draft worker was found to kill"
    assert sorted(r.key for r in results) == sorted(i.key for i in items)
    assert all(r.status in ("drafted", "skipped") for r in results), [r.reason for r in results]
    rows = _threads(ray_env)
    assert len(rows) == 8 and all(c == 1 for _, c in rows)

    conn = sqlite3.connect(ray_env / "threads.sqlite")
    statuses = dict(conn.execute("SELECT thread_id, status FROM threads").fetchall())
    conn.close()
    assert {statuses[r.thread_id] for r in results} == {"awaiting_signoff"}   # paused for review
    from carepath.settings import get_settings
    from carepath.workflows.service import open_service

    # the autouse fixture gave this test its own state dir; read the one the Ray workers were given
    monkeypatch.setenv("CAREPATH_STATE_DIR", str(ray_env))
    get_settings.cache_clear()
    with open_service() as svc:   # the drafts the workers checkpointed, read back by another process
        for r in results:
            out = svc.outcome(r.thread_id)
            assert out.status == "awaiting_signoff" and out.intent == "cxr_report" and out.draft is not None

    again = run_ray(items, workers=1)           # a re-run drafts nothing new
    assert {r.status for r in again} == {"skipped"}
    assert {r.thread_id for r in again} == {r.thread_id for r in results}
    assert len(_threads(ray_env)) == 8
