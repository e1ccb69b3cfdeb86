"""Questions over the whole FHIR record (carepath.tools.records): every
resource type a Synthea/US Core record carries, the question shapes
clinicians ask, "not in this record" as an answer, and the frozen-split EHR
evaluation run through ``carepath eval ehr``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from carepath.cli import main
from carepath.tools.records import manifest
from carepath.tools.records.answer import ABSENT, answer
from carepath.tools.records.evaluation import questions, split_of
from carepath.tools.sources.fhir_bundle import load_bundle
from support.docs_fixtures import *  # noqa: F401,F403

# stated margin between the tune and test splits: a wider gap means the
# lexicons were fitted to the tune questions rather than to clinical language
MARGIN = 0.10


@pytest.fixture(autouse=True)
def _no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from carepath.models import registry

    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    monkeypatch.setenv("CAREPATH_TEXT__BACKEND", "none")
    registry.reset()


def _entries(path: Path) -> list[dict]:
    return [e["resource"] for e in json.loads(path.read_text())["entry"]]


def _ask(path: Path, q: str):
    rec = load_bundle(path)
    return answer(rec, manifest.build(rec), q)


def test_eval_ehr_meets_targets_on_the_frozen_test_split(fhir_bundles, capsys) -> None:
    qs = questions()
    assert len(qs) >= 150 and {q.style for q in qs} == {"clinician", "lay"}
    # the hash decides every split, except questions whose answer was seen first: tune, never test
    assert all(q.split == ("tune" if q.probed else split_of(q.question)) for q in qs)
    assert not any(q.probed and q.split == "test" for q in qs)
    assert sum(q.split == "test" for q in qs) / len(qs) >= 0.40
    rc = main(["eval", "ehr", "--json", "--bundles", str(fhir_bundles["afhir"].parent),
               "--min-value", "0.90", "--min-cited", "0.90"])
    report = json.loads(capsys.readouterr().out)
    tune, test = report["splits"]["tune"], report["splits"]["test"]
    assert rc == 0, report["splits"]
    assert test["value_correct"] >= 0.90 and test["gold_cited"] >= 0.90
    assert abs(tune["value_correct"] - test["value_correct"]) <= MARGIN
    assert abs(tune["gold_cited"] - test["gold_cited"]) <= MARGIN
    assert {"latest", "first", "highest", "lowest", "count", "trend", "list", "ever", "date_of", "absent",
            "demographic"} <= set(report["by_shape"]["test"])
    assert all(m["split"] == "tune" for m in report["misses"])  # a TEST row is never listed, only counted


def _texts(resource: object) -> str:
    """Every display and text string of a resource, lower-cased (what a name in the record can be)."""
    if isinstance(resource, dict):
        return " | ".join(v.lower() if k in ("display", "text") and isinstance(v, str) else _texts(v)
                          for k, v in resource.items())
    if isinstance(resource, list):
        return " | ".join(_texts(v) for v in resource)
    return ""


def test_every_listed_gold_name_is_the_records_own_words(fhir_bundles) -> None:
    """A list question's gold names must be words its gold resources print: a writer's paraphrase
    ("Obesity (BMI 30+)" for "Body mass index 30+ - obesity (finding)") made two test rows fail whatever
    the engine said, until this check found them (2026-12-04)."""
    by_bundle = {n: {f"{r['resourceType']}/{r['id']}": r for r in _entries(fhir_bundles[n])} for n in ("afhir", "cfhir")}
    wrong = []
    for q in questions():
        if q.shape != "list" or not q.gold_ids:
            continue
        said = " ".join(_texts(by_bundle[q.bundle][i]) for i in q.gold_ids)
        wrong += [(q.id, v) for v in q.gold_values if v != ABSENT and not _is_date(v) and v.lower() not in said]
    assert not wrong
    assert "obesity (bmi 30+)" not in _texts(by_bundle["afhir"])  # the check can say no


def _is_date(v: str) -> bool:
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) is not None


def test_highest_is_not_the_latest_and_cites_its_own_observation(fhir_bundles) -> None:
    glucose = sorted((r for r in _entries(fhir_bundles["cfhir"]) if r["resourceType"] == "Observation"
                      and r["code"]["coding"][0]["code"] == "2339-0"), key=lambda r: r["effectiveDateTime"])
    top = max(glucose, key=lambda r: r["valueQuantity"]["value"])
    assert top is not glucose[-1]
    ans = _ask(fhir_bundles["cfhir"], "What was the highest glucose?")
    assert ans.resource_ids == [f"Observation/{top['id']}"]
    assert f"{top['valueQuantity']['value']:.2f}" in ans.text and top["effectiveDateTime"][:10] in ans.text
    first = _ask(fhir_bundles["cfhir"], "first glucose")
    assert first.resource_ids == [f"Observation/{glucose[0]['id']}"]


def test_a_test_the_record_lacks_is_not_in_this_record(fhir_bundles) -> None:
    for q in ("Latest INR", "Any history of asthma?", "Allergies?", "Is he on metformin?"):
        ans = _ask(fhir_bundles["afhir"], q)
        assert ans.found is False and ans.resource_ids == [] and ABSENT in ans.text, q


def test_whole_record_types_and_demographics(fhir_bundles) -> None:
    res = _entries(fhir_bundles["afhir"])
    by = lambda t: [r for r in res if r["resourceType"] == t]  # noqa: E731
    dev = _ask(fhir_bundles["afhir"], "Implanted devices?")
    assert dev.resource_ids == [f"Device/{by('Device')[0]['id']}"]
    img = _ask(fhir_bundles["afhir"], "Any imaging studies?")
    assert img.resource_ids == [f"ImagingStudy/{by('ImagingStudy')[0]['id']}"]
    flu = [r for r in by("Immunization") if r["vaccineCode"]["coding"][0]["code"] == "140"]
    ans = _ask(fhir_bundles["afhir"], "how many flu shots?")
    assert f"{len(flu)} recorded" in ans.text and len(ans.resource_ids) == len(flu)
    pat = by("Patient")[0]
    dob = _ask(fhir_bundles["afhir"], "date of birth")
    assert dob.resource_ids == [f"Patient/{pat['id']}"] and pat["birthDate"] in dob.text
    assert pat["name"][0]["family"] not in dob.text
    smoke = _ask(fhir_bundles["afhir"], "Does he smoke?")
    assert "Never smoker" in smoke.text and smoke.resource_ids[0].startswith("Observation/")


def test_trend_window_keeps_only_those_years(fhir_bundles) -> None:
    a1c = sorted((r for r in _entries(fhir_bundles["cfhir"]) if r["resourceType"] == "Observation"
                  and r["code"]["coding"][0]["code"] == "4548-4"), key=lambda r: r["effectiveDateTime"])
    want = [f"Observation/{r['id']}" for r in a1c if "2014" <= r["effectiveDateTime"][:4] <= "2016"]
    ans = _ask(fhir_bundles["cfhir"], "HbA1c trend between 2014 and 2016")
    assert ans.resource_ids == want and 0 < len(want) < len(a1c)


def test_allergy_and_medication_statement_in_a_us_core_record(fhir_bundles, tmp_path) -> None:
    data = json.loads(fhir_bundles["afhir"].read_text())
    pid = next(r["id"] for r in _entries(fhir_bundles["afhir"]) if r["resourceType"] == "Patient")
    data["entry"] += [
        {"resource": {"resourceType": "AllergyIntolerance", "id": "alg-1", "patient": {"reference": f"Patient/{pid}"},
                      "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                                                     "code": "active"}]},
                      "code": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "7980",
                                           "display": "Penicillin G"}]}, "recordedDate": "2015-02-01"}},
        {"resource": {"resourceType": "MedicationStatement", "id": "ms-1", "status": "active",
                      "subject": {"reference": f"Patient/{pid}"}, "effectiveDateTime": "2018-01-05",
                      "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                                                                "code": "243670", "display": "Aspirin 81 MG Oral Tablet"}]}}},
    ]
    path = tmp_path / "record.json"
    path.write_text(json.dumps(data))
    assert _ask(path, "Allergies?").resource_ids == ["AllergyIntolerance/alg-1"]
    assert _ask(path, "Is he allergic to penicillin?").resource_ids == ["AllergyIntolerance/alg-1"]
    meds = _ask(path, "current medications")
    assert meds.resource_ids == ["MedicationStatement/ms-1"] and "Aspirin" in meds.text
    assert _ask(path, "Has he ever taken aspirin?").resource_ids == ["MedicationStatement/ms-1"]


def test_cli_question_option_and_positional(fhir_bundles, capsys) -> None:
    src = str(fhir_bundles["afhir"])
    assert main(["ehr", src, "--question", "latest potassium", "--json", "--no-model"]) == 0
    by_option = json.loads(capsys.readouterr().out)
    assert main(["ehr", src, "latest potassium", "--json", "--no-model"]) == 0
    assert json.loads(capsys.readouterr().out)["resource_ids"] == by_option["resource_ids"]
    assert by_option["resource_ids"][0].startswith("Observation/")
    assert main(["ehr", src, "latest potassium", "--question", "latest sodium"]) != 0


def test_probed_question_cannot_be_moved_into_test(tmp_path, monkeypatch) -> None:
    """A question whose answer was seen before it was written down must stay tune: a hand
    edit that puts one in test is refused."""
    from importlib import resources

    from carepath.errors import InputError
    from carepath.tools.records import evaluation

    raw = resources.files("carepath.tools.records").joinpath("data/ehr_questions.jsonl").read_text("utf-8")
    rows = [json.loads(x) for x in raw.splitlines() if x.strip()]
    probed = next(r for r in rows if r.get("probed"))
    probed["split"] = "test"
    edited = tmp_path / "ehr_questions.jsonl"
    edited.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    class _Files:
        def joinpath(self, _name: str) -> Path:
            return edited

    monkeypatch.setattr(evaluation.resources, "files", lambda _pkg: _Files())
    with pytest.raises(InputError):
        evaluation.questions()


def test_plain_words_for_organ_function_drug_class_age_and_visits(fhir_bundles) -> None:
    """Natural wording the first question set lacked (probed 2026-12-02): organ function in
    plain words reads the tests that measure it, a drug class finds its members, "how old" is
    an age from the birth date, "seen in clinic" counts visits rather than matching a visit
    type named "... clinic", and "worst blood pressure" ranks the systolic component."""
    c, a = fhir_bundles["cfhir"], fhir_bundles["afhir"]
    kidney = _ask(c, "whats his kidney function like lately")
    assert kidney.found and any(f.code == "33914-3" for f in kidney.facts)
    nsaid = _ask(a, "Which NSAID has he been prescribed?")
    assert "Ibuprofen" in nsaid.text and all(r.startswith("MedicationRequest/") for r in nsaid.resource_ids)
    statin = _ask(c, "when did I start on cholesterol tablets?")
    assert "2012-07-20" in statin.text and all(r.startswith("MedicationRequest/") for r in statin.resource_ids)
    age = _ask(c, "how old is he")
    assert "1946-03-29" in age.text and "(age " in age.text and age.resource_ids[0].startswith("Patient/")
    visits = _ask(c, "how many times was he seen in clinic")
    n_enc = sum(1 for r in _entries(c) if r["resourceType"] == "Encounter")
    assert f"{n_enc} recorded" in visits.text
    worst = _ask(a, "worst blood pressure on record")
    systolic = max((r for r in _entries(a) if r["resourceType"] == "Observation"
                    and r["code"]["coding"][0]["code"] == "55284-4"),
                   key=lambda r: next(x["valueQuantity"]["value"] for x in r["component"]
                                      if x["code"]["coding"][0]["code"] == "8480-6"))
    assert f"Observation/{systolic['id']}" in worst.resource_ids and worst.text.startswith("The highest Systolic")


def test_ever_over_a_coded_status_reports_the_status_not_yes(fhir_bundles) -> None:
    """"Has he ever smoked?" over a never-smoker's record must not open with "Yes": the
    record holds a smoking *status*, and its value is the answer."""
    ans = _ask(fhir_bundles["cfhir"], "has he ever smoked")
    assert not ans.text.lower().startswith("yes") and "Never smoker" in ans.text
    latest = max((r for r in _entries(fhir_bundles["cfhir"]) if r["resourceType"] == "Observation"
                  and r["code"]["coding"][0]["code"] == "72166-2"), key=lambda r: r["effectiveDateTime"])
    assert f"Observation/{latest['id']}" in ans.resource_ids


def test_age_is_counted_to_death_when_the_record_has_one() -> None:
    import datetime as dt

    from carepath.tools.records.fields import age_text

    assert age_text("1946-03-29", today=dt.date(2026, 3, 28)) == " (age 79 on 2026-03-28)"
    assert age_text("1946-03-29", today=dt.date(2026, 3, 29)) == " (age 80 on 2026-03-29)"
    assert age_text("1946-03-29", "2001-05-01T10:00:00Z") == " (age 55 at death on 2001-05-01)"
    assert age_text("not a date") == ""


def test_shorthand_plurals_jabs_devices_and_truncations(fhir_bundles) -> None:
    """Batch-3/4 tune wording: "BMPs" is the plural of an abbreviation, a "pneumonia jab" is
    a pneumonia vaccine and its first dose is the earliest of the two pneumococcal vaccines,
    "ICD" is the implanted defibrillator (a Device), "imaging of the clavicle" reads the
    ImagingStudy rather than the fracture, "chol" is cholesterol cut short."""
    a, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    entries = _entries(a)
    bmps = [r for r in entries if r["resourceType"] == "DiagnosticReport" and r["code"]["coding"][0]["code"] == "51990-0"]
    assert f"{len(bmps)} recorded" in _ask(a, "Number of BMPs").text
    pneumo = sorted((r for r in entries if r["resourceType"] == "Immunization"
                     and r["vaccineCode"]["coding"][0]["code"] in ("33", "133")), key=lambda r: r["occurrenceDateTime"])
    first = _ask(a, "when did I first get the pneumonia jab?")
    assert first.resource_ids == [f"Immunization/{pneumo[0]['id']}"]
    icd = _ask(a, "ICD in situ?")
    assert icd.found and all(r.startswith("Device/") for r in icd.resource_ids)
    imaging = _ask(a, "Any imaging of the clavicle?")
    assert imaging.found and all(r.startswith("ImagingStudy/") for r in imaging.resource_ids)
    born = _ask(a, "what date was I born?")
    assert born.resource_ids and born.resource_ids[0].startswith("Patient/") and "1945-12-10" in born.text
    low = _ask(c, "Total chol lowest")
    assert low.found and low.text.startswith("The lowest Total Cholesterol")


def test_a_truncation_that_begins_two_names_stands_for_nothing(fhir_bundles) -> None:
    from carepath.tools.records.question import _truncations

    rec = load_bundle(fhir_bundles["cfhir"])
    m = manifest.build(rec)
    assert _truncations({"chol"}, m) == {"cholesterol"}
    assert _truncations({"hem"}, m) == set()      # hemoglobin, hematocrit, hemogram...
    assert _truncations({"xy"}, m) == set()       # too short to stand for anything


def test_terse_history_questions_and_one_distinctive_word(fhir_bundles) -> None:
    """"Hx sinusitis?" and "Prior polypectomy?" ask whether it ever happened (the answer says
    yes); "obese" finds the one condition whose long display uses "obesity"; a word only a
    LOINC name's qualifier uses ("cancer" in "... by CAP cancer protocols") finds nothing."""
    a = fhir_bundles["afhir"]
    assert _ask(a, "Hx sinusitis?").text.startswith("Yes")
    assert _ask(a, "Prior polypectomy?").text.startswith("Yes")
    obese = _ask(a, "Was he ever obese?")
    assert obese.text.startswith("Yes") and all(r.startswith("Condition/") for r in obese.resource_ids)
    cancer = _ask(a, "Have I ever had cancer?")
    assert ABSENT in cancer.text and not cancer.resource_ids


def test_phrases_of_generic_words_and_a_conflicting_body_site(fhir_bundles) -> None:
    """"check ups" meets "Encounter for check up" as a whole phrase (each word alone is too generic);
    "medication orders" counts the orders; a "chest x-ray" is not the record's clavicle X-ray."""
    a, c = fhir_bundles["afhir"], fhir_bundles["cfhir"]
    checkups = [r for r in _entries(c) if r["resourceType"] == "Encounter"
                and r["type"][0]["coding"][0]["code"] == "185349003"]
    assert f"{len(checkups)} recorded" in _ask(c, "how many check ups have I had").text
    orders = [r for r in _entries(c) if r["resourceType"] == "MedicationRequest"]
    assert f"{len(orders)} recorded" in _ask(c, "How many medication orders?").text
    chest = _ask(a, "have I had a chest x-ray?")
    assert ABSENT in chest.text and not chest.resource_ids
    clavicle = _ask(a, "have I had a clavicle x-ray?")
    assert clavicle.text.startswith("Yes") and clavicle.resource_ids


def test_when_a_measurement_was_first_checked_reads_the_result_not_the_diagnosis(fhir_bundles) -> None:
    """"When was my cholesterol first checked" asks for the first cholesterol result (a date and a
    value), not the date hyperlipidemia was diagnosed; "when was my bone density test" still reads
    the procedure."""
    c, a = fhir_bundles["cfhir"], fhir_bundles["afhir"]
    first = _ask(c, "what was my cholesterol when it was first checked")
    assert first.resource_ids and all(r.startswith("Observation/") for r in first.resource_ids)
    assert first.text.startswith("The first Total Cholesterol")
    scan = _ask(a, "when was my bone density test?")
    assert any(r.startswith("Procedure/") for r in scan.resource_ids)


def test_a_place_of_care_names_a_visit_and_heavy_is_weight(fhir_bundles) -> None:
    """Batch-9 tune wording: "the emergency room" names a visit without the word "visit" (the
    answer is the emergency encounter, not the last visit of any kind), and "how heavy" asks for
    the body weight."""
    c, a = fhir_bundles["cfhir"], fhir_bundles["afhir"]
    emer = [r for r in _entries(a) if r["resourceType"] == "Encounter" and r["class"]["code"] == "EMER"]
    er = _ask(a, "when was I last in the emergency department")
    latest_emer = max(emer, key=lambda r: r["period"]["start"])
    assert er.resource_ids == [f"Encounter/{latest_emer['id']}"], er.text
    assert latest_emer["period"]["start"][:10] in er.text
    heavy = _ask(c, "how heavy was I last time")
    assert heavy.found and heavy.resource_ids and all(r.startswith("Observation/") for r in heavy.resource_ids)
    assert any(f.code == "29463-7" for f in heavy.facts), heavy.text
