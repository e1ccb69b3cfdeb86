"""What every skill returns: findings tied to the evidence they rest on.

The composer may only write sentences whose evidence ids exist in some
``SkillResult``; the evidence check and the reviewer page resolve those ids
back to an image slice, a box, a patch, a lab value, a FHIR resource or a
guideline passage. Nothing here holds pixels: images are ``ArtifactRef``s.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from carepath.artifacts import ArtifactRef

EvidenceKind = Literal[
    "image",          # a whole prepared image (CXR, key image)
    "slice",          # slice(s) of a volume, by index into the sampled series
    "box",            # a localization box in original-image pixel coordinates
    "patch",          # a pathology patch (level, x, y, size)
    "lab_value",      # one extracted lab result (page, text span)
    "fhir_resource",  # a FHIR resource id (ResourceType/id)
    "guideline",      # a guideline passage (guideline_id, span)
    "text_span",      # a span of the request/transcript/document text
    "model_output",   # the raw model answer the finding was parsed from
]


class Evidence(BaseModel):
    kind: EvidenceKind
    ref: str = Field(description="stable reference, e.g. 'slice:12', 'Observation/abc', 'ats_idsa_cap_2019#3'")
    artifact: ArtifactRef | None = None
    detail: dict[str, Any] = Field(default_factory=dict)


class Finding(BaseModel):
    """One checkable statement from a skill. ``id`` is unique within a draft
    (skills prefix it, e.g. ``cxr-1``, ``ct-3``, ``lab-2``, ``ehr-1``)."""

    id: str
    text: str
    label: str | None = None
    change: Literal["new", "improved", "stable", "worsened", "resolved"] | None = None
    evidence: list[Evidence] = Field(min_length=1)


class SkillResult(BaseModel):
    """Common envelope of every skill's output.

    ``generated`` is false when no model was available: preprocessing still
    ran (its record and images are here) but there are no model findings, and
    ``not_generated_reason`` says so in one plain line.
    """

    skill: str
    skill_version: str = "1"
    generated: bool
    not_generated_reason: str | None = None
    model: str | None = None
    backend: str | None = None
    template_id: str | None = None
    raw_text: str | None = None
    findings: list[Finding] = Field(default_factory=list)
    impression: str | None = None
    artifacts: list[ArtifactRef] = Field(default_factory=list)
    preprocessing: dict[str, Any] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    input_hashes: dict[str, str] = Field(default_factory=dict)
