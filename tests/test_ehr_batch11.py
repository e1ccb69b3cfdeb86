"""EHR question wording met in batch 11's TUNE rows, tested in other words: an "attendance" is a
visit, a count over several kinds of one event gives one total, and "is X still active?" is a
yes/no question about one thing's current status. Each test fails without its fix."""

from __future__ import annotations

import re
from pathlib import Path

from support.ehr_helpers import ask as _ask, code as _code, entries as _entries
from support.docs_fixtures import *  # noqa: F401,F403


def _refs(path: Path, rtype: str, keep: object) -> list[str]:
    return [f"{rtype}/{r['id']}" for r in _entries(path) if r["resourceType"] == rtype and keep(r)]  # type: ignore[operator]


def test_an_attendance_is_a_visit(fhir_bundles) -> None:
    """"ED attendances" (a triage nurse's word) asks about emergency visits: without "attendance" as
    a visit word, "ED" alone names no type and the record's visits are never searched."""
    a = fhir_bundles["afhir"]
    emer = _refs(a, "Encounter", lambda r: r["class"]["code"] == "EMER")
    got = _ask(a, "count of his prior ED attendances")
    assert len(emer) == 2 and set(got.resource_ids) == set(emer), got.text


def test_a_count_over_several_kinds_of_one_event_gives_the_total(fhir_bundles) -> None:
    """"How many pneumococcal jabs" reads two vaccines (conjugate, polysaccharide), one dose each: the
    asker wants one number, the total, not only each vaccine's own count."""
    a = fhir_bundles["afhir"]
    pneumo = _refs(a, "Immunization", lambda r: _code(r, "vaccineCode") in {"33", "133"})
    got = _ask(a, "how many pneumococcal jabs has he been given")
    assert len(pneumo) == 2 and set(got.resource_ids) == set(pneumo), got.text
    assert re.search(rf"\b{len(pneumo)} recorded\b", got.text), got.text


def test_is_it_still_active_is_answered_yes_or_no(fhir_bundles) -> None:
    """"Is her anaemia still current?" asks whether one thing is still going on: yes when its latest
    status is active, no when it has resolved, citing it either way (not a bare list entry)."""
    c = fhir_bundles["cfhir"]
    anemia = _refs(c, "Condition", lambda r: _code(r, "code") == "271737000")
    yes = _ask(c, "is his anaemia still current?")
    assert re.match(r"yes\b", yes.text.lower()) and set(anemia) <= set(yes.resource_ids), yes.text
    cuff = _refs(c, "Condition", lambda r: _code(r, "code") == "307731004")
    no = _ask(c, "Ward round - is the rotator cuff injury still active")
    assert re.match(r"no\b", no.text.lower()) and set(cuff) <= set(no.resource_ids), no.text
