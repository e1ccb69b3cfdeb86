"""JWT bearer validation against a real OpenID provider on loopback
(oidc-provider under Node; issue 14 item 2): a client-credentials token
validates and maps roles/groups; wrong audience, expired, tampered, foreign
and ID-token-typed tokens are refused; after the provider rotates its
signing key, new tokens validate through a JWKS refresh and old ones still
do while the old key is published."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path

import pytest
from support.oidc_fixtures import OIDCProvider, new_signing_key, start_oidc_provider

from carepath.errors import ConfigError
from carepath.security.jwt_auth import Identity, JWTValidator, OIDCConfig, TokenRejected


def _validator(p: OIDCProvider, **kw) -> JWTValidator:
    return JWTValidator(OIDCConfig(issuer=p.issuer, audience=p.audience, require_typ="at+jwt", **kw))


def _part(token: str, n: int) -> dict:
    seg = token.split(".")[n]
    return json.loads(base64.urlsafe_b64decode(seg + "=" * (-len(seg) % 4)))


def _with_payload(token: str, **changes) -> str:
    head, _, sig = token.split(".")
    body = _part(token, 1) | changes
    enc = base64.urlsafe_b64encode(json.dumps(body).encode()).rstrip(b"=").decode()
    return f"{head}.{enc}.{sig}"


def test_client_credentials_token_validates_and_maps_roles(oidc_provider: OIDCProvider) -> None:
    token = oidc_provider.token()
    assert _part(token, 0)["typ"] == "at+jwt" and _part(token, 1)["aud"] == oidc_provider.audience
    ident = _validator(oidc_provider).validate(token)
    assert isinstance(ident, Identity)
    assert ident.subject == "carepath-api" and ident.client_id == "carepath-api"
    assert ident.roles == ["reviewer"] and ident.groups == ["radiology"]
    assert ident.issuer == oidc_provider.issuer and ident.expires_at > time.time()


def test_claim_names_are_settings(oidc_provider: OIDCProvider) -> None:
    v = _validator(oidc_provider, roles_claim="groups", groups_claim="realm_access.groups")
    ident = v.validate(oidc_provider.token())
    assert ident.roles == ["radiology"] and ident.groups == []


def test_wrong_audience_is_refused(oidc_provider: OIDCProvider) -> None:
    token = oidc_provider.token(resource=oidc_provider.other_audience)
    assert _part(token, 1)["aud"] == oidc_provider.other_audience   # a valid token, for another API
    with pytest.raises(TokenRejected) as err:
        _validator(oidc_provider).validate(token)
    assert err.value.reason == "audience" and err.value.http_status == 401


def test_expired_token_is_refused(oidc_provider: OIDCProvider) -> None:
    v = _validator(oidc_provider, leeway_s=0)
    token = oidc_provider.token("carepath-short")
    # Otherwise valid: checked with a generous leeway, because a 1 s token can
    # already be past its exp when a loaded CI worker gets to validate it.
    assert _validator(oidc_provider, leeway_s=60).validate(token).roles == ["requester"]
    time.sleep(max(0.0, _part(token, 1)["exp"] - time.time()) + 1.1)
    with pytest.raises(TokenRejected) as err:
        v.validate(token)
    assert err.value.reason == "expired"


def test_tampered_and_malformed_tokens_are_refused(oidc_provider: OIDCProvider) -> None:
    v = _validator(oidc_provider)
    token = oidc_provider.token()
    with pytest.raises(TokenRejected) as err:
        v.validate(_with_payload(token, groups=["radiology", "*"]))
    assert err.value.reason == "signature"
    none_alg = base64.urlsafe_b64encode(b'{"alg":"none","typ":"at+jwt"}').rstrip(b"=").decode()
    with pytest.raises(TokenRejected, match="not allowed"):
        v.validate(f"{none_alg}.{token.split('.')[1]}.")
    with pytest.raises(TokenRejected) as err:
        v.validate("not-a-token")
    assert err.value.reason == "malformed" and "not-a-token" not in str(err.value)


def test_token_from_another_provider_is_refused(oidc_provider: OIDCProvider, tmp_path: Path) -> None:
    other = start_oidc_provider(tmp_path)
    try:
        foreign = other.token()
    finally:
        other.stop()
    with pytest.raises(TokenRejected) as err:
        _validator(oidc_provider).validate(foreign)
    assert err.value.reason in {"unknown_key", "issuer"}


def test_id_token_typed_jwt_is_refused_when_at_jwt_required(oidc_provider: OIDCProvider) -> None:
    token = oidc_provider.token()
    head = _part(token, 0) | {"typ": "JWT"}
    forged = base64.urlsafe_b64encode(json.dumps(head).encode()).rstrip(b"=").decode()
    with pytest.raises(TokenRejected, match="token type"):
        _validator(oidc_provider).validate(f"{forged}.{token.split('.', 1)[1]}")


def test_key_rotation_refreshes_the_jwks(tmp_path: Path) -> None:
    old_key = new_signing_key()
    provider = start_oidc_provider(tmp_path / "a", keys=[old_key])
    try:
        v = _validator(provider, jwks_min_refresh_s=0)
        old_token = provider.token()
        assert v.validate(old_token).subject == "carepath-api" and v.refreshes == 1
        port = provider.port
        provider.stop()
        new_key = new_signing_key()            # rotation: new key signs, old key still published
        provider = start_oidc_provider(tmp_path / "b", keys=[new_key, old_key], port=port)
        new_token = provider.token()
        assert _part(new_token, 0)["kid"] == new_key["kid"] != old_key["kid"]
        assert v.validate(new_token).subject == "carepath-api"   # unknown kid -> one JWKS re-fetch
        assert v.refreshes == 2
        assert v.validate(old_token).subject == "carepath-api"   # old key still in the JWKS
        assert v.refreshes == 2
        provider.stop()
        provider = start_oidc_provider(tmp_path / "c", keys=[new_key], port=port)   # old key withdrawn
        fresh = _validator(provider)
        with pytest.raises(TokenRejected) as err:
            fresh.validate(old_token)
        assert err.value.reason == "unknown_key"
    finally:
        provider.stop()


def test_unknown_kids_do_not_flood_the_provider(oidc_provider: OIDCProvider) -> None:
    v = _validator(oidc_provider, jwks_min_refresh_s=60)
    v.validate(oidc_provider.token())
    head = _part(oidc_provider.token(), 0)
    for n in range(5):
        forged = base64.urlsafe_b64encode(json.dumps(head | {"kid": f"random{n}"}).encode()).rstrip(b"=")
        with pytest.raises(TokenRejected):
            v.validate(forged.decode() + ".e30.c2ln")
    assert v.refreshes == 1


def test_plain_http_issuer_is_refused_off_loopback() -> None:
    with pytest.raises(ConfigError, match="https"):
        JWTValidator(OIDCConfig(issuer="http://idp.hospital.example", audience="x"))
