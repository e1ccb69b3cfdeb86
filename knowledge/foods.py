"""Foods and plants a question asks about that no indexed guideline mentions.

"Does tart cherry juice stop gout attacks?", "do cranberry capsules stop
water infections coming back?", "which fruit must I not eat, banana or
orange?": a guideline that never names the food cannot advise on it, however
close the retrieved passages are in topic (the gout guideline, the UTI
guideline). Such diet and supplement questions are a recurring kind of
near-miss: patients and relatives ask them of every condition.

A word counts when it is in the question's asked sentences
(``asked_quantity.asked_sentences``: a case description's "after breakfast"
asks nothing), its commonest WordNet noun sense is a food or a plant
(Princeton WordNet 3.0's lexicographer files noun.food and noun.plant, a
general source nobody here wrote or tuned; ``wordnet.noun_class``), it has
four letters or more, the cited lay lexicon does not map it to a clinical
term (``lay_terms``: "water tablets"), and no chunk of the corpus uses it.
A food the corpus does mention ("sugar", "alcohol", "grapefruit" in an
interaction table) never counts: the passages may then answer.

Chosen on the TUNE split only (993 rows; TEST not looked at while choosing):
of the near-miss questions the calibrated model answered, 12 name such a food
(cherry, cranberry, coffee, honey, rice, tomatoes, bananas, ...), against 2
of the 741 answerable questions it answered ("skip breakfast", "puffers").
Artifacts and substances the corpus never names were checked the same way
and set apart nothing (16 near-miss against 16 answerable; 5 against 12).
"""

from __future__ import annotations

import re

from carepath.knowledge import wordnet
from carepath.knowledge.asked_quantity import asked_sentences
from carepath.knowledge.index import Index
from carepath.knowledge.lay_terms import strip as strip_lay
from carepath.knowledge.lexical import terms

FOOD_CLASSES = frozenset({13, 20})  # WordNet lexicographer files noun.food and noun.plant
MIN_LETTERS = 4                     # "mum" is a chrysanthemum to WordNet
_WORD = re.compile(rf"[A-Za-z]{{{MIN_LETTERS},}}")


def absent_foods(index: Index, question: str) -> list[str]:
    """Foods and plants the asked sentences name that no chunk of the corpus uses (see the module
    docstring); empty when WordNet is not installed."""
    out = []
    for word in _WORD.findall(strip_lay(asked_sentences(question))):
        w = word.lower()
        if wordnet.noun_class(w) in FOOD_CLASSES and not any(index.bm25.known(t) for t in terms(w)):
            out.append(w)
    return list(dict.fromkeys(out))
