"""The Python API every interface uses (CLI, HTTP, MCP, batch): start a draft,
list and show drafts, sign one off, export outputs.

Idempotent by request: the same text + the same input contents map to one
thread, so re-running a command or a batch after a crash continues that
thread instead of drafting the study twice.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from typing import Any

from langgraph.types import Command
from pydantic import BaseModel, Field

from carepath.draft import Draft, ReviewDecision
from carepath.errors import InputError
from carepath.workflows.checkpoint import open_checkpointer
from carepath.workflows.graph import build_graph
from carepath.workflows.request import DraftRequest, references, request_key
from carepath.workflows.threads import ThreadIndex, ThreadInfo, thread_index


class DraftOutcome(BaseModel):
    thread_id: str
    status: str
    intent: str
    transcript: dict[str, Any] | None = None
    draft: Draft | None = None
    citations: list[dict[str, Any]] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    route: dict[str, Any] | None = None
    outputs: dict[str, str] = Field(default_factory=dict)
    reused: bool = False


class Carepath:
    def __init__(self, checkpointer: Any, skills: Mapping[str, Any] | None = None,
                 index: ThreadIndex | None = None) -> None:
        self.graph = build_graph(checkpointer, skills=skills)  # type: ignore[arg-type]
        self.index = index or thread_index()

    @staticmethod
    def _config(thread_id: str) -> dict[str, Any]:
        return {"configurable": {"thread_id": thread_id}}

    def draft(self, req: DraftRequest) -> DraftOutcome:
        refs = references(req)
        key = request_key(req.text, refs)
        info = self.index.claim(uuid.uuid4().hex, key)
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
            "inputs": [r.model_dump(mode="json") for r in refs], "results": {}, "warnings": [],
        }
        self.graph.invoke(initial, self._config(info.thread_id))   # None resumes a crashed run
        out = self.outcome(info.thread_id, reused=reused)
        self.index.update(info.thread_id, status=out.status, intent=out.intent)
        return out

    def outcome(self, thread_id: str, reused: bool = False) -> DraftOutcome:
        snap = self.graph.get_state(self._config(thread_id))
        v = snap.values
        if not v:
            raise InputError("unknown draft", subject=thread_id, why="no draft has this thread id",
                             fix="list drafts with `carepath review`")
        status = v.get("status") or "running"
        if snap.interrupts:
            status = "awaiting_signoff"
        return DraftOutcome(
            thread_id=thread_id, status=status, intent=(v.get("route") or {}).get("intent", "unknown"),
            transcript=v.get("transcript"),
            draft=Draft.model_validate(v["draft"]) if v.get("draft") else None,
            citations=(v.get("draft") or {}).get("citations", []),
            warnings=list(dict.fromkeys(v.get("warnings", []))), route=v.get("route"),
            outputs=v.get("outputs", {}), reused=reused,
        )

    def export(self, thread_id: str, fmt: str, out: Path) -> Path:
        """Write one output of a draft (unsigned: the draft versions; signed:
        the final ones) to ``out``."""
        import shutil
        import tempfile

        from carepath.draft import SignOff
        from carepath.evidence import SkillResult
        from carepath.workflows.finalize import write_all

        snap = self.graph.get_state(self._config(thread_id))
        v = snap.values
        if not v or not v.get("draft"):
            raise InputError("unknown draft", subject=thread_id, why="no draft has this thread id",
                             fix="list drafts with `carepath review`")
        draft = Draft.model_validate(v["draft"])
        signoff = SignOff.model_validate(v["signoff"]) if v.get("signoff") else None
        results = {k: SkillResult.model_validate(r) for k, r in (v.get("results") or {}).items()}
        key = {"fhir": "fhir", "md": "md", "html": "html",
               "sr": "sr" if signoff is not None and signoff.status == "final" else "sr_draft"}[fmt]
        with tempfile.TemporaryDirectory() as tmp:
            paths = write_all(draft, signoff, results, v, out=Path(tmp))
            if key not in paths:
                raise InputError("no DICOM SR for this draft", subject=thread_id,
                                 why="it has no imaging study", fix="export fhir, md or html")
            from carepath.atomic import write_bytes

            out.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(out, Path(paths[key]).read_bytes())
            shutil.rmtree(tmp, ignore_errors=True)
        return out

    def pending(self) -> list[ThreadInfo]:
        return self.index.list(status="awaiting_signoff")

    def sign(self, thread_id: str, decision: ReviewDecision) -> DraftOutcome:
        current = self.outcome(thread_id)
        if current.status in ("final", "rejected"):
            raise InputError("draft already signed off", subject=thread_id,
                             why=f"its status is {current.status}; a signed report is never re-signed",
                             fix="start a new draft for a new version")
        if current.status != "awaiting_signoff":
            raise InputError("draft is not waiting for sign-off", subject=thread_id,
                             why=f"its status is {current.status}",
                             fix="re-run `carepath draft` with the same request to finish it")
        self.graph.invoke(Command(resume=decision.model_dump(mode="json")), self._config(thread_id))
        out = self.outcome(thread_id)
        self.index.update(thread_id, status=out.status)
        return out


@contextmanager
def open_service(skills: Mapping[str, Any] | None = None) -> Iterator[Carepath]:
    with ExitStack() as stack:
        saver = stack.enter_context(open_checkpointer())
        yield Carepath(saver, skills=skills)
