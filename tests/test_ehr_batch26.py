"""EHR question wording met in batch 26's TUNE rows (a fourth independent evaluator), tested in other
words: "compare the earlier X with the more recent one" is a trend from the first to the last result.
Fails without its fix; expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of


def test_compare_earlier_with_more_recent_is_a_trend(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    hdl = sorted((r for r in of(c, "Observation") if code(r, "code") == "2085-9"), key=lambda r: r["effectiveDateTime"])
    assert len(hdl) >= 2
    for q in ("Compare her good cholesterol now with the earliest reading", "her older HDL and the latest one?"):
        a = ask(c, q)
        assert a.shape == "trend", q
        assert {f"Observation/{hdl[0]['id']}", f"Observation/{hdl[-1]['id']}"} <= set(a.resource_ids), q
