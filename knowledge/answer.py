"""Cited answers that a clinician can check in seconds.

Offline default: extractive. Retrieval ranks guideline chunks; the quotes
are whole recommendation units of the retrieved chunks (``quotes``), the
first from the top-ranked chunk, each ``document.text[start:end]`` exactly.
Whether to answer at all is a calibrated decision on the strength of that
evidence (``abstention``). When it abstains the closest passages are
returned as "not a match".

With a text model configured the model writes the answer from the numbered
passages only (``guideline_answer`` prompt) and :func:`check_sentences`
drops every sentence its cited passage does not support
(``carepath.knowledge.support``: numbers, doses, laterality, key terms).
"""

from __future__ import annotations

import re

import numpy as np

from pydantic import BaseModel, Field

from carepath.draft import Citation
from carepath.errors import BackendError, InputError
from carepath.knowledge import abstention, asked_quantity, quotes, retriever, spelling
from carepath.knowledge.index import Index
from carepath.knowledge.lexical import terms
from carepath.knowledge.foods import absent_foods
from carepath.knowledge.medicine_names import absent_medicines
from carepath.knowledge.populations import uncovered
from carepath.knowledge.retriever import Filters, Passage, Retrieval, expand, get_index, retrieve
from carepath.knowledge.technical import technical_words
from carepath.models.registry import get_generator
from carepath.models.vlm import GenerationRequest, TextPart
from carepath.prompting import get_template
from carepath.knowledge.support import supports

MAX_QUESTION = 2000
NEAR_MISS_CHARS = 300


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
    read_as: dict[str, str] = Field(default_factory=dict,
                                    description="typos of the question read as the guideline word (cirrosis: cirrhosis)")


def validate_question(q: str) -> str:
    q = (q or "").strip()
    if not q:
        raise InputError("empty question", fix='ask something, e.g. carepath ask "first-line therapy for CAP?"')
    if len(q) > MAX_QUESTION:
        raise InputError("question too long", why=f"{len(q)} characters (limit {MAX_QUESTION})",
                         fix="ask one focused question")
    return q


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
    lines = [ln for ln in lines if ln and not re.fullmatch(r"[\s:|-]+", ln)]
    text = "; ".join(re.sub(r"\s*\|\s*", ": ", ln, count=1).replace(" | ", ", ") for ln in lines)
    text = re.sub(r"\*\*|__|`", "", text)
    return re.sub(r"(;\s*)+", "; ", text).replace(":;", ":").strip()


def answer(question: str, k: int = 5, filters: Filters | None = None,
           index: Index | None = None) -> CitedAnswer:
    """The cited answer to one plain-text question (or an abstention)."""
    return answer_traced(question, k, filters, index)[0]


def _asked(question: str, index: Index) -> tuple[list[str], np.ndarray] | None:
    """Terms and vector of the asked sentences when a case is described first (``quotes.W_ASK``)."""
    ask = quotes.asked_part(question) if quotes.W_ASK else None
    if ask is None:
        return None
    text = expand(ask, index)
    return terms(text), index.encode([text])[0]


def answer_traced(question: str, k: int = 5, filters: Filters | None = None,
                  index: Index | None = None, unseen_source: str | None = None) -> tuple[CitedAnswer, Retrieval]:
    """:func:`answer` plus the retrieval it stood on (for the evaluation, which names the question's own
    file as ``unseen_source``: ``precedent`` then compares it with other authors' questions only)."""
    question = validate_question(question)
    index = index or get_index()
    asked, typos = spelling.corrected(question, index)  # searched and judged; the answer keeps the user's words
    r = retrieve(asked, max(k, quotes.CANDIDATE_CHUNKS), filters, index)
    qterms = terms(r.query)
    shown = r.passages[:quotes.CANDIDATE_CHUNKS]
    more = retriever.same_guideline(index, shown[0], r.qvec, {p.row for p in shown},
                                    quotes.SAME_GUIDELINE_CHUNKS) if shown else []
    cands = quotes.candidates(index, shown, more)
    quotes.score(index, cands, qterms, asked, r.qvec, _asked(asked, index))
    chosen = quotes.select(cands)
    if asks := quotes.parts(asked):  # "which cover, and what trough?": each ask gets its own quote
        chosen = quotes.cover_parts(cands, chosen, index.encode(asks))
    quote_texts = [index.documents[q.candidate.passage.chunk.doc_id].text[q.start:q.end] for q in chosen]
    quote_terms = set(terms(" ".join(f"{q.candidate.passage.chunk.heading} {t}" for q, t in zip(chosen, quote_texts))))
    # the guideline the answer would cite (the best retrieved one when nothing is quotable)
    cited = (chosen[0].candidate.passage if chosen else r.passages[0]).meta.guideline_id if r.passages else None
    signals = abstention.signals(index, r.passages, r.dense, r.lexical, qterms, quote_terms, asked,
                                 unit_cosine=max((c.cosine for c in cands if c.rank < len(shown)), default=0.0),
                                 cited=cited, precedent=_precedent(index, question, r, unseen_source))
    unstated = asked_quantity.unstated(index, asked, quote_texts)  # what is asked that no quote states
    signals["unstated_quantity"] = float(bool(unstated))
    abstain, p_unanswerable = abstention.should_abstain(signals)
    signals["p_unanswerable"] = round(p_unanswerable, 4)
    if not chosen or abstain:
        near = [_citation(i + 1, p, index, (p.chunk.start, min(p.chunk.end, p.chunk.start + NEAR_MISS_CHARS)),
                          p.dense) for i, p in enumerate(r.passages[:3])]
        return CitedAnswer(question=question, abstained=True, near_misses=near, signals=signals, read_as=typos,
                           answer=_abstention_text(index, asked, signals, cited, unstated)), r
    citations = [_citation(i + 1, q.candidate.passage, index, (q.start, q.end), q.candidate.score)
                 for i, q in enumerate(chosen)]
    extractive = CitedAnswer(question=question, answer=_extractive_text(citations), abstained=False,
                             citations=citations, signals=signals, read_as=typos)
    return _model_written(extractive, index) or extractive, r


def _precedent(index: Index, question: str, r: Retrieval, unseen_source: str | None) -> float | None:
    """How much closer the question is to earlier unanswerable questions than to answerable ones
    (``knowledge.precedent``, which stores the questions as typed); None when the index has no such
    memory (another corpus). Retrieval's vector is reused when its query is the question unchanged."""
    memory = index.precedent
    if memory is None:
        return None
    return memory.gap(r.qvec if r.query == question else index.encode([question])[0], exclude=unseen_source)


def _abstention_text(index: Index, question: str, signals: dict[str, float], cited: str | None,
                     unstated: list[str]) -> str:
    """Why the answer is withheld, in the clinician's terms where a rule decided it (a medicine no
    guideline names, a dose or duration no quote states, a patient group the closest guideline never
    addresses)."""
    why = ""
    if signals.get("absent_medicine") or signals.get("absent_food"):
        names = ", ".join([*absent_medicines(index, question), *absent_foods(index, question)])
        why = f"None of the indexed guidelines mentions {names}. "
    elif signals.get("unstated_quantity"):
        why = f"No passage found states {' or '.join(unstated)}. "
    elif signals.get("uncovered_group") and cited:
        title = next((d.meta.title for d in index.documents.values() if d.meta.guideline_id == cited), cited)
        why = f"The closest guideline ({title}) does not address {' or '.join(uncovered(index, question, cited))}. "
    return (f"{why}No supporting guideline passage was found for this question. "
            "The closest passages are listed as not a match.")


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


class SentenceCheck(BaseModel):
    text: str
    cited: list[int]
    supported: bool
    reason: str = ""


def check_sentences(text: str, passages: dict[int, str], min_overlap: float = 0.5,
                    index: Index | None = None) -> list[SentenceCheck]:
    """Each sentence must cite supplied passages and be supported by them
    (``carepath.knowledge.support.supports``: its numbers with units, laterality and
    negation words, terms specific in the corpus, most content words)."""
    key = technical_words(index) if index is not None else None
    out: list[SentenceCheck] = []
    for raw in _SENT.split(text.strip()):
        s = raw.strip()
        if not s:
            continue
        cited = [int(x) for m in _MARK.findall(s) for x in m.split(",")]
        if not cited:
            out.append(SentenceCheck(text=s, cited=[], supported=False, reason="no citation"))
            continue
        missing = [n for n in cited if n not in passages]
        if missing:
            out.append(SentenceCheck(text=s, cited=cited, supported=False,
                                     reason=f"cites passage(s) {missing} that were not supplied"))
            continue
        verdict = supports(_MARK.sub("", s), " ".join(passages[n] for n in cited),
                           min_overlap=min_overlap, is_key_word=key)
        out.append(SentenceCheck(text=s, cited=cited, supported=verdict.supported, reason=verdict.reason))
    return out


def _model_written(extractive: CitedAnswer, index: Index) -> CitedAnswer | None:
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
    checks = check_sentences(out.text, {c.n: c.quote for c in extractive.citations}, index=index)
    kept = [c.text for c in checks if c.supported]
    dropped = [f"{c.text} ({c.reason})" for c in checks if not c.supported]
    if not kept:  # nothing the passages support: the extractive answer stands, the rejection is shown
        return extractive.model_copy(update={"dropped_sentences": dropped})
    return extractive.model_copy(update={
        "answer": " ".join(kept), "backend": out.backend, "model": out.model,
        "template_id": prompt.template_id, "dropped_sentences": dropped})
