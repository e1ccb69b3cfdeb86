"""One patient's FHIR R4 record, from a bundle file or a FHIR server.

Resources are validated with ``fhir.resources.R4B`` (the package's default
models are R5, which rejects R4 data) and kept as plain JSON keyed by
``ResourceType/id`` — the ids every EHR answer cites. A server is read with
ordinary FHIR REST searches (``GET [base]/Observation?patient=…``, following
``Bundle.link[next]``). Errors name the source and the reason, never a
patient identifier or resource content.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
from pydantic import BaseModel, Field, ValidationError

from carepath.deid import remember_fhir_patient
from carepath.errors import BackendError, InputError

# every resource type a Synthea / US Core patient record carries that an answer may cite; the
# first ones are the patient's own (searched by ``patient=`` on a server), the last two are who and
# where (the clinicians and places the visits and care teams name, read by their references)
PATIENT_TYPES = ("Patient", "Observation", "MedicationRequest", "MedicationStatement", "Condition", "Encounter",
                 "DiagnosticReport", "Immunization", "Procedure", "AllergyIntolerance", "CarePlan", "Device",
                 "ImagingStudy", "Goal", "CareTeam")
PEOPLE_TYPES = ("Practitioner", "Organization")
TYPES = PATIENT_TYPES + PEOPLE_TYPES
MAX_PEOPLE = 200  # distinct clinicians and places read from a server for one record
OPTIONAL_TYPES = ("Goal", "CareTeam")  # added later; a server that refuses their search still answers the rest
_REF_ID = re.compile(r"^(Practitioner|Organization)/[A-Za-z0-9\-.]{1,64}$")  # FHIR id syntax: nothing else is fetched
MAX_PAGES = 50
MAX_BUNDLE_BYTES = 1024**3


class FhirRecord(BaseModel):
    """Resources by ``Type/id`` (JSON as received) and where they came from."""

    source: str
    resources: dict[str, dict[str, Any]] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)

    def of_type(self, rtype: str) -> list[tuple[str, dict[str, Any]]]:
        return [(k, v) for k, v in self.resources.items() if k.startswith(rtype + "/")]

    def resolve(self, reference: Any) -> str | None:
        """``Type/id`` of the resource a Reference points at when this record holds it (a bundle's
        ``urn:uuid:<id>`` or a server's ``Practitioner/<id>``); None for anything else."""
        ref = str((reference or {}).get("reference") or "") if isinstance(reference, dict) else ""
        if ref.startswith("urn:uuid:"):
            rid = ref[len("urn:uuid:"):]
            return next((k for k in self.resources if k.split("/", 1)[1] == rid), None)
        key = ref_key(ref)
        return key if key in self.resources else None


def ref_key(reference: str) -> str:
    """``Type/id`` from a literal reference ("Practitioner/7", "http://server/fhir/Practitioner/7")."""
    return "/".join(reference.rstrip("/").split("/")[-2:])


def _validate(resource: dict[str, Any], where: str) -> str | None:
    """None when the resource is valid R4, else a short reason without values."""
    from fhir.resources.R4B import get_fhir_model_class  # heavy: fhir.resources models, only for FHIR input

    rtype = resource.get("resourceType")
    try:
        cls = get_fhir_model_class(str(rtype))
    except KeyError:
        return f"{where}: unknown resourceType"
    try:
        cls.model_validate(resource)
    except ValidationError as exc:
        e = exc.errors()[0]
        return f"{where}: invalid {rtype} ({e.get('type')} at {'.'.join(map(str, e.get('loc', ()))) or 'top'})"
    except (RecursionError, ValueError, TypeError) as exc:  # hostile shapes the models choke on
        return f"{where}: invalid {rtype} ({type(exc).__name__})"
    return None


def _add(record: FhirRecord, resource: dict[str, Any], where: str,
         types: tuple[str, ...] = TYPES) -> None:
    rtype, rid = resource.get("resourceType"), resource.get("id")
    if rtype not in types:
        return
    if not rid:
        record.warnings.append(f"{where}: a {rtype} without an id was skipped")
        return
    if problem := _validate(resource, where):
        record.warnings.append(problem + "; skipped")
        return
    if rtype == "Patient":
        remember_fhir_patient(resource)  # no-op unless text goes to a remote model
    record.resources[f"{rtype}/{rid}"] = resource


def load_bundle(path: Path, *, types: tuple[str, ...] = TYPES) -> FhirRecord:
    """A Bundle file (transaction, collection, searchset…) as a record of the
    resources of ``types`` (the patient context also reads ServiceRequest)."""
    path = Path(path)
    fix = "pass a FHIR R4 Bundle JSON file or a FHIR server URL"
    if not path.exists():
        raise InputError("FHIR bundle not found", subject=str(path), why="no such file", fix=fix)
    if not path.is_file():
        raise InputError("FHIR bundle is not a file", subject=str(path), why="it is a directory", fix=fix)
    if path.stat().st_size > MAX_BUNDLE_BYTES:
        raise InputError("FHIR bundle too large", subject=str(path),
                         why=f"more than {MAX_BUNDLE_BYTES >> 20} MiB",
                         fix="export one patient's resources, or point carepath at the FHIR server")
    try:  # utf-8-sig: Windows tools write a BOM, which JSON forbids but is harmless
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError("not a FHIR bundle", subject=str(path), why="the file is not UTF-8 text",
                         fix=fix) from None
    except json.JSONDecodeError as exc:
        raise InputError("not a FHIR bundle", subject=str(path),
                         why=f"invalid JSON ({exc.msg}, line {exc.lineno})", fix=fix) from None
    except (RecursionError, ValueError) as exc:  # nesting bombs, 5000-digit integers
        raise InputError("not a FHIR bundle", subject=str(path),
                         why=f"the JSON cannot be read safely ({type(exc).__name__}: nested too "
                             "deeply or a number out of range)", fix=fix) from None
    if not isinstance(data, dict):
        raise InputError("not a FHIR bundle", subject=str(path), why="the JSON is not an object", fix=fix)
    rtype = data.get("resourceType")
    if rtype != "Bundle":
        shown = rtype[:40] if isinstance(rtype, str) else (f"a JSON {type(rtype).__name__}" if rtype else "none")
        raise InputError("wrong FHIR resourceType", subject=str(path),
                         why=f"expected Bundle, got {shown}", fix=fix)
    entries = data.get("entry") or []
    if not isinstance(entries, list):
        raise InputError("invalid FHIR R4 Bundle", subject=str(path),
                         why=f"Bundle.entry is a JSON {type(entries).__name__}, not a list", fix=fix)
    from fhir.resources.R4B.bundle import Bundle  # heavy: fhir.resources models (~0.4 s), only for FHIR input

    try:  # the envelope only; each resource is validated on its own so one bad entry is not fatal
        Bundle.model_validate({k: v for k, v in data.items() if k != "entry"})
    except (RecursionError, ValueError, TypeError) as exc:
        e = exc.errors()[0] if isinstance(exc, ValidationError) else {"type": type(exc).__name__}
        raise InputError("invalid FHIR R4 Bundle", subject=str(path),
                         why=f"{e.get('type')} at {'.'.join(map(str, e.get('loc', ()))) or 'top'}",
                         fix=fix) from None
    record = FhirRecord(source=path.name)
    for i, entry in enumerate(entries):
        res = entry.get("resource") if isinstance(entry, dict) else None
        if isinstance(res, dict):
            _add(record, res, f"entry {i}", types)
    if not record.of_type("Patient") and not record.resources:
        raise InputError("empty FHIR bundle", subject=str(path), why="no usable resources", fix=fix)
    return record


_PATIENT_URL = re.compile(r"^(?P<base>.+?)/Patient/(?P<id>[A-Za-z0-9\-.]{1,64})/?$")


def is_url(source: str) -> bool:
    return urlsplit(source).scheme in ("http", "https")


def fetch_server(url: str, *, timeout_s: float = 30.0, types: tuple[str, ...] = TYPES) -> FhirRecord:
    """One patient's resources from a FHIR server: ``url`` is the base (with
    exactly one Patient on it) or ``[base]/Patient/<id>``."""

    m = _PATIENT_URL.match(url.rstrip("/"))
    base = (m["base"] if m else url).rstrip("/") + "/"
    shown = urlsplit(base)._replace(query="", fragment="").geturl()  # no patient id in messages
    record = FhirRecord(source=shown)
    headers = {"Accept": "application/fhir+json"}

    def get(u: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        try:
            r = client.get(u, params=params)
        except httpx.HTTPError as exc:
            raise BackendError("FHIR server unreachable", subject=shown, why=type(exc).__name__,
                               fix="check the URL and that the server is running") from None
        if r.status_code == 404:
            raise InputError("not found on the FHIR server", subject=shown, why="HTTP 404",
                             fix="check the base URL and the Patient id")
        if r.status_code >= 400:
            raise BackendError("FHIR server error", subject=shown, why=f"HTTP {r.status_code}",
                               fix="check the server's logs")
        try:
            body = r.json()
        except ValueError:
            raise BackendError("FHIR server sent no JSON", subject=shown, why="unparseable body",
                               fix="point at a FHIR R4 REST endpoint") from None
        if not isinstance(body, dict) or "resourceType" not in body:
            raise BackendError("FHIR server sent no resource", subject=shown, why="no resourceType",
                               fix="point at a FHIR R4 REST endpoint")
        return body

    with httpx.Client(timeout=timeout_s, headers=headers, follow_redirects=False) as client:
        if m:
            patient = get(urljoin(base, f"Patient/{m['id']}"))
            if patient.get("resourceType") != "Patient":
                raise InputError("wrong FHIR resourceType", subject=shown,
                                 why=f"expected Patient, got {str(patient.get('resourceType'))[:40]}",
                                 fix="pass [base]/Patient/<id>")
        else:
            found = get(urljoin(base, "Patient"), {"_count": "2"})
            if found.get("resourceType") != "Bundle":
                raise InputError("wrong FHIR resourceType", subject=shown,
                                 why=f"expected a search Bundle, got {str(found.get('resourceType'))[:40]}",
                                 fix="pass a FHIR base URL")
            pats = [e["resource"] for e in found.get("entry") or [] if isinstance(e.get("resource"), dict)]
            if len(pats) != 1 or int(found.get("total", len(pats))) > 1:
                raise InputError("cannot choose a patient", subject=shown,
                                 why="the server holds no patient" if not pats else "the server holds several patients",
                                 fix="pass [base]/Patient/<id>")
            patient = pats[0]
        _add(record, patient, "Patient")
        pid = patient.get("id", "")
        for rtype in types:
            if rtype == "Patient" or rtype in PEOPLE_TYPES:
                continue
            try:
                page: dict[str, Any] | None = get(urljoin(base, rtype), {"patient": pid, "_count": "100"})
            except (InputError, BackendError) as exc:
                if rtype not in OPTIONAL_TYPES:
                    raise
                # many EHR FHIR endpoints expose no Goal or CareTeam search: the rest of the record still answers
                record.warnings.append(f"{rtype}: not searched ({exc.what}: {exc.why})")
                continue
            for n in range(MAX_PAGES):
                assert page is not None
                for i, e in enumerate(page.get("entry") or []):
                    if isinstance(e.get("resource"), dict):
                        _add(record, e["resource"], f"{rtype} search result {n * 100 + i}")
                nxt = next((lk.get("url") for lk in page.get("link") or [] if lk.get("relation") == "next"), None)
                if not nxt:
                    break
                if urlsplit(nxt).netloc != urlsplit(base).netloc:
                    record.warnings.append(f"{rtype}: a next-page link to another host was not followed")
                    break
                page = get(nxt)
            else:
                record.warnings.append(f"{rtype}: stopped after {MAX_PAGES} result pages")
        _read_people(record, base, get, tuple(t for t in types if t in PEOPLE_TYPES))
    return record


def named_people(res: dict[str, Any]) -> list[dict[str, Any]]:
    """The References to clinicians and places a visit or a care team carries: an Encounter's
    participants and service provider, a CareTeam's members and managing organization."""
    parts = [p for p in res.get("participant") or [] if isinstance(p, dict)]
    refs = [p.get("individual") for p in parts] + [p.get("member") for p in parts]
    refs += [res.get("serviceProvider"), *(res.get("managingOrganization") or [])]
    return [r for r in refs if isinstance(r, dict) and r]


def people_refs(record: FhirRecord) -> list[str]:
    """``Practitioner/<id>`` and ``Organization/<id>`` the record's visits and care teams name and
    it does not hold yet (a server search by patient never returns them)."""
    out: dict[str, None] = {}
    for _, res in record.of_type("Encounter") + record.of_type("CareTeam"):
        for r in named_people(res):
            key = ref_key(str(r.get("reference") or ""))
            if _REF_ID.match(key) and key not in record.resources:
                out[key] = None
    return list(out)


def _read_people(record: FhirRecord, base: str, get: Any, types: tuple[str, ...]) -> None:
    """Reads the clinicians and places the record names, one ``GET [base]/Type/id`` each; one that
    cannot be read is a warning (the visit still answers, without its clinician's name)."""
    wanted = [k for k in people_refs(record) if k.split("/")[0] in types]
    for key in wanted[:MAX_PEOPLE]:
        try:
            _add(record, get(urljoin(base, key)), key.split("/")[0], types)
        except (InputError, BackendError) as exc:
            record.warnings.append(f"{key.split('/')[0]}: a referenced resource could not be read ({exc.what}: {exc.why})")
    if len(wanted) > MAX_PEOPLE:
        record.warnings.append(f"only the first {MAX_PEOPLE} referenced clinicians and places were read")


def load(source: str | Path, **kw: Any) -> FhirRecord:
    s = str(source)
    return fetch_server(s, **kw) if is_url(s) else load_bundle(Path(s))
