"""Who and where: the clinicians and places a patient's visits and care teams name.

Why this exists: "who is his GP?", "which hospital was she admitted to?", "who saw him last?" are
asked of a record as often as what was found. A Synthea / US Core record names them only by
reference (Encounter.participant.individual, Encounter.serviceProvider, CareTeam.participant.member
to Practitioner and Organization), so the visit or care team the question picks is found the usual
way and this module adds who and where to it, citing the Practitioner and Organization it read.
Nothing here guesses: a visit that names nobody adds nobody.
"""

from __future__ import annotations

import re
from collections import Counter

from pydantic import BaseModel

from carepath.tools.records import fields
from carepath.tools.sources.fhir_bundle import FhirRecord

# who or where opening a clause ("who is his GP", "and where was she seen"), "by/with whom",
# or a clinician or a place asked by "which"/"what"/"name of" ("which hospital", "name of her doctor", "the name of
# the walk-in urgent care place");
# a relative clause ("my dad, who is 80") opens no clause of its own and asks nothing, nor do values' "where they
# started and where they are now"
_ASKS = re.compile(
    r"(^|[.?!;:]\s*|\band\s+|\bor\s+)(who|whom|whose|whos|who's|where(?! (?:they|the numbers|the values|the "
    r"results|things) (?:started|start|began|are|were|stand|stood|ended|end)\b))\b|\b(by|with|to) whom\b|"
    # "Siapa doktor who did his last colonoscopy?", "the doctor who saw him": who did it, asked after a noun
    r"(?<![,\s])\s+who (?:did|saw|treated|performed|operated|looked after|prescribed|ordered|referred|examined)\b|"
    r"\b(?:(?:which|what)\s+(?:\w+\s+)?|name of(?: the| his| her| my| their)?\s+(?:[\w'-]+\s+){0,3})(doctors?|gps?|physicians?|consultants?|"
    r"clinicians?|providers?|practitioners?|nurses?|surgeons?|specialists?|hospitals?|clinics?|practices?|surgery|"
    r"centre|center|facility|facilities|place|places|organi[sz]ations?)\b", re.I)
# contact details of a clinician or a place ("the phone number of his GP practice", "address of the hospital
# she was seen at"): the Practitioner's or Organization's, never the patient's own
_CONTACT = re.compile(r"\b(address|addresses|phone|telephone|tel|phone number|contact|contacts|email|e-mail|located|"
                      r"location)\b", re.I)
_PLACE_OR_CLINICIAN = re.compile(r"\b(hospitals?|clinics?|practices?|surgery|gp|doctors?|physicians?|pcp|providers?|"
                                 r"practitioners?|consultants?|centre|center|organi[sz]ations?)\b", re.I)


def asks_contact(question: str) -> bool:
    """Whether the question asks how to reach a clinician or a place of care."""
    return bool(_CONTACT.search(question) and _PLACE_OR_CLINICIAN.search(question))


_CONTACT_WORDS = re.compile(r"\b(contact details|contact|details|addresses|address|phone numbers?|phone|telephone|"
                            r"tel|numbers?|email|e-mail|located|location)\b", re.I)


def without_contact_words(question: str) -> str:
    """The question without the words that ask for contact details: what is left names the visits."""
    return _CONTACT_WORDS.sub(" ", question)


# the family doctor: the record's general practitioner (Patient.generalPractitioner), else the clinician
# of most of the routine check-ups (the visits a family doctor holds), else of most visits
_GP = re.compile(r"\b(gp|pcp|family (doctor|physician)|primary care|regular doctor|own doctor|usual doctor)\b", re.I)
_ROUTINE = re.compile(r"\b(general exam\w*|check[- ]?ups?|well(ness)?|well child|annual|routine|physical exam\w*)\b", re.I)


def asks(question: str) -> bool:
    """Whether the question asks who or where."""
    return bool(_ASKS.search(question))


# what a who-question says besides who: seeing or treating someone names the visits ("who saw her first?")
_SEEING = frozenset("saw see sees seeing seen met meet meets treated treat treats looked looks look after "
                    "usually normally regularly".split())


def names_only_visits(unknown: list[str], stop: frozenset[str], empty: bool = False) -> bool:
    """Whether the words of a who/where question the record did not match only say seeing someone
    (``empty``: also when there are none, as in "contact details for his doctor")."""
    words = [w for u in unknown for w in re.findall(r"[a-z']+", u.lower())]
    return (empty or bool(words)) and all(w in _SEEING or w in stop for w in words)


class Named(BaseModel):
    """A clinician or a place named on the picked visits: ``Type/id`` when the record holds it."""

    ref: str | None
    name: str
    latest: str | None = None


class Picked(BaseModel):
    """A visit or care team the answer found (its fact's resource, text and date)."""

    ref: str
    text: str
    date: str | None = None


def who(record: FhirRecord, picked: list[Picked], question: str) -> tuple[str, list[Named]] | None:
    """The sentence saying who and where for the visits and care teams found, and the clinicians and
    places it names; None when they name nobody."""
    gp = bool(_GP.search(question))
    if gp and (own := _general_practitioner(record)):
        return own
    via = {f.ref: v for f in picked if (v := _named_by(record, f.ref))}
    picked = [f for f in picked if f.ref in via]
    if gp and (routine := [f for f in picked if _ROUTINE.search(f.text)]):
        picked = routine
    seen: Counter[str] = Counter()
    last: dict[str, str] = {}
    keys: dict[str, str | None] = {}
    kinds: dict[str, str] = {}
    for f in picked:
        for key, name, rtype in fields.people(record, record.resources[via[f.ref]]):
            seen[name] += 1
            keys[name], kinds[name] = key, rtype
            last[name] = max(last.get(name, ""), f.date or "")
    if not seen:
        return None
    sentence = _said(picked, seen, last, kinds, gp=gp)
    if asks_contact(question):
        sentence += " " + " ".join(f"{name}: {how}." for name, key in keys.items()
                                   if key and (how := fields.contact(record.resources[key])))
    visits = [Named(ref=via[f.ref], name="visit") for f in picked if via[f.ref] != f.ref]
    return sentence, [*(Named(ref=key, name=name, latest=last[name] or None) for name, key in keys.items()), *visits]


def _general_practitioner(record: FhirRecord) -> tuple[str, list[Named]] | None:
    """The GP the Patient resource names (US Core ``generalPractitioner``), when it names one."""
    pats = record.of_type("Patient")
    refs = [r for r in (pats[0][1].get("generalPractitioner") or []) if isinstance(r, dict)] if pats else []
    named = [Named(ref=key, name=fields.person_name(record.resources[key]) or str(r.get("display") or key))
             if (key := record.resolve(r)) else Named(ref=None, name=str(r.get("display") or ""))
             for r in refs]
    named = [n for n in named if n.name]
    if not named:
        return None
    return f"General practitioner on the record: {', '.join(n.name for n in named)}.", named


def _named_by(record: FhirRecord, ref: str) -> str | None:
    """The visit or care team that names who and where for a found resource: itself, or the Encounter a
    procedure, diagnosis, vaccination or result was recorded at ("where did he have his colonoscopy")."""
    if ref.split("/")[0] in ("Encounter", "CareTeam"):
        return ref
    res = record.resources.get(ref) or {}
    return record.resolve(res.get("encounter") or res.get("context"))


def _said(picked: list[Picked], seen: Counter[str], last: dict[str, str], kinds: dict[str, str],
          gp: bool) -> str:
    """One sentence: the one visit's clinician and place, or each one's share of several visits."""
    people = [n for n, _ in seen.most_common() if kinds[n] != "Organization"]
    places = [n for n, _ in seen.most_common() if kinds[n] == "Organization"]
    if len(picked) == 1:
        who = f"{', '.join(people)}" if people else "no clinician named"
        where = f" at {', '.join(places)}" if places else ""
        return f"{picked[0].text.split(' (')[0]} — {who}{where}."
    head = (f"Most often {people[0]} ({seen[people[0]]} of these {len(picked)}"
            f"{' routine check-ups' if all(_ROUTINE.search(f.text) for f in picked) else ''})" if gp and people
            else f"Named on these {len(picked)}")
    parts = [f"{n} ({seen[n]}, latest {fields.day(last[n] or None)})" for n in people]
    text = f"{head}: clinicians {'; '.join(parts)}" if parts else f"{head}: no clinician named"
    if places:
        text += f"; places {'; '.join(f'{n} ({seen[n]})' for n in places)}"
    return text + "."
