"""A draft's outputs (FHIR, Markdown, HTML, DICOM SR) and the images it used."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import FileResponse, Response

from carepath.web.access import Authorized, thread
from carepath.web.deps import service
from carepath.workflows.service import Carepath

router = APIRouter(prefix="/v1/drafts/{thread_id}", tags=["outputs"])

FORMATS = {"fhir": ("fhir", "application/fhir+json"), "md": ("md", "text/markdown; charset=utf-8"),
           "html": ("html", "text/html; charset=utf-8"), "sr": ("dcm", "application/dicom")}


@router.get("/outputs/{fmt}")
def output(thread_id: str, fmt: Literal["fhir", "md", "html", "sr"],
           auth: Authorized = Depends(thread("export")), svc: Carepath = Depends(service)) -> Response:
    ext, media = FORMATS[fmt]
    tmp = Path(tempfile.mkdtemp(prefix="carepath-export-"))
    try:
        data = svc.export(thread_id, fmt, tmp / f"report.{ext}").read_bytes()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return Response(data, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{thread_id}.{ext}"'})


@router.get("/images/{sha256}")
def image(thread_id: str, sha256: str, auth: Authorized = Depends(thread("read"))) -> FileResponse:
    """An image this draft used (key image, overlay with boxes), by content hash."""
    ref = auth.view.images().get(sha256)
    if ref is None or not Path(ref.path).is_file():
        raise HTTPException(404, detail={"what": "no such image for this draft", "subject": sha256[:16]})
    return FileResponse(ref.path, media_type=ref.media_type or "image/png")
