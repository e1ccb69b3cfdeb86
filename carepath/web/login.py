"""The reviewer page's sign-in: a token typed once, kept in an HttpOnly,
SameSite=Strict cookie."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from carepath.web.auth import TokenStore
from carepath.web.deps import COOKIE, tokens
from carepath.web.pages import render_page

router = APIRouter(include_in_schema=False)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, error: str | None = None) -> Response:
    return render_page(request, "login.html", {"error": error})


@router.post("/login")
def login(token: str = Form(...), store: TokenStore = Depends(tokens)) -> Response:
    if store.identify(token) is None:
        return RedirectResponse("/login?error=unknown+token", status_code=303)
    resp = RedirectResponse("/", status_code=303)
    resp.set_cookie(COOKIE, token, httponly=True, samesite="strict")
    return resp
