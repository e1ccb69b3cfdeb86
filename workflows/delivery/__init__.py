"""Getting signed reports to where they are filed, and studies from where they
are kept: one module per destination kind (``pacs`` today; FHIR servers and
HL7 v2 to a RIS sit beside it). Transports only: which thread, which outputs
and whether it is signed are the service's business (``workflows.service``),
so the CLI and the HTTP API deliver through the same calls."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from carepath.errors import CarepathError


class Delivery(BaseModel):
    """What happened to a signed report after sign-off. A failed delivery
    loses nothing (the signed outputs are already written): ``error`` says
    why and ``retry`` is the command that sends it again."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    thread_id: str
    pushed_to: str | None = None
    error: CarepathError | None = Field(None, exclude=True)
    retry: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The HTTP sign-off reply's delivery fields (a public contract)."""
        if self.error is None:
            return {"pushed_to": self.pushed_to}
        return {"pushed_to": None, "push_error": self.error.to_dict() | {"retry": self.retry}}
