"""An independent FHIR R4B conformance check for the bundles carepath files.

fhir.resources checks structure and primitive types, but not what the HL7
validator would refuse: a Reference to a resource type the element does not
allow (a Device as ``DiagnosticReport.performer``), a code outside a
*required* binding (``DiagnosticReport.status = "banana"``), the invariants
(``dom-*``, ``bdl-*``, ``txt-*``, ``ele-1``, ``att-1``, ``ref-1``), and a
``urn:uuid:`` reference that points at nothing in the bundle. This module
checks those on the plain JSON, with its own rule tables written from the
R4B specification (https://hl7.org/fhir/R4B/, section named beside each
table), so it does not share the library's blind spots; a test holds the
reference tables against the library's element metadata so a typo here
cannot pass unnoticed.

It covers the resource types carepath writes (Bundle, DiagnosticReport,
Observation, Patient, ServiceRequest, Practitioner, Device, Media,
Provenance, AuditEvent) and the datatype rules every resource shares; it is
not a general validator (no profiles, no terminology server).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal
from xml.etree import ElementTree

from pydantic import BaseModel

Json = dict[str, Any]

# --- reference targets: "Reference(A | B)" per element ----------------------------
# (resource type, dotted element path) → allowed target resource types.
# "Any" = Reference(Any). Sources: each resource's "Resource Content" table.
REFERENCE_TARGETS: dict[tuple[str, str], frozenset[str]] = {
    # https://hl7.org/fhir/R4B/diagnosticreport.html#resource (R4B widened subject
    # beyond R4's Patient | Group | Device | Location)
    ("DiagnosticReport", "basedOn"): frozenset({"CarePlan", "ImmunizationRecommendation", "MedicationRequest",
                                                "NutritionOrder", "ServiceRequest"}),
    ("DiagnosticReport", "subject"): frozenset({"Patient", "Group", "Device", "Location", "Organization",
                                                "Procedure", "Practitioner", "Medication", "Substance"}),
    ("DiagnosticReport", "encounter"): frozenset({"Encounter"}),
    ("DiagnosticReport", "performer"): frozenset({"Practitioner", "PractitionerRole", "Organization", "CareTeam"}),
    ("DiagnosticReport", "resultsInterpreter"): frozenset({"Practitioner", "PractitionerRole", "Organization",
                                                          "CareTeam"}),
    ("DiagnosticReport", "specimen"): frozenset({"Specimen"}),
    ("DiagnosticReport", "result"): frozenset({"Observation"}),
    ("DiagnosticReport", "imagingStudy"): frozenset({"ImagingStudy"}),
    ("DiagnosticReport", "media.link"): frozenset({"Media"}),
    # https://hl7.org/fhir/R4B/observation.html#resource
    ("Observation", "basedOn"): frozenset({"CarePlan", "DeviceRequest", "ImmunizationRecommendation",
                                           "MedicationRequest", "NutritionOrder", "ServiceRequest"}),
    ("Observation", "partOf"): frozenset({"MedicationAdministration", "MedicationDispense", "MedicationStatement",
                                          "Procedure", "Immunization", "ImagingStudy"}),
    ("Observation", "subject"): frozenset({"Patient", "Group", "Device", "Location", "Organization", "Procedure",
                                           "Practitioner", "Medication", "Substance"}),
    ("Observation", "encounter"): frozenset({"Encounter"}),
    ("Observation", "performer"): frozenset({"Practitioner", "PractitionerRole", "Organization", "CareTeam",
                                             "Patient", "RelatedPerson"}),
    ("Observation", "specimen"): frozenset({"Specimen"}),
    ("Observation", "device"): frozenset({"Device", "DeviceMetric"}),
    ("Observation", "hasMember"): frozenset({"Observation", "QuestionnaireResponse", "MolecularSequence"}),
    ("Observation", "derivedFrom"): frozenset({"DocumentReference", "ImagingStudy", "Media",
                                               "QuestionnaireResponse", "Observation", "MolecularSequence"}),
    # https://hl7.org/fhir/R4B/patient.html#resource
    ("Patient", "generalPractitioner"): frozenset({"Organization", "Practitioner", "PractitionerRole"}),
    ("Patient", "managingOrganization"): frozenset({"Organization"}),
    ("Patient", "link.other"): frozenset({"Patient", "RelatedPerson"}),
    # https://hl7.org/fhir/R4B/servicerequest.html#resource
    ("ServiceRequest", "subject"): frozenset({"Patient", "Group", "Location", "Device"}),
    ("ServiceRequest", "encounter"): frozenset({"Encounter"}),
    ("ServiceRequest", "requester"): frozenset({"Practitioner", "PractitionerRole", "Organization", "Patient",
                                                "RelatedPerson", "Device"}),
    ("ServiceRequest", "performer"): frozenset({"Practitioner", "PractitionerRole", "Organization", "CareTeam",
                                                "HealthcareService", "Patient", "Device", "RelatedPerson"}),
    # https://hl7.org/fhir/R4B/media.html#resource
    ("Media", "basedOn"): frozenset({"ServiceRequest", "CarePlan"}),
    ("Media", "subject"): frozenset({"Patient", "Practitioner", "PractitionerRole", "Group", "Device",
                                     "Specimen", "Location"}),
    ("Media", "encounter"): frozenset({"Encounter"}),
    ("Media", "operator"): frozenset({"Practitioner", "PractitionerRole", "Organization", "CareTeam", "Patient",
                                      "Device", "RelatedPerson"}),
    ("Media", "device"): frozenset({"Device", "DeviceMetric"}),
    # https://hl7.org/fhir/R4B/device.html#resource
    ("Device", "patient"): frozenset({"Patient"}),
    ("Device", "owner"): frozenset({"Organization"}),
    ("Device", "location"): frozenset({"Location"}),
    ("Device", "parent"): frozenset({"Device"}),
    # https://hl7.org/fhir/R4B/provenance.html#resource
    ("Provenance", "target"): frozenset({"Any"}),
    ("Provenance", "location"): frozenset({"Location"}),
    ("Provenance", "agent.who"): frozenset({"Practitioner", "PractitionerRole", "RelatedPerson", "Patient",
                                            "Device", "Organization"}),
    ("Provenance", "agent.onBehalfOf"): frozenset({"Practitioner", "PractitionerRole", "RelatedPerson",
                                                   "Patient", "Device", "Organization"}),
    ("Provenance", "entity.what"): frozenset({"Any"}),
    ("Provenance", "signature.who"): frozenset({"Practitioner", "PractitionerRole", "RelatedPerson", "Patient",
                                                "Device", "Organization"}),
    # https://hl7.org/fhir/R4B/auditevent.html#resource
    ("AuditEvent", "agent.who"): frozenset({"PractitionerRole", "Practitioner", "Organization", "Device",
                                            "Patient", "RelatedPerson"}),
    ("AuditEvent", "source.observer"): frozenset({"PractitionerRole", "Practitioner", "Organization", "Device",
                                                  "Patient", "RelatedPerson"}),
    ("AuditEvent", "entity.what"): frozenset({"Any"}),
}

# --- required bindings -------------------------------------------------------------
# (resource type or "*" for any, dotted path) → the codes the required value set holds.
# Sources: the "Terminology Bindings" table of each resource page and datatypes.html.
_EVENT_STATUS = frozenset({"preparation", "in-progress", "not-done", "on-hold", "stopped", "completed",
                           "entered-in-error", "unknown"})
REQUIRED_CODES: dict[tuple[str, str], frozenset[str]] = {
    # https://hl7.org/fhir/R4B/bundle.html#tx (bundle-type, http-verb)
    ("Bundle", "type"): frozenset({"document", "message", "transaction", "transaction-response", "batch",
                                   "batch-response", "history", "searchset", "collection"}),
    ("Bundle", "entry.request.method"): frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"}),
    # https://hl7.org/fhir/R4B/diagnosticreport.html#tx (diagnostic-report-status)
    ("DiagnosticReport", "status"): frozenset({"registered", "partial", "preliminary", "final", "amended",
                                               "corrected", "appended", "cancelled", "entered-in-error",
                                               "unknown"}),
    # https://hl7.org/fhir/R4B/observation.html#tx (observation-status)
    ("Observation", "status"): frozenset({"registered", "preliminary", "final", "amended", "corrected",
                                          "cancelled", "entered-in-error", "unknown"}),
    # https://hl7.org/fhir/R4B/patient.html#tx (administrative-gender)
    ("Patient", "gender"): frozenset({"male", "female", "other", "unknown"}),
    # https://hl7.org/fhir/R4B/servicerequest.html#tx (request-status, request-intent)
    ("ServiceRequest", "status"): frozenset({"draft", "active", "on-hold", "revoked", "completed",
                                             "entered-in-error", "unknown"}),
    ("ServiceRequest", "intent"): frozenset({"proposal", "plan", "directive", "order", "original-order",
                                             "reflex-order", "filler-order", "instance-order", "option"}),
    # https://hl7.org/fhir/R4B/device.html#tx (device-status, device-nametype)
    ("Device", "status"): frozenset({"active", "inactive", "entered-in-error", "unknown"}),
    ("Device", "deviceName.type"): frozenset({"udi-label-name", "user-friendly-name", "patient-reported-name",
                                              "manufacturer-name", "model-name", "other"}),
    # https://hl7.org/fhir/R4B/media.html#tx (event-status)
    ("Media", "status"): _EVENT_STATUS,
    # https://hl7.org/fhir/R4B/provenance.html#tx (provenance-entity-role)
    ("Provenance", "entity.role"): frozenset({"derivation", "revision", "quotation", "source", "removal"}),
    # https://hl7.org/fhir/R4B/auditevent.html#tx (audit-event-action, audit-event-outcome)
    ("AuditEvent", "action"): frozenset({"C", "R", "U", "D", "E"}),
    ("AuditEvent", "outcome"): frozenset({"0", "4", "8", "12"}),
    # https://hl7.org/fhir/R4B/narrative.html#Narrative (narrative-status)
    ("*", "text.status"): frozenset({"generated", "extensions", "additional", "empty"}),
}
# Datatype bindings checked wherever the datatype occurs (datatypes.html):
# Identifier.use (identifier-use), HumanName.use (name-use).
IDENTIFIER_USE = frozenset({"usual", "official", "temp", "secondary", "old"})
NAME_USE = frozenset({"usual", "official", "temp", "nickname", "anonymous", "old", "maiden"})
# Attachment.contentType is bound (required) to BCP 13 MIME types.
_MIME = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;\s*[a-z0-9_-]+=\S+)*$", re.I)
# txt-1: the narrative may hold only basic XHTML (narrative.html#xhtml).
_XHTML = "{http://www.w3.org/1999/xhtml}"
_NARRATIVE_TAGS = frozenset({
    "a", "abbr", "acronym", "b", "big", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "dfn", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd",
    "li", "ol", "p", "pre", "q", "samp", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "tt", "ul", "var"})
_RESOURCE_URL = re.compile(r"(?:^|/)([A-Z][A-Za-z]+)/[A-Za-z0-9\-.]{1,64}(?:/_history/[A-Za-z0-9\-.]{1,64})?$")


class Issue(BaseModel):
    """One conformance finding: the rule (spec key), where, and what is wrong."""

    severity: Literal["error", "warning"] = "error"
    rule: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message} [{self.rule}]"


# --- walking ------------------------------------------------------------------------


def _at(node: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Values at a dotted path, arrays flattened, with their JSON paths."""
    items: list[tuple[str, Any]] = [("", node)]
    for part in path.split("."):
        nxt: list[tuple[str, Any]] = []
        for where, value in items:
            child = value.get(part) if isinstance(value, dict) else None
            if isinstance(child, list):
                nxt += [(f"{where}.{part}[{i}]", c) for i, c in enumerate(child)]
            elif child is not None:
                nxt.append((f"{where}.{part}", child))
        items = nxt
    return iter(items)


def _walk(node: Any, where: str) -> Iterator[tuple[str, str | None, Any]]:
    """Every (path, key, value) below ``node``, depth first."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield f"{where}.{k}", k, v
            yield from _walk(v, f"{where}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield f"{where}[{i}]", None, v
            yield from _walk(v, f"{where}[{i}]")


def _resources(bundle: Json) -> Iterator[tuple[str, Json]]:
    for i, e in enumerate(bundle.get("entry") or []):
        res = e.get("resource") if isinstance(e, dict) else None
        if isinstance(res, dict):
            yield f"Bundle.entry[{i}].resource", res


# --- the checks ---------------------------------------------------------------------


def _target_type(ref: Json, full_urls: dict[str, str]) -> str | None:
    """The resource type a Reference points at, as far as it can be told."""
    literal = ref.get("reference")
    if isinstance(literal, str):
        if literal.startswith("urn:uuid:") or literal.startswith("urn:oid:"):
            return full_urls.get(literal)
        m = _RESOURCE_URL.search(literal)
        if m:
            return m.group(1)
    return ref.get("type") if isinstance(ref.get("type"), str) else None


def check_references(bundle: Json) -> list[Issue]:
    """Reference targets per element (the tables above), ``Reference.type``
    agreeing with the literal reference, and every ``urn:uuid:``/``urn:oid:``
    reference resolving to an entry's fullUrl (bundle.html#references: a
    reference to a URN must be resolved within the bundle)."""
    full_urls = {e["fullUrl"]: e["resource"].get("resourceType")
                 for e in bundle.get("entry") or [] if isinstance(e, dict) and e.get("fullUrl")
                 and isinstance(e.get("resource"), dict)}
    issues: list[Issue] = []
    for where, res in _resources(bundle):
        rtype = res.get("resourceType", "")
        for (owner, path), allowed in REFERENCE_TARGETS.items():
            if owner != rtype or "Any" in allowed:
                continue
            for at, ref in _at(res, path):
                target = _target_type(ref, full_urls) if isinstance(ref, dict) else None
                if target is not None and target not in allowed:
                    issues.append(Issue(rule="reference-target", path=where + at,
                                        message=f"{rtype}.{path} may reference {' | '.join(sorted(allowed))}, "
                                                f"not {target}"))
        issues += _reference_integrity(where, res, full_urls)
    return issues


def _reference_integrity(where: str, res: Json, full_urls: dict[str, str]) -> list[Issue]:
    issues: list[Issue] = []
    contained = {c.get("id") for c in res.get("contained") or [] if isinstance(c, dict)}
    for at, _, value in _walk(res, where):
        literal = value.get("reference") if isinstance(value, dict) else None
        if not isinstance(literal, str):
            continue
        if literal.startswith(("urn:uuid:", "urn:oid:")) and literal not in full_urls:
            issues.append(Issue(rule="bundle-reference", path=at,
                                message=f"{literal} does not resolve to any entry's fullUrl"))
        elif literal.startswith("#") and literal[1:] not in contained:
            issues.append(Issue(rule="ref-1", path=at, message=f"local reference {literal} has no contained resource"))
        declared, resolved = value.get("type"), full_urls.get(literal) or (
            m.group(1) if (m := _RESOURCE_URL.search(literal)) else None)
        if isinstance(declared, str) and resolved and declared != resolved:
            issues.append(Issue(rule="reference-type", path=at,
                                message=f"Reference.type {declared} but the reference is a {resolved}"))
    return issues


def check_bindings(bundle: Json) -> list[Issue]:
    """Codes of required bindings (REQUIRED_CODES, Identifier.use,
    HumanName.use, Attachment.contentType)."""
    issues: list[Issue] = []
    nodes = [("Bundle", bundle)] + [(w, r) for w, r in _resources(bundle)]
    for where, res in nodes:
        rtype = res.get("resourceType", "")
        for (owner, path), allowed in REQUIRED_CODES.items():
            if owner not in (rtype, "*"):
                continue
            for at, code in _at(res, path):
                if code not in allowed:
                    issues.append(Issue(rule="binding", path=where + at,
                                        message=f"{code!r} is not in the required value set for "
                                                f"{rtype}.{path} ({', '.join(sorted(allowed))})"))
        if where == "Bundle":
            continue
        issues += _datatype_bindings(where, res)
    return issues


def _datatype_bindings(where: str, res: Json) -> list[Issue]:
    issues: list[Issue] = []
    for at, key, value in _walk(res, where):
        items = value if isinstance(value, list) else [value]
        if key == "identifier":
            bad = [i.get("use") for i in items if isinstance(i, dict) and "use" in i and i["use"] not in IDENTIFIER_USE]
            issues += [Issue(rule="binding", path=at, message=f"Identifier.use {u!r} is not in identifier-use")
                       for u in bad]
        elif key == "name":
            bad = [n.get("use") for n in items if isinstance(n, dict) and "use" in n and n["use"] not in NAME_USE]
            issues += [Issue(rule="binding", path=at, message=f"HumanName.use {u!r} is not in name-use") for u in bad]
        elif key == "contentType" and isinstance(value, str) and not _MIME.match(value):
            issues.append(Issue(rule="binding", path=at, message=f"{value!r} is not a MIME type (BCP 13)"))
    return issues


def check_bundle_invariants(bundle: Json) -> list[Issue]:
    """bdl-1..5, 7, 8 (bundle.html#invariants) and, for transactions, that
    each request can be carried out (POST to the resource type, PUT to
    ``Type/id`` or ``Type?search``)."""
    btype = bundle.get("type")
    issues: list[Issue] = []
    if "total" in bundle and btype not in ("searchset", "history"):
        issues.append(Issue(rule="bdl-1", path="Bundle.total", message="total only when a search or history"))
    seen: dict[str, int] = {}
    for i, e in enumerate(bundle.get("entry") or []):
        at = f"Bundle.entry[{i}]"
        if "search" in e and btype != "searchset":
            issues.append(Issue(rule="bdl-2", path=at, message="entry.search only when a search"))
        needs_request = btype in ("batch", "transaction", "history")
        if needs_request != ("request" in e):
            issues.append(Issue(rule="bdl-3", path=at, message="entry.request mandatory for batch/transaction/"
                                                              "history, otherwise prohibited"))
        needs_response = btype in ("batch-response", "transaction-response", "history")
        if needs_response != ("response" in e):
            issues.append(Issue(rule="bdl-4", path=at, message="entry.response mandatory for batch-response/"
                                                              "transaction-response/history, otherwise prohibited"))
        if "resource" not in e and "request" not in e and "response" not in e:
            issues.append(Issue(rule="bdl-5", path=at, message="must be a resource unless there's a request or response"))
        url = e.get("fullUrl")
        if isinstance(url, str):
            if "/_history/" in url:
                issues.append(Issue(rule="bdl-8", path=at, message="fullUrl cannot be a version specific reference"))
            if url in seen and btype != "history":
                issues.append(Issue(rule="bdl-7", path=at, message=f"fullUrl {url} repeats entry[{seen[url]}]"))
            seen.setdefault(url, i)
        if btype == "transaction" and isinstance(e.get("request"), dict):
            issues += _request_fits(at, e)
    issues += _document_and_message(bundle)
    return issues


def _request_fits(at: str, e: Json) -> list[Issue]:
    req, rtype = e["request"], (e.get("resource") or {}).get("resourceType")
    method, url = req.get("method"), str(req.get("url") or "")
    if method == "POST" and rtype and url != rtype:
        return [Issue(rule="transaction", path=f"{at}.request", message=f"POST of a {rtype} must go to {rtype!r}")]
    if method == "PUT" and rtype and not re.match(rf"^{rtype}(/[A-Za-z0-9\-.]{{1,64}}$|\?.+)", url):
        return [Issue(rule="transaction", path=f"{at}.request",
                      message=f"PUT of a {rtype} must go to '{rtype}/id' or '{rtype}?search'")]
    if "ifNoneExist" in req and method != "POST":
        return [Issue(rule="transaction", path=f"{at}.request", message="ifNoneExist only applies to POST")]
    return []


def _document_and_message(bundle: Json) -> list[Issue]:
    """bdl-9..12: documents and messages have the resource they are built on first."""
    entries, btype = bundle.get("entry") or [], bundle.get("type")
    first = ((entries[0] or {}).get("resource") or {}).get("resourceType") if entries else None
    issues: list[Issue] = []
    if btype == "document":
        ident = bundle.get("identifier") or {}
        if not (ident.get("system") and ident.get("value")):
            issues.append(Issue(rule="bdl-9", path="Bundle.identifier", message="a document needs system and value"))
        if "timestamp" not in bundle:
            issues.append(Issue(rule="bdl-10", path="Bundle.timestamp", message="a document must have a date"))
        if first != "Composition":
            issues.append(Issue(rule="bdl-11", path="Bundle.entry[0]", message="a document starts with a Composition"))
    if btype == "message" and first != "MessageHeader":
        issues.append(Issue(rule="bdl-12", path="Bundle.entry[0]", message="a message starts with a MessageHeader"))
    return issues


def check_resource_invariants(bundle: Json, *, narrative_required: bool = True) -> list[Issue]:
    """dom-2..6 (domainresource.html#invariants), txt-1/2 (narrative.html),
    ele-1 (element.html: no empty elements), att-1 (datatypes.html#Attachment)
    and obs-6 (observation.html#invariants). dom-6 is a best-practice rule
    in the spec; carepath holds every resource to it (``narrative_required``)."""
    issues: list[Issue] = []
    for where, res in _resources(bundle):
        issues += _contained(where, res)
        text = res.get("text")
        if not (isinstance(text, dict) and text.get("div")):
            issues.append(Issue(severity="error" if narrative_required else "warning", rule="dom-6", path=where,
                                message=f"{res.get('resourceType')} has no narrative (text.div)"))
        else:
            issues += _narrative(f"{where}.text.div", str(text["div"]))
        for at, key, value in _walk(res, where):
            if value in ("", [], {}) or (isinstance(value, str) and not value.strip()):
                issues.append(Issue(rule="ele-1", path=at, message="elements must have a value or children"))
            if key in ("presentedForm", "content", "photo", "attachment") or isinstance(value, dict) and "data" in value:
                for att in value if isinstance(value, list) else [value]:
                    if isinstance(att, dict) and "data" in att and "contentType" not in att:
                        issues.append(Issue(rule="att-1", path=at, message="an Attachment with data needs a contentType"))
        if res.get("resourceType") == "Observation" and "dataAbsentReason" in res and \
                any(k.startswith("value") for k in res):
            issues.append(Issue(rule="obs-6", path=where, message="dataAbsentReason only when there is no value[x]"))
    return issues


def _contained(where: str, res: Json) -> list[Issue]:
    issues: list[Issue] = []
    refs = {v.get("reference") for _, _, v in _walk(res, where) if isinstance(v, dict)}
    for i, c in enumerate(res.get("contained") or []):
        at = f"{where}.contained[{i}]"
        if c.get("contained"):
            issues.append(Issue(rule="dom-2", path=at, message="contained resources shall not contain resources"))
        if f"#{c.get('id')}" not in refs:
            issues.append(Issue(rule="dom-3", path=at, message="a contained resource must be referenced"))
        meta = c.get("meta") or {}
        if "versionId" in meta or "lastUpdated" in meta:
            issues.append(Issue(rule="dom-4", path=at, message="contained resources carry no versionId/lastUpdated"))
        if "security" in meta:
            issues.append(Issue(rule="dom-5", path=at, message="contained resources carry no security label"))
    return issues


def _narrative(at: str, div: str) -> list[Issue]:
    """txt-1 (basic XHTML only: no scripts, forms, event attributes) and
    txt-2 (some non-whitespace content)."""
    try:
        root = ElementTree.fromstring(div)
    except ElementTree.ParseError as exc:
        return [Issue(rule="txt-1", path=at, message=f"narrative is not well-formed XHTML ({exc})")]
    issues: list[Issue] = []
    if root.tag != f"{_XHTML}div":
        issues.append(Issue(rule="txt-1", path=at, message="narrative root must be an XHTML div"))
    for el in root.iter():
        name = el.tag.removeprefix(_XHTML)
        if name not in _NARRATIVE_TAGS:
            issues.append(Issue(rule="txt-1", path=at, message=f"<{name}> is not allowed in a narrative"))
        bad = [a for a in el.attrib if a.lower().startswith("on")]
        if bad:
            issues.append(Issue(rule="txt-1", path=at, message=f"event attribute {bad[0]} in a narrative"))
    if not "".join(root.itertext()).strip() and not any(e.tag == f"{_XHTML}img" for e in root.iter()):
        issues.append(Issue(rule="txt-2", path=at, message="the narrative has no content"))
    return issues


def issues(bundle: Json, *, narrative_required: bool = True) -> list[Issue]:
    """Every finding, errors and warnings."""
    if bundle.get("resourceType") != "Bundle":
        return [Issue(rule="structure", path="$", message="not a Bundle")]
    return (check_bundle_invariants(bundle) + check_bindings(bundle) + check_references(bundle)
            + check_resource_invariants(bundle, narrative_required=narrative_required))


def check(bundle: Json, *, narrative_required: bool = True) -> list[Issue]:
    """The errors only (what a server or the HL7 validator would refuse, plus
    carepath's narrative rule); empty when the bundle conforms."""
    return [i for i in issues(bundle, narrative_required=narrative_required) if i.severity == "error"]
