"""Reading the fields an answer needs from FHIR R4 resources (JSON as
received, already validated against fhir.resources R4B by the loader).

One place knows where each resource type keeps its code, its date, its end
date, its status and its value, so the manifest, the question resolver and
the answer agree on them.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from carepath.tools.sources.fhir_bundle import FhirRecord, named_people

# resource type -> the element holding what the resource is about
CODE_FIELD = {
    "Observation": "code", "Condition": "code", "Procedure": "code", "DiagnosticReport": "code",
    "Immunization": "vaccineCode", "MedicationRequest": "medicationCodeableConcept",
    "MedicationStatement": "medicationCodeableConcept", "AllergyIntolerance": "code",
    "Encounter": "type", "CarePlan": "category", "Device": "type", "Goal": "description",
    "CareTeam": "reasonCode",
}
# resource type -> date elements, in order of preference (first present wins)
DATE_FIELDS = {
    "Observation": ("effectiveDateTime", "effectivePeriod", "effectiveInstant", "issued"),
    "Condition": ("onsetDateTime", "onsetPeriod", "recordedDate"),
    "Procedure": ("performedDateTime", "performedPeriod"),
    "DiagnosticReport": ("effectiveDateTime", "effectivePeriod", "issued"),
    "Immunization": ("occurrenceDateTime", "recorded"),
    "MedicationRequest": ("authoredOn",),
    "MedicationStatement": ("effectiveDateTime", "effectivePeriod", "dateAsserted"),
    "AllergyIntolerance": ("onsetDateTime", "recordedDate"),
    "Encounter": ("period",),
    "CarePlan": ("period", "created"),
    "ImagingStudy": ("started",),
    "Device": ("manufactureDate",),
    "Goal": ("startDate", "statusDate"),
    "CareTeam": ("period",),
}
BAD_STATUS = {"entered-in-error", "cancelled", "refuted"}
MARITAL = {"A": "annulled", "D": "divorced", "I": "interlocutory", "L": "legally separated",
           "M": "married", "P": "polygamous", "S": "never married", "T": "domestic partner",
           "U": "unmarried", "W": "widowed"}  # v3 MaritalStatus code system


def codings(cc: Any) -> list[dict[str, Any]]:
    if isinstance(cc, list):
        return [c for item in cc for c in codings(item)]
    return list((cc or {}).get("coding") or []) if isinstance(cc, dict) else []


def display(cc: Any) -> str:
    """The human name of a CodeableConcept (text, else a coding's display)."""
    if isinstance(cc, list):
        cc = cc[-1] if cc else {}
    cc = cc or {}
    return str(cc.get("text") or next((c["display"] for c in codings(cc) if c.get("display")), "")
               or next((c["code"] for c in codings(cc) if c.get("code")), ""))


def concept_of(res: dict[str, Any]) -> tuple[str, str]:
    """(code, name) of what the resource is about; ImagingStudy has no code, so
    its modality and body site name it."""
    rtype = res.get("resourceType", "")
    if rtype == "ImagingStudy":
        parts = [display(s.get("modality")) or (s.get("modality") or {}).get("display", "") for s in res.get("series") or []]
        sites = [(s.get("bodySite") or {}).get("display", "") for s in res.get("series") or []]
        name = " ".join(dict.fromkeys(p for p in parts + sites if p)) or "imaging study"
        return "imaging:" + name.lower(), name
    if rtype == "MedicationRequest" and "medicationCodeableConcept" not in res:
        name = str((res.get("medicationReference") or {}).get("display") or "unnamed medication")
        return "med:" + name.lower(), name
    if rtype == "CareTeam":  # named for what it cares for, never as the diagnosis itself
        why = display(res.get("reasonCode"))
        return "careteam:" + why.lower(), f"Care team for {why}" if why else "Care team"
    cc = res.get(CODE_FIELD.get(rtype, "code"))
    if rtype == "CarePlan" and isinstance(cc, list) and cc:
        cc = cc[-1]  # Synthea puts the generic "assess-plan" first, the plan's kind last
    if rtype == "Encounter" and isinstance(cc, list):
        cc = cc[0] if cc else {}
    code = next((c.get("code") for c in codings(cc) if c.get("code")), None)
    name = display(cc) or rtype
    return str(code or name.lower()), name


def when(res: dict[str, Any]) -> str | None:
    for key in DATE_FIELDS.get(res.get("resourceType", ""), ()):
        v = res.get(key)
        if isinstance(v, dict):
            v = v.get("start") or v.get("end")
        if v:
            return str(v)
    return None


def ended(res: dict[str, Any]) -> str | None:
    """When it stopped: Condition abatement, a period's end."""
    for key in ("abatementDateTime", "period", "performedPeriod", "effectivePeriod", "onsetPeriod"):
        v = res.get(key)
        if isinstance(v, dict):
            v = v.get("end")
        if v:
            return str(v)
    return None


def status(res: dict[str, Any]) -> str | None:
    cs = res.get("clinicalStatus")
    if isinstance(cs, dict):
        return next((c.get("code") for c in codings(cs) if c.get("code")), None)
    if res.get("resourceType") == "Goal":  # how far it got ("in-progress", "achieved"), else its lifecycle
        got = next((c.get("code") for c in codings(res.get("achievementStatus")) if c.get("code")), None)
        return got or res.get("lifecycleStatus")
    return res.get("status")


def people(record: FhirRecord, res: dict[str, Any]) -> list[tuple[str | None, str, str]]:
    """(``Type/id`` when the record holds it, name, type) of the clinicians and places a visit or a care
    team names: an Encounter's participants and service provider, a CareTeam's members other than the
    patient. The type is the reference's ("Practitioner", "Organization"), "" when it does not say."""
    out: dict[str, tuple[str | None, str, str]] = {}
    for r in named_people(res):
        key = record.resolve(r)
        said = key or str(r.get("reference") or "")
        if said.startswith("Patient/"):  # the patient is on their own care team
            continue
        name = person_name(record.resources.get(key or "", {})) or str(r.get("display") or "")
        rtype = said.split("/")[0] if "/" in said and not said.startswith("urn:") else ""
        if name and name not in out:
            out[name] = (key, name, rtype)
    return list(out.values())


def contact(res: dict[str, Any]) -> str:
    """How to reach a clinician or a place: its first address and its phone numbers and emails, as the
    record gives them ("" when it gives none)."""
    parts = []
    for a in (res.get("address") or [])[:1]:
        if isinstance(a, dict):
            said = [*(a.get("line") or []), a.get("city"), a.get("state"), a.get("postalCode")]
            parts.append(", ".join(str(x) for x in said if x))
    parts += [f"{t.get('system', 'contact')} {t['value']}" for t in res.get("telecom") or []
              if isinstance(t, dict) and t.get("value")]
    return "; ".join(p for p in parts if p)


def person_name(res: dict[str, Any]) -> str:
    if res.get("resourceType") == "Organization":
        return str(res.get("name") or "")
    for n in res.get("name") or []:
        if isinstance(n, dict):
            text = n.get("text") or " ".join([*(n.get("prefix") or []), *(n.get("given") or []), n.get("family") or ""])
            if text.strip():
                return " ".join(str(text).split())
    return ""


def is_current(res: dict[str, Any]) -> bool:
    s = status(res)
    return s in ("active", "recurrence", "relapse", "on-hold", "in-progress", "intended") or (
        res.get("resourceType") == "Device" and s in (None, "active"))


def usable(res: dict[str, Any]) -> bool:
    ver = res.get("verificationStatus")
    vcode = next((c.get("code") for c in codings(ver)), None) if isinstance(ver, dict) else ver
    return status(res) not in BAD_STATUS and vcode not in BAD_STATUS


def num(v: float) -> str:
    return f"{v:.2f}"


def quantity(q: dict[str, Any]) -> tuple[float | None, str]:
    v = q.get("value")
    unit = str(q.get("unit") or q.get("code") or "")
    return (float(v) if isinstance(v, (int, float)) else None), unit


def obs_value(res: dict[str, Any], component: str | None = None) -> tuple[float | None, str]:
    """(number, text) of an Observation, or of one of its components (by LOINC)."""
    if component:
        comp = next((c for c in res.get("component") or []
                     if any(cd.get("code") == component for cd in codings(c.get("code")))), None)
        if comp is None:
            return None, "no value"
        res = comp
    if "valueQuantity" in res:
        v, unit = quantity(res["valueQuantity"])
        return v, (f"{num(v)} {unit}".strip() if v is not None else "no value")
    if "valueCodeableConcept" in res:
        return None, display(res["valueCodeableConcept"])
    for key in ("valueString", "valueBoolean", "valueInteger"):
        if key in res:
            v = res[key]
            return (float(v) if key == "valueInteger" else None), str(v)
    parts = []
    for comp in res.get("component") or []:
        v, unit = quantity(comp.get("valueQuantity") or {})
        if v is not None:
            parts.append(f"{display(comp.get('code'))} {num(v)} {unit}".strip())
    return None, "; ".join(parts) or "no value"


_UNITS = {"s": "second", "min": "minute", "h": "hour", "d": "day", "wk": "week", "mo": "month", "a": "year"}
_TIMES = {1: "once", 2: "twice", 3: "three times", 4: "four times"}


def dosage(res: dict[str, Any]) -> str:
    """How a medicine was to be taken (FHIR Dosage: its text, else dose, frequency and "as needed"), so
    "how often does she take it" and "what dose" are answered from the order itself; "" when unsaid."""
    parts: list[str] = []
    for d in res.get("dosageInstruction") or []:
        if d.get("text"):
            parts.append(d["text"])
            continue
        said: list[str] = []
        for dr in d.get("doseAndRate") or []:
            v, unit = quantity(dr.get("doseQuantity") or {})
            if v is not None:
                said.append(f"dose {num(v).rstrip('0').rstrip('.')}{' ' + unit if unit else ''}")
        rep = (d.get("timing") or {}).get("repeat") or {}
        if rep.get("frequency") and rep.get("periodUnit") in _UNITS:
            n, per = int(rep["frequency"]), rep.get("period", 1)
            every = _UNITS[rep["periodUnit"]] if per == 1 else f"{num(per).rstrip('0').rstrip('.')} {_UNITS[rep['periodUnit']]}s"
            said.append(f"{_TIMES.get(n, f'{n} times')} every {every}" if per != 1 else f"{_TIMES.get(n, f'{n} times')} a {every}")
        if d.get("asNeededBoolean"):
            said.append("as needed")
        if said:
            parts.append(", ".join(said))
    return "; ".join(parts)


def day(stamp: str | None) -> str:
    return (stamp or "unknown date")[:10]


_HEAD = re.compile(r"\s*(?:\[|/|,|\(| in | by | - )")


def head(name: str) -> str:
    """The analyte part of a long LOINC/SNOMED name ("Hemoglobin A1c/Hemoglobin.total
    in Blood" -> "Hemoglobin A1c"), so qualifiers such as "by CAP cancer protocols"
    never match a question."""
    return _HEAD.split(name, maxsplit=1)[0].strip() or name


def status_text(fact: object) -> str:
    """The status word a fact's text carries in brackets, for "is it still active?"."""
    text = str(getattr(fact, "text", ""))
    return text.rsplit("(", 1)[-1].split(")", 1)[0] if "(" in text else "status unknown"


def age_text(birth: str, deceased: str | None = None, today: _dt.date | None = None) -> str:
    """" (age 80)" from a FHIR birthDate (YYYY, YYYY-MM or YYYY-MM-DD), at death when the record
    has a deceasedDateTime ("how old is he" asks for an age, the record stores a date); "" when
    the date cannot be read. Partial dates give the youngest age they allow."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", birth.strip())
    if not m:
        return ""
    born = _dt.date(int(m[1]), int(m[2] or 12), int(m[3] or 28))
    end_m = re.match(r"(\d{4})-(\d{2})-(\d{2})", deceased or "")
    end = _dt.date(int(end_m[1]), int(end_m[2]), int(end_m[3])) if end_m else (today or _dt.date.today())
    years = end.year - born.year - ((end.month, end.day) < (born.month, born.day))
    if years < 0:
        return ""
    return f" (age {years} at death on {end.isoformat()})" if end_m else f" (age {years} on {end.isoformat()})"
