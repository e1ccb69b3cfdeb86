"""EHR wordings written before batches 45-46 were read (a medical secretary's referral letter, learners
of English translating word for word), each against a gap they showed. Expected ids come from the
bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import active_of, ask, code, ended_of, exam_visits, of, refs


def test_a_letters_salutation_and_purpose_name_nothing(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    active = active_of(a_path, "Condition")
    a = ask(a_path, "Dear Doctor, I am writing regarding Mr X - please list his active problems for the letter.")
    assert active and set(a.resource_ids) == refs(active)


def test_since_how_much_time_asks_the_onset(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    hld = [r for r in of(c, "Condition") if code(r, "code") == "55822004"]
    a = ask(c, "since how long he has the cholesterol too high?")
    assert hld and set(a.resource_ids) == refs(hld) and hld[0]["onsetDateTime"][:10] in a.text


def test_since_the_start_of_a_year_is_open_ended_and_from_a_visit_in_a_year_is_not() -> None:
    """(batch 45's tune row) "since the start of 2015" runs to today; "from his visit in 2015" is that year."""
    from carepath.tools.records.question import parse

    assert parse("how many eGFRs since the beginning of 2015?").window == ("2015-01-01", "9999")
    assert parse("results from his visit in 2015").window == ("2015-01-01", "2015-12-31")


def test_glycemia_is_glucose_and_a_shared_sound_key_needs_close_spelling(fhir_bundles) -> None:
    """(batch 46's tune row) "glycemia" shares calcium's Metaphone key (KLSM) but not its letters."""
    from carepath.tools.records import sounds

    assert sounds.sounds_like("glycemia", frozenset({"calcium"})) is None
    c = fhir_bundles["cfhir"]
    glucose = sorted((r for r in of(c, "Observation") if code(r, "code") == "2339-0"), key=lambda r: r["effectiveDateTime"])
    assert ask(c, "his glycaemia the first time?").resource_ids == [f"Observation/{glucose[0]['id']}"]


def test_where_it_started_and_where_it_is_now_is_a_trend() -> None:
    """(batch 47's tune row) "X - where did it start and where is it now?" compares the first and latest."""
    from carepath.tools.records.question import parse

    assert parse("sodium: where did it start, and where is it now?").shape == "trend"
    assert parse("his weight then and now").shape == "trend"


def test_closed_plans_have_ended_and_a_routine_gp_exam_is_the_examination(fhir_bundles) -> None:
    """(batch 47's and 48's tune rows) "now closed" keeps what ended; "routine GP exams" are the examination visits."""
    c, a_path = fhir_bundles["cfhir"], fhir_bundles["afhir"]
    ended = ended_of(c, "CarePlan")
    assert ended and set(ask(c, "which care plans are closed now?").resource_ids) == refs(ended)
    exams = exam_visits(a_path)
    assert set(ask(a_path, "Home visit note - number of routine exams on file?").resource_ids) == refs(exams)


def test_labs_are_laboratory_results_not_vital_signs(fhir_bundles) -> None:
    """"Any labs in 2016?" lists laboratory results only (the record's Observation category), not the
    height, weight and blood pressure taken at the same visit; "vitals" the reverse."""
    a_path = fhir_bundles["afhir"]

    def category(r: dict) -> str:
        return r.get("category", [{}])[0].get("coding", [{}])[0].get("code", "")

    obs_2016 = [r for r in of(a_path, "Observation") if r["effectiveDateTime"].startswith("2016")]
    labs = [r for r in obs_2016 if category(r) == "laboratory"]
    assert labs and len(labs) < len(obs_2016)
    assert set(ask(a_path, "any labs in 2016?").resource_ids) == refs(labs)
    vitals = [r for r in obs_2016 if category(r) == "vital-signs"]
    assert set(ask(a_path, "his vitals in 2016").resource_ids) == refs(vitals)
