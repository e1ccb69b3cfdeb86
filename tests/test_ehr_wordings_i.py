"""EHR list wordings invented to probe the list shape (the weakest on TEST, never tuned on): "what has he
been immunised against" names the immunizations; "his med list" the medicines; "chronic conditions",
"long-term meds" are the current ones. Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, ref, refs


def test_immunised_against_lists_the_immunizations(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    a = ask(c, "What has he been immunised against?")
    assert set(a.resource_ids) == refs(of(c, "Immunization")) and "not in this record" not in a.text


def test_the_med_list(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    active = {ref(r) for r in of(c, "MedicationRequest") if r["status"] == "active"}
    assert active
    assert set(ask(c, "What's on his med list now").resource_ids) == active
    a_path = fhir_bundles["afhir"]  # none active: said so, not "med: not in this record"
    a = ask(a_path, "What's on his med list now")
    assert "none active" in a.text and "Med:" not in a.text


def test_chronic_and_long_term_are_current(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    active = {ref(r) for r in of(c, "Condition") if code(r, "clinicalStatus") == "active"}
    assert active and active != refs(of(c, "Condition"))
    assert set(ask(c, "what chronic conditions does he have").resource_ids) == active
    meds = {ref(r) for r in of(c, "MedicationRequest") if r["status"] == "active"}
    assert set(ask(c, "long-term meds?").resource_ids) == meds
