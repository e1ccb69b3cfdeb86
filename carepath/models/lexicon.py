"""Medical vocabulary for biasing the non-medical Whisper fallback, and
number/unit normalisation of its output.

The prompt is radiology report vocabulary plus the most frequent clinical
words of the guideline corpus (open-medicine), so the fallback hears
"pneumothorax" rather than "new mother axe".
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

RADIOLOGY = (
    "chest x-ray, PA and lateral, portable AP, consolidation, pleural effusion, pneumothorax, "
    "atelectasis, cardiomegaly, mediastinum, hilar, opacity, nodule, mass, interstitial, "
    "costophrenic angle, hemidiaphragm, endotracheal tube, nasogastric tube, central line, "
    "pneumonia, pulmonary edema, emphysema, fracture, CT, MRI, contrast, millimeters, centimeters, "
    "impression, findings, no acute cardiopulmonary process, unremarkable, bilateral, right, left, "
    "upper lobe, lower lobe, middle lobe, lingula, apex, base"
)


@lru_cache(maxsize=1)
def corpus_terms(n: int = 12) -> list[str]:
    """Single-word clinical topics of the guideline corpus (open-medicine's
    registry topics), most frequent in the guideline texts first."""
    try:
        import json

        from carepath.knowledge.corpus import open_medicine_root

        root = open_medicine_root()
        topics = {t.lower() for e in json.loads((root / "registry.json").read_text("utf-8"))
                  for t in e.get("topics", []) if " " not in t and len(t) > 5}
        counts: Counter[str] = Counter()
        for f in (root / "content").rglob("*.md"):
            counts.update(w for w in re.findall(r"[a-z]{6,}", f.read_text("utf-8").lower()) if w in topics)
    except Exception:  # noqa: BLE001 - biasing is best effort
        return []
    return [w for w, _ in counts.most_common(n)]


def initial_prompt(extra_terms: int = 12) -> str:
    """Radiology report vocabulary plus clinical topics of the guideline corpus.
    Kept to a few dozen terms: a longer list makes tiny.en write prompt words
    it did not hear (measured in bench/bench_whisper_wer.py)."""
    extra = ", ".join(corpus_terms(extra_terms))
    return f"Radiology dictation. {RADIOLOGY}" + (f", {extra}." if extra else ".")


_NUM = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {"millimeters": "mm", "millimetres": "mm", "millimeter": "mm", "centimeters": "cm",
          "centimetres": "cm", "centimeter": "cm", "milligrams": "mg", "milligram": "mg",
          "milliliters": "mL", "millilitres": "mL", "percent": "%"}
_WORDNUM = re.compile(r"\b((?:%s)(?:[- ](?:%s))?)\b" % ("|".join(_NUM), "|".join(_NUM)), re.I)


def _words_to_int(s: str) -> int:
    parts = re.split(r"[- ]", s.lower())
    return sum(_NUM[p] for p in parts)


def normalise(text: str) -> str:
    """'five point two millimeters' → '5.2 mm'; 'fifty five' → '55'."""
    def num(m: re.Match[str]) -> str:
        words = re.split(r"[- ]", m.group(1).lower())
        if len(words) == 2 and not (_NUM[words[0]] >= 20 and _NUM[words[1]] < 10):
            return m.group(0)
        return str(_words_to_int(m.group(1)))

    out = _WORDNUM.sub(num, text)
    out = re.sub(r"(\d+)\s+point\s+(\d+)", r"\1.\2", out, flags=re.I)
    for word, unit in _UNITS.items():
        out = re.sub(rf"(\d)\s*{word}\b", rf"\1 {unit}", out, flags=re.I)
    return out
