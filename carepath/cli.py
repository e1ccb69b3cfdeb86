"""The ``carepath`` console script.

Each command group lives in its own module under ``carepath.commands`` and
registers itself here; heavy imports (torch, transformers, faiss) happen
inside the commands so ``carepath --help`` stays instant.
Errors the user can fix are printed as one line with a specific exit code,
never as a traceback.
"""

from __future__ import annotations

import importlib
import sys

import click
import typer
from rich.console import Console

from carepath.errors import CarepathError

app = typer.Typer(
    name="carepath",
    help="On-prem clinical workflow orchestrator: MedGemma 1.5 skills, MedASR dictation, "
         "cited guideline answers, and a human sign-off gate.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

# One module per command group; each defines ``register(app)``.
COMMAND_MODULES = [
    "carepath.commands.config",
    "carepath.commands.transcribe",   # ASR
    "carepath.commands.knowledge",    # index / ask / eval retrieval
    "carepath.commands.imaging",      # prepare
    "carepath.commands.documents",    # labs / ehr
    "carepath.commands.workflow",     # draft / review / sign / export / demo
    "carepath.commands.audit",        # audit verify
    "carepath.commands.demo",         # demo
    "carepath.commands.evaluate",     # eval routing (+ retrieval from knowledge)
]

for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def main(argv: list[str] | None = None) -> int:
    from carepath.logs import configure_logging

    configure_logging()
    try:
        result = app(args=argv, prog_name="carepath", standalone_mode=False)
    except CarepathError as exc:
        err_console.print(f"[bold red]error:[/] {exc.one_line()}", markup=True)
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except (click.Abort, KeyboardInterrupt):
        err_console.print("aborted")
        return 130
    return result if isinstance(result, int) else 0


def run() -> None:  # pragma: no cover - console entry for `python -m carepath`
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
