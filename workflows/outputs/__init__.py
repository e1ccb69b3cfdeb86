"""Rendered outputs of a thread: FHIR R4B, DICOM SR, Markdown/HTML."""
