"""The reviewer page: the pending list, a submit form, and one draft with its
evidence, citations, key images and the sign-off form. Pages read the thread
through the service's one view, like the API and the CLI."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from carepath.draft import ReviewDecision, Section
from carepath.errors import CarepathError, NoClinicalContent
from carepath.web.auth import Identity
from carepath.access.policy import principal
from carepath.workflows.submitter import submitter_of
from carepath.web.access import check_thread, visible
from carepath.web.amend import amend_as
from carepath.web.deps import max_upload_bytes, page_identity, service, upload_dir
from carepath.web.pages import render_page
from carepath.web.session import require_csrf
from carepath.web.uploads import save_upload
from carepath.workflows.outputs.render import report_view
from carepath.workflows.outputs.report_state import report_sections
from carepath.workflows.request import DraftRequest
from carepath.workflows.service import Carepath
from carepath.workflows.thread_view import ThreadView

router = APIRouter(include_in_schema=False)
MAX_IMAGES = 4   # key images first, overlays included
GLASS_FIELD = "break_glass_reason"
MAX_GLASS_REASON = 500   # as the GET's query parameter
OUTPUT_LINKS = {"fhir": "FHIR", "html": "HTML", "md": "Markdown", "sr": "DICOM SR"}   # web.outputs serves these


def _to_login() -> Response:
    return RedirectResponse("/login", status_code=303)


def _glass_reason(request: Request, form: Any) -> str | None:
    """The break-the-glass reason of a form post: the form's hidden field (the
    page puts it there), else the query; at most 500 characters, as on GET."""
    text = str(form.get(GLASS_FIELD) or request.query_params.get(GLASS_FIELD) or "").strip()
    if len(text) > MAX_GLASS_REASON:
        raise HTTPException(422, detail={"what": "break-the-glass reason too long", "subject": GLASS_FIELD,
                                         "why": f"{len(text)} characters, at most {MAX_GLASS_REASON}",
                                         "fix": "open the page again with a shorter reason"})
    return text or None


def _back_to_page(thread_id: str, glass: str | None) -> Response:
    """After a post, the page again; opened with the same reason (else an
    out-of-scope reviewer would be refused the page they just signed)."""
    query = f"?{urlencode({GLASS_FIELD: glass})}" if glass else ""
    return RedirectResponse(f"/review/{thread_id}{query}", status_code=303)


def signed_sections(view: ThreadView) -> list[Section]:
    """The text of the latest signed version (what an amendment replaces);
    none unless the report is signed final."""
    if view.status != "final" or view.draft is None:
        return []
    return report_sections(view.draft, view.latest_signoff)


def _section_text(sec: Section) -> str:
    return " ".join(x.text for x in sec.sentences)


def review_context(svc: Carepath, thread_id: str, who: Identity, glass: str | None = None) -> dict[str, Any]:
    """The page shows the latest version: after an amendment, its text, its
    status and number, and links that serve its outputs (``Carepath.export``).
    ``glass`` is the reviewer's break-the-glass reason the page was opened
    with; its forms carry it back so the sign-off or amendment is decided (and
    audited) as break-the-glass too, instead of refused."""
    view = svc.view(thread_id)
    if view.draft is None:
        raise CarepathError("draft not ready", subject=thread_id, why=f"status {view.status}")
    return {"who": who, "view": report_view(view.draft, view.latest_signoff, view.results, view.context),
            "editable": view.review_sections(),
            "amendable": [(sec.name, _section_text(sec)) for sec in signed_sections(view)],
            "report": view.report_json(),
            "links": {k: v for k, v in OUTPUT_LINKS.items() if k != "sr" or "sr" in view.latest_outputs},
            "images": list(view.images().values())[:MAX_IMAGES], "status": view.status,
            "thread_id": thread_id, "glass": glass}


@router.get("/", response_class=HTMLResponse)
def index(request: Request, svc: Carepath = Depends(service)) -> Response:
    who = page_identity(request)
    if who is None:
        return _to_login()
    return render_page(request, "index.html", {"who": who, "drafts": visible(who, svc, svc.pending())})


@router.post("/submit")
async def submit_page(request: Request, text: str = Form("", max_length=20_000),
                      study: UploadFile | None = File(None), svc: Carepath = Depends(service)) -> Response:
    who = page_identity(request)
    if who is None:
        return _to_login()
    await require_csrf(request)
    studies = [await save_upload("study", study, upload_dir(request), max_upload_bytes(request))] \
        if study is not None and study.filename else []
    out = await run_in_threadpool(svc.draft, DraftRequest(text=text or None, studies=studies),
                                  submitter_of(principal(who)))
    return RedirectResponse(f"/review/{out.thread_id}", status_code=303)


@router.get("/review/{thread_id}", response_class=HTMLResponse)
def review(request: Request, thread_id: str, svc: Carepath = Depends(service),
           break_glass_reason: str | None = Query(None, max_length=MAX_GLASS_REASON)) -> Response:
    who = page_identity(request)
    if who is None:
        return _to_login()
    check_thread(who, svc, thread_id, "read", break_glass_reason)
    return render_page(request, "review.html", review_context(svc, thread_id, who, break_glass_reason))


def _form_edits(form: Any) -> dict[str, str]:
    """The non-blank ``edit:<section>`` fields of a form (blank never deletes a section)."""
    return {k[5:]: str(v) for k, v in form.items() if k.startswith("edit:") and str(v).strip()}


def _changed(edits: dict[str, str], before: dict[str, str]) -> dict[str, str]:
    """Only the sections the reviewer actually changed count as edits: the
    forms pre-fill every section with the text being replaced."""
    return {k: v for k, v in edits.items() if v.strip() != before.get(k, "").strip()}


def _changed_edits(svc: Carepath, thread_id: str, edits: dict[str, str]) -> dict[str, str]:
    """Sign form: edits against the draft's text."""
    current = svc.view(thread_id).draft
    return _changed(edits, {s.name: " ".join(x.text for x in s.sentences)
                            for s in (current.sections if current else [])})


async def _posted_form(request: Request, svc: Carepath, thread_id: str,
                       action: str) -> Response | tuple[Identity, Any, str | None]:
    """What every form the page posts goes through first: a logged-in page
    session (else the login page), the CSRF token, the form parsed once, the
    break-the-glass reason, and the access check for ``action``."""
    who = page_identity(request)
    if who is None:
        return _to_login()
    await require_csrf(request)
    form = await request.form()   # parsed once (require_csrf read it already)
    glass = _glass_reason(request, form)
    await run_in_threadpool(check_thread, who, svc, thread_id, action, glass)
    return who, form, glass


@router.post("/review/{thread_id}")
async def review_sign(request: Request, thread_id: str, svc: Carepath = Depends(service)) -> Response:
    posted = await _posted_form(request, svc, thread_id, "sign")
    if isinstance(posted, Response):
        return posted
    who, form, glass = posted
    action = str(form.get("action", ""))
    edits = _form_edits(form)
    if action == "edit":
        edits = _changed_edits(svc, thread_id, edits)
    try:
        decision = ReviewDecision(reviewer=who.name, reviewer_id=who.subject, action=action,
                                  edits=edits, reason=str(form.get("reason", "")) or None)  # type: ignore[arg-type]
    except ValueError as exc:
        ctx = review_context(svc, thread_id, who, glass) | {"error": str(exc).splitlines()[-1]}
        return render_page(request, "review.html", ctx, status_code=422)
    try:
        signed = await run_in_threadpool(svc.sign, thread_id, decision)
    except NoClinicalContent as exc:   # the page says what to do; nothing was signed
        ctx = review_context(svc, thread_id, who, glass) | {"error": exc.one_line()}
        return render_page(request, "review.html", ctx, status_code=exc.http_status)
    await run_in_threadpool(svc.deliver, signed)
    return _back_to_page(thread_id, glass)


def _amend_edits(svc: Carepath, thread_id: str, form: Any) -> dict[str, str]:
    """Amend form: edits against the latest signed text."""
    return _changed(_form_edits(form), {sec.name: _section_text(sec) for sec in signed_sections(svc.view(thread_id))})


@router.post("/review/{thread_id}/amend")
async def review_amend(request: Request, thread_id: str, svc: Carepath = Depends(service)) -> Response:
    """The page's amend form: the same authorization (``check_thread``,
    action ``amend``) and the same service call (``web.amend.amend_as``) as
    ``POST /v1/drafts/{id}/amend``. A refusal re-renders the page with the
    reason and the reviewer's typed text; nothing is changed."""
    posted = await _posted_form(request, svc, thread_id, "read")   # else refused like GET
    if isinstance(posted, Response):
        return posted
    who, form, glass = posted
    reason, correct = str(form.get("reason", "")), str(form.get("kind", "amended")) == "corrected"
    try:
        await run_in_threadpool(check_thread, who, svc, thread_id, "amend", glass)
        edits = _amend_edits(svc, thread_id, form)
        await run_in_threadpool(amend_as, svc, thread_id, who, edits, reason, correct)
    except CarepathError as exc:
        typed = {k[5:]: str(v) for k, v in form.items() if k.startswith("edit:")}
        ctx = review_context(svc, thread_id, who, glass) | {
            "amend_error": exc.one_line(), "typed": typed, "typed_reason": reason, "typed_correct": correct}
        return render_page(request, "review.html", ctx, status_code=exc.http_status)
    return _back_to_page(thread_id, glass)
