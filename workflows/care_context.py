"""Whom and which order a request is about, read once when it comes in.

A request's study inputs are read here, headers only, through the one DICOM
reading path (``tools.dicom.study.read_study_headers``, so zips, folders and
DICOMDIRs read like files); the same read gives the router its modalities,
so nothing opens a study twice before the skills run. The current study
(kind ``study``; its first instance) gives the order context (accession,
Study Instance UID, study date), a FHIR bundle its Patient and
ServiceRequest, the request its stated fields (``--patient-id``,
``--accession``); ``merge_contexts`` joins them and refuses two patients or
two orders. Every instance of every study input, the prior included, is
then checked to be the same patient (``check_one_patient``: PatientID and
its issuer, else name and birth date): a prior of another patient would be
compared against this one, a wrong-patient error inside the report. A
prior's accession and study differ by nature and are never refused. All of
this raises ``ContextConflictError`` before any thread exists, so a
wrong-patient request leaves no draft behind.

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
    Sighting,
    check_one_patient,
    distinct_contexts,
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


def _label(ref: InputRef) -> str:
    """Names an input in messages by kind and file name (never by patient)."""
    return f"{'current study' if ref.kind == 'study' else 'prior'} {Path(ref.path).name}"


class _StudyRead(BaseModel):
    """The distinct contexts one study input's instances state."""

    kind: str
    label: str
    contexts: list[CareContext]


def _order_context(reads: Sequence[_StudyRead]) -> tuple[CareContext | None, list[str]]:
    """The current study's context (the first instance of the first "study"
    input) and warnings.

    Two accession numbers in two separate current study inputs are refused:
    the hospital files one report per order, and a report filed under one
    accession that also reads another order's images leaves that order
    unreported and this one describing images it does not own; keeping the
    first and warning would sign exactly that. Inside ONE input (a PACS export
    of a patient's study with its priors, which the longitudinal skill pairs by
    study date) several orders only warn: the report is filed under the first
    study's accession, and the warning asks for priors as ``--prior``. Several
    studies under one accession also only warn."""
    current = [(r.label, c) for r in reads if r.kind == "study" for c in r.contexts]
    if not current:
        return None, []
    label, first = current[0]
    warnings = []
    for other_label, ctx in current[1:]:
        a, b = first.order.accession, ctx.order.accession
        if a is None or b is None or not a.conflicts_with(b):
            continue
        if other_label == label:
            warnings.append(f"{label} holds studies of more than one order (AccessionNumber); the report is "
                            "filed under the first study's; give earlier studies as --prior instead")
            continue
        raise ContextConflictError(
            "conflicting patient/order context in one request", subject=f"{label} vs {other_label}",
            why="the current study inputs name two different orders (AccessionNumber differs); "
                "one report answers one order",
            fix="draft one report per order; give a comparison study as --prior, or export "
                "only the ordered study")
    uids = {c.study.instance_uid for _, c in current if c.study.instance_uid}
    if len(uids) > 1:
        warnings.append(f"the current study inputs hold {len(uids)} studies (StudyInstanceUID); "
                        "the report is filed under the first")
    prior_uids = {c.study.instance_uid for r in reads if r.kind == "prior" for c in r.contexts}
    if first.study.instance_uid and first.study.instance_uid in prior_uids:
        warnings.append("the prior is the current study itself (same StudyInstanceUID); "
                        "the comparison compares the study with itself")
    return first, list(dict.fromkeys(warnings))


def _read_studies(refs: Sequence[InputRef], probe: InputsProbe) -> list[_StudyRead]:
    """Every study input's headers, read once: modalities and problems go on
    the probe, the distinct contexts of all instances come back."""
    reads: list[_StudyRead] = []
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
        reads.append(_StudyRead(kind=ref.kind, label=_label(ref),
                                contexts=distinct_contexts(headers.datasets)))
    return reads


def probe_inputs(refs: Sequence[InputRef], fields: RequestFields | None = None) -> InputsProbe:
    """Read the request's study headers once and its patient/order context.
    Raises ``ContextConflictError`` when the inputs name two patients (any
    instance of any study input, prior included, or a stated field or
    record) or two orders (the current study, the record, the fields); a
    prior's own accession and study differ by nature and are not compared."""
    probe = InputsProbe()
    reads = _read_studies(refs, probe)
    current, warnings = _order_context(reads)
    stated: list[tuple[str, CareContext]] = []
    if fields is not None and fields.model_dump(exclude_none=True):
        stated.append(("request fields", context_from_request(fields)))
    fhir = [c for c in (_fhir_context(r) for r in refs if r.kind == "fhir") if c is not None]
    stated += [("FHIR record", c) for c in fhir]
    parts = [c for label, c in stated if label == "request fields"]
    parts += [current] if current is not None else []
    parts += fhir
    if not parts:
        return probe
    merged = merge_contexts(*parts)
    sightings = [Sighting(label=r.label, patient=c.patient) for r in reads for c in r.contexts]
    sightings += [Sighting(label=label, patient=c.patient, stated=True) for label, c in stated]
    warnings += check_one_patient(sightings)
    probe.context = merged.model_copy(update={"warnings": list(dict.fromkeys([*merged.warnings, *warnings]))})
    return probe
