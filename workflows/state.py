"""The graph state: small, JSON-serialisable, references only.

Every value is a plain dict/list/str (pydantic models dumped in JSON mode) so
checkpoints are portable across processes and versions and stay a few KB per
study: images, volumes and audio live in the artifact store and appear here as
hashes and paths. Read it back typed through ``thread_view.thread_view``.
"""

from __future__ import annotations

import operator
from typing import Annotated, Any

from typing_extensions import TypedDict


def merge_dicts(left: dict[str, Any] | None, right: dict[str, Any] | None) -> dict[str, Any]:
    """Parallel skill nodes each add their own key; none overwrites another's."""
    out = dict(left or {})
    out.update(right or {})
    return out


class WorkflowState(TypedDict, total=False):
    thread_id: str
    request_key: str
    request_text: str | None
    inputs: list[dict[str, Any]]              # InputRef dumps
    study_modalities: dict[str, list[str]]    # input path -> modalities found in headers
    transcript: dict[str, Any] | None         # Transcript dump (audio requests)
    text: str                                 # effective request text (typed or transcribed)
    route: dict[str, Any]                     # Route dump
    results: Annotated[dict[str, dict[str, Any]], merge_dicts]  # skill -> SkillResult dump
    citations: list[dict[str, Any]]           # Citation dumps (G<n>)
    draft: dict[str, Any] | None              # Draft dump, after the evidence check
    decision: dict[str, Any] | None           # ReviewDecision dump
    signoff: dict[str, Any] | None            # SignOff dump
    status: str                               # awaiting_signoff | final | rejected
    outputs: dict[str, str]                   # format -> path
    warnings: Annotated[list[str], operator.add]
    audit: Annotated[list[dict[str, Any]], operator.add]   # AuditEntry dumps, in step order
    audit_flushed: int                                     # how many of them are in the log
    context: dict[str, Any] | None            # patient/order/study context (clinical data, never logged)
    submitter: dict[str, Any] | None          # thread_view.Submitter dump (who asked for the draft)
    amendments: list[dict[str, Any]]          # thread_view.Amendment dumps (versions 2.., after sign-off)
