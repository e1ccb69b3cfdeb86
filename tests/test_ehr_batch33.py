"""EHR question wording met in batch 33's and 34's TUNE rows (a physician assistant on telehealth and
an anxious spouse; a registry abstractor and a patient reading their after-visit summary) and wordings
written before those batches were read, tested in other words. Each test fails without its fix;
expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs

from carepath.tools.records.question import asked_sentence


def test_two_things_joined_by_and_are_both_read(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    pneumo = [r for r in of(a_path, "Immunization") if code(r, "vaccineCode") in ("133", "33")]
    a = ask(a_path, "dates of his PPSV23 and PCV13 please")
    assert len(pneumo) == 2 and set(a.resource_ids) == refs(pneumo)
    weights = sorted((r for r in of(a_path, "Observation") if code(r, "code") == "29463-7"),
                     key=lambda r: r["effectiveDateTime"])
    w = ask(a_path, "what did he weigh at his latest physical")           # one thing: the weight at the visit
    assert w.resource_ids[:1] == [f"Observation/{weights[-1]['id']}"]


def test_a_measure_for_patients_with_a_diagnosis_is_the_medicine(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    statins = [r for r in of(c, "MedicationRequest") if "statin" in r["medicationCodeableConcept"]["coding"][0]["display"].lower()]
    a = ask(c, "Measure check: statin dispensed for patients with hyperlipidaemia?")
    assert statins and set(a.resource_ids) == refs(statins)


def test_the_question_clause_after_a_run_of_worries() -> None:
    said = "I'm sorry to ask again, he never tells me anything, when was his last colonoscopy?"
    assert asked_sentence(said) == "when was his last colonoscopy?"
    assert asked_sentence("when was his last colonoscopy?") is None


def test_an_abstractors_request_names_the_type(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    imms = of(a_path, "Immunization")
    a = ask(a_path, "Immunization audit: itemise each vaccine documented.")
    assert set(a.resource_ids) == refs(imms)
