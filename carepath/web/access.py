"""The access policy as FastAPI dependencies: the one door every thread read,
download, export, sign-off, list and PACS pull of the HTTP layer goes
through (rules in ``carepath.access.policy``; audit in
``carepath.access.access_audit``). Handlers receive an ``Authorized``
thread view or a filtered list and never decide access themselves.

A reviewer's break-the-glass reason travels as the ``break_glass_reason``
query or form field; the answer then carries ``X-Carepath-Break-Glass: 1``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Depends, Query, Response

from carepath.access import access_audit
from carepath.access.policy import SIGNING, Action, Decision, authorize, principal
from carepath.web.auth import Identity
from carepath.web.deps import identity, service
from carepath.workflows.service import Carepath
from carepath.workflows.thread_view import ThreadView
from carepath.workflows.threads import ThreadInfo

BREAK_GLASS_HEADER = "X-Carepath-Break-Glass"


@dataclass(frozen=True)
class Authorized:
    """A thread the caller may act on, with the decision that allowed it."""

    view: ThreadView
    decision: Decision


def check_thread(who: Identity, svc: Carepath, thread_id: str, action: Action,
                 reason: str | None = None, response: Response | None = None) -> Authorized:
    """Decide, audit, and refuse (403) or hand back the view. Used by the API
    dependencies below and by the reviewer page (which answers unauthenticated
    users with a redirect, so it cannot use them directly)."""
    actor = principal(who)
    if action in SIGNING and "reviewer" not in actor.roles:
        # Refused on the role alone, before the thread is looked up: a
        # requester learns nothing about which drafts exist.
        refused = authorize(actor, action)
        access_audit.record(actor, refused, thread_id)
        refused.enforce(thread_id)
    view = svc.view(thread_id)   # UnknownDraft (404) for a thread that does not exist
    decision = authorize(actor, action, view, reason)
    access_audit.record(actor, decision, thread_id, view)
    decision.enforce(thread_id)
    if decision.break_glass and response is not None:
        response.headers[BREAK_GLASS_HEADER] = "1"
    return Authorized(view=view, decision=decision)


def thread(action: Action) -> Callable[..., Authorized]:
    """Dependency factory: ``Depends(thread("read"))`` on a route with a
    ``{thread_id}`` path parameter."""

    def dependency(thread_id: str, response: Response,
                   break_glass_reason: str | None = Query(None, max_length=500,
                                                          description="reviewer's reason to open a draft "
                                                                      "outside their groups (audited)"),
                   who: Identity = Depends(identity), svc: Carepath = Depends(service)) -> Authorized:
        return check_thread(who, svc, thread_id, action, break_glass_reason, response)

    return dependency


def visible(who: Identity, svc: Carepath, infos: list[ThreadInfo]) -> list[ThreadInfo]:
    """The threads of a list the caller may see (no break-the-glass on lists),
    decided from the index rows' submitters: no thread is opened to filter."""
    actor = principal(who)
    return [t for t in infos if authorize(actor, "list", svc.with_submitter(t)).allowed]


def pending_for(who: Identity = Depends(identity), svc: Carepath = Depends(service)) -> list[ThreadInfo]:
    """Dependency: the drafts awaiting sign-off that the caller may see."""
    return visible(who, svc, svc.pending())


def check_pacs_pull(who: Identity) -> Decision:
    """Refuse (403, audited) a PACS pull by a caller without the reviewer
    role or the ``pacs_pull`` permission."""
    actor = principal(who)
    decision = authorize(actor, "pacs_pull")
    if not decision.allowed:
        access_audit.record(actor, decision)
    return decision.enforce("PACS pull")


def record_pull(who: Identity, decision: Decision, view: ThreadView) -> None:
    """Audit an allowed PACS pull once the thread it fed exists."""
    access_audit.record(principal(who), decision, view.thread_id, view)
