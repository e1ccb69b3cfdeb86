"""A signed report's FHIR transaction Bundle to a FHIR server (``carepath push
--fhir URL``).

A ``transaction`` Bundle is POSTed to the server's base URL (FHIR R4B
RESTful API, "transaction" interaction); the server answers 200 with a
transaction-response Bundle. Transport failures and the answers a server
gives when it is busy or broken (408, 429, 5xx) are retried with
exponential backoff; any other 4xx is the server refusing this bundle and is
raised at once with the status and the OperationOutcome's diagnostics (the
same bundle would be refused again).

Logs carry the endpoint, status and attempt only: the bundle and the
server's diagnostics can hold patient identifiers.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

import httpx
from pydantic import BaseModel, Field, HttpUrl

from carepath.errors import CarepathError, InputError

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
FHIR_JSON = "application/fhir+json"


class FhirRetryPolicy(BaseModel):
    """Attempts, the per-request timeout and the backoff between attempts."""

    attempts: int = Field(3, ge=1, le=20)
    timeout_s: float = Field(30.0, gt=0)
    backoff_s: float = Field(1.0, ge=0)
    backoff_factor: float = Field(2.0, ge=1)

    def delay(self, attempt: int) -> float:
        return self.backoff_s * self.backoff_factor ** (attempt - 1)


class FhirReceipt(BaseModel):
    """An accepted transaction: where, the HTTP status, and how many tries."""

    endpoint: str
    status: int
    attempts: int


class FhirDeliveryError(CarepathError):
    """The FHIR server refused the bundle or could not be reached. The
    outputs are kept; ``carepath push`` sends it again."""

    exit_code = 3
    http_status = 502

    def __init__(self, what: str, *, endpoint: str, why: str, fix: str, status: int | None = None,
                 attempts: int = 1) -> None:
        super().__init__(what, subject=endpoint, why=why, fix=fix)
        self.endpoint = endpoint
        self.status = status
        self.attempts = attempts


def fhir_base(url: str) -> str:
    """The server's base URL, checked (http/https, host present)."""
    try:
        parsed = HttpUrl(url.strip())
    except ValueError:
        raise InputError("not a FHIR base URL", subject=url, why="expected http(s)://HOST[:PORT]/PATH",
                         fix="e.g. --fhir http://ehr.example.org/fhir") from None
    return str(parsed).rstrip("/")


def _diagnostics(resp: httpx.Response) -> str:
    """The OperationOutcome's issue texts, else the start of the body."""
    try:
        body: Any = resp.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return resp.text[:300].strip() or "no body"
    if isinstance(body, dict) and body.get("resourceType") == "OperationOutcome":
        issues = [i.get("diagnostics") or (i.get("details") or {}).get("text") or i.get("code", "")
                  for i in body.get("issue") or [] if isinstance(i, dict)]
        return "; ".join(filter(None, issues)) or "OperationOutcome without diagnostics"
    return "the reply is not an OperationOutcome"


def post_transaction(bundle: bytes, base_url: str, policy: FhirRetryPolicy | None = None,
                     ) -> FhirReceipt:
    """POST one transaction Bundle (JSON bytes) to ``base_url``; returns the
    receipt on 2xx, raises ``FhirDeliveryError`` otherwise."""
    policy = policy or FhirRetryPolicy()
    base = fhir_base(base_url)
    headers = {"Content-Type": FHIR_JSON, "Accept": FHIR_JSON}
    last = "no attempt made"
    with httpx.Client(timeout=policy.timeout_s) as client:
        for attempt in range(1, policy.attempts + 1):
            try:
                resp = client.post(base, content=bundle, headers=headers)
            except httpx.TransportError as exc:
                last = f"{type(exc).__name__}"
            else:
                log.info("FHIR transaction to %s: HTTP %d (attempt %d)", base, resp.status_code, attempt)
                if resp.is_success:
                    return FhirReceipt(endpoint=base, status=resp.status_code, attempts=attempt)
                if resp.status_code not in RETRY_STATUSES:
                    raise FhirDeliveryError(
                        f"the FHIR server refused the bundle (HTTP {resp.status_code})", endpoint=base,
                        status=resp.status_code, why=_diagnostics(resp), attempts=attempt,
                        fix="correct what the server names (profile, references, permissions) and push again")
                last = f"HTTP {resp.status_code}: {_diagnostics(resp)}"
            log.warning("FHIR transaction to %s: attempt %d/%d failed", base, attempt, policy.attempts)
            if attempt < policy.attempts:
                time.sleep(policy.delay(attempt))
    raise FhirDeliveryError("the FHIR bundle could not be delivered", endpoint=base,
                            why=f"{last} (after {policy.attempts} attempts)", attempts=policy.attempts,
                            fix="check that the FHIR server is up at that URL, then push again")
