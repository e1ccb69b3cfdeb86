"""The one list of carepath's skills.

Every consumer reads this list instead of keeping its own: the router (which
intents the inputs allow, by input kind and DICOM modality), the graph (one
node per skill), the agent tools (LangChain and MCP), ``carepath prepare``
and the Ray prepare stage (the skills with a prepare step), and the outputs
(which skills and intents are imaging). A study whose modality no skill
declares is refused once, at routing, with a "not supported" limitation.

The list is found, not written: every module directly in ``carepath.tools``
whose source ends with a top-level ``SPEC = SkillSpec(...)`` is a skill. So
adding a skill is one module, one prompt template and its tests:

1. write ``tools/<skill>.py``: its input model and ``run``; a
   ``run_in_graph(ctx: SkillContext)`` adapter; a ``ToolArgs`` model and
   ``tool_call`` for agents; for an imaging skill ``carepath prepare`` can
   show, a ``PrepareStep``; and, last in the module, ``SPEC = SkillSpec(...)``
   with its name, precedence, intent, input kinds, DICOM modalities and flags
   (when it shares an input with another skill, wording must choose: add
   labelled requests to ``agents/data/intent_examples.jsonl``);
2. add its prompt template ``carepath/prompts/<name>.v1.j2`` (and its hash to
   ``carepath/prompts/released.json`` once released);
3. its tests; ``tests/test_skill_registry.py`` already checks that it appears
   in the router, the graph, both agent front ends and prepare.

Import direction: this module imports the skill modules (by name, once, on
first use); a skill module imports only ``carepath.tools.spec`` (and its own
helpers), never this list.
"""

from __future__ import annotations

import ast
import functools
import importlib
import pkgutil
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

import carepath.tools
from carepath.draft import Intent
from carepath.tools.spec import PrepareRequest, SkillSpec


def declares_skill(source: str) -> bool:
    """Whether a module's source assigns ``SPEC = SkillSpec(...)`` at top
    level. Read from the source, so modules that are not skills (the prepare
    command, which reads this list) are never imported while finding it."""
    for node in ast.parse(source).body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "SPEC"
                and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name)
                and node.value.func.id == "SkillSpec"):
            return True
    return False


def discover(package: ModuleType) -> tuple[SkillSpec, ...]:
    """The skills declared by the modules directly in ``package``, by
    precedence; two skills sharing a name, an intent or a precedence are a
    programming error, raised at once."""
    found: list[SkillSpec] = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.ispkg:
            continue
        path = Path(info.module_finder.path) / f"{info.name}.py"  # type: ignore[union-attr]
        if not path.is_file() or not declares_skill(path.read_text(encoding="utf-8")):
            continue
        spec = importlib.import_module(f"{package.__name__}.{info.name}").SPEC
        if not isinstance(spec, SkillSpec):
            raise TypeError(f"{package.__name__}.{info.name}.SPEC is not a SkillSpec")
        found.append(spec)
    for field in ("name", "intent", "precedence"):
        values = [getattr(s, field) for s in found]
        if len(set(values)) != len(values):
            raise RuntimeError(f"two skills in {package.__name__} share one {field}: {sorted(values)}")
    return tuple(sorted(found, key=lambda s: s.precedence))


@functools.cache
def skills() -> tuple[SkillSpec, ...]:
    """carepath's skills, found once per process."""
    return discover(carepath.tools)


def skill_names() -> list[str]:
    return [s.name for s in skills()]


def intents() -> frozenset[str]:
    """Every intent some skill declares (``unknown`` is not one)."""
    return frozenset(s.intent for s in skills())


def get(name: str) -> SkillSpec:
    found = next((s for s in skills() if s.name == name), None)
    if found is None:
        raise KeyError(f"no skill named {name!r}; registered: {skill_names()}")
    return found


def by_intent(intent: str) -> SkillSpec | None:
    return next((s for s in skills() if s.intent == intent), None)


def imaging_skill_names() -> frozenset[str]:
    """Skills that read a radiology study (DICOM SR and imaging report codes follow)."""
    return frozenset(s.name for s in skills() if s.imaging)


def imaging_intents() -> frozenset[Intent]:
    return frozenset(s.intent for s in skills() if s.imaging)


def declared_modalities() -> frozenset[str]:
    """Every DICOM modality some skill reads; any other is not supported."""
    return frozenset(m for s in skills() for m in s.modalities)


def preparable() -> list[SkillSpec]:
    """Skills with a prepare step, best first when several fit a study."""
    return sorted((s for s in skills() if s.prepare is not None),
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
