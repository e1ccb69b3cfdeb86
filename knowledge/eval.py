"""``carepath eval retrieval``: how good the cited answers are, on a dev set
written by hand from the guideline texts (not from their headings).

Each answerable row names the guideline that answers it and the short facts
a correct answer must contain (never words of the question itself);
unanswerable rows test abstention. The figures are also given for two fixed
halves of the dev set (split by a hash of the question): the answer weights
and abstention thresholds were tuned on the whole set, so similar figures on
both halves are the check that they were not fitted to single questions.
"""

from __future__ import annotations

import hashlib
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
    max_false_abstention: float = MAX_FALSE_ABSTENTION
    halves: dict[str, dict[str, float]] = Field(default_factory=dict)
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


class RowResult(BaseModel):
    question: str
    answerable: bool
    rank: int | None = None          # 1-based rank of the first chunk of the right guideline
    abstained: bool = False
    facts_ok: bool = False
    quotes: int = 0
    verbatim: int = 0
    got: str = ""
    missing: list[str] = Field(default_factory=list)


def load_devset(path: Path | None = None) -> list[DevQuestion]:
    raw = (path.read_text("utf-8") if path else
           resources.files("carepath.knowledge").joinpath("data/devset.jsonl").read_text("utf-8"))
    return [DevQuestion.model_validate_json(line) for line in raw.splitlines() if line.strip()]


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9%<>=.]+", " ", s.lower()).strip()


def half_of(question: str) -> str:
    return "half A" if hashlib.sha256(question.encode()).digest()[0] % 2 == 0 else "half B"


def run_row(row: DevQuestion, idx: object) -> RowResult:
    from carepath.knowledge.answer import answer
    from carepath.knowledge.retriever import search

    a = answer(row.question, index=idx)  # type: ignore[arg-type]
    res = RowResult(question=row.question, answerable=row.answerable, abstained=a.abstained)
    for c in a.citations + a.near_misses:
        res.quotes += 1
        doc = idx.documents.get(f"{c.guideline_id}/{c.section}")  # type: ignore[attr-defined]
        res.verbatim += int(doc is not None and doc.text[c.start:c.end] == c.quote)
    res.got = (a.citations or a.near_misses)[0].guideline_id if (a.citations or a.near_misses) else ""
    if not row.answerable:
        return res
    ids = [p.meta.guideline_id for p in search(row.question, 5, index=idx)]  # type: ignore[arg-type]
    res.rank = ids.index(row.guideline_id) + 1 if row.guideline_id in ids else None
    if not a.abstained:
        text = _norm(a.answer + " " + " ".join(c.quote for c in a.citations))
        res.missing = [f for f in row.facts if _norm(f) not in text]
        res.facts_ok = not res.missing
    return res


def aggregate(results: list[RowResult], rows: list[DevQuestion]) -> dict[str, float]:
    ans = [r for r in results if r.answerable]
    una = [r for r in results if not r.answerable]
    n_a, n_u = max(len(ans), 1), max(len(una), 1)
    quotes = sum(r.quotes for r in results)
    return {
        "recall@1": sum(r.rank == 1 for r in ans) / n_a,
        "recall@5": sum(r.rank is not None for r in ans) / n_a,
        "mrr": sum(1.0 / r.rank for r in ans if r.rank) / n_a,
        "answer_fact_coverage": sum(r.facts_ok for r in ans) / n_a,
        "abstention_unanswerable": sum(r.abstained for r in una) / n_u,
        "false_abstention": sum(r.abstained for r in ans) / n_a,
        "citation_verbatim": sum(r.verbatim for r in results) / max(quotes, 1),
    }


def evaluate(path: Path | None = None, index: object | None = None) -> EvalReport:
    from carepath.knowledge.retriever import get_index

    idx = index or get_index()
    rows = load_devset(path)
    results = [run_row(r, idx) for r in rows]
    f = aggregate(results, rows)
    halves = {}
    for h in ("half A", "half B"):
        part = [(res, row) for res, row in zip(results, rows) if half_of(row.question) == h]
        hf = aggregate([p[0] for p in part], [p[1] for p in part])
        halves[h] = {k: hf[k] for k in ("recall@1", "answer_fact_coverage", "abstention_unanswerable",
                                       "false_abstention")}
    misses = []
    for res, row in zip(results, rows):
        if not row.answerable and not res.abstained:
            misses.append({"question": row.question, "why": "answered an unanswerable question", "got": res.got})
        elif row.answerable and res.abstained:
            misses.append({"question": row.question, "why": "abstained", "got": res.got})
        elif row.answerable and res.rank != 1:
            misses.append({"question": row.question, "why": f"right guideline at rank {res.rank}",
                           "got": res.got})
        elif row.answerable and not res.facts_ok:
            misses.append({"question": row.question, "why": "missing facts: " + "; ".join(res.missing),
                           "got": res.got})
    answerable = [r for r in rows if r.answerable]
    return EvalReport(
        n_answerable=len(answerable), n_unanswerable=len(rows) - len(answerable),
        guidelines=len({r.guideline_id for r in answerable}),
        recall_at_1=f["recall@1"], recall_at_5=f["recall@5"], mrr=f["mrr"],
        answer_fact_coverage=f["answer_fact_coverage"], abstention_unanswerable=f["abstention_unanswerable"],
        false_abstention=f["false_abstention"], citation_verbatim=f["citation_verbatim"],
        halves=halves, misses=misses)
