"""`carepath serve` with the access checks switched off — for bench_authz.py only.

The product has no off-switch for authorization or the read-access audit, on
purpose: a setting that turns them off would be a setting someone turns off.
To measure what the checks cost, the bench starts the comparison server
through this wrapper instead, which replaces, in this process only and
before the app is built:

* the policy function (``authorize``, in ``carepath.access.policy`` and
  where ``carepath.web.access`` bound it) by one that allows everything;
* the access-audit writer (``carepath.access.access_audit.record``: the
  hash-chained record with its fsync, and the FHIR BALP AuditEvent line) by a
  no-op;
* the list filter (``carepath.web.access.visible``) by a pass-through, as
  the list was before object-level access (it looked up no thread per item).

Everything else — uvicorn, routing, token authentication, rate limiting,
reading the thread and rendering it — is the shipped code, so the
difference between the two servers is the checks and nothing else.

    python bench/authz_checks_off.py serve --port 8123   # same arguments as `carepath serve`
"""

from __future__ import annotations

import sys
from typing import Any

from carepath.access import access_audit, policy
from carepath.web import access, review


def allow_all(who: Any, action: str, thread: Any = None, reason: str | None = None) -> policy.Decision:
    return policy.Decision(allowed=True, action=action, why="checks off (bench)")


def no_audit(*args: Any, **kwargs: Any) -> None:
    return None


def everything(who: Any, svc: Any, infos: list[Any]) -> list[Any]:
    return infos


def switch_off() -> None:
    """Replace the checks (see the module docstring)."""
    policy.authorize = allow_all          # type: ignore[assignment]
    access.authorize = allow_all          # type: ignore[assignment]
    access_audit.record = no_audit        # type: ignore[assignment]
    access.visible = everything           # type: ignore[assignment]
    if hasattr(review, "visible"):
        review.visible = everything       # type: ignore[attr-defined]


if __name__ == "__main__":
    switch_off()
    from carepath.cli import main

    sys.exit(main(sys.argv[1:]))
