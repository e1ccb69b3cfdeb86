"""Turning a reviewer's decision into a ``SignOff``: the final sections and a
unified diff per edited section, so the audit shows exactly what the human
changed relative to the machine draft."""

from __future__ import annotations

import difflib

from carepath.draft import Draft, ReviewDecision, Section, Sentence, SignOff


def build_signoff(draft: Draft, decision: ReviewDecision) -> SignOff:
    if decision.action == "reject":
        return SignOff(decision=decision, final_sections=[])
    final: list[Section] = []
    diffs: dict[str, str] = {}
    edited = {k: v.strip() for k, v in decision.edits.items() if v.strip()} \
        if decision.action == "edit" else {}
    names = [s.name for s in draft.sections] + [n for n in edited if draft.section(n) is None]
    for name in names:
        original = draft.section(name)
        if name in edited:
            before = original.text if original else ""
            diffs[name] = "".join(difflib.unified_diff(
                (before + "\n").splitlines(keepends=True), (edited[name] + "\n").splitlines(keepends=True),
                fromfile=f"draft/{name}", tofile=f"signed/{name}"))
            # Reviewer-authored text is attested by the reviewer's signature.
            final.append(Section(name=name, sentences=[Sentence(text=edited[name], evidence=["signoff"])]))
        elif original is not None:
            final.append(original)
    return SignOff(decision=decision, diffs=diffs, final_sections=final)
