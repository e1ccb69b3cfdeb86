"""The reviewer page's sign-in and sign-out.

With an OpenID provider configured, ``/login`` sends the browser there
(authorization code + PKCE S256, state and nonce, by Authlib's Starlette
client); ``/auth/callback`` exchanges the code, has Authlib verify the ID
token (signature from the provider's JWKS, issuer, audience, nonce, expiry)
and opens a server session for the identity in its claims. ``/login/token``
is the single-host option: a static token typed once, checked, and never
stored in the browser — it opens the same kind of session. Error text on the
sign-in page comes from a fixed list (never echoed from the URL).
"""

from __future__ import annotations

from authlib.integrations.starlette_client import OAuth, OAuthError, StarletteOAuth2App
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from carepath.security.jwt_auth import identity_from_claims
from carepath.settings import AuthSettings
from carepath.web.auth import NoCarepathRole, TokenStore, from_provider, oidc_config
from carepath.web.deps import rate_limits, sessions, settings, tokens
from carepath.web.pages import render_page
from carepath.web.session import SessionStore, client_address, require_csrf

router = APIRouter(include_in_schema=False)

MESSAGES = {
    "unknown_token": "That token is not valid.",
    "sso_failed": "Sign-in with the hospital identity provider did not complete. Try again.",
    "no_role": "Your account has no carepath role (requester or reviewer).",
    "signed_out": "You are signed out.",
}


def oidc_client(cfg: AuthSettings) -> StarletteOAuth2App | None:
    """The page's OpenID client (a public PKCE client unless a secret is set)."""
    if not cfg.oidc_issuer:
        return None
    secret = cfg.oidc_client_secret.get_secret_value() if cfg.oidc_client_secret else None
    kwargs = {"scope": cfg.oidc_scopes, "code_challenge_method": "S256"}
    if secret is None:
        kwargs["token_endpoint_auth_method"] = "none"
    return OAuth().register(
        "hospital", client_id=cfg.oidc_client_id, client_secret=secret, client_kwargs=kwargs,
        server_metadata_url=cfg.oidc_issuer.rstrip("/") + "/.well-known/openid-configuration")


def _form(request: Request, message: str | None = None, status_code: int = 200) -> Response:
    text = MESSAGES.get(message or "")
    return render_page(request, "login.html", {"error": text, "sso": request.app.state.oidc is not None},
                       status_code=status_code)


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, msg: str | None = None) -> Response:
    """To the identity provider when SSO is configured, else the token form."""
    client: StarletteOAuth2App | None = request.app.state.oidc
    if client is None or msg:
        return _form(request, msg)
    rate_limits(request).hit("login", client_address(request))
    cfg = settings(request).auth
    redirect_uri = cfg.oidc_redirect_uri or str(request.url_for("auth_callback"))
    return await client.authorize_redirect(request, redirect_uri)


@router.get("/login/token", response_class=HTMLResponse)
def token_page(request: Request, msg: str | None = None) -> Response:
    return _form(request, msg)


@router.post("/login")
async def login(request: Request, token: str = Form(..., max_length=500),
                store: TokenStore = Depends(tokens), pages: SessionStore = Depends(sessions)) -> Response:
    rate_limits(request).hit("login", client_address(request))
    await require_csrf(request)
    entry = store.entry(token)
    if entry is None:
        return RedirectResponse("/login/token?msg=unknown_token", status_code=303)
    pages.open(request, entry.identity(), token_sha256=entry.sha256)
    return RedirectResponse("/", status_code=303)


@router.get("/auth/callback", name="auth_callback")
async def auth_callback(request: Request, pages: SessionStore = Depends(sessions)) -> Response:
    rate_limits(request).hit("login", client_address(request))
    client: StarletteOAuth2App | None = request.app.state.oidc
    config = oidc_config(settings(request).auth)
    if client is None or config is None:
        return RedirectResponse("/login", status_code=303)
    try:
        token = await client.authorize_access_token(request)
        claims = token.get("userinfo")
        if not claims:
            raise OAuthError("missing_id_token")
        who = from_provider(identity_from_claims(dict(claims), config))
    except NoCarepathRole:
        return _form(request, "no_role", status_code=403)
    except (OAuthError, KeyError, ValueError):
        return _form(request, "sso_failed", status_code=401)
    pages.open(request, who)
    return RedirectResponse("/", status_code=303)


@router.post("/logout")
async def logout(request: Request, pages: SessionStore = Depends(sessions)) -> Response:
    await require_csrf(request)
    pages.close(request)
    return RedirectResponse("/login?msg=signed_out", status_code=303)
