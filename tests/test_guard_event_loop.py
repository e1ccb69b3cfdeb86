"""The early-refusal guard checks a JWT bearer token off the event loop.

`carepath serve` runs as a real process with SSO pointing at an identity
provider that accepts connections and never answers (a silent TCP listener on
loopback: the provider down or hung). A POST with a well-formed RS256 JWT
makes the guard fetch the provider's discovery document, which waits for the
HTTP timeout (10 s). Meanwhile another client's GET must still be answered at
once: were the check on the event loop, every request would wait with it.
"""

from __future__ import annotations

import base64
import json
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from support.http_fixtures import free_port, server_env, start_server


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


@pytest.fixture
def silent_provider() -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(16)   # connections complete in the kernel; nothing is ever read or answered
        yield f"http://127.0.0.1:{s.getsockname()[1]}"


def test_jwt_check_waiting_on_the_provider_does_not_stall_other_requests(
        guideline_data_dir: Path, silent_provider: str, tmp_path: Path) -> None:
    env = server_env(guideline_data_dir, tmp_path / "state", CAREPATH_AUTH__OIDC_ISSUER=silent_provider,
                     CAREPATH_AUTH__OIDC_AUDIENCE="carepath-api")
    port = free_port()
    proc = start_server(env, port, tmp_path / "server.log")
    base = f"http://127.0.0.1:{port}"
    jwt = ".".join([_b64({"alg": "RS256", "kid": "k1", "typ": "JWT"}),
                    _b64({"sub": "someone", "iss": silent_provider, "aud": "carepath-api"}), "c2ln"])
    started = threading.Event()
    slow: dict[str, float | int] = {}

    def post_with_jwt() -> None:
        t = time.perf_counter()
        started.set()
        try:
            r = httpx.post(base + "/v1/questions", json={"text": "x"}, timeout=60,
                           headers={"Authorization": f"Bearer {jwt}"})
            slow["status"] = r.status_code
        except httpx.HTTPError:
            slow["status"] = -1
        slow["s"] = time.perf_counter() - t

    try:
        worker = threading.Thread(target=post_with_jwt)
        worker.start()
        started.wait()
        time.sleep(1.0)   # the guard is now waiting on the silent provider
        t = time.perf_counter()
        r = httpx.get(base + "/openapi.json", timeout=30)
        quick = time.perf_counter() - t
        worker.join(timeout=60)
        assert r.status_code == 200
        assert slow["s"] >= 5, slow   # the JWT request really waited on the provider
        assert slow["status"] != 201, slow   # and was not let in
        assert quick < 2.0, f"GET waited {quick:.1f} s behind a JWT check on the event loop"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
