"""Fixes from batches 63-64's TUNE misses, in general form (their TEST rows were read once, as an
aggregate, before these): a first sentence of one to three words says who asks ("Club physio. ..."); "...
ever ...? When was the last time?" is a yes with its date; a tag after the question (", la?", ", innit?")
names nothing; what follows the last question and asks nothing (a sign-off) is no second question; a
question sentence that asks yes or no decides the shape of a message read as a plain value or date.
Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, ref, refs


def test_a_short_first_sentence_says_who_asks(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    cuff = next(r for r in of(c, "Condition") if "rotator cuff" in r["code"]["text"].lower())
    a = ask(c, "Sports physio. He mentions an old rotator cuff injury - when did that start?")
    assert a.resource_ids == [ref(cuff)] and cuff["onsetDateTime"][:10] in a.text


def test_ever_then_when_was_the_last_time(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    bronchitis = [r for r in of(c, "Condition") if code(r, "code") == "10509002"]
    a = ask(c, "Has he ever had bronchitis? When was the last time?")
    assert a.text.startswith("Yes") and refs(bronchitis) <= set(a.resource_ids)


def test_a_tag_after_the_question_names_nothing(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    meds = refs(of(a_path, "MedicationRequest"))
    for q in ("Was he ever given any tablets on prescription, la? What were they?",
              "any tablets on prescription, innit?"):
        a = ask(a_path, q)
        assert set(a.resource_ids) == meds and "not in this record" not in a.text, q
    # a record word after the comma is asked, not a tag
    bmi = ask(fhir_bundles["cfhir"], "latest weight, BMI?")
    assert len(bmi.resource_ids) == 2


def test_a_sign_off_after_the_question_asks_nothing(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    plan = next(r for r in of(c, "CarePlan") if "hyperlipidemia" in str(r).lower())
    a = ask(c, "Hi, the letter mentioned a plan for his cholesterol. Is there a cholesterol care plan for Dad, "
               "and since when? No rush at all. Love, Tom")
    assert a.resource_ids == [ref(plan)] and a.text.startswith("Yes") and "not in this record" not in a.text
