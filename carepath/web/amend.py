"""Amending a signed report over HTTP: ``POST /v1/drafts/{id}/amend`` and
the reviewer page's amend form (``web.review``) both go through
``amend_as``, so the two cannot drift apart. Who may amend is the access
policy's (``amend`` is a signing action, checked by ``web.access``); where
versions live is the service's (``workflows.amendments``); the CLI's
``carepath amend`` calls the same service method."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from carepath.draft import SectionName
from carepath.errors import InvalidRequest
from carepath.web.access import Authorized, thread
from carepath.web.auth import Identity
from carepath.web.deps import identity, service
from carepath.workflows.service import AmendRequest, Carepath
from carepath.workflows.thread_view import Amendment

router = APIRouter(prefix="/v1")


class AmendBody(BaseModel):
    """Replacement text per section, why the signed report changes, and
    whether this corrects an error (``corrected``) or adds to it (``amended``)."""

    edits: dict[SectionName, str] = Field(min_length=1)
    reason: str = Field(min_length=1, max_length=4000)
    correct: bool = False


def amend_as(svc: Carepath, thread_id: str, who: Identity, edits: dict[str, str], reason: str,
             correct: bool) -> Amendment:
    """Version n+1 of a signed report, signed as ``who`` (already authorized
    for ``amend``). Refusals are typed ``CarepathError``s and change nothing:
    an incomplete request (no text, no reason, an unknown section) is
    ``InvalidRequest`` (422), a report never signed ``NotAmendable`` (409)."""
    try:
        req = AmendRequest(reviewer=who.name, reviewer_id=who.subject, edits=edits,  # type: ignore[arg-type]
                           reason=reason, correct=correct)
    except ValueError as exc:
        raise InvalidRequest("incomplete amendment", subject=thread_id, why=str(exc).splitlines()[-1].strip(),
                             fix="send replacement text for at least one section and a reason") from None
    return svc.amend(thread_id, req).amendments[-1]


def amendment_json(thread_id: str, latest: Amendment) -> dict[str, Any]:
    """The new version as the API answers it (output file names, never server paths)."""
    return {"thread_id": thread_id, "version": latest.version, "status": latest.status,
            "outputs": {k: Path(v).name for k, v in latest.outputs.items()}}


@router.post("/drafts/{thread_id}/amend", tags=["sign-off"])
def amend(thread_id: str, body: AmendBody, who: Identity = Depends(identity),
          svc: Carepath = Depends(service), _: Authorized = Depends(thread("amend"))) -> dict[str, Any]:
    """Issue version n+1 of a signed report; earlier versions' files are kept."""
    return amendment_json(thread_id, amend_as(svc, thread_id, who, dict(body.edits), body.reason, body.correct))
