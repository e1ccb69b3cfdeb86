"""``carepath transcribe``: placeholder registration; implemented with the ASR backend."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    return None
