"""Markdown and HTML renderings: content, status banner, and that document
text stays inert data in both formats."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pydicom
import pytest
from markdown_it import MarkdownIt
from support.outputs_fixtures import (
    HOSTILE_QUOTE,
    approve,
    citation,
    cxr_draft,
    cxr_path,
    cxr_results,
    edit,
    reject,
)

from carepath.context import CareContext, Identifier, Patient, PersonName, context_from_dicom
from carepath.context.linkage import MISSING_ACCESSION, MISSING_PATIENT_ID
from carepath.draft import ReviewDecision, SignOff
from carepath.workflows.outputs.render import md_escape, render_html, render_markdown, write_rendering


class Tags(HTMLParser):
    """Collects every start tag and attribute a browser would build."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    p = Tags()
    p.feed(html)
    return p.tags


def assert_inert(html: str) -> None:
    found = tags(html)
    assert not [t for t, _ in found if t in ("script", "iframe", "object", "embed", "img")]
    for _, attrs in found:
        assert not [k for k in attrs if k.startswith("on")]
        assert not any((v or "").strip().lower().startswith("javascript:") for v in attrs.values())


def test_markdown_draft_has_banner_markers_and_citations() -> None:
    md = render_markdown(cxr_draft(), None, cxr_results())
    assert "> **DRAFT — not signed." in md
    assert "- Right lower lobe consolidation. [cxr-1]" in md
    assert "- Right lower lobe pneumonia. [cxr-1, cxr-2]" in md
    assert "- Sodium is low at 131 mmol/L. [lab-1]" in md
    assert "Unverified model output. [no evidence] — *flagged: no evidence id*" in md
    # Evidence list resolves ids, including the box in pixel coordinates.
    assert "**cxr-1** (finding): Right lower lobe consolidation." in md
    assert "box box:1 (x0, y0, x1, y1 = 1000, 1100, 1500, 1600 px)" in md
    assert "**lab-1** (finding)" in md and "Sodium 131 mmol/L" in md
    # The citation with title, organisation, year, DOI, section/heading.
    assert ("**G1** Community-Acquired Pneumonia in Adults — ATS/IDSA, 2019, "
            "DOI 10\\.1164/rccm.201908-1581ST. Section: treatment / Outpatient empiric therapy.") in md
    assert "Model cxr: google/medgemma-1.5-4b-it (transformers, rev-abc123)" in md
    assert "Prompt template compose\\_report@v1" in md


def test_markdown_keeps_hostile_text_inert() -> None:
    md = render_markdown(cxr_draft(), None, cxr_results())
    data = md.replace("> **DRAFT", "").replace("> **Warning:", "")
    assert re.search(r"(?<!\\)[<>]", data) is None  # every < > escaped
    assert "\\[click\\](javascript:" in md
    # Rendered by a CommonMark engine with raw HTML *enabled*: still no script or link.
    html = MarkdownIt("commonmark", {"html": True}).render(md)
    assert_inert(html)
    assert not [a for t, a in tags(html) if t == "a"]
    assert '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;' in html
    assert "[click](javascript:alert(1))" in html  # shown as the literal text it is


@pytest.mark.parametrize("text", ["# heading", "- item", "1. item", "> quote", "[a](b)",
                                  "![i](x)", "<b>x</b>", "*em* _em_", "line\n# two", "`code`",
                                  "a | b", "&amp;"])
def test_md_escape_renders_as_the_literal_text(text: str) -> None:
    html = MarkdownIt("commonmark", {"html": True}).render(md_escape(text))
    assert [t for t, _ in tags(html)] == ["p"]
    plain = " ".join(text.split())
    from html import unescape

    assert unescape(html.removeprefix("<p>").removesuffix("</p>\n")) == plain


def test_html_is_autoescaped_and_scripts_are_forbidden() -> None:
    draft = cxr_draft()
    draft.sections[0].sentences[0].text = 'Opacity <img src=x onerror="alert(1)">.'
    hostile = SignOff(decision=ReviewDecision(reviewer='<script>steal()</script> Dr X', action="approve"),
                      final_sections=draft.sections)
    for so in (None, hostile):
        html = render_html(draft, so, cxr_results())
        assert_inert(html)
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
        assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
        assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "Signed by &lt;script&gt;steal()&lt;/script&gt; Dr X" in html


def test_html_draft_structure() -> None:
    html = render_html(cxr_draft(), None, cxr_results())
    assert 'class="banner draft"' in html and "DRAFT — not signed" in html
    assert '<a href="#ev-cxr-1">cxr-1</a>' in html and '<li id="ev-cxr-1">' in html
    assert "<cite>Community-Acquired Pneumonia in Adults</cite> — ATS/IDSA, 2019, DOI " \
           "10.1164/rccm.201908-1581ST. Section: treatment / Outpatient empiric therapy." in html
    assert "<blockquote>Give &lt;script&gt;" in html


def test_signed_edited_and_rejected_banners() -> None:
    d = cxr_draft()
    md = render_markdown(d, approve(d), cxr_results())
    assert "> **Signed by Jane Smith at 2025-03-04 11:30:00 UTC.**" in md
    assert "DRAFT" not in md
    md = render_markdown(d, edit(d), cxr_results())
    assert "(edited by the reviewer)" in md
    assert "- Right lower lobe pneumonia, likely bacterial. [signoff]" in md
    assert "## Reviewer changes" in md and "    +Right lower lobe pneumonia, likely bacterial." in md
    assert "**signoff** (signoff): text written by the reviewer at sign-off" in md
    html = render_html(d, reject(), cxr_results())
    assert 'class="banner rejected"' in html and "REJECTED by Jane Smith at 2025-03-04 11:30:00 UTC" in html
    assert "Wrong side reported." in html


def test_only_cited_guidelines_are_listed_once_signed() -> None:
    d = cxr_draft()
    d.citations.append(citation(2, quote="Uncited passage."))
    assert "Uncited passage" in render_markdown(d)          # the reviewer sees all on the draft
    assert "Uncited passage" not in render_markdown(d, approve(d))
    assert HOSTILE_QUOTE.split()[0] in render_markdown(d, approve(d))


def test_write_rendering_picks_format_by_suffix(tmp_path: Path) -> None:
    d = cxr_draft()
    h = write_rendering(tmp_path / "r.html", d, approve(d), cxr_results())
    m = write_rendering(tmp_path / "r.md", d, approve(d), cxr_results())
    assert h.read_text().startswith("<!DOCTYPE html>")
    assert m.read_text().startswith("# carepath report")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "r.md"]


def rg1_context() -> CareContext:
    return context_from_dicom(pydicom.dcmread(cxr_path(), stop_before_pixels=True))


def test_patient_banner_in_markdown_and_html() -> None:
    d = cxr_draft()
    md = render_markdown(d, approve(d), cxr_results(), rg1_context())
    assert ("**Patient:** RG1 CompressedSamples · **MRN:** 9RG1 · **Born:** 1940-03-05 (age 64 y) · "
            "**Sex:** female · **Accession:** exam Number · **Study date:** 2004-08-26 18:50 · "
            "**Modality:** CR · **Description:** THORAX") in md
    assert "Warning" not in md.split("## Findings")[0]       # nothing missing, nothing warned
    html = render_html(d, approve(d), cxr_results(), rg1_context())
    assert_inert(html)
    assert "<dt>MRN</dt><dd>9RG1</dd>" in html and "<dt>Accession</dt><dd>exam Number</dd>" in html
    assert "<dt>Born</dt><dd>1940-03-05 (age 64 y)</dd>" in html
    assert 'class="missing"' not in html and 'role="alert"' not in html


def test_missing_identifiers_are_said_never_invented() -> None:
    ctx = CareContext(patient=Patient(name=PersonName(family="Doe", given="Jane")))
    md = render_markdown(cxr_draft(), None, cxr_results(), ctx)
    assert "**Patient:** Jane Doe · **MRN:** not recorded" in md and "**Accession:** not recorded" in md
    assert f"> **Warning:** {md_escape(MISSING_PATIENT_ID)}" in md
    assert f"> **Warning:** {md_escape(MISSING_ACCESSION)}" in md
    html = render_html(cxr_draft(), None, cxr_results(), ctx)
    assert '<dt>MRN</dt><dd class="missing">not recorded</dd>' in html
    assert html.count('role="alert"') == 2
    # With an issuer the MRN says whose number it is.
    ctx = CareContext(patient=Patient(id=Identifier(value="123", namespace="HOSP")))
    assert "**MRN:** 123 (issuer HOSP)" in render_markdown(cxr_draft(), None, None, ctx)


def test_no_context_on_a_patient_report_warns_and_a_guideline_answer_has_no_banner() -> None:
    md = render_markdown(cxr_draft(), None, cxr_results())
    assert "**Patient:** not recorded" in md and "no patient/order context was recorded" in md
    qa = cxr_draft().model_copy(update={"intent": "guideline_qa"})
    assert "**Patient:**" not in render_markdown(qa) and 'class="patient"' not in render_html(qa)
