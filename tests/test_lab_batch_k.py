"""Lab-report reading that the development-only layouts of 2026 K (bench/labs/layouts.py TUNE_2026K)
showed missing, each in general form: a header cell centred over a wide name column, a bracketed header
part ("Units (reference interval)") that OCR sets apart from its cell, a long name that goes on under a
row whose first line is itself a known test ("HEMOGLOBIN" / "A1C/HEMOGLOBIN.TOTAL IN BLOOD"), and OCR's
misreads of a range's brackets and dash and of a unit's superscript two."""

from __future__ import annotations

import pytest

from carepath.tools.sources import lab_cells, lab_ocr, lab_pdf, lab_table
from support.lab_words import phrase as _phrase


def _row(cells: list[tuple[str, float]], top: float, size: float = 8.5) -> list[dict]:
    return [w for text, x in cells if text for w in _phrase(text, x, top, size)]


def _read(words: list[dict]) -> dict[str, tuple]:
    values, _, _ = lab_table.read_words(words, 1)
    return {v.test: (v.value, v.ucum, v.ref_low, v.ref_high, v.flag) for v in values}


# --- a header centred over its column; a bracketed header part set apart ------------------------

ROWS = [("Albumin", "4.6", "", "g/dL (3.5 - 5.5)"), ("Carbon Dioxide", "26.7", "", "mmol/L (22.0 - 29.0)"),
        ("Thyroid Stimulating Hormone", "4.3", "↑", "mIU/L (0.4 - 4.0)"), ("MCV", "73", "↓", "fL (80 - 100)"),
        ("Neutrophils", "10.0", "↑", "x10^9/L (1.8 - 7.7)")]
WANT = {"Albumin": (4.6, "g/dL", 3.5, 5.5, "normal"), "Carbon Dioxide": (26.7, "mmol/L", 22.0, 29.0, "normal"),
        "Thyroid Stimulating Hormone": (4.3, "m[IU]/L", 0.4, 4.0, "H"), "MCV": (73.0, "fL", 80.0, 100.0, "L"),
        "Neutrophils": (10.0, "10*9/L", 1.8, 7.7, "H")}


def _centred_table(header: list[dict]) -> list[dict]:
    """A ruled table whose header cells are centred: "Test" sits 75 points right of where the names start."""
    words = list(header)
    for i, (name, value, flag, unit) in enumerate(ROWS):
        words += _row([(name, 62), (value, 264), (flag, 334), (unit, 380)], 120.0 + 17 * i)
    return words


def test_names_start_well_left_of_a_centred_header_cell() -> None:
    """"Test" centred over a 240-point name column: the names' first words are part of them (the old
    reader cut the columns 40 points left of the header cell: "Dioxide", "Stimulating Hormone")."""
    header = _row([("Test", 138), ("Result", 278), ("Units (reference interval)", 397)], 100.0)
    assert _read(_centred_table(header)) == WANT
    got = lab_table.read_lines(lab_pdf.lines_of(_centred_table(header)), [], 612.0)  # the header table's reader
    assert {r.test: (r.value, r.ucum, r.low, r.high, r.flag) for r in got} == WANT


def test_a_bracketed_header_part_set_apart_is_no_column_of_its_own() -> None:
    """OCR sets "Units", "(reference" and "interval)" further apart than a space: the bracketed part
    qualifies "Units", so the cells under it ("mmol/L (22.0 - 29.0)") are one unit cell with its range
    (the old reader made "(reference" a range column and cut every row's range in two)."""
    header = (_row([("Test", 138), ("Result", 278)], 100.0) + _phrase("Units", 397, 100.0)
              + _phrase("(reference", 425, 100.0) + _phrase("interval)", 478, 100.0))
    assert _read(_centred_table(header)) == WANT
    cols = lab_table.header_of(header).columns
    assert [c.role for c in cols] == ["test", "result", "unit"] and cols[-1].label == "Units (reference interval)"


def test_a_lone_bracketed_header_cell_far_from_the_last_stays_its_own() -> None:
    """Only a bracketed part close after a known cell qualifies it; one a column away heads its own."""
    header = _row([("Test", 40), ("Result", 200), ("Units", 260), ("(Ref. Range)", 360)], 100.0)
    assert [c.role for c in lab_table.header_of(header).columns] == ["test", "result", "unit", "range"]


# --- a long name that goes on under a row whose first line is a known test ---------------------------

FAX_HEAD = [("TEST", 40), ("RESULT", 203), ("FLAG", 246), ("UNITS", 278), ("REF RANGE", 343)]


def _fax(lines: list[list[tuple[str, float]]]) -> list[dict]:
    """A monospaced printout: every line 12.5 points below the last (a wrapped name at a full pitch)."""
    return [w for i, cells in enumerate([FAX_HEAD, *lines]) for w in _row(cells, 100.0 + 12.5 * i)]


def test_a_name_goes_on_under_a_row_whose_first_line_is_a_known_test() -> None:
    """"HEMOGLOBIN" is a known test, but with the indented line under it the row names another
    ("Hemoglobin A1c/Hemoglobin.total in Blood"): joined (the old reader read haemoglobin 5.6 %)."""
    got = _read(_fax([[("CREATININE", 40), ("1.62", 215), ("HI", 246), ("mg/dL", 278), ("(0.60 - 1.20)", 343)],
                      [("HEMOGLOBIN", 40), ("5.6", 220), ("%", 278), ("(4.0 - 5.6)", 343)],
                      [("A1C/HEMOGLOBIN.TOTAL IN BLOOD", 51)],
                      [("ALT", 40), ("25.1", 215), ("U/L", 278), ("(7.0 - 56.0)", 343)],
                      [("MCV", 40), ("88", 220), ("fL", 278), ("(80 - 100)", 343)]]))
    assert got == {"CREATININE": (1.62, "mg/dL", 0.6, 1.2, "H"),
                   "HEMOGLOBIN A1C/HEMOGLOBIN.TOTAL IN BLOOD": (5.6, "%", 4.0, 5.6, "normal"),
                   "ALT": (25.1, "U/L", 7.0, 56.0, "normal"), "MCV": (88.0, "fL", 80.0, 100.0, "normal")}


def test_a_line_under_a_known_test_that_names_nothing_with_it_stays_apart() -> None:
    """A heading or remark under a known test joins it only when together they name another test."""
    got = _read(_fax([[("HEMOGLOBIN", 40), ("13.2", 215), ("g/dL", 278), ("(12.0 - 16.0)", 343)],
                      [("SAMPLE CLOTTED", 51)],
                      [("PLATELETS", 40), ("221", 220), ("K/uL", 278), ("(150 - 400)", 343)],
                      [("MCV", 40), ("88", 220), ("fL", 278), ("(80 - 100)", 343)],
                      [("ALT", 40), ("25.1", 215), ("U/L", 278), ("(7.0 - 56.0)", 343)]]))
    assert got == {"HEMOGLOBIN": (13.2, "g/dL", 12.0, 16.0, "normal"),
                   "PLATELETS": (221.0, "10*3/uL", 150.0, 400.0, "normal"), "MCV": (88.0, "fL", 80.0, 100.0, "normal"),
                   "ALT": (25.1, "U/L", 7.0, 56.0, "normal")}


def test_ocr_space_after_a_full_stop_in_a_wrapped_name() -> None:
    """OCR reads "Hemoglobin.total" as "HEMOGLOBIN. TOTAL": the lines still join, and the OCR reader's
    name repair gives the catalogued spelling."""
    got = _read(_fax([[("CREATININE", 40), ("1.62", 215), ("HI", 246), ("mg/dL", 278), ("(0.60 - 1.20)", 343)],
                      [("HEMOGLOBIN", 40), ("5.6", 220), ("%", 278), ("(4.0 - 5.6)", 343)],
                      [("A1C/HEMOGLOBIN. TOTAL IN BLOOD", 51)],
                      [("ALT", 40), ("25.1", 215), ("U/L", 278), ("(7.0 - 56.0)", 343)],
                      [("MCV", 40), ("88", 220), ("fL", 278), ("(80 - 100)", 343)]]))
    name = "HEMOGLOBIN A1C/HEMOGLOBIN. TOTAL IN BLOOD"
    assert set(got) == {"CREATININE", name, "ALT", "MCV"} and got[name] == (5.6, "%", 4.0, 5.6, "normal")
    assert lab_ocr.repair_name(name) == "Hemoglobin A1c/Hemoglobin.total in Blood"


# --- OCR's misreads of a range's brackets and dash, and of a superscript two -----------------------

@pytest.mark.parametrize("text,want", [("{3.5 - 5.5)", (3.5, 5.5)), ("(10.0 - 40.0}", (10.0, 40.0)),
                                       ("(150 400)", (150.0, 400.0)), ("[0.60 1.20]", (0.6, 1.2)),
                                       ("(< 0.04)", (None, 0.04))])
def test_braces_and_a_lost_dash_in_a_bracketed_range(text: str, want: tuple) -> None:
    assert lab_cells.read_range(text)[:2] == want


@pytest.mark.parametrize("text", ["150 400", "(400 150)", "(150 400 600)"])
def test_numbers_that_are_no_range_stay_unread(text: str) -> None:
    """Unbracketed, descending or three numbers: no range is guessed."""
    assert lab_cells.read_range(text)[:2] == (None, None)


@pytest.mark.parametrize("text,want", [("mL/min/1.73m?2", "mL/min/1.73m2"), ("mL/min/1.73m2'", "mL/min/1.73m2"),
                                       ("m?", "m?"), ("mg/dL", "mg/dL")])
def test_a_superscript_two_read_with_a_mark(text: str, want: str) -> None:
    assert lab_ocr.repair_unit(text) == want


# --- a footer sentence under the table never decides where a column ends ------------------------------

def test_a_footer_sentence_set_apart_by_ocr_does_not_cut_a_long_name() -> None:
    """A long name ending just left of the next column ("... sq M.predicted" then "85") and a footer
    sentence under the table whose phrases OCR set a little apart ("Results relate only to" / "the sample
    tested. Page 1"): the footer runs across both columns and is no row, so the name stays whole (the old
    reader put the column boundary in the one gap the name and the footer shared, the result cell read
    "M.predicted 85" and the row was lost)."""
    words = _row([("Test", 116), ("Result", 334), ("Units", 420), ("Ref. Range", 500)], 100.0)
    first = _phrase("Glomerular filtration rate/1.73 sq", 116, 120.0)
    words += first + _phrase("M.predicted", first[-1]["x1"] + 4.0, 120.0)
    words += _row([("85", 334), ("mL/min", 420), ("> 60", 500)], 120.0)
    for i, (name, value, unit, rng) in enumerate([("Sodium", "140", "mmol/L", "136 - 145"),
                                                  ("Albumin", "4.5", "g/dL", "3.5 - 5.5"),
                                                  ("Creatinine", "1.62", "mg/dL", "0.60 - 1.20")]):
        words += _row([(name, 116), (value, 334), (unit, 420), (rng, 500)], 138.0 + 18 * i)
    footer = _phrase("Results relate only to", 173, 220.0)
    words += footer + _phrase("the sample tested. Page 1", footer[-1]["x1"] + 4.0, 220.0)
    got = lab_table.read_lines(lab_pdf.lines_of(words), [], 612.0)
    assert {r.test: (r.value, r.ucum, r.low, r.high) for r in got} == {
        "Glomerular filtration rate/1.73 sq M.predicted": (85.0, "mL/min", 60.0, None),
        "Sodium": (140.0, "mmol/L", 136.0, 145.0), "Albumin": (4.5, "g/dL", 3.5, 5.5),
        "Creatinine": (1.62, "mg/dL", 0.6, 1.2)}
