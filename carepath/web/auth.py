"""Bearer-token identities with roles.

Tokens are stored hashed (sha256) in a JSON file, or given inline for a
single host. The signer of a report is the authenticated identity's name —
never a free-text field — and only the ``reviewer`` role may sign. A reviewer
may also submit requests.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from carepath.errors import ConfigError
from carepath.settings import get_settings

Role = Literal["requester", "reviewer"]


class Identity(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    role: Role

    def can_sign(self) -> bool:
        return self.role == "reviewer"


class TokenEntry(BaseModel):
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    name: str = Field(min_length=1, max_length=200)
    role: Role


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class TokenStore:
    def __init__(self, entries: list[TokenEntry]) -> None:
        self._entries = entries

    @classmethod
    def from_settings(cls) -> TokenStore:
        cfg = get_settings().server
        entries: list[TokenEntry] = []
        if cfg.tokens_file:
            try:
                data = json.loads(Path(cfg.tokens_file).read_text(encoding="utf-8"))
                entries += [TokenEntry.model_validate(e) for e in data["tokens"]]
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise ConfigError("tokens file unusable", subject=str(cfg.tokens_file),
                                  why=str(exc).splitlines()[0][:200],
                                  fix='write {"tokens": [{"sha256": ..., "name": ..., "role": "reviewer"}]}') from exc
        if cfg.tokens:
            for item in cfg.tokens.get_secret_value().split(","):
                parts = item.strip().split(":")
                if len(parts) != 3 or parts[2] not in ("requester", "reviewer"):
                    raise ConfigError("inline token malformed", subject="CAREPATH_SERVER__TOKENS",
                                      fix="use TOKEN:NAME:ROLE with ROLE requester or reviewer, comma-separated")
                entries.append(TokenEntry(sha256=hash_token(parts[0]), name=parts[1], role=parts[2]))  # type: ignore[arg-type]
        if not entries:
            raise ConfigError("no API tokens configured", subject="carepath serve",
                              fix="set CAREPATH_SERVER__TOKENS_FILE (hashed tokens) or CAREPATH_SERVER__TOKENS")
        return cls(entries)

    def identify(self, token: str | None) -> Identity | None:
        if not token:
            return None
        digest = hash_token(token)
        for e in self._entries:
            if hmac.compare_digest(e.sha256, digest):
                return Identity(name=e.name, role=e.role)
        return None
