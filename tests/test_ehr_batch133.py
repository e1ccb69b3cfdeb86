"""Fixes from batches 133-134's tune rows, in general form (checked on wordings that are not the rows'): one
date said twice ("since 2014 ... the first one in 2014") is one date, so "since" still opens the window; a
misspelt frequent word that names nothing ("sinse", "wich") is read as that word before any clinical word one
edit away ("sinuses"), and an English word ("worse") is never respelt; "which organisation" asks where, like
"which hospital". Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, ref

from carepath.tools.records import manifest
from carepath.tools.records.spelling import respelled
from carepath.tools.sources.fhir_bundle import load_bundle


def _series(path, loinc: str) -> list[dict]:
    return sorted((r for r in of(path, "Observation") if code(r, "code") == loinc),
                  key=lambda r: r["effectiveDateTime"])


def test_a_date_said_twice_keeps_its_since(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    glucose = _series(a, "2339-0")
    year = glucose[0]["effectiveDateTime"][:4]
    assert glucose[-1]["effectiveDateTime"][:4] > year
    got = ask(a, f"How has his glucose moved since {year}, from the first one in {year} to the newest?")
    assert ref(glucose[-1]) in got.resource_ids and ref(glucose[0]) in got.resource_ids


def test_a_misspelt_since_is_since_not_a_clinical_word(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    rec = load_bundle(a)
    m = manifest.build(rec)
    read, fixes = respelled("what has her potassium done sinse 2014", m)
    assert fixes.get("sinse") == "since" and "since 2014" in read
    _, kept = respelled("has my a1c got better or worse", m)
    assert "worse" not in kept
    potassium = _series(a, "6298-4")
    got = ask(a, f"what has her potassium done sinse {potassium[0]['effectiveDateTime'][:4]}")
    assert ref(potassium[-1]) in got.resource_ids


def test_which_organisation_asks_where(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    visits = [e for e in of(c, "Encounter") if code(e, "type") == "702927004"]  # urgent care clinic
    assert visits
    last = max(visits, key=lambda e: e["period"]["start"])
    place = last["serviceProvider"]["reference"].split(":")[-1]
    got = ask(c, "Which organisation ran his latest urgent care clinic appointment?")
    assert any(r.endswith(place) and r.startswith("Organization/") for r in got.resource_ids), got.text


def test_dictated_brackets_and_a_long_word_said_in_pieces(fhir_bundles) -> None:
    """Batch 135: "open bracket ... close bracket" said aloud is a bracket, and "bill a ruben" is what
    speech-to-text writes for bilirubin; the bracket glosses it and need not be re-heard."""
    c = fhir_bundles["cfhir"]
    bili = [r for r in of(c, "Observation") if code(r, "code") == "1975-2"]
    top = max(bili, key=lambda r: r["valueQuantity"]["value"])
    got = ask(c, "voice message new line my mum's bill a ruben open bracket the liver one that goes yellow close "
                 "bracket when was it at its highest question mark")
    assert ref(top) in got.resource_ids and top["effectiveDateTime"][:10] in got.text, got.text
    assert "bracket" not in got.text.lower()


def test_an_event_opening_the_question_bounds_it(fhir_bundles) -> None:
    """Batch 140: "Since he started on simvastatin, what's ..." opens with the event that bounds the dates
    (the same clause after the question was already read so)."""
    c = fhir_bundles["cfhir"]
    orders = sorted(r["authoredOn"][:10] for r in of(c, "MedicationRequest")
                    if code(r, "medicationCodeableConcept") == "316672")
    chol = [r for r in _series(c, "2093-3") if r["effectiveDateTime"][:10] >= orders[0]]
    low = max(chol, key=lambda r: r["valueQuantity"]["value"])
    assert low["valueQuantity"]["value"] < max(r["valueQuantity"]["value"] for r in _series(c, "2093-3"))
    got = ask(c, "After he started on simvastatin, what was the highest his total cholesterol got, and when?")
    assert ref(low) in got.resource_ids and low["effectiveDateTime"][:10] in got.text, got.text
