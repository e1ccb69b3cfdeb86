"""Load (issue 7.7): the HTTP service under 50 concurrent clients for 60 s on
loopback — submit a guideline question, poll until it is awaiting sign-off,
repeat — then stop by itself. Reports errors, p95 latency and the server's
memory growth between the end of a warm-up and the end of the run, against
a stated bound (checkpoints go to disk; the process must not accumulate).

    .venv/bin/python bench/reliability_http_load.py [--clients 50] [--seconds 60]

Prints FIGURE lines (collected by `make reliability`).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent)]

from bench_http import client_loop, rss_mb, start  # noqa: E402

GROWTH_BOUND_MB = 150.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--warmup", type=float, default=15.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        proc, base, token = start(Path(d))
        try:
            lat: list[float] = []
            errors: list[str] = []
            # Warm-up at full concurrency, so worker threads, their allocator arenas and
            # SQLite's page cache exist before the baseline is read.
            warm_end = time.perf_counter() + args.warmup

            async def warm() -> list[int]:
                return await asyncio.gather(*[client_loop(base, token, [(c + 1) * 1000 + 500], [], errors, warm_end)
                                              for c in range(args.clients)])

            asyncio.run(warm())
            rss0 = rss_mb(proc.pid)
            deadline = time.perf_counter() + args.seconds

            async def run_all() -> list[int]:
                return await asyncio.gather(*[client_loop(base, token, [(c + 1) * 1000], lat, errors, deadline)
                                              for c in range(args.clients)])

            done = sum(asyncio.run(run_all()))
            rss1 = rss_mb(proc.pid)
            alive = proc.poll() is None
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    p95 = statistics.quantiles(lat, n=20)[18] if len(lat) >= 20 else max(lat or [0.0])
    growth = rss1 - rss0
    print(f"FIGURE http_load_requests: {done} drafts by {args.clients} clients in {args.seconds:.0f} s")
    print(f"FIGURE http_load_errors: {len(errors)}" + (f" ({sorted(set(errors))})" if errors else ""))
    print(f"FIGURE http_load_p95_s: {p95:.2f} (p50 {statistics.median(lat) if lat else 0:.2f})")
    print(f"FIGURE http_load_rss_growth_mb: {growth:.0f} (from {rss0:.0f} to {rss1:.0f}; "
          f"bound {GROWTH_BOUND_MB:.0f}; {'within' if growth <= GROWTH_BOUND_MB else 'OVER'})")
    print(f"FIGURE http_load_server_alive: {alive}")
    if errors or growth > GROWTH_BOUND_MB or not alive:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
