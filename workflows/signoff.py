"""Turning a reviewer's decision into a ``SignOff``: the final sections and a
unified diff per edited section, so the audit shows exactly what the human
changed relative to the machine draft.

Also what a reviewer is offered and may sign: every imaging draft offers
Findings and Impression to write even when no model produced them, and a
report whose only content is limitations is never signed ``final``."""

from __future__ import annotations

import difflib

from carepath.draft import Draft, ReviewDecision, Section, SectionName, Sentence, SignOff
from carepath.errors import NoClinicalContent
from carepath.tools.registry import imaging_intents

# Sections whose sentences make a report say something clinical.
CLINICAL: tuple[SectionName, ...] = ("Findings", "Impression", "Answer", "Recommendations")
# What an imaging report's reviewer always has a place to write.
REVIEWER_WRITES: tuple[SectionName, ...] = ("Findings", "Impression")


def review_sections(draft: Draft) -> list[Section]:
    """The sections a reviewer edits: the draft's, plus an empty Findings and
    Impression on an imaging draft that lacks them (no model ran, or it
    wrote nothing), in report order, so the radiologist can write them."""
    sections = list(draft.sections)
    if draft.intent in imaging_intents():
        present = {s.name for s in sections}
        missing = [Section(name=n) for n in REVIEWER_WRITES if n not in present]
        sections = missing + sections if missing else sections
    return in_report_order(sections)


REPORT_ORDER: tuple[SectionName, ...] = ("Findings", "Impression", "Answer", "Recommendations", "Limitations")


def in_report_order(sections: list[Section]) -> list[Section]:
    """Sections as a report prints them, whatever order they were written in
    (a reviewer adding Findings to a draft that had none must not get them
    after the limitations in the SR, the ORU or the PDF)."""
    order = {n: i for i, n in enumerate(REPORT_ORDER)}
    return sorted(sections, key=lambda s: order.get(s.name, len(order)))


def edit_template(draft: Draft) -> str:
    """A Markdown edit file (``carepath sign --edit FILE``) holding every
    section to review with its current text; empty headings are left for the
    reviewer to fill and are ignored if left empty."""
    return "".join(f"## {s.name}\n{s.text}\n\n" for s in review_sections(draft))


def has_clinical_content(sections: list[Section]) -> bool:
    return any(s.name in CLINICAL and any(x.text.strip() for x in s.sentences) for s in sections)


def check_signable(draft: Draft, decision: ReviewDecision, thread_id: str) -> None:
    """Refuse to sign a report that would hold only limitations (approving a
    draft no model wrote, or an edit that adds no findings): nothing is
    changed and the draft keeps waiting. Rejecting is always allowed."""
    if decision.action == "reject":
        return
    final = build_signoff(draft, decision).final_sections
    if draft.intent in imaging_intents() and not has_clinical_content(
            [s for s in final if s.name in REVIEWER_WRITES]):
        # Guideline recommendations alone do not make a radiology report: a
        # final imaging report always says what the images show.
        raise NoClinicalContent(
            "no findings to sign", subject=thread_id,
            why="an imaging report needs Findings or an Impression; this one has none (guideline "
                "recommendations and limitations alone do not report the images)",
            fix=f"write findings or an impression (--edit FILE; `carepath review {thread_id} --template FILE` writes one with "
                "empty Findings/Impression headings) or reject (--reject REASON)")
    if has_clinical_content(final):
        return
    raise NoClinicalContent(
        "nothing clinical to sign", subject=thread_id,
        why="the report's only content is limitations (no Findings, Impression, Answer or "
            "Recommendations sentence)",
        fix=f"write findings (--edit FILE; `carepath review {thread_id} --template FILE` writes one "
            "with empty Findings/Impression headings) or reject (--reject REASON)")


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
    return SignOff(decision=decision, diffs=diffs, final_sections=in_report_order(final))
