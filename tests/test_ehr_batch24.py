"""EHR question wording met in batch 24's TUNE rows (a second independent evaluator), tested in other
words: "borderline diabetic" is prediabetes; "oldest"/"newest" are first/last; "dropped since" is a
trend; "finished now" keeps what has ended (the "now" does not make it current); "which of his X are
..." is a list; a whole-type yes/no ("any imaging?") says yes; "past and present", "every" and
"plain" name nothing. Each test fails without its fix; expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs


def test_borderline_diabetes_is_prediabetes(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    pre = [r for r in of(c, "Condition") if code(r, "code") == "15777000"]
    a = ask(c, "has she got borderline diabetes?")
    assert a.text.startswith("Yes") and set(a.resource_ids) == refs(pre)


def test_oldest_and_newest(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    procs = sorted(of(c, "Procedure"), key=lambda r: r["performedPeriod"]["start"])
    assert ask(c, "her oldest procedure on file?").resource_ids == [f"Procedure/{procs[0]['id']}"]
    assert ask(c, "newest procedure?").resource_ids == [f"Procedure/{procs[-1]['id']}"]


def test_dropped_since_is_a_trend(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    a = ask(c, "has her weight dropped since the first visit?")
    assert a.shape == "trend"


def test_finished_now_and_which_are_lists(fhir_bundles) -> None:
    c, a_path = fhir_bundles["cfhir"], fhir_bundles["afhir"]
    done = [r for r in of(c, "CarePlan") if r["status"] != "active"]
    assert len(done) >= 2
    assert set(ask(c, "Which of her care plans are completed now?").resource_ids) == refs(done)
    resolved = [r for r in of(a_path, "Condition") if r["clinicalStatus"]["coding"][0]["code"] != "active"]
    assert set(ask(a_path, "which of his problems are resolved now?").resource_ids) == refs(resolved)
    everything = ask(a_path, "List every condition on his chart, past and present")
    assert set(everything.resource_ids) == refs(of(a_path, "Condition"))


def test_a_whole_type_yes_no_says_yes(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    img = of(a_path, "ImagingStudy")
    a = ask(a_path, "any plain films on his chart?")
    assert a.text.startswith("Yes") and set(a.resource_ids) & (refs(img) | refs(
        [r for r in of(a_path, "Procedure") if "x-ray" in r["code"]["coding"][0]["display"].lower()]))
    b = ask(a_path, "has he had any imaging studies?")
    assert b.text.startswith("Yes") and set(b.resource_ids) == refs(img)
