"""The report text as SR content items: one TEXT item per sentence, its
concept from CID 7002 by section, its image evidence as INFERRED FROM IMAGE
(TID 2001 row 1, purpose of reference "Best illustration of finding"), and
guideline citations as TEXT items beside the sentences that cite them.

Used in two places: under CID 7001 heading containers in a TID 2000 report
(no measurements), and in the Qualitative Evaluations container of a TID 1500
report (with measurements). Evidence ids stay in the sentence text
(``"... [cxr-1, G1]"``): TID 2002 allows only images and measurements as
INFERRED FROM targets, so they are not separate coded items.
"""

from __future__ import annotations

from collections.abc import Sequence

import highdicom as hd

from carepath.draft import Citation, Draft, Section
from carepath.evidence import Finding, SkillResult
from carepath.workflows.outputs.sr_codes import BEST_ILLUSTRATION, GUIDELINE_CITATION, SECTION_CODES
from carepath.workflows.outputs.sr_context import ImagingContext

TEXT_MAX = 10_000  # UT would allow more; keep items readable in viewers
CONTAINS = hd.sr.RelationshipTypeValues.CONTAINS
INFERRED_FROM = hd.sr.RelationshipTypeValues.INFERRED_FROM


def findings_by_id(results: dict[str, SkillResult] | None) -> dict[str, Finding]:
    return {f.id: f for r in (results or {}).values() for f in r.findings}


def clip(text: str) -> str:
    return text if len(text) <= TEXT_MAX else text[: TEXT_MAX - 1] + "…"


def citation_text(c: Citation) -> str:
    org = ", ".join(str(x) for x in (c.organization, c.year) if x)
    doi = f", doi:{c.doi}" if c.doi else ""
    return f"{c.evidence_id}: {c.title} ({org}{doi}), {c.section} / {c.heading}: \"{c.quote}\""


def _images(eids: Sequence[str], ctx: ImagingContext,
            findings: dict[str, Finding]) -> list[hd.sr.ContentItem]:
    """INFERRED FROM IMAGE for each source instance (and frame) the cited
    findings' image/slice/box evidence lies on, once each."""
    seen: set[tuple[str, int | None]] = set()
    items: list[hd.sr.ContentItem] = []
    for eid in eids:
        for ev in findings[eid].evidence if eid in findings else []:
            where = ctx.locate(ev) if ev.kind in ("image", "slice", "box") else None
            if where is None or (where[0].sop_instance_uid, where[1]) in seen:
                continue
            img, frame = where
            seen.add((img.sop_instance_uid, frame))
            items.append(hd.sr.ImageContentItem(
                name=BEST_ILLUSTRATION, referenced_sop_class_uid=img.sop_class_uid,
                referenced_sop_instance_uid=img.sop_instance_uid,
                referenced_frame_numbers=[frame] if frame else None,
                relationship_type=INFERRED_FROM))
    return items


def sentence_items(section: Section, draft: Draft, ctx: ImagingContext,
                   findings: dict[str, Finding]) -> list[hd.sr.ContentItem]:
    """The section's sentences (CID 7002 concept), then the guideline
    passages they cite, each once."""
    _, concept = SECTION_CODES[section.name]
    citations = {c.evidence_id: c for c in draft.citations}
    items: list[hd.sr.ContentItem] = []
    cited: list[str] = []
    for s in section.sentences:
        text = s.text + (f" [{', '.join(s.evidence)}]" if s.evidence else "")
        if s.flagged:
            text += f" (flagged: {s.flag_reason or 'unsupported'})"
        item = hd.sr.TextContentItem(name=concept, value=clip(text), relationship_type=CONTAINS)
        images = _images(s.evidence, ctx, findings)
        if images:
            item.ContentSequence = hd.sr.ContentSequence(images)
        items.append(item)
        cited += [e for e in s.evidence if e in citations and e not in cited]
    items += [hd.sr.TextContentItem(name=GUIDELINE_CITATION, value=clip(citation_text(citations[e])),
                                    relationship_type=CONTAINS) for e in cited]
    return items


def heading_containers(draft: Draft, ctx: ImagingContext, sections: Sequence[Section],
                       results: dict[str, SkillResult] | None) -> list[hd.sr.ContentItem]:
    """TID 2000 rows 8-10: one CID 7001 heading container per non-empty section."""
    findings = findings_by_id(results)
    out: list[hd.sr.ContentItem] = []
    for section in sections:
        if not section.sentences or section.name not in SECTION_CODES:
            continue
        heading, _ = SECTION_CODES[section.name]
        box = hd.sr.ContainerContentItem(name=heading, is_content_continuous=False,
                                         relationship_type=CONTAINS)
        box.ContentSequence = hd.sr.ContentSequence(sentence_items(section, draft, ctx, findings))
        out.append(box)
    return out


def narrative_items(draft: Draft, ctx: ImagingContext, sections: Sequence[Section],
                    results: dict[str, SkillResult] | None) -> list[hd.sr.ContentItem]:
    """All sections' TEXT items in report order, without heading containers
    (the CID 7002 concept names the section of each)."""
    findings = findings_by_id(results)
    return [item for section in sections if section.sentences and section.name in SECTION_CODES
            for item in sentence_items(section, draft, ctx, findings)]
