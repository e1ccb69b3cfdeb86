"""Patient, order and study context from one DICOM header.

Takes a ``pydicom.Dataset`` the study reader already opened (headers only is
enough), so zips, folders and DICOMDIRs give the same context as a single
file; this module never opens a path. Malformed values (a birth date that is
not a DA, an over-long PatientID) are left out with a warning that names the
attribute, never its value.
"""

from __future__ import annotations

import warnings as pywarnings
from collections.abc import Sequence
from typing import Any, get_args

from pydicom.dataset import Dataset
from pydicom.valuerep import DA, TM

from carepath.context.identity import Clinician, Code, Identifier, PersonName, UniversalIdType, clean
from carepath.context.linkage import CareContext
from carepath.context.order import Order
from carepath.context.patient import Patient
from carepath.context.study import Study

_UID_TYPES = set(get_args(UniversalIdType))


class _Reader:
    """Header access that turns every oddity into None plus a warning."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self.warnings: list[str] = []

    def text(self, keyword: str, ds: Dataset | None = None) -> str | None:
        try:
            with pywarnings.catch_warnings():
                pywarnings.simplefilter("ignore")
                return clean((ds if ds is not None else self.ds).get(keyword))
        except (ValueError, TypeError, KeyError, AttributeError):
            self.warnings.append(f"DICOM {keyword} could not be read; left out")
            return None

    def item(self, keyword: str, ds: Dataset | None = None) -> Dataset | None:
        """The first item of a sequence attribute, if any."""
        try:
            seq = (ds if ds is not None else self.ds).get(keyword)
        except (ValueError, TypeError, KeyError, AttributeError):
            return None
        return seq[0] if seq is not None and getattr(seq, "__len__", None) and len(seq) else None

    def parsed(self, keyword: str, parse: Any) -> Any:
        raw = self.text(keyword)
        if raw is None:
            return None
        try:
            return parse(raw)
        except (ValueError, TypeError):
            self.warnings.append(f"DICOM {keyword} is not a valid {parse.__name__} value; left out")
            return None

    def identifier(self, keyword: str, value: str | None, namespace: str | None,
                   issuer: Dataset | None) -> Identifier | None:
        if value is None:
            return None
        if len(value) > 64:
            self.warnings.append(f"DICOM {keyword} is longer than 64 characters; left out")
            return None
        uid_type = self.text("UniversalEntityIDType", issuer) if issuer is not None else None
        return Identifier(
            value=value, namespace=namespace,
            universal_id=self.text("UniversalEntityID", issuer) if issuer is not None else None,
            universal_id_type=uid_type if uid_type in _UID_TYPES else None)

    def person(self, keyword: str) -> PersonName | None:
        try:
            pn = self.ds.get(keyword)
        except (ValueError, TypeError):
            pn = None
        if pn is None or not str(pn).strip():
            return None
        name = PersonName(family=clean(pn.family_name), given=clean(pn.given_name),
                          middle=clean(pn.middle_name), prefix=clean(pn.name_prefix),
                          suffix=clean(pn.name_suffix))
        return None if name.is_empty() else name

    def code(self, item: Dataset | None) -> Code | None:
        if item is None:
            return None
        value = self.text("CodeValue", item) or self.text("LongCodeValue", item) or self.text("URNCodeValue", item)
        if value is None or len(value) > 64:
            return None
        return Code(value=value, scheme=self.text("CodingSchemeDesignator", item),
                    meaning=self.text("CodeMeaning", item))


def _patient(r: _Reader) -> Patient:
    sex = r.text("PatientSex")
    return Patient(
        id=r.identifier("PatientID", r.text("PatientID"), r.text("IssuerOfPatientID"),
                        r.item("IssuerOfPatientIDQualifiersSequence")),
        name=r.person("PatientName"), birth_date=r.parsed("PatientBirthDate", DA),
        sex=sex if sex in ("M", "F", "O") else None)


def _order(r: _Reader) -> Order:
    issuer = r.item("IssuerOfAccessionNumberSequence")
    namespace = r.text("LocalNamespaceEntityID", issuer) if issuer is not None else None
    referring = r.person("ReferringPhysicianName")
    procedure = r.code(r.item("ProcedureCodeSequence")) or r.code(r.item("RequestedProcedureCodeSequence"))
    return Order(accession=r.identifier("AccessionNumber", r.text("AccessionNumber"), namespace, issuer),
                 procedure=procedure, referring=Clinician(name=referring) if referring else None,
                 visit_number=r.text("AdmissionID"))


def _study(r: _Reader) -> Study:
    modality = r.text("Modality")
    if modality is None:
        modality = r.text("ModalitiesInStudy")
    return Study(instance_uid=r.text("StudyInstanceUID"), date=r.parsed("StudyDate", DA),
                 time=r.parsed("StudyTime", TM), description=r.text("StudyDescription"),
                 modality=modality.split("\\")[0] if modality else None,
                 institution=r.text("InstitutionName"))


def context_from_dicom(ds: Dataset, *, source: str = "dicom") -> CareContext:
    """The context one instance's header states (any instance of the study
    will do: patient, order and study attributes are study-level)."""
    r = _Reader(ds)
    ctx = CareContext(patient=_patient(r), order=_order(r), study=_study(r), sources=[source])
    return ctx.model_copy(update={"warnings": list(dict.fromkeys(r.warnings))}).checked()


# The attributes that make two instances' contexts different (patient, order, study).
_CONTEXT_KEYWORDS = ("PatientID", "IssuerOfPatientID", "IssuerOfPatientIDQualifiersSequence", "PatientName",
                     "PatientBirthDate", "PatientSex", "AccessionNumber", "IssuerOfAccessionNumberSequence",
                     "StudyInstanceUID")


def _context_key(ds: Dataset) -> tuple[str, ...]:
    with pywarnings.catch_warnings():
        pywarnings.simplefilter("ignore")
        out = []
        for keyword in _CONTEXT_KEYWORDS:
            try:
                out.append(str(ds.get(keyword, "")))
            except (ValueError, TypeError, KeyError, AttributeError):
                out.append("?")
        return tuple(out)


def distinct_contexts(datasets: Sequence[Dataset], *, source: str = "dicom") -> list[CareContext]:
    """One context per distinct patient/order/study the headers state, in the
    order first seen. Every instance is compared (a zip or folder may mix
    patients or studies), but a 500-slice series of one study gives one
    context, not 500."""
    seen: dict[tuple[str, ...], CareContext] = {}
    for ds in datasets:
        key = _context_key(ds)
        if key not in seen:
            seen[key] = context_from_dicom(ds, source=source)
    return list(seen.values())
