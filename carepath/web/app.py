"""The HTTP service and the reviewer page, over the same ``Carepath`` service
the CLI uses.

One service (one checkpointer connection, shared safely by LangGraph's
savers) per process, opened by the lifespan and reached through
``deps.service``. The routes live in one router per concern: the drafts API
(``drafts``), outputs and images (``outputs``), the reviewer page
(``review``) and its sign-in (``login``); every HTML page goes through
``pages.render_page`` (security headers) and every refusal through
``errors`` (one JSON shape, the status the error type carries).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

import carepath
from carepath.security.jwt_auth import JWTValidator
from carepath.settings import get_settings
from carepath.web import amend, drafts, errors, login, outputs, review, session
from carepath.web.auth import TokenStore, oidc_config
from carepath.web.guard import EarlyRefusal
from carepath.workflows.audit import anchor_head
from carepath.workflows.service import open_service


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.tokens = TokenStore.from_settings()
    app.state.settings = cfg = get_settings()
    trusted = oidc_config(cfg.auth)
    app.state.jwt = JWTValidator(trusted) if trusted else None
    app.state.oidc = login.oidc_client(cfg.auth)
    app.state.sessions = session.SessionStore(cfg.auth.session_max_age_s)
    app.state.limits = session.RateLimits(cfg.auth)
    with open_service() as svc:
        app.state.svc = svc
        yield
    anchor_head("shutdown")   # the last records are vouched for by a signed anchor too


def create_app() -> FastAPI:
    cfg = get_settings()
    app = FastAPI(title="carepath", version=carepath.__version__, lifespan=lifespan,
                  description="Cited draft reports that a clinician signs off. Drafts are never final "
                              "until a reviewer signs them.",
                  form_limits={"max_files": cfg.server.max_form_files, "max_fields": cfg.server.max_form_fields})
    errors.install(app)
    app.add_middleware(EarlyRefusal, settings=cfg)   # added before the session: runs inside it
    session.install(app, cfg.auth)
    for module in (drafts, amend, outputs, login, review):
        app.include_router(module.router)
    return app
