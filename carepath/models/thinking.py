"""MedGemma's reasoning trace, kept out of drafts.

MedGemma 1.5 may wrap its thinking in ``<unused94>…<unused95>`` (the model
card's parser also drops a leading ``thought`` label). The clinician sees the
answer; the trace is kept separately for audit, never silently mixed in.
"""

from __future__ import annotations

import re

THINK_START = "<unused94>"
THINK_END = "<unused95>"
_LABEL = re.compile(r"^\s*thought\s*\n", re.IGNORECASE)


def split_thinking(text: str) -> tuple[str, str | None]:
    """``(answer, thinking)``. Handles several blocks, an unterminated block
    (generation cut by ``max_new_tokens``: everything after the start is
    thinking, the answer is empty) and a stray end marker (servers that drop
    the start token when decoding: everything before it is thinking)."""
    thoughts: list[str] = []
    answer: list[str] = []
    rest = text
    if THINK_END in rest and (THINK_START not in rest or rest.index(THINK_END) < rest.index(THINK_START)):
        before, rest = rest.split(THINK_END, 1)
        thoughts.append(before)
    while THINK_START in rest:
        before, after = rest.split(THINK_START, 1)
        answer.append(before)
        if THINK_END in after:
            thought, rest = after.split(THINK_END, 1)
        else:
            thought, rest = after, ""
        thoughts.append(thought)
    answer.append(rest)
    cleaned = [_LABEL.sub("", t, count=1).strip() for t in thoughts]
    thinking = "\n\n".join(t for t in cleaned if t) or None
    return "".join(answer).replace(THINK_END, "").strip(), thinking
