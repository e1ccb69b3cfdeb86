"""Amending a signed report: a new version with its own outputs.

Where versions live: in the thread's own checkpointed state, as an
``amendments`` list (``thread_view.Amendment`` dumps) written by the service
with ``graph.update_state(..., as_node="finalize")`` after the graph has
ended. Why there and not in the thread index: the checkpoint is the one
owner of thread state (the index is a lookup table of ids and statuses), so
every interface reads versions through the same ``ThreadView``; it is
encrypted at rest like the rest of the report; and each amendment is a new
checkpoint, so LangGraph's history keeps every earlier state. The graph
itself is not re-run: the sign-off gate is for the AI draft, an amendment is
a signed human act on the signed text.

Each version's files go to ``outputs/<thread>/v<n>/`` (file names tagged
``-v<n>`` as well), so version 1's outputs are never overwritten; the new
signed SR names the previous signed SR as its predecessor, the FHIR report is
``amended``/``corrected`` with a Provenance naming the version it replaces,
and the ORU carries OBR-25 = C.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from carepath.draft import ReviewDecision, SignOff
from carepath.errors import InvalidRequest, NotAmendable
from carepath.workflows.finalize import outputs_dir
from carepath.workflows.outputs import write_all
from carepath.workflows.outputs.fhir import Revision
from carepath.workflows.signoff import build_signoff
from carepath.workflows.thread_view import Amendment, ThreadView


class AmendRequest(ReviewDecision):
    """What a reviewer sends to amend: who, the replaced sections, why, and
    whether it corrects an error (``corrected``) or adds to the report
    (``amended``)."""

    action: Literal["edit"] = "edit"
    correct: bool = False


def check_amendable(view: ThreadView, req: AmendRequest) -> SignOff:
    """The latest sign-off to amend; a typed refusal (nothing changed) when
    the report was never signed, was rejected, or the request is empty."""
    previous = view.latest_signoff
    if view.status != "final" or previous is None:
        why = ("it was rejected; a rejected draft has no report to replace" if view.status == "rejected"
               else f"its status is {view.status}; only a signed report can be amended")
        raise NotAmendable("report cannot be amended", subject=view.thread_id, why=why,
                           fix=f"sign it first: carepath sign {view.thread_id} --reviewer NAME --edit FILE"
                           if view.status != "rejected" else "start a new draft")
    if not (req.reason or "").strip():
        raise InvalidRequest("an amendment needs a reason", subject=view.thread_id,
                             fix="say why the signed report changes (--reason TEXT; the reason field "
                                 "on the reviewer page or in the API body)")
    if not any(v.strip() for v in req.edits.values()):
        raise InvalidRequest("an amendment needs replacement text", subject=view.thread_id,
                             fix="change at least one section (--edit FILE with '## Findings' / "
                                 "'## Impression' sections; the section text on the reviewer page)")
    return previous


def write_amendment(view: ThreadView, req: AmendRequest) -> Amendment:
    """Build the new version's sign-off (diffs against the previous signed
    text) and write its outputs into their own folder."""
    previous = check_amendable(view, req)
    if view.draft is None:
        raise NotAmendable("report cannot be amended", subject=view.thread_id, why="the thread has no draft")
    version = view.version + 1
    status: Literal["amended", "corrected"] = "corrected" if req.correct else "amended"
    signed_text = view.draft.model_copy(update={"sections": previous.final_sections or view.draft.sections})
    decision = ReviewDecision(reviewer=req.reviewer, action="edit", edits=req.edits, reason=req.reason)
    signoff = build_signoff(signed_text, decision)
    revision = Revision(version=version, status=status, reason=(req.reason or "").strip()[:4000])
    prior_sr = view.latest_outputs.get("sr")
    out_dir = outputs_dir(view.thread_id) / f"v{version}"
    outputs = write_all(view.model_copy(update={"signoff": signoff}), out_dir, revision=revision,
                        predecessor=Path(prior_sr) if prior_sr and Path(prior_sr).is_file() else None)
    return Amendment(version=version, status=status, reason=revision.reason, signoff=signoff, outputs=outputs)
