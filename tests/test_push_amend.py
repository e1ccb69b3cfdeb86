"""Delivery and amendments of a signed report (issue 13 items 2, 3, 5),
through the real CLI, one process per step:

- ``carepath push --hl7`` to a real MLLP listener (python-hl7's asyncio
  server, see test_hl7v2): AA exits 0, AE exits non-zero with the RIS's
  reason, a closed port names host:port; the retry command is printed.
- ``carepath push --fhir`` to a loopback HTTP endpoint that validates the
  bundle with fhir.resources R4B and carepath's independent conformance
  check, answering 200 / 422 / 503.
- ``carepath amend``: version 2 is ``amended`` with a Provenance naming v1,
  its SR names the v1 signed SR as predecessor (dciodvfy clean), the ORU
  carries OBR-25 = C, v1's files are untouched; an unsigned draft, an empty
  edit and a missing reason are refused and change nothing.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import hl7
import httpx
import pydicom
import pytest
from fhir.resources.R4B.bundle import Bundle
from pydicom.data import get_testdata_file
from test_hl7v2 import mllp_listener

from carepath.workflows.outputs import fhir_conformance
from support.workflow_fixtures import offline_cli_env, run_cli

RG1 = get_testdata_file("RG1_UNCR.dcm")
REQUEST = "Chest X-ray for cough and fever, please draft the report (delivery)."
SIGNED_TEXT = ("## Findings\nThe lungs are clear. No pleural effusion or pneumothorax.\n"
               "## Impression\nNo acute cardiopulmonary abnormality.\n")
AMENDED_TEXT = "## Impression\nNo acute cardiopulmonary abnormality. Old rib fracture on the right.\n"


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory, guideline_data_dir: Path) -> dict[str, str]:
    return offline_cli_env(guideline_data_dir, tmp_path_factory.mktemp("push-state"))


cp = run_cli


def _draft(env: dict[str, str], text: str) -> str:
    r = cp(env, "draft", "--json", "--text", text, "--study", RG1)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout)["thread_id"]


@pytest.fixture(scope="module")
def signed(cli_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict:
    """RG1_UNCR drafted and signed with written Findings/Impression."""
    thread = _draft(cli_env, REQUEST)
    edit = tmp_path_factory.mktemp("edit") / "signed.md"
    edit.write_text(SIGNED_TEXT)
    r = cp(cli_env, "sign", thread, "--reviewer", "Dr Signer", "--edit", str(edit), "--json")
    assert r.returncode == 0, r.stderr[-3000:]
    out = json.loads(r.stdout)
    assert out["status"] == "final" and {"fhir", "sr", "pdf_dicom"} <= set(out["outputs"])
    return out


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sha(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --- a FHIR endpoint --------------------------------------------------------------
# It stands in for a FHIR server because none runs offline here (HAPI FHIR is a
# Maven/Java download): it checks what a server would (the bundle parses as R4B,
# is a transaction, passes the independent conformance check) and answers as
# told, so the sender's success, 4xx and retried-5xx paths run over real HTTP.


class _FhirState:
    def __init__(self) -> None:
        self.answers: list[int] = []      # statuses to give, in order; then 200
        self.received: list[dict] = []
        self.problems: list[str] = []


def _fhir_handler(state: _FhirState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet test output
            pass

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            state.received.append(body)
            Bundle.model_validate(body)                                   # R4B structure
            errors = [str(i) for i in fhir_conformance.check(body)]  # references, bindings, invariants
            if body.get("type") != "transaction":
                errors.append("not a transaction")
            if self.headers.get("Content-Type") != "application/fhir+json":
                errors.append("wrong content type")
            state.problems.extend(errors)
            status = state.answers.pop(0) if state.answers else (422 if errors else 200)
            outcome = {"resourceType": "OperationOutcome", "issue": [
                {"severity": "error", "code": "processing",
                 "diagnostics": "Subject reference is not resolvable" if status == 422 else "busy"}]}
            reply = ({"resourceType": "Bundle", "type": "transaction-response", "entry": []}
                     if status == 200 else outcome)
            data = json.dumps(reply).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/fhir+json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


@contextmanager
def fhir_server() -> Iterator[tuple[str, _FhirState]]:
    state = _FhirState()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _fhir_handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/fhir", state
    finally:
        server.shutdown()
        thread.join(10)


# --- refusals ---------------------------------------------------------------------


def test_unsigned_draft_is_neither_pushed_nor_amended(cli_env: dict[str, str], tmp_path: Path) -> None:
    thread = _draft(cli_env, REQUEST + " (unsigned)")
    edit = tmp_path / "e.md"
    edit.write_text(AMENDED_TEXT)
    with fhir_server() as (url, state):
        r = cp(cli_env, "push", thread, "--fhir", url)
    assert r.returncode == 4 and "only a signed report can be pushed" in r.stderr, r.stderr
    assert state.received == []
    r = cp(cli_env, "amend", thread, "--reviewer", "Dr A", "--edit", str(edit), "--reason", "late finding")
    assert r.returncode == 4 and "cannot be amended" in r.stderr and "awaiting_signoff" in r.stderr, r.stderr
    r = cp(cli_env, "review", thread, "--json")
    assert json.loads(r.stdout)["status"] == "awaiting_signoff"     # nothing changed: still signable
    assert not (Path(cli_env["CAREPATH_STATE_DIR"]) / "outputs" / thread).exists()


def test_empty_edit_or_reason_is_refused_and_changes_nothing(cli_env: dict[str, str], signed: dict,
                                                            tmp_path: Path) -> None:
    thread = signed["thread_id"]
    empty, good = tmp_path / "empty.md", tmp_path / "good.md"
    empty.write_text("  \n")
    good.write_text(AMENDED_TEXT)
    r = cp(cli_env, "amend", thread, "--reviewer", "Dr A", "--edit", str(empty), "--reason", "x")
    assert r.returncode == 4 and "edit file is empty" in r.stderr, r.stderr
    r = cp(cli_env, "amend", thread, "--reviewer", "Dr A", "--edit", str(good), "--reason", "  ")
    assert r.returncode == 4 and "needs a reason" in r.stderr, r.stderr
    outputs = Path(signed["outputs"]["fhir"]).parent
    assert not any(p.name.startswith("v") and p.is_dir() for p in outputs.iterdir())


# --- FHIR ---------------------------------------------------------------------------


def test_fhir_push_posts_a_valid_transaction(cli_env: dict[str, str], signed: dict) -> None:
    with fhir_server() as (url, state):
        r = cp(cli_env, "push", signed["thread_id"], "--fhir", url)
    assert r.returncode == 0, r.stderr[-2000:]
    assert state.problems == [] and len(state.received) == 1
    assert f"to fhir {url}" in r.stdout
    report = next(e["resource"] for e in state.received[0]["entry"]
                  if e["resource"]["resourceType"] == "DiagnosticReport")
    assert report["status"] == "final"


def test_fhir_4xx_is_a_clear_error_not_retried(cli_env: dict[str, str], signed: dict) -> None:
    thread = signed["thread_id"]
    with fhir_server() as (url, state):
        state.answers = [422]
        r = cp(cli_env, "push", thread, "--fhir", url)
    assert r.returncode == 3 and len(state.received) == 1, r.stderr
    assert "HTTP 422" in r.stderr and url in r.stderr and "Subject reference is not resolvable" in r.stderr
    assert f"carepath push {thread} --fhir {url}" in r.stderr
    assert Path(signed["outputs"]["fhir"]).is_file()


def test_fhir_5xx_is_retried_then_reported(cli_env: dict[str, str], signed: dict) -> None:
    thread = signed["thread_id"]
    with fhir_server() as (url, state):
        state.answers = [503]                   # busy once: the retry delivers
        r = cp(cli_env, "push", thread, "--fhir", url)
        assert r.returncode == 0 and len(state.received) == 2, r.stderr
        state.answers = [503, 503, 503]         # busy throughout: three attempts, then a clear error
        r = cp(cli_env, "push", thread, "--fhir", url)
    assert r.returncode == 3 and len(state.received) == 5, r.stderr
    assert "HTTP 503" in r.stderr and "after 3 attempts" in r.stderr and url in r.stderr
    assert f"carepath push {thread} --fhir {url}" in r.stderr


# --- HL7 v2 over MLLP ------------------------------------------------------------------


def _needs_oru(signed: dict) -> str:
    assert "hl7v2" in signed["outputs"], "the signed RG1_UNCR report has no ORU (no patient context recorded)"
    return signed["outputs"]["hl7v2"]


def test_hl7_push_ack_aa(cli_env: dict[str, str], signed: dict) -> None:
    _needs_oru(signed)
    with mllp_listener("AA") as ris:
        r = cp(cli_env, "push", signed["thread_id"], "--hl7", f"127.0.0.1:{ris.port}")
    assert r.returncode == 0, r.stderr[-2000:]
    assert len(ris.received) == 1
    msg = hl7.parse(ris.received[0].replace("\n", "\r"))   # python-hl7 str() joins segments with \n
    assert str(msg.segment("MSH")[9]) == "ORU^R01^ORU_R01" and str(msg["PID.F3.R1.C1"]) == "9RG1"
    assert str(msg["OBR.F25"]) == "F"


def test_hl7_nak_reports_the_reason(cli_env: dict[str, str], signed: dict) -> None:
    _needs_oru(signed)
    thread = signed["thread_id"]
    with mllp_listener("AE") as ris:
        r = cp(cli_env, "push", thread, "--hl7", f"127.0.0.1:{ris.port}")
    assert r.returncode == 3 and len(ris.received) == 1, r.stderr
    assert "Accession not found in RIS worklist" in r.stderr and f"127.0.0.1:{ris.port}" in r.stderr
    assert f"carepath push {thread} --hl7 127.0.0.1:{ris.port}" in r.stderr


def test_hl7_closed_port_names_the_endpoint(cli_env: dict[str, str], signed: dict) -> None:
    _needs_oru(signed)
    thread, port = signed["thread_id"], _closed_port()
    with fhir_server() as (url, state):          # one destination failing does not stop the other
        r = cp(cli_env, "push", thread, "--hl7", f"127.0.0.1:{port}", "--fhir", url)
    assert r.returncode == 3 and len(state.received) == 1, r.stderr
    assert f"127.0.0.1:{port}" in r.stderr and "after 3 attempts" in r.stderr
    assert f"carepath push {thread} --hl7 127.0.0.1:{port}" in r.stderr
    assert Path(signed["outputs"]["hl7v2"]).is_file()


# --- amendments ------------------------------------------------------------------------


def _dciodvfy(path: str) -> None:
    if shutil.which("dciodvfy") is None:
        pytest.fail("dciodvfy missing: make test installs dicom3tools")
    v = subprocess.run(["dciodvfy", path], capture_output=True, text=True)
    assert v.returncode == 0 and "Error" not in v.stderr + v.stdout, v.stderr[-2000:]


def test_amendment_is_a_new_version_that_keeps_the_first(cli_env: dict[str, str], signed: dict,
                                                         tmp_path: Path) -> None:
    thread, v1 = signed["thread_id"], signed["outputs"]
    before = {k: _sha(p) for k, p in v1.items()}
    edit = tmp_path / "amend.md"
    edit.write_text(AMENDED_TEXT)
    r = cp(cli_env, "amend", thread, "--reviewer", "Dr Amender", "--edit", str(edit),
           "--reason", "rib fracture seen on review", "--json")
    assert r.returncode == 0, r.stderr[-3000:]
    v2 = json.loads(r.stdout)
    assert v2["version"] == 2 and v2["status"] == "amended"
    assert {k: _sha(p) for k, p in v1.items()} == before            # v1 never overwritten
    assert not set(v1.values()) & set(v2["outputs"].values())

    bundle = json.loads(Path(v2["outputs"]["fhir"]).read_text())
    Bundle.model_validate(bundle)
    assert fhir_conformance.check(bundle) == []
    res = [e["resource"] for e in bundle["entry"]]
    report = next(x for x in res if x["resourceType"] == "DiagnosticReport")
    assert report["status"] == "amended" and "rib fracture" in report["conclusion"]
    revisions = [e for x in res if x["resourceType"] == "Provenance" for e in x.get("entity", [])
                 if e["role"] == "revision"]
    assert revisions and revisions[0]["what"]["identifier"]["value"] == f"{thread}/v1"

    first, second = pydicom.dcmread(v1["sr"]), pydicom.dcmread(v2["outputs"]["sr"])
    pred = second.PredecessorDocumentsSequence[0].ReferencedSeriesSequence[0].ReferencedSOPSequence[0]
    assert pred.ReferencedSOPInstanceUID == first.SOPInstanceUID != second.SOPInstanceUID
    assert second.StudyInstanceUID == first.StudyInstanceUID
    _dciodvfy(v2["outputs"]["sr"])
    _dciodvfy(v2["outputs"]["pdf_dicom"])

    oru = hl7.parse(Path(_needs_oru({"outputs": v2["outputs"]})).read_text().replace("\n", "\r"))
    assert str(oru["OBR.F25"]) == "C"
    # Every rendering of v2 says it replaces the signed version, and why; v1's do not.
    for kind in ("md", "html"):
        text = Path(v2["outputs"][kind]).read_text()
        assert "AMENDED — version 2" in text and "rib fracture seen on review" in text, kind
        assert "AMENDED" not in Path(v1[kind]).read_text()
    from pypdf import PdfReader
    pdf = " ".join(page.extract_text() for page in PdfReader(v2["outputs"]["pdf"]).pages)
    assert "AMENDED" in pdf and "version 2" in pdf

    with fhir_server() as (url, state), mllp_listener("AA") as ris:   # push re-sends the latest version
        r = cp(cli_env, "push", thread, "--fhir", url, "--hl7", f"127.0.0.1:{ris.port}")
    assert r.returncode == 0, r.stderr[-2000:]
    sent = next(e["resource"] for e in state.received[0]["entry"]
                if e["resource"]["resourceType"] == "DiagnosticReport")
    assert sent["status"] == "amended" and str(hl7.parse(ris.received[0].replace("\n", "\r"))["OBR.F25"]) == "C"

    r = cp(cli_env, "amend", thread, "--reviewer", "Dr Amender", "--edit", str(edit),
           "--reason", "wrong side named", "--correct", "--json")
    assert r.returncode == 0, r.stderr[-3000:]
    v3 = json.loads(r.stdout)
    assert v3["version"] == 3 and v3["status"] == "corrected"
    third = pydicom.dcmread(v3["outputs"]["sr"])
    pred = third.PredecessorDocumentsSequence[0].ReferencedSeriesSequence[0].ReferencedSOPSequence[0]
    assert pred.ReferencedSOPInstanceUID == second.SOPInstanceUID
    assert Path(v2["outputs"]["sr"]).is_file()

    # export (CLI and HTTP outputs) serves the latest version, not the first
    out = tmp_path / "latest.fhir.json"
    r = cp(cli_env, "export", thread, "--format", "fhir", "--out", str(out))
    assert r.returncode == 0, r.stderr[-2000:]
    latest = next(e["resource"] for e in json.loads(out.read_text())["entry"]
                  if e["resource"]["resourceType"] == "DiagnosticReport")
    assert latest["status"] == "corrected"


def test_push_and_amend_are_audited(cli_env: dict[str, str], signed: dict) -> None:
    from carepath.workflows.audit import AuditLog

    log = Path(cli_env["CAREPATH_STATE_DIR"]) / "audit" / "audit.jsonl"
    actions = [r.action for r in AuditLog(log).for_thread(signed["thread_id"])]
    assert {"push.fhir.v1.sent", "push.fhir.v1.failed", "push.hl7.v1.failed", "push.fhir.v2.sent",
            "signoff.amended", "signoff.corrected"} <= set(actions), actions
    assert AuditLog(log).verify().ok
    raw = log.read_text()
    assert "9RG1" not in raw and "127.0.0.1" not in raw            # opaque ids only


# --- HTTP ----------------------------------------------------------------------------


def test_http_amend_is_a_signing_action(carepath_server: str) -> None:
    from support.http_fixtures import TOKENS

    def h(role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {TOKENS[role]}"}

    c = httpx.Client(base_url=carepath_server, timeout=300)
    tid = c.post("/v1/questions", json={"text": "What is the first-line antibiotic for outpatient "
                                                "community-acquired pneumonia (amend)?"},
                 headers=h("requester")).json()["thread_id"]
    body = {"edits": {"Answer": "Amoxicillin 1 g three times daily for healthy adults."},
            "reason": "dose added"}
    r = c.post(f"/v1/drafts/{tid}/amend", json=body, headers=h("reviewer"))
    assert r.status_code == 409 and "cannot be amended" in r.json()["what"], r.text
    r = c.post(f"/v1/drafts/{tid}/signoff", json={"action": "edit", "edits": {"Answer": "Amoxicillin."}},
               headers=h("reviewer"))
    assert r.status_code == 200 and r.json()["status"] == "final", r.text
    assert c.post(f"/v1/drafts/{tid}/amend", json=body, headers=h("requester")).status_code == 403
    assert c.post(f"/v1/drafts/{tid}/amend", json=body | {"reason": ""}, headers=h("reviewer")).status_code == 422
    r = c.post(f"/v1/drafts/{tid}/amend", json=body | {"correct": True}, headers=h("reviewer"))
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["version"] == 2 and out["status"] == "corrected"
    assert out["outputs"]["fhir"] == "report-final-v2.fhir.json" and "/" not in "".join(out["outputs"].values())
