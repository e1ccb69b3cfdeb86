"""Fixes from batches 129-130's tune rows, in general form (checked on wordings that are not the rows'): a kind
asked "for" something counts only in the question sentence ("I keep goal for the hockey club. What was my
highest pain score?" asks for no goals); "treatment goals", "health targets" are the goals; a care team or
plan said to be old, former or "not the current one" is the one that has ended; a town WordNet never listed,
after "from" or "in", names nothing the record lacks. Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of, ref


def test_a_kind_said_in_the_scene_is_not_asked(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    pain = [r for r in of(a, "Observation") if r["code"]["coding"][0]["code"] == "72514-3"]
    top = max(pain, key=lambda r: r["valueQuantity"]["value"])
    got = ask(a, "I keep goal for the village hockey club on Saturdays. What was the highest pain score I ever "
                 "reported, and when?")
    assert ref(top) in got.resource_ids and top["effectiveDateTime"][:10] in got.text
    assert not any(r.startswith("Goal/") for r in got.resource_ids) and "recorded as for" not in got.text


def test_treatment_goals_and_health_targets_are_the_goals(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    goals = {ref(r) for r in of(c, "Goal")}
    for q in ("What treatment goals have been set for him?", "list my health targets please"):
        got = ask(c, q)
        assert goals and goals <= set(got.resource_ids) and "not in this record" not in got.text, q


def test_an_old_care_team_is_the_one_that_ended(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    ended = [r for r in of(a, "CareTeam") if r["status"] == "inactive"]
    active = [r for r in of(a, "CareTeam") if r["status"] == "active"]
    assert ended and active
    for q in ("who was on her former care team?", "Which care team looked after him before - not the current one?"):
        got = ask(a, q)
        assert ref(ended[0]) in got.resource_ids and ref(active[0]) not in got.resource_ids, q


def test_a_town_wordnet_never_listed_names_nothing(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    jabs = {ref(r) for r in of(c, "Immunization")}
    got = ask(c, "Hello from Kaohsiung! My grandad is staying with us for the winter and the clinic here asked how "
                 "many vaccinations he has had in total, all kinds. How many are there?")
    assert jabs and jabs <= set(got.resource_ids) and str(len(jabs)) in got.text
    assert "Kaohsiung" not in got.text
