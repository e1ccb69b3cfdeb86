"""Fixes from batches 109-110's tune rows, in general form (checked on wordings that are not the rows'):
a question relayed inside a sentence ("... and the heart doctor asks what device ...") is read from the
relayed question on, unless it points back at the scene; where a device sits is no part of its record;
"the name of the walk-in urgent care place" asks where; "F/U visit" is a follow-up visit and "DLP"
dyslipidaemia; visits "with" or "for" a condition are counted as the visits it was diagnosed at. Expected
ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of, ref


def test_relayed_question_inside_a_sentence(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    device = {ref(r) for r in of(a, "Device")}
    got = ask(a, "Hujambo. Our nana moved in with us in Mombasa and the chest physician wants to know what device "
                 "is fitted in his chest. What is it called on his file? Shukrani.")
    assert device and device <= set(got.resource_ids) and "not in this record" not in got.text
    # the relayed question points back at the scene ("how many he's had"): the scene is what is asked
    flu = {ref(r) for r in of(a, "Immunization") if r["vaccineCode"]["coding"][0]["code"] == "140"}
    got = ask(a, "he had a flu jab every autumn and the practice nurse wants to know how many he's had in all")
    assert flu and flu <= set(got.resource_ids) and f"{len(flu)}" in got.text


def test_where_a_device_sits_is_not_something_the_record_lacks(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    device = {ref(r) for r in of(a, "Device")}
    got = ask(a, "which device has he got in his chest?")
    assert device <= set(got.resource_ids)
    got = ask(a, "any implant in his knee?")  # a yes or no about a place still asks about that place
    assert not got.text.startswith("Yes")


def test_name_of_the_place_asks_where(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    urgent = [r for r in of(c, "Encounter") if "urgent care" in r["type"][0]["text"].lower()]
    assert urgent
    org = urgent[-1]["serviceProvider"]["reference"].rsplit(":", 1)[-1]
    got = ask(c, "could you give me the name of the walk-in urgent care centre he went to?")
    assert f"Organization/{org}" in got.resource_ids


def test_fu_visit_and_dlp(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    follow = sorted((r for r in of(c, "Encounter") if r["type"][0]["coding"][0]["code"] == "390906007"),
                    key=lambda r: r["period"]["start"])
    got = ask(c, "pt w/ DLP - when was his most recent F/U visit?")
    assert follow and ref(follow[-1]) in got.resource_ids and follow[-1]["period"]["start"][:10] in got.text
    got = ask(c, "does he have DLP?")
    assert got.text.startswith("Yes") and "Hyperlipidemia" in got.text
    got = ask(c, "can u tell me his last a1c")  # a texted "u" is still "you"
    assert "A1c" in got.text


def test_visits_with_a_condition_are_counted_as_visits(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    sinus = [r for r in of(a, "Condition") if "sinusitis" in r["code"]["text"].lower()]
    visits = {"Encounter/" + r["encounter"]["reference"].rsplit(":", 1)[-1] for r in sinus}
    got = ask(a, "how many appointments has he had for sinusitis?")
    assert len(visits) >= 2 and set(got.resource_ids) == visits and f"{len(visits)} recorded" in got.text
    got = ask(a, "how many times has he had sinusitis?")  # episodes, not visits, when no visit is said
    assert {ref(r) for r in sinus} == set(got.resource_ids)


def test_a_kind_asked_for_a_thing_none_of_it_names(fhir_bundles) -> None:
    """'any goals for his weight?' lists the goals (the kind asked) but says first that none is for his weight,
    never 'Yes'; a goal that does name the thing is the answer alone."""
    c = fhir_bundles["cfhir"]
    goals = {ref(r) for r in of(c, "Goal")}
    assert goals and not any("weight" in r["description"]["text"].lower() for r in of(c, "Goal"))
    got = ask(c, "any goals for his weight?")
    assert set(got.resource_ids) == goals and got.text.startswith("None of these is recorded as for weight.")
    got = ask(c, "what goals does he have for his heart?")
    assert set(got.resource_ids) == goals and "not in this record" not in got.text
    bp = [r for r in of(c, "Goal") if "blood pressure" in r["description"]["text"].lower()]
    got = ask(c, "goals for his blood pressure?")
    assert bp and got.resource_ids == [ref(bp[0])] and not got.text.startswith("None")
    got = ask(c, "To set a target weight for the home machine: what is his latest weight?")  # a target, no goal
    assert not any(r.startswith("Goal/") for r in got.resource_ids)


def test_greeting_scene_and_thanks_around_an_absent_thing(fhir_bundles) -> None:
    """A relayed question of a thing the record lacks, between a greeting, a scene and a thank-you in another
    language, says that thing is not held, and nothing of the greeting, the town or the thanks."""
    a = fhir_bundles["afhir"]
    assert not any("pneumonia" in r["code"]["text"].lower() for r in of(a, "Condition"))
    got = ask(a, "Salama. Dadabe lives with us in Toamasina. The health centre nurse here asks if he ever had "
                 "pneumonia in America, and when. Misaotra.")
    assert got.text.startswith("Pneumonia: not in this record") and not got.resource_ids
    assert "Toamasina" not in got.text and "Misaotra" not in got.text and "America" not in got.text
    got = ask(a, "Ciao. Nonno stays with us in Lecce and the medico asks what his lowest haemoglobin was and when. "
                 "Grazie tante.")
    hb = [r for r in of(a, "Observation") if r["code"]["coding"][0]["code"] == "718-7"]
    low = min(hb, key=lambda r: r["valueQuantity"]["value"])
    assert ref(low) in got.resource_ids and "not in this record" not in got.text
