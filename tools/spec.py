"""What a skill says about itself: ``SkillSpec`` and the small types its
declaration needs.

Every skill module ends with one ``SPEC = SkillSpec(...)``; the registry
(``carepath.tools.registry``) lists them, and the router, the graph, the agent
tools, ``carepath prepare``, the Ray prepare stage and the outputs read that
one list instead of keeping their own. This module imports no skill, so a
skill importing it cannot close an import cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from carepath.artifacts import ArtifactRef, ArtifactStore
from carepath.draft import Intent
from carepath.evidence import SkillResult
from carepath.tools.skill_io import PromptPlan


class SkillInput(BaseModel):
    """One input of a request as a skill sees it: what kind it is and where."""

    model_config = ConfigDict(from_attributes=True)  # the workflow's InputRef is accepted as is

    kind: str
    path: str


class SkillContext(BaseModel):
    """What the graph hands a skill: references only, never pixels or text of documents."""

    thread_id: str
    text: str
    intent: str
    inputs: list[SkillInput] = Field(default_factory=list)
    study_modalities: dict[str, list[str]] = Field(default_factory=dict)

    def paths(self, kind: str) -> list[Path]:
        return [Path(i.path) for i in self.inputs if i.kind == kind]


class ToolArgs(BaseModel):
    """Base of every agent tool's arguments: unknown arguments are an error a
    calling model can read and fix, never silently ignored."""

    model_config = ConfigDict(extra="forbid")


class ToolSpec(BaseModel):
    """One agent tool: its name, what an agent reads about it, its arguments, and the call."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    name: str
    description: str
    args: type[ToolArgs]
    call: Callable[[Any], Any]

    def invoke(self, arguments: dict[str, Any]) -> Any:
        """Validate, call, and return JSON-able data (raises CarepathError)."""
        return self.call(self.args.model_validate(arguments))


class PrepareRequest(BaseModel):
    """Preprocessing parameters shared by every imaging skill's prepare step
    (``carepath prepare`` and the Ray prepare stage build one)."""

    path: Path
    clinical_question: str | None = Field(None, max_length=4000)
    series: str | None = Field(None, description="series rules (skills that read one series of many)")
    min_slices: int = Field(2, ge=1)
    max_slices: int = Field(85, ge=1)
    workers: int | None = Field(None, ge=1, le=64)


class Prepared(BaseModel):
    """Exactly what the model would get: images in prompt order (with the
    file names ``carepath prepare`` writes them under), the prompt, the record."""

    skill: str
    images: list[ArtifactRef]
    image_names: list[str]
    plan: PromptPlan
    record: dict[str, Any]
    warnings: list[str] = Field(default_factory=list)


class PrepareStep(BaseModel):
    """An imaging skill's preprocessing, and which inputs it can prepare.

    ``run(request, store, study_set)``: ``store`` None means the default
    store (and its prepared-input cache, which the skill's run reuses);
    ``study_set`` is an already opened ``StudySet`` to read from, or None to
    open ``request.path``. ``why_not(series, request)`` says why one series
    of a study cannot be prepared (None: it can)."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    run: Callable[[PrepareRequest, ArtifactStore | None, Any], Prepared]
    why_not: Callable[[Any, PrepareRequest], str | None]
    rank: int = Field(description="when several skills can prepare a study, the lowest rank wins")
    rasters: frozenset[str] = Field(frozenset(), description="image file suffixes it prepares "
                                                             "besides DICOM, e.g. '.png'")
    series_rules: bool = Field(False, description="honours a series rule (--series)")


class SkillSpec(BaseModel):
    """One skill, declared once at the end of its module.

    Routing: a skill applies when one of ``inputs`` is given (a ``study``
    input only counts when its DICOM modality is one of ``modalities``) and
    every kind in ``requires`` is given too. ``exclusive`` skills, when they
    apply, are the only choice (a current study with its prior is a
    comparison); ``alongside`` skills also run next to another primary skill
    when their input is there (a PDF given with a study is still read);
    ``companions`` run whenever this skill is the primary. A skill with no
    ``inputs`` reads the request text alone and runs with every request."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="graph node and result key")
    precedence: int = Field(description="the order the router offers intents and the graph lists "
                                        "nodes, lowest first: when a study fits several skills and "
                                        "the wording cannot choose, the lowest wins (chest X-ray "
                                        "report before localization)")
    intent: Intent
    inputs: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()
    modalities: frozenset[str] = Field(frozenset(), description="DICOM Modality values it reads")
    imaging: bool = Field(False, description="reads a radiology study: outputs add the DICOM SR "
                                             "and the imaging report codes")
    exclusive: bool = False
    alongside: bool = False
    companions: tuple[str, ...] = ()
    route_reason: str = Field(description="why the router offers it, e.g. 'projection radiograph'")
    needs: str | None = Field(None, description="the input it needs, told to a user who asked "
                                                "for it without giving one")
    run: Callable[[SkillContext], SkillResult] = Field(description="the graph's call")
    prepare: PrepareStep | None = None
    tool: ToolSpec = Field(description="the same skill as an agent tool (LangChain, MCP)")

    def reads_study(self) -> bool:
        return "study" in self.inputs and bool(self.modalities)
