"""The manifest of one patient's record: which resource types it holds and,
per type, which coded things (a lab, a vaccine, a diagnosis...) with how many
resources and over which dates.

This is the EHR Navigator's first step (read what the record holds before
choosing what to fetch) and it is what the deterministic resolver matches a
question against, so both paths see the same vocabulary: the record's own
names plus, for LOINC-coded observations, the catalogue's names and aliases.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field

from carepath.tools.records import fields
from carepath.tools.sources import loinc
from carepath.tools.sources.fhir_bundle import FhirRecord

# what a Synthea / US Core record carries, in the order a clinician reads it
TYPES = ("Patient", "Observation", "Condition", "MedicationRequest", "MedicationStatement",
         "Immunization", "Procedure", "Encounter", "AllergyIntolerance", "DiagnosticReport",
         "CarePlan", "Device", "ImagingStudy", "Goal", "CareTeam")


class Concept(BaseModel):
    """One coded thing in the record and the resources that carry it, oldest first."""

    rtype: str
    code: str
    name: str
    names: list[str] = Field(description="names a question may use: record displays, catalogue aliases")
    category: str | None = Field(None, description="Observation category (laboratory, vital-signs, social-history...)")
    component: str | None = Field(None, description="LOINC of the component read (blood pressure parts)")
    refs: list[str]
    first: str | None = None
    last: str | None = None

    @property
    def key(self) -> str:
        return f"{self.rtype}|{self.code}|{self.component or ''}"


class TypeSummary(BaseModel):
    rtype: str
    count: int
    first: str | None = None
    last: str | None = None


class Manifest(BaseModel):
    source: str
    patient: str | None = None
    types: list[TypeSummary]
    concepts: list[Concept]

    def of_type(self, rtype: str) -> list[Concept]:
        return [c for c in self.concepts if c.rtype == rtype]

    def count(self, rtype: str) -> int:
        return next((t.count for t in self.types if t.rtype == rtype), 0)


def _category(res: dict[str, Any]) -> str | None:
    codes = [c.get("code") for c in fields.codings(res.get("category"))]
    return next((str(c) for c in codes if c), None)


def _names(res: dict[str, Any], name: str, code: str) -> list[str]:
    cc = res.get(fields.CODE_FIELD.get(res["resourceType"], "code"))
    out = {name, fields.head(name)}
    out |= {d for c in fields.codings(cc) if (d := c.get("display"))}
    out |= {fields.head(d) for c in fields.codings(cc) if (d := c.get("display"))}
    if res["resourceType"] == "Observation" and (known := loinc.by_code(code)):
        out |= {known.name, *known.aliases}
    return sorted(n for n in out if n)


_CLASS = {"EMER": "emergency", "IMP": "inpatient admission", "ACUTE": "inpatient admission",
          "AMB": "ambulatory", "HH": "home health", "VR": "virtual", "OBSENC": "observation"}
_MODALITY = {"CR": "x-ray", "DX": "x-ray", "DR": "x-ray", "RG": "x-ray", "CT": "ct scan", "MR": "mri",
             "US": "ultrasound", "MG": "mammogram", "NM": "nuclear medicine scan", "PT": "pet scan",
             "XA": "angiography", "PX": "dental x-ray"}
_DOSE = re.compile(r"\s+\d[\d.,]*\s*(mg|mcg|ug|g|ml|unt|unit|%|meq)\b.*$", re.I)


def _extra_names(res: dict[str, Any], resources: dict[str, dict[str, Any]]) -> set[str]:
    """Names a question may use that the code's display lacks: the drug without
    its strength, the visit's class, the modality in plain words, the
    conditions a care plan addresses."""
    rtype, out = res["resourceType"], set()
    _, name = fields.concept_of(res)
    if rtype in ("MedicationRequest", "MedicationStatement"):
        out.add(_DOSE.sub("", name))
    elif rtype == "Encounter":
        out.add(_CLASS.get(str((res.get("class") or {}).get("code")), ""))
    elif rtype == "ImagingStudy":
        for series in res.get("series") or []:
            lay = _MODALITY.get(str((series.get("modality") or {}).get("code")), "")
            out |= {lay, f"{lay} {(series.get('bodySite') or {}).get('display', '')}".strip()}
    elif rtype == "CarePlan":
        for ref in res.get("addresses") or []:
            rid = re.split(r"[:/]", str(ref.get("reference", "")))[-1]
            if cond := resources.get(f"Condition/{rid}"):
                out.add(fields.head(fields.display(cond.get("code"))))
    return {n for n in out if n}


def _components(res: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for comp in res.get("component") or []:
        code = next((c.get("code") for c in fields.codings(comp.get("code")) if c.get("code")), None)
        if code and "valueQuantity" in comp:
            out.append((str(code), fields.display(comp.get("code"))))
    return out


def _add(groups: dict[str, Concept], ref: str, res: dict[str, Any], resources: dict[str, dict[str, Any]]) -> None:
    rtype = res["resourceType"]
    code, name = fields.concept_of(res)
    keys = [(code, name, None)]
    if rtype == "Observation":
        keys += [(code, cname, ccode) for ccode, cname in _components(res)]
    for kcode, kname, comp in keys:
        key = f"{rtype}|{kcode}|{comp or ''}"
        if key not in groups:
            names = _names(res, name, kcode) if comp is None else [kname, fields.head(kname)]
            groups[key] = Concept(rtype=rtype, code=kcode, name=kname, names=names, component=comp,
                                  category=_category(res) if rtype == "Observation" else None, refs=[])
        groups[key].refs.append(ref)
        if comp is None:
            groups[key].names = sorted(set(groups[key].names) | _extra_names(res, resources))


def build(record: FhirRecord) -> Manifest:
    """The manifest; entered-in-error, cancelled and refuted resources are left out."""
    groups: dict[str, Concept] = {}
    summaries = []
    patient = None
    for rtype in TYPES:
        rows = [(ref, res) for ref, res in record.of_type(rtype) if fields.usable(res)]
        rows.sort(key=lambda r: fields.when(r[1]) or "")
        if not rows:
            continue
        dates = [d for _, res in rows if (d := fields.when(res))]
        summaries.append(TypeSummary(rtype=rtype, count=len(rows), first=dates[0] if dates else None,
                                     last=dates[-1] if dates else None))
        if rtype == "Patient":
            patient = rows[0][0]
            continue
        for ref, res in rows:
            _add(groups, ref, res, record.resources)
    for c in groups.values():
        dates = [d for r in c.refs if (d := fields.when(record.resources[r]))]
        c.first, c.last = (dates[0], dates[-1]) if dates else (None, None)
    return Manifest(source=record.source, patient=patient, types=summaries, concepts=list(groups.values()))


def describe(m: Manifest, limit: int = 400) -> str:
    """A compact text manifest for a model to plan its fetches from (no values)."""
    lines = [f"{t.rtype}: {t.count} resource(s)" + (f", {fields.day(t.first)} to {fields.day(t.last)}" if t.first else "")
             for t in m.types]
    lines.append("Coded items (type | code | name | count | last date):")
    for c in m.concepts[:limit]:
        comp = f" component {c.component}" if c.component else ""
        lines.append(f"{c.rtype} | {c.code}{comp} | {c.name} | {len(c.refs)} | {fields.day(c.last)}")
    return "\n".join(lines)
