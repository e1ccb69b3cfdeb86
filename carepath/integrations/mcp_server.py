"""carepath over MCP (stdio): the tool registry of ``carepath.integrations.agent_tools``
served with the ``mcp`` 2.x SDK's ``MCPServer``.

The SDK derives each tool's input schema from a function signature, so each
registry entry gets a function whose keyword parameters are exactly the
fields of its pydantic argument model (types, defaults, limits and
descriptions carried over); arguments are validated by the SDK against that
schema before carepath sees them. carepath errors reach the client as tool
errors with the one-line what/why/fix message. Logs go to stderr: stdout is
the protocol.
"""

from __future__ import annotations

import inspect
from typing import Annotated, Any

from pydantic import Field

import carepath
from carepath.errors import CarepathError
from carepath.integrations.agent_tools import ToolSpec, error_text, tool_specs


def _function_for(spec: ToolSpec) -> Any:
    from mcp.server.mcpserver.exceptions import ToolError  # heavy: optional [mcp] extra

    params = []
    for name, field in spec.args.model_fields.items():
        default = inspect.Parameter.empty if field.is_required() else field.get_default(call_default_factory=True)
        # Constraints and description only: the default travels as the parameter's default.
        meta = (*field.metadata, Field(description=field.description))
        params.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                                        annotation=Annotated[(field.annotation, *meta)]))

    def call(**kwargs: Any) -> Any:
        try:
            return spec.invoke(kwargs)
        except CarepathError as exc:
            raise ToolError(error_text(exc)) from exc

    call.__name__ = spec.name
    call.__doc__ = spec.description
    call.__signature__ = inspect.Signature(params, return_annotation=Any)  # type: ignore[attr-defined]
    return call


def build_server() -> Any:
    from mcp.server.mcpserver import MCPServer  # heavy: optional [mcp] extra (starlette, anyio...)

    server = MCPServer(name="carepath", version=carepath.__version__,
                       instructions="Clinical guideline answers with verbatim citations, MedGemma imaging "
                                    "and document skills, and cited draft reports that a clinician must "
                                    "sign off. Drafts are never final; there is no signing tool.",
                       log_level="WARNING")
    for spec in tool_specs():
        server.add_tool(_function_for(spec), name=spec.name, description=spec.description,
                        structured_output=False)
    return server


def main() -> None:
    build_server().run("stdio")
