"""EHR question wording met in batch 31's and 32's TUNE rows (a student presenting; a patient whose
first language is not English; a pharmacist's and a district nurse's shorthand; a grandchild texting)
and wordings written before those batches were read, tested in other words. Each test fails without
its fix; expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import active_of, ask, code, ended_of, exam_visits, of, refs

from carepath.tools.records.question import parse


def _series(path, loinc: str) -> list[dict]:
    return sorted((r for r in of(path, "Observation") if code(r, "code") == loinc),
                  key=lambda r: r["effectiveDateTime"])


def test_a_score_and_its_date_is_the_measurement(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    dxa = [r for r in of(a_path, "Observation") if code(r, "code") == "38265-5"]
    a = ask(a_path, "What T-score did the bone density scan give, and when was the scan done?")
    assert dxa and a.resource_ids == [f"Observation/{dxa[0]['id']}"]


def test_a_learners_comparatives_and_the_small_number(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    assert parse("which sugar is the most high?").shape == "highest"
    assert parse("the small number of the pressure, most small when?").shape == "lowest"
    bp = [r for r in of(a_path, "Observation") if code(r, "code") == "55284-4"]
    dia = [(c["valueQuantity"]["value"], r) for r in bp for c in r["component"] if code(c, "code") == "8462-4"]
    lowest = min(dia, key=lambda x: x[0])[1]
    assert ask(a_path, "my little number of blood pressure, when it was most low?").resource_ids == [
        f"Observation/{lowest['id']}"]


def test_fat_in_the_blood_is_the_diagnosis_not_a_test_named_high(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    hld = [r for r in of(c, "Condition") if code(r, "code") == "55822004"]
    a = ask(c, "since when she have fats in the blood very high?")
    assert hld and set(a.resource_ids) == refs(hld)


def test_a_general_check_of_the_body_is_the_examination_visit(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    exams = exam_visits(c)
    a = ask(c, "how many full checkups has he had?")
    assert exams and set(a.resource_ids) == refs(exams) and f"{len(exams)} recorded" in a.text


def test_how_much_of_an_event_is_a_count(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    flu = [r for r in of(a_path, "Immunization") if code(r, "vaccineCode") == "140"]
    a = ask(a_path, "how much flu vaccine he receive?")
    assert f"{len(flu)} recorded" in a.text and set(a.resource_ids) == refs(flu)


def test_not_active_any_more_is_ended(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    ended = ended_of(c, "Condition")
    a = ask(c, "which problems are not active any more?")
    assert ended and set(a.resource_ids) == refs(ended)
    assert not parse("conditions no longer active").current


def test_a_question_sentence_after_a_trailing_when_stays_yes_no(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    sputum = [r for r in of(c, "Procedure") if code(r, "code") == "269911007"]
    a = ask(c, "was he ever checked for phlegm? if yes when")
    assert a.text.startswith("Yes") and set(a.resource_ids) == refs(sputum)


def test_a_purpose_after_for_is_not_the_subject(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    lipid = sorted((r for r in of(c, "DiagnosticReport") if code(r, "code") == "57698-3"),
                   key=lambda r: r["effectiveDateTime"])
    a = ask(c, "lipid panel last done? for statin review")
    assert a.resource_ids[:1] == [f"DiagnosticReport/{lipid[-1]['id']}"]


def test_a_texted_birthday_is_not_a_homophone(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    patient = of(c, "Patient")[0]
    a = ask(c, "wait whens his bday again")
    assert patient["birthDate"] in a.text and a.resource_ids == [f"Patient/{patient['id']}"]


def test_allergic_to_medicines_is_an_allergy_question(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    a = ask(a_path, "is she allergic to any tablets?")
    assert a.resource_ids == [] and "allerg" in a.text.lower()
    both = ask(fhir_bundles["cfhir"], "drug allergies and current meds?")
    active = active_of(fhir_bundles["cfhir"], "MedicationRequest")
    assert set(both.resource_ids) == refs(active) and "allergies: not in this record" in both.text.lower()
