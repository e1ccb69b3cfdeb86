"""Reviewer-page sessions, CSRF tokens and rate limits.

The browser holds one cookie, signed by itsdangerous through Starlette's
``SessionMiddleware`` (HttpOnly, SameSite=Lax, ``Max-Age``, ``Secure`` when
``auth.secure_cookies``). It carries a random session id, the page's CSRF
token and, during an OpenID login, Authlib's state/nonce/PKCE verifier —
never a token. The identity behind the id lives here on the server with an
absolute expiry, so logout and revocation take effect at once even if an old
cookie is replayed, and a session opened with a static token ends when that
token leaves the tokens file.

CSRF: synchronizer tokens. Every form carries ``csrf_token`` equal to the
session's; a POST without it is refused (403) before it does anything.

Rate limits use ``limits`` (the engine behind slowapi) with a moving window
in memory: sign-in attempts per client address and API calls per identity.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass

from fastapi import FastAPI, HTTPException, Request
from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.middleware.sessions import SessionMiddleware

from carepath.settings import AuthSettings
from carepath.web.auth import Identity

COOKIE = "carepath_session"
CSRF_FIELD = "csrf_token"


@dataclass(frozen=True)
class PageSession:
    identity: Identity
    expires_at: float
    token_sha256: str | None = None   # static-token sign-ins: ends when the token is revoked


class SessionStore:
    """Signed-in page sessions by random id (in memory: a restart signs everyone out)."""

    def __init__(self, max_age_s: int) -> None:
        self.max_age_s = max_age_s
        self._sessions: dict[str, PageSession] = {}
        self._lock = threading.Lock()

    def open(self, request: Request, who: Identity, token_sha256: str | None = None) -> None:
        """Sign ``who`` in on this browser: a fresh id and CSRF token (no fixation)."""
        sid = secrets.token_urlsafe(32)
        with self._lock:
            now = time.time()
            self._sessions = {k: v for k, v in self._sessions.items() if v.expires_at > now}
            self._sessions[sid] = PageSession(who, now + self.max_age_s, token_sha256)
        request.session.clear()
        request.session.update({"sid": sid, CSRF_FIELD: secrets.token_urlsafe(32)})

    def current(self, request: Request) -> PageSession | None:
        sid = request.session.get("sid")
        with self._lock:
            found = self._sessions.get(sid) if isinstance(sid, str) else None
            if found is not None and found.expires_at <= time.time():
                del self._sessions[sid]
                found = None
        return found

    def close(self, request: Request) -> None:
        sid = request.session.get("sid")
        with self._lock:
            self._sessions.pop(sid, None)  # type: ignore[arg-type]
        request.session.clear()


def csrf_token(request: Request) -> str:
    """This browser's CSRF token (created on first use, e.g. the login form)."""
    if "session" not in request.scope:
        return ""
    token = request.session.get(CSRF_FIELD)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session[CSRF_FIELD] = token
    return token


async def require_csrf(request: Request) -> None:
    """Refuse a form POST whose ``csrf_token`` is not this session's (403)."""
    expected = request.session.get(CSRF_FIELD) if "session" in request.scope else None
    sent = (await request.form()).get(CSRF_FIELD)
    if not (isinstance(expected, str) and isinstance(sent, str) and hmac.compare_digest(expected, sent)):
        raise HTTPException(403, detail={"what": "form refused: missing or stale CSRF token",
                                         "subject": f"{request.method} {request.url.path}",
                                         "fix": "reload the page and submit the form again"})


class RateLimits:
    """Moving-window limits: ``login`` per client address, ``api`` per identity."""

    def __init__(self, cfg: AuthSettings) -> None:
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._items: dict[str, RateLimitItem] = {"login": parse(cfg.login_rate), "api": parse(cfg.api_rate)}

    def hit(self, kind: str, key: str) -> None:
        item = self._items[kind]
        if not self._limiter.hit(item, kind, key):
            reset = self._limiter.get_window_stats(item, kind, key).reset_time
            retry = max(1, int(reset - time.time()) + 1)
            raise HTTPException(429, detail={"what": f"too many {kind} requests", "subject": kind,
                                             "why": f"limit {item}", "fix": f"retry in {retry} s"},
                                headers={"Retry-After": str(retry)})


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def install(app: FastAPI, cfg: AuthSettings) -> None:
    """The signed session cookie (secret from settings, else random per process)."""
    secret = cfg.session_secret.get_secret_value() if cfg.session_secret else secrets.token_urlsafe(48)
    app.add_middleware(SessionMiddleware, secret_key=secret, session_cookie=COOKIE,
                       max_age=cfg.session_max_age_s, same_site="lax", https_only=cfg.secure_cookies)
