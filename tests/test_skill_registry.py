"""The one skill list (``carepath.tools.registry``) is what every consumer
reads: the router's intents, the graph's nodes, the LangChain and MCP tools,
``carepath prepare``, the Ray prepare stage and the outputs' imaging sets are
each derived here at runtime from the consumer itself and compared with the
registry. And a study of a modality no skill declares (mammography, PET) is
refused once, at routing, with a "not supported" limitation — never routed
to a skill that then refuses it."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import numpy as np
import pydicom
import pytest
from langgraph.checkpoint.memory import MemorySaver

from carepath.agents import intent
from carepath.agents.intent import IntentClassifier, LabelledRequest
from carepath.agents.router import Route, RouteInputs, allowed_intents, route
from carepath.tools import registry
from carepath.tools.prepare import prepare_study
from carepath.tools.spec import SkillContext, SkillSpec
from carepath.workflows import nodes
from carepath.workflows.graph import build_graph
from carepath.workflows.request import reference
from support.dicom_fixtures import asset_path, ct5n_dir
from support.fake_skills import toy_classifier

NAMES = set(registry.skill_names())


def _with_modality(src: Path, out: Path, modality: str) -> Path:
    """A real DICOM file with only its Modality changed (pixels, UIDs and the
    rest of the header as the source has them)."""
    ds = pydicom.dcmread(src)
    ds.Modality = modality
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{modality}.dcm"
    ds.save_as(path)
    return path


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intent, "default_classifier", toy_classifier)
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")


# --- not supported, at routing ------------------------------------------------------------

@pytest.mark.parametrize("modality,source,name", [
    ("MG", "RG1_UNCR.dcm", "mammography"),   # a projection image, as a mammogram is
    ("PT", "CT_small.dcm", "PET"),           # a cross-sectional slice, as a PET image is
])
def test_undeclared_modality_is_not_supported_at_routing(tmp_path: Path, modality: str, source: str,
                                                         name: str) -> None:
    assert modality not in registry.declared_modalities()
    study = _with_modality(asset_path(source), tmp_path / "study", modality)
    state = {"thread_id": "t", "text": "", "inputs": [reference("study", study).model_dump(mode="json")]}
    out = nodes.route_request(state)  # modalities read from the real header, as in a draft
    assert out["study_modalities"] == {str(study): [modality]}
    r = out["route"]
    assert r["intent"] == "unknown" and r["skills"] == []
    limits = [w for w in out["warnings"] if "not supported" in w]
    assert len(limits) == 1 and f"{name} ({modality})" in limits[0]


def test_undeclared_modality_runs_no_skill_and_the_draft_says_why(tmp_path: Path) -> None:
    """Through the real graph with the real skill table: no skill node runs
    for a mammogram, and the limitation reaches the draft the reviewer sees."""
    study = _with_modality(asset_path("RG1_UNCR.dcm"), tmp_path / "mg", "MG")
    called: list[str] = []

    def recording(spec: SkillSpec):
        def fn(ctx: SkillContext):
            called.append(spec.name)
            return spec.run(ctx)
        return fn

    graph = build_graph(MemorySaver(), skills={s.name: recording(s) for s in registry.skills()},
                        with_outputs=False)
    out = graph.invoke({"thread_id": "mg-1", "request_text": "", "results": {}, "warnings": [],
                        "inputs": [reference("study", study).model_dump(mode="json")]},
                       {"configurable": {"thread_id": "mg-1"}})
    assert called == []
    draft = json.dumps(out["__interrupt__"][0].value["draft"])
    assert draft.count("not supported") == 1 and "mammography (MG)" in draft


def test_undeclared_modality_beside_a_readable_input_still_gets_its_limitation() -> None:
    r = route("", RouteInputs(kinds=["study", "document"], study_modalities=["MG"]), None)
    assert r.intent == "lab_report" and "cxr" not in r.skills
    assert [w for w in r.warnings if "not supported" in w and "MG" in w]


def test_declared_projection_modalities_still_route_to_the_chest_xray_skill() -> None:
    for modality in sorted(registry.get("cxr").modalities):
        r = route("", RouteInputs(kinds=["study"], study_modalities=[modality]), None)
        assert r.intent == "cxr_report" and r.skills == ["cxr", "guidelines"] and not r.warnings


def test_a_prior_no_skill_compares_is_said_once_and_the_study_still_read() -> None:
    """A CT with a prior: comparison reads radiographs only, so the CT is
    reported and the unused prior is a limitation, not a refusal inside the
    comparison skill."""
    r = route("", RouteInputs(kinds=["study", "prior"], study_modalities=["CT"], prior_modalities=["CT"]), None)
    assert r.intent == "ct_mri_report" and "longitudinal" not in r.skills
    assert [w for w in r.warnings if "prior was not used" in w] and len(r.warnings) == 1
    cr = route("", RouteInputs(kinds=["study", "prior"], study_modalities=["CR"], prior_modalities=["CR"]), None)
    assert cr.intent == "longitudinal" and cr.skills == ["longitudinal", "guidelines"] and not cr.warnings


# --- every consumer reads the one list ------------------------------------------------------

def _inputs_for(spec: SkillSpec) -> RouteInputs:
    kinds = sorted(spec.inputs | spec.requires)
    mods = sorted(spec.modalities)[:1] if "study" in kinds else []
    return RouteInputs(kinds=kinds, study_modalities=mods, prior_modalities=mods if "prior" in kinds else [])


def _intent_picker() -> IntentClassifier:
    """The real classifier over one labelled request per registered intent,
    embedded as "which intent names does the text contain": asked with an
    intent's name, it picks that intent among those the inputs allow."""
    names = [s.intent for s in registry.skills()]

    def embed(texts):
        return np.array([[float(n in t.split()) + 1e-3 for n in names] for t in texts], dtype=np.float32)

    return IntentClassifier(embed, [LabelledRequest(text=n, intent=n) for n in names], m=1)


def test_router_offers_exactly_the_registered_skills() -> None:
    picker = _intent_picker()
    offered: set[str] = set()
    for spec in registry.skills():
        inputs = _inputs_for(spec) if spec.inputs else RouteInputs()
        assert spec.intent in allowed_intents(inputs)[0] or not spec.inputs, spec.name
        r = route(spec.intent, inputs, picker)
        assert r.intent == spec.intent and r.skills[0] == spec.name, spec.name
        offered |= set(r.skills)
    assert offered == NAMES


def test_graph_has_one_node_per_registered_skill() -> None:
    nodes_ = build_graph(MemorySaver(), with_outputs=False).get_graph().nodes
    assert {n.removeprefix("skill_") for n in nodes_ if n.startswith("skill_")} == NAMES


def test_langchain_and_mcp_serve_every_skill_tool() -> None:
    from carepath.integrations import as_langchain_tools
    from carepath.integrations.mcp_server import build_server

    declared = {s.tool.name: s.tool.args for s in registry.skills()}
    lc = {t.name: t.args_schema for t in as_langchain_tools()}
    assert {n: lc[n] for n in declared} == declared
    listed = asyncio.run(build_server().list_tools())
    mcp_tools = {t.name: t for t in listed}
    assert set(declared) <= set(mcp_tools)
    for name, args in declared.items():
        assert set(mcp_tools[name].input_schema["properties"]) == set(args.model_fields), name
    # nothing but the skills plus guideline search and the draft tools
    assert set(lc) == set(mcp_tools) == set(declared) | {"guideline_search", "create_draft", "draft_status"}


_ASSET_BY_MODALITY = {"RG": lambda: asset_path("RG1_UNCR.dcm"), "CT": ct5n_dir,
                      "MR": lambda: asset_path("emri_small.dcm")}


def test_prepare_and_the_ray_stage_use_every_skill_with_a_prepare_step(tmp_path: Path) -> None:
    from carepath.workflows.ray_engine import prepare_row

    by_prepare, by_ray = set(), set()
    for spec in registry.preparable():
        modality = next((m for m in sorted(spec.modalities) if m in _ASSET_BY_MODALITY), None)
        assert modality, f"add a test asset for {spec.name} ({sorted(spec.modalities)})"
        src = _ASSET_BY_MODALITY[modality]()
        report = prepare_study(src, tmp_path / spec.name)
        by_prepare.add(report.skill)
        assert report.images and all(Path(p).is_file() for p in report.images)
        row = prepare_row({"study": str(src), "text": ""})
        by_ray.add(row["prepared"].rsplit(" for ", 1)[-1])
    assert by_prepare == by_ray == {s.name for s in registry.skills() if s.prepare is not None}
    assert by_prepare <= registry.imaging_skill_names()


def test_ray_stage_leaves_an_undeclared_modality_to_the_router(tmp_path: Path) -> None:
    from carepath.workflows.ray_engine import prepare_row

    study = _with_modality(asset_path("RG1_UNCR.dcm"), tmp_path / "mg", "MG")
    assert prepare_row({"study": str(study), "text": ""})["prepared"] == ""


def test_outputs_imaging_sets_are_the_registry_s() -> None:
    from carepath.workflows.outputs import fhir

    assert set(fhir.IMAGING_SKILLS) == registry.imaging_skill_names() == {
        s.name for s in registry.skills() if s.imaging}
    assert set(fhir.IMAGING_INTENTS) == registry.imaging_intents()


# ------------------------------------------------------- adding a skill is one module

_NEW_SKILL = '''
"""A skill a newcomer adds: one module, nothing else edited."""
from pydantic import BaseModel
from carepath.evidence import SkillResult
from carepath.tools.spec import SkillSpec, ToolArgs, ToolSpec


class EcgArgs(ToolArgs):
    path: str


def run_in_graph(ctx):
    return SkillResult(skill="ecg", generated=False)


SPEC = SkillSpec(
    name="ecg", precedence=95, intent="ecg_report", inputs=frozenset({"ecg"}),
    route_reason="an ECG waveform was given", needs="an ECG (--ecg)", run=run_in_graph,
    tool=ToolSpec(name="ecg_read", args=EcgArgs, call=lambda a: {}, description="Read an ECG."),
)
'''


def _package_with(tmp_path: Path, modules: dict[str, str]):
    import importlib
    import sys
    import uuid

    name = f"newskills_{uuid.uuid4().hex}"
    root = tmp_path / name
    root.mkdir()
    (root / "__init__.py").write_text("")
    for module, source in modules.items():
        (root / f"{module}.py").write_text(source)
    sys.path.insert(0, str(tmp_path))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(tmp_path))


def test_a_new_skill_module_is_found_and_routed_without_editing_anything_else(tmp_path: Path,
                                                                             monkeypatch) -> None:
    """The registry finds a module by its ``SPEC = SkillSpec(...)`` line; a
    module without one is never imported (this one would raise); the router
    then offers the new intent and the graph gets its node."""
    pkg = _package_with(tmp_path, {"ecg": _NEW_SKILL,
                                   "helper": "raise RuntimeError('a non-skill module was imported')\n"})
    found = registry.discover(pkg)
    assert [s.name for s in found] == ["ecg"] and found[0].intent == "ecg_report"
    monkeypatch.setattr(registry, "skills", lambda: (*_REAL_SKILLS, *found))
    r = route("read this ecg", RouteInputs(kinds=["ecg"]), None)
    assert r.intent == "ecg_report" and r.skills[0] == "ecg"
    graph = build_graph(MemorySaver(), skills={s.name: s.run for s in registry.skills()},
                        with_outputs=False)
    assert "skill_ecg" in graph.get_graph().nodes


def test_an_intent_no_skill_declares_is_refused_by_the_router() -> None:
    with pytest.raises(ValueError, match="no skill declares intent"):
        Route(intent="ecg_report", skills=[], confidence=1.0, reasons=[])


def test_two_skills_declaring_one_intent_are_refused(tmp_path: Path) -> None:
    clash = _NEW_SKILL.replace('name="ecg"', 'name="ecg2"').replace("precedence=95", "precedence=96")
    pkg = _package_with(tmp_path, {"ecg": _NEW_SKILL, "ecg2": clash})
    with pytest.raises(RuntimeError, match="share one intent"):
        registry.discover(pkg)


_REAL_SKILLS = registry.skills()


def test_every_labelled_request_names_a_declared_intent() -> None:
    """Intents are the skills' to declare, so the wording examples are checked
    against the registry instead of a hand-kept list."""
    labels = {e.intent for e in intent.load_examples()}
    assert labels and labels <= registry.intents() | {"unknown"}, labels - registry.intents()
