"""EHR question wording in plain everyday words (invented before batch 21 was read, then batch 21's
TUNE rows), tested in other words: urea and electrolytes ("U&Es") and "lytes"; the kidneys' function
in lay words, while a kidney disease stays a disease; "cleared up" asks when it ended; "ongoing" is
current. Each test fails without its fix; expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs


def _latest(rows: list[dict]) -> dict:
    return max(rows, key=lambda r: r["effectiveDateTime"])


def test_u_and_es_and_lytes(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    want = {code_: _latest([r for r in of(c, "Observation") if code(r, "code") == code_])
            for code_ in ("6299-2", "2947-0", "6298-4", "38483-4")}
    a = ask(c, "can you pull up her last U&E")
    assert {f"Observation/{r['id']}" for r in want.values()} <= set(a.resource_ids)
    assert "u" not in a.read_as
    lytes = ask(c, "most recent lytes")
    assert f"Observation/{want['2947-0']['id']}" in lytes.resource_ids


def test_kidneys_in_lay_words_but_a_kidney_disease_stays_a_disease(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    egfr = [r for r in of(c, "Observation") if code(r, "code") == "33914-3"]
    assert egfr
    a = ask(c, "how are her kidneys working lately - the last result?")
    assert f"Observation/{_latest(egfr)['id']}" in a.resource_ids
    stones = ask(c, "has she ever had kidney stones?")
    assert not stones.resource_ids and "not in this record" in stones.text


def test_cleared_up_asks_when_it_ended_and_ongoing_is_current(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    plans = of(c, "CarePlan")
    active = [r for r in plans if r["status"] == "active"]
    assert 0 < len(active) < len(plans)
    a = ask(c, "which care plans are ongoing?")
    assert set(a.resource_ids) == refs(active)
    from carepath.tools.records.question import parse

    assert parse("when did her chest infection clear up?").asks_end
    assert parse("when did the rash go away?").asks_end


def test_brand_names_of_vaccines_and_medicines(fhir_bundles) -> None:
    """Vaccine trade names (CDC's trade-name table) and medicine brands (the cited lexicon
    carepath.knowledge ships, chained to how the record spells the ingredient)."""
    a_path, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    pcv13 = [r for r in of(a_path, "Immunization") if code(r, "vaccineCode") == "133"]
    assert set(ask(a_path, "did he ever receive Prevnar?").resource_ids) == refs(pcv13)
    ppsv = [r for r in of(c, "Immunization") if code(r, "vaccineCode") == "33"]
    assert set(ask(c, "date of her Pneumovax 23").resource_ids) == refs(ppsv)
    statin = [r for r in of(c, "MedicationRequest") if "vist" in r["medicationCodeableConcept"]["coding"][0]["display"].lower()]
    last = max(statin, key=lambda r: r["authoredOn"])
    assert ask(c, "most recent Zocor script?").resource_ids == [f"MedicationRequest/{last['id']}"]
    ibu = [r for r in of(a_path, "MedicationRequest")]
    assert set(ask(a_path, "has he had any Nurofen?").resource_ids) == refs(ibu)
    assert not ask(a_path, "is he on Eliquis?").resource_ids


def test_is_the_plan_still_active_is_a_yes_no_question(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    plan = [r for r in of(c, "CarePlan") if r["status"] == "active" and "diabet" in str(r).lower()]
    assert len(plan) == 1
    a = ask(c, "Care coordinator: is her diabetes self-management plan still active?")
    assert a.shape == "ever" and a.text.startswith("Yes") and a.resource_ids == [f"CarePlan/{plan[0]['id']}"]


def test_hospital_visits_and_admissions(fhir_bundles) -> None:
    """EHRSQL's "visit the hospital" is any encounter; "admitted", "inpatient stays",
    "hospitalisations" are encounters whose class is a stay in hospital (none in these records:
    said plainly, never the ambulatory check-ups instead); an ER admission is still the ER visit."""
    c, a_path = fhir_bundles["cfhir"], fhir_bundles["afhir"]
    in_2014 = [r for r in of(c, "Encounter") if r["period"]["start"].startswith("2014")]
    assert set(ask(c, "how many times did the patient visit the hospital in 2014").resource_ids) == refs(in_2014)
    assert not [r for r in of(a_path, "Encounter") if r["class"]["code"] in ("IMP", "ACUTE", "NONAC", "OBSENC")]
    for q in ("Has he ever been admitted to hospital?", "any inpatient stays?", "number of hospitalisations"):
        a = ask(a_path, q)
        assert not a.resource_ids and "not in this record" in a.text, q
    er = [r for r in of(a_path, "Encounter") if "Emergency room admission" in r["type"][0]["coding"][0]["display"]]
    assert set(ask(a_path, "date of his emergency room admission").resource_ids) == refs(er)


def test_the_name_of_the_last_medicine(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    last = max(of(c, "MedicationRequest"), key=lambda r: r["authoredOn"])
    a = ask(c, "what is the name of the medication prescribed to the patient most recently?")
    assert a.resource_ids == [f"MedicationRequest/{last['id']}"]
