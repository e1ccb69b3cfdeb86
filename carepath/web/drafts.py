"""The drafts API: submit a request, list and read drafts, sign one off.

Graph work runs in FastAPI's thread pool (plain ``def`` endpoints, or
``run_in_threadpool`` after an async upload) so the event loop keeps
answering polls while a draft is composed."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, UploadFile
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from carepath.audio import stream
from carepath.draft import ReviewDecision, SectionName
from carepath.errors import CarepathError, InputError
from carepath.access.policy import principal
from carepath.workflows.submitter import submitter_of
from carepath.settings import Settings
from carepath.web.access import Authorized, check_pacs_pull, pending_for, record_pull, thread
from carepath.web.auth import Identity
from carepath.web.deps import identity, max_upload_bytes, service, settings, upload_dir
from carepath.web.uploads import discard, save_upload
from carepath.workflows.delivery.pacs import pull_allowed
from carepath.workflows.request import DraftRequest
from carepath.workflows.service import Carepath, DraftOutcome
from carepath.workflows.threads import ThreadInfo

router = APIRouter(prefix="/v1")


class SignOffBody(BaseModel):
    """A reviewer's decision; the signer is the authenticated identity."""

    action: Literal["approve", "edit", "reject"]
    edits: dict[SectionName, str] = Field(default_factory=dict)
    reason: str | None = Field(None, max_length=4000)


class TextRequest(BaseModel):
    text: str = Field(min_length=1, max_length=20_000)


def outcome_json(out: DraftOutcome) -> dict[str, Any]:
    """The public draft shape, with output file names only (never server paths)."""
    data = out.public_json()
    data["outputs"] = {k: Path(v).name for k, v in out.outputs.items()}
    return data


def check_audio(path: Path, client_name: str) -> None:
    """Refuse a recording no decoder can read before a thread exists: the graph would turn it
    into an empty draft a reviewer must reject, and the client would get 201 for nothing.
    The stored upload is removed and the error names the client's file, not our path."""
    try:
        next(iter(stream(path)), None)
    except CarepathError as exc:
        path.unlink(missing_ok=True)
        raise InputError(exc.what, subject=client_name, why=exc.why,
                         fix=exc.fix or "send a WAV, FLAC, OGG or MP3 recording") from None


@router.post("/drafts", status_code=201, tags=["drafts"])
async def submit(text: str | None = Form(None, max_length=20_000),
                 study: list[UploadFile] = File(default=[]), audio: UploadFile | None = File(None),
                 document: list[UploadFile] = File(default=[]), fhir: UploadFile | None = File(None),
                 pacs: str | None = Form(None, max_length=2000,
                                         description="'dicomweb:URL' or 'dimse:AE@HOST:PORT' from the "
                                                     "server's allow-list (CAREPATH_PACS__ALLOWED)"),
                 study_uid: str | None = Form(None, max_length=64, pattern=r"^[0-9.]+$"),
                 patient_id: str | None = Form(None, max_length=64, description="patient identifier (MRN)"),
                 patient_id_issuer: str | None = Form(None, max_length=64),
                 accession: str | None = Form(None, max_length=64, description="accession number of the order"),
                 who: Identity = Depends(identity), svc: Carepath = Depends(service),
                 cfg: Settings = Depends(settings), dest: Path = Depends(upload_dir),
                 limit: int = Depends(max_upload_bytes)) -> dict[str, Any]:
    """Submit a request (multipart: text and/or audio, studies or a PACS reference, lab PDFs,
    a FHIR bundle). Runs to the sign-off gate and returns the draft."""
    studies = [await save_upload("study", f, dest, limit) for f in study]
    docs = [await save_upload("document", f, dest, limit) for f in document]
    audio_path = await save_upload("audio", audio, dest, limit) if audio else None
    if audio_path is not None:
        await run_in_threadpool(check_audio, audio_path, audio.filename or "audio")
    fhir_path = await save_upload("fhir", fhir, dest, limit) if fhir else None
    origin = pulled = None
    if pacs or study_uid:
        pulled = check_pacs_pull(who)
        folder, origin = await run_in_threadpool(pull_allowed, pacs, study_uid, cfg.pacs.allowed,
                                                 cfg.state_dir / "pacs")
        studies.append(folder)
    try:
        req = DraftRequest(text=text or None, audio=audio_path, studies=studies, documents=docs,
                           fhir=str(fhir_path) if fhir_path else None, pacs_origin=origin,
                           fields={"patient_id": patient_id, "patient_id_issuer": patient_id_issuer,
                                   "accession": accession})
    except ValueError as exc:
        raise HTTPException(422, detail={"what": "nothing to draft", "why": str(exc).splitlines()[-1],
                                         "fix": "send text or audio"}) from exc
    try:
        out = await run_in_threadpool(svc.draft, req, submitter_of(principal(who)))
    finally:
        discard([audio_path, *docs, fhir_path])
    if pulled is not None:
        await run_in_threadpool(record_pull, who, pulled, out)
    return outcome_json(out)


@router.post("/questions", status_code=201, tags=["drafts"])
def ask(body: TextRequest, who: Identity = Depends(identity),
        svc: Carepath = Depends(service)) -> dict[str, Any]:
    """A typed request as JSON (guideline questions); same result as /v1/drafts."""
    return outcome_json(svc.draft(DraftRequest(text=body.text), submitter_of(principal(who))))


@router.get("/drafts", tags=["drafts"])
def pending(infos: list[ThreadInfo] = Depends(pending_for)) -> list[dict[str, Any]]:
    """Drafts awaiting sign-off that the caller may see (``carepath.access.policy``)."""
    return [t.model_dump(mode="json") for t in infos]


@router.get("/drafts/{thread_id}", tags=["drafts"])
def get_draft(thread_id: str, auth: Authorized = Depends(thread("read"))) -> dict[str, Any]:
    """One draft, if the access policy allows (a reviewer may add ``break_glass_reason``)."""
    flag = {"break_glass": True} if auth.decision.break_glass else {}
    return outcome_json(DraftOutcome(**dict(auth.view))) | flag


@router.post("/drafts/{thread_id}/signoff", tags=["sign-off"])
def sign(thread_id: str, body: SignOffBody, who: Identity = Depends(identity),
         svc: Carepath = Depends(service), _: Authorized = Depends(thread("sign"))) -> dict[str, Any]:
    """Approve, edit (replacement text per section) or reject; signed as the caller."""
    try:
        decision = ReviewDecision(reviewer=who.name, reviewer_id=who.subject, action=body.action,
                                  edits=body.edits, reason=body.reason)
    except ValueError as exc:
        raise HTTPException(422, detail={"what": "incomplete decision",
                                         "why": str(exc).splitlines()[-1],
                                         "fix": "edit needs section text; reject needs a reason"}) from exc
    out = svc.sign(thread_id, decision)
    return outcome_json(out) | svc.deliver(out).to_json()
