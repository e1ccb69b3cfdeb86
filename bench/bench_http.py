"""HTTP service under concurrent clients vs the Python API in-process.

Starts `carepath serve` on a free loopback port (offline, tiny/no models:
guideline questions are answered extractively), then:

* baseline: the same kind of questions through ``Carepath.draft`` in this
  process, one after another;
* HTTP: N concurrent clients each submitting questions to /v1/questions and
  polling GET /v1/drafts/{id} until it reports awaiting_signoff.

Every question is distinct (a case number is appended) so no request is
served from an earlier thread. Reports errors, p50/p95 latency and the
throughput ratio HTTP / in-process, measured in one run.

    .venv/bin/python bench/bench_http.py [--clients 50] [--per-client 4]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests")]

QUESTIONS = [
    "Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?",
    "How is diabetic ketoacidosis treated in adults?",
    "What is the target blood pressure for adults with hypertension?",
    "When should anticoagulation be started in atrial fibrillation?",
    "How is sepsis managed in the first hour?",
]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def question(i: int) -> str:
    return f"{QUESTIONS[i % len(QUESTIONS)]} (case {i})"


async def client_loop(base: str, token: str, ids: list[int], lat: list[float], errors: list[str],
                      deadline: float | None = None) -> int:
    import httpx

    done = 0
    async with httpx.AsyncClient(base_url=base, timeout=600,
                                 headers={"Authorization": f"Bearer {token}"}) as c:
        k = 0
        while (deadline is None and k < len(ids)) or (deadline is not None and time.perf_counter() < deadline):
            i = ids[k % len(ids)] + (k // len(ids)) * 100_000
            k += 1
            t = time.perf_counter()
            try:
                r = await c.post("/v1/questions", json={"text": question(i)})
                if r.status_code != 201:
                    errors.append(f"submit {r.status_code}")
                    continue
                tid = r.json()["thread_id"]
                while True:
                    p = await c.get(f"/v1/drafts/{tid}")
                    if p.status_code != 200:
                        errors.append(f"poll {p.status_code}")
                        break
                    if p.json()["status"] == "awaiting_signoff":
                        break
                    await asyncio.sleep(0.05)
            except Exception as exc:  # noqa: BLE001 - counted, reported
                errors.append(type(exc).__name__)
                continue
            lat.append(time.perf_counter() - t)
            done += 1
    return done


def start(tmp: Path):
    from support.http_fixtures import TOKENS, free_port, server_env, start_server

    data = Path(os.environ.get("CAREPATH_DATA_DIR", Path.home() / ".local/share/carepath"))
    port = free_port()
    proc = start_server(server_env(data, tmp / "state"), port, tmp / "server.log")
    return proc, f"http://127.0.0.1:{port}", TOKENS["requester"]


def baseline(n: int, tmp: Path) -> float:
    os.environ["CAREPATH_STATE_DIR"] = str(tmp / "inproc")
    os.environ["CAREPATH_IMAGING__BACKEND"] = "none"
    from carepath.settings import get_settings

    get_settings.cache_clear()
    from carepath.workflows.request import DraftRequest
    from carepath.workflows.service import open_service

    with open_service() as svc:
        svc.draft(DraftRequest(text=question(10**6)))  # warm: index, embedder
        t = time.perf_counter()
        for i in range(n):
            svc.draft(DraftRequest(text=question(10**6 + 1 + i)))
        return n / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--per-client", type=int, default=4)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        proc, base, token = start(tmp)
        try:
            warm_lat: list[float] = []
            asyncio.run(client_loop(base, token, [999_999], warm_lat, []))
            lat: list[float] = []
            errors: list[str] = []
            t = time.perf_counter()

            async def run_all() -> list[int]:
                return await asyncio.gather(*[
                    client_loop(base, token, [c * 1000 + k for k in range(args.per_client)], lat, errors)
                    for c in range(args.clients)])

            done = sum(asyncio.run(run_all()))
            wall = time.perf_counter() - t
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        http_tp = done / wall
        base_tp = baseline(max(20, args.per_client * 5), tmp)
    q = statistics.quantiles(lat, n=20) if len(lat) >= 20 else [max(lat or [0])] * 19
    print(f"clients: {args.clients} x {args.per_client} questions; completed {done}, errors {len(errors)}"
          + (f" ({sorted(set(errors))})" if errors else ""))
    print(f"latency p50 {statistics.median(lat):.2f} s, p95 {q[18]:.2f} s (submit → awaiting_signoff)")
    print(f"throughput: HTTP {http_tp:.2f} drafts/s vs in-process API {base_tp:.2f} drafts/s "
          f"→ ratio {http_tp / base_tp:.2f}")


if __name__ == "__main__":
    main()
