"""EHR wordings invented before batches 77-78 were read: conditions and tests named the way patients are
told of them (NHS, MedlinePlus): "the sugar problem that's not quite diabetes" (prediabetes), "trouble
with his sinuses" (sinusitis), "low on iron" (anaemia), "how well his blood sugar's been controlled"
(HbA1c), "fat in his blood, the good kind" (HDL), "the test where they look at his spit" (sputum),
"the vaccine for lockjaw" (tetanus), "the bowel cancer check" (the screening tests). A capitalised name
inside a sentence is not read as an r-dropping accent. Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, ref, refs


def _named(path, rtype: str, word: str) -> list[dict]:
    return [r for r in of(path, rtype) if word in r["code"]["text"].lower()]


def test_conditions_in_lay_words(fhir_bundles) -> None:
    c, a_path = fhir_bundles["cfhir"], fhir_bundles["afhir"]
    pre = _named(c, "Condition", "prediabetes")
    assert ask(c, "When did he first have the sugar problem that's not quite diabetes?").resource_ids == [ref(pre[0])]
    sinus = _named(a_path, "Condition", "sinusitis")
    assert sinus and set(ask(a_path, "Has he ever had trouble with his sinuses?").resource_ids) <= refs(sinus)
    anaemia = _named(c, "Condition", "anemia")
    a = ask(c, "Is he low on iron in the blood, on record?")
    assert anaemia and set(a.resource_ids) == refs(anaemia) and a.text.startswith("Yes")


def test_tests_in_lay_words(fhir_bundles) -> None:
    a_path, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    a1c = max((r for r in of(a_path, "Observation") if code(r, "code") == "4548-4"), key=lambda r: r["effectiveDateTime"])
    a = ask(a_path, "What's the test that checks how well his blood sugar's been controlled, latest number?")
    assert ref(a1c) in a.resource_ids
    hdl = min((r for r in of(c, "Observation") if code(r, "code") == "2085-9"), key=lambda r: r["valueQuantity"]["value"])
    assert ask(c, "the test for fat in his blood, the good kind - lowest ever?").resource_ids == [ref(hdl)]
    sputum = [r for r in of(c, "Procedure") if "sputum" in r["code"]["text"].lower()]
    a = ask(c, "has he had the test where they look at his spit under a microscope")
    assert sputum and set(a.resource_ids) == refs(sputum)
    td = max((r for r in of(a_path, "Immunization") if code(r, "vaccineCode") in ("113", "115")),
             key=lambda r: r["occurrenceDateTime"])
    assert ask(a_path, "what about the vaccine for lockjaw, when was it?").resource_ids == [ref(td)]
    colos = refs([r for r in of(a_path, "Procedure") if code(r, "code") == "73761001"])
    a = ask(a_path, "did he ever have the bowel cancer check with the camera?")
    assert colos <= set(a.resource_ids) and a.text.startswith("Yes")


def test_a_name_is_no_accent() -> None:
    from carepath.tools.records.spelling import _non_rhotic

    read = _non_rhotic("Ask Leah about the doctah, and Micah too")
    assert read == {"doctah": "doctor"}
