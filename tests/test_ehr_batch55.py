"""EHR wordings from batches 55-56's tune misses, fixed in general form: the one question sentence
among statements names what is asked even when a statement follows it ("... back in the cell"), a
label inside a label ("SBAR ... - B:"), custody and outreach settings name nothing, and "ever ...,
and when was the most recent" / "is there ..., and when" are a yes with the date. Expected ids come
from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import active_of, ask, code, of, refs


def test_the_question_sentence_names_what_is_asked(fhir_bundles) -> None:
    from carepath.tools.records.question import asked_sentence

    a_path = fhir_bundles["afhir"]
    msg = "Seeing him in the custody suite. Any history of epilepsy? Need it before he goes back to his cell."
    assert asked_sentence(msg) == "Any history of epilepsy?"
    a = ask(a_path, msg)
    assert not a.resource_ids and "not in this record" in a.text
    # a question sentence that refers back ("the more recent bout") still reads the whole message
    c = fhir_bundles["cfhir"]
    bronchitis = sorted((r for r in of(c, "Condition") if code(r, "code") == "10509002"), key=lambda r: r["onsetDateTime"])
    b = ask(c, "He has had bronchitis a couple of times. When did the latest bout begin?")
    assert f"Condition/{bronchitis[-1]['id']}" in b.resource_ids


def test_settings_and_a_label_inside_a_label(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    meds = active_of(c, "MedicationRequest")
    assert meds and set(ask(c, "FME, police custody: is the detained person on any current medication?").resource_ids) \
        == refs(meds)
    problems = active_of(c, "Condition")
    a = ask(c, "SBAR from critical care outreach - B: please read me his active problem list")
    assert set(a.resource_ids) == refs(problems)


def test_ever_with_the_most_recent_date(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    sinus = [r for r in of(c, "Condition") if "sinusitis" in r["code"]["coding"][0]["display"].lower()]
    a = ask(c, "SINUS INFECTION EVER ON RECORD QUERY IF SO WHEN LAST STOP")
    assert sinus and a.text.startswith("Yes") and max(r["onsetDateTime"][:10] for r in sinus) in a.text
    studies = of(c, "ImagingStudy")
    if studies:
        b = ask(c, "Is there an imaging study on file, and when was it done?")
        assert b.text.startswith("Yes") and refs(studies) <= set(b.resource_ids)


def test_more_relatives_name_nothing(fhir_bundles) -> None:
    """(batch 57's tune row) a twin, a cousin or a step-parent asking is not the subject."""
    c = fhir_bundles["cfhir"]
    done = [r for r in of(c, "CarePlan") if r["status"] == "completed"]
    assert done and set(ask(c, "which of my stepdad's care plans are finished?").resource_ids) == refs(done)
