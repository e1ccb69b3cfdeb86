"""DICOM SR along IHE AI Results (issue 13 item 4), on pydicom-data's
RG1_UNCR.dcm (PatientID 9RG1, AccessionNumber "exam Number", 1841 columns ×
1955 rows, so an x/y mix-up lands elsewhere): TID 1500 with localization
boxes, TID 2000 with CID 7001/7002 codes without them, TID 4019 algorithm
identification, observers, the Referenced Request Sequence, and the
Encapsulated PDF of the signed report. Everything is built with the real
highdicom/pydicom, checked with Debian dicom3tools' dciodvfy, and stored
into a real Orthanc and found again by QIDO-RS."""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pydicom
import pytest
from pydicom.sr.codedict import codes
from reportlab.pdfgen import canvas
from support.orthanc_fixtures import OrthancServer
from support.outputs_fixtures import (
    approve,
    cxr_draft,
    cxr_path,
    cxr_results,
    edit,
    reject,
)

from carepath.context import Identifier, Order
from carepath.errors import InputError
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.tools.dicom.pacs import source_for
from carepath.tools.dicom.windowing import Placement
from carepath.tools.localization import to_original
from carepath.workflows.outputs.encapsulated_pdf import (
    build_encapsulated_pdf,
    pdf_of,
    write_encapsulated_pdf,
)
from carepath.workflows.outputs.sr import ImagingContext, build_draft_sr, build_signed_sr, write_sr

DCIODVFY = shutil.which("dciodvfy")
needs_dciodvfy = pytest.mark.skipif(DCIODVFY is None, reason="Debian dicom3tools not installed")
SRC = pydicom.dcmread(cxr_path(), stop_before_pixels=True)
# A box on the model's square image, Gemma order [y0, x0, y1, x1] on 0–1000:
# the lower half of the rows, the left half of the (padded) columns.
MODEL_BOX = (500.0, 100.0, 1000.0, 500.0)


def dciodvfy(path: Path) -> tuple[list[str], list[str]]:
    proc = subprocess.run([DCIODVFY, str(path)], capture_output=True, text=True, timeout=60)
    lines = (proc.stdout + proc.stderr).splitlines()
    errors = [x for x in lines if x.startswith("Error")]
    assert (proc.returncode == 0) == (not errors), lines
    return errors, [x for x in lines if x.startswith("Warning")]


def items(ds: pydicom.Dataset) -> Iterator[pydicom.Dataset]:
    for item in ds.get("ContentSequence", []):
        yield item
        yield from items(item)


def named(ds: pydicom.Dataset, code: str) -> list[pydicom.Dataset]:
    return [i for i in items(ds) if "ConceptNameCodeSequence" in i
            and i.ConceptNameCodeSequence[0].CodeValue == code]


def placement() -> Placement:
    """How tools.cxr pads RG1_UNCR onto the 896×896 model image (long side = rows)."""
    w, h, size = int(SRC.Columns), int(SRC.Rows), 896
    scale = size / max(w, h)
    nw, nh = round(w * scale), round(h * scale)
    return Placement(original_width=w, original_height=h, scale=scale, pad_left=(size - nw) // 2,
                     pad_top=(size - nh) // 2, size=size, scale_x=nw / w, scale_y=nh / h)


def localization_results() -> dict[str, SkillResult]:
    """The cxr report's results plus a localization result shaped as
    tools.localization writes it (xyxy from to_original, the 0–1000 box kept)."""
    xyxy = to_original(MODEL_BOX, placement())
    loc = SkillResult(
        skill="localization", generated=True, model="google/medgemma-1.5-4b-it",
        backend="transformers", template_id="localization@v1",
        findings=[Finding(id="loc-1", text="pleural effusion", label="pleural effusion", evidence=[
            Evidence(kind="box", ref="box:1", detail={
                "xyxy": list(xyxy), "model_yxyx_1000": list(MODEL_BOX), "label": "pleural effusion",
                "sop_instance_uid": str(SRC.SOPInstanceUID)})])])
    return cxr_results() | {"localization": loc}


def no_boxes() -> dict[str, SkillResult]:
    out = cxr_results()
    cxr = out["cxr"]
    out["cxr"] = cxr.model_copy(update={"findings": [
        f.model_copy(update={"evidence": [e for e in f.evidence if e.kind != "box"]})
        for f in cxr.findings]})
    return out


def small_pdf() -> bytes:
    buf = io.BytesIO()
    page = canvas.Canvas(buf, invariant=1)
    page.drawString(72, 720, "Impression: right lower lobe pneumonia.")
    page.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("air")
    draft, ctx = cxr_draft(), ImagingContext.from_study([cxr_path()])
    signed = build_signed_sr(draft, edit(draft), ctx, localization_results(),
                             organization="General Hospital")
    paths = {
        "tid1500_draft": write_sr(build_draft_sr(draft, ctx, localization_results()), out / "d1500.dcm"),
        "tid1500_signed": write_sr(signed, out / "s1500.dcm"),
        "tid2000_draft": write_sr(build_draft_sr(draft, ctx, no_boxes()), out / "d2000.dcm"),
        "tid2000_signed": write_sr(build_signed_sr(draft, approve(draft), ctx, no_boxes()),
                                   out / "s2000.dcm"),
    }
    pdf = build_encapsulated_pdf(small_pdf(), draft, edit(draft), ctx, signed_sr=signed)
    paths["pdf"] = write_encapsulated_pdf(pdf, out / "report.pdf.dcm")
    return paths


# --- validity -------------------------------------------------------------------------


@needs_dciodvfy
@pytest.mark.parametrize("kind", ["tid1500_draft", "tid1500_signed", "tid2000_draft",
                                  "tid2000_signed", "pdf"])
def test_dciodvfy_reports_no_errors(built: dict[str, Path], kind: str) -> None:
    errors, warnings = dciodvfy(built[kind])
    assert errors == []
    # What remains is known and listed in the README: the source image's
    # retired PN form, and the private coding scheme carepath declares.
    known = ("Retired Person Name form", "<99CAREPATH>")
    assert all(any(k in w for k in known) for w in warnings), warnings


# --- templates and codes --------------------------------------------------------------


def test_boxes_make_a_tid1500_comprehensive_3d_sr(built: dict[str, Path]) -> None:
    ds = pydicom.dcmread(built["tid1500_draft"])
    assert ds.SOPClassUID == pydicom.uid.Comprehensive3DSRStorage
    tid = ds.ContentTemplateSequence[0]
    assert (tid.MappingResource, tid.TemplateIdentifier) == ("DCMR", "1500")
    title = ds.ConceptNameCodeSequence[0]
    assert (title.CodeValue, title.CodingSchemeDesignator) == ("126000", "DCM")
    groups = named(ds, "125007")  # Measurement Group, TID 1410
    assert len(groups) == 2 and all(g.ContentTemplateSequence[0].TemplateIdentifier == "1410"
                                    for g in groups)
    # The report text is kept, as qualitative evaluations with CID 7002 concepts.
    evals = named(ds, "C0034375")[0]
    texts = {i.ConceptNameCodeSequence[0].CodeValue: str(i.TextValue)
             for i in evals.ContentSequence if i.ValueType == "TEXT"}
    assert texts["121073"].startswith("Right lower lobe pneumonia.")


def test_without_boxes_tid2000_with_cid7001_headings(built: dict[str, Path]) -> None:
    ds = pydicom.dcmread(built["tid2000_draft"])
    assert ds.SOPClassUID == pydicom.uid.ComprehensiveSRStorage
    tid = ds.ContentTemplateSequence[0]
    assert (tid.MappingResource, tid.TemplateIdentifier) == ("DCMR", "2000")
    assert ds.ConceptNameCodeSequence[0].CodeValue == codes.cid7000.DiagnosticImagingReport.value
    cid7001 = {getattr(codes.cid7001, k).value for k in codes.cid7001.dir()}
    cid7002 = {getattr(codes.cid7002, k).value for k in codes.cid7002.dir()}
    headings = [i for i in ds.ContentSequence if i.ValueType == "CONTAINER"]
    seen = [h.ConceptNameCodeSequence[0].CodeValue for h in headings]
    # Findings, Impressions, Recommendations from CID 7001 (LOINC); the
    # Limitations heading has no CID 7001 code and is declared private.
    assert seen[:3] == ["59776-5", "19005-8", "18783-1"] and set(seen[:3]) <= cid7001
    assert headings[3].ConceptNameCodeSequence[0].CodingSchemeDesignator == "99CAREPATH"
    assert "121070" not in seen  # the retired DCM "Findings" heading
    sentence_codes = {i.ConceptNameCodeSequence[0].CodeValue for h in headings[:3]
                      for i in h.ContentSequence
                      if i.ConceptNameCodeSequence[0].CodingSchemeDesignator != "99CAREPATH"}
    assert sentence_codes == {"121071", "121073", "121075"} and sentence_codes <= cid7002
    # Mandatory TID 2000 rows: language and observation context.
    assert named(ds, "121049")[0].ConceptCodeSequence[0].CodeValue == "en-US"
    assert named(ds, "121005")[0].ConceptCodeSequence[0].CodeValue == "121007"  # Device


def test_tid4019_names_model_version_and_prompt_versions(built: dict[str, Path]) -> None:
    ds = pydicom.dcmread(built["tid1500_signed"])
    for group in named(ds, "125007"):
        algo = {i.ConceptNameCodeSequence[0].CodeValue: [] for i in group.ContentSequence}
        for i in group.ContentSequence:
            if i.ValueType == "TEXT":
                algo[i.ConceptNameCodeSequence[0].CodeValue].append(str(i.TextValue))
        assert algo["111001"] == ["google/medgemma-1.5-4b-it"]  # Algorithm Name
        assert algo["111003"] == ["rev-abc123"]                 # Algorithm Version
        assert "prompt compose_report@v1" in algo["111002"]     # Algorithm Parameters
    loc = [g for g in named(ds, "125007")
           if any(str(i.get("TextValue", "")) == "loc-1 box:1" for i in g.ContentSequence)][0]
    params = [str(i.TextValue) for i in loc.ContentSequence
              if i.ConceptNameCodeSequence[0].CodeValue == "111002"]
    assert params[0] == "prompt localization@v1"


def test_box_is_a_scoord_on_the_source_image_in_columns_and_rows(built: dict[str, Path]) -> None:
    """[y0, x0, y1, x1] on 0–1000 → (column, row) pixels of the 1841×1955
    source: the box covers the lower half of the rows and a left part of the
    columns; swapping x and y would put it across the top right instead."""
    ds = pydicom.dcmread(built["tid1500_draft"])
    group = next(g for g in named(ds, "125007")
                 if any(str(i.get("TextValue", "")) == "loc-1 box:1" for i in g.ContentSequence))
    scoord = next(i for i in group.ContentSequence if i.ValueType == "SCOORD")
    assert scoord.GraphicType == "POLYLINE"
    pts = [float(v) for v in scoord.GraphicData]
    cols, rows = pts[0::2], pts[1::2]
    assert (cols[0], rows[0]) == (cols[-1], rows[-1])  # closed
    p = placement()
    expect_x0 = (100 / 1000 * 896 - p.pad_left) / p.scale_x
    expect_x1 = (500 / 1000 * 896 - p.pad_left) / p.scale_x
    assert min(cols) == pytest.approx(expect_x0, abs=0.5)
    assert max(cols) == pytest.approx(expect_x1, abs=0.5)
    assert min(rows) == pytest.approx(SRC.Rows / 2, abs=1.0) and max(rows) == pytest.approx(SRC.Rows)
    # Swapped axes would give columns from ~977 to 1841 and rows from ~0 to ~921.
    assert max(cols) <= SRC.Columns / 2 + 0.5 and min(rows) >= SRC.Rows / 2 - 1
    image = scoord.ContentSequence[0]
    ref = image.ReferencedSOPSequence[0]
    assert (ref.ReferencedSOPClassUID, ref.ReferencedSOPInstanceUID) == (SRC.SOPClassUID, SRC.SOPInstanceUID)
    # Finding type from SNOMED CT by the label; the label kept as text too.
    ftype = next(i for i in group.ContentSequence if i.ValueType == "CODE"
                 and i.ConceptNameCodeSequence[0].CodeValue == "121071")
    assert ftype.ConceptCodeSequence[0].CodeValue == codes.SCT.PleuralEffusion.value


def test_tracking_ids_are_unique_and_stable(built: dict[str, Path]) -> None:
    a, b = (pydicom.dcmread(built[k]) for k in ("tid1500_draft", "tid1500_signed"))
    uids_a = [str(i.UID) for i in named(a, "112040")]
    assert len(uids_a) == len(set(uids_a)) == 2
    assert uids_a == [str(i.UID) for i in named(b, "112040")]  # same box, same id when signed
    assert sorted(str(i.TextValue) for i in named(a, "112039")) == ["cxr-1 box:1", "loc-1 box:1"]


# --- observers and the order ----------------------------------------------------------


def test_person_observer_only_when_the_reviewer_edited(built: dict[str, Path]) -> None:
    edited = pydicom.dcmread(built["tid1500_signed"])
    observer_types = [i.ConceptCodeSequence[0].CodeValue for i in named(edited, "121005")]
    assert observer_types == ["121006", "121007"]  # Person, then Device
    assert str(named(edited, "121008")[0].PersonName) == "Smith^Jane"
    approved = pydicom.dcmread(built["tid2000_signed"])
    assert [i.ConceptCodeSequence[0].CodeValue for i in named(approved, "121005")] == ["121007"]
    assert str(approved.VerifyingObserverSequence[0].VerifyingObserverName) == "Smith^Jane"


def test_referenced_request_names_the_accession(built: dict[str, Path]) -> None:
    for kind in ("tid1500_draft", "tid2000_signed"):
        ds = pydicom.dcmread(built[kind])
        req = ds.ReferencedRequestSequence[0]
        assert req.AccessionNumber == "exam Number" == SRC.AccessionNumber
        assert req.StudyInstanceUID == SRC.StudyInstanceUID
        assert "RequestedProcedureID" in req and "RequestedProcedureCodeSequence" in req


@needs_dciodvfy
def test_accession_from_the_order_and_none_without_one(tmp_path: Path) -> None:
    draft, ctx = cxr_draft(), ImagingContext.from_study([cxr_path()])
    order = Order(accession=Identifier(value="exam Number", namespace="RIS-A"))
    path = write_sr(build_draft_sr(draft, ctx, no_boxes(), order=order), tmp_path / "o.dcm")
    assert dciodvfy(path)[0] == []
    req = pydicom.dcmread(path).ReferencedRequestSequence[0]
    assert req.IssuerOfAccessionNumberSequence[0].LocalNamespaceEntityID == "RIS-A"
    # A source without an accession: no request is invented.
    header = copy.deepcopy(ctx.headers[0])
    header.AccessionNumber = ""
    bare = ImagingContext(images=ctx.images)
    bare._headers = [header]
    assert "ReferencedRequestSequence" not in build_draft_sr(draft, bare, no_boxes())


# --- Encapsulated PDF -----------------------------------------------------------------


def test_encapsulated_pdf_joins_the_study_in_its_own_series(built: dict[str, Path]) -> None:
    ds = pydicom.dcmread(built["pdf"])
    sr = pydicom.dcmread(built["tid1500_signed"])
    assert ds.SOPClassUID == "1.2.840.10008.5.1.4.1.1.104.1"
    assert ds.StudyInstanceUID == SRC.StudyInstanceUID
    assert ds.SeriesInstanceUID not in (SRC.SeriesInstanceUID, sr.SeriesInstanceUID)
    assert ds.Modality == "DOC" and ds.MIMETypeOfEncapsulatedDocument == "application/pdf"
    for kw in ("PatientID", "PatientName", "PatientBirthDate", "PatientSex", "AccessionNumber",
               "StudyDate", "StudyID"):
        assert ds.get(kw) == SRC.get(kw), kw
    assert ds.PatientID == "9RG1"
    assert ds.DocumentTitle and ds.ConceptNameCodeSequence[0].CodeValue == "18748-4"
    assert pdf_of(ds) == small_pdf()
    ref = ds.SourceInstanceSequence[0]
    assert ref.ReferencedSOPInstanceUID == sr.SOPInstanceUID


def test_encapsulated_pdf_refuses_what_is_not_a_signed_pdf() -> None:
    draft, ctx = cxr_draft(), ImagingContext.from_study([cxr_path()])
    with pytest.raises(InputError, match="not a PDF"):
        build_encapsulated_pdf(b"<html>report</html>", draft, approve(draft), ctx)
    with pytest.raises(InputError, match="rejected"):
        build_encapsulated_pdf(small_pdf(), draft, reject(), ctx)


# --- into a real PACS -----------------------------------------------------------------


def test_sr_and_pdf_stored_in_orthanc_are_found_by_qido(orthanc: OrthancServer,
                                                        built: dict[str, Path]) -> None:
    from dicomweb_client.api import DICOMwebClient  # heavy: HTTP client stack, only for PACS tests

    orthanc.upload(Path(cxr_path()))
    source_for(f"dicomweb:{orthanc.dicomweb}").store([built["tid1500_signed"], built["pdf"]])
    client = DICOMwebClient(orthanc.dicomweb)
    study = str(SRC.StudyInstanceUID)
    sr, pdf = (pydicom.dcmread(built[k]) for k in ("tid1500_signed", "pdf"))
    # The Orthanc server is shared by the session: other tests file their own SRs into this
    # study, so each search is narrowed to the series this test stored.
    found = {m: client.search_for_instances(study, series.SeriesInstanceUID,
                                            search_filters={"Modality": m})
             for m, series in (("SR", sr), ("DOC", pdf))}
    assert [i["00080018"]["Value"][0] for i in found["SR"]] == [sr.SOPInstanceUID]
    assert [i["00080018"]["Value"][0] for i in found["DOC"]] == [pdf.SOPInstanceUID]
    back = client.retrieve_instance(study, pdf.SeriesInstanceUID, pdf.SOPInstanceUID)
    assert pdf_of(back) == small_pdf() and back.PatientID == "9RG1"
