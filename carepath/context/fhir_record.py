"""Patient and order context from FHIR R4B ``Patient`` / ``ServiceRequest``.

Resources are validated with ``fhir.resources.R4B`` first (R4 data; the
package's default models are R5). The medical record number (identifier typed
``MR``) is preferred as the patient identifier, its ``system`` becoming the
assigning authority; the accession comes from the ServiceRequest identifier
typed ``ACSN`` and the placer order number from ``PLAC`` (v2-0203), as the
FHIR imaging guidance files them. A ServiceRequest whose ``subject`` names a
different Patient than the one handed over is refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fhir.resources.R4B.identifier import Identifier as FhirIdentifier
from fhir.resources.R4B.patient import Patient as FhirPatient
from fhir.resources.R4B.servicerequest import ServiceRequest as FhirServiceRequest
from pydantic import ValidationError

from carepath.context.identity import CODE_SYSTEMS, Code, Identifier, PersonName, clean
from carepath.context.linkage import CareContext, ContextConflictError
from carepath.context.order import Order
from carepath.context.patient import Patient
from carepath.errors import InputError

_SEX = {"male": "M", "female": "F", "other": "O", "unknown": "U"}
_SCHEMES = {system: scheme for scheme, system in CODE_SYSTEMS.items()}


def _validated(resource: Any, cls: type, what: str) -> Any:
    if resource is None or isinstance(resource, cls):
        return resource
    try:
        return cls.model_validate(resource)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(map(str, first.get("loc", ()))) or "top"
        raise InputError(f"invalid FHIR {what}", subject=what,
                         why=f"{first.get('type')} at {where} (fhir.resources R4B)",
                         fix=f"pass a valid FHIR R4 {what} resource") from None


def _typed(identifiers: list[FhirIdentifier] | None, code: str) -> FhirIdentifier | None:
    for ident in identifiers or []:
        codings = ident.type.coding if ident.type and ident.type.coding else []
        if any(c.code == code for c in codings) and clean(ident.value):
            return ident
    return None


def _identifier(ident: FhirIdentifier | None) -> Identifier | None:
    value = clean(ident.value) if ident else None
    if ident is None or value is None or len(value) > 64:
        return None
    system, uid_type = clean(ident.system), None
    if system and system.startswith("urn:oid:"):
        system, uid_type = system[len("urn:oid:"):], "ISO"
    elif system and system.startswith("urn:uuid:"):
        system, uid_type = system[len("urn:uuid:"):], "UUID"
    elif system:
        uid_type = "URI"
    namespace = clean(ident.assigner.display) if ident.assigner else None
    return Identifier(value=value, namespace=namespace, universal_id=system, universal_id_type=uid_type)


def _name(patient: FhirPatient) -> PersonName | None:
    names = patient.name or []
    chosen = next((n for n in names if n.use == "official"), names[0] if names else None)
    if chosen is None:
        return None
    given = [g for g in (chosen.given or []) if clean(g)]
    name = PersonName(family=clean(chosen.family), given=given[0] if given else None,
                      middle=" ".join(given[1:]) or None,
                      prefix=clean(" ".join(chosen.prefix or [])), suffix=clean(" ".join(chosen.suffix or [])))
    return None if name.is_empty() else name


def _birth_date(value: Any, warnings: list[str]) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        warnings.append("FHIR Patient.birthDate is a partial date; left out")
        return None


def _patient(resource: FhirPatient, warnings: list[str]) -> Patient:
    idents = resource.identifier or []
    chosen = _typed(idents, "MR") or next((i for i in idents if clean(i.value)), None)
    return Patient(id=_identifier(chosen), name=_name(resource),
                   birth_date=_birth_date(resource.birthDate, warnings),
                   sex=_SEX.get(resource.gender or ""))


def _procedure(request: FhirServiceRequest) -> Code | None:
    concept = request.code
    coding = next((c for c in (concept.coding or []) if clean(c.code)), None) if concept else None
    if coding is None or len(clean(coding.code) or "") > 64:
        return None
    system = clean(coding.system)
    return Code(value=clean(coding.code), scheme=_SCHEMES.get(system or "", system),
                meaning=clean(coding.display) or (clean(concept.text) if concept else None))


def _check_subject(request: FhirServiceRequest, patient: FhirPatient | None) -> None:
    ref = request.subject.reference if request.subject else None
    if patient is None or not ref or not patient.id:
        return
    if ref.rsplit("/", 1)[-1].removeprefix("urn:uuid:") != patient.id:
        raise ContextConflictError(
            "conflicting patient/order context in one request", subject="fhir Patient vs fhir ServiceRequest",
            why="the ServiceRequest's subject is a different Patient than the one handed over",
            fix="hand over the Patient the order was placed for")


def context_from_fhir(patient: FhirPatient | dict[str, Any] | None = None,
                      service_request: FhirServiceRequest | dict[str, Any] | None = None,
                      *, source: str = "fhir") -> CareContext:
    """Context from a Patient and/or a ServiceRequest (resource objects or
    JSON dicts). Raises ``InputError`` for a resource that is not valid R4."""
    pat = _validated(patient, FhirPatient, "Patient")
    req = _validated(service_request, FhirServiceRequest, "ServiceRequest")
    warnings: list[str] = []
    order = Order()
    if req is not None:
        _check_subject(req, pat)
        order = Order(accession=_identifier(_typed(req.identifier, "ACSN")),
                      placer_number=_identifier(_typed(req.identifier, "PLAC")), procedure=_procedure(req))
    ctx = CareContext(patient=_patient(pat, warnings) if pat is not None else Patient(), order=order,
                      sources=[source], warnings=warnings)
    return ctx.checked()
