"""A bearer token is verified once per request: the early check
(``guard.EarlyRefusal``, before the body is read) leaves the identity on the
request's scope and the route's ``deps.identity`` reuses it. Measured on a
real server (uvicorn on loopback, in this process so the verify functions can
be counted) with a real OpenID provider's JWT and with hashed static tokens;
revocation by editing the tokens file still refuses the next request."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from carepath.security.jwt_auth import JWTValidator
from carepath.settings import get_settings
from carepath.web.app import create_app
from carepath.web.auth import TokenStore, hash_token
from support.http_fixtures import free_port
from support.oidc_fixtures import OIDCProvider

STATIC = "static-requester-once-3333"
QUESTION = "Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?"


def _write_tokens(path: Path, *tokens: str) -> None:
    path.write_text(json.dumps({"tokens": [{"sha256": hash_token(t), "name": "Static Requester",
                                            "role": "requester"} for t in tokens]}))
    stamp = time.time() + 5   # a changed mtime even on coarse file-system clocks
    os.utime(path, (stamp, stamp))


class Counts:
    """Calls of the two verify functions, wrapped in place (the real ones run)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.jwt = self.static = 0
        real_validate, real_identify = JWTValidator.validate, TokenStore.identify

        def validate(validator: JWTValidator, token: str):  # type: ignore[no-untyped-def]
            self.jwt += 1
            return real_validate(validator, token)

        def identify(store: TokenStore, token: str | None):  # type: ignore[no-untyped-def]
            self.static += 1
            return real_identify(store, token)

        monkeypatch.setattr(JWTValidator, "validate", validate)
        monkeypatch.setattr(TokenStore, "identify", identify)

    def reset(self) -> None:
        self.jwt = self.static = 0


@pytest.fixture
def served(guideline_data_dir: Path, oidc_provider: OIDCProvider, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    tokens = tmp_path / "tokens.json"
    _write_tokens(tokens, STATIC)
    for key, value in {"CAREPATH_DATA_DIR": str(guideline_data_dir), "CAREPATH_STATE_DIR": str(tmp_path / "state"),
                       "CAREPATH_IMAGING__BACKEND": "none", "CAREPATH_SERVER__TOKENS_FILE": str(tokens),
                       "CAREPATH_AUTH__OIDC_ISSUER": oidc_provider.issuer,
                       "CAREPATH_AUTH__OIDC_AUDIENCE": oidc_provider.audience,
                       "CAREPATH_AUTH__OIDC_CLIENT_ID": "carepath-web"}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("CAREPATH_SERVER__TOKENS", raising=False)
    get_settings.cache_clear()
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    runner = threading.Thread(target=server.run, daemon=True)
    runner.start()
    deadline = time.time() + 120
    while not server.started:
        assert runner.is_alive() and time.time() < deadline, "in-process server did not start"
        time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}", tokens
    finally:
        server.should_exit = True
        runner.join(30)


def test_a_jwt_is_verified_once_per_request(served: tuple[str, Path], oidc_provider: OIDCProvider,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    base, _ = served
    counts = Counts(monkeypatch)
    jwt = oidc_provider.token()   # service account: reviewer
    with httpx.Client(base_url=base, timeout=120, headers={"Authorization": f"Bearer {jwt}"}) as c:
        r = c.post("/v1/questions", json={"text": QUESTION})   # a body: the early check runs
        assert r.status_code == 201, r.text
        assert counts.jwt == 1, f"JWT verified {counts.jwt} times for one POST"
        assert counts.static == 1   # the tokens file is consulted once too (JWTs are tried after it)
        counts.reset()
        r = c.get(f"/v1/drafts/{r.json()['thread_id']}")   # no early check: the route verifies itself
        assert r.status_code == 200, r.text
        assert counts.jwt == 1
        counts.reset()
        r = c.post("/v1/questions", json={"text": QUESTION}, headers={"Authorization": "Bearer a.b.c"})
        assert r.status_code == 401 and counts.jwt == 1   # refused by the early check, not retried


def test_a_static_token_is_looked_up_once_and_revocation_still_applies(
        served: tuple[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    base, tokens = served
    counts = Counts(monkeypatch)
    with httpx.Client(base_url=base, timeout=120, headers={"Authorization": f"Bearer {STATIC}"}) as c:
        r = c.post("/v1/drafts/no-such-thread/signoff", json={"action": "approve"})
        assert r.status_code == 403, r.text   # a requester: refused on the role, after one lookup
        assert counts.static == 1 and counts.jwt == 0
        _write_tokens(tokens, "some-other-token-4444")   # revoke: the file no longer holds it
        counts.reset()
        r = c.post("/v1/questions", json={"text": QUESTION})
        assert r.status_code == 401, r.text
        assert counts.static == 1
