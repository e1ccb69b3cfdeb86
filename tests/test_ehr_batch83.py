"""General fixes from the tune rows of batches 83 and 84 (read after both TEST aggregates: 83 0.875, 84
1.000): more words for relatives (Bosnian "babo", Norwegian "bestefar", "farfar", "mormor"), Northern
English "mithered" (bothered: never autocorrected to "withered"), a bug-ticket's "Repro:", "Q:" and
"flagged" name nothing; "that box in his chest for his heart" is the implanted device. Expected ids come
from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, of, refs


def test_relatives_and_a_bug_ticket_name_nothing(fhir_bundles) -> None:
    a_path, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    a = ask(a_path, "Which operations and procedures has babo had, all of them together? Only the names please.")
    assert set(a.resource_ids) == refs(of(a_path, "Procedure")) and "not in this record" not in a.text
    ended = [r for r in of(c, "CarePlan") if r["status"] == "completed"]
    a = ask(c, "Which of bestefar's care plans are closed now, the finished ones?")
    assert ended and set(a.resource_ids) == refs(ended)
    active = [r for r in of(c, "Condition") if r["clinicalStatus"]["coding"][0]["code"] == "active"]
    a = ask(c, "Repro: open record > problems. Q: which problems are flagged active right now? List pls.")
    assert set(a.resource_ids) == refs(active) and "not in this record" not in a.text


def test_the_box_in_his_chest(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    a = ask(a_path, "Our Dad's forever mithered about that box in his chest for his heart. What's it called on his "
                    "record?")
    assert set(a.resource_ids) == refs(of(a_path, "Device")) and "withered" not in a.text
