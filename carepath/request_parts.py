"""The parts of a request: what to do with the given inputs, and a guideline
question asked alongside.

A radiologist types or dictates "CXR for cough; which antibiotic for CAP?":
the first clause is the order (it says what the study is for), the second is
a question for the guideline assistant. Searching guidelines with the whole
text lets the order's words ("CXR", "cough") pull in passages about chest
imaging instead of antibiotics, so retrieval gets the question part alone.

A question about the given images ("what does this film show?") is part of
the order, not a guideline question: it is answered by the imaging skill.
The split is deliberately plain (clauses, question marks, interrogative
openers) so that it behaves the same for typed and dictated text and never
drops words: every clause lands in exactly one part.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

_CLAUSE = re.compile(r"(?<=[;?!.\n])\s+|\s*;\s*|\s+[-–—]\s+|\n+")
_OPENER = re.compile(
    r"^(?:and\s+|also\s+|plus\s+|q:\s*|question:\s*)?"
    r"(?:which|what|whats|what's|how|when|who|why|where|should|shall|is|are|does|do|can|could|"
    r"would|will|must|may|recommended|indicat\w*|first[- ]line|best|preferred|dose|dosing)\b",
    re.I)
_ABOUT_IMAGES = re.compile(
    r"\b(?:this|these|the|attached|current|prior|above)\s+(?:image|images|film|films|study|studies|"
    r"scan|scans|x-?ray|xray|cxr|radiograph|ct|mri?|series|slide|exam)\b|\b(?:show|shows|see|seen|"
    r"visible|depicted|demonstrate[sd]?)\b", re.I)


class RequestParts(BaseModel):
    """``order``: what to do with the inputs; ``question``: a guideline
    question asked with them (``None`` when the request asks none)."""

    order: str
    question: str | None = None


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSE.split(text) if c and c.strip(" ;.")]


def is_guideline_question(clause: str) -> bool:
    """A clause that asks something (question mark or interrogative opener)
    and is not about the given images."""
    words = clause.split()
    # "?pneumonia" / "pneumonia?" is radiology shorthand for the indication
    # ("query pneumonia"), not a question for the guidelines.
    marked = clause.rstrip().endswith("?") and len(words) > 3
    asks = marked or bool(_OPENER.match(clause.strip().lstrip("?")))
    return asks and not _ABOUT_IMAGES.search(clause)


def split_request(text: str, *, has_inputs: bool) -> RequestParts:
    """Split ``text`` into the order and a guideline question. Without inputs
    the whole text is the question (the guideline assistant's own use)."""
    text = (text or "").strip()
    if not has_inputs:
        return RequestParts(order="", question=text or None)
    order: list[str] = []
    question: list[str] = []
    for clause in _clauses(text):
        (question if is_guideline_question(clause) else order).append(clause)
    return RequestParts(order=" ".join(order), question=" ".join(question) or None)
