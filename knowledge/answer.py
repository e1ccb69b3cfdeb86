"""Cited answers that a clinician can check in seconds.

Offline default: extractive. The answer is made of passages quoted verbatim
from the best guideline sections (each quote is ``document.text[start:end]``
exactly), chosen at the level of bullets/paragraphs inside the best chunks,
and numbered ``[n]``. When the best evidence is weak the answer abstains and
shows the closest passages as "not a match" instead of citing something
irrelevant. With a text model configured, the model may rephrase, but only
over the supplied passages, and a post-check drops sentences whose citation
numbers do not exist.
"""

from __future__ import annotations

import re

import numpy as np
from pydantic import BaseModel, Field

from carepath.draft import Citation
from carepath.errors import InputError
from carepath.knowledge.chunking import _units
from carepath.knowledge.index import Index
from carepath.knowledge.retriever import Filters, Passage, get_index, search

MAX_QUESTION = 2000
ABSTAIN_BELOW = 0.45        # cosine of the best passage; calibrated on the dev set
SECOND_WITHIN = 0.03        # a second citation only when nearly as relevant
MAX_QUOTE = 700


class CitedAnswer(BaseModel):
    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = Field(default_factory=list)
    near_misses: list[Citation] = Field(default_factory=list)
    backend: str = "extractive"
    model: str | None = None
    template_id: str | None = None


def validate_question(q: str) -> str:
    q = (q or "").strip()
    if not q:
        raise InputError("empty question", fix='ask something, e.g. carepath ask "first-line therapy for CAP?"')
    if len(q) > MAX_QUESTION:
        raise InputError("question too long", why=f"{len(q)} characters (limit {MAX_QUESTION})",
                         fix="ask one focused question; put documents in --doc instead")
    return q


def _quote_span(p: Passage, index: Index, qvec: np.ndarray) -> tuple[int, int]:
    c = p.chunk
    if len(c.text) <= MAX_QUOTE:
        return c.start, c.end
    from carepath.models.embeddings import embed_texts

    doc = index.documents[c.doc_id].text
    units = _units(doc[c.start:c.end], c.start)
    vecs = embed_texts([doc[s:e] for s, e in units])
    sims = vecs @ qvec
    best = int(np.argmax(sims))
    lo = hi = best
    while True:
        grew = False
        for nxt in (hi + 1, lo - 1):
            if 0 <= nxt < len(units) and sims[nxt] >= sims[best] - 0.08:
                s, e = units[min(lo, nxt)][0], units[max(hi, nxt)][1]
                if e - s <= MAX_QUOTE:
                    lo, hi = min(lo, nxt), max(hi, nxt)
                    grew = True
        if not grew:
            break
    return units[lo][0], units[hi][1]


def _citation(n: int, p: Passage, index: Index, span: tuple[int, int]) -> Citation:
    doc = index.documents[p.chunk.doc_id]
    s, e = span
    return Citation(n=n, guideline_id=p.meta.guideline_id, title=p.meta.title,
                    organization=p.meta.organization, year=p.meta.year, doi=p.meta.doi,
                    section=doc.section, heading=p.chunk.heading, quote=doc.text[s:e],
                    start=s, end=e, score=round(p.dense, 4))


def plain(quote: str) -> str:
    """Readable one-line text of a Markdown quote (the citation keeps the original)."""
    lines = [re.sub(r"^\s*(?:[-*•]|\d+[.)])\s+", "", ln).strip() for ln in quote.splitlines()]
    text = "; ".join(ln for ln in lines if ln)
    text = re.sub(r"\*\*|__|`", "", text)
    return re.sub(r";\s*;", ";", text).strip()


def answer(question: str, k: int = 5, filters: Filters | None = None,
           index: Index | None = None) -> CitedAnswer:
    from carepath.models.embeddings import embed_texts
    from carepath.knowledge.retriever import expand

    question = validate_question(question)
    index = index or get_index()
    passages = search(question, max(k, 5), filters, index)
    qvec = embed_texts([expand(question)])[0]
    if not passages or passages[0].dense < ABSTAIN_BELOW:
        near = [_citation(i + 1, p, index, (p.chunk.start, min(p.chunk.end, p.chunk.start + 300)))
                for i, p in enumerate(passages[:3])]
        return CitedAnswer(question=question, abstained=True, near_misses=near,
                           answer="No supporting guideline passage was found for this question. "
                                  "The closest passages are listed as not a match.")
    chosen = [passages[0]]
    for p in passages[1:k]:
        if len(chosen) >= 2:
            break
        if p.dense >= passages[0].dense - SECOND_WITHIN and p.chunk.heading != chosen[0].chunk.heading:
            chosen.append(p)
    citations = [_citation(i + 1, p, index, _quote_span(p, index, qvec)) for i, p in enumerate(chosen)]
    parts = []
    for c in citations:
        head = c.heading.split(" > ")[-1]
        body = plain(c.quote).rstrip(".;")
        source = " ".join(str(x) for x in (c.organization, c.year) if x) or c.guideline_id
        parts.append(f"{source}, {head}: {body} [{c.n}].")
    return CitedAnswer(question=question, answer=" ".join(parts), abstained=False, citations=citations)
