"""EHR question wording met in batch 16's TUNE rows (and the known gaps), tested in other words: a
test's "result", "score" or "outcome" asked of a scan (the measurement it produced, not the event); a
therapy named only by generic words ("physio") on a record without one (not in this record, not
the whole list of procedures); a referral asked yes or no with the doctor as the subject; and a
visit asked for one year (a year names a time, not something the visit's name lacks). Each test
fails without its fix."""

from __future__ import annotations

from support.ehr_helpers import ask as _ask, code as _code, of as _of, refs as _refs
from support.docs_fixtures import *  # noqa: F401,F403


def test_a_scans_outcome_is_its_measurement_not_the_procedure(fhir_bundles) -> None:
    """"Outcome of his bone density scan?": the asker wants the T-score the scan produced (an
    Observation), not the date the scan was done."""
    a = fhir_bundles["afhir"]
    dxa = [r for r in _of(a, "Observation") if _code(r, "code") == "38265-5"]
    assert len(dxa) == 1
    got = _ask(a, "Outcome of his bone density scan?")
    assert set(got.resource_ids) == _refs(dxa), got.text
    assert f"{dxa[0]['valueQuantity']['value']:.2f}" in got.text, got.text


def test_physio_on_a_record_without_it_is_not_in_the_record(fhir_bundles) -> None:
    """"Has she ever had physio?": "physical therapy" is two generic words, but together they
    name one thing; a record without it says so instead of listing every procedure."""
    a = fhir_bundles["afhir"]
    names = [c["display"].lower() for t in ("Procedure", "CarePlan") for r in _of(a, t)
             for cc in ([r["code"]] if "code" in r else r["category"]) for c in cc["coding"]]
    assert names and not any("physical therapy" in n for n in names)
    got = _ask(a, "Has she ever had physio?")
    assert "not in this record" in got.text, got.text
    assert got.resource_ids == [], got.text


def test_a_referral_with_the_doctor_as_subject_is_yes_or_no(fhir_bundles) -> None:
    """"Did the GP refer him onwards to physio?": whether a referral happened is a yes/no
    question though the GP, not the patient, is the subject; "onwards" names nothing."""
    c = fhir_bundles["cfhir"]
    plan = next(r for r in _of(c, "CarePlan") if r["category"][-1]["coding"][0]["code"] == "91251008")
    got = _ask(c, "Did the GP refer him onwards to physio?")
    assert got.text.startswith("Yes"), got.text
    assert got.resource_ids == [f"CarePlan/{plan['id']}"], got.text


def test_a_visit_asked_for_one_year_is_that_years_visit(fhir_bundles) -> None:
    """"Was there a general exam in 2013?": the year narrows the visits to that year's, and the
    question is answered yes with it, not with every visit on file."""
    a = fhir_bundles["afhir"]
    exams = [r for r in _of(a, "Encounter") if _code(r, "type") == "162673000"
             and r["period"]["start"].startswith("2013")]
    assert len(exams) == 1
    got = _ask(a, "Was there a general exam in 2013?")
    assert got.text.startswith("Yes"), got.text
    assert set(got.resource_ids) == _refs(exams), got.text
