"""Lab reports of any layout: UCUM units, cell reading, header meaning, and
the held-out layouts of bench/labs/layouts.py (split frozen by layout)."""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

import pytest

from carepath.tools.labs import LabInput, extract
from carepath.tools.sources import lab_blocks, lab_cells, lab_table, ucum

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench" / "labs"))
import layouts  # noqa: E402


@pytest.mark.parametrize("printed,code", [
    ("mg/dL", "mg/dL"), ("MG/DL", "mg/dL"), ("K/uL", "10*3/uL"), ("x10^3/µL", "10*3/uL"), ("10^9/L", "10*9/L"),
    ("M/uL", "10*6/uL"), ("mEq/L", "meq/L"), ("mcg/dL", "ug/dL"), ("mL/min/1.73m²", "mL/min/{1.73_m2}"),
    ("mL/min/1.73 m2", "mL/min/{1.73_m2}"), ("mIU/L", "m[IU]/L"), ("IU/L", "[IU]/L"), ("µmol/L", "umol/L"),
    ("mmHg", "mm[Hg]"), ("%", "%"), ("fl", "fL"), ("(g/dl)", "g/dL"), ("msec", "ms")])
def test_printed_units_become_ucum_codes(printed: str, code: str) -> None:
    assert ucum.to_ucum(printed) == code


@pytest.mark.parametrize("printed", ["K", "foo/L", "5.2", "", "mg/", "cells per field", "M"])
def test_unreadable_units_are_none_not_guessed(printed: str) -> None:
    assert ucum.to_ucum(printed) is None


@pytest.mark.parametrize("cell,value,flag,unit", [
    ("5.2 mmol/L", 5.2, None, "mmol/L"), ("112H", 112, "H", ""), ("27.8 L", 27.8, "L", ""),
    ("▲ 241 mg/dL", 241, "H", "mg/dL"), ("0.03", 0.03, None, ""), ("<0.01 ng/mL", 0.01, None, "ng/mL"),
    ("1,250 (H)", 1250, "H", ""), ("7.9*", 7.9, "A", ""), ("106.0mmol/L ↑", 106.0, "H", "mmol/L"),
    ("6.3%", 6.3, None, "%"), ("27.8L", 27.8, "L", ""), ("<0.01ng/mL", 0.01, None, "ng/mL")])
def test_result_cell_reads_value_flag_and_unit(cell, value, flag, unit) -> None:
    v = lab_cells.read_value(cell)
    assert v is not None and v.value == pytest.approx(value) and v.flag == flag and v.unit_text == unit


def test_result_cell_that_is_prose_is_not_a_value() -> None:
    assert lab_cells.read_value("tested. Page 1 of 1") is None


@pytest.mark.parametrize("cell,low,high", [
    ("4.5–11.0", 4.5, 11.0), ("4.5 - 11.0", 4.5, 11.0), ("3.5 to 5.0", 3.5, 5.0), ("< 5", None, 5),
    ("> 60", 60, None), ("≤ 200", None, 200), ("≥ 40.0", 40, None), ("[<150]", None, 150),
    ("mg/dL (70-99)", 70, 99), ("mL/min/1.73m² (>60)", 60, None)])
def test_range_forms(cell, low, high) -> None:
    assert lab_cells.read_range(cell)[:2] == (low, high)


def test_unit_cell_with_range_in_brackets_leaves_the_unit() -> None:
    assert lab_cells.read_range("U/L (10.0-40.0)") == (10.0, 40.0, "U/L")
    assert lab_cells.read_range("see note (x)")[:2] == (None, None)


def test_directionless_flag_takes_side_from_range() -> None:
    assert lab_cells.direction("A", 30.3, 7, 20) == "H"
    assert lab_cells.direction("A", 30.3, None, None) == "A"
    assert lab_cells.read_flag("HH") == "H" and lab_cells.read_flag("▼") == "L" and lab_cells.read_flag("(L)") == "L"


def _line(*cells: tuple[str, float]) -> list[dict]:
    out = []
    for text, x in cells:
        out.append({"text": text, "x0": x, "x1": x + 6 * len(text), "top": 100.0, "bottom": 110.0})
    return out


def test_header_meaning_in_any_order() -> None:
    h = lab_table.header_of(_line(("Flag", 40), ("Investigation", 90), ("Observed", 220), ("Value", 271),
                                  ("Unit", 330), ("Biological", 380), ("Reference", 443), ("Interval", 500)))
    assert h is not None and [c.role for c in h.columns] == ["flag", "test", "result", "unit", "range"]
    assert lab_table.header_of(_line(("Patient:", 40), ("Jane", 100), ("DOB:", 150))) is None


@pytest.fixture(scope="module")
def layout_set(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[layouts.Truth]]:
    if shutil.which("chromium") is None:
        pytest.skip("chromium (scripts/apt-deps.sh) prints the HTML layouts")
    out = tmp_path_factory.mktemp("lab-layouts")
    return out, layouts.build(out)


def _read(path: Path) -> list[dict]:
    return [r.model_dump() for r in extract(LabInput(path=path, use_model=False, ocr=False)).results]


def _digest(pairs: list[tuple[str, str]]) -> str:
    return hashlib.sha256(json.dumps(pairs).encode()).hexdigest()[:16]


def test_split_is_frozen_by_layout_and_generator() -> None:
    """The ten layouts of 2024 keep their assignment (hash of the ordered
    (layout, split) pairs: their order also fixes their seeds); the six
    held-out layouts of 2026 are frozen with them as test (second hash), and
    the four of 2026 batch B after them (third hash);
    every other layout is tune-only, and the chromium, weasyprint, typst and
    matplotlib generators stay wholly held out."""
    frozen = [(k, layouts.SPLIT[k]) for k in layouts.FROZEN_LAYOUTS]
    assert _digest(frozen) == "457bfeccfe1a8e9f"
    assert list(layouts.SPLIT)[:len(frozen)] == [k for k, _ in frozen]
    held = [(k, layouts.SPLIT[k]) for k in layouts.FROZEN_LAYOUTS + layouts.HELDOUT_2026]
    assert _digest(held) == "d9ce38b57fa5017d"
    assert [v for _, v in held[len(frozen):]] == ["test"] * 6
    order = list(layouts.SPLIT)  # seeds by position: each batch keeps its place
    assert order[15:21] == list(layouts.HELDOUT_2026)
    # batch B of 2026 (four more held-out vendor styles), frozen before the generalising parser work
    held_b = held + [(k, layouts.SPLIT[k]) for k in layouts.HELDOUT_2026B]
    assert _digest(held_b) == "1f9bf159383d21c0"
    assert order[21:25] == list(layouts.HELDOUT_2026B) and len(layouts.HELDOUT_2026B) >= 4
    assert list(layouts._layouts()) == order
    later = [k for k in layouts.SPLIT if k not in layouts.FROZEN_LAYOUTS + layouts.HELDOUT_2026
             + layouts.HELDOUT_2026B]
    assert len(layouts.TUNE_2026) >= 4 and set(layouts.TUNE_2026) <= set(later)
    assert later and all(layouts.SPLIT[k] == "tune" for k in later)
    assert all(layouts.SPLIT[k] == "test" for k in layouts.SPLIT if k.startswith(("html_", "weasy_", "typst_", "mpl_")))
    test = [k for k, v in layouts.SPLIT.items() if v == "test"]
    assert len(layouts.SPLIT) >= 8 and len(test) / len(layouts.SPLIT) >= 0.4


def test_test_split_holds_at_least_forty_percent_of_results(tmp_path: Path) -> None:
    truth = layouts.build(tmp_path, render=False)
    test = [t for t in truth if t.split == "test"]
    assert len(test) / len(truth) >= 0.4, (len(test), len(truth))
    assert {t.layout for t in test} >= set(layouts.HELDOUT_2026) | set(layouts.HELDOUT_2026B)


def _flags_follow_ranges(truth: list) -> None:
    """Every truth row's flag follows from its printed value and limits (no limits: normal)."""
    for t in truth:
        want = ("L" if t.ref_low is not None and t.value < t.ref_low
                else "H" if t.ref_high is not None and t.value > t.ref_high else "normal")
        assert t.flag == want, t


def _dev_only_batch_reads_whole(folder: Path, batch: tuple[str, ...]) -> None:
    """A development-only batch is outside the reported split and the tune layouts, registered as
    dev-only, and each of its layouts reads whole."""
    assert not set(batch) & set(layouts.SPLIT) and not set(batch) & set(layouts._layouts())
    assert all(layouts.DEV_ONLY[k] == "dev" for k in batch)
    assert set(batch) <= set(layouts.DEV_ONLY_BATCHES)
    _each_layout_reads_whole(folder, batch, "dev")


def _each_layout_reads_whole(folder: Path, batch: tuple[str, ...], split: str) -> list:
    """Build ``batch`` and require every layout of it, on its own, to read at F1 and flag accuracy
    >= 0.99 with every range right; returns the truth for further checks."""
    truth = layouts.build(folder, layouts=list(batch))
    scores = layouts.evaluate(folder, truth, _read)[split]
    assert set(scores) == set(batch)
    for layout, s in scores.items():
        assert s.f1 >= 0.99 and s.flag_accuracy >= 0.99 and s.range_ok == s.tp, (layout, s)
    return truth


def test_held_out_truth_is_consistent_by_construction(tmp_path: Path) -> None:
    """Every held-out row's flag follows from its printed value and limits; SI
    rows carry the UCUM code of what is printed; cumulative rows hold every
    printed date's value (a value per test and date)."""
    truth = [t for t in layouts.build(tmp_path, layouts=list(layouts.HELDOUT_2026), render=False)]
    _flags_follow_ranges(truth)
    si = {t.unit_printed: t.ucum for t in truth if t.layout == "typst_hospital_lis"}
    assert si.get("10^9/L", "10*9/L") == "10*9/L" and si.get("g/L", "g/L") == "g/L"
    assert si.get("µmol/L", "umol/L") == "umol/L" and "g/dL" not in si and "mEq/L" not in si
    cum = [t for t in truth if t.layout == "mpl_cumulative"]
    per_doc = {d: sum(t.doc == d for t in cum) for d in {t.doc for t in cum}}
    assert len(per_doc) == 3 and all(n > 14 for n in per_doc.values())  # 9-14 tests, up to three dates each


@pytest.mark.slow
def test_text_layer_figures_on_held_out_layouts(layout_set, monkeypatch) -> None:
    """Measured figures as floors (35 layouts; tune 14 + the 5 tune layouts of 2026 + the 2
    cumulative tune layouts of 2026 C + the 4 tune layouts of 2026 D; test: the 5 of 2024, the 6 held-out layouts of 2026 and
    the 4 of 2026 batch B). Measured 2026-12-02 after cumulative reports (dates as columns) were
    read, built against the two new tune layouts only: tune F1 1.000, test F1 0.958 (2024 test
    layouts 0.909; 2026 0.978, up from 0.830: its cumulative layout was known from the earlier
    test summary to be unread, so that gain is not a blind one; batch B 0.983), flags 1.000 on
    both; target 0.97 not met (see bench/bench_labs_f1.py). After the 2026 D and E reader work
    (E development-only, outside this set): test F1 0.964, flags 1.000; the floor moves up to 0.95."""
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    folder, truth = layout_set
    scores = layouts.evaluate(folder, truth, _read)
    total = {s: sum(by.values(), layouts.Score()) for s, by in scores.items()}
    assert total["tune"].f1 >= 0.99 and total["tune"].flag_accuracy >= 0.99
    assert total["test"].tp >= 520
    assert total["test"].f1 >= 0.95, total["test"]
    assert total["test"].flag_accuracy >= 0.97, total["test"]
    assert total["test"].range_ok == total["test"].tp
    batch_b = sum((by for k, by in scores["test"].items() if k in layouts.HELDOUT_2026B), layouts.Score())
    assert batch_b.f1 >= 0.96 and batch_b.flag_accuracy >= 0.97, batch_b


def test_cumulative_report_reads_one_result_per_test_and_date(tmp_path: Path) -> None:
    """A cumulative report (tests as lines, collection dates as columns): every printed
    value is a result carrying its column's date; a blank cell (test not requested that
    day) is no result; the header's dates are not read as values. Tune layouts only."""
    for layout, dates in (("rl_cumulative_grid", layouts.GRID_DATES), ("fpdf_cumulative_iso", layouts.ISO_DATES)):
        truth = [t for t in layouts.build(tmp_path / layout, layouts=[layout]) if t.doc == f"{layout}_0.pdf"]
        got = _read(tmp_path / layout / f"{layout}_0.pdf")
        assert sorted((r["test"], r["value"], r["ucum"]) for r in got) == \
            sorted((t.test, t.value, t.ucum) for t in truth), layout
        assert {r["collected"] for r in got} == set(dates), layout
        per_test = {r["test"] for r in got}
        assert len(got) > len(per_test)  # several dates per test, not one line each
        assert all(r["flag"] == t.flag for r in got for t in truth
                   if (t.test, t.value) == (r["test"], r["value"]))


def test_a_collection_date_is_a_whole_cell_never_a_range_or_value() -> None:
    for cell in ("10-Jan-2024", "2024-01-10 08:15", "10/01/2024", "Jan 10, 2024", "05 Mar 2024"):
        assert lab_cells.read_date(cell) == cell
    for cell in ("4.5-11.0", "1.0-10", "10.1", "3.5 - 5.0", "12-15", "Result", "10-01/2024", "Collected 10/01/2024"):
        assert lab_cells.read_date(cell) is None, cell


def test_single_collection_report_has_no_column_dates(tmp_path: Path) -> None:
    """A report dated once (in its header block, not its columns) gives results with ``collected`` null."""
    truth = layouts.build(tmp_path, layouts=["rl_grid"])
    got = _read(tmp_path / "rl_grid_0.pdf")
    assert len(got) == sum(t.doc == "rl_grid_0.pdf" for t in truth)
    assert all(r["collected"] is None for r in got)


def test_unit_that_cannot_be_read_is_null_with_warning(tmp_path: Path) -> None:
    rows = [layouts.Row("Glucose", 101, "101", "mg/dL", "mg/dL", 70, 99, "H", "Chemistry"),
            layouts.Row("Sodium", 140, "140", "furlongs", "?", 136, 145, "normal", "Chemistry")]
    layouts.rl_table(tmp_path / "r.pdf", rows, ["Test", "Result", "Units", "Reference Range"],
                     lambda r: [r.name, r.printed, r.unit, layouts._rng_text(r, "dash")], grid=True)
    ex = extract(LabInput(path=tmp_path / "r.pdf", use_model=False, ocr=False))
    got = {r.test: r for r in ex.results}
    assert got["Glucose"].ucum == "mg/dL" and got["Glucose"].flag == "H"
    assert got["Sodium"].unit is None and got["Sodium"].ucum is None and got["Sodium"].value == 140
    assert any("unit of Sodium could not be read" in w for w in ex.warnings)


def test_range_opening_that_fell_into_the_unit_column_goes_back() -> None:
    assert lab_cells._range_opening_moved("mg/dl (<", "100)") == ("mg/dl", "(< 100)")
    assert lab_cells._range_opening_moved("mg/dL", "70-99") == ("mg/dL", "70-99")


# --- generalising readers (2026 batch B work; fitted on tune layouts only) -------------------

@pytest.mark.parametrize("cell,low,high", [
    ("up to 5.0", None, 5.0), ("less than 200", None, 200), ("greater than 60", 60, None),
    ("Adult: 3.5-5.0", 3.5, 5.0), ("3.5 − 5.0", 3.5, 5.0), ("3.5..5.0", 3.5, 5.0), ("(< 125)", None, 125)])
def test_more_range_notations(cell, low, high) -> None:
    assert lab_cells.read_range(cell)[:2] == (low, high)


@pytest.mark.parametrize("printed,code", [("×10⁹/L", "10*9/L"), ("x10¹²/L", "10*12/L"), ("10%3/uL", "10*3/uL")])
def test_superscript_and_ocr_powers(printed: str, code: str) -> None:
    assert ucum.to_ucum(printed) == code


@pytest.mark.parametrize("cell,value,flag", [("47.4†", 47.4, None), ("14.4¹", 14.4, None), ("0.57.", 0.57, None),
                                             ("114A", 114, "A"), ("5.2 [a]", 5.2, None)])
def test_value_cell_marks_are_not_the_value(cell, value, flag) -> None:
    v = lab_cells.read_value(cell)
    assert v is not None and v.value == pytest.approx(value) and v.flag == flag


def _words(rows: list[list[tuple[str, float]]], top: float = 100.0, pitch: float = 14.0) -> list[dict]:
    out = []
    for i, cells in enumerate(rows):
        y = top + i * pitch
        for text, x in cells:
            for k, part in enumerate(text.split()):
                x0 = x + sum(6 * len(p) + 3 for p in text.split()[:k])
                out.append({"text": part, "x0": x0, "x1": x0 + 6 * len(part), "top": y, "bottom": y + 8})
    return out


def test_transposed_panel_reads_tests_as_columns() -> None:
    """Tests across, row labels down the first column: each cell belongs to the test it lines up with."""
    words = _words([[("Analyte", 40), ("Sodium", 140), ("Glucose", 240)],
                    [("Units", 40), ("mmol/L", 140), ("mg/dL", 240)],
                    [("Result", 40), ("150 H", 140), ("88", 240)],
                    [("Reference", 40), ("136-145", 140), ("70-99", 240)]])
    values, _, _ = lab_table.read_words(words, 1)
    got = {v.test: (v.value, v.ucum, v.ref_low, v.ref_high, v.flag) for v in values}
    assert got == {"Sodium": (150, "mmol/L", 136, 145, "H"), "Glucose": (88, "mg/dL", 70, 99, "normal")}


def test_header_less_rows_typed_by_content() -> None:
    """No header row: name, qualified value, unit, bracketed range and a word flag, typed by content;
    patient header lines and comments are not results."""
    words = _words([[("Patient: Jane Q. Sample", 40)], [("Collected: 2024-03-05 07:45", 40)],
                    [("Albumin", 40), ("<1.8", 200), ("g/dL", 240), ("(3.5 - 5.5)", 300), ("CRITICAL", 400)],
                    [("Please note new reference range from 01/02/2024.", 60)],
                    [("eGFR", 40), ("93", 200), ("mL/min/1.73 m2", 240), ("(> 60)", 330)]])
    values, _, _ = lab_table.read_words(words, 1)
    got = {v.test: (v.value, v.comparator, v.ucum, v.ref_low, v.ref_high, v.flag) for v in values}
    assert got == {"Albumin": (1.8, "<", "g/dL", 3.5, 5.5, "L"),
                   "eGFR": (93, None, "mL/min/{1.73_m2}", 60, None, "normal")}


def test_header_word_not_listed_gets_its_role_from_the_cells() -> None:
    """'Procedure' / 'Outcome' are in no word list: the words column becomes the test,
    the numbers column the result; the 'Method' column of words stays out of the name."""
    words = _words([[("Procedure", 40), ("Outcome", 200), ("Units", 260), ("Normal Values", 330), ("Method", 430)],
                    [("Sodium", 40), ("149 H", 200), ("mmol/L", 260), ("136 - 145", 330), ("ISE", 430)],
                    [("Glucose", 40), ("90", 200), ("mg/dL", 260), ("70 - 99", 330), ("Enzymatic", 430)]])
    values, _, _ = lab_table.read_words(words, 1)
    got = {v.test: (v.value, v.ucum, v.ref_low, v.ref_high, v.flag) for v in values}
    assert got == {"Sodium": (149, "mmol/L", 136, 145, "H"), "Glucose": (90, "mg/dL", 70, 99, "normal")}


def test_batch_b_truth_is_consistent_and_multi_page(tmp_path: Path) -> None:
    truth = layouts.build(tmp_path, layouts=list(layouts.HELDOUT_2026B + layouts.TUNE_2026), render=False)
    _flags_follow_ranges(truth)
    pages = {t.layout: max(x.page for x in truth if x.layout == t.layout) for t in truth}
    assert pages["mpl_multipage_qualifiers"] >= 2 and pages["fpdf_lis_multipage"] >= 2
    assert {t.split for t in truth if t.layout in layouts.HELDOUT_2026B} == {"test"}


@pytest.mark.parametrize("name,want", [("Glucose (mg/dL)", ("Glucose", "mg/dL")), ("Sodium, mmol/L", ("Sodium", "mmol/L")),
                                       ("Vitamin D", None), ("Neutrophils (Absolute)", None)])
def test_unit_printed_with_the_name(name, want) -> None:
    assert lab_cells._unit_in_name(name) == want


def test_header_less_results_side_by_side() -> None:
    words = _words([[("Sodium", 40), ("141", 150), ("mmol/L", 180), ("(136-145)", 230),
                     ("Glucose", 320), ("112", 430), ("mg/dL", 460), ("(70-99)", 510), ("H", 560)]])
    values, _, _ = lab_table.read_words(words, 1)
    got = {v.test: (v.value, v.ucum, v.ref_low, v.ref_high, v.flag) for v in values}
    assert got == {"Sodium": (141, "mmol/L", 136, 145, "normal"), "Glucose": (112, "mg/dL", 70, 99, "H")}


# --- 2026 D: stacked cards, units in names, ranges under values, decimal commas (tune only) --------

def test_tune_2026d_layouts_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The four tune-only layouts of 2026 D (portal cards with the value in large type, units in
    brackets after the name with ranges in words, the range printed under the value with no flag
    letter, decimal commas) read whole: F1, flags and ranges, each layout on its own. Measured
    2026-12-02 before the reader learnt them: F1 0.000 / 1.000 / 1.000 / 0.517, flags - / 0.947 / 0.000 / 1.000."""
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    assert set(layouts.TUNE_2026D) == set(layouts.BATCHES["tune_2026d"])
    assert all(layouts.SPLIT[k] == "tune" for k in layouts.TUNE_2026D)
    truth = _each_layout_reads_whole(tmp_path, layouts.TUNE_2026D, "tune")
    assert max(t.page for t in truth if t.layout == "rl_portal_cards") >= 2


def test_tune_2026d_truth_is_consistent(tmp_path: Path) -> None:
    truth = layouts.build(tmp_path, layouts=list(layouts.TUNE_2026D), render=False)
    assert len({t.layout for t in truth}) == 4 and all(t.split == "tune" for t in truth)
    _flags_follow_ranges(truth)


@pytest.mark.parametrize("cell,value,flag,unit", [
    ("4,5", 4.5, None, ""), ("0,57 H", 0.57, "H", ""), ("12,5 mmol/L", 12.5, None, "mmol/L"),
    ("<0,04", 0.04, None, ""), ("1,250", 1250, None, "")])
def test_decimal_comma_values(cell, value, flag, unit) -> None:
    """A comma with one or two digits after it is a decimal comma; three digits stay thousands."""
    v = lab_cells.read_value(cell)
    assert v is not None and v.value == pytest.approx(value) and v.flag == flag and v.unit_text == unit


@pytest.mark.parametrize("cell,low,high", [
    ("3,5 - 5,0", 3.5, 5.0), ("0,10-1,20", 0.1, 1.2), ("< 0,04", None, 0.04), ("1,250-2,000", 1250, 2000),
    ("60 or above", 60, None), ("5.0 or less", None, 5.0), ("40 and over", 40, None), ("> OR = 60", 60, None),
    ("< or = 5.7", None, 5.7), ("Standard range: 70 - 99 mg/dL", 70, 99), ("Reference interval: 3.5-5.0", 3.5, 5.0),
    ("Normal range: up to 40", None, 40), ("Less than 125", None, 125)])
def test_range_words_labels_and_decimal_commas(cell, low, high) -> None:
    assert lab_cells.read_range(cell)[:2] == (low, high)


def test_range_label_leaves_the_unit() -> None:
    assert lab_cells.read_range("Standard range: 70 - 99 mg/dL") == (70, 99, "mg/dL")
    assert lab_cells.read_range("Standard range: > OR = 60 mL/min/1.73m²") == (60, None, "mL/min/1.73m²")


@pytest.mark.parametrize("text,flag", [("Above range", "H"), ("Below range", "L"), ("Above high normal", "H"),
                                       ("Out of range", "A"), ("Within range", "normal")])
def test_flag_phrases_of_patient_portals(text, flag) -> None:
    assert lab_cells.read_flag(text) == flag


def _word(text: str, x: float, top: float, size: float = 9.0) -> dict:
    return {"text": text, "x0": x, "x1": x + 0.55 * size * len(text), "top": top, "bottom": top + size}


def _card(name: str, value: str, unit: str, rng: str, top: float, flag: str = "") -> list[dict]:
    """A portal card: bold name, value in 18 pt with its unit small on the same baseline, range line."""
    out = [_word(name, 56, top, 11)]
    out.append(_word(value, 56, top + 18, 18))
    out.append(_word(unit, 60 + 0.55 * 18 * len(value), top + 18 + 7.5, 9))
    out += _spaced(flag, 230, top + 18 + 7.2, 9) + _spaced(rng, 56, top + 41, 8.5)
    return out


def _spaced(text: str, x: float, top: float, size: float) -> list[dict]:
    """Words of a phrase set one space apart."""
    out = []
    for w in text.split():
        out.append(_word(w, x, top, size))
        x = out[-1]["x1"] + 0.3 * size
    return out


def test_stacked_cards_read_name_value_unit_range_and_flag_words() -> None:
    """Name line, value line (large value, small unit beside it, "Below range"), range line under it,
    a comment line: one result per card; the page header is not a result."""
    words = [_word("Patient:", 50, 40), _word("Jane", 100, 40), _word("Collected", 160, 40), _word("Mar", 210, 40),
             *_card("Hdl", "25.2", "mg/dl", "Standard range: > OR = 40.0 mg/dl", 100, flag="Below range"),
             *[_word(w, 56 + 50 * i, 153, 8) for i, w in enumerate("Comment: Specimen slightly haemolysed.".split())],
             *_card("Potassium", "4.1", "mEq/L", "Standard range: 3.5 - 5.0 mEq/L", 180),
             *_card("LDL Cholesterol", "83", "mg/dl", "Standard range: Up to 100 mg/dl", 250)]
    values, _, _ = lab_table.read_words(words, 1)
    got = {v.test: (v.value, v.ucum, v.ref_low, v.ref_high, v.flag) for v in values}
    assert got == {"Hdl": (25.2, "mg/dL", 40.0, None, "L"), "Potassium": (4.1, "meq/L", 3.5, 5.0, "normal"),
                   "LDL Cholesterol": (83, "mg/dL", None, 100, "normal")}


def test_value_and_small_unit_on_one_baseline_are_one_line() -> None:
    big, small = _word("25.2", 56, 100, 18), _word("mg/dl", 100, 107.5, 9)
    below = _word("Standard", 56, 121, 8.5)
    lines = lab_blocks.same_baseline([[big], [small], [below]])
    assert [[w["text"] for w in line] for line in lines] == [["25.2", "mg/dl"], ["Standard"]]


def test_range_printed_under_the_value_belongs_to_its_row() -> None:
    """Two-line rows: the range small under the value, no flag letter (abnormal is only bold):
    the flag follows from that range; a specimen line with a date above a row is not part of its name."""
    words = [_word("Test", 40, 80), _word("Result", 280, 80), _word("Units", 350, 80),
             _word("CHEMISTRY", 40, 100), *[_word(w, 40 + 45 * i, 111, 7.5) for i, w in
                                            enumerate("Specimen: Serum Collected 05/03/24 07:45".split())],
             _word("Potassium", 48, 127), _word("3.2", 280, 127), _word("mEq/L", 350, 127),
             _word("(3.5", 280, 136, 7), _word("-", 297, 136, 7), _word("5.0)", 302, 136, 7),
             _word("Glucose", 48, 151), _word("82", 280, 151), _word("mg/dL", 350, 151),
             _word("(70", 280, 160, 7), _word("-", 293, 160, 7), _word("99)", 298, 160, 7)]
    values, _, _ = lab_table.read_words(words, 1)
    got = {v.test: (v.value, v.ucum, v.ref_low, v.ref_high, v.flag) for v in values}
    assert got == {"Potassium": (3.2, "meq/L", 3.5, 5.0, "L"), "Glucose": (82, "mg/dL", 70, 99, "normal")}


def test_comment_line_is_no_header_row() -> None:
    """A comment whose words name roles ("result", "analysis"), split into phrases by wide OCR gaps."""
    line = _line(("Note:", 31), ("result", 70), ("confirmed on repeat analysis.", 130))
    assert lab_table.header_of(line) is None
    assert lab_table.header_of(_line(("Flag", 32), ("Test (units)", 77), ("Result", 348), ("Reference", 432))) is not None


def test_ocr_superscript_two_of_body_surface_unit() -> None:
    for printed in ("(mL/min/1.73m7?)", "mL/min/1.73m7", "mL/min/1.73m?"):
        assert ucum.to_ucum(printed) == "mL/min/{1.73_m2}", printed


def test_stacked_card_value_cut_by_ocr_and_name_with_wide_gaps() -> None:
    """OCR cuts a large "108" into "1" "08" (a gap well under a space) and sets a name's words a
    little wider than a space: the card still reads as one result, 108."""
    words = [_word("Glucose,", 56, 100, 10), _word("Serum", 106, 100, 10),
             {"text": "1", "x0": 57.1, "x1": 62.9, "top": 118.3, "bottom": 131.0},
             {"text": "08", "x0": 66.5, "x1": 85.4, "top": 118.3, "bottom": 131.5},
             _word("mg/dL", 92, 124, 9), *_spaced("Above range", 230, 124.5, 8),
             *_spaced("Standard range: 70 - 99 mg/dL", 57, 139, 8.5)]
    got = [(r.test, r.value, r.ucum, r.low, r.high, r.flag) for r in lab_blocks.read_blocks(lab_table.lines_of(words))]
    assert got == [("Glucose, Serum", 108, "mg/dL", 70, 99, "H")]


# --- 2026 E: house unit spellings, methods under names, in/out-of-range columns (tune only) ------

def test_tune_2026e_layouts_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The three tune-only layouts of 2026 E (a South-Asian private-lab report in per-cumm and lakh
    units with methods under the names, a MyChart-like print with units in the value cell and
    "See Note" ranges, an In Range / Out Of Range table with a Status column) read whole, each on its
    own. Measured 2026-12-02 before the reader learnt them: F1 0.396 / 1.000 / 1.000, flags
    1.000 / 0.722 / 0.789 (rl_indian_investigation, fpdf_mychart_component, rl_status_column)."""
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    # development-only: outside SPLIT, the default build and the reported figures (the test split
    # must stay >= 40% of the bench's results), built here by name
    assert not set(layouts.TUNE_2026E) & set(layouts.SPLIT) and not set(layouts.TUNE_2026E) & set(layouts._layouts())
    assert all(layouts.DEV_ONLY[k] == "dev" for k in layouts.TUNE_2026E)
    truth = _each_layout_reads_whole(tmp_path, layouts.TUNE_2026E, "dev")
    printed = {t.unit_printed for t in truth if t.layout == "rl_indian_investigation"}
    assert {"lakhs/cumm", "mill/cumm", "cells/cumm", "gm%"} <= printed  # the conventions are exercised
    assert any(t.ref_low is None and t.ref_high is None for t in truth if t.layout == "fpdf_mychart_component")


def test_tune_2026e_truth_is_consistent(tmp_path: Path) -> None:
    """Flags follow the printed range; a result printed without one ("See Note") is unflagged."""
    truth = layouts.build(tmp_path, layouts=list(layouts.TUNE_2026E), render=False)
    assert len({t.layout for t in truth}) == 3 and all(t.split == "dev" for t in truth)
    _flags_follow_ranges(truth)
    plt = [t for t in truth if t.unit_printed == "lakhs/cumm"]
    assert plt and all(t.ucum == "10*5/uL" and t.ref_high is not None and t.ref_high < 10 for t in plt)


@pytest.mark.parametrize("printed,code", [
    ("gm/dl", "g/dL"), ("gm%", "g/dL"), ("mg%", "mg/dL"), ("cells/cumm", "/uL"), ("/cumm", "/uL"),
    ("/cmm", "/uL"), ("lakhs/cumm", "10*5/uL"), ("Lakh/cumm", "10*5/uL"), ("mill/cumm", "10*6/uL"),
    ("million/cumm", "10*6/uL"), ("thousand/uL", "10*3/uL"), ("x10^3/µl", "10*3/uL"), ("cells/µL", "/uL"),
    ("/mm3", "/uL")])
def test_house_unit_spellings_become_ucum_codes(printed: str, code: str) -> None:
    """A cubic millimetre is a microlitre, a lakh 10^5, "gm%" grams per 100 mL: one UCUM code each,
    so the same count printed in Delhi and in Boston compares."""
    assert ucum.to_ucum(printed) == code


@pytest.mark.parametrize("printed", ["lakhs", "million", "%gm", "lakh/", "uL/lakh"])
def test_house_count_words_alone_are_no_unit(printed: str) -> None:
    """A count word is a unit only over a volume ("lakhs/cumm"), never alone or below the line."""
    assert ucum.to_ucum(printed) is None


def test_method_under_a_name_and_sample_line_stay_out_of_names() -> None:
    """A method printed small in brackets under a test name ("(Photometry)") and a "Sample: Serum"
    line under a department heading are neither part of a name nor results."""
    words = [_word("Investigation", 40, 80), _word("Observed", 285, 80), _word("Value", 330, 80),
             _word("Unit", 370, 80), _word("Biological", 460, 80), _word("Reference", 510, 80),
             _word("Interval", 560, 80),
             _word("BIOCHEMISTRY", 250, 100), _word("Sample:", 40, 112, 8), _word("Serum", 75, 112, 8),
             _word("Calcium", 40, 128, 8.5), _word("10.6", 285, 128), _word("H", 310, 128),
             _word("mg/dl", 370, 128), *_spaced("8.5 - 10.2", 460, 128, 9),
             _word("(Photometry)", 40, 137, 6.5),
             _word("Platelet", 40, 153, 8.5), _word("Count", 80, 153, 8.5), _word("2.5", 285, 153),
             _word("lakhs/cumm", 370, 153), *_spaced("1.5 - 4.1", 460, 153, 9),
             _word("(Flow", 40, 162, 6.5), _word("cytometry)", 62, 162, 6.5)]
    values, _, _ = lab_table.read_words(words, 1)
    got = {v.test: (v.value, v.ucum, v.ref_low, v.ref_high, v.flag) for v in values}
    assert got == {"Calcium": (10.6, "mg/dL", 8.5, 10.2, "H"), "Platelet Count": (2.5, "10*5/uL", 1.5, 4.1, "normal")}


def test_in_range_and_out_of_range_columns() -> None:
    """Two result columns: a value under "Out Of Range" is flagged (its side from the letter or the
    range), one under "In Range" is not, even with no range printed ("Reference range not established")."""
    rows = [[("Test Name", 40), ("In Range", 200), ("Out Of Range", 270), ("Units", 360), ("Reference Range", 420)],
            [("Glucose", 40), ("142 H", 270), ("mg/dL", 360), ("70 - 99", 420)],
            [("Sodium", 40), ("128", 270), ("mmol/L", 360), ("136 - 145", 420)],
            [("Potassium", 40), ("4.1", 200), ("mmol/L", 360), ("3.5 - 5.1", 420)],
            [("Ferritin", 40), ("88", 200), ("ng/mL", 360), ("Reference range not established", 420)]]
    values, _, _ = lab_table.read_words(_words(rows), 1)
    got = {v.test: (v.value, v.ucum, v.ref_low, v.ref_high, v.flag) for v in values}
    assert got == {"Glucose": (142, "mg/dL", 70, 99, "H"), "Sodium": (128, "mmol/L", 136, 145, "L"),
                   "Potassium": (4.1, "mmol/L", 3.5, 5.1, "normal"), "Ferritin": (88, "ng/mL", None, None, "normal")}
    glued = lab_table.header_of(_line(("Test Name", 40), ("InRange", 200), ("OutOfRange", 270), ("Units", 360)))
    assert glued is not None and [c.role for c in glued.columns] == ["test", "result", "result", "unit"]  # OCR'd


def test_empty_flag_column_without_a_range_is_normal() -> None:
    """A "See Note" range and an empty Flag cell: the lab did not flag it (normal), while a "Status"
    column of "Final" words alone says nothing about a flag."""
    flagged = [[("Component", 40), ("Your Value", 200), ("Standard Range", 300), ("Flag", 450)],
               [("Ferritin", 40), ("88 ng/mL", 200), ("See Note", 300)],
               [("Glucose", 40), ("142 mg/dL", 200), ("70 - 99 mg/dL", 300), ("High", 450)]]
    values, _, _ = lab_table.read_words(_words(flagged), 1)
    assert {v.test: v.flag for v in values} == {"Ferritin": "normal", "Glucose": "H"}
    status = [[("Test", 40), ("Result", 200), ("Units", 300), ("Range", 380), ("Status", 470)],
              [("Ferritin", 40), ("88", 200), ("ng/mL", 300), ("See Note", 380), ("Final", 470)],
              [("Glucose", 40), ("82", 200), ("mg/dL", 300), ("70 - 99", 380), ("Final", 470)]]
    values, _, _ = lab_table.read_words(_words(status), 1)
    assert {v.test: v.flag for v in values} == {"Ferritin": None, "Glucose": "normal"}


# --- 2026 F: dotted leaders, sex-specific ranges, key-value panels (development-only) ------------

def test_tune_2026f_layouts_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The three development-only layouts of 2026 F (an old LIS printout with dot leaders and trailing
    flags, a range cell printing one range per sex with the patient's sex in the header, key-value
    lines under panel headings with comment lines between them) read whole, each on its own, with the
    patient's own range. Measured 2026-12-02 before the reader learnt them: F1 1.000 / 1.000 / 1.000,
    flags 1.000 / 0.850 / 0.594, ranges 1.000 / 0.750 / 0.594 (rl_lis_leaders, fpdf_sex_ranges,
    rl_keyvalue_panels)."""
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    # development-only like 2026 E: outside SPLIT and the default build, built here by name
    assert not set(layouts.TUNE_2026F) & set(layouts.SPLIT) and not set(layouts.TUNE_2026F) & set(layouts._layouts())
    assert all(layouts.DEV_ONLY[k] == "dev" for k in layouts.TUNE_2026F)
    truth = _each_layout_reads_whole(tmp_path, layouts.TUNE_2026F, "dev")
    # the sex-specific ranges are exercised: some result would be flagged otherwise on the other sex's range
    other = {name: (male, female) for name, _, _, male, female in layouts.SEX_SPECIFIC}
    wrong = 0
    for t in truth:
        if t.layout == "fpdf_sex_ranges" and t.test in other:
            lo, hi = next(r for r in other[t.test] if r != (t.ref_low, t.ref_high))
            wrong += ("L" if t.value < lo else "H" if t.value > hi else "normal") != t.flag
    assert wrong >= 2
    assert any(t.ref_low is None or t.ref_high is None for t in truth if t.layout == "rl_keyvalue_panels")


def test_tune_2026f_truth_is_consistent(tmp_path: Path) -> None:
    """Flags follow the printed (patient's own) range; each report's sex-specific rows all carry the
    ranges of one sex, and both sexes occur among the reports."""
    truth = layouts.build(tmp_path, layouts=list(layouts.TUNE_2026F), render=False)
    assert len({t.layout for t in truth}) == 3 and all(t.split == "dev" for t in truth)
    _flags_follow_ranges(truth)
    sexes = {}
    for name, _, _, male, female in layouts.SEX_SPECIFIC:
        for t in truth:
            if t.layout == "fpdf_sex_ranges" and t.test == name:
                sexes.setdefault(t.doc, set()).add("M" if (t.ref_low, t.ref_high) == male else
                                                   "F" if (t.ref_low, t.ref_high) == female else "?")
    assert len(sexes) == layouts.DOCS_PER_LAYOUT and all(len(s) == 1 and "?" not in s for s in sexes.values())
    assert {x for s in sexes.values() for x in s} == {"M", "F"}


@pytest.mark.parametrize("header,sex", [
    ("Sex: Female", "F"), ("Gender: M", "M"), ("Age/Sex: 63 Y / F", "F"), ("SEX: M AGE: 41Y", "M"),
    ("Sex/Age: Male / 41", "M"), ("Sex Hormone Binding Globulin 45 nmol/L", None), ("Patient: Jane Sample", None)])
def test_patient_sex_from_the_header(header: str, sex: str | None) -> None:
    assert lab_cells.patient_sex(["Riverside Clinical Laboratories", header]) == sex


def test_patient_sex_that_two_lines_disagree_on_is_unknown() -> None:
    assert lab_cells.patient_sex(["Sex: F", "Gender: Male"]) is None


@pytest.mark.parametrize("sex,want", [("F", (12.0, 15.5, "g/dL")), ("M", (13.5, 17.5, "g/dL")),
                                      (None, (None, None, "g/dL"))])
def test_range_by_sex_is_the_patients_or_unknown(sex: str | None, want: tuple) -> None:
    """A cell printing one range per sex gives the patient's, never the other sex's: unknown sex, no range."""
    with lab_cells.for_patient(sex):
        assert lab_cells.read_range("Male: 13.5 - 17.5 / Female: 12.0 - 15.5 g/dL") == want
        assert lab_cells.read_range("M 13.5-17.5 F 12.0-15.5 g/dL") == want
        assert lab_cells.read_range("3.5 - 5.1") == (3.5, 5.1, "")  # no label: the one range
    with lab_cells.for_patient("M"):
        assert lab_cells.read_range("Female: 12.0 - 15.5")[:2] == (None, None)  # only another sex's range


def _sexed_table(sex_line: str | None, *, centred: bool = True) -> list[dict]:
    """A header-row table whose range cell stacks "Male: ..." over "Female: ..." (centred on the value's
    line, or starting on it), the patient's sex in a header line above."""
    words = _spaced(sex_line, 40, 40, 8.5) if sex_line else []
    words += [_word("Test", 40, 80), _word("Result", 200, 80), _word("Units", 280, 80),
              *_spaced("Reference Interval", 360, 80, 9)]
    words += [_word("Sodium", 40, 100, 8.5), _word("140", 200, 100, 8.5), _word("mmol/L", 280, 100, 8.5),
              *_spaced("136 - 145", 360, 100, 8.5)]
    top = 125.0
    words += [_word("Hemoglobin", 40, top, 8.5), _word("14.2", 200, top, 8.5), _word("g/dL", 280, top, 8.5)]
    male, female = (top - 6.4, top + 6.4) if centred else (top, top + 11)
    words += _spaced("Male: 13.5 - 17.5", 360, male, 8.5) + _spaced("Female: 12.0 - 15.5", 360, female, 8.5)
    words += [_word("Glucose", 40, 150, 8.5), _word("92", 200, 150, 8.5), _word("mg/dL", 280, 150, 8.5),
              *_spaced("70 - 99", 360, 150, 8.5)]
    return words


@pytest.mark.parametrize("centred", [True, False])
@pytest.mark.parametrize("sex_line,want", [
    ("Sex: Male", (13.5, 17.5, "normal")), ("Gender: F", (12.0, 15.5, "normal")),
    ("Age/Sex: 63 Y / M", (13.5, 17.5, "normal")), (None, (None, None, None))])
def test_stacked_range_lines_by_sex_join_their_row(sex_line: str | None, want: tuple, centred: bool) -> None:
    """The lines of a stacked range cell (above and under the value's line, or from it down) belong to
    that row, not to its neighbours, and give the patient's range (14.2 g/dL: in range for either sex
    here); with no sex in the header the range is unknown rather than the first one printed."""
    values, _, _ = lab_table.read_words(_sexed_table(sex_line, centred=centred), 1)
    got = {v.test: (v.value, v.ucum, v.ref_low, v.ref_high, v.flag) for v in values}
    assert got["Hemoglobin"] == (14.2, "g/dL", *want)
    assert got["Sodium"] == (140, "mmol/L", 136, 145, "normal")
    assert got["Glucose"] == (92, "mg/dL", 70, 99, "normal")
    assert len(got) == 3


def test_key_value_lines_with_bracketed_bounds_and_comments() -> None:
    """"LDL-C: 107 mg/dL [< 100] H" reads its one-sided range in brackets; a comment line with a number
    between results ("received 3 hours after collection") is no result."""
    rows = [[("UREA & ELECTROLYTES", 40)],
            [("Potassium: 5.9 mmol/L [3.5 - 5.1] H", 40)],
            [("Haemolysed sample, interpret with caution.", 40)],
            [("LDL-C: 107 mg/dL [< 100] H", 40)],
            [("Comment: sample received 3 hours after collection.", 40)],
            [("eGFR: 54 mL/min/1.73m2 [> 60] L", 40)]]
    words = []
    for i, cells in enumerate(rows):
        for text, x in cells:
            words += _spaced(text, x, 100 + 14 * i, 9)
    values, _, _ = lab_table.read_words(words, 1)
    got = {v.test: (v.value, v.ucum, v.ref_low, v.ref_high, v.flag) for v in values}
    assert got == {"Potassium": (5.9, "mmol/L", 3.5, 5.1, "H"), "LDL-C": (107, "mg/dL", None, 100, "H"),
                   "eGFR": (54, "mL/min/{1.73_m2}", 60, None, "L")}


def test_dot_leaders_are_no_part_of_the_name() -> None:
    """An old LIS line: "SODIUM ........ 149  mmol/L  (135-145)  H"."""
    words = [_word("SODIUM", 40, 100), _word("." * 40, 80, 100), _word("149", 300, 100),
             _word("mmol/L", 330, 100),
             _word("(135-145)", 420, 100), _word("H", 520, 100),
             _word("HDL", 40, 113), _word("CHOLESTEROL", 62, 113), _word("." * 30, 130, 113),
             _word("32.5", 296, 113),
             _word("mg/dL", 330, 113), _word("(>40.0)", 420, 113), _word("L", 520, 113)]
    values, _, _ = lab_table.read_words(words, 1)
    got = {v.test: (v.value, v.ucum, v.ref_low, v.ref_high, v.flag) for v in values}
    assert got == {"SODIUM": (149, "mmol/L", 135, 145, "H"), "HDL CHOLESTEROL": (32.5, "mg/dL", 40, None, "L")}


# --- 2026 G: CSS-grid rows, Ref Low / Ref High columns, units in the header (development-only) ---

def test_tune_2026g_layouts_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The three development-only layouts of 2026 G (a chromium-printed page whose rows are CSS-grid
    <div>s with flag words in the value cell and population notes after the ranges, a table with "Ref
    Low" / "Ref High" columns under specimen headings, one small table per unit with the unit printed
    once in the result header and ranges as "Low: 3.5  High: 5.1") read whole, each on its own.
    Measured 2026-12-02 before the reader learnt them: F1 1.000 / 1.000 / 0.000, flags 1.000 / 1.000 /
    0.000, ranges 1.000 / 0.000 / 0.000 (html_css_grid_rows, rl_ref_low_high, fpdf_unit_in_header)."""
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    # development-only like 2026 E and F: outside SPLIT and the default build, built here by name
    assert not set(layouts.TUNE_2026G) & set(layouts.SPLIT) and not set(layouts.TUNE_2026G) & set(layouts._layouts())
    assert all(layouts.DEV_ONLY[k] == "dev" for k in layouts.TUNE_2026G)
    assert set(layouts.TUNE_2026G) <= set(layouts.DEV_ONLY_BATCHES)
    truth = _each_layout_reads_whole(tmp_path, layouts.TUNE_2026G, "dev")
    lows = [t for t in truth if t.layout == "rl_ref_low_high"]
    assert any(t.ref_low is None for t in lows) and any(t.ref_high is None for t in lows)  # blank limit cells
    units: dict[str, set[str]] = {}
    for t in truth:
        if t.layout == "fpdf_unit_in_header":
            units.setdefault(t.doc, set()).add(t.ucum)
    assert len(units) == layouts.DOCS_PER_LAYOUT and all(len(u) >= 4 for u in units.values())  # several tables
    grid = (tmp_path / "html_css_grid_rows_0.pdf").read_bytes()
    assert b"Chromium" in grid or b"Skia" in grid  # printed by chromium


def test_tune_2026g_truth_is_consistent(tmp_path: Path) -> None:
    """Flags follow the printed range; the grid layout prints far-out values as "Critical"/"Panic" (its
    direction left to the range), and each unit-in-header report spells a unit one way."""
    truth = layouts.build(tmp_path, layouts=list(layouts.TUNE_2026G), render=False)
    assert len({t.layout for t in truth}) == 3 and all(t.split == "dev" for t in truth)
    _flags_follow_ranges(truth)
    rows = [t for t in truth if t.layout == "html_css_grid_rows"]
    assert any(layouts._critical(layouts.Row(t.test, t.value, "", t.unit_printed, t.ucum, t.ref_low, t.ref_high,
                                             t.flag, "")) in ("HH", "LL") for t in rows)
    for doc in {t.doc for t in truth if t.layout == "fpdf_unit_in_header"}:
        spelled = {(t.ucum, t.unit_printed) for t in truth if t.doc == doc}
        assert len(spelled) == len({u for u, _ in spelled}), doc


def test_building_a_weasyprint_layout_leaves_pillows_truncated_image_flag_alone(tmp_path: Path) -> None:
    """weasyprint's import sets ``ImageFile.LOAD_TRUNCATED_IMAGES = True`` for the whole process; in
    a test worker that built these layouts first, the image gate then accepted a PNG with an
    oversized text chunk (tests/reliability/test_hostile_inputs.py)."""
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
    layouts.weasy_pdf(tmp_path / "one.pdf", "<p>Sodium 140 mmol/L</p>", "body{font-size:9pt}")
    assert (tmp_path / "one.pdf").stat().st_size > 0
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


# --- 2026 H: sexed ranges on one line over two pages, wrapped headers, two panels (development-only) ---

def test_tune_2026h_layouts_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The three development-only layouts of 2026 H (two pages whose range cells label ranges by sex and
    age group on one line, the sex printed on page 1 only; a ruled grid whose header cells wrap onto two
    lines with the flag column first; a chromium page with two panels side by side) read whole, each on
    its own. Measured 2026-12-03 before the reader learnt them: F1 1.000 / 1.000 / 0.919, flags 1.000,
    ranges 0.595 / 1.000 / 1.000 (rl_sexed_two_page, fpdf_wrapped_headers, html_two_panel)."""
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    assert not set(layouts.TUNE_2026H) & set(layouts.SPLIT) and not set(layouts.TUNE_2026H) & set(layouts._layouts())
    assert all(layouts.DEV_ONLY[k] == "dev" for k in layouts.TUNE_2026H)
    assert set(layouts.TUNE_2026H) <= set(layouts.DEV_ONLY_BATCHES)
    truth = _each_layout_reads_whole(tmp_path, layouts.TUNE_2026H, "dev")
    import pdfplumber

    with pdfplumber.open(tmp_path / "rl_sexed_two_page_0.pdf") as pdf:
        first, second = (p.extract_text() for p in pdf.pages)
    assert "Sex:" in first and "Sex" not in second and "Adult:" in first + second
    sexed = [t for t in truth if t.layout == "rl_sexed_two_page" and t.page == 2
             and layouts.normal(t.test) in layouts.SEX_NAMES]
    assert len({t.doc for t in sexed}) == layouts.DOCS_PER_LAYOUT  # every report has sexed ranges on page 2
    with pdfplumber.open(tmp_path / "fpdf_wrapped_headers_0.pdf") as pdf:
        lines = pdf.pages[0].extract_text().splitlines()
    assert any("Units of" in a and "Measure" in b for a, b in zip(lines, lines[1:]))  # a header on two lines
    panel = (tmp_path / "html_two_panel_0.pdf").read_bytes()
    assert b"Chromium" in panel or b"Skia" in panel  # printed by chromium


def test_tune_2026h_truth_is_consistent(tmp_path: Path) -> None:
    """Flags follow the patient's range; the sexed report's truth is the range of the sex its page 1 prints."""
    truth = layouts.build(tmp_path, layouts=list(layouts.TUNE_2026H), render=False)
    assert len({t.layout for t in truth}) == 3 and all(t.split == "dev" for t in truth)
    _flags_follow_ranges(truth)
    assert {t.page for t in truth if t.layout == "rl_sexed_two_page"} == {1, 2}


# --- 2026 I: units in words, ranges on their own line, word-processor tab stops (development-only) ---

def test_tune_2026i_layouts_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The three development-only layouts of 2026 I (a chromium portal page with units written in words,
    its cells wrapping above and below the value's line; a reportlab report with each range on its own
    line under the test name, qualitative results and "<" / "≥" results between; an fpdf2 letter typed
    at tab stops over two pages) read whole, each on its own. Measured 2026-12-03 before the reader
    learnt them: F1 0.000 / 0.000 / 1.000 (html_units_in_words, rl_range_own_line, fpdf_tab_stops)."""
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    assert not set(layouts.TUNE_2026I) & set(layouts.SPLIT) and not set(layouts.TUNE_2026I) & set(layouts._layouts())
    assert all(layouts.DEV_ONLY[k] == "dev" for k in layouts.TUNE_2026I)
    assert set(layouts.TUNE_2026I) <= set(layouts.DEV_ONLY_BATCHES)
    truth = _each_layout_reads_whole(tmp_path, layouts.TUNE_2026I, "dev")
    import pdfplumber

    with pdfplumber.open(tmp_path / "html_units_in_words_0.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert "per litre" in text or "per liter" in text
    with pdfplumber.open(tmp_path / "rl_range_own_line_0.pdf") as pdf:
        lines = pdf.pages[0].extract_text().splitlines()
    assert sum(line.startswith(("Reference range:", "Ref. interval:", "Normal range:")) for line in lines) >= 9
    assert "Negative" in "\n".join(lines)  # a qualitative result between the numeric ones
    with pdfplumber.open(tmp_path / "fpdf_tab_stops_0.pdf") as pdf:
        assert len(pdf.pages) == 2 and all("Page" in p.extract_text() for p in pdf.pages)
        assert not pdf.pages[0].lines and not pdf.pages[0].rects  # no table rules: tab stops only


def test_tune_2026i_truth_is_consistent(tmp_path: Path) -> None:
    """Flags follow the printed value and range; units in words keep the UCUM code of the unit they
    spell; operator results keep the printed number; the tab-stop letter runs over two pages."""
    truth = layouts.build(tmp_path, layouts=list(layouts.TUNE_2026I), render=False)
    assert len({t.layout for t in truth}) == 3 and all(t.split == "dev" for t in truth)
    _flags_follow_ranges(truth)
    words = [t for t in truth if t.layout == "html_units_in_words"]
    assert all(" " in t.unit_printed or t.unit_printed.isalpha() for t in words)
    assert {t.page for t in truth if t.layout == "fpdf_tab_stops"} == {1, 2}


# --- 2026 J: newest date first, one block per test, endocrine landscape with marks (development-only) --

def test_tune_2026j_layouts_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The three development-only layouts of 2026 J (a reportlab cumulative grid with four dates, the
    newest on the left, "----" or blank where not done; an fpdf2 report printing each test as a block of
    "Test:" / "Result:" / "Range:" lines with dipstick blocks between; a weasyprint landscape endocrine
    panel in SI units with footnote marks after values and a legend) read whole, each on its own.
    Measured 2026-12-03 before the reader learnt them: F1 1.000 / 0.000 / 0.946
    (rl_cumulative_newest_left, fpdf_test_blocks, weasy_endocrine_marks)."""
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    _dev_only_batch_reads_whole(tmp_path, layouts.TUNE_2026J)
    import pdfplumber

    with pdfplumber.open(tmp_path / "rl_cumulative_newest_left_0.pdf") as pdf:
        head = next(line for line in pdf.pages[0].extract_text().splitlines() if line.startswith("Test "))
    dates = [d for d in layouts.NEWEST_LEFT_DATES if d in head]
    assert len(dates) == 4 and head.index(dates[-1]) < head.index(dates[0])  # newest printed first
    with pdfplumber.open(tmp_path / "fpdf_test_blocks_0.pdf") as pdf:
        lines = pdf.pages[0].extract_text().splitlines()
    assert sum(line.startswith("Test: ") for line in lines) >= 9 and "Result: Trace" in lines
    with pdfplumber.open(tmp_path / "weasy_endocrine_marks_0.pdf") as pdf:
        page = pdf.pages[0]
        assert page.width > page.height and any(m in page.extract_text() for m in layouts.MARKS)


def test_tune_2026j_truth_is_consistent(tmp_path: Path) -> None:
    """Flags follow the printed value and range; the cumulative report holds a value per test and date
    (some dates not done); the endocrine panel's SI units keep their UCUM codes."""
    truth = layouts.build(tmp_path, layouts=list(layouts.TUNE_2026J), render=False)
    assert len({t.layout for t in truth}) == 3 and all(t.split == "dev" for t in truth)
    _flags_follow_ranges(truth)
    cum = [t for t in truth if t.layout == "rl_cumulative_newest_left"]
    tests = {(t.doc, t.test) for t in cum}
    assert len(tests) < len(cum) < 4 * len(tests)  # up to four dates per test, some not done
    endo = {t.unit_printed: t.ucum for t in truth if t.layout == "weasy_endocrine_marks"}
    assert endo.get("mIU/L") == "m[IU]/L" and endo.get("pmol/L") == "pmol/L" and endo.get("nmol/L") == "nmol/L"


# --- 2026 K: a matplotlib table, merged header cells, a faxed LIS printout (development-only) -------------

def test_tune_2026k_layouts_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The three development-only layouts of 2026 K (matplotlib's Table API with an unlabelled arrow
    column and "Units (reference interval)" cells; a reportlab table with merged header cells over two
    pages with a patient footer on each; a raw pydyf Courier printout under a fax banner with wrapped
    names) read whole, each on its own. Measured 2026-12-03 before the reader learnt them: F1 1.000 /
    1.000 / 0.946 (mpl_table_arrows, rl_merged_header, pydyf_fax_banner)."""
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    _dev_only_batch_reads_whole(tmp_path, layouts.TUNE_2026K)
    import pdfplumber

    with pdfplumber.open(tmp_path / "mpl_table_arrows_0.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert "Units (reference interval)" in text and layouts.FOOTER_PATIENT.split("   ")[0] in text
    with pdfplumber.open(tmp_path / "rl_merged_header_0.pdf") as pdf:
        assert len(pdf.pages) == 2 and all("Page " in p.extract_text().splitlines()[-1] for p in pdf.pages)
    with pdfplumber.open(tmp_path / "pydyf_fax_banner_0.pdf") as pdf:
        page = pdf.pages[0]
        assert page.extract_text().startswith("05/03/2024 09:14 FROM:") and any(f["fontname"] == "Courier"
                                                                               for f in page.chars)


def test_tune_2026k_truth_is_consistent(tmp_path: Path) -> None:
    """Flags follow the printed value and range; the merged-header report runs over two pages; the fax
    prints ASCII units only and has at least one name too long for its column (wrapped)."""
    truth = layouts.build(tmp_path, layouts=list(layouts.TUNE_2026K), render=False)
    assert len({t.layout for t in truth}) == 3 and all(t.split == "dev" for t in truth)
    _flags_follow_ranges(truth)
    merged = [t for t in truth if t.layout == "rl_merged_header"]
    assert {t.page for t in merged} == {1, 2}
    fax = [t for t in truth if t.layout == "pydyf_fax_banner"]
    assert all(t.unit_printed.isascii() for t in fax)
    assert any(len(t.test) > layouts.FAX_NAME_WIDTH for t in fax)
    mpl = {t.unit_printed: t.ucum for t in truth if t.layout == "mpl_table_arrows"}
    assert mpl.get("x10^9/L", "10*9/L") == "10*9/L" and "x10^3/uL" not in mpl


# --- 2026 L: an NHS panel grid, a European decimal-comma report, microbiology between tables (development-only)

def test_tune_2026l_layouts_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The three development-only layouts of 2026 L (an NHS report's ruled panels in a two-column grid with
    "[low - high]" ranges and comments under results; a German Laborbefund with decimal commas, "+"/"-"
    marks and "Tsd/µl"; cumulative chemistry and haematology tables with microbiology free text and a
    susceptibility table between them) read whole, each on its own. Measured 2026-12-03 before the reader
    learnt them: F1 0.917 / 0.793 / 0.926 (rl_nhs_panel_grid, weasy_european_comma, fpdf_micro_between;
    0.861 for the panel grid's first rendering, whose unit column was too narrow for "mL/min/1.73 m2")."""
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    _dev_only_batch_reads_whole(tmp_path, layouts.TUNE_2026L)
    import pdfplumber

    with pdfplumber.open(tmp_path / "rl_nhs_panel_grid_0.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert "Sample received:" in text and "Authorised by:" in text and "[" in text
    with pdfplumber.open(tmp_path / "weasy_european_comma_0.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert "Referenzbereich" in text and "05.03.2024" in text and "1.204.377" in text
    with pdfplumber.open(tmp_path / "fpdf_micro_between_0.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert all(m in text for m in ("Antibiotic", "Escherichia coli", "100,000 CFU/mL", *layouts.MICRO_DATES))


def test_tune_2026l_truth_is_consistent(tmp_path: Path) -> None:
    """Flags follow the printed value and range; the European report prints decimal commas and litres in
    lower case; the microbiology mix holds up to two dates per test and none of its free text."""
    truth = layouts.build(tmp_path, layouts=list(layouts.TUNE_2026L), render=False)
    assert len({t.layout for t in truth}) == 3 and all(t.split == "dev" for t in truth)
    _flags_follow_ranges(truth)
    euro = [t for t in truth if t.layout == "weasy_european_comma"]
    assert any(t.unit_printed in ("Tsd/µl", "mmol/l", "mg/dl") for t in euro)
    assert any("(" in t.test and t.test.split(" (")[0] in layouts.EURO_NAMES.values() for t in euro)
    micro = [t for t in truth if t.layout == "fpdf_micro_between"]
    per_test = {}
    for t in micro:
        per_test[(t.doc, t.test)] = per_test.get((t.doc, t.test), 0) + 1
    assert max(per_test.values()) == 2 and not {t.test for t in micro} & {d for d, _, _ in layouts.MICRO_SENS}
    nhs = {t.unit_printed: t.ucum for t in truth if t.layout == "rl_nhs_panel_grid"}
    assert "g/dL" not in nhs and nhs.get("10^9/L", "10*9/L") == "10*9/L"
