"""Printed lab units → UCUM codes.

Laboratories print units in house spellings ("K/uL", "x10^9/L", "mEq/L",
"mcg/dL", "MG/DL", "mL/min/1.73m²"); downstream code (FHIR Quantity.code,
comparisons across reports) needs one spelling: the UCUM code. Two steps:

1. *Spelling*: the printed text is split into atoms at ``/`` and each atom is
   looked up in :data:`ATOMS`, a small table of the printed forms of UCUM
   units that lab reports use. Its right-hand sides are UCUM codes as defined
   in The Unified Code for Units of Measure, Regenstrief Institute,
   https://ucum.org/ucum (§ 2 syntax: ``10*3`` powers, ``[IU]``, ``mm[Hg]``,
   ``{annotation}``; table 1-6 atoms ``g``, ``L``, ``mol``, ``eq``, ``U``,
   ``%``, ``s``/``min``/``h``, prefixes ``k m u n p f d``), following the
   spellings of LOINC's "Common UCUM units" list (``10*3/uL``,
   ``mL/min/{1.73_m2}``, ``meq/L``, ``m[IU]/L``). The table maps spellings,
   it never invents a unit: an atom it does not know makes the whole unit
   unknown.
2. *Validation*: the assembled code is parsed with ``ucumvert`` (the UCUM
   grammar in lark, a maintained library); a code it rejects is not returned.

A unit that cannot be read this way gives ``None``: the caller reports the
value with ``unit: null`` and a warning — never a guessed unit.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ucumvert import get_ucum_parser

# printed atom (lower case, µ/μ already written u, spaces removed) → UCUM atom
ATOMS: dict[str, str] = {
    # mass
    "g": "g", "gm": "g", "gms": "g", "kg": "kg", "mg": "mg", "ug": "ug", "mcg": "ug", "ng": "ng", "pg": "pg",
    "fg": "fg",
    # volume (UCUM allows l and L; LOINC's list writes L)
    "l": "L", "dl": "dL", "ml": "mL", "ul": "uL", "nl": "nL", "fl": "fL",
    # a cubic millimetre is a microlitre: counts per "cumm" are written per uL, as LOINC writes counts
    "cumm": "uL", "cmm": "uL", "mm3": "uL",
    # substance, equivalents
    "mol": "mol", "mmol": "mmol", "umol": "umol", "nmol": "nmol", "pmol": "pmol",
    "eq": "eq", "meq": "meq", "ueq": "ueq", "osm": "osm", "mosm": "mosm",
    # enzyme and international units
    "u": "U", "units": "U", "unit": "U", "iu": "[IU]", "ku": "kU", "mu": "mU", "miu": "m[IU]",
    "uiu": "u[IU]", "kiu": "k[IU]",
    # time
    "s": "s", "sec": "s", "secs": "s", "seconds": "s", "min": "min", "h": "h", "hr": "h", "hrs": "h",
    "ms": "ms", "msec": "ms", "d": "d", "day": "d", "24h": "(24.h)",
    # dimensionless
    "%": "%", "ratio": "{ratio}", "index": "{index}", "titer": "{titer}",
    # counts
    "10*3": "10*3", "10*6": "10*6", "10*9": "10*9", "10*12": "10*12", "k": "10*3", "thou": "10*3",
    "thous": "10*3", "thousand": "10*3", "m": "10*6", "mil": "10*6", "mill": "10*6", "million": "10*6",
    "millions": "10*6", "lakh": "10*5", "lakhs": "10*5", "lac": "10*5", "lacs": "10*5", "cells": "{cells}",
    "cell": "{cells}", "copies": "{copies}", "hpf": "[HPF]", "lpf": "[LPF]",
    # other
    "mm": "mm", "mmhg": "mm[Hg]", "mm[hg]": "mm[Hg]", "cm": "cm", "m2": "m2",
    "1.73m2": "{1.73_m2}", "1.73sqm": "{1.73_m2}", "bpm": "{beats}/min", "kpa": "kPa",
}
# Atoms that are a count only in a numerator ("K/uL", "M/uL"); "m" alone is not a unit.
_COUNT_ONLY = {"k", "thou", "thous", "thousand", "m", "mil", "mill", "million", "millions", "lakh", "lakhs",
               "lac", "lacs"}
_POWER = re.compile(r"^(?:x|\*)?10(?:\*|\^|e)(?P<exp>\d{1,2})$")


_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _clean(text: str) -> str:
    t = text.strip().strip("()[],;:").strip()
    t = re.sub(r"10\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", lambda m: "10^" + m[1].translate(_SUPER), t)  # "×10⁹/L"
    t = t.replace("µ", "u").replace("μ", "u").replace("²", "2").replace("³", "3").replace("×", "x")
    t = re.sub(r"\s+", "", t).lower()
    t = re.sub(r"10%(?=\d)", "10^", t)  # a caret read as "%" by OCR ("x10%3/uL")
    t = re.sub(r"^(?:x)?10\^?(\d)\b(?=/)", r"10*\1", t)  # "10^9/L"
    t = t.replace("10^", "10*").replace("x10e", "10*").replace("x10*", "10*")
    # What OCR makes of an upper-case I and a superscript 2: "mlU/L", "1.73m?".
    t = re.sub(r"(^|m)lu(?=/|$)", r"\1iu", t)
    t = re.sub(r"^(g|gm|gms|mg)%$", r"\1/dl", t)  # "gm%", "mg%": per 100 mL, i.e. per dL
    t = re.sub(r"^cells?(?=/)", "", t)  # "cells/cumm": the count per volume (UCUM's {cells} is 1)
    return re.sub(r"(?<=1\.73m)(?:7?\?|7)$", "2", t)  # the superscript 2 read as "?", "7" or "7?"


# Units written out in words ("millimoles per litre", "thousand per microliter", "per cent"), as
# patient portals and letters print them: each word becomes the printed atom it names, "per" a slash.
_WORD_PREFIX = {"milli": "m", "micro": "u", "nano": "n", "pico": "p", "femto": "f", "kilo": "k", "deci": "d",
                "centi": "c"}
_WORD_BASE = {"gram": "g", "litre": "l", "liter": "l", "mole": "mol", "equivalent": "eq", "unit": "u",
              "internationalunit": "iu", "second": "s", "minute": "min", "hour": "h", "day": "d",
              "metre": "m", "meter": "m", "osmole": "osm"}
_WORD_WHOLE = {"thousand": "thousand", "million": "million", "billion": "10*9", "cells": "cells",
               "beats/min": "bpm"}
_PER_CENT = re.compile(r"^per\s*-?\s*cent$|^percent(?:age)?$", re.I)


def _word_atom(word: str) -> str | None:
    """One word of a unit in words ("millimoles" → "mmol", "femtolitres" → "fl"), or None."""
    w = word.lower().replace("-", "")
    if w in _WORD_WHOLE:
        return _WORD_WHOLE[w]
    w = re.sub(r"(?<=[a-z])s$", "", w)
    prefix = next((p for p in _WORD_PREFIX if w.startswith(p) and w[len(p):] in _WORD_BASE), "")
    base = _WORD_BASE.get(w[len(prefix):])
    return None if base is None else _WORD_PREFIX.get(prefix, "") + base


def _from_words(text: str) -> str:
    """A unit written in words as the printed abbreviation it spells ("milligrams per decilitre" →
    "mg/dl"); any other text unchanged (a word that names no unit leaves the whole text alone)."""
    t = " ".join(text.split())
    if _PER_CENT.match(t):
        return "%"
    if not re.search(r"[a-z]{4}", t, re.I) or not re.fullmatch(r"[A-Za-z\- ]+(?:per [\d.]+ ?m[²2])?", t):
        return text
    t = re.sub(r"\binternational units?\b", "internationalunits", t, flags=re.I)
    t = re.sub(r"\bbeats per minute\b", "beats/min", t, flags=re.I)
    m = re.search(r"\s+per\s+([\d.]+) ?m[²2]$", t)
    tail = f"/{m[1]}m2" if m else ""
    t = t[:m.start()] if m else t
    out: list[str] = []
    for i, part in enumerate(re.split(r"\s+per\s+", t, flags=re.I)):
        atoms = [_word_atom(w) for w in part.split()]
        if not atoms or any(a is None for a in atoms) or (i == 0 and len(atoms) > 1):
            return text
        out.append("".join(a for a in atoms if a))
    return "/".join(out) + tail


def _atom(part: str, numerator: bool) -> str | None:
    if m := _POWER.match(part):
        return f"10*{int(m['exp'])}"
    if part in _COUNT_ONLY and not numerator:
        return None
    if part.startswith("10*") and len(part) > 3:  # "10*3u" or similar glue: not a printed unit
        return ATOMS.get(part)
    return ATOMS.get(part)


def _assemble(text: str) -> str | None:
    parts = text.split("/")
    if any(p == "" for p in parts[1:]):
        return None
    head, rest = parts[0], parts[1:]
    atoms: list[str] = []
    if head:
        a = _atom(head, numerator=True)
        if a is None:
            return None
        if head in _COUNT_ONLY and not rest:
            return None  # a bare "K" or "M" is not a unit
        atoms.append(a)
    for p in rest:
        a = _atom(p, numerator=False)
        if a is None:
            return None
        atoms.append(a)
    return ("/" if not head else "") + "/".join(atoms)


@lru_cache(maxsize=1)
def _parser():  # type: ignore[no-untyped-def]
    """The UCUM grammar, built once (lark compiles it on first use)."""
    return get_ucum_parser()


@lru_cache(maxsize=2048)
def to_ucum(printed: str | None) -> str | None:
    """The UCUM code of a printed unit, or ``None`` when it cannot be read."""
    if not printed or not printed.strip():
        return None
    code = _assemble(_clean(_from_words(printed)))
    if code is None:
        return None
    try:
        _parser().parse(code)
    except Exception:  # noqa: BLE001 - lark raises several error types; any means "not UCUM"
        return None
    return code


def is_unit(token: str) -> bool:
    """Whether a printed token reads as a lab unit (no number-only tokens)."""
    t = token.strip()
    if not t or re.fullmatch(r"[<>≤≥]?=?-?[\d.,]+", t):
        return False
    return to_ucum(t) is not None
