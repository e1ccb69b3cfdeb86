"""FHIR R4B output: a transaction an EHR can file, parsed back with
fhir.resources.R4B, held to carepath's status rules and to the independent
conformance check (fhir_conformance)."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydicom
import pytest
from fhir.resources.R4B.bundle import Bundle
from PIL import Image
from support.outputs_fixtures import (
    SIGNED,
    approve,
    cxr_draft,
    cxr_path,
    cxr_results,
    edit,
    reject,
)

from carepath.artifacts import ArtifactStore
from carepath.atomic import write_bytes, write_json, write_text
from carepath.context import CareContext, Code, Identifier, Order, Patient, Study, context_from_dicom
from carepath.errors import InputError
from carepath.evidence import Evidence
from carepath.settings import get_settings
from carepath.workflows.outputs import fhir_conformance
from carepath.workflows.outputs.fhir import (
    SYS_EVIDENCE,
    ReportStatusError,
    Revision,
    build_bundle,
    bundle_json,
    check_bundle,
    read_bundle,
    write_bundle,
)

STUDY_UID = "1.3.6.1.4.1.5962.1.2.9.20040826185059.5457"
PDF = b"%PDF-1.4 test"


def parsed(bundle: Bundle) -> dict[str, Any]:
    """Round-trip through JSON text and the R4B models, as an importer would."""
    text = bundle_json(bundle)
    Bundle.model_validate_json(text)
    return json.loads(text)


def of_type(data: dict[str, Any], rtype: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == rtype]


def entry(data: dict[str, Any], rtype: str) -> dict[str, Any]:
    (e,) = [e for e in data["entry"] if e["resource"]["resourceType"] == rtype]
    return e


def url_of(data: dict[str, Any], resource: dict[str, Any]) -> str:
    return next(e["fullUrl"] for e in data["entry"] if e["resource"] is resource)


def form(report: dict[str, Any], ctype: str) -> bytes:
    att = next(a for a in report["presentedForm"] if a["contentType"].startswith(ctype))
    return base64.b64decode(att["data"])


def rg1() -> CareContext:
    return context_from_dicom(pydicom.dcmread(cxr_path(), stop_before_pixels=True))


@pytest.fixture(autouse=True)
def _fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def bundles() -> dict[str, dict[str, Any]]:
    d, r, ctx = cxr_draft(), cxr_results(), rg1()
    return {
        "draft": parsed(build_bundle(d, r, None, context=ctx, pdf=PDF)),
        "final": parsed(build_bundle(d, r, approve(d), context=ctx, study_instance_uid=STUDY_UID, pdf=PDF)),
        "edited": parsed(build_bundle(d, r, edit(d), context=ctx)),
        "rejected": parsed(build_bundle(d, r, reject(), context=ctx)),
        "amended": parsed(build_bundle(d, r, edit(d), context=ctx, revision=Revision(
            version=2, status="corrected", reason="laterality corrected",
            replaces="DiagnosticReport/77/_history/2"))),
        "no_context": parsed(build_bundle(d, r, approve(d), subject="Patient/p1")),
    }


def test_a_transaction_every_entry_says_how_to_file_it(bundles: dict[str, Any]) -> None:
    for name, b in bundles.items():
        assert b["type"] == "transaction", name
        assert fhir_conformance.check(b) == [], name
        for e in b["entry"]:
            res, req = e["resource"], e["request"]
            assert e["fullUrl"].startswith("urn:uuid:")
            assert res["text"]["status"] == "generated" and res["text"]["div"].startswith("<div xmlns=")
            if req["method"] == "PUT" and res["resourceType"] in ("Provenance", "AuditEvent"):
                # once per version, no identifier to search on: update-as-create at a stable id
                assert req["url"] == f"{res['resourceType']}/{res['id']}"
            elif req["method"] == "PUT":     # report and observations: one resource per report, updated
                assert req["url"].startswith(res["resourceType"] + "?identifier=urn%3Aietf%3Arfc%3A3986%7C")
                assert "id" not in res
            else:
                assert req == {"method": "POST", "url": res["resourceType"], **(
                    {"ifNoneExist": req["ifNoneExist"]} if "ifNoneExist" in req else {})}
    # The same report keeps its conditional-update key through draft, sign-off and amendment.
    keys = {n: entry(b, "DiagnosticReport")["request"]["url"] for n, b in bundles.items()}
    assert len(set(keys.values())) == 1


def test_subject_order_and_accession(bundles: dict[str, Any]) -> None:
    b = bundles["final"]
    (report,), (patient,), (order,) = (of_type(b, t) for t in ("DiagnosticReport", "Patient", "ServiceRequest"))
    assert report["subject"]["reference"] == url_of(b, patient)
    assert patient["identifier"][0]["value"] == "9RG1"
    assert patient["identifier"][0]["type"]["coding"][0]["code"] == "MR"
    assert patient["name"][0]["family"] == "CompressedSamples" and patient["gender"] == "female"
    assert patient["birthDate"] == "1940-03-05"
    assert report["basedOn"][0]["reference"] == url_of(b, order)
    assert order["subject"]["reference"] == url_of(b, patient) and order["intent"] == "order"
    acsn = [i for i in report["identifier"] if i.get("type", {}).get("coding", [{}])[0].get("code") == "ACSN"]
    assert acsn and acsn[0]["value"] == "exam Number" == order["identifier"][0]["value"]
    assert acsn[0]["type"]["coding"][0]["system"] == "http://terminology.hl7.org/CodeSystem/v2-0203"
    # No issuer and no configured system: no system is made up and no
    # conditional create on a bare value (it could match another hospital's patient).
    assert "system" not in patient["identifier"][0]
    assert "ifNoneExist" not in entry(b, "Patient")["request"]
    assert "fhir.patient_id_system" in patient["text"]["div"]


def test_identifier_systems_from_the_issuer_or_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREPATH_FHIR__PATIENT_ID_SYSTEM", "urn:oid:1.2.3.4.5")
    monkeypatch.setenv("CAREPATH_FHIR__ACCESSION_SYSTEM", "https://ris.example/acsn")
    get_settings.cache_clear()
    b = parsed(build_bundle(cxr_draft(), cxr_results(), None, context=rg1()))
    assert entry(b, "Patient")["request"]["ifNoneExist"] == "identifier=urn%3Aoid%3A1.2.3.4.5%7C9RG1"
    assert entry(b, "ServiceRequest")["request"]["ifNoneExist"] == \
        "identifier=https%3A%2F%2Fris.example%2Facsn%7Cexam+Number"
    # An issuer stated with an OID wins over the default.
    ctx = CareContext(patient=Patient(id=Identifier(value="77", namespace="HOSP", universal_id="2.16.840.1.1",
                                                    universal_id_type="ISO")))
    (patient,) = of_type(parsed(build_bundle(cxr_draft(), cxr_results(), None, context=ctx)), "Patient")
    assert patient["identifier"][0]["system"] == "urn:oid:2.16.840.1.1"
    assert patient["identifier"][0]["assigner"] == {"display": "HOSP"}


def test_missing_patient_id_or_accession_is_never_invented() -> None:
    ctx = CareContext(study=Study(modality="CT", instance_uid=STUDY_UID))
    b = parsed(build_bundle(cxr_draft(), cxr_results(), None, context=ctx))
    (report,) = of_type(b, "DiagnosticReport")
    assert of_type(b, "Patient") == [] and of_type(b, "ServiceRequest") == []
    assert "subject" not in report and "basedOn" not in report
    assert not [i for i in report["identifier"] if "type" in i]
    assert "no patient identifier (PatientID)" in report["text"]["div"]
    assert "no accession number" in report["text"]["div"]
    assert fhir_conformance.check(b) == []


def test_performer_is_people_never_the_ai(bundles: dict[str, Any]) -> None:
    b = bundles["final"]
    (report,), (doc,) = of_type(b, "DiagnosticReport"), of_type(b, "Practitioner")
    assert report["performer"] == [{"reference": url_of(b, doc), "display": "Jane Smith"},
                                   {"type": "Organization", "display": "Philips Medical Systems Hamburg"}]
    assert report["resultsInterpreter"] == [{"reference": url_of(b, doc), "display": "Jane Smith"}]
    assert doc["identifier"][0] == {"use": "usual", "system": "urn:carepath:reviewer", "value": "Jane Smith"}
    devices = {url_of(b, d) for d in of_type(b, "Device")}
    refs = json.dumps({k: v for k, v in report.items() if k != "presentedForm"})
    assert not any(u in refs for u in devices)   # the AI is only in Provenance
    (draft_report,) = of_type(bundles["draft"], "DiagnosticReport")
    assert draft_report["performer"] == [{"type": "Organization", "display": "Philips Medical Systems Hamburg"}]


def test_times_code_conclusion_and_forms(bundles: dict[str, Any]) -> None:
    (report,) = of_type(bundles["final"], "DiagnosticReport")
    assert report["effectiveDateTime"] == "2004-08-26"        # the study, not the draft
    assert report["issued"].startswith(SIGNED.strftime("%Y-%m-%dT%H:%M:%S"))
    assert report["code"] == {"coding": [{"system": "http://loinc.org", "code": "18748-4",
                                          "display": "Diagnostic imaging study"}], "text": "THORAX"}
    assert report["conclusion"] == "Right lower lobe pneumonia."
    assert [a["contentType"] for a in report["presentedForm"]] == ["text/html; charset=utf-8", "application/pdf"]
    assert form(report, "application/pdf") == PDF
    page = form(report, "text/html").decode()
    assert "<dt>MRN</dt><dd>9RG1</dd>" in page and "Signed by Jane Smith" in page
    assert report["imagingStudy"][0]["identifier"]["value"] == f"urn:oid:{STUDY_UID}"
    (edited,) = of_type(bundles["edited"], "DiagnosticReport")
    assert edited["conclusion"] == "Right lower lobe pneumonia, likely bacterial."
    assert "conclusion" not in of_type(bundles["rejected"], "DiagnosticReport")[0]


@pytest.mark.parametrize("order,modality,code", [
    (Order(procedure=Code(value="36643-5", scheme="LN", meaning="XR Chest 2 Views")), "CR", "36643-5"),
    (Order(procedure=Code(value="CHEST1", scheme="99LOCAL", meaning="Chest")), "CT", "18747-6"),
    (Order(), "MR", "18755-9"), (Order(), "DX", "18748-4")])
def test_report_code_from_the_order_else_by_modality(order: Order, modality: str, code: str) -> None:
    ctx = CareContext(order=order, study=Study(modality=modality))
    (report,) = of_type(parsed(build_bundle(cxr_draft(), None, None, context=ctx)), "DiagnosticReport")
    assert report["code"]["coding"][0]["code"] == code


def test_draft_is_partial_with_preliminary_observations(bundles: dict[str, Any]) -> None:
    b = bundles["draft"]
    (report,) = of_type(b, "DiagnosticReport")
    assert report["status"] == "partial"
    assert {o["status"] for o in of_type(b, "Observation")} == {"preliminary"}
    assert "resultsInterpreter" not in report
    assert of_type(b, "AuditEvent") == [] and of_type(b, "Practitioner") == []
    assert report["text"]["div"].startswith('<div xmlns="http://www.w3.org/1999/xhtml"><p>DRAFT — not signed')
    check_bundle(json.dumps(b), signoff=None)
    (report,) = of_type(bundles["no_context"], "DiagnosticReport")
    assert report["subject"] == {"reference": "Patient/p1"}


def test_every_sentence_keeps_its_evidence_ids(bundles: dict[str, Any]) -> None:
    draft = cxr_draft()
    (report,) = of_type(bundles["draft"], "DiagnosticReport")
    for sec in draft.sections:
        for s in sec.sentences:
            ids = f" [{', '.join(s.evidence)}]" if s.evidence else " [no evidence]"
            assert f"{sec.name}: {s.text}{ids}" in report["text"]["div"]
    # Observations carry their finding id and the evidence they rest on.
    b = bundles["draft"]
    obs = {o["identifier"][0]["value"]: o for o in of_type(b, "Observation")}
    assert all(o["identifier"][0]["system"] == SYS_EVIDENCE for o in obs.values())
    assert set(obs) == {"cxr-1", "cxr-2", "lab-1"}
    assert "box box:1 xyxy=1000,1100,1500,1600" in obs["cxr-1"]["note"][0]["text"]
    assert obs["cxr-1"]["derivedFrom"][0]["type"] == "ImagingStudy"
    assert obs["cxr-1"]["subject"] == report["subject"] and obs["cxr-1"]["basedOn"] == report["basedOn"]
    cited = {r["reference"] for r in report["result"]}
    assert cited == {url_of(b, o) for o in obs.values()}


def test_key_images_become_media(tmp_path: Path) -> None:
    store = ArtifactStore(tmp_path / "art")
    png = tmp_path / "k.png"
    Image.new("RGB", (40, 30), (9, 9, 9)).save(png)
    ref = store.put_bytes(png.read_bytes(), "image/png")
    results = cxr_results()
    results["cxr"].findings[0].evidence[0] = Evidence(kind="box", ref="box:1", artifact=ref,
                                                      detail={"xyxy": [2, 3, 20, 25], "label": "consolidation"})
    b = parsed(build_bundle(cxr_draft(), results, None, context=rg1()))
    (media,), (report,) = of_type(b, "Media"), of_type(b, "DiagnosticReport")
    assert report["media"] == [{"comment": "findings cxr-1", "link": {"reference": url_of(b, media)}}]
    assert base64.b64decode(media["content"]["data"]) == png.read_bytes()
    assert media["content"]["contentType"] == "image/png" and media["status"] == "completed"
    assert "consolidation xyxy=2,3,20,25" in media["content"]["title"]
    assert media["subject"] == report["subject"]
    Path(ref.path).unlink()   # gone from the store: left out, and the report says so
    b = parsed(build_bundle(cxr_draft(), results, None, context=rg1()))
    assert of_type(b, "Media") == []
    assert "is no longer stored" in of_type(b, "DiagnosticReport")[0]["text"]["div"]


def test_amendment_is_corrected_and_names_what_it_replaces(bundles: dict[str, Any]) -> None:
    b = bundles["amended"]
    (report,), (prov,), (audit,) = (of_type(b, t) for t in ("DiagnosticReport", "Provenance", "AuditEvent"))
    assert report["status"] == "corrected"
    assert {"system": "urn:carepath:report-version", "value": "thread-cxr-0001/v2"} in report["identifier"]
    (rev,) = [e for e in prov["entity"] if e["role"] == "revision"]
    assert rev["what"]["identifier"]["value"] == "thread-cxr-0001/v1"
    assert rev["what"]["reference"] == "DiagnosticReport/77/_history/2"
    assert "laterality corrected" in prov["reason"][0]["text"]
    assert audit["subtype"][0]["code"] == "amend"
    assert {o["status"] for o in of_type(b, "Observation")} == {"final"}
    # Provenance/AuditEvent of version 2 are new records, not version 1's.
    first = {url_of(bundles["edited"], r) for t in ("Provenance", "AuditEvent") for r in of_type(bundles["edited"], t)}
    assert not first & {url_of(b, prov), url_of(b, audit)}
    with pytest.raises(InputError, match="only a signed report can be amended"):
        build_bundle(cxr_draft(), None, None, revision=Revision(version=2, reason="x"))
    forged = json.loads(json.dumps(b))
    of_type(forged, "Provenance")[0]["entity"] = [e for e in prov["entity"] if e["role"] != "revision"]
    with pytest.raises(ReportStatusError, match="must name what it replaces"):
        check_bundle(forged)


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
    b = bundles["draft"]
    (prov,), (report,) = of_type(b, "Provenance"), of_type(b, "DiagnosticReport")
    assert prov["target"][0]["reference"] == url_of(b, report)
    devices = {url_of(b, d): d for d in of_type(b, "Device")}
    authors = [a for a in prov["agent"] if a["type"]["coding"][0]["code"] == "author"]
    model = devices[authors[0]["who"]["reference"]]
    assert model["deviceName"][0]["name"] == "google/medgemma-1.5-4b-it"
    assert model["version"][0]["value"] == "rev-abc123"
    values = {e["what"]["identifier"]["value"] for e in prov["entity"]}
    assert {"compose_report@v1", "cxr_report@v1", "a" * 64, "b" * 64} <= values
    assert not any(a["type"]["coding"][0]["code"] == "verifier" for a in prov["agent"])


def test_approved_report_is_final_with_verifier_and_audit_event(bundles: dict[str, Any]) -> None:
    b = bundles["final"]
    (report,), (prov,), (audit,), (doc,) = (of_type(b, t) for t in
                                            ("DiagnosticReport", "Provenance", "AuditEvent", "Practitioner"))
    assert report["status"] == "final"
    assert {o["status"] for o in of_type(b, "Observation")} == {"final"}
    assert doc["name"][0]["text"] == "Jane Smith"
    verifier = [a for a in prov["agent"] if a["type"]["coding"][0]["code"] == "verifier"]
    assert verifier[0]["who"]["reference"] == url_of(b, doc)
    sig = prov["signature"][0]
    assert sig["type"][0]["code"] == "1.2.840.10065.1.12.1.5"
    assert sig["when"].startswith(SIGNED.strftime("%Y-%m-%dT%H:%M:%S"))
    assert audit["entity"][0]["what"]["reference"] == url_of(b, report)
    assert audit["subtype"][0]["code"] == "attest" and audit["action"] == "U"
    assert audit["agent"][0]["requestor"] is True
    assert report["text"]["div"].startswith('<div xmlns="http://www.w3.org/1999/xhtml"><p>Signed by Jane Smith')
    check_bundle(json.dumps(b), signoff=approve(cxr_draft()))


def test_edited_report_is_final_with_the_reviewer_text(bundles: dict[str, Any]) -> None:
    b = bundles["edited"]
    (report,) = of_type(b, "DiagnosticReport")
    assert report["status"] == "final"
    assert "Impression: Right lower lobe pneumonia, likely bacterial. [signoff]" in report["text"]["div"]
    (audit,) = of_type(b, "AuditEvent")
    assert audit["subtype"][0]["code"] == "amend"
    assert {"type": "edited_sections", "valueString": "Impression"} in audit["entity"][0]["detail"]


def test_rejected_report_is_cancelled(bundles: dict[str, Any]) -> None:
    b = bundles["rejected"]
    (report,), (prov,), (audit,) = (of_type(b, t) for t in ("DiagnosticReport", "Provenance", "AuditEvent"))
    assert report["status"] == "cancelled"
    assert {o["status"] for o in of_type(b, "Observation")} == {"cancelled"}
    assert "signature" not in prov and "resultsInterpreter" not in report
    assert audit["subtype"][0]["code"] == "deprecate"
    assert "Wrong side reported." in report["text"]["div"]
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
    ("preliminary", "verified early results"), ("banana", "not in the required value set"),
    ("amended", "needs a sign-off"), ("registered", "not allowed")])
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
