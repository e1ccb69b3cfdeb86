"""Read-access audit: every PHI read and every refusal leaves a trace.

Each decision of ``carepath.access.policy`` that an interface acts on is
written twice:

1. into the hash-chained audit log (``workflows.audit``), as one record
   naming the actor (``<role>:<subject id>``), the thread, the study (its
   content hash as ``input_hashes``) and the outcome in the action
   (``access.<action>.allowed|denied|break_glass``) — tamper-evident and
   anchored like every other record;
2. as a FHIR R4B ``AuditEvent`` shaped per IHE BALP (Basic Audit Log
   Patterns: ``type`` rest, ``subtype`` read/search, the requesting agent
   with ``requestor=true`` and an identifier, the ``source`` observer, an
   entity for the patient and one for the thread/study) appended to a JSON
   lines file (``access.audit_events_file``) a SIEM ingests.

Only opaque ids leave here: the patient is ``Patient/<sha256 prefix>`` of
their identifier, the study its content hash; a break-the-glass reason goes
to the SIEM event (a security log) and only its hash into the chain.
"""

from __future__ import annotations

import hashlib
import os
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fhir.resources.R4B.auditevent import AuditEvent

from carepath.security.group_commit import GroupCommit
from carepath.security.jwt_auth import Identity
from carepath.access.policy import Decision
from carepath.settings import get_settings
from carepath.workflows.audit import AuditEntry, AuditLog, default_log_path
from carepath.workflows.thread_view import ThreadView

BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/"
_SUBTYPE = {"list": "search"}
_ACTION_CODE = {"list": "E", "sign": "U", "amend": "U", "pacs_pull": "C"}
IDENTITY_SYSTEM = "urn:carepath:identity"


def _opaque(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}|{value}".encode()).hexdigest()[:32]


def patient_ref(view: ThreadView | None) -> str | None:
    """``Patient/<opaque>`` from the thread's recorded patient identifier
    (issuer + value, hashed), or None when the thread names no patient."""
    ident = view.context.patient.id if view is not None and view.context is not None else None
    if ident is None:
        return None
    issuer = ident.universal_id or ident.namespace or ""
    return f"Patient/{_opaque('patient', issuer + '|' + ident.value)}"


def study_hashes(view: ThreadView | None) -> dict[str, str]:
    return {f"study:{n}": i.sha256 for n, i in enumerate(view.inputs_of("study") if view else [])}


def actor(who: Identity) -> str:
    role = "reviewer" if "reviewer" in who.roles else "requester"
    return f"{role}:{who.subject}"


def outcome(decision: Decision) -> str:
    return "break_glass" if decision.break_glass else ("allowed" if decision.allowed else "denied")


def audit_entry(who: Identity, decision: Decision, thread_id: str | None,
                view: ThreadView | None) -> AuditEntry:
    hashes = study_hashes(view)
    if decision.reason:
        hashes["break_glass_reason"] = hashlib.sha256(decision.reason.encode()).hexdigest()
    return AuditEntry(thread_id=thread_id or "none", actor=actor(who),
                      action=f"access.{decision.action}.{outcome(decision)}", input_hashes=hashes)


def _coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    return {"system": system, "code": code, **({"display": display} if display else {})}


def _entities(thread_id: str | None, view: ThreadView | None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    pat = patient_ref(view)
    if pat:
        out.append({"what": {"reference": pat},
                    "type": _coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"),
                    "role": _coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient")})
    if thread_id:
        out.append({"what": {"identifier": {"system": "urn:carepath:thread", "value": thread_id}},
                    "type": _coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2",
                                    "System Object"),
                    "role": _coding("http://terminology.hl7.org/CodeSystem/object-role", "4", "Domain Resource")})
    for sha in study_hashes(view).values():
        out.append({"what": {"identifier": {"system": "urn:carepath:study-sha256", "value": sha}},
                    "type": _coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2",
                                    "System Object"),
                    "role": _coding("http://terminology.hl7.org/CodeSystem/object-role", "3", "Report")})
    return out


def balp_event(who: Identity, decision: Decision, thread_id: str | None,
               view: ThreadView | None) -> AuditEvent:
    """The decision as an IHE BALP AuditEvent (PatientRead/PatientQuery when
    a patient is known, else the Basic read/query pattern)."""
    search = decision.action == "list"
    has_patient = patient_ref(view) is not None
    profile = ("IHE.BasicAudit.Patient" if has_patient else "IHE.BasicAudit.") + ("Query" if search else "Read")
    agent: dict[str, Any] = {
        "type": {"coding": [_coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP",
                                    "information recipient")]},
        "who": {"identifier": {"system": IDENTITY_SYSTEM, "value": who.subject}, "display": who.display_name},
        "requestor": True,
        "role": [{"text": r} for r in who.roles] or None,
    }
    if decision.break_glass:
        agent["purposeOfUse"] = [{"coding": [_coding("http://terminology.hl7.org/CodeSystem/v3-ActReason",
                                                     "BTG", "break the glass")], "text": decision.reason}]
    data = {
        "resourceType": "AuditEvent", "id": uuid.uuid4().hex,
        "meta": {"profile": [BALP + profile]},
        "type": _coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "Restful Operation"),
        "subtype": [_coding("http://hl7.org/fhir/restful-interaction", _SUBTYPE.get(decision.action, "read"))],
        "action": _ACTION_CODE.get(decision.action, "R"),
        "recorded": datetime.now(UTC).isoformat(),
        "outcome": "0" if decision.allowed else "4",
        "outcomeDesc": f"{decision.action}: {decision.why}",
        "agent": [{k: v for k, v in agent.items() if v is not None}],
        "source": {"observer": {"display": "carepath"},
                   "type": [_coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4",
                                    "Application Server")]},
        "entity": _entities(thread_id, view) or None,
    }
    return AuditEvent.model_validate({k: v for k, v in data.items() if v is not None})


def events_path() -> Path:
    s = get_settings()
    return s.access.audit_events_file or s.state_dir / "audit" / "audit-events.jsonl"


def _append_line(path: Path, line: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line)   # one write on O_APPEND: lines from several processes never interleave
    finally:
        os.close(fd)


_Pending = tuple[AuditEntry, bytes]
_groups: dict[tuple[Path, Path], GroupCommit[_Pending]] = {}
_groups_lock = threading.Lock()


def _writer(log: Path, events: Path) -> GroupCommit[_Pending]:
    """One group-commit queue per (audit log, SIEM file): concurrent reads
    share one lock and one fsync instead of queueing behind each other's."""
    with _groups_lock:
        group = _groups.get((log, events))
        if group is None:
            def write(batch: list[_Pending]) -> None:
                AuditLog(log).append_many([entry for entry, _ in batch])   # chain first: durable
                _append_line(events, b"".join(line for _, line in batch))
            group = _groups[(log, events)] = GroupCommit(write)
        return group


def record(who: Identity, decision: Decision, thread_id: str | None = None,
           view: ThreadView | None = None) -> None:
    """Write the decision to the audit chain and the SIEM file; returns once
    both are written (group-committed with concurrent reads)."""
    event = balp_event(who, decision, thread_id, view)
    line = event.model_dump_json(exclude_none=True).encode() + b"\n"
    _writer(default_log_path(), events_path()).submit((audit_entry(who, decision, thread_id, view), line))
