"""EHR question wording met in batch 13's TUNE rows (and the known gaps), tested in other words: the
date of a highest value (a measurement's, not a panel's), a leading label naming the asker's
setting ("CT safety check - ..."), a
receptionist's "come in" for a visit, an "annual physical" or "general exam" as the general
examination visit, a yes/no question that also asks "and when", "widower" as a marital status,
going to the ER as a visit, and a "heart condition" as any disease of the heart (a "heart attack"
still only an infarction). Each test fails without its fix."""

from __future__ import annotations

from support.ehr_helpers import ask as _ask, code as _code, of as _of
from support.docs_fixtures import *  # noqa: F401,F403


def _when(r: dict) -> str:
    return str(r.get("effectiveDateTime") or r.get("occurrenceDateTime") or r.get("onsetDateTime")
               or r["period"]["start"])


def test_the_date_of_a_highest_value_is_the_measurements(fhir_bundles) -> None:
    """"What date was his lipid LDL-C at its peak?" asks the date of the highest LDL value: only a
    measurement has a highest, so the date does not turn it into the lipid panel event."""
    c = fhir_bundles["cfhir"]
    ldl = [r for r in _of(c, "Observation") if _code(r, "code") == "18262-6"]
    top = max(ldl, key=lambda r: r["valueQuantity"]["value"])
    got = _ask(c, "what date was his lipid LDL-C at its peak")
    assert f"{top['valueQuantity']['value']:.2f}" in got.text and top["effectiveDateTime"][:10] in got.text, got.text
    assert got.resource_ids == [f"Observation/{top['id']}"], got.text


def test_a_label_before_a_dash_with_no_subject_of_its_own(fhir_bundles) -> None:
    """"CT safety check - any implant?": the label's words ("ct", "safety") name nothing the record holds;
    the words after the dash name the device."""
    a = fhir_bundles["afhir"]
    dev = _of(a, "Device")[0]
    got = _ask(a, "CT safety check - does he have an implant?")
    assert f"Device/{dev['id']}" in got.resource_ids and "defibrillator" in got.text.lower(), got.text


def test_coming_in_is_a_visit(fhir_bundles) -> None:
    """"When did she last come in?" (a receptionist's words): coming in is a visit."""
    a = fhir_bundles["afhir"]
    last = max(_of(a, "Encounter"), key=_when)
    got = _ask(a, "Front desk - when did he last come in to see us?")
    assert _when(last)[:10] in got.text and got.resource_ids == [f"Encounter/{last['id']}"], got.text


def test_an_annual_physical_is_the_general_examination(fhir_bundles) -> None:
    """"Yearly physicals" and "general exams" are the record's "General examination of patient" visits."""
    c = fhir_bundles["cfhir"]
    exams = [f"Encounter/{r['id']}" for r in _of(c, "Encounter") if _code(r, "type") == "162673000"]
    for q in ("how many yearly physicals has he been in for", "number of general exams on file"):
        got = _ask(c, q)
        assert f"{len(exams)} recorded" in got.text and set(exams) <= set(got.resource_ids), (q, got.text)


def test_a_yes_no_question_that_also_asks_when(fhir_bundles) -> None:
    """"Has he had a polypectomy, and if so when?" is answered yes, with the date: not the date alone."""
    a = fhir_bundles["afhir"]
    polyp = next(r for r in _of(a, "Procedure") if _code(r, "code") == "274031008")
    got = _ask(a, "has he had a polypectomy, and if so when?")
    assert got.text.lower().startswith("yes") and polyp["performedPeriod"]["start"][:10] in got.text, got.text


def test_widower_asks_the_marital_status(fhir_bundles) -> None:
    """"Is she a widow?" asks the marital status; without it "widow" is an unknown word."""
    c = fhir_bundles["cfhir"]
    pat = _of(c, "Patient")[0]
    assert pat["maritalStatus"]["coding"][0]["code"] == "M"
    got = _ask(c, "is my grandad a widower now?")
    assert "married" in got.text and got.resource_ids == [f"Patient/{pat['id']}"], got.text


def test_going_to_the_er_is_a_visit(fhir_bundles) -> None:
    """"Has he ever gone to the ER?": the emergency visits; while "admitted to the ward from the ER"
    still reads the admission procedure, not the ER visit."""
    a = fhir_bundles["afhir"]
    emer = {f"Encounter/{r['id']}" for r in _of(a, "Encounter") if r["class"]["code"] == "EMER"}
    got = _ask(a, "has grandad ever gone to the ER?")
    assert got.text.lower().startswith("yes") and emer <= set(got.resource_ids), got.text
    ortho = next(r for r in _of(a, "Procedure") if _code(r, "code") == "305428000")
    got = _ask(a, "what day was he sent up to the orthopaedic ward from the ER")
    assert got.resource_ids == [f"Procedure/{ortho['id']}"], got.text


def test_a_heart_condition_is_any_disease_of_the_heart(fhir_bundles) -> None:
    """"Any heart trouble?" finds the cardiac arrest; "a heart attack" (an infarction) still does not."""
    a = fhir_bundles["afhir"]
    arrest = next(r for r in _of(a, "Condition") if _code(r, "code") == "410429000")
    got = _ask(a, "does he have any heart disease?")
    assert got.text.lower().startswith("yes") and f"Condition/{arrest['id']}" in got.resource_ids, got.text
    got = _ask(a, "did he ever have a heart attack")
    assert f"Condition/{arrest['id']}" not in got.resource_ids, got.text
