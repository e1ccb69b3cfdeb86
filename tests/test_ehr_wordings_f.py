"""EHR wordings written before batches 61-62 were read, each against a gap found with wordings invented
for it: everyday words that name who asks or for whom ("this gentleman", "this member", "billed") are
read past when nothing matched, while a clinical word or an abbreviation the record lacks is still "not in
this record"; the age at an event said with "at" ("how old was he at his cardiac arrest"). Expected ids
come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs


def test_who_asks_and_for_whom_names_nothing(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    procs = refs(of(a_path, "Procedure"))
    a = ask(a_path, "Claims review: list all procedures billed for this member with dates")
    assert set(a.resource_ids) == procs and "not in this record" not in a.text
    meds = refs(of(a_path, "MedicationRequest"))
    a = ask(a_path, "Pharmacy tech doing a stock check here: what's the one medicine this gentleman has on order?")
    assert set(a.resource_ids) == meds and "not in this record" not in a.text


def test_a_clinical_word_or_abbreviation_the_record_lacks_is_still_absent(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    for q in ("Has he ever had a CT scan?", "any epilepsy procedures for this gentleman?",
              "was this member ever intubated?"):
        a = ask(a_path, q)
        assert "not in this record" in a.text and not a.resource_ids, q


def test_everyday_reads_wordnet_classes() -> None:
    from carepath.tools.records.spelling import everyday

    for w in ("gentleman", "chaplain", "household", "billed"):
        assert everyday(w), w
    for w in ("epilepsy", "knee", "asthma", "pacemaker", "ct", "intubated", "tonsillectomy"):
        assert not everyday(w), w


def test_age_at_an_event_said_with_at(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    arrest = [r for r in of(a_path, "Condition") if code(r, "code") == "410429000"]
    patient = of(a_path, "Patient")[0]
    a = ask(a_path, "How old was he at his cardiac arrest?")
    assert f"Condition/{arrest[0]['id']}" in a.resource_ids and f"Patient/{patient['id']}" in a.resource_ids
    born, onset = patient["birthDate"], arrest[0]["onsetDateTime"][:10]
    years = int(onset[:4]) - int(born[:4]) - ((onset[5:] < born[5:]))
    assert f"was {years} then" in a.text
    colos = [r for r in of(a_path, "Procedure") if code(r, "code") == "73761001"]
    a = ask(a_path, "how old was he at the time of his colonoscopies")
    assert refs(colos) <= set(a.resource_ids) and "on those dates" in a.text
    # "at present" is now: the plain age, no event
    a = ask(a_path, "what age is he at present")
    assert a.resource_ids == [f"Patient/{patient['id']}"] and "age " in a.text
