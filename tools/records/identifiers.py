"""A patient's own identifiers asked for: said to be held but never printed.

Why this exists: carepath's answers never print a patient's name, phone, email or record numbers
(identifiers go out only through the signed outputs, never into answers that travel to logs, agents
and chat), and "what is his phone number?" had answered "Phone: not in this record" over a
Patient resource that holds one: a false statement about the record. The answer now says what the
record holds without its value, or that it holds none.
"""

from __future__ import annotations

import re
from typing import Any

# the patient's own contact and identity fields (a clinician's or a place's phone is ``people``'s)
_ASKED = (
    # a number asked for, not a phone in the scene ("talking into the phone", "typing on my phone") nor a cell
    # in a blood count
    ("phone number", "telecom", re.compile(r"\b((tele)?phone|mobile|cell) ?(number|no\.?|#)|\bcontact number\b",
                                           re.I)),
    ("email address", "telecom", re.compile(r"\be-?mail\b", re.I)),
    # asked, not said in passing ("my name is Sarah, I'm his daughter")
    ("name", "name", re.compile(r"\b(what('s| is| was)?|print|give|tell me|show) (me )?(his|her|their|the patient'?s|"
                                r"patient'?s|pt'?s) (full |first |last |sur)?name\b|\bname of the patient\b|"
                                r"\bwhat is (he|she) called\b", re.I)),
    ("record numbers", "identifier", re.compile(r"\b(mrn|medical record number|ssn|social security( number)?|"
                                                r"passport( number)?|driver'?s licen[cs]e)\b", re.I)),
)


def asked(question: str) -> list[tuple[str, str]]:
    """(what, FHIR element) of each patient identifier the question asks for."""
    return [(what, element) for what, element, rx in _ASKED if rx.search(question)]


def withheld(patient: dict[str, Any] | None, fields: list[tuple[str, str]]) -> str:
    """One sentence per identifier asked: held but not shown, or not in this record."""
    out = []
    for what, element in fields:
        held = bool((patient or {}).get(element))
        if element == "telecom":
            system = "email" if what.startswith("email") else "phone"
            held = any(isinstance(t, dict) and t.get("system") == system for t in (patient or {}).get("telecom") or [])
        out.append(f"The patient's {what}: held in this record but not shown (carepath never prints a patient's "
                   f"identifiers in its answers)." if held
                   else f"The patient's {what}: not in this record.")
    return " ".join(out)
