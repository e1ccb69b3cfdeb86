"""The EHR Navigator pattern with a text model: manifest → select → fetch → cited answer.

Why: a record holds thousands of resources; a model given all of them drowns,
and a model given only what the deterministic resolver picked cannot recover
from the resolver's misses. So the model first reads the record's manifest
(resource types, counts, date ranges, code names — no values, no patient
identifiers) and returns a strict JSON selection; carepath fetches exactly
those resources itself and hands them back numbered as ``[Type/id]`` lines;
the model answers citing them. Nothing the model writes is trusted: a
selection that is not exactly the JSON asked for, names a type or code the
record lacks, or is anything else, is rejected; every answer sentence must
cite ids from the fetched set and be supported (numbers with units, key
clinical terms) by those resources' text (``carepath.knowledge.support``), or it is
dropped. The caller keeps the deterministic answer as the fallback when
nothing survives. Record text in the prompts is data, never instructions.
"""

from __future__ import annotations

import json
import re
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from carepath.errors import CarepathError
from carepath.models.vlm import Generator, GenerationRequest, TextPart
from carepath.prompting import RenderedPrompt, get_template
from carepath.knowledge.support import supports
from carepath.tools.records import answer as records_answer
from carepath.tools.records import lexicon, manifest
from carepath.tools.records.manifest import Manifest
from carepath.tools.records.question import Parsed, Target
from carepath.tools.sources.fhir_bundle import FhirRecord

MAX_TYPES = 4
MAX_LINES = 120       # fetched lines handed to the model
PER_CONCEPT = 40      # most recent resources per coded item
MAX_SENTENCES = 4
CITED = re.compile(r"\[([A-Za-z]+/[A-Za-z0-9\-.]{1,64})\]")
_FENCE = re.compile(r"^\s*```(?:json)?\s*(\{.*\})\s*```\s*$", re.S)


class Selection(BaseModel):
    """What the model asked to read. Extra keys, wrong types or unknown
    names make the whole selection invalid: a model (or an injected note)
    that wants something else gets the deterministic engine instead."""

    model_config = ConfigDict(extra="forbid", strict=True)

    types: list[str] = Field(min_length=1, max_length=MAX_TYPES)
    codes: list[str] = Field(default_factory=list, max_length=40)
    since: str | None = None
    until: str | None = None

    @field_validator("since", "until")
    @classmethod
    def _iso_day(cls, v: str | None) -> str | None:
        if v is not None:
            date.fromisoformat(v)  # ValueError → ValidationError
        return v


class Line(BaseModel):
    ref: str
    text: str
    code: str | None = None


class Navigated(BaseModel):
    """The outcome: the kept answer (None when nothing survived) and why."""

    answer: str | None = None
    cited: list[str] = Field(default_factory=list)
    selection: Selection | None = None
    fetched: list[str] = Field(default_factory=list, description="ids handed to the model")
    dropped_sentences: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    template_ids: list[str] = Field(default_factory=list)
    raw_texts: list[str] = Field(default_factory=list)
    model: str | None = None
    backend: str | None = None


def parse_selection(text: str, m: Manifest) -> Selection:
    """The model's selection, strictly: one JSON object (optionally in a
    ```json fence) of exactly the asked-for keys, naming only types and codes
    this record's manifest holds. Raises ValueError saying what is wrong."""
    raw = text.strip()
    if fenced := _FENCE.match(raw):
        raw = fenced.group(1)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not one JSON object ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    try:
        sel = Selection.model_validate(data)
    except ValidationError as exc:
        raise ValueError(f"not the selection asked for ({exc.error_count()} problem(s): "
                         f"{exc.errors()[0]['msg']})") from exc
    held = {t.rtype for t in m.types}
    if bad := [t for t in sel.types if t not in held]:
        raise ValueError(f"names resource type(s) the record does not hold: {bad[:3]}")
    codes = {c.code for c in m.concepts}
    if bad := [c for c in sel.codes if c not in codes]:
        raise ValueError(f"names code(s) not in the record's manifest: {bad[:3]}")
    return sel


def _as_data(text: str) -> str:
    """Record and question text cannot close the data block it sits in."""
    return text.replace("<", "‹").replace(">", "›")


def fetch(record: FhirRecord, m: Manifest, sel: Selection, question: str) -> list[Line]:
    """The selected resources as ``[Type/id] text`` lines, read by the same
    code as the deterministic answer (so the text a sentence is checked
    against is the record's own value, unit and date)."""
    window = (sel.since or "0000", sel.until or "9999") if sel.since or sel.until else None
    p = Parsed(question=question, shape="list", window=window)
    lines: list[Line] = []
    if "Patient" in sel.types and m.patient:
        for field in ("birthDate", "gender", "marital", "race", "ethnicity", "language", "city", "birthPlace"):
            facts, _ = records_answer._demographic(record, m, field)
            lines += [Line(ref=f.ref, text=f.text) for f in facts]
    concepts = [c for c in m.concepts if c.rtype in sel.types and (not sel.codes or c.code in sel.codes)]
    got = records_answer.answer_target(record, m, p, Target(concepts=concepts), limit=PER_CONCEPT)
    lines += [Line(ref=f.ref, text=f.text, code=f.code) for f in got.facts]
    seen: dict[str, Line] = {}
    for ln in lines:  # one line per resource (components of one Observation are joined)
        seen[ln.ref] = (Line(ref=ln.ref, text=f"{seen[ln.ref].text}; {ln.text}", code=ln.code)
                        if ln.ref in seen else ln)
    return list(seen.values())[-MAX_LINES:]


def _sentences(text: str) -> list[str]:
    """Sentences with their citations: "x. [A/1]" is read as "x [A/1]."."""
    text = re.sub(r"([.!?])\s*((?:\[[^\]]+\]\s*)+)", lambda mt: f" {mt.group(2).strip()}{mt.group(1)} ", text)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s.strip()]


def check(answer: str, lines: list[Line], vocabulary: frozenset[str]) -> tuple[list[str], list[str], list[str]]:
    """(kept sentences, their cited ids, dropped sentences with the reason).
    A sentence is kept only when it cites fetched ids and those resources'
    text supports it; record vocabulary words it states must be in them."""
    by_ref = {ln.ref for ln in lines}
    kept, cited, dropped = [], [], []
    for s in _sentences(answer):
        refs = list(dict.fromkeys(CITED.findall(s)))
        plain = CITED.sub("", s).replace(" .", ".").strip()
        unknown = [r for r in refs if r not in by_ref]
        if not refs or unknown:
            dropped.append(f"{s} — " + (f"cites ids not fetched: {unknown[:3]}" if unknown else "cites nothing"))
            continue
        verdict = supports(plain, _passage(refs, lines),
                           is_key_word=lambda w: w in vocabulary)
        if not verdict.supported:
            dropped.append(f"{s} — {verdict.reason}")
            continue
        kept.append(s)
        cited += [r for r in refs if r not in cited]
    return kept, cited, dropped


def _passage(refs: list[str], lines: list[Line]) -> str:
    """The cited resources' text, plus the counts a sentence may state about
    them ("of 10 results", "3 recorded"): how many were cited, and how many
    fetched resources share a cited resource's coded item. Any other number
    must be in a cited resource."""
    cited = [ln for ln in lines if ln.ref in refs]
    codes = {ln.code for ln in cited if ln.code}
    counts = {len(cited)} | {sum(ln.code == c for ln in lines) for c in codes}
    return "\n".join(ln.text for ln in cited) + "\n" + " ".join(f"{n} results" for n in sorted(counts))


def _vocabulary(m: Manifest) -> frozenset[str]:
    """Clinical words of this record (its coded items' names): a sentence
    naming one must find it in the resources it cites."""
    words = {t for c in m.concepts for n in c.names for t in lexicon.tokens(n)}
    return frozenset(w for w in words - lexicon.STOP - lexicon.GENERIC if len(w) > 3 and w.isalpha())


def _ask(gen: Generator, prompt: RenderedPrompt, out: Navigated) -> str:
    res = gen.generate(GenerationRequest(content=[TextPart(text=prompt.text)], template_id=prompt.template_id))
    out.template_ids.append(prompt.template_id)
    out.raw_texts.append(res.text)
    out.model, out.backend = res.model, res.backend
    return res.text


def navigate(record: FhirRecord, m: Manifest, question: str, gen: Generator) -> Navigated:
    """Select → fetch → answer → check. ``answer`` is None (with a warning
    saying why) whenever the caller should keep its deterministic answer."""
    out = Navigated()
    try:
        text = _ask(gen, get_template("ehr_select").render(
            question=_as_data(question), manifest=_as_data(manifest.describe(m)), max_types=MAX_TYPES), out)
        try:
            out.selection = parse_selection(text, m)
        except ValueError as exc:
            out.warnings.append(f"The model's record selection was invalid ({exc}); the deterministic "
                                "answer stands.")
            return out
        lines = fetch(record, m, out.selection, question)
        out.fetched = [ln.ref for ln in lines]
        if not lines:
            out.warnings.append("The model's record selection matched no resources; the deterministic answer stands.")
            return out
        lines_shown = [Line(ref=ln.ref, text=_as_data(ln.text)) for ln in lines]
        text = _ask(gen, get_template("ehr_answer").render(
            question=_as_data(question), lines=lines_shown, max_sentences=MAX_SENTENCES), out)
    except CarepathError as exc:  # any typed model error: unreachable, refused, prompt past its context
        out.warnings.append(f"The text model could not be used ({type(exc).__name__}: {str(exc)[:160]}); "
                            "the deterministic answer stands.")
        return out
    kept, cited, out.dropped_sentences = check(text, lines, _vocabulary(m))
    if out.dropped_sentences:
        out.warnings.append(f"{len(out.dropped_sentences)} sentence(s) of the model's answer were dropped: they "
                            "cited resources not fetched or stated what the cited resources do not say.")
    if not kept:
        out.warnings.append("No sentence of the model's answer was supported by the resources it cited; the "
                            "deterministic answer stands.")
        return out
    out.answer, out.cited = " ".join(kept), cited
    return out
