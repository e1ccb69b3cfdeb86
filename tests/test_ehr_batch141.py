"""Fixes from batches 141-142's tune rows, in general form (checked on wordings that are not the rows'): the
question sentence's own event bounds its dates even when the scene named an event first, and "that"/"this"
may name it ("Since that fracture, ..."); "in the two years after X" ends the window that long after X, also
when the question points back at it ("in those two years"); "what I was coughing up" is sputum; a visit
"because I was unwell" is the record's encounter for a symptom. Expected ids come from the bundles' JSON."""

from __future__ import annotations

from datetime import date

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, ref


def _onset(path, snomed: str) -> str:
    return next(r["onsetDateTime"][:10] for r in of(path, "Condition") if code(r, "code") == snomed)


def _readings(path, loinc: str, component: str | None = None) -> list[tuple[float, str, dict]]:
    out = []
    for r in of(path, "Observation"):
        if code(r, "code") != loinc:
            continue
        if component:
            v = next(c["valueQuantity"]["value"] for c in r["component"] if code(c, "code") == component)
        else:
            v = r["valueQuantity"]["value"]
        out.append((v, r["effectiveDateTime"][:10], r))
    return out


def test_the_question_sentence_event_bounds_it_after_a_scene_event(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    broke = _onset(a, "58150001")  # fracture of clavicle
    sys = _readings(a, "55284-4", "8480-6")
    low = min((x for x in sys if x[1] >= broke), key=lambda x: x[0])
    assert low[0] > min(x[0] for x in sys)
    got = ask(a, "I drive a forklift and since I broke my collarbone I've watched my blood pressure at the chemist. "
                 "After this fracture, what was my lowest top number, and when?")
    assert ref(low[2]) in got.resource_ids and low[1] in got.text, got.text


def test_a_span_after_an_event_ends_the_window(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    hurt = _onset(c, "307731004")  # rotator cuff injury
    end = date.fromisoformat(hurt).replace(year=date.fromisoformat(hurt).year + 2).isoformat()
    alp = _readings(c, "6768-6")
    inside = [x for x in alp if hurt <= x[1] <= end]
    top = max(inside, key=lambda x: x[0])
    assert inside and top[0] < max(x[0] for x in alp)
    for q in ("What was his highest alkaline phosphatase in the two years after his shoulder injury, and when?",
              "He hurt his shoulder a while back. The surgeon wants his alkaline phosphatase over the 2 years after "
              "he hurt his shoulder: what was the highest in those two years?"):
        got = ask(c, q)
        assert ref(top[2]) in got.resource_ids, (q, got.text)


def test_coughing_up_is_sputum_and_unwell_visits_are_symptom_encounters(fhir_bundles) -> None:
    c, a = fhir_bundles["cfhir"], fhir_bundles["afhir"]
    sputum = [r for r in of(c, "Procedure") if "sputum" in r["code"]["coding"][0]["display"].lower()]
    got = ask(c, "Did they ever test the stuff he was coughing up? When?")
    assert sputum and ref(sputum[0]) in got.resource_ids, got.text
    sick = [e for e in of(a, "Encounter") if "symptom" in e["type"][0]["coding"][0]["display"].lower()]
    got = ask(a, "How many times did she see a doctor because she felt poorly?")
    assert sick and {ref(e) for e in sick} <= set(got.resource_ids) and str(len(sick)) in got.text, got.text


def test_lay_names_of_filtration_polyps_and_ordinals(fhir_bundles) -> None:
    """Batch 143: "how well his kidneys filter" is the eGFR, "the growth they took out of his bowel" a polyp,
    "colonic" the colon, and "1st vs last" a first-and-latest trend."""
    a, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    egfr = _readings(c, "33914-3")
    low = min(egfr, key=lambda x: x[0])
    got = ask(c, "How well are his kidneys filtering - what was the worst reading, and when?")
    assert ref(low[2]) in got.resource_ids, got.text
    polyp = [r for r in of(a, "Condition") if "polyp" in r["code"]["coding"][0]["display"].lower()]
    got = ask(a, "When did they first find the growth in his bowel?")
    assert polyp and ref(polyp[0]) in got.resource_ids, got.text
    got = ask(a, "Hx of colonic polyp? Date?")
    assert ref(polyp[0]) in got.resource_ids and "not in this record" not in got.text, got.text
    glucose = sorted(_readings(a, "2339-0"), key=lambda x: x[1])
    got = ask(a, "glucose 1st vs last?")
    assert {ref(glucose[0][2]), ref(glucose[-1][2])} <= set(got.resource_ids), got.text


def test_a_member_named_as_an_example_asks_the_whole_kind(fhir_bundles) -> None:
    """Batch 143: "how many vacinations, all kinds, flu and everything?" counts every vaccination (a plural
    typo is read too); "including any that have finished" still asks for both states, and a member asked
    alone is still that member."""
    a = fhir_bundles["afhir"]
    jabs = of(a, "Immunization")
    flu = [r for r in jabs if "influenza" in r["vaccineCode"]["coding"][0]["display"].lower()]
    assert 0 < len(flu) < len(jabs)
    for q in ("how many vacinations has she had, flu and everything?",
              "How many vaccinations has he had in total, including the flu ones?"):
        got = ask(a, q)
        assert {ref(r) for r in jabs} <= set(got.resource_ids) and str(len(jabs)) in got.text, (q, got.text)
    from carepath.tools.records import manifest
    from carepath.tools.records.spelling import respelled
    from carepath.tools.sources.fhir_bundle import load_bundle

    m = manifest.build(load_bundle(a))
    assert respelled("how many vacinations", m)[1].get("vacinations") == "vaccinations"
    assert "stations" not in respelled("is he still on the stations", m)[1]  # an English plural stays
    got = ask(a, "how many flu jabs has he had?")
    assert str(len(flu)) in got.text and not {ref(r) for r in jabs if r not in flu} & set(got.resource_ids)
    plans = of(a, "CarePlan")
    got = ask(a, "List all her care plans, including any that have finished.")
    assert {ref(p) for p in plans} <= set(got.resource_ids), got.text
