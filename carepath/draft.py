"""The draft report and the human decision on it.

A ``Draft`` is never final by itself: only a ``SignOff`` with ``approve`` (or
``edit``) turns it into a final report. Every ``Sentence`` lists evidence ids
that must resolve to a finding, a guideline citation (``G<n>``), a lab result
or a FHIR resource in the same draft; the evidence check flags or drops the
rest before a reviewer sees it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, model_validator

SectionName = Literal["Findings", "Impression", "Recommendations", "Answer", "Limitations"]
Intent = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
"""What a request asks for: a skill's intent, or ``UNKNOWN_INTENT``. Which
intents exist is the skill registry's to say (each skill module declares its
own, ``carepath.tools.registry`` finds them), so adding a skill never edits
this module; the router refuses an intent no skill declares."""
UNKNOWN_INTENT = "unknown"


def utcnow() -> datetime:
    return datetime.now(UTC)


class Sentence(BaseModel):
    text: str
    evidence: list[str] = Field(default_factory=list)
    flagged: bool = False
    flag_reason: str | None = None


class Section(BaseModel):
    name: SectionName
    sentences: list[Sentence] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


class Citation(BaseModel):
    """A guideline passage cited as ``G<n>``; ``quote`` is verbatim source text
    at ``[start, end)`` of the guideline section document."""

    n: int
    guideline_id: str
    title: str
    organization: str | None = None
    year: int | None = None
    doi: str | None = None
    section: str
    heading: str
    quote: str
    start: int
    end: int
    score: float | None = None

    @property
    def evidence_id(self) -> str:
        return f"G{self.n}"


class ModelUse(BaseModel):
    role: str
    backend: str
    model: str
    version: str | None = None


class Draft(BaseModel):
    draft_id: str
    thread_id: str
    intent: Intent
    request_text: str
    sections: list[Section]
    citations: list[Citation] = Field(default_factory=list)
    evidence_ids: list[str] = Field(default_factory=list,
                                    description="every id a sentence may cite, from the skill results")
    warnings: list[str] = Field(default_factory=list)
    models: list[ModelUse] = Field(default_factory=list)
    prompt_templates: list[str] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=utcnow)

    def section(self, name: SectionName) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)


class ReviewDecision(BaseModel):
    """What the reviewer sends to resume the paused graph."""

    reviewer: str = Field(min_length=1, max_length=200)
    reviewer_id: str | None = Field(
        None, max_length=300, description="the signer's stable identity (OIDC `sub`, token subject); "
                                          "display names are not unique")
    action: Literal["approve", "edit", "reject"]
    edits: dict[SectionName, str] = Field(default_factory=dict,
                                          description="replacement text per section (edit)")
    reason: str | None = Field(None, max_length=4000)

    @model_validator(mode="after")
    def _consistent(self) -> ReviewDecision:
        if self.action == "edit" and not any(v.strip() for v in self.edits.values()):
            raise ValueError("an edit needs replacement text for at least one section")
        if self.action == "reject" and not (self.reason and self.reason.strip()):
            raise ValueError("a rejection needs a reason")
        return self


class SignOff(BaseModel):
    """The recorded decision: who, when, what changed (unified diff per section)."""

    decision: ReviewDecision
    signed_at: datetime = Field(default_factory=utcnow)
    diffs: dict[str, str] = Field(default_factory=dict)
    final_sections: list[Section] = Field(default_factory=list)

    @property
    def status(self) -> Literal["final", "rejected"]:
        return "rejected" if self.decision.action == "reject" else "final"
