"""EHR question wording met in batch 12's TUNE rows (and in new wordings of the same kinds), tested
in other words: a patient's age without a possessive, a carer's text-speak, the asker's setting
("hospice intake") and "regular" medicines, "fits" as seizures (not the FIT stool test), British
spellings the record writes the American way, "X care" as a care plan, "home town", and yes/no
questions ("h/o X?", "is there a record of X?", "is he on X?", "has he been diagnosed with X?")
answered yes or no. Each test fails without its fix."""

from __future__ import annotations

import re
from pathlib import Path

from support.ehr_helpers import ask as _ask, code as _code, entries as _entries
from support.docs_fixtures import *  # noqa: F401,F403


def _refs(path: Path, rtype: str, keep: object) -> list[str]:
    return [f"{rtype}/{r['id']}" for r in _entries(path) if r["resourceType"] == rtype and keep(r)]  # type: ignore[operator]


def _patient(path: Path) -> dict:
    return next(r for r in _entries(path) if r["resourceType"] == "Patient")


def test_patient_age_without_a_possessive_is_the_birth_date(fhir_bundles) -> None:
    """"Patient age?" (a form's label, no "his"/"the patient's") asks the age: the birth date answers it."""
    c = fhir_bundles["cfhir"]
    got = _ask(c, "patient age, for the form?")
    assert _patient(c)["birthDate"] in got.text and got.resource_ids == [f"Patient/{_patient(c)['id']}"], got.text


def test_text_speak_is_read_as_the_words_it_stands_for(fhir_bundles) -> None:
    """A carer texting "hw old is she" means "how old": without the text-speak table "hw" is an unknown
    word and the answer says the record does not hold it."""
    a = fhir_bundles["afhir"]
    got = _ask(a, "hw old is my grandad")
    assert _patient(a)["birthDate"] in got.text, got.text


def test_the_askers_setting_and_regular_medicines(fhir_bundles) -> None:
    """"Hospice team: what regular meds is he on?" asks for the current medicines; "hospice" and
    "regular" name no resource, so without reading them as the asker's setting and as "current" the
    answer says the record holds nothing."""
    c = fhir_bundles["cfhir"]
    active = _refs(c, "MedicationRequest", lambda r: r["status"] == "active")
    got = _ask(c, "Hospice team: what regular meds does he take?")
    assert len(active) == 1 and set(active) <= set(got.resource_ids) and "Simvistatin" in got.text, got.text


def test_fits_are_seizures_not_the_fit_stool_test(fhir_bundles) -> None:
    """"Any fits?" asks about seizures, which afhir does not record: read as the FIT stool test it
    would answer with a stool haemoglobin value. The test written in capitals still finds it."""
    a = fhir_bundles["afhir"]
    fits = _ask(a, "has he ever had any fits")
    assert "not in this record" in fits.text and not fits.resource_ids, fits.text
    fit = _ask(a, "latest FIT result")
    assert any(r.startswith("Observation/") for r in fit.resource_ids), fit.text


def test_a_british_spelling_meets_the_records_american_word(fhir_bundles) -> None:
    """"Orthopaedic" is an English word (so no typo rule reads it), but the record writes "orthopedic":
    the British spelling of a clinical word is read as the American one the record uses."""
    a = fhir_bundles["afhir"]
    adm = _refs(a, "Procedure", lambda r: _code(r, "code") == "305428000")
    got = _ask(a, "on what date was he admitted to orthopaedics?")
    assert len(adm) == 1 and adm[0] in got.resource_ids and "2016-05-21" in got.text, got.text


def test_care_for_a_thing_is_its_care_plan(fhir_bundles) -> None:
    """"When did his fracture care end?" asks about the care plan, not the fracture's resolution."""
    a = fhir_bundles["afhir"]
    plan = _refs(a, "CarePlan", lambda r: r["category"][-1]["coding"][0]["code"] == "385691007")
    got = _ask(a, "when was the fracture care completed")
    assert len(plan) == 1 and plan[0] in got.resource_ids, got.text


def test_home_town_gives_where_he_lives_and_where_he_was_born(fhir_bundles) -> None:
    """"Home town" means both the town one lives in and the town one was born in: both are given."""
    c = fhir_bundles["cfhir"]
    p = _patient(c)
    got = _ask(c, "what's his hometown?")
    born = next(e for e in p["extension"] if e["url"].endswith("patient-birthPlace"))["valueAddress"]["city"]
    assert p["address"][0]["city"] in got.text and born in got.text, got.text


def test_yes_no_history_questions_are_answered_yes(fhir_bundles) -> None:
    """"h/o X?", "is there a record of X?", "has he been diagnosed with X?", "did he receive X?", "is
    he prediabetic?" are yes/no questions: the answer says yes (not a bare date or list), citing it."""
    a, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    asked = [(a, "h/o prediabetes?", "Condition", "15777000"),
             (a, "is there a record of a polypectomy", "Procedure", "274031008"),
             (c, "Has he been diagnosed with hyperlipidaemia?", "Condition", "55822004"),
             (c, "Did he receive a tetanus jab?", "Immunization", "113"),
             (c, "is he anaemic", "Condition", "271737000")]
    for path, q, rtype, code in asked:
        field = {"Condition": "code", "Procedure": "code", "Immunization": "vaccineCode"}[rtype]
        want = _refs(path, rtype, lambda r, f=field, k=code: _code(r, f) == k)
        got = _ask(path, q)
        assert want and re.match(r"yes\b", got.text.lower()) and set(want) <= set(got.resource_ids), (q, got.text)


def test_is_he_on_a_medicine_is_answered_with_its_current_status(fhir_bundles) -> None:
    """"Is he taking ibuprofen?" asks whether he is on it now: afhir's ibuprofen was stopped, so the
    answer is no (not the latest prescription stated as if current); cfhir's statin is active: yes."""
    a, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    no = _ask(a, "is he taking ibuprofen")
    assert no.text.lower().startswith("no, not now"), no.text
    yes = _ask(c, "currently taking a statin?")
    assert yes.text.lower().startswith("yes") and "now active" in yes.text, yes.text
