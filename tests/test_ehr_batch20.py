"""EHR question wording met in batch 20's TUNE rows and in invented wordings in the voices its
commit names (autocorrect slips, "as of <date>", textbook terms, family members' words), tested in
other words: a number names one vaccine of a family ("the 13 one"); an autocorrected drug ("station"
for statin) is read back when nothing else matched; "as of" a date is everything up to it; asker and
filler words ("mama", "principal", "per") name nothing. Each test fails without its fix; expected
ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs


def test_a_number_tells_one_vaccine_of_a_family_from_its_sibling(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    pcv13 = [r for r in of(a_path, "Immunization") if code(r, "vaccineCode") == "133"]
    ppsv23 = [r for r in of(a_path, "Immunization") if code(r, "vaccineCode") == "33"]
    assert len(pcv13) == 1 and len(ppsv23) == 1
    assert set(ask(a_path, "did he ever get the pneumonia jab - the 13 one?").resource_ids) == refs(pcv13)
    assert set(ask(a_path, "the 23 pneumonia shot, when was it?").resource_ids) == refs(ppsv23)
    both = ask(a_path, "has he had a pneumonia vaccine?")
    assert set(both.resource_ids) == refs(pcv13 + ppsv23)


def test_an_autocorrected_drug_is_read_back_only_when_nothing_else_matched(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    statins = [r for r in of(c, "MedicationRequest") if "statin" in r["medicationCodeableConcept"]["text"].lower()
               or "statin" in r["medicationCodeableConcept"]["coding"][0]["display"].lower()]
    assert statins
    a = ask(c, "is my wife still taking her station?")
    assert set(a.resource_ids) <= refs(statins) and a.resource_ids and a.read_as.get("station") == "statin"
    plain = ask(c, "which station did the ambulance come from - any emergency visits?")
    assert "station" not in plain.read_as


def test_as_of_a_date_reads_everything_up_to_it(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    creat = [r for r in of(c, "Observation") if code(r, "code") == "38483-4"]
    upto = [r for r in creat if r["effectiveDateTime"][:10] <= "2015-01-01"]
    assert upto and len(upto) < len(creat)
    want = max(upto, key=lambda r: r["effectiveDateTime"])
    a = ask(c, "As at 2015-01-01, her latest creatinine was?")
    assert a.resource_ids == [f"Observation/{want['id']}"]


def test_asker_and_filler_words_name_nothing(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    active = [r for r in of(c, "Condition") if r["clinicalStatus"]["coding"][0]["code"] == "active"]
    assert active
    a = ask(c, "Main diagnoses that are active per the problem list?")
    assert set(a.resource_ids) == refs(active)
    glucose = [r for r in of(c, "Observation") if code(r, "code") == "2339-0"]
    latest = max(glucose, key=lambda r: r["effectiveDateTime"])
    assert ask(c, "my papa sugar, the last one?").resource_ids == [f"Observation/{latest['id']}"]


def test_dxa_spelt_out(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    dxa = [r for r in of(a_path, "Procedure") if "absorptiometry" in r["code"]["coding"][0]["display"].lower()
           or "dxa" in r["code"]["coding"][0]["display"].lower() or "bone density" in r["code"]["coding"][0]["display"].lower()]
    assert dxa
    a = ask(a_path, "when was the dual energy x-ray absorptiometry done?")
    assert set(a.resource_ids) & refs(dxa)


def test_a_windowed_lowest_is_a_lowest_not_a_trend(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    creat = [r for r in of(c, "Observation") if code(r, "code") == "38483-4" and r["effectiveDateTime"] >= "2015"]
    assert len(creat) >= 2
    low = min(creat, key=lambda r: r["valueQuantity"]["value"])
    a = ask(c, "lowest creatinine since 2015?")
    assert a.shape == "lowest" and a.resource_ids == [f"Observation/{low['id']}"]


def test_the_results_of_a_panel_are_read_and_cited(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    lipid = [r for r in of(a_path, "DiagnosticReport") if code(r, "code") == "57698-3"]
    last = max(lipid, key=lambda r: r["effectiveDateTime"])
    members = {"Observation/" + x["reference"].rsplit(":", 1)[-1].rsplit("/", 1)[-1] for x in last["result"]}
    a = ask(a_path, "what did his most recent lipid panel show?")
    assert f"DiagnosticReport/{last['id']}" in a.resource_ids and members <= set(a.resource_ids)
    when = ask(a_path, "when was his most recent lipid panel?")
    assert when.resource_ids == [f"DiagnosticReport/{last['id']}"]
