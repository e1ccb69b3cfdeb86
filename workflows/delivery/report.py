"""Sending the latest version of a signed report to each destination named
(``carepath push THREAD --fhir URL --hl7 HOST:PORT --pacs TARGET``).

The files sent are the ones written at sign-off (or by the latest
amendment): the FHIR transaction Bundle, the ORU^R01, the signed SR and its
Encapsulated PDF. Nothing is rebuilt here, so what reaches the EHR, the RIS
and the PACS is exactly what was signed and kept on disk. Each destination is
tried on its own: one failing does not stop the others, and every outcome
comes back as a ``PushResult`` with the command that retries it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from carepath.errors import CarepathError, InputError
from carepath.workflows.delivery.fhir import fhir_base, post_transaction
from carepath.workflows.delivery.mllp import MllpEndpoint, send_message
from carepath.workflows.delivery.pacs import push_objects
from carepath.workflows.thread_view import ThreadView

Kind = Literal["fhir", "hl7", "pacs"]
FLAGS: dict[str, str] = {"fhir": "--fhir", "hl7": "--hl7", "pacs": "--pacs"}


class PushTargets(BaseModel):
    """Where to send: a FHIR base URL, an MLLP ``HOST:PORT``, a PACS
    (``dicomweb:URL`` / ``dimse:AE@HOST:PORT``); any subset."""

    fhir: str | None = None
    hl7: str | None = None
    pacs: str | None = None

    def named(self) -> list[tuple[Kind, str]]:
        return [(k, v) for k, v in (("fhir", self.fhir), ("hl7", self.hl7), ("pacs", self.pacs)) if v]


class PushResult(BaseModel):
    """One destination's outcome; ``error`` is set when it failed, and
    ``retry`` is then the command that sends it again."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    kind: Kind
    endpoint: str
    version: int
    sent: list[str] = Field(default_factory=list, description="output kinds sent")
    error: CarepathError | None = Field(None, exclude=True)
    retry: str | None = None


def retry_command(thread_id: str, kind: Kind, endpoint: str) -> str:
    return f"carepath push {thread_id} {FLAGS[kind]} {endpoint}"


def _file(view: ThreadView, kind: str, why: str) -> Path:
    path = view.latest_outputs.get(kind)
    if not path or not Path(path).is_file():
        raise InputError(f"no {kind} output for this report", subject=view.thread_id, why=why,
                         fix="see the outputs listed by `carepath sign` / `carepath amend`")
    return Path(path)


def _fhir(view: ThreadView, url: str) -> list[str]:
    post_transaction(_file(view, "fhir", "the FHIR bundle was not written").read_bytes(), url)
    return ["fhir"]


def _hl7(view: ThreadView, address: str) -> list[str]:
    er7 = _file(view, "hl7v2", "an ORU^R01 needs a signed report with a patient identifier (PID-3)")
    send_message(er7.read_text(encoding="utf-8"), MllpEndpoint.parse(address))
    return ["hl7v2"]


def _pacs(view: ThreadView, target: str) -> list[str]:
    kinds = [k for k in ("sr", "pdf_dicom") if view.latest_outputs.get(k)]
    if "sr" not in kinds:
        raise InputError("no DICOM SR for this report", subject=view.thread_id,
                         why="it has no imaging study", fix="push it with --fhir or --hl7")
    push_objects([_file(view, k, "the DICOM object was not written") for k in kinds], target)
    return kinds


SENDERS: dict[Kind, Callable[[ThreadView, str], list[str]]] = {"fhir": _fhir, "hl7": _hl7, "pacs": _pacs}


def normalised(kind: Kind, endpoint: str) -> str:
    """The endpoint as errors and retry commands name it (checked first, so
    a malformed address fails before anything is sent)."""
    if kind == "fhir":
        return fhir_base(endpoint)
    if kind == "hl7":
        return MllpEndpoint.parse(endpoint).label
    return endpoint.strip()


def send_report(view: ThreadView, targets: PushTargets) -> list[PushResult]:
    """Send the latest version to every named destination; never raises for
    a destination that fails (its result carries the error and retry)."""
    named = [(kind, normalised(kind, endpoint)) for kind, endpoint in targets.named()]
    results = []
    for kind, endpoint in named:
        result = PushResult(kind=kind, endpoint=endpoint, version=view.version)
        try:
            result.sent = SENDERS[kind](view, endpoint)
        except CarepathError as exc:
            result.error, result.retry = exc, retry_command(view.thread_id, kind, endpoint)
        results.append(result)
    return results
