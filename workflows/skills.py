"""The graph's skill table, read from the one skill list
(``carepath.tools.registry``): node name → the skill's ``run_in_graph``,
which takes a ``SkillContext`` (references only) and returns a
``SkillResult``. Hosts and tests swap or fake a skill by passing their own
table to ``build_graph``."""

from __future__ import annotations

from collections.abc import Callable

from carepath.evidence import SkillResult
from carepath.tools import registry
from carepath.tools.spec import SkillContext

__all__ = ["SKILLS", "SkillContext"]

SKILLS: dict[str, Callable[[SkillContext], SkillResult]] = {s.name: s.run for s in registry.skills()}
