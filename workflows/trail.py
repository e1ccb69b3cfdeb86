"""Audit hooks for the graph's nodes: one hash-chained record per step, with
opaque ids, input hashes and model/prompt versions only.

Nodes do not write the log themselves: each returns its entry in the state's
``audit`` list (checkpointed with the step, so never lost), and the check
node (before the sign-off pause) and finalize flush the unwritten entries in
one locked, fsynced append. That keeps one durable write per phase instead of
one per node.
"""

from __future__ import annotations

import re
from typing import Any

from carepath.workflows.audit import AuditEntry, AuditLog, now_ts

_TOKEN = re.compile(r"[^A-Za-z0-9._:@/+=-]")
_KEY = re.compile(r"[^a-z0-9_.:-]")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def _key(value: str) -> str:
    k = _KEY.sub("_", value.lower())[:64]
    return k if k[:1].isalpha() else f"k{k}"[:64]


def _token(value: str) -> str:
    t = _TOKEN.sub("_", value)[:200]
    return t if t and (t[0].isalnum() or t[0] in "/.") else f"x{t}"[:200]


def entry(state: dict[str, Any], *, actor: str, action: str,
          input_hashes: dict[str, str] | None = None,
          models: dict[str, str] | None = None, prompts: list[str] | None = None,
          decision: str | None = None) -> dict[str, Any]:
    """A validated audit entry as a plain dict, for the state's ``audit`` list."""
    e = AuditEntry(
        thread_id=state.get("thread_id") or "unknown", actor=actor, action=action,
        input_hashes={_key(k): v for k, v in (input_hashes or {}).items() if _HEX64.match(v)},
        model_versions={_key(k): _token(v) for k, v in (models or {}).items() if v},
        prompt_versions=[_token(p) for p in prompts or []], decision=decision, at=now_ts(),
    )
    return e.model_dump(mode="json")


def flush(state: dict[str, Any], extra: list[dict[str, Any]] | None = None) -> int:
    """Write the state's not-yet-written entries (plus ``extra``); returns the
    new count of written entries, to store as ``audit_flushed``."""
    pending = list(state.get("audit") or [])
    done = int(state.get("audit_flushed") or 0)
    todo = pending[done:] + list(extra or [])
    AuditLog().append_many([AuditEntry.model_validate(e) for e in todo])
    return len(pending) + len(extra or [])


def input_hashes(state: dict[str, Any]) -> dict[str, str]:
    return {f"{i['kind']}:{n}": i["sha256"] for n, i in enumerate(state.get("inputs", []))}
