"""The HTTP service over real loopback HTTP (`carepath serve` as a process):
submit, poll, sign as the authenticated reviewer, download outputs; and the
bad requests — no token, wrong role, unknown thread, re-sign, malformed JSON,
wrong content type, oversized upload — each get the right status and a
clear message while the server stays up and leaves nothing half-written."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
from pydicom.data import get_testdata_file

from support.http_fixtures import TOKENS

RG1 = Path(get_testdata_file("RG1_UNCR.dcm"))
QUESTION = "Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?"


def h(role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKENS[role]}"}


def test_openapi_and_authentication(carepath_server: str) -> None:
    spec = httpx.get(f"{carepath_server}/openapi.json").json()
    assert {"/v1/drafts", "/v1/drafts/{thread_id}/signoff", "/v1/drafts/{thread_id}/outputs/{fmt}"} <= set(spec["paths"])
    r = httpx.get(f"{carepath_server}/v1/drafts")
    assert r.status_code == 401 and r.json()["what"] == "not authenticated"
    r = httpx.get(f"{carepath_server}/v1/drafts", headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401


def test_question_draft_signed_only_by_a_reviewer_as_themselves(carepath_server: str) -> None:
    c = httpx.Client(base_url=carepath_server, timeout=300)
    r = c.post("/v1/questions", json={"text": QUESTION}, headers=h("requester"))
    assert r.status_code == 201, r.text
    d = r.json()
    tid = d["thread_id"]
    assert d["status"] == "awaiting_signoff" and d["intent"] == "guideline_qa"
    assert any(x["guideline_id"] == "ats_idsa_cap_2019" for x in d["citations"])
    assert tid in [t["thread_id"] for t in c.get("/v1/drafts", headers=h("requester")).json()]
    assert c.get(f"/v1/drafts/{tid}", headers=h("requester")).json()["status"] == "awaiting_signoff"

    r = c.post(f"/v1/drafts/{tid}/signoff", json={"action": "approve"}, headers=h("requester"))
    assert r.status_code == 403 and "reviewer" in r.json()["what"]
    r = c.post(f"/v1/drafts/{tid}/signoff", json={"action": "reject"}, headers=h("reviewer"))
    assert r.status_code == 422  # a rejection needs a reason
    r = c.post(f"/v1/drafts/{tid}/signoff", json={"action": "approve", "reviewer": "Mallory"},
               headers=h("reviewer"))
    assert r.status_code == 200 and r.json()["status"] == "final"
    fhir = c.get(f"/v1/drafts/{tid}/outputs/fhir", headers=h("requester"))
    assert fhir.status_code == 200
    bundle = fhir.json()
    report = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "DiagnosticReport")
    assert report["status"] == "final"
    text = json.dumps(bundle)
    assert "Dr Ada Reviewer" in text and "Mallory" not in text   # the signer is the token's identity
    again = c.post(f"/v1/drafts/{tid}/signoff", json={"action": "approve"}, headers=h("reviewer"))
    assert again.status_code == 409 and "already signed" in again.json()["what"]
    md = c.get(f"/v1/drafts/{tid}/outputs/md", headers=h("reviewer"))
    assert md.status_code == 200 and "Signed by Dr Ada Reviewer" in md.text


def test_study_upload_and_bad_requests(carepath_server: str, tmp_path: Path) -> None:
    c = httpx.Client(base_url=carepath_server, timeout=300)
    with RG1.open("rb") as f:
        r = c.post("/v1/drafts", data={"text": "Chest X-ray for cough, please report."},
                   files={"study": ("rg1.dcm", f, "application/dicom")}, headers=h("requester"))
    assert r.status_code == 201, r.text
    tid = r.json()["thread_id"]
    assert r.json()["intent"] == "cxr_report"
    draft_sr = c.get(f"/v1/drafts/{tid}/outputs/sr", headers=h("reviewer"))
    assert draft_sr.status_code == 200 and draft_sr.content[128:132] == b"DICM"

    assert c.get("/v1/drafts/no-such-thread", headers=h("requester")).status_code == 404
    r = c.post("/v1/drafts/no-such-thread/signoff", json={"action": "approve"}, headers=h("reviewer"))
    assert r.status_code == 404 and r.json()["what"] == "unknown draft"
    r = c.post("/v1/questions", content=b"{not json", headers=h("requester") | {"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["what"] == "malformed request" and "JSON" in r.json()["why"]
    r = c.post("/v1/drafts", data={"text": "x"}, files={"study": ("a.exe", b"MZ\x90", "application/x-msdownload")},
               headers=h("requester"))
    assert r.status_code == 415 and "unsupported study upload" in r.json()["what"]
    big = b"\0" * (9 << 20)  # over the 8 MiB limit the fixture sets
    r = c.post("/v1/drafts", data={"text": "x"}, files={"study": ("big.dcm", big, "application/dicom")},
               headers=h("requester"))
    assert r.status_code == 413 and "too large" in r.json()["what"]
    r = c.post("/v1/drafts", headers=h("requester"))
    assert r.status_code == 422
    leftovers = [p.name for p in (carepath_server.state / "uploads").iterdir() if p.name.startswith(".")]
    assert leftovers == []   # refused uploads leave no partial files
    assert c.get("/openapi.json").status_code == 200   # still up


def test_concurrent_clients_all_succeed(carepath_server: str) -> None:
    """A short burst of the load benchmark (bench/reliability_http_load.py runs
    50 clients for 60 s): 20 clients at once, every request answered."""
    import asyncio
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from bench_http import client_loop

    lat: list[float] = []
    errors: list[str] = []

    async def burst() -> list[int]:
        return await asyncio.gather(*[client_loop(carepath_server, TOKENS["requester"], [7000 + c], lat, errors)
                                      for c in range(20)])

    assert sum(asyncio.run(burst())) == 20 and errors == []
    assert httpx.get(f"{carepath_server}/openapi.json").status_code == 200


def test_undecodable_audio_is_a_clear_error_and_the_server_stays_up(carepath_server: str) -> None:
    c = httpx.Client(base_url=carepath_server, timeout=120)
    riff_cut_short = b"RIFF\x24\x08\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00"
    r = c.post("/v1/drafts", files={"audio": ("dictation.wav", riff_cut_short, "audio/wav")},
               headers=h("requester"))
    assert 400 <= r.status_code < 500, r.text
    body = r.json()
    assert body["what"] and body["fix"], body
    assert "dictation.wav" in str(body.get("subject", "")) + body["what"] + str(body.get("why", ""))
    assert not [p for p in (carepath_server.state / "uploads").iterdir() if p.suffix == ".wav"]
    assert c.get("/v1/drafts", headers=h("requester")).status_code == 200   # still up


def test_every_page_carries_the_security_headers(carepath_server: str) -> None:
    """Pages render through one helper: the sign-in page and the pending list
    (which once bypassed it) carry the CSP too, framing included."""
    c = httpx.Client(base_url=carepath_server, timeout=60)
    login = c.get("/login")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', login.text)
    assert csrf, login.text
    signed_in = c.post("/login", data={"token": TOKENS["reviewer"], "csrf_token": csrf.group(1)})
    assert signed_in.status_code == 303 and TOKENS["reviewer"] not in str(c.cookies)   # a session, not the token
    for path in ("/login", "/"):
        r = c.get(path)
        assert r.status_code == 200, (path, r.status_code)
        csp = r.headers.get("content-security-policy", "")
        assert "script-src 'none'" in csp and "frame-ancestors 'none'" in csp, (path, csp)
        assert r.headers.get("x-content-type-options") == "nosniff", path
    r = c.get("/review/no-such-thread")
    assert r.status_code == 404 and r.json()["what"] == "unknown draft"
