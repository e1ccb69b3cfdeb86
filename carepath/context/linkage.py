"""Linking one report to one patient, one order and one study.

Each input (DICOM headers, a FHIR record, explicit request fields) is read
into its own ``CareContext``; ``merge_contexts`` joins them field by field.
Identity fields that disagree (patient id, name, birth date, sex, accession,
placer order, study UID) mean two different patients, orders or studies were
handed over together: that is refused, never resolved by picking one — a
report filed under the wrong patient is worse than no report. Descriptive
fields (description, institution, procedure, referring physician) take the
first input that states them, in the order given.

Missing PatientID or accession is recorded as a warning on the context (and
from there on the draft and in the outputs); nothing is ever invented.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from carepath.context.identity import Identifier, PersonName
from carepath.context.order import Order
from carepath.context.patient import Patient
from carepath.context.study import Study
from carepath.errors import InputError

MISSING_PATIENT_ID = ("no patient identifier (PatientID) in the study, record or request: the report "
                      "carries none and must be matched to the patient by hand; pass --patient-id to add it")
MISSING_ACCESSION = ("no accession number in the study, record or request: the report cannot be filed "
                     "against an order; pass --accession to add it")
_MISSING = (MISSING_PATIENT_ID, MISSING_ACCESSION)

# (record, field) → what two different values mean.
_IDENTITY: dict[tuple[str, str], str] = {
    ("patient", "id"): "two different patients (patient identifier differs)",
    ("patient", "name"): "two different patients (family name differs)",
    ("patient", "birth_date"): "two different patients (birth date differs)",
    ("patient", "sex"): "two different patients (sex differs)",
    ("order", "accession"): "two different orders (accession number differs)",
    ("order", "placer_number"): "two different orders (placer order number differs)",
    ("study", "instance_uid"): "two different studies (Study Instance UID differs)",
}
_RECORDS: dict[str, type[BaseModel]] = {"patient": Patient, "order": Order, "study": Study}


class ContextConflictError(InputError):
    """Two inputs of one request name different patients, orders or studies."""

    http_status = 422


class CareContext(BaseModel):
    """Patient, order and study of one report, where they came from (labels
    such as ``dicom``, ``fhir``, ``request``; never values) and warnings."""

    model_config = ConfigDict(frozen=True)

    patient: Patient = Field(default_factory=Patient)
    order: Order = Field(default_factory=Order)
    study: Study = Field(default_factory=Study)
    sources: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @property
    def label(self) -> str:
        return "+".join(self.sources) or "no input"

    def checked(self) -> CareContext:
        """This context with the missing-identifier warnings brought up to date."""
        kept = [w for w in self.warnings if w not in _MISSING]
        if self.patient.id is None:
            kept.append(MISSING_PATIENT_ID)
        if self.order.accession is None:
            kept.append(MISSING_ACCESSION)
        return self.model_copy(update={"warnings": kept})


def _known(value: Any) -> bool:
    return value is not None and not (isinstance(value, PersonName) and value.is_empty())


def _differ(key: tuple[str, str], a: Any, b: Any) -> bool:
    """True when two stated values of an identity field cannot be the same."""
    if key not in _IDENTITY:
        return False
    if isinstance(a, Identifier):
        return a.conflicts_with(b)
    if isinstance(a, PersonName):
        fa, fb = a.family_key(), b.family_key()
        return bool(fa and fb and fa != fb)
    if key == ("patient", "sex"):
        return {a, b} <= {"M", "F"} and a != b
    return a != b


def _combine(a: Any, b: Any) -> Any:
    """The first value, completed with parts only the second states."""
    if isinstance(a, Identifier):
        return a.completed_by(b)
    if isinstance(a, PersonName):
        return a.model_copy(update={k: getattr(a, k) or getattr(b, k) for k in type(a).model_fields})
    return a


def _merge_field(key: tuple[str, str], candidates: list[tuple[str, Any]]) -> Any:
    known = [(src, v) for src, v in candidates if _known(v)]
    if not known:
        return None
    first_src, result = known[0]
    for src, value in known[1:]:
        if _differ(key, result, value):
            raise ContextConflictError(
                "conflicting patient/order context in one request", subject=f"{first_src} vs {src}",
                why=f"the inputs name {_IDENTITY[key]}",
                fix="hand over the study, record and request fields of one patient and one order; "
                    "correct or leave out the input that is wrong")
        result = _combine(result, value)
    return result


def merge_contexts(*contexts: CareContext) -> CareContext:
    """One context from several inputs, first-stated wins for descriptive
    fields; raises ``ContextConflictError`` when identity fields disagree."""
    merged: dict[str, BaseModel] = {}
    for part, cls in _RECORDS.items():
        values = {field: _merge_field((part, field), [(c.label, getattr(getattr(c, part), field))
                                                      for c in contexts])
                  for field in cls.model_fields}
        merged[part] = cls(**values)
    sources = [s for c in contexts for s in c.sources]
    warnings = list(dict.fromkeys(w for c in contexts for w in c.warnings))
    return CareContext(**merged, sources=list(dict.fromkeys(sources)), warnings=warnings).checked()
