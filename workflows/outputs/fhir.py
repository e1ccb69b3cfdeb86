"""The report as a FHIR R4B ``transaction`` Bundle an EHR can file.

Why ``transaction`` (not ``collection`` or a ``document``): a FHIR server
files the resources of a transaction as resources, all or nothing, and links
them to what it already holds — the Patient by its MRN and the order by its
accession (conditional create, ``ifNoneExist``), the report and its
Observations by carepath's stable identifiers (conditional update, so a
draft, its sign-off and a later amendment are versions of the *same*
DiagnosticReport, the FHIR way of moving ``partial`` → ``final`` →
``amended``), and the Provenance and AuditEvent of each version at stable
client-assigned ids (``PUT Provenance/<uuid>``: neither has an identifier to
search on), so pushing the same version again files nothing twice. A
``document`` Bundle is stored whole as an attested, immutable document
(Composition first) that a server does not decompose into searchable
DiagnosticReports, and cannot be amended in place; a
``collection`` is not filed by any server at all. Pushing is the caller's
decision (``carepath push``); the bundle only says how to file it.

Who is who (HL7 rules the issue named):

- ``subject`` → the Patient (identifier system from the issuer, else the
  configured ``fhir.patient_id_system``); ``basedOn`` → the ServiceRequest
  holding the accession as an ``ACSN``-typed identifier, also on the report.
  A missing PatientID or accession is never invented: the resource is left
  out and the report's narrative and renderings say so.
- ``performer`` = the signing radiologist (Practitioner) and the institution
  (Organization, by name); ``resultsInterpreter`` = the signer with an
  identifier. The AI never performs: its models are Devices that appear only
  as Provenance agents, with model versions and prompt-template versions.
- ``effectiveDateTime`` = the study date/time (date only when DICOM gives no
  time zone: FHIR requires a zone once a time is stated); ``issued`` = sign
  time; ``conclusion`` = the Impression text only; ``presentedForm`` = HTML
  and PDF renderings; ``media`` = key images (with their overlay boxes).

Statuses (R4B value sets): unsigned draft → ``partial`` ("may be incomplete
and/or unverified"; never ``preliminary``, which means *verified* early
results), Observations ``preliminary``; approved/edited before release →
``final``; rejected → ``cancelled``; a later version of a signed report
(``Revision``) → ``amended`` or ``corrected`` with a Provenance ``revision``
entity naming the version it replaces.

fhir.resources parses structure but not reference target types, bindings or
invariants; ``check_bundle`` adds carepath's status rules and runs the
independent spec check in ``fhir_conformance`` before anything is written.
"""

from __future__ import annotations

import base64
import hashlib
import html
import uuid
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Literal, NoReturn
from urllib.parse import urlencode

from fhir.resources.R4B.bundle import Bundle
from pydantic import BaseModel, Field, ValidationError

from carepath.artifacts import sha256_bytes
from carepath.atomic import write_text
from carepath.context import CareContext, Clinician, Identifier, PersonName
from carepath.deid import policy_uris
from carepath.draft import Draft, Section, SignOff
from carepath.errors import CarepathError, InputError
from carepath.evidence import Finding, SkillResult
from carepath.settings import get_settings
from carepath.tools.registry import imaging_intents, imaging_skill_names
from carepath.workflows.outputs import fhir_conformance
from carepath.workflows.outputs.render import KeyImage, key_images, render, report_view
from carepath.workflows.outputs.report_state import (
    ReportState,
    Revision,
    banner,
    report_sections,
    state_of,
)

_NS = uuid.UUID("5b0c3a52-6f3e-4c0e-9a55-6361726570a7")  # carepath FHIR id namespace

SYS_EVIDENCE = "urn:carepath:evidence-id"
SYS_DRAFT = "urn:carepath:draft-id"
SYS_THREAD = "urn:carepath:thread-id"
SYS_REPORT_VERSION = "urn:carepath:report-version"
SYS_PROMPT = "urn:carepath:prompt-template"
SYS_SHA256 = "urn:carepath:sha256"
SYS_DICOM_UID = "urn:dicom:uid"
SYS_URI = "urn:ietf:rfc:3986"  # identifier values that are themselves URIs (urn:uuid:…)
LOINC = "http://loinc.org"
V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074"
V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
PROV_PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation"
DCM = "http://dicom.nema.org/resources/ontology/DCM"
LIFECYCLE = "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle"
SIGNATURE_TYPE = "urn:iso-astm:E1762-95:2013"
VERIFICATION_SIGNATURE = "1.2.840.10065.1.12.1.5"
OBS_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
MEDIA_TYPE = "http://terminology.hl7.org/CodeSystem/media-type"

REPORT_STATUS: dict[ReportState, str] = {"draft": "partial", "final": "final", "rejected": "cancelled"}
OBSERVATION_STATUS: dict[ReportState, str] = {"draft": "preliminary", "final": "final",
                                              "rejected": "cancelled"}
REVISION_STATUSES = ("amended", "corrected")
# Report codes when no procedure code was ordered: the LOINC document codes
# DICOM PS3.16 CID 7000 (Diagnostic Imaging Report Document Titles) lists per
# modality; everything else (CR, DX, RG, MG, XA…) gets the generic
# "Diagnostic imaging study". A Radiology Playbook code (e.g. 36643-5 "XR
# Chest 2 Views") would state anatomy and view count that a DICOM header does
# not reliably give; a wrong specific code mis-files a report, a generic one
# never does.
MODALITY_CODES: dict[str, tuple[str, str]] = {
    "CT": ("18747-6", "CT Study report"),
    "MR": ("18755-9", "MRI Study report"),
    "US": ("18760-9", "Ultrasound Study report"),
}
IMAGING_REPORT = ("18748-4", "Diagnostic imaging study")

# The imaging skills and the intents they report on, as the skill registry
# declares them: imaging findings are ``imaging`` Observations, and only
# imaging drafts get a DICOM SR.
IMAGING_SKILLS = imaging_skill_names()
IMAGING_INTENTS = imaging_intents()
# Resource types Observation.derivedFrom may point at in R4B.
_DERIVABLE = {"DocumentReference", "ImagingStudy", "Media", "QuestionnaireResponse",
              "Observation", "MolecularSequence"}
_GENDER = {"M": "male", "F": "female", "O": "other", "U": "unknown"}


class ReportStatusError(CarepathError):
    """A bundle's status is invalid or unsafe (e.g. final without sign-off)."""

    exit_code = 1


# --- small helpers ----------------------------------------------------------------


def _uid(*parts: str) -> str:
    return str(uuid.uuid5(_NS, "|".join(parts)))


def _url(rid: str) -> str:
    return f"urn:uuid:{rid}"


def _iso(t: datetime) -> str:
    return t.isoformat()


def _ref(rid: str, display: str | None = None) -> dict[str, Any]:
    return {"reference": _url(rid), **({"display": display} if display else {})}


def _uri_identifier(rid: str) -> dict[str, Any]:
    return {"system": SYS_URI, "value": _url(rid)}


def _conditional(rtype: str, ident: dict[str, Any]) -> str:
    """The search that finds this resource again (``Type?identifier=sys|value``)."""
    return f"{rtype}?" + urlencode({"identifier": f"{ident['system']}|{ident['value']}"})


def _attachment(data: bytes, content_type: str, title: str) -> dict[str, Any]:
    return {"contentType": content_type, "language": "en",
            "data": base64.b64encode(data).decode("ascii"), "size": len(data),
            "hash": base64.b64encode(hashlib.sha1(data, usedforsecurity=False).digest()).decode("ascii"),  # FHIR: SHA-1
            "title": title}


def _narrative(paragraphs: list[str]) -> dict[str, Any]:
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs if p)
    return {"status": "generated", "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>'}


def _sentence_line(section: str, text: str, evidence: list[str]) -> str:
    return f"{section}: {text}" + (f" [{', '.join(evidence)}]" if evidence else " [no evidence]")


def evidence_map(draft: Draft, sections: list[Section]) -> dict[str, Any]:
    """Machine-readable sentence → evidence map (sections → sentences →
    evidence ids, and the guideline citations with quotes)."""
    return {
        "draft_id": draft.draft_id, "thread_id": draft.thread_id,
        "sections": [{"name": s.name, "sentences": [
            {"text": x.text, "evidence": x.evidence, "flagged": x.flagged,
             "flag_reason": x.flag_reason} for x in s.sentences]} for s in sections],
        "citations": [c.model_dump(mode="json") for c in draft.citations],
    }


class _Entry(BaseModel):
    """One bundle entry: the resource, its in-bundle id and how to file it."""

    rid: str
    resource: dict[str, Any]
    request: dict[str, Any]


def _post(rid: str, resource: dict[str, Any], if_none_exist: str | None = None) -> _Entry:
    req: dict[str, Any] = {"method": "POST", "url": resource["resourceType"]}
    if if_none_exist:
        req["ifNoneExist"] = if_none_exist
    return _Entry(rid=rid, resource={"id": rid, **resource}, request=req)


def _put(rid: str, resource: dict[str, Any], ident: dict[str, Any]) -> _Entry:
    """Conditional update by a carepath identifier: the server keeps one
    resource per report across versions. No ``id``: the server's id is the
    one that counts, and a differing id in a conditional update is refused."""
    return _Entry(rid=rid, resource=resource,
                  request={"method": "PUT", "url": _conditional(resource["resourceType"], ident)})


def _create_once(rid: str, resource: dict[str, Any]) -> _Entry:
    """Update-as-create at a stable, client-assigned id (``PUT Type/<uuid5>``)
    for what is written once per report version and has no identifier to
    search on (R4B Provenance and AuditEvent have none, so ``ifNoneExist``
    cannot find them again): pushing the same version twice updates the same
    resource instead of filing a duplicate. The id is a UUID, the form FHIR
    recommends for client-assigned ids (servers that only mint their own
    ids, or refuse update-as-create, answer 4xx and the push says so)."""
    return _Entry(rid=rid, resource={"id": rid, **resource},
                  request={"method": "PUT", "url": f"{resource['resourceType']}/{rid}"})


# --- who: patient, order, signer, devices ----------------------------------------


def _identifier(ident: Identifier, default_system: str | None, type_code: str,
                type_display: str) -> dict[str, Any]:
    """An Identifier typed by v2-0203 with the system its issuer states, else
    the configured default; the issuer's local name as the assigner."""
    out: dict[str, Any] = {"use": "usual", "type": {"coding": [
        {"system": V2_0203, "code": type_code, "display": type_display}], "text": type_display},
        "value": ident.value}
    system = ident.system or default_system
    if system:
        out["system"] = system
    if ident.namespace:
        out["assigner"] = {"display": ident.namespace}
    return out


def _human_name(name: PersonName) -> dict[str, Any]:
    given = [g for g in (name.given, name.middle) if g]
    out: dict[str, Any] = {"text": name.display}
    for key, value in (("family", name.family), ("given", given or None),
                       ("prefix", [name.prefix] if name.prefix else None),
                       ("suffix", [name.suffix] if name.suffix else None)):
        if value:
            out[key] = value
    return out


def _search(ident: dict[str, Any]) -> str | None:
    """``ifNoneExist`` for an identifier, only when it has a system: a bare
    value could match another authority's patient or order."""
    return urlencode({"identifier": f"{ident['system']}|{ident['value']}"}) if ident.get("system") else None


def _patient(ctx: CareContext) -> _Entry | None:
    pat = ctx.patient
    if pat.id is None:
        return None  # never invented: the report says the identifier is missing
    ident = _identifier(pat.id, get_settings().fhir.patient_id_system, "MR", "Medical record number")
    res: dict[str, Any] = {"resourceType": "Patient", "identifier": [ident]}
    if pat.name and not pat.name.is_empty():
        res["name"] = [_human_name(pat.name)]
    if pat.sex:
        res["gender"] = _GENDER[pat.sex]
    if pat.birth_date:
        res["birthDate"] = pat.birth_date.isoformat()
    shown = [f"Patient {pat.name.display if pat.name else ''} MRN {pat.id.value}".replace("  ", " ")]
    if "system" not in ident:
        shown.append("The MRN's issuing system is unknown: set fhir.patient_id_system so the EHR "
                     "can match this patient.")
    res["text"] = _narrative(shown)
    return _post(_uid("patient", ident.get("system", ""), pat.id.value), res, _search(ident))


def accession_identifier(ctx: CareContext) -> dict[str, Any] | None:
    """The accession as an ``ACSN`` (v2-0203) identifier, if there is one."""
    acc = ctx.order.accession
    return _identifier(acc, get_settings().fhir.accession_system, "ACSN", "Accession ID") if acc else None


def _service_request(ctx: CareContext, patient: _Entry | None, state: ReportState) -> _Entry | None:
    """The order the report answers (``subject`` is required, so only with a
    patient); found again by its accession when the system is known."""
    acsn = accession_identifier(ctx)
    if patient is None or acsn is None:
        return None
    idents = [acsn]
    if ctx.order.placer_number:
        idents.append(_identifier(ctx.order.placer_number, None, "PLAC", "Placer Identifier"))
    res: dict[str, Any] = {
        "resourceType": "ServiceRequest", "identifier": idents,
        "status": "completed" if state == "final" else "active", "intent": "order",
        "subject": _ref(patient.rid),
        "text": _narrative([f"Imaging order, accession {acsn['value']}"]),
    }
    proc = ctx.order.procedure
    if proc is not None:
        res["code"] = _concept(proc.value, proc.meaning, proc.system)
    elif ctx.study.description:
        res["code"] = {"text": ctx.study.description}
    if ctx.order.referring and ctx.order.referring.display:
        res["requester"] = {"type": "Practitioner", "display": ctx.order.referring.display}
    return _post(_uid("order", acsn.get("system", ""), acsn["value"], patient.rid), res, _search(acsn))


def _concept(code: str, meaning: str | None, system: str | None) -> dict[str, Any]:
    """A CodeableConcept; a code from an unknown scheme stays text only."""
    if system is None:
        return {"text": meaning or code}
    coding: dict[str, Any] = {"system": system, "code": code}
    if meaning:
        coding["display"] = meaning
    return {"coding": [coding], "text": meaning or code}


def _practitioner(signoff: SignOff | None, signer: Clinician | None) -> _Entry | None:
    """The reviewer who signed or rejected, with an identifier (theirs, or
    carepath's reviewer identity under ``fhir.reviewer_id_system``)."""
    if signoff is None:
        return None
    who = signoff.decision.reviewer
    system = (signer.id.system if signer and signer.id else None) or get_settings().fhir.reviewer_id_system
    value = signer.id.value if signer and signer.id else (signoff.decision.reviewer_id or who)
    ident = {"use": "usual", "system": system, "value": value}
    name = _human_name(signer.name) if signer and signer.name else {"text": who}
    res = {"resourceType": "Practitioner", "identifier": [ident], "name": [name],
           "text": _narrative([f"Reporting clinician {name['text']} ({value})"])}
    return _post(_uid("practitioner", system, value), res, _search(ident))


def _device(key: str, name: str, kind: str, device_version: str | None) -> _Entry:
    rid = _uid("device", key, device_version or "")
    dev: dict[str, Any] = {"resourceType": "Device", "identifier": [_uri_identifier(rid)], "status": "active",
                           "deviceName": [{"name": name[:200], "type": "model-name"}],
                           "type": {"text": kind},
                           "text": _narrative([f"{kind}: {name}" + (f" version {device_version}"
                                                                    if device_version else "")])}
    if device_version:
        dev["version"] = [{"value": device_version}]
    return _post(rid, dev, _search(_uri_identifier(rid)))


def _software_version() -> str:
    try:
        return version("carepath")
    except PackageNotFoundError:
        return "unknown"


# --- what: observations, media ----------------------------------------------------


def _lab_detail(f: Finding) -> dict[str, Any] | None:
    return next((e.detail for e in f.evidence if e.kind == "lab_value"), None)


def _lab_value(obs: dict[str, Any], f: Finding, lab: dict[str, Any]) -> None:
    """LOINC code, quantity (UCUM) or text, reference range and flag."""
    obs["category"] = [{"coding": [{"system": OBS_CATEGORY, "code": "laboratory", "display": "Laboratory"}]}]
    name = str(lab.get("name") or f.label or f.text)[:200]
    obs["code"] = {"text": name}
    if lab.get("loinc"):
        obs["code"]["coding"] = [{"system": LOINC, "code": str(lab["loinc"]), "display": name}]
    value = lab.get("value")
    try:
        number = float(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        number = None
    if number is not None:
        q: dict[str, Any] = {"value": number}
        if lab.get("unit"):
            q.update(unit=str(lab["unit"]), system="http://unitsofmeasure.org", code=str(lab["unit"]))
        obs["valueQuantity"] = q
    else:
        obs["valueString"] = str(value) if value is not None else f.text
    unit = {"unit": str(lab["unit"])} if lab.get("unit") else {}
    rr = {k: {"value": float(lab[k]), **unit} for k in ("low", "high") if lab.get(k) is not None}
    if rr:
        obs["referenceRange"] = [rr]
    if lab.get("flag") in ("H", "L", "N", "A", "HH", "LL"):
        obs["interpretation"] = [{"coding": [{"system": OBS_INTERPRETATION, "code": lab["flag"]}]}]


def _evidence_notes(f: Finding, imaging: dict[str, Any] | None) -> tuple[list[dict[str, Any]], list[str]]:
    derived: list[dict[str, Any]] = []
    notes: list[str] = []
    for ev in f.evidence:
        rtype = ev.ref.split("/", 1)[0] if ev.kind == "fhir_resource" and "/" in ev.ref else None
        if rtype in _DERIVABLE:
            derived.append({"reference": ev.ref})
        elif ev.kind in ("image", "slice", "box") and imaging is not None and imaging not in derived:
            derived.append(imaging)
        desc = f"{ev.kind} {ev.ref}"
        box = ev.detail.get("xyxy") or ev.detail.get("box")
        if ev.kind == "box" and box:
            desc += " xyxy=" + ",".join(f"{float(v):g}" for v in box)
        if ev.artifact is not None:
            desc += f" sha256={ev.artifact.sha256}"
        notes.append(desc)
    return derived, notes


def _observation(draft: Draft, f: Finding, skill: str, status: str, links: dict[str, Any],
                 issued: datetime) -> _Entry:
    rid = _uid("obs", draft.thread_id, f.id)
    derived, notes = _evidence_notes(f, links.get("imaging"))
    obs: dict[str, Any] = {
        "resourceType": "Observation", "status": status,
        "identifier": [{"system": SYS_EVIDENCE, "value": f.id}, _uri_identifier(rid)],
        "note": [{"text": f"Evidence id {f.id} ({skill}): " + "; ".join(notes)}],
        "issued": _iso(issued),
    }
    lab = _lab_detail(f)
    if lab is not None:
        _lab_value(obs, f, lab)
    else:
        category = "imaging" if draft.intent in IMAGING_INTENTS or skill in IMAGING_SKILLS else "exam"
        obs["category"] = [{"coding": [{"system": OBS_CATEGORY, "code": category}]}]
        obs["code"] = {"text": (f.label or f"{skill} finding")[:200]}
        obs["valueString"] = f.text + (f" ({f.change})" if f.change else "")
    for key, value in (("derivedFrom", derived), ("subject", links.get("subject")),
                       ("basedOn", links.get("basedOn"))):
        if value:
            obs[key] = value
    obs["text"] = _narrative([f"{obs['code']['text']}: {f.text}", f"Evidence id {f.id}; status {status}"])
    return _put(rid, obs, _uri_identifier(rid))


def _media(draft: Draft, key: KeyImage, links: dict[str, Any]) -> tuple[_Entry | None, str | None]:
    """A key image as Media (PNG inline, SHA-1 hash), or why it is left out."""
    try:
        data = Path(key.image.path).read_bytes()
    except OSError:
        return None, f"key image {key.image.sha256[:12]} is no longer stored and is not attached"
    if sha256_bytes(data) != key.image.sha256:
        return None, f"key image {key.image.sha256[:12]} changed since drafting and is not attached"
    rid = _uid("media", draft.thread_id, key.image.sha256)
    boxes = "; ".join(f"{b.label} xyxy=" + ",".join(f"{v:g}" for v in b.xyxy) for b in key.boxes)
    caption = f"Key image for findings {', '.join(key.finding_ids)}" + (f" (boxes: {boxes})" if boxes else "")
    res: dict[str, Any] = {
        "resourceType": "Media", "identifier": [_uri_identifier(rid)], "status": "completed",
        "type": {"coding": [{"system": MEDIA_TYPE, "code": "image", "display": "Image"}]},
        "content": _attachment(data, key.image.media_type, caption[:200]),
        "text": _narrative([caption]),
    }
    for k in ("subject", "basedOn"):
        if links.get(k):
            res[k] = links[k]
    return _put(rid, res, _uri_identifier(rid)), None


# --- the report -------------------------------------------------------------------


def _report_code(draft: Draft, ctx: CareContext) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The procedure code when one was ordered, else a LOINC document code
    for the intent (imaging by modality, see ``MODALITY_CODES``)."""
    if draft.intent in IMAGING_INTENTS:
        category = [{"coding": [{"system": V2_0074, "code": "RAD", "display": "Radiology"}]}]
        proc = ctx.order.procedure
        if proc is not None and proc.system is not None:
            return _concept(proc.value, proc.meaning, proc.system), category
        code, display = MODALITY_CODES.get((ctx.study.modality or "").upper(), IMAGING_REPORT)
        text = ctx.study.description or (proc.meaning if proc else None) or draft.intent.replace("_", " ")
        return {"coding": [{"system": LOINC, "code": code, "display": display}], "text": text}, category
    if draft.intent == "lab_report":
        return ({"coding": [{"system": LOINC, "code": "11502-2", "display": "Laboratory report"}],
                 "text": "lab report"},
                [{"coding": [{"system": V2_0074, "code": "LAB", "display": "Laboratory"}]}])
    if draft.intent == "pathology":
        return ({"coding": [{"system": LOINC, "code": "60567-5",
                             "display": "Comprehensive pathology report panel"}], "text": "pathology"},
                [{"coding": [{"system": V2_0074, "code": "SP", "display": "Surgical Pathology"}]}])
    return {"text": draft.intent.replace("_", " ")}, []


def _effective(ctx: CareContext) -> str | None:
    """When the study was acquired. FHIR requires a time zone once a time is
    given and DICOM StudyTime has none (local time), so the date alone
    unless the time carries its zone; never the draft time."""
    study = ctx.study
    if study.date is None:
        return None
    if study.time is not None and study.time.tzinfo is not None:
        return datetime.combine(study.date, study.time).isoformat()
    return study.date.isoformat()


def impression_text(sections: list[Section]) -> str | None:
    """The conclusion: the Impression sentences, plain (no ids, no banner)."""
    sec = next((s for s in sections if s.name == "Impression"), None)
    text = " ".join(x.text.strip() for x in sec.sentences if x.text.strip()) if sec else ""
    return text or None


class _Parts(BaseModel):
    """What the report resource links to, collected once."""

    draft: Draft
    signoff: SignOff | None
    ctx: CareContext
    status: str
    version: int
    revision: Revision | None = None
    subject: dict[str, Any] | None = None
    based_on: dict[str, Any] | None = None
    practitioner: _Entry | None = None
    observations: list[tuple[str, _Entry]] = Field(default_factory=list)
    media: list[tuple[KeyImage, _Entry]] = Field(default_factory=list)
    imaging: dict[str, Any] | None = None
    notes: list[str] = Field(default_factory=list)


def _report_identifiers(p: _Parts, rid: str) -> list[dict[str, Any]]:
    idents = [_uri_identifier(rid), {"system": SYS_THREAD, "value": p.draft.thread_id},
              {"system": SYS_DRAFT, "value": p.draft.draft_id},
              {"system": SYS_REPORT_VERSION, "value": f"{p.draft.thread_id}/v{p.version}"}]
    acsn = accession_identifier(p.ctx)
    return idents + ([acsn] if acsn else [])


def _report_narrative(p: _Parts, sections: list[Section]) -> list[str]:
    lines = [banner(p.signoff, p.revision)]
    if p.signoff is not None and p.signoff.status == "rejected" and p.signoff.decision.reason:
        lines.append(f"Rejection reason: {p.signoff.decision.reason}")
    pat = p.ctx.patient
    if pat.id is not None:
        lines.append(f"Patient {pat.name.display if pat.name else ''} MRN {pat.id.value}".replace("  ", " "))
    lines += [f"Warning: {w}" for w in [*p.ctx.warnings, *p.notes]]
    return lines + [_sentence_line(s.name, x.text, x.evidence) for s in sections for x in s.sentences]


def _report(p: _Parts, forms: list[dict[str, Any]]) -> _Entry:
    """The DiagnosticReport (see the module docstring for each element)."""
    draft, signoff = p.draft, p.signoff
    rid = _uid("report", draft.thread_id)
    sections = report_sections(draft, signoff)
    cited = {e for s in sections for x in s.sentences for e in x.evidence}
    code, category = _report_code(draft, p.ctx)
    signed = p.practitioner is not None and signoff is not None and signoff.status == "final"
    interpreter = [_ref(p.practitioner.rid, signoff.decision.reviewer)] \
        if signed and p.practitioner and signoff else []
    performers = list(interpreter)
    if p.ctx.study.institution:
        performers.append({"type": "Organization", "display": p.ctx.study.institution})
    report: dict[str, Any] = {
        "resourceType": "DiagnosticReport", "identifier": _report_identifiers(p, rid), "status": p.status,
        "category": category or None, "code": code, "subject": p.subject,
        "basedOn": [p.based_on] if p.based_on else None, "effectiveDateTime": _effective(p.ctx),
        "issued": _iso(signoff.signed_at if signoff else draft.created_at), "performer": performers or None,
        "resultsInterpreter": interpreter or None,
        "result": [_ref(e.rid) for fid, e in p.observations if fid in cited] or None,
        "imagingStudy": [p.imaging] if p.imaging else None,
        "media": [{"comment": f"findings {', '.join(k.finding_ids)}"[:200], "link": _ref(e.rid)}
                  for k, e in p.media] or None,
        "conclusion": impression_text(sections) if p.signoff is None or p.signoff.status == "final" else None,
        "presentedForm": forms, "text": _narrative(_report_narrative(p, sections)),
    }
    return _put(rid, {k: v for k, v in report.items() if v}, _uri_identifier(rid))


def _forms(html_text: str, pdf: bytes | None) -> list[dict[str, Any]]:
    forms = [_attachment(html_text.encode("utf-8"), "text/html; charset=utf-8", "carepath report (HTML)")]
    if pdf is not None:
        forms.append(_attachment(pdf, "application/pdf", "carepath report (PDF)"))
    return forms


# --- provenance and audit ---------------------------------------------------------


def _provenance(p: _Parts, report: _Entry, results: dict[str, SkillResult],
                software: _Entry, models: list[_Entry], revision: Revision | None) -> _Entry:
    """Who and what produced the report: models as authors, carepath as
    assembler, the reviewer as verifier (with a verification signature);
    prompt template versions, input content hashes and, for a revision, the
    version it replaces as entities."""
    draft, signoff = p.draft, p.signoff
    agents = [{"type": {"coding": [{"system": PROV_PARTICIPANT, "code": "author"}]},
               "who": _ref(d.rid, d.resource["deviceName"][0]["name"])} for d in models]
    agents.append({"type": {"coding": [{"system": PROV_PARTICIPANT, "code": "assembler"}]},
                   "who": _ref(software.rid, "carepath")})
    entities: list[dict[str, Any]] = [
        {"role": "source", "what": {"identifier": {"system": SYS_PROMPT, "value": t},
                                    "display": f"prompt template {t}"}} for t in draft.prompt_templates]
    hashes = sorted({(k, v) for r in results.values() for k, v in r.input_hashes.items()})
    entities += [{"role": "source", "what": {"identifier": {"system": SYS_SHA256, "value": v},
                                             "display": f"input {k}"}} for k, v in hashes]
    if revision is not None:
        what: dict[str, Any] = {"identifier": {"system": SYS_REPORT_VERSION,
                                               "value": f"{draft.thread_id}/v{revision.version - 1}"},
                                "display": f"report version {revision.version - 1}"}
        if revision.replaces:
            what["reference"] = revision.replaces
        entities.append({"role": "revision", "what": what})
    prov: dict[str, Any] = {
        "resourceType": "Provenance",
        "target": [_ref(report.rid)] + [_ref(e.rid) for _, e in p.observations],
        "occurredDateTime": _iso(draft.created_at),
        "recorded": _iso(signoff.signed_at if signoff else draft.created_at),
        "activity": {"coding": [{"system": DATA_OPERATION, "code": "UPDATE" if signoff else "CREATE"}]},
        "agent": agents, "entity": entities or None,
        "policy": policy_uris() if any(m.backend.endswith("+deid") for m in draft.models) else None,
    }
    _verification(prov, p, revision)
    prov["text"] = _narrative([f"Report status {p.status}; made by {len(models)} model(s) and carepath"]
                              + ([f"Verified by {signoff.decision.reviewer}"] if signoff else [])
                              + ([f"Replaces version {revision.version - 1}: {revision.reason}"]
                                 if revision else []))
    return _create_once(_uid("provenance", draft.draft_id, p.status, str(p.version)),
                        {k: v for k, v in prov.items() if v})


def _verification(prov: dict[str, Any], p: _Parts, revision: Revision | None) -> None:
    """The reviewer as verifier; a signature only on a signed (final) report."""
    signoff = p.signoff
    if signoff is None or p.practitioner is None:
        return
    ref = _ref(p.practitioner.rid, signoff.decision.reviewer)
    prov["agent"].append({"type": {"coding": [{"system": PROV_PARTICIPANT, "code": "verifier",
                                               "display": "Verifier"}]}, "who": ref})
    if signoff.status == "final":
        prov["signature"] = [{"type": [{"system": SIGNATURE_TYPE, "code": VERIFICATION_SIGNATURE,
                                        "display": "Verification Signature"}],
                              "when": _iso(signoff.signed_at), "who": ref}]
    reason = f"reviewer decision: {signoff.decision.action}"
    prov["reason"] = [{"text": reason + (f"; {revision.status}: {revision.reason}" if revision else "")}]


def _audit_event(p: _Parts, report: _Entry, software: _Entry) -> _Entry | None:
    """The sign-off as an AuditEvent: a patient-record update (DCM 110110)
    whose lifecycle is attest (approve), amend (edit, revision) or deprecate
    (reject)."""
    signoff = p.signoff
    if signoff is None or p.practitioner is None:
        return None
    action = signoff.decision.action
    life = "amend" if p.version > 1 else {"approve": "attest", "edit": "amend", "reject": "deprecate"}[action]
    detail = [{"type": "thread_id", "valueString": p.draft.thread_id},
              {"type": "decision", "valueString": action}]
    if signoff.diffs:
        detail.append({"type": "edited_sections", "valueString": ", ".join(sorted(signoff.diffs))})
    who = _ref(p.practitioner.rid, signoff.decision.reviewer)
    res = {
        "resourceType": "AuditEvent",
        "type": {"system": DCM, "code": "110110", "display": "Patient Record"},
        "subtype": [{"system": LIFECYCLE, "code": life}],
        "action": "U", "recorded": _iso(signoff.signed_at), "outcome": "0",
        "agent": [{"who": who, "requestor": True, "role": [{"text": "report reviewer"}]},
                  {"who": _ref(software.rid, "carepath"), "requestor": False}],
        "source": {"observer": _ref(software.rid, "carepath"),
                   "type": [{"system": "http://terminology.hl7.org/CodeSystem/security-source-type",
                             "code": "4", "display": "Application Server"}]},
        "entity": [{"what": _ref(report.rid),
                    "type": {"system": "http://terminology.hl7.org/CodeSystem/audit-entity-type",
                             "code": "2", "display": "System Object"},
                    "lifecycle": {"system": LIFECYCLE, "code": life}, "detail": detail}],
        "text": _narrative([f"Report {life} by {signoff.decision.reviewer} ({action})"]),
    }
    return _create_once(_uid("audit", p.draft.draft_id, action, signoff.signed_at.isoformat(), str(p.version)),
                        res)


# --- the bundle -------------------------------------------------------------------


def _status(signoff: SignOff | None, revision: Revision | None) -> str:
    state = state_of(signoff)
    if revision is not None:
        if state != "final":
            raise InputError("only a signed report can be amended", subject="revision",
                             why=f"the report is {state}", fix="sign the report first, then amend it")
        return revision.status
    return REPORT_STATUS[state]


def _links(ctx: CareContext, subject: str | None, study_uid: str | None,
           state: ReportState) -> tuple[list[_Entry], dict[str, Any]]:
    """Patient and order entries, and the references the other resources use."""
    patient = _patient(ctx)
    order = _service_request(ctx, patient, state)
    uid = study_uid or ctx.study.instance_uid
    links: dict[str, Any] = {
        "subject": _ref(patient.rid) if patient else ({"reference": subject} if subject else None),
        "basedOn": [_ref(order.rid)] if order else None,
        "imaging": {"type": "ImagingStudy", "identifier": {"system": SYS_DICOM_UID, "value": f"urn:oid:{uid}"}}
        if uid else None,
    }
    return [e for e in (patient, order) if e is not None], links


def build_bundle(draft: Draft, results: dict[str, SkillResult] | None = None,
                 signoff: SignOff | None = None, *, context: CareContext | None = None,
                 subject: str | None = None, study_instance_uid: str | None = None,
                 html: str | None = None, pdf: bytes | None = None, signer: Clinician | None = None,
                 revision: Revision | None = None) -> Bundle:
    """The transaction for a draft (no ``signoff``), a signed, rejected or
    (with ``revision``) amended report. ``context`` is the patient/order/study
    (none: no Patient or order, and the narrative says so); ``subject`` an
    existing FHIR reference used only when the context has no PatientID;
    ``html``/``pdf`` the renderings for ``presentedForm`` (HTML rendered here
    when not given; PDF attached when given); ``signer`` the signer's
    clinician identity when known beyond the reviewer name."""
    results = results or {}
    ctx = (context or CareContext()).checked()
    state = state_of(signoff)
    when = signoff.signed_at if signoff else draft.created_at
    head, links = _links(ctx, subject, study_instance_uid, state)
    parts = _Parts(draft=draft, signoff=signoff, ctx=ctx, status=_status(signoff, revision),
                   version=revision.version if revision else 1, revision=revision,
                   subject=links["subject"],
                   based_on=(links["basedOn"] or [None])[0], imaging=links["imaging"],
                   practitioner=_practitioner(signoff, signer))
    parts.observations = [(f.id, _observation(draft, f, skill, OBSERVATION_STATUS[state], links, when))
                          for skill, r in results.items() for f in r.findings]
    for key in key_images(report_sections(draft, signoff), results):
        media, why = _media(draft, key, links)
        parts.notes += [why] if why else []
        parts.media += [(key, media)] if media else []
    software = _device("carepath", "carepath", "clinical workflow orchestrator", _software_version())
    models = [_device(f"model:{m.role}:{m.model}", m.model, f"AI model ({m.role}, backend {m.backend})",
                      m.version) for m in draft.models]
    if html is None:
        html = render(report_view(draft, signoff, results, context, revision), "html")
    report = _report(parts, _forms(html, pdf))
    entries = [*head, report, *(e for _, e in parts.observations), *(e for _, e in parts.media),
               software, *models, *([parts.practitioner] if parts.practitioner else [])]
    entries.append(_provenance(parts, report, results, software, models, revision))
    audit = _audit_event(parts, report, software)
    return _bundle(parts, entries + ([audit] if audit else []))


def _bundle(p: _Parts, entries: list[_Entry]) -> Bundle:
    """The transaction Bundle, parsed (R4B) and held to carepath's rules and
    the independent conformance check."""
    state = state_of(p.signoff)
    bundle = {
        "resourceType": "Bundle", "type": "transaction",
        "identifier": {"system": SYS_REPORT_VERSION,
                       "value": f"{p.draft.thread_id}/v{p.version}/{p.status}"},
        "timestamp": _iso(p.signoff.signed_at if p.signoff else p.draft.created_at),
        "meta": {"tag": [{"system": "urn:carepath:report-state", "code": state}]},
        "entry": [{"fullUrl": _url(e.rid), "resource": e.resource, "request": e.request} for e in entries],
    }
    parsed = Bundle.model_validate(bundle)
    check_bundle(parsed, signoff=p.signoff)
    return parsed


# --- checks -------------------------------------------------------------------


_INFER: Any = object()


def _resources(bundle: Bundle) -> list[Any]:
    return [e.resource for e in (bundle.entry or []) if e.resource is not None]


def _refs_to(ref_list: list[Any] | None, url: str) -> bool:
    return any(getattr(r, "reference", None) == url for r in (ref_list or []))


def _fail(what: str, why: str) -> NoReturn:
    raise ReportStatusError(what, subject="DiagnosticReport", why=why,
                            fix="rebuild the bundle with build_bundle() from the recorded sign-off")


def _parse(bundle: Bundle | dict[str, Any] | str) -> Bundle:
    if isinstance(bundle, Bundle):
        return bundle
    try:
        if isinstance(bundle, str):
            return Bundle.model_validate_json(bundle)
        return Bundle.model_validate(bundle)
    except ValidationError as exc:
        raise ReportStatusError("invalid FHIR R4B bundle", why=str(exc).splitlines()[0]) from None


def check_bundle(bundle: Bundle | dict[str, Any] | str, signoff: SignOff | None = _INFER) -> Bundle:
    """Parse (R4B), run the independent conformance check and enforce
    carepath's status rules; returns the bundle.

    Without ``signoff`` the state is inferred from the bundle and checked for
    consistency (``final`` needs a verifier with a verification signature, an
    AuditEvent and a results interpreter). With ``signoff`` (``None`` = not
    signed) the report status must also match that decision exactly.
    """
    bundle = _parse(bundle)
    if bundle.type != "transaction":
        _fail("unexpected bundle type", f"got {bundle.type!r}, carepath exports 'transaction'")
    issues = fhir_conformance.check(bundle.model_dump(mode="json", exclude_none=True))
    if issues:
        raise ReportStatusError("the FHIR bundle does not conform to R4B", subject=issues[0].path,
                                why="; ".join(str(i) for i in issues[:5]),
                                fix="rebuild the bundle with build_bundle(); this is a carepath bug if it did")
    res = _resources(bundle)
    reports = [r for r in res if r.get_resource_type() == "DiagnosticReport"]
    if len(reports) != 1:
        _fail("bundle must hold exactly one DiagnosticReport", f"found {len(reports)}")
    report = reports[0]
    state = _state_of_status(report.status)
    if signoff is not _INFER:
        _check_decision(state, signoff)
    url = next(e.fullUrl for e in bundle.entry if e.resource is report)
    _check_trail(res, report, url, state)
    _check_revision(res, url, report.status)
    expected_obs = OBSERVATION_STATUS[state]
    for r in res:
        if r.get_resource_type() == "Observation" and r.status != expected_obs:
            _fail("Observation status does not match the report",
                  f"report '{report.status}' needs Observations '{expected_obs}', found '{r.status}'")
    return bundle


def _state_of_status(status: str | None) -> ReportState:
    """The report state a DiagnosticReport status stands for, or a refusal."""
    if status in REVISION_STATUSES:
        return "final"
    allowed = set(REPORT_STATUS.values()) | set(REVISION_STATUSES)
    if status not in allowed:
        why = (f"'{status}' is not allowed for a carepath report (use one of {sorted(allowed)})")
        if status == "preliminary":
            why = "'preliminary' means verified early results; an unsigned AI draft is 'partial'"
        _fail("unsafe DiagnosticReport status", why)
    return {v: k for k, v in REPORT_STATUS.items()}[status]


def _check_decision(state: ReportState, signoff: SignOff | None) -> None:
    """The status must be exactly what the recorded review decision requires."""
    expected = state_of(signoff)
    if state != expected:
        if state == "final" and signoff is None:
            _fail("a final report needs a sign-off", "status is 'final' but no reviewer signed it")
        _fail("report status does not match the review decision",
              f"status '{REPORT_STATUS[state]}', decision {expected!r} requires "
              f"'{REPORT_STATUS[expected]}'")


def _check_revision(res: list[Any], url: str, status: str) -> None:
    """amended/corrected name the version they replace; a first version does not."""
    provs = [r for r in res if r.get_resource_type() == "Provenance" and _refs_to(r.target, url)]
    revisions = [e for p in provs for e in (p.entity or []) if e.role == "revision"]
    if status in REVISION_STATUSES and not revisions:
        _fail("an amended report must name what it replaces", "no Provenance entity with role 'revision'")
    if status not in REVISION_STATUSES and revisions:
        _fail("a first version claims to replace another", f"status '{status}' with a revision entity")


def _check_trail(res: list[Any], report: Any, url: str, state: ReportState) -> None:
    """Provenance, verifier, signature and AuditEvent must fit the state: a
    final report proves its sign-off, a draft claims none, a rejection is
    recorded but unsigned."""
    provs = [r for r in res if r.get_resource_type() == "Provenance" and _refs_to(r.target, url)]
    audits = [r for r in res if r.get_resource_type() == "AuditEvent"
              and any(getattr(e.what, "reference", None) == url for e in (r.entity or []))]
    verifiers = [a for p in provs for a in (p.agent or [])
                 if a.type and any(c.code == "verifier" for c in (a.type.coding or []))]
    signatures = [s for p in provs for s in (p.signature or [])
                  if any(c.code == VERIFICATION_SIGNATURE for c in s.type)]
    if not provs:
        _fail("the report has no Provenance", "every report must say which models and prompts made it")
    if state == "final":
        if not verifiers or not signatures:
            _fail("a final report needs a sign-off",
                  "status is 'final' but no Provenance verifier with a verification signature")
        if not audits:
            _fail("a final report needs a sign-off", "no AuditEvent records the sign-off")
        if not report.resultsInterpreter:
            _fail("a final report needs its signer", "resultsInterpreter (the reviewer) is missing")
    elif state == "draft":
        if verifiers or signatures or audits or report.resultsInterpreter:
            _fail("an unsigned draft claims a verification",
                  "a 'partial' report must not carry a verifier, signature or sign-off AuditEvent")
    else:  # rejected
        if not audits or not verifiers:
            _fail("a cancelled report needs the recorded rejection",
                  "no AuditEvent/verifier records who rejected it")
        if signatures:
            _fail("a cancelled report carries a verification signature", "rejections are not signed")


def bundle_json(bundle: Bundle) -> str:
    return bundle.model_dump_json(indent=2, exclude_none=True)


def write_bundle(bundle: Bundle, path: str | Path) -> Path:
    check_bundle(bundle)
    return write_text(path, bundle_json(bundle) + "\n")


def read_bundle(path: str | Path, signoff: SignOff | None = _INFER) -> Bundle:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError("cannot read FHIR bundle", subject=str(p), why=exc.strerror,
                         fix="check the path") from None
    return check_bundle(text, signoff=signoff)

