"""Signed anchors: the audit chain's head, vouched for outside the chain.

A hash chain alone proves that no record was edited *between* two others,
but a shorter chain is still a valid chain (delete the last lines) and a
chain recomputed from scratch is valid too (drop one thread's records and
rehash). An anchor is a small record — how many records the log held and
the hash of the last one — signed with an Ed25519 key that the log's writers
do not need to read back. ``audit verify`` checks every anchor against the
chain: a log that ends before an anchored record was truncated; a record
whose hash differs from the anchored one was rewritten.

Anchors are chained to each other (``prev``) so removing one from the middle
of the anchor file is detected; removing the *last* anchors together with
the log's tail is only detected when the anchors also live where the log's
writers cannot rewrite them (``security.audit_anchor_file`` on other
storage, or the anchor file shipped off-host) — see README "Security".

Key handling: ``carepath audit keygen`` writes a PEM private key 0600 (and
its public key beside it); ``--rotate`` keeps the old public key as
``<name>.<key_id>.pub`` so old anchors still verify. Verification needs only
public keys; an external verifier passes its own with ``--public-key`` and
then trusts nothing found on the host.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import json
import os
from pathlib import Path
from typing import Annotated, Any, Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from carepath.errors import ConfigError, InputError
from carepath.settings import get_settings

KEY_NAME = "audit-ed25519.pem"
GENESIS = "0" * 64
Hex64 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
KeyId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
Reason = Literal["created", "signoff", "periodic", "shutdown", "rotate", "manual"]


class Anchor(BaseModel):
    """One signed statement: "the log held ``seq`` records ending in ``head_hash``"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    n: int = Field(ge=1, description="anchor number, 1-based")
    seq: int = Field(ge=0, description="records in the log when anchored")
    head_hash: Hex64 = Field(description="hash of record `seq` (64 zeros for an empty log)")
    reason: Reason
    ts: str
    key_id: KeyId
    prev: Hex64 = Field(description="SHA-256 of the previous anchor line")
    sig: str = Field(pattern=r"^[A-Za-z0-9+/]{86}==$", description="base64 Ed25519 signature")

    def signed_bytes(self) -> bytes:
        return _canonical(self.model_dump(mode="json", exclude={"sig"}))


class KeyInfo(BaseModel):
    private_key: Path
    public_key: Path
    key_id: str
    retired_public_key: Path | None = None


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def key_id(public: Ed25519PublicKey) -> str:
    """First 16 hex digits of the SHA-256 of the raw public key."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def default_key_path() -> Path:
    s = get_settings()
    return (s.security.audit_key_file or s.state_dir / "keys" / KEY_NAME).expanduser()


def public_path(private: Path) -> Path:
    return private.with_suffix(".pub")


def load_signing_key(path: Path | None = None) -> Ed25519PrivateKey | None:
    """The anchor signing key, or None when anchoring is not set up (no key
    configured and none at the default path). A configured key that cannot
    be read is an error: silently not anchoring would hide tampering."""
    configured = path is not None or get_settings().security.audit_key_file is not None
    p = path or default_key_path()
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        if not configured:
            return None
        raise ConfigError("audit signing key not found", subject=str(p),
                          why="security.audit_key_file names a missing file",
                          fix="run `carepath audit keygen` or correct CAREPATH_SECURITY__AUDIT_KEY_FILE") from None
    except OSError as exc:
        raise ConfigError("cannot read audit signing key", subject=str(p), why=exc.strerror,
                          fix="make the key readable by the carepath service user only (0600)") from None
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigError("audit signing key is not an unencrypted Ed25519 PEM key", subject=str(p),
                          fix="generate one with `carepath audit keygen`")
    return key


def _write_private(path: Path, data: bytes) -> None:
    """Create ``path`` 0600 whatever the umask, in a 0700 directory."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def _public_pem(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def generate_key(path: Path | None = None, *, rotate: bool = False) -> KeyInfo:
    """Write a new Ed25519 key (private 0600, public beside it). Refuses to
    overwrite an existing key unless ``rotate``; rotating keeps the old public
    key as ``<name>.<key_id>.pub`` so anchors it signed still verify."""
    p = (path or default_key_path()).expanduser()
    retired: Path | None = None
    if p.exists():
        old = load_signing_key(p)
        if not rotate or old is None:
            raise InputError("an audit signing key already exists", subject=str(p),
                             fix="pass --rotate to replace it (the old public key is kept)")
        retired = p.with_name(f"{p.stem}.{key_id(old.public_key())}.pub")
        _write_private(retired, _public_pem(old.public_key()))
    key = Ed25519PrivateKey.generate()
    _write_private(p, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption()))
    _write_private(public_path(p), _public_pem(key.public_key()))
    return KeyInfo(private_key=p, public_key=public_path(p), key_id=key_id(key.public_key()),
                   retired_public_key=retired)


def load_public_key(path: Path) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except OSError as exc:
        raise InputError("cannot read public key", subject=str(path), why=exc.strerror,
                         fix="pass a PEM public key written by `carepath audit keygen`") from None
    except ValueError:
        key = None
    if not isinstance(key, Ed25519PublicKey):
        raise InputError("not an Ed25519 PEM public key", subject=str(path),
                         fix="pass the .pub file written by `carepath audit keygen`")
    return key


def trusted_keys(only: list[Path] | None = None) -> dict[str, Ed25519PublicKey]:
    """Public keys anchors may be signed with. ``only`` (an external
    verifier's keys) replaces everything found on this host; otherwise: the
    signing key's public half, ``*.pub`` in its folder (retired keys) and
    ``security.audit_trusted_keys``."""
    if only:
        keys = [load_public_key(p) for p in only]
    else:
        keys = [load_public_key(p) for p in get_settings().security.audit_trusted_keys]
        folder = default_key_path().parent
        keys += [load_public_key(p) for p in sorted(folder.glob("*.pub"))] if folder.is_dir() else []
        if (signing := load_signing_key()) is not None:
            keys.append(signing.public_key())
    return {key_id(k): k for k in keys}


def _line_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _read_lines(path: Path) -> list[bytes]:
    data = path.read_bytes()
    return [ln for ln in data.split(b"\n") if ln] if data else []


def append_anchor(path: Path, *, seq: int, head_hash: str, reason: Reason, key: Ed25519PrivateKey,
                  ts: str) -> Anchor:
    """Sign and append one anchor (the caller holds the audit log's lock, so
    anchors are written in log order)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        lines = _read_lines(path)
        n, prev = (1, GENESIS) if not lines else (len(lines) + 1, _line_hash(lines[-1]))
        body = {"n": n, "seq": seq, "head_hash": head_hash, "reason": reason, "ts": ts,
                "key_id": key_id(key.public_key()), "prev": prev}
        sig = base64.b64encode(key.sign(_canonical(body))).decode("ascii")
        anchor = Anchor(**body, sig=sig)
        os.write(fd, _canonical(anchor.model_dump(mode="json")) + b"\n")
        os.fsync(fd)
        return anchor
    finally:
        os.close(fd)


def read_anchors(path: Path, keys: dict[str, Ed25519PublicKey]) -> tuple[list[Anchor], str | None]:
    """The anchors, each checked for form, order and signature; stops at the
    first bad one and returns why."""
    out: list[Anchor] = []
    prev = GENESIS
    for i, raw in enumerate(_read_lines(path), 1):
        try:
            anchor = Anchor.model_validate_json(raw)
        except ValidationError:
            return out, f"anchor line {i} is not a valid anchor"
        if anchor.n != i or anchor.prev != prev:
            return out, f"anchor {i}: anchors were removed, inserted or reordered"
        public = keys.get(anchor.key_id)
        if public is None:
            return out, (f"anchor {i} is signed by an unknown key {anchor.key_id} (forged, or a "
                         "retired key missing from security.audit_trusted_keys)")
        try:
            public.verify(base64.b64decode(anchor.sig), anchor.signed_bytes())
        except InvalidSignature:
            return out, f"anchor {i}: signature does not verify (forged or edited)"
        out.append(anchor)
        prev = _line_hash(raw)
    return out, None
