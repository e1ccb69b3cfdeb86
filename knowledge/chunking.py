"""Chunks that follow the guideline's own structure.

Each chunk is the body under one heading (split further at paragraph/bullet
boundaries when long, with overlap), carries its heading path ("Outpatient
Treatment > Healthy Adults …") and exact character offsets into the source
document, so any quote taken from it can be shown and checked verbatim.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from carepath.knowledge.corpus import Document

HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.M)
MAX_CHARS = 1200
OVERLAP_UNITS = 1


class ChunkParams(BaseModel):
    max_chars: int = MAX_CHARS
    overlap_units: int = OVERLAP_UNITS


class Chunk(BaseModel):
    chunk_id: str
    doc_id: str
    heading: str
    start: int
    end: int
    text: str

    def embed_text(self, title: str) -> str:
        return f"{title} — {self.heading}\n{self.text}"


def chunk_document(doc: Document, params: ChunkParams | None = None) -> list[Chunk]:
    params = params or ChunkParams()
    text = doc.text
    heads = list(HEADING.finditer(text))
    path: list[tuple[int, str]] = []
    sections: list[tuple[str, int, int]] = []
    if not heads or heads[0].start() > 0:
        sections.append(("", 0, heads[0].start() if heads else len(text)))
    for i, h in enumerate(heads):
        level, title = len(h.group(1)), h.group(2).strip()
        path = [p for p in path if p[0] < level] + [(level, title)]
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        # The document title (level 1) adds nothing to a heading path below it.
        shown = [t for lv, t in path if lv > 1] or [t for _, t in path]
        sections.append((" > ".join(shown), h.end(), end))
    chunks: list[Chunk] = []
    for heading, s, e in sections:
        spans = [(u.start, u.end) for u in units(text, s, e) if not text[u.start:u.end].startswith("#")]
        if not spans:
            continue
        group: list[tuple[int, int]] = []
        for u in spans:
            if group and u[1] - group[0][0] > params.max_chars:
                chunks.append(_mk(doc, heading, group, len(chunks)))
                group = group[-params.overlap_units:] if params.overlap_units else []
                if group and u[1] - group[0][0] > params.max_chars:
                    group = []
            group.append(u)
        if group:
            chunks.append(_mk(doc, heading, group, len(chunks)))
    return chunks


def _mk(doc: Document, heading: str, group: list[tuple[int, int]], n: int) -> Chunk:
    start, end = group[0][0], group[-1][1]
    return Chunk(chunk_id=f"{doc.doc_id}#{n}", doc_id=doc.doc_id, heading=heading or doc.section,
                 start=start, end=end, text=doc.text[start:end])


_ITEM = re.compile(r"(\s*)(?:[-*•]|\d+[.)]|-->|→|>)\s+")
_TABLE_RULE = re.compile(r"\s*\|?[\s:|-]+\|?\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(*])")
LONG_PARAGRAPH = 320
MAX_UNIT = 700


class Unit(BaseModel):
    """A quotable recommendation unit as absolute offsets: a bullet with its
    sub-bullets (and the grade written on it), a table row, a paragraph (split
    at sentence ends only when long). ``lead`` is the line that gives the unit
    its meaning: the "…includes:" line before a list, or a table's header row."""

    start: int
    end: int
    lead: tuple[int, int] | None = None


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\n]+", text[start:end])
            if m.group(0).strip()]


def _indent(text: str, s: int, e: int) -> int:
    line = text[s:e]
    return len(line) - len(line.lstrip())


def _item_end(text: str, lines: list[tuple[int, int]], i: int) -> int:
    """Index past the last line of item ``i``: deeper-indented lines (sub-bullets,
    continuations) belong to it while the whole stays quotable."""
    base = _indent(text, *lines[i])
    j = i + 1
    while j < len(lines) and _indent(text, *lines[j]) > base \
            and not text[lines[j][0]:lines[j][1]].strip().startswith("|"):
        if lines[j][1] - lines[i][0] > MAX_UNIT:
            return i + 1  # too long as one quote: parent and children become separate units
        j += 1
    return j


def units(text: str, start: int, end: int) -> list[Unit]:
    """Recommendation units of ``text[start:end]``; every span is verbatim source."""
    out: list[Unit] = []
    lead: tuple[int, int] | None = None
    header: tuple[int, int] | None = None
    lines = _lines(text, start, end)
    i = 0
    while i < len(lines):
        s, e = lines[i]
        body = text[s:e].strip()
        if body.startswith("|"):
            if _TABLE_RULE.fullmatch(body):
                i += 1
                continue
            prev_is_table = i > 0 and text[lines[i - 1][0]:lines[i - 1][1]].strip().startswith("|") \
                and _gap_free(text, lines[i - 1][1], s)
            if not prev_is_table:
                header = (s + _indent(text, s, e), e)
                out.append(Unit(start=header[0], end=e))
            else:
                out.append(Unit(start=s + _indent(text, s, e), end=e, lead=header))
            i += 1
            continue
        header = None
        if _ITEM.match(text[s:e]):
            j = _item_end(text, lines, i)
            out.append(Unit(start=s + _indent(text, s, e), end=lines[j - 1][1], lead=lead))
            i = j
            continue
        j = i + 1  # a paragraph: consecutive plain lines without a blank line between
        while j < len(lines) and _gap_free(text, lines[j - 1][1], lines[j][0]) \
                and not _ITEM.match(text[lines[j][0]:lines[j][1]]) \
                and not text[lines[j][0]:lines[j][1]].strip().startswith(("|", "#")):
            j += 1
        for ps, pe in _sentences(text, s, lines[j - 1][1]):
            out.append(Unit(start=ps, end=pe))
        lead = (s, lines[j - 1][1]) if text[s:lines[j - 1][1]].rstrip().endswith(":") else None
        i = j
    return [u for u in out if re.search(r"\w", text[u.start:u.end])]


def _gap_free(text: str, a: int, b: int) -> bool:
    """True when only one line break separates two lines (no blank line)."""
    return text[a:b].count("\n") <= 1


def _sentences(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Trimmed span, split at sentence ends when it is a long paragraph."""
    seg = text[s:e]
    lead = len(seg) - len(seg.lstrip())
    s, e = s + lead, e - (len(seg) - len(seg.rstrip()))
    if e <= s:
        return []
    if e - s <= LONG_PARAGRAPH:
        return [(s, e)]
    spans, cur = [], s
    for m in _SENTENCE_END.finditer(text, s, e):
        spans.append((cur, m.start()))
        cur = m.end()
    spans.append((cur, e))
    return [(a, b) for a, b in spans if b > a]
