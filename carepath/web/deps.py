"""Request dependencies shared by the routers: who is calling (bearer token or
the reviewer page's cookie), whether they may sign, and the process's one
service and settings (set up by ``app.create_app``'s lifespan)."""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, HTTPException, Request

from carepath.settings import Settings
from carepath.web.auth import Identity, TokenStore
from carepath.workflows.service import Carepath

COOKIE = "carepath_token"


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


def identity(request: Request) -> Identity:
    """The API caller, from ``Authorization: Bearer`` (or the page cookie)."""
    header = request.headers.get("authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else request.cookies.get(COOKIE)
    who = tokens(request).identify(token)
    if who is None:
        raise HTTPException(401, detail={"what": "not authenticated",
                                         "fix": "send Authorization: Bearer <token>"},
                            headers={"WWW-Authenticate": "Bearer"})
    return who


def require_signer(who: Identity) -> Identity:
    if not who.can_sign():
        raise HTTPException(403, detail={"what": "only a reviewer can sign off", "subject": who.name,
                                         "fix": "use a token with the reviewer role"})
    return who


def reviewer(who: Identity = Depends(identity)) -> Identity:
    return require_signer(who)


def page_identity(request: Request) -> Identity | None:
    """The reviewer page's user, from its cookie; None sends them to /login."""
    return tokens(request).identify(request.cookies.get(COOKIE))
