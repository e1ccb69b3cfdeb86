"""What an agent tool may touch: files under ``agent.allowed_roots`` and FHIR
servers on ``agent.fhir_allowed``.

Agent tools (MCP, LangChain) take paths and URLs from a model, and a model
can be prompt-injected; so every path argument is resolved (``~`` expanded,
symlinks followed, ``..`` collapsed) and must land inside an allowed root,
and every URL argument must start with an allowed FHIR base URL — the same
idea as the PACS allow-list (``pacs.allowed``). Refusals name the setting.

Defaults keep the local user's experience: with no roots configured the
tools may read under the working directory they were started in (where a
user runs ``carepath mcp`` or their LangChain host), nothing else — not
``/etc``, not other departments' folders, not carepath's own state. With no
FHIR base configured, tools read FHIR bundle files only. The CLI commands
are not agent tools and are not restricted.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel

from carepath.errors import Forbidden
from carepath.settings import get_settings

# Argument names that carry paths on the carepath host, and those that carry
# a path or a FHIR server URL (every skill's argument model uses these names).
PATH_FIELDS = frozenset({"path", "current", "prior", "studies", "documents", "slides"})
SOURCE_FIELDS = frozenset({"source", "fhir"})
ROOTS_SETTING = "agent.allowed_roots (CAREPATH_AGENT__ALLOWED_ROOTS, a JSON list)"
FHIR_SETTING = "agent.fhir_allowed (CAREPATH_AGENT__FHIR_ALLOWED, a JSON list)"


def allowed_roots() -> list[Path]:
    roots = get_settings().agent.allowed_roots or [Path.cwd()]
    return [r.expanduser().resolve() for r in roots]


def check_path(value: str, field: str) -> Path:
    """The resolved path, or ``Forbidden`` naming the roots and the setting."""
    roots = allowed_roots()
    resolved = Path(value).expanduser().resolve()
    if not any(resolved == r or resolved.is_relative_to(r) for r in roots):
        raise Forbidden("path outside the agent tools' allowed roots", subject=f"{field}={value}",
                        why=f"it resolves to {resolved}, outside {', '.join(str(r) for r in roots)}",
                        fix=f"put the file under an allowed root or add its folder to {ROOTS_SETTING}")
    return resolved


def _base(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{parts.path.rstrip('/')}"


def check_url(value: str, field: str) -> str:
    """Accept a URL only under an allowed FHIR base (scheme, host, port and
    path prefix must match; no credentials in the URL)."""
    allowed = [_base(a) for a in get_settings().agent.fhir_allowed]
    parts = urlsplit(value.strip())
    target = _base(value)
    ok = not parts.username and not parts.password and any(
        target == a or target.startswith(a + "/") for a in allowed)
    if not ok:
        raise Forbidden("FHIR server not on the agent tools' allow-list", subject=f"{field}={value[:200]}",
                        why="allowed: " + (", ".join(allowed) if allowed else "none (bundle files only)"),
                        fix=f"add the server's base URL to {FHIR_SETTING}")
    return value


def _is_url(value: str) -> bool:
    return urlsplit(value).scheme.lower() in ("http", "https")


def check_arguments(args: BaseModel) -> None:
    """Check every path and URL argument of a tool call (raises ``Forbidden``)."""
    for field in type(args).model_fields:
        value = getattr(args, field)
        values = value if isinstance(value, list) else [value]
        for v in values:
            if not isinstance(v, (str, Path)) or not str(v):
                continue
            if field in SOURCE_FIELDS:
                check_url(str(v), field) if _is_url(str(v)) else check_path(str(v), field)
            elif field in PATH_FIELDS:
                check_path(str(v), field)
