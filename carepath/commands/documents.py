"""CLI commands for lab reports and EHR questions: ``carepath labs`` and
``carepath ehr`` (registered in carepath.cli)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

RESULT_FIELDS = ("test", "loinc", "value", "unit", "ucum", "ref_low", "ref_high", "flag", "page")
NOTHING_READ = 5  # exit status: the PDF opened but no result could be read from it


def register(app: typer.Typer) -> None:
    @app.command("labs")
    def labs(
        pdf: Path = typer.Argument(..., help="lab report PDF (text layer or scanned)"),
        as_json: bool = typer.Option(False, "--json", help="print the results as JSON"),
        no_model: bool = typer.Option(False, "--no-model", help="never send scanned pages to a model"),
    ) -> None:
        """Extract lab results (test, LOINC, value, unit, reference range, flag, page).

        Scanned pages go to the imaging model when one is configured, else to OCR
        (values marked source "ocr" with a confidence). Exits 5 when no result
        could be read at all (the reason is printed); partial results exit 0 with warnings."""
        from carepath.tools.labs import LabInput, extract  # lazy: keeps carepath --help fast (~2 s skill)

        ex = extract(LabInput(path=pdf, use_model=not no_model))
        if as_json:
            doc = {"source": ex.source, "sha256": ex.sha256,
                   "results": [r.model_dump(include=set(RESULT_FIELDS) | {"span", "source", "confidence",
                                                                             "needs_review"}) for r in ex.results],
                   "pages": [p.model_dump() for p in ex.pages], "generated": ex.generated,
                   "not_generated_reason": ex.not_generated_reason, "warnings": ex.warnings}
            typer.echo(json.dumps(doc, indent=2))
        else:
            typer.echo(f"{'page':>4}  {'test':<40} {'value':>10} {'unit':<10} {'range':<14} {'flag':<6} loinc")
            for r in ex.results:
                rng = "" if r.ref_low is None and r.ref_high is None else \
                    f"{'' if r.ref_low is None else f'{r.ref_low:g}'}-{'' if r.ref_high is None else f'{r.ref_high:g}'}"
                typer.echo(f"{r.page:>4}  {r.test[:40]:<40} {(r.comparator or '') + f'{r.value:g}':>10} "
                           f"{(r.unit or '')[:10]:<10} {rng:<14} {r.flag or '':<6} {r.loinc or ''}")
            typer.echo(f"{len(ex.results)} result(s) from {len(ex.pages)} page(s)")
        for w in ex.warnings:
            typer.echo(f"warning: {w}", err=True)
        if not ex.results:
            typer.echo(f"error: no lab result could be read from {pdf}"
                       + (f": {ex.not_generated_reason}" if ex.not_generated_reason else ""), err=True)
            raise typer.Exit(NOTHING_READ)

    @app.command("ehr")
    def ehr(
        source: str = typer.Argument(..., metavar="BUNDLE_OR_URL",
                                     help="FHIR R4 Bundle JSON file, or a FHIR server URL ([base] or [base]/Patient/<id>)"),
        question: str | None = typer.Argument(None, help="the question (treated as data, never as instructions)"),
        question_opt: str | None = typer.Option(None, "--question", "-q", help="the question, as an option"),
        as_json: bool = typer.Option(False, "--json", help="print the answer as JSON"),
        no_model: bool = typer.Option(False, "--no-model", help="skip the model summary"),
    ) -> None:
        """Answer a question from a patient's FHIR record, citing resource ids."""
        from carepath.tools.ehr import EHRInput, answer  # lazy: keeps carepath --help fast (FHIR models, registry)

        if (question is None) == (question_opt is None):
            raise typer.BadParameter("give the question once: positionally or with --question")
        ans = answer(EHRInput(source=source, question=question or question_opt or "", use_model=not no_model))
        if as_json:
            typer.echo(ans.model_dump_json(indent=2))
        else:
            typer.echo(ans.answer)
            if ans.summary and ans.summary_resource_ids:
                typer.echo(f"summary (model {ans.model}): {ans.summary}")
            typer.echo("resource_ids: " + (", ".join(ans.resource_ids) or "none"))
        for w in ans.warnings:
            typer.echo(f"warning: {w}", err=True)
