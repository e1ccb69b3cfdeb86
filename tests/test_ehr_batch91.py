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


def test_the_last_two_years_count_back_from_the_records_latest_entry(fhir_bundles) -> None:
    """Relative windows are anchored at the record's own last entry (an exported record is read as of
    its last day), and the answer says so."""
    from datetime import date, timedelta

    c = fhir_bundles["cfhir"]
    days = [r.get("effectiveDateTime") or r.get("occurrenceDateTime") or (r.get("period") or {}).get("start") or ""
            for t in ("Observation", "Immunization", "Encounter") for r in of(c, t)]
    last = max(d[:10] for d in days if d)
    since = (date.fromisoformat(last) - timedelta(days=round(2 * 365.25))).isoformat()
    flu = [r for r in of(c, "Immunization") if r["occurrenceDateTime"][:10] >= since]
    got = ask(c, "what vaccines has she had in the past 2 years")
    assert set(got.resource_ids) == refs(flu) and f"since {since}" in got.text and last in got.text
    got = ask(c, "any new diagnoses in the last year?")
    onsets = [r["onsetDateTime"][:10] for r in of(c, "Condition")]
    assert max(onsets) < since and "none in that window" in got.text and not got.resource_ids
