"""``carepath config show``: what the process will actually use."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.pretty import Pretty

from carepath.settings import get_settings


def register(app: typer.Typer) -> None:
    config_app = typer.Typer(help="Inspect effective settings.", no_args_is_help=True)

    @config_app.command("show")
    def show(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
        """Print the effective settings (env CAREPATH_*, TOML file, defaults); secrets masked."""
        data = get_settings().masked()
        if as_json:
            typer.echo(json.dumps(data, indent=2))
            return
        Console().print(Pretty(data, expand_all=True))

    app.add_typer(config_app, name="config")
