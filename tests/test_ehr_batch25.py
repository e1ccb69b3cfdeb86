"""EHR question wording met in batch 25's TUNE rows (a third independent evaluator), tested in other
words: going through someone's tablets with them is a medication reconciliation; "actively
prescribed today" is current; "first ... versus the latest" is a trend; "past and current" or
"active and resolved" asks for both, so no status filter. Each test fails without its fix; expected
ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs


def test_going_through_the_tablets_is_a_medication_reconciliation(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    recon = [r for r in of(a_path, "Procedure") if code(r, "code") == "430193006"]
    assert len(recon) >= 2
    a = ask(a_path, "how many times did the nurse go over his meds with him?")
    assert set(a.resource_ids) == refs(recon) and f"{len(recon)} recorded" in a.text


def test_actively_prescribed_today_is_current(fhir_bundles) -> None:
    a_path, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    assert not [r for r in of(a_path, "MedicationRequest") if r["status"] == "active"]
    a = ask(a_path, "Med reconciliation: which drugs is he actively taking today?")
    assert not a.resource_ids and "not in this record" in a.text
    active = [r for r in of(c, "MedicationRequest") if r["status"] == "active"]
    assert set(ask(c, "what is she actively prescribed at present?").resource_ids) == refs(active)


def test_first_versus_latest_is_a_trend(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    egfr = sorted((r for r in of(c, "Observation") if code(r, "code") == "33914-3"), key=lambda r: r["effectiveDateTime"])
    a = ask(c, "eGFR: the first result vs the most recent one")
    assert a.shape == "trend" and {f"Observation/{egfr[0]['id']}", f"Observation/{egfr[-1]['id']}"} <= set(a.resource_ids)


def test_both_states_asked_means_no_status_filter(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    assert set(ask(c, "every care plan she has had, old and current").resource_ids) == refs(of(c, "CarePlan"))
    assert set(ask(c, "list her active and resolved problems").resource_ids) == refs(of(c, "Condition"))
    active = [r for r in of(c, "CarePlan") if r["status"] == "active"]
    assert set(ask(c, "current care plans").resource_ids) == refs(active)
