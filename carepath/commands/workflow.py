"""``carepath draft | review | sign | export``: the workflow from the shell.

``draft`` runs to the sign-off gate and stops; ``sign`` resumes the paused
thread (from any process) with the reviewer's decision. JSON output shapes
are a public contract (documented in README).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from carepath.errors import InputError

console = Console(highlight=False, soft_wrap=True)


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def draft_json(out: Any) -> dict[str, Any]:
    d = out.draft
    return {
        "thread_id": out.thread_id, "status": out.status, "intent": out.intent,
        "transcript": out.transcript,
        "draft": d.model_dump(mode="json", include={"draft_id", "sections", "evidence_ids",
                                                    "models", "prompt_templates"}) if d else None,
        "citations": out.citations, "warnings": out.warnings, "route": out.route,
        "reused": out.reused,
    }


def show_draft(out: Any) -> None:
    d = out.draft
    console.rule(f"[bold]Draft {out.thread_id}[/] · {out.intent} · [yellow]{out.status}[/]")
    if out.transcript:
        console.print(f"[dim]Transcript ({out.transcript.get('asr_backend')}):[/] "
                      f"{out.transcript.get('text', '')}", markup=True)
    if d is None:
        console.print("no draft yet")
        return
    for section in d.sections:
        console.print(f"\n[bold]{section.name}[/]")
        for s in section.sentences:
            flag = f" [red](flagged: {s.flag_reason})[/]" if s.flagged else ""
            ev = ", ".join(s.evidence)
            console.print(f"  • {_esc(s.text)} [cyan][{_esc(ev)}][/]{flag}")
    if d.citations:
        console.print("\n[bold]Citations[/]")
        for c in d.citations:
            console.print(f"  [cyan]G{c.n}[/] {_esc(c.title)} ({_esc(c.organization or '')} "
                          f"{c.year or ''}) doi:{c.doi or '—'} · {_esc(c.heading)}")
            console.print(f"      “{_esc(c.quote)}” [dim][{c.start}:{c.end}][/]")
    for w in out.warnings:
        console.print(f"[yellow]warning:[/] {_esc(w)}")
    console.print(f"\n[bold]Not final.[/] Sign off with: carepath sign {out.thread_id} "
                  "--reviewer NAME --approve | --edit FILE | --reject REASON")


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def register(app: typer.Typer) -> None:
    @app.command("draft")
    def draft(
        text: str = typer.Option(None, "--text", "-t", help="Typed request."),
        audio: Path = typer.Option(None, "--audio", help="Dictated request (wav/flac/ogg/mp3)."),
        study: list[Path] = typer.Option([], "--study", help="DICOM file, folder, DICOMDIR or zip."),
        prior: Path = typer.Option(None, "--prior", help="Prior study for comparison."),
        doc: list[Path] = typer.Option([], "--doc", help="Lab report PDF."),
        fhir: str = typer.Option(None, "--fhir", help="FHIR R4 bundle path or server URL."),
        slide: list[Path] = typer.Option([], "--slide", help="Whole-slide image."),
        dicomweb: str = typer.Option(None, "--dicomweb", help="DICOMweb base URL to pull --study-uid from."),
        dimse: str = typer.Option(None, "--dimse", help="AE@HOST:PORT to C-GET --study-uid from."),
        study_uid: str = typer.Option(None, "--study-uid", help="Study Instance UID on the PACS."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    ) -> int:
        """Run a request to the sign-off gate and print the cited draft."""
        from pydantic import ValidationError

        from carepath.workflows.request import DraftRequest
        from carepath.workflows.service import open_service

        origin = None
        if dicomweb or dimse or study_uid:
            study, origin = _pull_study(dicomweb, dimse, study_uid, study)
        try:
            req = DraftRequest(text=text, audio=audio, studies=study, prior=prior,
                               documents=doc, fhir=fhir, slides=slide, pacs_origin=origin)
        except ValidationError as exc:
            msg = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
            raise InputError("invalid request", why=msg,
                             fix="see `carepath draft --help`") from None
        with open_service() as svc:
            out = svc.draft(req)
        if as_json:
            _print_json(draft_json(out))
        else:
            show_draft(out)
        return 0

    @app.command("review")
    def review(
        thread: str = typer.Argument(None, help="Thread id to show; omit to list pending drafts."),
        as_json: bool = typer.Option(False, "--json"),
    ) -> int:
        """List drafts waiting for sign-off, or show one."""
        from carepath.workflows.service import open_service

        with open_service() as svc:
            if thread:
                out = svc.outcome(thread)
                if as_json:
                    _print_json(draft_json(out))
                else:
                    show_draft(out)
                return 0
            pending = svc.pending()
        if as_json:
            _print_json([p.model_dump() for p in pending])
            return 0
        from rich.table import Table

        table = Table("thread", "intent", "status", "created")
        for p in pending:
            table.add_row(p.thread_id, p.intent, p.status, p.created_at[:19])
        console.print(table if pending else "No drafts are waiting for sign-off.")
        return 0

    @app.command("sign")
    def sign(
        thread: str = typer.Argument(..., help="Thread id of the draft."),
        reviewer: str = typer.Option(..., "--reviewer", help="Your name/identity as signer."),
        approve: bool = typer.Option(False, "--approve"),
        edit: Path = typer.Option(None, "--edit", help="File with replacement text per section."),
        reject: str = typer.Option(None, "--reject", help="Reason for rejecting."),
        as_json: bool = typer.Option(False, "--json"),
    ) -> int:
        """Approve, edit or reject a paused draft; writes the outputs."""
        from carepath.draft import ReviewDecision
        from carepath.workflows.service import open_service

        chosen = [x for x in (approve, edit is not None, reject is not None) if x]
        if len(chosen) != 1:
            raise InputError("choose exactly one of --approve, --edit FILE, --reject REASON")
        edits = read_edit_file(edit) if edit is not None else {}
        action = "approve" if approve else "edit" if edit is not None else "reject"
        decision = ReviewDecision(reviewer=reviewer, action=action, edits=edits, reason=reject)
        from carepath.commands.pacs import push_signed, recorded_origin, retry_hint
        from carepath.errors import CarepathError

        pushed, push_error = None, None
        with open_service() as svc:
            out = svc.sign(thread, decision)
            if out.status == "final":  # outputs are written; a failed push loses nothing
                try:
                    pushed = push_signed(svc, thread)
                except CarepathError as exc:
                    push_error = exc
                    origin = recorded_origin(svc, thread)
        if as_json:
            _print_json({"thread_id": out.thread_id, "status": out.status, "outputs": out.outputs,
                         "pushed_to": pushed})
        else:
            console.print(f"[bold]{out.status}[/] · {out.thread_id}")
            for fmt, path in out.outputs.items():
                console.print(f"  {fmt}: {path}")
            if pushed:
                console.print(f"  signed SR sent to {pushed}")
        if push_error is not None:
            raise type(push_error)(
                f"signed, but the SR was not sent to the PACS: {push_error.what}",
                subject=push_error.subject, why=push_error.why,
                fix=f"the signed outputs are saved; retry with `{retry_hint(thread, origin)}`")
        return 0

    _register_export(app)


def _register_export(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        thread: str = typer.Argument(..., help="Thread id of the draft."),
        fmt: str = typer.Option(..., "--format", help="fhir | sr | md | html"),
        out: Path = typer.Option(..., "--out", help="File to write."),
    ) -> int:
        """Write one output of a draft or signed report to a file."""
        from carepath.workflows.service import open_service

        if fmt not in ("fhir", "sr", "md", "html"):
            raise InputError("unknown export format", subject=fmt, fix="use fhir, sr, md or html")
        with open_service() as svc:
            path = svc.export(thread, fmt, out)
        console.print(f"{fmt}: {path}")
        return 0


def _pull_study(dicomweb: str | None, dimse: str | None, study_uid: str | None,
                study: list[Path]) -> tuple[list[Path], str]:
    """Materialize a PACS study under the state dir; it is then a plain --study."""
    from carepath.settings import get_settings

    if not study_uid or bool(dicomweb) == bool(dimse):
        raise InputError("a PACS study needs --study-uid and one of --dicomweb URL or --dimse AE@HOST:PORT",
                         fix="carepath draft --dicomweb http://pacs:8042/dicom-web --study-uid UID --text …")
    from carepath.tools.dicom.pacs import DicomWebSource, DimseSource

    src = DicomWebSource(dicomweb) if dicomweb else DimseSource.from_address(dimse or "")
    folder = src.materialize_study(study_uid.strip(), get_settings().state_dir / "pacs")
    return [*study, folder], src.origin.as_string()


def read_edit_file(path: Path) -> dict[str, str]:
    """Edit files: either JSON ``{"Impression": "…"}`` or Markdown with
    ``## Section`` headings. An empty file is an error, never an approval."""
    from carepath.draft import Section

    if not path.is_file():
        raise InputError("edit file not found", subject=str(path), fix="pass an existing file")
    raw = path.read_text(encoding="utf-8", errors="replace").strip()
    if not raw:
        raise InputError("edit file is empty", subject=str(path),
                         why="an edit needs replacement text for at least one section",
                         fix="write '## Impression' followed by the new text, or use --approve")
    names = set(Section.model_fields["name"].annotation.__args__)  # type: ignore[union-attr]
    if raw.startswith("{"):
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError("edit file is not valid JSON", subject=str(path), why=str(exc)) from None
        edits = {str(k): str(v) for k, v in data.items()}
    else:
        edits, current = {}, None
        for line in raw.splitlines():
            if line.startswith("## "):
                current = line[3:].strip()
                edits[current] = ""
            elif current is not None:
                edits[current] += line + "\n"
        if not edits:
            raise InputError("edit file has no sections", subject=str(path),
                             fix="start each replaced section with a '## Findings'-style heading")
    unknown = [k for k in edits if k not in names]
    if unknown:
        raise InputError("edit file names unknown sections", subject=str(path),
                         why=", ".join(unknown), fix=f"use one of {', '.join(sorted(names))}")
    edits = {k: v.strip() for k, v in edits.items()}
    if not any(edits.values()):
        raise InputError("edit file has only empty sections", subject=str(path))
    return edits
