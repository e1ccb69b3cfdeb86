"""The order a report answers: the accession number the RIS files it under,
the requested procedure and who asked for it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from carepath.context.identity import Clinician, Code, Identifier


class Order(BaseModel):
    """Accession (filler order number in HL7, ``ACSN`` identifier in FHIR),
    placer order number, requested procedure code, referring physician and
    the visit it belongs to, each possibly unknown."""

    model_config = ConfigDict(frozen=True)

    accession: Identifier | None = None
    placer_number: Identifier | None = None
    procedure: Code | None = None
    referring: Clinician | None = None
    visit_number: str | None = None
