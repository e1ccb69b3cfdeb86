"""Crash and resume (issue 7.3, quick variant of
bench/reliability_crash_resume.py): `carepath batch` subprocesses killed with
SIGKILL — process group, workers included — at random points and while an
output file is being written, then re-run. Every study must end with exactly
one draft paused for sign-off, none lost, none duplicated, and every output
file must parse."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from support.batch_harness import (check_outcome, kill_batch_after, kill_batch_when_writing, make_cxr_studies,
                                   run_batch)

N_STUDIES = 4



def _assert_consistent(state: Path, out: Path) -> None:
    """What a kill may leave: fewer drafts, never a second one for a study,
    never a half-written result (only a stray temp file, which is not a result)."""
    if not (state / "threads.sqlite").exists():
        return
    seen = check_outcome(state, out, N_STUDIES)
    assert (seen["duplicated"], seen["corrupt"]) == (0, 0), seen


@pytest.mark.slow
def test_kill_9_at_random_points_and_mid_write_then_rerun_loses_and_duplicates_nothing(
        batch_env: dict[str, str], tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    make_cxr_studies(src, N_STUDIES)
    state = Path(batch_env["CAREPATH_STATE_DIR"])
    rng = random.Random(20261123)
    # start-up (imports, service open), first studies, then later studies
    for delay in (rng.uniform(0.3, 2.5), rng.uniform(3.0, 7.0)):
        kill_batch_after(batch_env, src, out, delay, "--workers", "2")
        _assert_consistent(state, out)
    # the moment a result is being written or renamed into place
    kill_batch_when_writing(batch_env, src, out, "--workers", "2")
    _assert_consistent(state, out)
    # a kill between write() and rename leaves this behind; it must never be read as a result
    (out / ".deadbeef.json.tmp").write_text('{"key": "dead", "stat')

    r = run_batch(batch_env, src, out)
    assert r.returncode == 0, r.stderr[-2000:]
    summary = json.loads(r.stdout)
    failed = [x for x in summary["results"] if x.get("status") == "failed"]
    assert summary["failed"] == 0 and summary["drafted"] + summary["skipped"] == N_STUDIES, failed
    assert check_outcome(state, out, N_STUDIES) == {"threads": N_STUDIES, "duplicated": 0, "lost": 0,
                                                    "corrupt": 0}
    # temp files left by a kill are never results (only old ones are swept, so a concurrent batch is safe)
    assert all(f.name.startswith(".") for f in out.glob("*.tmp"))
    threads = {x["thread_id"] for x in summary["results"]}
    assert len(threads) == N_STUDIES and None not in threads
    files = [json.loads(f.read_text()) for f in out.glob("*.json") if f.name != "batch-summary.json"]
    assert sorted(f["study"] for f in files) == sorted(f"study{i:03d}.dcm" for i in range(N_STUDIES))
    assert {f["thread_id"] for f in files} == threads


def test_kill_during_first_output_write_of_a_fresh_batch(batch_env: dict[str, str], tmp_path: Path) -> None:
    """Killed right as the first result lands (often with its temp file still
    open): the re-run finishes every study once."""
    src, out = tmp_path / "in", tmp_path / "out"
    make_cxr_studies(src, 3)
    (src / "notes.txt").write_text("not a study")  # its failure is the very first write
    kill_batch_when_writing(batch_env, src, out)
    state = Path(batch_env["CAREPATH_STATE_DIR"])
    r = run_batch(batch_env, src, out)
    assert r.returncode == 0, r.stderr[-2000:]
    summary = json.loads(r.stdout)
    assert (summary["drafted"] + summary["skipped"], summary["failed"]) == (3, 1)
    assert check_outcome(state, out, 3) == {"threads": 3, "duplicated": 0, "lost": 0, "corrupt": 0}


class _Killed(BaseException):
    """Stands for SIGKILL: not an Exception, so nothing on the way catches it."""


def test_killed_after_a_node_wrote_but_before_its_checkpoint_resumes(
        guideline_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The state a kill leaves when a node's writes are saved but the next
    checkpoint is not (found by CI: LangGraph then reports no `next` node
    although the run is not over). The next draft of the same request must
    finish that thread, not report it as done."""
    from pydicom.data import get_testdata_file

    from carepath.models import registry
    from carepath.settings import get_settings
    from carepath.workflows.checkpoint import open_checkpointer
    from carepath.workflows.request import DraftRequest
    from carepath.workflows.service import Carepath, open_service

    monkeypatch.setenv("CAREPATH_DATA_DIR", str(guideline_data_dir))
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    get_settings.cache_clear()
    registry.reset()
    req = DraftRequest(text="Draft the report for this study.",
                       studies=[Path(get_testdata_file("RG1_UNCR.dcm"))])
    with open_checkpointer() as saver:
        real_put = saver.put

        def put(config, checkpoint, metadata, new_versions):  # noqa: ANN001, ANN202
            if metadata.get("step", -1) >= 1:
                raise _Killed()
            return real_put(config, checkpoint, metadata, new_versions)

        monkeypatch.setattr(saver, "put", put)
        with pytest.raises(_Killed):
            Carepath(saver).draft(req)
        monkeypatch.setattr(saver, "put", real_put)
    with open_service() as svc:
        (thread_id,) = [t.thread_id for t in svc.index.list()]
        snap = svc.graph.get_state({"configurable": {"thread_id": thread_id}})
        assert snap.next == () and snap.tasks and all(t.result is not None for t in snap.tasks)  # the trap
        out = svc.draft(req)
        assert out.thread_id == thread_id and out.status == "awaiting_signoff", out.status
        assert out.draft is not None and out.intent == "cxr_report"
        assert [t.thread_id for t in svc.index.list()] == [thread_id]


def test_workers_exit_when_the_batch_process_alone_is_killed(batch_env: dict[str, str], tmp_path: Path) -> None:
    """SIGKILL of the parent only (not its group): the worker processes notice
    and exit instead of idling on with their models loaded."""
    import os
    import signal
    import subprocess
    import time

    import psutil

    from support.batch_harness import batch_cmd

    src, out = tmp_path / "in", tmp_path / "out"
    make_cxr_studies(src, 6)
    p = subprocess.Popen(batch_cmd(src, out, "--workers", "2"), env=batch_env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        workers: list[psutil.Process] = []
        while time.monotonic() < deadline and len(workers) < 2 and p.poll() is None:
            workers = [c for c in psutil.Process(p.pid).children(recursive=True)
                       if "spawn_main" in " ".join(c.cmdline()) and "resource_tracker" not in " ".join(c.cmdline())]
            time.sleep(0.2)
        assert len(workers) == 2, "the batch did not start two workers"
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        gone, alive = psutil.wait_procs(workers, timeout=15)
        assert not alive, [w.pid for w in alive]
    finally:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
