"""FHIR R4B output: parsed back with fhir.resources.R4B and held to
carepath's status rules (which the library itself does not enforce)."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from support.outputs_fixtures import (
    SIGNED,
    approve,
    cxr_draft,
    cxr_results,
    edit,
    reject,
)

from carepath.atomic import write_bytes, write_json, write_text
from carepath.workflows.outputs.fhir import (
    SYS_EVIDENCE,
    ReportStatusError,
    build_bundle,
    bundle_json,
    check_bundle,
    read_bundle,
    write_bundle,
)

STUDY_UID = "1.3.6.1.4.1.5962.1.2.9.20040826185059.5457"


def parsed(bundle: Bundle) -> dict[str, Any]:
    """Round-trip through JSON text and the R4B models, as an importer would."""
    text = bundle_json(bundle)
    Bundle.model_validate_json(text)
    return json.loads(text)


def of_type(data: dict[str, Any], rtype: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == rtype]


def form(report: dict[str, Any], ctype: str) -> str:
    att = next(a for a in report["presentedForm"] if a["contentType"].startswith(ctype))
    return base64.b64decode(att["data"]).decode("utf-8")


@pytest.fixture(scope="module")
def bundles() -> dict[str, dict[str, Any]]:
    d, r = cxr_draft(), cxr_results()
    return {
        "draft": parsed(build_bundle(d, r, None, study_instance_uid=STUDY_UID, subject="Patient/p1")),
        "final": parsed(build_bundle(d, r, approve(d), study_instance_uid=STUDY_UID)),
        "edited": parsed(build_bundle(d, r, edit(d))),
        "rejected": parsed(build_bundle(d, r, reject())),
    }


def test_draft_is_partial_with_preliminary_observations(bundles: dict[str, Any]) -> None:
    b = bundles["draft"]
    assert b["type"] == "collection"
    (report,) = of_type(b, "DiagnosticReport")
    assert report["status"] == "partial"
    assert {o["status"] for o in of_type(b, "Observation")} == {"preliminary"}
    assert "resultsInterpreter" not in report
    assert of_type(b, "AuditEvent") == [] and of_type(b, "Practitioner") == []
    assert report["code"]["coding"][0]["code"] == "18748-4"
    assert report["imagingStudy"][0]["identifier"]["value"] == f"urn:oid:{STUDY_UID}"
    assert report["subject"]["reference"] == "Patient/p1"
    assert report["conclusion"].startswith("DRAFT — not signed")
    check_bundle(json.dumps(b), signoff=None)


def test_every_sentence_keeps_its_evidence_ids(bundles: dict[str, Any]) -> None:
    draft = cxr_draft()
    (report,) = of_type(bundles["draft"], "DiagnosticReport")
    md = form(report, "text/markdown")
    emap = json.loads(form(report, "application/json"))
    for sec in draft.sections:
        for s in sec.sentences:
            ids = f" [{', '.join(s.evidence)}]" if s.evidence else " [no evidence]"
            assert f"{sec.name}: {s.text}{ids}" in report["conclusion"]
            if s.evidence:
                assert f"[{', '.join(s.evidence)}]" in md
    assert [[x["evidence"] for x in sec["sentences"]] for sec in emap["sections"]] == \
        [[x.evidence for x in sec.sentences] for sec in draft.sections]
    assert emap["citations"][0]["quote"] == draft.citations[0].quote
    # Observations carry their finding id and the evidence they rest on.
    obs = {o["identifier"][0]["value"]: o for o in of_type(bundles["draft"], "Observation")}
    assert all(o["identifier"][0]["system"] == SYS_EVIDENCE for o in obs.values())
    assert set(obs) == {"cxr-1", "cxr-2", "lab-1"}
    assert "box box:1 xyxy=1000,1100,1500,1600" in obs["cxr-1"]["note"][0]["text"]
    assert obs["cxr-1"]["derivedFrom"][0]["type"] == "ImagingStudy"
    cited = {r["reference"] for r in report["result"]}
    assert cited == {f"urn:uuid:{o['id']}" for o in obs.values()}


def test_lab_result_is_a_loinc_coded_quantity(bundles: dict[str, Any]) -> None:
    lab = next(o for o in of_type(bundles["draft"], "Observation")
               if o["identifier"][0]["value"] == "lab-1")
    assert lab["code"]["coding"][0] == {"system": "http://loinc.org", "code": "2951-2",
                                        "display": "Sodium"}
    assert lab["valueQuantity"]["value"] == 131 and lab["valueQuantity"]["unit"] == "mmol/L"
    assert lab["referenceRange"][0]["low"]["value"] == 135
    assert lab["interpretation"][0]["coding"][0]["code"] == "L"
    assert lab["category"][0]["coding"][0]["code"] == "laboratory"
    assert {"reference": "Observation/na-1"} in lab["derivedFrom"]


def test_provenance_names_models_prompts_and_inputs(bundles: dict[str, Any]) -> None:
    (prov,) = of_type(bundles["draft"], "Provenance")
    (report,) = of_type(bundles["draft"], "DiagnosticReport")
    assert prov["target"][0]["reference"] == f"urn:uuid:{report['id']}"
    devices = {f"urn:uuid:{d['id']}": d for d in of_type(bundles["draft"], "Device")}
    authors = [a for a in prov["agent"] if a["type"]["coding"][0]["code"] == "author"]
    model = devices[authors[0]["who"]["reference"]]
    assert model["deviceName"][0]["name"] == "google/medgemma-1.5-4b-it"
    assert model["version"][0]["value"] == "rev-abc123"
    values = {e["what"]["identifier"]["value"] for e in prov["entity"]}
    assert {"compose_report@v1", "cxr_report@v1", "a" * 64, "b" * 64} <= values
    assert not any(a["type"]["coding"][0]["code"] == "verifier" for a in prov["agent"])


def test_approved_report_is_final_with_verifier_and_audit_event(bundles: dict[str, Any]) -> None:
    b = bundles["final"]
    (report,) = of_type(b, "DiagnosticReport")
    (prov,) = of_type(b, "Provenance")
    (audit,) = of_type(b, "AuditEvent")
    (doc,) = of_type(b, "Practitioner")
    assert report["status"] == "final"
    assert {o["status"] for o in of_type(b, "Observation")} == {"final"}
    assert report["resultsInterpreter"][0]["reference"] == f"urn:uuid:{doc['id']}"
    assert doc["name"][0]["text"] == "Jane Smith"
    verifier = [a for a in prov["agent"] if a["type"]["coding"][0]["code"] == "verifier"]
    assert verifier[0]["who"]["reference"] == f"urn:uuid:{doc['id']}"
    sig = prov["signature"][0]
    assert sig["type"][0]["code"] == "1.2.840.10065.1.12.1.5"
    assert sig["when"].startswith(SIGNED.strftime("%Y-%m-%dT%H:%M:%S"))
    assert audit["entity"][0]["what"]["reference"] == f"urn:uuid:{report['id']}"
    assert audit["subtype"][0]["code"] == "attest" and audit["action"] == "U"
    assert audit["agent"][0]["requestor"] is True
    assert report["conclusion"].startswith("Signed by Jane Smith")
    check_bundle(json.dumps(b), signoff=approve(cxr_draft()))


def test_edited_report_is_final_with_the_reviewer_text(bundles: dict[str, Any]) -> None:
    b = bundles["edited"]
    (report,) = of_type(b, "DiagnosticReport")
    assert report["status"] == "final"
    assert "Impression: Right lower lobe pneumonia, likely bacterial. [signoff]" in report["conclusion"]
    (audit,) = of_type(b, "AuditEvent")
    assert audit["subtype"][0]["code"] == "amend"
    assert {"type": "edited_sections", "valueString": "Impression"} in audit["entity"][0]["detail"]


def test_rejected_report_is_cancelled(bundles: dict[str, Any]) -> None:
    b = bundles["rejected"]
    (report,) = of_type(b, "DiagnosticReport")
    (prov,) = of_type(b, "Provenance")
    (audit,) = of_type(b, "AuditEvent")
    assert report["status"] == "cancelled"
    assert {o["status"] for o in of_type(b, "Observation")} == {"cancelled"}
    assert "signature" not in prov and "resultsInterpreter" not in report
    assert audit["subtype"][0]["code"] == "deprecate"
    assert "Wrong side reported." in report["conclusion"]
    check_bundle(json.dumps(b), signoff=reject())


def _set_status(b: dict[str, Any], status: str) -> dict[str, Any]:
    b = json.loads(json.dumps(b))
    of_type(b, "DiagnosticReport")[0]["status"] = status
    return b


def test_library_alone_accepts_unsafe_statuses(bundles: dict[str, Any]) -> None:
    """Why our own checks exist: fhir.resources parses any status code."""
    for status in ("banana", "final"):
        parsed = Bundle.model_validate(_set_status(bundles["draft"], status))
        (report,) = [e.resource for e in parsed.entry if e.resource.__resource_type__ == "DiagnosticReport"]
        assert report.status == status   # kept as given: no status check of its own


def test_final_without_signoff_is_refused(bundles: dict[str, Any]) -> None:
    forged = _set_status(bundles["draft"], "final")
    with pytest.raises(ReportStatusError, match="final report needs a sign-off"):
        check_bundle(json.dumps(forged))
    with pytest.raises(ReportStatusError, match="final report needs a sign-off"):
        check_bundle(json.dumps(bundles["final"]), signoff=None)


@pytest.mark.parametrize("status,match", [
    ("preliminary", "verified early results"), ("banana", "not allowed"),
    ("amended", "not allowed"), ("registered", "not allowed")])
def test_unsafe_or_unknown_status_is_refused(bundles: dict[str, Any], status: str, match: str) -> None:
    with pytest.raises(ReportStatusError, match=match):
        check_bundle(_set_status(bundles["draft"], status))


def test_inconsistent_bundles_are_refused(bundles: dict[str, Any]) -> None:
    # A final report whose verifier was stripped.
    b = json.loads(json.dumps(bundles["final"]))
    prov = of_type(b, "Provenance")[0]
    prov["agent"] = [a for a in prov["agent"] if a["type"]["coding"][0]["code"] != "verifier"]
    with pytest.raises(ReportStatusError, match="verifier"):
        check_bundle(b)
    # A final report whose Observations are still preliminary.
    b = json.loads(json.dumps(bundles["final"]))
    of_type(b, "Observation")[0]["status"] = "preliminary"
    with pytest.raises(ReportStatusError, match="Observation status"):
        check_bundle(b)
    # A decision/status mismatch: rejected decision but final report.
    with pytest.raises(ReportStatusError, match="does not match"):
        check_bundle(bundles["final"], signoff=reject())
    # A draft that claims a verification.
    b = json.loads(json.dumps(bundles["final"]))
    of_type(b, "DiagnosticReport")[0]["status"] = "partial"
    for o in of_type(b, "Observation"):
        o["status"] = "preliminary"
    with pytest.raises(ReportStatusError, match="claims a verification"):
        check_bundle(b)
    with pytest.raises(ReportStatusError, match="invalid FHIR R4B bundle"):
        check_bundle('{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": 3}]}')


def test_write_and_read_back(tmp_path: Path) -> None:
    d = cxr_draft()
    path = write_bundle(build_bundle(d, cxr_results(), approve(d)), tmp_path / "out" / "report.fhir.json")
    again = read_bundle(path, signoff=approve(d))
    assert again.entry[0].resource.status == "final"
    assert sorted(p.name for p in path.parent.iterdir()) == ["report.fhir.json"]
    # Same state, same ids: re-export is idempotent.
    assert bundle_json(build_bundle(d, cxr_results(), approve(d))) == path.read_text().rstrip("\n")


def test_atomic_writes_replace_whole_files_or_nothing(tmp_path: Path) -> None:
    target = tmp_path / "a" / "report.md"
    write_text(target, "first")
    os.chmod(target, 0o644)
    write_text(target, "second")
    assert target.read_text() == "second"
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    with pytest.raises(TypeError):
        write_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_text() == "second"
    write_json(tmp_path / "a" / "x.json", {"é": 1})
    assert json.loads((tmp_path / "a" / "x.json").read_text(encoding="utf-8")) == {"é": 1}
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.md", "x.json"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
