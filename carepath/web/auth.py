"""Who is calling: static hashed tokens (the single-host option) and the
hospital's OpenID provider (``carepath.security.jwt_auth``), both turned into
one ``Identity``.

Tokens are stored hashed (sha256) in a JSON file, or given inline for a
single host. The tokens file is re-read whenever its modification time or
size changes, so removing a line revokes that token (and the page sessions
it opened) without a restart. The signer of a report is the authenticated
identity — its stable ``subject`` plus display ``name``, never a free-text
field — and only the ``reviewer`` role may sign. A reviewer may also submit
requests.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from carepath.errors import ConfigError
from carepath.security.jwt_auth import Identity as TokenIdentity
from carepath.security.jwt_auth import OIDCConfig
from carepath.settings import AuthSettings, get_settings

Role = Literal["requester", "reviewer"]
log = logging.getLogger(__name__)


class Identity(BaseModel):
    """The caller as the HTTP layer sees it. ``subject`` is stable and unique
    (OIDC ``sub``, or the token entry's subject); ``name`` is for people."""

    name: str = Field(min_length=1, max_length=200)
    role: Role
    subject: str = Field("", max_length=300)
    groups: list[str] = Field(default_factory=list)
    via: Literal["token", "oidc"] = "token"

    def model_post_init(self, _: object) -> None:
        if not self.subject:
            self.subject = f"token:{self.name}"

    def can_sign(self) -> bool:
        return self.role == "reviewer"


class NoCarepathRole(ValueError):
    """A provider identity holding neither carepath role."""


def from_provider(who: TokenIdentity) -> Identity:
    """An OpenID identity as a carepath one: ``reviewer`` wins over
    ``requester``; an identity with neither role is refused (``NoCarepathRole``)."""
    role: Role | None = "reviewer" if "reviewer" in who.roles else "requester" if "requester" in who.roles else None
    if role is None:
        raise NoCarepathRole(who.subject)
    return Identity(name=who.display_name[:200], role=role, subject=who.subject[:300], groups=who.groups,
                    via="oidc")


def oidc_config(cfg: AuthSettings) -> OIDCConfig | None:
    """What the API trusts from the provider; None when SSO is not configured."""
    if not cfg.oidc_issuer:
        return None
    if not cfg.oidc_audience:
        raise ConfigError("OpenID audience not set", subject="CAREPATH_AUTH__OIDC_AUDIENCE",
                          why="without it a token minted for any other service would be accepted",
                          fix="set it to this API's resource identifier at the provider")
    return OIDCConfig(issuer=cfg.oidc_issuer, audience=cfg.oidc_audience, roles_claim=cfg.roles_claim,
                      groups_claim=cfg.groups_claim, name_claim=cfg.name_claim, leeway_s=cfg.leeway_s)


class TokenEntry(BaseModel):
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    name: str = Field(min_length=1, max_length=200)
    role: Role
    subject: str | None = Field(None, max_length=300, description="stable id; default token:<name>")
    groups: list[str] = Field(default_factory=list)

    def identity(self) -> Identity:
        return Identity(name=self.name, role=self.role, subject=self.subject or "", groups=self.groups)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _read_tokens_file(path: Path) -> list[TokenEntry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [TokenEntry.model_validate(e) for e in data["tokens"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError("tokens file unusable", subject=str(path),
                          why=str(exc).splitlines()[0][:200],
                          fix='write {"tokens": [{"sha256": ..., "name": ..., "role": "reviewer"}]}') from exc


def _inline_tokens(raw: str) -> list[TokenEntry]:
    entries = []
    for item in raw.split(","):
        parts = item.strip().split(":")
        if len(parts) != 3 or parts[2] not in ("requester", "reviewer"):
            raise ConfigError("inline token malformed", subject="CAREPATH_SERVER__TOKENS",
                              fix="use TOKEN:NAME:ROLE with ROLE requester or reviewer, comma-separated")
        entries.append(TokenEntry(sha256=hash_token(parts[0]), name=parts[1], role=parts[2]))  # type: ignore[arg-type]
    return entries


class TokenStore:
    """Hashed static tokens; the file's entries follow the file (see module doc)."""

    def __init__(self, entries: list[TokenEntry], path: Path | None = None) -> None:
        self._inline = entries
        self._path = path
        self._file_entries: list[TokenEntry] = []
        self._stamp: tuple[int, int] | None = None
        self._lock = threading.Lock()
        self.reloads = 0
        if path is not None:
            self._file_entries = _read_tokens_file(path)
            self._stamp = self._stat()

    @classmethod
    def from_settings(cls) -> TokenStore:
        """The configured tokens; none at all is an error unless OIDC is on."""
        settings = get_settings()
        cfg = settings.server
        inline = _inline_tokens(cfg.tokens.get_secret_value()) if cfg.tokens else []
        store = cls(inline, Path(cfg.tokens_file) if cfg.tokens_file else None)
        if not store.entries() and not settings.auth.oidc_issuer:
            raise ConfigError("no API tokens configured", subject="carepath serve",
                              fix="set CAREPATH_SERVER__TOKENS_FILE (hashed tokens), CAREPATH_SERVER__TOKENS "
                                  "or CAREPATH_AUTH__OIDC_ISSUER")
        return store

    def _stat(self) -> tuple[int, int] | None:
        try:
            st = self._path.stat() if self._path else None
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size) if st else None

    def entries(self) -> list[TokenEntry]:
        """Current entries, re-reading the file when it changed. A file that
        became unreadable revokes its tokens (fail closed) until it is fixed."""
        if self._path is not None:
            with self._lock:
                stamp = self._stat()
                if stamp != self._stamp:
                    self._stamp = stamp
                    self.reloads += 1
                    try:
                        self._file_entries = _read_tokens_file(self._path)
                    except ConfigError as exc:
                        log.warning("%s: %s (%s); its tokens are refused until fixed", exc.what, exc.subject,
                                    exc.why)
                        self._file_entries = []
        return self._inline + self._file_entries

    def entry(self, token: str | None) -> TokenEntry | None:
        if not token:
            return None
        digest = hash_token(token)
        return next((e for e in self.entries() if hmac.compare_digest(e.sha256, digest)), None)

    def identify(self, token: str | None) -> Identity | None:
        e = self.entry(token)
        return e.identity() if e else None

    def holds(self, sha256: str) -> bool:
        """Whether a token (by hash) is still configured — page sessions opened
        with it end when it is removed."""
        return any(hmac.compare_digest(e.sha256, sha256) for e in self.entries())
