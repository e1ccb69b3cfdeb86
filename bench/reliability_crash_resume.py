"""Crash and resume (issue 7.3): kill -9 `carepath batch` at random points of
a 20-study batch, restart it, and count what was lost, duplicated or left
corrupt. Each trial starts from empty state; the kill delay is drawn
uniformly over the batch's measured duration, so kills land during start-up,
mid-study and while outputs are written (all written temp-then-rename).

    .venv/bin/python bench/reliability_crash_resume.py [--trials 20] [--studies 20]

Prints FIGURE lines (collected by `make reliability`). Needs a built guideline
index (CAREPATH_DATA_DIR, or the default one).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests")]

from support.batch_harness import (  # noqa: E402
    check_outcome, kill_batch_after, make_cxr_studies, run_batch, timed, trial_delays)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--studies", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="carepath-crash-"))
    try:
        src = tmp / "in"
        make_cxr_studies(src, args.studies)
        base = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_") or k == "CAREPATH_DATA_DIR"}
        base.update({"CAREPATH_IMAGING__BACKEND": "none", "HF_HUB_OFFLINE": "1"})

        def env_for(name: str) -> dict[str, str]:
            return base | {"CAREPATH_STATE_DIR": str(tmp / name / "state")}

        r, full = timed(run_batch, env_for("calibrate"), src, tmp / "calibrate" / "out",
                        "--workers", str(args.workers))
        if r.returncode != 0:
            raise SystemExit(f"calibration batch failed: {r.stderr[-2000:]}")
        print(f"full batch of {args.studies} studies: {full:.1f} s", flush=True)
        lost = duplicated = corrupt = failures = 0
        for i, delay in enumerate(trial_delays(args.trials, full, seed=7)):
            env, out = env_for(f"t{i}"), tmp / f"t{i}" / "out"
            kill_batch_after(env, src, out, delay, "--workers", str(args.workers))
            done = run_batch(env, src, out, "--workers", str(args.workers))
            failures += done.returncode != 0
            o = check_outcome(Path(env["CAREPATH_STATE_DIR"]), out, args.studies)
            lost, duplicated, corrupt = lost + o["lost"], duplicated + o["duplicated"], corrupt + o["corrupt"]
            print(f"trial {i + 1:2d}: killed at {delay:5.2f} s → {o}", flush=True)
            shutil.rmtree(tmp / f"t{i}", ignore_errors=True)
        print(f"FIGURE crash_resume_trials: {args.trials} (kill -9 of a {args.studies}-study batch, "
              f"{args.workers} workers)")
        print(f"FIGURE crash_resume_lost: {lost}")
        print(f"FIGURE crash_resume_duplicated: {duplicated}")
        print(f"FIGURE crash_resume_corrupt_outputs: {corrupt}")
        print(f"FIGURE crash_resume_rerun_failures: {failures}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
