"""EHR question wording met in batch 30's TUNE rows (a clinical coder auditing the chart and a carer's
portal messages), tested in other words: a message that sets the scene before its question is read by
its question; "X, or any other tablets?" asks for every current medicine. Each test fails without its
fix; expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import active_of, ask, of, refs

from carepath.tools.records.question import asked_sentence


def test_the_question_sentence_after_the_scene() -> None:
    assert asked_sentence("We are moving house soon. Was his A1c over 6.5?") == "Was his A1c over 6.5?"
    assert asked_sentence("Was his A1c over 6.5?") is None


def test_a_message_that_sets_the_scene_is_read_by_its_question(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    plans = active_of(c, "CarePlan")
    a = ask(c, "Her physio wants to plan the home visits for the spring. What care plans are active for her?")
    assert plans and set(a.resource_ids) == refs(plans)


def test_a_scene_never_hides_a_subject_the_question_leaves_out(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    colo = [r for r in of(a_path, "Procedure") if r["code"]["coding"][0]["display"] == "Colonoscopy"]
    a = ask(a_path, "He had a colonoscopy a while back. When was it?")
    assert colo and set(a.resource_ids) & refs(colo)


def test_or_any_other_tablets_asks_for_every_current_medicine(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    a = ask(a_path, "Does he still take the Advil, or any other meds?")
    assert a.resource_ids == [] and "not in this record" in a.text    # the one medicine he had has stopped
    c = fhir_bundles["cfhir"]
    active = active_of(c, "MedicationRequest")
    assert set(ask(c, "is she on Zocor or any other pills?").resource_ids) == refs(active)
