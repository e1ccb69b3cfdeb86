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
from carepath.settings import get_settings
from carepath.web import drafts, errors, login, outputs, review
from carepath.web.auth import TokenStore
from carepath.workflows.service import open_service


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.tokens = TokenStore.from_settings()
    app.state.settings = get_settings()
    with open_service() as svc:
        app.state.svc = svc
        yield


def create_app() -> FastAPI:
    app = FastAPI(title="carepath", version=carepath.__version__, lifespan=lifespan,
                  description="Cited draft reports that a clinician signs off. Drafts are never final "
                              "until a reviewer signs them.")
    errors.install(app)
    for module in (drafts, outputs, login, review):
        app.include_router(module.router)
    return app
