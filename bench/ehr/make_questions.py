"""Writes tools/records/data/ehr_questions.jsonl: the EHR question set and its gold.

The questions below were written by hand, in clinician and lay wording,
before carepath's EHR engine or its lexicons existed. The gold values and
gold resource ids are computed here by plain JSON filtering of the two
Synthea R4 bundles in fhiry's sdist (afhir, cfhir; bfhir is a byte copy of
afhir), from a hand-written spec per question (LOINC code, SNOMED/RxNorm/CVX
code, resource type, shape) -- never from the engine's output. The split is
frozen by a hash of the question text (45% test), so nothing can move a
question between splits.

    python bench/ehr/make_questions.py [FHIRY_RESOURCES_DIR]
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench" / "labs"))
OUT = REPO / "tools" / "records" / "data" / "ehr_questions.jsonl"
ABSENT = "not in this record"


def split_of(question: str) -> str:
    return "test" if int(hashlib.sha256(question.encode()).hexdigest(), 16) % 100 < 45 else "tune"


def num(v: float) -> str:
    return f"{v:.2f}"


class Bundle:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        data = json.loads(path.read_text())
        self.res = [e["resource"] for e in data["entry"]]

    def of(self, rtype: str) -> list[dict]:
        return [r for r in self.res if r["resourceType"] == rtype]

    def patient(self) -> dict:
        return self.of("Patient")[0]


def ref(r: dict) -> str:
    return f"{r['resourceType']}/{r['id']}"


def code_of(cc: dict | list) -> str:
    cc = cc[0] if isinstance(cc, list) else cc  # Encounter.type is a list
    return cc["coding"][0]["code"]


def when(r: dict) -> str:
    for k in ("effectiveDateTime", "occurrenceDateTime", "authoredOn", "onsetDateTime", "started"):
        if k in r:
            return r[k]
    for k in ("performedPeriod", "period"):
        if k in r:
            return r[k]["start"]
    raise KeyError(r["resourceType"])


def obs_series(b: Bundle, code: str, comp: str | None = None) -> list[tuple[str, float | str, dict]]:
    out = []
    for r in b.of("Observation"):
        if code_of(r["code"]) != code:
            continue
        if comp:
            v = next(c["valueQuantity"]["value"] for c in r["component"] if code_of(c["code"]) == comp)
        elif "valueQuantity" in r:
            v = r["valueQuantity"]["value"]
        elif "valueCodeableConcept" in r:
            v = r["valueCodeableConcept"]["coding"][0]["display"]
        else:  # a panel (blood pressure) counted as one reading
            v = float("nan")
        out.append((when(r), v, r))
    return sorted(out, key=lambda t: t[0])


def coded(b: Bundle, rtype: str, codes: set[str], field: str) -> list[dict]:
    rows = [r for r in b.of(rtype) if code_of(r[field]) in codes]
    return sorted(rows, key=when)


FIELD = {"Condition": "code", "Procedure": "code", "Immunization": "vaccineCode",
         "MedicationRequest": "medicationCodeableConcept", "DiagnosticReport": "code", "Encounter": "type"}


def gold(b: Bundle, spec: dict) -> tuple[list[str], list[str]]:
    """(gold values, gold resource ids) for one hand-written spec."""
    shape = spec["shape"]
    if spec.get("absent"):
        return [ABSENT], []
    if "obs" in spec:
        s = obs_series(b, spec["obs"], spec.get("comp"))
        if "window" in spec:
            lo, hi = spec["window"]
            s = [t for t in s if lo <= t[0][:10] <= hi]
        fmt = (lambda v: num(v) if isinstance(v, float) else str(v))
        if shape == "latest":
            return [fmt(s[-1][1])], [ref(s[-1][2])]
        if shape == "first":
            return [fmt(s[0][1]), s[0][0][:10]], [ref(s[0][2])]
        if shape in ("highest", "lowest"):
            t = (max if shape == "highest" else min)(s, key=lambda t: t[1])
            return [fmt(t[1]), t[0][:10]], [ref(t[2])]
        if shape == "count":
            return [str(len(s))], [ref(t[2]) for t in s]
        if shape == "trend":
            return [fmt(s[0][1]), fmt(s[-1][1])], [ref(t[2]) for t in s]
        if shape == "ever":
            return ["yes", s[-1][0][:10]], [ref(s[-1][2])]
        raise ValueError(shape)
    rtype = spec["type"]
    if "codes" in spec:
        rows = coded(b, rtype, set(spec["codes"]), FIELD[rtype])
    elif "cls" in spec:
        rows = sorted((r for r in b.of(rtype) if r["class"]["code"] == spec["cls"]), key=when)
    else:
        rows = sorted(b.of(rtype), key=when)
    if "status" in spec:
        rows = [r for r in rows if _status(r) == spec["status"]]
    assert rows, spec
    name = spec.get("name")
    if shape == "latest":
        return [name or "", when(rows[-1])[:10]] if name else [when(rows[-1])[:10]], [ref(rows[-1])]
    if shape == "first":
        return [when(rows[0])[:10]], [ref(rows[0])]
    if shape == "date_of":
        r = rows[spec.get("index", -1)]
        d = r["abatementDateTime"] if spec.get("end") else when(r)
        return [d[:10]], [ref(r)]
    if shape == "count":
        return [str(len(rows))], [ref(r) for r in rows]
    if shape == "ever":
        return ["yes", when(rows[-1])[:10]], [ref(rows[-1])]
    if shape == "list":
        return spec["names"], [ref(r) for r in rows]
    raise ValueError(shape)


def _status(r: dict) -> str:
    cs = r.get("clinicalStatus")
    return cs["coding"][0]["code"] if isinstance(cs, dict) else r.get("status")


def demographic(b: Bundle, field: str) -> tuple[list[str], list[str]]:
    p = b.patient()
    ext = {e["url"].rsplit("/", 1)[-1]: e for e in p.get("extension", [])}
    marital = {"S": "never married", "M": "married", "D": "divorced", "W": "widowed"}
    value = {
        "gender": p["gender"], "birthDate": p["birthDate"],
        "marital": marital[p["maritalStatus"]["coding"][0]["code"]],
        "city": p["address"][0]["city"],
        "race": next(x["valueString"] for x in ext["us-core-race"]["extension"] if x["url"] == "text"),
        "ethnicity": next(x["valueString"] for x in ext["us-core-ethnicity"]["extension"] if x["url"] == "text"),
        "language": p["communication"][0]["language"]["text"],
        "birthPlace": ext["patient-birthPlace"]["valueAddress"]["city"],
    }[field]
    return [value], [ref(p)]


def _carepath_cat(r: dict) -> str:
    return r["category"][-1]["coding"][0]["code"]


# (bundle, style, question, spec). style: clinician | lay. Written before the engine.
A, C = "afhir", "cfhir"
CL, LAY = "clinician", "lay"
Q: list[tuple[str, str, str, dict]] = [
    # --- labs: latest ---
    (A, CL, "What is the most recent HbA1c?", {"shape": "latest", "obs": "4548-4"}),
    (C, CL, "Latest hemoglobin A1c value?", {"shape": "latest", "obs": "4548-4"}),
    (A, LAY, "What was my last sugar test result?", {"shape": "latest", "obs": "2339-0"}),
    (C, CL, "Most recent serum glucose", {"shape": "latest", "obs": "2339-0"}),
    (A, CL, "Last creatinine?", {"shape": "latest", "obs": "38483-4"}),
    (C, CL, "What was the creatinine at the last draw?", {"shape": "latest", "obs": "38483-4"}),
    (A, CL, "Current potassium level", {"shape": "latest", "obs": "6298-4"}),
    (C, LAY, "What is my potassium now?", {"shape": "latest", "obs": "6298-4"}),
    (A, CL, "Latest Na+", {"shape": "latest", "obs": "2947-0"}),
    (C, CL, "Most recent sodium result", {"shape": "latest", "obs": "2947-0"}),
    (A, LAY, "What was my bad cholesterol last time?", {"shape": "latest", "obs": "18262-6"}),
    (C, CL, "Latest LDL-C", {"shape": "latest", "obs": "18262-6"}),
    (A, LAY, "How is my good cholesterol?", {"shape": "latest", "obs": "2085-9"}),
    (C, CL, "Most recent HDL cholesterol", {"shape": "latest", "obs": "2085-9"}),
    (A, CL, "Last total cholesterol", {"shape": "latest", "obs": "2093-3"}),
    (C, LAY, "What's my cholesterol number?", {"shape": "latest", "obs": "2093-3"}),
    (A, CL, "Latest triglycerides", {"shape": "latest", "obs": "2571-8"}),
    (C, CL, "Most recent TG level", {"shape": "latest", "obs": "2571-8"}),
    (A, CL, "Last Hgb", {"shape": "latest", "obs": "718-7"}),
    (C, LAY, "What was my hemoglobin on the last blood count?", {"shape": "latest", "obs": "718-7"}),
    (A, CL, "Most recent platelet count", {"shape": "latest", "obs": "777-3"}),
    (C, CL, "Latest WBC", {"shape": "latest", "obs": "6690-2"}),
    (A, LAY, "What was my white blood cell count?", {"shape": "latest", "obs": "6690-2"}),
    (C, CL, "Latest eGFR", {"shape": "latest", "obs": "33914-3"}),
    (C, CL, "Most recent ALT", {"shape": "latest", "obs": "1742-6"}),
    (C, LAY, "What was my liver enzyme AST last time?", {"shape": "latest", "obs": "1920-8"}),
    (C, CL, "Latest serum albumin", {"shape": "latest", "obs": "1751-7"}),
    (C, CL, "Most recent total bilirubin", {"shape": "latest", "obs": "1975-2"}),
    (C, CL, "Latest alkaline phosphatase", {"shape": "latest", "obs": "6768-6"}),
    (A, CL, "Last BUN", {"shape": "latest", "obs": "6299-2"}),
    (C, CL, "Most recent blood urea nitrogen", {"shape": "latest", "obs": "6299-2"}),
    (A, CL, "Latest serum calcium", {"shape": "latest", "obs": "49765-1"}),
    (C, CL, "Latest chloride", {"shape": "latest", "obs": "2069-3"}),
    (A, CL, "Most recent bicarbonate (CO2)", {"shape": "latest", "obs": "20565-8"}),
    (A, CL, "Latest MCV", {"shape": "latest", "obs": "787-2"}),
    (C, CL, "Most recent hematocrit", {"shape": "latest", "obs": "4544-3"}),
    (C, CL, "Latest total protein", {"shape": "latest", "obs": "2885-2"}),
    # --- vitals: latest ---
    (A, LAY, "How much did I weigh at my last visit?", {"shape": "latest", "obs": "29463-7"}),
    (C, CL, "Current body weight", {"shape": "latest", "obs": "29463-7"}),
    (A, LAY, "How tall am I?", {"shape": "latest", "obs": "8302-2"}),
    (C, CL, "Recorded height", {"shape": "latest", "obs": "8302-2"}),
    (A, CL, "Latest BMI", {"shape": "latest", "obs": "39156-5"}),
    (C, LAY, "What is my body mass index?", {"shape": "latest", "obs": "39156-5"}),
    (A, CL, "Most recent systolic blood pressure", {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "Last diastolic BP", {"shape": "latest", "obs": "55284-4", "comp": "8462-4"}),
    (C, LAY, "What was the top number of my blood pressure last time?",
     {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (A, CL, "Latest pain score", {"shape": "latest", "obs": "72514-3"}),
    (C, LAY, "How bad did I rate my pain at the last visit?", {"shape": "latest", "obs": "72514-3"}),
    # --- social history (coded Observation) ---
    (A, CL, "Smoking status?", {"shape": "latest", "obs": "72166-2"}),
    (C, LAY, "Do I smoke?", {"shape": "latest", "obs": "72166-2"}),
    (C, CL, "Tobacco use history", {"shape": "latest", "obs": "72166-2"}),
    # --- first ---
    (A, CL, "First recorded HbA1c", {"shape": "first", "obs": "4548-4"}),
    (C, CL, "Earliest A1c in the chart", {"shape": "first", "obs": "4548-4"}),
    (A, CL, "First total cholesterol on record", {"shape": "first", "obs": "2093-3"}),
    (C, LAY, "What was my first cholesterol test?", {"shape": "first", "obs": "2093-3"}),
    (C, CL, "Initial body weight", {"shape": "first", "obs": "29463-7"}),
    (A, CL, "Baseline creatinine", {"shape": "first", "obs": "38483-4"}),
    (C, CL, "First eGFR", {"shape": "first", "obs": "33914-3"}),
    (A, CL, "Earliest platelet count", {"shape": "first", "obs": "777-3"}),
    (C, LAY, "What was my first liver test ALT?", {"shape": "first", "obs": "1742-6"}),
    (A, CL, "First recorded systolic BP", {"shape": "first", "obs": "55284-4", "comp": "8480-6"}),
    # --- highest / lowest ---
    (A, CL, "Highest glucose", {"shape": "highest", "obs": "2339-0"}),
    (C, LAY, "What was my highest blood sugar?", {"shape": "highest", "obs": "2339-0"}),
    (A, CL, "Peak HbA1c", {"shape": "highest", "obs": "4548-4"}),
    (C, CL, "Maximum A1c recorded", {"shape": "highest", "obs": "4548-4"}),
    (A, CL, "Lowest HDL", {"shape": "lowest", "obs": "2085-9"}),
    (C, CL, "Nadir HDL cholesterol", {"shape": "lowest", "obs": "2085-9"}),
    (A, CL, "Highest potassium", {"shape": "highest", "obs": "6298-4"}),
    (C, CL, "Lowest potassium", {"shape": "lowest", "obs": "6298-4"}),
    (C, LAY, "What is the most I have ever weighed?", {"shape": "highest", "obs": "29463-7"}),
    (C, CL, "Minimum body weight", {"shape": "lowest", "obs": "29463-7"}),
    (A, CL, "Highest systolic blood pressure", {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "Max SBP", {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "Lowest diastolic pressure", {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "Lowest sodium", {"shape": "lowest", "obs": "2947-0"}),
    (C, CL, "Highest creatinine", {"shape": "highest", "obs": "38483-4"}),
    (C, CL, "Worst eGFR", {"shape": "lowest", "obs": "33914-3"}),
    (C, CL, "Highest LDL", {"shape": "highest", "obs": "18262-6"}),
    (A, LAY, "When was my bad cholesterol highest?", {"shape": "highest", "obs": "18262-6"}),
    (C, CL, "Highest triglycerides", {"shape": "highest", "obs": "2571-8"}),
    (A, CL, "Lowest hemoglobin", {"shape": "lowest", "obs": "718-7"}),
    (C, LAY, "What was my highest pain score?", {"shape": "highest", "obs": "72514-3"}),
    (C, CL, "Highest ALT", {"shape": "highest", "obs": "1742-6"}),
    # --- count ---
    (A, CL, "How many HbA1c measurements are there?", {"shape": "count", "obs": "4548-4"}),
    (C, CL, "Number of A1c results", {"shape": "count", "obs": "4548-4"}),
    (A, LAY, "How many times was my cholesterol checked?", {"shape": "count", "obs": "2093-3"}),
    (C, CL, "How many total cholesterol results are on file?", {"shape": "count", "obs": "2093-3"}),
    (C, CL, "How many blood pressure readings?", {"shape": "count", "obs": "55284-4"}),
    (A, CL, "Count of glucose values", {"shape": "count", "obs": "2339-0"}),
    (C, CL, "How many eGFR values are recorded?", {"shape": "count", "obs": "33914-3"}),
    (A, CL, "How many lipid panels were done?", {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (C, LAY, "How many times did I have a lipid panel?", {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, CL, "How many CBCs?", {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, CL, "Number of comprehensive metabolic panels", {"shape": "count", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, CL, "How many basic metabolic panels were drawn?", {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (A, CL, "How many episodes of viral sinusitis?", {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (C, LAY, "How many times have I had sinusitis?", {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (C, CL, "Number of acute bronchitis episodes", {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (A, LAY, "How many flu shots have I had?", {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, CL, "Number of influenza vaccinations", {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "How many colonoscopies?", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (A, CL, "How many medication reconciliations were performed?", {"shape": "count", "type": "Procedure", "codes": ["430193006"]}),
    (C, CL, "Number of medication reconciliation procedures", {"shape": "count", "type": "Procedure", "codes": ["430193006"]}),
    (C, CL, "How many simvastatin prescriptions?", {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, LAY, "How many times was I prescribed acetaminophen?", {"shape": "count", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, CL, "How many encounters are in the record?", {"shape": "count", "type": "Encounter"}),
    (C, LAY, "How many visits have I had?", {"shape": "count", "type": "Encounter"}),
    (A, CL, "How many emergency visits?", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, CL, "Number of follow-up encounters for hyperlipidemia", {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    # --- trend over a window ---
    (A, CL, "HbA1c trend since 2015", {"shape": "trend", "obs": "4548-4", "window": ("2015-01-01", "9999")}),
    (C, CL, "A1c trend from 2012 to 2016", {"shape": "trend", "obs": "4548-4", "window": ("2012-01-01", "2016-12-31")}),
    (C, LAY, "How has my weight changed since 2014?", {"shape": "trend", "obs": "29463-7", "window": ("2014-01-01", "9999")}),
    (A, CL, "Creatinine trend between 2012 and 2018", {"shape": "trend", "obs": "38483-4", "window": ("2012-01-01", "2018-12-31")}),
    (C, CL, "LDL over 2013-2019", {"shape": "trend", "obs": "18262-6", "window": ("2013-01-01", "2019-12-31")}),
    (C, CL, "Trend of eGFR since 2015", {"shape": "trend", "obs": "33914-3", "window": ("2015-01-01", "9999")}),
    (A, CL, "Glucose values in 2010 through 2013", {"shape": "trend", "obs": "2339-0", "window": ("2010-01-01", "2013-12-31")}),
    (C, LAY, "How has my blood sugar changed over the years?", {"shape": "trend", "obs": "2339-0"}),
    (A, CL, "Systolic BP trend since 2016", {"shape": "trend", "obs": "55284-4", "comp": "8480-6", "window": ("2016-01-01", "9999")}),
    (C, CL, "HDL trend 2011 to 2015", {"shape": "trend", "obs": "2085-9", "window": ("2011-01-01", "2015-12-31")}),
    (C, CL, "Potassium trend since 2017", {"shape": "trend", "obs": "6298-4", "window": ("2017-01-01", "9999")}),
    (A, LAY, "Has my cholesterol gone up or down?", {"shape": "trend", "obs": "2093-3"}),
    (C, CL, "BMI trend from 2010 to 2014", {"shape": "trend", "obs": "39156-5", "window": ("2010-01-01", "2014-12-31")}),
    # --- conditions ---
    (A, CL, "List the active problems", {"shape": "list", "type": "Condition", "status": "active",
                                        "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (C, LAY, "What health conditions do I have right now?", {"shape": "list", "type": "Condition", "status": "active",
                                                             "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (C, CL, "Active diagnoses", {"shape": "list", "type": "Condition", "status": "active",
                                 "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (C, CL, "When was hyperlipidemia diagnosed?", {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (A, CL, "Onset date of prediabetes", {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (C, LAY, "When did I first get told I had prediabetes?", {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (A, CL, "When was anemia first recorded?", {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (A, CL, "First episode of viral sinusitis: when?", {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "index": 0}),
    (A, CL, "When did the most recent sinusitis start?", {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "index": -1}),
    (C, CL, "Onset of the first acute bronchitis", {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "index": 0}),
    (A, CL, "When did the clavicle fracture resolve?", {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    (A, LAY, "When did I break my collarbone?", {"shape": "date_of", "type": "Condition", "codes": ["58150001"]}),
    (C, CL, "When did the rotator cuff injury resolve?", {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (C, LAY, "When did I hurt my shoulder?", {"shape": "date_of", "type": "Condition", "codes": ["307731004"]}),
    (A, CL, "When was the colon polyp resolved?", {"shape": "date_of", "type": "Condition", "codes": ["68496003"], "end": True}),
    (A, CL, "History of cardiac arrest?", {"shape": "ever", "type": "Condition", "codes": ["410429000"]}),
    (A, LAY, "Have I ever had a heart attack or my heart stop?", {"shape": "ever", "type": "Condition", "codes": ["410429000"]}),
    (C, CL, "Any history of hyperlipidemia?", {"shape": "ever", "type": "Condition", "codes": ["55822004"]}),
    (A, CL, "Has the patient had a colon polyp?", {"shape": "ever", "type": "Condition", "codes": ["68496003"]}),
    (C, LAY, "Have I ever had bronchitis?", {"shape": "ever", "type": "Condition", "codes": ["10509002"]}),
    (A, CL, "Does the patient have type 2 diabetes?", {"shape": "ever", "absent": True}),
    (C, LAY, "Do I have diabetes?", {"shape": "ever", "absent": True}),
    (A, CL, "Any history of hypertension?", {"shape": "ever", "absent": True}),
    (C, CL, "History of asthma?", {"shape": "ever", "absent": True}),
    (C, CL, "Has the patient ever had a myocardial infarction?", {"shape": "ever", "absent": True}),
    (A, LAY, "Have I ever had cancer?", {"shape": "ever", "absent": True}),
    (C, CL, "Any fractures?", {"shape": "ever", "absent": True}),
    (A, CL, "Is the anemia active?", {"shape": "ever", "type": "Condition", "codes": ["271737000"], "status": "active"}),
    # --- medications ---
    (C, CL, "Current medications", {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (C, LAY, "What medicines am I taking now?", {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (A, CL, "Active medication list", {"shape": "absent_list", "type": "MedicationRequest", "status": "active"}),
    (A, LAY, "Am I on any medicines right now?", {"shape": "absent_list", "type": "MedicationRequest", "status": "active"}),
    (C, CL, "When was simvastatin first prescribed?", {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, LAY, "When did I start my statin?", {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, CL, "Date of the most recent statin prescription", {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, CL, "Has the patient ever been prescribed ibuprofen?", {"shape": "ever", "type": "MedicationRequest", "codes": ["310965"]}),
    (A, LAY, "Was I ever given a painkiller like ibuprofen?", {"shape": "ever", "type": "MedicationRequest", "codes": ["310965"]}),
    (C, CL, "Ever on acetaminophen?", {"shape": "ever", "type": "MedicationRequest", "codes": ["313782"]}),
    (C, CL, "Has the patient been on metformin?", {"shape": "ever", "absent": True}),
    (A, CL, "Any anticoagulant such as warfarin?", {"shape": "ever", "absent": True}),
    (A, LAY, "Have I ever taken insulin?", {"shape": "ever", "absent": True}),
    (C, CL, "Is he on lisinopril?", {"shape": "ever", "absent": True}),
    (A, CL, "When was ibuprofen prescribed?", {"shape": "date_of", "type": "MedicationRequest", "codes": ["310965"]}),
    (C, CL, "Last acetaminophen prescription date", {"shape": "latest", "type": "MedicationRequest", "codes": ["313782"]}),
    # --- immunizations ---
    (A, CL, "Date of the last influenza vaccine", {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "When was my last flu shot?", {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "First flu vaccine on record", {"shape": "first", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "When was the Td booster given?", {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "When did I last get a tetanus shot?", {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (A, CL, "Has the patient received PCV13?", {"shape": "ever", "type": "Immunization", "codes": ["133"]}),
    (C, CL, "Pneumococcal polysaccharide vaccine (PPSV23) date", {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (C, LAY, "Did I get a pneumonia vaccine?", {"shape": "ever", "type": "Immunization", "codes": ["133", "33"]}),
    (A, CL, "Shingles vaccine given?", {"shape": "ever", "absent": True}),
    (C, LAY, "Have I had the COVID vaccine?", {"shape": "ever", "absent": True}),
    (A, CL, "Hepatitis B vaccination status", {"shape": "ever", "absent": True}),
    # --- procedures ---
    (A, CL, "Date of the last colonoscopy", {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (A, LAY, "When was my first colonoscopy?", {"shape": "first", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "Has the patient had a colonoscopy?", {"shape": "ever", "absent": True}),
    (A, CL, "Has a bone density scan been done?", {"shape": "ever", "type": "Procedure", "codes": ["312681000"]}),
    (A, CL, "When was the polypectomy?", {"shape": "date_of", "type": "Procedure", "codes": ["274031008"]}),
    (A, CL, "Fecal occult blood test date", {"shape": "date_of", "type": "Procedure", "codes": ["1015401000000102"]}),
    (C, CL, "When was the sputum examination?", {"shape": "date_of", "type": "Procedure", "codes": ["269911007"]}),
    (C, CL, "Last medication reconciliation", {"shape": "latest", "type": "Procedure", "codes": ["430193006"]}),
    (A, CL, "Most recent medication reconciliation date", {"shape": "latest", "type": "Procedure", "codes": ["430193006"]}),
    (A, LAY, "Did I ever have surgery on my knee?", {"shape": "ever", "absent": True}),
    (C, CL, "Any appendectomy?", {"shape": "ever", "absent": True}),
    # --- encounters ---
    (A, CL, "Date of the last encounter", {"shape": "latest", "type": "Encounter"}),
    (C, LAY, "When was my last visit?", {"shape": "latest", "type": "Encounter"}),
    (A, CL, "When was the most recent emergency department visit?", {"shape": "latest", "type": "Encounter", "cls": "EMER"}),
    (C, CL, "Last follow-up visit for hyperlipidemia", {"shape": "latest", "type": "Encounter", "codes": ["390906007"]}),
    (C, CL, "When was the urgent care visit?", {"shape": "date_of", "type": "Encounter", "codes": ["702927004"]}),
    (C, CL, "Any emergency room visits?", {"shape": "ever", "absent": True}),
    (A, CL, "First encounter in the record", {"shape": "first", "type": "Encounter"}),
    # --- allergies (none recorded in either bundle) ---
    (A, CL, "Allergies?", {"shape": "ever", "absent": True}),
    (C, LAY, "Am I allergic to anything?", {"shape": "ever", "absent": True}),
    (C, CL, "Penicillin allergy?", {"shape": "ever", "absent": True}),
    # --- diagnostic reports ---
    (A, CL, "Date of the last lipid panel", {"shape": "latest", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (C, CL, "When was the most recent CMP?", {"shape": "latest", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (C, LAY, "When was my last full blood count?", {"shape": "latest", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (A, CL, "Most recent basic metabolic panel date", {"shape": "latest", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (A, CL, "Has a thyroid panel (TSH) ever been checked?", {"shape": "ever", "absent": True}),
    (C, CL, "PSA result?", {"shape": "ever", "absent": True}),
    (A, LAY, "Have I had my vitamin D checked?", {"shape": "ever", "absent": True}),
    (C, CL, "Latest troponin", {"shape": "ever", "absent": True}),
    (A, CL, "Was a CBC ever done?", {"shape": "ever", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    # --- care plans ---
    (A, CL, "Active care plans", {"shape": "list", "type": "CarePlan", "status": "active", "names": ["Diabetes self management plan"]}),
    (C, CL, "What care plans are active?", {"shape": "list", "type": "CarePlan", "status": "active",
                                            "names": ["Diabetes self management plan", "Hyperlipidemia clinical management plan"]}),
    (C, LAY, "Am I on a plan for my cholesterol?", {"shape": "ever", "type": "CarePlan", "codes": ["736285004"]}),
    (A, CL, "When did the fracture care plan end?", {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"], "end": True}),
    # --- devices and imaging ---
    (A, CL, "Implanted devices?", {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, LAY, "Do I have any implant in my body?", {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, CL, "Any implanted devices?", {"shape": "ever", "absent": True}),
    (A, CL, "Imaging studies on file", {"shape": "list", "type": "ImagingStudy", "names": ["Clavicle", "2016-05-21"]}),
    (A, LAY, "Have I had an x-ray?", {"shape": "ever", "type": "ImagingStudy"}),
    (C, CL, "Any imaging studies?", {"shape": "ever", "absent": True}),
    (A, CL, "When was the clavicle x-ray done?", {"shape": "date_of", "type": "Procedure", "codes": ["168594001"]}),
    # --- demographics ---
    (A, CL, "Date of birth", {"shape": "demographic", "field": "birthDate"}),
    (C, LAY, "When was I born?", {"shape": "demographic", "field": "birthDate"}),
    (A, CL, "Patient sex", {"shape": "demographic", "field": "gender"}),
    (C, CL, "Gender?", {"shape": "demographic", "field": "gender"}),
    (A, CL, "Marital status", {"shape": "demographic", "field": "marital"}),
    (C, LAY, "Am I listed as married?", {"shape": "demographic", "field": "marital"}),
    (A, CL, "Race", {"shape": "demographic", "field": "race"}),
    (C, CL, "Ethnicity", {"shape": "demographic", "field": "ethnicity"}),
    (A, CL, "Preferred language", {"shape": "demographic", "field": "language"}),
    (C, LAY, "Which city do I live in?", {"shape": "demographic", "field": "city"}),
    (A, CL, "Home city", {"shape": "demographic", "field": "city"}),
    (C, CL, "Place of birth", {"shape": "demographic", "field": "birthPlace"}),
    (A, LAY, "Where was I born?", {"shape": "demographic", "field": "birthPlace"}),
    # --- labs the record does not hold ---
    (A, CL, "Latest INR", {"shape": "latest", "absent": True}),
    (C, CL, "Most recent ferritin", {"shape": "latest", "absent": True}),
    (A, CL, "Last magnesium level", {"shape": "latest", "absent": True}),
    (C, LAY, "What was my last urine test?", {"shape": "latest", "absent": True}),
    (A, CL, "Highest troponin", {"shape": "highest", "absent": True}),
    (C, CL, "Latest heart rate", {"shape": "latest", "absent": True}),
    (A, CL, "eGFR trend", {"shape": "trend", "absent": True}),
    (C, CL, "Latest polyp size", {"shape": "latest", "absent": True}),
    (A, CL, "Most recent DXA T-score", {"shape": "latest", "obs": "38265-5"}),
    (A, CL, "Polyp size on the colonoscopy", {"shape": "latest", "obs": "33756-8"}),
    (A, CL, "Has occult blood in stool been measured?", {"shape": "ever", "obs": "57905-2"}),
    # --- 2026-12-02: fresh questions, written before carepath answered any of them (split by hash) ---
    (A, CL, "When was his most recent colonoscopy?", {"shape": "latest", "type": "Procedure", "codes": ["73761001"],
                                                       "name": "Colonoscopy"}),
    (A, LAY, "how many colonoscopies have I had?", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (A, CL, "Date of clavicle fracture", {"shape": "date_of", "type": "Condition", "codes": ["58150001"]}),
    (A, LAY, "when did my broken collarbone heal?", {"shape": "date_of", "type": "Condition", "codes": ["58150001"],
                                                      "end": True}),
    (A, CL, "Pneumovax given?", {"shape": "ever", "type": "Immunization", "codes": ["33"]}),
    (A, CL, "Tetanus booster date?", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "Am I a smoker?", {"shape": "latest", "obs": "72166-2"}),
    (A, CL, "Is he married or single?", {"shape": "demographic", "field": "marital"}),
    (A, LAY, "where do I live?", {"shape": "demographic", "field": "city"}),
    (A, CL, "Any hx of cardiac arrest?", {"shape": "ever", "type": "Condition", "codes": ["410429000"]}),
    (A, CL, "Number of ER visits", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (A, LAY, "what was my heaviest weight?", {"shape": "highest", "obs": "29463-7"}),
    (A, CL, "BMI trend", {"shape": "trend", "obs": "39156-5"}),
    (A, CL, "Has he had a DEXA?", {"shape": "ever", "type": "Procedure", "codes": ["312681000"]}),
    (A, CL, "Which NSAID has he been prescribed?", {"shape": "latest", "type": "MedicationRequest",
                                                     "codes": ["310965"], "name": "Ibuprofen"}),
    (A, CL, "Systolic at his first visit on record", {"shape": "first", "obs": "55284-4", "comp": "8480-6"}),
    (A, CL, "How many flu vaccines has he received?", {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "Anaemia onset date", {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (A, LAY, "what's my BMI now", {"shape": "latest", "obs": "39156-5"}),
    (A, CL, "Most recent pain rating", {"shape": "latest", "obs": "72514-3"}),
    (A, LAY, "what was my blood sugar the very first time it was checked?", {"shape": "first", "obs": "2339-0"}),
    (C, CL, "Statin dose?", {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"],
                             "name": "Simvistatin 10 MG"}),
    (C, LAY, "when did I start on cholesterol tablets?", {"shape": "first", "type": "MedicationRequest",
                                                           "codes": ["316672"]}),
    (C, CL, "How many episodes of acute bronchitis?", {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (C, LAY, "when did I hurt my shoulder tendon?", {"shape": "date_of", "type": "Condition", "codes": ["307731004"]}),
    (C, CL, "Hyperlipidaemia diagnosed when?", {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (C, CL, "Highest potassium", {"shape": "highest", "obs": "6298-4"}),
    (C, CL, "Peak LDL and when", {"shape": "highest", "obs": "18262-6"}),
    (C, CL, "Glucose trend 2015-2019", {"shape": "trend", "obs": "2339-0", "window": ["2015-01-01", "2019-12-31"]}),
    (C, LAY, "how tall am I?", {"shape": "latest", "obs": "8302-2"}),
    (C, CL, "Pt's DOB", {"shape": "demographic", "field": "birthDate"}),
    (C, LAY, "am I married?", {"shape": "demographic", "field": "marital"}),
    (C, CL, "Number of follow-up visits", {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (C, CL, "Was a sputum sample ever sent?", {"shape": "ever", "type": "Procedure", "codes": ["269911007"]}),
    (C, LAY, "when was my last tetanus jab?", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (C, CL, "Lowest HDL", {"shape": "lowest", "obs": "2085-9"}),
    (C, CL, "ALT, most recent value", {"shape": "latest", "obs": "1742-6"}),
    (C, LAY, "how has my liver enzyme ALT changed over the years?", {"shape": "trend", "obs": "1742-6"}),
    (C, CL, "Cr trend", {"shape": "trend", "obs": "38483-4"}),
    (C, CL, "Any COPD on the problem list?", {"shape": "ever", "absent": True}),
    (C, LAY, "have I ever had a colonoscopy?", {"shape": "ever", "absent": True}),
    (C, CL, "Lowest diastolic", {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (C, LAY, "what was my kidney filtration rate at the last check?", {"shape": "latest", "obs": "33914-3"}),
    (C, CL, "Albumin first value", {"shape": "first", "obs": "1751-7"}),
    # --- 2026-12-02 batch 3: fresh again, written after batch 2's tune fixes and before carepath answered them ---
    (A, CL, "ICD in situ?", {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, CL, "Any imaging of the clavicle?", {"shape": "ever", "type": "ImagingStudy"}),
    (A, CL, "How many total cholesterol results are on file?", {"shape": "count", "obs": "2093-3"}),
    (A, CL, "Number of BMPs", {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (A, CL, "Date of last lipid panel", {"shape": "latest", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "when did I first get the pneumonia jab?", {"shape": "first", "type": "Immunization",
                                                          "codes": ["133", "33"]}),
    (A, CL, "Glucose in 2014", {"shape": "trend", "obs": "2339-0", "window": ["2014-01-01", "2014-12-31"]}),
    (A, CL, "Wt change since 2015", {"shape": "trend", "obs": "29463-7", "window": ["2015-01-01", "9999"]}),
    (A, LAY, "what's the most I've ever weighed?", {"shape": "highest", "obs": "29463-7"}),
    (A, CL, "Sinusitis episodes - how many?", {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (A, CL, "When did the colon polyp resolve?", {"shape": "date_of", "type": "Condition", "codes": ["68496003"],
                                                   "end": True}),
    (A, CL, "Latest Hct", {"shape": "latest", "obs": "4544-3"}),
    (A, CL, "MCV?", {"shape": "latest", "obs": "787-2"}),
    (A, CL, "Is obesity on his problem list?", {"shape": "ever", "type": "Condition", "codes": ["162864005"]}),
    (A, CL, "Onset of prediabetes", {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (A, LAY, "what date was I born?", {"shape": "demographic", "field": "birthDate"}),
    (A, CL, "Sex?", {"shape": "demographic", "field": "gender"}),
    (A, CL, "Last CBC date", {"shape": "latest", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, CL, "AST trend", {"shape": "trend", "obs": "1920-8"}),
    (C, CL, "Bilirubin max", {"shape": "highest", "obs": "1975-2"}),
    (C, LAY, "what was my protein level last time?", {"shape": "latest", "obs": "2885-2"}),
    (C, CL, "How many CMPs?", {"shape": "count", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (C, CL, "First lipid panel date", {"shape": "first", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (C, LAY, "when did I last see the doctor?", {"shape": "latest", "type": "Encounter"}),
    (C, CL, "Date of first encounter", {"shape": "first", "type": "Encounter"}),
    (C, LAY, "how many chest infections have I had?", {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (C, CL, "Is the hyperlipidemia still active?", {"shape": "list", "type": "Condition", "codes": ["55822004"],
                                                     "status": "active", "names": ["Hyperlipidemia"]}),
    (C, CL, "Simvastatin - how many prescriptions?", {"shape": "count", "type": "MedicationRequest",
                                                       "codes": ["316672"]}),
    (C, LAY, "did I ever take paracetamol?", {"shape": "ever", "type": "MedicationRequest", "codes": ["313782"]}),
    (C, CL, "Chloride, lowest value", {"shape": "lowest", "obs": "2069-3"}),
    (C, CL, "Ca 2016-2018", {"shape": "trend", "obs": "49765-1", "window": ["2016-01-01", "2018-12-31"]}),
    (C, LAY, "what's my bmi been doing", {"shape": "trend", "obs": "39156-5"}),
    (C, LAY, "have I had my pneumonia vaccine?", {"shape": "ever", "type": "Immunization", "codes": ["133", "33"]}),
    (C, CL, "Any ED attendances?", {"shape": "ever", "absent": True}),
    (C, CL, "Urea trend", {"shape": "trend", "obs": "6299-2"}),
    # --- 2026-12-02 batch 4: fresh again, written after batch 3's tune fixes and before carepath answered them ---
    (A, CL, "Hgb A1c trend", {"shape": "trend", "obs": "4548-4"}),
    (A, CL, "What vaccines has he had?", {"shape": "list", "type": "Immunization",
                                          "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (A, LAY, "what jabs have I had", {"shape": "list", "type": "Immunization",
                                      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (A, CL, "Resolved conditions", {"shape": "list", "type": "Condition", "status": "resolved",
                                    "names": ["Polyp of colon", "Viral sinusitis", "Fracture of clavicle"]}),
    (A, CL, "Temp?", {"shape": "latest", "absent": True}),
    (A, CL, "Creat peak", {"shape": "highest", "obs": "38483-4"}),
    (A, CL, "K+ lowest", {"shape": "lowest", "obs": "6298-4"}),
    (A, LAY, "how much did I weigh at my first visit?", {"shape": "first", "obs": "29463-7"}),
    (A, CL, "Platelets, first reading", {"shape": "first", "obs": "777-3"}),
    (A, LAY, "whats my blood pressure", {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (A, CL, "ppsv23 given when", {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (A, CL, "Fracture hx?", {"shape": "ever", "type": "Condition", "codes": ["58150001"]}),
    (A, LAY, "did I have a bone scan", {"shape": "ever", "type": "Procedure", "codes": ["312681000"]}),
    (A, CL, "How many med recs?", {"shape": "count", "type": "Procedure", "codes": ["430193006"]}),
    (A, LAY, "when did my heart stop", {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (A, CL, "Number of sinus infections", {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (A, LAY, "what's my good cholesterol been over the years", {"shape": "trend", "obs": "2085-9"}),
    (C, CL, "Globulin?", {"shape": "latest", "obs": "10834-0"}),
    (C, CL, "ALP trend", {"shape": "trend", "obs": "6768-6"}),
    (C, LAY, "how many times have I had the flu jab?", {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, CL, "Albumin nadir", {"shape": "lowest", "obs": "1751-7"}),
    (C, CL, "Hb A1c highest ever", {"shape": "highest", "obs": "4548-4"}),
    (C, LAY, "what is my weight now", {"shape": "latest", "obs": "29463-7"}),
    (C, CL, "Rotator cuff injury resolved when?", {"shape": "date_of", "type": "Condition", "codes": ["307731004"],
                                                    "end": True}),
    (C, CL, "Onset of anaemia", {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (C, LAY, "when was I told I had prediabetes", {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (C, CL, "Total chol lowest", {"shape": "lowest", "obs": "2093-3"}),
    (C, CL, "Trigs trend", {"shape": "trend", "obs": "2571-8"}),
    (C, LAY, "what meds am I on", {"shape": "list", "type": "MedicationRequest", "status": "active",
                                   "names": ["Simvistatin"]}),
    (C, CL, "Hx of bronchitis?", {"shape": "ever", "type": "Condition", "codes": ["10509002"]}),
    (C, CL, "Last acetaminophen script", {"shape": "latest", "type": "MedicationRequest", "codes": ["313782"],
                                          "name": "Acetaminophen"}),
    (C, LAY, "when did I have my sputum test", {"shape": "date_of", "type": "Procedure", "codes": ["269911007"]}),
    (C, CL, "Number of urgent care visits", {"shape": "count", "type": "Encounter", "codes": ["702927004"]}),
    (C, CL, "GFR lowest", {"shape": "lowest", "obs": "33914-3"}),
    (C, LAY, "how has my kidney function changed since 2016?", {"shape": "trend", "obs": "33914-3",
                                                                 "window": ["2016-01-01", "9999"]}),
    (C, CL, "Pain score highest", {"shape": "highest", "obs": "72514-3"}),
    (C, CL, "Any PFTs?", {"shape": "ever", "absent": True}),
    (C, CL, "Height first recorded", {"shape": "first", "obs": "8302-2"}),
    (C, LAY, "do I have high cholesterol?", {"shape": "ever", "type": "Condition", "codes": ["55822004"]}),
    # --- 2026-12-02 batch 5: fresh "ever" and "count" questions (the shapes the hash left thin in tune),
    # written after batch 4's tune fixes and before carepath answered them ---
    (A, LAY, "have I ever had a colonoscopy?", {"shape": "ever", "type": "Procedure", "codes": ["73761001"]}),
    (A, CL, "Prior polypectomy?", {"shape": "ever", "type": "Procedure", "codes": ["274031008"]}),
    (A, CL, "Ever had a Td?", {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "was I ever given ibuprofen?", {"shape": "ever", "type": "MedicationRequest", "codes": ["310965"]}),
    (A, CL, "Hx sinusitis?", {"shape": "ever", "type": "Condition", "codes": ["444814009"]}),
    (A, CL, "Colon polyp history?", {"shape": "ever", "type": "Condition", "codes": ["68496003"]}),
    (A, CL, "Any FOBT done?", {"shape": "ever", "type": "Procedure", "codes": ["1015401000000102"]}),
    (A, LAY, "have I been to the emergency room?", {"shape": "ever", "type": "Encounter", "cls": "EMER"}),
    (A, CL, "Was he ever obese?", {"shape": "ever", "type": "Condition", "codes": ["162864005"]}),
    (C, CL, "Any rotator cuff injury?", {"shape": "ever", "type": "Condition", "codes": ["307731004"]}),
    (C, LAY, "have I ever been on a statin?", {"shape": "ever", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, CL, "Sputum exam ever done?", {"shape": "ever", "type": "Procedure", "codes": ["269911007"]}),
    (C, LAY, "have I had anemia?", {"shape": "ever", "type": "Condition", "codes": ["271737000"]}),
    (C, CL, "Td booster given?", {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (A, CL, "How many BMI readings?", {"shape": "count", "obs": "39156-5"}),
    (A, LAY, "how many times have I had my blood pressure taken?", {"shape": "count", "obs": "55284-4"}),
    (A, CL, "Count of immunizations", {"shape": "count", "type": "Immunization"}),
    (A, CL, "How many procedures?", {"shape": "count", "type": "Procedure"}),
    (C, CL, "Number of A1c measurements", {"shape": "count", "obs": "4548-4"}),
    (C, LAY, "how many times was my cholesterol checked?", {"shape": "count", "obs": "2093-3"}),
    (C, CL, "How many encounters in total?", {"shape": "count", "type": "Encounter"}),
    (C, CL, "Number of conditions on file", {"shape": "count", "type": "Condition"}),
    (C, LAY, "how many vaccines have I had?", {"shape": "count", "type": "Immunization"}),
    (C, CL, "How many statin prescriptions", {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, CL, "Number of GFR results", {"shape": "count", "obs": "33914-3"}),
    # --- 2026-12-02 batch 6: fresh again (counts, reports, visits, care plans, precision), written after
    # batch 5's tune fixes and before carepath answered them ---
    (A, CL, "Care plans on file", {"shape": "list", "type": "CarePlan",
                                   "names": ["Diabetes self management plan", "Fracture care"]}),
    (C, LAY, "what care plans am I on right now?", {"shape": "list", "type": "CarePlan", "status": "active",
                                                    "names": ["Diabetes self management plan",
                                                              "Hyperlipidemia clinical management plan"]}),
    (A, CL, "How many lipid panels?", {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (C, LAY, "how many full blood counts have I had?", {"shape": "count", "type": "DiagnosticReport",
                                                         "codes": ["58410-2"]}),
    (C, CL, "Date of most recent BMP", {"shape": "latest", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (A, CL, "When was the CBC first done?", {"shape": "first", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (A, LAY, "how many times have I been to A&E?", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, CL, "Number of clinic visits in total", {"shape": "count", "type": "Encounter", "cls": "AMB"}),
    (A, CL, "How many general exams?", {"shape": "count", "type": "Encounter", "codes": ["162673000"]}),
    (C, LAY, "how many check ups have I had", {"shape": "count", "type": "Encounter", "codes": ["185349003"]}),
    (A, CL, "Count of conditions", {"shape": "count", "type": "Condition"}),
    (C, CL, "How many medication orders?", {"shape": "count", "type": "MedicationRequest"}),
    (A, LAY, "how many times has my weight been recorded?", {"shape": "count", "obs": "29463-7"}),
    (C, CL, "No. of potassium results", {"shape": "count", "obs": "6298-4"}),
    (C, LAY, "how many times has my sodium been tested?", {"shape": "count", "obs": "2947-0"}),
    (A, CL, "How many HbA1c values since 2015?", {"shape": "count", "obs": "4548-4", "window": ["2015-01-01", "9999"]}),
    (C, CL, "How many pain scores recorded?", {"shape": "count", "obs": "72514-3"}),
    (C, CL, "Date of the last Td", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, CL, "Earliest recorded BMI", {"shape": "first", "obs": "39156-5"}),
    (C, LAY, "what was my highest ever sugar reading", {"shape": "highest", "obs": "2339-0"}),
    (C, CL, "eGFR nadir and date", {"shape": "lowest", "obs": "33914-3"}),
    (A, CL, "Most recent MCHC", {"shape": "latest", "obs": "786-4"}),
    (C, CL, "RDW?", {"shape": "latest", "obs": "21000-5"}),
    (A, LAY, "have I had a chest x-ray?", {"shape": "ever", "absent": True}),
    (C, CL, "Any hospital admissions?", {"shape": "ever", "absent": True}),
    (A, CL, "Ortho admission date", {"shape": "date_of", "type": "Procedure", "codes": ["305428000"]}),
    # --- 2026-12-02 batch 7: fresh again (windows, families, lists), written after batch 6's tune fixes
    # and before carepath answered them ---
    (A, LAY, "what was my sugar level back in 2012?", {"shape": "trend", "obs": "2339-0",
                                                        "window": ["2012-01-01", "2012-12-31"]}),
    (A, CL, "Creatinine 2010-2013", {"shape": "trend", "obs": "38483-4", "window": ["2010-01-01", "2013-12-31"]}),
    (A, LAY, "when was my bone density test?", {"shape": "date_of", "type": "Procedure", "codes": ["312681000"]}),
    (A, CL, "Last pneumococcal vaccine", {"shape": "latest", "type": "Immunization", "codes": ["33", "133"]}),
    (A, CL, "How many Td doses?", {"shape": "count", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "how tall was I at my last visit", {"shape": "latest", "obs": "8302-2"}),
    (A, CL, "Date of cardiac arrest", {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (A, CL, "BUN lowest", {"shape": "lowest", "obs": "6299-2"}),
    (A, CL, "Chloride peak", {"shape": "highest", "obs": "2069-3"}),
    (A, LAY, "has my kidney function ever been checked?", {"shape": "ever", "obs": "38483-4"}),
    (A, LAY, "what was my bmi the first time?", {"shape": "first", "obs": "39156-5"}),
    (C, CL, "Bicarb trend", {"shape": "trend", "obs": "20565-8"}),
    (C, LAY, "what was my cholesterol when it was first checked", {"shape": "first", "obs": "2093-3"}),
    (C, CL, "Last AST", {"shape": "latest", "obs": "1920-8"}),
    (C, CL, "HDL change since 2015", {"shape": "trend", "obs": "2085-9", "window": ["2015-01-01", "9999"]}),
    (C, CL, "Total protein lowest", {"shape": "lowest", "obs": "2885-2"}),
    (C, CL, "Weight in 2018", {"shape": "trend", "obs": "29463-7", "window": ["2018-01-01", "2018-12-31"]}),
    (C, CL, "Med rec dates", {"shape": "list", "type": "Procedure", "codes": ["430193006"],
                              "names": ["Medication Reconciliation"]}),
    (C, CL, "Albumin trend 2012-2016", {"shape": "trend", "obs": "1751-7", "window": ["2012-01-01", "2016-12-31"]}),
    (C, CL, "Potassium at first draw", {"shape": "first", "obs": "6298-4"}),
    (C, CL, "Is he on simvastatin?", {"shape": "list", "type": "MedicationRequest", "codes": ["316672"],
                                      "status": "active", "names": ["Simvistatin"]}),
    # --- 2026-12-02 evening batch 8: fresh again (a new session; liver tests, vitals components, procedures,
    # conditions, brand names, demographics), written before carepath answered them ---
    (A, LAY, "what was my blood sugar the very first time it was tested?", {"shape": "first", "obs": "2339-0"}),
    (C, CL, "Peak ALT", {"shape": "highest", "obs": "1742-6"}),
    (C, LAY, "whats my liver enzyme ALT at the moment", {"shape": "latest", "obs": "1742-6"}),
    (C, CL, "Alk phos most recent", {"shape": "latest", "obs": "6768-6"}),
    (C, LAY, "has my bilirubin ever been measured?", {"shape": "ever", "obs": "1975-2"}),
    (A, CL, "Calcium low point", {"shape": "lowest", "obs": "49765-1"}),
    (A, LAY, "how much did I weigh last time they checked", {"shape": "latest", "obs": "29463-7"}),
    (C, CL, "Heaviest recorded weight", {"shape": "highest", "obs": "29463-7"}),
    (A, CL, "Systolic most recent", {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (C, LAY, "what was the bottom number of my blood pressure last time",
     {"shape": "latest", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "Basic metabolic panels, how many?", {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (C, CL, "Comprehensive metabolic panels on file - how many?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, LAY, "did I ever have a colonoscopy", {"shape": "ever", "type": "Procedure", "codes": ["73761001"]}),
    (A, CL, "Date of last colonoscopy", {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (A, CL, "Polypectomy date?", {"shape": "date_of", "type": "Procedure", "codes": ["274031008"]}),
    (C, LAY, "have I ever had bronchitis", {"shape": "ever", "type": "Condition", "codes": ["10509002"]}),
    (C, CL, "Onset of hyperlipidemia", {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (A, CL, "When was the clavicle fracture?", {"shape": "date_of", "type": "Condition", "codes": ["58150001"]}),
    (A, LAY, "how many times have I had a sinus infection", {"shape": "count", "type": "Condition",
                                                              "codes": ["444814009"]}),
    (C, CL, "How many times was Tylenol prescribed?", {"shape": "count", "type": "MedicationRequest",
                                                        "codes": ["313782"]}),
    (A, CL, "Any anticoagulants?", {"shape": "ever", "absent": True}),
    (C, LAY, "does he have a pacemaker or any heart device", {"shape": "ever", "absent": True}),
    (C, CL, "Current tobacco use status", {"shape": "latest", "obs": "72166-2"}),
    (A, LAY, "whats my pain score been lately", {"shape": "latest", "obs": "72514-3"}),
    (C, CL, "Max pain score and when", {"shape": "highest", "obs": "72514-3"}),
    (A, CL, "eGFR?", {"shape": "latest", "absent": True}),
    (C, CL, "Globulin first value", {"shape": "first", "obs": "10834-0"}),
    (C, LAY, "what was my protein level in 2014", {"shape": "trend", "obs": "2885-2",
                                                    "window": ["2014-01-01", "2014-12-31"]}),
    (A, CL, "Hct trend", {"shape": "trend", "obs": "4544-3"}),
    (C, CL, "MCV lowest", {"shape": "lowest", "obs": "787-2"}),
    (A, LAY, "when did I last get a tetanus shot", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "how many flu vaccines altogether", {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "is he married?", {"shape": "demographic", "field": "marital"}),
    (C, LAY, "where does he live", {"shape": "demographic", "field": "city"}),
    (A, CL, "DOB", {"shape": "demographic", "field": "birthDate"}),
    (C, CL, "First HDL", {"shape": "first", "obs": "2085-9"}),
    (A, CL, "Any ED visits?", {"shape": "ever", "type": "Encounter", "cls": "EMER"}),
    (C, LAY, "when was my last follow up appointment", {"shape": "latest", "type": "Encounter",
                                                         "codes": ["390906007"]}),
    (A, CL, "T-score on DEXA", {"shape": "latest", "obs": "38265-5"}),
    # --- batch 9 (2026-12-03): written from the bundles' JSON in a new session, frozen before carepath
    # answered any of them: chemistry and vitals in other words, onset dates, procedures, vaccines,
    # prescriptions, visits, demographics, things the record does not hold ---
    (A, CL, "BUN last value", {"shape": "latest", "obs": "6299-2"}),
    (C, LAY, "what was my urea level the first time they checked it", {"shape": "first", "obs": "6299-2"}),
    (A, CL, "CO2 lowest and date", {"shape": "lowest", "obs": "20565-8"}),
    (C, CL, "Bicarb most recent", {"shape": "latest", "obs": "20565-8"}),
    (A, LAY, "how tall am I according to my records", {"shape": "latest", "obs": "8302-2"}),
    (C, CL, "BMI peak", {"shape": "highest", "obs": "39156-5"}),
    (A, CL, "Chloride trend", {"shape": "trend", "obs": "2069-3"}),
    (C, LAY, "has my liver AST test gone up or down", {"shape": "trend", "obs": "1920-8"}),
    (C, CL, "Total bili highest", {"shape": "highest", "obs": "1975-2"}),
    (A, CL, "RBC count latest", {"shape": "latest", "obs": "789-8"}),
    (C, CL, "Platelets lowest", {"shape": "lowest", "obs": "777-3"}),
    (A, LAY, "my first ever A1C reading", {"shape": "first", "obs": "4548-4"}),
    (C, CL, "How many eGFR results?", {"shape": "count", "obs": "33914-3"}),
    (C, LAY, "what's the lowest my kidney filtration rate has been", {"shape": "lowest", "obs": "33914-3"}),
    (A, CL, "Diastolic highest", {"shape": "highest", "obs": "55284-4", "comp": "8462-4"}),
    (C, LAY, "how heavy was I at my first visit", {"shape": "first", "obs": "29463-7"}),
    (A, CL, "Serum Ca most recent", {"shape": "latest", "obs": "49765-1"}),
    (C, CL, "Number of lipid panels", {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, CL, "Polyp size", {"shape": "latest", "obs": "33756-8"}),
    (A, LAY, "have I ever had a cardiac arrest", {"shape": "ever", "type": "Condition", "codes": ["410429000"]}),
    (A, CL, "Anemia onset date", {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (C, CL, "When did the rotator cuff injury happen?", {"shape": "date_of", "type": "Condition",
                                                          "codes": ["307731004"]}),
    (C, LAY, "how many times have I had bronchitis", {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (A, CL, "Prediabetes - when diagnosed?", {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (C, LAY, "is high cholesterol on my list of problems", {"shape": "ever", "type": "Condition",
                                                             "codes": ["55822004"]}),
    (A, CL, "Number of colonoscopies", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (A, LAY, "when did I have my bone density scan", {"shape": "latest", "type": "Procedure", "codes": ["312681000"]}),
    (C, CL, "Sputum exam date", {"shape": "date_of", "type": "Procedure", "codes": ["269911007"]}),
    (A, CL, "Clavicle x-ray date", {"shape": "date_of", "type": "Procedure", "codes": ["168594001"]}),
    (A, CL, "PPSV23 given?", {"shape": "ever", "type": "Immunization", "codes": ["33"]}),
    (C, LAY, "when did I get the pneumonia jab", {"shape": "latest", "type": "Immunization", "codes": ["133", "33"]}),
    (A, CL, "First flu vaccine date", {"shape": "first", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "Ibuprofen prescribed when?", {"shape": "latest", "type": "MedicationRequest", "codes": ["310965"]}),
    (C, LAY, "how many times was I prescribed my statin", {"shape": "count", "type": "MedicationRequest",
                                                           "codes": ["316672"]}),
    (C, CL, "Urgent care visits, how many?", {"shape": "count", "type": "Encounter", "codes": ["702927004"]}),
    (A, LAY, "when did I last go to the emergency room", {"shape": "latest", "type": "Encounter", "cls": "EMER"}),
    (C, CL, "Sex?", {"shape": "demographic", "field": "gender"}),
    (A, LAY, "what language do I speak according to the chart", {"shape": "demographic", "field": "language"}),
    (C, CL, "Birthplace", {"shape": "demographic", "field": "birthPlace"}),
    (C, CL, "Any insulin?", {"shape": "ever", "absent": True}),
    (A, LAY, "have I ever had a stroke", {"shape": "ever", "absent": True}),
    (C, CL, "TSH latest", {"shape": "latest", "absent": True}),
    # --- batch 10 (2026-12-03): written from the bundles' JSON in a new session, frozen before carepath
    # answered any of them; new voices: a GP reading a referral, a pharmacist, a nurse at handover, a coder,
    # and patients or relatives on a portal (typos, no punctuation); every shape, three things not held ---
    (C, CL, "Referral says dyslipidaemia - when was it first coded?", {"shape": "date_of", "type": "Condition",
                                                                      "codes": ["55822004"]}),
    (A, CL, "Referral mentions a colonic polyp; date it was removed?", {"shape": "date_of", "type": "Procedure",
                                                                        "codes": ["274031008"]}),
    (C, CL, "For the referral letter: most recent triglyceride level", {"shape": "latest", "obs": "2571-8"}),
    (A, CL, "Referral: date of the bone density scan", {"shape": "date_of", "type": "Procedure",
                                                        "codes": ["312681000"]}),
    (C, CL, "Current statin and strength?", {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"],
                                             "name": "Simvistatin 10 MG"}),
    (C, CL, "First paracetamol script date", {"shape": "first", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, CL, "Any opioids prescribed?", {"shape": "ever", "absent": True}),
    (C, CL, "On aspirin?", {"shape": "ever", "absent": True}),
    (A, CL, "NSAID ever prescribed?", {"shape": "ever", "type": "MedicationRequest", "codes": ["310965"]}),
    (A, CL, "Handover: last BP", {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "Handover - last weight", {"shape": "latest", "obs": "29463-7"}),
    (A, CL, "First pain score on record", {"shape": "first", "obs": "72514-3"}),
    (C, CL, "Lowest pain score", {"shape": "lowest", "obs": "72514-3"}),
    (A, CL, "Falls assessment: any previous fractures?", {"shape": "ever", "type": "Condition", "codes": ["58150001"]}),
    (A, CL, "Active problem list for coding", {"shape": "list", "type": "Condition", "status": "active",
                                               "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity",
                                                         "Prediabetes", "Anemia"]}),
    (C, CL, "Resolved problems", {"shape": "list", "type": "Condition", "status": "resolved",
                                  "names": ["Viral sinusitis", "Acute bronchitis", "rotator cuff"]}),
    (A, CL, "Number of check-up encounters", {"shape": "count", "type": "Encounter", "codes": ["185349003"]}),
    (A, CL, "Date of the ER admission", {"shape": "date_of", "type": "Encounter", "codes": ["50849002"]}),
    (C, CL, "Number of resolved conditions", {"shape": "count", "type": "Condition", "status": "resolved"}),
    (A, CL, "WBC trend", {"shape": "trend", "obs": "6690-2"}),
    (A, CL, "Triglycerides in 2014", {"shape": "trend", "obs": "2571-8", "window": ["2014-01-01", "2014-12-31"]}),
    (C, CL, "Number of LDL results since 2015", {"shape": "count", "obs": "18262-6", "window": ["2015-01-01", "9999"]}),
    (A, CL, "Hep C screening done?", {"shape": "ever", "absent": True}),
    (C, LAY, "whats my dads cholestrol now", {"shape": "latest", "obs": "2093-3"}),
    (A, LAY, "when was dad last seen by the doctor", {"shape": "latest", "type": "Encounter"}),
    (C, LAY, "has my husband ever been told he has high cholestrol", {"shape": "ever", "type": "Condition",
                                                                      "codes": ["55822004"]}),
    (A, LAY, "what did my bone scan show", {"shape": "latest", "obs": "38265-5"}),
    (C, LAY, "wats my blood sugar been doing", {"shape": "trend", "obs": "2339-0"}),
    (A, LAY, "my top blood pressure number whats the highest its been", {"shape": "highest", "obs": "55284-4",
                                                                          "comp": "8480-6"}),
    (C, LAY, "how many times was my potasium checked", {"shape": "count", "obs": "6298-4"}),
    (A, LAY, "when did i get my first pnuemonia shot", {"shape": "first", "type": "Immunization",
                                                        "codes": ["133", "33"]}),
    (C, LAY, "did i ever have physio for my shoulder", {"shape": "ever", "type": "CarePlan", "codes": ["91251008"]}),
    (C, LAY, "whats the lowest my triglycerides have been", {"shape": "lowest", "obs": "2571-8"}),
    (A, LAY, "is dad on any medicines at the moment", {"shape": "absent_list", "type": "MedicationRequest",
                                                       "status": "active"}),
    (C, LAY, "has dad had the shingles jab", {"shape": "ever", "absent": True}),
    (A, LAY, "what race is he down as", {"shape": "demographic", "field": "race"}),
    (C, LAY, "where was my husband born", {"shape": "demographic", "field": "birthPlace"}),
    (A, LAY, "when did my sinus infection clear up last time", {"shape": "date_of", "type": "Condition",
                                                                "codes": ["444814009"], "end": True}),
    (C, LAY, "when did his breathing therapy finish", {"shape": "date_of", "type": "CarePlan", "codes": ["53950000"]}),
    (A, LAY, "when was his last tetnus shot", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "what was my sodium the last time", {"shape": "latest", "obs": "2947-0"}),
    (C, LAY, "has he still got anemia", {"shape": "ever", "type": "Condition", "codes": ["271737000"],
                                         "status": "active"}),
    (A, LAY, "whens the last time they did his cholesterol bloods", {"shape": "latest", "type": "DiagnosticReport",
                                                                      "codes": ["57698-3"]}),
    (C, LAY, "whats his ethnicity on file", {"shape": "demographic", "field": "ethnicity"}),
    (A, LAY, "does he have any allergys", {"shape": "ever", "absent": True}),
    # --- batch 11 (2026-12-03): written from the bundles' JSON in a new session, frozen before carepath
    # answered any of them; new voices: an ED triage nurse, a discharge coordinator, a prior-auth clerk, a
    # medical student on rounds, a teenager asking about a parent, a non-native English speaker, dictation
    # with filler words, two typos; weighted to "ever" (held and not held), "count" and demographics ---
    (A, CL, "Triage: ever had a cardiac arrest before?", {"shape": "ever", "type": "Condition",
                                                          "codes": ["410429000"]}),
    (A, CL, "Triage - does he have an implanted defibrillator?", {"shape": "list", "type": "Device",
                                                                  "names": ["Implantable defibrillator"]}),
    (C, CL, "Triage nurse: any known drug allergies?", {"shape": "ever", "absent": True}),
    (C, CL, "ED triage, last recorded weight for dosing", {"shape": "latest", "obs": "29463-7"}),
    (A, CL, "Triage - number of previous ED attendances", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, CL, "Discharge planning: is he still on the hyperlipidemia care plan?", {"shape": "ever", "type": "CarePlan",
                                                                                 "codes": ["736285004"]}),
    (A, CL, "Discharge check: how many medication reconciliations so far?", {"shape": "count", "type": "Procedure",
                                                                             "codes": ["430193006"]}),
    (C, CL, "For the discharge summary, marital status please", {"shape": "demographic", "field": "marital"}),
    (A, CL, "Discharge transport: which town does he live in?", {"shape": "demographic", "field": "city"}),
    (C, CL, "Prior authorization form - patient date of birth?", {"shape": "demographic", "field": "birthDate"}),
    (A, CL, "Prior auth for a repeat colonoscopy: how many has he had already?", {"shape": "count",
                                                                                   "type": "Procedure",
                                                                                   "codes": ["73761001"]}),
    (C, CL, "Prior auth requires a hyperlipidemia diagnosis - has he ever had one?", {"shape": "ever",
                                                                                      "type": "Condition",
                                                                                      "codes": ["55822004"]}),
    (C, CL, "For my presentation: how many complete blood counts are on file?", {"shape": "count",
                                                                                  "type": "DiagnosticReport",
                                                                                  "codes": ["58410-2"]}),
    (A, CL, "Rounds: is his prediabetes still active?", {"shape": "ever", "type": "Condition", "codes": ["15777000"],
                                                         "status": "active"}),
    (C, CL, "Med student here - how many creatinine results does he have?", {"shape": "count", "obs": "38483-4"}),
    (A, CL, "On rounds, what ethnicity is documented?", {"shape": "demographic", "field": "ethnicity"}),
    (A, LAY, "did my dad ever break a bone", {"shape": "ever", "type": "Condition", "codes": ["58150001"]}),
    (C, LAY, "how old is my dad??", {"shape": "demographic", "field": "birthDate"}),
    (C, LAY, "has my dad ever had a colonoscopy or whatever", {"shape": "ever", "absent": True}),
    (A, LAY, "how many times has my dad had the flu shot lol", {"shape": "count", "type": "Immunization",
                                                                 "codes": ["140"]}),
    (C, LAY, "is my dad on cholesterol pills rn", {"shape": "list", "type": "MedicationRequest", "codes": ["316672"],
                                                   "status": "active", "names": ["Simvistatin"]}),
    (A, LAY, "is my dad a smoker", {"shape": "latest", "obs": "72166-2"}),
    (C, LAY, "what year was my dad born", {"shape": "demographic", "field": "birthDate"}),
    (C, LAY, "How many time I have blood sugar test please?", {"shape": "count", "obs": "2339-0"}),
    (A, LAY, "I am have sinus infection how many time before?", {"shape": "count", "type": "Condition",
                                                                 "codes": ["444814009"]}),
    (C, LAY, "Please, the vaccine for tetanus, which day I was give it?", {"shape": "latest", "type": "Immunization",
                                                                         "codes": ["113"]}),
    (A, LAY, "Which language is write for me in the record?", {"shape": "demographic", "field": "language"}),
    (C, LAY, "My kidney number eGFR, it is go down or go up?", {"shape": "trend", "obs": "33914-3"}),
    (C, CL, "um, so, what was his, uh, his last potassium", {"shape": "latest", "obs": "6298-4"}),
    (A, CL, "so, uh, has he ever had, um, a pneumococcal vaccine", {"shape": "ever", "type": "Immunization",
                                                                     "codes": ["133", "33"]}),
    (C, CL, "um, so, how many, uh, follow-up visits for his lipids", {"shape": "count", "type": "Encounter",
                                                                       "codes": ["390906007"]}),
    (A, CL, "okay so um what was his, uh, lowest A1c", {"shape": "lowest", "obs": "4548-4"}),
    (C, LAY, "has my husbnd ever had bronchitus", {"shape": "ever", "type": "Condition", "codes": ["10509002"]}),
    (A, LAY, "how meny colonoscopys have I had", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "Highest Cr recorded and when?", {"shape": "highest", "obs": "38483-4"}),
    (C, LAY, "what was my bilirubin the first time", {"shape": "first", "obs": "1975-2"}),
    (A, CL, "Date of the emergency visit for the cardiac arrest", {"shape": "date_of", "type": "Encounter",
                                                                   "codes": ["410429000"]}),
    (C, LAY, "when did my sinus infection start", {"shape": "date_of", "type": "Condition", "codes": ["444814009"]}),
    (A, LAY, "was I ever put on a statin", {"shape": "ever", "absent": True}),
    (C, CL, "History of chronic kidney disease?", {"shape": "ever", "absent": True}),
    (A, LAY, "do I have osteoporosis", {"shape": "ever", "absent": True}),
    (C, LAY, "how many times did they weigh me", {"shape": "count", "obs": "29463-7"}),
    (C, CL, "Patient's race?", {"shape": "demographic", "field": "race"}),
    (A, LAY, "what sex am I listed as", {"shape": "demographic", "field": "gender"}),
    (A, CL, "Any CMP on file?", {"shape": "ever", "absent": True}),
    (A, LAY, "have I ever had antibiotics", {"shape": "ever", "absent": True}),
    (A, LAY, "how many pneumonia vaccines did I get", {"shape": "count", "type": "Immunization",
                                                       "codes": ["133", "33"]}),
    # --- batch 12 (2026-12-03): written from the bundles' JSON in a new session, frozen before carepath
    # answered any of them; new voices: a pre-op anaesthetist, a dentist before treatment, a school nurse
    # (volunteer form), a physiotherapist, a hospice nurse, a locum covering a clinic, an elderly patient
    # writing formally, a carer in text-speak, mixed British/American spelling; weighted to "ever" (held
    # and not held: h/o, previously, is there a record of) and demographics (held, and two not held) ---
    (A, CL, "Pre-op: any h/o anaemia?", {"shape": "ever", "type": "Condition", "codes": ["271737000"]}),
    (C, CL, "Anaesthetic pre-assessment: is there a record of asthma or COPD?", {"shape": "ever", "absent": True}),
    (A, CL, "Anaesthetist asking - has he previously been obese?", {"shape": "ever", "type": "Condition",
                                                                     "codes": ["162864005"]}),
    (C, CL, "Pre-operative assessment: latest BMI for the anaesthetic chart", {"shape": "latest", "obs": "39156-5"}),
    (A, CL, "Pre-op: ethnicity for the anaesthetic record", {"shape": "demographic", "field": "ethnicity"}),
    (C, CL, "Dental check before an extraction: is he taking any blood thinners?", {"shape": "ever", "absent": True}),
    (A, CL, "Before dental work: has he previously been given ibuprofen?", {"shape": "ever",
                                                                            "type": "MedicationRequest",
                                                                            "codes": ["310965"]}),
    (C, CL, "Dental chart: is he currently on a statin?", {"shape": "ever", "type": "MedicationRequest",
                                                           "codes": ["316672"], "status": "active"}),
    (A, CL, "Pt age for the dental chart?", {"shape": "demographic", "field": "birthDate"}),
    (C, CL, "School nurse, volunteer form for a pupil's grandfather: has he had a tetanus vaccine?",
     {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (C, CL, "Physio referral: any previous shoulder injury?", {"shape": "ever", "type": "Condition",
                                                               "codes": ["307731004"]}),
    (C, CL, "Physio here - has he had physiotherapy before?", {"shape": "ever", "type": "CarePlan",
                                                               "codes": ["91251008"]}),
    (A, CL, "Physio: h/o collarbone fracture?", {"shape": "ever", "type": "Condition", "codes": ["58150001"]}),
    (C, CL, "Physio: highest pain score recorded, and when?", {"shape": "highest", "obs": "72514-3"}),
    (A, CL, "Hospice admission: what are his active diagnoses?", {"shape": "list", "type": "Condition",
                                                                   "status": "active",
                                                                   "names": ["Cardiac Arrest",
                                                                             "History of cardiac arrest",
                                                                             "obesity", "Prediabetes", "Anemia"]}),
    (C, CL, "Hospice intake: is he on any regular medication?", {"shape": "list", "type": "MedicationRequest",
                                                                 "status": "active", "names": ["Simvistatin"]}),
    (A, CL, "Hospice nurse: is there a record of any malignancy?", {"shape": "ever", "absent": True}),
    (C, CL, "Hospice nurse - has he ever been on morphine?", {"shape": "ever", "absent": True}),
    (A, CL, "Hospice paperwork: patient's place of birth?", {"shape": "demographic", "field": "birthPlace"}),
    (C, CL, "Hospice: number of encounters for symptoms", {"shape": "count", "type": "Encounter",
                                                           "codes": ["185345009"]}),
    (C, CL, "Locum covering today: when was he last seen for his cholesterol follow-up?",
     {"shape": "latest", "type": "Encounter", "codes": ["390906007"]}),
    (A, CL, "Locum: how many HbA1c results since 2016?", {"shape": "count", "obs": "4548-4",
                                                          "window": ["2016-01-01", "9999"]}),
    (C, CL, "Locum here; is the hyperlipidaemia still an active problem?", {"shape": "ever", "type": "Condition",
                                                                          "codes": ["55822004"],
                                                                          "status": "active"}),
    (C, CL, "Locum: preferred language - does he need an interpreter?", {"shape": "demographic",
                                                                         "field": "language"}),
    (A, LAY, "Dear Doctor, I should be grateful if you would tell me whether I have ever received the "
             "pneumococcal vaccination.", {"shape": "ever", "type": "Immunization", "codes": ["133", "33"]}),
    (C, LAY, "Would you kindly confirm the date upon which I was born, as recorded in my file?",
     {"shape": "demographic", "field": "birthDate"}),
    (A, LAY, "I wish to enquire whether my records show any heart failure.", {"shape": "ever", "absent": True}),
    (C, LAY, "Might you tell me under what marital status I am registered?", {"shape": "demographic",
                                                                              "field": "marital"}),
    (C, LAY, "I should like to know whether I have ever been diagnosed with bronchitis.",
     {"shape": "ever", "type": "Condition", "codes": ["10509002"]}),
    (A, LAY, "Would you be so good as to tell me my recorded race?", {"shape": "demographic", "field": "race"}),
    (A, LAY, "hi im his carer, has he evr had a fall n broke sumthin?", {"shape": "ever", "type": "Condition",
                                                                          "codes": ["58150001"]}),
    (C, LAY, "carer here - wot meds is he on atm", {"shape": "list", "type": "MedicationRequest",
                                                    "status": "active", "names": ["Simvistatin"]}),
    (A, LAY, "is he alergic 2 anythin?", {"shape": "ever", "absent": True}),
    (C, LAY, "carer here, hw old is he pls", {"shape": "demographic", "field": "birthDate"}),
    (A, LAY, "does he hav epilepsy or fits", {"shape": "ever", "absent": True}),
    (C, LAY, "When was my husband's hyperlipidaemia first diagnosed at the health center?",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (A, LAY, "whats my haemoglobin level, my anemia doctor wants to know", {"shape": "latest", "obs": "718-7"}),
    (A, LAY, "when was dad admitted to the orthopaedic ward from the ER", {"shape": "date_of", "type": "Procedure",
                                                                            "codes": ["305428000"]}),
    (A, CL, "h/o polyp of colon?", {"shape": "ever", "type": "Condition", "codes": ["68496003"]}),
    (C, CL, "Ever been treated for pneumonia?", {"shape": "ever", "absent": True}),
    (A, LAY, "has he ever had a blood transfusion", {"shape": "ever", "absent": True}),
    (C, CL, "Patient occupation?", {"shape": "ever", "absent": True}),
    (A, LAY, "what religion am i down as", {"shape": "ever", "absent": True}),
    (A, LAY, "what is the lowest systolic reading I have had", {"shape": "lowest", "obs": "55284-4",
                                                                 "comp": "8480-6"}),
    (C, LAY, "has my a1c got better or worse", {"shape": "trend", "obs": "4548-4"}),
    (A, LAY, "when did his fracture care finish", {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"]}),
    (C, LAY, "was i ever diagnosed with prediabetes", {"shape": "ever", "type": "Condition", "codes": ["15777000"]}),
    (A, LAY, "whats my home town on file", {"shape": "demographic", "field": "city"}),
    (C, LAY, "any record of me ever having gout", {"shape": "ever", "absent": True}),
    # --- batch 13 (2026-12-03): written from the bundles' JSON in a new session, frozen before carepath
    # answered any of them; new voices: an occupational health nurse, a clinical trial coordinator checking
    # eligibility, a GP receptionist, a pharmacist doing a medication review, a radiographer before a scan,
    # an ambulance crew handing over, a relative who is a doctor abroad, a voice assistant ("Hey, show
    # me ..."); every shape, windows by year only, units and thresholds in the wording, eight not held ---
    (A, CL, "Occupational health: date of his most recent influenza immunisation?", {"shape": "latest",
                                                                                    "type": "Immunization",
                                                                                    "codes": ["140"]}),
    (C, CL, "OH nurse, fitness-to-work review: when was his tetanus immunisation given?",
     {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, CL, "Occ health screening: has he ever been a smoker?", {"shape": "latest", "obs": "72166-2"}),
    (C, CL, "Occupational health assessment - any hepatitis B immunisation on file?", {"shape": "ever",
                                                                                       "absent": True}),
    (A, CL, "Trial eligibility requires HbA1c under 6.5% - what was his most recent value?",
     {"shape": "latest", "obs": "4548-4"}),
    (C, CL, "Lipid trial screening: highest LDL-C recorded in mg/dL, with the date", {"shape": "highest",
                                                                                       "obs": "18262-6"}),
    (A, CL, "Study exclusion criteria: any history of malignancy or stroke?", {"shape": "ever", "absent": True}),
    (C, CL, "Eligibility check: number of eGFR measurements since 2016", {"shape": "count", "obs": "33914-3",
                                                                           "window": ["2016-01-01", "9999"]}),
    (A, CL, "Trial coordinator: is prediabetes an active problem for this participant?",
     {"shape": "ever", "type": "Condition", "codes": ["15777000"], "status": "active"}),
    (C, CL, "For the trial screening log, what ethnicity is the participant recorded as?",
     {"shape": "demographic", "field": "ethnicity"}),
    (A, LAY, "Receptionist here - when did he last come in for an appointment?", {"shape": "latest",
                                                                                   "type": "Encounter"}),
    (C, LAY, "Front desk: can you confirm his date of birth before I book him?", {"shape": "demographic",
                                                                                  "field": "birthDate"}),
    (A, LAY, "Reception - which town is on his address?", {"shape": "demographic", "field": "city"}),
    (C, LAY, "Booking his annual review: how many follow-up appointments has he had so far?",
     {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, LAY, "Reception: how many annual physicals has he had with us?", {"shape": "count", "type": "Encounter",
                                                                           "codes": ["162673000"]}),
    (C, CL, "Medication review: what strength of simvastatin is he on?", {"shape": "latest",
                                                                          "type": "MedicationRequest",
                                                                          "codes": ["316672"],
                                                                          "name": "Simvistatin 10 MG"}),
    (A, CL, "Pharmacy med review: any repeat prescriptions currently active?", {"shape": "absent_list",
                                                                               "type": "MedicationRequest",
                                                                               "status": "active"}),
    (C, CL, "Pharmacist review: when was paracetamol last prescribed?", {"shape": "latest",
                                                                         "type": "MedicationRequest",
                                                                         "codes": ["313782"]}),
    (C, CL, "Pharmacist: has he ever been on a PPI such as omeprazole?", {"shape": "ever", "absent": True}),
    (C, CL, "Medication review - date simvastatin was started", {"shape": "first", "type": "MedicationRequest",
                                                                 "codes": ["316672"]}),
    (A, CL, "Radiographer here, MRI safety screen - is there an implanted device?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, CL, "Radiographer: any previous imaging on file for him?", {"shape": "ever", "absent": True}),
    (A, CL, "Before the DEXA: when was his last bone density scan?", {"shape": "latest", "type": "Procedure",
                                                                      "codes": ["312681000"]}),
    (A, CL, "Radiography: what date was the collarbone x-ray taken?", {"shape": "date_of", "type": "Procedure",
                                                                        "codes": ["168594001"]}),
    (C, CL, "Pre-contrast check: latest creatinine in mg/dL", {"shape": "latest", "obs": "38483-4"}),
    (A, CL, "Ambulance handover: 79-yo male, known cardiac arrest - when was that?",
     {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (C, CL, "Crew handover - last recorded BP, systolic please", {"shape": "latest", "obs": "55284-4",
                                                                  "comp": "8480-6"}),
    (A, CL, "Paramedics asking: is he allergic to any medication?", {"shape": "ever", "absent": True}),
    (C, CL, "I'm his son, a physician overseas - what has his LDL done since 2015?",
     {"shape": "trend", "obs": "18262-6", "window": ["2015-01-01", "9999"]}),
    (A, CL, "His daughter here, I practise medicine abroad: what was his nadir haemoglobin?",
     {"shape": "lowest", "obs": "718-7"}),
    (C, CL, "Family member (a doctor in Canada): when did his shoulder tendon injury resolve?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (A, LAY, "Hey, show me my cholesterol results from 2014", {"shape": "trend", "obs": "2093-3",
                                                                "window": ["2014-01-01", "2014-12-31"]}),
    (C, LAY, "Hey assistant, show me my weight history", {"shape": "trend", "obs": "29463-7"}),
    (A, LAY, "Hey, show me my flu shots", {"shape": "list", "type": "Immunization", "codes": ["140"],
                                           "names": ["Influenza"]}),
    (C, LAY, "Hey, what's my good cholesterol at the moment?", {"shape": "latest", "obs": "2085-9"}),
    (A, LAY, "Hey, show me my potassium from 2016 onwards", {"shape": "trend", "obs": "6298-4",
                                                             "window": ["2016-01-01", "9999"]}),
    (C, LAY, "Hey, show me my blood oxygen level", {"shape": "latest", "absent": True}),
    (A, LAY, "what was my lowest blood sugar ever and when?", {"shape": "lowest", "obs": "2339-0"}),
    (C, LAY, "how many times did my triglycerides get tested", {"shape": "count", "obs": "2571-8"}),
    (A, LAY, "did I ever get the tetanus jab and when", {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "when was my polyp taken out?", {"shape": "date_of", "type": "Procedure", "codes": ["274031008"]}),
    (C, LAY, "what was my kidney function the very first time it was measured", {"shape": "first",
                                                                                  "obs": "33914-3"}),
    (A, LAY, "am I a widower?", {"shape": "demographic", "field": "marital"}),
    (A, LAY, "do I have sleep apnoea?", {"shape": "ever", "absent": True}),
    (C, LAY, "what was my weight in 2017, in kg", {"shape": "trend", "obs": "29463-7",
                                                   "window": ["2017-01-01", "2017-12-31"]}),
    (C, LAY, "how many blood sugar tests have I had since 2015", {"shape": "count", "obs": "2339-0",
                                                                  "window": ["2015-01-01", "9999"]}),
    (A, LAY, "whats the highest my bottom blood pressure number has been", {"shape": "highest", "obs": "55284-4",
                                                                             "comp": "8462-4"}),
    # --- batch 14 (2026-12-03): written from the bundles' JSON in a new session, frozen before carepath
    # answered any of them; new voices: a cardiologist in clinic shorthand, a dietitian, a midwife-style
    # warm phrasing ("love", "pet"), a social worker, a medical interpreter relaying a family's question,
    # a patient pasting a question with a greeting and sign-off, questions in all capitals, abbreviations
    # separated by slashes; every shape, windows by year only, one thing asked per question ---
    (C, CL, "Cards clinic: last LDL?", {"shape": "latest", "obs": "18262-6"}),
    (A, CL, "Cardiology f/u - ICD in situ?", {"shape": "list", "type": "Device",
                                              "names": ["Implantable defibrillator"]}),
    (A, CL, "Cards: AF on the problem list?", {"shape": "ever", "absent": True}),
    (A, CL, "Cardio review: SBP trend since 2015", {"shape": "trend", "obs": "55284-4", "comp": "8480-6",
                                                    "window": ["2015-01-01", "9999"]}),
    (C, CL, "Lipid clinic: peak TG?", {"shape": "highest", "obs": "2571-8"}),
    (A, CL, "Cardiology: date of the arrest?", {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (C, CL, "Cards clinic: DBP trend 2012-2016", {"shape": "trend", "obs": "55284-4", "comp": "8462-4",
                                                  "window": ["2012-01-01", "2016-12-31"]}),
    (C, CL, "Cardiology: most recent echo ejection fraction?", {"shape": "latest", "absent": True}),
    (C, CL, "PMH: HTN/DM/CKD?", {"shape": "ever", "absent": True}),
    (C, CL, "Dietitian review: what was his weight at the first visit on file?", {"shape": "first",
                                                                                  "obs": "29463-7"}),
    (C, CL, "Dietetics: lowest BMI recorded?", {"shape": "lowest", "obs": "39156-5"}),
    (A, CL, "Dietitian: is there a diabetes self-management plan in place?", {"shape": "ever", "type": "CarePlan",
                                                                              "codes": ["698360004"]}),
    (C, CL, "Nutrition assessment: serum albumin the first time it was measured", {"shape": "first",
                                                                                   "obs": "1751-7"}),
    (C, CL, "Dietitian here - how many HbA1c results since 2017?", {"shape": "count", "obs": "4548-4",
                                                                     "window": ["2017-01-01", "9999"]}),
    (C, CL, "Dietitian: is coeliac disease documented?", {"shape": "ever", "absent": True}),
    (C, CL, "Dietitian: total cholesterol at its lowest, and the date", {"shape": "lowest", "obs": "2093-3"}),
    (A, LAY, "And how's your sugar been lately, pet - what did the last A1c say?", {"shape": "latest",
                                                                                    "obs": "4548-4"}),
    (C, LAY, "Alright my love, and when was your last jab for the flu?", {"shape": "latest",
                                                                          "type": "Immunization",
                                                                          "codes": ["140"]}),
    (A, LAY, "Bless you, and have you ever had your bones scanned, love?", {"shape": "ever",
                                                                            "type": "Procedure",
                                                                            "codes": ["312681000"]}),
    (C, CL, "Social work assessment: what is his recorded marital status?", {"shape": "demographic",
                                                                             "field": "marital"}),
    (A, CL, "Social worker home visit: which language is recorded for him?", {"shape": "demographic",
                                                                              "field": "language"}),
    (A, CL, "Social work referral: number of emergency attendances on record", {"shape": "count",
                                                                                "type": "Encounter",
                                                                                "cls": "EMER"}),
    (A, CL, "Social work: current problem list", {"shape": "list", "type": "Condition", "status": "active",
                                                  "names": ["Cardiac Arrest", "History of cardiac arrest",
                                                            "obesity", "Prediabetes", "Anemia"]}),
    (A, LAY, "I'm interpreting for his niece: she asks when his collarbone was broken",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"]}),
    (C, LAY, "Interpreter speaking: the family want to know if he is still taking the cholesterol tablet",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["316672"], "status": "active"}),
    (C, LAY, "Interpreting for his daughter - she is asking how many times he had bronchitis",
     {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (A, LAY, "Hi there, quick question: when was my last colonoscopy? Thanks, Tom", {"shape": "latest",
                                                                                      "type": "Procedure",
                                                                                      "codes": ["73761001"]}),
    (C, LAY, "Hello doctor, could you tell me what my last kidney blood test (eGFR) showed? Many thanks, Bill",
     {"shape": "latest", "obs": "33914-3"}),
    (A, LAY, "Good morning! What was my highest blood pressure top number? Kind regards",
     {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (C, LAY, "hi, when was the urgent care visit I had? cheers", {"shape": "date_of", "type": "Encounter",
                                                                  "codes": ["702927004"]}),
    (C, LAY, "WHEN DID I START ON SIMVASTATIN", {"shape": "first", "type": "MedicationRequest",
                                                 "codes": ["316672"]}),
    (A, LAY, "HOW MANY COLONOSCOPIES HAVE I HAD", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "LATEST POTASSIUM PLEASE", {"shape": "latest", "obs": "6298-4"}),
    (A, LAY, "IS THERE A RECORD OF ME HAVING A STROKE", {"shape": "ever", "absent": True}),
    (C, CL, "Statin monitoring: ALT trend since 2016", {"shape": "trend", "obs": "1742-6",
                                                        "window": ["2016-01-01", "9999"]}),
    (A, LAY, "when did my sinus infection clear up the last time", {"shape": "date_of", "type": "Condition",
                                                                    "codes": ["444814009"], "index": -1,
                                                                    "end": True}),
    (C, LAY, "did I have physio for my shoulder", {"shape": "ever", "type": "CarePlan", "codes": ["91251008"]}),
    (A, LAY, "what's my height in cm", {"shape": "latest", "obs": "8302-2"}),
    # --- batch 15 (2026-12-03): written from the bundles' JSON in a new session, frozen before carepath
    # answered any of them; new voices: an urgent-care doctor in a hurry, a care-home manager, a lawyer's
    # paralegal requesting records (formal), a sports physician, a teenager about themself, questions with
    # emoji or exclamation marks, dates written as 30/03/2015, 07/19/2019, 04/04/2016 or "March 2014" ---
    (C, CL, "UC doc, slammed - last K+ value, quick", {"shape": "latest", "obs": "6298-4"}),
    (A, CL, "Urgent care, no time: any active meds?", {"shape": "absent_list", "type": "MedicationRequest",
                                                        "status": "active"}),
    (C, CL, "Walk-in, in a rush: date of his most recent tetanus-diphtheria shot?", {"shape": "latest",
                                                                                    "type": "Immunization",
                                                                                    "codes": ["113"]}),
    (C, CL, "UCC, busy shift - on warfarin? y/n", {"shape": "ever", "absent": True}),
    (C, CL, "Urgent care: how many potassium results since 01/01/2018?", {"shape": "count", "obs": "6298-4",
                                                                          "window": ["2018-01-01", "9999"]}),
    (C, LAY, "Care home manager here - for our admission file, what is his date of birth?",
     {"shape": "demographic", "field": "birthDate"}),
    (A, LAY, "Care home admission form: does he have any allergies we should know about?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, LAY, "Residential home manager: how many pneumonia vaccines has he been given?",
     {"shape": "count", "type": "Immunization", "codes": ["133", "33"]}),
    (C, LAY, "Nursing home manager asking: what does he weigh now, in kilos?", {"shape": "latest",
                                                                                "obs": "29463-7"}),
    (A, LAY, "On behalf of our client, we request confirmation of the date on which he attended the emergency "
             "department following the collarbone injury.", {"shape": "date_of", "type": "Encounter",
                                                              "codes": ["50849002"]}),
    (C, LAY, "Pursuant to our records request, please state the number of prescriptions issued for simvastatin.",
     {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "Kindly confirm the date on which a polyp of the colon was first recorded in our client's file.",
     {"shape": "date_of", "type": "Condition", "codes": ["68496003"], "index": 0}),
    (C, LAY, "Records request: please identify every condition recorded as resolved in the client's medical "
             "record.", {"shape": "list", "type": "Condition", "status": "resolved",
                         "names": ["Viral sinusitis", "Acute bronchitis", "rotator cuff"]}),
    (C, LAY, "We should be obliged if you would confirm the patient's recorded place of birth.",
     {"shape": "demographic", "field": "birthPlace"}),
    (A, LAY, "Please confirm whether the medical record contains any diagnosis of dementia.",
     {"shape": "ever", "absent": True}),
    (C, CL, "Sports physician: when was the physical therapy plan for his shoulder completed?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"]}),
    (A, CL, "Sports medicine clearance: BMI at his most recent visit?", {"shape": "latest", "obs": "39156-5"}),
    (C, CL, "Sports med pre-participation: lowest systolic on file?", {"shape": "lowest", "obs": "55284-4",
                                                                        "comp": "8480-6"}),
    (A, CL, "Sports medicine history: any previous fracture?", {"shape": "ever", "type": "Condition",
                                                                 "codes": ["58150001"]}),
    (A, CL, "Sports physician: any history of ACL or knee ligament injury?", {"shape": "ever", "absent": True}),
    (C, LAY, "tbh whats my bmi rn", {"shape": "latest", "obs": "39156-5"}),
    (A, LAY, "wait have i literally ever had a tetanus shot??", {"shape": "ever", "type": "Immunization",
                                                                  "codes": ["113"]}),
    (C, LAY, "ok so when did i get my first ever flu jab lol", {"shape": "first", "type": "Immunization",
                                                                 "codes": ["140"]}),
    (C, LAY, "ugh how many times have i had to see someone for a follow up", {"shape": "count", "type": "Encounter",
                                                                               "codes": ["390906007"]}),
    (A, LAY, "What was my blood sugar at my last check-up? \U0001f64f", {"shape": "latest", "obs": "2339-0"}),
    (C, LAY, "How many times have I been to urgent care?! \U0001f629", {"shape": "count", "type": "Encounter",
                                                                         "codes": ["702927004"]}),
    (A, LAY, "Has my weight gone up or down!? \U0001f914", {"shape": "trend", "obs": "29463-7"}),
    (C, LAY, "My statin!!! When was it last prescribed?!", {"shape": "latest", "type": "MedicationRequest",
                                                            "codes": ["316672"]}),
    (A, CL, "Potassium on 30/03/2015?", {"shape": "latest", "obs": "6298-4",
                                         "window": ["2015-03-30", "2015-03-30"]}),
    (C, CL, "LDL result from 07/19/2019", {"shape": "latest", "obs": "18262-6",
                                           "window": ["2019-07-19", "2019-07-19"]}),
    (A, LAY, "what was my glucose on 04/04/2016", {"shape": "latest", "obs": "2339-0",
                                                   "window": ["2016-04-04", "2016-04-04"]}),
    (A, LAY, "What was my total cholesterol in March 2014?", {"shape": "latest", "obs": "2093-3",
                                                              "window": ["2014-03-01", "2014-03-31"]}),
    (C, LAY, "how much did I weigh in July 2016?", {"shape": "latest", "obs": "29463-7",
                                                    "window": ["2016-07-01", "2016-07-31"]}),
    # --- batch 16 (2026-12-03): written from the bundles' JSON in a new session, frozen before carepath
    # answered any of them; new voices: a nurse practitioner writing SOAP-style "S:/O:" fragments, a health
    # visitor, an insurance underwriter, a researcher abstracting a chart, a hard-of-hearing grandparent in
    # capitals with double spaces, an anxious patient in long run-on sentences, a telehealth triage script ---
    (A, CL, "S: f/u prediabetes. O: most recent A1c?", {"shape": "latest", "obs": "4548-4"}),
    (C, CL, "S: 73M annual. O: last ALT -", {"shape": "latest", "obs": "1742-6"}),
    (A, CL, "S: pt c/o calf swelling. O: any hx of DVT?", {"shape": "ever", "absent": True}),
    (C, CL, "O: highest HDL on file", {"shape": "highest", "obs": "2085-9"}),
    (A, CL, "A/P: number of colonoscopies to date", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "Health visitor calling in: is he still taking the simvastatin?",
     {"shape": "list", "type": "MedicationRequest", "codes": ["316672"], "status": "active",
      "names": ["Simvistatin"]}),
    (A, LAY, "Health visitor home check: is there a hearing aid recorded for him?", {"shape": "ever",
                                                                                    "absent": True}),
    (C, LAY, "Health visitor: when was his flu jab last given?", {"shape": "latest", "type": "Immunization",
                                                                   "codes": ["140"]}),
    (A, LAY, "Health visitor: which care plans has he got open at the moment?",
     {"shape": "list", "type": "CarePlan", "status": "active", "names": ["Diabetes self management plan"]}),
    (C, LAY, "Health visitor notes: is he married?", {"shape": "demographic", "field": "marital"}),
    (A, CL, "Underwriting: onset date of the cardiac arrest diagnosis.", {"shape": "date_of", "type": "Condition",
                                                                          "codes": ["410429000"]}),
    (C, CL, "Underwriting: total number of lipid panels performed.", {"shape": "count", "type": "DiagnosticReport",
                                                                       "codes": ["57698-3"]}),
    (A, CL, "Underwriter query: any history of cancer or malignancy?", {"shape": "ever", "absent": True}),
    (C, CL, "Underwriting: tobacco status at the most recent assessment.", {"shape": "latest", "obs": "72166-2"}),
    (A, CL, "Chart abstraction: triglycerides at first measurement (value and date)", {"shape": "first",
                                                                                        "obs": "2571-8"}),
    (C, CL, "Abstraction form item 7: peak BUN recorded", {"shape": "highest", "obs": "6299-2"}),
    (A, CL, "Abstractor: number of HbA1c measurements between 2012 and 2016 inclusive",
     {"shape": "count", "obs": "4548-4", "window": ["2012-01-01", "2016-12-31"]}),
    (C, CL, "Data abstraction: BMI trajectory over the whole record", {"shape": "trend", "obs": "39156-5"}),
    (A, CL, "Abstraction: nadir creatinine with date", {"shape": "lowest", "obs": "38483-4"}),
    (A, LAY, "HOW  MANY  FLU  JABS  HAVE  I  HAD", {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "WHAT  IS  MY  BLOOD  PRESSURE  BOTTOM  NUMBER", {"shape": "latest", "obs": "55284-4",
                                                               "comp": "8462-4"}),
    (A, LAY, "AM  I  ALLERGIC  TO  PENICILLIN", {"shape": "ever", "absent": True}),
    (A, LAY, "WHAT  WAS  MY  BONE  DENSITY  SCAN  RESULT", {"shape": "latest", "obs": "38265-5"}),
    (C, LAY, "I've been so worried and I keep thinking about it and my wife says I shouldn't but I need to know "
             "what my kidney number the eGFR was the very first time they tested it because I think it's been "
             "going down", {"shape": "first", "obs": "33914-3"}),
    (A, LAY, "sorry I know this is probably silly but I can't sleep and I keep wondering when it was that they "
             "first wrote down that I had anaemia, was it a long time ago, nobody told me",
     {"shape": "date_of", "type": "Condition", "codes": ["271737000"], "index": 0}),
    (C, LAY, "I'm really anxious because my dad had a stroke and I want to know if I have ever had a stroke or "
             "anything like that written in my notes, please tell me honestly", {"shape": "ever", "absent": True}),
    (A, LAY, "ok so I was reading online and now I'm panicking a bit, how many times have they actually checked "
             "my blood sugar over the years, is it a lot, should I be worried", {"shape": "count",
                                                                                 "obs": "2339-0"}),
    (C, CL, "Q1: Patient on any blood thinners? (Y/N)", {"shape": "ever", "absent": True}),
    (A, CL, "Q2: Date of last Td booster?", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (C, CL, "Q3: Most recent weight (kg)?", {"shape": "latest", "obs": "29463-7"}),
    (A, CL, "Q4: Any prior ER admission? If yes, date.", {"shape": "ever", "type": "Encounter",
                                                          "codes": ["50849002"]}),
    (C, LAY, "Q5: Have you ever been treated for a chest infection such as bronchitis?",
     {"shape": "ever", "type": "Condition", "codes": ["10509002"]}),
    (A, LAY, "Q6: What was your potassium level in 2017?", {"shape": "latest", "obs": "6298-4",
                                                             "window": ["2017-01-01", "2017-12-31"]}),
    # --- batch 17 (2026-12-03): written from the bundles' JSON in a new session, frozen before carepath
    # answered any of them; new voices: a hospital pharmacist reconciling on admission, a clinical coder
    # asking about dates, Australian and Indian English idioms, a patient who states the answer and asks to
    # confirm it, questions with negation, a relative asking about a parent in the third person, no pronoun ---
    (A, CL, "Admission med rec (pharmacy): any current outpatient prescriptions to reconcile?",
     {"shape": "absent_list", "type": "MedicationRequest", "status": "active"}),
    (C, CL, "Pharmacy admission reconciliation: which statin is currently prescribed?",
     {"shape": "list", "type": "MedicationRequest", "codes": ["316672"], "status": "active",
      "names": ["Simvistatin"]}),
    (C, CL, "Pharmacist reconciling on admission: date the simvastatin was last prescribed",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, CL, "Pharmacist admission check: any anticoagulant on the chart?", {"shape": "ever", "absent": True}),
    (A, CL, "Coding query: date of the clavicle fracture diagnosis", {"shape": "date_of", "type": "Condition",
                                                                       "codes": ["58150001"]}),
    (C, CL, "Clinical coder: onset date recorded for the hyperlipidaemia code?",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (A, CL, "Coder: on what date was the colon polyp coded?", {"shape": "date_of", "type": "Condition",
                                                               "codes": ["68496003"]}),
    (C, CL, "Coding: what date was the rotator cuff injury entered?", {"shape": "date_of", "type": "Condition",
                                                                       "codes": ["307731004"]}),
    (A, CL, "Coder query: date of the rectal polypectomy", {"shape": "latest", "type": "Procedure",
                                                            "codes": ["274031008"]}),
    (A, LAY, "what was me last sugar reading, mate?", {"shape": "latest", "obs": "2339-0"}),
    (C, LAY, "Reckon my cholesterol's gone up heaps - what was the total cholesterol first time round?",
     {"shape": "first", "obs": "2093-3"}),
    (C, LAY, "Kindly do the needful and tell me my latest HDL value", {"shape": "latest", "obs": "2085-9"}),
    (A, LAY, "Please tell me how many times my creatinine test was done till date", {"shape": "count",
                                                                                     "obs": "38483-4"}),
    (C, LAY, "Doctor, my chloride reading is coming how much last time?", {"shape": "latest", "obs": "2069-3"}),
    (A, LAY, "my last A1c was 6.1 right?", {"shape": "latest", "obs": "4548-4"}),
    (C, LAY, "I think my weight last time was about 90 kilos, is that right?", {"shape": "latest",
                                                                                 "obs": "29463-7"}),
    (A, LAY, "I had my collarbone x-ray in 2016, yeah?", {"shape": "ever", "type": "Procedure",
                                                          "codes": ["168594001"]}),
    (C, LAY, "pretty sure I've only had the one tetanus shot, correct?", {"shape": "count", "type": "Immunization",
                                                                            "codes": ["113"]}),
    (A, CL, "Has he never had a pneumonia vaccine?", {"shape": "ever", "type": "Immunization",
                                                      "codes": ["133", "33"]}),
    (C, CL, "Has the patient never attended urgent care?", {"shape": "ever", "type": "Encounter",
                                                            "codes": ["702927004"]}),
    (A, CL, "Is it true he has never been prescribed ibuprofen?", {"shape": "ever", "type": "MedicationRequest",
                                                                   "codes": ["310965"]}),
    (C, LAY, "I haven't ever had a colonoscopy, have I?", {"shape": "ever", "absent": True}),
    (A, LAY, "Father's latest weight?", {"shape": "latest", "obs": "29463-7"}),
    (C, LAY, "Father's most recent blood pressure top number?", {"shape": "latest", "obs": "55284-4",
                                                                  "comp": "8480-6"}),
    (A, LAY, "Grandad's highest blood sugar reading ever?", {"shape": "highest", "obs": "2339-0"}),
    (C, LAY, "Dad's lowest potassium on record and when?", {"shape": "lowest", "obs": "6298-4"}),
    (C, CL, "Globulin trend since first measured", {"shape": "trend", "obs": "10834-0"}),
    (A, CL, "How many chloride results between 2014 and 2016?", {"shape": "count", "obs": "2069-3",
                                                                  "window": ["2014-01-01", "2016-12-31"]}),
    (C, CL, "Sputum exam ever sent?", {"shape": "ever", "type": "Procedure", "codes": ["269911007"]}),
    (A, CL, "Admission form demographics: place of birth?", {"shape": "demographic", "field": "birthPlace"}),
    (C, LAY, "Father's first language, what's on file?", {"shape": "demographic", "field": "language"}),
    (A, LAY, "has he ever had a knee replacement?", {"shape": "ever", "absent": True}),
    (C, CL, "Coder: has an MCV ever been resulted, and when last?", {"shape": "ever", "obs": "787-2"}),
    # --- batch 18 (2026-12-03): written from the bundles' JSON in a new session, frozen before carepath
    # answered any of them; new voices: a GP registrar presenting to a supervisor, a patient's adult child
    # arranging home care, a nurse doing a falls assessment, a date range mixed with a value ("highest BP
    # in 2016"), questions starting with "Quick q:" ---
    (C, CL, "Registrar presenting to my supervisor: this gentleman's most recent eGFR was what?",
     {"shape": "latest", "obs": "33914-3"}),
    (C, CL, "GP registrar case presentation - how has his ALT moved over the readings we have?",
     {"shape": "trend", "obs": "1742-6"}),
    (A, CL, "Presenting to my supervisor: when did he have the bone density scan?",
     {"shape": "latest", "type": "Procedure", "codes": ["312681000"]}),
    (A, CL, "Falls assessment: what was his last bone density T-score?", {"shape": "latest", "obs": "38265-5"}),
    (C, CL, "Nurse falls risk screen: pain score at the last obs?", {"shape": "latest", "obs": "72514-3"}),
    (A, CL, "Falls assessment - lowest haemoglobin recorded, and on what date?",
     {"shape": "lowest", "obs": "718-7"}),
    (A, CL, "Falls risk review: any history of cardiac arrest?", {"shape": "ever", "type": "Condition",
                                                                "codes": ["410429000"]}),
    (C, CL, "Highest BP in 2016 (systolic)?", {"shape": "highest", "obs": "55284-4", "comp": "8480-6",
                                               "window": ["2016-01-01", "2016-12-31"]}),
    (A, CL, "Quick q: how many flu jabs has he had in total?", {"shape": "count", "type": "Immunization",
                                                               "codes": ["140"]}),
    (C, CL, "Quick q: peak alkaline phosphatase and date?", {"shape": "highest", "obs": "6768-6"}),
    (C, LAY, "I'm arranging home care for my dad - what was his last albumin level?",
     {"shape": "latest", "obs": "1751-7"}),
    (A, LAY, "Sorting out carers for my father at home, how many times has he been seen in the ER?",
     {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, LAY, "Setting up home help for Dad: has he ever been prescribed paracetamol (acetaminophen)?",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, LAY, "The home care agency wants Dad's height, what's the latest on file?",
     {"shape": "latest", "obs": "8302-2"}),
    (C, LAY, "Quick q: what was my bilirubin at the last blood test?", {"shape": "latest", "obs": "1975-2"}),
    (A, LAY, "What was my highest BMI between 2010 and 2015?", {"shape": "highest", "obs": "39156-5",
                                                               "window": ["2010-01-01", "2015-12-31"]}),
    (C, LAY, "has anyone ever counted my platelets?", {"shape": "ever", "obs": "777-3"}),
    (A, LAY, "When did I do the stool test for hidden blood?", {"shape": "latest", "type": "Procedure",
                                                               "codes": ["1015401000000102"]}),
    (C, LAY, "my total protein in the blood - what did it show the very first time?",
     {"shape": "first", "obs": "2885-2"}),
    (A, LAY, "Quick q: have I had a hip replacement?", {"shape": "ever", "absent": True}),
    (C, LAY, "What was my lowest bottom blood pressure number in 2015?", {"shape": "lowest", "obs": "55284-4",
                                                                         "comp": "8462-4",
                                                                         "window": ["2015-01-01", "2015-12-31"]}),
    # --- batch 19 (2026-12-03 late morning): written from the bundles' JSON in a new session, frozen before
    # carepath answered any of them; new voices: an optometrist, an insurance/utilisation-review nurse, a
    # public health contact tracer, a podiatrist, a blood-donation screener, a locum typing in a
    # hurry with typos, a research abstractor's "n=?" shorthand, a British-slang patient ("proper knackered",
    # "ta", "camera up the bum"), wrong-but-close lay terms ("creatine", "triglycerines", "spit test", "iron
    # count"), negated tag questions ("..., right?", "have I?"), month dates written two ways ("Aug 2018",
    # "2014-03", "Jan 2013 to 2016-12") ---
    (C, CL, "Optometry referral for diabetic eye screening - his most recent HbA1c?",
     {"shape": "latest", "obs": "4548-4"}),
    (A, CL, "Optometrist reviewing the fundi: lowest diastolic on file, and the date?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (C, CL, "Optometry: latest intraocular pressure?", {"shape": "latest", "absent": True}),
    (C, CL, "UR nurse reviewing the claim: how many urgent care encounters does the member have?",
     {"shape": "count", "type": "Encounter", "codes": ["702927004"]}),
    (A, CL, "Insurance nurse reviewer: date of the orthopaedic admission being claimed?",
     {"shape": "date_of", "type": "Procedure", "codes": ["305428000"]}),
    (A, CL, "Insurance clinical reviewer: list the member's active conditions",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (C, CL, "Payer nurse review: is the hyperlipidemia management plan still active?",
     {"shape": "ever", "type": "CarePlan", "codes": ["736285004"], "status": "active"}),
    (C, CL, "Contact tracer: which town is his home address in?", {"shape": "demographic", "field": "city"}),
    (A, CL, "Public health follow-up: any documented tuberculosis?", {"shape": "ever", "absent": True}),
    (C, CL, "LDL-C 2014-2017, n=?", {"shape": "count", "obs": "18262-6", "window": ["2014-01-01", "2017-12-31"]}),
    (A, CL, "locum, v rushed - pts last creatnine??", {"shape": "latest", "obs": "38483-4"}),
    (C, CL, "locum rushing: date of his lst folow-up visit?", {"shape": "latest", "type": "Encounter",
                                                                "codes": ["390906007"]}),
    (A, CL, "K+ drawn in 2014-03?", {"shape": "latest", "obs": "6298-4", "window": ["2014-03-01", "2014-03-31"]}),
    (C, CL, "Glucose trend Jan 2013 to 2016-12", {"shape": "trend", "obs": "2339-0",
                                                  "window": ["2013-01-01", "2016-12-31"]}),
    (C, CL, "Podiatry before nail surgery: first HbA1c on file, value and date?", {"shape": "first",
                                                                                   "obs": "4548-4"}),
    (A, CL, "Blood donation screen: most recent haemoglobin?", {"shape": "latest", "obs": "718-7"}),
    (C, LAY, "I've been proper knackered - what was me iron count, the haemoglobin, last time?",
     {"shape": "latest", "obs": "718-7"}),
    (A, LAY, "bit gutted about my cholesterol - what was the total when they last did it, ta?",
     {"shape": "latest", "obs": "2093-3"}),
    (A, LAY, "cheers - when did I first have the camera up the bum?", {"shape": "first", "type": "Procedure",
                                                                      "codes": ["73761001"]}),
    (C, LAY, "what was my creatine level last time?", {"shape": "latest", "obs": "38483-4"}),
    (C, LAY, "when did they send off my spit test?", {"shape": "date_of", "type": "Procedure",
                                                      "codes": ["269911007"]}),
    (C, LAY, "what's the highest my triglycerines have ever been?", {"shape": "highest", "obs": "2571-8"}),
    (C, LAY, "he's never been to A&E, right?", {"shape": "ever", "absent": True}),
    (A, LAY, "I've never had a tetanus jab, have I?", {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "For my life insurance form: which conditions are still active on my record?",
     {"shape": "list", "type": "Condition", "status": "active", "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (C, LAY, "when did my second bout of bronchitis clear up?", {"shape": "date_of", "type": "Condition",
                                                                 "codes": ["10509002"], "index": 1, "end": True}),
    (A, LAY, "is my pain getting better or worse over the years?", {"shape": "trend", "obs": "72514-3"}),
    (A, LAY, "the optician asked - do I have glaucoma on my record?", {"shape": "ever", "absent": True}),
    (C, LAY, "what was my weight in Aug 2018?", {"shape": "latest", "obs": "29463-7",
                                                 "window": ["2018-08-01", "2018-08-31"]}),
    (A, LAY, "how many times was my sugar checked between Mar 2012 and 2015-12?",
     {"shape": "count", "obs": "2339-0", "window": ["2012-03-01", "2015-12-31"]}),
    (A, LAY, "my good cholesterol, the HDL - what was it the very first time?", {"shape": "first", "obs": "2085-9"}),
    # --- batch 20 (2026-12-03 midday): written from the bundles' JSON in a new session, frozen before carepath
    # answered any of them; new voices: a ward clerk reading the chart aloud, a clinical pharmacist doing a
    # renal-dosing check (Cockcroft-Gault weight), a sleep clinic nurse, a wife texting with autocorrect slips
    # ("station *statin", "suger", "heel up"), a medical student in full textbook terms (glycated haemoglobin,
    # aspartate aminotransferase activity), Spanish-influenced English from a son or daughter ("my papa", "how
    # much he weighs"), the year put first ("In 2013, ..."), "as of <date>", two-word lower-case queries, units
    # in the wording (kg, mg/dL), value-and-date asked together; four things the record does not hold ---
    (C, CL, "Ward clerk reading the front sheet aloud for the consultant: date of birth as recorded?",
     {"shape": "demographic", "field": "birthDate"}),
    (A, CL, "Ward clerk, reading his notes out to the team - the Td booster went in on what date?",
     {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (C, CL, "Clinical pharmacist, renal dosing check before I verify the order: most recent serum creatinine?",
     {"shape": "latest", "obs": "38483-4"}),
    (C, CL, "Renal dose adjustment review: lowest eGFR since 2016 and the date it was drawn?",
     {"shape": "lowest", "obs": "33914-3", "window": ["2016-01-01", "9999"]}),
    (A, CL, "Pharmacist doing a Cockcroft-Gault: latest body weight in kg?", {"shape": "latest", "obs": "29463-7"}),
    (A, CL, "Sleep clinic nurse, pre-assessment: most recent BMI?", {"shape": "latest", "obs": "39156-5"}),
    (C, CL, "Sleep clinic intake: any diagnosis of obstructive sleep apnoea on file?",
     {"shape": "ever", "absent": True}),
    (A, CL, "Medical student: what is the patient's most recent glycated haemoglobin fraction?",
     {"shape": "latest", "obs": "4548-4"}),
    (C, CL, "Medical student on the wards: what was the maximal serum aspartate aminotransferase activity "
            "recorded, and on which date?", {"shape": "highest", "obs": "1920-8"}),
    (A, CL, "Medical student presenting: on what date was the 23-valent pneumococcal polysaccharide vaccine "
            "administered?", {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (A, CL, "In 2013, what was his HbA1c?", {"shape": "latest", "obs": "4548-4",
                                             "window": ["2013-01-01", "2013-12-31"]}),
    (C, CL, "As of 31 Dec 2015, what was his most recent LDL?", {"shape": "latest", "obs": "18262-6",
                                                                   "window": ["1900-01-01", "2015-12-31"]}),
    (A, CL, "last TSH", {"shape": "latest", "absent": True}),
    (C, CL, "bilirubin trend", {"shape": "trend", "obs": "1975-2"}),
    (A, CL, "platelets lowest", {"shape": "lowest", "obs": "777-3"}),
    (A, CL, "Serum creatinine in mg/dL at the April 2019 visit?", {"shape": "latest", "obs": "38483-4",
                                                                   "window": ["2019-04-01", "2019-04-30"]}),
    (C, CL, "Sleep clinic nurse: has he ever had an HIV test?", {"shape": "ever", "absent": True}),
    (C, LAY, "its his wife - when did my husband start the station? *statin sorry autocorrect",
     {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, LAY, "wife here, whats my husbands latest blood suger? the dr said it was fine",
     {"shape": "latest", "obs": "2339-0"}),
    (C, LAY, "when did my husbands rotator cuff heel up", {"shape": "date_of", "type": "Condition",
                                                          "codes": ["307731004"], "end": True}),
    (A, LAY, "In 2017, what was my LDL?", {"shape": "latest", "obs": "18262-6",
                                           "window": ["2017-01-01", "2017-12-31"]}),
    (C, LAY, "Back in 2014, what was the highest my blood sugar got, and when?",
     {"shape": "highest", "obs": "2339-0", "window": ["2014-01-01", "2014-12-31"]}),
    (C, LAY, "In 2010, how many A1c checks did I have?", {"shape": "count", "obs": "4548-4",
                                                        "window": ["2010-01-01", "2010-12-31"]}),
    (C, LAY, "The cholesterol of my father, how many times they have checked it?", {"shape": "count", "obs": "2093-3"}),
    (C, LAY, "My papa, he is allergic to some medicine? Is for the dentist", {"shape": "ever", "absent": True}),
    (C, LAY, "For the papers of my father, in which city he lives?", {"shape": "demographic", "field": "city"}),
    (C, LAY, "My father have the cholesterol high, since when?", {"shape": "date_of", "type": "Condition",
                                                                 "codes": ["55822004"]}),
    (C, LAY, "weight in kg last time?", {"shape": "latest", "obs": "29463-7"}),
    (A, LAY, "has anyone ever done an x-ray of my collarbone?", {"shape": "ever", "type": "Procedure",
                                                                 "codes": ["168594001"]}),
    (A, LAY, "when was the very first time I was seen, according to my records?", {"shape": "first",
                                                                                   "type": "Encounter"}),
    (A, LAY, "have I had the pneumonia vaccine, the 13 one?", {"shape": "ever", "type": "Immunization",
                                                               "codes": ["133"]}),
    (C, LAY, "my last blood count - how many white cells did it show?", {"shape": "latest", "obs": "6690-2"}),
    (A, LAY, "what was my first bad cholesterol number and when did they take it?", {"shape": "first",
                                                                                     "obs": "18262-6"}),
    (C, LAY, "when did my last lot of breathing therapy finish?", {"shape": "date_of", "type": "CarePlan",
                                                                    "codes": ["53950000"], "end": True}),
    # --- batch 21 (2026-12-03 midday): written from the bundles' JSON in a new session, frozen before carepath
    # answered any of them; plain everyday wording rather than exotic voices: a hospitalist pre-rounding, a nurse
    # practitioner in clinic, a pharmacist, a case manager, patients reading their results on a portal, a
    # caregiver asking about a parent; a shape with a window of years, ever/never (held and not held), when
    # something resolved or ended, brand names and clinicians' abbreviations, panels, visit types, a care plan,
    # demographics ---
    (C, CL, "Pre-rounding this morning: what's the lowest his sodium has been since 2015, and when?",
     {"shape": "lowest", "obs": "2947-0", "window": ["2015-01-01", "9999"]}),
    (A, CL, "Prerounds - highest potassium since 2016?", {"shape": "highest", "obs": "6298-4",
                                                          "window": ["2016-01-01", "9999"]}),
    (A, CL, "Before rounds: when was his last CBC drawn?", {"shape": "latest", "type": "DiagnosticReport",
                                                            "codes": ["58410-2"]}),
    (A, CL, "Admitted overnight - does he have any history of atrial fibrillation?", {"shape": "ever",
                                                                                      "absent": True}),
    (C, CL, "Pre-rounds: peak creatinine from 2014 through 2016, and the date?",
     {"shape": "highest", "obs": "38483-4", "window": ["2014-01-01", "2016-12-31"]}),
    (A, CL, "NP in clinic: how many times was his A1c checked in 2012-2014?",
     {"shape": "count", "obs": "4548-4", "window": ["2012-01-01", "2014-12-31"]}),
    (C, CL, "Reviewing his LFTs in clinic: how has the ALT changed from 2015 to 2019?",
     {"shape": "trend", "obs": "1742-6", "window": ["2015-01-01", "2019-12-31"]}),
    (A, CL, "NP follow-up: highest diastolic reading from 2016 to 2019?",
     {"shape": "highest", "obs": "55284-4", "comp": "8462-4", "window": ["2016-01-01", "2019-12-31"]}),
    (C, CL, "When did he first come in for a hyperlipidemia follow-up visit?",
     {"shape": "first", "type": "Encounter", "codes": ["390906007"]}),
    (A, CL, "Has he had his Prevnar 13?", {"shape": "ever", "type": "Immunization", "codes": ["133"]}),
    (C, CL, "Pharmacist here - when was Zocor last prescribed for him?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, CL, "Pharmacy intake: is he on metoprolol?", {"shape": "ever", "absent": True}),
    (C, CL, "Case manager: what's the earliest visit on his chart?", {"shape": "first", "type": "Encounter"}),
    (C, CL, "Case manager checking his plans: is the diabetes self-management plan still active?",
     {"shape": "ever", "type": "CarePlan", "codes": ["698360004"], "status": "active"}),
    (C, CL, "When did his first acute bronchitis resolve?", {"shape": "date_of", "type": "Condition",
                                                             "codes": ["10509002"], "index": 0, "end": True}),
    (C, CL, "When was his first CMP done?", {"shape": "first", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, CL, "Date of his most recent chem 7?", {"shape": "latest", "type": "DiagnosticReport",
                                                "codes": ["51990-0"]}),
    (A, LAY, "I just got a portal message about my labs - what was my A1c the last time?",
     {"shape": "latest", "obs": "4548-4"}),
    (C, LAY, "When was my most recent cholesterol panel done?", {"shape": "latest", "type": "DiagnosticReport",
                                                                 "codes": ["57698-3"]}),
    (C, LAY, "What's the lowest my HDL has been since 2015?", {"shape": "lowest", "obs": "2085-9",
                                                              "window": ["2015-01-01", "9999"]}),
    (C, LAY, "How many times was my potassium measured from 2017 to 2019?",
     {"shape": "count", "obs": "6298-4", "window": ["2017-01-01", "2019-12-31"]}),
    (A, LAY, "What was the lowest my blood sugar got from 2013 to 2016?",
     {"shape": "lowest", "obs": "2339-0", "window": ["2013-01-01", "2016-12-31"]}),
    (C, LAY, "Has my LDL gone up or down since 2017?", {"shape": "trend", "obs": "18262-6",
                                                        "window": ["2017-01-01", "9999"]}),
    (C, LAY, "How much did I weigh in 2016?", {"shape": "latest", "obs": "29463-7",
                                               "window": ["2016-01-01", "2016-12-31"]}),
    (A, LAY, "How many times did they check my creatinine from 2016 to 2019?",
     {"shape": "count", "obs": "38483-4", "window": ["2016-01-01", "2019-12-31"]}),
    (A, LAY, "When did my second sinus infection start?", {"shape": "date_of", "type": "Condition",
                                                          "codes": ["444814009"], "index": 1}),
    (C, LAY, "I look after my dad. When did his sinus infection get better?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "end": True}),
    (A, LAY, "Have I ever been prescribed Advil?", {"shape": "ever", "type": "MedicationRequest",
                                                    "codes": ["310965"]}),
    (C, LAY, "Has my dad ever been on blood pressure pills?", {"shape": "ever", "absent": True}),
    (A, LAY, "Have I ever been diagnosed with depression?", {"shape": "ever", "absent": True}),
    (C, LAY, "When was my last physical?", {"shape": "latest", "type": "Encounter", "codes": ["162673000"]}),
    (A, LAY, "I don't think I've ever had a bone density scan. Have I?",
     {"shape": "ever", "type": "Procedure", "codes": ["312681000"]}),
    (A, LAY, "When did the care plan for my broken collarbone end?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"], "end": True}),
    (C, LAY, "When did I get my Pneumovax shot?", {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (C, LAY, "Is Dad listed as Hispanic on his record?", {"shape": "demographic", "field": "ethnicity"}),
    (A, LAY, "What's my dad's birthday on his chart?", {"shape": "demographic", "field": "birthDate"}),
    # --- batch 22 (2026-12-03 midday): written from the bundles' JSON in a new session, frozen before carepath
    # answered any of them; the question styles of public EHR question-answering benchmarks, filled in from
    # what these two patients actually have: emrQA templates ("Has the patient ever been on ...", "When was the
    # patient last given ...", "What was the result of the ...", "Does the patient have a history of ...",
    # "When was ... first diagnosed"), EHRSQL templates in their lower-case form ("when was the last time that
    # patient had a ... test", "what is the maximum ... value of the patient in <year>", "has the patient had
    # any ... since <year>", "count the number of ...", "what was the first measured ...", "what is the change in
    # ... from the first to the last measurement"), FHIR-agent requests ("List all active conditions", "What
    # immunizations are recorded", "Find the patient's active medication requests") and patient-portal
    # questions; ever/never held and not held (five not held), windows of a year or "since <year>" ---
    (C, CL, "Has the patient ever been on acetaminophen?", {"shape": "ever", "type": "MedicationRequest",
                                                           "codes": ["313782"]}),
    (C, CL, "When was the patient last given simvastatin?", {"shape": "latest", "type": "MedicationRequest",
                                                            "codes": ["316672"]}),
    (A, CL, "What was the result of the bone density scan?", {"shape": "latest", "obs": "38265-5"}),
    (A, CL, "Does the patient have a history of colon polyps?", {"shape": "ever", "type": "Condition",
                                                                "codes": ["68496003"]}),
    (C, CL, "When was the patient's anemia first diagnosed?", {"shape": "first", "type": "Condition",
                                                              "codes": ["271737000"]}),
    (C, CL, "Does the patient have a history of stroke?", {"shape": "ever", "absent": True}),
    (C, CL, "when was the last time that patient had a lipid panel?", {"shape": "latest", "type": "DiagnosticReport",
                                                                      "codes": ["57698-3"]}),
    (C, CL, "what is the maximum creatinine value of the patient in 2014?",
     {"shape": "highest", "obs": "38483-4", "window": ["2014-01-01", "2014-12-31"]}),
    (C, CL, "what is the minimum sodium value of the patient in 2017",
     {"shape": "lowest", "obs": "2947-0", "window": ["2017-01-01", "2017-12-31"]}),
    (A, CL, "has the patient had any colonoscopy since 2015?", {"shape": "ever", "type": "Procedure",
                                                               "codes": ["73761001"]}),
    (C, CL, "count the number of visits the patient has had", {"shape": "count", "type": "Encounter"}),
    (A, CL, "what is the patient's gender?", {"shape": "demographic", "field": "gender"}),
    (A, CL, "what was the first measured diastolic blood pressure of patient",
     {"shape": "first", "obs": "55284-4", "comp": "8462-4"}),
    (C, CL, "what is the change in albumin value of the patient from the first to the last measurement?",
     {"shape": "trend", "obs": "1751-7"}),
    (C, CL, "count the number of times that the patient had a glucose test in 2014",
     {"shape": "count", "obs": "2339-0", "window": ["2014-01-01", "2014-12-31"]}),
    (A, CL, "List all active conditions for this patient.", {"shape": "list", "type": "Condition", "status": "active",
                                                            "names": ["Cardiac Arrest", "History of cardiac arrest",
                                                                      "obesity", "Prediabetes", "Anemia"]}),
    (C, CL, "What immunizations are recorded for this patient?",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (A, CL, "what was the name of the last vaccine given to the patient?", {"shape": "latest", "type": "Immunization",
                                                                           "name": "Influenza"}),
    (A, CL, "Find the patient's active medication requests", {"shape": "absent_list", "type": "MedicationRequest",
                                                             "status": "active"}),
    (A, CL, "has pt had any hemoglobin test since 2015", {"shape": "ever", "obs": "718-7",
                                                          "window": ["2015-01-01", "9999"]}),
    (C, CL, "what was the last bilirubin value of the patient in 2015?",
     {"shape": "latest", "obs": "1975-2", "window": ["2015-01-01", "2015-12-31"]}),
    (A, CL, "What is this patient's race?", {"shape": "demographic", "field": "race"}),
    (A, LAY, "What was my total cholesterol on my most recent lab results?", {"shape": "latest", "obs": "2093-3"}),
    (C, LAY, "What was my blood pressure at my last visit? Just the top number.",
     {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (C, LAY, "What was my A1c in 2018?", {"shape": "latest", "obs": "4548-4", "window": ["2018-01-01", "2018-12-31"]}),
    (A, LAY, "Have I ever been told I have high blood pressure?", {"shape": "ever", "absent": True}),
    (C, LAY, "Have I ever had a sinus infection?", {"shape": "ever", "type": "Condition", "codes": ["444814009"]}),
    (C, LAY, "whats the highest my triglycerides were in 2018", {"shape": "highest", "obs": "2571-8",
                                                                 "window": ["2018-01-01", "2018-12-31"]}),
    (A, LAY, "Did my good cholesterol go up or down from my first test to my last one?",
     {"shape": "trend", "obs": "2085-9"}),
    (C, LAY, "Is my sex listed as male or female on my chart?", {"shape": "demographic", "field": "gender"}),
    (C, LAY, "what was my first ever cholesterol reading", {"shape": "first", "obs": "2093-3"}),
    (A, LAY, "When did I last get a flu shot?", {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "what was the lowest my kidney function (eGFR) got since 2015?",
     {"shape": "lowest", "obs": "33914-3", "window": ["2015-01-01", "9999"]}),
    (A, LAY, "Have I ever had a polyp removed?", {"shape": "ever", "type": "Procedure", "codes": ["274031008"]}),
    (C, LAY, "What date was my bronchitis first diagnosed?", {"shape": "first", "type": "Condition",
                                                             "codes": ["10509002"]}),
    (A, LAY, "What was my highest blood sugar reading since 2014?", {"shape": "highest", "obs": "2339-0",
                                                                     "window": ["2014-01-01", "9999"]}),
    (A, LAY, "How many times did they take my blood pressure between 2012 and 2016?",
     {"shape": "count", "obs": "55284-4", "window": ["2012-01-01", "2016-12-31"]}),
    (C, LAY, "what was my potassium on my last blood work?", {"shape": "latest", "obs": "6298-4"}),
    (A, LAY, "Is there anything in my record about gout?", {"shape": "ever", "absent": True}),
    (C, LAY, "Has my dad ever been prescribed an inhaler?", {"shape": "ever", "absent": True}),
    # --- batch 23 (2026-12-03 midday): written from the bundles' JSON in a new session, frozen before carepath
    # answered any of them; an independent evaluator's hidden set for "EHR QA" claims: a spread over every
    # resource type the bundles hold (Patient, lab/vital/social-history Observations incl. CBC indices and
    # calcium, Conditions with onset and resolution, MedicationRequests, Immunizations, Procedures, Encounters by
    # type and class, CarePlans, DiagnosticReports, Device, ImagingStudy) and every shape the spec holds (latest,
    # first, highest/lowest with date and window, count with and without a window, ever held and not held, list
    # active/resolved/all, date_of incl. end dates, trend over a window, demographics); full sentences, terse
    # shorthand, lay and third-person wording; cfhir's 2012-06-29 same-day chemistry repeats and tied values
    # avoided ---
    (C, CL, "According to the demographics, is the patient married, single, divorced or widowed?",
     {"shape": "demographic", "field": "marital"}),
    (A, LAY, "which town does my record say I was born in?", {"shape": "demographic", "field": "birthPlace"}),
    (C, LAY, "what language is my father down as speaking?", {"shape": "demographic", "field": "language"}),
    (A, CL, "MCH on the most recent CBC?", {"shape": "latest", "obs": "785-6"}),
    (C, CL, "Earliest mean platelet volume, and the date it was measured", {"shape": "first", "obs": "32623-1"}),
    (C, LAY, "What was my calcium level on my most recent blood test?", {"shape": "latest", "obs": "49765-1"}),
    (A, CL, "Highest urea nitrogen recorded, and when was it drawn?", {"shape": "highest", "obs": "6299-2"}),
    (C, LAY, "What was the lowest my bad cholesterol got between 2013 and 2018?",
     {"shape": "lowest", "obs": "18262-6", "window": ["2013-01-01", "2018-12-31"]}),
    (A, CL, "Number of BUN results from 2015 onward", {"shape": "count", "obs": "6299-2",
                                                        "window": ["2015-01-01", "9999"]}),
    (C, CL, "Total serum protein: how did it change from 2014 through 2018?",
     {"shape": "trend", "obs": "2885-2", "window": ["2014-01-01", "2018-12-31"]}),
    (A, LAY, "Is my creatinine higher or lower now than when it was first checked?",
     {"shape": "trend", "obs": "38483-4"}),
    (C, CL, "Has a hematocrit ever been resulted for this patient?", {"shape": "ever", "obs": "4544-3"}),
    (A, LAY, "What was my first calcium result and when was it taken?", {"shape": "first", "obs": "49765-1"}),
    (C, LAY, "What's the highest the lower number of my blood pressure has ever been?",
     {"shape": "highest", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "Lowest systolic BP between 2012 and 2016, with the date",
     {"shape": "lowest", "obs": "55284-4", "comp": "8480-6", "window": ["2012-01-01", "2016-12-31"]}),
    (C, LAY, "Did my weight go up or down between 2010 and 2019?",
     {"shape": "trend", "obs": "29463-7", "window": ["2010-01-01", "2019-12-31"]}),
    (A, CL, "How many pain severity scores were documented from 2016 to 2019?",
     {"shape": "count", "obs": "72514-3", "window": ["2016-01-01", "2019-12-31"]}),
    (A, LAY, "what does my record say about cigarettes - am I down as a smoker?", {"shape": "latest",
                                                                                  "obs": "72166-2"}),
    (C, LAY, "What was my good cholesterol in 2016?", {"shape": "latest", "obs": "2085-9",
                                                       "window": ["2016-01-01", "2016-12-31"]}),
    (A, CL, "On what date did the third episode of viral sinusitis resolve?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "index": 2, "end": True}),
    (C, CL, "Rotator cuff tendon injury: date of onset?", {"shape": "date_of", "type": "Condition",
                                                           "codes": ["307731004"]}),
    (A, LAY, "Have I ever been told I'm obese?", {"shape": "ever", "type": "Condition", "codes": ["162864005"]}),
    (C, LAY, "Which of my health problems have cleared up?",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Viral sinusitis", "Acute bronchitis", "rotator cuff"]}),
    (A, LAY, "Have I ever been diagnosed with osteoporosis?", {"shape": "ever", "absent": True}),
    (C, CL, "Any documented COPD?", {"shape": "ever", "absent": True}),
    (C, LAY, "when was I first given paracetamol?", {"shape": "first", "type": "MedicationRequest",
                                                     "codes": ["313782"]}),
    (C, CL, "Which medication requests are still active for this patient?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (C, LAY, "was I ever put on aspirin?", {"shape": "ever", "absent": True}),
    (C, CL, "Date PCV13 was administered", {"shape": "date_of", "type": "Immunization", "codes": ["133"]}),
    (A, LAY, "When was I first vaccinated, going by my record?", {"shape": "first", "type": "Immunization"}),
    (C, CL, "Most recent vaccine administered - which one and on what date?",
     {"shape": "latest", "type": "Immunization", "name": "Influenza"}),
    (C, LAY, "Have I had a tetanus booster?", {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (A, CL, "Last procedure documented, and its date?", {"shape": "latest", "type": "Procedure",
                                                          "name": "Medication Reconciliation"}),
    (A, CL, "Imaging on file for this patient - which body part, and when?",
     {"shape": "list", "type": "ImagingStudy", "names": ["Clavicle", "2016-05-21"]}),
    (C, LAY, "When was the last time I saw a doctor?", {"shape": "latest", "type": "Encounter"}),
    (A, CL, "Date of the most recent emergency department encounter", {"shape": "date_of", "type": "Encounter",
                                                                       "cls": "EMER"}),
    (A, CL, "How many ambulatory encounters does he have?", {"shape": "count", "type": "Encounter", "cls": "AMB"}),
    (C, CL, "Physical therapy care plan end date", {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"],
                                                    "end": True}),
    (C, LAY, "what care plans have I ever been put on?",
     {"shape": "list", "type": "CarePlan", "names": ["Diabetes self management plan", "Respiratory therapy",
                                                      "Hyperlipidemia clinical management plan",
                                                      "Physical therapy procedure"]}),
    (A, LAY, "When did I have my very first cholesterol panel?", {"shape": "first", "type": "DiagnosticReport",
                                                                  "codes": ["57698-3"]}),
    (A, LAY, "is there a heart device fitted inside me, like a defibrillator?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, CL, "Latest 25-hydroxy vitamin D?", {"shape": "latest", "absent": True}),
    # --- batch 24 (2026-12-03 midday): written from the bundles' JSON in a new session, frozen before carepath
    # answered any of them; a second independent evaluator (clinician-informatician) writing a hidden test set:
    # what a clinical team and the patients themselves would ask of these two records, over every resource type
    # the bundles hold (Patient, lab/vital/social-history/procedure Observations incl. FIT, RDW, RBC, PDW,
    # globulin, Conditions with onset and resolution, MedicationRequests by order number, Immunizations,
    # Procedures, Encounters by class, CarePlans by status and category, DiagnosticReports, Device, ImagingStudy)
    # and every shape the spec holds (latest incl. named, first, highest/lowest with date and window, count with
    # and without a window, ever held and not held (four not held), list active/resolved/completed/all, date_of
    # incl. a resolution date, trend over the record and over a window, demographics); sentence forms varied:
    # questions, imperatives, fragments, statements with a question mark, context before the question, synonyms
    # (bachelor, borderline diabetic, chem-7, FIT, plain radiographs), lay words and misspellings; ties and
    # same-date duplicates checked in the JSON (cfhir's 2012-06-29 and 2016-07-19/22 repeats avoided) ---
    (A, CL, "Pull up the RBC count from his April 2018 draw.", {"shape": "latest", "obs": "789-8",
                                                                "window": ["2018-04-01", "2018-04-30"]}),
    (A, LAY, "My portal lists something called RDW on both of my blood counts. Did it go down from the first one "
             "to the second?", {"shape": "trend", "obs": "21000-5"}),
    (A, CL, "Lowest DBP 2014 through 2018 - value and date", {"shape": "lowest", "obs": "55284-4", "comp": "8462-4",
                                                              "window": ["2014-01-01", "2018-12-31"]}),
    (A, LAY, "Show me my blood sugar result from 2015.", {"shape": "latest", "obs": "2339-0",
                                                          "window": ["2015-01-01", "2015-12-31"]}),
    (A, CL, "What number did the FIT come back with?", {"shape": "latest", "obs": "57905-2"}),
    (A, LAY, "I know I've had more than one colonoscopy. When was the second one?",
     {"shape": "date_of", "type": "Procedure", "codes": ["73761001"], "index": 1}),
    (A, LAY, "I had a sinus infection at the start of 2013; what day did it clear up?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "index": 1, "end": True}),
    (A, LAY, "what date did I get the prevnar jab", {"shape": "date_of", "type": "Immunization", "codes": ["133"]}),
    (A, CL, "Tell me what implanted devices he has.", {"shape": "list", "type": "Device",
                                                       "names": ["Implantable defibrillator"]}),
    (A, CL, "Any plain radiographs in his record?", {"shape": "ever", "type": "ImagingStudy"}),
    (A, LAY, "Which of my care plans are finished now?", {"shape": "list", "type": "CarePlan", "status": "completed",
                                                          "names": ["Fracture care"]}),
    (A, CL, "First chem-7 on record: date?", {"shape": "first", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (A, CL, "Give me every diagnosis on his chart, past and present.",
     {"shape": "list", "type": "Condition", "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity",
                                                      "Prediabetes", "Anemia", "Polyp of colon", "Viral sinusitis",
                                                      "Fracture of clavicle"]}),
    (A, CL, "Highest bicarbonate, and when was it drawn?", {"shape": "highest", "obs": "20565-8"}),
    (A, LAY, "whats the lowest my white blood cel count has been", {"shape": "lowest", "obs": "6690-2"}),
    (A, LAY, "Is he a bachelor according to his records?", {"shape": "demographic", "field": "marital"}),
    (A, CL, "When was obesity first put on his problem list?", {"shape": "date_of", "type": "Condition",
                                                                "codes": ["162864005"]}),
    (A, LAY, "Was I ever told I was borderline diabetic?", {"shape": "ever", "type": "Condition",
                                                            "codes": ["15777000"]}),
    (A, CL, "Most recent encounter: what kind, and on what date?", {"shape": "latest", "type": "Encounter",
                                                                    "name": "General examination"}),
    (A, LAY, "When was his first ever trip to the ER?", {"shape": "first", "type": "Encounter", "cls": "EMER"}),
    (A, CL, "Last B12?", {"shape": "latest", "absent": True}),
    (A, LAY, "has he ever had an MRI scan", {"shape": "ever", "absent": True}),
    (C, CL, "Date the third simvastatin script was written", {"shape": "date_of", "type": "MedicationRequest",
                                                              "codes": ["316672"], "index": 2}),
    (C, LAY, "when did I get paracetamol the second time?", {"shape": "date_of", "type": "MedicationRequest",
                                                             "codes": ["313782"], "index": 1}),
    (C, LAY, "what's the newest prescription on my record, and when was it written?",
     {"shape": "latest", "type": "MedicationRequest", "name": "Simvistatin"}),
    (C, LAY, "What's still wrong with me according to the chart - the things that haven't gone away?",
     {"shape": "list", "type": "Condition", "status": "active", "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (C, LAY, "Tell me which pneumonia vaccines Dad has had.",
     {"shape": "list", "type": "Immunization", "codes": ["133", "33"],
      "names": ["Pneumococcal conjugate", "pneumococcal polysaccharide"]}),
    (C, CL, "Earliest immunisation documented, date?", {"shape": "first", "type": "Immunization"}),
    (C, CL, "Oldest procedure in the chart - date?", {"shape": "first", "type": "Procedure"}),
    (C, CL, "Care plans marked completed", {"shape": "list", "type": "CarePlan", "status": "completed",
                                            "names": ["Respiratory therapy", "Physical therapy procedure"]}),
    (C, LAY, "was I ever on a respiratory therapy care plan?", {"shape": "ever", "type": "CarePlan",
                                                                "codes": ["53950000"]}),
    (C, CL, "How many diagnostic reports does he have in total?", {"shape": "count", "type": "DiagnosticReport"}),
    (C, CL, "Peak globulin, date?", {"shape": "highest", "obs": "10834-0"}),
    (C, LAY, "What's the lowest my AST liver test has been?", {"shape": "lowest", "obs": "1920-8"}),
    (C, CL, "ALP nadir + date", {"shape": "lowest", "obs": "6768-6"}),
    (C, LAY, "What was my best ever kidney function score (eGFR)?", {"shape": "highest", "obs": "33914-3"}),
    (C, LAY, "since 2017 how many times have they checked my trigs?", {"shape": "count", "obs": "2571-8",
                                                                       "window": ["2017-01-01", "9999"]}),
    (C, CL, "Lowest Cr 2017 through 2019, and when", {"shape": "lowest", "obs": "38483-4",
                                                      "window": ["2017-01-01", "2019-12-31"]}),
    (C, LAY, "Tell me my diastolic pressure from 2013.", {"shape": "latest", "obs": "55284-4", "comp": "8462-4",
                                                          "window": ["2013-01-01", "2013-12-31"]}),
    (C, LAY, "Have my platlets dropped since the first count?", {"shape": "trend", "obs": "777-3"}),
    (C, CL, "So his A1c has crept up since 2016?", {"shape": "trend", "obs": "4548-4",
                                                    "window": ["2016-01-01", "9999"]}),
    (C, LAY, "have I ever had kidny stones?", {"shape": "ever", "absent": True}),
    (C, CL, "Hx of hypothyroidism?", {"shape": "ever", "absent": True}),
    (C, LAY, "My grandad's birthplace - which city does it say?", {"shape": "demographic", "field": "birthPlace"}),
    # --- batch 25 (2026-12-03 midday): a third independent evaluator's set (a nurse informaticist with a
    # patient-advocate co-author), written from the bundles' JSON and frozen before carepath answered any of it;
    # clinician and lay wording (nurses, doctors, pharmacists, patients, families) over Patient demographics, lab,
    # vital, pain-score, DXA and polyp-size Observations, Conditions with onset and resolution, MedicationRequests,
    # Immunizations, Procedures, Encounters by code, CarePlans by status and code, DiagnosticReports, and every
    # shape the spec holds; ties and same-date duplicates checked in the JSON (cfhir's BMP repeats avoided) ---
    (A, CL, "BUN on the most recent BMP?", {"shape": "latest", "obs": "6299-2"}),
    (A, LAY, "My urea nitrogen dipped one year. What was the lowest reading and which date was that?",
     {"shape": "lowest", "obs": "6299-2"}),
    (A, CL, "What's the highest chloride he has run, and on what date?", {"shape": "highest", "obs": "2069-3"}),
    (A, LAY, "What score did my bone density scan come out with?", {"shape": "latest", "obs": "38265-5"}),
    (A, CL, "Size of the polyp taken out at the 2010 colonoscopy?", {"shape": "latest", "obs": "33756-8"}),
    (A, LAY, "At my last checkup how bad did I say my pain was, out of 10?", {"shape": "latest", "obs": "72514-3"}),
    (A, CL, "Hct between his two CBCs - trending down?", {"shape": "trend", "obs": "4544-3"}),
    (A, LAY, "Since 2015 has my A1C number been going up or down?", {"shape": "trend", "obs": "4548-4",
                                                                      "window": ["2015-01-01", "9999"]}),
    (A, CL, "Max SBP recorded in 2016 or 2017, with the date", {"shape": "highest", "obs": "55284-4",
                                                                "comp": "8480-6",
                                                                "window": ["2016-01-01", "2017-12-31"]}),
    (A, CL, "How many glucose values do we have from 2012 through 2015?",
     {"shape": "count", "obs": "2339-0", "window": ["2012-01-01", "2015-12-31"]}),
    (A, CL, "Smoking status per his latest social history?", {"shape": "latest", "obs": "72166-2"}),
    (A, LAY, "When did I have the x-ray of my collarbone?", {"shape": "date_of", "type": "Procedure",
                                                             "codes": ["168594001"]}),
    (A, LAY, "How many times have they gone through my medication list with me?",
     {"shape": "count", "type": "Procedure", "codes": ["430193006"]}),
    (A, LAY, "When did I first come down with sinusitis?", {"shape": "first", "type": "Condition",
                                                            "codes": ["444814009"]}),
    (A, CL, "Resolution date for the October 2013 sinusitis episode", {"shape": "date_of", "type": "Condition",
                                                                       "codes": ["444814009"], "index": 2,
                                                                       "end": True}),
    (A, CL, "Pharmacy reconciliation: what is he actively prescribed today?",
     {"shape": "absent_list", "type": "MedicationRequest", "status": "active"}),
    (A, LAY, "What day was I taken to the emergency room when I broke my collarbone?",
     {"shape": "date_of", "type": "Encounter", "codes": ["50849002"]}),
    (A, CL, "How many sick visits (encounters for symptoms) has he had?", {"shape": "count", "type": "Encounter",
                                                                           "codes": ["185345009"]}),
    (A, LAY, "Is my diabetes care plan still going?", {"shape": "ever", "type": "CarePlan",
                                                       "codes": ["698360004"], "status": "active"}),
    (A, CL, "What ethnicity is recorded for this patient?", {"shape": "demographic", "field": "ethnicity"}),
    (A, LAY, "What town does my file say I live in?", {"shape": "demographic", "field": "city"}),
    (A, LAY, "Was I ever put on a blood thinner like warfarin?", {"shape": "ever", "absent": True}),
    (C, CL, "ALT trend across all his CMPs", {"shape": "trend", "obs": "1742-6"}),
    (C, LAY, "What's the highest my ALT liver enzyme has gone, and when was that?",
     {"shape": "highest", "obs": "1742-6"}),
    (C, CL, "Lowest albumin on file and the date", {"shape": "lowest", "obs": "1751-7"}),
    (C, LAY, "what was my bilirubin the last time they checked it", {"shape": "latest", "obs": "1975-2"}),
    (C, CL, "Total protein on his first CMP - value and date?", {"shape": "first", "obs": "2885-2"}),
    (C, LAY, "How much did my father weigh at his most recent physical?", {"shape": "latest", "obs": "29463-7"}),
    (C, CL, "BMI trajectory from 2016 on", {"shape": "trend", "obs": "39156-5", "window": ["2016-01-01", "9999"]}),
    (C, LAY, "How many times did they test my cholesterol between 2014 and 2017?",
     {"shape": "count", "obs": "2093-3", "window": ["2014-01-01", "2017-12-31"]}),
    (C, CL, "Worst triglyceride result and when it was drawn", {"shape": "highest", "obs": "2571-8"}),
    (C, LAY, "What was my HDL at the 2015 check?", {"shape": "latest", "obs": "2085-9",
                                                    "window": ["2015-01-01", "2015-12-31"]}),
    (C, CL, "What is the lowest diastolic he has recorded, and when?", {"shape": "lowest", "obs": "55284-4",
                                                                        "comp": "8462-4"}),
    (C, CL, "MCV on the first CBC versus the latest one", {"shape": "trend", "obs": "787-2"}),
    (C, LAY, "When did my bronchitis clear up the first time I had it?", {"shape": "date_of", "type": "Condition",
                                                                          "codes": ["10509002"], "index": 0,
                                                                          "end": True}),
    (C, LAY, "When did the doctor first put me on the cholesterol pill?", {"shape": "first",
                                                                           "type": "MedicationRequest",
                                                                           "codes": ["316672"]}),
    (C, LAY, "When did Dad get his tetanus booster?", {"shape": "date_of", "type": "Immunization",
                                                       "codes": ["113"]}),
    (C, CL, "PPSV23 administration date", {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (C, LAY, "When did the physical therapy for my shoulder wrap up?", {"shape": "date_of", "type": "CarePlan",
                                                                        "codes": ["91251008"], "end": True}),
    (C, CL, "All care plans, past and current, please", {"shape": "list", "type": "CarePlan",
                                                         "names": ["Diabetes self management plan",
                                                                   "Respiratory therapy",
                                                                   "Hyperlipidemia clinical management plan",
                                                                   "Physical therapy procedure"]}),
    (C, LAY, "What does the chart say my marital status is?", {"shape": "demographic", "field": "marital"}),
    (C, CL, "Any colonoscopy on record for him?", {"shape": "ever", "absent": True}),
    (A, LAY, "how many times did they do a full blood count on me", {"shape": "count", "type": "DiagnosticReport",
                                                                       "codes": ["58410-2"]}),
    # --- batch 26 (2026-12-03 noon): a fourth independent evaluator's set (a GP writing with a patient-panel
    # member), written from the bundles' JSON and frozen before carepath answered any of it; how a GP, a practice
    # nurse, a patient and a family member would ask of these two records, over Patient demographics, chemistry,
    # blood-count, lipid, vital and pain-score Observations, Conditions with onset and resolution,
    # MedicationRequests, Immunizations, Procedures, Encounters by code, CarePlans by status and code, and every
    # shape the spec holds; ties and same-date duplicates checked in the JSON (cfhir's repeated 2012-06-29 BMP
    # avoided; constant weight/BMI series avoided for highest/lowest) ---
    (A, CL, "What did his serum calcium come back as on the 2019 bloods?",
     {"shape": "latest", "obs": "49765-1", "window": ["2019-01-01", "2019-12-31"]}),
    (A, LAY, "What's the highest my calcium has ever been, and what date was that blood test?",
     {"shape": "highest", "obs": "49765-1"}),
    (A, CL, "Peak bicarbonate on his chemistry panels, with the date drawn", {"shape": "highest", "obs": "20565-8"}),
    (A, CL, "Lowest urea he has had, and which visit it was from", {"shape": "lowest", "obs": "6299-2"}),
    (A, LAY, "Since 2015, how many times have I been asked to score my pain out of ten?",
     {"shape": "count", "obs": "72514-3", "window": ["2015-01-01", "9999"]}),
    (A, LAY, "Back in 2010, what was my creatinine kidney reading?",
     {"shape": "latest", "obs": "38483-4", "window": ["2010-01-01", "2010-12-31"]}),
    (A, CL, "Compare the platelet count on his earlier FBC with the more recent one",
     {"shape": "trend", "obs": "777-3"}),
    (A, LAY, "When did they first test my cholesterol, and what was the number?", {"shape": "first", "obs": "2093-3"}),
    (A, CL, "Red cell count from the 2018 full blood count?",
     {"shape": "latest", "obs": "789-8", "window": ["2018-01-01", "2018-12-31"]}),
    (A, CL, "Diastolic readings from 2014 to 2019 - which way have they moved?",
     {"shape": "trend", "obs": "55284-4", "comp": "8462-4", "window": ["2014-01-01", "2019-12-31"]}),
    (A, LAY, "How many times have I had a camera test of my bowel?", {"shape": "count", "type": "Procedure",
                                                                       "codes": ["73761001"]}),
    (A, LAY, "What day did I go for my bone density scan?", {"shape": "date_of", "type": "Procedure",
                                                             "codes": ["312681000"]}),
    (A, CL, "On what date was the colonic polyp marked as resolved?", {"shape": "date_of", "type": "Condition",
                                                                       "codes": ["68496003"], "end": True}),
    (A, LAY, "When did they sign off the care plan for my broken collarbone?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"], "end": True}),
    (A, CL, "Has he received PCV13 at any point?", {"shape": "ever", "type": "Immunization", "codes": ["133"]}),
    (A, CL, "Any ibuprofen prescribed for him in the past?", {"shape": "ever", "type": "MedicationRequest",
                                                               "codes": ["310965"]}),
    (A, LAY, "Is Grandad taking any prescribed medicine at the moment?",
     {"shape": "absent_list", "type": "MedicationRequest", "status": "active"}),
    (A, CL, "How many general examinations are documented in his notes?", {"shape": "count", "type": "Encounter",
                                                                           "codes": ["162673000"]}),
    (A, LAY, "What's the oldest visit of any kind on my record - what date?", {"shape": "first", "type": "Encounter"}),
    (A, CL, "Full problem list including resolved entries, please", {"shape": "list", "type": "Condition",
                                                                     "names": ["Prediabetes", "obesity", "Anemia",
                                                                               "Cardiac Arrest",
                                                                               "History of cardiac arrest",
                                                                               "Viral sinusitis",
                                                                               "Fracture of clavicle",
                                                                               "Polyp of colon"]}),
    (A, LAY, "Which language does the surgery have down as the one I speak?",
     {"shape": "demographic", "field": "language"}),
    (A, LAY, "Has my husband ever had a hip replacement?", {"shape": "ever", "absent": True}),
    (C, CL, "Lowest eGFR on file and the date of that sample", {"shape": "lowest", "obs": "33914-3"}),
    (C, LAY, "What was my alk phos liver reading the last time it was measured?", {"shape": "latest", "obs": "6768-6"}),
    (C, CL, "When did his AST peak, and at what value?", {"shape": "highest", "obs": "1920-8"}),
    (C, CL, "Globulin result from the 2016 CMP", {"shape": "latest", "obs": "10834-0",
                                                   "window": ["2016-01-01", "2016-12-31"]}),
    (C, LAY, "Has my father's kidney filtration number got better or worse since 2016?",
     {"shape": "trend", "obs": "33914-3", "window": ["2016-01-01", "9999"]}),
    (C, CL, "How many LDL results do we have between 2014 and 2016 inclusive?",
     {"shape": "count", "obs": "18262-6", "window": ["2014-01-01", "2016-12-31"]}),
    (C, CL, "Systolic at his earliest recorded BP check, with the date",
     {"shape": "first", "obs": "55284-4", "comp": "8480-6"}),
    (C, LAY, "What's the lowest the bottom number of my blood pressure has been since 2015?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8462-4", "window": ["2015-01-01", "9999"]}),
    (C, LAY, "How many times has Dad been back for a follow-up appointment?",
     {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (C, CL, "When did the rotator cuff injury first present?", {"shape": "first", "type": "Condition",
                                                                 "codes": ["307731004"]}),
    (C, CL, "End date of his most recent respiratory therapy plan", {"shape": "date_of", "type": "CarePlan",
                                                                     "codes": ["53950000"], "end": True}),
    (C, LAY, "Is the plan for managing my cholesterol still running?",
     {"shape": "ever", "type": "CarePlan", "codes": ["736285004"], "status": "active"}),
    (C, CL, "How many paracetamol prescriptions has he been issued?", {"shape": "count", "type": "MedicationRequest",
                                                                       "codes": ["313782"]}),
    (C, LAY, "What day did they send off my phlegm sample for testing?", {"shape": "date_of", "type": "Procedure",
                                                                           "codes": ["269911007"]}),
    (C, CL, "Which of his care plans have been completed?", {"shape": "list", "type": "CarePlan",
                                                             "status": "completed",
                                                             "names": ["Respiratory therapy",
                                                                       "Physical therapy procedure"]}),
    (C, LAY, "How does my dad's record describe his race?", {"shape": "demographic", "field": "race"}),
    (C, CL, "MCHC on the most recent blood count", {"shape": "latest", "obs": "786-4"}),
    (C, LAY, "Is there a heart attack anywhere in my dad's history?", {"shape": "ever", "absent": True}),
    # --- batch 27 (2026-12-03 noon): a fifth independent evaluator's set (a hospital pharmacist writing with a
    # discharge nurse), written from the bundles' JSON and frozen before carepath answered any of it; how they, a
    # ward doctor, a patient and a carer would ask of these two records, over Patient demographics, chemistry,
    # liver, blood-count, lipid and vital Observations, DiagnosticReports, the Device and the ImagingStudy,
    # Conditions with onset and resolution, MedicationRequests, Immunizations, Procedures, Encounters by code and
    # CarePlans; ties and same-date duplicates checked in the JSON (cfhir's repeated 2012-06-29 and 2016-07
    # chemistry values avoided for highest/lowest; single-value windows only for windowed latest) ---
    (A, CL, "Chloride on his April 2016 metabolic panel?",
     {"shape": "latest", "obs": "2069-3", "window": ["2016-01-01", "2016-12-31"]}),
    (A, LAY, "What's the lowest my potassium has dropped to, and when was that?", {"shape": "lowest", "obs": "6298-4"}),
    (A, CL, "Highest sodium in his results and the date of that draw", {"shape": "highest", "obs": "2947-0"}),
    (A, CL, "HbA1c direction of travel from 2015 onwards", {"shape": "trend", "obs": "4548-4",
                                                         "window": ["2015-01-01", "9999"]}),
    (A, LAY, "Between 2012 and 2016, how many of my diabetes blood tests (the A1c) were done?",
     {"shape": "count", "obs": "4548-4", "window": ["2012-01-01", "2016-12-31"]}),
    (A, CL, "Haematocrit on the earliest FBC we hold for him, with the date", {"shape": "first", "obs": "4544-3"}),
    (A, LAY, "Has the size of my red blood cells changed between my two blood counts?",
     {"shape": "trend", "obs": "787-2"}),
    (A, CL, "Peak systolic pressure and the date it was taken", {"shape": "highest", "obs": "55284-4",
                                                                "comp": "8480-6"}),
    (A, LAY, "What was my blood sugar at my 2013 check-up?",
     {"shape": "latest", "obs": "2339-0", "window": ["2013-01-01", "2013-12-31"]}),
    (A, CL, "Date of the earliest BMP on file", {"shape": "first", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (A, CL, "Before he goes for an MRI: what devices are documented for him?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, LAY, "Are there any X-ray pictures saved on my record, and from when?",
     {"shape": "ever", "type": "ImagingStudy"}),
    (A, CL, "Date of his most recent tetanus-diphtheria booster", {"shape": "latest", "type": "Immunization",
                                                                  "codes": ["113"]}),
    (A, LAY, "How many flu jabs have I had altogether?", {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "When was the Pneumovax 23 given?", {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (A, CL, "When did pharmacy last do a medicines reconciliation for him?",
     {"shape": "latest", "type": "Procedure", "codes": ["430193006"]}),
    (A, LAY, "When did the last of my sinus infections clear up?", {"shape": "date_of", "type": "Condition",
                                                                    "codes": ["444814009"], "end": True}),
    (A, CL, "How many separate episodes of viral sinusitis are coded?", {"shape": "count", "type": "Condition",
                                                                         "codes": ["444814009"]}),
    (A, CL, "Which of his diagnoses remain active for the discharge summary?",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (A, LAY, "What date did Grandad end up in A&E?", {"shape": "date_of", "type": "Encounter",
                                                      "codes": ["50849002"]}),
    (A, LAY, "Which town was Grandpa born in?", {"shape": "demographic", "field": "birthPlace"}),
    (A, CL, "Is he on warfarin or any other anticoagulant?", {"shape": "ever", "absent": True}),
    (C, CL, "ALT at his 2018 comprehensive panel", {"shape": "latest", "obs": "1742-6",
                                                     "window": ["2018-01-01", "2018-12-31"]}),
    (C, LAY, "What's the lowest my albumin has been, and on what date?", {"shape": "lowest", "obs": "1751-7"}),
    (C, CL, "Total bilirubin across the CMPs since 2014 - rising or falling?",
     {"shape": "trend", "obs": "1975-2", "window": ["2014-01-01", "9999"]}),
    (C, CL, "Highest triglyceride level recorded and when", {"shape": "highest", "obs": "2571-8"}),
    (C, LAY, "Since 2017, how many times have my blood fats (triglycerides) been checked?",
     {"shape": "count", "obs": "2571-8", "window": ["2017-01-01", "9999"]}),
    (C, LAY, "What was my potassium at the August 2018 blood test?",
     {"shape": "latest", "obs": "6298-4", "window": ["2018-08-01", "2018-08-31"]}),
    (C, CL, "Serum total protein on the earliest CMP, with the date", {"shape": "first", "obs": "2885-2"}),
    (C, CL, "How many simvastatin prescriptions has he been issued since it was started?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, LAY, "When was Dad first put on the statin?", {"shape": "first", "type": "MedicationRequest",
                                                      "codes": ["316672"]}),
    (C, CL, "Active medicines to reconcile on discharge?", {"shape": "list", "type": "MedicationRequest",
                                                           "status": "active", "names": ["Simvistatin"]}),
    (C, LAY, "When did my chest infection clear up the most recent time I had bronchitis?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "end": True}),
    (C, CL, "Onset date of the hyperlipidaemia", {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (C, CL, "Date of his urgent care attendance", {"shape": "date_of", "type": "Encounter", "codes": ["702927004"]}),
    (C, LAY, "How many blood pressure checks have I had since 2016?",
     {"shape": "count", "obs": "55284-4", "window": ["2016-01-01", "9999"]}),
    (C, CL, "When did the shoulder physiotherapy plan finish?", {"shape": "date_of", "type": "CarePlan",
                                                                 "codes": ["91251008"], "end": True}),
    (C, LAY, "What does Dad's record say about whether he is married?", {"shape": "demographic", "field": "marital"}),
    (C, CL, "Any shingles vaccine recorded for him?", {"shape": "ever", "absent": True}),
    # --- batch 28 (2026-12-03 afternoon): a sixth independent evaluator's set (an emergency physician writing
    # with a patient's daughter), written from the bundles' JSON and frozen before carepath answered any of it;
    # how an ED doctor, a triage nurse, a patient and relatives would ask of these two records, over Patient
    # demographics, chemistry, liver, blood-count, lipid, kidney, bone-density and body-measure Observations,
    # DiagnosticReports, Conditions with onset and resolution, MedicationRequests, Immunizations, Procedures,
    # Encounters by code and CarePlans; ties and same-date duplicates checked in the JSON (only unique extremes
    # used for highest/lowest; windows chosen so counts and latest values are exact) ---
    (A, CL, "Lowest BUN he has had, and on which date?",
     {"shape": "lowest", "obs": "6299-2"}),
    (A, LAY, "My dad's chloride - what's the highest it's ever read, and when?", {"shape": "highest", "obs": "2069-3"}),
    (A, CL, "Platelet count: first CBC versus the most recent one", {"shape": "trend", "obs": "777-3"}),
    (A, CL, "Most recent haemoglobin we have for him in the ED", {"shape": "latest", "obs": "718-7"}),
    (A, LAY, "What did Dad's bone density scan score come out as?", {"shape": "latest", "obs": "38265-5"}),
    (A, CL, "Size of the polyp found at his first colonoscopy", {"shape": "latest", "obs": "33756-8"}),
    (A, LAY, "What's the lowest blood sugar reading Dad has had, and what date?", {"shape": "lowest", "obs": "2339-0"}),
    (A, CL, "How many colonoscopies has he undergone?", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (A, LAY, "Did they X-ray Dad's collarbone when he broke it?", {"shape": "ever", "type": "Procedure",
                                                                   "codes": ["168594001"]}),
    (A, CL, "Date the clavicle fracture was signed off as healed", {"shape": "date_of", "type": "Condition",
                                                                    "codes": ["58150001"], "end": True}),
    (A, LAY, "When was Dad's bowel polyp marked as sorted out?", {"shape": "date_of", "type": "Condition",
                                                                   "codes": ["68496003"], "end": True}),
    (A, CL, "Problems now closed off on his problem list",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Polyp of colon", "Viral sinusitis", "Fracture of clavicle"]}),
    (A, LAY, "What day was Dad given ibuprofen for his broken collarbone?",
     {"shape": "date_of", "type": "MedicationRequest", "codes": ["310965"]}),
    (A, CL, "How many times has he presented with symptoms (symptom encounters)?",
     {"shape": "count", "type": "Encounter", "codes": ["185345009"]}),
    (A, CL, "Earliest lipid panel in the notes - date?", {"shape": "first", "type": "DiagnosticReport",
                                                          "codes": ["57698-3"]}),
    (A, LAY, "When did Dad last have his flu jab?", {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "Known drug allergies?", {"shape": "ever", "absent": True}),
    (A, LAY, "What language does Dad prefer we use with him?", {"shape": "demographic", "field": "language"}),
    (C, CL, "Peak creatinine in the record and the date it was drawn", {"shape": "highest", "obs": "38483-4"}),
    (C, LAY, "When was Dad's good cholesterol (HDL) at its lowest, and what was it?",
     {"shape": "lowest", "obs": "2085-9"}),
    (C, CL, "Highest alk phos recorded, with the date", {"shape": "highest", "obs": "6768-6"}),
    (C, CL, "Lowest eGFR he has had and when", {"shape": "lowest", "obs": "33914-3"}),
    (C, LAY, "Has Dad's weight gone up or down over the years?", {"shape": "trend", "obs": "29463-7"}),
    (C, CL, "Latest LDL on file", {"shape": "latest", "obs": "18262-6"}),
    (C, LAY, "How many cholesterol blood tests has Dad had from 2014 on?",
     {"shape": "count", "obs": "2093-3", "window": ["2014-01-01", "9999"]}),
    (C, CL, "Platelets on his earliest full blood count, and the date", {"shape": "first", "obs": "777-3"}),
    (C, CL, "Number of follow-up encounters for his lipids", {"shape": "count", "type": "Encounter",
                                                               "codes": ["390906007"]}),
    (C, LAY, "When did Dad hurt his shoulder tendon?", {"shape": "date_of", "type": "Condition",
                                                          "codes": ["307731004"]}),
    (C, CL, "How many paracetamol courses has he been prescribed?", {"shape": "count", "type": "MedicationRequest",
                                                                      "codes": ["313782"]}),
    (C, LAY, "Did they ever test Dad's phlegm?", {"shape": "ever", "type": "Procedure", "codes": ["269911007"]}),
    (C, CL, "Date of the PCV13 dose", {"shape": "date_of", "type": "Immunization", "codes": ["133"]}),
    (C, CL, "Date of his first CBC", {"shape": "first", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, LAY, "Is Dad on any tablets for diabetes, like metformin?", {"shape": "ever", "absent": True}),
    (C, LAY, "Which town is Dad's home address in?", {"shape": "demographic", "field": "city"}),
    # --- batch 29 (2026-12-03 afternoon): a seventh independent evaluator's set (a hospitalist giving and
    # receiving a night handover, with a patient asking through a voice assistant), written from the bundles'
    # JSON and frozen before carepath answered any of it; over Patient demographics, chemistry, liver, blood-count,
    # lipid, body-measure and pain-score Observations, DiagnosticReports, Conditions with onset and resolution,
    # MedicationRequests, Immunizations, Procedures, Encounters by code and CarePlans, with two absent items; ties
    # and same-date duplicates checked in the JSON (only unique extremes used for highest/lowest; windows chosen so
    # counts and trend ends are exact) ---
    (A, CL, "Handing over: remote hx of cardiac arrest - date of the arrest itself?",
     {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (A, CL, "K on his last BMP?", {"shape": "latest", "obs": "6298-4"}),
    (A, CL, "Cr trend since 3/2016 - stable?", {"shape": "trend", "obs": "38483-4",
                                                "window": ["2016-03-01", "9999"]}),
    (A, CL, "How many Na checks has he had since spring 2015?",
     {"shape": "count", "obs": "2947-0", "window": ["2015-03-01", "9999"]}),
    (C, CL, "Lowest K he's run, and the date", {"shape": "lowest", "obs": "6298-4"}),
    (C, CL, "Peak ALT on file + date pls", {"shape": "highest", "obs": "1742-6"}),
    (C, CL, "Hb first FBC vs latest, for the handover sheet", {"shape": "trend", "obs": "718-7"}),
    (A, CL, "Any abx ever prescribed for him?", {"shape": "ever", "absent": True}),
    (C, CL, "Rotator cuff injury - date it was closed as resolved?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (A, CL, "No. of sinusitis episodes in his hx", {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (A, CL, "Last colonoscopy - when? GI may want to re-scope", {"shape": "date_of", "type": "Procedure",
                                                        "codes": ["73761001"]}),
    (C, CL, "Statin - when was it first started?", {"shape": "first", "type": "MedicationRequest",
                                                     "codes": ["316672"]}),
    (A, CL, "Date he got his PPSV23 - need it for the vaccine screen", {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (A, CL, "How many routine general exams do we have on file for him?",
     {"shape": "count", "type": "Encounter", "codes": ["162673000"]}),
    (C, CL, "Has he had any ED attendances before tonight?", {"shape": "ever", "absent": True}),
    (C, CL, "Resolved probs, for handover", {"shape": "list", "type": "Condition", "status": "resolved",
                                             "names": ["Viral sinusitis", "Acute bronchitis", "rotator cuff"]}),
    (C, CL, "Last CMP drawn when?", {"shape": "latest", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, CL, "DOB for the handover list?", {"shape": "demographic", "field": "birthDate"}),
    (A, LAY, "ok so what was my glucose reading back when they first started testing it", {"shape": "first", "obs": "2339-0"}),
    (A, LAY, "hey how many times did they way me since twenty sixteen",
     {"shape": "count", "obs": "29463-7", "window": ["2016-01-01", "9999"]}),
    (C, LAY, "what was my a one see at its highest and when was that", {"shape": "highest", "obs": "4548-4"}),
    (C, LAY, "remind me when i got my tetanus booster", {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "tell me my wait from the last time they measured it", {"shape": "latest", "obs": "29463-7"}),
    (C, LAY, "how many times have they prescribed me my cholesterol pills",
     {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, LAY, "what was the date i came down with bronchitis the first time", {"shape": "date_of", "type": "Condition", "codes": ["10509002"],
                                                  "index": 0}),
    (A, LAY, "what day was it i brake my collar bone", {"shape": "date_of", "type": "Condition",
                                                      "codes": ["58150001"]}),
    (A, LAY, "have i ever had a bone density scan done", {"shape": "ever", "type": "Procedure",
                                                          "codes": ["312681000"]}),
    (C, LAY, "my hdl the good cholesterol is it getting better or worse over the years", {"shape": "trend", "obs": "2085-9"}),
    (A, LAY, "did they ever take my gallbladder out", {"shape": "ever", "absent": True}),
    (C, LAY, "what city does it say i was born in", {"shape": "demographic", "field": "birthPlace"}),
    (A, LAY, "am i on a diabetes care plan", {"shape": "ever", "type": "CarePlan", "codes": ["698360004"]}),
    (C, LAY, "what were my triglycerides on my last cholesterol test", {"shape": "latest", "obs": "2571-8"}),
    (C, LAY, "how many times did i go to the doctor because i felt sick",
     {"shape": "count", "type": "Encounter", "codes": ["185345009"]}),
    (A, LAY, "what was my pain score at my last visit", {"shape": "latest", "obs": "72514-3"}),
    # --- batch 30 (2026-12-03 afternoon): the same seventh evaluator's second set (a clinical coder auditing the
    # chart, formal and code-system precise, with an older patient's carer writing portal messages in British and
    # Australian English with brand names), written from the bundles' JSON and frozen before carepath answered any
    # of it; different facts from batch 29 where the records allow, over Patient demographics, chemistry, liver,
    # blood-count, kidney, body-measure and blood-pressure Observations, DiagnosticReports, Conditions with onset
    # and resolution, MedicationRequests, Immunizations, Procedures, Encounters by code and class, CarePlans, and
    # absent items; ties and same-date duplicates checked in the JSON ---
    (C, CL, "Number of documented acute bronchitis episodes (SNOMED CT 10509002)",
     {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (A, CL, "Abatement date recorded for the third viral sinusitis episode",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "index": 2, "end": True}),
    (A, CL, "Documented onset date of prediabetes (SNOMED CT 15777000)",
     {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (C, CL, "Audit query: onset date documented against the anaemia diagnosis",
     {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (A, CL, "Total Medication Reconciliation procedures documented (SNOMED CT 430193006)",
     {"shape": "count", "type": "Procedure", "codes": ["430193006"]}),
    (A, CL, "Performed date of the rectal polypectomy as coded",
     {"shape": "date_of", "type": "Procedure", "codes": ["274031008"]}),
    (A, CL, "Is an admission to the orthopaedic department documented, and if so on what date?",
     {"shape": "ever", "type": "Procedure", "codes": ["305428000"]}),
    (C, CL, "Count of Basic Metabolic Panel reports (LOINC 51990-0) held in the chart",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (A, CL, "Effective date of the most recent Lipid Panel report (LOINC 57698-3)",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (C, CL, "Serum total protein: earliest documented result and its effective date",
     {"shape": "first", "obs": "2885-2"}),
    (C, CL, "Lowest AST documented across all episodes, with the result date", {"shape": "lowest", "obs": "1920-8"}),
    (C, CL, "Maximum total bilirubin documented, and the date of that result", {"shape": "highest", "obs": "1975-2"}),
    (A, CL, "Administration date recorded for CVX 113 (Td, adult, preservative free)",
     {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (A, CL, "Number of encounters documented with encounter class EMER", {"shape": "count", "type": "Encounter",
                                                                          "cls": "EMER"}),
    (C, CL, "How many check-up encounters (SNOMED CT 185349003) are documented?",
     {"shape": "count", "type": "Encounter", "codes": ["185349003"]}),
    (A, CL, "Ethnicity as it stands in the Patient resource, for the coding audit",
     {"shape": "demographic", "field": "ethnicity"}),
    (C, CL, "Is any nephrolithiasis (kidney stone) diagnosis documented for this patient?",
     {"shape": "ever", "absent": True}),
    (C, CL, "MCV across the two documented full blood counts: first and most recent values",
     {"shape": "trend", "obs": "787-2"}),
    (C, LAY, "Hello, I'm the carer for the gentleman on this account a few mornings a week. The chemist asked me "
             "when a doctor last prescribed him Panadol, could you tell me the date please?",
     {"shape": "date_of", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, LAY, "Hi there, I've been helping look after Aaron since he fell and broke his collarbone. Is he still "
             "meant to be on the Nurofen they gave him, or on any other tablets at the moment?",
     {"shape": "absent_list", "type": "MedicationRequest", "status": "active"}),
    (C, LAY, "Good afternoon, I'm just sorting out his Webster-pak for the fortnight and want to be sure the "
             "Zocor is up to date. When was it last prescribed?",
     {"shape": "date_of", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "The practice nurse is doing his immunisation catch-up and asked me to find out. What date did he "
             "have the Prevenar 13 pneumonia jab?",
     {"shape": "date_of", "type": "Immunization", "codes": ["133"]}),
    (C, LAY, "As far as I know he's had his flu jab every year without fail. How many are actually on his "
             "record?", {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "He has lost a fair bit of weight over the years, bless him. What did he weigh at the very first "
             "reading in his notes, and when was that?", {"shape": "first", "obs": "29463-7"}),
    (C, LAY, "His blood pressure has always been a worry for the family. What's the highest the top number has "
             "ever been, and on what date?", {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (A, LAY, "We're moving him to a new surgery closer to us and they want his bowel history. When did he have "
             "his first colonoscopy?", {"shape": "first", "type": "Procedure", "codes": ["73761001"]}),
    (A, LAY, "The dietitian mentioned his calcium when she visited on Tuesday. What was it on his latest blood "
             "test?", {"shape": "latest", "obs": "49765-1"}),
    (C, LAY, "I read that low sodium can make older people a bit muddled. What was his lowest sodium reading and "
             "when was it?", {"shape": "lowest", "obs": "2947-0"}),
    (A, LAY, "We're getting him a walking frame fitted and the OT needs his height. What's the latest one "
             "recorded?", {"shape": "latest", "obs": "8302-2"}),
    (C, LAY, "His daughter is a bit worried about his memory lately. Has he ever been diagnosed with dementia, "
             "going by his records?", {"shape": "ever", "absent": True}),
    (C, LAY, "The community nurse is coming round next week and wants a list. Which care plans is he currently "
             "on?", {"shape": "list", "type": "CarePlan", "status": "active",
                     "names": ["Diabetes self management plan", "Hyperlipidemia clinical management plan"]}),
    (A, LAY, "Filling in his aged care assessment forms this arvo. Is he down as married or single on his file?",
     {"shape": "demographic", "field": "marital"}),
    (A, LAY, "The GP said something about his white cell count at the last appointment. Has it gone up or down "
             "between his blood counts?", {"shape": "trend", "obs": "6690-2"}),
    (C, LAY, "He's been told to watch his kidneys. Since 2015, has his kidney function (the eGFR) got better "
             "or worse?", {"shape": "trend", "obs": "33914-3", "window": ["2015-01-01", "9999"]}),
    # --- batch 31 (2026-12-03 afternoon): an eighth independent evaluator's set (a third-year medical student
    # presenting on a ward round, over-formal and in full sentences, sometimes asking two things at once, and an
    # adult patient whose first language is not English, with Spanish/Chinese/Arabic-influenced grammar and
    # word-for-word translations), written from the bundles' JSON and frozen before carepath answered any of it;
    # over Patient demographics (race, language), chemistry, liver, lipid, blood-count, bone-density, body-measure,
    # blood-pressure and smoking-status Observations, DiagnosticReports, Conditions with onset and resolution,
    # MedicationRequests (incl. an empty active list), Immunizations, Procedures, Encounters by code, completed
    # CarePlans, and three absent items; ties, same-date duplicates and extremes that round to the same shown
    # value checked in the JSON (only unique extremes used; windows chosen so counts and trend ends are exact) ---
    (A, CL, "Good morning. Before I present Mr. Brekke, could you please tell me what race is recorded for him in "
            "his demographic details?", {"shape": "demographic", "field": "race"}),
    (C, CL, "Could you please tell me his most recent estimated glomerular filtration rate, as I would like to "
            "comment on his renal function?", {"shape": "latest", "obs": "33914-3"}),
    (C, CL, "Could you please tell me the highest alkaline phosphatase that has been recorded for this patient, "
            "and on which date that sample was taken?", {"shape": "highest", "obs": "6768-6"}),
    (A, CL, "May I ask what the lowest serum creatinine on record is, and on what date it was measured?",
     {"shape": "lowest", "obs": "38483-4"}),
    (A, CL, "Could you please tell me how many potassium results he has had from 2015 onwards?",
     {"shape": "count", "obs": "6298-4", "window": ["2015-01-01", "9999"]}),
    (C, CL, "For the lipid section of my presentation, could you please tell me his first recorded triglyceride "
            "level and the date on which it was measured?", {"shape": "first", "obs": "2571-8"}),
    (C, CL, "Could you please tell me whether his serum albumin has increased or decreased across the liver "
            "function tests on file?", {"shape": "trend", "obs": "1751-7"}),
    (A, CL, "Could you please tell me when anaemia was first diagnosed in this gentleman, and whether it is still "
            "considered an active problem?", {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (A, CL, "I would be grateful if you could tell me the date on which his clavicular fracture was documented "
            "as resolved.", {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    (C, CL, "Could you please tell me which vaccinations this patient has received, so that I may summarise his "
            "immunisation history?", {"shape": "list", "type": "Immunization",
                                      "names": ["Influenza", "Pneumococcal conjugate",
                                                "pneumococcal polysaccharide", "Td"]}),
    (C, CL, "Could you please tell me which medications he is currently taking, including the dose of each?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (A, CL, "Could you please tell me the total number of immunisations that are documented in his record?",
     {"shape": "count", "type": "Immunization"}),
    (A, CL, "Could you please tell me the T-score from his DXA scan, and on what date the scan was performed?",
     {"shape": "first", "obs": "38265-5"}),
    (C, CL, "Could you please tell me how many follow-up encounters he has attended in total?",
     {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, CL, "Could you please tell me when his most recent check-up encounter took place?",
     {"shape": "latest", "type": "Encounter", "codes": ["185349003"]}),
    (C, CL, "Could you please tell me how many lipid panels have been reported for him, as I would like to "
            "comment on his monitoring?", {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, CL, "Could you please tell me whether there is any documented history of atrial fibrillation in this "
            "patient?", {"shape": "ever", "absent": True}),
    (C, CL, "For the social history, could you please tell me his most recently documented smoking status?",
     {"shape": "latest", "obs": "72166-2"}),
    (C, LAY, "In my record, which language it say that I speak?", {"shape": "demographic", "field": "language"}),
    (A, LAY, "How much is the sugar of the blood in my last analysis?", {"shape": "latest", "obs": "2339-0"}),
    (C, LAY, "How much times I have the general check of all the body with the doctor?",
     {"shape": "count", "type": "Encounter", "codes": ["162673000"]}),
    (A, LAY, "The small number of my pressure, which one is the most low, and what day?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (C, LAY, "When the doctor say me first time that I have the fat in the blood too high?",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (C, LAY, "The second time I have the bronchitis, which day it finish?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "index": 1, "end": True}),
    (A, LAY, "Now I am taking some medicine from the doctor? Which one?",
     {"shape": "absent_list", "type": "MedicationRequest", "status": "active"}),
    (C, LAY, "How much times the doctor write me the paracetamol?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["313782"]}),
    (C, LAY, "The vaccine for the pneumonia, the 23 one, I have it already? Which day?",
     {"shape": "ever", "type": "Immunization", "codes": ["33"]}),
    (C, LAY, "My weight, since 2012 it go up or it go down?",
     {"shape": "trend", "obs": "29463-7", "window": ["2012-01-01", "9999"]}),
    (A, LAY, "How much colonoscopy they make me until now?", {"shape": "count", "type": "Procedure",
                                                              "codes": ["73761001"]}),
    (C, LAY, "In my country the doctor tell me I am allergic for penicillin. This is write in my file here?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "The hemoglobin, how much it is the first time they check me, and which day?",
     {"shape": "first", "obs": "718-7"}),
    (C, LAY, "Which plan of care I finish already, that is not active more?",
     {"shape": "list", "type": "CarePlan", "status": "completed",
      "names": ["Respiratory therapy", "Physical therapy procedure"]}),
    (C, LAY, "They make me ever operation for the hernia?", {"shape": "ever", "absent": True}),
    (A, LAY, "My bad cholesterol, the LDL, it go up or go down in all the years?",
     {"shape": "trend", "obs": "18262-6"}),
    # --- batch 32 (2026-12-03 afternoon): the same eighth evaluator's second set (a community pharmacist doing a
    # structured medication review and a district nurse writing visit notes, terse and SOAP-ish with Rx/PRN/Tx/o/e
    # and ?-prefixed queries, with a teenage grandchild texting for a grandparent in lowercase slang with emojis),
    # written from the bundles' JSON and frozen before carepath answered any of it; different facts from batches
    # 29-31 where the records allow, over Patient demographics (birthplace, birth date), chemistry, liver, lipid,
    # blood-count, body-measure, blood-pressure and pain-score Observations, DiagnosticReports, Conditions with
    # onset and resolution, MedicationRequests, Immunizations, Procedures, ImagingStudy, Encounters by code and
    # class, an active CarePlan, and two absent items; ties, same-date duplicates and extremes that round to the
    # same shown value checked in the JSON (only unique extremes used; windows chosen so counts and trend ends are
    # exact) ---
    (C, CL, "SMR - allergies: NKDA or anything documented?", {"shape": "ever", "absent": True}),
    (C, CL, "Simvastatin 10mg - still an active Rx? date of the current script pls",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["316672"], "status": "active"}),
    (A, CL, "Ibuprofen 200mg tabs - when Rx'd? checking it was a short course only",
     {"shape": "date_of", "type": "MedicationRequest", "codes": ["310965"]}),
    (C, CL, "PRN paracetamol 325mg: date of 1st Rx on file?",
     {"shape": "first", "type": "MedicationRequest", "codes": ["313782"]}),
    (C, CL, "Renal fn for dose check - most recent creatinine?", {"shape": "latest", "obs": "38483-4"}),
    (C, CL, "Statin LFT monitoring: lowest ALT on file + date", {"shape": "lowest", "obs": "1742-6"}),
    (C, CL, "Statin Tx: LDL at first check vs most recent?", {"shape": "trend", "obs": "18262-6"}),
    (A, CL, "Med review: no. of glucose results since 2014?",
     {"shape": "count", "obs": "2339-0", "window": ["2014-01-01", "9999"]}),
    (C, CL, "?last flu vax", {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "Wt last recorded? scales not working today", {"shape": "latest", "obs": "29463-7"}),
    (C, CL, "Pain (0-10 NRS) since 2016 - better or worse?",
     {"shape": "trend", "obs": "72514-3", "window": ["2016-01-01", "9999"]}),
    (A, CL, "o/e BP - previous diastolic for comparison?", {"shape": "latest", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "PMH recurrent sinusitis - 2nd episode resolved when?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "index": 1, "end": True}),
    (A, CL, "Active problems for the visit note pls", {"shape": "list", "type": "Condition", "status": "active",
                                                        "names": ["Cardiac Arrest", "History of cardiac arrest",
                                                                  "obesity", "Prediabetes", "Anemia"]}),
    (C, CL, "Urgent care attendance on file? if so date",
     {"shape": "ever", "type": "Encounter", "codes": ["702927004"]}),
    (A, CL, "?last ED attendance", {"shape": "latest", "type": "Encounter", "cls": "EMER"}),
    (A, CL, "U&E/BMP last done - date? for K+ monitoring",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (C, CL, "Med rec last documented when?", {"shape": "latest", "type": "Procedure", "codes": ["430193006"]}),
    (A, LAY, "where was grandpa born again?? its for my school project 📚",
     {"shape": "demographic", "field": "birthPlace"}),
    (C, LAY, "wait whens grandads bday, gran says i always forget 🙈", {"shape": "demographic", "field": "birthDate"}),
    (A, LAY, "has gramps ever had an xray?? he says no lol", {"shape": "ever", "type": "ImagingStudy"}),
    (C, LAY, "gran wants 2 know when grandad had that sinus infection thing",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"]}),
    (C, LAY, "whats grandads sugar rn, the a1c one", {"shape": "latest", "obs": "4548-4"}),
    (A, LAY, "has grandpas a1c gone up sooo much since 2015?? 😬",
     {"shape": "trend", "obs": "4548-4", "window": ["2015-01-01", "9999"]}),
    (C, LAY, "gran's asking how many blood count tests grandad's had, can u check",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, LAY, "how many vaccines has grandad had altogether?? gran thinks like 5 lol 💉",
     {"shape": "count", "type": "Immunization"}),
    (C, LAY, "whens the first ever visit on grandads record lol", {"shape": "first", "type": "Encounter"}),
    (C, LAY, "did grandad ever have covid?? 😷 idk", {"shape": "ever", "absent": True}),
    (C, LAY, "whats the highest grandads cholesterol has ever been + when", {"shape": "highest", "obs": "2093-3"}),
    (A, LAY, "did grandpas platelets go up or down?? doc mentioned smth", {"shape": "trend", "obs": "777-3"}),
    (C, LAY, "is grandad on a cholesterol care plan rn or did that stop",
     {"shape": "ever", "type": "CarePlan", "codes": ["736285004"], "status": "active"}),
    (A, LAY, "whats grandpas sodium from the very first test", {"shape": "first", "obs": "2947-0"}),
    (C, LAY, "did grandad ever get his spit tested?? like sputum? when",
     {"shape": "ever", "type": "Procedure", "codes": ["269911007"]}),
    (C, LAY, "whats the lowest grandads blood sugar has gone?? he gets shaky sometimes 🥴",
     {"shape": "lowest", "obs": "2339-0"}),
    # --- batch 33 (2026-12-03 afternoon): a ninth independent evaluator's set (a physician assistant doing a
    # telehealth follow-up, conversational, "can you pull up...", dates given as a day, a quarter or "mid-year",
    # with the patient's anxious spouse or partner writing long, hedging messages that set out the worry before the
    # question), written from the bundles' JSON and frozen before carepath answered any of it; over Patient
    # demographics (sex, ethnicity), chemistry, lipid, A1c, body-measure, blood-pressure and smoking-status
    # Observations, DiagnosticReports, Conditions with onset and resolution (incl. an indexed episode's resolution
    # date and an active/resolved list), MedicationRequests, Immunizations, Procedures, Encounters by code and
    # class, a completed CarePlan, and three absent items; ties, same-date duplicates and extremes that round to the
    # same shown value checked in the JSON (only unique extremes used; windows chosen so counts and values are
    # exact) ---
    (C, CL, "Okay, I've got Mr. Stiedemann on video for his follow-up. Can you pull up his BUN from the most "
            "recent draw?", {"shape": "latest", "obs": "6299-2"}),
    (A, CL, "What've we got for his bicarb? Highest CO2 on file, and what date was that?",
     {"shape": "highest", "obs": "20565-8"}),
    (C, CL, "Can you pull up the LDL from the 20th of July 2014 for me?",
     {"shape": "latest", "obs": "18262-6", "window": ["2014-07-20", "2014-07-20"]}),
    (C, CL, "Glucose-wise, how many readings did we get on him during Q3 2015?",
     {"shape": "count", "obs": "2339-0", "window": ["2015-07-01", "2015-09-30"]}),
    (A, CL, "Since mid-2016, which way has his A1c been heading?",
     {"shape": "trend", "obs": "4548-4", "window": ["2016-07-01", "9999"]}),
    (C, CL, "That viral sinusitis he had in January 2010 - what date was it marked resolved?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "end": True}),
    (C, CL, "Quick one before I run the renal dosing calc - what's his sex on file?",
     {"shape": "demographic", "field": "gender"}),
    (A, CL, "And how many flu shots have we got documented for him over the years?",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "The care plan they set up for the collarbone fracture - what's the end date on that one?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"], "end": True}),
    (A, CL, "What've we got in terms of ambulatory encounters - how many in total?",
     {"shape": "count", "type": "Encounter", "cls": "AMB"}),
    (C, CL, "Can you pull up his triglycerides - what's the worst they've been, and when was it?",
     {"shape": "highest", "obs": "2571-8"}),
    (A, CL, "Has his K ever run on the low side? Give me the lowest value we've got and the date.", {"shape": "lowest", "obs": "6298-4"}),
    (A, CL, "With the arrest history I'd like a baseline - is there an ECG anywhere in his chart?",
     {"shape": "ever", "absent": True}),
    (A, CL, "Tobacco use - what does the most recent documentation say?", {"shape": "latest", "obs": "72166-2"}),
    (C, CL, "How many comprehensive metabolic panels have we got on him altogether?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, CL, "Can you pull up the problems that have been resolved for him?",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Polyp of colon", "Viral sinusitis", "Fracture of clavicle"]}),
    (A, CL, "When did he have his first CBC, going by what we've got?",
     {"shape": "first", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, LAY, "I'm not sure if this is the right place to ask but my husband has been so worn out lately and I keep "
             "reading about anemia online and now I can't sleep for worrying, what was his hemoglobin the last "
             "time they checked it?", {"shape": "latest", "obs": "718-7"}),
    (C, LAY, "My husband never tells me anything, he just says it's all fine, but I found a letter in the drawer "
             "that mentions prediabetes, so when did they first put that on his record?",
     {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (C, LAY, "His father died of a heart attack at sixty so I watch his cholesterol like a hawk and I've been "
             "fretting about it, has his total cholesterol actually come down since 2015 or not?",
     {"shape": "trend", "obs": "2093-3", "window": ["2015-01-01", "9999"]}),
    (C, LAY, "He's had bronchitis twice and the first time it dragged on and on and I was beside myself, could you "
             "tell me when that first one was finally over?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "index": 0, "end": True}),
    (C, LAY, "I take his blood pressure at home with one of those cuffs but I'm never sure I'm doing it right, so "
             "what was the bottom number when they took it at his last check?",
     {"shape": "latest", "obs": "55284-4", "comp": "8462-4"}),
    (C, LAY, "We're flying out to see the grandkids and my daughter keeps asking whether he's had the pneumonia "
             "shot, the PCV13 one I think it's called, has he had it and when?",
     {"shape": "ever", "type": "Immunization", "codes": ["133"]}),
    (C, LAY, "He keeps putting off his physical and honestly I've lost track, I might be wrong but I think it's "
             "been ages, when was his most recent general exam?",
     {"shape": "latest", "type": "Encounter", "codes": ["162673000"]}),
    (A, LAY, "I'm his partner, we never married so I'm not even sure I'm allowed to ask this, but is the cardiac "
             "arrest he had when he was young still listed as active on his record?",
     {"shape": "list", "type": "Condition", "codes": ["410429000"], "status": "active", "names": ["Cardiac Arrest"]}),
    (A, LAY, "He doesn't like talking about the bowel stuff and I only found out by accident when I saw a bill, "
             "when did they first find the polyp in his colon?",
     {"shape": "date_of", "type": "Condition", "codes": ["68496003"]}),
    (C, LAY, "He's lost some weight and I can't tell if that's a good thing or a bad thing, and I'm not sure what "
             "BMI even means really, has his BMI gone up or down over the years?",
     {"shape": "trend", "obs": "39156-5"}),
    (C, LAY, "He snores so loudly I've moved into the spare room and some nights I'm scared he's stopped breathing, "
             "has he ever been diagnosed with sleep apnea?", {"shape": "ever", "absent": True}),
    (A, LAY, "Sorry, this might be a daft question, but after he broke his collarbone did they ever actually "
             "prescribe him ibuprofen, or was that just something he bought himself?",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["310965"]}),
    (C, LAY, "The doctor said something in passing about his full blood count and of course I panicked, when was "
             "the last time they did one of those?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, LAY, "He gets these headaches and my sister says it could be the salt, I don't know, what's the highest his "
             "sodium has ever been, and when was that?", {"shape": "highest", "obs": "2947-0"}),
    (C, LAY, "I'm filling in the forms for his new insurance and it asks for ethnicity and I don't want to guess "
             "wrong and cause problems, what's on his record?", {"shape": "demographic", "field": "ethnicity"}),
    (A, LAY, "All of my partner's friends seem to be getting their prostates checked and whenever I bring it up he "
             "just shrugs, has he ever had the PSA blood test?", {"shape": "ever", "absent": True}),
    (C, LAY, "I always worry they'll mix up his tablets, so how many times have they sat down and gone through all "
             "his medications with him, the medication reconciliation thing?",
     {"shape": "count", "type": "Procedure", "codes": ["430193006"]}),
    # --- batch 34 (2026-12-03 afternoon): the same ninth evaluator's second set (a quality-improvement analyst /
    # registry abstractor checking measures, formal and precise, with measurement periods, numerators, "most recent
    # result prior to" and "any evidence of", and a patient reading their own after-visit summary and portal, copying
    # the record's wording and asking what it means and when it happened), written from the bundles' JSON and
    # frozen before carepath answered any of it; different facts from batches 29-33 where the records allow, over
    # Patient demographics (marital status), A1c, blood-pressure, kidney, lipid, liver, chemistry, blood-count,
    # stool-test, body-measure, pain-score and smoking-status Observations, DiagnosticReports, Conditions with onset
    # and an indexed episode's resolution date, MedicationRequests, Immunizations, Procedures (incl. a list),
    # Encounters by code and by class, a completed CarePlan's end date, and three absent items; ties, same-date
    # duplicates and extremes that round to the same shown value checked in the JSON (only unique extremes used;
    # measurement-period windows chosen so counts and values are exact) ---
    (C, CL, "HbA1c control measure: most recent HbA1c result documented in measurement year 2018 "
            "(01/01/2018-12/31/2018).",
     {"shape": "latest", "obs": "4548-4", "window": ["2018-01-01", "2018-12-31"]}),
    (C, CL, "Controlling high blood pressure, measurement period calendar year 2017: systolic value of the most "
            "recent reading documented in the period.",
     {"shape": "latest", "obs": "55284-4", "comp": "8480-6", "window": ["2017-01-01", "2017-12-31"]}),
    (C, CL, "Kidney health evaluation: number of eGFR results with a result date in calendar years 2016 through "
            "2018 inclusive.", {"shape": "count", "obs": "33914-3", "window": ["2016-01-01", "2018-12-31"]}),
    (C, CL, "Lipid management: most recent LDL-C result prior to 01/01/2018.",
     {"shape": "latest", "obs": "18262-6", "window": ["1900-01-01", "2017-12-31"]}),
    (A, CL, "Colorectal cancer screening numerator: any evidence of an immunochemical fecal occult blood test (FIT) "
            "result? If present, give the date of service.", {"shape": "ever", "obs": "57905-2"}),
    (A, CL, "Adult BMI assessment: most recent body mass index value documented in the record.",
     {"shape": "latest", "obs": "39156-5"}),
    (C, CL, "Tobacco use screening: result and date of the earliest documented screening.",
     {"shape": "first", "obs": "72166-2"}),
    (C, CL, "Depression screening numerator: is a PHQ-9 or PHQ-2 score documented at any time in the record?",
     {"shape": "ever", "absent": True}),
    (A, CL, "Eye exam measure: any evidence of a retinal or dilated eye exam performed by an eye care professional?",
     {"shape": "ever", "absent": True}),
    (C, CL, "Immunization registry reconciliation: most recent vaccine administered and its administration date.",
     {"shape": "latest", "type": "Immunization", "name": "Influenza"}),
    (A, CL, "Registry abstraction: total number of Lipid Panel reports (LOINC 57698-3) present in the record.",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, CL, "Utilization abstraction: date of service of the earliest encounter with encounter class EMER.",
     {"shape": "first", "type": "Encounter", "cls": "EMER"}),
    (C, CL, "Date of service of the most recent follow-up encounter (SNOMED CT 390906007) for the registry "
            "submission.", {"shape": "latest", "type": "Encounter", "codes": ["390906007"]}),
    (A, CL, "Problem list validation: documented onset date of the BMI 30+ obesity finding (SNOMED CT 162864005).",
     {"shape": "date_of", "type": "Condition", "codes": ["162864005"]}),
    (C, CL, "Lipid registry: maximum LDL-C value across the full look-back period, with its result date.",
     {"shape": "highest", "obs": "18262-6"}),
    (A, CL, "Procedure abstraction: enumerate each distinct procedure type documented for this patient.",
     {"shape": "list", "type": "Procedure",
      "names": ["Colonoscopy", "Fecal occult blood test", "Rectal polypectomy", "Medication Reconciliation",
                "Clavicle X-ray", "Admission to orthopedic department", "Bone density scan"]}),
    (C, CL, "Cardiometabolic registry: HDL-C at the first and at the most recent result dated 2016 through 2019.",
     {"shape": "trend", "obs": "2085-9", "window": ["2016-01-01", "2019-12-31"]}),
    (C, LAY, "My portal lists one of my visits as 'Encounter for problem' but doesn't say what the problem was. What "
             "date was that visit?", {"shape": "date_of", "type": "Encounter", "codes": ["185347001"]}),
    (A, LAY, "My after-visit summaries say 'Encounter for symptom' on a few of the appointments. When was the most "
             "recent one of those?", {"shape": "latest", "type": "Encounter", "codes": ["185345009"]}),
    (C, LAY, "There's a line in my lab results that says 'Bilirubin.total [Mass/volume] in Serum or Plasma'. I think "
             "that's a liver thing? What's the lowest mine has been, and on what date?",
     {"shape": "lowest", "obs": "1975-2"}),
    (C, LAY, "Every visit summary has 'Pain severity - 0-10 verbal numeric rating [Score] - Reported'. What's the "
             "highest pain number I gave them, and when?", {"shape": "highest", "obs": "72514-3"}),
    (A, LAY, "Under procedures my portal shows 'Medication Reconciliation (procedure)'. I guess that's when they go "
             "over my pills? When was the latest one?",
     {"shape": "latest", "type": "Procedure", "codes": ["430193006"]}),
    (C, LAY, "My care plans page shows 'Respiratory therapy' with the status completed. The last time I was on "
             "that plan, what date did it finish?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["53950000"], "end": True}),
    (C, LAY, "My immunizations page lists 'Influenza, seasonal, injectable, preservative free' over and over. When "
             "did I get the very first of those?", {"shape": "first", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "My medication list says 'Simvistatin 10 MG' with the status 'active'. Is that my cholesterol pill, "
             "and what date was that active order written?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"], "status": "active"}),
    (A, LAY, "My blood count results have 'Erythrocytes [#/volume] in Blood by Automated count'. Is that my red "
             "blood cells? Has the number gone up or down between the tests?", {"shape": "trend", "obs": "789-8"}),
    (A, LAY, "My problem list says 'History of cardiac arrest (situation)'. What date is that entry from?",
     {"shape": "date_of", "type": "Condition", "codes": ["429007001"]}),
    (C, LAY, "'Chloride' shows up in the blood work section of my visit summary. How high has mine ever gone, and "
             "on which date?", {"shape": "highest", "obs": "2069-3"}),
    (A, LAY, "On every blood test my portal shows 'Urea Nitrogen'. What did it say the last time, and is that the "
             "kidney one?", {"shape": "latest", "obs": "6299-2"}),
    (C, LAY, "My profile on the portal just says 'M' under marital status. Does that mean it has me down as married?",
     {"shape": "demographic", "field": "marital"}),
    (A, LAY, "My plan says something about a 'kidney health evaluation'. Has my urine ever actually been tested "
             "for protein?", {"shape": "ever", "absent": True}),
    (C, LAY, "The results page shows 'Hemoglobin A1c/Hemoglobin.total in Blood' lots of times. How many of those "
             "were done in 2010?", {"shape": "count", "obs": "4548-4", "window": ["2010-01-01", "2010-12-31"]}),
    (A, LAY, "My reports page has a long list of 'Basic Metabolic Panel' entries. When was the first one done?",
     {"shape": "first", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (A, LAY, "My problem list shows 'Viral sinusitis (disorder)' three times, all marked resolved. When did the "
             "first one clear up?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "index": 0, "end": True}),
    # --- batch 35 (2026-12-03 afternoon): a tenth independent evaluator's set, the plain everyday mix (a GP and a
    # practice nurse asking short, ordinary questions between appointments, and patients on the portal asking the
    # things patients most often ask), written from the bundles' JSON and frozen before carepath answered any of
    # it; over Patient demographics (birth date, city), creatinine, blood-pressure, weight, liver, lipid, glucose,
    # A1c and potassium Observations, a DiagnosticReport, Conditions with onset and resolution (incl. an active
    # list), MedicationRequests (first order, active list), Immunizations, Procedures, Encounters by code and in
    # total, active CarePlans, and three absent items; ties, same-date duplicates and extremes that round to the
    # same shown value checked in the JSON (only unique extremes used; windows chosen so counts are exact) ---
    (A, CL, "Latest creatinine for him, please?", {"shape": "latest", "obs": "38483-4"}),
    (C, CL, "Simvastatin - what date was that originally started?",
     {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, CL, "How many HbA1cs has he had done from 2015 onwards?",
     {"shape": "count", "obs": "4548-4", "window": ["2015-01-01", "9999"]}),
    (A, CL, "Has he had Pneumovax 23? If so, when?", {"shape": "ever", "type": "Immunization", "codes": ["33"]}),
    (C, CL, "What repeat medication is he on at present?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (A, CL, "Lowest diastolic reading on his file, with the date?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (C, CL, "What's been his highest ALT, and when was that taken?", {"shape": "highest", "obs": "1742-6"}),
    (C, CL, "At his last BP check, what was the systolic?", {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (A, CL, "What's his weight from his last check?", {"shape": "latest", "obs": "29463-7"}),
    (C, CL, "When did the hyperlipidaemia go onto his problem list?",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (A, CL, "How many general health checks has he had with us over the years?",
     {"shape": "count", "type": "Encounter", "codes": ["162673000"]}),
    (C, CL, "Has he been given the shingles vaccine?", {"shape": "ever", "absent": True}),
    (A, CL, "How is his HDL trending?", {"shape": "trend", "obs": "2085-9"}),
    (C, CL, "The shoulder injury in 2013, the rotator cuff - when was that marked as resolved?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (A, CL, "What's on his active problem list?",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (C, CL, "When was his most recent comprehensive metabolic panel?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, CL, "What date was his bone density scan?",
     {"shape": "date_of", "type": "Procedure", "codes": ["312681000"]}),
    (C, LAY, "Can you count up my flu vaccinations for me?",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "My total cholesterol from the last blood test - what was the number?",
     {"shape": "latest", "obs": "2093-3"}),
    (A, LAY, "Has my glucose level gone up or down over the years?", {"shape": "trend", "obs": "2339-0"}),
    (C, LAY, "What's the highest my blood glucose has been, and when was that?", {"shape": "highest", "obs": "2339-0"}),
    (A, LAY, "I had my collarbone x-rayed after the fall - what date was that?",
     {"shape": "date_of", "type": "Procedure", "codes": ["168594001"]}),
    (C, LAY, "In total, how many visits have I made to the practice?", {"shape": "count", "type": "Encounter"}),
    (A, LAY, "Have I ever been put on tablets for my blood pressure?", {"shape": "ever", "absent": True}),
    (A, LAY, "My potassium - what did it come back as last time?", {"shape": "latest", "obs": "6298-4"}),
    (C, LAY, "The last time I had bronchitis, when did it clear up?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "end": True}),
    (C, LAY, "Which care plans am I currently on?",
     {"shape": "list", "type": "CarePlan", "status": "active",
      "names": ["Diabetes self management plan", "Hyperlipidemia clinical management plan"]}),
    (A, LAY, "I think I've had a few colonoscopies - when was the latest one?",
     {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "Can you check you've got the right date of birth for me?",
     {"shape": "demographic", "field": "birthDate"}),
    (A, LAY, "What town have you got down for my address?", {"shape": "demographic", "field": "city"}),
    (A, LAY, "Do I have hypertension on my records?", {"shape": "ever", "absent": True}),
    (A, LAY, "What was my first ever HbA1c result?", {"shape": "first", "obs": "4548-4"}),
    (C, LAY, "How many times has my LDL been checked since the start of 2017?",
     {"shape": "count", "obs": "18262-6", "window": ["2017-01-01", "9999"]}),
    (A, LAY, "Has my LDL cholesterol gone up since it was first tested?", {"shape": "trend", "obs": "18262-6"}),
    # --- batch 36 (2026-12-03 afternoon): the same tenth evaluator's second set (an emergency department
    # registrar taking a rapid history from the record, clipped and abbreviated, a ward pharmacist doing the
    # admission medicines reconciliation, and a patient's adult son asking gently, with explanation, on behalf of
    # his father who now has dementia), written from the bundles' JSON and frozen before carepath answered any of
    # it; different facts from batches 31-35 where the records allow, over Patient demographics (language),
    # haemoglobin, kidney, chemistry, liver, lipid, blood-count, blood-pressure, weight and smoking-status
    # Observations, DiagnosticReports, Conditions (a whole-history list, onset dates, an indexed episode's
    # resolution date), MedicationRequests (active list, count, latest order), Immunizations, Procedures,
    # Encounters by class and by code, an active CarePlan, and three absent items; ties, same-date duplicates and
    # extremes that round to the same shown value checked in the JSON (only unique extremes used; windows chosen so
    # counts and values are exact) ---
    (A, CL, "Past medical hx - everything on file, old and current?",
     {"shape": "list", "type": "Condition", "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity",
                                                      "Prediabetes", "Anemia", "Polyp of colon", "Viral sinusitis",
                                                      "Fracture of clavicle"]}),
    (A, CL, "Prev ED attendances - how many?", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (A, CL, "Hb? most recent pls", {"shape": "latest", "obs": "718-7"}),
    (A, CL, "Ever admitted under ortho? Date?", {"shape": "ever", "type": "Procedure", "codes": ["305428000"]}),
    (C, CL, "eGFR, last one?", {"shape": "latest", "obs": "33914-3"}),
    (C, CL, "K+ last result?", {"shape": "latest", "obs": "6298-4"}),
    (A, CL, "Cardiac hx - arrest, when?", {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (C, CL, "Seizures/epilepsy hx?", {"shape": "ever", "absent": True}),
    (A, CL, "Tetanus status - date of last Td?", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, CL, "Last BMP - date drawn?", {"shape": "latest", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (C, CL, "Med rec on admission: which medication orders are currently active?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (C, CL, "Simvastatin - number of separate orders on the system?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, CL, "Any previous acetaminophen orders? Date of the most recent one?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, CL, "Admission med rec - any drug allergies documented?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, CL, "Baseline before the statin was started in July 2012 - what was his last LDL prior to that?",
     {"shape": "latest", "obs": "18262-6", "window": ["1900-01-01", "2012-07-19"]}),
    (C, CL, "How many potassium levels were checked during 2019?",
     {"shape": "count", "obs": "6298-4", "window": ["2019-01-01", "2019-12-31"]}),
    (C, CL, "On a statin - what was the AST on his latest LFTs?", {"shape": "latest", "obs": "1920-8"}),
    (C, LAY, "Dad has dementia now and can't tell the doctors his history himself, so I'm trying to piece it "
             "together for him. When was he first diagnosed with anaemia?",
     {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (A, LAY, "My father doesn't remember much these days. I think he once had a polyp taken out during a bowel "
             "test - did that happen, and when?", {"shape": "ever", "type": "Procedure", "codes": ["274031008"]}),
    (A, LAY, "Dad sometimes rubs his shoulder and says he broke something years ago, but he can't say what. When "
             "did he fracture his collarbone?", {"shape": "date_of", "type": "Condition", "codes": ["58150001"]}),
    (C, LAY, "I'm taking over Dad's appointments now his memory is failing. How many follow-up visits has he had "
             "so far?", {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, LAY, "Dad insists he has never smoked, but with his memory I can't be sure. What does his record say?",
     {"shape": "latest", "obs": "72166-2"}),
    (C, LAY, "A letter mentioned Dad's alkaline phosphatase. I'm not medical, so could you tell me the highest it "
             "has been and when?", {"shape": "highest", "obs": "6768-6"}),
    (C, LAY, "Dad bruises easily and I wondered about his platelets. What's the lowest they've been, and on what "
             "date?", {"shape": "lowest", "obs": "777-3"}),
    (A, LAY, "Dad gets flustered when they take his blood pressure. What's the highest the lower number has ever "
             "been, and when was that?", {"shape": "highest", "obs": "55284-4", "comp": "8462-4"}),
    (C, LAY, "I understand Dad was put on a plan years ago because of his blood sugar. Is he still on that "
             "diabetes plan?", {"shape": "ever", "type": "CarePlan", "codes": ["698360004"]}),
    (C, LAY, "He tells me he has never been to urgent care, though I'm not sure he'd remember. Has he ever been "
             "seen there?", {"shape": "ever", "type": "Encounter", "codes": ["702927004"]}),
    (C, LAY, "The care home is asking whether Dad has ever broken his hip, and he can't answer for himself. Is "
             "there anything in his notes?", {"shape": "ever", "absent": True}),
    (C, LAY, "We're arranging an interpreter just in case. What language does Dad's record list for him?",
     {"shape": "demographic", "field": "language"}),
    (C, LAY, "Dad doesn't always remember to eat now, and I'm worried about his weight. How has it changed over "
             "the years?", {"shape": "trend", "obs": "29463-7"}),
    (C, LAY, "I'm trying to understand Dad's blood tests. When was the first of those comprehensive metabolic "
             "panels done?", {"shape": "first", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (C, LAY, "His kidney doctor wants to know how often it was checked. How many eGFR tests did Dad have between "
             "2013 and 2015?", {"shape": "count", "obs": "33914-3", "window": ["2013-01-01", "2015-12-31"]}),
    (A, LAY, "Dad had a few sinus infections and I'm trying to get the order straight. The one at the start of "
             "2013, when did it clear up?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "index": 1, "end": True}),
    (A, LAY, "I'm sorting out Dad's vaccinations for the care home. Has he had the PCV13 pneumonia vaccine, and "
             "when?", {"shape": "ever", "type": "Immunization", "codes": ["133"]}),
    # --- batch 37 (2026-12-03 afternoon): an eleventh independent evaluator's set, the plain everyday mix closest
    # to a typical evaluator (a hospital doctor, a GP and a ward nurse asking short ordinary questions of the
    # record, and patients and relatives asking what they most often ask), written from the bundles' JSON and
    # frozen before carepath answered any of it; different facts and wordings from batch 35 where the records
    # allow, over Patient demographics (marital status), sodium, chloride, albumin, urea, potassium, glucose, HDL,
    # triglyceride, blood-pressure, height, weight and BMI Observations, a DiagnosticReport (latest FBC),
    # Conditions (onset dates, resolution dates incl. an indexed episode's, an active list), MedicationRequests
    # (latest order), Immunizations (latest, ever, a list of types), Procedures, Encounters (latest, by code, by
    # class), a completed CarePlan's end date, and two absent items; ties, same-date duplicates and extremes that
    # round to the same shown value checked in the JSON (only unique extremes used; windows chosen so counts and
    # values are exact) ---
    (A, CL, "What was his sodium on the most recent bloods?", {"shape": "latest", "obs": "2947-0"}),
    (C, CL, "Can you tell me his latest chloride?", {"shape": "latest", "obs": "2069-3"}),
    (C, CL, "Peak albumin on file - what was it and on what date?", {"shape": "highest", "obs": "1751-7"}),
    (C, CL, "What's his lowest recorded urea, and on what date?", {"shape": "lowest", "obs": "6299-2"}),
    (C, CL, "How many times has he been seen for a new symptom?",
     {"shape": "count", "type": "Encounter", "codes": ["185345009"]}),
    (A, CL, "How many blood pressure readings do we have for him since 2015?",
     {"shape": "count", "obs": "55284-4", "window": ["2015-01-01", "9999"]}),
    (A, CL, "How has his urea changed over time?", {"shape": "trend", "obs": "6299-2"}),
    (A, CL, "What date was his obesity diagnosis made?",
     {"shape": "date_of", "type": "Condition", "codes": ["162864005"]}),
    (C, CL, "His first episode of acute bronchitis - when did that resolve?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "index": 0, "end": True}),
    (C, CL, "Which vaccines has he had over the years?",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (C, CL, "Last simvastatin script - what date was it issued?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, CL, "Date of his most recent flu vaccine?", {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "When did he have his first colonoscopy?",
     {"shape": "first", "type": "Procedure", "codes": ["73761001"]}),
    (A, CL, "FBC - when was the last one sent?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, CL, "When was he last seen by anyone here?", {"shape": "latest", "type": "Encounter"}),
    (A, CL, "What was his potassium the first time it was checked?", {"shape": "first", "obs": "6298-4"}),
    (C, CL, "Any history of atrial fibrillation?", {"shape": "ever", "absent": True}),
    (A, LAY, "Last time they took my blood pressure, what was the lower figure?",
     {"shape": "latest", "obs": "55284-4", "comp": "8462-4"}),
    (C, LAY, "How tall does my record say I am?", {"shape": "latest", "obs": "8302-2"}),
    (A, LAY, "What's my BMI at the moment?", {"shape": "latest", "obs": "39156-5"}),
    (C, LAY, "What did I weigh the first time it was written down?", {"shape": "first", "obs": "29463-7"}),
    (C, LAY, "When was I told I had high cholesterol?",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (A, LAY, "When was my broken collarbone signed off as healed?",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    (C, LAY, "My physio plan for my shoulder - when did it finish?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"]}),
    (A, LAY, "How many times has my dad been to the emergency department?",
     {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, LAY, "How many times did they test my blood sugar in 2018?",
     {"shape": "count", "obs": "2339-0", "window": ["2018-01-01", "2018-12-31"]}),
    (A, LAY, "Has my father had a tetanus jab?", {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "My HDL at the last blood test - what did it come to?", {"shape": "latest", "obs": "2085-9"}),
    (C, LAY, "Have my triglycerides gone up or down since they were first measured?",
     {"shape": "trend", "obs": "2571-8"}),
    (A, LAY, "What's the lowest glucose reading I've had, and what date was it?", {"shape": "lowest", "obs": "2339-0"}),
    (C, LAY, "Has my husband ever had a heart attack?", {"shape": "ever", "absent": True}),
    (A, LAY, "The polyp they found in my bowel - when was it marked as gone?",
     {"shape": "date_of", "type": "Condition", "codes": ["68496003"], "end": True}),
    (C, LAY, "What health problems does my record say I have at the moment?",
     {"shape": "list", "type": "Condition", "status": "active", "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (A, LAY, "Is my marital status right on my records?", {"shape": "demographic", "field": "marital"}),
    # --- batch 38 (2026-12-03 afternoon): the same eleventh evaluator's second set, the same plain everyday
    # style written as an evaluator of an EHR question-answering system writes a benchmark (emrQA / EHRSQL /
    # MedAlign-style instructions: most recent X, list all Y, how many times Z between two years, when first
    # diagnosed, any history of), half about the patient in the third person and half in the patient's own first
    # person, written from the bundles' JSON and frozen before carepath answered any of it; facts not asked in
    # batches 35-37 where the records allow, over Patient demographics (race), calcium, bilirubin, LDL, A1c, total
    # protein, triglyceride, AST, sodium, red-cell, MCH, blood-pressure (count, systolic trend), weight, pain-score
    # and chloride Observations, DiagnosticReports (first BMP, latest CBC),
    # Conditions (onset, first episode, history of, resolved list, a resolution date), MedicationRequests (list of
    # everything ever ordered), Immunizations (total count), a Procedure (ever), Encounters (first by class), a
    # list of all CarePlans, and two absent items; ties, same-date duplicates and extremes that round to the same
    # shown value checked in the JSON (only unique extremes used; windows chosen so counts are exact) ---
    (A, CL, "What was the patient's most recent serum calcium value?", {"shape": "latest", "obs": "49765-1"}),
    (C, CL, "What is the most recent total bilirubin result for this patient?", {"shape": "latest", "obs": "1975-2"}),
    (C, CL, "List all medications that have ever been prescribed to this patient.",
     {"shape": "list", "type": "MedicationRequest", "names": ["Acetaminophen", "Simvistatin"]}),
    (A, CL, "List all of the patient's resolved conditions.",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Polyp of colon", "Viral sinusitis", "Fracture of clavicle"]}),
    (C, CL, "How many times was LDL cholesterol recorded between 2014 and 2016?",
     {"shape": "count", "obs": "18262-6", "window": ["2014-01-01", "2016-12-31"]}),
    (A, CL, "How many hemoglobin A1c measurements were taken between 2012 and 2015?",
     {"shape": "count", "obs": "4548-4", "window": ["2012-01-01", "2015-12-31"]}),
    (C, CL, "When was the patient first diagnosed with prediabetes?",
     {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (A, CL, "What is the date of the patient's earliest viral sinusitis diagnosis?",
     {"shape": "first", "type": "Condition", "codes": ["444814009"]}),
    (C, CL, "Does the patient have a history of rotator cuff injury?",
     {"shape": "ever", "type": "Condition", "codes": ["307731004"]}),
    (C, CL, "What was the patient's highest recorded total protein, and on what date?",
     {"shape": "highest", "obs": "2885-2"}),
    (C, CL, "What was the lowest hemoglobin A1c value recorded for the patient, and when?",
     {"shape": "lowest", "obs": "4548-4"}),
    (A, CL, "What was the highest triglyceride level recorded for the patient, and on what date?",
     {"shape": "highest", "obs": "2571-8"}),
    (C, CL, "What was the patient's first recorded AST value?", {"shape": "first", "obs": "1920-8"}),
    (C, CL, "What is the trend in the patient's serum sodium across all measurements?",
     {"shape": "trend", "obs": "2947-0"}),
    (A, CL, "How many immunizations has the patient received in total?", {"shape": "count", "type": "Immunization"}),
    (A, CL, "When was the patient's first emergency encounter?", {"shape": "first", "type": "Encounter", "cls": "EMER"}),
    (C, CL, "When was the patient's first basic metabolic panel performed?",
     {"shape": "first", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (A, LAY, "What was my most recent LDL cholesterol result?", {"shape": "latest", "obs": "18262-6"}),
    (C, LAY, "What was my most recent red blood cell count?", {"shape": "latest", "obs": "789-8"}),
    (C, LAY, "What was my most recent mean corpuscular hemoglobin (MCH)?", {"shape": "latest", "obs": "785-6"}),
    (A, LAY, "List all of my care plans.",
     {"shape": "list", "type": "CarePlan", "names": ["Diabetes self management plan", "Fracture care"]}),
    (C, LAY, "How many times was my blood pressure recorded between 2010 and 2012?",
     {"shape": "count", "obs": "55284-4", "window": ["2010-01-01", "2012-12-31"]}),
    (A, LAY, "How many times was my weight recorded between 2016 and 2019?",
     {"shape": "count", "obs": "29463-7", "window": ["2016-01-01", "2019-12-31"]}),
    (C, LAY, "When was my viral sinusitis recorded as resolved?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "end": True}),
    (A, LAY, "Do I have a history of anemia?", {"shape": "ever", "type": "Condition", "codes": ["271737000"]}),
    (C, LAY, "Is there a sputum examination in my record?",
     {"shape": "ever", "type": "Procedure", "codes": ["269911007"]}),
    (A, LAY, "Have I ever been diagnosed with kidney stones?", {"shape": "ever", "absent": True}),
    (C, LAY, "Has insulin ever been prescribed for me?", {"shape": "ever", "absent": True}),
    (A, LAY, "What was my highest recorded pain score, and when was it recorded?",
     {"shape": "highest", "obs": "72514-3"}),
    (C, LAY, "What was my highest calcium level, and on what date?", {"shape": "highest", "obs": "49765-1"}),
    (A, LAY, "What was my first recorded chloride level?", {"shape": "first", "obs": "2069-3"}),
    (C, LAY, "What is the trend of my systolic blood pressure over time?",
     {"shape": "trend", "obs": "55284-4", "comp": "8480-6"}),
    (C, LAY, "What race is listed in my record?", {"shape": "demographic", "field": "race"}),
    (C, LAY, "When was my most recent complete blood count?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    # --- batch 39 (2026-12-03 afternoon): a twelfth independent evaluator's set, voices not used in earlier
    # batches (a hospital-at-home nurse on a virtual ward round, a palliative care doctor, a clinical
    # pharmacologist, an occupational therapist and a practice manager; a patient with low health literacy writing
    # simply, a retired engineer asking very precise questions about his own results, and relatives abroad writing
    # by email), written from the bundles' JSON and frozen before carepath answered any of it; over Patient
    # demographics (ethnicity), diastolic, pain-score, weight (windowed count), BMI (trend), eGFR, total
    # cholesterol, DXA T-score, height, A1c, white-cell, potassium, sodium (windowed count), globulin (trend) and
    # LDL (windowed count) Observations, a DiagnosticReport count (BMP), Conditions (onset dates, a resolution
    # date, a resolved list), MedicationRequests (first order, ever), Immunizations (latest), Procedures (count,
    # date, ever), Encounters (count by code, latest emergency visit), CarePlans (active list, an end date), the
    # Device and the ImagingStudy, and two absent items; ties, same-date duplicates and extremes that round to
    # the same shown value checked in the JSON (only unique extremes used; windows chosen so counts are exact) ---
    (C, CL, "Setting him up on the virtual ward today - what was his last diastolic pressure, so I have a baseline?",
     {"shape": "latest", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "He's reporting some pain on my home visit. What pain score did he give at his last recorded check, "
            "for comparison?", {"shape": "latest", "obs": "72514-3"}),
    (C, CL, "For the home monitoring chart: how many weights are documented for him from 2017 onwards?",
     {"shape": "count", "obs": "29463-7", "window": ["2017-01-01", "9999"]}),
    (A, CL, "Before I bleed him at home, how many basic metabolic panels has he had altogether?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (C, CL, "Palliative review, thinking about his breathlessness: is COPD documented anywhere?",
     {"shape": "ever", "absent": True}),
    (A, CL, "For my palliative summary: how long has he carried the anaemia diagnosis - what is its onset date?",
     {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (C, CL, "Looking for any sign of cachexia: how has his body mass index moved across the recorded values?",
     {"shape": "trend", "obs": "39156-5"}),
    (A, CL, "Does he have an implanted device we'd need to discuss deactivating at the end of life?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, CL, "For renal dose adjustment, what is the lowest eGFR he has had, and when was it measured?",
     {"shape": "lowest", "obs": "33914-3"}),
    (C, CL, "Going through his analgesia history - on what date was paracetamol first prescribed?",
     {"shape": "first", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, CL, "Any NSAID exposure documented - ibuprofen, for instance? If so, when was it ordered?",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["310965"]}),
    (C, CL, "Untreated lipids matter here: his highest ever total cholesterol, and the date?",
     {"shape": "highest", "obs": "2093-3"}),
    (A, CL, "For my falls risk assessment - what T-score did his DXA scan show?",
     {"shape": "latest", "obs": "38265-5"}),
    (C, CL, "OT referral mentions his shoulder: on what date did the rotator cuff injury start?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"]}),
    (A, CL, "I'm fitting a perching stool for him - what height is recorded in his notes?",
     {"shape": "latest", "obs": "8302-2"}),
    (C, CL, "For our practice activity audit, how many general examinations has this patient attended?",
     {"shape": "count", "type": "Encounter", "codes": ["162673000"]}),
    (A, CL, "For the quarterly quality return I need the number of medication reconciliation procedures on his record.",
     {"shape": "count", "type": "Procedure", "codes": ["430193006"]}),
    (C, LAY, "the sugar test they call a1c, what was it at the very highest and when was that",
     {"shape": "highest", "obs": "4548-4"}),
    (C, LAY, "when did i do the test where they look at what i cough up",
     {"shape": "date_of", "type": "Procedure", "codes": ["269911007"]}),
    (A, LAY, "my sinus infection the last time, when does it say it went away",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "end": True}),
    (C, LAY, "white blood cells - what was my number last time?", {"shape": "latest", "obs": "6690-2"}),
    (A, LAY, "have i ever had the test where they check my poo for blood",
     {"shape": "ever", "type": "Procedure", "codes": ["1015401000000102"]}),
    (C, LAY, "Please give me the minimum serum potassium I have recorded to date, together with the date of that "
             "measurement.", {"shape": "lowest", "obs": "6298-4"}),
    (C, LAY, "Exactly how many sodium measurements were taken in calendar year 2014?",
     {"shape": "count", "obs": "2947-0", "window": ["2014-01-01", "2014-12-31"]}),
    (C, LAY, "What were my first and my most recent globulin values, so I can see the direction of change?",
     {"shape": "trend", "obs": "10834-0"}),
    (A, LAY, "For completeness of my own records: which ethnicity category has been entered for me?",
     {"shape": "demographic", "field": "ethnicity"}),
    (C, LAY, "Between 1 January 2016 and 31 December 2018 inclusive, how many LDL results do I have?",
     {"shape": "count", "obs": "18262-6", "window": ["2016-01-01", "2018-12-31"]}),
    (C, LAY, "Dear Doctor, I live overseas and can't get to my brother's appointments. Could you tell me when he "
             "last had a tetanus vaccination?", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "Hello, I am writing from abroad about my brother. Is he on any care plan at the moment?",
     {"shape": "list", "type": "CarePlan", "status": "active", "names": ["Diabetes self management plan"]}),
    (C, LAY, "Hi, this is his sister writing from Ireland. Has my brother ever had pneumonia?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "The family back home keeps asking about his broken collarbone. On what date did his fracture care "
             "plan come to an end?", {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"]}),
    (C, LAY, "Good morning from Germany. Which of my brother's illnesses are now recorded as resolved?",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Viral sinusitis", "Acute bronchitis", "rotator cuff"]}),
    (A, LAY, "I'm his nephew, living abroad. When was the most recent time my uncle was treated in an emergency "
             "room?", {"shape": "latest", "type": "Encounter", "cls": "EMER"}),
    (A, LAY, "When he broke his collarbone, did they take any x-ray pictures of it?",
     {"shape": "ever", "type": "ImagingStudy"}),
    # --- batch 40 (2026-12-03 afternoon): the same twelfth evaluator's second set, plain everyday questions again
    # (a typical doctor or nurse asking short, ordinary questions of the record, and a typical patient or relative
    # asking the commonest things), written from the bundles' JSON and frozen before carepath answered any of it;
    # facts and wordings not used in batches 35-39 where the records allow, over Patient demographics (sex), A1c,
    # total cholesterol, LDL, systolic pressure (trend), glucose (windowed count), urea, ALT, BMI, weight, HDL,
    # creatinine, haemoglobin and triglyceride Observations, DiagnosticReports (latest lipid panel, lipid-panel
    # count), Conditions (onset dates, counts of episodes), MedicationRequests (ever, everything ordered, a count),
    # Immunizations (first flu vaccine, a pneumococcal vaccine date), Procedures (count), Encounters (latest
    # overall, latest in clinic, latest follow-up), a CarePlan end date, and two absent items; ties, same-date
    # duplicates and extremes that round to the same shown value checked in the JSON (only unique extremes used;
    # windows chosen so counts are exact) ---
    (C, CL, "Where's his A1c sitting these days?", {"shape": "latest", "obs": "4548-4"}),
    (A, CL, "His total cholesterol on the last lipid check?", {"shape": "latest", "obs": "2093-3"}),
    (C, CL, "What was his LDL at its worst, and when was that?", {"shape": "highest", "obs": "18262-6"}),
    (A, CL, "How has his systolic pressure changed over the years?",
     {"shape": "trend", "obs": "55284-4", "comp": "8480-6"}),
    (A, CL, "How many glucose results have we got for him since 2016?",
     {"shape": "count", "obs": "2339-0", "window": ["2016-01-01", "9999"]}),
    (A, CL, "What date was his prediabetes picked up?",
     {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (A, CL, "How many times has he been scoped - colonoscopies?",
     {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "Is he still getting his simvastatin?",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, CL, "What has he been prescribed over the years?",
     {"shape": "list", "type": "MedicationRequest", "names": ["Ibuprofen"]}),
    (C, CL, "When did he last have a lipid panel?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (C, CL, "Any history of cancer?", {"shape": "ever", "absent": True}),
    (A, CL, "When was he last seen in clinic?", {"shape": "latest", "type": "Encounter", "cls": "AMB"}),
    (C, CL, "How many bouts of bronchitis has he had?",
     {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (A, CL, "Has his urea ever been high? Top reading and when?", {"shape": "highest", "obs": "6299-2"}),
    (C, CL, "Liver enzymes - what was the ALT on his latest?", {"shape": "latest", "obs": "1742-6"}),
    (C, CL, "When did he have the Pneumovax?", {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (C, CL, "Can you pull up his most recent BMI?", {"shape": "latest", "obs": "39156-5"}),
    (C, LAY, "Is my bad cholesterol still up? What's the latest figure?", {"shape": "latest", "obs": "18262-6"}),
    (A, LAY, "Did my last A1c come back OK? What was it?", {"shape": "latest", "obs": "4548-4"}),
    (C, LAY, "What's my weight on your system at the moment?", {"shape": "latest", "obs": "29463-7"}),
    (A, LAY, "When did I last see someone at the surgery?", {"shape": "latest", "type": "Encounter"}),
    (C, LAY, "When was my husband's last follow-up visit?",
     {"shape": "latest", "type": "Encounter", "codes": ["390906007"]}),
    (A, LAY, "When was my very first flu vaccine given?", {"shape": "first", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Have you got me down as male or female?", {"shape": "demographic", "field": "gender"}),
    (A, LAY, "Dad's worried about strokes - has he had one before?", {"shape": "ever", "absent": True}),
    (C, LAY, "What's the lowest my good cholesterol has been, and when?", {"shape": "lowest", "obs": "2085-9"}),
    (A, LAY, "When did they find the polyp in my bowel?",
     {"shape": "date_of", "type": "Condition", "codes": ["68496003"]}),
    (C, LAY, "I've had lots of cholesterol panels - how many exactly?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "Dad's creatinine - what's the lowest reading, and when was it taken?",
     {"shape": "lowest", "obs": "38483-4"}),
    (C, LAY, "My first ever haemoglobin result - what was it?", {"shape": "first", "obs": "718-7"}),
    (A, LAY, "I keep getting sinus infections - how many have been recorded?",
     {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (C, LAY, "The second round of respiratory therapy I had - when was that completed?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["53950000"]}),
    (A, LAY, "Latest triglyceride number for me, please.", {"shape": "latest", "obs": "2571-8"}),
    (C, LAY, "How often have I been given a prescription for paracetamol?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["313782"]}),
    # --- batch 41 (2026-12-03 afternoon): a thirteenth independent evaluator's set, plain everyday questions (a
    # clinician asking short, ordinary things of the record, and a patient or relative asking the commonest
    # things), with a larger share of list, yes/no and count questions; written from the bundles' JSON and frozen
    # before carepath answered any of it; over Patient demographics (birthplace, marital status), smoking, LDL and
    # glucose (windowed counts), alkaline phosphatase, polyp size, albumin (trend), calcium, systolic pressure,
    # weight (trend), total cholesterol and total protein Observations, a DiagnosticReport (latest CMP),
    # Conditions (active and resolved lists, ever), MedicationRequests (list), Immunizations (list, ever, count),
    # Procedures (list, latest), Encounters (emergency count, urgent care, follow-up count), CarePlans (active
    # list, an end date), and three absent items; ties, same-date duplicates and extremes that round to the same
    # shown value checked in the JSON (only unique extremes used; windows chosen so counts are exact) ---
    (C, CL, "Which immunisations has he received?",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (A, CL, "Was the Prevnar 13 ever given to him?", {"shape": "ever", "type": "Immunization", "codes": ["133"]}),
    (A, CL, "Which problems are active for him at the moment?",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (C, CL, "How many LDLs do we have from 2017 onwards?",
     {"shape": "count", "obs": "18262-6", "window": ["2017-01-01", "9999"]}),
    (A, CL, "Does he smoke, according to the notes?", {"shape": "latest", "obs": "72166-2"}),
    (C, CL, "He's had several CMPs - what's the date of the newest one?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, CL, "How many ED attendances does he have?", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, CL, "Has he ever used urgent care?", {"shape": "ever", "type": "Encounter", "codes": ["702927004"]}),
    (A, CL, "List the procedures on file.",
     {"shape": "list", "type": "Procedure",
      "names": ["Colonoscopy", "Fecal occult blood test", "Rectal polypectomy", "Medication Reconciliation",
                "Clavicle X-ray", "Admission to orthopedic department", "Bone density scan"]}),
    (C, CL, "Highest alk phos he's had, and when?", {"shape": "highest", "obs": "6768-6"}),
    (A, CL, "What size was the polyp they took out?", {"shape": "latest", "obs": "33756-8"}),
    (C, CL, "Which way is his albumin going?", {"shape": "trend", "obs": "1751-7"}),
    (A, CL, "Peak serum calcium and its date?", {"shape": "highest", "obs": "49765-1"}),
    (C, CL, "Does he carry a diagnosis of hyperlipidaemia?",
     {"shape": "ever", "type": "Condition", "codes": ["55822004"]}),
    (A, CL, "Any joint replacement surgery in his history?", {"shape": "ever", "absent": True}),
    (C, CL, "How many follow-up appointments has he had altogether?",
     {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, CL, "When was his last med rec?", {"shape": "latest", "type": "Procedure", "codes": ["430193006"]}),
    (C, LAY, "Did I ever get a jab for tetanus?", {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "What has Dad recovered from, according to the record?",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Polyp of colon", "Viral sinusitis", "Fracture of clavicle"]}),
    (C, LAY, "I get the flu vaccine every year - how many times is it on my record?",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "Has Dad had any fractures?", {"shape": "ever", "type": "Condition", "codes": ["58150001"]}),
    (C, LAY, "Which care plans are still running for me?",
     {"shape": "list", "type": "CarePlan", "status": "active",
      "names": ["Diabetes self management plan", "Hyperlipidemia clinical management plan"]}),
    (C, LAY, "When was I signed off from the shoulder physio?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"]}),
    (A, LAY, "My last blood pressure - the upper figure, what was it?",
     {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (C, LAY, "Has my weight come down since my first weigh-in?", {"shape": "trend", "obs": "29463-7"}),
    (A, LAY, "Is my dad on insulin?", {"shape": "ever", "absent": True}),
    (C, LAY, "Which town is down as my birthplace?", {"shape": "demographic", "field": "birthPlace"}),
    (A, LAY, "Does it have me down as single or married?", {"shape": "demographic", "field": "marital"}),
    (C, LAY, "How many glucose tests did I have in 2015?",
     {"shape": "count", "obs": "2339-0", "window": ["2015-01-01", "2015-12-31"]}),
    (A, LAY, "Has my father ever been told he's anaemic?",
     {"shape": "ever", "type": "Condition", "codes": ["271737000"]}),
    (C, LAY, "The first cholesterol reading I ever had - what was it, and when?", {"shape": "first", "obs": "2093-3"}),
    (C, LAY, "Can you list every medicine I've had a prescription for?",
     {"shape": "list", "type": "MedicationRequest", "names": ["Acetaminophen", "Simvistatin"]}),
    (C, LAY, "Is asthma one of my diagnoses?", {"shape": "ever", "absent": True}),
    (C, LAY, "My latest total protein result - what was it?", {"shape": "latest", "obs": "2885-2"}),
    # --- batch 42 (2026-12-03 afternoon): the same thirteenth evaluator's second set, in voices not used in
    # earlier batches: a cardiology registrar preparing a clinic, a diabetes specialist nurse, a community
    # physiotherapist on a home visit, a travel-clinic nurse and a nurse endoscopist at pre-assessment (17
    # clinician), and a neighbour who is the patient's informal carer, a patient writing very formally in
    # old-fashioned English, and a patient moving to a new practice filling in its registration form (17 lay);
    # written from the bundles' JSON and frozen before carepath answered any of it; over Patient demographics
    # (race), triglyceride (trend), systolic, HbA1c and eGFR (windowed counts), glucose, pain score, smoking,
    # potassium, height and haemoglobin Observations, DiagnosticReports (latest blood count, lipid-panel count),
    # Conditions (onset dates, resolution dates, an active list, the latest of two episodes), MedicationRequests
    # (active list), Immunizations (first, latest, a date, ever), Procedures (first, ever), Encounters (count by
    # class, count by type), a CarePlan (ever), and three absent items; ties, same-date duplicates and extremes
    # that round to the same shown value checked in the JSON (only unique extremes used; windows chosen so counts
    # are exact) ---
    (A, CL, "Cardiology registrar prepping clinic - when was his most recent full blood count done?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, CL, "Cardiology reg: triglycerides, first result versus most recent, please.",
     {"shape": "trend", "obs": "2571-8"}),
    (A, CL, "For the cardiology letter I need the number of lipid profiles he has had in total.",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (C, CL, "Registrar, cardiology: what's the lowest systolic he has recorded, and on what date?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "Diabetes specialist nurse here. When was prediabetes first put on his record?",
     {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (A, CL, "DSN review: how many A1c measurements are there from 2018 to date?",
     {"shape": "count", "obs": "4548-4", "window": ["2018-01-01", "9999"]}),
    (C, CL, "Checking for hypos - lowest blood glucose he's had, and when?", {"shape": "lowest", "obs": "2339-0"}),
    (A, CL, "As his diabetes nurse: does he have a self-management plan set up?",
     {"shape": "ever", "type": "CarePlan", "codes": ["698360004"]}),
    (A, CL, "Community physio on a home visit: what's the worst pain score he has reported, and on what date?",
     {"shape": "highest", "obs": "72514-3"}),
    (C, CL, "Physio assessment: on what date was his rotator cuff injury marked as resolved?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (A, CL, "Community physio again: has he had an inpatient stay under the orthopaedic team?",
     {"shape": "ever", "type": "Procedure", "codes": ["305428000"]}),
    (A, CL, "Travel clinic: what date did he get his Td booster?",
     {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (A, CL, "He's off to Morocco - any hepatitis A vaccine on record?", {"shape": "ever", "absent": True}),
    (A, CL, "Travel health nurse - he flies out in winter. When was he last given a flu jab?",
     {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "Nurse endoscopist pre-assessment: when was his first ever colonoscopy?",
     {"shape": "first", "type": "Procedure", "codes": ["73761001"]}),
    (A, CL, "Any previous polyp removal procedures for him?",
     {"shape": "ever", "type": "Procedure", "codes": ["274031008"]}),
    (A, CL, "Endoscopy list planning - his colon polyp episode: what end date is on it?",
     {"shape": "date_of", "type": "Condition", "codes": ["68496003"], "end": True}),
    (C, LAY, "I'm his neighbour and I sort out his pill box each week. Which medicines is he meant to be on now?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (A, LAY, "I help my neighbour get to his appointments. How many clinic visits has he had in total?",
     {"shape": "count", "type": "Encounter", "cls": "AMB"}),
    (C, LAY, "Neighbour and carer here. Is he recorded as a smoker or not?", {"shape": "latest", "obs": "72166-2"}),
    (A, LAY, "I cook for him most days. Is he allergic to anything, foods or otherwise?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, LAY, "He's had bronchitis twice, I think. When did the more recent bout start?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"]}),
    (A, LAY, "The GP mentioned his potassium. What was the highest it reached, and on which day?",
     {"shape": "highest", "obs": "6298-4"}),
    (C, LAY, "I should be much obliged if you would tell me the date on which I was first inoculated against "
             "influenza.", {"shape": "first", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "Pray, upon how many occasions have I attended for a general examination?",
     {"shape": "count", "type": "Encounter", "codes": ["162673000"]}),
    (C, LAY, "Kindly state my stature as it stands in the record.", {"shape": "latest", "obs": "8302-2"}),
    (A, LAY, "Would you be good enough to acquaint me with the haemoglobin from my most recent blood count?",
     {"shape": "latest", "obs": "718-7"}),
    (C, LAY, "I understand I once suffered a sinusitis. On what date was it deemed to have resolved?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "end": True}),
    (A, LAY, "Does the record make any mention of my having been treated for gout?",
     {"shape": "ever", "absent": True}),
    (C, LAY, "I'm registering with a new GP. Which of my conditions are still ongoing, for their form?",
     {"shape": "list", "type": "Condition", "status": "active", "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (A, LAY, "The new surgery asks if I've had a pneumonia vaccine. Have I, and when?",
     {"shape": "ever", "type": "Immunization", "codes": ["133", "33"]}),
    (C, LAY, "The registration form has a box for race. What have you got for me?",
     {"shape": "demographic", "field": "race"}),
    (A, LAY, "New practice wants to know since when I've been classed as obese. What date does my record give?",
     {"shape": "date_of", "type": "Condition", "codes": ["162864005"]}),
    (C, LAY, "For my new doctor: how many eGFR kidney tests have I had since the start of 2015?",
     {"shape": "count", "obs": "33914-3", "window": ["2015-01-01", "9999"]}),
    # --- batch 43 (2026-12-03 afternoon): a fourteenth independent evaluator's set, plain everyday questions of
    # the kind a tester checking the tool over the whole record would write (17 clinician: a GP, a practice nurse
    # and a hospital doctor at review; 17 lay: the patient and a family member), written from the bundles' JSON
    # and frozen before carepath answered any of it; over Patient demographics (birth date, city), glucose,
    # creatinine, ALT, HDL and pain score (windowed counts), triglyceride, LDL and eGFR (trends), diastolic,
    # potassium, weight and smoking Observations, DiagnosticReports (metabolic-panel count), Conditions (onset
    # dates incl. the first of three episodes, resolution dates incl. the first of two, a resolved list),
    # MedicationRequests (list), Immunizations (latest, date, count), Procedures (count, ever), Encounters (count by
    # type, latest by type, an ED date), a CarePlan (ever), and three absent items; ties, same-date duplicates and
    # extremes that round to the same shown value checked in the JSON (only unique extremes used; windows chosen so
    # counts are exact) ---
    (A, CL, "Before I see him: can you confirm his date of birth?", {"shape": "demographic", "field": "birthDate"}),
    (A, CL, "What's the lowest his creatinine has been, with the date?", {"shape": "lowest", "obs": "38483-4"}),
    (C, CL, "First ALT on record - value and date?", {"shape": "first", "obs": "1742-6"}),
    (C, CL, "How many HDL cholesterol results are there from 2016 on?",
     {"shape": "count", "obs": "2085-9", "window": ["2016-01-01", "9999"]}),
    (A, CL, "Count of BMP reports for him?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (C, CL, "Hyperlipidaemia - what date was that coded on his problem list?",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (A, CL, "His broken clavicle: on what date was that episode closed?",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    (A, CL, "He has had sinusitis more than once - when did the first episode begin?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "index": 0}),
    (A, CL, "What was he prescribed around the time of the broken collarbone?",
     {"shape": "list", "type": "MedicationRequest", "names": ["Ibuprofen"]}),
    (C, CL, "When was his most recent pneumococcal vaccine given?",
     {"shape": "latest", "type": "Immunization", "codes": ["33", "133"]}),
    (A, CL, "Colonoscopy tally for him so far?",
     {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "How many times has he come in with a symptom-related visit?",
     {"shape": "count", "type": "Encounter", "codes": ["185345009"]}),
    (C, CL, "Does he have a hyperlipidaemia management plan?",
     {"shape": "ever", "type": "CarePlan", "codes": ["736285004"]}),
    (A, CL, "Any history of stroke or TIA?", {"shape": "ever", "absent": True}),
    (C, CL, "How has his eGFR changed from the first reading to the latest?", {"shape": "trend", "obs": "33914-3"}),
    (A, CL, "Highest diastolic pressure on file and when it was taken?",
     {"shape": "highest", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "Smoker, ex-smoker or never - which is he, per the last entry?", {"shape": "latest", "obs": "72166-2"}),
    (C, LAY, "Which town is listed as where I live?", {"shape": "demographic", "field": "city"}),
    (A, LAY, "My glucose from my most recent blood test - what did it come back as?", {"shape": "latest", "obs": "2339-0"}),
    (C, LAY, "My triglycerides - what's the worst result I've had, and what date?",
     {"shape": "highest", "obs": "2571-8"}),
    (A, LAY, "Has my bad cholesterol been going up or down over the years?", {"shape": "trend", "obs": "18262-6"}),
    (C, LAY, "When was I first told I was anaemic?", {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (C, LAY, "I had two chest infections diagnosed as bronchitis. When was the earlier one recorded as better?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "end": True, "index": 0}),
    (C, LAY, "What illnesses have I had that are now over?",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Viral sinusitis", "Acute bronchitis", "Injury of tendon of the rotator cuff of shoulder"]}),
    (A, LAY, "Count up my flu jabs for me - how many are there?",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "What date was my tetanus and diphtheria booster?",
     {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "Have I had a scan of my bones for thinning, and if so when?",
     {"shape": "ever", "type": "Procedure", "codes": ["312681000"]}),
    (C, LAY, "When did I last go in for my yearly physical?",
     {"shape": "latest", "type": "Encounter", "codes": ["162673000"]}),
    (A, LAY, "When was I rushed into the ER with the collarbone break - what date?",
     {"shape": "date_of", "type": "Encounter", "codes": ["50849002"]}),
    (C, LAY, "How many times have I rated my pain for you since 2015?",
     {"shape": "count", "obs": "72514-3", "window": ["2015-01-01", "9999"]}),
    (A, LAY, "Has my potassium ever been low? Give me the lowest figure and its date.", {"shape": "lowest", "obs": "6298-4"}),
    (C, LAY, "Is there anything in there about me having a heart attack?", {"shape": "ever", "absent": True}),
    (A, LAY, "Am I taking any blood thinners?", {"shape": "ever", "absent": True}),
    (C, LAY, "How heavy was I the first time you weighed me?", {"shape": "first", "obs": "29463-7"}),
    # --- batch 44 (2026-12-03 afternoon): the same fourteenth evaluator's second set, in voices not used in
    # earlier batches: a research nurse screening for a trial, a prison healthcare nurse at reception, a sexual
    # health nurse, an out-of-hours GP on a phone call and an audiologist (17 clinician), and a hospital chaplain
    # relaying a family's questions, a patient with dyslexia who spells phonetically, a patient dictating into a
    # phone somewhere noisy, and a grandson setting up his grandad's health app (17 lay); written from the bundles'
    # JSON and frozen before carepath answered any of it; over Patient demographics (ethnicity, marital status,
    # language), total cholesterol, A1c (latest, trend), DXA T-score, BMI, glucose (windowed count), systolic,
    # diastolic, HDL, ALT, sodium, height and weight Observations, DiagnosticReports (latest blood count),
    # Conditions (onset dates, a resolution date of the last of three episodes, active lists), Immunizations
    # (latest, count), Procedures (latest, ever), Encounters (count by type, a date by type), CarePlans (completed
    # list), and three absent items; ties, same-date duplicates and extremes that round to the same shown value
    # checked in the JSON (only unique extremes used; windows chosen so counts are exact) ---
    (A, CL, "Research nurse, screening for a cardiovascular study: what ethnicity is recorded for him?",
     {"shape": "demographic", "field": "ethnicity"}),
    (C, CL, "Trial eligibility - I need his peak total cholesterol and the date it was drawn.",
     {"shape": "highest", "obs": "2093-3"}),
    (A, CL, "Exclusion check for the study: any malignancy anywhere in his history?", {"shape": "ever", "absent": True}),
    (C, CL, "Screening log needs his latest glycated haemoglobin - what is the value?",
     {"shape": "latest", "obs": "4548-4"}),
    (A, CL, "For the bone health trial: what T-score did his DXA give?", {"shape": "latest", "obs": "38265-5"}),
    (A, CL, "Prison reception health screen - list his active problems for me.",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (C, CL, "Healthcare in-reach nurse: how many blood glucose results were taken during 2019?",
     {"shape": "count", "obs": "2339-0", "window": ["2019-01-01", "2019-12-31"]}),
    (C, CL, "Prison nurse reviewing meds on arrival - date of his last medication reconciliation?",
     {"shape": "latest", "type": "Procedure", "codes": ["430193006"]}),
    (A, CL, "Reception screen at the prison: his most recent body mass index?", {"shape": "latest", "obs": "39156-5"}),
    (C, CL, "Sexual health clinic: is there an HIV diagnosis anywhere on his record?", {"shape": "ever", "absent": True}),
    (A, CL, "Sexual health nurse - has he completed a hepatitis B vaccine course?", {"shape": "ever", "absent": True}),
    (C, CL, "Sexual health assessment: what relationship status does his record show?",
     {"shape": "demographic", "field": "marital"}),
    (C, CL, "Out-of-hours GP on the phone to him - what was his last systolic reading?",
     {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "OOH call: what date did he attend the urgent care clinic?",
     {"shape": "date_of", "type": "Encounter", "codes": ["702927004"]}),
    (A, CL, "Out-of-hours - he mentions his heart stopped once. What onset date does the record give for the "
            "cardiac arrest?", {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (C, CL, "Audiologist taking a history: how many general examinations has he attended?",
     {"shape": "count", "type": "Encounter", "codes": ["162673000"]}),
    (C, CL, "Audiology - he reports blocked ears with colds. When did his sinusitis episode start?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"]}),
    (C, LAY, "I'm the hospital chaplain. His wife asked me whether he has had this year's flu jab - when was the "
             "last one given?", {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Chaplain here, passing on a question from the family: which illnesses is he still living with?",
     {"shape": "list", "type": "Condition", "status": "active", "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (A, LAY, "His daughter has asked me, as chaplain, how his sugar levels have moved over time - first A1c against "
             "the latest?", {"shape": "trend", "obs": "4548-4"}),
    (A, LAY, "The family asked the chaplaincy team when his last bout of sinusitis cleared up. What date was that?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "end": True}),
    (A, LAY, "wat was my kolestrol the last time it was chekked", {"shape": "latest", "obs": "2093-3"}),
    (C, LAY, "the noomonia vacseen, how meny of them have I had", {"shape": "count", "type": "Immunization",
                                                         "codes": ["33", "133"]}),
    (A, LAY, "wot date was it I fracshured the colar bone", {"shape": "date_of", "type": "Condition", "codes": ["58150001"]}),
    (C, LAY, "my HDL colestrol wot was the loest reading and wot day", {"shape": "lowest", "obs": "2085-9"}),
    (A, LAY, "did I have a polip taken out of my bowl", {"shape": "ever", "type": "Procedure", "codes": ["274031008"]}),
    (C, LAY, "okay um what was my liver test the ALT the last one sorry it's really loud in here",
     {"shape": "latest", "obs": "1742-6"}),
    (A, LAY, "can you tell me my sodium from the very first blood test you have for me question mark",
     {"shape": "first", "obs": "2947-0"}),
    (C, LAY, "how many times have I been in for just a check up comma not the yearly physical one",
     {"shape": "count", "type": "Encounter", "codes": ["185349003"]}),
    (A, LAY, "what height have you got me down as sorry I'm on the bus", {"shape": "latest", "obs": "8302-2"}),
    (C, LAY, "I'm setting up my grandad's health app and it asks what language he speaks. What's on his record?",
     {"shape": "demographic", "field": "language"}),
    (A, LAY, "Grandad's app wants his current weight - what was the last one you took?",
     {"shape": "latest", "obs": "29463-7"}),
    (C, LAY, "The app has a section for care plans. Which of his have finished?",
     {"shape": "list", "type": "CarePlan", "status": "completed",
      "names": ["Respiratory therapy", "Physical therapy procedure"]}),
    (C, LAY, "It's asking for the date of his last full blood count. When was that done?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    # --- batch 45 (2026-12-03 afternoon): a fifteenth independent evaluator's set, plain everyday questions (15
    # clinician: a GP, a practice nurse and a hospital doctor at review; 15 lay: the patient and a son or daughter),
    # written from the bundles' JSON and frozen before carepath answered any of it; over Patient demographics
    # (birth date, city), triglyceride, ALT, potassium, DXA T-score, BMI, glucose, platelet, diastolic and eGFR
    # (windowed count) Observations, creatinine, total cholesterol and HDL (trends), DiagnosticReports (latest
    # metabolic panel), Conditions (onset, resolution of the last of two episodes, a resolved list),
    # MedicationRequests (active list), Immunizations (latest, ever, count), Procedures (counts), Encounters (count
    # by type, count by class), a completed CarePlan (end date), and two absent items; ties, same-date duplicates
    # and extremes that round to the same shown value checked in the JSON (only unique extremes used) ---
    (A, CL, "What were his triglycerides on the most recent lipid panel?", {"shape": "latest", "obs": "2571-8"}),
    (C, CL, "Highest ALT he has ever had - what date was that?", {"shape": "highest", "obs": "1742-6"}),
    (A, CL, "Lowest K+ we have for him - value and date?", {"shape": "lowest", "obs": "6298-4"}),
    (C, CL, "How many eGFR results have been filed since the start of 2015?",
     {"shape": "count", "obs": "33914-3", "window": ["2015-01-01", "2019-12-31"]}),
    (A, CL, "How many times has a med rec been done for him?",
     {"shape": "count", "type": "Procedure", "codes": ["430193006"]}),
    (C, CL, "When did he injure his rotator cuff?", {"shape": "date_of", "type": "Condition", "codes": ["307731004"]}),
    (A, CL, "Clavicle fracture - on what date was it marked resolved?",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    (C, CL, "Which of his prescriptions are still active?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (A, CL, "When did he last get a Td booster?", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (C, CL, "Total cholesterol: first value versus the latest?", {"shape": "trend", "obs": "2093-3"}),
    (A, CL, "How many symptom-driven visits are on his record?",
     {"shape": "count", "type": "Encounter", "codes": ["185345009"]}),
    (C, CL, "Does he carry a COPD diagnosis?", {"shape": "ever", "absent": True}),
    (A, CL, "What T-score did his DEXA show?", {"shape": "latest", "obs": "38265-5"}),
    (C, CL, "BMI at his first recorded measurement?", {"shape": "first", "obs": "39156-5"}),
    (C, CL, "When was his shoulder physio plan closed?", {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"]}),
    (A, LAY, "What date of birth have you got for me?", {"shape": "demographic", "field": "birthDate"}),
    (C, LAY, "Which town is Dad registered as living in?", {"shape": "demographic", "field": "city"}),
    (A, LAY, "Has my kidney blood test improved since the first one?", {"shape": "trend", "obs": "38483-4"}),
    (C, LAY, "When was the bottom blood pressure figure at its highest for me, and what was it?",
     {"shape": "highest", "obs": "55284-4", "comp": "8462-4"}),
    (A, LAY, "Dad's flu vaccines - how many are on there altogether?", {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "When was my last big blood panel that checks liver and kidneys?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, LAY, "Did Dad ever have his pneumonia jab?",
     {"shape": "ever", "type": "Immunization", "codes": ["33", "133"]}),
    (C, LAY, "Going back to the start, what did my first glucose test show?", {"shape": "first", "obs": "2339-0"}),
    (A, LAY, "Has Dad been diagnosed with dementia?", {"shape": "ever", "absent": True}),
    (C, LAY, "He had bronchitis a couple of times - when did the last bout clear?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "end": True}),
    (A, LAY, "Dad's had a few bowel scopes - how many altogether?",
     {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "What health problems has he had that are now better?",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Viral sinusitis", "Acute bronchitis", "Injury of tendon of the rotator cuff of shoulder"]}),
    (A, LAY, "How many times has he ended up in emergency?", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, LAY, "Is my good cholesterol going up or down compared with the first check?", {"shape": "trend", "obs": "2085-9"}),
    (A, LAY, "Platelets - what did mine come back as first time round?", {"shape": "first", "obs": "777-3"}),
    # --- batch 46 (2026-12-03 afternoon): the same fifteenth evaluator's second set, in voices not used in
    # earlier batches: a geriatrician doing a falls review, a bariatric specialist nurse, a medical secretary
    # typing a referral letter and a dermatology nurse taking a general history (15 clinician), and a paid carer
    # dictating with voice-to-text and no punctuation, a patient translating word for word from French and a
    # patient translating word for word from Hindi (15 lay); written from the bundles' JSON and frozen before
    # carepath answered any of it; over Patient demographics (birth date, marital status, ethnicity), systolic,
    # sodium, BMI (trend), weight (windowed count), triglyceride, WBC, pain score, total cholesterol, glucose,
    # A1c, urea, potassium (trend) and smoking Observations, DiagnosticReports (latest lipid panel), Conditions
    # (onset incl. the first of three episodes, resolution date, a resolved list), MedicationRequests (none active),
    # Immunizations (ever), Procedures (none beyond the record), Encounters (latest by type, count by type), a
    # completed CarePlan (end date), and two absent items; ties, same-date duplicates and extremes that round to
    # the same shown value checked in the JSON (only unique extremes used; windows chosen so counts are exact) ---
    (A, CL, "Falls review. Date of his clavicle fracture?", {"shape": "date_of", "type": "Condition", "codes": ["58150001"]}),
    (A, CL, "Falls assessment - looking for postural drops: what is the lowest systolic on file, and when?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "Falls clinic, checking for hyponatraemia: his most recent serum sodium?", {"shape": "latest", "obs": "2947-0"}),
    (A, CL, "Geriatric falls review - when did the fracture care plan finish?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"]}),
    (C, CL, "Bariatric assessment: how has his BMI changed from the first reading to the most recent?",
     {"shape": "trend", "obs": "39156-5"}),
    (A, CL, "Bariatric clinic - since when has obesity been coded as a problem?",
     {"shape": "date_of", "type": "Condition", "codes": ["162864005"]}),
    (C, CL, "Bariatric nurse here. How many weights were recorded from 2010 to the end of 2012?",
     {"shape": "count", "obs": "29463-7", "window": ["2010-01-01", "2012-12-31"]}),
    (C, CL, "Bariatric work-up: highest triglyceride level he has had and the date?", {"shape": "highest", "obs": "2571-8"}),
    (C, CL, "I'm typing up his referral letter - please confirm his DOB.", {"shape": "demographic", "field": "birthDate"}),
    (A, CL, "For the referral letter, what is his marital status?", {"shape": "demographic", "field": "marital"}),
    (C, CL, "Referral letter: date of his most recent general examination?",
     {"shape": "latest", "type": "Encounter", "codes": ["162673000"]}),
    (A, CL, "Referral letter, past medical history section - which conditions has he had that are now resolved?",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Polyp of colon", "Viral sinusitis", "Fracture of clavicle"]}),
    (C, CL, "Dermatology nurse taking a history: any psoriasis on record?", {"shape": "ever", "absent": True}),
    (A, CL, "Derm pre-assessment - what regular medications is he taking at present?",
     {"shape": "absent_list", "type": "MedicationRequest", "status": "active"}),
    (C, CL, "Dermatology clinic history - how is his ethnicity recorded?", {"shape": "demographic", "field": "ethnicity"}),
    (C, LAY, "hi I'm his carer what was his white cell count the last time they did it",
     {"shape": "latest", "obs": "6690-2"}),
    (A, LAY, "carer here how many check up appointments has he been to", {"shape": "count", "type": "Encounter",
                                                                         "codes": ["185349003"]}),
    (C, LAY, "I'm his carer what pain score did he give at his last visit", {"shape": "latest", "obs": "72514-3"}),
    (A, LAY, "when did he first get the sinus infection I'm his carer asking",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "index": 0}),
    (C, LAY, "his carer asking when did his shoulder tendon injury get better",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (A, LAY, "What is my rate of cholesterol the most recent?", {"shape": "latest", "obs": "2093-3"}),
    (C, LAY, "Since when do I have the anemia?", {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (A, LAY, "Have I made the vaccine against the tetanus?", {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "What is the date of my last taking of blood for the lipids?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "My glycemia, it was at how much the first time, and on which date?", {"shape": "first", "obs": "2339-0"}),
    (C, LAY, "My sugar test HbA1c, highest it went how much and on which date?", {"shape": "highest", "obs": "4548-4"}),
    (A, LAY, "I am smoker or not smoker, what is written in my record?", {"shape": "latest", "obs": "72166-2"}),
    (A, LAY, "The urea of my kidney, lowest it came how much and when?", {"shape": "lowest", "obs": "6299-2"}),
    (C, LAY, "My potassium is going up or going down, from the first time to now?", {"shape": "trend", "obs": "6298-4"}),
    (A, LAY, "Have I ever been operated for my gall bladder?", {"shape": "ever", "absent": True}),
    # --- batch 47 (2026-12-03 afternoon): a sixteenth independent evaluator's set, plain everyday questions (12
    # clinician: a GP and a practice nurse; 13 lay: the patient and a son or daughter), written from the bundles'
    # JSON and frozen before carepath answered any of it; over Patient demographics (birth place, language),
    # chloride (trend), diastolic (lowest), albumin, weight, pain score (highest), AST (trend), calcium and glucose
    # (windowed counts) Observations, DiagnosticReports (latest blood count), Conditions (onset incl. the first of
    # two episodes, resolution date), MedicationRequests (first prescription, full list), Immunizations (ever),
    # Procedures (latest, ever), Encounters (count by type, count by class), CarePlans (completed list), and two
    # absent items; ties, same-date duplicates and extremes that round to the same shown value checked in the JSON
    # (only unique extremes used; windows chosen to avoid same-date duplicates so counts are exact) ---
    (A, CL, "Chloride - where did it start and where is it now?", {"shape": "trend", "obs": "2069-3"}),
    (A, CL, "Lowest diastolic we've got for him, with the date please.", {"shape": "lowest", "obs": "55284-4",
                                                                           "comp": "8462-4"}),
    (C, CL, "Albumin on his most recent bloods?", {"shape": "latest", "obs": "1751-7"}),
    (A, CL, "Number of calcium results from 2014 through 2017?",
     {"shape": "count", "obs": "49765-1", "window": ["2014-01-01", "2017-12-31"]}),
    (C, CL, "From what date is his hyperlipidaemia coded?",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (C, CL, "Date of his first simvastatin script?", {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, CL, "Pneumovax 23 given at any point?", {"shape": "ever", "type": "Immunization", "codes": ["33"]}),
    (A, CL, "Date of his DXA scan procedure?", {"shape": "latest", "type": "Procedure", "codes": ["312681000"]}),
    (C, CL, "How many follow-up visits are documented for him?",
     {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, CL, "Total number of outpatient (ambulatory) encounters?", {"shape": "count", "type": "Encounter", "cls": "AMB"}),
    (A, CL, "AF on his problem list at any point?", {"shape": "ever", "absent": True}),
    (C, CL, "List the care plans that are now closed.", {"shape": "list", "type": "CarePlan", "status": "completed",
                                                      "names": ["Respiratory therapy", "Physical therapy procedure"]}),
    (A, LAY, "Remind me where my birthplace is recorded as?", {"shape": "demographic", "field": "birthPlace"}),
    (C, LAY, "Does it say what language Dad prefers?", {"shape": "demographic", "field": "language"}),
    (C, LAY, "How much do I weigh now, going by my notes?", {"shape": "latest", "obs": "29463-7"}),
    (A, LAY, "When did I score my pain highest, and what number was it?", {"shape": "highest", "obs": "72514-3"}),
    (C, LAY, "Dad's AST liver test - has it gone up or down since the first one?", {"shape": "trend", "obs": "1920-8"}),
    (A, LAY, "Since 2016, how many glucose readings have I got on file?",
     {"shape": "count", "obs": "2339-0", "window": ["2016-01-01", "2019-12-31"]}),
    (C, LAY, "The first time Dad had acute bronchitis, what was the date?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "index": 0}),
    (C, LAY, "My viral sinusitis - what day was it marked as gone?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "end": True}),
    (A, LAY, "Did I get the Prevnar 13 pneumonia shot?", {"shape": "ever", "type": "Immunization", "codes": ["133"]}),
    (C, LAY, "My dad's most recent FBC - what date was it?", {"shape": "latest", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (A, LAY, "Has any doctor ever written me a prescription - for what?",
     {"shape": "list", "type": "MedicationRequest", "names": ["Ibuprofen"]}),
    (C, LAY, "Was a sample of Dad's spit ever sent off for testing?", {"shape": "ever", "type": "Procedure", "codes": ["269911007"]}),
    (C, LAY, "My father - any record of a heart attack?", {"shape": "ever", "absent": True}),
    # --- batch 48 (2026-12-03 afternoon): the same sixteenth evaluator's second set, in voices not used in
    # earlier batches: an anticoagulation clinic pharmacist, a dietitian and a community nurse on a home visit to
    # an elderly man (13 clinician), and a patient who writes only in questions of two or three words and
    # relatives (a wife, a sister) who mix up medical terms (12 lay); written from the bundles' JSON and frozen
    # before carepath answered any of it; over Patient demographics (marital status), creatinine, platelet,
    # weight (trend), triglyceride (highest), HDL (lowest), BMI (windowed count), total cholesterol (trend),
    # sodium, haemoglobin (first) and bilirubin (lowest) Observations, DiagnosticReports (count), Conditions
    # (onset), MedicationRequests (count), Immunizations (latest), Procedures (date), Encounters (count by type),
    # CarePlans (ever), and two absent items; ties, same-date duplicates and extremes that round to the same shown
    # value checked in the JSON (only unique extremes used; windows chosen so counts are exact) ---
    (C, CL, "Anticoag clinic: has warfarin ever been prescribed for him?", {"shape": "ever", "absent": True}),
    (C, CL, "Anticoagulant dosing - what is his most recent serum creatinine?", {"shape": "latest", "obs": "38483-4"}),
    (C, CL, "Pre-anticoagulation baseline: last platelet count?", {"shape": "latest", "obs": "777-3"}),
    (A, CL, "Bleeding-risk review for the anticoag clinic - date of his rectal polypectomy?",
     {"shape": "date_of", "type": "Procedure", "codes": ["274031008"]}),
    (C, CL, "Dietetic assessment: weight at first recording versus now?", {"shape": "trend", "obs": "29463-7"}),
    (A, CL, "Dietitian here - his peak triglyceride value and the date of it?", {"shape": "highest", "obs": "2571-8"}),
    (C, CL, "Dietetic review: lowest HDL he has had, and when?", {"shape": "lowest", "obs": "2085-9"}),
    (C, CL, "For my dietetic notes, how many BMI readings between mid-2013 and the end of 2016?",
     {"shape": "count", "obs": "39156-5", "window": ["2013-07-01", "2016-12-31"]}),
    (C, CL, "Dietitian: prediabetes has been on his record since when?",
     {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (C, CL, "Community nurse, first home visit - does he have a spouse according to the notes?",
     {"shape": "demographic", "field": "marital"}),
    (A, CL, "Home visit to an elderly gentleman: when was his influenza vaccine last given?",
     {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "District nursing visit - count of routine GP exams in his record?",
     {"shape": "count", "type": "Encounter", "codes": ["162673000"]}),
    (A, CL, "Home visit, he has prediabetes - has he ever been put on a plan to manage it himself?",
     {"shape": "ever", "type": "CarePlan", "codes": ["698360004"]}),
    (A, LAY, "Cholesterol going where?", {"shape": "trend", "obs": "2093-3"}),
    (A, LAY, "Latest sodium level?", {"shape": "latest", "obs": "2947-0"}),
    (A, LAY, "Haemoglobin first result?", {"shape": "first", "obs": "718-7"}),
    (C, LAY, "Bilirubin lowest when?", {"shape": "lowest", "obs": "1975-2"}),
    (A, LAY, "Shoulder bone X-ray - when?", {"shape": "date_of", "type": "Procedure", "codes": ["168594001"]}),
    (C, LAY, "Last Td shot?", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "Comprehensive panels total?", {"shape": "count", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (C, LAY, "How many times have they written up my husband's cholesterol tablets, the simvastatins?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "When did they find out my brother had the anemia, the thin blood thing?",
     {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (C, LAY, "How often has my husband been to the urgent care, the walk-in centre?",
     {"shape": "count", "type": "Encounter", "codes": ["702927004"]}),
    (A, LAY, "My brother had the cardiac arrest, the heart attack - when was that?",
     {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (C, LAY, "Has my husband had a stroke ever, or one of those mini-strokes, the TIAs?", {"shape": "ever", "absent": True}),
    # --- batch 49 (2026-12-03 evening): a seventeenth independent evaluator's set, in voices not used in earlier
    # batches: a urologist in outpatients, a speech-and-language therapist screening swallowing, a health-insurance
    # call-centre agent working from a script and a veterans' caseworker assembling a benefits file (13
    # clinician), and a school-age child asking about a grandfather, a patient who writes very long rambling
    # messages with the question buried in the middle, a patient using half-remembered abbreviations and a
    # medical interpreter reading back the patient's own words (13 lay); written from the bundles' JSON and
    # frozen before carepath answered any of it; over Patient demographics (birth date), eGFR and weight (trends),
    # urea and alkaline phosphatase (highest), A1c and glucose (latest) Observations, a DiagnosticReport (latest
    # blood count), Conditions (onset, ever, resolution dates, an episode count, an active list),
    # MedicationRequests (everything ever prescribed), Immunizations (latest by type, a count), Procedures
    # (count), Encounters (count by class, a date and the latest by type), a CarePlan (ever), the Device, and two
    # absent items; ties, same-date duplicates and extremes that round to the same shown value checked in the JSON
    # (only unique extremes used; trend ends on dates with a single result) ---
    (C, CL, "Urology OPD, new referral for LUTS. Can you give me his eGFR trend - first value and most recent?",
     {"shape": "trend", "obs": "33914-3"}),
    (A, CL, "Uro: any UTIs or episodes of urinary retention documented anywhere?", {"shape": "ever", "absent": True}),
    (A, CL, "Urology pre-op for a TURP, I need to know about bleeding risk - list everything he has ever been "
            "prescribed please", {"shape": "list", "type": "MedicationRequest", "names": ["Ibuprofen"]}),
    (A, CL, "Urology clinic - peak BUN on his chemistries, value and date?", {"shape": "highest", "obs": "6299-2"}),
    (A, CL, "SLT swallow referral. Pt had a cardiac arrest at some point - I'm thinking hypoxic injury. When was it?",
     {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (C, CL, "Speech and language therapy: how many episodes of acute bronchitis are coded? Wondering about silent "
            "aspiration.", {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (C, CL, "SLT dysphagia screen - has respiratory therapy ever been set up for him as a care plan? Date if so.",
     {"shape": "ever", "type": "CarePlan", "codes": ["53950000"]}),
    (C, CL, "Thank you for holding. For verification purposes, can you confirm the member's date of birth as it "
            "appears on the record?", {"shape": "demographic", "field": "birthDate"}),
    (A, CL, "Member services, I'm reviewing a claim - how many emergency encounters does the member have on file in "
            "total?", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, CL, "Hi, calling from the health plan about a claim for an urgent care visit. What date of service do you "
            "have for that visit?", {"shape": "date_of", "type": "Encounter", "codes": ["702927004"]}),
    (A, CL, "Veterans' caseworker putting together his disability claim - could you list every condition that is "
            "still marked active?", {"shape": "list", "type": "Condition", "status": "active",
                                      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity",
                                                "Prediabetes", "Anemia"]}),
    (C, CL, "VA caseworker: what's the date of the veteran's most recent general physical exam?",
     {"shape": "latest", "type": "Encounter", "codes": ["162673000"]}),
    (A, CL, "Caseworker for the veteran - his collarbone fracture, on what date is it recorded as resolved?",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    (A, LAY, "my grandpa has a thing in his chest with a battery in it. what is it called",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, LAY, "did my grandad break his colar bone?? my mum says he did but he says it was nothing",
     {"shape": "ever", "type": "Condition", "codes": ["58150001"]}),
    (C, LAY, "how many times did grandpa get the flu shot. i had it 2 times", {"shape": "count", "type": "Immunization",
                                                                             "codes": ["140"]}),
    (C, LAY, "has grandpa had chickenpox ever. i have it now and mum says i cant see him", {"shape": "ever",
                                                                                             "absent": True}),
    (A, LAY, "Hello again, sorry it's me, I was out in the garden this morning and got chatting to my neighbour "
             "over the fence, she cut her hand on the roses and had to go and get a tetanus injection at the "
             "walk-in, which got me wondering when I last had a tetanus jab myself, I honestly can't remember, it "
             "might have been around the time of my shoulder but I could be mixing that up with something else, "
             "anyway the weather has been lovely so I shouldn't complain, hope you are all keeping well.",
     {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "Good morning, I have been meaning to write for a while. My wife has had me on this new eating plan "
             "and we have been walking the dog twice a day now instead of once, and my trousers certainly feel "
             "looser, so what I wanted to ask is whether my weight has actually come down from the first time you "
             "weighed me to the latest one, or whether I'm imagining it. Also the car park was full again on "
             "Tuesday. Kind regards.", {"shape": "trend", "obs": "29463-7"}),
    (A, LAY, "Dear all, my brother-in-law is going in for his first one of those camera examinations of the bowel "
             "next month and he is terribly nervous and keeps ringing me, and I told him I have had loads of them "
             "and they're nothing, but then I got to thinking, how many of those colonoscopies have I actually "
             "had, because I said loads and it might only be one or two. He's fine otherwise. Thanks so much.",
     {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (A, LAY, "what was my last HBA1C or HB1AC or whatever its called", {"shape": "latest", "obs": "4548-4"}),
    (C, LAY, "my APL... ALP? the liver enzyme one with the P. whats the highest its been and when",
     {"shape": "highest", "obs": "6768-6"}),
    (C, LAY, "when was my last FCB or CBF, the full blood one", {"shape": "latest", "type": "DiagnosticReport",
                                                                 "codes": ["58410-2"]}),
    (A, LAY, "Interpreter here, reading back the patient's words so you can check them: 'The injection for "
             "pneumonia, I had it one time, maybe two times. When was the last one?'",
     {"shape": "latest", "type": "Immunization", "codes": ["133", "33"]}),
    (C, LAY, "Interpreter, reading back what he said: 'The tendon in my shoulder that was injured. On which day did "
             "the doctor write that it was better?'",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (A, LAY, "I'm the interpreter, I'll read it back as he said it: 'My sugar in the blood, not the three-month "
             "test, the normal one. The last time, what was the number?'", {"shape": "latest", "obs": "2339-0"}),
    # --- batch 50 (2026-12-03 evening): the same seventeenth evaluator's second set, plain everyday questions of a
    # typical independent tester (13 clinician: a GP, a practice nurse and a hospital doctor; 13 lay: the patient
    # and a family member), weighted to the list, ever and count shapes over resource types not much asked of
    # late: CarePlans (current list, completed list, ever), Immunizations (list of types, ever, counts),
    # Procedures (list, ever, counts), DiagnosticReports (lists of panel types, ever, a count), the Device (list),
    # the ImagingStudy (list, ever, count), AllergyIntolerance (none recorded) and smoking-status Observations
    # (count, windowed count, latest); written from the bundles' JSON and frozen before carepath answered any of
    # it; two absent items (allergies, a CT scan); windows chosen so counts are exact ---
    (C, CL, "What care plans is he currently on?", {"shape": "list", "type": "CarePlan", "status": "active",
                                                    "names": ["Diabetes self management plan",
                                                              "Hyperlipidemia clinical management plan"]}),
    (C, LAY, "Which vaccines are in my record?", {"shape": "list", "type": "Immunization",
                                                  "names": ["Influenza", "Pneumococcal conjugate",
                                                            "pneumococcal polysaccharide", "Td"]}),
    (A, CL, "Can you list all the procedures he has had?",
     {"shape": "list", "type": "Procedure",
      "names": ["Colonoscopy", "Fecal occult blood test", "Rectal polypectomy", "Medication Reconciliation",
                "Clavicle X-ray", "Admission to orthopedic department", "Bone density scan"]}),
    (A, CL, "What diagnostic reports are on file for him?",
     {"shape": "list", "type": "DiagnosticReport",
      "names": ["Basic Metabolic Panel", "Lipid Panel", "Complete blood count"]}),
    (C, LAY, "What kinds of blood test panels have I had done?",
     {"shape": "list", "type": "DiagnosticReport",
      "names": ["Basic Metabolic Panel", "Lipid Panel", "Comprehensive metabolic", "Complete blood count"]}),
    (A, CL, "Does he have any medical devices recorded?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, LAY, "What scans or x-rays do I have on my record?",
     {"shape": "list", "type": "ImagingStudy", "names": ["Clavicle", "2016-05-21"]}),
    (A, LAY, "Do I have any allergies listed?", {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (A, LAY, "Which of my care plans have been finished?", {"shape": "list", "type": "CarePlan", "status": "completed",
                                                           "names": ["Fracture care"]}),
    (A, CL, "Has he ever had a bone density scan?", {"shape": "ever", "type": "Procedure", "codes": ["312681000"]}),
    (C, LAY, "Have I ever had a tetanus shot?", {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "Have I ever done a stool test for hidden blood?",
     {"shape": "ever", "type": "Procedure", "codes": ["1015401000000102"]}),
    (C, CL, "Has he ever had a full blood count done?", {"shape": "ever", "type": "DiagnosticReport",
                                                         "codes": ["58410-2"]}),
    (C, CL, "Has he ever had physiotherapy?", {"shape": "ever", "type": "CarePlan", "codes": ["91251008"]}),
    (A, LAY, "Did I ever have an x-ray of my collarbone?", {"shape": "ever", "type": "ImagingStudy"}),
    (A, CL, "Has he ever had a CT scan?", {"shape": "ever", "absent": True}),
    (C, LAY, "Have I ever had a comprehensive metabolic panel?", {"shape": "ever", "type": "DiagnosticReport",
                                                                  "codes": ["24323-8"]}),
    (A, CL, "How many times has his smoking status been recorded?", {"shape": "count", "obs": "72166-2"}),
    (C, LAY, "Since 2015, how many times have they asked me whether I smoke?",
     {"shape": "count", "obs": "72166-2", "window": ["2015-01-01", "2019-12-31"]}),
    (A, CL, "How many imaging studies does he have?", {"shape": "count", "type": "ImagingStudy"}),
    (C, CL, "How many basic metabolic panels has he had?", {"shape": "count", "type": "DiagnosticReport",
                                                            "codes": ["51990-0"]}),
    (A, LAY, "How many vaccinations have I had altogether?", {"shape": "count", "type": "Immunization"}),
    (C, CL, "How many medication reconciliations has he had?", {"shape": "count", "type": "Procedure",
                                                                "codes": ["430193006"]}),
    (A, LAY, "How many procedures have I had in total?", {"shape": "count", "type": "Procedure"}),
    (C, CL, "How many pneumococcal vaccines has he received?", {"shape": "count", "type": "Immunization",
                                                                "codes": ["133", "33"]}),
    (C, LAY, "Does my record say I smoke?", {"shape": "latest", "obs": "72166-2"}),
    # --- batch 51 (2026-12-03 evening): an eighteenth independent evaluator's set, in voices not used in earlier
    # batches: a respiratory nurse specialist in a COPD/asthma clinic, an old-age psychiatrist in a memory clinic,
    # a nephrology registrar and a phlebotomist checking before a draw (13 clinician), and a care-home night carer
    # writing in a hurry, an elderly patient who calls tests and jabs by their old names ("sugar diabetes test",
    # "lockjaw injection", "blood fats", "X-ray photograph"), a wife asking two things in one message that one
    # answer covers (ever and when, lowest and when) and a Brazilian patient translating word for word from
    # Portuguese (13 lay); written from the bundles' JSON and frozen before carepath answered any of it; over
    # Patient demographics (marital status), smoking, sodium, systolic (highest, latest), eGFR (lowest),
    # creatinine (trend), urea (windowed count), HbA1c, triglyceride and HDL (lowest) Observations,
    # DiagnosticReports (latest and count of blood counts, count of comprehensive panels, first basic panel),
    # Conditions (ever, an episode count), MedicationRequests (active list), Immunizations (latest by type, ever
    # by type), Procedures (ever, a date), and two absent items (inhalers, epilepsy); ties, same-date duplicates
    # and extremes that round to the same shown value checked in the JSON (only unique extremes used; trend ends
    # and latest values on dates with a single result; window chosen so the count is exact) ---
    (C, CL, "Resp CNS, spirometry clinic today. What's his smoking status as last documented? Need it before I "
            "work out pack years.", {"shape": "latest", "obs": "72166-2"}),
    (C, CL, "Respiratory nurse specialist - has he ever had a sputum sample sent off? Date if there is one.",
     {"shape": "ever", "type": "Procedure", "codes": ["269911007"]}),
    (C, CL, "Inhaler technique review booked with me (resp nurse). Has he ever been prescribed an inhaler of any "
            "kind - salbutamol, a steroid inhaler, anything?", {"shape": "ever", "absent": True}),
    (A, CL, "COPD/asthma clinic, vaccine check: has he had Pneumovax (PPSV23)? When?",
     {"shape": "ever", "type": "Immunization", "codes": ["33"]}),
    (A, CL, "Memory clinic, old age psychiatry. Part of the confusion screen - what was his last serum sodium?",
     {"shape": "latest", "obs": "2947-0"}),
    (C, CL, "Old age psychiatry: does the record say he is married? Trying to work out who is at home with him.",
     {"shape": "demographic", "field": "marital"}),
    (A, CL, "Memory assessment, vascular risk factors: what's the highest systolic BP he has had, and when was it?",
     {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "Renal SpR. Lowest eGFR recorded and the date of it please.", {"shape": "lowest", "obs": "33914-3"}),
    (C, CL, "Nephrology referral triage - creatinine trajectory please, earliest value vs most recent.",
     {"shape": "trend", "obs": "38483-4"}),
    (A, CL, "Renal reg: how many BUN results since 2015?",
     {"shape": "count", "obs": "6299-2", "window": ["2015-01-01", "2019-12-31"]}),
    (A, CL, "Phlebotomy - before I take an FBC today, when was the last one taken?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, CL, "Phlebotomist on the ward, checking the request: how many CMPs has he had done so far?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, CL, "Phlebotomy query - date of the first basic metabolic panel on his record?",
     {"shape": "first", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (C, LAY, "night staff here sorry in a rush - what meds is he on at the moment?? need to check against the MAR",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (A, LAY, "on nights, he's asking when he last had his flu jab, can u check quick x",
     {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "night carer - he's having some twitching, is he epileptic? anything on his notes about fits",
     {"shape": "ever", "absent": True}),
    (C, LAY, "When did I last have the lockjaw injection? My daughter says I am due another one.",
     {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "Would you be so kind as to tell me the result of my last sugar diabetes blood test, the one that "
             "looks back over three months?", {"shape": "latest", "obs": "4548-4"}),
    (A, LAY, "On what date did they take the X-ray photograph of my collar bone?",
     {"shape": "date_of", "type": "Procedure", "codes": ["168594001"]}),
    (C, LAY, "What were my blood fats, the triglycerides, when they last checked them?",
     {"shape": "latest", "obs": "2571-8"}),
    (C, LAY, "Hello, it's his wife. Two things please: has he ever had the pneumonia jab, and if he has, when "
             "was it?", {"shape": "ever", "type": "Immunization", "codes": ["133", "33"]}),
    (A, LAY, "I'm his wife. What's the lowest his good cholesterol has ever been, and when was that?",
     {"shape": "lowest", "obs": "2085-9"}),
    (C, LAY, "His wife writing. Did he ever have an injury to his rotator cuff, and when did that happen? He says "
             "no but I remember him with his arm in a sling.",
     {"shape": "ever", "type": "Condition", "codes": ["307731004"]}),
    (A, LAY, "Good day. I would like to know how many times I made the exam of the blood complete. Thank you.",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, LAY, "Doctor, the pressure of my blood, the number of above, how much it was in the last consultation?",
     {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (A, LAY, "The sinusitis viral, how many times I had it? It is for the form of the insurance.",
     {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    # --- batch 52 (2026-12-03 evening): the same eighteenth evaluator's second set, plain everyday questions of a
    # typical independent tester (13 clinician: a GP, a practice nurse and a hospital doctor asking short ordinary
    # questions; 14 lay: the patient asking about themself), spread over every shape the spec holds (latest,
    # first, highest and lowest with their dates, count, list, trend, date_of incl. a resolution date, ever,
    # demographic) and every resource type the bundles hold: Patient (city), potassium, total cholesterol (first),
    # ALT (highest), glucose (lowest), HbA1c (trend; count between 2013 and 2016), LDL (trend since 2015) and
    # triglyceride (highest between 2013 and 2016) Observations, a DiagnosticReport (latest lipid panel),
    # Conditions (onset, resolution of the later of two episodes, active list, ever), MedicationRequests (count of
    # one drug's orders, first order of another), Immunizations (latest by type, count by type), Procedures
    # (latest medication reconciliation, total count), Encounters (count by class, an emergency-room date),
    # CarePlans (all), the Device (list), the ImagingStudy (ever) and AllergyIntolerance; written from the
    # bundles' JSON and frozen before carepath answered any of it; two absent items (allergies, high blood
    # pressure); ties, same-date duplicates and extremes that round to the same shown value checked in the JSON
    # (only unique extremes used; windows chosen so counts are exact and trend ends fall on dates with a single
    # result) ---
    (A, CL, "What was his most recent potassium level?", {"shape": "latest", "obs": "6298-4"}),
    (C, CL, "What is the highest ALT he has had, and on what date?", {"shape": "highest", "obs": "1742-6"}),
    (C, CL, "How many HbA1c results does he have between 2013 and 2016?",
     {"shape": "count", "obs": "4548-4", "window": ["2013-01-01", "2016-12-31"]}),
    (C, CL, "How has his LDL cholesterol changed since 2015?",
     {"shape": "trend", "obs": "18262-6", "window": ["2015-01-01", "2019-12-31"]}),
    (A, CL, "Which town does the patient live in?", {"shape": "demographic", "field": "city"}),
    (A, CL, "When was he first diagnosed with prediabetes?",
     {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (C, CL, "When did his most recent episode of acute bronchitis resolve?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "end": True}),
    (C, CL, "How many simvastatin prescriptions have been issued for him?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, CL, "Date of his last tetanus vaccination?", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, CL, "When was his last medication reconciliation done?",
     {"shape": "latest", "type": "Procedure", "codes": ["430193006"]}),
    (A, CL, "How many outpatient (ambulatory) encounters are recorded for him?",
     {"shape": "count", "type": "Encounter", "cls": "AMB"}),
    (A, CL, "List all of his care plans, current and past.",
     {"shape": "list", "type": "CarePlan", "names": ["Diabetes self management plan", "Fracture care"]}),
    (C, CL, "Does he have any known drug allergies?", {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, LAY, "What was my cholesterol the very first time it was checked, and when was that?",
     {"shape": "first", "obs": "2093-3"}),
    (A, LAY, "What is the lowest my blood sugar has been, and when?", {"shape": "lowest", "obs": "2339-0"}),
    (A, LAY, "Has my HbA1c gone up or down over the years?", {"shape": "trend", "obs": "4548-4"}),
    (C, LAY, "What was my highest triglyceride level between 2013 and 2016?",
     {"shape": "highest", "obs": "2571-8", "window": ["2013-01-01", "2016-12-31"]}),
    (C, LAY, "Which health conditions do I currently have?",
     {"shape": "list", "type": "Condition", "status": "active", "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (A, LAY, "Have I ever been told I had a polyp in my bowel?",
     {"shape": "ever", "type": "Condition", "codes": ["68496003"]}),
    (C, LAY, "When was I first prescribed acetaminophen?",
     {"shape": "first", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, LAY, "How many flu vaccines have I had?", {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "How many procedures are on my record?", {"shape": "count", "type": "Procedure"}),
    (A, LAY, "What date did I go to the emergency room?",
     {"shape": "date_of", "type": "Encounter", "codes": ["50849002"]}),
    (C, LAY, "When did I last have a lipid panel done?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "Is there any implanted device in my record?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, LAY, "Is there any imaging on my record?", {"shape": "ever", "type": "ImagingStudy"}),
    (C, LAY, "Have I ever been diagnosed with high blood pressure?", {"shape": "ever", "absent": True}),
    # --- batch 53 (2026-12-03 evening): a nineteenth independent evaluator's set, in voices not used in earlier
    # batches: a medical-records clerk answering a subject-access request, a hospital discharge pharmacist writing
    # the TTO check, a GP locum reading an unfamiliar record aloud to a colleague, and an ophthalmic nurse at a
    # cataract pre-assessment (13 clinician), and a man whose first language is Polish writing about his husband,
    # a patient with poor eyesight dictating into a phone (run-on, no punctuation, spoken "full stop", words split
    # as heard), a grandmother writing formally and at length about her husband, and a patient who asks about
    # himself in the third person (13 lay); written from the bundles' JSON and frozen before carepath answered any
    # of it; over Patient demographics (birthplace), sodium (count between 2015 and 2019), eGFR (latest),
    # potassium (highest), systolic (latest), HbA1c and weight (trends), HDL (first) and diastolic (lowest)
    # Observations, a DiagnosticReport (first blood count), Conditions (onset dates, ever), MedicationRequests
    # (first order of one drug, the date of another), Immunizations (list of types, latest by type, count by
    # type), Procedures (latest by type), Encounters (total count, count by type, a date by type), a CarePlan
    # (ever by category), the Device (list), and two absent items (anticoagulants, asthma); ties, same-date
    # duplicates and extremes that round to the same shown value checked in the JSON (only unique extremes used;
    # trend ends and latest values on dates with a single result; window chosen so the count is exact) ---
    (A, CL, "Medical records office, subject access request in progress. For the disclosure schedule, what is "
            "the total number of encounters held on this data subject's record?",
     {"shape": "count", "type": "Encounter"}),
    (C, CL, "Records clerk, SAR: the requester only wants results from 2015 to 2019 inclusive. How many sodium "
            "results fall in that period?",
     {"shape": "count", "obs": "2947-0", "window": ["2015-01-01", "2019-12-31"]}),
    (C, CL, "Subject access request - please list the vaccinations held on file for the requester, by type.",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (C, CL, "Discharge pharmacist doing the TTO check: when was simvastatin first prescribed for him?",
     {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, CL, "Discharge pharmacy - renal function before I clear the TTOs: what's his most recent eGFR?",
     {"shape": "latest", "obs": "33914-3"}),
    (A, CL, "Discharge pharmacist: has he ever been prescribed warfarin, a DOAC or any other anticoagulant?",
     {"shape": "ever", "absent": True}),
    (A, CL, "Pharmacy, discharge reconciliation: on what date was his ibuprofen prescribed?",
     {"shape": "date_of", "type": "MedicationRequest", "codes": ["310965"]}),
    (A, CL, "I'm the locum, reading his notes out to you now. Right, potassium - what's the highest it's ever "
            "been, and on what date?", {"shape": "highest", "obs": "6298-4"}),
    (C, CL, "Locum GP, going through this chart aloud with you: how many follow-up encounters has he had?",
     {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, CL, "Reading it out as I go - it says cardiac arrest on his problem list. When was that, what date?",
     {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (A, CL, "Cataract pre-assessment, ophthalmic nurse. What was his systolic at the most recent reading?",
     {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (A, CL, "Eye surgery pre-op: does he have any implanted device on record? Need to know before the theatre "
            "list goes out.", {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, CL, "Cataract pre-assessment - his HbA1c, how has it moved from the first result to the latest?",
     {"shape": "trend", "obs": "4548-4"}),
    (C, LAY, "Hello. My husband is the patient. When was last time he got injection against tetanus? Doctor "
             "ask me and I not remember.", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "My husband have the high fats in blood, hyperlipidemia they call. From which day he have this "
             "in papers?", {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (C, LAY, "Is written somewhere that my husband was in urgent care clinic? Which day was this please?",
     {"shape": "date_of", "type": "Encounter", "codes": ["702927004"]}),
    (A, LAY, "my eyes are not good so im talking into the phone when was the first time i had a full blood "
             "count done", {"shape": "first", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (A, LAY, "how many times have i had the flew jab full stop", {"shape": "count", "type": "Immunization",
                                                                 "codes": ["140"]}),
    (A, LAY, "when did i have my colon oscopy the last one i mean", {"shape": "latest", "type": "Procedure",
                                                                     "codes": ["73761001"]}),
    (A, LAY, "what was my good cholesterol the hdl the very first time they checked it and what date was that",
     {"shape": "first", "obs": "2085-9"}),
    (C, LAY, "Dear Sir or Madam, I am writing on behalf of my husband, whose affairs I have looked after for "
             "some years now, as a grandmother of six I find I have rather less time than I should like. He has "
             "always had blood pressure taken at his check-ups. I should be most grateful if you would tell me the "
             "lowest that the lower figure, the diastolic, has ever been, and on which date it was taken.",
     {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (C, LAY, "Good afternoon. My husband injured his shoulder some years ago and I have a recollection that he "
             "was given a course of physical therapy for it. Would you be so good as to confirm whether that is "
             "recorded, and if so, when it began? With thanks and kind regards.",
     {"shape": "ever", "type": "CarePlan", "codes": ["91251008"]}),
    (C, LAY, "I write once more concerning my husband. His weight has been a matter of some discussion in the "
             "family. Could you kindly tell me how it has changed, from the first time it was recorded to the most "
             "recent?", {"shape": "trend", "obs": "29463-7"}),
    (A, LAY, "The patient is asking about himself here (that's me). Where does the record say the patient was "
             "born? I want to check it is right.", {"shape": "demographic", "field": "birthPlace"}),
    (A, LAY, "Has this gentleman - I mean me, I'm writing about myself - ever broken a bone, and when was it?",
     {"shape": "ever", "type": "Condition", "codes": ["58150001"]}),
    (A, LAY, "The person asking is the patient himself. Does the patient have asthma on his record?",
     {"shape": "ever", "absent": True}),
    # --- batch 54 (2026-12-03 evening): the same nineteenth evaluator's second set, again in voices not used in
    # earlier batches: a rural family nurse practitioner writing in heavy US chart abbreviations (pt, f/u, hx,
    # HLD, PMH, dx, #, thru, '15), a locum pharmacist in Ireland (paracetamol, "like", the chemist), a cardiac
    # rehabilitation nurse at intake and an insurance medical examiner writing for an insurer's report (13
    # clinician), and an adult son in Scotland writing in Scots ("ma da", "whit wis", "awfy", "jag", "ken"), a
    # patient using a chatbot with short imperative commands ("show", "give me", "find"), a patient who writes
    # with many spelling mistakes, and a caregiver asking two things joined by "and also" that one answer covers
    # (first and latest, ever and when) (13 lay); written from the bundles' JSON and frozen before carepath
    # answered any of it; over Patient demographics (sex), LDL (latest; first and latest), total cholesterol
    # (trend 2015 to 2019), systolic (highest 2014 to 2017), diastolic (lowest), BMI (latest), haemoglobin
    # (latest), calcium and triglyceride (highest), albumin (trend) and pain score (count since 2015)
    # Observations, a DiagnosticReport (count of basic panels), Conditions (ever, onset date), MedicationRequests
    # (latest order of one drug, everything ever prescribed), Immunizations (first by type), Procedures (count by
    # type), Encounters (count by class), CarePlans (all, a completed plan's end date), the ImagingStudy (ever),
    # and two absent items (allergies, vitamin D); ties, same-date duplicates and extremes that round to the same
    # shown value checked in the JSON (only unique extremes used; trend ends and latest values on dates with a
    # single result; windows chosen so counts and extremes are exact) ---
    (C, CL, "Rural FNP, pt here for f/u. Last LDL? Pt on statin, chk if at goal.",
     {"shape": "latest", "obs": "18262-6"}),
    (C, CL, "NP note: any hx of HLD on his PMH? dx date if so.",
     {"shape": "ever", "type": "Condition", "codes": ["55822004"]}),
    (A, CL, "FNP, rural clinic - total # of BMPs on file for this pt?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (C, CL, "Pt's T chol '15 thru '19 - trending up or down? 1st and last values pls.",
     {"shape": "trend", "obs": "2093-3", "window": ["2015-01-01", "2019-12-31"]}),
    (A, CL, "Locum pharmacist here in Cork. Is there any allergy recorded for him before I hand out the "
            "prescription, like?", {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, CL, "Locum in the chemist in Galway - when was paracetamol last prescribed for him?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["313782"]}),
    (C, CL, "Locum pharmacist (Ireland): can you give me the full list of medicines ever prescribed to him, "
            "current or stopped?", {"shape": "list", "type": "MedicationRequest",
                                    "names": ["Acetaminophen", "Simvistatin"]}),
    (A, CL, "Cardiac rehab intake. What's the lowest diastolic BP we have for him, and the date?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "Cardiac rehab nurse: highest systolic between 2014 and 2017, with the date please.",
     {"shape": "highest", "obs": "55284-4", "comp": "8480-6", "window": ["2014-01-01", "2017-12-31"]}),
    (C, CL, "Cardiac rehabilitation, risk factor review - BMI at his most recent check?",
     {"shape": "latest", "obs": "39156-5"}),
    (A, CL, "Insurance medical examination: please confirm the applicant's sex as recorded.",
     {"shape": "demographic", "field": "gender"}),
    (A, CL, "For the insurer's report: the applicant had a fracture care plan - on what date did it end?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"], "end": True}),
    (A, CL, "Insurance medical examiner. Has the applicant undergone any imaging study, and if so when?",
     {"shape": "ever", "type": "ImagingStudy"}),
    (C, LAY, "Ma da's been awfy tired lately. Whit wis his last haemoglobin? Ah'm his son, up in Glasgow.",
     {"shape": "latest", "obs": "718-7"}),
    (A, LAY, "Ah'm his laddie. How mony times has ma faither been tae the emergency department?",
     {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, LAY, "D'ye ken when ma da got his first flu jag? The wee nurse is askin.",
     {"shape": "first", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "show me highest calcium and the date", {"shape": "highest", "obs": "49765-1"}),
    (C, LAY, "give me all my care plans",
     {"shape": "list", "type": "CarePlan", "names": ["Diabetes self management plan", "Respiratory therapy",
                                                      "Hyperlipidemia clinical management plan",
                                                      "Physical therapy procedure"]}),
    (A, LAY, "find number of colonoscopies", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "show albumin trend", {"shape": "trend", "obs": "1751-7"}),
    (C, LAY, "wat was my trigliseride levle the hiest its ever ben and wen was it",
     {"shape": "highest", "obs": "2571-8"}),
    (A, LAY, "how meny times have they cheked my pain scor sinse 2015",
     {"shape": "count", "obs": "72514-3", "window": ["2015-01-01", "2019-12-31"]}),
    (C, LAY, "wen did i frist get diagnosd with aneamia", {"shape": "date_of", "type": "Condition",
                                                          "codes": ["271737000"]}),
    (A, LAY, "I look after him at home. What was his first LDL cholesterol and also what's the latest one?",
     {"shape": "trend", "obs": "18262-6"}),
    (C, LAY, "I'm his carer. Has he ever had bronchitis and also when was the last time he had it?",
     {"shape": "ever", "type": "Condition", "codes": ["10509002"]}),
    (C, LAY, "Carer here. What was his last vitamin D level and also was it low?", {"shape": "latest", "absent": True}),
    # --- batch 55 (2026-12-03 evening): a twentieth independent evaluator's set, in voices not used in earlier
    # batches: a forensic physician / custody nurse in a police custody suite ("the DP", detained person), an
    # aviation medical examiner at a pilot's class 2 renewal, a critical-care outreach nurse phoning in SBAR form
    # (S:/B:/A:/R:) and a visiting German-trained doctor writing English with German word order and terms
    # ("GPT", "was made", "since when has the patient the ...") (13 clinician), and a Deaf patient writing in BSL-influenced English word order
    # (topic first, question word last, no articles), an older man writing in telegraphese (capitals, STOP,
    # QUERY), a Nigerian-English speaker writing about her father ("my daddy", "kindly", "please sir") and a
    # patient relaying what the GP or nurse told them to find out (13 lay); written from the bundles' JSON and
    # frozen before carepath answered any of it; over glucose, diastolic and potassium (latest), potassium and
    # ALT (lowest), eGFR, urea and pain score (highest), DXA T-score and total cholesterol (latest), creatinine
    # (first), ALT (trend) and blood pressure (count 2015 to 2019) Observations,
    # DiagnosticReports (lipid-panel count, blood-count count), Conditions (active list, onset dates, an end date,
    # ever), MedicationRequests (active list), Immunizations (pneumococcal ever), Procedures (latest medicines
    # reconciliation), and two absent items (epilepsy, malaria); ties, same-date duplicates and extremes that
    # round to the same shown value checked in the JSON (afhir's tied A1c and calcium extremes and cfhir's
    # doubled 2012-06-29 chemistry avoided; latest values and trend ends on dates with a single result; window
    # chosen so the count is exact) ---
    (A, CL, "Custody suite, forensic physician seeing the DP. Any history of epilepsy or seizures on his record? "
            "Need it before he goes back in the cell.", {"shape": "ever", "absent": True}),
    (A, CL, "Custody nurse, DP booked in overnight - what was his last recorded blood glucose?",
     {"shape": "latest", "obs": "2339-0"}),
    (C, CL, "FME, police custody: is the detained person on any medication that is still active?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (A, CL, "Custody healthcare - when did someone last do a medicines reconciliation for this DP?",
     {"shape": "latest", "type": "Procedure", "codes": ["430193006"]}),
    (A, CL, "AME, class 2 renewal for a private pilot. Applicant's most recent diastolic pressure?",
     {"shape": "latest", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "Aviation medical examiner: on what date was prediabetes first recorded for the applicant?",
     {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (C, CL, "Pilot medical, renal screen: the highest eGFR the applicant has had, and when was that?",
     {"shape": "highest", "obs": "33914-3"}),
    (C, CL, "Outreach nurse, SBAR. S: he's drowsy on the ward. B: known hyperlipidaemia. A: want to rule out a "
            "metabolic cause. R: please give me his most recent potassium.", {"shape": "latest", "obs": "6298-4"}),
    (C, CL, "SBAR from critical care outreach - B: can you read me his active problem list?",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (A, CL, "Outreach, SBAR. A: query AKI. R: what is the highest urea he has had, and on which date?",
     {"shape": "highest", "obs": "6299-2"}),
    (C, CL, "I am visiting doctor from Germany. How many times was the lipid panel made for this patient?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (C, CL, "Please, which was the lowest value of the GPT (ALT) and at which date was it measured?",
     {"shape": "lowest", "obs": "1742-6"}),
    (A, CL, "Since when has the patient the diagnosis of obesity? I need the date, please.",
     {"shape": "date_of", "type": "Condition", "codes": ["162864005"]}),
    (A, LAY, "me potassium blood, lowest ever - number what, date when?", {"shape": "lowest", "obs": "6298-4"}),
    (C, LAY, "pneumonia injection, me have ever? when?", {"shape": "ever", "type": "Immunization",
                                                        "codes": ["133", "33"]}),
    (C, LAY, "shoulder tendon injury before, me. finished when, date?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (A, LAY, "bone scan me had. T-score result what?", {"shape": "latest", "obs": "38265-5"}),
    (C, LAY, "CHOLESTEROL TOTAL LAST RESULT QUERY STOP REPLY WITH NUMBER STOP",
     {"shape": "latest", "obs": "2093-3"}),
    (A, LAY, "SINUS TROUBLE EVER ON RECORD QUERY IF SO WHEN LAST STOP",
     {"shape": "ever", "type": "Condition", "codes": ["444814009"]}),
    (A, LAY, "PAIN SCORE HIGHEST RECORDED STOP DATE ALSO STOP", {"shape": "highest", "obs": "72514-3"}),
    (C, LAY, "Good morning sir. Please kindly help me check how many times my daddy have done the full blood "
             "count test.", {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, LAY, "Please ma, since when is my daddy having this prediabetes? Which date did they write it?",
     {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (C, LAY, "Please sir, kindly confirm if my father has ever been treated for malaria. Thank you and God bless.",
     {"shape": "ever", "absent": True}),
    (A, LAY, "The nurse told me to find out what my creatinine was the very first time it was tested, and when.",
     {"shape": "first", "obs": "38483-4"}),
    (C, LAY, "My GP said I should look up how my ALT liver test has changed from the first one to the latest one.",
     {"shape": "trend", "obs": "1742-6"}),
    (A, LAY, "The doctor asked me to count how many times my blood pressure was taken from 2015 to 2019. "
             "How many is it?", {"shape": "count", "obs": "55284-4", "window": ["2015-01-01", "2019-12-31"]}),
    # --- batch 56 (2026-12-03 evening): the same twentieth evaluator's second set, plain everyday questions of a
    # typical independent tester of an EHR assistant (13 clinician: short emrQA / EHRSQL / MedAlign-style
    # instructions about "the patient"; 13 lay: the patient asking about themself on a portal), spread over every
    # shape the spec holds (latest, first, highest with its date, lowest with its date, count, list, trend,
    # date_of incl. a resolution date, ever, demographic) and every resource type the bundles hold: Patient
    # (marital status, birth date), albumin and chloride (latest), triglyceride (first), LDL
    # (highest between 2013 and 2016), carbon dioxide (lowest), HbA1c (count between 2012 and 2015), glucose
    # (count in 2017), total cholesterol (trend) and weight (trend 2015 to 2019) Observations, a DiagnosticReport
    # (first comprehensive metabolic panel), Conditions (resolved list, a resolution date, ever),
    # MedicationRequests (count of one drug's orders, ever and latest of another), Immunizations (latest by type),
    # Procedures (date by type), Encounters (latest overall, count by class), CarePlans (active list), the Device
    # (list), the ImagingStudy (ever), and two absent items (COPD, PSA); written from the bundles' JSON and frozen
    # before carepath answered any of it; ties, same-date duplicates and extremes that round to the same shown
    # value checked in the JSON (only unique extremes used; latest values and trend ends on dates with a single
    # result; windows chosen so counts and extremes are exact) ---
    (C, CL, "What is the patient's most recent serum albumin?", {"shape": "latest", "obs": "1751-7"}),
    (C, CL, "What was the patient's first recorded triglyceride level, and when was it drawn?",
     {"shape": "first", "obs": "2571-8"}),
    (C, CL, "What was the highest LDL cholesterol between 2013 and 2016, and on what date?",
     {"shape": "highest", "obs": "18262-6", "window": ["2013-01-01", "2016-12-31"]}),
    (A, CL, "How many HbA1c results were recorded between 2012 and 2015?",
     {"shape": "count", "obs": "4548-4", "window": ["2012-01-01", "2015-12-31"]}),
    (A, CL, "How has the patient's total cholesterol changed over time?", {"shape": "trend", "obs": "2093-3"}),
    (A, CL, "What is the patient's marital status?", {"shape": "demographic", "field": "marital"}),
    (A, CL, "List the patient's resolved conditions.",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Polyp of colon", "Viral sinusitis", "Fracture of clavicle"]}),
    (C, CL, "When did the patient's most recent episode of acute bronchitis resolve?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "end": True}),
    (C, CL, "How many simvastatin prescriptions have been written for the patient?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, CL, "How many ambulatory encounters does the patient have?",
     {"shape": "count", "type": "Encounter", "cls": "AMB"}),
    (C, CL, "When was the patient's first comprehensive metabolic panel?",
     {"shape": "first", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, CL, "Does the patient have any medical devices recorded?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, CL, "Does the patient have a history of COPD?", {"shape": "ever", "absent": True}),
    (A, LAY, "What was my chloride on my most recent blood test?", {"shape": "latest", "obs": "2069-3"}),
    (A, LAY, "What was my lowest carbon dioxide level, and when was it?", {"shape": "lowest", "obs": "20565-8"}),
    (C, LAY, "How many times was my glucose checked in 2017?",
     {"shape": "count", "obs": "2339-0", "window": ["2017-01-01", "2017-12-31"]}),
    (C, LAY, "How did my weight change between 2015 and 2019?",
     {"shape": "trend", "obs": "29463-7", "window": ["2015-01-01", "2019-12-31"]}),
    (C, LAY, "What date of birth do you have for me?", {"shape": "demographic", "field": "birthDate"}),
    (A, LAY, "Have I ever had a polyp in my colon?", {"shape": "ever", "type": "Condition", "codes": ["68496003"]}),
    (C, LAY, "Have I ever been prescribed acetaminophen, and when was the most recent time?",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, LAY, "When did I have my bone density scan?",
     {"shape": "date_of", "type": "Procedure", "codes": ["312681000"]}),
    (A, LAY, "When was my last appointment?", {"shape": "latest", "type": "Encounter"}),
    (C, LAY, "What care plans do I have that are still active?",
     {"shape": "list", "type": "CarePlan", "status": "active",
      "names": ["Diabetes self management plan", "Hyperlipidemia clinical management plan"]}),
    (A, LAY, "Is there an imaging study in my record, and when was it done?",
     {"shape": "ever", "type": "ImagingStudy"}),
    (A, LAY, "When did I get my most recent flu shot?", {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "What was my most recent PSA result?", {"shape": "latest", "absent": True}),
    # --- batch 57 (2026-12-03 evening): a twenty-first independent evaluator's set, in voices not used in earlier
    # batches: a ship's doctor in a cruise liner's medical centre ("the guest", "the passenger", at sea), a duty
    # clinical biochemist phoning about results ("cumulative report", "analyses", "sample date"), an army
    # garrison medical officer preparing an old soldier's pension board (MO, F Med) and a hepatology clinical
    # nurse specialist in a liver clinic (13 clinician), and a daughter in Singapore writing in Singlish ("ah",
    # "can check or not", "already", "stay one"), a granddaughter from the US South ("y'all", "Paw-Paw",
    # "fixin' to", "busted"), a son writing in Welsh English ("now in a minute", "is it?", "mun", "tamping",
    # "like") and a twin brother comparing his record with his twin's (13 lay); written from the bundles' JSON
    # and frozen before carepath answered any of it; over Patient demographics (city, birth date), sodium,
    # HbA1c (latest), systolic (first), creatinine and bilirubin (highest), urea, chloride and diastolic
    # (lowest), potassium (count 2015 to 2019), AST and HDL (trends) Observations, a DiagnosticReport (latest
    # comprehensive panel), Conditions (ever, a resolution date, an episode count), MedicationRequests (latest
    # order of one drug), Immunizations (latest by type, count by type), Encounters (first by class), CarePlans
    # (completed list), the Device (list), the ImagingStudy (ever), and two absent items (seasickness,
    # shingles); ties, same-date duplicates and extremes that round to the same shown value checked in the JSON
    # (only unique extremes used; latest values and trend ends on dates with a single result; window chosen so
    # the count is exact) ---
    (A, CL, "Ship's doctor, cruise liner medical centre. The guest in this cabin feels faint; what was his most "
            "recent sodium on his home record?", {"shape": "latest", "obs": "2947-0"}),
    (A, CL, "We are at sea, two days from the nearest port. Has this passenger ever had a cardiac arrest on "
            "record, and when was it?", {"shape": "ever", "type": "Condition", "codes": ["410429000"]}),
    (A, CL, "Ship's medical centre: does the guest have any implanted device we should know about before we "
            "put the AED pads on?", {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, CL, "Cruise ship doctor here. Is there any documented history of motion sickness or seasickness for "
            "this passenger?", {"shape": "ever", "absent": True}),
    (C, CL, "Duty biochemist phoning about a creatinine. For context, what is the highest creatinine on his "
            "cumulative report, and the date of that sample?", {"shape": "highest", "obs": "38483-4"}),
    (A, CL, "Clinical biochemistry, duty scientist: lowest urea nitrogen on file for this patient and its sample "
            "date, please.", {"shape": "lowest", "obs": "6299-2"}),
    (C, CL, "Biochemistry here - how many potassium analyses have we reported on him from 2015 through 2019?",
     {"shape": "count", "obs": "6298-4", "window": ["2015-01-01", "2019-12-31"]}),
    (A, CL, "Garrison MO, writing up a retired sapper for his pension board: his first recorded systolic blood "
            "pressure and the date, please.", {"shape": "first", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "MO here - when was the old soldier last given a tetanus-diphtheria booster?",
     {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, CL, "For the F Med: on what date was his fractured clavicle recorded as resolved?",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    (C, CL, "Liver clinic, hepatology CNS: how has his AST moved from the first result to the latest?",
     {"shape": "trend", "obs": "1920-8"}),
    (C, CL, "Hepatology nurse specialist - what was his peak total bilirubin, and when was that drawn?",
     {"shape": "highest", "obs": "1975-2"}),
    (C, CL, "Liver clinic: date of the most recent comprehensive metabolic panel in his record?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (C, LAY, "Hi, my father got bronchitis how many times already ah? Can check or not?",
     {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (C, LAY, "His sugar control test, the HbA1c one, latest result is how much ah?",
     {"shape": "latest", "obs": "4548-4"}),
    (C, LAY, "Eh, my pa stay which town one? You got it in the record or not?",
     {"shape": "demographic", "field": "city"}),
    (C, LAY, "The cholesterol medicine simvastatin, the last time doctor give him is when ah?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "Hey y'all, how many flu shots has my Paw-Paw had, all told?",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "Paw-Paw says they took a picture of his collarbone when he busted it. Did they, and what day was "
             "that?", {"shape": "ever", "type": "ImagingStudy"}),
    (A, LAY, "I'm fixin' to take him to his checkup. What's the lowest his chloride ever got, and when was that?",
     {"shape": "lowest", "obs": "2069-3"}),
    (A, LAY, "Going with Dad to the surgery now in a minute - when was the very first time he was seen as an "
             "emergency, is it?", {"shape": "first", "type": "Encounter", "cls": "EMER"}),
    (A, LAY, "Dad's got a tamping rash round his middle, mun. Has he ever had shingles on his record, like?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "His good cholesterol, the HDL - has it gone up or down since the first one, is it?",
     {"shape": "trend", "obs": "2085-9"}),
    (C, LAY, "I'm his twin brother and we're checking our details match. What birth date have you got for him?",
     {"shape": "demographic", "field": "birthDate"}),
    (C, LAY, "Which of my twin brother's care plans have been completed?",
     {"shape": "list", "type": "CarePlan", "status": "completed",
      "names": ["Respiratory therapy", "Physical therapy procedure"]}),
    (C, LAY, "Me and my twin both get our blood pressure checked. What's the lowest bottom number he's ever had, "
             "and on what date?", {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    # --- batch 58 (2026-12-03 evening): the same twenty-first evaluator's second set, a mix: half plain everyday
    # questions (7 clinician: a GP and a hospital doctor asking about "the patient"; 7 lay: the patient asking
    # about themself on a portal) and half voices not used in earlier batches (6 clinician: an endocrinologist
    # writing clinic-letter English ("glycaemic trajectory", "coded") and an orthopaedic consultant in fracture
    # clinic; 6 lay: a London teenage grandson in Multicultural London English ("yo", "innit", "bruv", "or nah",
    # "fam", "cap") and a retired accountant auditing his own file in bookkeeping terms ("tally", "inclusive",
    # "opening versus closing figure", "for reconciliation purposes")); written from the bundles' JSON and frozen
    # before carepath answered any of it; over Patient demographics (ethnicity), HDL (first), triglyceride and
    # calcium (highest), glucose and platelets (lowest), LDL (count 2015 to 2019), chloride (count 2013 to
    # 2015), HbA1c and weight (trends), triglyceride and BMI (latest) Observations, a DiagnosticReport (count of
    # lipid panels), Conditions (resolved list, onset of the first of two episodes, onset date, ever),
    # MedicationRequests (ever), Immunizations (count by type), Procedures (latest by type), Encounters (count by
    # type), CarePlans (an end date), the Device (list), the ImagingStudy (list), and two absent items
    # (magnesium, migraine); ties, same-date duplicates and extremes that round to the same shown value checked
    # in the JSON (only unique extremes used; latest values and trend ends on dates with a single result; windows
    # chosen so counts are exact) ---
    (A, CL, "What imaging studies does the patient have on file?",
     {"shape": "list", "type": "ImagingStudy", "names": ["Clavicle", "2016-05-21"]}),
    (C, CL, "When was the patient's HDL first measured, and what was the value?",
     {"shape": "first", "obs": "2085-9"}),
    (A, CL, "What is the highest triglyceride level on record, with the date?", {"shape": "highest", "obs": "2571-8"}),
    (C, CL, "How many LDL results were recorded from 2015 to 2019?",
     {"shape": "count", "obs": "18262-6", "window": ["2015-01-01", "2019-12-31"]}),
    (C, CL, "Which of the patient's conditions have resolved?",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Viral sinusitis", "Acute bronchitis", "rotator cuff"]}),
    (C, CL, "When did the patient's first episode of acute bronchitis begin?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "index": 0}),
    (A, CL, "Is any implanted device documented for this patient?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, CL, "Endocrine clinic, letter to follow. Glycaemic trajectory please: his HbA1c at the start of the record "
            "versus now.", {"shape": "trend", "obs": "4548-4"}),
    (A, CL, "Endocrinologist, considering reactive hypoglycaemia: his lowest plasma glucose on file, and the date?",
     {"shape": "lowest", "obs": "2339-0"}),
    (C, CL, "The endocrine referral says longstanding prediabetes - on what date was it first coded?",
     {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (A, CL, "Fracture clinic, orthopaedic consultant: on what date was his fracture care plan closed?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"], "end": True}),
    (A, CL, "Fracture clinic - was he ever prescribed ibuprofen around the time of the clavicle injury, and when?",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["310965"]}),
    (A, CL, "Fracture clinic, bone health screen: highest serum calcium on record, and its date?",
     {"shape": "highest", "obs": "49765-1"}),
    (C, LAY, "What was my most recent triglyceride result?", {"shape": "latest", "obs": "2571-8"}),
    (A, LAY, "When did I last have a colonoscopy?",
     {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "How many flu vaccines have I had in total?", {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "What ethnicity is listed on my record?", {"shape": "demographic", "field": "ethnicity"}),
    (C, LAY, "How many follow-up appointments have I had?",
     {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, LAY, "What was my latest magnesium level?", {"shape": "latest", "absent": True}),
    (C, LAY, "What was my lowest platelet count, and when?", {"shape": "lowest", "obs": "777-3"}),
    (C, LAY, "yo what's my grandad's BMI at the moment, the latest one innit", {"shape": "latest", "obs": "39156-5"}),
    (C, LAY, "bruv has my grandad ever had anaemia or nah, and when did that start",
     {"shape": "ever", "type": "Condition", "codes": ["271737000"]}),
    (A, LAY, "fam does my grandad have migraines on his record or is that cap", {"shape": "ever", "absent": True}),
    (C, LAY, "Retired accountant here, auditing my own file. Please give me a tally of chloride entries dated 2013 "
             "through 2015 inclusive.", {"shape": "count", "obs": "2069-3", "window": ["2013-01-01", "2015-12-31"]}),
    (C, LAY, "Opening versus closing figure for my body weight across the whole record, please.",
     {"shape": "trend", "obs": "29463-7"}),
    (A, LAY, "For reconciliation purposes: how many lipid panel reports are on my account?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    # --- batch 59 (2026-12-03 evening): a twenty-second independent evaluator's set, in voices not used in
    # earlier batches: a rheumatologist in a bone clinic ("r/v", "?Paget's", "alk phos"), a haematology registrar
    # on call ("haem reg", "FBC", "plt", "SpR"), a diving medical referee doing a fitness-to-dive assessment and a
    # sonographer vetting ultrasound requests (13 clinician), and a daughter writing in Jamaican Patois ("mi
    # fada", "wah", "dem", "tek", "fi"), a son writing in Geordie ("howay", "me da", "pet", "divvent knaa"), a
    # niece writing in South African English about her uncle ("ja", "my oom", "shame", "now-now", "hey") and a
    # fiancee filling in wedding forms (13 lay); written from the bundles' JSON and frozen before carepath
    # answered any of it; over Patient demographics (marital status, birth place), alkaline phosphatase and
    # potassium (highest), platelets and eGFR (lowest), MCV (first), DXA T-score, BMI, ALT and total cholesterol
    # (latest), glucose (count 2013 to 2015), haemoglobin and creatinine (trends, one windowed 2015 to 2019)
    # Observations, DiagnosticReports (count of blood counts), Conditions (onset date, ever), MedicationRequests
    # (count of one drug's orders), Immunizations (ever by type), Procedures (first by type), Encounters (count by
    # class, latest), CarePlans (an end date), the ImagingStudy (list), and two absent items (pneumothorax, an
    # anticoagulant); ties, same-date duplicates and extremes that round to the same shown value checked in the
    # JSON (only unique extremes used; latest values and trend ends on dates with a single result; the count
    # window chosen to hold no same-date duplicate and to be exact) ---
    (C, CL, "Rheum clinic, r/v for ?Paget's. Peak alk phos on his bloods and the date it was drawn pls.",
     {"shape": "highest", "obs": "6768-6"}),
    (A, CL, "Rheumatology, assessing fragility fracture risk: on what date was the clavicle fracture first "
            "recorded?", {"shape": "date_of", "type": "Condition", "codes": ["58150001"]}),
    (A, CL, "Rheumatology osteoporosis review - what T-score did his most recent DXA give?",
     {"shape": "latest", "obs": "38265-5"}),
    (A, CL, "Haem reg on call. Lowest plt count on his FBCs, with the date?", {"shape": "lowest", "obs": "777-3"}),
    (A, CL, "Haematology: his Hb across the full blood counts, earliest compared with most recent?",
     {"shape": "trend", "obs": "718-7"}),
    (C, CL, "Haem SpR here, looking at red cell indices. What was the MCV on his first FBC and when was it taken?",
     {"shape": "first", "obs": "787-2"}),
    (C, CL, "Haematology, checking how often he has been monitored: how many full blood count reports are filed?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (A, CL, "Diving medical referee, fitness-to-dive assessment: is there any history of pneumothorax coded?",
     {"shape": "ever", "absent": True}),
    (A, CL, "Dive medical - the candidate's latest recorded BMI?", {"shape": "latest", "obs": "39156-5"}),
    (A, CL, "For the dive medical: how many emergency attendances are there in his record?",
     {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (A, CL, "Sonographer vetting a request: what previous imaging does he have (body part and date)?",
     {"shape": "list", "type": "ImagingStudy", "names": ["Clavicle", "2016-05-21"]}),
    (C, CL, "Sonographer here, renal US request mentions reduced kidney function - lowest eGFR on file and its "
            "date?", {"shape": "lowest", "obs": "33914-3"}),
    (C, CL, "US liver requested for deranged LFTs. Most recent ALT, please, for the scan report.",
     {"shape": "latest", "obs": "1742-6"}),
    (C, LAY, "Mi fada tek di simvastatin long time now. How much time di doctor write it fi him?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, LAY, "Wah di cholesterol number dem get di last time dem check mi fada blood?",
     {"shape": "latest", "obs": "2093-3"}),
    (C, LAY, "Dem have mi fada down as married or single? Mi waan know wah di record seh.",
     {"shape": "demographic", "field": "marital"}),
    (A, LAY, "Howay, what's the highest me da's potassium has ever been, like, and when was that?",
     {"shape": "highest", "obs": "6298-4"}),
    (A, LAY, "When did me da have his first colonoscopy, pet? The camera up the back passage.",
     {"shape": "first", "type": "Procedure", "codes": ["73761001"]}),
    (A, LAY, "Has me da ever had a tetanus jab? Divvent knaa if he's had one, and when like.",
     {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "How's me da's creatinine kidney test gone from 2015 to 2019, better or worse?",
     {"shape": "trend", "obs": "38483-4", "window": ["2015-01-01", "2019-12-31"]}),
    (C, LAY, "Ja, how many sugar tests did my oom have from 2013 to 2015? Just want to check, hey.",
     {"shape": "count", "obs": "2339-0", "window": ["2013-01-01", "2015-12-31"]}),
    (C, LAY, "Shame, my oom hurt his shoulder at bowls. Has he ever had a rotator cuff injury on his file, and "
             "when was it?", {"shape": "ever", "type": "Condition", "codes": ["307731004"]}),
    (C, LAY, "My oom did physio for his shoulder - when did that physio plan finish? Now-now or long ago?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"], "end": True}),
    (A, LAY, "My fiance and I are getting married in the spring and I'm filling in the forms. Where was he born, "
             "according to his records?", {"shape": "demographic", "field": "birthPlace"}),
    (A, LAY, "I think my fiance might be on warfarin? Is any blood thinner prescribed on his file?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "When was my fiance's most recent doctor's visit?", {"shape": "latest", "type": "Encounter"}),
    # --- batch 60 (2026-12-03 evening): the same twenty-second evaluator's second set, in voices not used in
    # earlier batches: a cardiac physiologist in an ICD device clinic, a gastroenterologist in a polyp surveillance
    # clinic ("surveillance interval", "index colonoscopy") and a medical examiner completing a fitness-to-drive
    # report for the licensing agency (13 clinician), and a son writing in Irish English ("would ye", "so",
    # "Daddy", "your man"), a son writing in Yorkshire dialect ("our kid", "nowt", "owt", "me dad", "reckon"), an
    # ex-wife who is still the emergency contact and a New Zealand flatmate ("chur", "sweet as", "heaps") (13
    # lay); written from the bundles' JSON and frozen before carepath answered any of it; over Patient
    # demographics (race), systolic and total protein (highest), albumin, sodium, systolic and carbon dioxide
    # (lowest), diastolic and LDL (latest), diastolic and HbA1c (trends, one windowed 2015 to 2019), urea (count
    # 2012 to 2016) Observations, DiagnosticReports (count of basic metabolic panels), Conditions (onset dates, a
    # resolution date, an episode count), MedicationRequests (active list), Immunizations (first by type),
    # Procedures (count, ever and latest by type), Encounters (count by type), CarePlans (active list), the Device
    # (list), and two absent items (coeliac disease, depression); ties, same-date duplicates and extremes that
    # round to the same shown value checked in the JSON (only unique extremes used; latest values and trend ends
    # on dates with a single result; the count window holds one result a year, so the count is exact) ---
    (A, CL, "Cardiac physiologist, ICD clinic: which implanted device is registered on his record?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, CL, "Device clinic - for the implant indication, what date is his cardiac arrest recorded on?",
     {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (A, CL, "ICD follow-up: highest systolic BP recorded for him, and on what date?",
     {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (A, CL, "Device clinic, reviewing his haemodynamics: diastolic at the first reading versus the latest?",
     {"shape": "trend", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "Gastroenterology, polyp surveillance clinic: how many colonoscopies has he had to date?",
     {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (A, CL, "Surveillance interval planning - on what date was his colonic polyp marked resolved?",
     {"shape": "date_of", "type": "Condition", "codes": ["68496003"], "end": True}),
    (A, CL, "Gastro clinic: was a polypectomy ever done at his index colonoscopy, and on what date?",
     {"shape": "ever", "type": "Procedure", "codes": ["274031008"]}),
    (C, CL, "Gastroenterologist reviewing nutrition: his lowest serum albumin on record, with the date?",
     {"shape": "lowest", "obs": "1751-7"}),
    (C, CL, "Gastro clinic: any diagnosis of coeliac disease in his history?", {"shape": "ever", "absent": True}),
    (C, CL, "Fitness-to-drive report for the licensing agency: how has his HbA1c moved from 2015 to 2019?",
     {"shape": "trend", "obs": "4548-4", "window": ["2015-01-01", "2019-12-31"]}),
    (C, CL, "Medical examiner, driving licence report: his most recent diastolic pressure?",
     {"shape": "latest", "obs": "55284-4", "comp": "8462-4"}),
    (C, CL, "Driving medical - lowest systolic reading on file, and the date (any hypotension)?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "For the driving report: how many encounters has he had for symptoms?",
     {"shape": "count", "type": "Encounter", "codes": ["185345009"]}),
    (C, LAY, "Would ye tell me the highest Daddy's protein level in the blood has been, and when that was, so?",
     {"shape": "highest", "obs": "2885-2"}),
    (C, LAY, "When did Daddy get his first flu jab on the record, so?",
     {"shape": "first", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Your man at the chemist asked what Daddy's on at the minute. What medicines are active for him?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (A, LAY, "Our kid reckons me dad's had nowt but sinus trouble. How many times has he had sinusitis on his "
             "record?", {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (A, LAY, "Me dad's got his printout wi' carbon dioxide on it. What's the lowest it's been, and when?",
     {"shape": "lowest", "obs": "20565-8"}),
    (A, LAY, "Is me dad on owt like a care plan that's still going?",
     {"shape": "list", "type": "CarePlan", "status": "active", "names": ["Diabetes self management plan"]}),
    (A, LAY, "How many urea tests did me dad have between 2012 and 2016?",
     {"shape": "count", "obs": "6299-2", "window": ["2012-01-01", "2016-12-31"]}),
    (C, LAY, "I'm his ex-wife but I'm still his emergency contact. What race does his record list?",
     {"shape": "demographic", "field": "race"}),
    (C, LAY, "His cholesterol was always bad when we were married. When was the high cholesterol condition "
             "first put on his record?", {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (C, LAY, "My ex-husband was very low after the divorce. Has he ever been treated for depression?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "Chur, my flatmate wants to know what his last LDL cholesterol was.",
     {"shape": "latest", "obs": "18262-6"}),
    (A, LAY, "He's had heaps of blood panels - how many basic metabolic panels are on his file?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (A, LAY, "Sweet as. When did the doc last go over his medications with him?",
     {"shape": "latest", "type": "Procedure", "codes": ["430193006"]}),
    # --- batch 61 (2026-12-03 night): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; voices not used in earlier batches: a dental hygienist before a scale and polish, a
    # home-haemodialysis technician at a pre-training assessment ("home HD", "BUN", target weight), a pharmacy
    # technician doing a repeat-dispensing stock check and an offshore platform medic at a fitness-to-work review
    # (13 clinician), and a daughter writing in Nigerian Pidgin ("abeg", "wetin", "dem", "my papa", "don"), a blind
    # patient who uses a screen reader and describes what it reads out, a sibling texting in a hurry from a
    # pharmacy counter (lowercase, "rn", "pls", "bro", "sis") and a granddaughter writing in Taglish ("po", "ni
    # Lolo", "kailan", "ilang beses") (13 lay); over Patient demographics (birth place), HbA1c, weight, glucose,
    # systolic and total cholesterol (latest), creatinine and calcium (highest), platelets (lowest), urea (trend),
    # creatinine (count 2016 to 2018) and eGFR (count 2014 to 2017) Observations, DiagnosticReports (count of lipid
    # panels), Conditions (a resolution date), MedicationRequests (first and latest by drug, none active),
    # Immunizations (latest by type, count, ever), Encounters (latest by class), CarePlans (ever), the Device
    # (list), and three absent items (a bisphosphonate, seizures, allergies); ties, same-date duplicates and
    # extremes that round to the same shown value checked in the JSON (only unique extremes used; latest values and
    # trend ends on dates with a single result; count windows hold no same-date duplicate) ---
    (A, CL, "Dental hygienist here, booking him for a scale and polish with the ultrasonic scaler. Does he have a "
            "pacemaker or any other cardiac device implanted?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, CL, "Hygiene appointment, checking jaw osteonecrosis risk before a deep clean: has he ever been prescribed "
            "a bisphosphonate such as alendronate?", {"shape": "ever", "absent": True}),
    (C, CL, "Dental hygienist - his gums bleed a lot and he is prediabetic. What was his most recent HbA1c?",
     {"shape": "latest", "obs": "4548-4"}),
    (C, CL, "Home HD technician doing his pre-training assessment: what is the highest creatinine he has had, and "
            "on what date?", {"shape": "highest", "obs": "38483-4"}),
    (C, CL, "Dialysis tech again. How many creatinine levels were drawn from 2016 through 2018?",
     {"shape": "count", "obs": "38483-4", "window": ["2016-01-01", "2018-12-31"]}),
    (C, CL, "To set a target weight for the home machine: what is his most recent body weight?",
     {"shape": "latest", "obs": "29463-7"}),
    (C, CL, "Home haemodialysis training - his BUN, the first result on file compared with the latest one?",
     {"shape": "trend", "obs": "6299-2"}),
    (C, CL, "Pharmacy technician, stock check on the repeat-dispensing shelf: when was his simvastatin first "
            "prescribed?", {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, CL, "Pharm tech reconciling the acetaminophen 325 mg we hold for him - when was the last script for it "
            "written?", {"shape": "latest", "type": "MedicationRequest", "codes": ["313782"], "name": "Acetaminophen"}),
    (A, CL, "Pharmacy tech doing the monthly stock check: does he have any active repeat prescriptions we should "
            "keep stock for?", {"shape": "absent_list", "type": "MedicationRequest", "status": "active"}),
    (A, CL, "Offshore medic on the platform, fitness-to-work review: what was his latest systolic blood pressure?",
     {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (A, CL, "Offshore medical - is there any history of epilepsy or seizures in his record?",
     {"shape": "ever", "absent": True}),
    (A, CL, "Platform medic: date of his last tetanus booster? I need it for the offshore certificate.",
     {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "Abeg, wetin be my papa blood sugar the last time dem check am?", {"shape": "latest", "obs": "2339-0"}),
    (C, LAY, "My papa say dem don give am breathing therapy before. E true? When be dat?",
     {"shape": "ever", "type": "CarePlan", "codes": ["53950000"]}),
    (C, LAY, "How many times dem don give my papa flu injection for di record, abeg?",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Na which town dem born my papa? I wan fill one form.", {"shape": "demographic", "field": "birthPlace"}),
    (A, LAY, "I'm blind and my screen reader reads the results table out as a jumble of numbers. Could you tell me "
             "the highest my calcium has been, and the date?", {"shape": "highest", "obs": "49765-1"}),
    (A, LAY, "My screen reader keeps saying Lipid Panel, Lipid Panel, Lipid Panel. How many lipid panels do I "
             "actually have?", {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "Screen reader user here, the conditions page is hard to move around in. On what date was my broken "
             "collarbone marked as healed?", {"shape": "date_of", "type": "Condition", "codes": ["58150001"],
                                              "end": True}),
    (A, LAY, "quick q bro's total cholesterol - most recent one?? need it in 5 min",
     {"shape": "latest", "obs": "2093-3"}),
    (A, LAY, "sis here at the pharmacy counter rn, does he have ANY allergies on file? pls fast",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (A, LAY, "when was his ER trip for the collarbone, date pls, in a rush",
     {"shape": "latest", "type": "Encounter", "cls": "EMER"}),
    (C, LAY, "Hi po! Ask ko lang, what's the lowest platelet count ni Lolo and kailan po yun?",
     {"shape": "lowest", "obs": "777-3"}),
    (C, LAY, "May pneumonia vaccine na po ba si Lolo? Kailan po siya nabakunahan?",
     {"shape": "ever", "type": "Immunization", "codes": ["133", "33"]}),
    (C, LAY, "Ilang beses po na-check yung eGFR ni Lolo from 2014 to 2017?",
     {"shape": "count", "obs": "33914-3", "window": ["2014-01-01", "2017-12-31"]}),
    # --- batch 62 (2026-12-03 night): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; voices not used in earlier batches: a GP writing Indian English ("kindly", "since when the
    # patient is having", "revert", "do the needful", "sugars"), an Australian remote-area nurse at a bush clinic
    # ("RAN", "out bush", "bloke", "arvo", RFDS retrieval), a health-insurance claims adjudicator checking claim lines
    # ("date of service", "duplicate claim") and an acupuncturist taking a pre-needling history (13 clinician), and
    # a son writing in Cockney ("me old man", "blimey", "guv", "cor"), a grandson writing in Hinglish ("Nanaji",
    # "yaar", "kab", "batao na", "wala"), a daughter writing in Newfoundland English ("b'y", "me son", "where's it
    # to", "some worried") and a partner or wife whose question carries a wrong assumption she asks to have set
    # right (13 lay); over Patient demographics (marital status), glucose, triglyceride and pain score (highest),
    # ALT and HDL (trends), diastolic and bilirubin (latest) Observations, Conditions (onset dates incl. the first
    # of three episodes and the second of two, a resolution date, ever with date), MedicationRequests (latest with
    # strength), Immunizations (latest by type), Procedures (date of the second of three, date by type, count),
    # Encounters (counts by type), the ImagingStudy (ever), and three absent items (blood group, hepatitis B / HIV,
    # kidney stones); ties, same-date duplicates and extremes that round to the same shown value checked in the
    # JSON (only unique extremes used; latest values and trend ends on dates with a single result) ---
    (C, CL, "Since when the patient is having prediabetes? Kindly give the date it was first noted.",
     {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (C, CL, "Patient has come for review of sugars. Kindly revert with his highest blood glucose value and the date "
            "of same.", {"shape": "highest", "obs": "2339-0"}),
    (C, CL, "I am suspecting his ALT is going up on the statin. Kindly give the first and the latest ALT values.",
     {"shape": "trend", "obs": "1742-6"}),
    (C, CL, "Please do the needful and tell me how many follow-up encounters he has attended till date.",
     {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, CL, "RAN out bush, bloke's come in this arvo with chest pain. Has he ever had a cardiac arrest on his record, "
            "and when?", {"shape": "ever", "type": "Condition", "codes": ["410429000"]}),
    (A, CL, "Remote clinic, RFDS may have to fly him out and they want to know: what blood group is on his file?",
     {"shape": "latest", "absent": True}),
    (A, CL, "Remote area nurse here - what was his diastolic at his last check?",
     {"shape": "latest", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "Claims adjudication: what is the date of service for his admission to the orthopaedic department?",
     {"shape": "date_of", "type": "Procedure", "codes": ["305428000"]}),
    (A, CL, "Adjudicating a colonoscopy claim line, checking for a duplicate: on what date was his second "
            "colonoscopy done?", {"shape": "date_of", "type": "Procedure", "codes": ["73761001"], "index": 1}),
    (C, CL, "Claims review: how many urgent care clinic encounters are documented for this member?",
     {"shape": "count", "type": "Encounter", "codes": ["702927004"]}),
    (A, CL, "Acupuncturist taking a history before needling: any anaemia on his record, and since when?",
     {"shape": "ever", "type": "Condition", "codes": ["271737000"]}),
    (C, CL, "Acupuncture intake: what is the highest pain score he has reported, and on what date?",
     {"shape": "highest", "obs": "72514-3"}),
    (C, CL, "For needle-stick precautions at the acupuncture clinic: any history of hepatitis B or HIV in his notes?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "Blimey, me old man's had that many bloods done. What's his HDL been doing, first one to the last?",
     {"shape": "trend", "obs": "2085-9"}),
    (A, LAY, "Me old man broke his collarbone a few years back - did they X-ray it, guv, and when was that?",
     {"shape": "ever", "type": "ImagingStudy"}),
    (A, LAY, "Cor, he don't half moan about his sinuses. When did me old man first get sinusitis on his record?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "index": 0}),
    (C, LAY, "Yaar, Nanaji ka triglyceride sabse high kab tha? Value bhi batao na.",
     {"shape": "highest", "obs": "2571-8"}),
    (C, LAY, "Nanaji married hai ya single, record mein kya likha hai?", {"shape": "demographic", "field": "marital"}),
    (C, LAY, "Nanaji ka shoulder injury kab theek hua tha? The rotator cuff wala.",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (C, LAY, "Where's Dad's bilirubin to now, b'y? What was the last one they got?",
     {"shape": "latest", "obs": "1975-2"}),
    (C, LAY, "Me son, Dad had some bad chest in 2012. What date was the acute bronchitis diagnosed that year?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "index": 1}),
    (C, LAY, "Dad's some worried about his kidneys. Has he ever had kidney stones, b'y?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "I thought my partner's prediabetes was only found around 2017, but I may be wrong - when was it "
             "actually first recorded?", {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (C, LAY, "My husband says he's been on simvastatin 20 mg for years. What strength does his latest prescription "
             "actually show?", {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"],
                                "name": "Simvistatin 10 MG"}),
    (C, LAY, "I believe my husband's last tetanus jab was back in 2010, but correct me if that's wrong. When was it "
             "really?", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "My partner thinks he had a DEXA bone scan in 2019 as well. How many bone density scans are actually on "
             "his record?", {"shape": "count", "type": "Procedure", "codes": ["312681000"]}),
    # --- batch 63 (2026-12-03 night): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; typical wording, the way an ordinary GP, hospital doctor, nurse or pharmacist types into a
    # chart-search box (short, plain, the usual abbreviations: K+, A1c, BP, ICD, DEXA, hx, pt, meds) (13 clinician)
    # and the way a patient asks on a portal about their own record (13 lay); over every shape the spec holds
    # (latest, first, highest and lowest with their dates, count incl. a window of years, list, date_of incl. a
    # resolution-type end date, trend over a window, ever, demographic) and the resource types: Patient (language),
    # potassium (highest), HbA1c (count 2012 to 2016), systolic (trend 2014 to 2019), DXA T-score and eGFR (latest),
    # ALT (highest), glucose (lowest) and total cholesterol (trend 2015 to 2019) Observations, Conditions (active
    # list, onset dates), MedicationRequests (first order, active list), Immunizations (ever by type, a date by
    # type), Procedures (latest by type), Encounters (count and latest by type), CarePlans (active, an end date),
    # the Device and the ImagingStudy (lists), AllergyIntolerance, and three absent items (allergies, a shingles
    # vaccine, asthma / COPD); ties, same-date duplicates and extremes that round to the same shown value checked in
    # the JSON (only unique extremes used; latest values and trend ends on dates with a single result; the count
    # window holds no same-date duplicate and no result near its edges) ---
    (A, CL, "Highest K+ on record and the date?", {"shape": "highest", "obs": "6298-4"}),
    (A, CL, "How many A1c results between 2012 and 2016?",
     {"shape": "count", "obs": "4548-4", "window": ["2012-01-01", "2016-12-31"]}),
    (A, CL, "Active problem list please",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (A, CL, "Does he have an implanted device, e.g. pacemaker or ICD?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, CL, "What was the T-score on his DEXA?", {"shape": "latest", "obs": "38265-5"}),
    (A, CL, "How many encounters for symptoms has he had?",
     {"shape": "count", "type": "Encounter", "codes": ["185345009"]}),
    (A, CL, "Systolic BP trend from 2014 to 2019?",
     {"shape": "trend", "obs": "55284-4", "comp": "8480-6", "window": ["2014-01-01", "2019-12-31"]}),
    (A, LAY, "When was my last colonoscopy?", {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (A, LAY, "Have I had the pneumonia vaccine?", {"shape": "ever", "type": "Immunization", "codes": ["133", "33"]}),
    (A, LAY, "What date did I break my collarbone?",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"]}),
    (A, LAY, "Have I had the shingles shot yet?", {"shape": "ever", "absent": True}),
    (A, LAY, "Is my diabetes care plan still active?",
     {"shape": "ever", "type": "CarePlan", "codes": ["698360004"], "status": "active"}),
    (A, LAY, "Are there any allergies on my file?", {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (A, LAY, "Have I had any X-rays? Which one and when?",
     {"shape": "list", "type": "ImagingStudy", "names": ["Clavicle", "2016-05-21"]}),
    (C, CL, "Most recent eGFR for this pt?", {"shape": "latest", "obs": "33914-3"}),
    (C, CL, "Highest ALT and when?", {"shape": "highest", "obs": "1742-6"}),
    (C, CL, "Total cholesterol trend 2015-2019",
     {"shape": "trend", "obs": "2093-3", "window": ["2015-01-01", "2019-12-31"]}),
    (C, CL, "Current meds?", {"shape": "list", "type": "MedicationRequest", "status": "active",
                               "names": ["Simvistatin"]}),
    (C, CL, "Hyperlipidemia - date of dx?", {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (C, CL, "Pt's preferred language?", {"shape": "demographic", "field": "language"}),
    (C, LAY, "What was my lowest blood sugar and when?", {"shape": "lowest", "obs": "2339-0"}),
    (C, LAY, "When did I start taking simvastatin?",
     {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, LAY, "When did I get my Prevnar 13 shot?", {"shape": "date_of", "type": "Immunization", "codes": ["133"]}),
    (C, LAY, "When did my physical therapy for my shoulder finish?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"], "end": True}),
    (C, LAY, "When was my last annual physical?", {"shape": "latest", "type": "Encounter", "codes": ["162673000"]}),
    (C, LAY, "Do I have asthma or COPD on my chart?", {"shape": "ever", "absent": True}),
    # --- batch 64 (2026-12-03 night): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; voices not used in earlier batches: a genetic counsellor drawing a pedigree (familial
    # hypercholesterolaemia, sudden cardiac death in the family), a funeral director completing a pre-paid cremation
    # plan while the client is alive (implanted device to remove, place of birth for the registration section), a
    # physio at a walking-football / bowls club doing pre-season screening, a chiropractor before spinal
    # manipulation and an exhausted night nurse at 3am typing in lowercase fragments (13 clinician), and a son
    # writing in Trinidadian English ("meh father", "allyuh", "doh", "wha", "eh"), a granddaughter writing in
    # Scouse ("me grandad", "la", "dead worried", "our"), a daughter in Montreal writing Quebec Franglais ("mon
    # pere", "la", "tse", "ben", "genre", French terms) and relatives whose question is buried in a forwarded email
    # thread with headers, greetings and sign-offs (13 lay); over Patient demographics (birth place), LDL
    # (highest), pain score, potassium, creatinine and smoking (latest), BMI (trend), glucose (first), triglyceride
    # and HDL (lowest) Observations, DiagnosticReports (count of metabolic panels, count of lipid panels),
    # Conditions (onset dates, ever with date, an episode count), MedicationRequests (everything ever prescribed),
    # Immunizations (latest by type, count, a date by type), Procedures (ever with date), CarePlans (ever with its
    # start), the Device (list), and three absent items (a personal history of cancer, an anticoagulant, an
    # echocardiogram); ties, same-date duplicates and extremes that round to the same shown value checked in the
    # JSON (only unique extremes used; latest, first and trend-end values on dates with a single result) ---
    (A, CL, "Genetic counsellor here, referral for sudden cardiac death in the family. On what date is his own "
            "cardiac arrest recorded?", {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (C, CL, "Drawing up a pedigree for possible familial hypercholesterolaemia - what is the highest LDL he has ever "
            "had, and the date of that sample?", {"shape": "highest", "obs": "18262-6"}),
    (C, CL, "For the pedigree I also record personal cancer history. Is any cancer diagnosis documented for him?",
     {"shape": "ever", "absent": True}),
    (A, CL, "Funeral director completing a pre-paid cremation plan with the gentleman. The form asks whether he has "
            "an implanted device that would need removing before cremation, such as a pacemaker. Is one recorded?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, CL, "Pre-arranged funeral plan paperwork, the section for the death registration: what place of birth does "
            "his medical record give?", {"shape": "demographic", "field": "birthPlace"}),
    (A, CL, "Physio at his walking-football club doing the pre-season screen: what was his most recent pain score?",
     {"shape": "latest", "obs": "72514-3"}),
    (C, CL, "Club physio. He mentions an old rotator cuff injury - when did that start according to his record?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"]}),
    (C, CL, "Bowls club pre-season screening: his BMI, the first reading on file against the latest one?",
     {"shape": "trend", "obs": "39156-5"}),
    (A, CL, "Chiropractor, assessing before any spinal manipulation: has he had a bone density scan, and when?",
     {"shape": "ever", "type": "Procedure", "codes": ["312681000"]}),
    (A, CL, "Chiro intake form - is he taking a blood thinner like warfarin or apixaban?",
     {"shape": "ever", "absent": True}),
    (C, CL, "3am, on since 7pm, sorry. his last potassium, what was it", {"shape": "latest", "obs": "6298-4"}),
    (C, CL, "night shift brain... how many basic metabolic panels has he had altogether",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (A, CL, "long night. when was his last tetanus, td or whatever it was",
     {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "Allyuh, wha was meh father sugar level the very first time they check it in this record?",
     {"shape": "first", "obs": "2339-0"}),
    (C, LAY, "Meh father does say he never take no flu shot. How many flu shot he get for true, eh?",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Doh mind meh asking, but he ever get bronchitis? When was the last time?",
     {"shape": "ever", "type": "Condition", "codes": ["10509002"]}),
    (A, LAY, "Me grandad's dead worried about his kidneys, la. What was his last creatinine?",
     {"shape": "latest", "obs": "38483-4"}),
    (A, LAY, "Our grandad's always had sinus trouble. How many times has he had sinusitis on his record?",
     {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (A, LAY, "Was me grandad ever given any tablets on prescription, la? What were they?",
     {"shape": "list", "type": "MedicationRequest", "names": ["Ibuprofen"]}),
    (C, LAY, "Mon pere la, his triglycerides, ben what was the lowest one and when?",
     {"shape": "lowest", "obs": "2571-8"}),
    (C, LAY, "Tse, mon pere got le vaccin contre la pneumonie, the 23 one, Pneumovax. What date exactly?",
     {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (C, LAY, "Is mon pere a fumeur? Genre, what does the record say about smoking?",
     {"shape": "latest", "obs": "72166-2"}),
    (C, LAY, "Mon pere had une echographie du coeur, an echocardiogram, ben is it on the dossier? When?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "FW: Re: Dad ---------- Forwarded message --------- From: Mark Sent: Sunday To: Sarah; Paul Subject: "
             "Dad. Hi both, good to see you at lunch, and thanks again for the roast. As promised I said I'd ask "
             "through his account: how many times has Dad had a lipid panel, the cholesterol blood test? Paul thinks "
             "it's every year. Speak soon, Mark. Sent from my iPhone",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "Re: Re: Dad's bloods. Sarah wrote: > I've put the question below for whoever reads this. > Hello, "
             "we are his children and we look after his paperwork. Could you tell us the lowest his good "
             "cholesterol (HDL) has been, and on what date? > Many thanks, Sarah and Paul. Sent from Outlook",
     {"shape": "lowest", "obs": "2085-9"}),
    (C, LAY, "Fwd: his appointment. Hi, forwarding this from my brother as he can't log in. ---- Hi sis, the "
             "practice letter mentioned a plan for his cholesterol. Is there a cholesterol care plan in place for "
             "Dad, and since when? No rush. Love, Tom ---- Thanks, Anna",
     {"shape": "ever", "type": "CarePlan", "codes": ["736285004"]}),
    # --- batch 65 (2026-12-03 night): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; voices not used in earlier batches: a hospital porter relaying a question from the ward staff
    # ("the sister asked me", "before I take him down"), a respiratory physiologist in the lung function lab
    # (predicted values, reversibility), an orthoptist in the eye clinic (diplopia / nerve palsy work-up) and a
    # tattoo artist filling in a client health form (13 clinician), and a son writing in Ghanaian English
    # ("please", "my daddy", "chale", "ei", "by God's grace"), a daughter writing in Brummie ("ow am ya", "bab",
    # "me dad", "tara-a-bit"), a patient with aphasia writing in short broken phrases and a grandchild writing in
    # Gen-Z slang ("lowkey", "no cap", "fr", "bestie", "it's giving") (13 lay); over Patient demographics (birth date,
    # city), potassium, height, HbA1c, LDL, glucose (latest), systolic (highest), sodium and glucose (lowest), HDL
    # (trend) and DXA T-score Observations, DiagnosticReports (count of blood counts), Conditions (onset date, a
    # resolution date, an episode count, ever with date), MedicationRequests (active list), Immunizations (first by
    # type), Procedures (latest by type), Encounters (count by class), CarePlans (an end date), and three absent
    # items (oxygen saturation, an eye disease, allergies); ties, same-date duplicates and extremes that round to
    # the same shown value checked in the JSON (only unique extremes used; latest values and trend ends on dates
    # with a single result) ---
    (A, CL, "Porter here, I'm taking him down to the endoscopy suite and the nurse asked me to check the system "
            "for her: when was his last colonoscopy?",
     {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "Hospital porter - the staff nurse on the ward can't log in and asked me to read her his most recent "
            "potassium off the screen. What is it?", {"shape": "latest", "obs": "6298-4"}),
    (A, CL, "Porter again, the sister wants to know before I bring him round: how many times has he come in "
            "through the emergency department?", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, CL, "Respiratory physiologist, lung function lab: I need his recorded height to calculate predicted "
            "values for the spirometry. What is it?", {"shape": "latest", "obs": "8302-2"}),
    (C, CL, "Lung function lab, before reversibility testing: how many episodes of acute bronchitis are coded for "
            "him?", {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (C, CL, "Respiratory physiology: he had respiratory therapy in the past. On what date did the most recent "
            "respiratory therapy plan end?", {"shape": "date_of", "type": "CarePlan", "codes": ["53950000"],
                                               "end": True}),
    (A, CL, "Lung function lab - what was his last recorded oxygen saturation (SpO2) on room air?",
     {"shape": "latest", "absent": True}),
    (A, CL, "Orthoptist in the eye clinic, working up new double vision and checking vascular risk: what is his "
            "latest HbA1c?", {"shape": "latest", "obs": "4548-4"}),
    (A, CL, "Orthoptist: is any eye condition, such as diabetic retinopathy or glaucoma, coded in his record?",
     {"shape": "ever", "absent": True}),
    (C, CL, "Orthoptics, sixth nerve palsy work-up: what is the highest systolic blood pressure on file, and on "
            "what date?", {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (A, CL, "Tattoo artist, going through the client health form with him: it asks about anaemia. Is anaemia on "
            "his record, and since when?", {"shape": "ever", "type": "Condition", "codes": ["271737000"]}),
    (C, CL, "Tattoo studio consent form - it wants the client's date of birth exactly as his medical record has "
            "it. What is it?", {"shape": "demographic", "field": "birthDate"}),
    (C, CL, "Tattoo studio health questionnaire: any allergies recorded for him, latex or anything else?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, LAY, "Please, my daddy did the cholesterol test last time. Ei, what was the LDL one?",
     {"shape": "latest", "obs": "18262-6"}),
    (C, LAY, "Chale, my daddy says they have been giving him flu injection every year. Please when was the first "
             "one in this record?", {"shape": "first", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "By God's grace my father is doing fine now, but please, on which date did they find the polyp in his "
             "colon?", {"shape": "date_of", "type": "Condition", "codes": ["68496003"]}),
    (A, LAY, "Please I am asking on behalf of my father. Which town is written as his address in the record?",
     {"shape": "demographic", "field": "city"}),
    (C, LAY, "Ow am ya bab. Me dad's sodium - what's the lowest it's ever been, and when was that?",
     {"shape": "lowest", "obs": "2947-0"}),
    (A, LAY, "Me dad's been on about his bones again, bab. He had that bone scan - what was the T-score on it?",
     {"shape": "latest", "obs": "38265-5"}),
    (C, LAY, "How many full blood counts has me dad had done altogether? Tara-a-bit.",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (A, LAY, "me... bone. collar. broke. when... healed?",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    (C, LAY, "sugar. blood. last one... number?", {"shape": "latest", "obs": "2339-0"}),
    (C, LAY, "pills... cholesterol... still take... now? which", {"shape": "list", "type": "MedicationRequest",
                                                                  "status": "active", "names": ["Simvistatin"]}),
    (A, LAY, "ok lowkey need grandpa's highest blood pressure top number no cap, and what day was it",
     {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (A, LAY, "bestie what's the lowest grandpa's blood sugar has ever gone and when fr",
     {"shape": "lowest", "obs": "2339-0"}),
    (C, LAY, "grandpa's good cholesterol (HDL) is it giving up or going up?? first one vs latest one pls",
     {"shape": "trend", "obs": "2085-9"}),
    # --- batch 66 (2026-12-03 night): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; voices not used in earlier batches: a Kenyan clinic nurse ("sasa", "kindly", "the mzee",
    # "pole"), a medico-legal expert writing in formal legalese ("in the matter of", "the claimant", "the
    # undersigned", "upon which"), an orthotist fitting a brace and casting insoles, and a practice nurse pasting a
    # bulleted pre-assessment checklist of which only one item is held in the record (13 clinician), and a
    # grandchild writing in Maltese English ("my nannu", "ejja", "mela", "no?"), relatives burying the question in
    # a long story about the family, patients quoting an earlier (wrong) answer back and asking again, and a
    # daughter mixing Welsh words into her English ("shwmae", "pryd", "Tad", "diolch", "bore da", "faint o
    # weithiau") (13 lay); over eGFR, diastolic (lowest), BMI, haemoglobin, MCV, triglyceride, urea and alkaline
    # phosphatase (latest), platelets (lowest), albumin, triglyceride and AST (highest) and LDL (count 2014 to
    # 2016) Observations, Conditions (the first of two episodes), MedicationRequests (count by drug),
    # Immunizations (latest by type), Procedures (counts by type), Encounters (a date by type, latest by type),
    # CarePlans (ever with its start, an end date), and three absent items (a head injury, a diabetic foot
    # problem, a hip replacement); ties, same-date duplicates and extremes that round to the same shown value
    # checked in the JSON (only unique extremes used; latest values on dates with a single result; the count window
    # holds no result near its edges) ---
    (C, CL, "Sasa, nurse at the clinic here. Kindly, what is the mzee's latest eGFR?",
     {"shape": "latest", "obs": "33914-3"}),
    (C, CL, "Pole for the many questions. Kindly confirm how many LDL cholesterol results the mzee has from 2014 "
            "up to 2016.", {"shape": "count", "obs": "18262-6", "window": ["2014-01-01", "2016-12-31"]}),
    (A, CL, "The mzee has come for his review. Kindly, what was his lowest diastolic pressure, and the date?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (C, CL, "Kindly assist: when did the mzee last attend a follow-up encounter?",
     {"shape": "latest", "type": "Encounter", "codes": ["390906007"]}),
    (A, CL, "In the matter of the claimant's personal injury claim, I am instructed to ascertain the date upon "
            "which the claimant was admitted via the emergency room in respect of the fractured clavicle.",
     {"shape": "date_of", "type": "Encounter", "codes": ["50849002"]}),
    (A, CL, "The undersigned, instructed as medico-legal expert, requests confirmation as to whether any head "
            "injury or concussion is recorded in the claimant's medical history.",
     {"shape": "ever", "absent": True}),
    (A, CL, "For the purposes of the report, kindly state the number of occasions upon which the claimant "
            "underwent a medication reconciliation.",
     {"shape": "count", "type": "Procedure", "codes": ["430193006"]}),
    (C, CL, "Orthotist, fitting a shoulder brace: he had physio for the rotator cuff. Is there a physical therapy "
            "plan on record, and when did it start?",
     {"shape": "ever", "type": "CarePlan", "codes": ["91251008"]}),
    (C, CL, "Orthotist casting for custom insoles - what is his most recent BMI?",
     {"shape": "latest", "obs": "39156-5"}),
    (C, CL, "Orthotics: is there any diabetic foot ulcer or peripheral neuropathy documented?",
     {"shape": "ever", "absent": True}),
    (A, CL, "Pre-assessment checklist, please complete from the record: - MRSA screen result - Group and save - "
            "Most recent haemoglobin - Sickle cell status", {"shape": "latest", "obs": "718-7"}),
    (C, CL, "Pre-op template: \u2022 ECG findings \u2022 Echo ejection fraction \u2022 Lowest platelet count and its "
            "date \u2022 Airway grade. Fill in whatever the chart holds.", {"shape": "lowest", "obs": "777-3"}),
    (A, CL, "Anaemia clinic checklist: - Ferritin - Vitamin B12 - Folate - Most recent MCV. Only whatever is on "
            "file, thanks.", {"shape": "latest", "obs": "787-2"}),
    (C, LAY, "Ejja, my nannu had the blood test for fats. What was his last triglycerides? Mela, I'm a bit worried.",
     {"shape": "latest", "obs": "2571-8"}),
    (C, LAY, "My nannu, how many times they gave him the acetaminophen on prescription, no?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["313782"]}),
    (C, LAY, "Mela, the albumin of my nannu, which one was the highest and on what date?",
     {"shape": "highest", "obs": "1751-7"}),
    (A, LAY, "So my dad grew up on a farm, always ate a full breakfast, fried everything, and my mum kept telling "
             "him to cut down. Now my sister is on a diet kick and wants all of us to get checked, and she keeps "
             "asking me about Dad's numbers. Anyway, what is the highest his triglycerides have ever been, and "
             "when?", {"shape": "highest", "obs": "2571-8"}),
    (C, LAY, "Long story, but my brother and I were sorting Dad's papers after his move to the bungalow and found "
             "an old inhaler and some cough medicine. Dad swears he's only had a chest infection once. When was "
             "the first time acute bronchitis was put on his record?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "index": 0}),
    (A, LAY, "My mum had both her hips done and my aunt had one done last year, and now everybody at Sunday lunch "
             "asks whether Dad's next. Has Dad himself ever had a hip replacement?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "Earlier I was told his latest urea was 18.23, but I think that was the very first one from 2010. "
             "What is the latest urea result really?", {"shape": "latest", "obs": "6299-2"}),
    (C, LAY, "The answer I got before said there's no tetanus jab on his file. I'm sure he had one. When was his "
             "last tetanus?", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "Your last reply said his fracture care plan is still open. I don't think so - on what date did it "
             "actually end?", {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"], "end": True}),
    (C, LAY, "I was told his highest AST was about 30. That doesn't look right to me. What was the highest AST and "
             "on which date?", {"shape": "highest", "obs": "1920-8"}),
    (A, LAY, "Shwmae! Quick one about Tad - pryd was his last flu jab? Diolch.",
     {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Bore da, what was Dad's alkaline phosphatase y tro diwethaf, the last time they tested it?",
     {"shape": "latest", "obs": "6768-6"}),
    (A, LAY, "Faint o weithiau, how many times, has Dad had a colonoscopy? Diolch yn fawr.",
     {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    # --- batch 67 (2026-12-03 night): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; voices: half plain everyday clinician and patient wording (13), half voices new to the file: a
    # Hong Kong English speaker ("lah", "already", "can or not", "my ah yeh"), a coroner's officer gathering
    # history for an inquest report, a patient dictating to a phone assistant whose words come out misrecognised,
    # and questions laid out as a numbered list whose parts all ask the same one thing (13); over systolic, sodium,
    # creatinine, potassium, glucose, HDL, total cholesterol, bilirubin, globulin, T-score and polyp size
    # Observations (highest, lowest, latest, trend, count in a window), Conditions (onset, abatement, a count),
    # MedicationRequests (first, ever), Immunizations, Procedures, Encounters, a DiagnosticReport count, CarePlans,
    # the Device, demographics, and three absent items (a penicillin allergy, a pacemaker in a record without
    # devices, a shingles vaccine); extremes checked unique in the JSON, no same-day ties at the ends ---
    (A, CL, "Highest systolic blood pressure on file, with date?",
     {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "Peak serum creatinine and when was it drawn?", {"shape": "highest", "obs": "38483-4"}),
    (C, CL, "Lowest recorded potassium, please, and the date.", {"shape": "lowest", "obs": "6298-4"}),
    (A, CL, "How has his HDL changed from the first lipid panel to the most recent one?",
     {"shape": "trend", "obs": "2085-9"}),
    (C, CL, "When was hyperlipidemia first diagnosed?",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (C, CL, "Date simvastatin was first prescribed?",
     {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, CL, "How many episodes of viral sinusitis are documented?",
     {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (C, CL, "How many total bilirubin results are on file from 2015 through 2017?",
     {"shape": "count", "obs": "1975-2", "window": ["2015-01-01", "2017-12-31"]}),
    (A, CL, "Does he have a penicillin allergy documented?", {"shape": "ever", "absent": True}),
    (A, LAY, "My wife says I'm due another camera test of the bowel. What date was my most recent colonoscopy?",
     {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "What was the worst my good cholesterol ever got, and when?", {"shape": "lowest", "obs": "2085-9"}),
    (A, LAY, "Have I ever had the pneumonia jab, the PCV13 one?",
     {"shape": "ever", "type": "Immunization", "codes": ["133"]}),
    (C, LAY, "When did my shoulder tendon injury get better, according to the record?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (A, CL, "Hello doctor, my ah yeh's bone density test, the T-score is what ah? Latest one can tell me or not?",
     {"shape": "latest", "obs": "38265-5"}),
    (C, LAY, "My father's highest sodium already is how much? Which date, can check for me lah.",
     {"shape": "highest", "obs": "2947-0"}),
    (A, LAY, "Aiya, my ah yeh got the shingles injection before or not? I think never, but can check?",
     {"shape": "ever", "absent": True}),
    (C, LAY, "The diabetes self-management plan for my father, got on record or not? Started when ah?",
     {"shape": "ever", "type": "CarePlan", "codes": ["698360004"]}),
    (A, CL, "Coroner's officer here, compiling the medical history for HM Coroner. Please confirm the date on "
            "which the deceased's polyp of the colon was recorded as resolved.",
     {"shape": "date_of", "type": "Condition", "codes": ["68496003"], "end": True}),
    (A, CL, "For the inquest file: does the record show any implanted device, and if so what?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, CL, "Coroner's officer, for the inquest bundle: is any cardiac pacemaker or other implanted device "
            "recorded for the deceased?", {"shape": "ever", "absent": True}),
    (A, LAY, "What was the sides of the poll up they took out during my colon a scopey, I mean how big was the "
             "polyp they measured?", {"shape": "latest", "obs": "33756-8"}),
    (C, LAY, "When was the last time I had my tennis shot, the tetanus, not tennis.",
     {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "How many times did I go in for an encounter for simple tom, I mean symptom, to the doctor?",
     {"shape": "count", "type": "Encounter", "codes": ["185345009"]}),
    (C, CL, "1. Globulin. 2. Highest value recorded. 3. Date of that value.",
     {"shape": "highest", "obs": "10834-0"}),
    (A, LAY, "Questions about my dad's ibuprofen: 1) was he ever prescribed it? 2) if so, when?",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["310965"]}),
    (C, CL, "Re total cholesterol: (1) the single highest result, (2) the date it was drawn.",
     {"shape": "highest", "obs": "2093-3"}),
    # --- batch 68 (2026-12-03 night): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; voices new to the file: a Filipino nurse working abroad writing an endorsement ("Ma'am/Sir",
    # "as per", "for endorsement", "kindly"), an ambulance control call-taker reading terse structured prompts
    # ("caller states", "confirm", "pt") (clinician), and a Cajun/Louisiana grandchild ("cher", "mais", "my
    # paw-paw", "dat"), an Irish Traveller relative ("me da", "the doctors above", "sure"), a son translating word
    # by word from German (German word order and prepositions), a relative who nests every question inside other
    # questions, and a Yiddish-inflected New York grandmother ("oy", "nu", "so tell me already", "my Morty")
    # (lay); over glucose, potassium, eGFR, ALT, creatinine, systolic, chloride, AST and weight Observations
    # (highest, lowest, latest, trend), Conditions (onset), MedicationRequests (active list), Immunizations (count),
    # Procedures (ever), Encounters (a date, a count), a DiagnosticReport count, CarePlans (an end date, ever with
    # its start), demographics, and three absent items (kidney stones, a blood thinner, an MRI in a record with no
    # imaging); extremes checked unique in the JSON, latest values on dates with a single result ---
    (C, LAY, "Mais cher, my paw-paw's sugar, what was de lowest it ever got and on what day?",
     {"shape": "lowest", "obs": "2339-0"}),
    (A, LAY, "Hey cher, dat potassium of my paw-paw, what was de highest one and when dey took it?",
     {"shape": "highest", "obs": "6298-4"}),
    (C, LAY, "Mais, when did my paw-paw go to dat urgent care clinic?",
     {"shape": "date_of", "type": "Encounter", "codes": ["702927004"]}),
    (A, LAY, "Cher, my paw-paw always pass kidney stones like his brother or no? Is dat in his record?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "Me da is after asking me, how many flu jabs has he got off the doctors altogether, sure?",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "Me da broke the collarbone, sure, a few year back. What day was it put down he broke it?",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"]}),
    (A, LAY, "The doctors above did a bone scan on me da, the density one. Did he get it and what day?",
     {"shape": "ever", "type": "Procedure", "codes": ["312681000"]}),
    (C, CL, "Good day Ma'am/Sir, for endorsement: kindly provide the lowest eGFR of the patient and the date as per "
            "record.", {"shape": "lowest", "obs": "33914-3"}),
    (C, CL, "As per endorsement, the patient had respiratory therapy. Kindly confirm on what date the last "
            "respiratory therapy plan was ended.",
     {"shape": "date_of", "type": "CarePlan", "codes": ["53950000"], "end": True}),
    (C, CL, "For endorsement to the next shift: what are the patient's active medications as per record, Ma'am?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (C, CL, "Kindly check the highest ALT of the patient and on what date, for the doctor's rounds.",
     {"shape": "highest", "obs": "1742-6"}),
    (A, CL, "Control to crew: caller states pt collapsed. Confirm pt date of birth from the record.",
     {"shape": "demographic", "field": "birthDate"}),
    (A, CL, "Caller states pt had a cardiac arrest years ago. Confirm date of the cardiac arrest on record.",
     {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (C, CL, "Crew asking: pt on any anticoagulant, warfarin or similar? Confirm from record.",
     {"shape": "ever", "absent": True}),
    (A, CL, "Control: crew requests last recorded systolic BP for handover comparison.",
     {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (C, LAY, "How high was the last time the sugar value by my father?", {"shape": "latest", "obs": "2339-0"}),
    (A, LAY, "Which was the lowest value of the creatinine by my father, and at which date was it?",
     {"shape": "lowest", "obs": "38483-4"}),
    (C, LAY, "How often was my father at the follow-up examination with the doctor?",
     {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, LAY, "Can you tell me, if they took out a polyp, did they ever do a rectal polypectomy on him, and if they "
             "did, when was it?", {"shape": "ever", "type": "Procedure", "codes": ["274031008"]}),
    (C, LAY, "Is there, do you know, a plan for his high cholesterol, a hyperlipidemia management plan, and if "
             "there is, when did it start, do you see?",
     {"shape": "ever", "type": "CarePlan", "codes": ["736285004"]}),
    (C, LAY, "What did he weigh, can you see, at the first weigh-in, and what does he weigh now, has it gone "
             "down?", {"shape": "trend", "obs": "29463-7"}),
    (C, LAY, "Did he ever, would it be in there, have an MRI scan, of anything, do you know?",
     {"shape": "ever", "absent": True}),
    (C, LAY, "Oy, nu, my Morty's AST, the liver one, what was the lowest it ever was? And when, tell me already.",
     {"shape": "lowest", "obs": "1920-8"}),
    (A, LAY, "So tell me already, the chloride, what's the latest they got for him?",
     {"shape": "latest", "obs": "2069-3"}),
    (C, LAY, "Oy, the forms they want. Where does my Morty live, which town, according to them?",
     {"shape": "demographic", "field": "city"}),
    (A, LAY, "Nu, how many times they did the complete blood count on him? Tell me.",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    # --- batch 69 (2026-12-03 late night): written from the bundles' JSON in a new session, frozen before
    # carepath answered it; voices new to the file: a Russian speaker of English who drops articles ("papa",
    # "first time", "all time"), a Japanese learner writing very politely and indirectly ("I am sorry to
    # trouble you", "please teach me"), a Texas rancher ("howdy", "reckon", "partner", a colt that threw him),
    # a scout leader filling in his own adult-volunteer camp health form, a veterinary nurse asking about her
    # father in animal-care words ("haematology run", "weigh-in", "lost condition"), and a Spanish-English
    # code-switcher ("mi papá", "la pastilla", "qué fecha") (18 lay); a data analyst writing pseudo-SQL and
    # spreadsheet column names, and a very terse ICU consultant ("K+ nadir. Date.") (9 clinician); over
    # triglyceride and ALT (highest), HDL, potassium (lowest), white cells (latest), weight and creatinine
    # (trends), creatinine (count 2014 to 2017) Observations, Conditions (onset, a resolution date, active
    # and resolved lists), MedicationRequests (first, active list), Immunizations (count, latest by type),
    # Procedures (ever with date), Encounters (count by class and by type), a DiagnosticReport count,
    # CarePlans (an end date), the Device and the ImagingStudy (lists), demographics (birth date), and three
    # absent items (a thyroid test, allergies, a heart rate); extremes checked unique in the JSON, latest
    # values and trend ends on dates with a single result
    (C, LAY, "Please, when papa was first time prescribed statin? I need exact date for doctor in Moscow.",
     {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "Tell me please, what is date of birth of father in this record? In passport is written other, I "
             "want to compare.", {"shape": "demographic", "field": "birthDate"}),
    (C, LAY, "Is there in record analysis for thyroid, TSH? Papa is all time tired, I want know was it ever "
             "checked.", {"shape": "ever", "absent": True}),
    (A, LAY, "Excuse me, I am sorry to trouble you. If it is not too much trouble, could you kindly tell me how "
             "many times my father has received the influenza vaccination? Thank you very much in advance.",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "I am sorry for this rude question. I would like to humbly ask about the good cholesterol of my "
             "father. Perhaps one time it became very low? If possible, please teach me the lowest number and "
             "the day.", {"shape": "lowest", "obs": "2085-9"}),
    (A, LAY, "Sorry, maybe this is a strange question. I heard my father has some machine inside his chest. "
             "May I ask what kind of device is written in his record?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, LAY, "Howdy. Busted my collarbone a while back when that green-broke colt threw me. What day did the "
             "doc finally say it was healed up?",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    (C, LAY, "My cholesterol's been runnin' higher'n a cat's back some years. What's the worst my "
             "triglycerides ever got, and when was that?", {"shape": "highest", "obs": "2571-8"}),
    (A, LAY, "Reckon how many times I been hauled into the emergency room, all told? Just give me the number, "
             "partner.", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, LAY, "Filling in my adult volunteer health form for Scout summer camp. It wants the date of my last "
             "tetanus shot. What've you got on file?",
     {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "Scout camp medical form, section 3 says: list any allergies (food, medicine, insect stings). What "
             "should I put down for myself?", {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, LAY, "Vet nurse here, so I think in dogs and cats, but: on Dad's last haematology run, what did his "
             "white cell count come back at?", {"shape": "latest", "obs": "6690-2"}),
    (C, LAY, "I weigh animals all day so humour me. What did Dad weigh at his first weigh-in on file, and what "
             "is he now? Has he lost condition?", {"shape": "trend", "obs": "29463-7"}),
    (C, LAY, "In our clinic we'd just call it bloodwork. How many times has Dad had a full blood count done, "
             "the CBC?", {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, LAY, "Oye, mi papá tiene el colesterol alto, verdad? When did they first diagnose him with the "
             "hyperlipidemia, qué fecha?", {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (A, LAY, "Mi abuelo se cayó y se rompió la clavícula, they did an x-ray, right? Qué imaging tiene en el "
             "record y de qué fecha?", {"shape": "list", "type": "ImagingStudy", "names": ["Clavicle", "2016-05-21"]}),
    (C, LAY, "Is he still taking la pastilla del colesterol? Qué medicinas tiene activas ahora mismo?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (C, LAY, "Después de lo del hombro le pusieron physical therapy. Cuándo terminó ese care plan, do you know?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"], "end": True}),
    (C, CL, "SELECT max(alt), result_date FROM labs WHERE pt = current -- just need the peak ALT row",
     {"shape": "highest", "obs": "1742-6"}),
    (A, CL, "count(*) of creatinine results where result_date between 2014-01-01 and 2017-12-31?",
     {"shape": "count", "obs": "38483-4", "window": ["2014-01-01", "2017-12-31"]}),
    (C, CL, "For the extract: encounter_type = 'Follow-up encounter', n_encounters = ?",
     {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, CL, "Pivot on conditions: which diagnoses have clinical_status = 'resolved'? Return condition_name only.",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Polyp of colon", "Viral sinusitis", "Fracture of clavicle"]}),
    (C, CL, "K+ nadir. Date.", {"shape": "lowest", "obs": "6298-4"}),
    (A, CL, "Creat: baseline to most recent.", {"shape": "trend", "obs": "38483-4"}),
    (C, CL, "HR last charted?", {"shape": "latest", "absent": True}),
    (A, CL, "Background. Active problems only.",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (C, CL, "Sputum sent ever? When.", {"shape": "ever", "type": "Procedure", "codes": ["269911007"]}),
    # --- batch 70 (2026-12-03 late night): written from the bundles' JSON in a new session, frozen before
    # carepath answered it; half plain everyday wording, the way a GP or hospital doctor types into the chart
    # and a patient asks on a portal about their own record (14), half voices new to the file: a son from
    # Boston writing his accent as he speaks it ("fathah", "wicked", "Ma's askin'", "scrip"), a grandson
    # writing in Hawaiian Pidgin ("tutu man", "da kine", "wen", "stay", "brah"), a flight nurse / HEMS crew
    # preparing a helicopter retrieval, a Korean-American daughter ("appa", "aigoo") and a leisure-centre
    # lifeguard going through an over-65 aqua-fit health form with the patient (13); over systolic (highest),
    # diastolic and HbA1c (lowest), glucose, haemoglobin, weight and smoking (latest), LDL and BMI (trends)
    # Observations, Conditions (onset, resolution dates), MedicationRequests (count by drug, an empty active
    # list), Immunizations (first and latest by type, a date by type), Procedures (latest by type, ever with
    # date), Encounters (count by type), a DiagnosticReport count, CarePlans (ever with its start),
    # demographics (birth place, marital status), and three absent items (allergies, a PSA test, a COVID
    # vaccine); extremes checked unique in the JSON, latest values and trend ends on dates with a single result
    (A, CL, "When was his last colonoscopy?", {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "How has his LDL changed from the first check to the most recent one?",
     {"shape": "trend", "obs": "18262-6"}),
    (A, CL, "Highest systolic BP on file, and the date?", {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "Number of lipid panels on record?", {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, CL, "Date of his Pneumovax 23 (PPSV23)?", {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (C, CL, "Does he have any allergies documented?", {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (A, CL, "When did his most recent episode of sinusitis resolve?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "end": True}),
    (C, LAY, "When did I last get a flu shot?", {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "What was my blood sugar at my last checkup?", {"shape": "latest", "obs": "2339-0"}),
    (C, LAY, "How many physicals have I had, the yearly general exam?",
     {"shape": "count", "type": "Encounter", "codes": ["162673000"]}),
    (A, LAY, "Did I ever have a bone density scan? When was it?",
     {"shape": "ever", "type": "Procedure", "codes": ["312681000"]}),
    (C, LAY, "What's the lowest my A1c has ever been?", {"shape": "lowest", "obs": "4548-4"}),
    (A, LAY, "Am I on any medications right now?",
     {"shape": "absent_list", "type": "MedicationRequest", "status": "active"}),
    (C, LAY, "Does my chart say I'm a smoker?", {"shape": "latest", "obs": "72166-2"}),
    (C, LAY, "My fathah's wicked stubborn about the doctah. Wheah was he born, does it say? Ma swears it was "
             "Southie but he says othahwise.", {"shape": "demographic", "field": "birthPlace"}),
    (C, LAY, "Pop's been on that statin since forevah. How many times they wrote him a scrip for it, all told?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, LAY, "Did they evah check his prostate, the PSA? Ma's askin', she's wicked worried.",
     {"shape": "ever", "absent": True}),
    (A, LAY, "Eh, my tutu man get one heart ting inside him. Wen he wen have da cardiac arrest, wat date stay "
             "in da record?", {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (A, LAY, "Brah, wat was da lowest da bottom numbah of tutu man's blood pressure wen go, an wen was dat?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (A, LAY, "Tutu man stay single o wat? Wat da record say, he eva married?",
     {"shape": "demographic", "field": "marital"}),
    (C, CL, "Retrieval team, rotor inbound. Need his last recorded weight for drug dosing.",
     {"shape": "latest", "obs": "29463-7"}),
    (A, CL, "Flight nurse, pre-flight checklist before we take him to altitude: most recent haemoglobin?",
     {"shape": "latest", "obs": "718-7"}),
    (C, CL, "HEMS handover prep: the rotator cuff injury, did it resolve, and when?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (C, LAY, "Aigoo, my appa never tells me anything. When was his very first flu shot in the record?",
     {"shape": "first", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "My appa keeps saying he's fine, fine. Did anyone ever put him on a care plan for his "
             "pre-diabetes, and since when?", {"shape": "ever", "type": "CarePlan", "codes": ["698360004"]}),
    (A, LAY, "Pool lifeguard here, going through the over-65 aqua-fit health form with him: has he had a COVID "
             "vaccine recorded?", {"shape": "ever", "absent": True}),
    (C, LAY, "Lifeguard at the leisure centre: the form wants his BMI, first one you have versus the latest, "
             "has it come down?", {"shape": "trend", "obs": "39156-5"}),
    # --- batch 71 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; voices new to the file: a Romanian live-in carer writing in her own grammar ("the domnul",
    # "from when he takes", "made the vaccine"), an Irish-language speaker mixing Gaeilge into English
    # ("Daideo", "cathain", "a chara", "vacsaíní"), a poetry-loving relative writing in long metaphors, a
    # crossword fan writing fill-in-the-blank and numbered-clue questions, and a medical interpreter giving a
    # literal word-for-word rendering from Vietnamese (17 lay); a military medic using radio voice procedure
    # ("over", "I say again", "pax", "date-time group", "affirm"), an Italian-trained doctor using literal
    # Italian clinical terms ("glycemia", "azotemia", "hemochrome", "remote pathological anamnesis") and a
    # mountain-rescue team doctor on a call-out (11 clinician); over glucose and potassium (latest), HbA1c
    # (first), systolic, urea and pain score (highest), eGFR (lowest), HDL (trend) Observations, Conditions
    # (onset, a resolution date, ever with date, resolved and whole-history lists), MedicationRequests (first
    # order), Immunizations (latest by type, a date by type, list of types), Procedures (count by type),
    # Encounters (count by class), a DiagnosticReport count, CarePlans (active list), the Device (list), the
    # ImagingStudy (ever), demographics (birth place), and three absent items (insulin, vitamin B12, a
    # hepatitis B vaccine); extremes checked unique in the JSON, latest values on dates with a single result
    (C, LAY, "Good evening, I am the carer who stays with the domnul. From when he takes the simvastatin? Which "
             "was the first time the doctor wrote it for him?",
     {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, LAY, "The domnul ask me when he made the last time the vaccine for the gripa, the flu. I must write it "
             "in his notebook.", {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Please, which plans of care are open now for the domnul? I want to know what I must follow with "
             "him every day.", {"shape": "list", "type": "CarePlan", "status": "active",
                                "names": ["Diabetes self management plan",
                                          "Hyperlipidemia clinical management plan"]}),
    (C, LAY, "He has the sugar a little bit high, the prediabetes. He was having insulin prescribed ever, or "
             "not? I don't find any pen in the house.", {"shape": "ever", "absent": True}),
    (A, LAY, "Dia duit! Daideo broke his collarbone a few years back. Cathain was it marked as healed, like "
             "what date did it resolve? Go raibh maith agat.",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    (A, LAY, "What vacsaíní has Daideo had, all the different kinds? Mam wants them written into his folder.",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (A, LAY, "A chara, what was the highest top number Daideo's blood pressure ever got to, and the day it was "
             "taken?", {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (A, LAY, "Cá háit ar rugadh é - where was Daideo born, according to his file?",
     {"shape": "demographic", "field": "birthPlace"}),
    (C, LAY, "His good cholesterol, that small tide which is meant to carry the fat out of the harbour of his "
             "heart: from the first time it was measured to the last, has the tide come in or gone out, and by "
             "how much?", {"shape": "trend", "obs": "2085-9"}),
    (A, LAY, "My uncle's record reads like a garden through the seasons; some troubles bloomed and then "
             "withered. Which of his illnesses have faded and are now written down as resolved?",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Polyp of colon", "Viral sinusitis", "Fracture of clavicle"]}),
    (C, LAY, "Pain has been the weather of my father's later years, mostly a light drizzle. On which day did "
             "the storm break at its worst, and what number did he give it on the pain scale?",
     {"shape": "highest", "obs": "72514-3"}),
    (A, LAY, "Crossword brain, sorry. Fill in the blanks: Dad's first ever HbA1c was ___ % on __/__/____.",
     {"shape": "first", "obs": "4548-4"}),
    (C, LAY, "7 down (4): the month Dad had his 23-valent pneumonia jab. Actually, just give me the full date.",
     {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (A, LAY, "Clue: cobalamin, last checked in his blood. Answer in pg/mL please - what was Dad's latest B12?",
     {"shape": "latest", "absent": True}),
    (C, LAY, "Interpreter for the family. The son asks, I translate exactly: 'Father of me, the illness of fat "
             "in the blood, the doctor find out since which day?'",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (A, LAY, "Interpreter relaying word for word: 'Uncle he want to know, the camera go inside the intestine, "
             "he already do how many times?'", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "Word for word from the patient's wife: 'The injection to prevent the liver disease type B, "
             "grandfather already have or not yet have?'", {"shape": "ever", "absent": True}),
    (A, CL, "Medic to records, over. Request all implanted devices on the casualty's file, I say again, all "
            "implanted devices. Over.", {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, CL, "Records, this is medic. Send last potassium on the casualty, value only, over.",
     {"shape": "latest", "obs": "6298-4"}),
    (C, CL, "Medic, over. Lowest eGFR on record for this pax and the date-time group of that result. Out.",
     {"shape": "lowest", "obs": "33914-3"}),
    (A, CL, "Medic to records. Confirm whether casualty has any imaging on file, if affirm send the date, over.",
     {"shape": "ever", "type": "ImagingStudy"}),
    (C, CL, "Last value of glycemia in the exams of the patient?", {"shape": "latest", "obs": "2339-0"}),
    (C, CL, "Which is the maximum azotemia reached by the patient, and in which date?",
     {"shape": "highest", "obs": "6299-2"}),
    (A, CL, "How many hemochromes has the patient done in total? I mean the complete blood count.",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, CL, "For the remote pathological anamnesis: list all the pathologies registered for this patient, also "
            "the ones resolved.", {"shape": "list", "type": "Condition",
                                   "names": ["Prediabetes", "Anemia", "Viral sinusitis", "Acute bronchitis",
                                             "Hyperlipidemia", "rotator cuff"]}),
    (A, CL, "MRT doctor on the hill with a walker who collapsed, family say heart trouble years ago. Any "
            "previous cardiac arrest on his record, and when?",
     {"shape": "ever", "type": "Condition", "codes": ["410429000"]}),
    (C, CL, "Mountain rescue, cas has a dirty gash from a fall on scree. When was his last tetanus booster?",
     {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, CL, "Team doctor, mountain rescue: how many emergency attendances does this man have on his record "
            "in total?", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    # --- batch 72 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (14: a GP in a hurry between patients, a hospital doctor
    # writing a referral, a nurse at handover, and patients on a portal asking about their own record), half
    # voices new to the file (14): a Somali-British daughter ("aabo", "hooyo", "walaal", "wallahi",
    # "insha'Allah"), a Greek-Australian grandson ("Pappou", "Yiayia", "re", "reckons"), the coach of a masters
    # rowing crew filling in a pre-season medical sheet, an infection prevention and control nurse (IPC) and a
    # market trader who reads results like share prices ("peak", "opening figure"); 11 clinician, 17 lay; over
    # HbA1c (latest, count), creatinine (lowest), potassium (count since 2016), triglyceride and weight
    # (trends), total cholesterol (latest), LDL, diastolic and ALT (highest), glucose and pain score (lowest),
    # HDL (first) and smoking Observations, Conditions (onset, an active list), MedicationRequests (active
    # list), Immunizations (a date by type, a list of pneumococcal types), Procedures (latest by type, a full
    # list, ever with date), a DiagnosticReport (latest blood count), CarePlans (all), demographics (marital
    # status), and three absent items (an ECG, blood-pressure tablets, an MRSA screen); extremes checked unique
    # in the JSON (afhir's calcium low, tied when rounded, avoided), latest values on dates with a single result
    (C, CL, "quick one before my next patient - what's his most recent A1c?", {"shape": "latest", "obs": "4548-4"}),
    (A, CL, "Referral to gastroenterology: please could you confirm the date of his most recent colonoscopy?",
     {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "Handover for bed 4: what medications does he currently have active?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (A, CL, "What's the lowest creatinine he's had, and when was that?", {"shape": "lowest", "obs": "38483-4"}),
    (C, CL, "Lipid clinic referral - how have his triglycerides changed from the first result to the most "
            "recent?", {"shape": "trend", "obs": "2571-8"}),
    (A, CL, "Handing over: which of his problems are still listed as active?",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (C, CL, "Any ECG on file for him?", {"shape": "ever", "absent": True}),
    (A, CL, "How many potassium results do we have for him since 2016?",
     {"shape": "count", "obs": "6298-4", "window": ["2016-01-01", "9999"]}),
    (A, LAY, "What was my cholesterol at my last check?", {"shape": "latest", "obs": "2093-3"}),
    (A, LAY, "When did I have my tetanus shot?", {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "Does my record say I'm a smoker?", {"shape": "latest", "obs": "72166-2"}),
    (A, LAY, "Can you list all the procedures I've had done?",
     {"shape": "list", "type": "Procedure",
      "names": ["Colonoscopy", "Fecal occult blood test", "Rectal polypectomy", "Medication Reconciliation",
                "Clavicle X-ray", "Admission to orthopedic department", "Bone density scan"]}),
    (C, LAY, "When was my shoulder injury first recorded?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"]}),
    (A, LAY, "Am I down as single or married on my record?", {"shape": "demographic", "field": "marital"}),
    (C, LAY, "Salaam, I'm asking for my aabo. Hooyo says his bad cholesterol was really high one time, wallahi "
             "she won't stop going on about it. What was the highest LDL he ever had and when?",
     {"shape": "highest", "obs": "18262-6"}),
    (C, LAY, "What's the date of Aabo's last full blood count report? Insha'Allah it was fine.",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, LAY, "My walaal thinks Aabo is on tablets for high blood pressure. Is he? I can't find any in the "
             "house.", {"shape": "ever", "absent": True}),
    (A, LAY, "Yiayia wants to know how many of those HbA1c sugar tests Pappou has had altogether.",
     {"shape": "count", "obs": "4548-4"}),
    (A, LAY, "Which care plans has Pappou been put on, old ones and current ones, re?",
     {"shape": "list", "type": "CarePlan", "names": ["Diabetes self management plan", "Fracture care"]}),
    (A, LAY, "Pappou reckons his blood sugar went really low once. What was his lowest glucose and what date?",
     {"shape": "lowest", "obs": "2339-0"}),
    (C, LAY, "Coach of his masters rowing crew here. Body weight, season opener to latest: what's the change?",
     {"shape": "trend", "obs": "29463-7"}),
    (C, LAY, "Same athlete, for the pre-season medical sheet: what's the highest bottom number on his blood "
             "pressure you have, and the date?", {"shape": "highest", "obs": "55284-4", "comp": "8462-4"}),
    (C, LAY, "And his best day for pain, i.e. the lowest he ever scored it, with the date?",
     {"shape": "lowest", "obs": "72514-3"}),
    (C, CL, "Infection prevention and control: has a sputum sample ever been sent on him, and when?",
     {"shape": "ever", "type": "Procedure", "codes": ["269911007"]}),
    (A, CL, "IPC check before the winter: which pneumococcal vaccines does he have documented?",
     {"shape": "list", "type": "Immunization", "codes": ["133", "33"],
      "names": ["Pneumococcal conjugate", "pneumococcal polysaccharide"]}),
    (C, CL, "IPC admission screening: is there an MRSA screen result anywhere in his record?",
     {"shape": "latest", "absent": True}),
    (C, LAY, "I look at price charts all day for work. Where did my ALT peak - what value, and on what date?",
     {"shape": "highest", "obs": "1742-6"}),
    (A, LAY, "Think of it like a share price: what was the opening figure for my HDL, the very first reading, "
             "and its date?", {"shape": "first", "obs": "2085-9"}),
    # --- batch 73 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; voices new to the file: a night registrar's pager message (bed and extension numbers,
    # "pls", "ring back", a self-correction mid-message), a son typing up his mother's fridge sticky notes word
    # for word (arrows, double question marks), a farmer's voice-message transcript full of false starts and
    # self-repairs ("um", "the, the", "no, the long one"), a Tamil-Sri Lankan granddaughter ("Thatha", "Amma",
    # "no?", "what all", "from which date only"), a New Zealand daughter ("Kia ora", "Koro", "eh", "sweet as"),
    # an airline medical officer filling in MEDIF / fit-to-fly form fields with blanks, a retired
    # schoolteacher writing in double negatives and hedges, a Nepali son ("Namaste", "Buwa", "hajur") and a
    # locum GP writing questions as statements with a question mark, plus questions that describe what a test
    # measures instead of naming it; 9 clinician, 19 lay; over potassium (latest), sodium and ALP (highest),
    # urea (lowest, described), HbA1c (count since the collarbone fracture), systolic (highest since the statin
    # was started), glucose and BMI (trends), the DXA T-score (latest, described) Observations, Conditions
    # (cardiac-arrest onset, bronchitis first and latest, active list), MedicationRequests (statin count,
    # latest paracetamol, no active medicines on afhir), Immunizations (flu count, PCV13 date, Td ever),
    # Encounters (ED visits as a list, urgent-care date, follow-up count), the Device (list), demographics
    # (language, city), and three absent items (a shingles vaccine, vitamin D, allergies) plus afhir's empty
    # active-medication list; extremes checked unique in the JSON, latest values on dates with a single result
    (C, CL, "Bleep from ward 7 night reg: pt in bed 12, last K+ pls, ring back ext 4471",
     {"shape": "latest", "obs": "6298-4"}),
    (A, CL, "night reg bleep - need his lowest Na, no sorry HIGHEST Na on file + date. ring 4471",
     {"shape": "highest", "obs": "2947-0"}),
    (A, CL, "Pager msg to records: does this man have an ICD or any other implant in situ? list pls, going for "
            "scan", {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, LAY, "Typing up Mum's sticky note off the fridge word for word: 'ask re Dad -> cholesterol tablet -> how "
             "many times prescribed??'", {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "Another of her notes, copied exactly: 'flu jabs - how many has he had all told? (check!!)'",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Her last sticky says: 'shingles jab - did he ever get it? Dr said at his age he should'",
     {"shape": "ever", "absent": True}),
    (A, LAY, "Yeah hi, it's, um, it's about me dad. So since he come off the quad bike and broke his "
             "collarbone, how many of them, the, the three-month sugar tests, how many's he had since then?",
     {"shape": "count", "obs": "4548-4", "window": ["2016-05-21", "9999"]}),
    (A, LAY, "Right, sorry, me again. Um. The kidney one, not the creatinine, the other one, the urea, yeah. "
             "What's the lowest his has been and, and what day was that?", {"shape": "lowest", "obs": "6299-2"}),
    (A, LAY, "Hiya, so, er, has he got any, has he ever had his vitamin D checked, you know, for his bones, "
             "'cause the nurse was on about it", {"shape": "ever", "absent": True}),
    (A, LAY, "It's me again, er, what language has he got down, like, for talking to him? 'Cause the new doctor "
             "was asking and I didn't know what they'd put.", {"shape": "demographic", "field": "language"}),
    (C, LAY, "Thatha's Panadol tablets, the acetaminophen, last time the doctor gave it was when? Amma is asking.",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["313782"]}),
    (C, LAY, "Thatha had the chest infection two times no? The bronchitis. First time was when?",
     {"shape": "first", "type": "Condition", "codes": ["10509002"]}),
    (C, LAY, "What all are the illnesses still going on for Thatha, the ones not cured yet?",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (A, LAY, "Kia ora, just wondering about Koro's glucose eh. Has it gone up or down from the first one to the "
             "latest?", {"shape": "trend", "obs": "2339-0"}),
    (A, LAY, "Koro's ended up at the hospital emergency a couple of times eh, what were those visits for? "
             "Sweet as.", {"shape": "list", "type": "Encounter", "cls": "EMER",
                           "names": ["Cardiac Arrest", "Emergency room admission"]}),
    (A, LAY, "What town has Koro got as his home on the file?", {"shape": "demographic", "field": "city"}),
    (A, CL, "MEDIF part 2, field 'Cardiac history - date of cardiac event': ________",
     {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (C, CL, "Fit-to-fly form, section 'Respiratory': chest infection in the last 10 years? Y/N. If Y, date of "
            "most recent episode: ________", {"shape": "latest", "type": "Condition", "codes": ["10509002"]}),
    (A, CL, "Fit-to-fly form, item 7b 'Current medication (list all)'. Please complete from the record.",
     {"shape": "absent_list", "type": "MedicationRequest", "status": "active"}),
    (C, LAY, "I shouldn't wonder if he hasn't had the pneumonia injection at some point, the conjugate one - "
             "would you be able to tell me when, if it isn't too much trouble?",
     {"shape": "date_of", "type": "Immunization", "codes": ["133"]}),
    (C, LAY, "It wouldn't be untrue to say his liver results have never not been a worry, would it? What is "
             "the highest his alkaline phosphatase has reached, and on what date?",
     {"shape": "highest", "obs": "6768-6"}),
    (C, LAY, "Perhaps I'm mistaken, but I don't believe he hasn't any allergies on file? Might you list them, "
             "if there are any?", {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, LAY, "Namaste. Buwa's body mass number, the BMI, from his first check till now did it go down or up, "
             "how much hajur?", {"shape": "trend", "obs": "39156-5"}),
    (C, LAY, "Buwa went to the urgent care clinic one time I think. Which date was that?",
     {"shape": "date_of", "type": "Encounter", "codes": ["702927004"]}),
    (C, LAY, "How many follow-up visits Buwa had with the doctor, total?",
     {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (C, CL, "He's had a tetanus booster at some point, and it's dated?",
     {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (C, CL, "His systolic has run highest since the statin was started at what reading, and that was on?",
     {"shape": "highest", "obs": "55284-4", "comp": "8480-6", "window": ["2012-07-20", "9999"]}),
    (A, CL, "The scan that measures how dense his bones are was done, and the T-score came back at?",
     {"shape": "latest", "obs": "38265-5"}),
    # --- batch 74 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; plain everyday wording (14: a busy hospital doctor and a GP asking short practical
    # questions, and patients on a portal asking about their own record in ordinary words), and 15 rows in
    # voices new to the file: a Dutch granddaughter mixing in Dutch particles ("hoi", "hè", "toch", "eigenlijk", "dan"),
    # a Pakistani-British grandson ("Dada ji", "yaar", "acha"), a head chef texting between services in kitchen
    # talk ("86 the small talk", "back on the line", "before the pass"), a family historian compiling a family
    # tree, and a veterinary surgeon asking about her father's record in her own professional habits; 10
    # clinician, 19 lay; over diastolic (latest), albumin (latest), total cholesterol (lowest since the statin
    # was started), glucose (count since the polyp was removed), AST, triglyceride, CO2 and eGFR (highest),
    # systolic and chloride (lowest) Observations, Conditions (sinusitis count, anaemia onset, a resolution
    # date), MedicationRequests (paracetamol count), Immunizations (latest flu, list of types), Procedures
    # (bone density scan date, the procedures on the day of the collarbone fracture as a list), DiagnosticReports
    # (latest and count of lipid panels), CarePlans (completed list), the ImagingStudy (ever), demographics
    # (ethnicity, race, birth place), and four absent items (a PSA, warfarin, a TSH, a COVID vaccine); extremes
    # checked unique in the JSON, latest values on dates with a single result
    (A, CL, "How many episodes of sinusitis has he had?",
     {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (C, CL, "When was his last lipid panel?", {"shape": "latest", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, CL, "Most recent diastolic?", {"shape": "latest", "obs": "55284-4", "comp": "8462-4"}),
    (C, CL, "What's the lowest his total cholesterol has been since he went on simvastatin, and when?",
     {"shape": "lowest", "obs": "2093-3", "window": ["2012-07-20", "9999"]}),
    (A, CL, "Date of his DEXA?", {"shape": "date_of", "type": "Procedure", "codes": ["312681000"]}),
    (C, CL, "Has he ever had a PSA checked?", {"shape": "ever", "absent": True}),
    (A, CL, "What was done for him the day he came in with the broken collarbone?",
     {"shape": "list", "type": "Procedure", "codes": ["168594001", "305428000", "312681000"],
      "names": ["Clavicle X-ray", "Admission to orthopedic department", "Bone density scan"]}),
    (C, LAY, "What was my most recent albumin level?", {"shape": "latest", "obs": "1751-7"}),
    (A, LAY, "When was I first diagnosed with anaemia?",
     {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (C, LAY, "Which vaccines have I had? Just the types, not every single dose.",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (A, LAY, "How many blood sugar tests have I had since they took my polyp out?",
     {"shape": "count", "obs": "2339-0", "window": ["2010-12-07", "9999"]}),
    (C, LAY, "Has my AST ever been high? What's the highest it's been, and when?",
     {"shape": "highest", "obs": "1920-8"}),
    (A, LAY, "Am I on any blood thinner, like warfarin?", {"shape": "ever", "absent": True}),
    (C, LAY, "When was my shoulder injury marked as healed?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (A, LAY, "Hoi! Quick question for my opa, hè: his triglycerides, what was the highest and when was that "
             "eigenlijk?", {"shape": "highest", "obs": "2571-8"}),
    (A, LAY, "Opa's blood pressure, the top number - what was the lowest it went, with the date? Just curious, "
             "toch.", {"shape": "lowest", "obs": "55284-4", "comp": "8480-6"}),
    (A, LAY, "Did Opa ever have a scan, a picture of the inside, X-ray or so? When dan?",
     {"shape": "ever", "type": "ImagingStudy"}),
    (C, LAY, "Salaam, asking for Dada ji yaar - how many times they done his cholesterol panel? acha thanks",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (C, LAY, "Which of Dada ji's care plans are finished now?",
     {"shape": "list", "type": "CarePlan", "status": "completed",
      "names": ["Respiratory therapy", "Physical therapy procedure"]}),
    (C, LAY, "Dada ji's kidney filter number, the eGFR one - what's the best it's ever been yaar, and when?",
     {"shape": "highest", "obs": "33914-3"}),
    (A, LAY, "between services sorry. chef here asking about my old man. highest CO2 on his bloods + the date, "
             "need it before the pass", {"shape": "highest", "obs": "20565-8"}),
    (A, LAY, "86 the small talk - when did he last get his flu jab?",
     {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "last one then back on the line: has he had the covid jab or not",
     {"shape": "ever", "absent": True}),
    (A, LAY, "doing his forms in the back office - what's his ethnicity down as?",
     {"shape": "demographic", "field": "ethnicity"}),
    (C, LAY, "I'm putting together our family tree. Where was my grandfather born, according to his medical "
             "record?", {"shape": "demographic", "field": "birthPlace"}),
    (C, LAY, "Also for the family tree notes: what race is recorded for him?",
     {"shape": "demographic", "field": "race"}),
    (A, CL, "Vet here, so forgive me if I mix up species norms - my dad's chloride, what was the lowest and on "
            "what date?", {"shape": "lowest", "obs": "2069-3"}),
    (C, CL, "Vet asking about her father: any thyroid panel, TSH or T4, on his bloods?",
     {"shape": "latest", "absent": True}),
    (C, CL, "Same vet: how many scripts has he had for paracetamol (acetaminophen) in all?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["313782"]}),
    # --- batch 75 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; voices new to the file: a Ugandan nephew writing formally ("Mzee", "kindly assist", "I am
    # requesting"), a Glaswegian daughter ("wee", "aye", "ken", "his da"), a Malaysian son in Manglish ("lah",
    # "can or not", "already", "got or not"), an ambulance crew's ATMIST-style handover radio call, a Swedish
    # neighbour who helps out (Swedish word order, "he is called", "lagom"), a twelve-year-old grandchild doing
    # a school project, a faxed referral cover sheet ("RE:", "Kindly advise re:"), a Ukrainian home-care worker
    # ("pan", "please to tell"), a diving medical examiner checking fitness to dive, a Haitian nephew with Creole
    # turns ("Tonton", "li", "sa"), and questions that describe a test by what it measures; 9 clinician, 19 lay;
    # over calcium and platelets (highest), triglycerides and ALT (highest), eGFR and haemoglobin (lowest),
    # HbA1c and total cholesterol (first), systolic (latest), weight (trend) Observations, Conditions (active
    # list, polyp resolution date, hyperlipidaemia onset, cardiac arrest ever), Immunizations (Td ever, flu
    # count), Procedures (colonoscopy count, list of kinds), Encounters (ED count, all visits count),
    # DiagnosticReports (blood-count panels), CarePlans (list), the Device (list), demographics (marital status,
    # birth date), and three absent items (a hepatitis B vaccine, insulin, a lung-function FEV1)
    (A, LAY, "Good day. I am requesting kindly for Mzee's calcium results: which one was the highest and on "
             "which date was it taken? Kindly assist.", {"shape": "highest", "obs": "49765-1"}),
    (A, LAY, "Also I am requesting the number of times Mzee has undergone the colonoscopy examination. Thank you "
             "in advance.", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (A, LAY, "Lastly, the machine they fixed inside Mzee's chest for the heart, kindly list what device is "
             "recorded.", {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, LAY, "How many full blood count reports has Mzee had, the ones for the red and white cells? Kindly "
             "assist.", {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, LAY, "Aye, it's his daughter. His da's fats in the blood, the triglycerides, whit was the worst they "
             "ever got an' when, ken?", {"shape": "highest", "obs": "2571-8"}),
    (C, LAY, "Did he ever get the wee tetanus jag? Aye or naw, an' whit date.",
     {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "An' the hepatitis B jags, has he had they ones at a'?", {"shape": "ever", "absent": True}),
    (A, LAY, "My father his first HbA1c test result how much ah? Which date they do the first one?",
     {"shape": "first", "obs": "4548-4"}),
    (A, LAY, "The colon polyp already settled or not? Which date they put it as resolved lah?",
     {"shape": "date_of", "type": "Condition", "codes": ["68496003"], "end": True}),
    (A, LAY, "Got how many care plan for him ah? Can list out all or not?",
     {"shape": "list", "type": "CarePlan", "names": ["Diabetes self management plan", "Fracture care"]}),
    (A, CL, "Control, this is Alpha two-one, ATMIST to follow. Male, collapsed at home. Request PMH from the "
            "record: all active problems, over.",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (A, CL, "Alpha two-one again. Last recorded systolic on file for comparison, over.",
     {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (A, CL, "Alpha two-one. Is the patient insulin-dependent per the record, yes or no, over.",
     {"shape": "ever", "absent": True}),
    (C, LAY, "Hello, I am the neighbour, I help him with shopping. His weight, is it going down or up since "
             "first time they measured? He says it is lagom now.", {"shape": "trend", "obs": "29463-7"}),
    (C, LAY, "The form from the kommun asks: is he married, or alone? What stands in the record?",
     {"shape": "demographic", "field": "marital"}),
    (A, LAY, "hi im doing a project for school about my grandad. what is his birthday on his doctor file",
     {"shape": "demographic", "field": "birthDate"}),
    (A, LAY, "also how many times did grandad have to go to the emergency room?? my teacher said to count",
     {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, CL, "RE: above-named patient. Kindly advise re: first recorded total cholesterol (value and date) for "
            "our lipid clinic referral.", {"shape": "first", "obs": "2093-3"}),
    (C, CL, "RE: same patient, continuation sheet. Date of onset of hyperlipidaemia as coded, please.",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (C, LAY, "Good day, I am care worker for pan. Please to tell the lowest kidney number, the GFR, and which "
             "day it was.", {"shape": "lowest", "obs": "33914-3"}),
    (C, LAY, "For pan I must fill the paper: how many times he took the flu vaccine in total?",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "Dive medical: any history of cardiac arrest on the record? If so, date.",
     {"shape": "ever", "type": "Condition", "codes": ["410429000"]}),
    (A, CL, "Dive medical cont.: lowest recorded Hb and date, please.", {"shape": "lowest", "obs": "718-7"}),
    (A, CL, "Dive medical: do we have any spirometry, an FEV1, on file for him?", {"shape": "latest", "absent": True}),
    (C, LAY, "Bonjou, for Tonton, his liver test the ALT, what was the highest li reached and the date sa?",
     {"shape": "highest", "obs": "1742-6"}),
    (C, LAY, "How many visits Tonton had altogether, every kind of appointment?",
     {"shape": "count", "type": "Encounter"}),
    (A, CL, "The count of the little cells that stop bleeding by clotting, when was that at its highest and "
            "what was it?", {"shape": "highest", "obs": "777-3"}),
    (A, LAY, "What kinds of procedures has he had done over the years? Just each kind once please.",
     {"shape": "list", "type": "Procedure",
      "names": ["Colonoscopy", "Fecal occult blood test", "Rectal polypectomy", "Medication Reconciliation",
                "Clavicle X-ray", "Admission to orthopedic department", "Bone density scan"]}),
    # --- batch 76 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (15: a hospital doctor and a GP asking short practical
    # questions, patients on a portal asking about their own record in ordinary words) and half in voices new
    # to the file: an Egyptian son ("ya doctor", "please sir"), a Samoan granddaughter ("Talofa", "Papa",
    # "fa'afetai"), an elderly man typing everything in capital letters, a personal-injury solicitor preparing a
    # claim, a Bangladeshi grandson ("Nana", "ji", "bhai"), and questions that describe a test by what it
    # measures; 8 clinician, 21 lay; over ALP and platelets and haematocrit (latest), diastolic and glucose
    # (lowest), HDL and pain score (highest), bilirubin and MCV (trends), albumin (first), glucose (count since
    # 2015), smoking status (latest) Observations, Conditions (shoulder injury onset, last sinusitis, resolved
    # list, collarbone fracture date), MedicationRequests (list on afhir), Immunizations (PPSV23 and PCV13
    # dates), Procedures (last colonoscopy, colonoscopy ever), Encounters (clinic visits count),
    # DiagnosticReports (metabolic panel count), CarePlans (hyperlipidaemia plan ever, active list), and four
    # absent items (an echocardiogram, allergies, a head injury, a colonoscopy on
    # cfhir)
    (C, CL, "Most recent alk phos?", {"shape": "latest", "obs": "6768-6"}),
    (A, CL, "How many basic metabolic panels have been run on him?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (C, CL, "Is he on a lipid management care plan, and since when?",
     {"shape": "ever", "type": "CarePlan", "codes": ["736285004"]}),
    (A, CL, "When was his last scope, the colonoscopy?",
     {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "Lowest diastolic we have for him, with the date?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "Has he had an echo at any point?", {"shape": "ever", "absent": True}),
    (A, CL, "How many glucose results since the start of 2015?",
     {"shape": "count", "obs": "2339-0", "window": ["2015-01-01", "9999"]}),
    (C, LAY, "Is my bilirubin going up or down over the years?", {"shape": "trend", "obs": "1975-2"}),
    (A, LAY, "When did I get the 23 pneumonia vaccine?",
     {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (C, LAY, "What date did I hurt my shoulder, the rotator cuff thing?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"]}),
    (A, LAY, "What painkillers or other medicines was I prescribed after I broke my collarbone?",
     {"shape": "list", "type": "MedicationRequest", "names": ["Ibuprofen 200 MG Oral Tablet"]}),
    (C, LAY, "What's the worst pain score I've ever given at a check-up, and when was it?",
     {"shape": "highest", "obs": "72514-3"}),
    (A, LAY, "Does it say anywhere that I'm allergic to something?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, LAY, "Does my record have me down as a smoker or not?", {"shape": "latest", "obs": "72166-2"}),
    (A, LAY, "I keep getting sinus infections - when was the most recent one?",
     {"shape": "latest", "type": "Condition", "codes": ["444814009"]}),
    (C, LAY, "Good evening ya doctor, my father's good cholesterol, the HDL, when was it the best, and how "
             "much please sir?", {"shape": "highest", "obs": "2085-9"}),
    (C, LAY, "Please sir which care plans are still open for my father now?",
     {"shape": "list", "type": "CarePlan", "status": "active",
      "names": ["Diabetes self management plan", "Hyperlipidemia clinical management plan"]}),
    (C, LAY, "And the sicknesses he had that are finished now, healed, which ones please?",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Viral sinusitis", "Acute bronchitis", "Injury of tendon of the rotator cuff of shoulder"]}),
    (A, LAY, "Talofa! Papa's sugar in the blood, what is the lowest it has been and what day? Fa'afetai",
     {"shape": "lowest", "obs": "2339-0"}),
    (A, LAY, "Papa had the pneumonia injection, the 13 one, what day was that?",
     {"shape": "date_of", "type": "Immunization", "codes": ["133"]}),
    (C, LAY, "WHAT WAS MY PLATELET COUNT THE LAST TIME THEY TOOK BLOOD", {"shape": "latest", "obs": "777-3"}),
    (A, LAY, "HAVE I EVER HAD A COLONOSCOPY AND WHEN WAS IT", {"shape": "ever", "type": "Procedure",
                                                              "codes": ["73761001"]}),
    (A, CL, "I act for your patient in a personal-injury claim. Please confirm the date on which the clavicle "
            "fracture is recorded.", {"shape": "date_of", "type": "Condition", "codes": ["58150001"]}),
    (A, LAY, "For the schedule of loss, how many outpatient or clinic attendances does the record show in "
             "total?", {"shape": "count", "type": "Encounter", "cls": "AMB"}),
    (A, LAY, "Please also confirm whether any head injury is recorded for our client.",
     {"shape": "ever", "absent": True}),
    (C, LAY, "Salaam bhai, Nana ji's albumin test, the first one, how much it was and which date?",
     {"shape": "first", "obs": "1751-7"}),
    (C, LAY, "Nana ji had the camera test in the bowel, colonoscopy, ever? Amma thinks yes",
     {"shape": "ever", "absent": True}),
    (A, LAY, "How much of his blood is made up of red cells, going by the latest test?",
     {"shape": "latest", "obs": "4544-3"}),
    (C, LAY, "The test that measures how big his red blood cells are - have they got bigger or smaller since "
             "the first time?", {"shape": "trend", "obs": "787-2"}),
    # --- batch 77 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; voices new to the file: a Lebanese-Australian son ("Baba", "yalla", "khalas", "habibi"), a
    # West Country daughter ("my lover", "where's it to", "be", "proper"), a Turkish grandson ("Dede", "abla",
    # "tamam", "merhaba"), a car mechanic reading his father's record like a service history, a church pastor
    # helping a congregant, a family WhatsApp group pasted with timestamps and names, a formal holder of a
    # lasting power of attorney, a retired librarian cataloguing her husband's record, British indirect
    # questions ("I don't suppose", "I was wondering whether"), a Minnesotan wife ("oh for cute", "uff da",
    # "ya"), a tissue viability nurse and a hyperbaric-oxygen nurse (clinician), with tests described by what
    # they are for and conditions described by their symptoms; over HbA1c (latest), systolic (highest), sodium
    # and potassium (lowest), eGFR (first), creatinine and LDL (trends), AST and albumin and diastolic and BMI
    # and smoking (latest) Observations, Conditions (active list, prediabetes onset, sinusitis count, last
    # bronchitis), MedicationRequests (last statin), Immunizations (list, last pneumococcal), Procedures (bone
    # scan date, list), Encounters (last general exam, last ED attendance), DiagnosticReports (lipid panel
    # count), CarePlans (list), the ImagingStudy (ever), demographics (place of birth), and three absent items
    # (a diuretic, an implanted device on cfhir, a ferritin)
    (C, LAY, "Yalla, quick one mate - Baba's sugar average test, the three-month one, what did it come out at "
             "last time?", {"shape": "latest", "obs": "4548-4"}),
    (C, LAY, "When did the doctor last write up Baba's cholesterol tablet, the statin? He says the box is nearly "
             "finished, habibi", {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, LAY, "Can you tell me all Baba's health problems on there, just the ones still going, khalas with the "
             "old finished ones",
     {"shape": "list", "type": "Condition", "status": "active", "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (A, LAY, "Alright my lover, 'tis his daughter. Dad's bone scan, the one checking if his bones be thinning - "
             "when was that done?", {"shape": "date_of", "type": "Procedure", "codes": ["312681000"]}),
    (A, LAY, "Has Dad ever been put on water tablets, for his blood pressure like? Mum reckons he were once.",
     {"shape": "ever", "absent": True}),
    (C, LAY, "Oh for cute, the portal works! Ya, so, his blood pressure, the top number - what was the highest it "
             "ever got and when was that then?", {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (A, LAY, "Merhaba, Dede's kidney blood test, the creatinine - is it getting better or worse from the first one "
             "to now? Tamam, thank you", {"shape": "trend", "obs": "38483-4"}),
    (A, LAY, "Dede's sugar is a bit high but not full diabetes, the doctor told him. Since when is this written in "
             "his file?", {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (A, LAY, "Abla asks how many times Dede had the blocked nose with the pain in the face, the sinus infection?",
     {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (C, LAY, "Think of it like a service history: when was his last full once-over, the yearly general check? "
             "Just need the date.", {"shape": "latest", "type": "Encounter", "codes": ["162673000"]}),
    (C, LAY, "What's his oil doing - the fats in the blood, the LDL one. Running higher or lower than the first "
             "reading?", {"shape": "trend", "obs": "18262-6"}),
    (C, LAY, "Any parts fitted? Pacemaker, stent, anything implanted in him at all?", {"shape": "ever", "absent": True}),
    (A, LAY, "Grace and peace. Our brother asked me to help him keep track: when was he last given one of the "
             "pneumonia injections?", {"shape": "latest", "type": "Immunization", "codes": ["133", "33"]}),
    (C, LAY, "[19:42] Sue: can someone check Dad's portal [19:43] Mark: what for [19:44] Sue: the liver test, the "
             "AST one, what was the latest??", {"shape": "latest", "obs": "1920-8"}),
    (C, LAY, "[19:50] Mark: also he had that chest infection bronchitis thing more than once, when was the last "
             "time", {"shape": "latest", "type": "Condition", "codes": ["10509002"]}),
    (C, LAY, "[19:55] Sue: and which care plans has he been on, all of them not just now",
     {"shape": "list", "type": "CarePlan", "names": ["Diabetes self management plan", "Respiratory therapy",
                                                      "Hyperlipidemia clinical management plan",
                                                      "Physical therapy procedure"]}),
    (A, LAY, "As the holder of a lasting power of attorney for health and welfare, I should be grateful for a list "
             "of the immunisations recorded, by type.",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (A, LAY, "I should further be obliged if you would confirm the town of his birth as it is held.",
     {"shape": "demographic", "field": "birthPlace"}),
    (A, LAY, "Finally, kindly confirm whether any radiological imaging is held for him, and its date.",
     {"shape": "ever", "type": "ImagingStudy"}),
    (C, LAY, "For my own catalogue of his records: how many lipid panel entries are held, in total?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (C, LAY, "And the earliest entry for the estimate of how well his kidneys filter - value and date, please.",
     {"shape": "first", "obs": "33914-3"}),
    (C, LAY, "Lastly, the procedures catalogued, each title once.",
     {"shape": "list", "type": "Procedure", "names": ["Medication Reconciliation", "Sputum examination"]}),
    (A, LAY, "I don't suppose you could tell me when the salt in my blood, the sodium, was at its lowest?",
     {"shape": "lowest", "obs": "2947-0"}),
    (A, LAY, "I was wondering whether my blood has ever been tested for how much iron I have stored, the ferritin?",
     {"shape": "ever", "absent": True}),
    (C, CL, "TVN assessment, non-healing leg wound: most recent serum albumin?", {"shape": "latest", "obs": "1751-7"}),
    (C, CL, "TVN cont.: smoking status as last documented?", {"shape": "latest", "obs": "72166-2"}),
    (A, CL, "HBOT pre-treatment checklist: last recorded diastolic pressure, please.",
     {"shape": "latest", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "HBOT checklist: lowest potassium on file and the date it was taken?", {"shape": "lowest", "obs": "6298-4"}),
    (A, CL, "Any previous ED attendances? Date of the most recent, please.",
     {"shape": "latest", "type": "Encounter", "cls": "EMER"}),
    # --- batch 78 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (15: a hospital doctor and a GP asking short practical
    # questions, patients on a portal asking about their own record in ordinary words) and half in voices new
    # to the file: a Bajan grandson writing Barbadian English ("wunna", "did get", "de", "ting"), a Persian
    # granddaughter ("Baba Bozorg jan", "salam", "merci"), a Brooklyn son ("my pop", "whaddya", "ya know",
    # "lookin'"), a retired engineer asking for data like a specification (ISO dates, "dataset", "maximum"), an
    # Ethiopian daughter ("Selam", "Abbaye", "eshi") and a community matron doing a caseload review (clinician),
    # with a condition described by its symptoms; over total cholesterol and HDL (lowest), urea and chloride
    # (highest), HbA1c and blood-pressure readings (count), triglycerides and total protein (trends), white cells
    # and DEXA T-score (latest) Observations, Conditions (collarbone and shoulder healing dates, anaemia onset,
    # active list), MedicationRequests (current list), Immunizations (Td ever, first flu jab), Procedures
    # (polypectomy and stool-test dates), Encounters (urgent care count, all visits count), DiagnosticReports
    # (kinds list, metabolic panel count), CarePlans (fracture care end), the Device (list), demographics (town),
    # and three absent items (a hepatitis C test, a heart attack, a DNACPR / advance care plan)
    (C, CL, "What was his lowest total cholesterol, and when?", {"shape": "lowest", "obs": "2093-3"}),
    (A, CL, "When was the polyp taken off?", {"shape": "date_of", "type": "Procedure", "codes": ["274031008"]}),
    (C, CL, "How many A1cs has he had done altogether?", {"shape": "count", "obs": "4548-4"}),
    (A, CL, "His triglycerides - better or worse since they were first checked?", {"shape": "trend", "obs": "2571-8"}),
    (A, LAY, "Am I up to date with tetanus? When did I last have it?",
     {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "Which of my prescriptions are still current?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (A, LAY, "When does it say my broken collarbone was healed?",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    (C, LAY, "What was my highest BUN and when was it?", {"shape": "highest", "obs": "6299-2"}),
    (A, LAY, "What town have you got me living in?", {"shape": "demographic", "field": "city"}),
    (C, CL, "Has he ever been tested for hep C?", {"shape": "ever", "absent": True}),
    (A, CL, "Date the fracture care plan was closed?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"], "end": True}),
    (C, LAY, "When was my very first flu jab on here?", {"shape": "first", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "How many times have I been to urgent care?",
     {"shape": "count", "type": "Encounter", "codes": ["702927004"]}),
    (A, LAY, "How many appointments have I had in total, counting everything?", {"shape": "count", "type": "Encounter"}),
    (A, CL, "What implanted device does he have?", {"shape": "list", "type": "Device",
                                                    "names": ["Implantable defibrillator"]}),
    (C, LAY, "Good day, how many times dem take Grandad pressure at de clinic, wunna could count it fuh me?",
     {"shape": "count", "obs": "55284-4"}),
    (C, LAY, "An' he shoulder, de tendon ting he did hurt - when it did get better?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (A, LAY, "Salam, Baba Bozorg jan's HDL, the good fat, what was the lowest it went and which date? Merci",
     {"shape": "lowest", "obs": "2085-9"}),
    (A, LAY, "Baba Bozorg is always tired and pale, they wrote something for this in his file, the weak blood. "
             "From which date?", {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (A, LAY, "Whaddya got for my pop's white cells, the last count they did?", {"shape": "latest", "obs": "6690-2"}),
    (A, LAY, "And the stool test, the one lookin' for blood, when'd he do that, ya know?",
     {"shape": "date_of", "type": "Procedure", "codes": ["1015401000000102"]}),
    (A, LAY, "What kinda blood reports they got on my pop, like the panels? Just the kinds.",
     {"shape": "list", "type": "DiagnosticReport",
      "names": ["Basic Metabolic Panel", "Lipid Panel", "Complete blood count"]}),
    (C, LAY, "Please provide, from the chloride series, the maximum value and its date in ISO 8601 format.",
     {"shape": "highest", "obs": "2069-3"}),
    (C, LAY, "Also the number of comprehensive metabolic panels in the dataset.",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (C, LAY, "Selam, my Abbaye's total protein in the blood, it was high before, now is it going down? Eshi, thank "
             "you", {"shape": "trend", "obs": "2885-2"}),
    (C, LAY, "Is there any heart attack written for Abbaye?", {"shape": "ever", "absent": True}),
    (A, CL, "Community matron caseload review: please list his active long-term conditions.",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (A, CL, "CM review: has he had a DEXA? T-score if so.", {"shape": "latest", "obs": "38265-5"}),
    (A, CL, "CM review: any advance care plan or DNACPR decision recorded?", {"shape": "ever", "absent": True}),
    # --- batch 79 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath answered
    # it; unusual voices, every one new to the file: a Shetland grandson ("whit like", "een", "hit", "wis", "voar",
    # "hoo mony", "aa tagidder"), a Doric granddaughter from Aberdeenshire ("fit like", "fit", "fan", "the noo",
    # "pit doon", "bleed", "ma granda"), a Zulu-speaking South African grandson ("Sawubona", "Mkhulu", "eish",
    # "ngiyabonga"), an Israeli granddaughter ("Saba", "Savta", "b'seder", "nu", "toda", "kupat holim"), a Gujarati
    # son ("Jai Shri Krishna", "Bapuji", "Ba", "kem cho"), a Yoruba-British daughter ("E kaaro", "o", "ehn", "ese
    # gan", "my Daddy"), an Armenian-American granddaughter ("Barev", "Papik jan", "Tatik", "shnorhakalutyun"), a
    # Cornish grandson ("my 'ansum", "dreckly", "proper job", "'un", "can't mind"), an Appalachian granddaughter
    # ("Papaw", "Mamaw", "might could", "feelin poorly", "what all"), a yachtsman keeping his father's record like a
    # ship's log, a relative writing in haiku (5-7-5), a gamer grandson ("stats", "patch", "nerfed or buffed",
    # "lol") (24 lay), and a transplant coordinator and a transfusion practitioner / haemovigilance (4 clinician);
    # over glucose (lowest), calcium, ALT and triglycerides (highest), diastolic and platelets (lowest), weight and
    # albumin (trends), polyp size, height, eGFR and haemoglobin (latest), creatinine (first) Observations,
    # Conditions (anaemia, obesity and rotator-cuff onset dates), MedicationRequests (current list), Immunizations
    # (flu count, list of types), Procedures (clavicle X-ray ever with date), Encounters (count of symptom visits),
    # a DiagnosticReport (last blood count), CarePlans (active list), the Device (list), demographics (birth date),
    # and three absent items (an anticoagulant such as warfarin, a shingles vaccine, an ABO blood group); extremes
    # checked unique in the JSON, latest values and trend ends on dates with a single result
    (A, LAY, "Whit like! Grandda's blood sugar, da glucose een - whit wis da lowest hit ever wis, an whit day "
             "wis dat?", {"shape": "lowest", "obs": "2339-0"}),
    (A, LAY, "Grandda gets his flu jab every voar at da surgery. Hoo mony flu jabs is on his record aa tagidder?",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Fit like? Ma granda's got a drawerfu o pills, bit fit's he actually meant tae be takin the noo, "
             "accordin tae the doctors?", {"shape": "list", "type": "MedicationRequest", "status": "active",
                                          "names": ["Simvistatin"]}),
    (C, LAY, "Fan did they first pit doon that ma granda's bleed wis thin, the anaemia? Fit date's on it?",
     {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (A, LAY, "Sawubona. Eish, Mkhulu will be cross if he sees this, but since when is he written down as obese "
             "in the file?", {"shape": "date_of", "type": "Condition", "codes": ["162864005"]}),
    (A, LAY, "Ngiyabonga for helping. The pharmacy lady asked if Mkhulu is on a blood thinner like warfarin. "
             "Is there one on his record?", {"shape": "ever", "absent": True}),
    (C, LAY, "Shalom, it's the granddaughter. Saba says his liver is b'seder but I want to see for myself: the "
             "ALT, what was the highest and on which date? Toda!", {"shape": "highest", "obs": "1742-6"}),
    (C, LAY, "Nu, so which vaccines did Saba get, all the kinds? Savta wants the list for the kupat holim.",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (A, LAY, "Jai Shri Krishna. Ba wants to know how big the polyp was that they found in Bapuji's bowel, is the "
             "size written?", {"shape": "latest", "obs": "33756-8"}),
    (A, LAY, "Kem cho. Bapuji's calcium in the blood, what was the highest it ever reached and which date?",
     {"shape": "highest", "obs": "49765-1"}),
    (C, LAY, "E kaaro o. My Daddy's triglyceride, the fat in the blood, what was the highest one ever, ehn? "
             "And which date?", {"shape": "highest", "obs": "2571-8"}),
    (C, LAY, "Ese gan. The clinic form is asking Daddy's date of birth, what date do they have for him?",
     {"shape": "demographic", "field": "birthDate"}),
    (A, LAY, "Barev! Papik broke his collarbone, did they ever do an X-ray of it, and when? Shnorhakalutyun",
     {"shape": "ever", "type": "Procedure", "codes": ["168594001"]}),
    (A, LAY, "Papik jan has a machine in his chest, Tatik just calls it 'the box'. What exactly is it called on "
             "his record?", {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, LAY, "Alright my 'ansum, I'm his grandson. Has Grampa's weight gone up or down since they first weighed "
             "'un? He says he'll sort his diet dreckly.", {"shape": "trend", "obs": "29463-7"}),
    (C, LAY, "Proper job. Did Grampa ever have the shingles jab? Nan reckons so but she can't mind when.",
     {"shape": "ever", "absent": True}),
    (A, LAY, "Papaw's been feelin poorly. Might could you tell me when they last did his blood count up at the "
             "clinic, the CBC?", {"shape": "latest", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (A, LAY, "Mamaw wants to know how many times Papaw went in sick, not for a checkup, just for feelin bad. "
             "What all is there?", {"shape": "count", "type": "Encounter", "codes": ["185345009"]}),
    (C, LAY, "Keeping the old man's log shipshape. Lowest bottom-number blood pressure reading on record, with "
             "the date it was logged.", {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (C, LAY, "Log entry needed before he can crew again: what date was the shoulder tendon injury first entered?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"]}),
    (A, LAY, "Cold March clinic room / they weighed my father each spring / what is his height now?",
     {"shape": "latest", "obs": "8302-2"}),
    (C, LAY, "Autumn of his years / which care plans are still open / for my husband now?",
     {"shape": "list", "type": "CarePlan", "status": "active",
      "names": ["Diabetes self management plan", "Hyperlipidemia clinical management plan"]}),
    (C, LAY, "ok so grandpa's stats lol. his eGFR, the kidney score thing, what's it at as of the latest patch?",
     {"shape": "latest", "obs": "33914-3"}),
    (C, LAY, "also his albumin, has it been nerfed or buffed since the very first reading?",
     {"shape": "trend", "obs": "1751-7"}),
    (A, CL, "Transplant coordinator, work-up for listing: ABO blood group on file?",
     {"shape": "latest", "absent": True}),
    (A, CL, "Transplant work-up cont.: earliest serum creatinine on record, value and date.",
     {"shape": "first", "obs": "38483-4"}),
    (C, CL, "Transfusion practitioner, pre-transfusion check: most recent Hb?", {"shape": "latest", "obs": "718-7"}),
    (C, CL, "Haemovigilance query: lowest platelet count recorded for this patient, and its date.",
     {"shape": "lowest", "obs": "777-3"}),
    # --- batch 80 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (15: a GP and a hospital doctor asking short practical questions,
    # patients on a portal asking about their own record in ordinary words) and half in voices new to the file
    # (14): a Punjabi Sikh grandson ("Sat Sri Akal ji", "Bapu ji", "Biji"), a Tongan granddaughter ("Mālō e
    # lelei", "Kui", "'ofa atu"), a Kurdish son ("Silav", "Bavo", "spas"), a Mancunian son ("our Dad",
    # "Mam", "mithering", "dead high", "his lad"), a Hungarian wife writing in Hungarian-English grammar ("Jó
    # napot", "drágám", "since which year he has"), a heart failure specialist nurse and a learning disability
    # liaison nurse (clinician); over diastolic (highest), systolic (lowest), potassium and creatinine (highest),
    # HbA1c (trend), bilirubin, weight and BMI (latest) Observations, Conditions (first sinusitis onset, polyp
    # resolution, first bronchitis onset, whole problem list), MedicationRequests (paracetamol count, ibuprofen
    # ever), Immunizations (list of types, PCV13 and Td dates), Procedures (list), Encounters (A&E count, last
    # follow-up, the urgent-care visit), a DiagnosticReport (first comprehensive panel), CarePlans (respiratory
    # therapy end, lipid plan ever with start), demographics (marital status, language), and three absent items
    # (allergies, a chest X-ray, an echocardiogram); extremes checked unique in the JSON, latest values and trend
    # ends on dates with a single result
    (A, CL, "When did his first bout of sinusitis start?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "index": 0}),
    (C, CL, "How many times has he been prescribed paracetamol?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, CL, "At which visit was his diastolic at its highest, and what did it read?",
     {"shape": "highest", "obs": "55284-4", "comp": "8462-4"}),
    (C, CL, "After the 2012 chest infection he was put on a breathing treatment plan. What date did that end?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["53950000"], "end": True}),
    (A, LAY, "My knee's playing up and there's ibuprofen in the cupboard. Has a doctor ever prescribed it for me "
             "before, and when?",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["310965"]}),
    (C, LAY, "What's my latest bilirubin?", {"shape": "latest", "obs": "1975-2"}),
    (A, LAY, "How many times have I been seen as an emergency rather than a booked appointment?",
     {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, LAY, "Have I ever had a chest X-ray?", {"shape": "ever", "absent": True}),
    (A, CL, "Writing an amoxicillin script for him: anything in the record about allergies or reactions?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, LAY, "When was my last follow-up appointment?",
     {"shape": "latest", "type": "Encounter", "codes": ["390906007"]}),
    (A, CL, "Lowest systolic he's had, and when?", {"shape": "lowest", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "Problem list please, including the resolved problems.",
     {"shape": "list", "type": "Condition",
      "names": ["Prediabetes", "Anemia", "Viral sinusitis", "Acute bronchitis", "Hyperlipidemia", "rotator cuff"]}),
    (A, LAY, "Under marital status, what have you got me down as?", {"shape": "demographic", "field": "marital"}),
    (C, LAY, "Over all my check-ups, is my HbA1c now higher or lower than the first one?",
     {"shape": "trend", "obs": "4548-4"}),
    (C, CL, "What date did he first get the full comprehensive metabolic panel rather than just the basic one?",
     {"shape": "first", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, LAY, "Sat Sri Akal ji. Biji wants to know all the jabs Bapu ji has had, just which types please.",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (A, LAY, "Bapu ji's potassium, what was the highest ever and on which date? Biji worries too much ji.",
     {"shape": "highest", "obs": "6298-4"}),
    (C, LAY, "Mālō e lelei! The church fitness group is asking for Kui's BMI, what is the latest one? 'Ofa atu",
     {"shape": "latest", "obs": "39156-5"}),
    (C, LAY, "Kui had the cough that went to his chest, the bronchitis, two times I think. When was the first "
             "time?", {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "index": 0}),
    (A, LAY, "Silav. They cut a polyp from my Bavo's bowel. On what date is the polyp written as resolved? Spas.",
     {"shape": "date_of", "type": "Condition", "codes": ["68496003"], "end": True}),
    (A, LAY, "Which language is written for Bavo in his file? He speaks Kurmanji at home but the letters "
             "always come in English.", {"shape": "demographic", "field": "language"}),
    (C, LAY, "Alright, it's his lad. When was our Dad's urgent care visit? Mam's been mithering me for the date.",
     {"shape": "latest", "type": "Encounter", "codes": ["702927004"]}),
    (C, LAY, "Is our Dad's creatinine dead high or what? What was the top reading and when was it?",
     {"shape": "highest", "obs": "38483-4"}),
    (C, LAY, "Jó napot. My husband, my drágám, when he had the pneumonia vaccine, the 13 kind? I need it for "
             "the doctor in Budapest when we travel.", {"shape": "date_of", "type": "Immunization", "codes": ["133"]}),
    (C, LAY, "And the plan for his high fat in the blood, is it still going, since which year he has it?",
     {"shape": "ever", "type": "CarePlan", "codes": ["736285004"]}),
    (A, CL, "HF nurse review: what's his latest recorded weight?", {"shape": "latest", "obs": "29463-7"}),
    (A, CL, "HF nurse: is there an echocardiogram anywhere on his record? Need the last EF.",
     {"shape": "latest", "absent": True}),
    (C, CL, "LD liaison nurse prepping his annual health check: which date was his Td booster given?",
     {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (C, CL, "LD liaison: list the procedures he has had, each one once.",
     {"shape": "list", "type": "Procedure", "names": ["Medication Reconciliation", "Sputum examination"]}),
    # --- batch 81 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file: a Fijian-Indian son ("Bula vinaka", "hamar Papa",
    # "na", "isa", "vinaka", Labasa), an Icelandic granddaughter ("Sæl", "Afi", "Amma", "jæja", "takk fyrir",
    # "bless bless"), a private investigator instructed by the family's solicitors writing formally ("the
    # subject", "for the avoidance of doubt", "further to the above"), a retired Royal Navy chief petty officer
    # asking about himself in Jack-speak ("Guzz", "the quack", "me oppo", "dripped", "half scran", "run
    # ashore"), a Czech granddaughter ("Dobrý den", "děda", "babička", "děkuji moc", Czech word order), a
    # Belfast daughter ("bout ye", "our Da", "the day", "so it has", "wee", "dead on"), a cricket-mad grandson
    # reading results like batting scores ("top score", "knock", "innings"), a Scottish Gaelic granddaughter
    # from Lewis ("Seanair", "a ghràidh", "tapadh leat", "jags") (22 lay), and a fracture liaison nurse and an
    # immigration panel physician at a visa medical (6 clinician); over HbA1c, systolic and glucose (highest),
    # LDL and pain score (lowest), LDL (trend), BMI, DXA T-score and height (latest) Observations, Conditions
    # (cardiac-arrest onset, clavicle resolution date, resolved list), MedicationRequests (current list),
    # Immunizations (first flu jab, flu count, Td date, list of types), Procedures (orthopaedic admission ever),
    # Encounters (ED admission date, general-examination and check-up counts, first visit on record),
    # DiagnosticReports (lipid panel count), CarePlans (all, as a list), demographics (birth place), and three
    # absent items (a typhoid vaccine, a previous fragility fracture, a yellow fever vaccine); extremes checked
    # unique in the JSON, latest values and trend ends on dates with a single result
    (C, LAY, "Bula vinaka. Hamar Papa is taking which medicine right now? Mummy say only one tablet for the "
             "cholesterol, but I want to see what the record is showing, na.",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (C, LAY, "Bhaiya also asking: Papa's sugar test, the three-month one, HbA1c, when it was most high and how "
             "much it came? Vinaka.", {"shape": "highest", "obs": "4548-4"}),
    (C, LAY, "We are taking Papa home to Labasa for my cousin's wedding. He got the typhoid injection before or "
             "not? Isa, he don't remember nothing.", {"shape": "ever", "absent": True}),
    (A, LAY, "Sæl! Afi says he has had the flu shot every single winter since forever. When is the first one in "
             "his record? Takk fyrir!", {"shape": "first", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "Jæja, Amma wants to know about Afi's bad cholesterol, the LDL. Is it going up or down since the "
             "first measurement?", {"shape": "trend", "obs": "18262-6"}),
    (A, LAY, "And where is Afi born, according to his papers? He tells a different story every Christmas. Bless "
             "bless", {"shape": "demographic", "field": "birthPlace"}),
    (A, LAY, "I am instructed by solicitors acting for the family of the subject. For the purposes of the "
             "chronology, kindly confirm the date of the subject's attendance recorded as an emergency room "
             "admission.", {"shape": "date_of", "type": "Encounter", "codes": ["50849002"]}),
    (A, LAY, "Further to the above: on what date does the record show the subject's fractured clavicle as having "
             "resolved?", {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    (A, LAY, "Finally, and for the avoidance of doubt, please state the number of occasions on which the subject "
             "attended for a routine general examination.",
     {"shape": "count", "type": "Encounter", "codes": ["162673000"]}),
    (C, LAY, "Old Jack here, twenty-two years in, most of it out of Guzz. The quack wants to know when I last had "
             "me tetanus jab. What date's in the log?",
     {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "Lowest I've ever scored me aches on their pain scale, and what date was that? Me oppo reckons I "
             "dripped about nothing for years.", {"shape": "lowest", "obs": "72514-3"}),
    (C, LAY, "The missus has had me on half scran since my last run ashore. What's me latest BMI, then?",
     {"shape": "latest", "obs": "39156-5"}),
    (C, LAY, "Dobrý den, please, which care plans děda had? All of them, also the old finished ones. Babička is "
             "asking.",
     {"shape": "list", "type": "CarePlan",
      "names": ["Diabetes self management plan", "Respiratory therapy", "Hyperlipidemia clinical management plan",
                "Physical therapy procedure"]}),
    (C, LAY, "His bad cholesterol, the LDL, when it was the lowest and how much it was? Děkuji moc.",
     {"shape": "lowest", "obs": "18262-6"}),
    (C, LAY, "Which date is the first visit of děda in this record? We want to know from when the doctors have "
             "him.", {"shape": "first", "type": "Encounter"}),
    (A, LAY, "Bout ye. Our Da's blood pressure's been up the day, so it has. What's the highest the top number "
             "has ever been on his record, and when?", {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (A, LAY, "How many of them wee check-up visits has Da had? Not the big yearly examinations, just the "
             "check-ups.", {"shape": "count", "type": "Encounter", "codes": ["185349003"]}),
    (A, LAY, "Dead on. And the things that are all cleared up now, the ones that healed or went away, what were "
             "they?", {"shape": "list", "type": "Condition", "status": "resolved",
                       "names": ["Polyp of colon", "Viral sinusitis", "Fracture of clavicle"]}),
    (A, CL, "Fracture liaison service, reviewing after his clavicle fracture: what was the DXA T-score?",
     {"shape": "latest", "obs": "38265-5"}),
    (A, CL, "FLS: was he admitted under orthopaedics for the fracture, and on what date?",
     {"shape": "ever", "type": "Procedure", "codes": ["305428000"]}),
    (A, CL, "FLS: any previous fragility fracture on record - hip, wrist or vertebral?",
     {"shape": "ever", "absent": True}),
    (C, CL, "Immigration medical, panel physician. Has the applicant had a yellow fever vaccine?",
     {"shape": "ever", "absent": True}),
    (C, CL, "Panel physician: list the vaccine types recorded for the applicant.",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (C, CL, "For section 3 of the visa medical form: latest recorded height?", {"shape": "latest", "obs": "8302-2"}),
    (C, LAY, "Grandad's sugar readings are like his old batting scores - what's his top score, the highest "
             "glucose, and which date was that knock?", {"shape": "highest", "obs": "2339-0"}),
    (C, LAY, "How many cholesterol panels has he faced over his whole innings? Just the total number of lipid "
             "panel reports.", {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "Seanair's heart stopped once when he was a young man, Granny says. What date is that on the "
             "record? Tapadh leat.", {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (A, LAY, "And how many flu jags has he had altogether, a ghràidh? He says he never misses one.",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    # --- batch 82 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (15: a GP and a hospital doctor asking short practical
    # questions, patients on a portal asking about their own record in ordinary words) and half in voices new
    # to the file (15): a Guyanese nephew writing Creolese ("wha happenin", "meh uncle", "how much time",
    # "fuh", "aryu", "we does"), a Black Country son ("ow bist", "ar kid", "owt", "saft", "'e"), a Pennsylvania
    # Dutch Mennonite grandson ("it wonders me", "Dawdi", "Mammi", "once", "yet", "ain't"), a Faroese grandson
    # ("Góðan dag", "Abbi", "takk fyri"), a Goan son ("what men", "Papa", "Mai", "no?") and a nurse at a
    # vaccination hub (clinician); 11 clinician, 19 lay; over chloride, white cells and urea (latest), sodium, AST, HbA1c and
    # potassium (lowest), total cholesterol (highest), HDL, diastolic and BMI (trends), HbA1c (count)
    # Observations, Conditions (whole-history list, prediabetes onset), MedicationRequests (paracetamol ever),
    # Immunizations (PPSV23 ever, Td date, flu count), Procedures (sputum test date), Encounters (general
    # examination count), DiagnosticReports (kinds list, comprehensive panel count, first lipid panel),
    # CarePlans (shoulder physio end, active list), the Device (list), demographics (town), and three absent
    # items (a uric acid level, skin cancer, allergies); extremes checked unique in the JSON, latest values and
    # trend ends on dates with a single result
    (A, CL, "Bloods from his last annual review - what was the chloride?", {"shape": "latest", "obs": "2069-3"}),
    (C, CL, "Lowest sodium on his previous bloods, and the date?", {"shape": "lowest", "obs": "2947-0"}),
    (C, CL, "List the distinct lab report types on his chart.",
     {"shape": "list", "type": "DiagnosticReport",
      "names": ["Basic Metabolic Panel", "Lipid Panel", "Comprehensive metabolic", "Complete blood count"]}),
    (C, CL, "Shoulder rehab care plan - closed on what date?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"], "end": True}),
    (C, LAY, "How many times have they done the big comprehensive blood panel on me?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, LAY, "Has my HDL gone down since my first cholesterol test?", {"shape": "trend", "obs": "2085-9"}),
    (C, LAY, "Is the bottom number of my blood pressure higher now than it was at the start of my records?",
     {"shape": "trend", "obs": "55284-4", "comp": "8462-4"}),
    (A, LAY, "Going back through my tests, which date was my very first lipid panel?",
     {"shape": "first", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (C, CL, "AST nadir and date?", {"shape": "lowest", "obs": "1920-8"}),
    (A, CL, "Is he on any active care plan at the moment?",
     {"shape": "list", "type": "CarePlan", "status": "active", "names": ["Diabetes self management plan"]}),
    (A, CL, "Full past medical history please, current and resolved.",
     {"shape": "list", "type": "Condition",
      "names": ["Cardiac arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia",
                "Polyp of colon", "Viral sinusitis", "Fracture of clavicle"]}),
    (C, LAY, "They sent off a phlegm sample when I had a bad chest. When was that?",
     {"shape": "date_of", "type": "Procedure", "codes": ["269911007"]}),
    (C, CL, "Any uric acid levels on file? Query gout.", {"shape": "latest", "absent": True}),
    (C, CL, "His A1c - lowest reading, and the date it was taken?", {"shape": "lowest", "obs": "4548-4"}),
    (C, LAY, "Was I ever given paracetamol on prescription, and when was the last time?",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["313782"]}),
    (C, LAY, "Wha happenin. How much time meh uncle go to de doctor fuh de big yearly examination? Auntie seh is "
             "every year.", {"shape": "count", "type": "Encounter", "codes": ["162673000"]}),
    (C, LAY, "Wha was de highest he total cholesterol ever reach, an' when dat was?",
     {"shape": "highest", "obs": "2093-3"}),
    (C, LAY, "Which town aryu have he livin in, on de record? We does send de letters deh.",
     {"shape": "demographic", "field": "city"}),
    (A, LAY, "Ow bist. Me dad's sugar test, the HbA1c, how many times have they took it off him altogether?",
     {"shape": "count", "obs": "4548-4"}),
    (A, LAY, "Has 'e ever 'ad the pneumonia jab, the 23 one? An' when was it, ar kid?",
     {"shape": "ever", "type": "Immunization", "codes": ["33"]}),
    (A, LAY, "Is there owt about skin cancer on 'is record? 'E's worked outdoors all 'is life, the saft lump.",
     {"shape": "ever", "absent": True}),
    (C, LAY, "It wonders me what Dawdi's potassium was at its lowest. What day was that once?",
     {"shape": "lowest", "obs": "6298-4"}),
    (C, LAY, "Mammi says he's gotten thinner yet. His BMI, is it up or down from the first one, ain't?",
     {"shape": "trend", "obs": "39156-5"}),
    (C, LAY, "When did they first write down that Dawdi has the prediabetes?",
     {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (A, LAY, "Góðan dag. What was Abbi's white blood cell count on his last blood test?",
     {"shape": "latest", "obs": "6690-2"}),
    (A, LAY, "Abbi has a heart machine inside his chest. What is the name of it in the record? Takk fyri.",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, LAY, "What men, Papa's kidney test, the urea, what is it on the last report, no?",
     {"shape": "latest", "obs": "6299-2"}),
    (C, LAY, "Mai is asking if Papa is allergic to anything. It is written anywhere, no?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (A, CL, "Vaccination hub, checking before today's booster: date of his last Td?",
     {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (C, CL, "Vaccination hub: total number of flu vaccines recorded for him?",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    # --- batch 83 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file: a Sierra Leonean son writing Krio-flavoured
    # English ("Kushe o", "Papa in pikin", "aw di bodi", "den", "tenki"), a Zimbabwean daughter ("Mangwanani",
    # "Baba", "shame", "now-now", "ndatenda"), a Teesside grandson ("me grandad", "like", "dead", "our lass",
    # "took in"), a long-distance lorry driver son texting from a lay-by ("on me 45", "tacho", "me old man",
    # "cheers drive"), a Bosnian son ("Selam", "babo", "jarane", "hvala"), an Indonesian daughter ("Selamat
    # pagi", "Bapak", "terima kasih ya", "already or not") and a grandson writing like a football commentator
    # ("top of the table", "racked up", "squad list", "into the second half"); 28 lay; over calcium, potassium,
    # glucose (highest), eGFR (lowest), pain score and albumin (trends), LDL (first), weight, MCV and smoking
    # status (latest), systolic (highest) Observations, Conditions (bronchitis clearing date, sinusitis count,
    # resolved list), MedicationRequests (last statin date), Immunizations (kinds list, first PCV13),
    # Procedures (colonoscopy count, collarbone X-ray date, whole list), Encounters (emergency count, follow-up
    # count), DiagnosticReports (lipid panel count), CarePlans (active list), demographics (marital status),
    # and three absent items (an anticoagulant such as warfarin, a hip fracture, a penicillin allergy)
    (A, LAY, "Kushe o! Na Papa in pikin dis. Di calcium for Papa in blood, wetin na di highest one den ever get, "
             "and which day? Tenki.", {"shape": "highest", "obs": "49765-1"}),
    (A, LAY, "Papa kin complain bout pain. Di pain number den write for am, e don go down from di first one to di "
             "last one, or e go up?", {"shape": "trend", "obs": "72514-3"}),
    (A, LAY, "Aw di bodi. Which kain injection den don give Papa? All di vaccine dem, jus di name.",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "PCV 13", "pneumococcal polysaccharide", "Td"]}),
    (A, LAY, "Den ever put Papa on blood thinner, lek warfarin? Mi sista say e de tek am.",
     {"shape": "ever", "absent": True}),
    (C, LAY, "Mangwanani. I am asking for my father, Baba. His kidney filter number, the eGFR, what was the lowest "
             "it went and on which date? Ndatenda.", {"shape": "lowest", "obs": "33914-3"}),
    (C, LAY, "Shame, Baba had that chest infection, the bronchitis, two times. When did the second one clear?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "end": True}),
    (C, LAY, "Which care plans is Baba still on now-now? The ones that are not finished.",
     {"shape": "list", "type": "CarePlan", "status": "active",
      "names": ["Diabetes self management plan", "Hyperlipidemia clinical management plan"]}),
    (C, LAY, "And his albumin in the blood, is it going up or going down from the first test to the latest one?",
     {"shape": "trend", "obs": "1751-7"}),
    (A, LAY, "Alright. What's the highest me grandad's potassium has ever been, an' when was that like?",
     {"shape": "highest", "obs": "6298-4"}),
    (A, LAY, "He got took in when he broke his collarbone, dead painful it was. How many times has he been in as "
             "an emergency altogether?", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (A, LAY, "Our lass wants to know how many times he's had the camera up the back end, the colonoscopy like?",
     {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (A, LAY, "Is he down as a smoker or what? What did it say the last time they asked him?",
     {"shape": "latest", "obs": "72166-2"}),
    (C, LAY, "On me 45 at the services. Me old man's weight, what was he at his last check? Cheers drive",
     {"shape": "latest", "obs": "29463-7"}),
    (C, LAY, "Tacho's nearly up so quick one - when was his cholesterol tablet last put through?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, LAY, "He's had a few tumbles lately. Has he ever broke his hip, is that on there anywhere?",
     {"shape": "ever", "absent": True}),
    (C, LAY, "How many follow-up appointments has the old man had? Just the follow-ups, not his yearly check-ups.",
     {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, LAY, "Selam. My babo, his LDL, the bad cholesterol, what was the very first value and which date? Hvala.",
     {"shape": "first", "obs": "18262-6"}),
    (A, LAY, "Babo had the sinus infection many times, jarane. How many times it is written in his record?",
     {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (A, LAY, "Which operations and procedures has babo had, all of them together? Only the names please.",
     {"shape": "list", "type": "Procedure",
      "names": ["Colonoscopy", "Fecal occult blood test", "Rectal polypectomy", "Medication Reconciliation",
                "Clavicle X-ray", "Admission to orthopedic department", "Bone density scan"]}),
    (A, LAY, "When they made the X-ray of his collarbone, on which date was it?",
     {"shape": "date_of", "type": "Procedure", "codes": ["168594001"]}),
    (C, LAY, "Selamat pagi. My Bapak's blood test, the MCV, size of red cells, the latest one is how much? Terima "
             "kasih ya.", {"shape": "latest", "obs": "787-2"}),
    (C, LAY, "In the record Bapak is married already or not? For the form I am filling.",
     {"shape": "demographic", "field": "marital"}),
    (C, LAY, "Bapak is having allergy to penicillin or not? Or to any medicine, it is written?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, LAY, "When was Bapak first given the pneumonia vaccine, the PCV13 one?",
     {"shape": "date_of", "type": "Immunization", "codes": ["133"]}),
    (C, LAY, "And it's Grandad's top number on the blood pressure, peaking at... what? His highest systolic and "
             "the date it happened?", {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (A, LAY, "Top of the table for his blood sugar - which glucose reading was the highest of his career, and when?",
     {"shape": "highest", "obs": "2339-0"}),
    (A, LAY, "Squad list time: which of his diagnoses are finished with, the ones marked resolved?",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Polyp of colon", "Viral sinusitis", "Fracture of clavicle"]}),
    (C, LAY, "Into the second half now: how many lipid panels has he racked up over the seasons?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    # --- batch 84 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (14: a GP, a practice nurse and a hospital doctor asking short
    # practical questions, patients on a portal asking about their own record in ordinary words) and half in
    # voices new to the file (14): a Lancashire daughter ("our Dad", "mithered", "owt", "were", "summat"), a
    # Norwegian grandson ("Hei", "bestefar", "uff", "journal", "takk"), a Malayali son from Kerala
    # ("Appachan", "Ammachi", "alle", "entha", "only") and a software-developer son writing like a bug ticket
    # ("TL;DR", "expected/actual", "repro", "pls", "y/n"); 8 clinician, 20 lay; over ALT (highest), haematocrit,
    # globulin (latest), weight and platelets (first), bilirubin (trend), diastolic and creatinine (lowest), eGFR
    # (count) Observations, Conditions (shoulder injury onset, hyperlipidaemia onset, active list),
    # MedicationRequests (whole list), Procedures (last colonoscopy, bone density scan ever, orthopaedic
    # admission ever), Encounters (symptom visits count), DiagnosticReports (blood count reports, basic metabolic
    # panels count), CarePlans (diabetes plan ever, completed list), the Device (list), demographics (language,
    # marital status), and four absent items (a stroke, an antihypertensive, a shingles vaccine, kidney stones)
    (C, CL, "ALT - has it gone above 50? Give me the peak value and the date.", {"shape": "highest", "obs": "1742-6"}),
    (A, CL, "Packed cell volume from the most recent blood count, please?", {"shape": "latest", "obs": "4544-3"}),
    (A, LAY, "What did I weigh the first time I was weighed on this record, and when was that?",
     {"shape": "first", "obs": "29463-7"}),
    (C, LAY, "Has my bilirubin been going up or coming down over the years?", {"shape": "trend", "obs": "1975-2"}),
    (A, CL, "Any previous CVA or TIA documented?", {"shape": "ever", "absent": True}),
    (C, CL, "Is he on any antihypertensives at present?", {"shape": "list", "type": "MedicationRequest",
                                                           "absent": True}),
    (A, LAY, "I keep getting blood counts done - how many of those reports do I actually have?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, LAY, "When does it say I first hurt my shoulder?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"]}),
    (A, CL, "Date of the most recent scope (colonoscopy)?",
     {"shape": "date_of", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "Diastolic - what's the lowest we've recorded, and on what date?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (A, LAY, "Which medicines have I been prescribed, past and present?",
     {"shape": "list", "type": "MedicationRequest", "names": ["Ibuprofen"]}),
    (C, CL, "Count of his acute, symptom-led appointments?",
     {"shape": "count", "type": "Encounter", "codes": ["185345009"]}),
    (A, LAY, "Which language have you got down for me, in case I need an interpreter?",
     {"shape": "demographic", "field": "language"}),
    (C, CL, "Globulin on his latest liver profile?", {"shape": "latest", "obs": "10834-0"}),
    (A, LAY, "Our Dad's forever mithered about that box in his chest for his heart. What's it called on his "
             "record?", {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, LAY, "Has he ever had owt done for his bones, like that scan for thinning bones? When were it?",
     {"shape": "ever", "type": "Procedure", "codes": ["312681000"]}),
    (A, LAY, "There's summat about a diabetes plan in his letters. Has he ever been on one, and from when?",
     {"shape": "ever", "type": "CarePlan", "codes": ["698360004"]}),
    (C, LAY, "Hei! Uff, bestefar has the high cholesterol, hyperlipidemia. From which date is it in his journal?",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (C, LAY, "Has bestefar had the vaccine against shingles (helvetesild)? I cannot find it. Takk.",
     {"shape": "ever", "absent": True}),
    (C, LAY, "How many times have they done the basic metabolic panel on bestefar?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (C, LAY, "Which of bestefar's care plans are closed now, the finished ones?",
     {"shape": "list", "type": "CarePlan", "status": "completed",
      "names": ["Respiratory therapy", "Physical therapy"]}),
    (A, LAY, "Appachan's platelet count, the first one they took, how much and which date, alle?",
     {"shape": "first", "obs": "777-3"}),
    (A, LAY, "Entha, for the insurance form, what marital status is showing for Appachan in the record?",
     {"shape": "demographic", "field": "marital"}),
    (A, LAY, "Ammachi is asking, Appachan's creatinine, what is the lowest value only, and which date?",
     {"shape": "lowest", "obs": "38483-4"}),
    (A, LAY, "Was Appachan ever admitted in the orthopedic ward? When?",
     {"shape": "ever", "type": "Procedure", "codes": ["305428000"]}),
    (C, LAY, "TL;DR need Dad's kidney function history. Expected: number of eGFR results on file. Actual: portal "
             "shows nothing. How many are there?", {"shape": "count", "obs": "33914-3"}),
    (C, LAY, "Repro: open record > problems. Q: which problems are flagged active right now? List pls.",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (C, LAY, "Edge case: any kidney stones / renal colic ever logged? y/n", {"shape": "ever", "absent": True}),
    # --- batch 85 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file: a Maori grandson ("Kia ora", "Koro", "Nan",
    # "whānau", "chur", "aroha nui", "ka pai"), an Ulster-Scots farmer asking about himself ("A'm", "thran",
    # "oul", "whit", "wus", "houl on", "a wheen o", "thon", "stap", "noo"), a Cape Coloured (Kaaps)
    # granddaughter ("Awê", "ma se kind", "Oupa", "Ouma", "mos", "nè", "jislaaik", "sommer", "hoeveel"), a
    # Mauritian Creole-French son ("Bonzour", "mo papa", "ki manière", "komie fwa", "lapandis", "mersi
    # boukou", "ein"), an Orkney fisherman asking about himself ("whit like", "peedie", "hid", "whan", "creels",
    # "onything", "me notes"), an Albanian son ("Përshëndetje", "babi", "ore", "faleminderit"), a Georgian son
    # ("Gamarjoba", "mama" for father, "deda", "madloba") (20 lay), and an air ambulance (HEMS) paramedic en
    # route (3 clinician); over HbA1c, sodium and triglycerides (highest), HDL, glucose and urea (lowest),
    # potassium (first), eGFR (trend), calcium, total cholesterol, systolic and creatinine (latest)
    # Observations, Conditions (first bronchitis resolution, resolved list), MedicationRequests (current list),
    # Immunizations (flu count), DiagnosticReports (lipid panel count), CarePlans (list), the Device (list),
    # demographics (city), and three absent items (allopurinol for gout, an appendix operation, cataracts or an
    # eye operation); extremes checked unique in the JSON, latest values and trend ends on dates with a single
    # result
    (A, LAY, "Kia ora. Koro's sugar test, the HbA1c one - which time was it the highest and what was the number? "
             "Nan reckons he's been into the pineapple lumps again.", {"shape": "highest", "obs": "4548-4"}),
    (A, LAY, "Chur. The whānau are meeting Sunday about Koro's health - what did his last calcium blood test come "
             "back as?", {"shape": "latest", "obs": "49765-1"}),
    (A, LAY, "Koro's got the gout bad in his big toe. Is he on allopurinol or anything for it in his record? "
             "Aroha nui, ka pai.", {"shape": "ever", "absent": True}),
    (C, LAY, "A'm a thran oul boy but the wife says A'm tae ask ye. Whit's the lowest ma guid cholesterol, the "
             "HDL, ever wus, an whan?", {"shape": "lowest", "obs": "2085-9"}),
    (C, LAY, "Houl on, there wus a wheen o bother wi ma chest years back. Whit date did thon first bronchitis "
             "clear up?", {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "index": 0, "end": True}),
    (C, LAY, "Am A still on thon cholesterol pills or did they stap them? Jist tell me whit medicines is live "
             "noo.", {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (A, LAY, "Awê! It's ma se kind here. Oupa's sodium, the salt in the blood, what was the highest one and which "
             "day? Ouma is mos worried, nè.", {"shape": "highest", "obs": "2947-0"}),
    (A, LAY, "Jislaaik, Oupa broke his collarbone that time. Which care plans did they sommer put him on? All of "
             "them please.", {"shape": "list", "type": "CarePlan",
                               "names": ["Diabetes self management plan", "Fracture care"]}),
    (A, LAY, "Hoeveel times did they check Oupa's cholesterol with the whole lipid panel thing?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "And Oupa's glucose, the lowest one he ever had - what was it and on which day?",
     {"shape": "lowest", "obs": "2339-0"}),
    (C, LAY, "Bonzour. Mo papa so triglycerides, the fat in the blood - ki valer pli o? The highest one, and which "
             "date? Mersi boukou.", {"shape": "highest", "obs": "2571-8"}),
    (C, LAY, "Ki manière. Papa inn gagn vaksin lagrip komie fwa? How many flu vaccines altogether in his file, ein?",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Li finn fer operasion lapandis? The appendix operation, is it in his dossier anywhere?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "Whit like. Peedie question fae an auld fisherman: whit wis me potassium the very first time they "
             "tested hid, and whan?", {"shape": "first", "obs": "6298-4"}),
    (A, LAY, "Me eyes are no whit they wir at the creels. Is there onything aboot cataracts or an eye operation "
             "in me notes?", {"shape": "ever", "absent": True}),
    (A, LAY, "And the lowest me urea's been, the kidney one - whit wis hid and whan?",
     {"shape": "lowest", "obs": "6299-2"}),
    (C, LAY, "Përshëndetje. My babi, his eGFR for the kidneys, ore - from the first test to the last one, is it "
             "going up or down? Faleminderit.", {"shape": "trend", "obs": "33914-3"}),
    (C, LAY, "Which illnesses babi has had that are finished now, marked resolved? Just the names.",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Viral sinusitis", "Acute bronchitis", "rotator cuff"]}),
    (A, LAY, "Gamarjoba! My mama (in Georgian this is the father, not the mother) - his total cholesterol, what "
             "was the last result? Madloba.", {"shape": "latest", "obs": "2093-3"}),
    (A, LAY, "Deda also asks, which town is written on his address in the record? It's for the pension papers.",
     {"shape": "demographic", "field": "city"}),
    (A, CL, "HEMS en route, pt has a box under the L clavicle. Confirm device type on record?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, CL, "HEMS: last documented systolic for a baseline?", {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (A, CL, "HEMS: most recent creatinine before we give contrast at the receiving unit?",
     {"shape": "latest", "obs": "38483-4"}),
    # --- batch 86 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (12: a GP, a practice nurse and a hospital doctor asking short
    # practical questions, patients on a portal asking about their own record in ordinary words) and half in
    # voices new to the file (12): a Burmese daughter ("Mingalaba", "Aba", "kyay zu tin ba de"), a Manx grandson
    # ("Moghrey mie", "traa dy liooar", "gura mie ayd", "Manxman"), an Afghan son writing Dari-English
    # ("Salaam", "Padar jan", "tashakor", "inshallah") and an Antarctic expedition doctor screening for a
    # winter-over (clinician); 10 clinician, 14 lay; over alkaline phosphatase and urea (highest), AST (lowest),
    # bicarbonate (trend), polyp size, MCHC, red cells, total protein and RDW (latest), triglycerides (first),
    # HbA1c (count) Observations, Conditions (active list, anaemia onset), MedicationRequests (first statin),
    # Immunizations (PPV23 date, list of types), Procedures (last medication review, polypectomy date, list),
    # DiagnosticReports (list of report kinds), CarePlans (physiotherapy ever), and three absent items (an
    # inhaler such as salbutamol, a hepatitis B vaccine, dental problems or dental work); extremes checked
    # unique in the JSON, latest values and trend ends on dates with a single result
    (C, CL, "When was the statin first started?",
     {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "How big was the polyp they took out of my bowel?", {"shape": "latest", "obs": "33756-8"}),
    (C, CL, "Alk phos: peak value and date?", {"shape": "highest", "obs": "6768-6"}),
    (A, LAY, "When did someone last go through all my medicines with me?",
     {"shape": "latest", "type": "Procedure", "codes": ["430193006"]}),
    (C, LAY, "Am I meant to be on an inhaler, like salbutamol, for my chest?", {"shape": "ever", "absent": True}),
    (C, CL, "Highest urea on file and when?", {"shape": "highest", "obs": "6299-2"}),
    (C, CL, "What kinds of lab reports do we hold for him?",
     {"shape": "list", "type": "DiagnosticReport",
      "names": ["Basic Metabolic Panel", "Lipid Panel", "Comprehensive metabolic", "Complete blood count"]}),
    (A, LAY, "Which of my health problems are still ongoing?",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (C, CL, "Was he ever under a physio plan, and when did it begin?",
     {"shape": "ever", "type": "CarePlan", "codes": ["91251008"]}),
    (A, CL, "Bicarb across his chemistry panels - trending up or down?", {"shape": "trend", "obs": "20565-8"}),
    (C, LAY, "What was the MCHC on my latest blood count?", {"shape": "latest", "obs": "786-4"}),
    (A, CL, "Date of his PPV23?", {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (C, LAY, "Mingalaba. My Aba's liver test, the AST - what is the lowest and on which day? Kyay zu tin ba de.",
     {"shape": "lowest", "obs": "1920-8"}),
    (C, LAY, "Aba's vaccines, what kinds he has got? Only the names please, for his green book.",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (C, LAY, "Aba had hepatitis B vaccine here? Back in Yangon they did not give, I think.",
     {"shape": "ever", "absent": True}),
    (A, LAY, "Moghrey mie. Grandad's red cell count, the latest one, what was it? Gura mie ayd.",
     {"shape": "latest", "obs": "789-8"}),
    (A, LAY, "Traa dy liooar, he always says, but the family want to know: on what date did they take the polyp "
             "off, the polypectomy?", {"shape": "date_of", "type": "Procedure", "codes": ["274031008"]}),
    (A, LAY, "He's a proper Manxman, hates needles. When did they first measure his triglycerides, and what was "
             "it?", {"shape": "first", "obs": "2571-8"}),
    (C, LAY, "Salaam. Padar jan's total protein in the blood, the latest one, how much? Tashakor.",
     {"shape": "latest", "obs": "2885-2"}),
    (C, LAY, "From which date the doctors have written Padar jan has anemia?",
     {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (C, LAY, "Padar jan's sugar, the HbA1c, inshallah it is better now - how many times they have tested it?",
     {"shape": "count", "obs": "4548-4"}),
    (A, CL, "Antarctic winter-over screen: list every procedure he has had to date.",
     {"shape": "list", "type": "Procedure",
      "names": ["Colonoscopy", "Fecal occult blood test", "Rectal polypectomy", "Medication Reconciliation",
                "Clavicle X-ray", "Admission to orthopedic department", "Bone density scan"]}),
    (A, CL, "No dentist on station for nine months - any dental problems or dental work documented?",
     {"shape": "ever", "absent": True}),
    (A, CL, "Winter-over screen: latest RDW?", {"shape": "latest", "obs": "21000-5"}),
    # --- batch 87 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file: a Basque son ("Kaixo", "Aita", "eskerrik asko"),
    # a Breton daughter ("Demat", "Tad", "trugarez"), a Sámi son ("Bures", "áhčči", "giitu"), a Falkland
    # Islands sheep farmer asking about himself ("in camp", "Stanley", "the FIGAS plane"), a Gullah grandson
    # ("Granddaddy", "e", "dem", "oonuh"), a Tristan da Cunha islander asking about himself ("the ship",
    # "Edinburgh of the Seven Seas"), a Bermudian granddaughter ("Grampy", "bye", "aye"), a Latvian
    # granddaughter ("Sveiki", "vectēvs", "paldies") (19 lay) and a 1950s-style formal letter from a family
    # doctor (2 clinician); over triglycerides, ALT and pain score (highest), chloride and sodium (lowest), bone
    # density T-score, weight and haemoglobin (latest), albumin (trend), eGFR (count) Observations, Conditions
    # (active list, first bronchitis onset), Immunizations (Td date), Procedures (last colonoscopy), Encounters
    # (emergency count, last follow-up), CarePlans (respiratory therapy ever), demographics (marital status),
    # and two absent items (a hip replacement, a rabies vaccine); extremes checked unique in the JSON, latest
    # values and trend ends on dates with a single result
    (C, LAY, "Kaixo. Aita's triglycerides, the fats in the blood - what was the highest one ever and on what "
             "day? Eskerrik asko.", {"shape": "highest", "obs": "2571-8"}),
    (C, LAY, "Aita had a tetanus injection at some point, the Td one. What date was it given?",
     {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "What illnesses is Aita still carrying, the ones not finished? Only the names, for the doctor in "
             "Bilbao.", {"shape": "list", "type": "Condition", "status": "active",
                         "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (A, LAY, "Demat. Tad had a scan for his bones after he fell - what was the T-score number? Trugarez.",
     {"shape": "latest", "obs": "38265-5"}),
    (A, LAY, "When was Tad's last camera test up the back passage, the colonoscopy?",
     {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (A, LAY, "Tad walks like a crab now. Has he ever had a hip replacement written in his file?",
     {"shape": "ever", "absent": True}),
    (C, LAY, "Bures. My áhčči's liver value ALT - what is the highest it has been, and when? Giitu.",
     {"shape": "highest", "obs": "1742-6"}),
    (C, LAY, "And áhčči's albumin, from the first test to the latest one, has it gone up or down?",
     {"shape": "trend", "obs": "1751-7"}),
    (A, LAY, "Out here in camp we only see the doctor when the FIGAS plane comes. What was the lowest my "
             "chloride ever got to and when?", {"shape": "lowest", "obs": "2069-3"}),
    (A, LAY, "We've foxes and all sorts round the sheds. Did I ever get a rabies jab in Stanley or anywhere?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "How many times have I ended up at emergency, all told?",
     {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, LAY, "Granddaddy ax me fuh find out: how much time dem check e kidney number, de eGFR one?",
     {"shape": "count", "obs": "33914-3"}),
    (C, LAY, "Oonuh tell me wen Granddaddy fus' come down wid de bronchitis, de very fus' time?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "index": 0}),
    (C, LAY, "Granddaddy been on de breathing treatment plan, de respiratory therapy? Wen was de las' one?",
     {"shape": "ever", "type": "CarePlan", "codes": ["53950000"]}),
    (C, LAY, "The ship only calls at Edinburgh of the Seven Seas a few times a year. What did I weigh at my last "
             "check?", {"shape": "latest", "obs": "29463-7"}),
    (C, LAY, "Lowest my sodium has ever been, and what day was that?", {"shape": "lowest", "obs": "2947-0"}),
    (A, LAY, "Aye bye, it's Grampy's granddaughter. What's the worst pain score they ever wrote down for him, "
             "and when?", {"shape": "highest", "obs": "72514-3"}),
    (A, LAY, "Grampy never married, he says, but the form wants it from the record. What does it say for "
             "marital status?", {"shape": "demographic", "field": "marital"}),
    (A, LAY, "Sveiki. My vectēvs, his haemoglobin on the latest blood count, what was it? Paldies.",
     {"shape": "latest", "obs": "718-7"}),
    (C, CL, "Dear Sir, I should be much obliged if you would furnish me with the date of this gentleman's most "
            "recent follow-up attendance. Yours faithfully.",
     {"shape": "latest", "type": "Encounter", "codes": ["390906007"]}),
    (C, CL, "Dear Colleague, kindly inform me of the highest serum creatinine recorded, together with its date. "
            "I remain, yours sincerely.", {"shape": "highest", "obs": "38483-4"}),
    # --- batch 88 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (10: a GP, a practice nurse and a community pharmacist asking
    # short practical questions, patients on a portal asking about their own record in ordinary words) and
    # half in voices new to the file (10): an Estonian daughter ("Tere", "isa", "aitäh"), a Slovene son
    # ("Živjo", "oče", "hvala"), a Luxembourgish granddaughter ("Moien", "Bopa", "merci villmools") and a
    # locum GP on a Hebridean ferry (clinician); 7 clinician, 13 lay; over total cholesterol (highest),
    # bilirubin (lowest), LDL (first), systolic, smoking status, MCV, globulin and potassium (latest)
    # Observations, Conditions (clavicle fracture onset, rotator cuff onset), MedicationRequests (statin count,
    # first ibuprofen), Immunizations (last flu, PCV13 date), Procedures (colonoscopy count), Encounters (urgent
    # care date), DiagnosticReports (blood count reports), and three absent items (a shingles vaccine, asthma,
    # a stroke); extremes checked unique in the JSON, latest values on dates with a single result
    (A, CL, "When did he break his collarbone?", {"shape": "date_of", "type": "Condition", "codes": ["58150001"]}),
    (A, CL, "Date of his most recent flu vaccination please.",
     {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (C, CL, "How many simvastatin prescriptions has he had issued altogether?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, LAY, "What was the top number of my blood pressure at my last check?",
     {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (C, LAY, "What was my bad cholesterol, the LDL, the first time they checked it?",
     {"shape": "first", "obs": "18262-6"}),
    (A, LAY, "How many full blood count reports are there in my record?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, CL, "Highest total cholesterol and the date?", {"shape": "highest", "obs": "2093-3"}),
    (A, LAY, "Does my record say I smoke?", {"shape": "latest", "obs": "72166-2"}),
    (A, CL, "Any record of him having the shingles vaccine?", {"shape": "ever", "absent": True}),
    (C, LAY, "When did my shoulder injury start?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"]}),
    (A, LAY, "Tere. Isa's MCV, the size of the red cells, on his latest blood count? Aitäh.",
     {"shape": "latest", "obs": "787-2"}),
    (A, LAY, "How many times isa has had the colonoscopy, all together?",
     {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (A, LAY, "Isa is coughing in the winter. Is asthma written anywhere for him?", {"shape": "ever", "absent": True}),
    (C, LAY, "Živjo. Oče's bilirubin, what was the lowest one and on which date? Hvala.",
     {"shape": "lowest", "obs": "1975-2"}),
    (C, LAY, "Oče once went to the urgent care clinic, not the normal doctor. Which date was this?",
     {"shape": "date_of", "type": "Encounter", "codes": ["702927004"]}),
    (C, LAY, "Moien. Bopa's globulin in the blood, the latest result please? Merci villmools.",
     {"shape": "latest", "obs": "10834-0"}),
    (C, LAY, "When did Bopa get the pneumonia vaccine, the PCV13 one?",
     {"shape": "date_of", "type": "Immunization", "codes": ["133"]}),
    (C, LAY, "Bopa had a stroke ever? My mother thinks maybe, long ago.", {"shape": "ever", "absent": True}),
    (C, CL, "Locum on the Barra ferry, pt feeling weak. Last K+ on file?", {"shape": "latest", "obs": "6298-4"}),
    (A, CL, "Ferry locum again: when was ibuprofen first prescribed for him?",
     {"shape": "first", "type": "MedicationRequest", "codes": ["310965"]}),
    # --- batch 89 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file: a Finnish granddaughter ("Moi", "ukki", "mummi",
    # "no niin", "kiitos paljon", the sauna), a Thai daughter ("Sawasdee ka", "Khun Por", "Mae", "na ka", "ka",
    # "khob khun ka"), a Navajo grandson ("Yá'át'ééh", "shicheii", "ahéhee'"), a Norfolk man asking about himself
    # ("thass a rum owd dew", "bor", "hev", "hent", "wuh", "on the huh", "little'un"), a Papua New Guinean son
    # mixing Tok Pisin into English ("Gude", "Papa bilong mi", "hamas taim", "ol dokta", "olsem wanem", "tenkyu
    # tru"), a Lithuanian son ("Labas", "tėtis", "ačiū labai"), a racing punter reading his father's results
    # like a form guide ("form", "top figure", "runs", "starts") and a lay preacher asking about himself in King
    # James English ("thrice", "smitten", "prithee", "befall", "hath", "unto", "waxed or waned") (19 lay), and a
    # marathon finish-line medical tent doctor and a cardiac catheter lab nurse at the pre-procedure checklist
    # (3 clinician); over glucose, AST, HDL and bilirubin (highest), diastolic and creatinine (lowest), calcium
    # and white cells (trend), total cholesterol (count), sodium and platelets (latest) Observations, Conditions
    # (obesity onset, sinusitis resolution, latest sinusitis), MedicationRequests (first paracetamol),
    # Immunizations (Td date), Procedures (sputum examination date), Encounters (symptom visit count),
    # DiagnosticReports (comprehensive metabolic panel count), demographics (language), and two absent items
    # (varicose veins, a coronary angiogram or stent); extremes checked unique in the JSON, latest values and
    # trend ends on dates with a single result
    (A, LAY, "Moi! I'm helping ukki with his papers. His blood sugar, the glucose - what was the highest it has "
             "ever been, and when? Kiitos paljon.", {"shape": "highest", "obs": "2339-0"}),
    (A, LAY, "No niin, mummi says ukki went to the doctor lots with his blocked nose and sore head. How many "
             "times did he go in for a symptom like that?", {"shape": "count", "type": "Encounter",
                                                            "codes": ["185345009"]}),
    (A, LAY, "And ukki's blood pressure, the lower number - what was the lowest one, and which day? He gets dizzy "
             "in the sauna.", {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (C, LAY, "Sawasdee ka. Khun Por got paracetamol from the doctor, in America they call it acetaminophen. When "
             "was the first time they gave it na ka?",
     {"shape": "first", "type": "MedicationRequest", "codes": ["313782"]}),
    (C, LAY, "Khun Por had a sinus infection one time. What date was it finished, resolved? Mae asks me to check.",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "end": True}),
    (C, LAY, "Khun Por liver test AST, what is the highest number and on what date ka? Khob khun ka.",
     {"shape": "highest", "obs": "1920-8"}),
    (A, LAY, "Yá'át'ééh. My shicheii, my mom's dad, cut his hand on the fence wire. When did he get the tetanus "
             "shot, the Td one?", {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "Ahéhee' for helping. Also his calcium in the blood, from the first test to the newest one, is it "
             "going up or going down?", {"shape": "trend", "obs": "49765-1"}),
    (A, LAY, "Thass a rum owd dew, bor. My legs are all lumpy with the veins. Hev the doctor ever wrote down "
             "varicose veins for me?", {"shape": "ever", "absent": True}),
    (A, LAY, "When did they first put me down as being too fat, the obesity? I hent never been a little'un.",
     {"shape": "date_of", "type": "Condition", "codes": ["162864005"]}),
    (A, LAY, "My kidney number, the creatinine, thass been all on the huh. What wuh the lowest it ever got, and "
             "when?", {"shape": "lowest", "obs": "38483-4"}),
    (C, LAY, "Gude. Papa bilong mi, hamas taim ol dokta i bin checkim kolesterol bilong em? The total cholesterol, "
             "how many tests altogether?", {"shape": "count", "obs": "2093-3"}),
    (C, LAY, "Olsem wanem, his good cholesterol, the HDL - which one was the highest and what date? Tenkyu tru.",
     {"shape": "highest", "obs": "2085-9"}),
    (C, LAY, "Labas. My tėtis once had a test where they looked at what he coughs up, for the lungs. On which "
             "date? Ačiū labai.", {"shape": "date_of", "type": "Procedure", "codes": ["269911007"]}),
    (C, LAY, "Tėtis maybe needs an interpreter at the hospital. Which language is written in his record?",
     {"shape": "demographic", "field": "language"}),
    (C, LAY, "Studying the old man's form like I do the Racing Post. His bilirubin - what's his top figure and "
             "when did he post it?", {"shape": "highest", "obs": "1975-2"}),
    (C, LAY, "And how many runs has he had over the full metabolic panel course, the comprehensive one? Total "
             "starts, like.", {"shape": "count", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, LAY, "Thrice was I smitten with an affliction of the sinuses. Prithee, when did the latest of these befall "
             "me?", {"shape": "latest", "type": "Condition", "codes": ["444814009"]}),
    (A, LAY, "What hath the physicians recorded of my white cells, from the first counting unto the last? Have they "
             "waxed or waned?", {"shape": "trend", "obs": "6690-2"}),
    (A, CL, "Finish-line med tent, older male runner, a bit confused. Last sodium on his record?",
     {"shape": "latest", "obs": "2947-0"}),
    (A, CL, "Cath lab pre-procedure checklist: any previous coronary angiogram or stent documented?",
     {"shape": "ever", "absent": True}),
    (A, CL, "Cath lab: most recent platelet count before we go in femoral?", {"shape": "latest", "obs": "777-3"}),
    # --- batch 90 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (10: a GP, a practice nurse and a community pharmacist asking
    # short practical questions, patients on a portal asking about their own record in ordinary words) and
    # half in voices new to the file (10): a Hausa-speaking Nigerian son ("Sannu", "Baba", "PCV" for the
    # haematocrit, "na gode", "Allah ya ba shi lafiya"), a Cumbrian grandson ("now then", "marra", "me gran'da",
    # "nobbut", "lal", "nivver"), a Chamorro granddaughter from Guam ("Håfa adai", "Guelo", "Si Yu'os
    # ma'åse'"), a Bulgarian daughter ("Zdraveite", "Tatko", "blagodarya", Plovdiv) and a pain clinic nurse at
    # intake (clinician); 6 clinician, 14 lay; over urea, globulin and pain score (highest), calcium and LDL
    # (lowest), weight (first), diastolic, height, haematocrit and stool occult blood (latest) Observations,
    # MedicationRequests (total count, last paracetamol), Immunizations (pneumococcal count, tetanus ever),
    # Procedures (first colonoscopy, clavicle X-ray date), Encounters (latest, first), and two absent items
    # (iron tablets, a heart bypass); extremes checked unique in the JSON, latest values on dates with a single
    # result
    (A, CL, "Date of his first colonoscopy?", {"shape": "first", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "What was his diastolic at the last check?", {"shape": "latest", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "How many pneumonia vaccines has he had?", {"shape": "count", "type": "Immunization",
                                                          "codes": ["133", "33"]}),
    (C, CL, "How many prescriptions are on his record in total?", {"shape": "count", "type": "MedicationRequest"}),
    (C, CL, "When was paracetamol last prescribed for him?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["313782"]}),
    (C, LAY, "What did I weigh the first time they weighed me?", {"shape": "first", "obs": "29463-7"}),
    (A, LAY, "How tall am I on my records?", {"shape": "latest", "obs": "8302-2"}),
    (A, LAY, "Am I due a check-up yet? When was my most recent appointment?",
     {"shape": "latest", "type": "Encounter"}),
    (C, LAY, "Have I had a tetanus jab?", {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "I've got anaemia on my record. Was I ever given iron tablets for it?", {"shape": "ever", "absent": True}),
    (A, LAY, "Sannu. Please, what was Baba's PCV on the last blood count? Na gode.",
     {"shape": "latest", "obs": "4544-3"}),
    (A, LAY, "Baba fell and broke the bone by his neck. On which date did they do the X-ray of the collarbone?",
     {"shape": "date_of", "type": "Procedure", "codes": ["168594001"]}),
    (A, LAY, "Allah ya ba shi lafiya. Baba's urea, what was the highest one and when was it?",
     {"shape": "highest", "obs": "6299-2"}),
    (C, LAY, "Now then marra. Me gran'da's calcium - what's the lowest it's been and when? He's nobbut a lal fella "
             "these days.", {"shape": "lowest", "obs": "49765-1"}),
    (C, LAY, "When's the first time he's down as seeing a doctor at all? He says he nivver went till he was fifty.",
     {"shape": "first", "type": "Encounter"}),
    (A, LAY, "Håfa adai! My Guelo's bad cholesterol, the LDL - what was the lowest and when? Si Yu'os ma'åse'.",
     {"shape": "lowest", "obs": "18262-6"}),
    (A, LAY, "Guelo did the poop test for blood, the kit you send in. What was the result number?",
     {"shape": "latest", "obs": "57905-2"}),
    (C, LAY, "Zdraveite. Tatko's globulin, the protein in the blood - which was the highest result and on what "
             "date? Blagodarya.", {"shape": "highest", "obs": "10834-0"}),
    (C, LAY, "Tatko had an operation on the heart, a bypass? My aunt in Plovdiv says yes but I don't remember this.",
     {"shape": "ever", "absent": True}),
    (C, CL, "Pain clinic intake: highest pain score recorded and when?", {"shape": "highest", "obs": "72514-3"}),
    # --- batch 91 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file: a Catalan granddaughter ("Bon dia", "l'avi",
    # "la iaia", "moltes gràcies"), a Swiss German grandson ("Grüezi", "Grosspapi", "Grosi", "merci vielmal"), a
    # Mongolian son ("Sain baina uu", "aav", "bayarlalaa", Ulaanbaatar), a Croatian daughter ("Bok", "tata",
    # "hvala lijepa", Split), a Gibraltarian granddaughter in Llanito ("oye", "ya ves", "¿sabes?", "the Rock",
    # "over the frontier"), a Yooper son from Michigan's Upper Peninsula ("holy wah", "eh", "da", "dat", "up at
    # da camp"), an air traffic controller asking about himself in radio phraseology ("request", "say again",
    # "affirm", "over", his class 3 medical), a beekeeper asking about himself (stings, the hives) and a retired
    # lighthouse keeper asking about himself in the style of his station log (times, wind, "light lit, all
    # well") (18 lay), and an Everest base camp expedition doctor and an occupational physician at a nuclear
    # power station (2 clinician); over alkaline phosphatase (highest), total protein (lowest), red cell count
    # (trend), bicarbonate, polyp size and BMI (latest), HbA1c (count) Observations, Conditions (cardiac arrest
    # and anaemia onset, active list), MedicationRequests (first simvastatin), Immunizations (last pneumococcal),
    # Procedures (polypectomy date), Encounters (follow-up and check-up counts), CarePlans (cholesterol plan
    # ever, physical therapy end), Devices (list), demographics (birthplace), and one absent item (any allergy);
    # extremes checked unique in the JSON, latest values and trend ends on dates with a single result
    (C, LAY, "Bon dia! L'avi had a lot of liver tests over the years. The alkaline phosphatase - what was the "
             "highest one he ever had, and what day? Moltes gràcies.", {"shape": "highest", "obs": "6768-6"}),
    (C, LAY, "La iaia says l'avi has been on the cholesterol pills, the simvastatin, for ages. When was the very "
             "first prescription?", {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "Grüezi. My Grosspapi has some electric thing in his chest for the heart and Grosi can't remember "
             "what it's called. What does his file say it is?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, LAY, "Grosi says his heart stopped once when he was young, long before they met. Which date is that in the "
             "record? Merci vielmal.", {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (C, LAY, "Sain baina uu. In aav's blood test there is carbon dioxide, the bicarbonate. What was it the latest "
             "time? I must tell the doctor in Ulaanbaatar.", {"shape": "latest", "obs": "20565-8"}),
    (C, LAY, "Is aav on some care plan for the cholesterol, the fat in the blood? Bayarlalaa.",
     {"shape": "ever", "type": "CarePlan", "codes": ["736285004"]}),
    (A, LAY, "Bok. Tata's red blood cells, the count of them - from the first test to the last one, more or less? "
             "Hvala lijepa.", {"shape": "trend", "obs": "789-8"}),
    (A, LAY, "For tata's papers in Split they want the town where he was born. What does his record say?",
     {"shape": "demographic", "field": "birthPlace"}),
    (A, LAY, "Oye, my grandad had the camera up the back and they took a polyp out, ¿sabes? How big was it, the "
             "size they wrote down?", {"shape": "latest", "obs": "33756-8"}),
    (A, LAY, "And which day did they cut that polyp out? He says it was over the frontier but ya ves, he says "
             "everything was done on the Rock.", {"shape": "date_of", "type": "Procedure", "codes": ["274031008"]}),
    (C, LAY, "Holy wah. Da doc says my dad's protein is on da low side, da total protein. What was da lowest one "
             "and when, eh?", {"shape": "lowest", "obs": "2885-2"}),
    (C, LAY, "Dad did physical therapy for his shoulder after he hurt it up at da camp. When did dat plan end?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"]}),
    (C, LAY, "Request latest body mass index on file for my class 3 medical, over.",
     {"shape": "latest", "obs": "39156-5"}),
    (C, LAY, "Say again the total number of follow-up visits I've had? Affirm, follow-ups only, not the yearly "
             "physicals.", {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, LAY, "I keep forty hives and get stung most weeks. Is there any allergy at all written in my record?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (A, LAY, "Between the hives and all the honey I eat I worry about my sugars. How many times have they done the "
             "A1c on me?", {"shape": "count", "obs": "4548-4"}),
    (A, LAY, "0600. Wind SW 4, sea moderate. Keeper's query: number of check-up visits entered in my record to "
             "date.", {"shape": "count", "type": "Encounter", "codes": ["185349003"]}),
    (A, LAY, "1800. Light lit, all well. Keeper's query: date of my most recent pneumonia injection.",
     {"shape": "latest", "type": "Immunization", "codes": ["133", "33"]}),
    (C, CL, "Everest base camp, trekker ~73M wanting to go higher. Anaemia on his problem list - since when?",
     {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (A, CL, "Occ health at the nuclear station, contractor fitness review: his current active problem list please.",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    # --- batch 92 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (10: a GP, a practice nurse and a community pharmacist asking
    # short practical questions, patients on a portal asking about their own record in ordinary words) and
    # half in voices new to the file (10): a Galician son ("Bos días", "meu pai", "grazas", Vigo), a West
    # Frisian daughter ("Goeie", "heit", "tige tank"), an Igbo daughter ("Ndewo", "Papa", "Daalụ"), a Cambodian
    # grandson ("Chom reap suor", "Ta", "Orkun"), an auctioneer asking about himself in saleroom terms ("forgive
    # the habit", "knocked down at") and a flight surgeon screening a passenger for a suborbital space tourism flight
    # (clinician); 8 clinician, 12 lay; over eGFR, HbA1c and MCH (latest), HbA1c and triglycerides (first),
    # systolic, urea and albumin (lowest) Observations, Conditions (active list), MedicationRequests (current
    # list), Immunizations (PPSV23 date, flu count), Procedures (last medication review, orthopaedic admission
    # date), Encounters (problem visit date, latest general exam), DiagnosticReports (last blood count),
    # CarePlans (active list, all plans list), and one absent item (a colonoscopy for the patient who never had
    # one); extremes checked unique in the JSON, latest and first values on dates with a single result
    (C, CL, "What's his latest eGFR?", {"shape": "latest", "obs": "33914-3"}),
    (A, CL, "When did he have his Pneumovax, the PPSV23?", {"shape": "date_of", "type": "Immunization",
                                                            "codes": ["33"]}),
    (C, CL, "What regular medicines is he on at the moment?", {"shape": "list", "type": "MedicationRequest",
                                                               "status": "active", "names": ["Simvistatin"]}),
    (C, CL, "When was his last medication review?", {"shape": "latest", "type": "Procedure", "codes": ["430193006"]}),
    (A, CL, "Which care plans are still open for him?", {"shape": "list", "type": "CarePlan", "status": "active",
                                                         "names": ["Diabetes self management plan"]}),
    (A, CL, "What date was he admitted under orthopaedics?",
     {"shape": "date_of", "type": "Procedure", "codes": ["305428000"]}),
    (C, CL, "Lowest systolic on record, and when?", {"shape": "lowest", "obs": "55284-4", "comp": "8480-6"}),
    (C, LAY, "What was my last HbA1c? The doctor keeps saying I'm borderline.", {"shape": "latest", "obs": "4548-4"}),
    (A, LAY, "When was my last full blood count done?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, LAY, "Which of my conditions are still active?", {"shape": "list", "type": "Condition", "status": "active",
                                                          "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (C, LAY, "Bos días. Meu pai's MCH on his latest blood count, what was it? Grazas.",
     {"shape": "latest", "obs": "785-6"}),
    (C, LAY, "The doctor in Vigo asks if meu pai ever had a colonoscopy. Is there one in his record?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "Goeie. Heit's very first HbA1c, the sugar test - what was it and when? Tige tank.",
     {"shape": "first", "obs": "4548-4"}),
    (A, LAY, "How many flu jabs has heit had, all together?",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Ndewo. Papa's triglycerides, the very first time they measured them, what was the number?",
     {"shape": "first", "obs": "2571-8"}),
    (C, LAY, "Papa went to the doctor once about a problem with his shoulder. Which date was that visit? Daalụ.",
     {"shape": "date_of", "type": "Encounter", "codes": ["185347001"]}),
    (A, LAY, "Chom reap suor. My Ta's urea, the kidney one - what was the lowest and when? Orkun.",
     {"shape": "lowest", "obs": "6299-2"}),
    (A, LAY, "Which care plans has Ta had? The old ones and the one he is on now.",
     {"shape": "list", "type": "CarePlan", "names": ["Diabetes self management plan", "Fracture care"]}),
    (C, LAY, "Auctioneer, so forgive the habit: what's the lowest my albumin was ever knocked down at, and on what "
             "date?", {"shape": "lowest", "obs": "1751-7"}),
    (A, CL, "Flight surgeon, suborbital passenger screening, 73M: date of his most recent general examination?",
     {"shape": "latest", "type": "Encounter", "codes": ["162673000"]}),
    # --- batch 93 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file: a Kazakh grandson ("Sälem", "Ata", "Äje",
    # "rakhmet", Almaty), a Hmong daughter ("Nyob zoo", "Txiv", "ua tsaug", Saint Paul), a Danish granddaughter
    # ("Hej", "morfar", "mormor", "tusind tak"), a Bristolian son ("alright my lover", "gert", "proper", "where's
    # it to"), a Sri Lankan grandson in Sinhala-flavoured English ("Ayubowan", "Seeya", "Aachchi", "bohoma
    # sthuthi"), a Tibetan daughter ("Tashi delek", "Pala", "Amala", "thuk je che", Dharamsala), a sommelier
    # asking about himself in tasting terms ("vintage", "cellar book", "ageing well"), a golfer asking about
    # himself in golf terms ("handicap", "best round", "rounds, not strokes") and a retired railway signalman
    # asking about himself in box terms ("the box", "line clear", "train out of section") (18 lay), and a
    # submarine medical officer at a pre-patrol medical and a motorsport circuit medical officer (2 clinician);
    # over potassium, triglycerides, ALT, total cholesterol and systolic (highest), glucose (lowest), DXA
    # T-score and triglycerides (latest), eGFR (trend) Observations, Conditions (prediabetes ever, bronchitis
    # episode count, clavicle fracture and hyperlipidaemia onset), MedicationRequests (everything ever
    # prescribed, latest simvastatin), Procedures (latest colonoscopy), Encounters (latest emergency visit),
    # DiagnosticReports (lipid panel count), demographics (marital status), and one absent item (hearing
    # loss); extremes checked unique in the JSON (and not tied once rounded), latest values and trend ends on
    # dates with a single result
    (A, LAY, "Sälem! I'm sorting out Ata's papers before we fly him home to Almaty. His potassium - what was the "
             "highest it ever was, and on which date? Rakhmet.", {"shape": "highest", "obs": "6298-4"}),
    (A, LAY, "Äje wants to know, was Ata ever diagnosed with the sugar problem, prediabetes? She says nobody here "
             "ever told her.", {"shape": "ever", "type": "Condition", "codes": ["15777000"]}),
    (C, LAY, "Nyob zoo. My Txiv had bronchitis, the bad cough, more than one time I think. How many times is it "
             "in his record?", {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (C, LAY, "Txiv is going to a new clinic in Saint Paul and they ask for every medicine he was ever prescribed, "
             "not only the ones now. Ua tsaug.",
     {"shape": "list", "type": "MedicationRequest", "names": ["Acetaminophen", "Simvistatin"]}),
    (A, LAY, "Hej! Morfar broke his collarbone some years ago, he fell off his bike. What date is that in his "
             "record?", {"shape": "date_of", "type": "Condition", "codes": ["58150001"]}),
    (A, LAY, "Mormor says they scanned his bones for thinning after that fall. What score did he get on the scan? "
             "Tusind tak.", {"shape": "latest", "obs": "38265-5"}),
    (A, LAY, "Alright my lover. Dad's had a gert lot of them camera tests up the bowel. When was the last one, "
             "where's it to in his notes?", {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (A, LAY, "And his triglycerides, the fat in the blood - what's the latest number they got? Proper worried "
             "about him I am.", {"shape": "latest", "obs": "2571-8"}),
    (C, LAY, "Ayubowan. My Seeya takes one cholesterol tablet every day. When did the doctor write the most recent "
             "prescription for it? Bohoma sthuthi.",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, LAY, "Aachchi says one year Seeya's triglycerides were very very high. What was the highest and when was "
             "it?", {"shape": "highest", "obs": "2571-8"}),
    (C, LAY, "Tashi delek. Pala's liver test, the ALT - which is the highest one and which day? Amala is "
             "worrying about it.", {"shape": "highest", "obs": "1742-6"}),
    (C, LAY, "For Amala's visa papers from Dharamsala they ask Pala's marital status. What does his record say? "
             "Thuk je che.", {"shape": "demographic", "field": "marital"}),
    (C, LAY, "I taste wine for a living, so forgive me: which vintage was my total cholesterol at its heaviest, "
             "and what did it measure?", {"shape": "highest", "obs": "2093-3"}),
    (C, LAY, "And my eGFR, the kidney filtration - from the earliest entry in the cellar book to the latest, has "
             "it been ageing well or going over?", {"shape": "trend", "obs": "33914-3"}),
    (A, LAY, "Off a 14 handicap and my doctor says it's my blood sugar I should be watching, not my card. What "
             "was my best round, the lowest glucose they've recorded, and when?",
     {"shape": "lowest", "obs": "2339-0"}),
    (A, LAY, "How many times have they done the lipid panel on me? Rounds, not strokes.",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "Forty years in the signal box with the bells going. Is there any hearing loss written down in my "
             "record? Line clear or not?", {"shape": "ever", "absent": True}),
    (A, LAY, "Train out of section: when was the last time I was seen in the emergency department? I think it was "
             "when I came off the bicycle.", {"shape": "latest", "type": "Encounter", "cls": "EMER"}),
    (C, CL, "Submarine MO, pre-patrol medical, 73M: hyperlipidaemia on his problem list - date of onset?",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (A, CL, "Circuit medical centre, 70s marshal felt faint in the heat on the pit wall. Highest systolic on his "
            "record and when?", {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    # --- batch 94 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (10: a GP, a practice nurse and a community pharmacist asking
    # short practical questions, patients on a portal asking about their own record in ordinary words) and
    # half in voices new to the file (10): a Marathi granddaughter from Pune ("Namaskar", "Ajoba", "Aaji",
    # "dhanyavaad"), a Lao son ("Sabaidee", "Por", "khop jai lai lai"), a Slovak daughter ("Dobrý deň",
    # "ocko", "ďakujem pekne", Košice, the tick-borne encephalitis jab), an archivist asking about himself in
    # catalogue terms ("series", "earliest item", "accession"), a ski patrol doctor at a resort clinic and a
    # lifeboat crew doctor with a casualty lifted off a yacht (clinician); 8 clinician, 12 lay; over systolic
    # and haemoglobin (latest), HDL (lowest), chloride (highest), albumin (first), LDL (trend), HbA1c (count
    # since 2015) Observations, MedicationRequests (simvastatin order count), Immunizations (latest Td, latest
    # flu, list), Procedures (colonoscopy count), Encounters (urgent care visit date), DiagnosticReports (latest
    # lipid panel), CarePlans (respiratory therapy ever, completed list), the ImagingStudy (list), the Device
    # (list), and two absent items (blood pressure tablets, a tick-borne encephalitis vaccine); extremes checked
    # unique in the JSON, latest and first values on dates with a single result, the count window exact
    (C, CL, "When did he last have a tetanus jab?", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, CL, "When was his most recent flu vaccine?", {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (C, CL, "How many times has simvastatin been prescribed for him?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, CL, "When was his last lipid panel done?", {"shape": "latest", "type": "DiagnosticReport",
                                                    "codes": ["57698-3"]}),
    (C, CL, "What was his systolic at his last check?", {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (A, CL, "Is he on any blood pressure tablets?", {"shape": "ever", "absent": True}),
    (C, LAY, "Was I ever put on a breathing therapy plan?", {"shape": "ever", "type": "CarePlan",
                                                             "codes": ["53950000"]}),
    (A, LAY, "How many colonoscopies have I had?", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (A, LAY, "Has my LDL cholesterol gone up or down since the first test?", {"shape": "trend", "obs": "18262-6"}),
    (C, LAY, "How many HbA1c tests have I had since 2015?",
     {"shape": "count", "obs": "4548-4", "window": ("2015-01-01", "9999")}),
    (C, LAY, "Namaskar. Ajoba's HDL, the good cholesterol - what was the lowest it went, and when? Dhanyavaad.",
     {"shape": "lowest", "obs": "2085-9"}),
    (C, LAY, "Aaji says Ajoba had one plan for his shoulder and one for his breathing. Which of his care plans are "
             "finished now?", {"shape": "list", "type": "CarePlan", "status": "completed",
                               "names": ["Respiratory therapy", "Physical therapy procedure"]}),
    (A, LAY, "Sabaidee. My Por had a picture taken of his shoulder bone when he fell. What imaging is in his "
             "record?", {"shape": "list", "type": "ImagingStudy", "names": ["Clavicle", "2016-05-21"]}),
    (A, LAY, "Por's chloride in the blood test - which was the highest one, and what day? Khop jai lai lai.",
     {"shape": "highest", "obs": "2069-3"}),
    (A, LAY, "Dobrý deň. The doctor in Košice asks which vaccines my ocko has had. Can you list them?",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (A, LAY, "Did ocko ever get the tick-borne encephalitis vaccine? At home everybody has it. Ďakujem pekne.",
     {"shape": "ever", "absent": True}),
    (C, LAY, "I'm an archivist, so humour me: in my own file, what is the earliest item in the albumin series - "
             "value and date?", {"shape": "first", "obs": "1751-7"}),
    (C, LAY, "There should be a single urgent care visit in my accessions. What date is it?",
     {"shape": "date_of", "type": "Encounter", "codes": ["702927004"]}),
    (C, CL, "Ski patrol clinic at the resort, 73M, went down at the bottom of a run: last haemoglobin on file?",
     {"shape": "latest", "obs": "718-7"}),
    (A, CL, "Lifeboat crew doctor, 70s male lifted off a yacht, says he has a heart device but can't name it. What "
            "device is on his record?", {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    # --- batch 95 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file: a Bengali granddaughter in Kolkata ("Nomoskar",
    # "Dadu", "Thakuma", "Pujo", "dhonnobad"), a Pashto son ("Salaam", "Plar", "Mor", "manana", Peshawar), a
    # Quechua grandson in Cusco ("Allillanchu", "Hatun Tayta", "mamay", "sulpayki"), a Kannada grandson ("Namaskara",
    # "Ajja", "Ajji", "dhanyavadagalu", Mysuru), a wife writing a formal letter in old-fashioned English ("Dear Sir
    # or Madam", "I should be most obliged", "I remain, yours faithfully"), a Bahamian son ("Bey", "ain'", "he
    # say"), a pensioner typing in capitals, a son dictating by voice in the car ("glob you lin", "question mark"),
    # a clockmaker ("drift"), a falconer ("weigh them every morning before flying"), a long-haul trucker on the CB
    # ("Breaker breaker", "10-4, over"), a message relayed through several people (a wife to her vicar to a
    # parishioner with a computer), an amateur astronomer ("observing log", "brightest", "what night") and a church
    # tower captain ("peal") (18 lay), and a racecourse medical officer with a spectator down in the grandstand and
    # a festival medical tent doctor (2 clinician); over creatinine, AST, globulin, weight, diastolic and urea
    # (latest), haemoglobin (first), sodium (lowest), LDL and platelets (highest), HbA1c (trend) Observations,
    # Conditions (anaemia ever, cardiac arrest date, resolved list), Immunizations (pneumococcal ever), Encounters
    # (shoulder problem visit date), CarePlans (physiotherapy plan end date), demographics (city), and two absent
    # items (a polio vaccine, measles); extremes checked unique in the JSON (and not tied once rounded), latest and
    # first values and trend ends on dates with a single result
    (C, LAY, "Nomoskar. I am writing from Kolkata. Dadu is staying with us for the Pujo holidays and Thakuma packed "
             "every paper except his last blood report, of course. The doctor here is asking for his creatinine, "
             "the kidney one. What was the most recent value? Dhonnobad.", {"shape": "latest", "obs": "38483-4"}),
    (C, LAY, "Thakuma is sure Dadu had the pneumonia injection in America, maybe even two kinds. Did he get it?",
     {"shape": "ever", "type": "Immunization", "codes": ["133", "33"]}),
    (A, LAY, "Salaam. My Plar is going back to Peshawar for the winter and there they are giving the polio drops to "
             "everybody again. Is there any polio vaccine in Plar's record? Manana.",
     {"shape": "ever", "absent": True}),
    (A, LAY, "Mor asks which of Plar's old illnesses are finished now, healed and closed in his record?",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Polyp of colon", "Viral sinusitis", "Fracture of clavicle"]}),
    (C, LAY, "Allillanchu. Hatun Tayta is coming to visit us in Cusco, it is very high here, and the doctor wants to "
             "know his haemoglobin from before. What was the first one they measured, and on what date? Sulpayki.",
     {"shape": "first", "obs": "718-7"}),
    (C, LAY, "My mamay says there is measles in the village again. Did Hatun Tayta ever have measles, is it in his "
             "record?", {"shape": "ever", "absent": True}),
    (A, LAY, "Namaskara. Ajja's sodium, the salt in the blood - what was the lowest it went and on which date? Ajji "
             "is asking. Dhanyavadagalu.", {"shape": "lowest", "obs": "2947-0"}),
    (A, LAY, "Ajji says Ajja's heart stopped once when he was a young man, and here in Mysuru nobody believes her. "
             "What date is that in his record?", {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (C, LAY, "Dear Sir or Madam, My husband has no patience for these machines, so I write on his behalf. I should "
             "be most obliged if you would tell me on what date he was seen by the doctor for the injury to his "
             "shoulder. I remain, yours faithfully, Mrs E. Harrow",
     {"shape": "date_of", "type": "Encounter", "codes": ["185347001"]}),
    (C, LAY, "Good day. Bey, my daddy went for his check and they did the liver tests. What the AST came back at the "
             "last time? He say the doctor ain' tell him nothing.", {"shape": "latest", "obs": "1920-8"}),
    (A, LAY, "HELLO. THIS IS ABOUT MY OWN RECORD. THE NEW CHEMIST SAYS THEY HAVE ME AT THE WRONG ADDRESS. WHAT TOWN "
             "DOES IT SAY I LIVE IN. THANK YOU. HARRY", {"shape": "demographic", "field": "city"}),
    (C, LAY, "Dictating this in the car sorry if it comes out funny. What was my glob you lin the globulin on my last "
             "blood test question mark", {"shape": "latest", "obs": "10834-0"}),
    (A, LAY, "I repair clocks, so I notice drift. My HbA1c, the long sugar test - from the first reading to the "
             "latest, has it drifted up or down?", {"shape": "trend", "obs": "4548-4"}),
    (A, LAY, "I fly hawks and weigh them every morning before flying, so humour me: what was my own weight when they "
             "last put me on the scales?", {"shape": "latest", "obs": "29463-7"}),
    (C, LAY, "Breaker breaker, long-haul driver here. Doc's been on at me about the bad cholesterol. What's the "
             "highest my LDL ever ran and what date was that? 10-4, over.", {"shape": "highest", "obs": "18262-6"}),
    (C, LAY, "This is a bit of a chain, sorry. Margaret asked our vicar after the service, and the vicar asked me "
             "because I'm the one with the computer. Her husband had a physio plan for his shoulder some years ago "
             "and she can't remember when it finished. She thinks it was spring. When did it end?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"], "end": True}),
    (A, LAY, "Amateur astronomer, I keep an observing log for everything. In my own run of platelet counts, which was "
             "the brightest, the highest, and on what night was it taken?", {"shape": "highest", "obs": "777-3"}),
    (A, LAY, "Tower captain at St Mary's, ringing since I was twelve. My wife says I go pale after a long peal. Has "
             "anyone ever put anaemia on my record?", {"shape": "ever", "type": "Condition", "codes": ["271737000"]}),
    (C, CL, "Racecourse MO, 73M spectator went down in the grandstand after the 3.30, now alert and talking. Last "
            "diastolic on his record?", {"shape": "latest", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "Festival medical tent, 73M, two days in the sun and barely drinking. Most recent urea nitrogen on file?",
     {"shape": "latest", "obs": "6299-2"}),
    # --- batch 96 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (10: a GP, a practice nurse and a community pharmacist asking
    # short practical questions, patients on a portal asking about their own record in ordinary words) and
    # half in voices new to the file (10): a Mandarin-speaking granddaughter studying in Boston ("Ni hao",
    # "Laoye", "Laolao", "xiexie", Beijing), a Xhosa son ("Molo", "Tata", "enkosi kakhulu"), a farrier asking
    # about himself ("bent over hooves"), a court reporter ("for the record"), a mapmaker ("where things start"),
    # an Ozark son ("Howdy", "pappy", "I reckon", "checkin"), a commercial driver's licence medical examiner and a
    # Hajj medical mission doctor at a pre-departure check (clinician); 8 clinician, 12 lay; over smoking status
    # and BMI (latest), total cholesterol and WBC (first), calcium, alkaline phosphatase, pain score and glucose
    # (highest), total protein (trend) Observations, Conditions (sinusitis episode count), MedicationRequests
    # (latest paracetamol, ibuprofen ever), Procedures (the fracture work-up list, polypectomy date), Encounters
    # (follow-up visit count, latest symptom visit, first general exam), DiagnosticReports (blood count count),
    # CarePlans (active list), and one absent item (a meningococcal vaccine); extremes checked unique in the JSON
    # (and not tied once rounded), latest and first values and the trend ends on dates with a single result
    (C, CL, "How many follow-up visits has he had?", {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, CL, "When was he last seen for a new symptom?",
     {"shape": "latest", "type": "Encounter", "codes": ["185345009"]}),
    (A, CL, "Does he smoke?", {"shape": "latest", "obs": "72166-2"}),
    (C, CL, "What's his BMI at the moment?", {"shape": "latest", "obs": "39156-5"}),
    (C, CL, "When was he last prescribed paracetamol?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, CL, "Has he ever been given ibuprofen?", {"shape": "ever", "type": "MedicationRequest", "codes": ["310965"]}),
    (A, LAY, "How many times have I had sinusitis?", {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (C, LAY, "What was my cholesterol the very first time it was checked?", {"shape": "first", "obs": "2093-3"}),
    (C, LAY, "What's the highest my calcium has been?", {"shape": "highest", "obs": "49765-1"}),
    (A, LAY, "What did they do when I broke my collarbone? Which tests or procedures?",
     {"shape": "list", "type": "Procedure", "codes": ["168594001", "305428000", "312681000"],
      "names": ["Clavicle X-ray", "Admission to orthopedic department", "Bone density scan"]}),
    (C, LAY, "Ni hao. I'm Laoye's granddaughter, studying in Boston. Laolao phoned me last night from Beijing very "
             "worried, because a neighbour there told her old men get liver trouble. Laoye has had lots of liver "
             "tests here. Which alkaline phosphatase was the highest, and when? Xiexie.",
     {"shape": "highest", "obs": "6768-6"}),
    (C, LAY, "Laolao also wants to know which of Laoye's care plans are still going now.",
     {"shape": "list", "type": "CarePlan", "status": "active",
      "names": ["Diabetes self management plan", "Hyperlipidemia clinical management plan"]}),
    (A, LAY, "Molo. Tata's white cells, the WBC count - what was the first one and when was it done? Enkosi kakhulu.",
     {"shape": "first", "obs": "6690-2"}),
    (A, LAY, "Tata says they took a small growth out of his back passage once. What date was that?",
     {"shape": "date_of", "type": "Procedure", "codes": ["274031008"]}),
    (C, LAY, "I'm a farrier, bent over hooves all day. What's the worst pain score they've written down for me, and "
             "what date?", {"shape": "highest", "obs": "72514-3"}),
    (A, LAY, "Court reporter by trade, so for the record: how many complete blood counts have been done on me?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (A, LAY, "I draw maps for a living, so I like to know where things start. What's the date of the very first "
             "general examination in my record?", {"shape": "first", "type": "Encounter", "codes": ["162673000"]}),
    (C, LAY, "Howdy. My pappy's total protein in his blood, I reckon they been checkin it a good while. Has it gone "
             "up or down since the first time?", {"shape": "trend", "obs": "2885-2"}),
    (C, CL, "CDL medical exam, 73M bus driver renewing his licence: highest glucose on record and date?",
     {"shape": "highest", "obs": "2339-0"}),
    (A, CL, "Hajj medical mission, pre-departure check, 73M pilgrim: any meningococcal ACWY vaccine on record?",
     {"shape": "ever", "absent": True}),
    # --- batch 97 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file: an Assamese grandson in Guwahati ("Ki khobor",
    # "Koka", "Aita", Bihu, "dhonyobad"), a Tigrinya daughter ("Kemey", "Abo", "Adey", "yekenyeley"), a Sesotho
    # son ("Lumela", "Ntate", "Mme", "kea leboha", Maseru), an Afrikaans son ("Pa", "Ma", "baie dankie"), an
    # Uzbek grandson ("Assalomu alaykum", "Bobo", "Buvi", "rahmat", Tashkent), a Lakota grandson ("Hau",
    # "Tunkasila", "Unci", "pilamaya"), a Quaker writing in plain speech ("a Friend", "Sixth Month"), a
    # telegram ("STOP"), an Australian shearer ("G'day", "once in a blue moon", "smoko"), a club chess player
    # ("the opening"), a piano tuner ("sharp or flat"), a pigeon racer ("fastest bird on the clock"), a canal
    # lock keeper ("up or down") and a retired weather forecaster ("the low") (18 lay), and a Royal Flying
    # Doctor Service retrieval doctor and a FIFO mine-site medic (2 clinician); over bilirubin and urea
    # (highest), bicarbonate and diastolic (lowest), height, haematocrit, red cell count and MCV (latest), AST
    # (first), MCV, sodium and HDL (trend) Observations, Conditions (rotator cuff injury ever, obesity ever),
    # Procedures (faecal occult blood test date), DiagnosticReports (first comprehensive metabolic panel, basic
    # metabolic panel count), CarePlans (hyperlipidaemia plan ever), and two absent items (gout, an
    # anticoagulant); extremes checked unique in the JSON (and not tied once rounded), latest and first values
    # and trend ends on dates with a single result
    (C, LAY, "Ki khobor. I'm in Guwahati and Koka is staying with us for Bihu. The doctor here looked at his eyes "
             "and says they are a little yellow, so she wants his old bilirubin results. Which one was the "
             "highest, and on what date? Dhonyobad.", {"shape": "highest", "obs": "1975-2"}),
    (C, LAY, "Aita says Koka hurt his shoulder lifting the gas cylinder once, some tendon thing. Is there any "
             "shoulder tendon injury in his record?", {"shape": "ever", "type": "Condition", "codes": ["307731004"]}),
    (A, LAY, "Kemey. Abo had a test where they check the stool for blood, before the camera test I think. What "
             "date was that? Yekenyeley.", {"shape": "date_of", "type": "Procedure", "codes": ["1015401000000102"]}),
    (A, LAY, "Adey says Abo is getting shorter every year. What height did they measure at his most recent visit?",
     {"shape": "latest", "obs": "8302-2"}),
    (C, LAY, "Lumela. Ntate is visiting us in Maseru and the clinic wants his red blood cell count from the last "
             "blood count he had. What was it? Kea leboha.", {"shape": "latest", "obs": "789-8"}),
    (C, LAY, "Mme wants to know if Ntate was ever put on a plan for his cholesterol, and when it started.",
     {"shape": "ever", "type": "CarePlan", "codes": ["736285004"]}),
    (A, LAY, "Hallo, I'm Pa's son, writing from Stellenbosch. The MCV on his blood counts, has it gone up or down "
             "from the first one to the last one? Baie dankie.", {"shape": "trend", "obs": "787-2"}),
    (A, LAY, "Ma says a doctor called Pa obese once, years ago, and he is still cross about it. Is obesity really "
             "written in his record?", {"shape": "ever", "type": "Condition", "codes": ["162864005"]}),
    (C, LAY, "Assalomu alaykum. Bobo is coming to us in Tashkent for the summer. His carbon dioxide, the "
             "bicarbonate in the blood - what was the lowest one and which date? Buvi is asking. Rahmat.",
     {"shape": "lowest", "obs": "20565-8"}),
    (A, LAY, "Hau. Tunkasila's feet hurt him bad and Unci keeps saying it's gout, like her brother had. Was he ever "
             "diagnosed with gout? Pilamaya.", {"shape": "ever", "absent": True}),
    (C, LAY, "I am a Friend and I write plainly. On what day was my first comprehensive metabolic panel drawn? I "
             "believe it was in Sixth Month some years back.",
     {"shape": "first", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, LAY, "FATHER TAKEN ILL ABROAD STOP DOCTORS ASK HIS MOST RECENT HAEMATOCRIT STOP PLEASE ADVISE STOP",
     {"shape": "latest", "obs": "4544-3"}),
    (A, LAY, "G'day. I'm out shearing west of Bourke so I only see a doctor once in a blue moon. How many times "
             "have they done the kidneys and salts blood panel on me? Cheers, back to smoko.",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (C, LAY, "Club chess player, so I always want to know the opening. What was the very first AST, the liver "
             "enzyme, in my record, and on what date?", {"shape": "first", "obs": "1920-8"}),
    (A, LAY, "I tune pianos for a living. My sodium, from the first reading to the latest - has it gone sharp or "
             "flat?", {"shape": "trend", "obs": "2947-0"}),
    (C, LAY, "I race pigeons, and I always want to know the fastest bird on the clock. Which was my highest urea "
             "nitrogen, and on what date?", {"shape": "highest", "obs": "6299-2"}),
    (A, LAY, "Forty years a lock keeper on the canal, everything is up or down with me. My HDL, the good "
             "cholesterol: up or down since the first test?", {"shape": "trend", "obs": "2085-9"}),
    (C, LAY, "Retired weather forecaster, I'm always looking for the low. What was the lowest my diastolic "
             "pressure has been, and what date?", {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "RFDS retrieval from a station property, 70s M, fall from a quad bike with a scalp lac. Any "
            "anticoagulant on his record before we fly?", {"shape": "ever", "absent": True}),
    (C, CL, "FIFO mine-site medic, 73M camp cook feeling washed out on his swing: latest MCV on file?",
     {"shape": "latest", "obs": "787-2"}),
    # --- batch 98 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (10: a GP, a practice nurse and a community pharmacist asking
    # short practical questions, patients on a portal asking about their own record in ordinary words) and
    # half in voices new to the file (10): a Telugu grandson in Hyderabad ("Bagunnara", "Tatayya", "Ammamma",
    # "dhanyavaadalu"), a Paraguayan daughter with Guarani greetings ("Mba'éichapa", "che ru", "aguyje",
    # Asunción), a son from Curaçao with Papiamento ("Kon ta bai", "mi tata", "danki"), a Hokkien grandson in
    # Penang ("Ah Kong", "Ah Ma", "kamsia"), a statistician ("n"), a pub darts captain ("the highest score it
    # hit"), a thatcher ("up ladders all day"), a volunteer doctor at a Camino albergue ("peregrino") and a
    # monastery infirmarian (clinician); 7 clinician, 13 lay; over bicarbonate, polyp size and eGFR (latest),
    # potassium and total cholesterol (lowest), HbA1c and AST (highest), platelets (first), glucose (count)
    # Observations, Conditions (anaemia date, cardiac arrest ever), MedicationRequests (everything prescribed,
    # list), Immunizations (PPV23 date, flu count), Procedures (medication reconciliation count, sputum
    # examination date, orthopaedic admission ever), CarePlans (fracture care end date), demographics (birth
    # date), and one absent item (allergies, as a list); extremes checked unique in the JSON (and not tied once
    # rounded), latest and first values on dates with a single result
    (A, CL, "How many times have his meds been reconciled?",
     {"shape": "count", "type": "Procedure", "codes": ["430193006"]}),
    (C, CL, "When was his Pneumovax given?", {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (C, CL, "Any drug allergies recorded for him?", {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (A, CL, "What was his last bicarbonate?", {"shape": "latest", "obs": "20565-8"}),
    (C, CL, "When did he have the sputum sample sent?",
     {"shape": "date_of", "type": "Procedure", "codes": ["269911007"]}),
    (A, LAY, "When did my fracture care finish?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"], "end": True}),
    (C, LAY, "What's my date of birth on your system?", {"shape": "demographic", "field": "birthDate"}),
    (A, LAY, "How big was the polyp they found in my bowel?", {"shape": "latest", "obs": "33756-8"}),
    (C, LAY, "What's the lowest my potassium has been?", {"shape": "lowest", "obs": "6298-4"}),
    (A, LAY, "What medicines have I been prescribed?",
     {"shape": "list", "type": "MedicationRequest", "names": ["Ibuprofen"]}),
    (C, LAY, "Bagunnara. Tatayya is staying with us in Hyderabad. His HbA1c, the three-month sugar - which was the "
             "highest reading and when? Dhanyavaadalu.", {"shape": "highest", "obs": "4548-4"}),
    (C, LAY, "Ammamma asks how many flu injections Tatayya has had altogether.",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "Mba'éichapa. Che ru is visiting us in Asunción and the doctor wants his platelets from before. What "
             "was the first platelet count and when? Aguyje.", {"shape": "first", "obs": "777-3"}),
    (A, LAY, "Kon ta bai. Mi tata says they admitted him to the bone ward once when he broke something. Was he ever "
             "admitted to orthopaedics? Danki.",
     {"shape": "ever", "type": "Procedure", "codes": ["305428000"]}),
    (C, LAY, "Ah Kong's cholesterol, the total one - what was the lowest and which date? Ah Ma is asking from "
             "Penang. Kamsia.", {"shape": "lowest", "obs": "2093-3"}),
    (A, LAY, "Statistician, so I always want the n first. How many glucose readings are there in my record "
             "altogether?", {"shape": "count", "obs": "2339-0"}),
    (C, LAY, "Pub darts captain here. My AST, the liver one - what was the highest score it hit, and when?",
     {"shape": "highest", "obs": "1920-8"}),
    (A, LAY, "I'm a thatcher, up ladders all day, and the wife worries. Is it true my record says my heart stopped "
             "once when I was young?", {"shape": "ever", "type": "Condition", "codes": ["410429000"]}),
    (C, CL, "Volunteer doctor at an albergue on the Camino, 73M peregrino dizzy after a long stage in the heat: "
            "latest eGFR on file?", {"shape": "latest", "obs": "33914-3"}),
    (A, CL, "Infirmarian at the abbey. One of our brothers, in his seventies, is pale and tired. On what date was "
            "his anaemia first recorded?", {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    # --- batch 99 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file: an Occitan granddaughter in Toulouse ("Adiu",
    # "lo papet", "la mamet", "mercé plan"), a Dzongkha-speaking son in Thimphu ("Kuzuzangpo la", "Apa", "Ama",
    # "kadrinchhe la"), a Wolof son in Dakar ("Na nga def", "Baay", "jërëjëf"), a Marshallese daughter in
    # Majuro ("Iakwe", "Jema", "kommol tata"), a Deaf patient typing through a text relay service ("GA", "SK"),
    # a glassblower ("cooled"), a brand-new stepdaughter, a perfumer ("top notes"), a Scrabble tournament
    # player ("first word on the board"), a night-shift baker, a ham radio operator ("QSL", "73"), a
    # cheesemaker ("ripening"), a rowing cox ("stroke by stroke"), a grandchild doing homework ("my teacher"),
    # a locksmith ("first key cut") and a Sindhi grandson in Karachi ("Salaam", "Dado", "Dadi", "mehrbani")
    # (18 lay), and a wildfire base-camp medic and a velodrome track-side doctor (2 clinician); over
    # triglycerides and ALT (highest), HDL and chloride (lowest), DXA T-score, MCHC, potassium and chloride
    # (latest), MCH (first), triglycerides (trend) Observations, Conditions (resolved list, hyperlipidaemia
    # ever), Immunizations (Td date), Procedures (the bowel work-up list), Encounters (emergency admission
    # ever, check-up count), DiagnosticReports (first lipid panel), demographics (marital status, birth
    # place), and one absent item (a stroke); extremes checked unique in the JSON (and not tied once rounded),
    # latest and first values and the trend ends on dates with a single result
    (C, LAY, "Adiu. Lo papet is staying with us in Toulouse for the winter and the médecin here asks about his "
             "fats in the blood, the triglycerides. Which was the highest one, and on what date? Mercé plan.",
     {"shape": "highest", "obs": "2571-8"}),
    (C, LAY, "La mamet wants to know the lowest his good cholesterol, the HDL, ever went, and when.",
     {"shape": "lowest", "obs": "2085-9"}),
    (A, LAY, "Kuzuzangpo la. Apa is coming to us in Thimphu and the doctor asks about his bones because he fell "
             "once. What was the result of his bone density scan, the T-score? Kadrinchhe la.",
     {"shape": "latest", "obs": "38265-5"}),
    (A, LAY, "Ama says Apa was rushed to the emergency department once in America. Was he ever admitted through "
             "emergency?", {"shape": "ever", "type": "Encounter", "codes": ["50849002"]}),
    (C, LAY, "Na nga def. Baay has come to Dakar for Tabaski and the doctor here says his liver is a bit tired. "
             "His ALT - which one was the highest, and what date? Jërëjëf.", {"shape": "highest", "obs": "1742-6"}),
    (C, LAY, "Iakwe. Jema cut his hand on the boat in Majuro and the clinic asks when he had his last tetanus "
             "shot. What date was it? Kommol tata.",
     {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "hi typing through relay service sorry for short words. which of my health problems are finished "
             "now, resolved, in my record? GA", {"shape": "list", "type": "Condition", "status": "resolved",
                                                  "names": ["Viral sinusitis", "Acute bronchitis",
                                                            "Injury of tendon of the rotator cuff"]}),
    (A, LAY, "I'm a glassblower, always sweating at the furnace. My chloride, when it cooled right down, what was "
             "the lowest and what date?", {"shape": "lowest", "obs": "2069-3"}),
    (C, LAY, "I've just become his stepdaughter, only married Mum in the summer, and I'm sorting out his forms. "
             "What does his record have for his marital status?", {"shape": "demographic", "field": "marital"}),
    (A, LAY, "I'm a perfumer, I think in top notes and base notes. My triglycerides, from the first test to the "
             "last, have they gone up or down?", {"shape": "trend", "obs": "2571-8"}),
    (C, LAY, "Scrabble tournament player, I always remember the first word on the board. When was my very first "
             "lipid panel done?", {"shape": "first", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (C, LAY, "I bake through the night and eat too many of my own pastries. Has anyone put high cholesterol, "
             "hyperlipidaemia, on my record as a diagnosis?",
     {"shape": "ever", "type": "Condition", "codes": ["55822004"]}),
    (C, LAY, "Ham radio operator here, QSL appreciated. Have I ever had a stroke, is there one anywhere in my "
             "record? 73.", {"shape": "ever", "absent": True}),
    (A, LAY, "I make cheese and everything is about ripening with me, slow and regular. How many check-up "
             "appointments do I have in my record?", {"shape": "count", "type": "Encounter", "codes": ["185349003"]}),
    (C, LAY, "I cox a rowing eight, I track everything stroke by stroke. My MCHC on the last blood count, what "
             "was it?", {"shape": "latest", "obs": "786-4"}),
    (A, LAY, "hello i am doing homework about my grandad and my teacher says to ask. what tests did he have on "
             "his bowel? my mum says there was a camera one", {"shape": "list", "type": "Procedure",
                                                           "codes": ["73761001", "1015401000000102", "274031008"],
                                                           "names": ["Colonoscopy", "Fecal occult blood test",
                                                                     "Rectal polypectomy"]}),
    (A, LAY, "Locksmith, I always keep the first key I cut. What was my first MCH on a blood count, and the date?",
     {"shape": "first", "obs": "785-6"}),
    (C, LAY, "Salaam. Dado is visiting us in Karachi and Dadi is filling in his forms for the hospital here. Where "
             "was he born, what does the record say? Mehrbani.", {"shape": "demographic", "field": "birthPlace"}),
    (A, CL, "Wildfire base camp medic, 70s M volunteer cook, muscle cramps after a long hot shift. Latest K+ on "
            "record?", {"shape": "latest", "obs": "6298-4"}),
    (C, CL, "Track-side at the velodrome, 73M spectator felt faint in the stands, now sitting up. Last chloride on "
            "file?", {"shape": "latest", "obs": "2069-3"}),
    # --- batch 100 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (10: a GP, a practice nurse and a community pharmacist asking
    # short practical questions, patients on a portal asking about their own record in ordinary words) and
    # half in voices new to the file (10): a Ladino-speaking grandson from Izmir ("nono", "nona", "muncho
    # grasias"), an I-Kiribati daughter in Tarawa ("Ko na mauri", "Tamau", "Ko rabwa"), an Amharic son in
    # Addis Ababa ("Selam", "Abbaye", "Amesegenalehu"), a sheepdog trialist ("the best run of the day"), a tram
    # driver ("end of the line"), a church organist ("the stops"), a school lollipop lady, a taxidermist,
    # a cave rescue doctor and a polar expedition doctor (clinician); 7 clinician, 13 lay; over albumin,
    # haemoglobin and pain score (latest), creatinine and MCH (highest), eGFR and albumin (lowest)
    # Observations, Conditions (active list, bronchitis count), MedicationRequests (active list, and none
    # active as an absent list), Immunizations (tetanus ever, PCV13 date), Procedures (colonoscopy count, bone
    # density scan ever), Encounters (general examination count), DiagnosticReports (latest lipid panel),
    # demographics (language), and two absent items (shingles, a hip replacement) plus the empty active
    # medication list; extremes checked unique in the JSON (and not tied once rounded), latest values on dates
    # with a single result
    (A, CL, "How many colonoscopies has he had?", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "What's he on at the moment?", {"shape": "list", "type": "MedicationRequest", "status": "active",
                                            "names": ["Simvistatin"]}),
    (A, CL, "Has he got anything on repeat at the moment?",
     {"shape": "absent_list", "type": "MedicationRequest", "status": "active"}),
    (C, CL, "What was his last albumin?", {"shape": "latest", "obs": "1751-7"}),
    (A, CL, "Is he up to date with tetanus? Has he had a booster?",
     {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "When did I last have my cholesterol checked?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "What language have you got down for me?", {"shape": "demographic", "field": "language"}),
    (C, LAY, "How many times have I had bronchitis?", {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (A, LAY, "Have I ever had shingles?", {"shape": "ever", "absent": True}),
    (C, LAY, "What health problems are still active on my record?",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (A, LAY, "Shalom. My nono came from Izmir a long time ago and my nona keeps all his papers, but not the new "
             "ones. His creatinine, the kidney test - which was the highest, and on what day? Muncho grasias.",
     {"shape": "highest", "obs": "38483-4"}),
    (C, LAY, "Ko na mauri. Tamau is visiting us in Tarawa and the nurse wants to know about his kidneys. What was "
             "the lowest eGFR he ever had, and the date? Ko rabwa.", {"shape": "lowest", "obs": "33914-3"}),
    (A, LAY, "Selam. Abbaye is coming to Addis Ababa and the doctor asks when he had the pneumonia vaccine, the "
             "PCV13 one. What date? Amesegenalehu.", {"shape": "date_of", "type": "Immunization", "codes": ["133"]}),
    (C, LAY, "I run dogs at sheepdog trials, so I always want the best run of the day. Which was my highest MCH "
             "on a blood count, and when?", {"shape": "highest", "obs": "785-6"}),
    (C, LAY, "Tram driver, I like to know where the end of the line is. What's the lowest my albumin has been, "
             "and on what date?", {"shape": "lowest", "obs": "1751-7"}),
    (A, LAY, "Church organist, seventy-odd, and I've pulled out all the stops for years. Did they ever do a bone "
             "density scan on me?", {"shape": "ever", "type": "Procedure", "codes": ["312681000"]}),
    (C, LAY, "I'm the lollipop lady at the school, I see the GP about once a year. How many general "
             "examinations have I had in my record?", {"shape": "count", "type": "Encounter",
                                                        "codes": ["162673000"]}),
    (A, LAY, "Taxidermist, I'm on my feet all day and my hip is grumbling. Have I ever had a hip replacement?",
     {"shape": "ever", "absent": True}),
    (C, CL, "Cave rescue, 73M extracted after six hours underground, cold and pale but talking. Latest Hb on his "
            "record?", {"shape": "latest", "obs": "718-7"}),
    (A, CL, "Polar expedition pre-departure medical, 70s M support crew. Most recent pain score on his record?",
     {"shape": "latest", "obs": "72514-3"}),
    # --- batch 101 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file: a Swahili son in Dar es Salaam ("Habari", "Babu",
    # "Bibi", "asante sana"), a Shona daughter in Harare ("Mhoroi", "Sekuru", "Ambuya", "ndatenda"), a Khmer
    # granddaughter in Phnom Penh ("Chumreap suor", "Lok Ta", "Lok Yeay", "arkun chraen"), a Tahitian son in
    # Papeete ("Ia ora na", "māuruuru roa"), a Macedonian granddaughter in Ohrid ("Zdravo", "Dedo", "baba",
    # "blagodaram"), a Cherokee grandson ("Osiyo", "Edudu", "Elisi", "wado"), an Inuk granddaughter in Iqaluit
    # ("Ai", "Ataatatsiaq", "Anaanatsiaq", "qujannamiik"), a tailor ("measure twice"), a lobsterman ("hauling
    # pots"), a theatre stage manager ("when the curtain first went up") and a sound engineer ("where the levels
    # peak") (13 lay), and clinicians writing in their own countries' shorthand: a French médecin ("cher
    # confrère", "ATCD", "pt"), a Dutch huisarts ("HA", "i.v.m.", "laatste Na"), a Spanish urgencias doctor
    # ("pcte", "AP", "NAMC"), a Norwegian legevakt doctor ("pas.", "kreatinin"), a Japanese internist ("naika",
    # "kiōreki"), a Brazilian doctor ("pcte masc.", "prontuário") and an embassy health unit doctor in Nairobi
    # (7 clinician); over sodium (latest), systolic and globulin (highest), creatinine (lowest), HbA1c since
    # 2016 and weight 2012-2019 (trend) Observations, Conditions (active list, hyperlipidaemia onset),
    # MedicationRequests (first simvastatin), Immunizations (latest flu, list), Procedures (all procedures,
    # list), Encounters (emergency visit count, first visit), CarePlans (respiratory therapy end date), the
    # Device (list), the ImagingStudy (list), demographics (race), and two absent items (allergies as a list,
    # a yellow fever vaccine); extremes checked unique in the JSON (and not tied once rounded), latest values
    # and trend ends on dates with a single result
    (A, LAY, "Habari. I am writing from Dar es Salaam. Babu has come to stay with us for a few months and the "
             "heart doctor here asks what device he has inside his chest, the one they put in in America. What "
             "does his record say? Asante sana.",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, LAY, "Bibi remembers they took a picture of his bone when he broke his collarbone. What scans or x-rays "
             "are there in Babu's record?", {"shape": "list", "type": "ImagingStudy", "names": ["Clavicle",
                                                                                        "2016-05-21"]}),
    (C, LAY, "Mhoroi. Sekuru is with us in Harare until after Christmas and the sister at the clinic wants to see "
             "how his sugar has been going. His HbA1c since 2016, has it been going up or coming down? Ndatenda.",
     {"shape": "trend", "obs": "4548-4", "window": ("2016-01-01", "9999")}),
    (C, LAY, "Ambuya is asking when Sekuru last had the flu injection. Which date was it?",
     {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "Chumreap suor. Lok Ta is visiting us in Phnom Penh and the doctor here says his blood pressure is "
             "high. What was the highest top number they ever wrote down for him, and on which day? Lok Yeay is "
             "asking. Arkun chraen.", {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (C, LAY, "Ia ora na. Papa is staying with us in Papeete and the pharmacist here wants to know when he first "
             "started the cholesterol tablet, the simvastatin. What date was the first prescription? Māuruuru roa.",
     {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "Zdravo. Dedo is coming to us in Ohrid for the summer and baba wants to take a list of his "
             "vaccinations to the doctor here. Which vaccines has he had? Blagodaram.",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (C, LAY, "Osiyo. Edudu had breathing treatments after his chest infections a few years back, Elisi says it was "
             "a whole care plan with the therapist. When did the last one of those end? Wado.",
     {"shape": "date_of", "type": "CarePlan", "codes": ["53950000"], "end": True}),
    (A, LAY, "Ai. Ataatatsiaq is flying up to Iqaluit to live with us, and the health centre is starting his file "
             "from scratch. What race does his record from down south have for him? Anaanatsiaq told me to ask. "
             "Qujannamiik.", {"shape": "demographic", "field": "race"}),
    (C, LAY, "I'm a tailor, I measure twice and cut once. My weight from 2012 to 2019, where did it start and "
             "where did it finish?", {"shape": "trend", "obs": "29463-7", "window": ("2012-01-01", "2019-12-31")}),
    (A, LAY, "I haul lobster pots out of the harbour, not one for doctors. How many times have I ended up in the "
             "emergency room, all told?", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, LAY, "Stage manager here, I always want to know when the curtain first went up. What's the date of the very "
             "first visit in my record?", {"shape": "first", "type": "Encounter"}),
    (C, LAY, "I'm a sound engineer, I watch for where the levels peak. My globulin: when did it peak, and how high "
             "did it go?", {"shape": "highest", "obs": "10834-0"}),
    (C, CL, "Cher confrère, je vois ce pt de 73 ans de passage à Lyon. ATCD actifs (active problems) in his "
            "American record? Merci confraternellement.",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (A, CL, "HA in Utrecht, pt 73 jr visiting his family, duizelig i.v.m. the heat. Laatste Na (last sodium) on "
            "file?", {"shape": "latest", "obs": "2947-0"}),
    (C, CL, "Urgencias, Madrid. Pcte varón 73a, turista americano. AP: ¿alergias medicamentosas? NAMC or is "
            "anything recorded?", {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (A, CL, "Legevakt Tromsø, pas. 73 år, American cruise passenger vomiting since yesterday. Lowest kreatinin on "
            "his record, with date?", {"shape": "lowest", "obs": "38483-4"}),
    (C, CL, "Naika clinic, Osaka. Pt 73M, tourist. Kiōreki (past history): hyperlipidemia - date of diagnosis?",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (A, CL, "Pcte masc., 73a, consulta em São Paulo. Quais procedimentos constam no prontuário? Which procedures "
            "are on his record?",
     {"shape": "list", "type": "Procedure",
      "names": ["Colonoscopy", "Fecal occult blood test", "Rectal polypectomy", "Medication Reconciliation",
                "Clavicle X-ray", "Admission to orthopedic department", "Bone density scan"]}),
    (C, CL, "Embassy health unit, Nairobi. 73M US citizen planning a trip upcountry to the parks. Any yellow fever "
            "vaccine on record?", {"shape": "ever", "absent": True}),
    # --- batch 102 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (10: a GP, a practice nurse and a community pharmacist asking
    # short practical questions, patients on a portal asking about their own record in ordinary words) and
    # half in voices new to the file (10): an Oromo son in Adama ("Akkam", "Abbaa", "galatoomi"), a Luganda
    # grandson in Kampala ("Oli otya", "Jjajja", "webale nnyo"), a Malagasy granddaughter ("Manao ahoana",
    # "Dadabe", "misaotra betsaka"), a son in Port Vila writing Bislama ("papa blong mi", "wanem dei",
    # "tangkyu tumas"), a Lingala son in Kinshasa ("Mbote", "Tata", "matondo"), a family historian ("the
    # original record"), a bookbinder ("I collate everything"), a volcanologist ("the biggest eruption on
    # record"), a rodeo arena medic and a circus company medic (clinician); 7 clinician, 13 lay; over systolic,
    # haemoglobin and platelets (latest), HbA1c and LDL (first), glucose (lowest), total cholesterol, chloride
    # and urea (highest), LDL (trend) Observations, Conditions (fracture ever, rotator cuff injury resolution
    # date), MedicationRequests (simvastatin order count), Immunizations (PPV23 date), Procedures (latest
    # colonoscopy), Encounters (emergency admission date), DiagnosticReports (latest blood count, metabolic
    # panel count), demographics (city, birth place); extremes checked unique in the JSON (and not tied once
    # rounded), latest and first values on dates with a single result
    (A, CL, "When did he last have a colonoscopy done?",
     {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "What was his systolic at the last check?", {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "How many simvastatin scripts has he had?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, CL, "What date did he have the 23-valent pneumonia jab?",
     {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (C, CL, "What was his first LDL?", {"shape": "first", "obs": "18262-6"}),
    (A, LAY, "When did I last have a full blood count done?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, LAY, "What's the lowest my blood sugar has been?", {"shape": "lowest", "obs": "2339-0"}),
    (A, LAY, "Have I ever broken a bone?", {"shape": "ever", "type": "Condition", "codes": ["58150001"]}),
    (C, LAY, "Which town have you got down as my address?", {"shape": "demographic", "field": "city"}),
    (A, LAY, "What's the highest my cholesterol has been?", {"shape": "highest", "obs": "2093-3"}),
    (C, LAY, "Akkam. Abbaa is visiting us in Adama and the doctor asks about his sugar from the beginning. What "
             "was his very first HbA1c, and when? Galatoomi.", {"shape": "first", "obs": "4548-4"}),
    (A, LAY, "Oli otya. Jjajja is with us in Kampala and the doctor wants to know about his bad cholesterol, the "
             "LDL. From the first test to the last, has it gone up or down? Webale nnyo.",
     {"shape": "trend", "obs": "18262-6"}),
    (C, LAY, "Manao ahoana. Dadabe hurt a tendon in his shoulder some years ago. On what date was it written down "
             "as healed? Misaotra betsaka.",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (A, LAY, "Halo. Papa blong mi is in Port Vila with us now. He broke his collarbone one time in America and "
             "went to the emergency. Wanem dei, what day was he admitted? Tangkyu tumas.",
     {"shape": "date_of", "type": "Encounter", "codes": ["50849002"]}),
    (C, LAY, "Mbote. Tata is with us in Kinshasa and the doctor is asking about his salts. What was the highest "
             "chloride he ever had, and on which date? Matondo.", {"shape": "highest", "obs": "2069-3"}),
    (A, LAY, "I do family history, so I like things from the original record. Where does my file say I was born?",
     {"shape": "demographic", "field": "birthPlace"}),
    (C, LAY, "Bookbinder, I collate everything. How many comprehensive metabolic panels have I had done?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, LAY, "I study volcanoes, I always want the biggest eruption on record. My urea nitrogen: highest value, and "
             "when?", {"shape": "highest", "obs": "6299-2"}),
    (A, CL, "Rodeo arena medic, 73M spectator fainted in the heat behind the chutes. Latest Hb on his record?",
     {"shape": "latest", "obs": "718-7"}),
    (C, CL, "Company medic at the circus winter quarters. 73M retired rigger, bruising easily: most recent "
            "platelet count on file?", {"shape": "latest", "obs": "777-3"}),
    # --- batch 103 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file: a Chichewa daughter in Lilongwe ("Moni", "Agogo",
    # "zikomo kwambiri"), a Kinyarwanda son in Kigali ("Muraho", "Sogokuru", "murakoze cyane"), a Setswana
    # granddaughter in Gaborone ("Dumela", "Rremogolo", "ke a leboga"), a Malayalam grandson in Kochi
    # ("Namaskaram", "Appooppan", "Ammoomma", "valare nanni"), an Aymara granddaughter in La Paz ("Kamisaki",
    # "achachila", "yuspajara"), a Romansh grandson in Chur ("Allegra", "Tat", "grazia fitg"), a Palauan
    # daughter in Koror ("Alii", "mesulang"), a Bemba son in Lusaka ("Muli shani", "Bashikulu", "natotela"), a
    # church bell ringer ("rounds"), a watchmaker ("every tick"), a retired jockey ("took more falls"), a tea taster
    # and a stonemason (13 lay), and clinicians in other countries' shorthand: an Austrian Allgemeinmedizinerin
    # in Vienna ("Ordination", "Pat.", "St.p.", "Krea"), an Italian MMG in Bologna ("pz", "aa", "allergie a
    # farmaci"), a Mexican médico familiar in Guadalajara ("pcte masc.", "glucosa sérica"), an Argentine guardia
    # doctor in Buenos Aires ("pac.", "vereda"), a Serbian internist in Belgrade ("Interna", "pac.", "god.",
    # "HLP"), a Portuguese médico de família in Porto ("USF", "doente", "antecedentes") and a GP in Shiraz (7
    # clinician); over potassium (first), systolic and sodium (lowest), pain score (highest), creatinine and glucose
    # (latest), HbA1c 2013-2019 (trend) Observations, Conditions (fracture ever), MedicationRequests (all
    # medicines, list), Immunizations (flu count), Procedures (first colonoscopy), Encounters (lipid follow-up
    # count), CarePlans (active list, fracture care end date), the Device (list), the ImagingStudy (ever),
    # demographics (ethnicity), allergies (absent, as a list), and with the new people spec kind below the Goals
    # (list) and the clinician of the urgent care visit (Practitioner); extremes checked unique in the JSON (and
    # not tied once rounded), latest and first values and the trend ends on dates with a single result
    (C, LAY, "Moni. Agogo is staying with us in Lilongwe through the rains and the nurse at the health centre "
             "wants to know how many flu injections he had in America. Can you count them for me? Zikomo "
             "kwambiri.", {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "Muraho. Sogokuru has come to Kigali to live with us and the doctor at the hospital asks about the "
             "camera test of the bowel, the colonoscopy. When did he have the first one? Murakoze cyane.",
     {"shape": "first", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "Dumela. Rremogolo is visiting us in Gaborone and the sister at the clinic asks which care plans his "
             "doctors in America have him on. Which ones are still going? Ke a leboga.",
     {"shape": "list", "type": "CarePlan", "status": "active",
      "names": ["Diabetes self management plan", "Hyperlipidemia clinical management plan"]}),
    (A, LAY, "Namaskaram. Appooppan is spending the monsoon with us in Kochi and the doctor here wants to see how "
             "his sugar has moved. His HbA1c from 2013 up to the last one, where did it start and where did it "
             "end? Ammoomma asked me to write. Valare nanni.",
     {"shape": "trend", "obs": "4548-4", "window": ("2013-01-01", "2019-12-31")}),
    (A, LAY, "Kamisaki. My achachila has come up to La Paz to stay with us and the doctor wants to know if they "
             "ever took an x-ray or a scan picture of him over there. Is there one, and when was it? Yuspajara.",
     {"shape": "ever", "type": "ImagingStudy"}),
    (C, LAY, "Allegra. Tat is with us in Chur for the winter and the hospital form here asks for his ethnicity as "
             "his American record has it. What does it say? Grazia fitg.",
     {"shape": "demographic", "field": "ethnicity"}),
    (A, LAY, "Alii. Papa is with us in Koror now and he goes dizzy when he stands up in the heat. What is the "
             "lowest top number of his blood pressure in his record, and what day was that? Mesulang.",
     {"shape": "lowest", "obs": "55284-4", "comp": "8480-6"}),
    (C, LAY, "Muli shani. Bashikulu has come to us in Lusaka and the pharmacist asks which medicines the doctors "
             "in America have ever given him, the old ones too. What are they? Natotela.",
     {"shape": "list", "type": "MedicationRequest", "names": ["Acetaminophen", "Simvistatin"]}),
    (C, LAY, "I ring the church bells on a Sunday so I count everything in rounds. How many follow-up "
             "appointments for my cholesterol have I had, all told?",
     {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, LAY, "I mend watches, every tick counts from the very first one. What was my first potassium result, and "
             "on what date?", {"shape": "first", "obs": "6298-4"}),
    (C, LAY, "Rode as a jockey for thirty years, took more falls than I can remember. What's the worst pain score "
             "I've given at the doctor's, and when was that?", {"shape": "highest", "obs": "72514-3"}),
    (A, LAY, "I taste tea for a living and sugar never goes near my cup, but the doctor says I have targets to "
             "meet. What goals have they set down for me in my record?",
     {"shape": "list", "type": "Goal",
      "names": ["Hemoglobin A1c total in Blood < 7.0", "Glucose [Mass/volume] in Blood < 108",
                "Maintain blood pressure below 140/90 mmHg", "Improve and maintenance of optimal foot health",
                "Address patient knowledge deficit on diabetic self-care"]}),
    (A, LAY, "Stonemason, came off the scaffold and broke my collarbone. On what date did the fracture care plan "
             "finish?", {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"], "end": True}),
    (A, CL, "Ordination Wien, Pat. 73a, US-Tourist, St.p. Claviculafraktur. Letztes Krea (last creatinine) on "
            "file?", {"shape": "latest", "obs": "38483-4"}),
    (C, CL, "MMG, Bologna. Pz 73 aa, turista americano, needs antibiotics. Allergie a farmaci (drug allergies) "
            "recorded?", {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, CL, "Consulta externa, Guadalajara. Pcte masc. 73a, de visita. Última glucosa sérica (last glucose) on "
            "his record?", {"shape": "latest", "obs": "2339-0"}),
    (A, CL, "Guardia, Buenos Aires. Pac. 73a, turista, síncope en la vereda. ¿Dispositivo implantado? Any implanted "
            "device on his record?", {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, CL, "Interna, Beograd. Pac. 73 god., HLP on a statin, now hyponatraemic here. Lowest Na on his record, "
            "with the date?", {"shape": "lowest", "obs": "2947-0"}),
    (A, CL, "USF Porto, doente de 73 anos, turista. Antecedentes de fratura? Any fracture in his record, and "
            "when?", {"shape": "ever", "type": "Condition", "codes": ["58150001"]}),
    (C, CL, "GP clinic, Shiraz. Pt 73M visiting his daughter, she says he once went to a walk-in urgent care "
            "back home. Name of the doctor who saw him there?",
     {"shape": "latest", "type": "Practitioner", "enc": ["702927004"]}),
    # --- batch 104 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (10: a GP, a practice nurse and a community pharmacist asking
    # short practical questions, patients on a portal asking about their own record in ordinary words) and
    # half in voices new to the file (10): a Niuean son in Alofi ("Fakaalofa lahi atu", "matua tane",
    # "fakaaue lahi"), a Chuukese daughter in Weno ("Ran annim", "kinisou chapur"), a Pohnpeian grandson in
    # Kolonia ("Kaselehlie", "kalahngan"), a Corsican granddaughter in Ajaccio ("Bonghjornu", "missiavu", "vi
    # ringraziu"), a luthier ("in tune"), a croupier ("where the ball lands"), a sushi chef ("knife slipped"), a
    # snooker referee ("every break"), a Chilean CESFAM doctor in Valparaíso ("pcte", "GPT") and a Peruvian
    # policlínico doctor in Arequipa ("pcte", "Hto") (clinician); 7 clinician, 13 lay; over HDL, weight, BMI,
    # ALT and haematocrit (latest), AST (highest), sodium 2014-2018 (trend) Observations, Conditions
    # (prediabetes and cardiac arrest ever, sinusitis count), MedicationRequests (latest simvastatin),
    # Immunizations (latest Td, first flu), Procedures (latest medication review), DiagnosticReports (basic
    # metabolic panel and blood count counts), demographics (birth date), one absent item (a colonoscopy in
    # the record without one), and with the new people spec kind below the active care teams (CareTeam) and the
    # hospital of the emergency admission (Organization); extremes checked unique in the JSON (and not tied
    # once rounded), latest values and the trend ends on dates with a single result
    (C, CL, "Who's on his care team at the moment?", {"shape": "list", "type": "CareTeam", "status": "active"}),
    (A, CL, "Which hospital did he go to when he broke his collarbone?",
     {"shape": "latest", "type": "Organization", "enc": ["50849002"]}),
    (C, CL, "When was his simvastatin last prescribed?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, CL, "When did he last have a medication review?",
     {"shape": "latest", "type": "Procedure", "codes": ["430193006"]}),
    (C, CL, "What's his latest HDL?", {"shape": "latest", "obs": "2085-9"}),
    (A, LAY, "Have I got prediabetes on my record?", {"shape": "ever", "type": "Condition", "codes": ["15777000"]}),
    (C, LAY, "What did I weigh the last time I was weighed?", {"shape": "latest", "obs": "29463-7"}),
    (A, LAY, "Does my record say I've had a cardiac arrest?",
     {"shape": "ever", "type": "Condition", "codes": ["410429000"]}),
    (C, LAY, "Have I ever had a colonoscopy?", {"shape": "ever", "absent": True}),
    (A, LAY, "How many times have I had the basic metabolic panel blood test?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (A, LAY, "Fakaalofa lahi atu. My matua tane is with us in Alofi and the nurse at the hospital wants his BMI "
             "from his last check in America. What was it? Fakaaue lahi.", {"shape": "latest", "obs": "39156-5"}),
    (C, LAY, "Ran annim. My father is staying with us in Weno and the doctor is asking about his liver. What was "
             "the highest AST he ever had, and on what date? Kinisou chapur.", {"shape": "highest", "obs": "1920-8"}),
    (A, LAY, "Kaselehlie. Grandpa is staying with us in Kolonia and keeps getting blocked sinuses in the rainy "
             "season. How many times has he had sinusitis in his record? Kalahngan.",
     {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (C, LAY, "Bonghjornu. Missiavu is spending the summer with us in Ajaccio and the médecin asks when he had his "
             "very first flu vaccine in the record. Which date? Vi ringraziu.",
     {"shape": "first", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "I build violins, so I like things in tune. My sodium from 2014 to 2018, did it go up or down, from "
             "what to what?", {"shape": "trend", "obs": "2947-0", "window": ("2014-01-01", "2018-12-31")}),
    (C, LAY, "Croupier, I always know where the ball lands. What date of birth has my record got for me?",
     {"shape": "demographic", "field": "birthDate"}),
    (A, LAY, "Sushi chef, the knife slipped again last night. When was my last tetanus jab?",
     {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "Snooker referee, I keep count of every break. How many full blood counts have I had done?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, CL, "CESFAM Valparaíso. Pcte 73a, turista, dolor abdominal. Última GPT (ALT) registrada?",
     {"shape": "latest", "obs": "1742-6"}),
    (A, CL, "Policlínico, Arequipa. Pcte 73a, turista, mareado por la altura. Hto (haematocrit) más reciente?",
     {"shape": "latest", "obs": "4544-3"}),
    # --- batch 105 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; ordinary people and clinicians of English-speaking countries, every voice new to the file
    # (several of the usual examples, Geordie, Jamaican, Singlish, Appalachian, Texan, Irish, voice-to-text and
    # all-lowercase, were already in it and were not reused): a Nottingham son ("ay up me duck", "stopping
    # with us", "mardy"), a Utah daughter-in-law ("oh my heck", "flip"), a Baltimore wife ("hon", "my Earl",
    # "down the ocean"), a Philadelphia son ("my pop", "down the shore", "jawn", "youse"), a Belizean son in
    # Kriol ("gud mawnin", "mi pa", "di", "dem", "tanks"), a Saskatchewan farm wife at seeding ("between
    # hauls", "eh"), a Pittsburgh son typing in lower case with no punctuation ("n'at", "dahntahn", "yinz"), a
    # Dundonian granddaughter ("bidin", "noo", "jag", "eh"), a Chicago daughter texting ("my pops", "w/", "&",
    # "thx"), a Vincentian grandson ("mi granfadda", "by we", "de", "wha date dat was"), a Liberian son ("my
    # people", "my pa", "thank you oh"), a Cape Breton daughter ("dear", "some good of you") and an Essex
    # daughter ("omg", "literally", "proper", "babe", "!!") (13 lay), and clinicians: a Cape Town community
    # health centre doctor ("Sister", "just now", "GSH"), a community pharmacist in Ontario ("sorry to bug
    # you", "snowbird", "charted"), an Irish practice nurse in Limerick ("at the minute", "thanks a million"),
    # a hurried ED registrar at Royal Darwin ("ED reg", "resus 3", "ta"), a GP in Kingston, Jamaica ("him
    # lose weight"), a GP in St Helier, Jersey ("visiting yachtsman") and a Singapore polyclinic doctor ("TCU",
    # "can check") (7 clinician); 7 clinician, 13 lay; over glucose (lowest), diastolic (highest), HDL (first),
    # weight since 2015 (trend) Observations, MedicationRequests (ibuprofen ever, active list), Immunizations
    # (flu count, latest Td), Procedures (colonoscopy count), Encounters (emergency visit count, urgent care
    # date), CarePlans (physiotherapy end date), the Device (list), the ImagingStudy (ever), demographics
    # (marital status), allergies (absent, as a list), and with the people spec kind the Goals (list), the
    # active care team (CareTeam), the clinician of the last cholesterol follow-up (Practitioner) and the
    # hospital of the last check-up, the one with his last colonoscopy (Organization); extremes checked unique
    # in the JSON (and not tied once rounded), the first value and the trend ends on dates with a single result
    (A, CL, "Mitchells Plain CHC, Cape Town. 80yo M, American visiting his daughter in Rondebosch, in with "
            "palpitations. Sister picked up a box under the skin of his chest wall. What device is on his US "
            "record? Will send him through to GSH just now if needed.",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, LAY, "Ay up me duck. Me dad's stopping with us in Bulwell and the doctor wants to know if he's ever had "
             "an x-ray or a scan done back in America. Has he, and when was it? He's mardy about it so I said "
             "I'd ask.", {"shape": "ever", "type": "ImagingStudy"}),
    (C, CL, "Community pharmacy, Guelph ON. Snowbird just back from Florida wants something for a chesty cough, "
            "sorry to bug you. Any drug allergies charted on his record before I dispense?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, LAY, "Oh my heck, my father-in-law is living with us in Provo now and his new doctor wants to know what "
             "health goals his doctors back East set for him. Can you list them for me? Flip, there's a lot of "
             "paperwork with moving.",
     {"shape": "list", "type": "Goal",
      "names": ["Hemoglobin A1c total in Blood < 7.0", "Glucose [Mass/volume] in Blood < 108",
                "Maintain blood pressure below 140/90 mmHg", "Improve and maintenance of optimal foot health",
                "Address patient knowledge deficit on diabetic self-care"]}),
    (A, CL, "Practice nurse in Limerick, doing a new patient registration for a visiting gent. Who's on his "
            "American care team at the minute, the active one? Thanks a million.",
     {"shape": "list", "type": "CareTeam", "status": "active"}),
    (C, LAY, "Hon, I'm getting my Earl's papers together for the new doctor here in Dundalk before we go down "
             "the ocean. He used to go back for those cholesterol follow-up visits every summer. Who was the "
             "doctor that saw him at the last one?",
     {"shape": "latest", "type": "Practitioner", "enc": ["390906007"]}),
    (A, LAY, "Yo, my pop needs another colonoscopy and the new GI guy down the shore wants to know where he had "
             "the last one done. What's the name of that hospital jawn? Youse would have it.",
     {"shape": "latest", "type": "Organization", "enc": ["185349003"]}),
    (A, LAY, "Gud mawnin. Mi pa di stay wid wi in Belize City now an di doctor ask if dem ever give him "
             "ibuprofen back in di States. Did dem, an wen dat was? Tanks.",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["310965"]}),
    (C, LAY, "We're out on the farm near Swift Current and it's seeding, so I'm doing this between hauls. The "
             "new doctor in town wants a list of what Dad is taking right now. What meds is he currently on? "
             "Thanks eh.",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (A, LAY, "my dad got his flu shot every year back home n'at and the pharmacy dahntahn wants to know how many "
             "hes had altogether can yinz count them for me",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Hiya. Grandad's bidin wi us in Dundee noo and he's cut his hand on a fence. When wis his last "
             "tetanus jag, eh? Ma mum's askin.",
     {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "My pops is movin in w/ us on the South Side & the GI doc asked how many colonoscopies he's had "
             "total. How many? thx", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "Mornin. Mi granfadda come down to Kingstown by we for de winter. De nurse ask when he did go to "
             "de urgent care place in America, de walk-in one. Wha date dat was? Tanks plenty.",
     {"shape": "date_of", "type": "Encounter", "codes": ["702927004"]}),
    (A, CL, "RDH ED reg, 80M in resus 3 off a cruise ship, wife says cardiac arrest years ago. Quick - how many "
            "ED presentations on his US record? ta", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (A, LAY, "Hello my people. My pa came to stay with us in Monrovia and the hospital form want to know if he "
             "married or not, according to his paper from America. What it say? Thank you oh.",
     {"shape": "demographic", "field": "marital"}),
    (C, LAY, "Dad's home with us in Glace Bay now. He did the physio for his shoulder years ago down in "
             "Massachusetts. When did that physiotherapy plan finish up, dear? Some good of you to look.",
     {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"], "end": True}),
    (A, LAY, "Omg my dad is literally so stubborn, he won't eat proper!! The nurse in Brentwood wants to know "
             "the lowest his blood glucose has ever been and when. Can you tell me babe?",
     {"shape": "lowest", "obs": "2339-0"}),
    (C, CL, "GP, Half Way Tree, Kingston. 80M visiting from the US, says him lose weight. Weight trend since "
            "2015 on his record - first and last values?",
     {"shape": "trend", "obs": "29463-7", "window": ("2015-01-01", "9999")}),
    (C, CL, "GP surgery, St Helier. Visiting yachtsman, 80M, headachy since he came ashore. Highest diastolic on "
            "his record and when?", {"shape": "highest", "obs": "55284-4", "comp": "8462-4"}),
    (C, CL, "Polyclinic doc here. Pt 80M visiting son in Tampines, HLD on statin, TCU for lipids. Can check his "
            "first HDL on record and the date?", {"shape": "first", "obs": "2085-9"}),
    # --- batch 106 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (10: a GP, a practice nurse and a community pharmacist asking
    # short practical questions, patients on a portal asking about their own record in ordinary words) and
    # half in voices new to the file (10): a Wisconsin daughter ("ope", "you guys", "up by"), a New Orleans
    # daughter ("where y'at", "dawlin'", "stayin' by us", "make groceries"), a Cameroonian son in Pidgin
    # ("ma papa", "dey stay", "for Douala", "di worry am", "tank you plenty"), a Solomon Islands grandson in
    # Pijin ("grandadi blong mi", "stap wetem mifala", "olketa dokta", "tanggio tumas"), a Tasmanian apple
    # grower ("down the Huon", "Tassie", "meself"), a blacksmith ("the forge"), a postie ("the first delivery
    # on a round"), a gamekeeper ("I count birds") (lay), an Alaskan community health aide ("CHA", "the hub",
    # "lower 48") and a coastguard winchman paramedic ("casualty", "winched") (clinician); 7 clinician, 13
    # lay; over potassium and diastolic (latest), triglycerides and calcium (highest), potassium and AST
    # (lowest), systolic since 2014 (trend), HbA1c (count) Observations, Conditions (anaemia ever),
    # MedicationRequests (paracetamol ever), Immunizations (latest flu, latest pneumococcal), Procedures (latest
    # colonoscopy, sputum test date), Encounters (first visit), CarePlans (active list), demographics (birth
    # place), and with the people spec kind the care team of the fracture (CareTeam, inactive), the clinician of
    # the last routine check-up (Practitioner) and the hospital of the first sinus visit (Organization);
    # extremes checked unique in the JSON (and not tied once rounded), latest values and the trend ends on dates
    # with a single result
    (A, CL, "When did he last have his flu jab?", {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (C, CL, "Has he ever been prescribed paracetamol?",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, CL, "When did he last have a pneumonia vaccine?",
     {"shape": "latest", "type": "Immunization", "codes": ["133", "33"]}),
    (C, CL, "Which doctor did his last routine check-up?",
     {"shape": "latest", "type": "Practitioner", "enc": ["162673000"]}),
    (C, CL, "What was his most recent potassium?", {"shape": "latest", "obs": "6298-4"}),
    (A, LAY, "What date was my most recent colonoscopy?",
     {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "What's listed as my place of birth?", {"shape": "demographic", "field": "birthPlace"}),
    (C, LAY, "What date did they test my sputum?", {"shape": "date_of", "type": "Procedure", "codes": ["269911007"]}),
    (A, LAY, "Which care plans am I on at the moment?",
     {"shape": "list", "type": "CarePlan", "status": "active", "names": ["Diabetes self management plan"]}),
    (C, LAY, "What's the highest my triglycerides have been, and when?", {"shape": "highest", "obs": "2571-8"}),
    (A, LAY, "Ope, sorry to bother you guys. My dad's moving in with us up by Eau Claire and the clinic wants to "
             "know the highest his calcium has ever been and what day that was. You're the best.",
     {"shape": "highest", "obs": "49765-1"}),
    (C, LAY, "Where y'at, dawlin'. My daddy's been stayin' by us in Chalmette since the summer and the doctor "
             "said his potassium was low. What's the lowest it ever been on his record, and when? I gotta go "
             "make groceries after.", {"shape": "lowest", "obs": "6298-4"}),
    (C, LAY, "Good morning. Ma papa dey stay with we for Douala now. Na which hospital he go the first time when "
             "sinus di worry am for America? Tank you plenty.",
     {"shape": "first", "type": "Organization", "enc": ["185345009"], "index": 0}),
    (C, LAY, "Halo. Grandadi blong mi hem stap wetem mifala long Honiara nao. Olketa dokta long hia askem hao "
             "moa taem olketa chekim HbA1c blong hem long America? Tanggio tumas.",
     {"shape": "count", "obs": "4548-4"}),
    (A, LAY, "Apple grower down the Huon, Tassie. Picking's done so I've finally got time for meself. Me top "
             "blood pressure number from 2014 on, where'd it start and where's it ended up?",
     {"shape": "trend", "obs": "55284-4", "comp": "8480-6", "window": ("2014-01-01", "9999")}),
    (A, LAY, "Blacksmith, I work the forge all day and broke my collarbone a few years back. Who was on the "
             "team that looked after me for that?", {"shape": "list", "type": "CareTeam", "status": "inactive"}),
    (A, LAY, "Postie for forty years, I always remember the first delivery on a round. When was the very first "
             "visit on my record?", {"shape": "first", "type": "Encounter"}),
    (C, LAY, "Gamekeeper on an estate, I count birds for a living so I like a number. What's the lowest my AST "
             "liver test has been, and on what date?", {"shape": "lowest", "obs": "1920-8"}),
    (A, CL, "CHA at the village clinic, Bethel region. Pt elder M, traveled in from the lower 48 to see family. "
            "Any hx of anemia? When was it dx'd? Will relay to the hub.",
     {"shape": "ever", "type": "Condition", "codes": ["271737000"]}),
    (C, CL, "Coastguard winchman paramedic, 80M casualty winched off a yacht, hypothermic. Last diastolic on his "
            "record for comparison?", {"shape": "latest", "obs": "55284-4", "comp": "8462-4"}),
    # --- batch 107 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; typical voices a benchmark or an independent checker would write, worded afresh: a US
    # hospitalist admitting a syncope ("pmhx"), a UK GP reviewing a statin ("f/u"), an Australian ED triage
    # nurse in Brisbane ("bloke"), an Indian medicine resident ("kindly", "pt", "posted for"), a community
    # pharmacist before dispensing, a clinical coder, a UK practice nurse at an annual review, a US cardiology
    # fellow ("cards", "LDL-C", "f/u"), a UK ward nurse on admission ("named GP") and a US nurse practitioner
    # ("hx") (10 clinician); a US son, a UK patient ("back passage"), an Australian son ("pretty sure", "me
    # dad"), an Indian son ("Papa", "kindly tell"), a patient asking about his own record in plain words, a
    # wife booking an interpreter, a Croydon daughter, a US patient, an Adelaide retiree ("me potassium") and
    # an Indian daughter ("whether", "the last time only") (10 lay); 10 clinician, 10 lay; over eGFR (latest,
    # lowest), diastolic and HbA1c (highest), systolic (first), LDL since 2015 and potassium since 2016 (trend)
    # Observations, Conditions (bronchitis ever), MedicationRequests (first simvastatin), Immunizations (PPV23
    # date), Procedures (polypectomy date), Encounters (check-up count), CarePlans (all, list), the Device
    # (list), the ImagingStudy (ever), demographics (language), allergies (absent, as a list), and with the
    # people spec kind the Goals (list), the active care team (CareTeam) and the clinician of the rotator cuff
    # visit (Practitioner); extremes checked unique in the JSON (and not tied once rounded), first values and
    # the trend ends on dates with a single result
    (A, CL, "Admitting a 73M with a syncopal episode tonight. Pmhx per his brother includes a cardiac arrest "
            "decades ago. Is there an implanted device documented anywhere?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, CL, "Seeing him for statin f/u. When was the simvastatin originally started?",
     {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, CL, "Triage nurse, ED Brisbane. Older bloke, pounding headache, BP up. What's the highest diastolic in "
            "his notes and when was it taken?", {"shape": "highest", "obs": "55284-4", "comp": "8462-4"}),
    (C, CL, "Kindly share the pt's most recent eGFR value. He is posted for contrast CT tomorrow.",
     {"shape": "latest", "obs": "33914-3"}),
    (A, CL, "Pharmacist here, about to dispense amoxicillin for him. Does the record list any drug allergies?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (A, CL, "Clinical coding query: how many check-up encounters does this patient have on file?",
     {"shape": "count", "type": "Encounter", "codes": ["185349003"]}),
    (C, CL, "Annual review with the practice nurse. On what date was his PPV23 (pneumococcal polysaccharide) "
            "given?", {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (C, CL, "Cards fellow, lipid clinic f/u. LDL-C trajectory from 2015 onwards please, first and last values.",
     {"shape": "trend", "obs": "18262-6", "window": ("2015-01-01", "9999")}),
    (A, CL, "Ward nurse doing the admission paperwork. Who is his named GP and who else is on his current care "
            "team?", {"shape": "list", "type": "CareTeam", "status": "active"}),
    (C, CL, "NP in clinic, hx of shoulder tendon injury in 2013. Which provider saw him at that visit?",
     {"shape": "latest", "type": "Practitioner", "enc": ["185347001"]}),
    (C, LAY, "My dad's kidney doctor keeps talking about his eGFR. What's the lowest it's ever been, and when "
             "was that?", {"shape": "lowest", "obs": "33914-3"}),
    (A, LAY, "The hospital took a polyp out of my back passage years ago and I can't remember when. What date "
             "was that done?", {"shape": "date_of", "type": "Procedure", "codes": ["274031008"]}),
    (A, LAY, "Mum's pretty sure me dad had an x-ray or some kind of scan when he came off his bike. Is there one "
             "in his record, and what date?", {"shape": "ever", "type": "ImagingStudy"}),
    (C, LAY, "Kindly tell me the highest HbA1c Papa has had and on which date. The diabetologist is asking.",
     {"shape": "highest", "obs": "4548-4"}),
    (A, LAY, "Can you list every care plan I've been put on, including any that have finished?",
     {"shape": "list", "type": "CarePlan",
      "names": ["Diabetes self management plan", "Fracture care"]}),
    (C, LAY, "My husband's new doctor wants to book an interpreter if needed. What language does his record say "
             "he speaks?", {"shape": "demographic", "field": "language"}),
    (C, LAY, "Dad's moved in with us in Croydon and the GP asked what health targets his old doctors set for "
             "him. What are they?",
     {"shape": "list", "type": "Goal",
      "names": ["Hemoglobin A1c total in Blood < 7.0", "Glucose [Mass/volume] in Blood < 108",
                "Maintain blood pressure below 140/90 mmHg", "Improve and maintenance of optimal foot health",
                "Address patient knowledge deficit on diabetic self-care"]}),
    (C, LAY, "What was the top number of my blood pressure the very first time it was taken, and on what "
             "date?", {"shape": "first", "obs": "55284-4", "comp": "8480-6"}),
    (A, LAY, "Retired in Adelaide and trying to keep an eye on things. How's me potassium gone since 2016, "
             "first reading to the last?", {"shape": "trend", "obs": "6298-4", "window": ("2016-01-01", "9999")}),
    (C, LAY, "Whether my father had bronchitis ever? If yes, when was the last time only.",
     {"shape": "ever", "type": "Condition", "codes": ["10509002"]}),
    # --- batch 108 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; voices new to the file: a Greenlandic son in Nuuk ("Aluu", "ataata", "qujanaq"), a
    # Sardinian daughter in Cagliari ("Salude", "babbu", "gratzias meda"), a Tuvaluan grandson in Funafuti
    # ("Talofa", "tupuna", "fakafetai lasi"), a Yapese daughter in Colonia ("Mogethin", "kammagar"), a Rapa Nui
    # granddaughter in Hanga Roa ("Iorana", "koro", "maururu"), a Sorbian son in Bautzen ("Dobry dźeń", "dźěd",
    # "dźakuju so"), a Tetum son in Dili ("Botarde", "avó-mane", "obrigadu barak"), a Dhivehi daughter in Malé
    # ("Assalaamu alaikum", "bappa", "shukuriyyaa"), a Seychellois grandson in Victoria ("Bonzour",
    # "granpapa", "mersi bokou"), a cartographer ("every contour"), a fishmonger ("on the scales"), a cobbler
    # ("resoled") and a trawlerman ("out on the boat") (13 lay), and clinicians: a Kenyan clinical officer in
    # Kisumu ("CO", "pt", "hx"), a Nigerian house officer in Ibadan ("HO", "PMH", "abeg"), a Greek GP in
    # Thessaloniki ("Κέντρο Υγείας", "asthenis"), a Turkish aile hekimi in Bursa ("hasta", "ASM"), an
    # Indonesian puskesmas doctor in Surabaya ("Bapak", "pasien"), a Czech praktický lékař in Brno ("pac.",
    # "OA") and a Moldovan medic de familie in Chișinău ("pacientul", "CMF") (7 clinician); 7 clinician, 13
    # lay; over HbA1c, LDL (latest), total cholesterol and urea (highest), calcium (lowest), weight (first), BMI
    # since 2016 (trend) Observations, Conditions (colon polyp ever, active list, rotator cuff end date),
    # MedicationRequests (simvastatin count), Immunizations (pneumococcal count, latest Td), Procedures (bone
    # density scan date), DiagnosticReports (lipid panel count), demographics (city), one absent item (a
    # stroke in a record without one), and with the people spec kind the inactive care teams (CareTeam), the
    # clinician of the emergency admission (Practitioner) and the place of the last cholesterol follow-up
    # (Organization); extremes checked unique in the JSON (and not tied once rounded), latest and first values
    # and the trend ends on dates with a single result
    (A, LAY, "Aluu. Ataata has come to stay with us in Nuuk and the nurse at Dronning Ingrids Hospital asks how "
             "many pneumonia vaccines he got in America. How many? Qujanaq.",
     {"shape": "count", "type": "Immunization", "codes": ["133", "33"]}),
    (C, LAY, "Salude. Babbu is spending the summer with us in Cagliari and the medico asks about his cholesterol. "
             "What is the highest total cholesterol in his record, and what day? Gratzias meda.",
     {"shape": "highest", "obs": "2093-3"}),
    (A, LAY, "Talofa. My tupuna is with us in Funafuti now. He broke his collarbone in America and went to the "
             "emergency room. What was the name of the doctor who saw him there? Fakafetai lasi.",
     {"shape": "latest", "type": "Practitioner", "enc": ["50849002"]}),
    (C, LAY, "Mogethin. My father is staying with us in Colonia and gets cramps in his legs at night. The "
             "dispensary nurse asks what was the lowest calcium in his record from America, and when? Kammagar.",
     {"shape": "lowest", "obs": "49765-1"}),
    (A, LAY, "Iorana. My koro has come home to Hanga Roa and cut his foot on the rocks. When did he last have "
             "the tetanus vaccine? Maururu.", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "Dobry dźeń. Dźěd lives with us in Bautzen now and the Hausarzt asks which doctors and hospital "
             "looked after him in the past, the care teams that are finished. Who were they? Dźakuju so.",
     {"shape": "list", "type": "CareTeam", "status": "inactive"}),
    (A, LAY, "Botarde. My avó-mane is with us in Dili and the clinic form asks for the town where he lived in "
             "America. What town does his record say? Obrigadu barak.", {"shape": "demographic", "field": "city"}),
    (C, LAY, "Assalaamu alaikum. My bappa is staying with us in Malé. The doctor wants to know how his BMI has "
             "changed since 2016, the first number and the last number please. Shukuriyyaa.",
     {"shape": "trend", "obs": "39156-5", "window": ("2016-01-01", "9999")}),
    (A, LAY, "Bonzour. Granpapa is living with us in Victoria now and the doctor asks how many times they did "
             "the cholesterol blood panel on him in America. How many? Mersi bokou.",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "I draw maps for a living and I note every contour. On what date did I have my bone density scan?",
     {"shape": "date_of", "type": "Procedure", "codes": ["312681000"]}),
    (C, LAY, "Fishmonger, I put things on the scales all day. What was the very first weight on my record, and "
             "the date?", {"shape": "first", "obs": "29463-7"}),
    (C, LAY, "I'm a cobbler, I've resoled the same boots for years. How many times has my simvastatin been "
             "prescribed, counting the old ones?", {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "Trawlerman, out on the boat for weeks at a time. My mate had a stroke at sea. Have I ever had a "
             "stroke?", {"shape": "ever", "absent": True}),
    (A, CL, "CO, Kisumu county hospital. Pt elderly M, visiting from the US, c/o rectal bleeding. Any hx of "
            "colon polyps on his record, and when?", {"shape": "ever", "type": "Condition", "codes": ["68496003"]}),
    (C, CL, "HO, UCH Ibadan. Elderly M visiting family, PMH prediabetes. Abeg, most recent HbA1c on his record?",
     {"shape": "latest", "obs": "4548-4"}),
    (A, CL, "Κέντρο Υγείας, Thessaloniki. Asthenis 73M, tourist, chest discomfort. His last LDL on file?",
     {"shape": "latest", "obs": "18262-6"}),
    (C, CL, "ASM Bursa, aile hekimi. Hasta 73 yaş, US visitor on a statin. Which practice or hospital "
            "saw him at his last cholesterol follow-up?", {"shape": "latest", "type": "Organization", "enc": ["390906007"]}),
    (C, CL, "Puskesmas Surabaya. Bapak 73 th, pasien from USA visiting his son. Which diagnoses are still "
            "active on his record?",
     {"shape": "list", "type": "Condition", "status": "active", "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (A, CL, "Praktický lékař, Brno. Pac. 73 let, turista, OA: cardiac arrest. Highest urea (BUN) on record, with "
            "the date?", {"shape": "highest", "obs": "6299-2"}),
    (C, CL, "CMF Chișinău, medic de familie. Pacientul 73 ani, from the US, shoulder pain again. When did his "
            "rotator cuff injury resolve?", {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    # --- batch 109 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file: a Sakha grandson in Yakutsk ("Dorooboloruy",
    # "ehee", "ulakhan bahyyba"), an Okinawan granddaughter in Naha ("Haisai", "ojii", "nifee deebiru"), a
    # Tamazight daughter in Agadir ("Azul", "baba", "tanmmirt"), a Kyrgyz grandson in Bishkek ("Salamatsyzby",
    # "chong ata", "chong rakhmat"), a Tatar granddaughter in Kazan ("Isänmesez", "babay", "zur rähmät"), a
    # Low German son in Flensburg ("Moin", "mien Vadder", "veelen Dank"), a voice-assistant transcript with
    # mis-heard words ("okay computer", "chlor ride"), a long rambling message with the question buried in the
    # middle (a woman whose brother-in-law is staying: the runner beans, a wedding), a very terse text, a
    # hot-air balloon pilot ("what goes up"), a chimney sweep ("soot"), a tower crane operator ("signed off")
    # and a dog groomer ("first clip") (13 lay), and clinicians abroad with their own shorthand: a Finnish
    # terveyskeskus doctor in Oulu ("TK", "pot.", "P-Bil"), a Polish POZ doctor in Kraków ("pac.", "l.", "RR
    # rozkurczowe"), a Swedish vårdcentral doctor in Umeå ("VC", "pat.", "tidigare sjukdomar"), a Thai OPD
    # doctor in Chiang Mai ("U/D", "DLP", "F/U"), a Pakistani medical officer in Lahore ("k/c/o", "c/o"), a
    # Vietnamese family doctor in Hanoi ("BN", "TS") and a Danish praktiserende læge in Aarhus ("PL", "tidl.",
    # "ery") (7 clinician); 7 clinician, 13 lay; over bilirubin, red cells and smoking status (latest), total
    # protein (first), alkaline phosphatase and carbon dioxide (highest), chloride and diastolic (lowest), total
    # cholesterol 2015-2019 (trend) Observations, Conditions (resolved list, last sinusitis date, anaemia
    # diagnosis date), MedicationRequests (paracetamol count), Procedures (medication review count, clavicle
    # x-ray ever), Encounters (last lipid follow-up), CarePlans (finished plans, list), one absent item (a
    # melanoma), and with the people spec kind the place of the urgent care visit (Organization) and the
    # clinician of the last general examination (Practitioner); extremes checked unique in the JSON (and not
    # tied once rounded), latest and first values and the trend ends on dates with a single result
    (C, LAY, "Dorooboloruy. My ehee has come to live with us in Yakutsk and the polyclinic wants the name of the "
             "walk-in urgent care place he went to once in America. What was it called? Ulakhan bahyyba.",
     {"shape": "latest", "type": "Organization", "enc": ["702927004"]}),
    (C, LAY, "Haisai. Ojii is staying with us in Naha and the doctor at the clinic asks about his cholesterol "
             "between 2015 and 2019. The total one, what was it at the start and what at the end? Nifee deebiru.",
     {"shape": "trend", "obs": "2093-3", "window": ("2015-01-01", "2019-12-31")}),
    (C, LAY, "Azul. Baba is with us in Agadir for the winter and the doctor here looked at his liver. The "
             "alkaline phosphatase, what was the highest one in his papers from America, and which day? Tanmmirt.",
     {"shape": "highest", "obs": "6768-6"}),
    (A, LAY, "Salamatsyzby. Chong ata lives with us in Bishkek now and he has the blocked nose again. The doctor "
             "asks when was the last time he had the sinus infection over there, the date please. Chong rakhmat.",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"]}),
    (C, LAY, "Isänmesez. Babay is staying with us in Kazan and he has a dark mole on his back. Grandmother says "
             "they cut a melanoma off him years ago in America. Is that in his record? Zur rähmät.",
     {"shape": "ever", "absent": True}),
    (A, LAY, "Moin. Mien Vadder lives with us in Flensburg now and the Hausärztin wants to know how many times "
             "his doctors in America went through all his tablets with him, the medication check. How often was "
             "that? Veelen Dank.", {"shape": "count", "type": "Procedure", "codes": ["430193006"]}),
    (A, LAY, "okay computer open my health record what was the lowest my chlor ride no chloride blood salt was and "
             "what day was that",
     {"shape": "lowest", "obs": "2069-3"}),
    (C, LAY, "Well it's been a week here, the runner beans have finally come up and our Sharon's wedding is "
             "booked for June, and my brother-in-law has been staying since his hip played up, lovely man but he "
             "never knows his own business. Anyway the chemist in the village was asking me how many times he's "
             "been prescribed the Tylenol, the acetaminophen, over in the States - would you know how many? He "
             "doesn't. Then I had to run him to the optician and back and by then the beans wanted watering again.",
     {"shape": "count", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, LAY, "dad. collarbone xray - ever? date", {"shape": "ever", "type": "Procedure", "codes": ["168594001"]}),
    (A, LAY, "I fly hot-air balloons, and what goes up must come down. The carbon dioxide on my blood tests - "
             "when was it at its highest, and what was the number?", {"shape": "highest", "obs": "20565-8"}),
    (A, LAY, "Chimney sweep, forty years of soot up my nose. Has my doctor got me down as a smoker or not?",
     {"shape": "latest", "obs": "72166-2"}),
    (C, LAY, "I drive a tower crane, nothing moves till it's signed off. Which of my care plans have been "
             "finished and signed off?",
     {"shape": "list", "type": "CarePlan", "status": "completed",
      "names": ["Respiratory therapy", "Physical therapy procedure"]}),
    (C, LAY, "Dog groomer, I always remember a dog's first clip. What was the very first total protein result "
             "in my bloods, and when?", {"shape": "first", "obs": "2885-2"}),
    (C, CL, "TK Oulu. Pot. 73v, US-turisti, keltaisuutta? (jaundiced?). Viimeisin P-Bil (last total bilirubin) "
            "on his record?", {"shape": "latest", "obs": "1975-2"}),
    (A, CL, "POZ Kraków. Pac. l. 73, turysta z USA, zawroty głowy. Najniższe RR rozkurczowe (lowest diastolic) "
            "on record, with date?", {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (C, CL, "VC Umeå. Pat. 73 år, amerikansk turist. Tidigare sjukdomar - which problems are resolved in his "
            "record?",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Viral sinusitis", "Acute bronchitis", "Injury of tendon of the rotator cuff of shoulder"]}),
    (C, CL, "OPD Chiang Mai. Pt M 73 yo, U/D DLP on simvastatin, tourist. Date of his last DLP F/U visit back "
            "home?", {"shape": "latest", "type": "Encounter", "codes": ["390906007"]}),
    (A, CL, "MO, OPD Lahore. 73M k/c/o prediabetes and anaemia, c/o lethargy. Since when is the anaemia "
            "documented - date of dx?", {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (A, CL, "Phòng khám Hà Nội (Hanoi). BN nam 73t, du lịch, TS prediabetes. Who is the doctor that did his "
            "last general check-up?", {"shape": "latest", "type": "Practitioner", "enc": ["162673000"]}),
    (A, CL, "PL Aarhus. Pt 73 år, tidl. hjertestop, træt. Seneste ery (RBC count) on file?",
     {"shape": "latest", "obs": "789-8"}),
    # --- batch 110 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (10: a GP and a practice nurse asking short practical questions,
    # patients on a portal asking about their own record in ordinary words) and half in voices new to the file
    # (10): a Friulian granddaughter in Udine ("Mandi", "nono", "graciis"), a Korean granddaughter in Busan
    # ("Annyeonghaseyo", "harabeoji", "kamsahamnida"), a Taiwanese grandson in Tainan ("a-gong", "xie xie"),
    # an Alsatian son in Strasbourg ("Salü", "Grossvàtter", "merci vielmols"), a bookmaker ("the odds"), a
    # harbour pilot ("every ship in"), a zookeeper ("the jabs") and a court stenographer ("verbatim") (lay), a
    # Slovenian družinski zdravnik in Ljubljana ("ZD", "pac.", "l.") and a Ukrainian family doctor in Lviv
    # ("pats.", "r.", "anamnez") (clinician); 7 clinician, 13 lay; over ALT (highest), total cholesterol
    # (lowest), AST (first), triglycerides and ALT 2014-2019 (trend), eGFR (count) Observations, Conditions
    # (obesity ever), MedicationRequests (paracetamol date), Immunizations (first flu, list), Procedures
    # (faecal occult blood test date), Encounters (symptom visit count), DiagnosticReports (lipid panel
    # count), CarePlans (breathing therapy ever), the Device (list), demographics (marital status), allergies
    # (absent, as a list), one absent item (tonsils out), and with the people spec kind the hospital of the
    # cardiac arrest (Organization) and the active care team (CareTeam); extremes checked unique in the JSON
    # (and not tied once rounded), first values and the trend ends on dates with a single result
    (A, CL, "Does he have any allergies recorded at all?", {"shape": "list", "type": "AllergyIntolerance",
                                                          "absent": True}),
    (C, CL, "How many eGFRs has he had done?", {"shape": "count", "obs": "33914-3"}),
    (A, CL, "Which hospital looked after him for the cardiac arrest?",
     {"shape": "latest", "type": "Organization", "enc": ["410429000"]}),
    (C, CL, "What's the highest his ALT has been, and when was that?", {"shape": "highest", "obs": "1742-6"}),
    (A, CL, "How have his triglycerides changed, first result to latest?", {"shape": "trend", "obs": "2571-8"}),
    (C, LAY, "Was I ever put on a care plan for breathing treatment?",
     {"shape": "ever", "type": "CarePlan", "codes": ["53950000"]}),
    (A, LAY, "How many times have I been to the doctor with sinus trouble?",
     {"shape": "count", "type": "Encounter", "codes": ["185345009"]}),
    (C, LAY, "What's the lowest my cholesterol has ever been, and on what date?", {"shape": "lowest", "obs": "2093-3"}),
    (A, LAY, "Have I ever had my tonsils out?", {"shape": "ever", "absent": True}),
    (C, LAY, "Does my record have me down as married?", {"shape": "demographic", "field": "marital"}),
    (A, LAY, "Mandi. Nono is spending the autumn with us in Udine and the medico di base asks when he had his "
             "first flu vaccine in the American record. Which date was it? Graciis.",
     {"shape": "first", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Annyeonghaseyo. Harabeoji is visiting us in Busan and the doctor checked his liver. His ALT from "
             "2014 until the last test, where did it begin and where did it end? Kamsahamnida.",
     {"shape": "trend", "obs": "1742-6", "window": ("2014-01-01", "9999")}),
    (C, LAY, "Hello, my a-gong is staying with us in Tainan. He had Tylenol for the chest infection in 2012, the "
             "pharmacist asks which day it was prescribed. Xie xie.",
     {"shape": "date_of", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, LAY, "Salü. Grossvàtter lives with us in Strasbourg now and the cardiologue asks what device is in his "
             "chest. What does the record call it? Merci vielmols.",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, LAY, "I'm a bookmaker, I like to know the odds. On what date did they do the test for blood in my stool?",
     {"shape": "date_of", "type": "Procedure", "codes": ["1015401000000102"]}),
    (A, LAY, "Harbour pilot, I count every ship in. How many cholesterol panels have they done on me?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (C, LAY, "Zookeeper here, I keep track of all the animals' jabs, so I should know mine. Which vaccinations "
             "have I had?",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (C, LAY, "I'm a court stenographer, I take everything down verbatim. Who exactly is on my care team at "
             "present, names please?", {"shape": "list", "type": "CareTeam", "status": "active"}),
    (C, CL, "ZD Ljubljana, družinski zdravnik. Pac. 73 l., ameriški turist, utrujenost. First AST on his record, "
            "with the date?", {"shape": "first", "obs": "1920-8"}),
    (A, CL, "Family doctor, Lviv. Pats. 73 r., US visitor, dyspnoea. Anamnez: obesity (ожиріння) ever coded? "
            "Since when?", {"shape": "ever", "type": "Condition", "codes": ["162864005"]}),
    # --- batch 111 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file (greetings, places and jobs grepped first): an
    # Ilocano granddaughter in Laoag ("Naimbag nga aldaw", "Apong Lakay", "po", "Agyamanak unay"), a Cook
    # Islands son in Rarotonga ("Kia orana", "Avarua", "Meitaki ma'ata"), a Ghanaian son in Kumasi writing
    # English with Twi ("Maakye", "me papa", "Komfo Anokye", "Medaase"), a Kashubian granddaughter in Gdańsk
    # ("Dobri dzéń", "dzadk", "przychodnia", "Dzãkujã"), a voice-assistant transcript with mis-heard words
    # ("hey google", "glue coast"), a long rambling message with the question buried in the middle (a niece
    # whose uncle moved in after a flood: carrier bags of paperwork, a bird table), a terse text, a hotel
    # front-desk clerk relaying the nurse's question ("the nurse here wants to know"), a son relaying a
    # physio's two questions in one message, a tugboat skipper ("nudge big ships into berth"), a church organ
    # builder ("every pipe voiced"), a puppeteer ("I do all the voices") and a land surveyor ("measure
    # everything twice") (13 lay), and clinicians abroad with their own shorthand: a Hungarian háziorvos in
    # Debrecen ("bet.", "é."), an Estonian perearst in Tartu ("pt.", "a.", "kreatiniin"), a Latvian ģimenes
    # ārsts in Rīga ("pac.", "g.", "ASV"), a Serbian lekar opšte prakse in Novi Sad ("DZ", "god.", "datum"), a
    # Colombian IPS doctor in Medellín ("pte", "ERC?", "primer y último"), an Egyptian outpatient doctor in
    # Alexandria ("k/c/o", "fx") and a Japanese clinic doctor in Sapporo ("DLP", "preDM", "ケアプラン") (7
    # clinician); 7 clinician, 13 lay; over glucose (highest), sodium (lowest), creatinine (highest), eGFR
    # (first), albumin (latest), HDL 2012-2018 and creatinine 2013-2017 (trend) Observations, Conditions
    # (resolved list, last sinusitis end date), Immunizations (PPV23 date), Procedures (bone density scan and
    # sputum test ever), Encounters (cholesterol follow-up and general examination counts), DiagnosticReports
    # (metabolic panel count), CarePlans (fracture care end date, active list), demographics (ethnicity), one
    # absent item (gout), and with the people spec kind the clinician of the urgent care visit (Practitioner);
    # extremes checked unique in the JSON (and not tied once rounded), first and latest values and the trend
    # ends on dates with a single result
    (C, LAY, "Naimbag nga aldaw. My Apong Lakay is staying with us in Laoag now and the doctor at the provincial "
             "hospital asks how many times he went back for the cholesterol follow-up check in America. How many "
             "times po? Agyamanak unay.", {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, LAY, "Kia orana. Papa has come home to Rarotonga and his big toe is swollen and sore, the nurse at the "
             "hospital in Avarua thinks it might be gout. Did his doctors in America ever say he had gout? "
             "Meitaki ma'ata.", {"shape": "ever", "absent": True}),
    (C, LAY, "Maakye. Me papa is with us in Kumasi now and the doctor at Komfo Anokye asked about his kidneys. "
             "The very first eGFR they did for him in America, what was it and which day? Medaase.",
     {"shape": "first", "obs": "33914-3"}),
    (A, LAY, "Dobri dzéń. Our dzadk lives with us in Gdańsk now and the przychodnia form asks for his ethnicity "
             "the way it is written in his American papers. What does it say? Dzãkujã.",
     {"shape": "demographic", "field": "ethnicity"}),
    (C, LAY, "hey google ask my health records what was the highest blood sugar glue coast I mean glucose I "
             "ever had and the date of it", {"shape": "highest", "obs": "2339-0"}),
    (C, LAY, "Sorry this is a long one. My uncle moved in with us in March after the flood at his place and he "
             "brought about nine carrier bags of paperwork, mostly warranty cards for things he doesn't own any "
             "more. His new practice nurse is lovely and what she really wants is how his good cholesterol, the "
             "HDL, went between 2012 and 2018 - what it was at the start of that and what it was at the end. He "
             "can't remember and the bags are no help. Anyway he's settled in fine, he's taken over the shed and "
             "is building a bird table that's bigger than the shed.",
     {"shape": "trend", "obs": "2085-9", "window": ("2012-01-01", "2018-12-31")}),
    (A, LAY, "grandad pneumovax 23. date?", {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (A, LAY, "Hello, I'm on the front desk at the hotel where this gentleman is staying and he's poorly. The "
             "nurse here wants to know which of his health problems are over and done with, the resolved ones. "
             "Can you list them for her?",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Polyp of colon", "Viral sinusitis", "Fracture of clavicle"]}),
    (A, LAY, "Two quick ones from Dad's physio: has he ever had a bone density scan? And if so, what date was it "
             "done?", {"shape": "ever", "type": "Procedure", "codes": ["312681000"]}),
    (C, LAY, "Tugboat skipper, I nudge big ships into berth for a living. That walk-in urgent care place I went "
             "to in 2012 - which doctor saw me there?",
     {"shape": "latest", "type": "Practitioner", "enc": ["702927004"]}),
    (C, LAY, "I build church organs and every pipe has to be voiced just right. What's the lowest my sodium has "
             "ever been, and on which day?", {"shape": "lowest", "obs": "2947-0"}),
    (C, LAY, "Puppeteer, I do all the voices so my chest matters. Have I ever had my phlegm sent off to be "
             "tested, and when was that?", {"shape": "ever", "type": "Procedure", "codes": ["269911007"]}),
    (A, LAY, "Land surveyor, I measure everything twice. How many general examinations, full physicals, are "
             "there on my record?", {"shape": "count", "type": "Encounter", "codes": ["162673000"]}),
    (C, CL, "Háziorvosi rendelő, Debrecen. Bet. 73 é., amerikai turista, bokaödéma. Utolsó albumin (last serum "
            "albumin) on his record?", {"shape": "latest", "obs": "1751-7"}),
    (A, CL, "Perearst, Tartu. Pt. 73 a., USA turist, dehydrated? Kõrgeim kreatiniin (highest creatinine) on "
            "record, with the date?", {"shape": "highest", "obs": "38483-4"}),
    (C, CL, "Ģimenes ārsts, Rīga. Pac. 73 g., ASV tūrists, nogurums. How many comprehensive metabolic panels on "
            "his record?", {"shape": "count", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, CL, "DZ Novi Sad, lekar opšte prakse. Pac. 73 god., turista iz SAD, sinusitis again. Datum: when did his "
            "last sinusitis episode resolve?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "end": True}),
    (C, CL, "IPS Medellín, consulta externa. Pte 73a, turista de EEUU, ¿ERC? Creatinina 2013-2017: primer y "
            "último valor?", {"shape": "trend", "obs": "38483-4", "window": ("2013-01-01", "2017-12-31")}),
    (A, CL, "OPD, Alexandria. Pt 73y M, tourist, k/c/o old L clavicle fx, now shoulder pain. When was his "
            "fracture care plan closed?", {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"]}),
    (C, CL, "Clinic in Sapporo. Pt 73M, US tourist, hx DLP and preDM. Which ケアプラン (care plans) are active on "
            "his record?",
     {"shape": "list", "type": "CarePlan", "status": "active",
      "names": ["Diabetes self management plan", "Hyperlipidemia clinical management plan"]}),
    # --- batch 112 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; typical voices, the short everyday wording of a UK GP ("script"), a US hospitalist, an
    # Australian GP, a community pharmacist ("repeat meds"), a practice nurse, a hospital doctor clerking an
    # admission, a US primary care doctor ("annual physical") (10 clinician), and patients on a portal and
    # relatives asking about Mum's or Dad's record in plain words ("jab", "bottom number", "home bowel test")
    # (10 lay); 10 clinician, 10 lay; over total cholesterol and HbA1c (latest), urea (first), triglycerides
    # (lowest), HDL (highest), HbA1c 2012-2017 and diastolic since 2015 (trend), blood pressure readings since
    # 2015 (count) Observations, MedicationRequests (active list, last paracetamol), Immunizations (PCV13
    # date), Procedures (faecal occult blood test ever), Encounters (last visit), DiagnosticReports (last lipid
    # panel), CarePlans (respiratory therapy end date), the Device (list), demographics (birth date), one absent
    # item (a penicillin allergy), and with the people spec kind the Goals (list) and the place of the last
    # general examination (Organization); extremes checked unique in the JSON (and not tied once rounded),
    # first and latest values and the trend ends on dates with a single result
    (C, CL, "What was his most recent total cholesterol?", {"shape": "latest", "obs": "2093-3"}),
    (A, CL, "Has he got any implanted device, pacemaker or ICD?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, CL, "Pharmacist here - what repeat meds is he on at the moment?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (A, CL, "What was his first urea result and when was it taken?", {"shape": "first", "obs": "6299-2"}),
    (C, CL, "Lowest trig level on file and the date?", {"shape": "lowest", "obs": "2571-8"}),
    (A, CL, "How did his HbA1c change between 2012 and 2017?",
     {"shape": "trend", "obs": "4548-4", "window": ("2012-01-01", "2017-12-31")}),
    (C, CL, "When was his last lipid profile done?", {"shape": "latest", "type": "DiagnosticReport",
                                                     "codes": ["57698-3"]}),
    (A, CL, "Clerking him in - any penicillin allergy documented?", {"shape": "ever", "absent": True}),
    (C, CL, "When did he last get a script for paracetamol?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["313782"]}),
    (C, CL, "Which practice did his last annual physical?",
     {"shape": "latest", "type": "Organization", "enc": ["162673000"]}),
    (A, LAY, "When did I last see anyone at the practice?", {"shape": "latest", "type": "Encounter"}),
    (C, LAY, "How many times has my blood pressure been taken since 2015?",
     {"shape": "count", "obs": "55284-4", "window": ("2015-01-01", "9999")}),
    (A, LAY, "Has the bottom number of my blood pressure gone up or down since 2015?",
     {"shape": "trend", "obs": "55284-4", "comp": "8462-4", "window": ("2015-01-01", "9999")}),
    (C, LAY, "When did I finish the breathing therapy I had after my chest infection in 2012?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["53950000"]}),
    (A, LAY, "What was my HbA1c at my last check?", {"shape": "latest", "obs": "4548-4"}),
    (C, LAY, "What health goals have my doctors put on my record?",
     {"shape": "list", "type": "Goal",
      "names": ["Hemoglobin A1c total in Blood < 7.0", "Glucose [Mass/volume] in Blood < 108",
                "Maintain blood pressure below 140/90 mmHg", "Improve and maintenance of optimal foot health",
                "Address patient knowledge deficit on diabetic self-care"]}),
    (C, LAY, "What date did I have the PCV13 pneumonia jab?",
     {"shape": "date_of", "type": "Immunization", "codes": ["133"]}),
    (A, LAY, "What date of birth is on Dad's record?", {"shape": "demographic", "field": "birthDate"}),
    (C, LAY, "Mum wants to know when Dad's good cholesterol was at its best. What was the highest HDL and when?",
     {"shape": "highest", "obs": "2085-9"}),
    (A, LAY, "Has Dad ever done the home bowel test, the one that checks for blood in the stool?",
     {"shape": "ever", "type": "Procedure", "codes": ["1015401000000102"]}),
    # --- batch 113 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file (greetings, places and jobs grepped first): an
    # Asturian grandson in Oviedo ("Bones díes", "güelu", "centru de salú", "Gracies"), an Azerbaijani grandson
    # in Ganja ("Sabahınız xeyir", "babam", "Çox sağ olun"), a Surinamese grandchild in Paramaribo writing
    # English with Sranan ("Fa waka", "mi granpa", "'s Lands Hospitaal", "Grantangi"), a Walloon grandchild in
    # Liège ("Bondjoû", "mi grand-pa", "li docteur", "Grand mèrci"), a daughter travelling in Reykjavík relaying
    # the pharmacist's question ("the pharmacist here at the apótek asks"), a voice-assistant transcript with a
    # mis-heard word ("hey siri", "or the paedic"), a long rambling message with the question buried in the
    # middle (a father-in-law: the spice rack, hold music), a terse text, a son relaying a chiropodist's two
    # questions in one message, a saddler ("stitch everything by hand"), a wind turbine technician ("up the
    # towers"), a rugby referee ("my club doctor") and a semi-retired cellist ("a quartet") (13 lay), and
    # clinicians abroad with their own shorthand and mixed-language notes: a Brazilian UBS doctor in Recife
    # ("pcte", "HAS", "PA", "prontuário"), a Malaysian klinik kesihatan doctor in Kota Kinabalu ("KK",
    # "pesakit", "thn", "c/o"), a Georgian family doctor in Tbilisi ("ოჯახის ექიმი", "pac.", "წ."), a Bosnian
    # porodična medicina doctor in Sarajevo ("Dom zdravlja", "g.", "sa datumom"), a Macedonian doctor in Skopje
    # ("ПЗУ", "пац.", "Колку"), an Icelandic heilsugæsla doctor in Akureyri ("Sj.", "ára", "aðgerðir") and a
    # Lebanese doctor in Beirut writing French ("Pt 73 ans", "?IRC", "DFG", "shukran") (7 clinician); 7
    # clinician, 13 lay; over total protein and urea (lowest, with date), bilirubin (highest, with date), LDL
    # (first), white cells and systolic (latest), glucose 2012-2018 and eGFR 2013-2019 (trend), potassium since
    # 2016 (count) Observations, Conditions (sinusitis onset date), MedicationRequests (simvastatin ever with
    # its last date; current medicines, absent, as a list), Procedures (colonoscopy count, orthopaedic
    # admission ever, all procedures as a list), DiagnosticReports (basic metabolic panel count), CarePlans
    # (physiotherapy plan end date), two absent items (no current medicines, no asthma), and with the people
    # spec kind the hospital of the shoulder tendon visit (Organization) and the clinician of the last
    # colonoscopy visit (Practitioner); extremes checked unique in the JSON (and not tied once rounded), first
    # and latest values and the trend ends on dates with a single result
    (C, LAY, "Bones díes. My güelu is living with us in Oviedo now and the doctor at the centru de salú says the "
             "protein in his blood runs a bit low. What is the lowest total protein on his American record, and "
             "what date was that? Gracies.", {"shape": "lowest", "obs": "2885-2"}),
    (A, LAY, "Sabahınız xeyir. Babam is with us in Ganja since the autumn. The doctor here asks how many times "
             "they did the colonoscopy on him in America. Çox sağ olun.",
     {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (A, LAY, "Fa waka. Mi granpa stay with us in Paramaribo now and the doctor at 's Lands Hospitaal want to see "
             "his blood sugar from 2012 until 2018. What was the first one in that time and what was the last "
             "one? Grantangi.", {"shape": "trend", "obs": "2339-0", "window": ("2012-01-01", "2018-12-31")}),
    (C, LAY, "Bondjoû. Mi grand-pa is staying with us in Liège and li docteur asks about the physiotherapy he had "
             "for his shoulder in America. When did that physio plan finish? Grand mèrci.",
     {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"]}),
    (A, LAY, "Travelling with my father in Reykjavík and he has lost his washbag with all his tablets in it. The "
             "pharmacist here at the apótek asks what medicines he is supposed to be on right now, according to "
             "his record?", {"shape": "absent_list", "type": "MedicationRequest", "status": "active"}),
    (A, LAY, "hey siri ask the health record has my dad ever been admitted to the or the paedic department at "
             "the hospital I mean orthopedic and when was that",
     {"shape": "ever", "type": "Procedure", "codes": ["305428000"]}),
    (C, LAY, "Right, bear with me. My father-in-law came to live with us after Easter and the house hasn't been "
             "the same since, he's put the spice rack in alphabetical order and now he's started on the garage. "
             "Anyway, the reason I'm writing: his new doctor wants to know how many potassium blood tests he's "
             "had since 2016, because one of them was apparently on the high side and she wants to see how often "
             "it's been checked. I did ring his old practice but they left me on hold for forty minutes with the "
             "same bit of Vivaldi. Thanks in advance and sorry for the essay.",
     {"shape": "count", "obs": "6298-4", "window": ("2016-01-01", "9999")}),
    (C, LAY, "dads sinus infection. start date??", {"shape": "date_of", "type": "Condition", "codes": ["444814009"]}),
    (C, LAY, "Hello, Dad's chiropodist has two questions before she sees to his feet: has he ever been put on a "
             "statin, and when was the last prescription for it written?",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "I'm a saddler, I stitch everything by hand so I'm used to fiddly numbers. What's the lowest my "
             "urea, the BUN, has ever been, and on what date?", {"shape": "lowest", "obs": "6299-2"}),
    (C, LAY, "Wind turbine technician here, I spend half the week up the towers so I don't see doctors much. "
             "When I hurt the tendon in my shoulder back in 2013, which hospital was it that saw me?",
     {"shape": "latest", "type": "Organization", "enc": ["185347001"]}),
    (C, LAY, "I referee rugby at the weekends and the club doctor wants my very first LDL cholesterol result and "
             "the date it was taken. Can you find it?", {"shape": "first", "obs": "18262-6"}),
    (A, LAY, "Semi-retired cellist, I still play in a quartet and the winter bugs go round all of us. What was my "
             "white cell count on my most recent blood count?", {"shape": "latest", "obs": "6690-2"}),
    (C, CL, "UBS Boa Viagem, Recife. Pcte 73a, turista americano, HAS? Última PA sistólica registrada no "
            "prontuário dele?", {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (A, CL, "Klinik Kesihatan Luyang, KK. Pesakit 73 thn, pelancong dari US, c/o PR bleed. Siapa doktor who did "
            "his last colonoscopy?", {"shape": "latest", "type": "Practitioner", "enc": ["185349003"]}),
    (A, CL, "ოჯახის ექიმი, Tbilisi. Pac. 73 წ., US tourist, wheeze on auscultation. Any hx of asthma (ასთმა) "
            "documented?", {"shape": "ever", "absent": True}),
    (C, CL, "Dom zdravlja Sarajevo, porodična medicina. Pacijent 73 g., turista iz SAD, subikterus. Najviši "
            "bilirubin (highest total bilirubin) on his record, sa datumom?", {"shape": "highest", "obs": "1975-2"}),
    (C, CL, "ПЗУ, Скопје. Пац. 73 г., American tourist, ?hyponatraemia. Колку BMP (basic metabolic panels) are "
            "on his record?", {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (A, CL, "Heilsugæslustöðin á Akureyri. Sj. 73 ára, bandarískur ferðamaður, abdominal pain. Hvaða aðgerðir - "
            "which procedures has he had? Full list please.",
     {"shape": "list", "type": "Procedure",
      "names": ["Colonoscopy", "Fecal occult blood test", "Rectal polypectomy", "Medication Reconciliation",
                "Clavicle X-ray", "Admission to orthopedic department", "Bone density scan"]}),
    (C, CL, "Cabinet à Achrafieh, Beyrouth. Pt 73 ans, touriste US, ?IRC. DFG (eGFR) entre 2013 et 2019: première "
            "et dernière valeur? Merci, shukran.",
     {"shape": "trend", "obs": "33914-3", "window": ("2013-01-01", "2019-12-31")}),
    # --- batch 114 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (10: a GP, a practice nurse and a community pharmacist asking
    # short practical questions, patients on a portal and a daughter asking about a record in ordinary words)
    # and half in voices new to the file (10, greetings, places and jobs grepped first): a Cebuano grandchild in
    # Mandaue ("Maayong buntag", "akong lolo", "Daghang salamat"), a tree surgeon ("up in the canopy"), an ice
    # cream van driver ("the freezer latch"), a school crossing patrol ("in all weathers"), a dictated message
    # with a mis-heard word ("full stop", "imagine study"), a terse text, a live-in carer relaying the district
    # nurse's question (lay), a Belarusian polyclinic doctor in Minsk ("Паліклініка", "пац.", "Колькі"), an
    # Albanian health-centre doctor in Tirana ("Qendra Shëndetësore", "vjeç", "vlera e parë dhe e fundit") and
    # a Lao OPD doctor in Vientiane ("Mahosot", "preDM", "ເປົ້າໝາຍ") (clinician); 7 clinician, 13 lay; over
    # globulin (latest), weight (first), systolic (lowest, with date), diastolic (highest, with date), LDL since
    # 2011 and total cholesterol 2013-2018 (trend), LDL since 2015 (count), smoking status (latest)
    # Observations, Conditions (obesity onset date), MedicationRequests (ibuprofen ever), Immunizations (latest
    # tetanus), Procedures (colonoscopy ever), Encounters (last urgent care visit), DiagnosticReports (full
    # blood count count), CarePlans (fracture care ever), the ImagingStudy (ever), demographics (birth place),
    # allergies (absent, as a list), and with the people spec kind the inactive care teams (CareTeam) and the
    # Goals (list); extremes checked unique in the JSON (and not tied once rounded), first and latest values and
    # the trend ends on dates with a single result
    (C, CL, "What was his most recent globulin level?", {"shape": "latest", "obs": "10834-0"}),
    (A, CL, "What was his weight when it was first recorded, and on what date?", {"shape": "first", "obs": "29463-7"}),
    (A, CL, "Pharmacist query: has he been prescribed ibuprofen before?",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["310965"]}),
    (A, CL, "Has he had a colonoscopy? If so, when was the most recent one?",
     {"shape": "ever", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "What's the lowest the top number of my blood pressure has been, and when was that?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8480-6"}),
    (A, LAY, "When was obesity first noted on my record?",
     {"shape": "date_of", "type": "Condition", "codes": ["162864005"]}),
    (C, LAY, "How many full blood counts have I had done?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (A, LAY, "Has my LDL cholesterol gone up since 2011?",
     {"shape": "trend", "obs": "18262-6", "window": ("2011-01-01", "9999")}),
    (C, LAY, "Who looked after Dad when he had his chest infections and the shoulder injury? Which doctor and "
             "which hospital?", {"shape": "list", "type": "CareTeam", "status": "inactive"}),
    (A, LAY, "Do I have any allergies on my record?", {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (A, LAY, "Maayong buntag. Akong lolo is staying with us in Mandaue, Cebu, and the doctor here asks if he "
             "smokes. What does his record from America say? Daghang salamat.",
     {"shape": "latest", "obs": "72166-2"}),
    (C, LAY, "Tree surgeon, I'm up in the canopy with a chainsaw most days so I keep an eye on my blood pressure. "
             "What's the highest the bottom number has ever been, and when?",
     {"shape": "highest", "obs": "55284-4", "comp": "8462-4"}),
    (C, LAY, "I drive an ice cream van and I've cut my hand on the freezer latch. The nurse asked when I last had "
             "a tetanus jab. Can you tell me?", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "I do the school crossing patrol so I'm out in all weathers. After I broke my collarbone, was I ever "
             "put on a care plan for it, and when did that start?",
     {"shape": "ever", "type": "CarePlan", "codes": ["385691007"]}),
    (A, LAY, "dictating this sorry. did my husband have an x ray of his collar bone after the bike accident full "
             "stop is there an imagine study on his record and what date was it",
     {"shape": "ever", "type": "ImagingStudy"}),
    (A, LAY, "town dad was born in? need it for a form", {"shape": "demographic", "field": "birthPlace"}),
    (C, LAY, "I'm his live-in carer. The district nurse is here and asking when he last went to the walk-in urgent "
             "care place. Is there a date on his record?",
     {"shape": "latest", "type": "Encounter", "codes": ["702927004"]}),
    (C, CL, "Паліклініка, Мінск. Пац. 73 г., турыст з ЗША, гіперхалестэрынемія. Колькі LDL results since 2015?",
     {"shape": "count", "obs": "18262-6", "window": ("2015-01-01", "9999")}),
    (C, CL, "Qendra Shëndetësore, Tiranë. Pac. 73 vjeç, turist amerikan, DLP. Kolesteroli total 2013-2018: vlera e "
            "parë dhe e fundit?", {"shape": "trend", "obs": "2093-3", "window": ("2013-01-01", "2018-12-31")}),
    (A, CL, "OPD Mahosot, Vientiane. Pt 73M, US tourist, preDM. What ເປົ້າໝາຍ (care goals) did his US doctors set "
            "for him?",
     {"shape": "list", "type": "Goal",
      "names": ["Hemoglobin A1c total in Blood < 7.0", "Glucose [Mass/volume] in Blood < 108",
                "Maintain blood pressure below 140/90 mmHg", "Improve and maintenance of optimal foot health",
                "Address patient knowledge deficit on diabetic self-care"]}),
    # --- batch 115 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file (greetings, places and jobs grepped first): a
    # Hawaiian grandson in Hilo ("Aloha", "tūtū kāne", "the mainland", "Mahalo nui loa"), a Mapuche daughter in
    # Temuco ("Mari mari", "mi chaw", "Chaltumay"), a Kurdish son in Erbil ("Rojbaş", "bavê min", "Zor spas"), a
    # Tamil granddaughter in Jaffna ("Vanakkam", "appappa", "Nandri"), a dictated message with mis-heard words
    # ("colon oscopies", "full stop"), a long rambling message with the question buried in the middle (a
    # narrowboat sister-in-law: the lock gates, a chutney), a very terse text, a granddaughter relaying the
    # dentist's question, a son asking two things in one message, a wife quoting a line of a hospital letter, a
    # daughter quoting a surgery leaflet, a church bell-ringer ("a full peal") and a quilter ("every square
    # counted") (13 lay), and clinicians abroad with their own shorthand and a few words of their language: a
    # Portuguese médico de família in Coimbra ("UCSP", "utente", "retorragias"), a Croatian obiteljski liječnik
    # in Rijeka ("pac.", "god.", "s datumom"), a Kazakh family doctor in Shymkent ("емхана", "науқас"), an
    # Ecuadorian doctor at a centro de salud in Cuenca ("pcte", "APP", "valor inicial y final"), a Nepali MO in
    # Pokhara ("pt", "trekker", "Rx date"), a Maltese GP in Valletta ("pazjent", "tim tal-kura", "Grazzi") and a
    # Sri Lankan OPD medical officer in Kandy ("OPD", "K+") (7 clinician); 7 clinician, 13 lay; over potassium
    # (lowest with date; latest), sodium (highest with date), eGFR (lowest with date), platelets (latest),
    # triglycerides since 2015 and HbA1c since 2014 (trend) Observations, Conditions (active list, clavicle
    # fracture ever, colon polyp end date), MedicationRequests (ibuprofen date), Immunizations (flu count,
    # pneumococcal ever), Procedures (colonoscopy count, last colonoscopy), Encounters (last general
    # examination), DiagnosticReports (metabolic panel count), one absent item (blood group), and with the
    # people spec kind the clinician of the 2012 chest infection visit (Practitioner) and the active care team
    # (CareTeam); extremes checked unique in the JSON (and not tied once rounded), latest values and the trend
    # ends on dates with a single result
    (A, LAY, "Aloha. My tūtū kāne has come to live with us in Hilo and the doctor at the clinic here wants to "
             "know how many flu shots he had on the mainland. How many are in his record? Mahalo nui loa.",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Mari mari. Mi chaw, my father, is staying with us in Temuco and he gets weak in the legs. The "
             "doctor at the consultorio asks what was his lowest potassium in the American record, and on which "
             "day? Chaltumay.", {"shape": "lowest", "obs": "6298-4"}),
    (C, LAY, "Rojbaş. Bavê min is with us in Erbil now and he has a bad cough again. The doctor asks who was the "
             "doctor that saw him for the chest infection in 2012 in America. What was his name? Zor spas.",
     {"shape": "latest", "type": "Practitioner", "enc": ["185345009"]}),
    (A, LAY, "Vanakkam. My appappa is staying with us in Jaffna and the doctor at the teaching hospital asks "
             "which illnesses are still open on his record from America. Can you list them all? Nandri.",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (A, LAY, "dictating this in the car. how many colon oscopies has my father had full stop i mean the camera "
             "test colonoscopies how many in total question mark",
     {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "Sorry this is a long one. We're on the narrowboat this month, moored below the third lock, and my "
             "brother-in-law came aboard with us after his check-up, he helps with the lock gates which is good of "
             "him at his age. The GP practice rang and asked me to find out how his triglycerides have moved "
             "since 2015, where they started and where they are now, because his letter is at home in a drawer. "
             "Meanwhile my chutney has gone everywhere in the galley and the dog won't come off the roof.",
     {"shape": "trend", "obs": "2571-8", "window": ("2015-01-01", "9999")}),
    (A, LAY, "grandad blood group? A&E asking", {"shape": "latest", "absent": True}),
    (C, LAY, "I'm his granddaughter, the dentist rang before his extraction and asked me to check one thing: "
             "what was his platelet count on his most recent blood count? She said to ask you.",
     {"shape": "latest", "obs": "777-3"}),
    (A, LAY, "Two things for my dad's physio form: did he ever break his collarbone, and if so, what date was "
             "that?", {"shape": "ever", "type": "Condition", "codes": ["58150001"]}),
    (A, LAY, "His old hospital letter has a line that says 'Polyp of colon - resolved'. On what date was it "
             "resolved?", {"shape": "date_of", "type": "Condition", "codes": ["68496003"], "end": True}),
    (C, LAY, "The leaflet from the surgery says 'Everyone aged 65 or over should have had a pneumococcal "
             "vaccine'. Has my dad ever had one, and when was it given?",
     {"shape": "ever", "type": "Immunization", "codes": ["33", "133"]}),
    (C, LAY, "I ring the bells at our parish church, a full peal is three hours of hard sweaty work and the "
             "doctor says to watch my salts. What's the highest my sodium has been, and on what date?",
     {"shape": "highest", "obs": "2947-0"}),
    (A, LAY, "I'm a quilter, every square counted and every stitch noted. When was my last general check-up "
             "with the doctor, the date please?", {"shape": "latest", "type": "Encounter", "codes": ["162673000"]}),
    (A, CL, "UCSP Coimbra, médico de família. Utente 73a, turista americano, retorragias. Data da última "
            "colonoscopia (last colonoscopy) on his record?",
     {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "Obiteljski liječnik, Rijeka. Pac. 73 god., američki turist, edemi. Najniži eGFR (lowest) on his "
            "record, s datumom?", {"shape": "lowest", "obs": "33914-3"}),
    (A, CL, "Емхана, Shymkent. Науқас 73 y, US visitor, weakness. How many basic metabolic panels (BMP) are in "
            "his record?", {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (C, CL, "Centro de Salud, Cuenca. Pcte masc. 73a, turista de EEUU, APP prediabetes. HbA1c desde 2014: valor "
            "inicial y final?", {"shape": "trend", "obs": "4548-4", "window": ("2014-01-01", "9999")}),
    (A, CL, "MO, Pokhara. Pt 73M trekker from the US, c/o knee pain, wants NSAID. Ibuprofen ever prescribed "
            "before? Rx date?", {"shape": "date_of", "type": "MedicationRequest", "codes": ["310965"]}),
    (C, CL, "GP, Valletta. Pazjent 73 sena, US tourist on simvastatin. Who is on his current tim tal-kura (care "
            "team)? Grazzi.", {"shape": "list", "type": "CareTeam", "status": "active"}),
    (A, CL, "OPD, Kandy. Pt 73M, American tourist, palpitations. Last K+ on his record?",
     {"shape": "latest", "obs": "6298-4"}),
    # --- batch 116 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; typical voices: plain everyday phrasing as UK, Irish, US and Canadian GPs, a practice nurse,
    # a community pharmacist and hospital doctors write it (short, sometimes abbreviated: "BP", "A&E", "ER",
    # "bloods", "T-score"), and patients and a daughter asking about a record in ordinary words; 11 clinician, 9
    # lay; over systolic blood pressure, BMI, DXA T-score and the pain score (latest), HbA1c (count), eGFR
    # (trend), triglycerides (highest, with date) Observations, Conditions (cardiac arrest ever, rotator cuff
    # onset, bronchitis and clavicle fracture end dates), MedicationRequests (current, list), Immunizations
    # (list), Procedures (sputum test ever), Encounters (last emergency visit), DiagnosticReports (last lipid
    # panel), CarePlans (active, list), the Device (list), demographics (birth date), and with the people spec
    # kind the active care team (CareTeam); extremes checked unique in the JSON (and not tied once rounded),
    # latest values and the trend ends on dates with a single result
    (A, CL, "What was his systolic BP at the last check?", {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "Is his eGFR drifting down? First and latest values please.", {"shape": "trend", "obs": "33914-3"}),
    (C, CL, "Pharmacist here - what's he on at the moment on repeat?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (A, CL, "Any previous cardiac arrest documented? If so, when?",
     {"shape": "ever", "type": "Condition", "codes": ["410429000"]}),
    (C, LAY, "When did I first go to the doctor with my shoulder, the rotator cuff injury?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"]}),
    (A, LAY, "How many times have they checked my HbA1c altogether?", {"shape": "count", "obs": "4548-4"}),
    (C, CL, "BMI at his last review?", {"shape": "latest", "obs": "39156-5"}),
    (A, LAY, "Last time the nurse asked me to score my pain out of ten, what did I say?",
     {"shape": "latest", "obs": "72514-3"}),
    (C, CL, "When were his lipids last done?", {"shape": "latest", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, CL, "Practice nurse - can you list all the vaccinations he's had on file?",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (C, LAY, "What date of birth have they got down for Dad? The form has to match.",
     {"shape": "demographic", "field": "birthDate"}),
    (A, LAY, "When was I last in A&E?", {"shape": "latest", "type": "Encounter", "cls": "EMER"}),
    (C, CL, "Date his most recent episode of acute bronchitis resolved?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "end": True}),
    (A, CL, "DEXA result - what was his T-score?", {"shape": "latest", "obs": "38265-5"}),
    (C, LAY, "Which care plans am I still on?", {"shape": "list", "type": "CarePlan", "status": "active",
                                                  "names": ["Diabetes self management plan",
                                                            "Hyperlipidemia clinical management plan"]}),
    (A, LAY, "Who's on my care team at the minute, which doctor and which practice?",
     {"shape": "list", "type": "CareTeam", "status": "active"}),
    (C, LAY, "Did I ever have my phlegm sent off for testing? When was that?",
     {"shape": "ever", "type": "Procedure", "codes": ["269911007"]}),
    (A, CL, "ER attending here. Does he have an implanted cardiac device on his chart?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, CL, "Highest triglyceride level on record, and the date?", {"shape": "highest", "obs": "2571-8"}),
    (A, LAY, "Mam is asking when Dad's broken collarbone was marked as healed on his record. Can you see a date?",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    # --- batch 117 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file (greetings, places and jobs grepped first): a Cape
    # Verdean granddaughter in Mindelo ("Modi ki bu sta", "nha avô", "Bai ku Deus"), an Oshiwambo daughter in
    # Oshakati ("Wa lalapo", "tate", "Ndapandula"), a Garifuna grandson in Livingston, Guatemala ("Buiti
    # binafi", "Seremein"), a Tumbuka son in Mzuzu ("Monile", "adada", "Yewo"), an Ndebele daughter in Bulawayo
    # ("Salibonani", "ubaba", "Siyabonga") and an Ewe son in Lomé ("Ŋdi", "Akpe"), a window cleaner ("up and
    # down ladders") and a bonsai grower ("pruning"), a dictated message with mis-heard words ("a cult",
    # "full stop"), a long rambling message with the question buried in the middle (a caravan in Tenby, the gas
    # bottle, the cat), a very terse text, a neighbour relaying a paramedic's question, a son asking two things
    # in one message, a wife quoting a clinic letter (13 lay), and clinicians abroad with their own shorthand
    # and a few words of their language: an Afrikaans huisdokter in Bloemfontein ("pasiënt", "j.", "BD"), a
    # Mozambican médico in Maputo ("Centro de Saúde", "doente", "consultas de seguimento"), a Malian médecin in
    # Bamako ("CSRéf", "bilan lipidique", "TG"), an Ethiopian GP in Gondar ("ታካሚ"), a Zanzibari doctor in Stone
    # Town ("mgonjwa", "ya mwisho"), a Mauritian GP in Port Louis ("pasian", "maladi") and a Sudanese doctor in
    # Khartoum ("مريض") (7 clinician); over glucose (highest, with date), total cholesterol (lowest, with date),
    # albumin and eGFR (first), ALT, AST and diastolic blood pressure (latest), HDL since 2016 (trend, window),
    # triglycerides (trend) Observations, Conditions (sinusitis count, hyperlipidaemia onset, active list),
    # Immunizations (Td ever), Procedures (faecal occult blood test date), Encounters (follow-up visit count),
    # DiagnosticReports (lipid panel count), CarePlans (diabetes plan ever, completed list), one absent item
    # (shingles vaccine), and with the people spec kind the place of the 2012 urgent care visit (Organization);
    # extremes checked unique in the JSON (and not tied once rounded), first and latest values and the trend
    # ends on dates with a single result
    (C, LAY, "Modi ki bu sta. Nha avô is living with us now in Mindelo, São Vicente, and the doctor at the "
             "hospital here wants to know how many times they did his full cholesterol panel over in America. "
             "How many are on his record? Bai ku Deus.",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "Wa lalapo. My tate came back to Oshakati from the States and the nurse at the clinic is asking "
             "did he ever have the shingles vaccine there. Is it in his papers? Ndapandula.",
     {"shape": "ever", "absent": True}),
    (C, LAY, "Buiti binafi. I am looking after my grandfather in Livingston, Guatemala, and the doctor wants "
             "to see how his good cholesterol (HDL) has gone since 2016 - what was it at the start of that and "
             "what is the latest? Seremein.",
     {"shape": "trend", "obs": "2085-9", "window": ("2016-01-01", "9999")}),
    (A, LAY, "I'm a window cleaner, up and down ladders all day and I live on biscuits, so the nurse wants me "
             "to keep an eye on my sugar. What's the highest my glucose has ever come back, and what date was "
             "that one?", {"shape": "highest", "obs": "2339-0"}),
    (C, LAY, "I grow bonsai, so I'm used to waiting years to see if the pruning worked. Same with my liver "
             "tests I suppose. What was my albumin the very first time they measured it, and when?",
     {"shape": "first", "obs": "1751-7"}),
    (A, LAY, "dictating this for my husband. what date did he have the poo test the fecal a cult blood test "
             "full stop i mean occult not a cult. the date please",
     {"shape": "date_of", "type": "Procedure", "codes": ["1015401000000102"]}),
    (A, LAY, "Hello, sorry this will be long, we're in the caravan in Tenby this week and the gas bottle ran "
             "out on the first night so it's been cold beans and the cat has been sulking under the awning. "
             "Anyway my husband's sinuses are playing up again and the chemist here asked how many times he's "
             "had sinusitis before, proper diagnosed I mean, so how many times is it on his record? He says "
             "twice but he never remembers anything. The weather's lovely at least.",
     {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (C, LAY, "dads ALT last time?", {"shape": "latest", "obs": "1742-6"}),
    (C, LAY, "My neighbour's son is a paramedic and he's helping me with Dad's forms. He asked me to find out "
             "the name of the walk-in urgent care place Dad went to back in 2012. Can you see it?",
     {"shape": "latest", "type": "Organization", "enc": ["702927004"]}),
    (A, LAY, "Two questions about Dad. Was he ever put on a diabetes self-management plan? And if so, when did "
             "that start?", {"shape": "ever", "type": "CarePlan", "codes": ["698360004"]}),
    (C, LAY, "The letter from the clinic says 'Hyperlipidaemia - ongoing, continue statin'. When was that "
             "first put on his record?", {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (C, LAY, "Monile. Adada is with us in Mzuzu and the doctor at the central hospital asks which of his care "
             "plans from America are finished now, the ones that are closed. Can you list them? Yewo.",
     {"shape": "list", "type": "CarePlan", "status": "completed",
      "names": ["Respiratory therapy", "Physical therapy procedure"]}),
    (C, LAY, "Salibonani. Ubaba is staying with me in Bulawayo and the doctor says his cholesterol is fine "
             "now. What was the lowest total cholesterol on his American record, and on what day? Siyabonga.",
     {"shape": "lowest", "obs": "2093-3"}),
    (A, CL, "Huisdokter, Bloemfontein. Pasiënt 73j, Amerikaanse toeris, hoofpyn. Last BD (diastolic) on his "
            "record?", {"shape": "latest", "obs": "55284-4", "comp": "8462-4"}),
    (C, CL, "Centro de Saúde, Maputo. Doente 73a, turista dos EUA, dislipidemia. Quantas consultas de "
            "seguimento (follow-up encounters) in his record?",
     {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, CL, "CSRéf, Bamako. Patient 73 ans, touriste américain. Bilan lipidique: TG, première et dernière "
            "valeur?", {"shape": "trend", "obs": "2571-8"}),
    (A, CL, "GP, Gondar. ታካሚ 73M, US tourist, cut on the leg at the castle. Td ever given? Date?",
     {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (C, CL, "Mnazi Mmoja, Stone Town. Mgonjwa 73M, US visitor, RUQ pain. AST ya mwisho (last AST)?",
     {"shape": "latest", "obs": "1920-8"}),
    (C, CL, "GP, Port Louis. Pasian 73 an, touris amerikin. Ki maladi active on his problem list?",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (C, CL, "Khartoum. مريض 73M, American visitor, on simvastatin. First eGFR on record, with date?",
     {"shape": "first", "obs": "33914-3"}),
    # --- batch 118 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain everyday wording (10: GPs, a practice nurse and a community pharmacist asking
    # short practical questions, patients asking about their own record in ordinary words) and half in voices
    # new to the file (10, greetings, places and jobs grepped first): a Sicilian son in Palermo ("Bongiornu",
    # "me patri", "Salutamu"), a forklift driver ("on the night shift in the warehouse"), a ballroom dancer
    # ("quickstep"), a dictated message with mis-heard words ("goals" heard as "gold"), a terse text, a
    # daughter relaying the pharmacist's question, a wife quoting a discharge letter (lay), a Ghanaian OPD
    # doctor in Tamale ("Desiba", "pt"), a Cameroonian médecin in Yaoundé ("pte", "Allergies connues") and a
    # Nicaraguan médico in Managua ("paciente masc.", "CMP") (clinician); 9 clinician, 11 lay; over the
    # haemoglobin (first), eGFR (count), ALT (highest, with date), diastolic blood pressure (lowest, with date),
    # BMI since 2014 (trend, window), smoking status (latest) Observations, Conditions (anaemia onset, sinusitis
    # end date), MedicationRequests (paracetamol ever, simvastatin first), Immunizations (latest pneumococcal),
    # Procedures (orthopaedic admission date), Encounters (emergency count), DiagnosticReports (last basic
    # metabolic panel, CMP count), CarePlans (physiotherapy ever), the Device (list), demographics (marital
    # status), allergies (absent, as a list), and with the people spec kind the Goals (list); extremes checked
    # unique in the JSON (and not tied once rounded), first values and the trend ends on dates with a single
    # result
    (A, CL, "Does he have any implanted devices? Need to know before I refer him for an MRI.",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (A, CL, "When was his last basic metabolic panel?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (C, CL, "Community pharmacist - has he had paracetamol (acetaminophen) prescribed before? When was the last "
            "script?", {"shape": "ever", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, LAY, "What was my haemoglobin on my first ever blood count, and when was that done?",
     {"shape": "first", "obs": "718-7"}),
    (C, LAY, "How many kidney function (eGFR) results are on my record?", {"shape": "count", "obs": "33914-3"}),
    (A, CL, "When was anaemia first diagnosed?",
     {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (A, LAY, "What does my record have for my marital status?", {"shape": "demographic", "field": "marital"}),
    (C, CL, "Highest ALT recorded, with the date please.", {"shape": "highest", "obs": "1742-6"}),
    (A, LAY, "I'm filling in a life insurance form. What smoking status has my doctor got for me?",
     {"shape": "latest", "obs": "72166-2"}),
    (C, CL, "Practice nurse: has he ever had physiotherapy, and when did it start?",
     {"shape": "ever", "type": "CarePlan", "codes": ["91251008"]}),
    (A, LAY, "Bongiornu. Me patri is staying with us in Palermo and the medico di famiglia asks when his last "
             "sinus infection cleared up, the date it was marked finished in his American notes. Salutamu.",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "end": True}),
    (C, LAY, "I drive a forklift on the night shift in the warehouse and my weight's been all over the place. "
             "Since 2014, where did my BMI start and where is it now?",
     {"shape": "trend", "obs": "39156-5", "window": ("2014-01-01", "9999")}),
    (A, LAY, "I do ballroom, quickstep mostly, and my partner worries about my heart. How many times have I "
             "ended up in emergency altogether?", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    (C, LAY, "dictated. what were the gold comma sorry the goals that his diabetes team set for him full stop "
             "all of them please",
     {"shape": "list", "type": "Goal",
      "names": ["Hemoglobin A1c total in Blood < 7.0", "Glucose [Mass/volume] in Blood < 108",
                "Maintain blood pressure below 140/90 mmHg", "Improve and maintenance of optimal foot health",
                "Address patient knowledge deficit on diabetic self-care"]}),
    (A, LAY, "dad pneumonia jab date??", {"shape": "latest", "type": "Immunization", "codes": ["33", "133"]}),
    (C, LAY, "The pharmacist asked me to check when Dad was first started on his simvastatin. What's the "
             "earliest date on his record?", {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "His discharge letter says 'Admitted to orthopaedics following fall'. What date was that "
             "admission?", {"shape": "date_of", "type": "Procedure", "codes": ["305428000"]}),
    (A, CL, "Desiba. OPD, Tamale Teaching Hospital. Pt 73M, US visitor, dizzy on standing. Lowest diastolic "
            "BP on his record, and date?", {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (C, CL, "Médecin, Yaoundé. Pte 73 ans, touriste américain, éruption cutanée. Allergies connues?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, CL, "Centro de salud, Managua. Paciente masc. 73a, turista de EEUU. How many CMP (panel metabólico "
            "completo) in his record?", {"shape": "count", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    # --- batch 119 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file (greetings, places and jobs grepped first): a Sango
    # daughter in Bangui ("Bara ala", "babâ ti mbï", "Singila mingi"), an Eritrean son in Asmara writing a few
    # Tigrinya words ("ሰላም", "ኣቦይ", "የቐንየለይ"), a Gagauz grandson in Comrat ("Gün aydın", "dedem", "Saa olun"), a
    # Karakalpak granddaughter in Nukus ("Assalawma aleykum", "atam", "Raxmet"), an alpaca keeper ("shearing
    # day"), a canal lock-keeper ("working the paddles"), a voice-assistant message with mis-heard words
    # ("alexa", "pot of sea um"), a long rambling message with the question buried in the middle (a daughter:
    # the boiler man, the allotment, the grandson's driving test), a very terse text, a wife relaying her
    # husband's osteopath's question, a son asking two things in one message, a wife quoting a clinic letter,
    # a wedding photographer ("good with faces, hopeless with names") (13 lay), and clinicians abroad with
    # their own shorthand and a few words of their language: an Armenian family doctor in Gyumri ("հիվանդ",
    # "տ."), a Tajik doctor in Dushanbe ("бемор", "АД"), a Bolivian médico in Oruro ("pcte", "glicemia", "con
    # fecha"), a Lao doctor in Luang Prabang ("ຄົນເຈັບ", "PCV/PPSV"), a Burmese GP in Mandalay ("လူနာ", "PL"), an
    # Uzbek doctor at an oilaviy poliklinika in Samarkand ("bemor", "f/u") and an Afghan doctor in Kabul
    # ("ناروغ", "DEXA") (7 clinician); over HDL and triglycerides (lowest / highest, with date), glucose (lowest,
    # with date), creatinine (first), potassium, systolic and DXA T-score (latest), systolic since 2014
    # (trend, window) Observations, Conditions (bronchitis count, clavicle fracture end date, active list),
    # MedicationRequests (current list), Immunizations (flu count, pneumococcal count, Td ever), Procedures
    # (bone density scan date), CarePlans (physiotherapy end date), one absent item (gout), and with the
    # people spec kind the active care team (CareTeam) and the clinician of the last follow-up visit
    # (Practitioner); extremes checked unique in the JSON (and not tied once rounded), first and latest values
    # and the trend ends on dates with a single result
    (C, LAY, "Bara ala. Babâ ti mbï is staying with us in Bangui now and the doctor at the Hôpital de l'Amitié "
             "wants to know the worst his good cholesterol ever got in America - the lowest HDL and on which "
             "day. Singila mingi.", {"shape": "lowest", "obs": "2085-9"}),
    (A, LAY, "ሰላም. ኣቦይ (my father) is with us in Asmara for the winter and the nurse at Orotta asks how many "
             "flu injections he had in the US, all together. How many does his record show? የቐንየለይ.",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Gün aydın. My dedem has a swollen big toe here in Comrat and the feldsher asks: did he ever have "
             "gout diagnosed in America? Saa olun.", {"shape": "ever", "absent": True}),
    (A, LAY, "Assalawma aleykum. My atam broke his collarbone in America some years ago and the travmatolog here "
             "in Nukus asks on what date it was written down as healed. Raxmet.",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    (A, LAY, "I keep alpacas, and on shearing day I'm the one holding them still, so my blood pressure gets a "
             "workout. Since 2014 has the top number gone up or down - what was it then and what is it now?",
     {"shape": "trend", "obs": "55284-4", "comp": "8480-6", "window": ("2014-01-01", "9999")}),
    (C, LAY, "I'm a lock-keeper, working the paddles all day, and I eat whatever the narrowboat people hand "
             "me. What's the highest my triglycerides have ever been, and what date was that?",
     {"shape": "highest", "obs": "2571-8"}),
    (A, LAY, "alexa send message to the surgery. what was my husbands last pot of sea um. no. potassium blood "
             "result. the most recent one. send", {"shape": "latest", "obs": "6298-4"}),
    (C, LAY, "Hi, I'm doing Dad's paperwork today in between the boiler man coming and my shift at the "
             "allotment shop, and my grandson has his driving test at two so I'm a bit scattered. The new "
             "doctor asked how many times Dad has had bronchitis, the chest kind that got diagnosed, so could "
             "you tell me how many times it's on his record? Then I need to ring the council about the bins, "
             "but that's not your problem!", {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (A, LAY, "bone scan dad - date?", {"shape": "date_of", "type": "Procedure", "codes": ["312681000"]}),
    (C, LAY, "My husband's osteopath asked me to write down every medicine he's currently on before his next "
             "session. What's on the list at the moment?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (A, LAY, "Quick two-parter about Dad: has he ever had a tetanus booster, and if he has, what date was it?",
     {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "The clinic letter says 'Rotator cuff injury, right shoulder - referred for physiotherapy, "
             "course to be reviewed'. When did the physiotherapy actually finish?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"]}),
    (C, LAY, "I'm a wedding photographer, good with faces, hopeless with names. Who is on Dad's care team at "
             "the moment - the doctors and the places looking after him?",
     {"shape": "list", "type": "CareTeam", "status": "active"}),
    (A, CL, "Ընտանեկան բժիշկ, Gyumri. Հիվանդ, American visitor, dehydrated. First creatinine on his "
            "record, with date?", {"shape": "first", "obs": "38483-4"}),
    (C, CL, "Dushanbe, поликлиника. Бемор 73M, US tourist, headache. АД систолическое - last one on record?",
     {"shape": "latest", "obs": "55284-4", "comp": "8480-6"}),
    (A, CL, "Oruro, centro de salud. Pcte masc., turista EEUU, mareos. Glicemia más baja en su historia, con "
            "fecha?", {"shape": "lowest", "obs": "2339-0"}),
    (C, CL, "Luang Prabang provincial hosp. ຄົນເຈັບ 73M, US visitor, cough. How many pneumococcal vaccines "
            "(PCV/PPSV) recorded?", {"shape": "count", "type": "Immunization", "codes": ["33", "133"]}),
    (A, CL, "GP, Mandalay. လူနာ US visitor, chest pain. Active PL (problem list) please.",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (C, CL, "Oilaviy poliklinika, Samarkand. Bemor 73 y., AQSh turisti, on statin. Which doctor saw him at his "
            "last f/u visit?", {"shape": "latest", "type": "Practitioner", "enc": ["390906007"]}),
    (A, CL, "Kabul. ناروغ US contractor, fell from a step. Last DEXA T-score on file?",
     {"shape": "latest", "obs": "38265-5"}),
    # --- batch 120 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; typical voices, the short everyday wording of a UK GP ("QRISK"), a community pharmacist, a
    # practice nurse before a flu jab, a hospital doctor on the ward ("FBC"), a US primary care doctor ("annual
    # physical"), an Australian GP, a NZ GP (10 clinician), and patients and relatives on a portal asking in
    # plain words ("A&E", "flu jab", "targets") (10 lay); over smoking status and pain score (latest), weight
    # (trend), creatinine (highest, with date), LDL since 2015 (trend, window) Observations, Conditions
    # (rotator cuff injury and colon polyp end dates), MedicationRequests (ibuprofen ever), Immunizations (last
    # flu jab), Procedures (colonoscopy count, clavicle X-ray ever), Encounters (last annual physical, the A&E
    # visit date), DiagnosticReports (last FBC), CarePlans (diabetes plan ever), demographics (city),
    # allergies (absent, as a list), and with the people spec kind the Goals (list) and the active care team
    # (CareTeam); extremes checked unique in the JSON (and not tied once rounded), latest values and the trend
    # ends on dates with a single result
    (A, CL, "Doing his QRISK - what's his smoking status on the record?", {"shape": "latest", "obs": "72166-2"}),
    (C, LAY, "Has my weight come down over the years? What was it at the start and what is it now?",
     {"shape": "trend", "obs": "29463-7"}),
    (C, CL, "When was the rotator cuff injury marked as resolved?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (A, LAY, "When did my colon polyp get marked as cleared up?",
     {"shape": "date_of", "type": "Condition", "codes": ["68496003"], "end": True}),
    (A, CL, "Pharmacist here. Has he had ibuprofen prescribed before, and when?",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["310965"]}),
    (C, LAY, "When did Dad last have his flu jab?", {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "Number of colonoscopies on file?", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "Date of his last annual physical?", {"shape": "latest", "type": "Encounter", "codes": ["162673000"]}),
    (A, LAY, "Did they X-ray my collarbone when I broke it? When was that?",
     {"shape": "ever", "type": "Procedure", "codes": ["168594001"]}),
    (C, CL, "When was his last FBC done?", {"shape": "latest", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (A, LAY, "Mum's asking whether Dad is on a diabetes care plan, and since when?",
     {"shape": "ever", "type": "CarePlan", "codes": ["698360004"]}),
    (C, LAY, "What town is on Dad's address on the record?", {"shape": "demographic", "field": "city"}),
    (A, CL, "Practice nurse, about to give his flu jab - any drug allergies recorded?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, CL, "Highest creatinine he's had, and the date?", {"shape": "highest", "obs": "38483-4"}),
    (A, LAY, "Who is Dad's GP? Is there a care team listed for him?",
     {"shape": "list", "type": "CareTeam", "status": "active"}),
    (A, LAY, "What number did they put down for my pain at my last check-up?", {"shape": "latest", "obs": "72514-3"}),
    (C, CL, "How has his LDL trended since 2015?",
     {"shape": "trend", "obs": "18262-6", "window": ("2015-01-01", "9999")}),
    (A, LAY, "What date was I in A&E with my collarbone?",
     {"shape": "date_of", "type": "Encounter", "codes": ["50849002"]}),
    (C, LAY, "What targets has the diabetes team set for me?",
     {"shape": "list", "type": "Goal",
      "names": ["Hemoglobin A1c total in Blood < 7.0", "Glucose [Mass/volume] in Blood < 108",
                "Maintain blood pressure below 140/90 mmHg", "Improve and maintenance of optimal foot health",
                "Address patient knowledge deficit on diabetic self-care"]}),
    (C, CL, "NZ GP - is simvastatin his only current medicine?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    # --- batch 121 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath answered
    # it; unusual voices, every one new to the file (greetings, places and jobs grepped first): a Chuvash
    # granddaughter in Cheboksary ("Ырă кун", "асатте", "Тав"), a Nahuatl grandson in Milpa Alta ("Niltze",
    # "nocolli", "Tlazohcamati"), a Yiddish-speaking daughter in Antwerp ("Sholem aleykhem", "mayn zeyde", "a
    # sheynem dank"), a postwoman ("the sorting office"), a ferry deckhand ("mooring lines"), a knitter ("counting
    # stitches"), a potter ("the kiln"), a dictated message with mis-heard words ("hemo global", "full stop"), a
    # long rambling message with the question buried in the middle (a son: the caravan awning, the pigeons, the
    # parish newsletter), a very terse text, a niece relaying the optician's question, a nephew asking two things
    # in one message, a relative quoting a discharge letter (13 lay), and clinicians abroad with their own shorthand and
    # a few words of their language: a Georgian doctor in Batumi ("პაციენტი", "წ."), a Korean internist in Daegu
    # ("환자", "T-bil"), an Israeli family doctor in Haifa ("מטופל", "קופת חולים"), a Norwegian fastlege in Bergen
    # ("pasient", "år", "legekontor"), a Mongolian doctor in Darkhan ("өвчтөн", "Td"), an Azerbaijani hospital
    # doctor in Sumqayıt ("xəstəxana", "xəstə", "ALP") and a Slovenian družinski zdravnik in Maribor ("pac.", "let",
    # "kadilec") (7 clinician); over chloride and ALP (highest, with date), creatinine (lowest, with date), BMI,
    # total bilirubin and smoking status (latest), total cholesterol (first), HbA1c since 2013 (trend, window), HDL
    # since 2016 (count, window) Observations, Conditions (prediabetes onset, last bronchitis end date),
    # MedicationRequests (paracetamol count), Immunizations (last Td), Procedures (medication review count, bone
    # density scan ever), CarePlans (fracture care end date), demographics (birth date), one absent item (stroke),
    # and with the people spec kind the Goals (list) and the place of the emergency room visit (Organization);
    # extremes checked unique in the JSON (and not tied once rounded), first and latest values and the trend ends on
    # dates with a single result
    (A, LAY, "Ырă кун! My асатте lives with us in Cheboksary now and the doctor here wants his salts from "
             "America. What was the highest his chloride ever got, and which day was that? Тав.",
     {"shape": "highest", "obs": "2069-3"}),
    (C, LAY, "Niltze. Nocolli, my grandfather, is with us in Milpa Alta and the doctor asked how many times the "
             "doctors in the US gave him acetaminophen, the pain tablets. How many prescriptions? Tlazohcamati.",
     {"shape": "count", "type": "MedicationRequest", "codes": ["313782"]}),
    (C, LAY, "Sholem aleykhem. Mayn zeyde is staying with us in Antwerp and one side of his face went a bit "
             "droopy yesterday. The doctor here wants to know: did he ever have a stroke in America? A sheynem dank.",
     {"shape": "ever", "absent": True}),
    (A, LAY, "I'm a postwoman, on my feet all day, and the sorting office wants a date for my sick note "
             "history. When did they sign me off the care plan for my broken collarbone, when did it end?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"]}),
    (C, LAY, "Deckhand on the ferry here, hauling the mooring lines in and out all day. The company medical wants "
             "my BMI, the latest one my doctor wrote down.", {"shape": "latest", "obs": "39156-5"}),
    (A, LAY, "dictating this for my dad. his hemo global a one see, you know the sugar average, what was it in "
             "2013 full stop and what is it at the last test full stop has it gone up or down since 2013",
     {"shape": "trend", "obs": "4548-4", "window": ("2013-01-01", "9999")}),
    (C, LAY, "Right, bear with me. Dad's been at ours since the caravan awning blew off in the storm, and the "
             "pigeons have got into the loft again, which he finds hilarious. Anyway, his new diabetes nurse "
             "asked what goals or targets his old doctors had set for him, so if you could list what's on his "
             "record that would be great. I've also got the parish newsletter to fold tonight, so no rush.",
     {"shape": "list", "type": "Goal",
      "names": ["Hemoglobin A1c total in Blood < 7.0", "Glucose [Mass/volume] in Blood < 108",
                "Maintain blood pressure below 140/90 mmHg", "Improve and maintenance of optimal foot health",
                "Address patient knowledge deficit on diabetic self-care"]}),
    (A, LAY, "dads DOB pls, filling in his passport", {"shape": "demographic", "field": "birthDate"}),
    (C, LAY, "My uncle's optician asked me to find out how long he's been prediabetic, because of his eyes. "
             "When was the prediabetes first put on his record?",
     {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (A, LAY, "Two questions about Mum's brother, sorry: did he ever have one of those bone density scans, and "
             "if so what was the date?", {"shape": "ever", "type": "Procedure", "codes": ["312681000"]}),
    (C, LAY, "His discharge letter says 'Acute bronchitis, second episode - resolved, no further antibiotics'. "
             "What date was that last bout of bronchitis marked as resolved?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "end": True}),
    (A, LAY, "I knit, so I'm used to counting stitches, and I like to keep count of things. How many times have "
             "they sat down and gone through all my medicines with me, a medication review, on my record?",
     {"shape": "count", "type": "Procedure", "codes": ["430193006"]}),
    (C, LAY, "I'm a potter, I spend half my life next to a hot kiln, and I'm trying to eat better. What was my "
             "very first cholesterol reading, the total, and when was it taken?",
     {"shape": "first", "obs": "2093-3"}),
    (A, CL, "Batumi, polyclinic. პაციენტი 73 წ., American tourist, dizziness. Lowest creatinine on his record, "
            "with date?", {"shape": "lowest", "obs": "38483-4"}),
    (C, CL, "Internal medicine, Daegu. 환자 73M, US visitor, mild jaundice? Most recent T-bil in his record?",
     {"shape": "latest", "obs": "1975-2"}),
    (A, CL, "קופת חולים, Haifa. מטופל 73M, US tourist, old clavicle fx. Which hospital ran the ER visit when he "
            "broke it?", {"shape": "latest", "type": "Organization", "enc": ["50849002"]}),
    (C, CL, "Legekontor i Bergen, fastlege. Pasient 73 år, US visitor on statin. Number of HDL results since "
            "2016?", {"shape": "count", "obs": "2085-9", "window": ("2016-01-01", "9999")}),
    (A, CL, "Darkhan, family health centre. Өвчтөн 73M, US tourist, dog bite. Date of last Td?",
     {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (C, CL, "Sumqayıt, şəhər xəstəxanası. Xəstə 73 yaş, US tourist, bone pain. Peak ALP on record and date?",
     {"shape": "highest", "obs": "6768-6"}),
    (C, CL, "Zdravstveni dom Maribor, družinski zdravnik. Pac. 73 let, US tourist, cough. Kadilec? Smoking "
            "status per his record?", {"shape": "latest", "obs": "72166-2"}),
    # --- batch 122 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath answered
    # it; half plain everyday wording (10: a GP, a practice nurse and a community pharmacist asking short practical
    # questions, patients asking about their own record in ordinary words) and half in voices new to the file (10,
    # greetings, places and jobs grepped first): a Cornish-speaking daughter in Truro ("Dydh da", "ow thas", "Meur
    # ras"), a Ladin grandson in Ortisei, Val Gardena ("Bon dì", "mi nene", "Dilan"), a butcher ("the cold room",
    # "the cleaver"), a dictated message with a mis-heard word ("bike carbonate"), a tattooist before giving blood,
    # a grandson relaying the care home manager's question (lay), a Thai hospital doctor in Khon Kaen writing Thai
    # script ("รพ.", "ผู้ป่วย"), a Lithuanian šeimos gydytojas in Klaipėda ("pac.", "m."), a doctor at the Republic
    # of Nauru Hospital ("RON Hospital", "HepB") and a Turkmen doctor in Türkmenabat ("näsag", "ER") (clinician); 11
    # clinician, 9 lay; over height (latest), glucose (lowest, with date), globulin (highest, with date),
    # haemoglobin, bicarbonate, the colon polyp size and smoking status (latest), LDL since 2016 (trend, window)
    # Observations, Conditions (hyperlipidaemia onset, last sinusitis end date), MedicationRequests (last
    # simvastatin), Immunizations (list), Procedures (rectal polypectomy date), Encounters (emergency count),
    # DiagnosticReports (last comprehensive metabolic panel), CarePlans (physiotherapy ever), the Device (list), one
    # absent item (hepatitis B vaccine), and with the people spec kind the clinician of the last general examination
    # (Practitioner) and the inactive care team (CareTeam); extremes checked unique in the JSON (and not tied once
    # rounded), latest values and the trend ends on dates with a single result
    (C, CL, "When was hyperlipidaemia first diagnosed?",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (A, CL, "Nurse clinic: what height did we record for him last time?", {"shape": "latest", "obs": "8302-2"}),
    (C, CL, "Pharmacy - when was his simvastatin last prescribed?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "When did my last sinus infection clear up?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "end": True}),
    (C, CL, "Date of his most recent CMP?", {"shape": "latest", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, LAY, "Am I down as a smoker or a non-smoker on my notes?", {"shape": "latest", "obs": "72166-2"}),
    (C, CL, "What's the lowest blood glucose he's had, and when?", {"shape": "lowest", "obs": "2339-0"}),
    (A, CL, "Before the MRI - does he have any implanted device?",
     {"shape": "list", "type": "Device", "names": ["Implantable defibrillator"]}),
    (C, LAY, "Which vaccinations have I had, according to my record?",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (A, CL, "Which doctor did his last annual exam?",
     {"shape": "latest", "type": "Practitioner", "enc": ["162673000"]}),
    (C, LAY, "Dydh da. Ow thas, my father, is down with us in Truro and his shoulder is playing up again. The GP "
             "asks if he ever had physio for it in America, and when it started. Meur ras.",
     {"shape": "ever", "type": "CarePlan", "codes": ["91251008"]}),
    (A, LAY, "Bon dì. Mi nene is with us in Ortisei for the winter and the doctor here asked how big the polyp "
             "was that they found in his bowel in America. Is the size written down? Dilan.",
     {"shape": "latest", "obs": "33756-8"}),
    (C, LAY, "I'm a butcher, in and out of the cold room all day swinging a cleaver, and I eat a lot of what I "
             "sell. Has my LDL gone up or down since 2016, from the first one that year to the latest?",
     {"shape": "trend", "obs": "18262-6", "window": ("2016-01-01", "9999")}),
    (A, LAY, "voice message for the surgery. what was my dads last bike carbonate. sorry. bicarbonate. the co2 "
             "one on his kidney bloods. the latest result please. end message",
     {"shape": "latest", "obs": "20565-8"}),
    (C, LAY, "I do tattoos for a living and I want to start giving blood, and the session nurse wants to know "
             "my iron level first. What was my haemoglobin on the most recent blood count?",
     {"shape": "latest", "obs": "718-7"}),
    (A, LAY, "The manager at Grandad's care home asked me to find out which doctor and which hospital looked "
             "after him when he broke his collarbone, for their file. Who was it?",
     {"shape": "list", "type": "CareTeam", "status": "inactive"}),
    (C, CL, "Khon Kaen, รพ. ผู้ป่วย 73M, US tourist, oedema. Highest globulin on record, with date?",
     {"shape": "highest", "obs": "10834-0"}),
    (A, CL, "Klaipėda, šeimos gydytojas. Pac. 73 m., US tourist, rectal bleeding. Date of the rectal "
            "polypectomy?", {"shape": "date_of", "type": "Procedure", "codes": ["274031008"]}),
    (C, CL, "RON Hospital, Nauru. Pt 73M, US contractor, needle-stick from a fishing hook. Any HepB vaccination "
            "documented?", {"shape": "ever", "absent": True}),
    (A, CL, "Türkmenabat, hassahana. Näsag 73M, American visitor, chest pain. How many ER visits in his US "
            "record?", {"shape": "count", "type": "Encounter", "cls": "EMER"}),
    # --- batch 123 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file (greetings, places and jobs grepped first): a
    # Faroese daughter in Tórshavn ("pápi", "Stóra takk"), a West Frisian grandson in Leeuwarden ("Moarn", "pake",
    # "Tankewol"), a Maltese son on Gozo ("Bongu", "missieri"), a glazier, a bagpipe player, a dictated message
    # with a mis-heard word ("plate lets"), a very terse text, a wife relaying the optician's question, a
    # two-part question from a son, a long rambling message with the question buried in it (a daughter: the
    # dog groomer, the church jumble sale), an HGV driver before his medical, a clock restorer, a son texting
    # from an oil rig (13 lay), and clinicians abroad writing mostly English with their own shorthand: a
    # Finnish TK doctor in Rovaniemi ("pot.", "RR"), an Estonian family doctor in Haapsalu ("patsient"), a
    # doctor at Coast General in Mombasa ("Hx"), a doctor at Gozo General Hospital ("pt."), an Argentine médico
    # in Ushuaia ("pcte."), a Nepali doctor in Kathmandu ("बिरामी") and a Tamil doctor in Batticaloa ("நோயாளி")
    # (7 clinician); over HbA1c (count), HbA1c since 2014 (trend, window), platelets, albumin and pain score
    # (latest), AST (highest, with date), systolic (lowest, with date), ALT (first) Observations, Conditions
    # (anaemia and cardiac arrest onset, active list), Immunizations (Td ever), Procedures (faecal occult
    # blood test ever, sputum examination date), Encounters (follow-up count), DiagnosticReports (lipid panel
    # count), CarePlans (respiratory therapy ever), one absent item (shingles), and with the people spec kind
    # the clinicians of the urgent care visit and of the emergency room admission (Practitioner); extremes
    # checked unique in the JSON (and not tied once rounded), first and latest values and the trend ends on
    # dates with a single result
    (A, LAY, "Hey. Pápi is staying with us in Tórshavn and the doctor at the hospital here wants to know how "
             "many times his long-term sugar (the HbA1c) was checked in America. How many are in his record? "
             "Stóra takk.", {"shape": "count", "obs": "4548-4"}),
    (C, LAY, "Moarn. My pake lives with us in Leeuwarden now and the huisarts asks since when he has had the "
             "anaemia - what date was it first put in his American file? Tankewol.",
     {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (A, LAY, "Bongu. Missieri cut his hand on a fishing hook here on Gozo and the nurse wants to know if he "
             "ever had a tetanus jab in the States and when. Can you see one?",
     {"shape": "ever", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "I'm a glazier, up ladders with big sheets of glass all day, and the firm's health check flagged "
             "my liver. What's the highest my AST has ever been and on what date?",
     {"shape": "highest", "obs": "1920-8"}),
    (C, LAY, "I play the bagpipes in a pipe band, which takes a lot of puff, and I've been told to watch my "
             "sugar. Since 2014, what was my HbA1c at the start and what is it now?",
     {"shape": "trend", "obs": "4548-4", "window": ("2014-01-01", "9999")}),
    (A, LAY, "note for the doctor. my husband wants his last plate lets. no. platelets. the clotting cells "
             "count from his last blood test. what was the number. thank you end of note",
     {"shape": "latest", "obs": "777-3"}),
    (C, LAY, "dad follow ups how many", {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, LAY, "The optician asked my husband whether he's ever been told he has shingles, because of a rash "
             "near his eye last year. Is there anything about shingles in his notes?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "Two things about Dad, sorry: did they ever do that poo test for hidden blood on him, and if so "
             "when was it done?", {"shape": "ever", "type": "Procedure", "codes": ["1015401000000102"]}),
    (C, LAY, "Morning! Sorry this is long, I've had the dog groomer ringing all morning and I'm meant to be "
             "pricing things for the church jumble sale. Anyway, Dad's new surgery asked which doctor saw him "
             "that time he went to the urgent care clinic, so they can write for the notes. Could you tell me "
             "the name? Then I'll get back to the bric-a-brac.",
     {"shape": "latest", "type": "Practitioner", "enc": ["702927004"]}),
    (A, LAY, "I drive HGVs and my licence medical is due, and the form wants every ongoing condition listed. "
             "What conditions are still active on my record?",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (C, LAY, "I restore old clocks, so I sit hunched over a bench for hours and my back aches. What pain score "
             "did I give them the last time they asked?", {"shape": "latest", "obs": "72514-3"}),
    (C, LAY, "on the rig till next week, signal bad. gp wants the date dad had his spit sample tested for the "
             "chest infection. when was it", {"shape": "date_of", "type": "Procedure", "codes": ["269911007"]}),
    (A, CL, "Rovaniemi, TK. Pot. 73M, US tourist, presyncope in the sauna. Lowest systolic RR on record and "
            "date?", {"shape": "lowest", "obs": "55284-4", "comp": "8480-6"}),
    (C, CL, "Haapsalu, family doctor. Patsient 73M, American visitor, on simvastatin. How many lipid panels "
            "in his record?", {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, CL, "Coast General, Mombasa. Pt 73M, US tourist, palpitations. Hx of cardiac arrest - date of onset "
            "per his record?", {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (C, CL, "Gozo General Hospital. Pt. 73M, US visitor, ankle oedema. Most recent serum albumin?",
     {"shape": "latest", "obs": "1751-7"}),
    (A, CL, "Ushuaia, hospital regional. Pcte. 73M, turista EEUU, old clavicle fracture. Name of the doctor "
            "who saw him in the ER when he broke it?",
     {"shape": "latest", "type": "Practitioner", "enc": ["50849002"]}),
    (C, CL, "Kathmandu, OPD. बिरामी 73M, US trekker, wheeze at altitude. Ever had respiratory therapy, and "
            "latest date?", {"shape": "ever", "type": "CarePlan", "codes": ["53950000"]}),
    (C, CL, "Batticaloa Teaching Hospital. நோயாளி 73M, US visitor, RUQ pain. First ALT on his record, with "
            "date?", {"shape": "first", "obs": "1742-6"}),
    # --- batch 124 (2026-12-04): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; typical voices, the plain everyday wording of a GP, a practice nurse, a community
    # pharmacist and a hospital doctor (11 clinician), and patients and relatives asking about their own or a
    # parent's record in ordinary words (9 lay); over weight and sodium (latest), potassium and eGFR (lowest,
    # with date), systolic (highest, with date), total cholesterol (trend) Observations, DiagnosticReports
    # (last lipid panel), Conditions (prediabetes onset), MedicationRequests (first paracetamol, last ibuprofen),
    # Immunizations (last Td, flu count), Procedures (medication review count, list), CarePlans (fracture care
    # end date), demographics (date of birth, marital status), allergies (absent, as a list), and with the
    # people spec kind the practice of the last general examination (Organization); extremes checked unique in
    # the JSON (and not tied once rounded), latest values and the trend ends on dates with a single result
    (A, CL, "When was the prediabetes first coded?",
     {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (A, CL, "Practice nurse - what was his weight at the last check?", {"shape": "latest", "obs": "29463-7"}),
    (C, CL, "Pharmacist here: when was paracetamol first prescribed for him?",
     {"shape": "first", "type": "MedicationRequest", "codes": ["313782"]}),
    (C, CL, "Lowest potassium on file, and the date?", {"shape": "lowest", "obs": "6298-4"}),
    (C, LAY, "When was my last cholesterol blood test done?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "Is Dad allergic to anything? The hospital keeps asking.",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, CL, "How many medication reviews has he had?",
     {"shape": "count", "type": "Procedure", "codes": ["430193006"]}),
    (C, LAY, "Is my total cholesterol better or worse than when they first tested it? First and latest "
             "numbers please.", {"shape": "trend", "obs": "2093-3"}),
    (A, CL, "Admitting doctor: last sodium result?", {"shape": "latest", "obs": "2947-0"}),
    (C, CL, "Practice nurse: when was his last tetanus (Td) given?",
     {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "What's the lowest my kidney function (eGFR) has been, and when was that?",
     {"shape": "lowest", "obs": "33914-3"}),
    (C, LAY, "Which practice does Dad go to for his yearly check-up? I need to ring them.",
     {"shape": "latest", "type": "Organization", "enc": ["162673000"]}),
    (A, CL, "Can you confirm his date of birth?", {"shape": "demographic", "field": "birthDate"}),
    (C, CL, "Highest systolic he's had, with the date?", {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (A, LAY, "What procedures have I had done? Just a list is fine.",
     {"shape": "list", "type": "Procedure",
      "names": ["Colonoscopy", "Fecal occult blood test", "Rectal polypectomy", "Medication Reconciliation",
                "Clavicle X-ray", "Admission to orthopedic department", "Bone density scan"]}),
    (C, LAY, "How many flu jabs has my dad had altogether?",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "When was his fracture care plan completed?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"]}),
    (C, LAY, "Does my record say I'm married?", {"shape": "demographic", "field": "marital"}),
    (A, CL, "When was ibuprofen last prescribed?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["310965"]}),
    (C, LAY, "Is Dad on a diabetes self-management plan? Since when?",
     {"shape": "ever", "type": "CarePlan", "codes": ["698360004"]}),
    # --- batch 125 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file (greetings, places, jobs and languages grepped
    # first): an Ojibwe grandson in Thunder Bay ("Boozhoo", "nimishoomis", "Miigwech"), a Neapolitan
    # granddaughter in Naples ("Uè", "'o nonno", "Grazie assaje"), a Hungarian grandson in Szeged ("Szia",
    # "nagyapám", "Köszi"), an Udmurt granddaughter in Izhevsk ("Ӟечбуре", "песятае", "Тау"), a children's
    # party clown ("the balloon animals"), an ice-cream van driver ("the chimes"), an undertaker, a school bus
    # driver, a dictated message with mis-heard words ("try glisten rides", "comma"), a very terse text, a
    # long rambling message with the question buried in the middle (a son: the greenhouse glass, the choir
    # rota, the cat at the vet), a granddaughter asking two things in one message, a wife relaying the tour
    # rep's question on a walking holiday (13 lay), and clinicians abroad with their own shorthand and a few words of their
    # language: a Bengali doctor in Sylhet ("রোগী"), a Malagasy doctor at a CSB II in Antananarivo ("marary"),
    # a Punjabi doctor at the Civil Hospital, Amritsar ("ਮਰੀਜ਼"), a Buryat doctor in Ulan-Ude ("б-ой", "ОАК"), a
    # Vietnamese doctor at BV Trung ương Huế ("bệnh nhân", "BN"), a Sámi-speaking doctor in Karasjok
    # ("buohcci") and a Mozambican doctor at the HCN in Nampula ("masc.", "a.") (7 clinician); over potassium and
    # glucose (highest, with date), albumin and pain score (lowest, with date), total protein and triglycerides (latest), haemoglobin (trend) Observations,
    # DiagnosticReports (basic metabolic panel count, metabolic panel count, last CBC), Conditions
    # (hyperlipidaemia onset), MedicationRequests (simvastatin ever), Immunizations (PCV13 ever), Procedures
    # (last colonoscopy, orthopaedic admission date), Encounters (urgent care visit date), one absent item
    # (tuberculosis), and with the people spec kind the Goals (list), the clinician of the shoulder injury
    # visit (Practitioner) and the place of the cardiac arrest visit (Organization); extremes checked unique
    # in the JSON (and not tied once rounded), latest values and the trend ends on dates with a single result
    (A, LAY, "Boozhoo. Nimishoomis came up to Thunder Bay to live with us and the nurse practitioner here wants "
             "his old American bloodwork. What's the highest his potassium ever went, and on which date? "
             "Miigwech.", {"shape": "highest", "obs": "6298-4"}),
    (C, LAY, "Uè! 'O nonno is spending the winter with us in Naples and the dottore asks what health "
             "targets his doctors in America set for him. Can you list them? Grazie assaje.",
     {"shape": "list", "type": "Goal",
      "names": ["Hemoglobin A1c total in Blood < 7.0", "Glucose [Mass/volume] in Blood < 108",
                "Maintain blood pressure below 140/90 mmHg", "Improve and maintenance of optimal foot health",
                "Address patient knowledge deficit on diabetic self-care"]}),
    (C, LAY, "Szia! Nagyapám moved to Szeged to be near us and the doctor here is asking since when he has "
             "had the high blood fats, the hyperlipidaemia. What date was it diagnosed? Köszi.",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (A, LAY, "Ӟечбуре. My песятае is staying with us in Izhevsk and the hospital wants to know when his last "
             "camera test of the bowel, the colonoscopy, was done in the USA. Тау.",
     {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "I work as a clown at children's parties - the balloon animals play havoc with my shoulder. "
             "What's the lowest pain score I've ever given at a check-up, and what date was that?",
     {"shape": "lowest", "obs": "72514-3"}),
    (A, LAY, "I drive an ice-cream van, so you can guess what I snack on between the chimes. What was the "
             "highest my blood sugar (glucose) has ever been on my record, and when?",
     {"shape": "highest", "obs": "2339-0"}),
    (C, LAY, "I'm an undertaker, long days on my feet and not much appetite. My GP mentioned my protein "
             "levels - what was my total protein at the last blood test?", {"shape": "latest", "obs": "2885-2"}),
    (A, LAY, "I drive a school bus and the depot wants proof I get my kidneys and salts checked. How many "
             "basic metabolic panels have I had done in total?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (C, LAY, "voice note for the nurse. my husband's try glisten rides comma the fat in the blood comma what "
             "was the number at his latest test question mark thanks",
     {"shape": "latest", "obs": "2571-8"}),
    (C, LAY, "urgent care visit dad when", {"shape": "date_of", "type": "Encounter", "codes": ["702927004"]}),
    (A, LAY, "Evening. Bit of a week - the greenhouse glass blew in on Tuesday, I'm meant to be doing the "
             "choir rota, and the cat's at the vet with something in her paw. In the middle of it all Dad's "
             "new physio asked what date he was admitted to the orthopaedic ward when he broke his "
             "collarbone. Can you find that date? Anyway, back to sweeping up the glass.",
     {"shape": "date_of", "type": "Procedure", "codes": ["305428000"]}),
    (C, LAY, "Two questions about Grandpa: was he ever put on simvastatin, and when was the most recent "
             "prescription of it?", {"shape": "ever", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "We're on a walking holiday in the hills and my husband has a chesty cough. The tour rep asked "
             "whether he's ever had the PCV13 pneumonia vaccine and on what date. Is it in his record?",
     {"shape": "ever", "type": "Immunization", "codes": ["133"]}),
    (C, CL, "Sylhet, Osmani MCH. রোগী 73M, US visitor, pedal oedema. Lowest serum albumin on his record, "
            "with date?", {"shape": "lowest", "obs": "1751-7"}),
    (A, CL, "CSB II, Antananarivo. Marary 73M, American tourist, fatigue. Hb trend - first and most recent "
            "values?", {"shape": "trend", "obs": "718-7"}),
    (C, CL, "Civil Hospital, Amritsar. ਮਰੀਜ਼ 73M, US NRI relative visiting, LFT query. How many comprehensive "
            "metabolic panels are on file?", {"shape": "count", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, CL, "Ulan-Ude, РКБ. Б-ой 73M, US tourist at Baikal, pallor. Date of his last ОАК (CBC) on record?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, CL, "BV Trung ương Huế. Bệnh nhân (BN) 73M, US visitor, R shoulder pain. Name of the doctor who saw "
            "him for his old rotator cuff injury?", {"shape": "latest", "type": "Practitioner", "enc": ["185347001"]}),
    (A, CL, "Karasjok. Buohcci 73M, American visitor, syncope on a snowmobile trip. Hx cardiac arrest - which "
            "hospital treated him for it?", {"shape": "latest", "type": "Organization", "enc": ["410429000"]}),
    (C, CL, "HCN, Nampula. Masc., 73 a., US volunteer, chronic cough x 3 weeks. Any TB ever recorded in his "
            "history?", {"shape": "ever", "absent": True}),
    # --- batch 126 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; half plain: the plain everyday wording of a GP, a practice nurse and a hospital doctor (5
    # clinician) and of patients asking about their own record (5 lay), and half in new voices different from
    # batch 125's: a Karelian granddaughter in Petrozavodsk ("Terveh", "Passibo"), a Kalmyk
    # daughter in Elista ("Мендвт", "аав", "Ханҗанав"), a mushroom forager, a signwriter, a gondolier nephew in
    # Venice ("the traghetto"), a teenage grandson texting ("rn", "fr fr") (6 lay), a Tuvan doctor in
    # Kyzyl ("аарыг кижи"), a Chechen doctor in Grozny ("болн."), a Swedish Sámi-country doctor in Jokkmokk
    # ("pat.", "hälsocentral") and a Khakas doctor in Abakan ("б-ной", "ГБ") (4 clinician); over calcium,
    # weight and total protein (latest), HbA1c (trend), total cholesterol since 2015 (count, window), BUN and
    # ALT (highest, with date), sodium and bicarbonate (lowest, with date) Observations, DiagnosticReports
    # (first lipid panel), Conditions (sinusitis count, active list), MedicationRequests (first simvastatin),
    # Encounters (symptom visit count), CarePlans (last respiratory therapy end date, hyperlipidaemia plan
    # ever), demographics (language, birth place), allergies (absent, as a list), and with the people spec
    # kind the active care team (CareTeam) and the clinician of the last general examination (Practitioner);
    # extremes checked unique in the JSON (and not tied once rounded), latest values and the trend ends on
    # dates with a single result
    (C, CL, "What was his calcium on the most recent blood test?", {"shape": "latest", "obs": "49765-1"}),
    (C, CL, "When was his first lipid panel done?",
     {"shape": "first", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, CL, "How many episodes of viral sinusitis are recorded?",
     {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (C, CL, "When did his latest course of respiratory therapy end?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["53950000"]}),
    (A, CL, "Who is on his current care team?", {"shape": "list", "type": "CareTeam", "status": "active"}),
    (C, LAY, "Which language does my record say I speak?", {"shape": "demographic", "field": "language"}),
    (A, LAY, "Has my HbA1c gone up since they started measuring it? What was the first result and what "
             "is the latest?", {"shape": "trend", "obs": "4548-4"}),
    (C, LAY, "How many times has my cholesterol been checked since 2015?",
     {"shape": "count", "obs": "2093-3", "window": ("2015-01-01", "9999")}),
    (A, LAY, "Are there any allergies on my record?", {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, LAY, "Am I on a care plan for my high cholesterol? When did it start?",
     {"shape": "ever", "type": "CarePlan", "codes": ["736285004"]}),
    (A, LAY, "Terveh! My grandpa lives with us in Petrozavodsk now and the terapevt wants to see his American "
             "kidney numbers. What was his highest urea nitrogen (BUN), and on what day? Passibo.",
     {"shape": "highest", "obs": "6299-2"}),
    (C, LAY, "Мендвт. Аав (my father) is with us in Elista for the winter and the polyclinic asks which "
             "illnesses are still active on his American record. Please list them. Ханҗанав.",
     {"shape": "list", "type": "Condition", "status": "active", "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (C, LAY, "I forage mushrooms for restaurants and a chef friend worried I'd poisoned my liver. What's "
             "the highest my ALT has ever been, and when?", {"shape": "highest", "obs": "1742-6"}),
    (A, LAY, "I'm a signwriter, I paint shopfronts for a living, and the passport office form wants my "
             "place of birth exactly as the doctors have it. What town is recorded?",
     {"shape": "demographic", "field": "birthPlace"}),
    (A, LAY, "Ciao, I'm his nephew, I row the traghetto across the Grand Canal in Venice. My uncle fainted on the "
             "vaporetto and the doctor here wants the name of the doctor who did his last yearly check-up "
             "in America.", {"shape": "latest", "type": "Practitioner", "enc": ["162673000"]}),
    (C, LAY, "grandad's weight rn?? like the latest one fr fr, the doctor says he's lost some",
     {"shape": "latest", "obs": "29463-7"}),
    (C, CL, "Kyzyl, Republican hospital. Аарыг кижи 73M, US tourist, confusion. Lowest Na on record, with "
            "date?", {"shape": "lowest", "obs": "2947-0"}),
    (A, CL, "Grozny, РКБ. Болн. 73M, US journalist, abdominal pain. How many 'encounter for symptom' visits "
            "in his chart?", {"shape": "count", "type": "Encounter", "codes": ["185345009"]}),
    (C, CL, "Hälsocentral, Jokkmokk. Pat. 73M, US visitor, myalgia. When was simvastatin first prescribed?",
     {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, CL, "Abakan, ГБ. Б-ной 73M, American tourist, vomiting. Lowest HCO3 (CO2) on his record and date?",
     {"shape": "lowest", "obs": "20565-8"}),
    # --- batch 127 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file (greetings, places, jobs and languages grepped
    # first): a Kikuyu grandson in Nyeri ("Wĩ mwega", "guka", "Nĩ ngatho"), an Ossetian granddaughter in
    # Vladikavkaz ("Дæ бон хорз", "Бузныг"), an Acholi daughter in Gulu ("Itye nining", "baba", "Apwoyo"), a
    # Yucatec Maya grandson in Mérida ("in nool", "Dios bo'otik"), a Bashkir granddaughter in Ufa
    # ("Һаумыһығыҙ", "олатайым", "Рәхмәт"), a wheelwright, a steeplejack, a dog walker, a dictated message with
    # mis-heard words ("cream a teen", "full stop"), a very terse text, a long rambling message with the
    # question buried in the middle (a daughter: the goat on the roof tiles, the pub quiz, the boiler), a son
    # asking two things in one message, a wife relaying the snorkelling instructor's question on a cruise (13
    # lay), and clinicians abroad writing mostly English with their own shorthand: a doctor at the DHQ
    # Hospital in Gilgit ("مریض"), a doctor at the Hospital Agostinho Neto in Praia ("duenti"), a doctor at the
    # Opšta bolnica in Kotor ("bol.", "g."), a doctor at the Hôpital Peltier in Djibouti ("touriste", "vaccins"),
    # a doctor at NEIGRIHMS in Shillong ("Khublei", "k/c/o"), a doctor at Juba Teaching Hospital ("JTH",
    # "PMHx") and a doctor at the okrug hospital in Salekhard ("ЯНАО", "мужч.") (7 clinician); over urea
    # nitrogen and diastolic (lowest, with date), creatinine and calcium (highest, with date), haematocrit
    # (latest), BMI and LDL (first, with date), eGFR since 2014 (trend, window), potassium since 2015 (count,
    # window) Observations, Conditions (rotator cuff injury and obesity onset), MedicationRequests (ibuprofen
    # ever), Immunizations (pneumococcal polysaccharide ever, list), Procedures (colonoscopy count), Encounters
    # (general examination count), CarePlans (active list), one absent item (asthma), and with the people spec
    # kind the practice of the last general examination (Organization) and the clinician of the last
    # follow-up visit (Practitioner); extremes checked unique in the JSON (and not tied once rounded), first
    # and latest values and the trend ends on dates with a single result
    (A, LAY, "Wĩ mwega. Guka, my grandfather, has come home to Nyeri and the doctor at the county hospital wants "
             "his kidney tests from America. What was the lowest his urea nitrogen (BUN) ever was, and on "
             "which date? Nĩ ngatho.", {"shape": "lowest", "obs": "6299-2"}),
    (C, LAY, "Дæ бон хорз. My grandfather is staying with us in Vladikavkaz and the polyclinic doctor asked for "
             "his haematocrit from the last blood count he had in the USA. What was the number? Бузныг.",
     {"shape": "latest", "obs": "4544-3"}),
    (A, LAY, "Itye nining. Baba is visiting us in Gulu and the health centre is asking about his pneumonia "
             "vaccines. Did he ever get the 23 one, the polysaccharide, and what date? Apwoyo.",
     {"shape": "ever", "type": "Immunization", "codes": ["33"]}),
    (C, LAY, "Hello from Mérida. In nool (my grandpa) is with us for the winter and his shoulder hurts again. "
             "The doctor here wants to know when he first hurt the tendon, the rotator cuff, in the US. What "
             "date is on his record? Dios bo'otik.",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"]}),
    (A, LAY, "Һаумыһығыҙ! Олатайым (my grandfather) lives with us in Ufa now and the new doctor would like to "
             "write to the practice in America that did his yearly check-ups. What is it called? Рәхмәт.",
     {"shape": "latest", "type": "Organization", "enc": ["162673000"]}),
    (C, LAY, "I build and mend wooden cart wheels for a living - a wheelwright, one of the last. Heavy work. "
             "The nurse asked what my very first BMI on record was and when they measured it.",
     {"shape": "first", "obs": "39156-5"}),
    (A, LAY, "I'm a steeplejack, so I spend my days up church spires and bell towers, and I went a bit "
             "lightheaded at the top of one. What's the lowest my bottom blood pressure number has been, and "
             "on what date?", {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (C, LAY, "I walk eight dogs at a time, rain or shine, so I drink a lot of water. Since 2014, what was my "
             "kidney filtration (eGFR) at the first test that year and what is it at the latest one?",
     {"shape": "trend", "obs": "33914-3", "window": ("2014-01-01", "9999")}),
    (C, LAY, "dictation for the practice. my husbands cream a teen full stop no i mean creatinine full stop the "
             "kidney blood test full stop what is the highest it has ever been and what date full stop thank "
             "you", {"shape": "highest", "obs": "38483-4"}),
    (A, LAY, "dad colonoscopies how many", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "Hi, long one sorry. A neighbour's goat got out and climbed onto our shed, knocked half the roof "
             "tiles off, and I'm also supposed to be writing questions for the pub quiz on Friday. The boiler "
             "man is coming at four. Anyway - Dad's new GP wants to know which care plans he is still on from "
             "his old doctors, so could you list the active ones? Right, back to the goat.",
     {"shape": "list", "type": "CarePlan", "status": "active",
      "names": ["Diabetes self management plan", "Hyperlipidemia clinical management plan"]}),
    (A, LAY, "Two things about my dad, if you can: was he ever given ibuprofen on prescription, and if so "
             "what date was it written?", {"shape": "ever", "type": "MedicationRequest", "codes": ["310965"]}),
    (C, LAY, "We're on a cruise and my husband wants to go snorkelling tomorrow. The instructor has a form and "
             "asks whether he has ever been diagnosed with asthma. Does his record say so?",
     {"shape": "ever", "absent": True}),
    (A, CL, "DHQ Hospital, Gilgit. مریض 73M, US trekker, BMI query. Obesity (BMI 30+) - date first recorded?",
     {"shape": "date_of", "type": "Condition", "codes": ["162864005"]}),
    (C, CL, "HAN, Praia. Duenti 73M, US visitor, routine review. How many general examinations in his record?",
     {"shape": "count", "type": "Encounter", "codes": ["162673000"]}),
    (A, CL, "Opšta bolnica Kotor. Bol. 73 g., US cruise passenger, chest tightness. First LDL on file, with "
            "date?", {"shape": "first", "obs": "18262-6"}),
    (A, CL, "Hôpital Peltier, Djibouti. Pt 73M, touriste US, plaie du pied. Vaccins: which immunisations are "
            "documented?",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (C, CL, "Khublei. NEIGRIHMS, Shillong. Pt 73M, US visitor, k/c/o hyperlipidaemia. Name of the doctor at "
            "his last follow-up visit?", {"shape": "latest", "type": "Practitioner", "enc": ["390906007"]}),
    (C, CL, "JTH, Juba. Pt 73M, US aid worker, weakness. PMHx per US record: number of K+ results since 2015?",
     {"shape": "count", "obs": "6298-4", "window": ("2015-01-01", "9999")}),
    (A, CL, "ОКБ Салехард, ЯНАО. Мужч. 73 г., US engineer, cramps. Highest serum Ca on record, and date?",
     {"shape": "highest", "obs": "49765-1"}),
    # --- batch 128 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; typical voices, the plain everyday wording of a GP, a practice nurse, a community
    # pharmacist and a hospital doctor (11 clinician), and patients and relatives asking about their own or a
    # parent's record in ordinary words (9 lay); over urea nitrogen and HDL (latest), glucose (lowest, with
    # date), triglycerides (highest, with date), weight (trend), blood pressure readings since 2015 (count,
    # window) Observations, Conditions (active list, collarbone fracture end date), MedicationRequests
    # (simvastatin count), Immunizations (last and first flu vaccine), Procedures (clavicle X-ray date),
    # Encounters (check-up count), DiagnosticReports (last basic metabolic panel), demographics (race),
    # allergies (absent, as a list), one absent item (heart failure), and with the people spec kind the Goals
    # (list), the active care teams (CareTeam) and the place of the urgent care visit (Organization);
    # extremes checked unique in the JSON (and not tied once rounded), first and latest values and the trend
    # ends on dates with a single result
    (C, CL, "What was his urea (BUN) on the latest bloods?", {"shape": "latest", "obs": "6299-2"}),
    (A, CL, "Practice nurse here - when did he last have his flu vaccine?",
     {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (C, CL, "Pharmacy: how many simvastatin prescriptions have been issued for him in total?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, CL, "On the ward: what's the lowest blood glucose recorded for him, and on what date?",
     {"shape": "lowest", "obs": "2339-0"}),
    (A, CL, "Can you give me his active problem list?",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (C, CL, "Highest triglyceride level he's had, and when was it?", {"shape": "highest", "obs": "2571-8"}),
    (C, CL, "How many blood pressure readings do we have for him since 2015?",
     {"shape": "count", "obs": "55284-4", "window": ("2015-01-01", "9999")}),
    (A, CL, "Before I dispense this - does he have any recorded drug allergies?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (A, CL, "What date was his clavicle X-ray?", {"shape": "date_of", "type": "Procedure", "codes": ["168594001"]}),
    (C, CL, "When was his last basic metabolic panel?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (C, CL, "Who is on his care team at the moment?", {"shape": "list", "type": "CareTeam", "status": "active"}),
    (C, LAY, "How many check-up appointments have I had, going by my record?",
     {"shape": "count", "type": "Encounter", "codes": ["185349003"]}),
    (A, LAY, "When was Dad's first flu jab on his record?",
     {"shape": "first", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Have I lost weight? What did I weigh at my first check and what do I weigh now?",
     {"shape": "trend", "obs": "29463-7"}),
    (A, LAY, "What was my HDL, the good cholesterol, at my last test?", {"shape": "latest", "obs": "2085-9"}),
    (C, LAY, "Has my father ever been told he has heart failure?", {"shape": "ever", "absent": True}),
    (A, LAY, "When was my broken collarbone marked as healed?",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    (C, LAY, "What race am I recorded as on my notes?", {"shape": "demographic", "field": "race"}),
    (A, LAY, "What health goals has my doctor set for me?",
     {"shape": "list", "type": "Goal",
      "names": ["Hemoglobin A1c total in Blood < 7.0", "Glucose [Mass/volume] in Blood < 108",
                "Maintain blood pressure below 140/90 mmHg", "Improve and maintenance of optimal foot health",
                "Address patient knowledge deficit on diabetic self-care"]}),
    (C, LAY, "Which clinic did Dad go to when he needed urgent care?",
     {"shape": "latest", "type": "Organization", "enc": ["702927004"]}),
    # --- batch 129 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; unusual voices, every one new to the file (greetings, places, jobs and languages grepped
    # first): a Zapotec grandson in Juchitán ("Padiuxi", "Xquixe pe' lii"), a K'iche' granddaughter in Xela
    # ("Saqarik", "nu mam", "Maltyox"), a Mohawk grandson in Kahnawake ("She:kon", "Rakhsótha", "Niá:wen"), a
    # granddaughter on Jeju ("혼저옵서예", "하르방", "고맙수다"), an escapologist, an ice sculptor, an equine
    # dentist, a dictated message with mis-heard words ("alkaline foss fate ace", "new line"), a very terse
    # text, a long rambling message with the question buried in the middle (a son: the llama that escaped the
    # petting farm, the bake sale, the broken tumble dryer), a daughter asking two things in one message, a
    # wife relaying a llama-trekking guide's question, a son's message full of typos (13 lay), and clinicians
    # abroad writing mostly English with their own shorthand: a doctor in Kaohsiung ("病人"), a doctor at the
    # SPMC in Davao ("pasyente"), a doctor at the HDES in Ponta Delgada ("Senhor", "a."), a doctor at the
    # Landesspital in Vaduz ("73-jähriger"), a doctor at Meritxell in Andorra ("malalt"), a doctor in Zakopane
    # ("chory", "l.") and a doctor at the Conde S. Januário in Macau ("患者") (7 clinician); over LDL, chloride,
    # alkaline phosphatase and globulin (highest, with date), diastolic (lowest, with date), glucose since
    # 2016 (trend, window), bilirubin (latest), HbA1c since 2015 (count, window), HDL (first, with date)
    # Observations, Conditions (colon polyp onset, acute bronchitis count), MedicationRequests (paracetamol
    # ever, active list), Immunizations (count of all), Procedures (polypectomy date), Encounters (check-up
    # count), CarePlans (physical therapy end date), one absent item (epilepsy), and with the people spec kind
    # the clinician of the last symptom visit (Practitioner) and the hospital of the emergency room admission
    # (Organization); extremes checked unique in the JSON (and not tied once rounded), first and latest values
    # and the trend ends on dates with a single result
    (C, LAY, "Padiuxi. My grandfather has come to live with us in Juchitán and the doctor at the clinic here "
             "asks about his bad cholesterol from America. What is the highest his LDL ever got, and on what "
             "day? Xquixe pe' lii.", {"shape": "highest", "obs": "18262-6"}),
    (A, LAY, "Saqarik. Nu mam (my grandfather) stays with us in Xela now and the doctor wants to know when "
             "they found the polyp in his bowel in the United States. What date does his record give? "
             "Maltyox.", {"shape": "date_of", "type": "Condition", "codes": ["68496003"]}),
    (C, LAY, "She:kon. Rakhsótha is living with us in Kahnawake and his new family doctor wants to contact "
             "the American doctor who saw him the last time he went in with symptoms, the chesty one. Who was "
             "that? Niá:wen.", {"shape": "latest", "type": "Practitioner", "enc": ["185345009"]}),
    (A, LAY, "혼저옵서예 from Jeju! My 하르방 is spending the winter with us and the clinic here asked how many "
             "vaccinations he has had in total in America, all kinds together. How many are there? 고맙수다.",
     {"shape": "count", "type": "Immunization"}),
    (C, LAY, "I'm an escapologist - chains, padlocks, a tank of water, the lot - and holding my breath upside "
             "down makes my head pound. What's the lowest my bottom blood pressure number has ever been, and "
             "when was that?", {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (A, LAY, "I carve ice sculptures for weddings, working in a freezer room most of the day, and my GP "
             "mentioned my salts. What is the highest my chloride has been, and on what date?",
     {"shape": "highest", "obs": "2069-3"}),
    (C, LAY, "I'm an equine dentist, so I spend my days with my arm in horses' mouths, and I keep getting "
             "chest colds off the yard. How many times have I had acute bronchitis on my record?",
     {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (C, LAY, "message for the surgery new line my father's alkaline foss fate ace sorry alkaline phosphatase "
             "the liver one new line what is the highest it has been and the date new line thanks",
     {"shape": "highest", "obs": "6768-6"}),
    (A, LAY, "grandad polyp removal date?", {"shape": "date_of", "type": "Procedure", "codes": ["274031008"]}),
    (C, LAY, "Hiya, sorry, mad day. A llama got out of the petting farm down the road and ended up in our "
             "front garden eating the hedge, I've got forty cupcakes to ice for the school bake sale and the "
             "tumble dryer's making a noise like a helicopter. Anyway - Dad's physio here wants to know when "
             "his physical therapy for the shoulder finished back in the States. Do you have the date? Right, "
             "the llama man is here.", {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"]}),
    (C, LAY, "Couple of things about Dad please: was he ever prescribed paracetamol (acetaminophen), and when "
             "was the most recent one?", {"shape": "ever", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, LAY, "We're on a llama-trekking holiday in the mountains and the guide asked me to check something "
             "before we go higher: has my husband ever been diagnosed with epilepsy or had seizures?",
     {"shape": "ever", "absent": True}),
    (C, LAY, "hi can u tell me what my dads glucsoe was doing sinse 2016, the frist one that yaer and the "
             "lastest one? his sugars i mean. thnaks", {"shape": "trend", "obs": "2339-0",
                                                       "window": ("2016-01-01", "9999")}),
    (C, CL, "Kaohsiung, OPD. 病人 73M, US visitor, jaundice query. Latest total bilirubin on his record?",
     {"shape": "latest", "obs": "1975-2"}),
    (A, CL, "SPMC Davao. Pasyente 73M, American retiree, prediabetes f/u. Number of HbA1c results since "
            "2015?", {"shape": "count", "obs": "4548-4", "window": ("2015-01-01", "9999")}),
    (C, CL, "HDES, Ponta Delgada. Senhor 73 a., US whale-watcher, oedema. Highest globulin on record, with "
            "date?", {"shape": "highest", "obs": "10834-0"}),
    (A, CL, "Landesspital Vaduz. 73-jähriger US tourist, routine review. How many 'check-up' encounters in "
            "his chart?", {"shape": "count", "type": "Encounter", "codes": ["185349003"]}),
    (C, CL, "Hospital de Meritxell, Andorra. Malalt 73M, US skier, med rec. Current active medications per "
            "his record?", {"shape": "list", "type": "MedicationRequest", "status": "active",
                            "names": ["Simvistatin"]}),
    (A, CL, "Zakopane, szpital. Chory 73 l., US hiker, fall on the trail. Which hospital did his ER admission "
            "for the clavicle fracture?", {"shape": "latest", "type": "Organization", "enc": ["50849002"]}),
    (C, CL, "Conde S. Januário, Macau. 患者 73M, US visitor, lipids. First HDL on file and its date?",
     {"shape": "first", "obs": "2085-9"}),
    # --- batch 130 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered
    # it; half plain: the plain everyday wording of a GP, a hospital doctor and a pharmacist (5 clinician) and of
    # patients asking about their own record (5 lay), and half in new voices different from batch 129's: a Cree
    # grandson in Moose Factory ("Wâciyê", "nimosôm", "Ekosi"), a Miskito daughter in Bilwi ("Naksa", "Tingki
    # pali"), a shepherd at lambing time, a semi-pro goalkeeper, a harpsichord maker (5 lay), a doctor at the CHPG
    # in Monaco ("pat."), a doctor at the Hospital Dr. Nélio Mendonça in Funchal ("homem"), a GP at the Balfour in
    # Kirkwall ("probs", "SOB"), the doctor on Lord Howe Island ("73yo") and a doctor at the Hôpital de Sia on
    # Wallis ("antécédent", "TVP") (5 clinician); over creatinine and AST (lowest, with date), total cholesterol
    # and pain score (highest, with date), systolic (first), sodium since 2015 (trend, window), HDL (latest)
    # Observations, DiagnosticReports (first comprehensive metabolic panel), Conditions (active list),
    # MedicationRequests (last simvastatin), Immunizations (pneumococcal 23 date), Procedures (medication
    # reconciliation count), Encounters (last check-up), CarePlans (list of all), demographics (ethnicity),
    # allergies (absent, as a list), one absent item (DVT), and with the people spec kind the Goals (list), the
    # past care team (CareTeam, inactive) and the place of the last follow-up visit (Organization); extremes
    # checked unique in the JSON (and not tied once rounded), first and latest values and the trend ends on dates
    # with a single result
    (C, CL, "When was his first comprehensive metabolic panel?",
     {"shape": "first", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, CL, "What's the lowest creatinine he's had, and the date?", {"shape": "lowest", "obs": "38483-4"}),
    (C, CL, "Are there any treatment goals documented for him? Please list them.",
     {"shape": "list", "type": "Goal",
      "names": ["Hemoglobin A1c total in Blood < 7.0", "Glucose [Mass/volume] in Blood < 108",
                "Maintain blood pressure below 140/90 mmHg", "Improve and maintenance of optimal foot health",
                "Address patient knowledge deficit on diabetic self-care"]}),
    (A, CL, "On what date was he given the 23-valent pneumococcal vaccine?",
     {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (C, CL, "Pharmacist: how many medication reconciliations are recorded for him?",
     {"shape": "count", "type": "Procedure", "codes": ["430193006"]}),
    (A, LAY, "What ethnicity is written on my record?", {"shape": "demographic", "field": "ethnicity"}),
    (C, LAY, "What was my top blood pressure number the very first time it was recorded, and when was that?",
     {"shape": "first", "obs": "55284-4", "comp": "8480-6"}),
    (A, LAY, "Has my sodium changed since 2015? What was the first reading that year and the most recent one?",
     {"shape": "trend", "obs": "2947-0", "window": ("2015-01-01", "9999")}),
    (C, LAY, "Do I have any allergies written down anywhere in my notes?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (A, LAY, "When was my last check-up appointment?",
     {"shape": "latest", "type": "Encounter", "codes": ["185349003"]}),
    (C, LAY, "Wâciyê. Nimosôm lives with us in Moose Factory now and the nurse at the hospital here is asking "
             "about his cholesterol in the States. What was the highest total cholesterol he ever had, and "
             "when? Ekosi.", {"shape": "highest", "obs": "2093-3"}),
    (A, LAY, "Naksa. My father is with us in Bilwi and the doctor here wants to know who looked after him "
             "before, the old care team from the hospital in America, not the current one. Who was on it? "
             "Tingki pali.", {"shape": "list", "type": "CareTeam", "status": "inactive"}),
    (C, LAY, "I keep sheep, and with lambing I've barely slept, so I've lost track of what the doctors have "
             "me on. Which care plans have I been put on over the years, finished ones included?",
     {"shape": "list", "type": "CarePlan",
      "names": ["Diabetes self management plan", "Respiratory therapy", "Hyperlipidemia clinical management plan",
                "Physical therapy procedure"]}),
    (A, LAY, "I still play in goal for the town's Sunday team at my age, and I get knocked about. What's the "
             "highest pain score I've given at an appointment, and on which date?",
     {"shape": "highest", "obs": "72514-3"}),
    (C, LAY, "I build harpsichords, which means a lot of varnish and glue fumes in the workshop, so I like to "
             "keep an eye on my liver. What's the lowest my AST has ever been, and on what date?",
     {"shape": "lowest", "obs": "1920-8"}),
    (A, CL, "CHPG, Monaco. Pat. 73M, US Grand Prix fan, chest pain. Most recent HDL?",
     {"shape": "latest", "obs": "2085-9"}),
    (C, CL, "Hospital Dr. Nélio Mendonça, Funchal. Homem, 73, US visitor, BP review. Where was his last "
            "follow-up visit done - which hospital or practice?", {"shape": "latest", "type": "Organization", "enc": ["390906007"]}),
    (C, CL, "Balfour, Kirkwall. 73M, US birdwatcher, SOB. Active probs on his record?",
     {"shape": "list", "type": "Condition", "status": "active", "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (C, CL, "Lord Howe Island hospital. 73yo M, US tourist, leg cramps. When was simvastatin last "
            "prescribed?", {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, CL, "Hôpital de Sia, Wallis. H 73, US visitor, swollen calf. Any antécédent de TVP (DVT) in his "
            "record?", {"shape": "ever", "absent": True}),
    # --- batch 131 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered it;
    # unusual voices, every one new to the file (greetings, places, jobs and languages grepped first): a Lezgian
    # granddaughter in Derbent ("Ассаламу алейкум", "чӀехи буба", "Сагърай"), a Kabardian grandson in Nalchik ("Фи махуэ
    # фӀыуэ", "Тхьэм упсэу"), an Abkhaz daughter in Sukhum ("Бзиала шәаабеит", "Иҭабуп"), a Meadow Mari grandson in
    # Yoshkar-Ola ("Салам лийже", "кугезе"), a bell founder, a cooper, a pipe organ tuner, a dictated message with mis-
    # heard words ("alanine amino transfer ace", "comma"), a very terse text, a long rambling message with the question
    # buried in the middle (a son: the wasp nest in the loft, the church bingo, the ride-on mower's flat tyre), a
    # daughter asking two things in one message, a wife relaying a dog-sled musher's question, a granddaughter's message
    # full of typos (13 lay), and clinicians abroad writing mostly English with their own shorthand: a doctor at the
    # hospital in Longyearbyen ("mann", "år"), a doctor at the General Hospital in Jamestown, St Helena ("Saint", "GH"),
    # a doctor at the RHH in Hobart ("y/o", "Hx"), a doctor at the Médipôle in Nouméa ("ATCDs", "sinusites"), a doctor
    # at Stanton in Yellowknife ("STH"), a doctor at PMGH in Port Moresby ("sikman") and a doctor at the hospital in
    # Kiruna ("73-årig man", "tolk") (7 clinician); over chloride, ALT and calcium (highest, with date), carbon dioxide
    # and HDL (lowest, with date), albumin (latest), platelets (first, with date), HbA1c since 2014 (trend, window)
    # Observations, Conditions (hyperlipidaemia onset, viral sinusitis count), Immunizations (flu vaccine count),
    # Procedures (bone density scan ever), Encounters (follow-up count), DiagnosticReports (last lipid panel), CarePlans
    # (fracture care end date), demographics (language), one absent item (stroke), and with the people spec kind the
    # clinician of the last general examination (Practitioner), the active care teams (CareTeam) and the place of the
    # problem visit (Organization); extremes checked unique in the JSON (and not tied once rounded), first and latest
    # values and the trend ends on dates with a single result
    (A, LAY, "Ассаламу алейкум. ЧӀехи буба, my grandfather, is living with us in Derbent now and the doctor "
             "at the polyclinic asked about his salts from the American tests. What was the highest his "
             "chloride ever was, and on what date? Сагърай.", {"shape": "highest", "obs": "2069-3"}),
    (C, LAY, "Фи махуэ фӀыуэ from Nalchik. My grandfather has moved here to us and the cardiologist wants to "
             "know when his high cholesterol problem, the hyperlipidaemia, was first written in his US "
             "record. Which date? Тхьэм упсэу.",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (A, LAY, "Бзиала шәаабеит. My father is with us in Sukhum for the summer and the doctor here would like "
             "to write to the American doctor who did his last yearly general examination. What is that "
             "doctor's name? Иҭабуп.", {"shape": "latest", "type": "Practitioner", "enc": ["162673000"]}),
    (C, LAY, "Салам лийже! Кугезе (grandfather) is staying with us in Yoshkar-Ola and the nurse asked for his "
             "albumin from the last time they checked it in America. What number was it?",
     {"shape": "latest", "obs": "1751-7"}),
    (A, LAY, "I cast church bells for a living - a bell founder - and the furnace work leaves me puffing. "
             "What's the lowest my carbon dioxide (bicarbonate) blood test has ever been, and on what date?",
     {"shape": "lowest", "obs": "20565-8"}),
    (C, LAY, "I'm a cooper, I make oak barrels for a distillery, and I bruise easily from the hoops. What was "
             "my very first platelet count on record, and when was it taken?", {"shape": "first", "obs": "777-3"}),
    (C, LAY, "I tune pipe organs, which means a lot of ladders and sitting cramped in organ lofts, and I get "
             "cramps in my calves up there. What's the highest my calcium has ever been, and on what date?",
     {"shape": "highest", "obs": "49765-1"}),
    (C, LAY, "message for the surgery comma from his wife comma what is the highest his alanine amino "
             "transfer ace comma the liver one A L T comma has been and on which day question mark thanks",
     {"shape": "highest", "obs": "1742-6"}),
    (A, LAY, "dad flu jabs total?", {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "Sorry this is long. We found a wasp nest the size of a football in the loft, the pest man can't "
             "come till Thursday, it's church bingo tonight and I'm calling the numbers, and the ride-on "
             "mower's got a flat tyre so the lawn is a jungle. Anyway, what I actually need: Dad's new GP asked who is "
             "on his current care team back home - can you tell me? Thanks, now the wasps.",
     {"shape": "list", "type": "CareTeam", "status": "active"}),
    (A, LAY, "Two questions about my dad please. Has he ever had a bone density scan, and if so, when was it "
             "done?", {"shape": "ever", "type": "Procedure", "codes": ["312681000"]}),
    (C, LAY, "We're on a husky-sledding trip and the musher wants to know before tomorrow's long run: has my "
             "husband ever had a stroke? Is there anything in his record?", {"shape": "ever", "absent": True}),
    (A, LAY, "hiya can yuo tell me how grandads a1c has gone sicne 2014, whta was the frist one in that yaer "
             "and whats the lasst one? ta", {"shape": "trend", "obs": "4548-4", "window": ("2014-01-01", "9999")}),
    (C, CL, "Longyearbyen sykehus. Mann 73 år, US cruise visitor, BP check. Number of follow-up encounters in "
            "his record?", {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (A, CL, "GH Jamestown, Saint Helena. 73M, US yachtsman, lipids review. Date of his most recent lipid "
            "panel?", {"shape": "latest", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (C, CL, "RHH, Hobart. 73 y/o M, US visitor, Hx hyperlipidaemia. Lowest HDL on file + date?",
     {"shape": "lowest", "obs": "2085-9"}),
    (A, CL, "Médipôle, Nouméa. H 73 ans, US croisiériste, congestion. ATCDs de sinusites: how many viral "
            "sinusitis episodes are recorded?", {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (C, CL, "STH, Yellowknife. 73M, US angler, shoulder pain. Which organization saw him for his problem "
            "encounter (the one visit coded 'encounter for problem')?",
     {"shape": "latest", "type": "Organization", "enc": ["185347001"]}),
    (A, CL, "PMGH, Port Moresby. Sikman 73M, US history tourist, old clavicle #. End date of his fracture "
            "care plan?", {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"]}),
    (C, CL, "Kiruna sjukhus. 73-årig man, US visitor, tolk? Preferred language per his record?",
     {"shape": "demographic", "field": "language"}),
    # --- batch 132 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath
    # answered it; typical voices, the plain everyday wording of a GP, a practice nurse, a community
    # pharmacist and a hospital doctor (11 clinician), and patients and relatives asking about their own or a
    # parent's record in ordinary words (9 lay); over calcium and weight (latest), sodium (highest, with date),
    # eGFR (lowest, with date), glucose since 2015 (lowest, with date, window), LDL since 2016 (trend, window),
    # weight (count) Observations, Conditions (active list, anaemia onset), MedicationRequests (paracetamol
    # count), Immunizations (tetanus booster and pneumococcal conjugate dates), Procedures (last colonoscopy),
    # Encounters (symptom visit count), DiagnosticReports (lipid panel count), CarePlans (active list),
    # demographics (marital status), one absent item (gout), and with the people spec kind the Goals (list) and
    # the clinician of the emergency room admission (Practitioner); extremes checked unique in the JSON (and not
    # tied once rounded), first and latest values and the trend ends on dates with a single result
    (A, CL, "Can you tell me his calcium from the latest bloods?", {"shape": "latest", "obs": "49765-1"}),
    (C, CL, "Practice nurse: when did he have his tetanus (Td) booster?",
     {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (C, CL, "Pharmacist here - how many times has paracetamol been prescribed for him?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, CL, "What's the highest sodium he's had, and when was it taken?", {"shape": "highest", "obs": "2947-0"}),
    (C, CL, "How has his LDL moved since 2016 - first result that year versus the latest?",
     {"shape": "trend", "obs": "18262-6", "window": ("2016-01-01", "9999")}),
    (A, CL, "Which conditions are currently active on his record?",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (C, CL, "What is the lowest eGFR recorded for him, and on what date?", {"shape": "lowest", "obs": "33914-3"}),
    (A, CL, "How many times has his weight been recorded?", {"shape": "count", "obs": "29463-7"}),
    (C, CL, "How many times has he come in with symptoms - the symptom encounters?",
     {"shape": "count", "type": "Encounter", "codes": ["185345009"]}),
    (A, CL, "Which doctor saw him when he was admitted through the emergency department?",
     {"shape": "latest", "type": "Practitioner", "enc": ["50849002"]}),
    (C, CL, "Can you list the care goals recorded for him?",
     {"shape": "list", "type": "Goal",
      "names": ["Hemoglobin A1c total in Blood < 7.0", "Glucose [Mass/volume] in Blood < 108",
                "Maintain blood pressure below 140/90 mmHg", "Improve and maintenance of optimal foot health",
                "Address patient knowledge deficit on diabetic self-care"]}),
    (A, LAY, "What was the date of my latest colonoscopy, please?", {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "What did I weigh the last time they weighed me?", {"shape": "latest", "obs": "29463-7"}),
    (A, LAY, "When did my dad have the pneumonia jab, the PCV13 one?",
     {"shape": "date_of", "type": "Immunization", "codes": ["133"]}),
    (C, LAY, "When was my father first diagnosed with anaemia?",
     {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (A, LAY, "What does my record say my marital status is?", {"shape": "demographic", "field": "marital"}),
    (A, LAY, "What care plans are currently active for me?",
     {"shape": "list", "type": "CarePlan", "status": "active", "names": ["Diabetes self management plan"]}),
    (A, LAY, "Has my dad ever had gout?", {"shape": "ever", "absent": True}),
    (C, LAY, "How many cholesterol blood tests (lipid panels) have I had in total?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "What's the lowest my blood sugar has been since 2015, and on what day?",
     {"shape": "lowest", "obs": "2339-0", "window": ("2015-01-01", "9999")}),
    # --- batch 133 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered it;
    # unusual voices, every one new to the file (greetings, places, jobs and languages grepped first): a Rusyn grandson
    # in Uzhhorod ("Славайсу", "дїдо", "Дякую"), a Tamasheq granddaughter in Agadez ("Mani eghoulan", "Tanemert"), a
    # Pular son in Labé ("No mbadda", "Jaaraama"), a stunt double, a circus knife-thrower, a dictated message with
    # mis-heard words ("try glisser rides", "full stop"), a very terse text, a long rambling message with the question
    # buried in the middle (a daughter: the goat on the carport roof, the choir's bake-off, the leaking dishwasher), a
    # son asking two things in one message, a wife relaying a bungee-jump operator's question, a nephew's message full
    # of typos (11 lay), and clinicians abroad writing mostly English with their own shorthand: a doctor at the
    # hospital in Ilulissat ("mand", "år"), a doctor in Hammerfest ("pasient"), a doctor in Magadan ("больной", "л."),
    # a doctor at CHCC in Saipan ("pt", "CNMI"), a doctor at ÅCS in Mariehamn ("herr"), a doctor at SNM Hospital in Leh
    # ("Julley") and a doctor at the Hospital del Norte in El Alto ("pcte.", "masc.") (7 clinician); over urea
    # nitrogen, systolic and triglycerides (highest, with date), potassium and total protein (lowest, with date),
    # glucose since 2014 (trend, window) Observations, Conditions (rotator cuff injury onset), MedicationRequests
    # (last ibuprofen), Immunizations (PPSV23 date), Procedures (clavicle X-ray ever, colonoscopy count),
    # DiagnosticReports (first blood count), CarePlans (respiratory therapy end date), demographics (birthplace), one
    # absent item (detached retina), and with the people spec kind the past care team (CareTeam, inactive), the
    # clinician of the last check-up (Practitioner) and the place of the urgent care visit (Organization); extremes
    # checked unique in the JSON (and not tied once rounded), first and latest values and the trend ends on dates
    # with a single result
    (C, LAY, "Славайсу! My дїдо (grandad) has moved in with us in Uzhhorod and the doctor at the polyclinic wants "
             "his kidney numbers from America. What was the highest his urea nitrogen (BUN) ever got, and on "
             "which date? Дякую.", {"shape": "highest", "obs": "6299-2"}),
    (A, LAY, "Mani eghoulan. My grandfather is staying with us in Agadez through the hot season and the nurse "
             "worries about his salts when he sweats. What is the lowest his potassium has been, and when? "
             "Tanemert.", {"shape": "lowest", "obs": "6298-4"}),
    (A, LAY, "No mbadda. My father is with us in Labé now and the doctor here asks who used to look after him "
             "in America - the care team that has ended, not the one he has now. Who was on it? Jaaraama.",
     {"shape": "list", "type": "CareTeam", "status": "inactive"}),
    (A, LAY, "I'm a stunt double - car knock-downs, stair falls, being set on fire with a gel suit - and the "
             "insurer's medic wants my numbers. What's the highest my top blood pressure figure has been, and "
             "what day was that?", {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (A, LAY, "I throw knives in a travelling circus and we're touring abroad, so the company doctor is checking "
             "my jabs. On what date did I get the pneumonia vaccine, the 23 one (polysaccharide)?",
     {"shape": "date_of", "type": "Immunization", "codes": ["33"]}),
    (C, LAY, "note for doctor full stop my husband's try glisser rides sorry triglycerides the fat in the blood "
             "full stop what was the highest they have been and on what date full stop thank you",
     {"shape": "highest", "obs": "2571-8"}),
    (A, LAY, "grandpa ibuprofen last prescribed when?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["310965"]}),
    (C, LAY, "Apologies in advance, it's been a week. The neighbour's goat got onto our carport roof and won't "
             "come down, I'm judging the choir's bake-off on Saturday and the dishwasher has flooded the "
             "kitchen twice. Anyway - Dad's new chest nurse asked when the last course of respiratory (breathing) "
             "therapy he was on in the States came to an end. Is there a date? Now, the goat.",
     {"shape": "date_of", "type": "CarePlan", "codes": ["53950000"]}),
    (A, LAY, "Two bits about my dad please: has he ever had an X-ray of his collarbone (clavicle), and if so "
             "when was it taken?", {"shape": "ever", "type": "Procedure", "codes": ["168594001"]}),
    (C, LAY, "We're at a bungee jump over a gorge on holiday and the operator wants to know before he goes: has "
             "my husband ever had a detached retina? Is there anything about it in his record?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "hey wat has my uncels blod suger done sinse 2014, like the frist one in 2014 and the lastest one? "
             "cheers", {"shape": "trend", "obs": "2339-0", "window": ("2014-01-01", "9999")}),
    (C, CL, "Ilulissat sygehus. Mand 73 år, US cruise passenger, oedema. Lowest "
            "total protein on record, with date?", {"shape": "lowest", "obs": "2885-2"}),
    (A, CL, "Hammerfest sykehus. Pasient 73M, US Nordkapp tourist, PR bleed Hx. How many colonoscopies in his "
            "record?", {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "Магадан, обл. больница. Больной 73 л., US gold-rush tourist, cough. Which organization ran his "
            "urgent care clinic visit?", {"shape": "latest", "type": "Organization", "enc": ["702927004"]}),
    (A, CL, "CHCC Saipan, CNMI. Pt 73M, US veteran on a memorial trip, social Hx. Place of birth per his record?",
     {"shape": "demographic", "field": "birthPlace"}),
    (C, CL, "ÅCS Mariehamn. Herr 73, US sailor, shoulder pain again. Onset date of his rotator cuff tendon "
            "injury?", {"shape": "date_of", "type": "Condition", "codes": ["307731004"]}),
    (A, CL, "SNM Hospital, Leh. Julley. 73M, US trekker, altitude. Name of the clinician at his most recent "
            "'check-up' encounter?", {"shape": "latest", "type": "Practitioner", "enc": ["185349003"]}),
    (C, CL, "Hospital del Norte, El Alto. Pcte. masc. 73, US visitor, soroche, pallor. Date of his first "
            "complete blood count (CBC) report?", {"shape": "first", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    # --- batch 134 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered it;
    # half plain: the plain everyday wording of a GP, a hospital doctor and a practice nurse (5 clinician) and of
    # patients asking about their own record (5 lay), and half in new voices different from batch 133's: a Balkar
    # grandson in Tyrnyauz ("Салам алейкум", "аппа", "Сау бол"), an oyster farmer, a stilt walker, a foley artist, a
    # cheese affineur (5 lay), a doctor at a mine-site clinic near Kalgoorlie ("ED", "y.o."), a doctor at Visby
    # lasarett ("man 73"), a doctor in Petropavlovsk-Kamchatsky ("Б-й", "л.") and a doctor in Kisangani
    # ("malade", "ans") (4 clinician); over urea nitrogen (highest, with date), diastolic and total cholesterol
    # (lowest, with date), AST and HbA1c (latest), albumin (first, with date) Observations, Conditions (clavicle
    # fracture resolution), MedicationRequests (simvastatin count), Immunizations (flu vaccine count), Procedures
    # (bone density scan date), Encounters (general examination count), DiagnosticReports (basic metabolic panel
    # count), CarePlans (list of all), demographics (marital status), allergies (absent, as a list), and with the
    # people spec kind the Goals (list), the current care team (CareTeam, active), the clinician of the last
    # follow-up visit (Practitioner) and the place of the first general examination (Organization); extremes
    # checked unique in the JSON (and not tied once rounded), first and latest values on dates with a single result
    (A, CL, "What's the highest urea nitrogen he has had, and when was it?", {"shape": "highest", "obs": "6299-2"}),
    (C, CL, "What was his AST on the most recent bloods?", {"shape": "latest", "obs": "1920-8"}),
    (C, CL, "Practice nurse: how many flu vaccines has he had in total?",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "When was his clavicle fracture recorded as resolved?",
     {"shape": "date_of", "type": "Condition", "codes": ["58150001"], "end": True}),
    (A, CL, "Which clinicians and organisations make up his current care team?", {"shape": "list", "type": "CareTeam", "status": "active"}),
    (C, LAY, "What's the lowest my bottom blood pressure number has been, and on what date?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (A, LAY, "What was the date of my bone density scan, please?", {"shape": "date_of", "type": "Procedure", "codes": ["312681000"]}),
    (C, LAY, "How many times have I been prescribed simvastatin?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "Have I got any allergies on my record?", {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (A, LAY, "How many general examinations have I had altogether?",
     {"shape": "count", "type": "Encounter", "codes": ["162673000"]}),
    (C, LAY, "Салам алейкум. My аппа (grandfather) lives with us in Tyrnyauz now and the doctor in the valley "
             "wants his albumin from America - the very first result and when it was taken. Сау бол.",
     {"shape": "first", "obs": "1751-7"}),
    (A, LAY, "I farm oysters, so I'm up to my knees in cold estuary water at low tide, and I get my kidney "
             "bloods done every year. How many basic metabolic panels have I had in all?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    (A, LAY, "I walk on stilts at festivals, which is hard on the joints and the old collarbone. Which care "
             "plans have I had over the years, the finished ones too?",
     {"shape": "list", "type": "CarePlan", "names": ["Diabetes self management plan", "Fracture care"]}),
    (A, LAY, "I'm a foley artist - I make the footsteps and punches for films in a sound studio - and I sit "
             "a lot. What health goals have my doctors set for me?",
     {"shape": "list", "type": "Goal",
      "names": ["Hemoglobin A1c total in Blood < 7.0", "Glucose [Mass/volume] in Blood < 108",
                "Maintain blood pressure below 140/90 mmHg", "Improve and maintenance of optimal foot health",
                "Address patient knowledge deficit on diabetic self-care"]}),
    (C, LAY, "I'm a cheese affineur, turning wheels in a damp cellar all day, and my cholesterol comes up at "
             "every visit. Which doctor saw me at my last follow-up appointment?",
     {"shape": "latest", "type": "Practitioner", "enc": ["390906007"]}),
    (C, CL, "Mine-site clinic, out of Kalgoorlie. 73 y.o. M, US prospector, chest tightness, for ED transfer. "
            "Lowest total cholesterol on file + date?", {"shape": "lowest", "obs": "2093-3"}),
    (A, CL, "Visby lasarett. Man 73, US Hanseatic-week tourist, thirst. Most recent HbA1c?",
     {"shape": "latest", "obs": "4548-4"}),
    (C, CL, "Петропавловск-Камчатский. Б-й 73 л., US volcano tourist. Where was his earliest general "
            "examination done - which organization?",
     {"shape": "first", "type": "Organization", "enc": ["162673000"], "index": 0}),
    (A, CL, "Cliniques de Kisangani. Malade 73 ans, US river-boat traveller, next of kin? Marital status per "
            "his record?", {"shape": "demographic", "field": "marital"}),
    # --- batch 135 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered it;
    # unusual voices, every one new to the file (greetings, places, jobs and languages grepped first): an Evenki
    # granddaughter in Tura ("Дорова", "амака"), an Ingush son in Nazran ("Ӏуйре дика хийла", "Баркал"), an Aromanian
    # grandson in Metsovo ("Bunã dzua", "papu", "Haristo"), a dry-stone waller, a gravedigger, a sword swallower, a
    # dictated message with mis-heard words and spoken punctuation ("bill a ruben", "new paragraph", "open bracket"),
    # a very terse text, a long rambling message with the question buried in the middle (a daughter: the septic
    # tank, the school fete tombola, the cat on the church porch roof), a son asking two things in one message, a
    # wife relaying a travel-clinic nurse's question before a safari, a grandchild's message full of typos (12 lay),
    # and clinicians abroad writing mostly English with their own shorthand: a doctor at the CHM in Mamoudzou,
    # Mayotte ("Mzé", "ans"), a doctor at the hospital in Puerto Ayora, Galápagos ("paciente M 73a", "fecha"), an ED
    # doctor at ASH in Alice Springs ("grey nomad"), a doctor at the district hospital in Anadyr ("Пац.", "г.", "в
    # анамнезе"), a doctor at the poliambulatorio on Lampedusa ("Pz.", "aa", "edemi"), a doctor at Labrador-Grenfell
    # in Happy Valley-Goose Bay ("?anaemia") and a doctor at the hospital in Kirkenes ("73 år gml. mann") (7
    # clinician); over alkaline phosphatase, diastolic, bilirubin, LDL, glucose and eGFR (highest, with date),
    # glucose (lowest, with date), globulin (latest), haemoglobin (first, with date) Observations, Conditions
    # (acute bronchitis count), Immunizations (tetanus date), Procedures (rectal polypectomy date, sputum
    # examination ever), Encounters (last emergency room admission), CarePlans (physical therapy end date, active
    # list), demographics (city), one absent item (oesophageal injury), and with the people spec kind the clinician
    # of the urgent care visit (Practitioner); extremes checked unique in the JSON (and not tied once rounded),
    # first and latest values on dates with a single result
    (C, LAY, "Дорова! My амака (grandfather) lives with us in Tura now, and the doctor at the district hospital "
             "wants one of his liver and bone enzymes from the American tests, the alkaline phosphatase. What "
             "was the highest it ever got, and on which date?", {"shape": "highest", "obs": "6768-6"}),
    (A, LAY, "Ӏуйре дика хийла. My father is staying with us in Nazran and the surgeon here asks when the polyp "
             "was taken out of his back passage in America - the rectal polypectomy. What date was that? Баркал.",
     {"shape": "date_of", "type": "Procedure", "codes": ["274031008"]}),
    (C, LAY, "Bunã dzua! Papu, my grandfather, has come to spend the summer with us in Metsovo and the doctor at "
             "the health centre wants to know which town in America his record says he lives in. Haristo.",
     {"shape": "demographic", "field": "city"}),
    (A, LAY, "I build dry-stone walls up on the fells, lifting stone all day in all weathers. What's the highest "
             "my bottom blood pressure number has ever been, and on what date?",
     {"shape": "highest", "obs": "55284-4", "comp": "8462-4"}),
    (C, LAY, "I dig the graves for our parish, so I'm out in wet clay in every season and my chest suffers each "
             "winter. How many times have I had acute bronchitis on my record?",
     {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (A, LAY, "I swallow swords in a variety show, so my throat and gullet matter a great deal to me. Have I ever "
             "had an injury or tear of the oesophagus written in my record?", {"shape": "ever", "absent": True}),
    (C, LAY, "note to the nurse new paragraph my father's bill a ruben open bracket the yellow one from the liver "
             "close bracket what was the highest it has been and on what date question mark new paragraph thank "
             "you", {"shape": "highest", "obs": "1975-2"}),
    (C, LAY, "dad ldl peak + date?", {"shape": "highest", "obs": "18262-6"}),
    (C, LAY, "Forgive the essay. The septic tank has backed up again, I'm running the tombola at the school fete "
             "on Saturday and the cat has been stuck on the church porch roof since breakfast. What I actually "
             "wanted: Dad's shoulder physio in the States, the physical therapy plan after his rotator cuff "
             "injury - when did it finish? Right, the cat.",
     {"shape": "date_of", "type": "CarePlan", "codes": ["91251008"]}),
    (C, LAY, "Two things about my father: has he ever had his phlegm sent off for testing (a sputum examination), "
             "and if he has, when was it?", {"shape": "ever", "type": "Procedure", "codes": ["269911007"]}),
    (A, LAY, "Asking for my husband, who is out in the garden: the nurse at the travel clinic wants to know when "
             "he last had a tetanus jab before our safari. What date is it on his record?",
     {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (A, LAY, "wats the higest grandads blood suger has ever ben and wen was that, the nures wnats to kno",
     {"shape": "highest", "obs": "2339-0"}),
    (C, CL, "CHM Mamoudzou, Mayotte. Mzé 73 ans, US visitor, déshydratation. Best eGFR on record + date?",
     {"shape": "highest", "obs": "33914-3"}),
    (A, CL, "Hospital República del Ecuador, Puerto Ayora, Galápagos. Paciente M 73a, US cruise passenger, "
            "mareado, ?hipoglucemia. Lowest glucose on record + fecha?", {"shape": "lowest", "obs": "2339-0"}),
    (A, CL, "ASH ED, Alice Springs. 73M grey nomad from the US, fall at a lookout. Date of his previous ER "
            "admission in the US?", {"shape": "latest", "type": "Encounter", "codes": ["50849002"]}),
    (C, CL, "Окружная больница, Анадырь. Пац. 73 г., US birdwatcher, в анамнезе гиперлипидемия. Which care plans "
            "are active for him?",
     {"shape": "list", "type": "CarePlan", "status": "active",
      "names": ["Diabetes self management plan", "Hyperlipidemia clinical management plan"]}),
    (C, CL, "Poliambulatorio di Lampedusa. Pz. M 73 aa, US yachtsman, edemi declivi. Ultima globulina (latest "
            "globulin)?", {"shape": "latest", "obs": "10834-0"}),
    (A, CL, "Labrador-Grenfell, Happy Valley-Goose Bay. 73M, US fishing trip, fatigue, ?anaemia. First Hgb on "
            "file + date?", {"shape": "first", "obs": "718-7"}),
    (C, CL, "Kirkenes sykehus. 73 år gml. mann, US Hurtigruten passenger. Name of the clinician who saw him at "
            "his urgent care clinic visit?", {"shape": "latest", "type": "Practitioner", "enc": ["702927004"]}),
    # --- batch 136 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered it;
    # typical voices, the plain everyday wording of a GP, a practice nurse, a community pharmacist and a hospital
    # doctor (11 clinician), and patients and relatives asking about their own or a parent's record in ordinary
    # words (9 lay); over triglycerides, urea nitrogen and HbA1c (lowest, with date), potassium (highest, with
    # date), bone density T-score (latest), eGFR since 2016 and BMI since 2015 (trend, window) Observations,
    # Conditions (prediabetes onset), MedicationRequests (last paracetamol, active list), Immunizations (first and
    # last flu vaccine), Procedures (orthopaedic admission date), Encounters (check-up count), DiagnosticReports
    # (last comprehensive metabolic panel, blood count count), demographics (date of birth), allergies (absent, as
    # a list), and with the people spec kind the Goals (list) and the past care teams (CareTeam, inactive);
    # extremes checked unique in the JSON (and not tied once rounded), first and latest values and the trend ends
    # on dates with a single result
    (C, CL, "What's the lowest triglyceride level he's had, and when was it?", {"shape": "lowest", "obs": "2571-8"}),
    (A, CL, "How many check-up appointments has he had?",
     {"shape": "count", "type": "Encounter", "codes": ["185349003"]}),
    (C, CL, "Practice nurse here - when was his first flu vaccine on record?",
     {"shape": "first", "type": "Immunization", "codes": ["140"]}),
    (A, CL, "Practice nurse: what was his bone density T-score?", {"shape": "latest", "obs": "38265-5"}),
    (C, CL, "Pharmacist - when was paracetamol last prescribed for him?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["313782"]}),
    (C, CL, "Community pharmacist: which medicines is he currently taking?",
     {"shape": "list", "type": "MedicationRequest", "status": "active", "names": ["Simvistatin"]}),
    (C, CL, "Who was on his previous care teams, the ones that have now ended?",
     {"shape": "list", "type": "CareTeam", "status": "inactive"}),
    (A, CL, "What's the highest potassium he's had, and on what date?", {"shape": "highest", "obs": "6298-4"}),
    (C, CL, "How has his eGFR changed since 2016 - the first result that year and the latest?",
     {"shape": "trend", "obs": "33914-3", "window": ("2016-01-01", "9999")}),
    (A, CL, "When was he admitted to the orthopaedic department?",
     {"shape": "date_of", "type": "Procedure", "codes": ["305428000"]}),
    (C, CL, "When was his most recent comprehensive metabolic panel done?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (A, LAY, "What's the lowest my urea kidney blood test has been, and on what date?",
     {"shape": "lowest", "obs": "6299-2"}),
    (A, LAY, "When did I last have my flu jab?", {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "What was my A1c at its lowest, and when was that?", {"shape": "lowest", "obs": "4548-4"}),
    (C, LAY, "Am I allergic to anything, according to my notes?",
     {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, LAY, "What targets have my doctors set for me? I mean my health goals.",
     {"shape": "list", "type": "Goal",
      "names": ["Hemoglobin A1c total in Blood < 7.0", "Glucose [Mass/volume] in Blood < 108",
                "Maintain blood pressure below 140/90 mmHg", "Improve and maintenance of optimal foot health",
                "Address patient knowledge deficit on diabetic self-care"]}),
    (C, LAY, "When was my dad first told he had prediabetes?",
     {"shape": "date_of", "type": "Condition", "codes": ["15777000"]}),
    (A, LAY, "What date of birth do you have for my father?", {"shape": "demographic", "field": "birthDate"}),
    (A, LAY, "How many full blood counts have I had done?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["58410-2"]}),
    (C, LAY, "How has my BMI changed since 2015? What was it at the first check that year, and what is it now?",
     {"shape": "trend", "obs": "39156-5", "window": ("2015-01-01", "9999")}),
    # --- batch 137 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered it;
    # unusual voices, every one new to the file (greetings, places, jobs and languages grepped first): an Erzya son in
    # Saransk ("Шумбратадо", "тетям", "Сюкпря"), an Ainu grandson in Nibutani ("Irankarapte", "ekashi",
    # "Iyairaikere"), a Yup'ik granddaughter in Hooper Bay ("Waqaa", "apa'urluq", "Quyana"), a snake venom milker, a
    # mahout, a human cannonball, a dictated message with mis-heard words and spoken punctuation ("claw ride", "colon",
    # "comma", "question mark"), a very terse text, a long rambling message with the question buried in the middle (a
    # daughter: the allotment shed blown into the brook, the village pantomime, the swearing parrot), a son asking two
    # things in one message, a wife relaying a dive-boat skipper's question, a son's message full of typos (12 lay),
    # and clinicians abroad writing mostly English with their own shorthand: a doctor at Samuel Simmonds Memorial in
    # Utqiaġvik ("SSMH", "Nalukataq"), a doctor in Norilsk ("Мужч.", "л."), a doctor at the Hospital Regional de
    # Loreto in Iquitos ("pac.", "a.", "fiebre"), a doctor at the oblast hospital in Khorog ("GBAO", "SpO2"), a doctor
    # at Western Isles Hospital in Stornoway ("PR bleed", "OGD"), a doctor at Thursday Island Hospital ("TI", "y/o",
    # "yachtie") and a doctor at the CH de Cayenne ("CHC", "ans", "dernier") (7 clinician); over creatinine (highest,
    # with date; lowest, with date), chloride (highest, with date), HDL (lowest, with date), ALT and platelets
    # (latest), platelets (first, with date) Observations, Conditions (hyperlipidaemia onset, viral sinusitis count,
    # colon polyp resolution, cardiac arrest onset, active list), Immunizations (flu vaccine count), Procedures (faecal
    # occult blood test ever, first colonoscopy), DiagnosticReports (last basic metabolic panel), one absent item
    # (concussion), and with the people spec kind the current care teams (CareTeam, active) and the place of the
    # emergency room admission (Organization); extremes checked unique in the JSON (and not tied once rounded), first
    # and latest values on dates with a single result
    (C, LAY, "Шумбратадо! Тетям (my father) lives with us in Saransk now and the nephrologist at the republic "
             "hospital wants his kidney blood test from America. What was the highest his creatinine ever got, "
             "and on which date? Сюкпря.", {"shape": "highest", "obs": "38483-4"}),
    (C, LAY, "Irankarapte. My ekashi (grandfather) has come to stay with us in Nibutani and the clinic doctor "
             "asks when he was first diagnosed with high cholesterol, the hyperlipidaemia. What date is in his "
             "American record? Iyairaikere.", {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (A, LAY, "Waqaa! My apa'urluq (grandpa) is spending the winter with us in Hooper Bay and the health aide at "
             "the clinic is sorting his shots. How many flu vaccines has he had altogether? Quyana.",
     {"shape": "count", "type": "Immunization", "codes": ["140"]}),
    (A, LAY, "I milk venomous snakes for antivenom at a reptile park, so if I ever get bitten my bleeding matters. "
             "What was my platelet count on my most recent blood test?", {"shape": "latest", "obs": "777-3"}),
    (C, LAY, "I'm a mahout - I look after and ride elephants at a sanctuary - and I'm filling in the health form "
             "for the new season. Who is on my current care team, the doctors and the hospital?",
     {"shape": "list", "type": "CareTeam", "status": "active"}),
    (A, LAY, "I get fired out of a cannon into a net twice a night in the circus (the human cannonball), and "
             "the new insurer asks: have I ever had a concussion on my record?", {"shape": "ever", "absent": True}),
    (C, LAY, "note for the GP colon my father's claw ride sorry chloride comma the salt one in the blood comma "
             "what was the highest it has been and on what date question mark thanks very much",
     {"shape": "highest", "obs": "2069-3"}),
    (A, LAY, "grandad sinus infections - how many times?",
     {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (A, LAY, "Sorry, this is long. The gale last night blew the allotment shed into the brook, I'm painting the "
             "scenery for the village pantomime and my mother's parrot has learned a word we can't repeat at "
             "church. But what I meant to ask: Dad's bowel polyp, the one in his colon in America - when did "
             "they mark it as gone, resolved? Anyway, the parrot.",
     {"shape": "date_of", "type": "Condition", "codes": ["68496003"], "end": True}),
    (A, LAY, "Two questions about my dad: has he ever had the test for hidden blood in his poo (faecal occult "
             "blood test), and if so, what date was it done?",
     {"shape": "ever", "type": "Procedure", "codes": ["1015401000000102"]}),
    (A, LAY, "My husband's on the boat deck so I'm asking for him: the dive skipper wants the name of the "
             "hospital he went to when he was admitted through the emergency room. Which one was it?",
     {"shape": "latest", "type": "Organization", "enc": ["50849002"]}),
    (C, LAY, "wats my dads livr test the ALT, the latest one? the nurse wnats it for his new tablts",
     {"shape": "latest", "obs": "1742-6"}),
    (C, CL, "SSMH Utqiaġvik. 73M, US visitor for Nalukataq, exertional SOB. Lowest HDL on record + date?",
     {"shape": "lowest", "obs": "2085-9"}),
    (A, CL, "Норильск, гор. больница. Мужч. 73 л., US business traveller, dehydrated. Lowest creatinine on "
            "file, with date?", {"shape": "lowest", "obs": "38483-4"}),
    (C, CL, "Hospital Regional de Loreto, Iquitos. Pac. 73a masc., US Amazon cruise, fiebre, ?dengue. First "
            "platelet count on file + date (baseline)?", {"shape": "first", "obs": "777-3"}),
    (C, CL, "Khorog, GBAO oblast hospital. Pt 73M, US Pamir Highway cyclist, SpO2 88% at rest. Active problems "
            "on his record?",
     {"shape": "list", "type": "Condition", "status": "active", "names": ["Prediabetes", "Anemia", "Hyperlipidemia"]}),
    (A, CL, "Western Isles Hospital, Stornoway. 73M, US ferry passenger, PR bleed, ?OGD/scope. Date of his "
            "first colonoscopy?", {"shape": "first", "type": "Procedure", "codes": ["73761001"]}),
    (A, CL, "TI Hospital, Thursday Island. 73 y/o M yachtie from the US, collapse on deck, old ICD scar. Onset "
            "date of his cardiac arrest?", {"shape": "date_of", "type": "Condition", "codes": ["410429000"]}),
    (C, CL, "CHC Cayenne. Pt 73 ans, US tourist for a launch at Kourou, vomiting. Dernier basic metabolic "
            "panel - date?", {"shape": "latest", "type": "DiagnosticReport", "codes": ["51990-0"]}),
    # --- batch 138 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered it;
    # half plain: the plain everyday wording of a GP, a hospital doctor and a practice nurse (6 clinician) and of
    # patients asking about their own record (5 lay), and half in new voices different from batch 137's: a
    # Latgalian daughter in Rēzekne ("Lobdīn", "muns tāvs", "Paļdis"), a Tlingit grandson in Sitka ("Yak'éi
    # ixwsiteení", "léelk'w", "Gunalchéesh"), a Griko granddaughter in Calimera ("Kalimera", "ciùri", "Efcharistò"),
    # a smokejumper, an avalanche forecaster, an embalmer (6 lay), a doctor at Inuvik Regional Hospital ("IRH",
    # "NWT", "Dempster"), a doctor at the Hospital Clínico de Magallanes in Punta Arenas ("paciente masc.", "años")
    # and a doctor at CWM Hospital in Suva ("CWMH", "Hx") (3 clinician); over HDL (latest; trend since 2014,
    # window), calcium and HbA1c and carbon dioxide (highest, with date), bilirubin (lowest, with date), pain score
    # (highest, with date) Observations, Conditions (acute bronchitis ever, last viral sinusitis resolution),
    # MedicationRequests (first simvastatin), Immunizations (PCV13 date), Procedures (medication reconciliation
    # count), Encounters (follow-up count, last symptom visit), DiagnosticReports (comprehensive metabolic panel
    # count), CarePlans (fracture care end date), demographics (ethnicity), one absent item (dengue), and with the
    # people spec kind the clinician of the first general examination (Practitioner) and the place of the last
    # follow-up visit (Organization); extremes checked unique in the JSON (and not tied once rounded), first and
    # latest values and the trend ends on dates with a single result
    (A, CL, "What was his most recent HDL cholesterol?", {"shape": "latest", "obs": "2085-9"}),
    (C, CL, "What's the highest calcium he's had, and when was it?", {"shape": "highest", "obs": "49765-1"}),
    (C, CL, "Practice nurse: when did he have the PCV13 pneumococcal vaccine?",
     {"shape": "date_of", "type": "Immunization", "codes": ["133"]}),
    (C, CL, "How many follow-up appointments has he had?",
     {"shape": "count", "type": "Encounter", "codes": ["390906007"]}),
    (C, CL, "How has his HDL changed since 2014 - the first result that year compared with the latest?",
     {"shape": "trend", "obs": "2085-9", "window": ("2014-01-01", "9999")}),
    (A, CL, "How many medication reviews (medication reconciliations) has he had?",
     {"shape": "count", "type": "Procedure", "codes": ["430193006"]}),
    (C, LAY, "How many comprehensive metabolic panels have I had done?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["24323-8"]}),
    (C, LAY, "What's the highest my bicarbonate (carbon dioxide) blood level has been, and on what date?",
     {"shape": "highest", "obs": "20565-8"}),
    (A, LAY, "What ethnicity does my record have for me?", {"shape": "demographic", "field": "ethnicity"}),
    (A, LAY, "When did my fracture care plan come to an end?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["385691007"]}),
    (C, LAY, "Have I ever had acute bronchitis, and when was it?",
     {"shape": "ever", "type": "Condition", "codes": ["10509002"]}),
    (A, LAY, "Lobdīn! Muns tāvs (my father) is living with us in Rēzekne now and the family doctor wants to know "
             "when he last went to a doctor in America because of symptoms - the last symptom visit. What date? "
             "Paļdis.", {"shape": "latest", "type": "Encounter", "codes": ["185345009"]}),
    (C, LAY, "Yak'éi ixwsiteení. My léelk'w (grandfather) is staying with us in Sitka and the pharmacist at "
             "the clinic asks when he was first prescribed simvastatin for his cholesterol. Gunalchéesh.",
     {"shape": "first", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, LAY, "Kalimera! My grandfather, ciùri to my mamma, has come to Calimera for the summer and the doctor "
             "here asks which doctor did his very first general examination in America. Efcharistò.",
     {"shape": "first", "type": "Practitioner", "enc": ["162673000"], "index": 0}),
    (C, LAY, "I'm a smokejumper - I parachute into wildfires with a chainsaw and dig fire line for days - and "
             "the fitness test doctor wants my sugar history. What's the highest my HbA1c has ever been, and "
             "when?", {"shape": "highest", "obs": "4548-4"}),
    (A, LAY, "I'm an avalanche forecaster, so I dig snow pits on steep slopes every morning and my back lets "
             "me know. What's the worst pain score I've had recorded, and on what date?",
     {"shape": "highest", "obs": "72514-3"}),
    (C, LAY, "I'm an embalmer at a funeral home, and working with the chemicals I like to keep an eye on my "
             "liver. What's the lowest my bilirubin has been, and on what date?", {"shape": "lowest", "obs": "1975-2"}),
    (C, CL, "IRH Inuvik, NWT. 73M, US Dempster Hwy driver, chest tightness. Which organization did his most "
            "recent follow-up visit?", {"shape": "latest", "type": "Organization", "enc": ["390906007"]}),
    (A, CL, "Hospital Clínico de Magallanes, Punta Arenas. Paciente masc. 73 años, US Antarctic cruise, facial "
            "pain. When did his last viral sinusitis resolve?",
     {"shape": "date_of", "type": "Condition", "codes": ["444814009"], "end": True}),
    (C, CL, "CWMH Suva, ED. 73M, US yachtie, fever + rash, thrombocytopenia. Any Hx of dengue on his record?",
     {"shape": "ever", "absent": True}),
    # --- batch 139 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered it;
    # unusual voices, every one new to the file (greetings, places, jobs and languages grepped first): a Mi'kmaw
    # granddaughter in Eskasoni ("Kwe'", "nmijgamij", "Wela'lin"), an Assyrian grandson in Duhok ("Shlama", "sawa",
    # "Tawdi"), an Aragonese granddaughter in Benasque ("Buens días", "agüelo", "Grazias"), a saturation diver, a
    # contortionist, a deminer, a dictated message with mis-heard words and spoken punctuation ("a seat a mini fen",
    # "comma", "question mark"), a very terse text, a long rambling message with the question buried in the middle (a
    # daughter: the flooded cellar, the choir's carol concert, the neighbour's escaped goats), a typo-ridden message,
    # and a question relayed through two people (a sister passing on a pharmacist's question) (11 lay), and
    # clinicians abroad writing mostly English with their own shorthand: a doctor at the health centre in Qaanaaq
    # ("pt.", "mand", "Hx"), a doctor at STNM Hospital in Gangtok ("73/M", "H/o", "c/o"), a doctor at the health
    # centre in Ivalo ("mies 73 v", "leuk."), a doctor at Mount Meru Regional Hospital in Arusha ("mtalii", "Kili"),
    # a doctor at Gilbert Bain Hospital in Lerwick ("GBH", "?AKI", "U&Es"), a doctor at Vachira Phuket Hospital
    # ("ผป. ชาย 73 ปี") and a doctor at the Hospital Ayres de Menezes in São Tomé ("Sr.", "anos", "quando") (7
    # clinician); harder shapes: subjects named only by a lay description ("the sugar that looks back three months",
    # "the kidney number", "the clot test", "how much of my blood is red cells"), windows in words ("the year before
    # the pandemic", "the year he turned 70"), a negative ("NOT resolved"), distinct kinds ("which different
    # vaccines"), two-part questions (highest and when, first and last, ever and when); over HbA1c (first, with
    # date), potassium in 2019 (highest, with date, window), creatinine in 2016 (lowest, with date, window),
    # haematocrit, MCV (latest), triglycerides and leucocytes (trend), total protein and sodium (highest, with
    # date), eGFR (lowest, with date) Observations, Conditions (active list, rotator cuff resolution),
    # MedicationRequests (acetaminophen count), Immunizations (distinct list, PPV23 ever), Procedures (last
    # colonoscopy), CarePlans (completed list), one absent item (INR); extremes checked unique in the JSON (and not
    # tied once rounded, within the window where one is given), first and latest values and the trend ends on
    # dates with a single result
    (A, LAY, "Kwe'. My nmijgamij (grandfather) is living with us in Eskasoni now and the nurse at the health "
             "centre asks about the sugar test that looks back over three months. What was the very first one in "
             "his American record, and what date was it taken? Wela'lin.", {"shape": "first", "obs": "4548-4"}),
    (C, LAY, "Shlama! My sawa (grandfather) has come to live with us in Duhok and the doctor wants his potassium "
             "from the year before the pandemic, 2019. What was the highest it was that year, and on which date? "
             "Tawdi.", {"shape": "highest", "obs": "6298-4", "window": ("2019-01-01", "2019-12-31")}),
    (C, LAY, "Buens días. My agüelo (grandad) is spending the winter with us in Benasque and the doctor at the "
             "health centre asks about his kidney number, the creatinine, in the year he turned 70. What was the "
             "lowest it was that year, and on what date? Grazias.",
     {"shape": "lowest", "obs": "38483-4", "window": ("2016-01-01", "2016-12-31")}),
    (A, LAY, "I'm a saturation diver - I live in a pressurised chamber for four weeks at a time and go down to "
             "the pipelines from a bell. The dive doctor wants to know how much of my blood is red cells on my "
             "most recent blood count. What was it?", {"shape": "latest", "obs": "4544-3"}),
    (A, LAY, "I'm a contortionist in a touring circus, so I fold myself into a glass box twice a night. For the "
             "company's insurer: which of my conditions are NOT resolved, the ones still open on my record?",
     {"shape": "list", "type": "Condition", "status": "active",
      "names": ["Cardiac Arrest", "History of cardiac arrest", "obesity", "Prediabetes", "Anemia"]}),
    (C, LAY, "I clear landmines for a charity, so I'm posted to a new country every year and the medic checks my "
             "jabs each time. Which different vaccines have I had? Each kind once is enough.",
     {"shape": "list", "type": "Immunization",
      "names": ["Influenza", "Pneumococcal conjugate", "pneumococcal polysaccharide", "Td"]}),
    (C, LAY, "message for the surgery colon my dad's a seat a mini fen sorry acetaminophen comma the painkiller "
             "comma how many times has it been prescribed for him question mark thank you",
     {"shape": "count", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, LAY, "dad clot test last result?", {"shape": "latest", "absent": True}),
    (C, LAY, "Apologies, it's been a day. The cellar flooded overnight, I'm meant to be conducting the choir's "
             "carol concert on Friday, and the neighbour's goats got out and ate half the hedge. Anyway: which of "
             "Dad's care plans in America have finished, the ones that aren't running any more? The physio and "
             "chest ones, I think. Now, the goats.",
     {"shape": "list", "type": "CarePlan", "status": "completed",
      "names": ["Respiratory therapy", "Physical therapy"]}),
    (C, LAY, "whats the higest my dads protien in the blod has been (the totel protien) and wat date, the "
             "kidny doctor is askng", {"shape": "highest", "obs": "2885-2"}),
    (C, LAY, "My sister phoned: the pharmacist in Tucson asked her to ask me to ask you. What were Dad's fats in "
             "the blood, the triglycerides, at his first test and at his latest one?",
     {"shape": "trend", "obs": "2571-8"}),
    (A, CL, "Sundhedscenter Qaanaaq. Pt. mand 73, US visitor at Pituffik, confusion, Hx cardiac arrest. Highest "
            "Na+ on file + date?", {"shape": "highest", "obs": "2947-0"}),
    (A, CL, "STNM Hospital, Gangtok. 73/M, US tourist, c/o PR bleed after Nathu La trip, H/o colonic polyp. "
            "Date of last colonoscopy?", {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "Ivalo health centre. Mies 73 v, US revontuli tourist, fever. Leuk. (WBC) - first on file vs "
            "latest?", {"shape": "trend", "obs": "6690-2"}),
    (C, CL, "Mount Meru Regional Hospital, Arusha. 73M mtalii from the US, cough after Kili trek. Ever had "
            "PPV23 (pneumococcal polysaccharide)? Date?", {"shape": "ever", "type": "Immunization", "codes": ["33"]}),
    (C, CL, "GBH Lerwick. 73M, US cruise passenger, D&V x3 days, ?AKI, U&Es pending. Lowest eGFR on record + "
            "date?", {"shape": "lowest", "obs": "33914-3"}),
    (C, CL, "Vachira Phuket Hospital. ผป. ชาย 73 ปี, US dive tourist, fatigue, ?microcytosis. Latest MCV on "
            "file?", {"shape": "latest", "obs": "787-2"}),
    (C, CL, "Hospital Ayres de Menezes, São Tomé. Sr. 73 anos, US birdwatcher, shoulder pain. Old rotator cuff "
            "injury - quando resolved (date)?",
     {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    # --- batch 140 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered it;
    # typical voices, the plain everyday wording of a GP, a practice nurse, a community pharmacist and a hospital
    # doctor (10 clinician), and patients and relatives asking about their own or a parent's record in ordinary
    # words (9 lay); harder shapes: windows in words ("since his clavicle fracture", "since he started on
    # simvastatin", "over the last five years of his record", "since I turned 70"), lay descriptions ("the camera
    # test", "the red cells", "the cholesterol panel", "the chest physio"), a negative ("cleared up, not still
    # going"), counts over a whole kind (all lab reports), two-part questions (ever and when, highest and when), a
    # question buried after a long scene and one relayed through two people; over systolic since 2016-05-21 and
    # glucose since 2015-12-10 (lowest, with date, window), LDL since 2012-07-20 and urea over 2014-04-22..2019-04-22
    # (highest, with date, window), weight and red cell count (latest) Observations, Conditions (resolved list,
    # atrial fibrillation absent), MedicationRequests (active, absent as a list; ibuprofen ever; antibiotic absent),
    # Immunizations (PCV13 ever), Procedures (colonoscopy count), DiagnosticReports (all reports count, lipid panel
    # count), CarePlans (respiratory therapy end date), demographics (birthplace), and with the people spec kind
    # the place of the urgent care visit (Organization) and the clinician of the shoulder injury visit
    # (Practitioner); extremes checked unique in the JSON (and not tied once rounded) within each window, latest
    # values on dates with a single result
    (A, CL, "Since his clavicle fracture in 2016, what's the lowest his systolic blood pressure has been, and "
            "when was that?", {"shape": "lowest", "obs": "55284-4", "comp": "8480-6",
                                "window": ("2016-05-21", "9999")}),
    (C, CL, "GP here - has he ever been diagnosed with atrial fibrillation?", {"shape": "ever", "absent": True}),
    (C, CL, "Since he started on simvastatin, what's the highest his LDL has been, and on what date?",
     {"shape": "highest", "obs": "18262-6", "window": ("2012-07-20", "9999")}),
    (C, CL, "Practice nurse: what did he weigh at his last check?", {"shape": "latest", "obs": "29463-7"}),
    (A, CL, "Practice nurse - has he had the PCV13 pneumococcal vaccine, and if so when?",
     {"shape": "ever", "type": "Immunization", "codes": ["133"]}),
    (C, CL, "Community pharmacist: has he ever been prescribed amoxicillin, or any antibiotic at all?",
     {"shape": "ever", "absent": True}),
    (A, CL, "Pharmacist here. Is he on any regular medicines at the moment?",
     {"shape": "absent_list", "type": "MedicationRequest", "status": "active"}),
    (C, CL, "Medical registrar: which organisation saw him at his urgent care visit?",
     {"shape": "latest", "type": "Organization", "enc": ["702927004"]}),
    (A, CL, "FY1 on the admissions unit - how many lab reports are on his record altogether, all types?",
     {"shape": "count", "type": "DiagnosticReport"}),
    (A, CL, "Over the last five years of his record, what's the highest his urea has been, and when?",
     {"shape": "highest", "obs": "6299-2", "window": ("2014-04-22", "2019-04-22")}),
    (C, LAY, "Which doctor saw me when I hurt my shoulder?",
     {"shape": "latest", "type": "Practitioner", "enc": ["185347001"]}),
    (C, LAY, "Which of my illnesses have cleared up, the ones that aren't still going?",
     {"shape": "list", "type": "Condition", "status": "resolved",
      "names": ["Viral sinusitis", "Acute bronchitis", "rotator cuff"]}),
    (A, LAY, "Have I ever been prescribed ibuprofen, and when was it?",
     {"shape": "ever", "type": "MedicationRequest", "codes": ["310965"]}),
    (A, LAY, "How many times have I had the camera test up my back passage, the colonoscopy?",
     {"shape": "count", "type": "Procedure", "codes": ["73761001"]}),
    (C, LAY, "How many times has Dad had his cholesterol panel done?",
     {"shape": "count", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "Sorry if this rambles. I had my knee looked at last week, the car's back in the garage again, and "
             "our grandson starts school on Monday so it's all go here. The thing I wanted to ask was: what was "
             "my red cell count on my latest blood test?", {"shape": "latest", "obs": "789-8"}),
    (C, LAY, "My wife's asking - her sister's a nurse and wanted to know - when did Dad's last chest physio plan "
             "(the respiratory therapy) come to an end?",
     {"shape": "date_of", "type": "CarePlan", "codes": ["53950000"]}),
    (A, LAY, "Since I turned 70, what's the lowest my blood sugar has been, and on what date?",
     {"shape": "lowest", "obs": "2339-0", "window": ("2015-12-10", "9999")}),
    (A, LAY, "Where does my record say I was born?", {"shape": "demographic", "field": "birthPlace"}),
    # --- batch 141 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered it;
    # unusual voices, every one new to the file (greetings, places, jobs and languages grepped first): a Uyghur
    # granddaughter in Kashgar ("Yaxshimusiz", "bowam", "Rehmet"), a Xitsonga grandson in Giyani ("Avuxeni",
    # "kokwana", "Inkomu"), a Kapampangan granddaughter in San Fernando, Pampanga ("Mayap a abak", "ingkung", "Dakal
    # a salamat"), a crocodile wrangler, a wing walker, a bush pilot, a dictated message with mis-heard words and
    # spoken punctuation ("a sister tea", "colon", "comma", "question mark", "full stop", "new line"), a very terse
    # text, a long rambling message with the question buried in the middle (a daughter: the hen house roof, forty
    # scones for the lifeboat open day, the new curate), a question relayed through two people with a correction
    # mid-sentence ("his potassium - no sorry, his bicarbonate"), and a typo-ridden message with a US-format date
    # ("07/19/2016") (11 lay), and clinicians abroad writing mostly English with their own shorthand: a doctor at
    # the TAR People's Hospital in Lhasa ("男 73岁", "高原反应"), a doctor at Seychelles Hospital in Victoria, Mahé
    # ("Msye 73 an"), a doctor at Broome Hospital ("73yo M", "Gibb River Rd", "K+"), a doctor at Maniilaq Health
    # Center in Kotzebue ("Hx", "sheefish"), a doctor at the Hôpital de Tamanrasset ("glycémie max", "avant le
    # diagnostic"), a doctor at the Hospital Regional Manuel Núñez Butrón in Puno ("varón 73a", "MAM", "PAD") and
    # a doctor at Khunde Hospital in the Khumbu ("EBC", "?HAPE", "Diamox") (7 clinician); harder shapes: subjects
    # named only by lay description or clinical synonym ("the protein his liver makes that holds water in the
    # blood", "the bone-and-liver enzyme", "the bottom number", "the scan that checks whether my bones are
    # thinning", "the yearly full check-ups"), windows anchored to events ("in the two years after he hurt his
    # shoulder", "since that fracture", "avant le diagnostic d'hyperlipidémie", "since 07/19/2016"), "ever had"
    # questions about absent things (vertigo, drug allergy), a count over a whole kind (all vaccinations);
    # over albumin (lowest, with date), alkaline phosphatase over 2013-04-27..2015-04-27 (highest, with date,
    # window), diastolic since 2016-05-21 (lowest, with date, window), diastolic (highest, with date), AST and
    # bicarbonate and potassium (lowest, with date), total cholesterol since 2016-07-19 (lowest, with date,
    # window), glucose before 2012-06-29 (highest, with date, window), polyp size (latest), haemoglobin (trend)
    # Observations, Immunizations (last Td booster, count of all), Procedures (bone density scan ever, rectal
    # polypectomy ever), Encounters (general examination count), two absent items (vertigo, allergies as a list);
    # extremes checked unique in the JSON (and not tied once rounded, within the window where one is given),
    # latest values and the trend ends on dates with a single result
    (C, LAY, "Yaxshimusiz! My bowam (grandfather) is staying with us in Kashgar and the doctor at the city hospital "
             "asks about the protein his liver makes that holds water in the blood - not the total protein, the "
             "other one. What was the lowest it has been, and on what date? Rehmet.",
     {"shape": "lowest", "obs": "1751-7"}),
    (A, LAY, "Avuxeni! Kokwana (my grandfather) is living with us in Giyani now and the sister at the clinic is "
             "updating his injection card. When did he last have the tetanus-and-diphtheria booster, the adult "
             "one? Inkomu.", {"shape": "latest", "type": "Immunization", "codes": ["113"]}),
    (C, LAY, "Mayap a abak! My ingkung (grandfather) is with us in San Fernando, Pampanga, and the internist asks "
             "about his ALP, the bone-and-liver enzyme, in the two years after he hurt his shoulder. What was the "
             "highest it got in those two years, and when? Dakal a salamat.",
     {"shape": "highest", "obs": "6768-6", "window": ("2013-04-27", "2015-04-27")}),
    (A, LAY, "I wrangle crocodiles at a wildlife park - I jump on their backs and tape their jaws shut for the "
             "vets - and since I broke my collarbone I've been keeping an eye on my blood pressure. Since that "
             "fracture, what's the lowest the bottom number has been, and on what date?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8462-4", "window": ("2016-05-21", "9999")}),
    (C, LAY, "I'm a wing walker - I stand strapped to the top wing of a biplane at air shows - and the display "
             "director asks: have I ever been diagnosed with vertigo or any balance problem on my record?",
     {"shape": "ever", "absent": True}),
    (A, LAY, "I fly a bush plane into the back country and land on gravel bars, and the aviation medical "
             "examiner asked about the scan that checks whether my bones are thinning. Have I ever had one, and "
             "if so, when?", {"shape": "ever", "type": "Procedure", "codes": ["312681000"]}),
    (C, LAY, "message for the doctor colon my father's a sister tea no the A S T comma the liver one comma what "
             "was the lowest it has ever been and on which date question mark full stop thank you new line",
     {"shape": "lowest", "obs": "1920-8"}),
    (A, LAY, "dad bowel polyp how big? mm", {"shape": "latest", "obs": "33756-8"}),
    (A, LAY, "Bear with me. The roof came off the hen house in the storm, I've promised forty scones for the "
             "lifeboat open day, and the new curate keeps calling Dad by the wrong name. My actual question is "
             "in here somewhere - oh yes: how many of those yearly full check-ups, the general examinations, "
             "has Dad had in America altogether? Right, the scones.",
     {"shape": "count", "type": "Encounter", "codes": ["162673000"]}),
    (A, LAY, "My brother says Dad's heart doctor asked him to ask me: what was the lowest his potassium - no "
             "sorry, his bicarbonate, the CO2 one - has ever been, and on what date?",
     {"shape": "lowest", "obs": "20565-8"}),
    (C, LAY, "wat was the lowset my dads total cholestrol got since 07/19/2016 (when the new nurse startd "
             "checking it)? and the date pls", {"shape": "lowest", "obs": "2093-3", "window": ("2016-07-19", "9999")}),
    (A, CL, "TAR People's Hospital, Lhasa. 男 73岁, US tourist, 高原反应 day 2, ?polycythaemia. Hb first on file "
            "vs latest?", {"shape": "trend", "obs": "718-7"}),
    (A, CL, "Seychelles Hospital, Victoria (Mahé). Msye 73 an, US yachtsman, dog bite on La Digue. How many "
            "vaccinations on record in total, all kinds?", {"shape": "count", "type": "Immunization"}),
    (C, CL, "Broome Hospital, Kimberley. 73yo M, US 4WD tourist on the Gibb River Rd, dehydrated, ?AKI. Lowest "
            "K+ on file + date?", {"shape": "lowest", "obs": "6298-4"}),
    (A, CL, "Maniilaq Health Center, Kotzebue. 73M, US sheefish angler, rectal bleed. Hx polypectomy? If so, "
            "date.", {"shape": "ever", "type": "Procedure", "codes": ["274031008"]}),
    (C, CL, "Hôpital de Tamanrasset. Pt 73 ans, touriste US (trek de l'Assekrem), malaise. Glycémie max avant "
            "le diagnostic d'hyperlipidémie - valeur + date?",
     {"shape": "highest", "obs": "2339-0", "window": ("1900-01-01", "2012-06-28")}),
    (C, CL, "Hosp. Regional Manuel Núñez Butrón, Puno. Varón 73a, turista EEUU, Titicaca, MAM. PAD (diastólica) "
            "máx + fecha?", {"shape": "highest", "obs": "55284-4", "comp": "8462-4"}),
    (A, CL, "Khunde Hospital, Khumbu. 73M US trekker on the EBC route, ?HAPE, want to start Diamox. Any sulfa "
            "or other drug allergy on file?", {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    # --- batch 142 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered it;
    # half plain: the plain everyday wording of a GP, a hospital doctor and a practice nurse (6 clinician) and of
    # patients asking about their own record (4 lay), and half in new voices different from batch 141's: a
    # Tshivenḓa granddaughter in Thohoyandou ("Ndaa", "makhulu wanga", "Ndo livhuwa"), a Waray grandson in
    # Tacloban ("Maupay nga aga", "lolo", "Damo nga salamat"), a truffle hunter, a pipe organ builder, an ice road
    # trucker, a lion tamer, a fire-eater (7 lay), a doctor at the Hospital Daniel Bracamonte in Potosí ("varón 73a", "Cerro
    # Rico", "primero vs último"), a doctor at Gizo Hospital in the Solomons ("man 73", "Jan '15") and a doctor at
    # the hospital in Atuona, Hiva Oa ("Kaoha", "ans", "en '65") (3 clinician); harder shapes: windows anchored to
    # events or given in words ("in the two years after his collarbone fracture", "before he was diagnosed with
    # high cholesterol", "since Jan '15"), lay descriptions ("a sample of what I was coughing up", "the part of the
    # protein that fights infection", "how much haemoglobin is in each red cell", "the cholesterol tablet", "the
    # fats panel", "unwell, not a check-up"), "ever had" about an absent thing (stroke), two-part questions (first
    # and last, ever and when, highest and when), counts over a class (emergency visits); over calcium in
    # 2016-05-21..2018-05-21 and systolic before 2012-06-29 (highest, with date, window), globulin (highest, with
    # date), systolic since 2015 (lowest, with date, window), pain score and MCH (latest), total cholesterol and
    # haemoglobin (trend) Observations, Conditions (anaemia onset, stroke absent), MedicationRequests (last
    # simvastatin), Procedures (sputum examination date, clavicle X-ray ever), Encounters (emergency count,
    # symptom visit count), DiagnosticReports (last lipid panel), demographics (marital status), and with the
    # people spec kind the clinician of the yearly physicals and of the cardiac arrest (Practitioner) and the place
    # of the shoulder injury visit (Organization); extremes checked unique in the JSON (and not tied once rounded,
    # within the window where one is given), latest values and the trend ends on dates with a single result
    (A, CL, "GP here. Has he ever had a stroke or a TIA?", {"shape": "ever", "absent": True}),
    (C, CL, "When was his anaemia first diagnosed?", {"shape": "date_of", "type": "Condition", "codes": ["271737000"]}),
    (A, CL, "In the two years after his collarbone fracture, what was his highest calcium, and when was it?",
     {"shape": "highest", "obs": "49765-1", "window": ("2016-05-21", "2018-05-21")}),
    (C, CL, "Before he was diagnosed with high cholesterol, what was his highest systolic blood pressure, and on "
            "what date?", {"shape": "highest", "obs": "55284-4", "comp": "8480-6",
                           "window": ("1900-01-01", "2012-06-28")}),
    (C, CL, "Practice nurse: what marital status do we have for him?", {"shape": "demographic", "field": "marital"}),
    (A, CL, "Practice nurse - what pain score did he give at his last check?", {"shape": "latest", "obs": "72514-3"}),
    (C, LAY, "When did they take a sample of what I was coughing up, to test it?",
     {"shape": "date_of", "type": "Procedure", "codes": ["269911007"]}),
    (A, LAY, "Have I ever had an X-ray of my collarbone, and when was it?",
     {"shape": "ever", "type": "Procedure", "codes": ["168594001"]}),
    (C, LAY, "Which doctor does my yearly physicals?",
     {"shape": "latest", "type": "Practitioner", "enc": ["162673000"]}),
    (A, LAY, "What was my total cholesterol the first time it was checked, and what was it the last time?",
     {"shape": "trend", "obs": "2093-3"}),
    (C, LAY, "Ndaa! Makhulu wanga (my grandfather) is staying with us in Thohoyandou and the doctor at "
             "Tshilidzini Hospital asks about the globulin, the part of the protein in his blood that fights "
             "infection. What was the highest it has been, and on which date? Ndo livhuwa.",
     {"shape": "highest", "obs": "10834-0"}),
    (C, LAY, "Maupay nga aga! My lolo is staying with us in Tacloban and the pharmacist asks when his cholesterol "
             "tablet was last prescribed in America. What date? Damo nga salamat.",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["316672"]}),
    (C, LAY, "I hunt truffles with two dogs in the oak woods, and the doctor wants my fats checked before the "
             "season. When was my cholesterol fats panel last done?",
     {"shape": "latest", "type": "DiagnosticReport", "codes": ["57698-3"]}),
    (A, LAY, "I build and voice pipe organs, so I spend hours up ladders inside the case, and I've been tired. "
             "On my latest blood count, how much haemoglobin was in each red cell (the MCH)?",
     {"shape": "latest", "obs": "785-6"}),
    (A, LAY, "I drive an ice road truck across frozen lakes all winter, hours from any hospital. How many times "
             "have I been taken to the emergency department, in all?", {"shape": "count", "type": "Encounter",
                                                                         "cls": "EMER"}),
    (C, LAY, "I'm a lion tamer with a travelling circus, and my new boss wants to know where I was seen when I "
             "hurt my shoulder. Which hospital was it?",
     {"shape": "latest", "type": "Organization", "enc": ["185347001"]}),
    (A, LAY, "I'm a fire-eater in a street show, so the odd scorched lip is normal. How many times have I gone to "
             "a doctor because I was unwell, not for a check-up?",
     {"shape": "count", "type": "Encounter", "codes": ["185345009"]}),
    (C, CL, "Hosp. Daniel Bracamonte, Potosí. Varón 73a, turista EEUU, visita a la mina del Cerro Rico, disnea. "
            "Hb primero vs último?", {"shape": "trend", "obs": "718-7"}),
    (C, CL, "Gizo Hospital, Western Province. Man 73, US dive tourist, syncope after second dive. Lowest SBP "
            "since Jan '15 + date?", {"shape": "lowest", "obs": "55284-4", "comp": "8480-6",
                                      "window": ("2015-01-01", "9999")}),
    (A, CL, "Kaoha. Hôpital d'Atuona, Hiva Oa. Pt 73 ans, US cruise passenger, palpitations. Arrêt cardiaque en "
            "'65 - which doctor saw him then?", {"shape": "latest", "type": "Practitioner", "enc": ["410429000"]}),
    # --- batch 143 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered it;
    # unusual voices, every one new to the file (greetings, places, jobs and languages grepped first): a Limburgish
    # granddaughter in Mestreech ("Goojemorge", "mien opa", "Bedank"), a Samogitian daughter in Telšiai ("Svēks",
    # "mona tievs", "Diekou"), a Crimean Tatar grandson in Bağçasaray ("Selâm aleyküm", "qartbabam", "Sağlıqnen
    # qalıñız"), a Tokelauan granddaughter on Nukunonu ("Malo ni", "toku tupuna", "Ia manuia"), a Pennsylvania Dutch
    # grandson near Kutztown ("Wie bischt du", "Grossdaadi", "Denki"), a bomb disposal technician, a storm chaser, a
    # tightrope walker, a dictated message with mis-heard words and spoken punctuation ("album in", "comma", "full
    # stop", "question mark"), a very terse text, a typo-ridden message, a long scene (a wedding marquee in a gale)
    # with a correction mid-sentence (12 lay), and doctors at Camogli Hospital on Tristan da Cunha ("Hx", "res."),
    # Georgetown Hospital on Ascension ("AST", "pk"), Christmas Island Hospital ("#", "yr", "U"), the health centre
    # in Waitangi, Chatham Islands ("dx"), Kosrae State Hospital ("ALP", "20/7/14"), Leroy Hospital on Ebeye ("ATT",
    # "last Td") and Prince Ngu Hospital in Neiafu, Vava'u ("RDW 1st vs last") (7 clinician); harder shapes: windows
    # anchored to events or given in words ("between my first two colonoscopies", "in the decade before his
    # collarbone fracture", "the summer of 2017", a day written 20/7/14), lay descriptions ("the liver enzyme ALT",
    # "how well his kidneys filter", "the bottom number", "the growth they took out of his bowel"), "ever had" about
    # an absent thing (shingles vaccine), counts over a kind (all vaccinations), two-part questions (highest and
    # when); over ALT and AST and urea in 2006-05-21..2016-05-21 and chloride in 2010-12-07..2012-03-31 (highest,
    # with date, window), eGFR and diastolic (lowest, with date), LDL in summer 2017 (lowest, with date, window),
    # polyp size (latest), albumin (first), alkaline phosphatase on 2014-07-20 (window), RDW (trend) Observations,
    # Conditions (colon polyp resolution, rotator cuff injury resolution, hyperlipidaemia onset), MedicationRequests
    # (acetaminophen count), Immunizations (all, count; Td date; shingles absent), Encounters (urgent care visit
    # date); extremes checked unique in the JSON (and not tied once rounded, within the window where one is given),
    # first values, the windowed day and the trend ends on dates with a single result
    (C, LAY, "Goojemorge! Mien opa (my grandfather) is staying with us in Mestreech and the huisarts is worried "
             "about his liver. What is the highest his liver enzyme ALT has ever been, and on what date? Bedank.",
     {"shape": "highest", "obs": "1742-6"}),
    (A, LAY, "Svēks! Mona tievs (my father) lives with me in Telšiai now and the surgeon here wants to know how "
             "big the growth was that they took out of his bowel in America. What size did they write down? "
             "Diekou.", {"shape": "latest", "obs": "33756-8"}),
    (C, LAY, "Selâm aleyküm. Qartbabam (my grandfather) has come to us in Bağçasaray and the doctor asks about how "
             "well his kidneys filter. What was the lowest that number has been, and when? Sağlıqnen qalıñız.",
     {"shape": "lowest", "obs": "33914-3"}),
    (A, LAY, "Malo ni! Toku tupuna (my grandfather) is with us on Nukunonu and the nurse on the boat asks: did he "
             "ever get the shingles vaccine in America? Ia manuia.", {"shape": "ever", "absent": True}),
    (C, LAY, "Wie bischt du. Mei Grossdaadi (my grandfather) lives on our farm near Kutztown now, and the pharmacist "
             "asks how many times he was prescribed the acetaminophen (Tylenol) tablets. How many? Denki.",
     {"shape": "count", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, LAY, "I'm a bomb disposal technician, so I kneel in a heavy suit for hours, and the army doctor is "
             "checking my salts. Between my first two colonoscopies, what was my highest chloride, and when was "
             "it taken?", {"shape": "highest", "obs": "2069-3", "window": ("2010-12-07", "2012-03-31")}),
    (C, LAY, "I chase tornadoes across the plains every spring and eat at too many truck stops. In the summer of "
             "2017 I had my cholesterol checked twice close together - which was the lower LDL of that summer, and "
             "on what date?", {"shape": "lowest", "obs": "18262-6", "window": ("2017-06-01", "2017-08-31")}),
    (A, LAY, "I'm a tightrope walker and I sometimes feel light-headed up on the wire. What's the lowest the "
             "bottom number of my blood pressure has ever been, and when?",
     {"shape": "lowest", "obs": "55284-4", "comp": "8462-4"}),
    (C, LAY, "Hi it's Maria comma dictating from the car full stop my dad's doctor wants his album in comma the "
             "protein in the blood comma from the very first time it was measured full stop what was the result "
             "and what date question mark", {"shape": "first", "obs": "1751-7"}),
    (C, LAY, "dad urgent care visit - date?", {"shape": "date_of", "type": "Encounter", "codes": ["702927004"]}),
    (A, LAY, "hw many vacinations has my husbnd had altogther, all kinds, flu and evrything?",
     {"shape": "count", "type": "Immunization"}),
    (C, LAY, "We were putting up the marquee for my niece's wedding yesterday when the gale came through, one pole "
             "snapped, the caterer's van got stuck in the mud, the band was two hours late and Dad kept insisting "
             "on holding the guy ropes himself, the stubborn man. Now his shoulder aches again and the doctor asks "
             "about the old injury: when did his shoulder tendon injury start - no, sorry, I mean when did it clear "
             "up?", {"shape": "date_of", "type": "Condition", "codes": ["307731004"], "end": True}),
    (A, CL, "Camogli Hosp., Tristan da Cunha. Elderly US M off a cruise ship, PR bleed. Hx colonic polyp - date "
            "res.?", {"shape": "date_of", "type": "Condition", "codes": ["68496003"], "end": True}),
    (C, CL, "Georgetown Hosp., Ascension Is. US contractor M, RUQ pain. AST pk + date?",
     {"shape": "highest", "obs": "1920-8"}),
    (A, CL, "Christmas Island Hosp. US M, dehydrated after the crab migration tour. Highest U in the 10 yr before "
            "his clavicle # - value + date?", {"shape": "highest", "obs": "6299-2",
                                               "window": ("2006-05-21", "2016-05-21")}),
    (C, CL, "Waitangi, Chatham Islands. US angler M, chest pain. Hyperlipidaemia - dx date?",
     {"shape": "date_of", "type": "Condition", "codes": ["55822004"]}),
    (C, CL, "Kosrae State Hosp. US M, jaundice ?obstructive. ALP on 20/7/14?",
     {"shape": "latest", "obs": "6768-6", "window": ("2014-07-20", "2014-07-20")}),
    (A, CL, "Leroy Hosp., Ebeye. US M, reef laceration, needs ATT? Date of last Td?",
     {"shape": "date_of", "type": "Immunization", "codes": ["113"]}),
    (A, CL, "Prince Ngu Hosp., Neiafu, Vava'u. US yachtie M, fatigue. RDW 1st vs last?",
     {"shape": "trend", "obs": "21000-5"}),
    # --- batch 144 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered it;
    # typical voices: the plain everyday wording of a GP (3), a practice nurse (2), a community pharmacist (2) and a
    # hospital doctor (4) (11 clinician), and of patients asking about their own record and relatives asking about a
    # husband or a father in ordinary words (8 lay); over eGFR and glucose and weight and BMI (latest), triglycerides
    # and creatinine (highest, with date), HbA1c (lowest, with date), total protein (trend) Observations, Conditions
    # (acute bronchitis count, sinusitis count, asthma absent), MedicationRequests (simvastatin count, first
    # ibuprofen), Immunizations (PPSV23 ever), Procedures (last colonoscopy, bone density scan date, orthopaedic
    # admission date), Encounters (check-up count), demographics (birthplace), and with the people spec kind the
    # place of the emergency room admission (Organization); extremes checked unique in the JSON (and not tied once
    # rounded), latest values and the trend ends on dates with a single result
    (C, CL, "GP here - what's his most recent eGFR?", {"shape": "latest", "obs": "33914-3"}),
    (A, CL, "When did he last have a colonoscopy?", {"shape": "latest", "type": "Procedure", "codes": ["73761001"]}),
    (C, CL, "Has he had the Pneumovax 23 (PPSV23), and if so when?",
     {"shape": "ever", "type": "Immunization", "codes": ["33"]}),
    (A, CL, "Practice nurse: what was his BMI at his last check?", {"shape": "latest", "obs": "39156-5"}),
    (C, CL, "Practice nurse - what did he weigh last time he was weighed?", {"shape": "latest", "obs": "29463-7"}),
    (A, CL, "Pharmacist here. When was he prescribed ibuprofen?",
     {"shape": "first", "type": "MedicationRequest", "codes": ["310965"]}),
    (C, CL, "Pharmacist here - how many prescriptions for simvastatin are on his record?",
     {"shape": "count", "type": "MedicationRequest", "codes": ["316672"]}),
    (A, CL, "He came in through ED before - which hospital was his emergency room admission at?",
     {"shape": "latest", "type": "Organization", "enc": ["50849002"]}),
    (C, CL, "What's the highest his triglycerides have been, and when?", {"shape": "highest", "obs": "2571-8"}),
    (A, CL, "What's the highest creatinine he's had, and on what date?", {"shape": "highest", "obs": "38483-4"}),
    (C, CL, "How has his total protein changed - first result versus the latest?", {"shape": "trend", "obs": "2885-2"}),
    (A, LAY, "After my fall they sent me for a bone density scan as well - what date did I have that done?",
     {"shape": "date_of", "type": "Procedure", "codes": ["312681000"]}),
    (C, LAY, "How many times have I had acute bronchitis?",
     {"shape": "count", "type": "Condition", "codes": ["10509002"]}),
    (A, LAY, "Have I ever been diagnosed with asthma?", {"shape": "ever", "absent": True}),
    (C, LAY, "Which town have you got down as my place of birth?", {"shape": "demographic", "field": "birthPlace"}),
    (A, LAY, "My dad was admitted to the orthopaedic ward after his fall - what date was that?",
     {"shape": "date_of", "type": "Procedure", "codes": ["305428000"]}),
    (C, LAY, "What's the lowest my husband's HbA1c has been, and when was that?", {"shape": "lowest", "obs": "4548-4"}),
    (A, LAY, "My nose and cheeks are blocked and sore again. How many times has the surgery recorded sinusitis for me?", {"shape": "count", "type": "Condition", "codes": ["444814009"]}),
    (C, LAY, "What was my dad's blood sugar on his most recent blood test?", {"shape": "latest", "obs": "2339-0"}),
    # --- batch 145 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered it;
    # unusual voices, every one new to the file (greetings, places, jobs and languages grepped first): a Livonian
    # granddaughter in Mazirbe ("Tēriņtš", "mīnda iz", "Tienū"), an Aranese son in Vielha ("Adishatz", "mon pair",
    # "Mercés"), a Mirandese daughter in Miranda do Douro ("Bonos dies", "miu pai", "Oubrigado"), a Jèrriais grandson
    # in St Ouen, Jersey ("Bouônjour", "man grand-péthe", "Mèrcie"), a Zeeuws daughter in Middelburg ("Goeiendag",
    # "m'n vaoder", "Bedankt"), a mole catcher, a snake milker at a reptile park, a lift engineer, a dictated
    # message with mis-heard words and spoken punctuation ("hey DL", "comma", "question mark"), a terse text, a
    # typo-ridden message, a long scene (a dinghy regatta in a squall) with a correction mid-sentence (12 lay), and
    # doctors at the Adamstown clinic on Pitcairn ("MCV 1st v last"), the Mignot Memorial Hospital on Alderney
    # ("FOBT"), Kaleveleve Hospital on Futuna ("kaliémie", "la + basse"), Queen Elizabeth Hospital in Crève Coeur,
    # Rodrigues ("RBC", "nadir"), the West Island clinic on the Cocos (Keeling) Islands ("sx visits"), the medical
    # facility on Diego Garcia ("Hx DVT/PE?") and the Ulithi dispensary, Yap ("eGFR Jul '15") (7 clinician); harder
    # shapes: windows in words or anchored ("from 2015 onwards", "in 2014", "the July 2015 bloods"), lay descriptions
    # ("the other blood protein besides albumin", "the yellow pigment test", "the kidney waste number", "the clotting
    # cells", "the bone density score", "the spit test"), "ever had" about absent things (water tablets, DVT), counts
    # over a kind (symptom visits), two-part questions (lowest and when); over globulin and calcium (highest, with
    # date), bilirubin, urea, bicarbonate, potassium, RBC and HDL from 2015 (lowest, with date), platelets and MCV
    # (trend), total cholesterol in 2014 (count, window), eGFR in July 2015 and DXA T-score (latest) Observations,
    # Procedures (sputum examination ever, faecal occult blood test date), Immunizations (PCV13 date), Encounters
    # (symptom visit count), absent things (diuretic, DVT); extremes checked unique in the JSON (and not tied once
    # rounded, within the window where one is given), latest values and the trend ends on dates with a single result
    (C, LAY, "Tēriņtš! Mīnda iz (my father) has come home to Mazirbe and the doctor in Ventspils wants to know "
             "about the other blood protein they measure besides albumin - the globulin. What was the highest it "
             "has been, and on which date? Tienū.", {"shape": "highest", "obs": "10834-0"}),
    (A, LAY, "Adishatz! Mon pair (my father) now lives with me in Vielha and the traumatologist asks for his bone "
             "density score from the scan after his fall in the States. What number did they record? Mercés.",
     {"shape": "latest", "obs": "38265-5"}),
    (C, LAY, "Bonos dies! Miu pai (my father) is staying with us in Miranda do Douro and the médico asks whether "
             "he ever had the spit test, where they look at what you cough up. Did he, and when? Oubrigado.",
     {"shape": "ever", "type": "Procedure", "codes": ["269911007"]}),
    (A, LAY, "Bouônjour! Man grand-péthe (my grandfather) is with us in St Ouen and the doctor in St Helier wants "
             "to know if he has ever been put on water tablets for fluid. Has he? Mèrcie.",
     {"shape": "ever", "absent": True}),
    (C, LAY, "Goeiendag! M'n vaoder (my father) is living with us in Middelburg now and the huisarts asks about "
             "the yellow pigment test for his liver, the bilirubin. What was the lowest it ever came out, and "
             "when? Bedankt.", {"shape": "lowest", "obs": "1975-2"}),
    (A, LAY, "I'm a mole catcher, out on farms and golf courses from dawn, so I don't get to the surgery much. "
             "What's the lowest my kidney waste number - the urea - has ever been, and what date was that?",
     {"shape": "lowest", "obs": "6299-2"}),
    (C, LAY, "I milk snakes at a reptile park for antivenom, so the occupational health nurse keeps an eye on my "
             "clotting cells. How did my platelet count on the first blood count compare with the latest one?",
     {"shape": "trend", "obs": "777-3"}),
    (A, LAY, "Lift engineer here, I'm stuck in shafts all day and keep missing the practice nurse. When exactly "
             "did I have the pneumonia jab - the 13 one, not the 23?",
     {"shape": "latest", "type": "Immunization", "codes": ["133"]}),
    (C, LAY, "hi its my dad again dictating this comma what was the lowest his hey DL good cholesterol got comma "
             "from twenty fifteen on words question mark and what day was that question mark thanks full stop",
     {"shape": "lowest", "obs": "2085-9", "window": ("2015-01-01", "9999")}),
    (A, LAY, "calcium - highest ever? date?", {"shape": "highest", "obs": "49765-1"}),
    (C, LAY, "how meny times did they chek his cholestrol in 2014 , the totel one i meen",
     {"shape": "count", "obs": "2093-3", "window": ("2014-01-01", "2014-12-31")}),
    (A, LAY, "We were out on the estuary for the club dinghy regatta when the squall came through - two boats "
             "over, the committee boat dragging its anchor, my husband soaked to the skin and shivering in the "
             "rescue RIB, and the first aider asking about his bloods because he gets muddled when he's cold. "
             "Anyway, now we're home and dry: what was his highest chloride - no, sorry, I mean the bicarbonate, "
             "the lowest it has been - and on what date?", {"shape": "lowest", "obs": "20565-8"}),
    (C, CL, "Adamstown clinic, Pitcairn. Visiting US pt. MCV 1st v last pls.", {"shape": "trend", "obs": "787-2"}),
    (A, CL, "Mignot Memorial Hospital, Alderney. Hx colon polyp - date of his FOBT?",
     {"shape": "date_of", "type": "Procedure", "codes": ["1015401000000102"]}),
    (C, CL, "Hôpital de Kaleveleve, Futuna. Kaliémie la + basse au dossier, avec la date svp.",
     {"shape": "lowest", "obs": "6298-4"}),
    (A, CL, "QEH Crève Coeur, Rodrigues. RBC nadir + date?", {"shape": "lowest", "obs": "789-8"}),
    (C, CL, "West Island clinic, Cocos (Keeling) Is. No. of sx visits on file?",
     {"shape": "count", "type": "Encounter", "codes": ["185345009"]}),
    (A, CL, "Diego Garcia med facility: pre-flight check for a long-haul medevac - any Hx DVT/PE?",
     {"shape": "ever", "absent": True}),
    (C, CL, "Ulithi dispensary, Yap. eGFR from the Jul '15 bloods?",
     {"shape": "latest", "obs": "33914-3", "window": ("2015-07-01", "2015-07-31")}),
    # --- batch 146 (2026-12-05): written from the bundles' JSON in a new session, frozen before carepath answered it;
    # half plain: the everyday wording of a GP (2), a hospital doctor (2), a practice nurse (2) (6 clinician) and
    # patients about their own record (3 lay); half new voices, different from batch 145's: a Picard granddaughter
    # in Amiens ("Bojour", "min pèpère", "Merchi"), a Kosraean son in Lelu ("Lwen wo", "papa tuhk", "Kulo"), an
    # Extremaduran daughter in Plasencia ("Güenus días", "mi padri", "Grácias"), a Gascon grandson in Orthez
    # ("Bonjorn", "mon pairin", "Mercés plan"), a dry stone waller, a sail maker (6 lay), and doctors at the Sark Medical
    # Centre ("last Rx"), the Pingelap dispensary ("Hb 1st vs last") and the Kapingamarangi health centre ("pk A1c
    # in 2010") (3 clinician); over MCHC (latest), albumin (lowest, with date), WBC (highest, with date), weight in
    # July 2017 and pain score in 2015 (latest, window), ALT (count), total cholesterol from 2015 and HbA1c in
    # 2015-2019 and HbA1c in 2010 (highest/lowest, with date, window), bilirubin and MCV (first), haemoglobin
    # (trend) Observations, Procedures (rectal polypectomy date), Encounters (last check-up), Conditions (second
    # bronchitis resolution, clavicle fracture ever), MedicationRequests (last acetaminophen), absent (hepatitis B
    # vaccine); extremes checked unique in the JSON (within the window where one is given), first values, latest
    # values and the trend ends on dates with a single result
    (C, CL, "Can you tell me his most recent MCHC from the full blood count?", {"shape": "latest", "obs": "786-4"}),
    (A, CL, "When did he have the polyp removed from his rectum?",
     {"shape": "date_of", "type": "Procedure", "codes": ["274031008"]}),
    (C, CL, "What's the lowest his albumin has been, and when was that?", {"shape": "lowest", "obs": "1751-7"}),
    (A, CL, "What was his highest white cell count, and on which date?", {"shape": "highest", "obs": "6690-2"}),
    (C, CL, "Practice nurse here - what did he weigh at his July 2017 check?",
     {"shape": "latest", "obs": "29463-7", "window": ("2017-07-01", "2017-07-31")}),
    (A, CL, "What pain score did he give at his 2015 check-up?",
     {"shape": "latest", "obs": "72514-3", "window": ("2015-01-01", "2015-12-31")}),
    (A, LAY, "When did I last go in for a check-up with the doctor?",
     {"shape": "latest", "type": "Encounter", "codes": ["185349003"]}),
    (C, LAY, "I had two chest infections a while back. When did the second one clear up?",
     {"shape": "date_of", "type": "Condition", "codes": ["10509002"], "index": -1, "end": True}),
    (C, LAY, "How many times have they done my liver test, the ALT one?", {"shape": "count", "obs": "1742-6"}),
    (C, LAY, "Bojour! Min pèpère (my grandpa) has moved in with us in Amiens and the doctor asks about his "
             "cholesterol since 2015 - what was the highest total cholesterol in that time, and when? Merchi.",
     {"shape": "highest", "obs": "2093-3", "window": ("2015-01-01", "9999")}),
    (A, LAY, "Lwen wo! Papa tuhk (my father) is with me in Lelu and the nurse wants to know if he has ever "
             "broken a bone. Has he, and when was it? Kulo.", {"shape": "ever", "type": "Condition", "codes": ["58150001"]}),
    (C, LAY, "Güenus días! Mi padri (my father) lives with us in Plasencia now. The doctor wants his very first "
             "bilirubin result and the date it was taken. Grácias.", {"shape": "first", "obs": "1975-2"}),
    (A, LAY, "Bonjorn! Mon pairin (my grandfather) has settled with us in Orthez. Leaving out the early years, "
             "from 2015 to 2019 what was his lowest HbA1c, and which date? Mercés plan.",
     {"shape": "lowest", "obs": "4548-4", "window": ("2015-01-01", "2019-12-31")}),
    (C, LAY, "I build dry stone walls out on the fells, so I cut my hands a lot. Have I ever had the hepatitis B "
             "vaccine?", {"shape": "ever", "absent": True}),
    (A, LAY, "I'm a sail maker, bent over canvas on the loft floor all day. What was the size of my red cells - the MCV - the very "
             "first time it was measured, and when?", {"shape": "first", "obs": "787-2"}),
    (C, CL, "Sark Medical Centre. Paracetamol (acetaminophen) - date of last Rx?",
     {"shape": "latest", "type": "MedicationRequest", "codes": ["313782"]}),
    (A, CL, "Pingelap dispensary. Hb 1st vs last?", {"shape": "trend", "obs": "718-7"}),
    (C, CL, "Kapingamarangi health centre: pk A1c in 2010, w/ date.",
     {"shape": "highest", "obs": "4548-4", "window": ("2010-01-01", "2010-12-31")}),
]

# Questions whose answers were seen BEFORE they were written down here (a probe of
# `carepath ehr` with natural phrasing on 2026-12-02 that found misses): they are
# TUNE by declaration, never test, whatever their hash says (``probed`` in the file).
PROBED: list[tuple[str, str, str, dict]] = [
    (C, LAY, "whats his kidney function like lately", {"shape": "latest", "obs": "33914-3"}),
    (C, LAY, "has he ever smoked", {"shape": "latest", "obs": "72166-2"}),
    (C, LAY, "when was his last flu shot", {"shape": "latest", "type": "Immunization", "codes": ["140"]}),
    (C, LAY, "how many times was he seen in clinic", {"shape": "count", "type": "Encounter", "cls": "AMB"}),
    (C, CL, "is he diabetic", {"shape": "ever", "absent": True}),
    (C, CL, "what was his a1c when first measured", {"shape": "first", "obs": "4548-4"}),
    (C, CL, "worst blood pressure on record", {"shape": "highest", "obs": "55284-4", "comp": "8480-6"}),
    (C, LAY, "any allergies", {"shape": "list", "type": "AllergyIntolerance", "absent": True}),
    (C, CL, "list his current meds", {"shape": "list", "type": "MedicationRequest", "status": "active",
                                       "names": ["Simvistatin"]}),
    (C, LAY, "how old is he", {"shape": "demographic", "field": "birthDate"}),
    (C, CL, "what procedures has he had", {"shape": "list", "type": "Procedure",
                                            "names": ["Medication Reconciliation", "Sputum examination"]}),
    (C, CL, "lowest haemoglobin", {"shape": "lowest", "obs": "718-7"}),
    (C, LAY, "what is his LDL doing", {"shape": "trend", "obs": "18262-6"}),
]


def main() -> None:
    if len(sys.argv) > 1:
        res = Path(sys.argv[1])
    else:
        import assets
        res = assets.sdist_tree("fhiry") / "tests" / "resources"
    bundles = {n: Bundle(res / f"{n}.json") for n in (A, C)}
    seen: set[tuple[str, str]] = set()
    rows = []
    for i, (bname, style, question, spec) in enumerate(Q + PROBED):
        probed = i >= len(Q)
        assert (bname, question) not in seen, question
        seen.add((bname, question))
        b = bundles[bname]
        shape = spec["shape"]
        if shape == "demographic":
            values, ids = demographic(b, spec["field"])
        elif shape == "absent_list":
            assert not [r for r in b.of(spec["type"]) if _status(r) == spec["status"]]
            values, ids, shape = [ABSENT], [], "list"
        elif spec["shape"] == "list" and spec["type"] in ("Device", "ImagingStudy"):
            values, ids = spec["names"], [ref(r) for r in b.of(spec["type"])]
        elif spec.get("type") == "CarePlan" and not spec.get("absent"):
            values, ids = _careplan(b, spec)
        elif spec.get("type") == "ImagingStudy" and shape == "ever":
            r = b.of("ImagingStudy")[0]
            values, ids = ["yes", r["started"][:10]], [ref(r)]
        elif spec.get("type") in PEOPLE:  # spec kind added with batches 103-104, see _people
            values, ids = _people(b, spec)
        else:
            values, ids = gold(b, spec)
        rows.append({"id": f"ehr-probe-{i - len(Q) + 1:02d}" if probed else f"ehr-{i + 1:03d}", "bundle": bname, "bundle_sha256": b.sha256, "style": style,
                     "shape": "absent" if spec.get("absent") else shape, "question": question,
                     "gold_values": values, "gold_ids": ids, "split": "tune" if probed else split_of(question),
                     **({"probed": True} if probed else {})})
    OUT.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    n_test = sum(r["split"] == "test" for r in rows)
    print(f"{len(rows)} questions, {n_test} test ({n_test / len(rows):.0%}) -> {OUT}")


def _careplan(b: Bundle, spec: dict) -> tuple[list[str], list[str]]:
    rows = sorted(b.of("CarePlan"), key=when)
    if "status" in spec:
        rows = [r for r in rows if r["status"] == spec["status"]]
    if "codes" in spec:
        rows = [r for r in rows if _carepath_cat(r) in spec["codes"]]
    if spec["shape"] == "list":
        return spec["names"], [ref(r) for r in rows]
    if spec["shape"] == "ever":
        return ["yes", when(rows[-1])[:10]], [ref(rows[-1])]
    r = rows[-1]
    return [r["period"]["end"][:10]], [ref(r)]


# --- spec kind added with batches 103-104 (2026-12-04): care goals, care teams, and who and where, read
# straight from the bundles' JSON like the rest. {"type": "Goal", "shape": "list", "names": [...]}: every Goal
# (each name must be part of one Goal's description text); {"type": "CareTeam", "shape": "list", "status": s}:
# the care teams with that status, their members other than the patient (clinician and organization) as the
# values; {"type": "Practitioner" | "Organization", "enc": [Encounter.type codes], "index": i (default -1)}:
# the clinician (Encounter.participant.individual) or place (Encounter.serviceProvider) of the i-th such
# visit, its name as the value and the Practitioner / Organization resource as the gold id.
PEOPLE = ("Goal", "CareTeam", "Practitioner", "Organization")


def _people(b: Bundle, spec: dict) -> tuple[list[str], list[str]]:
    rtype = spec["type"]
    if rtype == "Goal":
        rows = b.of("Goal")
        texts = [r["description"]["text"] for r in rows]
        assert rows and all(any(n in t for t in texts) for n in spec["names"]), spec
        return spec["names"], [ref(r) for r in rows]
    if rtype == "CareTeam":
        rows = sorted((r for r in b.of("CareTeam") if r["status"] == spec["status"]), key=when)
        assert rows, spec
        names: list[str] = []
        for r in rows:
            for p in r["participant"]:
                if code_of(p["role"]) != "116153009" and p["member"]["display"] not in names:  # not the patient
                    names.append(p["member"]["display"])
        return names, [ref(r) for r in rows]
    enc = coded(b, "Encounter", set(spec["enc"]), "type")[spec.get("index", -1)]
    target = (enc["participant"][0]["individual"] if rtype == "Practitioner" else enc["serviceProvider"])["reference"]
    r = next(r for r in b.of(rtype) if target.rsplit(":", 1)[-1] == r["id"])  # urn:uuid:<id>
    if rtype == "Practitioner":
        n = r["name"][0]
        return [" ".join(n.get("prefix", []) + n["given"] + [n["family"]])], [ref(r)]
    return [r["name"]], [ref(r)]


if __name__ == "__main__":
    main()
