"""General fixes from the tune rows of batches 81 and 82 (read after both TEST aggregates: 81 0.750, 82
0.909): a body part asked that the record's name does not share is another thing ("any hip fracture?" is
not "Fracture of clavicle"; "the polyp in my bowel" is the "Polyp of colon": WordNet's kind-of and
part-of pointers); a device named by where it sits ("the machine they fixed inside his chest"); "every
single winter" is no marital status; Icelandic, Faroese and Czech words for relatives and greetings, "for
the avoidance of doubt", "Dead on." and the ones that "healed or went away" (the resolved conditions); a
dropped h written with its apostrophe ("Has 'e ever 'ad ...? An' when ...?"). Expected ids come from the
bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, ref, refs

from carepath.knowledge import wordnet


def test_another_body_part_is_another_thing(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    assert wordnet.same_place("colon", "bowel") and wordnet.same_place("collarbone", "clavicle")
    assert not wordnet.same_place("hip", "clavicle") and not wordnet.same_place("wrist", "clavicle")
    for q in ("any hip fracture?", "FLS: any previous fragility fracture on record - hip, wrist or vertebral?",
              "any previous fracture of the hip, wrist or spine?"):
        a = ask(a_path, q)
        assert "not in this record" in a.text and not a.resource_ids, q
    fracture = next(r for r in of(a_path, "Condition") if "clavicle" in r["code"]["text"].lower())
    for q in ("has he broken his collarbone?", "any fracture?"):
        assert ask(a_path, q).resource_ids == [ref(fracture)], q
    polyp = next(r for r in of(a_path, "Condition") if "polyp" in r["code"]["text"].lower())
    a = ask(a_path, "The polyp they found in my bowel - when was it marked as gone?")
    assert a.resource_ids == [ref(polyp)] and polyp["abatementDateTime"][:10] in a.text


def test_a_device_named_by_where_it_sits(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    device = refs(of(a_path, "Device"))
    for q in ("Lastly, the machine they fixed inside Mzee's chest for the heart, kindly list what device is recorded.",
              "Abbi has a heart machine inside his chest. What is the name of it in the record? Takk fyri."):
        a = ask(a_path, q)
        assert set(a.resource_ids) == device and "defibrillator" in a.text.lower(), q


def test_every_single_winter_and_words_that_name_nobody(fhir_bundles) -> None:
    a_path, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    flu = sorted((r for r in of(c, "Immunization") if code(r, "vaccineCode") == "140"),
                 key=lambda r: r["occurrenceDateTime"])
    a = ask(c, "Sæl! Afi says he has had the flu shot every single winter since forever. When is the first one in "
               "his record? Takk fyrir!")
    assert a.resource_ids == [ref(flu[0])] and "marital" not in a.text
    assert "marital status" in ask(c, "Is he single?").text
    a = ask(c, "Dobrý den, please, which care plans děda had? All of them, also the old finished ones. Babička is asking.")
    assert set(a.resource_ids) == refs(of(c, "CarePlan"))
    exams = [r for r in of(a_path, "Encounter") if r["type"][0]["coding"][0]["code"] == "162673000"]
    a = ask(a_path, "Finally, and for the avoidance of doubt, please state the number of occasions on which the "
                    "subject attended for a routine general examination.")
    assert exams and f"{len(exams)} recorded" in a.text
    resolved = [r for r in of(a_path, "Condition") if r["clinicalStatus"]["coding"][0]["code"] == "resolved"]
    a = ask(a_path, "Dead on. And the things that are all cleared up now, the ones that healed or went away, what "
                    "were they?")
    assert set(a.resource_ids) == refs(resolved)


def test_a_dropped_h_with_its_apostrophe(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    ppsv = next(r for r in of(a_path, "Immunization") if code(r, "vaccineCode") == "33")
    a = ask(a_path, "Has 'e ever 'ad the pneumonia jab, the 23 one? An' when was it, ar kid?")
    assert a.text.startswith("Yes") and ref(ppsv) in a.resource_ids and ppsv["occurrenceDateTime"][:10] in a.text
