"""EHR wordings written before batches 63-64 were read, each against a gap found with wordings invented
for it: a question asked of the day an event happened ("his diastolic the day he broke his collarbone",
"jabs on the same day as his last colonoscopy"); a date's numbers name nothing ("on 2017-03-30" is not
the "Body mass index 30+" finding); a measurement's state now ("is his HDL good or bad at the moment")
is its latest value; a family history is not the patient's own diagnosis. Expected ids come from the
bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, ref, refs


def test_a_question_asked_of_the_day_an_event_happened(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    fracture = next(r for r in of(a_path, "Condition") if "clavicle" in r["code"]["text"].lower())
    day = fracture["onsetDateTime"][:10]
    a = ask(a_path, "what was the reading of his diastolic the day he broke his collarbone")
    assert ref(fracture) in a.resource_ids and day in a.text
    diastolic = [r for r in of(a_path, "Observation") for c in r.get("component", []) if code(c, "code") == "8462-4"]
    on_day = [r for r in diastolic if r["effectiveDateTime"][:10] == day]
    assert on_day or "no results on" in a.text  # the record has no reading that day: said, with the nearest
    colos = sorted((r for r in of(a_path, "Procedure") if code(r, "code") == "73761001"),
                   key=lambda r: r["performedPeriod"]["start"])
    last = colos[-1]["performedPeriod"]["start"][:10]
    jabs = [r for r in of(a_path, "Immunization") if r["occurrenceDateTime"][:10] == last]
    a = ask(a_path, "What immunisations did he get on the same day as his last colonoscopy?")
    assert ref(colos[-1]) in a.resource_ids and set(a.resource_ids) - {ref(colos[-1])} == refs(jabs)
    # several days ("his colonoscopies") name no one day: the question is read as said
    assert "That day" not in ask(a_path, "what jabs did he get on the day of his colonoscopies").text


def test_a_dates_numbers_name_nothing(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    a = ask(a_path, "What immunisations did he get on 2017-03-30?")
    assert not any(x.startswith("Condition/") for x in a.resource_ids) and "Immunizations" in a.text


def test_a_measurement_now_is_its_latest_value(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    hdl = sorted((r for r in of(c, "Observation") if code(r, "code") == "2085-9"), key=lambda r: r["effectiveDateTime"])
    for q in ("Is his HDL good or bad at the moment?", "is his good cholesterol ok these days?"):
        assert ask(c, q).resource_ids == [ref(hdl[-1])], q
    assert len(ask(c, "has he ever had his HDL checked").resource_ids) > 1  # "ever" still reads them all


def test_a_family_history_is_not_his_own_diagnosis(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    assert not of(a_path, "FamilyMemberHistory")
    for q in ("genetic counsellor: any family history of colon cancer recorded?", "FHx of diabetes?",
              "does heart disease run in the family"):
        a = ask(a_path, q)
        assert "not in this record" in a.text and not a.resource_ids, q
    assert ask(a_path, "history of colon polyps").resource_ids  # his own history still is his


def test_a_thing_done_for_a_condition_that_the_record_lacks_is_absent(fhir_bundles) -> None:
    """"did he have a chest x-ray for his bronchitis": the x-ray is asked; the bronchitis is only why."""
    c = fhir_bundles["cfhir"]
    a = ask(c, "did he have a chest x ray for his bronchitis")
    assert "not in this record" in a.text and not a.resource_ids
    ibuprofen = of(fhir_bundles["afhir"], "MedicationRequest")
    assert ask(fhir_bundles["afhir"], "when was he given ibuprofen for his broken collarbone").resource_ids == [
        ref(ibuprofen[0])]


def test_years_since_the_last_one_is_its_date_and_order_words_pick_nothing(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    td = sorted((r for r in of(a_path, "Immunization") if code(r, "vaccineCode") == "113"),
                key=lambda r: r["occurrenceDateTime"])
    a = ask(a_path, "How many years since his last tetanus jab?")
    assert a.resource_ids == [ref(td[-1])] and td[-1]["occurrenceDateTime"][:10] in a.text
    c = fhir_bundles["cfhir"]
    a = ask(c, "list his vaccines with dates, newest first")
    assert set(a.resource_ids) == refs(of(c, "Immunization"))  # a list, not "the first" one


def test_a_sign_off_names_no_patient_field(fhir_bundles) -> None:
    """"Speak soon" after the question is no question about the patient's language."""
    a_path = fhir_bundles["afhir"]
    a = ask(a_path, "Hi both. How many lipid panels has Dad had? Paul thinks it's every year. Speak soon, Mark")
    assert not any(x.startswith("Patient/") for x in a.resource_ids) and a.resource_ids


def test_several_years_named_together_and_an_implant_date(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    a1c = [r for r in of(c, "Observation") if code(r, "code") == "4548-4"
           and "2016" <= r["effectiveDateTime"][:4] <= "2018"]
    a = ask(c, "number of times his A1c was measured in 2016, 2017 and 2018 combined")
    assert set(a.resource_ids) == refs(a1c) and f"{len(a1c)} recorded" in a.text
    a_path = fhir_bundles["afhir"]
    device = of(a_path, "Device")[0]
    a = ask(a_path, "Coroner's officer: please confirm the implanted device and date of implantation")
    assert a.resource_ids == [ref(device)]
