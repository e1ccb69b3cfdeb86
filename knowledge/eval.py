"""``carepath eval retrieval``: how good the cited answers are on questions
nobody tuned on.

The questions (``data/eval/*.jsonl``) were written independently from the
guideline texts in five styles (clinician shorthand, case vignettes, patient
lay language, paraphrase, near-miss) with the facts a correct answer must
contain, and split into TUNE and TEST by a hash of the question text before
any tuning (``data/eval/check_questions.py`` recomputes the split). Every
weight, threshold and lexicon entry is fitted on TUNE rows only; the older
hand-written dev set (``data/devset.jsonl``), which earlier weights were tuned
on, joins TUNE and never TEST. Figures are reported per split and per style;
``--check`` fails when TEST misses a target or TUNE and TEST differ by more
than ``MARGIN`` (overfitting shows up as that gap). While tuning,
``--split tune`` runs and shows the TUNE rows only, so TEST is looked at once,
at the end. Figures are also given per question file (``by_source``): the TEST
rows of ``questions_d.jsonl`` were written after the a/b TEST split had been
looked at several times and before any output on them, and are frozen by a
digest in the checker, so they are the fresh, unworn part of TEST.

Facts are matched after the question checker's own normalisation (NFKC,
lower case, unicode dashes and ≥/≤ folded, whitespace collapsed) in the
answer text plus its quotes.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, Field

from carepath.knowledge import abstention
from carepath.knowledge.answer import answer_traced
from carepath.knowledge.index import Index
from carepath.knowledge.questions import DEVSET_PREFIX, EvalQuestion, load_questions, source_of  # noqa: F401 (the eval's API)
from carepath.knowledge.retriever import get_index

TARGETS = {"recall@1": 0.93, "recall@5": 0.98, "facts": 0.80, "abstention": 0.80, "verbatim": 1.0}
MAX_FALSE_ABSTENTION = 0.05
MARGIN = 0.07   # largest allowed |tune − test| on recall@1, recall@5, facts, abstention, false abstention


class RowResult(BaseModel):
    id: str
    split: str
    style: str
    answerable: bool
    first: str = ""                  # guideline of the first citation (or closest passage when abstained)
    top5: list[str] = Field(default_factory=list)
    abstained: bool = False
    facts_found: bool = False
    missing: list[str] = Field(default_factory=list)
    quotes: int = 0
    verbatim: int = 0
    signals: dict[str, float] = Field(default_factory=dict)
    guideline_id: str | None = None


class Figures(BaseModel):
    n_answerable: int
    n_unanswerable: int
    recall_at_1: float
    recall_at_5: float
    facts: float
    abstention: float
    false_abstention: float
    verbatim: float

    def as_dict(self) -> dict[str, float]:
        return {"recall@1": self.recall_at_1, "recall@5": self.recall_at_5, "facts": self.facts,
                "abstention": self.abstention, "false_abstention": self.false_abstention,
                "verbatim": self.verbatim}


class EvalReport(BaseModel):
    splits: dict[str, Figures]
    by_style: dict[str, dict[str, Figures]]
    by_source: dict[str, dict[str, Figures]] = Field(
        default_factory=dict, description="split -> question file (a, b, c, d) -> figures; d is the fresh TEST")
    margin: float = MARGIN
    gaps: dict[str, float] = Field(default_factory=dict)
    failures: list[str] = Field(default_factory=list, description="targets or margins missed on TEST")
    misses: list[dict[str, str]] = Field(default_factory=list, description="TUNE rows only")

    def all_met(self) -> bool:
        return not self.failures


@lru_cache(maxsize=1)
def _checker() -> object:
    """The question checker (stdlib script shipped beside the questions): one normalisation for both."""
    path = Path(str(resources.files("carepath.knowledge").joinpath("data/eval/check_questions.py")))
    spec = importlib.util.spec_from_file_location("carepath_eval_check_questions", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def normalise(text: str) -> str:
    return _checker().normalise(text)  # type: ignore[attr-defined]


def run_row(row: EvalQuestion, idx: Index) -> RowResult:
    a, r = answer_traced(row.question, index=idx, unseen_source=source_of(row.id))  # as an unseen author
    res = RowResult(id=row.id, split=row.split, style=row.style, answerable=row.answerable,
                    abstained=a.abstained, signals=a.signals, guideline_id=row.guideline_id)
    for c in a.citations + a.near_misses:
        res.quotes += 1
        doc = idx.documents.get(f"{c.guideline_id}/{c.section}")
        res.verbatim += int(doc is not None and doc.text[c.start:c.end] == c.quote)
    shown = a.citations or a.near_misses
    res.first = shown[0].guideline_id if shown else ""
    res.top5 = list(dict.fromkeys(p.meta.guideline_id for p in r.passages[:5]))
    if row.answerable and a.citations:
        text = normalise(a.answer + " " + " ".join(c.quote for c in a.citations))
        res.missing = [f for f in row.facts if normalise(f) not in text]
        res.facts_found = not res.missing
    return res


def figures(results: list[RowResult], decide: Callable[[RowResult], bool] | None = None) -> Figures:
    """Metrics of a group; ``decide`` re-decides abstention from stored signals (after a refit)."""
    def abst(r: RowResult) -> bool:
        return decide(r) if decide else r.abstained

    ans = [r for r in results if r.answerable]
    una = [r for r in results if not r.answerable]
    n_a, n_u = max(len(ans), 1), max(len(una), 1)
    return Figures(
        n_answerable=len(ans), n_unanswerable=len(una),
        recall_at_1=sum(r.first == r.guideline_id for r in ans) / n_a,
        recall_at_5=sum(r.guideline_id in r.top5 for r in ans) / n_a,
        facts=sum(r.facts_found and not abst(r) for r in ans) / n_a,
        abstention=sum(abst(r) for r in una) / n_u,
        false_abstention=sum(abst(r) for r in ans) / n_a,
        verbatim=sum(r.verbatim for r in results) / max(sum(r.quotes for r in results), 1))


def _group(r: RowResult) -> str:
    """TUNE and TEST of the question files; the old dev set is its own TUNE group
    (other authors, mostly off-topic unanswerables), so tune/test gaps compare like with like."""
    return "devset" if r.id.startswith(DEVSET_PREFIX) else r.split


def source(r: RowResult) -> str:
    """The question file a row came from ("a" for questions_a.jsonl, ...), from its id prefix."""
    return source_of(r.id)


def _breakdown(results: list[RowResult], groups: list[str], key: Callable[[RowResult], str],
               decide: Callable[[RowResult], bool] | None) -> dict[str, dict[str, Figures]]:
    return {g: {k: figures([r for r in results if _group(r) == g and key(r) == k], decide)
                for k in sorted({key(r) for r in results if _group(r) == g})}
            for g in groups}


def report(results: list[RowResult], decide: Callable[[RowResult], bool] | None = None) -> EvalReport:
    groups = [g for g in ("tune", "test", "devset") if any(_group(r) == g for r in results)]
    splits = {g: figures([r for r in results if _group(r) == g], decide) for g in groups}
    by_style = _breakdown(results, groups, lambda r: r.style, decide)
    by_source = _breakdown(results, groups, source, decide)
    tune_misses = _misses([r for r in results if r.split == "tune"], decide)  # never TEST rows
    if "test" not in splits:  # a tune-only run (``--split tune`` while tuning): no targets, no gaps
        return EvalReport(splits=splits, by_style=by_style, by_source=by_source, misses=tune_misses)
    empty = Figures(n_answerable=0, n_unanswerable=0, recall_at_1=0, recall_at_5=0, facts=0, abstention=0,
                    false_abstention=0, verbatim=0)
    tune, test = splits.get("tune", empty).as_dict(), splits.get("test", empty).as_dict()
    gaps = {k: round(abs(tune[k] - test[k]), 4) for k in ("recall@1", "recall@5", "facts", "abstention",
                                                         "false_abstention")}
    failures = [f"test {k} {test[k]:.3f} < {v}" for k, v in TARGETS.items() if test[k] < v]
    if test["false_abstention"] > MAX_FALSE_ABSTENTION:
        failures.append(f"test false_abstention {test['false_abstention']:.3f} > {MAX_FALSE_ABSTENTION}")
    failures += [f"|tune − test| {k} {g:.3f} > {MARGIN}" for k, g in gaps.items() if g > MARGIN]
    return EvalReport(splits=splits, by_style=by_style, by_source=by_source, gaps=gaps, failures=failures,
                      misses=tune_misses)


def _misses(results: list[RowResult], decide: Callable[[RowResult], bool] | None) -> list[dict[str, str]]:
    out = []
    for r in results:
        abst = decide(r) if decide else r.abstained
        if not r.answerable and not abst:
            out.append({"id": r.id, "why": "answered an unanswerable question", "got": r.first})
        elif r.answerable and abst:
            out.append({"id": r.id, "why": "abstained", "got": r.first})
        elif r.answerable and r.first != r.guideline_id:
            out.append({"id": r.id, "why": f"first citation should come from {r.guideline_id}", "got": r.first})
        elif r.answerable and not r.facts_found:
            out.append({"id": r.id, "why": "missing facts: " + "; ".join(r.missing), "got": r.first})
    return out


def tune_rows() -> list[EvalQuestion]:
    """The TUNE rows only: what every weight, threshold and lexicon choice may be measured on."""
    return [r for r in load_questions() if r.split == "tune"]


def run(index: Index | None = None, rows: list[EvalQuestion] | None = None) -> list[RowResult]:

    idx = index or get_index()
    return [run_row(r, idx) for r in (rows if rows is not None else load_questions())]


def evaluate(index: Index | None = None, rows: list[EvalQuestion] | None = None) -> EvalReport:
    return report(run(index, rows))


def fit_abstention(results: list[RowResult], save: bool = True) -> abstention.AbstentionModel:
    """Fit the abstention model on the TUNE rows' signals (never TEST)."""
    tune = [r for r in results if r.split == "tune"]
    m = abstention.fit([(r.signals, r.answerable) for r in tune],
                       fitted_on=f"tune split: {sum(r.answerable for r in tune)} answerable + "
                                 f"{sum(not r.answerable for r in tune)} unanswerable questions")
    m.fitted_sources = sorted({source(r) for r in tune})
    if save:
        abstention.save(m)
    return m
