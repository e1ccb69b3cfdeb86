"""EHR wordings from batches 59-60's tune misses, fixed in general form: the thing done during a
procedure is the subject ("a polypectomy at his index colonoscopy"), a scene mentioning a Patient field
is not a demographic question when the question sentence names its own subject, a Patois "how much
time" counts, and more asker words name nothing. Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs


def test_the_thing_done_during_a_procedure_is_the_subject(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    polyp = [r for r in of(a_path, "Procedure") if "olypectomy" in r["code"]["coding"][0]["display"]]
    a = ask(a_path, "was a polypectomy ever performed during his colonoscopy, and on what date?")
    assert polyp and set(a.resource_ids) == refs(polyp) and a.text.startswith("Yes")
    ibu = [r for r in of(a_path, "MedicationRequest") if "buprofen" in r["medicationCodeableConcept"]["text"]]
    assert ibu and set(ask(a_path, "when was he given ibuprofen for his broken collarbone").resource_ids) == refs(ibu)


def test_a_scene_with_a_field_word_is_not_a_demographic_question(fhir_bundles) -> None:
    from carepath.tools.records.question import parse

    c = fhir_bundles["cfhir"]
    hld = [r for r in of(c, "Condition") if code(r, "code") == "55822004"]
    a = ask(c, "We got married in 1970 and he has always liked his food. When was his high cholesterol diagnosed?")
    assert set(a.resource_ids) == refs(hld)
    # a question sentence that leans on the scene keeps the scene's field
    assert parse("The form has a box for his language. What have you got for me?").demographic == "language"


def test_patois_how_much_time_counts(fhir_bundles) -> None:
    from carepath.tools.records.question import parse

    assert parse("How much time di doctor see him?").shape == "count"
    assert parse("how much time ago was his last visit").shape != "count"
    c = fhir_bundles["cfhir"]
    statins = [r for r in of(c, "MedicationRequest") if "imvistatin" in r["medicationCodeableConcept"]["text"]]
    a = ask(c, "Mi granfada tek di simvastatin. How much time dem write it fi him?")
    assert set(a.resource_ids) == refs(statins) and f"{len(statins)} recorded" in a.text


def test_a_sonographer_and_a_physiologist_name_nothing(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    assert set(ask(a_path, "Sonographer vetting: any previous imaging?").resource_ids) == refs(of(a_path, "ImagingStudy"))
    assert set(ask(a_path, "Physiologist: which device is registered for him?").resource_ids) == refs(of(a_path, "Device"))
