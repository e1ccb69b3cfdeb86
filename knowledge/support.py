"""Is this sentence supported by this passage?

Why: a model writing from numbered guideline passages (or a draft report
citing evidence) can copy the shape of a sentence and change what matters —
a dose, a threshold, the side, the drug. Word overlap alone does not catch
that ("amoxicillin 1 g" vs "amoxicillin 2 g" overlap almost entirely), so a
sentence is supported only when every number (with its unit), every
laterality word and every key clinical term it states is present in the cited
passage, and most of its remaining content words are too. Used for
model-written guideline answers and the report evidence check
(``carepath.agents.evidence_check``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from pydantic import BaseModel, Field

from carepath.knowledge.lexical import terms

_FOLD = {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
         "\u2265": ">=", "\u2264": "<=", "\u00a0": " ", "\u202f": " ", "\u00b5": "u", "\u03bc": "u"}
_UNIT = (r"mg/kg/day|mg/kg/h|mg/kg|mcg/kg/min|mcg/kg|ug/kg|g/dl|g/l|mg/dl|mmol/l|umol/l|ml/kg/h|ml/kg|"
         r"ml/min/1\.73 ?m2|ml/min|ml/h|mmhg|bpm|breaths/min|mcg|ug|mg|g|kg|ml|l|units?|iu|meq|mmol|"
         r"hours?|hrs?|h|minutes?|mins?|days?|weeks?|months?|years?|%|°c")
_QUANTITY = re.compile(rf"(\d+(?:[.,]\d+)?)(?:\s*(?:-|to)\s*(\d+(?:[.,]\d+)?))?\s*({_UNIT})?(?![a-z])")
_CODE = re.compile(r"\b[a-z]+\d+[a-z0-9]*\b")
# A number after a label word names a thing, as a code does: "Track 2" is not "Track 7", "step 3" is not
# "step 4", although the passage may print 7 or 4 elsewhere ("5-7 days").
_LABELLED = re.compile(r"\b(track|step|stage|class|grade|group|type|tier|phase|category|zone|level)\s+(\d+[a-z]?)\b")
_LATERALITY = re.compile(r"\b(left|right|bilateral|unilateral|ipsilateral|contralateral)\b")
_NEGATION = re.compile(r"\b(not|no|never|avoid|contraindicated|without)\b")
_SPELLED = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
            "eight": "8", "nine": "9", "ten": "10", "twelve": "12", "twenty-four": "24"}
_SINGULAR = {"hours": "hour", "hrs": "hour", "hr": "hour", "h": "hour", "minutes": "min", "minute": "min",
             "mins": "min", "days": "day", "weeks": "week", "months": "month", "years": "year",
             "units": "unit", "ug": "mcg"}


class Support(BaseModel):
    """The verdict on one sentence against one passage, with what was missing."""

    supported: bool
    missing_numbers: list[str] = Field(default_factory=list)
    missing_terms: list[str] = Field(default_factory=list)
    overlap: float = 1.0
    reason: str = ""


def normalise(text: str) -> str:
    """Lower case, NFKC, unicode dashes/≥/≤/µ folded, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(_FOLD.get(ch, ch) for ch in text).lower()
    for word, digit in _SPELLED.items():
        text = re.sub(rf"\b{word}\b", digit, text)
    return re.sub(r"\s+", " ", text).strip()


def quantities(text: str) -> set[str]:
    """Numbers as stated, each with its unit when one follows ("500 mg", "48 hour", "30")."""
    out: set[str] = set()
    for m in _QUANTITY.finditer(normalise(text)):
        unit = _SINGULAR.get(m.group(3) or "", m.group(3) or "")
        for num in filter(None, (m.group(1), m.group(2))):
            num = num.replace(",", ".")
            out.add(f"{num} {unit}".strip())
    return out


def _numbers_present(claim: set[str], source: set[str]) -> list[str]:
    """Claimed quantities absent from the source; a bare number in the source
    accepts the same number with a unit in the claim only when the source never
    gives that number another unit."""
    src_units: dict[str, set[str]] = {}
    for q in source:
        num, _, unit = q.partition(" ")
        src_units.setdefault(num, set()).add(unit)
    missing = []
    for q in sorted(claim):
        num, _, unit = q.partition(" ")
        units = src_units.get(num)
        if units is None or (unit and unit not in units and units != {""}):
            missing.append(q)
    return missing


def key_terms(text: str) -> set[str]:
    """Laterality and negation words: one of these changed reverses a recommendation."""
    t = normalise(text)
    return set(_LATERALITY.findall(t)) | {"not" for _ in _NEGATION.finditer(t)}


def supports(sentence: str, passage: str, *, min_overlap: float = 0.5,
             is_key_word: Callable[[str], bool] | None = None) -> Support:
    """Whether ``passage`` supports ``sentence``: all its quantities, laterality
    and negation words present, every word for which ``is_key_word`` holds
    (technical words: drug names, diagnoses) present, and at least
    ``min_overlap`` of its other content words."""
    claims = unsupported_claims(sentence, passage, is_key_word=is_key_word, negation=True)
    if not claims.supported:
        return claims
    words = {t for t in terms(normalise(sentence)) if not t[0].isdigit()}
    src = set(terms(normalise(passage)))
    share = len(words & src) / len(words) if words else 1.0
    ok = share >= min_overlap
    return Support(supported=ok, overlap=share,
                   reason="" if ok else f"only {share:.0%} of its words are in the cited passage")


def unsupported_claims(sentence: str, passage: str, *, is_key_word: Callable[[str], bool] | None = None,
                       negation: bool = True) -> Support:
    """The checkable claims of ``sentence`` (numbers with units, codes,
    laterality, negation when ``negation``, key words) that ``passage`` lacks,
    without the word-overlap test. Why separate: a sentence that cites only a
    run record ("findings were not generated: no model is configured") is a
    limitation, not a paraphrase — it may use any words, but it must not state
    a number, a side or a clinical term that the record does not hold."""
    missing_n = _numbers_present(quantities(sentence), quantities(passage))
    if missing_n:
        return Support(supported=False, missing_numbers=missing_n,
                       reason=f"numbers not in the cited passage: {missing_n}")
    codes = sorted(set(_CODE.findall(normalise(sentence))) - set(_CODE.findall(normalise(passage))))
    codes += sorted({" ".join(m) for m in _LABELLED.findall(normalise(sentence))}
                    - {" ".join(m) for m in _LABELLED.findall(normalise(passage))})
    if codes:  # stage, class and score names carry numbers too: G3a is not G4, CHA2DS2 is not CHA2DS3
        return Support(supported=False, missing_numbers=codes, reason=f"codes not in the cited passage: {codes}")
    side = sorted(key_terms(sentence) - key_terms(passage))
    if not negation:
        side = [w for w in side if w != "not"]
    if side:
        return Support(supported=False, missing_terms=side, reason=f"not in the cited passage: {side}")
    src = set(terms(normalise(passage)))
    norm_passage = normalise(passage)
    key_missing = sorted({w for w in re.findall(r"[a-z][a-z\-]+", normalise(sentence))
                          if is_key_word and is_key_word(w) and w not in norm_passage
                          and not set(terms(w)) <= src})
    if key_missing:
        return Support(supported=False, missing_terms=key_missing,
                       reason=f"key terms not in the cited passage: {key_missing}")
    return Support(supported=True)
