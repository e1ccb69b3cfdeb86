"""EHR wordings invented before batches 71-72 were read: a question confined to the dates before or after
an event of the record ("his weight before he broke his collarbone", "any bloods after the fracture",
"his LDL after starting simvastatin") or to its year ("his A1c the year he had the polypectomy"); the
event is cited beside the answer. A scene's "since he broke his collarbone" confines nothing. Expected
ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, ref, refs


def _fracture(path) -> dict:
    return next(r for r in of(path, "Condition") if "clavicle" in r["code"]["text"].lower())


def test_before_and_after_an_event(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    broke = _fracture(a_path)
    day = broke["onsetDateTime"][:10]
    weights = [r for r in of(a_path, "Observation") if code(r, "code") == "29463-7"]
    before = {ref(r) for r in weights if r["effectiveDateTime"][:10] < day}
    assert before and before != refs(weights)
    a = ask(a_path, "What was his weight before he broke his collarbone?")
    assert set(a.resource_ids) == before | {ref(broke)} and day in a.text
    reports = {ref(r) for r in of(a_path, "DiagnosticReport") if r["effectiveDateTime"][:10] > day}
    a = ask(a_path, "Any blood tests after the fracture?")
    assert reports and set(a.resource_ids) == reports | {ref(broke)} and a.text.startswith("Yes")


def test_after_starting_a_medicine(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    statins = sorted((r for r in of(c, "MedicationRequest") if "simvastatin" in str(r).lower()
                      or "simvistatin" in str(r).lower()), key=lambda r: r["authoredOn"])
    start = statins[0]["authoredOn"][:10]
    ldl = {ref(r) for r in of(c, "Observation") if code(r, "code") == "18262-6" and r["effectiveDateTime"][:10] > start}
    a = ask(c, "What was his LDL after starting simvastatin?")
    assert ldl and set(a.resource_ids) == ldl | {ref(statins[0])}


def test_the_year_of_an_event(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    polypectomy = next(r for r in of(a_path, "Procedure") if code(r, "code") == "274031008")
    year = polypectomy["performedPeriod"]["start"][:4]
    a1c = {ref(r) for r in of(a_path, "Observation") if code(r, "code") == "4548-4"
           and r["effectiveDateTime"][:4] == year}
    a = ask(a_path, "What was his A1c the year he had the polypectomy?")
    assert a1c and set(a.resource_ids) == a1c | {ref(polypectomy)}


def test_a_scene_since_an_event_confines_nothing(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    a = ask(a_path, "I've been helping since he broke his collarbone. Is he on any tablets at the moment?")
    assert ref(_fracture(a_path)) not in a.resource_ids
