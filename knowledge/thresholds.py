"""Which recommendation unit a case's numbers fall into.

Vignettes carry values ("NEWS2 11", "K 3.1", "eGFR 27", "82-year-old", "HEART 2")
while the guideline text states conditions on the same labels ("NEWS2 Score
≥ 7", "K+ < 3.5 mmol/L", "eGFR < 30", "Age ≥ 80 years", "HEART Score 0–3").
Cosine similarity and term overlap cannot tell "Score 0" from "Score 1–4"; a
unit whose stated condition the question's value satisfies is the one that
answers the case, and a unit stating a condition on the same label that the
value fails is about another band. The quote scorer (``quotes.score``) adds a
small bonus for the first and a small penalty for the second.

Labels are compared after lower-casing, dropping a trailing "+" and stemming
(``lexical.terms``, the corpus' own stemming), so "eGFR"/"egfr", "K"/"K+", "scores"/"score" agree.
Ages ("82-year-old", "82 y/o", "aged 82") become the label "age".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from carepath.knowledge.lexical import terms

_TOKEN = re.compile(r"(<=|>=|≤|≥|<|>|=)|(\d+(?:\.\d+)?)(?:\s*(?:-|–|—|to)\s*(\d+(?:\.\d+)?))?(%?)"
                    r"|([A-Za-z][A-Za-z0-9+\-]*)")
_AGE = re.compile(r"\b(\d+)\s*(?:-|\s)?\s*(?:year|yr)s?[\s-]*old\b|\b(\d+)\s*(?:y/?o|yo)\b|\baged\s+(\d+)", re.I)
_OP = {"<": "<", ">": ">", "<=": "<=", ">=": ">=", "≤": "<=", "≥": ">=", "=": "="}
LOOKBACK = 5     # tokens before a value searched for its labels
# Words that never name what a value measures (units, connectives, fillers of "score is 0").
_FILLER = frozenset({"is", "was", "of", "at", "now", "came", "back", "out", "only", "about", "around", "the",
                     "a", "an", "to", "has", "have", "had", "and", "or", "on", "in", "with", "for", "be", "been",
                     "her", "his", "my", "their", "our", "if", "than", "by", "up", "down", "dropped", "went",
                     "mg", "g", "ml", "kg", "mmol", "min", "h", "hr", "hrs", "hours", "days", "weeks", "months",
                     "years", "class", "level", "grade", "step", "x", "per", "every", "within", "after"})


@dataclass(frozen=True)
class Value:
    label: str
    value: float


@lru_cache(maxsize=4096)
def _label(word: str) -> str:
    w = word.lower().rstrip("+").strip("-")
    stem = terms(w)  # the corpus' own stemming; a one-letter label ("K") has none and stays as written
    return stem[0] if stem else w


def _values(text: str) -> list[tuple[str, str | None, float, float | None]]:
    """(label, operator, value, range end) for every number with a label word shortly before it."""
    toks = list(_TOKEN.finditer(text.replace("**", "")))
    out = []
    for i, m in enumerate(toks):
        if m.group(2) is None or m.group(4):  # not a number, or a percentage
            continue
        op = _OP.get(toks[i - 1].group(1) or "") if i else None
        labels: list[str] = []
        for prev in toks[max(0, i - LOOKBACK):i][::-1]:
            if prev.group(2) is not None:
                break
            word = prev.group(5)
            if word and word.lower() not in _FILLER and len(labels) < 2:
                labels.append(_label(word))
        for lab in labels:
            out.append((lab, op, float(m.group(2)), float(m.group(3)) if m.group(3) else None))
    return out


def question_values(question: str) -> list[Value]:
    """The (label, value) pairs a question states; ages get the label "age"."""
    out = [Value("age", float(next(g for g in m.groups() if g))) for m in _AGE.finditer(question)]
    ages = [m.span() for m in _AGE.finditer(question)]
    masked = "".join(" " if any(s <= i < e for s, e in ages) else ch for i, ch in enumerate(question))
    return out + [Value(lab, v) for lab, _, v, end in _values(masked) if end is None]


def _holds(op: str | None, a: float, b: float | None, v: float) -> bool:
    if b is not None:
        return min(a, b) <= v <= max(a, b)
    return {"<": v < a, ">": v > a, "<=": v <= a, ">=": v >= a, "=": v == a, None: v == a}[op]


@lru_cache(maxsize=50_000)
def _conditions(text: str) -> tuple[tuple[str, str | None, float, float | None], ...]:
    return tuple(_values(text))


def fit(text: str, values: list[Value]) -> int:
    """+1 when a condition the unit states on one of the question's labels holds for its value,
    −1 when the unit states conditions on that label and none holds, 0 when it says nothing about it."""
    if not values:
        return 0
    conds = _conditions(text)
    verdict = 0
    for val in values:
        same = [c for c in conds if c[0] == val.label]
        if not same:
            continue
        if any(_holds(op, a, b, val.value) for _, op, a, b in same):
            return 1
        verdict = -1
    return verdict
