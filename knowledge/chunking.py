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


def _units(body: str, offset: int) -> list[tuple[int, int]]:
    """Paragraph / bullet spans (absolute offsets), whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"(?:[^\n]+\n?)+", body):
        block = m.group(0)
        lines = [lm for lm in re.finditer(r"[^\n]+", block)]
        bullets = [lm for lm in lines if re.match(r"\s*(?:[-*•]|\d+[.)])\s+", lm.group(0))]
        pieces = lines if bullets else [m]
        for piece in pieces:
            s, e = m.start() + (piece.start() if piece is not m else 0), \
                m.start() + (piece.end() if piece is not m else len(block))
            text = body[s:e]
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            if text.strip():
                spans.append((offset + s + lead, offset + e - trail))
    return spans


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
        units = _units(text[s:e], s)
        if not units:
            continue
        group: list[tuple[int, int]] = []
        for u in units:
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


_LINE_UNIT = re.compile(r"\s*(?:[-*•]|\d+[.)]|\||-->|→|>)\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(*])")
LONG_PARAGRAPH = 320


class Unit(BaseModel):
    """The smallest quotable piece (a bullet, table row, sentence or short
    paragraph) as absolute offsets, with the lead-in line ("…includes:") that
    gives a bare bullet its meaning."""

    start: int
    end: int
    lead: tuple[int, int] | None = None


def units(text: str, start: int, end: int) -> list[Unit]:
    """Quotable units of ``text[start:end]``; every span is verbatim source."""
    out: list[Unit] = []
    lead: tuple[int, int] | None = None
    for m in re.finditer(r"(?:[^\n]+\n?)+", text[start:end]):
        block_start = start + m.start()
        lines = [(block_start + lm.start(), block_start + lm.end())
                 for lm in re.finditer(r"[^\n]+", m.group(0))]
        listy = any(_LINE_UNIT.match(text[s:e]) for s, e in lines)
        pieces = lines if listy or len(lines) > 1 and all(len(text[s:e]) < 200 for s, e in lines) \
            else [(block_start, block_start + len(m.group(0)))]
        for s, e in pieces:
            for ps, pe in _sentences(text, s, e):
                body = text[ps:pe]
                if not re.search(r"\w", body) or re.fullmatch(r"[|\s:-]+", body):
                    continue  # table rule or decoration
                is_item = bool(_LINE_UNIT.match(body)) or body.startswith(" ")
                out.append(Unit(start=ps, end=pe, lead=lead if is_item else None))
                if body.rstrip().endswith(":"):
                    lead = (ps, pe)
                elif not is_item:
                    lead = None
    return out


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
