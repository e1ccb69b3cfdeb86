"""EHR question wording met in batch 39's and 40's TUNE rows (a hospital-at-home nurse, a palliative
care doctor, a pharmacologist, a patient with low health literacy, relatives abroad by email; plain
everyday questions), tested in other words. Each test fails without its fix; expected ids come from the
bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, ended_of, of, refs


def test_any_x_if_so_when_is_a_yes_with_its_date(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    apap = [r for r in of(c, "MedicationRequest") if "acetaminophen" in r["medicationCodeableConcept"]["coding"][0]["display"].lower()]
    a = ask(c, "Any paracetamol on file? If so, when?")
    assert a.text.startswith("Yes") and set(a.resource_ids) == refs(apap)


def test_a_stool_test_in_plain_words(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    fobt = [r for r in of(a_path, "Procedure") if "occult blood" in r["code"]["coding"][0]["display"].lower()]
    a = ask(a_path, "did he ever do the stool sample for hidden blood")
    assert fobt and set(a.resource_ids) == refs(fobt)


def test_illnesses_are_diagnoses_and_a_greeting_sets_no_subject(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    ended = ended_of(c, "Condition")
    a = ask(c, "Good afternoon. Which of my father's illnesses have been resolved?")
    assert ended and set(a.resource_ids) == refs(ended)


def test_male_or_female_is_the_recorded_sex(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    patient = of(c, "Patient")[0]
    a = ask(c, "is he recorded as male or female?")
    assert a.resource_ids == [f"Patient/{patient['id']}"] and patient["gender"] in a.text


def test_a_panel_said_by_what_it_measures_is_the_panel(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    lipid = [r for r in of(c, "DiagnosticReport") if code(r, "code") == "57698-3"]
    a = ask(c, "how many cholesterol profiles has she had done?")
    assert lipid and set(a.resource_ids) == refs(lipid)
