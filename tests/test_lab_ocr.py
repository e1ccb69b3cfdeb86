"""Scanned lab pages without a model: OCR (Debian tesseract via pytesseract),
labelled ``source: "ocr"`` with per-value confidences; nothing read → the
command says so and exits 5. Held-out OCR figures on scanned copies of the
bench layouts (bench/labs/layouts.py)."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from carepath.cli import main
from carepath.tools.labs import LabInput, extract
from carepath.tools.sources import lab_cells, lab_ocr

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench" / "labs"))
import layouts  # noqa: E402

pytestmark = pytest.mark.skipif(not lab_ocr.available(), reason="tesseract-ocr (scripts/apt-deps.sh) is needed")


@pytest.fixture(autouse=True)
def _no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from carepath.models import registry

    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    registry.reset()


@pytest.fixture(scope="module")
def scanned_grid(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[layouts.Truth]]:
    out = tmp_path_factory.mktemp("scan")
    truth = layouts.build(out / "text", layouts=["rl_grid"])
    doc = "rl_grid_0.pdf"
    layouts.scan(out / "text" / doc, out / doc, seed=7)
    return out / doc, [t for t in truth if t.doc == doc]


def test_scanned_page_yields_ocr_values_with_confidences(scanned_grid) -> None:
    path, truth = scanned_grid
    ex = extract(LabInput(path=path))
    assert [p.kind for p in ex.pages] == ["scanned"]
    assert ex.generated is False and "OCR" in (ex.not_generated_reason or "")
    assert any("read by OCR" in w for w in ex.warnings)
    assert len(ex.results) >= len(truth) * 0.7
    for r in ex.results:
        assert r.source == "ocr" and r.confidence is not None and 0 <= r.confidence <= 1
        assert r.needs_review == (r.confidence < lab_ocr.REVIEW_BELOW)
    want = {(t.test.lower(), t.value, t.ucum) for t in truth}
    got = {(r.test.lower(), r.value, r.ucum) for r in ex.results}
    assert len(want & got) >= len(truth) * 0.7
    low = [r.test for r in ex.results if r.needs_review]
    if low:
        assert any("need review" in w for w in ex.warnings)


def test_ocr_off_reports_the_page_unread(scanned_grid) -> None:
    path, _ = scanned_grid
    ex = extract(LabInput(path=path, ocr=False))
    assert ex.results == [] and any("were not read" in w for w in ex.warnings)


def test_nothing_readable_exits_non_zero(tmp_path: Path, capsys) -> None:
    from PIL import Image

    blank = Image.new("L", (1700, 2200), 250)
    path = tmp_path / "blank_scan.pdf"
    blank.save(path, "PDF", resolution=200)
    assert main(["labs", str(path), "--json"]) == 5
    err = capsys.readouterr().err
    assert "no lab result could be read" in err and "Traceback" not in err


@pytest.mark.slow
def test_ocr_figures_on_scanned_layouts(tmp_path: Path) -> None:
    """Scanned copies (one per layout, 200/300 dpi, ±1°, blur, noise; the
    later tune-only layouts and every other 2026 layout rougher). Measured
    2026-12-02 after cumulative reports were read and three tune-seen OCR unit
    misreads repaired: tune F1 0.933 / flags 1.000 (22 layouts); held-out test
    F1 0.870 / flags 0.927 (15 layouts; 2024 0.746, 2026 0.958, batch B 0.882):
    issue 16's 0.85 on scanned pages is met (bench/bench_labs_f1.py)."""
    if shutil.which("chromium") is None:
        pytest.skip("chromium prints the HTML layouts")
    layouts.build(tmp_path / "text")
    scans = layouts.build_scans(tmp_path / "text", tmp_path / "scans")

    def read(p: Path) -> list[dict]:
        return [r.model_dump() for r in extract(LabInput(path=p)).results]

    scores = layouts.evaluate(tmp_path / "scans", scans, read)
    total = {s: sum(by.values(), layouts.Score()) for s, by in scores.items()}
    assert total["tune"].f1 >= 0.90 and total["tune"].flag_accuracy >= 0.97, total["tune"]
    assert total["test"].f1 >= 0.85 and total["test"].flag_accuracy >= 0.90, total["test"]


@pytest.mark.parametrize("read,want", [("HbAlc", "HbA1c"), ("Hemoglobin Alc/Hemoglobin.total in Blood",
                                                           "Hemoglobin A1c/Hemoglobin.total in Blood"),
                                       ("Glucse", "Glucose"), ("Sodium", "Sodium"), ("Zorblax", "Zorblax")])
def test_ocr_name_one_edit_from_one_catalogued_name_is_repaired(read: str, want: str) -> None:
    assert lab_ocr.repair_name(read) == want


def test_flat_field_whitens_grey_paper_and_shaded_rows_but_keeps_ink() -> None:
    import numpy as np
    from PIL import Image, ImageDraw

    img = Image.new("L", (800, 300), 205)                  # grey paper
    d = ImageDraw.Draw(img)
    d.rectangle((0, 100, 800, 160), fill=170)              # a shaded table row
    d.text((50, 120), "Sodium 140 mmol/L", fill=20)         # ink on the shaded row
    out = np.asarray(lab_ocr.flat_field(img))
    assert out[20, 400] >= 240 and out[130, 700] >= 240     # paper and fill become white
    assert out[110:150, 40:200].min() < 100                 # the ink stays dark


def test_ocr_unit_misreads_and_marks_beside_the_unit() -> None:
    from carepath.tools.sources import lab_table, ucum

    assert ucum.to_ucum("mlU/L") == "m[IU]/L" and ucum.to_ucum("mL/min/1.73m?") == "mL/min/{1.73_m2}"
    assert lab_cells._unit_part("mEq/L Tt") == "mEq/L" and lab_cells._unit_part("= mg/dL") == "mg/dL"
    assert ucum.to_ucum(lab_cells._unit_part("furlongs x")) is None


@pytest.mark.parametrize("read,want", [("mEd/L", "meq/L"), ("mmoI/L", "mmol/L"), ("rnmol/L", "mmol/L"),
                                       ("mg/dL", "mg/dL"), ("mg/dk", "mg/dk"), ("Sodium", "Sodium")])
def test_ocr_unit_one_letter_off_is_repaired_only_when_unique(read: str, want: str) -> None:
    assert lab_ocr.repair_unit(read) == want


@pytest.mark.parametrize("read,want", [("x10A3/uL", "x10^3/uL"), ("x10A6/uL", "x10^6/uL"), ("10A9/L", "10^9/L"),
                                       ("A/uL", "A/uL"), ("10A/L", "10A/L")])
def test_ocr_caret_read_as_a_letter_in_a_power_of_ten(read: str, want: str) -> None:
    """Tesseract reads the caret of "x10^3/uL" as "A" on the dev scans: repaired only before a digit."""
    assert lab_ocr.repair_unit(read) == want


def test_narrative_line_reads_a_power_of_ten_read_with_a_star() -> None:
    """OCR turns "x10^3/uL" into "x10*3/uL" on a key-value line: still a unit (UCUM 10*3/uL)."""
    from carepath.tools.sources import lab_pdf, ucum

    assert lab_pdf.is_unit("x10*3/uL") and ucum.to_ucum("x10*3/uL") == "10*3/uL"


@pytest.mark.parametrize("read,want", [("“Result", "Result"), ("-«108H*—", "108H*"), ("|", ""), ("-", "-"),
                                       ("(8.5", "(8.5"), ("47.4t", "47.4"), ("<100", "<100")])
def test_ocr_words_lose_rule_marks_at_their_edges(read: str, want: str) -> None:
    assert lab_ocr._despeckled(read) == want


def test_ocr_keeps_its_thread_limit_to_tesseract(scanned_grid, monkeypatch: pytest.MonkeyPatch) -> None:
    """tesseract runs with OMP_THREAD_LIMIT=1, the carepath process does not: the limit once set
    in os.environ stayed for the whole process, and Whisper (CTranslate2) asked for two threads
    under it wrote "))))" for every clip."""
    import os

    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    monkeypatch.setenv("CAREPATH_PROBE_VAR", "seen")
    ex = extract(LabInput(path=scanned_grid[0]))
    assert ex.results and all(r.source == "ocr" for r in ex.results)
    assert "OMP_THREAD_LIMIT" not in os.environ
    env = lab_ocr._tesseract().pytesseract.environ
    assert env["OMP_THREAD_LIMIT"] == "1" and env["CAREPATH_PROBE_VAR"] == "seen"   # live, plus the limit
    monkeypatch.setenv("OMP_THREAD_LIMIT", "3")
    assert env["OMP_THREAD_LIMIT"] == "3"                                           # the user's own wins
