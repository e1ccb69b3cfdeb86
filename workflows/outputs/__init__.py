"""Rendered outputs of a thread: FHIR R4B, DICOM SR, HL7 v2, PDF, Markdown/HTML.

``write_all`` writes every kind for one report state; the modules below it
build one kind each (``fhir``, ``sr``, ``hl7v2``, ``pdf``, ``render``) and
share one wording of the report state and the patient banner
(``report_state``); ``fhir_conformance`` checks bundles independently of
the FHIR library.
"""

from carepath.workflows.outputs.fhir import Revision
from carepath.workflows.outputs.writer import KINDS, report_context, write_all

__all__ = ["KINDS", "Revision", "report_context", "write_all"]
