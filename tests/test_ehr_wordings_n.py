"""Everyday wordings invented before batches 83-84 were read: "anything for pain" is a painkiller, not
the pain score; "his bones checked for thinning" is the bone density scan (NHS wording); "his weight
problem" is the obesity on the problem list. Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of, ref, refs


def test_something_for_the_pain_is_a_painkiller(fhir_bundles) -> None:
    a_path, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    for path, drug in ((a_path, "ibuprofen"), (c, "acetaminophen")):
        given = [r for r in of(path, "MedicationRequest")
                 if drug in r["medicationCodeableConcept"]["text"].lower()]
        a = ask(path, "Was he ever given anything for pain?")
        assert given and a.text.startswith("Yes") and set(a.resource_ids) == refs(given)
    a = ask(a_path, "any pain scores recorded?")  # the score is still the score
    assert "Pain severity" in a.text


def test_bones_checked_for_thinning_and_the_weight_problem(fhir_bundles) -> None:
    a_path, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    scan = next(r for r in of(a_path, "Procedure") if "bone density" in r["code"]["text"].lower())
    a = ask(a_path, "has he ever had his bones checked for thinning?")
    assert a.text.startswith("Yes") and ref(scan) in a.resource_ids
    obesity = next(r for r in of(a_path, "Condition") if "obesity" in r["code"]["text"].lower())
    a = ask(a_path, "When did the doctors first note his weight problem?")
    assert a.resource_ids == [ref(obesity)] and obesity["onsetDateTime"][:10] in a.text
    a = ask(c, "When did the doctors first note his weight problem?")  # no such condition in this record
    assert "not in this record" in a.text and not a.resource_ids
