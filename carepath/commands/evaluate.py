"""``carepath eval …``: the evaluation harnesses (routing here; retrieval is
added by the knowledge commands). Each prints its figures and exits non-zero
when a ``--min-*`` threshold is given and not met, so CI can gate on it."""

from __future__ import annotations

import json

import typer

eval_app = typer.Typer(help="Evaluation harnesses over the dev sets.", no_args_is_help=True)


@eval_app.command("routing")
def routing(
    as_json: bool = typer.Option(False, "--json"),
    min_accuracy: float = typer.Option(0.0, help="Fail (exit 1) below this routing accuracy."),
) -> int:
    """Routing accuracy on agents/data/routing_devset.jsonl (typed and dictated wording)."""
    from carepath.agents.intent import default_classifier
    from carepath.agents.routing_eval import evaluate

    report = evaluate(default_classifier())
    if as_json:
        typer.echo(json.dumps(report.model_dump(), indent=2))
    else:
        from rich.console import Console
        from rich.table import Table

        c = Console()
        c.print(f"routing dev set: {report.n} requests")
        c.print(f"routing accuracy (inputs + wording): [bold]{report.accuracy:.3f}[/]")
        c.print(f"wording-only intent accuracy:        {report.text_only_accuracy:.3f}")
        t = Table("intent", "accuracy")
        for k, v in sorted(report.by_intent.items()):
            t.add_row(k, f"{v:.2f}")
        c.print(t)
        c.print("by style: " + ", ".join(f"{k} {v:.3f}" for k, v in report.by_style.items()))
        for e in report.errors:
            c.print(f"  miss: {e['text']!r} → {e['got']} (expected {e['expected']})", markup=False)
    return 1 if report.accuracy < min_accuracy else 0


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
