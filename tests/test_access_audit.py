"""Read-access audit against a real `carepath serve` (issue 14 item 4):
reads and refusals land in the hash-chained audit log naming the actor, the
thread and the study, and in a JSON-lines file of FHIR R4B AuditEvents shaped
per IHE BALP that validate with fhir.resources."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from fhir.resources.R4B.auditevent import AuditEvent
from pydicom.data import get_testdata_file

from support.access_fixtures import access_server, bearer  # noqa: F401  (fixture)

RG1 = Path(get_testdata_file("RG1_UNCR.dcm"))
BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit."


def _records(state: Path) -> list[dict]:
    return [json.loads(line) for line in (state / "audit" / "audit.jsonl").read_text().splitlines()]


def _events(state: Path) -> list[AuditEvent]:
    lines = (state / "audit" / "audit-events.jsonl").read_text().splitlines()
    return [AuditEvent.model_validate_json(line) for line in lines]


def test_reads_and_refusals_are_audited_with_the_actor(access_server) -> None:
    c = httpx.Client(base_url=access_server, timeout=300)
    r = c.post("/v1/drafts", data={"text": "Chest X-ray: any consolidation?"},
               files={"study": ("rg1.dcm", RG1.read_bytes(), "application/dicom")}, headers=bearer("alice"))
    assert r.status_code == 201, r.text
    tid = r.json()["thread_id"]
    assert c.get(f"/v1/drafts/{tid}", headers=bearer("alice")).status_code == 200
    assert c.get(f"/v1/drafts/{tid}/outputs/md", headers=bearer("alice")).status_code == 200
    assert c.get(f"/v1/drafts/{tid}", headers=bearer("bob")).status_code == 403
    assert c.get(f"/v1/drafts/{tid}", params={"break_glass_reason": "stroke call, cardiology unreachable"},
                 headers=bearer("rita")).status_code == 200

    mine = [r for r in _records(access_server.state) if r["thread_id"] == tid and r["action"].startswith("access.")]
    seen = {(r["actor"], r["action"]) for r in mine}
    assert ("requester:u-alice", "access.read.allowed") in seen
    assert ("requester:u-alice", "access.export.allowed") in seen
    assert ("requester:u-bob", "access.read.denied") in seen
    assert ("reviewer:u-rita", "access.read.break_glass") in seen
    # The study is named by its opaque content hash, the same one the graph's records carry.
    read = next(r for r in mine if r["action"] == "access.read.allowed")
    assert any(k.startswith("study:") for k in read["input_hashes"])
    glass = next(r for r in mine if r["action"] == "access.read.break_glass")
    assert "break_glass_reason" in glass["input_hashes"]           # its hash; the text is not in the chain
    assert "stroke call" not in (access_server.state / "audit" / "audit.jsonl").read_text()

    from carepath.workflows.audit import verify
    assert verify(access_server.state / "audit" / "audit.jsonl").ok   # access records keep the chain valid


def test_balp_audit_events_validate_and_name_requestor_source_and_entities(access_server) -> None:
    c = httpx.Client(base_url=access_server, timeout=300)
    tid = c.post("/v1/questions", json={"text": "Duration of antibiotics for uncomplicated pyelonephritis?"},
                 headers=bearer("carol")).json()["thread_id"]
    assert c.get(f"/v1/drafts/{tid}", headers=bearer("carol")).status_code == 200
    assert c.get(f"/v1/drafts/{tid}", headers=bearer("bob")).status_code == 403

    events = [e for e in _events(access_server.state)
              if any(en.what.identifier and en.what.identifier.value == tid for en in e.entity or [])]
    assert len(events) >= 2
    for e in events:   # every line is a valid R4B AuditEvent (parsed above) with BALP's shape
        assert e.type.code == "rest" and e.subtype[0].code == "read"
        assert e.meta.profile[0].startswith(BALP)
        assert len(e.agent) == 1 and e.agent[0].requestor is True
        assert e.agent[0].who.identifier.value in ("u-carol", "u-bob")
        assert e.source.observer.display == "carepath"
    ok = next(e for e in events if e.agent[0].who.identifier.value == "u-carol")
    refused = next(e for e in events if e.agent[0].who.identifier.value == "u-bob")
    assert ok.outcome == "0" and refused.outcome == "4"

    glass = [e for e in _events(access_server.state) if e.agent[0].purposeOfUse]
    assert glass and glass[0].agent[0].purposeOfUse[0].coding[0].code == "BTG"
