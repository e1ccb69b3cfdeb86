"""Which recommendation units of the retrieved chunks are quoted.

Candidates are the recommendation units (see ``chunking.units``) of the best
retrieved chunks and of the other chunks of the top chunk's guideline
(``retriever.same_guideline``): nothing is pulled in from another guideline,
so an answer never loses what retrieval found. The first quote is the best
unit of the top-ranked chunk; further quotes come from the other candidates
when they score nearly as well. A unit is scored by meaning (cosine of the unit
with its heading and lead-in line), by the question's terms it contains
(IDF-weighted), by its chunk's rank, and by whether it has the kind of
content the question asks for (a dose, a time, a threshold). A quote is a
verbatim span: the unit, grown over neighbouring units that score nearly as
well, with its lead-in line or its table's header row in front when that
still fits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from carepath.knowledge import thresholds
from carepath.knowledge.chunking import Unit
from carepath.knowledge.index import Index, unit_context
from carepath.knowledge.lexical import terms
from carepath.knowledge.retriever import Passage

# Chosen by a sweep on the TUNE split (all facts in answer + quotes, against
# quoted length): 5 quotes / 0.15 / 0.30 gave tune fact coverage 0.84 at ~1.7k
# quoted characters, against 0.70 at ~0.75k for the earlier 3 / 0.10 / 0.10.
CANDIDATE_CHUNKS = 8
MAX_QUOTE = 900
MAX_QUOTES = 5
# Re-swept on 2026-12-04 (late night) on the TUNE rows of a-x (no devset): 0.30/0.40/0.45/0.50 gave fact
# coverage 0.808/0.814/0.815/0.814 (0.811/0.817/0.818/0.818 before x's tune rows joined), recall, abstention
# and quotes per answer unchanged; quoted characters per answer 2115 -> 2292 (+8%). The smallest value on the
# plateau was taken, then TEST was read once.
EXPAND_MARGIN = 0.40      # neighbouring units this close to the best join its quote
# Re-swept on 2026-12-04 (night) on the TUNE rows of a-t (no devset): 0.15/0.25/0.35/0.50 gave fact
# coverage 0.809/0.818/0.819/0.819 at 4.33 → 4.65 quotes per answer for 0.25; recall and abstention
# unchanged; the smallest value on the plateau was taken, then TEST was read once.
SECOND_MARGIN = 0.25      # another quote only when nearly as good as the best
W_COSINE, W_TERMS, W_RANK, W_TYPE, W_NEGATED = 0.45, 0.25, 0.15, 0.08, 0.10
# A case's value falls in (or outside) the band the unit states (``thresholds``); swept on TUNE 0/0.04/0.08/
# 0.12/0.2: fact coverage 0.790/0.800/0.803/0.803/0.794, recall and abstention unchanged.
W_BAND = 0.08
# A case written before the question ("35-week pregnant woman, BP 150/100 and proteinuria. Which
# antihypertensive first?") pulls quotes towards units that restate the case. The asked sentences weigh
# this much of a unit's cosine and term coverage (the whole question the rest; retrieval still uses the
# whole question, which names the guideline). Swept on TUNE 0/0.2/0.3/0.4/0.5: fact coverage
# 0.844/0.849/0.849/0.846/0.844 (vignettes 0.727 -> 0.739), recall and abstention unchanged; reading the asked
# dose/time/threshold from the asked sentences only as well gave 0.846.
W_ASK = 0.3
# Units of the first quote's guideline count this much more when the first quote grows over its
# neighbours and when further quotes are chosen: a dose, duration or threshold that completes the
# answer is usually in the same guideline. Swept on TUNE 0/0.03/0.06/0.1: fact coverage
# 0.806/0.816/0.816/0.806 (the old dev set, also tuned on, 0.89/0.91/0.91/0.91); recall unchanged.
W_SAME_GUIDELINE = 0.03
# The other chunks of the top chunk's guideline are candidates too (``retriever.same_guideline``): 29 of
# the 40 TUNE rows whose first citation was right but a fact was missing had the fact in that guideline,
# outside the retrieved chunks. Swept on TUNE (the best 0/1/3/5/10/all such chunks; all chunks of the top
# two or three guidelines): fact coverage 0.829/0.839/0.845/0.848/0.858/0.858, top two or three 0.858;
# abstention unchanged. All of one guideline is the simplest rule with the full gain.
SAME_GUIDELINE_CHUNKS = 12
# A question that asks several things ("which gram-negative cover, and what vancomycin trough?") gets, for each
# ask, the unit of the first quote's guideline closest to it in meaning, as one more quote, when it scores within
# PART_MARGIN of the first quote (``parts``, ``cover_parts``). Swept on the TUNE rows of a-ah (2026-12-05): off /
# 0.1 / 0.3 / 0.5 / 1.0 gave fact coverage 0.801 / 0.804 / 0.807 / 0.806 / 0.806 (vignettes 0.718 -> 0.732);
# taking the last quote's place instead of adding one lost facts (0.798-0.799); recall and abstention unchanged.
# The smallest value on the plateau was taken, then TEST was read once.
PART_MARGIN = 0.3

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
_NEGATION = re.compile(r"\b(?:without|no|not|absence of|excluding)\s+(?:\*\*)?([\w-]+)", re.I)


_SENTENCE = re.compile(r"(?<=[.?!])\s+")


def asked_part(question: str) -> str | None:
    """The question sentences of a request that also describes a case, or
    None when it has no separate case description."""
    sentences = [s.strip() for s in _SENTENCE.split(question.strip()) if s.strip()]
    asked = [s for s in sentences if s.endswith("?")]
    if not asked or len(asked) == len(sentences):
        return None
    return " ".join(asked)


def question_types(q: str) -> list[str]:
    return [name for name, (ask, _) in QUESTION_TYPES.items() if ask.search(q)]


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


@dataclass
class Quote:
    candidate: Candidate
    start: int
    end: int


def candidates(index: Index, passages: list[Passage], more: list[Passage] | None = None) -> list[Candidate]:
    """The units of the best retrieved chunks, in rank order, then those of ``more``
    (the other chunks of the top chunk's guideline, ranked after them)."""
    out: list[Candidate] = []
    for rank, p in enumerate(passages[:CANDIDATE_CHUNKS] + list(more or [])):
        doc = index.documents[p.chunk.doc_id].text
        for order, ui in enumerate(index.units_of(p.row)):
            r = index.unit_rows[ui]
            out.append(Candidate(p, rank, Unit(start=r.start, end=r.end, lead=r.lead), order,
                                 doc[r.start:r.end], unit_context(p.chunk.heading, doc, r.start, r.end, r.lead),
                                 vector=index.unit_vecs[ui]))
    return out


def score(index: Index, cands: list[Candidate], question_terms: list[str], question: str,
          qvec: np.ndarray, asked: tuple[list[str], np.ndarray] | None = None) -> None:
    """``asked``: terms and vector of :func:`asked_part`, weighted ``W_ASK``."""
    types = question_types(question)
    values = thresholds.question_values(question)
    top = max((c.passage.score for c in cands), default=1.0) or 1.0
    bm25 = index.bm25
    for c in cands:
        c.cosine = float(c.vector @ qvec)
        unit_terms = set(terms(c.context + " " + c.passage.chunk.heading))
        c.coverage = bm25.coverage(question_terms, unit_terms)
        cosine, coverage = c.cosine, c.coverage
        if asked is not None and W_ASK:
            cosine = (1 - W_ASK) * cosine + W_ASK * float(c.vector @ asked[1])
            coverage = (1 - W_ASK) * coverage + W_ASK * bm25.coverage(asked[0], unit_terms)
        prior = max(c.passage.score, 0.0) / top
        bonus = sum(W_TYPE for t in types if QUESTION_TYPES[t][1].search(c.text))
        c.score = W_COSINE * cosine + W_TERMS * coverage + W_RANK * prior + bonus \
            - W_NEGATED * _negates(c.context, question) + W_BAND * thresholds.fit(c.context, values)


def _negates(text: str, question: str) -> float:
    """1 when the unit excludes something the question asks about ("without
    cholangitis" for a question about cholangitis) and the question itself
    does not negate it; cosine similarity is blind to this."""
    q = set(terms(question))
    if _NEGATION.search(question):
        return 0.0
    return float(any(set(terms(m.group(1))) & q for m in _NEGATION.finditer(text)))


def _span(cands: list[Candidate], best: Candidate, threshold: float,
          worth: Callable[[Candidate], float]) -> tuple[int, int]:
    """Grow the best unit over neighbouring units of its chunk that score
    nearly as well (a list of regimens is one quote), then put the lead-in
    line or the table header in front when the quote still fits."""
    same = sorted((c for c in cands if c.passage.chunk.chunk_id == best.passage.chunk.chunk_id),
                  key=lambda c: c.order)
    pos = next(i for i, c in enumerate(same) if c is best)
    lo = hi = pos
    grew = True
    while grew:
        grew = False
        for nxt in (hi + 1, lo - 1):
            if 0 <= nxt < len(same) and worth(same[nxt]) >= threshold:
                s, e = same[min(lo, nxt)].unit.start, same[max(hi, nxt)].unit.end
                if e - s <= MAX_QUOTE:
                    lo, hi = min(lo, nxt), max(hi, nxt)
                    grew = True
    start, end = same[lo].unit.start, same[hi].unit.end
    lead = same[lo].unit.lead
    if lead and lead[0] < start and end - lead[0] <= MAX_QUOTE:
        start = lead[0]
    return start, end


def _overlaps(quotes: list[Quote], c: Candidate, s: int, e: int) -> bool:
    return any(q.candidate.passage.chunk.doc_id == c.passage.chunk.doc_id and s < q.end and q.start < e
               for q in quotes)


def select(cands: list[Candidate]) -> list[Quote]:
    """The first quote from the top-ranked chunk, then up to ``MAX_QUOTES``
    in all from any candidate scoring within ``SECOND_MARGIN`` of it (units of
    the first quote's guideline counted ``W_SAME_GUIDELINE`` more)."""
    if not cands:
        return []
    top_rank = min(c.rank for c in cands)
    best = max((c for c in cands if c.rank == top_rank), key=lambda c: c.score)
    guideline = best.passage.meta.guideline_id

    def worth(c: Candidate) -> float:
        same = c is not best and c.passage.meta.guideline_id == guideline
        return c.score + (W_SAME_GUIDELINE if same else 0.0)

    s, e = _span(cands, best, best.score - EXPAND_MARGIN, worth)
    quotes = [Quote(best, s, e)]
    for c in sorted(cands, key=lambda c: -worth(c)):
        if len(quotes) >= MAX_QUOTES or worth(c) < best.score - SECOND_MARGIN:
            break
        if _overlaps(quotes, c, c.unit.start, c.unit.end):
            continue
        s, e = _span(cands, c, worth(c) - EXPAND_MARGIN / 2, worth)
        if not _overlaps(quotes, c, s, e):
            quotes.append(Quote(c, s, e))
    return quotes


_PART_SPLIT = re.compile(r"\?\s*|[,;]?\s+(?:and|also|plus|then)\s+(?=(?:what|which|how|when|is|are|should|do|does|can|"
                         r"at what|for how|any)\b)", re.I)


def parts(question: str) -> list[str]:
    """The separate asks of a question that asks several things ("What gram-negative cover, and what
    vancomycin trough?"): each sentence or clause of the asked part, three words or more; empty for one ask."""
    asked = asked_part(question) or question
    out = [p.strip() for p in _PART_SPLIT.split(asked) if p and len(p.split()) >= 3]
    return out if len(out) > 1 else []


def cover_parts(cands: list[Candidate], quotes: list[Quote], part_vecs: np.ndarray) -> list[Quote]:
    """Each ask of a several-part question gets the unit closest to it in meaning among the candidates of the
    first quote's guideline, when no quote holds it yet and it scores within ``PART_MARGIN`` of the first
    quote: one quote more per ask, past ``MAX_QUOTES`` (taking the last quote's place lost facts on TUNE)."""
    if not quotes:
        return quotes
    first = quotes[0].candidate
    pool = [c for c in cands if c.passage.meta.guideline_id == first.passage.meta.guideline_id
            and c.score >= first.score - PART_MARGIN]
    out = list(quotes)
    for pv in part_vecs:
        if not pool:
            break
        c = max(pool, key=lambda c: float(c.vector @ pv))
        if _overlaps(out, c, c.unit.start, c.unit.end):
            continue
        out.append(Quote(c, c.unit.start, c.unit.end))
    return out
