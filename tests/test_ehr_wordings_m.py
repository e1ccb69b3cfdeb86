"""List questions worded the way people ask for a list, invented before batches 81-82 were read (the
list shape is the weakest on the test split): "rundown", "PMH (all conditions, active first)", "kit",
"doesn't take anymore", "immunisation history", "what's he been treated for", "what kinds of visits",
and a clinician's own act ("before I prescribe") that is no event of the record. A named kind of
medicine the record lacks is "not in this record", never another medicine: "water tablets", "the blue
inhaler, when was it last prescribed?" and "sleeping pills" once named only the whole type and answered
with simvastatin. Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of, refs


def test_lists_asked_in_everyday_words(fhir_bundles) -> None:
    a_path, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    cases = [
        (c, "rundown of every med ever prescribed, no repeats", "MedicationRequest"),
        (a_path, "For the referral letter: PMH please (all conditions, active first).", "Condition"),
        (a_path, "What kit or devices does the record show he's got?", "Device"),
        (c, "Immunisation history summary?", "Immunization"),
        (a_path, "What's he been treated for in the past?", "Condition"),
    ]
    for path, q, rtype in cases:
        a = ask(path, q)
        assert set(a.resource_ids) == refs(of(path, rtype)), q
        assert "not in this record" not in a.text and not a.text.startswith("Yes"), q
    visits = of(c, "Encounter")  # more than a list cites: the count says all were read
    a = ask(c, "All encounters types please - what kinds of visits has he had?")
    assert a.text.startswith(f"Visits: {len(visits)} recorded") and set(a.resource_ids) <= refs(visits)


def test_no_longer_taken_and_the_askers_own_act(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    stopped = [r for r in of(a_path, "MedicationRequest") if r["status"] == "stopped"]
    a = ask(a_path, "which tablets has he been given in the past that he doesn't take anymore?")
    assert stopped and set(a.resource_ids) == refs(stopped)
    a = ask(a_path, "Does he have any allergies I should know about before I prescribe?")
    assert "not in this record" in a.text and not a.resource_ids  # no prescription is cited as "the event"


def test_a_named_kind_of_medicine_the_record_lacks_is_never_another(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    for q in ("his water tablets - still on them?", "the blue inhaler, when was it last prescribed?",
              "his sleeping pills, when were they started?", "is he on any water pills?"):
        a = ask(c, q)
        assert "not in this record" in a.text and not a.resource_ids, (q, a.text)
        assert not a.text.startswith("Yes"), q
