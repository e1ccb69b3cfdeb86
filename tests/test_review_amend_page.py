"""Amending a signed report from the reviewer page (issue 13 item 5: "CLI,
HTTP + reviewer page"), over real HTTP on loopback against `carepath serve`:

- the form is offered only on a signed report, to a reviewer, pre-filled
  with the signed text; it posts the page's CSRF token;
- without the token it is refused (403) and nothing changes; an empty
  reason, an unchanged text, a draft never signed and a requester are each
  refused with the reason on the page, and nothing changes;
- a valid amendment goes through the same service call as the HTTP API:
  the page shows version 2 ``amended`` with its reason, and its output links
  serve the new version (FHIR ``amended`` with a Provenance naming v1; an SR
  whose Predecessor Documents name the v1 signed SR);
- GET /v1/drafts/{id} says so too (item 2: ``status`` stays ``final`` for
  existing clients, ``report_status``/``version``/``amended`` added).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import httpx
import pydicom
import pytest
from fhir.resources.R4B.bundle import Bundle
from pydicom.data import get_testdata_file
from test_context_wiring import signed_in

from carepath.workflows.outputs import fhir_conformance
from support.http_fixtures import TOKENS, ServerURL

RG1 = Path(get_testdata_file("RG1_UNCR.dcm"))
REQUEST = "Chest radiograph, please draft the report (page amendment)."
FINDINGS = "The lungs are clear. No pleural effusion or pneumothorax."
IMPRESSION = "No acute cardiopulmonary abnormality."
AMENDED = "No acute cardiopulmonary abnormality. Old healed rib fracture on the right."


def bearer(role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKENS[role]}"}


def csrf_of(page: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert m, page[:500]
    return m[1]


def amend_form(tid: str, c: httpx.Client, **fields: str) -> httpx.Response:
    """Post the page's amend form as a browser would: every field it offers,
    the signed text unless changed, plus ``fields``."""
    page = c.get(f"/review/{tid}")
    assert page.status_code == 200, page.text[:300]
    data = {"csrf_token": csrf_of(page.text), "edit:Findings": FINDINGS, "edit:Impression": IMPRESSION,
            "reason": "", "kind": "amended"}
    return c.post(f"/review/{tid}/amend", data=data | fields)


def report(c: httpx.Client, tid: str) -> dict:
    r = c.get(f"/v1/drafts/{tid}", headers=bearer("reviewer"))
    assert r.status_code == 200, r.text
    return r.json()


def unchanged(api: httpx.Client, tid: str, state: Path) -> None:
    d = report(api, tid)
    assert (d["status"], d["report_status"], d["version"], d["amended"]) == ("final", "final", 1, False)
    assert not (state / "outputs" / tid / "v2").exists()


@pytest.fixture(scope="module")
def drafted(carepath_server: str) -> str:
    """RG1_UNCR submitted by the requester (so the requester may read it)."""
    api = httpx.Client(base_url=carepath_server, timeout=300)
    with RG1.open("rb") as f:
        r = api.post("/v1/drafts", data={"text": REQUEST}, files={"study": ("rg1.dcm", f, "application/dicom")},
                     headers=bearer("requester"))
    assert r.status_code == 201, r.text
    return r.json()["thread_id"]


def test_a_draft_never_signed_offers_no_amendment_and_refuses_one(carepath_server: str, drafted: str) -> None:
    api = httpx.Client(base_url=carepath_server, timeout=300)
    d = report(api, drafted)
    assert (d["status"], d["report_status"], d["version"], d["amended"]) == \
        ("awaiting_signoff", "partial", None, False)
    rev = signed_in(httpx.Client(base_url=carepath_server, timeout=300), TOKENS["reviewer"])
    page = rev.get(f"/review/{drafted}")
    assert 'action="/review/' + drafted + '/amend"' not in page.text
    r = amend_form(drafted, rev, **{"edit:Impression": AMENDED, "reason": "late finding"})
    assert r.status_code == 409 and 'id="amend-error"' in r.text, r.text[:2000]
    assert "cannot be amended" in r.text and "awaiting_signoff" in r.text, r.text[:2000]
    assert report(api, drafted)["status"] == "awaiting_signoff"


@pytest.fixture(scope="module")
def signed(carepath_server: str, drafted: str) -> str:
    api = httpx.Client(base_url=carepath_server, timeout=300)
    report(api, drafted)                                  # drafted first (module order may differ)
    r = api.post(f"/v1/drafts/{drafted}/signoff", headers=bearer("reviewer"), json={
        "action": "edit", "edits": {"Findings": FINDINGS, "Impression": IMPRESSION}})
    assert r.status_code == 200 and r.json()["status"] == "final", r.text
    assert {"fhir", "sr"} <= set(r.json()["outputs"])
    return drafted


def test_signed_report_offers_the_form_prefilled(carepath_server: str, signed: str) -> None:
    rev = signed_in(httpx.Client(base_url=carepath_server, timeout=300), TOKENS["reviewer"])
    page = rev.get(f"/review/{signed}").text
    form = page[page.index(f'action="/review/{signed}/amend"'):]
    assert 'name="csrf_token"' in form and 'name="reason"' in form and "required" in form
    assert f'name="edit:Impression" rows="4">{IMPRESSION}</textarea>' in form
    assert 'value="amended" checked' in form and 'value="corrected"' in form
    assert 'data-version="1" data-report-status="final"' in page
    d = report(httpx.Client(base_url=carepath_server, timeout=300), signed)
    assert (d["status"], d["report_status"], d["version"], d["amended"]) == ("final", "final", 1, False)


def test_refusals_change_nothing(carepath_server: ServerURL, signed: str) -> None:
    api = httpx.Client(base_url=carepath_server, timeout=300)
    state = carepath_server.state
    rev = signed_in(httpx.Client(base_url=carepath_server, timeout=300), TOKENS["reviewer"])
    # no CSRF token: refused before anything is read or written
    r = rev.post(f"/review/{signed}/amend", data={"edit:Impression": AMENDED, "reason": "late finding"})
    assert r.status_code == 403 and "CSRF" in r.json()["what"], r.text
    unchanged(api, signed, state)
    # empty reason: the page says so and keeps what the reviewer typed
    r = amend_form(signed, rev, **{"edit:Impression": AMENDED, "reason": "  "})
    assert r.status_code == 422 and 'id="amend-error"' in r.text, r.text[:2000]
    assert "needs a reason" in r.text and f">{AMENDED}</textarea>" in r.text
    unchanged(api, signed, state)
    # nothing edited
    r = amend_form(signed, rev, reason="late finding")
    assert r.status_code == 422 and "replacement text for at least one section" in r.text, r.text[:2000]
    unchanged(api, signed, state)
    # a requester (who may read the draft they submitted) may not amend it
    req = signed_in(httpx.Client(base_url=carepath_server, timeout=300), TOKENS["requester"])
    page = req.get(f"/review/{signed}")
    assert page.status_code == 200 and f'action="/review/{signed}/amend"' not in page.text
    r = req.post(f"/review/{signed}/amend", data={"csrf_token": csrf_of(page.text),
                                                   "edit:Impression": AMENDED, "reason": "late finding"})
    assert r.status_code == 403 and "only a reviewer signs or amends" in r.text, r.text[:2000]
    unchanged(api, signed, state)


def test_amendment_from_the_page(carepath_server: ServerURL, signed: str) -> None:
    rev = signed_in(httpx.Client(base_url=carepath_server, timeout=300), TOKENS["reviewer"])
    r = amend_form(signed, rev, **{"edit:Impression": AMENDED, "reason": "rib fracture seen on review"})
    assert r.status_code == 303 and r.headers["location"] == f"/review/{signed}", r.text[:2000]
    page = rev.get(f"/review/{signed}").text
    assert 'data-version="2" data-report-status="amended"' in page
    assert "rib fracture seen on review" in page and "Old healed rib fracture" in page
    assert f'name="edit:Impression" rows="4">{AMENDED}</textarea>' in page   # the next amendment starts here

    # the page's links serve the new version (the page session may read them)
    fhir = rev.get(f"/v1/drafts/{signed}/outputs/fhir")
    assert fhir.status_code == 200, fhir.text[:500]
    bundle = fhir.json()
    Bundle.model_validate(bundle)
    assert fhir_conformance.check(bundle) == []
    res = [e["resource"] for e in bundle["entry"]]
    dr = next(x for x in res if x["resourceType"] == "DiagnosticReport")
    assert dr["status"] == "amended" and "Old healed rib fracture" in dr["conclusion"]
    revision = [e for x in res if x["resourceType"] == "Provenance" for e in x.get("entity", [])
                if e["role"] == "revision"]
    assert revision and revision[0]["what"]["identifier"]["value"] == f"{signed}/v1"

    sr = rev.get(f"/v1/drafts/{signed}/outputs/sr")
    assert sr.status_code == 200
    second = pydicom.dcmread(io.BytesIO(sr.content))
    v1_name = report(httpx.Client(base_url=carepath_server, timeout=300), signed)["outputs"]["sr"]
    first = pydicom.dcmread(carepath_server.state / "outputs" / signed / v1_name)   # version 1, kept
    pred = second.PredecessorDocumentsSequence[0].ReferencedSeriesSequence[0].ReferencedSOPSequence[0]
    assert pred.ReferencedSOPInstanceUID == first.SOPInstanceUID != second.SOPInstanceUID
    assert second.StudyInstanceUID == first.StudyInstanceUID

    d = report(httpx.Client(base_url=carepath_server, timeout=300), signed)
    assert (d["status"], d["report_status"], d["version"], d["amended"]) == ("final", "amended", 2, True)
    assert d["amendments"][0]["reason"] == "rib fracture seen on review"
    assert d["amendments"][0]["reviewer"] == "Dr Ada Reviewer"

    # a correction from the page: version 3, corrected
    r = amend_form(signed, rev, **{"edit:Impression": AMENDED, "edit:Findings": FINDINGS + " Right side.",
                                   "reason": "side named", "kind": "corrected"})
    assert r.status_code == 303, r.text[:2000]
    d = report(httpx.Client(base_url=carepath_server, timeout=300), signed)
    assert (d["report_status"], d["version"]) == ("corrected", 3)
