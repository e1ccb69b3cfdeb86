"""When to withhold a guideline answer: a calibrated decision on evidence strength.

Features are measured on what retrieval found, never on how unusual the
question's words are: the dense cosine of the best chunk, the best BM25
score per query term, whether the dense and lexical rankings agree on the
guideline (top-1 and top-5 overlap), and how much of the question's
*clinical* vocabulary (terms the corpus uses, after abbreviation expansion)
the best chunks and the chosen quote contain. A term the corpus never uses
(a lay word, an unknown abbreviation) is left out of the coverage
denominators, so it can never by itself make carepath abstain.

``specific_missing`` reads the question against the top guideline: the
IDF-weighted share of the question's *technical* words (``technical``: three
or more general-English WordPiece pieces, so "doctor", "tummy" and "kinda"
never count; abbreviations the shipped list or the corpus defines never
count; lay words and brand names the cited lexicon ``lay_terms`` maps never
count either: their clinical expansion is in the query instead; nor does a word
the corpus writes the other way, British or American, ``spelling.variants``:
"haematemesis" is its "hematemesis" -- chosen on TUNE, false abstention
0.034 -> 0.030 with abstention unchanged, then read once on TEST, false
abstention 0.044 -> 0.039, facts 0.798 -> 0.801) that the top
guideline's text never uses. A drug, device or procedure
no retrieved guideline mentions (dronedarone, Watchman, plasmapheresis) is
what an on-topic question the corpus does not cover looks like. Added after
a 5-fold cross-validation on TUNE (10 shuffles): near-miss abstention
0.08 → 0.28 and false abstention 0.037 → 0.035 (lay 0.10 → 0.05); counting
only words the corpus knows gave 0.11, so most of the signal is the
corpus-absent technical word.

``absent_medicine`` (1 when the question names a medicine, by its WHO INN
stem, that no chunk uses; ``medicine_names``) is not a model feature but a
rule applied after it: chosen on TUNE (abstention 0.474 -> 0.511, false
abstention unchanged at 0.024), TEST rows never looked at while choosing.
``uncovered_group`` (1 when the question is about a child or a pregnancy the
cited guideline never mentions; ``populations``) is a second such rule, also
chosen on TUNE (0.511 -> 0.562, false abstention unchanged at 0.024).
``absent_food`` (1 when the asked sentences name a food or a plant, by WordNet's
noun.food and noun.plant, that no chunk uses; ``foods``) is another, chosen on
TUNE (0.510 -> 0.568, false abstention 0.030 -> 0.033), then read once on TEST
(0.475 -> 0.532, false abstention 0.042 -> 0.044).
``unstated_quantity`` (1 when the question asks a dose or a duration of a
named medicine and no quote states one beside its name; ``asked_quantity``)
is a third, set by ``answer`` once the quotes are chosen.

``specific_absent_corpus`` is the share of those technical words that NO
guideline uses (a drug only another guideline covers does not count), and
``unit_cosine`` the best cosine between the question and a single
recommendation unit of the retrieved chunks (finer than the chunk cosine).
Both were kept after the same cross-validation on TUNE, with 82 extra
TUNE-only questions (``data/eval/questions_c.jsonl``: 41 lay, 41 near-miss);
the fitting method is stored in ``data/abstention.json`` (``method``).

``precedent`` (``knowledge.precedent``) is how much closer the question is, by meaning, to earlier TUNE
questions the guidelines could not answer than to those they could (mean cosine of the 3 nearest of
each). Near-miss questions are on-topic and no word-based signal told them apart, but their topics recur
across authors (flying, driving, saunas, fasting, supplements, another drug of the class). Chosen by
leave-one-question-file-out cross-validation on TUNE (each file's rows scored by a model fitted on the
other files, and compared with the other files' questions only): held-out abstention 0.537 -> 0.848 at
false abstention 0.040 -> 0.039. Refit on TUNE (abstention 0.533 -> 0.842, false abstention 0.039 ->
0.037), then read once on TEST, where every row is compared with other authors' questions only:
abstention 0.482 -> 0.824, false abstention 0.045 -> 0.032, facts 0.800 -> 0.812.

The model is a logistic regression (scikit-learn) fitted on the TUNE split
of the evaluation questions only (``carepath eval retrieval --fit``); the
decision threshold is the lowest P(unanswerable) at which the tune split's
false-abstention rate stays at or below ``TARGET_FALSE`` (it abstains as
often as that allows, with headroom under the 0.05 target). Coefficients, scaling, threshold and what they were fitted on
are stored in ``data/abstention.json``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field

from carepath.errors import ConfigError
from carepath.knowledge.index import Index
from carepath.knowledge.foods import absent_foods
from carepath.knowledge.lay_terms import strip as strip_lay
from carepath.knowledge.lexical import terms
from carepath.knowledge.medicine_names import absent_medicines
from carepath.knowledge.populations import uncovered
from carepath.knowledge.retriever import Passage, abbreviations
from carepath.knowledge.spelling import variants_known
from carepath.knowledge.technical import technical_words

FEATURES = ("dense", "dense_gap", "lexical", "agree_top1", "agree_top5", "coverage_top", "coverage_best3",
            "coverage_quote", "coverage_guideline", "uncovered_max_idf", "specific_missing",
            "specific_absent_corpus", "unit_cosine", "precedent")
# Rules applied after the model (1.0 withholds whatever it says): see should_abstain.
RULES = ("absent_medicine", "absent_food", "unstated_quantity", "uncovered_group")
TARGET_FALSE = 0.03
REGULARISATION = 1.0   # scikit-learn's C (inverse L2 strength); 0.1 was no better in the cross-validation
METHOD = ("scikit-learn LogisticRegression (L2, C=1.0, class_weight=balanced) on standardised features of the "
          "TUNE rows only (questions_a/b rows the frozen hash puts in tune, the tune-only questions_c.jsonl, and the "
          "old dev set); threshold = lowest P(unanswerable) at which the tune false-abstention rate is <= "
          "TARGET_FALSE 0.03. Features chosen by 10x repeated stratified 5-fold cross-validation on TUNE "
          "(specific_absent_corpus and unit_cosine kept: held-out near-miss abstention 0.32 -> 0.35 at the same "
          "held-out false abstention 0.036-0.038; agreement of the top-3 chunks, technical words missing from "
          "the top-3 chunks and an asked-for dose/time/threshold missing from the quote were tried and dropped: "
          "no gain). Refit the same way after the cited lay-term/brand-name lexicon (lay_terms) joined query expansion "
          "and left lay words and brand names out of the technical-word features. Refit again with the TUNE rows of "
          "questions_d.jsonl (a fifth author-independent file whose frozen TEST rows are the fresh test); on it, "
          "leave-one-question-file-out checks on TUNE (train on the other files, score one) were also used to reject "
          "features that only fit one author's style: words of the question missing from the top guideline (any "
          "corpus word, rare words, with a stop-word filter), co-occurrence of the question's most specific terms in "
          "one chunk, leave-one-word-out dense support, question length and 2-piece technical words all gave <= 0.02 "
          "or negative held-out gains. precedent (knowledge.precedent: closeness to earlier unanswerable TUNE "
          "questions against answerable ones, each row compared with other question files only) was added on the "
          "same leave-one-question-file-out check (held-out abstention 0.537 -> 0.848, false abstention 0.040 -> "
          "0.039). TEST rows never enter the fit or the feature choice.")


class AbstentionModel(BaseModel):
    features: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    threshold: float = Field(description="abstain when P(unanswerable) >= threshold")
    fitted_on: str = ""
    fitted_sources: list[str] = Field(
        default_factory=list, description="question files (a, b, …, devset) whose TUNE rows it was fitted on: "
                                          "a file added later is measured by the model, not fitted on")
    method: str = Field(default="", description="how the model was fitted and its features chosen")
    tune_false_abstention: float = 0.0
    tune_abstention: float = 0.0

    def probability(self, signals: dict[str, float]) -> float:
        """P(unanswerable); a feature the index cannot give (``precedent`` of another corpus) takes its
        fitted mean, so it weighs nothing."""
        x = (np.array([signals.get(f, m) for f, m in zip(self.features, self.mean)]) - np.array(self.mean)) / np.array(self.scale)
        return float(1.0 / (1.0 + np.exp(-(x @ np.array(self.coef) + self.intercept))))


def _path() -> Path:
    return Path(str(resources.files("carepath.knowledge").joinpath("data/abstention.json")))


@lru_cache(maxsize=1)
def model() -> AbstentionModel | None:
    p = _path()
    return AbstentionModel.model_validate_json(p.read_text("utf-8")) if p.is_file() else None


def known_terms(index: Index, question_terms: list[str]) -> list[str]:
    bm25 = index.bm25

    def known(t: str) -> bool:  # "DVTs" is the plural of a known abbreviation
        return bm25.known(t) or (t.endswith("s") and bm25.known(t[:-1]))

    return [t for t in dict.fromkeys(question_terms) if not t.isdigit() and known(t)]


def signals(index: Index, passages: list[Passage], dense: list[tuple[int, float]],
            lexical: list[tuple[int, float]], qterms: list[str], quote_terms: set[str],
            question: str = "", unit_cosine: float = 0.0, cited: str | None = None,
            precedent: float | None = None) -> dict[str, float]:
    """The features of one question (see the module docstring); ``precedent`` is left out when the index
    has no memory of earlier questions (``knowledge.precedent``)."""
    bm25 = index.bm25
    known = known_terms(index, qterms)

    def gid(row: int) -> str:
        return index.chunks[row].doc_id.split("/")[0]

    def cover(text_terms: set[str]) -> float:
        return bm25.coverage(known, text_terms) if known else 0.0

    chunk_terms = [set(terms(f"{p.meta.title} {p.chunk.heading} {p.chunk.text}")) for p in passages[:3]]
    near = set().union(*chunk_terms) if chunk_terms else set()
    top_idf = bm25.idf("\x00never-a-term")  # the IDF of a term no chunk uses: the scale
    d5 = {gid(i) for i, _ in dense[:5]}
    l5 = {gid(i) for i, _ in lexical[:5]}
    return ({} if precedent is None else {"precedent": precedent}) | {
        "dense": passages[0].dense if passages else 0.0,
        "dense_gap": (dense[0][1] - dense[min(4, len(dense) - 1)][1]) if dense else 0.0,
        "lexical": (lexical[0][1] / max(len(known), 1)) if lexical else 0.0,
        "agree_top1": float(bool(dense and lexical) and gid(dense[0][0]) == gid(lexical[0][0])),
        "agree_top5": len(d5 & l5) / max(len(d5 | l5), 1),
        "coverage_top": cover(chunk_terms[0]) if chunk_terms else 0.0,
        "coverage_best3": max((cover(t) for t in chunk_terms), default=0.0),
        "coverage_quote": cover(quote_terms),
        "coverage_guideline": cover(guideline_terms(index, passages[0].meta.guideline_id)) if passages else 0.0,
        "uncovered_max_idf": max((bm25.idf(t) for t in known if t not in near), default=0.0) / top_idf,
        "specific_missing": specific_missing(index, question, passages[0].meta.guideline_id) if passages else 0.0,
        "specific_absent_corpus": specific_absent_corpus(index, question),
        "unit_cosine": unit_cosine,
        "absent_medicine": float(bool(absent_medicines(index, question))) if question else 0.0,
        "absent_food": float(bool(absent_foods(index, question))) if question else 0.0,
        "uncovered_group": float(bool(uncovered(index, question, cited or passages[0].meta.guideline_id)))
        if question and passages else 0.0,
    }


def specific_absent_corpus(index: Index, question: str) -> float:
    """IDF-weighted share of the question's technical words that NO guideline uses (a drug, device or
    test the corpus has never heard of), as opposed to ``specific_missing`` (missing from the top
    guideline only, which also fires for a drug another guideline covers)."""
    spec = specific_terms(index, question)
    total = sum(spec.values())
    return sum(v for t, v in spec.items() if not index.bm25.known(t)) / total if total else 0.0


def specific_terms(index: Index, question: str) -> dict[str, float]:
    """The question's technical words (stemmed) with their IDF; see the module docstring."""
    technical = technical_words(index)
    if technical is None:
        return {}
    short = {a.lower() for a in index.abbreviations} | {a.lower() for a in abbreviations()}
    out: dict[str, float] = {}
    for word in re.findall(r"[A-Za-z][A-Za-z\-]+", strip_lay(question)):
        for part in (w.lower() for w in word.split("-")):
            stem = terms(part)
            # "haematemesis", "oedema": the corpus writes it the American way, so it is not absent
            if part not in short and stem and technical(part) and not variants_known(index, part):
                out[stem[0]] = index.bm25.idf(stem[0])
    return out


def specific_missing(index: Index, question: str, guideline_id: str) -> float:
    """IDF-weighted share of the question's technical words the guideline never uses."""
    spec = specific_terms(index, question)
    total = sum(spec.values())
    if not total:
        return 0.0
    used = guideline_terms(index, guideline_id)
    return sum(v for t, v in spec.items() if t not in used) / total


_GUIDELINE_TERMS: dict[tuple[str, str], set[str]] = {}


def guideline_terms(index: Index, guideline_id: str) -> set[str]:
    """Every term a guideline uses (all its chunks), cached per index."""
    key = (str(index.path), guideline_id)
    if key not in _GUIDELINE_TERMS:
        _GUIDELINE_TERMS[key] = set(terms(" ".join(
            f"{c.heading} {c.text}" for c in index.chunks if c.doc_id.split("/")[0] == guideline_id)))
    return _GUIDELINE_TERMS[key]


def should_abstain(sig: dict[str, float]) -> tuple[bool, float]:
    """(abstain?, P(unanswerable)); without a fitted model, only an empty
    retrieval abstains. A question naming a medicine no guideline mentions
    (``medicine_names``), asking a dose or duration of a medicine that no quote
    states (``asked_quantity``), or about a child or a pregnancy the cited
    guideline never mentions (``populations``), is withheld whatever the model
    says: no passage can support a dose or a recommendation for it."""
    m = model()
    ruled_out = any(sig.get(rule, 0.0) >= 1.0 for rule in RULES)
    if m is None:
        return sig["dense"] <= 0.0 or ruled_out, 0.0
    p = m.probability(sig)
    return p >= m.threshold or ruled_out, p


def fit(rows: list[tuple[dict[str, float], bool]], fitted_on: str, c: float | None = None) -> AbstentionModel:
    """Logistic regression of "unanswerable" on the features of TUNE rows
    (signals, answerable); threshold chosen for ``TARGET_FALSE``."""
    from sklearn.linear_model import LogisticRegression  # heavy: scikit-learn (~1 s), only when fitting

    absent = sorted({f for s, _ in rows for f in FEATURES if f not in s})
    if absent:  # e.g. "precedent" from an index of another corpus, or one built before it
        raise ConfigError("cannot fit abstention: the index does not give every feature", subject=", ".join(absent),
                          fix="fit on the shipped corpus's index: carepath index --rebuild, then eval retrieval --fit")
    x = np.array([[s[f] for f in FEATURES] for s, _ in rows], dtype=np.float64)
    y = np.array([0 if answerable else 1 for _, answerable in rows])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    lr = LogisticRegression(C=REGULARISATION if c is None else c, class_weight="balanced", max_iter=1000).fit((x - mean) / scale, y)
    probs = lr.predict_proba((x - mean) / scale)[:, 1]
    ans, una = probs[y == 0], probs[y == 1]
    # Lowest threshold whose false abstention on the tune answerable rows is within the target.
    candidates = sorted(set(np.round(probs, 6).tolist()) | {1.0})
    threshold = next(t for t in candidates if np.mean(ans >= t) <= TARGET_FALSE)
    return AbstentionModel(features=list(FEATURES), mean=mean.tolist(), scale=scale.tolist(), method=METHOD,
                           coef=lr.coef_[0].tolist(), intercept=float(lr.intercept_[0]), threshold=threshold,
                           fitted_on=fitted_on, tune_false_abstention=float(np.mean(ans >= threshold)),
                           tune_abstention=float(np.mean(una >= threshold)) if len(una) else 0.0)


def save(m: AbstentionModel, path: Path | None = None) -> Path:
    path = path or _path()
    path.write_text(json.dumps(m.model_dump(), indent=1) + "\n", encoding="utf-8")
    model.cache_clear()
    return path
