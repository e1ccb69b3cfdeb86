"""Uploads streamed to disk under the state directory, with a size limit and
a content-type check, written to a temp name and renamed only when complete —
an aborted or oversized upload leaves nothing behind."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from fastapi import HTTPException, UploadFile

CHUNK = 1 << 20
# What each field accepts: by content type, or by file name when clients send
# application/octet-stream (as curl and most DICOM tools do).
ACCEPT: dict[str, tuple[set[str], set[str]]] = {
    "study": ({"application/dicom", "application/zip", "application/x-zip-compressed",
               "application/octet-stream"}, {".dcm", ".zip", ""}),
    "audio": ({"audio/wav", "audio/x-wav", "audio/wave", "audio/flac", "audio/ogg", "audio/mpeg",
               "application/octet-stream"}, {".wav", ".flac", ".ogg", ".mp3"}),
    "document": ({"application/pdf", "application/octet-stream"}, {".pdf"}),
    "fhir": ({"application/json", "application/fhir+json", "application/octet-stream"}, {".json"}),
}


async def save_upload(field: str, upload: UploadFile, dest_dir: Path, max_bytes: int) -> Path:
    types, suffixes = ACCEPT[field]
    ctype = (upload.content_type or "application/octet-stream").split(";")[0].strip().lower()
    name = Path(upload.filename or field).name
    suffix = Path(name).suffix.lower()
    if ctype not in types or (ctype == "application/octet-stream" and suffix not in suffixes):
        raise HTTPException(415, detail={"what": f"unsupported {field} upload", "subject": name,
                                         "why": f"content type {ctype!r}",
                                         "fix": f"send one of {sorted(types - {'application/octet-stream'})}"})
    dest_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest_dir, prefix=".upload-", suffix=".part")
    h = hashlib.sha256()
    size = 0
    try:
        with os.fdopen(fd, "wb") as f:
            while chunk := await upload.read(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise HTTPException(413, detail={
                        "what": f"{field} upload too large", "subject": name,
                        "why": f"over {max_bytes // (1 << 20)} MiB",
                        "fix": "raise CAREPATH_SERVER__MAX_UPLOAD_MB or send a smaller file"})
                h.update(chunk)
                f.write(chunk)
        if size == 0:
            raise HTTPException(400, detail={"what": f"empty {field} upload", "subject": name,
                                             "fix": "attach the file's content"})
        final = dest_dir / f"{h.hexdigest()[:24]}{suffix or '.bin'}"
        os.replace(tmp, final)   # content-addressed: the same upload twice is the same file
        return final
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def discard(paths: list[Path | None]) -> None:
    """Remove upload copies the thread no longer needs once its draft phase is
    over: audio is transcribed, lab PDFs and FHIR bundles are read into the
    thread's results. Studies are kept (sign-off writes the SR and PDF into
    the study) until retention purges them."""
    for p in paths:
        if p is not None:
            p.unlink(missing_ok=True)
