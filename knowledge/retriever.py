"""Hybrid guideline retrieval: dense (MiniLM + FAISS) and lexical (BM25)
rankings fused by reciprocal rank, abbreviation- and lay-term-aware (cited
lexicon: ``lay_terms``), with optional filters;
exposed as a plain function and a LangChain ``BaseRetriever``; the agent
tool ``guideline_search`` is declared once, in the tool registry
(``carepath.integrations.agent_tools``), which calls :func:`search_tool_fn`."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, Field

from carepath.knowledge.abbreviations import shipped as shipped_abbreviations
from carepath.knowledge.chunking import Chunk
from carepath.knowledge.corpus import GuidelineMeta
from carepath.knowledge.index import Index, default_index_dir, load_or_build
from carepath.knowledge.lay_terms import expand as expand_lay
from carepath.knowledge.spelling import other_spellings
from carepath.knowledge.wordnet import expand as wordnet_synonyms

RRF_K = 60
POOL = 60
W_DENSE, W_LEXICAL = 0.7, 0.3
# Guideline agreement: a chunk whose guideline also supplies others of the best few chunks gains
# W_GUIDELINE x (share of the best GUIDELINE_TOP chunks from its guideline). One strong chunk of an
# off-topic guideline (a perioperative aspirin line for "aspirin + brain bleed") no longer outranks the
# guideline that several good chunks come from. Chosen on the TUNE split only (sum/count/second-best
# aggregates x top 5/10/20 x 0.05-0.3): recall@1 0.912 -> 0.929; 20 random half splits of TUNE
# (choose on one half, score the other) gave a held-out gain of +0.011 (-0.005 to +0.029).
W_GUIDELINE, GUIDELINE_TOP = 0.1, 5
SPELLINGS = True   # add the corpus's British/American spelling of a question word (``spelling``)
WORDNET = True     # add the corpus's WordNet synonyms of phrases it never uses (``wordnet``)


class Filters(BaseModel):
    organization: str | None = None
    year_min: int | None = None
    year_max: int | None = None
    guideline_id: str | None = None

    def accepts(self, meta: GuidelineMeta) -> bool:
        if self.guideline_id and meta.guideline_id != self.guideline_id:
            return False
        if self.organization and self.organization.lower() not in (meta.organization or "").lower():
            return False
        if self.year_min and (meta.year or 0) < self.year_min:
            return False
        return not (self.year_max and (meta.year or 9999) > self.year_max)


class Passage(BaseModel):
    row: int = Field(description="chunk row in the index")
    chunk: Chunk
    meta: GuidelineMeta
    section: str
    dense: float
    lexical: float
    fused: float
    score: float = 0.0


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """The shipped list, each entry sourced (see ``knowledge.abbreviations``)."""
    return {e.abbr: e.expansion for e in shipped_abbreviations()}


def expand(query: str, index: Index | None = None, *, lay: bool = True) -> str:
    """Append the corpus's spelling of words it knows only spelt the other way
    (British / American, ``spelling``), expansions of abbreviations present as
    whole words (the shipped list first, then the ones the indexed corpus
    defines itself), then the
    clinical terms of lay words and brand names (``lay_terms``; ``lay=False``
    to measure without them), then the corpus's WordNet synonyms of phrases it
    never uses (``wordnet``, with ``lay``)."""
    if lay:
        base = expand(query, index, lay=False)
        more = expand_lay(query)[len(query):]
        found = [w for w in wordnet_synonyms(query, index.wordnet) if w not in (base + more).lower()] \
            if index is not None and WORDNET else []
        return base + more + (f" ({'; '.join(found)})" if found else "")
    table = {**(index.abbreviations if index is not None else {}), **abbreviations()}
    extra: list[str] = other_spellings(query, index) if index is not None and SPELLINGS else []
    words = set(re.findall(r"[A-Za-z0-9]+", query))
    for abbr, full in table.items():
        if set(re.findall(r"[A-Za-z0-9]+", abbr)) <= words and full.lower() not in query.lower() \
                and full not in extra and re.search(rf"(?<![A-Za-z0-9]){re.escape(abbr)}(?![A-Za-z0-9])", query):
            extra.append(full)
    return query if not extra else f"{query} ({'; '.join(extra)})"


_INDEX: dict[str, Index] = {}
_INDEX_LOCK = threading.Lock()


def get_index(path: Path | None = None) -> Index:
    """The process-wide index for ``path``; concurrent first callers (a burst of
    HTTP requests) wait for one load instead of each loading a copy."""
    key = str(path or default_index_dir())
    if key not in _INDEX:
        with _INDEX_LOCK:
            if key not in _INDEX:
                _INDEX[key] = load_or_build(Path(key))
    return _INDEX[key]


@dataclass
class Retrieval:
    """One question's retrieval: fused passages and the two rankings they came from."""

    query: str                        # the question with abbreviation and lay-term expansions appended
    qvec: np.ndarray
    passages: list[Passage]
    dense: list[tuple[int, float]]    # (chunk row, cosine), best first
    lexical: list[tuple[int, float]]  # (chunk row, BM25), best first


def retrieve(question: str, k: int = 5, filters: Filters | None = None, index: Index | None = None,
             *, qvec: np.ndarray | None = None, lay: bool = True) -> Retrieval:
    """Dense and BM25 pools fused by reciprocal rank, then reranked on the
    cosine with a lexical tie-breaker (BM25 alone over-rewards repeated
    terms; cosine alone misses exact drug names and scores)."""
    index = index or get_index()
    q = expand(question, index, lay=lay)
    qv = index.encode([q])[0] if qvec is None else qvec
    pool = POOL if not filters else min(len(index.chunks), POOL * 20)
    dense = index.dense(qv, pool)
    lex = index.lexical(q, pool)
    fused: dict[int, float] = {}
    for ranking in (dense, lex):
        for rank, (i, _) in enumerate(ranking):
            fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + rank + 1)
    dmap, lmap = dict(dense), dict(lex)
    lmax = max(lmap.values(), default=1.0) or 1.0
    out: list[Passage] = []
    for i, f in sorted(fused.items(), key=lambda kv: -kv[1]):
        chunk = index.chunks[i]
        meta = index.meta(chunk)
        if filters and not filters.accepts(meta):
            continue
        d = dmap.get(i)
        if d is None:
            d = float(index.vectors[i] @ qv)
        lx = lmap.get(i, 0.0) / lmax
        out.append(Passage(row=i, chunk=chunk, meta=meta, section=index.documents[chunk.doc_id].section,
                           dense=d, lexical=lx, fused=f, score=W_DENSE * d + W_LEXICAL * lx * max(d, 0.0)))
    out.sort(key=lambda p: -p.score)
    _guideline_agreement(out)
    return Retrieval(query=q, qvec=qv, passages=out[:k], dense=dense, lexical=lex)


def _guideline_agreement(passages: list[Passage]) -> None:
    """Put first the best of the top ``GUIDELINE_TOP`` chunks once the guideline-agreement bonus
    (``W_GUIDELINE``) is counted; the rest keep their order, so the best five stay the same five."""
    top = passages[:GUIDELINE_TOP]
    gids = [p.meta.guideline_id for p in top]
    best = max(top, key=lambda p: p.score + W_GUIDELINE * gids.count(p.meta.guideline_id) / GUIDELINE_TOP,
               default=None)
    if best is not None and best is not passages[0]:
        passages.remove(best)
        passages.insert(0, best)


def same_guideline(index: Index, top: Passage, qvec: np.ndarray, exclude: set[int], limit: int) -> list[Passage]:
    """The ``limit`` other chunks of ``top``'s guideline closest to the question, scored as dense-only passages.

    Why: the chunk that retrieval ranks first is usually the right guideline but often not the
    chunk that holds the rest of the answer (the dose under the next heading, the response to a
    score in another section). Quotes may come from these chunks too; never from another guideline.
    """
    rows = np.array([i for i in index.chunks_of(top.meta.guideline_id) if i not in exclude], dtype=int)
    if not rows.size or limit <= 0:
        return []
    dense = np.einsum("ij,j->i", index.vectors[rows], qvec.astype(np.float32))
    best = np.argsort(-dense, kind="stable")[:limit]
    out = []
    for i, d in zip(rows[best], dense[best]):
        chunk = index.chunks[int(i)]
        out.append(Passage(row=int(i), chunk=chunk, meta=top.meta, section=index.documents[chunk.doc_id].section,
                           dense=float(d), lexical=0.0, fused=0.0, score=W_DENSE * float(d)))
    return out


def search(query: str, k: int = 5, filters: Filters | None = None,
           index: Index | None = None, *, qvec: np.ndarray | None = None) -> list[Passage]:
    """The ``k`` best passages for ``query`` (see :func:`retrieve`)."""
    return retrieve(query, k, filters, index, qvec=qvec).passages


def search_tool_fn(query: str, k: int = 5, organization: str | None = None,
                   guideline_id: str | None = None) -> list[dict[str, Any]]:
    """JSON-able passages for the agent tool registry's ``guideline_search``."""
    hits = search(query, k, Filters(organization=organization, guideline_id=guideline_id))
    return [{"guideline_id": p.meta.guideline_id, "title": p.meta.title,
             "organization": p.meta.organization, "year": p.meta.year, "doi": p.meta.doi,
             "section": p.section, "heading": p.chunk.heading, "text": p.chunk.text,
             "start": p.chunk.start, "end": p.chunk.end, "score": round(p.dense, 4)} for p in hits]


def as_retriever(k: int = 5) -> Any:
    # heavy: langchain_core (~0.5 s), only for LangChain hosts
    from langchain_core.documents import Document as LCDocument
    from langchain_core.retrievers import BaseRetriever

    class GuidelineRetriever(BaseRetriever):
        """LangChain retriever over carepath's guideline index."""

        k: int = 5

        def _get_relevant_documents(self, query: str, *, run_manager: Any = None) -> list[LCDocument]:
            return [LCDocument(page_content=p.chunk.text, metadata={
                "guideline_id": p.meta.guideline_id, "title": p.meta.title,
                "organization": p.meta.organization, "year": p.meta.year, "doi": p.meta.doi,
                "section": p.section, "heading": p.chunk.heading, "start": p.chunk.start,
                "end": p.chunk.end, "score": p.dense}) for p in search(query, self.k)]

    return GuidelineRetriever(k=k)


