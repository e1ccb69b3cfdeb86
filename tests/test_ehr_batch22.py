"""EHR question wording met in batch 22's TUNE rows (benchmark-style templates), tested in other
words: a yes/no question over a window ("any colonoscopy since 2015?") is answered yes or no, not
read as a trend; a diagnosis said in lay words that the record does not hold ("high blood
pressure") is not in this record, and its words never find the blood pressure readings instead.
Each test fails without its fix; expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs


def test_a_yes_no_question_over_a_window_is_not_a_trend(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    flu = [r for r in of(a_path, "Immunization") if code(r, "vaccineCode") == "140"
           and "2013" <= r["occurrenceDateTime"][:4] <= "2015"]
    assert flu
    a = ask(a_path, "did the patient get any flu vaccines between 2013 and 2015")
    assert a.shape == "ever" and a.text.startswith("Yes") and set(a.resource_ids) == refs(flu)
    trend = ask(a_path, "weight since 2014")
    assert trend.shape == "trend"


def test_a_lay_diagnosis_the_record_lacks_does_not_find_its_words_elsewhere(fhir_bundles) -> None:
    a_path, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    assert not [r for r in of(a_path, "Condition") if "hypertens" in r["code"]["coding"][0]["display"].lower()]
    a = ask(a_path, "was I ever diagnosed with high blood pressure")
    assert not a.resource_ids and "not in this record" in a.text
    bp = ask(a_path, "his blood pressure at the last visit")      # the readings themselves are still read
    assert bp.resource_ids and bp.resource_ids[0].startswith("Observation/")
    hld = [r for r in of(c, "Condition") if code(r, "code") == "55822004"]
    assert hld and set(ask(c, "has she got high cholesterol?").resource_ids) >= refs(hld)


def test_results_past_a_value(fhir_bundles) -> None:
    """"Any creatinine over 3?": only the results past the value, each cited; none past it is a plain
    "No" citing the most extreme result; a year or a count of years is never a threshold."""
    c = fhir_bundles["cfhir"]
    creat = [r for r in of(c, "Observation") if code(r, "code") == "38483-4"]
    over3 = [r for r in creat if r["valueQuantity"]["value"] > 3]
    assert 0 < len(over3) < len(creat)
    a = ask(c, "was her creatinine ever over 3?")
    assert a.text.startswith("Yes") and set(a.resource_ids) == refs(over3)
    top = max(creat, key=lambda r: r["valueQuantity"]["value"])
    none = ask(c, "creatinine greater than 4 at any point?")
    assert none.text.startswith("No") and none.resource_ids == [f"Observation/{top['id']}"]
    from carepath.tools.records.question import parse

    assert parse("visits over 2 years").threshold is None and parse("any LDL above 2015").threshold is None
    assert parse("potassium > 5.5?").threshold == (">", 5.5) and parse("egfr under 60").threshold == ("<", 60.0)


def test_kinds_reasons_panels_name_and_record_number(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    imms = of(c, "Immunization")
    kinds = {r["vaccineCode"]["coding"][0]["display"] for r in imms}
    a = ask(c, "how many different vaccines has she had?")
    assert f"{len(kinds)} different" in a.text
    visit = [r for r in of(c, "Encounter") if r["period"]["start"].startswith("2012-01-26")]
    why = visit[0]["reasonCode"][0]["coding"][0]["display"]
    v = ask(c, "what was the reason for the visit on 2012-01-26?")
    assert set(v.resource_ids) == refs(visit) and why in v.text
    reports = [r for r in of(c, "DiagnosticReport") if r["effectiveDateTime"][:4] >= "2016"]
    assert set(ask(c, "how many lab panels since 2016?").resource_ids) == refs(reports)
    # the patient's name and record numbers are never printed by the engine (test_ehr's injection test)
    for q in ("patient's MRN please", "what is the patient's full name?"):
        assert of(c, "Patient")[0]["name"][0]["family"] not in ask(c, q).text
