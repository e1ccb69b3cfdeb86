"""General fixes from the tune rows of batches 79 and 80 (read after both TEST aggregates: 79 0.769, 80
0.714): a dropped "g" written as said ("takin", "lookin", "nothin"; never "statin" or "raisin"), Scots and
Doric words ("the noo", "fit's he", the greeting "fit like", "ma"), Hebrew words for relatives and the
health fund ("Saba", "Savta", "nu", "kupat holim"), a container around what is named ("a drawer full of
pills"), where an answer comes from ("according to the doctors") and a clause that names nothing ("Hello?")
ask nothing; "including the resolved problems" is every condition; "is it still going, since which
year?" is a yes with its date; a gamer's "nerfed or buffed" is a trend. Expected ids come from the
bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of, ref, refs

from carepath.tools.records.spelling import _g_dropped


def test_a_dropped_g_is_read_and_a_clinical_word_is_not() -> None:
    read = _g_dropped("what's he takin, lookin for nothin", set())
    assert read == {"takin": "taking", "lookin": "looking", "nothin": "nothing"}
    assert _g_dropped("a raisin, his insulin, the protein, aspirin", set()) == {}
    assert _g_dropped("is he on a statin", {"statin"}) == {}  # the record's word stays


def test_scots_and_a_drawer_full_of_pills(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    active = [r for r in of(c, "MedicationRequest") if r["status"] == "active"]
    for q in ("Fit like? Ma granda's got a drawerfu o pills, bit fit's he actually meant tae be takin the noo, "
              "accordin tae the doctors?",
              "My granda's got a drawer full of pills, but what's he actually meant to be taking now, according to "
              "the doctors?"):
        a = ask(c, q)
        assert set(a.resource_ids) == refs(active), q
        assert "not in this record" not in a.text and "visits" not in a.text.lower(), q


def test_hebrew_relatives_and_every_kind_of_vaccine(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    a = ask(c, "Nu, so which vaccines did Saba get, all the kinds? Savta wants the list for the kupat holim.")
    assert set(a.resource_ids) == refs(of(c, "Immunization")) and "not in this record" not in a.text


def test_including_the_resolved_ones_lists_every_condition(fhir_bundles) -> None:
    a_path, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    for path, q in ((c, "Problem list please, including the resolved problems."),
                    (a_path, "All his diagnoses, including the ones that cleared up.")):
        a = ask(path, q)
        assert set(a.resource_ids) == refs(of(path, "Condition")), q
        assert "(active)" in a.text and "(resolved)" in a.text, q
    resolved = [r for r in of(a_path, "Condition") if r["clinicalStatus"]["coding"][0]["code"] == "resolved"]
    a = ask(a_path, "Which of his diagnoses have cleared up?")  # the ended ones alone, still
    assert set(a.resource_ids) == refs(resolved)


def test_is_it_still_going_since_which_year(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    plan = next(r for r in of(c, "CarePlan") if "hyperlipidemia" in str(r).lower())
    for q in ("And the plan for his high fat in the blood, is it still going, since which year he has it?",
              "His diet plan for the cholesterol - is it still running, and since what year?"):
        a = ask(c, q)
        assert a.text.startswith("Yes") and ref(plan) in a.resource_ids and plan["period"]["start"][:4] in a.text, q


def test_nerfed_or_buffed_is_a_trend(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    albumin = sorted((r for r in of(c, "Observation") if r["code"]["coding"][0]["code"] == "1751-7"),
                     key=lambda r: r["effectiveDateTime"])
    a = ask(c, "also his albumin, has it been nerfed or buffed since the very first reading?")
    assert set(a.resource_ids) == refs(albumin) and "rose" in a.text
