"""``carepath index`` and ``carepath ask`` (and ``carepath eval retrieval``)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from carepath.errors import InputError


def _build_with_progress(corpus: list[Path], rebuild: bool) -> object:
    """Build with a rich progress bar counting chunks as they stream in.

    The bar goes to stderr so ``--json`` output on stdout stays parseable."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from carepath.knowledge.index import build

    with Progress(SpinnerColumn(), "[progress.description]{task.description}",
                  TextColumn("{task.completed} chunks"), TimeElapsedColumn(), transient=False,
                  console=Console(stderr=True)) as bar:
        task = bar.add_task("indexing guidelines", total=None)

        def update(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        return build(extra_corpora=corpus, rebuild=rebuild, progress=update)


def register(app: typer.Typer) -> None:
    @app.command("index")
    def index(
        corpus: list[Path] = typer.Option([], "--corpus", help="Extra corpus folder(s) (.md/.txt/.html/.pdf)."),
        rebuild: bool = typer.Option(False, "--rebuild", help="Re-embed everything."),
        as_json: bool = typer.Option(False, "--json"),
    ) -> int:
        """Build or update the guideline index (default corpus: open-medicine)."""
        for c in corpus:
            if not c.is_dir():
                raise InputError("corpus folder not found", subject=str(c), fix="pass a folder")
        report = _build_with_progress(corpus, rebuild)
        if as_json:
            typer.echo(report.model_dump_json(indent=2))  # type: ignore[attr-defined]
            return 0
        for w in report.warnings:  # type: ignore[attr-defined]
            typer.echo(f"warning: skipped {w.path}: {w.reason}", err=True)
        typer.echo(f"indexed {report.chunks} chunks from {report.documents} documents "  # type: ignore[attr-defined]
                   f"({report.embedded_chunks} embedded) in {report.seconds:.1f} s → {report.path}")  # type: ignore[attr-defined]
        return 0

    @app.command("ask")
    def ask(
        question: str = typer.Argument(..., help="A clinical question."),
        k: int = typer.Option(5, "--k", min=1, max=20, help="Passages to consider."),
        organization: str | None = typer.Option(None, "--organization", help="e.g. ATS/IDSA"),
        guideline: str | None = typer.Option(None, "--guideline", help="restrict to one guideline id"),
        year_min: int | None = typer.Option(None, "--year-min"),
        as_json: bool = typer.Option(False, "--json"),
    ) -> int:
        """Answer from the guidelines with verbatim, numbered citations (or abstain)."""
        from carepath.knowledge.answer import answer, validate_question
        from carepath.knowledge.index import default_index_dir
        from carepath.knowledge.retriever import Filters

        validate_question(question)
        if not (default_index_dir() / "manifest.json").is_file():
            _build_with_progress([], False)
        filters = Filters(organization=organization, guideline_id=guideline, year_min=year_min) \
            if (organization or guideline or year_min) else None
        a = answer(question, k=k, filters=filters)
        if as_json:
            typer.echo(json.dumps({
                "question": a.question, "answer": a.answer, "abstained": a.abstained,
                "citations": [c.model_dump(mode="json") for c in a.citations],
                "near_misses": [c.model_dump(mode="json") for c in a.near_misses],
            }, indent=2, ensure_ascii=False))
            return 0
        from rich.console import Console
        from rich.markup import escape

        con = Console(highlight=False, soft_wrap=True)
        con.print(f"[bold]Q:[/] {escape(a.question)}")
        con.print(f"[bold]A:[/] {escape(a.answer)}")
        for c in a.citations:
            con.print(f"  [cyan][{c.n}][/] {escape(c.title)} ({escape(c.organization or '')} {c.year or ''}) "
                      f"doi:{c.doi or '—'} · {escape(c.section)} › {escape(c.heading)} [{c.start}:{c.end}]")
            con.print(f"      “{escape(c.quote)}”")
        for c in a.near_misses:
            con.print(f"  [dim]not a match: {escape(c.guideline_id)} · {escape(c.heading)}[/]")
        return 0

    from carepath.commands.evaluate import eval_app

    @eval_app.command("retrieval")
    def eval_retrieval(
        devset: Path | None = typer.Option(None, "--devset", help="JSONL dev set (default: the shipped one)."),
        as_json: bool = typer.Option(False, "--json"),
        misses: bool = typer.Option(False, "--misses", help="List the questions that missed."),
        check: bool = typer.Option(False, "--check", help="Exit 1 if a target is missed."),
    ) -> int:
        """Retrieval and answer quality on knowledge/data/devset.jsonl."""
        from carepath.knowledge.eval import TARGETS, evaluate
        from carepath.knowledge.index import default_index_dir

        if devset is not None and not devset.is_file():
            raise InputError("dev set not found", subject=str(devset), fix="pass a JSONL file")
        if not (default_index_dir() / "manifest.json").is_file():
            _build_with_progress([], False)
        r = evaluate(devset)
        if as_json:
            typer.echo(r.model_dump_json(indent=2))
            return 1 if check and not r.all_met() else 0
        typer.echo(f"dev set: {r.n_answerable} answerable questions over {r.guidelines} guidelines, "
                   f"{r.n_unanswerable} unanswerable")
        for name, value in r.figures().items():
            target = TARGETS.get(name)
            if name == "false_abstention":
                mark = "  ok" if r.false_abstention <= r.max_false_abstention else "  MISSED"
            else:
                mark = "" if target is None else ("  ok" if r.meets(name) else "  MISSED")
            typer.echo(f"{name:28s} {value:.3f}{mark}")
        for half, figs in r.halves.items():
            typer.echo(f"{half:28s} " + ", ".join(f"{k} {v:.2f}" for k, v in figs.items()))
        if misses:
            for m in r.misses:
                typer.echo(f"  miss: {m['question']} — {m['why']} (got {m['got'] or '-'})")
        return 1 if check and not r.all_met() else 0
