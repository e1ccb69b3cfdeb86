"""EHR wordings invented before batches 75-76 were read: a form's answer boxes name nothing ("Allergies
(Y/N): ___", "true or false:"); a form asking two Patient fields ("DOB: ____ Sex: ____") gets both;
"n't" is "not" ("I don't suppose ..." had named "don" and "t" as things the record lacks); hedges
("I'd imagine", "roughly") name nothing. Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, ref


def test_a_forms_boxes_name_nothing(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    assert not of(c, "AllergyIntolerance")
    a = ask(c, "Allergies (Y/N): ___")
    assert a.text.startswith("Allergies: not in this record") and not a.resource_ids
    pneumo = {ref(r) for r in of(c, "Immunization") if code(r, "vaccineCode") in ("33", "133")}
    a = ask(c, "true or false: he has had a pneumonia vaccine")
    assert pneumo and set(a.resource_ids) == pneumo and a.text.startswith("Yes")


def test_two_fields_of_a_form(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    patient = of(c, "Patient")[0]
    a = ask(c, "DOB: ____ Sex: ____")
    assert patient["birthDate"] in a.text and patient["gender"] in a.text


def test_contractions_and_hedges_name_nothing(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    device = of(a_path, "Device")
    a = ask(a_path, "I don't suppose there's any record of him having a device put in, is there?")
    assert device and set(a.resource_ids) == {ref(r) for r in device}
    c = fhir_bundles["cfhir"]
    total = [r for r in of(c, "Observation") if code(r, "code") == "2093-3"]
    a = ask(c, "I'd imagine his cholesterol has been checked a fair few times - how many, roughly?")
    assert f"{len(total)} recorded" in a.text
