"""General fixes from the tune rows of batches 85 and 86 (read after both TEST aggregates: 85 0.875, 86
0.857): Orkney "whan", relatives in Albanian ("babi") and Dari ("aba"), a Manx saying ("traa dy liooar")
name nothing; "any dental problems or dental work?" asks for teeth and gums, and is "not in this record"
when the record has none, never every condition ("dental" alone stays who asks: "Before dental work:").
Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of, refs


def test_more_words_that_name_nobody(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    resolved = [r for r in of(c, "Condition") if r["clinicalStatus"]["coding"][0]["code"] == "resolved"]
    a = ask(c, "Which illnesses babi has had that are finished now, marked resolved? Just the names.")
    assert set(a.resource_ids) == refs(resolved)
    a = ask(c, "Aba's vaccines, what kinds he has got? Only the names please, for his green book.")
    assert set(a.resource_ids) == refs(of(c, "Immunization"))


def test_dental_problems_are_a_kind_of_thing(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    a = ask(a_path, "No dentist on station for nine months - any dental problems or dental work documented?")
    assert "not in this record" in a.text and not a.resource_ids and not a.text.startswith("Yes")
    ibuprofen = [r for r in of(a_path, "MedicationRequest")
                 if "ibuprofen" in r["medicationCodeableConcept"]["text"].lower()]
    a = ask(a_path, "Before dental work: has he previously been given ibuprofen?")
    assert a.text.startswith("Yes") and set(a.resource_ids) == refs(ibuprofen)
