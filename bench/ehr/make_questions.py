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


if __name__ == "__main__":
    main()
