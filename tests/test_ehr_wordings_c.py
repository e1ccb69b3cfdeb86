"""EHR wordings written before batches 31-32 were read (a student presenting, a patient whose first
language is not English, a pharmacist's and a district nurse's shorthand, a grandchild texting), each
against a gap they showed: two Patient fields in one question, "how much times", a medicine named by
what it treats, NKDA, analgesia, surgical history, a text's "gran", "rn", "smth" and stretched letters,
a lone "bloods"/"blood test" as the lab reports. Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import active_of, ask, of, refs

from carepath.tools.records.question import parse


def test_two_patient_fields_in_one_question(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    patient = of(c, "Patient")[0]
    a = ask(c, "Please state the sex and marital status.")
    assert f"is {patient['gender']}." in a.text and "marital status is married" in a.text
    assert parse("where was she born").demographics == ["birthPlace"]     # one field, though "born" is also a date


def test_how_much_times_is_a_count() -> None:
    assert parse("how much times she see doctor?").shape == "count"


def test_a_medicine_named_by_what_it_treats(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    statin = [r for r in of(c, "MedicationRequest") if "statin" in r["medicationCodeableConcept"]["text"].lower()
              or "statin" in r["medicationCodeableConcept"]["coding"][0]["display"].lower()]
    a = ask(c, "any pills for her cholesterol?")
    assert statin and set(a.resource_ids) == refs(statin)


def test_shorthand_allergies_analgesia_and_surgical_history(fhir_bundles) -> None:
    c, a_path = fhir_bundles["cfhir"], fhir_bundles["afhir"]
    assert "allerg" in ask(c, "NKA?").text.lower() and ask(c, "NKA?").resource_ids == []
    apap = [r for r in of(c, "MedicationRequest") if "acetaminophen" in r["medicationCodeableConcept"]["coding"][0]["display"].lower()]
    assert apap and set(ask(c, "any analgesics prescribed?").resource_ids) == refs(apap)
    procs = of(a_path, "Procedure")
    assert refs(procs) <= set(ask(a_path, "list all surgeries and operations").resource_ids) | refs(
        [p for p in procs if "reconciliation" in p["code"]["coding"][0]["display"].lower()])


def test_a_grandchild_texting(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    active = active_of(c, "MedicationRequest")
    assert set(ask(c, "wat tablets is gran on rn").resource_ids) == refs(active)
    flu = sorted((r for r in of(c, "Immunization") if r["vaccineCode"]["coding"][0]["code"] == "140"),
                 key=lambda r: r["occurrenceDateTime"])
    assert ask(c, "when was grans last flu jab?? thx sooo much").resource_ids == [f"Immunization/{flu[-1]['id']}"]


def test_bloods_alone_are_the_lab_reports(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    reports = sorted(of(c, "DiagnosticReport"), key=lambda r: r["effectiveDateTime"])
    a = ask(c, "when were her most recent bloods taken?")
    assert a.resource_ids and a.resource_ids[0].startswith("DiagnosticReport/")
    assert a.resource_ids[0] in {f"DiagnosticReport/{r['id']}" for r in reports
                                 if r["effectiveDateTime"][:10] == reports[-1]["effectiveDateTime"][:10]}
