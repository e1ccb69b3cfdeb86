"""Whether a care goal was met: answered from Goal.achievementStatus, never from the goal's existence.

Why this exists: "has he achieved his blood pressure goal?" reads like "does he have one?", and a
yes/no about a thing the record holds is answered "Yes" — which would tell a clinician that a goal
recorded as "in-progress" had been reached. FHIR R4 keeps how far a goal got in achievementStatus
(in-progress, improving, worsening, no-change, achieved, sustaining, not-achieved, no-progress,
not-attainable) and its lifecycle in lifecycleStatus (completed, cancelled ...).
"""

from __future__ import annotations

import re
from typing import Any

from carepath.tools.records import fields

_MET = re.compile(r"\b(achiev\w*|met|meet|meeting|meets|reach\w*|hit|hitting|attain\w*|on track|at goal|at target)\b",
                  re.I)
_DONE = frozenset({"achieved", "sustaining"})


def asks_met(question: str) -> bool:
    """Whether the question asks if a goal was reached ("has he achieved", "is she meeting her targets")."""
    return bool(_MET.search(question))


def met_sentence(goals: list[tuple[str, dict[str, Any]]]) -> str:
    """One sentence per goal: reached or not, as the record says it."""
    parts = []
    for _, res in goals:
        _, name = fields.concept_of(res)
        got = fields.status(res) or "no status recorded"
        done = got in _DONE or (res.get("lifecycleStatus") == "completed" and got != "not-achieved")
        verdict = "Yes" if done else "Not recorded as achieved"
        parts.append(f"{verdict}: {name} ({got})")
    return "; ".join(parts) + "."
