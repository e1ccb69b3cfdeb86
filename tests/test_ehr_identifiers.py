"""A patient's own identifiers asked for (tools/records/identifiers.py): said to be held but never
printed, or not in this record when the Patient resource lacks them. It had answered "Phone: not in this
record" over a Patient holding a phone: a false statement about the record. An identifier given as
context ("MRN 555: latest potassium?") never stops the question being answered."""

from __future__ import annotations

import json

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of


def test_a_held_phone_is_said_held_and_never_printed(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    patient = of(a, "Patient")[0]
    phone = patient["telecom"][0]["value"]
    got = ask(a, "what is his phone number?")
    assert "held in this record but not shown" in got.text and phone not in got.text
    assert not got.resource_ids and "not in this record" not in got.text


def test_a_missing_phone_is_not_in_this_record(fhir_bundles, tmp_path) -> None:
    data = json.loads(fhir_bundles["afhir"].read_text())
    for e in data["entry"]:
        if e["resource"]["resourceType"] == "Patient":
            e["resource"].pop("telecom", None)
    path = tmp_path / "no_phone.json"
    path.write_text(json.dumps(data))
    got = ask(path, "what is his phone number?")
    assert got.text == "The patient's phone number: not in this record."


def test_an_identifier_given_as_context_does_not_stop_the_question(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    latest = max((r for r in of(a, "Observation") if r["code"]["coding"][0]["code"] == "6298-4"),
                 key=lambda r: r["effectiveDateTime"])
    got = ask(a, "MRN 555: latest potassium?")
    assert got.resource_ids == [f"Observation/{latest['id']}"]
