"""Whom and which order a request is about, read once when it comes in.

A request's study inputs are read here, headers only, through the one DICOM
reading path (``tools.dicom.study.read_study_headers``, so zips, folders and
DICOMDIRs read like files); the same read gives the router its modalities,
so nothing opens a study twice before the skills run. The first study's
first instance gives the DICOM context, a FHIR bundle its Patient and
ServiceRequest, the request its stated fields (``--patient-id``,
``--accession``); ``merge_contexts`` joins them and refuses two patients or
two orders in one request (``ContextConflictError``) before any thread
exists, so a wrong-patient request leaves no draft behind.

The context is clinical data: it travels in the thread state to the outputs
and the reviewer page. Nothing here logs; warnings name attributes, never
their values.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, Field
from pydicom.dataset import Dataset

from carepath.context import (
    CareContext,
    ContextConflictError,
    RequestFields,
    context_from_dicom,
    context_from_fhir,
    context_from_request,
    merge_contexts,
)
from carepath.errors import InputError
from carepath.tools.dicom.study import read_study_headers
from carepath.tools.sources.fhir_bundle import is_url, load_bundle
from carepath.workflows.request import InputRef

STUDY_KINDS = ("study", "prior")


class InputsProbe(BaseModel):
    """What the request's inputs say before any skill runs: the modalities of
    each study input (path → sorted modalities), per-file problems (already
    cleaned of element values by the DICOM gate) and the merged context
    (None when no input states anything about a patient)."""

    modalities: dict[str, list[str]] = Field(default_factory=dict)
    problems: list[str] = Field(default_factory=list)
    context: CareContext | None = None

    def state(self) -> dict[str, object]:
        """The graph-state keys this probe fills (JSON only)."""
        ctx = self.context
        return {"study_modalities": self.modalities,
                "context": ctx.model_dump(mode="json") if ctx is not None else None}

    @property
    def warnings(self) -> list[str]:
        """Problems plus the context's warnings (missing PatientID/accession):
        they go on the draft, so the reviewer and the outputs say so."""
        return [*self.problems, *(self.context.warnings if self.context else [])]


def _modality(ds: Dataset) -> str:
    """As the study reader names a series' modality (``OT`` when absent)."""
    return str(ds.get("Modality", "OT") or "OT")


def _fhir_context(ref: InputRef) -> CareContext | None:
    """Patient and first ServiceRequest of a bundle file. A FHIR server URL
    is read by the EHR skill, not here (no network call before routing); an
    unreadable bundle is the EHR skill's to report, so it gives no context
    here rather than a second error. Two patients still refuse the request."""
    if is_url(ref.path):
        return None
    try:
        record = load_bundle(Path(ref.path), types=("Patient", "ServiceRequest"))
    except InputError:
        return None
    patients = [r for _, r in record.of_type("Patient")]
    orders = [r for _, r in record.of_type("ServiceRequest")]
    if len(patients) > 1:
        raise ContextConflictError(
            "conflicting patient/order context in one request", subject="fhir",
            why="the FHIR bundle holds more than one Patient",
            fix="hand over one patient's record")
    if not patients and not orders:
        return None
    try:
        return context_from_fhir(patient=patients[0] if patients else None,
                                 service_request=orders[0] if orders else None)
    except ContextConflictError:
        raise
    except InputError:
        return None


def probe_inputs(refs: Sequence[InputRef], fields: RequestFields | None = None) -> InputsProbe:
    """Read the request's study headers once and its patient/order context.
    Raises ``ContextConflictError`` when the inputs name two patients,
    orders or studies."""
    probe = InputsProbe()
    dicom: list[CareContext] = []
    for ref in refs:
        if ref.kind not in STUDY_KINDS:
            continue
        try:
            headers = read_study_headers(ref.path)
        except InputError as exc:
            probe.modalities[ref.path] = []
            probe.problems.append(exc.one_line())
            continue
        probe.modalities[ref.path] = sorted({_modality(ds) for ds in headers.datasets})
        probe.problems += headers.problems
        if ref.kind == "study" and headers.datasets and not dicom:
            dicom.append(context_from_dicom(headers.datasets[0]))
    parts: list[CareContext] = []
    if fields is not None and fields.model_dump(exclude_none=True):
        parts.append(context_from_request(fields))
    parts += dicom
    parts += [c for c in (_fhir_context(r) for r in refs if r.kind == "fhir") if c is not None]
    if parts:
        probe.context = merge_contexts(*parts)
    return probe
