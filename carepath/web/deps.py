"""Request dependencies shared by the routers: who is calling (a bearer token —
a static one or the OpenID provider's JWT — or the reviewer page's signed
session), whether they may sign, and the process's one service and settings
(set up by ``app.create_app``'s lifespan). Every authenticated API call counts
against its identity's rate limit."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

from fastapi import Depends, HTTPException, Request

from carepath.security.jwt_auth import JWTValidator, TokenRejected
from carepath.settings import Settings
from carepath.web.auth import Identity, NoCarepathRole, TokenStore, from_provider
from carepath.web.session import RateLimits, SessionStore
from carepath.workflows.service import Carepath

SAFE_METHODS = ("GET", "HEAD")


def service(request: Request) -> Carepath:
    return request.app.state.svc


def settings(request: Request) -> Settings:
    return request.app.state.settings


def tokens(request: Request) -> TokenStore:
    return request.app.state.tokens


def upload_dir(request: Request) -> Path:
    return settings(request).state_dir / "uploads"


def max_upload_bytes(request: Request) -> int:
    return settings(request).server.max_upload_mb << 20


def sessions(request: Request) -> SessionStore:
    return request.app.state.sessions


def rate_limits(request: Request) -> RateLimits:
    return request.app.state.limits


def _unauthenticated(why: str | None = None) -> HTTPException:
    return HTTPException(401, detail={"what": "not authenticated", "why": why,
                                      "fix": "send Authorization: Bearer <token> (a carepath token or one "
                                             "from the hospital's identity provider)"},
                         headers={"WWW-Authenticate": "Bearer"})


# Where the early check (``guard.EarlyRefusal``) leaves what it verified for
# this request: the ASGI scope is shared by the middleware and the route.
VERIFIED_KEY = "carepath.verified"


def remember(request: Request, source: str, credential: str, who: Identity) -> None:
    """Keep a verified identity on this request's scope, keyed by where it came
    from (``bearer``/``session``) and a digest of the credential, so the route
    reuses it instead of verifying the same token (JWKS, signature, tokens
    file) a second time; the scope dies with the request, so revocation still
    applies to the next one."""
    request.scope.setdefault(VERIFIED_KEY, {})[source] = (_digest(credential), who)


def _remembered(request: Request, source: str, credential: str) -> Identity | None:
    kept = request.scope.get(VERIFIED_KEY, {}).get(source)
    return kept[1] if kept is not None and hmac.compare_digest(kept[0], _digest(credential)) else None


def _digest(credential: str) -> str:
    return hashlib.sha256(credential.encode()).hexdigest()


def bearer_identity(request: Request, token: str) -> Identity | None:
    """A static token, else (OIDC on, JWT-shaped) the provider's access token.
    Verified once per request: a token already verified by the early check is
    taken from the scope."""
    kept = _remembered(request, "bearer", token)
    if kept is not None:
        return kept
    who = _verify_bearer(request, token)
    if who is not None:
        remember(request, "bearer", token, who)
    return who


def _verify_bearer(request: Request, token: str) -> Identity | None:
    who = tokens(request).identify(token)
    validator: JWTValidator | None = request.app.state.jwt
    if who is not None or validator is None or token.count(".") != 2:
        return who
    try:
        return from_provider(validator.validate(token))
    except TokenRejected as exc:
        raise _unauthenticated(f"{exc.subject}: {exc.why}") from None
    except NoCarepathRole:
        raise HTTPException(403, detail={"what": "no carepath role in the token", "subject": "roles",
                                         "fix": "ask for the requester or reviewer role at the identity "
                                                "provider"}) from None


def identity(request: Request) -> Identity:
    """The API caller, from ``Authorization: Bearer``; reads (GET) also accept
    the page session (the page's images and output links). A state-changing
    call never rides on the cookie."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        who = bearer_identity(request, header[7:].strip())
    else:
        who = page_identity(request) if request.method in SAFE_METHODS else None
    if who is None:
        raise _unauthenticated()
    rate_limits(request).hit("api", who.subject)
    return who


def require_signer(who: Identity) -> Identity:
    if not who.can_sign():
        raise HTTPException(403, detail={"what": "only a reviewer can sign off", "subject": who.name,
                                         "fix": "use a token with the reviewer role"})
    return who


def reviewer(who: Identity = Depends(identity)) -> Identity:
    return require_signer(who)


def page_identity(request: Request) -> Identity | None:
    """The reviewer page's user, from its signed session; None sends them to
    /login. A session opened with a static token ends once the token is revoked
    (checked once per request: the early check's answer is reused)."""
    found = sessions(request).current(request) if "session" in request.scope else None
    if found is None:
        return None
    credential = found.token_sha256 or ""
    kept = _remembered(request, "session", credential)
    if kept is not None:
        return kept
    if found.token_sha256 is not None and not tokens(request).holds(found.token_sha256):
        sessions(request).close(request)
        return None
    remember(request, "session", credential, found.identity)
    return found.identity
