"""The identities carepath acts as when no person logs in: the configured CLI
identity on a shared host and the identity agent tools (MCP, LangChain) act
as. Read from settings only, below the workflow layer, so the service can
record who submitted a draft without importing the access policy that sits
above it (``carepath.access.policy``)."""

from __future__ import annotations

from carepath.security.jwt_auth import Identity
from carepath.settings import get_settings


def cli_identity() -> Identity | None:
    """The configured CLI identity (``access.cli_identity``) on a shared host;
    None means the local OS user acts unrestricted, as before."""
    cfg = get_settings().access
    if not cfg.cli_identity:
        return None
    return Identity(subject=cfg.cli_identity, display_name=cfg.cli_identity,
                    roles=list(cfg.cli_roles), groups=list(cfg.cli_groups))


def agent_identity() -> Identity | None:
    """The identity MCP/LangChain tools act as: ``agent.identity`` (default
    role requester: an agent reads its own drafts and never signs), else the
    CLI identity (the tools run as that shared-host user), else None (the
    local OS user's own single-user host, unrestricted as before)."""
    cfg = get_settings().agent
    if not cfg.identity:
        return cli_identity()
    return Identity(subject=cfg.identity, display_name=cfg.identity, roles=list(cfg.roles),
                    groups=list(cfg.groups))
