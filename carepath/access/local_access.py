"""The access policy for the interfaces that are not HTTP: the CLI on a
shared host (``access.cli_identity``) and the MCP/LangChain agent tools
(``agent.identity``).

The same ``policy.authorize`` and the same ``access_audit.record`` as the
HTTP layer (``carepath.web.access``), so a configured identity gets exactly
the rules and the audit trail it would get over HTTP. The decision is taken
from the thread index row (its recorded submitter) before the thread's
checkpoint is opened: a refused caller gets nothing read, only an audit
record of the refusal.

With no identity configured (``who`` is None) nothing is checked or
recorded: that is the local OS user on their own single-user host, where
every draft in the state directory is theirs and the files are 0600 to
that user anyway (README "Security").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from carepath.access import access_audit
from carepath.access.policy import SIGNING, Action, Decision, Identity, authorize

if TYPE_CHECKING:  # types only: the service loads LangGraph; callers already hold one
    from carepath.workflows.service import Carepath
    from carepath.workflows.threads import ThreadInfo

__all__ = ["check_pacs_pull", "check_thread", "visible"]


def check_thread(who: Identity | None, svc: Carepath, thread_id: str, action: Action,
                 reason: str | None = None, *, break_glass: str, identity_setting: str) -> Decision | None:
    """Decide, audit, and refuse (``Forbidden``, naming the identity, what it
    lacks and the setting that configures it) or return the decision.
    ``break_glass`` says how this interface passes a reviewer's reason."""
    if who is None:
        return None
    if action in SIGNING and "reviewer" not in who.roles:
        # Refused on the role alone, before the thread is looked up: a
        # requester learns nothing about which drafts exist (as over HTTP).
        decision = authorize(who, action)
        access_audit.record(who, decision, thread_id)
    else:
        decision = authorize(who, action, svc.thread_info(thread_id), reason)
        if decision.allowed:
            access_audit.record(who, decision, thread_id, svc.view(thread_id))
        else:
            access_audit.record(who, decision, thread_id)   # nothing of the thread is read
    return decision.enforce(thread_id, who, break_glass=break_glass, identity_setting=identity_setting)


def visible(who: Identity | None, infos: list[ThreadInfo]) -> list[ThreadInfo]:
    """The index rows ``who`` may list (no break-the-glass on lists), decided
    from the rows alone: no thread is opened to filter a list."""
    if who is None:
        return list(infos)
    return [t for t in infos if authorize(who, "list", t).allowed]


def check_pacs_pull(who: Identity | None, *, identity_setting: str) -> Decision | None:
    """Refuse (audited) a PACS pull by an identity without the reviewer role
    or the ``pacs_pull`` permission; allowed pulls are audited by the caller
    once the thread they fed exists (``access_audit.record``)."""
    if who is None:
        return None
    decision = authorize(who, "pacs_pull")
    if not decision.allowed:
        access_audit.record(who, decision)
    return decision.enforce("PACS pull", who, identity_setting=identity_setting)
