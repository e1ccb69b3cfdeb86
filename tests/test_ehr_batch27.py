"""EHR question wording met in batch 27's TUNE rows (a fifth independent evaluator), tested in other
words: a result named with the panel it came in ("ALT at his 2018 comprehensive panel") is the result,
while a panel named alone is the panel; "the size of the red cells" is the MCV; "remain active for the
discharge summary" lists the active conditions. Each test fails without its fix; expected ids come from
the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs


def test_a_result_named_with_its_panel_is_the_result(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    ast = [r for r in of(c, "Observation") if code(r, "code") == "1920-8" and r["effectiveDateTime"].startswith("2017")]
    assert len(ast) == 1
    a = ask(c, "AST on her 2017 comprehensive metabolic panel?")
    assert f"Observation/{ast[0]['id']}" in a.resource_ids
    cbc = sorted((r for r in of(c, "DiagnosticReport") if code(r, "code") == "58410-2"), key=lambda r: r["effectiveDateTime"])
    assert ask(c, "date of her first full blood count").resource_ids == [f"DiagnosticReport/{cbc[0]['id']}"]


def test_red_cell_size_is_the_mcv(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    mcv = [r for r in of(c, "Observation") if code(r, "code") == "787-2"]
    assert mcv
    a = ask(c, "what was the volume of her red cells last time?")
    assert set(a.resource_ids) & refs(mcv)


def test_remaining_active_for_a_discharge_summary(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    active = [r for r in of(c, "Condition") if r["clinicalStatus"]["coding"][0]["code"] == "active"]
    a = ask(c, "Discharge summary: which problems remain active?")
    assert set(a.resource_ids) == refs(active)
