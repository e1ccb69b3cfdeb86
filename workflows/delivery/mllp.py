"""HL7 v2 messages to a RIS over MLLP, with the acknowledgement honoured.

Transport is python-hl7's asyncio MLLP streams (``hl7.mllp``): one TCP
connection per attempt, the message framed as one MLLP block, one ACK block
read back and parsed with python-hl7. Original-mode acknowledgement:

- ``AA`` (or ``CA``): accepted; the receipt names the endpoint and attempts.
- ``AE`` / ``AR`` (or ``CE`` / ``CR``): the RIS refused this message; raised
  at once with the reason from MSA-3 and ERR (resending the same message
  would be refused the same way).
- no connection, a connection closed before the ACK, or no ACK in time:
  retried with exponential backoff, then raised naming ``host:port``.

Logs carry the endpoint, control id and ACK code only: message content and
the RIS's reason text can hold patient identifiers.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from contextlib import suppress
from typing import Literal

import hl7
from hl7.mllp import open_hl7_connection
from pydantic import BaseModel, Field

from carepath.errors import CarepathError, InputError

log = logging.getLogger(__name__)

_HOST_PORT = re.compile(r"^(?:\[(?P<v6>[0-9A-Fa-f:.]+)\]|(?P<host>[A-Za-z0-9.-]+)):(?P<port>\d{1,5})$")
ACCEPTED = ("AA", "CA")


class MllpEndpoint(BaseModel):
    """Where the RIS listens (``--hl7 HOST:PORT``)."""

    host: str = Field(min_length=1)
    port: int = Field(ge=1, le=65535)

    @classmethod
    def parse(cls, text: str) -> MllpEndpoint:
        match = _HOST_PORT.match(text.strip())
        if not match or not 1 <= int(match["port"]) <= 65535:
            raise InputError("not an MLLP endpoint", subject=text,
                             why="expected HOST:PORT (IPv6 as [ADDR]:PORT)", fix="e.g. --hl7 ris.example.org:2575")
        return cls(host=match["v6"] or match["host"], port=int(match["port"]))

    @property
    def label(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


class RetryPolicy(BaseModel):
    """How patiently to deliver: attempts for transport failures, the
    connect and ACK timeouts, and the exponential backoff between attempts."""

    attempts: int = Field(3, ge=1, le=20)
    connect_timeout_s: float = Field(10.0, gt=0)
    ack_timeout_s: float = Field(30.0, gt=0)
    backoff_s: float = Field(1.0, ge=0)
    backoff_factor: float = Field(2.0, ge=1)

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt ``attempt`` (1-based)."""
        return self.backoff_s * self.backoff_factor ** (attempt - 1)


class Acknowledgement(BaseModel):
    """The parts of an ACK a sender acts on."""

    code: str
    control_id: str | None = None
    reason: str | None = None


class DeliveryReceipt(BaseModel):
    """An accepted delivery."""

    endpoint: str
    control_id: str
    ack_code: Literal["AA", "CA"]
    attempts: int


class RisDeliveryError(CarepathError):
    """The RIS refused the message, or could not be reached in time. The
    report's outputs are kept; ``carepath push`` sends it again."""

    exit_code = 3
    http_status = 502

    def __init__(self, what: str, *, endpoint: str, why: str, fix: str, ack_code: str | None = None,
                 reason: str | None = None, attempts: int = 1) -> None:
        super().__init__(what, subject=endpoint, why=why, fix=fix)
        self.endpoint = endpoint
        self.ack_code = ack_code
        self.reason = reason
        self.attempts = attempts


class _Transient(Exception):
    """A transport failure worth another attempt (the text has no content)."""


def _text(value: object) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _field(msg: hl7.Message, key: str) -> str | None:
    """One value by python-hl7 accessor (``MSA.F3``, ``ERR.F3.R1.C2``),
    unescaped; None when the segment or field is absent or empty."""
    try:
        return _text(msg[key])
    except (KeyError, IndexError):
        return None


def parse_ack(er7: str) -> Acknowledgement:
    """MSA-1 code, MSA-2 the acknowledged control id, and the reason: MSA-3,
    else ERR-8 (user message), ERR-3 (HL7 error code text / code), or the
    v2.3-style ERR-1."""
    try:
        msg = hl7.parse(er7.replace("\n", "\r"))
        code = _field(msg, "MSA.F1")
    except (ValueError, hl7.ParseException) as exc:
        raise _Transient(f"the reply is not an HL7 ACK ({type(exc).__name__})") from None
    if not code:
        raise _Transient("the reply has no MSA-1 acknowledgement code")
    reasons = (_field(msg, key) for key in ("MSA.F3", "ERR.F8", "ERR.F3.R1.C2", "ERR.F3.R1.C1", "ERR.F1"))
    return Acknowledgement(code=code, control_id=_field(msg, "MSA.F2"), reason=next(filter(None, reasons), None))


async def _exchange(payload: bytes, endpoint: MllpEndpoint, policy: RetryPolicy) -> Acknowledgement:
    """One connection: send the block, read one ACK block."""
    try:
        reader, writer = await asyncio.wait_for(
            open_hl7_connection(endpoint.host, endpoint.port, encoding="utf-8"), policy.connect_timeout_s)
    except TimeoutError:
        raise _Transient(f"no connection within {policy.connect_timeout_s:g} s") from None
    except OSError as exc:
        raise _Transient(f"connection failed ({exc.strerror or type(exc).__name__})") from None
    try:
        writer.writeblock(payload)
        await writer.drain()
        block = await asyncio.wait_for(reader.readblock(), policy.ack_timeout_s)
    except TimeoutError:
        raise _Transient(f"no ACK within {policy.ack_timeout_s:g} s") from None
    except asyncio.IncompleteReadError:
        raise _Transient("the connection was closed before an ACK came") from None
    except (OSError, ValueError) as exc:  # reset, or an oversized / unframed reply
        raise _Transient(f"the ACK could not be read ({type(exc).__name__})") from None
    finally:
        writer.close()
        with suppress(OSError, asyncio.CancelledError):
            await writer.wait_closed()
    return parse_ack(block.decode("utf-8", errors="replace"))


def _refused(ack: Acknowledgement, endpoint: MllpEndpoint, attempts: int) -> RisDeliveryError:
    kind = "rejected" if ack.code in ("AR", "CR") else "refused with an application error"
    return RisDeliveryError(
        f"the RIS {kind} the HL7 message ({ack.code})", endpoint=endpoint.label,
        why=ack.reason or "the ACK gives no reason", ack_code=ack.code, reason=ack.reason, attempts=attempts,
        fix="correct what the RIS names (patient, order, configuration) and push again")


async def send_message_async(er7: str, endpoint: MllpEndpoint, policy: RetryPolicy | None = None,
                             ) -> DeliveryReceipt:
    """Deliver one ER7 message; returns the receipt for an accepted ACK,
    raises ``RisDeliveryError`` otherwise."""
    policy = policy or RetryPolicy()
    control_id = _field(hl7.parse(er7.replace("\n", "\r")), "MSH.F10") or ""
    payload = er7.encode("utf-8")
    last = "no attempt made"
    for attempt in range(1, policy.attempts + 1):
        try:
            ack = await _exchange(payload, endpoint, policy)
        except _Transient as exc:
            last = str(exc)
            log.warning("HL7 delivery to %s, message %s: attempt %d/%d failed: %s",
                        endpoint.label, control_id, attempt, policy.attempts, last)
            if attempt < policy.attempts:
                await asyncio.sleep(policy.delay(attempt))
            continue
        log.info("HL7 message %s to %s: ACK %s", control_id, endpoint.label, ack.code)
        if ack.control_id and control_id and ack.control_id != control_id:
            raise RisDeliveryError("the RIS acknowledged a different message", endpoint=endpoint.label,
                                   why="MSA-2 does not match the MSH-10 sent", ack_code=ack.code,
                                   attempts=attempt, fix="check the RIS interface; push again")
        if ack.code not in ACCEPTED:
            raise _refused(ack, endpoint, attempt)
        return DeliveryReceipt(endpoint=endpoint.label, control_id=control_id, ack_code=ack.code,
                               attempts=attempt)
    raise RisDeliveryError("the HL7 message could not be delivered", endpoint=endpoint.label,
                           why=f"{last} (after {policy.attempts} attempts)", attempts=policy.attempts,
                           fix="check that the RIS listens at that host and port, then push again")


def send_message(er7: str, endpoint: MllpEndpoint, policy: RetryPolicy | None = None) -> DeliveryReceipt:
    """``send_message_async`` for callers without an event loop (the CLI).
    Code already inside a loop (the HTTP API) awaits the async form."""
    started = time.monotonic()
    try:
        return asyncio.run(send_message_async(er7, endpoint, policy))
    finally:
        log.debug("HL7 delivery to %s took %.2f s", endpoint.label, time.monotonic() - started)
