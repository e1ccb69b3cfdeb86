"""Fixes from batches 61-62's TUNE misses, in general form (their TEST rows were read once, as an
aggregate, before these): a visit "for" a condition is the one the condition was diagnosed at; a trip to
the ER is a visit there; a scene that names another kind of thing ("come in this arvo") does not decide
the subject of a question sentence that names its own; "is that true? when was that?" (Pidgin "E true?
When be dat?") is a yes with its date. Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, ref, refs


def test_a_visit_for_a_condition_is_the_visit_it_was_found_at(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    fracture = next(r for r in of(a_path, "Condition") if "clavicle" in r["code"]["text"].lower())
    visit = "Encounter/" + fracture["encounter"]["reference"].split(":")[-1].split("/")[-1]
    emergency = [r for r in of(a_path, "Encounter") if r["class"]["code"] == "EMER"]
    assert len(emergency) > 1 and visit in refs(emergency)
    for q in ("when was his ER trip for the collarbone", "date of his A&E visit for the broken collarbone",
              "when did he go to the emergency room for his fractured clavicle?"):
        assert ask(a_path, q).resource_ids == [visit], q
    # without a reason, every ER visit
    assert set(ask(a_path, "when was his ER trip").resource_ids) == refs(emergency)


def test_follow_ups_for_a_condition_are_not_the_visit_that_found_it(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    follow = [r for r in of(c, "Encounter") if "follow-up" in r["type"][0]["text"].lower()]
    assert len(follow) > 2
    a = ask(c, "how many follow-up visits for his cholesterol")
    assert set(a.resource_ids) == refs(follow) or str(len(follow)) in a.text


def test_the_scene_does_not_pick_the_kind_the_question_names(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    arrest = [r for r in of(a_path, "Condition") if code(r, "code") == "410429000"]
    a = ask(a_path, "Bloke's come in this morning short of breath. Any cardiac arrest in his history? When?")
    assert ref(arrest[0]) in a.resource_ids and not any(x.startswith("Encounter/") for x in a.resource_ids)
    assert a.text.startswith("Yes")


def test_is_that_true_and_when_is_a_yes_with_its_date(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    therapy = [r for r in of(c, "CarePlan") if "respiratory therapy" in str(r).lower()]
    for q in ("My mum says he had breathing therapy once. Is that true? When was that?",
              "Dem say him get breathing therapy before. E true? When be dat?"):
        a = ask(c, q)
        assert a.text.startswith("Yes") and refs(therapy) <= set(a.resource_ids), q
