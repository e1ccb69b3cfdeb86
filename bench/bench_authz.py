"""What object-level authorization and the read-access audit cost per read.

Target (issue 14, "Performance"): HTTP p95 of reads for 50 concurrent clients
with the checks on within 1.1x of the same load with the checks off,
measured in the same run.

Two real `carepath serve` processes on loopback (uvicorn, real HTTP, the
same seeded state copied into two state directories, on the same disk):

* **on** — the product as shipped: every read passes the policy
  (``carepath.access.policy.authorize``), is written to the hash-chained
  audit log (one fsync per read) and as a FHIR BALP AuditEvent line, and the
  list asks the policy about every pending thread;
* **off** — the same code started through ``bench/authz_checks_off.py``,
  which monkeypatches, in that process only, the policy function to
  allow-all, the access-audit writer to a no-op and the list filter to a
  pass-through before the app is built. The product has no off-switch.

Seeding (against the "on" server, then its state is copied): requester A
(group cardio) submits drafts, A's group-mate A2 submits some, requester B
(group onco) submits some that the readers may not see, and the cardio
reviewer signs two of A's. Checks: on "on", B is refused A's draft (403) and
reads leave audit records; on "off", B reads it (200) and nothing is audited
— so each server really is what it claims to be.

Load: ``--clients`` concurrent clients (A, A2 and the reviewer in turn),
each doing ``--per-client`` reads per round cycling over GET
/v1/drafts/{id} (a cardio draft, 6 in 10), GET /v1/drafts (the list, 3 in
10) and GET /v1/drafts/{id}/outputs/fhir (a signed draft's FHIR download,
1 in 10; it renders the report, ~9x a draft read). Rounds
alternate ABBA (on, off, off, on, ...) so drift on a shared machine falls on
both sides; many short rounds (8 per mode of 4 reads per client, a few
seconds each) rather than a few long ones, because on a shared machine a
burst of other work lasting tens of seconds would otherwise land on one
side; each server gets one untimed warm-up round first. Every answer
must be 200. Reports p50/p95 per mode (all rounds pooled), per round, and
the p95 ratio on/off (also per request kind and per ABBA pair); prints
JSON and writes bench/results/authz.json. The default run takes about
2.5 minutes on 2 cores shared with other jobs (load average 9; the server
starts and the seeding are about a minute of it).

    .venv/bin/python bench/bench_authz.py [--clients 50] [--per-client 4] [--rounds 8] [--no-outputs]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
OFF_WRAPPER = REPO / "bench" / "authz_checks_off.py"
TARGET = 1.1

# token -> (name, role, subject, groups)
USERS: dict[str, tuple[str, str, str, list[str]]] = {
    "A": ("Ann Requester", "requester", "user:ann", ["cardio"]),
    "A2": ("Abe Requester", "requester", "user:abe", ["cardio"]),
    "B": ("Bea Requester", "requester", "user:bea", ["onco"]),
    "R": ("Dr Rex Reviewer", "reviewer", "user:rex", ["cardio"]),
}
READERS = ["A", "A2", "R"]
KINDS = ("read", "list", "output")
QUESTIONS = [
    "Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?",
    "How is diabetic ketoacidosis treated in adults?",
    "What is the target blood pressure for adults with hypertension?",
    "When should anticoagulation be started in atrial fibrillation?",
    "How is sepsis managed in the first hour?",
]
SEED = {"A": 4, "A2": 2, "B": 2}   # drafts per submitter; two of A's are signed


def token(user: str) -> str:
    return f"bench-{user}-token-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_tokens(path: Path) -> None:
    entries = [{"sha256": hashlib.sha256(token(u).encode()).hexdigest(), "name": n, "role": r,
                "subject": s, "groups": g} for u, (n, r, s, g) in USERS.items()]
    path.write_text(json.dumps({"tokens": entries}), encoding="utf-8")


def server_env(tmp: Path, state: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    data = Path(os.environ.get("CAREPATH_DATA_DIR", Path.home() / ".local/share/carepath"))
    env.update({"CAREPATH_DATA_DIR": str(data), "CAREPATH_STATE_DIR": str(state),
                "CAREPATH_IMAGING__BACKEND": "none", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
                "CAREPATH_SERVER__TOKENS_FILE": str(tmp / "tokens.json"),
                # the per-identity API limit (600/min) would answer 429 to 50 clients sharing
                # three identities; raised alike for both servers
                "CAREPATH_AUTH__API_RATE": "1000000/minute"})
    return env


def launch(argv: list[str], env: dict[str, str], log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, *argv, "serve", "--port", str(port)], env=env, cwd=REPO,
                            stdout=log.open("wb"), stderr=subprocess.STDOUT)
    return proc, f"http://127.0.0.1:{port}"


def start(argv: list[str], env: dict[str, str], log: Path) -> tuple[subprocess.Popen, str]:
    return ready(*launch(argv, env, log), log)


def ready(proc: subprocess.Popen, base: str, log: Path) -> tuple[subprocess.Popen, str]:
    deadline = time.time() + 180
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"server did not start: {log.read_text()[-2000:]}")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def client(base: str, user: str) -> httpx.Client:
    return httpx.Client(base_url=base, timeout=300, headers={"Authorization": f"Bearer {token(user)}"})


def seed(base: str) -> dict[str, list[str]]:
    """Submit the drafts and sign two of A's; returns thread ids by kind."""
    ids: dict[str, list[str]] = {u: [] for u in SEED}
    k = 0
    for user, n in SEED.items():
        with client(base, user) as c:
            for _ in range(n):
                r = c.post("/v1/questions", json={"text": f"{QUESTIONS[k % len(QUESTIONS)]} (case {k})"})
                k += 1
                r.raise_for_status()
                ids[user].append(r.json()["thread_id"])
    with client(base, "R") as c:
        for tid in ids["A"][:2]:
            c.post(f"/v1/drafts/{tid}/signoff", json={"action": "approve"}).raise_for_status()
    return {"signed": ids["A"][:2], "cardio": ids["A"][2:] + ids["A2"], "other": ids["B"]}


def audit_lines(state: Path) -> int:
    path = state / "audit" / "audit-events.jsonl"
    return len(path.read_bytes().splitlines()) if path.exists() else 0


def sanity(base: str, state: Path, ids: dict[str, list[str]]) -> dict[str, Any]:
    """What B gets for A's draft, and whether a read left an audit event."""
    before = audit_lines(state)
    with client(base, "B") as c:
        status = c.get(f"/v1/drafts/{ids['cardio'][0]}").status_code
    with client(base, "A") as c:
        listed = len(c.get("/v1/drafts").json())
    return {"B_reads_A_draft": status, "A_lists": listed, "audit_events_written": audit_lines(state) - before}


def plan(n: int, outputs: bool = True, offset: int = 0) -> list[tuple[str, int]]:
    """The request cycle from ``offset`` (clients start at different places,
    so a round has the 6:3:1 mix even when each client does few requests):
    (kind, index into its id list); without outputs the download's slot is
    one more draft read."""
    kinds = ["read", "list", "read", "read", "list", "read", "output" if outputs else "read", "read", "list", "read"]
    return [(kinds[(i + offset) % len(kinds)], i + offset) for i in range(n)]


async def one_client(base: str, user: str, ids: dict[str, list[str]], n: int, offset: int,
                     lat: list[tuple[str, float]], errors: list[str], outputs: bool) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=300,
                                 headers={"Authorization": f"Bearer {token(user)}"}) as c:
        for kind, j in plan(n, outputs, offset):
            url = {"read": f"/v1/drafts/{ids['cardio'][j % len(ids['cardio'])]}",
                   "list": "/v1/drafts",
                   "output": f"/v1/drafts/{ids['signed'][j % len(ids['signed'])]}/outputs/fhir"}[kind]
            t = time.perf_counter()
            try:
                r = await c.get(url)
            except httpx.HTTPError as exc:
                errors.append(f"{kind} {type(exc).__name__}")
                continue
            if r.status_code != 200:
                errors.append(f"{kind} {r.status_code}")
                continue
            lat.append((kind, time.perf_counter() - t))


def load(base: str, ids: dict[str, list[str]], clients: int, per_client: int, outputs: bool) -> dict[str, Any]:
    lat: list[tuple[str, float]] = []
    errors: list[str] = []

    async def run_all() -> None:
        await asyncio.gather(*[one_client(base, READERS[c % len(READERS)], ids, per_client, c, lat, errors,
                                          outputs) for c in range(clients)])

    t = time.perf_counter()
    asyncio.run(run_all())
    wall = time.perf_counter() - t
    return {"lat": lat, "errors": errors, "wall_s": wall}


def pct(timed: list[tuple[str, float]], kind: str | None = None) -> dict[str, float]:
    lat = [s for k, s in timed if kind is None or k == kind]
    q = statistics.quantiles(lat, n=20) if len(lat) >= 20 else [max(lat or [0.0])] * 19
    return {"p50_ms": round(statistics.median(lat) * 1000, 1) if lat else 0.0, "p95_ms": round(q[18] * 1000, 1)}


def order(rounds: int) -> list[str]:
    """ABBA: on, off, off, on, on, off, ..."""
    return [("on", "off")[(r + 1) // 2 % 2] for r in range(rounds * 2)]


def run(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    write_tokens(tmp / "tokens.json")
    on_state, off_state = tmp / "state-on", tmp / "state-off"
    module = ["-m", "carepath"]
    proc, base = start(module, server_env(tmp, on_state), tmp / "seed.log")
    try:
        t = time.perf_counter()
        ids = seed(base)
        seed_s = time.perf_counter() - t
    finally:
        stop(proc)
    shutil.copytree(on_state, off_state)
    servers: dict[str, tuple[subprocess.Popen, str]] = {}
    try:
        servers["on"] = launch(module, server_env(tmp, on_state), tmp / "on.log")
        servers["off"] = launch([str(OFF_WRAPPER)], server_env(tmp, off_state), tmp / "off.log")
        for mode, (proc, base) in servers.items():   # both start at once
            ready(proc, base, tmp / f"{mode}.log")
        checks = {m: sanity(servers[m][1], state, ids) for m, state in (("on", on_state), ("off", off_state))}
        for mode in ("on", "off"):   # warm-up: imports, caches, connection pools
            load(servers[mode][1], ids, args.clients, 2, not args.no_outputs)
        per_round: list[dict[str, Any]] = []
        pooled: dict[str, list[tuple[str, float]]] = {"on": [], "off": []}
        errors: dict[str, list[str]] = {"on": [], "off": []}
        for mode in order(args.rounds):
            got = load(servers[mode][1], ids, args.clients, args.per_client, not args.no_outputs)
            pooled[mode] += got["lat"]
            errors[mode] += got["errors"]
            per_round.append({"mode": mode, **pct(got["lat"]), "n": len(got["lat"]),
                              "errors": len(got["errors"]), "req_per_s": round(len(got["lat"]) / got["wall_s"], 1)})
            print(f"  round {len(per_round)} {mode:>3}: {per_round[-1]}", file=sys.stderr)
    finally:
        for proc, _ in servers.values():
            stop(proc)
    return {"ids": ids, "seed_s": seed_s, "checks": checks, "per_round": per_round, "pooled": pooled,
            "errors": errors}


def summary(args: argparse.Namespace, got: dict[str, Any], wall: float) -> dict[str, Any]:
    modes = {m: {**pct(got["pooled"][m]), "n": len(got["pooled"][m]), "errors": len(got["errors"][m]),
                 "error_kinds": sorted(set(got["errors"][m])),
                 "by_kind": {k: pct(got["pooled"][m], k) for k in KINDS}} for m in ("on", "off")}
    rounds = got["per_round"]
    pair_ratios = [round(a["p95_ms"] / b["p95_ms"], 3) if b["p95_ms"] else None
                   for a, b in zip([r for r in rounds if r["mode"] == "on"], [r for r in rounds if r["mode"] == "off"])]
    ratio = modes["on"]["p95_ms"] / modes["off"]["p95_ms"] if modes["off"]["p95_ms"] else float("inf")
    return {
        "bench": "authz", "command": "python bench/bench_authz.py " + " ".join(sys.argv[1:]),
        "clients": args.clients, "per_client": args.per_client, "rounds_per_mode": args.rounds,
        "mix": ("read GET /v1/drafts/{id} 7/10, list GET /v1/drafts 3/10" if args.no_outputs else
                "read GET /v1/drafts/{id} 6/10, list GET /v1/drafts 3/10, output GET "
                "/v1/drafts/{id}/outputs/fhir 1/10"),
        "seeded": {k: len(v) for k, v in got["ids"].items()}, "seed_s": round(got["seed_s"], 1),
        "sanity": got["checks"], "on": modes["on"], "off": modes["off"],
        "p95_ratio_on_off": round(ratio, 3), "p95_ratio_per_round_pair": pair_ratios,
        "p95_ratio_median_pair": statistics.median([r for r in pair_ratios if r is not None] or [0.0]),
        "p95_ratio_by_kind": {k: round(modes["on"]["by_kind"][k]["p95_ms"] / modes["off"]["by_kind"][k]["p95_ms"], 3)
                              for k in KINDS if modes["off"]["by_kind"][k]["p95_ms"]},
        "p50_ratio_on_off": round(modes["on"]["p50_ms"] / modes["off"]["p50_ms"], 3) if modes["off"]["p50_ms"] else None,
        "target": TARGET, "meets_target": ratio <= TARGET, "per_round": rounds,
        "cpus": os.cpu_count(), "load_avg_at_end": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(), "wall_s": round(wall, 1), "git_head": git_head(),
    }


def git_head() -> str | None:
    """The commit measured (``+dirty`` when the working tree has changes)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+dirty" if dirty else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--per-client", type=int, default=4, help="reads per client per round")
    ap.add_argument("--rounds", type=int, default=8, help="timed rounds per mode (ABBA order)")
    ap.add_argument("--no-outputs", action="store_true",
                    help="draft reads and lists only (the FHIR download renders the report and, at 1 in 10, "
                         "sets the p95 tail)")
    ap.add_argument("--out", type=Path, default=None, help="default bench/results/authz[_no_outputs].json")
    args = ap.parse_args()
    args.out = args.out or RESULTS / ("authz_no_outputs.json" if args.no_outputs else "authz.json")
    t = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="carepath-bench-authz-") as d:
        got = run(args, Path(d))
    result = summary(args, got, time.perf_counter() - t)
    bad = [m for m, c in result["sanity"].items()
           if (c["B_reads_A_draft"] == 403) != (m == "on") or (c["audit_events_written"] > 0) != (m == "on")]
    if bad:
        result["sanity_failed"] = bad
    print(json.dumps(result, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if bad or result["on"]["errors"] or result["off"]["errors"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
