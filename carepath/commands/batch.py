"""``carepath batch``: one draft per study, paused for sign-off, with a
progress bar and a summary; re-running continues where it stopped. The work
is ``workflows.batch.run_batch``; this module keeps the arguments and the
terminal output."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from carepath.errors import InputError

if TYPE_CHECKING:  # types only: the batch engine is imported when the command runs
    from carepath.workflows.batch import BatchResult, BatchSummary


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
    # heavy: the batch engine loads the graph, skills and models; `carepath --help` must not
    from carepath.workflows.batch import SUMMARY, run_batch

    if engine not in ("local", "ray"):
        raise InputError("unknown engine", subject=engine, fix="use --engine local or --engine ray")
    err = Console(stderr=True, highlight=False)
    with _progress(err, disable=as_json and not err.is_terminal) as (on_start, on_result):
        summary = run_batch(out, source=source, dicomweb=dicomweb, since=since, text=text, engine=engine,
                            workers=workers, address=address, on_start=on_start, on_result=on_result)
    if as_json:
        typer.echo(json.dumps(summary.to_json(), indent=2))
    else:
        Console(highlight=False).print(_table(summary))
        typer.echo(f"summary: {out / SUMMARY}; drafts wait for sign-off (carepath review)")
    if summary.only_failures:
        raise typer.Exit(4)


@contextmanager
def _progress(console: Console, *, disable: bool) -> Iterator[tuple[Callable[[int], None],
                                                                   Callable[[BatchResult], None]]]:
    """A progress bar fed by the batch's ``on_start`` / ``on_result`` callbacks."""
    with Progress(TextColumn("[bold]drafting"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[last]}"), TimeElapsedColumn(), console=console,
                  disable=disable) as bar:
        tasks: list[Any] = []

        def on_start(total: int) -> None:
            tasks.append(bar.add_task("batch", total=total, last=""))

        def on_result(r: BatchResult) -> None:
            if tasks:
                bar.update(tasks[0], advance=1, last=f"{r.study}: {r.status}")

        yield on_start, on_result


def _table(summary: BatchSummary) -> Table:
    table = Table(title=f"batch: {summary.drafted} drafted, {summary.skipped} skipped, "
                        f"{summary.failed} failed")
    for col in ("study", "status", "intent", "thread", "reason"):
        table.add_column(col, overflow="fold")
    for r in sorted(summary.results, key=lambda r: (r.status != "failed", r.study)):
        table.add_row(r.study, r.status, r.intent or "", r.thread_id or "", r.reason or "")
    return table


def register(app: typer.Typer) -> None:
    app.command("batch")(batch)
