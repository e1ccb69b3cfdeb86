"""The patient a report is about, as the hospital's systems identify them."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from carepath.context.identity import Identifier, PersonName

Sex = Literal["M", "F", "O", "U"]


class Patient(BaseModel):
    """Identifier (with its assigning authority), name, birth date and sex.

    Every field may be unknown: a study without a PatientID is still reported,
    and the missing identifier becomes a warning on the report, never a
    made-up value."""

    model_config = ConfigDict(frozen=True)

    id: Identifier | None = None
    name: PersonName | None = None
    birth_date: date | None = None
    sex: Sex | None = None
