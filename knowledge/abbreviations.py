"""Abbreviation expansions, generated from the corpus itself.

Why: clinicians ask in shorthand ("CAP inpt on IV co-amox, switch to PO?")
and an expansion lets BM25 and the embedding meet the guideline's own
wording. Expansions come from two places:

* **the corpus**: every "long form (SF)" definition the guidelines write
  themselves, found with the Schwartz & Hearst algorithm (A. S. Schwartz,
  M. A. Hearst, "A simple algorithm for identifying abbreviation
  definitions in biomedical text", Pac Symp Biocomput 2003:451-62), computed
  at index build and stored with the index (``abbreviations.json``);
* **the shipped list** ``data/abbreviations.json`` (64 standard expansions:
  CAP, AF, DOAC, …), first hand-curated before the evaluation questions
  existed, now each with its source (``shipped``): 18 are defined in the
  indexed guidelines themselves ("corpus: <document> '<definition>'", checked
  against the corpus by the tests), the others cite a public page that states
  the abbreviation with that meaning (URL and the quoted words). It wins where
  both define an abbreviation (the corpus' own "HF" is hemofiltration).

Lay words and brand names are expanded by the cited lexicon ``lay_terms``.

An abbreviation carepath cannot expand is simply left as it is: it never
makes carepath abstain (see ``abstention``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel

_DEF = re.compile(r"([^()\n]{3,160}?)\s*\(\s*([A-Za-z][A-Za-z0-9\-/]{1,9})\s*\)")
_WORD = re.compile(r"[A-Za-z0-9][\w\-']*")


def _long_form(short: str, before: str) -> str | None:
    """Schwartz & Hearst: the shortest suffix of ``before`` in which the
    characters of ``short`` occur in order, the first one starting a word."""
    words = _WORD.findall(before)[-(min(len(short) + 5, 2 * len(short))):]
    text = " ".join(words)
    s, l_ = len(short) - 1, len(text) - 1
    chars = short.lower()
    lt = text.lower()
    while s >= 0:
        c = chars[s]
        if not c.isalnum():
            s -= 1
            continue
        while l_ >= 0 and (lt[l_] != c or (s == 0 and l_ > 0 and lt[l_ - 1].isalnum())):
            l_ -= 1
        if l_ < 0:
            return None
        l_ -= 1
        s -= 1
    start = lt.rfind(" ", 0, l_ + 1) + 1
    long_form = text[start:].strip()
    if len(long_form) <= len(short) or short.lower() in long_form.lower().split():
        return None
    return long_form


def from_texts(texts: Iterable[str]) -> dict[str, str]:
    """{abbreviation: long form} defined in ``texts``; the most frequent
    long form wins when a guideline set defines one abbreviation twice."""
    seen: dict[str, Counter[str]] = {}
    for text in texts:
        for m in _DEF.finditer(text):
            short = m.group(2)
            if not any(ch.isupper() for ch in short) or short.isdigit():
                continue
            lf = _long_form(short, re.sub(r"\*\*|__|`", "", m.group(1)))
            if lf:
                seen.setdefault(short, Counter())[lf.lower()] += 1
    return {k: c.most_common(1)[0][0] for k, c in sorted(seen.items())}


class ShippedAbbreviation(BaseModel):
    """One entry of ``data/abbreviations.json``: the expansion and where it comes from."""

    abbr: str
    expansion: str
    source: str


@lru_cache(maxsize=1)
def shipped() -> list[ShippedAbbreviation]:
    """The shipped list with its sources (see the module docstring)."""
    raw = json.loads(resources.files("carepath.knowledge").joinpath("data/abbreviations.json").read_text("utf-8"))
    return [ShippedAbbreviation.model_validate(e) for e in raw["entries"]]
