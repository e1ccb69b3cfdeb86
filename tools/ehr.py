"""EHR question answering over one patient's FHIR R4 record.

The answer is built deterministically from the record — the latest value or
the trend of a lab (by name or LOINC code), dates, medications, conditions,
visits — and every fact cites the ``ResourceType/id`` it came from. The
question is only matched against vocabulary (test names, a few intent
words); it is data, never instructions. When a model is configured it may
summarise the retrieved facts; a summary is kept only if it cites resource
ids from those facts (unknown ids are dropped with a warning).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from carepath.artifacts import ArtifactStore, default_store
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.tools.sources import loinc
from carepath.tools.sources.fhir_bundle import FhirRecord, load

SKILL = "ehr"
Intent = Literal["lab_latest", "lab_trend", "medications", "conditions", "encounters"]

_MEDS = re.compile(r"\b(medications?|meds|drugs?|prescri\w*|taking|rx|therap(?:y|ies))\b")
_CONDS = re.compile(r"\b(conditions?|diagnos\w*|problems?|comorbidit\w*|disease\w*|history of)\b")
_VISITS = re.compile(r"\b(visits?|encounters?|admissions?|appointments?|seen)\b")
_TREND = re.compile(r"\b(trend\w*|over time|history|all|values|series|chang\w*|previous|prior|serial)\b")
_CURRENT = re.compile(r"\b(current\w*|active|now|still|ongoing)\b")
_LOINC = re.compile(r"\b(\d{1,7}-\d)\b")
_BAD_STATUS = {"entered-in-error", "cancelled"}


class EHRInput(BaseModel):
    source: str = Field(description="FHIR R4 Bundle JSON path, or a FHIR server URL ([base] or [base]/Patient/<id>)")
    question: str = Field(min_length=1, max_length=2000)
    use_model: bool = True
    max_facts: int = Field(20, ge=1, le=200)


class EHRFact(BaseModel):
    ref: str = Field(description="ResourceType/id")
    kind: Literal["lab", "vital", "medication", "condition", "encounter"]
    text: str
    date: str | None = None
    value: float | None = None
    unit: str | None = None
    code: str | None = None


class EHRAnswer(BaseModel):
    question: str
    source: str
    intents: list[Intent]
    answer: str
    facts: list[EHRFact]
    resource_ids: list[str]
    summary: str | None = None
    summary_resource_ids: list[str] = Field(default_factory=list)
    generated: bool = False
    not_generated_reason: str | None = None
    model: str | None = None
    backend: str | None = None
    template_id: str | None = None
    warnings: list[str] = Field(default_factory=list)


# --- record helpers -------------------------------------------------------------------

def _codings(cc: dict[str, Any] | None) -> list[dict[str, Any]]:
    return list((cc or {}).get("coding") or [])


def _display(cc: dict[str, Any] | None) -> str:
    cc = cc or {}
    return str(cc.get("text") or next((c.get("display") for c in _codings(cc) if c.get("display")), "")
               or next((c.get("code") for c in _codings(cc) if c.get("code")), "unnamed"))


def _loinc_code(cc: dict[str, Any] | None) -> str | None:
    return next((c.get("code") for c in _codings(cc) if "loinc" in str(c.get("system", ""))), None)


def _when(res: dict[str, Any], *keys: str) -> str | None:
    for k in keys:
        v = res.get(k)
        if isinstance(v, dict):
            v = v.get("start") or v.get("end")
        if v:
            return str(v)
    return None


def _num(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".") if abs(v) < 1000 else f"{v:.0f}"


def _quantity(q: dict[str, Any]) -> tuple[float | None, str | None]:
    v = q.get("value")
    return (float(v) if isinstance(v, (int, float)) else None), (q.get("unit") or q.get("code"))


def _obs_value(res: dict[str, Any]) -> tuple[str, float | None, str | None]:
    if "valueQuantity" in res:
        v, u = _quantity(res["valueQuantity"])
        return (f"{_num(v)} {u or ''}".strip() if v is not None else "no value"), v, u
    if "valueCodeableConcept" in res:
        return _display(res["valueCodeableConcept"]), None, None
    for k in ("valueString", "valueBoolean", "valueInteger"):
        if k in res:
            return str(res[k]), None, None
    parts = []
    for comp in res.get("component") or []:
        if "valueQuantity" in comp:
            v, u = _quantity(comp["valueQuantity"])
            if v is not None:
                parts.append(f"{_display(comp.get('code'))} {_num(v)} {u or ''}".strip())
    return ("; ".join(parts) or "no value"), None, None


class _Group(BaseModel):
    code: str | None
    name: str
    names: list[str]
    items: list[tuple[str, dict[str, Any]]]


def _head(name: str) -> str:
    return re.split(r"\s*(?:\[|/|,|\(| in | by )", name, maxsplit=1)[0].strip()


def observation_groups(record: FhirRecord) -> list[_Group]:
    groups: dict[str, _Group] = {}
    for ref, res in record.of_type("Observation"):
        if res.get("status") in _BAD_STATUS:
            continue
        code = _loinc_code(res.get("code"))
        name = _display(res.get("code"))
        key = code or loinc.normalise_name(name)
        g = groups.get(key)
        if g is None:
            names = {name, _head(name)} | {c.get("display", "") for c in _codings(res.get("code"))}
            known = loinc.by_code(code) if code else None
            if known:
                names |= {known.name, *known.aliases}
            g = groups[key] = _Group(code=code, name=name, names=sorted(n for n in names if n), items=[])
        g.items.append((ref, res))
    return list(groups.values())


def _phrase_in(phrase: str, text: str) -> bool:
    p = loinc.normalise_name(phrase)
    return len(p) >= 2 and re.search(rf"(?<![a-z0-9]){re.escape(p)}(?![a-z0-9])", text) is not None


def match_labs(question: str, groups: list[_Group]) -> list[_Group]:
    """Groups the question names (by LOINC code, or the longest name match)."""
    q = loinc.normalise_name(question)
    codes = set(_LOINC.findall(question))
    hits = [g for g in groups if g.code in codes]
    best: list[tuple[str, _Group]] = []
    for g in groups:
        matched = [loinc.normalise_name(n) for n in g.names if _phrase_in(n, q)]
        if matched:
            best.append((max(matched, key=len), g))
    # "hemoglobin a1c" names the A1c group, not also "hemoglobin": drop a match
    # that lies inside a longer match of another group
    for phrase, g in best:
        if g not in hits and not any(o != phrase and len(o) > len(phrase) and _phrase_in(phrase, o)
                                     for o, _ in best):
            hits.append(g)
    return hits


# --- answering ---------------------------------------------------------------------------

def _lab_facts(g: _Group, trend: bool, limit: int) -> tuple[list[EHRFact], str]:
    items = sorted(g.items, key=lambda it: _when(it[1], "effectiveDateTime", "effectivePeriod", "issued") or "")
    chosen = items[-limit:] if trend else items[-1:]
    facts = []
    for ref, res in chosen:
        text, v, u = _obs_value(res)
        date = _when(res, "effectiveDateTime", "effectivePeriod", "issued")
        cats = {c.get("code") for cat in res.get("category") or [] for c in _codings(cat)}
        facts.append(EHRFact(ref=ref, kind="vital" if "vital-signs" in cats else "lab",
                             text=f"{g.name}: {text} on {(date or 'unknown date')[:10]}",
                             date=date, value=v, unit=u, code=g.code))
    if not trend:
        f = facts[0]
        sentence = f"The latest {g.name} is {f.text.split(': ', 1)[1]}"
        if len(items) > 1:
            sentence += f" (of {len(items)} results)"
        return facts, sentence + "."
    vals = [f for f in facts if f.value is not None]
    sentence = f"{g.name}: {len(items)} result(s)"
    if len(items) > len(chosen):
        sentence += f", the last {len(chosen)} shown"
    if len(vals) >= 2:
        first, last = vals[0], vals[-1]
        delta = last.value - first.value  # type: ignore[operator]
        direction = "rose" if delta > 0 else "fell" if delta < 0 else "was unchanged"
        sentence += (f"; it {direction} from {_num(first.value)} on {(first.date or '')[:10]} to "  # type: ignore[arg-type]
                     f"{_num(last.value)} {last.unit or ''} on {(last.date or '')[:10]}").rstrip()
    return facts, sentence + "."


def _med_facts(record: FhirRecord, current_only: bool, limit: int) -> tuple[list[EHRFact], str]:
    latest: dict[str, tuple[str, dict[str, Any]]] = {}
    for ref, res in record.of_type("MedicationRequest"):
        if res.get("status") in _BAD_STATUS:
            continue
        name = _display(res.get("medicationCodeableConcept")) if "medicationCodeableConcept" in res else \
            str((res.get("medicationReference") or {}).get("display") or "unnamed medication")
        if name not in latest or (_when(res, "authoredOn") or "") > (_when(latest[name][1], "authoredOn") or ""):
            latest[name] = (ref, res)
    rows = sorted(latest.items(), key=lambda kv: _when(kv[1][1], "authoredOn") or "", reverse=True)
    if current_only:
        rows = [r for r in rows if r[1][1].get("status") in ("active", "on-hold", "draft")]
    facts = [EHRFact(ref=ref, kind="medication", date=_when(res, "authoredOn"),
                     text=f"{name} ({res.get('status', 'unknown status')}), prescribed "
                          f"{(_when(res, 'authoredOn') or 'on an unknown date')[:10]}")
             for name, (ref, res) in rows[:limit]]
    if not facts:
        return [], ("No current medications are recorded." if current_only else "No medications are recorded.")
    active = sum(1 for _, (_, r) in rows if r.get("status") == "active")
    return facts, (f"{len(rows)} {'current ' if current_only else ''}medication(s) recorded"
                   f"{'' if current_only else f', {active} active'}: "
                   + "; ".join(f.text for f in facts) + ".")


def _cond_facts(record: FhirRecord, current_only: bool, limit: int) -> tuple[list[EHRFact], str]:
    rows = []
    for ref, res in record.of_type("Condition"):
        if _display(res.get("verificationStatus")).lower() in ("entered-in-error", "refuted"):
            continue
        status = next((c.get("code") for c in _codings(res.get("clinicalStatus"))), None) or \
            ("resolved" if res.get("abatementDateTime") else "unknown")
        if current_only and status not in ("active", "recurrence", "relapse"):
            continue
        rows.append((ref, res, status))
    rows.sort(key=lambda r: _when(r[1], "onsetDateTime", "onsetPeriod", "recordedDate") or "", reverse=True)
    facts = []
    for ref, res, status in rows[:limit]:
        onset = _when(res, "onsetDateTime", "onsetPeriod", "recordedDate")
        text = f"{_display(res.get('code'))} ({status}), onset {(onset or 'unknown')[:10]}"
        if res.get("abatementDateTime"):
            text += f", resolved {str(res['abatementDateTime'])[:10]}"
        facts.append(EHRFact(ref=ref, kind="condition", text=text, date=onset))
    if not facts:
        return [], "No active conditions are recorded." if current_only else "No conditions are recorded."
    return facts, (f"{len(rows)} {'active ' if current_only else ''}condition(s) recorded: "
                   + "; ".join(f.text for f in facts) + ".")


def _encounter_facts(record: FhirRecord, limit: int) -> tuple[list[EHRFact], str]:
    rows = sorted(record.of_type("Encounter"), key=lambda r: _when(r[1], "period") or "", reverse=True)
    facts = [EHRFact(ref=ref, kind="encounter", date=_when(res, "period"),
                     text=f"{_display((res.get('type') or [{}])[0])} on {(_when(res, 'period') or 'unknown date')[:10]}")
             for ref, res in rows[:limit]]
    if not facts:
        return [], "No visits are recorded."
    return facts, f"{len(rows)} visit(s) recorded; the most recent: {facts[0].text}."


def answer_record(record: FhirRecord, inp: EHRInput) -> EHRAnswer:
    """The deterministic answer (no model)."""
    q = inp.question.lower()
    intents: list[Intent] = []
    facts: list[EHRFact] = []
    sentences: list[str] = []
    trend = bool(_TREND.search(q))
    current = bool(_CURRENT.search(q))
    for g in match_labs(inp.question, observation_groups(record)):
        intents.append("lab_trend" if trend else "lab_latest")
        f, s = _lab_facts(g, trend, inp.max_facts)
        facts += f
        sentences.append(s)
    if _MEDS.search(q):
        intents.append("medications")
        f, s = _med_facts(record, current, inp.max_facts)
        facts += f
        sentences.append(s)
    if _CONDS.search(q):
        intents.append("conditions")
        f, s = _cond_facts(record, current, inp.max_facts)
        facts += f
        sentences.append(s)
    if _VISITS.search(q) and not intents:
        intents.append("encounters")
        f, s = _encounter_facts(record, 1 if re.search(r"\b(last|latest|most recent)\b", q) else inp.max_facts)
        facts += f
        sentences.append(s)
    if not intents:
        sentences.append("The question names no lab test, medication, condition or visit found in this "
                         "record; nothing was looked up.")
    ids = list(dict.fromkeys(f.ref for f in facts))
    return EHRAnswer(question=inp.question, source=record.source, intents=list(dict.fromkeys(intents)),
                     answer=" ".join(sentences), facts=facts, resource_ids=ids,
                     warnings=list(record.warnings))


_CITED = re.compile(r"\[([A-Za-z]+/[A-Za-z0-9\-.]{1,64})\]")


def _summarise(ans: EHRAnswer, store: ArtifactStore) -> None:
    from carepath.models.registry import get_generator
    from carepath.models.vlm import GenerationRequest, TextPart
    from carepath.prompting import get_template

    if not ans.facts:
        ans.not_generated_reason = "no facts were found to summarise"
        return
    gen = get_generator("text")
    if gen is None:
        ans.not_generated_reason = ("no MedGemma model is configured; the answer was built from the "
                                    "record without a model summary")
        return
    prompt = get_template("ehr_summary").render(question=ans.question,
                                                facts=[f.model_dump() for f in ans.facts])
    out = gen.generate(GenerationRequest(content=[TextPart(text=prompt.text)], template_id=prompt.template_id))
    ans.generated, ans.model, ans.backend, ans.template_id = True, out.model, out.backend, prompt.template_id
    ans.summary = out.text
    known = set(ans.resource_ids)
    cited = list(dict.fromkeys(_CITED.findall(out.text)))
    unknown = [c for c in cited if c not in known]
    ans.summary_resource_ids = [c for c in cited if c in known]
    if unknown:
        ans.warnings.append(f"The model summary cited {len(unknown)} resource id(s) not among the "
                            "retrieved facts; they were dropped.")
    if not ans.summary_resource_ids:
        ans.warnings.append("The model summary cited none of the retrieved resources, so it was not used; "
                            "the deterministic answer stands.")


def answer(inp: EHRInput, store: ArtifactStore | None = None) -> EHRAnswer:
    record = load(inp.source)
    ans = answer_record(record, inp)
    if inp.use_model:
        _summarise(ans, store or default_store())
    elif ans.facts:
        ans.not_generated_reason = "model use was turned off"
    return ans


def run(inp: EHRInput, store: ArtifactStore | None = None) -> SkillResult:
    """One finding per retrieved fact (each citing its FHIR resource), plus
    the model summary when it cited retrieved resources."""
    from carepath.tools.skill_io import raw_output_evidence

    store = store or default_store()
    ans = answer(inp, store)
    findings = [Finding(id=f"ehr-{i}", text=f.text, label=f.kind,
                        evidence=[Evidence(kind="fhir_resource", ref=f.ref,
                                           detail=f.model_dump(exclude_none=True, exclude={"text"}))])
                for i, f in enumerate(ans.facts, 1)]
    artifacts = []
    if ans.summary is not None:
        raw_ev, raw_ref = raw_output_evidence(SKILL, ans.summary, store)
        artifacts.append(raw_ref)
        if ans.summary_resource_ids:
            findings.append(Finding(id="ehr-summary", text=_CITED.sub("", ans.summary).strip(), label="summary",
                                    evidence=[*(Evidence(kind="fhir_resource", ref=r)
                                                for r in ans.summary_resource_ids), raw_ev]))
    source = ans.source if not Path(inp.source).exists() else Path(inp.source).name
    return SkillResult(
        skill=SKILL, generated=ans.generated, not_generated_reason=ans.not_generated_reason,
        model=ans.model, backend=ans.backend, template_id=ans.template_id, raw_text=ans.summary,
        findings=findings, impression=ans.answer, artifacts=artifacts,
        preprocessing={"source": source, "intents": ans.intents, "resource_ids": ans.resource_ids},
        warnings=ans.warnings)
