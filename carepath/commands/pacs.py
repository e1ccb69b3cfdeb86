"""``carepath push``: send a signed report's DICOM SR to a PACS.

Sign-off pushes automatically when the draft's study came from a PACS; this
command is the retry after a failed push (the signed outputs are already on
disk by then, so nothing is lost) and the way to send to another PACS. The
sending itself is the service's (``Carepath.push``, over ``workflows.delivery``).
"""

from __future__ import annotations

import typer

from carepath.errors import InputError


def push(
    thread: str = typer.Argument(..., help="Thread id of a signed report."),
    to: str = typer.Option(None, "--to", help="dicomweb:URL or dimse:AE@HOST:PORT; "
                                              "default: the PACS the study came from"),
) -> int:
    """Send the signed DICOM SR to the PACS (STOW-RS or C-STORE)."""
    # heavy: the service loads LangGraph and the skills; `carepath --help` must not
    from carepath.workflows.service import open_service

    with open_service() as svc:
        where = svc.push(thread, to)
    if where is None:
        raise InputError("no PACS to push to", subject=thread,
                         why="the draft's study did not come from a PACS",
                         fix="name one with --to dicomweb:URL or --to dimse:AE@HOST:PORT")
    typer.echo(f"pushed the signed SR of {thread} to {where}")
    return 0


def register(app: typer.Typer) -> None:
    app.command("push")(push)
