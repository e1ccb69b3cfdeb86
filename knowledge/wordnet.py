"""Lay and variant words the guidelines never use, read as the WordNet synonyms they do use.

Why: people write "spinal tap", "clot buster", "water pill", "viagra" or "sore
throat"; the guidelines write "lumbar puncture", "thrombolytic", "diuretic",
"sildenafil", "pharyngitis". The cited lay lexicon (``lay_terms``) covers the
words its sources list; Princeton WordNet 3.0 (Debian ``wordnet-base``, WordNet
3.0 licence: use, copy and distribute freely with the notice) is a second,
general source nobody here wrote or tuned, so it reaches wording no
evaluation author used.

The table is made when the index is built (``Builder``; ``wordnet.json`` in
the index folder) from WordNet's noun synsets of the medical lexicographer
files (``MEDICAL``: acts and procedures, artifacts such as drugs and devices,
body parts, processes, states such as diseases, substances) and the indexed
texts: a WordNet phrase the corpus never uses maps to the synonyms of its synsets that the
corpus does use. To keep WordNet's other senses out, a single word is a key only when
WordNet knows it as a common noun alone (never a verb, adjective or adverb:
"feel", "want", "skip" are not; never a name: the "John" of "St John's
wort"), has four letters or more, and sits in at most
``MAX_SENSES`` medical synsets. Without WordNet installed, or with an index
built before the table existed, nothing is added.

Measured on the TUNE split (``carepath eval retrieval --split tune``): facts
0.852 → 0.854, false abstention 0.018 → 0.016 (lay style 0.008 → 0), recall
and abstention unchanged; 1 or 3 senses gave the same.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from carepath.knowledge.lexical import terms

FILE = "wordnet.json"
MEDICAL = {4: "noun.act", 6: "noun.artifact", 8: "noun.body", 22: "noun.process", 26: "noun.state",
           27: "noun.substance"}
MAX_SENSES = 2
MAX_WORDS = 3
SOURCE = "Princeton WordNet 3.0 (Debian wordnet-base), data.noun; WordNet 3.0 licence"
_WORD = re.compile(r"[a-z0-9]+")


def root() -> Path:
    """Where WordNet's database files are (``CAREPATH_WORDNET_DIR``, default Debian's)."""
    return Path(os.environ.get("CAREPATH_WORDNET_DIR", "/usr/share/wordnet"))


def _synsets(data: Path) -> tuple[list[tuple[int, list[str]]], set[str]]:
    """(lexicographer file number, lemmas) of every noun synset in ``data.noun`` (format: wndb(5)),
    and the lemmas WordNet also writes with a capital (names: "John", "Viagra" is kept as a synonym
    but never read from a name)."""
    out, names = [], set()
    for line in data.read_text("latin-1").splitlines():
        if line.startswith(" ") or not line.strip():  # the licence header lines start with two spaces
            continue
        f = line.split()
        raw = [re.sub(r"\(.*\)$", "", f[4 + 2 * i]).replace("_", " ") for i in range(int(f[3], 16))]
        names.update(w.lower() for w in raw if w[:1].isupper())
        out.append((int(f[1]), [w.lower() for w in raw]))
    return out, names


def _other_pos(folder: Path) -> set[str]:
    """Every lemma WordNet knows as a verb, adjective or adverb."""
    out: set[str] = set()
    for name in ("index.verb", "index.adj", "index.adv"):
        for line in (folder / name).read_text("latin-1").splitlines():
            if line and not line.startswith(" "):
                out.add(line.split()[0].replace("_", " "))
    return out


def build_table(texts: Iterable[str], known: Callable[[str], bool], folder: Path | None = None) -> dict:
    """The synonym table of one corpus (empty when WordNet is not installed); ``known``: a BM25 stem the corpus uses."""
    folder = folder or root()
    data = folder / "data.noun"
    if not data.is_file():
        return {"source": SOURCE, "synonyms": {}}
    grams: set[tuple[str, ...]] = set()
    for text in texts:
        words = _WORD.findall(text.lower())
        for n in range(1, MAX_WORDS + 2):
            grams.update(zip(*(words[i:] for i in range(n))))

    def used(phrase: str) -> bool:
        """A key is used when the corpus has it or any inflection (its BM25 stems)."""
        words = tuple(_WORD.findall(phrase))
        if len(words) == 1:
            stems = terms(phrase)
            return bool(stems) and all(known(s) for s in stems)
        return words in grams

    def printed(phrase: str) -> bool:
        """A synonym must be printed as such ("dilutant" is not "diluted")."""
        return tuple(_WORD.findall(phrase)) in grams

    every, names = _synsets(data)
    synsets = [(lex, lemmas) for lex, lemmas in every if lex in MEDICAL]
    senses: dict[str, list[int]] = defaultdict(list)
    for i, (_, lemmas) in enumerate(synsets):
        for lemma in lemmas:
            senses[lemma].append(i)
    other = _other_pos(folder)
    table: dict[str, list[str]] = {}
    for key, ids in senses.items():
        words = _WORD.findall(key)
        if not words or len(words) > MAX_WORDS or len(ids) > MAX_SENSES or " ".join(words) != key or used(key):
            continue
        if len(words) == 1 and (len(key) < 4 or key in other or key in names or not terms(key)):
            continue
        syn = list(dict.fromkeys(s for i in ids for s in synsets[i][1] if s != key and len(s) > 3 and printed(s)))
        if syn:
            table[key] = syn
    return {"source": SOURCE, "data_sha256": hashlib.sha256(data.read_bytes()).hexdigest(), "synonyms": table}


def save(table: dict, folder: Path) -> None:
    (folder / FILE).write_text(json.dumps(table, indent=0, sort_keys=True), encoding="utf-8")


def load(folder: Path) -> dict[str, list[str]]:
    """The table an index was built with ({} for an index built without one)."""
    f = folder / FILE
    return json.loads(f.read_text("utf-8")).get("synonyms", {}) if f.is_file() else {}


def expand(question: str, table: dict[str, list[str]]) -> list[str]:
    """The corpus synonyms of the question's WordNet phrases the corpus never uses (longest phrase first)."""
    words = _WORD.findall(question.lower())
    low = " ".join(words)
    out: list[str] = []
    for n in range(MAX_WORDS, 0, -1):
        for i in range(len(words) - n + 1):
            for s in table.get(" ".join(words[i:i + n]), []):
                if s not in out and f" {s} " not in f" {low} ":
                    out.append(s)
    return out


# The lexicographer files of nouns whose commonest sense is a person, a group, a place or a time
# ("gentleman", "chaplain", "member", "household", "holiday"): who asks, for whom, where and when,
# never a disease, drug, procedure, body part or device a record could hold.
CIRCUMSTANCE = {14: "noun.group", 15: "noun.location", 18: "noun.person", 28: "noun.time"}
BODY = 8  # noun.body: the lexicographer file of body parts (hip, wrist, clavicle, sinus)


@lru_cache(maxsize=2)
def _lemmas(folder: str, pos: str) -> tuple[dict[str, int], dict[str, str]]:
    """{lemma: byte offset of its commonest sense in data.<pos>} and {inflected form: lemma} (the
    exception list), read once; empty when WordNet is not installed."""
    index, exc = Path(folder) / f"index.{pos}", Path(folder) / f"{pos}.exc"
    if not index.is_file():
        return {}, {}
    first: dict[str, int] = {}
    for line in index.read_text("latin-1").splitlines():
        if line and not line.startswith(" "):
            f = line.split()
            first[f[0]] = int(f[-int(f[2])])  # synset offsets close the line, commonest sense first
    forms = dict(line.split()[:2] for line in exc.read_text("latin-1").splitlines() if line.strip()) \
        if exc.is_file() else {}
    return first, forms


def _base(word: str, pos: str) -> str | None:
    """The WordNet lemma of an inflected noun or verb (its exception list, then -s/-es/-ies, -ed/-ing)."""
    first, forms = _lemmas(str(root()), pos)
    if word in first:
        return word
    if forms.get(word) in first:
        return forms[word]
    endings = (("ies", "y"), ("es", ""), ("s", "")) if pos == "noun" else \
        (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))
    for end, put in endings:
        if word.endswith(end) and (stem := word[: -len(end)] + put) in first:
            return stem
    return None


@lru_cache(maxsize=4096)
def noun_class(word: str) -> int | None:
    """The lexicographer file (``CIRCUMSTANCE``, ``MEDICAL`` …) of the commonest sense of ``word`` as a
    noun, or None when WordNet does not know it as one (or is not installed)."""
    lemma = _base(word.lower(), "noun")
    if lemma is None:
        return None
    with (root() / "data.noun").open("rb") as data:
        data.seek(_lemmas(str(root()), "noun")[0][lemma])
        return int(data.readline().split()[1])


PLACE_DEPTH = 2  # "colon" is a kind of large intestine, a kind of intestine (bowel): two steps up


@lru_cache(maxsize=4096)
def places(word: str) -> frozenset[str]:
    """The words of ``word``'s commonest noun sense and of what it is a kind of or a part of, up to
    PLACE_DEPTH steps (WordNet's hypernym "@" and part-holonym "#p" pointers): "colon" reaches
    "intestine, bowel, gut", "clavicle" reaches "bone" but never "hip". Empty when WordNet does not
    know the word as a noun."""
    lemma = _base(word.lower(), "noun")
    if lemma is None:
        return frozenset()
    out: set[str] = set()
    frontier = [_lemmas(str(root()), "noun")[0][lemma]]
    with (root() / "data.noun").open("rb") as data:
        for _ in range(PLACE_DEPTH + 1):
            up = []
            for offset in frontier:
                data.seek(offset)
                f = data.readline().decode("latin-1").split()
                n = int(f[3], 16)
                out |= {f[4 + 2 * i].lower() for i in range(n)}
                at = 5 + 2 * n
                up += [int(f[at + 1 + 4 * i]) for i in range(int(f[at - 1]))  # symbol, offset, pos, source/target
                       if f[at + 4 * i] in ("@", "#p") and f[at + 2 + 4 * i] == "n"]
            frontier = up
    return frozenset(out)


def same_place(a: str, b: str) -> bool:
    """One body part names the other or what it is part or a kind of ("bowel" and "colon")."""
    return a == b or a in places(b) or b in places(a)


def verb_only(word: str) -> bool:
    """``word`` is a form of a WordNet verb and no noun ("billed", "doing"): an act said of someone,
    never a thing a record holds."""
    return _base(word.lower(), "verb") is not None and _base(word.lower(), "noun") is None
