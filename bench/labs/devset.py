"""Lab-report dev set: PDFs rendered from Synthea bundles, with their truth.

Each lab Observation in fhiry's Synthea R4 bundles becomes one printed
result; documents group them by encounter in several layouts a hospital
might produce:

* ``table``     — ruled table (Test | Result | Flag | Units | Reference range), short names;
* ``two_column``— two result columns side by side, no rules, no flags;
* ``free_text`` — narrative lines ("Glucose: 87.8 mg/dL (reference 70-99) HIGH", "… was …");
* ``fixed_width``— a LIS printout: Courier, upper-case names with dot leaders, flag
  glued to the value ("112H"), comment lines with numbers in between;
* ``multi_page``— every result of a patient, LOINC long names and a LOINC column,
  landscape, repeated header, dated sections over several pages;
* ``scanned``   — the table layout rasterised at 150 dpi into an image-only PDF
  (no text layer: the model path), plus one mixed text + scan document.

Printed values are rounded as a lab would print them; the truth is what is
printed (test as printed, the bundle's LOINC, value, unit, range, flag,
page). Reference ranges and short names here are the generator's own table,
independent of carepath's parser and LOINC catalogue.

    .venv/bin/python bench/labs/devset.py OUT_DIR     # writes *.pdf + truth.json
"""

from __future__ import annotations

import io
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from assets import fhiry_bundles  # noqa: E402

# LOINC → (short printed name, printed range, low, high). Adult ranges.
PRINT: dict[str, tuple[str, str, float | None, float | None]] = {
    "2339-0": ("Glucose", "70-99", 70, 99),
    "6299-2": ("BUN", "7-20", 7, 20),
    "38483-4": ("Creatinine", "0.60-1.20", 0.6, 1.2),
    "49765-1": ("Calcium", "8.5-10.2", 8.5, 10.2),
    "2947-0": ("Sodium", "136-145", 136, 145),
    "6298-4": ("Potassium", "3.5-5.1", 3.5, 5.1),
    "2069-3": ("Chloride", "98-107", 98, 107),
    "20565-8": ("CO2", "22-29", 22, 29),
    "4548-4": ("Hemoglobin A1c", "4.0-5.6", 4.0, 5.6),
    "2093-3": ("Total Cholesterol", "<200", None, 200),
    "2571-8": ("Triglycerides", "<150", None, 150),
    "18262-6": ("LDL Cholesterol", "<100", None, 100),
    "2085-9": ("HDL Cholesterol", ">40", 40, None),
    "6690-2": ("WBC", "4.5-11.0", 4.5, 11.0),
    "789-8": ("RBC", "4.20-5.90", 4.2, 5.9),
    "718-7": ("Hemoglobin", "12.0-17.5", 12.0, 17.5),
    "4544-3": ("Hematocrit", "36-52", 36, 52),
    "787-2": ("MCV", "80-100", 80, 100),
    "785-6": ("MCH", "27-33", 27, 33),
    "786-4": ("MCHC", "32-36", 32, 36),
    "21000-5": ("RDW", "39-46", 39, 46),
    "777-3": ("Platelets", "150-450", 150, 450),
    "32207-3": ("PDW", "9-17", 9, 17),
    "32623-1": ("MPV", "7.5-11.5", 7.5, 11.5),
    "33914-3": ("eGFR", ">60", 60, None),
    "2885-2": ("Total Protein", "6.0-8.3", 6.0, 8.3),
    "1751-7": ("Albumin", "3.5-5.5", 3.5, 5.5),
    "10834-0": ("Globulin", "20-35", 20, 35),
    "1975-2": ("Total Bilirubin", "0.1-1.2", 0.1, 1.2),
    "6768-6": ("Alkaline Phosphatase", "44-147", 44, 147),
    "1742-6": ("ALT", "7-56", 7, 56),
    "1920-8": ("AST", "10-40", 10, 40),
}


@dataclass
class Truth:
    doc: str
    layout: str
    page: int
    test: str
    loinc: str
    value: float
    unit: str
    ref_low: float | None
    ref_high: float | None
    flag: str
    text_layer: bool = True


@dataclass
class Row:
    name: str
    long_name: str
    loinc: str
    value: float
    printed: str
    unit: str
    range_text: str
    low: float | None
    high: float | None
    flag: str
    date: str


def _fmt(v: float) -> str:
    a = abs(v)
    return f"{v:.2f}" if a < 10 else f"{v:.1f}" if a < 100 else f"{v:.0f}"


def _flag(v: float, lo: float | None, hi: float | None) -> str:
    if lo is not None and v < lo:
        return "L"
    if hi is not None and v > hi:
        return "H"
    return "normal"


def panels(bundle: Path) -> tuple[dict, list[list[Row]]]:
    """(patient display fields, lab rows grouped by encounter in time order)."""
    data = json.loads(bundle.read_text(encoding="utf-8"))
    res = [e["resource"] for e in data["entry"]]
    pat = next(r for r in res if r["resourceType"] == "Patient")
    name = pat.get("name", [{}])[0]
    who = {"name": " ".join(name.get("given", []) + [name.get("family", "")]).strip(),
           "birth": pat.get("birthDate", ""), "mrn": pat["id"][:8]}
    groups: dict[str, list[Row]] = {}
    for r in res:
        if r["resourceType"] != "Observation" or "valueQuantity" not in r:
            continue
        cats = {c.get("code") for cat in r.get("category", []) for c in cat.get("coding", [])}
        code = r["code"]["coding"][0]["code"]
        if "laboratory" not in cats or code not in PRINT:
            continue
        short, rng, lo, hi = PRINT[code]
        printed = _fmt(float(r["valueQuantity"]["value"]))
        v = float(printed)
        groups.setdefault(r["encounter"]["reference"], []).append(Row(
            short, r["code"]["coding"][0]["display"], code, v, printed, r["valueQuantity"]["unit"],
            rng, lo, hi, _flag(v, lo, hi), r["effectiveDateTime"][:10]))
    out = sorted(groups.values(), key=lambda rows: rows[0].date)
    return who, out


# --- layouts ------------------------------------------------------------------

def _header(c, who: dict, date: str, y: float, x: float = 40) -> float:
    c.setFont("Helvetica-Bold", 13)
    c.drawString(x, y, "Regional Medical Laboratory - Laboratory Report")
    c.setFont("Helvetica", 9)
    c.drawString(x, y - 16, f"Patient: {who['name']}    DOB: {who['birth']}    MRN: {who['mrn']}")
    c.drawString(x, y - 28, f"Collected: {date}    Page 1 of 1")
    return y - 50


def _table_story(who: dict, rows: list[Row], styles) -> list:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    data = [["Test", "Result", "Flag", "Units", "Reference range"]]
    for r in rows:
        data.append([r.name, r.printed, {"H": "H", "L": "L"}.get(r.flag, ""), r.unit, r.range_text])
    t = Table(data, colWidths=[150, 60, 40, 70, 110], repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                           ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                           ("FONTSIZE", (0, 0), (-1, -1), 9),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]))
    return [Paragraph("Regional Medical Laboratory - Laboratory Report", styles["Title"]),
            Paragraph(f"Patient: {who['name']} &nbsp; DOB: {who['birth']} &nbsp; MRN: {who['mrn']}",
                      styles["Normal"]),
            Paragraph(f"Collected: {rows[0].date} &nbsp; Specimen: venous blood", styles["Normal"]),
            Spacer(1, 12), t, Spacer(1, 12),
            Paragraph("Results verified by the laboratory. Reference ranges are for adults.",
                      styles["Italic"])]


def render_table(path: Path | io.BytesIO, who: dict, rows: list[Row]) -> list[tuple[Row, int]]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import SimpleDocTemplate

    target = path if isinstance(path, io.BytesIO) else str(path)
    SimpleDocTemplate(target, pagesize=A4).build(_table_story(who, rows, getSampleStyleSheet()))
    return [(r, 1) for r in rows]


def render_two_column(path: Path, who: dict, rows: list[Row]) -> list[tuple[Row, int]]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    y0 = _header(c, who, rows[0].date, A4[1] - 50)
    half = (len(rows) + 1) // 2
    for col, chunk in enumerate((rows[:half], rows[half:])):
        x = 40 + col * 275
        c.setFont("Helvetica-Bold", 8)
        for dx, h in ((0, "Analyte"), (95, "Value"), (135, "Unit"), (190, "Normal")):
            c.drawString(x + dx, y0, h)
        c.setFont("Helvetica", 8)
        for i, r in enumerate(chunk):
            y = y0 - 14 * (i + 1)
            c.drawString(x, y, r.name)
            c.drawRightString(x + 125, y, r.printed)
            c.drawString(x + 135, y, r.unit)
            c.drawString(x + 190, y, r.range_text)
    c.showPage()
    c.save()
    return [(r, 1) for r in rows]


def render_free_text(path: Path, who: dict, rows: list[Row]) -> list[tuple[Row, int]]:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=LETTER)
    y = _header(c, who, rows[0].date, LETTER[1] - 50, x=50)
    c.setFont("Times-Roman", 11)
    c.drawString(50, y, "Summary of today's laboratory results:")
    y -= 20
    for i, r in enumerate(rows):
        word = {"H": "HIGH", "L": "LOW"}.get(r.flag, "")
        if i % 2 == 0:
            line = f"{r.name}: {r.printed} {r.unit} (reference range {r.range_text}) {word}".rstrip()
        else:
            line = f"- {r.name} {r.printed} {r.unit} [ref {r.range_text}]" + (f" *{r.flag}" if word else "")
        c.drawString(60, y, line)
        y -= 16
    c.drawString(50, y - 10, "Please discuss these results with your clinician.")
    c.showPage()
    c.save()
    return [(r, 1) for r in rows]


def render_fixed_width(path: Path, who: dict, rows: list[Row]) -> list[tuple[Row, int]]:
    """A laboratory-information-system printout: Courier, upper-case names
    with dot leaders, flag glued to the value, interleaved comment lines."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=LETTER)
    c.setFont("Courier", 9)
    y = LETTER[1] - 50
    for line in ("LAB RESULTS -- FINAL", f"PT: {who['name'].upper()}  DOB {who['birth']}  MRN {who['mrn']}",
                 f"COLL {rows[0].date} 07:45   RECV {rows[0].date} 09:10", "-" * 78,
                 f"{'TEST':<28}{'RESULT':>10}  {'UNITS':<10}{'REF RANGE':<14}"):
        c.drawString(40, y, line)
        y -= 12
    for i, r in enumerate(rows):
        val = r.printed + (r.flag if r.flag in ("H", "L") else "")
        c.drawString(40, y, f"{(r.name.upper() + ' ').ljust(27, '.')} {val:>10}  {r.unit:<10}{r.range_text:<14}")
        y -= 12
        if i == 2:
            c.drawString(40, y, "  COMMENT: SPECIMEN SLIGHTLY HEMOLYZED; REPEAT IN 3 MONTHS IF 2 OR MORE ABNORMAL.")
            y -= 12
    c.drawString(40, y - 12, "*** END OF REPORT ***")
    c.showPage()
    c.save()
    return [(r, 1) for r in rows]


def render_multi_page(path: Path, who: dict, groups: list[list[Row]]) -> list[tuple[Row, int]]:
    """One long report, dated sections, LOINC long names; returns each row's page."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    size = landscape(A4)
    c = canvas.Canvas(str(path), pagesize=size)
    cols = [(40, "Test"), (400, "LOINC"), (470, "Result"), (530, "Units"), (600, "Reference"), (680, "Flag")]
    page, y, placed = 1, 0.0, []

    def new_page() -> float:
        c.setFont("Helvetica-Bold", 11)
        c.drawString(40, size[1] - 40, "Cumulative laboratory report")
        c.setFont("Helvetica", 8)
        c.drawString(40, size[1] - 54, f"Patient: {who['name']}   DOB: {who['birth']}   Page {page}")
        c.setFont("Helvetica-Bold", 8)
        for x, h in cols:
            c.drawString(x, size[1] - 76, h)
        c.line(40, size[1] - 80, size[0] - 40, size[1] - 80)
        return size[1] - 94

    y = new_page()
    for rows in groups:
        for k, r in enumerate([None, *rows]):
            if y < 50:
                c.showPage()
                page += 1
                y = new_page()
            if r is None:
                c.setFont("Helvetica-Bold", 8)
                c.drawString(40, y, f"Collected {rows[0].date}")
            else:
                c.setFont("Helvetica", 7.5)
                flag = {"H": "HIGH", "L": "LOW"}.get(r.flag, "")
                for (x, _), text in zip(cols, (r.long_name, r.loinc, r.printed, r.unit, r.range_text, flag)):
                    c.drawString(x, y, text)
                placed.append((r, page))
            y -= 12
    c.showPage()
    c.save()
    return placed


def _rasterise(pdf_bytes: bytes, dpi: int = 150) -> list:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        return [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()


def render_scanned(path: Path, who: dict, rows: list[Row], text_first: list[Row] | None = None
                   ) -> list[tuple[Row, int, bool]]:
    """Image-only pages; with ``text_first`` a text table page comes before the scan."""
    from pypdf import PdfReader, PdfWriter

    buf = io.BytesIO()
    render_table(buf, who, rows)
    images = _rasterise(buf.getvalue())
    scan = io.BytesIO()
    images[0].save(scan, "PDF", resolution=150, save_all=True, append_images=images[1:])
    placed: list[tuple[Row, int, bool]] = []
    writer = PdfWriter()
    if text_first:
        tb = io.BytesIO()
        render_table(tb, who, text_first)
        for p in PdfReader(io.BytesIO(tb.getvalue())).pages:
            writer.add_page(p)
        placed += [(r, 1, True) for r in text_first]
    offset = len(writer.pages)
    for p in PdfReader(io.BytesIO(scan.getvalue())).pages:
        writer.add_page(p)
    placed += [(r, offset + 1, False) for r in rows]
    with open(path, "wb") as f:
        writer.write(f)
    return placed


def build(out: Path) -> list[Truth]:
    """Write the dev set into ``out`` and return (and write) its truth."""
    out.mkdir(parents=True, exist_ok=True)
    truth: list[Truth] = []

    def add(doc: str, layout: str, placed) -> None:
        for item in placed:
            r, page, text = (*item, True) if len(item) == 2 else item
            name = {"multi_page": r.long_name, "fixed_width": r.name.upper()}.get(layout, r.name)
            truth.append(Truth(doc, layout, page, name,
                               r.loinc, r.value, r.unit, r.low, r.high, r.flag, text))

    bundles = fhiry_bundles()
    for bname, bpath in bundles.items():
        who, groups = panels(bpath)
        big = [g for g in groups if len(g) >= 9]
        for i, rows in enumerate(big[:4]):
            doc = f"{bname}_table_{i}.pdf"
            add(doc, "table", render_table(out / doc, who, rows))
        for i, rows in enumerate(big[4:7]):
            doc = f"{bname}_two_column_{i}.pdf"
            add(doc, "two_column", render_two_column(out / doc, who, rows))
        for i, rows in enumerate(big[7:10]):
            doc = f"{bname}_free_text_{i}.pdf"
            add(doc, "free_text", render_free_text(out / doc, who, rows))
        for i, rows in enumerate(big[10:12] or big[:2]):
            doc = f"{bname}_fixed_width_{i}.pdf"
            add(doc, "fixed_width", render_fixed_width(out / doc, who, rows))
        doc = f"{bname}_multi_page.pdf"
        add(doc, "multi_page", render_multi_page(out / doc, who, groups))
        doc = f"{bname}_scanned.pdf"
        add(doc, "scanned", render_scanned(out / doc, who, big[-1],
                                           text_first=big[-2] if bname == "cfhir" else None))
    (out / "truth.json").write_text(json.dumps([asdict(t) for t in truth], indent=1), encoding="utf-8")
    return truth


def load_truth(out: Path) -> list[Truth]:
    return [Truth(**t) for t in json.loads((out / "truth.json").read_text(encoding="utf-8"))]


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "labs-devset")
    t = build(target)
    docs = sorted({x.doc for x in t})
    print(f"{len(docs)} PDFs, {len(t)} results ({sum(x.text_layer for x in t)} on text pages) in {target}")


# --- scoring ------------------------------------------------------------------

@dataclass
class Score:
    tp: int
    fp: int
    fn: int
    range_ok: int = 0
    flag_ok: int = 0
    loinc_ok: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, o: Score) -> Score:
        return Score(*(getattr(self, k) + getattr(o, k) for k in
                       ("tp", "fp", "fn", "range_ok", "flag_ok", "loinc_ok")))


def _key(name: str) -> str:
    return " ".join(name.lower().replace(":", " ").split())


def score(truth: list[Truth], predicted: list[dict]) -> Score:
    """One document's truth against its predictions (dicts with test, value,
    unit, page, ...). A true positive needs the same page, test name, value
    and unit; range, flag and LOINC agreement are counted on those."""
    pool = list(truth)
    s = Score(0, 0, 0)
    for p in predicted:
        hit = next((t for t in pool if t.page == p["page"] and _key(t.test) == _key(p["test"])
                    and abs(t.value - float(p["value"])) <= 1e-9 + 1e-9 * abs(t.value)
                    and (p.get("unit") or "").lower() == t.unit.lower()), None)
        if hit is None:
            s.fp += 1
            continue
        pool.remove(hit)
        s.tp += 1
        s.range_ok += (p.get("ref_low"), p.get("ref_high")) == (hit.ref_low, hit.ref_high)
        s.flag_ok += p.get("flag") == hit.flag
        s.loinc_ok += p.get("loinc") == hit.loinc
    s.fn = len(pool)
    return s
