"""Fixes from batches 113-114's tune rows, in general form (checked on wordings that are not the rows'):
"<noun> who did his colonoscopy?" asks who, as a clause-opening "who" does, while ", who ..." relates;
a scene before a question sentence that opens with its event ("I do the school run. After I broke my
collarbone, was I put on a care plan?") names nothing held, so the question sentence is read as it
would be alone. Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of, ref


def test_who_after_a_noun_asks_who(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    scopes = sorted((r for r in of(a, "Procedure") if "colonoscopy" in r["code"]["text"].lower()),
                    key=lambda r: r["performedPeriod"]["start"])
    enc = scopes[-1]["encounter"]["reference"].rsplit(":", 1)[-1]
    visit = next(r for r in of(a, "Encounter") if r["id"] == enc)
    doctor = visit["participant"][0]["individual"]["reference"].rsplit(":", 1)[-1]
    got = ask(a, "Quem é o médico who performed his most recent colonoscopy?")
    assert f"Practitioner/{doctor}" in got.resource_ids
    got = ask(a, "my dad, who did his own jabs for years, when was his last flu shot?")  # relates, asks nobody
    assert not any(r.startswith("Practitioner/") for r in got.resource_ids)


def test_scene_before_a_question_that_opens_with_its_event(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    plan = [r for r in of(a, "CarePlan") if "fracture" in r["category"][0]["coding"][0]["display"].lower()
            or "fracture" in str(r.get("category")).lower()]
    assert plan
    got = ask(a, "I sweep chimneys for a living, filthy work. After I broke my collarbone, did they put me on a "
                 "care plan for it, and when did it start?")
    assert ref(plan[0]) in got.resource_ids and plan[0]["period"]["start"][:10] in got.text
