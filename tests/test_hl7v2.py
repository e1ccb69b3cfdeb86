"""HL7 v2.5.1 ORU^R01 to a RIS (issue 13 item 3): built with hl7apy, parsed
back with hl7apy (STRICT, against the v2.5.1 structure) and python-hl7, and
sent over MLLP to a real listener (python-hl7's asyncio MLLP server) on
loopback: ACK AA honoured, AE/AR reported with the RIS's reason, a closed
port and a hanging listener reported naming host:port after retries."""

from __future__ import annotations

import asyncio
import base64
import copy
import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import hl7
import pydicom
import pytest
from hl7.mllp import start_hl7_server
from hl7apy.consts import VALIDATION_LEVEL
from hl7apy.core import Message
from hl7apy.parser import parse_message
from pydicom.data import get_testdata_file

from carepath.context import (
    CareContext,
    Clinician,
    Identifier,
    PersonName,
    RequestFields,
    context_from_dicom,
    context_from_request,
    merge_contexts,
)
from carepath.context.linkage import MISSING_ACCESSION
from carepath.errors import InputError
from carepath.workflows.delivery.mllp import (
    MllpEndpoint,
    RetryPolicy,
    RisDeliveryError,
    send_message,
)
from carepath.workflows.outputs.hl7v2 import (
    OruOptions,
    ReportForDelivery,
    ReportSectionText,
    build_oru_r01,
)

SIGNER = Clinician(id=Identifier(value="RAD-042", namespace="HOSP-STAFF"),
                   name=PersonName(family="Okafor", given="Ada", prefix="Dr"))
SIGNED_AT = datetime(2024, 5, 1, 10, 30, tzinfo=UTC)
FINDINGS = "Lungs are clear.\nNo pneumothorax or pleural effusion."
IMPRESSION = "No acute cardiopulmonary abnormality."


@pytest.fixture(scope="module")
def rg1_context() -> CareContext:
    return context_from_dicom(pydicom.dcmread(get_testdata_file("RG1_UNCR.dcm"), stop_before_pixels=True))


def _report(ctx: CareContext, status: str = "final", **extra) -> ReportForDelivery:
    sections = extra.pop("sections", [ReportSectionText(name="Findings", text=FINDINGS),
                                      ReportSectionText(name="Impression", text=IMPRESSION)])
    signed = {} if status == "draft" else {"signer": SIGNER, "signed_at": SIGNED_AT}
    return ReportForDelivery(report_id="thread-abc", status=status, sections=sections, context=ctx,
                             **(signed | extra))


def _strict(er7: str) -> Message:
    """Parse back with hl7apy and validate against the v2.5.1 ORU_R01
    structure (required segments and fields, cardinality, datatypes). The
    parse is TOLERANT because hl7apy reads OBX-5 ("varies") as ST, which a
    STRICT parse caps at 199 characters; messages with short lines are also
    parsed STRICT (every length checked)."""
    msg = parse_message(er7, validation_level=VALIDATION_LEVEL.TOLERANT, find_groups=True)
    msg.validate()
    if all(len(str(o[5])) <= 199 for o in hl7.parse(er7).segments("OBX")):
        parse_message(er7, validation_level=VALIDATION_LEVEL.STRICT, find_groups=True).validate()
    return msg


# ------------------------------------------------------------------ the message

def test_final_oru_carries_patient_order_signer_and_text(rg1_context: CareContext) -> None:
    built = build_oru_r01(_report(rg1_context))
    strict = _strict(built.er7)
    assert strict.name == "ORU_R01" and strict.msh.msh_12.to_er7() == "2.5.1"
    msg = hl7.parse(built.er7)
    assert str(msg.segment("MSH")[9]) == "ORU^R01^ORU_R01" and msg["MSH.F10"] == built.control_id
    assert (msg["PID.F3.R1.C1"], msg["PID.F3.R1.C5"]) == ("9RG1", "MR")
    assert msg["PID.F5.R1.C1"] == "CompressedSamples" and msg["PID.F7"] == "19400305" and msg["PID.F8"] == "F"
    assert msg["ORC.F1"] == "RE" and msg["ORC.F3"] == "exam Number"
    assert msg["OBR.F3"] == "exam Number" and msg["OBR.F4.R1.C2"] == "THORAX"
    assert msg["OBR.F7"] == "20040826185059" and msg["OBR.F25"] == "F"
    assert msg["OBR.F32.R1.C1.S1"] == "RAD-042" and msg["OBR.F32.R1.C1.S2"] == "Okafor"
    assert msg["OBR.F32.R1.C1.S9"] == "HOSP-STAFF"
    obx = msg.segments("OBX")
    assert len(obx) == built.observations == 3  # two Findings lines, one Impression line
    assert [str(o[3][0][0]) for o in obx] == ["59776-5", "59776-5", "19005-8"]
    assert [str(o[4]) for o in obx] == ["1", "1", "2"]
    assert [msg.unescape(str(o[5])) for o in obx] == [*FINDINGS.splitlines(), IMPRESSION]
    assert {str(o[11]) for o in obx} == {"F"}
    assert not list(filter(lambda s: str(s[0]) == "PV1", msg))  # no visit known: no PV1


@pytest.mark.parametrize("status, code", [("corrected", "C"), ("draft", "P")])
def test_result_status_follows_the_report(rg1_context: CareContext, status: str, code: str) -> None:
    built = build_oru_r01(_report(rg1_context, status=status))
    _strict(built.er7)
    msg = hl7.parse(built.er7)
    assert msg["OBR.F25"] == code and {str(o[11]) for o in msg.segments("OBX")} == {code}
    if status == "draft":
        assert msg["OBR.F32"] == ""  # nobody has interpreted a draft


def test_final_without_signer_is_refused_by_the_model(rg1_context: CareContext) -> None:
    with pytest.raises(ValueError, match="signer"):
        ReportForDelivery(report_id="t", status="final", context=rg1_context,
                          sections=[ReportSectionText(name="Impression", text=IMPRESSION)])


def test_separators_in_text_and_names_are_escaped_by_the_library(rg1_context: CareContext) -> None:
    tricky = r"Size 3|4 cm ^ margin & rim ~ stable \ unchanged"
    ctx = rg1_context.model_copy(update={"patient": rg1_context.patient.model_copy(
        update={"name": PersonName(family="O^Brien|Smith", given="Ann")})})
    built = build_oru_r01(_report(ctx, sections=[ReportSectionText(name="Impression", text=tricky)]))
    _strict(built.er7)
    msg = hl7.parse(built.er7)
    assert len(msg.segments("OBX")) == 1 and len(msg.segment("PID")) == 9  # nothing split a segment
    assert msg.unescape(str(msg.segment("OBX")[5])) == tricky
    assert msg["PID.F5.R1.C1"] == "O^Brien|Smith"


def test_long_report_lines_stay_whole(rg1_context: CareContext) -> None:
    line = "The cardiomediastinal silhouette is within normal limits " * 20  # ~1.2 kB, one line
    built = build_oru_r01(_report(rg1_context, sections=[ReportSectionText(name="Findings", text=line)]))
    _strict(built.er7)
    msg = hl7.parse(built.er7)
    assert msg.unescape(str(msg.segment("OBX")[5])) == line.strip()


def test_patient_without_a_name_gets_an_unspecified_name_not_a_made_up_one(rg1_context: CareContext) -> None:
    ctx = rg1_context.model_copy(update={"patient": rg1_context.patient.model_copy(update={"name": None})})
    built = build_oru_r01(_report(ctx))
    _strict(built.er7)
    msg = hl7.parse(built.er7)
    assert msg["PID.F5.R1.C1"] == "" and msg["PID.F5.R1.C7"] == "U"


def test_issuer_visit_and_accession_authority_are_carried(rg1_context: CareContext) -> None:
    ctx = merge_contexts(context_from_request(RequestFields(patient_id="9RG1", patient_id_issuer="HOSP-A",
                                                            accession_issuer="RIS-A")), rg1_context)
    ctx = ctx.model_copy(update={"order": ctx.order.model_copy(update={"visit_number": "V-17"})})
    msg = hl7.parse(build_oru_r01(_report(ctx)).er7)
    assert msg["PID.F3.R1.C4"] == "HOSP-A"
    assert msg["PV1.F2"] == "U" and msg["PV1.F19"] == "V-17"


def test_missing_accession_is_stated_not_invented(rg1_context: CareContext) -> None:
    ctx = rg1_context.model_copy(update={"order": rg1_context.order.model_copy(update={"accession": None})})
    built = build_oru_r01(_report(ctx.checked()))
    _strict(built.er7)
    msg = hl7.parse(built.er7)
    assert msg["OBR.F3"] == "" and msg["ORC.F3"] == ""
    assert MISSING_ACCESSION in [msg.unescape(str(n[3])) for n in msg.segments("NTE")]


def test_missing_patient_id_refuses_the_oru_with_a_clear_error(rg1_context: CareContext) -> None:
    ds = pydicom.dcmread(get_testdata_file("RG1_UNCR.dcm"), stop_before_pixels=True)
    ds.PatientID = ""
    with pytest.raises(InputError) as err:
        build_oru_r01(_report(context_from_dicom(ds)))
    assert "PID-3" in str(err.value) and "--patient-id" in str(err.value)


def test_pdf_travels_as_ed_when_it_fits_and_is_noted_when_not(rg1_context: CareContext) -> None:
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF"
    built = build_oru_r01(_report(rg1_context, pdf=pdf))
    _strict(built.er7)
    msg = hl7.parse(built.er7)
    ed = msg.segments("OBX")[-1]
    assert built.pdf_included and str(ed[2]) == "ED" and len(msg.segments("OBX")) == built.observations + 1
    assert [str(c) for c in ed[5][0][1:4]] == ["AP", "PDF", "Base64"]
    assert base64.b64decode(str(ed[5][0][4])) == pdf
    big = build_oru_r01(_report(rg1_context, pdf=b"%PDF-1.4\n" + bytes(100_000)))
    _strict(big.er7)
    assert not big.pdf_included and "ED" not in [str(o[2]) for o in hl7.parse(big.er7).segments("OBX")]
    assert any("larger than an HL7 v2.5.1 ED value" in n for n in big.notes)
    without = build_oru_r01(_report(rg1_context, pdf=pdf), OruOptions(include_pdf=False))
    assert not without.pdf_included


def test_empty_report_is_refused(rg1_context: CareContext) -> None:
    with pytest.raises(InputError, match="without text"):
        build_oru_r01(_report(rg1_context, sections=[ReportSectionText(name="Findings", text="  \n ")]))


# ------------------------------------------------------------------ MLLP listener

class _Listener:
    """A RIS stand-in on python-hl7's asyncio MLLP server: records what it
    receives and answers AA, AE/AR (hl7apy-built ACK with ERR), an ACK for
    another message, or nothing at all (hang)."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.received: list[str] = []
        self.connections = 0
        self.port = 0

    async def handle(self, reader, writer) -> None:
        self.connections += 1
        try:
            msg = await reader.readmessage()
        except (asyncio.IncompleteReadError, ConnectionError):
            return
        self.received.append(str(msg))
        if self.mode == "hang":
            await asyncio.sleep(5)
            return
        if self.mode == "AA":
            writer.writemessage(msg.create_ack("AA", message_id="ACK-1", application="RIS", facility="HOSP"))
        elif self.mode == "other":
            ack = msg.create_ack("AA", message_id="ACK-2")
            ack.segment("MSA")[2] = "not-your-message"
            writer.writemessage(ack)
        else:
            writer.writeblock(self._nak(str(msg["MSH.F10"])).encode("utf-8"))
        await writer.drain()
        writer.close()

    def _nak(self, control_id: str) -> str:
        ack = Message("ACK", version="2.5.1", validation_level=VALIDATION_LEVEL.STRICT)
        ack.msh.msh_3.hd_1.value = "RIS"
        ack.msh.msh_9.value = "ACK^R01^ACK"
        ack.msh.msh_10.value = "ACK-3"
        ack.msh.msh_11.value = "P"
        ack.msa.msa_1.value = self.mode
        ack.msa.msa_2.value = control_id
        err = ack.add_segment("ERR")
        err.err_3.value = "204^Unknown key identifier^HL70357"
        err.err_4.value = "E"
        err.err_8.value = "Accession not found in RIS worklist"
        return ack.to_er7()


@contextmanager
def mllp_listener(mode: str) -> Iterator[_Listener]:
    listener = _Listener(mode)
    loop = asyncio.new_event_loop()
    ready = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        server = loop.run_until_complete(start_hl7_server(listener.handle, "127.0.0.1", 0, encoding="utf-8"))
        listener.port = server.sockets[0].getsockname()[1]
        ready.set()
        loop.run_forever()
        server.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert ready.wait(10), "the MLLP listener did not start"
    try:
        yield listener
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)


FAST = RetryPolicy(attempts=3, connect_timeout_s=2, ack_timeout_s=0.4, backoff_s=0.1, backoff_factor=2)


def test_send_to_listener_ack_aa_is_honoured(rg1_context: CareContext, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    built = build_oru_r01(_report(rg1_context))
    with mllp_listener("AA") as ris:
        receipt = send_message(built.er7, MllpEndpoint(host="127.0.0.1", port=ris.port), FAST)
    assert receipt.ack_code == "AA" and receipt.attempts == 1 and ris.connections == 1
    assert receipt.control_id == built.control_id and receipt.endpoint == f"127.0.0.1:{ris.port}"
    got = ris.received[0].replace("\n", "\r")
    _strict(got)
    msg = hl7.parse(got)
    assert msg["PID.F3.R1.C1"] == "9RG1" and msg["OBR.F3"] == "exam Number" and msg["OBR.F25"] == "F"
    assert len(msg.segments("OBX")) == 3
    for identifier in ("9RG1", "CompressedSamples", "exam Number", "19400305"):
        assert identifier not in caplog.text


@pytest.mark.parametrize("code", ["AE", "AR"])
def test_nak_is_reported_with_the_ris_reason_and_not_retried(rg1_context: CareContext, code: str) -> None:
    built = build_oru_r01(_report(rg1_context))
    with mllp_listener(code) as ris:
        with pytest.raises(RisDeliveryError) as err:
            send_message(built.er7, MllpEndpoint(host="127.0.0.1", port=ris.port), FAST)
    assert err.value.ack_code == code and err.value.reason == "Accession not found in RIS worklist"
    assert "Accession not found in RIS worklist" in str(err.value) and f"127.0.0.1:{ris.port}" in str(err.value)
    assert err.value.exit_code != 0 and ris.connections == 1


def test_ack_for_another_message_is_not_taken_as_acceptance(rg1_context: CareContext) -> None:
    built = build_oru_r01(_report(rg1_context))
    with mllp_listener("other") as ris:
        with pytest.raises(RisDeliveryError, match="different message"):
            send_message(built.er7, MllpEndpoint(host="127.0.0.1", port=ris.port), FAST)


def test_closed_port_is_an_error_naming_the_endpoint(rg1_context: CareContext) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nothing listens there
    built = build_oru_r01(_report(rg1_context))
    with pytest.raises(RisDeliveryError) as err:
        send_message(built.er7, MllpEndpoint.parse(f"127.0.0.1:{port}"), FAST)
    assert f"127.0.0.1:{port}" in str(err.value) and "after 3 attempts" in str(err.value)
    assert err.value.attempts == 3 and err.value.ack_code is None


def test_hanging_listener_times_out_retries_with_backoff_then_fails(rg1_context: CareContext) -> None:
    built = build_oru_r01(_report(rg1_context))
    with mllp_listener("hang") as ris:
        started = time.monotonic()
        with pytest.raises(RisDeliveryError) as err:
            send_message(built.er7, MllpEndpoint(host="127.0.0.1", port=ris.port), FAST)
        elapsed = time.monotonic() - started
    assert "no ACK within 0.4 s" in str(err.value) and f"127.0.0.1:{ris.port}" in str(err.value)
    assert ris.connections == 3 and len(ris.received) == 3
    assert elapsed >= 3 * 0.4 + 0.1 + 0.2  # three ACK timeouts plus two backoff waits


def test_endpoint_parsing() -> None:
    assert MllpEndpoint.parse("ris.example.org:2575").label == "ris.example.org:2575"
    assert MllpEndpoint.parse("[::1]:2575").host == "::1"
    for bad in ("ris.example.org", "ris:0", "ris:99999", "http://ris:2575"):
        with pytest.raises(InputError, match="not an MLLP endpoint"):
            MllpEndpoint.parse(bad)


def test_policy_backoff_grows() -> None:
    policy = RetryPolicy(backoff_s=0.5, backoff_factor=3)
    assert [policy.delay(n) for n in (1, 2, 3)] == [0.5, 1.5, 4.5]
    assert copy.deepcopy(policy) == policy
