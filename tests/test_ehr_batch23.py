"""EHR question wording met in batch 23's TUNE rows (an independent evaluator's spread), tested in
other words: "which town was I born in" is the birthplace, not the birth date; "higher or lower
than when first checked" is a trend from first to last; asking words ("requests", "put on", "which
body part") name nothing, so the whole type is listed. Each test fails without its fix; expected ids
come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs


def test_town_of_birth_is_the_birthplace(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    pat = of(a_path, "Patient")[0]
    place = next(e["valueAddress"]["city"] for e in pat["extension"] if e["url"].endswith("patient-birthPlace"))
    a = ask(a_path, "what city does the chart say he was born in?")
    assert place in a.text and pat["birthDate"] not in a.text


def test_higher_or_lower_than_at_first_is_a_trend(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    glucose = sorted((r for r in of(a_path, "Observation") if code(r, "code") == "2339-0"),
                     key=lambda r: r["effectiveDateTime"])
    a = ask(a_path, "is his glucose better or worse now compared with the first reading?")
    assert a.shape == "trend"
    assert {f"Observation/{glucose[0]['id']}", f"Observation/{glucose[-1]['id']}"} <= set(a.resource_ids)


def test_asking_words_name_nothing(fhir_bundles) -> None:
    a_path, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    active = [r for r in of(c, "MedicationRequest") if r["status"] == "active"]
    assert set(ask(c, "any medication requests that are still active?").resource_ids) == refs(active)
    assert set(ask(c, "which care plans was she ever put on").resource_ids) == refs(of(c, "CarePlan"))
    img = of(a_path, "ImagingStudy")
    assert set(ask(a_path, "imaging studies on file: which part of the body?").resource_ids) == refs(img)
