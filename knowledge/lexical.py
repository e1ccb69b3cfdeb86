"""Lexical matching: BM25 over chunks (the ``bm25s`` library) and the same
tokenisation (English stop words, Snowball stems via PyStemmer) for
passage-level term overlap, so "antibiotics" in a question meets
"antibiotic" in a guideline whichever path scores it.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import Stemmer

_TOKEN = re.compile(r"(?u)\b\w[\w\-/]*\w\b|\b\w\b")


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN  # heavy: bm25s pulls scipy (~0.6 s); query terms need only the list

    return frozenset(STOPWORDS_EN) | {"patient", "patients", "should", "recommended", "use", "used"}


_JOINER = re.compile(r"[-/]")


def terms(text: str) -> list[str]:
    """Stemmed content terms; hyphenated or slashed tokens also yield their
    parts ("ICS-formoterol" → ics-formoterol, ics, formoterol). Cached: the
    same unit texts are scored for many questions (≈75 calls per answer)."""
    return list(_terms(text))


@lru_cache(maxsize=50_000)
def _terms(text: str) -> tuple[str, ...]:
    out: list[str] = []
    stop = _stopwords()
    for tok in _TOKEN.findall(text.lower()):
        parts = [tok] + ([p for p in _JOINER.split(tok) if p] if _JOINER.search(tok) else [])
        for p in parts:
            if p not in stop and (len(p) > 1 or p.isdigit()):
                out.append(p)
    return tuple(_stemmer().stemWords(out)) if out else ()


class Bm25:
    """BM25 over a list of texts, plus document frequencies for IDF weights.

    Saved with the index (``save``/``load``) because tokenising and stemming
    every chunk again cost ≈0.6 s of each cold ``carepath ask``."""

    def __init__(self, texts: Sequence[str] | None = None, *, model: Any = None) -> None:
        import bm25s  # heavy: bm25s + scipy (~0.6 s), only when a lexical index is built or loaded

        logging.getLogger("bm25s").setLevel(logging.WARNING)
        if model is None:
            model = bm25s.BM25()
            model.index([terms(t) for t in texts or []], show_progress=False)
        self._model = model
        self.n = int(model.scores["num_docs"])
        indptr = model.scores["indptr"]
        self.df: dict[str, int] = {t: int(indptr[i + 1] - indptr[i]) for t, i in model.vocab_dict.items()
                                   if i + 1 < len(indptr) and t}

    def save(self, folder: Path) -> None:
        self._model.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> Bm25:
        import bm25s  # heavy: bm25s + scipy (~0.6 s), only when a lexical index is built or loaded

        return cls(model=bm25s.BM25.load(str(folder), show_progress=False))

    def idf(self, term: str) -> float:
        """Smoothed IDF; a term the corpus never uses gets the highest weight."""
        return math.log(1 + (self.n + 1) / (self.df.get(term, 0) + 0.5))

    def known(self, term: str) -> bool:
        return term in self.df

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        q = [t for t in terms(query) if t in self.df]
        if not q or not self.n:
            return []
        ids, scores = self._model.retrieve([q], k=min(k, self.n), show_progress=False)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if s > 0]

    def coverage(self, query_terms: Sequence[str], text_terms: set[str]) -> float:
        """IDF-weighted share of the question's terms that the text contains."""
        q = [t for t in dict.fromkeys(query_terms)]
        total = sum(self.idf(t) for t in q)
        return 0.0 if not total else sum(self.idf(t) for t in q if t in text_terms) / total
