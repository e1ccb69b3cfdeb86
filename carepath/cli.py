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

try:  # typer ≥ 0.26 vendors click as typer._click: catch both families
    from typer._click import exceptions as _tclick
except ImportError:  # pragma: no cover
    _tclick = click.exceptions  # type: ignore[assignment]

_EXIT = (click.exceptions.Exit, typer.Exit, getattr(_tclick, "Exit", click.exceptions.Exit))
_CLICK_ERRORS = (click.ClickException, _tclick.ClickException)
_ABORT = (click.Abort, typer.Abort, getattr(_tclick, "Abort", click.Abort))

from carepath.errors import CarepathError
from carepath.logs import configure_logging
from carepath.security.storage import secure_process_umask

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
    "carepath.commands.mcp",          # MCP server over stdio
    "carepath.commands.documents",    # labs / ehr
    "carepath.commands.workflow",     # draft / review / sign / export / demo
    "carepath.commands.batch",        # batch
    "carepath.commands.push",         # push (FHIR, HL7 v2, PACS) / amend
    "carepath.commands.serve",        # HTTP service + reviewer page
    "carepath.commands.audit",        # audit verify / keygen
    "carepath.commands.purge",        # purge (retention)
    "carepath.commands.demo",         # demo
    "carepath.commands.evaluate",     # eval routing (+ retrieval from knowledge)
]

for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def main(argv: list[str] | None = None) -> int:
    secure_process_umask()   # state any command writes is 0700/0600 (PHI at rest)
    configure_logging()
    try:
        result = app(args=argv, prog_name="carepath", standalone_mode=False)
    except CarepathError as exc:
        err_console.print(f"[bold red]error:[/] {exc.one_line()}", markup=True)
        return exc.exit_code
    except _EXIT as exc:
        return int(getattr(exc, "exit_code", 0) or 0)
    except _CLICK_ERRORS as exc:
        exc.show()
        return int(exc.exit_code)
    except (*_ABORT, KeyboardInterrupt):
        err_console.print("aborted")
        return 130
    return result if isinstance(result, int) else 0


def run() -> None:  # pragma: no cover - console entry for `python -m carepath`
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
