"""Checkpoint encryption at rest.

When ``security.checkpoint_key`` (or ``checkpoint_key_file``) is set,
LangGraph checkpoints and pending writes are AES-encrypted (EAX mode,
authenticated) by LangGraph's own ``EncryptedSerializer`` (pycryptodome), so
a copied ``checkpoints.sqlite`` (or its WAL, or a PostgreSQL dump) shows no
request text, transcript or draft. Checkpoints written before a key was set
stay readable (the serializer passes unencrypted rows through); a row
encrypted with another key fails authentication instead of decoding wrongly.

Generate a key: ``python -c "import base64,secrets;print(base64.b64encode(secrets.token_bytes(32)).decode())"``
into a 0600 file named by ``CAREPATH_SECURITY__CHECKPOINT_KEY_FILE``. Losing
the key loses the paused drafts; rotating it needs the old drafts signed first.
"""

from __future__ import annotations

import base64
import binascii

from langgraph.checkpoint.serde.base import SerializerProtocol
from langgraph.checkpoint.serde.encrypted import EncryptedSerializer

from carepath.errors import ConfigError
from carepath.settings import get_settings


def checkpoint_key() -> bytes | None:
    """The AES key for checkpoints, or None when encryption is not configured."""
    sec = get_settings().security
    if sec.checkpoint_key is not None:
        text, source = sec.checkpoint_key.get_secret_value(), "CAREPATH_SECURITY__CHECKPOINT_KEY"
    elif sec.checkpoint_key_file is not None:
        source = str(sec.checkpoint_key_file)
        try:
            text = sec.checkpoint_key_file.expanduser().read_text()
        except OSError as exc:
            raise ConfigError("cannot read the checkpoint key file", subject=source, why=exc.strerror,
                              fix="point CAREPATH_SECURITY__CHECKPOINT_KEY_FILE at a readable 0600 file") from None
    else:
        return None
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) not in (16, 24, 32):
        raise ConfigError("invalid checkpoint key", subject=source,
                          why="it must be base64 of 16, 24 or 32 random bytes (AES-128/192/256)",
                          fix="generate one as README 'Security' shows")
    return key


def checkpoint_serde() -> SerializerProtocol | None:
    """The serializer checkpointers use: encrypting when a key is configured,
    else None (the checkpointer's own default)."""
    key = checkpoint_key()
    return EncryptedSerializer.from_pycryptodome_aes(key=key) if key is not None else None
