"""The PDF rendering: read back with pypdf/pdfplumber (text, images, the
vector box outlines) and rasterised with pypdfium2, and ``write_all``
writing every output kind with the patient context."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
import pydicom
import pypdfium2
import pytest
from PIL import Image
from pypdf import PdfReader
from support.outputs_fixtures import approve, citation, cxr_draft, cxr_path, cxr_results, reject

from carepath.artifacts import ArtifactRef, ArtifactStore
from carepath.context import CareContext, PersonName, context_from_dicom
from carepath.context.patient import Patient
from carepath.draft import Draft, SignOff
from carepath.evidence import Evidence, SkillResult
from carepath.workflows.outputs import KINDS, write_all
from carepath.workflows.outputs.fhir import read_bundle
from carepath.workflows.outputs.pdf import PAGE, render_pdf
from carepath.workflows.outputs.render import report_view

BOX = (400.0, 500.0, 900.0, 1100.0)   # x0, y0, x1, y1 in the key image's pixels
IMAGE_SIZE = (1600, 2000)


def rg1() -> CareContext:
    return context_from_dicom(pydicom.dcmread(cxr_path(), stop_before_pixels=True))


def text_of(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def overlay(tmp_path_factory: pytest.TempPathFactory) -> ArtifactRef:
    """A key image as the localization skill stores it: the image at its
    original pixel grid (boxes are drawn on top by the PDF as vectors)."""
    store = ArtifactStore(tmp_path_factory.mktemp("art"))
    buf = io.BytesIO()
    Image.new("RGB", IMAGE_SIZE, (70, 70, 70)).save(buf, "PNG")
    return store.put_bytes(buf.getvalue(), "image/png")


def boxed_results(image: ArtifactRef) -> dict[str, SkillResult]:
    results = cxr_results()
    results["cxr"].findings[0].evidence[0] = Evidence(
        kind="box", ref="box:1", artifact=image, detail={"xyxy": list(BOX), "label": "consolidation"})
    return results


def test_signed_pdf_has_patient_sections_citations_and_state() -> None:
    d = cxr_draft()
    pdf = render_pdf(report_view(d, approve(d), cxr_results(), rg1()))
    assert pdf.startswith(b"%PDF-")
    text = flat(text_of(pdf))
    for expected in ("RG1 CompressedSamples", "9RG1", "exam Number", "1940-03-05 (age 64 y)", "female",
                     "2004-08-26 18:50", "CR", "THORAX", "Signed by Jane Smith at 2025-03-04 11:30:00 UTC.",
                     "Findings", "Right lower lobe consolidation. [cxr-1]", "Impression",
                     "Right lower lobe pneumonia. [cxr-1, cxr-2]", "Guideline citations",
                     "Community-Acquired Pneumonia in Adults — ATS/IDSA, 2019",
                     'Give <script>alert("x")</script> & [click](javascript:alert(1)) now.'):
        assert expected in text, expected
    assert "DRAFT" not in text and "Warning:" not in text
    # Every page names the patient in its header.
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        assert "RG1 CompressedSamples · MRN 9RG1 · Accession exam Number" in page.extract_text()
    # Same state, same bytes (invariant mode: no timestamps or random ids).
    assert render_pdf(report_view(d, approve(d), cxr_results(), rg1())) == pdf


def test_draft_and_rejected_are_marked_on_every_page() -> None:
    d = cxr_draft()
    d.citations += [citation(n, quote="A long quote. " * 60) for n in range(2, 6)]   # several pages
    draft_pdf = render_pdf(report_view(d, None, cxr_results(), rg1()))
    pages = PdfReader(io.BytesIO(draft_pdf)).pages
    assert len(pages) >= 2
    assert all("DRAFT — PRELIMINARY" in p.extract_text() for p in pages)
    assert "DRAFT — not signed." in text_of(draft_pdf)
    rejected = text_of(render_pdf(report_view(d, reject(), cxr_results(), rg1())))
    assert "REJECTED — NOT FOR CLINICAL USE" in rejected and "Wrong side reported." in rejected


def test_missing_identifiers_are_stated() -> None:
    ctx = CareContext(patient=Patient(name=PersonName(family="Doe", given="Jane")))
    text = flat(text_of(render_pdf(report_view(cxr_draft(), None, cxr_results(), ctx))))
    assert "Jane Doe · MRN not recorded · Accession not recorded" in text
    assert "Warning: no patient identifier (PatientID) in the study" in text
    assert "Warning: no accession number in the study" in text


def test_hostile_text_stays_literal() -> None:
    d = cxr_draft()
    d.sections[0].sentences[0].text = 'Opacity <font color="white">hidden</font> <a href="x">link</a> & more.'
    text = flat(text_of(render_pdf(report_view(d, None, cxr_results(), rg1()))))
    assert 'Opacity <font color="white">hidden</font> <a href="x">link</a> & more.' in text


def test_key_image_keeps_its_boxes(overlay: ArtifactRef, tmp_path: Path) -> None:
    d = cxr_draft()
    pdf = render_pdf(report_view(d, approve(d), boxed_results(overlay), rg1()))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = next(p for p in doc.pages if p.images)
        (img,) = page.images
        scale = (img["x1"] - img["x0"]) / IMAGE_SIZE[0]
        assert (img["bottom"] - img["top"]) / IMAGE_SIZE[1] == pytest.approx(scale, rel=1e-3)
        want = (img["x0"] + BOX[0] * scale, img["top"] + BOX[1] * scale,
                img["x0"] + BOX[2] * scale, img["top"] + BOX[3] * scale)
        rects = [(r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects]
        assert any(all(abs(a - b) < 1.5 for a, b in zip(r, want, strict=True)) for r in rects), (rects, want)
        assert "consolidation" in page.extract_text()
        index = doc.pages.index(page)
    # Rasterised, the outline is the box colour where the box is, grey elsewhere.
    png = pypdfium2.PdfDocument(pdf)[index].render(scale=2).to_pil().convert("RGB")
    k = png.width / PAGE[0]
    x0, top, x1, bottom = (v * k for v in want)
    edge = png.getpixel((round((x0 + x1) / 2), round(top)))
    inside = png.getpixel((round((x0 + x1) / 2), round((top + bottom) / 2)))
    assert edge[0] > 200 and edge[2] < 100, edge          # orange-red outline
    assert abs(inside[0] - inside[2]) < 10, inside        # the grey image inside
    png.save(tmp_path / "page.png")


def test_missing_key_image_is_said(overlay: ArtifactRef, tmp_path: Path) -> None:
    gone = overlay.model_copy(update={"path": str(tmp_path / "gone.png")})
    text = flat(text_of(render_pdf(report_view(cxr_draft(), None, boxed_results(gone), rg1()))))
    assert "not shown, the image file is no longer stored." in text


# --- write_all --------------------------------------------------------------------


@dataclass
class Study:
    path: str


@dataclass
class View:
    """A minimal report source (``write_all`` reads a Protocol, not the thread layer)."""

    draft: Draft
    signoff: SignOff | None
    results: dict[str, SkillResult]
    studies: list[str]
    context: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    def inputs_of(self, kind: str) -> Sequence[Study]:
        return [Study(p) for p in self.studies] if kind == "study" else []


def test_write_all_writes_every_kind_with_the_patient(tmp_path: Path) -> None:
    d = cxr_draft()
    ctx = rg1().model_dump(mode="json")      # as ThreadView holds it
    out = write_all(View(d, approve(d), cxr_results(), [cxr_path()], context=ctx), tmp_path / "out")
    assert set(out) == set(KINDS) >= {"fhir", "sr", "sr_draft", "pdf", "hl7v2", "md", "html"}
    assert "9RG1" in text_of(Path(out["pdf"]).read_bytes())
    bundle = json.loads(Path(out["fhir"]).read_text())
    (report,) = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "DiagnosticReport"]
    pdf_form = next(a for a in report["presentedForm"] if a["contentType"] == "application/pdf")
    assert pdf_form["size"] == Path(out["pdf"]).stat().st_size
    assert read_bundle(out["fhir"]).type == "transaction"
    er7 = Path(out["hl7v2"]).read_text()
    assert er7.startswith("MSH|") and "|9RG1^^^^MR|" in er7 and "exam Number" in er7
    assert "**MRN:** 9RG1" in Path(out["md"]).read_text()
    # Written again: identical files (ids, control id and PDF all derive from the state).
    before = {k: Path(v).read_bytes() for k, v in out.items() if k in ("fhir", "pdf", "hl7v2", "md", "html")}
    again = write_all(View(d, approve(d), cxr_results(), [cxr_path()], context=ctx), tmp_path / "out")
    assert {k: Path(again[k]).read_bytes() for k in before} == before


def test_write_all_without_context_or_patient_id(tmp_path: Path) -> None:
    d = cxr_draft()
    out = write_all(View(d, None, cxr_results(), []), tmp_path / "draft")
    assert set(out) == {"fhir", "pdf", "md", "html"}   # no SR without a study, no ORU for a draft
    assert "no patient/order context was recorded" in text_of(Path(out["pdf"]).read_bytes())
    out = write_all(View(d, approve(d), cxr_results(), [], context=CareContext()), tmp_path / "signed")
    assert "hl7v2" not in out                          # a RIS cannot file it without PID-3
    assert "no patient identifier" in Path(out["md"]).read_text()
