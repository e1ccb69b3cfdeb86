"""Wordings invented before batches 87-88 were read: Scots "jags" are vaccines, British "ops" are
operations, "machines" in him are devices, "what's wrong with him" is the problem list, "his heart
stopping" is the cardiac arrest, "his bowels looked at with a camera" is the colonoscopy, "the
pneumonia needle" is the vaccine, text-speak "hw mny tyms" and "a doc", "his sugar was borderline" is
prediabetes; a thing the record lacks written "x-rays" is named so, not "Rays"; what a question sets
aside ("other than flu") is left out; "what tests were done on <day>"; "colonoscopic examination";
"how long since his last tetanus"; "his weight when he broke his collarbone". Expected ids come from
the bundles' JSON."""

from __future__ import annotations

from datetime import date

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of, ref, refs


def test_jags_ops_and_machines_name_their_types(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    got = ask(a, "could you rattle off all the jags she's had, just the kinds?")
    assert set(got.resource_ids) <= refs(of(a, "Immunization")) and got.resource_ids
    assert "Pneumococcal conjugate PCV 13" in got.text
    got = ask(a, "What ops or tests has he been through over the years? a list please")
    assert "Rectal polypectomy" in got.text and "not in this record" not in got.text
    got = ask(a, "Tell me what machines or implants he's got in him")
    assert got.resource_ids == [ref(r) for r in of(a, "Device")]


def test_whats_wrong_with_him_and_his_heart_stopping(fhir_bundles) -> None:
    a, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    active = [r for r in of(c, "Condition") if r["clinicalStatus"]["coding"][0]["code"] == "active"]
    got = ask(c, "The list of what's wrong with him that's still ongoing, ta")
    assert set(got.resource_ids) == refs(active)
    arrest = [r for r in of(a, "Condition") if "cardiac arrest" in r["code"]["text"].lower()]
    got = ask(a, "his heart stopping - when did that happen")
    assert set(got.resource_ids) == refs(arrest) and "1965-11-15" in got.text


def test_camera_needle_textspeak_and_borderline_sugar(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    scopes = [r for r in of(a, "Procedure") if r["code"]["text"] == "Colonoscopy"]
    got = ask(a, "has he had his bowels looked at with a camera, how many times")
    assert set(got.resource_ids) == refs(scopes) and f"{len(scopes)} recorded" in got.text
    pneumo = [r for r in of(a, "Immunization") if "pneumococcal" in r["vaccineCode"]["text"].lower()]
    got = ask(a, "Did the lad have the pneumonia needle, both kinds?")
    assert set(got.resource_ids) == refs(pneumo)
    visits = of(a, "Encounter")
    got = ask(a, "hw mny tyms hz he bin 2 the clinic")
    assert f"{len(visits)} recorded" in got.text
    last = max(visits, key=lambda r: r["period"]["start"])
    assert ask(a, "whens the last time a doc saw him").resource_ids == [ref(last)]
    pre = next(r for r in of(a, "Condition") if r["code"]["text"] == "Prediabetes")
    assert ask(a, "When did they first find his sugar was borderline?").resource_ids == [ref(pre)]


def test_an_absent_x_ray_is_named_as_written(fhir_bundles) -> None:
    got = ask(fhir_bundles["cfhir"], "Any scans, x-rays or ultrasounds on file?")
    assert got.text.startswith("X-rays, ultrasounds: not in this record") and not got.resource_ids


def test_what_the_question_sets_aside_is_left_out(fhir_bundles) -> None:
    a, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    shots = of(a, "Immunization")
    not_flu = [r for r in shots if "influenza" not in r["vaccineCode"]["text"].lower()]
    got = ask(a, "List immunizations other than flu")
    assert set(got.resource_ids) == refs(not_flu) and got.text.startswith("Immunizations other than flu: ")
    got = ask(a, "vaccines except influenza - dates?")  # the clause ends at the spaced dash
    assert set(got.resource_ids) == refs(not_flu) and "other than influenza:" in got.text
    meds = of(c, "MedicationRequest")
    got = ask(c, "what has he been prescribed other than the statin")
    assert set(got.resource_ids) == refs([r for r in meds if "Simvistatin" not in r["medicationCodeableConcept"]["text"]])
    # a clause naming nothing the record holds sets nothing aside
    got = ask(a, "any procedures apart from the appendix op?")
    assert set(got.resource_ids) == refs(of(a, "Procedure"))


def test_tests_sorted_out_no_longer_and_full(fhir_bundles) -> None:
    a, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    that_day = [r for r in of(a, "Procedure") if r["performedPeriod"]["start"][:10] == "2010-12-07"]
    got = ask(a, "what tests were done on 2010-12-07")
    assert that_day and refs(that_day) <= set(got.resource_ids)
    resolved = [r for r in of(a, "Condition") if r["clinicalStatus"]["coding"][0]["code"] == "resolved"]
    assert set(ask(a, "what's on his problem list that's been sorted out?").resource_ids) == refs(resolved)
    stopped = [r for r in of(c, "MedicationRequest") if r["status"] == "stopped"]
    assert set(ask(c, "Can you list the meds he's no longer taking?").resource_ids) == refs(stopped)
    assert set(ask(a, "give me his full immunisation history").resource_ids) == refs(of(a, "Immunization"))


def test_more_text_speak(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    heights = [r for r in of(a, "Observation") if r["code"]["coding"][0]["code"] == "8302-2"]
    last = max(heights, key=lambda r: r["effectiveDateTime"])
    assert ask(a, "wat iz hiz hite").resource_ids == [ref(last)]
    weights = [r for r in of(a, "Observation") if r["code"]["coding"][0]["code"] == "29463-7"]
    assert ask(a, "hiz wate 2day?").resource_ids == [ref(max(weights, key=lambda r: r["effectiveDateTime"]))]


def test_a_procedure_named_by_its_adjective(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    scopes = [r for r in of(a, "Procedure") if r["code"]["text"] == "Colonoscopy"]
    got = ask(a, "Pursuant to the patient's authorisation, kindly furnish the dates upon which colonoscopic "
                 "examination was performed.")
    assert set(got.resource_ids) == refs(scopes)
    assert ask(a, "any radiographic studies?").resource_ids == [ref(r) for r in of(a, "ImagingStudy")]


def test_time_since_an_event_and_a_value_when_it_happened(fhir_bundles) -> None:
    a, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    td = next(r for r in of(c, "Immunization") if r["vaccineCode"]["text"].startswith("Td"))
    got = ask(c, "how long since his last tetanus?")
    assert got.resource_ids == [ref(td)] and "not in this record" not in got.text
    fracture = next(r for r in of(a, "Condition") if "clavicle" in r["code"]["text"].lower())
    day = fracture["onsetDateTime"][:10]
    weights = [r for r in of(a, "Observation") if r["code"]["coding"][0]["code"] == "29463-7"]
    nearest = min(weights, key=lambda r: abs((date.fromisoformat(r["effectiveDateTime"][:10])
                                               - date.fromisoformat(day)).days))
    got = ask(a, "what was his weight when he broke his collarbone")
    assert got.resource_ids == [ref(nearest), ref(fracture)]


def test_a_greeting_before_a_comma_names_nothing(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    got = ask(c, "Salaam, list his medicines please")  # WordNet: a greeting (noun.communication)
    assert set(got.resource_ids) == refs(of(c, "MedicationRequest"))
    got = ask(c, "Asthma, any history?")  # a clinical word before the comma is still the subject
    assert "Asthma: not in this record" in got.text and not got.resource_ids
