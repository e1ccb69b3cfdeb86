"""Who may do what to which thread: the one access policy.

Every interface (HTTP API, reviewer page, CLI on a shared host) asks
``authorize`` before it lists, reads, downloads, exports, signs, amends or
pulls from a PACS; none decides on its own, so the rules below are the whole
model (README "Security"):

- a **requester** sees and reads their own submissions and those of their
  groups, and nothing else; they cannot sign, amend or pull from a PACS;
- a **reviewer** sees the drafts of the groups they review: their identity's
  groups, or ``access.reviewer_groups`` when it names none (``*`` = every
  group, the single-host default), plus their own submissions;
- **break-the-glass**: a reviewer may open (read, not list) a draft outside
  their scope by giving a typed reason; it is allowed, flagged on the
  decision and audited (``carepath.access.access_audit``);
- a **PACS pull** needs the reviewer role or the explicit ``pacs_pull``
  permission (a role name), because it makes the server fetch a study.

The policy is a pure function of the identity, the action and the thread's
recorded submitter, so it is cheap (no I/O) and testable without a server.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from carepath.errors import Forbidden
from carepath.security.jwt_auth import Identity
from carepath.settings import get_settings
from carepath.workflows.thread_view import Submitter, ThreadView
from carepath.workflows.threads import ThreadInfo

Action = Literal["list", "read", "export", "sign", "amend", "pacs_pull", "submit"]
THREAD_ACTIONS = ("list", "read", "export", "sign", "amend")
SIGNING = ("sign", "amend")
ALL_GROUPS = "*"
PACS_PERMISSION = "pacs_pull"
MAX_REASON = 500

__all__ = ["Action", "Decision", "Identity", "authorize", "principal"]


class Decision(BaseModel):
    """The answer, with why (a fixed phrase, never PHI) for the audit and the
    refusal message."""

    allowed: bool
    action: str
    why: str
    break_glass: bool = False
    reason: str | None = Field(None, description="the reviewer's break-the-glass reason, as typed")
    what: str | None = Field(None, description="the refusal's headline, when not the generic one")

    def enforce(self, subject: str, who: Identity | None = None, break_glass: str = "?break_glass_reason=...",
                identity_setting: str | None = None) -> Decision:
        """Raise ``Forbidden`` (403) when refused; return self otherwise.
        ``who`` names the refused identity in the message (the CLI and agent
        tools, where the caller may not know which identity is configured),
        ``break_glass`` how that interface passes a reason and
        ``identity_setting`` where that identity is configured."""
        if not self.allowed:
            fix = (f"a reviewer may open it with a break-the-glass reason ({break_glass})"
                   if self.action in ("read", "export") else "ask a reviewer of this draft's group")
            if identity_setting:
                fix += f"; this identity is configured by {identity_setting}"
            what = self.what or f"not allowed to {self.action} this draft"
            why = self.why
            if who is not None:
                what = f"identity {who.subject!r}: {what}"
                why = (f"{self.why} (roles: {', '.join(who.roles) or 'none'}; "
                       f"groups: {', '.join(who.groups) or 'none'})")
            raise Forbidden(what, subject=subject, why=why, fix=fix)
        return self


def principal(who: Any) -> Identity:
    """The policy's identity from any authenticated caller: a provider
    ``Identity`` as is, or the HTTP layer's identity (``subject``, ``name``,
    ``role``, ``groups``; the web layer imports this module, not the reverse)."""
    if isinstance(who, Identity):
        return who
    return Identity(subject=getattr(who, "subject", "") or who.name, display_name=who.name,
                    roles=[who.role], groups=list(getattr(who, "groups", []) or []))


def _review_scope(who: Identity) -> set[str]:
    return set(who.groups) if who.groups else set(get_settings().access.reviewer_groups)


def _in_scope(who: Identity, sub: Submitter | None, reviewer: bool) -> tuple[bool, str]:
    if sub is not None and sub.id == who.subject:
        return True, "own submission"
    if reviewer:
        scope = _review_scope(who)
        if ALL_GROUPS in scope:
            return True, "reviewer of every group"
        if sub is not None and scope & set(sub.groups):
            return True, "reviewer of the submitter's group"
        return False, "draft outside the groups this reviewer reviews"
    if sub is not None and set(who.groups) & set(sub.groups):
        return True, "submission of the requester's group"
    return False, "draft submitted by someone outside the requester's groups"


def authorize(who: Identity, action: Action, thread: ThreadView | ThreadInfo | None = None,
              reason: str | None = None) -> Decision:
    """May ``who`` do ``action`` (to ``thread``)? ``reason`` is a reviewer's
    break-the-glass justification for reading a draft outside their scope.
    ``thread`` is the thread or its index row: only its submitter counts, so
    a list is decided from the index without opening any checkpoint."""
    reviewer = "reviewer" in who.roles
    if action == "submit":
        return Decision(allowed=True, action=action, why="any authenticated identity may submit")
    if action == "pacs_pull":
        ok = reviewer or PACS_PERMISSION in who.roles
        return Decision(allowed=ok, action=action,
                        why="reviewer role" if reviewer else ("pacs_pull permission" if ok else
                                                              "PACS pulls need the reviewer role or "
                                                              "the pacs_pull permission"))
    if action in SIGNING and not reviewer:
        return Decision(allowed=False, action=action, why="only a reviewer signs or amends",
                        what="only a reviewer can sign off")
    if thread is None:
        return Decision(allowed=False, action=action, why="no thread given")
    ok, why = _in_scope(who, thread.submitter, reviewer)
    if ok:
        return Decision(allowed=True, action=action, why=why)
    text = (reason or "").strip()[:MAX_REASON]
    if reviewer and text and action != "list":
        return Decision(allowed=True, action=action, why="break-the-glass", break_glass=True, reason=text)
    return Decision(allowed=False, action=action, why=why)
