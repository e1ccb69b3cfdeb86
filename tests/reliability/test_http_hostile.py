"""Hostile HTTP bodies against `carepath serve` as a real process on loopback:
malformed and oversized JSON, broken multipart, hostile file names, hostile
headers and tokens, path tricks, raw garbage on the socket, and the hostile
files of corpus.py (DICOM, zips, audio, PDFs, FHIR) sent as uploads.

Every case must end in a 2xx (a draft still waiting for sign-off) or a 4xx
whose JSON body says what was refused ({what, ...}); a 5xx, an untyped error
body, a dropped connection or a traceback in the server log counts as a
crash. The server must answer afterwards and leave no partial upload.

Figure: ``$CAREPATH_FIGURES_DIR/hostile_http.json`` (tried / crashed), added
to the hostile-input figure by ``bench/reliability_figures.py``."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from reliability import corpus
from reliability.conftest import LONG
from support.http_fixtures import TOKENS

REQ = {"Authorization": f"Bearer {TOKENS['requester']}"}
REV = {"Authorization": f"Bearer {TOKENS['reviewer']}"}


@dataclass
class HttpCase:
    name: str
    method: str
    path: str
    kw: dict[str, Any] = field(default_factory=dict)


@dataclass
class HttpOutcome:
    name: str
    result: str   # accepted | typed | crashed
    detail: str


def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def protocol_cases() -> list[HttpCase]:
    j = {"Content-Type": "application/json"}
    return [
        HttpCase("json-not-json", "POST", "/v1/questions", {"content": b"{not json", "headers": REQ | j}),
        HttpCase("json-empty-body", "POST", "/v1/questions", {"content": b"", "headers": REQ | j}),
        HttpCase("json-array", "POST", "/v1/questions", {"json": ["text"], "headers": REQ}),
        HttpCase("json-text-number", "POST", "/v1/questions", {"json": {"text": 42}, "headers": REQ}),
        HttpCase("json-text-null", "POST", "/v1/questions", {"json": {"text": None}, "headers": REQ}),
        HttpCase("json-text-object", "POST", "/v1/questions", {"json": {"text": {"$gt": ""}}, "headers": REQ}),
        HttpCase("json-text-1MB", "POST", "/v1/questions", {"json": {"text": "a" * (1 << 20)}, "headers": REQ}),
        HttpCase("json-nested-100k", "POST", "/v1/questions", {"content": _nested(100_000), "headers": REQ | j}),
        HttpCase("json-nested-in-field", "POST", "/v1/questions",
                 {"content": b'{"text": ' + _nested(50_000) + b"}", "headers": REQ | j}),
        HttpCase("json-invalid-utf8", "POST", "/v1/questions",
                 {"content": b'{"text": "\xff\xfe\xc3("}', "headers": REQ | j}),
        HttpCase("json-huge-number", "POST", "/v1/questions",
                 {"content": b'{"text": "x", "n": 1' + b"0" * 100_000 + b"}", "headers": REQ | j}),
        HttpCase("json-duplicate-keys", "POST", "/v1/questions",
                 {"content": b'{"text": "a", "text": ""}', "headers": REQ | j}),
        HttpCase("text-plain-body", "POST", "/v1/questions",
                 {"content": b"text=hello", "headers": REQ | {"Content-Type": "text/plain"}}),
        HttpCase("multipart-no-boundary", "POST", "/v1/drafts",
                 {"content": b"--x\r\n\r\n", "headers": REQ | {"Content-Type": "multipart/form-data"}}),
        HttpCase("multipart-garbage", "POST", "/v1/drafts",
                 {"content": os.urandom(4096), "headers": REQ | {"Content-Type": "multipart/form-data; boundary=zz"}}),
        HttpCase("multipart-unterminated", "POST", "/v1/drafts",
                 {"content": b'--zz\r\nContent-Disposition: form-data; name="text"\r\n\r\nhello',
                  "headers": REQ | {"Content-Type": "multipart/form-data; boundary=zz"}}),
        HttpCase("multipart-5000-fields", "POST", "/v1/drafts",
                 {"data": {f"f{i}": "x" for i in range(5000)} | {"text": "Draft a note."}, "headers": REQ}),
        HttpCase("multipart-no-text-no-file", "POST", "/v1/drafts", {"data": {"x": "y"}, "headers": REQ}),
        HttpCase("upload-name-traversal", "POST", "/v1/drafts",
                 {"data": {"text": "Report this study."},
                  "files": {"study": ("../../../../etc/passwd.dcm", b"\0" * 200, "application/dicom")},
                  "headers": REQ}),
        HttpCase("upload-name-5000-chars", "POST", "/v1/drafts",
                 {"data": {"text": "Report this study."},
                  "files": {"study": ("a" * 5000 + ".dcm", b"\0" * 200, "application/dicom")}, "headers": REQ}),
        HttpCase("upload-name-control-chars", "POST", "/v1/drafts",
                 {"data": {"text": "Report this study."},
                  "files": {"study": ("a\x01\x7f\u202e.dcm", b"\0" * 200, "application/dicom")}, "headers": REQ}),
        HttpCase("upload-empty-file", "POST", "/v1/drafts",
                 {"data": {"text": "x"}, "files": {"study": ("e.dcm", b"", "application/dicom")}, "headers": REQ}),
        HttpCase("upload-wrong-type", "POST", "/v1/drafts",
                 {"data": {"text": "x"}, "files": {"study": ("a.exe", b"MZ\x90\0", "application/x-msdownload")},
                  "headers": REQ}),
        HttpCase("upload-too-large", "POST", "/v1/drafts",
                 {"data": {"text": "x"}, "files": {"document": ("big.pdf", b"%PDF" + b"\0" * (9 << 20),
                                                                "application/pdf")}, "headers": REQ}),
        HttpCase("study-uid-letters", "POST", "/v1/drafts",
                 {"data": {"text": "x", "pacs": "dicomweb:http://127.0.0.1:1/", "study_uid": "1.2.abc"},
                  "headers": REQ}),
        HttpCase("pacs-not-allowed", "POST", "/v1/drafts",
                 {"data": {"text": "x", "pacs": "dicomweb:http://169.254.169.254/latest", "study_uid": "1.2.3"},
                  "headers": REQ}),
        HttpCase("pacs-file-url", "POST", "/v1/drafts",
                 {"data": {"text": "x", "pacs": "dicomweb:file:///etc/passwd", "study_uid": "1.2.3"}, "headers": REQ}),
        HttpCase("signoff-unknown-action", "POST", "/v1/drafts/abc/signoff",
                 {"json": {"action": "delete"}, "headers": REV}),
        HttpCase("signoff-edits-not-dict", "POST", "/v1/drafts/abc/signoff",
                 {"json": {"action": "edit", "edits": ["x"]}, "headers": REV}),
        HttpCase("signoff-unknown-section", "POST", "/v1/drafts/abc/signoff",
                 {"json": {"action": "edit", "edits": {"__proto__": "x"}}, "headers": REV}),
        HttpCase("signoff-reason-1MB", "POST", "/v1/drafts/abc/signoff",
                 {"json": {"action": "reject", "reason": "r" * (1 << 20)}, "headers": REV}),
        HttpCase("signoff-traversal-id", "POST", "/v1/drafts/..%2F..%2Fetc%2Fpasswd/signoff",
                 {"json": {"action": "approve"}, "headers": REV}),
        HttpCase("signoff-as-requester", "POST", "/v1/drafts/abc/signoff", {"json": {"action": "approve"},
                                                                            "headers": REQ}),
        HttpCase("draft-id-10k-chars", "GET", "/v1/drafts/" + "a" * 10_000, {"headers": REQ}),
        HttpCase("draft-id-sql", "GET", "/v1/drafts/' OR '1'='1", {"headers": REQ}),
        HttpCase("output-unknown-format", "GET", "/v1/drafts/abc/outputs/exe", {"headers": REQ}),
        HttpCase("output-unknown-thread", "GET", "/v1/drafts/abc/outputs/fhir", {"headers": REQ}),
        HttpCase("image-traversal", "GET", "/v1/drafts/abc/images/..%2F..%2Fetc%2Fpasswd", {"headers": REQ}),
        HttpCase("no-token", "GET", "/v1/drafts", {}),
        HttpCase("basic-auth", "GET", "/v1/drafts", {"headers": {"Authorization": "Basic YTpi"}}),
        HttpCase("bearer-empty", "GET", "/v1/drafts", {"headers": {"Authorization": "Bearer"}}),
        HttpCase("bearer-8KB", "GET", "/v1/drafts", {"headers": {"Authorization": "Bearer " + "x" * 8000}}),
        HttpCase("bearer-latin1", "GET", "/v1/drafts",
                 {"headers": {"Authorization": "Bearer \xe9\xe8".encode("latin-1")}}),
        HttpCase("cookie-unknown-token", "GET", "/", {"headers": {"Cookie": "carepath_token=" + "%00" * 50}}),
        HttpCase("login-no-field", "POST", "/login", {"data": {}}),
        HttpCase("review-post-garbage", "POST", "/review/abc",
                 {"content": os.urandom(512), "headers": {"Content-Type": "application/x-www-form-urlencoded"}}),
        HttpCase("method-not-allowed", "DELETE", "/v1/drafts", {"headers": REQ}),
        HttpCase("unknown-route", "GET", "/v1/../../etc/passwd", {"headers": REQ}),
        HttpCase("unknown-api-route", "GET", "/v1/nothing-here", {"headers": REQ}),
    ]


def upload_cases(everything: bool) -> list[tuple[str, str, str, Callable[[Path], Any]]]:
    """(name, multipart field, content type, build) from the shared hostile corpus."""
    fields = {"dicom": ("study", "application/dicom"), "study": ("study", "application/zip"),
              "audio": ("audio", "application/octet-stream"), "pdf": ("document", "application/pdf"),
              "fhir": ("fhir", "application/fhir+json")}
    groups = {"dicom": corpus.dicom_cases(), "study": corpus.study_cases(), "audio": corpus.audio_cases(),
              "pdf": corpus.pdf_cases(), "fhir": corpus.fhir_cases()}
    out = []
    for kind, cases in groups.items():
        chosen = cases if everything else cases[:: max(1, len(cases) // 3)][:3]
        for c in chosen:
            f, ctype = fields[kind]
            out.append((f"upload-{kind}:{c.name}", f, ctype, c.build))
    return out


def _classify(name: str, r: httpx.Response) -> HttpOutcome:
    if 200 <= r.status_code < 400:
        if r.request.url.path == "/v1/drafts" and r.status_code == 201:
            status = r.json().get("status")
            if status != "awaiting_signoff":
                return HttpOutcome(name, "crashed", f"accepted but status {status}: never final unsigned")
        return HttpOutcome(name, "accepted", str(r.status_code))
    if 400 <= r.status_code < 500:
        try:
            body = r.json()
        except ValueError:
            return HttpOutcome(name, "crashed", f"{r.status_code} without a JSON error: {r.text[:200]}")
        if isinstance(body, dict) and body.get("what"):
            return HttpOutcome(name, "typed", f"{r.status_code} {body['what']}")
        return HttpOutcome(name, "crashed", f"{r.status_code} untyped error body: {r.text[:200]}")
    return HttpOutcome(name, "crashed", f"{r.status_code}: {r.text[:300]}")


def _raw(port: int, payload: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(payload)
        s.shutdown(socket.SHUT_WR)
        chunks = []
        while data := s.recv(65536):
            chunks.append(data)
    return b"".join(chunks)


RAW = {
    "raw-garbage-request-line": b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\0" * 64,
    "raw-no-http-version": b"GET /v1/drafts\r\n\r\n",
    "raw-header-without-colon": b"GET /v1/drafts HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n",
    "raw-content-length-lie": (b"POST /v1/questions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               b"Authorization: Bearer " + TOKENS["requester"].encode() +
                               b"\r\nContent-Length: 1000\r\n\r\n{\"text\": \"a\"}"),
    "raw-cookie-control-chars": b"GET / HTTP/1.1\r\nHost: x\r\nCookie: carepath_token=\x7f\x01\r\n\r\n",
    "raw-two-content-lengths": (b"POST /v1/questions HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                                b"Content-Length: 9\r\n\r\n{}{}{}{}{"),
}


@pytest.fixture(scope="module")
def http_outcomes(carepath_server: str, tmp_path_factory: pytest.TempPathFactory) -> list[HttpOutcome]:
    tmp = tmp_path_factory.mktemp("hostile-http")
    port = int(carepath_server.rsplit(":", 1)[1])
    out: list[HttpOutcome] = []
    with httpx.Client(base_url=carepath_server, timeout=300) as c:
        for case in protocol_cases():
            try:
                out.append(_classify(case.name, c.request(case.method, case.path, **case.kw)))
            except httpx.HTTPError as exc:
                out.append(HttpOutcome(case.name, "crashed", f"{type(exc).__name__}: {exc}"))
        for k, (name, fld, ctype, build) in enumerate(upload_cases(LONG)):
            where = tmp / f"u{k}"
            where.mkdir()
            try:
                made = build(where)
            except Exception:  # noqa: BLE001 - a corpus entry that is not a file (a folder, /dev/null)
                continue
            if not isinstance(made, Path) or not made.is_file() or made.stat().st_size > (8 << 20):
                continue
            files = {fld: (made.name, made.read_bytes(), ctype)}
            data = {"text": "Draft the report for this upload."}
            try:
                out.append(_classify(name, c.post("/v1/drafts", data=data, files=files, headers=REQ)))
            except httpx.HTTPError as exc:
                out.append(HttpOutcome(name, "crashed", f"{type(exc).__name__}: {exc}"))
    for name, payload in RAW.items():
        try:
            reply = _raw(port, payload)
        except OSError as exc:
            out.append(HttpOutcome(name, "crashed", f"{type(exc).__name__}: {exc}"))
            continue
        status = reply.split(b" ", 2)[1] if reply.startswith(b"HTTP/1.1 ") else b""
        if not reply or status.startswith(b"4"):   # refused by the HTTP parser, or closed
            out.append(HttpOutcome(name, "typed", (reply.split(b"\r\n", 1)[0] or b"closed").decode()))
        else:
            out.append(HttpOutcome(name, "crashed", reply[:200].decode("latin-1")))
    if figures := os.environ.get("CAREPATH_FIGURES_DIR"):
        Path(figures).mkdir(parents=True, exist_ok=True)
        (Path(figures) / "hostile_http.json").write_text(json.dumps({
            "tried": len(out), "crashed": sum(o.result == "crashed" for o in out),
            "typed": sum(o.result == "typed" for o in out)}))
    return out


def test_no_hostile_http_body_crashes(http_outcomes: list[HttpOutcome], carepath_server: str) -> None:
    crashed = [o for o in http_outcomes if o.result == "crashed"]
    assert not crashed, "\n".join(f"{o.name}: {o.detail}" for o in crashed)
    assert len(http_outcomes) >= 55
    # still serving, nothing half-written, nothing logged as a traceback
    assert httpx.get(f"{carepath_server}/openapi.json").status_code == 200
    uploads = carepath_server.state / "uploads"
    assert not [p.name for p in uploads.iterdir() if p.name.startswith(".")] if uploads.exists() else True
    log = (carepath_server.state.parent / "server.log").read_text(errors="replace")
    assert "Traceback" not in log, log[log.index("Traceback") - 200:][:3000]


@pytest.mark.parametrize(("name", "status", "what"), [
    ("json-nested-100k", 400, "unreadable request body"),
    ("upload-too-large", 413, "too large"),
    ("pacs-not-allowed", 403, "PACS"),
    ("signoff-as-requester", 403, "reviewer"),
    ("unknown-api-route", 404, "no such"),
    ("method-not-allowed", 405, "method"),
])
def test_refusals_say_what(http_outcomes: list[HttpOutcome], name: str, status: int, what: str) -> None:
    o = next(o for o in http_outcomes if o.name == name)
    assert o.result == "typed" and o.detail.startswith(str(status)) and what.lower() in o.detail.lower(), o
