"""A real OpenID provider on loopback: panva/oidc-provider (OpenID Certified)
under Node, from tests/support/oidc (``npm ci`` on first use; node_modules is
git-ignored). Never a hand-written fake IdP.

``oidc_provider`` (session) is one running provider with:
- audience ``https://carepath.test/api`` (and ``https://other.test/api`` to
  mint tokens for the wrong audience),
- a confidential client ``carepath-api`` (client credentials; service account
  with role reviewer, group radiology), ``carepath-short`` (1 s tokens),
- a public client ``carepath-web`` (authorization code + PKCE, redirect
  http://127.0.0.1/callback and any loopback port) for the reviewer-page login,
- accounts ``req-a`` (requester, group ward-a), ``req-b`` (requester, ward-b),
  ``rev-1`` (reviewer, radiology) — logins go through the provider's dev
  interaction form (any password).
``start_oidc_provider(tmp, keys=[...], port=...)`` starts another (for rotation).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from joserfc.jwk import RSAKey

from support.locks import exclusive

OIDC_DIR = Path(__file__).parent / "oidc"
AUDIENCE = "https://carepath.test/api"
OTHER_AUDIENCE = "https://other.test/api"
CLIENT_SECRET = "carepath-test-secret-0123456789abcdef"
ACCOUNTS = {
    "req-a": {"name": "Requester A", "roles": ["requester"], "groups": ["ward-a"]},
    "req-b": {"name": "Requester B", "roles": ["requester"], "groups": ["ward-b"]},
    "rev-1": {"name": "Dr Reviewer One", "roles": ["reviewer"], "groups": ["radiology"]},
}


def new_signing_key() -> dict[str, Any]:
    """A private RSA JWK with a fresh kid (what the provider signs with)."""
    key = RSAKey.generate_key(2048, parameters={"kid": uuid.uuid4().hex[:16], "use": "sig", "alg": "RS256"},
                              private=True)
    return key.as_dict(private=True)


def _clients() -> list[dict[str, Any]]:
    confidential = {"client_secret": CLIENT_SECRET, "grant_types": ["client_credentials"],
                    "response_types": [], "redirect_uris": [], "scope": "carepath",
                    "token_endpoint_auth_method": "client_secret_basic"}
    return [
        {"client_id": "carepath-api", **confidential},
        {"client_id": "carepath-short", **confidential},
        {"client_id": "carepath-web", "token_endpoint_auth_method": "none",
         "grant_types": ["authorization_code", "refresh_token"], "response_types": ["code"],
         "redirect_uris": ["http://127.0.0.1/callback", "http://localhost/callback",
                           "http://127.0.0.1/auth/callback"],   # carepath's own page login
         "application_type": "native", "scope": "openid profile carepath offline_access"},
    ]


def _ensure_installed() -> None:
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail("node and npm are needed for the OpenID provider: run scripts/apt-deps.sh "
                    "(Debian packages nodejs npm)")
    if (OIDC_DIR / "node_modules" / "oidc-provider").is_dir():
        return
    # Parallel workers share this folder: one runs `npm ci`, the others wait and reuse it.
    # The lock file sits outside the checkout so it never shows up in `git status`.
    key = hashlib.sha256(str(OIDC_DIR.resolve()).encode()).hexdigest()[:12]
    with exclusive(Path(tempfile.gettempdir()) / f"carepath-oidc-npm-{key}.lock"):
        if not (OIDC_DIR / "node_modules" / "oidc-provider").is_dir():
            r = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=OIDC_DIR, capture_output=True,
                               text=True, timeout=600)
            assert r.returncode == 0, f"npm ci in {OIDC_DIR} failed: {r.stderr[-2000:]}"


@dataclass
class OIDCProvider:
    """A running provider process and what tests need to talk to it."""

    issuer: str
    port: int
    keys: list[dict[str, Any]]
    proc: subprocess.Popen[str]
    config_path: Path
    audience: str = AUDIENCE
    other_audience: str = OTHER_AUDIENCE
    accounts: dict[str, dict[str, Any]] = field(default_factory=lambda: dict(ACCOUNTS))

    def token(self, client_id: str = "carepath-api", *, resource: str | None = None) -> str:
        """A client-credentials access token (a JWT for ``resource``)."""
        data = {"grant_type": "client_credentials", "scope": "carepath",
                "resource": resource or self.audience}
        r = httpx.post(f"{self.issuer}/token", data=data, auth=(client_id, CLIENT_SECRET), timeout=30)
        assert r.status_code == 200, r.text
        return str(r.json()["access_token"])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def start_oidc_provider(workdir: Path, *, keys: list[dict[str, Any]] | None = None,
                        port: int = 0) -> OIDCProvider:
    """Start a provider (keys: private JWKs, the first signs; port 0 = any)."""
    _ensure_installed()
    keys = keys or [new_signing_key()]
    workdir.mkdir(parents=True, exist_ok=True)
    cfg = {"port": port, "jwks": {"keys": keys}, "resources": [AUDIENCE, OTHER_AUDIENCE],
           "clients": _clients(), "accounts": ACCOUNTS, "short_ttl_clients": ["carepath-short"],
           "service_accounts": {"carepath-api": {"roles": ["reviewer"], "groups": ["radiology"]},
                                "carepath-short": {"roles": ["requester"], "groups": ["ward-a"]}}}
    config_path = workdir / f"oidc-{uuid.uuid4().hex[:8]}.json"
    config_path.write_text(json.dumps(cfg))
    config_path.chmod(0o600)
    log = config_path.with_suffix(".log")
    with open(log, "w") as err:   # a file, not a pipe: a chatty provider never blocks on a full pipe
        proc = subprocess.Popen(["node", str(OIDC_DIR / "provider.mjs"), str(config_path)], cwd=OIDC_DIR,
                                stdout=subprocess.PIPE, stderr=err, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        proc.wait(10)
        raise AssertionError(f"OpenID provider did not start: {log.read_text()[-3000:]}")
    issuer = json.loads(line)["issuer"]
    return OIDCProvider(issuer=issuer, port=int(issuer.rsplit(":", 1)[1]), keys=keys, proc=proc,
                        config_path=config_path)


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OIDCProvider]:
    provider = start_oidc_provider(tmp_path_factory.mktemp("oidc"))
    try:
        yield provider
    finally:
        provider.stop()
