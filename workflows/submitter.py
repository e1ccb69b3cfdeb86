"""Who asked for a thread, as the thread records it at submit time.

Kept beside the thread view (``Submitter``) rather than in the access policy:
the service records the submitter of every draft, and the policy, which sits
above the workflow layer, only reads it."""

from __future__ import annotations

import getpass

from carepath.security.configured_identity import cli_identity
from carepath.security.jwt_auth import Identity
from carepath.workflows.thread_view import Submitter


def submitter_of(who: Identity) -> Submitter:
    """What a thread records about who asked for it, at submit time."""
    return Submitter(id=who.subject, name=who.display_name, groups=list(who.groups))


def local_submitter() -> Submitter:
    """The submitter of a CLI/MCP/batch draft: the configured CLI identity,
    else the local OS user (``local:<login>``, no groups)."""
    who = cli_identity()
    if who is not None:
        return submitter_of(who)
    try:
        login = getpass.getuser()
    except (KeyError, OSError):   # no passwd entry (containers)
        login = "unknown"
    return Submitter(id=f"local:{login}", name=login)
