"""EHR wordings written before batches 69-70 were read, each against a gap found with wordings invented
for it: a setting asked both ways ("emergency or not", "urgent or routine") filters nothing; "em" (them)
names nothing; a qualifier after the question ("meds? current only") still filters it and asks nothing
of its own; "up, down or flat" asks a trend. Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, ref, refs


def _in_year(r: dict, year: str) -> bool:
    return r["period"]["start"][:4] == year


def test_a_setting_asked_both_ways_filters_nothing(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    visits = {ref(r) for r in of(c, "Encounter") if _in_year(r, "2015")}
    assert visits
    for q in ("How many times he went to hospital in 2015, emergency or not?",
              "How many visits in 2015, urgent or routine?",
              "how many encounters in 2015, inpatient or outpatient"):
        a = ask(c, q)
        assert set(a.resource_ids) == visits and f"{len(visits)} recorded" in a.text, q
    # said one way only, the setting still filters: the record has no emergency visit in 2015
    assert not ask(c, "How many emergency visits in 2015?").resource_ids


def test_em_names_nothing(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    a = ask(a_path, "what jabs has he had over the years, list em")
    assert set(a.resource_ids) >= {ref(r) for r in of(a_path, "Immunization")}
    assert "not in this record" not in a.text


def test_a_qualifier_after_the_question(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    active = {ref(r) for r in of(c, "MedicationRequest") if r["status"] == "active"}
    assert active and len(active) < len(of(c, "MedicationRequest"))
    assert set(ask(c, "meds? current only").resource_ids) == active
    conditions = {ref(r) for r in of(c, "Condition") if code(r, "clinicalStatus") == "active"}
    assert set(ask(c, "conditions? active ones only pls").resource_ids) == conditions
    # with nothing after it the question keeps every medicine
    assert set(ask(c, "meds?").resource_ids) == {ref(r) for r in of(c, "MedicationRequest")}


def test_up_down_or_flat_is_a_trend(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    sodium = sorted((r for r in of(c, "Observation") if r["code"]["coding"][0]["display"].lower() == "sodium"),
                    key=lambda r: r["effectiveDateTime"])
    assert len(sodium) > 2
    a = ask(c, "His sodium: up, down or flat since they started checking?")
    assert set(a.resource_ids) == refs(sodium) and ("fell from" in a.text or "rose from" in a.text)
