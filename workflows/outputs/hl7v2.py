"""The signed report as an HL7 v2.5.1 ORU^R01, the message most RIS receive
reports as.

Built with hl7apy, never by joining strings: every value is an hl7apy
datatype object of its leaf's type, created at STRICT level (so each is
length-checked) and escaped by the library when rendered (``|``, ``^``,
``~``, ``&`` and ``\\`` in report text or names). The message tree itself is
TOLERANT only because hl7apy types every component of OBX-5 ("varies") as
ST, capping a report line at 199 characters in STRICT trees; OBX-5 values
are instead checked as their real type (TX, ED) before they are set, and the
whole message is validated against the v2.5.1 ORU_R01 structure (required
segments and fields, cardinality) before it is returned.

Segments: MSH; PID (PID-3 with the assigning authority, name, birth date,
sex); PV1 only when a visit number is known; ORC (RE, accession as filler
number); OBR (OBR-3 accession, OBR-4 procedure, OBR-7 study time, OBR-22
status-change time, OBR-25 result status P/F/C, OBR-32 principal result
interpreter = the signer); NTE lines for context warnings (a missing
accession is stated, never invented); one OBX (TX) per line of report text,
section by section, OBX-3 naming the section with the LOINC codes DICOM
PS3.20 uses for imaging report sections; optionally the PDF as one OBX (ED,
Base64).

A report without a patient identifier cannot be filed by a RIS (PID-3 is
required), so it is refused here with a clear error; the other outputs are
still written by their own writers.
"""

from __future__ import annotations

import base64
import logging
import uuid
from datetime import UTC, datetime
from typing import Any, Literal

from hl7apy.base_datatypes import DTM
from hl7apy.consts import VALIDATION_LEVEL
from hl7apy.core import Field as Hl7Field
from hl7apy.core import Group, Message, Segment
from hl7apy.exceptions import HL7apyException
from hl7apy.factories import datatype_factory
from hl7apy.v2_5_1.datatypes import DATATYPES_STRUCTS
from pydantic import BaseModel, ConfigDict, Field, model_validator

from carepath.context import CareContext, Clinician, Code, Identifier, PersonName
from carepath.errors import InputError

log = logging.getLogger(__name__)

VERSION = "2.5.1"
_STRICT = VALIDATION_LEVEL.STRICT
_TREE = VALIDATION_LEVEL.TOLERANT  # see the module docstring: OBX-5 "varies"
RESULT_STATUS: dict[str, str] = {"draft": "P", "final": "F", "corrected": "C"}

# Section name (folded) → OBX-3 (code, text, coding system), after DICOM PS3.20 / LOINC.
SECTION_CODES: dict[str, tuple[str, str, str]] = {
    "findings": ("59776-5", "Procedure Findings", "LN"),
    "impression": ("19005-8", "Radiology Imaging study [Impression] (narrative)", "LN"),
    "recommendations": ("18783-1", "Radiology Study recommendation (narrative)", "LN"),
    "comparison": ("18834-2", "Radiology Comparison study (narrative)", "LN"),
    "technique": ("55111-9", "Current imaging procedure descriptions", "LN"),
    "clinical information": ("55752-0", "Clinical information", "LN"),
    "indication": ("55752-0", "Clinical information", "LN"),
    "history": ("55752-0", "Clinical information", "LN"),
}
PDF_CODE = ("PDF", "Report (PDF)", "L")
MAX_ED_CHARS = 65536  # ED-5 is TX, at most 65536 characters in v2.5.1


class ReportSectionText(BaseModel):
    """One report section as the reader sees it: heading and plain text
    (sentences already joined; lines separated by newlines)."""

    name: str = Field(min_length=1, max_length=64)
    text: str


class ReportForDelivery(BaseModel):
    """What the HL7 (and later FHIR/PDF) deliveries need from a report.

    ``report_id`` is the opaque carepath id (thread/draft) used in logs and
    in MSH-10's control id; ``version`` counts sign-offs/amendments."""

    model_config = ConfigDict(frozen=True)

    report_id: str = Field(min_length=1, max_length=64)
    version: int = Field(1, ge=1)
    status: Literal["draft", "final", "corrected"]
    sections: list[ReportSectionText] = Field(min_length=1)
    signer: Clinician | None = None
    signed_at: datetime | None = None
    context: CareContext
    pdf: bytes | None = None

    @model_validator(mode="after")
    def _signed(self) -> ReportForDelivery:
        if self.status != "draft" and not (self.signer and self.signer.id and self.signed_at):
            raise ValueError(f"a {self.status} report needs a signer with an identifier and a sign time")
        return self


class OruOptions(BaseModel):
    """MSH addressing and local choices; defaults suit a first connection."""

    sending_application: str = "CAREPATH"
    sending_facility: str | None = None
    receiving_application: str | None = None
    receiving_facility: str | None = None
    processing_id: Literal["P", "T", "D"] = "P"
    service_section: str = Field("RAD", description="OBR-24, HL7 table 0074")
    include_pdf: bool = True


# ------------------------------------------------------------------ leaf setting

def _text(datatype: str, value: str) -> Any:
    """Text as an hl7apy datatype object, which escapes ``| ^ & ~`` when it is
    rendered. Backslashes are written as ``\\E\\`` first because hl7apy
    leaves one that looks like part of an escape sequence (``\\H\\``) as is."""
    return datatype_factory(datatype, value.replace("\\", "\\E\\"), version=VERSION, validation_level=_STRICT)


def _put(element: Any, path: str, value: Any) -> None:
    """Set one leaf (``cx_4.hd_1``) under ``element``; None/'' leave it empty.
    Text goes in as a datatype object of the leaf's own type: a plain string
    would be parsed as ER7, so a ``^`` in a name would split it."""
    if value is None or value == "":
        return
    target = element
    for part in path.split("."):
        target = getattr(target, part)
    target.value = _text(target.datatype, value) if isinstance(value, str) else value


def _observation_value(value_type: str, text: str | None = None, **components: str) -> str:
    """ER7 of an OBX-5 of ``value_type`` (TX text, or ED components). OBX-5 is
    of type "varies" and hl7apy refuses typed children there at STRICT level,
    so the value is built as a standalone typed field, rendered (escaped,
    length-checked) by the library, and then set on OBX-5."""
    structure = DATATYPES_STRUCTS[value_type] if components else None
    field = Hl7Field("OBX_5", datatype=value_type, version=VERSION, validation_level=_STRICT,
                  reference=("sequence" if components else "leaf", structure, value_type,
                             "OBSERVATION_VALUE", None, -1))
    if text is not None:
        field.value = _text(value_type, text)
    for path, value in components.items():
        _put(field, path, value)
    return field.to_er7()


def _ts(dt: datetime | None, fmt: str = "%Y%m%d%H%M%S") -> DTM | None:
    if dt is None:
        return None
    offset = dt.strftime("%z") if dt.tzinfo else ""
    return DTM(dt, out_format=fmt, offset=offset)


def _authority(element: Any, prefix: str, ident: Identifier) -> None:
    """HD components (namespace, universal id, type) under ``prefix``."""
    _put(element, f"{prefix}_1", ident.namespace)
    _put(element, f"{prefix}_2", ident.universal_id)
    _put(element, f"{prefix}_3", ident.universal_id_type if ident.universal_id else None)


def _xcn(field: Any, who: Clinician) -> None:
    """An XCN (person with id and name)."""
    if who.id:
        _put(field, "xcn_1", who.id.value)
        if who.id.namespace or who.id.universal_id:
            _authority(field.xcn_9, "hd", who.id)
    if who.name:
        _put(field, "xcn_2.fn_1", who.name.family)
        _put(field, "xcn_3", who.name.given)
        _put(field, "xcn_4", who.name.middle)
        _put(field, "xcn_5", who.name.suffix)
        _put(field, "xcn_6", who.name.prefix)


def _ce(field: Any, prefix: str, code: tuple[str | None, str | None, str | None]) -> None:
    for i, value in enumerate(code, start=1):
        _put(field, f"{prefix}_{i}", value)


# ------------------------------------------------------------------ segments

def _msh(msg: Message, options: OruOptions, control_id: str, now: datetime) -> None:
    msh = msg.msh
    _put(msh, "msh_3.hd_1", options.sending_application)
    _put(msh, "msh_4.hd_1", options.sending_facility)
    _put(msh, "msh_5.hd_1", options.receiving_application)
    _put(msh, "msh_6.hd_1", options.receiving_facility)
    msh.msh_7.ts_1.value = _ts(now)
    _put(msh, "msh_9.msg_1", "ORU")
    _put(msh, "msh_9.msg_2", "R01")
    _put(msh, "msh_9.msg_3", "ORU_R01")
    _put(msh, "msh_10", control_id)
    _put(msh, "msh_11.pt_1", options.processing_id)
    _put(msh, "msh_18", "UNICODE UTF-8")


def _pid(patient_group: Group, ctx: CareContext) -> None:
    pat = ctx.patient
    if pat.id is None:
        raise InputError("no HL7 v2 ORU without a patient identifier", subject="PID-3",
                         why="the study, record and request give no PatientID, and a RIS files by it",
                         fix="pass --patient-id (and its issuer) and re-send; the other outputs were kept")
    pid = patient_group.add_segment("PID")
    _put(pid, "pid_1", "1")
    _put(pid, "pid_3.cx_1", pat.id.value)
    _authority(pid.pid_3.cx_4, "hd", pat.id)
    _put(pid, "pid_3.cx_5", "MR")
    name = pat.name or PersonName()
    if name.is_empty():
        _put(pid, "pid_5.xpn_7", "U")  # PID-5 is required: an unspecified name, not a made-up one
    _put(pid, "pid_5.xpn_1.fn_1", name.family)
    _put(pid, "pid_5.xpn_2", name.given)
    _put(pid, "pid_5.xpn_3", name.middle)
    _put(pid, "pid_5.xpn_4", name.suffix)
    _put(pid, "pid_5.xpn_5", name.prefix)
    if pat.birth_date:
        pid.pid_7.ts_1.value = DTM(datetime.combine(pat.birth_date, datetime.min.time()), out_format="%Y%m%d")
    _put(pid, "pid_8", pat.sex)


def _pv1(patient_group: Group, ctx: CareContext) -> None:
    if not ctx.order.visit_number:
        return
    pv1 = patient_group.add_group("ORU_R01_VISIT").add_segment("PV1")
    _put(pv1, "pv1_1", "1")
    _put(pv1, "pv1_2", "U")  # patient class unknown: DICOM does not carry it
    _put(pv1, "pv1_19.cx_1", ctx.order.visit_number)
    if ctx.order.referring:
        _xcn(pv1.pv1_8, ctx.order.referring)


def _order_numbers(seg: Segment, name: str, placer: int, filler: int, ctx: CareContext) -> None:
    for number, ident in ((placer, ctx.order.placer_number), (filler, ctx.order.accession)):
        if ident is None:
            continue
        field = getattr(seg, f"{name}_{number}")
        _put(field, "ei_1", ident.value)
        _put(field, "ei_2", ident.namespace)
        _put(field, "ei_3", ident.universal_id)
        _put(field, "ei_4", ident.universal_id_type if ident.universal_id else None)


def _orc(order_group: Group, report: ReportForDelivery) -> None:
    orc = order_group.add_segment("ORC")
    _put(orc, "orc_1", "RE")
    _order_numbers(orc, "orc", 2, 3, report.context)
    _put(orc, "orc_5", "CM")
    if report.context.order.referring:
        _xcn(orc.orc_12, report.context.order.referring)


def _procedure(ctx: CareContext) -> tuple[str | None, str | None, str | None]:
    """OBR-4: the procedure code when one was ordered, else the study's own
    words (a text-only CE: nothing is coded that nobody coded)."""
    code: Code | None = ctx.order.procedure
    if code is not None:
        return code.value, code.meaning, code.scheme
    text = ctx.study.description or (f"{ctx.study.modality} imaging study" if ctx.study.modality else None)
    return None, text or "Imaging study", None


def _obr(order_group: Group, report: ReportForDelivery, options: OruOptions, now: datetime) -> None:
    ctx = report.context
    obr = order_group.add_segment("OBR")
    _put(obr, "obr_1", "1")
    _order_numbers(obr, "obr", 2, 3, ctx)
    _ce(obr.obr_4, "ce", _procedure(ctx))
    if ctx.study.started:
        obr.obr_7.ts_1.value = _ts(ctx.study.started)
    if ctx.order.referring:
        _xcn(obr.obr_16, ctx.order.referring)
    obr.obr_22.ts_1.value = _ts(report.signed_at or now)
    _put(obr, "obr_24", options.service_section)
    _put(obr, "obr_25", RESULT_STATUS[report.status])
    signer = report.signer
    if signer:
        cnn = obr.obr_32.ndl_1
        _put(cnn, "cnn_1", signer.id.value if signer.id else None)
        if signer.name:
            _put(cnn, "cnn_2", signer.name.family)
            _put(cnn, "cnn_3", signer.name.given)
            _put(cnn, "cnn_4", signer.name.middle)
        if signer.id and (signer.id.namespace or signer.id.universal_id):
            _put(cnn, "cnn_9", signer.id.namespace)
            _put(cnn, "cnn_10", signer.id.universal_id)
            _put(cnn, "cnn_11", signer.id.universal_id_type if signer.id.universal_id else None)
        if report.signed_at:
            obr.obr_32.ndl_2.ts_1.value = _ts(report.signed_at)


def _notes(order_group: Group, ctx: CareContext) -> None:
    for i, warning in enumerate(ctx.warnings, start=1):
        nte = order_group.add_segment("NTE")
        _put(nte, "nte_1", str(i))
        _put(nte, "nte_2", "L")
        _put(nte, "nte_3", warning)


def _section_code(name: str) -> tuple[str, str, str]:
    return SECTION_CODES.get(name.strip().casefold(), (name.strip().upper()[:20], name.strip(), "L"))


def _obx(order_group: Group, set_id: int, value_type: str, code: tuple[str, str, str],
         sub_id: str, report: ReportForDelivery) -> Segment:
    obx = order_group.add_group("ORU_R01_OBSERVATION").add_segment("OBX")
    _put(obx, "obx_1", str(set_id))
    _put(obx, "obx_2", value_type)
    _ce(obx.obx_3, "ce", code)
    _put(obx, "obx_4", sub_id)
    _put(obx, "obx_11", RESULT_STATUS[report.status])
    if report.context.study.started:
        obx.obx_14.ts_1.value = _ts(report.context.study.started)
    if report.signer:
        _xcn(obx.obx_16, report.signer)
    return obx


def _observations(order_group: Group, report: ReportForDelivery, notes: list[str]) -> int:
    """One TX OBX per non-empty line, section by section (OBX-4 groups the
    lines of one section); returns how many were written."""
    set_id = 0
    for index, section in enumerate(report.sections, start=1):
        for line in (ln.strip() for ln in section.text.splitlines()):
            if not line:
                continue
            set_id += 1
            obx = _obx(order_group, set_id, "TX", _section_code(section.name), str(index), report)
            obx.obx_5.value = _observation_value("TX", line)
    return set_id


def _pdf(order_group: Group, report: ReportForDelivery, set_id: int, notes: list[str]) -> bool:
    """The PDF as one ED OBX when it fits v2.5.1's 65536-character TX limit
    for ED data; otherwise left out with a note (it travels by FHIR/DICOM)."""
    if not report.pdf:
        return False
    data = base64.b64encode(report.pdf).decode("ascii")
    if len(data) > MAX_ED_CHARS:
        notes.append(f"the signed PDF ({len(report.pdf) // 1024} KiB) is larger than an HL7 v2.5.1 ED value "
                     "may hold; it is delivered with the FHIR report and the DICOM Encapsulated PDF only")
        return False
    obx = _obx(order_group, set_id, "ED", PDF_CODE, str(len(report.sections) + 1), report)
    obx.obx_5.value = _observation_value("ED", ed_2="AP", ed_3="PDF", ed_4="Base64", ed_5=data)
    return True


# ------------------------------------------------------------------ the message

def new_control_id() -> str:
    """MSH-10: unique per message (ST, at most 20 characters in v2.5.1)."""
    return uuid.uuid4().hex[:20]


class OruMessage(BaseModel):
    """A built ORU^R01: the ER7 text plus what a caller reports about it."""

    control_id: str
    er7: str
    observations: int = Field(description="OBX segments with report text")
    pdf_included: bool = False
    notes: list[str] = Field(default_factory=list, description="what was left out and why")


def _assemble(report: ReportForDelivery, options: OruOptions, control_id: str, now: datetime,
              notes: list[str]) -> tuple[Message, int, bool]:
    msg = Message("ORU_R01", version=VERSION, validation_level=_TREE)
    _msh(msg, options, control_id, now)
    result = msg.add_group("ORU_R01_PATIENT_RESULT")
    patient = result.add_group("ORU_R01_PATIENT")
    _pid(patient, report.context)
    _pv1(patient, report.context)
    order = result.add_group("ORU_R01_ORDER_OBSERVATION")
    _orc(order, report)
    _obr(order, report, options, now)
    _notes(order, report.context)
    count = _observations(order, report, notes)
    if count == 0:
        raise InputError("no HL7 v2 ORU for a report without text", subject=report.report_id,
                         why="every section is empty", fix="write the Findings/Impression and sign again")
    with_pdf = options.include_pdf and _pdf(order, report, count + 1, notes)
    return msg, count, with_pdf


def build_oru_r01(report: ReportForDelivery, options: OruOptions | None = None, *,
                  control_id: str | None = None, now: datetime | None = None) -> OruMessage:
    """The report as one ER7-encoded ORU^R01 (segments separated by CR),
    validated against the v2.5.1 structure before it is returned."""
    options = options or OruOptions()
    control_id = control_id or new_control_id()
    now = now or datetime.now(UTC)
    notes: list[str] = []
    try:
        msg, count, with_pdf = _assemble(report, options, control_id, now, notes)
        msg.validate()
        er7 = msg.to_er7()
    except HL7apyException as exc:
        # hl7apy's messages quote the offending value; only its kind is kept.
        raise InputError("the HL7 v2 ORU could not be built", subject=report.report_id,
                         why=f"{type(exc).__name__} against the v{VERSION} ORU_R01 structure",
                         fix="shorten over-long names or identifiers (HL7 limits them) and re-send") from None
    log.info("built ORU^R01 %s for report %s (status %s, %d OBX)", control_id, report.report_id,
             report.status, count)
    return OruMessage(control_id=control_id, er7=er7, observations=count, pdf_included=with_pdf, notes=notes)
