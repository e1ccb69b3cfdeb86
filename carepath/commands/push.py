"""``carepath push`` and ``carepath amend``: deliver a signed report, and
issue a new version of one.

``push THREAD`` sends the latest signed version to each destination named:
``--fhir URL`` (the FHIR transaction Bundle), ``--hl7 HOST:PORT`` (the
ORU^R01 over MLLP), ``--pacs TARGET`` (signed SR + Encapsulated PDF); with
none named it sends to the PACS the study came from (the retry after a
failed push at sign-off). A destination that fails leaves the outputs on
disk, exits non-zero naming the endpoint and prints the command that retries
it. The sending is the service's (``Carepath.push_report``).
With ``access.cli_identity`` set, sending a report out is an export and
issuing a version an amendment under the access policy (audited).

``amend THREAD --reviewer R --edit FILE --reason TEXT`` writes version n+1
(``amended``, or ``corrected`` with ``--correct``); earlier files are kept.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape

from carepath.commands.workflow import authorize_cli, read_edit_file
from carepath.security.configured_identity import cli_identity
from carepath.errors import CarepathError, InputError

if TYPE_CHECKING:  # types only: the service (and its delivery modules) load when a command runs
    from carepath.workflows.delivery.report import PushResult

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def _report(results: list[PushResult]) -> None:
    """One line per destination; failures raise the first error with every
    retry command in its fix."""
    for r in results:
        if r.error is None:
            console.print(f"sent v{r.version} ({', '.join(r.sent)}) to {r.kind} {escape(r.endpoint)}")
        else:
            err_console.print(f"[red]failed:[/] {r.kind} {escape(r.endpoint)}: {escape(r.error.one_line())}")
    failed = [r for r in results if r.error is not None]
    if failed:
        e = failed[0].error
        assert e is not None
        retries = "; ".join(f"`{r.retry}`" for r in failed)
        err = CarepathError(f"push failed: {e.what}", subject=e.subject, why=e.why,
                            fix=f"the signed outputs are kept; retry with {retries}")
        err.exit_code = e.exit_code   # 3 for an endpoint that refused or is down, 4 for bad input
        raise err


def push(
    thread: str = typer.Argument(..., help="Thread id of a signed report."),
    fhir: str = typer.Option(None, "--fhir", help="FHIR server base URL (POST of the transaction Bundle)."),
    hl7: str = typer.Option(None, "--hl7", help="RIS MLLP listener HOST:PORT (ORU^R01)."),
    pacs: str = typer.Option(None, "--pacs", "--to", help="dicomweb:URL or dimse:AE@HOST:PORT; "
                                                          "default: the PACS the study came from"),
) -> int:
    """Send the latest signed version to a FHIR server, a RIS and/or a PACS."""
    # heavy: the service loads LangGraph and the skills; `carepath --help` must not
    from carepath.workflows.service import PushTargets, open_service

    with open_service() as svc:
        authorize_cli(svc, thread, "export")
        if not (fhir or hl7 or pacs):
            pacs = svc.view(thread).origin
            if pacs is None:
                raise InputError("nowhere to push to", subject=thread,
                                 why="no destination given and the study did not come from a PACS",
                                 fix="name one: --fhir URL, --hl7 HOST:PORT or --pacs dicomweb:URL")
        results = svc.push_report(thread, PushTargets(fhir=fhir, hl7=hl7, pacs=pacs))
    _report(results)
    return 0


def amend(
    thread: str = typer.Argument(..., help="Thread id of a signed report."),
    reviewer: str = typer.Option(..., "--reviewer", help="Your name/identity as signer."),
    edit: Path = typer.Option(..., "--edit", help="File with the replacement text per section."),
    reason: str = typer.Option(..., "--reason", help="Why the signed report changes."),
    correct: bool = typer.Option(False, "--correct", help="A correction of an error (status corrected)."),
    as_json: bool = typer.Option(False, "--json"),
) -> int:
    """Issue a new version of a signed report (amended / corrected)."""
    # heavy: the service loads LangGraph and the skills; `carepath --help` must not
    from carepath.workflows.service import AmendRequest, open_service

    edits = read_edit_file(edit)
    who = cli_identity()
    req = AmendRequest(reviewer=reviewer, reviewer_id=who.subject if who else None, edits=edits,
                       reason=reason, correct=correct)
    with open_service() as svc:
        authorize_cli(svc, thread, "amend")
        view = svc.amend(thread, req)
    latest = view.amendments[-1]
    if as_json:
        typer.echo(json.dumps({"thread_id": thread, "version": latest.version, "status": latest.status,
                               "outputs": latest.outputs}, indent=2))
        return 0
    console.print(f"[bold]{latest.status}[/] · {thread} · version {latest.version}")
    for kind, path in latest.outputs.items():
        console.print(f"  {kind}: {path}")
    console.print(f"send it with: carepath push {thread} --fhir URL --hl7 HOST:PORT --pacs TARGET")
    return 0


def register(app: typer.Typer) -> None:
    app.command("push")(push)
    app.command("amend")(amend)
