"""Fixes from batches 101-102's tune rows, in general form (checked on wordings that are not the rows'):
"admitted" alone asks for the admissions, and a visit the record itself calls an admission ("Emergency
room admission") is one unless a stay is asked for ("inpatient", "hospitalised"); a sentence opened by up
to three words of another language set off by a comma ("Wanem dei, ...") is read without them. Expected
ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of, ref


def test_admitted_alone_and_a_visit_the_record_calls_an_admission(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    named = [r for r in of(a, "Encounter") if "admission" in r["type"][0]["text"].lower()]
    stays = [r for r in of(a, "Encounter") if r["class"]["code"] in ("IMP", "ACUTE", "NONAC", "OBSENC")]
    assert named and not stays
    got = ask(a, "on what date was he admitted?")
    assert got.resource_ids == [ref(r) for r in named] and named[0]["period"]["start"][:10] in got.text
    for q in ("any inpatient stays?", "was he ever hospitalised?", "was he admitted to hospital?"):
        got = ask(a, q)
        assert not got.resource_ids and "not in this record" in got.text, q
    scope = next(r for r in of(a, "Procedure") if "orthopedic" in r["code"]["text"].lower())
    got = ask(a, "when did they admit him to the orthopaedic ward?")  # a named thing still wins
    assert ref(scope) in got.resource_ids


def test_a_sentence_opened_in_another_language(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    named = [r for r in of(a, "Encounter") if "admission" in r["type"][0]["text"].lower()]
    got = ask(a, "My uncle is visiting us. Ngiyabonga kakhulu, what day was he admitted?")
    assert got.resource_ids == [ref(r) for r in named]
    got = ask(a, "Dear doctor, is he on warfarin?")  # English words open it: the medicine is still asked
    assert got.text.startswith("Warfarin: not in this record") and not got.resource_ids
