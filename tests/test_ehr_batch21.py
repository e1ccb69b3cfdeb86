"""EHR question wording in plain everyday words (invented before batch 21 was read, then batch 21's
TUNE rows), tested in other words: urea and electrolytes ("U&Es") and "lytes"; the kidneys' function
in lay words, while a kidney disease stays a disease; "cleared up" asks when it ended; "ongoing" is
current. Each test fails without its fix; expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs


def _latest(rows: list[dict]) -> dict:
    return max(rows, key=lambda r: r["effectiveDateTime"])


def test_u_and_es_and_lytes(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    want = {code_: _latest([r for r in of(c, "Observation") if code(r, "code") == code_])
            for code_ in ("6299-2", "2947-0", "6298-4", "38483-4")}
    a = ask(c, "can you pull up her last U&E")
    assert {f"Observation/{r['id']}" for r in want.values()} <= set(a.resource_ids)
    assert "u" not in a.read_as
    lytes = ask(c, "most recent lytes")
    assert f"Observation/{want['2947-0']['id']}" in lytes.resource_ids


def test_kidneys_in_lay_words_but_a_kidney_disease_stays_a_disease(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    egfr = [r for r in of(c, "Observation") if code(r, "code") == "33914-3"]
    assert egfr
    a = ask(c, "how are her kidneys working lately - the last result?")
    assert f"Observation/{_latest(egfr)['id']}" in a.resource_ids
    stones = ask(c, "has she ever had kidney stones?")
    assert not stones.resource_ids and "not in this record" in stones.text


def test_cleared_up_asks_when_it_ended_and_ongoing_is_current(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    plans = of(c, "CarePlan")
    active = [r for r in plans if r["status"] == "active"]
    assert 0 < len(active) < len(plans)
    a = ask(c, "which care plans are ongoing?")
    assert set(a.resource_ids) == refs(active)
    from carepath.tools.records.question import parse

    assert parse("when did her chest infection clear up?").asks_end
    assert parse("when did the rash go away?").asks_end
