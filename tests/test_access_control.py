"""Object-level access control against a real `carepath serve` on loopback
(issue 14 items 1 and 10): who may list, read, download and sign which
draft; break-the-glass; PACS pulls; bodies refused before they are read."""

from __future__ import annotations

import re
import socket
import time

import httpx
import pytest

from support.access_fixtures import ACCESS_TOKENS, access_server, bearer  # noqa: F401  (fixture)

QUESTION = "Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?"


@pytest.fixture(scope="module")
def alice_draft(access_server: str) -> str:
    r = httpx.post(f"{access_server}/v1/questions", json={"text": QUESTION}, headers=bearer("alice"), timeout=300)
    assert r.status_code == 201, r.text
    return r.json()["thread_id"]


def _listed(server: str, who: str) -> set[str]:
    r = httpx.get(f"{server}/v1/drafts", headers=bearer(who), timeout=60)
    assert r.status_code == 200, r.text
    return {t["thread_id"] for t in r.json()}


def test_requester_b_cannot_list_or_read_requester_a_draft(access_server: str, alice_draft: str) -> None:
    c = httpx.Client(base_url=access_server, timeout=120)
    assert alice_draft in _listed(access_server, "alice")
    assert alice_draft not in _listed(access_server, "bob")
    for path in (f"/v1/drafts/{alice_draft}", f"/v1/drafts/{alice_draft}/outputs/md",
                 f"/v1/drafts/{alice_draft}/outputs/fhir"):
        r = c.get(path, headers=bearer("bob"))
        assert r.status_code == 403, (path, r.text)
        assert "break_glass_reason" in r.json()["fix"]
    # A requester's reason does not open anything: break-the-glass is a reviewer's.
    r = c.get(f"/v1/drafts/{alice_draft}", params={"break_glass_reason": "curious"}, headers=bearer("bob"))
    assert r.status_code == 403
    assert c.get(f"/v1/drafts/{alice_draft}", headers=bearer("alice")).status_code == 200
    # Same group (cardiology) sees it.
    assert alice_draft in _listed(access_server, "carol")
    assert c.get(f"/v1/drafts/{alice_draft}/outputs/md", headers=bearer("carol")).status_code == 200


def test_reviewers_see_their_groups_and_break_the_glass_is_flagged(access_server: str, alice_draft: str) -> None:
    c = httpx.Client(base_url=access_server, timeout=120)
    assert alice_draft in _listed(access_server, "victor")          # reviewer of every group
    assert c.get(f"/v1/drafts/{alice_draft}", headers=bearer("victor")).status_code == 200
    assert alice_draft not in _listed(access_server, "rita")        # reviews neurology only
    assert c.get(f"/v1/drafts/{alice_draft}", headers=bearer("rita")).status_code == 403
    r = c.get(f"/v1/drafts/{alice_draft}", params={"break_glass_reason": "on-call: patient deteriorating"},
              headers=bearer("rita"))
    assert r.status_code == 200, r.text
    assert r.json()["break_glass"] is True and r.headers["X-Carepath-Break-Glass"] == "1"
    assert "break_glass" not in c.get(f"/v1/drafts/{alice_draft}", headers=bearer("victor")).json()


def test_same_request_by_two_people_is_two_threads(access_server: str, alice_draft: str) -> None:
    r = httpx.post(f"{access_server}/v1/questions", json={"text": QUESTION}, headers=bearer("bob"), timeout=300)
    assert r.status_code == 201, r.text
    assert r.json()["thread_id"] != alice_draft and r.json()["reused"] is False


def test_sign_off_and_pacs_pull_pass_the_policy(access_server: str) -> None:
    c = httpx.Client(base_url=access_server, timeout=300)
    tid = c.post("/v1/questions", json={"text": "First-line treatment for uncomplicated cystitis in women?"},
                 headers=bearer("alice")).json()["thread_id"]
    r = c.post(f"/v1/drafts/{tid}/signoff", json={"action": "approve"}, headers=bearer("alice"))
    assert r.status_code == 403 and "reviewer" in r.json()["what"]
    r = c.post(f"/v1/drafts/{tid}/signoff", json={"action": "approve"}, headers=bearer("rita"))
    assert r.status_code == 403                                       # out of rita's groups
    r = c.post(f"/v1/drafts/{tid}/signoff", json={"action": "approve"}, headers=bearer("victor"))
    assert r.status_code == 200 and r.json()["status"] == "final"
    # A requester may not make the server pull from a PACS, whatever the allow-list says.
    r = c.post("/v1/drafts", data={"text": "CXR please", "pacs": "dicomweb:http://127.0.0.1:9/dicom-web",
                                   "study_uid": "1.2.3"}, headers=bearer("bob"))
    assert r.status_code == 403 and "pacs" in r.text.lower()


def _headers_only(server: str, headers: str) -> tuple[bytes, float]:
    """Send a POST's headers announcing 100 MiB and no body; return the
    response head and how long it took."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as s:
        t0 = time.monotonic()
        s.sendall((f"POST /v1/drafts HTTP/1.1\r\nHost: {host}\r\n"
                   f"Content-Type: multipart/form-data; boundary=xyz\r\n"
                   f"Content-Length: {100 << 20}\r\n{headers}\r\n").encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
        return data, time.monotonic() - t0


def test_big_unauthenticated_upload_is_refused_before_its_body_is_sent(access_server: str) -> None:
    head, took = _headers_only(access_server, "")
    assert head.startswith(b"HTTP/1.1 401"), head[:200]
    assert took < 10      # answered while not a byte of the body was written
    head, _ = _headers_only(access_server, "Authorization: Bearer not-a-token\r\n")
    assert head.startswith(b"HTTP/1.1 401")
    # Authenticated but over the request limit (fixture: 8 MiB uploads → 33 MiB requests): 413, unread.
    head, _ = _headers_only(access_server, f"Authorization: Bearer {bearer('alice')['Authorization'][7:]}\r\n")
    assert head.startswith(b"HTTP/1.1 413"), head[:200]
    assert httpx.get(f"{access_server}/openapi.json").status_code == 200   # still serving


def _page_session(server: str, name: str) -> httpx.Client:
    """A browser session opened with the static-token form (CSRF field included)."""
    c = httpx.Client(base_url=server, timeout=120)
    form = c.get("/login/token")
    csrf = re.search(r'name="csrf_token" value="([^"]*)"', form.text)
    r = c.post("/login", data={"token": ACCESS_TOKENS[name][0], **({"csrf_token": csrf[1]} if csrf else {})})
    assert r.status_code == 303 and "msg=" not in r.headers.get("location", ""), r.text[:300]
    return c


def test_reviewer_page_passes_the_policy(access_server: str, alice_draft: str) -> None:
    """The page is a read like the API: out of scope is refused before anything
    about the draft is rendered (a regression once left the check after the return)."""
    rita = _page_session(access_server, "rita")
    r = rita.get(f"/review/{alice_draft}")
    assert r.status_code == 403, r.status_code
    assert "Which oral antibiotic" not in r.text
    victor = _page_session(access_server, "victor")
    assert victor.get(f"/review/{alice_draft}").status_code == 200
