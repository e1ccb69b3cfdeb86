"""Re-pushing a report files nothing twice (issue 13: `carepath push THREAD
--fhir URL` run twice must not leave two Provenance or AuditEvent resources).

No FHIR server runs offline here (HAPI FHIR is a Java download), so this
test builds the transaction twice from the same recorded sign-off and checks
what a server acts on: the request entries are identical, every entry is
idempotent (``PUT`` to a stable id or search, or ``POST`` with
``ifNoneExist``), and filing both bundles by the FHIR transaction rules
(``_file`` below: update-as-create, conditional update, conditional create,
plain create) leaves as many resources as filing one. The bundles stay valid
R4B and pass the independent conformance check.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any
from urllib.parse import parse_qs

import pydicom
import pytest
from fhir.resources.R4B.bundle import Bundle
from support.outputs_fixtures import cxr_draft, cxr_path, cxr_results, edit

from carepath.context import context_from_dicom
from carepath.settings import get_settings
from carepath.workflows.outputs import fhir_conformance
from carepath.workflows.outputs.fhir import Revision, build_bundle, bundle_json

PDF = b"%PDF-1.4 test"


@pytest.fixture(autouse=True)
def _systems(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A site with its MRN and accession systems configured (without them the
    Patient and order are plain POSTs on purpose: a bare value could match
    another authority's patient, see test_outputs_fhir)."""
    monkeypatch.setenv("CAREPATH_FHIR__PATIENT_ID_SYSTEM", "urn:oid:1.2.3.4.5")
    monkeypatch.setenv("CAREPATH_FHIR__ACCESSION_SYSTEM", "https://ris.example/acsn")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _bundle(revision: Revision | None = None) -> dict[str, Any]:
    d = cxr_draft()
    ctx = context_from_dicom(pydicom.dcmread(cxr_path(), stop_before_pixels=True))
    data = json.loads(bundle_json(build_bundle(d, cxr_results(), edit(d), context=ctx, pdf=PDF,
                                               revision=revision)))
    Bundle.model_validate(data)
    assert fhir_conformance.check(data) == []
    return data


def _file(server: dict[tuple[str, str], dict[str, Any]], bundle: dict[str, Any]) -> None:
    """File a transaction into ``server`` ((type, key) → resource) by the FHIR
    rules for each request: PUT Type/id and PUT Type?search update the one
    match or create it; POST with ifNoneExist creates only when nothing
    matches; a plain POST always creates."""
    def matches(rtype: str, query: str) -> list[tuple[str, str]]:
        (system_value,) = parse_qs(query)["identifier"]
        system, _, value = system_value.partition("|")
        return [k for k, r in server.items() if k[0] == rtype and any(
            i.get("system") == system and i.get("value") == value for i in r.get("identifier", []))]

    for e in bundle["entry"]:
        res, req = e["resource"], e["request"]
        rtype, url = res["resourceType"], req["url"]
        if req["method"] == "PUT" and "?" in url:
            found = matches(rtype, url.split("?", 1)[1])
            assert len(found) <= 1, f"conditional update of {rtype} matched {len(found)}"
            server[found[0] if found else (rtype, f"new-{len(server)}")] = res
        elif req["method"] == "PUT":
            server[(rtype, url.split("/", 1)[1])] = res
        elif "ifNoneExist" in req and matches(rtype, req["ifNoneExist"]):
            continue
        else:
            server[(rtype, f"new-{len(server)}")] = res


def _requests(bundle: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(e["fullUrl"], e["resource"]["resourceType"], e["request"]) for e in bundle["entry"]]


def test_the_same_version_builds_the_same_requests() -> None:
    first, second = _bundle(), _bundle()
    assert _requests(first) == _requests(second)
    assert first["entry"] == second["entry"]            # resources too: nothing differs to file twice
    for _, rtype, req in _requests(first):
        assert req["method"] == "PUT" or "ifNoneExist" in req, (rtype, req)


def test_provenance_and_audit_event_are_created_once_per_version() -> None:
    v1, v2 = _bundle(), _bundle(Revision(version=2, status="amended", reason="rib fracture added"))
    once = {rtype: req for _, rtype, req in _requests(v1) if rtype in ("Provenance", "AuditEvent")}
    assert set(once) == {"Provenance", "AuditEvent"}
    for e in v1["entry"]:
        if e["resource"]["resourceType"] in once:
            rid = e["resource"]["id"]
            assert e["request"] == {"method": "PUT", "url": f"{e['resource']['resourceType']}/{rid}"}
            assert e["fullUrl"] == f"urn:uuid:{rid}"
    # A new version gets its own Provenance and AuditEvent (kept beside v1's, never replacing them).
    again = {rtype: req for _, rtype, req in _requests(v2) if rtype in ("Provenance", "AuditEvent")}
    assert all(again[k]["url"] != once[k]["url"] for k in once)


def test_pushing_twice_files_nothing_twice() -> None:
    server: dict[tuple[str, str], dict[str, Any]] = {}
    v1 = _bundle()
    _file(server, v1)
    after_one = Counter(k[0] for k in server)
    assert after_one["Provenance"] == 1 and after_one["AuditEvent"] == 1 and after_one["Patient"] == 1
    _file(server, _bundle())                            # `carepath push` again: same version
    assert Counter(k[0] for k in server) == after_one
    v2 = _bundle(Revision(version=2, status="amended", reason="rib fracture added"))
    _file(server, v2)
    _file(server, v2)                                   # the amendment pushed twice
    after_v2 = Counter(k[0] for k in server)
    assert after_v2["Provenance"] == 2 and after_v2["AuditEvent"] == 2
    assert after_v2["DiagnosticReport"] == 1 and after_v2["Patient"] == 1   # one report, now amended
    (report,) = [r for k, r in server.items() if k[0] == "DiagnosticReport"]
    assert report["status"] == "amended"


def test_the_filing_model_catches_a_plain_post() -> None:
    """The check above can fail: a Provenance sent as a plain POST (how it
    was sent before) is filed twice by two pushes."""
    server: dict[tuple[str, str], dict[str, Any]] = {}
    old_style = _bundle()
    for e in old_style["entry"]:
        if e["resource"]["resourceType"] == "Provenance":
            e["request"] = {"method": "POST", "url": "Provenance"}
    _file(server, old_style)
    _file(server, old_style)
    assert Counter(k[0] for k in server)["Provenance"] == 2
