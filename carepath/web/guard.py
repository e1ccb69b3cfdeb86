"""Refuse a request body before reading it.

A pure ASGI middleware in front of the routes: for every method that
carries a body it checks who is calling and the declared ``Content-Length``
from the headers alone, and answers 401 (API) / 303 to /login (pages) or
413 without ever calling ``receive()`` — so an unauthenticated or oversized
upload is not spooled to disk, not even partly. A body without a length
(chunked) is counted as it is received and refused (413) once it passes the
limit; multipart parsing is capped by FastAPI's ``form_limits`` (files and
fields, set in ``app.create_app``). FastAPI's own ``max_body_size`` is left
unset: it answers before this middleware, so it would refuse by size before
refusing by identity.

Authentication here mirrors ``deps.identity``: the API takes only a bearer
token for state-changing calls; the reviewer page's forms ride on its
session (so this middleware must sit inside the session middleware). Rate
limits are counted once, by the route's own dependency, not here.

The check runs in the thread pool, not on the event loop: a JWT bearer token
may need the provider's JWKS fetched (blocking HTTP, up to its timeout) and
its signature verified (RSA/EC, CPU), and the tokens file is stat'ed and
re-read when it changed; on the loop any of these would stall every other
request, polls and page loads included. What it verified is left on the
request's scope (``deps.remember``, keyed by the credential's digest) and the
route's ``deps.identity`` / ``page_identity`` reuse it, so a token is verified
once per request; a route reached without this middleware (GET, or the app
used without it) still verifies for itself.
"""

from __future__ import annotations

import json

from fastapi import HTTPException, Request
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from carepath.settings import Settings
from carepath.web.deps import bearer_identity, page_identity

BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# Sign-in forms are posted before there is an identity (CSRF- and rate-limited there).
OPEN_PATHS = ("/login", "/logout")


def max_request_bytes(cfg: Settings) -> int:
    mb = cfg.server.max_request_mb or cfg.server.max_upload_mb * 4 + 1
    return mb << 20


def _authenticated(request: Request) -> bool:
    """Verify as the route would; ``bearer_identity`` and ``page_identity``
    remember a success on the scope the route shares."""
    header = request.headers.get("authorization", "")
    try:
        if header.lower().startswith("bearer "):
            return bearer_identity(request, header[7:].strip()) is not None
        return not request.url.path.startswith("/v1/") and page_identity(request) is not None
    except HTTPException:
        return False


async def _answer(send: Send, status: int, body: dict[str, str] | None, location: str | None = None) -> None:
    data = json.dumps(body).encode() if body else b""
    headers = [(b"content-length", str(len(data)).encode()), (b"connection", b"close")]
    if body:
        headers.append((b"content-type", b"application/json"))
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    if location:
        headers.append((b"location", location.encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


class EarlyRefusal:
    """See the module docstring; ``settings`` are the app's (read at start)."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.limit = max_request_bytes(settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        request = Request(scope)   # headers only: no receive, the body stays unread
        if not await run_in_threadpool(_authenticated, request):
            if scope["path"].startswith("/v1/"):
                await _answer(send, 401, {"what": "not authenticated", "subject": scope["path"],
                                          "why": "checked before the request body was read",
                                          "fix": "send Authorization: Bearer <token>"})
            else:
                await _answer(send, 303, None, location="/login")
            return
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.limit:
            await _answer(send, 413, {"what": "request body too large", "subject": scope["path"],
                                      "why": f"Content-Length {length} is over {self.limit >> 20} MiB",
                                      "fix": "raise CAREPATH_SERVER__MAX_REQUEST_MB or send less"})
            return
        await self.app(scope, self._counting(receive), send)

    def _counting(self, receive: Receive) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise HTTPException(413, detail={"what": "request body too large",
                                                 "why": f"over {self.limit >> 20} MiB",
                                                 "fix": "raise CAREPATH_SERVER__MAX_REQUEST_MB or send less"})
            return message

        return counted
