"""``carepath eval labs``: the lab-layout figures per split (tune and test),
text layer and OCR, from the same code as bench/bench_labs_f1.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from carepath.cli import main
from carepath.tools.sources import lab_eval, lab_ocr


@pytest.fixture(autouse=True)
def _no_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from carepath.models import registry

    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    monkeypatch.setenv("CAREPATH_STATE_DIR", str(tmp_path / "state"))
    registry.reset()


def _report(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, lab_eval.LabEvalReport]:
    rc = main(["eval", "labs", *argv, "--json"])
    return rc, lab_eval.LabEvalReport.model_validate_json(capsys.readouterr().out)


def _in_unit_interval(figs: dict[str, lab_eval.SplitFigures]) -> None:
    for f in figs.values():
        for k in ("f1", "flag_accuracy", "range_accuracy"):
            assert 0.0 <= f.all[k] <= 1.0
            assert all(0.0 <= row[k] <= 1.0 for row in f.by_layout.values())


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium prints the HTML layouts")
def test_text_layer_figures_per_split_on_every_layout(capsys) -> None:
    """The whole shipped set, text layer: both splits reported, every layout
    scored, F1 above floors a broken reader would miss."""
    rc, rep = _report(capsys, ["--no-ocr"])
    assert rc == 0 and rep.ocr is None
    assert set(rep.text_layer) == {"tune", "test"}
    assert set(rep.layouts) == set(lab_eval.load_generator().SPLIT)
    scored = {k for f in rep.text_layer.values() for k in f.by_layout}
    assert scored == set(rep.layouts)
    assert all(k in rep.text_layer[split].by_layout for k, split in rep.layouts.items())
    _in_unit_interval(rep.text_layer)
    assert rep.text_layer["tune"].all["f1"] >= 0.97
    # measured 0.977 on the 15 test layouts after the batch G reader work (0.964 before it, 0.958
    # before batch D; bench/bench_labs_f1.py, 2026-12-03): issue 16's target 0.97 holds
    assert rep.text_layer["test"].all["f1"] >= 0.97
    assert rep.text_layer["test"].all["flag_accuracy"] >= 0.97


@pytest.mark.skipif(not lab_ocr.available(), reason="tesseract-ocr (scripts/apt-deps.sh) is needed")
def test_ocr_figures_per_split_on_a_subset(capsys) -> None:
    """One tune and one test layout, text layer and their scans read by OCR.

    The held-out layout's OCR figure is reported, not asserted: after this
    round's tune-only OCR fixes its scan reads four values whose units OCR
    loses (F1 0, measured once at the end); fixing that by looking at it would
    tune on the test split. The tune layout must still read."""
    rc, rep = _report(capsys, ["--layouts", "rl_grid,rl_landscape_range_first"])
    assert rc == 0 and rep.ocr is not None and rep.ocr_pages == 2
    for figs in (rep.text_layer, rep.ocr):
        assert set(figs) == {"tune", "test"}
        _in_unit_interval(figs)
    assert rep.ocr["tune"].all["tp"] > 0
    assert rep.ocr["test"].all["tp"] + rep.ocr["test"].all["fn"] > 0   # gold results exist and were scored
    assert rep.text_layer["tune"].all["f1"] == 1.0


def test_min_f1_gate_and_unknown_layout(capsys) -> None:
    assert main(["eval", "labs", "--layouts", "rl_grid,fpdf_table", "--no-ocr", "--min-f1", "0.5"]) == 1  # no test split
    capsys.readouterr()
    assert main(["eval", "labs", "--layouts", "no_such_layout", "--no-ocr"]) == 4
    err = capsys.readouterr().err
    assert "unknown lab layout" in err and "no_such_layout" in err and "Traceback" not in err


def test_scoring_counts_a_result_without_its_unit_as_a_miss() -> None:
    class T:
        doc, layout, split, page, ref_low, ref_high = "d.pdf", "x", "tune", 1, 70.0, 99.0

        def __init__(self, test: str, value: float, ucum: str, flag: str) -> None:
            self.test, self.value, self.ucum, self.flag = test, value, ucum, flag

    truth = [T("Glucose", 101.0, "mg/dL", "H"), T("Sodium", 140.0, "meq/L", "normal")]
    got = [{"page": 1, "test": "glucose", "value": 101.0, "ucum": "mg/dL", "flag": "H", "ref_low": 70.0,
            "ref_high": 99.0},
           {"page": 1, "test": "Sodium", "value": 140.0, "ucum": None, "flag": "normal"}]
    s = lab_eval.score(truth, got)
    assert (s.tp, s.fp, s.fn, s.flag_ok, s.range_ok) == (1, 1, 1, 1, 1)
    assert s.f1 == pytest.approx(0.5)
