"""Lab reports in thirty-six layouts (and twenty-four development-only ones, ``DEV_ONLY``) from seven PDF generators, with their truth.

The dev set in ``devset.py`` is rendered from the same Synthea fixtures the
parser was first written against; this set is not. Tests, units and
reference ranges are drawn from open-medicine's ``labs.json`` and carepath's
LOINC table; values are drawn at random (seeded), about a third outside the
range. Each layout prints them its own way — column order, header words,
units in their own column or inside the value cell, ranges as ``4.5 - 11.0``
/ ``4.5–11.0`` / ``3.5 to 5.0`` / ``< 5`` / ``≤ 200``, flags as H/L, HIGH/LOW,
HH/LL, (H)/(L), ▲/▼, ``*``, A — and the truth is written here, from the drawn
values, never from what a parser reads.

Generators: reportlab (platypus tables and canvas), fpdf2 (its table API),
HTML printed to PDF by Debian's chromium (``--headless --print-to-pdf``), and,
for the held-out 2026 layouts only, weasyprint, typst and matplotlib's PDF
backend (the dev extras); pydyf (raw PDF, base-14 Courier) for one
development-only faxed printout.

The split is frozen by layout, before any tuning (``SPLIT``): whole layouts,
and the whole chromium generator, are held out for test (5 of the first 10
layouts). Five more layouts were added later for tuning only (never test).
Six more were added in 2026 for test only (``HELDOUT_2026``: vendor-style
reports from three engines the reader was never run on while it was tuned),
so that the test split is again over 40% of the results. Four more held-out
layouts (``HELDOUT_2026B``) and five tune layouts (``TUNE_2026``) were added in
2026 before the reader was made to generalise; ``BATCHES`` pools each batch.
Development-only batches (2026 E-L, three layouts each, ``DEV_ONLY_BATCHES``)
sit outside the reported split: each was added to find what the reader still
misread on layouts nobody had seen, and fixed in general form.

    .venv/bin/python bench/labs/layouts.py OUT_DIR
"""

from __future__ import annotations

import html
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

# Scoring is shared with `carepath eval labs`; re-exported for the bench and tests.
from carepath.tools.sources.lab_eval import Score, evaluate, score  # noqa: F401

REPO = Path(__file__).resolve().parents[2]
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

# Frozen before tuning (2024 layout names are stable ids; do not move a layout).
SPLIT: dict[str, str] = {
    "rl_grid": "tune", "rl_canvas": "tune", "fpdf_table": "tune", "rl_unit_in_value": "tune",
    "fpdf_plain": "tune",
    "html_indian": "test", "html_flagfirst": "test", "html_cards_arrows": "test",
    "rl_landscape_range_first": "test", "fpdf_abnormal": "test",
}
# The ten layouts above, frozen 2024 (their seeds and scan seeds depend on this order).
FROZEN_LAYOUTS = tuple(SPLIT)
# Added later for tuning only (never test): other fonts, two tables side by side,
# units glued to values, ranges inside the unit cell, arrow/asterisk flags,
# grey row fills, a monospaced printout. Their scans are rougher (200 dpi,
# ±2° skew, JPEG, grey paper), see ``SCAN_STYLE``.
SPLIT.update({
    "rl_two_column": "tune", "fpdf_serif_glued": "tune", "rl_range_in_unit": "tune",
    "fpdf_grey_rows": "tune", "rl_mono_printout": "tune",
})
# Held out for test, 2026 (issue 16): six layouts from three PDF engines the lab
# reader was never run on while it was written or tuned (weasyprint, typst,
# matplotlib's PDF backend), printed the way vendors print: a Quest-like report
# (in-range / out-of-range columns, units inside the range cell), a LabCorp-like
# one (x10E3/uL, High/Low), a hospital LIS printout in SI units (10^9/L, g/L,
# µmol/L; HH/LL), a GP letter with a results table inside prose (units in the
# value cell, ↑/↓), a cumulative table with three collection dates as columns,
# and a report with bilingual (Spanish/English) headers and ``*`` flags. They
# also draw from CBC tests (``EXTRA_TESTS``) the older layouts never print.
# Their names and split are frozen with the ten above (hash in the tests).
HELDOUT_2026 = ("weasy_quest_like", "weasy_labcorp_like", "typst_hospital_lis", "typst_gp_letter",
                "mpl_cumulative", "weasy_bilingual")
SPLIT.update({k: "test" for k in HELDOUT_2026})

# The generator's own printed spellings of each UCUM code (independent of
# carepath's ucum module, which never sees this table).
SPELLINGS: dict[str, list[str]] = {
    "mg/dL": ["mg/dL", "mg/dl"], "g/dL": ["g/dL", "g/dl"], "meq/L": ["mEq/L"],
    "mmol/L": ["mmol/L"], "U/L": ["U/L"], "%": ["%"], "fL": ["fL", "fl"], "pg": ["pg"],
    "pg/mL": ["pg/mL"], "ng/mL": ["ng/mL"], "10*3/uL": ["x10^3/uL", "K/uL", "10*3/µL", "x10E3/uL"],
    "10*6/uL": ["x10^6/uL", "M/uL", "10*6/µL"], "mL/min/{1.73_m2}": ["mL/min/1.73m²", "mL/min/1.73 m2"],
    "mL/min": ["mL/min"], "ms": ["ms", "msec"], "m[IU]/L": ["mIU/L"], "{beats}/min": ["bpm"],
}
UCUM_OF = {"mg/dL": "mg/dL", "g/dL": "g/dL", "mEq/L": "meq/L", "mmol/L": "mmol/L", "U/L": "U/L",
           "%": "%", "fL": "fL", "pg": "pg", "pg/mL": "pg/mL", "ng/mL": "ng/mL", "10*3/uL": "10*3/uL",
           "10*6/uL": "10*6/uL", "mL/min/1.73m²": "mL/min/{1.73_m2}", "mL/min": "mL/min", "ms": "ms",
           "mIU/L": "m[IU]/L", "bpm": "{beats}/min"}


@dataclass
class Truth:
    doc: str
    layout: str
    split: str
    page: int
    test: str
    value: float
    ucum: str
    unit_printed: str
    ref_low: float | None
    ref_high: float | None
    flag: str


@dataclass
class Row:
    name: str
    value: float
    printed: str
    unit: str
    ucum: str
    low: float | None
    high: float | None
    flag: str
    section: str
    key: str = ""   # the pool's own test name (aliases vary what is printed)
    when: str = ""  # the date column of a cumulative report ("" = the one collection)
    page: int = 1   # the page it is printed on (multi-page layouts set it before rendering)
    ranges: tuple = ()  # every printed (label, low, high) of a sex-specific range; low/high are the patient's
    sex: str = ""   # the patient's sex as the report's header prints it ("" = not printed)


NOT_LABS = {"Heart Rate", "LVEF", "QTc Interval"}  # in labs.json, but not printed on lab reports


def _pool() -> list[dict]:
    """(name, aliases, catalogue unit, low, high) from open-medicine + carepath's table."""
    import open_medicine

    out: list[dict] = []
    om = json.loads((Path(open_medicine.__file__).parent / "graphrag" / "terminology" / "labs.json")
                    .read_text(encoding="utf-8"))
    for name, e in om.items():
        rng, unit = (e.get("reference_range") or "").split(" (")[0].split(",")[0].strip(), e.get("unit")
        if not unit or unit not in UCUM_OF or not rng or name in NOT_LABS:
            continue
        if rng.startswith("<"):
            lo, hi = None, float(rng[1:])
        elif rng.startswith(">"):
            lo, hi = float(rng[1:]), None
        else:
            lo, hi = (float(x) for x in rng.split("-"))
        out.append({"name": name, "aliases": e.get("aliases", []), "unit": unit, "low": lo, "high": hi,
                    "section": "Chemistry"})
    seen = {normal(t["name"]) for t in out}
    tab = json.loads((REPO / "tools" / "data" / "lab_tests.json").read_text(encoding="utf-8"))
    for t in tab["tests"]:
        if "[" in t["name"] or normal(t["name"]) in seen or t.get("unit") not in UCUM_OF:
            continue
        out.append({"name": t["name"], "aliases": t.get("aliases", []), "unit": t["unit"],
                    "low": t.get("low"), "high": t.get("high"),
                    "section": "Hematology" if t["unit"].startswith("10*") or t["unit"] in ("fL", "pg")
                    else "Chemistry"})
    return out


def normal(s: str) -> str:
    return " ".join(s.lower().split())


def _decimals(lo: float | None, hi: float | None) -> int:
    ref = [x for x in (lo, hi) if x is not None]
    top = max(ref) if ref else 10
    return 2 if top < 2 else 1 if top < 60 else 0


def _draw(rng: random.Random, t: dict) -> Row:
    lo, hi = t["low"], t["high"]
    span = (hi if hi is not None else lo * 2) - (lo if lo is not None else 0)
    base_lo = lo if lo is not None else (hi * 0.3)
    base_hi = hi if hi is not None else lo * 1.8
    kind = rng.random()
    if kind < 0.18 and hi is not None:
        v = hi + span * rng.uniform(0.05, 0.8)
    elif kind < 0.33 and lo is not None:
        v = max(lo - span * rng.uniform(0.05, 0.4), lo * 0.2)
    else:
        v = rng.uniform(base_lo, base_hi)
    d = _decimals(lo, hi)
    printed = f"{v:.{d}f}"
    v = float(printed)
    flag = "L" if lo is not None and v < lo else "H" if hi is not None and v > hi else "normal"
    name = t["name"]
    if t["aliases"] and rng.random() < 0.35:
        a = rng.choice(t["aliases"])
        name = a if any(c.isupper() for c in a) else a.title()
    ucum = UCUM_OF[t["unit"]]
    unit = rng.choice(SPELLINGS[ucum])
    return Row(name, v, printed, unit, ucum, lo, hi, flag, t["section"], key=t["name"])


def _rng_text(r: Row, style: str) -> str:
    d = _decimals(r.low, r.high)
    f = (lambda x: f"{x:.{d}f}") if d else (lambda x: f"{x:g}")
    if r.low is not None and r.high is not None:
        sep = {"dash": " - ", "endash": "–", "to": " to ", "tight": "-"}[style]
        return f"{f(r.low)}{sep}{f(r.high)}"
    if r.high is not None:
        return {"dash": f"< {f(r.high)}", "endash": f"<{f(r.high)}", "to": f"≤ {f(r.high)}",
                "tight": f"<{f(r.high)}"}[style]
    return {"dash": f"> {f(r.low)}", "endash": f">{f(r.low)}", "to": f"≥ {f(r.low)}",
            "tight": f">{f(r.low)}"}[style]


FLAGS = {"hl": {"H": "H", "L": "L"}, "word": {"H": "HIGH", "L": "LOW"}, "crit": {"H": "HH", "L": "LL"},
         "paren": {"H": "(H)", "L": "(L)"}, "arrow": {"H": "▲", "L": "▼"}, "star": {"H": "*", "L": "*"},
         "abn": {"H": "A", "L": "A"}, "hl_word": {"H": "High", "L": "Low"},
         "thin_arrow": {"H": "↑", "L": "↓"}, "star_hl": {"H": "H*", "L": "L*"}}


def _flag(r: Row, style: str) -> str:
    return FLAGS[style].get(r.flag, "")


PATIENT = [("Patient", "Jane Q. Sample"), ("DOB", "1961-04-12"), ("MRN", "00482913"),
           ("Collected", "2024-03-05 07:45"), ("Ordering", "Dr. A. Smith, NPI 1234567890")]


# --- reportlab --------------------------------------------------------------------

def _rl_fonts() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    return "DejaVu"


def rl_table(path: Path, rows: list[Row], cols: list[str], cells, *, grid: bool, landscape_: bool = False,
             title: str = "Clinical Laboratory Report", sections: bool = False) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _rl_fonts()
    st = getSampleStyleSheet()
    data = [cols]
    last = None
    for r in rows:
        if sections and r.section != last:
            data.append([r.section.upper()] + [""] * (len(cols) - 1))
            last = r.section
        data.append(cells(r))
    style = [("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9)]
    if grid:
        style += [("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]
    else:
        style += [("LINEBELOW", (0, 0), (-1, 0), 1, colors.black)]
    t = Table(data, repeatRows=1)
    t.setStyle(TableStyle(style))
    head = " &nbsp; ".join(f"{k}: {v}" for k, v in PATIENT)
    SimpleDocTemplate(str(path), pagesize=landscape(A4) if landscape_ else A4).build(
        [Paragraph(title, st["Title"]), Paragraph(head, st["Normal"]), Spacer(1, 10), t, Spacer(1, 10),
         Paragraph("Tel 555-0100 ext 42. Results relate only to the sample tested. Page 1 of 1.", st["Italic"])])


def rl_canvas(path: Path, rows: list[Row]) -> None:
    """Unruled, hand-placed columns: Analyte | Value | Flag | Reference Interval | Units."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=LETTER)
    font = _rl_fonts()
    y = LETTER[1] - 50
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, y, "OUTPATIENT LAB SUMMARY")
    c.setFont("Helvetica", 8)
    for k, v in PATIENT:
        y -= 11
        c.drawString(50, y, f"{k}: {v}")
    y -= 24
    c.setFont("Helvetica-Bold", 9)
    xs = [(50, "Analyte"), (240, "Value"), (300, "Flag"), (350, "Reference Interval"), (470, "Units")]
    for x, h in xs:
        c.drawString(x, y, h)
    c.setFont(font, 9)
    for r in rows:
        y -= 14
        c.drawString(50, y, r.name)
        c.drawRightString(280, y, r.printed)
        c.drawString(300, y, _flag(r, "word"))
        c.drawString(350, y, _rng_text(r, "endash"))
        c.drawString(470, y, r.unit)
    c.drawString(50, y - 30, "Specimen received 2024-03-05 09:10; 2 tubes. Fasting 12 h.")
    c.showPage()
    c.save()


# --- fpdf2 ------------------------------------------------------------------------

def fpdf_doc(path: Path, rows: list[Row], cols: list[str], cells, *, borders: bool, font_size: float = 9) -> None:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(DEJAVU))
    pdf.add_font("DejaVu", "B", str(DEJAVU.with_name("DejaVuSans-Bold.ttf")))
    pdf.set_font("DejaVu", "B", 13)
    pdf.cell(0, 8, "Community Hospital Pathology", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 8)
    for k, v in PATIENT:
        pdf.cell(0, 4.5, f"{k}: {v}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "", font_size)
    with pdf.table(borders_layout="ALL" if borders else "HORIZONTAL_LINES", text_align="LEFT",
                   headings_style=FontFace(emphasis="BOLD"), line_height=font_size * 0.6) as table:
        table.row(cols)
        for r in rows:
            table.row(cells(r))
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 7)
    pdf.multi_cell(0, 4, "Reference intervals apply to adults. Authorised by: Lab Director, 07:45 2024-03-06.")
    pdf.output(str(path))


# --- chromium ---------------------------------------------------------------------

CSS = """body{font-family:'DejaVu Sans',sans-serif;font-size:10pt;margin:18mm}
table{border-collapse:collapse;width:100%} th{text-align:left;border-bottom:1.5px solid #000}
td,th{padding:3px 6px} .card td{border-bottom:1px dotted #999} .num{text-align:right}"""


def html_pdf(path: Path, body: str) -> None:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise RuntimeError("chromium is needed for the HTML layouts (scripts/apt-deps.sh installs it)")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "r.html"
        src.write_text(f"<!doctype html><meta charset=utf-8><style>{CSS}</style><body>{body}</body>",
                       encoding="utf-8")
        subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={tmp}/profile", f"--print-to-pdf={path}", src.as_uri()],
                       check=True, capture_output=True, timeout=120)


def _html_table(cols: list[str], rows: list[list[str]], cls: str = "") -> str:
    e = html.escape
    head = "".join(f"<th>{e(c)}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table class='{cls}'><tr>{head}</tr>{body}</table>"


def _html_head(title: str) -> str:
    return f"<h2>{title}</h2><p>" + " &nbsp; ".join(f"<b>{k}</b>: {html.escape(v)}" for k, v in PATIENT) + "</p>"


# --- tune-only generators (added after the split was frozen) --------------------------------

def _rl_font(name: str, file: str) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(DEJAVU.with_name(file))))
    return name


def _canvas_head(c, title: str, y: float) -> float:
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, y, title)
    c.setFont("Helvetica", 8)
    for k, v in PATIENT:
        y -= 11
        c.drawString(40, y, f"{k}: {v}")
    return y - 22


def rl_two_column(path: Path, rows: list[Row]) -> None:
    """Two result tables side by side, condensed font: Test | Result | Unit | Range, twice."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=LETTER)
    font = _rl_font("DejaVuCond", "DejaVuSansCondensed.ttf")
    bold = _rl_font("DejaVuCondBold", "DejaVuSansCondensed-Bold.ttf")
    top = _canvas_head(c, "REGIONAL LAB NETWORK - RESULTS", LETTER[1] - 50)
    half = (len(rows) + 1) // 2
    for x0, part in ((40, rows[:half]), (318, rows[half:])):
        y = top
        c.setFont(bold, 8)
        for dx, h in ((0, "Test"), (128, "Result"), (160, "Unit"), (218, "Range")):
            c.drawString(x0 + dx, y, h)
        c.setFont(font, 7.5)
        for r in part:
            y -= 13
            c.drawString(x0, y, r.name)
            c.drawRightString(x0 + 152, y, f"{r.printed}{_flag(r, 'hl')}")
            c.drawString(x0 + 160, y, r.unit)
            c.drawString(x0 + 218, y, _rng_text(r, "tight"))
    c.setFont(font, 7)
    c.drawString(40, top - 13 * (half + 3), "H = above, L = below the reference range. Verified 2024-03-05.")
    c.showPage()
    c.save()


def rl_mono_printout(path: Path, rows: list[Row]) -> None:
    """A monospaced printout, columns aligned by spaces, no rules."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=LETTER)
    mono = _rl_font("DejaVuMono", "DejaVuSansMono.ttf")
    y = _canvas_head(c, "LABORATORY PRINTOUT", LETTER[1] - 50)
    c.setFont(mono, 8.5)
    c.drawString(40, y, f"{'TEST NAME':<36}{'RESULT':>9}  {'FLAG':<5}{'UNITS':<16}REFERENCE RANGE")
    c.drawString(40, y - 8, "-" * 92)
    for r in rows:
        y -= 14
        c.drawString(40, y - 8, f"{r.name:<36}{r.printed:>9}  {_flag(r, 'hl'):<5}{r.unit:<16}"
                                f"{_rng_text(r, 'dash')}")
    c.drawString(40, y - 30, "*** END OF REPORT ***")
    c.showPage()
    c.save()


def fpdf_styled(path: Path, rows: list[Row], cols: list[str], cells, *, font: str, grey_rows: bool,
                font_size: float = 9) -> None:
    """fpdf2 table in another DejaVu face, optionally with grey-filled alternate rows."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("F", "", str(DEJAVU.with_name(f"{font}.ttf")))
    pdf.add_font("F", "B", str(DEJAVU.with_name(f"{font}-Bold.ttf")))
    pdf.set_font("F", "B", 12)
    pdf.cell(0, 8, "St. Elsewhere Clinical Chemistry", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("F", "", 8)
    pdf.cell(0, 4.5, "   ".join(f"{k}: {v}" for k, v in PATIENT[:3]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("F", "", font_size)
    opts = {"cell_fill_color": 215, "cell_fill_mode": "ROWS"} if grey_rows else {}
    with pdf.table(borders_layout="NONE" if grey_rows else "SINGLE_TOP_LINE", text_align="LEFT",
                   headings_style=FontFace(emphasis="BOLD"), line_height=font_size * 0.6, **opts) as table:
        table.row(cols)
        for r in rows:
            table.row(cells(r))
    pdf.output(str(path))


# --- the layouts --------------------------------------------------------------------

def _layouts() -> dict:
    """layout → renderer(path, rows)."""
    F = _flag
    return {
        "rl_grid": lambda p, rows: rl_table(
            p, rows, ["Test", "Result", "Units", "Reference Range", "Flag"],
            lambda r: [r.name, r.printed, r.unit, _rng_text(r, "dash"), F(r, "hl")], grid=True),
        "rl_canvas": rl_canvas,
        "fpdf_table": lambda p, rows: fpdf_doc(
            p, rows, ["Component", "Your Value", "Standard Range", "Units"],
            lambda r: [r.name, f"{r.printed} {F(r, 'hl')}".strip(), _rng_text(r, "tight"), r.unit], borders=True),
        "rl_unit_in_value": lambda p, rows: rl_table(
            p, rows, ["Test", "Result", "Ref. Range", "Abn"],
            lambda r: [r.name, f"{r.printed} {r.unit}", _rng_text(r, "dash"), F(r, "crit")], grid=False,
            sections=True),
        "fpdf_plain": lambda p, rows: fpdf_doc(
            p, rows, ["Parameter", "Flag", "Result", "Unit", "Normal Range"],
            lambda r: [r.name, F(r, "star"), r.printed, r.unit, _rng_text(r, "endash")], borders=False),
        "html_indian": lambda p, rows: html_pdf(p, _html_head("DIAGNOSTIC LABORATORY") + _html_table(
            ["Investigation", "Observed Value", "Unit", "Biological Reference Interval"],
            [[r.name, f"{r.printed} {F(r, 'hl_word')}".strip(), r.unit, _rng_text(r, "dash")] for r in rows])),
        "html_flagfirst": lambda p, rows: html_pdf(p, _html_head("Lab Results") + _html_table(
            ["Flag", "Test", "Result", "Units", "Range"],
            [[F(r, "paren"), r.name, r.printed, r.unit, _rng_text(r, "to")] for r in rows])),
        "html_cards_arrows": lambda p, rows: html_pdf(p, _html_head("Patient Portal - Test Results") + _html_table(
            ["Analyte", "Result", "Reference interval"],
            [[r.name, f"{F(r, 'arrow')} {r.printed} {r.unit}".strip(), f"[{_rng_text(r, 'endash')}]"]
             for r in rows], cls="card")),
        "rl_landscape_range_first": lambda p, rows: rl_table(
            p, rows, ["Test Description", "Reference", "Result", "Flag", "Unit of Measure"],
            lambda r: [r.name, _rng_text(r, "tight"), r.printed, F(r, "crit"), r.unit], grid=True,
            landscape_=True, title="CUMULATIVE RESULTS", sections=True),
        "fpdf_abnormal": lambda p, rows: fpdf_doc(
            p, rows, ["Test Name", "Result", "Abnormal", "Units", "Reference Interval"],
            lambda r: [r.name, r.printed, F(r, "abn"), r.unit, _rng_text(r, "to")], borders=True, font_size=8),
        # tune-only, appended (a layout's seed is its position: the frozen ten keep theirs)
        "rl_two_column": rl_two_column,
        "fpdf_serif_glued": lambda p, rows: fpdf_styled(
            p, rows, ["Analysis", "Result", "Reference"],
            lambda r: [r.name, f"{r.printed}{r.unit} {F(r, 'thin_arrow')}".strip(), _rng_text(r, "tight")],
            font="DejaVuSerif", grey_rows=False),
        "rl_range_in_unit": lambda p, rows: rl_table(
            p, rows, ["Test", "Result", "Flag", "Units (Ref. Range)"],
            lambda r: [r.name, r.printed, F(r, "star_hl"), f"{r.unit} ({_rng_text(r, 'tight')})"], grid=False,
            title="Laboratory Findings"),
        "fpdf_grey_rows": lambda p, rows: fpdf_styled(
            p, rows, ["Status", "Examination", "Value", "Unit", "Ref. Values"],
            lambda r: [F(r, "thin_arrow"), r.name, r.printed, r.unit, f"({_rng_text(r, 'dash')})"],
            font="DejaVuSansCondensed", grey_rows=True),
        "rl_mono_printout": rl_mono_printout,
        # held out for test, 2026 (new PDF engines; see HELDOUT_2026)
        **_heldout_renderers(),
        # held out for test, 2026 batch B, then tune-only 2026 (appended: earlier seeds stay)
        **_heldout_2026b_renderers(),
        **_tune_2026_renderers(),
        # tune-only 2026 C: cumulative reports (appended: earlier seeds stay)
        **_tune_2026c_renderers(),
        # tune-only 2026 D: cards, units in names, ranges under values, decimal commas (appended)
        **_tune_2026d_renderers(),
        # tune-only 2026 E: house unit spellings, methods under names, status columns (appended)
    }


# --- held out for test, 2026: weasyprint, typst, matplotlib ---------------------------------
#
# Written without looking at what the lab reader makes of them. The truth is the
# printed rows: every value, unit, range and flag below is computed here from the
# seeded draw (SI conversions round the value and both limits first, then the
# flag is taken from the printed numbers, as a lab's LIS would).

# CBC and a few chemistry tests the older layouts never print (the generator's
# own adult ranges, as commonly printed in the US).
EXTRA_TESTS: list[dict] = [
    {"name": "WBC", "aliases": ["White Blood Cell Count", "Leukocytes"], "unit": "10*3/uL", "low": 4.0,
     "high": 11.0, "section": "Hematology"},
    {"name": "RBC", "aliases": ["Red Blood Cell Count", "Erythrocytes"], "unit": "10*6/uL", "low": 4.2,
     "high": 5.9, "section": "Hematology"},
    {"name": "Platelets", "aliases": ["Platelet Count", "PLT"], "unit": "10*3/uL", "low": 150, "high": 400,
     "section": "Hematology"},
    {"name": "Hematocrit", "aliases": ["HCT"], "unit": "%", "low": 36, "high": 50, "section": "Hematology"},
    {"name": "MCV", "aliases": ["Mean Corpuscular Volume"], "unit": "fL", "low": 80, "high": 100,
     "section": "Hematology"},
    {"name": "MCH", "aliases": ["Mean Corpuscular Hemoglobin"], "unit": "pg", "low": 27, "high": 33,
     "section": "Hematology"},
    {"name": "Neutrophils", "aliases": ["Neutrophils (Absolute)", "Absolute Neutrophils"], "unit": "10*3/uL",
     "low": 1.8, "high": 7.7, "section": "Hematology"},
    {"name": "Lymphocytes", "aliases": ["Lymphs (Absolute)", "Absolute Lymphocytes"], "unit": "10*3/uL",
     "low": 1.0, "high": 4.8, "section": "Hematology"},
    {"name": "Alkaline Phosphatase", "aliases": ["ALP", "Alk Phos"], "unit": "U/L", "low": 44, "high": 147,
     "section": "Chemistry"},
    {"name": "Total Bilirubin", "aliases": ["Bilirubin, Total"], "unit": "mg/dL", "low": 0.1, "high": 1.2,
     "section": "Chemistry"},
    {"name": "Ferritin", "aliases": ["Serum Ferritin"], "unit": "ng/mL", "low": 30, "high": 400,
     "section": "Chemistry"},
]


def _extra_tests(pool: list[dict]) -> list[dict]:
    """EXTRA_TESTS that the pool does not already hold (by name or alias)."""
    have = {normal(n) for t in pool for n in [t["name"], *t["aliases"]]}
    return [t for t in EXTRA_TESTS if normal(t["name"]) not in have]


def _respell(rows: list[Row], spell: dict[str, tuple[str, str]]) -> list[Row]:
    """Print some UCUM codes another way: ucum → (printed, ucum of the printed form)."""
    return [replace(r, unit=spell[r.ucum][0], ucum=spell[r.ucum][1]) if r.ucum in spell else r for r in rows]


def _rounded(x: float | None, d: int) -> float | None:
    return None if x is None else float(f"{x:.{d}f}")


def _with_flag(r: Row) -> Row:
    v, lo, hi = r.value, r.low, r.high
    return replace(r, flag="L" if lo is not None and v < lo else "H" if hi is not None and v > hi else "normal")


def _convert(r: Row, unit: str, ucum: str, factor: float) -> Row:
    """The same result in another unit: limits and value converted and rounded as printed."""
    lo = None if r.low is None else r.low * factor
    hi = None if r.high is None else r.high * factor
    d = _decimals(lo, hi)
    lo, hi = _rounded(lo, d), _rounded(hi, d)
    printed = f"{r.value * factor:.{d}f}"
    return _with_flag(replace(r, value=float(printed), printed=printed, unit=unit, ucum=ucum, low=lo, high=hi))


# SI printout: by UCUM code (exact factors), and by the pool's test name (mg/dL → molar).
SI_BY_UNIT = {"g/dL": ("g/L", "g/L", 10.0), "10*3/uL": ("10^9/L", "10*9/L", 1.0),
              "10*6/uL": ("10^12/L", "10*12/L", 1.0), "meq/L": ("mmol/L", "mmol/L", 1.0)}
SI_BY_TEST = {"Glucose": ("mmol/L", "mmol/L", 1 / 18.016), "Creatinine": ("µmol/L", "umol/L", 88.42),
              "Total Cholesterol": ("mmol/L", "mmol/L", 1 / 38.67), "Triglycerides": ("mmol/L", "mmol/L", 1 / 88.57),
              "Total Bilirubin": ("µmol/L", "umol/L", 17.1), "Urea Nitrogen": ("mmol/L", "mmol/L", 0.357),
              "Calcium": ("mmol/L", "mmol/L", 0.2495), "Magnesium": ("mmol/L", "mmol/L", 0.4114),
              **{k: ("mmol/L", "mmol/L", 1 / 38.67) for k in (
                  "LDL Cholesterol", "HDL Cholesterol", "Low Density Lipoprotein Cholesterol",
                  "High Density Lipoprotein Cholesterol")}}


def _si(rows: list[Row], rng: random.Random) -> list[Row]:
    out = []
    for r in rows:
        conv = SI_BY_TEST.get(r.key) if r.ucum == "mg/dL" else SI_BY_UNIT.get(r.ucum)
        out.append(_convert(r, *conv) if conv else r)
    return out


CUMULATIVE_DATES = ("10-Jan-2024", "14-Feb-2024", "05-Mar-2024")


def _cumulative(rows: list[Row], rng: random.Random) -> list[Row]:
    """Two earlier collections per test (some not done: printed as a dash, no truth row)."""
    out = []
    for r in rows:
        d = _decimals(r.low, r.high)
        for when in CUMULATIVE_DATES[:-1]:
            if rng.random() < 0.15:
                continue
            printed = f"{r.value * rng.uniform(0.75, 1.3):.{d}f}"
            out.append(_with_flag(replace(r, value=float(printed), printed=printed, when=when)))
        out.append(replace(r, when=CUMULATIVE_DATES[-1]))
    return out


PREPARE = {
    "weasy_quest_like": lambda rows, rng: _respell(rows, {
        "10*3/uL": ("Thousand/uL", "10*3/uL"), "10*6/uL": ("Million/uL", "10*6/uL"),
        "mL/min/{1.73_m2}": ("mL/min/1.73m2", "mL/min/{1.73_m2}")}),
    "weasy_labcorp_like": lambda rows, rng: _respell(rows, {
        "10*3/uL": ("x10E3/uL", "10*3/uL"), "10*6/uL": ("x10E6/uL", "10*6/uL"),
        "mL/min/{1.73_m2}": ("mL/min/1.73", "mL/min/{1.73_m2}")}),
    "typst_hospital_lis": _si,
    "typst_gp_letter": lambda rows, rng: _respell(rows, {"10*3/uL": ("x10^9/L", "10*9/L"),
                                                        "10*6/uL": ("x10^12/L", "10*12/L")}),
    "mpl_cumulative": _cumulative,
    "weasy_bilingual": lambda rows, rng: _respell(rows, {"10*3/uL": ("10^3/µL", "10*3/uL"),
                                                        "10*6/uL": ("10^6/µL", "10*6/uL")}),
}


def _critical(r: Row) -> str:
    """HH / LL when far outside the range, else H / L (LIS style)."""
    if r.flag == "normal":
        return ""
    span = (r.high or 0) - (r.low or 0) if r.low is not None and r.high is not None else abs(r.high or r.low or 1)
    far = (r.value > r.high + span * 0.5) if r.flag == "H" else (r.value < r.low - span * 0.25)
    return r.flag * 2 if far else r.flag


# weasyprint ----------------------------------------------------------------------------------

def weasy_pdf(path: Path, body: str, css: str) -> None:
    """weasyprint sets Pillow's process-wide ``ImageFile.LOAD_TRUNCATED_IMAGES = True`` when
    imported, which would make carepath's image gate accept truncated and oversized-chunk PNGs for
    the rest of the process (a test worker that built these layouts first did); the flag is put back."""
    from PIL import ImageFile

    before = ImageFile.LOAD_TRUNCATED_IMAGES
    import weasyprint  # heavy: pango via cffi; only the held-out layouts need it

    ImageFile.LOAD_TRUNCATED_IMAGES = before
    doc = f"<!doctype html><html><head><meta charset=utf-8><style>{css}</style></head><body>{body}</body></html>"
    weasyprint.HTML(string=doc).write_pdf(str(path))


def _sections(rows: list[Row], names: dict[str, str]) -> list[tuple[str | None, Row]]:
    """(section heading or None, row) in print order."""
    out, last = [], None
    for r in rows:
        out.append((names.get(r.section, r.section) if r.section != last else None, r))
        last = r.section
    return out


QUEST_CSS = """@page{size:letter;margin:14mm 12mm}
body{font-family:'DejaVu Sans Condensed','DejaVu Sans';font-size:8.5pt}
.hdr{display:flex;justify-content:space-between;border:1px solid #000;padding:4px 6px;margin-bottom:8px}
table{border-collapse:collapse;width:100%} th{font-size:8pt;text-align:left;border-top:2px solid #000;
border-bottom:1px solid #000;padding:3px 4px} td{padding:2px 4px;vertical-align:top}
td.sec{font-weight:bold;padding-top:7px} td.out{font-weight:bold}"""


def weasy_quest_like(path: Path, rows: list[Row]) -> None:
    """Quest-like: Test Name | In Range | Out Of Range | Reference Range (with units) | Lab."""
    e = html.escape
    body = ["<div class=hdr><div><b>PATIENT INFORMATION</b><br>SAMPLE, JANE Q<br>DOB: 04/12/1961 AGE: 62<br>"
            "GENDER: F<br>ID: 00482913</div><div><b>REPORT STATUS</b> FINAL<br><b>ORDERING PHYSICIAN</b><br>"
            "SMITH, A<br>COLLECTED: 03/05/2024 07:45<br>REPORTED: 03/06/2024 11:02</div></div>",
            "<table><tr><th>Test Name</th><th>In Range</th><th>Out Of Range</th><th>Reference Range</th>"
            "<th>Lab</th></tr>"]
    panels = {"Chemistry": "COMPREHENSIVE METABOLIC PANEL", "Hematology": "CBC (INCLUDES DIFF/PLT)"}
    for head, r in _sections(rows, panels):
        if head:
            body.append(f"<tr><td class=sec colspan=5>{e(head)}</td></tr>")
        inr, out = (r.printed, "") if r.flag == "normal" else ("", f"{r.printed} {r.flag}")
        body.append(f"<tr><td>&nbsp;&nbsp;{e(r.name.upper())}</td><td>{e(inr)}</td><td class=out>{e(out)}</td>"
                    f"<td>{e(_rng_text(r, 'tight'))} {e(r.unit)}</td><td>EZ</td></tr>")
    body.append("</table><p>PERFORMING SITE:<br>EZ QUEST-LIKE DIAGNOSTICS, 1 MAIN ST, ANYTOWN 00000</p>")
    weasy_pdf(path, "".join(body), QUEST_CSS)


LABCORP_CSS = """@page{size:letter;margin:12mm}
body{font-family:'DejaVu Sans';font-size:8pt} h1{font-size:12pt;margin:0 0 4px}
.box{border:1px solid #444;padding:4px;margin-bottom:8px;font-size:7.5pt}
table{border-collapse:collapse;width:100%} th{background:#ddd;text-align:left;padding:3px}
td{padding:2px 3px;border-bottom:0.5px solid #ccc} td.sec{font-weight:bold;background:#f2f2f2}
td.f{color:#000;font-weight:bold}"""


def weasy_labcorp_like(path: Path, rows: list[Row]) -> None:
    """LabCorp-like: Tests | Result | Flag | Units | Reference Interval | Lab; High/Low; x10E3/uL."""
    e = html.escape
    body = ["<h1>Patient Report</h1><div class=box>Patient: Sample, Jane Q &nbsp; DOB: 04/12/1961 &nbsp; "
            "Patient ID: 00482913 &nbsp; Specimen ID: 065-432-1098-0<br>Date Collected: 03/05/2024 &nbsp; "
            "Date Received: 03/05/2024 &nbsp; Date Reported: 03/06/2024 &nbsp; Ordered by: A Smith, MD</div>",
            "<table><tr><th>Tests</th><th>Result</th><th>Flag</th><th>Units</th><th>Reference Interval</th>"
            "<th>Lab</th></tr>"]
    panels = {"Chemistry": "Comp. Metabolic Panel (14)", "Hematology": "CBC With Differential/Platelet"}
    for head, r in _sections(rows, panels):
        if head:
            body.append(f"<tr><td class=sec colspan=6>{e(head)}</td></tr>")
        flag = _flag(r, "hl_word")
        body.append(f"<tr><td>{e(r.name)}</td><td>{e(r.printed)}</td><td class=f>{e(flag)}</td>"
                    f"<td>{e(r.unit)}</td><td>{e(_rng_text(r, 'tight'))}</td><td>01</td></tr>")
    body.append("</table><p>01 &nbsp; LabCorp-like Burlington, 1447 York Court, Burlington NC 27215-3361. "
                "Dir: Director, MD. For inquiries, the physician may contact Branch: 800-000-0000.</p>")
    weasy_pdf(path, "".join(body), LABCORP_CSS)


BILINGUAL_CSS = """@page{size:A4;margin:16mm}
body{font-family:'DejaVu Serif';font-size:9pt} h2{font-size:12pt}
table{border-collapse:collapse;width:100%} th{text-align:left;font-size:8pt;border:1px solid #666;
padding:3px;background:#eee} td{border:1px solid #999;padding:2px 4px} td.sec{font-style:italic}"""


def weasy_bilingual(path: Path, rows: list[Row]) -> None:
    """Spanish/English headers: Prueba/Test | Resultado/Result | */Flag | Unidades/Units | Referencia."""
    e = html.escape
    body = ["<h2>LABORATORIO CLÍNICO / CLINICAL LABORATORY</h2>",
            "<p>Paciente / Patient: Jane Q. Sample &nbsp; F. nac. / DOB: 12/04/1961 &nbsp; "
            "Historia / MRN: 00482913<br>Fecha de toma / Collected: 05/03/2024 07:45</p>",
            "<table><tr><th>Prueba / Test</th><th>Resultado / Result</th><th>Ind. / Flag</th>"
            "<th>Unidades / Units</th><th>Valores de referencia / Reference range</th></tr>"]
    for head, r in _sections(rows, {"Chemistry": "BIOQUÍMICA / CHEMISTRY", "Hematology": "HEMATOLOGÍA / HEMATOLOGY"}):
        if head:
            body.append(f"<tr><td class=sec colspan=5>{e(head)}</td></tr>")
        body.append(f"<tr><td>{e(r.name)}</td><td>{e(r.printed)}</td><td>{e(_flag(r, 'star'))}</td>"
                    f"<td>{e(r.unit)}</td><td>{e(_rng_text(r, 'dash'))}</td></tr>")
    body.append("</table><p>* Fuera del intervalo de referencia / outside the reference range. "
                "Validado por / Validated by: Dra. M. García.</p>")
    weasy_pdf(path, "".join(body), BILINGUAL_CSS)


# typst ---------------------------------------------------------------------------------------

def typst_pdf(path: Path, source: str) -> None:
    import typst  # heavy: the typst compiler (a native wheel); only the held-out layouts need it

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "r.typ"
        src.write_text(source, encoding="utf-8")
        typst.compile(str(src), output=str(path), font_paths=[str(DEJAVU.parent)])


def _ts(text: str) -> str:
    """A Typst string literal (no markup is interpreted inside it; in markup it is written ``#"…"``)."""
    return json.dumps(text, ensure_ascii=False)


def typst_hospital_lis(path: Path, rows: list[Row]) -> None:
    """Hospital LIS printout in SI units: Test | Result | Flag | Units | Ref. Range, monospaced."""
    cells = []
    for r in rows:
        cells += [r.name, r.printed, _critical(r), r.unit, _rng_text(r, "dash")]
    src = f"""#set page(paper: "a4", margin: (x: 16mm, y: 14mm))
#set text(font: "DejaVu Sans Mono", size: 8.5pt)
#text(size: 11pt, weight: "bold")[ST MARY'S GENERAL HOSPITAL - DEPARTMENT OF LABORATORY MEDICINE]
#linebreak()
#{_ts("Name: SAMPLE, Jane Q    Hosp No: 00482913    DOB: 12.04.1961    Sex: F    Ward: AMU")}
#linebreak()
#{_ts("Lab No: H24-0305-117    Collected: 05.03.2024 07:45    Reported: 05.03.2024 10:12")}
#v(6pt)
#table(columns: (auto, auto, auto, auto, auto), stroke: none, inset: (x: 4pt, y: 3pt), align: left,
  table.hline(stroke: 0.8pt),
  table.header([*Test*], [*Result*], [*Flag*], [*Units*], [*Ref. Range*]),
  table.hline(stroke: 0.5pt),
  {", ".join(_ts(c) for c in cells)},
  table.hline(stroke: 0.8pt))
#v(8pt)
#{_ts("HH/LL = critical value, telephoned to ward 10:15. Authorised by: Consultant Chemical Pathologist.")}
"""
    typst_pdf(path, src)


def typst_gp_letter(path: Path, rows: list[Row]) -> None:
    """A GP's referral letter with a results table inside: Test | Result (value, unit, ↑/↓) | Normal range."""
    cells = []
    for r in rows:
        cells += [r.name, f"{r.printed} {r.unit} {_flag(r, 'thin_arrow')}".strip(), _rng_text(r, "endash")]
    src = f"""#set page(paper: "a4", margin: 22mm)
#set text(size: 10.5pt)
#align(right)[#{_ts("Riverside Medical Practice")} \\ #{_ts("12 Mill Lane, Anytown AB1 2CD")} \\ #{_ts("5 March 2024")}]
#v(8pt)
#{_ts("Dr A. Smith, Consultant Physician, Anytown General Hospital")}
#v(8pt)
#{_ts("Dear Dr Smith,")}
#v(4pt)
#{_ts("Re: Jane Q. Sample, born 12 April 1961, NHS No 943 476 5919")}
#v(4pt)
#par(justify: true)[#{_ts("Thank you for seeing this 62-year-old lady with three months of tiredness and "
 "weight loss of about 4 kg. She takes ramipril 5 mg once daily and her blood pressure today was 138/86. "
 "Her recent blood results are below; I would be grateful for your opinion.")}]
#v(6pt)
#table(columns: (auto, auto, auto), stroke: 0.4pt + gray, inset: 4pt,
  table.header([*Test*], [*Result*], [*Normal range*]),
  {", ".join(_ts(c) for c in cells)})
#v(6pt)
#par(justify: true)[#{_ts("I have asked her to return for a repeat sample in 2 weeks. Please do not hesitate "
 "to contact me on 01234 567890.")}]
#v(10pt)
#{_ts("Yours sincerely,")}
#v(14pt)
#{_ts("Dr B. Jones, General Practitioner")}
"""
    typst_pdf(path, src)


# matplotlib ----------------------------------------------------------------------------------

def mpl_cumulative(path: Path, rows: list[Row]) -> None:
    """Cumulative report drawn with matplotlib's PDF backend: Test | Units | Ref. Range | three dates."""
    import matplotlib as mpl  # heavy: matplotlib; only the held-out layouts need it
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    W, H = 842.0, 595.0  # A4 landscape, points
    groups: dict[str, dict[str, Row]] = {}
    for r in rows:
        groups.setdefault(r.key, {})[r.when] = r
    with mpl.rc_context({"pdf.fonttype": 42, "font.family": "DejaVu Sans"}):
        fig = Figure(figsize=(W / 72, H / 72))

        def put(x: float, y: float, s: str, **kw) -> None:
            fig.text(x / W, y / H, s, fontsize=kw.pop("size", 8), **kw)

        def rule(y: float, lw: float = 0.6) -> None:
            fig.add_artist(Line2D([40 / W, (W - 40) / W], [y / H, y / H], color="black", lw=lw))

        put(40, H - 45, "CUMULATIVE LABORATORY REPORT", size=12, weight="bold")
        put(40, H - 62, "Patient: SAMPLE, Jane Q   DOB: 12/04/1961   MRN: 00482913   Location: Outpatients")
        cols = [(40, "Test", "left"), (230, "Units", "left"), (320, "Ref. Range", "left")]
        xs = [520, 620, 720]
        y = H - 95
        for x, h, ha in cols:
            put(x, y, h, weight="bold", ha=ha)
        for x, when in zip(xs, CUMULATIVE_DATES):
            put(x, y, when, weight="bold", ha="right")
        rule(y - 5)
        for byd in groups.values():
            y -= 17
            any_r = byd[CUMULATIVE_DATES[-1]]
            put(40, y, any_r.name)
            put(230, y, any_r.unit)
            put(320, y, _rng_text(any_r, "tight"))
            for x, when in zip(xs, CUMULATIVE_DATES):
                r = byd.get(when)
                put(x, y, "—" if r is None else f"{r.printed} {_flag(r, 'abn')}".strip(), ha="right")
        rule(y - 8)
        put(40, y - 26, "A = abnormal (outside the reference range). — = not requested on that date.", size=7)
        fig.savefig(str(path), format="pdf")


def _heldout_renderers() -> dict:
    return {"weasy_quest_like": weasy_quest_like, "weasy_labcorp_like": weasy_labcorp_like,
            "typst_hospital_lis": typst_hospital_lis, "typst_gp_letter": typst_gp_letter,
            "mpl_cumulative": mpl_cumulative, "weasy_bilingual": weasy_bilingual}


DOCS_PER_LAYOUT = 3


def build(out: Path, *, seed: int = 16, layouts: list[str] | None = None, render: bool = True) -> list[Truth]:
    """Write every layout's PDFs into ``out`` and return (and write) the truth.

    The held-out 2026 layouts first turn the drawn rows into what they print
    (``PREPARE``: SI units, other spellings, earlier dates' values), from the
    same seeded draw; the truth is those printed rows. ``render=False`` only
    plans the truth (no PDFs), e.g. to count results per split."""
    out.mkdir(parents=True, exist_ok=True)
    pool = _pool()
    wide = pool + _extra_tests(pool)
    truth: list[Truth] = []
    renderers = _layouts()
    if layouts and set(layouts) & set(DEV_ONLY):  # development-only layouts, by name only
        renderers |= (_tune_2026e_renderers() | _tune_2026f_renderers() | _tune_2026g_renderers()
                      | _tune_2026h_renderers() | _tune_2026i_renderers() | _tune_2026j_renderers()
                      | _tune_2026k_renderers() | _tune_2026l_renderers())
    for li, (layout, fn) in enumerate(renderers.items()):
        if layouts and layout not in layouts:
            continue
        later = HELDOUT_2026 + HELDOUT_2026B + TUNE_2026 + TUNE_2026C + TUNE_2026D + DEV_ONLY_BATCHES
        src = wide if layout in later else pool
        for d in range(DOCS_PER_LAYOUT):
            rng = random.Random(seed * 1000 + li * 10 + d)
            tests = rng.sample(src, k=min(len(src), rng.randint(9, 14)))
            rows = sorted((_draw(rng, t) for t in tests), key=lambda r: r.section)
            prepare = PREPARE.get(layout)
            if prepare is not None:
                rows = prepare(rows, rng)
            doc = f"{layout}_{d}.pdf"
            if render:
                fn(out / doc, rows)
            split = SPLIT.get(layout) or DEV_ONLY[layout]
            truth += [Truth(doc, layout, split, r.page, r.name, r.value, r.ucum, r.unit, r.low, r.high,
                            r.flag) for r in rows]
    (out / "truth.json").write_text(json.dumps([asdict(t) for t in truth], indent=1), encoding="utf-8")
    return truth


def load_truth(out: Path) -> list[Truth]:
    return [Truth(**t) for t in json.loads((out / "truth.json").read_text(encoding="utf-8"))]


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "labs-layouts")
    t = build(target)
    print(f"{len({x.doc for x in t})} PDFs, {len(t)} results in {target}")


# --- scanned copies ---------------------------------------------------------------------

SCAN_DPI = (200, 300)


def scan(src: Path, dst: Path, seed: int, *, rough: bool = False) -> None:
    """An image-only copy of ``src``: rasterised at 200 or 300 dpi, rotated by
    up to ±1°, blurred slightly, with sensor noise; no text layer. ``rough``
    (tune-only layouts): 200 dpi, up to ±2°, grey paper, JPEG-compressed."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    dpi = 200 if rough else rng.choice(SCAN_DPI)
    out = []
    for img in _raster(src, dpi):
        tilt = rng.uniform(-2.0, 2.0) if rough else rng.uniform(-1.0, 1.0)
        img = img.rotate(tilt, resample=Image.BICUBIC, expand=False, fillcolor=255)
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
        arr = np.asarray(img).astype(np.float32)
        if rough:  # grey paper: white becomes 200-230, ink stays dark
            arr = arr * rng.uniform(0.78, 0.9)
        arr += np.random.default_rng(seed).normal(0, rng.uniform(6, 14), arr.shape)
        page = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
        out.append(_jpeg(page, rng.randint(30, 60)) if rough else page)
    out[0].save(dst, "PDF", resolution=dpi, save_all=True, append_images=out[1:])


def _raster(src: Path, dpi: int) -> list:
    """Each page of ``src`` rendered to greyscale at ``dpi`` (pdfium), the first step of every scan."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(src))
    try:
        return [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()


def _jpeg(page, quality: int):
    """``page`` after a round trip through JPEG at ``quality`` (compression artefacts)."""
    import io

    from PIL import Image

    buf = io.BytesIO()
    page.save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


def build_scans(folder: Path, out: Path, docs_per_layout: int = 1) -> list[Truth]:
    """Scanned copies of the first ``docs_per_layout`` documents of each layout
    (the frozen ten keep their 2024 scan seeds; later tune layouts are scanned rough;
    the held-out 2026 layouts get their own seeds, every other one scanned rough)."""
    out.mkdir(parents=True, exist_ok=True)
    truth = load_truth(folder)
    have = {t.doc for t in truth}
    frozen = sorted(f"{layout}_{d}.pdf" for layout in FROZEN_LAYOUTS for d in range(docs_per_layout))
    batch_b = HELDOUT_2026B + TUNE_2026
    later = sorted(f"{layout}_{d}.pdf" for layout in SPLIT
                   if layout not in FROZEN_LAYOUTS + HELDOUT_2026 + batch_b + TUNE_2026C + TUNE_2026D
                   + DEV_ONLY_BATCHES
                   for d in range(docs_per_layout))
    batch_c = sorted(f"{layout}_{d}.pdf" for layout in TUNE_2026C for d in range(docs_per_layout))
    batch_d = sorted(f"{layout}_{d}.pdf" for layout in TUNE_2026D for d in range(docs_per_layout))
    batch_e = sorted(f"{layout}_{d}.pdf" for layout in TUNE_2026E for d in range(docs_per_layout))
    batch_f = sorted(f"{layout}_{d}.pdf" for layout in TUNE_2026F for d in range(docs_per_layout))
    batch_g = sorted(f"{layout}_{d}.pdf" for layout in TUNE_2026G for d in range(docs_per_layout))
    batch_h = sorted(f"{layout}_{d}.pdf" for layout in TUNE_2026H for d in range(docs_per_layout))
    batch_i = sorted(f"{layout}_{d}.pdf" for layout in TUNE_2026I for d in range(docs_per_layout))
    batch_j = sorted(f"{layout}_{d}.pdf" for layout in TUNE_2026J for d in range(docs_per_layout))
    batch_k = sorted(f"{layout}_{d}.pdf" for layout in TUNE_2026K for d in range(docs_per_layout))
    batch_l = sorted(f"{layout}_{d}.pdf" for layout in TUNE_2026L for d in range(docs_per_layout))
    held_b = sorted(f"{layout}_{d}.pdf" for layout in batch_b for d in range(docs_per_layout))
    held = sorted(f"{layout}_{d}.pdf" for layout in HELDOUT_2026 for d in range(docs_per_layout))
    for i, doc in enumerate(frozen):
        if doc in have:
            scan(folder / doc, out / doc, seed=1600 + i)
    for i, doc in enumerate(later):
        if doc in have:
            scan(folder / doc, out / doc, seed=1700 + i, rough=True)
    for i, doc in enumerate(held):
        if doc in have:
            scan(folder / doc, out / doc, seed=1800 + i, rough=i % 2 == 1)
    for i, doc in enumerate(held_b):  # 2026 batch B and its tune layouts: every other one rough
        if doc in have:
            scan(folder / doc, out / doc, seed=1900 + i, rough=i % 2 == 0)
    for i, doc in enumerate(batch_c):  # tune-only cumulative reports (2026 C): own seeds, every other one rough
        if doc in have:
            scan(folder / doc, out / doc, seed=2000 + i, rough=i % 2 == 0)
    for i, doc in enumerate(batch_d):  # tune-only 2026 D: own seeds, every other one rough
        if doc in have:
            scan(folder / doc, out / doc, seed=2100 + i, rough=i % 2 == 1)
    for i, doc in enumerate(batch_e):  # tune-only 2026 E: own seeds, every other one rough
        if doc in have:
            scan(folder / doc, out / doc, seed=2200 + i, rough=i % 2 == 0)
    for i, doc in enumerate(batch_f):  # development-only 2026 F: own seeds, every other one rough
        if doc in have:
            scan(folder / doc, out / doc, seed=2300 + i, rough=i % 2 == 1)
    for i, doc in enumerate(batch_g):  # development-only 2026 G: own seeds, every other one rough
        if doc in have:
            scan(folder / doc, out / doc, seed=2400 + i, rough=i % 2 == 0)
    for i, doc in enumerate(batch_h):  # development-only 2026 H: own seeds, every other one rough
        if doc in have:
            scan(folder / doc, out / doc, seed=2500 + i, rough=i % 2 == 1)
    for i, doc in enumerate(batch_i):  # development-only 2026 I: own seeds, every other one rough
        if doc in have:
            scan(folder / doc, out / doc, seed=3000 + i, rough=i % 2 == 0)
    for i, doc in enumerate(batch_j):  # development-only 2026 J: own seeds, every other one rough
        if doc in have:
            scan(folder / doc, out / doc, seed=3500 + i, rough=i % 2 == 1)
    for i, doc in enumerate(batch_k):  # development-only 2026 K: own seeds; the faxed printout by fax
        if doc in have and doc.startswith("pydyf_fax"):
            fax_scan(folder / doc, out / doc, seed=4000 + i)
        elif doc in have:
            scan(folder / doc, out / doc, seed=4000 + i, rough=i % 2 == 1)
    for i, doc in enumerate(batch_l):  # development-only 2026 L: own seeds; the microbiology mix at 150 dpi
        if doc in have and doc.startswith("fpdf_micro"):
            low_scan(folder / doc, out / doc, seed=5000 + i)
        elif doc in have:
            scan(folder / doc, out / doc, seed=5000 + i, rough=i % 2 == 1)
    keep = (set(frozen) | set(later) | set(held) | set(held_b) | set(batch_c) | set(batch_d) | set(batch_e)
            | set(batch_f) | set(batch_g) | set(batch_h) | set(batch_i) | set(batch_j) | set(batch_k) | set(batch_l))
    picked = [t for t in truth if t.doc in keep]
    (out / "truth.json").write_text(json.dumps([asdict(t) for t in picked], indent=1), encoding="utf-8")
    return picked


# --- held out for test, 2026 batch B (frozen before the generalising parser work) ------------
#
# Four more vendor styles the reader was never run on while it was tuned, from the
# held-out engines (weasyprint, typst, chromium, matplotlib): two result tables side by
# side with the range in brackets after the value; an unruled table with footnote
# markers on values, comment rows and flags as words (HIGH / LOW / CRITICAL); a panel
# printed transposed (tests as columns, units in their own header row); and a
# two-page report with the header repeated on each page and ``<`` / ``>`` qualifiers.

HELDOUT_2026B = ("weasy_side_by_side", "typst_footnotes_words", "html_units_header_row", "mpl_multipage_qualifiers")

# Added at the same time for tuning only (reportlab / fpdf2), real-world styles:
# an NHS-style pathology printout, an fpdf2 LIS report over several pages, a
# transposed panel grid, and a two-up summary with ranges in brackets.
TUNE_2026 = ("rl_nhs_pathology", "fpdf_lis_multipage", "rl_panel_transposed", "fpdf_two_up_paren",
             "fpdf_unknown_headers")

SPLIT.update({k: "test" for k in HELDOUT_2026B})
SPLIT.update({k: "tune" for k in TUNE_2026})

SUPERSCRIPT = "¹²³"


def _words_flag(r: Row) -> str:
    """HIGH / LOW, CRITICAL when far outside (the direction is left to the range)."""
    c = _critical(r)
    return "CRITICAL" if len(c) == 2 else {"H": "HIGH", "L": "LOW"}.get(c, "")


def _qualified(rows: list[Row], rng: random.Random, share: float = 0.25) -> list[Row]:
    """Some results printed with a ``<`` / ``>`` qualifier (below / above the
    measuring range); the value is the printed number, the flag follows from it."""
    out = []
    for r in rows:
        if rng.random() < share:
            d = _decimals(r.low, r.high)
            if r.low is not None and r.low > 0:
                num = f"{r.low * 0.5:.{d}f}"
                if float(num) > 0:
                    r = _with_flag(replace(r, value=float(num), printed=f"<{num}"))
            elif r.high is not None:
                num = f"{r.high * 1.5:.{d}f}"
                r = _with_flag(replace(r, value=float(num), printed=f">{num}"))
        out.append(r)
    return out


def _paged(rows: list[Row], per_page: int) -> list[Row]:
    return [replace(r, page=i // per_page + 1) for i, r in enumerate(rows)]


def _footnoted(rows: list[Row], rng: random.Random) -> list[Row]:
    """A footnote marker glued to some printed values (the value is unchanged)."""
    return [replace(r, printed=r.printed + rng.choice(SUPERSCRIPT)) if rng.random() < 0.3 else r for r in rows]


SIDE_CSS = """@page{size:A4;margin:14mm}
body{font-family:'DejaVu Sans';font-size:8pt} h3{margin:0 0 6px}
.two{display:flex;gap:14px} .two table{border-collapse:collapse;width:50%}
th{text-align:left;border-bottom:1px solid #000;padding:2px 3px} td{padding:2px 3px}"""


def weasy_side_by_side(path: Path, rows: list[Row]) -> None:
    """Two tables side by side: Test | Result (value, H/L, range in brackets) | Units."""
    e = html.escape
    half = (len(rows) + 1) // 2

    def table(part: list[Row]) -> str:
        body = "".join(f"<tr><td>{e(r.name)}</td><td>{e(r.printed)} {e(_flag(r, 'hl'))} "
                       f"({e(_rng_text(r, 'tight'))})</td><td>{e(r.unit)}</td></tr>" for r in part)
        return f"<table><tr><th>Test</th><th>Result (ref.)</th><th>Units</th></tr>{body}</table>"

    head = " &nbsp; ".join(f"{k}: {e(v)}" for k, v in PATIENT)
    weasy_pdf(path, f"<h3>Northgate Laboratories - Summary</h3><p>{head}</p>"
                    f"<div class=two>{table(rows[:half])}{table(rows[half:])}</div>"
                    "<p>H/L = above/below the reference interval shown in brackets.</p>", SIDE_CSS)


def typst_footnotes_words(path: Path, rows: list[Row]) -> None:
    """Unruled: Test | Result (footnote markers) | Units | Reference Range | Status (HIGH/LOW/CRITICAL),
    with a comment row under some results and footnotes under the table."""
    cells = []
    for i, r in enumerate(rows):
        cells += [_ts(r.name), _ts(r.printed), _ts(r.unit), _ts(_rng_text(r, "dash")), _ts(_words_flag(r))]
        if i % 4 == 2:
            cells.append("table.cell(colspan: 5, text(style: \"italic\", "
                         + _ts("Comment: sample received 6 h after collection; interpret with caution.") + "))")
    src = f"""#set page(paper: "us-letter", margin: 18mm)
#set text(font: "DejaVu Serif", size: 9pt)
#text(size: 12pt, weight: "bold")[#{_ts("VALLEY REFERENCE LABORATORY")}]
#linebreak()
#{_ts("Patient: Jane Q. Sample   DOB: 1961-04-12   MRN: 00482913   Collected: 2024-03-05 07:45")}
#v(8pt)
#table(columns: 5, stroke: none, inset: (x: 5pt, y: 3pt), align: left,
  table.header([*Test*], [*Result*], [*Units*], [*Reference Range*], [*Status*]),
  {", ".join(cells)})
#v(6pt)
#text(size: 7.5pt)[#{_ts("¹ Repeated and confirmed.  ² Haemolysis index 1+.  ³ Lipaemic sample. CRITICAL = telephoned.")}]
"""
    typst_pdf(path, src)


UNITS_ROW_CSS = """<style>table.tp{border-collapse:collapse;margin-bottom:10px;width:100%}
table.tp td,table.tp th{border:1px solid #888;padding:2px 4px;text-align:center;font-size:8.5pt}
table.tp th.lab,table.tp td.lab{text-align:left;font-weight:bold;background:#eee}</style>"""


def html_units_header_row(path: Path, rows: list[Row]) -> None:
    """Transposed panel: tests as columns; a header row of units, then results, then ranges."""
    e = html.escape
    parts = [UNITS_ROW_CSS, _html_head("Haematology &amp; Biochemistry - Panel View")]
    for i in range(0, len(rows), 5):
        chunk = rows[i:i + 5]
        line = [("Test", [r.name for r in chunk]), ("Units", [r.unit for r in chunk]),
                ("Result", [f"{r.printed} {_flag(r, 'hl')}".strip() for r in chunk]),
                ("Reference", [_rng_text(r, "dash") for r in chunk])]
        trs = "".join("<tr><td class=lab>" + e(lab) + "</td>" + "".join(f"<td>{e(c)}</td>" for c in cs) + "</tr>"
                      for lab, cs in line)
        parts.append(f"<table class=tp>{trs}</table>")
    html_pdf(path, "".join(parts))


MULTIPAGE_PER_PAGE = 7


def mpl_multipage_qualifiers(path: Path, rows: list[Row]) -> None:
    """Two pages or more, header repeated on each; ``<``/``>`` qualifiers; HIGH/LOW words."""
    import matplotlib as mpl  # heavy: matplotlib; only the held-out layouts need it
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    W, H = 595.0, 842.0
    pages = sorted({r.page for r in rows})
    with mpl.rc_context({"pdf.fonttype": 42, "font.family": "DejaVu Sans"}), PdfPages(str(path)) as pdf:
        for p in pages:
            fig = Figure(figsize=(W / 72, H / 72))

            def put(x: float, y: float, s: str, **kw) -> None:
                fig.text(x / W, y / H, s, fontsize=kw.pop("size", 9), **kw)

            put(40, H - 50, "LAKESIDE CLINICAL LABORATORY", size=13, weight="bold")
            put(40, H - 66, "Patient: Jane Q. Sample   DOB: 1961-04-12   MRN: 00482913")
            put(40, H - 80, f"Collected: 2024-03-05 07:45      Page {p} of {len(pages)}")
            y = H - 120
            for x, h in ((40, "Test"), (250, "Result"), (320, "Flag"), (380, "Units"), (470, "Reference")):
                put(x, y, h, weight="bold")
            fig.add_artist(Line2D([40 / W, (W - 40) / W], [(y - 5) / H] * 2, color="black", lw=0.7))
            for r in (r for r in rows if r.page == p):
                y -= 34
                put(40, y, r.name)
                put(300, y, r.printed, ha="right")
                put(320, y, {"H": "HIGH", "L": "LOW"}.get(r.flag, ""))
                put(380, y, r.unit)
                put(470, y, _rng_text(r, "to"))
            put(40, 60, "< / > : below / above the measuring range of the method.", size=7)
            pdf.savefig(fig)


def _heldout_2026b_renderers() -> dict:
    return {"weasy_side_by_side": weasy_side_by_side, "typst_footnotes_words": typst_footnotes_words,
            "html_units_header_row": html_units_header_row, "mpl_multipage_qualifiers": mpl_multipage_qualifiers}


PREPARE.update({
    "typst_footnotes_words": _footnoted,
    "mpl_multipage_qualifiers": lambda rows, rng: _paged(_qualified(rows, rng), MULTIPAGE_PER_PAGE),
})


# --- tune-only, 2026 (reportlab / fpdf2) -----------------------------------------------------

def rl_nhs_pathology(path: Path, rows: list[Row]) -> None:
    """NHS-style printout, unruled: name, value (qualifiers), unit, (low - high), word flag;
    department headings and comment lines between results."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    font = _rl_fonts()
    y = _canvas_head(c, "PATHOLOGY REPORT - CLINICAL BIOCHEMISTRY / HAEMATOLOGY", A4[1] - 50)
    last = None
    for i, r in enumerate(rows):
        if r.section != last:
            c.setFont("Helvetica-Bold", 9)
            y -= 18
            c.drawString(40, y, r.section.upper())
            last = r.section
        c.setFont(font, 9)
        y -= 13
        c.drawString(48, y, r.name)
        c.drawRightString(270, y, r.printed)
        c.drawString(280, y, r.unit)
        c.drawString(370, y, f"({_rng_text(r, 'dash')})")
        c.drawString(470, y, _words_flag(r))
        if i % 5 == 3:
            y -= 12
            c.setFont("Helvetica-Oblique", 8)
            c.drawString(60, y, "Please note new reference range from 01/02/2024.")
    c.setFont("Helvetica", 7)
    c.drawString(40, y - 30, "Reported by: Consultant Biochemist. < / > = outside the measuring range.")
    c.showPage()
    c.save()


FPDF_PER_PAGE = 6


def fpdf_lis_multipage(path: Path, rows: list[Row]) -> None:
    """fpdf2 LIS report, one table per page with its header repeated: Flag | Test | Result | Reference | Units;
    flags as words (High / Low / Crit), a dagger on some values, 'Page n of m'."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF()
    pdf.add_font("F", "", str(DEJAVU))
    pdf.add_font("F", "B", str(DEJAVU.with_name("DejaVuSans-Bold.ttf")))
    pages = sorted({r.page for r in rows})
    for p in pages:
        pdf.add_page()
        pdf.set_font("F", "B", 12)
        pdf.cell(0, 7, "MERIDIAN HEALTH LABORATORY SERVICES", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("F", "", 8)
        pdf.cell(0, 4.5, "   ".join(f"{k}: {v}" for k, v in PATIENT[:4]) + f"   Page {p} of {len(pages)}",
                  new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_font("F", "", 9)
        with pdf.table(borders_layout="SINGLE_TOP_LINE", text_align="LEFT", headings_style=FontFace(emphasis="BOLD"),
                       line_height=6, col_widths=(14, 50, 20, 30, 24)) as table:
            table.row(["Flag", "Test", "Result", "Reference", "Units"])
            for r in (r for r in rows if r.page == p):
                crit = _critical(r)
                word = "Crit" if len(crit) == 2 else {"H": "High", "L": "Low"}.get(crit, "")
                table.row([word, r.name, r.printed, _rng_text(r, "endash"), r.unit])
        pdf.ln(3)
        pdf.set_font("F", "", 7)
        pdf.multi_cell(0, 4, "† Result verified by repeat analysis. Crit = critical value, phoned to requester.")
    pdf.output(str(path))


def rl_panel_transposed(path: Path, rows: list[Row]) -> None:
    """A ruled panel grid, tests as columns: Analyte / Unit / Result / Ref. interval rows."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _rl_fonts()
    st = getSampleStyleSheet()
    story = [Paragraph("Renal / Liver / Bone Profile", st["Title"]),
             Paragraph(" &nbsp; ".join(f"{k}: {v}" for k, v in PATIENT), st["Normal"]), Spacer(1, 8)]
    for i in range(0, len(rows), 6):
        chunk = rows[i:i + 6]
        data = [["Analyte", *[r.name for r in chunk]], ["Unit", *[r.unit for r in chunk]],
                ["Result", *[f"{r.printed} {_flag(r, 'star_hl')}".strip() for r in chunk]],
                ["Ref. interval", *[_rng_text(r, "endash") for r in chunk]]]
        t = Table(data)
        t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 8),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                               ("BACKGROUND", (0, 0), (0, -1), colors.lightgrey)]))
        story += [t, Spacer(1, 10)]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)


def fpdf_two_up_paren(path: Path, rows: list[Row]) -> None:
    """Two-up summary written cell by cell: name, value with ▲/▼, unit, (range) — twice per line."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("F", "", str(DEJAVU.with_name("DejaVuSansCondensed.ttf")))
    pdf.add_font("F", "B", str(DEJAVU.with_name("DejaVuSansCondensed-Bold.ttf")))
    pdf.set_font("F", "B", 12)
    pdf.cell(0, 7, "Results at a glance", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("F", "", 8)
    pdf.cell(0, 4.5, "   ".join(f"{k}: {v}" for k, v in PATIENT[:3]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    half = (len(rows) + 1) // 2
    y0 = pdf.get_y()
    for x0, part in ((10, rows[:half]), (106, rows[half:])):
        pdf.set_xy(x0, y0)
        pdf.set_font("F", "B", 8)
        for w, h in ((38, "Test"), (16, "Result"), (16, "Unit"), (22, "Ref.")):
            pdf.cell(w, 5, h)
        for r in part:
            pdf.set_xy(x0, pdf.get_y() + 5.5)
            size = 8.0
            pdf.set_font("F", "", size)
            while pdf.get_string_width(r.name) > 37 and size > 5:  # shrink a long name to fit its cell
                size -= 0.5
                pdf.set_font("F", "", size)
            pdf.cell(38, 5, r.name)
            pdf.set_font("F", "", 8)
            pdf.cell(16, 5, f"{r.printed} {_flag(r, 'arrow')}".strip())
            pdf.cell(16, 5, r.unit)
            pdf.cell(22, 5, f"({_rng_text(r, 'tight')})")
    pdf.output(str(path))


METHODS = ("ISE", "Enzymatic", "Photometry", "Immunoassay", "Flow cytometry")


def _tune_2026_renderers() -> dict:
    return {"rl_nhs_pathology": rl_nhs_pathology, "fpdf_lis_multipage": fpdf_lis_multipage,
            "rl_panel_transposed": rl_panel_transposed, "fpdf_two_up_paren": fpdf_two_up_paren,
            # header words the reader has no list for (Procedure, Outcome) and extra columns (Method, Lab)
            "fpdf_unknown_headers": lambda p, rows: fpdf_styled(
                p, rows, ["Procedure", "Outcome", "Units", "Normal Values", "Method", "Lab"],
                lambda r: [r.name, f"{r.printed} {_flag(r, 'hl')}".strip(), r.unit, _rng_text(r, "dash"),
                           METHODS[len(r.name) % len(METHODS)], "01"], font="DejaVuSans", grey_rows=False,
                font_size=8)}


PREPARE.update({
    "rl_nhs_pathology": _qualified,
    "fpdf_lis_multipage": lambda rows, rng: _paged([replace(r, printed=r.printed + "†") if rng.random() < 0.2
                                                    else r for r in rows], FPDF_PER_PAGE),
})


# Layouts frozen together, reported pooled as well as by split (``carepath eval labs --json``: by_batch).
BATCHES: dict[str, tuple[str, ...]] = {
    "test_2024": tuple(k for k in FROZEN_LAYOUTS if SPLIT[k] == "test"),
    "test_2026": HELDOUT_2026,
    "test_2026b": HELDOUT_2026B,
    "tune_2024": tuple(k for k in FROZEN_LAYOUTS if SPLIT[k] == "tune"),
    "tune_later": tuple(k for k in SPLIT if SPLIT[k] == "tune" and k not in FROZEN_LAYOUTS + TUNE_2026),
    "tune_2026": TUNE_2026,
}


# --- tune-only 2026 C: cumulative reports ------------------------------------------------------
#
# A cumulative report prints one line per test and one column per collection date, the
# way a hospital LIS prints a patient's trend. These two are for tuning only (reportlab,
# fpdf2), written with other date notations, column orders, "not done" marks and flag
# styles than anything held out: a ruled grid with day-first dates before the units,
# blank cells for tests not requested and the flag inside the value cell ("5.9 H"); an
# unruled fpdf2 table with ISO date-times after the range, "n/a" cells and ``*`` flags.

TUNE_2026C = ("rl_cumulative_grid", "fpdf_cumulative_iso")
SPLIT.update({k: "tune" for k in TUNE_2026C})
GRID_DATES = ("10/01/2024", "14/02/2024", "05/03/2024")
ISO_DATES = ("2023-11-02 08:15", "2024-01-17 09:02", "2024-03-05 07:45")


def _cumulative_on(dates: tuple[str, ...], skip: float = 0.2):
    """``_cumulative`` with other collection dates: the earlier ones drawn around the last value."""
    def prepare(rows: list[Row], rng: random.Random) -> list[Row]:
        out = []
        for r in rows:
            d = _decimals(r.low, r.high)
            for when in dates[:-1]:
                if rng.random() < skip:
                    continue
                printed = f"{r.value * rng.uniform(0.7, 1.35):.{d}f}"
                out.append(_with_flag(replace(r, value=float(printed), printed=printed, when=when)))
            out.append(replace(r, when=dates[-1]))
        return out
    return prepare


def _by_test(rows: list[Row], last: str) -> tuple[dict[str, dict[str, Row]], list[Row]]:
    """test key → date → row, and one row per test (its latest) to lay out the lines."""
    groups: dict[str, dict[str, Row]] = {}
    for r in rows:
        groups.setdefault(r.key, {})[r.when] = r
    return groups, [byd[last] for byd in groups.values()]


def rl_cumulative_grid(path: Path, rows: list[Row]) -> None:
    """Ruled grid: Test | three day-first dates | Units | Reference Range; blank = not requested."""
    groups, lines = _by_test(rows, GRID_DATES[-1])

    def cell(r: Row | None) -> str:
        return "" if r is None else f"{r.printed} {_flag(r, 'hl')}".strip()

    rl_table(path, lines, ["Test", *GRID_DATES, "Units", "Reference Range"],
             lambda r: [r.name, *(cell(groups[r.key].get(d)) for d in GRID_DATES), r.unit, _rng_text(r, "dash")],
             grid=True, title="Cumulative Results Summary")


def fpdf_cumulative_iso(path: Path, rows: list[Row]) -> None:
    """Unruled fpdf2 table: Analyte | Ref. Interval | Units | three ISO date-times; n/a = not done."""
    groups, lines = _by_test(rows, ISO_DATES[-1])

    def cell(r: Row | None) -> str:
        return "n/a" if r is None else f"{r.printed}{_flag(r, 'star')}"

    fpdf_styled(path, lines, ["Analyte", "Ref. Interval", "Units", *ISO_DATES],
                lambda r: [r.name, _rng_text(r, "endash"), r.unit, *(cell(groups[r.key].get(d)) for d in ISO_DATES)],
                font="DejaVuSansCondensed", grey_rows=False, font_size=8)


def _tune_2026c_renderers() -> dict:
    return {"rl_cumulative_grid": rl_cumulative_grid, "fpdf_cumulative_iso": fpdf_cumulative_iso}


BATCHES["tune_2026c"] = TUNE_2026C
PREPARE.update({"rl_cumulative_grid": _cumulative_on(GRID_DATES), "fpdf_cumulative_iso": _cumulative_on(ISO_DATES)})


# --- tune-only 2026 D: results not set out as one row per result -------------------------------
#
# Four more real-world styles for tuning only (reportlab, fpdf2: the held-out engines stay
# held out), each printing results a way no earlier layout does:
#
# * a patient-portal page: one card per result (name on its own line, the value large with
#   a small unit beside it, "Standard range: ..." under it, "Above range" / "Below range"
#   beside the value, an occasional comment), several pages;
# * a table whose test names carry their unit in brackets ("Glucose (mg/dL)", no unit
#   column), the flag column left of the name, ranges in words ("70 to 99", "Up to 40",
#   "60 or above", "≤ 5.0") and section and comment rows spanning the table;
# * a two-line row: the reference range printed small under the value, abnormal values only
#   in bold (no flag letter: the flag follows from the range), section headings and specimen lines;
# * a European printout with decimal commas in values and ranges ("4,5", "3,5 - 5,0").

TUNE_2026D = ("rl_portal_cards", "fpdf_units_in_names", "rl_range_under_value", "fpdf_decimal_comma")
SPLIT.update({k: "tune" for k in TUNE_2026D})
CARDS_PER_PAGE = 7


def _limit_text(r: Row) -> Callable[[float], str]:
    """How this row's limits are printed (the decimals of ``_rng_text``)."""
    d = _decimals(r.low, r.high)
    return (lambda x: f"{x:.{d}f}") if d else (lambda x: f"{x:g}")


def _rng_words(r: Row, i: int) -> str:
    """Ranges in words and symbols, varied by row: "70 to 99", "Up to 40", "≤ 5.0", "60 or above", "≥ 60"."""
    f = _limit_text(r)
    if r.low is not None and r.high is not None:
        return f"{f(r.low)} to {f(r.high)}"
    if r.high is not None:
        return (f"Up to {f(r.high)}", f"≤ {f(r.high)}", f"Less than {f(r.high)}")[i % 3]
    return (f"{f(r.low)} or above", f"≥ {f(r.low)}", f"> {f(r.low)}")[i % 3]


def _portal_range(r: Row) -> str:
    """The portal's "Standard range" line: "70 - 99 mg/dL", "Up to 40 U/L", "> OR = 60 mL/min/1.73m²"."""
    f = _limit_text(r)
    if r.low is not None and r.high is not None:
        return f"Standard range: {f(r.low)} - {f(r.high)} {r.unit}"
    if r.high is not None:
        return f"Standard range: Up to {f(r.high)} {r.unit}"
    return f"Standard range: > OR = {f(r.low)} {r.unit}"


def rl_portal_cards(path: Path, rows: list[Row]) -> None:
    """Patient portal: one card per result, the value in large type with its unit small beside it."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=LETTER)
    font = _rl_fonts()
    pages = sorted({r.page for r in rows})
    for p in pages:
        y = LETTER[1] - 50
        c.setFont("Helvetica-Bold", 14)
        c.drawString(50, y, "MyHealth Online - Test Results")
        c.setFont("Helvetica", 8.5)
        c.drawString(50, y - 14, "Jane Q. Sample  |  Collected Mar 5, 2024 7:45 AM  |  Ordered by Dr. A. Smith")
        c.drawRightString(560, y - 14, f"Page {p} of {len(pages)}")
        y -= 36
        for i, r in enumerate(r for r in rows if r.page == p):
            c.setStrokeGray(0.8)
            c.line(50, y, 560, y)
            y -= 18
            c.setFont("Helvetica-Bold", 11)
            c.drawString(56, y, r.name)
            y -= 24
            c.setFont("Helvetica-Bold", 18)
            c.drawString(56, y, r.printed)
            c.setFont(font, 9)
            c.drawString(56 + stringWidth(r.printed, "Helvetica-Bold", 18) + 5, y, r.unit)
            word = {"H": "Above range", "L": "Below range"}.get(r.flag)
            if word:
                c.setFont("Helvetica-Bold", 9)
                c.drawString(230, y, word)
            y -= 15
            c.setFont(font, 8.5)
            c.drawString(56, y, _portal_range(r))
            if i % 4 == 1:
                y -= 12
                c.setFont("Helvetica-Oblique", 8)
                c.drawString(56, y, "Comment: Specimen slightly haemolysed; interpret with caution.")
            y -= 14
        c.setFont("Helvetica", 7)
        c.drawString(50, 40, "Your care team will contact you about any results that need follow-up.")
        c.showPage()
    c.save()


def fpdf_units_in_names(path: Path, rows: list[Row]) -> None:
    """fpdf2 table: Flag | Test (units) | Result | Reference; the unit in brackets after the name,
    ranges in words, a section row per department and a comment row now and then."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("F", "", str(DEJAVU))
    pdf.add_font("F", "B", str(DEJAVU.with_name("DejaVuSans-Bold.ttf")))
    pdf.add_font("F", "I", str(DEJAVU.with_name("DejaVuSans-Oblique.ttf")))
    pdf.set_font("F", "B", 12)
    pdf.cell(0, 7, "NORTHFIELD COMMUNITY LABORATORY", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("F", "", 8)
    pdf.cell(0, 4.5, "   ".join(f"{k}: {v}" for k, v in PATIENT[:4]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("F", "", 8.5)
    comments = ("Note: specimen haemolysed; potassium may be falsely raised.", "Fasting sample.",
                "Note: result confirmed on repeat analysis.")
    last = None
    with pdf.table(borders_layout="HORIZONTAL_LINES", text_align="LEFT", headings_style=FontFace(emphasis="BOLD"),
                   line_height=5, col_widths=(12, 70, 22, 36)) as table:
        table.row(["Flag", "Test (units)", "Result", "Reference"])
        for i, r in enumerate(rows):
            if r.section != last:
                table.row().cell(r.section.upper(), colspan=4, style=FontFace(emphasis="BOLD"))
                last = r.section
            table.row([{"H": "HI", "L": "LO"}.get(r.flag, ""), f"{r.name} ({r.unit})", r.printed, _rng_words(r, i)])
            if i % 5 == 2:
                table.row().cell(comments[i % 3], colspan=4, style=FontFace(emphasis="ITALICS"))
    pdf.output(str(path))


def rl_range_under_value(path: Path, rows: list[Row]) -> None:
    """Two lines per result: name, value, unit; the range small under the value. Abnormal values
    are printed bold, with no flag letter; department headings and a specimen line between."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    font = _rl_fonts()
    bold = _rl_font("DejaVuBold", "DejaVuSans-Bold.ttf")
    y = _canvas_head(c, "DEPARTMENT OF PATHOLOGY - FINAL REPORT", A4[1] - 50)
    c.setFont("Helvetica-Bold", 9)
    for x, h in ((40, "Test"), (280, "Result"), (350, "Units")):
        c.drawString(x, y, h)
    c.line(40, y - 4, 520, y - 4)
    last = None
    for r in rows:
        if r.section != last:
            y -= 20
            c.setFont("Helvetica-Bold", 9)
            c.drawString(40, y, r.section.upper())
            y -= 11
            c.setFont("Helvetica", 7.5)
            c.drawString(40, y, f"Specimen: {'Whole blood EDTA' if r.section == 'Hematology' else 'Serum'}"
                                "   Collected 05/03/24 07:45")
            last = r.section
        y -= 16
        c.setFont(font, 9)
        c.drawString(48, y, r.name)
        c.setFont(bold if r.flag != "normal" else font, 9)
        c.drawString(280, y, r.printed)
        c.setFont(font, 9)
        c.drawString(350, y, r.unit)
        c.setFont(font, 7)
        c.drawString(280, y - 9, f"({_rng_text(r, 'dash')})")
        y -= 8
    c.setFont("Helvetica", 7)
    c.drawString(40, y - 28, "Results outside the reference range are printed in bold.")
    c.showPage()
    c.save()


def _comma(text: str) -> str:
    """A number as a European lab prints it: decimal comma."""
    return text.replace(".", ",")


def fpdf_decimal_comma(path: Path, rows: list[Row]) -> None:
    """European printout: Analysis | Result | Unit | Reference values | Flag, decimal commas."""
    def cells(r: Row) -> list[str]:
        rng = _rng_text(r, "dash")
        return [r.name, _comma(r.printed), r.unit, _comma(rng), _flag(r, "hl")]

    fpdf_styled(path, rows, ["Analysis", "Result", "Unit", "Reference values", "Flag"], cells,
                font="DejaVuSansCondensed", grey_rows=False, font_size=8.5)


def _tune_2026d_renderers() -> dict:
    return {"rl_portal_cards": rl_portal_cards, "fpdf_units_in_names": fpdf_units_in_names,
            "rl_range_under_value": rl_range_under_value, "fpdf_decimal_comma": fpdf_decimal_comma}


BATCHES["tune_2026d"] = TUNE_2026D
PREPARE.update({"rl_portal_cards": lambda rows, rng: _paged(rows, CARDS_PER_PAGE)})


# --- tune-only 2026 E: house unit spellings, method and status lines ----------------------------
#
# Three more real-world styles for tuning only (reportlab, fpdf2), with conventions no earlier
# layout prints:
#
# * a South-Asian private-lab report: "Investigation | Observed Value | Unit | Biological
#   Reference Interval", the method in small italics under the test name ("(Photometry)"),
#   "Sample: Serum" lines under department headings, house units ("gm/dl", "gm%",
#   "cells/cumm", "/cumm", "lakhs/cumm", "mill/cumm", "x10^3/µl", "IU/L", "fl") with counts printed in
#   those units (WBC 7350 /cumm, platelets 2.5 lakhs/cumm = 2.5 x 10^5/µL), "H"/"L" after
#   bold abnormal values;
# * an Epic MyChart-like print: "Component | Your Value | Standard Range | Flag", the unit
#   inside the value cell ("4.5 x10E3/uL") and after the range, a "- Final result" line and a
#   "Specimen: Blood" line per panel, "See Note" or "Not established" instead of some ranges;
# * a hospital table with "In Range" / "Out Of Range" result columns (H / L beside the values
#   out of range) and a Status column ("Final" / "Corrected"), "Specimen: Blood" rows,
#   "Reference range not established" for some tests and, under a corrected result, the
#   value it replaced ("Previously reported as 4.8").
#
# The truth is the printed value in the printed unit's UCUM code: cumm is mm³ = µL, so
# "cells/cumm" and "/cumm" are "/uL", "mill/cumm" is "10*6/uL", "lakhs/cumm" is "10*5/uL"
# (1 lakh = 10^5), "gm%" is g per 100 mL = "g/dL", "IU/L" is "[IU]/L". These codes are
# written here, not taken from carepath's ucum module.

TUNE_2026E = ("rl_indian_investigation", "fpdf_mychart_component", "rl_status_column")
# Development-only (split "dev"): never in the default build, the reported figures or ``SPLIT``.
# Three more tune layouts would take the frozen test split under 40% of the bench's results
# (567 of 1537), so these are built only when asked for by name (their tests, the reader's
# development); their seeds follow every layout of ``SPLIT``, as if appended to it.
DEV_ONLY: dict[str, str] = {k: "dev" for k in TUNE_2026E}
NO_RANGE_WORDS = ("See Note", "Not established", "Reference range not established")


# The blood count such a report opens with, in the names it prints (the generator's adult ranges).
CBC_PANEL: list[dict] = [
    {"name": "Haemoglobin", "aliases": ["Hemoglobin (Hb)"], "unit": "g/dL", "low": 13.0, "high": 17.0,
     "section": "Hematology"},
    {"name": "Total Leucocyte Count", "aliases": ["TLC"], "unit": "10*3/uL", "low": 4.0, "high": 11.0,
     "section": "Hematology"},
    {"name": "Total RBC Count", "aliases": ["RBC Count"], "unit": "10*6/uL", "low": 4.5, "high": 5.5,
     "section": "Hematology"},
    {"name": "Platelet Count", "aliases": ["Platelets"], "unit": "10*3/uL", "low": 150, "high": 410,
     "section": "Hematology"},
]


def _indian_units(rows: list[Row], rng: random.Random) -> list[Row]:
    """A blood count first, then counts per cumm (platelets in lakhs), g/dL as gm/dl or gm%,
    some U/L as IU/L."""
    have = {normal(r.key) for r in rows} | {normal(r.name) for r in rows}
    cbc = [_draw(rng, t) for t in CBC_PANEL if not have & {normal(n) for n in [t["name"], *t["aliases"]]}]
    out = []
    for r in sorted(cbc + rows, key=lambda r: r.section):
        if r.ucum == "10*3/uL" and "platelet" in r.key.lower():
            r = _convert(r, "lakhs/cumm", "10*5/uL", 0.01)
        elif r.ucum == "10*3/uL" and rng.random() < 0.3:
            r = replace(r, unit="x10^3/µl")
        elif r.ucum == "10*3/uL":
            r = _convert(r, rng.choice(("cells/cumm", "/cumm")), "/uL", 1000.0)
        elif r.ucum == "10*6/uL":
            r = replace(r, unit="mill/cumm")
        elif r.ucum == "g/dL":
            r = replace(r, unit=rng.choice(("gm/dl", "gm%")))
        elif r.ucum == "mg/dL":
            r = replace(r, unit="mg/dl")
        elif r.ucum == "U/L" and rng.random() < 0.5:
            r = replace(r, unit="IU/L", ucum="[IU]/L")
        elif r.ucum == "fL":
            r = replace(r, unit="fl")
        out.append(r)
    return out


def rl_indian_investigation(path: Path, rows: list[Row]) -> None:
    """Investigation | Observed Value | Unit | Biological Reference Interval, methods in italics
    under the names, a sample line under each department heading, bold abnormal values + H/L."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    font, bold = _rl_fonts(), _rl_font("DejaVuBold", "DejaVuSans-Bold.ttf")
    italic = _rl_font("DejaVuOblique", "DejaVuSans-Oblique.ttf")
    c.setFont("Helvetica-Bold", 13)
    c.drawCentredString(A4[0] / 2, A4[1] - 45, "SHREE DIAGNOSTIC CENTRE & PATHOLOGY LAB")
    c.setFont("Helvetica", 8)
    y = A4[1] - 62
    for left, right in (("Name : Mrs. JANE Q SAMPLE", "Reg. No : 2403050117"),
                        ("Age / Sex : 63 Yrs / Female", "Collected : 05/03/2024 07:45"),
                        ("Ref. By : Dr. A. SMITH (MD)", "Reported : 05/03/2024 14:10")):
        c.drawString(40, y, left)
        c.drawString(330, y, right)
        y -= 11
    y -= 12
    c.setFont("Helvetica-Bold", 9)
    for x, h in ((40, "Investigation"), (285, "Observed Value"), (370, "Unit"), (460, "Biological Reference Interval")):
        c.drawString(x, y, h)
    c.line(40, y - 4, 570, y - 4)
    last = None
    for i, r in enumerate(rows):
        if r.section != last:
            y -= 22
            c.setFont("Helvetica-Bold", 9.5)
            c.drawCentredString(A4[0] / 2, y, "HAEMATOLOGY" if r.section == "Hematology" else "BIOCHEMISTRY")
            y -= 12
            c.setFont("Helvetica", 8)
            c.drawString(40, y, f"Sample: {'EDTA Whole Blood' if r.section == 'Hematology' else 'Serum'}")
            last = r.section
        y -= 16
        c.setFont(font, 8.5)
        c.drawString(40, y, r.name)
        c.setFont(bold if r.flag != "normal" else font, 9)
        c.drawString(285, y, f"{r.printed} {_flag(r, 'hl')}".strip() if i % 3 else r.printed)
        c.setFont(font, 9)
        c.drawString(370, y, r.unit)
        c.drawString(460, y, _rng_text(r, "dash"))
        if i % 2 == 0:
            y -= 9
            c.setFont(italic, 6.5)
            c.drawString(40, y, f"({METHODS[len(r.name) % len(METHODS)]})")
    c.setFont("Helvetica", 7)
    c.drawCentredString(A4[0] / 2, y - 30, "*** End of Report ***")
    c.drawString(40, y - 44, "Values in bold are outside the biological reference interval.")
    c.showPage()
    c.save()


def _no_range(rows: list[Row], rng: random.Random) -> list[Row]:
    """Some tests printed without a range ("See Note"): no limits, and no flag printed."""
    return [replace(r, low=None, high=None, flag="normal") if rng.random() < 0.2 else r for r in rows]


def _mychart_range(r: Row, i: int) -> str:
    if r.low is None and r.high is None:
        return NO_RANGE_WORDS[i % 2]
    return f"{_rng_text(r, 'dash')} {r.unit}"



def _fpdf_headed(title: str, patient_line: str):
    """An fpdf2 page in DejaVu (regular and bold) with a bold 12 pt title and an 8 pt patient line:
    the letterhead several generated reports share."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("F", "", str(DEJAVU))
    pdf.add_font("F", "B", str(DEJAVU.with_name("DejaVuSans-Bold.ttf")))
    pdf.set_font("F", "B", 12)
    pdf.cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("F", "", 8)
    pdf.cell(0, 4.5, patient_line, new_x="LMARGIN", new_y="NEXT")
    return pdf


def fpdf_mychart_component(path: Path, rows: list[Row]) -> None:
    """Component | Your Value | Standard Range | Flag; the unit in the value cell, a panel line
    "... - Final result" and a "Specimen: Blood" line per section."""
    from fpdf.fonts import FontFace

    pdf = _fpdf_headed("MyChart - Test Details", "Jane Q. Sample   MRN: 00482913   Ordering provider: A. Smith, MD")
    last = None
    for r in rows:
        if r.section != last:
            last = r.section
            pdf.ln(3)
            pdf.set_font("F", "B", 10)
            panel = "CBC WITH DIFFERENTIAL" if r.section == "Hematology" else "COMPREHENSIVE METABOLIC PANEL"
            pdf.cell(0, 6, f"{panel} - Final result (03/05/2024 7:45 AM)", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("F", "", 8)
            pdf.cell(0, 4.5, "Specimen: Blood   Status: Final", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("F", "", 8.5)
            with pdf.table(borders_layout="HORIZONTAL_LINES", text_align="LEFT",
                           headings_style=FontFace(emphasis="BOLD"), line_height=5,
                           col_widths=(60, 35, 55, 20)) as table:
                table.row(["Component", "Your Value", "Standard Range", "Flag"])
                for i, s in enumerate(x for x in rows if x.section == r.section):
                    table.row([s.name, f"{s.printed} {s.unit}", _mychart_range(s, i), _flag(s, "hl_word")])
    pdf.ln(4)
    pdf.set_font("F", "", 7)
    pdf.cell(0, 4, "Resulting lab: CENTRAL LAB. This result is final.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def rl_status_column(path: Path, rows: list[Row]) -> None:
    """Test Name | In Range | Out Of Range | Units | Reference Range | Status (Final / Corrected): a
    US LIS style where a flagged value sits in its own column with H / L, a specimen row per
    section, and under a corrected result the value it replaced."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _rl_fonts()
    data: list[list[str]] = [["Test Name", "In Range", "Out Of Range", "Units", "Reference Range", "Status"]]
    spans: list[int] = []
    last = None
    for i, r in enumerate(rows):
        if r.section != last:
            last = r.section
            spans.append(len(data))
            data.append([f"Specimen: {'Blood' if r.section == 'Hematology' else 'Serum'}", "", "", "", "", ""])
        rng = _rng_text(r, "dash") if r.low is not None or r.high is not None else NO_RANGE_WORDS[2]
        corrected = i % 6 == 4
        cells = ["", f"{r.printed} {_flag(r, 'hl')}"] if r.flag != "normal" else [r.printed, ""]
        data.append([r.name, *cells, r.unit, rng, "Corrected" if corrected else "Final"])
        if corrected:
            spans.append(len(data))
            data.append([f"Previously reported as {float(r.printed) * 1.1:.{_decimals(r.low, r.high)}f} "
                         "on 03/05/2024 09:12; corrected 03/05/2024 11:40.", "", "", "", "", ""])
    style = [("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 8),
             ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black)]
    style += [("SPAN", (0, k), (-1, k)) for k in spans]
    t = Table(data, repeatRows=1)
    t.setStyle(TableStyle(style))
    st = getSampleStyleSheet()
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph("General Hospital Laboratory - Final Report", st["Title"]),
         Paragraph(" &nbsp; ".join(f"{k}: {v}" for k, v in PATIENT), st["Normal"]), Spacer(1, 8), t])


def _tune_2026e_renderers() -> dict:
    return {"rl_indian_investigation": rl_indian_investigation, "fpdf_mychart_component": fpdf_mychart_component,
            "rl_status_column": rl_status_column}


PREPARE.update({
    "rl_indian_investigation": _indian_units,
    "fpdf_mychart_component": lambda rows, rng: _no_range(_respell(rows, {
        "10*3/uL": ("x10E3/uL", "10*3/uL"), "10*6/uL": ("x10E6/uL", "10*6/uL")}), rng),
    "rl_status_column": _no_range,
})


# --- development-only 2026 F: dotted leaders, sex-specific ranges, key-value panels -------------
#
# Three more real-world styles, development-only like 2026 E (reportlab, fpdf2):
#
# * an old LIS printout: "SODIUM ............ 140   mmol/L   (135-145)  H", names in capitals, dot
#   leaders up to the value, the range in brackets and the flag trailing (H / L), in Courier or in
#   Helvetica (the leaders then fill up to the value's column);
# * a report whose range cell prints one range per sex on its own line ("Male: 13.5 - 17.5" over
#   "Female: 12.0 - 15.5", or "M ..." / "F ..."), the patient's sex in the header ("Sex: Female",
#   "Gender: M", "Age/Sex: 63 Y / F"); the truth is the patient's own range, and the flag follows it
#   (values are drawn so that some fall between the two sexes' limits);
# * key-value lines "Potassium: 5.9 mmol/L [3.5 - 5.1] H" under panel headings, with comment lines
#   between them ("Haemolysed sample, interpret with caution.", some with numbers in them).

TUNE_2026F = ("rl_lis_leaders", "fpdf_sex_ranges", "rl_keyvalue_panels")
DEV_ONLY.update({k: "dev" for k in TUNE_2026F})
DEV_ONLY_BATCHES = TUNE_2026E + TUNE_2026F

# (name, section, printed unit, male range, female range): common adult sex-specific intervals.
SEX_SPECIFIC: tuple[tuple[str, str, str, tuple[float, float], tuple[float, float]], ...] = (
    ("Hemoglobin", "Hematology", "g/dL", (13.5, 17.5), (12.0, 15.5)),
    ("Hematocrit", "Hematology", "%", (41.0, 53.0), (36.0, 46.0)),
    ("RBC", "Hematology", "x10^6/uL", (4.5, 5.9), (4.0, 5.2)),
    ("Creatinine", "Chemistry", "mg/dL", (0.74, 1.35), (0.59, 1.04)),
    ("Ferritin", "Chemistry", "ng/mL", (24.0, 336.0), (11.0, 307.0)),
    ("Uric Acid", "Chemistry", "mg/dL", (3.4, 7.0), (2.4, 6.0)),
)
SEX_NAMES = {"hemoglobin", "haemoglobin", "hgb", "hb", "hematocrit", "haematocrit", "hct", "rbc",
             "red blood cell count", "rbc count", "erythrocytes", "creatinine", "ferritin", "uric acid", "urate"}
COMMENTS = ("Haemolysed sample, interpret potassium and LDH with caution.",
            "Comment: sample received 3 hours after collection.",
            "Please note new reference intervals from 01/02/2024.",
            "Fasting status not stated.")


def _sex_value(rng: random.Random, own: tuple[float, float], other: tuple[float, float]) -> float:
    """Often between the two sexes' limits, so that the other sex's range would flag it otherwise."""
    lo, hi = own
    k = rng.random()
    if k < 0.45:
        a, b = sorted((hi, other[1])) if rng.random() < 0.6 else sorted((lo, other[0]))
        return rng.uniform(a, b)
    if k < 0.6:
        return hi + (hi - lo) * rng.uniform(0.05, 0.4)
    return rng.uniform(lo, hi)


def _sex_specific(rows: list[Row], rng: random.Random) -> list[Row]:
    """The patient's sex, and three or four tests with sex-specific ranges in place of any of theirs."""
    sex = rng.choice(("Male", "Female"))
    keep = [r for r in rows if normal(r.key) not in SEX_NAMES and normal(r.name) not in SEX_NAMES]
    added = []
    for name, section, unit, male, female in rng.sample(SEX_SPECIFIC, k=rng.randint(3, 4)):
        own, other = (male, female) if sex == "Male" else (female, male)
        d = _decimals(min(male[0], female[0]), max(male[1], female[1]))
        printed = f"{_sex_value(rng, own, other):.{d}f}"
        ucum = "10*6/uL" if unit.startswith("x10") else unit
        added.append(_with_flag(Row(name, float(printed), printed, unit, ucum, own[0], own[1], "", section,
                                    key=name, ranges=(("Male", *male), ("Female", *female)))))
    return [replace(r, sex=sex) for r in sorted(keep + added, key=lambda r: r.section)]


def _leader_range(r: Row) -> str:
    """"(135-145)", "(<5.0)", "(>60)": the old LIS prints the range tight in brackets."""
    return f"({_rng_text(r, 'tight')})"


def rl_lis_leaders(path: Path, rows: list[Row]) -> None:
    """An old LIS printout: capital names with dot leaders up to the value, unit, range in brackets,
    the flag trailing; Courier, or Helvetica with the leaders filled up to the value's column."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=LETTER)
    font = "Courier" if len(rows) % 2 else "Helvetica"
    y = LETTER[1] - 50
    c.setFont(font, 9)
    for line in ("ST. MARY'S HOSPITAL LABORATORY            RUN DATE: 03/05/24 14:10   PAGE 1",
                 "PATIENT: SAMPLE, JANE Q        MRN: 00482913      SEX: F   AGE: 63Y",
                 "ACCESSION: 24-065-0117         COLLECTED: 03/05/24 07:45   RECEIVED: 03/05/24 08:30",
                 "-" * 84):
        c.drawString(40, y, line)
        y -= 12
    last = None
    for r in rows:
        if r.section != last:
            last = r.section
            y -= 20
            c.drawString(40, y, f"*** {r.section.upper()} ***")
            y -= 6
        y -= 13
        name = r.name.upper() + " "
        dots = max(2, int((230 - stringWidth(name, font, 9)) / stringWidth(".", font, 9)))
        c.drawString(40, y, name + "." * dots)
        c.drawRightString(318, y, r.printed)
        c.drawString(330, y, r.unit)
        c.drawString(420, y, _leader_range(r))
        c.drawString(520, y, _flag(r, "hl"))
    c.drawString(40, y - 30, "H = HIGH   L = LOW          *** END OF REPORT ***")
    c.showPage()
    c.save()


def _sex_range_cell(r: Row, short: bool, female_first: bool) -> str:
    """One line per sex ("Male: 13.5 - 17.5" / "F 12.0 - 15.5"), or the one range of other tests."""
    if not r.ranges:
        return _rng_text(r, "dash")
    d = _decimals(min(x[1] for x in r.ranges), max(x[2] for x in r.ranges))
    lines = [f"{label[0] if short else label + ':'} {lo:.{d}f} - {hi:.{d}f}" for label, lo, hi in r.ranges]
    return "\n".join(reversed(lines) if female_first else lines)


def fpdf_sex_ranges(path: Path, rows: list[Row]) -> None:
    """Test | Result | Flag | Units | Reference Interval, with sex-specific ranges as two lines of the
    range cell and the patient's sex in the header (three header styles; the third has no flag column)."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    sex, style = rows[0].sex, len(rows) % 3
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("F", "", str(DEJAVU))
    pdf.add_font("F", "B", str(DEJAVU.with_name("DejaVuSans-Bold.ttf")))
    pdf.set_font("F", "B", 12)
    pdf.cell(0, 7, "Riverside Clinical Laboratories", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("F", "", 8.5)
    who = (f"Sex: {sex}", f"Gender: {sex[0]}", f"Age/Sex: 63 Y / {sex[0]}")[style]
    for line in (f"Patient: Jane Q. Sample    DOB: 1961-04-12    {who}", "MRN: 00482913    Collected: 2024-03-05 07:45",
                 "Ordering: Dr. A. Smith"):
        pdf.cell(0, 4.5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("F", "", 8.5)
    flags = style != 2  # the third style prints no flag column: a flag follows from the patient's range
    with pdf.table(borders_layout="HORIZONTAL_LINES", text_align="LEFT", headings_style=FontFace(emphasis="BOLD"),
                   line_height=4.5, col_widths=(55, 22, 14, 25, 50) if flags else (60, 25, 30, 55)) as table:
        table.row(["Test", "Result", "Flag", "Units", "Reference Interval"] if flags
                  else ["Test", "Result", "Units", "Reference Interval"])
        for r in rows:
            cells = [r.name, r.printed, _flag(r, "hl"), r.unit, _sex_range_cell(r, style == 1, len(rows) % 2 == 0)]
            table.row(cells if flags else cells[:2] + cells[3:])
    pdf.ln(4)
    pdf.set_font("F", "", 7)
    pdf.multi_cell(0, 4, "Flags are against the reference interval for the patient's sex.")
    pdf.output(str(path))


PANELS = {"Hematology": ("FULL BLOOD COUNT",), "Chemistry": ("UREA & ELECTROLYTES", "LIVER & BONE PROFILE")}


def rl_keyvalue_panels(path: Path, rows: list[Row]) -> None:
    """"Potassium: 5.9 mmol/L [3.5 - 5.1] H" lines under panel headings, comment lines between them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    st = getSampleStyleSheet()
    line = ParagraphStyle("kv", parent=st["Normal"], fontName=_rl_fonts(), fontSize=9, leading=12)
    note = ParagraphStyle("note", parent=line, fontName=_rl_font("DejaVuOblique", "DejaVuSans-Oblique.ttf"),
                          fontSize=8)
    story = [Paragraph("Pathology Results", st["Title"]),
             Paragraph(" &nbsp; ".join(f"{k}: {v}" for k, v in PATIENT), st["Normal"]), Spacer(1, 6)]
    n = 0
    for section, panels in PANELS.items():
        these = [r for r in rows if r.section == section]
        size = -(-len(these) // len(panels)) if these else 1
        for i, panel in enumerate(panels):
            part = these[i * size:(i + 1) * size]
            if not part:
                continue
            story += [Spacer(1, 6), Paragraph(f"<b>{panel}</b>", line)]
            for r in part:
                text = html.escape(f"{r.name}: {r.printed} {r.unit} [{_rng_text(r, 'dash')}] {_flag(r, 'hl')}".strip())
                story.append(Paragraph(text, line))
                n += 1
                if n % 4 == 2:
                    story.append(Paragraph(html.escape(COMMENTS[(n // 4 + len(rows)) % len(COMMENTS)]), note))
    story += [Spacer(1, 8), Paragraph("Authorised by: Dr B. Jones, Consultant Chemical Pathologist", note)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def _tune_2026f_renderers() -> dict:
    return {"rl_lis_leaders": rl_lis_leaders, "fpdf_sex_ranges": fpdf_sex_ranges,
            "rl_keyvalue_panels": rl_keyvalue_panels}


PREPARE.update({"fpdf_sex_ranges": _sex_specific})


# --- development-only 2026 G: CSS-grid rows, Ref Low / Ref High columns, units in the header ----
#
# Three more real-world styles, development-only like 2026 E and F, with conventions no earlier
# layout prints:
#
# * a web LIS page printed by chromium whose rows are CSS-grid <div>s, not a <table>: the flag as a
#   word inside the value cell ("7.2 HIGH", "2.9 (L)", "Critical" / "Panic" when far outside, the
#   direction left to the range), ranges with a population note ("3.5 - 5.1 (adult)");
# * a reportlab table with the limits in two columns, "Ref Low" and "Ref High" (one left blank for a
#   one-sided range), results grouped under specimen headings, a units legend under the table;
# * an fpdf2 report that prints each unit once, in the column header ("Result (mmol/L)"), one small
#   table per unit, with ranges written "Low: 3.5  High: 5.1" / "High: 200" / "Low: 60".

TUNE_2026G = ("html_css_grid_rows", "rl_ref_low_high", "fpdf_unit_in_header")
DEV_ONLY.update({k: "dev" for k in TUNE_2026G})
DEV_ONLY_BATCHES = DEV_ONLY_BATCHES + TUNE_2026G

GRID_CSS = """.res{display:grid;grid-template-columns:40% 17% 19% 24%;font-size:9.5pt}
.res>div{padding:3px 4px;border-bottom:1px solid #ccc} .res .h{font-weight:bold;border-bottom:1.5px solid #000}
.sec{grid-column:1/-1;font-weight:bold;background:#eee}"""


def _value_words(r: Row, i: int) -> str:
    """The value cell of a web LIS: "7.2 HIGH", "2.9 (L)", "9.9 Critical" / "9.9 Panic" when far out."""
    c = _critical(r)
    if not c:
        return r.printed
    if len(c) == 2:
        return f"{r.printed} {('Critical', 'Panic')[i % 2]}"
    return f"{r.printed} {FLAGS['word' if i % 2 else 'paren'][c]}"


def _rng_note(r: Row, i: int) -> str:
    """A range with a population note now and then: "3.5 - 5.1 (adult)", "< 200 (fasting)"."""
    return _rng_text(r, "dash") + ("", " (adult)", "", " (adults)")[i % 4]


def html_css_grid_rows(path: Path, rows: list[Row]) -> None:
    """Test | Result | Units | Reference Range as CSS-grid <div> rows (no table), flag words in the value cell."""
    e = html.escape
    cells = ["<div class=h>Test</div><div class=h>Result</div><div class=h>Units</div>"
             "<div class=h>Reference Range</div>"]
    for i, (head, r) in enumerate(_sections(rows, {"Hematology": "HEMATOLOGY", "Chemistry": "CHEMISTRY"})):
        if head:
            cells.append(f"<div class=sec>{head}</div>")
        cells.append(f"<div>{e(r.name)}</div><div>{e(_value_words(r, i))}</div><div>{e(r.unit)}</div>"
                     f"<div>{e(_rng_note(r, i))}</div>")
    body = (f"<style>{GRID_CSS}</style>" + _html_head("Valley Medical Laboratory - Results")
            + f"<div class=res>{''.join(cells)}</div>"
            + "<p style='font-size:8pt'>Critical and panic values were phoned to the ordering clinician.</p>")
    html_pdf(path, body)


SPECIMENS = {"Hematology": "SPECIMEN: EDTA WHOLE BLOOD", "Chemistry": "SPECIMEN: SERUM"}


def _limit_cells(r: Row) -> list[str]:
    """[Ref Low, Ref High]: the printed limits, the missing side of a one-sided range left blank."""
    f = _limit_text(r)
    return ["" if r.low is None else f(r.low), "" if r.high is None else f(r.high)]


def rl_ref_low_high(path: Path, rows: list[Row]) -> None:
    """Test | Result | Flag | Ref Low | Ref High | Units under specimen headings, a units legend below."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _rl_fonts()
    data: list[list[str]] = [["Test", "Result", "Flag", "Ref Low", "Ref High", "Units"]]
    spans: list[int] = []
    for head, r in _sections(rows, SPECIMENS):
        if head:
            spans.append(len(data))
            data.append([head, "", "", "", "", ""])
        data.append([r.name, r.printed, _critical(r), *_limit_cells(r), r.unit])
    style = [("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
             ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black), ("ALIGN", (1, 1), (4, -1), "RIGHT")]
    style += [("SPAN", (0, k), (-1, k)) for k in spans]
    t = Table(data, repeatRows=1)
    t.setStyle(TableStyle(style))
    st = getSampleStyleSheet()
    legend = ("Units: mmol/L = millimoles per litre; mg/dL = milligrams per decilitre; U/L = units per litre; "
              "x10^3/uL = thousand per microlitre. Flags: H/L outside, HH/LL far outside the reference limits.")
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph("Lakeside Hospital - Laboratory Medicine", st["Title"]),
         Paragraph(" &nbsp; ".join(f"{k}: {v}" for k, v in PATIENT), st["Normal"]), Spacer(1, 8), t,
         Spacer(1, 8), Paragraph(legend, st["Italic"])])


def _low_high_words(r: Row) -> str:
    """"Low: 3.5  High: 5.1", "High: 200", "Low: 60"."""
    f = _limit_text(r)
    parts = ([f"Low: {f(r.low)}"] if r.low is not None else []) + ([f"High: {f(r.high)}"] if r.high is not None else [])
    return "  ".join(parts)


def fpdf_unit_in_header(path: Path, rows: list[Row]) -> None:
    """One small table per unit, the unit printed once in the header ("Result (mmol/L)"), ranges as
    "Low: 3.5  High: 5.1", the flag column last."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("F", "", str(DEJAVU))
    pdf.add_font("F", "B", str(DEJAVU.with_name("DejaVuSans-Bold.ttf")))
    pdf.set_font("F", "B", 12)
    pdf.cell(0, 7, "Harbour Point Pathology", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("F", "", 8)
    pdf.cell(0, 4.5, "   ".join(f"{k}: {v}" for k, v in PATIENT[:4]), new_x="LMARGIN", new_y="NEXT")
    units: list[str] = []
    for r in rows:
        if r.unit not in units:
            units.append(r.unit)
    for unit in units:
        pdf.ln(3)
        pdf.set_font("F", "", 8.5)
        with pdf.table(borders_layout="HORIZONTAL_LINES", text_align="LEFT", line_height=4.8,
                       headings_style=FontFace(emphasis="BOLD"), col_widths=(62, 34, 56, 18)) as table:
            table.row(["Analyte", f"Result ({unit})", "Reference", "Flag"])
            for r in (x for x in rows if x.unit == unit):
                table.row([r.name, r.printed, _low_high_words(r), _flag(r, "hl")])
    pdf.ln(4)
    pdf.set_font("F", "", 7)
    pdf.multi_cell(0, 4, "Each table reports results in the unit shown in its header.")
    pdf.output(str(path))


def _tune_2026g_renderers() -> dict:
    return {"html_css_grid_rows": html_css_grid_rows, "rl_ref_low_high": rl_ref_low_high,
            "fpdf_unit_in_header": fpdf_unit_in_header}


def _one_spelling(rows: list[Row], rng: random.Random) -> list[Row]:
    """A report that prints each unit once in a header spells it one way (the first row's)."""
    first: dict[str, str] = {}
    return [replace(r, unit=first.setdefault(r.ucum, r.unit)) for r in rows]


PREPARE.update({"fpdf_unit_in_header": _one_spelling})


# --- development-only 2026 H: sexed ranges on one line over two pages, wrapped headers, two panels ----
#
# Three more real-world styles, development-only like 2026 E, F and G, with conventions no earlier
# layout prints:
#
# * a reportlab report over two pages whose range cell labels its ranges on one line ("M: 13.5-17.5 /
#   F: 12.0-15.5", "Adult: 0.6-1.2", "Child: 0.3-0.7 / Adult: 0.6-1.2"), the patient's sex printed
#   only in page 1's header while the sex-specific results continue on page 2;
# * an fpdf2 table with a ruled grid whose header cells wrap onto two lines ("Reference\nInterval",
#   "Units of\nMeasure") and whose flag column is on the far left;
# * a chromium-printed hospital LIS page with two panels side by side (haematology left, chemistry
#   right), each its own table with a flag column, the panels of unequal length.

TUNE_2026H = ("rl_sexed_two_page", "fpdf_wrapped_headers", "html_two_panel")
DEV_ONLY.update({k: "dev" for k in TUNE_2026H})
DEV_ONLY_BATCHES = DEV_ONLY_BATCHES + TUNE_2026H
SEXED_PER_PAGE1 = 7


def _two_pages(rows: list[Row], rng: random.Random) -> list[Row]:
    """Sex-specific ranges (haematology sorts last, so they fall on page 2), the rest on page 1."""
    rows = _sex_specific(rows, rng)
    cut = min(SEXED_PER_PAGE1, len(rows) - 3)
    return [replace(r, page=1 if i < cut else 2) for i, r in enumerate(rows)]


def _one_line_range(r: Row, i: int) -> str:
    """"M: 13.5-17.5 / F: 12.0-15.5"; other tests now and then "Adult: 3.5-5.1" or a child's range first."""
    if r.ranges:
        d = _decimals(min(x[1] for x in r.ranges), max(x[2] for x in r.ranges))
        parts = [f"{label[0]}: {lo:.{d}f}-{hi:.{d}f}" for label, lo, hi in r.ranges]
        return " / ".join(parts if i % 2 else parts[::-1])
    plain = _rng_text(r, "tight")
    if r.low is None or r.high is None or i % 3 == 0:
        return plain
    if i % 3 == 1:
        return f"Adult: {plain}"
    d = _decimals(r.low, r.high)
    return f"Child: {r.low * 0.6:.{d}f}-{r.high * 0.8:.{d}f} / Adult: {plain}"


def rl_sexed_two_page(path: Path, rows: list[Row]) -> None:
    """Test | Result | Flag | Units | Reference Range on two pages; sex only in page 1's header."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font, st = _rl_fonts(), getSampleStyleSheet()
    sex = rows[0].sex
    story: list = [Paragraph("Eastfield General Hospital - Clinical Chemistry &amp; Haematology", st["Title"])]
    for p in (1, 2):
        if p == 1:
            head = (f"Patient: SAMPLE, Jane Q &nbsp; DOB: 12/04/1961 (63 y) &nbsp; Sex: {sex} &nbsp; "
                    "MRN: 00482913 &nbsp; Collected: 05/03/2024 07:45 &nbsp; Page 1 of 2")
        else:
            story.append(PageBreak())
            head = "SAMPLE, Jane Q &nbsp; MRN: 00482913 &nbsp; (continued) &nbsp; Page 2 of 2"
        data = [["Test", "Result", "Flag", "Units", "Reference Range"]]
        data += [[r.name, r.printed, _flag(r, "hl"), r.unit, _one_line_range(r, i)]
                 for i, r in enumerate(rows) if r.page == p]
        t = Table(data, colWidths=(200, 50, 30, 65, 170))
        t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9),
                               ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                               ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.grey)]))
        story += [Paragraph(head, st["Normal"]), Spacer(1, 10), t]
    story += [Spacer(1, 10), Paragraph("Reference ranges by sex (M/F) and age group; flags use the range that "
                                       "applies to this patient.", st["Italic"])]
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=36, rightMargin=36).build(story)


def fpdf_wrapped_headers(path: Path, rows: list[Row]) -> None:
    """Flag | Test | Result | Units of Measure | Reference Interval in a ruled grid, the header cells
    wrapped over two lines, the flag column first."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("F", "", str(DEJAVU))
    pdf.add_font("F", "B", str(DEJAVU.with_name("DejaVuSans-Bold.ttf")))
    pdf.set_font("F", "B", 12)
    pdf.cell(0, 7, "Northbridge Diagnostic Services", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("F", "", 8)
    for k, v in PATIENT[:4]:
        pdf.cell(0, 4.3, f"{k}: {v}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("F", "", 8.5)
    heads = (["Abn.\nFlag", "Test\nDescription", "Result\nValue", "Units of\nMeasure", "Reference\nInterval"]
             if len(rows) % 2 else ["Flag", "Test Name", "Patient\nResult", "Units of\nMeasure", "Reference\nRange"])
    with pdf.table(borders_layout="ALL", text_align="LEFT", headings_style=FontFace(emphasis="BOLD"),
                   line_height=4.6, col_widths=(16, 62, 24, 28, 40)) as table:
        table.row(heads)
        for head, r in _sections(rows, {"Hematology": "HAEMATOLOGY", "Chemistry": "BIOCHEMISTRY"}):
            if head:
                table.row(["", head, "", "", ""])
            table.row([_critical(r), r.name, r.printed, r.unit, _rng_text(r, "dash")])
    pdf.ln(4)
    pdf.set_font("F", "", 7)
    pdf.multi_cell(0, 4, "Abnormal flags: H high, L low, HH/LL critical (telephoned). Results relate to the "
                         "specimen as received.")
    pdf.output(str(path))


TWO_PANEL_CSS = """.panels{display:flex;gap:16px;align-items:flex-start;font-size:8.5pt}
.panels>div{width:50%} .panels h4{margin:2px 0 4px;border-bottom:1px solid #000}
.panels table{width:100%} .panels td,.panels th{padding:2px 3px;vertical-align:top} .panels .f{font-weight:bold}
.panels .r{white-space:nowrap}"""


def html_two_panel(path: Path, rows: list[Row]) -> None:
    """A hospital LIS page: haematology and chemistry as two tables side by side, each
    Test | Result | Flag | Units | Ref. Range."""
    e = html.escape

    def panel(title: str, part: list[Row]) -> str:
        body = "".join(f"<tr><td>{e(r.name)}</td><td class=num>{e(r.printed)}</td><td class=f>"
                       f"{e(_flag(r, 'hl'))}</td><td>{e(r.unit)}</td><td class=r>{e(_rng_text(r, 'endash'))}</td></tr>"
                       for r in part)
        return (f"<div><h4>{title}</h4><table><tr><th>Test</th><th>Result</th><th>Flag</th><th>Units</th>"
                f"<th>Ref. Range</th></tr>{body}</table></div>")

    left = [r for r in rows if r.section == "Hematology"]
    right = [r for r in rows if r.section != "Hematology"]
    if not left or not right:  # one section only: split it
        half = (len(rows) + 1) // 2
        left, right = rows[:half], rows[half:]
    body = (f"<style>{TWO_PANEL_CSS}</style>" + _html_head("St. Aldric's Hospital - Pathology Report")
            + f"<div class=panels>{panel('HAEMATOLOGY', left)}{panel('CLINICAL CHEMISTRY', right)}</div>"
            + "<p style='font-size:8pt'>H/L: above/below the reference range. Validated by: K. Osei, BMS.</p>")
    html_pdf(path, body)


def _tune_2026h_renderers() -> dict:
    return {"rl_sexed_two_page": rl_sexed_two_page, "fpdf_wrapped_headers": fpdf_wrapped_headers,
            "html_two_panel": html_two_panel}


PREPARE.update({"rl_sexed_two_page": _two_pages})


# --- development-only 2026 I: units in words, ranges on their own line, word-processor tab stops ----
#
# Three more real-world styles, development-only like 2026 E to H, with conventions no earlier layout
# prints (own seeds 3000+ for their scans, every other one rough):
#
# * a chromium-printed patient-portal page whose units are written out in words ("millimoles per
#   litre", "thousand per microlitre", "milligrams per deciliter", "per cent"), British and American
#   spellings in turn, the flag column "Above range" / "Below range";
# * a reportlab canvas report whose reference range sits on its own line under the test name
#   ("Reference range: 3.5 - 5.1"), with qualitative results between the numeric ones ("Negative",
#   "Not detected", "(see note)" ranges) and results given with comparison operators ("< 0.5",
#   "≥ 90", ">1000");
# * an fpdf2 letter typed in a word processor: no table, fields placed at tab stops, so a test name
#   longer than the first stop pushes its value (and the rest of the line) to the next stop; the
#   patient banner and "Page n of 2" repeated on both pages.

TUNE_2026I = ("html_units_in_words", "rl_range_own_line", "fpdf_tab_stops")
DEV_ONLY.update({k: "dev" for k in TUNE_2026I})
DEV_ONLY_BATCHES = DEV_ONLY_BATCHES + TUNE_2026I

# UCUM code → (British, American) spelling in words (the generator's own table, not carepath's).
UNIT_WORDS: dict[str, tuple[str, str]] = {
    "mg/dL": ("milligrams per decilitre", "milligrams per deciliter"),
    "g/dL": ("grams per decilitre", "grams per deciliter"),
    "meq/L": ("milliequivalents per litre", "milliequivalents per liter"),
    "mmol/L": ("millimoles per litre", "millimoles per liter"),
    "U/L": ("units per litre", "units per liter"), "%": ("per cent", "percent"),
    "fL": ("femtolitres", "femtoliters"), "pg": ("picograms", "picograms"),
    "pg/mL": ("picograms per millilitre", "picograms per milliliter"),
    "ng/mL": ("nanograms per millilitre", "nanograms per milliliter"),
    "10*3/uL": ("thousand per microlitre", "thousand per microliter"),
    "10*6/uL": ("million per microlitre", "million per microliter"),
    "mL/min/{1.73_m2}": ("millilitres per minute per 1.73 m²", "milliliters per minute per 1.73 m²"),
    "mL/min": ("millilitres per minute", "milliliters per minute"), "ms": ("milliseconds", "milliseconds"),
    "m[IU]/L": ("milli-international units per litre", "milli-international units per liter"),
    "{beats}/min": ("beats per minute", "beats per minute"),
}
WORDS_CSS = """.portal{width:100%;font-size:9.5pt} .portal td{border-bottom:1px solid #ddd;padding:5px 4px}
.portal th{background:#eef;padding:5px 4px} .out{color:#a00;font-weight:bold}"""


def _in_words(rows: list[Row], rng: random.Random) -> list[Row]:
    """Every unit written out in words, one spelling (British or American) per report."""
    us = rng.random() < 0.5
    return [replace(r, unit=UNIT_WORDS[r.ucum][us]) if r.ucum in UNIT_WORDS else r for r in rows]


def html_units_in_words(path: Path, rows: list[Row]) -> None:
    """Test | Your result | Standard range | Units (in words) | Flag: a patient portal's printout."""
    e = html.escape
    flag = {"H": "Above range", "L": "Below range"}
    body = "".join(f"<tr><td>{e(r.name)}</td><td>{e(r.printed)}</td><td>{e(_rng_text(r, 'to'))}</td>"
                   f"<td>{e(r.unit)}</td><td class=out>{flag.get(r.flag, '')}</td></tr>" for r in rows)
    page = (f"<style>{WORDS_CSS}</style><h2>MyHealth Portal - Test Results</h2>"
            "<p>Jane Q. Sample &nbsp; Date of birth 12 April 1961 &nbsp; Collected 5 March 2024, 07:45</p>"
            "<table class=portal><tr><th>Test</th><th>Your result</th><th>Standard range</th><th>Units</th>"
            f"<th>Flag</th></tr>{body}</table>"
            "<p style='font-size:8pt'>Your care team will contact you about any result outside the standard "
            "range. Ranges may differ between laboratories.</p>")
    html_pdf(path, page)


QUALITATIVE = (("Urine Nitrite", "Negative", "Negative"), ("HBsAg", "Not detected", "Not detected"),
               ("Blood Group", "O Rh(D) positive", "(see note)"), ("Urine Leukocytes", "Trace", "Negative"))


def _operators(rows: list[Row], rng: random.Random) -> list[Row]:
    """Some results below or above the measuring range, written with an operator ("< 0.5", "≥ 90",
    ">1000"); the value is the printed number and the flag follows from it."""
    out = []
    for r in rows:
        if rng.random() < 0.3:
            d = _decimals(r.low, r.high)
            op = rng.choice(("<", "< ", "≤ ") if r.low is not None and r.low > 0 else (">", "> ", "≥ "))
            base = r.low * 0.5 if op.strip() in "<≤" else (r.high or r.low or 1) * 1.5
            num = f"{base:.{d}f}"
            if float(num) > 0:
                r = _with_flag(replace(r, value=float(num), printed=f"{op}{num}"))
        out.append(r)
    return out


def _own_line_range(r: Row, i: int) -> str:
    """The range's line under the name: "Reference range: 3.5 - 5.1", "Ref. interval: < 5.0", ..."""
    label = ("Reference range:", "Ref. interval:", "Normal range:")[i % 3]
    return f"{label} {_rng_text(r, 'dash' if i % 2 else 'to')}"


def rl_range_own_line(path: Path, rows: list[Row]) -> None:
    """Test | Result | Flag | Units on the first line, the range alone on the next line under the name;
    qualitative results (with their own "Reference range: Negative" lines) between the numeric ones."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    font = _rl_fonts()
    y = _canvas_head(c, "RIVERSIDE COMMUNITY LABORATORY - FINAL REPORT", A4[1] - 50)
    c.setFont("Helvetica-Bold", 9)
    for x, h in ((40, "Test"), (310, "Result"), (380, "Flag"), (415, "Units")):
        c.drawString(x, y, h)
    c.line(40, y - 4, 550, y - 4)
    lines: list[tuple[str, str, str, str, str]] = [
        (r.name, r.printed, _flag(r, "hl"), r.unit, _own_line_range(r, i)) for i, r in enumerate(rows)]
    for k, (name, value, ref) in enumerate(QUALITATIVE[: 2 + len(rows) % 3]):
        lines.insert(3 + 4 * k, (name, value, "", "", f"Reference range: {ref}"))
    for name, value, flag, unit, ref in lines:
        y -= 15
        c.setFont(font, 9)
        c.drawString(40, y, name)
        c.drawString(310, y, value)
        c.drawString(380, y, flag)
        c.drawString(415, y, unit)
        y -= 10
        c.setFont(font, 7.5)
        c.drawString(52, y, ref)
    c.setFont("Helvetica", 7)
    c.drawString(40, y - 28, "H/L: above/below the reference range. Results with < or > lie outside the measuring range.")
    c.showPage()
    c.save()


TAB_STOPS = (72.0, 94.0, 120.0, 154.0, 184.0)  # mm: the letter's own tab stops
TAB_PER_PAGE = 7


def _tabbed(pdf, fields: list[str], x0: float = 15.0) -> None:
    """One line typed with tabs: each field starts at the first tab stop past the end of the last."""
    x, end = x0, x0
    for i, text in enumerate(fields):
        if i:
            x = next((s for s in TAB_STOPS if s > end + 1.0), end + 4.0)
        pdf.set_x(x)
        pdf.cell(pdf.get_string_width(text) + 0.5, 5.2, text)
        end = x + pdf.get_string_width(text)
    pdf.ln(5.2)


def fpdf_tab_stops(path: Path, rows: list[Row]) -> None:
    """A results letter typed in a word processor: no table or rules, fields at tab stops (a long name
    pushes the rest of its line one stop on), the patient banner and page number on both pages."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("F", "", str(DEJAVU))
    pdf.add_font("F", "B", str(DEJAVU.with_name("DejaVuSans-Bold.ttf")))
    pages = sorted({r.page for r in rows})
    for p in pages:
        pdf.add_page()
        pdf.set_font("F", "B", 11)
        pdf.cell(0, 6, "Hollins Lane Surgery - Blood test results", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("F", "", 8.5)
        pdf.cell(0, 4.5, f"SAMPLE, Jane Q    DOB 12/04/1961    NHS No 943 476 5919    Page {p} of {len(pages)}",
                 new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        if p == 1:
            pdf.multi_cell(0, 4.5, "Dear Dr Smith, the results of the blood tests taken on 5 March 2024 are "
                                   "below. Please review the flagged results.", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.set_font("F", "B", 10)
        _tabbed(pdf, ["Test", "Result", "Units", "Normal range", "Flag"])
        pdf.set_font("F", "", 10)
        for r in (r for r in rows if r.page == p):
            _tabbed(pdf, [r.name, r.printed, r.unit, _rng_text(r, "dash"), _flag(r, "word")])
        pdf.ln(4)
        pdf.set_font("F", "", 8)
        pdf.cell(0, 4, f"Typed by: R. Patel (practice secretary)    Page {p} of {len(pages)}")
    pdf.output(str(path))


def _tune_2026i_renderers() -> dict:
    return {"html_units_in_words": html_units_in_words, "rl_range_own_line": rl_range_own_line,
            "fpdf_tab_stops": fpdf_tab_stops}


PREPARE.update({"html_units_in_words": _in_words, "rl_range_own_line": _operators,
                "fpdf_tab_stops": lambda rows, rng: _paged(rows, TAB_PER_PAGE)})


# --- development-only 2026 J: newest date first, one block per test, endocrine landscape with marks --
#
# Three more real-world styles, development-only like 2026 E to I (own seeds 3500+ for their scans,
# every other one rough):
#
# * a reportlab cumulative report with four collection dates as columns, the NEWEST on the LEFT (next
#   to the test name), cells not done printed blank or "----", the flag glued after the value;
# * an fpdf2 report printing each test as a block of lines ("Test: Potassium" / "Result: 5.6 mmol/L
#   (H)" / "Range: 3.5-5.1"), with a urine dipstick section between ("Result: Trace", "1+", "2+",
#   "Range: Negative": qualitative, no truth rows);
# * a weasyprint endocrine / thyroid panel printed landscape (TSH mIU/L, free T4 / T3 pmol/L,
#   cortisol / SHBG nmol/L; ranges with decimals), a footnote mark after some values ("5.6*",
#   "140†", "0.8‡") and a legend explaining the marks under the table.

TUNE_2026J = ("rl_cumulative_newest_left", "fpdf_test_blocks", "weasy_endocrine_marks")
DEV_ONLY.update({k: "dev" for k in TUNE_2026J})
DEV_ONLY_BATCHES = DEV_ONLY_BATCHES + TUNE_2026J
NEWEST_LEFT_DATES = ("02/12/2023", "10/01/2024", "14/02/2024", "05/03/2024")  # oldest → newest


def rl_cumulative_newest_left(path: Path, rows: list[Row]) -> None:
    """Ruled grid: Test | four dates, newest first | Units | Ref. Range; not done = blank or "----"."""
    groups, lines = _by_test(rows, NEWEST_LEFT_DATES[-1])
    dates = NEWEST_LEFT_DATES[::-1]

    def cell(r: Row | None, k: int) -> str:
        return ("----" if k % 2 else "") if r is None else f"{r.printed} {_flag(r, 'hl')}".strip()

    rl_table(path, lines, ["Test", *dates, "Units", "Ref. Range"],
             lambda r: [r.name, *(cell(groups[r.key].get(d), i + len(r.name)) for i, d in enumerate(dates)),
                        r.unit, _rng_text(r, "tight")],
             grid=True, landscape_=True, title="Cumulative Report (most recent first)")


DIPSTICK = (("Urine Protein", "1+", "Negative"), ("Urine Glucose", "Trace", "Negative"),
            ("Urine Blood", "2+", "Negative"), ("Urine Ketones", "Negative", "Negative"))


def _block(pdf, lines: list[str]) -> None:
    """One test as a block of labelled lines, a gap after it."""
    for text in lines:
        pdf.cell(0, 4.6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2.4)


def fpdf_test_blocks(path: Path, rows: list[Row]) -> None:
    """Each test a block ("Test: ..." / "Result: value unit (H)" / "Range: lo-hi"), sections as headings,
    a urine dipstick section of qualitative blocks between."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("F", "", str(DEJAVU))
    pdf.add_font("F", "B", str(DEJAVU.with_name("DejaVuSans-Bold.ttf")))
    pdf.add_page()
    pdf.set_font("F", "B", 12)
    pdf.cell(0, 7, "Westgate Pathology - Results", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("F", "", 8.5)
    pdf.cell(0, 4.5, "Name: SAMPLE, Jane Q    DOB: 12/04/1961    Collected: 05/03/2024 07:45", new_x="LMARGIN",
             new_y="NEXT")
    pdf.ln(3)
    for head, r in _sections(rows, {"Hematology": "HAEMATOLOGY", "Chemistry": "CLINICAL CHEMISTRY"}):
        if head:
            pdf.set_font("F", "B", 10)
            pdf.cell(0, 6, head, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("F", "", 9)
        flag = _flag(r, "paren")
        _block(pdf, [f"Test: {r.name}", f"Result: {r.printed} {r.unit} {flag}".strip(),
                     f"Range: {_rng_text(r, 'tight')}"])
    pdf.set_font("F", "B", 10)
    pdf.cell(0, 6, "URINALYSIS (DIPSTICK)", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("F", "", 9)
    for name, value, ref in DIPSTICK[: 2 + len(rows) % 3]:
        _block(pdf, [f"Test: {name}", f"Result: {value}", f"Range: {ref}"])
    pdf.set_font("F", "", 7.5)
    pdf.multi_cell(0, 4, "(H) above and (L) below the reference range. Dipstick: Trace < 1+ < 2+ < 3+.")
    pdf.output(str(path))


# (name, ucum, printed unit, low, high, decimals): an endocrine panel in SI units.
ENDOCRINE = (("TSH", "m[IU]/L", "mIU/L", 0.27, 4.2, 2), ("Free T4", "pmol/L", "pmol/L", 12.0, 22.0, 1),
             ("Free T3", "pmol/L", "pmol/L", 3.1, 6.8, 1), ("Cortisol (09:00)", "nmol/L", "nmol/L", 166, 507, 0),
             ("SHBG", "nmol/L", "nmol/L", 18.2, 135.7, 1), ("Prolactin", "m[IU]/L", "mIU/L", 102, 496, 0),
             ("Testosterone", "nmol/L", "nmol/L", 0.29, 1.67, 2), ("Oestradiol", "pmol/L", "pmol/L", 98, 571, 0))
MARKS = ("*", "†", "‡")


def _endocrine(rows: list[Row], rng: random.Random) -> list[Row]:
    """Five or six endocrine tests drawn in SI units, then a few of the drawn rows; a footnote mark
    glued after some printed values (the value is unchanged)."""
    out = []
    for name, ucum, unit, lo, hi, d in rng.sample(ENDOCRINE, k=rng.randint(5, 6)):
        v = float(f"{rng.uniform(lo * 0.6, hi * 1.3):.{d}f}")
        out.append(_with_flag(Row(name, v, f"{v:.{d}f}", unit, ucum, lo, hi, "", "Endocrine", key=name)))
    out += rows[:4]
    return [replace(r, printed=r.printed + rng.choice(MARKS)) if rng.random() < 0.35 else r for r in out]


def _endo_range(r: Row) -> str:
    """The endocrine tests' ranges printed with as many decimals as the value ("0.27 - 4.20")."""
    if r.section != "Endocrine":
        return _rng_text(r, "dash")
    num = r.printed.rstrip("".join(MARKS))
    d = len(num.split(".")[1]) if "." in num else 0
    return f"{r.low:.{d}f} - {r.high:.{d}f}"


ENDO_CSS = """@page{size:A4 landscape;margin:12mm} body{font-family:'DejaVu Sans';font-size:9pt}
table{border-collapse:collapse;width:100%} th{text-align:left;border-bottom:1.5px solid #000;padding:3px}
td{padding:3px;border-bottom:0.5px solid #bbb} .legend{font-size:7.5pt;margin-top:8px}"""


def weasy_endocrine_marks(path: Path, rows: list[Row]) -> None:
    """Landscape: Analyte | Result | Flag | Units | Reference interval | Method | Comment, footnote marks
    after some values and a legend explaining them."""
    e = html.escape
    body = "".join(f"<tr><td>{e(r.name)}</td><td>{e(r.printed)}</td><td>{_flag(r, 'hl')}</td><td>{e(r.unit)}</td>"
                   f"<td>{e(_endo_range(r))}</td><td>{METHODS[i % len(METHODS)]}</td>"
                   f"<td>{'Fasting sample' if i % 4 == 1 else ''}</td></tr>" for i, r in enumerate(rows))
    page = ("<h2>Endocrinology Laboratory - Thyroid &amp; Endocrine Profile</h2>"
            "<p>Patient: SAMPLE, Jane Q &nbsp; DOB 12/04/1961 &nbsp; Hosp No 00482913 &nbsp; Received 05/03/2024 "
            "09:12</p><table><tr><th>Analyte</th><th>Result</th><th>Flag</th><th>Units</th>"
            f"<th>Reference interval</th><th>Method</th><th>Comment</th></tr>{body}</table>"
            "<p class=legend>* Result confirmed on repeat analysis. † Sample mildly haemolysed. "
            "‡ Interpret with the time of sampling; reference interval for adults.</p>")
    weasy_pdf(path, page, ENDO_CSS)


def _tune_2026j_renderers() -> dict:
    return {"rl_cumulative_newest_left": rl_cumulative_newest_left, "fpdf_test_blocks": fpdf_test_blocks,
            "weasy_endocrine_marks": weasy_endocrine_marks}


PREPARE.update({"rl_cumulative_newest_left": _cumulative_on(NEWEST_LEFT_DATES, skip=0.25),
                "weasy_endocrine_marks": _endocrine})


# --- development-only 2026 K: a matplotlib table, merged header cells, a faxed LIS printout ------------
#
# Three more real-world styles from generators and styles not used before, development-only like 2026 E
# to J (own seeds 4000+ for their scans):
#
# * matplotlib's Table API (``ax.table``: ruled cells, a shaded header) rather than placed text: Test |
#   Result | an unlabelled flag column of arrows ↑ / ↓ | "Units (reference interval)" in one cell, the
#   range in brackets after the unit ("mmol/L (3.5 - 5.1)"), CBC counts in x10^9/L and x10^12/L, and a
#   page footer repeating the patient's name, birth date and number;
# * a reportlab platypus table with MERGED header cells (SPAN: "Investigation" over two header rows,
#   "Result" over Value | Flag, "Reference" over Interval | Units), section rows merged across the
#   table, HIGH / LOW in their own column, "<" / ">" qualified values, units printed "10*3/uL", over
#   two pages, each with a footer repeating the patient data;
# * a faxed LIS printout written as raw PDF with pydyf (base-14 Courier, no embedded font): a black
#   fax banner with white text over the top (date, sender, recipient, page), upper-case names, long
#   names wrapped onto a second indented line, HI / LO flags, the range in brackets after the unit;
#   its scan is a fax (``fax_scan``: black and white, half vertical resolution, skew, specks).

TUNE_2026K = ("mpl_table_arrows", "rl_merged_header", "pydyf_fax_banner")
DEV_ONLY.update({k: "dev" for k in TUNE_2026K})
DEV_ONLY_BATCHES = DEV_ONLY_BATCHES + TUNE_2026K
FOOTER_PATIENT = "SAMPLE, Jane Q   DOB 12/04/1961   MRN 00482913   Collected 05/03/2024 07:45"


def mpl_table_arrows(path: Path, rows: list[Row]) -> None:
    """matplotlib's Table API: Test | Result | ↑/↓ (no header) | Units (reference interval); a footer
    repeating the patient data."""
    import matplotlib as mpl  # heavy: matplotlib; only some layouts need it
    from matplotlib.figure import Figure

    W, H = 595.0, 842.0
    cells = [[r.name, r.printed, _flag(r, "thin_arrow"), f"{r.unit} ({_rng_text(r, 'dash')})"] for r in rows]
    with mpl.rc_context({"pdf.fonttype": 42, "font.family": "DejaVu Sans"}):
        fig = Figure(figsize=(W / 72, H / 72))
        fig.text(40 / W, (H - 50) / H, "HARBOUR VIEW DIAGNOSTICS", fontsize=13, weight="bold")
        fig.text(40 / W, (H - 66) / H, "Patient: SAMPLE, Jane Q    Sex: F    DOB: 12/04/1961    MRN: 00482913",
                 fontsize=8.5)
        fig.text(40 / W, (H - 79) / H, "Requested by: Dr A. Smith    Lab No: 24-0305-0117    Reported: "
                 "05/03/2024 11:02", fontsize=8.5)
        height = 17.0 * (len(cells) + 1)
        ax = fig.add_axes((40 / W, (H - 100 - height) / H, (W - 80) / W, height / H))
        ax.axis("off")
        table = ax.table(cellText=cells, colLabels=["Test", "Result", "", "Units (reference interval)"],
                         colWidths=[0.42, 0.14, 0.06, 0.38], cellLoc="left", bbox=(0, 0, 1, 1))
        table.auto_set_font_size(False)
        table.set_fontsize(8.5)
        for (row, _), cell in table.get_celld().items():
            cell.set_edgecolor("#777777")
            cell.set_linewidth(0.5)
            if row == 0:
                cell.set_facecolor("#dddddd")
                cell.get_text().set_weight("bold")
        fig.text(40 / W, (H - 118 - height) / H, "↑ above, ↓ below the reference interval.", fontsize=7.5)
        fig.text(40 / W, 30 / H, f"{FOOTER_PATIENT}   Page 1 of 1", fontsize=7)
        fig.savefig(str(path), format="pdf")


MERGED_PER_PAGE = 7


def _merged_style(data: list[list[str]], font: str, bold: str) -> list[tuple]:
    """The two header rows merged ("Investigation" down, "Result" and "Reference" across), section
    rows (a name and empty cells) merged across the table."""
    from reportlab.lib import colors

    style = [("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
             ("FONTNAME", (0, 0), (-1, 1), bold), ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
             ("BACKGROUND", (0, 0), (-1, 1), colors.lightgrey), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (2, 0)), ("SPAN", (3, 0), (4, 0)),
             ("ALIGN", (1, 0), (-1, 0), "CENTER")]
    for i, row in enumerate(data[2:], start=2):
        if not any(row[1:]):
            style += [("SPAN", (0, i), (-1, i)), ("FONTNAME", (0, i), (-1, i), bold),
                      ("BACKGROUND", (0, i), (-1, i), colors.whitesmoke)]
    return style


def rl_merged_header(path: Path, rows: list[Row]) -> None:
    """Platypus tables with merged header cells, one per page; HIGH/LOW in their own column, qualified
    values, a footer repeating the patient data on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font, bold = _rl_fonts(), _rl_font("DejaVuBold", "DejaVuSans-Bold.ttf")
    st = getSampleStyleSheet()
    pages = sorted({r.page for r in rows})
    story = [Paragraph("Department of Clinical Pathology - Final Report", st["Title"]),
             Paragraph("Specimen: venous blood   Received: 05/03/2024 09:10   Consultant: Dr A. Smith", st["Normal"]),
             Spacer(1, 8)]
    for p in pages:
        data = [["Investigation", "Result", "", "Reference", ""], ["", "Value", "Flag", "Interval", "Units"]]
        for head, r in _sections([r for r in rows if r.page == p], {"Hematology": "HAEMATOLOGY",
                                                                    "Chemistry": "BIOCHEMISTRY"}):
            if head:
                data.append([head, "", "", "", ""])
            data.append([r.name, r.printed, _flag(r, "word"), _rng_text(r, "dash"), r.unit])
        table = Table(data, colWidths=[190, 60, 50, 100, 90])
        table.setStyle(TableStyle(_merged_style(data, font, bold)))
        story += [table, PageBreak()] if p != pages[-1] else [table]

    def footer(canvas, doc) -> None:
        canvas.setFont(font, 7.5)
        canvas.drawString(56, 28, f"{FOOTER_PATIENT}   Page {doc.page} of {len(pages)}")

    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=footer, onLaterPages=footer)


FAX_FLAGS = {"H": "HI", "L": "LO"}
FAX_NAME_WIDTH = 26


def _fax_lines(rows: list[Row]) -> list[str]:
    """The printout's lines: name, value, HI/LO, unit and "(range)"; a name wider than its column
    wraps onto an indented second line at a word break."""
    out = [f"{'TEST':<{FAX_NAME_WIDTH + 2}}{'RESULT':>8}  FLAG  UNITS       REF RANGE", "-" * 78]
    for head, r in _sections(rows, {"Hematology": "HAEMATOLOGY", "Chemistry": "CHEMISTRY"}):
        if head:
            out += ["", f"** {head} **"]
        name, rest = r.name.upper(), ""
        while len(name) > FAX_NAME_WIDTH and " " in name:
            name, tail = name.rsplit(" ", 1)
            rest = f"{tail} {rest}".strip()
        rng = _rng_text(r, "dash")
        out.append(f"{name:<{FAX_NAME_WIDTH + 2}}{r.printed:>8}  {FAX_FLAGS.get(r.flag, ''):<4}  "
                   f"{r.unit:<10}  ({rng})")
        if rest:
            out.append(f"  {rest}")
    return out


def _fax_ascii(rows: list[Row], rng: random.Random) -> list[Row]:
    """Base-14 Courier prints WinAnsi only: units in ASCII spellings (K/uL, M/uL, mL/min/1.73m2)."""
    rows = _respell(rows, {"10*3/uL": ("K/uL", "10*3/uL"), "10*6/uL": ("M/uL", "10*6/uL"),
                           "mL/min/{1.73_m2}": ("mL/min/1.73m2", "mL/min/{1.73_m2}")})
    return [r for r in rows if r.name.isascii()]


def pydyf_fax_banner(path: Path, rows: list[Row]) -> None:
    """Raw PDF (pydyf, base-14 Courier): a black fax banner with white text, a monospaced printout, a
    footer repeating the patient data."""
    import pydyf

    W, H = 595, 842
    doc = pydyf.PDF()
    fonts = {}
    for key, base in (("F1", "/Courier"), ("F2", "/Courier-Bold")):
        fonts[key] = pydyf.Dictionary({"Type": "/Font", "Subtype": "/Type1", "BaseFont": base,
                                       "Encoding": "/WinAnsiEncoding"})
        doc.add_object(fonts[key])
    s = pydyf.Stream()
    s.rectangle(0, H - 30, W, 16)
    s.fill()

    def put(x: float, y: float, text: str, font: str = "F1", size: float = 9.0) -> None:
        s.begin_text()
        s.set_font_size(font, size)
        s.set_text_matrix(1, 0, 0, 1, x, y)
        s.show_text_string(text)
        s.end_text()

    s.set_color_rgb(1, 1, 1)
    put(12, H - 25, "05/03/2024 09:14  FROM: +44 1632 960100 WESTSIDE PATHOLOGY  TO: RIVERSIDE MED  P.001/001",
        "F2", 8)
    s.set_color_rgb(0, 0, 0)
    put(40, H - 60, "WESTSIDE PATHOLOGY SERVICES - RESULTS BY FAX", "F2", 11)
    y = H - 80
    for line in ("PATIENT: SAMPLE, JANE Q         DOB: 12-APR-1961   SEX: F", "MRN: 00482913   "
                 "LAB NO: W24-0305-0117   COLLECTED: 05-MAR-2024 07:45", "REQUESTED BY: DR A SMITH, RIVERSIDE MED"):
        put(40, y, line)
        y -= 12
    y -= 10
    for line in _fax_lines(rows):
        put(40, y, line, "F2" if line.startswith(("TEST", "**")) else "F1")
        y -= 12.5
    put(40, y - 14, "HI/LO = above/below the reference range. CONFIDENTIAL: intended for the addressee only.", size=8)
    put(40, 30, f"{FOOTER_PATIENT.upper()}   PAGE 1 OF 1", size=8)
    doc.add_object(s)
    resources = pydyf.Dictionary({"Font": pydyf.Dictionary({k: f.reference for k, f in fonts.items()})})
    doc.add_page(pydyf.Dictionary({"Type": "/Page", "Parent": doc.pages.reference,
                                   "MediaBox": pydyf.Array([0, 0, W, H]), "Contents": s.reference,
                                   "Resources": resources}))
    with open(path, "wb") as f:
        doc.write(f)


def fax_scan(src: Path, dst: Path, seed: int) -> None:
    """A faxed copy: 204 x 98 dpi (standard fax, half the vertical resolution), black and white, a
    slight skew, specks of noise; no text layer."""
    import numpy as np
    from PIL import Image

    rng = random.Random(seed)
    out = []
    for img in _raster(src, 204):
        w, h = img.size
        img = img.resize((w, h // 2), Image.BILINEAR).resize((w, h), Image.NEAREST)
        img = img.rotate(rng.uniform(-1.5, 1.5), resample=Image.BICUBIC, expand=False, fillcolor=255)
        arr = np.asarray(img).astype(np.float32)
        arr += np.random.default_rng(seed).normal(0, 12, arr.shape)
        ink = arr < 150
        ink |= np.random.default_rng(seed + 1).random(arr.shape) < 0.0015
        out.append(Image.fromarray(np.where(ink, 0, 255).astype(np.uint8)).convert("1"))
    out[0].save(dst, "PDF", resolution=204, save_all=True, append_images=out[1:])


def _tune_2026k_renderers() -> dict:
    return {"mpl_table_arrows": mpl_table_arrows, "rl_merged_header": rl_merged_header,
            "pydyf_fax_banner": pydyf_fax_banner}


PREPARE.update({
    "mpl_table_arrows": lambda rows, rng: _respell(rows, {"10*3/uL": ("x10^9/L", "10*9/L"),
                                                          "10*6/uL": ("x10^12/L", "10*12/L")}),
    "rl_merged_header": lambda rows, rng: _paged(_qualified(_respell(rows, {
        "10*3/uL": ("10*3/uL", "10*3/uL"), "10*6/uL": ("10*6/uL", "10*6/uL")}), rng, 0.2), MERGED_PER_PAGE),
    "pydyf_fax_banner": _fax_ascii,
})


# --- development-only 2026 L: an NHS panel grid, a European decimal-comma report, microbiology between tables ---
#
# Three more real-world styles nobody had used (development-only like 2026 E to K; own scan seeds 5000+):
#
# * a UK NHS pathology report whose panels (FULL BLOOD COUNT, UREA & ELECTROLYTES, ...) sit in a
#   two-column GRID of ruled boxes, each row analyte | result | flag | units | "[3.5 - 5.3]" (square
#   brackets), SI units, comment lines in italics under some results, "Sample received" / "Authorised by"
#   lines (reportlab canvas);
# * a German / European "Laborbefund" (weasyprint): decimal commas in values and ranges ("4,5",
#   "3,5 - 5,1"), units written with a lower-case litre ("mmol/l", "mg/dl", "Tsd/µl"), German analyte names
#   with the English one in brackets ("Kalium (Potassium)"), a "+" / "-" Bewertung column, dates as
#   "05.03.2024" and a thousands point in the order number;
# * a cumulative report mixing chemistry and haematology tables (two collection dates) with
#   microbiology FREE TEXT between them (microscopy counts, a culture with a colony count, an antibiotic
#   susceptibility table with MICs, a clinical comment with a target): none of that text is a result
#   (fpdf2); its scan is low-resolution (``low_scan``: 150 dpi, blur, tilt, JPEG).

TUNE_2026L = ("rl_nhs_panel_grid", "weasy_european_comma", "fpdf_micro_between")
DEV_ONLY.update({k: "dev" for k in TUNE_2026L})
DEV_ONLY_BATCHES = DEV_ONLY_BATCHES + TUNE_2026L
NHS_PANELS = {"Hematology": "FULL BLOOD COUNT", "Chemistry": "UREA & ELECTROLYTES"}
NHS_COMMENTS = ("Sample slightly haemolysed.", "Please repeat in 3 months.", "Result checked and confirmed.")
NHS_PER_PANEL = 4


def _nhs_panels(rows: list[Row]) -> list[tuple[str, list[Row]]]:
    """Rows cut into panels of at most NHS_PER_PANEL, each titled by its section (numbered when split)."""
    out: list[tuple[str, list[Row]]] = []
    for section in dict.fromkeys(r.section for r in rows):
        part = [r for r in rows if r.section == section]
        chunks = [part[i:i + NHS_PER_PANEL] for i in range(0, len(part), NHS_PER_PANEL)]
        for k, chunk in enumerate(chunks):
            title = NHS_PANELS.get(section, section.upper())
            out.append((f"{title} ({k + 1})" if len(chunks) > 1 else title, chunk))
    return out


def _nhs_panel(c, x: float, y: float, title: str, rows: list[Row], fonts: tuple[str, str, str]) -> float:
    """One ruled panel box at (x, y top), 266 points wide; returns its bottom."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font, bold, italic = fonts
    c.setFont(bold, 8)
    c.drawString(x + 4, y - 11, title)
    yy = y - 24
    for i, r in enumerate(rows):
        size = 7.5
        while stringWidth(r.name, font, size) > 104 and size > 5:
            size -= 0.5
        c.setFont(font, size)
        c.drawString(x + 4, yy, r.name)
        c.setFont(font, 7.5)
        c.drawRightString(x + 140, yy, r.printed)
        c.drawString(x + 144, yy, _flag(r, "hl"))
        c.drawString(x + 154, yy, r.unit)
        c.drawString(x + 216, yy, f"[{_rng_text(r, 'dash')}]")
        if (len(r.key) + i) % 3 == 0:  # a stable choice of rows with a comment
            yy -= 10
            c.setFont(italic, 6.5)
            c.drawString(x + 12, yy, NHS_COMMENTS[i % len(NHS_COMMENTS)])
        yy -= 12
    c.rect(x, yy + 4, 266, y - yy - 4)
    return yy


def rl_nhs_panel_grid(path: Path, rows: list[Row]) -> None:
    """NHS pathology: ruled panels in a two-column grid, "[low - high]" ranges, comments under results."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    fonts = (_rl_font("DejaVuCond", "DejaVuSansCondensed.ttf"), _rl_font("DejaVuCondBold", "DejaVuSansCondensed-Bold.ttf"),
             _rl_font("DejaVuCondOblique", "DejaVuSansCondensed-Oblique.ttf"))
    c.setFont(fonts[1], 11)
    c.drawString(40, 800, "Northfield Hospitals NHS Foundation Trust - Pathology")
    c.setFont(fonts[0], 8)
    for k, line in enumerate(("Patient: SAMPLE, Jane Q   NHS No: 943 476 5919   Hosp No: N0482913   DOB: 12/04/1961",
                              "Sample collected: 05/03/2024 07:45   Sample received: 05/03/2024 09:10   Lab No: 24.0305.0117",
                              "Requesting clinician: Dr A. Smith (GP)   Location: Northfield Medical Practice")):
        c.drawString(40, 784 - 11 * k, line)
    tops = [745.0, 745.0]
    for k, (title, part) in enumerate(_nhs_panels(rows)):
        col = k % 2
        tops[col] = _nhs_panel(c, 36 + 276 * col, tops[col], title, part, fonts) - 10
    y = min(tops) - 10
    c.setFont(fonts[0], 7.5)
    c.drawString(40, y, "Authorised by: Dr P. Jones, Consultant Chemical Pathologist   05/03/2024 14:22")
    c.drawString(40, y - 11, "Results outside the reference range are flagged H (high) or L (low).")
    c.showPage()
    c.save()


EURO_NAMES = {"Sodium": "Natrium", "Potassium": "Kalium", "Chloride": "Chlorid", "Creatinine": "Kreatinin",
              "Hemoglobin": "Hämoglobin", "Platelets": "Thrombozyten", "WBC": "Leukozyten", "RBC": "Erythrozyten",
              "Hematocrit": "Hämatokrit", "Total Bilirubin": "Bilirubin gesamt", "Urea Nitrogen": "Harnstoff-N",
              "Total Cholesterol": "Cholesterin gesamt", "Triglycerides": "Triglyceride", "ALT": "GPT",
              "AST": "GOT", "Alkaline Phosphatase": "Alkalische Phosphatase", "Magnesium": "Magnesium",
              "Neutrophils": "Neutrophile", "Lymphocytes": "Lymphozyten", "Glucose": "Glukose"}
EURO_UNITS = {"mg/dL": ("mg/dl", "mg/dL"), "g/dL": ("g/dl", "g/dL"), "meq/L": ("mmol/l", "mmol/L"),
              "mmol/L": ("mmol/l", "mmol/L"), "U/L": ("U/l", "U/L"), "10*3/uL": ("Tsd/µl", "10*3/uL"),
              "10*6/uL": ("Mio/µl", "10*6/uL"), "ng/mL": ("ng/ml", "ng/mL"), "pg/mL": ("pg/ml", "pg/mL"),
              "mL/min": ("ml/min", "mL/min"), "fL": ("fl", "fL"), "m[IU]/L": ("mIU/l", "m[IU]/L"), "mL/min/{1.73_m2}": ("ml/min/1,73m²", "mL/min/{1.73_m2}")}


def _european(rows: list[Row], rng: random.Random) -> list[Row]:
    """German names with the English in brackets (when the pool's name is known), lower-case litres."""
    out = []
    for r in _respell(rows, EURO_UNITS):
        german = EURO_NAMES.get(r.key)
        out.append(replace(r, name=f"{german} ({r.key})") if german and german != r.key else r)
    return out


EURO_CSS = """@page{size:A4;margin:16mm} body{font-family:'DejaVu Sans';font-size:8.5pt}
h1{font-size:12pt;margin:0} .kopf{display:flex;justify-content:space-between;margin:6px 0 10px}
table{border-collapse:collapse;width:100%} th{text-align:left;border-bottom:1.5px solid #000;padding:3px}
td{padding:2px 3px;border-bottom:0.5px dotted #999} td.n{text-align:right} h3{font-size:9pt;margin:10px 0 2px}"""


def weasy_european_comma(path: Path, rows: list[Row]) -> None:
    """A German "Laborbefund": Untersuchung | Ergebnis | Bew. (+/-) | Einheit | Referenzbereich, decimal commas."""
    e = html.escape
    body = ["<h1>Labor Dr. Weber &amp; Kollegen MVZ GmbH</h1><div class=kopf><div>Patientin: Sample, Jane<br>"
            "Geb.-Datum: 12.04.1961<br>Auftrags-Nr.: 1.204.377</div><div>Eingang: 05.03.2024 08:12<br>"
            "Befund vom: 05.03.2024 13:40<br>Einsender: Dr. med. A. Schmidt</div></div>"]
    for head, r in _sections(rows, {"Hematology": "Hämatologie (Haematology)", "Chemistry": "Klinische Chemie"}):
        if head:
            if len(body) > 1:
                body.append("</table>")
            body.append(f"<h3>{e(head)}</h3><table><tr><th style='width:40%'>Untersuchung</th><th>Ergebnis</th>"
                        "<th>Bew.</th><th>Einheit</th><th>Referenzbereich</th></tr>")
        flag = {"H": "+", "L": "-"}.get(r.flag, "")
        body.append(f"<tr><td>{e(r.name)}</td><td class=n>{e(_comma(r.printed))}</td><td>{flag}</td>"
                    f"<td>{e(r.unit)}</td><td>{e(_comma(_rng_text(r, 'dash')))}</td></tr>")
    body.append("</table><p style='font-size:7.5pt'>+ = erhöht, - = erniedrigt. Technisch und medizinisch "
                "validiert am 05.03.2024 von Dr. med. K. Weber, Fachärztin für Laboratoriumsmedizin.</p>")
    weasy_pdf(path, "".join(body), EURO_CSS)


MICRO_DATES = ("14/02/2024", "05/03/2024")
MICRO_TEXT = (
    "MICROBIOLOGY - Specimen: Mid-stream urine (MSU), received 05/03/2024 09:10",
    "Microscopy: White cells 50 - 100 /uL   Red cells < 10 /uL   Epithelial cells 2+",
    "Culture: > 100,000 CFU/mL Escherichia coli (10^5 organisms/mL). Mixed growth of 2 organisms excluded.",
)
MICRO_SENS = (("Amoxicillin", "R", "> 32"), ("Nitrofurantoin", "S", "16"), ("Trimethoprim", "S", "0.5"),
              ("Ciprofloxacin", "S", "0.25"), ("Cefalexin", "S", "8"))
MICRO_COMMENT = ("Clinical comment: consistent with urinary tract infection; treat with nitrofurantoin 100 mg "
                 "twice daily for 3 days. HbA1c target below 48 mmol/mol (6.5 %); repeat in 3 months.")


def _micro_table(pdf, title: str, groups: dict, lines: list[Row]) -> None:
    """One cumulative table: Test | the two dates | Units | Reference range (flag after the value)."""
    from fpdf.fonts import FontFace

    pdf.set_font("F", "B", 9)
    pdf.cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("F", "", 8)
    with pdf.table(borders_layout="HORIZONTAL_LINES", text_align="LEFT", line_height=4.2,
                   headings_style=FontFace(emphasis="BOLD"), col_widths=(34, 14, 14, 16, 22)) as table:
        table.row(["Test", *MICRO_DATES, "Units", "Reference range"])
        for r in lines:
            cells = [f"{x.printed} {_flag(x, 'hl')}".strip() if (x := groups[r.key].get(d)) else "-"
                     for d in MICRO_DATES]
            table.row([r.name, *cells, r.unit, _rng_text(r, "dash")])
    pdf.ln(3)


def fpdf_micro_between(path: Path, rows: list[Row]) -> None:
    """Cumulative chemistry and haematology tables with microbiology free text (microscopy, culture,
    a susceptibility table with MICs, a comment) between them: only the two tables hold results."""
    from fpdf.fonts import FontFace

    groups, lines = _by_test(rows, MICRO_DATES[-1])
    pdf = _fpdf_headed("Riverside General Hospital - Cumulative Laboratory Report",
                       "Patient: SAMPLE, Jane Q   DOB 12/04/1961   MRN 00482913   Ward: Outpatients")
    pdf.ln(3)
    chem = [r for r in lines if r.section != "Hematology"]
    haem = [r for r in lines if r.section == "Hematology"]
    if chem:
        _micro_table(pdf, "CLINICAL CHEMISTRY", groups, chem)
    pdf.set_font("F", "", 8)
    for line in MICRO_TEXT:
        pdf.multi_cell(0, 4.2, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    with pdf.table(borders_layout="NONE", text_align="LEFT", line_height=4.0, width=110,
                   headings_style=FontFace(emphasis="BOLD"), align="LEFT") as table:
        table.row(["Antibiotic", "Susceptibility", "MIC (mg/L)"])
        for drug, sir, mic in MICRO_SENS:
            table.row([drug, sir, mic])
    pdf.ln(3)
    if haem:
        _micro_table(pdf, "HAEMATOLOGY", groups, haem)
    pdf.set_font("F", "", 8)
    pdf.multi_cell(0, 4.2, MICRO_COMMENT, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 4.2, "H/L = above/below the reference range; - = not requested. Validated by: R. Okafor, BMS.",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def low_scan(src: Path, dst: Path, seed: int) -> None:
    """A poor scan: 150 dpi, tilted up to ±2.5°, blurred, grey paper, JPEG quality 35-50."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    out = []
    for img in _raster(src, 150):
        img = img.rotate(rng.uniform(-2.5, 2.5), resample=Image.BICUBIC, expand=False, fillcolor=255)
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 0.8)))
        arr = np.asarray(img).astype(np.float32) * rng.uniform(0.8, 0.9)
        arr += np.random.default_rng(seed).normal(0, 10, arr.shape)
        out.append(_jpeg(Image.fromarray(arr.clip(0, 255).astype(np.uint8)), rng.randint(35, 50)))
    out[0].save(dst, "PDF", resolution=150, save_all=True, append_images=out[1:])


def _tune_2026l_renderers() -> dict:
    return {"rl_nhs_panel_grid": rl_nhs_panel_grid, "weasy_european_comma": weasy_european_comma,
            "fpdf_micro_between": fpdf_micro_between}


PREPARE.update({"rl_nhs_panel_grid": _si, "weasy_european_comma": _european,
                "fpdf_micro_between": _cumulative_on(MICRO_DATES, skip=0.3)})
