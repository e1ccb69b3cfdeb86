"""Fixes from batch 91-92's tune rows, in general form (checked on wordings that are not the rows'):
a three-letter word is no clinician's shortening of a longer name ("pai", Portuguese for father, had
begun "pain"); "his red blood cells, the count of them, first to last" is a trend, not a count of
events; a device described by how it looks ("some electric thing in his chest", "the wee box they
put in his chest") is his implanted device, and the describing words name nothing the record lacks.
Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of, ref, refs


def test_a_three_letter_word_is_no_shortening(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    assert not [r for r in of(c, "Procedure") if "colonoscopy" in r["code"]["text"].lower()]
    got = ask(c, "My pai wants to know: did he ever have a colonoscopy?")
    assert "not in this record" in got.text and not got.resource_ids
    got = ask(c, "what is her latest trig")  # four letters still shorten a name the record uses
    assert "Triglycerides" in got.text


def test_the_count_of_them_from_first_to_last_is_a_trend(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    rbc = sorted((r for r in of(a, "Observation") if r["code"]["coding"][0]["code"] == "789-8"),
                 key=lambda r: r["effectiveDateTime"])
    got = ask(a, "his red blood cells, the count of them: where did they start and where are they now?")
    first, last = (f"{r['valueQuantity']['value']:.2f}" for r in (rbc[0], rbc[-1]))
    assert first in got.text and last in got.text and "recorded, from" not in got.text


def test_a_device_described_by_how_it_looks(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    devices = refs(of(a, "Device"))
    for question in ("Mum says he's got some electric thing in his chest for the heart, what is it called?",
                     "what's the wee box they put in his chest"):
        got = ask(a, question)
        assert set(got.resource_ids) == devices and "not in this record" not in got.text, question
