"""``carepath batch``: one draft per study, paused for sign-off, with a
progress bar and a summary; re-running continues where it stopped."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("batch")
    def batch(
        source: Path = typer.Argument(None, help="folder whose entries are studies (folders, zips, DICOM files)"),
        out: Path = typer.Option(..., "--out", help="folder for per-study results and batch-summary.json"),
        workers: int = typer.Option(1, "--workers", min=1, max=64, help="parallel workers"),
        text: str = typer.Option(None, "--text", help="request text for every study"),
        engine: str = typer.Option("local", "--engine", help="local (default) or ray"),
        address: str = typer.Option(None, "--address", help="Ray cluster address (--engine ray)"),
        dicomweb: str = typer.Option(None, "--dicomweb", help="DICOMweb base URL to pull studies from"),
        since: str = typer.Option(None, "--since", help="with --dicomweb: studies on or after YYYY-MM-DD"),
        as_json: bool = typer.Option(False, "--json", help="print the summary as JSON"),
    ) -> None:
        """Draft every study of a folder (or a PACS) up to the sign-off gate."""
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
        from rich.table import Table

        from carepath.errors import ConfigError, InputError
        from carepath.atomic import write_json
        from carepath.workflows.batch import (DEFAULT_TEXT, SUMMARY, SUMMARY_FIELDS, BatchResult, discover_items,
                                              run_local, write_result)

        request = text or DEFAULT_TEXT
        if engine not in ("local", "ray"):
            raise InputError("unknown engine", subject=engine, fix="use --engine local or --engine ray")
        if (source is None) == (dicomweb is None):
            raise InputError("batch needs one source", why="give a folder or --dicomweb URL, not both or neither",
                             fix="carepath batch DIR --out OUT, or carepath batch --dicomweb URL --since DATE --out OUT")
        out.mkdir(parents=True, exist_ok=True)
        # Temp files of a run killed mid-write (outputs are renamed whole); only old
        # ones, so a second batch writing to the same folder is never disturbed.
        import time

        for stale in out.glob(".*.tmp"):
            try:
                if time.time() - stale.stat().st_mtime > 3600:
                    stale.unlink(missing_ok=True)
            except OSError:
                pass
        if dicomweb:
            try:
                from carepath.tools.dicom.pacs import DicomWebSource
            except ImportError as exc:
                raise ConfigError("PACS support is not available", why=str(exc),
                                  fix="pip install 'carepath[pacs]'") from exc
            day = None
            if since:
                try:
                    day = dt.date.fromisoformat(since)
                except ValueError as exc:
                    raise InputError("bad --since date", subject=since, fix="use YYYY-MM-DD") from exc
            source = out / "studies"
            source.mkdir(exist_ok=True)
            DicomWebSource(dicomweb).materialize_since(day, source)
        items, failed = discover_items(source, request)
        err = Console(stderr=True, highlight=False)
        results: list[BatchResult] = list(failed)
        for r in failed:
            write_result(out, r)
        with Progress(TextColumn("[bold]drafting"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[last]}"), TimeElapsedColumn(), console=err,
                      disable=as_json and not err.is_terminal) as bar:
            task = bar.add_task("batch", total=len(items), last="")

            def on_result(r: BatchResult) -> None:
                write_result(out, r)
                results.append(r)
                bar.update(task, advance=1, last=f"{r.study}: {r.status}")

            if engine == "ray":
                try:
                    from carepath.workflows.ray_engine import run_ray
                except ImportError as exc:
                    raise ConfigError("the Ray engine is not available", why=str(exc),
                                      fix="pip install 'carepath[ray]'") from exc
                run_ray(items, workers=workers, address=address, on_result=on_result)
            else:
                run_local(items, workers=workers, on_result=on_result)
        counts = {s: sum(r.status == s for r in results) for s in ("drafted", "skipped", "failed")}
        summary = {"source": str(source), "out": str(out), "studies": len(items) + len(failed),
                   **counts, "results": [r.model_dump(mode="json", exclude=SUMMARY_FIELDS) for r in results]}
        write_json(out / SUMMARY, summary)
        if as_json:
            typer.echo(json.dumps(summary, indent=2))
        else:
            table = Table(title=f"batch: {counts['drafted']} drafted, {counts['skipped']} skipped, "
                                f"{counts['failed']} failed")
            for col in ("study", "status", "intent", "thread", "reason"):
                table.add_column(col, overflow="fold")
            for r in sorted(results, key=lambda r: (r.status != "failed", r.study)):
                table.add_row(r.study, r.status, r.intent or "", r.thread_id or "", r.reason or "")
            Console(highlight=False).print(table)
            typer.echo(f"summary: {out / SUMMARY}; drafts wait for sign-off (carepath review)")
        if counts["failed"] and not (counts["drafted"] or counts["skipped"]):
            raise typer.Exit(4)
