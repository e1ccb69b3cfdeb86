"""EHR wordings written before batches 45-46 were read (a medical secretary's referral letter, learners
of English translating word for word), each against a gap they showed. Expected ids come from the
bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs


def test_a_letters_salutation_and_purpose_name_nothing(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    active = [r for r in of(a_path, "Condition") if r["clinicalStatus"]["coding"][0]["code"] == "active"]
    a = ask(a_path, "Dear Doctor, I am writing regarding Mr X - please list his active problems for the letter.")
    assert active and set(a.resource_ids) == refs(active)


def test_since_how_much_time_asks_the_onset(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    hld = [r for r in of(c, "Condition") if code(r, "code") == "55822004"]
    a = ask(c, "since how long he has the cholesterol too high?")
    assert hld and set(a.resource_ids) == refs(hld) and hld[0]["onsetDateTime"][:10] in a.text
