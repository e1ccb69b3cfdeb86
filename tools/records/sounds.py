"""Words heard, not read: a question typed by speech-to-text ("how many times did they way me",
"my a one see") carries homophones of clinical words and abbreviations spelt out as letter names.

Pronunciations come from the CMU Pronouncing Dictionary (BSD licence) as PocketSphinx ships it
(``pocketsphinx/model/en-us/cmudict-en-us.dict`` in the PyPI wheel; the package is not imported,
only its data file is read). Two words sound alike when they share a pronunciation; a letter's name
is the pronunciation the dictionary gives the single letter ("see" and "sea" sound like "c").

A word no dictionary knows, typed as it sounds ("kolonoskopy", "nimonia", "diabeetis", "colestrol"),
is read as the one clinical word with the same Metaphone key (jellyfish, MIT; Greek "ch" is also keyed
as "k", as in cholesterol).

Nothing here decides what a question means: ``answer`` tries these readings only when nothing in
the record matched the question as typed, and keeps them only when every word the record lacked
was one of the words re-read and the record then holds something.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import jellyfish
from rapidfuzz.distance import Levenshtein

from carepath.tools.records import lexicon
from carepath.tools.records.manifest import Manifest
from carepath.tools.records.spelling import record_words

_ENTRY = re.compile(r"^([a-z']+)(?:\(\d+\))?\s+(.+)$")
_DIGITS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
           "eight": "8", "nine": "9"}
# a short abbreviation ("BUN") sounds like too many words ("been"); a question word ("been", "see")
# is never re-heard as a word (letter names are read only in spelt-out runs)
HOMOPHONE_MIN = 4
ABBREVIATION_MIN = 3  # "ca" (calcium) is too easily two letter names said for other reasons ("see a")


def dictionary_path() -> Path | None:
    """The CMU dictionary file inside the installed PocketSphinx wheel, or None without it."""
    spec = importlib.util.find_spec("pocketsphinx")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "model" / "en-us" / "cmudict-en-us.dict"
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def pronunciations() -> dict[str, frozenset[str]]:
    """{word: its pronunciations}; empty when the dictionary is not installed (nothing is re-read)."""
    path = dictionary_path()
    if path is None:
        return {}
    out: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if m := _ENTRY.match(line):
            out.setdefault(m[1], set()).add(m[2].split("#")[0].strip())
    return {w: frozenset(p) for w, p in out.items()}


@lru_cache(maxsize=1)
def letter_names() -> dict[str, str]:
    """{a word said like a letter: that letter} ("see": "c", "el": "l", "aitch": "h", "you": "u")."""
    sounds = pronunciations()
    letter_of = {p: letter for letter in "abcdefghijklmnopqrstuvwxyz" for p in sounds.get(letter, ())}
    return {w: letter_of[p] for w, ps in sounds.items() for p in ps if p in letter_of and w.isalpha()}


def homophones(word: str, vocabulary: frozenset[str]) -> str | None:
    """The one vocabulary word that sounds like ``word`` ("way" -> "weigh", "wait" -> "weight"), or
    None when none or several do, or when ``word`` is itself a vocabulary word."""
    sounds = pronunciations()
    if word in vocabulary or word not in sounds:
        return None
    heard = sounds[word]
    alike = {v for v in vocabulary if v != word and sounds.get(v, frozenset()) & heard}
    return alike.pop() if len(alike) == 1 else None


def spelt_out(question: str, abbreviations: frozenset[str]) -> dict[str, str]:
    """{"a one see": "a1c", "aitch dee el": "hdl"}: runs of letter names and digit words that spell
    an abbreviation the lexicon knows (three characters or more; the longest run wins)."""
    letters = letter_names()
    words = question.lower().split()
    said = [letters.get(w) or _DIGITS.get(w) or (w if len(w) == 1 and w.isalnum() else None)
            for w in (re.sub(r"[^a-z0-9]", "", w) for w in words)]
    out: dict[str, str] = {}
    i = 0
    while i < len(words):
        for j in range(len(words), i + 1, -1):
            chars = said[i:j]
            if all(chars) and len(joined := "".join(c for c in chars if c)) >= ABBREVIATION_MIN \
                    and joined in abbreviations:
                out[" ".join(re.sub(r"[^a-z0-9]", "", w) for w in words[i:j])] = joined
                i = j - 1
                break
        i += 1
    return out


SPELT_BY_SOUND_MIN = 5  # shorter words share a Metaphone key with too many others
# ... and the spelling must still be close: "glycemia" and "calcium" share the key KLSM but not the letters
# ("kolonoskopy"/"colonoscopy" 0.73, "nimonia"/"pneumonia" 0.67, "glycemia"/"calcium" 0.38)
SPELT_BY_SOUND_SIMILARITY = 0.6


def _keys(word: str) -> set[str]:
    return {jellyfish.metaphone(word), jellyfish.metaphone(word.replace("ch", "k"))}


def sounds_like(word: str, vocabulary: frozenset[str]) -> str | None:
    """The one vocabulary word spelt differently but keyed alike ("kolonoskopy" -> "colonoscopy"), or None."""
    if len(word) < SPELT_BY_SOUND_MIN or word in vocabulary:
        return None
    heard = {jellyfish.metaphone(w) for w in {word, word[:-1] if word.endswith("s") else word}}  # "kolonoskopys"
    alike = {v for v in vocabulary if len(v) >= SPELT_BY_SOUND_MIN and heard & _keys(v)
             and Levenshtein.normalized_similarity(word, v) >= SPELT_BY_SOUND_SIMILARITY}
    return alike.pop() if len(alike) == 1 else None


def clinical_words(m: Manifest) -> frozenset[str]:
    """Words a question may mean: the record's names and the lexicon's phrases and type words
    (three letters or more; question words and generic words excluded)."""
    return frozenset(w for w in record_words(m) if len(w) >= 3) - lexicon.GENERIC


def _short_words(m: Manifest) -> frozenset[str]:
    """Three-letter clinical words that may be heard as another word ("flew" -> flu): only those that
    sound like no question word, so "been" is never BUN."""
    sounds = pronunciations()
    said = set().union(*(sounds.get(w, frozenset()) for w in lexicon.STOP))
    return frozenset(w for w in clinical_words(m) if len(w) == 3 and w in sounds and not sounds[w] & said)


def heard_as(question: str, m: Manifest, english: Callable[[str], bool] = lambda w: False) -> dict[str, str]:
    """{word or run as typed: what it was said for}: abbreviations spelt out as letter names, words
    that sound like exactly one clinical word, and words no English dictionary knows (``english``)
    spelt as they sound ("kolonoskopy")."""
    abbreviations = frozenset(k for k in lexicon.SYNONYMS if k.isalnum() and not k.isalpha()
                              or (k.isalpha() and len(k) <= 5))
    out = spelt_out(question, abbreviations)
    vocabulary = frozenset(w for w in clinical_words(m) if len(w) >= HOMOPHONE_MIN) | _short_words(m)
    taken = {w for run in out for w in run.split()}
    for word in dict.fromkeys(re.findall(r"[a-z]+", question.lower())):
        if word in taken or word in lexicon.STOP or len(word) < 3:
            continue
        if heard := homophones(word, vocabulary) or (None if english(word) else sounds_like(word, vocabulary)):
            out[word] = heard
    return out | said_in_pieces(question, vocabulary, taken | {w for w in out})


SPLIT_WORD_MIN = 7  # a long name dictation splits ("bill a ruben"); short ones match too many runs of words


def said_in_pieces(question: str, vocabulary: frozenset[str], taken: set[str]) -> dict[str, str]:
    """{"bill a ruben": "bilirubin"}: speech-to-text writes a long clinical word it does not know as two or
    three everyday words; their letters run together are keyed like the word (Metaphone) and spelt close to
    it (``sounds_like``). A run starts and ends with a word that is no stop word, and none of its words was
    re-heard on its own."""
    words = re.findall(r"[a-z]+", question.lower())
    out: dict[str, str] = {}
    for size in (3, 2):
        for i in range(len(words) - size + 1):
            run = words[i:i + size]
            if run[0] in lexicon.STOP or run[-1] in lexicon.STOP or set(run) & taken \
                    or any(w in run for r in out for w in r.split()):
                continue
            joined = "".join(run)
            if len(joined) >= SPLIT_WORD_MIN and (meant := sounds_like(joined, vocabulary)) and len(meant) >= SPLIT_WORD_MIN:
                out[" ".join(run)] = meant
    return out
