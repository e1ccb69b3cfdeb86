"""Rendered outputs of a thread: FHIR R4B, DICOM SR, HL7 v2, PDF, Markdown/HTML.

``write_all`` writes every kind for one report state; the modules below it
build one kind each (``fhir``, ``sr``, ``hl7v2``, ``pdf``, ``render``) and
share one wording of the report state and the patient banner
(``report_state``); ``fhir_conformance`` checks bundles independently of
the FHIR library.

Its names load on first use (PEP 562): importing one light module of the
package (``report_state``, which the access policy's thread view needs) must
not import FHIR, DICOM SR, PDF and highdicom into every process that only
lists or reads threads.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {"Revision": "fhir", "KINDS": "writer", "report_context": "writer", "write_all": "writer"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
