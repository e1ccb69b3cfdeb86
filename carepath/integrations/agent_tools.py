"""carepath's skills as agent tools: one registry, two front ends.

Each tool is a pydantic argument model plus a function returning JSON-able
data. ``as_langchain_tools()`` wraps them as LangChain ``StructuredTool``s;
``carepath.integrations.mcp_server`` serves the very same specs over MCP. Keeping one
registry means an argument, a description or an error message cannot drift
between ecosystems.

Deliberately absent: signing. An agent may create and read drafts, but only
a human reviewer signs one off (``carepath sign`` or the reviewer page).
Errors come back as the CarepathError's one-line message (what, subject, why,
fix) so a calling model can act on it; they never carry a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from carepath.errors import CarepathError

_PATH = "path to a file or folder on the carepath host"


class _Args(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GuidelineSearchArgs(_Args):
    query: str = Field(min_length=1, max_length=2000, description="clinical question or keywords")
    k: int = Field(5, ge=1, le=20, description="number of passages to return")
    organization: str | None = Field(None, description="only guidelines of this body, e.g. 'ATS/IDSA'")
    guideline_id: str | None = Field(None, description="only this guideline, e.g. 'ats_idsa_cap_2019'")


class CitedAnswerArgs(_Args):
    question: str = Field(min_length=1, max_length=2000, description="the clinical question")
    k: int = Field(5, ge=1, le=20, description="passages to consider")
    organization: str | None = Field(None, description="only guidelines of this body")
    guideline_id: str | None = Field(None, description="only this guideline id")
    year_min: int | None = Field(None, ge=1900, le=2100, description="only guidelines from this year on")


class ImageArgs(_Args):
    path: str = Field(min_length=1, description=f"{_PATH}: a DICOM file/folder/zip or a PNG/JPEG")
    question: str | None = Field(None, max_length=2000, description="clinical question or indication")


class VolumeArgs(_Args):
    path: str = Field(min_length=1, description=f"{_PATH}: a CT/MR series folder, DICOMDIR or zip")
    question: str | None = Field(None, max_length=2000, description="clinical question or indication")
    series: str | None = Field(None, description="series rule, e.g. 'modality=CT&orientation=axial'")


class LocalizeArgs(_Args):
    path: str = Field(min_length=1, description=f"{_PATH}: the image to localize findings on")
    targets: list[str] = Field(default_factory=list, max_length=20,
                               description="what to box, e.g. ['nodule']; empty: any abnormality")


class CompareArgs(_Args):
    current: str = Field(min_length=1, description=f"{_PATH}: the current chest X-ray")
    prior: str = Field(min_length=1, description=f"{_PATH}: the prior chest X-ray")
    question: str | None = Field(None, max_length=2000, description="clinical question")


class SlideArgs(_Args):
    path: str = Field(min_length=1, description=f"{_PATH}: a whole-slide image (SVS/TIFF/DICOM WSI)")
    question: str | None = Field(None, max_length=2000, description="clinical question")
    max_patches: int = Field(8, ge=1, le=64, description="patches sampled from tissue")


class LabArgs(_Args):
    path: str = Field(min_length=1, description=f"{_PATH}: a lab report PDF")


class EHRArgs(_Args):
    source: str = Field(min_length=1, description="FHIR R4 bundle path, or a FHIR server base URL")
    question: str = Field(min_length=1, max_length=2000, description="question about the record")


class DraftArgs(_Args):
    text: str = Field(min_length=1, max_length=20_000, description="the request, as a clinician would type it")
    studies: list[str] = Field(default_factory=list, max_length=10, description="DICOM studies (paths)")
    prior: str | None = Field(None, description="prior study for comparison (path)")
    documents: list[str] = Field(default_factory=list, max_length=10, description="lab report PDFs")
    fhir: str | None = Field(None, description="FHIR bundle path or server URL")
    slides: list[str] = Field(default_factory=list, max_length=10, description="whole-slide images")


class DraftStatusArgs(_Args):
    thread_id: str = Field(min_length=1, max_length=200, description="the draft's thread id")


class ToolSpec(BaseModel):
    """One tool: its name, what an agent reads about it, its arguments, and the call."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    name: str
    description: str
    args: type[_Args]
    call: Callable[[Any], Any]

    def invoke(self, arguments: dict[str, Any]) -> Any:
        """Validate, call, and return JSON-able data (raises CarepathError)."""
        return self.call(self.args.model_validate(arguments))


def _skill(result: Any) -> dict[str, Any]:
    return result.model_dump(mode="json", exclude_none=True)


def _search(a: GuidelineSearchArgs) -> list[dict[str, Any]]:
    from carepath.knowledge.retriever import search_tool_fn

    return search_tool_fn(a.query, a.k, a.organization, a.guideline_id)


def _answer(a: CitedAnswerArgs) -> dict[str, Any]:
    from carepath.knowledge.answer import answer
    from carepath.knowledge.retriever import Filters

    ans = answer(a.question, a.k, Filters(organization=a.organization, guideline_id=a.guideline_id,
                                          year_min=a.year_min))
    return ans.model_dump(mode="json", exclude={"signals"})


def _cxr(a: ImageArgs) -> dict[str, Any]:
    from carepath.tools.cxr import CXRInput, run

    return _skill(run(CXRInput(path=Path(a.path), clinical_question=a.question)))


def _volume(a: VolumeArgs) -> dict[str, Any]:
    from carepath.tools.ct_volume import VolumeInput, run

    return _skill(run(VolumeInput(path=Path(a.path), clinical_question=a.question, series=a.series)))


def _localize(a: LocalizeArgs) -> dict[str, Any]:
    from carepath.tools.localization import LocalizationInput, run

    return _skill(run(LocalizationInput(path=Path(a.path), targets=a.targets)))


def _compare(a: CompareArgs) -> dict[str, Any]:
    from carepath.tools.longitudinal import LongitudinalInput, run

    return _skill(run(LongitudinalInput(current=Path(a.current), prior=Path(a.prior),
                                        clinical_question=a.question)))


def _slide(a: SlideArgs) -> dict[str, Any]:
    from carepath.tools.pathology import PathologyInput, run

    return _skill(run(PathologyInput(path=Path(a.path), clinical_question=a.question,
                                     max_patches=a.max_patches)))


def _labs(a: LabArgs) -> dict[str, Any]:
    from carepath.tools.labs import LabInput, extract

    return extract(LabInput(path=Path(a.path))).model_dump(mode="json", exclude_none=True)


def _ehr(a: EHRArgs) -> dict[str, Any]:
    from carepath.tools.ehr import EHRInput, answer

    return answer(EHRInput(source=a.source, question=a.question)).model_dump(mode="json", exclude_none=True)


def _outcome(out: Any) -> dict[str, Any]:
    d = out.draft
    return {"thread_id": out.thread_id, "status": out.status, "intent": out.intent,
            "sections": [s.model_dump(mode="json") for s in d.sections] if d else [],
            "citations": out.citations, "warnings": out.warnings,
            "next": "a clinician signs it off with `carepath sign` or the reviewer page; it is not final"}


def _draft(a: DraftArgs) -> dict[str, Any]:
    from carepath.workflows.request import DraftRequest
    from carepath.workflows.service import open_service

    req = DraftRequest(text=a.text, studies=[Path(p) for p in a.studies],
                       prior=Path(a.prior) if a.prior else None,
                       documents=[Path(p) for p in a.documents], fhir=a.fhir,
                       slides=[Path(p) for p in a.slides])
    with open_service() as svc:
        return _outcome(svc.draft(req))


def _draft_status(a: DraftStatusArgs) -> dict[str, Any]:
    from carepath.workflows.service import open_service

    with open_service() as svc:
        return _outcome(svc.outcome(a.thread_id))


TOOLS: list[ToolSpec] = [
    ToolSpec(name="guideline_search", args=GuidelineSearchArgs, call=_search,
             description="Search the clinical practice guideline index; returns passages with "
                         "guideline id, title, organization, year, DOI, heading and exact character span."),
    ToolSpec(name="guideline_answer", args=CitedAnswerArgs, call=_answer,
             description="Answer a clinical question from the guidelines with numbered citations whose "
                         "quotes are verbatim source text; abstains (abstained=true) when nothing supports it."),
    ToolSpec(name="chest_xray_report", args=ImageArgs, call=_cxr,
             description="MedGemma chest X-ray reading: findings with evidence ids, or a plain statement "
                         "that findings were not generated when no model is configured."),
    ToolSpec(name="ct_mri_report", args=VolumeArgs, call=_volume,
             description="MedGemma 3D CT/MRI reading of one series (up to 85 slices; CT as three HU windows); "
                         "findings cite slice indices."),
    ToolSpec(name="localize_findings", args=LocalizeArgs, call=_localize,
             description="MedGemma anatomical localization: labelled boxes in original image pixels."),
    ToolSpec(name="compare_with_prior", args=CompareArgs, call=_compare,
             description="Current vs prior chest X-ray: per-finding change (new/improved/stable/worsened/resolved)."),
    ToolSpec(name="pathology_slide", args=SlideArgs, call=_slide,
             description="Whole-slide pathology: tissue patches sampled and described; patch coordinates as evidence."),
    ToolSpec(name="lab_report_extract", args=LabArgs, call=_labs,
             description="Lab report PDF to structured results (test, value, unit, reference range, flag, "
                         "LOINC, page)."),
    ToolSpec(name="ehr_question", args=EHRArgs, call=_ehr,
             description="Answer a question over a FHIR R4 record; the answer cites the FHIR resource ids."),
    ToolSpec(name="create_draft", args=DraftArgs, call=_draft,
             description="Run carepath's workflow to a cited draft report that waits for a clinician's "
                         "sign-off (never final). Returns the thread id, sections with evidence and warnings."),
    ToolSpec(name="draft_status", args=DraftStatusArgs, call=_draft_status,
             description="Status and content of a draft by thread id."),
]


def tool_specs() -> list[ToolSpec]:
    return list(TOOLS)


def error_text(exc: CarepathError) -> str:
    return f"error: {exc}"


def invalid_arguments(tool: str, exc: Any) -> str:
    """Which argument, and what is wrong with it, for a calling model to fix."""
    errors = exc.errors() if hasattr(exc, "errors") else []
    detail = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ())) or 'arguments'}: {e.get('msg')}"
                       for e in errors[:5]) or str(exc)
    return f"error: invalid arguments for {tool}: {detail}"


def as_langchain_tools(names: list[str] | None = None) -> list[Any]:
    """LangChain ``StructuredTool``s over the registry (optionally a subset by
    name). carepath errors become the tool's answer text instead of an
    exception, so an agent loop keeps going and can correct itself."""
    from langchain_core.tools import StructuredTool, ToolException

    def make(spec: ToolSpec) -> Any:
        def run(**kwargs: Any) -> Any:
            try:
                return spec.invoke(kwargs)
            except CarepathError as exc:
                raise ToolException(error_text(exc)) from exc
            except ValidationError as exc:  # inputs valid alone but not together
                raise ToolException(invalid_arguments(spec.name, exc)) from exc

        return StructuredTool.from_function(func=run, name=spec.name, description=spec.description,
                                            args_schema=spec.args, handle_tool_error=True,
                                            handle_validation_error=lambda exc: invalid_arguments(spec.name, exc))

    specs = [s for s in TOOLS if names is None or s.name in names]
    unknown = set(names or []) - {s.name for s in specs}
    if unknown:
        from carepath.errors import ConfigError

        raise ConfigError("unknown carepath tool", subject=", ".join(sorted(unknown)),
                          fix="choose from: " + ", ".join(s.name for s in TOOLS))
    return [make(s) for s in specs]
