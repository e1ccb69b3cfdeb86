"""Lab-report reading that the development-only layouts of 2026 L (bench/labs/layouts.py TUNE_2026L)
showed missing, each in general form: a European table headed in German with decimal commas, "+" / "-"
marks, right-aligned numbers under a left-aligned header and German count units ("Tsd/µl"); a comment
sentence in the panel beside a result that ran into its name; microbiology free text and a susceptibility
table between results tables; OCR's misreads of the thin "l" of a litre."""

from __future__ import annotations

import pytest

from carepath.tools.sources import lab_cells, lab_grid, lab_ocr, lab_pdf, lab_table
from support.lab_words import phrase as _phrase


def _row(cells: list[tuple[str, float]], top: float, size: float = 8.5) -> list[dict]:
    return [w for text, x in cells if text for w in _phrase(text, x, top, size)]


def _read(words: list[dict]) -> dict[str, tuple]:
    values, _, _ = lab_table.read_words(words, 1)
    return {v.test: (v.value, v.ucum, v.ref_low, v.ref_high, v.flag) for v in values}


def _right(text: str, x1: float) -> float:
    """The x a right-aligned cell starts at when it ends at ``x1`` (the phrase helper's widths)."""
    return x1 - sum(0.55 * 8.5 * len(w) for w in text.split()) - 0.3 * 8.5 * (len(text.split()) - 1)


# --- a German table: header words, decimal commas, +/- marks, right-aligned numbers, count units -------

GERMAN_HEAD = [("Untersuchung", 54), ("Ergebnis", 251), ("Bew.", 321), ("Einheit", 362), ("Referenzbereich", 420)]
GERMAN_ROWS = [("Kalium (Potassium)", "5,8", "+", "mmol/l", "3,5 - 5,1"), ("Magnesium", "1,6", "-", "mg/dl", "1,7 - 2,2"),
               ("Thrombozyten (Platelets)", "276", "", "Tsd/µl", "150 - 400"),
               ("Erythrozyten (RBC)", "6,3", "+", "Mio/µl", "4,2 - 5,9"),
               ("Kreatinin (Creatinine)", "0,82", "", "mg/dl", "0,60 - 1,20")]


def _german(head: list[tuple[str, float]]) -> list[dict]:
    words = _row([("Auftrags-Nr.: 1.204.377", 54), ("Eingang: 05.03.2024 08:12", 300)], 70.0)
    words += _row(head, 100.0)
    for i, (name, value, flag, unit, rng) in enumerate(GERMAN_ROWS):
        words += _row([(name, 54), (value, _right(value, 318)), (flag, 322), (unit, 362), (rng, 420)], 118.0 + 16 * i)
    return words


def test_a_german_header_names_its_columns() -> None:
    cols = lab_table.header_of(_row(GERMAN_HEAD, 100.0)).columns
    assert [c.role for c in cols] == ["test", "result", "flag", "unit", "range"]
    french = _row([("Analyse", 40), ("Résultat", 220), ("Unité", 300), ("Valeurs de référence", 380)], 100.0)
    assert [c.role for c in lab_table.header_of(french).columns] == ["test", "result", "unit", "range"]


def test_a_german_table_with_decimal_commas_and_sign_marks() -> None:
    """Right-aligned numbers end just before the "+"/"-" column (the old reader found no header, and with
    one put the numbers in the flag column); "+" and "-" are a side from the range; "Tsd/µl" and "Mio/µl"
    are thousands and millions per microlitre; the order number and dates are no results."""
    assert _read(_german(GERMAN_HEAD)) == {
        "Kalium (Potassium)": (5.8, "mmol/L", 3.5, 5.1, "H"), "Magnesium": (1.6, "mg/dL", 1.7, 2.2, "L"),
        "Thrombozyten (Platelets)": (276.0, "10*3/uL", 150.0, 400.0, "normal"),
        "Erythrozyten (RBC)": (6.3, "10*6/uL", 4.2, 5.9, "H"),
        "Kreatinin (Creatinine)": (0.82, "mg/dL", 0.6, 1.2, "normal")}


@pytest.mark.parametrize("text,want", [("Tsd/µl", "10*3/uL"), ("Tsd./µl", "10*3/uL"), ("Mio/µl", "10*6/uL"),
                                       ("Mrd/l", "10*9/L"), ("ml/min/1,73m²", "mL/min/{1.73_m2}"),
                                       ("mmol/l", "mmol/L"), ("Tsd", None), ("sample", None)])
def test_european_unit_spellings(text: str, want: str | None) -> None:
    assert lab_cells.unit_code(text) == want


@pytest.mark.parametrize("text,want", [("4,5", 4.5), ("0,05", 0.05), ("1,250", 1250.0), ("4.5", 4.5)])
def test_decimal_commas_keep_thousands_separators(text: str, want: float) -> None:
    assert lab_cells.read_value(text).value == want


@pytest.mark.parametrize("text", ["50 - 100 /uL", "5-10", "3,5 - 5,1"])
def test_a_cell_that_starts_with_a_range_holds_no_value(text: str) -> None:
    """A microscopy count range ("White cells 50 - 100 /uL") is no one value (the old reader read 50)."""
    assert lab_cells.read_value(text) is None


@pytest.mark.parametrize("text,want", [("-2.0", -2.0), ("< 0.04", 0.04), ("5.2 mmol/L", 5.2)])
def test_a_negative_or_qualified_value_is_still_one(text: str, want: float) -> None:
    assert lab_cells.read_value(text).value == want


# --- a comment sentence beside a result (panels side by side, not aligned) ---------------------------

def test_a_comment_sentence_before_a_name_on_its_line_is_no_part_of_it() -> None:
    """The left panel's comment and the right panel's next row share a line: the name starts after the
    sentence (the old reader read "Result checked and confirmed. Albumin" and "months. Lymphs")."""
    line = _row([("Result checked and confirmed.", 48), ("Albumin", 316), ("42.0", 437), ("g/L", 466),
                 ("[35.0 - 55.0]", 528)], 100.0)
    got = lab_grid.read_row_line(line)
    assert [(r.test, r.value, r.ucum, r.low, r.high) for r in got] == [("Albumin", 42.0, "g/L", 35.0, 55.0)]
    tail = _row([("Please repeat in 3 months.", 48), ("Lymphs (Absolute)", 316), ("3.2", 437), ("10^9/L", 466),
                 ("[1.0 - 4.8]", 528)], 100.0)
    assert [(v.test, v.value, v.unit) for v in lab_pdf.parse_words(tail, 1)] == [("Lymphs (Absolute)", 3.2, "10^9/L")]


@pytest.mark.parametrize("words,want", [(["Alk.", "Phos."], "Alk. Phos"), (["Glomerular", "M.predicted"], "Glomerular M.predicted"),
                                        (["Sample", "haemolysed.", "Sodium"], "Sodium"),
                                        (["Hb", "A1c", "(IFCC)"], "Hb A1c (IFCC)")])
def test_abbreviations_in_a_name_are_no_sentence(words: list[str], want: str) -> None:
    assert lab_cells.test_name([{"text": w} for w in words]) == want


# --- microbiology free text and a susceptibility table between results tables -------------------------

def _micro() -> list[dict]:
    head = [("Test", 31), ("Result", 214), ("Units", 290), ("Reference range", 365)]
    words = _row(head, 100.0)
    words += _row([("Sodium", 31), ("141", 214), ("mmol/L", 290), ("136 - 145", 365)], 116.0)
    words += _row([("Chloride", 31), ("97 L", 214), ("mmol/L", 290), ("98 - 107", 365)], 130.0)
    words += _row([("Microscopy: White cells 50 - 100 /uL", 31), ("Red cells < 10 /uL", 200),
                   ("Epithelial cells 2+", 290)], 150.0)
    words += _row([("Antibiotic", 31), ("Susceptibility", 150), ("MIC (mg/L)", 240)], 170.0)
    for i, (drug, sir, mic) in enumerate([("Amoxicillin", "R", "> 32"), ("Nitrofurantoin", "S", "16"),
                                          ("Ciprofloxacin", "S", "0.25")]):
        words += _row([(drug, 31), (sir, 150), (mic, 240)], 184.0 + 13 * i)
    words += _row(head, 240.0)
    words += _row([("WBC", 31), ("6.5", 214), ("10*3/uL", 290), ("4.0 - 11.0", 365)], 256.0)
    return words


def test_a_susceptibility_table_and_microscopy_text_are_no_results() -> None:
    """Only the results tables' rows are read: the microscopy line and the drugs with their S/I/R and MIC
    under an "Antibiotic" header are not (the old reader read "Amoxicillin R" 32, "Microscopy: White cells" 50)."""
    assert _read(_micro()) == {"Sodium": (141.0, "mmol/L", 136.0, 145.0, "normal"),
                               "Chloride": (97.0, "mmol/L", 98.0, 107.0, "L"),
                               "WBC": (6.5, "10*3/uL", 4.0, 11.0, "normal")}


def test_an_organism_word_inside_a_name_ends_no_table() -> None:
    """Only a header row (two cells or more, one headed by the word) ends a table, not a result row."""
    assert not lab_table._other_table(_row([("MIC", 31)], 100.0))
    assert lab_table._other_table(_row([("Organism", 31), ("Count", 200)], 100.0))


# --- OCR: the thin "l" of a litre --------------------------------------------------------------------

@pytest.mark.parametrize("text,want", [("U/I", "U/l"), ("U/|", "U/l"), ("mmol/t", "mmol/l"), ("U/", "U/l"),
                                       ("mg/dL", "mg/dL"), ("and/", "and/"), ("/", "/")])
def test_a_litre_read_as_i_t_or_lost(text: str, want: str) -> None:
    assert lab_ocr.repair_unit(text) == want


@pytest.mark.parametrize("text,want", [("=U/L", "U/L"), ("=mg/dL", "mg/dL"), ("=", "="), ("=Result", "=Result")])
def test_a_speck_glued_to_a_units_start(text: str, want: str) -> None:
    assert lab_ocr.repair_unit(text) == want


def test_a_value_with_a_speck_and_a_rule_end() -> None:
    assert lab_cells.read_value("302.)").value == 302.0


# --- OCR: panels side by side whose rows are not aligned ----------------------------------------------

LEFT = [("Alkaline Phosphatase", "128", "U/L", "[44 - 147]"), ("Urea Nitrogen", "9.4 H", "mmol/L", "[2.5 - 7.1]"),
        ("Total Calcium", "2.6 H", "mmol/L", "[2.1 - 2.5]"), ("Troponin", "0.03", "ng/mL", "[< 0.04]"),
        ("ALT", "46.6", "U/L", "[7.0 - 56.0]")]
RIGHT = [("HDL", "0.88 L", "mmol/L", "[> 1.03]"), ("A1C", "4.9", "%", "[4.0 - 5.6]"),
         ("Chloride", "96 L", "mmol/L", "[98 - 107]"), ("RBC", "5.0", "10^12/L", "[4.2 - 5.9]"),
         ("Platelet Count", "302", "10^9/L", "[150 - 400]")]


OFFSETS = (1.2, 2.0, 0.8, 1.9, 1.6)


def _panels() -> list[dict]:
    """Two panels of a grid as OCR places them: the right panel's rows up to 2 points lower than the
    left's, unevenly (OCR's boxes, a comment line under a result), a title and a footer across the page."""
    words = _row([("Northfield Hospitals NHS Foundation Trust - Pathology", 40)], 60.0, 10)
    words += _row([("Sample received: 05/03/2024 09:10 Lab No: 24.0305.0117", 40)], 76.0)
    for i, (left, right) in enumerate(zip(LEFT, RIGHT)):
        words += _row(list(zip(left, (40, 165, 190, 252))), 100.0 + 14 * i, 7.5)
        words += _row(list(zip(right, (316, 437, 466, 528))), 100.0 + OFFSETS[i] + 14 * i, 7.5)
    return words + _row([("Authorised by: Dr P. Jones, Consultant Chemical Pathologist 05/03/2024 14:22", 40)], 200.0)


def test_panels_side_by_side_are_read_each_on_its_own() -> None:
    """The gutter between the panels is among those found, and reading each side on its own gives every
    row its own value, unit and range; the reader keeps the reading that reads most (on the rough scan of
    rl_nhs_panel_grid the page read whole lost rows: a line across both panels took one side's value and
    the other's unit)."""
    words = _panels()
    assert any(290 < x < 316 for x in lab_ocr.gutters(words, 595.0))
    reads = list(lab_ocr._readings(words, 1, [], 595.0, None))
    best = max(reads, key=lambda r: sum(lab_table.completeness(v.ucum, v.ref_low, v.ref_high) for v in r[0]))
    got = {v.test: (v.value, v.ucum) for v in best[0]}
    assert got == {"Alkaline Phosphatase": (128.0, "U/L"), "Urea Nitrogen": (9.4, "mmol/L"),
                   "Total Calcium": (2.6, "mmol/L"), "Troponin": (0.03, "ng/mL"), "ALT": (46.6, "U/L"),
                   "HDL": (0.88, "mmol/L"), "A1C": (4.9, "%"), "Chloride": (96.0, "mmol/L"),
                   "RBC": (5.0, "10*12/L"), "Platelet Count": (302.0, "10*9/L")}


def test_a_single_table_is_read_whole() -> None:
    """One table across the page: a gap between its columns may pass for a gutter, but a side read on its
    own reads less (values without units), so the page read whole is kept."""
    words = _row([("Test", 40), ("Result", 250), ("Units", 330), ("Range", 430)], 80.0)
    for i, (name, value, unit, rng) in enumerate(LEFT + RIGHT):
        words += _row([(name, 40), (value, 250), (unit, 330), (rng, 430)], 100.0 + 14 * i)
    reads = list(lab_ocr._readings(words, 1, [], 595.0, None))
    done = [sum(lab_table.completeness(v.ucum, v.ref_low, v.ref_high) for v in r[0]) for r in reads]
    assert len(reads) > 1 and done[0] > max(done[1:]) and len(reads[0][0]) == 10
