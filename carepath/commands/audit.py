"""``carepath audit verify``: check the hash-chained audit log."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

EXIT_BROKEN = 1


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Inspect and verify the append-only audit trail.",
                        no_args_is_help=True)

    @group.command("verify")
    def verify_cmd(
        log: Annotated[Path | None, typer.Argument(
            help="audit log (default: <state_dir>/audit/audit.jsonl)")] = None,
        expected_head: Annotated[str | None, typer.Option(
            "--expected-head", help="hash the chain must end at (detects a truncated tail)")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="print the result as JSON")] = False,
    ) -> int:
        """Exit 0 when every record is intact; otherwise name the first bad line."""
        from carepath.workflows.audit import default_log_path, verify

        path = log if log is not None else default_log_path()
        result = verify(path, expected_head=expected_head)
        if as_json:
            typer.echo(result.model_dump_json(indent=2))
        elif result.ok:
            typer.echo(f"ok: {result.records} records intact in {path}"
                       + (f" (head {result.head_hash})" if result.head_hash else ""))
        else:
            typer.echo(f"audit log broken at line {result.first_bad_line} "
                       f"(seq {result.first_bad_seq}): {result.reason}; "
                       f"{result.records} records before it are intact ({path})", err=True)
        if not result.ok:
            raise typer.Exit(EXIT_BROKEN)
        return 0

    app.add_typer(group, name="audit")
