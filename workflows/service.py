"""The Python API every interface uses (CLI, HTTP, MCP, batch): start a draft,
list and show drafts, sign one off, export outputs, deliver a signed report.

The service owns thread state: it is the only reader of the checkpointed
graph state for interfaces, and hands out ``ThreadView``s (one typed view,
built by ``thread_view``), never raw state or its own configuration.

Idempotent by request: the same text + the same input contents map to one
thread, so re-running a command or a batch after a crash continues that
thread instead of drafting the study twice.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, Literal

from langgraph.types import Command

from carepath.atomic import write_bytes
from carepath.draft import ReviewDecision
from carepath.errors import AlreadySigned, CarepathError, InputError, NotAwaitingSignoff, UnknownDraft
from carepath.workflows.submitter import local_submitter
from carepath.workflows.amendments import AmendRequest, write_amendment
from carepath.workflows.audit import AuditEntry, AuditLog, now_ts, sha256_hex
from carepath.workflows.care_context import probe_inputs
from carepath.workflows.checkpoint import open_checkpointer
from carepath.workflows.delivery import Delivery
from carepath.workflows.delivery.pacs import push_objects, push_sr, retry_hint
from carepath.workflows.delivery.report import PushResult, PushTargets, send_report
from carepath.workflows.graph import build_graph
from carepath.workflows.outputs import write_all
from carepath.workflows.request import DraftRequest, references, request_key
from carepath.workflows.signoff import check_signable
from carepath.workflows.thread_view import Submitter, ThreadView, thread_view
from carepath.workflows.threads import ThreadIndex, ThreadInfo, thread_index
from carepath.workflows.trail import entry, flush

ExportFormat = Literal["fhir", "sr", "md", "html"]


class DraftOutcome(ThreadView):
    """A thread as an interface reports it: the view plus whether this call
    found the request already drafted (``reused``)."""

    reused: bool = False

    def public_json(self) -> dict[str, Any]:
        """The JSON shape the CLI (``--json``) and the HTTP API return; a public
        contract documented in README."""
        d = self.draft
        return {
            "thread_id": self.thread_id, "status": self.status, "intent": self.intent,
            "transcript": self.transcript,
            "draft": d.model_dump(mode="json", include={"draft_id", "sections", "evidence_ids",
                                                        "models", "prompt_templates"}) if d else None,
            "citations": [c.model_dump(mode="json") for c in self.citations],
            "warnings": self.warnings,
            "route": self.route.model_dump(mode="json") if self.route else None,
            "context": self.context.model_dump(mode="json") if self.context else None,
            "reused": self.reused,
            **self.report_json(),   # report_status, version, amended, amendments
        }


def unknown_draft(thread_id: str) -> UnknownDraft:
    return UnknownDraft("unknown draft", subject=thread_id, why="no draft has this thread id",
                        fix="list drafts with `carepath review`")


class Carepath:
    def __init__(self, checkpointer: Any, skills: Mapping[str, Any] | None = None,
                 index: ThreadIndex | None = None) -> None:
        self.graph = build_graph(checkpointer, skills=skills)  # type: ignore[arg-type]
        self.index = index or thread_index()

    @staticmethod
    def _config(thread_id: str) -> dict[str, Any]:
        return {"configurable": {"thread_id": thread_id}}

    def draft(self, req: DraftRequest, submitter: Submitter | None = None) -> DraftOutcome:
        """Run ``req`` to the sign-off gate. ``submitter`` (default: the CLI
        identity or the local OS user) is recorded on the thread for the access
        policy and is part of its key, so two people sending the same request
        get two threads and never each other's."""
        refs = references(req)
        who = submitter or local_submitter()
        key = sha256_hex(f"{request_key(req.text, refs, req.fields)}|submitter:{who.id}")
        # Headers read once, before a thread exists: two patients in one request are
        # refused here (ContextConflictError) and leave nothing drafted behind.
        probe = probe_inputs(refs, req.fields)
        info = self.index.claim(uuid.uuid4().hex, key, submitter=who)
        snapshot = self.graph.get_state(self._config(info.thread_id))
        reused = bool(snapshot.values)
        # Finished means no task left at all. `snapshot.next` alone is not enough: a
        # process killed after a node's writes were saved but before the next
        # checkpoint leaves a task whose result is stored, so `next` is empty
        # while the run is not over (invoke(None) applies those writes and goes on).
        if reused and not snapshot.tasks:
            return self.outcome(info.thread_id, reused=True)        # already finished
        if reused and snapshot.interrupts:
            return self.outcome(info.thread_id, reused=True)        # waiting for a reviewer
        initial = None if reused else {
            "thread_id": info.thread_id, "request_key": key, "request_text": req.text,
            "inputs": [r.model_dump(mode="json") for r in refs], "results": {},
            "warnings": probe.warnings, **probe.state(), "submitter": who.model_dump(mode="json"),
        }
        self.graph.invoke(initial, self._config(info.thread_id))   # None resumes a crashed run
        out = self.outcome(info.thread_id, reused=reused)
        self.index.update(info.thread_id, status=out.status, intent=out.intent)
        return out

    def view(self, thread_id: str) -> ThreadView:
        """The thread as one typed view; ``UnknownDraft`` when no thread has this id."""
        snap = self.graph.get_state(self._config(thread_id))
        if not snap.values:
            raise unknown_draft(thread_id)
        return thread_view(snap.values, thread_id=thread_id, interrupted=bool(snap.interrupts))

    def outcome(self, thread_id: str, reused: bool = False) -> DraftOutcome:
        view = self.view(thread_id)
        return DraftOutcome(**dict(view), reused=reused)

    def export(self, thread_id: str, fmt: ExportFormat, out: Path) -> Path:
        """Write one output of a draft (unsigned: the draft versions; signed:
        the final ones) to ``out``."""
        view = self.view(thread_id)
        if view.draft is None:
            raise unknown_draft(thread_id)
        final = view.signoff is not None and view.signoff.status == "final"
        key = {"fhir": "fhir", "md": "md", "html": "html", "sr": "sr" if final else "sr_draft"}[fmt]
        if view.amendments:
            # An amended report is its latest version, exactly as written and pushed.
            latest = view.latest_outputs.get(key)
            if latest is None or not Path(latest).is_file():
                raise InputError(f"no {fmt} output for the latest version", subject=thread_id,
                                 why="that version wrote none", fix="export fhir, md or html")
            out.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(out, Path(latest).read_bytes())
            return out
        tmp = Path(tempfile.mkdtemp(prefix="carepath-export-"))
        try:
            paths = write_all(view, tmp)
            if key not in paths:
                raise InputError("no DICOM SR for this draft", subject=thread_id,
                                 why="it has no imaging study", fix="export fhir, md or html")
            out.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(out, Path(paths[key]).read_bytes())
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return out

    def pending(self) -> list[ThreadInfo]:
        """Drafts awaiting sign-off, from the index (submitter included, for
        the access policy); only a row written before submitters were indexed
        opens its thread, once."""
        return [self.with_submitter(t) for t in self.index.list(status="awaiting_signoff")]

    def thread_info(self, thread_id: str) -> ThreadInfo:
        """The index row of a thread (who submitted it), without opening its
        checkpoint; ``UnknownDraft`` when no thread has this id."""
        info = self.index.get(thread_id)
        if info is None:
            raise unknown_draft(thread_id)
        return self.with_submitter(info)

    def with_submitter(self, info: ThreadInfo) -> ThreadInfo:
        """``info`` with its submitter: as indexed, or (a row from before the
        submitter column) read from the thread once and written to the index."""
        if info.submitter_known:
            return info
        submitter = self.view(info.thread_id).submitter
        self.index.set_submitter(info.thread_id, submitter)
        return info.model_copy(update={"submitter": submitter, "submitter_known": True})

    def sign(self, thread_id: str, decision: ReviewDecision) -> DraftOutcome:
        current = self.view(thread_id)
        if current.signed:
            raise AlreadySigned("draft already signed off", subject=thread_id,
                                why=f"its status is {current.status}; a signed report is never re-signed",
                                fix="start a new draft for a new version")
        if current.status != "awaiting_signoff":
            raise NotAwaitingSignoff("draft is not waiting for sign-off", subject=thread_id,
                                     why=f"its status is {current.status}",
                                     fix="re-run `carepath draft` with the same request to finish it")
        if current.draft is not None:
            check_signable(current.draft, decision, thread_id)   # nothing changes when refused
        self.graph.invoke(Command(resume=decision.model_dump(mode="json")), self._config(thread_id))
        out = self.outcome(thread_id)
        self.index.update(thread_id, status=out.status)
        return out

    # -- delivery ------------------------------------------------------------------------
    def push(self, thread_id: str, to: str | None = None) -> str | None:
        """Send the signed SR of ``thread_id`` to ``to`` or, by default, the PACS
        its study came from; returns where it went, or None when there is
        nowhere to send it."""
        view = self.view(thread_id)
        target = to or view.origin
        if target is None:
            return None
        if view.status != "final":
            raise InputError("only a signed report is pushed to a PACS", subject=thread_id,
                             why=f"its status is {view.status}",
                             fix=f"sign it first: carepath sign {thread_id} --reviewer NAME --approve")
        kept = [Path(p) for k in ("sr", "pdf_dicom") if (p := view.latest_outputs.get(k))]
        if kept and all(p.is_file() for p in kept):   # the signed SR + its Encapsulated PDF, as kept
            return push_objects(kept, target)
        with tempfile.TemporaryDirectory() as tmp:
            sr = self.export(thread_id, "sr", Path(tmp) / "sr-signed.dcm")
            return push_sr(sr, target)

    def push_report(self, thread_id: str, targets: PushTargets) -> list[PushResult]:
        """Send the latest signed version to each destination named (FHIR
        server, RIS over MLLP, PACS); a failure is returned with its retry
        command, never raised, so the other destinations still get it. Each
        attempt is an audit entry (opaque ids only: no endpoint, no content)."""
        view = self.view(thread_id)
        if view.status != "final" or view.latest_signoff is None:
            raise InputError("only a signed report can be pushed", subject=thread_id,
                             why=f"its status is {view.status}",
                             fix=f"sign it first: carepath sign {thread_id} --reviewer NAME --edit FILE")
        results = send_report(view, targets)
        AuditLog().append_many([AuditEntry(
            thread_id=thread_id, actor="service:push", at=now_ts(),
            action=f"push.{r.kind}.v{r.version}.{'failed' if r.error else 'sent'}") for r in results])
        return results

    def amend(self, thread_id: str, req: AmendRequest) -> ThreadView:
        """A new version of a signed report (see ``workflows.amendments`` for
        where versions live and why). Refusals change nothing: the outputs
        are written and the audit entry flushed before the state records
        the version, and a refused request writes neither."""
        snap = self.graph.get_state(self._config(thread_id))
        if not snap.values:
            raise unknown_draft(thread_id)
        state = dict(snap.values)
        amendment = write_amendment(thread_view(state, thread_id=thread_id), req)
        signed = entry(state, actor=f"reviewer:{req.reviewer}", action=f"signoff.{amendment.status}",
                       decision="edit")
        flushed = flush(state, [signed])
        self.graph.update_state(self._config(thread_id), {
            "amendments": [*(state.get("amendments") or []), amendment.model_dump(mode="json")],
            "audit": [signed], "audit_flushed": flushed}, as_node="finalize")
        self.index.update(thread_id, status="final")   # updated_at: retention counts from the latest signing
        return self.view(thread_id)

    def deliver(self, out: ThreadView) -> Delivery:
        """After sign-off: a report drafted from a PACS study goes back to that
        PACS. The signed outputs are already written, so a failed push loses
        nothing: it is reported with the command that retries it."""
        if out.status != "final":
            return Delivery(thread_id=out.thread_id)
        try:
            return Delivery(thread_id=out.thread_id, pushed_to=self.push(out.thread_id))
        except CarepathError as exc:
            return Delivery(thread_id=out.thread_id, error=exc, retry=retry_hint(out.thread_id, out.origin))


@contextmanager
def open_service(skills: Mapping[str, Any] | None = None) -> Iterator[Carepath]:
    with ExitStack() as stack:
        saver = stack.enter_context(open_checkpointer())
        yield Carepath(saver, skills=skills)
