"""Small readers of the Synthea bundles' JSON for the EHR wording tests (tests/test_ehr_batch*.py):
the tests compute what the answer must cite straight from the JSON, never from the engine."""

from __future__ import annotations

import json
from pathlib import Path

from carepath.tools.records import manifest
from carepath.tools.records.answer import RecordAnswer, answer
from carepath.tools.sources.fhir_bundle import load_bundle


def entries(path: Path) -> list[dict]:
    """Every resource of a bundle file."""
    return [e["resource"] for e in json.loads(path.read_text())["entry"]]


def of(path: Path, rtype: str) -> list[dict]:
    """The resources of one type."""
    return [r for r in entries(path) if r["resourceType"] == rtype]


def ask(path: Path, q: str) -> RecordAnswer:
    """The deterministic engine's answer to one question over one bundle."""
    rec = load_bundle(path)
    return answer(rec, manifest.build(rec), q)


def code(r: dict, field: str) -> str:
    """The first coding's code of a CodeableConcept field (or the first of a list of them)."""
    cc = r[field][0] if isinstance(r[field], list) else r[field]
    return str(cc["coding"][0]["code"])


def ref(r: dict) -> str:
    """"Type/id" of one resource, as answers cite it."""
    return f"{r['resourceType']}/{r['id']}"


def refs(rows: list[dict]) -> set[str]:
    """``Type/id`` of each resource."""
    return {ref(r) for r in rows}


def status(r: dict) -> str:
    """A resource's status code: Condition.clinicalStatus, else the plain ``status`` field."""
    if "clinicalStatus" in r:
        return str(r["clinicalStatus"]["coding"][0]["code"])
    return str(r.get("status", ""))


def active_of(path: Path, rtype: str) -> list[dict]:
    """The resources of one type whose status is active."""
    return [r for r in of(path, rtype) if status(r) == "active"]


def ended_of(path: Path, rtype: str) -> list[dict]:
    """The resources of one type that are no longer active (resolved, stopped, completed)."""
    return [r for r in of(path, rtype) if status(r) != "active"]


def exam_visits(path: Path) -> list[dict]:
    """The general-examination encounters (SNOMED 162673000)."""
    return [r for r in of(path, "Encounter") if code(r, "type") == "162673000"]
