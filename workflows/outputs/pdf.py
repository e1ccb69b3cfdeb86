"""The report as PDF: what a viewer without SR support, an EHR's document
tab (FHIR ``presentedForm``) and a RIS (HL7 ED) show.

Built with reportlab (platypus) from the same ``ReportView`` as the Markdown
and HTML renderings, so the three never disagree: the report-state banner,
the patient banner (with a warning line for every missing identifier), the
sections with each sentence's evidence ids, the key images with the
localization boxes drawn as vector outlines over them, the evidence list,
the guideline citations with their quotes, reviewer changes, warnings and
provenance. Every page repeats the patient's name, MRN and accession in its
header (a printed page that has come loose still names its patient), and an
unsigned or rejected report carries a diagonal DRAFT/PRELIMINARY or REJECTED
mark on every page.

All text is data: it goes through ``xml.sax.saxutils.escape`` before it
reaches reportlab's paragraph markup, so a quote holding ``<font>`` or
``<a href>`` stays literal text. The document is written with reportlab's
``invariant`` mode (fixed creation date and document id), so the same report
state always gives the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from PIL import Image as PILImage
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
    XPreformatted,
)
from reportlab.pdfgen.canvas import Canvas

from carepath.artifacts import sha256_bytes
from carepath.atomic import write_bytes
from carepath.workflows.outputs.render import KeyImage, ReportView
from carepath.workflows.outputs.report_state import fmt_time

PAGE = A4
MARGIN = 16 * mm
MAX_KEY_IMAGES = 6
STATE_COLOURS = {"draft": ("#fff3cd", "#c9a227"), "final": ("#d1e7dd", "#2e7d4f"),
                 "rejected": ("#f8d7da", "#b02a37")}
WATERMARK = {"draft": "DRAFT — PRELIMINARY", "rejected": "REJECTED — NOT FOR CLINICAL USE"}
BOX_COLOUR = colors.Color(1, 0.25, 0)
# DejaVu (Debian fonts-dejavu-core) covers far more scripts than the PDF
# base fonts (Latin-1 only); reportlab's bundled Bitstream Vera is the same
# design's Latin subset and is always there.
_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path(reportlab.__file__).parent / "fonts")
_FONT_FILES = (("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"), ("Vera.ttf", "VeraBd.ttf"))


@lru_cache(maxsize=1)
def fonts() -> tuple[str, str]:
    """Register the report fonts once; returns (regular, bold) names."""
    for folder in _FONT_DIRS:
        for regular, bold in _FONT_FILES:
            if (folder / regular).is_file() and (folder / bold).is_file():
                pdfmetrics.registerFont(TTFont("Report", str(folder / regular)))
                pdfmetrics.registerFont(TTFont("Report-Bold", str(folder / bold)))
                # <b>/<i> in paragraph markup map through the family (no italic face: upright).
                pdfmetrics.registerFontFamily("Report", normal="Report", bold="Report-Bold",
                                              italic="Report", boldItalic="Report-Bold")
                return "Report", "Report-Bold"
    return "Helvetica", "Helvetica-Bold"  # base-14 fallback (Latin-1 text only)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    warning: ParagraphStyle
    quote: ParagraphStyle
    mono: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    regular, bold = fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5, spaceAfter=2)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        title=ParagraphStyle("title", parent=body, fontName=bold, fontSize=15, leading=19, spaceAfter=6),
        heading=ParagraphStyle("heading", parent=body, fontName=bold, fontSize=11.5, leading=15,
                               spaceBefore=8, spaceAfter=3, keepWithNext=1,
                               textColor=colors.HexColor("#1f4e79")),
        warning=ParagraphStyle("warning", parent=body, fontName=bold, textColor=colors.HexColor("#b02a37")),
        quote=ParagraphStyle("quote", parent=body, leftIndent=10, textColor=colors.HexColor("#333333")),
        mono=ParagraphStyle("mono", parent=body, fontName="Courier", fontSize=8, leading=10),
    )


def _p(text: str, style: ParagraphStyle, bold_prefix: str | None = None) -> Paragraph:
    """A paragraph of data text (escaped), optionally led by a bold label."""
    head = f"<b>{escape(bold_prefix)}</b> " if bold_prefix else ""
    return Paragraph(head + escape(text), style)


# --- banners ----------------------------------------------------------------------


def _state_banner(view: ReportView) -> Table:
    fill, line = STATE_COLOURS[view.state]
    table = Table([[Paragraph(f"<b>{escape(view.banner)}</b>", styles().body)]],
                  colWidths=[PAGE[0] - 2 * MARGIN])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(fill)),
        ("BOX", (0, 0), (-1, -1), 1, colors.HexColor(line)),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return table


def _patient_banner(view: ReportView) -> list[Flowable]:
    """Name, MRN, birth date/age, sex, accession, study date, modality and
    description in a boxed grid of four columns; missing values in red."""
    if view.patient is None:
        return []
    st = styles()
    missing = ParagraphStyle("missing", parent=st.body, textColor=colors.HexColor("#b02a37"))
    cells = [[Paragraph(escape(i.label.upper()), st.small),
              Paragraph(escape(i.shown), st.body if i.value else missing)] for i in view.patient.items]
    rows = []
    for k in range(0, len(cells), 4):
        chunk = cells[k:k + 4] + [[Paragraph("", st.small), Paragraph("", st.body)]] * (4 - len(cells[k:k + 4]))
        rows.append([c[0] for c in chunk])
        rows.append([c[1] for c in chunk])
    width = (PAGE[0] - 2 * MARGIN) / 4
    table = Table(rows, colWidths=[width] * 4)
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.HexColor("#1f4e79")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    out: list[Flowable] = [Spacer(1, 4), table, Spacer(1, 3)]
    out += [_p(w, st.warning, "Warning:") for w in view.patient.warnings]
    return out


def _meta(view: ReportView) -> list[Flowable]:
    st = styles()
    out = [_p(view.thread_id, st.small, "Thread:"),
           _p(f"{view.draft_id} ({fmt_time(view.created_at)})", st.small, "Draft:")]
    if view.reviewer:
        when = f" ({fmt_time(view.signed_at)})" if view.signed_at else ""
        out.append(_p(view.reviewer + when, st.small, "Reviewer:"))
    if view.reason:
        out.append(_p(view.reason, st.body, "Rejection reason:"))
    return out


# --- body ---------------------------------------------------------------------------


def _sections(view: ReportView) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = []
    for sec in view.sections:
        out.append(_p(sec.name, st.heading))
        for s in sec.sentences:
            marker = f" [{', '.join(s.evidence)}]" if s.evidence else " [no evidence]"
            text = "• " + escape(s.text) + f'<font size="7" color="#555555">{escape(marker)}</font>'
            if s.flagged:
                text += f' <font color="#b02a37"><i>flagged: {escape(s.flag_reason or "unsupported")}</i></font>'
            out.append(Paragraph(text, st.body))
    return out


class KeyImageFlowable(Flowable):
    """A key image scaled to fit, with its boxes as vector outlines and labels
    (drawn, not burnt in, so they stay sharp and can be checked in the PDF)."""

    def __init__(self, data: bytes, key: KeyImage, max_w: float, max_h: float) -> None:
        super().__init__()
        with PILImage.open(io.BytesIO(data)) as im:
            self.px_w, self.px_h = im.size
        self.data, self.key = data, key
        self.scale = min(max_w / self.px_w, max_h / self.px_h)
        self.width, self.height = self.px_w * self.scale, self.px_h * self.scale

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.drawImage(ImageReader(io.BytesIO(self.data)), 0, 0, self.width, self.height)
        c.setStrokeColor(BOX_COLOUR)
        c.setFillColor(BOX_COLOUR)
        c.setLineWidth(1.5)
        c.setFont(fonts()[1], 8)
        for b in self.key.boxes:
            x0, y0, x1, y1 = (v * self.scale for v in b.xyxy)
            # Image rows grow downwards, PDF y upwards.
            c.rect(x0, self.height - y1, x1 - x0, y1 - y0, stroke=1, fill=0)
            c.drawString(x0 + 2, self.height - y0 - 9, b.label[:40])


def _image_bytes(key: KeyImage) -> tuple[bytes | None, str | None]:
    """The stored image, or why it cannot be shown (gone, or changed since)."""
    try:
        data = Path(key.image.path).read_bytes()
    except OSError:
        return None, "the image file is no longer stored"
    if sha256_bytes(data) != key.image.sha256:
        return None, "the stored image changed since the report was drafted"
    return data, None


def _boxes_fit(flow: KeyImageFlowable) -> bool:
    return all(0 <= b.xyxy[0] < b.xyxy[2] <= flow.px_w + 1 and 0 <= b.xyxy[1] < b.xyxy[3] <= flow.px_h + 1
               for b in flow.key.boxes)


def _key_images(view: ReportView) -> list[Flowable]:
    st = styles()
    if not view.key_images:
        return []
    out: list[Flowable] = [_p("Key images", st.heading)]
    for key in view.key_images[:MAX_KEY_IMAGES]:
        caption = (f"Image {key.image.sha256[:12]} — findings {', '.join(key.finding_ids)}"
                   + (f"; boxes: {', '.join(b.label for b in key.boxes)}" if key.boxes else ""))
        data, why = _image_bytes(key)
        if data is None:
            out.append(_p(f"{caption}: not shown, {why}.", st.warning))
            continue
        flow = KeyImageFlowable(data, key, PAGE[0] - 2 * MARGIN, 110 * mm)
        if not _boxes_fit(flow):
            flow.key = key.model_copy(update={"boxes": []})
            caption += " (boxes lie outside this image's pixel grid and are listed, not drawn)"
        out.append(KeepTogether([flow, _p(caption, st.small), Spacer(1, 4)]))
    if len(view.key_images) > MAX_KEY_IMAGES:
        out.append(_p(f"{len(view.key_images) - MAX_KEY_IMAGES} more key images are in the DICOM SR.", st.small))
    return out


def _evidence(view: ReportView) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [_p("Evidence", st.heading)] if view.evidence else []
    for e in view.evidence:
        refs = "".join(f" · {r}" for r in e.refs)
        out.append(_p(f"({e.kind}): {e.description}{refs}", st.small, e.id))
    if view.citations:
        out.append(_p("Guideline citations", st.heading))
    for c in view.citations:
        source = ", ".join(str(x) for x in (c.organization, c.year) if x)
        line = (f"{c.title}{' — ' + source if source else ''}{', DOI ' + c.doi if c.doi else ''}. "
                f"Section: {c.section} / {c.heading}.")
        out += [_p(line, st.body, c.evidence_id), _p(f"“{c.quote}”", st.quote)]
    return out


def _trailer(view: ReportView) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = []
    if view.diffs:
        out.append(_p("Reviewer changes", st.heading))
        for name, diff in view.diffs.items():
            out += [_p(name, st.body), XPreformatted(escape(diff), st.mono)]
    if view.warnings:
        out.append(_p("Warnings", st.heading))
        out += [_p(w, st.body, "•") for w in view.warnings]
    if view.models or view.prompt_templates:
        out.append(_p("Provenance", st.heading))
        out += [_p(m, st.small, "Model") for m in view.models]
        out += [_p(t, st.small, "Prompt template") for t in view.prompt_templates]
    return out


# --- pages --------------------------------------------------------------------------


def _page_header(view: ReportView) -> str:
    if view.patient is None:
        return view.title
    name, mrn, acc = (view.patient.get(k) for k in ("Patient", "MRN", "Accession"))
    return (f"{name or 'patient not recorded'} · MRN {mrn or 'not recorded'} · "
            f"Accession {acc or 'not recorded'}")


def _decorate(view: ReportView):  # type: ignore[no-untyped-def]
    """The per-page drawing: header naming the patient, footer with the page
    number and state, diagonal mark on unsigned/rejected reports."""
    regular, bold = fonts()
    header, mark = _page_header(view), WATERMARK.get(view.state)

    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        w, h = PAGE
        if mark:
            canvas.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.13))
            canvas.setFont(bold, 46)
            canvas.translate(w / 2, h / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, 0, mark)
            canvas.rotate(-45)
            canvas.translate(-w / 2, -h / 2)
        canvas.setFillColor(colors.black)
        canvas.setFont(bold, 8)
        canvas.drawString(MARGIN, h - 10 * mm, header)
        canvas.setFont(regular, 7.5)
        canvas.drawString(MARGIN, 9 * mm, f"carepath report {view.thread_id} — {view.state.upper()}")
        canvas.drawRightString(w - MARGIN, 9 * mm, f"page {doc.page}")
        canvas.restoreState()
    return draw


def render_pdf(view: ReportView) -> bytes:
    """The PDF bytes of one report view (same view, same bytes)."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN + 4 * mm, bottomMargin=MARGIN,
                            title=view.title, author="carepath", subject=f"{view.state} report",
                            creator="carepath", invariant=True)
    story: list[Flowable] = [_p(view.title, styles().title), _state_banner(view)]
    story += _patient_banner(view) + _meta(view) + _sections(view) + _key_images(view)
    story += _evidence(view) + _trailer(view)
    page = _decorate(view)
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buf.getvalue()


def write_pdf(path: str | Path, view: ReportView) -> Path:
    return write_bytes(Path(path), render_pdf(view))
