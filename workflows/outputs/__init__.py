"""Rendered outputs of a thread: FHIR R4B, DICOM SR, Markdown/HTML.

``write_all`` writes every kind for one report state; the modules below it
build one kind each (``fhir``, ``sr``, ``render``) and share one wording of
the report state (``report_state``).
"""

from carepath.workflows.outputs.writer import KINDS, write_all

__all__ = ["KINDS", "write_all"]
