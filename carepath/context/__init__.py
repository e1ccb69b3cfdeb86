"""Who and what a report is about: the patient, the order (accession) and the
imaging study, read once from DICOM headers, a FHIR record or explicit request
fields, and merged with conflicts refused.

This is clinical data: it goes into outputs (FHIR, SR, HL7 v2, renderings) and
the reviewer page, never into logs or error messages.
"""

from carepath.context.dicom_headers import context_from_dicom, distinct_contexts
from carepath.context.fhir_record import context_from_fhir
from carepath.context.identity import Clinician, Code, Identifier, PersonName
from carepath.context.linkage import CareContext, ContextConflictError, merge_contexts
from carepath.context.order import Order
from carepath.context.patient import Patient
from carepath.context.patient_match import Sighting, check_one_patient
from carepath.context.request_fields import RequestFields, context_from_request
from carepath.context.study import Study

__all__ = [
    "CareContext", "Clinician", "Code", "ContextConflictError", "Identifier", "Order", "Patient",
    "PersonName", "RequestFields", "Sighting", "Study", "check_one_patient", "context_from_dicom",
    "context_from_fhir", "context_from_request", "distinct_contexts", "merge_contexts",
]
