"""The one way an HTML page leaves the server: ``render_page`` renders a
template and always sets the security headers. Report text on these pages is
data (model output, guideline quotes, reviewer text), so no page may run a
script, load from elsewhere or be framed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from carepath.web.session import csrf_token

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))

SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'none'; object-src 'none'; "
                                "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def render_page(request: Request, name: str, ctx: dict[str, Any], status_code: int = 200) -> Response:
    ctx = {"csrf": csrf_token(request), **ctx}   # every form posts it back (web.session)
    resp = TEMPLATES.TemplateResponse(request, name, ctx, status_code=status_code)
    resp.headers.update(SECURITY_HEADERS)
    return resp
