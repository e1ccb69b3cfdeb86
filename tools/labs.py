"""Lab-report skill: a PDF in, structured lab results with page and text
span out.

Pages with a text layer are parsed deterministically (``lab_pdf``); LOINC
codes come from the document when printed, else from the catalogue when the
name is known (``loinc``); a flag missing from the document is computed from
the printed reference range. Only scanned (image-only) pages go to MedGemma,
as page images with a strict JSON schema; an answer that is not valid JSON
for that schema is rejected with a warning and the page contributes nothing
(never a guess). Without a model, scanned pages are reported as not read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from carepath.artifacts import ArtifactRef, ArtifactStore, default_store, sha256_file
from carepath.errors import InputError
from carepath.evidence import Evidence, Finding, SkillResult
from carepath.models.registry import get_generator
from carepath.prompting import get_template
from carepath.tools.dicom.windowing import png_bytes
from carepath.tools.skill_io import PromptPlan, raw_output_evidence
from carepath.tools.sources import lab_cells, lab_ocr, lab_pdf, lab_table, loinc
from carepath.tools.sources.lab_pdf import LabValue, PageInfo, ScannedPage
from carepath.tools.spec import SkillContext, SkillSpec, ToolArgs, ToolSpec

SKILL = "labs"
TEXT_ONLY = ("every page has a text layer: results were read from it deterministically; "
             "no model was needed")


class LabInput(BaseModel):
    path: Path
    use_model: bool = Field(True, description="send scanned pages to MedGemma when one is configured")
    max_scanned_pages: int = Field(20, ge=0, le=500)
    dpi: int = Field(150, ge=50, le=400, description="rasterisation of scanned pages")
    ocr: bool = Field(True, description="without a model, read scanned pages by OCR (tesseract)")


class LabExtraction(BaseModel):
    source: str
    sha256: str
    pages: list[PageInfo]
    results: list[LabValue]
    warnings: list[str] = Field(default_factory=list)
    generated: bool = False
    not_generated_reason: str | None = None
    model: str | None = None
    backend: str | None = None
    template_id: str | None = None
    raw_outputs: dict[int, str] = Field(default_factory=dict, description="page → model answer")
    artifacts: list[ArtifactRef] = Field(default_factory=list)


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.I)


def parse_model_page(text: str) -> ScannedPage:
    """The model's answer for one scanned page, validated against the strict
    schema; raises ``ValueError`` (with a reason free of page content)."""
    body = _FENCE.sub("", text.strip()).strip()
    start, end = body.find("{"), body.rfind("}")
    if start < 0 or end <= start:
        raise ValueError("no JSON object in the answer")
    try:
        data = json.loads(body[start:end + 1])
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg} at position {exc.pos})") from None
    try:
        return ScannedPage.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first.get("loc", ()))
        raise ValueError(f"does not match the schema ({first.get('type')} at {where or 'top level'})") from None


def _from_model(r: Any, page: int) -> LabValue:
    known = loinc.lookup(r.test)
    flag, src = (r.flag, "document") if r.flag else (
        (f, "computed") if (f := lab_pdf.computed_flag(r.value, r.ref_low, r.ref_high)) else (None, "none"))
    return LabValue(test=r.test, loinc=known.loinc if known else None, value=r.value, unit=r.unit,
                    ref_low=r.ref_low, ref_high=r.ref_high, flag=flag, flag_source=src, page=page,
                    source="model")


def extract(inp: LabInput, store: ArtifactStore | None = None) -> LabExtraction:
    """Every result of the PDF: text pages parsed, scanned pages read by the
    model when one is configured (``generated`` says whether it was)."""
    path = Path(inp.path)
    pages: list[PageInfo] = []
    results: list[LabValue] = []
    warnings: list[str] = []
    scanned: list[int] = []
    patient = lab_cells.ReportPatient()  # sex and age printed on page 1 hold for the pages after it
    with lab_pdf.open_pdf(path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            words = lab_pdf.page_words(page, path)
            if lab_pdf.is_scanned(page, words):
                pages.append(PageInfo(page=number, kind="scanned", words=len(words)))
                scanned.append(number)
                continue
            found, notes = lab_table.read_page(page, words, number, report=patient)
            warnings += notes
            pages.append(PageInfo(page=number, kind="text" if words else "empty", words=len(words),
                                  results=len(found)))
            results += found
    out = LabExtraction(source=path.name, sha256=sha256_file(path), pages=pages, results=results,
                        warnings=warnings)
    if not scanned:
        out.not_generated_reason = TEXT_ONLY
        return out
    _read_scanned(inp, out, scanned, store or default_store(), patient)
    out.results.sort(key=lambda r: r.page)
    return out


def _read_by_ocr(inp: LabInput, out: LabExtraction, scanned: list[int], why: str,
                 patient: lab_cells.ReportPatient | None = None) -> None:
    """Scanned pages read by tesseract: every value labelled ``source: "ocr"``
    with its confidence; low-confidence values are marked for review."""
    todo = scanned[:inp.max_scanned_pages]
    if len(scanned) > len(todo):
        out.warnings.append(f"Only the first {len(todo)} of {len(scanned)} scanned pages were read.")
    for number in todo:
        found, notes = lab_ocr.read_page(inp.path, number, report=patient)
        out.results += found
        out.warnings += notes
        for info in out.pages:
            if info.page == number:
                info.results = len(found)
    label = ", ".join(str(p) for p in todo)
    out.not_generated_reason = (f"page(s) {label} are scanned images without a text layer and {why}; "
                                "they were read by OCR (tesseract): values carry source \"ocr\" and a confidence")
    out.warnings.append(f"Scanned page(s) {label} were read by OCR, not by a model: check each value against "
                        "the page, above all those marked needs_review.")


def _read_scanned(inp: LabInput, out: LabExtraction, scanned: list[int], store: ArtifactStore,
                  patient: lab_cells.ReportPatient | None = None) -> None:
    label = ", ".join(str(p) for p in scanned)
    gen = get_generator("imaging") if inp.use_model else None
    if gen is None:
        why = "model use was turned off" if not inp.use_model else "no MedGemma model is configured"
        if inp.ocr and lab_ocr.available():
            _read_by_ocr(inp, out, scanned, why, patient)
            return
        why += "" if not inp.ocr else " and OCR (tesseract) is not installed"
        out.not_generated_reason = (f"page(s) {label} are scanned images without a text layer and {why}; "
                                    "their results were not extracted")
        out.warnings.append(f"Scanned page(s) {label} were not read: {why}.")
        return
    prompt = get_template("lab_extract").render(
        schema=json.dumps(ScannedPage.model_json_schema(), separators=(",", ":")))
    out.template_id = prompt.template_id
    todo = scanned[:inp.max_scanned_pages]
    if len(scanned) > len(todo):
        out.warnings.append(f"Only the first {len(todo)} of {len(scanned)} scanned pages were read.")
    images = []
    for number in todo:
        img = lab_pdf.rasterise(inp.path, number, inp.dpi)
        out.artifacts.append(store.put_bytes(png_bytes(img), "image/png"))
        images.append(img)
    plan = PromptPlan.images_then_text(1, prompt)
    requests = [plan.request([img]) for img in images]
    answers = gen.generate_many(requests)
    out.generated, out.model, out.backend = True, answers[0].model, answers[0].backend
    for number, ans in zip(todo, answers):
        out.raw_outputs[number] = ans.text
        try:
            page = parse_model_page(ans.text)
        except ValueError as exc:
            out.warnings.append(f"Page {number}: the model's answer was rejected, {exc}; "
                                "no results were taken from this page.")
            continue
        found = [_from_model(r, number) for r in page.results]
        out.results += found
        for info in out.pages:
            if info.page == number:
                info.results = len(found)


def run(inp: LabInput, store: ArtifactStore | None = None) -> SkillResult:
    """The skill envelope: one finding per result, each citing its lab value
    (page + text span) and, for scanned pages, the page image and raw answer."""
    store = store or default_store()
    ex = extract(inp, store)
    page_art = {}
    scanned_pages = [p.page for p in ex.pages if p.kind == "scanned"]
    for number, ref in zip(scanned_pages, ex.artifacts):
        page_art[number] = ref
    raw_ev: dict[int, Evidence] = {}
    artifacts = list(ex.artifacts)
    for number, text in ex.raw_outputs.items():
        ev, ref = raw_output_evidence(f"{SKILL}-p{number}", text, store)
        raw_ev[number] = ev
        artifacts.append(ref)
    findings: list[Finding] = []
    for i, r in enumerate(ex.results, 1):
        detail = r.model_dump(exclude_none=True, exclude={"span"})
        if r.span is not None:
            detail["span"] = r.span.model_dump()
        evidence = [Evidence(kind="lab_value", ref=f"lab:{ex.sha256[:12]}:p{r.page}:{i}",
                             artifact=page_art.get(r.page), detail=detail)]
        if r.source == "model" and r.page in raw_ev:
            evidence.append(raw_ev[r.page])
        findings.append(Finding(id=f"lab-{i}", text=r.line(), label=r.loinc, evidence=evidence))
    flagged = [r for r in ex.results if r.flag in ("H", "L", "A")]
    impression = None
    if ex.results:
        impression = (f"{len(ex.results)} result(s); out of range: "
                      + (", ".join(f"{r.test} {r.flag}" for r in flagged) if flagged else "none") + ".")
    return SkillResult(
        skill=SKILL, generated=ex.generated, not_generated_reason=ex.not_generated_reason,
        model=ex.model, backend=ex.backend, template_id=ex.template_id,
        raw_text="\n\n".join(f"[page {k}]\n{v}" for k, v in ex.raw_outputs.items()) or None,
        findings=findings, impression=impression, artifacts=artifacts,
        preprocessing={"source": ex.source, "pages": [p.model_dump() for p in ex.pages],
                       "results": len(ex.results)},
        warnings=ex.warnings, input_hashes={"source": ex.sha256})


def extract_many(paths: list[Path], **kw: Any) -> list[LabExtraction | InputError]:
    """A batch: one bad file gives its error in place, the others still run."""
    out: list[LabExtraction | InputError] = []
    for p in paths:
        try:
            out.append(extract(LabInput(path=p, **kw)))
        except InputError as exc:
            out.append(exc)
    return out


# --- the skill in the graph and as an agent tool -------------------------------------------

def run_in_graph(ctx: SkillContext) -> SkillResult:
    docs = ctx.paths("document")
    if not docs:
        return SkillResult(skill=SKILL, generated=False, not_generated_reason="no lab report was given")
    return run(LabInput(path=docs[0]))


class LabArgs(ToolArgs):
    path: str = Field(min_length=1, description="path to a file or folder on the carepath host: "
                                                "a lab report PDF")


def tool_call(a: LabArgs) -> dict[str, Any]:
    return extract(LabInput(path=Path(a.path))).model_dump(mode="json", exclude_none=True)


SPEC = SkillSpec(
    name=SKILL, precedence=70, intent="lab_report", inputs=frozenset({"document"}), alongside=True,
    route_reason="a document (lab report) was given", needs="a lab report PDF (--doc)",
    run=run_in_graph,
    tool=ToolSpec(name="lab_report_extract", args=LabArgs, call=tool_call,
                  description="Lab report PDF to structured results (test, value, unit, reference range, "
                              "flag, LOINC, page)."),
)
