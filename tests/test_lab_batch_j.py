"""Lab-report reading that the development-only layouts of 2026 J (bench/labs/layouts.py TUNE_2026J)
showed missing, each in general form: a result printed as a block of labelled lines ("Test: ..." /
"Result: ..." / "Range: ..."), a unit and its bracketed flag that OCR sets closer than a space, a
sampling time in brackets in a test name ("Cortisol (09:00)"), and a "*" glued to a value inside its
range read as the footnote mark a legend explains rather than as an abnormal flag."""

from __future__ import annotations

import pytest

from carepath.tools.sources import lab_blocks, lab_cells, lab_table


def _line(text: str, top: float, x: float = 30.0, size: float = 9.0, gap: float = 0.3) -> list[dict]:
    """One printed line's words, ``gap`` font sizes apart (0.3: a space as a text layer sets it)."""
    out = []
    for w in text.split():
        out.append({"text": w, "x0": x, "x1": x + 0.55 * size * len(w), "top": top, "bottom": top + size})
        x = out[-1]["x1"] + gap * size
    return out


def _lines(texts: list[str], gap: float = 0.3) -> list[list[dict]]:
    """Lines 12 points apart, a wider gap after every third (one block per test)."""
    return [_line(t, 60.0 + 12.0 * i + 6.0 * (i // 3), gap=gap) for i, t in enumerate(texts)]


def _blocks(texts: list[str], gap: float = 0.3) -> dict[str, tuple]:
    return {r.test: (r.value, r.ucum, r.low, r.high, r.flag) for r in lab_blocks.read_blocks(_lines(texts, gap))}


# --- a block of labelled lines per test ----------------------------------------------------------

def test_labelled_block_lines_are_one_result() -> None:
    """"Test:" / "Result:" / "Range:" lines are one result; the labels are no part of its name or value
    (the old reader read no block, and the line reader took "Result" for the test's name)."""
    got = _blocks(["Test: Potassium", "Result: 5.6 mmol/L (H)", "Range: 3.5-5.1",
                   "Test: Free T4", "Result: 14.6 pmol/L", "Range: 12.0-22.0",
                   "Analyte: Alkaline Phosphatase", "Your result: 40 U/L (L)", "Reference range: 44-147"])
    assert got == {"Potassium": (5.6, "mmol/L", 3.5, 5.1, "H"), "Free T4": (14.6, "pmol/L", 12.0, 22.0, "normal"),
                   "Alkaline Phosphatase": (40.0, "U/L", 44.0, 147.0, "L")}


def test_labelled_blocks_win_over_the_line_reader_on_a_page() -> None:
    """The whole page: the labelled blocks are read, no result is named "Result"."""
    words = [w for ln in _lines(["Test: Sodium", "Result: 128 mmol/L (L)", "Range: 136-145",
                                 "Test: Creatinine", "Result: 1.53 mg/dL (H)", "Range: 0.60-1.20"]) for w in ln]
    values, _, _ = lab_table.read_words(words, 1)
    assert {v.test: (v.value, v.ucum, v.flag) for v in values} == {
        "Sodium": (128.0, "mmol/L", "L"), "Creatinine": (1.53, "mg/dL", "H")}


def test_qualitative_and_unlabelled_lines_stay_unread() -> None:
    """A dipstick block ("Trace", "1+", "Range: Negative") is no numeric result; a line whose first word
    only looks like a label ("Testosterone 0.68") keeps it."""
    assert _blocks(["Test: Urine Glucose", "Result: Trace", "Range: Negative",
                    "Test: Urine Protein", "Result: 1+", "Range: Negative"]) == {}
    assert [w["text"] for w in lab_blocks.unlabelled(_line("Testosterone 0.68 nmol/L", 0))] == \
        ["Testosterone", "0.68", "nmol/L"]
    assert [w["text"] for w in lab_blocks.unlabelled(_line("Result : 5.6 mmol/L", 0))] == ["5.6", "mmol/L"]


def test_a_unit_and_its_flag_closer_than_a_space_are_read_apart() -> None:
    """OCR's uneven gaps join "ng/mL (L)" into one phrase; it is a unit and a flag, and "(L)" after a
    unit is the flag, never a second unit (litre)."""
    lines = _lines(["Ferritin", "6 ng/mL (L)", "Range: 30-400"])
    value, unit, flag = lines[1]  # as OCR set them: value, a wide gap, the unit, a narrow gap, the flag
    unit.update(x0=value["x1"] + 10.0, x1=value["x1"] + 33.0)
    flag.update(x0=unit["x1"] + 1.5, x1=unit["x1"] + 11.5)
    got = {r.test: (r.value, r.ucum, r.low, r.high, r.flag) for r in lab_blocks.read_blocks(lines)}
    assert got == {"Ferritin": (6.0, "ng/mL", 30.0, 400.0, "L")}


# --- a sampling time in brackets in the name; a footnote "*" ---------------------------------------

@pytest.mark.parametrize("name", ["Cortisol (09:00)", "Cortisol (9.00)", "Glucose (2 h)", "Glucose (30 min)"])
def test_a_sampling_time_in_brackets_is_part_of_the_name(name: str) -> None:
    r = lab_cells.reading(_line(name, 0), "341", "nmol/L", "166 - 507", [], [])
    assert r is not None and r.test == name and r.value == 341.0 and r.flag == "normal"


@pytest.mark.parametrize("name", ["Received 09:12", "Collected 2024-03-05"])
def test_a_clock_time_or_date_outside_brackets_is_still_no_result(name: str) -> None:
    assert lab_cells.reading(_line(name, 0), "341", "nmol/L", "166 - 507", [], []) is None


@pytest.mark.parametrize("printed,rng,flag", [("76*", "< 100", "normal"), ("5.6*", "3.5 - 5.1", "H"),
                                              ("2.9*", "3.5 - 5.1", "L"), ("4.0*", "3.5 - 5.1", "normal"),
                                              ("4.0 *", "", "A"), ("4.0*", "", "A")])
def test_a_star_glued_to_a_value_inside_its_range_is_a_footnote_mark(printed: str, rng: str, flag: str) -> None:
    """Inside its printed range a glued "*" is the mark a legend explains (no flag: the range decides);
    outside it, or with no range to judge by, it stays the abnormal flag many labs print."""
    r = lab_cells.reading(_line("Potassium", 0), printed, "mmol/L", rng, [], [])
    assert r is not None and r.flag == flag
