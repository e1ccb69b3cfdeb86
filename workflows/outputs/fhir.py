"""The report as FHIR R4B resources, for an EHR to import.

Bundle type ``collection``: a ``document`` Bundle must start with a
Composition and is, by definition, an attested, immutable clinical document;
an unsigned AI draft is neither, and the same bundle shape should serve draft,
signed and rejected states. A ``transaction`` would instruct a server to write,
which is the EHR's decision, not ours. Entries use ``urn:uuid:`` full URLs
derived from the draft id, so re-exporting the same state gives the same ids.

Statuses, chosen deliberately (R4B value sets):

- unsigned draft → DiagnosticReport ``partial`` ("data in the report may be
  incomplete and/or unverified"), Observations ``preliminary`` (Observation
  has no ``partial``; its ``preliminary`` means "initial or interim: may be
  incomplete or unverified"). Never DiagnosticReport ``preliminary``, which
  means *verified* early results.
- approved or edited with a ``SignOff`` → ``final`` / ``final``; the edits
  happened before first release, so not ``amended``/``corrected``.
- rejected → ``cancelled`` ("the report is unavailable"): the draft was never
  released, so ``entered-in-error`` (withdrawn after a previous release) does
  not fit.

Evidence survives: every Observation carries its finding id as an identifier
and its evidence references in ``derivedFrom``/``note``; the DiagnosticReport
``conclusion`` lists each sentence with its ``[ids]`` and ``presentedForm``
holds the Markdown rendering plus a JSON evidence map (sections → sentences →
evidence ids, and the guideline citations with quotes).

fhir.resources does not reject unknown or unsafe status codes, so
``check_bundle`` enforces the rules above and refuses, e.g., a ``final``
report without a reviewer's verification.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import uuid
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, NoReturn

from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError

from carepath.atomic import write_text
from carepath.deid import policy_uris
from carepath.draft import Draft, Section, SignOff
from carepath.errors import CarepathError, InputError
from carepath.evidence import Finding, SkillResult
from carepath.tools.registry import imaging_intents, imaging_skill_names
from carepath.workflows.outputs.render import render_markdown
from carepath.workflows.outputs.report_state import (
    ReportState,
    banner,
    report_sections,
    state_of,
)

_NS = uuid.UUID("5b0c3a52-6f3e-4c0e-9a55-6361726570a7")  # carepath FHIR id namespace

SYS_EVIDENCE = "urn:carepath:evidence-id"
SYS_DRAFT = "urn:carepath:draft-id"
SYS_THREAD = "urn:carepath:thread-id"
SYS_PROMPT = "urn:carepath:prompt-template"
SYS_SHA256 = "urn:carepath:sha256"
SYS_DICOM_UID = "urn:dicom:uid"
LOINC = "http://loinc.org"
V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
PROV_PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation"
DCM = "http://dicom.nema.org/resources/ontology/DCM"
LIFECYCLE = "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle"
SIGNATURE_TYPE = "urn:iso-astm:E1762-95:2013"
OBS_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"

REPORT_STATUS: dict[ReportState, str] = {"draft": "partial", "final": "final", "rejected": "cancelled"}
OBSERVATION_STATUS: dict[ReportState, str] = {"draft": "preliminary", "final": "final",
                                              "rejected": "cancelled"}

# The imaging skills and the intents they report on, as the skill registry
# declares them: imaging findings are ``imaging`` Observations, and only
# imaging drafts get a DICOM SR.
IMAGING_SKILLS = imaging_skill_names()
IMAGING_INTENTS = imaging_intents()
# Resource types Observation.derivedFrom may point at in R4B.
_DERIVABLE = {"DocumentReference", "ImagingStudy", "Media", "QuestionnaireResponse",
              "Observation", "MolecularSequence"}


class ReportStatusError(CarepathError):
    """A bundle's status is invalid or unsafe (e.g. final without sign-off)."""

    exit_code = 1


def _id(draft: Draft, *parts: str) -> str:
    return str(uuid.uuid5(_NS, "|".join((draft.draft_id, *parts))))


def _url(rid: str) -> str:
    return f"urn:uuid:{rid}"


def _iso(t: datetime) -> str:
    return t.isoformat()


def _attachment(text: str, content_type: str, title: str) -> dict[str, Any]:
    data = text.encode("utf-8")
    return {"contentType": f"{content_type}; charset=utf-8", "language": "en",
            "data": base64.b64encode(data).decode("ascii"), "size": len(data),
            "hash": base64.b64encode(hashlib.sha1(data, usedforsecurity=False).digest()).decode("ascii"),  # FHIR: SHA-1
            "title": title}


def _narrative(paragraphs: list[str]) -> dict[str, Any]:
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs if p)
    return {"status": "generated", "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>'}


def _sentence_line(section: str, text: str, evidence: list[str]) -> str:
    return f"{section}: {text}" + (f" [{', '.join(evidence)}]" if evidence else " [no evidence]")


def evidence_map(draft: Draft, sections: list[Section]) -> dict[str, Any]:
    """Machine-readable sentence → evidence map (presentedForm JSON)."""
    return {
        "draft_id": draft.draft_id, "thread_id": draft.thread_id,
        "sections": [{"name": s.name, "sentences": [
            {"text": x.text, "evidence": x.evidence, "flagged": x.flagged,
             "flag_reason": x.flag_reason} for x in s.sentences]} for s in sections],
        "citations": [c.model_dump(mode="json") for c in draft.citations],
    }


# --- resources ----------------------------------------------------------------


def _lab_detail(f: Finding) -> dict[str, Any] | None:
    return next((e.detail for e in f.evidence if e.kind == "lab_value"), None)


def _observation(draft: Draft, f: Finding, skill: str, state: ReportState, *,
                 subject: dict[str, Any] | None, imaging: dict[str, Any] | None,
                 issued: datetime) -> dict[str, Any]:
    lab = _lab_detail(f)
    derived: list[dict[str, Any]] = []
    notes: list[str] = []
    for ev in f.evidence:
        rtype = ev.ref.split("/", 1)[0] if ev.kind == "fhir_resource" and "/" in ev.ref else None
        if rtype in _DERIVABLE:
            derived.append({"reference": ev.ref})
        elif ev.kind in ("image", "slice", "box") and imaging is not None:
            if imaging not in derived:
                derived.append(imaging)
        desc = f"{ev.kind} {ev.ref}"
        box = ev.detail.get("xyxy") or ev.detail.get("box")
        if ev.kind == "box" and box:
            desc += " xyxy=" + ",".join(f"{float(v):g}" for v in box)
        if ev.artifact is not None:
            desc += f" sha256={ev.artifact.sha256}"
        notes.append(desc)
    obs: dict[str, Any] = {
        "resourceType": "Observation", "id": _id(draft, "obs", f.id),
        "status": OBSERVATION_STATUS[state],
        "identifier": [{"system": SYS_EVIDENCE, "value": f.id}],
        "note": [{"text": f"Evidence id {f.id} ({skill}): " + "; ".join(notes)}],
        "issued": _iso(issued),
    }
    if lab is not None:
        obs["category"] = [{"coding": [{"system": OBS_CATEGORY, "code": "laboratory",
                                        "display": "Laboratory"}]}]
        name = str(lab.get("name") or f.label or f.text)[:200]
        code: dict[str, Any] = {"text": name}
        if lab.get("loinc"):
            code["coding"] = [{"system": LOINC, "code": str(lab["loinc"]), "display": name}]
        obs["code"] = code
        value = lab.get("value")
        try:
            number = float(value) if value is not None and not isinstance(value, bool) else None
        except (TypeError, ValueError):
            number = None
        if number is not None:
            q: dict[str, Any] = {"value": number}
            if lab.get("unit"):
                q.update(unit=str(lab["unit"]), system="http://unitsofmeasure.org",
                         code=str(lab["unit"]))
            obs["valueQuantity"] = q
        else:
            obs["valueString"] = str(value) if value is not None else f.text
        low, high = lab.get("low"), lab.get("high")
        if low is not None or high is not None:
            rr: dict[str, Any] = {}
            for key, v in (("low", low), ("high", high)):
                if v is not None:
                    rr[key] = {"value": float(v), **({"unit": str(lab["unit"])} if lab.get("unit") else {})}
            obs["referenceRange"] = [rr]
        if lab.get("flag") in ("H", "L", "N", "A", "HH", "LL"):
            obs["interpretation"] = [{"coding": [{"system": OBS_INTERPRETATION,
                                                  "code": lab["flag"]}]}]
    else:
        category = "imaging" if draft.intent in IMAGING_INTENTS or skill in IMAGING_SKILLS \
            else "exam"
        obs["category"] = [{"coding": [{"system": OBS_CATEGORY, "code": category}]}]
        obs["code"] = {"text": (f.label or f"{skill} finding")[:200]}
        obs["valueString"] = f.text + (f" ({f.change})" if f.change else "")
    if derived:
        obs["derivedFrom"] = derived
    if subject:
        obs["subject"] = subject
    return obs


def _report_code(draft: Draft) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    if draft.intent in IMAGING_INTENTS:
        return ({"coding": [{"system": LOINC, "code": "18748-4", "display": "Diagnostic imaging study"}],
                 "text": draft.intent.replace("_", " ")},
                [{"coding": [{"system": V2_0074, "code": "RAD", "display": "Radiology"}]}])
    if draft.intent == "lab_report":
        return ({"coding": [{"system": LOINC, "code": "11502-2", "display": "Laboratory report"}],
                 "text": "lab report"},
                [{"coding": [{"system": V2_0074, "code": "LAB", "display": "Laboratory"}]}])
    if draft.intent == "pathology":
        return ({"coding": [{"system": LOINC, "code": "60567-5",
                             "display": "Comprehensive pathology report panel"}],
                 "text": "pathology"},
                [{"coding": [{"system": V2_0074, "code": "SP", "display": "Surgical Pathology"}]}])
    return {"text": draft.intent.replace("_", " ")}, []


def _device(draft: Draft, key: str, name: str, kind: str, version: str | None) -> dict[str, Any]:
    dev: dict[str, Any] = {"resourceType": "Device", "id": _id(draft, "device", key),
                           "status": "active",
                           "deviceName": [{"name": name[:200], "type": "model-name"}],
                           "type": {"text": kind}}
    if version:
        dev["version"] = [{"value": version}]
    return dev


def _software_version() -> str:
    try:
        return version("carepath")
    except PackageNotFoundError:
        return "unknown"


def build_bundle(draft: Draft, results: dict[str, SkillResult] | None = None,
                 signoff: SignOff | None = None, *, subject: str | None = None,
                 study_instance_uid: str | None = None, markdown: str | None = None) -> Bundle:
    """All resources for a draft (no ``signoff``), a signed or a rejected report.

    ``subject`` is an existing FHIR reference (``Patient/…``) from the input
    record, if any; carepath never invents patient resources. ``markdown``
    defaults to ``render_markdown`` of the same state."""
    results = results or {}
    when = signoff.signed_at if signoff else draft.created_at
    subj = {"reference": subject} if subject else None
    imaging = ({"type": "ImagingStudy", "identifier": {
        "system": SYS_DICOM_UID, "value": f"urn:oid:{study_instance_uid}"}}
        if study_instance_uid else None)
    # Observations: every finding of every skill, cited or not (the reviewer
    # saw them all); the report's ``result`` lists those the final text cites.
    observations = [(f.id, _observation(draft, f, skill, state_of(signoff), subject=subj,
                                        imaging=imaging, issued=when))
                    for skill, r in results.items() for f in r.findings]
    # Devices: the carepath orchestrator and each model used.
    software = _device(draft, "carepath", "carepath", "clinical workflow orchestrator",
                       _software_version())
    model_devices = [_device(draft, f"model:{m.role}:{m.model}", m.model,
                             f"AI model ({m.role}, backend {m.backend})", m.version)
                     for m in draft.models]
    practitioner = _practitioner(draft, signoff)
    if markdown is None:
        markdown = render_markdown(draft, signoff, results)
    report = _report(draft, signoff, observations, software, practitioner, markdown=markdown,
                     subject=subj, imaging=imaging)
    resources = [report, *(o for _, o in observations), software, *model_devices]
    if practitioner is not None:
        resources.append(practitioner)
    resources.append(_provenance(draft, results, signoff, report["id"], observations,
                                 software, model_devices, practitioner))
    if signoff is not None and practitioner is not None:
        resources.append(_audit_event(draft, signoff, report["id"], software, practitioner))
    return _bundle(draft, signoff, resources)


def _practitioner(draft: Draft, signoff: SignOff | None) -> dict[str, Any] | None:
    """The reviewer who signed or rejected (none for an unsigned draft)."""
    if signoff is None:
        return None
    return {"resourceType": "Practitioner", "id": _id(draft, "practitioner", signoff.decision.reviewer),
            "name": [{"text": signoff.decision.reviewer}]}


def _report(draft: Draft, signoff: SignOff | None, observations: list[tuple[str, dict[str, Any]]],
            software: dict[str, Any], practitioner: dict[str, Any] | None, *, markdown: str,
            subject: dict[str, Any] | None, imaging: dict[str, Any] | None) -> dict[str, Any]:
    """The DiagnosticReport: status, banner + sentences with their evidence
    ids as conclusion and narrative, Markdown and the evidence map attached."""
    state = state_of(signoff)
    sections = report_sections(draft, signoff)
    cited = {e for s in sections for x in s.sentences for e in x.evidence}
    code, category = _report_code(draft)
    head = [banner(signoff)]
    if state == "rejected" and signoff is not None and signoff.decision.reason:
        head.append(f"Rejection reason: {signoff.decision.reason}")
    lines = head + [_sentence_line(s.name, x.text, x.evidence) for s in sections for x in s.sentences]
    report: dict[str, Any] = {
        "resourceType": "DiagnosticReport", "id": _id(draft, "report"), "status": REPORT_STATUS[state],
        "identifier": [{"system": SYS_DRAFT, "value": draft.draft_id},
                       {"system": SYS_THREAD, "value": draft.thread_id}],
        "code": code, "issued": _iso(signoff.signed_at if signoff else draft.created_at),
        "effectiveDateTime": _iso(draft.created_at),
        "performer": [{"reference": _url(software["id"]), "display": "carepath"}],
        "result": [{"reference": _url(o["id"])} for fid, o in observations if fid in cited],
        "conclusion": "\n".join(lines),
        "presentedForm": [
            _attachment(markdown, "text/markdown", "carepath report (Markdown)"),
            _attachment(json.dumps(evidence_map(draft, sections), ensure_ascii=False, indent=1),
                        "application/json", "carepath evidence map"),
        ],
        "text": _narrative(lines),
    }
    optional = {"category": category, "subject": subject,
                "imagingStudy": [imaging] if imaging else None, "result": report["result"] or None}
    if practitioner is not None and signoff is not None and state == "final":
        optional["resultsInterpreter"] = [{"reference": _url(practitioner["id"]),
                                           "display": signoff.decision.reviewer}]
    for key, value in optional.items():
        if value:
            report[key] = value
        else:
            report.pop(key, None)
    return report


def _bundle(draft: Draft, signoff: SignOff | None, resources: list[dict[str, Any]]) -> Bundle:
    """The ``collection`` Bundle, parsed (R4B) and held to the status rules."""
    state = state_of(signoff)
    bundle = {
        "resourceType": "Bundle", "id": _id(draft, "bundle", state), "type": "collection",
        "timestamp": _iso(signoff.signed_at if signoff else draft.created_at),
        "meta": {"tag": [{"system": "urn:carepath:report-state", "code": state}]},
        "entry": [{"fullUrl": _url(r["id"]), "resource": r} for r in resources],
    }
    parsed = Bundle.model_validate(bundle)
    check_bundle(parsed, signoff=signoff)
    return parsed


def _provenance(draft: Draft, results: dict[str, SkillResult], signoff: SignOff | None,
                report_id: str, observations: list[tuple[str, dict[str, Any]]],
                software: dict[str, Any], model_devices: list[dict[str, Any]],
                practitioner: dict[str, Any] | None) -> dict[str, Any]:
    """Who and what produced the report: models as authors, carepath as
    assembler, the reviewer as verifier (with a verification signature);
    prompt template versions and input content hashes as source entities."""
    agents: list[dict[str, Any]] = [
        {"type": {"coding": [{"system": PROV_PARTICIPANT, "code": "author"}]},
         "who": {"reference": _url(d["id"]), "display": d["deviceName"][0]["name"]}}
        for d in model_devices]
    agents.append({"type": {"coding": [{"system": PROV_PARTICIPANT, "code": "assembler"}]},
                   "who": {"reference": _url(software["id"]), "display": "carepath"}})
    entities: list[dict[str, Any]] = [
        {"role": "source", "what": {"identifier": {"system": SYS_PROMPT, "value": t},
                                    "display": f"prompt template {t}"}}
        for t in draft.prompt_templates]
    hashes = sorted({(k, v) for r in results.values() for k, v in r.input_hashes.items()})
    entities += [{"role": "source", "what": {"identifier": {"system": SYS_SHA256, "value": v},
                                             "display": f"input {k}"}} for k, v in hashes]
    prov: dict[str, Any] = {
        "resourceType": "Provenance", "id": _id(draft, "provenance", state_of(signoff)),
        "target": [{"reference": _url(report_id)}] + [{"reference": _url(o["id"])}
                                                       for _, o in observations],
        "occurredDateTime": _iso(draft.created_at),
        "recorded": _iso(signoff.signed_at if signoff else draft.created_at),
        "activity": {"coding": [{"system": DATA_OPERATION,
                                 "code": "UPDATE" if signoff else "CREATE"}]},
        "agent": agents,
    }
    if entities:
        prov["entity"] = entities
    if any(m.backend.endswith("+deid") for m in draft.models):
        prov["policy"] = policy_uris()  # text to a remote model was de-identified (PS3.15 codes)
    if signoff is not None and practitioner is not None:
        ref = {"reference": _url(practitioner["id"]), "display": signoff.decision.reviewer}
        prov["agent"].append({"type": {"coding": [{"system": PROV_PARTICIPANT, "code": "verifier",
                                                   "display": "Verifier"}]}, "who": ref})
        if signoff.status == "final":
            prov["signature"] = [{
                "type": [{"system": SIGNATURE_TYPE, "code": "1.2.840.10065.1.12.1.5",
                          "display": "Verification Signature"}],
                "when": _iso(signoff.signed_at), "who": ref}]
        prov["reason"] = [{"text": f"reviewer decision: {signoff.decision.action}"}]
    return prov


def _audit_event(draft: Draft, signoff: SignOff, report_id: str, software: dict[str, Any],
                 practitioner: dict[str, Any]) -> dict[str, Any]:
    """The sign-off as an AuditEvent: a patient-record update (DCM 110110)
    whose lifecycle is attest (approve), amend (edit) or deprecate (reject)."""
    action = signoff.decision.action
    life = {"approve": "attest", "edit": "amend", "reject": "deprecate"}[action]
    entity: dict[str, Any] = {
        "what": {"reference": _url(report_id)},
        "type": {"system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "2",
                 "display": "System Object"},
        "lifecycle": {"system": LIFECYCLE, "code": life},
        "detail": [{"type": "thread_id", "valueString": draft.thread_id},
                   {"type": "decision", "valueString": action}],
    }
    if signoff.diffs:
        entity["detail"].append({"type": "edited_sections",
                                 "valueString": ", ".join(sorted(signoff.diffs))})
    return {
        "resourceType": "AuditEvent", "id": _id(draft, "audit", action, signoff.signed_at.isoformat()),
        "type": {"system": DCM, "code": "110110", "display": "Patient Record"},
        "subtype": [{"system": LIFECYCLE, "code": life}],
        "action": "U", "recorded": _iso(signoff.signed_at), "outcome": "0",
        "agent": [
            {"who": {"reference": _url(practitioner["id"]), "display": signoff.decision.reviewer},
             "requestor": True,
             "role": [{"text": "report reviewer"}]},
            {"who": {"reference": _url(software["id"]), "display": "carepath"}, "requestor": False},
        ],
        "source": {"observer": {"reference": _url(software["id"]), "display": "carepath"},
                   "type": [{"system": "http://terminology.hl7.org/CodeSystem/security-source-type",
                             "code": "4", "display": "Application Server"}]},
        "entity": [entity],
    }


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
    """Parse (R4B) and enforce carepath's status rules; returns the bundle.

    Without ``signoff`` the state is inferred from the bundle and checked for
    consistency (``final`` needs a verifier with a verification signature, an
    AuditEvent and a results interpreter). With ``signoff`` (``None`` = not
    signed) the report status must also match that decision exactly.
    """
    bundle = _parse(bundle)
    if bundle.type != "collection":
        _fail("unexpected bundle type", f"got {bundle.type!r}, carepath exports 'collection'")
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
    expected_obs = OBSERVATION_STATUS[state]
    for r in res:
        if r.get_resource_type() == "Observation" and r.status != expected_obs:
            _fail("Observation status does not match the report",
                  f"report '{report.status}' needs Observations '{expected_obs}', found '{r.status}'")
    return bundle


def _state_of_status(status: str | None) -> ReportState:
    """The report state a DiagnosticReport status stands for, or a refusal."""
    allowed = set(REPORT_STATUS.values())
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
                  if any(c.code == "1.2.840.10065.1.12.1.5" for c in s.type)]
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
