"""Which series a skill reads: rules over header facts, no pixels.

A ``Rule`` ANDs its conditions (modality, body part, orientation, slice
count, description regex); a ``Selection`` ORs its rules. Candidates that
pass are ranked (most images first, then lowest series number) so a
localizer or a one-image key series never wins over the diagnostic volume.
Each rejected series gets a reason, shown to the user.

Text form (CLI ``--series``): rules separated by ``|`` (OR), conditions by
``&`` or ``,`` (AND), e.g. ``modality=CT&orientation=axial&min_slices=20 |
description~(?i)chest``. ``modality=CT/MR`` lists alternatives.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field, ValidationError, field_validator

from carepath.errors import InputError
from carepath.tools.dicom.study import Series

Orientation = Literal["axial", "coronal", "sagittal", "oblique", "unknown"]


class Rule(BaseModel):
    modality: list[str] | None = None
    body_part: list[str] | None = None
    orientation: list[Orientation] | None = None
    min_slices: int | None = Field(None, ge=1)
    max_slices: int | None = Field(None, ge=1)
    description: str | None = Field(None, description="regular expression searched in SeriesDescription")

    @field_validator("description")
    @classmethod
    def _compiles(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                re.compile(v)
            except re.error as exc:
                raise ValueError(f"invalid description regex: {exc}") from None
        return v

    def why_not(self, s: Series) -> str | None:
        """None when ``s`` passes every condition, else the first failed one."""
        if self.modality and s.modality.upper() not in {m.upper() for m in self.modality}:
            return f"modality {s.modality} not in {'/'.join(self.modality)}"
        if self.body_part and s.body_part.upper() not in {b.upper() for b in self.body_part}:
            return f"body part {s.body_part or 'unset'} not in {'/'.join(self.body_part)}"
        if self.orientation and s.orientation not in self.orientation:
            return f"orientation {s.orientation} not in {'/'.join(self.orientation)}"
        n = s.slice_count
        if self.min_slices is not None and n < self.min_slices:
            return f"{n} image{'s' if n != 1 else ''}, fewer than {self.min_slices}"
        if self.max_slices is not None and n > self.max_slices:
            return f"{n} images, more than {self.max_slices}"
        if self.description and not re.search(self.description, s.description):
            return f"description does not match /{self.description}/"
        return None


class Selection(BaseModel):
    any_of: list[Rule] = Field(default_factory=lambda: [Rule()])

    def evaluate(self, series: list[Series]) -> tuple[list[Series], dict[str, str]]:
        """(passing series, best first; {series UID: why rejected})."""
        ok: list[Series] = []
        rejected: dict[str, str] = {}
        for s in series:
            reasons = [r.why_not(s) for r in self.any_of]
            if any(r is None for r in reasons):
                ok.append(s)
            else:
                rejected[s.series_instance_uid] = "; ".join(r for r in reasons if r)
        ok.sort(key=lambda s: (-s.slice_count, s.series_number if s.series_number is not None else 1 << 30))
        return ok, rejected


_LIST_KEYS = {"modality", "body_part", "orientation"}
_INT_KEYS = {"min_slices", "max_slices"}


def parse_selection(text: str) -> Selection:
    """The CLI text form (see module docstring) as a ``Selection``."""
    rules: list[Rule] = []
    for part in text.split("|"):
        part = part.strip()
        if not part:
            continue
        fields: dict[str, object] = {}
        for cond in re.split(r"[&,]", part) if "~" not in part else _split_keep_regex(part):
            cond = cond.strip()
            if not cond:
                continue
            m = re.fullmatch(r"(\w+)\s*(=|~)\s*(.+)", cond)
            if not m:
                raise InputError("invalid series rule", subject=cond,
                                 why="expected key=value or description~regex",
                                 fix="e.g. --series 'modality=CT&orientation=axial&min_slices=20'")
            key, op, value = m.group(1).lower(), m.group(2), m.group(3).strip()
            if key == "description" or op == "~":
                fields["description"] = value
            elif key in _LIST_KEYS:
                fields[key] = [v.strip().lower() if key == "orientation" else v.strip()
                               for v in value.split("/") if v.strip()]
            elif key in _INT_KEYS:
                fields[key] = int(value) if value.isdigit() else value
            else:
                raise InputError("invalid series rule", subject=cond,
                                 why=f"unknown key {key!r}; known: modality, body_part, orientation, "
                                     "min_slices, max_slices, description")
        try:
            rules.append(Rule.model_validate(fields))
        except ValidationError as exc:
            why = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise InputError("invalid series rule", subject=part, why=why[:300]) from None
    return Selection(any_of=rules or [Rule()])


def _split_keep_regex(part: str) -> list[str]:
    """Split on & or , except inside the value of a ``description~`` regex,
    which runs to the end of the rule (regexes may contain commas)."""
    head, _, tail = part.partition("description")
    conds = [c for c in re.split(r"[&,]", head)]
    return conds + ["description" + tail]
