"""EHR question wording met in batch 28's TUNE rows (a sixth independent evaluator), tested in other
words: a label that names a result before a rest that names its panel keeps the result; a yes/no
question whose "when" joins a clause ("... when he broke it?") is still a yes/no; what follows "for his
..." is the reason, not the subject, when the words before it name something. Each test fails without
its fix; expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs


def test_a_label_naming_the_result_before_its_panel(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    hgb = sorted((r for r in of(c, "Observation") if code(r, "code") == "718-7"), key=lambda r: r["effectiveDateTime"])
    a = ask(c, "Haemoglobin: earliest FBC vs the latest one")
    assert {f"Observation/{hgb[0]['id']}", f"Observation/{hgb[-1]['id']}"} <= set(a.resource_ids)
    assert not [r for r in a.resource_ids if r.startswith("DiagnosticReport/")]


def test_a_when_clause_keeps_a_yes_no_question(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    xray = [r for r in of(a_path, "Procedure") if "x-ray" in r["code"]["coding"][0]["display"].lower()]
    assert xray
    a = ask(a_path, "Was his clavicle x-rayed when he fell?")
    assert a.text.startswith("Yes") and refs(xray) <= set(a.resource_ids)


def test_for_his_names_the_reason_not_the_subject(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    ibu = of(a_path, "MedicationRequest")
    a = ask(a_path, "when did he get the ibuprofen for his clavicle fracture?")
    assert set(a.resource_ids) == refs(ibu)
    frac = [r for r in of(a_path, "Condition") if "clavicle" in r["code"]["coding"][0]["display"].lower()]
    assert set(ask(a_path, "what was he given for his broken collarbone?").resource_ids) & refs(frac)
