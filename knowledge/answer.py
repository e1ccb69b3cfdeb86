"""Cited answers that a clinician can check in seconds.

Offline default: extractive. Retrieval ranks guideline chunks; the answer is
then chosen at the level of quotable units (a bullet, a table row, a
sentence) inside the best chunks, scored by meaning (MiniLM cosine of the
unit with its heading and lead-in line), by the question's terms it contains
(IDF-weighted), by how its chunk ranked, and by whether it has the kind of
content the question asks for (a dose, a time, a threshold). Every quote is
``document.text[start:end]`` exactly.

Abstention is a calibrated decision on three signals that do not depend on a
single score: how close the best chunk is in meaning, how much of the
question's vocabulary the chosen evidence covers, and how much of it the
whole corpus has never seen ("dog", "psoriasis"). When it abstains the
closest passages are returned as "not a match".

With a text model configured the model writes the answer from the numbered
passages only (``guideline_answer`` prompt) and :func:`check_sentences`
drops every sentence whose citation does not support it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel, Field

from carepath.draft import Citation
from carepath.errors import InputError
from carepath.knowledge.chunking import Unit
from carepath.knowledge.index import Index, unit_context
from carepath.knowledge.lexical import terms
from carepath.knowledge.retriever import Filters, Passage, expand, get_index, search

MAX_QUESTION = 2000
CANDIDATE_CHUNKS = 8
UNIT_POOL = 12          # corpus-wide nearest units added as candidates
MAX_QUOTE = 700
MAX_QUOTES = 3
EXPAND_MARGIN = 0.10      # neighbouring units this close to the best join its quote
SECOND_MARGIN = 0.10      # another quote only when nearly as good as the best
W_COSINE, W_TERMS, W_RANK, W_TYPE, W_NEGATED = 0.45, 0.25, 0.15, 0.08, 0.10

# Abstention (see knowledge/eval.py --calibration): abstain when the evidence
# is weak in meaning AND in wording, or when the question hinges on words the
# corpus never uses.
ABSTAIN_DENSE = 0.42
ABSTAIN_SUPPORT = 0.55
ABSTAIN_UNKNOWN = 0.30


class CitedAnswer(BaseModel):
    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = Field(default_factory=list)
    near_misses: list[Citation] = Field(default_factory=list)
    backend: str = "extractive"
    model: str | None = None
    template_id: str | None = None
    dropped_sentences: list[str] = Field(default_factory=list,
                                         description="model sentences the post-check removed")
    signals: dict[str, float] = Field(default_factory=dict, description="abstention inputs")


def validate_question(q: str) -> str:
    q = (q or "").strip()
    if not q:
        raise InputError("empty question", fix='ask something, e.g. carepath ask "first-line therapy for CAP?"')
    if len(q) > MAX_QUESTION:
        raise InputError("question too long", why=f"{len(q)} characters (limit {MAX_QUESTION})",
                         fix="ask one focused question")
    return q


# --- question types --------------------------------------------------------

_NUM = r"\d+(?:[.,]\d+)?"
_RANGE = rf"{_NUM}(?:\s*(?:-|–|to)\s*{_NUM})?"
QUESTION_TYPES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "dose": (re.compile(r"\b(dose|dosing|how much|loading|mg)\b", re.I),
             re.compile(rf"{_RANGE}\s*(?:mg|g|mcg|µg|mL|units?|IU|mmol|mEq)\b", re.I)),
    "time": (re.compile(r"\b(when|how (soon|long|quickly|often|early|fast)|within|timing|duration|window)\b",
                        re.I),
             re.compile(rf"{_RANGE}\s*(?:hours?|hrs?|h|minutes?|min|days?|weeks?|months?|years?)\b"
                        r"|\b(immediately|urgent|emergency)\b", re.I)),
    "threshold": (re.compile(r"\b(at what|above what|below what|what (score|level|value|target|goal|"
                             r"threshold|ratio|count|rate|grade|bp|blood pressure|systolic|range)|how many)\b",
                             re.I),
                  re.compile(r"[<>≥≤]|\d")),
}


def question_types(q: str) -> list[str]:
    return [name for name, (ask, _) in QUESTION_TYPES.items() if ask.search(q)]


# --- candidate units -------------------------------------------------------

@dataclass
class Candidate:
    passage: Passage
    rank: int
    unit: Unit
    order: int          # position of the unit inside its chunk
    text: str
    context: str        # heading + lead-in + unit, what was embedded
    vector: np.ndarray
    cosine: float = 0.0
    coverage: float = 0.0
    score: float = 0.0


def _candidates(index: Index, passages: list[Passage], qvec: np.ndarray,
                filters: Filters | None = None) -> list[Candidate]:
    """Units of the best chunks, plus the units closest to the question
    anywhere in the corpus (a precise bullet can sit in a chunk whose other
    text ranked it low)."""
    from carepath.knowledge.retriever import passage_for

    chosen = {p.row: p for p in passages[:CANDIDATE_CHUNKS]}
    by_unit = index.unit_vecs @ qvec
    for ui in np.argsort(-by_unit)[:UNIT_POOL]:
        row = index.unit_rows[int(ui)].chunk
        if row not in chosen:
            p = passage_for(index, row, qvec)
            if filters is None or filters.accepts(p.meta):
                chosen[row] = p
    out: list[Candidate] = []
    for rank, p in enumerate(chosen.values()):
        doc = index.documents[p.chunk.doc_id].text
        for order, ui in enumerate(index.units_of(p.row)):
            r = index.unit_rows[ui]
            out.append(Candidate(p, rank, Unit(start=r.start, end=r.end, lead=r.lead), order,
                                 doc[r.start:r.end], unit_context(p.chunk.heading, doc, r.start, r.end, r.lead),
                                 vector=index.unit_vecs[ui]))
    return out


def _score(index: Index, cands: list[Candidate], question: str, qvec: np.ndarray) -> None:
    qterms = terms(expand(question))
    types = question_types(question)
    top = max((c.passage.score for c in cands), default=1.0) or 1.0
    bm25 = index.bm25
    for c in cands:
        c.cosine = float(c.vector @ qvec)
        c.coverage = bm25.coverage(qterms, set(terms(c.context + " " + c.passage.chunk.heading)))
        prior = max(c.passage.score, 0.0) / top
        bonus = sum(W_TYPE for t in types if QUESTION_TYPES[t][1].search(c.text))
        c.score = W_COSINE * c.cosine + W_TERMS * c.coverage + W_RANK * prior + bonus \
            - W_NEGATED * _negates(c.context, question)


_NEGATION = re.compile(r"\b(?:without|no|not|absence of|excluding)\s+(?:\*\*)?([\w-]+)", re.I)


def _negates(text: str, question: str) -> float:
    """1 when the unit excludes something the question asks about ("without
    cholangitis" for a question about cholangitis) and the question itself
    does not negate it; cosine similarity is blind to this."""
    q = set(terms(question))
    if _NEGATION.search(question):
        return 0.0
    return float(any(set(terms(m.group(1))) & q for m in _NEGATION.finditer(text)))


def _span(cands: list[Candidate], best: Candidate, threshold: float) -> tuple[int, int]:
    """Grow the best unit over neighbouring units of its chunk that score
    nearly as well (a list of regimens is one quote), then prepend the lead-in
    line when it sits right before and the quote still fits."""
    same = sorted((c for c in cands if c.passage.chunk.chunk_id == best.passage.chunk.chunk_id),
                  key=lambda c: c.order)
    pos = next(i for i, c in enumerate(same) if c is best)
    lo = hi = pos
    grew = True
    while grew:
        grew = False
        for nxt in (hi + 1, lo - 1):
            if 0 <= nxt < len(same) and same[nxt].score >= threshold:
                s, e = same[min(lo, nxt)].unit.start, same[max(hi, nxt)].unit.end
                if e - s <= MAX_QUOTE:
                    lo, hi = min(lo, nxt), max(hi, nxt)
                    grew = True
    start, end = same[lo].unit.start, same[hi].unit.end
    lead = same[lo].unit.lead
    if lead and lead[0] < start and end - lead[0] <= MAX_QUOTE:
        if len([c for c in same if lead[1] <= c.unit.start < start]) <= 2:
            start = lead[0]
    return start, end


# --- abstention ------------------------------------------------------------

def unknown_share(index: Index, question: str) -> float:
    """IDF-weighted share of the question's terms that no guideline uses."""
    bm25 = index.bm25

    def known(t: str) -> bool:  # "DVTs" is the plural of a known abbreviation
        return bm25.known(t) or (t.endswith("s") and bm25.known(t[:-1]))

    qt = [t for t in dict.fromkeys(terms(question)) if not t.isdigit()]
    total = sum(bm25.idf(t) for t in qt)
    return 0.0 if not total else sum(bm25.idf(t) for t in qt if not known(t)) / total


def should_abstain(signals: dict[str, float]) -> bool:
    if signals["unknown"] >= ABSTAIN_UNKNOWN:
        return True
    return signals["dense"] < ABSTAIN_DENSE and signals["support"] < ABSTAIN_SUPPORT


# --- the answer ------------------------------------------------------------

def _citation(n: int, p: Passage, index: Index, span: tuple[int, int], score: float) -> Citation:
    doc = index.documents[p.chunk.doc_id]
    s, e = span
    return Citation(n=n, guideline_id=p.meta.guideline_id, title=p.meta.title,
                    organization=p.meta.organization, year=p.meta.year, doi=p.meta.doi,
                    section=doc.section, heading=p.chunk.heading, quote=doc.text[s:e],
                    start=s, end=e, score=round(score, 4))


def plain(quote: str) -> str:
    """Readable one-line text of a Markdown quote (the citation keeps the original)."""
    lines = [re.sub(r"^\s*(?:[-*•>]|\d+[.)]|-->|→)\s*", "", ln).strip(" |") for ln in quote.splitlines()]
    text = "; ".join(re.sub(r"\s*\|\s*", ": ", ln, count=1).replace(" | ", ", ") for ln in lines if ln)
    text = re.sub(r"\*\*|__|`", "", text)
    return re.sub(r"(;\s*)+", "; ", text).replace(":;", ":").strip()


def answer(question: str, k: int = 5, filters: Filters | None = None,
           index: Index | None = None) -> CitedAnswer:
    from carepath.models.embeddings import embed_texts

    question = validate_question(question)
    index = index or get_index()
    qvec = embed_texts([expand(question)])[0]
    passages = search(question, max(k, CANDIDATE_CHUNKS), filters, index, qvec=qvec)
    cands = _candidates(index, passages, qvec, filters)
    _score(index, cands, question, qvec)
    ranked = sorted(cands, key=lambda c: -c.score)
    signals = {"dense": passages[0].dense if passages else 0.0,
               "support": ranked[0].coverage if ranked else 0.0,
               "unknown": unknown_share(index, question)}
    if not ranked or should_abstain(signals):
        near = [_citation(i + 1, p, index, (p.chunk.start, min(p.chunk.end, p.chunk.start + 300)), p.dense)
                for i, p in enumerate(passages[:3])]
        return CitedAnswer(question=question, abstained=True, near_misses=near, signals=signals,
                           answer="No supporting guideline passage was found for this question. "
                                  "The closest passages are listed as not a match.")
    best = ranked[0]
    spans: list[tuple[Candidate, tuple[int, int]]] = [(best, _span(cands, best, best.score - EXPAND_MARGIN))]
    for c in ranked[1:]:
        if len(spans) >= MAX_QUOTES or c.score < best.score - SECOND_MARGIN:
            break
        if any(c.passage.chunk.doc_id == o.passage.chunk.doc_id and s <= c.unit.start < e
               for o, (s, e) in spans):
            continue
        spans.append((c, _span(cands, c, c.score - EXPAND_MARGIN / 2)))
    # Drop quotes overlapping an earlier one, then number them in reading order of relevance.
    kept: list[tuple[Candidate, tuple[int, int]]] = []
    for c, (s, e) in spans:
        if not any(c.passage.chunk.doc_id == o.passage.chunk.doc_id and s < oe and os_ < e
                   for o, (os_, oe) in kept):
            kept.append((c, (s, e)))
    citations = [_citation(i + 1, c.passage, index, span, c.score) for i, (c, span) in enumerate(kept)]
    extractive = CitedAnswer(question=question, answer=_extractive_text(citations), abstained=False,
                             citations=citations, signals=signals)
    return _model_written(extractive) or extractive


def _extractive_text(citations: list[Citation]) -> str:
    parts = []
    for c in citations:
        head = c.heading.split(" > ")[-1]
        source = " ".join(str(x) for x in (c.organization, c.year) if x) or c.guideline_id
        parts.append(f"{source}, {head}: {plain(c.quote).rstrip('.;:')} [{c.n}].")
    return " ".join(parts)


# --- model-written answers and their post-check ----------------------------

_MARK = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[])")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


class SentenceCheck(BaseModel):
    text: str
    cited: list[int]
    supported: bool
    reason: str = ""


def check_sentences(text: str, passages: dict[int, str], min_overlap: float = 0.5) -> list[SentenceCheck]:
    """Each sentence must cite existing passages, every number it states must
    appear in them, and most of its content words too; otherwise it is
    flagged unsupported."""
    out: list[SentenceCheck] = []
    for raw in _SENT.split(text.strip()):
        s = raw.strip()
        if not s:
            continue
        cited = [int(x) for m in _MARK.findall(s) for x in m.split(",")]
        body = _MARK.sub("", s)
        if not cited:
            out.append(SentenceCheck(text=s, cited=[], supported=False, reason="no citation"))
            continue
        missing = [n for n in cited if n not in passages]
        if missing:
            out.append(SentenceCheck(text=s, cited=cited, supported=False,
                                     reason=f"cites passage(s) {missing} that were not supplied"))
            continue
        source = " ".join(passages[n] for n in cited)
        nums = set(_NUMBER.findall(body)) - set(_NUMBER.findall(source))
        if nums:
            out.append(SentenceCheck(text=s, cited=cited, supported=False,
                                     reason=f"numbers not in the cited passage: {sorted(nums)}"))
            continue
        words = {t for t in terms(body) if not t.isdigit()}
        src = set(terms(source))
        share = len(words & src) / len(words) if words else 1.0
        out.append(SentenceCheck(text=s, cited=cited, supported=share >= min_overlap,
                                 reason="" if share >= min_overlap else
                                 f"only {share:.0%} of its words are in the cited passage"))
    return out


def _model_written(extractive: CitedAnswer) -> CitedAnswer | None:
    from carepath.errors import BackendError
    from carepath.models.registry import get_generator
    from carepath.models.vlm import GenerationRequest, TextPart
    from carepath.prompting import get_template

    gen = get_generator("text")
    if gen is None:
        return None
    prompt = get_template("guideline_answer").render(
        question=extractive.question,
        passages=[{"n": c.n, "source": f"{c.organization or c.guideline_id} {c.year or ''}".strip(),
                   "heading": c.heading, "text": c.quote} for c in extractive.citations])
    try:
        out = gen.generate(GenerationRequest(content=[TextPart(text=prompt.text)],
                                             template_id=prompt.template_id, max_new_tokens=400))
    except BackendError:
        return None  # the extractive answer still stands, with the same citations
    checks = check_sentences(out.text, {c.n: c.quote for c in extractive.citations})
    kept = [c.text for c in checks if c.supported]
    if not kept:
        return None
    return extractive.model_copy(update={
        "answer": " ".join(kept), "backend": out.backend, "model": out.model,
        "template_id": prompt.template_id,
        "dropped_sentences": [f"{c.text} ({c.reason})" for c in checks if not c.supported]})
