"""British and American spellings of the same medical word, and one-letter typos.

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

A typo ("cirrosis", "excercise") is a technical word the corpus never uses
that a single insertion, deletion, substitution or transposition turns into
one corpus word with the same first letter. Abstention reads a technical word
the corpus lacks as a sign of a question the guidelines do not cover, so an
uncorrected typo withheld the answer. Only words of ``TYPO_MIN_LENGTH`` letters or more that
no English dictionary knows (pyspellchecker's word list: "snoring" and
"croup" are words, not typos of "scoring" and "group") and that have exactly
one such neighbour are corrected, never across the first letter ("afebrile"
is not "febrile"). The corrected
question is what is searched and judged; the answer keeps the user's words
and says what was read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Any

from carepath.knowledge.index import Index
from carepath.knowledge.lexical import terms
from carepath.knowledge.technical import technical_words

MIN_LENGTH = 5
TYPO_MIN_LENGTH = 7   # shorter unknown words are mostly shorthand ("nephro" is nephrology, not "nephron")
_VOCABULARY: dict[str, list[str]] = {}
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


def _vocabulary(index: Index) -> list[str]:
    """Every distinct word of the indexed guideline texts (five letters or more); built once per index."""
    key = str(index.path)
    if key not in _VOCABULARY:
        _VOCABULARY[key] = sorted({w for d in index.documents.values()
                                   for w in re.findall(r"[a-z]{%d,}" % MIN_LENGTH, d.text.lower())})
    return _VOCABULARY[key]


def typos(question: str, index: Index) -> dict[str, str]:
    """{typo: corpus word} for the question's technical words the corpus never uses that are one
    edit from exactly one corpus word with the same first letter."""
    technical = technical_words(index)
    if technical is None:
        return {}
    from rapidfuzz import process  # heavy: only when a question carries an unknown technical word
    from rapidfuzz.distance import DamerauLevenshtein

    out: dict[str, str] = {}
    for word in _unknown_technical(question, index, technical, TYPO_MIN_LENGTH):
        near = process.extract(word, _vocabulary(index), scorer=DamerauLevenshtein.distance,
                               score_cutoff=1, limit=None)
        same = {w for w, _, _ in near if w[0] == word[0]}
        if len(same) == 1:
            out[word] = same.pop()
    return out


@lru_cache(maxsize=1)
def _dictionary() -> Any:
    from spellchecker import SpellChecker  # heavy: loads an English word-frequency list (~1 s), only for typos

    return SpellChecker(distance=1)


def _english(word: str) -> bool:
    """An English word (pyspellchecker's frequency list): "snoring" and "croup" are words, not typos
    of "scoring" and "group"."""
    return bool(_dictionary().known([word]))


def variants_known(index: Index, word: str) -> bool:
    """The corpus uses the word spelt the other way (handled by :func:`other_spellings`)."""
    return any(_known(index, v) for v in variants(word))


_JOINED = re.compile(r"\b([A-Za-z]{2,})(\d{1,3})\b")
_SPLIT_FORM = re.compile(r"\b([A-Za-z]{2,})[- ](\d{1,3})\b")
_SPLIT: dict[str, dict[str, str]] = {}


def _split_forms(index: Index) -> dict[str, str]:
    """{"phq9": "PHQ-9", "curb65": "CURB-65"}: every score or scale name the corpus writes with a hyphen
    or a space before its number, keyed by the joined form a user types; built once per index."""
    key = str(index.path)
    if key not in _SPLIT:
        forms: dict[str, str] = {}
        for d in index.documents.values():
            for m in _SPLIT_FORM.finditer(d.text):
                forms.setdefault(f"{m[1]}{m[2]}".lower(), m[0])
        _SPLIT[key] = forms
    return _SPLIT[key]


def joined(question: str, index: Index) -> dict[str, str]:
    """{"phq9": "PHQ-9"}: a score typed without its hyphen ("phq9", "curb65", "gad7") that the corpus never
    writes joined, read as the corpus writes it; tokenised joined, it met neither BM25 nor the encoder
    ("did the phq9 thing ... got 21" was answered from the osteoporosis guideline)."""
    forms = _split_forms(index)
    return {m[0].lower(): forms[m[0].lower()] for m in _JOINED.finditer(question)
            if m[0].lower() in forms and not _known(index, m[0].lower())}


CLIPPED_MIN_LENGTH = 5   # "atorva", "rosuva": bedside clippings of a drug name
CLIPPED_MIN_REST = 3     # the corpus word is at least this much longer ("statin" is no clipping of "statins")


def clipped(question: str, index: Index) -> dict[str, str]:
    """{"atorva": "atorvastatin"}: a technical word the corpus never uses, no English word and no other
    spelling of a corpus word, that begins exactly one corpus word at least ``CLIPPED_MIN_REST`` letters
    longer, read as that word (prescribers clip long drug names: "atorva", "rosuva", "clopid")."""
    technical = technical_words(index)
    if technical is None:
        return {}
    vocabulary = _vocabulary(index)  # sorted: the words a clipping begins are one contiguous run
    out: dict[str, str] = {}
    for word in _unknown_technical(question, index, technical, CLIPPED_MIN_LENGTH):
        run = vocabulary[bisect_left(vocabulary, word):bisect_left(vocabulary, word + "\x7f")]
        longer = [w for w in run if len(w) >= len(word) + CLIPPED_MIN_REST]
        if len(longer) == 1:
            out[word] = longer[0]
    return out


def _unknown_technical(question: str, index: Index, technical: Any, min_length: int) -> list[str]:
    """The question's technical words of ``min_length`` letters or more that the corpus never uses, in
    neither spelling, and that no English dictionary knows: what a typo or a clipping may be."""
    return [w for w in dict.fromkeys(w.lower() for w in _WORD.findall(question))
            if len(w) >= min_length and not _known(index, w) and technical(w) and not variants_known(index, w)
            and not _english(w)]


def corrected(question: str, index: Index) -> tuple[str, dict[str, str]]:
    """The question with its typos and clipped drug names replaced by the corpus words (case of the first
    letter kept) and its joined score names split as the corpus writes them (:func:`joined`)."""
    fixes = {**clipped(question, index), **typos(question, index)}
    scores = joined(question, index)
    if not fixes and not scores:
        return question, {}

    def fix(m: re.Match[str]) -> str:
        w = m.group(0)
        new = fixes.get(w.lower())
        return w if new is None else (new[0].upper() + new[1:] if w[0].isupper() else new)

    out = _WORD.sub(fix, question) if fixes else question
    if scores:
        out = _JOINED.sub(lambda m: scores.get(m[0].lower(), m[0]), out)
    return out, {**fixes, **scores}
