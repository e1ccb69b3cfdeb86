"""What a user asks for, validated at the door, and the references to it that
travel through the graph.

The graph state only ever holds ``InputRef``s (kind, path, content hash):
never pixels or audio samples. Hashes make every step's audit record
reproducible and let a batch recognise a study it already drafted.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from carepath.context.request_fields import RequestFields
from carepath.errors import InputError

InputKind = Literal["audio", "study", "prior", "document", "fhir", "slide"]
MAX_TEXT = 20_000


class DraftRequest(BaseModel):
    """One request: typed text and/or dictated audio, plus what it is about."""

    text: str | None = Field(None, max_length=MAX_TEXT)
    audio: Path | None = None
    studies: list[Path] = Field(default_factory=list)
    prior: Path | None = None
    documents: list[Path] = Field(default_factory=list)
    fhir: str | None = Field(None, description="FHIR bundle path or FHIR server base URL")
    slides: list[Path] = Field(default_factory=list)
    pacs_origin: str | None = Field(
        None, description="dicomweb:URL or dimse:AE@HOST:PORT the studies were pulled from; "
                          "sign-off pushes the signed SR back there")
    fields: RequestFields = Field(default_factory=RequestFields,
                                  description="patient/order fields the user states (--patient-id, --accession)")

    @model_validator(mode="after")
    def _something_to_do(self) -> DraftRequest:
        if not (self.text and self.text.strip()) and self.audio is None:
            raise ValueError("a request needs --text or --audio")
        if self.prior is not None and not self.studies:
            raise ValueError("--prior needs a current --study to compare with")
        return self


class InputRef(BaseModel):
    kind: InputKind
    path: str
    sha256: str
    size: int
    files: int = 1
    origin: str | None = None  # PACS the study came from (not part of the request key)


def _hash_path(path: Path) -> tuple[str, int, int]:
    """Content hash of a file, or of a folder's files in sorted relative order."""
    h = hashlib.sha256()
    total, count = 0, 0
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for f in files:
        if path.is_dir():
            h.update(str(f.relative_to(path)).encode() + b"\0")
        with open(f, "rb") as fh:
            while block := fh.read(1 << 20):
                h.update(block)
                total += len(block)
        count += 1
    return h.hexdigest(), total, count


def reference(kind: InputKind, path: Path | str) -> InputRef:
    p = Path(path).expanduser()
    if not p.exists():
        raise InputError(f"{kind} input not found", subject=str(p),
                         why="no such file or folder", fix="check the path and try again")
    if not os.access(p, os.R_OK):
        raise InputError(f"{kind} input not readable", subject=str(p),
                         why="permission denied", fix="make the file readable by this user")
    digest, size, count = _hash_path(p)
    if count == 0:
        raise InputError(f"{kind} input is empty", subject=str(p),
                         why="the folder holds no files", fix="point at the study folder itself")
    return InputRef(kind=kind, path=str(p.resolve()), sha256=digest, size=size, files=count)


def references(req: DraftRequest) -> list[InputRef]:
    refs: list[InputRef] = []
    if req.audio is not None:
        refs.append(reference("audio", req.audio))
    refs += [reference("study", s).model_copy(update={"origin": req.pacs_origin}) for s in req.studies]
    if req.prior is not None:
        refs.append(reference("prior", req.prior))
    refs += [reference("document", d) for d in req.documents]
    refs += [reference("slide", s) for s in req.slides]
    if req.fhir:
        if req.fhir.startswith(("http://", "https://")):
            refs.append(InputRef(kind="fhir", path=req.fhir,
                                 sha256=hashlib.sha256(req.fhir.encode()).hexdigest(), size=0, files=0))
        else:
            refs.append(reference("fhir", req.fhir))
    return refs


def request_key(text: str | None, refs: list[InputRef], fields: RequestFields | None = None) -> str:
    """Stable identity of a request: same text + same input contents (+ same
    stated patient/order fields, when any) → same key. Fields join the key
    only when given, so a request without them keeps the key it always had,
    and a study re-drafted with a --patient-id is a new thread, not the old
    one without it."""
    h = hashlib.sha256((text or "").strip().encode())
    for r in sorted(refs, key=lambda r: (r.kind, r.sha256)):
        h.update(f"|{r.kind}:{r.sha256}".encode())
    stated = fields.model_dump(mode="json", exclude_none=True) if fields is not None else {}
    if stated:
        h.update(("|fields:" + json.dumps(stated, sort_keys=True)).encode())
    return h.hexdigest()
