"""Lay words and brand names mapped to the guidelines' clinical terms, each from a cited source.

Why: patients write "mini stroke", "blood thinner", "a clot in my lung" or
"Trulicity", and the guidelines write "transient ischemic attack",
"anticoagulation", "pulmonary embolism" and "dulaglutide"/"GLP-1 receptor
agonist". Neither BM25 nor MiniLM reliably bridges that gap, and a brand name
no guideline uses looked like an off-corpus drug to abstention. The
lexicon (``data/lay_terms.json``) is a shipped data file: no look-up happens
at run time. Every entry records where it comes from:

* **brand → ingredient (+ class)** for antihypertensives: RxNorm branded
  single-ingredient products (``[Brand]`` SBD rows) as listed in the
  ``ssmithm/rxnorm-drug-lists`` repository (``antihtn_rxcuis.csv``, pinned
  commit), with that list's drug-class code written out;
* **other brand names** (anticoagulants, statins, SGLT2 inhibitors, GLP-1
  receptor agonists, P2Y12 inhibitors, osteoporosis drugs, levetiracetam)
  and **lay terms** ("Also called: Mini-stroke" on MedlinePlus, "water pill,
  also called a diuretic", …): the drug-information or consumer-health page
  named in the entry's ``source``.

Entries were chosen for the conditions and drug classes the 43 indexed
guidelines cover, never by reading evaluation questions. A lay phrase matches
when its content terms (the BM25 stems: stop words dropped, "lungs" = "lung",
"bleeding" = "bleed") all occur within a short window (at most ``GAP`` other
words between two of them, any order), so the cited "clot in the lungs" also
meets "clot on my lung" and "scarring of the liver" meets "liver scarring".

Two users: :func:`expand` appends the clinical terms to the query (dense and
lexical sides alike, as abbreviation expansion does), and :func:`strip` removes
the matched words before abstention judges the question's technical words, so
a brand name alone never makes carepath abstain.

Measured on the TUNE split only (``carepath eval retrieval --split tune``):
recall@1 0.846 → 0.893 (lay style 0.753 → 0.876). ``GAP`` 2 was chosen there
(0: 0.876, 2: 0.893, 4: 0.889), and expanding both sides beat expanding only
the dense (0.863) or only the BM25 query (0.876).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, Field

from carepath.knowledge.lexical import terms

GAP = 2   # other words allowed between two content words of a lay phrase
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-']*")


class LayTerm(BaseModel):
    term: str = Field(description="the lay phrase or brand name, as the source writes it")
    kind: str = Field(description="'lay' or 'brand'")
    expansion: str = Field(description="the clinical term(s) appended to the query")
    source: str = Field(min_length=8, description="URL or repository+path(+commit) the mapping comes from")


@lru_cache(maxsize=1)
def lexicon() -> list[LayTerm]:
    raw = resources.files("carepath.knowledge").joinpath("data/lay_terms.json").read_text("utf-8")
    return [LayTerm.model_validate(e) for e in json.loads(raw)["entries"]]


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[tuple[str, ...], LayTerm]]:
    out = []
    for e in lexicon():
        stems = tuple(terms(e.term.replace("-", " ")))
        if stems:
            out.append((stems, e))
    return out


def _tokens(text: str) -> list[tuple[str | None, int, int]]:
    """(stem or None for a stop word, start, end) per word; hyphenated words split."""
    out: list[tuple[str | None, int, int]] = []
    for m in _WORD.finditer(text):
        for part in re.finditer(r"[A-Za-z0-9']+", m.group(0)):
            stem = terms(part.group(0))
            out.append((stem[0] if stem else None, m.start() + part.start(), m.start() + part.end()))
    return out


def _find(stems: tuple[str, ...], toks: list[tuple[str | None, int, int]]) -> list[int] | None:
    """Token positions of all ``stems`` (any order: "liver scarring" = "scarring of the liver")
    inside one window of ``len(stems)`` words plus ``GAP`` per gap between them."""
    width = len(stems) + GAP * (len(stems) - 1)
    for i, (s, _, _) in enumerate(toks):
        if s not in stems:
            continue
        window = {t[0]: j for j, t in reversed(list(enumerate(toks[i:i + width], start=i)))}
        if all(w in window for w in stems):
            return sorted(window[w] for w in stems)
    return None


def matches(question: str) -> list[tuple[LayTerm, list[tuple[int, int]]]]:
    """The lexicon entries present in ``question`` with the character spans of their words."""
    toks = _tokens(question)
    found = []
    for stems, e in _patterns():
        pos = _find(stems, toks)
        if pos is not None:
            found.append((e, [(toks[p][1], toks[p][2]) for p in pos]))
    return found


def expand(question: str) -> str:
    """``question`` with the clinical terms of its lay words and brand names appended."""
    extra: list[str] = []
    low = question.lower()
    for e, _ in matches(question):
        if e.expansion.lower() not in low and e.expansion not in extra:
            extra.append(e.expansion)
    return question if not extra else f"{question} ({'; '.join(extra)})"


def strip(question: str) -> str:
    """``question`` without the words of its lay terms and brand names (for abstention's technical words)."""
    spans = sorted(s for _, sp in matches(question) for s in sp)
    out, last = [], 0
    for s, e in spans:
        if s >= last:
            out.append(question[last:s])
            last = e
    out.append(question[last:])
    return " ".join("".join(out).split())
