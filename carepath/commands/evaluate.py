"""``carepath eval …``: the evaluation harnesses (routing, EHR questions and lab layouts here; retrieval is
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
        for m in report.misses:  # TUNE rows only (the report never lists a TEST row)
            typer.echo(f"  tune miss {m.question!r}: value {'ok' if m.value_ok else 'wrong'}, "
                       f"citation {'ok' if m.cited_ok else 'wrong'}")
    test = report.splits.get("test")
    return 1 if test is None or test.value_correct < min_value or test.gold_cited < min_cited else 0


@eval_app.command("labs")
def labs(
    layouts: str | None = typer.Option(None, help="Comma-separated layout names (default: all of them)."),
    ocr: bool = typer.Option(True, "--ocr/--no-ocr", help="Also score scanned copies read by OCR (tesseract)."),
    out: Path | None = typer.Option(None, help="Keep the generated PDFs and scans here (default: a temp dir)."),
    generator: Path | None = typer.Option(None, help="The layout generator (default: bench/labs/layouts.py)."),
    as_json: bool = typer.Option(False, "--json"),
    min_f1: float = typer.Option(0.0, help="Fail (exit 1) when a test-split F1 (text layer; OCR if run) is below this."),
) -> int:
    """Lab reports in generated layouts: F1 of (test, value, unit) and flag accuracy, tune and test splits apart."""
    from carepath.tools.sources import lab_eval  # lazy: renders PDFs with reportlab/fpdf2/chromium (lab skill)

    report = lab_eval.run_isolated(out, ocr=ocr, layouts=layouts.split(",") if layouts else None,
                                   generator=lab_eval.load_generator(generator) if generator else None)
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
    else:
        typer.echo(f"lab layouts: {report.documents} PDFs, {report.results} results, {report.seconds} s")
        for mode, figs in (("text layer", report.text_layer), ("OCR", report.ocr or {})):
            for split, f in figs.items():
                a = f.all
                typer.echo(f"{mode:>10} {split:>5}: F1(test,value,unit) {a['f1']:.3f}  flag accuracy "
                           f"{a['flag_accuracy']:.3f}  range accuracy {a['range_accuracy']:.3f}  "
                           f"(tp {a['tp']} fp {a['fp']} fn {a['fn']}; {len(f.by_layout)} layouts)")
        if report.ocr_s_per_page is not None:
            typer.echo(f"OCR: {report.ocr_pages} pages, {report.ocr_s_per_page} s/page")
    tests = [f.get("test") for f in (report.text_layer, report.ocr) if f is not None]
    return 1 if any(t is None or t.all["f1"] < min_f1 for t in tests) else 0


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
