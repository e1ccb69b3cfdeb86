"""EHR question wording met in batch 15's TUNE rows (and the known gaps), tested in other words: a
count over a vaccine family asked with the type word "vaccines", which one member's display happens
to spell (both members are counted, not only the one whose name says "vaccine"); a lone "physical"
said as a noun (the general examination visits); being "referred" or "sent" to a service (the
service is the subject); and screening for bowel cancer (the colonoscopies and the stool test for
blood). Each test fails without its fix."""

from __future__ import annotations

from support.ehr_helpers import ask as _ask, code as _code, of as _of, refs as _refs
from support.docs_fixtures import *  # noqa: F401,F403


def test_a_count_of_pneumococcal_vaccines_counts_both_kinds(fhir_bundles) -> None:
    """"Number of pneumococcal vaccinations she received?": the conjugate (PCV13, whose display has
    no "vaccine") and the polysaccharide vaccine (whose display does) are one family; the type word
    does not choose the second alone."""
    a = fhir_bundles["afhir"]
    pneumo = [r for r in _of(a, "Immunization") if _code(r, "vaccineCode") in ("133", "33")]
    got = _ask(a, "Number of pneumococcal vaccines she received?")
    assert len(pneumo) == 2
    assert set(got.resource_ids) == _refs(pneumo), got.text
    assert "2 recorded" in got.text, got.text


def test_a_lone_physical_is_the_general_examination_visit(fhir_bundles) -> None:
    """"Count his physicals": a "physical" said as a noun is the yearly general examination, a
    visit, so the visits are searched; "physical activity" is no visit."""
    c = fhir_bundles["cfhir"]
    exams = [r for r in _of(c, "Encounter") if _code(r, "type") == "162673000"]
    got = _ask(c, "Count his physicals")
    assert set(got.resource_ids) == _refs(exams), got.text
    assert f"{len(exams)} recorded" in got.text, got.text
    other = _ask(c, "does he do any physical activity")
    assert not set(other.resource_ids) & _refs(exams), other.text


def test_being_referred_to_physio_is_the_physio_plan(fhir_bundles) -> None:
    """"Was he referred on to a physiotherapist at all?": "refer" names no thing of its own; the
    question is the physical therapy care plan."""
    c = fhir_bundles["cfhir"]
    plan = next(r for r in _of(c, "CarePlan") if r["category"][-1]["coding"][0]["code"] == "91251008")
    got = _ask(c, "Was he referred on to a physiotherapist at all?")
    assert got.text.startswith("Yes"), got.text
    assert got.resource_ids == [f"CarePlan/{plan['id']}"], got.text


def test_bowel_cancer_screening_is_the_colonoscopies(fhir_bundles) -> None:
    """"Has she been screened for colorectal cancer?": screening is the colonoscopy (and the stool
    test for blood) the record holds, not an unknown word."""
    a = fhir_bundles["afhir"]
    scopes = [r for r in _of(a, "Procedure") if _code(r, "code") == "73761001"]
    got = _ask(a, "Has she been screened for colorectal cancer?")
    assert got.text.startswith("Yes"), got.text
    assert _refs(scopes[-1:]) <= set(got.resource_ids), got.text
    assert max(r["performedPeriod"]["start"][:10] for r in scopes) in got.text, got.text
