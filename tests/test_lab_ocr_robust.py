"""OCR robustness of the lab reader: general tesseract misreads of units, each
seen losing a (test, value, unit) result on the tune/dev scans, repaired in a
general form (never keyed to one layout), and a unit that still cannot be read
stays unread (no guessed unit)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from carepath.tools.sources import lab_ocr, lab_table, ucum

pytestmark = pytest.mark.skipif(not lab_ocr.available(), reason="tesseract-ocr (scripts/apt-deps.sh) is needed")

_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.parametrize("read,want", [("x10*%3/uL", "10*3/uL"), ("10°3/uL", "10*3/uL"), ("x10*“6/uL", "10*6/uL")])
def test_specks_between_a_power_of_ten_and_its_exponent(read: str, want: str) -> None:
    """Dust read as "%", "°" or a quote between "10" and the exponent left the unit unread
    (two Neutrophils results on the tune scans); the power of ten is read through them."""
    assert ucum.to_ucum(read) is None
    assert ucum.to_ucum(lab_ocr.repair_unit(read)) == want


@pytest.mark.parametrize("read,want", [("mg/dL.", "mg/dL"), ("m2.", "m2"), ("mL/min/1.73 m2.", "mL/min/{1.73_m2}")])
def test_full_stop_after_a_unit(read: str, want: str) -> None:
    """A cell edge read as a full stop after the unit ("m2.") left eGFR's unit unread on the tune scans."""
    assert ucum.to_ucum(read) is None
    assert ucum.to_ucum(lab_ocr.repair_unit(read)) == want


@pytest.mark.parametrize("read", ["10.3", "5.", "10-3%", "mg/dk.", "Sodium."])
def test_repairs_never_invent_a_unit(read: str) -> None:
    """A decimal, a bare number with a stop, or a word that is no unit even after the repair stays as read."""
    fixed = lab_ocr.repair_unit(read)
    assert fixed == read or ucum.to_ucum(read) is not None


def _page(lines: list[str]) -> Image.Image:
    """A white 300-dpi page with the lines printed in a plain sans font, as a scan would show them."""
    img = Image.new("L", (2550, 900), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(_FONT), 42)
    for i, line in enumerate(lines):
        draw.text((150, 150 + 90 * i), line, font=font, fill=0)
    return img


@pytest.mark.skipif(not _FONT.is_file(), reason="DejaVu fonts are needed to print the test page")
def test_ocr_page_reads_units_through_specks_and_stops() -> None:
    """The real tesseract reading a printed page with the marks left on the unit:
    both results keep their unit (they were unread before the repairs)."""
    img = _page(["Test        Result    Units            Reference",
                 "Neutrophils    5.0    x10*%3/uL       1.8-7.7",
                 "Potassium      4.1    mmol/L.         3.5-5.1"])
    words, rules = lab_ocr.page_words(img, lab_ocr.OCR_DPI)
    values, _, _ = lab_table.read_words(words, 1, rules=rules, width=img.width * 72.0 / lab_ocr.OCR_DPI)
    got = {v.test: (v.value, v.ucum) for v in values}
    assert got.get("Neutrophils") == (5.0, "10*3/uL")
    assert got.get("Potassium") == (4.1, "mmol/L")
