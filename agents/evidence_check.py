"""The gate between composer and reviewer: no sentence without evidence.

A sentence survives unflagged only if it lists at least one evidence id and
every id it lists exists in the draft (a skill finding, a skill run record,
a guideline citation ``G<n>``). Model-written sentences that fail are
removed and reported; template sentences that fail (a bug) are flagged, so
nothing unsupported is ever silently kept.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from carepath.draft import Draft, Section, Sentence

_MARKER = re.compile(r"\[(?:G)?(\d+)\]")


class CheckReport(BaseModel):
    checked: int
    flagged: int
    removed: list[str] = Field(default_factory=list)


def check(draft: Draft, *, model_written: bool) -> tuple[Draft, CheckReport]:
    known = set(draft.evidence_ids) | {c.evidence_id for c in draft.citations}
    checked = flagged = 0
    removed: list[str] = []
    sections: list[Section] = []
    for section in draft.sections:
        kept: list[Sentence] = []
        for s in section.sentences:
            checked += 1
            missing = [e for e in s.evidence if e not in known]
            reason = None
            if not s.evidence:
                reason = "no evidence cited"
            elif missing:
                reason = f"cites evidence that does not exist: {', '.join(missing)}"
            elif bad := _marker_mismatch(s):
                reason = bad
            if reason is None:
                kept.append(s)
            elif model_written:
                removed.append(f"{section.name}: {s.text[:160]} ({reason})")
            else:
                flagged += 1
                kept.append(s.model_copy(update={"flagged": True, "flag_reason": reason}))
        if kept:
            sections.append(section.model_copy(update={"sentences": kept}))
    warnings = list(draft.warnings) + [f"Removed unsupported sentence — {r}" for r in removed]
    out = draft.model_copy(update={"sections": sections, "warnings": warnings})
    return out, CheckReport(checked=checked, flagged=flagged, removed=removed)


def _marker_mismatch(s: Sentence) -> str | None:
    """Inline markers like ``[2]`` in the text must be among the sentence's evidence."""
    cited = {f"G{m}" for m in _MARKER.findall(s.text)}
    extra = cited - set(s.evidence)
    if extra:
        return f"text cites {', '.join(sorted(extra))} but its evidence does not list them"
    return None
