"""Goals, care teams, and who and where (issue 16 item 1: every resource type a Synthea / US Core record
carries). Before this, "what are his care goals?" said "Goals: not in this record" over a record holding
five Goal resources, and "who is his GP?" listed visits without a name. Expected ids and names come from
the bundles' JSON, never from the engine; the server test reads a real HTTP server on loopback."""

from __future__ import annotations

import threading
from collections import Counter
from http.server import ThreadingHTTPServer

import pytest

from support.docs_fixtures import *  # noqa: F401,F403
from support.docs_fixtures import _FhirStore, _handler
from support.ehr_helpers import ask, entries, of, ref

from carepath.tools.records import manifest
from carepath.tools.records.answer import answer
from carepath.tools.sources.fhir_bundle import fetch_server


def _uuid(reference: dict) -> str:
    return reference["reference"].split(":")[-1].split("/")[-1]


def _name(r: dict) -> str:
    n = r["name"][0]
    return " ".join([*n.get("prefix", []), *n.get("given", []), n["family"]])


def test_goals_are_read_not_reported_absent(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    goals = {ref(r) for r in of(a, "Goal")}
    assert len(goals) == 5
    got = ask(a, "what are his care goals?")
    assert set(got.resource_ids) == goals and "not in this record" not in got.text
    assert not any(i.startswith("CarePlan/") for i in got.resource_ids)  # "care goals" names no care plan
    bp = next(r for r in of(a, "Goal") if "blood pressure" in r["description"]["text"].lower())
    got = ask(a, "what is his blood pressure target")
    assert got.resource_ids == [ref(bp)] and "140/90" in got.text


def test_care_team_members_are_named(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    teams = of(c, "CareTeam")
    got = ask(c, "who is on her care team?")
    assert {ref(t) for t in teams} <= set(got.resource_ids)
    assert not any(i.startswith("CarePlan/") for i in got.resource_ids)
    members = {m["member"]["display"] for t in teams for m in t["participant"]} - {teams[0]["participant"][0]["member"]["display"]}
    assert all(name in got.text for name in members)
    patient = of(c, "Patient")[0]
    assert patient["name"][0]["family"] not in got.text  # the patient is a member, never named as a clinician


def test_who_and_where_of_the_visit_found(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    res = {r["id"]: r for r in entries(c)}
    last = max(of(c, "Encounter"), key=lambda e: e["period"]["start"])
    doctor = res[_uuid(last["participant"][0]["individual"])]
    place = res[_uuid(last["serviceProvider"])]
    for q in ("who did she see at her last visit?", "Where was her most recent appointment?"):
        got = ask(c, q)
        assert {ref(last), ref(doctor), ref(place)} <= set(got.resource_ids), q
        assert _name(doctor) in got.text and place["name"] in got.text, q
    # a procedure is done at a visit: its clinician and place are the visit's
    a = fhir_bundles["afhir"]
    ares = {r["id"]: r for r in entries(a)}
    scopes = [r for r in of(a, "Procedure") if r["code"]["text"] == "Colonoscopy"]
    places = {ares[_uuid(ares[_uuid(p["encounter"])]["serviceProvider"])]["name"] for p in scopes}
    got = ask(a, "where did he go for his colonoscopy?")
    assert all(p in got.text for p in places) and {ref(p) for p in scopes} <= set(got.resource_ids)


def test_gp_is_the_clinician_of_the_routine_check_ups(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    res = {r["id"]: r for r in entries(a)}
    routine = [e for e in of(a, "Encounter")
               if any(w in e["type"][0]["text"].lower() for w in ("general examination", "check"))]
    top, n = Counter(_uuid(e["participant"][0]["individual"]) for e in routine).most_common(1)[0]
    got = ask(a, "who is his GP?")
    assert got.text.startswith(f"Most often {_name(res[top])} ({n} of these {len(routine)}")
    assert f"Practitioner/{top}" in got.resource_ids


def test_a_relative_clause_asks_nobody(fhir_bundles) -> None:
    got = ask(fhir_bundles["cfhir"], "my mum, who is diabetic, what was her last a1c?")
    assert got.resource_ids and not any(i.split("/")[0] in ("Practitioner", "Organization") for i in got.resource_ids)


def test_server_reads_the_clinicians_the_visits_name(fhir_bundles) -> None:
    """A FHIR server returns no Practitioner to a search by patient: they are read by reference; one
    that cannot be read is a warning, and the visit still answers."""
    store = _FhirStore(fhir_bundles["cfhir"])
    gone = store.by_type["Practitioner"].pop(0)  # this one answers 404
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(store))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        rec = fetch_server(f"http://127.0.0.1:{server.server_address[1]}/fhir")
    finally:
        server.shutdown()
        server.server_close()
    assert {f"Practitioner/{p['id']}" for p in store.by_type["Practitioner"]} <= set(rec.resources)
    assert f"Practitioner/{gone['id']}" not in rec.resources
    assert any("Practitioner: a referenced resource could not be read" in w for w in rec.warnings)
    assert any(r.startswith("/fhir/Goal?") for r in store.requests) and any(r.startswith("/fhir/CareTeam?") for r in store.requests)
    got = answer(rec, manifest.build(rec), "who did she see at her last visit?")
    assert any(i.startswith("Encounter/") for i in got.resource_ids)


def test_a_goal_asked_as_met_is_answered_from_its_achievement_status(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    bp = next(r for r in of(a, "Goal") if "blood pressure" in r["description"]["text"].lower())
    assert bp["achievementStatus"]["coding"][0]["code"] != "achieved"
    got = ask(a, "has he achieved his blood pressure goal?")
    assert got.text.startswith("Not recorded as achieved") and ref(bp) in got.resource_ids
    assert not got.text.startswith("Yes")


def test_who_with_nothing_else_named_reads_the_visits(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    res = {r["id"]: r for r in entries(c)}
    first = min(of(c, "Encounter"), key=lambda e: e["period"]["start"])
    got = ask(c, "who saw her first?")
    assert ref(first) in got.resource_ids and _name(res[_uuid(first["participant"][0]["individual"])]) in got.text
    got = ask(c, "who gave her the yellow fever vaccine?")  # a named thing the record lacks stays absent
    assert "not in this record" in got.text and not got.resource_ids


def test_a_kind_asked_for_something_is_that_kind(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    got = ask(c, "any devices for her cholesterol?")
    assert not of(c, "Device") and not got.resource_ids and "not in this record" in got.text
    got = ask(c, "what are her treatment goals for her cholesterol?")
    assert set(got.resource_ids) == {ref(r) for r in of(c, "Goal")}


def test_contact_details_are_the_clinicians_and_places_not_the_patients(fhir_bundles) -> None:
    a = fhir_bundles["afhir"]
    res = {r["id"]: r for r in entries(a)}
    scopes = [r for r in of(a, "Procedure") if r["code"]["text"] == "Colonoscopy"]
    hospital = res[_uuid(res[_uuid(scopes[0]["encounter"])]["serviceProvider"])]
    got = ask(a, "phone number of the hospital where he had his colonoscopy")
    assert hospital["telecom"][0]["value"] in got.text and ref(hospital) in got.resource_ids
    got = ask(a, "contact details for his doctor")  # the doctor's, not a question relayed for the doctor
    assert "not in this record" not in got.text and any(i.startswith("Practitioner/") for i in got.resource_ids)
    patient = of(a, "Patient")[0]
    got = ask(a, "what is the address of the practice he attends?")
    assert patient["address"][0]["line"][0] not in got.text  # never the patient's own street


def test_a_server_without_goal_search_still_answers(fhir_bundles) -> None:
    """Many EHR endpoints expose no Goal or CareTeam search: a refused one is a warning, the rest of the
    record still loads; a refused search of a core type still fails the load, as before."""
    store = _FhirStore(fhir_bundles["cfhir"])
    base_handler = _handler(store)

    class Refusing(base_handler):  # type: ignore[misc, valid-type]
        refuse = "/fhir/Goal"

        def do_GET(self) -> None:  # noqa: N802 - http.server API
            if self.path.startswith(self.refuse):
                store.requests.append(self.path)
                return self._send(403, {"resourceType": "OperationOutcome"})
            return super().do_GET()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Refusing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/fhir"
    try:
        rec = fetch_server(url)
        assert any(w.startswith("Goal: not searched") for w in rec.warnings)
        assert rec.of_type("CareTeam") and rec.of_type("Observation") and not rec.of_type("Goal")
        Refusing.refuse = "/fhir/Observation"
        with pytest.raises(Exception, match="FHIR server error"):
            fetch_server(url)
    finally:
        server.shutdown()
        server.server_close()
