"""EHR question wording met in batch 10's TUNE rows, tested in other words: misspelt clinical
words on a portal, a relative or a purpose named in the question, counts of what has ended,
a lone letter that names nothing, therapies as care plans, removal as a procedure, what a
scan showed, and the report a drawn result came in. Each test fails without its fix."""

from __future__ import annotations

from pathlib import Path

from carepath.tools.records import manifest
from carepath.tools.records.answer import ABSENT, RecordAnswer, answer
from carepath.tools.records.spelling import respelled
from carepath.tools.sources.fhir_bundle import load_bundle
from support.ehr_helpers import ask as _ask, entries as _entries
from support.docs_fixtures import *  # noqa: F401,F403


def _ids(path: Path, rtype: str, field: str, code: str) -> list[str]:
    out = []
    for r in _entries(path):
        if r["resourceType"] != rtype:
            continue
        cc = r[field][0] if isinstance(r[field], list) else r[field]
        if cc["coding"][0]["code"] == code:
            out.append(f"{rtype}/{r['id']}")
    return out


def test_a_misspelt_clinical_word_is_read_as_the_word_one_edit_away(fhir_bundles) -> None:
    """"potasium", "tetnus" match nothing as typed; each is one edit from one clinical word. English
    words ("dads", "sinus") are never changed, and the answer says what was read."""
    c, a = fhir_bundles["cfhir"], fhir_bundles["afhir"]
    k = _ask(c, "most recent potasium result")
    assert k.read_as == {"potasium": "potassium"} and k.facts and {f.code for f in k.facts} == {"6298-4"}, k.text
    td = _ask(a, "date of the tetnus vaccine")
    assert td.resource_ids == _ids(a, "Immunization", "vaccineCode", "113"), td.text
    rec = load_bundle(c)
    assert respelled("my dads sinus problems", manifest.build(rec)) == ("my dads sinus problems", {})


def test_who_asks_and_what_for_are_not_the_subject(fhir_bundles) -> None:
    """A relative ("my father"), the doctor seen, or the purpose ("for coding") is not something
    the record must hold: the question is about the visit or the problem list."""
    a = fhir_bundles["afhir"]
    enc = max((r for r in _entries(a) if r["resourceType"] == "Encounter"), key=lambda r: r["period"]["start"])
    seen = _ask(a, "when did my father last see his doctor")
    assert seen.resource_ids == [f"Encounter/{enc['id']}"], seen.text
    active = [f"Condition/{r['id']}" for r in _entries(a) if r["resourceType"] == "Condition"
              and r["clinicalStatus"]["coding"][0]["code"] == "active"]
    probs = _ask(a, "current problems for coding")
    assert ABSENT not in probs.text and set(probs.resource_ids) == set(active), probs.text


def test_a_count_of_resolved_things_counts_only_those_that_ended(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    ended = [r for r in _entries(c) if r["resourceType"] == "Condition"
             and r["clinicalStatus"]["coding"][0]["code"] != "active"]
    got = _ask(c, "how many resolved diagnoses")
    assert f"{len(ended)} recorded" in got.text and len(got.resource_ids) == len(ended), got.text


def test_a_lone_letter_names_nothing(fhir_bundles) -> None:
    """"Hep C" shares only the letter "c" with "HDL-C": the record holds no hepatitis C test."""
    got = _ask(fhir_bundles["afhir"], "hep C antibody checked?")
    assert ABSENT in got.text and not got.resource_ids, got.text


def test_a_therapy_is_a_care_plan_and_physio_is_physical_therapy(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    plans = {r["category"][-1]["coding"][0]["code"]: f"CarePlan/{r['id']}" for r in _entries(c)
             if r["resourceType"] == "CarePlan"}
    physio = _ask(c, "has he had any physiotherapy")
    assert physio.text.startswith("Yes") and plans["91251008"] in physio.resource_ids, physio.text
    resp = [f"CarePlan/{r['id']}" for r in _entries(c) if r["resourceType"] == "CarePlan"
            and r["category"][-1]["coding"][0]["code"] == "53950000"]
    breathing = _ask(c, "breathing therapy end date")
    assert set(resp) <= set(breathing.resource_ids) and "2012-06-29" in breathing.text, breathing.text


def test_removing_something_is_its_ectomy(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    got = _ask(a, "date the polyp was taken out")
    assert got.resource_ids == _ids(a, "Procedure", "code", "274031008"), got.text


def test_what_a_scan_showed_is_its_measurement(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    got = _ask(a, "what did the bone scan find")
    assert got.facts and {f.code for f in got.facts} == {"38265-5"}, got.text


def test_a_result_from_a_named_draw_cites_its_report(fhir_bundles) -> None:
    """"potassium on his last bloods": the value, and the panel it was reported in."""
    c = fhir_bundles["cfhir"]
    got = _ask(c, "potassium on his last bloods")
    obs = [f for f in got.facts if f.ref.startswith("Observation/")]
    reports = [r for r in _entries(c) if r["resourceType"] == "DiagnosticReport"
               and any(x["reference"].endswith(obs[0].ref.split("/")[1]) for x in r.get("result", []))]
    assert len(obs) == 1 and obs[0].code == "6298-4" and reports, got.text
    assert f"DiagnosticReport/{reports[0]['id']}" in got.resource_ids, got.text
