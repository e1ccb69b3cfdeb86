"""Fixes from batch 97-98's tune rows, in general form (checked on wordings that are not the rows'):
whether the record holds a thing, asked about the record itself ("is asthma in his record?", "is it
true his chart says ...?", "does her record mention ..."), is a yes/no question answered "Yes" with the
date, or "not in this record"; it had been read as a plain value. Expected ids come from the bundles'
JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of, ref


def test_whether_the_record_holds_a_thing_is_yes_or_no(fhir_bundles) -> None:
    a, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    fracture = next(r for r in of(a, "Condition") if "clavicle" in r["code"]["text"].lower())
    for question in ("His daughter is not sure. Is the broken collarbone actually recorded in his notes?",
                     "is it true his chart says he broke his collarbone once?",
                     "does his record mention a fractured clavicle"):
        got = ask(a, question)
        assert got.text.startswith("Yes") and ref(fracture) in got.resource_ids, question
        assert fracture["onsetDateTime"][:10] in got.text, question
    got = ask(c, "is asthma in her record?")
    assert got.text.startswith("Asthma: not in this record") and not got.resource_ids


def test_emergency_said_without_its_noun_and_tests_on_the_bowel(fhir_bundles) -> None:
    """Batches 99-100: "admitted through emergency" is the emergency department; "tests on his bowel"
    are the colon's procedures (it had said "Bowel: not in this record"); "the last 3 years" after
    "from" is a window like "in the last 3 years"."""
    a = fhir_bundles["afhir"]
    er = [r for r in of(a, "Encounter") if "emergency" in str(r.get("type", "")).lower() + str(r.get("class", "")).lower()]
    got = ask(a, "Did he ever come in via emergency?")
    assert got.text.startswith("Yes") and {ref(r) for r in er} & set(got.resource_ids)
    scopes = {ref(r) for r in of(a, "Procedure") if r["code"]["text"] == "Colonoscopy"}
    got = ask(a, "which procedures were done on his colon?")
    assert scopes <= set(got.resource_ids) and "not in this record" not in got.text
    got = ask(fhir_bundles["cfhir"], "list her vaccinations from the last 3 years")
    assert "since " in got.text and "counted back" in got.text
