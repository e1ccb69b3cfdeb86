"""The imaging study a report reads."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict


class Study(BaseModel):
    """Study Instance UID, when it was acquired, what it is and where.

    Date and time are kept apart because DICOM often has a StudyDate without
    a StudyTime; ``started`` joins them only when the date is known."""

    model_config = ConfigDict(frozen=True)

    instance_uid: str | None = None
    date: dt.date | None = None
    time: dt.time | None = None
    description: str | None = None
    modality: str | None = None
    institution: str | None = None

    @property
    def started(self) -> dt.datetime | None:
        if self.date is None:
            return None
        return dt.datetime.combine(self.date, self.time or dt.time(0, 0))
