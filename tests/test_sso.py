"""Single sign-on and sessions against a real OpenID provider on loopback
(panva/oidc-provider, ``support.oidc_fixtures``) and `carepath serve` as a
real process: JWT bearer calls and a JWT-authenticated sign-off recorded as
the token's subject and name; wrong-audience and expired tokens refused; the
reviewer page's authorization-code + PKCE login driven through the provider's
own login and consent forms; a signed session cookie holding no token;
logout; CSRF refusal; revocation by editing the tokens file; rate limits."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from carepath.settings import AuthSettings
from carepath.web import session
from carepath.web.auth import hash_token
from support.http_fixtures import ServerURL, free_port, server_env, start_server
from support.oidc_fixtures import OIDCProvider

KEEP, REVOKE = "static-reviewer-token-1111", "static-requester-token-2222"
QUESTION = "Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?"
LOGIN_RATE, API_RATE = 12, 40


def _tokens_file(path: Path, *tokens: tuple[str, str, str]) -> None:
    path.write_text(json.dumps({"tokens": [{"sha256": hash_token(t), "name": n, "role": r}
                                           for t, n, r in tokens]}))


@pytest.fixture(scope="module")
def sso_server(guideline_data_dir: Path, oidc_provider: OIDCProvider,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerURL]:
    tmp = tmp_path_factory.mktemp("sso")
    tokens = tmp / "tokens.json"
    _tokens_file(tokens, (KEEP, "Dr Static Reviewer", "reviewer"), (REVOKE, "Static Requester", "requester"))
    env = server_env(guideline_data_dir, tmp / "state", CAREPATH_SERVER__TOKENS_FILE=str(tokens),
                     CAREPATH_AUTH__OIDC_ISSUER=oidc_provider.issuer,
                     CAREPATH_AUTH__OIDC_AUDIENCE=oidc_provider.audience,
                     CAREPATH_AUTH__OIDC_CLIENT_ID="carepath-web",
                     CAREPATH_AUTH__OIDC_SCOPES="openid profile carepath",
                     CAREPATH_AUTH__LEEWAY_S="0",
                     CAREPATH_AUTH__LOGIN_RATE=f"{LOGIN_RATE}/minute",
                     CAREPATH_AUTH__API_RATE=f"{API_RATE}/minute")
    env.pop("CAREPATH_SERVER__TOKENS")
    port = free_port()
    proc = start_server(env, port, tmp / "server.log")
    try:
        url = ServerURL(f"http://127.0.0.1:{port}")
        url.state = tmp   # the tokens file lives here
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _signer(bundle: dict) -> dict:
    return next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Practitioner")


def _question(c: httpx.Client, headers: dict[str, str], text: str = QUESTION) -> str:
    """A new draft (the same text again would be answered by the existing thread)."""
    r = c.post("/v1/questions", json={"text": text}, headers=headers)
    assert r.status_code == 201, r.text
    return str(r.json()["thread_id"])


def test_jwt_bearer_lists_and_signs_as_the_token_subject(sso_server: str, oidc_provider: OIDCProvider) -> None:
    c = httpx.Client(base_url=sso_server, timeout=300)
    jwt = oidc_provider.token("carepath-api")
    assert c.get("/v1/drafts", headers=_bearer(jwt)).status_code == 200
    tid = _question(c, _bearer(jwt))
    r = c.post(f"/v1/drafts/{tid}/signoff", json={"action": "approve"}, headers=_bearer(jwt))
    assert r.status_code == 200 and r.json()["status"] == "final", r.text
    who = _signer(c.get(f"/v1/drafts/{tid}/outputs/fhir", headers=_bearer(jwt)).json())
    # client credentials: sub = the client id; no name claim, so the display name falls back to it
    assert who["identifier"][0]["value"] == "carepath-api" and who["name"][0]["text"] == "carepath-api"
    assert c.get("/v1/drafts", headers=_bearer(KEEP)).status_code == 200   # static tokens still work


def test_wrong_audience_and_expired_tokens_are_refused(sso_server: str, oidc_provider: OIDCProvider) -> None:
    other = oidc_provider.token("carepath-api", resource=oidc_provider.other_audience)
    r = httpx.get(f"{sso_server}/v1/drafts", headers=_bearer(other))
    assert r.status_code == 401 and "audience" in r.json()["why"], r.text
    short = oidc_provider.token("carepath-short")
    time.sleep(2.5)   # 1 s tokens, no leeway on this server (carepath-short's fresh tokens pass: test_jwt_auth)
    r = httpx.get(f"{sso_server}/v1/drafts", headers=_bearer(short))
    assert r.status_code == 401 and "expired" in r.json()["why"], r.text
    assert r.headers.get("www-authenticate", "").startswith("Bearer")


def _submit_form(c: httpx.Client, page: httpx.Response, data: dict[str, str]) -> httpx.Response:
    """Post the provider's interaction form (login, then consent) like a browser."""
    action = re.search(r'<form[^>]*action="([^"]+)"', page.text)
    assert action, page.text[:2000]
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page.text))
    return c.post(str(page.url.join(action.group(1))), data=hidden | data)


def oidc_login(base: str, account: str) -> tuple[httpx.Client, httpx.Response]:
    """Authorization code + PKCE through the provider's own forms; returns the
    browser-like client (cookie jar) and the callback's response."""
    c = httpx.Client(base_url=base, timeout=60, follow_redirects=True)
    page = c.get("/login")
    assert "/interaction/" in str(page.url), (page.url, page.text[:500])
    auth = str(page.history[0].headers["location"])
    assert "code_challenge_method=S256" in auth and "state=" in auth and "nonce=" in auth, auth
    page = _submit_form(c, page, {"login": account, "password": "any"})
    if "/interaction/" in str(page.url):   # consent
        page = _submit_form(c, page, {})
    callback = next(r for r in page.history if r.url.path == "/auth/callback")
    assert page.url.path == "/" and page.status_code == 200, (page.url, page.text[:500])
    return c, callback


def _csrf(page: httpx.Response) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found, page.text[:1000]
    return found.group(1)


def test_page_login_via_provider_session_cookie_csrf_sign_and_logout(sso_server: str,
                                                                    oidc_provider: OIDCProvider) -> None:
    c, callback = oidc_login(sso_server, "rev-1")
    set_cookie = callback.headers["set-cookie"]
    assert set_cookie.startswith(f"{session.COOKIE}=")
    attrs = set_cookie.lower()
    assert "httponly" in attrs and "samesite=lax" in attrs and "max-age=" in attrs, set_cookie
    value = c.cookies[session.COOKIE]
    payload = json.loads(base64.b64decode(value.split(".")[0] + "=="))
    assert set(payload) == {"sid", "csrf_token"}, payload   # an id and the CSRF token, never a token
    assert not any(str(v).count(".") == 2 for v in payload.values())   # no JWT anywhere

    api = httpx.Client(base_url=sso_server, timeout=300)
    tid = _question(api, _bearer(oidc_provider.token("carepath-api")),   # group radiology, like rev-1
                    QUESTION.replace("healthy adult", "healthy adult smoker"))
    page = c.get(f"/review/{tid}")
    assert page.status_code == 200 and "Dr Reviewer One" in page.text
    r = c.post(f"/review/{tid}", data={"action": "approve"})
    assert r.status_code == 403 and "CSRF" in r.json()["what"]
    r = c.post(f"/review/{tid}", data={"action": "approve", "csrf_token": "forged"})
    assert r.status_code == 403
    r = c.post(f"/review/{tid}", data={"action": "approve", "csrf_token": _csrf(page)})
    assert r.status_code == 200 and 'data-status="final"' in r.text, r.text[:500]
    who = _signer(api.get(f"/v1/drafts/{tid}/outputs/fhir", headers=_bearer(KEEP)).json())
    assert who["identifier"][0]["value"] == "rev-1" and who["name"][0]["text"] == "Dr Reviewer One"

    old_cookie = c.cookies[session.COOKIE]
    r = c.post("/logout", data={"csrf_token": _csrf(c.get("/"))})
    assert r.url.path == "/login" and "signed out" in r.text
    assert c.get("/", follow_redirects=False).headers["location"] == "/login"
    replay = httpx.get(f"{sso_server}/", cookies={session.COOKIE: old_cookie}, follow_redirects=False)
    assert replay.status_code == 303   # the server forgot the session: an old cookie is worth nothing


def test_token_login_needs_csrf_and_is_revoked_by_editing_the_tokens_file(sso_server: ServerURL) -> None:
    c = httpx.Client(base_url=sso_server, timeout=60, follow_redirects=True)
    form = c.get("/login/token")
    r = c.post("/login", data={"token": REVOKE})
    assert r.status_code == 403                     # no CSRF token
    r = c.post("/login", data={"token": REVOKE, "csrf_token": _csrf(form)})
    assert r.url.path == "/" and "Static Requester" in r.text
    assert REVOKE not in c.cookies[session.COOKIE]
    assert httpx.get(f"{sso_server}/v1/drafts", headers=_bearer(REVOKE)).status_code == 200

    _tokens_file(sso_server.state / "tokens.json", (KEEP, "Dr Static Reviewer", "reviewer"))
    assert httpx.get(f"{sso_server}/v1/drafts", headers=_bearer(REVOKE)).status_code == 401
    assert httpx.get(f"{sso_server}/v1/drafts", headers=_bearer(KEEP)).status_code == 200
    assert c.get("/", follow_redirects=False).headers["location"] == "/login"   # its page session ended


def test_rate_limits_on_login_and_per_identity(sso_server: str, oidc_provider: OIDCProvider) -> None:
    """Runs last in this module: it spends the loopback address's login budget."""
    c = httpx.Client(base_url=sso_server, timeout=60)
    csrf = _csrf(c.get("/login/token"))
    codes = [c.post("/login", data={"token": "wrong", "csrf_token": csrf}).status_code
             for _ in range(LOGIN_RATE + 1)]
    assert codes[0] == 303 and codes[-1] == 429, codes
    r = c.post("/login", data={"token": KEEP, "csrf_token": csrf})
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1   # even the right token waits

    codes = [httpx.get(f"{sso_server}/v1/drafts", headers=_bearer(KEEP)).status_code
             for _ in range(API_RATE + 1)]
    assert codes[0] == 200 and codes[-1] == 429, codes
    jwt = oidc_provider.token("carepath-api")   # another identity keeps its own budget
    assert httpx.get(f"{sso_server}/v1/drafts", headers=_bearer(jwt)).status_code == 200


def test_secure_cookie_behind_tls_setting() -> None:
    app = FastAPI()
    session.install(app, AuthSettings(secure_cookies=True, session_max_age_s=600))

    @app.get("/set")
    def set_session(request: Request) -> dict[str, str]:
        request.session["sid"] = "x"
        return {}

    cookie = TestClient(app, base_url="https://testserver").get("/set").headers["set-cookie"].lower()
    assert "secure" in cookie and "max-age=600" in cookie and "httponly" in cookie
