"""``carepath index`` and ``carepath ask`` (and ``carepath eval retrieval``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from carepath.commands.evaluate import eval_app
from carepath.errors import InputError

if TYPE_CHECKING:
    from carepath.knowledge.answer import CitedAnswer
    from carepath.knowledge.eval import EvalReport
    from carepath.knowledge.index import BuildReport


def _build_with_progress(corpus: list[Path], rebuild: bool) -> BuildReport:
    """Build with a rich progress bar counting chunks as they stream in.

    The bar goes to stderr so ``--json`` output on stdout stays parseable."""
    # lazy: keeps carepath --help fast (the index pulls the encoder and FAISS)
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
            typer.echo(report.model_dump_json(indent=2))
            return 0
        for w in report.warnings:
            typer.echo(f"warning: skipped {w.path}: {w.reason}", err=True)
        typer.echo(f"indexed {report.chunks} chunks from {report.documents} documents "
                   f"({report.embedded_chunks} embedded) in {report.seconds:.1f} s → {report.path}")
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
        # lazy: keeps carepath --help fast (answering loads the index, encoder and model registry)
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
            typer.echo(_answer_json(a))
        else:
            _print_answer(a)
        return 0

    @eval_app.command("retrieval")
    def eval_retrieval(
        as_json: bool = typer.Option(False, "--json"),
        misses: bool = typer.Option(False, "--misses", help="List the TUNE questions that missed."),
        check: bool = typer.Option(False, "--check", help="Exit 1 if TEST misses a target or the tune/test margin."),
        fit: bool = typer.Option(False, "--fit", help="Refit the abstention model on the TUNE split and save it."),
        split: str = typer.Option("all", "--split", help="'all', or 'tune' to run and show TUNE rows only (tuning)."),
    ) -> int:
        """Guideline answers on the evaluation questions: TUNE and TEST splits, by style."""
        # lazy: keeps carepath --help fast (the evaluation loads the index and encoder)
        from carepath.knowledge.eval import fit_abstention, report, run, tune_rows
        from carepath.knowledge.index import default_index_dir

        if split not in ("all", "tune"):
            raise typer.BadParameter(f"--split {split!r}: use 'all' or 'tune'")
        if not (default_index_dir() / "manifest.json").is_file():
            _build_with_progress([], False)
        rows = tune_rows() if split == "tune" else None
        results = run(rows=rows)
        if fit:
            m = fit_abstention(results)
            typer.echo(f"abstention model refitted on the {m.fitted_on}: threshold {m.threshold:.3f}, "
                       f"tune false abstention {m.tune_false_abstention:.3f}, abstention {m.tune_abstention:.3f}",
                       err=True)
            results = run(rows=rows)
        r = report(results)
        if as_json:
            typer.echo(r.model_dump_json(indent=2))
        else:
            _print_eval(r, misses)
        return 1 if check and not r.all_met() else 0


def _answer_json(a: CitedAnswer) -> str:
    """What ``carepath ask --json`` prints: the answer, its citations and the near misses."""
    return json.dumps({
        "question": a.question, "read_as": a.read_as, "answer": a.answer, "abstained": a.abstained,
        "citations": [c.model_dump(mode="json") for c in a.citations],
        "near_misses": [c.model_dump(mode="json") for c in a.near_misses],
    }, indent=2, ensure_ascii=False)


def _print_answer(a: CitedAnswer) -> None:
    con = Console(highlight=False, soft_wrap=True)
    con.print(f"[bold]Q:[/] {escape(a.question)}")
    if a.read_as:
        con.print("[dim]read " + ", ".join(f"“{escape(k)}” as “{escape(v)}”" for k, v in a.read_as.items()) + "[/]")
    con.print(f"[bold]A:[/] {escape(a.answer)}")
    for c in a.citations:
        con.print(f"  [cyan][{c.n}][/] {escape(c.title)} ({escape(c.organization or '')} {c.year or ''}) "
                  f"doi:{c.doi or '—'} · {escape(c.section)} › {escape(c.heading)} [{c.start}:{c.end}]")
        con.print(f"      “{escape(c.quote)}”")
    for c in a.near_misses:
        con.print(f"  [dim]not a match: {escape(c.guideline_id)} · {escape(c.heading)}[/]")


def _print_eval(rep: EvalReport, misses: bool) -> None:
    from carepath.knowledge.eval import MARGIN, MAX_FALSE_ABSTENTION, TARGETS  # lazy: CLI start-up, as above

    names = ["recall@1", "recall@5", "facts", "abstention", "false_abstention", "verbatim"]
    typer.echo(f"{'':22s}" + "".join(f"{n:>17s}" for n in names) + "      n")
    for split, figs in rep.splits.items():  # tune, test, devset (old dev set, tune only)
        d = figs.as_dict()
        typer.echo(f"{split.upper():22s}" + "".join(f"{d[n]:17.3f}" for n in names)
                   + f"  {figs.n_answerable}+{figs.n_unanswerable}")
        for style, sf in rep.by_style[split].items():
            sd = sf.as_dict()
            typer.echo(f"  {style:20s}" + "".join(f"{sd[n]:17.3f}" for n in names)
                       + f"  {sf.n_answerable}+{sf.n_unanswerable}")
        for src, sf in rep.by_source.get(split, {}).items():  # per question file (d: the fresh TEST)
            sd = sf.as_dict()
            typer.echo(f"  file {src:15s}" + "".join(f"{sd[n]:17.3f}" for n in names)
                       + f"  {sf.n_answerable}+{sf.n_unanswerable}")
    if "test" not in rep.splits:  # --split tune: no targets or gaps, but the tune misses when asked
        for m in rep.misses if misses else []:
            typer.echo(f"  tune miss {m['id']}: {m['why']} (got {m['got'] or '-'})")
        return
    typer.echo("targets on TEST: " + ", ".join(f"{k} >= {v}" for k, v in TARGETS.items())
               + f", false_abstention <= {MAX_FALSE_ABSTENTION}; |tune - test| <= {MARGIN}")
    typer.echo("gaps: " + ", ".join(f"{k} {v:.3f}" for k, v in rep.gaps.items()))
    for f in rep.failures:
        typer.echo(f"MISSED: {f}")
    if not rep.failures:
        typer.echo("all targets met on TEST")
    if misses:
        for m in rep.misses:
            typer.echo(f"  tune miss {m['id']}: {m['why']} (got {m['got'] or '-'})")
