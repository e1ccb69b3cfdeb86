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


def test_everyday_words_that_name_nothing_are_read_past(fhir_bundles) -> None:
    """A frequent English word the record and the lexicon do not know ("stuff", "things") is read past
    when nothing matched; a clinical word ("snore", "asthma") or a lexicon word ("heart attack") never
    is, so what the record lacks is still "not in this record"; every kind of thing the question names
    must still be read ("allergies" on a care-home form stays the allergies)."""
    c, a_path = fhir_bundles["cfhir"], fhir_bundles["afhir"]
    assert set(ask(c, "what stuff was she prescribed").resource_ids) == refs(of(c, "MedicationRequest"))
    assert set(ask(c, "what things has she been diagnosed with over the years").resource_ids) == refs(of(c, "Condition"))
    for q in ("does she snore?", "any asthma?", "has she had a heart attack?"):
        a = ask(c, q)
        assert not a.resource_ids and "not in this record" in a.text, q
    form = ask(a_path, "Nursing home intake sheet: does he have allergies we ought to know of?")
    assert not form.resource_ids and form.text.startswith("Allergies")


def test_show_me_is_a_request_not_a_result_and_cholesterol_meds(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    meds = ask(c, "show me the full list of her medicines")
    assert set(meds.resource_ids) == refs(of(c, "MedicationRequest"))
    statins = [r for r in of(c, "MedicationRequest") if "vist" in r["medicationCodeableConcept"]["coding"][0]["display"].lower()]
    assert set(ask(c, "is she on any cholesterol medication?").resource_ids) == refs(statins)
