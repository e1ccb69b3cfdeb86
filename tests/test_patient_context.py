"""Patient, order and study context (issue 13 item 1): read from real DICOM
headers (pydicom-data's RG1_UNCR.dcm), from a Synthea FHIR Patient and a
ServiceRequest, and from request fields; merged with conflicts refused and
missing identifiers recorded as warnings, never invented."""

from __future__ import annotations

import copy
import datetime as dt
import json
import logging

import pydicom
import pytest
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset

from carepath.context import (
    ContextConflictError,
    RequestFields,
    context_from_dicom,
    context_from_fhir,
    context_from_request,
    merge_contexts,
)
from carepath.context.linkage import MISSING_ACCESSION, MISSING_PATIENT_ID
from carepath.errors import InputError


@pytest.fixture(scope="module")
def rg1() -> Dataset:
    return pydicom.dcmread(get_testdata_file("RG1_UNCR.dcm"), stop_before_pixels=True)


@pytest.fixture(scope="module")
def synthea_patient(fhir_bundles) -> dict:
    data = json.loads(fhir_bundles["afhir"].read_text())
    return next(e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "Patient")


def _service_request(patient_ref: str, accession: str = "ACC-2024-0001") -> dict:
    v2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"
    return {
        "resourceType": "ServiceRequest", "status": "active", "intent": "order",
        "subject": {"reference": patient_ref},
        "identifier": [
            {"type": {"coding": [{"system": v2_0203, "code": "ACSN"}]}, "system": "urn:oid:1.2.3.4.5",
             "value": accession},
            {"type": {"coding": [{"system": v2_0203, "code": "PLAC"}]}, "value": "PL-77"},
        ],
        "code": {"coding": [{"system": "http://loinc.org", "code": "36643-5",
                             "display": "XR Chest 2 Views"}]},
    }


def test_dicom_headers_give_patient_order_and_study(rg1: Dataset) -> None:
    ctx = context_from_dicom(rg1)
    assert ctx.patient.id is not None and ctx.patient.id.value == "9RG1"
    assert ctx.patient.id.namespace is None  # RG1 states no issuer; none is made up
    assert ctx.patient.name and ctx.patient.name.family == "CompressedSamples" and ctx.patient.name.given == "RG1"
    assert ctx.patient.birth_date == dt.date(1940, 3, 5) and ctx.patient.sex == "F"
    assert ctx.order.accession is not None and ctx.order.accession.value == "exam Number"
    assert ctx.order.referring and ctx.order.referring.name and ctx.order.referring.name.family == "ward"
    assert ctx.study.instance_uid == "1.3.6.1.4.1.5962.1.2.9.20040826185059.5457"
    assert ctx.study.started == dt.datetime(2004, 8, 26, 18, 50, 59)
    assert (ctx.study.modality, ctx.study.description) == ("CR", "THORAX")
    assert ctx.study.institution == "Philips Medical Systems Hamburg"
    assert ctx.warnings == [] and ctx.sources == ["dicom"]


def test_dicom_issuers_and_procedure_code_are_read(rg1: Dataset) -> None:
    ds = copy.deepcopy(rg1)
    ds.IssuerOfPatientID = "HOSP-A"
    issuer = Dataset()
    issuer.LocalNamespaceEntityID = "RIS-A"
    issuer.UniversalEntityID = "1.2.840.99.1"
    issuer.UniversalEntityIDType = "ISO"
    ds.IssuerOfAccessionNumberSequence = [issuer]
    code = Dataset()
    code.CodeValue, code.CodingSchemeDesignator, code.CodeMeaning = "36643-5", "LN", "XR Chest 2 Views"
    ds.ProcedureCodeSequence = [code]
    ctx = context_from_dicom(ds)
    assert ctx.patient.id and ctx.patient.id.namespace == "HOSP-A"
    acc = ctx.order.accession
    assert acc and (acc.namespace, acc.universal_id, acc.universal_id_type) == ("RIS-A", "1.2.840.99.1", "ISO")
    assert acc.system == "urn:oid:1.2.840.99.1"
    assert ctx.order.procedure and (ctx.order.procedure.value, ctx.order.procedure.system) == \
        ("36643-5", "http://loinc.org")


def test_missing_patient_id_and_accession_are_warnings_not_inventions(rg1: Dataset) -> None:
    ds = copy.deepcopy(rg1)
    ds.PatientID = ""
    del ds.AccessionNumber
    ctx = context_from_dicom(ds)
    assert ctx.patient.id is None and ctx.order.accession is None
    assert MISSING_PATIENT_ID in ctx.warnings and MISSING_ACCESSION in ctx.warnings
    # The request supplies the accession: that warning goes, the other stays.
    merged = merge_contexts(context_from_request(RequestFields(accession="A-1")), ctx)
    assert merged.order.accession and merged.order.accession.value == "A-1"
    assert merged.warnings.count(MISSING_PATIENT_ID) == 1 and MISSING_ACCESSION not in merged.warnings


def test_malformed_header_values_are_left_out_with_a_warning_naming_the_attribute(rg1: Dataset) -> None:
    ds = copy.deepcopy(rg1)
    with pytest.warns(UserWarning):  # pydicom itself objects to the assignment
        ds.PatientBirthDate = "1940x305"
    ds.PatientSex = "X"
    ctx = context_from_dicom(ds)
    assert ctx.patient.birth_date is None and ctx.patient.sex is None
    assert any("PatientBirthDate" in w for w in ctx.warnings)
    assert not any("1940x305" in w for w in ctx.warnings)


def test_synthea_patient_gives_mrn_with_its_system(synthea_patient: dict) -> None:
    ctx = context_from_fhir(synthea_patient)
    mrn = next(i for i in synthea_patient["identifier"]
               if i.get("type", {}).get("coding", [{}])[0].get("code") == "MR")
    assert ctx.patient.id and ctx.patient.id.value == mrn["value"]
    assert ctx.patient.id.system == mrn["system"]
    name = synthea_patient["name"][0]
    assert ctx.patient.name and ctx.patient.name.family == name["family"] and ctx.patient.name.given == name["given"][0]
    assert ctx.patient.birth_date == dt.date.fromisoformat(synthea_patient["birthDate"])
    assert ctx.patient.sex == {"male": "M", "female": "F"}[synthea_patient["gender"]]
    assert MISSING_ACCESSION in ctx.warnings and MISSING_PATIENT_ID not in ctx.warnings


def test_service_request_gives_accession_placer_and_procedure(synthea_patient: dict) -> None:
    req = _service_request(f"urn:uuid:{synthea_patient['id']}")
    ctx = context_from_fhir(synthea_patient, req)
    acc = ctx.order.accession
    assert acc and acc.value == "ACC-2024-0001" and acc.system == "urn:oid:1.2.3.4.5"
    assert ctx.order.placer_number and ctx.order.placer_number.value == "PL-77"
    assert ctx.order.procedure and (ctx.order.procedure.value, ctx.order.procedure.scheme) == ("36643-5", "LN")
    assert ctx.warnings == []


def test_service_request_for_another_patient_is_refused(synthea_patient: dict) -> None:
    with pytest.raises(ContextConflictError) as err:
        context_from_fhir(synthea_patient, _service_request("Patient/someone-else"))
    assert "different Patient" in str(err.value)


def test_two_different_patients_in_one_request_are_refused(rg1: Dataset, synthea_patient: dict,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ContextConflictError) as err:
        merge_contexts(context_from_dicom(rg1), context_from_fhir(synthea_patient))
    text = str(err.value)
    assert "two different patients" in text and "dicom vs fhir" in text
    assert err.value.exit_code == InputError.exit_code
    for ident in ("9RG1", "CompressedSamples", synthea_patient["name"][0]["family"], synthea_patient["id"]):
        assert ident not in text and ident not in caplog.text


@pytest.mark.parametrize("fields, why", [
    ({"patient_id": "OTHER-1"}, "patient identifier differs"),
    ({"accession": "ACC-9"}, "accession number differs"),
    ({"study_uid": "1.2.3"}, "Study Instance UID differs"),
])
def test_request_fields_that_contradict_the_study_are_refused(rg1: Dataset, fields: dict, why: str) -> None:
    with pytest.raises(ContextConflictError, match=why):
        merge_contexts(context_from_request(RequestFields(**fields)), context_from_dicom(rg1))


def test_same_patient_from_study_record_and_request_merges(rg1: Dataset) -> None:
    fhir_patient = {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1940-03-05",
                    "identifier": [{"system": "urn:oid:1.2.840.99.7", "value": "9RG1"}],
                    "name": [{"family": "COMPRESSEDSAMPLES", "given": ["RG1"]}]}
    ctx = merge_contexts(context_from_request(RequestFields(patient_id="9RG1", patient_id_issuer="HOSP")),
                         context_from_dicom(rg1), context_from_fhir(fhir_patient))
    pid = ctx.patient.id
    assert pid and (pid.value, pid.namespace, pid.universal_id, pid.universal_id_type) == \
        ("9RG1", "HOSP", "1.2.840.99.7", "ISO")
    assert ctx.patient.name and ctx.patient.name.family == "CompressedSamples"  # first stated wins
    assert ctx.order.accession and ctx.order.accession.value == "exam Number"
    assert ctx.sources == ["request", "dicom", "fhir"] and ctx.warnings == []


def test_same_id_from_two_issuers_is_two_patients(rg1: Dataset) -> None:
    ds = copy.deepcopy(rg1)
    ds.IssuerOfPatientID = "HOSP-A"
    with pytest.raises(ContextConflictError, match="patient identifier differs"):
        merge_contexts(context_from_request(RequestFields(patient_id="9RG1", patient_id_issuer="HOSP-B")),
                       context_from_dicom(ds))


def test_birth_date_mismatch_is_refused(rg1: Dataset) -> None:
    fhir_patient = {"resourceType": "Patient", "birthDate": "1950-01-01",
                    "identifier": [{"value": "9RG1"}]}
    with pytest.raises(ContextConflictError, match="birth date differs"):
        merge_contexts(context_from_dicom(rg1), context_from_fhir(fhir_patient))


def test_invalid_fhir_patient_is_a_clear_input_error() -> None:
    with pytest.raises(InputError) as err:
        context_from_fhir({"resourceType": "Patient", "birthDate": "not-a-date"})
    assert "invalid FHIR Patient" in str(err.value) and "not-a-date" not in str(err.value)


def test_request_fields_are_validated() -> None:
    with pytest.raises(ValueError):
        RequestFields(study_uid="not a uid")
    with pytest.raises(ValueError):
        RequestFields(patient_id="x" * 65)
