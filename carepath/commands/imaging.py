"""CLI commands for carepath.imaging (registered in carepath.cli)."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("prepare")
    def prepare(
        study_path: Path = typer.Argument(..., help="DICOM file, folder, DICOMDIR or zip; or a PNG/JPEG radiograph"),
        out: Path | None = typer.Option(None, "--out", help="output folder (default: ./prepared-<name>)"),
        as_json: bool = typer.Option(False, "--json", help="print the report as JSON"),
        series: str | None = typer.Option(
            None, "--series", help="series rules, e.g. 'modality=CT&orientation=axial&min_slices=20'"),
        min_slices: int | None = typer.Option(
            None, "--min-slices", min=1,
            help="fewest images that make a volume (default 2; 1 when STUDY_PATH is one DICOM file)"),
        max_slices: int = typer.Option(85, "--max-slices", min=1, max=85, help="slices sent to the model"),
        question: str | None = typer.Option(None, "--question", help="clinical question for the prompt"),
    ) -> None:
        """Write the exact PNG images and prompt MedGemma would get, plus the
        preprocessing record (no model needed)."""
        from carepath.tools.prepare import prepare_study  # lazy: keeps carepath --help fast (~2 s DICOM/skills)

        target = out or Path.cwd() / f"prepared-{study_path.stem or 'study'}"
        if min_slices is None:
            # One file named on purpose is what the user wants prepared, even
            # a lone CT slice; in folders, stray single images are not volumes.
            single = study_path.is_file() and study_path.suffix.lower() not in (".zip",) \
                and study_path.name.upper() != "DICOMDIR"
            min_slices = 1 if single else 2
        report = prepare_study(study_path, target, series=series, min_slices=min_slices,
                               max_slices=max_slices, clinical_question=question)
        if as_json:
            typer.echo(report.model_dump_json(indent=2))
            return
        rec = report.record
        typer.echo(f"skill: {report.skill}  template: {report.template_id}")
        if rec.get("slices_used") is not None:  # a volume: which series, how many slices
            typer.echo(f"series: {rec.get('series_instance_uid')} ({rec.get('modality')}, "
                       f"{rec.get('orientation')}), {rec.get('slices_used')} of "
                       f"{rec.get('slices_in_series')} slices, ordered by {rec.get('order')}")
        typer.echo(f"images: {len(report.images)} PNG in {report.out_dir}")
        typer.echo(f"prompt: {report.prompt_text}")
        typer.echo(f"record: {report.record_json}")
        for w in report.warnings:
            typer.echo(f"warning: {w}", err=True)
