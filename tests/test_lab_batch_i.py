"""Lab-report reading that the development-only layouts of 2026 I (bench/labs/layouts.py TUNE_2026I)
showed missing, each in general form: units written in words, cells that wrap above and below their
row's value line, a range printed on its own line under the test name, "=<" for "<=" (and OCR's "="
for a "≤" whose bar it lost), a data row or a title never taken for a table header."""

from __future__ import annotations

import pytest

from carepath.tools.sources import lab_cells, lab_table, ucum
from support.lab_words import phrase as _phrase


def _row(cells: list[tuple[str, float]], top: float, size: float = 8.5) -> list[dict]:
    return [w for text, x in cells if text for w in _phrase(text, x, top, size)]


def _read(words: list[dict]) -> dict[str, tuple]:
    values, _, _ = lab_table.read_words(words, 1)
    return {v.test: (v.value, v.ucum, v.ref_low, v.ref_high, v.flag) for v in values}


# --- units written in words --------------------------------------------------------------------

@pytest.mark.parametrize("printed,code", [
    ("millimoles per litre", "mmol/L"), ("milliequivalents per liter", "meq/L"), ("units per litre", "U/L"),
    ("per cent", "%"), ("percent", "%"), ("femtolitres", "fL"), ("picograms", "pg"),
    ("nanograms per millilitre", "ng/mL"), ("thousand per microlitre", "10*3/uL"),
    ("million per microliter", "10*6/uL"), ("millilitres per minute per 1.73 m²", "mL/min/{1.73_m2}"),
    ("milli-international units per litre", "m[IU]/L"), ("milligrams per deciliter", "mg/dL"),
    ("micromoles per litre", "umol/L"), ("beats per minute", "{beats}/min"), ("Grams per Litre", "g/L")])
def test_units_written_in_words_become_ucum_codes(printed: str, code: str) -> None:
    """Patient portals and letters write units out; each word names an atom, "per" divides."""
    assert ucum.to_ucum(printed) == code


@pytest.mark.parametrize("printed", ["Sodium", "per litre", "Not detected", "Negative", "milligrams of sodium",
                                     "grams per decilitre of blood", "Liver per litre"])
def test_words_that_name_no_unit_stay_unread(printed: str) -> None:
    """A word that names no unit leaves the whole text unread: never a guessed unit."""
    assert ucum.to_ucum(printed) is None


# --- a header is neither a data row nor a title -------------------------------------------------

COLS = (40, 200, 260, 340, 440)


def test_a_result_row_with_units_and_flags_in_words_is_no_header() -> None:
    """"units per litre" holds a unit word and "Below range" a range word, but a cell reading as a
    decimal or a range makes the line a result row, never a second header."""
    head = _row(list(zip(("Test", "Your result", "Standard range", "Units", "Flag"), COLS)), 100)
    data = _row(list(zip(("Alt", "1.4", "7.0 to 56.0", "units per litre", "Below range"), COLS)), 120)
    assert lab_table.header_of(head) is not None
    assert lab_table.header_of(data) is None
    got = _read(head + data + _row(list(zip(("Potassium", "4.1", "3.5 to 5.1", "millimoles per litre", ""),
                                            COLS)), 140))
    assert got["Alt"] == (1.4, "U/L", 7.0, 56.0, "L") and got["Potassium"][1] == "mmol/L"


def test_a_title_cut_into_phrases_is_no_header() -> None:
    """OCR's uneven word gaps cut a title into phrases ("Hollins", "Lane Surgery", "-", "Blood", "test",
    "results"); no gap wider than a word's height: no header, so the banner under it is no result row."""
    words, x = [], 30.0
    for w in ("Hollins", "Lane", "Surgery", "-", "Blood", "test", "results"):
        words.append({"text": w, "x0": x, "x1": x + 6.0 * len(w), "top": 30.0, "bottom": 40.0})
        x += 6.0 * len(w) + (2.0 if w == "Lane" else 5.0)
    assert len({round(float(w["x0"])) for w in words}) == 7
    assert lab_table.header_of(words) is None
    real = _row(list(zip(("Test", "Result", "Units", "Normal range", "Flag"), COLS)), 100)
    assert lab_table.header_of(real) is not None


# --- cells wrapped above and below the value's line --------------------------------------------

def test_unit_flag_and_name_wrapped_around_the_value_line_join_their_row() -> None:
    """A vertically centred HTML table: "milliequivalents per" over the value's line and "litre" under it
    are one unit cell; "Above" / "range" one flag; a name set on the lines above and below an empty
    name cell ("Hemoglobin A1c/Hemoglobin.total" / "in Blood") is the row's name."""
    head = _row(list(zip(("Test", "Your result", "Standard range", "Units", "Flag"), COLS)), 100)
    rows = (_row([("milliequivalents per", 340)], 117) + _row(list(zip(("Sodium", "136", "136 to 145"), COLS)), 123)
            + _row([("litre", 340)], 129)
            + _row([("Hemoglobin A1c/Hemoglobin.total", 40), ("Above", 440)], 147)
            + _row([("", 40), ("6.5", 200), ("4.0 to 5.6", 260), ("per cent", 340)], 153)
            + _row([("in Blood", 40), ("range", 440)], 159)
            + _row(list(zip(("Potassium", "4.1", "3.5 to 5.1", "millimoles per litre"), COLS)), 183))
    got = _read(head + rows)
    assert got["Sodium"] == (136.0, "meq/L", 136.0, 145.0, "normal")
    assert got["Hemoglobin A1c/Hemoglobin.total in Blood"] == (6.5, "%", 4.0, 5.6, "H")
    assert got["Potassium"] == (4.1, "mmol/L", 3.5, 5.1, "normal") and len(got) == 3


def test_a_line_of_another_cell_is_not_joined_when_the_unit_is_whole() -> None:
    """Lines with unit words join a row only when they complete its unit: a row whose own unit cell reads
    already keeps it."""
    head = _row(list(zip(("Test", "Result", "Range", "Units", "Flag"), COLS)), 100)
    rows = (_row([("per", 340)], 117) + _row(list(zip(("Sodium", "136", "136 to 145", "mmol/L"), COLS)), 123)
            + _row(list(zip(("Potassium", "4.1", "3.5 to 5.1", "mmol/L"), COLS)), 150))
    got = _read(head + rows)
    assert got["Sodium"][1] == "mmol/L" and got["Potassium"][1] == "mmol/L"


# --- a range on its own line under the test's name ---------------------------------------------

def test_range_on_its_own_line_under_the_name_is_the_rows_range() -> None:
    """"Reference range: 3.5 to 5.0" printed small under "Potassium" is Potassium's range, never part of
    its name; a qualitative result's range line ("Reference range: Negative") goes to no numeric row."""
    cols = (40, 310, 380, 415)
    words = _row(list(zip(("Test", "Result", "Flag", "Units"), cols)), 100)
    lines = [(("Potassium", "4.3", "", "mEq/L"), "Reference range: 3.5 to 5.0"),
             (("Urine Nitrite", "Negative", "", ""), "Reference range: Negative"),
             (("Serum Ferritin", "≤ 15", "L", "ng/mL"), "Ref. interval: 30 - 400"),
             (("HDL Cholesterol", "48.7", "", "mg/dL"), "Normal range: > 40.0"),
             (("Blood Group", "O Rh(D) positive", "", ""), "Reference range: (see note)"),
             (("Total Cholesterol", "91", "", "mg/dL"), "Reference range: ≤ 200")]
    top = 120.0
    for cells, ref in lines:
        words += _row(list(zip(cells, cols)), top, 9) + _row([(ref, 52)], top + 10, 7.5)
        top += 25
    got = _read(words)
    assert got == {"Potassium": (4.3, "meq/L", 3.5, 5.0, "normal"), "Serum Ferritin": (15.0, "ng/mL", 30, 400, "L"),
                   "HDL Cholesterol": (48.7, "mg/dL", 40.0, None, "normal"),
                   "Total Cholesterol": (91.0, "mg/dL", None, 200, "normal")}


# --- "=<" and OCR's "=" ------------------------------------------------------------------------

@pytest.mark.parametrize("cell,low,high", [("=< 0.04", None, 0.04), ("=> 60", 60, None), ("=<200", None, 200),
                                           ("= 150", None, None)])
def test_equals_before_a_comparison_in_a_range(cell: str, low: float | None, high: float | None) -> None:
    """"=<" is "<=" (typed so, and OCR's reading of "≤"); "=" alone says no side: no range."""
    assert lab_cells.read_range(cell)[:2] == (low, high)


@pytest.mark.parametrize("cell,value,cmp", [("=< 0.30", 0.3, "<="), ("=>90", 90, ">="), ("=15", 15, None),
                                            ("= 15", 15, None)])
def test_equals_before_a_value(cell: str, value: float, cmp: str | None) -> None:
    """A value after "=<" has comparator "<="; an "=" alone (a "≤" whose bar OCR lost) leaves the number."""
    v = lab_cells.read_value(cell)
    assert v is not None and v.value == pytest.approx(value) and v.comparator == cmp
