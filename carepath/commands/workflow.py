"""``carepath draft | review | sign | export``: the workflow from the shell.

``draft`` runs to the sign-off gate and stops; ``sign`` resumes the paused
thread (from any process) with the reviewer's decision. JSON output shapes
are a public contract (documented in README; ``DraftOutcome.public_json``,
the same shape the HTTP API returns).

On a shared host ``access.cli_identity`` (``CAREPATH_ACCESS__CLI_IDENTITY``,
with ``cli_roles``/``cli_groups``) makes every command that lists, reads,
exports, signs or amends a thread, or pulls from a PACS, pass the same access
policy as the HTTP API and leave the same access-audit records
(``carepath.access.local_access``). Unset, the local OS user owns every
thread in their own state directory, so nothing is checked, as before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from carepath.atomic import write_text
from carepath.draft import ReviewDecision, Section
from carepath.errors import InputError
from carepath.security.configured_identity import cli_identity
from carepath.settings import get_settings

if TYPE_CHECKING:  # types only: the service (and outputs) load when a command runs
    from carepath.access.policy import Action, Decision
    from carepath.workflows.outputs.report_state import PatientBanner
    from carepath.workflows.service import Carepath, DraftOutcome

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)
EXPORT_FORMATS = ("fhir", "sr", "md", "html")
CLI_IDENTITY_SETTING = "CAREPATH_ACCESS__CLI_IDENTITY, __CLI_ROLES, __CLI_GROUPS (access.cli_identity)"
BREAK_GLASS_HELP = ("reviewer only: your reason to open a draft outside the groups you review "
                    "(allowed, flagged and audited); only with access.cli_identity set")


def authorize_cli(svc: Carepath, thread_id: str, action: Action, reason: str | None = None) -> Decision | None:
    """The access policy for the configured CLI identity (None: none set,
    the local user, unrestricted). Refusals raise before anything is read;
    a break-the-glass opening is said on stderr."""
    from carepath.access.local_access import check_thread  # lazy: the policy loads the record models

    decision = check_thread(cli_identity(), svc, thread_id, action, reason,
                            break_glass="--break-glass-reason TEXT", identity_setting=CLI_IDENTITY_SETTING)
    if decision is not None and decision.break_glass:
        err_console.print(f"[yellow]break-the-glass:[/] {thread_id} is outside the groups you review; "
                          "this opening is flagged and audited")
    return decision


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def show_draft(out: DraftOutcome) -> None:
    d = out.draft
    state = f"{out.status} · version {out.version} {out.report_status}" if out.amendments else out.status
    console.rule(f"[bold]Draft {out.thread_id}[/] · {out.intent} · [yellow]{state}[/]")
    if out.transcript:
        console.print(f"[dim]Transcript ({out.transcript.get('asr_backend')}):[/] "
                      f"{out.transcript.get('text', '')}", markup=True)
    if d is None:
        console.print("no draft yet")
        return
    show_patient(out.patient_banner())
    for section in out.review_sections():
        console.print(f"\n[bold]{section.name}[/]")
        if not section.sentences:
            console.print("  [dim](not drafted: write it with --edit FILE)[/]")
        for s in section.sentences:
            flag = f" [red](flagged: {s.flag_reason})[/]" if s.flagged else ""
            ev = ", ".join(s.evidence)
            console.print(f"  • {escape(s.text)} [cyan][{escape(ev)}][/]{flag}")
    if d.citations:
        console.print("\n[bold]Citations[/]")
        for c in d.citations:
            console.print(f"  [cyan]G{c.n}[/] {escape(c.title)} ({escape(c.organization or '')} "
                          f"{c.year or ''}) doi:{c.doi or '—'} · {escape(c.heading)}")
            console.print(f"      “{escape(c.quote)}” [dim][{c.start}:{c.end}][/]")
    for w in out.warnings:
        console.print(f"[yellow]warning:[/] {escape(w)}")
    console.print(f"\n[bold]Not final.[/] Sign off with: carepath sign {out.thread_id} "
                  "--reviewer NAME --approve | --edit FILE | --reject REASON")


def show_patient(banner: PatientBanner | None) -> None:
    """The patient banner, first, so the reviewer confirms whom the report is
    about before reading it (a wrong-patient report is the error to avoid)."""
    if banner is None:
        return
    table = Table(show_header=False, box=None, padding=(0, 2))
    for item in banner.items:
        table.add_row(f"[bold]{escape(item.label)}[/]", escape(item.shown))
    console.print(table)
    for w in banner.warnings:
        console.print(f"[yellow]patient warning:[/] {escape(w)}")


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
    patient_id: str = typer.Option(None, "--patient-id", help="Patient identifier (MRN) the report is for."),
    patient_id_issuer: str = typer.Option(None, "--patient-id-issuer", help="Issuer of --patient-id."),
    accession: str = typer.Option(None, "--accession", help="Accession number of the order."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> int:
    """Run a request to the sign-off gate and print the cited draft."""
    # heavy: the service (LangGraph, skills), the request (pydicom); `carepath --help` and `ask` must not
    from carepath.access import access_audit
    from carepath.access.local_access import check_pacs_pull
    from carepath.context import RequestFields
    from carepath.workflows.delivery.pacs import pull_from
    from carepath.workflows.request import DraftRequest
    from carepath.workflows.service import open_service

    origin, who, pull = None, cli_identity(), None
    if dicomweb or dimse or study_uid:
        pull = check_pacs_pull(who, identity_setting=CLI_IDENTITY_SETTING)   # before anything is pulled
        folder, origin = pull_from(dicomweb, dimse, study_uid, get_settings().state_dir / "pacs")
        study = [*study, folder]
    try:
        fields = RequestFields(patient_id=patient_id, patient_id_issuer=patient_id_issuer,
                               accession=accession)
        req = DraftRequest(text=text, audio=audio, studies=study, prior=prior, documents=doc,
                           fhir=fhir, slides=slide, pacs_origin=origin, fields=fields)
    except ValidationError as exc:
        msg = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
        raise InputError("invalid request", why=msg, fix="see `carepath draft --help`") from None
    with open_service() as svc:
        out = svc.draft(req)
    if who is not None and pull is not None:
        access_audit.record(who, pull, out.thread_id, out)   # the pull, once the thread it fed exists
    if as_json:
        _print_json(out.public_json())
    else:
        show_draft(out)
    return 0


def review(
    thread: str = typer.Argument(None, help="Thread id to show; omit to list pending drafts."),
    template: Path = typer.Option(None, "--template",
                                  help="Write an edit file for `carepath sign --edit` (every section, "
                                       "with empty Findings/Impression to write on an imaging draft)."),
    as_json: bool = typer.Option(False, "--json"),
    break_glass_reason: str = typer.Option(None, "--break-glass-reason", help=BREAK_GLASS_HELP),
) -> int:
    """List drafts waiting for sign-off (those you may see), or show one."""
    # heavy: the service loads LangGraph and the skills; `carepath --help` must not
    from carepath.workflows.service import open_service

    if template is not None and not thread:
        raise InputError("--template needs a thread id", fix="carepath review THREAD --template FILE")
    with open_service() as svc:
        if thread:
            authorize_cli(svc, thread, "read", break_glass_reason)
            out = svc.outcome(thread)
            if template is not None and out.draft is not None:
                write_text(template, out.edit_template())
                console.print(f"edit file: {template} (fill it, then carepath sign {thread} "
                              f"--reviewer NAME --edit {template})")
                return 0
            if as_json:
                _print_json(out.public_json())
            else:
                show_draft(out)
            return 0
        from carepath.access.local_access import visible  # lazy: the policy loads the record models

        pending = visible(cli_identity(), svc.pending())   # from the index: no thread opened
    if as_json:
        _print_json([p.model_dump() for p in pending])
        return 0
    table = Table("thread", "intent", "status", "created")
    for p in pending:
        table.add_row(p.thread_id, p.intent, p.status, p.created_at[:19])
    console.print(table if pending else "No drafts are waiting for sign-off.")
    return 0


def sign(
    thread: str = typer.Argument(..., help="Thread id of the draft."),
    reviewer: str = typer.Option(..., "--reviewer", help="Your name/identity as signer."),
    approve: bool = typer.Option(False, "--approve"),
    edit: Path = typer.Option(None, "--edit", help="File with replacement text per section."),
    reject: str = typer.Option(None, "--reject", help="Reason for rejecting."),
    as_json: bool = typer.Option(False, "--json"),
) -> int:
    """Approve, edit or reject a paused draft; writes the outputs."""
    # heavy: the service loads LangGraph and the skills; `carepath --help` must not
    from carepath.workflows.service import open_service

    chosen = [x for x in (approve, edit is not None, reject is not None) if x]
    if len(chosen) != 1:
        raise InputError("choose exactly one of --approve, --edit FILE, --reject REASON")
    edits = read_edit_file(edit) if edit is not None else {}
    action = "approve" if approve else "edit" if edit is not None else "reject"
    who = cli_identity()
    decision = ReviewDecision(reviewer=reviewer, reviewer_id=who.subject if who else None, action=action,
                              edits=edits, reason=reject)
    with open_service() as svc:
        authorize_cli(svc, thread, "sign")
        out = svc.sign(thread, decision)
        delivery = svc.deliver(out)   # outputs are written; a failed push loses nothing
    if as_json:
        _print_json({"thread_id": out.thread_id, "status": out.status, "outputs": out.outputs,
                     "pushed_to": delivery.pushed_to})
    else:
        console.print(f"[bold]{out.status}[/] · {out.thread_id}")
        show_outputs(out.outputs)
        if delivery.pushed_to:
            console.print(f"  signed SR sent to {delivery.pushed_to}")
    if delivery.error is not None:
        e = delivery.error
        raise type(e)(f"signed, but the SR was not sent to the PACS: {e.what}", subject=e.subject, why=e.why,
                      fix=f"the signed outputs are saved; retry with `{delivery.retry}`")
    return 0


def show_outputs(outputs: dict[str, str]) -> None:
    """Each written file named by its kind (``workflows.outputs.KINDS``:
    fhir, sr, sr_draft, pdf, pdf_dicom, hl7v2, md, html), so a script or a
    person picks the file a system needs without guessing from file names."""
    for kind, path in outputs.items():
        console.print(f"  {kind:<9} {path}")


def export(
    thread: str = typer.Argument(..., help="Thread id of the draft."),
    fmt: str = typer.Option(..., "--format", help="fhir | sr | md | html"),
    out: Path = typer.Option(..., "--out", help="File to write."),
    break_glass_reason: str = typer.Option(None, "--break-glass-reason", help=BREAK_GLASS_HELP),
) -> int:
    """Write one output of a draft or signed report to a file."""
    # heavy: the service loads LangGraph and the skills; `carepath --help` must not
    from carepath.workflows.service import open_service

    if fmt not in EXPORT_FORMATS:
        raise InputError("unknown export format", subject=fmt, fix="use fhir, sr, md or html")
    with open_service() as svc:
        authorize_cli(svc, thread, "export", break_glass_reason)
        path = svc.export(thread, fmt, out)  # type: ignore[arg-type]
    console.print(f"{fmt}: {path}")
    return 0


def register(app: typer.Typer) -> None:
    for name, fn in (("draft", draft), ("review", review), ("sign", sign), ("export", export)):
        app.command(name)(fn)


def read_edit_file(path: Path) -> dict[str, str]:
    """Edit files: either JSON ``{"Impression": "…"}`` or Markdown with
    ``## Section`` headings. An empty file is an error, never an approval."""
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
