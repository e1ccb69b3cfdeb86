"""Crash and resume (issue 7.3): kill -9 `carepath batch` at random points of
a 20-study batch, restart it, and count what was lost, duplicated or left
corrupt. Each trial starts from empty state; the kill delay is drawn
uniformly over the batch's measured duration, so kills land during start-up,
mid-study and while outputs are written (all written temp-then-rename); every
fifth trial is killed the moment an output write is seen instead. Trials
alternate 1 and 2 worker processes and run two side by side.

    .venv/bin/python bench/reliability_crash_resume.py [--trials 20] [--studies 20] [--parallel 2]

Prints FIGURE lines (collected by `make reliability`). Needs a built guideline
index (CAREPATH_DATA_DIR, or the default one).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests")]

from support.batch_harness import (  # noqa: E402
    check_outcome, kill_batch_after, kill_batch_when_writing, make_cxr_studies, run_batch, timed, trial_delays)


def _trial(i: int, delay: float | None, workers: int, src: Path, tmp: Path,
           env_for: Callable[[str], dict[str, str]], n: int) -> tuple[str, dict[str, int], bool, bool]:
    """One kill + restart from empty state; ``delay`` None means: kill the
    moment an output write is seen."""
    env, out = env_for(f"t{i}"), tmp / f"t{i}" / "out"
    w = ("--workers", str(workers))
    if delay is None:
        mid_write = kill_batch_when_writing(env, src, out, *w)
        when = "on an output write" + (" (temp file open)" if mid_write else "")
    else:
        kill_batch_after(env, src, out, delay, *w)
        mid_write, when = False, f"at {delay:5.2f} s"
    done = run_batch(env, src, out, *w)
    o = check_outcome(Path(env["CAREPATH_STATE_DIR"]), out, n)
    shutil.rmtree(tmp / f"t{i}", ignore_errors=True)
    return f"{when}, {workers} worker(s)", o, mid_write, done.returncode != 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--studies", type=int, default=20)
    ap.add_argument("--parallel", type=int, default=2, help="trials run side by side (each its own state)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="carepath-crash-"))
    try:
        src = tmp / "in"
        make_cxr_studies(src, args.studies)
        base = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_") or k == "CAREPATH_DATA_DIR"}
        base.update({"CAREPATH_IMAGING__BACKEND": "none", "HF_HUB_OFFLINE": "1"})

        def env_for(name: str) -> dict[str, str]:
            return base | {"CAREPATH_STATE_DIR": str(tmp / name / "state")}

        # calibrate under the same parallelism the trials run with
        def calibrate(workers: int) -> float:
            r, took = timed(run_batch, env_for(f"cal{workers}"), src, tmp / f"cal{workers}" / "out",
                            "--workers", str(workers))
            if r.returncode != 0:
                raise SystemExit(f"calibration batch failed: {r.stderr[-2000:]}")
            return took

        with ThreadPoolExecutor(args.parallel) as pool:
            full = dict(zip((1, 2), pool.map(calibrate, (1, 2))))
        print(f"full batch of {args.studies} studies: {full[1]:.1f} s (1 worker), {full[2]:.1f} s (2 workers)",
              flush=True)
        # odd trials use 2 worker processes (two writers racing on the shared SQLite stores); every
        # fifth trial is killed on an output write instead of at a random time
        plan = []
        for i in range(args.trials):
            workers = 2 if i % 2 else 1
            delay = trial_delays(1, full[workers], seed=7 + i)[0]
            plan.append((i, None if i % 5 == 4 else delay, workers))
        lost = duplicated = corrupt = failures = mid_writes = 0
        with ThreadPoolExecutor(args.parallel) as pool:
            futures = [pool.submit(_trial, i, d, w, src, tmp, env_for, args.studies) for i, d, w in plan]
            for i, fut in enumerate(futures):
                when, o, mid_write, failed = fut.result()
                lost, duplicated, corrupt = lost + o["lost"], duplicated + o["duplicated"], corrupt + o["corrupt"]
                failures += failed
                mid_writes += mid_write
                print(f"trial {i + 1:2d}: killed {when} → {o}", flush=True)
        print(f"FIGURE crash_resume_trials: {args.trials} (kill -9 of a {args.studies}-study batch, "
              f"1 or 2 workers, {sum(d is None for _, d, _ in plan)} timed on an output write)")
        print(f"FIGURE crash_resume_lost: {lost}")
        print(f"FIGURE crash_resume_duplicated: {duplicated}")
        print(f"FIGURE crash_resume_corrupt_outputs: {corrupt}")
        print(f"FIGURE crash_resume_rerun_failures: {failures}")
        print(f"FIGURE crash_resume_kills_with_temp_file_open: {mid_writes}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

if __name__ == "__main__":
    main()
