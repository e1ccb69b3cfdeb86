"""``carepath mcp``: serve carepath's tools to MCP clients over stdio."""

from __future__ import annotations

import typer

from carepath.errors import ConfigError


def register(app: typer.Typer) -> None:
    @app.command("mcp")
    def mcp() -> None:
        """Serve the tools over MCP on stdin/stdout (for Claude Desktop, IDEs, agent frameworks)."""
        try:  # heavy: optional MCP SDK (the [mcp] extra)
            from carepath.integrations.mcp_server import main
        except ImportError as exc:
            raise ConfigError("MCP support is not installed", why=str(exc),
                              fix="pip install 'carepath[mcp]'") from exc
        main()
