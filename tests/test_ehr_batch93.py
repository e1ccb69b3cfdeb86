"""Fixes from batch 93-94's tune rows, in general form (checked on wordings that are not the rows'): a
common English word is meant as itself, not as a shortening of a record name ("my card" is no "cardiac");
a question sentence that asks for a whole kind ("which of his care plans are finished?") is not narrowed
to the members its scene happened to name; and a message whose scene and question both carry everyday
words the record lacks is read by its question sentence once those words are read past. Expected ids
come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of, ref, refs


def test_a_common_word_is_no_shortening(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    glucose = [r for r in of(a, "Observation") if r["code"]["coding"][0]["code"] == "2339-0"]
    low = min(glucose, key=lambda r: r["valueQuantity"]["value"])
    got = ask(a, "Forget my score card, doc. What was the lowest glucose they've got for me, and when?")
    assert got.resource_ids[:1] == [ref(low)] and not any(x.startswith("Encounter/") for x in got.resource_ids)


def test_a_question_for_the_whole_kind_is_not_narrowed_by_its_scene(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    ended = [r for r in of(c, "CarePlan") if r["status"] != "active"]
    assert len({r["category"][0]["coding"][0]["code"] for r in ended}) > 1
    got = ask(c, "She had a plan for her breathing years ago, I think. Which of her care plans are completed now?")
    assert set(got.resource_ids) == refs(ended)


def test_a_scene_of_everyday_words_gives_way_to_the_question_sentence(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    resolved = [r for r in of(a, "Condition") if r["clinicalStatus"]["coding"][0]["code"] == "resolved"]
    got = ask(a, "His chart is like an old diary, pages of weather and harvests. Which of his illnesses have "
                 "faded and are now written down as resolved?")
    assert set(got.resource_ids) == refs(resolved)


def test_a_relayer_and_a_named_possessor_are_not_the_subject(fhir_bundles) -> None:
    """Batches 95-96: "Mor asks which of Plar's ..." and "Laolao also wants to know which of Laoye's ...":
    names and kin words the record does not know, said without a determiner, say whose record it is
    and who relays; an eponym before its disease word keeps its name."""
    a, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    active = [r for r in of(c, "CarePlan") if r["status"] == "active"]
    got = ask(c, "Nonna also wants to know which of Nonno's care plans are still going now.")
    assert set(got.resource_ids) == refs(active)
    resolved = [r for r in of(a, "Condition") if r["clinicalStatus"]["coding"][0]["code"] == "resolved"]
    got = ask(a, "Oma asks which of Opa's old illnesses are healed and closed in his record?")
    assert set(got.resource_ids) == refs(resolved)



def test_an_eponym_names_a_disease_not_a_person(fhir_bundles) -> None:
    """Found while writing the test above: "Does she have Parkinson's disease?" had answered "Yes:
    conditions: 7 recorded" (WordNet knows Parkinson as a person, so the name was read past as one, and
    "disease" alone asked for every condition); "Crohn's" had been read as "crown"."""
    c = fhir_bundles["cfhir"]
    for question, name in (("Does she have Parkinson's disease?", "Parkinson"), ("Does she have Parkinson's?", "Parkinson"),
                           ("any history of Crohn's disease", "Crohn")):
        got = ask(c, question)
        assert got.text.startswith(f"{name}: not in this record") and not got.resource_ids, question
