"""``carepath serve``: the HTTP API and reviewer page (FastAPI + uvicorn)."""

from __future__ import annotations

import typer

from carepath.errors import ConfigError
from carepath.web.auth import TokenStore


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(host: str = typer.Option("127.0.0.1", "--host"),
              port: int = typer.Option(8000, "--port", min=1, max=65535)) -> None:
        """Serve the API (OpenAPI at /docs) and the reviewer page on HOST:PORT."""
        try:  # heavy: optional FastAPI + uvicorn (the [ui] extra), only for `serve`
            import uvicorn

            from carepath.web.app import create_app  # heavy: FastAPI, as above
        except ImportError as exc:
            raise ConfigError("the web service is not installed", why=str(exc),
                              fix="pip install 'carepath[ui]'") from exc
        TokenStore.from_settings()  # refuse to start without tokens, with a clear message
        uvicorn.run(create_app(), host=host, port=port, log_level="warning", access_log=False)
