"""General fixes from the tune rows of batches 87 and 88 (read after both TEST aggregates: 87 1.000, 88
1.000): relatives in Basque ("Aita"), Breton, Sámi, Gullah, Bermudian, Latvian, Estonian, Slovene and
Luxembourgish, and "still carrying" an illness, name nothing; Gullah and Caribbean "de" and "las'" are
"the" and "last"; "not the finished ones" asks for the current ones; "Names only, for the clinic." says whom
the answer is for and asks for no visits. Wordings written here, not the batch's own. Expected ids come from
the bundles' JSON."""

from __future__ import annotations

import pytest
from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of, ref, refs


@pytest.mark.parametrize(("question", "rtype", "active_only"), [
    ("Which sicknesses is Aita still carrying, not the finished ones? Names only, for the clinic.", "Condition", True),
    ("Bopa's vaccines - which kinds?", "Immunization", False),
])
def test_relatives_and_carrying_name_nothing(fhir_bundles, question: str, rtype: str, active_only: bool) -> None:
    c = fhir_bundles["cfhir"]
    expected = [r for r in of(c, rtype)
                if not active_only or r["clinicalStatus"]["coding"][0]["code"] == "active"]
    assert set(ask(c, question).resource_ids) == refs(expected)


def test_de_and_las_are_the_and_last(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    plans = sorted((r for r in of(c, "CarePlan") if r["category"][0]["coding"][0]["display"] == "Respiratory therapy"),
                   key=lambda r: r["period"]["start"])
    got = ask(c, "Wen was de las' respiratory therapy?")
    assert got.resource_ids == [ref(plans[-1])]


def test_not_the_finished_ones_and_whom_the_answer_is_for(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    active = [r for r in of(c, "Condition") if r["clinicalStatus"]["coding"][0]["code"] == "active"]
    assert set(ask(c, "which conditions, not the old ones").resource_ids) == refs(active)
    got = ask(c, "Which sicknesses is he still carrying? Names only, for the clinic.")
    assert set(got.resource_ids) == refs(active) and "Visits" not in got.text
    current = [r for r in of(c, "MedicationRequest") if r["status"] == "active"]
    assert set(ask(c, "meds not stopped").resource_ids) == refs(current)
