"""EHR question wording met in batch 14's TUNE rows (and the known gaps), tested in other words: a
midwife's "have you had your bones scanned, sweetheart?" (the addressee and endearments are not the
subject; "scanned" is a scan), an interpreter who asks for a family (not a question about the
language), a yes/no question embedded after "wants to know if", "physical therapy" said in full (the
physical therapy care plan, not every procedure, nor a "physical" examination visit), "finish" as
the end of a thing, and a yes-and-when question over several events (the most recent, not every
date). Each test fails without its fix."""

from __future__ import annotations

from pathlib import Path

from support.ehr_helpers import ask as _ask, code as _code, of as _of
from support.docs_fixtures import *  # noqa: F401,F403


def _pt_plan(path: Path) -> dict:
    return next(r for r in _of(path, "CarePlan") if r["category"][-1]["coding"][0]["code"] == "91251008")


def test_a_midwife_asks_about_a_scan_with_you_and_an_endearment(fhir_bundles) -> None:
    """"Have you ever had your bones scanned, sweetheart?": "you", "your", "sweetheart" are the
    person addressed, and "scanned" is the bone density scan the record holds."""
    a = fhir_bundles["afhir"]
    scan = next(r for r in _of(a, "Procedure") if _code(r, "code") == "312681000")
    got = _ask(a, "Have you ever had your bones scanned, sweetheart?")
    assert got.text.startswith("Yes"), got.text
    assert got.resource_ids == [f"Procedure/{scan['id']}"], got.text


def test_an_interpreter_asking_for_the_family_is_not_a_language_question(fhir_bundles) -> None:
    """"Translator here: does he still take a statin?": the translator is who asks; the question is
    the current statin, answered yes with the active prescription cited."""
    c = fhir_bundles["cfhir"]
    active = next(r for r in _of(c, "MedicationRequest") if r["status"] == "active")
    got = _ask(c, "Translator here: does he still take a statin?")
    assert "language" not in got.text.lower(), got.text
    assert f"MedicationRequest/{active['id']}" in got.resource_ids, got.text


def test_an_embedded_yes_no_question_is_answered_yes_or_no(fhir_bundles) -> None:
    """"His son wants to know if he is on a statin now" asks whether, like "is he on a statin now?"."""
    c = fhir_bundles["cfhir"]
    got = _ask(c, "His son wants to know if he is on a statin now")
    assert got.text.startswith("Yes"), got.text
    assert "now active" in got.text, got.text


def test_physical_therapy_said_in_full_is_the_care_plan(fhir_bundles) -> None:
    """"Did he get physical therapy?": both words are generic alone, the phrase names the physical
    therapy care plan, not every procedure and care plan of the record."""
    c = fhir_bundles["cfhir"]
    got = _ask(c, "Did he get physical therapy?")
    assert got.resource_ids == [f"CarePlan/{_pt_plan(c)['id']}"], got.text
    assert got.text.startswith("Yes"), got.text


def test_a_physical_therapist_is_not_a_physical_examination(fhir_bundles) -> None:
    """"Has he seen a physical therapist?": the longer synonym wins over "physical" (a general
    examination visit)."""
    c = fhir_bundles["cfhir"]
    got = _ask(c, "Has he seen a physical therapist?")
    assert got.resource_ids == [f"CarePlan/{_pt_plan(c)['id']}"], got.text


def test_finish_asks_the_end_of_a_thing(fhir_bundles) -> None:
    """"When did his physical therapy finish?" asks the end of the care plan (its period's end)."""
    c = fhir_bundles["cfhir"]
    plan = _pt_plan(c)
    got = _ask(c, "When did his physical therapy finish?")
    assert plan["period"]["end"][:10] in got.text, got.text
    assert f"CarePlan/{plan['id']}" in got.resource_ids, got.text


def test_yes_and_when_over_several_events_gives_the_most_recent(fhir_bundles) -> None:
    """"Has he had the flu vaccine - if so, when?": yes, with the most recent date (and the first),
    not every date of ten vaccinations."""
    c = fhir_bundles["cfhir"]
    flu = sorted((r for r in _of(c, "Immunization") if _code(r, "vaccineCode") == "140"),
                 key=lambda r: r["occurrenceDateTime"])
    got = _ask(c, "Has he had the flu vaccine - if so, when?")
    assert got.text.startswith("Yes"), got.text
    assert flu[-1]["occurrenceDateTime"][:10] in got.text, got.text
    assert flu[4]["occurrenceDateTime"][:10] not in got.text, got.text
    assert f"Immunization/{flu[-1]['id']}" in got.resource_ids, got.text
