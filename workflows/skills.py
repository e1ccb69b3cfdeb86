"""The graph's skill table, read from the one skill list
(``carepath.tools.registry``): node name → the skill's ``run_in_graph``,
which takes a ``SkillContext`` (references only) and returns a
``SkillResult``. Hosts and tests swap or fake a skill by passing their own
table to ``build_graph``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from carepath.evidence import SkillResult
from carepath.tools import registry
from carepath.tools.dicom.study import probe_modalities
from carepath.tools.spec import SkillContext
from carepath.workflows.request import InputRef

__all__ = ["SKILLS", "SkillContext", "study_modalities"]

SKILLS: dict[str, Callable[[SkillContext], SkillResult]] = {s.name: s.run for s in registry.skills()}


def study_modalities(ref: InputRef) -> tuple[list[str], list[str]]:
    """Modalities in a study input, read from headers only (no pixels)."""
    return probe_modalities(Path(ref.path))
