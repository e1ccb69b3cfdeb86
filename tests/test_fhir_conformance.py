"""The independent FHIR R4B check catches what fhir.resources lets through:
reference target types, required bindings, invariants and dangling bundle
references. Each broken bundle below parses with fhir.resources.R4B (shown)
and is then refused by ``fhir_conformance`` and by ``check_bundle``."""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from typing import Any

import pydicom
import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from pydantic import BaseModel
from support.outputs_fixtures import approve, cxr_draft, cxr_path, cxr_results

from carepath.context import context_from_dicom
from carepath.workflows.outputs.fhir import ReportStatusError, build_bundle, bundle_json, check_bundle
from carepath.workflows.outputs.fhir_conformance import REFERENCE_TARGETS, check, issues

Json = dict[str, Any]


@pytest.fixture(scope="module")
def final() -> Json:
    d = cxr_draft()
    ctx = context_from_dicom(pydicom.dcmread(cxr_path(), stop_before_pixels=True))
    return json.loads(bundle_json(build_bundle(d, cxr_results(), approve(d), context=ctx)))


def res(b: Json, rtype: str) -> Json:
    return next(e["resource"] for e in b["entry"] if e["resource"]["resourceType"] == rtype)


def url(b: Json, rtype: str) -> str:
    return next(e["fullUrl"] for e in b["entry"] if e["resource"]["resourceType"] == rtype)


def broken(b: Json, change: Callable[[Json], None]) -> Json:
    copy = json.loads(json.dumps(b))
    change(copy)
    return copy


def rules(b: Json) -> set[str]:
    return {i.rule for i in check(b)}


def test_the_builder_s_bundles_conform(final: Json) -> None:
    assert issues(final) == []


def test_a_device_performer_passes_the_library_but_is_caught(final: Json) -> None:
    """The issue's case: the AI as DiagnosticReport.performer."""
    def device_performs(b: Json) -> None:
        res(b, "DiagnosticReport")["performer"] = [{"reference": url(b, "Device"), "display": "carepath"}]

    bad = broken(final, device_performs)
    Bundle.model_validate(bad)                      # fhir.resources: fine
    found = check(bad)
    assert [(i.rule, i.message) for i in found] == [(
        "reference-target",
        "DiagnosticReport.performer may reference CareTeam | Organization | Practitioner | "
        "PractitionerRole, not Device")]
    assert found[0].path.startswith("Bundle.entry[2].resource.performer[0]")
    with pytest.raises(ReportStatusError, match="does not conform to R4B"):
        check_bundle(bad)
    # The type can be told from Reference.type alone, too.
    bad = broken(final, lambda b: res(b, "DiagnosticReport").update(
        resultsInterpreter=[{"type": "Device", "display": "MedGemma"}]))
    assert rules(bad) == {"reference-target"}


def test_bad_status_codes(final: Json) -> None:
    bad = broken(final, lambda b: res(b, "Observation").update(status="done"))
    Bundle.model_validate(bad)
    assert [i.message.split(" is ")[0] for i in check(bad)] == ["'done'"]
    bad = broken(final, lambda b: res(b, "DiagnosticReport").update(status="signed"))
    assert rules(bad) == {"binding"}
    bad = broken(final, lambda b: b.update(type="bundle"))
    assert "binding" in {i.rule for i in issues(bad)}
    bad = broken(final, lambda b: res(b, "Patient")["identifier"][0].update(use="primary"))
    assert rules(bad) == {"binding"}
    bad = broken(final, lambda b: res(b, "DiagnosticReport")["presentedForm"][0].update(contentType="html"))
    assert rules(bad) == {"binding"}


def test_dangling_and_mistyped_references(final: Json) -> None:
    bad = broken(final, lambda b: res(b, "DiagnosticReport").update(
        subject={"reference": "urn:uuid:00000000-0000-0000-0000-000000000000"}))
    Bundle.model_validate(bad)
    assert [i.rule for i in check(bad)] == ["bundle-reference"]
    bad = broken(final, lambda b: res(b, "DiagnosticReport")["subject"].update(type="Group"))
    assert rules(bad) == {"reference-type"}
    bad = broken(final, lambda b: res(b, "DiagnosticReport").update(subject={"reference": "#p"}))
    assert rules(bad) == {"ref-1"}


def test_missing_or_unsafe_narrative(final: Json) -> None:
    bad = broken(final, lambda b: res(b, "Observation").pop("text"))
    Bundle.model_validate(bad)
    assert [(i.rule, i.severity) for i in check(bad)] == [("dom-6", "error")]
    assert [i.severity for i in issues(bad, narrative_required=False)] == ["warning"]
    assert check(bad, narrative_required=False) == []
    with pytest.raises(ReportStatusError, match="no narrative"):
        check_bundle(bad)
    bad = broken(final, lambda b: res(b, "Device")["text"].update(
        div='<div xmlns="http://www.w3.org/1999/xhtml"><script>x()</script><p onclick="y()">a</p></div>'))
    assert [i.message for i in check(bad)] == ["<script> is not allowed in a narrative",
                                               "event attribute onclick in a narrative"]
    bad = broken(final, lambda b: res(b, "Device")["text"].update(div='<div xmlns="http://www.w3.org/1999/xhtml"> </div>'))
    assert rules(bad) == {"txt-2"}


def test_bundle_invariants(final: Json) -> None:
    bad = broken(final, lambda b: b["entry"][1].update(fullUrl=b["entry"][0]["fullUrl"]))
    assert "bdl-7" in rules(bad)
    bad = broken(final, lambda b: b["entry"][0].pop("request"))
    Bundle.model_validate(bad)
    assert rules(bad) == {"bdl-3"}
    bad = broken(final, lambda b: b["entry"][0]["request"].update(url="Observation"))
    assert rules(bad) == {"transaction"}
    bad = broken(final, lambda b: b["entry"][2]["request"].update(url="DiagnosticReport/x/y"))
    assert rules(bad) == {"transaction"}
    bad = broken(final, lambda b: b.update(total=3))
    assert rules(bad) == {"bdl-1"}
    bad = broken(final, lambda b: b.update(type="document"))
    assert {"bdl-3", "bdl-11"} <= rules(bad)


def test_empty_elements_and_attachments_without_type(final: Json) -> None:
    bad = broken(final, lambda b: res(b, "Patient")["name"][0].update(family=""))
    assert rules(bad) == {"ele-1"}
    bad = broken(final, lambda b: res(b, "DiagnosticReport")["presentedForm"][0].pop("contentType"))
    assert rules(bad) == {"att-1"}


def _element_class(model: type[BaseModel], name: str) -> type[BaseModel]:
    """The model class of a (backbone) element field, through list/Optional."""
    stack = [model.model_fields[name].annotation]
    while stack:
        t = stack.pop()
        if isinstance(t, type) and issubclass(t, BaseModel):
            return t
        if isinstance(t, type) and t is not type(None) and t.__name__.endswith("Type"):   # the library's abstract element types
            return get_fhir_model_class(t.__name__.removesuffix("Type"))
        stack += list(typing.get_args(t))
    raise AssertionError(f"{model.__name__}.{name} is not an element")


@pytest.mark.parametrize("owner,path", sorted(REFERENCE_TARGETS))
def test_reference_tables_agree_with_the_spec_metadata(owner: str, path: str) -> None:
    """The tables were written from the spec pages; the library carries the
    same spec data as metadata (without checking it). Agreement guards the
    tables against typos."""
    model: type[BaseModel] = get_fhir_model_class(owner)
    *parents, leaf = path.split(".")
    for part in parents:
        model = _element_class(model, part)
    declared = set(model.model_fields[leaf].json_schema_extra["enum_reference_types"])  # type: ignore[index]
    assert {"Any" if t == "Resource" else t for t in declared} == set(REFERENCE_TARGETS[(owner, path)])
