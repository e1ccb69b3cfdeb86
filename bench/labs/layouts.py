"""Lab reports in fifteen layouts from three PDF generators, with their truth.

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
and HTML printed to PDF by Debian's chromium (``--headless --print-to-pdf``).

The split is frozen by layout, before any tuning (``SPLIT``): whole layouts,
and the whole chromium generator, are held out for test (5 of the first 10
layouts). Five more layouts were added later for tuning only (never test).

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
from dataclasses import asdict, dataclass
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
    return Row(name, v, printed, unit, ucum, lo, hi, flag, t["section"])


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
    }


DOCS_PER_LAYOUT = 3


def build(out: Path, *, seed: int = 16, layouts: list[str] | None = None) -> list[Truth]:
    """Write every layout's PDFs into ``out`` and return (and write) the truth."""
    out.mkdir(parents=True, exist_ok=True)
    pool = _pool()
    truth: list[Truth] = []
    render = _layouts()
    for li, (layout, fn) in enumerate(render.items()):
        if layouts and layout not in layouts:
            continue
        for d in range(DOCS_PER_LAYOUT):
            rng = random.Random(seed * 1000 + li * 10 + d)
            tests = rng.sample(pool, k=min(len(pool), rng.randint(9, 14)))
            rows = sorted((_draw(rng, t) for t in tests), key=lambda r: r.section)
            doc = f"{layout}_{d}.pdf"
            fn(out / doc, rows)
            truth += [Truth(doc, layout, SPLIT[layout], 1, r.name, r.value, r.ucum, r.unit, r.low, r.high,
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
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    dpi = 200 if rough else rng.choice(SCAN_DPI)
    doc = pdfium.PdfDocument(str(src))
    try:
        pages = [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()
    out = []
    for img in pages:
        tilt = rng.uniform(-2.0, 2.0) if rough else rng.uniform(-1.0, 1.0)
        img = img.rotate(tilt, resample=Image.BICUBIC, expand=False, fillcolor=255)
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
        arr = np.asarray(img).astype(np.float32)
        if rough:  # grey paper: white becomes 200-230, ink stays dark
            arr = arr * rng.uniform(0.78, 0.9)
        arr += np.random.default_rng(seed).normal(0, rng.uniform(6, 14), arr.shape)
        page = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
        if rough:
            import io

            buf = io.BytesIO()
            page.save(buf, "JPEG", quality=rng.randint(30, 60))
            page = Image.open(io.BytesIO(buf.getvalue())).convert("L")
        out.append(page)
    out[0].save(dst, "PDF", resolution=dpi, save_all=True, append_images=out[1:])


def build_scans(folder: Path, out: Path, docs_per_layout: int = 1) -> list[Truth]:
    """Scanned copies of the first ``docs_per_layout`` documents of each layout
    (the frozen ten keep their 2024 scan seeds; later tune layouts are scanned rough)."""
    out.mkdir(parents=True, exist_ok=True)
    truth = load_truth(folder)
    have = {t.doc for t in truth}
    frozen = sorted(f"{layout}_{d}.pdf" for layout in FROZEN_LAYOUTS for d in range(docs_per_layout))
    later = sorted(f"{layout}_{d}.pdf" for layout in SPLIT if layout not in FROZEN_LAYOUTS
                   for d in range(docs_per_layout))
    for i, doc in enumerate(frozen):
        if doc in have:
            scan(folder / doc, out / doc, seed=1600 + i)
    for i, doc in enumerate(later):
        if doc in have:
            scan(folder / doc, out / doc, seed=1700 + i, rough=True)
    keep = set(frozen) | set(later)
    picked = [t for t in truth if t.doc in keep]
    (out / "truth.json").write_text(json.dumps([asdict(t) for t in picked], indent=1), encoding="utf-8")
    return picked
