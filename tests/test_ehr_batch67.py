"""Fixes from batches 67-68's TUNE misses, in general form (their TEST rows were read once, as an
aggregate, before these): "... on record or not? Started when ah?", "and if there is, when did it start",
"Did he get it and what day?" are yes-with-a-date questions; "the deceased" is the person, not a question
about vital status; "how big was the polyp" asks its measured size; a question said again after "I mean"
is read as said again. Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, ref, refs


def test_more_ways_to_ask_yes_and_when(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    plans = [r for r in of(c, "CarePlan") if "hyperlipidemia" in r["category"][-1]["coding"][0]["display"].lower()]
    for q in ("Hyperlipidemia plan for my father, on record or not? Started when ah?",
              "Is there a plan for his high cholesterol, and if there is, when did it start?"):
        a = ask(c, q)
        assert a.text.startswith("Yes") and set(a.resource_ids) == refs(plans), q
    a_path = fhir_bundles["afhir"]
    scan = next(r for r in of(a_path, "Procedure") if "bone density" in r["code"]["text"].lower())
    a = ask(a_path, "They said he had a bone density scan. Did he get it and what day?")
    assert a.text.startswith("Yes") and a.resource_ids[0] == ref(scan) and "not in this record" not in a.text


def test_the_deceased_is_the_person(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    assert not of(c, "Device")
    a = ask(c, "Coroner's officer: is any pacemaker or other implanted device recorded for the deceased?")
    assert "not in this record" in a.text and not a.resource_ids
    patient = of(c, "Patient")[0]
    assert ask(c, "is he deceased").resource_ids == [ref(patient)]


def test_how_big_and_i_mean(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    size = next(r for r in of(a_path, "Observation") if "polyp size" in r["code"]["text"].lower())
    assert ask(a_path, "how big was the polyp they measured").resource_ids == [ref(size)]
    a = ask(a_path, "What was the thingy on the scope, I mean how big was the polyp they measured?")
    assert a.resource_ids == [ref(size)]
