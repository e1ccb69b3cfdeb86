"""Fixes from batches 125-128's tune rows, in general form (checked on wordings that are not the rows'): a
relayed request for a thing rather than a question ("the doctor here wants the name of ..."); a check-up said
to recur ("yearly check-up", "annual checkups") is the general examination; a place the question names ("in
America", "in the States") is no part of what it asks; a blood test named by what it measures ("cholesterol
test") is dated by its draw, not by the diagnosis; dictation that writes "comma" reads a comma. Expected ids
come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of, ref


def _general_exams(bundle: dict) -> list[dict]:
    return sorted((r for r in of(bundle, "Encounter") if r["type"][0]["coding"][0]["code"] == "162673000"),
                  key=lambda r: r["period"]["start"])


def test_a_relayed_request_for_a_name_or_date(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    last = _general_exams(a)[-1]
    doctor = last["participant"][0]["individual"]["reference"].rsplit(":", 1)[-1]
    got = ask(a, "Hola, soy su nieta, we run a tapas bar in Cádiz. Grandma had a fall on the stairs and the nurse at "
                 "the health centre needs the name of the doctor who did her last annual checkup over there.")
    assert f"Practitioner/{doctor}" in got.resource_ids and ref(last) in got.resource_ids
    assert "not in this record" not in got.text


def test_a_recurring_check_up_and_a_place_said_with_it(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    exams = _general_exams(a)
    got = ask(a, "when was her last routine checkup in the States?")
    assert ref(exams[-1]) in got.resource_ids and exams[-1]["period"]["start"][:10] in got.text
    got = ask(a, "how many yearly check ups has she had in America")
    assert str(len(exams)) in got.text and "not in this record" not in got.text


def test_a_named_blood_test_is_dated_by_its_draw(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    chol = sorted((r for r in of(c, "Observation") if r["code"]["coding"][0]["code"] == "2093-3"),
                  key=lambda r: r["effectiveDateTime"])
    got = ask(c, "My father is staying with us in Perth and the GP needs the date of his most recent cholesterol test.")
    assert ref(chol[-1]) in got.resource_ids and chol[-1]["effectiveDateTime"][:10] in got.text
    assert not any(r.startswith("Condition/") for r in got.resource_ids)  # not the hyperlipidaemia diagnosis


def test_dictated_commas_and_the_fat_in_his_blood(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    lipid = [r for r in of(c, "Condition") if r["code"]["coding"][0]["code"] == "55822004"]
    got = ask(c, "message for doctor comma is the fat in his blood too high question mark")
    assert lipid and ref(lipid[0]) in got.resource_ids and "comma" not in got.text.lower()
