"""Markdown and HTML renderings of a draft or a signed report.

Both formats render the same ``ReportView``: sections of sentences, each
followed by its evidence ids as footnote-like markers, an evidence list that
resolves every id (finding text, image/box reference, skill run record), and
each guideline citation with its verbatim quote, title, organisation, year,
DOI and section/heading. A status banner says plainly whether a clinician has
signed it.

Everything in a report is data (model output, guideline quotes, reviewer
text): the HTML environment autoescapes every expression and the page carries
a Content-Security-Policy that forbids scripts; the Markdown environment
backslash-escapes Markdown/HTML syntax in every expression (``finalize``), so
a quote holding ``<script>`` or ``[x](javascript:…)`` stays inert text in any
viewer.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import jinja2
from pydantic import BaseModel, Field

from carepath.artifacts import ArtifactRef
from carepath.atomic import write_text
from carepath.context import CareContext
from carepath.draft import Citation, Draft, Section, SignOff
from carepath.evidence import Finding, SkillResult
from carepath.workflows.outputs.report_state import (
    PatientBanner,
    ReportState,
    Revision,
    banner,
    banner_for,
    fmt_time,
    report_sections,
    state_of,
)

Format = Literal["md", "html"]
TEMPLATE_DIR = Path(__file__).parent


class SentenceView(BaseModel):
    text: str
    evidence: list[str]
    flagged: bool = False
    flag_reason: str | None = None


class SectionView(BaseModel):
    name: str
    sentences: list[SentenceView]


class EvidenceView(BaseModel):
    id: str
    kind: str
    description: str
    refs: list[str] = Field(default_factory=list)


class BoxView(BaseModel):
    """A localization box in the key image's own pixel grid (x0, y0, x1, y1)."""

    label: str
    xyxy: tuple[float, float, float, float]
    finding_id: str


class KeyImage(BaseModel):
    """An image a cited finding rests on, with the boxes drawn on it (the
    localization overlay is stored at the original image's pixel grid, so
    its boxes' ``xyxy`` apply to it as they are)."""

    image: ArtifactRef
    finding_ids: list[str]
    boxes: list[BoxView] = Field(default_factory=list)


class ReportView(BaseModel):
    """What a rendering shows; built once, rendered into any format."""

    title: str
    state: ReportState
    banner: str
    patient: PatientBanner | None = None
    thread_id: str
    draft_id: str
    intent: str
    created_at: datetime
    reviewer: str | None = None
    signed_at: datetime | None = None
    reason: str | None = None
    sections: list[SectionView]
    citations: list[Citation]
    evidence: list[EvidenceView]
    diffs: dict[str, str] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    models: list[str] = Field(default_factory=list)
    prompt_templates: list[str] = Field(default_factory=list)
    key_images: list[KeyImage] = Field(default_factory=list)


def _describe_finding(f: Finding) -> tuple[str, list[str]]:
    refs: list[str] = []
    for ev in f.evidence:
        ref = f"{ev.kind} {ev.ref}"
        box = ev.detail.get("xyxy") or ev.detail.get("box")
        if ev.kind == "box" and box:
            ref += " (x0, y0, x1, y1 = " + ", ".join(f"{float(v):g}" for v in box) + " px)"
        if ev.kind == "lab_value":
            val = " ".join(str(ev.detail[k]) for k in ("name", "value", "unit") if ev.detail.get(k))
            ref += f" ({val})" if val else ""
        if ev.artifact is not None:
            ref += f" [sha256 {ev.artifact.sha256[:12]}]"
        refs.append(ref)
    text = f.text if f.change is None else f"{f.text} ({f.change})"
    return text, refs


def evidence_views(draft: Draft, sections: list[Section],
                   results: dict[str, SkillResult] | None) -> list[EvidenceView]:
    """Resolve every id cited by a sentence, in first-cited order."""
    findings = {f.id: f for r in (results or {}).values() for f in r.findings}
    citations = {c.evidence_id: c for c in draft.citations}
    out: list[EvidenceView] = []
    seen: set[str] = set()
    for s in (s for sec in sections for s in sec.sentences):
        for eid in s.evidence:
            if eid in seen:
                continue
            seen.add(eid)
            if eid in citations:
                c = citations[eid]
                out.append(EvidenceView(id=eid, kind="guideline",
                                        description=f"{c.title}, {c.heading} (quoted below)"))
            elif eid in findings:
                text, refs = _describe_finding(findings[eid])
                out.append(EvidenceView(id=eid, kind="finding", description=text, refs=refs))
            elif eid.startswith("run:"):
                name = eid[4:]
                r = (results or {}).get(name)
                desc = f"{name} skill run record"
                if r is not None:
                    desc += (f": model {r.model}" if r.generated and r.model
                             else f": not generated ({r.not_generated_reason or 'no model'})")
                out.append(EvidenceView(id=eid, kind="run", description=desc))
            elif eid == "signoff":
                out.append(EvidenceView(id=eid, kind="signoff",
                                        description="text written by the reviewer at sign-off"))
            else:
                out.append(EvidenceView(id=eid, kind="reference", description=eid))
    return out


def key_images(sections: list[Section], results: dict[str, SkillResult] | None) -> list[KeyImage]:
    """Images the shown sentences' findings rest on, each with its boxes, in
    first-cited order: the images a reader needs to check the report."""
    cited = [e for sec in sections for s in sec.sentences for e in s.evidence]
    findings = {f.id: f for r in (results or {}).values() for f in r.findings}
    images: dict[str, KeyImage] = {}
    for fid in dict.fromkeys(cited):
        for ev in findings[fid].evidence if fid in findings else []:
            art = ev.artifact
            if art is None or not art.media_type.startswith("image/"):
                continue
            key = images.setdefault(art.sha256, KeyImage(image=art, finding_ids=[]))
            if fid not in key.finding_ids:
                key.finding_ids.append(fid)
            box = ev.detail.get("xyxy")
            if ev.kind == "box" and box and len(box) == 4:
                label = str(ev.detail.get("label") or findings[fid].label or fid)
                key.boxes.append(BoxView(label=label, xyxy=tuple(float(v) for v in box),  # type: ignore[arg-type]
                                         finding_id=fid))
    return list(images.values())


def report_view(draft: Draft, signoff: SignOff | None = None,
                results: dict[str, SkillResult] | None = None,
                context: CareContext | None = None, revision: Revision | None = None) -> ReportView:
    """The view every rendering shows. The patient banner appears whenever a
    context is known and on every report about a patient (all but guideline
    questions), where a missing context is itself a warning."""
    sections = report_sections(draft, signoff)
    cited = {e for sec in sections for s in sec.sentences for e in s.evidence}
    patient = banner_for(draft, context)
    return ReportView(
        title=f"carepath report — {draft.intent.replace('_', ' ')}",
        state=state_of(signoff), banner=banner(signoff, revision), patient=patient, thread_id=draft.thread_id,
        draft_id=draft.draft_id,
        intent=draft.intent, created_at=draft.created_at,
        reviewer=signoff.decision.reviewer if signoff else None,
        signed_at=signoff.signed_at if signoff else None,
        reason=signoff.decision.reason if signoff and signoff.status == "rejected" else None,
        sections=[SectionView(name=sec.name, sentences=[SentenceView(**s.model_dump())
                                                        for s in sec.sentences])
                  for sec in sections if sec.sentences],
        # The reviewer sees every retrieved passage; a signed report lists
        # only those its final text cites.
        citations=list(draft.citations) if signoff is None
        else [c for c in draft.citations if c.evidence_id in cited],
        evidence=evidence_views(draft, sections, results),
        diffs=dict(signoff.diffs) if signoff else {},
        warnings=list(draft.warnings),
        models=[f"{m.role}: {m.model} ({m.backend}{', ' + m.version if m.version else ''})"
                for m in draft.models],
        prompt_templates=list(draft.prompt_templates),
        key_images=key_images(sections, results),
    )


# --- escaping and environments -----------------------------------------------

# Brackets are always escaped, so parentheses/"!" can never form a link or
# image; "#", "+", "-", "1." only matter at the start of a (list item) line.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&$])")
_MD_LEADING = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))")


def md_escape(value: Any) -> str:
    """Inline-safe Markdown: one line, every syntax character backslash-escaped
    (CommonMark allows escaping any ASCII punctuation), so data never becomes
    a link, image, raw HTML or heading."""
    if value is None:
        return ""
    text = re.sub(r"\s*[\r\n]+\s*", " ", str(value))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LEADING.sub(_escape_leading, text, count=1)


def _escape_leading(m: re.Match[str]) -> str:
    if m.group(2):
        return f"{m.group(1)}\\{m.group(2)}"
    return f"{m.group(1)}{m.group(3)}\\{m.group(4)}"


def md_block(value: Any) -> str:
    """A multi-line block (a diff) as an indented code block: inert by
    construction, since code blocks render verbatim."""
    return "\n".join("    " + line for line in str(value or "").splitlines())


@lru_cache(maxsize=1)
def _md_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=False,
        undefined=jinja2.StrictUndefined, finalize=_md_finalize,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["block"] = _Raw.wrap(md_block)
    env.filters["when"] = fmt_time
    return env


class _Raw(str):
    """A string already made safe for Markdown (skips the finalize escape)."""

    @staticmethod
    def wrap(fn: Any) -> Any:
        return lambda v: _Raw(fn(v))


def _md_finalize(value: Any) -> str:
    return value if isinstance(value, _Raw) else md_escape(value)


@lru_cache(maxsize=1)
def _html_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = fmt_time
    return env


def render(view: ReportView, fmt: Format) -> str:
    if fmt == "md":
        return _md_env().get_template("report.md.j2").render(r=view)
    if fmt == "html":
        return _html_env().get_template("report.html.j2").render(r=view)
    raise ValueError(f"unknown rendering format {fmt!r}")


def render_markdown(draft: Draft, signoff: SignOff | None = None,
                    results: dict[str, SkillResult] | None = None,
                    context: CareContext | None = None) -> str:
    return render(report_view(draft, signoff, results, context), "md")


def render_html(draft: Draft, signoff: SignOff | None = None,
                results: dict[str, SkillResult] | None = None,
                context: CareContext | None = None) -> str:
    return render(report_view(draft, signoff, results, context), "html")


def write_rendering(path: str | Path, draft: Draft, signoff: SignOff | None = None,
                    results: dict[str, SkillResult] | None = None,
                    fmt: Format | None = None, context: CareContext | None = None) -> Path:
    p = Path(path)
    fmt = fmt or ("html" if p.suffix.lower() in (".html", ".htm") else "md")
    return write_text(p, render(report_view(draft, signoff, results, context), fmt))
