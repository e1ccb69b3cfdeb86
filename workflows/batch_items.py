"""The unit of a batch: one study entry, found by its headers, drafted up to
the sign-off pause, recorded as one result file. Shared by every batch engine
(local processes in ``batch``, Ray in ``ray_engine``).

A study is an entry of the batch folder (a sub-folder, a zip or a DICOM
file) identified by its Study Instance UID plus the request text. The draft
itself is keyed by the service's ``request_key`` (request text + content
hashes of the inputs) with a UNIQUE constraint in the thread index, so a
batch that is killed and re-run — or retried on another worker — continues
the same thread instead of drafting the study twice. Results are written
to ``--out`` atomically (temp file, fsync, rename): a crash leaves either the
old file or the new one, never half of one.

One item's failure is recorded with its reason and never stops the others.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from carepath.atomic import write_json
from carepath.errors import CarepathError, InputError
from carepath.tools.dicom.study import open_studies
from carepath.workflows.request import DraftRequest

DEFAULT_TEXT = "Draft the report for this study."
SUMMARY = "batch-summary.json"


class BatchItem(BaseModel):
    key: str = Field(description="stable: sha256 of Study Instance UID + request text")
    study: str
    study_uid: str | None = None
    text: str = DEFAULT_TEXT


class SectionText(BaseModel):
    """A draft section as plain text: enough to triage a batch's output
    without opening the review UI (the signed report is exported later)."""

    name: str
    text: str


class BatchResult(BaseModel):
    key: str
    study: str
    status: Literal["drafted", "skipped", "failed"]
    thread_id: str | None = None
    intent: str | None = None
    reason: str | None = None
    warnings: list[str] = Field(default_factory=list)
    seconds: float = 0.0
    sections: list[SectionText] = Field(default_factory=list,
                                        description="the draft awaiting sign-off (per-study file only)")
    evidence: list[str] = Field(default_factory=list, description="cited guideline passages, '[n] title §section'")


def item_key(study_uid: str, text: str) -> str:
    return hashlib.sha256(f"{study_uid}\n{text.strip()}".encode()).hexdigest()


def _entries(source: Path) -> Iterator[Path]:
    """Each child of the batch folder is one study; hidden files and our own
    outputs are not studies."""
    for p in sorted(source.iterdir()):
        if p.name.startswith(".") or p.name == SUMMARY:
            continue
        yield p


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return 0.0


def discover_items(source: Path, text: str = DEFAULT_TEXT) -> tuple[list[BatchItem], list[BatchResult]]:
    """Studies in ``source`` (headers only), and the entries that are not
    usable studies, each with its reason. Two entries holding the same study
    become one item."""
    if not source.is_dir():
        raise InputError("batch folder not found", subject=str(source),
                         fix="pass a folder whose entries are studies (folders, zips or DICOM files)")
    items: dict[str, BatchItem] = {}
    failed: list[BatchResult] = []
    for entry in _entries(source):
        try:
            with open_studies(entry) as ss:
                uids = [s.study_instance_uid for s in ss.studies]
                problems = ss.problems
        except CarepathError as exc:
            failed.append(BatchResult(key=hashlib.sha256(entry.name.encode()).hexdigest(), study=entry.name,
                                      status="failed", reason=exc.one_line()))
            continue
        if not uids:
            why = problems[0] if problems else "no DICOM study found"
            failed.append(BatchResult(key=hashlib.sha256(entry.name.encode()).hexdigest(), study=entry.name,
                                      status="failed", reason=f"not a usable study: {why}"))
            continue
        if len(set(uids)) > 1:
            # One entry is one study: drafting several studies as one request would
            # mix their images in one report.
            failed.append(BatchResult(key=hashlib.sha256(entry.name.encode()).hexdigest(), study=entry.name,
                                      status="failed",
                                      reason=f"holds {len(set(uids))} studies; put each study in its own "
                                             "folder or zip inside the batch folder"))
            continue
        key = item_key(uids[0], text)
        # Two entries of one study (a zip and its folder; two PACS pulls of a study whose
        # images changed, each kept under its content): the newest is the one to draft.
        if key not in items or _mtime(entry) > _mtime(Path(items[key].study)):
            items[key] = BatchItem(key=key, study=str(entry), study_uid=uids[0], text=text)
    return list(items.values()), failed


def run_item(service: Any, item: BatchItem) -> BatchResult:
    """Draft one study up to the sign-off pause (idempotent)."""
    t0 = time.perf_counter()
    name = Path(item.study).name
    try:
        out = service.draft(DraftRequest(text=item.text, studies=[Path(item.study)]))
    except CarepathError as exc:
        return BatchResult(key=item.key, study=name, status="failed", reason=exc.one_line(),
                           seconds=round(time.perf_counter() - t0, 3))
    except Exception as exc:  # noqa: BLE001 - one study's bug must not stop the batch
        return BatchResult(key=item.key, study=name, status="failed",
                           reason=f"internal error ({type(exc).__name__}); the study can be retried",
                           seconds=round(time.perf_counter() - t0, 3))
    status = "skipped" if out.reused else "drafted"
    if out.status not in ("awaiting_signoff", "final", "rejected"):
        status, reason = "failed", f"draft stopped in status {out.status}"
    else:
        reason = "already drafted" if out.reused else None
    sections, evidence = _draft_digest(out.draft)
    return BatchResult(key=item.key, study=name, status=status, thread_id=out.thread_id,
                       intent=out.intent, reason=reason, warnings=out.warnings[:5],
                       seconds=round(time.perf_counter() - t0, 3), sections=sections, evidence=evidence)


def _draft_digest(draft: Any) -> tuple[list[SectionText], list[str]]:
    if draft is None:
        return [], []
    sections = [SectionText(name=str(s.name), text=s.text) for s in draft.sections]
    evidence = [f"[{c.n}] {c.title} §{c.section}" for c in draft.citations]
    return sections, evidence


SUMMARY_FIELDS = {"sections", "evidence"}  # per-study files carry the draft; the batch summary stays small


def write_result(out_dir: Path, result: BatchResult) -> Path:
    """One file per study, named by its stable key, replaced whole (a re-run
    rewrites it with the same thread)."""
    return write_json(out_dir / f"{result.key[:20]}.json", result.model_dump(mode="json"))
