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
