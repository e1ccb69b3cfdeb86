"""Bearer tokens from the hospital's OpenID provider: who is calling, and in
which roles and groups.

A JWT access token is accepted only when all of these hold: it is a JWS
signed with an asymmetric algorithm on the allow-list (never ``none`` or an
HMAC secret an attacker could guess); the signing key is in the provider's
JWKS, found through its discovery document; ``iss`` is the configured issuer
exactly; ``aud`` contains this API's audience (a token minted for another
service is refused); ``exp`` is in the future (``nbf``/``iat`` respected)
with a small leeway; ``sub`` is present. Roles and groups are read from
claims whose names are settings, with dotted paths for nested claims
(Keycloak's ``realm_access.roles``), so no identity-provider code lives here.

Key rotation: the JWKS is cached; a token whose ``kid`` is not in the cache
triggers one re-fetch (at most once per ``jwks_min_refresh_s``, so random
kids cannot turn the API into a JWKS flooder), and the cache also expires
after ``jwks_max_age_s`` so a key the provider withdrew stops being trusted.

JOSE is done by joserfc, the JOSE engine of the Authlib project (Authlib's
own ``authlib.jose`` is deprecated in its favour); the reviewer-page login
(authorization code + PKCE) uses Authlib's OAuth client on the same
discovery document.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from typing import Any
from urllib.parse import urlsplit

import httpx
from joserfc import jws, jwt
from joserfc.errors import BadSignatureError, ExpiredTokenError, JoseError
from joserfc.jwk import KeySet
from pydantic import BaseModel, Field

from carepath.errors import CarepathError, ConfigError

ASYMMETRIC = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]


class OIDCConfig(BaseModel):
    """What the API trusts. ``issuer`` must be https except on loopback."""

    issuer: str = Field(description="the provider's issuer URL, exactly as in its tokens")
    audience: str = Field(description="this API's resource identifier (the tokens' `aud`)")
    roles_claim: str = Field("roles", description="claim (dotted path) holding the role names")
    groups_claim: str = Field("groups", description="claim (dotted path) holding the group names")
    name_claim: str = Field("name", description="claim with the display name (fallback: preferred_username, sub)")
    algorithms: list[str] = Field(default_factory=lambda: list(ASYMMETRIC))
    require_typ: str | None = Field(
        None, description="required JOSE `typ`, e.g. 'at+jwt' (RFC 9068) so ID tokens are refused")
    leeway_s: int = Field(30, ge=0, le=300, description="clock skew allowed on exp/nbf/iat")
    jwks_min_refresh_s: float = Field(10.0, ge=0)
    jwks_max_age_s: float = Field(3600.0, gt=0)
    timeout_s: float = Field(10.0, gt=0)


class Identity(BaseModel):
    """The caller, as the API and the audit record it. ``subject`` is the
    provider's stable id (what a sign-off records, with ``display_name``)."""

    subject: str
    display_name: str
    roles: list[str] = Field(default_factory=list)
    groups: list[str] = Field(default_factory=list)
    issuer: str | None = None
    client_id: str | None = None
    expires_at: int | None = None


class TokenRejected(CarepathError):
    """A bearer token that must not be accepted. ``reason`` is a short code
    (expired, audience, issuer, signature, unknown_key, malformed, claims);
    the token itself is never put in the message."""

    exit_code = 4
    http_status = 401

    def __init__(self, reason: str, why: str) -> None:
        self.reason = reason
        super().__init__("bearer token refused", subject=reason, why=why,
                         fix="obtain a new token from the hospital's identity provider")


def _claim(claims: dict[str, Any], path: str) -> Any:
    value: Any = claims
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [v for v in value.replace(",", " ").split() if v]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, (str, int))]
    return []


def _check_issuer_url(issuer: str) -> None:
    parts = urlsplit(issuer)
    host = parts.hostname or ""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if parts.scheme != "https" and not (parts.scheme == "http" and loopback):
        raise ConfigError("OpenID issuer must use https", subject=issuer,
                          why="keys fetched over plain http could be swapped on the way",
                          fix="use the provider's https issuer URL (http only on loopback, for tests)")


class JWTValidator:
    """Validates access tokens against one provider; thread-safe; one per
    process (it holds the JWKS cache)."""

    def __init__(self, config: OIDCConfig, *, client: httpx.Client | None = None) -> None:
        _check_issuer_url(config.issuer)
        self.config = config
        self._http = client or httpx.Client(timeout=config.timeout_s)
        self._lock = threading.Lock()
        self._keys: KeySet | None = None
        self._fetched_at = 0.0
        self._metadata: dict[str, Any] | None = None
        self.refreshes = 0

    def metadata(self) -> dict[str, Any]:
        """The provider's discovery document (its issuer must match ours)."""
        if self._metadata is None:
            url = self.config.issuer.rstrip("/") + "/.well-known/openid-configuration"
            doc = self._get_json(url)
            if doc.get("issuer") != self.config.issuer or not doc.get("jwks_uri"):
                raise ConfigError("OpenID discovery document does not match the issuer", subject=url,
                                  why=f"it names issuer {doc.get('issuer')!r}",
                                  fix="set the issuer exactly as the provider publishes it")
            self._metadata = doc
        return self._metadata

    def _get_json(self, url: str) -> dict[str, Any]:
        try:
            r = self._http.get(url)
            r.raise_for_status()
            return dict(r.json())
        except (httpx.HTTPError, ValueError) as exc:
            raise ConfigError("cannot reach the OpenID provider", subject=url, why=type(exc).__name__,
                              fix="check the issuer URL and that the provider is up") from None

    def _keyset(self, kid: str | None) -> KeySet:
        """The cached JWKS, re-fetched when stale or when ``kid`` is unknown
        (rotation) and the last fetch is old enough."""
        with self._lock:
            now = time.monotonic()
            stale = self._keys is None or now - self._fetched_at > self.config.jwks_max_age_s
            unknown = self._keys is not None and kid is not None and not any(
                k.kid == kid for k in self._keys.keys)
            if stale or (unknown and now - self._fetched_at >= self.config.jwks_min_refresh_s):
                self._keys = KeySet.import_key_set(self._get_json(self.metadata()["jwks_uri"]))
                self._fetched_at = now
                self.refreshes += 1
            assert self._keys is not None
            return self._keys

    def validate(self, token: str) -> Identity:
        """The caller's identity, or ``TokenRejected`` saying why not."""
        try:
            header = jws.extract_compact(token.encode("ascii")).headers()
        except (JoseError, ValueError, UnicodeEncodeError):
            raise TokenRejected("malformed", "not a compact JWS") from None
        if header.get("alg") not in self.config.algorithms:
            raise TokenRejected("malformed", f"algorithm {header.get('alg')!r} is not allowed")
        if self.config.require_typ and str(header.get("typ", "")).lower() != self.config.require_typ.lower():
            raise TokenRejected("malformed", f"token type {header.get('typ')!r} is not {self.config.require_typ!r}")
        keys = self._keyset(header.get("kid"))
        if header.get("kid") is not None and not any(k.kid == header["kid"] for k in keys.keys):
            raise TokenRejected("unknown_key", "signed by a key the provider does not publish")
        try:
            claims = jwt.decode(token, keys, algorithms=self.config.algorithms).claims
        except BadSignatureError:
            raise TokenRejected("signature", "the signature does not verify") from None
        except JoseError as exc:
            raise TokenRejected("malformed", type(exc).__name__) from None
        self._check_claims(claims)
        return self._identity(claims)

    def _check_claims(self, claims: dict[str, Any]) -> None:
        registry = jwt.JWTClaimsRegistry(
            leeway=self.config.leeway_s,
            iss={"essential": True, "value": self.config.issuer},
            aud={"essential": True, "value": self.config.audience},
            exp={"essential": True}, sub={"essential": True})
        try:
            registry.validate(claims)
        except ExpiredTokenError:
            raise TokenRejected("expired", "the token has expired") from None
        except JoseError as exc:
            claim = str(getattr(exc, "claim", "") or "")
            reason = {"aud": "audience", "iss": "issuer"}.get(claim, "claims")
            raise TokenRejected(reason, f"claim {claim or '?'} is missing or not accepted") from None

    def _identity(self, claims: dict[str, Any]) -> Identity:
        return identity_from_claims(claims, self.config)


def identity_from_claims(claims: dict[str, Any], c: OIDCConfig) -> Identity:
    """The identity in already-verified claims (an access token here, or the
    ID token of the reviewer-page login), read through the configured claims."""
    name = _claim(claims, c.name_claim) or claims.get("preferred_username") or claims["sub"]
    return Identity(subject=str(claims["sub"]), display_name=str(name),
                    roles=_names(_claim(claims, c.roles_claim)),
                    groups=_names(_claim(claims, c.groups_claim)),
                    issuer=claims.get("iss"), client_id=claims.get("client_id") or claims.get("azp"),
                    expires_at=claims.get("exp"))
