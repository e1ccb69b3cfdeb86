"""Reliability figures, one ``FIGURE <name>: <value>`` line each.

``make reliability`` runs ``pytest tests/reliability`` with the long profile
and ``CAREPATH_FIGURES_DIR`` set; the tests leave their counts there as JSON
(hostile inputs, fuzzing, prompt injection, privacy) and this script prints
them. Run on its own (no JSON yet), it feeds the hostile-input corpus to the
gates itself, so the main figure never depends on a test run:

    .venv/bin/python bench/reliability_figures.py [--figures-dir DIR] [--only hostile|fuzz|...]

Counts, not timings: nothing here is a ratio, so nothing needs a baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _load(figures: Path, name: str) -> dict | None:
    p = figures / f"{name}.json"
    return json.loads(p.read_text()) if p.is_file() else None


def hostile(figures: Path) -> list[str]:
    data = _load(figures, "hostile_inputs")
    if data is None:   # standalone: run the corpus here (no CLI cases: they need a state dir)
        sys.path[:0] = [str(REPO / "tests"), str(REPO / "bench" / "labs")]
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import assets
        from reliability import corpus

        with tempfile.TemporaryDirectory() as tmp:
            out = [corpus.attempt(c, Path(tmp)) for c in corpus.all_cases(
                everything=True, slide_fixtures=assets.openslide_fixtures(), with_cli=False)]
        by_kind: dict[str, int] = {}
        for o in out:
            by_kind[o.kind] = by_kind.get(o.kind, 0) + 1
        for o in out:
            if o.result == "crashed":
                print(f"crashed: {o.kind}:{o.name}: {o.detail}", file=sys.stderr)
        data = {"tried": len(out), "crashed": sum(o.result == "crashed" for o in out),
                "typed": sum(o.result == "typed" for o in out), "by_kind": by_kind}
    http = _load(figures, "hostile_http")   # HTTP bodies against `carepath serve` (test_http_hostile.py)
    if http is not None:
        data = dict(data, by_kind=dict(data["by_kind"], http=http["tried"]))
        for k in ("tried", "crashed", "typed"):
            data[k] += http[k]
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(data["by_kind"].items()))
    return [f"FIGURE hostile_inputs_tried: {data['tried']} ({kinds})",
            f"FIGURE hostile_inputs_crashed: {data['crashed']}",
            f"FIGURE hostile_inputs_typed_errors: {data['typed']}"]


def fuzz(figures: Path) -> list[str]:
    data = _load(figures, "fuzz")
    if data is None:
        return ["FIGURE fuzz_iterations: not measured (run `make reliability` or `make fuzz`)"]
    its, unc = data["iterations"], data["uncaught"]
    per = ", ".join(f"{k} {v}" for k, v in sorted(its.items()))
    return [f"FIGURE fuzz_iterations: {sum(its.values())} ({per})",
            f"FIGURE fuzz_uncaught_exceptions: {sum(unc.values())}"]


def injection(figures: Path) -> list[str]:
    data = _load(figures, "prompt_injection")
    if data is None:
        return ["FIGURE prompt_injection_cases: not measured (run `make reliability`)"]
    return [f"FIGURE prompt_injection_cases: {data['cases']}",
            f"FIGURE prompt_injection_violations: {data['violations']}"]


def privacy(figures: Path) -> list[str]:
    data = _load(figures, "privacy")
    if data is None:
        return ["FIGURE privacy_leaks: not measured (run `make reliability`)"]
    return [f"FIGURE privacy_identifier_forms_searched: {data['identifier_forms']} in "
            f"{data['files_scanned']} files + {data['streams_scanned']} log/output streams",
            f"FIGURE privacy_leaks: {data['leaks']}"]


PARTS = {"hostile": hostile, "fuzz": fuzz, "injection": injection, "privacy": privacy}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--figures-dir", type=Path,
                    default=Path(os.environ.get("CAREPATH_FIGURES_DIR", REPO / "build" / "reliability")))
    ap.add_argument("--only", choices=sorted(PARTS), action="append")
    args = ap.parse_args()
    bad = False
    for name in args.only or list(PARTS):
        for line in PARTS[name](args.figures_dir):
            print(line, flush=True)
            bad |= any(line.startswith(f"FIGURE {k}: ") and not line.endswith(": 0")
                       for k in ("hostile_inputs_crashed", "fuzz_uncaught_exceptions",
                                 "prompt_injection_violations", "privacy_leaks"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
