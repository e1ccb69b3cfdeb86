"""EHR question wording met in batch 35's and 36's TUNE rows (plain everyday questions; an ED
registrar, a ward pharmacist and a son asking for a father with dementia) and wordings written before
those batches were read, tested in other words. Each test fails without its fix; expected ids come
from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import active_of, ask, code, exam_visits, of, refs

from carepath.tools.records.question import parse


def test_repeat_medicines_are_the_current_ones(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    active = active_of(c, "MedicationRequest")
    a = ask(c, "Which repeat prescriptions does he have?")
    assert active and set(a.resource_ids) == refs(active)


def test_a_health_check_is_the_examination_visit(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    exams = exam_visits(a_path)
    a = ask(a_path, "number of health checks he has attended")
    assert exams and set(a.resource_ids) == refs(exams)


def test_past_medical_history_is_every_diagnosis(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    conds = of(c, "Condition")
    assert set(ask(c, "PMH please, including old problems").resource_ids) == refs(conds)
    assert set(ask(c, "what's on her problem list, past and present?").resource_ids) == refs(conds)


def test_did_that_happen_and_when_is_a_yes_and_a_date(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    xray = [r for r in of(a_path, "Procedure") if "x-ray" in r["code"]["coding"][0]["display"].lower()]
    a = ask(a_path, "Mum says he had his collarbone x-rayed once. Did that happen, and when?")
    assert a.text.startswith("Yes") and refs(xray) <= set(a.resource_ids)


def test_the_scene_before_a_question_never_makes_it_about_now() -> None:
    assert not parse("He is very forgetful these days. Was he ever given ibuprofen?").current
    assert parse("What is he taking these days?").current


def test_a_what_question_over_a_type_is_no_yes(fhir_bundles) -> None:
    a = ask(fhir_bundles["afhir"], "What procedures has he had?")
    assert not a.text.startswith("Yes") and a.resource_ids


def test_a_panels_other_name_with_a_date_asked_is_the_panel(fhir_bundles) -> None:
    """(batch 32's tune row) "U&E/BMP last done?": U&E names the panel's four results; with the panel
    itself named and a date asked, the panel is the subject, not four results."""
    a_path = fhir_bundles["afhir"]
    bmp = sorted((r for r in of(a_path, "DiagnosticReport") if code(r, "code") == "51990-0"),
                 key=lambda r: r["effectiveDateTime"])
    a = ask(a_path, "BMP / U&E: date last done?")
    assert bmp and f"DiagnosticReport/{bmp[-1]['id']}" in a.resource_ids
    alt = ask(fhir_bundles["cfhir"], "ALT at his 2018 comprehensive panel")      # one result named: the result
    assert alt.resource_ids[0].startswith("Observation/")
