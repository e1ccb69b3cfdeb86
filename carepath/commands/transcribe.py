"""``carepath transcribe AUDIO``: dictation to text with the configured ASR."""

from __future__ import annotations

import json
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("transcribe")
    def transcribe(
        audio: Path = typer.Argument(..., help="WAV/FLAC/OGG/MP3 recording, any rate/channels."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    ) -> int:
        """Transcribe a dictation (MedASR if configured, else the labelled Whisper fallback)."""
        # heavy: the ASR backends (torch, transformers) load only for this command
        from carepath.models.registry import get_transcriber

        t = get_transcriber().transcribe(audio)
        if as_json:
            typer.echo(json.dumps(t.model_dump(mode="json", include={
                "text", "asr_backend", "model", "duration_s", "rtf", "segments", "warnings"}),
                indent=2))
        else:
            typer.echo(t.text)
            typer.echo(f"[{t.asr_backend} · {t.duration_s:.1f} s audio · RTF {t.rtf:.2f}]", err=True)
        for w in t.warnings:
            typer.echo(f"warning: {w}", err=True)
        return 0
