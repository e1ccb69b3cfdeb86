"""DICOM SR output: built from real pydicom test images, validated with
Debian dicom3tools' ``dciodvfy`` and read back with pydicom."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pydicom
import pytest
from support.outputs_fixtures import (
    approve,
    ct_draft,
    ct_path,
    ct_results,
    ct_series_dir,
    cxr_draft,
    cxr_path,
    cxr_results,
    edit,
    reject,
)

from carepath.errors import InputError
from carepath.workflows.outputs.sr import (
    SR_CLASSES,
    ImagingContext,
    SliceRef,
    SRError,
    build_draft_sr,
    build_signed_sr,
    person_name,
    read_sr,
    write_sr,
)

DCIODVFY = shutil.which("dciodvfy")
needs_dciodvfy = pytest.mark.skipif(DCIODVFY is None, reason="Debian dicom3tools not installed")


def dciodvfy(path: Path) -> tuple[int, list[str], list[str]]:
    """Run dciodvfy; return exit code, Error lines, Warning lines."""
    proc = subprocess.run([DCIODVFY, str(path)], capture_output=True, text=True, timeout=60)
    lines = (proc.stdout + proc.stderr).splitlines()
    return (proc.returncode, [x for x in lines if x.startswith("Error")],
            [x for x in lines if x.startswith("Warning")])


def assert_valid(path: Path) -> list[str]:
    rc, errors, warnings = dciodvfy(path)
    assert errors == [], errors
    assert rc == 0
    return warnings


def content_items(ds: pydicom.Dataset):
    for item in ds.get("ContentSequence", []):
        yield item
        yield from content_items(item)


def texts(ds: pydicom.Dataset) -> list[str]:
    return [str(i.TextValue) for i in content_items(ds) if i.ValueType == "TEXT"]


@pytest.fixture(scope="module")
def cxr_srs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("sr")
    draft, results = cxr_draft(), cxr_results()
    ctx = ImagingContext.from_study([cxr_path()])
    draft_sr = build_draft_sr(draft, ctx, results)
    paths = {"draft": write_sr(draft_sr, out / "draft.dcm")}
    paths["signed"] = write_sr(build_signed_sr(draft, approve(draft), ctx, results,
                                               organization="General Hospital"),
                               out / "signed.dcm")
    paths["edited"] = write_sr(build_signed_sr(draft, edit(draft), ctx, results,
                                               organization="General Hospital"),
                               out / "edited.dcm")
    assert draft_sr.SOPInstanceUID != pydicom.dcmread(paths["signed"]).SOPInstanceUID
    return paths


@needs_dciodvfy
def test_dciodvfy_catches_a_broken_sr(cxr_srs: dict[str, Path], tmp_path: Path) -> None:
    """The validator check is not vacuous: a missing Type 1 flag is an Error."""
    ds = pydicom.dcmread(cxr_srs["draft"])
    del ds.CompletionFlag
    bad = tmp_path / "bad.dcm"
    ds.save_as(bad)
    rc, errors, _ = dciodvfy(bad)
    assert rc != 0 and any("CompletionFlag" in e for e in errors)


@needs_dciodvfy
def test_draft_sr_is_partial_unverified_and_valid(cxr_srs: dict[str, Path]) -> None:
    assert_valid(cxr_srs["draft"])
    ds = pydicom.dcmread(cxr_srs["draft"])
    src = pydicom.dcmread(cxr_path(), stop_before_pixels=True)
    # Localization boxes make it a TID 1500 Comprehensive 3D SR (IHE AIR).
    assert ds.SOPClassUID == pydicom.uid.Comprehensive3DSRStorage
    assert (ds.CompletionFlag, ds.VerificationFlag, ds.PreliminaryFlag) == \
        ("PARTIAL", "UNVERIFIED", "PRELIMINARY")
    assert "VerifyingObserverSequence" not in ds
    assert "PredecessorDocumentsSequence" not in ds
    for kw in ("PatientID", "PatientName", "PatientBirthDate", "PatientSex", "StudyInstanceUID",
               "StudyDate", "AccessionNumber", "StudyID"):
        assert ds.get(kw) == src.get(kw), kw
    assert ds.SeriesInstanceUID != src.SeriesInstanceUID
    ev = ds.CurrentRequestedProcedureEvidenceSequence[0].ReferencedSeriesSequence[0]
    assert ev.SeriesInstanceUID == src.SeriesInstanceUID
    assert ev.ReferencedSOPSequence[0].ReferencedSOPInstanceUID == src.SOPInstanceUID


def test_box_is_a_closed_polyline_on_the_source_image(cxr_srs: dict[str, Path]) -> None:
    ds = pydicom.dcmread(cxr_srs["draft"])
    src = pydicom.dcmread(cxr_path(), stop_before_pixels=True)
    scoords = [i for i in content_items(ds) if i.ValueType == "SCOORD"]
    # One box, one measurement group, one region (the sentences citing the
    # finding point at the image, not at a second copy of the region).
    assert len(scoords) == 1
    sc = scoords[0]
    assert sc.GraphicType == "POLYLINE" and sc.RelationshipType == "CONTAINS"
    pts = [float(v) for v in sc.GraphicData]
    assert pts == [1000, 1100, 1500, 1100, 1500, 1600, 1000, 1600, 1000, 1100]
    img = sc.ContentSequence[0]
    assert img.ValueType == "IMAGE" and img.RelationshipType == "SELECTED FROM"
    ref = img.ReferencedSOPSequence[0]
    assert ref.ReferencedSOPInstanceUID == src.SOPInstanceUID
    assert ref.ReferencedSOPClassUID == src.SOPClassUID


def test_sentences_keep_their_evidence_ids_and_citation_quotes(cxr_srs: dict[str, Path]) -> None:
    ds = pydicom.dcmread(cxr_srs["draft"])
    all_text = texts(ds)
    draft = cxr_draft()
    for sec in draft.sections:
        for s in sec.sentences:
            assert any(t.startswith(s.text) for t in all_text), s.text
    # Evidence ids stay with their sentence (TID 2002 allows only images and
    # measurements as INFERRED FROM targets, so they are not coded items).
    assert any(t.endswith("[cxr-1, cxr-2]") for t in all_text)
    assert any(t.endswith("[lab-1]") for t in all_text)
    cite = [t for t in all_text if t.startswith("G1: ")]
    assert cite and draft.citations[0].quote in cite[0] and "10.1164/rccm.201908-1581ST" in cite[0]
    assert "Outpatient empiric therapy" in cite[0]
    assert any("flagged: no evidence id" in t for t in all_text)
    # The drafting device is the observer, not a person.
    assert any(i.ValueType == "CODE" and i.ConceptCodeSequence[0].CodeValue == "121007"
               for i in content_items(ds))


@needs_dciodvfy
def test_signed_sr_is_a_new_verified_instance_without_dangling_references(
        cxr_srs: dict[str, Path]) -> None:
    """The draft SR is never sent to a PACS, so the signed SR does not name
    it as a predecessor (a reference no archive could resolve)."""
    assert_valid(cxr_srs["signed"])
    draft_ds, ds = pydicom.dcmread(cxr_srs["draft"]), pydicom.dcmread(cxr_srs["signed"])
    assert ds.SOPInstanceUID != draft_ds.SOPInstanceUID
    assert ds.SeriesInstanceUID == draft_ds.SeriesInstanceUID
    assert (ds.CompletionFlag, ds.VerificationFlag, ds.PreliminaryFlag) == \
        ("COMPLETE", "VERIFIED", "FINAL")
    obs = ds.VerifyingObserverSequence[0]
    assert str(obs.VerifyingObserverName) == "Smith^Jane"
    assert obs.VerifyingOrganization == "General Hospital"
    assert str(obs.VerificationDateTime).startswith("20250304113000")
    assert "PredecessorDocumentsSequence" not in ds
    assert "IdenticalDocumentsSequence" not in ds
    referenced = {r.ReferencedSOPInstanceUID for i in content_items(ds)
                  for r in i.get("ReferencedSOPSequence", [])}
    assert draft_ds.SOPInstanceUID not in referenced


@needs_dciodvfy
def test_an_amendment_names_the_previous_signed_sr(cxr_srs: dict[str, Path], tmp_path: Path) -> None:
    from datetime import timedelta

    draft, results = cxr_draft(), cxr_results()
    ctx = ImagingContext.from_study([cxr_path()])
    first = read_sr(cxr_srs["signed"])
    later = edit(draft).model_copy(update={"signed_at": approve(draft).signed_at + timedelta(days=1)})
    amended = write_sr(build_signed_sr(draft, later, ctx, results, predecessor=first),
                       tmp_path / "amended.dcm")
    assert_valid(amended)
    ds = pydicom.dcmread(amended)
    assert ds.SOPInstanceUID != first.SOPInstanceUID and ds.InstanceNumber == first.InstanceNumber + 1
    pre = ds.PredecessorDocumentsSequence[0]
    assert pre.StudyInstanceUID == first.StudyInstanceUID
    ref = pre.ReferencedSeriesSequence[0].ReferencedSOPSequence[0]
    assert (ref.ReferencedSOPInstanceUID, ref.ReferencedSOPClassUID) == \
        (first.SOPInstanceUID, first.SOPClassUID)


def test_an_unsent_draft_cannot_be_a_predecessor(cxr_srs: dict[str, Path]) -> None:
    draft = cxr_draft()
    with pytest.raises(SRError, match="unverified draft") as err:
        build_signed_sr(draft, approve(draft), ImagingContext.from_study([cxr_path()]),
                        predecessor=read_sr(cxr_srs["draft"]))
    assert "dangle" in str(err.value)


@needs_dciodvfy
def test_edited_signoff_text_is_what_gets_signed(cxr_srs: dict[str, Path]) -> None:
    assert_valid(cxr_srs["edited"])
    all_text = texts(pydicom.dcmread(cxr_srs["edited"]))
    assert any(t.startswith("Right lower lobe pneumonia, likely bacterial. [signoff]")
               for t in all_text)
    assert not any(t.startswith("Right lower lobe pneumonia. [") for t in all_text)


@needs_dciodvfy
def test_ct_small_draft_and_signed(tmp_path: Path) -> None:
    draft, results = ct_draft(), ct_results()
    ctx = ImagingContext.from_study([ct_path()])
    d = write_sr(build_draft_sr(draft, ctx, results), tmp_path / "d.dcm")
    s = write_sr(build_signed_sr(draft, approve(draft), ctx, results), tmp_path / "s.dcm")
    assert_valid(d)
    assert_valid(s)
    src = pydicom.dcmread(ct_path(), stop_before_pixels=True)
    assert pydicom.dcmread(s).StudyInstanceUID == src.StudyInstanceUID


@needs_dciodvfy
def test_slices_of_a_series_map_to_their_instances(tmp_path: Path) -> None:
    ctx = ImagingContext.from_study([ct_series_dir()])
    assert len(ctx.images) == 5
    ctx.slice_map = {i: SliceRef(sop_instance_uid=img.sop_instance_uid)
                     for i, img in enumerate(ctx.images)}
    path = write_sr(build_draft_sr(ct_draft(), ctx, ct_results()), tmp_path / "series.dcm")
    assert_valid(path)
    ds = pydicom.dcmread(path)
    images = [i for i in content_items(ds) if i.ValueType == "IMAGE"]
    uids = {i.ReferencedSOPSequence[0].ReferencedSOPInstanceUID for i in images}
    assert uids == {ctx.images[2].sop_instance_uid, ctx.images[3].sop_instance_uid}
    scoord = next(i for i in content_items(ds) if i.ValueType == "SCOORD")
    assert scoord.ContentSequence[0].ReferencedSOPSequence[0].ReferencedSOPInstanceUID == \
        ctx.images[3].sop_instance_uid


def test_rebuilding_gives_the_same_instance() -> None:
    ctx = ImagingContext.from_study([cxr_path()])
    a = build_draft_sr(cxr_draft(), ctx, cxr_results())
    b = build_draft_sr(cxr_draft(), ctx, cxr_results())
    assert a.SOPInstanceUID == b.SOPInstanceUID and a.SeriesInstanceUID == b.SeriesInstanceUID


def test_rejected_draft_gets_no_signed_sr(cxr_srs: dict[str, Path]) -> None:
    ctx = ImagingContext.from_study([cxr_path()])
    with pytest.raises(SRError, match="rejected"):
        build_signed_sr(cxr_draft(), reject(), ctx)


def test_predecessor_from_another_study_is_refused(tmp_path: Path) -> None:
    draft = ct_draft()
    ct_ctx = ImagingContext.from_study([ct_path()])
    cxr_ctx = ImagingContext.from_study([cxr_path()])
    other = build_signed_sr(draft, approve(draft), cxr_ctx)
    with pytest.raises(SRError, match="another study"):
        build_signed_sr(draft, approve(draft), ct_ctx, predecessor=other)
    with pytest.raises(SRError, match="not a Comprehensive SR"):
        build_signed_sr(draft, approve(draft), ct_ctx, predecessor=pydicom.dcmread(ct_path()))


def test_unreadable_source_is_a_clear_error_without_identifiers(tmp_path: Path) -> None:
    bogus = tmp_path / "scan.dcm"
    bogus.write_bytes(b"not dicom at all")
    with pytest.raises(InputError) as err:
        ImagingContext.from_study([bogus])
    assert "unreadable DICOM source" in str(err.value) and str(bogus) in str(err.value)
    with pytest.raises(InputError, match="no DICOM image"):
        ImagingContext.from_study([tmp_path])
    # The patient name of a real image never leaks into an SR error.
    src = pydicom.dcmread(cxr_path(), stop_before_pixels=True)
    with pytest.raises(SRError) as err2:
        build_signed_sr(cxr_draft(), reject(), ImagingContext.from_study([cxr_path()]), predecessor=src)
    assert str(src.PatientName) not in str(err2.value)


@pytest.mark.parametrize("identity,pn", [("Jane Smith", "Smith^Jane"), ("Smith, Jane", "Smith^Jane"),
                                         ("jsmith", "jsmith^"), ("A^B=C", "C^A B")])
def test_reviewer_identity_becomes_a_person_name(identity: str, pn: str) -> None:
    assert person_name(identity) == pn


# --- zips and folders sign like files (issue 13 item 7) --------------------------


def _zipped(src: Path, dest: Path) -> Path:
    """A study as most PACS exports hand it over: the file inside a folder in a zip."""
    import zipfile

    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(src, f"EXPORT/STUDY1/{src.name}")
    return dest


@pytest.mark.parametrize("packaging", ["zip", "folder"])
def test_zipped_or_folder_study_drafts_and_signs_with_an_sr(
        packaging: str, guideline_data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: a zipped study drafted but signing failed with
    ``unreadable DICOM source for the SR (study.zip)`` because the SR writer
    reopened the input path itself. Every writer now reads through the study
    reader, so the zip and the folder sign like the plain file."""
    from carepath.draft import ReviewDecision
    from carepath.settings import get_settings
    from carepath.workflows.request import DraftRequest
    from carepath.workflows.service import open_service

    monkeypatch.setenv("CAREPATH_DATA_DIR", str(guideline_data_dir))
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    get_settings.cache_clear()
    src = Path(cxr_path())
    if packaging == "zip":
        study = _zipped(src, tmp_path / "study.zip")
    else:
        study = tmp_path / "study"
        (study / "series1").mkdir(parents=True)
        shutil.copy(src, study / "series1" / "IM0001")
    with open_service() as svc:
        out = svc.draft(DraftRequest(text="Chest X-ray for cough, please draft the report.",
                                     studies=[study]))
        assert out.status == "awaiting_signoff" and out.intent == "cxr_report", out.warnings
        signed = svc.sign(out.thread_id, ReviewDecision(
            reviewer="Jane Smith", action="edit",
            edits={"Impression": "No acute cardiopulmonary abnormality."}))
    assert signed.status == "final"
    assert {"sr", "sr_draft", "fhir", "md", "html"} <= set(signed.outputs)
    source = pydicom.dcmread(src, stop_before_pixels=True)
    for key in ("sr_draft", "sr"):
        assert_valid(Path(signed.outputs[key]))
        ds = pydicom.dcmread(signed.outputs[key])
        assert ds.SOPClassUID in SR_CLASSES
        assert ds.StudyInstanceUID == source.StudyInstanceUID
        for kw in ("PatientID", "AccessionNumber"):
            assert ds.get(kw) == source.get(kw), kw
        ref = ds.CurrentRequestedProcedureEvidenceSequence[0].ReferencedSeriesSequence[0]
        assert ref.ReferencedSOPSequence[0].ReferencedSOPInstanceUID == source.SOPInstanceUID
    signed_ds = pydicom.dcmread(signed.outputs["sr"])
    assert signed_ds.VerificationFlag == "VERIFIED"
    # The signed report also as an Encapsulated PDF: same study, own series,
    # naming the signed SR it renders (which is sent with it).
    assert_valid(Path(signed.outputs["pdf_dicom"]))
    pdf = pydicom.dcmread(signed.outputs["pdf_dicom"])
    assert pdf.StudyInstanceUID == source.StudyInstanceUID and pdf.Modality == "DOC"
    assert pdf.SeriesInstanceUID not in (source.SeriesInstanceUID, signed_ds.SeriesInstanceUID)
    assert pdf.SourceInstanceSequence[0].ReferencedSOPInstanceUID == signed_ds.SOPInstanceUID
    assert bytes(pdf.EncapsulatedDocument).startswith(b"%PDF-")
    assert any(t.startswith("No acute cardiopulmonary abnormality.") for t in texts(signed_ds))


def test_sr_context_reads_through_the_study_reader(tmp_path: Path) -> None:
    """Files, zips and DICOMDIRs give the same instances, and the headers the
    SR copies come from the reader (the zip's scratch files are gone by then)."""
    plain = ImagingContext.from_study([cxr_path()])
    zipped = ImagingContext.from_study([_zipped(Path(cxr_path()), tmp_path / "s.zip")])
    assert zipped.images == plain.images
    assert [str(h.PatientID) for h in zipped.headers] == [str(h.PatientID) for h in plain.headers]
    assert "PixelData" not in zipped.headers[0]
    dicomdir = ct_series_dir().parent.parent / "DICOMDIR"
    assert len(ImagingContext.from_study([dicomdir]).images) > 1
