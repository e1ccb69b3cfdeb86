"""``carepath push``: send a signed report's DICOM SR to a PACS.

Sign-off pushes automatically when the draft's study came from a PACS; this
command is the retry after a failed push (the signed outputs are already on
disk by then, so nothing is lost) and the way to send to another PACS.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import typer

from carepath.errors import InputError


def recorded_origin(svc: Any, thread_id: str) -> str | None:
    """The PACS the draft's study was pulled from, if any (kept in the state's inputs)."""
    values = svc.graph.get_state(svc._config(thread_id)).values or {}
    for ref in values.get("inputs", []):
        if ref.get("kind") == "study" and ref.get("origin"):
            return str(ref["origin"])
    return None


def push_signed(svc: Any, thread_id: str, origin: str | None = None) -> str | None:
    """STOW-RS / C-STORE the signed SR of ``thread_id``; returns where it went,
    or None when the draft has no PACS origin and none was given."""
    from carepath.tools.dicom.pacs import PacsOrigin, source_for

    target = origin or recorded_origin(svc, thread_id)
    if target is None:
        return None
    out = svc.outcome(thread_id)
    if out.status != "final":
        raise InputError("only a signed report is pushed to a PACS", subject=thread_id,
                         why=f"its status is {out.status}",
                         fix=f"sign it first: carepath sign {thread_id} --reviewer NAME --approve")
    parsed = PacsOrigin.parse(target)
    with tempfile.TemporaryDirectory() as tmp:
        sr = svc.export(thread_id, "sr", Path(tmp) / "sr-signed.dcm")
        source_for(parsed).store([sr])
    return parsed.as_string()


def retry_hint(thread_id: str, origin: str | None) -> str:
    return f"carepath push {thread_id}" + (f" --to {origin}" if origin else "")


def register(app: typer.Typer) -> None:
    @app.command("push")
    def push(
        thread: str = typer.Argument(..., help="Thread id of a signed report."),
        to: str = typer.Option(None, "--to", help="dicomweb:URL or dimse:AE@HOST:PORT; "
                                                  "default: the PACS the study came from"),
    ) -> int:
        """Send the signed DICOM SR to the PACS (STOW-RS or C-STORE)."""
        from carepath.workflows.service import open_service

        with open_service() as svc:
            where = push_signed(svc, thread, to)
        if where is None:
            raise InputError("no PACS to push to", subject=thread,
                             why="the draft's study did not come from a PACS",
                             fix="name one with --to dicomweb:URL or --to dimse:AE@HOST:PORT")
        typer.echo(f"pushed the signed SR of {thread} to {where}")
        return 0
