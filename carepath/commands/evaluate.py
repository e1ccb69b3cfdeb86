"""``carepath eval …``: the evaluation harnesses (routing and EHR questions here; retrieval is
added by the knowledge commands). Each prints its figures and exits non-zero
when a ``--min-*`` threshold is given and not met, so CI can gate on it."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

eval_app = typer.Typer(help="Evaluation harnesses over the dev sets.", no_args_is_help=True)


@eval_app.command("routing")
def routing(
    as_json: bool = typer.Option(False, "--json"),
    min_accuracy: float = typer.Option(0.0, help="Fail (exit 1) below this routing accuracy."),
) -> int:
    """Routing accuracy on agents/data/routing_devset.jsonl (typed and dictated wording)."""
    # heavy: the intent classifier loads its sentence encoder; `carepath --help` must not
    from carepath.agents.intent import default_classifier
    from carepath.agents.routing_eval import evaluate

    report = evaluate(default_classifier())
    if as_json:
        typer.echo(json.dumps(report.model_dump(), indent=2))
    else:
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


@eval_app.command("ehr")
def ehr(
    bundles: Path | None = typer.Option(None, help="fhiry's tests/resources folder (afhir.json, cfhir.json); "
                                                     "default: the test-asset cache or $CAREPATH_EHR_BUNDLES"),
    as_json: bool = typer.Option(False, "--json"),
    min_value: float = typer.Option(0.0, help="Fail (exit 1) when test-split value correctness is below this."),
    min_cited: float = typer.Option(0.0, help="Fail (exit 1) when test-split gold-resource citation is below this."),
) -> int:
    """EHR questions over Synthea bundles: value correct and gold resource cited, tune and test splits apart."""
    from carepath.tools.records.evaluation import evaluate  # lazy: keeps carepath --help fast (EHR skill)

    report = evaluate(bundles)
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
    else:
        typer.echo(f"EHR question set: {report.n} questions")
        for split, f in report.splits.items():
            typer.echo(f"{split:>5}: n={f.n}  value correct {f.value_correct:.3f}  gold resource cited {f.gold_cited:.3f}")
        for split, shapes in sorted(report.by_shape.items()):
            typer.echo(f"{split} by shape: " + ", ".join(
                f"{k} {v.value_correct:.2f}/{v.gold_cited:.2f} (n={v.n})" for k, v in shapes.items()))
        for m in report.misses:
            typer.echo(f"  miss [{m.split}] {m.question!r}: value {'ok' if m.value_ok else 'wrong'}, "
                       f"citation {'ok' if m.cited_ok else 'wrong'}")
    test = report.splits.get("test")
    return 1 if test is None or test.value_correct < min_value or test.gold_cited < min_cited else 0


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
