"""EHR question wording met in batch 17's TUNE rows (and two known gaps), tested in other words: a
leading label that names one kind of thing ("medicines reconciliation", a procedure) before a question
that asks for another (the current medicines); a thing the record lacks named back in the asker's own
words ("chest x-ray", not "Chest"); and a yes/no question for one year with nothing in that year,
answered with a plain "No". Each test fails without its fix."""

from __future__ import annotations


from carepath.tools.records.answer import RecordAnswer
from support.ehr_helpers import ask as _ask, code as _code, of as _of
from support.docs_fixtures import *  # noqa: F401,F403


def _cited(a: RecordAnswer) -> set[str]:
    return set(a.resource_ids)


def test_label_naming_a_procedure_does_not_override_the_medicines_asked_for(fhir_bundles) -> None:
    """"Medicines reconciliation on admission: which tablets is he on now?": the label names the
    reconciliation procedure, the question the current medicines; the answer is the active
    prescription, not the reconciliation visits."""
    c = fhir_bundles["cfhir"]
    active = {f"MedicationRequest/{r['id']}" for r in _of(c, "MedicationRequest") if r["status"] == "active"}
    recon = {f"Procedure/{r['id']}" for r in _of(c, "Procedure") if _code(r, "code") == "430193006"}
    assert active and recon
    a = _ask(c, "Medicines reconciliation on admission: which tablets is he on now?")
    assert _cited(a) & active
    assert not _cited(a) & recon


def test_label_and_setting_words_on_a_record_without_current_medicines(fhir_bundles) -> None:
    """"Pharmacy med rec - any inpatient scripts still running?" on a record whose only prescription
    has ended: not in this record, with no reconciliation procedure offered instead."""
    a_path = fhir_bundles["afhir"]
    assert not [r for r in _of(a_path, "MedicationRequest") if r["status"] == "active"]
    a = _ask(a_path, "Pharmacy med rec - any current inpatient prescriptions?")
    assert "not in this record" in a.text
    assert not [r for r in _cited(a) if r.startswith("Procedure/")]


def test_a_missing_thing_is_named_in_the_askers_words(fhir_bundles) -> None:
    """"Did the GP order a chest x-ray?" on a record without one: the answer names "chest x-ray",
    not "chest" alone (the known word "x-ray" was dropped from the label before)."""
    a_path = fhir_bundles["afhir"]
    names = " ".join(str(r.get("code", {})).lower() for r in _of(a_path, "Procedure"))
    assert "chest" not in names
    a = _ask(a_path, "Did the GP order a chest x-ray for him?")
    assert "not in this record" in a.text
    assert "chest x-ray" in a.text.lower()


def test_a_yes_no_question_for_an_empty_year_opens_with_no(fhir_bundles) -> None:
    """"Was there a yearly physical for him in <year>?" for a year between his first and last
    general examinations in which none took place: a plain "No" first; a year with one still "Yes"."""
    a_path = fhir_bundles["afhir"]
    years = sorted({r["period"]["start"][:4] for r in _of(a_path, "Encounter") if _code(r, "type") == "162673000"})
    gap = next(str(y) for y in range(int(years[0]), int(years[-1])) if str(y) not in years)
    no = _ask(a_path, f"Was there a yearly physical for him in {gap}?")
    assert no.text.startswith("No")
    yes = _ask(a_path, f"Was there a yearly physical for him in {years[-1]}?")
    assert yes.text.startswith("Yes")
