"""Context from explicit request fields (``--patient-id``, ``--accession``…
on the CLI, the same names over HTTP): what a user states about the report
when the study or record does not say it, or to confirm it does."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from carepath.context.identity import Identifier, clean
from carepath.context.linkage import CareContext
from carepath.context.order import Order
from carepath.context.patient import Patient
from carepath.context.study import Study

_Id = Field(None, max_length=64)


class RequestFields(BaseModel):
    """The request's own patient/order fields; all optional."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    patient_id: str | None = _Id
    patient_id_issuer: str | None = _Id
    accession: str | None = _Id
    accession_issuer: str | None = _Id
    study_uid: str | None = Field(None, max_length=64, pattern=r"^[0-9]+(\.[0-9]+)*$")
    study_date: dt.date | None = None


def context_from_request(fields: RequestFields, *, source: str = "request") -> CareContext:
    pid, acc = clean(fields.patient_id), clean(fields.accession)
    ctx = CareContext(
        patient=Patient(id=Identifier(value=pid, namespace=clean(fields.patient_id_issuer)) if pid else None),
        order=Order(accession=Identifier(value=acc, namespace=clean(fields.accession_issuer)) if acc else None),
        study=Study(instance_uid=fields.study_uid, date=fields.study_date),
        sources=[source])
    return ctx.checked()
