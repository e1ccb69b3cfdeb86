"""Retention: patient files are deleted a set time after the thread that
used them was finalised (signed or rejected).

What goes: the thread's uploads and pulled studies (only those carepath
itself stored under ``<state_dir>/uploads`` and ``<state_dir>/pacs`` — a
file a CLI user drafted from is theirs, never deleted), its prepared images
in the artifact store (unless a thread that is kept uses the same image: the
store is content-addressed) and its outputs folder. Files in uploads/pacs
that no thread references and that are older than the TTL (an abandoned
upload) go too. What stays: the checkpoint (the signed record and its audit
trail) and every file of a thread not yet finalised, however old.

Each purged thread gets one audit record (``retention.purged``, with the
hashes of the inputs removed), so the log shows when PHI left the host's
disk and why.
"""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pydantic import BaseModel, Field

from carepath.errors import InputError, UnknownDraft
from carepath.settings import get_settings
from carepath.workflows.audit import AuditEntry, AuditLog
from carepath.workflows.finalize import outputs_dir
from carepath.workflows.service import Carepath
from carepath.workflows.thread_view import SIGNED, ThreadView

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
MANAGED_INPUTS = ("uploads", "pacs")


class PurgeReport(BaseModel):
    """What one purge removed (counts and opaque thread ids only)."""

    cutoff: str
    threads: list[str] = Field(default_factory=list, description="threads whose files were removed")
    kept_unfinalised: int = 0
    inputs: int = 0
    artifacts: int = 0
    outputs: int = 0
    orphans: int = 0
    bytes: int = 0
    dry_run: bool = False


def parse_duration(text: str) -> timedelta:
    """``30d``, ``12h``, ``90m``, ``2w``, ``45s`` (and sums such as ``1d12h``)."""
    parts = re.findall(r"(\d+)\s*([smhdw])", text.strip().lower())
    if not parts or re.sub(r"(\d+)\s*([smhdw])", "", text.strip().lower()).strip():
        raise InputError("invalid duration", subject=text, why="expected a number and a unit s/m/h/d/w",
                         fix="write e.g. 30d, 12h or 1d12h")
    return timedelta(seconds=sum(int(n) * _UNITS[u] for n, u in parts))


def _size(p: Path) -> int:
    if p.is_dir():
        return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
    return p.stat().st_size if p.exists() else 0


def _within(p: Path, root: Path) -> bool:
    return p.resolve().is_relative_to(root.resolve())


class _Plan:
    """Paths to remove, collected first so nothing a kept thread uses goes."""

    def __init__(self, state: Path) -> None:
        self.state = state
        self.roots = [state / r for r in MANAGED_INPUTS]
        self.store = state / "artifacts"
        self.kept: set[Path] = set()
        self.purged: set[Path] = set()

    def inputs(self, view: ThreadView) -> list[Path]:
        return [Path(i.path) for i in view.inputs
                if any(_within(Path(i.path), r) for r in self.roots)]

    def artifacts(self, view: ThreadView) -> list[Path]:
        refs = [a for r in view.results.values() for a in r.artifacts] + list(view.images().values())
        return [Path(a.path) for a in refs if _within(Path(a.path), self.store)]

    def keep(self, view: ThreadView) -> None:
        self.kept |= {p.resolve() for p in self.inputs(view) + self.artifacts(view)}

    def removable(self, paths: list[Path]) -> list[Path]:
        return [p for p in dict.fromkeys(paths) if p.resolve() not in self.kept and p.exists()]


def _finalised_at(info_updated: str) -> datetime:
    at = datetime.fromisoformat(info_updated)
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def purge(svc: Carepath, older_than: timedelta, *, actor: str = "cli:purge", dry_run: bool = False,
          now: datetime | None = None) -> PurgeReport:
    """Remove the files of threads finalised before ``now - older_than``;
    audited per thread. ``dry_run`` reports without deleting."""
    cutoff = (now or datetime.now(UTC)) - older_than
    plan = _Plan(get_settings().state_dir)
    report = PurgeReport(cutoff=cutoff.isoformat(), dry_run=dry_run)
    expired: list[ThreadView] = []
    for info in svc.index.list():
        try:
            view = svc.view(info.thread_id)
        except UnknownDraft:     # claimed, never checkpointed (crashed at intake): nothing stored
            continue
        if view.status in SIGNED and _finalised_at(info.updated_at) <= cutoff:
            expired.append(view)
        else:
            report.kept_unfinalised += view.status not in SIGNED
            plan.keep(view)
    entries = [e for view in expired if (e := _purge_thread(plan, view, report, actor, dry_run))]
    report.orphans = _purge_orphans(plan, cutoff, report, dry_run)
    if entries and not dry_run:
        AuditLog().append_many(entries)
    return report


def _purge_thread(plan: _Plan, view: ThreadView, report: PurgeReport, actor: str,
                  dry_run: bool) -> AuditEntry | None:
    inputs, artifacts = plan.removable(plan.inputs(view)), plan.removable(plan.artifacts(view))
    out = outputs_dir(view.thread_id)
    outputs = [out] if out.exists() else []
    if not (inputs or artifacts or outputs):
        return None          # already purged: no second audit record
    for p in inputs + artifacts + outputs:
        plan.purged.add(p.resolve())
        report.bytes += _size(p)
        if not dry_run:
            shutil.rmtree(p) if p.is_dir() else p.unlink()
    report.threads.append(view.thread_id)
    report.inputs += len(inputs)
    report.artifacts += len(artifacts)
    report.outputs += len(outputs)
    removed = {i.path: i.sha256 for i in view.inputs}
    hashes = {f"input:{n}": removed[str(p)] for n, p in enumerate(inputs) if str(p) in removed}
    return AuditEntry(thread_id=view.thread_id, actor=actor, action="retention.purged",
                      input_hashes=hashes)


def _purge_orphans(plan: _Plan, cutoff: datetime, report: PurgeReport, dry_run: bool) -> int:
    """Uploads and pulls no thread refers to, older than the TTL."""
    count = 0
    for root in plan.roots:
        if not root.is_dir():
            continue
        for p in sorted(root.iterdir()):
            if p.resolve() in plan.kept | plan.purged or any(k.is_relative_to(p.resolve()) for k in plan.kept):
                continue
            if datetime.fromtimestamp(p.stat().st_mtime, UTC) > cutoff:
                continue
            report.bytes += _size(p)
            count += 1
            if not dry_run:
                shutil.rmtree(p) if p.is_dir() else p.unlink()
    return count
