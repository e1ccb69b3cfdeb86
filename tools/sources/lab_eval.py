"""``carepath eval labs`` and ``bench/bench_labs_f1.py``: lab extraction scored
on generated report layouts whose truth is known, tune and test splits apart.

The layouts and their truth come from the generator in ``bench/labs/layouts.py``
(reportlab, fpdf2 and chromium; it needs a source checkout and the dev extras),
never from what a parser reads. The split is frozen by layout there: a layout
is wholly tune or wholly test, and only tune layouts may be looked at to
improve the readers. This module only scores, so the bench script and the CLI
report the same figures from the same code:

* F1 of (test, value, UCUM unit) per page — a result without its unit is a miss;
* flag accuracy (H / L / A / normal) among the results found;
* reference-range accuracy among the results found;

for the text layer and for scanned (image-only) copies read by OCR.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

from pydantic import BaseModel, Field

from carepath.errors import InputError

# Issue 16's targets, on the test split (text-layer PDFs and scanned pages).
TARGETS = {"text_layer": 0.97, "ocr": 0.85}


class TruthRow(Protocol):
    """One printed result as the generator wrote it (``layouts.Truth``)."""

    doc: str
    layout: str
    split: str
    page: int
    test: str
    value: float
    ucum: str
    ref_low: float | None
    ref_high: float | None
    flag: str


def normal(s: str) -> str:
    return " ".join(s.lower().split())


class Score(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    flag_ok: int = 0
    range_ok: int = 0

    def __add__(self, o: Score) -> Score:
        return Score(**{k: getattr(self, k) + getattr(o, k) for k in ("tp", "fp", "fn", "flag_ok", "range_ok")})

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    @property
    def flag_accuracy(self) -> float:
        """Flags right among the results found (a missed result counts in F1, not here)."""
        return self.flag_ok / self.tp if self.tp else 0.0

    def row(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "f1": round(self.f1, 4),
                "flag_accuracy": round(self.flag_accuracy, 4),
                "range_accuracy": round(self.range_ok / self.tp, 4) if self.tp else 0.0}


def score(truth: Iterable[TruthRow], predicted: list[dict[str, Any]]) -> Score:
    """A true positive needs the same page, test name (case/spacing aside),
    value and UCUM unit code; flag and range agreement are counted on those."""
    pool = list(truth)
    s = Score()
    for p in predicted:
        hit = next((t for t in pool if t.page == p["page"] and normal(t.test) == normal(p["test"])
                    and abs(t.value - float(p["value"])) <= 1e-9 * max(1.0, abs(t.value))
                    and p.get("ucum") == t.ucum), None)
        if hit is None:
            s.fp += 1
            continue
        pool.remove(hit)
        s.tp += 1
        s.flag_ok += p.get("flag") == hit.flag
        s.range_ok += (p.get("ref_low"), p.get("ref_high")) == (hit.ref_low, hit.ref_high)
    s.fn = len(pool)
    return s


Reader = Callable[[Path], list[dict[str, Any]]]


def evaluate(folder: Path, truth: Iterable[TruthRow], read: Reader) -> dict[str, dict[str, Score]]:
    """split → layout → score, with ``read(path) -> list[dict]`` the reader under test."""
    docs: dict[str, list[TruthRow]] = {}
    for t in truth:
        docs.setdefault(t.doc, []).append(t)
    out: dict[str, dict[str, Score]] = {}
    for doc, rows in sorted(docs.items()):
        s = score(rows, read(folder / doc))
        by = out.setdefault(rows[0].split, {})
        by[rows[0].layout] = by.get(rows[0].layout, Score()) + s
    return out


# --- the report ---------------------------------------------------------------------------

class SplitFigures(BaseModel):
    """One split's pooled figures, each layout's, and each batch's (layouts
    frozen together, e.g. the held-out layouts of one year: ``BATCHES`` of the generator)."""

    all: dict[str, int | float]
    by_layout: dict[str, dict[str, int | float]]
    by_batch: dict[str, dict[str, int | float]] = Field(default_factory=dict)


class LabEvalReport(BaseModel):
    layouts: dict[str, str] = Field(description="layout → split (frozen)")
    documents: int
    results: int
    text_layer: dict[str, SplitFigures]
    ocr: dict[str, SplitFigures] | None = None
    ocr_pages: int = 0
    ocr_s_per_page: float | None = None
    seconds: float = 0.0

    def meets_targets(self) -> bool:
        """Test-split F1 and flag accuracy at issue 16's targets (text layer; OCR when run)."""
        modes = {"text_layer": self.text_layer, "ocr": self.ocr}
        for mode, target in TARGETS.items():
            figs = modes[mode]
            if figs is None:
                continue
            test = figs.get("test")
            if test is None or test.all["f1"] < target or test.all["flag_accuracy"] < target:
                return False
        return True


def _table(scores: dict[str, dict[str, Score]], batches: dict[str, Iterable[str]] | None = None
           ) -> dict[str, SplitFigures]:
    out = {}
    for split, by in sorted(scores.items()):
        total = sum(by.values(), Score())
        pooled = {name: sum((by[k] for k in members if k in by), Score()) for name, members in (batches or {}).items()}
        out[split] = SplitFigures(all=total.row(), by_layout={k: v.row() for k, v in sorted(by.items())},
                                  by_batch={k: v.row() for k, v in pooled.items() if v.tp + v.fn})
    return out


def reader(*, ocr: bool) -> Reader:
    """carepath's lab skill without a model (text layer; OCR for scanned pages when ``ocr``)."""
    # lazy: the skill imports the model registry; scoring alone must not
    from carepath.tools.labs import LabInput, extract

    def read(path: Path) -> list[dict[str, Any]]:
        ex = extract(LabInput(path=path, use_model=False, ocr=ocr))
        return [r.model_dump() for r in ex.results]
    return read


def default_generator() -> Path:
    """``bench/labs/layouts.py`` of the source checkout this package runs from."""
    return Path(__file__).resolve().parents[2] / "bench" / "labs" / "layouts.py"


def load_generator(path: Path | None = None) -> ModuleType:
    """The layout generator module (it lives with the benches, not in the package)."""
    path = path or default_generator()
    if not path.is_file():
        raise InputError("the lab layout generator was not found", subject=str(path),
                         why="`carepath eval labs` renders its reports with bench/labs/layouts.py, "
                             "which ships with the source checkout, not the installed package",
                         fix="run it from a carepath checkout (pip install -e '.[dev]') or pass --generator")
    spec = importlib.util.spec_from_file_location("carepath_lab_layouts", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def run(out: Path, *, ocr: bool = True, layouts: list[str] | None = None,
        generator: ModuleType | None = None) -> LabEvalReport:
    """Render the layouts into ``out``, read them back, score each split."""
    gen = generator or load_generator()
    # development-only layouts (split "dev", outside SPLIT and the default build) are scored by name only
    dev_only: dict[str, str] = getattr(gen, "DEV_ONLY", {}) if layouts else {}
    unknown = sorted(set(layouts or []) - set(gen.SPLIT) - set(dev_only))
    if unknown:
        raise InputError("unknown lab layout", subject=", ".join(unknown), why="not in bench/labs/layouts.py SPLIT",
                         fix="choose among: " + ", ".join(gen.SPLIT))
    t0 = time.perf_counter()
    truth = gen.build(out / "text", layouts=layouts)
    named = {**gen.SPLIT, **dev_only}
    report: dict[str, Any] = {"layouts": {k: v for k, v in named.items() if not layouts or k in layouts},
                              "documents": len({t.doc for t in truth}), "results": len(truth)}
    batches = getattr(gen, "BATCHES", None)
    report["text_layer"] = _table(evaluate(out / "text", truth, reader(ocr=False)), batches)
    if ocr:
        scans = gen.build_scans(out / "text", out / "scans")
        t1 = time.perf_counter()
        report["ocr"] = _table(evaluate(out / "scans", scans, reader(ocr=True)), batches)
        report["ocr_pages"] = len({t.doc for t in scans})
        report["ocr_s_per_page"] = round((time.perf_counter() - t1) / max(1, report["ocr_pages"]), 2)
    report["seconds"] = round(time.perf_counter() - t0, 1)
    return LabEvalReport(**report)


def run_isolated(out: Path | None = None, **kw: Any) -> LabEvalReport:
    """:func:`run` with no imaging model (so scans go to OCR) and a scratch state dir."""
    saved = {k: os.environ.get(k) for k in ("CAREPATH_IMAGING__BACKEND", "CAREPATH_STATE_DIR")}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CAREPATH_IMAGING__BACKEND"] = "none"
        os.environ.setdefault("CAREPATH_STATE_DIR", str(Path(tmp) / "state"))
        try:
            return run(out or Path(tmp), **kw)
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
