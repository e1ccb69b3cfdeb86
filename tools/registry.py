"""The one list of carepath's skills.

Every consumer reads this list instead of keeping its own: the router (which
intents the inputs allow, by input kind and DICOM modality), the graph (one
node per skill), the agent tools (LangChain and MCP), ``carepath prepare``
and the Ray prepare stage (the skills with a prepare step), and the outputs
(which skills and intents are imaging). A study whose modality no skill
declares is refused once, at routing, with a "not supported" limitation.

Adding a skill:

1. write ``tools/<skill>.py``: its input model and ``run``; a
   ``run_in_graph(ctx: SkillContext)`` adapter; a ``ToolArgs`` model and
   ``tool_call`` for agents; for an imaging skill ``carepath prepare`` can
   show, a ``PrepareStep``; and, last in the module, ``SPEC = SkillSpec(...)``
   with its name, intent, input kinds, DICOM modalities and flags;
2. add its prompt template ``carepath/prompts/<name>.v1.j2``;
3. import the module below and put ``SPEC`` in ``_SPECS`` (order = the order
   the router offers intents and the graph lists nodes);
4. add the intent name to ``carepath.draft.Intent`` and, when it shares an
   input with another skill (wording must then choose), labelled requests to
   ``agents/data/intent_examples.jsonl``;
5. its tests; ``tests/test_skill_registry.py`` already checks that it appears
   in the router, the graph, both agent front ends and prepare.

Import direction: this module imports the skill modules; a skill module
imports only ``carepath.tools.spec`` (and its own helpers), never this list.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from carepath.draft import Intent
from carepath.tools import (
    ct_volume,
    cxr,
    ehr,
    guidelines,
    labs,
    localization,
    longitudinal,
    pathology,
)
from carepath.tools.spec import PrepareRequest, SkillSpec

_SPECS: tuple[SkillSpec, ...] = (
    guidelines.SPEC, cxr.SPEC, localization.SPEC, ct_volume.SPEC, longitudinal.SPEC,
    pathology.SPEC, labs.SPEC, ehr.SPEC,
)
_BY_NAME = {s.name: s for s in _SPECS}
if len(_BY_NAME) != len(_SPECS) or len({s.intent for s in _SPECS}) != len(_SPECS):
    raise RuntimeError("two skills in carepath.tools.registry share a name or an intent")


def skills() -> tuple[SkillSpec, ...]:
    return _SPECS


def skill_names() -> list[str]:
    return [s.name for s in _SPECS]


def get(name: str) -> SkillSpec:
    return _BY_NAME[name]


def by_intent(intent: str) -> SkillSpec | None:
    return next((s for s in _SPECS if s.intent == intent), None)


def imaging_skill_names() -> frozenset[str]:
    """Skills that read a radiology study (DICOM SR and imaging report codes follow)."""
    return frozenset(s.name for s in _SPECS if s.imaging)


def imaging_intents() -> frozenset[Intent]:
    return frozenset(s.intent for s in _SPECS if s.imaging)


def declared_modalities() -> frozenset[str]:
    """Every DICOM modality some skill reads; any other is not supported."""
    return frozenset(m for s in _SPECS for m in s.modalities)


def preparable() -> list[SkillSpec]:
    """Skills with a prepare step, best first when several fit a study."""
    return sorted((s for s in _SPECS if s.prepare is not None),
                  key=lambda s: s.prepare.rank if s.prepare else 0)


def preparer_for(series: Iterable[object], req: PrepareRequest) -> SkillSpec | None:
    """The skill ``carepath prepare`` uses for a study's series: one asked for
    by a series rule; else the best skill that can prepare some series; else
    the best that reads one of the modalities (it then says why it cannot)."""
    steps = preparable()
    if req.series:
        return next((s for s in steps if s.prepare and s.prepare.series_rules), None)
    listed = list(series)
    usable = [s for s in steps if s.prepare and any(s.prepare.why_not(x, req) is None for x in listed)]
    if usable:
        return usable[0]
    mods = {getattr(x, "modality", "") for x in listed}
    return next((s for s in steps if s.modalities & mods), None)


def preparer_for_modalities(modalities: Iterable[str]) -> SkillSpec | None:
    """The prepare step for a study known only by its modalities (the Ray
    prepare stage probes headers only); None when no skill reads them."""
    mods = set(modalities)
    return next((s for s in preparable() if s.modalities & mods), None)


def raster_preparer(path: Path) -> SkillSpec | None:
    """The skill that prepares an image file (PNG/JPEG) such as ``path``;
    None for any other file."""
    suffix = path.suffix.lower()
    return next((s for s in preparable() if s.prepare and suffix in s.prepare.rasters), None)
