"""``carepath purge --older-than 30d``: delete patient files of threads
finalised longer ago than a TTL (carepath.workflows.retention), audited."""

from __future__ import annotations

from typing import Annotated

import typer

from carepath.settings import get_settings


def register(app: typer.Typer) -> None:
    @app.command("purge")
    def purge_cmd(
        older_than: Annotated[str | None, typer.Option(
            "--older-than", help="TTL after finalisation, e.g. 30d, 12h (default: security.retention)")] = None,
        dry_run: Annotated[bool, typer.Option("--dry-run", help="report what would go; delete nothing")] = False,
        as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
    ) -> int:
        """Remove uploads, pulled studies, prepared images and outputs of signed
        or rejected threads finalised before now minus the TTL. Unfinalised
        threads and the signed records (checkpoints, audit log) are kept."""
        # heavy: retention reads threads through the service (LangGraph, skills); `--help` must not
        from carepath.workflows.retention import parse_duration, purge
        from carepath.workflows.service import open_service

        ttl_text = older_than or get_settings().security.retention
        if ttl_text is None:
            raise typer.BadParameter("give --older-than (or set CAREPATH_SECURITY__RETENTION)",
                                     param_hint="--older-than")
        with open_service() as svc:
            report = purge(svc, parse_duration(ttl_text), dry_run=dry_run)
        if as_json:
            typer.echo(report.model_dump_json(indent=2))
        else:
            verb = "would remove" if dry_run else "removed"
            typer.echo(f"{verb} files of {len(report.threads)} thread(s) finalised before {report.cutoff}: "
                       f"{report.inputs} input(s), {report.artifacts} prepared image(s), "
                       f"{report.outputs} output folder(s), {report.orphans} unreferenced upload(s); "
                       f"{report.bytes} bytes; {report.kept_unfinalised} unfinalised thread(s) kept")
        return 0
