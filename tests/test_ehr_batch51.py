"""EHR wordings from batch 51's tune misses, fixed in general form: the long-term sugar test named by
what it measures, a learner's "the number of above" (the systolic, not a count) and "... and if he
has, when was it?" (a yes with its date). Expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of


def _latest(rows: list[dict]) -> dict:
    return max(rows, key=lambda r: r["effectiveDateTime"])


def test_the_sugar_test_that_looks_back_months_is_the_a1c(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    a1c = _latest([r for r in of(c, "Observation") if code(r, "code") == "4548-4"])
    for q in ("what did my last average sugar test show?",
              "Could you tell me my latest diabetes blood test result, the one that looks back a few months?"):
        assert ask(c, q).resource_ids == [f"Observation/{a1c['id']}"], q


def test_the_number_of_above_is_the_systolic_not_a_count(fhir_bundles) -> None:
    from carepath.tools.records.question import parse

    c = fhir_bundles["cfhir"]
    bp = _latest([r for r in of(c, "Observation") if code(r, "code") == "55284-4"])
    systolic = next(x for x in bp["component"] if code(x, "code") == "8480-6")["valueQuantity"]["value"]
    a = ask(c, "the pressure of my blood, the number of above, how much it was the last time?")
    assert a.shape == "latest" and f"{systolic:.2f}" in a.text
    assert parse("the number of visits he had").shape == "count"


def test_and_if_he_has_when_was_it_is_a_yes_with_the_date(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    td = [r for r in of(c, "Immunization") if code(r, "vaccineCode") == "113"]
    a = ask(c, "has he ever had a tetanus booster, and if he has, when was it?")
    assert td and a.text.startswith("Yes") and td[0]["occurrenceDateTime"][:10] in a.text
