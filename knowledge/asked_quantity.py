"""A dose or a duration asked for a named medicine that no quoted passage states.

"What is the maintenance dose of dronedarone?" or "how many days of
nitrofurantoin?" asks for a number that belongs to one medicine. When none of
the quoted recommendation units states a dose (or a duration) beside that
medicine's name, the passages found cannot answer it, however close they are
in topic: the near-miss question that is on-topic for a guideline (the AF
guideline names dronedarone; the meningitis guideline gives a dexamethasone
dose for another kind of meningitis) but not covered by it. The answer is
withheld with that reason (``abstention.should_abstain``), as for a medicine
no guideline names (``medicine_names``) or a patient group the guideline never
addresses (``populations``).

Only the asked sentences count (those ending in "?", else the last one): a
case description's "on rivaroxaban 20 mg" asks for nothing. A medicine is a
word with a WHO INN stem (``medicine_names.looks_like_medicine``) or the word
a dose or a course is "of" ("days of nitrofurantoin", "protamine dose"), in
both cases a technical word (``technical``) that the corpus uses; a question
naming no medicine is left to the calibrated model. The number patterns are
the quote scorer's (``quotes.QUESTION_TYPES``), so a unit counts as stating a
dose here exactly when it counts as one for choosing quotes.

Chosen on the TUNE split only (797 rows with questions_h's TUNE rows; TEST
never looked at while choosing): of 47 answered questions that ask a dose or
a duration of a named medicine, 7 of the 13 unanswerable ones had no quoted
unit stating it, and none of the 34 answerable ones. Searching every unit of
the cited guideline instead of the quotes caught 10 but withheld 2 answerable
questions whose quotes already carried the number.
"""

from __future__ import annotations

import re

from carepath.knowledge.index import Index
from carepath.knowledge.lexical import terms
from carepath.knowledge.medicine_names import looks_like_medicine
from carepath.knowledge.quotes import QUESTION_TYPES
from carepath.knowledge.technical import technical_words

ASKS: dict[str, re.Pattern[str]] = {
    "dose": re.compile(r"\b(doses?|dosing|dosage|how much|what strength|how many (mg|milligrams?|micrograms?|"
                       r"tablets?|pills?|capsules?|units?|puffs?|grams?))\b", re.I),
    "duration": re.compile(r"\b(how long|for how long|duration|how soon|"
                           r"how many (days?|weeks?|months?|hours?|years?))\b", re.I),
}
STATES = {"dose": QUESTION_TYPES["dose"][1], "duration": QUESTION_TYPES["time"][1]}
_OF = re.compile(r"\b(?:doses?|dosing|dosage|days?|course) of (?:the |a |an )?([A-Za-z][\w-]+)"
                 r"|\b([A-Za-z][\w-]+) (?:doses?|dosing|dosage)\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]{4,}")
_SENTENCE = re.compile(r"(?<=[.?!])\s+")


def asked_sentences(question: str) -> str:
    """The sentences that ask (end in "?"), else the last sentence."""
    sentences = [s.strip() for s in _SENTENCE.split(question.strip()) if s.strip()]
    return " ".join([s for s in sentences if s.endswith("?")] or sentences[-1:])


def asked_medicines(index: Index, asked: str) -> dict[str, str]:
    """Stemmed term -> word of each medicine the asked sentences name (see the module docstring)."""
    technical = technical_words(index)
    if technical is None:
        return {}
    words = [w for w in _WORD.findall(asked) if looks_like_medicine(w)]
    words += [m.group(1) or m.group(2) for m in _OF.finditer(asked)]
    out: dict[str, str] = {}
    for w in dict.fromkeys(words):
        stem = terms(w)[:1]
        if stem and technical(w.lower()) and index.bm25.known(stem[0]):
            out[stem[0]] = w
    return out


def unstated(index: Index, question: str, quotes: list[str]) -> list[str]:
    """What the question asks that no quote states, e.g. ["a dose of dronedarone"]; empty when nothing is
    asked of a named medicine or a quote states it beside the medicine's name."""
    asked = asked_sentences(question)
    kinds = [k for k, rx in ASKS.items() if rx.search(asked)]
    medicines = asked_medicines(index, asked) if kinds else {}
    if not medicines:
        return []
    quote_terms = [set(terms(q)) for q in quotes]
    missing = []
    for kind in kinds:
        if not any(STATES[kind].search(q) and medicines.keys() & qt for q, qt in zip(quotes, quote_terms)):
            missing.append(f"a {kind} of {' or '.join(medicines.values())}")
    return missing
