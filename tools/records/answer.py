"""The answer to one question over one record, built from the record alone.

Every fact names the resource it came from (``Type/id``) and the answer's
resource ids are exactly those facts' ids. When the question names something
the record does not hold, the answer says "not in this record" and cites
nothing: it never falls back to a nearby test or a guess.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel, Field

from carepath.tools.records import fields, goals, identifiers, lexicon, people, sounds
from carepath.tools.records.manifest import Concept, Manifest
from carepath.tools.records.question import (LOWER_IS_WORSE, Parsed, Target, asked_sentence, clauses, label_of,
                                              names_absent, names_held, parse, points_back_in_time, reason_of,
                                              refers_back, resolve, reworded, set_aside, window_words,
                                              without_form_blanks, without_restatements, without_sign_off)
from carepath.tools.records.spelling import is_english, respelled, unaccented, without_fillers
from carepath.tools.sources.fhir_bundle import FhirRecord

ABSENT = "not in this record"
COUNT_NAMES_KINDS = 5  # a count of a whole type names its kinds when there are at most this many
LABEL = {"Observation": "results", "Condition": "conditions", "MedicationRequest": "medications",
         "MedicationStatement": "medications", "Immunization": "immunizations", "Procedure": "procedures",
         "Encounter": "visits", "AllergyIntolerance": "allergies", "DiagnosticReport": "reports",
         "CarePlan": "care plans", "Device": "devices", "ImagingStudy": "imaging studies", "Goal": "goals",
         "CareTeam": "care teams"}
INTENT = {"Condition": "conditions", "MedicationRequest": "medications", "MedicationStatement": "medications",
          "Encounter": "encounters", "Immunization": "immunizations", "Procedure": "procedures",
          "AllergyIntolerance": "allergies", "DiagnosticReport": "diagnostic_reports", "CarePlan": "care_plans",
          "Device": "devices", "ImagingStudy": "imaging_studies", "Goal": "goals", "CareTeam": "care_teams"}


class Fact(BaseModel):
    ref: str = Field(description="ResourceType/id")
    kind: str
    text: str
    date: str | None = None
    value: float | None = None
    unit: str | None = None
    code: str | None = None


class RecordAnswer(BaseModel):
    question: str
    shape: str
    found: bool
    text: str
    facts: list[Fact]
    intents: list[str]
    read_as: dict[str, str] = Field(default_factory=dict, description="misspelt word -> the word it was read as")

    @property
    def resource_ids(self) -> list[str]:
        return list(dict.fromkeys(f.ref for f in self.facts))


NOTHING_NAMED = "what the question names"  # the subject of "not in this record" when no word named anything


def _as_said(unknown: list[str], question: str) -> str:
    """The words the record lacks as the question wrote them ("ER", "A&E", "HbA1c"), not lower-cased:
    the whole run when they stand together, else each one."""
    def said(words: list[str]) -> str | None:
        parts = [re.escape(t) for w in words for t in re.findall(r"\w+", w)]
        m = re.search(r"\b" + r"\W+".join(parts) + r"\b", question, re.I) if parts else None
        return m[0] if m else None

    return said(unknown) or ", ".join(said([w]) or w for w in unknown)


def _kind(rtype: str, res: dict[str, Any]) -> str:
    if rtype == "Observation":
        cats = {c.get("code") for c in fields.codings(res.get("category"))}
        return "vital" if "vital-signs" in cats else "social-history" if cats & {"social-history", "survey"} else "lab"
    return INTENT.get(rtype, rtype.lower()).rstrip("s").replace("_stud", "_study").replace("imaging_studie", "imaging_study")


def _obs_fact(record: FhirRecord, c: Concept, ref: str) -> Fact:
    res = record.resources[ref]
    v, text = fields.obs_value(res, c.component)
    date = fields.when(res)
    unit = (text.split(" ", 1)[1] if v is not None and " " in text else None)
    return Fact(ref=ref, kind=_kind("Observation", res), text=f"{fields.head(c.name)}: {text} on {fields.day(date)}",
                date=date, value=v, unit=unit, code=c.code)


def _event_fact(record: FhirRecord, c: Concept, ref: str) -> Fact:
    res = record.resources[ref]
    date = fields.when(res)
    text = f"{c.name} on {fields.day(date)}" if date else c.name
    st = fields.status(res)
    if st:
        text += f" ({st})"
    if end := fields.ended(res):
        text += f", {'resolved' if c.rtype == 'Condition' else 'ended'} {fields.day(end)}"
    if c.rtype in ("MedicationRequest", "MedicationStatement") and (how := fields.dosage(res)):
        text += f", {how}"  # "how often does she take it", "what dose is he on"
    if c.rtype == "Encounter" and (why := [fields.display(r) for r in res.get("reasonCode") or [] if fields.display(r)]):
        text += f", for {', '.join(why)}"  # "what was the visit on 2012-01-26 for?"
    if c.rtype == "CareTeam" and (members := [name for _, name, _ in fields.people(record, res)]):
        text += f", members {', '.join(members)}"  # "who is on her care team?"
    return Fact(ref=ref, kind=_kind(c.rtype, res), text=text, date=date, code=c.code)


def _in_window(f: Fact, p: Parsed) -> bool:
    return p.window is None or p.window[0] <= (f.date or "")[:10] <= p.window[1]


_NOW_VALUE = re.compile(r"^(?!.*\b(doing|going|been|way|were|all|every|each|history)\b).*\b(what is|what's|whats"
                        r"|how (tall|heavy|big|high) is|how much does \w+ weigh|what does \w+ weigh|is (his|her|my|their|the))\b",
                        re.I)


_NOW_STATE = re.compile(r"\b(at the moment|right now|now|currently|these days|at present|presently|today|nowadays)\b", re.I)


def _pick(p: Parsed, c: Concept, facts: list[Fact]) -> tuple[list[Fact], str]:
    """The facts one shape needs, and its sentence (facts oldest first)."""
    name = fields.head(c.name) if c.rtype == "Observation" else c.name
    n = len(facts)
    shape = p.shape
    if shape == "value" and c.rtype == "Observation" and _NOW_VALUE.search(p.question):
        shape = "latest"  # "what is his weight", "how tall is he": the value now is the latest one
    if shape in ("ever", "value") and c.rtype == "Observation" and _NOW_STATE.search(p.question) and not p.window:
        shape = "latest"  # "is his HDL good or bad at the moment?", "his weight today?": a measurement now is its latest
    if shape in ("highest", "lowest"):
        nums = [f for f in facts if f.value is not None]
        lower_worse = c.code in LOWER_IS_WORSE or c.component in LOWER_IS_WORSE
        if p.worst:
            shape = "lowest" if lower_worse else "highest"
        elif p.best:
            shape = "highest" if lower_worse else "lowest"
        if nums:
            f = (max if shape == "highest" else min)(nums, key=lambda f: f.value or 0.0)
            return [f], f"The {shape} {name} is {f.text.split(': ', 1)[-1]} (of {len(nums)} results)."
        shape = "latest"
    if shape == "count":
        return facts, f"{name}: {n} recorded, from {fields.day(facts[0].date)} to {fields.day(facts[-1].date)}."
    if shape == "trend" and c.rtype == "Observation":
        return facts, _trend_sentence(name, facts)
    if shape == "trend" and n > 1:  # "dates of his first and last colonoscopy": the two ends
        return [facts[0], facts[-1]], f"{name}: {n} recorded; the first {facts[0].text}; the latest {facts[-1].text}."
    if shape == "ever" and c.rtype == "Observation" and facts[-1].value is None and not _ASKS_DONE.search(p.question):
        return _coded_history(name, facts)
    if shape == "ever" and p.asks_when and n > 1 and not p.window:
        return _yes_when(p, c, name, facts)
    if shape == "ever" or (shape in ("list", "value", "date_of") and n > 1 and not p.ordinal):
        status = f", now {fields.status_text(facts[-1])}" if p.current and c.rtype != "Observation" else ""
        head = ("No, not now: " if status and fields.status_text(facts[-1]) in _ENDED else "Yes: ") if shape == "ever" else ""
        return facts, f"{head}{name}: {n} recorded{status}; " + "; ".join(f.text.split(': ', 1)[-1] if c.rtype == "Observation" else f.text for f in facts) + "."
    if p.nth:
        return _nth_pick(p, name, facts, observation=c.rtype == "Observation")
    if p.several and shape in ("latest", "first"):
        return _several_pick(p, name, facts, observation=c.rtype == "Observation")
    f = facts[0] if shape == "first" or p.ordinal == "first" else facts[-1]
    if c.rtype == "Observation":
        which = "first" if f is facts[0] and n > 1 else "latest"
        return [f], f"The {which} {name} is {f.text.split(': ', 1)[-1]}" + (f" (of {n} results)." if n > 1 else ".")
    return [f], f.text + "."


def _several_pick(p: Parsed, name: str, facts: list[Fact], observation: bool) -> tuple[list[Fact], str]:
    """"His last three blood pressures": that many from the asked end, oldest first as a reader lists them;
    with fewer recorded, all of them, and the answer says how many there are."""
    n, want = len(facts), p.several or 1
    first = p.shape == "first" or p.ordinal == "first"
    picked = facts[:want] if first else facts[-want:]
    which = f"{'first' if first else 'last'} {len(picked)}" if n > want else f"all {n} (fewer than {want} recorded)"
    listed = "; ".join(f.text.split(': ', 1)[-1] if observation else f.text for f in picked)
    return picked, f"{name}: the {which} of {n} recorded: {listed}."


_NTH_NAMES = {2: "second", 3: "third", 4: "fourth", 5: "fifth", -2: "one before the last"}


def _nth_pick(p: Parsed, name: str, facts: list[Fact], observation: bool) -> tuple[list[Fact], str]:
    """"When did he have bronchitis the second time?": the asked event counted from the start (or, for
    "the one before last", from the end). With fewer recorded than that, every one is cited and the
    answer says there is no such event rather than giving the nearest one."""
    nth, n = p.nth or 1, len(facts)
    said = _NTH_NAMES.get(nth, f"number {nth}")
    if not -n <= (i := nth - 1 if nth > 0 else nth) < n:
        listed = "; ".join(f.text.split(': ', 1)[-1] if observation else f.text for f in facts)
        return facts, f"{name}: only {n} recorded, so there is no {said} ({ABSENT}); {listed}."
    f = facts[i]
    if observation:
        return [f], f"The {said} {name} (of {n} recorded) is {f.text.split(': ', 1)[-1]}."
    return [f], f"The {said} of {n} recorded: {f.text}."


def _yes_when(p: Parsed, c: Concept, name: str, facts: list[Fact]) -> tuple[list[Fact], str]:
    """"Has he had a flu jab, and if so when?" over several events: yes, with the most recent
    (and when it began), as a clinician would answer -- not every date of the history."""
    last, first = facts[-1], facts[0]
    status = f", now {fields.status_text(last)}" if p.current and c.rtype != "Observation" else ""
    head = "No, not now: " if status and fields.status_text(last) in _ENDED else "Yes: "
    text = last.text.split(": ", 1)[-1] if c.rtype == "Observation" else last.text
    return [first, last], (f"{head}{name}: {len(facts)} recorded{status}; most recently {text}; "
                           f"the first on {fields.day(first.date)}.")


# statuses that say a thing is over: "is the sinusitis still active?" is then answered no
_ENDED = frozenset({"resolved", "inactive", "remission", "stopped", "completed", "finished", "cancelled",
                    "entered-in-error", "ended", "revoked"})


# "has occult blood been measured?" asks whether a test was done (yes, with its results);
# "has he ever smoked?" asks what a coded status says
_ASKS_DONE = re.compile(r"\b(measured|checked|tested|test|done|performed|taken|assessed|screened|sent|run)\b", re.I)


def _coded_history(name: str, facts: list[Fact]) -> tuple[list[Fact], str]:
    """"Has he ever smoked?" over a coded status (social history): the answer is what was
    recorded, never "yes" because a status exists. Cites the latest and the first record of
    every other value."""
    value = {f.ref: f.text.split(": ", 1)[-1].rsplit(" on ", 1)[0] for f in facts}
    firsts = {}
    for f in facts:
        firsts.setdefault(value[f.ref], f)
    last = facts[-1]
    others = [f for v, f in firsts.items() if v != value[last.ref]]
    text = f"{name}: recorded {len(facts)} times; latest {value[last.ref]} on {fields.day(last.date)}"
    if others:
        text += "; earlier also " + "; ".join(f"{value[f.ref]} (first on {fields.day(f.date)})" for f in others)
    else:
        text += f"; the same value every time since {fields.day(facts[0].date)}"
    return [*others, last], text + "."


def _trend_sentence(name: str, facts: list[Fact]) -> str:
    vals = [f for f in facts if f.value is not None]
    s = f"{name}: {len(facts)} result(s) from {fields.day(facts[0].date)} to {fields.day(facts[-1].date)}"
    if len(vals) >= 2:
        a, b = vals[0], vals[-1]
        d = (b.value or 0.0) - (a.value or 0.0)
        way = "rose" if d > 0 else "fell" if d < 0 else "was unchanged"
        s += (f"; it {way} from {fields.num(a.value or 0.0)} on {fields.day(a.date)} to "
              f"{fields.num(b.value or 0.0)} {b.unit or ''} on {fields.day(b.date)}").rstrip()
    return s + ". Values: " + "; ".join(f.text.split(": ", 1)[-1] for f in facts) + "."


def _concept(record: FhirRecord, p: Parsed, c: Concept, limit: int) -> tuple[list[Fact], str]:
    make = _obs_fact if c.rtype == "Observation" else _event_fact
    facts = [make(record, c, r) for r in c.refs]
    facts.sort(key=lambda f: f.date or "")
    if p.asks_end and c.rtype != "Observation":
        ended = [f for f in facts if "resolved" in f.text or "ended" in f.text]
        facts = ended or facts
    inside = [f for f in facts if _in_window(f, p)]
    if not inside and p.window and (near := _nearest(c, facts, p.window)):
        days = _days_off(near, p.window)
        return [near], (f"{c.name}: no results {window_words(p.window)} ({ABSENT} for those dates); the nearest is "
                        f"{near.text.split(': ', 1)[-1]} ({days} day{'s' * (days != 1)} outside the asked dates).")
    facts = inside
    if not facts:
        return [], f"{c.name}: no results {window_words(p.window)}; {ABSENT} for that window." if p.window else ""
    if p.threshold and c.rtype == "Observation" and (cut := _beyond(c, facts, p.threshold)) is not None:
        return cut
    chosen, sentence = _pick(p, c, facts)
    if p.shape in ("trend", "list") and len(chosen) > limit:
        chosen = chosen[-limit:]
    return chosen, sentence


def _beyond(c: Concept, facts: list[Fact], threshold: tuple[str, float]) -> tuple[list[Fact], str] | None:
    """"Any creatinine over 3?", "when was his potassium above 5": only the results past the asked
    value, each cited; when none is, a plain "No" with the most extreme result cited as the evidence.
    None when the concept has no numeric results (a panel, a coded answer)."""
    nums = [f for f in facts if f.value is not None]
    if not nums:
        return None
    op, limit = threshold
    above = op == ">"
    kept = [f for f in nums if (f.value or 0.0) > limit] if above else [f for f in nums if (f.value or 0.0) < limit]
    name, words = fields.head(c.name), f"{'above' if above else 'below'} {limit:g}"
    if not kept:
        edge = (max if above else min)(nums, key=lambda f: f.value or 0.0)
        return [edge], (f"No: none of {len(nums)} {name} results was {words}; the "
                        f"{'highest' if above else 'lowest'} is {edge.text.split(': ', 1)[-1]}.")
    return kept, (f"Yes: {len(kept)} of {len(nums)} {name} results {words}: "
                  + "; ".join(f.text.split(': ', 1)[-1] for f in kept) + ".")


NEAREST_DAYS = 92  # "LDL in Jan 2014" read in March: a quarter either side still answers the question


def _days_off(f: Fact, window: tuple[str, str]) -> int:
    """Days between a result and the nearest edge of the asked dates (0 inside them)."""
    d = date.fromisoformat((f.date or "")[:10])
    lo, hi = _iso(window[0]), _iso(window[1])
    return max((lo - d).days, (d - hi).days, 0)


def _iso(x: str) -> date:
    """A window edge as a date ("YYYY-MM-31" of a 30-day month is the month's last day)."""
    y, m, d = int(x[:4]), int(x[5:7]), int(x[8:10])
    return date(y, m, min(max(d, 1), calendar.monthrange(y, m)[1]))


def _nearest(c: Concept, facts: list[Fact], window: tuple[str, str]) -> Fact | None:
    """A measurement asked for a month or a day that has none then: the nearest result within
    ``NEAREST_DAYS``, said to be outside the asked dates. Whole years and events (a vaccine "in
    2005") are answered as they were asked: none then."""
    lo, hi = window
    if c.rtype != "Observation" or "0000" in lo or hi == "9999" or (lo[5:] == "01-01" and hi[5:] == "12-31"):
        return None
    dated = [f for f in facts if f.date and f.value is not None]
    best = min(dated, key=lambda f: _days_off(f, window), default=None)
    return best if best and _days_off(best, window) <= NEAREST_DAYS else None


_DISTINCT = re.compile(r"\b(different|distinct|unique|separate|kinds? of|types? of)\b", re.I)
# "admitted to hospital", "any inpatient stays", "hospitalisations": inpatient encounters only
_ADMITTED = re.compile(r"\b(admit(ted)?|admissions?|in-?patient|hospitali[sz](ed|ation|ations)|hospital stays?|"
                       r"stays? in hospital|stayed in hospital|overnight)\b", re.I)
_EMERGENCY = re.compile(r"\b(er|ed|a ?& ?e|a and e|emergency|casualty|urgent care)\b", re.I)
# FHIR R4 v3 ActCode encounter classes that are a stay in hospital (inpatient, acute, non-acute, observation)
INPATIENT_CLASSES = frozenset({"IMP", "ACUTE", "NONAC", "OBSENC"})


_STAY = re.compile(r"\b(in-?patient|hospitali[sz]\w*|hospital|stays?|stayed|overnight|ward)\b", re.I)


def _admissions(record: FhirRecord, facts: list[Fact], stay: bool) -> tuple[list[Fact], str]:
    """Only the encounters whose class is a stay in hospital: an ambulatory check-up is a visit, not
    an admission. Emergency visits are not admissions either (a question about the ED names it),
    unless the record itself calls the visit an admission ("Emergency room admission") and the question
    says "admitted" without asking for a stay (``stay``: "to hospital", "inpatient", "hospitalised", "overnight")."""
    kept = [f for f in facts if str((record.resources[f.ref].get("class") or {}).get("code")) in INPATIENT_CLASSES
            or (not stay and "admission" in fields.display(record.resources[f.ref].get("type")).lower())]
    return kept, "inpatient admissions" if all(
        str((record.resources[f.ref].get("class") or {}).get("code")) in INPATIENT_CLASSES for f in kept) else "admissions"


def _whole_types(record: FhirRecord, m: Manifest, p: Parsed, types: list[str], limit: int,
                 target: Target) -> tuple[list[Fact], str]:
    concepts = [c for c in m.concepts if c.rtype in types and c.component is None
                and not (c.rtype == "Observation" and p.category and c.category != p.category)]
    facts = [_event_fact(record, c, r) if c.rtype != "Observation" else _obs_fact(record, c, r)
             for c in concepts for r in c.refs if r not in target.excluded]
    facts.sort(key=lambda f: f.date or "")
    label = LABEL.get(types[0], types[0])
    if target.excluded_as:  # "immunizations other than flu": said, so the reader sees what was left out
        label = f"{label} other than {target.excluded_as}"
    if types == ["Encounter"] and _ADMITTED.search(p.question) and not _EMERGENCY.search(p.question):
        facts, label = _admissions(record, facts, stay=bool(_STAY.search(p.question)))
    if p.ended_only:  # "number of resolved conditions", "which plans are finished now": no longer current
        facts = [f for f in facts if fields.status(record.resources[f.ref]) and
                 not fields.is_current(record.resources[f.ref])]
        label = f"resolved or ended {label}"
    elif p.current:
        facts = [f for f in facts if fields.is_current(record.resources[f.ref])]
        label = f"active {label}"
    if p.window:  # "how many visits in 2015": the asked years only
        facts = [f for f in facts if _in_window(f, p)]
        label = f"{label} {window_words(p.window)}"
    if not facts:
        total = sum(m.count(t) for t in types)
        none = "in that window" if p.window else "an inpatient stay" if label.startswith("inpatient") else "active"
        more = f" ({total} recorded, none {none})" if total else ""
        return [], f"{label.capitalize()}: {ABSENT}{more}."
    if p.shape == "count" and _DISTINCT.search(p.question):  # "how many different vaccines": kinds, not doses
        kinds = [c.name for c in concepts if any(f.ref in c.refs for f in facts)]
        return facts, f"{label.capitalize()}: {len(kinds)} different ({len(facts)} recorded): {'; '.join(kinds)}."
    if p.shape == "count":
        # "how many care plans ... can list out all?": a few kinds are named with the count
        kinds = [c.name for c in concepts if any(f.ref in c.refs for f in facts)] if types != ["Observation"] else []
        named = f": {'; '.join(kinds)}" if 0 < len(kinds) <= COUNT_NAMES_KINDS else ""
        return facts, (f"{label.capitalize()}: {len(facts)} recorded, from {fields.day(facts[0].date)} to "
                       f"{fields.day(facts[-1].date)}{named}.")
    if p.nth and (p.shape in ("latest", "first") or p.asks_date):
        return _nth_pick(p, label, facts, observation=False)
    if p.several and p.shape in ("latest", "first"):  # "his last three visits"
        return _several_pick(p, label.capitalize(), facts, observation=False)
    if p.shape in ("latest", "first") or (p.asks_date and p.ordinal):
        f = facts[0] if p.shape == "first" or p.ordinal == "first" else facts[-1]
        same_day = _same_day(facts, f) if types == ["Observation"] else [f]
        yes = "Yes. " if p.shape == "ever" else ""  # "was I ever put on a care plan, and when did it start?"
        return same_day, f"{yes}The {'first' if f is facts[0] else 'most recent'} of {len(facts)} {label}" + (
            f", all {len(same_day)} from {fields.day(f.date)}: " + "; ".join(x.text for x in same_day)
            if len(same_day) > 1 else f": {f.text}") + "."
    shown = facts[-limit:]
    # "any plain radiographs in his record?" is a yes/no; "what conditions does he have?" is a list
    yes = "Yes: " if p.shape == "ever" and not _WH_LIST.match(p.question) else ""
    return shown, f"{yes}{label.capitalize() if not yes else label}: {len(facts)} recorded" + (f", the last {len(shown)} shown" if len(shown) < len(facts) else "") + ": " + "; ".join(f.text for f in shown) + "."


def _same_day(facts: list[Fact], f: Fact) -> list[Fact]:
    """"What are his latest labs?": every result drawn the day of the latest (or first) one, since
    one draw gives several results and the asker wants all of them, not the last line of the panel."""
    day = (f.date or "")[:10]
    return [x for x in facts if (x.date or "")[:10] == day] if day else [f]


# "how old was he when he was diagnosed with prediabetes?": the age at an event, not the age now
_AGE_AT = re.compile(r"\b(how old|what age|age)\b.*?\b(?P<how>when|at the time of|at|during) (?P<event>.+)$", re.I)


def _age_at(record: FhirRecord, m: Manifest, event: str, limit: int, said_when: bool = True) -> RecordAnswer | None:
    """The event's date (read as "when <event>") and the patient's age on it, both cited. An event the
    record lacks is said to be absent when it followed "when"; None when the event names nothing (the
    plain age is answered). After "at" or "during" ("how old was he at his cardiac arrest") only an
    event the record holds counts: "what age is he at present" asks the age now."""
    born = str(record.resources[m.patient].get("birthDate") or "") if m.patient else ""
    when = _answer_one(record, m, f"when {event}", limit)
    dated = [f for f in when.facts if f.date]
    if not born or not dated:
        return when if said_when and ABSENT in when.text and not when.facts else None  # the event is not held
    b = _iso(born)

    def age(f: Fact) -> int:
        day = _iso(f.date or "")
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))

    ages = list(dict.fromkeys(age(f) for f in dated))  # one event, or each of several ("his colonoscopies")
    said = f"{ages[0]} then" if len(ages) == 1 else f"{', '.join(map(str, ages[:-1]))} and {ages[-1]} on those dates"
    facts = [*dated, Fact(ref=m.patient or "", kind="demographic", text=f"date of birth: {born}")]
    return RecordAnswer(question=event, shape="date_of", found=True, facts=facts, intents=["demographics", *when.intents],
                        text=f"{when.text} The patient was {said} (born {born}).")


# "his diastolic the day he broke his collarbone", "jabs on the same day as his last colonoscopy": a day
# named by an event of the record rather than by its date
_ON_THE_DAY = re.compile(r"\s+(?:on |at |during )?(?:the same day as|on the same day as|the day (?:of |that |when )?|"
                         r"on the day (?:of |that |when )?|at the time of|around the time of"
                         # "his weight when he broke his collarbone": a "when" clause of his own (not "when first measured")
                         r"|when (?=(?:he|she|they|his|her|my|their) ))(?P<event>[^?.,;]+)", re.I)
# "his weight before he broke his collarbone", "any bloods since the fracture", "his A1c the year he had the
# polypectomy": the question confined to the dates on one side of an event, or to its year ("before or
# after" compares, and is read as said)
_AROUND_EVENT = re.compile(r"(?:^\W*|(?<!\bor)\s+)(?:(?:in|within|during|over|for) the (?:first )?(?P<span>\d{1,2}|one|two|"
                           r"three|four|five|six|seven|eight|nine|ten|twelve) (?P<unit>year|month|week)s? )?"
                           r"(?P<rel>before|after|since|prior to|following)\s+(?!or\b)"
                           r"(?P<event>(?![0-9]|(?:the )?(?:start|beginning|end|middle)\b|(?:19|20)\d\d\b)"
                           r"(?:(?:he|she|they|i|his|her|the|my|their|that|this|starting|started|having|getting)\b)[^?.,;]+)"
                           r"|\s+(?:in |during )?the (?:same )?year (?:that |when |of )?(?P<year_of>[^?.,;]+)", re.I)


_ASKERS_ACT = re.compile(r"(?:i|we)\b", re.I)
# "how long since ...", "how many years has it been since ...": the time since an event asks for its date
_ELAPSED = re.compile(r"(?:so )?how (?:long|many (?:years|months|weeks|days))(?: (?:has it been|is it|ago|now))?", re.I)
_THIRD_PERSON = re.compile(r"\b(he|she|his|her|him|they|them|their|the patient|pt)\b", re.I)


def _on_the_day(record: FhirRecord, m: Manifest, read: str, limit: int) -> RecordAnswer | None:
    """The question asked of the one day an event of the record happened on (the event read as "when
    <event>", cited beside the answer), of the dates before or after it, or of its year; None when no
    such clause names one dated event."""
    # "... since he broke his collarbone. Is he still on the Nurofen?": the scene's event bounds nothing; the
    # question sentence's own ("Since that fracture, what's the lowest ...?") does
    question_part = asked_sentence(read) or read
    around = next((a for a in _AROUND_EVENT.finditer(read)
                   if a[0].strip() in question_part or points_back_in_time(question_part)), None)
    if around and around["event"] and _ASKERS_ACT.match(around["event"]) and _THIRD_PERSON.search(read[: around.start()]):
        around = None  # "does he have any allergies ... before I prescribe?": the asker's act, no event of his record
    said = _ON_THE_DAY.search(read) or around
    if said and (asked := asked_sentence(read)) and (at := read.find(asked)) > 0 and at < said.end() \
            and not names_held(read[:at], m):
        # "I do the school crossing patrol. After I broke my collarbone, was I ever put on a care plan?": the
        # scene before the question sentence names nothing held, so the question sentence is read alone
        read = read[at:]  # as a message that opens with it ("After I broke my collarbone, ..." anchors nothing)
        said = _ON_THE_DAY.search(read) or _AROUND_EVENT.search(read)
    if not said or not (rest := (read[: said.start()] + read[said.end():]).strip(" ?")):
        return None
    event = said["event"] if said["event"] else said["year_of"]
    when = _answer_one(record, m, f"when {event.strip()}", limit)
    days = sorted({(f.date or "")[:10] for f in when.facts if f.date})
    if len(days) > 1 and re.search(r"\b(start|started|starting|first)\b", event, re.I):
        days = days[:1]  # "after starting simvastatin": its first prescription
    if len(days) != 1 or not when.facts:
        return None  # not held, or several days ("his colonoscopies"): the question is read as it was said
    day = days.pop()
    when = when.model_copy(update={"facts": [f for f in when.facts if (f.date or "")[:10] == day]})
    rel = (said.groupdict().get("rel") or "").lower()
    if rel == "since" and _ELAPSED.fullmatch(rest):
        return when  # "how long since his last tetanus?": the date it counts from is the answer
    dated = {"": f"on {day}", "before": f"before {day}", "prior to": f"before {day}", "after": f"since {day}",
             "following": f"since {day}", "since": f"since {day}"}[rel]
    if (span := said.groupdict().get("span")) and rel in ("after", "following", "since"):
        dated = f"from {day} to {_span_end(day, span, said['unit'])}"  # "in the two years after he hurt his shoulder"
    out = _answer_one(record, m, f"{rest} {f'in {day[:4]}' if said.groupdict().get('year_of') else dated}", limit,
                      trend=parse(read).shape == "trend")  # "has her weight dropped since the first visit"
    event_facts = [f for f in when.facts if f.ref not in {x.ref for x in out.facts}]
    label = "That day" if not rel and not said.groupdict().get("year_of") else "The event"
    return out.model_copy(update={"facts": [*out.facts, *event_facts],
                                  "text": f"{out.text} ({label}: {when.text.rstrip('.')}.)"})


# "what did they find on his colonoscopy?", "what did the last check-up show?": what was recorded that day
_FOUND_AT = re.compile(r"^\W*what (?:did|was|were) (?:(?:they|the doctors?|the team|he|she|it|that|the results?) )?"
                       r"(?:find|found|show|showed|shown|see|saw|discover|discovered|pick up|picked up|turn up|turned up)"
                       r"\s+(?:on|at|during|in|from|with)\s+(?P<event>[^?.!]+?)\s*\??\s*$", re.I)
# a day's findings: diagnoses made, results measured and reports issued (not the visit or the procedure itself)
_FINDING_TYPES = ("Condition", "Observation", "DiagnosticReport")


def _found_at(record: FhirRecord, m: Manifest, read: str, limit: int) -> RecordAnswer | None:
    """"What did they find on his colonoscopy?": the diagnoses, results and reports recorded on the day
    of the named event (each day, when it happened more than once), cited with the event; None when
    the question is not so worded or the event is not held."""
    said = _FOUND_AT.match(read)
    if not said:
        return None
    when = _answer_one(record, m, f"when was {said['event']}", limit)
    days = sorted({(f.date or "")[:10] for f in when.facts if f.date})
    if not days or not when.facts:
        return when if not when.found and ABSENT in when.text else None  # "... on her colonoscopy?": none held
    found = [(_obs_fact if c.rtype == "Observation" else _event_fact)(record, c, r)
             for c in m.concepts if c.rtype in _FINDING_TYPES and c.component is None for r in c.refs]
    found = sorted((f for f in found if (f.date or "")[:10] in days), key=lambda f: f.date or "")
    seen = {f.ref for f in found}
    events = [f for f in when.facts if (f.date or "")[:10] in days and f.ref not in seen]
    on = f"the day{'s' if len(days) > 1 else ''} of {said['event'].strip()} ({', '.join(days)})"
    text = (f"Recorded on {on}: " + "; ".join(f.text for f in found[:limit]) + "." if found
            else f"No diagnosis, result or report is recorded on {on} ({ABSENT}).")
    return RecordAnswer(question=read, shape="list", found=True, text=text, facts=[*found[:limit], *events],
                        intents=["findings"])


_SPAN_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "twelve": 12}


def _span_end(day: str, span: str, unit: str) -> str:
    """The last day of "the two years / six months / three weeks after" ``day`` (ISO text)."""
    n = int(span) if span.isdigit() else _SPAN_WORDS[span.lower()]
    start = date.fromisoformat(day)
    if unit.lower() == "week":
        return (start + timedelta(weeks=n)).isoformat()
    months = start.month - 1 + n * (12 if unit.lower() == "year" else 1)
    year, month = start.year + months // 12, months % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1])).isoformat()


def _demographic(record: FhirRecord, m: Manifest, field: str) -> tuple[list[Fact], str]:
    if not m.patient:
        return [], f"Patient {field}: {ABSENT}."
    pat = record.resources[m.patient]
    ext = {str(e.get("url", "")).rsplit("/", 1)[-1]: e for e in pat.get("extension") or []}

    def ext_text(name: str) -> str | None:
        e = ext.get(name) or {}
        return next((x.get("valueString") for x in e.get("extension") or [] if x.get("url") == "text"), None)

    marital = pat.get("maritalStatus") or {}
    code = next((c.get("code") for c in fields.codings(marital)), None)
    value = {
        "birthDate": pat.get("birthDate"), "gender": pat.get("gender"),
        "marital": fields.MARITAL.get(str(code), fields.display(marital)) if marital else None,
        "race": ext_text("us-core-race"), "ethnicity": ext_text("us-core-ethnicity"),
        "language": fields.display((pat.get("communication") or [{}])[0].get("language")) or None,
        "city": next((a.get("city") for a in pat.get("address") or [] if a.get("city")), None),
        "address": _address(pat), "deceased": _deceased(pat),
        "birthPlace": ((ext.get("patient-birthPlace") or {}).get("valueAddress") or {}).get("city"),
    }.get(field)
    label = {"birthDate": "date of birth", "gender": "sex (administrative gender)", "marital": "marital status",
             "birthPlace": "place of birth", "city": "city of residence", "address": "place of residence",
             "deceased": "vital status"}.get(field, field)
    if not value:
        return [], f"Patient {label}: {ABSENT}."
    if field == "birthDate":
        value = f"{value}{fields.age_text(str(value), pat.get('deceasedDateTime'))}"
    return [Fact(ref=m.patient, kind="demographic", text=f"{label}: {value}")], f"The patient's {label} is {value}."


def _address(pat: dict[str, Any]) -> str | None:
    """Where the patient lives, to the town and state only: like the name and phone number, the
    street and postal code identify the patient and are never printed by the engine."""
    a = next(iter(pat.get("address") or []), None)
    if not a:
        return None
    place = ", ".join(str(x) for x in (a.get("city"), a.get("state")) if x)
    return f"{place} (street and postal code not shown)" if place else None


def _deceased(pat: dict[str, Any]) -> str:
    """Patient.deceased[x]; when it is not set the record does not say the patient died, which is
    itself the answer to "is he still alive?" (cited to the Patient resource), never a guess."""
    if when := pat.get("deceasedDateTime"):
        return f"deceased on {str(when)[:10]}"
    if pat.get("deceasedBoolean"):
        return "recorded as deceased (no date)"
    return "not recorded as deceased (no date of death in the record)"


def _demographics(record: FhirRecord, m: Manifest, field: str) -> tuple[list[Fact], str]:
    """One demographic field; "home town" means both where one lives and where one was born,
    so it reads both (the same Patient resource, cited once)."""
    if field != "hometown":
        return _demographic(record, m, field)
    parts = [_demographic(record, m, f) for f in ("city", "birthPlace")]
    facts = [f for fs, _ in parts for f in fs][:1]
    return facts, " ".join(t for _, t in parts)


def answer(record: FhirRecord, m: Manifest, question: str, limit: int = 20) -> RecordAnswer:
    """The deterministic answer: shape → targets → facts → sentences. A misspelt clinical word
    is read as the word it is one edit from (``read_as`` says which). A message asking two things
    ("ldl trend and is he on a statin?") gets each clause the whole reading left out."""
    said, question = question, without_restatements(without_form_blanks(unaccented(question)), m)
    question, aside = set_aside(question, m)
    out = _answer_one(record, m, question, limit, aside=aside)
    asked = clauses(question)
    # "My uncle's record reads like a garden through the seasons; ... Which of his illnesses ...?": the
    # scene set before the question sentence is no clause of its own
    flat = " ".join(question.split())
    sentence = asked_sentence(flat)
    scene = flat.find(sentence) if sentence else -1
    for part in asked if len(asked) > 1 else []:
        if scene > 0 and part not in sentence and flat.find(part) < scene:
            continue
        more = _answer_one(record, m, part, limit, aside=aside)
        after = flat.find(part) >= scene + len(sentence) if sentence else part == asked[-1]
        if after and not more.facts and len(part.split()) <= 3:
            continue  # "... and when? Terima kasih.": a few words after the question that name nothing held sign off
        if _adds(out, more):
            out = out.model_copy(update={"text": f"{out.text} {more.text}", "found": out.found or more.found,
                                         "facts": [*out.facts, *(f for f in more.facts if f.ref not in out.resource_ids)],
                                         "intents": list(dict.fromkeys([*out.intents, *more.intents])),
                                         "read_as": {**out.read_as, **more.read_as}})
    return out.model_copy(update={"question": said})


def _adds(out: RecordAnswer, more: RecordAnswer) -> bool:
    """A clause's answer is news when it cites something the whole reading did not, or says a
    named thing is not in this record where the whole reading said nothing of it."""
    if more.facts:
        return not set(more.resource_ids) <= set(out.resource_ids)
    # a clause that names nothing ("Fit like?", "Hello?") says nothing of the record; one that says the
    # thing already said absent is not held, with the greeting and the scene around it, says nothing new
    return ABSENT in more.text and more.text.lower() not in out.text.lower() \
        and not more.text.lower().startswith(NOTHING_NAMED) \
        and not (_absent_names(out) and _absent_names(out) <= _absent_names(more))


def _absent_names(a: RecordAnswer) -> set[str]:
    """The things an answer says are not in this record ("Pneumonia, Ipoh: not in this record" -> both);
    empty when it says none is missing."""
    head = a.text.split(f": {ABSENT}", 1)[0] if f": {ABSENT}" in a.text else ""
    return {n.strip().lower() for n in head.split(",") if n.strip()}


def _answer_one(record: FhirRecord, m: Manifest, question: str, limit: int, trend: bool = False,
                aside: Target | None = None) -> RecordAnswer:
    """One question read whole (see ``answer``); ``trend``: asked as a trend whatever its dates now say;
    ``aside``: what the question set aside (``question.set_aside``)."""
    read, fixes = respelled(question, m)
    if people.asks_contact(read):
        # "address of the hospital she was seen at", "contact details for his doctor": the visits' places and
        # clinicians, not hers, and not a question relayed for a doctor (which rewording would read it as)
        read = people.without_contact_words(read)
    else:
        read = without_sign_off(reworded(read, m))  # "... blood test? Speak soon, Mark": the sign-off asks nothing
    p = _counted_back(record, parse(read))
    if trend:
        p = p.model_copy(update={"shape": "trend"})
    if p.demographic == "birthDate" and (at := _AGE_AT.search(read)) and (
            aged := _age_at(record, m, at["event"], limit, said_when=at["how"].lower() == "when")):
        return aged.model_copy(update={"question": question, "read_as": fixes})
    if not p.demographic and (found := _found_at(record, m, read, limit)) is not None:
        return found.model_copy(update={"question": question, "read_as": fixes})
    if not p.demographic and (anchored := _on_the_day(record, m, read, limit)) is not None:
        return anchored.model_copy(update={"question": question, "read_as": fixes})
    if p.demographic:
        parts = [_demographics(record, m, f) for f in p.demographics or [p.demographic]]
        facts = list({f.ref: f for fs, _ in parts for f in fs}.values())
        text = " ".join(t for _, t in parts)
        return RecordAnswer(question=question, shape=p.shape, found=bool(facts), text=text, facts=facts,
                            intents=["demographics"] if facts else [], read_as=fixes)
    target = resolve(p, m)
    read, p, target = _asked_alone(m, (read, p, target))
    if not target.concepts and not target.types and target.unknown:
        read, p, target, fixes = _autocorrected(question, m, (read, p, target, fixes))
    if not target.concepts and not target.types and target.unknown:
        read, p, target, fixes = _by_sound(question, m, (read, p, target, fixes))
    if not target.concepts and not target.types and target.unknown:
        read, p, target = _fillers_dropped(m, (read, p, target))
    target = _visits_with(record, m, read, p, _visits_for_reason(record, m, read, target))
    if (people.asks(question) or people.asks_contact(question)) and not target.concepts and not target.types \
            and people.names_only_visits(target.unknown, lexicon.STOP, empty=people.asks_contact(question)):
        target = Target(types=["Encounter"])  # "who saw her first?", "contact details for his doctor": the visits
    target = _named_kind_only(m, read, target)
    if _HOW_MUCH.search(read) and p.shape not in ("count", "trend", "highest", "lowest") and target.concepts \
            and not {c.rtype for c in target.concepts} & {"Observation", "Patient"}:
        p = p.model_copy(update={"shape": "count"})  # "how much colonoscopy they make me": events are counted
    if aside is not None:
        target = target.model_copy(update={"excluded": aside.excluded, "excluded_as": aside.excluded_as})
    out = answer_target(record, m, p, target, limit)
    if p.asks_result or _WHATS_IN.search(read):
        out = _report_results(record, m, out)
    if "DiagnosticReport" in lexicon.type_hints(read) or lexicon.DRAW.search(read):
        out = _with_report(record, m, out)
    out = _who_and_goals(record, out, question)
    return out.model_copy(update={"question": question, "read_as": fixes})


def _asked_alone(m: Manifest, whole: tuple[str, Parsed, Target]) -> tuple[str, Parsed, Target]:
    """The question sentence of a message read alone where the scene set before it says nothing the
    question asks (each case below says which); else the whole message as read."""
    read, p, target = whole
    if not (asked := asked_sentence(read)):
        return read, p, target
    p_asked = parse(asked)
    alone = resolve(p_asked, m)
    if target.unknown and not alone.unknown and (alone.concepts or alone.types) \
            and not (alone.types and not alone.concepts and refers_back(asked)):
        # the scene set before the question names nothing ("the blue inhaler, when was it last
        # prescribed?" is asked of the inhaler: "it" points back, and "prescribed" names only a type)
        read, p, target = asked, p_asked, alone
    elif not (alone.concepts or alone.types) and not target.unknown and names_absent(asked, alone.unknown):
        read, p, target = asked, p_asked, alone  # what the question asks is not held; the scene's words were
    elif target.concepts and alone.types and not alone.concepts and p_asked.shape == "list" \
            and {c.rtype for c in target.concepts} <= set(alone.types) and not refers_back(asked):
        # "... one plan for his shoulder and one for his breathing. Which of his care plans are finished
        # now?": the question sentence asks for the whole kind; the scene named only some of them
        read, p, target = asked, p_asked, alone
    elif not (target.concepts or target.types or alone.concepts or alone.types) \
            and names_absent(asked, alone.unknown) and set(alone.unknown) < set(target.unknown) \
            and _fillers_dropped(m, (asked, p_asked, alone))[2].unknown:
        # "Selamat pagi. Datuk lives with us in Ipoh. Did he ever have pneumonia?": nothing said is held, and
        # the question sentence names its own thing; the greeting and the scene are not things he lacks (a word
        # of another language in the question, "Cuándo terminó ese care plan?", names no thing of its own)
        read, p, target = asked, p_asked, alone
    elif target.unknown and alone.unknown and not (target.concepts or target.types) and (
            plainer := _named_past_fillers(m, (read, p, target), (asked, p_asked, alone))):
        read, p, target = plainer
    elif target.concepts and (plain := _plain_alone(asked, alone, m)) \
            and not _kinds(target) & (_kinds(plain) | set(plain.types)) \
            and not _kinds(target) & lexicon.type_hints(asked) and not refers_back(asked):
        read, p, target = asked, p_asked, plain  # the scene ("come in this arvo") named a kind the question does not
    elif alone.concepts and {c.key for c in alone.concepts} == {c.key for c in target.concepts} \
            and not refers_back(asked) and (
                (p_asked.shape == "ever" and p.shape in ("value", "date_of"))
                or ({p_asked.shape, p.shape} == {"first", "latest"} and p_asked.ordinal)):
        # the question sentence asks yes or no ("Is there ..., and since when?") where the whole
        # message read as a plain value or date; the rest still says which dates ("In 2010, ..."); or it
        # says which end it asks ("... wants my iron level first. What was my haemoglobin on the most recent
        # blood count?"), where a "first" of the scene is no ordinal
        p = p.model_copy(update={"shape": p_asked.shape, "ordinal": p_asked.ordinal or p.ordinal})
    return read, p, target


def _who_and_goals(record: FhirRecord, out: RecordAnswer, question: str) -> RecordAnswer:
    """Who and where of what was found (``people``), whether the goals found were met (``goals``), and a
    patient identifier asked for that nothing else answered: held but not shown (``identifiers``)."""
    if not out.facts and not people.asks_contact(question) and (ids := identifiers.asked(question)):
        pats = record.of_type("Patient")  # "what is his phone number?" is never "not in this record" when held
        return out.model_copy(update={"text": identifiers.withheld(pats[0][1] if pats else None, ids)})
    if people.asks(question) or people.asks_contact(question):
        out = _with_people(record, out, question)
    if goals.asks_met(question) and (held := [(f.ref, record.resources[f.ref]) for f in out.facts
                                              if f.ref.startswith("Goal/")]):
        # "has he achieved his BP goal?": how far each goal got comes first, never a bare "Yes" for holding one
        out = out.model_copy(update={"text": f"{goals.met_sentence(held)} {out.text.removeprefix('Yes: ')}"})
    return _kind_for(out, question)


# a kind a question reaches only by naming it, asked "for" something the record also holds: "goals for her
# cholesterol", "any devices for his heart" ask for goals and devices, never for the cholesterol results
_KIND_FOR = re.compile(r"\b(?P<kind>goals?|targets?|devices?|implants?|care ?teams?)\s+(?:(?:does|do|did|has|have|had|is|"
                       r"are|was|were|he|she|i|they|we|you|got|set|recorded|in|place)\s+){0,4}?"
                       r"(?:for|about|around)\s+(?:(?:his|her|my|their|the|your)\s+)?(?P<what>[a-z][\w -]*)", re.I)


def _kind_said(text: str) -> re.Match[str] | None:
    """A kind asked "for" something, in the question sentence when there is one: "I still play in goal for the
    town's team. What's my highest pain score?" asks for no goals."""
    return _KIND_FOR.search(asked_sentence(text) or text)


def _named_kind_only(m: Manifest, read: str, target: Target) -> Target:
    """A kind asked for something ("goals for her cholesterol", "what goals does he have for his heart?")
    whose things the target holds none of: the kind is what is asked, so the whole kind is read (``_kind_for``
    then says that none of them names that thing); the other things the question named are not news."""
    said = _kind_said(read)
    named = sorted(lexicon.type_hints(said["kind"])) if said else []
    if not named or target.types or {c.rtype for c in target.concepts} & set(named) \
            or not (target.concepts or target.unknown):
        return target
    return Target(types=named)


def _kind_for(out: RecordAnswer, question: str) -> RecordAnswer:
    """"Any goals for his weight?" read as the whole kind (``_named_kind_only``): when none of the goals or
    devices found names the thing asked, the answer says so first, never "Yes" for holding some."""
    said = _kind_said(question)
    kinds = lexicon.type_hints(said["kind"]) if said else set()
    what = [w for w in lexicon.tokens(said["what"]) if w not in lexicon.STOP] if said else []
    if not kinds or not what or not out.facts or any(f.ref.split("/")[0] not in kinds for f in out.facts) \
            or any(w in lexicon.tokens(f.text) for f in out.facts for w in what):
        return out
    thing, rest = " ".join(said["what"].split()), out.text.removeprefix("Yes: ")
    return out.model_copy(update={"text": f"None of these is recorded as for {thing}. {rest[:1].upper()}{rest[1:]}"})


def _with_people(record: FhirRecord, out: RecordAnswer, question: str) -> RecordAnswer:
    """"Who saw him last?", "which hospital?": the clinicians and places of the visits and care teams
    found are said first and cited (``people``)."""
    named = people.who(record, [people.Picked(ref=f.ref, text=f.text, date=f.date) for f in out.facts], question)
    if named is None:
        return out
    sentence, cited = named
    more = [Fact(ref=c.ref, kind=c.ref.split("/")[0].lower(), text=c.name, date=c.latest) for c in cited if c.ref]
    return out.model_copy(update={"text": f"{sentence} {out.text}", "facts": [*out.facts, *more]})


_UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}


def _counted_back(record: FhirRecord, p: Parsed) -> Parsed:
    """"In the last 2 years", "this year": a window counted back from the record's latest dated entry,
    not from today; a record exported years ago is read as of its own last day, and the answer says so
    (``window_words`` names the first day)."""
    if not p.back or p.window:
        return p
    days = sorted(d[:10] for r in record.resources.values() if (d := fields.when(r)))
    if not days:
        return p
    n, unit = p.back
    last = date.fromisoformat(days[-1])
    first = date(last.year, 1, 1) if n == 0 else last - timedelta(days=round(n * _UNIT_DAYS[unit]))
    note = f" (counted back from the record's latest entry, {days[-1]})"
    return p.model_copy(update={"window": (first.isoformat(), "9999"), "window_note": note})


def _named_past_fillers(m: Manifest, whole: tuple[str, Parsed, Target],
                        asked: tuple[str, Parsed, Target]) -> tuple[str, Parsed, Target] | None:
    """"... a garden through the seasons ... Which of his illnesses have faded and are now written down as
    resolved?": when neither the message nor its question sentence names a thing, and the whole message
    still names nothing once everyday words are read past, the question sentence read so (None when it
    still names nothing, or something unknown; or when the whole message, read past them, names what is
    asked: "... le pusieron physical therapy. Cuándo terminó ese care plan?")."""
    if not _fillers_dropped(m, whole)[2].unknown:
        return None
    read, p, target = _fillers_dropped(m, asked)
    return (read, p, target) if (target.concepts or target.types) and not target.unknown else None


def _ref_id(reference: dict[str, Any] | None) -> str:
    """The id a FHIR Reference points to, whether written "Type/id" or "urn:uuid:id"."""
    return str((reference or {}).get("reference", "")).rsplit("/", 1)[-1].rsplit(":", 1)[-1]


def _plain_alone(asked: str, alone: Target, m: Manifest) -> Target | None:
    """What the question sentence of a message names when read alone (None: nothing); when it names
    nothing but everyday words besides a kind of record ("Which of his illnesses have faded and are now
    written down as resolved?"), it is read without them, as ``_fillers_dropped`` reads a whole question."""
    if alone.concepts or (alone.types and not alone.unknown):
        return alone
    if alone.unknown and not alone.types:
        plain = without_fillers(asked, alone.unknown, m)
        again = resolve(parse(plain), m) if plain != asked else alone
        if (again.concepts or again.types) and not again.unknown:
            return again
    return None


def _kinds(target: Target) -> set[str]:
    return {c.rtype for c in target.concepts}


def _visits_for_reason(record: FhirRecord, m: Manifest, read: str, target: Target) -> Target:
    """"His ER trip for the collarbone": of the visits found, the ones the reason was diagnosed at (the
    ``encounter`` its Condition points to); all of them when it points to none of them, since the record
    then does not say which visit it was."""
    why_said = reason_of(read)
    if not why_said or not target.concepts or _kinds(target) != {"Encounter"}:
        return target
    why = resolve(parse(why_said), m)
    at = {"Encounter/" + _ref_id(record.resources[r].get("encounter"))
          for c in why.concepts if c.rtype == "Condition" for r in c.refs if r in record.resources}
    narrowed = [c.model_copy(update={"refs": [r for r in c.refs if r in at]}) for c in target.concepts]
    narrowed = [c for c in narrowed if c.refs]
    return target.model_copy(update={"concepts": narrowed}) if narrowed else target


def _visits_with(record: FhirRecord, m: Manifest, read: str, p: Parsed, target: Target) -> Target:
    """"How many times have I been to the doctor with sinus trouble?", "how many visits for his sinusitis?":
    visits are counted, the ones each episode was diagnosed at (``Condition.encounter``), and they are
    what is cited; left as it is when an episode names no visit the record holds."""
    if p.shape != "count" or not target.concepts or _kinds(target) != {"Condition"} \
            or "Encounter" not in lexicon.type_hints(read):
        return target
    at = {"Encounter/" + _ref_id(record.resources[r].get("encounter")) for c in target.concepts for r in c.refs}
    if not at <= set(record.resources):
        return target
    why = ", ".join(dict.fromkeys(c.name for c in target.concepts))
    visits = [c.model_copy(update={"refs": [r for r in c.refs if r in at], "name": f"{c.name} ({why})"})
              for c in m.concepts if c.rtype == "Encounter"]
    return target.model_copy(update={"concepts": [c for c in visits if c.refs]})


# "how much colonoscopy they make me": a learner's "how much" before a noun counts; "how much did he weigh" does not
_WH_LIST = re.compile(r"\s*(what|which|list|name|show|tell me)\b", re.I)
_HOW_MUCH = re.compile(r"\bhow much (?!(did|does|do|is|was|were|has|have|had|will|would|should|can|could|time)\b)", re.I)
_WHATS_IN = re.compile(r"\bwhat('s| is| was| were)? (in|on)\b|\bwhat did .* (have|include)\b", re.I)


def _report_results(record: FhirRecord, m: Manifest, out: RecordAnswer) -> RecordAnswer:
    """"What were the results of his last lipid panel?": one report (panel) answered, its results
    are what is asked, so each result it lists is read and cited after the report itself."""
    if len(out.facts) != 1 or not out.facts[0].ref.startswith("DiagnosticReport/"):
        return out
    concept_of = {ref: c for c in m.concepts if c.rtype == "Observation" and c.component is None for ref in c.refs}
    facts: list[Fact] = []
    for r in record.resources[out.facts[0].ref].get("result") or []:
        ref = "Observation/" + _ref_id(r)
        if ref in concept_of:
            facts.append(_obs_fact(record, concept_of[ref], ref))
    if not facts:
        return out
    shown = "; ".join(f.text for f in facts)
    return out.model_copy(update={"facts": [*out.facts, *facts], "text": f"{out.text} Results: {shown}."})


def _fillers_dropped(m: Manifest, first: tuple[str, Parsed, Target]) -> tuple[str, Parsed, Target]:
    """Nothing matched: read again without the everyday words that named nothing
    (``spelling.without_fillers``), kept only if the record then has something."""
    read = without_fillers(first[0], first[2].unknown, m)
    if read == first[0]:
        return first
    p = first[1]  # the shape and flags of the question as asked ("old and current" is no filter)
    target = resolve(parse(read), m)
    kinds = {*target.types, *(c.rtype for c in target.concepts)}
    hints = lexicon.type_hints(first[0])  # every kind of thing the question names must still be read
    if not kinds or not all(g & kinds for g in lexicon.named_kinds(first[0]) if g & hints):
        return first
    return read, p, target


def _autocorrected(question: str, m: Manifest, first: tuple[str, Parsed, Target, dict[str, str]]
                   ) -> tuple[str, Parsed, Target, dict[str, str]]:
    """A phone's autocorrect turns a drug or test into an English word ("is she still on her
    station?" for statin): when nothing of the record matched, an English word one edit from exactly
    one clinical word is read as it, and kept only when that word was all the record lacked and the
    record then has something. Tried last, so an English word is never respelt while the question
    already names something."""
    read, fixes = respelled(question, m, english=True)
    unknown = {t for w in first[2].unknown for t in lexicon.tokens(w)}
    if read == first[0] or not unknown <= {t for w in fixes for t in lexicon.tokens(w)}:
        return first  # other words the record lacks are still asked about ("station" near "ambulance")
    p = parse(read)
    target = resolve(p, m)
    return (read, p, target, fixes) if target.concepts or target.types else first


def _by_sound(question: str, m: Manifest, first: tuple[str, Parsed, Target, dict[str, str]]
              ) -> tuple[str, Parsed, Target, dict[str, str]]:
    """Speech-to-text writes what it heard ("how many times did they way me", "my a one see at its
    highest"): when nothing of the record matched, homophones of clinical words and abbreviations
    spelt out in letter names (``sounds``) are read as those, kept only when every word the record
    lacked was re-read and the record then has something."""
    heard = sounds.heard_as(first[0], m, english=is_english)
    if not heard:
        return first
    read = first[0]
    for said, meant in heard.items():
        read = re.sub(rf"\b{re.escape(said)}\b", meant, read, flags=re.I)
    p = parse(read)
    target = resolve(p, m)
    asker = set(lexicon.tokens(label_of(first[0]) or ""))  # "Voice message. ...": who asks is not re-heard
    lacked = {t for w in first[2].unknown for t in lexicon.tokens(w)} - _glosses(first[0], heard) - asker
    if not (target.concepts or target.types) or not lacked <= {t for w in heard for t in lexicon.tokens(w)}:
        return first  # nothing found, or a word the record lacked was not one of those re-heard
    return read, p, target, first[3] | heard


def _glosses(question: str, heard: dict[str, str]) -> set[str]:
    """The words of a bracket right after a re-heard word ("bill a ruben (the yellow one from the liver)"):
    the asker's gloss of it, which need not be re-heard itself."""
    out: set[str] = set()
    for said in heard:
        for g in re.finditer(rf"\b{re.escape(said)}\s*\(([^()]*)\)", question, flags=re.I):
            out |= set(lexicon.tokens(g[1]))
    return out


def _with_report(record: FhirRecord, m: Manifest, out: RecordAnswer) -> RecordAnswer:
    """A question that names the draw ("his cholesterol bloods", "potassium on the last panel") and
    gets one result back also gets the report (panel) that result was reported in, cited: the
    draw's date and name are what it asks about, and the value stays."""
    if len(out.facts) != 1 or not out.facts[0].ref.startswith("Observation/"):
        return out
    obs_id = out.facts[0].ref.split("/", 1)[1]
    for c in m.concepts:
        if c.rtype != "DiagnosticReport":
            continue
        for ref in c.refs:
            results = record.resources[ref].get("result") or []
            if any(_ref_id(r) == obs_id for r in results):
                rep = _event_fact(record, c, ref)
                return out.model_copy(update={"facts": [*out.facts, rep], "text": f"{out.text} Reported in the {rep.text}."})
    return out


def _numeric_parts(m: Manifest, p: Parsed, concepts: list[Concept]) -> list[Concept]:
    """For highest/lowest/worst, a panel with no value of its own (blood pressure) is read
    through its numeric components (systolic, diastolic): the panel has nothing to rank."""
    if p.shape not in ("highest", "lowest"):
        return concepts
    out: list[Concept] = []
    for c in concepts:
        parts = [x for x in m.concepts if c.rtype == "Observation" and c.component is None
                 and x.rtype == c.rtype and x.code == c.code and x.component]
        parts.sort(key=lambda x: x.component != "8480-6")  # systolic first, as a BP is read
        out += [x for x in (parts or [c]) if x not in out]
    return out


def _one_of_family(record: FhirRecord, p: Parsed, concepts: list[Concept], limit: int) -> Concept | None:
    """"When did I first get the pneumonia vaccine?" over two vaccines of one family: the
    first (or latest) is one event across them, not one per vaccine."""
    single = p.shape in ("first", "latest") or (p.shape == "date_of" and p.ordinal)
    if not single or p.nth or len(concepts) < 2 or len({c.rtype for c in concepts}) > 1 or concepts[0].rtype == "Observation":
        return None
    firsts = [(fs[0].date or "", c) for c in concepts if (fs := _concept(record, p, c, limit)[0])]
    if not firsts:
        return None
    pick = min if p.shape == "first" or p.ordinal == "first" else max
    return pick(firsts, key=lambda t: t[0])[1]


def _count_total(p: Parsed, concepts: list[Concept], facts: list[Fact]) -> str:
    """"How many ED visits?" over two kinds of emergency visit (the cardiac arrest, the ER admission),
    or "how many pneumonia vaccines" over two vaccines: the asker wants one number, so a count over
    several events of one type also says the total, after each kind's own count."""
    if p.shape != "count" or len(concepts) < 2 or len({c.rtype for c in concepts}) > 1 or not facts:
        return ""
    if concepts[0].rtype == "Observation":
        return ""
    return f"In all: {len(facts)} recorded."


def _none_in_window(p: Parsed, concepts: list[Concept], facts: list[Fact]) -> str:
    """"Did he have a physical in 2009?" when nothing of it falls in that year: a yes/no question
    gets a plain "No" for the window first, before each kind's own not-in-window sentence."""
    if p.shape != "ever" or not p.window or not concepts or facts:
        return ""
    return f"No: none recorded {window_words(p.window)}."


_FAMILIES = (("MedicationRequest", "MedicationStatement"),)


# the record's events, one per thing that happened (each result of a panel is its report's, so
# Observations are left out; the patient's devices and plans are events on their dates too)
_EVENT_TYPES = ("Encounter", "Condition", "Procedure", "Immunization", "MedicationRequest", "MedicationStatement",
                "DiagnosticReport", "CarePlan", "ImagingStudy", "AllergyIntolerance", "Device")


def _timeline(record: FhirRecord, m: Manifest, p: Parsed, limit: int) -> tuple[list[Fact], str]:
    """"What happened in 1965?", "the most recent thing on her record": every dated event in the asked
    window, or those of the first or last day with any, oldest first, whatever their type."""
    facts = sorted((_event_fact(record, c, r) for c in m.concepts if c.rtype in _EVENT_TYPES for r in c.refs),
                   key=lambda f: f.date or "")
    facts = [f for f in facts if f.date and _in_window(f, p)]
    where = f" {window_words(p.window)}" if p.window else ""
    if not facts:
        return [], f"Events{where}: {ABSENT}."
    if p.ordinal and not p.window:
        day = (facts[0] if p.ordinal == "first" else facts[-1]).date[:10]
        facts = [f for f in facts if f.date[:10] == day]
        return facts, f"The {'first' if p.ordinal == 'first' else 'most recent'} entries, {day}: " + "; ".join(
            f.text for f in facts) + "."
    shown = facts[-limit:]
    more = f", the last {len(shown)} shown" if len(shown) < len(facts) else ""
    return shown, f"Events{where}: {len(facts)} recorded{more}: " + "; ".join(f.text for f in shown) + "."


def _type_families(types: list[str]) -> list[list[str]]:
    """Whole types asked together, grouped so one kind of thing is one sentence: a medicine ordered
    and a medicine stated are one list; allergies and medicines are two."""
    out: list[list[str]] = []
    for t in types:
        family = next((f for f in _FAMILIES if t in f), (t,))
        group = next((g for g in out if g[0] in family), None)
        if group is None:
            out.append([t])
        else:
            group.append(t)
    return out


def answer_target(record: FhirRecord, m: Manifest, p: Parsed, target: Target, limit: int = 20) -> RecordAnswer:
    facts: list[Fact] = []
    sentences: list[str] = []
    intents: list[str] = []
    concepts = [c for c in _numeric_parts(m, p, target.concepts) if not set(c.refs) <= target.excluded]
    if one := _one_of_family(record, p, concepts, limit):
        concepts = [one]
    read = [(c, *_concept(record, p, c, limit)) for c in concepts]
    found = {c.rtype for c, f, _ in read if f and c.rtype != "Observation"}
    for c, f, s in read:
        if not f and p.window and c.rtype in found:
            continue  # "ER visits in 2016": a kind of visit with none that year is not news beside one with some
        facts += f
        sentences.append(s)
        shape = "trend" if p.shape == "trend" else "latest" if p.shape in ("value", "date_of") else p.shape
        intents.append(f"lab_{shape}" if c.rtype == "Observation" else INTENT.get(c.rtype, c.rtype.lower()))
    if total := _count_total(p, concepts, facts):
        sentences.append(total)
    if no := _none_in_window(p, concepts, facts):
        sentences.insert(0, no)
    for types in _type_families(target.types):  # "allergies and current meds?": each kind answered
        f, s = _whole_types(record, m, p, types, limit, target)
        facts += f
        sentences.append(s)
        intents += [INTENT.get(t, "labs") for t in types[:1]]
    if target.timeline:
        f, s = _timeline(record, m, p, limit)
        facts += f
        sentences.append(s)
        intents.append("timeline")
    if not target.concepts and not target.types and not target.timeline:
        named = _as_said(target.unknown[:6], p.question) or NOTHING_NAMED
        sentences.append(f"{named[:1].upper()}{named[1:]}: {ABSENT} — no resource of this patient's record matches it "
                         f"(searched {', '.join(t.rtype for t in m.types) or 'an empty record'}).")
    if p.window_note and (said := [s for s in sentences if s]):
        sentences = [*said[:-1], f"{said[-1].rstrip('.')}{p.window_note}."]
    return RecordAnswer(question=p.question, shape=p.shape, found=bool(facts), text=" ".join(s for s in sentences if s),
                        facts=facts, intents=list(dict.fromkeys(intents)) if facts else [])
