"""EHR question wording met in batch 41's and 42's TUNE rows (plain everyday questions with more lists,
yes/no and counts; a cardiology registrar, a diabetes nurse, a physiotherapist, a neighbour who cares,
a patient writing in old-fashioned English) and wordings written before those batches were read,
tested in other words. Each test fails without its fix; expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs


def test_can_you_and_contractions_name_nothing(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    meds = of(c, "MedicationRequest")
    a = ask(c, "Can you show me each drug I've ever been prescribed?")
    assert set(a.resource_ids) == refs(meds)


def test_old_fashioned_courtesy_names_nothing(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    flu = [r for r in of(a_path, "Immunization") if code(r, "vaccineCode") == "140"]
    a = ask(a_path, "Kindly inform me upon how many occasions he was inoculated against influenza.")
    assert f"{len(flu)} recorded" in a.text and set(a.resource_ids) == refs(flu)


def test_general_examinations_said_in_full(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    exams = [r for r in of(a_path, "Encounter") if code(r, "type") == "162673000"]
    a = ask(a_path, "number of general examinations he attended")
    assert exams and set(a.resource_ids) == refs(exams)


def test_a_neighbour_who_helps_is_not_the_subject(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    active = [r for r in of(c, "MedicationRequest") if r["status"] == "active"]
    a = ask(c, "I'm his neighbour and I help out with his pills - what is he on at the moment?")
    assert active and set(a.resource_ids) == refs(active)
