"""Medicine names a question uses that no indexed guideline mentions.

A generic medicine name carries a stem that says its class: the WHO INN
Programme assigns them ("Use of stems in the selection of International
Nonproprietary Names (INN) for pharmaceutical substances", WHO 2024,
https://www.who.int/publications/i/item/9789240099388, Part II "Alphabetical
list of common stems": -mab monoclonal antibodies, -gliflozin SGLT2
inhibitors, -siran small interfering RNAs, -lukast leukotriene receptor
antagonists, -grel- platelet aggregation inhibitors, ...). A word that ends
in such a stem, is technical (``technical``: the encoder's general-English
vocabulary splits it into 3+ pieces, so "concept" or "cholesterol" never
count) and that no chunk of the corpus uses, names a medicine the guidelines
do not cover: "Is inclisiran recommended ...?" cannot be answered from them,
however close the retrieved passages are in topic. This is coverage of the
question's clinical terms (issue 15, Build 3), not word counting: lay words,
brand names (mapped by ``lay_terms`` first) and unknown abbreviations never
match a stem.

The stems below are the common ones of that list (suffixes, plus the -grel-
infix and the cef- prefix); stems whose spelling is also everyday English
(-cept, -mer, -ase, -ol) are left out.
"""

from __future__ import annotations

import re

from carepath.knowledge.index import Index
from carepath.knowledge.lay_terms import strip as strip_lay
from carepath.knowledge.lexical import terms
from carepath.knowledge.technical import technical_words

SUFFIXES = (
    "mab", "tinib", "anib", "rafenib", "ciclib", "lisib", "parib", "zomib", "gliflozin", "gliptin", "glutide",
    "glinide", "sartan", "pril", "prilat", "olol", "dipine", "vastatin", "conazole", "nidazole", "cillin", "floxacin",
    "oxacin", "mycin", "micin", "cycline", "penem", "bactam", "parin", "xaban", "gatran", "lukast", "siran", "vir",
    "afil", "prazole", "tidine", "setron", "triptan", "oxetine", "azepam", "azolam", "caine", "profen", "coxib",
    "semide", "tizide", "olone", "onide", "methasone", "dronate", "relin", "relix", "limus", "platin", "rubicin",
    "tecan", "taxel", "fibrate", "teplase", "kinra", "gepant", "lutamide", "ifene", "arone", "tretinoin", "zepine",
    "apine", "peridone", "moterol", "meterol", "anterol", "aterol", "tropium", "zosin", "dralazine", "flurane",
    "curium", "curonium", "barbital", "trombopag", "poetin", "grastim", "fungin",
)
PREFIXES = ("cef",)
INFIXES = ("grel",)
MIN_ROOT = 3           # letters before a suffix stem: "pril" alone or "april" is no medicine
_WORD = re.compile(r"[A-Za-z]{6,}")


def looks_like_medicine(word: str) -> bool:
    """Whether a word carries an INN stem (it still has to be technical to count)."""
    w = word.lower()
    return (any(w.endswith(s) and len(w) >= len(s) + MIN_ROOT for s in SUFFIXES)
            or any(w.startswith(p) and len(w) >= len(p) + 5 for p in PREFIXES)
            or any(i in w[1:-1] for i in INFIXES))


def absent_medicines(index: Index, question: str) -> list[str]:
    """Medicine names of the question (after brand and lay names are mapped away) that no
    chunk of the corpus uses."""
    technical = technical_words(index)
    if technical is None:
        return []
    out = []
    for word in _WORD.findall(strip_lay(question)):
        w = word.lower()
        if looks_like_medicine(w) and technical(w) and not any(index.bm25.known(t) for t in terms(w)):
            out.append(w)
    return list(dict.fromkeys(out))
