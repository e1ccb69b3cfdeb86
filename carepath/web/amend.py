"""The amendments API: a new version of a signed report, signed as the caller
(``POST /v1/drafts/{id}/amend``; the CLI's ``carepath amend``). Who may amend
is the access policy's (``amend`` is a signing action); where versions live
is the service's (``workflows.amendments``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field

from carepath.draft import SectionName
from carepath.web.access import Authorized, thread
from carepath.web.auth import Identity
from carepath.web.deps import identity, service
from carepath.workflows.service import AmendRequest, Carepath

router = APIRouter(prefix="/v1")


class AmendBody(BaseModel):
    """Replacement text per section, why the signed report changes, and
    whether this corrects an error (``corrected``) or adds to it (``amended``)."""

    edits: dict[SectionName, str] = Field(min_length=1)
    reason: str = Field(min_length=1, max_length=4000)
    correct: bool = False


@router.post("/drafts/{thread_id}/amend", tags=["sign-off"])
def amend(thread_id: str, body: AmendBody, who: Identity = Depends(identity),
          svc: Carepath = Depends(service), _: Authorized = Depends(thread("amend"))) -> dict[str, Any]:
    """Issue version n+1 of a signed report; earlier versions' files are kept."""
    try:
        req = AmendRequest(reviewer=who.name, reviewer_id=who.subject, edits=body.edits,
                           reason=body.reason, correct=body.correct)
    except ValueError as exc:
        raise HTTPException(422, detail={"what": "incomplete amendment", "why": str(exc).splitlines()[-1],
                                         "fix": "send replacement text for at least one section"}) from exc
    latest = svc.amend(thread_id, req).amendments[-1]
    return {"thread_id": thread_id, "version": latest.version, "status": latest.status,
            "outputs": {k: Path(v).name for k, v in latest.outputs.items()}}
