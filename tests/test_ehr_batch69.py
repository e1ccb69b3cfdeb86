"""General fixes from the tune rows of batches 69 and 70 (read after both batches' TEST aggregates):
accented letters are read whole ("Cuándo terminó"); a message written partly in another language reads
past that language's words (pyspellchecker's Spanish, French, Italian, Portuguese and German lists) and
its question words (cuándo, última, quand, dernier); a "stay" is a visit only as a noun (Hawaiian
Pidgin's "stay" is the verb "to be"); "baseline to most recent" is a trend; an r-dropping accent
written as it sounds ("wheah was he born", "the doctah"). Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, ref, refs


def _by_name(path, rtype: str, word: str) -> list[dict]:
    return [r for r in of(path, rtype) if word in str(r.get("code", r.get("vaccineCode", {}))).lower()]


def test_a_message_partly_in_spanish(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    plan = next(r for r in of(c, "CarePlan") if "physical therapy" in str(r).lower())
    a = ask(c, "Después de lo del hombro le pusieron physical therapy. Cuándo terminó ese care plan, do you know?")
    assert a.resource_ids == [ref(plan)] and plan["period"]["end"][:10] in a.text
    assert a.question.startswith("Después")  # the answer keeps the question as it was asked
    flu = sorted((r for r in of(c, "Immunization") if code(r, "vaccineCode") == "140"),
                 key=lambda r: r["occurrenceDateTime"])
    for q in ("Mi papá, cuándo fue su última flu shot?",
              "Mon père, quand a-t-il eu son dernier vaccin contre la grippe, the flu shot?"):
        assert ask(c, q).resource_ids == [ref(flu[-1])], q


def test_another_languages_words_never_hide_what_the_record_lacks(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    assert not _by_name(c, "Procedure", "colonoscopy")
    for q in ("Mi papá, cuándo fue su última colonoscopy?", "Mi papá, cuándo fue su última vacuna de COVID?",
              "Is he on insulina?"):
        a = ask(c, q)
        assert not a.resource_ids and "not in this record" in a.text, q


def test_stay_is_a_visit_only_as_a_noun(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    arrest = [r for r in of(a_path, "Condition") if "cardiac arrest" in r["code"]["text"].lower()]
    assert arrest
    a = ask(a_path, "Eh, my tutu man get one heart ting inside him. Wen he wen have da cardiac arrest, "
                    "wat date stay in da record?")
    assert set(a.resource_ids) == refs(arrest)
    c = fhir_bundles["cfhir"]
    stays = ask(c, "how many hospital stays has he had")  # the noun still names inpatient visits
    assert not stays.resource_ids and "inpatient" in stays.text.lower()


def test_baseline_to_most_recent_is_a_trend(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    creat = [r for r in of(a_path, "Observation") if code(r, "code") == "38483-4"]
    assert len(creat) > 2
    a = ask(a_path, "Creat: baseline to most recent.")
    assert set(a.resource_ids) == refs(creat) and ("fell from" in a.text or "rose from" in a.text)
    # the baseline alone is the first value
    first = min(creat, key=lambda r: r["effectiveDateTime"])
    assert ask(a_path, "what was his baseline creatinine").resource_ids == [ref(first)]


def test_an_r_dropping_accent_written_as_it_sounds(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    patient = of(c, "Patient")[0]
    place = next(e for e in patient["extension"] if e["url"].endswith("birthPlace"))["valueAddress"]["city"]
    a = ask(c, "My fathah's wicked stubborn about the doctah. Wheah was he born, does it say?")
    assert place in a.text and a.resource_ids == [ref(patient)]
    assert a.read_as.get("wheah") == "where"
