"""The routing dev set through the real MiniLM embeddings and the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys

from carepath.agents.intent import load_devset, load_examples


def test_devset_is_large_mixed_and_not_copied_from_examples() -> None:
    dev = load_devset()
    assert len(dev) >= 80
    assert {d["style"] for d in dev} == {"typed", "dictated"}
    assert len({d["intent"] for d in dev}) == 8
    train = {e.text.lower().strip() for e in load_examples()}
    assert not [d["text"] for d in dev if str(d["text"]).lower().strip() in train]


def test_eval_routing_cli_meets_threshold() -> None:
    r = subprocess.run([sys.executable, "-m", "carepath", "eval", "routing", "--json",
                        "--min-accuracy", "0.9"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    report = json.loads(r.stdout)
    assert report["n"] >= 80
    assert report["accuracy"] >= 0.9
    assert report["text_only_accuracy"] >= 0.8
