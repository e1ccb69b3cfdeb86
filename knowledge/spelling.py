"""British and American spellings of the same medical word.

A question written in one spelling ("haematemesis", "paediatric",
"hospitalised", "oedema", "tumour") meets a guideline written in the other
("hematemesis", "pediatric", "hospitalized", "edema", "tumor") only through
the dense encoder: BM25 and every term-coverage signal see two unrelated
words. The Snowball stemmer does not fold them either ("hospitalised" stems
to ``hospitalis``, "hospitalized" to ``hospit``).

The regular correspondences are the ones English dictionaries list for the
two spellings (Oxford, Merriam-Webster: ae/e and oe/e in words from Greek and
Latin, -ise/-ize and -isation/-ization, -our/-or, -re/-er, doubled l before a
suffix). Each is tried both ways on a question word the indexed corpus never
uses; a variant is added to the query only when the corpus does use it, so
the corpus itself decides which spelling it speaks and nothing is guessed.
"""

from __future__ import annotations

import re

from carepath.knowledge.index import Index
from carepath.knowledge.lexical import terms

MIN_LENGTH = 5
# (British, American) fragments; each is tried in both directions
_PAIRS: tuple[tuple[str, str], ...] = (
    ("ae", "e"), ("oe", "e"), ("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"),
    ("our", "or"), ("tre", "ter"), ("lled", "led"), ("lling", "ling"), ("ogue", "og"),
)
_WORD = re.compile(r"[A-Za-z]{%d,}" % MIN_LENGTH)


def variants(word: str) -> list[str]:
    """The word with one correspondence applied at every place it fits, in both directions."""
    w = word.lower()
    out: list[str] = []
    for a, b in _PAIRS:
        for src, dst in ((a, b), (b, a)):
            start = w.find(src)
            while start != -1:
                v = w[:start] + dst + w[start + len(src):]
                if v != w and v not in out:
                    out.append(v)
                start = w.find(src, start + 1)
    return out


def _known(index: Index, word: str) -> bool:
    ts = terms(word)
    return bool(ts) and all(index.bm25.known(t) for t in ts)


def other_spellings(question: str, index: Index) -> list[str]:
    """Corpus spellings of the question's words that the corpus only knows spelt the other way."""
    extra: list[str] = []
    for word in dict.fromkeys(w.lower() for w in _WORD.findall(question)):
        if _known(index, word):
            continue
        extra += [v for v in variants(word) if _known(index, v) and v not in extra]
    return extra
