"""EHR wordings written before batches 49-50 were read, each against a gap known from earlier stops:
an event counted from either end ("the second time", "the one before last") and "latest labs" as a
whole draw, not its last line. Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs


def _dated(rows: list[dict], field: str) -> list[dict]:
    return sorted(rows, key=lambda r: r[field])


def test_the_second_episode_is_the_second_in_time(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    bronchitis = _dated([r for r in of(c, "Condition") if code(r, "code") == "10509002"], "onsetDateTime")
    assert len(bronchitis) == 2
    for q in ("when did he have bronchitis the second time", "date of the 2nd episode of acute bronchitis"):
        a = ask(c, q)
        assert a.resource_ids == [f"Condition/{bronchitis[1]['id']}"], q
        assert bronchitis[1]["onsetDateTime"][:10] in a.text


def test_an_nth_past_what_is_recorded_is_not_in_this_record(fhir_bundles) -> None:
    """Two episodes recorded and a third asked: every one is cited and the answer says there is no third."""
    c = fhir_bundles["cfhir"]
    bronchitis = [r for r in of(c, "Condition") if code(r, "code") == "10509002"]
    a = ask(c, "when was his third bout of bronchitis")
    assert set(a.resource_ids) == refs(bronchitis) and "no third" in a.text and "not in this record" in a.text


def test_the_one_before_last_counts_from_the_end(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    a1c = _dated([r for r in of(a_path, "Observation") if code(r, "code") == "4548-4"], "effectiveDateTime")
    colos = sorted((r for r in of(a_path, "Procedure") if code(r, "code") == "73761001"),
                   key=lambda r: r["performedPeriod"]["start"])
    assert len(a1c) > 2 and len(colos) > 2
    for q in ("what was his second to last a1c", "penultimate HbA1c", "the A1c reading before the latest one"):
        assert ask(a_path, q).resource_ids == [f"Observation/{a1c[-2]['id']}"], q
    assert ask(a_path, "when was the colonoscopy before the last one").resource_ids == [f"Procedure/{colos[-2]['id']}"]


def test_a_second_opinion_or_a_date_counts_nothing() -> None:
    from carepath.tools.records.question import parse

    assert parse("did he get a second opinion about his colonoscopy").nth is None
    assert parse("what was his a1c on the 2nd march 2015").nth is None
    assert parse("second-hand smoke exposure?").nth is None
    assert parse("his 3rd colonoscopy").nth == 3


def test_latest_labs_are_the_whole_last_draw(fhir_bundles) -> None:
    """"What are his latest labs?" gives every laboratory result of the last day with one, not one line."""
    a_path = fhir_bundles["afhir"]

    def is_lab(r: dict) -> bool:
        return any(cc["code"] == "laboratory" for cat in r.get("category", []) for cc in cat["coding"])

    labs = [r for r in of(a_path, "Observation") if is_lab(r)]
    last_day = max(r["effectiveDateTime"][:10] for r in labs)
    drawn = [r for r in labs if r["effectiveDateTime"][:10] == last_day]
    assert len(drawn) > 1
    a = ask(a_path, "what are his latest labs")
    assert set(a.resource_ids) == refs(drawn) and last_day in a.text


def test_a_second_question_after_and_is_answered_too(fhir_bundles) -> None:
    """"Any fractures and what was the bone density": both asked, both cited; a named thing the
    record lacks in the second clause is said to be absent."""
    a_path, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    fracture = [r for r in of(a_path, "Condition") if "racture" in r["code"]["coding"][0]["display"]]
    dxa = [r for r in of(a_path, "Observation") if "T-score" in r["code"]["coding"][0]["display"]]
    assert fracture and dxa
    a = ask(a_path, "any fractures and what was the bone density")
    assert refs(fracture) | refs(dxa) <= set(a.resource_ids)
    assert not [r for r in of(c, "Procedure") if "olonoscopy" in r["code"]["coding"][0]["display"]]
    ldl = _dated([r for r in of(c, "Observation") if code(r, "code") == "18262-6"], "effectiveDateTime")
    b = ask(c, "when was his last colonoscopy and what was his last LDL")
    assert f"Observation/{ldl[-1]['id']}" in b.resource_ids and "Colonoscopy: not in this record" in b.text


def test_a_clause_about_what_was_just_asked_or_two_names_of_one_question_is_not_split() -> None:
    from carepath.tools.records.question import clauses

    assert clauses("what's his latest a1c and what does it mean") == ["what's his latest a1c"]
    assert len(clauses("urea and electrolytes last done?")) == 1
    assert len(clauses("latest weight and bmi")) == 1
    assert clauses("ldl trend and is he on a statin") == ["ldl trend", "is he on a statin"]


def test_lay_names_for_a_scope_a_superlative_and_breathing_problems(fhir_bundles) -> None:
    """"the bowel camera test" is the colonoscopy; "at his heaviest"/"lightest" are weight's extremes;
    "breathing problems" are diseases of the lower airways and lungs, not sinusitis."""
    a_path, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    colos = [r for r in of(a_path, "Procedure") if code(r, "code") == "73761001"]
    assert colos and set(ask(a_path, "did they find anything on the bowel camera test?").resource_ids) == refs(colos)
    weights = [(r["valueQuantity"]["value"], r) for r in of(c, "Observation") if code(r, "code") == "29463-7"]
    light = min(weights, key=lambda x: x[0])
    assert [w for w, _ in weights].count(light[0]) >= 1
    low = ask(c, "when was he lightest")
    assert low.shape == "lowest" and f"{light[0]:.2f}" in low.text
    assert ask(c, "how heavy was he at his heaviest").shape == "highest"
    lower_airway = [r for r in of(c, "Condition") if "bronchitis" in r["code"]["coding"][0]["display"].lower()]
    sinus = [r for r in of(c, "Condition") if "sinusitis" in r["code"]["coding"][0]["display"].lower()]
    b = ask(c, "Has my father got any breathing problems on his list?")
    assert lower_airway and sinus and set(b.resource_ids) == refs(lower_airway)
    assert ask(a_path, "what number was my kidney blood test at the end").shape == "latest"


def test_swapped_letters_and_misspelt_everyday_words(fhir_bundles) -> None:
    """"weigth" is weight (two letters swapped) before weigh; "manny", "bin", "docters" are everyday
    words, read as such, so the visits are counted; "trigs" stays a truncation of triglycerides."""
    from carepath.tools.records import manifest
    from carepath.tools.records.spelling import respelled
    from carepath.tools.sources.fhir_bundle import load_bundle

    a_path, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    weights = [r for r in of(c, "Observation") if code(r, "code") == "29463-7"]
    last = max(weights, key=lambda r: r["effectiveDateTime"])
    assert ask(c, "wat wos his weigth last tym").resource_ids == [f"Observation/{last['id']}"]
    visits = of(a_path, "Encounter")
    a = ask(a_path, "how manny times has he bin to the docters")
    assert a.shape == "count" and set(a.resource_ids) == refs(visits) and a.read_as.get("docters") == "doctors"
    rec = load_bundle(c)
    assert "trigs" not in respelled("how many trigs since 2017", manifest.build(rec))[1]


def test_no_longer_on_keeps_what_has_ended(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    stopped = [r for r in of(c, "MedicationRequest") if r["status"] != "active"]
    assert stopped and set(ask(c, "list the meds he's no longer on").resource_ids) == refs(stopped)


def test_triage_fragments_each_answered(fhir_bundles) -> None:
    """"PMH? meds? allergies?": three fragments, three kinds answered (allergies: none recorded)."""
    a_path = fhir_bundles["afhir"]
    a = ask(a_path, "triage. pmhx? meds? allergies?")
    assert refs(of(a_path, "Condition")) | refs(of(a_path, "MedicationRequest")) <= set(a.resource_ids)
    assert "Allergies: not in this record" in a.text


def test_the_value_now_is_the_latest_and_what_it_is_doing_is_the_trend(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    heights = sorted((r for r in of(a_path, "Observation") if code(r, "code") == "8302-2"),
                     key=lambda r: r["effectiveDateTime"])
    assert len(heights) > 1 and ask(a_path, "how tall is he").resource_ids == [f"Observation/{heights[-1]['id']}"]
    assert len(ask(a_path, "what is his height doing").resource_ids) == len(heights)


def test_a_solicitors_letter_and_long_term_conditions(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    a = ask(c, "We act on behalf of the above-named and request confirmation of all vaccinations administered.")
    assert set(a.resource_ids) == refs(of(c, "Immunization"))
    active = [r for r in of(c, "Condition") if r["clinicalStatus"]["coding"][0]["code"] == "active"]
    assert active and set(ask(c, "has he got any long-term conditions?").resource_ids) == refs(active)


def test_now_better_keeps_what_has_ended(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    ended = [r for r in of(c, "Condition") if r["clinicalStatus"]["coding"][0]["code"] != "active"]
    assert ended and set(ask(c, "what illnesses has he had that are now better").resource_ids) == refs(ended)


def test_age_at_an_event_and_a_sign_off(fhir_bundles) -> None:
    """"How old was he when he was diagnosed with X": X's date and the age on it, both cited; an event
    the record lacks is said to be absent. "Many thanks, Dr B" after the question asks nothing."""
    c = fhir_bundles["cfhir"]
    pre = [r for r in of(c, "Condition") if code(r, "code") == "15777000"][0]
    patient = of(c, "Patient")[0]
    onset, born = pre["onsetDateTime"][:10], patient["birthDate"]
    age = int(onset[:4]) - int(born[:4]) - ((int(onset[5:7]), int(onset[8:10])) < (int(born[5:7]), int(born[8:10])))
    a = ask(c, "How old was he when he was diagnosed with prediabetes?")
    assert set(a.resource_ids) == {f"Condition/{pre['id']}", f"Patient/{patient['id']}"} and f"was {age} then" in a.text
    b = ask(c, "how old was he when he had asthma")
    assert not b.resource_ids and "not in this record" in b.text
    egfr = max((r for r in of(c, "Observation") if code(r, "code") == "33914-3"), key=lambda r: r["effectiveDateTime"])
    d = ask(c, "Re: Mr A - could you let me know his most recent eGFR? Many thanks, Dr B")
    assert d.resource_ids == [f"Observation/{egfr['id']}"] and "not in this record" not in d.text


def test_tabs_are_tablets(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    statins = [r for r in of(c, "MedicationRequest") if "imvistatin" in r["medicationCodeableConcept"]["text"]]
    assert statins and set(ask(c, "is dad still on the cholesterol tabs x").resource_ids) == refs(statins)
