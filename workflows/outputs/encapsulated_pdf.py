"""The signed report as a DICOM Encapsulated PDF (SOP Class
1.2.840.10008.5.1.4.1.1.104.1), for viewers that render neither SR template.

It joins the reported study (Study Instance UID and the Patient/General
Study attributes copied from the source headers by highdicom's
``copy_patient_and_study_information``) in a series of its own (Modality
DOC), so a PACS files it with the images but never mixes it into the
images' or the SR's series. highdicom has no Encapsulated PDF IOD, so the
common modules come from its ``SOPClass`` base and the Encapsulated Document
Module (PS3.3 C.24.2) is filled here.

The PDF bytes are a parameter: rendering lives with the other renderings.
Only a signed report is encapsulated; a draft never leaves carepath.
"""

from __future__ import annotations

import io
from pathlib import Path

import highdicom as hd
from pydicom.dataset import Dataset
from pydicom.uid import EncapsulatedPDFStorage, ExplicitVRLittleEndian, generate_uid

from carepath.atomic import write_bytes
from carepath.draft import Draft, SignOff
from carepath.errors import InputError
from carepath.workflows.outputs.sr_codes import DIAGNOSTIC_IMAGING_REPORT
from carepath.workflows.outputs.sr_context import ImagingContext
from carepath.workflows.outputs.sr_observers import MANUFACTURER, UID_ROOT

PDF_SERIES_NUMBER = 9102
PDF_MAGIC = b"%PDF-"


def _source_reference(ds: Dataset) -> Dataset:
    item = Dataset()
    item.ReferencedSOPClassUID = ds.SOPClassUID
    item.ReferencedSOPInstanceUID = ds.SOPInstanceUID
    return item


def build_encapsulated_pdf(pdf: bytes, draft: Draft, signoff: SignOff, ctx: ImagingContext, *,
                           title: str = "Diagnostic imaging report",
                           signed_sr: Dataset | None = None) -> hd.SOPClass:
    """An Encapsulated PDF of the signed report in the source study.

    ``signed_sr`` (the SR signed together with this PDF, which is sent with
    it) is named in the Source Instance Sequence: the PDF renders that SR's
    content. UIDs derive from the draft id and sign time, like the SR's."""
    if not pdf.startswith(PDF_MAGIC):
        raise InputError("the report rendering is not a PDF", subject=draft.thread_id,
                         why="the bytes do not start with %PDF-",
                         fix="pass the output of the PDF renderer")
    if signoff.status != "final":
        raise InputError("a rejected draft has no PDF report for the PACS", subject=draft.thread_id,
                         fix="sign the report first")
    stamp = signoff.signed_at
    doc = hd.SOPClass(
        study_instance_uid=ctx.study_instance_uid,
        series_instance_uid=generate_uid(entropy_srcs=[UID_ROOT, "pdf-series", draft.thread_id]),
        series_number=PDF_SERIES_NUMBER,
        sop_instance_uid=generate_uid(entropy_srcs=[UID_ROOT, draft.draft_id, "pdf",
                                                    stamp.isoformat()]),
        sop_class_uid=EncapsulatedPDFStorage, instance_number=1, modality="DOC",
        manufacturer=MANUFACTURER, transfer_syntax_uid=ExplicitVRLittleEndian,
        series_description="carepath signed report (PDF)", specific_character_set="ISO_IR 192",
        content_date=stamp.date(), content_time=stamp.time().replace(tzinfo=None))
    doc.copy_patient_and_study_information(ctx.study_header())
    doc.SpecificCharacterSet = "ISO_IR 192"
    doc.ConversionType = "WSD"  # SC Equipment Module: made on a workstation
    doc.AcquisitionDateTime = stamp.strftime("%Y%m%d%H%M%S")
    # The rendering carries the patient banner (name, MRN, birth date).
    doc.BurnedInAnnotation = "YES"
    doc.DocumentTitle = title[:64]
    doc.ConceptNameCodeSequence = [hd.sr.CodedConcept.from_code(DIAGNOSTIC_IMAGING_REPORT)]
    doc.VerificationFlag = "VERIFIED"
    if signed_sr is not None:
        doc.SourceInstanceSequence = [_source_reference(signed_sr)]
    doc.MIMETypeOfEncapsulatedDocument = "application/pdf"
    # OB values have even length; the true length is kept alongside.
    doc.EncapsulatedDocument = pdf + (b"\0" if len(pdf) % 2 else b"")
    doc.EncapsulatedDocumentLength = len(pdf)
    return doc


def pdf_of(ds: Dataset) -> bytes:
    """The PDF bytes of an Encapsulated PDF (padding removed)."""
    return bytes(ds.EncapsulatedDocument)[: int(ds.EncapsulatedDocumentLength)]


def write_encapsulated_pdf(ds: Dataset, path: str | Path) -> Path:
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    return write_bytes(path, buf.getvalue())
