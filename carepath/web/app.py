"""The HTTP service and the reviewer page, over the same ``Carepath`` service
the CLI uses.

Graph work runs in FastAPI's thread pool (plain ``def`` endpoints) so the
event loop keeps answering polls while a draft is composed; one service (one
checkpointer connection, shared safely by LangGraph's savers) per process.
Every carepath error becomes a JSON body ``{error, what, subject, why, fix}``
with a 4xx status; the process never dies on bad input.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import ExitStack, asynccontextmanager
from pathlib import Path
from typing import Any, Literal

from fastapi import Depends, FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from carepath.draft import Draft, ReviewDecision, SectionName, SignOff
from carepath.errors import CarepathError, InputError
from carepath.web.auth import Identity, TokenStore
from carepath.web.uploads import save_upload

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
COOKIE = "carepath_token"
FORMATS = {"fhir": ("fhir", "application/fhir+json"), "md": ("md", "text/markdown; charset=utf-8"),
           "html": ("html", "text/html; charset=utf-8"), "sr": ("sr", "application/dicom")}


class SignOffBody(BaseModel):
    """A reviewer's decision; the signer is the authenticated identity."""

    action: Literal["approve", "edit", "reject"]
    edits: dict[SectionName, str] = Field(default_factory=dict)
    reason: str | None = Field(None, max_length=4000)


_GENERIC_REFUSALS: dict[int, tuple[str, str]] = {
    400: ("unreadable request body", "send JSON or multipart/form-data as described in /openapi.json"),
    404: ("no such endpoint", "see /openapi.json for the endpoints"),
    405: ("method not allowed on this endpoint", "see /openapi.json for the methods of each endpoint"),
}


class TextRequest(BaseModel):
    text: str = Field(min_length=1, max_length=20_000)


def _check_audio(path: Path, client_name: str) -> None:
    """Refuse a recording no decoder can read before a thread exists: the graph would turn it
    into an empty draft a reviewer must reject, and the client would get 201 for nothing.
    The stored upload is removed and the error names the client's file, not our path."""
    from carepath.audio import stream

    try:
        next(iter(stream(path)), None)
    except CarepathError as exc:
        path.unlink(missing_ok=True)
        raise InputError(exc.what, subject=client_name, why=exc.why,
                         fix=exc.fix or "send a WAV, FLAC, OGG or MP3 recording") from None


def _status_for(exc: CarepathError) -> int:
    what = exc.what.lower()
    if "unknown draft" in what:
        return 404
    if "already signed" in what or "not waiting" in what:
        return 409
    return 400 if exc.exit_code == 4 else 500 if exc.exit_code == 3 else 422


def create_app() -> FastAPI:
    state: dict[str, Any] = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from carepath.settings import get_settings
        from carepath.workflows.service import open_service

        state["tokens"] = TokenStore.from_settings()
        state["settings"] = get_settings()
        with ExitStack() as stack:
            state["svc"] = stack.enter_context(open_service())
            yield

    app = FastAPI(title="carepath", version=_version(), lifespan=lifespan,
                  description="Cited draft reports that a clinician signs off. Drafts are never final "
                              "until a reviewer signs them.")

    @app.exception_handler(CarepathError)
    async def carepath_error(request: Request, exc: CarepathError) -> JSONResponse:
        return JSONResponse(exc.to_dict(), status_code=_status_for(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        # One error shape for clients: {what, subject, why, fix} at the top level, whether the
        # refusal came from the service (CarepathError), our HTTP layer (auth, uploads) or
        # Starlette itself (unknown route, wrong method, a body its parsers cannot read).
        if isinstance(exc.detail, dict):
            return JSONResponse(exc.detail, status_code=exc.status_code, headers=exc.headers)
        what, fix = _GENERIC_REFUSALS.get(exc.status_code, (str(exc.detail).lower(), "see /openapi.json"))
        return JSONResponse({"what": what, "subject": f"{request.method} {request.url.path}"[:300],
                             "why": str(exc.detail)[:500], "fix": fix},
                            status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def malformed(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return JSONResponse({"what": "malformed request", "subject": f"{request.method} {request.url.path}",
                             "why": f"{where}: {first.get('msg', 'invalid')}".strip(": "),
                             "fix": "see /openapi.json for the expected body", "errors": jsonable_encoder(errors)},
                            status_code=422)

    def identity(request: Request) -> Identity:
        header = request.headers.get("authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else request.cookies.get(COOKIE)
        who = state["tokens"].identify(token)
        if who is None:
            raise HTTPException(401, detail={"what": "not authenticated",
                                             "fix": "send Authorization: Bearer <token>"},
                                headers={"WWW-Authenticate": "Bearer"})
        return who

    def reviewer(who: Identity = Depends(identity)) -> Identity:
        if not who.can_sign():
            raise HTTPException(403, detail={"what": "only a reviewer can sign off", "subject": who.name,
                                             "fix": "use a token with the reviewer role"})
        return who

    def svc() -> Any:
        return state["svc"]

    def upload_dir() -> Path:
        return state["settings"].state_dir / "uploads"

    def max_bytes() -> int:
        return state["settings"].server.max_upload_mb << 20

    # -- API ---------------------------------------------------------------------------
    @app.post("/v1/drafts", status_code=201, tags=["drafts"])
    async def submit(text: str | None = Form(None, max_length=20_000),
                     study: list[UploadFile] = File(default=[]), audio: UploadFile | None = File(None),
                     document: list[UploadFile] = File(default=[]), fhir: UploadFile | None = File(None),
                     pacs: str | None = Form(None, max_length=2000,
                                             description="'dicomweb:URL' or 'dimse:AE@HOST:PORT' from the "
                                                         "server's allow-list (CAREPATH_PACS__ALLOWED)"),
                     study_uid: str | None = Form(None, max_length=64, pattern=r"^[0-9.]+$"),
                     who: Identity = Depends(identity)) -> dict[str, Any]:
        """Submit a request (multipart: text and/or audio, studies or a PACS reference, lab PDFs,
        a FHIR bundle). Runs to the sign-off gate and returns the draft."""
        from starlette.concurrency import run_in_threadpool

        from carepath.workflows.request import DraftRequest

        dest = upload_dir()
        studies = [await save_upload("study", f, dest, max_bytes()) for f in study]
        docs = [await save_upload("document", f, dest, max_bytes()) for f in document]
        audio_path = await save_upload("audio", audio, dest, max_bytes()) if audio else None
        if audio_path is not None:
            await run_in_threadpool(_check_audio, audio_path, audio.filename or "audio")
        fhir_path = await save_upload("fhir", fhir, dest, max_bytes()) if fhir else None
        origin = None
        if pacs or study_uid:
            folder, origin = await run_in_threadpool(_pull_allowed, pacs, study_uid, state["settings"])
            studies.append(folder)
        try:
            req = DraftRequest(text=text or None, audio=audio_path, studies=studies, documents=docs,
                               fhir=str(fhir_path) if fhir_path else None, pacs_origin=origin)
        except ValueError as exc:
            raise HTTPException(422, detail={"what": "nothing to draft", "why": str(exc).splitlines()[-1],
                                             "fix": "send text or audio"}) from exc
        out = await run_in_threadpool(svc().draft, req)
        return _outcome_json(out)

    @app.post("/v1/questions", status_code=201, tags=["drafts"])
    def ask(body: TextRequest, who: Identity = Depends(identity)) -> dict[str, Any]:
        """A typed request as JSON (guideline questions); same result as /v1/drafts."""
        from carepath.workflows.request import DraftRequest

        return _outcome_json(svc().draft(DraftRequest(text=body.text)))

    @app.get("/v1/drafts", tags=["drafts"])
    def pending(who: Identity = Depends(identity)) -> list[dict[str, Any]]:
        return [t.model_dump(mode="json") for t in svc().pending()]

    @app.get("/v1/drafts/{thread_id}", tags=["drafts"])
    def get_draft(thread_id: str, who: Identity = Depends(identity)) -> dict[str, Any]:
        return _outcome_json(svc().outcome(thread_id))

    @app.post("/v1/drafts/{thread_id}/signoff", tags=["sign-off"])
    def sign(thread_id: str, body: SignOffBody, who: Identity = Depends(reviewer)) -> dict[str, Any]:
        """Approve, edit (replacement text per section) or reject; signed as the caller."""
        try:
            decision = ReviewDecision(reviewer=who.name, action=body.action, edits=body.edits,
                                      reason=body.reason)
        except ValueError as exc:
            raise HTTPException(422, detail={"what": "incomplete decision",
                                             "why": str(exc).splitlines()[-1],
                                             "fix": "edit needs section text; reject needs a reason"}) from exc
        out = svc().sign(thread_id, decision)
        data = _outcome_json(out)
        data.update(_push_after_signing(svc(), out))
        return data

    @app.get("/v1/drafts/{thread_id}/outputs/{fmt}", tags=["outputs"])
    def output(thread_id: str, fmt: Literal["fhir", "md", "html", "sr"],
               who: Identity = Depends(identity)) -> Response:
        import tempfile

        ext, media = FORMATS[fmt]
        tmp = Path(tempfile.mkdtemp(prefix="carepath-export-"))
        path = svc().export(thread_id, fmt, tmp / f"report.{ext if fmt != 'sr' else 'dcm'}")
        data = path.read_bytes()
        shutil.rmtree(tmp, ignore_errors=True)
        return Response(data, media_type=media, headers={
            "Content-Disposition": f'attachment; filename="{thread_id}.{ext if fmt != "sr" else "dcm"}"'})

    @app.get("/v1/drafts/{thread_id}/images/{sha256}", tags=["outputs"])
    def image(thread_id: str, sha256: str, who: Identity = Depends(identity)) -> FileResponse:
        """An image this draft used (key image, overlay with boxes), by content hash."""
        refs = _thread_images(svc(), thread_id)
        ref = refs.get(sha256)
        if ref is None or not Path(ref["path"]).is_file():
            raise HTTPException(404, detail={"what": "no such image for this draft", "subject": sha256[:16]})
        return FileResponse(ref["path"], media_type=ref.get("media_type", "image/png"))

    # -- reviewer page -----------------------------------------------------------------
    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, error: str | None = None) -> Response:
        return TEMPLATES.TemplateResponse(request, "login.html", {"error": error})

    @app.post("/login", include_in_schema=False)
    def login(token: str = Form(...)) -> Response:
        if state["tokens"].identify(token) is None:
            return RedirectResponse("/login?error=unknown+token", status_code=303)
        resp = RedirectResponse("/", status_code=303)
        resp.set_cookie(COOKIE, token, httponly=True, samesite="strict")
        return resp

    def page_identity(request: Request) -> Identity | None:
        return state["tokens"].identify(request.cookies.get(COOKIE))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> Response:
        who = page_identity(request)
        if who is None:
            return RedirectResponse("/login", status_code=303)
        return TEMPLATES.TemplateResponse(request, "index.html", {"who": who, "drafts": svc().pending()})

    @app.post("/submit", include_in_schema=False)
    async def submit_page(request: Request, text: str = Form("", max_length=20_000),
                          study: UploadFile | None = File(None)) -> Response:
        from starlette.concurrency import run_in_threadpool

        from carepath.workflows.request import DraftRequest

        if page_identity(request) is None:
            return RedirectResponse("/login", status_code=303)
        studies = [await save_upload("study", study, upload_dir(), max_bytes())] \
            if study is not None and study.filename else []
        out = await run_in_threadpool(svc().draft, DraftRequest(text=text or None, studies=studies))
        return RedirectResponse(f"/review/{out.thread_id}", status_code=303)

    @app.get("/review/{thread_id}", response_class=HTMLResponse, include_in_schema=False)
    def review(request: Request, thread_id: str) -> Response:
        who = page_identity(request)
        if who is None:
            return RedirectResponse("/login", status_code=303)
        view, images, status = _review_view(svc(), thread_id)
        return TemplateResponse(request, "review.html", {"who": who, "view": view, "images": images,
                                                         "status": status, "thread_id": thread_id})

    @app.post("/review/{thread_id}", include_in_schema=False)
    async def review_sign(request: Request, thread_id: str) -> Response:
        from starlette.concurrency import run_in_threadpool

        who = page_identity(request)
        if who is None:
            return RedirectResponse("/login", status_code=303)
        if not who.can_sign():
            raise HTTPException(403, detail={"what": "only a reviewer can sign off", "subject": who.name})
        form = await request.form()
        action = str(form.get("action", ""))
        edits = {k[5:]: str(v) for k, v in form.items() if k.startswith("edit:") and str(v).strip()}
        if action == "edit":
            current = svc().outcome(thread_id).draft
            before = {s.name: " ".join(x.text for x in s.sentences) for s in (current.sections if current else [])}
            edits = {k: v for k, v in edits.items() if v.strip() != before.get(k, "").strip()}
        try:
            decision = ReviewDecision(reviewer=who.name, action=action, edits=edits,  # type: ignore[arg-type]
                                      reason=str(form.get("reason", "")) or None)
        except ValueError as exc:
            view, images, status = _review_view(svc(), thread_id)
            return TemplateResponse(request, "review.html", {
                "who": who, "view": view, "images": images, "status": status, "thread_id": thread_id,
                "error": str(exc).splitlines()[-1]}, status_code=422)
        signed = await run_in_threadpool(svc().sign, thread_id, decision)
        await run_in_threadpool(_push_after_signing, svc(), signed)
        return RedirectResponse(f"/review/{thread_id}", status_code=303)

    return app


def TemplateResponse(request: Request, name: str, ctx: dict[str, Any], status_code: int = 200) -> Response:
    resp = TEMPLATES.TemplateResponse(request, name, ctx, status_code=status_code)
    # Report text is data: no scripts, no inline handlers, nothing from elsewhere.
    resp.headers["Content-Security-Policy"] = ("default-src 'self'; script-src 'none'; object-src 'none'; "
                                               "style-src 'self' 'unsafe-inline'")
    return resp


def _push_after_signing(svc: Any, out: Any) -> dict[str, Any]:
    """A report drafted from a PACS study goes back to that PACS once signed.
    The signed outputs are already written, so a failed push loses nothing: it
    is reported with the command that retries it."""
    if out.status != "final":
        return {"pushed_to": None}
    from carepath.commands.pacs import push_signed, recorded_origin, retry_hint

    try:
        return {"pushed_to": push_signed(svc, out.thread_id)}
    except CarepathError as exc:
        return {"pushed_to": None, "push_error": exc.to_dict() | {
            "retry": retry_hint(out.thread_id, recorded_origin(svc, out.thread_id))}}


def _pull_allowed(pacs: str | None, study_uid: str | None, settings: Any) -> tuple[Path, str]:
    """Pull a study named by reference, only from a PACS on the allow-list: a
    web client must not be able to make the server fetch arbitrary URLs."""
    if not (pacs and study_uid):
        raise HTTPException(422, detail={"what": "a PACS study needs both pacs and study_uid",
                                         "fix": "send pacs=dicomweb:URL (from the allow-list) and study_uid"})
    allowed = [a.rstrip("/") for a in settings.pacs.allowed]
    if pacs.rstrip("/") not in allowed:
        raise HTTPException(403, detail={"what": "PACS not allowed", "subject": pacs,
                                         "why": "it is not in the server's allow-list",
                                         "fix": "ask the administrator to add it to CAREPATH_PACS__ALLOWED"})
    from carepath.tools.dicom.pacs import source_for

    src = source_for(pacs)
    folder = src.materialize_study(study_uid, settings.state_dir / "pacs")
    return folder, src.origin.as_string()


def _version() -> str:
    import carepath

    return carepath.__version__


def _outcome_json(out: Any) -> dict[str, Any]:
    from carepath.commands.workflow import draft_json

    data = draft_json(out)
    data["outputs"] = {k: Path(v).name for k, v in out.outputs.items()}
    return data


def _state_values(svc: Any, thread_id: str) -> dict[str, Any]:
    snap = svc.graph.get_state(svc._config(thread_id))
    if not snap.values:
        svc.outcome(thread_id)  # raises the "unknown draft" error
    return snap.values


def _thread_images(svc: Any, thread_id: str) -> dict[str, dict[str, Any]]:
    values = _state_values(svc, thread_id)
    out: dict[str, dict[str, Any]] = {}
    for r in (values.get("results") or {}).values():
        for a in r.get("artifacts", []):
            if str(a.get("media_type", "")).startswith("image/"):
                out[a["sha256"]] = a
        for f in r.get("findings", []):
            for ev in f.get("evidence", []):
                a = ev.get("artifact")
                if a and str(a.get("media_type", "")).startswith("image/"):
                    out[a["sha256"]] = a
    return out


def _review_view(svc: Any, thread_id: str) -> tuple[Any, list[dict[str, Any]], str]:
    from carepath.evidence import SkillResult
    from carepath.workflows.outputs.render import report_view

    values = _state_values(svc, thread_id)
    out = svc.outcome(thread_id)
    if not values.get("draft"):
        raise CarepathError("draft not ready", subject=thread_id, why=f"status {out.status}")
    draft = Draft.model_validate(values["draft"])
    signoff = SignOff.model_validate(values["signoff"]) if values.get("signoff") else None
    results = {k: SkillResult.model_validate(r) for k, r in (values.get("results") or {}).items()}
    images = list(_thread_images(svc, thread_id).values())[:4]   # key images first, overlays included
    return report_view(draft, signoff, results), images, out.status
