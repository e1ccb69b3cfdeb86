"""``carepath eval retrieval``: how good the cited answers are, on a dev set
written by hand from the guideline texts (not from their headings).

Each answerable row names the guideline that answers it and the short facts
a correct answer must contain; unanswerable rows test abstention.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, Field

TARGETS = {"recall@1": 0.90, "answer_fact_coverage": 0.80, "abstention_unanswerable": 0.80,
           "citation_verbatim": 1.0}
MAX_FALSE_ABSTENTION = 0.05


class DevQuestion(BaseModel):
    question: str
    guideline_id: str | None = None
    facts: list[str] = Field(default_factory=list)
    answerable: bool = True
    kind: str = "paraphrase"


class EvalReport(BaseModel):
    n_answerable: int
    n_unanswerable: int
    guidelines: int
    recall_at_1: float
    recall_at_5: float
    mrr: float
    answer_fact_coverage: float
    abstention_unanswerable: float
    false_abstention: float
    citation_verbatim: float
    misses: list[dict[str, str]] = Field(default_factory=list)

    def figures(self) -> dict[str, float]:
        return {"recall@1": self.recall_at_1, "recall@5": self.recall_at_5, "mrr": self.mrr,
                "answer_fact_coverage": self.answer_fact_coverage,
                "abstention_unanswerable": self.abstention_unanswerable,
                "false_abstention": self.false_abstention,
                "citation_verbatim": self.citation_verbatim}

    def meets(self, name: str) -> bool:
        return self.figures()[name] >= TARGETS[name]

    def all_met(self) -> bool:
        return all(self.meets(n) for n in TARGETS) and self.false_abstention <= MAX_FALSE_ABSTENTION


def load_devset(path: Path | None = None) -> list[DevQuestion]:
    raw = (path.read_text("utf-8") if path else
           resources.files("carepath.knowledge").joinpath("data/devset.jsonl").read_text("utf-8"))
    return [DevQuestion.model_validate_json(line) for line in raw.splitlines() if line.strip()]


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9%<>=.]+", " ", s.lower()).strip()


def evaluate(path: Path | None = None, index: object | None = None) -> EvalReport:
    from carepath.knowledge.answer import answer
    from carepath.knowledge.retriever import get_index, search

    idx = index or get_index()
    rows = load_devset(path)
    answerable = [r for r in rows if r.answerable]
    unanswerable = [r for r in rows if not r.answerable]
    r1 = r5 = rr = facts_hit = false_abst = verbatim = quotes = 0
    abst = 0
    misses: list[dict[str, str]] = []
    for row in rows:
        a = answer(row.question, index=idx)  # type: ignore[arg-type]
        for c in a.citations + a.near_misses:
            quotes += 1
            doc = idx.documents.get(f"{c.guideline_id}/{c.section}")  # type: ignore[attr-defined]
            verbatim += int(doc is not None and doc.text[c.start:c.end] == c.quote)
        if not row.answerable:
            abst += int(a.abstained)
            if not a.abstained:
                misses.append({"question": row.question, "why": "answered an unanswerable question",
                               "got": a.citations[0].guideline_id if a.citations else ""})
            continue
        ids = [p.meta.guideline_id for p in search(row.question, 5, index=idx)]  # type: ignore[arg-type]
        if ids and ids[0] == row.guideline_id:
            r1 += 1
        if row.guideline_id in ids:
            r5 += 1
            rr += 1.0 / (ids.index(row.guideline_id) + 1)
        if a.abstained:
            false_abst += 1
            misses.append({"question": row.question, "why": "abstained", "got": ""})
            continue
        text = _norm(a.answer + " " + " ".join(c.quote for c in a.citations))
        if all(_norm(f) in text for f in row.facts):
            facts_hit += 1
        else:
            missing = [f for f in row.facts if _norm(f) not in text]
            misses.append({"question": row.question, "why": "missing facts: " + "; ".join(missing),
                           "got": a.citations[0].guideline_id})
    n_a, n_u = max(len(answerable), 1), max(len(unanswerable), 1)
    return EvalReport(
        n_answerable=len(answerable), n_unanswerable=len(unanswerable),
        guidelines=len({r.guideline_id for r in answerable}),
        recall_at_1=r1 / n_a, recall_at_5=r5 / n_a, mrr=rr / n_a,
        answer_fact_coverage=facts_hit / n_a, abstention_unanswerable=abst / n_u,
        false_abstention=false_abst / n_a, citation_verbatim=verbatim / max(quotes, 1),
        misses=misses)


