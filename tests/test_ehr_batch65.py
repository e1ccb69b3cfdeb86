"""Fixes from batches 65-66's TUNE misses, in general form (their TEST rows were read once, as an
aggregate, before these): "is X on his record, and since when?" is a yes with its date; a medicine asked
for with what it treats said apart from it ("pills... cholesterol... still take... now?") is that thing's
medicine; and what the reading of a sign-off must not break: a query mark before a word ("r/v for
?Paget's") ends no question, a letter left from "Rx'd" names nothing. Expected ids come from the bundles'
JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, ref, refs


def test_is_it_on_his_record_and_since_when(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    anemia = next(r for r in of(a_path, "Condition") if "anemia" in r["code"]["text"].lower())
    a = ask(a_path, "Dentist here, going through his form. Is anaemia on his chart, and since when?")
    assert a.text.startswith("Yes") and a.resource_ids == [ref(anemia)] and anemia["onsetDateTime"][:10] in a.text


def test_a_medicine_named_by_what_it_treats_in_any_order(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    active = [r for r in of(c, "MedicationRequest") if r["status"] == "active"]
    assert len(active) == 1
    for q in ("pills... cholesterol... still take... now? which", "tablets for cholesterol he is still on now?"):
        assert ask(c, q).resource_ids == [ref(active[0])], q
    assert ask(c, "latest cholesterol").resource_ids[0].startswith("Observation/")  # no medicine asked


def test_a_query_mark_and_a_stray_letter_break_nothing(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    alp = [r for r in of(c, "Observation") if code(r, "code") == "6768-6"]
    peak = max(alp, key=lambda r: r["valueQuantity"]["value"])
    a = ask(c, "Rheum clinic, r/v for ?Paget's. Highest alk phos on his bloods and the date it was drawn pls.")
    assert ref(peak) in a.resource_ids
    a_path = fhir_bundles["afhir"]
    ibu = of(a_path, "MedicationRequest")[0]
    a = ask(a_path, "Ibuprofen 200mg tabs - when Rx'd? just checking the course")
    assert a.resource_ids == [ref(ibu)]
