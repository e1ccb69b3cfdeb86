"""Orchestration overhead: the full carepath graph with instant in-process
fake skills vs a bare LangGraph graph of the same shape whose nodes do
nothing, both on an in-memory checkpointer, both run to the sign-off pause.
Ratio of medians, same process (target ≤ 1.5×). Also reports the checkpoint
bytes per drafted study on SQLite (target ≤ 64 KB).

    .venv/bin/python bench/bench_orchestration.py [--runs 200]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
os.environ.setdefault("CAREPATH_IMAGING__BACKEND", "none")
os.environ.setdefault("CAREPATH_STATE_DIR", tempfile.mkdtemp())

from langgraph.checkpoint.memory import InMemorySaver  # noqa: E402
from langgraph.checkpoint.sqlite import SqliteSaver  # noqa: E402
from langgraph.graph import END, START, StateGraph  # noqa: E402
from langgraph.types import interrupt  # noqa: E402
from typing_extensions import TypedDict  # noqa: E402

from carepath.agents import intent  # noqa: E402
from carepath.workflows.graph import build_graph  # noqa: E402
from support.fake_skills import FAKE_SKILLS, toy_classifier  # noqa: E402

intent.default_classifier = toy_classifier  # type: ignore[assignment]


class Bare(TypedDict, total=False):
    x: int


def bare_graph(n_skills: int):
    g = StateGraph(Bare)
    noop = lambda s: {}  # noqa: E731
    for name in ["intake", "route", "compose", "check", "finalize"]:
        g.add_node(name, noop)
    g.add_node("signoff", lambda s: (interrupt({}), {})[1])
    skills = [f"s{i}" for i in range(n_skills)]
    for s in skills:
        g.add_node(s, noop)
    g.add_edge(START, "intake")
    g.add_edge("intake", "route")
    g.add_conditional_edges("route", lambda s: skills, skills)
    for s in skills:
        g.add_edge(s, "compose")
    g.add_edge("compose", "check")
    g.add_edge("check", "signoff")
    g.add_edge("signoff", "finalize")
    g.add_edge("finalize", END)
    return g.compile(checkpointer=InMemorySaver())


def timed(fn, runs: int) -> float:
    samples = []
    for i in range(runs):
        t = time.perf_counter()
        fn(i)
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=200)
    args = ap.parse_args()
    full = build_graph(InMemorySaver(), skills=FAKE_SKILLS, with_outputs=False)
    bare = bare_graph(n_skills=2)   # the fake request routes to 2 skills

    def run_full(i: int) -> None:
        full.invoke({"thread_id": f"f{i}", "request_text": "report this film", "inputs": [],
                     "results": {}, "warnings": []}, {"configurable": {"thread_id": f"f{i}"}})

    def run_bare(i: int) -> None:
        bare.invoke({"x": 1}, {"configurable": {"thread_id": f"b{i}"}})

    for _ in range(10):  # warm-up both
        run_full(-1)
        run_bare(-1)
    t_bare = timed(run_bare, args.runs)
    t_full = timed(run_full, args.runs)
    ratio = t_full / t_bare
    print(f"bare graph median:   {t_bare * 1e3:.2f} ms")
    print(f"carepath graph median: {t_full * 1e3:.2f} ms")
    print(f"orchestration overhead ratio: {ratio:.2f}x (target <= 1.5x)")

    with tempfile.TemporaryDirectory() as d:
        conn = sqlite3.connect(str(Path(d) / "cp.sqlite"), check_same_thread=False)
        saver = SqliteSaver(conn)
        saver.setup()
        g = build_graph(saver, skills=FAKE_SKILLS, with_outputs=False)
        g.invoke({"thread_id": "s", "request_text": "report this film", "inputs": [], "results": {},
                  "warnings": []}, {"configurable": {"thread_id": "s"}})
        cp = sum(len(a or b"") + len(b or b"") for a, b in conn.execute(
            "SELECT checkpoint, metadata FROM checkpoints WHERE thread_id='s'"))
        wr = sum(len(v or b"") for (v,) in conn.execute("SELECT value FROM writes WHERE thread_id='s'"))
        n_cp = conn.execute("SELECT count(*) FROM checkpoints WHERE thread_id='s'").fetchone()[0]
        n_wr = conn.execute("SELECT count(*) FROM writes WHERE thread_id='s'").fetchone()[0]
        print(f"checkpoint storage per drafted request: {(cp + wr) / 1024:.1f} KB (target <= 64 KB)")
        print(f"rows written per drafted request: {n_cp} checkpoints + {n_wr} channel writes")


if __name__ == "__main__":
    main()
